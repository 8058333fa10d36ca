//! The bridge between an mbedTLS context and a `Transport`: one datagram per
//! call, never blocking.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use mbedtls::error::codes;
use mbedtls::ssl::io::Io;

use crate::error::{Error, Failure};
use crate::scratch::{self, Scratch};
use crate::transport::Transport;
use crate::udp::MAX_DATAGRAM;

thread_local! {
    /// Where a datagram lands before mbedTLS takes it: a transport may
    /// deliver up to `MAX_DATAGRAM` bytes, more than mbedTLS's own buffer.
    static LANDING: Scratch = Scratch::new(MAX_DATAGRAM);
}

/// What crossed a connection's transport, headers and all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Traffic {
    pub datagrams_received: u64,
    pub bytes_received: u64,
    pub datagrams_sent: u64,
    pub bytes_sent: u64,
}

/// A connection's `Traffic`, counted as it goes: shared with the peer,
/// which reads it after mbedTLS has let go of the transport.
#[derive(Default)]
pub(crate) struct TrafficCounter {
    datagrams_received: AtomicU64,
    bytes_received: AtomicU64,
    datagrams_sent: AtomicU64,
    bytes_sent: AtomicU64,
}

impl TrafficCounter {
    pub(crate) fn get(&self) -> Traffic {
        Traffic {
            datagrams_received: self.datagrams_received.load(Ordering::Relaxed),
            bytes_received: self.bytes_received.load(Ordering::Relaxed),
            datagrams_sent: self.datagrams_sent.load(Ordering::Relaxed),
            bytes_sent: self.bytes_sent.load(Ordering::Relaxed),
        }
    }

    fn received(&self, bytes: usize) {
        self.datagrams_received.fetch_add(1, Ordering::Relaxed);
        self.bytes_received
            .fetch_add(bytes as u64, Ordering::Relaxed);
    }

