//! Godot's `PacketPeerUDP`.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use super::queue::{read_to_vec, DatagramQueue, PacketRead, MAX_DATAGRAM};
use super::server::{Greeter, SharedLink};
use super::socket::{BindAddress, SocketRole, UdpSocket};
use super::{local_port, resolve};
use crate::error::{Error, Failure, Result};
use crate::scratch::{self, Scratch};
use crate::transport::Transport;

/// Godot's default receive buffer: how many bytes of datagrams a peer queues
/// before it stops reading its socket.
pub const DEFAULT_RECV_BUF_SIZE: usize = 65536;

/// The largest receive buffer `bind` accepts.
const MAX_RECV_BUF_SIZE: usize = 64 << 20;

/// How long a `wait` sleeps before looking again at a queue that another
/// thread may have filled from the same socket.
const WAIT_SLICE: Duration = Duration::from_millis(10);

thread_local! {
    /// A receive buffer one byte larger than any datagram, to see truncation.
    static SCRATCH: Scratch = Scratch::new(MAX_DATAGRAM + 1);
}

/// Runs `f` with this thread's receive buffer.
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut [u8]) -> R) -> R {
    scratch::with(&SCRATCH, f)
}

enum Link {
    /// No socket: never bound, or closed.
    Closed,
    /// A socket of the peer's own.
    Own {
        socket: Arc<UdpSocket>,
        queue: DatagramQueue,
    },
    /// A `UdpServer`'s socket, shared with the server's other peers.
    Shared(SharedLink),
    /// A host's transport, with a queue so a packet can be looked at before
    /// it is taken.
    Host {
        transport: Box<dyn Transport>,
        queue: DatagramQueue,
    },
}

struct State {
    link: Link,
    /// Where `put_packet` sends (`set_dest_address` or `connect_to_host`).
    dest: Option<SocketAddr>,
    connected: bool,
    /// The source of the last packet received (Godot's packet ip and port).
    last_from: Option<SocketAddr>,
    broadcast: bool,
    recv_buf_size: usize,
    /// An ICMP "port unreachable" the socket reported while the queue was
    /// being filled, kept for the first read that finds the queue empty.
    refusal: Option<Failure>,
}

/// Godot's `PacketPeerUDP`.
pub struct PacketPeerUdp {
    state: Mutex<State>,
}

impl Default for PacketPeerUdp {
    fn default() -> Self {
        Self::with_link(Link::Closed, None, false)
    }
}

fn not_bound() -> Failure {
    Failure::new(
        Error::FAILED,
        "the peer has no socket: bind or connect it first",
    )
}

fn locked() -> Failure {
    Failure::new(
        Error::ERR_LOCKED,
        "cannot connect a peer that belongs to a UDPServer or a host transport",
    )
}

impl PacketPeerUdp {
    /// A peer with no socket yet, like Godot's `PacketPeerUDP.new()`.
    pub fn new() -> Self {
        Self::default()
    }

    fn with_link(link: Link, dest: Option<SocketAddr>, connected: bool) -> Self {
        PacketPeerUdp {
            state: Mutex::new(State {
                link,
                dest,
                connected,
                last_from: dest,
                broadcast: false,
                recv_buf_size: DEFAULT_RECV_BUF_SIZE,
                refusal: None,
            }),
        }
    }

    /// A peer taken from a `UdpServer`: connected to `source`, reading what
    /// the server's socket receives from it.
    pub(crate) fn shared(link: SharedLink, source: SocketAddr) -> Self {
        Self::with_link(Link::Shared(link), Some(source), true)
    }

