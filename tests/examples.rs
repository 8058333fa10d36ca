//! Every program under ffi-examples/ builds against the committed header and
//! runs to a checked result.

mod support;

use std::process::Command;
use support::*;

#[test]
fn c_generate_cert_example() {
    let tmp = TempDir::new("example-generate-cert");
    let exe = tmp.join("generate_cert");
    compile_c(&[root().join("ffi-examples/c/generate_cert.c")], &exe, &[]);
    let output = run_under_valgrind(&exe, &[tmp.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("-----BEGIN CERTIFICATE-----"), "{stdout}");

    let cert = tmp.join("generated.crt");
    let text = run(Command::new("openssl").args([
        "x509",
        "-noout",
        "-subject",
        "-in",
        cert.to_str().unwrap(),
    ]));
    assert_success("openssl x509", &text);
    assert!(String::from_utf8_lossy(&text.stdout)
        .contains("CN = mydomain.com, O = My Game Company, C = IT"));
    let key = tmp.join("generated.key");
    let check = run(Command::new("openssl").args([
        "pkey",
        "-check",
        "-noout",
        "-in",
        key.to_str().unwrap(),
    ]));
    assert_success("openssl pkey -check", &check);
}

/// The seed's DTLS server and client pair, ported to C: the server answers
/// the client's "The answer is... 42!" with "Hello DTLS client", each
/// printing what the GDScript prints; the client validates the server's
/// certificate for localhost. Each also talks to Godot 3.2.3 running the
/// GDScript itself.
#[test]
fn c_dtls_server_and_client_example() {
    let id = seed::Identity::new("example-dtls");
    let [server, client] = ["dtls_server", "dtls_client"].map(|name| {
        let exe = id.dir().join(name);
        compile_c(
            &[root().join(format!("ffi-examples/c/{name}.c"))],
            &exe,
            &[],
        );
        seed::Port::new(&format!("C {name}"), &[exe.as_os_str()])
    });
    seed::pair(&id, &server, &client);
    seed::pair(&id, &seed::godot("seed_server.gd"), &client);
    seed::pair(&id, &server, &seed::godot("seed_client.gd"));
}
