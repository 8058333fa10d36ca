//! The benchmark table of `make bench`: gdtls, OpenSSL 3 (its side is
//! benches/openssl/bench.c), Godot 3.2.3 (benches/godot/bench.gd) and plain
//! UDP run the same scenarios, one after the other, each on one thread with
//! both ends in one process (but for gdtls's threaded server, whose
//! threads share the machine's cores with its clients). The machines are
//! shared and noisy, so the ratios are the result; the absolute figures
//! only hold for the run that printed them.
//!
//! `cargo bench --bench bench -- SCENARIO...` runs only the gdtls
//! scenarios named (the names in `main`; an unknown name lists them) and
//! prints their figures, without the other sides and the table.

use std::collections::HashMap;
use std::net::UdpSocket;
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use gdtls::{DtlsServer, PacketPeerDtls, PacketPeerUdp, PacketRead, Status, TlsOptions, UdpServer};

// The tests' helpers: the server run like Godot's example, clients, the
// identities, bench.c, child processes and memory readings.
#[path = "../tests/support/mod.rs"]
mod support;
use support::dtls::{client, client_hello, ecdsa_identity, identity, Server};
use support::{free_udp_port, openssl_bench, parse_bench_lines, resident_kib, run_within, TempDir};

/// How long the handshake and echo scenarios run.
const WINDOW: Duration = Duration::from_secs(3);
/// How long the ping scenario runs.
const LATENCY_WINDOW: Duration = Duration::from_secs(2);
/// No scenario may take longer; a burst that does is reported as this.
const LIMIT: Duration = Duration::from_secs(30);
const GODOT_LIMIT: Duration = Duration::from_secs(120);
/// bench.c runs every DTLS scenario, about 40 s in all.
const OPENSSL_LIMIT: Duration = Duration::from_secs(180);
const BURST: usize = 50;
const BIG_BURST: usize = 200;
const PAYLOAD: usize = 1000;
const IN_FLIGHT: usize = 32;
const PING: usize = 100;
/// An echo this late means the datagrams in flight were lost.
const STALL: Duration = Duration::from_millis(100);
const WARM_UP: usize = 5;
const SESSIONS: usize = 50;
const MANY_SESSIONS: usize = 1000;
const IDLE_FRAMES: usize = 200;
const FLOOD_SOURCES: usize = 500;
const HELLOS_PER_SOURCE: usize = 10;
/// A server that took no connection for this long has answered the flood.
const FLOOD_IDLE: Duration = Duration::from_millis(200);
/// Handshake type of a HelloVerifyRequest, after the 13-byte record header.
const HELLO_VERIFY_REQUEST: u8 = 3;
/// Handshakes the threaded server's clients keep under way at once: enough
/// that each worker always has a flight to sign.
const THREADED_CLIENTS: usize = 8;
/// How long the threaded server runs before its handshakes are counted.
const THREADED_WARM_UP: Duration = Duration::from_millis(500);
/// How long a thread of the threaded scenario sleeps after each pass over
/// its work, so that threads waiting for datagrams leave the cores to
/// those that sign.
const NAP: Duration = Duration::from_micros(100);

struct Identity {
    server: TlsOptions,
    /// Clients that make a full handshake every time, as Godot's do.
    client: TlsOptions,
    /// Clients that resume their session when they reconnect.
    resuming_client: TlsOptions,
}

impl Identity {
    /// A server with one of the tests' keys and certificates for
    /// "localhost", and clients that trust the certificate and check the
    /// host name against it.
    fn new(id: &support::dtls::Identity) -> Self {
        let trusting = || TlsOptions::client(Some(id.cert.clone()), "").unwrap();
        let client = trusting();
        client.set_session_resumption(false);
        Identity {
            server: TlsOptions::server(id.key.clone(), id.cert.clone()).unwrap(),
            client,
            resuming_client: trusting(),
        }
    }
}

