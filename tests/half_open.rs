//! Half-open handshakes: a host that answers HelloVerifyRequests (so every
//! source port gets a valid cookie) and then never finishes a handshake.
//! Each such handshake costs the server a context; gdtls caps how many run
//! at once, in all and per source, frees them when they time out, and
//! keeps legitimate clients' handshakes as fast as without the attack.

mod support;

use std::net::UdpSocket;
use std::sync::Arc;
use std::time::{Duration, Instant};

use gdtls::{
    Error, HandshakeTimeout, PacketPeerDtls, PacketPeerUdp, Status, DEFAULT_MAX_HANDSHAKES,
    DEFAULT_MAX_HANDSHAKES_PER_SOURCE,
};
use support::dtls::*;
use support::resident_kib;

/// The tests of this file run one at a time: one of them times handshakes,
/// and the others' would slow it.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner())
}

/// A host that opens handshakes and abandons them, each from a port of
/// its own, holding the sockets so that no port is used twice.
struct Attacker {
    hello: Vec<u8>,
    ip: &'static str,
    sockets: Vec<UdpSocket>,
}

impl Attacker {
    fn new(ip: &'static str) -> Self {
        Attacker {
            hello: client_hello(None),
            ip,
            sockets: Vec::new(),
        }
    }

    /// One half-open handshake against `server`: the ClientHello, its
    /// cookie, the ClientHello with it, then silence.
    fn half_open(&mut self, server: &mut Server) {
        let socket = UdpSocket::bind((self.ip, 0)).unwrap();
        socket.set_nonblocking(true).unwrap();
        let target = ("127.0.0.1", server.port() as u16);
        socket.send_to(&self.hello, target).unwrap();
        let mut buf = [0u8; 2048];
        let deadline = Instant::now() + Duration::from_secs(5);
        let n = loop {
            server.frame();
            if let Ok(n) = socket.recv(&mut buf) {
                break n;
            }
            assert!(Instant::now() < deadline, "no HelloVerifyRequest");
        };
        socket
            .send_to(&with_cookie(&self.hello, &buf[..n]), target)
            .unwrap();
        server.frame();
        self.sockets.push(socket);
    }
}

/// A legitimate client from `ip`: how long its verified handshake takes.
fn timed_handshake(server: &mut Server, ip: &str) -> Duration {
    let udp = Arc::new(PacketPeerUdp::new());
    udp.bind(0, ip, 65536).unwrap();
    udp.connect_to_host("127.0.0.1", server.port()).unwrap();
    let c = PacketPeerDtls::new();
    let start = Instant::now();
    c.connect_to_peer(udp, "localhost", Some(&trusting_client()))
        .unwrap();
    while c.get_status() == Status::STATUS_HANDSHAKING {
        assert!(start.elapsed() < Duration::from_secs(10), "handshake hung");
        server.frame();
        let _ = c.poll();
    }
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);
    start.elapsed()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn handshaking(server: &Server) -> usize {
    server
        .peers
        .iter()
        .filter(|p| p.get_status() == Status::STATUS_HANDSHAKING)
        .count()
}

/// 500 half-open handshakes from one host, each from its own port: the
/// server keeps at most its per-source limit of them, its memory grows by
/// that many contexts and no more, and a player on another address
/// connects as fast as before the attack (within 3 times).
#[test]
fn five_hundred_half_open_handshakes_cost_bounded_memory() {
    let _alone = alone();
    assert_eq!(
        (DEFAULT_MAX_HANDSHAKES, DEFAULT_MAX_HANDSHAKES_PER_SOURCE),
        (256, 32)
    );
    let mut server = Server::new("127.0.0.1", &server_options());
    assert_eq!(server.dtls.max_handshakes(), (256, 32));
    let mut attacker = Attacker::new("127.0.0.1");
    // Warm up allocators and the identity, then the unloaded figure.
    for _ in 0..3 {
        timed_handshake(&mut server, "127.0.0.2");
    }
    let unloaded = median(
        (0..5)
            .map(|_| timed_handshake(&mut server, "127.0.0.2"))
            .collect(),
    );
    server.peers.clear();

    let before = resident_kib();
    let mut loaded = Vec::new();
    for i in 0..500 {
        attacker.half_open(&mut server);
        if i % 100 == 99 {
            loaded.push(timed_handshake(&mut server, "127.0.0.2"));
        }
    }
    let grown = resident_kib().saturating_sub(before);
    let held = handshaking(&server);
    let loaded = median(loaded);
    println!(
        "500 half-open handshakes from one host: {held} kept, memory +{grown} KiB; \
         a player's handshake {:.1} ms unloaded, {:.1} ms meanwhile ({:.2}x)",
        unloaded.as_secs_f64() * 1000.0,
        loaded.as_secs_f64() * 1000.0,
        loaded.as_secs_f64() / unloaded.as_secs_f64()
    );
    assert_eq!(held, DEFAULT_MAX_HANDSHAKES_PER_SOURCE);
    assert_eq!(
        server.dtls.handshakes_in_progress(),
        DEFAULT_MAX_HANDSHAKES_PER_SOURCE
    );
    // A context is about 40 KiB; 500 of them would be some 20 MiB.
    assert!(grown < 32 * 100, "memory grew by {grown} KiB");
    assert!(
        loaded <= unloaded * 3,
        "a player's handshake took {loaded:?} under attack, {unloaded:?} without"
    );

    // The same attack with the limits lifted, from a second host: what
    // they save.
    server.dtls.set_max_handshakes(1000, 1000);
    let mut unlimited = Attacker::new("127.0.0.3");
    let before = resident_kib();
    for _ in 0..500 {
        unlimited.half_open(&mut server);
    }
    let unbounded = resident_kib().saturating_sub(before);
    println!(
        "the same 500 without limits: {} kept, memory +{unbounded} KiB",
        handshaking(&server) - held
    );
    assert!(unbounded > 5 * grown.max(100), "+{unbounded} KiB");
}

