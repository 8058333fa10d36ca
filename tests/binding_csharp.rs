//! The C# binding (ffi-examples/csharp/Gdtls.cs), built with Mono's `mcs`
//! as C# 6 against mscorlib alone, warnings (and undocumented public
//! members) as errors, and run by `mono` with `LD_LIBRARY_PATH` naming the
//! library cargo built: its checks (TestGdtls.cs: names and values, errors,
//! handles released by Dispose and by the collector, crypto, UDP, host
//! callbacks, DTLS handshakes and echoes on 127.0.0.1, and what gdtls adds
//! to Godot: pre-shared keys with a lookup written in C#, pins, what a
//! connection negotiated, a log callback, mutual authentication, session
//! resumption, MTU and suites), a declaration for every header function
//! and constant, and the seed example's C# port paired with itself
//! (tests/bindings.rs pairs it with other languages and with Godot 3.2.3).

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use support::ports::csharp::{binding_source, build, mono};
use support::*;

#[test]
fn csharp_binding_checks() {
    let tmp = TempDir::new("csharp-checks");
    build(tmp.path(), &["TestGdtls"]);
    let scratch = tmp.join("scratch");
    std::fs::create_dir(&scratch).expect("scratch directory");
    let output = run_within(
        mono(tmp.path(), "TestGdtls")
            .arg(env!("CARGO_PKG_VERSION"))
            .arg(&scratch),
        Duration::from_secs(120),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_success("TestGdtls.exe", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    for group in [
        "names and values",
        "errors",
        "handles",
        "crypto",
        "udp",
        "host callbacks",
        "dtls",
        "beyond godot api",
        "psk",
        "pinning",
        "peer info and log",
        "mutual auth, resumption, mtu",
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(&format!("ok {group} ("))),
            "no {group} checks ran:\n{stdout}"
        );
    }
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("all ") && last.ends_with(" checks passed"),
        "{stdout}"
    );
    eprint!("{stdout}");
}

/// Every function the header declares has its P/Invoke declaration in
/// Gdtls.cs, under its own name, `extern ... gdtls_name(`.
#[test]
fn csharp_binding_declares_every_header_function() {
    let source = binding_source();
    let declared = |name: &str| {
        source
            .lines()
            .any(|l| l.contains(" extern ") && l.contains(&format!(" {name}(")))
    };
    let functions = header_functions();
    assert!(
        functions.len() > 90,
        "the header's functions: {functions:?}"
    );
    let missing: Vec<&String> = functions.iter().filter(|f| !declared(f)).collect();
    assert!(missing.is_empty(), "Gdtls.cs does not declare {missing:?}");
}

/// Every number the header defines (`#define GDTLS_MAX_DATAGRAM 65507`, or
/// in hex as `GDTLS_VERSION_NUMBER`) is a constant of the same value in
/// Gdtls.cs, in PascalCase and written alike
/// (`public const int MaxDatagram = 65507;`).
#[test]
fn csharp_binding_constants_match_the_header() {
    let header =
        std::fs::read_to_string(root().join("include/gdtls.h")).expect("read include/gdtls.h");
    let defines: BTreeMap<String, String> = header
        .lines()
        .filter_map(|l| {
            let mut words = l.strip_prefix("#define GDTLS_")?.split_whitespace();
            let (name, value) = (words.next()?, words.next()?);
            let number = match value.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16).is_ok(),
                None => value.parse::<u64>().is_ok(),
            };
            number.then(|| (pascal_case(name), value.to_owned()))
        })
        .collect();
    assert!(defines.len() > 10, "the header's numbers: {defines:?}");
    let source = binding_source();
    for (name, value) in &defines {
        let constant = format!("public const int {name} = {value};");
        assert!(source.contains(&constant), "Gdtls.cs lacks {constant}");
    }
}

/// MAX_DATAGRAM -> MaxDatagram.
fn pascal_case(screaming: &str) -> String {
    screaming
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .into_iter()
                .chain(chars.flat_map(char::to_lowercase))
                .collect::<String>()
        })
        .collect()
}

/// The seed's DTLS server and client, ported to C#, with each other: the
/// client validates the server's certificate for localhost.
#[test]
fn csharp_seed_server_and_client() {
    let id = seed::Identity::new("csharp-seed");
    let [server, client] = support::ports::csharp::ports(id.dir().path());
    seed::pair(&id, &server, &client);
}

/// With nobody to talk to, each port gives up after its TIMEOUT with 1, as
/// the command line's contract says, and a key file it cannot read is
/// reported in words.
#[test]
fn csharp_seed_ports_give_up_after_their_timeout() {
    let id = seed::Identity::new("csharp-seed-alone");
    build(id.dir().path(), &["Server", "Client"]);
    let dir = id.dir().path();
    let port = free_udp_port().to_string();
    let limit = Duration::from_secs(20);

    let client = run_within(mono(dir, "Client").args(["127.0.0.1", &port, "1"]), limit)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        client.status.code(),
        Some(1),
        "the client alone: {client:?}"
    );
    assert!(
        !String::from_utf8_lossy(&client.stdout).contains("Connected:"),
        "{client:?}"
    );

    let key = id.key();
    let cert = id.cert();
    let server = run_within(
        mono(dir, "Server")
            .arg(&port)
            .arg(&key)
            .arg(&cert)
            .args(["1", "1"]),
        limit,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        server.status.code(),
        Some(1),
        "the server alone: {server:?}"
    );
    assert!(
        !String::from_utf8_lossy(&server.stdout).contains("Peer connected!"),
        "{server:?}"
    );

    let missing = id.dir().join("missing.key");
    let refused = run_within(
        mono(dir, "Server").arg(&port).arg(&missing).arg(&cert),
        limit,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refused.status.code(), Some(1), "a missing key: {refused:?}");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.starts_with("load key: gdtls_crypto_key_load:") && stderr.contains("missing.key"),
        "{stderr}"
    );
}