/// What a scenario measured, by key.
type Figures = Vec<(&'static str, f64)>;

fn is_connected(peer: &PacketPeerDtls) -> bool {
    peer.get_status() == Status::STATUS_CONNECTED
}

/// Starts `n` clients back to back and runs `server` until they and their
/// server ends are connected; `None` past `LIMIT`.
fn connect(server: &mut Server, options: &TlsOptions, n: usize) -> Option<Vec<PacketPeerDtls>> {
    let first_peer = server.peers.len();
    let clients: Vec<_> = (0..n)
        .map(|_| client("127.0.0.1", server.port(), "localhost", Some(options)))
        .collect();
    let deadline = Instant::now() + LIMIT;
    while !(clients.iter().all(is_connected)
        && server.peers.len() >= first_peer + n
        && server.peers[first_peer..].iter().all(is_connected))
    {
        if Instant::now() > deadline {
            return None;
        }
        server.frame();
        for c in &clients {
            let _ = c.poll();
        }
    }
    Some(clients)
}

/// Closes and drops `clients` and every server end.
fn close(server: &mut Server, clients: Vec<PacketPeerDtls>) {
    for peer in clients.iter().chain(&server.peers) {
        peer.disconnect_from_peer();
    }
    server.peers.clear();
}

/// Closes and drops `clients` and as many server ends, the first ones.
fn close_first(server: &mut Server, clients: Vec<PacketPeerDtls>) {
    let n = clients.len();
    for peer in clients.iter().chain(&server.peers[..n]) {
        peer.disconnect_from_peer();
    }
    server.peers.drain(..n);
}

/// Handshakes of `client` with one server, one after the other. A client
/// that resumes sessions has established its first before the count.
fn handshakes_per_s(id: &Identity, client: &TlsOptions) -> f64 {
    let mut server = Server::new("127.0.0.1", &id.server);
    let mut handshake = || {
        let clients = connect(&mut server, client, 1).expect("a handshake within the time limit");
        let resumed = clients[0].is_session_resumed();
        close(&mut server, clients);
        resumed
    };
    handshake();
    let start = Instant::now();
    let mut done = 0;
    while start.elapsed() < WINDOW {
        let resumed = handshake();
        assert_eq!(
            resumed,
            client.session_resumption(),
            "every handshake is of one kind"
        );
        done += 1;
    }
    f64::from(done) / start.elapsed().as_secs_f64()
}

/// Full handshakes per second of a server whose connections `workers`
/// threads poll, as ffi-examples/c/threaded_server.c runs it: one thread
/// takes the connections and hands each to a worker in turn, and each
/// worker polls its own until connected, the first poll signing. One more
/// thread of the process runs the clients, `THREADED_CLIENTS` full
/// handshakes at a time, so server and clients share the machine's cores.
fn threaded_handshakes_per_s(id: &Identity, workers: usize) -> f64 {
    let udp = UdpServer::new();
    udp.listen(0, "127.0.0.1")
        .expect("a UDP server on loopback");
    let port = i32::from(udp.get_local_port());
    let dtls = DtlsServer::new();
    dtls.setup(&id.server).expect("the server's setup");
    let connected = &AtomicUsize::new(0);
    let stop = &AtomicBool::new(false);
    let running = || !stop.load(Ordering::Relaxed);
    thread::scope(|s| {
        let handoff: Vec<_> = (0..workers)
            .map(|_| {
                let (handoff, taken) = mpsc::channel::<PacketPeerDtls>();
                s.spawn(move || {
                    let mut peers = Vec::new();
                    while running() {
                        peers.extend(taken.try_iter());
                        peers.retain(|p| {
                            let _ = p.poll();
                            let status = p.get_status();
                            if status == Status::STATUS_CONNECTED {
                                connected.fetch_add(1, Ordering::Relaxed);
                            }
                            status == Status::STATUS_HANDSHAKING
                        });
                        thread::sleep(NAP);
                    }
                });
                handoff
            })
            .collect();
        s.spawn(move || {
            let mut next = 0;
            while running() {
                while let Some(u) = udp.take_connection() {
                    let peer = dtls.take_connection(u);
                    if peer.get_status() == Status::STATUS_HANDSHAKING {
                        // Workers that have stopped drop what they are
                        // sent.
                        let _ = handoff[next].send(peer);
                        next = (next + 1) % workers;
                    }
                }
                thread::sleep(NAP);
            }
        });
        s.spawn(|| {
            let new_client = || client("127.0.0.1", port, "localhost", Some(&id.client));
            let mut clients: Vec<_> = (0..THREADED_CLIENTS).map(|_| new_client()).collect();
            while running() {
                for c in &mut clients {
                    let _ = c.poll();
                    if c.get_status() != Status::STATUS_HANDSHAKING {
                        *c = new_client();
                    }
                }
                thread::sleep(NAP);
            }
        });
        thread::sleep(THREADED_WARM_UP);
        let (before, start) = (connected.load(Ordering::Relaxed), Instant::now());
        thread::sleep(WINDOW);
        let done = connected.load(Ordering::Relaxed) - before;
        let per_s = done as f64 / start.elapsed().as_secs_f64();
        stop.store(true, Ordering::Relaxed);
        per_s
    })
}

/// A server taking bursts of up to `n` clients. Every client comes from
/// 127.0.0.1, which gdtls takes for one host (32 handshakes at once by
/// default); the burst stands for many hosts.
fn burst_server(id: &Identity, n: usize) -> Server {
    let server = Server::new("127.0.0.1", &id.server);
    server.dtls.set_max_handshakes(n, n);
    server
}

fn burst_s(id: &Identity, n: usize) -> f64 {
    let mut server = burst_server(id, n);
    let start = Instant::now();
    match connect(&mut server, &id.client, n) {
        Some(clients) => {
            let seconds = start.elapsed().as_secs_f64();
            close(&mut server, clients);
            seconds
        }
        None => LIMIT.as_secs_f64(),
    }
}

/// One frame of a server whose connections are idle: the UDP server and
/// every connection polled, and read.
fn idle_frame(server: &mut Server, buf: &mut [u8]) {
    server.frame();
    for peer in &server.peers {
        peer.recv(buf);
    }
}

/// Run first, on both sides: memory the allocator kept from earlier
/// scenarios would be reused by these sessions and hide their cost.
/// Connection-independent allocations (pools, buffers) happen during
/// `WARM_UP` sessions, which stay open so the measured ones cannot reuse
/// theirs. Then the resident memory per pair (client and server end) for
/// `SESSIONS` pairs connected one after another, as in bench.gd, where a
/// burst would wait on Godot's retransmission timer; for `MANY_SESSIONS`,
/// the rest connected `BURST` at a time; and the median cost of a server
/// frame with those `MANY_SESSIONS` connected and idle.
fn sessions(id: &Identity) -> Figures {
    let mut server = burst_server(id, BURST);
    let connect = |server: &mut Server, n: usize| {
        connect(server, &id.client, n).expect("sessions within the time limit")
    };
    let warm_up: Vec<_> = (0..WARM_UP).flat_map(|_| connect(&mut server, 1)).collect();
    let before = resident_kib();
    let kib_each = |n: usize| resident_kib().saturating_sub(before) as f64 / n as f64;
    let mut clients: Vec<_> = (0..SESSIONS)
        .flat_map(|_| connect(&mut server, 1))
        .collect();
    let session_kib = kib_each(SESSIONS);
    while clients.len() < MANY_SESSIONS {
        clients.extend(connect(&mut server, BURST));
    }
    let session_kib_1000 = kib_each(MANY_SESSIONS);
    close_first(&mut server, warm_up);
    let mut buf = [0; 2048];
    let mut frames: Vec<f64> = (0..IDLE_FRAMES)
        .map(|_| {
            let start = Instant::now();
            idle_frame(&mut server, &mut buf);
            start.elapsed().as_secs_f64()
        })
        .collect();
    close(&mut server, clients);
    vec![
        ("session_kib", session_kib),
        ("session_kib_1000", session_kib_1000),
        ("idle_frame_us", percentile_us(&mut frames, 50)),
    ]
}

/// The flood's two figures: hellos answered per second while the server
/// was busy, and the percentage of the burst never answered.
fn hello_flood(id: &Identity) -> Figures {
    let hello = client_hello(Some(&id.client));
    let mut server = Server::new("127.0.0.1", &id.server);
    // A server in service: once it has taken a connection, its DTLS server
    // answers cookie-less hellos from the socket read.
    let first = connect(&mut server, &id.client, 1).expect("a first client");
    close(&mut server, first);
    let sources: Vec<UdpSocket> = (0..FLOOD_SOURCES)
        .map(|_| {
            let s = UdpSocket::bind("127.0.0.1:0").unwrap();
            s.connect(("127.0.0.1", server.udp.get_local_port()))
                .unwrap();
            s.set_nonblocking(true).unwrap();
            s
        })
        .collect();
    for s in &sources {
        for _ in 0..HELLOS_PER_SOURCE {
            // A full socket buffer on the server's side loses the datagram
            // silently: that is what the scenario measures.
            let _ = s.send(&hello);
        }
    }
    let mut answered = 0;
    let mut buf = [0; 2048];
    let mut drain = |answered: &mut usize| {
        for s in &sources {
            while let Ok(n) = s.recv(&mut buf) {
                if n > 13 && buf[13] == HELLO_VERIFY_REQUEST {
                    *answered += 1;
                }
            }
        }
    };
    // Busy until the last answer: the server runs frames until no answer
    // has come for a while.
    let start = Instant::now();
    let mut last_answer = start;
    while start.elapsed() < LIMIT && last_answer.elapsed() < FLOOD_IDLE {
        server.frame();
        let before = answered;
        drain(&mut answered);
        if answered > before {
            last_answer = Instant::now();
        }
    }
    assert!(server.peers.is_empty(), "no hello carried a cookie");
    let busy = (last_answer - start).as_secs_f64();
    let sent = FLOOD_SOURCES * HELLOS_PER_SOURCE;
    let per_s = if busy > 0.0 {
        answered as f64 / busy
    } else {
        0.0
    };
    vec![
        ("hellos_per_s", per_s),
        (
            "hello_burst_dropped_pct",
            100.0 * sent.saturating_sub(answered) as f64 / sent as f64,
        ),
    ]
}

/// One end of an echo, whatever carries it; nothing blocks.
trait End {
    /// The work a frame of the host's loop does before reading.
    fn poll(&self) {}
    fn send(&self, packet: &[u8]) -> bool;
    fn recv(&self, buf: &mut [u8]) -> Option<usize>;
}

fn read_len(read: gdtls::Result<PacketRead>) -> Option<usize> {
    match read {
        Ok(PacketRead::Read(n)) => Some(n),
        _ => None,
    }
}

impl End for PacketPeerDtls {
    fn poll(&self) {
        let _ = PacketPeerDtls::poll(self);
    }

    fn send(&self, packet: &[u8]) -> bool {
        self.put_packet(packet).is_ok()
    }

    fn recv(&self, buf: &mut [u8]) -> Option<usize> {
        read_len(self.get_packet(buf))
    }
}

impl End for PacketPeerUdp {
    fn send(&self, packet: &[u8]) -> bool {
        self.put_packet(packet).is_ok()
    }

    fn recv(&self, buf: &mut [u8]) -> Option<usize> {
        read_len(self.get_packet(buf))
    }
}

impl End for UdpSocket {
    fn send(&self, packet: &[u8]) -> bool {
        UdpSocket::send(self, packet).is_ok()
    }

    fn recv(&self, buf: &mut [u8]) -> Option<usize> {
        UdpSocket::recv(self, buf).ok()
    }
}

/// A peer taken from a UDP server: the server's poll routes its datagrams.
struct Taken<'a, P> {
    server: &'a UdpServer,
    peer: &'a P,
}

