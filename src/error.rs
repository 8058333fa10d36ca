//! Godot's `@GlobalScope.Error` numbers and the error type the core returns.

use std::borrow::Cow;
use std::fmt;

/// Godot's `@GlobalScope.Error`, value for value, so that a host comparing
/// against Godot's constants needs no translation table.
///
/// The variants keep Godot's own spelling (`ERR_INVALID_PARAMETER`), which the
/// C header prefixes with `GDTLS_`.
///
/// cbindgen:rename-all=prefix:GDTLS_
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error {
    /// No error.
    OK = 0,
    /// Generic error.
    FAILED = 1,
    /// Unavailable error.
    ERR_UNAVAILABLE = 2,
    /// Unconfigured error: the object is not set up for this call.
    ERR_UNCONFIGURED = 3,
    /// Unauthorized error.
    ERR_UNAUTHORIZED = 4,
    /// Parameter range error, also used when a caller's buffer is too small.
    ERR_PARAMETER_RANGE_ERROR = 5,
    /// Out of memory error.
    ERR_OUT_OF_MEMORY = 6,
    /// File: not found error.
    ERR_FILE_NOT_FOUND = 7,
    /// File: bad drive error.
    ERR_FILE_BAD_DRIVE = 8,
    /// File: bad path error.
    ERR_FILE_BAD_PATH = 9,
    /// File: no permission error.
    ERR_FILE_NO_PERMISSION = 10,
    /// File: already in use error.
    ERR_FILE_ALREADY_IN_USE = 11,
    /// File: can't open error.
    ERR_FILE_CANT_OPEN = 12,
    /// File: can't write error.
    ERR_FILE_CANT_WRITE = 13,
    /// File: can't read error.
    ERR_FILE_CANT_READ = 14,
    /// File: unrecognized error.
    ERR_FILE_UNRECOGNIZED = 15,
    /// File: corrupt error.
    ERR_FILE_CORRUPT = 16,
    /// File: missing dependencies error.
    ERR_FILE_MISSING_DEPENDENCIES = 17,
    /// File: end of file error.
    ERR_FILE_EOF = 18,
    /// Can't open error.
    ERR_CANT_OPEN = 19,
    /// Can't create error.
    ERR_CANT_CREATE = 20,
    /// Query failed error.
    ERR_QUERY_FAILED = 21,
    /// Already in use error.
    ERR_ALREADY_IN_USE = 22,
    /// Locked error.
    ERR_LOCKED = 23,
    /// Timeout error.
    ERR_TIMEOUT = 24,
    /// Can't connect error.
    ERR_CANT_CONNECT = 25,
    /// Can't resolve error.
    ERR_CANT_RESOLVE = 26,
    /// Connection error.
    ERR_CONNECTION_ERROR = 27,
    /// Can't acquire resource error.
    ERR_CANT_ACQUIRE_RESOURCE = 28,
    /// Can't fork process error.
    ERR_CANT_FORK = 29,
    /// Invalid data error.
    ERR_INVALID_DATA = 30,
    /// Invalid parameter error.
    ERR_INVALID_PARAMETER = 31,
    /// Already exists error.
    ERR_ALREADY_EXISTS = 32,
    /// Does not exist error.
    ERR_DOES_NOT_EXIST = 33,
    /// Database: read error.
    ERR_DATABASE_CANT_READ = 34,
    /// Database: write error.
    ERR_DATABASE_CANT_WRITE = 35,
    /// Compilation failed error.
    ERR_COMPILATION_FAILED = 36,
    /// Method not found error.
    ERR_METHOD_NOT_FOUND = 37,
    /// Linking failed error.
    ERR_LINK_FAILED = 38,
    /// Script failed error.
    ERR_SCRIPT_FAILED = 39,
    /// Cycling link (import cycle) error.
    ERR_CYCLIC_LINK = 40,
    /// Invalid declaration error.
    ERR_INVALID_DECLARATION = 41,
    /// Duplicate symbol error.
    ERR_DUPLICATE_SYMBOL = 42,
    /// Parse error.
    ERR_PARSE_ERROR = 43,
    /// Busy error.
    ERR_BUSY = 44,
    /// Skip error.
    ERR_SKIP = 45,
    /// Help error.
    ERR_HELP = 46,
    /// Bug error.
    ERR_BUG = 47,
    /// Printer on fire error (an easter egg in Godot, kept for completeness).
    ERR_PRINTER_ON_FIRE = 48,
}

