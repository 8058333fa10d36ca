//! Godot's `UDPServer`: one socket, demultiplexed by source address.
//!
//! Every datagram read from the socket — by `poll`, `is_connection_available`
//! or any peer's read — is routed at once: to the inbox of the peer for its
//! source, or, for a new source, to a new pending peer. When the pending
//! slots (`max_pending_connections`, 16 by default as in Godot) are all
//! taken, Godot drops the datagram, and a DTLS client whose ClientHello is
//! dropped stalls until its retransmission timer fires (a second or more).
//! gdtls instead parks such datagrams, in arrival order, in a bounded
//! backlog (`PENDING_BACKLOG_DATAGRAMS` datagrams, 1 MiB at most); as soon
//! as `take_connection` frees a slot, the oldest parked source becomes
//! pending with all its datagrams. Only a backlog that is full drops, so a
//! burst of clients is served in order and without timeouts, while a flood
//! of sources costs bounded memory.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use rustix::time::{clock_gettime, ClockId};

use super::local_port;
use super::packet_peer::{with_scratch, PacketPeerUdp, Refresh, DEFAULT_RECV_BUF_SIZE};
use super::queue::DatagramQueue;
use super::socket::{BindAddress, SocketRole, UdpSocket};
use crate::error::{Error, Failure, Result};

/// Godot's default for `max_pending_connections`.
pub const DEFAULT_MAX_PENDING_CONNECTIONS: i32 = 16;

/// How many datagrams from sources without a pending slot are kept.
pub const PENDING_BACKLOG_DATAGRAMS: usize = 1024;

/// How many bytes of such datagrams are kept.
const PENDING_BACKLOG_BYTES: usize = 1 << 20;

/// How many datagrams one read of the socket routes at most, so that a
/// flood cannot keep a caller inside `poll` for ever.
const DRAIN_LIMIT: usize = 4096;
/// The server's own reads (`is_connection_available`, `take_connection`)
/// skip the socket when someone read it this recently: a host looping
/// faster than that sees new connections at most this late, one polling
/// each frame never.
const FRESH_DRAIN: Duration = Duration::from_millis(1);

/// The current tick of the system's coarse clock (1 to 4 ms, as the kernel
/// counts time), which a connection's look reads: a few nanoseconds, where
/// the precise clock costs as much as the rest of an idle connection's
/// look.
fn coarse_tick() -> u64 {
    let t = clock_gettime(ClockId::MonotonicCoarse);
    // Never 0, which stands for "never read".
    (t.tv_sec as u64).wrapping_mul(1_000_000_000) + t.tv_nsec as u64 + 1
}

type Inbox = Arc<Mutex<DatagramQueue>>;