    /// A connected peer whose datagrams travel through a host's transport.
    pub fn from_transport(transport: Box<dyn Transport>) -> Self {
        let link = Link::Host {
            transport,
            queue: DatagramQueue::new(DEFAULT_RECV_BUF_SIZE),
        };
        Self::with_link(link, None, true)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Godot's `bind(port, bind_address, recv_buf_size)`: opens a socket on
    /// `port` (0: any free port) of `bind_address` ("*" for every IPv4 and
    /// IPv6 address). At most `recv_buf_size` bytes of datagrams are queued;
    /// the rest wait in the socket.
    pub fn bind(&self, port: i32, bind_address: &str, recv_buf_size: i32) -> Result<()> {
        let mut state = self.lock();
        match state.link {
            Link::Closed => {}
            // Godot 3.2 answers the same for a server's peer: it has a socket.
            Link::Own { .. } | Link::Shared(_) | Link::Host { .. } => {
                return Err(Failure::new(
                    Error::ERR_ALREADY_IN_USE,
                    "the peer already has a socket",
                ))
            }
        }
        let address = BindAddress::parse(bind_address)?;
        let port = local_port(port)?;
        let size = usize::try_from(recv_buf_size)
            .ok()
            .filter(|s| (1..=MAX_RECV_BUF_SIZE).contains(s))
            .ok_or_else(|| {
                Failure::new(
                    Error::ERR_INVALID_PARAMETER,
                    format!(
                        "recv_buf_size {recv_buf_size} must be between 1 and {MAX_RECV_BUF_SIZE}"
                    ),
                )
            })?;
        let socket = UdpSocket::bind(address, port, SocketRole::Bound)?;
        if state.broadcast {
            socket.set_broadcast(true)?;
        }
        state.recv_buf_size = size;
        state.link = Link::Own {
            socket: Arc::new(socket),
            queue: DatagramQueue::new(size),
        };
        Ok(())
    }

    /// Godot's `close()`: releases the socket (or leaves the server or host
    /// transport) and drops queued packets. The destination is kept.
    pub fn close(&self) {
        let mut state = self.lock();
        if let Link::Shared(link) = &state.link {
            link.leave();
        }
        state.link = Link::Closed;
        state.connected = false;
        state.refusal = None;
    }

    /// Godot's `connect_to_host(host, port)`: only datagrams from that
    /// address are received from now on, and `put_packet` sends there.
    /// Opens a socket first if the peer has none. Queued packets are dropped.
    pub fn connect_to_host(&self, host: &str, port: i32) -> Result<()> {
        let mut state = self.lock();
        let state = &mut *state;
        let ipv4_only = match &state.link {
            Link::Closed => false,
            Link::Own { socket, .. } => !socket.is_ipv6(),
            Link::Shared(_) | Link::Host { .. } => return Err(locked()),
        };
        let addr = resolve(host, port, ipv4_only)?;
        if let Link::Closed = state.link {
            let socket = UdpSocket::open(addr.ip())?;
            if state.broadcast {
                socket.set_broadcast(true)?;
            }
            state.link = Link::Own {
                socket: Arc::new(socket),
                queue: DatagramQueue::new(state.recv_buf_size),
            };
        }
        if let Link::Own { socket, queue } = &mut state.link {
            socket.connect(addr)?;
            queue.clear();
        }
        state.refusal = None;
        state.connected = true;
        state.dest = Some(addr);
        Ok(())
    }

    /// Godot's `set_dest_address(host, port)`: where `put_packet` sends, for
    /// a peer that is not connected.
    pub fn set_dest_address(&self, host: &str, port: i32) -> Result<()> {
        let mut state = self.lock();
        if state.connected {
            return Err(Failure::new(
                Error::ERR_UNCONFIGURED,
                "the destination of a connected peer cannot be changed",
            ));
        }
        let ipv4_only = matches!(&state.link, Link::Own { socket, .. } if !socket.is_ipv6());
        state.dest = Some(resolve(host, port, ipv4_only)?);
        Ok(())
    }

    /// Godot's `is_socket_connected()`.
    pub fn is_socket_connected(&self) -> bool {
        self.lock().connected
    }

    /// Godot's `is_bound()`: the peer has a socket (of its own, a listening
    /// server's, or a host transport).
    pub fn is_bound(&self) -> bool {
        match &self.lock().link {
            Link::Closed => false,
            Link::Own { .. } | Link::Host { .. } => true,
            Link::Shared(link) => link.is_open(),
        }
    }

    /// Godot's `get_local_port()`: 0 without a socket of its own or a
    /// server's.
    pub fn get_local_port(&self) -> u16 {
        match &self.lock().link {
            Link::Own { socket, .. } => socket.local_port(),
            Link::Shared(link) => link.local_port(),
            Link::Closed | Link::Host { .. } => 0,
        }
    }

    /// The descriptor of the socket the peer reads, for a host that sleeps
    /// in `poll` or `epoll` until a datagram arrives: its own, or its
    /// `UdpServer`'s (shared with the server's other connections). `None`
    /// without a socket or over a host's transport. The socket stays the
    /// peer's: the host must not read, write or close it.
    pub fn socket_fd(&self) -> Option<std::os::fd::RawFd> {
        match &self.lock().link {
            Link::Own { socket, .. } => Some(socket.raw_fd()),
            Link::Shared(link) => link.socket_fd(),
            Link::Closed | Link::Host { .. } => None,
        }
    }

    /// Godot's `set_broadcast_enabled(enabled)`, now or when a socket opens.
    pub fn set_broadcast_enabled(&self, enabled: bool) -> Result<()> {
        let mut state = self.lock();
        state.broadcast = enabled;
        match &state.link {
            Link::Own { socket, .. } => socket.set_broadcast(enabled),
            _ => Ok(()),
        }
    }

    /// Godot 4's `join_multicast_group(multicast_address, interface_name)`:
    /// the peer receives what is sent to the group, on the interface of
    /// that name (empty: the one the system routes the group to). The peer
    /// must have a socket of its own (`bind` it to the group's port first;
    /// Godot opens an unbound socket instead). `ERR_INVALID_PARAMETER` for
    /// an address that is not a multicast group or an unknown interface,
    /// `ERR_UNCONFIGURED` without a socket, `ERR_LOCKED` for a UDPServer's
    /// peer, `ERR_UNAVAILABLE` for a host transport, `FAILED` when the
    /// system refuses.
    pub fn join_multicast_group(
        &self,
        multicast_address: &str,
        interface_name: &str,
    ) -> Result<()> {
        self.change_multicast(multicast_address, interface_name, true)
    }

    /// Godot 4's `leave_multicast_group(multicast_address, interface_name)`:
    /// undoes `join_multicast_group`. Errors as for joining; leaving a group
    /// the peer did not join is `FAILED`.
    pub fn leave_multicast_group(
        &self,
        multicast_address: &str,
        interface_name: &str,
    ) -> Result<()> {
        self.change_multicast(multicast_address, interface_name, false)
    }

    fn change_multicast(&self, address: &str, interface: &str, join: bool) -> Result<()> {
        let group = address
            .parse::<IpAddr>()
            .ok()
            .map(|ip| ip.to_canonical())
            .filter(IpAddr::is_multicast)
            .ok_or_else(|| {
                Failure::new(
                    Error::ERR_INVALID_PARAMETER,
                    format!("'{address}' is not a multicast group address"),
                )
            })?;
        match &self.lock().link {
            Link::Own { socket, .. } => {
                let index = socket.interface_index(interface)?;
                socket.change_multicast(group, index, join)
            }
            Link::Closed => Err(Failure::new(
                Error::ERR_UNCONFIGURED,
                "the peer has no socket: bind it to the group's port first",
            )),
            Link::Shared(_) => Err(Failure::new(
                Error::ERR_LOCKED,
                "a UDPServer's peer shares the server's socket and cannot join groups",
            )),
            Link::Host { .. } => Err(Failure::new(
                Error::ERR_UNAVAILABLE,
                "a host transport has no socket to join groups with",
            )),
        }
    }

    /// Godot's `put_packet(buffer)`: sends one datagram to the destination.
    /// A peer with a destination but no socket opens one first, as Godot's
    /// does. `ERR_BUSY` when the socket's buffer is full;
    /// `ERR_CONNECTION_ERROR` when the system reports that an earlier
    /// datagram was refused (ICMP "port unreachable") and no read reported
    /// it yet.
    pub fn put_packet(&self, data: &[u8]) -> Result<()> {
        if data.len() > MAX_DATAGRAM {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!(
                    "a packet of {} bytes exceeds the UDP limit of {MAX_DATAGRAM}",
                    data.len()
                ),
            ));
        }
        let mut state = self.lock();
        let state = &mut *state;
        if let Link::Closed = state.link {
            let dest = state.dest.ok_or_else(no_destination)?;
            let socket = UdpSocket::open(dest.ip())?;
            socket.set_broadcast(state.broadcast)?;
            state.link = Link::Own {
                socket: Arc::new(socket),
                queue: DatagramQueue::new(state.recv_buf_size),
            };
        }
        match &state.link {
            Link::Closed => Err(no_destination()),
            Link::Own { socket, .. } if state.connected => socket.send(data, None),
            Link::Own { socket, .. } => {
                socket.send(data, Some(state.dest.ok_or_else(no_destination)?))
            }
            Link::Shared(link) => link.send(data),
            Link::Host { transport, .. } => transport.send_datagram(data),
        }
    }

    /// Runs `f` on the peer's queue after moving waiting datagrams into it
    /// (with `Refresh::WhenEmpty`, only when none is queued: reading the
    /// next packet needs no system call that would find nothing, per
    /// packet). `Err` without a socket.
    fn with_queue<R>(
        state: &mut State,
        refresh: Refresh,
        f: impl FnOnce(&mut DatagramQueue) -> R,
    ) -> Result<R> {
        let dest = state.dest.unwrap_or(UNSPECIFIED);
        match &mut state.link {
            Link::Closed => Err(not_bound()),
            Link::Own { queue, .. } if refresh == Refresh::WhenEmpty && !queue.is_empty() => {
                Ok(f(queue))
            }
            // Stop once the queue is full: the socket keeps the rest.
            Link::Own { socket, queue } => {
                let mut read = || fill(queue, usize::MAX, |buf| socket.recv(buf));
                match read() {
                    // The system reports a refusal ahead of what is still
                    // queued, which is read on.
                    Err(refusal) if refusal.code == Error::ERR_CONNECTION_ERROR => {
                        state.refusal = Some(refusal);
                        read()?;
                    }
                    other => other?,
                }
                Ok(f(queue))
            }
            Link::Shared(link) => link.with_inbox(refresh, f),
            Link::Host { queue, .. } if refresh == Refresh::WhenEmpty && !queue.is_empty() => {
                Ok(f(queue))
            }
            Link::Host { transport, queue } => {
                let waiting = transport.pending_datagrams()?.unwrap_or(usize::MAX);
                fill(queue, waiting, |buf| {
                    Ok(transport
                        .recv_datagram(buf)?
                        .map(|n| (n.min(buf.len()), dest)))
                })?;
                Ok(f(queue))
            }
        }
    }

    /// Godot's `get_available_packet_count()`: -1 without a socket, as in
    /// Godot.
    pub fn get_available_packet_count(&self) -> i32 {
        let mut state = self.lock();
        Self::with_queue(&mut state, Refresh::Always, |q| q.len())
            .map_or(-1, |n| i32::try_from(n).unwrap_or(i32::MAX))
    }

    /// Godot's `get_packet()`, into `buf`: copies and removes the next
    /// packet, or leaves it queued when `buf` is too small for it.
    /// `ERR_UNAVAILABLE` when none is waiting, `FAILED` without a socket.
    /// A connected peer whose destination answered with ICMP "port
    /// unreachable" (nothing listens there) gets `ERR_CONNECTION_ERROR`
    /// once, when no packet is left before it.
    pub fn get_packet(&self, buf: &mut [u8]) -> Result<PacketRead> {
        let mut state = self.lock();
        let read = Self::with_queue(&mut state, Refresh::WhenEmpty, |q| q.take_into(buf))?;
        let (from, read) = match read {
            Some(next) => next,
            None => {
                return Err(state.refusal.take().unwrap_or_else(|| {
                    Failure::new(Error::ERR_UNAVAILABLE, "no packet is waiting")
                }))
            }
        };
        if let PacketRead::Read(_) = read {
            state.last_from = Some(from);
        }
        Ok(read)
    }

    /// Runs `f` on the next packet without taking it; `None` when there is
    /// none (or no socket).
    pub(crate) fn peek_packet<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let mut state = self.lock();
        Self::with_queue(&mut state, Refresh::WhenEmpty, |q| {
            q.front().map(|(_, data)| f(data))
        })
        .ok()
        .flatten()
    }

    /// `get_packet` into a new vector.
    pub fn get_packet_vec(&self) -> Result<Vec<u8>> {
        read_to_vec(MAX_DATAGRAM, |buf| self.get_packet(buf))
    }

    /// Godot's `get_packet_ip()` and `get_packet_port()`: the source of the
    /// last packet received (for a peer taken from a server, its client).
    pub fn get_packet_address(&self) -> Option<SocketAddr> {
        self.lock().last_from
    }

    /// Makes `greeter` answer new sources' first datagrams in their place,
    /// when this peer was taken from a `UdpServer`.
    pub(crate) fn set_greeter(&self, greeter: Weak<dyn Greeter>) {
        if let Link::Shared(link) = &self.lock().link {
            link.set_greeter(greeter);
        }
    }

    /// Where `put_packet` sends (`connect_to_host` or `set_dest_address`).
    pub(crate) fn destination(&self) -> Option<SocketAddr> {
        self.lock().dest
    }

    /// Godot's `get_max_packet_size()`: the largest datagram UDP can carry
    /// to any peer (Godot reports its buffer size, 65536, instead).
    pub fn get_max_packet_size(&self) -> usize {
        MAX_DATAGRAM
    }

    /// Godot's `wait()`, with an optional limit: blocks until a packet is
    /// waiting (`OK`), the limit passes (`ERR_TIMEOUT`), or there is nothing
    /// to wait on (`FAILED` without a socket; `ERR_UNAVAILABLE` for a host
    /// transport, which gdtls cannot block on).
    pub fn wait(&self, timeout: Option<Duration>) -> Result<()> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            let socket = {
                let mut state = self.lock();
                if Self::with_queue(&mut state, Refresh::WhenEmpty, |q| !q.is_empty())? {
                    return Ok(());
                }
                match &state.link {
                    Link::Own { socket, .. } => Arc::clone(socket),
                    Link::Shared(link) => link.socket().ok_or_else(not_bound)?,
                    Link::Host { .. } => {
                        return Err(Failure::new(
                            Error::ERR_UNAVAILABLE,
                            "a host transport cannot be waited on",
                        ))
                    }
                    Link::Closed => return Err(not_bound()),
                }
            };
            // Without the lock, so other threads can use the peer meanwhile.
            let slice = match deadline {
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Err(Failure::new(
                            Error::ERR_TIMEOUT,
                            "no packet arrived in time",
                        ));
                    }
                    left.min(WAIT_SLICE)
                }
                None => WAIT_SLICE,
            };
            socket.wait_readable(Some(slice))?;
        }
    }
}

