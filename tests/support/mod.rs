//! Helpers shared by the integration tests (and `make bench`, which takes
//! this file by path): where the built library is, compiling C programs
//! against the committed header, running them under valgrind or within a
//! time limit, scratch directories and memory readings.
#![allow(dead_code)] // each test binary uses its own subset

pub mod dtls;
pub mod memory;
pub mod openssl_bench;
pub mod ports;
pub mod seed;
pub mod tool;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The crate's root directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The directory holding the libgdtls.so that `cargo test` built with this
/// test binary: target/<profile>/deps/, beside the test executable (cargo
/// copies it up to target/<profile>/ only for `cargo build`). Programs
/// linked against it look for its SONAME, libgdtls.so.<major>, which an
/// installation provides as a link; here it is made beside it.
pub fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().expect("target directory").to_path_buf();
    assert!(
        dir.join("libgdtls.so").exists(),
        "libgdtls.so is not in {}; build the crate first",
        dir.display()
    );
    let soname = dir.join(format!("libgdtls.so.{}", env!("CARGO_PKG_VERSION_MAJOR")));
    if std::fs::symlink_metadata(&soname).is_err() {
        // Another test may make it at the same moment: either link will do.
        let _ = std::os::unix::fs::symlink("libgdtls.so", &soname);
    }
    dir
}

/// A fresh, empty scratch directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("gdtls-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch directory");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A child process, killed and reaped when dropped, so that a test that
/// fails or gives up on it leaves nothing running.
pub struct Reaped(pub Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A loopback UDP port that was free a moment ago, for a program that must
/// be told its port (it cannot bind port 0 and say which it got).
pub fn free_udp_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0")
        .expect("bind a loopback UDP socket")
        .local_addr()
        .expect("local address")
        .port()
}

/// Runs `cmd` to completion and returns its output, or says why not: it
/// cannot start, or it ran longer than `limit` (it is then killed).
pub fn run_within(cmd: &mut Command, limit: Duration) -> Result<Output, String> {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let mut child = Reaped(child);
    // Drained as it comes, so a chatty child never blocks on a full pipe.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut data = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut data);
            }
            data
        })
    };
    let stdout = drain(child.0.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.0.stderr.take().map(|p| Box::new(p) as _));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > limit {
            return Err(format!("{cmd:?} ran longer than {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok(Output {
        status,
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    })
}

/// The figures of the `bench <key>: <number>` lines in `output`, as
/// benches/godot/bench.gd and benches/openssl/bench.c print them.
pub fn parse_bench_lines(output: &str) -> HashMap<String, f64> {
    output
        .lines()
        .filter_map(|l| l.strip_prefix("bench ")?.split_once(": "))
        .filter_map(|(k, v)| Some((k.to_owned(), v.trim().parse().ok()?)))
        .collect()
}

/// This process's resident memory (VmRSS), in KiB.
pub fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .expect("a VmRSS line")
}

/// Runs a command and returns its output, failing the test if it cannot start.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

/// Asserts that a command succeeded, showing its output when it did not.
pub fn assert_success(what: &str, output: &Output) {
    assert!(
        output.status.success(),
        "{what} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Compiles C (or, for a .cpp source, C++) sources into `out`, against the
/// committed header and the built shared library, with warnings as errors.
pub fn compile_c(sources: &[PathBuf], out: &Path, extra: &[&str]) {
    let lib = lib_dir();
    let cpp = sources
        .iter()
        .any(|s| s.extension().is_some_and(|e| e == "cpp"));
    let mut cmd = Command::new(if cpp { "c++" } else { "cc" });
    cmd.arg(if cpp { "-std=c++17" } else { "-std=c11" })
        .args(["-Wall", "-Wextra", "-Werror", "-g"])
        .arg("-I")
        .arg(root().join("include"))
        .arg("-I")
        .arg(root().join("tests/c"))
        .args(sources)
        .arg("-o")
        .arg(out)
        .arg("-L")
        .arg(&lib)
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        // An RPATH, searched before LD_LIBRARY_PATH, where cargo test puts
        // target/<profile>/ (and a stale libgdtls.so left there by `cargo
        // build`) ahead of deps/; a RUNPATH would be searched after it.
        .arg("-Wl,--disable-new-dtags")
        .arg("-lgdtls")
        .args(extra);
    assert_success(&format!("compiling {sources:?}"), &run(&mut cmd));
}

/// Runs `program` under valgrind memcheck, as a strict CI would: any
/// invalid access, or memory definitely or possibly lost at exit, fails.
/// Returns the program's output for further checks.
pub fn run_under_valgrind(program: &Path, args: &[&str]) -> Output {
    let output = run(Command::new("valgrind")
        .args([
            "--quiet",
            "--error-exitcode=99",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,possible",
            "--show-leak-kinds=definite,possible",
            "--track-origins=yes",
        ])
        .arg(program)
        .args(args));
    assert_success(&format!("{} under valgrind", program.display()), &output);
    output
}

/// Whether `needle` stands in `text` as a whole identifier: not followed by
/// a letter, digit or underscore (`C.gdtls_version` names
/// `gdtls_version`, not `gdtls_version_number`).
pub fn names(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        !text[at + needle.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// The names of all functions the committed header declares.
pub fn header_functions() -> Vec<String> {
    let header =
        std::fs::read_to_string(root().join("include/gdtls.h")).expect("read include/gdtls.h");
    let mut names: Vec<String> = header
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#') && !l.starts_with("typedef"))
        .filter_map(|l| {
            let open = l.find("(")?;
            let name = l[..open].rsplit([' ', '*']).next()?;
            name.starts_with("gdtls_").then(|| name.to_owned())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}
