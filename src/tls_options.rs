//! Godot's `TLSOptions`: what a DTLS client trusts, or what a server presents.

use std::sync::Arc;

use mbedtls::pk::Pk;

use crate::crypto::{CryptoKey, X509Certificate};
use crate::error::{Error, Failure, Result};

/// Which of Godot's three constructors made the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `TLSOptions.client()`: verify the peer's certificate and name.
    Client,
    /// `TLSOptions.client_unsafe()`: accept any certificate.
    ClientUnsafe,
    /// `TLSOptions.server()`: present a certificate with its key.
    Server,
}

/// Godot's `TLSOptions`. Immutable once made, like Godot's; a clone shares
/// the key and certificates.
#[derive(Clone)]
pub struct TlsOptions {
    mode: Mode,
    trusted_ca_chain: Option<Arc<X509Certificate>>,
    common_name_override: String,
    private_key: Option<Arc<CryptoKey>>,
    own_certificate: Option<Arc<X509Certificate>>,
}

impl TlsOptions {
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
            mode: Mode::Client,
            trusted_ca_chain: trusted_chain,
            common_name_override: common_name_override.to_owned(),
            private_key: None,
            own_certificate: None,
        })
    }

    /// Godot's `TLSOptions.client_unsafe(trusted_chain)`: no verification of
    /// the server's certificate. For testing only.
    pub fn client_unsafe(trusted_chain: Option<Arc<X509Certificate>>) -> Result<Self> {
        check_not_empty(trusted_chain.as_deref(), "trusted_chain")?;
        Ok(TlsOptions {
            mode: Mode::ClientUnsafe,
            trusted_ca_chain: trusted_chain,
            common_name_override: String::new(),
            private_key: None,
            own_certificate: None,
        })
    }

    /// Godot's `TLSOptions.server(key, certificate)`. The key must be private
    /// and must match the first certificate of the chain.
    pub fn server(key: Arc<CryptoKey>, certificate: Arc<X509Certificate>) -> Result<Self> {
        let material = key
            .material()
            .ok_or_else(|| Failure::new(Error::ERR_INVALID_PARAMETER, "server key is empty"))?;
        if material.is_public_only() {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                "server key is public only; the private key is needed",
            ));
        }
        let chain = certificate.chain().ok_or_else(|| {
            Failure::new(Error::ERR_INVALID_PARAMETER, "server certificate is empty")
        })?;
        let leaf = chain.iter().next().ok_or_else(|| {
            Failure::new(Error::ERR_INVALID_PARAMETER, "server certificate is empty")
        })?;
        if !Pk::check_pair(leaf.public_key(), &material.pk) {
            return Err(Failure::new(
                Error::ERR_INVALID_PARAMETER,
                "server key does not match the certificate's public key",
            ));
        }
        Ok(TlsOptions {
            mode: Mode::Server,
            trusted_ca_chain: None,
            common_name_override: String::new(),
            private_key: Some(key),
            own_certificate: Some(certificate),
        })
    }

    /// Godot's `TLSOptions.is_server()`.
    pub fn is_server(&self) -> bool {
        self.mode == Mode::Server
    }

    /// Godot's `TLSOptions.is_unsafe_client()`.
    pub fn is_unsafe_client(&self) -> bool {
        self.mode == Mode::ClientUnsafe
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
}

/// A chain that is given must hold certificates: an empty one would silently
/// trust nothing (or, worse, be read as "use the system bundle").
fn check_not_empty(chain: Option<&X509Certificate>, what: &str) -> Result<()> {
    match chain {
        Some(c) if c.is_empty() => Err(Failure::new(
            Error::ERR_INVALID_PARAMETER,
            format!("{what} is an empty certificate"),
        )),
        _ => Ok(()),
    }
}
