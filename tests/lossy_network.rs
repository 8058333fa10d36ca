//! DTLS over a bad network. A UDP proxy between a client and a server, in
//! the spirit of mbedTLS's programs/test/udp_proxy.c, drops, duplicates,
//! reorders and delays datagrams; the handshake and an application's echo
//! exchange must still complete, every time.

mod support;

use std::collections::{HashMap, VecDeque};
use std::io::{ErrorKind, Write};
use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gdtls::{Error, Failure, PacketPeerDtls, PacketPeerUdp, Status, Transport};
use support::dtls::*;

const DROP_PERCENT: u64 = 20;
const DUPLICATE_PERCENT: u64 = 10;
const REORDER_PERCENT: u64 = 10;
const MAX_DELAY: Duration = Duration::from_millis(20);

/// How many times the same datagram, known by its length as a retransmission
/// keeps it, may be dropped or held for reordering (a held datagram that
/// nothing follows is as good as lost). mbedTLS's udp_proxy.c has the same
/// rule: each further loss of a handshake flight doubles the retransmission
/// timer (1 s, 2 s, 4 s, 8 s, 16 s, 32 s, 60 s, then the handshake fails),
/// which only makes a run take minutes without testing anything new.
const MAX_HOLDS_OF_ONE_DATAGRAM: u8 = 2;

/// SplitMix64: a seed gives the same decisions on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Counters {
    received: u64,
    dropped: u64,
    duplicated: u64,
    reordered: u64,
}

impl std::ops::AddAssign for Counters {
    fn add_assign(&mut self, o: Counters) {
        self.received += o.received;
        self.dropped += o.dropped;
        self.duplicated += o.duplicated;
        self.reordered += o.reordered;
    }
}

/// One way through the proxy. Its own generator makes its decisions depend
/// only on how many datagrams went this way, not on how the two ways
/// interleave.
struct Link {
    rng: Rng,
    /// A datagram that waits for the next one, to be sent after it.
    held: Option<Vec<u8>>,
    /// How often datagrams of each length were dropped or held.
    holds: HashMap<usize, u8>,
    /// Datagrams and when they are due, in order: a delayed datagram holds
    /// back those behind it, as a queue on a real link does, so that only
    /// the held ones arrive out of order.
    queue: VecDeque<(Instant, Vec<u8>)>,
    counters: Counters,
}

impl Link {
    fn new(seed: u64) -> Self {
        Link {
            rng: Rng(seed),
            held: None,
            holds: HashMap::new(),
            queue: VecDeque::new(),
            counters: Counters::default(),
        }
    }

    fn take(&mut self, data: &[u8], now: Instant) {
        // Every datagram draws the same numbers, whatever is done with it,
        // so that one decision never shifts the ones after it.
        let drop = self.rng.chance(DROP_PERCENT);
        let duplicate = self.rng.chance(DUPLICATE_PERCENT);
        let reorder = self.rng.chance(REORDER_PERCENT);
        let delay = MAX_DELAY.mul_f64(self.rng.next() as f64 / u64::MAX as f64);
        self.counters.received += 1;
        let holds = self.holds.entry(data.len()).or_default();
        if *holds < MAX_HOLDS_OF_ONE_DATAGRAM {
            if drop {
                *holds += 1;
                self.counters.dropped += 1;
                return;
            }
            if reorder && self.held.is_none() {
                *holds += 1;
                self.held = Some(data.to_vec());
                return;
            }
        }
        let last_due = self.queue.back().map_or(now, |(due, _)| *due);
        let due = (now + delay).max(last_due);
        self.queue.push_back((due, data.to_vec()));
        if duplicate {
            self.counters.duplicated += 1;
            self.queue.push_back((due, data.to_vec()));
        }
        if let Some(held) = self.held.take() {
            self.counters.reordered += 1;
            self.queue.push_back((due, held));
        }
    }

