//! A server's signatures with AWS-LC, through `aws-lc-rs`, for its
//! ServerKeyExchange: mbedTLS 2.28's constant-time arithmetic takes ~2 ms
//! for an RSA-2048 signature and ~0.7 ms for a P-256 one on a machine where
//! AWS-LC's assembly (AVX-512 where the CPU has it, constant-time, blinded)
//! takes ~0.3 ms and ~0.03 ms. mbedTLS hands over a hash, not the message:
//! `aws-lc-rs` signs a digest it is given (`sign_digest`), which ring, its
//! model, does not offer. One key serves every thread at once.

use aws_lc_rs::digest::{self, Digest};
use aws_lc_rs::rsa;
use aws_lc_rs::signature::{self, EcdsaKeyPair, EcdsaSigningAlgorithm, RsaEncoding};
use mbedtls::hash::Type as MdType;
use mbedtls::pk::{EcGroupId, Pk, Type as PkType};

/// A private key as AWS-LC holds it.
pub(crate) enum KeySigner {
    Rsa(rsa::KeyPair),
    /// AWS-LC's EC keys sign with one hash each: the one TLS pairs with the
    /// curve (SHA-256 for P-256, SHA-384 for P-384).
    Ecdsa(EcdsaKeyPair, MdType),
}

impl KeySigner {
    /// The signer of `pk`, whose private key mbedTLS wrote as `der`; `None`
    /// for a key AWS-LC does not take (another curve, say).
    pub(crate) fn new(pk: &Pk, der: &[u8]) -> Option<Self> {
        match pk.pk_type() {
            PkType::Rsa => rsa::KeyPair::from_der(der).ok().map(KeySigner::Rsa),
            PkType::Eckey => {
                let (algorithm, md): (&'static EcdsaSigningAlgorithm, _) = match pk.curve().ok()? {
                    EcGroupId::SecP256R1 => {
                        (&signature::ECDSA_P256_SHA256_ASN1_SIGNING, MdType::Sha256)
                    }
                    EcGroupId::SecP384R1 => {
                        (&signature::ECDSA_P384_SHA384_ASN1_SIGNING, MdType::Sha384)
                    }
                    _ => return None,
                };
                let key = EcdsaKeyPair::from_private_key_der(algorithm, der).ok()?;
                Some(KeySigner::Ecdsa(key, md))
            }
            _ => None,
        }
    }

    /// The signature of `hash`, made with `md`, as mbedTLS's own would be
    /// (PKCS#1 v1.5 for RSA, DER for ECDSA); `None` for a hash this key
    /// cannot sign here (mbedTLS then signs).
    pub(crate) fn sign(&self, md: MdType, hash: &[u8]) -> Option<Vec<u8>> {
        match self {
            KeySigner::Rsa(key) => {
                let encoding: &'static dyn RsaEncoding = match md {
                    MdType::Sha256 => &signature::RSA_PKCS1_SHA256,
                    MdType::Sha384 => &signature::RSA_PKCS1_SHA384,
                    MdType::Sha512 => &signature::RSA_PKCS1_SHA512,
                    _ => return None,
                };
                let digest = imported(md, hash)?;
                let mut out = vec![0; key.public_modulus_len()];
                key.sign_digest(encoding, &digest, &mut out).ok()?;
                Some(out)
            }
            KeySigner::Ecdsa(key, key_md) if *key_md == md => {
                let digest = imported(md, hash)?;
                key.sign_digest(&digest).ok().map(|s| s.as_ref().to_vec())
            }
            KeySigner::Ecdsa(..) => None,
        }
    }
}

/// `hash`, made with `md`, as AWS-LC takes a digest; `None` for a hash
/// AWS-LC does not know or of the wrong length.
pub(crate) fn imported(md: MdType, hash: &[u8]) -> Option<Digest> {
    Digest::import_less_safe(hash, digest_algorithm(md)?).ok()
}

/// AWS-LC's digest algorithm for an mbedTLS hash type.
fn digest_algorithm(md: MdType) -> Option<&'static digest::Algorithm> {
    Some(match md {
        MdType::Sha1 => &digest::SHA1_FOR_LEGACY_USE_ONLY,
        MdType::Sha224 => &digest::SHA224,
        MdType::Sha256 => &digest::SHA256,
        MdType::Sha384 => &digest::SHA384,
        MdType::Sha512 => &digest::SHA512,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer(pk: &mut Pk) -> KeySigner {
        let der = pk.write_private_der_vec().unwrap();
        KeySigner::new(pk, &der).unwrap()
    }

    /// AWS-LC's signatures verify with mbedTLS for every hash a handshake
    /// uses with the key, and a hash it cannot sign with is left to mbedTLS.
    #[test]
    fn signatures_verify_with_mbedtls() {
        let mut rng = crate::crypto::new_rng().unwrap();
        let mut rsa = Pk::generate_rsa(&mut rng, 2048, 65537).unwrap();
        let mut p256 = Pk::generate_ec(&mut rng, EcGroupId::SecP256R1).unwrap();
        let mut p384 = Pk::generate_ec(&mut rng, EcGroupId::SecP384R1).unwrap();
        let cases = [
            (
                &mut rsa,
                vec![MdType::Sha256, MdType::Sha384, MdType::Sha512],
            ),
            (&mut p256, vec![MdType::Sha256]),
            (&mut p384, vec![MdType::Sha384]),
        ];
        for (pk, mds) in cases {
            let signer = signer(pk);
            for md in [MdType::Sha1, MdType::Sha256, MdType::Sha384, MdType::Sha512] {
                let len = digest_algorithm(md).unwrap().output_len();
                let hash: Vec<u8> = (0..len).map(|i| i as u8).collect();
                let Some(signature) = signer.sign(md, &hash) else {
                    assert!(!mds.contains(&md), "{md:?} is signed");
                    continue;
                };
                assert!(mds.contains(&md), "{md:?} is left to mbedTLS");
                pk.verify(md, &hash, &signature).unwrap();
                let mut other = hash.clone();
                other[0] ^= 1;
                assert!(pk.verify(md, &other, &signature).is_err());
                assert_eq!(
                    signer.sign(md, &hash[1..]),
                    None,
                    "a hash of the wrong length"
                );
            }
        }
        let mut k1 = Pk::generate_ec(&mut rng, EcGroupId::SecP256K1).unwrap();
        let der = k1.write_private_der_vec().unwrap();
        assert!(KeySigner::new(&k1, &der).is_none());
    }
}
