//! `TLSOptions` for C.

use std::ffi::{c_char, c_void};
use std::sync::Arc;

use super::crypto_key::gdtls_crypto_key;
use super::handle::{self, impl_handle};
use super::host::{gdtls_release_fn, HostData};
use super::packet_peer_dtls::GDTLS_DTLS_MTU;
use super::x509_certificate::gdtls_x509_certificate;
use super::{bytes_arg, ffi_guard, opt_str_arg, write_str_out};
use crate::error::{Error, Failure, Result};
use crate::tls_options::{Pin, PinKind, TlsOptions};

/// Godot's `TLSOptions`: what a client trusts, or what a server presents,
/// and what gdtls adds (pins, revocation lists, pre-shared keys, client
/// certificates, MTU, suites and curves). Godot's part is immutable once
/// made; gdtls's setters apply to connections and setups made after them.
#[allow(non_camel_case_types)]
pub struct gdtls_tls_options {
    _private: [u8; 0],
}
impl_handle!(gdtls_tls_options => TlsOptions);

/// Options for a client that verifies the server: its certificate must chain
/// to `trusted_chain` (NULL: the system's CA bundle) and name the host given
/// to `connect_to_peer`, or `common_name_override` when that is neither NULL
/// nor empty. The options hold their own reference to `trusted_chain`.
///
/// Returns a new handle the caller owns (free it with
/// `gdtls_tls_options_free`), or NULL with `GDTLS_ERR_INVALID_PARAMETER` for
/// a bad or empty certificate handle or a non-UTF-8 name.
///
/// # Safety
/// `common_name_override` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_client(
    trusted_chain: *mut gdtls_x509_certificate,
    common_name_override: *const c_char,
) -> *mut gdtls_tls_options {
    ffi_guard!({
        let chain = handle::get_opt(trusted_chain, "trusted_chain")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let name =
            unsafe { opt_str_arg(common_name_override, "common_name_override") }?.unwrap_or("");
        TlsOptions::client(chain, name).map(|o| handle::new_handle(Arc::new(o)))
    })
}

/// Options for a client that does not verify the server's certificate at
/// all. For testing only: anyone on the path can impersonate the server.
/// `trusted_chain` may be NULL; it is kept only so that
/// `gdtls_tls_options_get_trusted_ca_chain` returns it, as in Godot.
///
/// Returns a new handle the caller owns, or NULL with
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad or empty certificate handle.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_client_unsafe(
    trusted_chain: *mut gdtls_x509_certificate,
) -> *mut gdtls_tls_options {
    ffi_guard!({
        let chain = handle::get_opt(trusted_chain, "trusted_chain")?;
        TlsOptions::client_unsafe(chain).map(|o| handle::new_handle(Arc::new(o)))
    })
}

/// Options for a server presenting `certificate` (its first certificate, then
/// the rest of the chain) with the private `key` matching it. The options
/// hold their own references to both.
///
/// Returns a new handle the caller owns, or NULL with
/// `GDTLS_ERR_INVALID_PARAMETER` when a handle is NULL or bad, the key is
/// empty or public only, the certificate is empty, or the key does not match
/// the certificate.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_server(
    key: *mut gdtls_crypto_key,
    certificate: *mut gdtls_x509_certificate,
) -> *mut gdtls_tls_options {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        let certificate = handle::get(certificate, "certificate")?;
        TlsOptions::server(key, certificate).map(|o| handle::new_handle(Arc::new(o)))
    })
}

/// Releases the caller's reference to `options`; DTLS objects set up with
/// them keep them alive. NULL does nothing and returns `GDTLS_OK`; a handle
/// that is not live options returns `GDTLS_ERR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_free(options: *mut gdtls_tls_options) -> Error {
    ffi_guard!(handle::release(options).map(|()| Error::OK))
}

/// Returns a new handle to the same TLS options, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_reference(
    options: *mut gdtls_tls_options,
) -> *mut gdtls_tls_options {
    ffi_guard!(handle::get(options, "options").map(handle::new_handle))
}

