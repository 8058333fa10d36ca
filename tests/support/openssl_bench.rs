//! benches/openssl/bench.c, OpenSSL 3's side of `make bench`: compiled
//! against the system's libssl and run on the identities gdtls's side uses,
//! saved as PEM files. Shared by the benchmark and the test that keeps
//! bench.c building and running.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::dtls::{ecdsa_identity, identity};
use super::{parse_bench_lines, root, run_within};

/// Every figure bench.c prints, by the keys benches/bench.rs gives gdtls's.
pub const KEYS: [&str; 13] = [
    "session_kib",
    "session_kib_1000",
    "idle_frame_us",
    "handshakes_per_s",
    "handshakes_ecdsa_per_s",
    "resumed_handshakes_per_s",
    "burst_50_s",
    "burst_200_s",
    "latency_p50_us",
    "latency_p99_us",
    "echo_pps",
    "hellos_per_s",
    "hello_burst_dropped_pct",
];

/// What one run of bench.c printed.
pub struct Run {
    /// OpenSSL's version, as the library it ran with gives it.
    pub version: String,
    /// The suite its echo connection negotiated.
    pub suite: String,
    pub figures: HashMap<String, f64>,
}

/// Compiles bench.c beside the running executable (under target/), with
/// warnings as errors; returns the program's path.
pub fn compile() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("no executable path: {e}"))?;
    let program = exe.with_file_name("openssl-bench");
    let output = Command::new("cc")
        .args([
            "-std=c11",
            "-O2",
            "-Wall",
            "-Wextra",
            "-pedantic",
            "-Werror",
        ])
        .arg(root().join("benches/openssl/bench.c"))
        .arg("-o")
        .arg(&program)
        .args(["-lssl", "-lcrypto"])
        .output()
        .map_err(|e| format!("cannot run cc: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "compiling benches/openssl/bench.c failed ({}; libssl-dev installed?):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(program)
}

/// Saves the tests' RSA-2048 and ECDSA P-256 identities into `dir` as the
/// files bench.c takes, in its order: RSA key and certificate, then ECDSA's.
pub fn save_identities(dir: &Path) -> Vec<PathBuf> {
    [("rsa", identity()), ("ecdsa", ecdsa_identity())]
        .into_iter()
        .flat_map(|(name, id)| {
            let key = dir.join(format!("{name}.key"));
            let cert = dir.join(format!("{name}.crt"));
            id.key.save(&key, false).expect("save the key");
            id.cert.save(&cert).expect("save the certificate");
            [key, cert]
        })
        .collect()
}

/// Runs bench.c's `program` on `identities` (from `save_identities`), its
/// handshake and echo scenarios lasting `window` and its ping scenario
/// `latency_window`; it is killed past `limit`.
pub fn run(
    program: &Path,
    identities: &[PathBuf],
    window: Duration,
    latency_window: Duration,
    limit: Duration,
) -> Result<Run, String> {
    let output = run_within(
        Command::new(program)
            .args(identities)
            .arg(window.as_millis().to_string())
            .arg(latency_window.as_millis().to_string())
            .stdin(Stdio::null()),
        limit,
    )?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("bench.c: {}\n{stdout}{stderr}", output.status));
    }
    let line = |name: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
            .unwrap_or("unknown")
            .to_owned()
    };
    Ok(Run {
        version: line("version"),
        suite: line("suite"),
        figures: parse_bench_lines(&stdout),
    })
}
