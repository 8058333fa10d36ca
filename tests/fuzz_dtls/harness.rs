//! The DTLS fuzzing harness, shared by the bounded test (`main.rs` beside
//! this file) and the cargo-fuzz targets (`tests/fuzz`).
//!
//! One input drives a real gdtls client and server, handshaking over an
//! in-memory datagram network, to one state (a `Stage`), then feeds one of
//! them (the victim) datagrams decoded from the rest of the input: raw
//! bytes, and mutations of the datagrams the two really exchanged, which
//! get much further into mbedTLS than random bytes. Between datagrams the
//! input polls the victim, pokes its API and lets the honest side move on.
//!
//! What must hold, whatever the input: no panic; every call returns within
//! `CALL_LIMIT`; statuses only move the way the protocol allows; the victim
//! answers a datagram with a bounded number of datagrams; it never hands
//! out a packet the honest side did not send, nor one twice; when both ends
//! are connected afterwards, packets still flow both ways; closed and failed
//! peers stay so; and a `DtlsServer` fed anything still accepts an honest
//! client.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use gdtls::{
    generate_rsa, generate_self_signed_certificate, DtlsServer, Error, PacketPeerDtls, Status,
    TlsOptions,
};

// The including crate provides `memory`: tests/support/memory.rs.
use super::memory::{udp_over, Wire};

/// Longer than any call takes on a loaded machine: a call that overruns it
/// waited (on a timer, a lock, a loop) where it must not.
const CALL_LIMIT: Duration = Duration::from_secs(5);

/// The largest UDP payload a transport delivers.
const MAX_DATAGRAM: usize = 65507;

/// Operations decoded from one input, at most: bounds an input's run time.
const MAX_OPERATIONS: usize = 96;

/// Datagrams of the session kept for mutation.
const MAX_SEEN: usize = 64;

/// Connections a fuzzed ClientHello may open at the gate (a mutated but
/// still valid cookie) that the harness keeps polling.
const MAX_ACCEPTED: usize = 4;

/// Half-steps the honest exchange gets at the end to finish a handshake.
const SETTLE_HALF_STEPS: usize = 8;

/// The name in the test certificate.
const HOSTNAME: &str = "localhost";

/// A name the certificate does not carry: its handshake fails on the client.
const WRONG_HOSTNAME: &str = "wrong.example";

/// Runs one library call, failing if it takes longer than `CALL_LIMIT`.
fn timed<R>(what: &str, call: impl FnOnce() -> R) -> R {
    let start = Instant::now();
    let result = call();
    let took = start.elapsed();
    assert!(took < CALL_LIMIT, "{what} took {took:?}");
    result
}

struct Identity {
    server: TlsOptions,
    client: TlsOptions,
}