/// Answers a new source's first datagram in its place, where that is all
/// it needs: a DTLS server answers a ClientHello without a cookie with a
/// HelloVerifyRequest and keeps nothing, as OpenSSL's `DTLSv1_listen` does,
/// so a burst of such hellos costs no pending connection each; and it
/// drops what can start no connection.
pub(crate) trait Greeter: Send + Sync {
    /// What to do with `datagram` from `from`; an answer is written into
    /// `reply`.
    fn greet(&self, from: SocketAddr, datagram: &[u8], reply: &mut Vec<u8>) -> Greeting;
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Greeting {
    /// `reply` holds the answer, which is sent; nothing is kept.
    Answered,
    /// Nothing could start with the datagram (a late record of a connection
    /// that has ended, say), which is dropped: kept, it would make a
    /// pending connection that swallows the source's next ClientHello.
    Stray,
    /// The datagram makes a connection.
    Admit,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn not_listening() -> Failure {
    Failure::new(
        Error::FAILED,
        "the UDPServer this peer came from is no longer listening",
    )
}

struct DemuxState {
    socket: Option<Arc<UdpSocket>>,
    routes: HashMap<SocketAddr, Weak<Mutex<DatagramQueue>>>,
    /// Size of `routes` at which dead entries are next swept out.
    sweep_at: usize,
    /// Pending connections, with their source.
    pending: VecDeque<(SocketAddr, Arc<PacketPeerUdp>)>,
    max_pending: usize,
    backlog: VecDeque<(SocketAddr, Vec<u8>)>,
    backlog_bytes: usize,
    received: u64,
    dropped: u64,
    /// Who answers first datagrams in their place (the DTLS server that
    /// takes this server's connections), while it lives.
    greeter: Option<Weak<dyn Greeter>>,
    greeted: u64,
    /// Datagrams from new sources the greeter dropped.
    stray: u64,
    /// Where an answer is written before it is sent.
    reply: Vec<u8>,
    /// When the socket was last read to the end.
    last_drain: Option<Instant>,
}

impl DemuxState {
    fn drained_lately(&self) -> bool {
        self.last_drain.is_some_and(|at| at.elapsed() < FRESH_DRAIN)
    }
}

pub(crate) struct Demux {
    state: Mutex<DemuxState>,
    /// What an idle connection's look needs, kept out of the lock so that
    /// the look takes none. Written with the lock held. The generation is
    /// bumped by every `stop`, so peers of an earlier `listen` stay closed;
    /// then how many times the socket was read to the end, and the coarse
    /// tick of the last time (0: never).
    generation: AtomicU64,
    drains: AtomicU64,
    last_drain_tick: AtomicU64,
}

impl Demux {
    fn drained_this_tick(&self) -> bool {
        self.last_drain_tick.load(Ordering::Relaxed) == coarse_tick()
    }

    /// Reads what the socket holds and routes it.
    fn drain(self: &Arc<Self>, st: &mut DemuxState) -> Result<()> {
        let socket = st.socket.clone().ok_or_else(|| {
            Failure::new(
                Error::ERR_UNCONFIGURED,
                "the server is not listening: call listen first",
            )
        })?;
        self.drains.fetch_add(1, Ordering::Release);
        self.last_drain_tick.store(coarse_tick(), Ordering::Relaxed);
        st.last_drain = Some(Instant::now());
        with_scratch(|buf| {
            for _ in 0..DRAIN_LIMIT {
                match socket.recv(buf)? {
                    Some((n, from)) => {
                        st.received += 1;
                        self.route(st, &socket, from, &buf[..n]);
                    }
                    None => break,
                }
            }
            Ok(())
        })
    }

    fn route(
        self: &Arc<Self>,
        st: &mut DemuxState,
        socket: &UdpSocket,
        from: SocketAddr,
        data: &[u8],
    ) {
        if !st.backlog.is_empty() {
            self.promote(st);
        }
        if let Some(inbox) = st.routes.get(&from).and_then(Weak::upgrade) {
            lock(&inbox).push(from, data);
            return;
        }
        if Self::greet(st, socket, from, data) != Greeting::Admit {
            return;
        }
        if st.backlog.is_empty() && st.pending.len() < st.max_pending {
            self.admit(st, from, data);
        } else if st.backlog.len() < PENDING_BACKLOG_DATAGRAMS
            && st.backlog_bytes + data.len() <= PENDING_BACKLOG_BYTES
        {
            st.backlog_bytes += data.len();
            st.backlog.push_back((from, data.to_vec()));
        } else {
            st.dropped += 1;
        }
    }

    /// Answers a new source's datagram in its place, or drops it, if the
    /// greeter will. A reply the socket cannot take now is lost, as the
    /// client's retransmission will ask again.
    fn greet(st: &mut DemuxState, socket: &UdpSocket, from: SocketAddr, data: &[u8]) -> Greeting {
        let Some(greeter) = st.greeter.as_ref().and_then(Weak::upgrade) else {
            return Greeting::Admit;
        };
        let mut reply = std::mem::take(&mut st.reply);
        reply.clear();
        let greeting = greeter.greet(from, data, &mut reply);
        match greeting {
            Greeting::Answered => {
                let _ = socket.send(&reply, Some(from));
                st.greeted += 1;
            }
            Greeting::Stray => st.stray += 1,
            Greeting::Admit => {}
        }
        st.reply = reply;
        greeting
    }

    /// Answers or drops, in their place, the pending connections and parked
    /// datagrams the greeter will (a pending connection only when its one
    /// datagram is the one to answer); returns the connections so ended.
    fn greet_waiting(&self, st: &mut DemuxState) -> Vec<Arc<PacketPeerUdp>> {
        let Some(socket) = st.socket.clone() else {
            return Vec::new();
        };
        let mut greeted = Vec::new();
        for (from, peer) in std::mem::take(&mut st.pending) {
            let inbox = st.routes.get(&from).and_then(Weak::upgrade);
            let answered = inbox.is_some_and(|inbox| {
                let inbox = lock(&inbox);
                inbox.len() == 1
                    && inbox.front().is_some_and(|(_, data)| {
                        Self::greet(st, &socket, from, data) != Greeting::Admit
                    })
            });
            if answered {
                st.routes.remove(&from);
                greeted.push(peer);
            } else {
                st.pending.push_back((from, peer));
            }
        }
        let mut backlog = std::mem::take(&mut st.backlog);
        backlog.retain(|(from, data)| {
            let answered = Self::greet(st, &socket, *from, data) != Greeting::Admit;
            if answered {
                st.backlog_bytes -= data.len();
            }
            !answered
        });
        st.backlog = backlog;
        greeted
    }

    /// Makes `from` a pending connection whose first datagram is `data`.
    fn admit(self: &Arc<Self>, st: &mut DemuxState, from: SocketAddr, data: &[u8]) {
        let inbox: Inbox = Arc::new(Mutex::new(DatagramQueue::new(DEFAULT_RECV_BUF_SIZE)));
        lock(&inbox).push(from, data);
        if st.routes.len() >= st.sweep_at {
            st.routes.retain(|_, inbox| inbox.strong_count() > 0);
            st.sweep_at = (st.routes.len() * 2).max(64);
        }
        st.routes.insert(from, Arc::downgrade(&inbox));
        let link = SharedLink {
            demux: Arc::clone(self),
            inbox,
            source: from,
            generation: self.generation.load(Ordering::Relaxed),
            seen_drains: self.drains.load(Ordering::Acquire),
            spared: false,
        };
        st.pending
            .push_back((from, Arc::new(PacketPeerUdp::shared(link, from))));
    }

    /// Moves parked datagrams, oldest first, to their peers while pending
    /// slots are free.
    fn promote(self: &Arc<Self>, st: &mut DemuxState) {
        while st.pending.len() < st.max_pending {
            let Some((from, data)) = st.backlog.pop_front() else {
                break;
            };
            st.backlog_bytes -= data.len();
            match st.routes.get(&from).and_then(Weak::upgrade) {
                Some(inbox) => {
                    lock(&inbox).push(from, &data);
                }
                None => self.admit(st, from, &data),
            }
        }
    }
}

/// A server peer's view of the shared socket.
pub(crate) struct SharedLink {
    demux: Arc<Demux>,
    inbox: Inbox,
    source: SocketAddr,
    generation: u64,
    /// The server's count of socket reads when this peer last looked.
    seen_drains: u64,
    /// A look since then did not read the socket although nobody had.
    spared: bool,
}

impl SharedLink {
    fn open_socket(&self, st: &DemuxState) -> Option<Arc<UdpSocket>> {
        st.socket
            .clone()
            .filter(|_| self.demux.generation.load(Ordering::Relaxed) == self.generation)
    }

    pub(crate) fn socket(&self) -> Option<Arc<UdpSocket>> {
        self.open_socket(&lock(&self.demux.state))
    }

    pub(crate) fn is_open(&self) -> bool {
        self.socket().is_some()
    }

    pub(crate) fn local_port(&self) -> u16 {
        self.socket().map_or(0, |s| s.local_port())
    }

    pub(crate) fn socket_fd(&self) -> Option<std::os::fd::RawFd> {
        self.socket().map(|s| s.raw_fd())
    }

    pub(crate) fn send(&self, data: &[u8]) -> Result<()> {
        self.socket()
            .ok_or_else(not_listening)?
            .send(data, Some(self.source))
    }

    /// Runs `f` on this peer's inbox, after routing what the socket holds
    /// (as `refresh` says: see `PacketPeerUdp::with_queue`). For the next
    /// packet, the socket is not read again when someone else read it
    /// since this peer last looked (the server's `poll`, another peer):
    /// what it held for this peer is in the inbox already. Nor is it read
    /// by the first look after one that found nobody had, if someone read
    /// it during this tick of the coarse clock: so a frame that polls the
    /// server, then each of its connections (which may look twice: `poll`,
    /// then `get_packet`), reads the socket once, not once per idle
    /// connection, while a host that polls its connections in a loop of its
    /// own, and never the server, sees a datagram at most one look late.
    ///
    /// A look that does not read takes no lock but the inbox's: a routing
    /// on another thread counts its read before it pushes into the inbox,
    /// so whatever it routes here is either seen now or seen as a new read.
    pub(crate) fn with_inbox<R>(
        &mut self,
        refresh: Refresh,
        f: impl FnOnce(&mut DatagramQueue) -> R,
    ) -> Result<R> {
        let demux = &*self.demux;
        if demux.generation.load(Ordering::Acquire) != self.generation {
            return Err(not_listening());
        }
        let inbox = lock(&self.inbox);
        let drains = demux.drains.load(Ordering::Acquire);
        let read = match refresh {
            Refresh::Always => true,
            Refresh::WhenEmpty if !inbox.is_empty() => false,
            Refresh::WhenEmpty if drains != self.seen_drains => {
                self.seen_drains = drains;
                self.spared = false;
                false
            }
            Refresh::WhenEmpty => {
                let spare = !self.spared && demux.drained_this_tick();
                self.spared |= spare;
                !spare
            }
        };
        if !read {
            let mut inbox = inbox;
            return Ok(f(&mut inbox));
        }
        // Routing locks this inbox too.
        drop(inbox);
        let mut st = lock(&demux.state);
        if self.open_socket(&st).is_none() {
            return Err(not_listening());
        }
        self.demux.drain(&mut st)?;
        self.seen_drains = demux.drains.load(Ordering::Acquire);
        self.spared = false;
        let mut inbox = lock(&self.inbox);
        drop(st);
        Ok(f(&mut inbox))
    }

    /// Makes `greeter` answer the server's new sources' first datagrams,
    /// those already waiting included: the first burst of clients arrives
    /// before the host takes its first connection.
    pub(crate) fn set_greeter(&self, greeter: Weak<dyn Greeter>) {
        let greeted = {
            let mut st = lock(&self.demux.state);
            if st
                .greeter
                .as_ref()
                .is_some_and(|g| Weak::ptr_eq(g, &greeter))
            {
                return;
            }
            st.greeter = Some(greeter);
            self.demux.greet_waiting(&mut st)
        };
        // Dropped without the lock: a peer's destructor takes it.
        drop(greeted);
    }

    /// Stops routing the source here: its next datagram is a new connection.
    pub(crate) fn leave(&self) {
        let mut st = lock(&self.demux.state);
        let mine = st
            .routes
            .get(&self.source)
            .is_some_and(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(&self.inbox)));
        if mine {
            st.routes.remove(&self.source);
        }
    }
}

/// Godot's `UDPServer`.
pub struct UdpServer {
    demux: Arc<Demux>,
}

impl Default for UdpServer {
    fn default() -> Self {
        UdpServer {
            demux: Arc::new(Demux {
                state: Mutex::new(DemuxState {
                    socket: None,
                    routes: HashMap::new(),
                    sweep_at: 64,
                    pending: VecDeque::new(),
                    max_pending: DEFAULT_MAX_PENDING_CONNECTIONS as usize,
                    backlog: VecDeque::new(),
                    backlog_bytes: 0,
                    received: 0,
                    dropped: 0,
                    greeter: None,
                    greeted: 0,
                    stray: 0,
                    reply: Vec::new(),
                    last_drain: None,
                }),
                generation: AtomicU64::new(0),
                drains: AtomicU64::new(0),
                last_drain_tick: AtomicU64::new(0),
            }),
        }
    }
}

impl UdpServer {
    /// A server that is not listening yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> MutexGuard<'_, DemuxState> {
        lock(&self.demux.state)
    }

