//! DTLS interop with real Godot 3.2.3 (Debian's godot3-server, headless
//! GDScript), both ways:
//! - Godot's DTLSServer (tests/godot/dtls_server.gd) with gdtls clients
//!   written in C (tests/c/godot_dtls_client.c);
//! - gdtls's DTLSServer, through the crate API, with Godot's PacketPeerDTLS
//!   clients (tests/godot/dtls_client.gd).
//!
//! In each, both sides run two servers: one presents a certificate Godot
//! makes with `Crypto`, the other one gdtls made, and each side's clients
//! trust the other side's certificate files. Each run covers hostname
//! checks, untrusted certificates, echo of every size class with content
//! checked, the largest packets each side sends and receives, a close from
//! either side, and several clients at once.

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use gdtls::{CryptoKey, Error, Status, TlsOptions, X509Certificate};
use support::dtls::{identity, server_options, Server};
use support::*;

/// Godot's `PacketPeerDTLS.STATUS_ERROR`. Godot 3.2.3 reports it for a
/// certificate that names another host too, where gdtls reports
/// `STATUS_ERROR_HOSTNAME_MISMATCH` (4) as Godot's class reference describes.
const GODOT_STATUS_ERROR: &str = "3";

/// gdtls's `get_max_packet_size` once connected with `suite`: its datagrams
/// are at most 1200 bytes, and a record adds 13 bytes of header and a
/// 16-byte tag to a packet, and AES-GCM an 8-byte explicit nonce.
fn gdtls_max_packet(suite: &str) -> usize {
    let nonce = if suite.contains("-GCM-") { 8 } else { 0 };
    1200 - 13 - 16 - nonce
}

/// Godot's `ERR_CONNECTION_ERROR`.
const GODOT_ERR_CONNECTION_ERROR: &str = "27";

/// A running godot3-server, killed if the test ends before it does.
struct Godot {
    child: Reaped,
    lines: Receiver<String>,
    stderr: Option<JoinHandle<String>>,
    seen: Vec<String>,
}

impl Godot {
    fn start(script: &str, args: &[String]) -> Self {
        let mut child = Command::new("godot3-server")
            .arg("--path")
            .arg(root().join("tests/godot"))
            .args(["-s", script, "--"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start godot3-server");
        let (tx, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Godot {
            child: Reaped(child),
            lines,
            stderr: Some(stderr),
            seen: Vec::new(),
        }
    }

    /// Takes the lines printed so far without waiting; true when one of
    /// them is `line`.
    fn printed(&mut self, line: &str) -> bool {
        let before = self.seen.len();
        self.seen.extend(self.lines.try_iter());
        self.seen[before..].iter().any(|l| l == line)
    }

    /// Waits until Godot prints one of `lines`, and returns it.
    fn wait_for(&mut self, lines: &[&str], timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if lines.contains(&line.as_str()) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("Godot did not print any of {lines:?}: {}", self.report())
                }
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "Godot ended before printing any of {lines:?}: {}",
                    self.report()
                ),
            }
        }
    }

    fn exited(&mut self) -> Option<ExitStatus> {
        self.child.0.try_wait().expect("wait for godot3-server")
    }

    /// Waits for Godot to exit; its status and its "key: value" lines.
    fn finish(&mut self, timeout: Duration) -> (ExitStatus, HashMap<String, String>) {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.exited() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "Godot did not exit: {}",
                self.report()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        // The reader thread ends with the pipe.
        self.seen.extend(self.lines.iter());
        let values = self
            .seen
            .iter()
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        (status, values)
    }

    /// What Godot printed, for a failure message.
    fn report(&mut self) -> String {
        let _ = self.child.0.kill();
        let _ = self.child.0.wait();
        self.seen.extend(self.lines.try_iter());
        let stderr = self.stderr.take().map(|t| t.join().unwrap_or_default());
        format!(
            "\n--- stdout\n{}\n--- stderr\n{}",
            self.seen.join("\n"),
            stderr.unwrap_or_default()
        )
    }
}

/// Asserts that Godot printed `key: value`.
fn assert_printed(values: &HashMap<String, String>, key: &str, value: &str) {
    assert_eq!(
        values.get(key).map(String::as_str),
        Some(value),
        "Godot's {key:?}; all it printed: {values:?}"
    );
}

/// Writes gdtls's identity where the Godot scripts read it.
fn save_gdtls_identity(dir: &TempDir) {
    identity().key.save(&dir.join("gdtls.key"), false).unwrap();
    identity().cert.save(&dir.join("gdtls.crt")).unwrap();
}

