//! PacketPeerUDP and UDPServer through the Rust API, on IPv4 and IPv6
//! loopback, including every error Godot defines for them.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gdtls::udp::{PacketPeerUdp, PacketRead, UdpServer, MAX_DATAGRAM};
use gdtls::{Error, Transport};

const LOOPBACKS: [&str; 2] = ["127.0.0.1", "::1"];

/// Polls `f` until it returns Some, for at most two seconds.
fn eventually<T>(mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// A server on IPv4 loopback, a client that has sent it `first`, and the
/// server's peer for that client.
fn server_and_peer(first: &[u8]) -> (UdpServer, PacketPeerUdp, Arc<PacketPeerUdp>) {
    let server = UdpServer::new();
    server.listen(0, "127.0.0.1").unwrap();
    let client = PacketPeerUdp::new();
    client
        .connect_to_host("127.0.0.1", i32::from(server.get_local_port()))
        .unwrap();
    client.put_packet(first).unwrap();
    let peer = eventually(|| server.take_connection());
    (server, client, peer)
}

fn recv(peer: &PacketPeerUdp) -> Vec<u8> {
    eventually(|| (peer.get_available_packet_count() > 0).then(|| peer.get_packet_vec().unwrap()))
}

#[test]
fn bound_peers_exchange_datagrams_on_both_families() {
    for ip in LOOPBACKS {
        let a = PacketPeerUdp::new();
        let b = PacketPeerUdp::new();
        a.bind(0, ip, 65536).unwrap();
        b.bind(0, ip, 65536).unwrap();
        assert!(a.is_bound() && !a.is_socket_connected());
        let (pa, pb) = (i32::from(a.get_local_port()), i32::from(b.get_local_port()));
        assert!(pa > 0 && pb > 0 && pa != pb);

        a.set_dest_address(ip, pb).unwrap();
        a.put_packet(b"ping").unwrap();
        assert_eq!(recv(&b), b"ping");
        let from = b.get_packet_address().unwrap();
        assert_eq!(from, SocketAddr::new(ip.parse().unwrap(), pa as u16));

        b.connect_to_host(ip, pa).unwrap();
        assert!(b.is_socket_connected());
        b.put_packet(b"pong").unwrap();
        assert_eq!(recv(&a), b"pong");
        assert_eq!(a.get_packet_address().unwrap().port() as i32, pb);
        assert_eq!(a.get_max_packet_size(), MAX_DATAGRAM);
    }
}

#[test]
fn wildcard_bind_is_dual_stack_and_reports_ipv4_as_ipv4() {
    let server = PacketPeerUdp::new();
    server.bind(0, "*", 65536).unwrap();
    let port = i32::from(server.get_local_port());
    for ip in LOOPBACKS {
        let client = PacketPeerUdp::new();
        client.connect_to_host(ip, port).unwrap();
        client.put_packet(ip.as_bytes()).unwrap();
        assert_eq!(recv(&server), ip.as_bytes());
        assert_eq!(server.get_packet_address().unwrap().ip().to_string(), ip);
        // The reply goes back through the same dual-stack socket.
        server
            .set_dest_address(ip, i32::from(client.get_local_port()))
            .unwrap();
        server.put_packet(b"back").unwrap();
        assert_eq!(recv(&client), b"back");
    }
}

#[test]
fn names_resolve() {
    let a = PacketPeerUdp::new();
    a.bind(0, "127.0.0.1", 65536).unwrap();
    let b = PacketPeerUdp::new();
    b.connect_to_host("localhost", i32::from(a.get_local_port()))
        .unwrap();
    b.put_packet(b"by name").unwrap();
    assert_eq!(recv(&a), b"by name");
}

#[test]
fn errors_match_godot() {
    let p = PacketPeerUdp::new();
    // Nothing bound, no destination.
    assert_eq!(
        p.put_packet(b"x").unwrap_err().code,
        Error::ERR_UNCONFIGURED
    );
    assert_eq!(p.get_packet(&mut [0; 8]).unwrap_err().code, Error::FAILED);
    assert_eq!(p.get_available_packet_count(), -1);
    assert_eq!(p.get_local_port(), 0);
    assert!(p.get_packet_address().is_none());
    assert_eq!(
        p.wait(Some(Duration::from_millis(1))).unwrap_err().code,
        Error::FAILED
    );
    // Ports and addresses.
    for port in [-1, 65536, i32::MAX, i32::MIN] {
        assert_eq!(
            p.bind(port, "*", 65536).unwrap_err().code,
            Error::ERR_INVALID_PARAMETER
        );
    }
    for port in [0, -1, 65536] {
        assert_eq!(
            p.connect_to_host("127.0.0.1", port).unwrap_err().code,
            Error::ERR_INVALID_PARAMETER
        );
        assert_eq!(
            p.set_dest_address("127.0.0.1", port).unwrap_err().code,
            Error::ERR_INVALID_PARAMETER
        );
    }
    assert_eq!(
        p.bind(0, "not an address", 65536).unwrap_err().code,
        Error::ERR_INVALID_PARAMETER
    );
    assert_eq!(
        p.bind(0, "*", 0).unwrap_err().code,
        Error::ERR_INVALID_PARAMETER
    );
    assert_eq!(
        p.bind(0, "*", -5).unwrap_err().code,
        Error::ERR_INVALID_PARAMETER
    );
    let unresolvable = p.connect_to_host("no-such-host.invalid", 4242).unwrap_err();
    assert_eq!(unresolvable.code, Error::ERR_CANT_RESOLVE);
    assert!(unresolvable.message.contains("no-such-host.invalid"));
    assert_eq!(
        p.set_dest_address("", 4242).unwrap_err().code,
        Error::ERR_CANT_RESOLVE
    );
    assert_eq!(
        p.put_packet(&vec![0; MAX_DATAGRAM + 1]).unwrap_err().code,
        Error::ERR_INVALID_PARAMETER
    );

    // Bound: twice is refused, and a port the system picked for another
    // peer too (only a port given to bind takes SO_REUSEADDR).
    p.bind(0, "127.0.0.1", 65536).unwrap();
    assert_eq!(
        p.bind(0, "127.0.0.1", 65536).unwrap_err().code,
        Error::ERR_ALREADY_IN_USE
    );
    let q = PacketPeerUdp::new();
    let busy = q
        .bind(i32::from(p.get_local_port()), "127.0.0.1", 65536)
        .unwrap_err();
    assert_eq!(busy.code, Error::ERR_UNAVAILABLE);
    assert!(!q.is_bound());
    assert_eq!(p.get_available_packet_count(), 0);
    assert_eq!(
        p.get_packet(&mut [0; 8]).unwrap_err().code,
        Error::ERR_UNAVAILABLE
    );
    assert_eq!(
        p.wait(Some(Duration::from_millis(20))).unwrap_err().code,
        Error::ERR_TIMEOUT
    );
    // An IPv4 socket cannot reach an IPv6 host.
    assert!(p.connect_to_host("::1", 4242).is_err());

    // Connected: the destination is fixed.
    q.connect_to_host("127.0.0.1", i32::from(p.get_local_port()))
        .unwrap();
    assert_eq!(
        q.set_dest_address("127.0.0.1", 9).unwrap_err().code,
        Error::ERR_UNCONFIGURED
    );

    // Closed: back to unbound, destination kept (a put reopens, as in Godot).
    q.close();
    assert!(!q.is_bound() && !q.is_socket_connected());
    assert_eq!(q.get_available_packet_count(), -1);
    q.put_packet(b"again").unwrap();
    assert_eq!(recv(&p), b"again");
}

#[test]
fn a_buffer_too_small_loses_nothing() {
    let a = PacketPeerUdp::new();
    a.bind(0, "127.0.0.1", 65536).unwrap();
    let b = PacketPeerUdp::new();
    b.connect_to_host("127.0.0.1", i32::from(a.get_local_port()))
        .unwrap();
    b.put_packet(&[7; 100]).unwrap();
    b.put_packet(&[8; 3]).unwrap();
    eventually(|| (a.get_available_packet_count() == 2).then_some(()));
    let mut small = [0u8; 99];
    assert_eq!(a.get_packet(&mut small).unwrap(), PacketRead::TooSmall(100));
    assert_eq!(a.get_packet(&mut []).unwrap(), PacketRead::TooSmall(100));
    assert_eq!(a.get_available_packet_count(), 2);
    let mut big = [0u8; 100];
    assert_eq!(a.get_packet(&mut big).unwrap(), PacketRead::Read(100));
    assert_eq!(big, [7; 100]);
    assert_eq!(a.get_packet_vec().unwrap(), [8; 3]);
}

#[test]
fn largest_datagram_and_empty_datagram() {
    for ip in LOOPBACKS {
        let a = PacketPeerUdp::new();
        a.bind(0, ip, 1 << 20).unwrap();
        let b = PacketPeerUdp::new();
        b.connect_to_host(ip, i32::from(a.get_local_port()))
            .unwrap();
        let big: Vec<u8> = (0..MAX_DATAGRAM).map(|i| (i % 251) as u8).collect();
        b.put_packet(&big).unwrap();
        b.put_packet(&[]).unwrap();
        assert_eq!(recv(&a), big);
        assert_eq!(recv(&a), b"");
    }
}

#[test]
fn wait_returns_when_a_packet_arrives() {
    let a = Arc::new(PacketPeerUdp::new());
    a.bind(0, "::1", 65536).unwrap();
    let port = i32::from(a.get_local_port());
    let sender = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        let b = PacketPeerUdp::new();
        b.connect_to_host("::1", port).unwrap();
        b.put_packet(b"wake").unwrap();
    });
    let start = Instant::now();
    a.wait(Some(Duration::from_secs(5))).unwrap();
    assert!(start.elapsed() < Duration::from_secs(4));
    assert_eq!(a.get_packet_vec().unwrap(), b"wake");
    sender.join().unwrap();
}

