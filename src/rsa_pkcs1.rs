//! RSA PKCS#1 v1.5 verification for the signatures of a handshake, where
//! mbedTLS 2.28 takes ~41 µs for a 2048-bit key: AWS-LC (~10 µs with the
//! key's parsing). `mbedtls_ext::speed_up_keys` routes mbedTLS's RSA keys
//! here (a client checks its server's ServerKeyExchange with it, a server
//! its client's CertificateVerify).

use aws_lc_rs::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use mbedtls::hash::Type as MdType;

/// Whether `sig` is a valid PKCS#1 v1.5 signature of `hash`, made with
/// `md` (SHA-1, SHA-256, SHA-384 or SHA-512), by the public key of modulus
/// `n` and exponent `e` (big-endian). `false` says only that AWS-LC did not
/// accept it: a key outside 2048 to 8192 bits, or a signature of another
/// hash, is for mbedTLS to judge.
pub(crate) fn verify(n: &[u8], e: &[u8], md: MdType, hash: &[u8], sig: &[u8]) -> bool {
    let algorithm: &'static dyn VerificationAlgorithm = match md {
        MdType::Sha1 => &signature::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY,
        MdType::Sha256 => &signature::RSA_PKCS1_2048_8192_SHA256,
        MdType::Sha384 => &signature::RSA_PKCS1_2048_8192_SHA384,
        MdType::Sha512 => &signature::RSA_PKCS1_2048_8192_SHA512,
        _ => return false,
    };
    crate::key_signer::imported(md, hash).is_some_and(|digest| {
        UnparsedPublicKey::new(algorithm, public_key_der(n, e))
            .verify_digest(&digest, sig)
            .is_ok()
    })
}

/// PKCS#1's `RSAPublicKey`: a DER sequence of the two integers.
fn public_key_der(n: &[u8], e: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(n.len() + e.len() + 16);
    for int in [n, e] {
        let int = &int[int.iter().take_while(|&&b| b == 0).count()..];
        // A set high bit would make the integer negative: a zero first.
        let pad = int.first().is_none_or(|&b| b & 0x80 != 0);
        push_header(&mut body, 0x02, int.len() + usize::from(pad));
        if pad {
            body.push(0);
        }
        body.extend_from_slice(int);
    }
    let mut der = Vec::with_capacity(body.len() + 4);
    push_header(&mut der, 0x30, body.len());
    der.extend_from_slice(&body);
    der
}

/// A DER tag and definite length.
fn push_header(out: &mut Vec<u8>, tag: u8, len: usize) {
    out.push(tag);
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mbedtls::pk::Pk;

    /// The modulus and exponent of a new key, and its SHA-256 signature of
    /// `hash`, made by mbedTLS.
    fn signed(bits: u32, hash: &[u8; 32]) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        let mut rng = crate::crypto::new_rng().unwrap();
        let mut pk = Pk::generate_rsa(&mut rng, bits, 65537).unwrap();
        let mut sig = vec![0; 512];
        let len = pk.sign(MdType::Sha256, hash, &mut sig, &mut rng).unwrap();
        sig.truncate(len);
        let n = pk.rsa_public_modulus().unwrap().to_binary().unwrap();
        let e = pk.rsa_public_exponent().unwrap().to_be_bytes().to_vec();
        (n, e, sig)
    }

    /// AWS-LC accepts mbedTLS's signature and nothing else: not another
    /// hash's, not with another hash type, not a key it does not take.
    #[test]
    fn aws_lc_checks_mbedtls_signatures() {
        let hash = [3; 32];
        let (n, e, sig) = signed(2048, &hash);
        assert!(verify(&n, &e, MdType::Sha256, &hash, &sig));
        assert!(!verify(&n, &e, MdType::Sha256, &[4; 32], &sig));
        assert!(!verify(&n, &e, MdType::Sha384, &[3; 48], &sig));
        assert!(!verify(&n, &e, MdType::Md5, &hash[..16], &sig));
        let (n, e, sig) = signed(1024, &hash);
        assert!(
            !verify(&n, &e, MdType::Sha256, &hash, &sig),
            "below 2048 bits"
        );
    }

    #[test]
    fn public_keys_are_der() {
        assert_eq!(
            public_key_der(&[0x7f], &[1, 0, 1]),
            [0x30, 8, 2, 1, 0x7f, 2, 3, 1, 0, 1]
        );
        assert_eq!(
            public_key_der(&[0, 0x80], &[3]),
            [0x30, 7, 2, 2, 0, 0x80, 2, 1, 3]
        );
        let long = public_key_der(&[0xff; 256], &[3]);
        assert_eq!(long[..8], [0x30, 0x82, 1, 8, 2, 0x82, 1, 1]);
        assert_eq!(long.len(), 4 + 264);
    }
}
