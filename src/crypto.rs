//! Godot's `CryptoKey`, `X509Certificate` and the `Crypto` generators, on mbedTLS.
//!
//! Both objects are containers whose content a `load` replaces, like Godot's.
//! The content itself is immutable and shared (`Arc`), so a TLS configuration
//! built from a key keeps working even if the host later loads another key
//! into the same object, and no lock is held while a handshake uses it.

use std::path::Path;
use std::sync::{Arc, RwLock};

use base64::Engine;
use mbedtls::alloc::List as MbedtlsList;
use mbedtls::hash::Type as MdType;
use mbedtls::pk::{EcGroupId, Pk};
use mbedtls::rng::{CtrDrbg, OsEntropy};
use mbedtls::x509::{Certificate, Time};

use crate::der;
use crate::error::{Error, Failure, Result};
use crate::files::read_limited_file;

/// Godot's default subject and issuer for `generate_self_signed_certificate`.
pub const DEFAULT_ISSUER_NAME: &str = "CN=myserver,O=myorganisation,C=IT";
/// Godot's default start of validity, `YYYYMMDDhhmmss` in UTC.
pub const DEFAULT_NOT_BEFORE: &str = "20140101000000";
/// Godot's default end of validity, `YYYYMMDDhhmmss` in UTC.
pub const DEFAULT_NOT_AFTER: &str = "20340101000000";

/// The RSA sizes `generate_rsa` accepts. mbedTLS wants an even size and caps
/// bignums at 8192 bits; below 512 bits a key cannot sign a SHA-256 digest.
pub const RSA_BITS: std::ops::RangeInclusive<i32> = 512..=8192;

/// SHA-256 of `data`.
pub(crate) fn sha256(data: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    // SHA-256 into 32 bytes cannot fail.
    let _ = mbedtls::hash::Md::hash(MdType::Sha256, data, &mut out);
    out
}

/// A seeded DRBG of the caller's own, needing no shared lock: for one key
/// generation (rare and slow, so a fresh generator per call costs nothing
/// noticeable), or for one of a server's key copies.
pub(crate) fn new_rng() -> Result<CtrDrbg> {
    CtrDrbg::new(Arc::new(OsEntropy::new()), None).map_err(|e| {
        Failure::mbedtls(
            Error::ERR_CANT_ACQUIRE_RESOURCE,
            "cannot seed the random generator",
            e,
        )
    })
}

/// Reads a whole file and parses it, naming the file in a parse error.
fn parse_file(path: &Path, what: &str, parse: impl FnOnce(&[u8]) -> Result<()>) -> Result<()> {
    let data = read_limited_file(path, what)?;
    parse(&data).map_err(|f| Failure {
        message: format!("{} (file '{}')", f.message, path.display()).into(),
        ..f
    })
}

/// Writes a whole file, with Godot's error for a file that cannot be written.
fn write_file(path: &Path, what: &str, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("cannot save {what} file '{}': {e}", path.display()),
        )
    })
}

/// mbedTLS parses PEM only when the terminating NUL is part of the input, and
/// DER only when it is not.
fn mbedtls_input(data: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let is_pem = data.windows(11).any(|w| w == b"-----BEGIN ");
    if is_pem && data.last() != Some(&0) {
        let mut v = Vec::with_capacity(data.len() + 1);
        v.extend_from_slice(data);
        v.push(0);
        v.into()
    } else {
        data.into()
    }
}