    /// Sends what is due to `to`.
    fn flush(&mut self, socket: &UdpSocket, to: SocketAddr, now: Instant) {
        while self.queue.front().is_some_and(|(due, _)| *due <= now) {
            let (_, data) = self.queue.pop_front().unwrap();
            socket.send_to(&data, to).expect("proxy send");
        }
    }
}

/// A UDP proxy for one client: what comes from the server goes to the last
/// address that sent anything else, and the rest goes to the server.
struct Proxy {
    socket: UdpSocket,
    server: SocketAddr,
    client: Option<SocketAddr>,
    to_server: Link,
    to_client: Link,
}

impl Proxy {
    fn new(server: SocketAddr, seed: u64) -> Self {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        socket.set_nonblocking(true).unwrap();
        let mut seeds = Rng(seed);
        Proxy {
            socket,
            server,
            client: None,
            to_server: Link::new(seeds.next()),
            to_client: Link::new(seeds.next()),
        }
    }

    fn port(&self) -> u16 {
        self.socket.local_addr().unwrap().port()
    }

    /// Takes what arrived and sends what is due; never blocks.
    fn pump(&mut self) {
        let mut buf = [0u8; 65536];
        let now = Instant::now();
        loop {
            match self.socket.recv_from(&mut buf) {
                Ok((n, from)) if from == self.server => self.to_client.take(&buf[..n], now),
                Ok((n, from)) => {
                    self.client = Some(from);
                    self.to_server.take(&buf[..n], now);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) => panic!("proxy receive: {e}"),
            }
        }
        self.to_server.flush(&self.socket, self.server, now);
        if let Some(client) = self.client {
            self.to_client.flush(&self.socket, client, now);
        }
    }

    fn counters(&self) -> Counters {
        let mut sum = self.to_server.counters;
        sum += self.to_client.counters;
        sum
    }
}

/// How many numbered packets each run's client sends and expects echoed.
const PACKETS: u16 = 20;

/// How long the client waits for an echo before it sends a packet again,
/// as a game resends unacknowledged state.
const RESEND_AFTER: Duration = Duration::from_millis(100);

/// Packet `i`: its number, then a body whose length and bytes depend on it.
fn packet(i: u16) -> Vec<u8> {
    let mut data = i.to_be_bytes().to_vec();
    data.extend((0..usize::from(i) * 37 % 600).map(|k| (k as u8) ^ (i as u8)));
    data
}

/// The server's side of the application: every packet goes back as it came.
fn echo_all(peers: &[PacketPeerDtls]) -> Result<(), String> {
    for p in peers {
        if p.get_status() != Status::STATUS_CONNECTED {
            continue;
        }
        while p.get_available_packet_count() > 0 {
            let data = p
                .get_packet_vec()
                .map_err(|e| format!("server read: {e:?}"))?;
            p.put_packet(&data)
                .map_err(|e| format!("server echo: {e:?}"))?;
        }
    }
    Ok(())
}

struct Outcome {
    seed: u64,
    result: Result<Duration, String>,
    counters: Counters,
}

/// A handshake through a proxy seeded with `seed`, then `PACKETS` packets
/// echoed back, each checked; gives up after `limit`.
fn run(seed: u64, limit: Duration) -> Outcome {
    let mut server = Server::new("127.0.0.1", &server_options());
    let server_addr = SocketAddr::from(([127, 0, 0, 1], server.udp.get_local_port()));
    let mut proxy = Proxy::new(server_addr, seed);
    let result = exchange(&mut server, &mut proxy, limit);
    Outcome {
        seed,
        result,
        counters: proxy.counters(),
    }
}

