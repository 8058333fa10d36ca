//! `mbedtls_chachapoly_*` (chachapoly.h) on AWS-LC's ChaCha20-Poly1305.

use zeroize::Zeroize;

use crate::aead::Key;
use crate::piecewise::{Message, Slot};
use crate::{array, bytes, in_place};

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
    message: Slot,
}

/// The size of the header's context, for a test to hold against the
/// bindings generated from that header.
pub const CONTEXT_SIZE: usize = std::mem::size_of::<mbedtls_chachapoly_context>();

impl mbedtls_chachapoly_context {
    fn aead(&self) -> Key<'_> {
        Key::chacha20_poly1305(&self.key)
    }
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
        ctx.message.end();
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
    if !ctx.aead().seal(nonce, aad, data, tag) {
        return BAD_INPUT_DATA;
    }
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
    if !ctx.aead().open(nonce, aad, tag, data) {
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
    ctx.message.start(Message::new(nonce, mode == DECRYPT));
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
    match ctx.message.get().map(|message| message.add_aad(aad)) {
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
    match ctx.message.get() {
        Some(message) => {
            if message.crypt(Key::chacha20_poly1305(&ctx.key), data) {
                0
            } else {
                BAD_INPUT_DATA
            }
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
    let Some(message) = ctx.message.get() else {
        return BAD_STATE;
    };
    let tagged = message.tag(Key::chacha20_poly1305(&ctx.key), mac);
    ctx.message.end();
    if tagged {
        0
    } else {
        BAD_INPUT_DATA
    }
}
