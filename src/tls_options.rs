//! Godot's `TLSOptions`: what a DTLS client trusts, or what a server presents,
//! and what gdtls adds to them: pins, revocation lists, pre-shared keys,
//! client certificates, and the suites, curves and MTU a connection uses.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use mbedtls::x509::Crl;

use crate::crypto::{sha256, CryptoKey, X509Certificate};
use crate::der;
use crate::dtls::SessionStore;
use crate::error::{Error, Failure, Result};
use crate::mbedtls_ext;

/// Which constructor made the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `TLSOptions.client()`: verify the peer's certificate and name.
    Client,
    /// `TLSOptions.client_unsafe()`: accept any certificate.
    ClientUnsafe,
    /// `TLSOptions.server()`: present a certificate with its key.
    Server,
    /// A client proving itself with a pre-shared key, without certificates.
    ClientPsk,
    /// A server accepting clients by pre-shared key, without certificates.
    ServerPsk,
}

/// What a SHA-256 pin covers.
///
/// cbindgen:ignore
#[repr(i32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinKind {
    /// The certificate's SubjectPublicKeyInfo (as HPKP and most pinning
    /// libraries pin: it survives a certificate's renewal with the same key).
    PublicKey = 0,
    /// The whole certificate, DER.
    Certificate = 1,
}

/// A SHA-256 pin of a certificate of the peer's chain, or of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pin {
    pub kind: PinKind,
    pub sha256: [u8; 32],
}

impl Pin {
    /// The pin of the first certificate of `certificate`'s chain (the
    /// peer's own, in a chain as a peer sends it), or of its public key.
    pub fn of(certificate: &X509Certificate, kind: PinKind) -> Result<Pin> {
        let chain = certificate.chain().ok_or_else(|| {
            Failure::new(Error::ERR_UNCONFIGURED, "the certificate to pin is empty")
        })?;
        let der = chain.iter().next().map(|c| c.as_der()).unwrap_or_default();
        let covered = match kind {
            PinKind::Certificate => der,
            PinKind::PublicKey => der::subject_public_key_info(der)
                .ok_or_else(|| invalid("the certificate's public key cannot be read"))?,
        };
        Ok(Pin {
            kind,
            sha256: sha256(covered),
        })
    }

    /// Whether the DER certificate `certificate` (or its public key) is
    /// the one pinned.
    pub(crate) fn matches(&self, certificate: &[u8]) -> bool {
        match self.kind {
            PinKind::Certificate => sha256(certificate) == self.sha256,
            PinKind::PublicKey => {
                der::subject_public_key_info(certificate).map(sha256) == Some(self.sha256)
            }
        }
    }
}

/// A server's way to find the key of a client's PSK identity; `None` refuses
/// the identity.
pub type PskLookup = dyn Fn(&[u8]) -> Option<Vec<u8>> + Send + Sync;

/// The pre-shared key of a PSK client or server.
#[derive(Clone)]
pub(crate) enum Psk {
    Client { identity: Vec<u8>, key: Vec<u8> },
    Server(Arc<PskLookup>),
}

/// What gdtls adds to Godot's options; each setter changes what the next
/// connection or setup made with the options uses.
#[derive(Clone, Default)]
pub(crate) struct Tuning {
    pub(crate) pins: Vec<Pin>,
    /// Revocation lists, DER: an mbedTLS list is tied to one thread.
    pub(crate) crls: Vec<Vec<u8>>,
    pub(crate) mtu: Option<u16>,
    pub(crate) suites: Option<Arc<Vec<i32>>>,
    pub(crate) curves: Option<Arc<Vec<mbedtls_sys::ecp_group_id>>>,
    /// A client's own certificate, for servers that ask for one.
    pub(crate) client_identity: Option<(Arc<CryptoKey>, Arc<X509Certificate>)>,
    /// A server's demand for client certificates: what they must chain to,
    /// and whether a client without one is refused.
    pub(crate) client_verification: Option<(Arc<X509Certificate>, bool)>,
    /// Clients resume their sessions.
    pub(crate) resume_sessions: bool,
}

/// Godot's `TLSOptions`. Godot's are immutable once made; gdtls's setters
/// (pins, revocation lists, suites, ...) apply to the connections made from
/// then on. A clone shares the keys and certificates and copies the rest.
pub struct TlsOptions {
    mode: Mode,
    trusted_ca_chain: Option<Arc<X509Certificate>>,
    common_name_override: String,
    private_key: Option<Arc<CryptoKey>>,
    own_certificate: Option<Arc<X509Certificate>>,
    psk: Option<Psk>,
    tuning: RwLock<Tuning>,
    /// Sessions established by clients made with these options (a clone
    /// starts with none).
    sessions: Arc<SessionStore>,
}

