//! ChaCha20-Poly1305 and SHA-256's block function for gdtls's mbedTLS,
//! through its `_ALT` hooks (SHA-256: `sha256.rs`), and the scalar
//! multiplication of its x25519 (`x25519.rs`).
//!
//! With `MBEDTLS_CHACHAPOLY_ALT` defined, mbedTLS leaves the
//! `mbedtls_chachapoly_*` functions of `chachapoly.h` to the program; these
//! are they, on AWS-LC's AEAD (through `aws-lc-rs`: assembly, constant-time,
//! with the SIMD code the CPU has). mbedTLS keeps the rest: its TLS record layer seals and
//! opens each record with the one-shot calls through its cipher layer, and
//! its self-test of the module runs on these functions.
//!
//! The context is the C struct of `include/chachapoly_alt.h`, which
//! mbedTLS's header includes. This crate links after mbedTLS
//! (`mbedtls-sys-auto` depends on it), so the references mbedTLS's objects
//! make to these symbols resolve here.
//!
//! Every function takes raw pointers from C, as mbedTLS's own do: they must
//! be valid for the lengths given, and a context must have been set up with
//! `mbedtls_chachapoly_init`. A NULL context, key, nonce or tag is reported
//! as mbedTLS reports it with `MBEDTLS_CHECK_PARAMS`.

#![deny(unsafe_op_in_unsafe_fn)]
// The type name is mbedTLS's.
#![allow(non_camel_case_types)]

mod piecewise;
mod sha256;
mod x25519;

pub use sha256::{SHA256_CONTEXT_SIZE, SHA256_STATE_OFFSET};

use aws_lc_rs::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305};
use zeroize::Zeroize;

use piecewise::Message;

/// `MBEDTLS_ERR_POLY1305_BAD_INPUT_DATA`, what mbedTLS's own module returns
/// for a NULL argument.
const BAD_INPUT_DATA: i32 = -0x0057;
/// `MBEDTLS_ERR_CHACHAPOLY_BAD_STATE`
const BAD_STATE: i32 = -0x0054;
/// `MBEDTLS_ERR_CHACHAPOLY_AUTH_FAILED`
const AUTH_FAILED: i32 = -0x0056;
/// `MBEDTLS_CHACHAPOLY_DECRYPT` of `mbedtls_chachapoly_mode_t`.
const DECRYPT: i32 = 1;

/// `include/chachapoly_alt.h`
#[repr(C)]
pub struct mbedtls_chachapoly_context {
    key: [u8; 32],
    message: *mut Message,
}

/// The size of the header's context, for a test to hold against the
/// bindings generated from that header.
pub const CONTEXT_SIZE: usize = std::mem::size_of::<mbedtls_chachapoly_context>();

impl mbedtls_chachapoly_context {
    fn aead(&self) -> LessSafeKey {
        // A 32-byte key is all ChaCha20-Poly1305 asks of one.
        LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &self.key).expect("a 32-byte key"))
    }

    /// Ends a piecewise operation, if one is under way.
    fn drop_message(&mut self) {
        if !self.message.is_null() {
            // SAFETY: a non-NULL `message` is always a `Box` this crate
            // leaked in `starts`, and is cleared as it is taken back.
            drop(unsafe { Box::from_raw(self.message) });
            self.message = std::ptr::null_mut();
        }
    }

    fn message(&mut self) -> Option<&mut Message> {
        // SAFETY: as in `drop_message`; the borrow of `self` keeps it alive.
        unsafe { self.message.as_mut() }
    }
}

/// Seals `data` in place with the key and nonce, and returns the tag.
fn seal(key: &LessSafeKey, nonce: &[u8; 12], aad: &[u8], data: &mut [u8]) -> [u8; 16] {
    let tag = key
        .seal_in_place_separate_tag(Nonce::assume_unique_for_key(*nonce), Aad::from(aad), data)
        .expect("a record far shorter than ChaCha20's 256 GiB");
    let mut out = [0; 16];
    out.copy_from_slice(tag.as_ref());
    out
}

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

/// The fixed-size array at `ptr`, or `None` if it is NULL.
///
/// # Safety
/// `ptr` must be NULL or readable for `N` bytes.
unsafe fn array<'a, const N: usize>(ptr: *const u8) -> Option<&'a [u8; N]> {
    // SAFETY: the caller promises N readable bytes at a non-NULL `ptr`;
    // a byte array needs no alignment.
    unsafe { ptr.cast::<[u8; N]>().as_ref() }
}

/// # Safety
/// `ctx` must be NULL or point to room for a context that holds no
/// piecewise operation (a new one, or one freed).
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_init(ctx: *mut mbedtls_chachapoly_context) {
    if !ctx.is_null() {
        // SAFETY: the caller promises room for a context; all zeros is a
        // context with no key and no message.
        unsafe { ctx.write_bytes(0, 1) };
    }
}

/// # Safety
/// `ctx` must be NULL or point to an initialised context.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_free(ctx: *mut mbedtls_chachapoly_context) {
    // SAFETY: the caller promises an initialised context or NULL.
    if let Some(ctx) = unsafe { ctx.as_mut() } {
        ctx.drop_message();
        ctx.key.zeroize();
    }
}

