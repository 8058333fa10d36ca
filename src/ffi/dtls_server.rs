//! `DTLSServer` for C.

use std::sync::Arc;
use std::time::Duration;

use super::crypto_key::gdtls_crypto_key;
use super::handle::{self, impl_handle};
use super::packet_peer_dtls::gdtls_packet_peer_dtls;
use super::packet_peer_udp::gdtls_packet_peer_udp;
use super::tls_options::gdtls_tls_options;
use super::x509_certificate::gdtls_x509_certificate;
use super::{duration_arg, duration_out, ffi_guard, set_out};
use crate::dtls::{DtlsServer, HandshakeTimeout};
use crate::error::{Error, Failure};

/// Godot's `DTLSServer`: turns connected UDP peers (from a
/// `gdtls_udp_server`) into DTLS connections, with cookies against
/// spoofed addresses.
#[allow(non_camel_case_types)]
pub struct gdtls_dtls_server {
    _private: [u8; 0],
}
impl_handle!(gdtls_dtls_server => DtlsServer);

/// How many handshakes a server runs at once by default, in all
/// (`gdtls_dtls_server_set_max_handshakes`).
pub const GDTLS_DEFAULT_MAX_HANDSHAKES: i32 = 256;
const _: () = assert!(GDTLS_DEFAULT_MAX_HANDSHAKES as usize == crate::dtls::DEFAULT_MAX_HANDSHAKES);

/// How many of them one IPv4 address or IPv6 /64 may hold by default.
pub const GDTLS_DEFAULT_MAX_HANDSHAKES_PER_SOURCE: i32 = 32;
const _: () = assert!(
    GDTLS_DEFAULT_MAX_HANDSHAKES_PER_SOURCE as usize
        == crate::dtls::DEFAULT_MAX_HANDSHAKES_PER_SOURCE
);

/// A server handshake's default first retransmission interval (ms).
pub const GDTLS_DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC: u32 = 1000;
/// A server handshake's default largest retransmission interval (ms): it
/// gives up after 15 s in all.
pub const GDTLS_DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC: u32 = 8000;
const _: () = assert!(
    GDTLS_DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC == HandshakeTimeout::SERVER_DEFAULT.min_ms()
        && GDTLS_DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC
            == HandshakeTimeout::SERVER_DEFAULT.max_ms()
);

/// The largest Certificate message (7 bytes, plus 3 and the DER of each
/// certificate of the chain) a server can send: `setup` refuses a chain
/// that makes a larger one.
pub const GDTLS_MAX_CERTIFICATE_MESSAGE: usize = 16376;
const _: () = assert!(GDTLS_MAX_CERTIFICATE_MESSAGE == crate::dtls::MAX_CERTIFICATE_MESSAGE);

/// Creates a server that is not set up. The caller owns the handle and
/// releases it with `gdtls_dtls_server_free`. Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_new() -> *mut gdtls_dtls_server {
    ffi_guard!(Ok(handle::new_handle(Arc::new(DtlsServer::new()))))
}

/// Releases the caller's reference to `server`; connections it made keep
/// working. NULL does nothing and returns `GDTLS_OK`; a handle that is not a
/// live DTLS server returns `GDTLS_ERR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_free(server: *mut gdtls_dtls_server) -> Error {
    ffi_guard!(handle::release(server).map(|()| Error::OK))
}

/// Returns a new handle to the same DTLS server, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_reference(
    server: *mut gdtls_dtls_server,
) -> *mut gdtls_dtls_server {
    ffi_guard!(handle::get(server, "server").map(handle::new_handle))
}

/// Sets the server up with `options` from `gdtls_tls_options_server` (key
/// and certificate chain to present). Their content is read now. A new
/// setup replaces the previous one; connections already made keep theirs.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for client options or a
/// bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_setup(
    server: *mut gdtls_dtls_server,
    options: *mut gdtls_tls_options,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let options = handle::get(options, "options")?;
        server.setup(&options).map(|()| Error::OK)
    })
}

