//! What gdtls adds to Godot's DTLS, through the Rust API, each against a
//! real peer where one exists: certificate pinning, pre-shared keys and
//! mutual authentication with `openssl s_server` / `s_client` both ways,
//! session resumption with OpenSSL and GnuTLS, revocation lists made by
//! `openssl ca`, ECDSA keys made by gdtls with OpenSSL and Godot 3.2.3
//! peers; and what a connection reports (protocol, suite, peer
//! certificate, timings, traffic), the event-loop timer, MTU, suite and
//! curve lists, and logging.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gdtls::{
    generate_ecdsa, generate_self_signed_certificate, CryptoKey, Error, Failure, PacketPeerDtls,
    PacketPeerUdp, Pin, PinKind, Status, TlsOptions, X509Certificate,
};
use support::dtls::{self as helpers, identity, Server};
use support::tool::{start_server, Tool, STEP_TIMEOUT};
use support::{assert_success, run, TempDir};

/// A key and a self-signed certificate made by gdtls, and their files.
struct Identity {
    key: Arc<CryptoKey>,
    cert: Arc<X509Certificate>,
    key_path: PathBuf,
    cert_path: PathBuf,
}

impl Identity {
    /// An ECDSA key on `curve` and a certificate for `subject`, saved in
    /// `dir` under `name`.
    fn ecdsa(dir: &TempDir, name: &str, curve: &str, subject: &str) -> Self {
        let key = generate_ecdsa(curve).unwrap();
        let cert =
            generate_self_signed_certificate(&key, subject, "20200101000000", "20991231000000")
                .unwrap();
        Self::saved(dir, name, key, cert)
    }

    fn saved(dir: &TempDir, name: &str, key: CryptoKey, cert: X509Certificate) -> Self {
        let (key_path, cert_path) = (
            dir.join(&format!("{name}.key")),
            dir.join(&format!("{name}.crt")),
        );
        key.save(&key_path, false).unwrap();
        cert.save(&cert_path).unwrap();
        Identity {
            key: Arc::new(key),
            cert: Arc::new(cert),
            key_path,
            cert_path,
        }
    }

    fn server_options(&self) -> TlsOptions {
        TlsOptions::server(self.key.clone(), self.cert.clone()).unwrap()
    }

