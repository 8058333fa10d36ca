//! Godot's `DTLSServer` and `PacketPeerDTLS` on mbedTLS.
//!
//! The engine never owns a socket: each connection is an mbedTLS context
//! reading and writing datagrams through a `Transport` (a `PacketPeerUdp`,
//! which may itself wrap a host's transport), driven by `poll`.

// The constants of these modules reach C through src/ffi, with the
// GDTLS_ prefix, and not straight from cbindgen.
/// cbindgen:ignore
mod config;
mod hello;
mod io;
/// cbindgen:ignore
mod limits;
/// cbindgen:ignore
mod peer;
mod pins;
mod server;
mod sessions;
mod signing;
mod verify;

pub use config::{
    HandshakeTimeout, DEFAULT_TICKET_LIFETIME, MAX_CERTIFICATE_MESSAGE, SYSTEM_CA_BUNDLES,
};
pub use io::Traffic;
pub use limits::{DEFAULT_MAX_HANDSHAKES, DEFAULT_MAX_HANDSHAKES_PER_SOURCE};
pub use peer::{PacketPeerDtls, DTLS_MTU};
pub use server::DtlsServer;
pub(crate) use sessions::SessionStore;

/// Godot's `PacketPeerDTLS.Status`.
///
/// cbindgen:rename-all=prefix:GDTLS_
#[allow(non_camel_case_types)]
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not connected: new, closed by either side, or never set up.
    STATUS_DISCONNECTED = 0,
    /// The handshake is under way; `poll` drives it.
    STATUS_HANDSHAKING = 1,
    /// Connected: packets can be sent and received.
    STATUS_CONNECTED = 2,
    /// Failed: handshake error, bad certificate, protocol error; or, for a
    /// server's new connection, the client was asked for a cookie first.
    STATUS_ERROR = 3,
    /// The server's certificate is valid but names another host.
    STATUS_ERROR_HOSTNAME_MISMATCH = 4,
}