/// An RSA-2048 server identity for "localhost" and a client that verifies
/// it (mbedTLS verifies no smaller RSA key), made once per process.
fn identity() -> &'static Identity {
    static ID: OnceLock<Identity> = OnceLock::new();
    ID.get_or_init(|| {
        let key = Arc::new(generate_rsa(2048).unwrap());
        let cert = Arc::new(
            generate_self_signed_certificate(
                &key,
                "CN=localhost",
                "20200101000000",
                "20991231000000",
            )
            .unwrap(),
        );
        Identity {
            server: TlsOptions::server(key, Arc::clone(&cert)).unwrap(),
            client: TlsOptions::client(Some(cert), "").unwrap(),
        }
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Victim {
    Client,
    Server,
    /// The `DtlsServer` itself: every fuzzed datagram batch arrives as a
    /// new connection, before any cookie was exchanged with it.
    Gate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    Nothing,
    /// One packet each way, so that encrypted records join the pool.
    Exchange,
    /// The victim calls `disconnect_from_peer`.
    CloseSelf,
    /// The honest side disconnects and its close_notify reaches the victim.
    CloseByPeer,
}

/// A state to fuzz a victim in: the honest handshake is run `half_steps`
/// turns (server, client, server, ...; see `Session::half_step`).
#[derive(Clone, Copy, Debug)]
pub struct Stage {
    pub name: &'static str,
    pub victim: Victim,
    half_steps: usize,
    then: Then,
    hostname: &'static str,
}

impl Stage {
    /// Whether the victim starts handshaking or connected (not closed or
    /// failed), so that runs may end with both sides connected.
    pub fn live(&self) -> bool {
        matches!(self.then, Then::Nothing | Then::Exchange) && self.hostname == HOSTNAME
    }
}

const fn stage(
    name: &'static str,
    victim: Victim,
    half_steps: usize,
    then: Then,
    hostname: &'static str,
) -> Stage {
    Stage {
        name,
        victim,
        half_steps,
        then,
        hostname,
    }
}

/// The handshake's turns: server takes ClientHello 1 and asks for a cookie
/// (1), client sends ClientHello 2 (2), server accepts it and sends its
/// flight (3), client sends its key exchange and Finished (4), server
/// answers with its Finished (5), client is connected (6).
#[rustfmt::skip]
pub const STAGES: [Stage; 16] = [
    stage("client awaiting cookie",     Victim::Client, 0, Then::Nothing,     HOSTNAME),
    stage("server gate",                Victim::Gate,   2, Then::Nothing,     HOSTNAME),
    stage("client after ClientHello 2", Victim::Client, 2, Then::Nothing,     HOSTNAME),
    stage("server after its flight",    Victim::Server, 3, Then::Nothing,     HOSTNAME),
    stage("client after its Finished",  Victim::Client, 4, Then::Nothing,     HOSTNAME),
    stage("server after its Finished",  Victim::Server, 5, Then::Nothing,     HOSTNAME),
    stage("client connected",           Victim::Client, 6, Then::Exchange,    HOSTNAME),
    stage("server connected",           Victim::Server, 6, Then::Exchange,    HOSTNAME),
    stage("client gave up handshake",   Victim::Client, 2, Then::CloseSelf,   HOSTNAME),
    stage("server gave up handshake",   Victim::Server, 3, Then::CloseSelf,   HOSTNAME),
    stage("client disconnected",        Victim::Client, 6, Then::CloseSelf,   HOSTNAME),
    stage("server disconnected",        Victim::Server, 6, Then::CloseSelf,   HOSTNAME),
    stage("client closed by peer",      Victim::Client, 6, Then::CloseByPeer, HOSTNAME),
    stage("server closed by peer",      Victim::Server, 6, Then::CloseByPeer, HOSTNAME),
    stage("client failed",              Victim::Client, 5, Then::Nothing,     WRONG_HOSTNAME),
    stage("server failed",              Victim::Server, 5, Then::Nothing,     WRONG_HOSTNAME),
];

/// Reads an input front to back; past its end every byte is 0.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> usize {
        usize::from(self.byte()) << 8 | usize::from(self.byte())
    }

    fn bytes(&mut self, n: usize) -> &[u8] {
        let (taken, rest) = self.0.split_at(n.min(self.0.len()));
        self.0 = rest;
        taken
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Client,
    Server,
}

impl Side {
    fn index(self) -> usize {
        self as usize
    }

    fn other(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }
}

/// Whether a status may follow another. Only an authenticated close_notify
/// disconnects, which only the other side can send: when it disconnects, or
/// when it fails (its mbedTLS context sends one as it goes) (`peer_closed`).
fn allowed(side: Side, from: Status, to: Status, peer_closed: bool) -> bool {
    use Status::*;
    if to == STATUS_ERROR_HOSTNAME_MISMATCH && side == Side::Server {
        return false;
    }
    from == to
        || match from {
            STATUS_HANDSHAKING => to != STATUS_DISCONNECTED || peer_closed,
            STATUS_CONNECTED => to == STATUS_ERROR || (to == STATUS_DISCONNECTED && peer_closed),
            _ => false,
        }
}

/// A client and a server over an in-memory network, driven turn by turn.
struct Session {
    dtls: DtlsServer,
    client: PacketPeerDtls,
    server: Option<PacketPeerDtls>,
    /// Per side: what it reads, and what it wrote and the network has not
    /// carried yet.
    inbox: [Arc<Wire>; 2],
    outbox: [Arc<Wire>; 2],
    half_steps: usize,
    /// The datagrams the network carried, for mutation.
    seen: Vec<Vec<u8>>,
    /// Per side: the status last observed.
    status: [Option<Status>; 2],
    /// Per side: whether it called `disconnect_from_peer`.
    closed: [bool; 2],
    /// Per side: the packets it sent, and those it received.
    sent: [HashSet<Vec<u8>>; 2],
    received: [HashSet<Vec<u8>>; 2],
    /// Makes every packet an honest side sends unique.
    counter: u32,
    /// Per side: why a poll last failed.
    failure: [Option<String>; 2],
}

impl Session {
    fn new(hostname: &str) -> Self {
        let id = identity();
        let dtls = DtlsServer::new();
        dtls.setup(&id.server).unwrap();
        let inbox = [Arc::default(), Arc::default()];
        let outbox = [Arc::default(), Arc::default()];
        let client = PacketPeerDtls::new();
        let udp = udp_over(&inbox[0], &outbox[0]);
        timed("connect_to_peer", || {
            client.connect_to_peer(udp, hostname, Some(&id.client))
        })
        .unwrap();
        let mut session = Session {
            dtls,
            client,
            server: None,
            inbox,
            outbox,
            half_steps: 0,
            seen: Vec::new(),
            status: [None, None],
            closed: [false, false],
            sent: Default::default(),
            received: Default::default(),
            counter: 0,
            failure: [None, None],
        };
        session.observe(Side::Client);
        session
    }

    fn peer(&self, side: Side) -> Option<&PacketPeerDtls> {
        match side {
            Side::Client => Some(&self.client),
            Side::Server => self.server.as_ref(),
        }
    }

    /// Checks the side's status against the last one seen.
    fn observe(&mut self, side: Side) -> Option<Status> {
        let now = self.peer(side)?.get_status();
        let i = side.index();
        if let Some(before) = self.status[i] {
            let other = side.other().index();
            let peer_closed = self.closed[other]
                || matches!(
                    self.status[other],
                    Some(Status::STATUS_ERROR | Status::STATUS_ERROR_HOSTNAME_MISMATCH)
                );
            assert!(
                allowed(side, before, now, peer_closed),
                "{side:?} went from {before:?} to {now:?}"
            );
        }
        self.status[i] = Some(now);
        Some(now)
    }

    /// Carries what `side` wrote to the other side.
    fn carry_from(&mut self, side: Side) {
        let to = &self.inbox[side.other().index()];
        for datagram in self.outbox[side.index()].take_all() {
            if self.seen.len() < MAX_SEEN {
                self.seen.push(datagram.clone());
            }
            to.push(datagram);
        }
    }

    /// One turn of the honest exchange: alternately the server's (carry the
    /// client's datagrams; take a connection while there is none; poll, as
    /// Godot's `_process` does) and the client's (carry the server's
    /// datagrams, poll).
    fn half_step(&mut self) {
        let side = if self.half_steps.is_multiple_of(2) {
            Side::Server
        } else {
            Side::Client
        };
        self.half_steps += 1;
        self.carry_from(side.other());
        if side == Side::Server && self.server.is_none() && self.inbox[1].len() > 0 {
            self.take_connection();
        }
        self.poll(side);
    }

    /// The server side of Godot's example: each new source is a connection
    /// offered to the `DtlsServer`.
    fn take_connection(&mut self) {
        let udp = udp_over(&self.inbox[1], &self.outbox[1]);
        let peer = timed("take_connection", || self.dtls.take_connection(udp));
        match peer.get_status() {
            Status::STATUS_HANDSHAKING => {
                self.server = Some(peer);
                self.observe(Side::Server);
            }
            status => assert_eq!(status, Status::STATUS_ERROR, "a refused connection"),
        }
    }

    fn poll(&mut self, side: Side) {
        let Some(peer) = self.peer(side) else { return };
        let result = timed("poll", || peer.poll());
        let status = self.observe(side);
        if let Err(failure) = result {
            self.failure[side.index()] = Some(failure.message.into_owned());
            assert!(
                matches!(
                    status,
                    Some(Status::STATUS_ERROR | Status::STATUS_ERROR_HOSTNAME_MISMATCH)
                ),
                "poll failed but left {side:?} in {status:?}"
            );
        }
    }

    fn run_to(&mut self, half_steps: usize) {
        while self.half_steps < half_steps {
            self.half_step();
        }
    }

    /// Sends a new unique packet from `side`, if connected.
    fn send_packet(&mut self, side: Side) -> Option<Vec<u8>> {
        self.counter += 1;
        let packet = format!("{side:?} packet {}", self.counter).into_bytes();
        let peer = self.peer(side)?;
        if peer.get_status() != Status::STATUS_CONNECTED {
            return None;
        }
        timed("put_packet", || peer.put_packet(&packet)).unwrap();
        self.sent[side.index()].insert(packet.clone());
        Some(packet)
    }

    /// Polls `side` and reads every packet it holds, as an application's
    /// frame does; each must be one the other side sent, and none may come
    /// twice.
    fn drain_packets(&mut self, side: Side) {
        // A failure shows in the poll's result, which reading would swallow.
        self.poll(side);
        let Some(peer) = self.peer(side) else { return };
        let mut packets = Vec::new();
        while timed("get_available_packet_count", || {
            peer.get_available_packet_count()
        }) > 0
        {
            packets.push(timed("get_packet", || peer.get_packet_vec()).unwrap());
        }
        for packet in packets {
            self.accept_packet(side, packet);
        }
        self.observe(side);
    }

    fn accept_packet(&mut self, side: Side, packet: Vec<u8>) {
        assert!(
            self.sent[side.other().index()].contains(&packet),
            "{side:?} received a packet nobody sent: {packet:02x?}"
        );
        assert!(
            self.received[side.index()].insert(packet),
            "{side:?} received a packet twice"
        );
    }

    /// Both sides send a packet; each must arrive.
    fn exchange(&mut self) {
        let from_client = self.send_packet(Side::Client);
        let from_server = self.send_packet(Side::Server);
        // Two turns each: a packet may be read in the turn after it was sent.
        for _ in 0..4 {
            self.half_step();
        }
        self.drain_packets(Side::Client);
        self.drain_packets(Side::Server);
        for (packet, side) in [(from_client, Side::Server), (from_server, Side::Client)] {
            let packet = packet.expect("both sides are connected");
            assert!(
                self.received[side.index()].contains(&packet),
                "a packet did not reach the {side:?}"
            );
        }
    }

    fn disconnect(&mut self, side: Side) {
        let peer = self.peer(side).expect("the side exists");
        timed("disconnect_from_peer", || peer.disconnect_from_peer());
        assert_eq!(peer.get_status(), Status::STATUS_DISCONNECTED);
        self.closed[side.index()] = true;
        self.status[side.index()] = Some(Status::STATUS_DISCONNECTED);
    }

    fn both_connected(&self) -> bool {
        self.status == [Some(Status::STATUS_CONNECTED); 2]
    }
}

/// The status each side must be in once a stage is reached.
fn expected(stage: &Stage) -> [Option<Status>; 2] {
    use Status::*;
    let closed_self = |s: Status, side| match (stage.then, stage.victim) {
        (Then::CloseSelf, Victim::Client) if side == Side::Client => STATUS_DISCONNECTED,
        (Then::CloseSelf, Victim::Server) if side == Side::Server => STATUS_DISCONNECTED,
        (Then::CloseByPeer, Victim::Client) => STATUS_DISCONNECTED,
        (Then::CloseByPeer, Victim::Server) => STATUS_DISCONNECTED,
        _ => s,
    };
    let [client, server] = match (stage.hostname == WRONG_HOSTNAME, stage.half_steps) {
        (true, _) => [Some(STATUS_ERROR_HOSTNAME_MISMATCH), Some(STATUS_ERROR)],
        (false, 0..=2) => [Some(STATUS_HANDSHAKING), None],
        (false, 3 | 4) => [Some(STATUS_HANDSHAKING); 2],
        (false, 5) => [Some(STATUS_HANDSHAKING), Some(STATUS_CONNECTED)],
        (false, _) => [Some(STATUS_CONNECTED); 2],
    };
    [
        client.map(|s| closed_self(s, Side::Client)),
        server.map(|s| closed_self(s, Side::Server)),
    ]
}

/// Brings a new session to `stage`.
fn reach(stage: &Stage) -> Session {
    let mut session = Session::new(stage.hostname);
    session.run_to(stage.half_steps);
    let victim = match stage.victim {
        Victim::Client => Side::Client,
        Victim::Server | Victim::Gate => Side::Server,
    };
    match stage.then {
        Then::Nothing => {}
        Then::Exchange => session.exchange(),
        Then::CloseSelf => session.disconnect(victim),
        Then::CloseByPeer => {
            session.exchange();
            session.disconnect(victim.other());
            session.carry_from(victim.other());
            session.poll(victim);
            session.drain_packets(victim);
        }
    }
    assert_eq!(session.status, expected(stage), "reaching {}", stage.name);
    session
}

/// Datagrams of one whole honest session (handshake, packets, close): the
/// early stages mutate these, having seen little of their own yet.
fn reference_datagrams() -> &'static [Vec<u8>] {
    static SEEN: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEN.get_or_init(|| {
        let closing = STAGES
            .iter()
            .find(|s| s.then == Then::CloseByPeer)
            .expect("a closing stage");
        reach(closing).seen
    })
}

