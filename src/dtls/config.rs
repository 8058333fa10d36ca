//! mbedTLS configurations for DTLS clients and servers, built from
//! `TlsOptions`.

use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};
use std::time::Duration;

use mbedtls::alloc::List as MbedtlsList;
use mbedtls::cipher::raw::CipherType;
use mbedtls::rng::{CtrDrbg, OsEntropy};
use mbedtls::ssl::config::{AuthMode, Endpoint, Preset, Transport};
use mbedtls::ssl::{Config, CookieContext, TicketContext};
use mbedtls::x509::{Certificate, Crl};

use super::signing::KeyCopies;
use super::verify::VerifyReport;
use crate::crypto::{CryptoKey, KeyMaterial, X509Certificate};
use crate::error::{Error, Failure, Result};
use crate::files::read_limited_file;
use crate::mbedtls_ext;
use crate::tls_options::{Psk, TlsOptions};

/// How long a handshake waits for the other side: the first retransmission
/// interval, doubled after each unanswered flight up to the largest, after
/// which the handshake fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HandshakeTimeout {
    min_ms: u32,
    max_ms: u32,
}

impl HandshakeTimeout {
    /// A client's default, mbedTLS's and Godot's: 1 s doubling to 60 s, so
    /// a handshake gives up after 123 s.
    pub const CLIENT_DEFAULT: Self = HandshakeTimeout {
        min_ms: 1000,
        max_ms: 60000,
    };

    /// A server's default: 1 s doubling to 8 s, so a handshake that the
    /// client abandoned (or never meant to finish) is dropped after 15 s
    /// instead of 123 s. A client that is still there retransmits its own
    /// flights long before that.
    pub const SERVER_DEFAULT: Self = HandshakeTimeout {
        min_ms: 1000,
        max_ms: 8000,
    };

    /// Intervals from `min_ms` doubling to `max_ms` milliseconds; both at
    /// least 1, and `min_ms` no more than `max_ms`.
    pub fn new(min_ms: u32, max_ms: u32) -> Result<Self> {
        if min_ms == 0 || min_ms > max_ms {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!(
                    "handshake timeout {min_ms}..{max_ms} ms: the first interval must be at least 1 ms and no more than the largest"
                ),
            ));
        }
        Ok(HandshakeTimeout { min_ms, max_ms })
    }

    /// The first retransmission interval, in milliseconds.
    pub const fn min_ms(&self) -> u32 {
        self.min_ms
    }

    /// The largest retransmission interval, in milliseconds.
    pub const fn max_ms(&self) -> u32 {
        self.max_ms
    }

    /// How long a handshake whose flights go unanswered lasts: the sum of
    /// the intervals mbedTLS waits (each doubling, capped at the largest,
    /// the last one being the largest).
    pub fn give_up_after(&self) -> Duration {
        let (mut wait, mut total) = (u64::from(self.min_ms), 0u64);
        loop {
            total += wait;
            if wait >= u64::from(self.max_ms) {
                return Duration::from_millis(total);
            }
            wait = (wait * 2).min(u64::from(self.max_ms));
        }
    }
}

/// The suites gdtls offers and accepts, in mbedTLS's order of preference:
/// only ephemeral key exchanges (forward secrecy: a key stolen later does
/// not decrypt what was recorded) and AEAD ciphers (no CBC
/// MAC-then-encrypt, with its padding oracles). CCM_8 is left out: its
/// 64-bit tag is meant for constrained devices.
///
/// On a CPU with AES instructions, the ECDHE suites with AES-128-GCM come
/// first: AWS-LC seals a 1000-byte record with it in ~0.3 µs against
/// ~0.56 µs with ChaCha20-Poly1305 (echo ~8% faster), and its SHA-256
/// handshake hash runs on the SHA extensions where AES-256-GCM's SHA-384
/// does not (full handshakes ~15% slower with it). Elsewhere
/// ChaCha20-Poly1305 is the faster cipher and stays first.
static CIPHERSUITES: LazyLock<Arc<Vec<i32>>> = LazyLock::new(|| {
    use mbedtls_sys::*;
    let aes_first = [
        TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    ];
    let mut suites = vec![
        TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        TLS_ECDHE_ECDSA_WITH_AES_256_CCM,
        TLS_DHE_RSA_WITH_AES_256_CCM,
        TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        TLS_ECDHE_ECDSA_WITH_AES_128_CCM,
        TLS_DHE_RSA_WITH_AES_128_CCM,
        0,
    ];
    if aes_in_hardware() {
        suites.retain(|suite| !aes_first.contains(suite));
        suites.splice(0..0, aes_first);
    }
    Arc::new(suites)
});

