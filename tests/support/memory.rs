//! An in-memory datagram network: each end is a `Transport`, so a DTLS
//! client and server talk in one thread with no sockets, and a test holds
//! every datagram between them. Shared by the tests and the fuzzing
//! harness (which takes this file by path).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use gdtls::{PacketPeerUdp, Transport};

/// Datagrams one wire holds; more are lost, as on a congested network.
const WIRE_CAPACITY: usize = 1024;

/// One direction of the network.
#[derive(Default)]
pub struct Wire(Mutex<VecDeque<Vec<u8>>>);

impl Wire {
    pub fn queue(&self) -> MutexGuard<'_, VecDeque<Vec<u8>>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn push(&self, datagram: Vec<u8>) {
        let mut queue = self.queue();
        if queue.len() < WIRE_CAPACITY {
            queue.push_back(datagram);
        }
    }

    pub fn len(&self) -> usize {
        self.queue().len()
    }

    pub fn take_all(&self) -> Vec<Vec<u8>> {
        self.queue().drain(..).collect()
    }
}

/// One end of a link: reads its inbox, writes its outbox.
pub struct End {
    pub inbox: Arc<Wire>,
    pub outbox: Arc<Wire>,
}

impl Transport for End {
    fn send_datagram(&self, data: &[u8]) -> gdtls::Result<()> {
        self.outbox.push(data.to_vec());
        Ok(())
    }

    fn recv_datagram(&self, buf: &mut [u8]) -> gdtls::Result<Option<usize>> {
        Ok(self.inbox.queue().pop_front().map(|d| {
            let n = d.len().min(buf.len());
            buf[..n].copy_from_slice(&d[..n]);
            n
        }))
    }

    fn pending_datagrams(&self) -> gdtls::Result<Option<usize>> {
        Ok(Some(self.inbox.len()))
    }
}

/// A UDP peer over `inbox` and `outbox`.
pub fn udp_over(inbox: &Arc<Wire>, outbox: &Arc<Wire>) -> Arc<PacketPeerUdp> {
    Arc::new(PacketPeerUdp::from_transport(Box::new(End {
        inbox: Arc::clone(inbox),
        outbox: Arc::clone(outbox),
    })))
}
