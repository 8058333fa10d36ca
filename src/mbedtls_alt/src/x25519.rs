//! x25519 for Everest, the x25519 mbedTLS ships in `3rdparty/everest`:
//! its one scalar multiplication, `Hacl_Curve25519_crypto_scalarmult`,
//! which gdtls's build leaves out of the C library, on AWS-LC (assembly,
//! constant-time; ~30 µs against the portable HACL* code's ~75 µs, four
//! times a handshake). Everest keeps its context, its checks (an all-zero
//! shared secret is refused) and its place in mbedTLS's ECDH.

use aws_lc_rs::agreement::{self, PrivateKey, UnparsedPublicKey, X25519};

/// The u-coordinate of the base point (RFC 7748).
const BASE_POINT: [u8; 32] = {
    let mut point = [0; 32];
    point[0] = 9;
    point
};

/// `secret` times `point`; `None` when AWS-LC refuses (a point of small
/// order, whose product is zero).
fn scalarmult(secret: &[u8; 32], point: &[u8; 32]) -> Option<[u8; 32]> {
    let key = PrivateKey::from_private_key(&X25519, secret).ok()?;
    let bytes = |b: &[u8]| <[u8; 32]>::try_from(b).ok();
    if *point == BASE_POINT {
        return bytes(key.compute_public_key().ok()?.as_ref());
    }
    agreement::agree(&key, UnparsedPublicKey::new(&X25519, point), (), |shared| {
        bytes(shared).ok_or(())
    })
    .ok()
}

/// Everest's `Hacl_Curve25519_crypto_scalarmult(mypublic, secret,
/// basepoint)`: writes `secret` times `basepoint` to `mypublic`, all zero
/// when AWS-LC refuses the point (Everest then refuses the exchange, as it
/// does a zero product).
///
/// # Safety
/// Each pointer must point to 32 bytes; `mypublic` writable.
#[no_mangle]
pub unsafe extern "C" fn Hacl_Curve25519_crypto_scalarmult(
    mypublic: *mut u8,
    secret: *mut u8,
    basepoint: *mut u8,
) {
    // SAFETY: the caller promises 32 readable bytes behind each.
    let (Some(secret), Some(point)) = (unsafe { crate::array::<32>(secret) }, unsafe {
        crate::array::<32>(basepoint)
    }) else {
        return;
    };
    let product = zeroize::Zeroizing::new(scalarmult(secret, point).unwrap_or([0; 32]));
    // SAFETY: the caller promises 32 writable bytes at `mypublic`.
    if let Some(out) = unsafe { mypublic.cast::<[u8; 32]>().as_mut() } {
        *out = *product;
    }
}