/// Godot 3.2's `setup(key, certificate, chain)`: presents `certificate`
/// (then `chain`'s certificates, if `chain` is not NULL) with `key`.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle, an
/// empty or public-only key, an empty certificate, or a key that does not
/// match the certificate.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_setup_godot3(
    server: *mut gdtls_dtls_server,
    key: *mut gdtls_crypto_key,
    certificate: *mut gdtls_x509_certificate,
    chain: *mut gdtls_x509_certificate,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let key = handle::get(key, "key")?;
        let certificate = handle::get(certificate, "certificate")?;
        let chain = handle::get_opt(chain, "chain")?;
        server
            .setup_godot3(key, certificate, chain.as_deref())
            .map(|()| Error::OK)
    })
}

/// Answers what the connected UDP peer `udp` (usually from
/// `gdtls_udp_server_take_connection`) has sent, and returns a new DTLS peer
/// the caller owns. As in Godot, check its status:
/// `GDTLS_STATUS_HANDSHAKING` for a client whose cookie verified (keep it
/// and poll it: its first poll writes the server's answer, with the key
/// exchange and signature, on the thread that polls); `GDTLS_STATUS_ERROR` for a first ClientHello, answered with
/// a cookie request — "it is normal that 50% of the connections fail": free
/// it, and the client's retry arrives as a new UDP connection; and
/// `GDTLS_STATUS_DISCONNECTED` when the server is not set up or `udp` is not
/// connected. gdtls keeps nothing for a client before its cookie verifies.
/// The cookie request closes `udp`: a host-callback peer
/// (`gdtls_packet_peer_udp_new_from_callbacks`) then needs a new peer for
/// the client's retried ClientHello, as a UDP server makes one.
///
/// Returns NULL only for a bad handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_take_connection(
    server: *mut gdtls_dtls_server,
    udp: *mut gdtls_packet_peer_udp,
) -> *mut gdtls_packet_peer_dtls {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let udp = handle::get(udp, "udp")?;
        Ok(handle::new_handle(Arc::new(server.take_connection(udp))))
    })
}

/// Sets how the handshakes of connections taken from now on wait for their
/// client: the first retransmission interval `min_msec`, doubled after each
/// unanswered flight up to `max_msec`, after which the handshake fails
/// (`GDTLS_STATUS_ERROR`) and its memory is freed. The default, 1000 and
/// 8000 ms (15 s in all), is shorter than a client's (1000 and 60000 ms, as
/// in Godot), so that handshakes a client abandoned do not last 2 minutes.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` when `min_msec` is 0
/// or more than `max_msec`, or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_set_handshake_timeout_msec(
    server: *mut gdtls_dtls_server,
    min_msec: u32,
    max_msec: u32,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        server
            .set_handshake_timeout(HandshakeTimeout::new(min_msec, max_msec)?)
            .map(|()| Error::OK)
    })
}

/// Stores the first and the largest retransmission interval of new
/// connections' handshakes, in milliseconds, through `min_msec` and
/// `max_msec` (either may be NULL). Returns `GDTLS_OK`, or
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `min_msec` and `max_msec` are each NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_dtls_server_get_handshake_timeout_msec(
    server: *mut gdtls_dtls_server,
    min_msec: *mut u32,
    max_msec: *mut u32,
) -> Error {
    ffi_guard!({
        let timeout = handle::get(server, "server")?.handshake_timeout();
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { set_out(min_msec, timeout.min_ms()) };
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { set_out(max_msec, timeout.max_ms()) };
        Ok(Error::OK)
    })
}

/// Sets the idle timeout of connections taken from now on: a connected
/// peer from which nothing has been received for `msec` milliseconds ends
/// in `GDTLS_STATUS_ERROR` at its next poll or read (its mbedTLS state is
/// freed then; the handle stays the host's to free). 0, the default, keeps
/// silent peers for ever, as Godot does. DTLS has no keep-alive: clients
/// must send something more often than that. See
/// `gdtls_packet_peer_dtls_get_idle_time_msec` for a policy of your own.
///
/// Returns `GDTLS_OK`, or `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_set_idle_timeout_msec(
    server: *mut gdtls_dtls_server,
    msec: u32,
) -> Error {
    ffi_guard!(handle::get(server, "server").map(|s| {
        s.set_idle_timeout(duration_arg(msec));
        Error::OK
    }))
}

/// Returns the idle timeout of new connections in milliseconds; 0 for none
/// or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_get_idle_timeout_msec(server: *mut gdtls_dtls_server) -> u32 {
    ffi_guard!(handle::get(server, "server").map(|s| duration_out(s.idle_timeout())))
}

