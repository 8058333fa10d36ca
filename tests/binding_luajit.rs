//! The LuaJIT binding (ffi-examples/luajit/gdtls.lua), run by `luajit`
//! with `GDTLS_LIBRARY` naming the library cargo built: its checks
//! (test_gdtls.lua: names and constants, loading twice, argument errors,
//! collection of handles, crypto, UDP, DTLS and host callbacks on
//! 127.0.0.1), a header function it does not bind, a library it cannot
//! load, and the seed example's Lua port paired with itself
//! (tests/bindings.rs pairs it with other languages and with Godot 3.2.3).

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::ports::luajit::{luajit, run_luajit, sources};
use support::*;

/// test_gdtls.lua runs every check and ends with "ok"; the checks' names
/// and timings show with `--nocapture`.
#[test]
fn luajit_binding_checks() {
    let id = seed::Identity::new("luajit-checks");
    let output = run_luajit(
        luajit("test_gdtls.lua").arg(id.dir().path()),
        Duration::from_secs(120),
    );
    assert_success("test_gdtls.lua", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().last(), Some("ok"), "{stdout}");
    eprint!("{stdout}");
}

/// Every function the header declares is called or bound by name in
/// gdtls.lua, as `C.gdtls_...`.
#[test]
fn luajit_binding_names_every_header_function() {
    let source = std::fs::read_to_string(sources().join("gdtls.lua")).expect("read gdtls.lua");
    let bound = |name: &str| names(&source, &format!("C.{name}"));
    let functions = header_functions();
    assert!(
        functions.len() > 90,
        "the header's functions: {functions:?}"
    );
    let missing: Vec<&String> = functions.iter().filter(|f| !bound(f)).collect();
    assert!(missing.is_empty(), "gdtls.lua does not bind {missing:?}");
}

/// `require("gdtls")` with `GDTLS_LIBRARY` naming no file fails and says
/// which library it could not load.
#[test]
fn luajit_module_names_a_library_it_cannot_load() {
    let path = format!("{}/?.lua;", sources().display());
    let output = run_luajit(
        Command::new("luajit")
            .arg("-e")
            .arg(format!(
                "package.path = '{path}' .. package.path; require('gdtls')"
            ))
            .env("GDTLS_LIBRARY", "/nonexistent/libgdtls.so"),
        Duration::from_secs(20),
    );
    assert!(
        !output.status.success(),
        "loaded a library that is not there"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("gdtls: cannot load GDTLS_LIBRARY=/nonexistent/libgdtls.so"),
        "{stderr}"
    );
}

/// The seed's DTLS server and client, ported to Lua, with each other: the
/// client validates the server's certificate for localhost.
#[test]
fn luajit_seed_server_and_client() {
    let id = seed::Identity::new("luajit-seed");
    let [server, client] = support::ports::luajit::ports();
    seed::pair(&id, &server, &client);
}

/// With nobody to talk to, each port gives up after its TIMEOUT with 1,
/// as the command line's contract says.
#[test]
fn luajit_seed_ports_give_up_after_their_timeout() {
    let id = seed::Identity::new("luajit-seed-timeout");
    let port = free_udp_port().to_string();
    let mut server = luajit("server.lua");
    server
        .arg(&port)
        .arg(id.key())
        .arg(id.cert())
        .args(["1", "1"]);
    let mut client = luajit("client.lua");
    client.args(["127.0.0.1", &port, "1"]);
    for (name, mut cmd) in [("server.lua", server), ("client.lua", client)] {
        let start = Instant::now();
        let output = run_luajit(&mut cmd, Duration::from_secs(20));
        assert_eq!(output.status.code(), Some(1), "{name}: {output:?}");
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{name} took {:?}",
            start.elapsed()
        );
    }
}
