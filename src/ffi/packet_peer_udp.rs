//! `PacketPeerUDP` for C, including peers whose datagrams travel through a
//! host's own callbacks.

use std::ffi::{c_char, c_void};
use std::sync::Arc;
use std::time::Duration;

use super::handle::{self, impl_handle};
use super::host::{gdtls_release_fn, HostData};
use super::{buf_arg, bytes_arg, ffi_guard, opt_str_arg, packet_out, str_arg, write_str_out};
use crate::error::{Error, Failure, Result};
use crate::transport::Transport;
use crate::udp::PacketPeerUdp;

/// Godot's `PacketPeerUDP`: a UDP socket that sends and receives datagrams,
/// or a peer taken from a `gdtls_udp_server`, or one carried by host
/// callbacks (`gdtls_packet_peer_udp_new_from_callbacks`).
#[allow(non_camel_case_types)]
pub struct gdtls_packet_peer_udp {
    _private: [u8; 0],
}
impl_handle!(gdtls_packet_peer_udp => PacketPeerUdp);

/// The largest datagram UDP carries to any peer (an IPv4 datagram's
/// payload): the size of a buffer that holds any packet a UDP peer reads.
pub const GDTLS_MAX_DATAGRAM: usize = 65507;
const _: () = assert!(GDTLS_MAX_DATAGRAM == crate::udp::MAX_DATAGRAM);

/// Godot's default `recv_buf_size` for `gdtls_packet_peer_udp_bind`: how
/// many bytes of datagrams a peer queues before it leaves the rest in the
/// socket.
pub const GDTLS_DEFAULT_RECV_BUF_SIZE: i32 = 65536;
const _: () = assert!(GDTLS_DEFAULT_RECV_BUF_SIZE as usize == crate::udp::DEFAULT_RECV_BUF_SIZE);

/// Creates a peer without a socket. The caller owns the handle and releases
/// it with `gdtls_packet_peer_udp_free`. Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_new() -> *mut gdtls_packet_peer_udp {
    ffi_guard!(Ok(handle::new_handle(Arc::new(PacketPeerUdp::new()))))
}

/// Releases the caller's reference to `peer`. A DTLS peer running over it
/// keeps it alive; the socket closes when the last reference goes (a peer
/// taken from a server then stops receiving its client's datagrams). NULL
/// does nothing and returns `GDTLS_OK`; a handle that is not a live UDP peer
/// returns `GDTLS_ERR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_free(peer: *mut gdtls_packet_peer_udp) -> Error {
    ffi_guard!(handle::release(peer).map(|()| Error::OK))
}

/// Returns a new handle to the same UDP peer, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_reference(
    peer: *mut gdtls_packet_peer_udp,
) -> *mut gdtls_packet_peer_udp {
    ffi_guard!(handle::get(peer, "peer").map(handle::new_handle))
}

/// Binds the peer to `port` (0: any free port) on `bind_address` (an IP
/// address, or "*" or NULL for every IPv4 and IPv6 address), queueing at most
/// `recv_buf_size` bytes of received datagrams, each counted with 24 bytes
/// for its address and length as Godot counts it (Godot's default: 65536).
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_ALREADY_IN_USE` when the peer already has a
/// socket (its own, a server's or a host's);
/// `GDTLS_ERR_INVALID_PARAMETER` for a port outside 0..65535, an address that
/// is not an IP, or a buffer size outside 1..64 MiB; `GDTLS_ERR_UNAVAILABLE`
/// when the address and port cannot be bound (held by a socket without
/// SO_REUSEADDR, say).
///
/// WARNING: as in Godot, the socket takes SO_REUSEADDR (for a `port` other
/// than 0, which gets a port of its own without it), so a port that
/// another such socket holds (a `gdtls_udp_server`, another peer, a Godot
/// program) is bound again without error, and the newest socket silently
/// receives its datagrams. See `gdtls_udp_server_listen`.
///
/// # Safety
/// `bind_address` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_bind(
    peer: *mut gdtls_packet_peer_udp,
    port: i32,
    bind_address: *const c_char,
    recv_buf_size: i32,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let address = unsafe { opt_str_arg(bind_address, "bind_address") }?.unwrap_or("*");
        peer.bind(port, address, recv_buf_size).map(|()| Error::OK)
    })
}

/// Closes the socket (a server's peer leaves the server; a host peer's
/// `release` callback runs) and drops queued packets. Returns `GDTLS_OK`, or
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_close(peer: *mut gdtls_packet_peer_udp) -> Error {
    ffi_guard!(handle::get(peer, "peer").map(|p| {
        p.close();
        Error::OK
    }))
}

/// Connects the peer to `host` (an IPv4 or IPv6 address, or a name to
/// resolve — this may block on DNS) and `port`: from now on only that
/// address's datagrams are received and `put_packet` sends there. A peer
/// without a socket gets one. Queued packets are dropped.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_CANT_RESOLVE` for a name that does not
/// resolve; `GDTLS_ERR_INVALID_PARAMETER` for a port outside 1..65535 or a
/// NULL host; `GDTLS_ERR_LOCKED` for a server's or a host's peer;
/// `GDTLS_ERR_CANT_CONNECT` when the socket cannot connect (an IPv6 address
/// from a peer bound to IPv4, say).
///
/// # Safety
/// `host` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_connect_to_host(
    peer: *mut gdtls_packet_peer_udp,
    host: *const c_char,
    port: i32,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let host = unsafe { str_arg(host, "host") }?;
        peer.connect_to_host(host, port).map(|()| Error::OK)
    })
}

