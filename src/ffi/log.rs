//! Logging for C: mbedTLS's debug output and gdtls's notices go to one host
//! callback, or nowhere; the library prints nothing itself.

use std::ffi::{c_char, c_void, CString};
use std::sync::Arc;

use super::ffi_guard;
use super::host::HostData;
use crate::error::{Error, Failure};

/// No messages.
pub const GDTLS_LOG_NONE: i32 = 0;
/// Errors.
pub const GDTLS_LOG_ERROR: i32 = 1;
/// State changes: each handshake step, connections ending.
pub const GDTLS_LOG_STATE: i32 = 2;
/// Informational: what each step sent and read.
pub const GDTLS_LOG_INFO: i32 = 3;
/// Verbose: buffers and certificates, dumped.
pub const GDTLS_LOG_VERBOSE: i32 = 4;
const _: () = assert!(GDTLS_LOG_VERBOSE == crate::log::MAX_LEVEL);

/// Receives one log message: its `level` (`GDTLS_LOG_ERROR` to
/// `GDTLS_LOG_VERBOSE`) and its text, one line without a newline, valid
/// only during the call.
///
/// Contract: it runs on whichever thread made the gdtls call that logged,
/// possibly on several threads at once; it must return quickly (a
/// handshake waits for it) and must not call `gdtls_set_log_callback`.
#[allow(non_camel_case_types)]
pub type gdtls_log_fn =
    Option<unsafe extern "C" fn(user_data: *mut c_void, level: i32, message: *const c_char)>;

/// A host's logger and its data.
struct HostLogger {
    callback: unsafe extern "C" fn(*mut c_void, i32, *const c_char),
    user_data: HostData,
}

impl HostLogger {
    fn log(&self, level: i32, text: &str) {
        // A message with a NUL in it is cut there.
        let text = text.split('\0').next().unwrap_or_default();
        let Ok(text) = CString::new(text) else { return };
        // SAFETY: the host's callback, called as its contract says, with a
        // string valid for the call.
        unsafe { (self.callback)(self.user_data.ptr(), level, text.as_ptr()) }
    }
}

/// Sends the library's messages up to `level` (`GDTLS_LOG_NONE` to
/// `GDTLS_LOG_VERBOSE`) to `callback` with `user_data`, for every object,
/// from now on; a NULL callback or `GDTLS_LOG_NONE` stops logging (the
/// default: the library prints nothing). mbedTLS's debug output comes at
/// its own levels (2: handshake steps, 3: messages, 4: dumps); gdtls adds
/// its notices (refused handshakes, idle timeouts). Logging costs time
/// only at the levels asked for. `user_data` must stay valid until the
/// callback is replaced and no call to it can still be running.
///
/// Returns `GDTLS_OK`, or `GDTLS_ERR_INVALID_PARAMETER` for a level out of
/// range (nothing changes).
#[no_mangle]
pub extern "C" fn gdtls_set_log_callback(
    callback: gdtls_log_fn,
    user_data: *mut c_void,
    level: i32,
) -> Error {
    ffi_guard!({
        if !(GDTLS_LOG_NONE..=GDTLS_LOG_VERBOSE).contains(&level) {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("log level {level} is not GDTLS_LOG_NONE ({GDTLS_LOG_NONE}) to GDTLS_LOG_VERBOSE ({GDTLS_LOG_VERBOSE})"),
            ));
        }
        let logger = callback.filter(|_| level > GDTLS_LOG_NONE).map(|callback| {
            let host = HostLogger {
                callback,
                user_data: HostData::new(user_data, None),
            };
            Arc::new(move |level: i32, text: &str| host.log(level, text)) as Arc<crate::log::Logger>
        });
        crate::log::set_logger(logger, level);
        Ok(Error::OK)
    })
}