/// True for options made by `gdtls_tls_options_server`. False as well for an
/// invalid handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_tls_options_is_server(options: *mut gdtls_tls_options) -> bool {
    ffi_guard!(handle::get(options, "options").map(|o| o.is_server()))
}

/// True for options made by `gdtls_tls_options_client_unsafe`. False as well
/// for an invalid handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_tls_options_is_unsafe_client(options: *mut gdtls_tls_options) -> bool {
    ffi_guard!(handle::get(options, "options").map(|o| o.is_unsafe_client()))
}

/// Writes the common name override (empty when none) as NUL-terminated text
/// into `buf` (capacity `cap`); `*out_len` (if not NULL) receives its length
/// without the NUL.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `buf` is NULL or
/// smaller than `*out_len + 1` (nothing written); `GDTLS_ERR_INVALID_PARAMETER`
/// for a bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_get_common_name_override(
    options: *mut gdtls_tls_options,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    ffi_guard!({
        let options = handle::get(options, "options")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { write_str_out(options.common_name_override(), buf, cap, out_len) }
            .map(|()| Error::OK)
    })
}

/// Returns a new reference to the trusted CA chain (the caller frees it with
/// `gdtls_x509_certificate_free`), or NULL when the options have none or the
/// handle is invalid (then see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_tls_options_get_trusted_ca_chain(
    options: *mut gdtls_tls_options,
) -> *mut gdtls_x509_certificate {
    ffi_guard!(handle::get(options, "options").map(|o| o
        .trusted_ca_chain()
        .map_or(std::ptr::null_mut(), |c| handle::new_handle(Arc::clone(c)))))
}

/// Returns a new reference to the server's private key (the caller frees it
/// with `gdtls_crypto_key_free`), or NULL for client options or an invalid
/// handle (then see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_tls_options_get_private_key(
    options: *mut gdtls_tls_options,
) -> *mut gdtls_crypto_key {
    ffi_guard!(handle::get(options, "options").map(|o| o
        .private_key()
        .map_or(std::ptr::null_mut(), |k| handle::new_handle(Arc::clone(k)))))
}

/// Returns a new reference to the server's own certificate (the caller frees
/// it with `gdtls_x509_certificate_free`), or NULL for client options or an
/// invalid handle (then see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_tls_options_get_own_certificate(
    options: *mut gdtls_tls_options,
) -> *mut gdtls_x509_certificate {
    ffi_guard!(handle::get(options, "options").map(|o| o
        .own_certificate()
        .map_or(std::ptr::null_mut(), |c| handle::new_handle(Arc::clone(c)))))
}

/// A pin covers the certificate's public key (its SubjectPublicKeyInfo, as
/// HPKP and most pinning libraries pin): it survives a renewal with the
/// same key.
pub const GDTLS_PIN_PUBLIC_KEY: i32 = 0;
/// A pin covers the whole certificate (DER).
pub const GDTLS_PIN_CERTIFICATE: i32 = 1;
const _: () = assert!(
    GDTLS_PIN_PUBLIC_KEY == PinKind::PublicKey as i32
        && GDTLS_PIN_CERTIFICATE == PinKind::Certificate as i32
);

/// The most bytes a pre-shared key has (mbedTLS's limit).
pub const GDTLS_MAX_PSK_LEN: usize = 32;
const _: () = assert!(GDTLS_MAX_PSK_LEN == crate::tls_options::MAX_PSK_LEN);

pub(crate) fn pin_kind(kind: i32) -> Result<PinKind> {
    match kind {
        GDTLS_PIN_PUBLIC_KEY => Ok(PinKind::PublicKey),
        GDTLS_PIN_CERTIFICATE => Ok(PinKind::Certificate),
        _ => Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("pin kind {kind} is neither GDTLS_PIN_PUBLIC_KEY nor GDTLS_PIN_CERTIFICATE"),
        )),
    }
}

