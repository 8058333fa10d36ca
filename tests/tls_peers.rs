//! DTLS 1.2 interop with OpenSSL (`openssl s_server`, `openssl s_client`)
//! and GnuTLS (`gnutls-serv`, `gnutls-cli`) through the Rust API: each tool
//! as server and as client, with an ECDHE-ECDSA suite (an OpenSSL-made P-256
//! key) and an ECDHE-RSA suite (gdtls's RSA-2048 identity). The suite is
//! forced on the tool's side and read back from its output; data goes both
//! ways; certificates and host names are verified wherever the tool can.

mod support;

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use gdtls::{CryptoKey, PacketPeerDtls, PacketPeerUdp, Status, TlsOptions, X509Certificate};
use support::dtls::{identity, Server};
use support::tool::{start_server, Tool};
use support::TempDir;

/// One cipher suite, how each tool names it, and the identity that serves
/// it. Both tools are limited to DTLS 1.2 and to this one suite.
struct Suite {
    openssl: &'static str,
    gnutls: &'static str,
    gnutls_priority: &'static str,
    key_path: PathBuf,
    cert_path: PathBuf,
    key: Arc<CryptoKey>,
    cert: Arc<X509Certificate>,
}

impl Suite {
    fn path(path: &std::path::Path) -> &str {
        path.to_str().expect("scratch paths are UTF-8")
    }

    fn key_file(&self) -> &str {
        Self::path(&self.key_path)
    }

    fn cert_file(&self) -> &str {
        Self::path(&self.cert_path)
    }

    fn server_options(&self) -> TlsOptions {
        TlsOptions::server(self.key.clone(), self.cert.clone()).unwrap()
    }

    /// A validating client that trusts only this suite's certificate.
    fn client_options(&self) -> TlsOptions {
        TlsOptions::client(Some(self.cert.clone()), "").unwrap()
    }
}

/// The ECDHE-ECDSA suite, on a P-256 key and certificate made by OpenSSL
/// and loaded into gdtls from their files.
fn ecdsa_suite(tmp: &TempDir) -> Suite {
    let (key_path, cert_path) = (tmp.join("ec.key"), tmp.join("ec.crt"));
    let out = support::run(
        Command::new("openssl")
            .args(["req", "-x509", "-newkey", "ec"])
            .args(["-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"])
            .args(["-subj", "/CN=localhost", "-days", "30"])
            .arg("-keyout")
            .arg(&key_path)
            .arg("-out")
            .arg(&cert_path),
    );
    support::assert_success("openssl req -newkey ec", &out);
    let key = CryptoKey::new();
    key.load(&key_path, false).unwrap();
    let cert = X509Certificate::new();
    cert.load(&cert_path).unwrap();
    Suite {
        openssl: "ECDHE-ECDSA-AES128-GCM-SHA256",
        gnutls: "GNUTLS_ECDHE_ECDSA_AES_128_GCM_SHA256",
        gnutls_priority:
            "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-KX-ALL:+ECDHE-ECDSA:-CIPHER-ALL:+AES-128-GCM",
        key_path,
        cert_path,
        key: Arc::new(key),
        cert: Arc::new(cert),
    }
}

/// The ECDHE-RSA suite, on gdtls's own RSA-2048 identity saved for the tools.
fn rsa_suite(tmp: &TempDir) -> Suite {
    let (key_path, cert_path) = (tmp.join("rsa.key"), tmp.join("rsa.crt"));
    let id = identity();
    id.key.save(&key_path, false).unwrap();
    id.cert.save(&cert_path).unwrap();
    Suite {
        openssl: "ECDHE-RSA-AES256-GCM-SHA384",
        gnutls: "GNUTLS_ECDHE_RSA_AES_256_GCM_SHA384",
        gnutls_priority:
            "NORMAL:-VERS-ALL:+VERS-DTLS1.2:-KX-ALL:+ECDHE-RSA:-CIPHER-ALL:+AES-256-GCM",
        key_path,
        cert_path,
        key: id.key.clone(),
        cert: id.cert.clone(),
    }
}

/// Both suites, with their files in a scratch directory that lives as long
/// as the returned guard.
fn suites(test: &str) -> (TempDir, [Suite; 2]) {
    let tmp = TempDir::new(test);
    let suites = [ecdsa_suite(&tmp), rsa_suite(&tmp)];
    (tmp, suites)
}

/// Connects a gdtls client, verifying the tool's certificate for
/// `hostname`, to the tool server on `port`, and runs it until its handshake
/// ends in `expected`. A quick server can end the handshake within
/// `connect_to_peer`, which then returns the outcome (as in Godot): the
/// status is what tells.
fn connect_client(
    tool: &mut Tool,
    port: u16,
    hostname: &str,
    suite: &Suite,
    expected: Status,
) -> PacketPeerDtls {
    let udp = Arc::new(PacketPeerUdp::new());
    udp.connect_to_host("127.0.0.1", i32::from(port)).unwrap();
    let c = PacketPeerDtls::new();
    let started = c.connect_to_peer(udp, hostname, Some(&suite.client_options()));
    tool.wait_until(&format!("gdtls client handshake for {hostname}"), |_| {
        let _ = c.poll();
        c.get_status() != Status::STATUS_HANDSHAKING
    });
    assert_eq!(
        c.get_status(),
        expected,
        "connect_to_peer: {started:?}; tool output:\n{}",
        tool.output()
    );
    c
}

