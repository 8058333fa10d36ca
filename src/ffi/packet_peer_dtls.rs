//! `PacketPeerDTLS` for C.

use std::ffi::c_char;
use std::sync::Arc;

use super::handle::{self, impl_handle};
use super::packet_peer_udp::gdtls_packet_peer_udp;
use super::tls_options::gdtls_tls_options;
use super::x509_certificate::gdtls_x509_certificate;
use super::{buf_arg, bytes_arg, ffi_guard, opt_str_arg, packet_out, FailValue};
use crate::dtls::{PacketPeerDtls, Status};
use crate::error::{Error, Failure};

/// Godot's `PacketPeerDTLS`: one DTLS connection over a UDP peer, as a
/// client (`connect_to_peer`) or as a server's connection
/// (`gdtls_dtls_server_take_connection`).
#[allow(non_camel_case_types)]
pub struct gdtls_packet_peer_dtls {
    _private: [u8; 0],
}
impl_handle!(gdtls_packet_peer_dtls => PacketPeerDtls);

impl FailValue for Status {
    fn fail_value(_: &Failure) -> Self {
        Status::STATUS_ERROR
    }
}

/// Creates a peer that is not connected (`GDTLS_STATUS_DISCONNECTED`). The
/// caller owns the handle and releases it with `gdtls_packet_peer_dtls_free`.
/// Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_new() -> *mut gdtls_packet_peer_dtls {
    ffi_guard!(Ok(handle::new_handle(Arc::new(PacketPeerDtls::new()))))
}

/// Releases the caller's reference to `peer`. With the last reference a
/// connected peer sends close_notify, as `disconnect_from_peer` does. NULL
/// does nothing and returns `GDTLS_OK`; a handle that is not a live DTLS
/// peer returns `GDTLS_ERR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_free(peer: *mut gdtls_packet_peer_dtls) -> Error {
    ffi_guard!(handle::release(peer).map(|()| Error::OK))
}

/// Starts a DTLS handshake as a client over `udp`, which must be connected
/// (`gdtls_packet_peer_udp_connect_to_host`, or a host-callback peer). The
/// DTLS peer holds its own reference to `udp`. `options` come from
/// `gdtls_tls_options_client` or `_client_unsafe`; NULL means
/// `gdtls_tls_options_client(NULL, NULL)`: the server's certificate must
/// chain to the system's CA bundle and name `hostname` (or the options'
/// common name override). Then call `gdtls_packet_peer_dtls_poll` until the
/// status leaves `GDTLS_STATUS_HANDSHAKING`.
///
/// Returns `GDTLS_OK` (status `GDTLS_STATUS_HANDSHAKING`);
/// `GDTLS_ERR_INVALID_PARAMETER` for a UDP peer that is not connected, server
/// options, a validating client without a host name, or a bad handle;
/// `GDTLS_ERR_ALREADY_IN_USE` when already connecting or connected;
/// `GDTLS_ERR_UNCONFIGURED` when no CA bundle is found for a validating
/// client without a trusted chain; `GDTLS_FAILED` when the first handshake
/// step fails (the status then says how).
///
/// # Safety
/// `hostname` is NULL (an empty name) or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_connect_to_peer(
    peer: *mut gdtls_packet_peer_dtls,
    udp: *mut gdtls_packet_peer_udp,
    hostname: *const c_char,
    options: *mut gdtls_tls_options,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        let udp = handle::get(udp, "udp")?;
        let hostname = opt_str_arg(hostname, "hostname")?.unwrap_or("");
        let options = handle::get_opt(options, "options")?;
        peer.connect_to_peer(udp, hostname, options.as_deref())
            .map(|()| Error::OK)
    })
}

/// Godot 3.2's `connect_to_peer(packet_peer, validate_certs, for_hostname,
/// valid_certificate)`: with `validate_certs`, the server's certificate
/// must chain to `valid_certificate` (NULL: the system's CA bundle) and name
/// `for_hostname`; without, nothing is checked. Errors as for
/// `gdtls_packet_peer_dtls_connect_to_peer`.
///
/// # Safety
/// `for_hostname` is NULL (an empty name) or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_connect_to_peer_godot3(
    peer: *mut gdtls_packet_peer_dtls,
    udp: *mut gdtls_packet_peer_udp,
    validate_certs: bool,
    for_hostname: *const c_char,
    valid_certificate: *mut gdtls_x509_certificate,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        let udp = handle::get(udp, "udp")?;
        let hostname = opt_str_arg(for_hostname, "for_hostname")?.unwrap_or("");
        let certificate = handle::get_opt(valid_certificate, "valid_certificate")?;
        peer.connect_to_peer_godot3(udp, validate_certs, hostname, certificate)
            .map(|()| Error::OK)
    })
}