/// Returns true for a connected peer (`connect_to_host`, a server's peer or a
/// host's peer). False as well for a bad handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_is_socket_connected(
    peer: *mut gdtls_packet_peer_udp,
) -> bool {
    ffi_guard!(handle::get(peer, "peer").map(|p| p.is_socket_connected()))
}

/// Returns true when the peer has a socket (its own, a listening server's,
/// or a host's callbacks). False as well for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_is_bound(peer: *mut gdtls_packet_peer_udp) -> bool {
    ffi_guard!(handle::get(peer, "peer").map(|p| p.is_bound()))
}

/// Sets where `gdtls_packet_peer_udp_put_packet` sends, for a peer that is
/// not connected. `host` as for `gdtls_packet_peer_udp_connect_to_host`.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_UNCONFIGURED` for a connected peer;
/// `GDTLS_ERR_CANT_RESOLVE` or `GDTLS_ERR_INVALID_PARAMETER` as for
/// `connect_to_host`.
///
/// # Safety
/// `host` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_set_dest_address(
    peer: *mut gdtls_packet_peer_udp,
    host: *const c_char,
    port: i32,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let host = unsafe { str_arg(host, "host") }?;
        peer.set_dest_address(host, port).map(|()| Error::OK)
    })
}

/// Sends `len` bytes from `data` as one datagram to the peer's destination.
/// A peer with a destination but no socket gets one first.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_UNCONFIGURED` without a destination;
/// `GDTLS_ERR_BUSY` when the socket's send buffer is full (try again);
/// `GDTLS_ERR_INVALID_PARAMETER` for more than
/// `gdtls_packet_peer_udp_get_max_packet_size` bytes or NULL data with a
/// length; `GDTLS_ERR_CONNECTION_ERROR` when the system reports that an
/// earlier datagram of a connected peer was refused (ICMP port
/// unreachable: nothing listens at the destination; reported once);
/// `GDTLS_FAILED` when the system refuses to send.
///
/// # Safety
/// `data` is NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_put_packet(
    peer: *mut gdtls_packet_peer_udp,
    data: *const u8,
    len: usize,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let data = unsafe { bytes_arg(data, len, "data") }?;
        peer.put_packet(data).map(|()| Error::OK)
    })
}

/// Copies the next received datagram into `buf` (capacity `cap`) and
/// removes it from the queue; `*out_len` (if not NULL) receives its length.
/// Afterwards `gdtls_packet_peer_udp_get_packet_ip` and `_port` tell where
/// it came from.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `cap` is too
/// small (the datagram stays queued and `*out_len` is the size it needs);
/// `GDTLS_ERR_UNAVAILABLE` when none is waiting;
/// `GDTLS_ERR_CONNECTION_ERROR`, once, when none is waiting and a datagram
/// of a connected peer was refused (ICMP port unreachable: nothing listens
/// at the destination); `GDTLS_FAILED` without a socket;
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_get_packet(
    peer: *mut gdtls_packet_peer_udp,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { packet_out(peer.get_packet(buf_arg(buf, cap)?)?, cap, out_len) }
    })
}