/// The byte ranges of the DTLS records in `datagram` (the last one may be
/// cut short).
fn records(datagram: &[u8]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = 0;
    while at + 13 <= datagram.len() {
        let len = usize::from(datagram[at + 11]) << 8 | usize::from(datagram[at + 12]);
        let end = (at + 13 + len).min(datagram.len());
        ranges.push(at..end);
        at = end;
    }
    ranges
}

/// Writes `value` big-endian into `field`, as far as the datagram goes.
fn set_field(datagram: &mut [u8], field: Range<usize>, value: u64) {
    let width = field.len();
    for (i, at) in field.enumerate() {
        if let Some(b) = datagram.get_mut(at) {
            *b = (value >> (8 * (width - 1 - i))) as u8;
        }
    }
}

fn get_field(datagram: &[u8], field: Range<usize>) -> u64 {
    field.fold(0, |v, at| {
        v << 8 | u64::from(datagram.get(at).copied().unwrap_or(0))
    })
}

/// A value for a numeric field of `width` bytes holding `old`: the edge
/// cases parsers get wrong, or anything.
fn interesting(input: &mut Input, width: usize, old: u64) -> u64 {
    let max = if width >= 8 {
        u64::MAX
    } else {
        (1 << (8 * width)) - 1
    };
    let value = match input.byte() % 8 {
        0 => 0,
        1 => 1,
        2 => max,
        3 => old.wrapping_add(1),
        4 => old.wrapping_sub(1),
        5 => old.wrapping_add(u64::from(input.byte())),
        6 => 1 << (input.byte() % 64),
        _ => (input.u16() as u64) << 8 | u64::from(input.byte()),
    };
    value & max
}

