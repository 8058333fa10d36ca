//! Where mbedTLS's debug output and gdtls's own notices go: to the host's
//! callback, at the levels it asked for, or nowhere. gdtls prints nothing.

use std::sync::{Arc, RwLock};

use mbedtls::ssl::Config;

use crate::mbedtls_ext;

/// mbedTLS's debug levels, which gdtls's notices use too: 1 errors, 2
/// state changes, 3 informational, 4 verbose (0: nothing).
pub const MAX_LEVEL: i32 = 4;

/// A host's logger: a level and a line of text.
pub type Logger = dyn Fn(i32, &str) + Send + Sync;

static LOGGER: RwLock<Option<(Arc<Logger>, i32)>> = RwLock::new(None);

/// Sends messages up to `level` (clamped to 0..=4) to `logger`, or stops
/// logging with `None`. Applies at once, to every connection.
pub fn set_logger(logger: Option<Arc<Logger>>, level: i32) {
    let level = level.clamp(0, MAX_LEVEL);
    let threshold = if logger.is_some() { level } else { 0 };
    *LOGGER.write().unwrap_or_else(|p| p.into_inner()) = logger.map(|l| (l, level));
    mbedtls_ext::set_debug_threshold(threshold);
}

/// Hands a message of `level` to the host's logger, if it wants it; the
/// text is only made then.
pub(crate) fn log(level: i32, message: impl FnOnce() -> String) {
    let logger = LOGGER.read().unwrap_or_else(|p| p.into_inner()).clone();
    if let Some((logger, threshold)) = logger {
        if level <= threshold {
            logger(level, &message());
        }
    }
}

/// Routes `config`'s mbedTLS debug output to the host's logger (mbedTLS
/// itself drops what is above the level asked for).
pub(crate) fn attach(config: &mut Config) {
    config.set_dbg_callback(
        |level: i32,
         file: std::borrow::Cow<'_, str>,
         line: i32,
         text: std::borrow::Cow<'_, str>| {
            let file = file.rsplit('/').next().unwrap_or(&file).to_owned();
            log(level, || {
                format!("mbedTLS {file}:{line}: {}", text.trim_end())
            });
        },
    );
}
