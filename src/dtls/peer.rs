//! Godot's `PacketPeerDTLS`.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use mbedtls::error::codes;
use mbedtls::ssl::context::Timer;
use mbedtls::ssl::io::Io;
use mbedtls::ssl::{Config, Context};
use mbedtls::x509::VerifyError;

use super::config::{client_config, HandshakeTimeout};
use super::io::DatagramIo;
use super::limits::HandshakeSlot;
use super::verify::VerifyReport;
use super::Status;
use crate::crypto::X509Certificate;
use crate::error::{Error, Failure, Result};
use crate::mbedtls_ext;
use crate::scratch::{self, Scratch};
use crate::tls_options::TlsOptions;
use crate::udp::queue::{read_to_vec, DatagramQueue};
use crate::udp::{PacketPeerUdp, PacketRead};

/// The largest datagram gdtls's DTLS writes: handshake flights are cut to
/// fit and application packets must. 1200 bytes cross any IPv6 path (and so
/// practically every path) without IP fragmentation, as QUIC also assumes.
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

/// A context for `config` with gdtls's timer and MTU.
pub(crate) fn new_context(config: Arc<Config>) -> DtlsContext {
    let mut ctx = Context::new(config);
    ctx.set_timer_callback(Box::new(Timer::new()));
    mbedtls_ext::set_mtu(&mut ctx, DTLS_MTU);
    ctx
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
fn failure_of(
    ctx: &mut DtlsContext,
    e: mbedtls::Error,
    code: Error,
    doing: &str,
    verify: Option<&VerifyReport>,
) -> (Status, Failure) {
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
            let why = report.explain("the server", flags);
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

struct Inner {
    status: Status,
    ctx: Option<DtlsContext>,
    packets: DatagramQueue,
    /// What the verification of the server saw (a validating client).
    verify: Option<Arc<VerifyReport>>,
    /// A server connection's place among its server's handshakes.
    slot: Option<HandshakeSlot>,
    /// When the peer was last heard from: the start of the handshake, its
    /// end, and each packet received.
    last_heard: Instant,
    /// Silence after which a connected peer ends in `STATUS_ERROR`.
    idle_timeout: Option<Duration>,
    /// How a handshake this peer starts as a client waits for the server.
    handshake_timeout: HandshakeTimeout,
}

impl Inner {
    /// Ends the connection in `status`. Dropping the context sends a
    /// close_notify only when its handshake had finished: a connection that
    /// fails after that (the other side's fatal alert, say) is seen closed
    /// cleanly by the other side, if it still listens. Its memory goes now;
    /// what is left (the packets still to read) goes with the peer.
    fn fail(&mut self, status: Status, failure: Failure) -> Failure {
        self.status = status;
        self.end();
        failure
    }

    fn end(&mut self) {
        self.ctx = None;
        self.slot = None;
        self.verify = None;
    }

    /// Drives the handshake, then moves received records into the queue,
    /// then ends a connected peer that is gone or silent for too long.
    fn pump(&mut self) -> Result<()> {
        let Some(ctx) = self.ctx.as_mut() else {
            return Ok(());
        };
        if self.status == Status::STATUS_HANDSHAKING {
            let step = ctx.handshake();
            // A refusal during the handshake is no reason to stop: the
            // server may be starting, and mbedTLS retransmits.
            ctx.io_mut().and_then(DatagramIo::take_gone);
            match step {
                Ok(()) => {
                    self.status = Status::STATUS_CONNECTED;
                    self.slot = None;
                    self.verify = None;
                    self.last_heard = Instant::now();
                }
                Err(e) if is_want(&e) => return Ok(()),
                Err(e) => {
                    let (status, f) = failure_of(
                        ctx,
                        e,
                        Error::FAILED,
                        "the DTLS handshake failed",
                        self.verify.as_deref(),
                    );
                    return Err(self.fail(status, f));
                }
            }
        }
        self.read_records()?;
        self.check_alive()
    }

    fn read_records(&mut self) -> Result<()> {
        scratch::with(&PLAINTEXT, |buf| {
            while !self.packets.is_full() {
                let Some(ctx) = self.ctx.as_mut() else { break };
                match Io::recv(ctx, buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        self.packets.push(NO_ADDRESS, &buf[..n]);
                        self.last_heard = Instant::now();
                    }
                    Err(e) if is_want(&e) => break,
                    Err(e) if e.high_level() == Some(codes::SslPeerCloseNotify) => {
                        // Answer with our own close_notify, as Godot does.
                        ctx.close();
                        self.status = Status::STATUS_DISCONNECTED;
                        self.end();
                    }
                    Err(e) => {
                        let (status, f) = failure_of(
                            ctx,
                            e,
                            Error::ERR_CONNECTION_ERROR,
                            "the DTLS connection failed",
                            None,
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
        let Some(ctx) = self.ctx.as_mut() else {
            return Ok(());
        };
        if let Some(gone) = ctx.io_mut().and_then(DatagramIo::take_gone) {
            let f = Failure::new(
                Error::ERR_CONNECTION_ERROR,
                format!("the DTLS connection failed: {}", gone.message),
            );
            return Err(self.fail(Status::STATUS_ERROR, f));
        }
        let silent = self.last_heard.elapsed();
        match self.idle_timeout {
            Some(limit) if silent >= limit => {
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
        Self::with(Status::STATUS_DISCONNECTED, None)
    }
}

impl PacketPeerDtls {
    /// A peer that is not connected.
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn with(status: Status, ctx: Option<DtlsContext>) -> Self {
        PacketPeerDtls {
            inner: Mutex::new(Inner {
                status,
                ctx,
                packets: DatagramQueue::new(RECEIVE_QUEUE_BYTES),
                verify: None,
                slot: None,
                last_heard: Instant::now(),
                idle_timeout: None,
                handshake_timeout: HandshakeTimeout::CLIENT_DEFAULT,
            }),
        }
    }

    /// A server's new connection, handshaking in `ctx`, holding `slot`
    /// until its handshake ends.
    pub(crate) fn accepted(
        ctx: DtlsContext,
        slot: HandshakeSlot,
        idle_timeout: Option<Duration>,
    ) -> Self {
        let peer = Self::with(Status::STATUS_HANDSHAKING, Some(ctx));
        {
            let mut inner = peer.lock();
            inner.slot = Some(slot);
            inner.idle_timeout = idle_timeout;
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
        if name.is_empty() && !options.is_unsafe_client() {
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
        let mut ctx = new_context(Arc::new(config));
        inner.packets.clear();
        inner.verify = verify;
        inner.last_heard = Instant::now();
        let sni = (!name.is_empty()).then_some(name);
        match ctx.establish(DatagramIo::new(udp), sni) {
            Ok(()) => {
                inner.status = Status::STATUS_CONNECTED;
                inner.ctx = Some(ctx);
                Ok(())
            }
            Err(e) if is_want(&e) => {
                inner.status = Status::STATUS_HANDSHAKING;
                inner.ctx = Some(ctx);
                Ok(())
            }
            Err(e) => {
                let (status, f) = failure_of(
                    &mut ctx,
                    e,
                    Error::FAILED,
                    "cannot start the DTLS handshake",
                    inner.verify.as_deref(),
                );
                Err(inner.fail(status, f))
            }
        }
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
                if let Some(ctx) = inner.ctx.as_mut() {
                    ctx.close();
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
        let ctx = match (inner.status, inner.ctx.as_mut()) {
            (Status::STATUS_CONNECTED, Some(ctx)) => ctx,
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
        match Io::send(ctx, data) {
            Ok(_) => inner.check_alive(),
            Err(e) if is_want(&e) => Err(Failure::new(
                Error::ERR_BUSY,
                "the socket cannot take the packet now",
            )),
            Err(e) => {
                let (status, f) = failure_of(
                    ctx,
                    e,
                    Error::ERR_CONNECTION_ERROR,
                    "cannot send the packet",
                    None,
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
        let fits_any_suite = usize::from(DTLS_MTU) - MAX_RECORD_EXPANSION;
        match (&inner.ctx, inner.status) {
            (Some(ctx), Status::STATUS_CONNECTED) => {
                mbedtls_ext::max_out_payload(ctx).unwrap_or(fits_any_suite)
            }
            _ => fits_any_suite,
        }
    }

    /// Godot's `get_max_packet_size()`: the largest packet `put_packet`
    /// takes, so that each travels in one datagram of at most `DTLS_MTU`
    /// bytes. Exact once connected (it depends on the cipher suite);
    /// before, a size every suite can carry.
    pub fn get_max_packet_size(&self) -> usize {
        Self::max_packet_size(&self.lock())
    }
}