/// Whether the CPU has the AES and carry-less multiplication instructions
/// AWS-LC's AES-GCM runs on.
fn aes_in_hardware() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("aes")
            && std::arch::is_x86_feature_detected!("pclmulqdq")
    }
    #[cfg(target_arch = "aarch64")]
    {
        std::arch::is_aarch64_feature_detected!("aes")
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        false
    }
}

/// The largest certificate chain a server can send: mbedTLS writes the
/// whole Certificate message into its 16 KiB output buffer before cutting
/// it into datagrams, with 7 bytes of headers, 3 per certificate, and 8
/// more for DTLS's handshake header.
pub const MAX_CERTIFICATE_MESSAGE: usize = 16384 - 8;

/// The system CA bundles gdtls trusts when a validating client is given no
/// trusted chain, in the order they are tried (the first that exists and
/// parses wins). `SSL_CERT_FILE` in the environment comes before them all.
pub const SYSTEM_CA_BUNDLES: [&str; 5] = [
    "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",   // Fedora, RHEL, CentOS
    "/etc/ssl/ca-bundle.pem",             // openSUSE
    "/etc/ssl/cert.pem",                  // Alpine, macOS, the BSDs
    "/etc/pki/tls/cacert.pem",            // OpenELEC
];

/// Key exchange curves, fastest first. mbedTLS's default list starts with
/// secp521r1, which makes every handshake several times slower for no
/// practical gain; all DTLS peers (Godot, OpenSSL, GnuTLS) offer x25519 or
/// secp256r1.
static CURVES: LazyLock<Arc<Vec<mbedtls_sys::ecp_group_id>>> = LazyLock::new(|| {
    Arc::new(vec![
        mbedtls_sys::ECP_DP_CURVE25519,
        mbedtls_sys::ECP_DP_SECP256R1,
        mbedtls_sys::ECP_DP_SECP384R1,
        mbedtls_sys::ECP_DP_SECP521R1,
        mbedtls_sys::ECP_DP_BP256R1,
        mbedtls_sys::ECP_DP_BP384R1,
        mbedtls_sys::ECP_DP_BP512R1,
        mbedtls_sys::ECP_DP_NONE,
    ])
});

/// One random generator for every configuration: mbedTLS locks it inside,
/// and seeding one per connection (as Godot does) costs time and memory.
fn shared_rng() -> Result<Arc<CtrDrbg>> {
    static RNG: OnceLock<std::result::Result<Arc<CtrDrbg>, String>> = OnceLock::new();
    RNG.get_or_init(|| {
        CtrDrbg::new(Arc::new(OsEntropy::new()), None)
            .map(Arc::new)
            .map_err(|e| e.to_string())
    })
    .clone()
    .map_err(|e| {
        Failure::new(
            Error::ERR_CANT_ACQUIRE_RESOURCE,
            format!("cannot seed the random generator: {e}"),
        )
    })
}