/// PEM text of one DER object, 64 columns as OpenSSL and mbedTLS write it.
fn pem_encode(label: &str, der: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    for line in b64.as_bytes().chunks(64) {
        // base64 output is ASCII, so every chunk is valid UTF-8.
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

/// The parsed content of a `CryptoKey`.
pub(crate) struct KeyMaterial {
    pub(crate) pk: Arc<Pk>,
    /// `None` for a key loaded as public only.
    private_pem: Option<String>,
    public_pem: String,
}

impl KeyMaterial {
    fn from_pk(mut pk: Pk, public_only: bool) -> Result<Self> {
        let private_pem =
            if public_only {
                None
            } else {
                Some(pk.write_private_pem_string().map_err(|e| {
                    Failure::mbedtls(Error::FAILED, "cannot write the private key", e)
                })?)
            };
        let public_pem = pk
            .write_public_pem_string()
            .map_err(|e| Failure::mbedtls(Error::FAILED, "cannot write the public key", e))?;
        crate::mbedtls_ext::speed_up_keys(&mut pk);
        Ok(KeyMaterial {
            pk: Arc::new(pk),
            private_pem,
            public_pem,
        })
    }

    pub(crate) fn is_public_only(&self) -> bool {
        self.private_pem.is_none()
    }

    /// The private key as mbedTLS writes it: a PKCS#1 `RSAPrivateKey` for
    /// an RSA key, a SEC1 `ECPrivateKey` for an EC one; `None` for a key
    /// that is public only.
    pub(crate) fn private_der(&self) -> Option<zeroize::Zeroizing<Vec<u8>>> {
        let mut copy = self.private_copy().ok()?;
        copy.write_private_der_vec()
            .ok()
            .map(zeroize::Zeroizing::new)
    }

    /// A private copy of the key that mbedTLS may mutate (signing contexts
    /// such as the certificate writer want `&mut Pk`).
    pub(crate) fn private_copy(&self) -> Result<Pk> {
        let pem = self.private_pem.as_deref().ok_or_else(|| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                "the key is public only; a private key is needed",
            )
        })?;
        let mut pk = Pk::from_private_key(&mbedtls_input(pem.as_bytes()), None)
            .map_err(|e| Failure::mbedtls(Error::FAILED, "cannot copy the private key", e))?;
        crate::mbedtls_ext::speed_up_keys(&mut pk);
        Ok(pk)
    }
}

/// Godot's `CryptoKey`: an RSA or EC key, private or public only.
#[derive(Default)]
pub struct CryptoKey {
    material: RwLock<Option<Arc<KeyMaterial>>>,
}

impl CryptoKey {
    /// An empty key; `load` or `load_from_string` fills it.
    pub fn new() -> Self {
        Self::default()
    }

    fn from_material(material: KeyMaterial) -> Self {
        CryptoKey {
            material: RwLock::new(Some(Arc::new(material))),
        }
    }

    /// The current content, or `None` while the key is empty.
    pub(crate) fn material(&self) -> Option<Arc<KeyMaterial>> {
        self.material
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set_material(&self, material: KeyMaterial) {
        *self.material.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(material));
    }

    fn loaded(&self) -> Result<Arc<KeyMaterial>> {
        self.material().ok_or_else(|| {
            Failure::new(
                Error::ERR_UNCONFIGURED,
                "the key is empty: load or generate one first",
            )
        })
    }

    /// Parses a PEM or DER key. With `public_only` the data must be a public
    /// key (SubjectPublicKeyInfo); otherwise a PKCS#1 or PKCS#8 private key.
    /// On failure the previous content is kept.
    pub fn load_from_bytes(&self, data: &[u8], public_only: bool) -> Result<()> {
        let input = mbedtls_input(data);
        let parsed = if public_only {
            Pk::from_public_key(&input)
        } else {
            Pk::from_private_key(&input, None)
        };
        let kind = if public_only { "public" } else { "private" };
        let pk =
            parsed.map_err(|e| parse_failure(&format!("cannot parse the {kind} key"), data, e))?;
        self.set_material(KeyMaterial::from_pk(pk, public_only)?);
        Ok(())
    }

    /// Godot's `CryptoKey.load_from_string(string_key, public_only)`.
    pub fn load_from_string(&self, pem: &str, public_only: bool) -> Result<()> {
        self.load_from_bytes(pem.as_bytes(), public_only)
    }

    /// Godot's `CryptoKey.load(path, public_only)`.
    pub fn load(&self, path: &Path, public_only: bool) -> Result<()> {
        parse_file(path, "key", |data| self.load_from_bytes(data, public_only))
    }