/// A mutation of `original`, chosen and shaped by the input.
fn mutate(original: &[u8], input: &mut Input) -> Vec<u8> {
    let mut d = original.to_vec();
    let recs = records(&d);
    let pick_record = |input: &mut Input| {
        let i = usize::from(input.byte());
        recs.get(i % recs.len().max(1)).cloned()
    };
    match input.byte() % 10 {
        0 => {
            for _ in 0..=input.byte() % 8 {
                let at = input.u16();
                if !d.is_empty() {
                    let len = d.len();
                    d[at % len] ^= 1 << (input.byte() % 8);
                }
            }
        }
        1 => d.truncate(input.u16() % (d.len() + 1)),
        2 => {
            let n = usize::from(input.byte());
            d.extend_from_slice(input.bytes(n));
        }
        3 => {
            let at = input.u16() % (d.len() + 1);
            let n = usize::from(input.byte() % 32);
            let bytes = input.bytes(n).to_vec();
            d.splice(at..at, bytes);
        }
        // A record header field: type, version, epoch, sequence, length.
        4 | 5 => {
            if let Some(r) = pick_record(input) {
                let (off, width) =
                    [(0, 1), (1, 2), (3, 2), (5, 6), (11, 2)][usize::from(input.byte()) % 5];
                let field = r.start + off..r.start + off + width;
                let old = get_field(&d, field.clone());
                let value = interesting(input, width, old);
                set_field(&mut d, field, value);
            }
        }
        // A handshake header field, where the record holds one in the
        // clear: type, length, message sequence, fragment offset and length.
        6 | 7 => {
            if let Some(r) = pick_record(input) {
                let (off, width) =
                    [(0, 1), (1, 3), (4, 2), (6, 3), (9, 3)][usize::from(input.byte()) % 5];
                let field = r.start + 13 + off..r.start + 13 + off + width;
                let old = get_field(&d, field.clone());
                let value = interesting(input, width, old);
                set_field(&mut d, field, value);
            }
        }
        8 => {
            if let Some(r) = pick_record(input) {
                let copy = d[r.clone()].to_vec();
                let at = if input.byte().is_multiple_of(2) {
                    r.start
                } else {
                    r.end
                };
                d.splice(at..at, copy);
            }
        }
        _ => {
            if let Some(r) = pick_record(input) {
                d.drain(r);
            }
        }
    }
    d.truncate(MAX_DATAGRAM);
    d
}

