/* gdtls's mbedTLS configuration: what it changes in the one the defaults
 * (config.rs) and the crate's features give, each with why. Applied last;
 * the generated config.h is the one both the C library and the Rust
 * bindings are built from. src/vendor/README.md has the measurements. */

use crate::config::CDefine;
use crate::config::Macro::*;

/// Where the headers of the `_ALT` contexts are (relative to this crate),
/// which mbedTLS's headers include by name.
pub const ALT_INCLUDE: &'static str = "../../mbedtls_alt/include";

#[cfg_attr(rustfmt, rustfmt_skip)]
pub const DEFINES: &'static [CDefine] = &[
    // x25519, the first curve gdtls offers, through Everest's verified
    // 64-bit code (HACL*, shipped in 3rdparty/) instead of the generic
    // bignum code. Everest needs the ECDH context that dispatches between
    // implementations, not the legacy one.
    ("MBEDTLS_ECDH_VARIANT_EVEREST_ENABLED",              Defined),
    ("MBEDTLS_ECDH_LEGACY_CONTEXT",                       Undefined),

    // ChaCha20-Poly1305 from gdtls's src/mbedtls_alt, on AWS-LC's assembly:
    // a 1000-byte record is sealed in a fifth of the time. Its context is
    // in src/mbedtls_alt/include, which the build adds to the include path
    // of both the C library and the bindings.
    ("MBEDTLS_CHACHAPOLY_ALT",                            Defined),
    // AES-GCM from the same crate, on AWS-LC: a 1000-byte record sealed in
    // ~0.33 us with its key set up, against ~1.2 us with mbedTLS's AES-NI
    // code. Only AES: the block ciphers mbedTLS could also run GCM on,
    // Camellia and ARIA, go (no suite gdtls offers uses them).
    ("MBEDTLS_GCM_ALT",                                   Defined),
    ("MBEDTLS_CAMELLIA_C",                                Undefined),
    ("MBEDTLS_ARIA_C",                                    Undefined),
    // SHA-256's block function from the same crate, on RustCrypto's sha2
    // (the CPU's SHA extensions where it has them): a block in ~40 ns
    // instead of ~250. The context stays mbedTLS's.
    ("MBEDTLS_SHA256_PROCESS_ALT",                        Defined),
    // A server's signature through a callback of gdtls's, which signs with
    // a copy of the key no other thread is using: mbedTLS locks an RSA key
    // through each private-key operation, and an EC key may not be used by
    // two threads at once, so connections of one server polled on several
    // threads would otherwise sign one at a time (src/dtls/signing.rs).
    ("MBEDTLS_SSL_ASYNC_PRIVATE",                         Defined),

    // Code nothing in gdtls reaches, and neither do its peers, left out:
    // ciphers no DTLS 1.2 suite uses (RC4, a stream cipher, which DTLS
    // forbids; Blowfish; XTEA), EC J-PAKE (its key exchange is off), NIST
    // key wrapping, mbedTLS's sockets (gdtls has its own), its session
    // cache (gdtls resumes with tickets) and saving a live context.
    ("MBEDTLS_ARC4_C",                                    Undefined),
    ("MBEDTLS_BLOWFISH_C",                                Undefined),
    ("MBEDTLS_XTEA_C",                                    Undefined),
    ("MBEDTLS_ECJPAKE_C",                                 Undefined),
    ("MBEDTLS_NIST_KW_C",                                 Undefined),
    ("MBEDTLS_NET_C",                                     Undefined),
    ("MBEDTLS_SSL_CACHE_C",                               Undefined),
    ("MBEDTLS_SSL_CONTEXT_SERIALIZATION",                 Undefined),
];