/// Runs frames of the server, the client and the proxy until every packet
/// came back; gives the time that took.
fn exchange(server: &mut Server, proxy: &mut Proxy, limit: Duration) -> Result<Duration, String> {
    let start = Instant::now();
    let client = client(
        "127.0.0.1",
        i32::from(proxy.port()),
        "localhost",
        Some(&trusting_client()),
    );
    let mut echoed = vec![false; usize::from(PACKETS)];
    let mut last_sent: Option<Instant> = None;
    loop {
        proxy.pump();
        server.frame();
        echo_all(&server.peers)?;
        // A failure shows in the status.
        let _ = client.poll();
        match client.get_status() {
            Status::STATUS_HANDSHAKING => {}
            Status::STATUS_CONNECTED => {
                take_echoes(&client, &mut echoed)?;
                if echoed.iter().all(|e| *e) {
                    return Ok(start.elapsed());
                }
                if last_sent.is_none_or(|t| t.elapsed() >= RESEND_AFTER) {
                    send_unanswered(&client, &echoed)?;
                    last_sent = Some(Instant::now());
                }
            }
            status => return Err(format!("the client ended in {status:?}")),
        }
        if start.elapsed() > limit {
            let answered = echoed.iter().filter(|e| **e).count();
            return Err(format!(
                "not done after {limit:?}: client {:?}, {answered} of {PACKETS} packets echoed",
                client.get_status()
            ));
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn take_echoes(client: &PacketPeerDtls, echoed: &mut [bool]) -> Result<(), String> {
    while client.get_available_packet_count() > 0 {
        let data = client
            .get_packet_vec()
            .map_err(|e| format!("client read: {e:?}"))?;
        let i = match data.get(..2) {
            Some(n) => u16::from_be_bytes([n[0], n[1]]),
            None => return Err(format!("a {}-byte echo", data.len())),
        };
        if i >= PACKETS || data != packet(i) {
            return Err(format!("echo of packet {i} differs from what was sent"));
        }
        echoed[usize::from(i)] = true;
    }
    Ok(())
}

fn send_unanswered(client: &PacketPeerDtls, echoed: &[bool]) -> Result<(), String> {
    for i in (0..PACKETS).filter(|i| !echoed[usize::from(*i)]) {
        match client.put_packet(&packet(i)) {
            Ok(()) => {}
            // A full socket buffer loses the packet, as the network may.
            Err(e) if e.code == Error::ERR_BUSY => {}
            Err(e) => return Err(format!("client send: {e:?}")),
        }
    }
    Ok(())
}

/// Runs `seeds` on `threads` threads at once: the handshake's retransmission
/// timer starts at 1 s and doubles, so most of a run is waiting.
fn run_all(seeds: std::ops::Range<u64>, threads: usize, limit: Duration) -> Vec<Outcome> {
    identity();
    let next = AtomicUsize::new(0);
    let seeds: Vec<u64> = seeds.collect();
    let outcomes = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while let Some(&seed) = seeds.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = run(seed, limit);
                    outcomes.lock().unwrap().push(outcome);
                }
            });
        }
    });
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort_by_key(|o| o.seed);
    outcomes
}

/// How long one run may take: past mbedTLS's own handshake timeout, which
/// gives up 123 s after the first flight (1 + 2 + 4 + 8 + 16 + 32 + 60 s),
/// so that a run fails only when the handshake does. Flights of a few
/// datagrams, each dropped at most twice, rarely need more than 31 s.
const RUN_LIMIT: Duration = Duration::from_secs(130);