/// Runs one input: its first byte picks a stage whose victim is one of
/// `victims`, the rest is fuzz. Panics on any broken property.
pub fn run(victims: &[Victim], data: &[u8]) -> Outcome {
    let stages: Vec<&Stage> = STAGES
        .iter()
        .filter(|s| victims.contains(&s.victim))
        .collect();
    let mut input = Input(data);
    let stage = *stages[usize::from(input.byte()) % stages.len()];
    let mut fuzz = Fuzz {
        session: reach(&stage),
        stage,
        reference: reference_datagrams(),
        injected: 0,
        batch: Vec::new(),
        accepted: Vec::new(),
    };
    for _ in 0..MAX_OPERATIONS {
        if input.is_empty() {
            break;
        }
        fuzz.operation(&mut input);
    }
    fuzz.finish()
}

/// What became of the victim, for the bounded test's statistics.
#[derive(Debug)]
pub struct Outcome {
    pub stage: &'static str,
    /// The victim's final status (for the gate, the honest client's).
    pub victim: Status,
    /// Both sides were connected at the end and exchanged packets.
    pub flowed: bool,
    /// Why the victim's poll last failed.
    pub failure: Option<String>,
}

/// A connection a fuzzed ClientHello opened at the gate.
struct Accepted {
    peer: PacketPeerDtls,
    inbox: Arc<Wire>,
    status: Status,
}

