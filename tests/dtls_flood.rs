//! A flood of cookie-less ClientHellos, alone in its process so that its
//! memory reading is not disturbed by other tests.

mod support;

use std::time::{Duration, Instant};

use gdtls::udp::PacketPeerUdp;
use support::dtls::*;
use support::resident_kib;

/// 10,000 ClientHellos without a cookie, each from its own port: each is
/// answered with a HelloVerifyRequest and leaves nothing behind, so the
/// server's memory stays flat (Godot allocates a TLS context for each).
/// The first are answered through connections refused (as Godot's are);
/// once the DTLS server has taken one, from the socket read itself.
#[test]
fn cookie_less_client_hellos_leave_no_state() {
    let mut server = Server::new("127.0.0.1", &server_options());
    let hello = client_hello(None);
    assert_eq!(hello[0], 22, "a handshake record");

    let mut flood = |count: usize| {
        for batch in 0..count / 100 {
            let senders: Vec<PacketPeerUdp> = (0..100)
                .map(|_| {
                    let s = PacketPeerUdp::new();
                    s.connect_to_host("127.0.0.1", server.port()).unwrap();
                    s.put_packet(&hello).unwrap();
                    s
                })
                .collect();
            let answered = |server: &Server| server.refused as u64 + server.udp.greeted_datagrams();
            let before = answered(&server);
            let deadline = Instant::now() + Duration::from_secs(5);
            while answered(&server) < before + 100 {
                assert!(
                    Instant::now() < deadline,
                    "batch {batch}: {} of 100 answered",
                    answered(&server) - before
                );
                server.frame();
            }
            // Each got its HelloVerifyRequest.
            for s in &senders {
                s.wait(Some(Duration::from_secs(5))).unwrap();
                assert_eq!(s.get_packet_vec().unwrap()[13], 3, "a HelloVerifyRequest");
            }
        }
    };
    flood(1_000); // warm up allocator pools and thread-local buffers
    let before = resident_kib();
    flood(10_000);
    let growth = resident_kib().saturating_sub(before);
    println!("server memory growth after 10,000 cookie-less ClientHellos: {growth} KiB");
    assert!(server.peers.is_empty(), "no connection was made");
    assert!(
        server.udp.greeted_datagrams() >= 10_000,
        "answered from the socket read"
    );
    assert_eq!(server.udp.dropped_datagrams(), 0);
    // A TLS context per hello, as Godot keeps, would be over 300 MiB.
    assert!(growth < 2048, "memory grew by {growth} KiB");
}