    fn trusting_client(&self) -> TlsOptions {
        TlsOptions::client(Some(self.cert.clone()), "").unwrap()
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("scratch paths are UTF-8")
}

/// `openssl s_server` for DTLS 1.2 on `port` of 127.0.0.1 with `args`.
fn s_server(port: u16, args: &[&str]) -> Command {
    let mut cmd = Command::new("openssl");
    cmd.args(["s_server", "-dtls1_2", "-listen"])
        .args(["-accept", &format!("127.0.0.1:{port}")])
        .args(args);
    cmd
}

/// `openssl s_client` for DTLS 1.2 to `port` of 127.0.0.1 with `args`.
fn s_client(port: u16, args: &[&str]) -> Command {
    let mut cmd = Command::new("openssl");
    cmd.args(["s_client", "-dtls1_2"])
        .args(["-connect", &format!("127.0.0.1:{port}")])
        .args(args);
    cmd
}

/// Connects a gdtls client with `options` to the tool server on `port`
/// and runs it until its handshake ends; returns it and the error that
/// ended it, if one did.
fn client_of(
    tool: &mut Tool,
    port: u16,
    options: &TlsOptions,
) -> (PacketPeerDtls, Option<Failure>) {
    connect(tool, port, options, PacketPeerDtls::new())
}

/// `client_of` for the peer `c`.
fn connect(
    tool: &mut Tool,
    port: u16,
    options: &TlsOptions,
    c: PacketPeerDtls,
) -> (PacketPeerDtls, Option<Failure>) {
    let udp = Arc::new(PacketPeerUdp::new());
    udp.connect_to_host("127.0.0.1", i32::from(port)).unwrap();
    let mut failure = c.connect_to_peer(udp, "localhost", Some(options)).err();
    tool.wait_until("the gdtls client's handshake", |_| {
        if let Err(f) = c.poll() {
            failure = Some(f);
        }
        c.get_status() != Status::STATUS_HANDSHAKING
    });
    (c, failure)
}

/// A gdtls client connected to a tool server sends a line and gets the
/// tool's typed answer back.
fn talk_to_tool(tool: &mut Tool, c: &PacketPeerDtls) {
    c.put_packet(b"hello from gdtls\n").unwrap();
    tool.wait_for("hello from gdtls", || {
        let _ = c.poll();
    });
    tool.send("hello from openssl\n");
    tool.wait_until("the tool's answer", |_| {
        let _ = c.poll();
        c.get_available_packet_count() > 0
    });
    assert_eq!(c.get_packet_vec().unwrap(), b"hello from openssl\n");
}

/// A gdtls server's run against one tool client: frames until a
/// connection is up or `give_up` says the tool is done; returns the
/// connection, if any, and the last error a connection ended with.
fn serve_tool(
    server: &mut Server,
    tool: &mut Tool,
    give_up: impl Fn(&str) -> bool,
) -> (Option<usize>, Option<Failure>) {
    let mut connected = None;
    tool.wait_until("the gdtls server's handshake", |out| {
        server.frame();
        connected = server
            .peers
            .iter()
            .position(|p| p.get_status() == Status::STATUS_CONNECTED);
        connected.is_some() || !server.failures.is_empty() || give_up(out)
    });
    (connected, server.failures.last().cloned())
}

/// The peers' statuses and failures, for failed assertions.
fn statuses(server: &Server) -> Vec<Status> {
    server.peers.iter().map(|p| p.get_status()).collect()
}

/// A pin computed by OpenSSL from a certificate file: of its public key
/// (SubjectPublicKeyInfo, as HPKP pins) or of the whole certificate.
fn openssl_pin(cert: &Path, kind: PinKind) -> Pin {
    let script = match kind {
        PinKind::PublicKey => {
            "openssl x509 -in \"$1\" -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary"
        }
        PinKind::Certificate => "openssl x509 -in \"$1\" -outform DER | openssl dgst -sha256 -binary",
    };
    let out = run(Command::new("sh").args(["-c", script, "pin"]).arg(cert));
    assert_success("openssl pin", &out);
    Pin {
        kind,
        sha256: out.stdout.try_into().expect("32 bytes of SHA-256"),
    }
}

#[test]
fn pins_admit_only_the_pinned_server() {
    let tmp = TempDir::new("beyond-pins");
    let server = Identity::ecdsa(&tmp, "server", "P-256", "CN=localhost");
    let other = Identity::ecdsa(&tmp, "other", "P-256", "CN=localhost");
    let key_pin = openssl_pin(&server.cert_path, PinKind::PublicKey);
    let cert_pin = openssl_pin(&server.cert_path, PinKind::Certificate);
    let wrong_pin = openssl_pin(&other.cert_path, PinKind::PublicKey);
    assert_eq!(Pin::of(&server.cert, PinKind::PublicKey).unwrap(), key_pin);
    assert_eq!(
        Pin::of(&server.cert, PinKind::Certificate).unwrap(),
        cert_pin
    );

    let unsafe_with = |pins: &[Pin]| {
        let o = TlsOptions::client_unsafe(None).unwrap();
        pins.iter().for_each(|p| o.add_pin(*p));
        o
    };
    let trusting_with = |pins: &[Pin]| {
        let o = server.trusting_client();
        pins.iter().for_each(|p| o.add_pin(*p));
        o
    };
    let cases = [
        (
            "an unsafe client pinning the key",
            unsafe_with(&[key_pin]),
            true,
        ),
        (
            "an unsafe client pinning the certificate",
            unsafe_with(&[cert_pin]),
            true,
        ),
        (
            "a validating client pinning the key",
            trusting_with(&[key_pin]),
            true,
        ),
        ("one of two pins", unsafe_with(&[wrong_pin, cert_pin]), true),
        (
            "an unsafe client pinning another key",
            unsafe_with(&[wrong_pin]),
            false,
        ),
        (
            "a validating client pinning another key",
            trusting_with(&[wrong_pin]),
            false,
        ),
    ];
    let args = [
        "-cert",
        path(&server.cert_path),
        "-key",
        path(&server.key_path),
    ];
    for (what, options, admitted) in cases {
        // s_server serves no other connection after one that failed.
        let (mut tool, port) = start_server(|port| s_server(port, &args), |_| "ACCEPT".to_owned());
        let (c, failure) = client_of(&mut tool, port, &options);
        if admitted {
            assert_eq!(
                c.get_status(),
                Status::STATUS_CONNECTED,
                "{what}: {failure:?}"
            );
            talk_to_tool(&mut tool, &c);
        } else {
            assert_eq!(c.get_status(), Status::STATUS_ERROR, "{what}");
            let f = failure.expect("the refusal says why");
            assert_eq!(f.code, Error::ERR_UNAUTHORIZED, "{what}: {f:?}");
            assert!(
                f.message
                    .contains("matches none of the 1 pinned SHA-256 hashes"),
                "{what}: {}",
                f.message
            );
            // The server is told: a fatal alert, not a silent drop.
            tool.wait_for("bad certificate", || {});
        }
    }
}

const PSK_HEX: &str = "00112233445566778899aabbccddeeff";
const PSK: [u8; 16] = [
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
];

#[test]
fn pre_shared_keys_with_openssl_both_ways() {
    // gdtls clients to s_server -psk, for a forward-secret suite and plain PSK.
    for (openssl, mbedtls) in [
        (
            "ECDHE-PSK-CHACHA20-POLY1305",
            "TLS-ECDHE-PSK-WITH-CHACHA20-POLY1305-SHA256",
        ),
        ("PSK-AES128-GCM-SHA256", "TLS-PSK-WITH-AES-128-GCM-SHA256"),
    ] {
        let args = [
            "-nocert",
            "-psk",
            PSK_HEX,
            "-psk_identity",
            "player-1",
            "-cipher",
            openssl,
        ];
        let (mut tool, port) = start_server(|port| s_server(port, &args), |_| "ACCEPT".to_owned());
        let options = TlsOptions::client_psk(b"player-1", &PSK).unwrap();
        let (c, failure) = client_of(&mut tool, port, &options);
        assert_eq!(
            c.get_status(),
            Status::STATUS_CONNECTED,
            "{openssl}: {failure:?}"
        );
        assert_eq!(c.cipher_suite(), Some(mbedtls));
        assert!(c.peer_certificate().is_none(), "no certificate with PSK");
        tool.wait_for(&format!("CIPHER is {openssl}"), || {
            let _ = c.poll();
        });
        talk_to_tool(&mut tool, &c);
    }
    // A gdtls client with the wrong key gets nowhere: DTLS drops records
    // that do not decrypt, without an alert, so its handshake times out.
    {
        let args = ["-nocert", "-psk", "ffff", "-psk_identity", "player-1"];
        let (mut tool, port) = start_server(|port| s_server(port, &args), |_| "ACCEPT".to_owned());
        let options = TlsOptions::client_psk(b"player-1", &PSK).unwrap();
        let c = PacketPeerDtls::new();
        c.set_handshake_timeout(gdtls::HandshakeTimeout::new(200, 400).unwrap());
        let (c, failure) = connect(&mut tool, port, &options, c);
        assert_eq!(c.get_status(), Status::STATUS_ERROR);
        assert_eq!(failure.map(|f| f.code), Some(Error::ERR_TIMEOUT));
    }

    // s_client -psk to a gdtls server that looks identities up.
    let asked = Arc::new(Mutex::new(Vec::<Vec<u8>>::new()));
    let seen = Arc::clone(&asked);
    let options = TlsOptions::server_psk(Arc::new(move |identity: &[u8]| {
        seen.lock().unwrap().push(identity.to_vec());
        (identity == b"player-2").then(|| PSK.to_vec())
    }));
    let mut server = Server::new("127.0.0.1", &options);
    let port = u16::try_from(server.port()).unwrap();
    let mut tool = Tool::start(&mut s_client(
        port,
        &[
            "-psk",
            PSK_HEX,
            "-psk_identity",
            "player-2",
            "-cipher",
            "ECDHE-PSK-CHACHA20-POLY1305",
        ],
    ));
    let (connected, failure) = serve_tool(&mut server, &mut tool, |_| false);
    let i = connected.unwrap_or_else(|| panic!("{failure:?}"));
    tool.wait_for("Cipher is ECDHE-PSK-CHACHA20-POLY1305", || {
        server.frame();
    });
    server.peers[i].put_packet(b"hello from gdtls\n").unwrap();
    tool.wait_for("hello from gdtls", || {
        server.frame();
    });
    assert_eq!(asked.lock().unwrap().as_slice(), [b"player-2".to_vec()]);

    // An identity the lookup does not know is refused.
    let mut server = Server::new("127.0.0.1", &options);
    let port = u16::try_from(server.port()).unwrap();
    let mut tool = Tool::start(&mut s_client(
        port,
        &["-psk", PSK_HEX, "-psk_identity", "stranger"],
    ));
    let (connected, _) = serve_tool(&mut server, &mut tool, |out| out.contains("alert"));
    assert_eq!(connected, None, "{:?}", statuses(&server));
    tool.wait_for("alert", || {
        server.frame();
    });
}

#[test]
fn mutual_authentication_with_openssl_both_ways() {
    let tmp = TempDir::new("beyond-mutual");
    let server_id = Identity::ecdsa(&tmp, "server", "P-256", "CN=localhost");
    let player = Identity::ecdsa(&tmp, "player", "P-256", "CN=player one");
    let stranger = Identity::ecdsa(&tmp, "stranger", "P-256", "CN=stranger");
    let verifying = |required: bool| {
        let o = server_id.server_options();
        o.set_client_verification(player.cert.clone(), required)
            .unwrap();
        o
    };
    let client_args = |who: Option<&Identity>| {
        let mut args = vec!["-CAfile".to_owned(), path(&server_id.cert_path).to_owned()];
        if let Some(id) = who {
            args.extend(
                ["-cert", path(&id.cert_path), "-key", path(&id.key_path)].map(String::from),
            );
        }
        args
    };
    let run_client = |options: &TlsOptions, who: Option<&Identity>| {
        let mut server = Server::new("127.0.0.1", options);
        let port = u16::try_from(server.port()).unwrap();
        let args = client_args(who);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut tool = Tool::start(&mut s_client(port, &args));
        let (connected, failure) = serve_tool(&mut server, &mut tool, |out| out.contains("alert"));
        (server, tool, connected, failure)
    };

    // Required: the player's certificate is read back on the server's side.
    let (mut server, mut tool, connected, failure) = run_client(&verifying(true), Some(&player));
    let peer = &server.peers[connected.unwrap_or_else(|| panic!("{failure:?}"))];
    let seen = peer.peer_certificate().expect("the client's certificate");
    assert_eq!(
        seen.save_to_string().unwrap(),
        player.cert.save_to_string().unwrap()
    );
    peer.put_packet(b"hello player one\n").unwrap();
    tool.wait_for("hello player one", || {
        server.frame();
    });

    // Required, and none or a stranger's: refused, saying why.
    let (server, _tool, connected, _) = run_client(&verifying(true), None);
    assert_eq!(connected, None, "{:?}", statuses(&server));
    let (server, _tool, connected, failure) = run_client(&verifying(true), Some(&stranger));
    assert_eq!(connected, None, "{:?}", statuses(&server));
    let message = failure
        .unwrap_or_else(|| panic!("the refusal says why: {:?}", statuses(&server)))
        .message;
    assert!(
        message.contains("the client's certificate (CN=stranger)") && message.contains("trusted"),
        "{message}"
    );

    // Requested only: a client without one comes in, and shows none.
    let (server, _tool, connected, failure) = run_client(&verifying(false), None);
    let peer = &server.peers[connected.unwrap_or_else(|| panic!("{failure:?}"))];
    assert!(peer.peer_certificate().is_none());

    // A gdtls client presents its certificate to s_server -Verify.
    let server_args = [
        "-cert",
        path(&server_id.cert_path),
        "-key",
        path(&server_id.key_path),
        "-Verify",
        "1",
        "-CAfile",
        path(&player.cert_path),
    ];
    let (mut tool, port) =
        start_server(|port| s_server(port, &server_args), |_| "ACCEPT".to_owned());
    let options = server_id.trusting_client();
    options
        .set_client_certificate(player.key.clone(), player.cert.clone())
        .unwrap();
    let (c, failure) = client_of(&mut tool, port, &options);
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED, "{failure:?}");
    tool.wait_for("subject=CN = player one", || {
        let _ = c.poll();
    });
    talk_to_tool(&mut tool, &c);
    let server_cert = c.peer_certificate().expect("the server's certificate");
    assert_eq!(
        server_cert.save_to_string().unwrap(),
        server_id.cert.save_to_string().unwrap()
    );