impl Clone for TlsOptions {
    fn clone(&self) -> Self {
        TlsOptions {
            mode: self.mode,
            trusted_ca_chain: self.trusted_ca_chain.clone(),
            common_name_override: self.common_name_override.clone(),
            private_key: self.private_key.clone(),
            own_certificate: self.own_certificate.clone(),
            psk: self.psk.clone(),
            tuning: RwLock::new(self.tuning().clone()),
            sessions: Arc::default(),
        }
    }
}

fn invalid(message: impl Into<std::borrow::Cow<'static, str>>) -> Failure {
    Failure::new(Error::ERR_INVALID_PARAMETER, message)
}

/// The smallest and largest MTU a connection may use: below, a handshake
/// message's headers leave no room; above, a record no longer fits.
pub const MTU_RANGE: std::ops::RangeInclusive<u16> = 256..=16384;

impl TlsOptions {
    fn with_mode(mode: Mode) -> Self {
        TlsOptions {
            mode,
            trusted_ca_chain: None,
            common_name_override: String::new(),
            private_key: None,
            own_certificate: None,
            psk: None,
            tuning: RwLock::new(Tuning {
                resume_sessions: true,
                ..Tuning::default()
            }),
            sessions: Arc::default(),
        }
    }

    /// Godot's `TLSOptions.client(trusted_chain, common_name_override)`.
    ///
    /// Without a `trusted_chain` the system's CA bundle is used. A non-empty
    /// `common_name_override` is the name checked against the server's
    /// certificate instead of the host name given to `connect_to_peer`.
    pub fn client(
        trusted_chain: Option<Arc<X509Certificate>>,
        common_name_override: &str,
    ) -> Result<Self> {
        check_not_empty(trusted_chain.as_deref(), "trusted_chain")?;
        Ok(TlsOptions {
            trusted_ca_chain: trusted_chain,
            common_name_override: common_name_override.to_owned(),
            ..Self::with_mode(Mode::Client)
        })
    }

    /// Godot's `TLSOptions.client_unsafe(trusted_chain)`: no verification of
    /// the server's certificate (pins, if added, are still checked). For
    /// testing only, or with pins.
    pub fn client_unsafe(trusted_chain: Option<Arc<X509Certificate>>) -> Result<Self> {
        check_not_empty(trusted_chain.as_deref(), "trusted_chain")?;
        Ok(TlsOptions {
            trusted_ca_chain: trusted_chain,
            ..Self::with_mode(Mode::ClientUnsafe)
        })
    }

    /// Godot's `TLSOptions.server(key, certificate)`. The key must be private
    /// and must match the first certificate of the chain.
    pub fn server(key: Arc<CryptoKey>, certificate: Arc<X509Certificate>) -> Result<Self> {
        check_identity(&key, &certificate, "server")?;
        Ok(TlsOptions {
            private_key: Some(key),
            own_certificate: Some(certificate),
            ..Self::with_mode(Mode::Server)
        })
    }

    /// A client that proves itself with a pre-shared key: `identity` names
    /// it to the server, `key` (1 to 32 bytes, mbedTLS's limit) is the
    /// secret both know. No certificate is sent or checked. Only PSK suites
    /// are offered, ECDHE-PSK (forward secret) first.
    pub fn client_psk(identity: &[u8], key: &[u8]) -> Result<Self> {
        check_psk_key(key)?;
        if identity.is_empty() || identity.len() > 128 {
            return Err(invalid(format!(
                "a PSK identity must have 1 to 128 bytes, not {}",
                identity.len()
            )));
        }
        Ok(TlsOptions {
            psk: Some(Psk::Client {
                identity: identity.to_vec(),
                key: key.to_vec(),
            }),
            ..Self::with_mode(Mode::ClientPsk)
        })
    }

    /// A server that accepts clients by pre-shared key: `lookup` gives the
    /// key of a client's identity (1 to 32 bytes) or refuses it with
    /// `None`. It runs on the thread driving the connection's handshake
    /// (`take_connection` or the peer's `poll`).
    pub fn server_psk(lookup: Arc<PskLookup>) -> Self {
        TlsOptions {
            psk: Some(Psk::Server(lookup)),
            ..Self::with_mode(Mode::ServerPsk)
        }
    }