impl<P: End> End for Taken<'_, P> {
    fn poll(&self) {
        self.server.poll().expect("UDP server poll");
        self.peer.poll();
    }

    fn send(&self, packet: &[u8]) -> bool {
        self.peer.send(packet)
    }

    fn recv(&self, buf: &mut [u8]) -> Option<usize> {
        self.peer.recv(buf)
    }
}

/// Echoes received per second by a client keeping `IN_FLIGHT` packets of
/// `PAYLOAD` bytes in flight to a server echoing each.
fn echo_pps(client: &impl End, server: &impl End) -> f64 {
    let packet = [0x5a; PAYLOAD];
    let mut buf = vec![0; 65536];
    let mut in_flight = 0;
    let mut echoes = 0u32;
    let start = Instant::now();
    let mut last_echo = start;
    loop {
        while in_flight < IN_FLIGHT && client.send(&packet) {
            in_flight += 1;
        }
        server.poll();
        while let Some(n) = server.recv(&mut buf) {
            server.send(&buf[..n]);
        }
        client.poll();
        while client.recv(&mut buf).is_some() {
            echoes += 1;
            in_flight = in_flight.saturating_sub(1);
            last_echo = Instant::now();
        }
        let elapsed = start.elapsed();
        if elapsed >= WINDOW {
            return f64::from(echoes) / elapsed.as_secs_f64();
        }
        if last_echo.elapsed() > STALL {
            in_flight = 0;
            last_echo = Instant::now();
        }
    }
}