    // Without one, s_server -Verify refuses it.
    let (mut tool, port) =
        start_server(|port| s_server(port, &server_args), |_| "ACCEPT".to_owned());
    let (c, failure) = client_of(&mut tool, port, &server_id.trusting_client());
    assert_eq!(c.get_status(), Status::STATUS_ERROR, "{failure:?}");
}

/// A CA made by `openssl ca`, a certificate for "localhost" it issued, and
/// revocation lists: one that revokes it, one that revokes nothing.
struct Authority {
    ca: PathBuf,
    leaf_key: PathBuf,
    leaf: PathBuf,
    revoking: PathBuf,
    empty: PathBuf,
}

fn openssl(dir: &TempDir, args: &[&str]) {
    let out = run(Command::new("openssl").current_dir(dir.path()).args(args));
    assert_success(&format!("openssl {args:?}"), &out);
}

fn authority(dir: &TempDir) -> Authority {
    let config = format!(
        "[ca]\ndefault_ca = d\n[d]\ndatabase = {0}/index.txt\ncrlnumber = {0}/crlnumber\n\
         default_md = sha256\ndefault_crl_days = 30\ncertificate = {0}/ca.crt\n\
         private_key = {0}/ca.key\n",
        path(dir.path())
    );
    std::fs::write(dir.join("ca.cnf"), config).unwrap();
    std::fs::write(dir.join("index.txt"), "").unwrap();
    std::fs::write(dir.join("crlnumber"), "01\n").unwrap();
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    openssl(
        dir,
        &[
            &["req", "-x509"][..],
            &ec,
            &["-subj", "/CN=gdtls test CA", "-days", "30"],
            &[
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=keyCertSign,cRLSign",
            ],
            &["-keyout", "ca.key", "-out", "ca.crt"],
        ]
        .concat(),
    );
    openssl(
        dir,
        &[
            &["req"][..],
            &ec,
            &[
                "-subj",
                "/CN=localhost",
                "-keyout",
                "leaf.key",
                "-out",
                "leaf.csr",
            ],
        ]
        .concat(),
    );
    std::fs::write(dir.join("leaf.ext"), "subjectAltName=DNS:localhost\n").unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "2",
            "-days",
            "30",
            "-extfile",
            "leaf.ext",
            "-out",
            "leaf.crt",
        ],
    );
    openssl(
        dir,
        &["ca", "-config", "ca.cnf", "-gencrl", "-out", "empty.crl"],
    );
    openssl(dir, &["ca", "-config", "ca.cnf", "-revoke", "leaf.crt"]);
    openssl(
        dir,
        &["ca", "-config", "ca.cnf", "-gencrl", "-out", "revoking.crl"],
    );
    openssl(
        dir,
        &[
            "crl",
            "-in",
            "revoking.crl",
            "-outform",
            "DER",
            "-out",
            "revoking.der",
        ],
    );
    Authority {
        ca: dir.join("ca.crt"),
        leaf_key: dir.join("leaf.key"),
        leaf: dir.join("leaf.crt"),
        revoking: dir.join("revoking.crl"),
        empty: dir.join("empty.crl"),
    }
}