/// Returns how many datagrams are waiting, reading the socket first; -1
/// without a socket (as in Godot) or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_get_available_packet_count(
    peer: *mut gdtls_packet_peer_udp,
) -> i32 {
    ffi_guard!(
        or - 1,
        handle::get(peer, "peer").map(|p| p.get_available_packet_count())
    )
}

/// Writes the IP address of the last received datagram's source (for a peer
/// taken from a server: its client) as NUL-terminated text into `buf`: an
/// empty string before any. `*out_len` receives its length without the NUL.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `buf` cannot
/// hold `*out_len + 1` bytes (46 always suffice);
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_get_packet_ip(
    peer: *mut gdtls_packet_peer_udp,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        let ip = peer
            .get_packet_address()
            .map(|a| a.ip().to_string())
            .unwrap_or_default();
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { write_str_out(&ip, buf, cap, out_len) }.map(|()| Error::OK)
    })
}

/// Returns the port of the last received datagram's source; 0 before any
/// or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_get_packet_port(peer: *mut gdtls_packet_peer_udp) -> i32 {
    ffi_guard!(handle::get(peer, "peer")
        .map(|p| p.get_packet_address().map_or(0, |a| i32::from(a.port()))))
}

/// Returns the descriptor of the socket the peer reads, for a host that
/// sleeps in `poll`, `select` or `epoll` until a datagram arrives instead of
/// polling in a loop: the peer's own, or for a connection taken from a
/// `gdtls_udp_server` the server's (shared by all its connections: when it
/// is readable, call `gdtls_udp_server_poll`, then poll the connections).
/// A DTLS peer over this UDP peer waits on the same descriptor, with
/// `gdtls_packet_peer_dtls_get_next_timeout_msec` as the sleep's limit. The
/// socket stays gdtls's: do not read, write or close it. Valid until the
/// peer is closed or freed. -1 without a socket, over a host's transport
/// (the host has its own) or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_get_socket_fd(peer: *mut gdtls_packet_peer_udp) -> i32 {
    ffi_guard!(
        or - 1,
        handle::get(peer, "peer").map(|p| p.socket_fd().unwrap_or(-1))
    )
}

/// Returns the local port of the peer's socket (a server's peer: the
/// server's port); 0 without one or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_get_local_port(peer: *mut gdtls_packet_peer_udp) -> i32 {
    ffi_guard!(handle::get(peer, "peer").map(|p| i32::from(p.get_local_port())))
}

/// Blocks until a datagram is waiting. Other threads may use the peer
/// meanwhile.
///
/// Returns `GDTLS_OK`; `GDTLS_FAILED` without a socket;
/// `GDTLS_ERR_UNAVAILABLE` for a host's peer (gdtls cannot block on it);
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_wait(peer: *mut gdtls_packet_peer_udp) -> Error {
    ffi_guard!(handle::get(peer, "peer")
        .and_then(|p| p.wait(None))
        .map(|()| Error::OK))
}

/// Like `gdtls_packet_peer_udp_wait`, for at most `timeout_msec`
/// milliseconds: `GDTLS_ERR_TIMEOUT` when none arrived in time.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_wait_timeout(
    peer: *mut gdtls_packet_peer_udp,
    timeout_msec: u32,
) -> Error {
    ffi_guard!(handle::get(peer, "peer")
        .and_then(|p| p.wait(Some(Duration::from_millis(timeout_msec.into()))))
        .map(|()| Error::OK))
}

/// Returns the largest datagram `put_packet` accepts: 65507 bytes, the most
/// UDP carries over IPv4. 0 for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_get_max_packet_size(
    peer: *mut gdtls_packet_peer_udp,
) -> i32 {
    ffi_guard!(handle::get(peer, "peer")
        .map(|p| i32::try_from(p.get_max_packet_size()).unwrap_or(i32::MAX)))
}

/// Allows or forbids sending to broadcast addresses, now or once the peer
/// has a socket. Returns `GDTLS_OK`, `GDTLS_FAILED` when the system refuses,
/// or `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_udp_set_broadcast_enabled(
    peer: *mut gdtls_packet_peer_udp,
    enabled: bool,
) -> Error {
    ffi_guard!(handle::get(peer, "peer")
        .and_then(|p| p.set_broadcast_enabled(enabled))
        .map(|()| Error::OK))
}