/// Options for a client that proves itself with a pre-shared key instead of
/// certificates: `identity` (1 to 128 bytes) names it to the server, `key`
/// (1 to `GDTLS_MAX_PSK_LEN` bytes) is the secret both sides know. Only PSK
/// suites are offered, ECDHE-PSK (forward secret) first. Both buffers are
/// copied.
///
/// Returns a new handle the caller owns, or NULL with
/// `GDTLS_ERR_INVALID_PARAMETER` for a length out of range or NULL data.
///
/// # Safety
/// `identity` and `key` are NULL or readable for their lengths.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_client_psk(
    identity: *const u8,
    identity_len: usize,
    key: *const u8,
    key_len: usize,
) -> *mut gdtls_tls_options {
    ffi_guard!({
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let identity = unsafe { bytes_arg(identity, identity_len, "identity") }?;
        // SAFETY: as above.
        let key = unsafe { bytes_arg(key, key_len, "key") }?;
        TlsOptions::client_psk(identity, key).map(|o| handle::new_handle(Arc::new(o)))
    })
}

/// A PSK server's lookup: given a client's `identity` (`identity_len`
/// bytes, not NUL-terminated), writes its key (1 to `key_cap` =
/// `GDTLS_MAX_PSK_LEN` bytes) to `key_out` and returns the key's length, or
/// returns 0 to refuse the identity (the client's handshake then fails
/// with an unknown_psk_identity alert).
///
/// Contract: it runs on the thread that drives the handshake (the one
/// calling `gdtls_dtls_server_take_connection` or that connection's
/// `gdtls_packet_peer_dtls_poll`), during that call, and may run on several
/// threads at once when the host drives connections from several threads.
/// It must not call gdtls on the server or peer being driven. `identity`
/// and `key_out` are valid only during the call. A value over `key_cap` is
/// a refusal.
#[allow(non_camel_case_types)]
pub type gdtls_psk_lookup_fn = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        identity: *const u8,
        identity_len: usize,
        key_out: *mut u8,
        key_cap: usize,
    ) -> usize,
>;

/// A host's lookup and its data, released when the last holder goes.
struct HostLookup {
    lookup: unsafe extern "C" fn(*mut c_void, *const u8, usize, *mut u8, usize) -> usize,
    user_data: HostData,
}

impl HostLookup {
    fn key(&self, identity: &[u8]) -> Option<Vec<u8>> {
        let mut key = [0u8; GDTLS_MAX_PSK_LEN];
        // SAFETY: the host's function, called as its contract says: the
        // identity and the key buffer are valid for their lengths for the
        // call.
        let n = unsafe {
            (self.lookup)(
                self.user_data.ptr(),
                identity.as_ptr(),
                identity.len(),
                key.as_mut_ptr(),
                key.len(),
            )
        };
        (1..=key.len()).contains(&n).then(|| key[..n].to_vec())
    }
}

/// Options for a server that accepts clients by pre-shared key, without
/// certificates: `lookup` finds each client identity's key (see
/// `gdtls_psk_lookup_fn` for its contract), called with `user_data`.
/// `release`, if not NULL, is called once with `user_data` when the options,
/// every server set up with them and every connection made from those are
/// gone, so the host knows when `user_data` may be freed.
///
/// Returns a new handle the caller owns, or NULL with
/// `GDTLS_ERR_INVALID_PARAMETER` for a NULL `lookup` (`release` is then not
/// called).
#[no_mangle]
pub extern "C" fn gdtls_tls_options_server_psk(
    lookup: gdtls_psk_lookup_fn,
    user_data: *mut c_void,
    release: gdtls_release_fn,
) -> *mut gdtls_tls_options {
    ffi_guard!({
        let lookup =
            lookup.ok_or_else(|| Failure::new(Error::ERR_INVALID_PARAMETER, "lookup is NULL"))?;
        let host = HostLookup {
            lookup,
            user_data: HostData::new(user_data, release),
        };
        let options = TlsOptions::server_psk(Arc::new(move |identity: &[u8]| host.key(identity)));
        Ok(handle::new_handle(Arc::new(options)))
    })
}