    /// Godot's `CryptoKey.save_to_string(public_only)`: PEM text of the
    /// private key, or of the public key when `public_only` is set or the key
    /// holds only a public part.
    pub fn save_to_string(&self, public_only: bool) -> Result<String> {
        let material = self.loaded()?;
        Ok(match (&material.private_pem, public_only) {
            (Some(private), false) => private.clone(),
            _ => material.public_pem.clone(),
        })
    }

    /// Godot's `CryptoKey.save(path, public_only)`.
    pub fn save(&self, path: &Path, public_only: bool) -> Result<()> {
        let text = self.save_to_string(public_only)?;
        write_file(path, "key", &text)
    }

    /// Godot's `CryptoKey.is_public_only()`: true when the key holds no
    /// private part (an empty key holds none either).
    pub fn is_public_only(&self) -> bool {
        self.material().is_none_or(|m| m.is_public_only())
    }
}

/// Godot's `X509Certificate`: one certificate or a chain of them, in order.
#[derive(Default)]
pub struct X509Certificate {
    chain: RwLock<Option<Arc<MbedtlsList<Certificate>>>>,
}

impl X509Certificate {
    /// An empty certificate; `load` or `load_from_string` fills it.
    pub fn new() -> Self {
        Self::default()
    }

    fn from_chain(chain: MbedtlsList<Certificate>) -> Self {
        X509Certificate {
            chain: RwLock::new(Some(Arc::new(chain))),
        }
    }

    /// A chain of the DER certificates `ders`, in order.
    pub(crate) fn from_ders<'a>(ders: impl Iterator<Item = &'a [u8]>) -> Result<Self> {
        let mut list = MbedtlsList::new();
        for der in ders {
            let cert = Certificate::from_der(der)
                .map_err(|e| parse_failure("cannot parse the DER certificate", der, e))?;
            list.push(cert);
        }
        Ok(Self::from_chain(list))
    }

    /// The current chain, or `None` while the object is empty.
    pub(crate) fn chain(&self) -> Option<Arc<MbedtlsList<Certificate>>> {
        self.chain.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn loaded(&self) -> Result<Arc<MbedtlsList<Certificate>>> {
        self.chain().ok_or_else(|| {
            Failure::new(
                Error::ERR_UNCONFIGURED,
                "the certificate is empty: load or generate one first",
            )
        })
    }

    /// Parses every certificate in PEM text (or one in DER). All must parse;
    /// on failure the previous content is kept.
    pub fn load_from_bytes(&self, data: &[u8]) -> Result<()> {
        let chain = if data.windows(11).any(|w| w == b"-----BEGIN ") {
            parse_pem_chain(data)?
        } else {
            let cert = Certificate::from_der(data)
                .map_err(|e| parse_failure("cannot parse the DER certificate", data, e))?;
            let mut list = MbedtlsList::new();
            list.push(cert);
            list
        };
        *self.chain.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(chain));
        Ok(())
    }

    /// Godot's `X509Certificate.load_from_string(string)`.
    pub fn load_from_string(&self, pem: &str) -> Result<()> {
        self.load_from_bytes(pem.as_bytes())
    }

    /// Godot's `X509Certificate.load(path)`.
    pub fn load(&self, path: &Path) -> Result<()> {
        parse_file(path, "certificate", |data| self.load_from_bytes(data))
    }

    /// Godot's `X509Certificate.save_to_string()`: every certificate of the
    /// chain as PEM, in order.
    pub fn save_to_string(&self) -> Result<String> {
        let chain = self.loaded()?;
        Ok(chain
            .iter()
            .map(|c| pem_encode("CERTIFICATE", c.as_der()))
            .collect())
    }

    /// Godot's `X509Certificate.save(path)`.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = self.save_to_string()?;
        write_file(path, "certificate", &text)
    }

    /// How many certificates the chain holds (0 while empty).
    pub fn len(&self) -> usize {
        self.chain().map_or(0, |c| c.iter().count())
    }

    /// True while no certificate is loaded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Splits PEM text into its CERTIFICATE blocks and parses each, so that one
