//! Godot's `DTLSServer`.
//!
//! Godot runs every new source's first datagram through a new TLS context,
//! so a flood of ClientHellos from spoofed addresses costs a context each.
//! gdtls answers ClientHellos through a reusable "gate" context (one per
//! thread taking connections at that moment): a ClientHello without a
//! valid cookie gets its HelloVerifyRequest and leaves nothing behind; only
//! a ClientHello whose cookie verifies turns the gate into that client's
//! connection (and a fresh gate is made).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::Duration;

use mbedtls::error::codes;
use mbedtls::ssl::{CookieContext, TicketContext};

use super::config::{
    new_cookies, new_tickets, server_config, HandshakeTimeout, ServerConfig,
    DEFAULT_TICKET_LIFETIME,
};
use super::hello::hello_verify_request;
use super::io::{carries_cookie, client_hello_cookie};
use super::limits::HandshakeLimiter;
use super::peer::{DtlsContext, Link, PacketPeerDtls, DTLS_MTU};
use super::Status;
use crate::crypto::{CryptoKey, X509Certificate};
use crate::error::Result;
use crate::mbedtls_ext;
use crate::tls_options::{Pin, TlsOptions};
use crate::udp::{Greeter, Greeting, PacketPeerUdp};

/// The secrets of one setup: the key cookies are made with, and the keys
/// session tickets are sealed with (rotated by mbedTLS each ticket
/// lifetime). A rebuilt configuration keeps them, so that cookies and
/// tickets already handed out stay valid.
#[derive(Clone)]
struct Secrets {
    cookies: Arc<CookieContext>,
    tickets: Option<Arc<TicketContext>>,
}

impl Secrets {
    fn new(settings: &Settings) -> Result<Self> {
        Ok(Secrets {
            cookies: new_cookies()?,
            tickets: new_tickets(settings.ticket_lifetime)?,
        })
    }
}

struct Setup {
    /// Kept to rebuild the configuration when a setting changes.
    options: TlsOptions,
    secrets: Secrets,
    config: ServerConfig,
    /// What the options said when the server was set up.
    pins: Arc<[Pin]>,
    mtu: u16,
    /// A context that answered a refused ClientHello, kept to answer the
    /// next (taken out while in use, so never locked across one).
    gate: Mutex<Option<Link>>,
}

impl Setup {
    fn new(options: TlsOptions, secrets: Secrets, settings: &Settings) -> Result<Self> {
        let config = server_config(
            &options,
            settings.handshake_timeout,
            Arc::clone(&secrets.cookies),
            secrets.tickets.clone(),
        )?;
        Ok(Setup {
            pins: options.pins().into(),
            mtu: options.mtu().unwrap_or(DTLS_MTU),
            options,
            secrets,
            config,
            gate: Mutex::new(None),
        })
    }

    /// A fresh context for the next ClientHellos.
    fn new_gate(&self) -> Link {
        Link::new(
            Arc::clone(&self.config.config),
            self.mtu,
            self.config.client_report(),
            Some(self.config.callbacks.clone()),
        )
    }
}

/// What applies to the connections a server makes from now on.
#[derive(Clone, Copy)]
struct Settings {
    handshake_timeout: HandshakeTimeout,
    idle_timeout: Option<Duration>,
    /// How long a session ticket is valid (and how often its key changes);
    /// `None`: no tickets.
    ticket_lifetime: Option<Duration>,
}

/// A server's current setup, shared with the `UdpServer`s whose
/// connections it takes, which it then answers cookie-less ClientHellos
/// for.
#[derive(Default)]
struct Current {
    setup: Mutex<Option<Arc<Setup>>>,
}

impl Greeter for Current {
    /// A cookie-less ClientHello is answered; anything but a ClientHello
    /// (a late record or alert of a connection that has ended, whose
    /// client's port a new client may have been given) starts nothing.
    fn greet(&self, from: SocketAddr, datagram: &[u8], reply: &mut Vec<u8>) -> Greeting {
        let Some(setup) = lock(&self.setup).clone() else {
            return Greeting::Admit;
        };
        if client_hello_cookie(datagram).is_none() {
            return Greeting::Stray;
        }
        let client = transport_id(Some(from));
        let answered = hello_verify_request(
            datagram,
            |out| mbedtls_ext::cookie_write(&setup.secrets.cookies, &client, out),
            reply,
        );
        if answered {
            Greeting::Answered
        } else {
            Greeting::Admit
        }
    }
}

/// Godot's `DTLSServer`.
pub struct DtlsServer {
    current: Arc<Current>,
    settings: Mutex<Settings>,
    limiter: HandshakeLimiter,
}