/// Round trips of one `PING`-byte packet at a time for `LATENCY_WINDOW`,
/// from `client` to `server` and back: samples in seconds.
fn round_trips(client: &impl End, server: &impl End) -> Vec<f64> {
    let ping = [0x5a; PING];
    let mut buf = vec![0; 65536];
    let mut rtt = Vec::new();
    let start = Instant::now();
    while start.elapsed() < LATENCY_WINDOW {
        let sent = Instant::now();
        assert!(client.send(&ping), "a ping was not sent");
        while sent.elapsed() < STALL {
            server.poll();
            while let Some(n) = server.recv(&mut buf) {
                server.send(&buf[..n]);
            }
            client.poll();
            if client.recv(&mut buf).is_some() {
                rtt.push(sent.elapsed().as_secs_f64());
                break;
            }
        }
    }
    rtt
}

/// The `pct`th percentile of `samples` (seconds), in microseconds.
fn percentile_us(samples: &mut [f64], pct: usize) -> f64 {
    assert!(!samples.is_empty(), "no samples");
    samples.sort_by(f64::total_cmp);
    1e6 * samples[(samples.len() * pct / 100).min(samples.len() - 1)]
}

/// The ping's round trip between `client` and `server`, then the echo;
/// `keys` name the median, the 99th percentile and the echo's rate.
fn traffic(client: &impl End, server: &impl End, keys: [&'static str; 3]) -> Figures {
    let mut rtt = round_trips(client, server);
    let figures = [
        percentile_us(&mut rtt, 50),
        percentile_us(&mut rtt, 99),
        echo_pps(client, server),
    ];
    keys.into_iter().zip(figures).collect()
}

fn dtls_traffic(id: &Identity) -> Figures {
    let mut server = Server::new("127.0.0.1", &id.server);
    let clients = connect(&mut server, &id.client, 1).expect("a handshake within the time limit");
    eprintln!(
        "gdtls negotiated {}",
        clients[0].cipher_suite().unwrap_or("?")
    );
    let served = Taken {
        server: &server.udp,
        peer: &server.peers[0],
    };
    let figures = traffic(
        &clients[0],
        &served,
        ["latency_p50_us", "latency_p99_us", "echo_pps"],
    );
    close(&mut server, clients);
    figures
}

fn gdtls_udp_echo_pps() -> f64 {
    let server = UdpServer::new();
    server
        .listen(0, "127.0.0.1")
        .expect("a UDP server on loopback");
    let client = PacketPeerUdp::new();
    client
        .connect_to_host("127.0.0.1", i32::from(server.get_local_port()))
        .expect("a UDP client");
    client.put_packet(b"hello").expect("a first datagram");
    let deadline = Instant::now() + LIMIT;
    let peer = loop {
        server.poll().expect("UDP server poll");
        if let Some(peer) = server.take_connection() {
            break peer;
        }
        assert!(Instant::now() < deadline, "no UDP connection");
    };
    let _ = peer.get_packet_vec();
    echo_pps(
        &client,
        &Taken {
            server: &server,
            peer: &*peer,
        },
    )
}

fn udp_traffic() -> Figures {
    let a = UdpSocket::bind("127.0.0.1:0").unwrap();
    let b = UdpSocket::bind("127.0.0.1:0").unwrap();
    for (s, other) in [(&a, &b), (&b, &a)] {
        s.connect(other.local_addr().unwrap()).unwrap();
        s.set_nonblocking(true).unwrap();
    }
    traffic(
        &a,
        &b,
        ["udp_latency_p50_us", "udp_latency_p99_us", "udp_echo_pps"],
    )
}

/// OpenSSL's side of the scenarios, benches/openssl/bench.c, compiled and
/// run on the identities saved in `identities`.
fn openssl(identities: &[std::path::PathBuf]) -> Result<openssl_bench::Run, String> {
    let program = openssl_bench::compile()?;
    openssl_bench::run(&program, identities, WINDOW, LATENCY_WINDOW, OPENSSL_LIMIT)
}

/// Godot's side of the scenarios, run by godot3-server.
fn godot() -> Result<HashMap<String, f64>, String> {
    let project = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/godot");
    let output = run_within(
        Command::new("godot3-server")
            .args(["--path", project, "-s", "bench.gd", "--"])
            .arg(free_udp_port().to_string())
            .stdin(Stdio::null()),
        GODOT_LIMIT,
    )?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("bench.gd: {}\n{stdout}{stderr}", output.status));
    }
    Ok(parse_bench_lines(&stdout))
}

