//! Errors, version and diagnostics for C.

use std::ffi::{c_char, CString};
use std::sync::LazyLock;

use super::handle;
use crate::error::Error;

/// Returns the `gdtls_error` of the last failing gdtls call on the calling
/// thread, or `GDTLS_OK` if none has failed on it yet (or since
/// `gdtls_clear_last_error`). Successful calls do not reset it, like
/// `errno`.
#[no_mangle]
pub extern "C" fn gdtls_get_last_error() -> Error {
    super::last_error()
}

/// Returns a message in words for the last failing gdtls call on the calling
/// thread: the function, what was wrong and, where mbedTLS was involved, its
/// error text. Never NULL; an empty string if no call has failed yet.
///
/// The string belongs to gdtls and stays valid until the next failing call on
/// the same thread; copy it to keep it longer.
#[no_mangle]
pub extern "C" fn gdtls_get_last_error_message() -> *const c_char {
    super::last_error_message()
}

/// Forgets the calling thread's last error: `gdtls_get_last_error` returns
/// `GDTLS_OK` and `gdtls_get_last_error_message` an empty string until a
/// call fails again. Call it before a call to tell an error that call made
/// from an older one. A message pointer obtained earlier stays valid until
/// the next failing call or the next clear.
#[no_mangle]
pub extern "C" fn gdtls_clear_last_error() {
    super::clear_last_error();
}

static DESCRIPTIONS: LazyLock<Vec<CString>> = LazyLock::new(|| {
    (0..)
        .map_while(Error::describe)
        .map(|text| CString::new(text).unwrap_or_default())
        .collect()
});

/// Returns Godot's short description of an error number ("Invalid
/// parameter" for `GDTLS_ERR_INVALID_PARAMETER`), or "Unknown error" for a
/// number outside the table. The string is static: never free it.
#[no_mangle]
pub extern "C" fn gdtls_error_string(err: i32) -> *const c_char {
    usize::try_from(err)
        .ok()
        .and_then(|i| DESCRIPTIONS.get(i))
        .map_or(c"Unknown error".as_ptr(), |s| s.as_ptr())
}

/// Returns the library's version, "MAJOR.MINOR.PATCH", to compare with the
/// `GDTLS_VERSION_*` macros the header was generated with. Static: never
/// free it.
#[no_mangle]
pub extern "C" fn gdtls_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Returns the library's version as one number, `MAJOR << 16 | MINOR << 8
/// | PATCH`, to compare with `GDTLS_VERSION_NUMBER` (for example, the
/// library is at least the header's version when
/// `gdtls_version_number() >= GDTLS_VERSION_NUMBER`).
#[no_mangle]
pub extern "C" fn gdtls_version_number() -> u32 {
    crate::version_number()
}

/// Returns how many handles of any class are live (made and not yet freed).
/// A host can compare it with an earlier reading to find handles it leaked.
#[no_mangle]
pub extern "C" fn gdtls_live_handle_count() -> usize {
    handle::live_count()
}
