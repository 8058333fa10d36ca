//! Godot's `DTLSServer`.
//!
//! Godot runs every new source's first datagram through a new TLS context,
//! so a flood of ClientHellos from spoofed addresses costs a context each.
//! gdtls answers ClientHellos through one reusable "gate" context per
//! server: a ClientHello without a valid cookie gets its HelloVerifyRequest
//! and leaves nothing behind; only a ClientHello whose cookie verifies turns
//! the gate into that client's connection (and a fresh gate is made).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use mbedtls::error::codes;
use mbedtls::ssl::{Config, CookieContext};

use super::config::{new_cookies, server_config, HandshakeTimeout};
use super::io::{carries_cookie, DatagramIo};
use super::limits::HandshakeLimiter;
use super::peer::{new_context, DtlsContext, PacketPeerDtls};
use super::Status;
use crate::crypto::{CryptoKey, X509Certificate};
use crate::error::Result;
use crate::mbedtls_ext;
use crate::tls_options::TlsOptions;
use crate::udp::PacketPeerUdp;

struct Setup {
    /// Kept to rebuild the configuration when a setting changes.
    options: TlsOptions,
    cookies: Arc<CookieContext>,
    config: Arc<Config>,
    gate: Mutex<Option<DtlsContext>>,
}

impl Setup {
    fn new(
        options: TlsOptions,
        cookies: Arc<CookieContext>,
        timeout: HandshakeTimeout,
    ) -> Result<Self> {
        let config = Arc::new(server_config(&options, timeout, Arc::clone(&cookies))?);
        Ok(Setup {
            options,
            cookies,
            config,
            gate: Mutex::new(None),
        })
    }
}

/// What applies to the connections a server makes from now on.
#[derive(Clone, Copy)]
struct Settings {
    handshake_timeout: HandshakeTimeout,
    idle_timeout: Option<Duration>,
}

/// Godot's `DTLSServer`.
pub struct DtlsServer {
    setup: Mutex<Option<Arc<Setup>>>,
    settings: Mutex<Settings>,
    limiter: HandshakeLimiter,
}

