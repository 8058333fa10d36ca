//! `PacketPeerDTLS` for C.

use std::ffi::c_char;
use std::sync::Arc;

use super::handle::{self, impl_handle};
use super::packet_peer_udp::gdtls_packet_peer_udp;
use super::tls_options::gdtls_tls_options;
use super::x509_certificate::gdtls_x509_certificate;
use super::{
    buf_arg, bytes_arg, duration_arg, duration_out, ffi_guard, opt_str_arg, packet_out, set_out,
    write_str_out, FailValue,
};
use crate::dtls::{HandshakeTimeout, PacketPeerDtls, Status};
use crate::error::{Error, Failure};

/// Godot's `PacketPeerDTLS`: one DTLS connection over a UDP peer, as a
/// client (`connect_to_peer`) or as a server's connection
/// (`gdtls_dtls_server_take_connection`).
#[allow(non_camel_case_types)]
pub struct gdtls_packet_peer_dtls {
    _private: [u8; 0],
}
impl_handle!(gdtls_packet_peer_dtls => PacketPeerDtls);

/// The largest datagram gdtls's DTLS writes: handshake flights are cut to
/// fit, and each packet travels in one datagram of at most this size, so
/// nothing relies on IP fragmentation.
pub const GDTLS_DTLS_MTU: u16 = 1200;
const _: () = assert!(GDTLS_DTLS_MTU == crate::dtls::DTLS_MTU);

/// A client handshake's default first retransmission interval (ms),
/// mbedTLS's and Godot's.
pub const GDTLS_DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC: u32 = 1000;
/// A client handshake's default largest retransmission interval (ms): it
/// gives up after 123 s in all, as in Godot.
pub const GDTLS_DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC: u32 = 60000;
const _: () = assert!(
    GDTLS_DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC == HandshakeTimeout::CLIENT_DEFAULT.min_ms()
        && GDTLS_DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC
            == HandshakeTimeout::CLIENT_DEFAULT.max_ms()
);

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

/// Returns a new handle to the same DTLS peer, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_reference(
    peer: *mut gdtls_packet_peer_dtls,
) -> *mut gdtls_packet_peer_dtls {
    ffi_guard!(handle::get(peer, "peer").map(handle::new_handle))
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
/// options, a validating client without a host name (an unsafe or PSK
/// client needs none), or a bad handle;
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
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let hostname = unsafe { opt_str_arg(hostname, "hostname") }?.unwrap_or("");
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
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let hostname = unsafe { opt_str_arg(for_hostname, "for_hostname") }?.unwrap_or("");
        let certificate = handle::get_opt(valid_certificate, "valid_certificate")?;
        peer.connect_to_peer_godot3(udp, validate_certs, hostname, certificate)
            .map(|()| Error::OK)
    })
}

/// Drives the connection: advances the handshake, retransmits lost flights
/// when their timers expire, and reads received packets. Call it often
/// (every frame). Never blocks.
///
/// A connected peer also ends in `GDTLS_STATUS_ERROR` when its socket
/// reports the other side gone (ICMP port unreachable: the server's process
/// ended; a handshake carries on, the server may be starting) or when its
/// idle timeout passes (`gdtls_packet_peer_dtls_set_idle_timeout_msec`).
///
/// Returns `GDTLS_OK`, whatever the status, unless this call ended the
/// connection in an error: then the error (`GDTLS_FAILED` for a failed
/// handshake, `GDTLS_ERR_TIMEOUT` for a handshake or an idle timeout,
/// `GDTLS_ERR_CONNECTION_ERROR` for a connection that failed or whose other
/// side is gone), with the reason in words in
/// `gdtls_get_last_error_message`: which certificate failed and why (when
/// it expired, which names it carries), what the transport said, or
/// mbedTLS's error. `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
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
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let data = unsafe { bytes_arg(data, len, "data") }?;
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
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { packet_out(peer.get_packet(buf_arg(buf, cap)?)?, cap, out_len) }
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

/// Sets the peer's idle timeout: once connected, when nothing has been
/// received from the other side for `msec` milliseconds, the peer ends in
/// `GDTLS_STATUS_ERROR` at its next poll or read, with
/// `GDTLS_ERR_TIMEOUT` (its mbedTLS state is freed then; the handle stays
/// the host's to free). 0, the default, keeps a silent peer for ever, as
/// Godot does. DTLS has no keep-alive: the other side must send something
/// more often than that. A server sets it for its new connections with
/// `gdtls_dtls_server_set_idle_timeout_msec`.
///
/// Returns `GDTLS_OK`, or `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_set_idle_timeout_msec(
    peer: *mut gdtls_packet_peer_dtls,
    msec: u32,
) -> Error {
    ffi_guard!(handle::get(peer, "peer").map(|p| {
        p.set_idle_timeout(duration_arg(msec));
        Error::OK
    }))
}