/// Moves datagrams from `recv` into `queue` until the queue is full, `recv`
/// has no more, or `limit` have moved.
fn fill(
    queue: &mut DatagramQueue,
    limit: usize,
    mut recv: impl FnMut(&mut [u8]) -> Result<Option<(usize, SocketAddr)>>,
) -> Result<()> {
    with_scratch(|buf| {
        for _ in 0..limit {
            if queue.is_full() {
                break;
            }
            let Some((n, from)) = recv(buf)? else { break };
            queue.push(from, &buf[..n]);
        }
        Ok(())
    })
}

/// When a read moves what the socket holds into the queue first.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refresh {
    /// Always: a count must see everything that has arrived.
    Always,
    /// Only when the queue is empty: the next packet is the oldest queued.
    WhenEmpty,
}

const UNSPECIFIED: SocketAddr = SocketAddr::V4(std::net::SocketAddrV4::new(
    std::net::Ipv4Addr::UNSPECIFIED,
    0,
));

fn no_destination() -> Failure {
    Failure::new(
        Error::ERR_UNCONFIGURED,
        "the peer has no destination: connect_to_host or set_dest_address first",
    )
}

impl Drop for PacketPeerUdp {
    fn drop(&mut self) {
        if let Link::Shared(link) = &self.lock().link {
            link.leave();
        }
    }
}

