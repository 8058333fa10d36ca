//! Godot's `PacketPeerDTLS`.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use mbedtls::error::codes;
use mbedtls::ssl::io::Io;
use mbedtls::ssl::{Config, Context};
use mbedtls::x509::VerifyError;

use super::config::{client_config, HandshakeTimeout, ServerCallbacks};
use super::io::{datagrams_waiting, DatagramIo, Traffic, TrafficCounter};
use super::limits::HandshakeSlot;
use super::pins;
use super::sessions::{ServerKey, SessionStore};
use super::verify::VerifyReport;
use super::Status;
use crate::crypto::X509Certificate;
use crate::error::{Error, Failure, Result};
use crate::mbedtls_ext::{self, SavedSession, TimerState};
use crate::scratch::{self, Scratch};
use crate::tls_options::{Pin, TlsOptions};
use crate::transport::Transport;
use crate::udp::queue::{read_to_vec, DatagramQueue};
use crate::udp::{PacketPeerUdp, PacketRead};

/// The largest datagram gdtls's DTLS writes unless the TLS options set
/// another MTU: handshake flights are cut to fit and application packets
/// must. 1200 bytes cross any IPv6 path (and so practically every path)
/// without IP fragmentation, as QUIC also assumes.
pub const DTLS_MTU: u16 = 1200;

/// The most a record can add to its payload with any suite gdtls offers
/// (header, explicit nonce, AEAD tag): before the handshake has chosen a
/// suite, `get_max_packet_size` promises what fits them all.
const MAX_RECORD_EXPANSION: usize = 13 + 8 + 16;

/// How many bytes of received packets a peer holds before it stops reading
/// records (the rest wait in the UDP peer).
const RECEIVE_QUEUE_BYTES: usize = 256 * 1024;

/// The largest plaintext one record can carry.
const MAX_RECORD_PLAINTEXT: usize = 16384;

thread_local! {
    static PLAINTEXT: Scratch = Scratch::new(MAX_RECORD_PLAINTEXT);
}

/// Received packets carry no address; the queue wants one.
const NO_ADDRESS: SocketAddr = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, 0));

pub(crate) type DtlsContext = Context<DatagramIo>;

/// A connection's mbedTLS context and what must live as long as it: the
/// timer its retransmissions run on, the report its verification of the
/// peer fills and a server's callbacks, its PSK lookup or its signer (the
/// context, declared first, is dropped first).
pub(crate) struct Link {
    pub(crate) ctx: DtlsContext,
    timer: Arc<TimerState>,
    traffic: Arc<TrafficCounter>,
    verify: Option<Arc<VerifyReport>>,
    _callbacks: Option<ServerCallbacks>,
    /// The handshake resumes a session, as last seen.
    resumed: bool,
    /// The context's transport, also held here so that an idle
    /// connection's look reaches it without a detour through the
    /// context's I/O (a cache miss a connection, in a frame over many).
    transport: Option<Arc<dyn Transport>>,
}

impl Link {
    /// A context for `config` writing datagrams of at most `mtu` bytes,
    /// reporting its verification of the peer to `verify`.
    pub(crate) fn new(
        config: Arc<Config>,
        mtu: u16,
        verify: Option<Arc<VerifyReport>>,
        callbacks: Option<ServerCallbacks>,
    ) -> Self {
        let mut ctx = Context::new(config);
        let timer = mbedtls_ext::set_retransmission_timer(&mut ctx);
        mbedtls_ext::set_mtu(&mut ctx, mtu);
        if let Some(report) = &verify {
            mbedtls_ext::set_verify(&mut ctx, report);
        }
        Link {
            ctx,
            timer,
            traffic: Arc::default(),
            verify,
            _callbacks: callbacks,
            resumed: false,
            transport: None,
        }
    }

    /// Notes whether the handshake resumes a session, while mbedTLS still
    /// holds its state: call after each step.
    pub(crate) fn note_resumption(&mut self) {
        if let Some(resuming) = mbedtls_ext::resuming(&self.ctx) {
            self.resumed = resuming;
        }
    }

    /// The transport for this link's context's next `establish`, counting
    /// its traffic from zero (a server's gate is reused).
    pub(crate) fn io(&mut self, transport: Arc<dyn Transport>) -> DatagramIo {
        self.traffic = Arc::default();
        self.transport = Some(Arc::clone(&transport));
        DatagramIo::new(transport, Arc::clone(&self.traffic))
    }
}

