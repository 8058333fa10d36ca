//! DTLS helpers shared by the tests: a server run the way Godot's example
//! runs it, clients, and a test identity.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use gdtls::udp::{PacketPeerUdp, UdpServer};
use gdtls::{
    generate_ecdsa, generate_rsa, generate_self_signed_certificate, CryptoKey, DtlsServer,
    PacketPeerDtls, Status, TlsOptions, X509Certificate,
};

pub struct Identity {
    pub key: Arc<CryptoKey>,
    pub cert: Arc<X509Certificate>,
}

impl Identity {
    /// `key` with a certificate for "localhost" that it signs.
    fn localhost(key: CryptoKey) -> Self {
        let cert = generate_self_signed_certificate(
            &key,
            "CN=localhost,O=gdtls test",
            "20200101000000",
            "20991231000000",
        )
        .unwrap();
        Identity {
            key: Arc::new(key),
            cert: Arc::new(cert),
        }
    }
}

/// One RSA-2048 key and a certificate for "localhost", made once.
pub fn identity() -> &'static Identity {
    static ID: OnceLock<Identity> = OnceLock::new();
    ID.get_or_init(|| Identity::localhost(generate_rsa(2048).unwrap()))
}

/// One ECDSA P-256 key and a certificate for "localhost", made once.
pub fn ecdsa_identity() -> &'static Identity {
    static ID: OnceLock<Identity> = OnceLock::new();
    ID.get_or_init(|| Identity::localhost(generate_ecdsa("P-256").unwrap()))
}

/// A DTLS server on a UDP server, run the way Godot's example runs it.
pub struct Server {
    pub udp: UdpServer,
    pub dtls: DtlsServer,
    pub peers: Vec<PacketPeerDtls>,
    pub refused: usize,
    /// What the connections' polls failed with, in order.
    pub failures: Vec<gdtls::Failure>,
}

impl Server {
    pub fn new(ip: &str, options: &TlsOptions) -> Self {
        let udp = UdpServer::new();
        udp.listen(0, ip).unwrap();
        let dtls = DtlsServer::new();
        dtls.setup(options).unwrap();
        Server {
            udp,
            dtls,
            peers: Vec::new(),
            refused: 0,
            failures: Vec::new(),
        }
    }

    pub fn port(&self) -> i32 {
        i32::from(self.udp.get_local_port())
    }

    /// One frame of Godot's `_process`; returns how many connections it took.
    pub fn frame(&mut self) -> usize {
        self.udp.poll().unwrap();
        let mut taken = 0;
        while self.udp.is_connection_available() {
            let udp_peer = self.udp.take_connection().unwrap();
            taken += 1;
            let peer = self.dtls.take_connection(udp_peer);
            if peer.get_status() != Status::STATUS_HANDSHAKING {
                self.refused += 1;
                continue;
            }
            self.peers.push(peer);
        }
        for p in &self.peers {
            if let Err(f) = p.poll() {
                self.failures.push(f);
            }
        }
        taken
    }
}

pub fn client(ip: &str, port: i32, hostname: &str, options: Option<&TlsOptions>) -> PacketPeerDtls {
    let udp = Arc::new(PacketPeerUdp::new());
    udp.connect_to_host(ip, port).unwrap();
    let peer = PacketPeerDtls::new();
    peer.connect_to_peer(udp, hostname, options).unwrap();
    assert_eq!(peer.get_status(), Status::STATUS_HANDSHAKING);
    peer
}

/// A real ClientHello without a cookie, as a client with `options` first
/// sends it, caught on its way.
pub fn client_hello(options: Option<&TlsOptions>) -> Vec<u8> {
    let catcher = PacketPeerUdp::new();
    catcher.bind(0, "127.0.0.1", 65536).unwrap();
    let port = i32::from(catcher.get_local_port());
    let _client = client("127.0.0.1", port, "localhost", options);
    catcher.wait(Some(Duration::from_secs(5))).unwrap();
    catcher.get_packet_vec().unwrap()
}

/// Runs frames until every client leaves STATUS_HANDSHAKING (10 s at most).
pub fn settle(server: &mut Server, clients: &[&PacketPeerDtls]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while clients
        .iter()
        .any(|c| c.get_status() == Status::STATUS_HANDSHAKING)
        || server
            .peers
            .iter()
            .any(|p| p.get_status() == Status::STATUS_HANDSHAKING)
    {
        assert!(Instant::now() < deadline, "handshake did not finish");
        server.frame();
        for c in clients {
            let _ = c.poll();
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// A client of `server` on `ip`, verifying its certificate for
/// `hostname`, run until connected; returns it and the index of its
/// connection among the server's peers.
pub fn connected_pair(
    server: &mut Server,
    ip: &str,
    hostname: &str,
    options: &TlsOptions,
) -> (PacketPeerDtls, usize) {
    let c = client(ip, server.port(), hostname, Some(options));
    settle(server, &[&c]);
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);
    (c, server.peers.len() - 1)
}

/// A server on 127.0.0.1 with the test identity and one verifying client
/// connected to it (its connection is `peers[0]`).
pub fn connected_session() -> (Server, PacketPeerDtls) {
    let mut server = Server::new("127.0.0.1", &server_options());
    let (client, _) = connected_pair(&mut server, "127.0.0.1", "localhost", &trusting_client());
    (server, client)
}

pub fn server_options() -> TlsOptions {
    TlsOptions::server(identity().key.clone(), identity().cert.clone()).unwrap()
}

pub fn trusting_client() -> TlsOptions {
    TlsOptions::client(Some(identity().cert.clone()), "").unwrap()
}

/// The retried ClientHello a client sends after `hello_verify_request`:
/// `hello` (a cookie-less ClientHello in one record) with the request's
/// cookie, the next record and message sequence numbers, and its lengths
/// grown to match. For tests that play a client's first two flights by
/// hand, from many source ports, without a DTLS context each.
pub fn with_cookie(hello: &[u8], hello_verify_request: &[u8]) -> Vec<u8> {
    const RECORD: usize = 13;
    const HANDSHAKE: usize = 12;
    // HelloVerifyRequest body: server_version (2), cookie length, cookie.
    let at = RECORD + HANDSHAKE + 2;
    let cookie = &hello_verify_request[at + 1..at + 1 + usize::from(hello_verify_request[at])];
    // ClientHello body: client_version (2), random (32), session id, cookie.
    let session_id = RECORD + HANDSHAKE + 34;
    let cookie_at = session_id + 1 + usize::from(hello[session_id]);
    assert_eq!(hello[cookie_at], 0, "the first ClientHello has no cookie");
    let mut out = Vec::with_capacity(hello.len() + cookie.len());
    out.extend_from_slice(&hello[..cookie_at]);
    out.push(cookie.len() as u8);
    out.extend_from_slice(cookie);
    out.extend_from_slice(&hello[cookie_at + 1..]);
    let grow = |field: &mut [u8]| {
        let mut n = field.iter().fold(0usize, |n, b| n << 8 | usize::from(*b));
        n += cookie.len();
        for (i, b) in field.iter_mut().rev().enumerate() {
            *b = (n >> (8 * i)) as u8;
        }
    };
    out[10] = 1; // record sequence number
    grow(&mut out[11..13]); // record length
    grow(&mut out[14..17]); // handshake length
    out[18] = 1; // message sequence
    grow(&mut out[22..25]); // fragment length
    out
}