/// A UDP peer is the transport a DTLS peer runs over.
impl Transport for PacketPeerUdp {
    fn send_datagram(&self, data: &[u8]) -> Result<()> {
        self.put_packet(data)
    }

    fn recv_datagram(&self, buf: &mut [u8]) -> Result<Option<usize>> {
        match self.get_packet(buf) {
            Ok(PacketRead::Read(n)) => Ok(Some(n)),
            Ok(PacketRead::TooSmall(n)) => Err(Failure::new(
                Error::ERR_PARAMETER_RANGE_ERROR,
                format!(
                    "a {n}-byte datagram does not fit a {}-byte buffer",
                    buf.len()
                ),
            )),
            Err(f) if f.code == Error::ERR_UNAVAILABLE => Ok(None),
            Err(f) => Err(f),
        }
    }

    /// What is queued, or, when nothing is, what the socket holds (a
    /// server's connection reads its shared socket only when nobody else
    /// did lately: see `SharedLink::with_inbox`). `None` while a refusal
    /// waits to be told by `recv_datagram`.
    fn pending_datagrams(&self) -> Result<Option<usize>> {
        let mut state = self.lock();
        let count = Self::with_queue(&mut state, Refresh::WhenEmpty, |q| q.len())?;
        Ok(Some(count).filter(|_| state.refusal.is_none()))
    }
}