/// Options for a PSK server whose one `key` (1 to `GDTLS_MAX_PSK_LEN`
/// bytes, copied) opens every client identity.
///
/// Returns a new handle the caller owns, or NULL with
/// `GDTLS_ERR_INVALID_PARAMETER` for a length out of range or NULL data.
///
/// # Safety
/// `key` is NULL or readable for `key_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_server_psk_key(
    key: *const u8,
    key_len: usize,
) -> *mut gdtls_tls_options {
    ffi_guard!({
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let key = unsafe { bytes_arg(key, key_len, "key") }?;
        TlsOptions::server_psk_key(key).map(|o| handle::new_handle(Arc::new(o)))
    })
}

/// Adds a pin: the peer's chain must then hold a certificate (or a public
/// key, per `kind`: `GDTLS_PIN_PUBLIC_KEY` or `GDTLS_PIN_CERTIFICATE`)
/// whose SHA-256 is `sha256` (32 bytes, copied) or one of the other pins,
/// or the handshake fails with `GDTLS_ERR_UNAUTHORIZED`, however valid the
/// chain. With a validating client both must pass; with
/// `gdtls_tls_options_client_unsafe` the pins stand in for a CA. Server
/// options pin client certificates. Applies to connections made from now
/// on. `gdtls_x509_certificate_get_sha256_pin` computes a pin.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle, a
/// NULL `sha256` or an unknown kind.
///
/// # Safety
/// `sha256` is NULL or readable for 32 bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_add_pin(
    options: *mut gdtls_tls_options,
    kind: i32,
    sha256: *const u8,
) -> Error {
    ffi_guard!({
        let options = handle::get(options, "options")?;
        let kind = pin_kind(kind)?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let bytes = unsafe { bytes_arg(sha256, 32, "sha256") }?;
        let mut hash = [0u8; 32];
        hash.copy_from_slice(bytes);
        options.add_pin(Pin { kind, sha256: hash });
        Ok(Error::OK)
    })
}

/// Adds certificate revocation lists from `len` bytes at `data`: PEM (one
/// or more lists) or one DER list. A peer certificate they revoke is
/// refused, the message saying it is revoked. Applies to connections (and
/// server setups) made from now on.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or
/// NULL data with a length; `GDTLS_FAILED` for bytes that are not a
/// revocation list.
///
/// # Safety
/// `data` is NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_add_crl(
    options: *mut gdtls_tls_options,
    data: *const u8,
    len: usize,
) -> Error {
    ffi_guard!({
        let options = handle::get(options, "options")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let data = unsafe { bytes_arg(data, len, "data") }?;
        options.add_crl(data).map(|()| Error::OK)
    })
}

/// The smallest MTU `gdtls_tls_options_set_mtu` takes.
pub const GDTLS_MIN_MTU: u16 = 256;
/// The largest MTU `gdtls_tls_options_set_mtu` takes.
pub const GDTLS_MAX_MTU: u16 = 16384;
const _: () = assert!(
    GDTLS_MIN_MTU == *crate::tls_options::MTU_RANGE.start()
        && GDTLS_MAX_MTU == *crate::tls_options::MTU_RANGE.end()
);

/// Sets the largest datagram that connections made with the options write
/// (`GDTLS_MIN_MTU` to `GDTLS_MAX_MTU`; default `GDTLS_DTLS_MTU`):
/// handshake flights are cut to fit and `get_max_packet_size` follows. For
/// a path known to carry more (a LAN), or less (a tunnel).
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or
/// an MTU out of range.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_set_mtu(options: *mut gdtls_tls_options, mtu: u16) -> Error {
    ffi_guard!(handle::get(options, "options")
        .and_then(|o| o.set_mtu(mtu))
        .map(|()| Error::OK))
}

/// Returns the MTU of connections made with the options (`GDTLS_DTLS_MTU`
/// unless set); 0 for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_get_mtu(options: *mut gdtls_tls_options) -> u16 {
    ffi_guard!(handle::get(options, "options").map(|o| o.mtu().unwrap_or(GDTLS_DTLS_MTU)))
}