#[test]
fn server_demultiplexes_by_source_on_both_families() {
    for ip in LOOPBACKS {
        let server = UdpServer::new();
        assert!(!server.is_connection_available());
        assert_eq!(server.poll().unwrap_err().code, Error::ERR_UNCONFIGURED);
        server.listen(0, ip).unwrap();
        assert!(server.is_listening());
        assert_eq!(
            server.listen(0, ip).unwrap_err().code,
            Error::ERR_ALREADY_IN_USE
        );
        let port = i32::from(server.get_local_port());

        let clients: Vec<PacketPeerUdp> = (0..3).map(|_| PacketPeerUdp::new()).collect();
        for (i, c) in clients.iter().enumerate() {
            c.connect_to_host(ip, port).unwrap();
            c.put_packet(format!("hello {i}").as_bytes()).unwrap();
            // In order of arrival.
            std::thread::sleep(Duration::from_millis(2));
        }
        eventually(|| {
            server.poll().unwrap();
            server.is_connection_available().then_some(())
        });
        let mut taken = Vec::new();
        for (i, c) in clients.iter().enumerate() {
            let peer = eventually(|| server.take_connection());
            assert!(peer.is_socket_connected() && peer.is_bound());
            assert_eq!(peer.get_local_port() as i32, port);
            let from = peer.get_packet_address().unwrap();
            assert_eq!(from.port(), c.get_local_port(), "taken in arrival order");
            assert_eq!(from.ip().to_string(), ip);
            assert_eq!(recv(&peer), format!("hello {i}").as_bytes());
            taken.push(peer);
        }
        assert!(server.take_connection().is_none());

        // Each client's datagrams reach its own peer only, and replies go back.
        for (i, c) in clients.iter().enumerate().rev() {
            c.put_packet(format!("second {i}").as_bytes()).unwrap();
        }
        for (i, (c, peer)) in clients.iter().zip(&taken).enumerate() {
            assert_eq!(recv(peer), format!("second {i}").as_bytes());
            assert_eq!(peer.get_available_packet_count(), 0);
            peer.put_packet(format!("reply {i}").as_bytes()).unwrap();
            assert_eq!(recv(c), format!("reply {i}").as_bytes());
        }
        assert!(!server.is_connection_available());

        // A peer cannot be re-bound or re-connected.
        assert_eq!(
            taken[0].bind(0, "*", 65536).unwrap_err().code,
            Error::ERR_ALREADY_IN_USE
        );
        assert_eq!(
            taken[0].connect_to_host(ip, 1).unwrap_err().code,
            Error::ERR_LOCKED
        );

        // A dropped peer frees its source: the next datagram is a new connection.
        drop(taken.remove(0));
        clients[0].put_packet(b"retry").unwrap();
        let again = eventually(|| server.take_connection());
        assert_eq!(
            again.get_packet_address().unwrap().port(),
            clients[0].get_local_port()
        );
        assert_eq!(recv(&again), b"retry");

        // Stop closes the taken peers; the server can listen again.
        server.stop();
        assert!(!server.is_listening() && server.get_local_port() == 0);
        assert!(!again.is_bound());
        assert_eq!(again.get_available_packet_count(), -1);
        assert_eq!(again.put_packet(b"x").unwrap_err().code, Error::FAILED);
        server.listen(0, ip).unwrap();
        assert!(!again.is_bound(), "peers of an earlier listen stay closed");
    }
}

