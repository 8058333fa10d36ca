//! mbedTLS's AEADs (ChaCha20-Poly1305, AES-GCM), SHA-256's block function
//! and the scalar multiplication of its x25519 for gdtls's mbedTLS, through
//! its `_ALT` hooks.
//!
//! With `MBEDTLS_CHACHAPOLY_ALT` and `MBEDTLS_GCM_ALT` defined, mbedTLS
//! leaves the `mbedtls_chachapoly_*` and `mbedtls_gcm_*` functions to the
//! program; these are they (`chachapoly.rs`, `gcm.rs`), on AWS-LC's AEADs
//! (`aead.rs`: assembly, constant-time, with the SIMD and AES code the CPU
//! has). mbedTLS keeps the rest: its TLS record layer seals and opens each
//! record with the one-shot calls through its cipher layer, and its
//! self-tests of the modules run on these functions. SHA-256's block
//! function is in `sha256.rs`, x25519's in `x25519.rs`.
//!
//! The contexts are the C structs of `include/*_alt.h`, which mbedTLS's
//! headers include. This crate links after mbedTLS (`mbedtls-sys-auto`
//! depends on it), so the references mbedTLS's objects make to these
//! symbols resolve here.
//!
//! Every function takes raw pointers from C, as mbedTLS's own do: they must
//! be valid for the lengths given, and a context must have been set up with
//! its `init`. A NULL context, key, nonce or tag is reported as mbedTLS
//! reports it with `MBEDTLS_CHECK_PARAMS`.

#![deny(unsafe_op_in_unsafe_fn)]
// The type names are mbedTLS's.
#![allow(non_camel_case_types)]

mod aead;
mod chachapoly;
mod gcm;
mod piecewise;
mod sha256;
mod x25519;

pub use chachapoly::CONTEXT_SIZE as CHACHAPOLY_CONTEXT_SIZE;
pub use gcm::CONTEXT_SIZE as GCM_CONTEXT_SIZE;
pub use sha256::{SHA256_CONTEXT_SIZE, SHA256_STATE_OFFSET};

/// The `len` bytes at `input`, moved to `output` (which may overlap them
/// or be them), as a slice to transform in place. `None` if a pointer
/// needed is NULL.
///
/// # Safety
/// `input` must be readable and `output` writable for `len` bytes.
unsafe fn in_place<'a>(input: *const u8, output: *mut u8, len: usize) -> Option<&'a mut [u8]> {
    if len == 0 {
        return Some(&mut []);
    }
    if input.is_null() || output.is_null() {
        return None;
    }
    if input != output.cast_const() {
        // SAFETY: the caller promises both ranges; `copy` allows overlap.
        unsafe { std::ptr::copy(input, output, len) };
    }
    // SAFETY: the caller promises `output` writable for `len` bytes, and
    // nothing else refers to it while the slice lives.
    Some(unsafe { std::slice::from_raw_parts_mut(output, len) })
}

/// The `len` bytes at `ptr` (which may be NULL when `len` is 0).
///
/// # Safety
/// `ptr` must be readable for `len` bytes when `len` is not 0.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if len == 0 {
        return Some(&[]);
    }
    // SAFETY: the caller promises `len` readable bytes at a non-NULL `ptr`.
    (!ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The `len` writable bytes at `ptr` (which may be NULL when `len` is 0).
///
/// # Safety
/// `ptr` must be writable for `len` bytes when `len` is not 0, and nothing
/// else may refer to them while the slice lives.
unsafe fn bytes_mut<'a>(ptr: *mut u8, len: usize) -> Option<&'a mut [u8]> {
    if len == 0 {
        return Some(&mut []);
    }
    // SAFETY: the caller promises `len` writable bytes at a non-NULL `ptr`.
    (!ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts_mut(ptr, len) })
}

/// The fixed-size array at `ptr`, or `None` if it is NULL.
///
/// # Safety
/// `ptr` must be NULL or readable for `N` bytes.
unsafe fn array<'a, const N: usize>(ptr: *const u8) -> Option<&'a [u8; N]> {
    // SAFETY: the caller promises N readable bytes at a non-NULL `ptr`;
    // a byte array needs no alignment.
    unsafe { ptr.cast::<[u8; N]>().as_ref() }
}