/// # Safety
/// `ctx` must point to an initialised context, `key` to 32 bytes.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_setkey(
    ctx: *mut mbedtls_chachapoly_context,
    key: *const u8,
) -> i32 {
    // SAFETY: the caller promises the context and 32 key bytes.
    match unsafe { (ctx.as_mut(), array::<32>(key)) } {
        (Some(ctx), Some(key)) => {
            ctx.key = *key;
            0
        }
        _ => BAD_INPUT_DATA,
    }
}

/// # Safety
/// `ctx` must point to an initialised context and `nonce` to 12 bytes;
/// `aad` must be readable for `aad_len` bytes, `input` for `length` bytes,
/// `output` writable for `length` bytes (it may be `input`) and `tag` for
/// 16.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_encrypt_and_tag(
    ctx: *mut mbedtls_chachapoly_context,
    length: usize,
    nonce: *const u8,
    aad: *const u8,
    aad_len: usize,
    input: *const u8,
    output: *mut u8,
    tag: *mut u8,
) -> i32 {
    // SAFETY: the caller promises every buffer, as documented above.
    let parts = unsafe {
        (
            ctx.as_ref(),
            array::<12>(nonce),
            bytes(aad, aad_len),
            tag.cast::<[u8; 16]>().as_mut(),
        )
    };
    let (Some(ctx), Some(nonce), Some(aad), Some(tag)) = parts else {
        return BAD_INPUT_DATA;
    };
    // SAFETY: as above.
    let Some(data) = (unsafe { in_place(input, output, length) }) else {
        return BAD_INPUT_DATA;
    };
    *tag = seal(&ctx.aead(), nonce, aad, data);
    0
}

/// # Safety
/// As `mbedtls_chachapoly_encrypt_and_tag`, with `tag` readable.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_auth_decrypt(
    ctx: *mut mbedtls_chachapoly_context,
    length: usize,
    nonce: *const u8,
    aad: *const u8,
    aad_len: usize,
    tag: *const u8,
    input: *const u8,
    output: *mut u8,
) -> i32 {
    // SAFETY: the caller promises every buffer, as documented above.
    let parts = unsafe {
        (
            ctx.as_ref(),
            array::<12>(nonce),
            bytes(aad, aad_len),
            array::<16>(tag),
        )
    };
    let (Some(ctx), Some(nonce), Some(aad), Some(tag)) = parts else {
        return BAD_INPUT_DATA;
    };
    // SAFETY: as above.
    let Some(data) = (unsafe { in_place(input, output, length) }) else {
        return BAD_INPUT_DATA;
    };
    let opened = ctx.aead().open_in_place_separate_tag(
        Nonce::assume_unique_for_key(*nonce),
        Aad::from(aad),
        tag,
        data,
    );
    if opened.is_err() {
        // Nothing of a forged message is handed on, as in mbedTLS.
        data.zeroize();
        return AUTH_FAILED;
    }
    0
}

/// # Safety
/// `ctx` must point to an initialised context, `nonce` to 12 bytes.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_starts(
    ctx: *mut mbedtls_chachapoly_context,
    nonce: *const u8,
    mode: i32,
) -> i32 {
    // SAFETY: the caller promises the context and 12 nonce bytes.
    let (Some(ctx), Some(nonce)) = (unsafe { ctx.as_mut() }, unsafe { array::<12>(nonce) }) else {
        return BAD_INPUT_DATA;
    };
    ctx.drop_message();
    ctx.message = Box::into_raw(Box::new(Message::new(*nonce, mode == DECRYPT)));
    0
}

/// # Safety
/// `ctx` must point to an initialised context, `aad` be readable for
/// `aad_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_update_aad(
    ctx: *mut mbedtls_chachapoly_context,
    aad: *const u8,
    aad_len: usize,
) -> i32 {
    // SAFETY: the caller promises the context and the data.
    let (Some(ctx), Some(aad)) = (unsafe { ctx.as_mut() }, unsafe { bytes(aad, aad_len) }) else {
        return BAD_INPUT_DATA;
    };
    match ctx.message().map(|message| message.add_aad(aad)) {
        Some(true) => 0,
        _ => BAD_STATE,
    }
}

/// # Safety
/// `ctx` must point to an initialised context; `input` must be readable and
/// `output` writable for `len` bytes (they may be the same buffer).
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_update(
    ctx: *mut mbedtls_chachapoly_context,
    len: usize,
    input: *const u8,
    output: *mut u8,
) -> i32 {
    // SAFETY: the caller promises the context and both buffers.
    let (Some(ctx), Some(data)) = (unsafe { ctx.as_mut() }, unsafe {
        in_place(input, output, len)
    }) else {
        return BAD_INPUT_DATA;
    };
    let key = ctx.aead();
    match ctx.message() {
        Some(message) => {
            message.crypt(&key, data);
            0
        }
        None => BAD_STATE,
    }
}

/// # Safety
/// `ctx` must point to an initialised context, `mac` to 16 writable bytes.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_chachapoly_finish(
    ctx: *mut mbedtls_chachapoly_context,
    mac: *mut u8,
) -> i32 {
    // SAFETY: the caller promises the context and 16 bytes.
    let (Some(ctx), Some(mac)) = (unsafe { ctx.as_mut() }, unsafe {
        mac.cast::<[u8; 16]>().as_mut()
    }) else {
        return BAD_INPUT_DATA;
    };
    let key = ctx.aead();
    let Some(message) = ctx.message() else {
        return BAD_STATE;
    };
    *mac = message.tag(&key);
    ctx.drop_message();
    0
}
