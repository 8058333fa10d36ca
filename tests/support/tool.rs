//! OpenSSL and GnuTLS command-line tools run beside a test: their output
//! watched while the test drives gdtls, their stdin fed, and the process
//! killed when the test ends.

use std::io::{Read, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{free_udp_port, Reaped};

/// Longest wait for any one step: handshakes on loopback take milliseconds,
/// a lost flight is retransmitted after 1 s.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(10);

/// A running tool whose stdout and stderr are collected together as they
/// come, so that a test can wait for a line while it drives gdtls. Dropping
/// it kills the tool, on success and on panic alike.
pub struct Tool {
    pub child: Reaped,
    stdin: ChildStdin,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Tool {
    pub fn start(cmd: &mut Command) -> Tool {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let output = Arc::new(Mutex::new(Vec::new()));
        let stdout: Box<dyn Read + Send> = Box::new(child.stdout.take().unwrap());
        let stderr: Box<dyn Read + Send> = Box::new(child.stderr.take().unwrap());
        for mut stream in [stdout, stderr] {
            let output = Arc::clone(&output);
            std::thread::spawn(move || {
                let mut buf = [0; 4096];
                while let Ok(n @ 1..) = stream.read(&mut buf) {
                    output.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            });
        }
        let stdin = child.stdin.take().unwrap();
        Tool {
            child: Reaped(child),
            stdin,
            output,
        }
    }

    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Writes a line to the tool's stdin, which it sends to its peer.
    pub fn send(&mut self, line: &str) {
        self.stdin.write_all(line.as_bytes()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Runs `step` (which drives gdtls and says whether the awaited state is
    /// reached, given the tool's output so far) until it says yes. Fails if
    /// that takes too long or the tool exits first.
    pub fn wait_until(&mut self, what: &str, mut step: impl FnMut(&str) -> bool) {
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            let exited = self.child.0.try_wait().unwrap().is_some();
            // The output is read after the exit check: a tool that has
            // exited has printed all it will (the reader threads may still
            // be copying the last of it).
            if step(&self.output()) {
                return;
            }
            assert!(
                !exited && Instant::now() < deadline,
                "{what}: {}\n--- tool output\n{}",
                if exited {
                    "the tool exited"
                } else {
                    "timed out"
                },
                self.output()
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits for `needle` in the tool's output while running `drive`.
    pub fn wait_for(&mut self, needle: &str, mut drive: impl FnMut()) {
        self.wait_until(&format!("waiting for {needle:?}"), |out| {
            drive();
            out.contains(needle)
        });
    }
}

/// Starts a tool server on a free loopback UDP port: `command` builds its
/// command line for a port, `ready` what it prints once it listens on
/// 127.0.0.1 there. Should someone take the port between its reservation
/// and the tool's start, the tool says so and another port is tried.
pub fn start_server(
    command: impl Fn(u16) -> Command,
    ready: impl Fn(u16) -> String,
) -> (Tool, u16) {
    for _ in 0..5 {
        let port = free_udp_port();
        let mut tool = Tool::start(&mut command(port));
        let ready = ready(port);
        let deadline = Instant::now() + STEP_TIMEOUT;
        loop {
            let exited = tool.child.0.try_wait().unwrap().is_some();
            let out = tool.output();
            if out.contains(&ready) {
                return (tool, port);
            }
            if out.contains("Address already in use") {
                break;
            }
            assert!(
                !exited && Instant::now() < deadline,
                "server did not start:\n{out}"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    panic!("no free port found for the server");
}