/// Drives the connection: advances the handshake, retransmits lost flights
/// when their timers expire, and reads received packets. Call it often
/// (every frame). Never blocks.
///
/// Returns `GDTLS_OK`, whatever the status, unless this call ended the
/// connection in an error: then the error (`GDTLS_FAILED` for a failed
/// handshake, `GDTLS_ERR_CONNECTION_ERROR` later), with the reason, including
/// mbedTLS's, in `gdtls_get_last_error_message`. `GDTLS_ERR_INVALID_PARAMETER`
/// for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_poll(peer: *mut gdtls_packet_peer_dtls) -> Error {
    ffi_guard!(handle::get(peer, "peer")
        .and_then(|p| p.poll())
        .map(|()| Error::OK))
}

/// Returns the peer's status. `GDTLS_STATUS_ERROR` for a bad handle (see
/// `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_status(peer: *mut gdtls_packet_peer_dtls) -> Status {
    ffi_guard!(handle::get(peer, "peer").map(|p| p.get_status()))
}

/// Ends the connection: a connected peer sends close_notify, and the other
/// side's status becomes `GDTLS_STATUS_DISCONNECTED`; a handshaking peer
/// stops. The status becomes `GDTLS_STATUS_DISCONNECTED`. Nothing happens in
/// other states. Returns `GDTLS_OK`, or `GDTLS_ERR_INVALID_PARAMETER` for a
/// bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_disconnect_from_peer(
    peer: *mut gdtls_packet_peer_dtls,
) -> Error {
    ffi_guard!(handle::get(peer, "peer").map(|p| {
        p.disconnect_from_peer();
        Error::OK
    }))
}

/// Sends `len` bytes from `data` as one encrypted packet (one datagram).
///
/// Returns `GDTLS_OK` (an empty packet sends nothing);
/// `GDTLS_ERR_UNCONFIGURED` unless connected; `GDTLS_ERR_INVALID_PARAMETER`
/// for more than `gdtls_packet_peer_dtls_get_max_packet_size` bytes (the
/// connection stays up), NULL data with a length, or a bad handle;
/// `GDTLS_ERR_BUSY` when the socket cannot take it now;
/// `GDTLS_ERR_CONNECTION_ERROR` when the connection failed (status
/// `GDTLS_STATUS_ERROR`).
///
/// # Safety
/// `data` is NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_put_packet(
    peer: *mut gdtls_packet_peer_dtls,
    data: *const u8,
    len: usize,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        let data = bytes_arg(data, len, "data")?;
        peer.put_packet(data).map(|()| Error::OK)
    })
}

/// Copies the next received packet into `buf` (capacity `cap`) and removes
/// it; `*out_len` (if not NULL) receives its length. Packets received before
/// the connection closed can still be read.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `cap` is too
/// small (the packet stays queued, `*out_len` is the size it needs);
/// `GDTLS_ERR_UNAVAILABLE` when connected and none is waiting;
/// `GDTLS_ERR_UNCONFIGURED` when none is left and the peer is not connected;
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_get_packet(
    peer: *mut gdtls_packet_peer_dtls,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        packet_out(peer.get_packet(buf_arg(buf, cap)?)?, cap, out_len)
    })
}

/// Returns how many received packets wait to be read (reading what has
/// arrived first). 0 when none, when not connected, or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_available_packet_count(
    peer: *mut gdtls_packet_peer_dtls,
) -> i32 {
    ffi_guard!(handle::get(peer, "peer").map(|p| p.get_available_packet_count()))
}

/// Returns the largest packet `put_packet` accepts, so that every packet
/// travels in one datagram of at most 1200 bytes: exact once connected
/// (it depends on the cipher suite), and before that a size every suite
/// carries. 0 for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_max_packet_size(
    peer: *mut gdtls_packet_peer_dtls,
) -> i32 {
    ffi_guard!(handle::get(peer, "peer")
        .map(|p| i32::try_from(p.get_max_packet_size()).unwrap_or(i32::MAX)))
}
