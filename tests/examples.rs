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
