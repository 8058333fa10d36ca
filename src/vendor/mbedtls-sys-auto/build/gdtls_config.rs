/* gdtls's mbedTLS configuration: what it changes in the one the defaults
 * (config.rs) and the crate's features give, each with why. Applied last;
 * the generated config.h is the one both the C library and the Rust
 * bindings are built from. src/vendor/README.md has the measurements. */

use crate::config::CDefine;
use crate::config::Macro::*;

#[cfg_attr(rustfmt, rustfmt_skip)]
pub const DEFINES: &'static [CDefine] = &[
    // x25519, the first curve gdtls offers, through Everest's verified
    // 64-bit code (HACL*, shipped in 3rdparty/) instead of the generic
    // bignum code. Everest needs the ECDH context that dispatches between
    // implementations, not the legacy one.
    ("MBEDTLS_ECDH_VARIANT_EVEREST_ENABLED",              Defined),
    ("MBEDTLS_ECDH_LEGACY_CONTEXT",                       Undefined),
];
