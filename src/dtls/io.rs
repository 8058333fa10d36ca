//! The bridge between an mbedTLS context and a `Transport`: one datagram per
//! call, never blocking.

use std::cell::RefCell;
use std::sync::Arc;

use mbedtls::error::codes;
use mbedtls::ssl::io::Io;

use crate::error::Error;
use crate::transport::Transport;
use crate::udp::MAX_DATAGRAM;

thread_local! {
    /// Where a datagram lands before mbedTLS takes it: a transport may
    /// deliver up to `MAX_DATAGRAM` bytes, more than mbedTLS's own buffer.
    static LANDING: RefCell<Box<[u8]>> = RefCell::new(vec![0; MAX_DATAGRAM].into_boxed_slice());
}

pub(crate) struct DatagramIo {
    transport: Arc<dyn Transport>,
}

impl DatagramIo {
    pub(crate) fn new(transport: Arc<dyn Transport>) -> Self {
        DatagramIo { transport }
    }
}

impl Io for DatagramIo {
    fn recv(&mut self, buf: &mut [u8]) -> mbedtls::Result<usize> {
        LANDING.with(|landing| {
            let mut landing = landing.borrow_mut();
            loop {
                return match self.transport.recv_datagram(&mut landing) {
                    // mbedTLS reads a return of 0 as end of stream, fatal for
                    // the connection; an empty datagram carries no record.
                    Ok(Some(0)) => continue,
                    // A datagram larger than mbedTLS's buffer holds no valid
                    // record; handing over its start lets mbedTLS drop it.
                    Ok(Some(n)) => {
                        let n = n.min(buf.len());
                        buf[..n].copy_from_slice(&landing[..n]);
                        Ok(n)
                    }
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
