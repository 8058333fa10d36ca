//! The C ABI: thin `extern "C"` shims over the core, one file per Godot class.
//!
//! Everything every shim needs lives here: the panic boundary and last-error
//! bookkeeping (`ffi_guard!`), handle checks (`handle`), and conversion of C
//! strings, byte ranges and out-parameters.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::{Error, Failure, Result};
use crate::udp::PacketRead;

pub mod crypto;
pub mod crypto_key;
pub mod dtls_server;
pub mod error;
pub(crate) mod handle;
pub mod host;
pub mod log;
pub mod packet_peer_dtls;
pub mod packet_peer_udp;
pub mod proc_address;
pub mod tls_options;
pub mod udp_server;
pub mod x509_certificate;

/// The last failing call on a thread. The text C reads is made the first
/// time it is asked for: a loop that reads until `ERR_UNAVAILABLE` pays for
/// no words it never reads.
struct LastError {
    code: Error,
    function: &'static str,
    message: Cow<'static, str>,
    text: Option<CString>,
}

thread_local! {
    static LAST_ERROR: RefCell<LastError> = const {
        RefCell::new(LastError {
            code: Error::OK,
            function: "",
            message: Cow::Borrowed(""),
            text: None,
        })
    };
}

fn set_last_error(function: &'static str, failure: Failure) {
    LAST_ERROR.with(|cell| {
        *cell.borrow_mut() = LastError {
            code: failure.code,
            function,
            message: failure.message,
            text: None,
        }
    });
}

/// Forgets this thread's last error.
pub(crate) fn clear_last_error() {
    set_last_error("", Failure::new(Error::OK, ""));
}

/// The code of the last failing call on this thread.
pub(crate) fn last_error() -> Error {
    LAST_ERROR.with(|cell| cell.borrow().code)
}

/// The message of the last failing call on this thread. The pointer stays
/// valid until the next failing call on the same thread: the thread-local
/// string it points into is replaced, never mutated in place.
pub(crate) fn last_error_message() -> *const c_char {
    LAST_ERROR.with(|cell| {
        let mut last = cell.borrow_mut();
        let last = &mut *last;
        let text = last.text.get_or_insert_with(|| {
            let text = match last.function {
                "" => last.message.to_string(),
                function => format!("{function}: {}", last.message),
            };
            // A message with a NUL in it (from a path, say) would be cut
            // short in C.
            CString::new(text.replace('\0', "\u{FFFD}")).unwrap_or_default()
        });
        text.as_ptr()
    })
}

/// What a C function returns when its call failed; the details are in the
/// thread's last error.
pub(crate) trait FailValue {
    fn fail_value(failure: &Failure) -> Self;
}

impl FailValue for Error {
    fn fail_value(failure: &Failure) -> Self {
        failure.code
    }
}

impl<T> FailValue for *mut T {
    fn fail_value(_: &Failure) -> Self {
        std::ptr::null_mut()
    }
}

impl<T> FailValue for *const T {
    fn fail_value(_: &Failure) -> Self {
        std::ptr::null()
    }
}

impl FailValue for bool {
    fn fail_value(_: &Failure) -> Self {
        false
    }
}

/// Numbers fail as 0: no packets, no size, no time.
macro_rules! zero_on_failure {
    ($($t:ty),*) => {
        $(impl FailValue for $t {
            fn fail_value(_: &Failure) -> Self {
                0
            }
        })*
    };
}
zero_on_failure!(i32, u16, u32, u64, usize);

impl<T> FailValue for Option<T> {
    fn fail_value(_: &Failure) -> Self {
        None
    }
}

/// Runs a shim's body: a failure is recorded as the thread's last error and
/// turned into the function's failure value, and a panic never unwinds into
/// C (it becomes `ERR_BUG` with the panic's text).
pub(crate) fn guard<R: FailValue>(
    function: fn() -> &'static str,
    body: impl FnOnce() -> Result<R>,
) -> R {
    guard_or(function, R::fail_value, body)
}

/// `guard` with the failure value chosen by the caller (Godot returns -1,
/// not 0, from some counters).
pub(crate) fn guard_or<R>(
    function: fn() -> &'static str,
    fail_value: impl FnOnce(&Failure) -> R,
    body: impl FnOnce() -> Result<R>,
) -> R {
    let failure = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(value)) => return value,
        Ok(Err(failure)) => failure,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Failure::new(
                Error::ERR_BUG,
                format!("internal error, please report it: {what}"),
            )
        }
    };
    let value = fail_value(&failure);
    set_last_error(function(), failure);
    value
}

/// The name of the function the macro is used in (or in a closure of),
/// for error messages.
macro_rules! function_name {
    () => {{
        fn here() {}
        let path = std::any::type_name_of_val(&here);
        let path = path.strip_suffix("::here").unwrap_or(path);
        let path = path.trim_end_matches("::{{closure}}");
        path.rsplit("::").next().unwrap_or(path)
    }};
}
pub(crate) use function_name;

/// `ffi_guard!(body)` runs `body` (an expression of type `Result<R>`) under
/// `guard`, naming the enclosing C function in error messages;
/// `ffi_guard!(or VALUE, body)` returns VALUE on failure instead.
/// The name is only worked out when the call fails.
macro_rules! ffi_guard {
    (or $fail:expr, $body:expr) => {
        $crate::ffi::guard_or(|| $crate::ffi::function_name!(), |_| $fail, || $body)
    };
    ($body:expr) => {
        $crate::ffi::guard(|| $crate::ffi::function_name!(), || $body)
    };
}
pub(crate) use ffi_guard;

