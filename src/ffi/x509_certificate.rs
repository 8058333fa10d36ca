//! `X509Certificate` for C.

use std::ffi::c_char;
use std::path::Path;
use std::sync::Arc;

use super::handle::{self, impl_handle};
use super::{buf_arg, bytes_arg, ffi_guard, str_arg, write_str_out};
use crate::crypto::X509Certificate;
use crate::error::{Error, Failure};
use crate::tls_options::Pin;

/// Godot's `X509Certificate`: one certificate, or a chain of them in order.
#[allow(non_camel_case_types)]
pub struct gdtls_x509_certificate {
    _private: [u8; 0],
}
impl_handle!(gdtls_x509_certificate => X509Certificate);

/// Creates an empty certificate, to fill with `gdtls_x509_certificate_load`
/// or `gdtls_x509_certificate_load_from_string`. The caller owns the handle
/// and releases it with `gdtls_x509_certificate_free`. Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_x509_certificate_new() -> *mut gdtls_x509_certificate {
    ffi_guard!(Ok(handle::new_handle(Arc::new(X509Certificate::new()))))
}

/// Releases the caller's reference to `cert`; objects still using it keep
/// it alive. NULL does nothing and returns `GDTLS_OK`; a handle that is not a
/// live certificate returns `GDTLS_ERR_INVALID_PARAMETER` and releases nothing.
#[no_mangle]
pub extern "C" fn gdtls_x509_certificate_free(cert: *mut gdtls_x509_certificate) -> Error {
    ffi_guard!(handle::release(cert).map(|()| Error::OK))
}

/// Returns a new handle to the same certificate, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_x509_certificate_reference(
    cert: *mut gdtls_x509_certificate,
) -> *mut gdtls_x509_certificate {
    ffi_guard!(handle::get(cert, "cert").map(handle::new_handle))
}

/// Loads every certificate in the file at `path` (PEM, possibly a chain of
/// several; or one DER certificate), replacing the object's content. All
/// certificates are kept, in file order.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle, a NULL
/// or non-UTF-8 path, or a file that cannot be read; `GDTLS_FAILED` when any
/// certificate in it does not parse. On error the previous content is kept.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_x509_certificate_load(
    cert: *mut gdtls_x509_certificate,
    path: *const c_char,
) -> Error {
    ffi_guard!({
        let cert = handle::get(cert, "cert")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let path = unsafe { str_arg(path, "path") }?;
        cert.load(Path::new(path)).map(|()| Error::OK)
    })
}

/// Loads certificates from `len` bytes at `data`, one in DER or a chain in
/// PEM (no terminating NUL needed), replacing the object's content.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or
/// NULL data with a length; `GDTLS_FAILED` for bytes that are not
/// certificates. On error the previous content is kept.
///
/// # Safety
/// `data` is NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_x509_certificate_load_from_buffer(
    cert: *mut gdtls_x509_certificate,
    data: *const u8,
    len: usize,
) -> Error {
    ffi_guard!({
        let cert = handle::get(cert, "cert")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let data = unsafe { bytes_arg(data, len, "data") }?;
        cert.load_from_bytes(data).map(|()| Error::OK)
    })
}

/// Loads every certificate in PEM text, replacing the object's content.
/// Errors as for `gdtls_x509_certificate_load`.
///
/// # Safety
/// `string` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_x509_certificate_load_from_string(
    cert: *mut gdtls_x509_certificate,
    string: *const c_char,
) -> Error {
    ffi_guard!({
        let cert = handle::get(cert, "cert")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let text = unsafe { str_arg(string, "string") }?;
        cert.load_from_string(text).map(|()| Error::OK)
    })
}

/// Saves every certificate of the chain as PEM to the file at `path`.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or path
/// or a file that cannot be written; `GDTLS_ERR_UNCONFIGURED` when empty.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_x509_certificate_save(
    cert: *mut gdtls_x509_certificate,
    path: *const c_char,
) -> Error {
    ffi_guard!({
        let cert = handle::get(cert, "cert")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let path = unsafe { str_arg(path, "path") }?;
        cert.save(Path::new(path)).map(|()| Error::OK)
    })
}

/// Writes every certificate of the chain as NUL-terminated PEM text into
/// `buf` (capacity `cap`); `*out_len` (if not NULL) receives the length
/// without the NUL.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `buf` is NULL or
/// smaller than `*out_len + 1` (nothing written; retry larger);
/// `GDTLS_ERR_UNCONFIGURED` when empty; `GDTLS_ERR_INVALID_PARAMETER` for a
/// bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_x509_certificate_save_to_string(
    cert: *mut gdtls_x509_certificate,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    ffi_guard!({
        let cert = handle::get(cert, "cert")?;
        let text = cert.save_to_string()?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { write_str_out(&text, buf, cap, out_len) }.map(|()| Error::OK)
    })
}

/// Returns how many certificates the object holds: 0 when empty, more than 1
/// for a chain. 0 as well for an invalid handle (see `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_x509_certificate_get_count(cert: *mut gdtls_x509_certificate) -> usize {
    ffi_guard!(handle::get(cert, "cert").map(|c| c.len()))
}

/// Writes the SHA-256 pin of the chain's first certificate into `out` (32
/// bytes): of its public key (`GDTLS_PIN_PUBLIC_KEY`, its
/// SubjectPublicKeyInfo) or of the whole certificate
/// (`GDTLS_PIN_CERTIFICATE`), as `gdtls_tls_options_add_pin` takes it. The
/// same as `openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER
/// | openssl dgst -sha256` (or `openssl x509 -outform DER | openssl dgst
/// -sha256`).
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_UNCONFIGURED` for an empty certificate;
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle, an unknown kind or a
/// NULL `out`.
///
/// # Safety
/// `out` is NULL or writable for 32 bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_x509_certificate_get_sha256_pin(
    cert: *mut gdtls_x509_certificate,
    kind: i32,
    out: *mut u8,
) -> Error {
    ffi_guard!({
        let cert = handle::get(cert, "cert")?;
        let kind = super::tls_options::pin_kind(kind)?;
        if out.is_null() {
            return Err(Failure::new(Error::ERR_INVALID_PARAMETER, "out is NULL"));
        }
        let pin = Pin::of(&cert, kind)?;
        // SAFETY: `out` is not NULL (checked above) and writable for 32
        // bytes, as `# Safety` requires of the caller.
        unsafe { buf_arg(out, 32) }?.copy_from_slice(&pin.sha256);
        Ok(Error::OK)
    })
}