/// A gdtls client connects to a tool server started by `command` (see
/// `start_server`); then data goes both ways. The tool answers with
/// `typed`, written to its stdin, or without it (an echo server) with what
/// gdtls sent.
fn gdtls_client_to(
    suite: &Suite,
    command: impl Fn(u16) -> Command,
    ready: impl Fn(u16) -> String,
    suite_line: &str,
    typed: Option<&str>,
) {
    // The same certificate for another name is refused: the client does
    // check the name. This gets a server of its own, as s_server serves no
    // other connection after one that failed.
    {
        let (mut tool, port) = start_server(&command, &ready);
        connect_client(
            &mut tool,
            port,
            "not-localhost",
            suite,
            Status::STATUS_ERROR_HOSTNAME_MISMATCH,
        );
    }

    let (mut tool, port) = start_server(&command, &ready);
    let c = connect_client(
        &mut tool,
        port,
        "localhost",
        suite,
        Status::STATUS_CONNECTED,
    );
    tool.wait_for(suite_line, || {
        let _ = c.poll();
    });

    let payload = format!("gdtls client says {}\n", suite.openssl);
    c.put_packet(payload.as_bytes()).unwrap();
    tool.wait_for(&payload, || {
        let _ = c.poll();
    });

    let answer = match typed {
        Some(line) => {
            tool.send(line);
            line
        }
        None => &payload,
    };
    assert_eq!(receive(&mut tool, &c), answer.as_bytes());
}

/// Waits for one packet on `peer` and returns it.
fn receive(tool: &mut Tool, peer: &PacketPeerDtls) -> Vec<u8> {
    tool.wait_until("gdtls waiting for a packet", |_| {
        let polled = peer.poll();
        assert_eq!(peer.get_status(), Status::STATUS_CONNECTED, "{polled:?}");
        peer.get_available_packet_count() > 0
    });
    peer.get_packet_vec().unwrap()
}

/// A tool client connects to a gdtls server with this suite's identity,
/// run frame by frame; `lines` are what the tool prints once the handshake
/// is done (its suite and its verdict on gdtls's certificate). Then data
/// goes both ways.
fn tool_client_to_gdtls(suite: &Suite, command: impl FnOnce(u16) -> Command, lines: &[&str]) {
    let mut server = Server::new("127.0.0.1", &suite.server_options());
    let port = u16::try_from(server.port()).unwrap();
    let mut tool = Tool::start(&mut command(port));
    let mut connected = None;
    tool.wait_until("gdtls server handshake", |_| {
        server.frame();
        connected = server
            .peers
            .iter()
            .position(|p| p.get_status() == Status::STATUS_CONNECTED);
        connected.is_some()
    });
    assert!(
        server.refused >= 1,
        "the tool's first ClientHello got a cookie request"
    );
    let peer_index = connected.unwrap();
    for line in lines {
        tool.wait_for(line, || {
            server.frame();
        });
    }

    let payload = format!("gdtls server says {}\n", suite.openssl);
    server.peers[peer_index]
        .put_packet(payload.as_bytes())
        .unwrap();
    tool.wait_for(&payload, || {
        server.frame();
    });

    let answer = "the tool client answers\n";
    tool.send(answer);
    assert_eq!(
        receive(&mut tool, &server.peers[peer_index]),
        answer.as_bytes()
    );
}

/// `openssl s_server` on `port` of 127.0.0.1 with `suite`'s identity and
/// only its suite. `-listen` answers the first ClientHello with a
/// HelloVerifyRequest.
fn s_server(suite: &Suite, port: u16) -> Command {
    let mut cmd = Command::new("openssl");
    cmd.args(["s_server", "-dtls1_2", "-listen"])
        .args(["-accept", &format!("127.0.0.1:{port}")])
        .args(["-cert", suite.cert_file(), "-key", suite.key_file()])
        .args(["-cipher", suite.openssl]);
    cmd
}

#[test]
fn openssl_s_server_accepts_gdtls_clients() {
    let (_tmp, suites) = suites("peers-openssl-server");
    for suite in &suites {
        gdtls_client_to(
            suite,
            |port| s_server(suite, port),
            |_| "ACCEPT".to_owned(),
            &format!("CIPHER is {}", suite.openssl),
            Some("openssl s_server answers\n"),
        );
    }
}

