//! The few mbedTLS calls the `mbedtls` crate does not wrap.
//!
//! This is the only module of the core with `unsafe`: each function hands a
//! context or configuration the crate owns to one mbedTLS function that
//! reads or sets plain fields (or copies a buffer into one), and nothing is
//! kept past the call.

use mbedtls::ssl::{Config, Context};

/// mbedTLS's handshake state for "waiting for a ClientHello".
const STATE_CLIENT_HELLO: i32 = mbedtls_sys::SSL_CLIENT_HELLO as i32;

/// Caps the datagrams the context writes (handshake flights are fragmented
/// to fit) and so the largest application record.
pub(crate) fn set_mtu<T>(ctx: &mut Context<T>, mtu: u16) {
    // SAFETY: `ctx` converts to a valid, live mbedtls_ssl_context pointer
    // for the duration of the call; ssl_set_mtu only stores the value.
    unsafe { mbedtls_sys::ssl_set_mtu(ctx.into(), mtu) }
}

/// The largest application payload one record (one datagram) can carry with
/// the context's MTU and, once negotiated, cipher.
pub(crate) fn max_out_payload<T>(ctx: &Context<T>) -> Option<usize> {
    // SAFETY: as above; the call only reads the context.
    let n = unsafe { mbedtls_sys::ssl_get_max_out_record_payload(ctx.into()) };
    usize::try_from(n).ok()
}

/// Sets the client id a server context checks DTLS cookies against;
/// false when mbedTLS cannot (out of memory).
pub(crate) fn set_client_transport_id<T>(ctx: &mut Context<T>, id: &[u8]) -> bool {
    // SAFETY: as above; the call copies `id`, which is valid for its length.
    unsafe { mbedtls_sys::ssl_set_client_transport_id(ctx.into(), id.as_ptr(), id.len()) == 0 }
}

/// Whether a server context has accepted a ClientHello (with a valid cookie)
/// and moved on to answering it.
pub(crate) fn past_client_hello<T>(ctx: &Context<T>) -> bool {
    let raw: *const mbedtls_sys::ssl_context = ctx.into();
    // SAFETY: `raw` points to the live context `ctx` borrows; `state` is a
    // plain int field of it.
    unsafe { (*raw).state > STATE_CLIENT_HELLO }
}

/// Sets the first and the largest retransmission interval of a handshake,
/// in milliseconds: the interval doubles from `min` after each unanswered
/// flight, and the handshake fails once an interval of `max` has passed.
pub(crate) fn set_handshake_timeout(config: &mut Config, min_ms: u32, max_ms: u32) {
    // SAFETY: `config` converts to a valid, live mbedtls_ssl_config pointer
    // for the duration of the call; the call only stores the two values.
    unsafe { mbedtls_sys::ssl_conf_handshake_timeout(config.into(), min_ms, max_ms) }
}

/// mbedTLS's own words for an error code ("SSL - The operation timed out").
pub(crate) fn error_text(code: i32) -> String {
    let mut buf = [0u8; 200];
    // SAFETY: `buf` is writable for its whole length, which is what the call
    // is told; strerror always NUL-terminates within it.
    unsafe { mbedtls_sys::strerror(code, buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}