#[test]
fn a_revoked_certificate_is_refused_and_says_so() {
    let tmp = TempDir::new("beyond-crl");
    let auth = authority(&tmp);
    let key = Arc::new(CryptoKey::new());
    key.load(&auth.leaf_key, false).unwrap();
    let leaf = Arc::new(X509Certificate::new());
    leaf.load(&auth.leaf).unwrap();
    let ca = Arc::new(X509Certificate::new());
    ca.load(&auth.ca).unwrap();
    let mut server = Server::new("127.0.0.1", &TlsOptions::server(key, leaf).unwrap());

    let revoking_pem = std::fs::read(&auth.revoking).unwrap();
    let revoking_der = std::fs::read(tmp.join("revoking.der")).unwrap();
    let empty = std::fs::read(&auth.empty).unwrap();
    for (what, crl, revoked) in [
        ("a PEM list revoking it", &revoking_pem, true),
        ("a DER list revoking it", &revoking_der, true),
        ("a list revoking nothing", &empty, false),
    ] {
        let options = TlsOptions::client(Some(ca.clone()), "").unwrap();
        options.add_crl(crl).unwrap();
        let c = helpers::client("127.0.0.1", server.port(), "localhost", Some(&options));
        let mut failure = None;
        let deadline = Instant::now() + STEP_TIMEOUT;
        while c.get_status() == Status::STATUS_HANDSHAKING {
            assert!(
                Instant::now() < deadline,
                "{what}: the handshake did not end"
            );
            server.frame();
            if let Err(f) = c.poll() {
                failure = Some(f);
            }
        }
        if revoked {
            assert_eq!(c.get_status(), Status::STATUS_ERROR, "{what}");
            let message = failure.expect("the refusal says why").message;
            assert!(
                message.contains("(CN=localhost) is revoked"),
                "{what}: {message}"
            );
        } else {
            assert_eq!(
                c.get_status(),
                Status::STATUS_CONNECTED,
                "{what}: {failure:?}"
            );
        }
    }
    let garbage = TlsOptions::client(Some(ca), "").unwrap();
    let bad = garbage.add_crl(b"not a revocation list").unwrap_err();
    assert!(bad.message.contains("revocation list"), "{}", bad.message);
}

