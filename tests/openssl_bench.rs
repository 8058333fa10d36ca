//! benches/openssl/bench.c, OpenSSL 3's side of `make bench`: it builds
//! clean against the system's libssl and, run briefly on the identities
//! the benchmark gives it, prints every figure.

mod support;

use std::time::Duration;

use support::openssl_bench::{self, KEYS};
use support::TempDir;

/// The handshake, echo and ping scenarios are timed; the others run as
/// in `make bench`, a few seconds in all.
const WINDOW: Duration = Duration::from_millis(100);
const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn bench_c_prints_every_figure() {
    let program = openssl_bench::compile().unwrap_or_else(|e| panic!("{e}"));
    let dir = TempDir::new("openssl-bench");
    let identities = openssl_bench::save_identities(dir.path());
    let run = openssl_bench::run(&program, &identities, WINDOW, WINDOW, LIMIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.version.starts_with("OpenSSL 3."),
        "version: {}",
        run.version
    );
    assert!(run.suite.starts_with("ECDHE-"), "suite: {}", run.suite);
    for key in KEYS {
        let value = *run
            .figures
            .get(key)
            .unwrap_or_else(|| panic!("no figure for {key}: {:?}", run.figures));
        // A percentage of hellos dropped may be 0; every other figure is a
        // rate, a time or a size, which a scenario that ran makes positive.
        let plausible = if key.ends_with("_pct") {
            (0.0..=100.0).contains(&value)
        } else {
            value > 0.0
        };
        assert!(plausible, "{key}: {value}");
    }
}