#[test]
fn hundred_seeded_runs_through_a_lossy_proxy_all_succeed() {
    let runs = 100;
    let outcomes = run_all(1..runs + 1, 20, RUN_LIMIT);
    let mut times: Vec<(Duration, u64)> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok().map(|t| (*t, o.seed)))
        .collect();
    times.sort();
    let failures: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            o.result
                .as_ref()
                .err()
                .map(|e| format!("seed {}: {e}", o.seed))
        })
        .collect();
    let mut counters = Counters::default();
    for o in &outcomes {
        counters += o.counters;
    }
    let secs = |t: Option<&(Duration, u64)>| t.map_or(f64::NAN, |t| t.0.as_secs_f64());
    // Written straight to stderr, which the test harness does not capture,
    // so that the figures show in every run, not only failing ones.
    let _ = writeln!(
        std::io::stderr(),
        "lossy network: {}/{runs} runs succeeded, median {:.2} s, worst {:.2} s (seed {}), \
         {DROP_PERCENT}% loss, {DUPLICATE_PERCENT}% duplication, {REORDER_PERCENT}% reordering, \
         up to {} ms delay ({} datagrams: {} dropped, {} duplicated, {} reordered)",
        times.len(),
        secs(times.get(times.len() / 2)),
        secs(times.last()),
        times.last().map_or(0, |t| t.1),
        MAX_DELAY.as_millis(),
        counters.received,
        counters.dropped,
        counters.duplicated,
        counters.reordered,
    );
    assert!(
        counters.dropped > 0 && counters.duplicated > 0 && counters.reordered > 0,
        "the proxy spoiled nothing: {counters:?}"
    );
    // Every run must succeed: with no datagram dropped or held more than
    // twice, a handshake needs a few retransmissions at most, and a run
    // fails only when mbedTLS's own handshake timeout ends it.
    assert!(failures.is_empty(), "failed runs:\n{}", failures.join("\n"));
}

