//! Godot's UDP classes: `PacketPeerUDP` and `UDPServer`.
//!
//! A `PacketPeerUdp` reads and writes through one of three links: its own
//! socket, a `UdpServer`'s shared socket (demultiplexed by source address),
//! or a host's callbacks (`Transport`). Everything above the link — the
//! destination, the last packet's source, Godot's error codes — is the same
//! for all three.

// The constants of these modules reach C through src/ffi, with the
// GDTLS_ prefix, and not straight from cbindgen.
/// cbindgen:ignore
mod packet_peer;
/// cbindgen:ignore
pub(crate) mod queue;
/// cbindgen:ignore
mod server;
mod socket;

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

pub use packet_peer::{PacketPeerUdp, DEFAULT_RECV_BUF_SIZE};
pub use queue::{PacketRead, MAX_DATAGRAM};
pub(crate) use server::{Greeter, Greeting};
pub use server::{UdpServer, DEFAULT_MAX_PENDING_CONNECTIONS, PENDING_BACKLOG_DATAGRAMS};
pub use socket::BindAddress;

use crate::error::{Error, Failure, Result};

/// Checks a remote port as Godot 4 does: 1 to 65535.
fn remote_port(port: i32) -> Result<u16> {
    u16::try_from(port).ok().filter(|p| *p != 0).ok_or_else(|| {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("remote port {port} is out of range: it must be between 1 and 65535"),
        )
    })
}

/// Checks a local port as Godot does: 0 (any) to 65535.
fn local_port(port: i32) -> Result<u16> {
    u16::try_from(port).map_err(|_| {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("local port {port} is out of range: it must be between 0 and 65535"),
        )
    })
}

/// Resolves `host` (an IP address or a name) and checks `port`. With
/// `ipv4_only` (the socket is IPv4) an IPv4 address is picked.
fn resolve(host: &str, port: i32, ipv4_only: bool) -> Result<SocketAddr> {
    let port = remote_port(port)?;
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip.to_canonical(), port));
    }
    let cant = |why: String| {
        Failure::new(
            Error::ERR_CANT_RESOLVE,
            format!("cannot resolve '{host}': {why}"),
        )
    };
    if host.is_empty() {
        return Err(cant("empty host name".into()));
    }
    let found = (host, port)
        .to_socket_addrs()
        .map_err(|e| cant(e.to_string()))?;
    found
        .map(socket::canonical)
        .find(|a| !ipv4_only || a.is_ipv4())
        .ok_or_else(|| cant("no usable address".into()))
}
