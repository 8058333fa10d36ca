//! Every program under ffi-examples/ builds against the committed header and
//! runs to a checked result.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use gdtls::{Status, TlsOptions};
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

/// ffi-examples/c/threaded_server.c with two workers: clients connecting at
/// once are shared between the workers, and each client's packet comes
/// back to it.
#[test]
fn c_threaded_server_example() {
    const CLIENTS: usize = 6;
    let id = seed::Identity::new("example-threaded");
    let exe = id.dir().join("threaded_server");
    compile_c(
        &[root().join("ffi-examples/c/threaded_server.c")],
        &exe,
        &["-pthread", "-pedantic"],
    );
    let port = free_udp_port().to_string();
    let mut server = Command::new(&exe);
    server
        .args([&port])
        .arg(id.key())
        .arg(id.cert())
        .args([&CLIENTS.to_string(), "20", "2"]);
    let server = std::thread::spawn(move || run_within(&mut server, Duration::from_secs(30)));
    seed::wait_until_bound(&port, Duration::from_secs(10));

    let options = TlsOptions::client(Some(dtls::identity().cert.clone()), "").unwrap();
    let port: i32 = port.parse().unwrap();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| dtls::client("127.0.0.1", port, "localhost", Some(&options)))
        .collect();
    let mut sent = [false; CLIENTS];
    let mut echoed = [false; CLIENTS];
    let deadline = Instant::now() + Duration::from_secs(20);
    while !echoed.iter().all(|e| *e) {
        assert!(Instant::now() < deadline, "echoes: {echoed:?}");
        for (i, c) in clients.iter().enumerate() {
            c.poll().unwrap();
            let packet = format!("client {i}");
            if c.get_status() == Status::STATUS_CONNECTED && !sent[i] {
                c.put_packet(packet.as_bytes()).unwrap();
                sent[i] = true;
            }
            while c.get_available_packet_count() > 0 {
                assert_eq!(c.get_packet_vec().unwrap(), packet.as_bytes());
                echoed[i] = true;
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }

    let output = server.join().unwrap().unwrap();
    assert_success("threaded_server", &output);
    let text = String::from_utf8_lossy(&output.stdout);
    for worker in 1..=2 {
        let connected = format!("Peer connected! (worker {worker})");
        assert!(text.lines().any(|l| l == connected), "{text}");
    }
    let echoes = text.lines().filter(|l| l.starts_with("Echoed ")).count();
    assert!(echoes >= CLIENTS, "{text}");
}
