//! The C++ binding (ffi-examples/cpp/gdtls.hpp): its unit checks under
//! valgrind, every source compiled clean as C++17 and C++20, and the seed
//! example's C++ ports paired with each other (tests/bindings.rs pairs
//! them with other languages and with Godot 3.2.3).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use support::ports::cpp::{build, sources};
use support::*;

/// Moves, shared copies and handles given back, errors as values and as
/// exceptions, every class's calls, a UDP exchange, a host transport and a
/// verified DTLS handshake with an echo; then what gdtls adds to Godot,
/// each over a real loopback handshake: PSK servers (a lookup in C++, one
/// key) with PSK clients, a pinned unsafe client and a wrongly pinned one,
/// what a connection negotiated and carried, the event-loop hooks, a
/// resumed session and the log callback; pins and DER checked against
/// OpenSSL's. Valgrind finds no invalid access and no leak, and every
/// handle is freed at the end.
#[test]
fn cpp_binding_unit_checks_under_valgrind() {
    let id = seed::Identity::new("binding-cpp-unit");
    let scratch = TempDir::new("binding-cpp-unit-scratch");
    let exe = build("test_gdtls", id.dir().path());
    let (der, crl, key_pin, cert_pin) = openssl_fixtures(&id);
    let output = run_under_valgrind(
        &exe,
        &[
            id.key().to_str().unwrap(),
            id.cert().to_str().unwrap(),
            scratch.path().to_str().unwrap(),
            der.to_str().unwrap(),
            crl.to_str().unwrap(),
            &key_pin,
            &cert_pin,
        ],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let passed: usize = stdout
        .trim()
        .strip_suffix(" passed, 0 failed")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("test_gdtls printed {stdout}"));
    assert!(passed > 400, "only {passed} checks ran");
    for file in ["saved.key", "saved.pub", "saved.crt"] {
        assert!(scratch.join(file).is_file(), "{file} was not saved");
    }
}

/// What test_gdtls checks the binding against, made by OpenSSL from the
/// identity's certificate, in its directory: the certificate in DER, a
/// revocation list signed with its key, and the SHA-256 pins of its public
/// key and of all of it, in hex.
fn openssl_fixtures(id: &seed::Identity) -> (PathBuf, PathBuf, String, String) {
    let dir = id.dir().path();
    let (der, crl) = (dir.join("cert.der"), dir.join("crl.pem"));
    std::fs::write(
        dir.join("ca.cnf"),
        "[ca]\ndefault_ca = crl\n[crl]\ndatabase = index.txt\ndefault_md = sha256\ndefault_crl_days = 30\n",
    )
    .unwrap();
    std::fs::write(dir.join("index.txt"), "").unwrap();
    // Each script runs in `dir`, with the key as $1 and the certificate as $2.
    let openssl = |what: &str, script: &str| {
        let output = run(Command::new("sh")
            .args(["-c", script, "openssl"])
            .args([id.key(), id.cert()])
            .current_dir(dir));
        assert_success(what, &output);
        // `openssl dgst -r` prints the hash, then the file's name.
        let stdout = String::from_utf8_lossy(&output.stdout);
        stdout
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    openssl(
        "the certificate in DER",
        "openssl x509 -in \"$2\" -outform DER -out cert.der",
    );
    openssl(
        "a revocation list",
        "openssl ca -gencrl -config ca.cnf -keyfile \"$1\" -cert \"$2\" -out crl.pem",
    );
    let key_pin = openssl(
        "the public key's pin",
        "openssl x509 -in \"$2\" -pubkey -noout | openssl pkey -pubin -outform DER | openssl dgst -sha256 -r",
    );
    let cert_pin = openssl("the certificate's pin", "openssl dgst -sha256 -r cert.der");
    (der, crl, key_pin, cert_pin)
}

/// The header and every program using it compile with no warning under
/// -Wall -Wextra -pedantic -Werror, as C++17 and as C++20.
#[test]
fn cpp_sources_compile_clean_as_cpp17_and_cpp20() {
    let tmp = TempDir::new("binding-cpp-standards");
    for name in ["test_gdtls", "server", "client"] {
        for std in ["c++17", "c++20"] {
            // compile_c passes -std=c++17 first; a later -std wins.
            compile_c(
                &[sources().join(format!("{name}.cpp"))],
                &tmp.join(&format!("{name}-{std}")),
                &[&format!("-std={std}"), "-pedantic"],
            );
        }
    }
}

/// gdtls.hpp includes the C header and the standard library, nothing else,
/// and calls every function the C header declares.
#[test]
fn cpp_binding_covers_the_c_api_alone() {
    let header = std::fs::read_to_string(sources().join("gdtls.hpp")).unwrap();
    for include in header.lines().filter(|l| l.starts_with("#include")) {
        let target = include.trim_start_matches("#include").trim();
        assert!(
            target == "\"gdtls.h\"" || (target.starts_with('<') && !target.contains('.')),
            "gdtls.hpp includes {target}"
        );
    }
    let missing: Vec<String> = header_functions()
        .into_iter()
        .filter(|name| {
            !header
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|word| word == name)
        })
        .collect();
    assert!(missing.is_empty(), "gdtls.hpp lacks {missing:?}");
}

/// The seed's server and client ported to C++ talk to each other, the
/// client validating the server's certificate for localhost.
#[test]
fn cpp_seed_server_and_client() {
    let id = seed::Identity::new("binding-cpp-seed");
    let [server, client] = support::ports::cpp::ports(id.dir().path());
    seed::pair(&id, &server, &client);
}

/// The ports refuse a bad command line with a message and status 2, and a
/// failed setup with the library's message and status 1, without starting.
#[test]
fn cpp_seed_ports_refuse_bad_input() {
    let tmp = TempDir::new("binding-cpp-bad-input");
    let server = build("server", tmp.path());
    let client = build("client", tmp.path());
    let missing = tmp.join("missing.crt");
    let port = free_udp_port().to_string();
    let cases: [(&Path, Vec<&str>, i32, &str); 5] = [
        (&server, vec!["4242"], 2, "usage:"),
        (
            &server,
            vec!["42x", "k", "c"],
            2,
            "PORT must be a number, not '42x'",
        ),
        (
            &client,
            vec!["127.0.0.1", &port, "1", "ca.crt"],
            2,
            "usage:",
        ),
        (
            &client,
            vec![
                "127.0.0.1",
                &port,
                "1",
                missing.to_str().unwrap(),
                "localhost",
            ],
            1,
            "gdtls_x509_certificate_load: cannot read",
        ),
        (
            &server,
            vec![&port, missing.to_str().unwrap(), "c", "1", "1"],
            1,
            "gdtls_crypto_key_load",
        ),
    ];
    for (program, args, status, message) in cases {
        let output = run(Command::new(program).args(&args));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(status), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}
