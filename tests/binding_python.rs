//! The Python binding (ffi-examples/python), installed with pip as a user
//! without network access would install it, into a scratch directory: its
//! unit tests (test_gdtls.py: names, defaults, Error values, wrong types,
//! handle lifetimes, UDP, DTLS and host transports on 127.0.0.1, and what
//! gdtls adds to Godot, each over a real handshake), every header function
//! called by a method, the seed example's Python port paired with itself
//! (tests/bindings.rs pairs it with other languages and with Godot 3.2.3),
//! and how the package finds the library or says that it cannot.

mod support;

use support::ports::built_library;
use support::ports::python::{run_python, sources, Installed};
use support::*;

/// test_gdtls.py's tests of what gdtls adds to Godot, over loopback with a
/// real handshake: each must have run and passed.
const BEYOND_GODOT: &[&str] = &[
    // A server_psk lookup written in Python sees the client's identity and
    // refuses a stranger; server_psk_key; a PSK suite.
    "test_pre_shared_keys",
    // An exception in the lookup, or a key too long, refuses the identity.
    "test_a_failing_psk_lookup_refuses_the_identity",
    "test_psk_options_refuse_lengths_out_of_range",
    // A pinned client_unsafe client connects; a wrong pin ends in
    // STATUS_ERROR, the failing poll returning ERR_UNAUTHORIZED.
    "test_pins_admit_only_the_pinned_server",
    "test_pins_refuse_bad_input",
    // Protocol, suite, peer certificate, traffic, socket descriptors and
    // the event-loop timer of a connected pair.
    "test_a_connection_reports_what_it_negotiated_and_carried",
    "test_a_reconnecting_client_resumes_its_session",
    "test_mtu_suites_and_curves",
    "test_mutual_authentication",
    "test_keys_and_certificates_from_memory",
    // A Python log callback at level 2 gets a handshake's lines, and
    // nothing once set_log_callback(None); one that raises drops its lines.
    "test_the_log_goes_to_a_python_callback",
    "test_a_replaced_or_failing_log_callback",
];

#[test]
fn python_unit_tests() {
    let installed = Installed::new("python-unit");
    let output = run_python(installed.python().arg(sources().join("test_gdtls.py")));
    assert_success("test_gdtls.py", &output);
    // unittest reports on stderr: "Ran N tests in T", then "OK".
    let report = String::from_utf8_lossy(&output.stderr);
    let ran: usize = report
        .lines()
        .find_map(|l| l.strip_prefix("Ran ")?.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("no unittest summary:\n{report}"));
    assert!(ran >= 39, "only {ran} tests ran:\n{report}");
    assert_eq!(report.lines().last(), Some("OK"), "{report}");
    assert!(!report.contains("skipped"), "{report}");
    // unittest -v: "test_name (module.Class.test_name) ... ok".
    for test in BEYOND_GODOT {
        assert!(
            report
                .lines()
                .any(|l| l.starts_with(&format!("{test} (")) && l.ends_with(" ... ok")),
            "{test} did not pass:\n{report}"
        );
    }
    eprint!("{report}");
}

/// Every function the header declares is called by a method of the
/// package, as `lib.gdtls_...`, beside its prototype in _native.py.
#[test]
fn python_binding_calls_every_header_function() {
    let mut prototypes = String::new();
    let mut methods = String::new();
    for entry in std::fs::read_dir(sources().join("gdtls")).expect("read gdtls/") {
        let path = entry.expect("a gdtls/ entry").path();
        if path.extension().is_some_and(|e| e == "py") {
            let text = std::fs::read_to_string(&path).expect("read a module");
            if path.ends_with("_native.py") {
                prototypes = text;
            } else {
                methods.push_str(&text);
            }
        }
    }
    let functions = header_functions();
    assert!(
        functions.len() > 120,
        "the header's functions: {functions:?}"
    );
    let unbound: Vec<&String> = functions
        .iter()
        .filter(|f| !names(&prototypes, &format!("\"{f}\"")))
        .collect();
    assert!(
        unbound.is_empty(),
        "_native.py has no prototype for {unbound:?}"
    );
    let uncalled: Vec<&String> = functions
        .iter()
        .filter(|f| !names(&methods, &format!("lib.{f}")))
        .collect();
    assert!(uncalled.is_empty(), "no method calls {uncalled:?}");
}

#[test]
fn python_server_with_python_client() {
    let installed = Installed::new("python-seed");
    let id = seed::Identity::new("python-seed-identity");
    seed::pair(
        &id,
        &installed.port("server.py"),
        &installed.port("client.py"),
    );
}

/// Lines a probe prints: where the library came from, its version, and
/// where the package was imported from.
const PROBE: &str =
    "import gdtls; print(gdtls.LIBRARY_PATH); print(gdtls.version()); print(gdtls.__file__)";

#[test]
fn python_finds_the_library_or_says_where_it_looked() {
    let installed = Installed::new("python-lookup");

    let output = run_python(installed.bare_python().args(["-c", PROBE]));
    assert!(!output.status.success(), "imported without a library");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ImportError: gdtls: cannot find the gdtls library")
            && stderr.contains("GDTLS_LIBRARY")
            && stderr.contains(&installed.package().display().to_string())
            && stderr.contains("libgdtls.so.0"),
        "{stderr}"
    );

    let nowhere = installed.dir.join("nowhere/libgdtls.so");
    let output = run_python(
        installed
            .bare_python()
            .env("GDTLS_LIBRARY", &nowhere)
            .args(["-c", PROBE]),
    );
    assert!(
        !output.status.success(),
        "imported a library that is not there"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "cannot load {} (named by GDTLS_LIBRARY)",
            nowhere.display()
        )),
        "{stderr}"
    );

    let output = run_python(installed.python().args(["-c", PROBE]));
    assert_success("import with GDTLS_LIBRARY", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], built_library().display().to_string());
    assert_eq!(lines[1], env!("CARGO_PKG_VERSION"));
    assert!(
        lines[2].starts_with(&installed.site().display().to_string()),
        "{stdout}"
    );

    // A library next to the package comes first, even before GDTLS_LIBRARY.
    let bundled = installed.package().join("libgdtls.so");
    std::fs::copy(built_library(), &bundled).expect("copy the library next to the package");
    for mut cmd in [installed.bare_python(), installed.python()] {
        let output = run_python(cmd.args(["-c", PROBE]));
        assert_success("import with the library next to the package", &output);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            stdout.lines().next(),
            Some(bundled.display().to_string().as_str())
        );
    }
}