/// Returns the peer's idle timeout in milliseconds; 0 for none or for a
/// bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_idle_timeout_msec(
    peer: *mut gdtls_packet_peer_dtls,
) -> u32 {
    ffi_guard!(handle::get(peer, "peer").map(|p| duration_out(p.idle_timeout())))
}

/// Returns how long, in milliseconds, the other side has been silent: the
/// time since its last packet that decrypted (spoofed datagrams do not
/// count), or since the handshake ended or started. For a game's own
/// policy (warn, then drop) beside or instead of the idle timeout. 0 for a
/// bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_idle_time_msec(
    peer: *mut gdtls_packet_peer_dtls,
) -> u64 {
    ffi_guard!(handle::get(peer, "peer")
        .map(|p| u64::try_from(p.idle_time().as_millis()).unwrap_or(u64::MAX)))
}

/// Sets how the peer's next `connect_to_peer` waits for the server: the
/// first retransmission interval `min_msec`, doubled after each unanswered
/// flight up to `max_msec`, after which the handshake fails with
/// `GDTLS_ERR_TIMEOUT`. The default is Godot's and mbedTLS's: 1000 and
/// 60000 ms (123 s in all).
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` when `min_msec` is 0
/// or more than `max_msec`, or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_set_handshake_timeout_msec(
    peer: *mut gdtls_packet_peer_dtls,
    min_msec: u32,
    max_msec: u32,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        peer.set_handshake_timeout(HandshakeTimeout::new(min_msec, max_msec)?);
        Ok(Error::OK)
    })
}

/// Stores the first and the largest retransmission interval of the peer's
/// next handshake, in milliseconds, through `min_msec` and `max_msec`
/// (either may be NULL). Returns `GDTLS_OK`, or
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `min_msec` and `max_msec` are each NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_get_handshake_timeout_msec(
    peer: *mut gdtls_packet_peer_dtls,
    min_msec: *mut u32,
    max_msec: *mut u32,
) -> Error {
    ffi_guard!({
        let timeout = handle::get(peer, "peer")?.handshake_timeout();
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { set_out(min_msec, timeout.min_ms()) };
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { set_out(max_msec, timeout.max_ms()) };
        Ok(Error::OK)
    })
}

/// Writes what the connection negotiated into `buf` (capacity `cap`) as
/// NUL-terminated text; `*out_len` (if not NULL) receives its length
/// without the NUL. Shared by the two getters below.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
unsafe fn negotiated_out(
    peer: *mut gdtls_packet_peer_dtls,
    what: fn(&PacketPeerDtls) -> Option<&'static str>,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> crate::error::Result<Error> {
    let peer = handle::get(peer, "peer")?;
    let text = what(&peer).ok_or_else(|| {
        Failure::new(
            Error::ERR_UNAVAILABLE,
            "the peer has not completed a handshake",
        )
    })?;
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    unsafe { write_str_out(text, buf, cap, out_len) }.map(|()| Error::OK)
}

/// Writes the protocol version the connection negotiated ("DTLSv1.2") as
/// NUL-terminated text into `buf` (capacity `cap`); `*out_len` (if not
/// NULL) receives its length without the NUL. Readable once the handshake
/// is done, also after the connection ended.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_UNAVAILABLE` before a handshake
/// completed; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `buf` is NULL or
/// smaller than `*out_len + 1` (nothing written);
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_get_protocol_version(
    peer: *mut gdtls_packet_peer_dtls,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    ffi_guard!(unsafe { negotiated_out(peer, PacketPeerDtls::protocol_version, buf, cap, out_len) })
}

/// Writes the cipher suite the connection negotiated, by mbedTLS's name
/// ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256", the IANA name with dashes),
/// as for `gdtls_packet_peer_dtls_get_protocol_version`, with its errors.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_get_cipher_suite(
    peer: *mut gdtls_packet_peer_dtls,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    ffi_guard!(unsafe { negotiated_out(peer, PacketPeerDtls::cipher_suite, buf, cap, out_len) })
}