/// The content of every test packet, as in the Godot scripts and the C
/// client: byte i of a packet of n bytes.
fn is_pattern(data: &[u8]) -> bool {
    let n = data.len();
    data.iter()
        .enumerate()
        .all(|(i, &b)| usize::from(b) == (i * 7 + n) % 256)
}

#[test]
fn godot_server_with_gdtls_c_clients() {
    let tmp = TempDir::new("godot-dtls-server");
    save_gdtls_identity(&tmp);
    let exe = tmp.join("godot_dtls_client");
    compile_c(&[root().join("tests/c/godot_dtls_client.c")], &exe, &[]);

    // A reserved port can be taken by someone else before Godot binds it.
    let (mut godot, ports) = (0..5)
        .find_map(|_| {
            let ports = [free_udp_port(), free_udp_port()].map(|p| p.to_string());
            let mut godot = Godot::start(
                "dtls_server.gd",
                &[
                    tmp.path().display().to_string(),
                    ports[0].clone(),
                    ports[1].clone(),
                ],
            );
            let line = godot.wait_for(&["ready", "listen: failed"], Duration::from_secs(20));
            (line == "ready").then_some((godot, ports))
        })
        .expect("Godot could not listen on any free port");

    let client = run(Command::new("timeout")
        .arg("60")
        .arg(&exe)
        .arg(tmp.path())
        .args(&ports));
    let (status, godot_says) = godot.finish(Duration::from_secs(10));
    let stdout = String::from_utf8_lossy(&client.stdout);
    print!("gdtls client:\n{stdout}");
    println!("Godot's server: {godot_says:?}");
    assert_success("godot_dtls_client against Godot's DTLSServer", &client);
    assert!(
        status.success(),
        "Godot's DTLS server failed ({status}): {godot_says:?}"
    );

    let max: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("gdtls max packet size: "))
        .expect("the client prints its maximum")
        .parse()
        .unwrap();
    // Godot's server picks ChaCha20-Poly1305 first, as mbedTLS does.
    assert_eq!(max, gdtls_max_packet("CHACHA20-POLY1305"));
    // Godot receives gdtls's largest packets and sends back what it got.
    assert_printed(&godot_says, "largest echo", &max.to_string());
    // Six clients of one server, one of the other.
    assert_printed(&godot_says, "connections", "7");
    assert_printed(&godot_says, "closed by godot", "1");
    assert_printed(&godot_says, "closed by client", "1");
    assert!(
        !godot_says.contains_key("echo put failed"),
        "{godot_says:?}"
    );

    // Godot sends records up to 16 KiB, past its reported maximum and past
    // gdtls's: gdtls receives each whole.
    let received: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("received from godot: "))
        .collect();
    for size in ["488", "489", "1171", "1172", "1500", "4000", "16384"] {
        assert_printed(&godot_says, &format!("probe put {size}"), "0");
        assert!(
            received.contains(&format!("{size} intact").as_str()),
            "gdtls did not receive Godot's {size}-byte packet: {received:?}"
        );
    }
    // One byte more than a record holds ends Godot's connection.
    assert_printed(&godot_says, "probe put 16385", GODOT_ERR_CONNECTION_ERROR);
    assert_printed(&godot_says, "status after 16385", "0");
}

/// A gdtls echo server for Godot's clients, with what it saw.
struct EchoServer {
    server: Server,
    was: Vec<Status>,
    said_bye: Vec<bool>,
    connections: usize,
    closed_here: usize,
    /// What `get_max_packet_size` told a connected client that asked, and
    /// the suite of that connection.
    max_told: usize,
    suite_told: &'static str,
    /// Whether the client that said "bye" was seen to close.
    bye_closed: bool,
    /// Packets larger than gdtls sends: their size and whether their
    /// content arrived intact.
    large: Vec<(usize, bool)>,
}

impl EchoServer {
    fn new(server: Server) -> Self {
        EchoServer {
            server,
            was: Vec::new(),
            said_bye: Vec::new(),
            connections: 0,
            closed_here: 0,
            max_told: 0,
            suite_told: "",
            bye_closed: false,
            large: Vec::new(),
        }
    }

    fn handle(&mut self, i: usize, data: &[u8]) {
        let peer = &self.server.peers[i];
        let max = peer.get_max_packet_size();
        match data {
            b"max" => {
                peer.put_packet(max.to_string().as_bytes()).unwrap();
                self.max_told = max;
                self.suite_told = peer.cipher_suite().unwrap_or_default();
            }
            b"close" => {
                peer.disconnect_from_peer();
                self.was[i] = Status::STATUS_DISCONNECTED;
                self.closed_here += 1;
            }
            b"bye" => self.said_bye[i] = true,
            _ if data.len() > max => {
                let refused = peer.put_packet(data).unwrap_err();
                assert_eq!(refused.code, Error::ERR_INVALID_PARAMETER, "{refused}");
                assert_eq!(peer.get_status(), Status::STATUS_CONNECTED);
                self.large.push((data.len(), is_pattern(data)));
            }
            _ => peer.put_packet(data).unwrap(),
        }
    }

