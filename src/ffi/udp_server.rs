//! `UDPServer` for C.

use std::ffi::c_char;

use super::handle::{self, impl_handle};
use super::packet_peer_udp::gdtls_packet_peer_udp;
use super::{ffi_guard, opt_str_arg};
use crate::error::Error;
use crate::udp::UdpServer;

/// Godot's `UDPServer`: one socket whose datagrams are sorted by source into
/// peers; each new source is a pending connection for `take_connection`.
#[allow(non_camel_case_types)]
pub struct gdtls_udp_server {
    _private: [u8; 0],
}
impl_handle!(gdtls_udp_server => UdpServer);

/// Godot's default for `gdtls_udp_server_set_max_pending_connections`.
pub const GDTLS_DEFAULT_MAX_PENDING_CONNECTIONS: i32 = 16;
const _: () =
    assert!(GDTLS_DEFAULT_MAX_PENDING_CONNECTIONS == crate::udp::DEFAULT_MAX_PENDING_CONNECTIONS);

/// How many datagrams from new sources beyond the pending connections a
/// server keeps waiting, in order, instead of dropping them as Godot does.
pub const GDTLS_PENDING_BACKLOG_DATAGRAMS: usize = 1024;
const _: () = assert!(GDTLS_PENDING_BACKLOG_DATAGRAMS == crate::udp::PENDING_BACKLOG_DATAGRAMS);

/// Creates a server that is not listening. The caller owns the handle and
/// releases it with `gdtls_udp_server_free`. Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_new() -> *mut gdtls_udp_server {
    ffi_guard!(Ok(handle::new_handle(
        std::sync::Arc::new(UdpServer::new())
    )))
}

/// Releases the caller's reference to `server`; with the last one the
/// server stops (pending connections are dropped, taken peers closed). NULL
/// does nothing and returns `GDTLS_OK`; a handle that is not a live server
/// returns `GDTLS_ERR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_free(server: *mut gdtls_udp_server) -> Error {
    ffi_guard!(handle::release(server).map(|()| Error::OK))
}

/// Returns a new handle to the same UDP server, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_reference(
    server: *mut gdtls_udp_server,
) -> *mut gdtls_udp_server {
    ffi_guard!(handle::get(server, "server").map(handle::new_handle))
}

/// Starts listening on `port` (0: any free port) of `bind_address` (an IP
/// address, or "*" or NULL for every IPv4 and IPv6 address).
///
/// WARNING: as in Godot, the socket takes SO_REUSEADDR for a `port` other
/// than 0 (port 0 gets a port of its own, without it). On Linux another
/// socket that also sets it (another `gdtls_udp_server` or bound
/// `gdtls_packet_peer_udp`, a Godot program, any process of the same user)
/// can bind the same port and address: both calls succeed, and the newest
/// socket silently receives the datagrams. A second server on a port in use
/// is not refused. Only a socket bound without SO_REUSEADDR makes this
/// fail (`GDTLS_ERR_UNAVAILABLE`, "Address already in use").
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_ALREADY_IN_USE` when already listening;
/// `GDTLS_ERR_INVALID_PARAMETER` for a port outside 0..65535 or an address
/// that is not an IP; `GDTLS_ERR_UNAVAILABLE` when it cannot be bound.
///
/// # Safety
/// `bind_address` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_udp_server_listen(
    server: *mut gdtls_udp_server,
    port: i32,
    bind_address: *const c_char,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let address = unsafe { opt_str_arg(bind_address, "bind_address") }?.unwrap_or("*");
        server.listen(port, address).map(|()| Error::OK)
    })
}

/// Reads the socket and sorts what arrived: datagrams from known sources go
/// to their peers, new sources become pending connections. Call it often
/// (every frame); `gdtls_udp_server_is_connection_available` and every read
/// on a taken peer do the same.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_UNCONFIGURED` when not listening.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_poll(server: *mut gdtls_udp_server) -> Error {
    ffi_guard!(handle::get(server, "server")
        .and_then(|s| s.poll())
        .map(|()| Error::OK))
}

/// Returns true when a pending connection waits for
/// `gdtls_udp_server_take_connection`. Reads the socket first, so code that
/// never calls `poll` (like Godot 3.2's examples) works. False when not
/// listening or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_is_connection_available(server: *mut gdtls_udp_server) -> bool {
    ffi_guard!(handle::get(server, "server").map(|s| s.is_connection_available()))
}

/// Returns the oldest pending connection as a new UDP peer the caller owns
/// (free it with `gdtls_packet_peer_udp_free`): connected to its source, it
/// holds the datagrams that source sent so far and shares the server's
/// socket. NULL when none is pending (no error is recorded) or for a bad
/// handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_udp_server_take_connection(
    server: *mut gdtls_udp_server,
) -> *mut gdtls_packet_peer_udp {
    ffi_guard!(handle::get(server, "server").map(|s| s
        .take_connection()
        .map_or(std::ptr::null_mut(), handle::new_handle)))
}

/// Stops listening and closes the socket: pending connections are dropped
/// and peers already taken are closed. Returns `GDTLS_OK`, or
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_stop(server: *mut gdtls_udp_server) -> Error {
    ffi_guard!(handle::get(server, "server").map(|s| {
        s.stop();
        Error::OK
    }))
}

/// Returns true while listening. False as well for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_is_listening(server: *mut gdtls_udp_server) -> bool {
    ffi_guard!(handle::get(server, "server").map(|s| s.is_listening()))
}

/// Returns the port the server listens on; 0 when not listening or for a bad
/// handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_get_local_port(server: *mut gdtls_udp_server) -> i32 {
    ffi_guard!(handle::get(server, "server").map(|s| i32::from(s.get_local_port())))
}

/// Returns the listening socket's descriptor, for a host that sleeps in
/// `poll`, `select` or `epoll` until a datagram arrives, instead of calling
/// `gdtls_udp_server_poll` in a loop: when it is readable, call
/// `gdtls_udp_server_poll` and poll the connections. The socket stays the
/// server's: do not read, write or close it (reading would steal
/// datagrams). Valid until the server stops or is freed. -1 when not
/// listening or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_get_socket_fd(server: *mut gdtls_udp_server) -> i32 {
    ffi_guard!(
        or - 1,
        handle::get(server, "server").map(|s| s.socket_fd().unwrap_or(-1))
    )
}

/// Sets how many connections may be pending at once (Godot's default: 16;
/// 0 accepts no new source). Sources beyond it are not dropped as in Godot:
/// their datagrams wait, in order, in a bounded backlog (1024 datagrams,
/// 1 MiB) and become pending connections as `take_connection` frees slots.
/// Lowering the limit keeps connections already pending.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a negative value or a
/// bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_set_max_pending_connections(
    server: *mut gdtls_udp_server,
    max: i32,
) -> Error {
    ffi_guard!(handle::get(server, "server")
        .and_then(|s| s.set_max_pending_connections(max))
        .map(|()| Error::OK))
}

/// Returns the pending-connection limit; 0 for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_udp_server_get_max_pending_connections(
    server: *mut gdtls_udp_server,
) -> i32 {
    ffi_guard!(handle::get(server, "server").map(|s| s.get_max_pending_connections()))
}