fn godot_version() -> String {
    Command::new("godot3-server")
        .arg("--version")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| Some(v.lines().next()?.trim().to_owned()))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn today() -> String {
    Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d %H:%M UTC")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|d| d.trim().to_owned())
        .unwrap_or_default()
}

#[derive(Clone, Copy)]
enum Better {
    Higher,
    Lower,
    /// A percentage lost: the ratio compares what was kept, as the ratio
    /// of two small losses (or of two near 100%) says little.
    LowerPercent,
}

struct Row {
    label: &'static str,
    key: &'static str,
    /// `None` where no other side has such a figure.
    better: Option<Better>,
    /// Whether bench.gd measures it too (bench.c measures the keys in
    /// `openssl_bench::KEYS`).
    godot: bool,
    /// The key of the plain UDP figure, where there is one.
    udp: Option<&'static str>,
}

const ROWS: &[Row] = &[
    Row {
        label: "handshakes/s (RSA-2048)",
        key: "handshakes_per_s",
        better: Some(Better::Higher),
        godot: true,
        udp: None,
    },
    Row {
        label: "  ECDSA P-256",
        key: "handshakes_ecdsa_per_s",
        better: Some(Better::Higher),
        godot: false,
        udp: None,
    },
    Row {
        label: "  resumed (session tickets)",
        key: "resumed_handshakes_per_s",
        better: Some(Better::Higher),
        godot: false,
        udp: None,
    },
    Row {
        label: "  threaded server, 1 worker",
        key: "threaded_1_handshakes_per_s",
        better: None,
        godot: false,
        udp: None,
    },
    Row {
        label: "  threaded server, 2 workers",
        key: "threaded_2_handshakes_per_s",
        better: None,
        godot: false,
        udp: None,
    },
    Row {
        label: "burst of 50 clients (s)",
        key: "burst_50_s",
        better: Some(Better::Lower),
        godot: true,
        udp: None,
    },
    Row {
        label: "burst of 200 clients (s)",
        key: "burst_200_s",
        better: Some(Better::Lower),
        godot: false,
        udp: None,
    },
    Row {
        label: "echo 1000 B, 32 in flight (pkt/s)",
        key: "echo_pps",
        better: Some(Better::Higher),
        godot: true,
        udp: Some("udp_echo_pps"),
    },
    Row {
        label: "  same, gdtls UDP classes, no DTLS",
        key: "gdtls_udp_echo_pps",
        better: None,
        godot: false,
        udp: Some("udp_echo_pps"),
    },
    Row {
        label: "ping round trip, median (us)",
        key: "latency_p50_us",
        better: Some(Better::Lower),
        godot: false,
        udp: Some("udp_latency_p50_us"),
    },
    Row {
        label: "  99th percentile (us)",
        key: "latency_p99_us",
        better: Some(Better::Lower),
        godot: false,
        udp: Some("udp_latency_p99_us"),
    },
    Row {
        label: "idle server frame, 1000 peers (us)",
        key: "idle_frame_us",
        better: Some(Better::Lower),
        godot: false,
        udp: None,
    },
    Row {
        label: "memory per session, 50 (KiB)",
        key: "session_kib",
        better: Some(Better::Lower),
        godot: true,
        udp: None,
    },
    Row {
        label: "  1000 sessions (KiB each)",
        key: "session_kib_1000",
        better: Some(Better::Lower),
        godot: false,
        udp: None,
    },
    Row {
        label: "cookie-less hellos answered/s",
        key: "hellos_per_s",
        better: Some(Better::Higher),
        godot: true,
        udp: None,
    },
    Row {
        label: "hello burst dropped (%)",
        key: "hello_burst_dropped_pct",
        better: Some(Better::LowerPercent),
        godot: true,
        udp: None,
    },
];