/// More new sources than pending slots: none is lost and all are served in
/// arrival order, as slots free up, without waiting for a retransmission.
/// A host may poll its connections in a loop of its own and never the
/// server: a look that finds nothing may leave the shared socket unread
/// once, when it was read lately, but the next look reads it.
#[test]
fn a_connection_polled_alone_sees_a_datagram_within_two_looks() {
    let (_server, client, peer) = server_and_peer(b"first");
    assert_eq!(peer.get_packet_vec().unwrap(), b"first");
    for round in 0..50 {
        // The datagram is in the socket's queue when put_packet returns.
        client.put_packet(format!("{round}").as_bytes()).unwrap();
        (1..=2)
            .find(|_| peer.get_available_packet_count() > 0)
            .unwrap_or_else(|| panic!("round {round}: two looks saw nothing"));
        assert_eq!(
            peer.get_packet_vec().unwrap(),
            format!("{round}").as_bytes()
        );
    }
}

#[test]
fn sources_beyond_the_pending_limit_wait_instead_of_being_dropped() {
    let server = UdpServer::new();
    server.listen(0, "127.0.0.1").unwrap();
    assert_eq!(server.get_max_pending_connections(), 16);
    assert_eq!(
        server.set_max_pending_connections(-1).unwrap_err().code,
        Error::ERR_INVALID_PARAMETER
    );
    server.set_max_pending_connections(2).unwrap();
    let port = i32::from(server.get_local_port());
    let clients: Vec<PacketPeerUdp> = (0..50).map(|_| PacketPeerUdp::new()).collect();
    for (i, c) in clients.iter().enumerate() {
        c.connect_to_host("127.0.0.1", port).unwrap();
        c.put_packet(format!("hello {i}").as_bytes()).unwrap();
        c.put_packet(format!("more {i}").as_bytes()).unwrap();
    }
    std::thread::sleep(Duration::from_millis(20));
    server.poll().unwrap();
    for (i, c) in clients.iter().enumerate() {
        let peer = eventually(|| server.take_connection());
        assert_eq!(
            peer.get_packet_address().unwrap().port(),
            c.get_local_port(),
            "client {i} in order"
        );
        assert_eq!(recv(&peer), format!("hello {i}").as_bytes());
        assert_eq!(recv(&peer), format!("more {i}").as_bytes());
    }
    assert!(server.take_connection().is_none());
    assert_eq!(server.dropped_datagrams(), 0);

    // With no slot at all, sources wait until one opens.
    server.set_max_pending_connections(0).unwrap();
    let late = PacketPeerUdp::new();
    late.connect_to_host("127.0.0.1", port).unwrap();
    late.put_packet(b"late").unwrap();
    std::thread::sleep(Duration::from_millis(20));
    assert!(!server.is_connection_available());
    server.set_max_pending_connections(1).unwrap();
    let peer = server
        .take_connection()
        .expect("promoted when a slot opened");
    assert_eq!(recv(&peer), b"late");
}

