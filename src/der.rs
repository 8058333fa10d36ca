//! Just enough DER to say what mbedTLS will not: the names a certificate
//! is for, the size of an RSA key it refused to parse, and the public key
//! a pin hashes.

/// One DER item at the start of `der`: its tag, its value, the whole item
/// and what follows it.
pub(crate) struct Item<'a> {
    pub(crate) tag: u8,
    pub(crate) value: &'a [u8],
    pub(crate) whole: &'a [u8],
}

/// The first item of `der` and what follows it; `None` when it is cut or
/// its length is not DER.
pub(crate) fn item(der: &[u8]) -> Option<(Item<'_>, &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    let header = der.len() - rest.len();
    let item = Item {
        tag,
        value: &rest[..len],
        whole: &der[..header + len],
    };
    Some((item, &rest[len..]))
}

/// The items inside `value`, up to the first that does not parse.
pub(crate) fn children(mut value: &[u8]) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    while let Some((next, rest)) = item(value) {
        out.push(next);
        value = rest;
    }
    out
}

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OCTET_STRING: u8 = 0x04;
const OID: u8 = 0x06;
const EXPLICIT_0: u8 = 0xa0;

/// 1.2.840.113549.1.1.1, rsaEncryption.
const RSA_ENCRYPTION: [u8; 9] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

fn bits(integer: &[u8]) -> usize {
    let significant = match integer.iter().position(|&b| b != 0) {
        Some(i) => &integer[i..],
        None => return 0,
    };
    significant.len() * 8 - significant[0].leading_zeros() as usize
}

fn is_rsa(algorithm: &Item) -> bool {
    children(algorithm.value)
        .first()
        .is_some_and(|oid| oid.tag == OID && oid.value == RSA_ENCRYPTION)
}

/// The size in bits of the RSA modulus of `der`: an RSA private key
/// (PKCS#1 or unencrypted PKCS#8), a public key (PKCS#1 or
/// SubjectPublicKeyInfo) or a certificate. `None` for anything else.
pub(crate) fn rsa_modulus_bits(der: &[u8]) -> Option<usize> {
    let (top, _) = item(der)?;
    if top.tag != SEQUENCE {
        return None;
    }
    let parts = children(top.value);
    let tags: Vec<u8> = parts.iter().map(|p| p.tag).collect();
    match tags.as_slice() {
        // RSAPrivateKey: version, modulus, publicExponent, and six more.
        [INTEGER, INTEGER, INTEGER, ..] if parts.len() >= 9 => Some(bits(parts[1].value)),
        // RSAPublicKey: modulus, publicExponent.
        [INTEGER, INTEGER] => Some(bits(parts[0].value)),
        // PrivateKeyInfo: version, algorithm, the key in an OCTET STRING.
        [INTEGER, SEQUENCE, OCTET_STRING, ..] if is_rsa(&parts[1]) => {
            rsa_modulus_bits(parts[2].value)
        }
        // SubjectPublicKeyInfo: algorithm, the key in a BIT STRING.
        [SEQUENCE, BIT_STRING] if is_rsa(&parts[0]) => rsa_modulus_bits(parts[1].value.get(1..)?),
        [SEQUENCE, SEQUENCE, BIT_STRING] => rsa_modulus_bits(subject_public_key_info(der)?),
        _ => None,
    }
}

/// The SubjectPublicKeyInfo of a DER certificate, whole: what a public-key
/// pin hashes.
pub(crate) fn subject_public_key_info(certificate: &[u8]) -> Option<&[u8]> {
    let (top, _) = item(certificate)?;
    let tbs = children(top.value).into_iter().next()?;
    // TBSCertificate: [0] version (optional), serial, signature, issuer,
    // validity, subject, then the key.
    let fields = children(tbs.value);
    let skip = usize::from(fields.first()?.tag == EXPLICIT_0);
    fields
        .get(skip + 5)
        .filter(|f| f.tag == SEQUENCE)
        .map(|f| f.whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_lengths() {
        let (first, rest) = item(&[0x04, 0x02, 1, 2, 0x05, 0x00]).unwrap();
        assert_eq!(
            (first.tag, first.value, first.whole.len()),
            (4, &[1, 2][..], 4)
        );
        assert_eq!(rest, [0x05, 0x00]);
        let long = [&[0x04, 0x81, 0x80][..], &[7; 0x80]].concat();
        assert_eq!(item(&long).unwrap().0.value.len(), 0x80);
        assert!(item(&[0x04, 0x03, 1, 2]).is_none(), "cut");
        assert!(item(&[0x04, 0x80]).is_none(), "indefinite length");
        assert_eq!(children(&[0x02, 0x01, 5, 0x02, 0x01]).len(), 1);
    }

    #[test]
    fn modulus_sizes() {
        assert_eq!(bits(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(bits(&[0x01, 0x00]), 9);
        assert_eq!(bits(&[0x00]), 0);
        // RSAPublicKey { 0x8001 (16 bits), 3 }
        let key = [0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x03];
        assert_eq!(rsa_modulus_bits(&key), Some(16));
        assert_eq!(rsa_modulus_bits(&[0x30, 0x00]), None);
        assert_eq!(rsa_modulus_bits(&[0x02, 0x01, 0x01]), None);
    }
}
