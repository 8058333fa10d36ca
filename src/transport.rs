//! The one trait every packet source implements.
//!
//! The DTLS engine never owns a socket: it reads and writes datagrams through
//! a `Transport`. A `PacketPeerUdp` is one (over its own socket or a
//! `UdpServer`'s shared one), and so is anything a host brings — its own UDP
//! stack, a relay, a simulated network — which a `PacketPeerUdp` can also
//! wrap, so it is usable everywhere a UDP peer is.

use crate::error::Result;

/// A non-blocking datagram pipe to one remote peer.
///
/// Calls on one transport are never concurrent: the `PacketPeerUdp` wrapping
/// it serialises them. They must not block.
///
/// An `Err` with `ERR_CONNECTION_ERROR`, from either call, means the remote
/// peer is known to be gone (a socket's ICMP "port unreachable"): a
/// connected DTLS peer over the transport then ends in `STATUS_ERROR`, while
/// a handshake carries on (the server may be starting). Any other `Err`
/// ends a DTLS peer at once, its message telling why.
pub trait Transport: Send + Sync {
    /// Sends one whole datagram. `Err` with `ERR_BUSY` means "not now, try
    /// later"; the datagram is then lost, as with a full socket buffer.
    fn send_datagram(&self, data: &[u8]) -> Result<()>;

    /// Receives the next waiting datagram into `buf`, which is always large
    /// enough for any UDP datagram (`MAX_DATAGRAM` bytes or more), and
    /// returns its length; `Ok(None)` when none is waiting.
    fn recv_datagram(&self, buf: &mut [u8]) -> Result<Option<usize>>;

    /// How many datagrams are waiting to be received, if the transport
    /// knows; `None` means "call `recv_datagram` until it returns `None`".
    fn pending_datagrams(&self) -> Result<Option<usize>>;
}