/// Sets how many handshakes the server runs at once: `max_total` in all
/// (default 256) and `max_per_source` from one IPv4 address or IPv6 /64
/// (default 32, for players behind one NAT). A handshake holds its place
/// from the ClientHello whose cookie verifies until it is connected,
/// fails, times out or is freed. Over either limit, such a ClientHello is
/// dropped before mbedTLS reads it (the `take_connection` peer is
/// `GDTLS_STATUS_ERROR`) and the client's own retransmission gets through
/// once there is room; so one host cycling through source ports cannot
/// hold more than `max_per_source` contexts (about 40 KiB each). Lowering a
/// limit ends no handshake.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a negative limit or
/// a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_set_max_handshakes(
    server: *mut gdtls_dtls_server,
    max_total: i32,
    max_per_source: i32,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let limit = |n: i32, name: &str| {
            usize::try_from(n).map_err(|_| {
                Failure::new(
                    Error::ERR_INVALID_PARAMETER,
                    format!("{name} must be 0 or more, not {n}"),
                )
            })
        };
        server.set_max_handshakes(
            limit(max_total, "max_total")?,
            limit(max_per_source, "max_per_source")?,
        );
        Ok(Error::OK)
    })
}

/// Stores the two limits of `gdtls_dtls_server_set_max_handshakes` through
/// `max_total` and `max_per_source` (either may be NULL). Returns
/// `GDTLS_OK`, or `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `max_total` and `max_per_source` are each NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_dtls_server_get_max_handshakes(
    server: *mut gdtls_dtls_server,
    max_total: *mut i32,
    max_per_source: *mut i32,
) -> Error {
    ffi_guard!({
        let (total, per_source) = handle::get(server, "server")?.max_handshakes();
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { set_out(max_total, i32::try_from(total).unwrap_or(i32::MAX)) };
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe {
            set_out(
                max_per_source,
                i32::try_from(per_source).unwrap_or(i32::MAX),
            )
        };
        Ok(Error::OK)
    })
}

/// Returns how many connections taken from `server` are handshaking now
/// (taken, and not yet connected, failed, timed out or freed); 0 for a bad
/// handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_get_handshake_count(server: *mut gdtls_dtls_server) -> i32 {
    ffi_guard!(handle::get(server, "server")
        .map(|s| i32::try_from(s.handshakes_in_progress()).unwrap_or(i32::MAX)))
}

/// How long a server's session tickets are valid by default, in seconds
/// (two hours, OpenSSL's default session lifetime); also how often the
/// key sealing them changes.
pub const GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC: u32 = 7200;
const _: () = assert!(
    GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC as u64
        == crate::dtls::DEFAULT_TICKET_LIFETIME.as_secs()
);

/// Sets whether, and for how long, the server gives clients session
/// tickets (RFC 5077) on the connections it takes from now on: a client
/// that presents one when it reconnects resumes its session with an
/// abbreviated handshake, without certificates or key exchange (gdtls
/// clients do so with the options they connected with before). Tickets are
/// sealed with a key only the server holds; a new key is made every `sec`
/// seconds (the previous one still opens the tickets it sealed), and a
/// ticket older than `sec` is refused. 0 gives no tickets, as Godot; the
/// default is `GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC`. Changing it
/// makes new keys: tickets already given are refused.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle;
/// `GDTLS_ERR_CANT_ACQUIRE_RESOURCE` when the keys cannot be made.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_set_session_ticket_lifetime_sec(
    server: *mut gdtls_dtls_server,
    sec: u32,
) -> Error {
    ffi_guard!({
        let server = handle::get(server, "server")?;
        let lifetime = (sec > 0).then(|| Duration::from_secs(sec.into()));
        server
            .set_session_ticket_lifetime(lifetime)
            .map(|()| Error::OK)
    })
}

/// Returns the session ticket lifetime of new connections in seconds; 0
/// when the server gives no tickets, or for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_dtls_server_get_session_ticket_lifetime_sec(
    server: *mut gdtls_dtls_server,
) -> u32 {
    ffi_guard!(handle::get(server, "server").map(|s| s
        .session_ticket_lifetime()
        .map_or(0, |l| u32::try_from(l.as_secs()).unwrap_or(u32::MAX))))
}