/// The PSK suites offered and accepted by PSK options, in mbedTLS's order
/// of preference with the forward-secret ones (ECDHE, DHE) first; plain
/// PSK, without forward secrecy, last, for peers that have nothing else.
static PSK_CIPHERSUITES: LazyLock<Arc<Vec<i32>>> = LazyLock::new(|| {
    use mbedtls_sys::*;
    Arc::new(vec![
        TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256,
        TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256,
        TLS_DHE_PSK_WITH_AES_256_GCM_SHA384,
        TLS_DHE_PSK_WITH_AES_256_CCM,
        TLS_DHE_PSK_WITH_AES_128_GCM_SHA256,
        TLS_DHE_PSK_WITH_AES_128_CCM,
        TLS_PSK_WITH_CHACHA20_POLY1305_SHA256,
        TLS_PSK_WITH_AES_256_GCM_SHA384,
        TLS_PSK_WITH_AES_256_CCM,
        TLS_PSK_WITH_AES_128_GCM_SHA256,
        TLS_PSK_WITH_AES_128_CCM,
        0,
    ])
});

/// What every configuration shares: the random generator, the suites and
/// curves (`options`' own, or the defaults), the handshake timeout and the
/// host's logger.
fn base_config(
    endpoint: Endpoint,
    timeout: HandshakeTimeout,
    options: &TlsOptions,
) -> Result<Config> {
    let mut config = Config::new(endpoint, Transport::Datagram, Preset::Default);
    config.set_rng(shared_rng()?);
    let tuning = options.tuning();
    let default_suites = if options.is_psk() {
        &PSK_CIPHERSUITES
    } else {
        &CIPHERSUITES
    };
    config.set_ciphersuites(Arc::clone(tuning.suites.as_ref().unwrap_or(default_suites)));
    config.set_curves(Arc::clone(tuning.curves.as_ref().unwrap_or(&CURVES)));
    mbedtls_ext::prefer_sha256_signatures(&mut config);
    mbedtls_ext::set_handshake_timeout(&mut config, timeout.min_ms, timeout.max_ms);
    crate::log::attach(&mut config);
    Ok(config)
}

/// Trusts `chain` (with `options`' revocation lists) for the peer's
/// certificate.
fn trust(config: &mut Config, options: &TlsOptions, chain: Arc<MbedtlsList<Certificate>>) {
    config.set_ca_list(chain, revocation_lists(options));
}

/// `options`' revocation lists as mbedTLS takes them, if any.
fn revocation_lists(options: &TlsOptions) -> Option<Arc<Crl>> {
    let tuning = options.tuning();
    if tuning.crls.is_empty() {
        return None;
    }
    let mut crl = Crl::new();
    // Each was parsed when it was added.
    for der in &tuning.crls {
        crl.push_from_der(der).ok()?;
    }
    // The crate takes the list as an Arc; the configuration, shared between
    // threads, only reads it.
    #[allow(clippy::arc_with_non_send_sync)]
    Some(Arc::new(crl))
}

/// A CA bundle and the file it came from.
type Bundle = (Arc<MbedtlsList<Certificate>>, String);

/// The system's CA bundle, loaded once.
fn system_ca_bundle() -> Result<Bundle> {
    static BUNDLE: OnceLock<std::result::Result<Bundle, String>> = OnceLock::new();
    BUNDLE
        .get_or_init(|| {
            let from_env = std::env::var("SSL_CERT_FILE").ok();
            let candidates = from_env.iter().map(String::as_str).chain(SYSTEM_CA_BUNDLES);
            for path in candidates {
                let Ok(mut pem) = read_limited_file(Path::new(path), "CA bundle") else {
                    continue;
                };
                pem.push(0);
                if let Ok(list) = Certificate::from_pem_multiple(&pem) {
                    return Ok((Arc::new(list), path.to_owned()));
                }
            }
            Err(format!(
                "no system CA bundle found (tried SSL_CERT_FILE and {}); pass a trusted chain",
                SYSTEM_CA_BUNDLES.join(", ")
            ))
        })
        .clone()
        .map_err(|e| Failure::new(Error::ERR_UNCONFIGURED, e))
}