impl Default for DtlsServer {
    fn default() -> Self {
        DtlsServer {
            current: Arc::default(),
            settings: Mutex::new(Settings {
                handshake_timeout: HandshakeTimeout::SERVER_DEFAULT,
                idle_timeout: None,
                ticket_lifetime: Some(DEFAULT_TICKET_LIFETIME),
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
        let settings = *lock(&self.settings);
        let setup = Setup::new(options.clone(), Secrets::new(&settings)?, &settings)?;
        *lock(&self.current.setup) = Some(Arc::new(setup));
        Ok(())
    }

    /// Changes a setting of the configuration, rebuilding the current
    /// setup's with `secrets` (given the old ones and the new settings).
    fn change(
        &self,
        change: impl FnOnce(&mut Settings),
        secrets: impl FnOnce(&Secrets, &Settings) -> Result<Secrets>,
    ) -> Result<()> {
        let mut setup = lock(&self.current.setup);
        let mut settings = *lock(&self.settings);
        change(&mut settings);
        if let Some(current) = setup.as_ref() {
            let secrets = secrets(&current.secrets, &settings)?;
            let rebuilt = Setup::new(current.options.clone(), secrets, &settings)?;
            *setup = Some(Arc::new(rebuilt));
        }
        *lock(&self.settings) = settings;
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
        self.change(
            |s| s.handshake_timeout = timeout,
            |secrets, _| Ok(secrets.clone()),
        )
    }

    /// Whether, and for how long, the server gives clients session tickets
    /// (RFC 5077) for the connections it takes from now on: a client that
    /// presents one when it reconnects resumes its session with an
    /// abbreviated handshake (no certificate, no key exchange). A ticket is
    /// sealed with a key only the server knows; mbedTLS makes a new key
    /// every `lifetime` (keeping the previous one for the tickets it
    /// sealed) and refuses tickets older than `lifetime`. `None` gives no
    /// tickets, as Godot; the default is `DEFAULT_TICKET_LIFETIME`.
    /// Changing it makes new keys: tickets already given are refused.
    pub fn set_session_ticket_lifetime(&self, lifetime: Option<Duration>) -> Result<()> {
        if lifetime.is_some_and(|l| l.as_secs() == 0 || l.as_secs() > u64::from(u32::MAX)) {
            return Err(crate::error::Failure::new(
                crate::error::Error::ERR_INVALID_PARAMETER,
                "a session ticket lifetime is 1 s or more, up to 2^32 - 1 s",
            ));
        }
        self.change(
            |s| s.ticket_lifetime = lifetime,
            |secrets, settings| {
                Ok(Secrets {
                    cookies: Arc::clone(&secrets.cookies),
                    tickets: new_tickets(settings.ticket_lifetime)?,
                })
            },
        )
    }

    /// The session ticket lifetime of new connections; `None`: no tickets.
    pub fn session_ticket_lifetime(&self) -> Option<Duration> {
        lock(&self.settings).ticket_lifetime
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
    /// peer in `STATUS_HANDSHAKING`, whose first `poll` writes the rest of
    /// the server's answer (its key exchange and signature run on the
    /// thread that polls), unless the server runs as many handshakes as it
    /// may (`set_max_handshakes`): then it is dropped unread, the peer is
    /// `STATUS_ERROR`, and the client retransmits.
    /// Without `setup`, or with a UDP peer that is not connected, the peer
    /// is `STATUS_DISCONNECTED`, as in Godot.
    pub fn take_connection(&self, udp: Arc<PacketPeerUdp>) -> PacketPeerDtls {
        let setup = lock(&self.current.setup).clone();
        let Some(setup) = setup.filter(|_| udp.is_socket_connected()) else {
            return PacketPeerDtls::new();
        };
        let greeter: Weak<dyn Greeter> = Arc::downgrade(&self.current) as _;
        udp.set_greeter(greeter);
        let address = udp.get_packet_address();
        // A hello with a cookie is the one that would cost a context: over
        // the limit it is dropped before mbedTLS sees it.
        let mut slot = None;
        if udp.peek_packet(carries_cookie) == Some(true) {
            slot = self.limiter.try_take(address);
            if slot.is_none() {
                crate::log::log(2, || {
                    format!(
                        "a ClientHello from {} was dropped: the server runs as many handshakes as it may ({} now)",
                        address.map_or_else(|| "an unknown source".to_owned(), |a| a.to_string()),
                        self.limiter.in_progress()
                    )
                });
                udp.close();
                return PacketPeerDtls::with(Status::STATUS_ERROR);
            }
        }
        // The gate is taken out for the call, not locked through it:
        // connections taken on other threads meanwhile read their
        // ClientHellos through gates of their own.
        let spare = lock(&setup.gate).take();
        let mut gate = spare.unwrap_or_else(|| setup.new_gate());
        let source = transport_id(address);
        gate.ctx.set_client_transport_id_once(&source);
        // The gate reads the ClientHello alone and stops at the answer it
        // decides on. The rest of the server's flight, the key exchange and
        // signature that make most of a handshake's cost, is written by the
        // connection's first poll, on whichever thread polls it: a host
        // that takes connections on one thread and polls them on others
        // spreads that work. The client's next flight can reach the shared
        // socket meanwhile; it is read by the peer's poll too, which
        // reports how the handshake ends (a refused client certificate,
        // say) where the host looks.
        let mut io = gate.io(Arc::clone(&udp) as _);
        // With nothing to read yet, establish only prepares the context for
        // this client and waits for the ClientHello.
        io.limit_reads(Some(0));
        let prepared = gate
            .ctx
            .establish(io, None)
            .is_err_and(|e| e.high_level() == Some(codes::SslWantRead));
        let accepted = prepared && {
            if let Some(io) = gate.ctx.io_mut() {
                io.limit_reads(Some(1));
            }
            mbedtls_ext::answer_client_hello(&mut gate.ctx)
        };
        gate.note_resumption();
        if let Some(io) = gate.ctx.io_mut() {
            io.limit_reads(None);
        }
        if accepted {
            let slot = slot.or_else(|| self.limiter.try_take(address));
            if let Some(slot) = slot.filter(|_| rebind_cookies(&mut gate.ctx, &source)) {
                let idle_timeout = lock(&self.settings).idle_timeout;
                let pins = Arc::clone(&setup.pins);
                return PacketPeerDtls::accepted(gate, slot, idle_timeout, pins, setup.mtu);
            }
        }
        // Nothing of this source stays: the gate lets go of it (its next
        // establish starts afresh), and its UDP peer leaves the server.
        gate.ctx.close();
        lock(&setup.gate).get_or_insert(gate);
        udp.close();
        PacketPeerDtls::with(Status::STATUS_ERROR)
    }
}
