//! Why a certificate was refused, in words a person can act on.
//!
//! mbedTLS reports a failed verification as one error code and a set of
//! flags. A verify callback sees each certificate of the chain with its own
//! flags; this module keeps what it saw and turns it into a sentence per
//! problem: when an expired certificate expired, which names a certificate
//! for another host carries, that a chain leads to no trusted CA.

use std::sync::{Arc, Mutex};

use mbedtls::x509::{Certificate, Time, VerifyError};

use crate::der;
use crate::mbedtls_ext::VerifySink;

/// One certificate of the peer's chain that failed verification.
struct Problem {
    /// 0 for the peer's own certificate, then up the chain.
    depth: i32,
    subject: String,
    issuer: String,
    not_before: Option<Time>,
    not_after: Option<Time>,
    /// The host names and addresses the certificate is for.
    names: Vec<String>,
    flags: VerifyError,
}

/// What the verification of one connection's peer saw.
pub(crate) struct VerifyReport {
    /// Whose certificate is verified: "the server", "the client".
    whose: &'static str,
    /// The name the certificate must carry ("" for none).
    expected_name: String,
    /// What the chain had to lead to, for "not trusted".
    trust: String,
    problems: Mutex<Vec<Problem>>,
}

impl VerifyReport {
    /// A report for one connection, to hand to its context with
    /// `mbedtls_ext::set_verify`. `whose` names the peer ("the server");
    /// `expected_name` is the host name checked ("" for none); `trust` says
    /// what the chain must lead to.
    pub(crate) fn new(whose: &'static str, expected_name: &str, trust: &str) -> Arc<Self> {
        Arc::new(VerifyReport {
            whose,
            expected_name: expected_name.to_owned(),
            trust: trust.to_owned(),
            problems: Mutex::new(Vec::new()),
        })
    }

    fn record(&self, cert: &Certificate, depth: i32, flags: VerifyError) {
        let problem = Problem {
            depth,
            subject: cert.subject().unwrap_or_default(),
            issuer: cert.issuer().unwrap_or_default(),
            not_before: cert.not_before().ok(),
            not_after: cert.not_after().ok(),
            names: names_of(cert),
            flags,
        };
        let mut problems = self.problems.lock().unwrap_or_else(|p| p.into_inner());
        problems.push(problem);
    }

    /// What went wrong with the peer's certificate, given the flags mbedTLS
    /// reported for the whole chain.
    pub(crate) fn explain(&self, flags: VerifyError) -> String {
        let whose = self.whose;
        let mut problems = self.problems.lock().unwrap_or_else(|p| p.into_inner());
        problems.sort_by_key(|p| p.depth);
        let mut said: Vec<String> = Vec::new();
        for p in problems.iter() {
            let cert = if p.depth == 0 {
                format!("{whose}'s certificate ({})", p.subject)
            } else {
                format!("the certificate '{}' in {whose}'s chain", p.subject)
            };
            said.extend(self.sentences(&cert, p));
        }
        if flags.contains(VerifyError::CERT_MISSING) {
            said.push(format!("{whose} sent no certificate"));
        }
        if said.is_empty() {
            said.push(format!(
                "{whose}'s certificate failed verification (mbedTLS flags {:#x})",
                flags.bits()
            ));
        }
        said.join("; ")
    }