/// Sources on many addresses fill the total limit and no more.
#[test]
fn the_total_limit_holds_across_sources() {
    let _alone = alone();
    let mut server = Server::new("127.0.0.1", &server_options());
    server.dtls.set_max_handshakes(12, 5);
    assert_eq!(server.dtls.max_handshakes(), (12, 5));
    for ip in ["127.0.0.1", "127.0.0.3", "127.0.0.4", "127.0.0.5"] {
        let mut attacker = Attacker::new(ip);
        for _ in 0..8 {
            attacker.half_open(&mut server);
        }
    }
    assert_eq!(handshaking(&server), 12);
    assert_eq!(server.dtls.handshakes_in_progress(), 12);
    // Freeing handshaking peers gives their places back.
    server.peers.truncate(server.peers.len() - 4);
    assert_eq!(server.dtls.handshakes_in_progress(), 8);
}

/// Over the limit, a ClientHello with a cookie is dropped; the client
/// retransmits it and gets through once a handshake has ended, here by
/// timing out, which also frees its memory while the host still holds the
/// peer.
#[test]
fn a_dropped_hello_gets_through_once_a_timed_out_handshake_leaves() {
    let _alone = alone();
    let mut server = Server::new("127.0.0.1", &server_options());
    server.dtls.set_max_handshakes(1, 1);
    let quick = HandshakeTimeout::new(100, 200).unwrap();
    server.dtls.set_handshake_timeout(quick).unwrap();
    assert_eq!(server.dtls.handshake_timeout(), quick);
    assert_eq!(quick.give_up_after(), Duration::from_millis(300));

    let mut attacker = Attacker::new("127.0.0.1");
    attacker.half_open(&mut server);
    assert_eq!(server.dtls.handshakes_in_progress(), 1);
    let refused_before = server.refused;
    let greeted_before = server.udp.greeted_datagrams();

    let c = client(
        "127.0.0.1",
        server.port(),
        "localhost",
        Some(&trusting_client()),
    );
    let start = Instant::now();
    let mut timed_out = None;
    while c.get_status() == Status::STATUS_HANDSHAKING {
        assert!(start.elapsed() < Duration::from_secs(10), "never connected");
        server.udp.poll().unwrap();
        while server.udp.is_connection_available() {
            let peer = server
                .dtls
                .take_connection(server.udp.take_connection().unwrap());
            if peer.get_status() == Status::STATUS_HANDSHAKING {
                server.peers.push(peer);
            } else {
                server.refused += 1;
            }
        }
        for p in &server.peers {
            if let Err(e) = p.poll() {
                timed_out.get_or_insert((start.elapsed(), e));
            }
        }
        let _ = c.poll();
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);
    let (when, error) = timed_out.expect("the half-open handshake timed out");
    assert_eq!(error.code, Error::ERR_TIMEOUT);
    assert!(error.message.contains("timed out"), "{}", error.message);
    assert!(when < Duration::from_secs(2), "{when:?}");
    assert_eq!(server.peers[0].get_status(), Status::STATUS_ERROR);
    // The cookie exchange happens from the socket read, without a
    // connection, once the DTLS server has taken one.
    assert_eq!(
        server.udp.greeted_datagrams(),
        greeted_before + 1,
        "the cookie exchange"
    );
    assert!(
        server.refused > refused_before,
        "at least one hello over the limit"
    );
    println!(
        "the half-open handshake timed out after {} ms; the dropped client connected after {} ms",
        when.as_millis(),
        start.elapsed().as_millis()
    );
}