    fn sent(&self, bytes: usize) {
        self.datagrams_sent.fetch_add(1, Ordering::Relaxed);
        self.bytes_sent.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

/// How many datagrams `transport` knows are waiting, each a read that finds
/// one (0: a read would find nothing and report nothing); `None` when it
/// cannot tell, or has something to report.
pub(crate) fn datagrams_waiting(transport: &dyn Transport) -> Option<usize> {
    transport.pending_datagrams().ok().flatten()
}

pub(crate) struct DatagramIo {
    transport: Arc<dyn Transport>,
    traffic: Arc<TrafficCounter>,
    /// How many more datagrams mbedTLS may read (none: no limit).
    reads_left: Option<u32>,
    /// Sends wait: mbedTLS is told to try again later.
    hold_sends: bool,
    /// Why the transport last failed: mbedTLS only hears "internal error",
    /// the peer tells the host this.
    failure: Option<Failure>,
    /// The transport said the remote peer is gone (ICMP port unreachable).
    /// mbedTLS hears nothing of it; the peer decides what it means.
    gone: Option<Failure>,
}

impl DatagramIo {
    /// Datagrams through `transport`, counted in `traffic`.
    pub(crate) fn new(transport: Arc<dyn Transport>, traffic: Arc<TrafficCounter>) -> Self {
        DatagramIo {
            transport,
            traffic,
            reads_left: None,
            hold_sends: false,
            failure: None,
            gone: None,
        }
    }

    /// Lets mbedTLS read only `limit` more datagrams (`None`: any number);
    /// after that, reads find nothing waiting.
    pub(crate) fn limit_reads(&mut self, limit: Option<u32>) {
        self.reads_left = limit;
    }

    /// Makes sends wait (mbedTLS hears "try again later") until released:
    /// what it writes meanwhile never leaves.
    pub(crate) fn hold_sends(&mut self, hold: bool) {
        self.hold_sends = hold;
    }

    /// Whether datagrams wait in the transport: a server's connection can
    /// find some that another connection's read routed to it.
    pub(crate) fn has_pending(&self) -> bool {
        matches!(self.transport.pending_datagrams(), Ok(Some(1..)))
    }

    /// Why the transport failed, if it did since the last call.
    pub(crate) fn take_failure(&mut self) -> Option<Failure> {
        self.failure.take()
    }

    /// Whether the transport reported the remote peer gone since the last
    /// call, and in which words.
    pub(crate) fn take_gone(&mut self) -> Option<Failure> {
        self.gone.take()
    }

    /// Sorts a transport error: "gone" is kept for the peer and `None`
    /// returned (mbedTLS carries on); anything else is kept as the failure
    /// and mbedTLS is told the transport failed.
    fn transport_error(&mut self, f: Failure) -> Option<mbedtls::Error> {
        if f.code == Error::ERR_CONNECTION_ERROR {
            self.gone = Some(f);
            None
        } else {
            self.failure = Some(f);
            Some(codes::SslInternalError.into())
        }
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
/// mbedTLS judges a ClientHello by the bytes it holds, from the record to
/// the end of what it was handed: so is it judged here, against the
/// datagram as cut, and a cut can make an earlier ClientHello malformed in
/// turn, which cuts again.
fn deliverable(datagram: &[u8]) -> usize {
    let mut end = whole_records(datagram);
    'cut: loop {
        let mut start = 0;
        // A last record longer than what is left stops the scan, as the
        // whole rest is handed over.
        while start + RECORD_HEADER <= end {
            let rest = &datagram[start..end];
            if client_hello_cookie(rest) == Some(None) {
                end = start;
                continue 'cut;
            }
            start += RECORD_HEADER + record_length(rest);
        }
        return end;
    }
}

/// `datagram` up to the end of its last whole record, or whole when its
/// last record is cut (mbedTLS drops a cut record with the rest of the
/// datagram): stray bytes too few for a header are cut.
fn whole_records(datagram: &[u8]) -> usize {
    let mut start = 0;
    while datagram.len() - start >= RECORD_HEADER {
        start += RECORD_HEADER + record_length(&datagram[start..]);
        if start >= datagram.len() {
            return datagram.len();
        }
    }
    start
}

/// The length field of the record header `rest` starts with.
fn record_length(rest: &[u8]) -> usize {
    usize::from(u16::from_be_bytes([rest[11], rest[12]]))
}

/// The cookie length of `rest`, a record and what follows it in its
/// datagram, if it is an epoch-0 ClientHello: `None` for any other record,
/// `Some(None)` for a ClientHello that mbedTLS's reconnection check (its
/// `mbedtls_ssl_check_dtls_clihlo_cookie`, reading the same bytes) refuses
/// as malformed.
pub(crate) fn client_hello_cookie(rest: &[u8]) -> Option<Option<usize>> {
    const HANDSHAKE: u8 = 22;
    const CLIENT_HELLO: u8 = 1;
    const SESSION_ID_LENGTH: usize = 59;
    let looks_like_one = rest.len() > RECORD_HEADER
        && rest[0] == HANDSHAKE
        && rest[3..5] == [0, 0]
        && rest[RECORD_HEADER] == CLIENT_HELLO;
    if !looks_like_one {
        return None;
    }
    let well_formed = || {
        let fragment_offset = rest.get(19..22)?;
        let session_id = usize::from(*rest.get(SESSION_ID_LENGTH)?);
        let cookie = usize::from(*rest.get(SESSION_ID_LENGTH + 1 + session_id)?);
        let end = SESSION_ID_LENGTH + 2 + session_id + cookie;
        (fragment_offset == [0, 0, 0] && end <= rest.len()).then_some(cookie)
    };
    Some(well_formed())
}

/// Whether `datagram` starts with a ClientHello that carries a cookie: the
/// one a server accepts and keeps state for, if the cookie verifies.
pub(crate) fn carries_cookie(datagram: &[u8]) -> bool {
    matches!(client_hello_cookie(datagram), Some(Some(n)) if n > 0)
}

impl Io for DatagramIo {
    fn recv(&mut self, buf: &mut [u8]) -> mbedtls::Result<usize> {
        if self.reads_left == Some(0) {
            return Err(codes::SslWantRead.into());
        }
        scratch::with(&LANDING, |landing| {
            loop {
                return match self.transport.recv_datagram(landing) {
                    // A datagram larger than mbedTLS's buffer holds no valid
                    // record; handing over its start lets mbedTLS drop it.
                    Ok(Some(n)) => {
                        self.traffic.received(n);
                        match deliverable(&landing[..n.min(buf.len())]) {
                            // mbedTLS reads a return of 0 as end of stream, fatal
                            // for the connection: nothing to read is skipped.
                            0 => continue,
                            n => {
                                buf[..n].copy_from_slice(&landing[..n]);
                                self.reads_left = self.reads_left.map(|left| left - 1);
                                Ok(n)
                            }
                        }
                    }
                    Ok(None) => Err(codes::SslWantRead.into()),
                    // After "gone", what is still queued waits for the next
                    // read: a transport that keeps saying it cannot loop here.
                    Err(f) => Err(self
                        .transport_error(f)
                        .unwrap_or_else(|| codes::SslWantRead.into())),
                };
            }
        })
    }

    fn send(&mut self, buf: &[u8]) -> mbedtls::Result<usize> {
        if self.hold_sends {
            return Err(codes::SslWantWrite.into());
        }
        match self.transport.send_datagram(buf) {
            Ok(()) => {
                self.traffic.sent(buf.len());
                Ok(buf.len())
            }
            Err(f) if f.code == Error::ERR_BUSY => Err(codes::SslWantWrite.into()),
            // A datagram to a peer that is gone is lost, as networks lose
            // datagrams.
            Err(f) => self.transport_error(f).map_or(Ok(buf.len()), Err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An epoch-0 ClientHello record of `body_len` bytes of body whose
    /// cookie (of `cookie_len` bytes) ends `cookie_len` bytes after the
    /// session id.
    fn client_hello(cookie_len: u8, record_len: u16) -> Vec<u8> {
        let mut d = vec![22, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0];
        d.extend_from_slice(&record_len.to_be_bytes());
        d.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        d.extend_from_slice(&[0xfe, 0xfd]);
        d.extend_from_slice(&[7; 32]);
        d.push(0); // no session id
        d.push(cookie_len);
        d.extend(std::iter::repeat_n(9, usize::from(cookie_len)));
        d
    }

    #[test]
    fn whole_datagrams_and_stray_bytes() {
        let hello = client_hello(4, 52);
        assert_eq!(deliverable(&hello), hello.len());
        let mut stray = hello.clone();
        stray.extend_from_slice(&[1, 2, 3]);
        assert_eq!(
            deliverable(&stray),
            hello.len(),
            "three stray bytes are cut"
        );
        assert_eq!(deliverable(&[1, 2, 3]), 0);
        let mut long_last = hello.clone();
        long_last.extend_from_slice(&[23, 0xfe, 0xfd, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
        assert_eq!(
            deliverable(&long_last),
            long_last.len(),
            "a last record cut short goes whole: mbedTLS drops it"
        );
    }

    /// The ClientHello's cookie reaches into the stray bytes after an
    /// empty second record: within the datagram, but not within what
    /// mbedTLS is handed once they are cut, so it is cut too.
    #[test]
    fn a_client_hello_is_judged_on_the_datagram_as_cut() {
        let mut datagram = client_hello(0, 48);
        let body_end = datagram.len();
        datagram.extend_from_slice(&[23, 0xfe, 0xfd, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(deliverable(&datagram), datagram.len(), "well formed");
        // Now claim a cookie of 20 bytes, ending inside the stray bytes.
        datagram[body_end - 1] = 20;
        datagram.extend_from_slice(&[5; 8]);
        assert_eq!(
            whole_records(&datagram),
            datagram.len() - 8,
            "the stray bytes go"
        );
        assert_eq!(deliverable(&datagram), 0, "and the ClientHello with them");
    }
}