#[test]
fn openssl_s_client_connects_to_gdtls_server() {
    let (_tmp, suites) = suites("peers-openssl-client");
    for suite in &suites {
        tool_client_to_gdtls(
            suite,
            |port| {
                let mut cmd = Command::new("openssl");
                cmd.args(["s_client", "-dtls1_2"])
                    .args(["-connect", &format!("127.0.0.1:{port}")])
                    .args(["-cipher", suite.openssl])
                    .args(["-CAfile", suite.cert_file()])
                    .args(["-verify_hostname", "localhost", "-verify_return_error"]);
                cmd
            },
            &[
                &format!("Cipher is {}", suite.openssl),
                "Protocol  : DTLSv1.2",
                "Verified peername: localhost",
                "Verify return code: 0 (ok)",
            ],
        );
    }
}

#[test]
fn gnutls_serv_accepts_gdtls_clients() {
    let (_tmp, suites) = suites("peers-gnutls-server");
    for suite in &suites {
        // gnutls-serv asks for a cookie by default; its debug log (level 4)
        // is where it names the suite. It has no option to bind one address,
        // so it listens on every interface; only loopback is used.
        gdtls_client_to(
            suite,
            |port| {
                let mut cmd = Command::new("gnutls-serv");
                cmd.args(["--udp", "--echo", "-d", "4"])
                    .args(["--port", &port.to_string()])
                    .args(["--x509certfile", suite.cert_file()])
                    .args(["--x509keyfile", suite.key_file()])
                    .args(["--priority", suite.gnutls_priority]);
                cmd
            },
            |port| format!("IPv4 0.0.0.0 port {port}...done"),
            &format!("Selected cipher suite: {}", suite.gnutls),
            None,
        );
    }
}

#[test]
fn gnutls_cli_connects_to_gdtls_server() {
    let (_tmp, suites) = suites("peers-gnutls-client");
    for suite in &suites {
        tool_client_to_gdtls(
            suite,
            |port| {
                let mut cmd = Command::new("gnutls-cli");
                cmd.args(["--udp", "-d", "4", "127.0.0.1"])
                    .args(["--port", &port.to_string()])
                    .args(["--priority", suite.gnutls_priority])
                    .args(["--x509cafile", suite.cert_file()])
                    .args(["--verify-hostname", "localhost"]);
                cmd
            },
            &[
                &format!("Selected cipher suite: {}", suite.gnutls),
                "- Status: The certificate is trusted.",
                "- Handshake was completed",
            ],
        );
    }
}

/// Every suite gdtls accepts is ephemeral (forward secret) and AEAD; the
/// others are refused by its server and never offered by its client. Each
/// is forced on OpenSSL's side: the accepted ones complete a verified
/// handshake and carry data, the legacy ones (RSA key exchange, CBC with
/// HMAC, CCM with its 8-byte tag) end in a handshake failure both ways.
#[test]
fn only_forward_secret_aead_suites_are_accepted() {
    let tmp = TempDir::new("peers-suites");
    let [ec, rsa] = [ecdsa_suite(&tmp), rsa_suite(&tmp)];
    let with = |base: &Suite, openssl: &'static str| Suite {
        openssl,
        key_path: base.key_path.clone(),
        cert_path: base.cert_path.clone(),
        key: base.key.clone(),
        cert: base.cert.clone(),
        ..*base
    };
    let s_client = |suite: &Suite, port: u16| {
        let mut cmd = Command::new("openssl");
        cmd.args(["s_client", "-dtls1_2"])
            .args(["-connect", &format!("127.0.0.1:{port}")])
            .args(["-cipher", suite.openssl])
            .args(["-CAfile", suite.cert_file()])
            .args(["-verify_hostname", "localhost", "-verify_return_error"]);
        cmd
    };
    for accepted in [
        with(&rsa, "ECDHE-RSA-CHACHA20-POLY1305"),
        with(&rsa, "DHE-RSA-AES256-GCM-SHA384"),
        with(&ec, "ECDHE-ECDSA-AES128-CCM"),
    ] {
        tool_client_to_gdtls(
            &accepted,
            |port| s_client(&accepted, port),
            &[&format!("Cipher is {}", accepted.openssl)],
        );
    }
    for legacy in [
        with(&rsa, "AES128-SHA"),
        with(&rsa, "AES256-SHA256"),
        with(&rsa, "ECDHE-RSA-AES128-SHA256"),
        with(&ec, "ECDHE-ECDSA-AES128-CCM8"),
    ] {
        // OpenSSL's client offering only the legacy suite.
        let mut server = Server::new("127.0.0.1", &legacy.server_options());
        let port = u16::try_from(server.port()).unwrap();
        let mut tool = Tool::start(&mut s_client(&legacy, port));
        tool.wait_until(&format!("{} refused", legacy.openssl), |out| {
            server.frame();
            out.contains("handshake failure")
        });
        assert!(
            server
                .peers
                .iter()
                .all(|p| p.get_status() != Status::STATUS_CONNECTED),
            "{} was accepted",
            legacy.openssl
        );
        // OpenSSL's server accepting only the legacy suite.
        let (mut tool, port) =
            start_server(|port| s_server(&legacy, port), |_| "ACCEPT".to_owned());
        connect_client(&mut tool, port, "localhost", &legacy, Status::STATUS_ERROR);
        tool.wait_for("no shared cipher", || {});
    }
}
