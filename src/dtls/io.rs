//! The bridge between an mbedTLS context and a `Transport`: one datagram per
//! call, never blocking.

use std::sync::Arc;

use mbedtls::error::codes;
use mbedtls::ssl::io::Io;

use crate::error::Error;
use crate::scratch::{self, Scratch};
use crate::transport::Transport;
use crate::udp::MAX_DATAGRAM;

thread_local! {
    /// Where a datagram lands before mbedTLS takes it: a transport may
    /// deliver up to `MAX_DATAGRAM` bytes, more than mbedTLS's own buffer.
    static LANDING: Scratch = Scratch::new(MAX_DATAGRAM);
}

pub(crate) struct DatagramIo {
    transport: Arc<dyn Transport>,
}

impl DatagramIo {
    pub(crate) fn new(transport: Arc<dyn Transport>) -> Self {
        DatagramIo { transport }
    }
}

const RECORD_HEADER: usize = 13;

/// How much of `datagram` to hand to mbedTLS 2.28, which ends a connection
/// on two kinds of junk that it should drop, so that one spoofed datagram
/// would end any connection:
/// - bytes after the last whole record, too few for a record header: after
///   skipping a record it does not expect (an old epoch, a replay) it reads
///   on in the same datagram and fails with an internal error;
/// - an epoch-0 ClientHello too malformed for the same-port reconnection
///   check (RFC 6347, 4.2.8) of an established server connection, which
///   fails with BAD_HS_CLIENT_HELLO.
///
/// The junk and what follows it are cut; 0 means nothing is worth reading.
fn deliverable(datagram: &[u8]) -> usize {
    let mut start = 0;
    while datagram.len() - start >= RECORD_HEADER {
        let rest = &datagram[start..];
        if is_malformed_client_hello(rest) {
            return start;
        }
        start += RECORD_HEADER + usize::from(u16::from_be_bytes([rest[11], rest[12]]));
        if start >= datagram.len() {
            // Whole, or its last record cut: mbedTLS drops a cut record
            // with the rest of the datagram.
            return datagram.len();
        }
    }
    start
}

/// Whether `rest`, a record and what follows it in its datagram, is an
/// epoch-0 ClientHello that mbedTLS's reconnection check (its
/// `mbedtls_ssl_check_dtls_clihlo_cookie`, reading the same bytes) refuses
/// as malformed.
fn is_malformed_client_hello(rest: &[u8]) -> bool {
    const HANDSHAKE: u8 = 22;
    const CLIENT_HELLO: u8 = 1;
    const SESSION_ID_LENGTH: usize = 59;
    let looks_like_one = rest.len() > RECORD_HEADER
        && rest[0] == HANDSHAKE
        && rest[3..5] == [0, 0]
        && rest[RECORD_HEADER] == CLIENT_HELLO;
    if !looks_like_one {
        return false;
    }
    let well_formed = || {
        let fragment_offset = rest.get(19..22)?;
        let session_id = usize::from(*rest.get(SESSION_ID_LENGTH)?);
        let cookie = usize::from(*rest.get(SESSION_ID_LENGTH + 1 + session_id)?);
        let end = SESSION_ID_LENGTH + 2 + session_id + cookie;
        (fragment_offset == [0, 0, 0] && end <= rest.len()).then_some(())
    };
    well_formed().is_none()
}

impl Io for DatagramIo {
    fn recv(&mut self, buf: &mut [u8]) -> mbedtls::Result<usize> {
        scratch::with(&LANDING, |landing| {
            loop {
                return match self.transport.recv_datagram(landing) {
                    // A datagram larger than mbedTLS's buffer holds no valid
                    // record; handing over its start lets mbedTLS drop it.
                    Ok(Some(n)) => match deliverable(&landing[..n.min(buf.len())]) {
                        // mbedTLS reads a return of 0 as end of stream, fatal
                        // for the connection: nothing to read is skipped.
                        0 => continue,
                        n => {
                            buf[..n].copy_from_slice(&landing[..n]);
                            Ok(n)
                        }
                    },
                    Ok(None) => Err(codes::SslWantRead.into()),
                    Err(_) => Err(codes::SslInternalError.into()),
                };
            }
        })
    }

    fn send(&mut self, buf: &[u8]) -> mbedtls::Result<usize> {
        match self.transport.send_datagram(buf) {
            Ok(()) => Ok(buf.len()),
            Err(f) if f.code == Error::ERR_BUSY => Err(codes::SslWantWrite.into()),
            Err(_) => Err(codes::SslInternalError.into()),
        }
    }
}
