//! RSA signatures with AWS-LC, through `aws-lc-rs`, for a server's
//! ServerKeyExchange: mbedTLS 2.28's constant-time exponentiation takes
//! ~2 ms for an RSA-2048 signature on a machine where AWS-LC's assembly
//! (AVX-512 where the CPU has it, constant-time, blinded) takes ~0.3 ms.
//! mbedTLS hands over a hash, not the message: `aws-lc-rs` signs a digest
//! it is given (`sign_digest`), which ring, its model, does not offer.

use aws_lc_rs::digest::{self, Digest};
use aws_lc_rs::rsa::KeyPair;
use aws_lc_rs::signature::{self, RsaEncoding};
use mbedtls::hash::Type as MdType;

/// A private RSA key as AWS-LC holds it; one serves every thread at once.
pub(crate) struct RsaSigner(KeyPair);

impl RsaSigner {
    /// The key of a PKCS#1 `RSAPrivateKey` (what mbedTLS writes for an RSA
    /// key); `None` for anything AWS-LC does not take.
    pub(crate) fn from_pkcs1_der(der: &[u8]) -> Option<Self> {
        KeyPair::from_der(der).ok().map(RsaSigner)
    }

    /// The PKCS#1 v1.5 signature of `hash`, made with `md`, as mbedTLS's
    /// own would be; `None` for a hash AWS-LC has no encoding for here
    /// (mbedTLS then signs).
    pub(crate) fn sign(&self, md: MdType, hash: &[u8]) -> Option<Vec<u8>> {
        let (encoding, algorithm): (&'static dyn RsaEncoding, _) = match md {
            MdType::Sha256 => (&signature::RSA_PKCS1_SHA256, &digest::SHA256),
            MdType::Sha384 => (&signature::RSA_PKCS1_SHA384, &digest::SHA384),
            MdType::Sha512 => (&signature::RSA_PKCS1_SHA512, &digest::SHA512),
            _ => return None,
        };
        let digest = Digest::import_less_safe(hash, algorithm).ok()?;
        let mut out = vec![0; self.0.public_modulus_len()];
        self.0.sign_digest(encoding, &digest, &mut out).ok()?;
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mbedtls::pk::Pk;

    /// AWS-LC's signatures verify with mbedTLS for every hash a handshake
    /// uses, and a hash it has no encoding for is left to mbedTLS.
    #[test]
    fn signatures_verify_with_mbedtls() {
        let mut rng = crate::crypto::new_rng().unwrap();
        let mut pk = Pk::generate_rsa(&mut rng, 2048, 65537).unwrap();
        let signer = RsaSigner::from_pkcs1_der(&pk.write_private_der_vec().unwrap()).unwrap();
        for (md, len) in [
            (MdType::Sha256, 32),
            (MdType::Sha384, 48),
            (MdType::Sha512, 64),
        ] {
            let hash: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let signature = signer.sign(md, &hash).unwrap();
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
        assert_eq!(signer.sign(MdType::Sha1, &[0; 20]), None);
        assert!(RsaSigner::from_pkcs1_der(b"not a key").is_none());
    }
}
