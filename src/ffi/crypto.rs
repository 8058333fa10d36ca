//! Godot's `Crypto` generators for C.

use std::ffi::c_char;
use std::sync::Arc;

use super::crypto_key::gdtls_crypto_key;
use super::handle;
use super::x509_certificate::gdtls_x509_certificate;
use super::{ffi_guard, opt_str_arg, str_arg};
use crate::crypto;

/// Generates an RSA key of `size` bits (an even size from 512 to 8192;
/// Godot's examples use 4096, 2048 is the common choice) with exponent 65537.
/// Slow: seconds for 4096 bits.
///
/// Returns a new key the caller owns (free it with `gdtls_crypto_key_free`),
/// or NULL with `GDTLS_ERR_INVALID_PARAMETER` for an unsupported size (see
/// `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_crypto_generate_rsa(size: i32) -> *mut gdtls_crypto_key {
    ffi_guard!(crypto::generate_rsa(size).map(|k| handle::new_handle(Arc::new(k))))
}

/// Generates an ECDSA key on `curve`: "P-256" or "P-384" (also called
/// "secp256r1" and "secp384r1"). Godot generates only RSA keys; EC keys
/// make handshakes several times faster, and OpenSSL, GnuTLS and Godot
/// peers accept them.
///
/// Returns a new key the caller owns (free it with `gdtls_crypto_key_free`),
/// or NULL with `GDTLS_ERR_INVALID_PARAMETER` for another curve or a NULL
/// or non-UTF-8 name.
///
/// # Safety
/// `curve` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_generate_ecdsa(
    curve: *const c_char,
) -> *mut gdtls_crypto_key {
    ffi_guard!({
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let curve = unsafe { str_arg(curve, "curve") }?;
        crypto::generate_ecdsa(curve).map(|k| handle::new_handle(Arc::new(k)))
    })
}

/// Generates a self-signed X509 certificate for `key` (which must hold a
/// private key), valid from `not_before` to `not_after` (UTC,
/// "YYYYMMDDhhmmss"), with `issuer_name` as subject and issuer (an X509
/// name such as "CN=myserver,O=myorganisation,C=IT"). The certificate is
/// signed with SHA-256 (SHA-384 for a P-384 key) and marked as a CA, so a
/// client can trust it directly.
/// A NULL string takes Godot's default: "CN=myserver,O=myorganisation,C=IT",
/// "20140101000000", "20340101000000".
///
/// Returns a new certificate the caller owns (free it with
/// `gdtls_x509_certificate_free`), or NULL: `GDTLS_ERR_INVALID_PARAMETER` for
/// a bad or public-only key, a malformed name or time;
/// `GDTLS_ERR_UNCONFIGURED` for an empty key.
///
/// # Safety
/// Each string is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_generate_self_signed_certificate(
    key: *mut gdtls_crypto_key,
    issuer_name: *const c_char,
    not_before: *const c_char,
    not_after: *const c_char,
) -> *mut gdtls_x509_certificate {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        let issuer_name =
            // SAFETY: the pointers are as `# Safety` above requires of the caller.
            unsafe { opt_str_arg(issuer_name, "issuer_name") }?.unwrap_or(crypto::DEFAULT_ISSUER_NAME);
        let not_before =
            // SAFETY: the pointers are as `# Safety` above requires of the caller.
            unsafe { opt_str_arg(not_before, "not_before") }?.unwrap_or(crypto::DEFAULT_NOT_BEFORE);
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let not_after =
            unsafe { opt_str_arg(not_after, "not_after") }?.unwrap_or(crypto::DEFAULT_NOT_AFTER);
        crypto::generate_self_signed_certificate(&key, issuer_name, not_before, not_after)
            .map(|c| handle::new_handle(Arc::new(c)))
    })
}