/// What a connection ends with, and what a peer reports on.
#[derive(Default, Clone, Copy)]
struct Totals {
    traffic: Traffic,
    retransmissions: u32,
}

impl Totals {
    fn of(link: &Link) -> Self {
        Totals {
            traffic: link.traffic.get(),
            retransmissions: link.timer.expirations(),
        }
    }
}

fn is_want(e: &mbedtls::Error) -> bool {
    matches!(
        e.high_level(),
        Some(codes::SslWantRead | codes::SslWantWrite)
    )
}

/// Why the transport under `ctx` failed, if it did: what mbedTLS reports
/// as an internal error is then the transport's doing, in its own words.
fn transport_failure(ctx: &mut DtlsContext) -> Option<Failure> {
    ctx.io_mut().and_then(DatagramIo::take_failure)
}

/// What a connection that failed with `e` ends in, and why: the
/// transport's failure, a refused certificate in words (a certificate
/// whose only fault is the name it was issued for is a hostname mismatch,
/// as Godot's class reference describes; Godot 3.2.3 reports a plain
/// error), a timeout, or mbedTLS's own error.
fn failure_of(link: &mut Link, e: mbedtls::Error, code: Error, doing: &str) -> (Status, Failure) {
    let (ctx, verify) = (&mut link.ctx, link.verify.as_deref());
    if let Some(f) = transport_failure(ctx) {
        return (
            Status::STATUS_ERROR,
            Failure::new(code, format!("{doing}: {}", f.message)),
        );
    }
    match (e.high_level(), ctx.verify_result(), verify) {
        (Some(codes::X509CertVerifyFailed), Err(flags), Some(report)) => {
            let status = if flags == VerifyError::CERT_CN_MISMATCH {
                Status::STATUS_ERROR_HOSTNAME_MISMATCH
            } else {
                Status::STATUS_ERROR
            };
            let why = report.explain(flags);
            (status, Failure::new(code, format!("{doing}: {why}")))
        }
        (Some(codes::SslTimeout), _, _) => (
            Status::STATUS_ERROR,
            Failure::new(
                Error::ERR_TIMEOUT,
                format!("{doing}: the peer stopped answering and the handshake timed out"),
            ),
        ),
        _ => (Status::STATUS_ERROR, Failure::mbedtls(code, doing, e)),
    }
}

/// What a connection negotiated, once its handshake is done.
#[derive(Clone, Copy)]
struct Negotiated {
    version: &'static str,
    suite: &'static str,
    handshake_duration: Duration,
    resumed: bool,
}

struct Inner {
    status: Status,
    link: Option<Link>,
    packets: DatagramQueue,
    /// A server connection's place among its server's handshakes.
    slot: Option<HandshakeSlot>,
    /// When the handshake started.
    started: Instant,
    negotiated: Option<Negotiated>,
    /// What the last connection's context counted, once it has gone.
    totals: Totals,
    /// When the peer was last heard from: the start of the handshake, its
    /// end, and each packet received.
    last_heard: Instant,
    /// Silence after which a connected peer ends in `STATUS_ERROR`.
    idle_timeout: Option<Duration>,
    /// How a handshake this peer starts as a client waits for the server.
    handshake_timeout: HandshakeTimeout,
    /// The SHA-256 pins the peer's chain must match (none: no pinning).
    pins: Arc<[Pin]>,
    /// A server's connection (the peer is a client).
    accepted: bool,
    /// The largest datagram the connection writes.
    mtu: u16,
    /// Where a client saves the session it establishes, and for which
    /// server.
    resumption: Option<(Arc<SessionStore>, ServerKey)>,
}

impl Inner {
    /// Ends the connection in `status`. Dropping the context sends a
    /// close_notify only when its handshake had finished: a connection that
    /// fails after that (the other side's fatal alert, say) is seen closed
    /// cleanly by the other side, if it still listens. Its memory goes now;
    /// what is left (the packets still to read) goes with the peer.
    fn fail(&mut self, status: Status, failure: Failure) -> Failure {
        crate::log::log(1, || failure.message.to_string());
        self.status = status;
        self.end();
        failure
    }

    fn end(&mut self) {
        if let Some(link) = self.link.take() {
            self.totals = Totals::of(&link);
        }
        self.slot = None;
    }

    fn totals(&self) -> Totals {
        self.link.as_ref().map_or(self.totals, Totals::of)
    }

