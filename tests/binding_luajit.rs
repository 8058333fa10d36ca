//! The LuaJIT binding (ffi-examples/luajit/gdtls.lua), run by `luajit`
//! with `GDTLS_LIBRARY` naming the library cargo built: its checks
//! (test_gdtls.lua: names and constants, loading twice, argument errors,
//! collection of handles, crypto, UDP, DTLS and host callbacks on
//! 127.0.0.1, and what gdtls adds to Godot: pre-shared keys with a Lua
//! lookup, pinning, what a connection negotiated and carried, event-loop
//! descriptors and timers, a Lua log callback), its pins against
//! OpenSSL's, a header function it does not bind, a library it cannot
//! load, and the seed example's Lua port paired with itself
//! (tests/bindings.rs pairs it with other languages and with Godot 3.2.3).

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use support::ports::luajit::{luajit, run_luajit, sources};
use support::*;

/// The checks test_gdtls.lua runs, in its order.
const CHECKS: &[&str] = &[
    "callbacks_in_compiled_loops",
    "names_and_constants",
    "loading_twice",
    "wrong_arguments",
    "collection",
    "crypto",
    "udp_exchange",
    "dtls_handshake_and_echo",
    "settings",
    "host_callbacks",
    "pre_shared_keys",
    "pinning",
    "connection_info",
    "event_loop",
    "logging",
];

/// test_gdtls.lua runs every check, each saying it passed, and ends with
/// "ok"; the checks' names and timings show with `--nocapture`.
#[test]
fn luajit_binding_checks() {
    let id = seed::Identity::new("luajit-checks");
    let output = run_luajit(
        luajit("test_gdtls.lua").arg(id.dir().path()),
        Duration::from_secs(120),
    );
    assert_success("test_gdtls.lua", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let ran: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once(": passed").map(|(name, _)| name))
        .collect();
    assert_eq!(ran, CHECKS, "{stdout}");
    assert_eq!(stdout.lines().last(), Some("ok"), "{stdout}");
    eprint!("{stdout}");
}

/// What `openssl dgst -sha256` makes of the DER that `to_der` (a shell
/// pipeline reading the certificate file "$1") writes.
fn openssl_sha256(cert: &Path, to_der: &str) -> Vec<u8> {
    let script = format!("{to_der} | openssl dgst -sha256 -binary");
    let output = run(Command::new("sh").args(["-c", &script, "pin"]).arg(cert));
    assert_success("openssl pin", &output);
    output.stdout
}

/// `X509Certificate.get_sha256_pin` gives the 32 bytes OpenSSL computes
/// for the certificate's public key and for the whole certificate.
#[test]
fn luajit_pins_are_openssls() {
    let id = seed::Identity::new("luajit-pins");
    let script = format!(
        "package.path = [[{}/?.lua;]] .. package.path
         local gdtls = require('gdtls')
         local cert = gdtls.X509Certificate.new()
         assert(cert:load([[{}]]) == gdtls.OK, gdtls.get_last_error_message())
         io.write(assert(cert:get_sha256_pin(gdtls.GDTLS_PIN_PUBLIC_KEY)))
         io.write(assert(cert:get_sha256_pin(gdtls.GDTLS_PIN_CERTIFICATE)))",
        sources().display(),
        id.cert().display()
    );
    let output = run_luajit(
        Command::new("luajit")
            .arg("-e")
            .arg(script)
            .env("GDTLS_LIBRARY", lib_dir().join("libgdtls.so")),
        Duration::from_secs(20),
    );
    assert_success("luajit get_sha256_pin", &output);
    let mut expected = openssl_sha256(
        &id.cert(),
        "openssl x509 -in \"$1\" -pubkey -noout | openssl pkey -pubin -outform DER",
    );
    expected.extend(openssl_sha256(
        &id.cert(),
        "openssl x509 -in \"$1\" -outform DER",
    ));
    assert_eq!(expected.len(), 64);
    assert_eq!(output.stdout, expected);
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
