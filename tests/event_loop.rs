//! ffi-examples/c/event_loop.c, the seed's server sleeping in poll(2)
//! instead of running a frame loop: it serves the seed's C client, and
//! while no client comes it uses next to no CPU, where the frame-loop
//! port (ffi-examples/c/dtls_server.c) wakes a thousand times a second.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::seed::{self, Identity, Port};
use support::*;

/// How long a server is watched while idle.
const IDLE: Duration = Duration::from_secs(3);
/// The most of one core the event loop may use meanwhile.
const MAX_IDLE_SHARE: f64 = 0.02;
/// How often it may wake meanwhile: CPU time is counted in 10 ms ticks,
/// too coarse to tell a frame loop's thousand short wake-ups a second.
const MAX_IDLE_WAKEUPS: u64 = 10;

fn build_event_loop(dir: &Path) -> PathBuf {
    let exe = dir.join("event_loop");
    compile_c(
        &[root().join("ffi-examples/c/event_loop.c")],
        &exe,
        &["-pedantic"],
    );
    exe
}

#[test]
fn the_event_loop_serves_the_seed_client() {
    let id = Identity::new("event-loop-pair");
    let exe = build_event_loop(id.dir().path());
    let [_, client] = support::ports::c(id.dir().path());
    seed::pair(&id, &Port::new("C event_loop", &[exe.as_os_str()]), &client);
}

/// The CPU time (user and system) a process has used so far, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("/proc/PID/stat");
    // Fields after the command name, which may hold spaces: the state is
    // field 3, utime and stime fields 14 and 15.
    let fields: Vec<&str> = stat[stat.rfind(')').expect("(comm)") + 2..]
        .split_whitespace()
        .collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn ticks_per_second() -> f64 {
    let out = run(Command::new("getconf").arg("CLK_TCK"));
    assert_success("getconf CLK_TCK", &out);
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// How many times the process has slept and woken so far.
fn wakeups(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc/PID/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a voluntary_ctxt_switches line")
}

/// Whether the process has a socket open: it is listening.
fn has_socket(pid: u32) -> bool {
    std::fs::read_dir(format!("/proc/{pid}/fd")).is_ok_and(|fds| {
        fds.flatten().any(|fd| {
            std::fs::read_link(fd.path())
                .is_ok_and(|to| to.to_string_lossy().starts_with("socket:"))
        })
    })
}

/// What a server did while listening with no client.
struct Idle {
    /// The share of one core it used.
    share: f64,
    wakeups: u64,
}

/// Watches the server `exe` for `IDLE` while no client comes.
fn idle(exe: &Path, id: &Identity) -> Idle {
    let child = Command::new(exe)
        .arg(free_udp_port().to_string())
        .args([id.key(), id.cert()])
        .args(["1", "60"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut server = Reaped(child);
    let pid = server.0.id();
    let started = Instant::now();
    while !has_socket(pid) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{} did not listen",
            exe.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // Past its start-up, into its waiting.
    std::thread::sleep(Duration::from_millis(200));
    let (ticks, woken, from) = (cpu_ticks(pid), wakeups(pid), Instant::now());
    std::thread::sleep(IDLE);
    let (ticks, woken, took) = (cpu_ticks(pid) - ticks, wakeups(pid) - woken, from.elapsed());
    assert!(
        server.0.try_wait().unwrap().is_none(),
        "{} ended while idle",
        exe.display()
    );
    Idle {
        share: ticks as f64 / ticks_per_second() / took.as_secs_f64(),
        wakeups: woken,
    }
}

#[test]
fn the_event_loop_sleeps_while_idle() {
    let id = Identity::new("event-loop-idle");
    let event_loop = build_event_loop(id.dir().path());
    let frame_loop = id.dir().join("dtls_server");
    compile_c(
        &[root().join("ffi-examples/c/dtls_server.c")],
        &frame_loop,
        &[],
    );
    let sleeping = idle(&event_loop, &id);
    let polling = idle(&frame_loop, &id);
    for (name, run) in [
        ("event_loop.c", &sleeping),
        ("dtls_server.c (1 ms frames)", &polling),
    ] {
        eprintln!(
            "idle for {IDLE:?}, {name} used {:.2}% of a core and woke {} times",
            run.share * 100.0,
            run.wakeups
        );
    }
    assert!(
        sleeping.share < MAX_IDLE_SHARE && sleeping.wakeups < MAX_IDLE_WAKEUPS,
        "event_loop.c used {:.2}% of a core and woke {} times while idle",
        sleeping.share * 100.0,
        sleeping.wakeups
    );
}