/// A client configuration for `options` (client, unsafe client or PSK
/// client), and for a validating client what its verification of a server
/// checking `expected_name` saw.
pub(crate) fn client_config(
    options: &TlsOptions,
    timeout: HandshakeTimeout,
    expected_name: &str,
) -> Result<(Config, Option<Arc<VerifyReport>>)> {
    if options.is_server() {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            "server options cannot connect to a peer: use TLSOptions.client()",
        ));
    }
    let mut config = base_config(Endpoint::Client, timeout, options)?;
    if let Some(Psk::Client { identity, key }) = options.psk() {
        config.set_authmode(AuthMode::None);
        mbedtls_ext::set_psk(&mut config, key, identity)
            .map_err(|e| Failure::mbedtls(Error::ERR_INVALID_PARAMETER, "cannot use the PSK", e))?;
        return Ok((config, None));
    }
    if let Some((key, certificate)) = &options.tuning().client_identity {
        push_identity(&mut config, key, certificate, "client")?;
    }
    let trusted = options.trusted_ca_chain().and_then(|c| c.chain());
    if options.is_unsafe_client() {
        config.set_authmode(AuthMode::None);
        if let Some(chain) = trusted {
            config.set_ca_list(chain, None);
        }
        return Ok((config, None));
    }
    config.set_authmode(AuthMode::Required);
    let (chain, trusted_from) = match trusted {
        Some(chain) => (chain, "the trusted chain of the TLS options".to_owned()),
        None => {
            let (chain, path) = system_ca_bundle()?;
            (chain, format!("the system's CA bundle, {path}"))
        }
    };
    trust(&mut config, options, chain);
    let report = VerifyReport::new("the server", expected_name, &trusted_from);
    Ok((config, Some(report)))
}

/// Presents `certificate` with `key`, as a server always does and a
/// client when asked to; returns the key as it was read.
fn push_identity(
    config: &mut Config,
    key: &CryptoKey,
    certificate: &X509Certificate,
    whose: &str,
) -> Result<Arc<KeyMaterial>> {
    let unusable = || {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("the {whose} key or certificate is empty"),
        )
    };
    let key = key.material().ok_or_else(unusable)?;
    let chain = certificate.chain().ok_or_else(unusable)?;
    let size = certificate_message_size(&chain);
    if size > MAX_CERTIFICATE_MESSAGE {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!(
                "the {whose} certificate chain ({} certificates) makes a {size}-byte handshake \
                 message, more than the {MAX_CERTIFICATE_MESSAGE} bytes one can carry: send \
                 fewer certificates (peers already have the root) or smaller ones",
                chain.iter().count()
            ),
        ));
    }
    config.push_cert(chain, Arc::clone(&key.pk)).map_err(|e| {
        Failure::mbedtls(
            Error::ERR_INVALID_PARAMETER,
            &format!("cannot use the {whose} certificate"),
            e,
        )
    })?;
    Ok(key)
}

/// The size of the Certificate message carrying `chain`, which must fit
/// mbedTLS's output buffer (`MAX_CERTIFICATE_MESSAGE`).
fn certificate_message_size(chain: &MbedtlsList<Certificate>) -> usize {
    7 + chain.iter().map(|c| 3 + c.as_der().len()).sum::<usize>()
}

/// A fresh cookie secret, for a server's setup.
pub(crate) fn new_cookies() -> Result<Arc<CookieContext>> {
    let cookies = CookieContext::new(shared_rng()?).map_err(|e| {
        Failure::mbedtls(
            Error::ERR_CANT_ACQUIRE_RESOURCE,
            "cannot set up DTLS cookies",
            e,
        )
    })?;
    Ok(Arc::new(cookies))
}

/// How long a server's session tickets are valid by default, and how often
/// the key sealing them changes: two hours, OpenSSL's default session
/// lifetime.
pub const DEFAULT_TICKET_LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);