/// bad block is an error instead of being skipped silently (mbedTLS's own
/// chain parser keeps going past blocks it cannot read).
fn parse_pem_chain(data: &[u8]) -> Result<MbedtlsList<Certificate>> {
    const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
    const END: &[u8] = b"-----END CERTIFICATE-----";
    let mut list = MbedtlsList::new();
    let mut rest = data;
    let mut index = 0;
    while let Some(start) = find(rest, BEGIN) {
        let block = &rest[start..];
        let end = find(block, END).ok_or_else(|| {
            Failure::new(
                Error::FAILED,
                format!("certificate {} has no END line", index + 1),
            )
        })? + END.len();
        let cert = Certificate::from_pem(&mbedtls_input(&block[..end])).map_err(|e| {
            parse_failure(
                &format!("cannot parse certificate {}", index + 1),
                &block[..end],
                e,
            )
        })?;
        list.push(cert);
        rest = &block[end..];
        index += 1;
    }
    if index == 0 {
        return Err(Failure::new(
            Error::FAILED,
            "no PEM CERTIFICATE block found",
        ));
    }
    Ok(list)
}

/// Why mbedTLS refused `data` (PEM or DER): an RSA key larger than it can
/// use, said as such (mbedTLS only calls it an invalid key), or mbedTLS's
/// own error.
fn parse_failure(context: &str, data: &[u8], e: mbedtls::Error) -> Failure {
    let max = *RSA_BITS.end() as usize;
    match first_der(data).as_deref().and_then(der::rsa_modulus_bits) {
        Some(bits) if bits > max => Failure::new(
            Error::FAILED,
            format!("{context}: its RSA key has {bits} bits, more than the {max} gdtls can use (mbedTLS's limit)"),
        ),
        _ => Failure::mbedtls(Error::FAILED, context, e),
    }
}

/// The DER in `data`: `data` itself, or its first PEM block decoded.
fn first_der(data: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    const BEGIN: &[u8] = b"-----BEGIN ";
    let Some(start) = find(data, BEGIN) else {
        return Some(data.into());
    };
    let body = &data[start..];
    let body = &body[body.iter().position(|&b| b == b'\n')? + 1..];
    let body = &body[..find(body, b"-----END ")?];
    let text: Vec<u8> = body
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .ok()
        .map(Into::into)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses Godot's `YYYYMMDDhhmmss` validity strings.
fn parse_time(text: &str, which: &str) -> Result<Time> {
    let bad = || {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("{which} '{text}' is not a UTC time of the form YYYYMMDDhhmmss"),
        )
    };
    if text.len() != 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let field = |range: std::ops::Range<usize>| text[range].parse::<u16>().map_err(|_| bad());
    Time::new(
        field(0..4)?,
        field(4..6)? as u8,
        field(6..8)? as u8,
        field(8..10)? as u8,
        field(10..12)? as u8,
        field(12..14)? as u8,
    )
    .ok_or_else(bad)
}

/// Godot's `Crypto.generate_rsa(size)`: a new RSA key with exponent 65537.
pub fn generate_rsa(bits: i32) -> Result<CryptoKey> {
    if !RSA_BITS.contains(&bits) || bits % 2 != 0 {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!(
                "RSA key size {bits} is not supported: use an even size from {} to {} bits",
                RSA_BITS.start(),
                RSA_BITS.end()
            ),
        ));
    }
    let mut rng = new_rng()?;
    let pk = Pk::generate_rsa(&mut rng, bits as u32, 65537)
        .map_err(|e| Failure::mbedtls(Error::FAILED, "cannot generate the RSA key", e))?;
    Ok(CryptoKey::from_material(KeyMaterial::from_pk(pk, false)?))
}