    /// A PSK server whose one `key` opens every identity.
    pub fn server_psk_key(key: &[u8]) -> Result<Self> {
        check_psk_key(key)?;
        let key = key.to_vec();
        Ok(Self::server_psk(Arc::new(move |_| Some(key.clone()))))
    }

    /// Godot's `TLSOptions.is_server()`.
    pub fn is_server(&self) -> bool {
        matches!(self.mode, Mode::Server | Mode::ServerPsk)
    }

    /// Godot's `TLSOptions.is_unsafe_client()`.
    pub fn is_unsafe_client(&self) -> bool {
        self.mode == Mode::ClientUnsafe
    }

    /// Whether the options authenticate by pre-shared key.
    pub fn is_psk(&self) -> bool {
        self.psk.is_some()
    }

    /// Godot's `TLSOptions.get_common_name_override()`.
    pub fn common_name_override(&self) -> &str {
        &self.common_name_override
    }

    /// Godot's `TLSOptions.get_trusted_ca_chain()`.
    pub fn trusted_ca_chain(&self) -> Option<&Arc<X509Certificate>> {
        self.trusted_ca_chain.as_ref()
    }

    /// Godot's `TLSOptions.get_private_key()`.
    pub fn private_key(&self) -> Option<&Arc<CryptoKey>> {
        self.private_key.as_ref()
    }

    /// Godot's `TLSOptions.get_own_certificate()`.
    pub fn own_certificate(&self) -> Option<&Arc<X509Certificate>> {
        self.own_certificate.as_ref()
    }

    pub(crate) fn psk(&self) -> Option<&Psk> {
        self.psk.as_ref()
    }

    pub(crate) fn tuning(&self) -> RwLockReadGuard<'_, Tuning> {
        self.tuning.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The tuning, to change: the sessions saved so far were made under
    /// the old one, and are forgotten.
    fn tuning_mut(&self) -> RwLockWriteGuard<'_, Tuning> {
        self.sessions.clear();
        self.tuning.write().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether clients made with these options resume the sessions they
    /// established when they reconnect to the same server (default: yes).
    /// Turning it off (for a full handshake each time) forgets them.
    pub fn set_session_resumption(&self, enabled: bool) {
        self.tuning_mut().resume_sessions = enabled;
    }

    /// Whether clients resume sessions (`set_session_resumption`).
    pub fn session_resumption(&self) -> bool {
        self.tuning().resume_sessions
    }

    /// Where clients keep and find their sessions, when they resume them.
    pub(crate) fn sessions(&self) -> Option<Arc<SessionStore>> {
        (self.session_resumption() && !self.is_server()).then(|| Arc::clone(&self.sessions))
    }

    /// Adds a pin: the peer's chain must then hold a certificate, or a
    /// public key, whose SHA-256 is one of the pins, or the connection
    /// fails, however valid the chain. With a CA the chain must pass both;
    /// with `client_unsafe`, the pins stand in for a CA.
    pub fn add_pin(&self, pin: Pin) {
        self.tuning_mut().pins.push(pin);
    }

    /// The pins added so far.
    pub fn pins(&self) -> Vec<Pin> {
        self.tuning().pins.clone()
    }

    /// Adds certificate revocation lists (PEM, one or more, or one DER): a
    /// certificate they revoke is refused, and says so.
    pub fn add_crl(&self, data: &[u8]) -> Result<()> {
        let mut crl = Crl::new();
        let parsed = if data.windows(11).any(|w| w == b"-----BEGIN ") {
            let mut pem = data.to_vec();
            pem.push(0);
            crl.push_from_pem(&pem)
        } else {
            crl.push_from_der(data)
        };
        parsed
            .map_err(|e| Failure::mbedtls(Error::FAILED, "cannot parse the revocation list", e))?;
        self.tuning_mut().crls.extend(mbedtls_ext::crl_ders(&crl));
        Ok(())
    }

    /// The largest datagram connections made with the options write
    /// (`MTU_RANGE`; default `DTLS_MTU`, 1200): handshake flights are cut to
    /// fit, and `get_max_packet_size` follows.
    pub fn set_mtu(&self, mtu: u16) -> Result<()> {
        if !MTU_RANGE.contains(&mtu) {
            return Err(invalid(format!(
                "MTU {mtu} is outside {}..={}",
                MTU_RANGE.start(),
                MTU_RANGE.end()
            )));
        }
        self.tuning_mut().mtu = Some(mtu);
        Ok(())
    }

