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

/// The seed's DTLS server and client pair, ported to C: the server echoes
/// "Hello DTLS client" to the client's "The answer is... 42!", and each
/// prints what the GDScript prints.
#[test]
fn c_dtls_server_and_client_example() {
    let tmp = TempDir::new("example-dtls");
    let id = support::dtls::identity();
    id.key.save(&tmp.join("key.key"), false).unwrap();
    id.cert.save(&tmp.join("cert.crt")).unwrap();
    for name in ["dtls_server", "dtls_client"] {
        compile_c(
            &[root().join(format!("ffi-examples/c/{name}.c"))],
            &tmp.join(name),
            &[],
        );
    }
    let port = free_udp_port().to_string();
    let server = Command::new(tmp.join("dtls_server"))
        .args([&port, "key.key", "cert.crt", "2", "20"])
        .current_dir(tmp.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let clients: Vec<_> = (0..2)
        .map(|_| run(Command::new(tmp.join("dtls_client")).args(["127.0.0.1", &port, "10"])))
        .collect();
    let server = server.wait_with_output().unwrap();
    assert_success("dtls_server", &server);
    let server_out = String::from_utf8_lossy(&server.stdout);
    assert_eq!(
        server_out.matches("Peer connected!").count(),
        2,
        "{server_out}"
    );
    assert!(
        server_out.contains("Received message from client: The answer is... 42!"),
        "{server_out}"
    );
    for client in clients {
        assert_success("dtls_client", &client);
        // The client repeats its message every frame until a reply comes,
        // so more than one reply may arrive in its last frame.
        let out = String::from_utf8_lossy(&client.stdout);
        assert!(
            out.lines().count() >= 1 && out.lines().all(|l| l == "Connected: Hello DTLS client"),
            "{out}"
        );
    }
}