/// Godot 4's `join_multicast_group`: the peer receives what is sent to the
/// multicast group `multicast_address` (an IPv4 or IPv6 group address) on
/// the network interface `interface_name` (as `ip link` names it; NULL or
/// "" lets the system pick the interface it routes the group to, where
/// Godot requires a name). A peer may join a group on several interfaces.
/// Bind the peer first, to the port the group's datagrams go to: unlike
/// Godot, gdtls does not open an unbound socket to join.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for an address that is
/// not a multicast group, an unknown interface, an IPv6 group on an IPv4
/// socket, NULL or invalid UTF-8; `GDTLS_ERR_UNCONFIGURED` for a peer
/// without a socket; `GDTLS_ERR_LOCKED` for a peer taken from a
/// `gdtls_udp_server`; `GDTLS_ERR_UNAVAILABLE` for a host-callback peer;
/// `GDTLS_FAILED` when the system refuses (the reason in the message).
///
/// # Safety
/// `multicast_address` and `interface_name` are each NULL or a
/// NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_join_multicast_group(
    peer: *mut gdtls_packet_peer_udp,
    multicast_address: *const c_char,
    interface_name: *const c_char,
) -> Error {
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    ffi_guard!(unsafe {
        change_multicast(
            peer,
            multicast_address,
            interface_name,
            PacketPeerUdp::join_multicast_group,
        )
    })
}

/// Godot 4's `leave_multicast_group`: stops receiving what is sent to
/// `multicast_address` on `interface_name`, as joined with
/// `gdtls_packet_peer_udp_join_multicast_group`. Errors as for joining;
/// `GDTLS_FAILED` for a group the peer did not join there.
///
/// # Safety
/// As for `gdtls_packet_peer_udp_join_multicast_group`.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_leave_multicast_group(
    peer: *mut gdtls_packet_peer_udp,
    multicast_address: *const c_char,
    interface_name: *const c_char,
) -> Error {
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    ffi_guard!(unsafe {
        change_multicast(
            peer,
            multicast_address,
            interface_name,
            PacketPeerUdp::leave_multicast_group,
        )
    })
}

/// The arguments of the two multicast calls, checked, handed to `change`.
///
/// # Safety
/// As for `gdtls_packet_peer_udp_join_multicast_group`.
unsafe fn change_multicast(
    peer: *mut gdtls_packet_peer_udp,
    multicast_address: *const c_char,
    interface_name: *const c_char,
    change: fn(&PacketPeerUdp, &str, &str) -> Result<()>,
) -> Result<Error> {
    let peer = handle::get(peer, "peer")?;
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    let group = unsafe { str_arg(multicast_address, "multicast_address") }?;
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    let interface = unsafe { opt_str_arg(interface_name, "interface_name") }?.unwrap_or("");
    change(&peer, group, interface).map(|()| Error::OK)
}

/// Callbacks through which a host carries a peer's datagrams itself: its
/// own UDP stack, a relay, a simulated network. gdtls copies the struct.
///
/// Contract: every callback is non-blocking. gdtls calls them from the
/// thread that is calling into gdtls for this peer (or a DTLS peer over it),
/// one at a time for a given peer. They may call gdtls functions for other
/// objects, but not for this peer, a DTLS peer over it, or a DTLS server
/// taking a connection over it (the call would wait for itself). Buffers
/// belong to gdtls and are valid only during the call.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct gdtls_udp_callbacks {
    /// Passed as the first argument of every callback.
    pub user_data: *mut c_void,
    /// Required. Sends one datagram of `len` bytes. Returns 0 when it was
    /// sent (or lost, as networks lose datagrams), `GDTLS_ERR_BUSY` when it
    /// cannot be taken now, `GDTLS_ERR_CONNECTION_ERROR` when the peer is
    /// known to be gone (a connected DTLS peer over it then ends in
    /// `GDTLS_STATUS_ERROR`; a handshake carries on), or any other
    /// `gdtls_error` for a failure.
    pub send:
        Option<unsafe extern "C" fn(user_data: *mut c_void, data: *const u8, len: usize) -> i32>,
    /// Required. Copies the next waiting datagram into `buf` (`cap` bytes,
    /// at least 65507) and returns its length, or returns -1 when none is
    /// waiting. Any other negative value is a failure.
    pub receive:
        Option<unsafe extern "C" fn(user_data: *mut c_void, buf: *mut u8, cap: usize) -> i64>,
    /// Optional. Returns how many datagrams are waiting (negative: failure).
    /// Without it, gdtls calls `receive` until it returns -1.
    pub available: Option<unsafe extern "C" fn(user_data: *mut c_void) -> i32>,
    /// Optional. Called once, when the peer is closed or its last reference
    /// is released: `user_data` is no longer used after it.
    pub release: gdtls_release_fn,
}