#[test]
fn ecdsa_keys_with_openssl_and_godot() {
    let tmp = TempDir::new("beyond-ecdsa");
    let [c_server, c_client] = &support::ports::c(tmp.path());
    let (godot_server, godot_client) = (
        support::seed::godot("seed_server.gd"),
        support::seed::godot("seed_client.gd"),
    );
    for (curve, bits) in [("P-256", "256"), ("P-384", "384")] {
        let id = Identity::ecdsa(&tmp, curve, curve, "CN=localhost");
        assert!(id
            .key
            .save_to_string(false)
            .unwrap()
            .contains("BEGIN EC PRIVATE KEY"));
        // s_client verifies gdtls's ECDSA server.
        let mut server = Server::new("127.0.0.1", &id.server_options());
        let port = u16::try_from(server.port()).unwrap();
        let mut tool = Tool::start(&mut s_client(
            port,
            &[
                "-CAfile",
                path(&id.cert_path),
                "-verify_hostname",
                "localhost",
                "-verify_return_error",
            ],
        ));
        let (connected, failure) = serve_tool(&mut server, &mut tool, |_| false);
        assert!(connected.is_some(), "{curve}: {failure:?}");
        for line in ["Peer signature type: ECDSA", "Verify return code: 0 (ok)"] {
            tool.wait_for(line, || {
                server.frame();
            });
        }
        let out = tool.output();
        assert!(
            out.contains(&format!("Server public key is {bits} bit")),
            "{curve}:\n{out}"
        );

        // A gdtls client verifies s_server with gdtls's ECDSA identity.
        let args = ["-cert", path(&id.cert_path), "-key", path(&id.key_path)];
        let (mut tool, port) = start_server(|port| s_server(port, &args), |_| "ACCEPT".to_owned());
        let (c, failure) = client_of(&mut tool, port, &id.trusting_client());
        assert_eq!(
            c.get_status(),
            Status::STATUS_CONNECTED,
            "{curve}: {failure:?}"
        );
        assert!(
            c.cipher_suite().unwrap().contains("ECDSA"),
            "{:?}",
            c.cipher_suite()
        );
        talk_to_tool(&mut tool, &c);

        // Godot 3.2.3 as server and as client with the same identity,
        // against the C example programs.
        let files = support::seed::Identity::with("beyond-ecdsa-seed", &id.key_path, &id.cert_path);
        support::seed::pair(&files, &godot_server, c_client);
        support::seed::pair(&files, c_server, &godot_client);
    }
    let unknown = generate_ecdsa("P-192").err().expect("P-192 is refused");
    assert_eq!(unknown.code, Error::ERR_INVALID_PARAMETER);
}