    /// Godot's `listen(port, bind_address)`: binds the server's socket on
    /// `port` of `bind_address` ("*" for every IPv4 and IPv6 address). With
    /// SO_REUSEADDR, as Godot does: a port another such socket holds is
    /// taken without error, and the newest socket receives (see
    /// `SocketRole`).
    pub fn listen(&self, port: i32, bind_address: &str) -> Result<()> {
        let mut st = self.state();
        if st.socket.is_some() {
            return Err(Failure::new(
                Error::ERR_ALREADY_IN_USE,
                "the server is already listening",
            ));
        }
        let address = BindAddress::parse(bind_address)?;
        let port = local_port(port)?;
        st.socket = Some(Arc::new(UdpSocket::bind(
            address,
            port,
            SocketRole::Server,
        )?));
        Ok(())
    }

    /// The state after routing what the socket holds, unless someone read
    /// it during this tick (`poll` just before, say); `None` when
    /// not listening. A read error leaves what was routed before it, and
    /// the callers report on that.
    fn drained(&self) -> Option<MutexGuard<'_, DemuxState>> {
        let mut st = self.state();
        st.socket.as_ref()?;
        if !st.drained_lately() {
            let _ = self.demux.drain(&mut st);
        }
        Some(st)
    }

    /// Godot's `poll()`: reads the socket and routes every datagram to its
    /// peer or to a new pending connection. `ERR_UNCONFIGURED` when not
    /// listening.
    pub fn poll(&self) -> Result<()> {
        self.demux.drain(&mut self.state())
    }

    /// Godot's `is_connection_available()`. It reads the socket first, as
    /// `poll` does, so code written for Godot 3.2's documentation (which
    /// never calls `poll`) works too.
    pub fn is_connection_available(&self) -> bool {
        self.drained().is_some_and(|st| !st.pending.is_empty())
    }

    /// Godot's `take_connection()`: the oldest pending connection, a peer
    /// connected to its source that shares the server's socket; `None` when
    /// there is none. Reads the socket first, like `is_connection_available`.
    pub fn take_connection(&self) -> Option<Arc<PacketPeerUdp>> {
        let mut st = self.drained()?;
        let (_, peer) = st.pending.pop_front()?;
        self.demux.promote(&mut st);
        Some(peer)
    }

    /// Godot's `stop()`: closes the socket; pending connections are dropped
    /// and peers already taken are closed.
    pub fn stop(&self) {
        let pending = {
            let mut st = self.state();
            st.socket = None;
            self.demux.generation.fetch_add(1, Ordering::Release);
            st.routes.clear();
            st.backlog.clear();
            st.backlog_bytes = 0;
            std::mem::take(&mut st.pending)
        };
        // Dropped without the lock: a peer's destructor takes it.
        drop(pending);
    }

    /// Godot's `is_listening()`.
    pub fn is_listening(&self) -> bool {
        self.state().socket.is_some()
    }

    /// Godot's `get_local_port()`: 0 when not listening.
    pub fn get_local_port(&self) -> u16 {
        self.state().socket.as_ref().map_or(0, |s| s.local_port())
    }

    /// The listening socket's descriptor, for a host that sleeps in `poll`
    /// or `epoll` until a datagram arrives (then it calls `poll` here and
    /// on the connections); `None` when not listening. The socket stays
    /// the server's: the host must not read, write or close it.
    pub fn socket_fd(&self) -> Option<std::os::fd::RawFd> {
        self.state().socket.as_ref().map(|s| s.raw_fd())
    }

    /// Godot's `set_max_pending_connections(max)`. 0 refuses new sources
    /// (they wait in the backlog). Lowering it keeps the connections already
    /// pending. Negative values are `ERR_INVALID_PARAMETER`.
    pub fn set_max_pending_connections(&self, max: i32) -> Result<()> {
        let max = usize::try_from(max).map_err(|_| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("max pending connections must be 0 or more, not {max}"),
            )
        })?;
        let mut st = self.state();
        st.max_pending = max;
        self.demux.promote(&mut st);
        Ok(())
    }

    /// Godot's `get_max_pending_connections()`.
    pub fn get_max_pending_connections(&self) -> i32 {
        i32::try_from(self.state().max_pending).unwrap_or(i32::MAX)
    }

    /// Datagrams read from the socket since the server was made.
    pub fn received_datagrams(&self) -> u64 {
        self.state().received
    }

    /// How many times the socket was read until empty: by `poll`, and by
    /// a connection that finds nothing queued when nobody read it lately
    /// (so a frame of idle connections adds none).
    pub fn socket_reads(&self) -> u64 {
        self.demux.drains.load(Ordering::Relaxed)
    }

    /// Datagrams from new sources dropped because the backlog was full.
    pub fn dropped_datagrams(&self) -> u64 {
        self.state().dropped
    }

    /// Datagrams from new sources answered in their place, without a
    /// connection (ClientHellos without a cookie, once a `DtlsServer` has
    /// taken a connection of this server).
    pub fn greeted_datagrams(&self) -> u64 {
        self.state().greeted
    }

    /// Datagrams from new sources dropped as starting nothing (once a
    /// `DtlsServer` has taken a connection of this server, anything but a
    /// ClientHello: a late record of a connection that has ended, say).
    pub fn stray_datagrams(&self) -> u64 {
        self.state().stray
    }
}

impl Drop for UdpServer {
    fn drop(&mut self) {
        self.stop();
    }
}
