//! How many handshakes a `DTLSServer` runs at once, in all and per source.
//!
//! A ClientHello whose cookie verifies costs the server a context (about
//! 40 KiB) and a signature, and mbedTLS keeps it until the handshake ends or
//! times out. One host cycling through source ports (each gets its own
//! valid cookie) could otherwise hold any number of them, and slow down
//! every player's handshake meanwhile. Each handshake the server accepts
//! takes a slot, given back when the handshake ends (connected, failed,
//! timed out) or its peer is freed; over the limit, a ClientHello with a
//! cookie is dropped before mbedTLS sees it, and the client's own
//! retransmission gets through once a slot is free.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

/// How many handshakes one server runs at once by default: about 10 MiB
/// of contexts, and more than two cores complete in a handshake's time.
pub const DEFAULT_MAX_HANDSHAKES: usize = 256;

/// How many of them one source may hold by default. Players behind one NAT
/// (a LAN party, a campus, a carrier's NAT) share an address; 32 of them
/// connecting within the same fraction of a second is rare, and the rest
/// only wait for their retransmission.
pub const DEFAULT_MAX_HANDSHAKES_PER_SOURCE: usize = 32;

/// Which sources share one per-source allowance: an IPv4 address, or an
/// IPv6 /64 (what one subscriber gets; an attacker has all of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SourceKey {
    V4([u8; 4]),
    V6([u8; 8]),
}

impl SourceKey {
    fn of(addr: SocketAddr) -> Self {
        match addr.ip().to_canonical() {
            IpAddr::V4(v4) => SourceKey::V4(v4.octets()),
            IpAddr::V6(v6) => {
                let mut prefix = [0; 8];
                prefix.copy_from_slice(&v6.octets()[..8]);
                SourceKey::V6(prefix)
            }
        }
    }
}

/// A handshake's place among its server's; dropping it gives it back.
pub(crate) struct HandshakeSlot {
    _token: Arc<()>,
}

struct State {
    max_total: usize,
    max_per_source: usize,
    /// The slots handed out: a dead token is a slot given back. A peer
    /// without an address (a host transport) counts only in the total.
    taken: Vec<(Option<SourceKey>, Weak<()>)>,
}

pub(crate) struct HandshakeLimiter {
    state: Mutex<State>,
}

impl Default for HandshakeLimiter {
    fn default() -> Self {
        HandshakeLimiter {
            state: Mutex::new(State {
                max_total: DEFAULT_MAX_HANDSHAKES,
                max_per_source: DEFAULT_MAX_HANDSHAKES_PER_SOURCE,
                taken: Vec::new(),
            }),
        }
    }
}

impl HandshakeLimiter {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes a slot for a handshake from `source`, or `None` when the
    /// server runs as many as it may, in all or for that source.
    pub(crate) fn try_take(&self, source: Option<SocketAddr>) -> Option<HandshakeSlot> {
        let key = source.map(SourceKey::of);
        let mut st = self.lock();
        st.taken.retain(|(_, token)| token.strong_count() > 0);
        let from_source = key.map_or(0, |k| {
            st.taken
                .iter()
                .filter(|(owner, _)| *owner == Some(k))
                .count()
        });
        if st.taken.len() >= st.max_total || (key.is_some() && from_source >= st.max_per_source) {
            return None;
        }
        let token = Arc::new(());
        st.taken.push((key, Arc::downgrade(&token)));
        Some(HandshakeSlot { _token: token })
    }

    /// How many handshakes hold a slot now.
    pub(crate) fn in_progress(&self) -> usize {
        let mut st = self.lock();
        st.taken.retain(|(_, token)| token.strong_count() > 0);
        st.taken.len()
    }

    pub(crate) fn set_limits(&self, max_total: usize, max_per_source: usize) {
        let mut st = self.lock();
        st.max_total = max_total;
        st.max_per_source = max_per_source;
    }

    pub(crate) fn limits(&self) -> (usize, usize) {
        let st = self.lock();
        (st.max_total, st.max_per_source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(text: &str) -> Option<SocketAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn slots_per_source_and_in_all() {
        let limiter = HandshakeLimiter::default();
        limiter.set_limits(3, 2);
        let a1 = limiter.try_take(addr("10.0.0.1:1000")).unwrap();
        let _a2 = limiter.try_take(addr("10.0.0.1:1001")).unwrap();
        assert!(
            limiter.try_take(addr("[::ffff:10.0.0.1]:1002")).is_none(),
            "a mapped address is the same source"
        );
        let _b = limiter.try_take(addr("10.0.0.2:1000")).unwrap();
        assert!(limiter.try_take(addr("10.0.0.3:1000")).is_none(), "total");
        assert!(limiter.try_take(None).is_none());
        assert_eq!(limiter.in_progress(), 3);
        drop(a1);
        assert_eq!(limiter.in_progress(), 2);
        assert!(limiter.try_take(addr("10.0.0.1:1003")).is_some());
    }

    #[test]
    fn an_ipv6_slash_64_is_one_source() {
        let limiter = HandshakeLimiter::default();
        limiter.set_limits(10, 1);
        let _a = limiter.try_take(addr("[2001:db8:1:2::1]:5")).unwrap();
        assert!(limiter.try_take(addr("[2001:db8:1:2:ffff::9]:5")).is_none());
        assert!(limiter.try_take(addr("[2001:db8:1:3::1]:5")).is_some());
    }

    #[test]
    fn peers_without_an_address_count_in_the_total_only() {
        let limiter = HandshakeLimiter::default();
        limiter.set_limits(2, 1);
        let _a = limiter.try_take(None).unwrap();
        let _b = limiter.try_take(None).unwrap();
        assert!(limiter.try_take(None).is_none());
    }
}
