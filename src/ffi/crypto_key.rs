//! `CryptoKey` for C.

use std::ffi::c_char;
use std::path::Path;
use std::sync::Arc;

use super::handle::{self, impl_handle};
use super::{bytes_arg, ffi_guard, str_arg, write_str_out};
use crate::crypto::CryptoKey;
use crate::error::Error;

/// Godot's `CryptoKey`: an RSA or EC key, private or public only.
#[allow(non_camel_case_types)]
pub struct gdtls_crypto_key {
    _private: [u8; 0],
}
impl_handle!(gdtls_crypto_key => CryptoKey);

/// The largest key or certificate file `load` reads (1 MiB); larger ones,
/// and paths that are not regular files, are refused.
pub const GDTLS_MAX_CRYPTO_FILE_SIZE: u64 = 1048576;
const _: () = assert!(GDTLS_MAX_CRYPTO_FILE_SIZE == crate::MAX_CRYPTO_FILE_SIZE);

/// The largest RSA key gdtls (mbedTLS) can use, in bits.
pub const GDTLS_MAX_RSA_BITS: i32 = 8192;
const _: () = assert!(GDTLS_MAX_RSA_BITS == *crate::crypto::RSA_BITS.end());

/// Creates an empty key, to fill with `gdtls_crypto_key_load` or
/// `gdtls_crypto_key_load_from_string`. The caller owns the returned handle
/// and releases it with `gdtls_crypto_key_free`. Never NULL.
#[no_mangle]
pub extern "C" fn gdtls_crypto_key_new() -> *mut gdtls_crypto_key {
    ffi_guard!(Ok(handle::new_handle(Arc::new(CryptoKey::new()))))
}

/// Releases the caller's reference to `key`. Objects that still use the key
/// (TLS options, say) keep it alive. NULL does nothing and returns
/// `GDTLS_OK`; a handle that is not a live key (freed twice, another class)
/// returns `GDTLS_ERR_INVALID_PARAMETER` and releases nothing.
#[no_mangle]
pub extern "C" fn gdtls_crypto_key_free(key: *mut gdtls_crypto_key) -> Error {
    ffi_guard!(handle::release(key).map(|()| Error::OK))
}

/// Returns a new handle to the same key, as Godot's `RefCounted.reference`
/// (a second `Ref` to one object): the object lives until every handle to
/// it is freed, and each is freed on its own. The caller owns the new handle.
/// NULL for a bad handle.
#[no_mangle]
pub extern "C" fn gdtls_crypto_key_reference(key: *mut gdtls_crypto_key) -> *mut gdtls_crypto_key {
    ffi_guard!(handle::get(key, "key").map(handle::new_handle))
}

/// Loads a key from the file at `path` (PEM or DER), replacing the key's
/// content. With `public_only` the file must hold a public key; otherwise a
/// private key (PKCS#1 or PKCS#8, unencrypted).
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle, a NULL
/// or non-UTF-8 path, or a file that cannot be read; `GDTLS_FAILED` for
/// content that is not such a key. On error the previous content is kept.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_key_load(
    key: *mut gdtls_crypto_key,
    path: *const c_char,
    public_only: bool,
) -> Error {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let path = unsafe { str_arg(path, "path") }?;
        key.load(Path::new(path), public_only).map(|()| Error::OK)
    })
}

/// Loads a key from `len` bytes at `data`, DER or PEM (no terminating NUL
/// needed): keys kept in memory, an archive or a host's own files.
/// `public_only` as for `gdtls_crypto_key_load`.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or
/// NULL data with a length; `GDTLS_FAILED` for bytes that are not such a
/// key (an RSA key over 8192 bits is said to be too large). On error the
/// previous content is kept.
///
/// # Safety
/// `data` is NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_key_load_from_buffer(
    key: *mut gdtls_crypto_key,
    data: *const u8,
    len: usize,
    public_only: bool,
) -> Error {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let data = unsafe { bytes_arg(data, len, "data") }?;
        key.load_from_bytes(data, public_only).map(|()| Error::OK)
    })
}

/// Loads a key from PEM text, replacing the key's content. `public_only` as
/// for `gdtls_crypto_key_load`.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or a
/// NULL or non-UTF-8 string; `GDTLS_FAILED` for text that is not such a key.
/// On error the previous content is kept.
///
/// # Safety
/// `string_key` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_key_load_from_string(
    key: *mut gdtls_crypto_key,
    string_key: *const c_char,
    public_only: bool,
) -> Error {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let text = unsafe { str_arg(string_key, "string_key") }?;
        key.load_from_string(text, public_only).map(|()| Error::OK)
    })
}

/// Saves the key as PEM to the file at `path`: the private key, or the
/// public key when `public_only` is true or the key has no private part.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_INVALID_PARAMETER` for a bad handle or path
/// or a file that cannot be written; `GDTLS_ERR_UNCONFIGURED` for an empty key.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_key_save(
    key: *mut gdtls_crypto_key,
    path: *const c_char,
    public_only: bool,
) -> Error {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        let path = unsafe { str_arg(path, "path") }?;
        key.save(Path::new(path), public_only).map(|()| Error::OK)
    })
}

/// Writes the key as NUL-terminated PEM text into `buf` (capacity `cap`
/// bytes), as `gdtls_crypto_key_save` would write the file. `*out_len`
/// (if `out_len` is not NULL) receives the text's length without the NUL.
///
/// Returns `GDTLS_OK`; `GDTLS_ERR_PARAMETER_RANGE_ERROR` when `buf` is NULL or
/// smaller than `*out_len + 1` (nothing is written; call again with a larger
/// buffer); `GDTLS_ERR_UNCONFIGURED` for an empty key;
/// `GDTLS_ERR_INVALID_PARAMETER` for a bad handle.
///
/// # Safety
/// `buf` is NULL or writable for `cap` bytes; `out_len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn gdtls_crypto_key_save_to_string(
    key: *mut gdtls_crypto_key,
    public_only: bool,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Error {
    ffi_guard!({
        let key = handle::get(key, "key")?;
        let text = key.save_to_string(public_only)?;
        // SAFETY: the pointers are as `# Safety` above requires of the caller.
        unsafe { write_str_out(&text, buf, cap, out_len) }.map(|()| Error::OK)
    })
}

/// Returns true when the key holds no private part: it was loaded with
/// `public_only`, or it is empty. False as well for an invalid handle (see
/// `gdtls_get_last_error`).
#[no_mangle]
pub extern "C" fn gdtls_crypto_key_is_public_only(key: *mut gdtls_crypto_key) -> bool {
    ffi_guard!(handle::get(key, "key").map(|k| k.is_public_only()))
}