/// Sets the cipher suites to offer or accept, in order of preference, by
/// mbedTLS's names separated by commas or colons
/// ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256,TLS-ECDHE-RSA-WITH-CHACHA20-POLY1305-SHA256").
/// The default offers only forward-secret AEAD suites; any suite mbedTLS
/// has may be named, which is also how to opt back in to one the default
/// leaves out. NULL or empty restores the default.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle,
/// non-UTF-8 text or an unknown name (named in the message; nothing is
/// changed).
///
/// # Safety
/// `names` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_set_cipher_suites(
    options: *mut gdtls_tls_options,
    names: *const c_char,
) -> Error {
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    ffi_guard!(unsafe { set_names(options, names, TlsOptions::set_cipher_suites) })
}

/// Sets the curves to offer or accept for the key exchange, in order of
/// preference ("x25519,secp256r1"); the default is x25519, secp256r1,
/// secp384r1, secp521r1 and the Brainpool curves. NULL or empty restores
/// the default. Errors as for `gdtls_tls_options_set_cipher_suites`.
///
/// # Safety
/// `names` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_tls_options_set_curves(
    options: *mut gdtls_tls_options,
    names: *const c_char,
) -> Error {
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    ffi_guard!(unsafe { set_names(options, names, TlsOptions::set_curves) })
}

/// Gives `options` a list of names (NULL: empty) through `set`.
///
/// # Safety
/// `names` is NULL or a NUL-terminated string.
unsafe fn set_names(
    options: *mut gdtls_tls_options,
    names: *const c_char,
    set: fn(&TlsOptions, &str) -> Result<()>,
) -> Result<Error> {
    let options = handle::get(options, "options")?;
    // SAFETY: the pointers are as `# Safety` above requires of the caller.
    let names = unsafe { opt_str_arg(names, "names") }?.unwrap_or("");
    set(&options, names).map(|()| Error::OK)
}

/// Gives client options a certificate (`certificate`, then the rest of its
/// chain) and its private `key`, sent to servers that ask for one (mutual
/// authentication). The options hold their own references to both.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for server options, a
/// bad handle, an empty or public-only key, an empty certificate or a key
/// that does not match it.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_set_client_certificate(
    options: *mut gdtls_tls_options,
    key: *mut gdtls_crypto_key,
    certificate: *mut gdtls_x509_certificate,
) -> Error {
    ffi_guard!({
        let options = handle::get(options, "options")?;
        let key = handle::get(key, "key")?;
        let certificate = handle::get(certificate, "certificate")?;
        options
            .set_client_certificate(key, certificate)
            .map(|()| Error::OK)
    })
}

/// Makes a server (set up from now on with these options) ask each client
/// for a certificate chaining to `trusted_chain`. With `required`, a client
/// that sends none, or one that does not verify, is refused; without, one
/// that sends none is let in (and shows no certificate), one that sends a
/// bad one refused. The server's connection then exposes the client's
/// certificate (`gdtls_packet_peer_dtls_get_peer_certificate`).
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for options other
/// than `gdtls_tls_options_server`'s, a bad handle or an empty chain.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_set_client_verification(
    options: *mut gdtls_tls_options,
    trusted_chain: *mut gdtls_x509_certificate,
    required: bool,
) -> Error {
    ffi_guard!({
        let options = handle::get(options, "options")?;
        let chain = handle::get(trusted_chain, "trusted_chain")?;
        options
            .set_client_verification(chain, required)
            .map(|()| Error::OK)
    })
}

/// Sets whether clients made with these options resume the sessions they
/// establish: a client that reconnects, with the same options, to a server
/// it connected to before (same address and host name) offers its session
/// and, if the server takes it (a ticket it issued), makes an abbreviated
/// handshake, without certificates or key exchange. On by default; off
/// gives a full handshake every time and forgets the saved sessions.
/// Changing any other setting of the options forgets them too (they were
/// verified under the old settings).
///
/// Returns `GDTLS_OK`, or `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_set_session_resumption(
    options: *mut gdtls_tls_options,
    enabled: bool,
) -> Error {
    ffi_guard!(handle::get(options, "options").map(|o| {
        o.set_session_resumption(enabled);
        Error::OK
    }))
}

/// True when clients made with the options resume sessions (the default).
/// False as well for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_tls_options_get_session_resumption(
    options: *mut gdtls_tls_options,
) -> bool {
    ffi_guard!(handle::get(options, "options").map(|o| o.session_resumption()))
}