/// Fresh keys to seal session tickets with, for a ticket `lifetime` (none:
/// no tickets).
pub(crate) fn new_tickets(lifetime: Option<Duration>) -> Result<Option<Arc<TicketContext>>> {
    let Some(lifetime) = lifetime else {
        return Ok(None);
    };
    let seconds = u32::try_from(lifetime.as_secs()).unwrap_or(u32::MAX);
    let tickets =
        TicketContext::new(shared_rng()?, CipherType::Aes256Gcm, seconds).map_err(|e| {
            Failure::mbedtls(
                Error::ERR_CANT_ACQUIRE_RESOURCE,
                "cannot set up session tickets",
                e,
            )
        })?;
    Ok(Some(Arc::new(tickets)))
}

/// What a server's configuration calls back, a PSK server's lookup or a
/// certificate server's signer: it must live as long as the configuration
/// and every connection made from it, which each hold it.
#[derive(Clone)]
pub(crate) struct ServerCallbacks {
    _psk_lookup: Option<Arc<mbedtls_ext::PskLookupHolder>>,
    _signer: Option<Arc<KeyCopies>>,
}

/// What every connection of one `DTLSServer` setup shares.
pub(crate) struct ServerConfig {
    pub(crate) config: Arc<Config>,
    /// Whether connections verify their client's certificate (each with its
    /// own `VerifyReport`, made by `client_report`).
    verifies_clients: bool,
    pub(crate) callbacks: ServerCallbacks,
}

/// What a server's connections report their client's certificate against.
const CLIENTS_TRUST: &str = "the clients' trusted chain of the server's TLS options";

impl ServerConfig {
    /// A fresh report for one connection's verification of its client, if
    /// the server verifies clients.
    pub(crate) fn client_report(&self) -> Option<Arc<VerifyReport>> {
        self.verifies_clients
            .then(|| VerifyReport::new("the client", "", CLIENTS_TRUST))
    }
}

/// The configuration of one `DTLSServer` setup. Cookies bind a client's
/// retried ClientHello to its address.
pub(crate) fn server_config(
    options: &TlsOptions,
    timeout: HandshakeTimeout,
    cookies: Arc<CookieContext>,
    tickets: Option<Arc<TicketContext>>,
) -> Result<ServerConfig> {
    if !options.is_server() {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            "DTLSServer.setup needs server options: TLSOptions.server(key, certificate) or a PSK server",
        ));
    }
    let mut config = base_config(Endpoint::Server, timeout, options)?;
    config.set_dtls_cookies(cookies);
    if let Some(tickets) = tickets {
        config.set_session_tickets_callback(tickets);
    }
    if let Some(Psk::Server(lookup)) = options.psk() {
        config.set_authmode(AuthMode::None);
        let holder = mbedtls_ext::PskLookupHolder::new(Arc::clone(lookup));
        mbedtls_ext::set_psk_lookup(&mut config, &holder);
        return Ok(ServerConfig {
            config: Arc::new(config),
            verifies_clients: false,
            callbacks: ServerCallbacks {
                _psk_lookup: Some(holder),
                _signer: None,
            },
        });
    }
    let (key, certificate) = options
        .private_key()
        .zip(options.own_certificate())
        .ok_or_else(|| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                "DTLSServer.setup needs TLSOptions.server(key, certificate)",
            )
        })?;
    let key = push_identity(&mut config, key, certificate, "server")?;
    let signer = KeyCopies::new(key);
    mbedtls_ext::set_async_signer(&mut config, &signer);
    let verification = options.tuning().client_verification.clone();
    let verifies_clients = verification.is_some();
    match verification {
        Some((trusted, required)) => {
            let chain = trusted.chain().ok_or_else(|| {
                Failure::new(
                    Error::ERR_INVALID_PARAMETER,
                    "the clients' trusted chain is empty",
                )
            })?;
            config.set_authmode(if required {
                AuthMode::Required
            } else {
                AuthMode::Optional
            });
            trust(&mut config, options, chain);
        }
        None => config.set_authmode(AuthMode::None),
    }
    Ok(ServerConfig {
        config: Arc::new(config),
        verifies_clients,
        callbacks: ServerCallbacks {
            _psk_lookup: None,
            _signer: Some(signer),
        },
    })
}
