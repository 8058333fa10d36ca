//! The benchmark table of `make bench`: gdtls, Godot 3.2.3 (its side is
//! benches/godot/bench.gd) and plain UDP run the same scenarios, one after
//! the other, each on one thread with both ends in one process. The
//! machines are shared and noisy, so the ratios are the result; the
//! absolute figures only hold for the run that printed them.

use std::collections::HashMap;
use std::net::UdpSocket;
use std::process::{Command, ExitCode, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use gdtls::{PacketPeerDtls, PacketPeerUdp, PacketRead, Status, TlsOptions, UdpServer};

// The tests' helpers: the server run like Godot's example, clients, the
// identity, child processes and memory readings.
#[path = "../tests/support/mod.rs"]
mod support;
use support::dtls::{client, client_hello, server_options, trusting_client, Server};
use support::{free_udp_port, parse_bench_lines, resident_kib, run_within};

/// How long the throughput scenarios run.
const WINDOW: Duration = Duration::from_secs(3);
/// No scenario may take longer; a burst that does is reported as this.
const LIMIT: Duration = Duration::from_secs(30);
const GODOT_LIMIT: Duration = Duration::from_secs(120);
const BURST: usize = 50;
const PAYLOAD: usize = 1000;
const IN_FLIGHT: usize = 32;
/// An echo this late means the datagrams in flight were lost.
const STALL: Duration = Duration::from_millis(100);
const FLOOD_SOURCES: usize = 500;
const HELLOS_PER_SOURCE: usize = 10;
/// A server that took no connection for this long has answered the flood.
const FLOOD_IDLE: Duration = Duration::from_millis(200);
/// Handshake type of a HelloVerifyRequest, after the 13-byte record header.
const HELLO_VERIFY_REQUEST: u8 = 3;

struct Identity {
    server: TlsOptions,
    /// Clients that make a full handshake every time, as Godot's do.
    client: TlsOptions,
    /// Clients that resume their session when they reconnect.
    resuming_client: TlsOptions,
}

impl Identity {
    /// The tests' RSA-2048 key and certificate for "localhost", which the
    /// clients trust and check the host name against.
    fn new() -> Self {
        let client = trusting_client();
        client.set_session_resumption(false);
        Identity {
            server: server_options(),
            client,
            resuming_client: trusting_client(),
        }
    }
}

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

fn burst_s(id: &Identity) -> f64 {
    let mut server = Server::new("127.0.0.1", &id.server);
    // Every client comes from 127.0.0.1, which gdtls takes for one host
    // (32 handshakes at once by default); the burst stands for many hosts.
    server.dtls.set_max_handshakes(BURST, BURST);
    let start = Instant::now();
    match connect(&mut server, &id.client, BURST) {
        Some(clients) => {
            let seconds = start.elapsed().as_secs_f64();
            close(&mut server, clients);
            seconds
        }
        None => LIMIT.as_secs_f64(),
    }
}

/// Run first, on both sides: memory the allocator kept from earlier
/// scenarios would be reused by these sessions and hide their cost.
/// Sessions connect one after another, as in bench.gd, where a burst would
/// wait on Godot's retransmission timer.
fn session_kib(id: &Identity) -> f64 {
    let mut server = Server::new("127.0.0.1", &id.server);
    let mut connect = |n: usize| -> Vec<PacketPeerDtls> {
        (0..n)
            .flat_map(|_| {
                connect(&mut server, &id.client, 1).expect("a session within the time limit")
            })
            .collect()
    };
    // Connection-independent allocations (pools, buffers) happen here; the
    // warm-up sessions stay open so the measured ones cannot reuse theirs.
    let warm_up = connect(5);
    let before = resident_kib();
    let clients = connect(BURST);
    let after = resident_kib();
    close(&mut server, warm_up);
    close(&mut server, clients);
    after.saturating_sub(before) as f64 / BURST as f64
}

/// The flood's two figures: hellos answered per second while the server
/// was busy, and the percentage of the burst never answered.
fn hello_flood(id: &Identity) -> (f64, f64) {
    let hello = client_hello(Some(&id.client));
    let mut server = Server::new("127.0.0.1", &id.server);
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
    let start = Instant::now();
    let mut last_taken = start;
    while start.elapsed() < LIMIT {
        if server.frame() > 0 {
            last_taken = Instant::now();
            continue;
        }
        drain(&mut answered);
        if last_taken.elapsed() > FLOOD_IDLE {
            break;
        }
    }
    drain(&mut answered);
    assert!(server.peers.is_empty(), "no hello carried a cookie");
    let busy = (last_taken - start).as_secs_f64();
    let sent = FLOOD_SOURCES * HELLOS_PER_SOURCE;
    let per_s = if busy > 0.0 {
        answered as f64 / busy
    } else {
        0.0
    };
    (
        per_s,
        100.0 * sent.saturating_sub(answered) as f64 / sent as f64,
    )
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

fn dtls_echo_pps(id: &Identity) -> f64 {
    let mut server = Server::new("127.0.0.1", &id.server);
    let clients = connect(&mut server, &id.client, 1).expect("a handshake within the time limit");
    let served = Taken {
        server: &server.udp,
        peer: &server.peers[0],
    };
    let pps = echo_pps(&clients[0], &served);
    close(&mut server, clients);
    pps
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

fn udp_echo_pps() -> f64 {
    let a = UdpSocket::bind("127.0.0.1:0").unwrap();
    let b = UdpSocket::bind("127.0.0.1:0").unwrap();
    for (s, other) in [(&a, &b), (&b, &a)] {
        s.connect(other.local_addr().unwrap()).unwrap();
        s.set_nonblocking(true).unwrap();
    }
    echo_pps(&a, &b)
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
    /// `None` where Godot has no such figure.
    better: Option<Better>,
    /// The key of the plain UDP figure, where there is one.
    udp: Option<&'static str>,
}

const ROWS: &[Row] = &[
    Row {
        label: "handshakes/s (RSA-2048)",
        key: "handshakes_per_s",
        better: Some(Better::Higher),
        udp: None,
    },
    Row {
        label: "  resumed (session tickets)",
        key: "resumed_handshakes_per_s",
        better: None,
        udp: None,
    },
    Row {
        label: "burst of 50 clients (s)",
        key: "burst_50_s",
        better: Some(Better::Lower),
        udp: None,
    },
    Row {
        label: "echo 1000 B, 32 in flight (pkt/s)",
        key: "echo_pps",
        better: Some(Better::Higher),
        udp: Some("udp_echo_pps"),
    },
    Row {
        label: "  same, gdtls UDP classes, no DTLS",
        key: "gdtls_udp_echo_pps",
        better: None,
        udp: Some("udp_echo_pps"),
    },
    Row {
        label: "memory per session (KiB)",
        key: "session_kib",
        better: Some(Better::Lower),
        udp: None,
    },
    Row {
        label: "cookie-less hellos answered/s",
        key: "hellos_per_s",
        better: Some(Better::Higher),
        udp: None,
    },
    Row {
        label: "hello burst dropped (%)",
        key: "hello_burst_dropped_pct",
        better: Some(Better::LowerPercent),
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

fn main() -> ExitCode {
    // Key generation is setup, not a measured figure.
    let id = Identity::new();
    let mut ours = HashMap::new();
    let scenarios: [(&str, &dyn Fn() -> f64); 7] = [
        ("session_kib", &|| session_kib(&id)),
        ("handshakes_per_s", &|| handshakes_per_s(&id, &id.client)),
        ("resumed_handshakes_per_s", &|| {
            handshakes_per_s(&id, &id.resuming_client)
        }),
        ("burst_50_s", &|| burst_s(&id)),
        ("echo_pps", &|| dtls_echo_pps(&id)),
        ("gdtls_udp_echo_pps", &gdtls_udp_echo_pps),
        ("udp_echo_pps", &udp_echo_pps),
    ];
    for (key, run) in scenarios {
        ours.insert(key, run());
        eprintln!("gdtls {key}: {:.2}", ours[key]);
    }
    let (hellos, dropped) = hello_flood(&id);
    ours.insert("hellos_per_s", hellos);
    ours.insert("hello_burst_dropped_pct", dropped);
    eprintln!("gdtls hellos_per_s: {hellos:.2}, hello_burst_dropped_pct: {dropped:.2}");

    eprintln!("running benches/godot/bench.gd ...");
    let (theirs, godot_error) = match godot() {
        Ok(figures) => (figures, None),
        Err(e) => (HashMap::new(), Some(e)),
    };

    let cores = thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "gdtls {} benchmark, {}, {cores} cores, Godot {}",
        gdtls::VERSION,
        today(),
        godot_version()
    );
    println!(
        "{:<36}{:>10}{:>14}{:>12}   gdtls vs Godot",
        "metric", "gdtls", "Godot 3.2.3", "plain UDP"
    );
    let mut missing = Vec::new();
    for row in ROWS {
        let mine = ours[row.key];
        let godot = theirs.get(row.key).copied();
        let compared = match (row.better, godot) {
            (None, _) => "-".to_owned(),
            (Some(better), Some(g)) => versus(mine, g, better),
            (Some(_), None) => {
                missing.push(row.key);
                "?".to_owned()
            }
        };
        println!(
            "{:<36}{:>10}{:>14}{:>12}   {compared}",
            row.label,
            figure(Some(mine)),
            figure(godot),
            figure(row.udp.map(|k| ours[k])),
        );
    }
    let udp = ours["udp_echo_pps"];
    println!(
        "gdtls resumed handshakes: {:.1}x the full ones (Godot resumes none)",
        ours["resumed_handshakes_per_s"] / ours["handshakes_per_s"]
    );
    println!(
        "gdtls DTLS echo: {:.0}% of plain UDP, {:.0}% of gdtls's UDP classes; \
         gdtls's UDP classes: {:.0}% of plain UDP\n\
         (the hello burst ratio compares the hellos answered)",
        100.0 * ours["echo_pps"] / udp,
        100.0 * ours["echo_pps"] / ours["gdtls_udp_echo_pps"],
        100.0 * ours["gdtls_udp_echo_pps"] / udp,
    );
    if let Some(e) = godot_error {
        eprintln!("Godot's side failed: {e}");
        return ExitCode::FAILURE;
    }
    if !missing.is_empty() {
        eprintln!("bench.gd printed no figure for: {}", missing.join(", "));
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