/// Whether the CPU has the instructions AES-GCM runs fastest on, with
/// which gdtls prefers it to ChaCha20-Poly1305.
fn aes_instructions() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("aes")
            && std::arch::is_x86_feature_detected!("pclmulqdq")
    }
    #[cfg(target_arch = "aarch64")]
    {
        std::arch::is_aarch64_feature_detected!("aes")
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        false
    }
}

/// What a connection reports: what it negotiated (AES-128-GCM on a CPU
/// with AES instructions, ChaCha20-Poly1305 elsewhere), how long the
/// handshake took, what crossed the wire, and the certificate of the
/// other side.
#[test]
fn a_connection_reports_what_it_negotiated_and_carried() {
    let (mut server, c) = helpers::connected_session();
    let cipher = if aes_instructions() {
        "AES-128-GCM-SHA256"
    } else {
        "CHACHA20-POLY1305-SHA256"
    };
    for peer in [&c, &server.peers[0]] {
        assert_eq!(peer.protocol_version(), Some("DTLSv1.2"));
        let suite = peer.cipher_suite().unwrap();
        assert_eq!(suite, format!("TLS-ECDHE-RSA-WITH-{cipher}"));
        let took = peer.handshake_duration().unwrap();
        assert!(took > Duration::ZERO && took < STEP_TIMEOUT, "{took:?}");
        assert_eq!(peer.retransmissions(), 0, "nothing is lost on loopback");
    }
    assert_eq!(c.cipher_suite(), server.peers[0].cipher_suite());
    let server_cert = c.peer_certificate().expect("the server's certificate");
    assert_eq!(
        server_cert.save_to_string().unwrap(),
        identity().cert.save_to_string().unwrap()
    );
    assert!(
        server.peers[0].peer_certificate().is_none(),
        "the server asked for no client certificate"
    );

    for _ in 0..10 {
        c.put_packet(&[7; 100]).unwrap();
    }
    let deadline = Instant::now() + STEP_TIMEOUT;
    while server.peers[0].get_available_packet_count() < 10 {
        assert!(Instant::now() < deadline);
        server.frame();
    }
    let (sent, received) = (c.traffic(), server.peers[0].traffic());
    // The client's first ClientHello went to the connection that asked it
    // for a cookie, and the request came from there.
    assert_eq!(
        sent.datagrams_sent,
        received.datagrams_received + 1,
        "{sent:?} {received:?}"
    );
    assert_eq!(sent.datagrams_received, received.datagrams_sent + 1);
    assert!(sent.bytes_sent > received.bytes_received);
    assert!(
        sent.datagrams_sent >= 10 + 3,
        "the handshake's flights and ten packets"
    );
    assert!(sent.bytes_sent > 10 * 100);
    // What a peer counted stays readable after the connection ends.
    c.disconnect_from_peer();
    assert_eq!(
        c.traffic().datagrams_sent,
        sent.datagrams_sent + 1,
        "and the close_notify"
    );
    assert_eq!(c.protocol_version(), Some("DTLSv1.2"));
    assert!(c.peer_certificate().is_none(), "gone with the connection");
}

/// A client whose server does not answer: the timer the host may sleep on
/// counts down to the retransmission, which is counted.
#[test]
fn event_loop_timer_and_retransmissions() {
    let silent = PacketPeerUdp::new();
    silent.bind(0, "127.0.0.1", 65536).unwrap();
    let udp = Arc::new(PacketPeerUdp::new());
    udp.connect_to_host("127.0.0.1", i32::from(silent.get_local_port()))
        .unwrap();
    let c = PacketPeerDtls::new();
    assert_eq!(
        c.next_timeout(),
        None,
        "nothing runs before connect_to_peer"
    );
    c.set_handshake_timeout(gdtls::HandshakeTimeout::new(200, 400).unwrap());
    c.connect_to_peer(udp, "localhost", Some(&helpers::trusting_client()))
        .unwrap();
    let first = c.next_timeout().expect("the retransmission timer runs");
    assert!(
        first <= Duration::from_millis(200) && first > Duration::from_millis(100),
        "{first:?}"
    );
    // Sleeping exactly as long, then polling once, retransmits.
    std::thread::sleep(first);
    c.poll().unwrap();
    assert_eq!(c.retransmissions(), 1);
    let second = c.next_timeout().unwrap();
    assert!(
        second > Duration::from_millis(300) && second <= Duration::from_millis(400),
        "{second:?}"
    );
    assert_eq!(c.traffic().datagrams_sent, 2, "the ClientHello, sent twice");
    std::thread::sleep(second);
    let _ = c.poll();
    assert_eq!(
        c.get_status(),
        Status::STATUS_ERROR,
        "the handshake timed out"
    );
    assert_eq!(c.next_timeout(), None);

    // Connected, only an idle timeout gives a deadline.
    let (_server, c) = helpers::connected_session();
    assert_eq!(c.next_timeout(), None);
    c.set_idle_timeout(Some(Duration::from_secs(5)));
    let left = c.next_timeout().unwrap();
    assert!(
        left <= Duration::from_secs(5) && left > Duration::from_secs(4),
        "{left:?}"
    );
}

