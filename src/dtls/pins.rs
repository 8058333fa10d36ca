//! Certificate pinning: a peer is accepted only if a certificate of the
//! chain it sent, or the public key of one, has a SHA-256 the options name.

use crate::tls_options::Pin;

/// Whether one of the certificates of `chain` (DER, in any order) matches
/// one of `pins`; true when there are no pins.
pub(crate) fn chain_matches<'a>(pins: &[Pin], mut chain: impl Iterator<Item = &'a [u8]>) -> bool {
    pins.is_empty() || chain.any(|der| pins.iter().any(|pin| pin.matches(der)))
}

/// Why a peer matching none of `pins` is refused, in words.
pub(crate) fn refusal(whose: &str, pins: &[Pin]) -> String {
    format!(
        "{whose}'s certificate chain matches none of the {} pinned SHA-256 hashes of the TLS options",
        pins.len()
    )
}