/// Returns the certificates the other side presented (its own first, then
/// its chain) as a new certificate handle the caller owns (free it with
/// `gdtls_x509_certificate_free`): a server's, or a client's when the
/// server verifies clients. Available while the connection is up.
///
/// NULL with `GDTLS_ERR_UNAVAILABLE` when there is none (not connected, a
/// PSK connection, a client the server did not ask), or with
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_peer_certificate(
    peer: *mut gdtls_packet_peer_dtls,
) -> *mut gdtls_x509_certificate {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        let chain = peer.peer_certificate().ok_or_else(|| {
            Failure::new(
                Error::ERR_UNAVAILABLE,
                "the other side presented no certificate on a connection that is up",
            )
        })?;
        Ok(handle::new_handle(Arc::new(chain)))
    })
}

/// True when the connection's handshake resumed an earlier session (an
/// abbreviated handshake, without certificates or key exchange: see
/// `gdtls_tls_options_set_session_resumption` and
/// `gdtls_dtls_server_set_session_ticket_lifetime_sec`). False before a
/// handshake completed, after a full one, or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_is_session_resumed(
    peer: *mut gdtls_packet_peer_dtls,
) -> bool {
    ffi_guard!(handle::get(peer, "peer").map(|p| p.is_session_resumed()))
}

/// Returns how long the handshake took, in microseconds: from
/// `connect_to_peer` (for a server's connection, from the ClientHello that
/// carried a valid cookie) to its end. 0 before a handshake completed or
/// for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_handshake_duration_usec(
    peer: *mut gdtls_packet_peer_dtls,
) -> u64 {
    ffi_guard!(handle::get(peer, "peer").map(|p| p
        .handshake_duration()
        .map_or(0, |d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))))
}

/// Returns how many times the current or last connection sent a handshake
/// flight again because the other side did not answer in time (lost
/// datagrams, or a peer that is slow or gone). 0 for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_retransmissions(
    peer: *mut gdtls_packet_peer_dtls,
) -> u32 {
    ffi_guard!(handle::get(peer, "peer").map(|p| p.retransmissions()))
}

/// What crossed a connection's transport: every datagram (handshake,
/// records, alerts), with its headers.
#[repr(C)]
#[derive(Debug, Clone, Copy, Default)]
#[allow(non_camel_case_types)]
pub struct gdtls_traffic {
    pub datagrams_received: u64,
    pub bytes_received: u64,
    pub datagrams_sent: u64,
    pub bytes_sent: u64,
}

/// Stores what the current or last connection received and sent through
/// `out` (also after it ended). A server's connection does not count the
/// client's first ClientHello, answered with a cookie request before the
/// connection was taken.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or a
/// NULL `out`.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_packet_peer_dtls_get_traffic(
    peer: *mut gdtls_packet_peer_dtls,
    out: *mut gdtls_traffic,
) -> Error {
    ffi_guard!({
        let peer = handle::get(peer, "peer")?;
        if out.is_null() {
            return Err(Failure::new(Error::ERR_INVALID_PARAMETER, "out is NULL"));
        }
        let t = peer.traffic();
        let traffic = gdtls_traffic {
            datagrams_received: t.datagrams_received,
            bytes_received: t.bytes_received,
            datagrams_sent: t.datagrams_sent,
            bytes_sent: t.bytes_sent,
        };
        // SAFETY: `out` is not NULL (checked above) and writable, as
        // `# Safety` requires of the caller.
        unsafe { set_out(out, traffic) };
        Ok(Error::OK)
    })
}

/// Returns how long, in milliseconds (rounded up), a host driving this peer
/// from an event loop may sleep before it must call
/// `gdtls_packet_peer_dtls_poll` even if no datagram arrives: until the
/// handshake's next retransmission (or its timeout), or until the idle
/// timeout runs out. -1 when only a datagram can change anything (no timer
/// runs: sleep on the UDP socket's descriptor alone), 0 when `poll` is due
/// now (a server's new connection answers its ClientHello at its first
/// poll), and -1 for a bad handle. Read it again after each poll.
#[no_mangle]
pub extern "C" fn gdtls_packet_peer_dtls_get_next_timeout_msec(
    peer: *mut gdtls_packet_peer_dtls,
) -> i64 {
    ffi_guard!(
        or - 1,
        handle::get(peer, "peer").map(|p| {
            p.next_timeout().map_or(-1, |left| {
                i64::try_from(left.as_micros().div_ceil(1000)).unwrap_or(i64::MAX)
            })
        })
    )
}
