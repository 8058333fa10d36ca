//! mbedTLS configurations for DTLS clients and servers, built from
//! `TlsOptions`.

use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

use mbedtls::alloc::List as MbedtlsList;
use mbedtls::rng::{CtrDrbg, OsEntropy};
use mbedtls::ssl::config::{AuthMode, Endpoint, Preset, Transport};
use mbedtls::ssl::{Config, CookieContext};
use mbedtls::x509::Certificate;

use crate::error::{Error, Failure, Result};
use crate::tls_options::TlsOptions;

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

fn base_config(endpoint: Endpoint) -> Result<Config> {
    let mut config = Config::new(endpoint, Transport::Datagram, Preset::Default);
    config.set_rng(shared_rng()?);
    config.set_curves(Arc::clone(&CURVES));
    Ok(config)
}

/// The system's CA bundle, loaded once.
fn system_ca_bundle() -> Result<Arc<MbedtlsList<Certificate>>> {
    static BUNDLE: OnceLock<std::result::Result<Arc<MbedtlsList<Certificate>>, String>> =
        OnceLock::new();
    BUNDLE
        .get_or_init(|| {
            let from_env = std::env::var("SSL_CERT_FILE").ok();
            let candidates = from_env.iter().map(String::as_str).chain(SYSTEM_CA_BUNDLES);
            for path in candidates {
                let Ok(mut pem) = std::fs::read(Path::new(path)) else {
                    continue;
                };
                pem.push(0);
                if let Ok(list) = Certificate::from_pem_multiple(&pem) {
                    return Ok(Arc::new(list));
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

/// A client configuration for `options` (client or unsafe client).
pub(crate) fn client_config(options: &TlsOptions) -> Result<Config> {
    if options.is_server() {
        return Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            "server options cannot connect to a peer: use TLSOptions.client()",
        ));
    }
    let mut config = base_config(Endpoint::Client)?;
    let trusted = options.trusted_ca_chain().and_then(|c| c.chain());
    if options.is_unsafe_client() {
        config.set_authmode(AuthMode::None);
        if let Some(chain) = trusted {
            config.set_ca_list(chain, None);
        }
    } else {
        config.set_authmode(AuthMode::Required);
        config.set_ca_list(trusted.map_or_else(system_ca_bundle, Ok)?, None);
    }
    Ok(config)
}

/// What every connection of one `DTLSServer` setup shares.
pub(crate) fn server_config(options: &TlsOptions) -> Result<Config> {
    let not_server = || {
        Failure::new(
            Error::ERR_INVALID_PARAMETER,
            "DTLSServer.setup needs TLSOptions.server(key, certificate)",
        )
    };
    if !options.is_server() {
        return Err(not_server());
    }
    let key = options
        .private_key()
        .and_then(|k| k.material())
        .ok_or_else(not_server)?;
    let chain = options
        .own_certificate()
        .and_then(|c| c.chain())
        .ok_or_else(not_server)?;
    let mut config = base_config(Endpoint::Server)?;
    config.set_authmode(AuthMode::None);
    config.push_cert(chain, Arc::clone(&key.pk)).map_err(|e| {
        Failure::mbedtls(
            Error::ERR_INVALID_PARAMETER,
            "cannot use the server certificate",
            e,
        )
    })?;
    // Cookies bind a client's retried ClientHello to its address, with a
    // secret fresh for every setup.
    let cookies = CookieContext::new(shared_rng()?).map_err(|e| {
        Failure::mbedtls(
            Error::ERR_CANT_ACQUIRE_RESOURCE,
            "cannot set up DTLS cookies",
            e,
        )
    })?;
    config.set_dtls_cookies(Arc::new(cookies));
    Ok(config)
}