    /// Starts a handshake on `link`, whose `establish` has just returned
    /// `result`.
    fn begin(&mut self, mut link: Link, result: mbedtls::Result<()>, doing: &str) -> Result<()> {
        self.packets.clear();
        self.negotiated = None;
        self.totals = Totals::default();
        self.started = Instant::now();
        self.last_heard = self.started;
        match result {
            Ok(()) => {
                self.link = Some(link);
                self.handshake_done()
            }
            Err(e) if is_want(&e) => {
                self.status = Status::STATUS_HANDSHAKING;
                self.link = Some(link);
                Ok(())
            }
            Err(e) => {
                let (status, f) = failure_of(&mut link, e, Error::FAILED, doing);
                self.totals = Totals::of(&link);
                self.status = status;
                Err(f)
            }
        }
    }

    /// The handshake is done: the connection is up, unless the peer's
    /// chain matches none of the pins.
    fn handshake_done(&mut self) -> Result<()> {
        let Some(link) = self.link.as_mut() else {
            return Ok(());
        };
        let pins = Arc::clone(&self.pins);
        let chain = link.ctx.peer_cert().ok().flatten();
        let ders = chain.into_iter().flat_map(|c| c.iter()).map(|c| c.as_der());
        if !pins::chain_matches(&pins, ders) {
            mbedtls_ext::send_fatal_alert(&mut link.ctx, mbedtls_ext::Alert::BadCertificate);
            let whose = if self.accepted {
                "the client"
            } else {
                "the server"
            };
            let f = Failure::new(
                Error::ERR_UNAUTHORIZED,
                format!("the DTLS handshake failed: {}", pins::refusal(whose, &pins)),
            );
            return Err(self.fail(Status::STATUS_ERROR, f));
        }
        link.note_resumption();
        if let Some((store, server)) = &self.resumption {
            if let Some(session) = SavedSession::of(&link.ctx) {
                store.save(server.clone(), session);
            }
        }
        self.negotiated = Some(Negotiated {
            version: mbedtls_ext::version_name(&link.ctx),
            suite: mbedtls_ext::ciphersuite_name(&link.ctx),
            handshake_duration: self.started.elapsed(),
            resumed: link.resumed,
        });
        self.status = Status::STATUS_CONNECTED;
        self.slot = None;
        self.last_heard = Instant::now();
        Ok(())
    }

    /// Drives the handshake, then moves received records into the queue,
    /// then ends a connected peer that is gone or silent for too long.
    fn pump(&mut self) -> Result<()> {
        let Some(link) = self.link.as_mut() else {
            return Ok(());
        };
        if self.status == Status::STATUS_HANDSHAKING {
            link.note_resumption();
            let step = link.ctx.handshake();
            link.note_resumption();
            // A refusal during the handshake is no reason to stop: the
            // server may be starting, and mbedTLS retransmits.
            link.ctx.io_mut().and_then(DatagramIo::take_gone);
            match step {
                Ok(()) => self.handshake_done()?,
                Err(e) if is_want(&e) => return Ok(()),
                Err(e) => {
                    // mbedTLS refuses a client without the certificate it
                    // requires without telling it, which would leave the
                    // client waiting out its handshake timeout.
                    if e.high_level() == Some(codes::SslNoClientCertificate) {
                        mbedtls_ext::send_fatal_alert(
                            &mut link.ctx,
                            mbedtls_ext::Alert::HandshakeFailure,
                        );
                    }
                    let (status, f) =
                        failure_of(link, e, Error::FAILED, "the DTLS handshake failed");
                    // A session that led to a failure is not offered again.
                    if let Some((store, server)) = &self.resumption {
                        store.forget(server);
                    }
                    return Err(self.fail(status, f));
                }
            }
        }
        self.read_records()?;
        self.check_alive()
    }

    fn read_records(&mut self) -> Result<()> {
        // An idle connection costs no call into mbedTLS: nothing waits for
        // it in the transport (a server's connection looks in its inbox,
        // see `PacketPeerUdp::pending_datagrams`) nor in mbedTLS's buffer,
        // and no timer runs once connected. A connection with datagrams
        // waiting reads those and no more: one read past them would only
        // find its socket empty, a system call in every round trip.
        if let Some(link) = &mut self.link {
            let waiting = link
                .transport
                .as_deref()
                .filter(|_| self.status == Status::STATUS_CONNECTED)
                .and_then(datagrams_waiting);
            if waiting == Some(0) && !mbedtls_ext::has_buffered_input(&link.ctx) {
                return Ok(());
            }
            if let Some(io) = link.ctx.io_mut() {
                io.limit_reads(waiting.map(|n| u32::try_from(n).unwrap_or(u32::MAX)));
            }
        }
        let read = self.read_waiting_records();
        if let Some(io) = self.link.as_mut().and_then(|link| link.ctx.io_mut()) {
            io.limit_reads(None);
        }
        read
    }

