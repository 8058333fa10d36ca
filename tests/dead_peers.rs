//! Peers that vanish: a client whose server process is killed, and players
//! who stop sending without a close_notify. DTLS has no keep-alive; gdtls
//! notices the first through the system's ICMP "port unreachable" and the
//! second through an idle timeout.

mod support;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gdtls::{Error, PacketPeerDtls, PacketPeerUdp, Status};
use support::dtls::*;
use support::*;

/// Polls `peer` every few milliseconds until `done` holds for it, for at
/// most `limit`; returns how long it took.
fn poll_until(
    peer: &PacketPeerDtls,
    limit: Duration,
    mut each: impl FnMut(),
    done: impl Fn(&PacketPeerDtls) -> bool,
) -> Duration {
    let start = Instant::now();
    while !done(peer) {
        assert!(start.elapsed() < limit, "gave up after {limit:?}");
        each();
        let _ = peer.poll();
        std::thread::sleep(Duration::from_millis(2));
    }
    start.elapsed()
}

/// The server of Godot's example, in C, is killed while a client is
/// connected to it. The client sends a packet once a second, as a game
/// would; the system answers the first one after the kill with ICMP "port
/// unreachable", and the client ends in STATUS_ERROR, saying why.
#[test]
fn a_client_notices_its_server_process_is_gone() {
    let tmp = TempDir::new("dead-server");
    let exe = tmp.join("dtls_server");
    compile_c(&[root().join("ffi-examples/c/dtls_server.c")], &exe, &[]);
    let id = identity();
    id.key.save(&tmp.join("key.key"), false).unwrap();
    id.cert.save(&tmp.join("cert.crt")).unwrap();
    let port = free_udp_port();
    let mut server = Reaped(
        Command::new(&exe)
            .arg(port.to_string())
            .arg(tmp.join("key.key"))
            .arg(tmp.join("cert.crt"))
            .args(["100", "60"])
            .stdout(Stdio::null())
            .spawn()
            .expect("start the C server"),
    );

    // The server may take a moment to listen: a handshake that meets a
    // closed port carries on, and succeeds once it listens.
    let c = client(
        "127.0.0.1",
        i32::from(port),
        "localhost",
        Some(&trusting_client()),
    );
    poll_until(
        &c,
        Duration::from_secs(10),
        || {},
        |p| p.get_status() != Status::STATUS_HANDSHAKING,
    );
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);
    c.put_packet(b"The answer is... 42!").unwrap();
    poll_until(
        &c,
        Duration::from_secs(5),
        || {},
        |p| p.get_available_packet_count() > 0,
    );
    assert_eq!(c.get_packet_vec().unwrap(), b"Hello DTLS client");

    // The worst moment: just after the client's last packet, so that a
    // whole second passes before its next one meets the closed port.
    c.put_packet(b"tick").unwrap();
    let mut last_sent = Some(Instant::now());
    server.0.kill().unwrap();
    server.0.wait().unwrap();
    let killed = Instant::now();
    let failure = loop {
        assert!(killed.elapsed() < Duration::from_secs(5), "never noticed");
        if last_sent.is_none_or(|t| t.elapsed() >= Duration::from_secs(1)) {
            last_sent = Some(Instant::now());
            if let Err(e) = c.put_packet(b"still there?") {
                break e;
            }
        }
        if let Err(e) = c.poll() {
            break e;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let noticed = killed.elapsed();
    println!(
        "a client sending once a second noticed its dead server after {} ms",
        noticed.as_millis()
    );
    assert_eq!(c.get_status(), Status::STATUS_ERROR);
    assert!(noticed < Duration::from_secs(2), "took {noticed:?}");
    assert_eq!(failure.code, Error::ERR_CONNECTION_ERROR, "{failure}");
    assert!(failure.message.contains("port unreachable"), "{failure}");
}

/// The same, seen through `poll`'s own error: the message names the cause.
#[test]
fn poll_says_the_server_is_gone() {
    let (server, c) = connected_session();
    // A stopped server's socket is closed, as a killed process's is.
    server.udp.stop();
    c.put_packet(b"anyone?").unwrap();
    let error = (0..500)
        .find_map(|_| {
            std::thread::sleep(Duration::from_millis(2));
            c.poll().err()
        })
        .expect("the client noticed");
    assert_eq!(c.get_status(), Status::STATUS_ERROR);
    assert_eq!(error.code, Error::ERR_CONNECTION_ERROR);
    assert!(
        error.message.contains("ICMP port unreachable"),
        "{}",
        error.message
    );
}

/// A server's connections take the server's idle timeout: a client that
/// stops sending (without close_notify, as a killed process does) ends in
/// STATUS_ERROR once the timeout passes, and one that keeps sending stays.
#[test]
fn idle_timeout_drops_silent_peers_only() {
    const IDLE: Duration = Duration::from_millis(300);
    let mut server = Server::new("127.0.0.1", &server_options());
    server.dtls.set_idle_timeout(Some(IDLE));
    assert_eq!(server.dtls.idle_timeout(), Some(IDLE));
    let silent = client(
        "127.0.0.1",
        server.port(),
        "localhost",
        Some(&trusting_client()),
    );
    let chatty = client(
        "127.0.0.1",
        server.port(),
        "localhost",
        Some(&trusting_client()),
    );
    settle(&mut server, &[&silent, &chatty]);
    assert_eq!(server.peers.len(), 2);
    assert!(server
        .peers
        .iter()
        .all(|p| p.get_status() == Status::STATUS_CONNECTED));
    assert!(server.peers.iter().all(|p| p.idle_timeout() == Some(IDLE)));

    let start = Instant::now();
    let mut errors = Vec::new();
    while start.elapsed() < Duration::from_millis(1200) {
        chatty.put_packet(b"ping").unwrap();
        let _ = chatty.poll();
        server.udp.poll().unwrap();
        for p in &server.peers {
            if let Err(e) = p.poll() {
                errors.push((start.elapsed(), e));
            }
            while p.get_available_packet_count() > 0 {
                p.get_packet_vec().unwrap();
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let statuses: Vec<Status> = server.peers.iter().map(|p| p.get_status()).collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == Status::STATUS_ERROR)
            .count(),
        1
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == Status::STATUS_CONNECTED)
            .count(),
        1
    );
    let [(when, error)] = &errors[..] else {
        panic!("one peer timed out: {errors:?}")
    };
    assert!(*when >= IDLE, "timed out after {when:?}");
    assert_eq!(error.code, Error::ERR_TIMEOUT);
    assert!(
        error.message.contains("idle timeout 300 ms"),
        "{}",
        error.message
    );
    println!("the silent peer was dropped after {} ms", when.as_millis());

    let dropped = server
        .peers
        .iter()
        .find(|p| p.get_status() == Status::STATUS_ERROR)
        .unwrap();
    assert_eq!(
        dropped.put_packet(b"x").unwrap_err().code,
        Error::ERR_UNCONFIGURED
    );
    let alive = server
        .peers
        .iter()
        .find(|p| p.get_status() == Status::STATUS_CONNECTED)
        .unwrap();
    assert!(alive.idle_time() < IDLE, "{:?}", alive.idle_time());
}

/// A client can time its server out too, and can read how long the server
/// has been silent to run a policy of its own.
#[test]
fn a_client_times_out_a_silent_server_and_reads_its_silence() {
    let (server, c) = connected_session();
    assert_eq!(c.idle_timeout(), None, "off by default, as in Godot");
    std::thread::sleep(Duration::from_millis(120));
    c.poll().unwrap();
    let silence = c.idle_time();
    assert!(silence >= Duration::from_millis(120), "{silence:?}");
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);

    // The server answers once, which counts; then it stays silent.
    server.peers[0].put_packet(b"hello").unwrap();
    poll_until(
        &c,
        Duration::from_secs(5),
        || {},
        |p| p.get_available_packet_count() > 0,
    );
    assert!(c.idle_time() < Duration::from_millis(100));
    c.set_idle_timeout(Some(Duration::from_millis(200)));
    let took = poll_until(
        &c,
        Duration::from_secs(5),
        || {},
        |p| p.get_status() != Status::STATUS_CONNECTED,
    );
    assert_eq!(c.get_status(), Status::STATUS_ERROR);
    assert!(took >= Duration::from_millis(100), "{took:?}");
    assert_eq!(c.get_packet_vec().unwrap(), b"hello", "read packets stay");
}