fn figure(value: Option<f64>) -> String {
    match value {
        None => "-".to_owned(),
        Some(v) if v.abs() >= 100.0 => format!("{v:.0}"),
        Some(v) if v.abs() >= 10.0 => format!("{v:.1}"),
        Some(v) => format!("{v:.2}"),
    }
}

/// "N.Nx better" or "N.Nx worse", for gdtls against `theirs`.
fn versus(ours: f64, theirs: f64, better: Better) -> String {
    let (good, bad) = match better {
        Better::Higher => (ours, theirs),
        Better::Lower => (theirs, ours),
        Better::LowerPercent => (100.0 - ours, 100.0 - theirs),
    };
    if good == bad {
        "same".to_owned()
    } else if good == 0.0 || bad == 0.0 {
        format!("{} vs {}", figure(Some(ours)), figure(Some(theirs)))
    } else if good > bad {
        format!("{:.1}x better", good / bad)
    } else {
        format!("{:.1}x worse", bad / good)
    }
}

/// Another side's figure for `row` and how gdtls's `mine` compares with
/// it: "-" where the side has no such figure, "?" where it should have
/// printed one and did not (its key is added to `missing`).
fn compare(
    row: &Row,
    mine: f64,
    measured: bool,
    theirs: &HashMap<String, f64>,
    missing: &mut Vec<&'static str>,
) -> (Option<f64>, String) {
    let value = theirs.get(row.key).copied().filter(|_| measured);
    let compared = match (row.better, value) {
        (Some(better), Some(v)) => versus(mine, v, better),
        (Some(_), None) if measured => {
            missing.push(row.key);
            "?".to_owned()
        }
        _ => "-".to_owned(),
    };
    (value, compared)
}