    fn sentences(&self, cert: &str, p: &Problem) -> Vec<String> {
        let mut out = Vec::new();
        let f = p.flags;
        if f.contains(VerifyError::CERT_CN_MISMATCH) {
            let names = if p.names.is_empty() {
                format!("no host name (subject {})", p.subject)
            } else {
                p.names
                    .iter()
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push(format!(
                "{cert} is for {names}, not for '{}'",
                self.expected_name
            ));
        }
        if f.contains(VerifyError::CERT_EXPIRED) {
            out.push(format!("{cert} expired on {}", when(p.not_after)));
        }
        if f.contains(VerifyError::CERT_FUTURE) {
            out.push(format!("{cert} is not valid before {}", when(p.not_before)));
        }
        if f.contains(VerifyError::CERT_NOT_TRUSTED) {
            out.push(format!(
                "{cert}, issued by '{}', does not lead to a trusted CA ({})",
                p.issuer, self.trust
            ));
        }
        if f.contains(VerifyError::CERT_REVOKED) {
            out.push(format!("{cert} is revoked"));
        }
        if f.contains(VerifyError::CERT_BAD_KEY) {
            out.push(format!(
                "{cert} has a key too weak to accept (RSA keys need 2048 bits or more; EC keys a supported curve)"
            ));
        }
        if f.contains(VerifyError::CERT_BAD_MD) {
            out.push(format!(
                "{cert} is signed with a hash too weak to accept (such as SHA-1)"
            ));
        }
        if f.contains(VerifyError::CERT_BAD_PK) {
            out.push(format!("{cert} has a key of a type that is not accepted"));
        }
        if f.intersects(
            VerifyError::CERT_KEY_USAGE
                | VerifyError::CERT_EXT_KEY_USAGE
                | VerifyError::CERT_NS_CERT_TYPE,
        ) {
            out.push(format!(
                "{cert} may not be used for this purpose (its key usage forbids it)"
            ));
        }
        let explained = VerifyError::CERT_CN_MISMATCH
            | VerifyError::CERT_EXPIRED
            | VerifyError::CERT_FUTURE
            | VerifyError::CERT_NOT_TRUSTED
            | VerifyError::CERT_REVOKED
            | VerifyError::CERT_BAD_KEY
            | VerifyError::CERT_BAD_MD
            | VerifyError::CERT_BAD_PK
            | VerifyError::CERT_KEY_USAGE
            | VerifyError::CERT_EXT_KEY_USAGE
            | VerifyError::CERT_NS_CERT_TYPE;
        let rest = f.difference(explained);
        if !rest.is_empty() {
            out.push(format!(
                "{cert} failed other checks (mbedTLS flags {:#x})",
                rest.bits()
            ));
        }
        out
    }
}

impl VerifySink for VerifyReport {
    fn saw(&self, der: &[u8], depth: i32, flags: u32) {
        // Only a refused certificate is worth parsing again.
        if flags == 0 {
            return;
        }
        if let Ok(cert) = Certificate::from_der(der) {
            self.record(&cert, depth, VerifyError::from_bits_truncate(flags));
        }
    }
}

fn when(time: Option<Time>) -> String {
    match time {
        Some(t) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        None => "an unreadable date".to_owned(),
    }
}

/// The DNS names and IP addresses of a certificate's subjectAltName, or its
/// subject's common name when it has none (as mbedTLS checks them).
fn names_of(cert: &Certificate) -> Vec<String> {
    const SUBJECT_ALT_NAME: [u64; 4] = [2, 5, 29, 17];
    let alt_names = cert
        .extensions()
        .unwrap_or_default()
        .into_iter()
        .find(|e| e.oid.components().as_slice() == SUBJECT_ALT_NAME)
        .map(|e| general_names(&e.value))
        .unwrap_or_default();
    if !alt_names.is_empty() {
        return alt_names;
    }
    let subject = cert.subject().unwrap_or_default();
    subject
        .split(", ")
        .filter_map(|part| part.strip_prefix("CN="))
        .map(str::to_owned)
        .collect()
}

/// The dNSName and iPAddress entries of a DER GeneralNames sequence.
fn general_names(der: &[u8]) -> Vec<String> {
    const DNS_NAME: u8 = 0x82;
    const IP_ADDRESS: u8 = 0x87;
    let Some((sequence, _)) = der::item(der).filter(|(i, _)| i.tag == 0x30) else {
        return Vec::new();
    };
    der::children(sequence.value)
        .into_iter()
        .filter_map(|name| match (name.tag, name.value.len()) {
            (DNS_NAME, _) => Some(String::from_utf8_lossy(name.value).into_owned()),
            (IP_ADDRESS, 4) => {
                let ip: [u8; 4] = name.value.try_into().ok()?;
                Some(std::net::Ipv4Addr::from(ip).to_string())
            }
            (IP_ADDRESS, 16) => {
                let ip: [u8; 16] = name.value.try_into().ok()?;
                Some(std::net::Ipv6Addr::from(ip).to_string())
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_names_reads_dns_names_and_addresses() {
        // SEQUENCE { [2] "a.example", [7] 127.0.0.1, [1] "x@y" }
        let der = [
            0x30, 0x14, 0x82, 0x09, b'a', b'.', b'e', b'x', b'a', b'm', b'p', b'l', b'e', 0x87,
            0x04, 127, 0, 0, 1, 0x81, 0x01, b'x',
        ];
        assert_eq!(general_names(&der), ["a.example", "127.0.0.1"]);
        assert!(general_names(&der[..5]).is_empty(), "a cut item is ignored");
        assert!(general_names(&[]).is_empty());
    }
}
