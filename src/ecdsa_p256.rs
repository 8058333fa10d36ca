//! ECDSA on P-256 for the signatures of a handshake, where mbedTLS 2.28's
//! generic curve code takes ~680 µs to sign and ~1430 µs to verify:
//! signing with RustCrypto's `p256` (~160 µs, constant-time, any hash),
//! verifying with AWS-LC (~75 µs). `mbedtls_ext::speed_up_keys` routes
//! mbedTLS's P-256 keys here; both functions work on what mbedTLS holds and
//! writes (big-endian scalars, SEC1 points, DER signatures). A server's own
//! signature mostly goes to AWS-LC before it gets here (`key_signer.rs`).

use aws_lc_rs::signature::{self, UnparsedPublicKey};
use ecdsa::hazmat::{bits2field, SignPrimitive};
use mbedtls::hash::Type as MdType;
use p256::elliptic_curve::{Field, PrimeField};
use p256::{FieldBytes, NistP256, Scalar};

/// The DER signature of `hash` by the secret scalar `secret` (big-endian),
/// with a nonce derived from both (RFC 6979), as mbedTLS's own signatures
/// are; `None` for a scalar that is no key or a hash too short to sign.
pub(crate) fn sign(secret: &[u8; 32], hash: &[u8]) -> Option<Vec<u8>> {
    let d: Scalar = Option::from(Scalar::from_repr(FieldBytes::from(*secret)))?;
    if bool::from(d.is_zero()) {
        return None;
    }
    let z = bits2field::<NistP256>(hash).ok()?;
    let (signature, _) = d.try_sign_prehashed_rfc6979::<sha2::Sha256>(&z, &[]).ok()?;
    Some(signature.to_der().as_bytes().to_vec())
}

/// Whether `der` is a valid signature of `hash`, made with `md` (SHA-1,
/// SHA-256, SHA-384 or SHA-512), by the SEC1 public point `public`.
/// `false` says only that AWS-LC did not accept it: a signature that does
/// not parse, or of another hash, is for mbedTLS to judge.
pub(crate) fn verify(public: &[u8], md: MdType, hash: &[u8], der: &[u8]) -> bool {
    let algorithm = match md {
        MdType::Sha1 => &signature::ECDSA_P256_SHA1_ASN1,
        MdType::Sha256 => &signature::ECDSA_P256_SHA256_ASN1,
        MdType::Sha384 => &signature::ECDSA_P256_SHA384_ASN1,
        MdType::Sha512 => &signature::ECDSA_P256_SHA512_ASN1,
        _ => return false,
    };
    crate::key_signer::imported(md, hash).is_some_and(|digest| {
        UnparsedPublicKey::new(algorithm, public)
            .verify_digest(&digest, der)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_and_a_changed_hash_does_not() {
        let secret = [7; 32];
        let public = p256::SecretKey::from_bytes(&secret.into())
            .unwrap()
            .public_key();
        let public = p256::EncodedPoint::from(public);
        let hash = [9; 32];
        let der = sign(&secret, &hash).unwrap();
        let sha256 = MdType::Sha256;
        assert!(verify(public.as_bytes(), sha256, &hash, &der));
        assert!(!verify(public.as_bytes(), sha256, &[8; 32], &der));
        assert!(!verify(public.as_bytes(), sha256, &hash, &der[1..]));
        assert!(
            !verify(public.as_bytes(), sha256, &hash[..28], &der),
            "a short hash"
        );
        assert!(
            !verify(public.as_bytes(), MdType::Sha224, &hash[..28], &der),
            "SHA-224 is mbedTLS's"
        );
        assert_eq!(sign(&[0; 32], &hash), None);
    }
}
