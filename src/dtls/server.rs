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

use mbedtls::error::codes;
use mbedtls::ssl::Config;

use super::config::server_config;
use super::io::DatagramIo;
use super::mbedtls_ext;
use super::peer::{new_context, DtlsContext, PacketPeerDtls};
use super::Status;
use crate::crypto::{CryptoKey, X509Certificate};
use crate::error::Result;
use crate::tls_options::TlsOptions;
use crate::udp::PacketPeerUdp;

struct Setup {
    config: Arc<Config>,
    gate: Mutex<Option<DtlsContext>>,
}

/// Godot's `DTLSServer`.
#[derive(Default)]
pub struct DtlsServer {
    setup: Mutex<Option<Arc<Setup>>>,
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
    /// secret); connections already made keep theirs.
    pub fn setup(&self, options: &TlsOptions) -> Result<()> {
        let config = Arc::new(server_config(options)?);
        *lock(&self.setup) = Some(Arc::new(Setup {
            config,
            gate: Mutex::new(None),
        }));
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

    /// Godot's `take_connection(udp_peer)`: answers what `udp` (connected,
    /// usually from a `UdpServer`) has sent. A ClientHello without a valid
    /// cookie is answered with a HelloVerifyRequest and the peer returned is
    /// `STATUS_ERROR` ("it is normal that 50% of the connections fail"); the
    /// UDP peer is closed, so the client's retried ClientHello arrives as a
    /// new connection at once. A ClientHello with a valid cookie gives a
    /// peer in `STATUS_HANDSHAKING`. Without `setup`, or with a UDP peer
    /// that is not connected, the peer is `STATUS_DISCONNECTED`, as in
    /// Godot.
    pub fn take_connection(&self, udp: Arc<PacketPeerUdp>) -> PacketPeerDtls {
        let setup = lock(&self.setup).clone();
        let Some(setup) = setup.filter(|_| udp.is_socket_connected()) else {
            return PacketPeerDtls::new();
        };
        let mut gate_slot = lock(&setup.gate);
        let mut gate = gate_slot
            .take()
            .unwrap_or_else(|| new_context(Arc::clone(&setup.config)));
        let source = transport_id(udp.get_packet_address());
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
        if accepted && rebind_cookies(&mut gate, &source) {
            return PacketPeerDtls::with(Status::STATUS_HANDSHAKING, Some(gate));
        }
        // Nothing of this source stays: the gate lets go of it (its next
        // establish starts afresh), and its UDP peer leaves the server.
        gate.close();
        *gate_slot = Some(gate);
        udp.close();
        PacketPeerDtls::with(Status::STATUS_ERROR, None)
    }
}