/// `a / b` as "N.Nx", or "-" without both.
fn times(a: Option<f64>, b: Option<f64>) -> String {
    a.zip(b)
        .map_or_else(|| "-".to_owned(), |(a, b)| format!("{:.1}x", a / b))
}

fn main() -> ExitCode {
    // Key generation is setup, not a measured figure.
    let rsa = Identity::new(identity());
    let ecdsa = Identity::new(ecdsa_identity());
    let files = TempDir::new("bench");
    let identities = openssl_bench::save_identities(files.path());
    let mut ours = HashMap::new();
    let scenarios: [(&str, &dyn Fn() -> Figures); 11] = [
        ("sessions", &|| sessions(&rsa)),
        ("handshakes", &|| {
            vec![("handshakes_per_s", handshakes_per_s(&rsa, &rsa.client))]
        }),
        ("ecdsa", &|| {
            vec![(
                "handshakes_ecdsa_per_s",
                handshakes_per_s(&ecdsa, &ecdsa.client),
            )]
        }),
        ("resumed", &|| {
            vec![(
                "resumed_handshakes_per_s",
                handshakes_per_s(&rsa, &rsa.resuming_client),
            )]
        }),
        ("threaded", &|| {
            vec![
                (
                    "threaded_1_handshakes_per_s",
                    threaded_handshakes_per_s(&rsa, 1),
                ),
                (
                    "threaded_2_handshakes_per_s",
                    threaded_handshakes_per_s(&rsa, 2),
                ),
            ]
        }),
        ("burst_50", &|| vec![("burst_50_s", burst_s(&rsa, BURST))]),
        ("burst_200", &|| {
            vec![("burst_200_s", burst_s(&rsa, BIG_BURST))]
        }),
        ("echo", &|| dtls_traffic(&rsa)),
        ("udp_classes", &|| {
            vec![("gdtls_udp_echo_pps", gdtls_udp_echo_pps())]
        }),
        ("udp", &udp_traffic),
        ("hellos", &|| hello_flood(&rsa)),
    ];
    // cargo passes its own options (--bench); the other arguments name
    // scenarios.
    let chosen: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Some(unknown) = chosen
        .iter()
        .find(|c| !scenarios.iter().any(|(name, _)| name == c))
    {
        let names: Vec<&str> = scenarios.iter().map(|(name, _)| *name).collect();
        eprintln!("no scenario {unknown}: {}", names.join(", "));
        return ExitCode::FAILURE;
    }
    for (name, run) in scenarios {
        if !chosen.is_empty() && !chosen.iter().any(|c| c == name) {
            continue;
        }
        for (key, value) in run() {
            eprintln!("gdtls {key}: {value:.2}");
            ours.insert(key, value);
        }
    }
    if !chosen.is_empty() {
        return ExitCode::SUCCESS;
    }

    eprintln!("running benches/openssl/bench.c ...");
    let openssl = openssl(&identities);
    if let Ok(run) = &openssl {
        eprintln!("OpenSSL negotiated {}", run.suite);
    }
    eprintln!("running benches/godot/bench.gd ...");
    let godot = godot();
    let none = HashMap::new();
    let (openssl_version, openssl_figures) = match &openssl {
        Ok(run) => (run.version.as_str(), &run.figures),
        Err(_) => ("OpenSSL unknown", &none),
    };
    let godot_figures = godot.as_ref().unwrap_or(&none);

    let cores = thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "gdtls {} benchmark, {}, {cores} cores, Godot {}, {}",
        gdtls::VERSION,
        today(),
        godot_version(),
        openssl_version
    );
    println!(
        "{:<36}{:>10}{:>14}{:>12}{:>12}   {:<18}gdtls vs OpenSSL",
        "metric", "gdtls", "Godot 3.2.3", "OpenSSL 3", "plain UDP", "gdtls vs Godot"
    );
    let (mut godot_missing, mut openssl_missing) = (Vec::new(), Vec::new());
    for row in ROWS {
        let mine = ours[row.key];
        let (g, vs_godot) = compare(row, mine, row.godot, godot_figures, &mut godot_missing);
        let (o, vs_openssl) = compare(
            row,
            mine,
            openssl_bench::KEYS.contains(&row.key),
            openssl_figures,
            &mut openssl_missing,
        );
        println!(
            "{:<36}{:>10}{:>14}{:>12}{:>12}   {vs_godot:<18}{vs_openssl}",
            row.label,
            figure(Some(mine)),
            figure(g),
            figure(o),
            figure(row.udp.map(|k| ours[k])),
        );
    }
    let openssl_figure = |key: &str| openssl_figures.get(key).copied();
    let udp = ours["udp_echo_pps"];
    println!(
        "resumed handshakes: gdtls {} its full ones, OpenSSL {} (Godot resumes none)",
        times(
            Some(ours["resumed_handshakes_per_s"]),
            Some(ours["handshakes_per_s"])
        ),
        times(
            openssl_figure("resumed_handshakes_per_s"),
            openssl_figure("handshakes_per_s")
        ),
    );
    println!(
        "threaded server: 2 workers {} the handshakes/s of 1, on {cores} cores that the \
         clients share (they run in the same process)",
        times(
            Some(ours["threaded_2_handshakes_per_s"]),
            Some(ours["threaded_1_handshakes_per_s"])
        ),
    );
    println!(
        "gdtls DTLS echo: {:.0}% of plain UDP, {:.0}% of gdtls's UDP classes; \
         gdtls's UDP classes: {:.0}% of plain UDP\n\
         (the hello burst ratio compares the hellos answered)",
        100.0 * ours["echo_pps"] / udp,
        100.0 * ours["echo_pps"] / ours["gdtls_udp_echo_pps"],
        100.0 * ours["gdtls_udp_echo_pps"] / udp,
    );
    let mut failed = false;
    let sides = [
        ("OpenSSL's", "bench.c", openssl.err(), openssl_missing),
        ("Godot's", "bench.gd", godot.err(), godot_missing),
    ];
    for (side, program, error, missing) in sides {
        if let Some(e) = error {
            eprintln!("{side} side failed: {e}");
            failed = true;
        } else if !missing.is_empty() {
            eprintln!("{program} printed no figure for: {}", missing.join(", "));
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
