//! HelloVerifyRequests made without a context: a ClientHello without a
//! cookie is answered straight from the socket read, as OpenSSL's
//! `DTLSv1_listen` does, and leaves nothing behind. The answer is the one
//! a server context of mbedTLS makes, field for field (tests/dtls.rs
//! compares them), with a cookie of the server's cookie context, which its
//! connections then verify.

use super::io::client_hello_cookie;

/// The record header, then the handshake header.
const HEADERS: usize = 13 + 12;
const HELLO_VERIFY_REQUEST: u8 = 3;
/// The record's and the HelloVerifyRequest's version: DTLS 1.2, the only
/// one gdtls speaks, as mbedTLS writes them.
const DTLS_1_2: [u8; 2] = [0xfe, 0xfd];

/// Writes into `out` the HelloVerifyRequest answering `datagram` if it is
/// a well-formed ClientHello without a cookie, with the cookie `cookie`
/// writes (into the buffer it is given, returning its length); false for
/// any other datagram, or when no cookie could be made.
pub(crate) fn hello_verify_request(
    datagram: &[u8],
    cookie: impl FnOnce(&mut [u8]) -> Option<usize>,
    out: &mut Vec<u8>,
) -> bool {
    if client_hello_cookie(datagram) != Some(Some(0)) {
        return false;
    }
    // The record's type, epoch and sequence number, and the handshake's
    // message sequence and fragment offset, are the hello's (RFC 6347: the
    // HelloVerifyRequest's record sequence number is the ClientHello's).
    out.clear();
    out.extend_from_slice(&datagram[..HEADERS]);
    out[1..3].copy_from_slice(&DTLS_1_2);
    out[13] = HELLO_VERIFY_REQUEST;
    out.extend_from_slice(&DTLS_1_2);
    out.push(0);
    let at = out.len();
    out.resize(at + 255, 0);
    let Some(n) = cookie(&mut out[at..]).filter(|&n| n <= 255) else {
        return false;
    };
    out.truncate(at + n);
    out[at - 1] = n as u8;
    let body = (out.len() - HEADERS) as u32;
    let [_, b2, b1, b0] = body.to_be_bytes();
    out[14..17].copy_from_slice(&[b2, b1, b0]);
    out[22..25].copy_from_slice(&[b2, b1, b0]);
    let record = (out.len() - 13) as u16;
    out[11..13].copy_from_slice(&record.to_be_bytes());
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cookie-less ClientHello record: headers, version, random, an empty
    /// session id and cookie, then `tail` (suites and the rest).
    fn hello(tail: &[u8]) -> Vec<u8> {
        let body = 2 + 32 + 1 + 1 + tail.len();
        let mut d = vec![22, 0xfe, 0xff, 0, 0, 0, 0, 0, 0, 0, 7];
        d.extend_from_slice(&((12 + body) as u16).to_be_bytes());
        d.extend_from_slice(&[1, 0, 0, body as u8, 0, 0, 0, 0, 0, 0, 0, body as u8]);
        d.extend_from_slice(&[0xfe, 0xfd]);
        d.extend_from_slice(&[9; 32]);
        d.extend_from_slice(&[0, 0]);
        d.extend_from_slice(tail);
        d
    }

    #[test]
    fn answers_a_cookie_less_client_hello() {
        let mut out = Vec::new();
        let cookie = |buf: &mut [u8]| {
            buf[..4].copy_from_slice(&[1, 2, 3, 4]);
            Some(4)
        };
        assert!(hello_verify_request(
            &hello(&[0, 2, 0xc0, 0x2b]),
            cookie,
            &mut out
        ));
        assert_eq!(
            out,
            [
                22, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 7, 0, 19, // record, sequence 7
                3, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 7, // HelloVerifyRequest, 7 bytes
                0xfe, 0xfd, 4, 1, 2, 3, 4, // DTLS 1.2, the cookie
            ]
        );
    }

    #[test]
    fn leaves_everything_else() {
        let mut out = Vec::new();
        let cookie = |_: &mut [u8]| Some(1);
        let mut with_cookie = hello(&[]);
        with_cookie[60] = 1;
        with_cookie.push(5);
        assert!(!hello_verify_request(&with_cookie, cookie, &mut out));
        assert!(
            !hello_verify_request(&hello(&[])[..40], cookie, &mut out),
            "cut"
        );
        assert!(
            !hello_verify_request(&[23; 40], cookie, &mut out),
            "not a hello"
        );
        assert!(
            !hello_verify_request(&hello(&[]), |_| None, &mut out),
            "no cookie made"
        );
    }
}
