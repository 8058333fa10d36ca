//! `TLSOptions` for C.

use std::ffi::c_char;
use std::sync::Arc;

use super::crypto_key::gdtls_crypto_key;
use super::handle::{self, impl_handle};
use super::x509_certificate::gdtls_x509_certificate;
use super::{ffi_guard, opt_str_arg, write_str_out};
use crate::error::Error;
use crate::tls_options::TlsOptions;

/// Godot's `TLSOptions`: what a client trusts, or what a server presents.
/// Immutable once made.
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