/// A required NUL-terminated UTF-8 string argument.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that outlives `'a`.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str> {
    // SAFETY: the pointers are as this function's `# Safety` requires of its caller.
    unsafe { opt_str_arg(ptr, name) }?
        .ok_or_else(|| Failure::new(Error::ERR_INVALID_PARAMETER, format!("{name} is NULL")))
}

/// An optional NUL-terminated UTF-8 string argument: NULL is `None`.
///
/// # Safety
/// As for `str_arg`.
pub(crate) unsafe fn opt_str_arg<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: `ptr` is not NULL (checked above) and, as `# Safety` says, a
    // NUL-terminated string that outlives `'a`.
    unsafe { CStr::from_ptr(ptr) }
        .to_str()
        .map(Some)
        .map_err(|e| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("{name} is not valid UTF-8: {e}"),
            )
        })
}

/// A byte range argument `(ptr, len)`. NULL with a length of zero is an empty
/// range; NULL with a length, or a length no allocation can have, is refused.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes for `'a`.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a [u8]> {
    if len > isize::MAX as usize {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("{name}: length {len} is larger than any buffer can be"),
        ));
    }
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("{name} is NULL but its length is {len}"),
            ))
        };
    }
    // SAFETY: `ptr` is not NULL and `len` fits an allocation (both checked
    // above); that it is readable for `len` bytes is the caller's promise.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// A caller's output buffer `(buf, cap)` as a slice; NULL is an empty one.
///
/// # Safety
/// `buf` is NULL or valid for writes of `cap` bytes for `'a`.
pub(crate) unsafe fn buf_arg<'a>(buf: *mut u8, cap: usize) -> Result<&'a mut [u8]> {
    if buf.is_null() || cap == 0 {
        return Ok(&mut []);
    }
    if cap > isize::MAX as usize {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("cap {cap} is larger than any buffer can be"),
        ));
    }
    // SAFETY: `buf` is not NULL and `cap` fits an allocation (both checked
    // above); that it is writable for `cap` bytes is the caller's promise.
    Ok(unsafe { std::slice::from_raw_parts_mut(buf, cap) })
}

/// A timeout in milliseconds from C, where 0 means none.
pub(crate) fn duration_arg(msec: u32) -> Option<std::time::Duration> {
    (msec > 0).then(|| std::time::Duration::from_millis(msec.into()))
}

/// A timeout for C, in milliseconds, 0 for none.
pub(crate) fn duration_out(timeout: Option<std::time::Duration>) -> u32 {
    timeout.map_or(0, |t| u32::try_from(t.as_millis()).unwrap_or(u32::MAX))
}

/// Stores `value` through an optional out-parameter.
///
/// # Safety
/// `out` is NULL or valid for one write.
pub(crate) unsafe fn set_out<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: `out` is not NULL (checked above) and, as `# Safety` says,
        // valid for one write.
        unsafe { *out = value };
    }
}

/// Reports a packet read into a caller's buffer of `cap` bytes: its length
/// through `out_len`, and a buffer too small as an error.
///
/// # Safety
/// `out_len` is NULL or valid for one write.
pub(crate) unsafe fn packet_out(
    read: PacketRead,
    cap: usize,
    out_len: *mut usize,
) -> Result<Error> {
    match read {
        PacketRead::Read(n) => {
            // SAFETY: the pointers are as this function's `# Safety` requires of its caller.
            unsafe { set_out(out_len, n) };
            Ok(Error::OK)
        }
        PacketRead::TooSmall(n) => {
            // SAFETY: the pointers are as this function's `# Safety` requires of its caller.
            unsafe { set_out(out_len, n) };
            Err(too_small(n, cap))
        }
    }
}

/// The error for a caller buffer that cannot hold `needed` bytes.
pub(crate) fn too_small(needed: usize, cap: usize) -> Failure {
    Failure::new(
        Error::ERR_PARAMETER_RANGE_ERROR,
        format!("buffer too small: {needed} bytes needed, capacity {cap}"),
    )
}

/// Copies `text` and a terminating NUL into the caller's buffer; `*out_len`
/// receives the length without the NUL. The buffer needs `*out_len + 1`
/// bytes; a smaller one is handled as in `write_out`.
///
/// # Safety
/// `buf` is NULL or valid for writes of `cap` bytes; `out_len` is NULL or
/// valid for one write.
pub(crate) unsafe fn write_str_out(
    text: &str,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Result<()> {
    let mut data = Vec::with_capacity(text.len() + 1);
    data.extend_from_slice(text.as_bytes());
    data.push(0);
    // SAFETY: the pointers are as this function's `# Safety` requires of its caller.
    unsafe { write_out(&data, text.len(), buf.cast(), cap, out_len) }
}

/// Copies `data` into the caller's buffer `(buf, cap)` and stores `reported`
/// in `*out_len` (when `out_len` is not NULL). A buffer too small is
/// `ERR_PARAMETER_RANGE_ERROR` with `*out_len` set and nothing written, so
/// the caller can retry with a larger one; a capacity no buffer can have is
/// refused as `buf_arg` refuses it, before anything is written.
unsafe fn write_out(
    data: &[u8],
    reported: usize,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Result<()> {
    // SAFETY: the pointers are as this function's `# Safety` requires of its caller.
    let out = unsafe { buf_arg(buf, cap) }?;
    // SAFETY: the pointers are as this function's `# Safety` requires of its caller.
    unsafe { set_out(out_len, reported) };
    let Some(dest) = out.get_mut(..data.len()) else {
        let why = if buf.is_null() && data.len() <= cap {
            "buf is NULL"
        } else {
            "buffer too small"
        };
        return Err(Failure::new(
            Error::ERR_PARAMETER_RANGE_ERROR,
            format!("{why}: {} bytes needed, capacity {cap}", data.len()),
        ));
    };
    dest.copy_from_slice(data);
    Ok(())
}