struct Fuzz {
    session: Session,
    stage: Stage,
    reference: &'static [Vec<u8>],
    /// Datagrams injected since the victim last read.
    injected: usize,
    /// For the gate: datagrams that arrive together as the next connection.
    batch: Vec<Vec<u8>>,
    accepted: Vec<Accepted>,
}

impl Fuzz {
    fn victim_side(&self) -> Side {
        match self.stage.victim {
            Victim::Client => Side::Client,
            Victim::Server | Victim::Gate => Side::Server,
        }
    }

    /// A datagram the network carried, this session's or the reference's.
    fn pick<'a>(&'a self, input: &mut Input) -> Option<&'a [u8]> {
        let i = usize::from(input.byte());
        let pool: &[Vec<u8>] = if i & 1 == 0 && !self.session.seen.is_empty() {
            &self.session.seen
        } else {
            self.reference
        };
        pool.get((i >> 1) % pool.len().max(1)).map(Vec::as_slice)
    }

    fn operation(&mut self, input: &mut Input) {
        match input.byte() % 10 {
            0 => {
                let datagram = self.raw(input);
                self.inject(datagram);
            }
            1..=3 => {
                let datagram = self.pick(input).map(|d| d.to_vec()).unwrap_or_default();
                let mutated = mutate(&datagram, input);
                self.inject(mutated);
            }
            4 => {
                // Records of two datagrams in one.
                let a = self.pick(input).unwrap_or_default().to_vec();
                let b = self.pick(input).unwrap_or_default();
                let (ra, rb) = (records(&a), records(b));
                let mut spliced = Vec::new();
                for r in ra.iter().take(usize::from(input.byte() % 4)) {
                    spliced.extend_from_slice(&a[r.clone()]);
                }
                for r in rb.iter().skip(usize::from(input.byte() % 4)) {
                    spliced.extend_from_slice(&b[r.clone()]);
                }
                self.inject(spliced);
            }
            5 => {
                let datagram = self.pick(input).unwrap_or_default().to_vec();
                for _ in 0..=input.byte() % 8 {
                    self.inject(datagram.clone());
                }
            }
            6 => self.poll_victim(),
            7 => {
                if self.stage.victim != Victim::Gate {
                    self.session.half_step();
                }
            }
            _ => self.poke(input),
        }
    }

    /// Bytes straight from the input, or for the sizes mbedTLS's and UDP's
    /// limits sit at, a real datagram stretched to that size.
    fn raw(&self, input: &mut Input) -> Vec<u8> {
        let n = input.byte();
        if n < 0xf0 {
            return input.bytes(usize::from(n)).to_vec();
        }
        let size = [1200, 1201, 16384 + 13, 16384 + 13 + 2048 + 1, MAX_DATAGRAM]
            [usize::from(n - 0xf0) % 5];
        let mut d = self.pick(input).unwrap_or_default().to_vec();
        d.resize(size, n);
        d
    }

    fn inject(&mut self, datagram: Vec<u8>) {
        match self.stage.victim {
            Victim::Gate => self.batch.push(datagram),
            Victim::Client | Victim::Server => {
                self.session.inbox[self.victim_side().index()].push(datagram);
                self.injected += 1;
            }
        }
    }

    /// Replies to a poll, at most: a few per datagram read (a retransmitted
    /// flight of the peer makes mbedTLS resend its own), a flight besides.
    fn reply_limit(read: usize) -> usize {
        8 + 4 * read
    }

    fn poll_victim(&mut self) {
        if self.stage.victim == Victim::Gate {
            self.gate_take();
            return;
        }
        let side = self.victim_side();
        let outbox = Arc::clone(&self.session.outbox[side.index()]);
        let before = outbox.len();
        self.session.poll(side);
        let replies = outbox.len() - before;
        assert!(
            replies <= Self::reply_limit(self.injected),
            "{replies} datagrams in reply to {}",
            self.injected
        );
        self.injected = 0;
    }

    /// Offers the batch as a new connection: it is refused (a cookie was
    /// asked for, or nothing valid came) or, for a ClientHello whose cookie
    /// verifies, accepted.
    fn gate_take(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        let read = batch.len();
        let (inbox, outbox) = (Arc::new(Wire::default()), Arc::new(Wire::default()));
        for d in batch {
            inbox.push(d);
        }
        let udp = udp_over(&inbox, &outbox);
        let peer = timed("take_connection", || self.session.dtls.take_connection(udp));
        let replies = outbox.len();
        assert!(
            replies <= Self::reply_limit(read),
            "{replies} datagrams in reply to {read}"
        );
        match peer.get_status() {
            Status::STATUS_ERROR => {}
            Status::STATUS_HANDSHAKING if self.accepted.len() < MAX_ACCEPTED => {
                self.accepted.push(Accepted {
                    peer,
                    inbox,
                    status: Status::STATUS_HANDSHAKING,
                });
            }
            Status::STATUS_HANDSHAKING => {}
            status => panic!("take_connection gave {status:?}"),
        }
    }

    /// Polls the connections fuzzed ClientHellos opened at the gate, feeding
    /// the next batch to the first.
    fn poll_accepted(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        if let Some(first) = self.accepted.first() {
            for d in batch {
                first.inbox.push(d);
            }
        }
        for a in &mut self.accepted {
            let _ = timed("poll", || a.peer.poll());
            let now = a.peer.get_status();
            assert!(
                allowed(Side::Server, a.status, now, false),
                "a gate connection went from {:?} to {now:?}",
                a.status
            );
            a.status = now;
        }
    }

    /// Calls the victim's API the way an application would.
    fn poke(&mut self, input: &mut Input) {
        if self.stage.victim == Victim::Gate {
            self.poll_accepted();
            return;
        }
        let side = self.victim_side();
        // Packets are unique: one that arrives twice is a replay.
        self.session.counter += 1;
        let unique = self.session.counter.to_be_bytes();
        let Some(peer) = self.session.peer(side) else {
            return;
        };
        match input.byte() % 4 {
            0 => self.session.drain_packets(side),
            1 => {
                let max = peer.get_max_packet_size();
                assert!(max > 0 && max < 1200, "max packet size {max}");
            }
            2 => {
                let mut packet = vec![0xa5; 8 + input.u16() % 1300];
                packet[..4].copy_from_slice(&unique);
                let connected = peer.get_status() == Status::STATUS_CONNECTED;
                let max = peer.get_max_packet_size();
                match timed("put_packet", || peer.put_packet(&packet)) {
                    Ok(()) => {
                        assert!(connected, "put_packet while not connected");
                        self.session.sent[side.index()].insert(packet);
                    }
                    Err(f) => {
                        let expected = if !connected {
                            Error::ERR_UNCONFIGURED
                        } else if packet.len() > max {
                            Error::ERR_INVALID_PARAMETER
                        } else {
                            Error::ERR_CONNECTION_ERROR
                        };
                        assert_eq!(
                            f.code,
                            expected,
                            "put_packet of {} bytes: {f}",
                            packet.len()
                        );
                    }
                }
                self.session.observe(side);
            }
            _ => {
                self.session.poll(side);
                let peer = self.session.peer(side).expect("the victim exists");
                let count = timed("get_available_packet_count", || {
                    peer.get_available_packet_count()
                });
                let unread = self.session.sent[side.other().index()].len()
                    - self.session.received[side.index()].len();
                let count = usize::try_from(count).expect("a count");
                assert!(count <= unread, "{count} packets queued, {unread} unread");
                self.session.observe(side);
            }
        }
    }

    fn finish(mut self) -> Outcome {
        if self.stage.victim == Victim::Gate {
            return self.finish_gate();
        }
        let side = self.victim_side();
        self.poll_victim();
        let started = expected(&self.stage)[side.index()];
        let session = &mut self.session;
        for _ in 0..SETTLE_HALF_STEPS {
            if session.status.contains(&Some(Status::STATUS_HANDSHAKING)) {
                session.half_step();
            }
        }
        session.drain_packets(Side::Client);
        session.drain_packets(Side::Server);
        let victim = session.status[side.index()].expect("the victim exists");
        match started {
            Some(Status::STATUS_HANDSHAKING | Status::STATUS_CONNECTED) => {}
            other => {
                // Closed and failed peers stay as they were, and refuse.
                assert_eq!(Some(victim), other, "a finished peer changed");
                let peer = session.peer(side).expect("the victim exists");
                let err = peer.put_packet(b"late").unwrap_err();
                assert_eq!(err.code, Error::ERR_UNCONFIGURED);
                let err = peer.get_packet_vec().unwrap_err();
                assert_eq!(err.code, Error::ERR_UNCONFIGURED);
            }
        }
        let flowed = session.both_connected();
        if flowed {
            session.exchange();
        }
        Outcome {
            stage: self.stage.name,
            victim,
            flowed,
            failure: session.failure[side.index()].take(),
        }
    }

    /// Whatever reached the gate, the honest client still connects.
    fn finish_gate(mut self) -> Outcome {
        self.gate_take();
        self.poll_accepted();
        let session = &mut self.session;
        session.run_to(6);
        assert!(
            session.both_connected(),
            "{:?} after the gate",
            session.status
        );
        session.exchange();
        Outcome {
            stage: self.stage.name,
            victim: Status::STATUS_CONNECTED,
            flowed: true,
            failure: None,
        }
    }
}
