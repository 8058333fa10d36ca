//! A bounded, seeded run of the DTLS fuzzing harness (`harness.rs`): the
//! same inputs every time, and a failing one is printed for replay.
//! `tests/fuzz` runs the same harness under libFuzzer for as long as one
//! likes.

mod harness;
#[path = "../support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::time::Instant;

use gdtls::Status;
use harness::{Victim, STAGES};
use support::{memory, resident_kib};

const SEED: u64 = 0x6764_746c_735f_667a;
const ITERATIONS: usize = 4000;
const WARM_UP: usize = 100;
const MAX_INPUT: u64 = 600;

/// xorshift64*: reproducible inputs without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn input(&mut self) -> Vec<u8> {
        let len = self.next() % MAX_INPUT;
        (0..len).map(|_| (self.next() >> 56) as u8).collect()
    }
}

/// Runs one input, printing it when it fails so it can be replayed.
fn run(victims: &[Victim], input: &[u8]) -> harness::Outcome {
    std::panic::catch_unwind(|| harness::run(victims, input)).unwrap_or_else(|panic| {
        eprintln!("failing input: {input:02x?}");
        std::panic::resume_unwind(panic)
    })
}

#[derive(Default)]
struct Tally {
    runs: usize,
    flowed: usize,
    /// The victim's final status, and why it failed when it did.
    ended: BTreeMap<String, usize>,
}

/// The final status, with the reason when a poll failed: the words after
/// the last colon of the message ("SSL - The alert message received
/// indicates a fatal error (mbedTLS -0x7780)", or the transport's words).
fn ending(outcome: &harness::Outcome) -> String {
    let reason = outcome
        .failure
        .as_deref()
        .and_then(|f| f.rsplit(": ").next().map(str::to_owned));
    match reason {
        Some(reason) => format!("{:?} ({reason})", outcome.victim),
        None => format!("{:?}", outcome.victim),
    }
}

/// Arbitrary and mutated datagrams reach a client and a server in every
/// state, from a ClientHello without a cookie to after an error: nothing
/// panics or hangs, the harness's properties hold, and memory stays flat.
#[test]
fn arbitrary_datagrams_in_every_state() {
    let all = [Victim::Client, Victim::Server, Victim::Gate];
    let mut rng = Rng(SEED);
    let start = Instant::now();
    // Warm up allocator pools, thread-local buffers and the shared identity
    // before the memory reading.
    for _ in 0..WARM_UP {
        run(&all, &rng.input());
    }
    let before = resident_kib();
    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    for _ in 0..ITERATIONS {
        let outcome = run(&all, &rng.input());
        let t = tally.entry(outcome.stage).or_default();
        t.runs += 1;
        t.flowed += usize::from(outcome.flowed);
        *t.ended.entry(ending(&outcome)).or_default() += 1;
    }
    let growth = resident_kib().saturating_sub(before);
    println!(
        "{} inputs in {:.1} s; memory growth over the last {ITERATIONS}: {growth} KiB",
        WARM_UP + ITERATIONS,
        start.elapsed().as_secs_f64()
    );
    for (stage, t) in &tally {
        println!(
            "{stage:28} {:4} runs, {:4} ended connected both ways; victim ended {:?}",
            t.runs, t.flowed, t.ended
        );
    }
    // No datagram ends a connection.
    for stage in ["client connected", "server connected"] {
        let ended: Vec<_> = tally[stage].ended.keys().collect();
        assert_eq!(ended, ["STATUS_CONNECTED"], "{stage}");
    }
    assert!(growth < 16 * 1024, "memory grew by {growth} KiB");
    for stage in &STAGES {
        let t = tally
            .get(stage.name)
            .unwrap_or_else(|| panic!("{} never ran", stage.name));
        // Handshakes and connections survive many inputs: a harness whose
        // inputs always broke them would test little past the breakage.
        if stage.live() {
            assert!(t.flowed > 0, "{}: no run ended connected", stage.name);
        }
    }
}

/// Spoofed datagrams that mbedTLS 2.28 let end a connection, each now
/// dropped: a record the victim does not expect (a ClientHello of epoch 0)
/// followed by one stray byte, on which mbedTLS failed after skipping the
/// record; and, at a connected server, a ClientHello of epoch 0 too
/// malformed for mbedTLS's same-port reconnection check, which failed too.
#[test]
fn a_spoofed_datagram_ends_no_connection() {
    let stray_byte = [
        1, // mutate a datagram the network carried:
        0, // the session's first, ClientHello 1,
        4, // in a record header field:
        0, // of its first record,
        4, // the length,
        4, // one less, leaving a byte after the record;
        6, // then poll the victim.
    ];
    let fragment_offset = [
        1, // mutate a datagram the network carried:
        0, // the session's first, ClientHello 1,
        6, // in a handshake header field:
        0, // of its first record,
        3, // the fragment offset,
        1, // to 1;
        6, // then poll the victim.
    ];
    for (name, fuzz) in [
        ("client connected", stray_byte),
        ("server connected", stray_byte),
        ("server connected", fragment_offset),
    ] {
        let stage = STAGES.iter().position(|s| s.name == name).unwrap();
        let mut input = vec![u8::try_from(stage).unwrap()];
        input.extend_from_slice(&fuzz);
        let outcome = run(&[Victim::Client, Victim::Server, Victim::Gate], &input);
        assert_eq!(outcome.victim, Status::STATUS_CONNECTED, "{name}: {fuzz:?}");
        assert!(outcome.flowed, "{name}: {fuzz:?}");
    }
}