/// A UDP peer that notes the largest datagram it carried either way.
struct Measured {
    udp: PacketPeerUdp,
    largest: Arc<AtomicUsize>,
}

impl gdtls::Transport for Measured {
    fn send_datagram(&self, data: &[u8]) -> gdtls::Result<()> {
        self.largest.fetch_max(data.len(), Ordering::Relaxed);
        self.udp.send_datagram(data)
    }

    fn recv_datagram(&self, buf: &mut [u8]) -> gdtls::Result<Option<usize>> {
        let n = self.udp.recv_datagram(buf)?;
        self.largest.fetch_max(n.unwrap_or(0), Ordering::Relaxed);
        Ok(n)
    }

    fn pending_datagrams(&self) -> gdtls::Result<Option<usize>> {
        self.udp.pending_datagrams()
    }
}

/// The MTU on the options caps every datagram of the handshake, both
/// ways, and the largest packet; suites and curves can be narrowed, and
/// bad names are refused.
#[test]
fn mtu_suites_and_curves() {
    let server_options = helpers::server_options();
    server_options.set_mtu(500).unwrap();
    let mut server = Server::new("127.0.0.1", &server_options);
    let options = helpers::trusting_client();
    options.set_mtu(500).unwrap();
    options
        .set_cipher_suites("TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256")
        .unwrap();
    let udp = PacketPeerUdp::new();
    udp.connect_to_host("127.0.0.1", server.port()).unwrap();
    let largest = Arc::new(AtomicUsize::new(0));
    let measured = Measured {
        udp,
        largest: Arc::clone(&largest),
    };
    let c = PacketPeerDtls::new();
    let wrapped = Arc::new(PacketPeerUdp::from_transport(Box::new(measured)));
    c.connect_to_peer(wrapped, "localhost", Some(&options))
        .unwrap();
    helpers::settle(&mut server, &[&c]);
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);
    assert_eq!(
        c.cipher_suite(),
        Some("TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256")
    );
    // AES-GCM adds 13 + 8 + 16 bytes to a record.
    assert_eq!(c.get_max_packet_size(), 500 - 37);
    assert!(c.put_packet(&[1; 464]).is_err());
    c.put_packet(&[1; 463]).unwrap();
    let largest = largest.load(Ordering::Relaxed);
    assert!(
        largest <= 500 && largest > 400,
        "the largest datagram: {largest} bytes"
    );
    assert!(
        c.traffic().datagrams_received > 4,
        "the server's flight was cut to fit"
    );

    for bad in [255, 16385] {
        assert_eq!(
            options.set_mtu(bad).unwrap_err().code,
            Error::ERR_INVALID_PARAMETER
        );
    }
    let e = options.set_cipher_suites("TLS-NO-SUCH-SUITE").unwrap_err();
    assert!(e.message.contains("TLS-NO-SUCH-SUITE"), "{}", e.message);
    assert!(options.set_curves("secp384r1, no-such-curve").is_err());

    // The curve list, read back from OpenSSL's side.
    let server_options = helpers::server_options();
    server_options.set_curves("secp384r1").unwrap();
    let mut server = Server::new("127.0.0.1", &server_options);
    let port = u16::try_from(server.port()).unwrap();
    let mut tool = Tool::start(&mut s_client(port, &[]));
    let (connected, failure) = serve_tool(&mut server, &mut tool, |_| false);
    assert!(connected.is_some(), "{failure:?}");
    tool.wait_for("Server Temp Key: ECDH, secp384r1", || {
        server.frame();
    });

    // A suite the defaults leave out can be asked for again.
    let legacy = helpers::server_options();
    legacy
        .set_cipher_suites("TLS-RSA-WITH-AES-128-GCM-SHA256")
        .unwrap();
    let mut server = Server::new("127.0.0.1", &legacy);
    let port = u16::try_from(server.port()).unwrap();
    let mut tool = Tool::start(&mut s_client(port, &["-cipher", "AES128-GCM-SHA256"]));
    let (connected, failure) = serve_tool(&mut server, &mut tool, |_| false);
    assert!(connected.is_some(), "{failure:?}");
}

