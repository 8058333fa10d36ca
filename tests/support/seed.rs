//! The seed's DTLS server and client (the DTLSServer class reference's
//! server.gd and client.gd) as every port of them runs: each language's in
//! ffi-examples/, and Godot 3.2.3 itself (tests/godot/seed_*.gd). They all
//! take the same command line (ffi-examples/README.md), so any server can
//! be paired with any client.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use super::{assert_success, free_udp_port, root, run_within, TempDir};

/// A key and a certificate for "localhost" in files, for the servers, and
/// the certificate for validating clients to trust.
pub struct Identity {
    dir: TempDir,
    key: PathBuf,
    cert: PathBuf,
}

impl Identity {
    /// The tests' RSA identity, in a scratch directory of its own.
    pub fn new(name: &str) -> Self {
        let dir = TempDir::new(name);
        let id = super::dtls::identity();
        let (key, cert) = (dir.join("key.key"), dir.join("cert.crt"));
        id.key.save(&key, false).unwrap();
        id.cert.save(&cert).unwrap();
        Identity { dir, key, cert }
    }

    /// The key and certificate in these files, with a scratch directory.
    pub fn with(name: &str, key: &std::path::Path, cert: &std::path::Path) -> Self {
        Identity {
            dir: TempDir::new(name),
            key: key.to_owned(),
            cert: cert.to_owned(),
        }
    }

    pub fn key(&self) -> PathBuf {
        self.key.clone()
    }

    pub fn cert(&self) -> PathBuf {
        self.cert.clone()
    }

    pub fn dir(&self) -> &TempDir {
        &self.dir
    }
}

/// How to start one port: a program with the arguments that come before
/// the contract's, and its environment.
pub struct Port {
    pub name: String,
    pub argv: Vec<OsString>,
    pub env: Vec<(String, OsString)>,
}

impl Port {
    pub fn new(name: &str, argv: &[&std::ffi::OsStr]) -> Self {
        Port {
            name: name.to_owned(),
            argv: argv.iter().map(|a| a.to_os_string()).collect(),
            env: Vec::new(),
        }
    }

    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        self.env.push((key.to_owned(), value.into()));
        self
    }

    fn command(&self, args: &[OsString]) -> Command {
        let mut cmd = Command::new(&self.argv[0]);
        cmd.args(&self.argv[1..]).args(args);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        cmd
    }
}

/// Godot 3.2.3 running the class reference's server.gd or client.gd.
pub fn godot(script: &str) -> Port {
    let project = root().join("tests/godot");
    Port::new(
        &format!("Godot 3.2.3 {script}"),
        &[
            "godot3-server".as_ref(),
            "--path".as_ref(),
            project.as_os_str(),
            "-s".as_ref(),
            script.as_ref(),
            "--".as_ref(),
        ],
    )
}

/// Runs `server` for one client and `client` against it, the client
/// validating the server's certificate for "localhost", and checks that
/// each printed what the GDScript prints and succeeded.
pub fn pair(id: &Identity, server: &Port, client: &Port) {
    let port = free_udp_port().to_string();
    let os = |s: &str| OsString::from(s);
    let server_args = [
        os(&port),
        id.key().into(),
        id.cert().into(),
        os("1"),
        os("30"),
    ];
    let client_args = [
        os("127.0.0.1"),
        os(&port),
        os("20"),
        id.cert().into(),
        os("localhost"),
    ];
    let what = format!("{} with {}", server.name, client.name);
    let mut server_cmd = server.command(&server_args);
    let server_run =
        std::thread::spawn(move || run_within(&mut server_cmd, Duration::from_secs(40)));
    // Godot 3.2.3's client gives up at the ICMP "port unreachable" that a
    // server not yet listening causes, and some servers start an
    // interpreter first: the client starts once the port is bound.
    wait_until_bound(&port, Duration::from_secs(30));
    let client_out = run_within(&mut client.command(&client_args), Duration::from_secs(40))
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let server_out = server_run
        .join()
        .expect("server thread")
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_success(&format!("{what}: the client"), &client_out);
    assert_success(&format!("{what}: the server"), &server_out);
    let server_text = String::from_utf8_lossy(&server_out.stdout);
    assert!(
        server_text.lines().any(|l| l == "Peer connected!")
            && server_text
                .lines()
                .any(|l| l == "Received message from client: The answer is... 42!"),
        "{what}: the server printed\n{server_text}"
    );
    let client_text = String::from_utf8_lossy(&client_out.stdout);
    let replies: Vec<&str> = client_text
        .lines()
        .filter(|l| l.starts_with("Connected: "))
        .collect();
    // The client repeats its message every frame until a reply comes, so
    // more than one reply may arrive in its last frame.
    assert!(
        !replies.is_empty() && replies.iter().all(|l| *l == "Connected: Hello DTLS client"),
        "{what}: the client printed\n{client_text}"
    );
}

/// Waits until a UDP socket of this machine is bound to `port`, or `limit`
/// passes (the pair then fails on its own, with the server's output).
pub fn wait_until_bound(port: &str, limit: Duration) {
    let suffix = format!(":{:04X}", port.parse::<u16>().expect("a port number"));
    let bound = || {
        ["/proc/net/udp", "/proc/net/udp6"].iter().any(|table| {
            std::fs::read_to_string(table).is_ok_and(|rows| {
                rows.lines().skip(1).any(|row| {
                    row.split_whitespace()
                        .nth(1)
                        .is_some_and(|local| local.ends_with(&suffix))
                })
            })
        })
    };
    let start = std::time::Instant::now();
    while !bound() && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(5));
    }
}