    /// One frame: accept and poll, answer every packet, follow statuses.
    fn frame(&mut self) {
        self.server.frame();
        let count = self.server.peers.len();
        self.was.resize(count, Status::STATUS_HANDSHAKING);
        self.said_bye.resize(count, false);
        for i in 0..count {
            while let Ok(data) = self.server.peers[i].get_packet_vec() {
                self.handle(i, &data);
            }
            let status = self.server.peers[i].get_status();
            match (self.was[i], status) {
                (was, now) if was == now => {}
                (_, Status::STATUS_CONNECTED) => self.connections += 1,
                (_, Status::STATUS_DISCONNECTED) => self.bye_closed |= self.said_bye[i],
                _ => {}
            }
            self.was[i] = status;
        }
    }
}

#[test]
fn gdtls_server_with_godot_clients() {
    let tmp = TempDir::new("godot-dtls-client");
    save_gdtls_identity(&tmp);
    let mut gdtls_id = EchoServer::new(Server::new("127.0.0.1", &server_options()));
    // Set up once Godot has written its identity; until then its
    // ClientHellos wait in the socket.
    let udp = gdtls::UdpServer::new();
    udp.listen(0, "127.0.0.1").unwrap();
    let mut godot_id = EchoServer::new(Server {
        udp,
        dtls: gdtls::DtlsServer::new(),
        peers: Vec::new(),
        refused: 0,
        failures: Vec::new(),
    });
    let ports = [&gdtls_id, &godot_id].map(|s| s.server.port().to_string());

    let mut godot = Godot::start(
        "dtls_client.gd",
        &[
            tmp.path().display().to_string(),
            ports[0].clone(),
            ports[1].clone(),
        ],
    );
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut identity_loaded = false;
    while godot.exited().is_none() {
        assert!(
            Instant::now() < deadline,
            "Godot's clients did not finish: {}",
            godot.report()
        );
        if !identity_loaded && godot.printed("identity ready") {
            let key = CryptoKey::new();
            key.load(&tmp.join("godot.key"), false).unwrap();
            let cert = X509Certificate::new();
            cert.load(&tmp.join("godot.crt")).unwrap();
            godot_id
                .server
                .dtls
                .setup(&TlsOptions::server(Arc::new(key), Arc::new(cert)).unwrap())
                .unwrap();
            identity_loaded = true;
        }
        gdtls_id.frame();
        if identity_loaded {
            godot_id.frame();
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    // Datagrams Godot sent last may still wait in the sockets.
    for _ in 0..50 {
        gdtls_id.frame();
        godot_id.frame();
        std::thread::sleep(Duration::from_millis(1));
    }
    let (status, godot_says) = godot.finish(Duration::from_secs(10));
    println!("Godot's clients: {godot_says:?}");
    assert!(
        status.success(),
        "Godot's DTLS clients failed ({status}): {godot_says:?}"
    );

    let max = gdtls_id.max_told;
    assert_eq!(max, gdtls_max_packet(gdtls_id.suite_told));
    assert_printed(&godot_says, "gdtls max packet size", &max.to_string());
    assert_printed(&godot_says, "connected", "7");
    assert_printed(&godot_says, "mismatch status", GODOT_STATUS_ERROR);
    assert_printed(&godot_says, "untrusted status", GODOT_STATUS_ERROR);
    assert_printed(&godot_says, "closed by gdtls status", "0");
    assert_printed(&godot_says, "closed by godot status", "0");
    assert_printed(&godot_says, "failed", "0");

    assert_eq!(gdtls_id.connections, 6);
    assert_eq!(godot_id.connections, 1);
    assert_eq!(gdtls_id.closed_here, 1);
    assert!(gdtls_id.bye_closed, "gdtls did not see Godot close");
    // Godot sends records past gdtls's maximum; gdtls receives each whole
    // but cannot send one back.
    let large: Vec<usize> = [max + 1, 1500, 4000, 16384].into();
    for size in &large {
        assert_printed(&godot_says, &format!("probe put {size}"), "0");
    }
    assert_eq!(
        gdtls_id.large,
        large.iter().map(|&n| (n, true)).collect::<Vec<_>>()
    );
}