    fn read_waiting_records(&mut self) -> Result<()> {
        scratch::with(&PLAINTEXT, |buf| {
            while !self.packets.is_full() {
                let Some(link) = self.link.as_mut() else {
                    break;
                };
                match Io::recv(&mut link.ctx, buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        self.packets.push(NO_ADDRESS, &buf[..n]);
                        self.last_heard = Instant::now();
                    }
                    Err(e) if is_want(&e) => break,
                    Err(e) if e.high_level() == Some(codes::SslPeerCloseNotify) => {
                        // Answer with our own close_notify, as Godot does.
                        link.ctx.close();
                        self.status = Status::STATUS_DISCONNECTED;
                        self.end();
                    }
                    Err(e) => {
                        let (status, f) = failure_of(
                            link,
                            e,
                            Error::ERR_CONNECTION_ERROR,
                            "the DTLS connection failed",
                        );
                        return Err(self.fail(status, f));
                    }
                }
            }
            Ok(())
        })
    }

    /// Ends a connected peer that the transport reports gone, or that has
    /// been silent for longer than its idle timeout.
    fn check_alive(&mut self) -> Result<()> {
        let Some(link) = self.link.as_mut() else {
            return Ok(());
        };
        if let Some(gone) = link.ctx.io_mut().and_then(DatagramIo::take_gone) {
            let f = Failure::new(
                Error::ERR_CONNECTION_ERROR,
                format!("the DTLS connection failed: {}", gone.message),
            );
            return Err(self.fail(Status::STATUS_ERROR, f));
        }
        // The clock is read only when there is a limit to check.
        let silent = || self.last_heard.elapsed();
        match self.idle_timeout {
            Some(limit) if silent() >= limit => {
                let silent = silent();
                let f = Failure::new(
                    Error::ERR_TIMEOUT,
                    format!(
                        "the DTLS connection timed out: nothing received from the peer for {} ms (idle timeout {} ms)",
                        silent.as_millis(),
                        limit.as_millis()
                    ),
                );
                Err(self.fail(Status::STATUS_ERROR, f))
            }
            _ => Ok(()),
        }
    }
}

/// Godot's `PacketPeerDTLS`.
pub struct PacketPeerDtls {
    inner: Mutex<Inner>,
}

impl Default for PacketPeerDtls {
    fn default() -> Self {
        Self::with(Status::STATUS_DISCONNECTED)
    }
}

impl PacketPeerDtls {
    /// A peer that is not connected.
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn with(status: Status) -> Self {
        let now = Instant::now();
        PacketPeerDtls {
            inner: Mutex::new(Inner {
                status,
                link: None,
                packets: DatagramQueue::new(RECEIVE_QUEUE_BYTES),
                slot: None,
                started: now,
                negotiated: None,
                totals: Totals::default(),
                last_heard: now,
                idle_timeout: None,
                handshake_timeout: HandshakeTimeout::CLIENT_DEFAULT,
                pins: Arc::new([]),
                accepted: false,
                mtu: DTLS_MTU,
                resumption: None,
            }),
        }
    }