impl Default for DtlsServer {
    fn default() -> Self {
        DtlsServer {
            setup: Mutex::new(None),
            settings: Mutex::new(Settings {
                handshake_timeout: HandshakeTimeout::SERVER_DEFAULT,
                idle_timeout: None,
            }),
            limiter: HandshakeLimiter::default(),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The id a cookie is bound to: the client's address and port.
fn transport_id(source: Option<SocketAddr>) -> [u8; 18] {
    let mut id = [0u8; 18];
    if let Some(addr) = source {
        let ip = match addr.ip() {
            std::net::IpAddr::V4(v4) => v4.to_ipv6_mapped(),
            std::net::IpAddr::V6(v6) => v6,
        };
        id[..16].copy_from_slice(&ip.octets());
        id[16..].copy_from_slice(&addr.port().to_be_bytes());
    }
    id
}

/// Binds an accepted connection's cookies to an id that no cookie from the
/// gate matches. Its ClientHello, duplicated or delayed past the end of the
/// handshake, would otherwise pass for the client reconnecting from the
/// same port, and mbedTLS would reset the established connection, leaving
/// the client connected to nobody. A client that really reconnects gets a
/// HelloVerifyRequest for the new id, and its answer shows it is at that
/// address now (RFC 6347, 4.2.8).
fn rebind_cookies(ctx: &mut DtlsContext, source: &[u8; 18]) -> bool {
    let mut id = [1u8; 19];
    id[..18].copy_from_slice(source);
    mbedtls_ext::set_client_transport_id(ctx, &id)
}

impl DtlsServer {
    /// A server that is not set up.
    pub fn new() -> Self {
        Self::default()
    }

    /// Godot 4's `setup(server_options)`. Key and certificate are read now:
    /// loading others into the same objects later does not change the
    /// server. A new setup replaces the previous one (and its cookie
    /// secret); connections already made keep theirs. A certificate chain
    /// too large for one handshake message (`MAX_CERTIFICATE_MESSAGE`) is
    /// refused with `ERR_INVALID_PARAMETER`: no handshake could succeed.
    pub fn setup(&self, options: &TlsOptions) -> Result<()> {
        let timeout = lock(&self.settings).handshake_timeout;
        let setup = Setup::new(options.clone(), new_cookies()?, timeout)?;
        *lock(&self.setup) = Some(Arc::new(setup));
        Ok(())
    }

    /// Godot 3.2's `setup(key, certificate, chain)`: the certificates of
    /// `chain`, if given, are sent after `certificate`'s own.
    pub fn setup_godot3(
        &self,
        key: Arc<CryptoKey>,
        certificate: Arc<X509Certificate>,
        chain: Option<&X509Certificate>,
    ) -> Result<()> {
        let certificate = match chain {
            None => certificate,
            Some(chain) => {
                let combined = certificate.save_to_string()? + &chain.save_to_string()?;
                let full = X509Certificate::new();
                full.load_from_string(&combined)?;
                Arc::new(full)
            }
        };
        self.setup(&TlsOptions::server(key, certificate)?)
    }

    /// How the handshakes of connections taken from now on wait for their
    /// client: the first retransmission interval, doubled up to the
    /// largest, after which the handshake fails and its memory is freed.
    /// The default, `HandshakeTimeout::SERVER_DEFAULT` (1 s to 8 s, 15 s in
    /// all), is shorter than a client's, so that handshakes a client
    /// abandoned do not hold their slot for two minutes.
    pub fn set_handshake_timeout(&self, timeout: HandshakeTimeout) -> Result<()> {
        let mut setup = lock(&self.setup);
        if let Some(current) = setup.as_ref() {
            let options = current.options.clone();
            let rebuilt = Setup::new(options, Arc::clone(&current.cookies), timeout)?;
            *setup = Some(Arc::new(rebuilt));
        }
        lock(&self.settings).handshake_timeout = timeout;
        Ok(())
    }

    /// The handshake timeout of new connections.
    pub fn handshake_timeout(&self) -> HandshakeTimeout {
        lock(&self.settings).handshake_timeout
    }

    /// The idle timeout of connections taken from now on (see
    /// `PacketPeerDtls::set_idle_timeout`); `None`, the default, keeps them
    /// however long their client is silent, as Godot does.
    pub fn set_idle_timeout(&self, timeout: Option<Duration>) {
        lock(&self.settings).idle_timeout = timeout;
    }

    /// The idle timeout of new connections.
    pub fn idle_timeout(&self) -> Option<Duration> {
        lock(&self.settings).idle_timeout
    }

    /// How many handshakes the server runs at once: `max_total` in all
    /// (default `DEFAULT_MAX_HANDSHAKES`) and `max_per_source` from one IPv4
    /// address or IPv6 /64 (default `DEFAULT_MAX_HANDSHAKES_PER_SOURCE`).
    /// Over either, a ClientHello whose cookie would make a connection is
    /// dropped, at no cost; the client's retransmission gets through once
    /// a handshake ends. Lowering a limit ends no handshake.
    pub fn set_max_handshakes(&self, max_total: usize, max_per_source: usize) {
        self.limiter.set_limits(max_total, max_per_source);
    }

    /// The limits of `set_max_handshakes`: (in all, per source).
    pub fn max_handshakes(&self) -> (usize, usize) {
        self.limiter.limits()
    }

    /// How many connections taken from this server are handshaking: taken
    /// and neither connected, failed, timed out nor freed.
    pub fn handshakes_in_progress(&self) -> usize {
        self.limiter.in_progress()
    }

    /// Godot's `take_connection(udp_peer)`: answers what `udp` (connected,
    /// usually from a `UdpServer`) has sent. A ClientHello without a valid
    /// cookie is answered with a HelloVerifyRequest and the peer returned is
    /// `STATUS_ERROR` ("it is normal that 50% of the connections fail"); the
    /// UDP peer is closed, so the client's retried ClientHello arrives as a
    /// new connection at once. A ClientHello with a valid cookie gives a
    /// peer in `STATUS_HANDSHAKING`, unless the server runs as many
    /// handshakes as it may (`set_max_handshakes`): then it is dropped
    /// unread, the peer is `STATUS_ERROR`, and the client retransmits.
    /// Without `setup`, or with a UDP peer that is not connected, the peer
    /// is `STATUS_DISCONNECTED`, as in Godot.
    pub fn take_connection(&self, udp: Arc<PacketPeerUdp>) -> PacketPeerDtls {
        let setup = lock(&self.setup).clone();
        let Some(setup) = setup.filter(|_| udp.is_socket_connected()) else {
            return PacketPeerDtls::new();
        };
        let address = udp.get_packet_address();
        let mut gate_slot = lock(&setup.gate);
        // A hello with a cookie is the one that would cost a context: over
        // the limit it is dropped before mbedTLS sees it.
        let mut slot = None;
        if udp.peek_packet(carries_cookie) == Some(true) {
            slot = self.limiter.try_take(address);
            if slot.is_none() {
                udp.close();
                return PacketPeerDtls::with(Status::STATUS_ERROR, None);
            }
        }
        let mut gate = gate_slot
            .take()
            .unwrap_or_else(|| new_context(Arc::clone(&setup.config)));
        let source = transport_id(address);
        gate.set_client_transport_id_once(&source);
        let result = gate.establish(DatagramIo::new(Arc::clone(&udp) as _), None);
        let accepted = match &result {
            // Reading the shared socket can bring the client's last flight
            // while this call still runs: the handshake is then complete.
            // The peer's first poll reports it connected.
            Ok(()) => true,
            Err(e)
                if matches!(
                    e.high_level(),
                    Some(codes::SslWantRead | codes::SslWantWrite)
                ) =>
            {
                mbedtls_ext::past_client_hello(&gate)
            }
            _ => false,
        };
        if accepted {
            let slot = slot.or_else(|| self.limiter.try_take(address));
            if let Some(slot) = slot.filter(|_| rebind_cookies(&mut gate, &source)) {
                let idle_timeout = lock(&self.settings).idle_timeout;
                return PacketPeerDtls::accepted(gate, slot, idle_timeout);
            }
        }
        // Nothing of this source stays: the gate lets go of it (its next
        // establish starts afresh), and its UDP peer leaves the server.
        gate.close();
        *gate_slot = Some(gate);
        udp.close();
        PacketPeerDtls::with(Status::STATUS_ERROR, None)
    }
}