    /// The MTU set with `set_mtu`, if any.
    pub fn mtu(&self) -> Option<u16> {
        self.tuning().mtu
    }

    /// The suites to offer or accept, in order of preference, by mbedTLS's
    /// names separated by commas or colons ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256").
    /// Any suite mbedTLS has may be named, so this is also how one opts
    /// back in to a suite the default leaves out. An empty list restores
    /// the default.
    pub fn set_cipher_suites(&self, names: &str) -> Result<()> {
        let ids = parse_list(names, "cipher suite", mbedtls_ext::ciphersuite_id)?;
        self.tuning_mut().suites = ids.map(Arc::new);
        Ok(())
    }

    /// The curves to offer or accept for key exchange, in order of
    /// preference, by name ("x25519", "secp256r1", "secp384r1", ...). An
    /// empty list restores the default.
    pub fn set_curves(&self, names: &str) -> Result<()> {
        let ids = parse_list(names, "curve", mbedtls_ext::curve_id)?;
        self.tuning_mut().curves = ids.map(Arc::new);
        Ok(())
    }

    /// A client's certificate and key, sent to servers that ask for one
    /// (mutual authentication).
    pub fn set_client_certificate(
        &self,
        key: Arc<CryptoKey>,
        certificate: Arc<X509Certificate>,
    ) -> Result<()> {
        if self.is_server() {
            return Err(invalid("server options present their own certificate"));
        }
        check_identity(&key, &certificate, "client")?;
        self.tuning_mut().client_identity = Some((key, certificate));
        Ok(())
    }

    /// Makes a server ask clients for a certificate chaining to
    /// `trusted_chain`: with `required`, a client without one (or with
    /// another) is refused; without, one without any is let in, and one
    /// with a bad one refused.
    pub fn set_client_verification(
        &self,
        trusted_chain: Arc<X509Certificate>,
        required: bool,
    ) -> Result<()> {
        if self.mode != Mode::Server {
            return Err(invalid(
                "only certificate server options verify client certificates",
            ));
        }
        check_not_empty(Some(&trusted_chain), "trusted_chain")?;
        self.tuning_mut().client_verification = Some((trusted_chain, required));
        Ok(())
    }
}

/// The ids of a list of names, `None` for an empty list.
fn parse_list<T: PartialEq + Default>(
    names: &str,
    what: &str,
    id: impl Fn(&str) -> Option<T>,
) -> Result<Option<Vec<T>>> {
    let mut ids = Vec::new();
    for name in names
        .split([',', ':'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let found = id(name).ok_or_else(|| invalid(format!("mbedTLS has no {what} '{name}'")))?;
        if !ids.contains(&found) {
            ids.push(found);
        }
    }
    if ids.is_empty() {
        return Ok(None);
    }
    // mbedTLS reads the list up to a zero.
    ids.push(T::default());
    Ok(Some(ids))
}

/// The most bytes a pre-shared key has (mbedTLS's limit).
pub const MAX_PSK_LEN: usize = 32;

fn check_psk_key(key: &[u8]) -> Result<()> {
    if key.is_empty() || key.len() > MAX_PSK_LEN {
        return Err(invalid(format!(
            "a pre-shared key must have 1 to 32 bytes, not {}",
            key.len()
        )));
    }
    Ok(())
}

/// A key and the certificate it goes with: private, and matching the
/// chain's first certificate.
fn check_identity(key: &CryptoKey, certificate: &X509Certificate, whose: &str) -> Result<()> {
    let material = key
        .material()
        .ok_or_else(|| invalid(format!("{whose} key is empty")))?;
    if material.is_public_only() {
        return Err(invalid(format!(
            "{whose} key is public only; the private key is needed"
        )));
    }
    let chain = certificate
        .chain()
        .ok_or_else(|| invalid(format!("{whose} certificate is empty")))?;
    let leaf = chain
        .iter()
        .next()
        .ok_or_else(|| invalid(format!("{whose} certificate is empty")))?;
    if !crate::mbedtls_ext::keys_match(leaf.public_key(), &material.pk) {
        return Err(invalid(format!(
            "{whose} key does not match the certificate's public key"
        )));
    }
    Ok(())
}

/// A chain that is given must hold certificates: an empty one would silently
/// trust nothing (or, worse, be read as "use the system bundle").
fn check_not_empty(chain: Option<&X509Certificate>, what: &str) -> Result<()> {
    match chain {
        Some(c) if c.is_empty() => Err(invalid(format!("{what} is an empty certificate"))),
        _ => Ok(()),
    }
}