/// Sends `count` numbered datagrams from `from` through the proxy to `to`
/// and gives the numbers in the order they arrived, and the longest time
/// one took.
fn send_through(
    proxy: &mut Proxy,
    from: &UdpSocket,
    to: &UdpSocket,
    count: u32,
) -> (Vec<u32>, Duration) {
    let mut sent_at = Vec::new();
    let mut arrived = Vec::new();
    let mut slowest = Duration::ZERO;
    let mut buf = [0u8; 2048];
    let mut last = Instant::now();
    // Every datagram has its own length, so that none is spared a drop or
    // a hold for being seen too often.
    let mut next = 0;
    while next < count || last.elapsed() < 3 * MAX_DELAY {
        if next < count {
            let mut data = next.to_be_bytes().to_vec();
            data.resize(4 + next as usize, 0);
            from.send(&data).unwrap();
            sent_at.push(Instant::now());
            next += 1;
            last = Instant::now();
        }
        proxy.pump();
        while let Ok(n) = to.recv(&mut buf) {
            let i = u32::from_be_bytes(buf[..4].try_into().unwrap());
            assert_eq!(n, 4 + i as usize, "datagram {i} arrived whole");
            slowest = slowest.max(sent_at[i as usize].elapsed());
            arrived.push(i);
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    (arrived, slowest)
}

/// The proxy does what the figures of the seeded runs say: fed 1000
/// datagrams each way, it drops, duplicates and reorders about the share
/// it is set to, delays some, and its counters match what arrives.
#[test]
fn the_proxy_drops_duplicates_reorders_and_delays() {
    let server = UdpSocket::bind("127.0.0.1:0").unwrap();
    server.set_nonblocking(true).unwrap();
    let mut proxy = Proxy::new(server.local_addr().unwrap(), 7);
    let client = UdpSocket::bind("127.0.0.1:0").unwrap();
    client.set_nonblocking(true).unwrap();
    client.connect(("127.0.0.1", proxy.port())).unwrap();
    // Answers go to whoever last sent to the proxy: the client, first.
    let up = send_through(&mut proxy, &client, &server, 1000);
    server.connect(proxy.socket.local_addr().unwrap()).unwrap();
    let down = send_through(&mut proxy, &server, &client, 1000);
    for (link, (arrived, slowest)) in [(&proxy.to_server, up), (&proxy.to_client, down)] {
        let c = link.counters;
        let mut seen = vec![false; 1000];
        let (mut copies, mut late) = (0, 0);
        let mut highest = None;
        for &i in &arrived {
            if std::mem::replace(&mut seen[i as usize], true) {
                copies += 1;
            } else if highest.is_some_and(|h| h > i) {
                late += 1;
            }
            highest = highest.max(Some(i));
        }
        let unique = seen.iter().filter(|s| **s).count() as u64;
        let still_held = u64::from(link.held.is_some());
        assert_eq!(c.received, 1000);
        assert_eq!(unique, c.received - c.dropped - still_held);
        assert_eq!(copies, c.duplicated);
        assert_eq!(late, c.reordered);
        assert!((150..=250).contains(&c.dropped), "{c:?}");
        assert!((40..=110).contains(&c.duplicated), "{c:?}");
        assert!((40..=110).contains(&c.reordered), "{c:?}");
        assert!(
            slowest >= MAX_DELAY / 2,
            "slowest datagram took {slowest:?}"
        );
    }
}

/// The client's side of a UDP link that keeps a copy of what it sends.
struct RecordingLink {
    socket: UdpSocket,
    sent: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Transport for RecordingLink {
    fn send_datagram(&self, data: &[u8]) -> gdtls::Result<()> {
        self.sent.lock().unwrap().push(data.to_vec());
        self.socket
            .send(data)
            .map(|_| ())
            .map_err(|e| Failure::new(Error::FAILED, e.to_string()))
    }

    fn recv_datagram(&self, buf: &mut [u8]) -> gdtls::Result<Option<usize>> {
        match self.socket.recv(buf) {
            Ok(n) => Ok(Some(n)),
            Err(e) if e.kind() == ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(Failure::new(Error::FAILED, e.to_string())),
        }
    }

    fn pending_datagrams(&self) -> gdtls::Result<Option<usize>> {
        Ok(None)
    }
}

/// A ClientHello that arrives after the handshake, duplicated or held back
/// by the network, leaves the connection as it was. Its cookie is valid,
/// and mbedTLS takes such a ClientHello for the client reconnecting from
/// the same port: it would reset the server's side and leave the client
/// connected to nobody (a few seeded runs did so before the server bound
/// established connections to cookies of their own).
#[test]
fn a_late_client_hello_leaves_the_connection_intact() {
    let mut server = Server::new("127.0.0.1", &server_options());
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.set_nonblocking(true).unwrap();
    socket
        .connect(("127.0.0.1", server.udp.get_local_port()))
        .unwrap();
    let sent = Arc::new(Mutex::new(Vec::new()));
    let link = RecordingLink {
        socket: socket.try_clone().unwrap(),
        sent: Arc::clone(&sent),
    };
    let udp = Arc::new(PacketPeerUdp::from_transport(Box::new(link)));
    let c = PacketPeerDtls::new();
    c.connect_to_peer(udp, "localhost", Some(&trusting_client()))
        .unwrap();
    settle(&mut server, &[&c]);
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);

    // The last ClientHello sent, the one with the cookie: a handshake record
    // of epoch 0 whose message is a ClientHello (type 1).
    let is_client_hello =
        |d: &&Vec<u8>| d.len() > 13 && d[0] == 22 && d[3..5] == [0, 0] && d[13] == 1;
    let hello = sent
        .lock()
        .unwrap()
        .iter()
        .rev()
        .find(is_client_hello)
        .unwrap()
        .clone();
    socket.send(&hello).unwrap();

    c.put_packet(b"still there?").unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut answer = None;
    while answer.is_none() {
        assert!(
            Instant::now() < deadline,
            "no echo after the late ClientHello"
        );
        server.frame();
        echo_all(&server.peers).unwrap();
        c.poll().unwrap();
        if c.get_available_packet_count() > 0 {
            answer = Some(c.get_packet_vec().unwrap());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(answer.unwrap(), b"still there?");
    assert_eq!(server.peers.len(), 1);
    assert_eq!(server.peers[0].get_status(), Status::STATUS_CONNECTED);
    assert_eq!(c.get_status(), Status::STATUS_CONNECTED);
}