/// An in-memory network: each end's transport reads what the other sent.
#[derive(Clone, Default)]
struct Wire(Arc<Mutex<VecDeque<Vec<u8>>>>);

struct Pipe {
    outgoing: Wire,
    incoming: Wire,
}

impl Transport for Pipe {
    fn send_datagram(&self, data: &[u8]) -> gdtls::Result<()> {
        self.outgoing.0.lock().unwrap().push_back(data.to_vec());
        Ok(())
    }
    fn recv_datagram(&self, buf: &mut [u8]) -> gdtls::Result<Option<usize>> {
        Ok(self.incoming.0.lock().unwrap().pop_front().map(|d| {
            buf[..d.len()].copy_from_slice(&d);
            d.len()
        }))
    }
    fn pending_datagrams(&self) -> gdtls::Result<Option<usize>> {
        Ok(Some(self.incoming.0.lock().unwrap().len()))
    }
}

#[test]
fn host_transports_carry_datagrams() {
    let (ab, ba) = (Wire::default(), Wire::default());
    let a = PacketPeerUdp::from_transport(Box::new(Pipe {
        outgoing: ab.clone(),
        incoming: ba.clone(),
    }));
    let b = PacketPeerUdp::from_transport(Box::new(Pipe {
        outgoing: ba,
        incoming: ab,
    }));
    assert!(a.is_bound() && a.is_socket_connected());
    assert_eq!(a.get_local_port(), 0);
    for i in 0..100u8 {
        a.put_packet(&[i; 10]).unwrap();
    }
    assert_eq!(b.get_available_packet_count(), 100);
    for i in 0..100u8 {
        assert_eq!(b.get_packet_vec().unwrap(), [i; 10]);
    }
    b.put_packet(b"back").unwrap();
    assert_eq!(a.get_packet_vec().unwrap(), b"back");
    assert_eq!(
        a.bind(0, "*", 65536).unwrap_err().code,
        Error::ERR_ALREADY_IN_USE
    );
    assert_eq!(
        a.wait(Some(Duration::from_millis(1))).unwrap_err().code,
        Error::ERR_UNAVAILABLE
    );
}

