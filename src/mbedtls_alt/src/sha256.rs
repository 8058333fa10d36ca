//! SHA-256's block function for mbedTLS (`MBEDTLS_SHA256_PROCESS_ALT`), on
//! RustCrypto's `sha2`, which uses the CPU's SHA extensions where it has
//! them: a 64-byte block in ~40 ns instead of ~250. mbedTLS keeps the rest
//! of SHA-256 (padding, lengths, the context); handshakes, HMAC and the
//! cookies of stateless hellos hash through it.

/// mbedTLS's `mbedtls_sha256_context` (sha256.h), of which only `state` is
/// read and written here.
#[repr(C)]
pub struct mbedtls_sha256_context {
    total: [u32; 2],
    state: [u32; 8],
    buffer: [u8; 64],
    is224: std::ffi::c_int,
}

/// The context's size and the offset of `state`, for a compile-time check
/// against the bindings of mbedTLS's header.
pub const SHA256_CONTEXT_SIZE: usize = std::mem::size_of::<mbedtls_sha256_context>();
pub const SHA256_STATE_OFFSET: usize = std::mem::offset_of!(mbedtls_sha256_context, state);

/// # Safety
/// `ctx` must point to a context mbedTLS started, `data` to 64 bytes.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_internal_sha256_process(
    ctx: *mut mbedtls_sha256_context,
    data: *const u8,
) -> i32 {
    // SAFETY: the caller promises the context and a 64-byte block.
    let (Some(ctx), Some(block)) = (unsafe { ctx.as_mut() }, unsafe { crate::array::<64>(data) })
    else {
        return SHA256_BAD_INPUT_DATA;
    };
    sha2::compress256(&mut ctx.state, &[(*block).into()]);
    0
}

/// The deprecated name of the same, which mbedTLS still declares.
///
/// # Safety
/// As `mbedtls_internal_sha256_process`.
#[no_mangle]
pub unsafe extern "C" fn mbedtls_sha256_process(ctx: *mut mbedtls_sha256_context, data: *const u8) {
    // SAFETY: the same promise, passed on.
    unsafe { mbedtls_internal_sha256_process(ctx, data) };
}

/// `MBEDTLS_ERR_SHA256_BAD_INPUT_DATA`
const SHA256_BAD_INPUT_DATA: i32 = -0x0074;
