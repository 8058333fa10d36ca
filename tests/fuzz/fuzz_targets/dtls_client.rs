//! Arbitrary and mutated datagrams at a gdtls client in every state, from
//! awaiting its cookie to after a failure.
#![no_main]

// The bounded test reads the outcome and stage details these targets skip.
#[allow(dead_code)]
#[path = "../../fuzz_dtls/harness.rs"]
mod harness;
#[path = "../../support/memory.rs"]
mod memory;

use harness::Victim;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::run(&[Victim::Client], data);
});