/// The curves `generate_ecdsa` makes keys on, by the names it takes (NIST's,
/// and the SEC names OpenSSL and mbedTLS use).
const ECDSA_CURVES: [(&str, &str, EcGroupId); 2] = [
    ("P-256", "secp256r1", EcGroupId::SecP256R1),
    ("P-384", "secp384r1", EcGroupId::SecP384R1),
];

/// A new ECDSA key on `curve`, "P-256" or "P-384" (also "secp256r1",
/// "secp384r1"). Godot generates only RSA keys; an EC key makes
/// handshakes several times faster at the same strength as RSA-3072
/// (P-256) or RSA-7680 (P-384).
pub fn generate_ecdsa(curve: &str) -> Result<CryptoKey> {
    let (_, _, group) = ECDSA_CURVES
        .iter()
        .find(|(nist, sec, _)| curve.eq_ignore_ascii_case(nist) || curve.eq_ignore_ascii_case(sec))
        .ok_or_else(|| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("curve '{curve}' is not supported: use P-256 or P-384"),
            )
        })?;
    let mut rng = new_rng()?;
    let pk = Pk::generate_ec(&mut rng, *group)
        .map_err(|e| Failure::mbedtls(Error::FAILED, "cannot generate the EC key", e))?;
    Ok(CryptoKey::from_material(KeyMaterial::from_pk(pk, false)?))
}

/// The hash a certificate signed by `key` uses: SHA-384 for a P-384 key,
/// whose strength SHA-256 would cut, and SHA-256 otherwise.
fn signature_hash(key: &Pk) -> MdType {
    match key.curve() {
        Ok(EcGroupId::SecP384R1) => MdType::Sha384,
        _ => MdType::Sha256,
    }
}

/// Godot's `Crypto.generate_self_signed_certificate(key, issuer_name,
/// not_before, not_after)`: a version 3 certificate signed by `key` (with
/// SHA-256, or SHA-384 for a P-384 key), with the same subject and issuer,
/// a random 20-byte serial and the CA basic constraint (path length 0), so
/// it can also be its own trust anchor.
pub fn generate_self_signed_certificate(
    key: &CryptoKey,
    issuer_name: &str,
    not_before: &str,
    not_after: &str,
) -> Result<X509Certificate> {
    let not_before = parse_time(not_before, "not_before")?;
    let not_after = parse_time(not_after, "not_after")?;
    let material = key.loaded()?;
    let mut subject_key = material.private_copy()?;
    let mut issuer_key = material.private_copy()?;
    let mut rng = new_rng()?;
    let mut serial = [0u8; 20];
    mbedtls::rng::Random::random(&mut rng, &mut serial)
        .map_err(|e| Failure::mbedtls(Error::FAILED, "cannot draw a serial number", e))?;
    serial[0] &= 0x7F; // a positive INTEGER
    serial[0] |= 0x01; // and a full 20 bytes long
    let write_err = |e| Failure::mbedtls(Error::FAILED, "cannot write the certificate", e);
    let name_err = |e| {
        Failure::mbedtls(
            Error::ERR_INVALID_PARAMETER,
            &format!("invalid issuer name '{issuer_name}'"),
            e,
        )
    };
    let der = mbedtls::x509::certificate::Builder::new()
        .subject_key(&mut subject_key)
        .issuer_key(&mut issuer_key)
        .signature_hash(signature_hash(&material.pk))
        .subject(issuer_name)
        .map_err(name_err)?
        .issuer(issuer_name)
        .map_err(name_err)?
        .validity(not_before, not_after)
        .map_err(write_err)?
        .serial(&serial)
        .map_err(write_err)?
        .basic_constraints(true, Some(0))
        .map_err(write_err)?
        .write_der_vec(&mut rng)
        .map_err(write_err)?;
    let cert = Certificate::from_der(&der).map_err(write_err)?;
    let mut chain = MbedtlsList::new();
    chain.push(cert);
    Ok(X509Certificate::from_chain(chain))
}
