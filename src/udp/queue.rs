//! A bounded FIFO of received datagrams that recycles its buffers, so the
//! steady state of the receive path allocates nothing.

use std::collections::VecDeque;
use std::net::SocketAddr;

use crate::error::{Error, Failure, Result};

/// The largest UDP payload that fits an IPv4 datagram, and so the largest
/// that can be sent to any peer.
pub const MAX_DATAGRAM: usize = 65507;

/// The outcome of reading a packet into a caller's buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PacketRead {
    /// The next packet, this many bytes long, was copied and removed.
    Read(usize),
    /// The buffer is too small for the next packet, which needs this many
    /// bytes; it was left queued.
    TooSmall(usize),
}

/// Runs a `get_packet` into a vector of `limit` bytes, `limit` being more
/// than any packet the source can hold.
pub(crate) fn read_to_vec(
    limit: usize,
    read: impl FnOnce(&mut [u8]) -> Result<PacketRead>,
) -> Result<Vec<u8>> {
    let mut buf = vec![0; limit];
    match read(&mut buf)? {
        PacketRead::Read(n) => {
            buf.truncate(n);
            Ok(buf)
        }
        PacketRead::TooSmall(n) => Err(Failure::new(
            Error::ERR_BUG,
            format!("a {n}-byte packet exceeds the {limit} bytes it cannot exceed"),
        )),
    }
}

/// How many spare buffers a queue keeps for reuse.
const SPARE_BUFFERS: usize = 16;

/// What a datagram costs beyond its payload, as in Godot's ring buffer (an
/// address, a port and a length). Empty datagrams cost something, so a
/// flood of them cannot grow a queue without bound.
const ENTRY_COST: usize = 24;

pub(crate) struct DatagramQueue {
    queue: VecDeque<(SocketAddr, Vec<u8>)>,
    spare: Vec<Vec<u8>>,
    bytes: usize,
    capacity: usize,
}

impl DatagramQueue {
    /// A queue that takes datagrams until they cost `capacity` bytes or
    /// more (payload plus `ENTRY_COST` each): at most `capacity` plus one
    /// datagram, and never too full for one.
    pub(crate) fn new(capacity: usize) -> Self {
        DatagramQueue {
            queue: VecDeque::new(),
            spare: Vec::new(),
            bytes: 0,
            capacity,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.queue.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Whether the queue refuses datagrams now.
    pub(crate) fn is_full(&self) -> bool {
        self.bytes >= self.capacity
    }

    /// Queues a copy of `data`; returns false (dropping it) when full.
    pub(crate) fn push(&mut self, from: SocketAddr, data: &[u8]) -> bool {
        if self.is_full() {
            return false;
        }
        let mut buf = self.spare.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(data);
        self.bytes += data.len() + ENTRY_COST;
        self.queue.push_back((from, buf));
        true
    }

    /// The oldest datagram, without removing it.
    pub(crate) fn front(&self) -> Option<(SocketAddr, &[u8])> {
        self.queue
            .front()
            .map(|(from, data)| (*from, data.as_slice()))
    }

    /// Copies the oldest datagram into `buf` and removes it, or leaves it
    /// when `buf` is too small; `None` when the queue is empty.
    pub(crate) fn take_into(&mut self, buf: &mut [u8]) -> Option<(SocketAddr, PacketRead)> {
        let (from, data) = self.front()?;
        let Some(dest) = buf.get_mut(..data.len()) else {
            return Some((from, PacketRead::TooSmall(data.len())));
        };
        dest.copy_from_slice(data);
        let n = data.len();
        self.pop();
        Some((from, PacketRead::Read(n)))
    }

    /// Removes the oldest datagram, keeping its buffer for reuse.
    pub(crate) fn pop(&mut self) -> Option<SocketAddr> {
        let (from, buf) = self.queue.pop_front()?;
        self.bytes -= buf.len() + ENTRY_COST;
        if self.spare.len() < SPARE_BUFFERS {
            self.spare.push(buf);
        }
        Some(from)
    }

    /// Removes everything queued.
    pub(crate) fn clear(&mut self) {
        while self.pop().is_some() {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_fifo_that_never_wedges() {
        let from: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let mut q = DatagramQueue::new(10);
        assert!(q.push(from, &[1; 30]), "an empty queue takes any datagram");
        assert!(q.is_full());
        assert!(!q.push(from, &[2; 1]));
        assert_eq!(q.front().unwrap().1.len(), 30);
        let mut q2 = DatagramQueue::new(2 * ENTRY_COST + 10);
        assert!(q2.push(from, &[3; 4]) && q2.push(from, &[4; 6]));
        assert!(!q2.push(from, &[5; 1]));
        assert_eq!(q2.len(), 2);
        assert_eq!(q2.front().unwrap().1, &[3; 4]);
        q2.clear();
        assert!(q2.is_empty());
    }

    #[test]
    fn empty_datagrams_fill_a_queue_too() {
        let from: SocketAddr = "127.0.0.1:9".parse().unwrap();
        let mut q = DatagramQueue::new(100 * ENTRY_COST);
        let taken = (0..1000).take_while(|_| q.push(from, &[])).count();
        assert_eq!(taken, 100);
    }
}