/// A host's callbacks as a `Transport`.
/// gdtls never calls two callbacks of one peer at once (the peer's lock
/// serialises them).
struct HostCallbacks {
    user_data: HostData,
    send: unsafe extern "C" fn(*mut c_void, *const u8, usize) -> i32,
    receive: unsafe extern "C" fn(*mut c_void, *mut u8, usize) -> i64,
    available: Option<unsafe extern "C" fn(*mut c_void) -> i32>,
}

impl Transport for HostCallbacks {
    fn send_datagram(&self, data: &[u8]) -> Result<()> {
        // SAFETY: the host promised a valid callback; `data` outlives the call.
        match unsafe { (self.send)(self.user_data.ptr(), data.as_ptr(), data.len()) } {
            0 => Ok(()),
            code if code == Error::ERR_BUSY as i32 => Err(Failure::new(
                Error::ERR_BUSY,
                "the host's send callback is busy",
            )),
            code if code == Error::ERR_CONNECTION_ERROR as i32 => Err(Failure::new(
                Error::ERR_CONNECTION_ERROR,
                "the host's send callback reports the peer gone",
            )),
            code => Err(Failure::new(
                Error::FAILED,
                format!("the host's send callback failed with {code}"),
            )),
        }
    }

    fn recv_datagram(&self, buf: &mut [u8]) -> Result<Option<usize>> {
        // SAFETY: as above; `buf` is writable for its length during the call.
        let got = unsafe { (self.receive)(self.user_data.ptr(), buf.as_mut_ptr(), buf.len()) };
        match got {
            -1 => Ok(None),
            n if n >= 0 && (n as u64) <= buf.len() as u64 => Ok(Some(n as usize)),
            n if n >= 0 => Err(Failure::new(
                Error::ERR_INVALID_DATA,
                format!(
                    "the host's receive callback returned {n} bytes for a {}-byte buffer",
                    buf.len()
                ),
            )),
            n => Err(Failure::new(
                Error::FAILED,
                format!("the host's receive callback failed with {n}"),
            )),
        }
    }

    fn pending_datagrams(&self) -> Result<Option<usize>> {
        let Some(available) = self.available else {
            return Ok(None);
        };
        // SAFETY: as above.
        let n = unsafe { available(self.user_data.ptr()) };
        usize::try_from(n).map(Some).map_err(|_| {
            Failure::new(
                Error::FAILED,
                format!("the host's available callback failed with {n}"),
            )
        })
    }
}

/// Creates a connected peer whose datagrams travel through the host's
/// `callbacks` instead of a socket. It works wherever a UDP peer does (a
/// DTLS client's or server's transport, say). `get_local_port` is 0 and
/// `get_packet_ip` empty; `bind`, `connect_to_host` and `wait` are refused.
///
/// Returns a new handle the caller owns, or NULL with
/// `GDTLS_ERR_INVALID_PARAMETER` when `callbacks` is NULL or lacks `send` or
/// `receive` (then `release` is not called).
///
/// # Safety
/// `callbacks` is NULL or points to a valid `gdtls_udp_callbacks` whose
/// functions honour the contract documented there.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_udp_new_from_callbacks(
    callbacks: *const gdtls_udp_callbacks,
) -> *mut gdtls_packet_peer_udp {
    ffi_guard!({
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let cb = unsafe { callbacks.as_ref() }
            .ok_or_else(|| Failure::new(Error::ERR_INVALID_PARAMETER, "callbacks is NULL"))?;
        let missing = |name| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("callbacks.{name} is NULL"),
            )
        };
        let send = cb.send.ok_or_else(|| missing("send"))?;
        let receive = cb.receive.ok_or_else(|| missing("receive"))?;
        let transport = HostCallbacks {
            user_data: HostData::new(cb.user_data, cb.release),
            send,
            receive,
            available: cb.available,
        };
        Ok(handle::new_handle(Arc::new(PacketPeerUdp::from_transport(
            Box::new(transport),
        ))))
    })
}
