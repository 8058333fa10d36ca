//! Connections of one DTLSServer, taken on one thread and polled on two,
//! run their handshakes side by side: `take_connection` leaves the
//! server's flight (its key exchange and signature, most of a handshake's
//! cost) to the connection's first poll, and nothing gdtls or mbedTLS
//! holds across it, the server's key included, makes one thread wait for
//! the other.

mod support;

use std::sync::Barrier;
use std::time::{Duration, Instant};

use gdtls::{DtlsServer, PacketPeerDtls, Status, TlsOptions, UdpServer};
use support::dtls::{client, identity};

/// The handshakes each of the two threads answers.
const PER_THREAD: usize = 12;
/// At most this many times may a thread sleep while it answers them: a
/// lock held across the signature makes it sleep about once for each.
const MAX_WAITS: u64 = 3;

/// How many times this thread has slept waiting for something (a lock
/// another thread holds, say): the kernel's count of its voluntary context
/// switches.
fn waits() -> u64 {
    let status = std::fs::read_to_string("/proc/thread-self/status").expect("/proc/thread-self");
    status
        .lines()
        .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a voluntary_ctxt_switches line")
}

/// `n` clients of `udp` and `dtls` and the server's connection of each,
/// taken for the client's ClientHello with a cookie and not yet polled.
fn taken(
    udp: &UdpServer,
    dtls: &DtlsServer,
    n: usize,
) -> (Vec<PacketPeerDtls>, Vec<PacketPeerDtls>) {
    let port = i32::from(udp.get_local_port());
    let options = TlsOptions::client(Some(identity().cert.clone()), "").unwrap();
    let clients: Vec<_> = (0..n)
        .map(|_| client("127.0.0.1", port, "localhost", Some(&options)))
        .collect();
    let mut peers = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while peers.len() < n {
        assert!(Instant::now() < deadline, "{} of {n} taken", peers.len());
        while let Some(u) = udp.take_connection() {
            let peer = dtls.take_connection(u);
            if peer.get_status() == Status::STATUS_HANDSHAKING {
                peers.push(peer);
            }
        }
        for c in &clients {
            c.poll().unwrap();
        }
    }
    (clients, peers)
}

/// When one thread answered its handshakes, and how often it slept.
struct Span {
    start: Instant,
    end: Instant,
    waits: u64,
}

fn answer(peers: &[PacketPeerDtls], start_together: &Barrier) -> Span {
    start_together.wait();
    let (start, before) = (Instant::now(), waits());
    for p in peers {
        p.poll().unwrap();
    }
    let waits = waits() - before;
    Span {
        start,
        end: Instant::now(),
        waits,
    }
}

/// RSA keys are where mbedTLS locks: it holds the key's own mutex through
/// each private-key operation, and a server's connections share its key.
#[test]
fn two_threads_answer_handshakes_of_one_server_at_once() {
    let udp = UdpServer::new();
    udp.listen(0, "127.0.0.1").unwrap();
    let dtls = DtlsServer::new();
    let id = identity();
    let options = TlsOptions::server(id.key.clone(), id.cert.clone()).unwrap();
    dtls.setup(&options).unwrap();
    let (clients, peers) = taken(&udp, &dtls, 2 * PER_THREAD);
    for p in &peers {
        assert_eq!(
            p.traffic().datagrams_sent,
            0,
            "take_connection leaves the server's flight to the first poll"
        );
    }

    let start_together = Barrier::new(2);
    let (first, second) = peers.split_at(PER_THREAD);
    let [a, b] = std::thread::scope(|s| {
        [first, second]
            .map(|group| s.spawn(|| answer(group, &start_together)))
            .map(|t| t.join().unwrap())
    });
    for p in &peers {
        assert!(p.traffic().datagrams_sent > 0, "each poll wrote a flight");
    }
    let overlap = a
        .end
        .min(b.end)
        .saturating_duration_since(a.start.max(b.start));
    let shorter = (a.end - a.start).min(b.end - b.start);
    eprintln!(
        "two threads: {:?} and {:?}, together {overlap:?}; slept {} and {} times",
        a.end - a.start,
        b.end - b.start,
        a.waits,
        b.waits
    );
    assert!(
        overlap >= shorter / 2,
        "the threads ran one after the other, not together: nothing was shown"
    );
    assert!(
        a.waits + b.waits <= MAX_WAITS,
        "the threads waited for each other {} times in {} handshakes",
        a.waits + b.waits,
        2 * PER_THREAD
    );

    let deadline = Instant::now() + Duration::from_secs(10);
    while clients
        .iter()
        .chain(&peers)
        .any(|p| p.get_status() == Status::STATUS_HANDSHAKING)
    {
        assert!(Instant::now() < deadline, "the handshakes did not finish");
        for p in clients.iter().chain(&peers) {
            p.poll().unwrap();
        }
    }
    for p in clients.iter().chain(&peers) {
        assert_eq!(p.get_status(), Status::STATUS_CONNECTED);
    }
}