/// mbedTLS's debug output and gdtls's notices reach the host's logger at
/// the levels it asked for, and nothing is printed otherwise.
#[test]
fn logging_goes_through_the_host_callback() {
    let lines = Arc::new(Mutex::new(Vec::<(i32, String)>::new()));
    let sink = Arc::clone(&lines);
    gdtls::log::set_logger(
        Some(Arc::new(move |level, text: &str| {
            sink.lock().unwrap().push((level, text.to_owned()));
        })),
        2,
    );
    let (_server, c) = helpers::connected_session();
    gdtls::log::set_logger(None, 0);
    let seen = std::mem::take(&mut *lines.lock().unwrap());
    assert!(
        seen.iter().all(|(level, _)| (1..=2).contains(level)),
        "{seen:?}"
    );
    assert!(
        seen.iter().any(|(_, t)| t.contains("handshake")),
        "mbedTLS's state changes: {seen:?}"
    );
    c.put_packet(b"after the logger is gone").unwrap();
    let (_server2, _c2) = helpers::connected_session();
    assert!(
        lines.lock().unwrap().is_empty(),
        "nothing after set_logger(None)"
    );
}

/// A client that reconnects to a server with the same options resumes its
/// session (an abbreviated handshake, without certificates): gdtls with
/// gdtls, a gdtls client with gnutls-serv, `openssl s_client -sess_in`
/// with a gdtls server.
#[test]
fn session_resumption_with_gnutls_and_openssl() {
    let mut server = Server::new("127.0.0.1", &helpers::server_options());
    let options = helpers::trusting_client();
    let (first, _) = helpers::connected_pair(&mut server, "127.0.0.1", "localhost", &options);
    assert!(!first.is_session_resumed());
    let full = first.traffic();
    first.disconnect_from_peer();
    let (again, i) = helpers::connected_pair(&mut server, "127.0.0.1", "localhost", &options);
    assert!(again.is_session_resumed(), "the client resumed");
    assert!(server.peers[i].is_session_resumed(), "and the server knows");
    let resumed = again.traffic();
    assert!(
        resumed.bytes_received * 2 < full.bytes_received,
        "no certificate the second time: {resumed:?} against {full:?}"
    );
    assert!(
        again.peer_certificate().is_some(),
        "the session keeps the server's"
    );
    again.put_packet(b"resumed").unwrap();

    // Other options, or resumption turned off: a full handshake.
    let other = helpers::trusting_client();
    let (c, _) = helpers::connected_pair(&mut server, "127.0.0.1", "localhost", &other);
    assert!(!c.is_session_resumed());
    options.set_session_resumption(false);
    let (c, _) = helpers::connected_pair(&mut server, "127.0.0.1", "localhost", &options);
    assert!(!c.is_session_resumed());
    // A server without tickets resumes nobody.
    let untold = Server::new("127.0.0.1", &helpers::server_options());
    untold.dtls.set_session_ticket_lifetime(None).unwrap();
    let mut untold = untold;
    let options = helpers::trusting_client();
    for _ in 0..2 {
        let (c, _) = helpers::connected_pair(&mut untold, "127.0.0.1", "localhost", &options);
        assert!(!c.is_session_resumed());
    }

    // A gdtls client reconnecting to gnutls-serv (OpenSSL's s_server
    // serves one DTLS connection per process).
    let tmp = TempDir::new("beyond-resumption");
    let id = Identity::ecdsa(&tmp, "server", "P-256", "CN=localhost");
    let (mut tool, port) = start_server(
        |port| {
            let mut cmd = Command::new("gnutls-serv");
            cmd.args(["--udp", "--echo", "--port", &port.to_string()])
                .args(["--x509certfile", path(&id.cert_path)])
                .args(["--x509keyfile", path(&id.key_path)]);
            cmd
        },
        |port| format!("IPv4 0.0.0.0 port {port}...done"),
    );
    let options = id.trusting_client();
    for resumed in [false, true] {
        let (c, failure) = client_of(&mut tool, port, &options);
        assert_eq!(c.get_status(), Status::STATUS_CONNECTED, "{failure:?}");
        assert_eq!(c.is_session_resumed(), resumed, "{}", tool.output());
        c.put_packet(b"echo me").unwrap();
        tool.wait_until("the echo", |_| {
            let _ = c.poll();
            c.get_available_packet_count() > 0
        });
        assert_eq!(c.get_packet_vec().unwrap(), b"echo me");
        c.disconnect_from_peer();
    }

    // s_client saving its session and resuming it with a gdtls server.
    let session = tmp.join("session.pem");
    let mut server = Server::new("127.0.0.1", &id.server_options());
    let port = u16::try_from(server.port()).unwrap();
    for (flag, line) in [
        ("-sess_out", "New, TLSv1.2"),
        ("-sess_in", "Reused, TLSv1.2"),
    ] {
        let mut tool = Tool::start(&mut s_client(
            port,
            &["-CAfile", path(&id.cert_path), flag, path(&session)],
        ));
        let before = server.peers.len();
        tool.wait_for(line, || {
            server.frame();
        });
        let peer = &server.peers[before];
        assert_eq!(peer.is_session_resumed(), flag == "-sess_in", "{flag}");
        drop(tool);
    }
}