/// Godot's `error_names[]`, indexed by the `Error` value.
const DESCRIPTIONS: [&str; 49] = [
    "OK",
    "Failed",
    "Unavailable",
    "Unconfigured",
    "Unauthorized",
    "Parameter out of range",
    "Out of memory",
    "File not found",
    "File: Bad drive",
    "File: Bad path",
    "File: Permission denied",
    "File already in use",
    "Can't open file",
    "Can't write file",
    "Can't read file",
    "File unrecognized",
    "File corrupt",
    "Missing dependencies",
    "End of file",
    "Can't open",
    "Can't create",
    "Query failed",
    "Already in use",
    "Locked",
    "Timeout",
    "Can't connect",
    "Can't resolve",
    "Connection error",
    "Can't acquire resource",
    "Can't fork",
    "Invalid data",
    "Invalid parameter",
    "Already exists",
    "Does not exist",
    "Can't read database",
    "Can't write database",
    "Compilation failed",
    "Method not found",
    "Link failed",
    "Script failed",
    "Cyclic link",
    "Invalid declaration",
    "Duplicate symbol",
    "Parse error",
    "Busy",
    "Skip",
    "Help",
    "Bug",
    "Printer on fire",
];

impl Error {
    /// Godot's description of a raw error number, or `None` for a number
    /// outside the table.
    pub fn describe(code: i32) -> Option<&'static str> {
        usize::try_from(code)
            .ok()
            .and_then(|i| DESCRIPTIONS.get(i))
            .copied()
    }

    /// Godot's short description of this error ("Invalid parameter", ...).
    pub fn description(self) -> &'static str {
        DESCRIPTIONS[self as usize]
    }
}

/// A failed call: Godot's error number plus words for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The Godot error number a C caller receives.
    pub code: Error,
    /// What went wrong, including the mbedTLS error text where there is one.
    /// Fixed words cost no allocation: a read that finds nothing waiting,
    /// repeated in a loop, stays cheap.
    pub message: Cow<'static, str>,
}

impl Failure {
    /// A failure with `code` and `message`.
    pub fn new(code: Error, message: impl Into<Cow<'static, str>>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// A failure caused by mbedTLS, with its error text appended to `context`.
    pub fn mbedtls(code: Error, context: &str, err: mbedtls::Error) -> Self {
        let number = err.to_int();
        Failure::new(
            code,
            format!(
                "{context}: {} (mbedTLS -0x{:04X})",
                crate::mbedtls_ext::error_text(number),
                -number
            ),
        )
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.code.description(),
            self.code as i32,
            self.message
        )
    }
}

impl std::error::Error for Failure {}

/// The result of a core call that can fail.
pub type Result<T> = std::result::Result<T, Failure>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_godot() {
        assert_eq!(Error::ERR_UNCONFIGURED as i32, 3);
        assert_eq!(Error::ERR_ALREADY_IN_USE as i32, 22);
        assert_eq!(Error::ERR_CANT_CONNECT as i32, 25);
        assert_eq!(Error::ERR_CONNECTION_ERROR as i32, 27);
        assert_eq!(Error::ERR_INVALID_DATA as i32, 30);
        assert_eq!(Error::ERR_INVALID_PARAMETER as i32, 31);
        assert_eq!(Error::ERR_BUSY as i32, 44);
        assert_eq!(Error::ERR_PRINTER_ON_FIRE as i32, 48);
        assert_eq!(Error::ERR_PRINTER_ON_FIRE.description(), "Printer on fire");
        assert_eq!(Error::describe(31), Some("Invalid parameter"));
        assert_eq!(Error::describe(49), None);
        assert_eq!(Error::describe(-1), None);
    }
}