/// Godot's sockets, and so gdtls's, take SO_REUSEADDR (see
/// tests/godot_udp.rs for two servers sharing a port, as in Godot); a port
/// held by a socket without it cannot be taken, and the error says why.
#[test]
fn a_port_held_without_reuse_is_refused() {
    let holder = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = i32::from(holder.local_addr().unwrap().port());
    let server = UdpServer::new();
    let e = server.listen(port, "127.0.0.1").unwrap_err();
    assert_eq!(e.code, Error::ERR_UNAVAILABLE);
    assert!(e.message.contains("Address already in use"), "{e}");
    assert!(!server.is_listening());
    let peer = PacketPeerUdp::new();
    let e = peer.bind(port, "127.0.0.1", 65536).unwrap_err();
    assert_eq!(e.code, Error::ERR_UNAVAILABLE);
    drop(holder);
    server.listen(port, "127.0.0.1").unwrap();
    // Another SO_REUSEADDR socket joins it, as in Godot.
    peer.bind(port, "127.0.0.1", 65536).unwrap();
}

/// Godot 4's multicast groups, on the loopback interface: a peer that
/// joined a group receives what is sent to it, and after leaving, no more.
/// IPv6 groups are joined and left (this machine's loopback routes no IPv6
/// multicast to send through).
#[test]
fn multicast_groups_on_loopback() {
    const GROUP: &str = "239.255.77.77";
    let peer = PacketPeerUdp::new();
    assert_eq!(
        peer.join_multicast_group(GROUP, "lo").unwrap_err().code,
        Error::ERR_UNCONFIGURED,
        "no socket yet"
    );
    peer.bind(0, "*", 65536).unwrap();
    let port = peer.get_local_port();
    for (address, interface, code) in [
        ("127.0.0.1", "lo", Error::ERR_INVALID_PARAMETER),
        ("not an address", "lo", Error::ERR_INVALID_PARAMETER),
        (GROUP, "no-such-interface0", Error::ERR_INVALID_PARAMETER),
    ] {
        let e = peer.join_multicast_group(address, interface).unwrap_err();
        assert_eq!(e.code, code, "{address} on {interface}: {e}");
    }
    let e = peer.leave_multicast_group(GROUP, "lo").unwrap_err();
    assert_eq!(e.code, Error::FAILED, "not joined: {e}");

    let sender = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::DGRAM, None).unwrap();
    sender
        .set_multicast_if_v4(&std::net::Ipv4Addr::LOCALHOST)
        .unwrap();
    let sender: std::net::UdpSocket = sender.into();
    let to = (GROUP, port);
    let deliver = |text: &[u8]| {
        sender.send_to(text, to).unwrap();
        std::thread::sleep(Duration::from_millis(50));
        let mut got = Vec::new();
        while peer.get_available_packet_count() > 0 {
            got.push(peer.get_packet_vec().unwrap());
        }
        got
    };
    assert!(deliver(b"before").is_empty(), "not a member yet");
    peer.join_multicast_group(GROUP, "lo").unwrap();
    assert_eq!(deliver(b"member"), [b"member"]);
    peer.leave_multicast_group(GROUP, "lo").unwrap();
    assert!(deliver(b"after").is_empty(), "left the group");

    // The system's own choice of interface, and IPv6.
    peer.join_multicast_group(GROUP, "").unwrap();
    peer.leave_multicast_group(GROUP, "").unwrap();
    peer.join_multicast_group("ff12::7777", "lo").unwrap();
    peer.leave_multicast_group("ff12::7777", "lo").unwrap();
    let v4_only = PacketPeerUdp::new();
    v4_only.bind(0, "127.0.0.1", 65536).unwrap();
    assert_eq!(
        v4_only
            .join_multicast_group("ff12::7777", "lo")
            .unwrap_err()
            .code,
        Error::ERR_INVALID_PARAMETER
    );

    // A server's peer shares its socket, and cannot join.
    let (_server, _client, taken) = server_and_peer(b"hi");
    assert_eq!(
        taken.join_multicast_group(GROUP, "lo").unwrap_err().code,
        Error::ERR_LOCKED
    );
}