/// A plain connected UDP peer hears of the refusal too: once, as
/// ERR_CONNECTION_ERROR, after the datagrams that arrived before it.
#[test]
fn a_connected_udp_peer_reports_a_refusal_once() {
    let closed = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let port = i32::from(closed.local_addr().unwrap().port());
    drop(closed);
    let udp = Arc::new(PacketPeerUdp::new());
    udp.connect_to_host("127.0.0.1", port).unwrap();
    udp.put_packet(b"anyone?").unwrap();
    let deadline = Instant::now() + Duration::from_secs(2);
    let error = loop {
        match udp.get_packet_vec() {
            Err(e) if e.code == Error::ERR_UNAVAILABLE => {}
            Err(e) => break e,
            Ok(p) => panic!("nothing was sent to it: {p:?}"),
        }
        assert!(Instant::now() < deadline, "no refusal came");
        std::thread::sleep(Duration::from_millis(1));
    };
    assert_eq!(error.code, Error::ERR_CONNECTION_ERROR);
    assert!(error.message.contains("port unreachable"), "{error}");
    assert_eq!(
        udp.get_packet_vec().unwrap_err().code,
        Error::ERR_UNAVAILABLE,
        "reported once"
    );
    assert_eq!(udp.get_available_packet_count(), 0);
}