    /// A server's new connection, handshaking on `link`, holding `slot`
    /// until its handshake ends; the client's chain must match `pins`.
    pub(crate) fn accepted(
        link: Link,
        slot: HandshakeSlot,
        idle_timeout: Option<Duration>,
        pins: Arc<[Pin]>,
        mtu: u16,
    ) -> Self {
        let peer = Self::with(Status::STATUS_HANDSHAKING);
        {
            let mut inner = peer.lock();
            inner.link = Some(link);
            inner.slot = Some(slot);
            inner.idle_timeout = idle_timeout;
            inner.pins = pins;
            inner.accepted = true;
            inner.mtu = mtu;
        }
        peer
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Godot 4's `connect_to_peer(packet_peer, hostname, client_options)`:
    /// starts a handshake as a client over `udp`, which must be connected.
    /// Without `options`, `TLSOptions.client()`: the server's certificate
    /// must chain to the system's CA bundle and name `hostname` (or the
    /// options' common name override).
    pub fn connect_to_peer(
        &self,
        udp: Arc<PacketPeerUdp>,
        hostname: &str,
        options: Option<&TlsOptions>,
    ) -> Result<()> {
        if !udp.is_socket_connected() {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                "the UDP peer must be connected (connect_to_host) first",
            ));
        }
        let default_options;
        let options = match options {
            Some(o) => o,
            None => {
                default_options = TlsOptions::client(None, "")?;
                &default_options
            }
        };
        let name = match options.common_name_override() {
            "" => hostname,
            name => name,
        };
        // A PSK client checks no certificate, so it needs no name.
        if name.is_empty() && !options.is_unsafe_client() && !options.is_psk() {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                "a validating client needs the server's host name to check its certificate against",
            ));
        }
        let mut inner = self.lock();
        if matches!(
            inner.status,
            Status::STATUS_HANDSHAKING | Status::STATUS_CONNECTED
        ) {
            return Err(Failure::new(
                Error::ERR_ALREADY_IN_USE,
                "the peer is already connecting or connected",
            ));
        }
        let (config, verify) = client_config(options, inner.handshake_timeout, name)?;
        let mtu = options.mtu().unwrap_or(DTLS_MTU);
        let mut link = Link::new(Arc::new(config), mtu, verify, None);
        inner.pins = options.pins().into();
        inner.accepted = false;
        inner.mtu = mtu;
        let server = (udp.destination(), name.to_owned());
        let sessions = options.sessions();
        let saved = sessions.as_ref().and_then(|s| s.get(&server));
        inner.resumption = sessions.map(|store| (store, server));
        let sni = (!name.is_empty()).then_some(name);
        let mut io = link.io(udp);
        // With a session to offer, the ClientHello mbedTLS writes first
        // (without it) is held back and the handshake restarted with it.
        io.hold_sends(saved.is_some());
        let mut result = link.ctx.establish(io, sni);
        if let Some(session) = saved {
            if let Some(io) = link.ctx.io_mut() {
                io.hold_sends(false);
            }
            if result.as_ref().is_err_and(is_want) {
                mbedtls_ext::offer_session(&mut link.ctx, &session);
                result = link.ctx.handshake();
            }
        }
        link.note_resumption();
        inner.begin(link, result, "cannot start the DTLS handshake")
    }

    /// Godot 3.2's `connect_to_peer(packet_peer, validate_certs,
    /// for_hostname, valid_certificate)`: with `validate_certs`, the
    /// server's certificate must chain to `valid_certificate` (or the
    /// system's CA bundle) and name `for_hostname`.
    pub fn connect_to_peer_godot3(
        &self,
        udp: Arc<PacketPeerUdp>,
        validate_certs: bool,
        for_hostname: &str,
        valid_certificate: Option<Arc<X509Certificate>>,
    ) -> Result<()> {
        let options = if validate_certs {
            TlsOptions::client(valid_certificate, "")?
        } else {
            TlsOptions::client_unsafe(valid_certificate)?
        };
        self.connect_to_peer(udp, for_hostname, Some(&options))
    }

    /// Godot's `poll()`: drives the handshake and its retransmissions, and
    /// reads what arrived. `Err` when this call ended the connection in an
    /// error (the status says which); otherwise `Ok`, whatever the status.
    /// A connected peer ends in `STATUS_ERROR` when its transport reports
    /// the other side gone (ICMP port unreachable: the server's process
    /// ended) or, with an idle timeout, when the other side has been silent
    /// for that long.
    pub fn poll(&self) -> Result<()> {
        self.lock().pump()
    }

    /// Godot's `get_status()`.
    pub fn get_status(&self) -> Status {
        self.lock().status
    }

    /// Godot's `disconnect_from_peer()`: a connected peer sends close_notify
    /// (the other side sees `STATUS_DISCONNECTED`); a handshaking one stops.
    pub fn disconnect_from_peer(&self) {
        let mut inner = self.lock();
        match inner.status {
            Status::STATUS_CONNECTED => {
                if let Some(link) = inner.link.as_mut() {
                    link.ctx.close();
                }
            }
            Status::STATUS_HANDSHAKING => {}
            _ => return,
        }
        inner.end();
        inner.status = Status::STATUS_DISCONNECTED;
    }

    /// Ends the connection in `STATUS_ERROR` once nothing has been received
    /// from the other side for `timeout` (checked by `poll` and the reads),
    /// or never (`None`, the default, as in Godot). DTLS has no keep-alive:
    /// the other side must send something at least that often.
    pub fn set_idle_timeout(&self, timeout: Option<Duration>) {
        self.lock().idle_timeout = timeout;
    }

    /// The idle timeout, `None` when there is none.
    pub fn idle_timeout(&self) -> Option<Duration> {
        self.lock().idle_timeout
    }

    /// How long the other side has been silent: the time since its last
    /// packet (or since the handshake ended or started, if it sent none).
    /// Only packets that decrypt count: spoofed datagrams keep nobody alive.
    pub fn idle_time(&self) -> Duration {
        self.lock().last_heard.elapsed()
    }

    /// How the next `connect_to_peer` waits for the server: the first
    /// retransmission interval, doubled up to the largest, after which the
    /// handshake fails (default: 1 s to 60 s, mbedTLS's and Godot's).
    pub fn set_handshake_timeout(&self, timeout: HandshakeTimeout) {
        self.lock().handshake_timeout = timeout;
    }

    /// The handshake timeout of the next `connect_to_peer`.
    pub fn handshake_timeout(&self) -> HandshakeTimeout {
        self.lock().handshake_timeout
    }

    /// Godot's `put_packet(buffer)`: sends one packet as one record.
    /// `ERR_UNCONFIGURED` unless connected; `ERR_INVALID_PARAMETER` above
    /// `get_max_packet_size` (the connection survives); `ERR_BUSY` when the
    /// socket cannot take it now; `ERR_CONNECTION_ERROR` when the connection
    /// failed (status `STATUS_ERROR`): the transport failed (its UDPServer
    /// was stopped, say) or reports the other side gone.
    pub fn put_packet(&self, data: &[u8]) -> Result<()> {
        let mut inner = self.lock();
        let max = Self::max_packet_size(&inner);
        let link = match (inner.status, inner.link.as_mut()) {
            (Status::STATUS_CONNECTED, Some(link)) => link,
            _ => {
                return Err(Failure::new(
                    Error::ERR_UNCONFIGURED,
                    "the peer is not connected",
                ))
            }
        };
        if data.is_empty() {
            return Ok(());
        }
        if data.len() > max {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!(
                    "a packet of {} bytes exceeds the maximum of {max}",
                    data.len()
                ),
            ));
        }
        match Io::send(&mut link.ctx, data) {
            Ok(_) => inner.check_alive(),
            Err(e) if is_want(&e) => Err(Failure::new(
                Error::ERR_BUSY,
                "the socket cannot take the packet now",
            )),
            Err(e) => {
                let (status, f) = failure_of(
                    link,
                    e,
                    Error::ERR_CONNECTION_ERROR,
                    "cannot send the packet",
                );
                Err(inner.fail(status, f))
            }
        }
    }

    /// Godot's `get_available_packet_count()`: packets received and not yet
    /// taken, after reading what has arrived.
    pub fn get_available_packet_count(&self) -> i32 {
        let mut inner = self.lock();
        if inner.status == Status::STATUS_CONNECTED {
            // A failure shows in the status; the packets already queued stay.
            let _ = inner.pump();
        }
        i32::try_from(inner.packets.len()).unwrap_or(i32::MAX)
    }

    /// Godot's `get_packet()`, into `buf`: copies and removes the next
    /// packet, or leaves it queued when `buf` is too small. Packets received
    /// before the connection closed can still be read;
    /// `ERR_UNCONFIGURED` when none is left and the peer is not connected,
    /// `ERR_UNAVAILABLE` when connected and none is waiting.
    pub fn get_packet(&self, buf: &mut [u8]) -> Result<PacketRead> {
        let mut inner = self.lock();
        if inner.packets.is_empty() {
            if inner.status != Status::STATUS_CONNECTED {
                return Err(Failure::new(
                    Error::ERR_UNCONFIGURED,
                    "the peer is not connected",
                ));
            }
            inner.pump()?;
        }
        inner
            .packets
            .take_into(buf)
            .map(|(_, read)| read)
            .ok_or_else(|| Failure::new(Error::ERR_UNAVAILABLE, "no packet is waiting"))
    }

    /// `get_packet` into a new vector.
    pub fn get_packet_vec(&self) -> Result<Vec<u8>> {
        read_to_vec(MAX_RECORD_PLAINTEXT, |buf| self.get_packet(buf))
    }

    fn max_packet_size(inner: &Inner) -> usize {
        let fits_any_suite = usize::from(inner.mtu) - MAX_RECORD_EXPANSION;
        match (&inner.link, inner.status) {
            (Some(link), Status::STATUS_CONNECTED) => {
                mbedtls_ext::max_out_payload(&link.ctx).unwrap_or(fits_any_suite)
            }
            _ => fits_any_suite,
        }
    }

    /// Godot's `get_max_packet_size()`: the largest packet `put_packet`
    /// takes, so that each travels in one datagram of at most the MTU
    /// (`DTLS_MTU` unless the TLS options set one). Exact once connected
    /// (it depends on the cipher suite); before, a size every suite can
    /// carry.
    pub fn get_max_packet_size(&self) -> usize {
        Self::max_packet_size(&self.lock())
    }

    /// The protocol version the connection negotiated ("DTLSv1.2"), once
    /// its handshake is done (also after the connection ended).
    pub fn protocol_version(&self) -> Option<&'static str> {
        self.lock().negotiated.map(|n| n.version)
    }

    /// The cipher suite the connection negotiated, by its IANA name with
    /// dashes as mbedTLS writes it ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"),
    /// once its handshake is done (also after the connection ended).
    pub fn cipher_suite(&self) -> Option<&'static str> {
        self.lock().negotiated.map(|n| n.suite)
    }

    /// Whether the handshake resumed an earlier session (an abbreviated
    /// handshake: no certificates, no key exchange), once it is done. A
    /// client resumes when it reconnects to a server with the options it
    /// connected with before; a server resumes the clients whose session
    /// tickets it issued.
    pub fn is_session_resumed(&self) -> bool {
        self.lock().negotiated.is_some_and(|n| n.resumed)
    }

    /// How long the handshake took, from `connect_to_peer` (or, for a
    /// server's connection, from the ClientHello with a valid cookie) to
    /// its end, once it is done.
    pub fn handshake_duration(&self) -> Option<Duration> {
        self.lock().negotiated.map(|n| n.handshake_duration)
    }

    /// The certificates the other side presented, its own first, while
    /// the connection is up; `None` before, after, and when it presented
    /// none (PSK, or a client the server did not ask for one).
    pub fn peer_certificate(&self) -> Option<X509Certificate> {
        let inner = self.lock();
        let link = inner.link.as_ref().filter(|_| inner.negotiated.is_some())?;
        let chain = link.ctx.peer_cert().ok().flatten()?;
        X509Certificate::from_ders(chain.iter().map(|c| c.as_der())).ok()
    }

    /// How many times a handshake flight was sent again because the other
    /// side did not answer in time, for the current or last connection.
    pub fn retransmissions(&self) -> u32 {
        self.lock().totals().retransmissions
    }

    /// The datagrams and bytes the current or last connection received and
    /// sent (handshake, records and alerts, with their headers).
    pub fn traffic(&self) -> Traffic {
        self.lock().totals().traffic
    }

    /// How long a host driving this peer from an event loop may sleep
    /// before it must `poll`, even if no datagram arrives: until the
    /// handshake's next retransmission or its timeout, or until the idle
    /// timeout runs out. `None` when only a datagram can change anything
    /// (no timer runs), `Some(ZERO)` when `poll` is due now: a timer ran
    /// out, a server's new connection has yet to answer its ClientHello,
    /// or datagrams for this peer already wait in its UDP peer (a server's
    /// connections share one socket, and reading it for one routes what
    /// the others received, which their socket descriptor no longer
    /// shows).
    pub fn next_timeout(&self) -> Option<Duration> {
        let inner = self.lock();
        let link = inner.link.as_ref()?;
        if link.ctx.io().is_some_and(DatagramIo::has_pending) {
            return Some(Duration::ZERO);
        }
        match inner.status {
            // No timer runs before a handshake's first flight: a server's
            // connection writes its answer to the ClientHello at its first
            // poll.
            Status::STATUS_HANDSHAKING => Some(link.timer.remaining().unwrap_or(Duration::ZERO)),
            Status::STATUS_CONNECTED => inner
                .idle_timeout
                .map(|limit| limit.saturating_sub(inner.last_heard.elapsed())),
            _ => None,
        }
    }
}
