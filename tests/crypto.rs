//! Keys and certificates through the Rust API, checked against OpenSSL.

mod support;

use std::process::Command;
use std::sync::Arc;

use gdtls::{
    generate_rsa, generate_self_signed_certificate, CryptoKey, Error, TlsOptions, X509Certificate,
};
use support::*;

fn openssl(args: &[&str]) -> String {
    let output = run(Command::new("openssl").args(args));
    assert_success(&format!("openssl {args:?}"), &output);
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// A key and self-signed certificate made by gdtls are valid to OpenSSL,
/// with Godot's default subject, validity and a signature that verifies.
#[test]
fn gdtls_key_and_certificate_pass_openssl_checks() {
    let tmp = TempDir::new("openssl-check");
    let key = generate_rsa(2048).expect("generate RSA-2048");
    let cert = generate_self_signed_certificate(
        &key,
        gdtls::crypto::DEFAULT_ISSUER_NAME,
        gdtls::crypto::DEFAULT_NOT_BEFORE,
        gdtls::crypto::DEFAULT_NOT_AFTER,
    )
    .expect("self-signed certificate");
    let key_path = tmp.join("key.pem");
    let cert_path = tmp.join("cert.pem");
    key.save(&key_path, false).unwrap();
    cert.save(&cert_path).unwrap();

    let check = openssl(&[
        "pkey",
        "-check",
        "-noout",
        "-in",
        key_path.to_str().unwrap(),
    ]);
    assert!(check.contains("Key is valid"), "{check}");
    let text = openssl(&[
        "x509",
        "-noout",
        "-text",
        "-in",
        cert_path.to_str().unwrap(),
    ]);
    assert!(text.contains("Public-Key: (2048 bit)"), "{text}");
    assert!(
        text.contains("Subject: CN = myserver, O = myorganisation, C = IT"),
        "{text}"
    );
    assert!(
        text.contains("Issuer: CN = myserver, O = myorganisation, C = IT"),
        "{text}"
    );
    assert!(
        text.contains("Not Before: Jan  1 00:00:00 2014 GMT"),
        "{text}"
    );
    assert!(
        text.contains("Not After : Jan  1 00:00:00 2034 GMT"),
        "{text}"
    );
    assert!(text.contains("sha256WithRSAEncryption"), "{text}");
    assert!(text.contains("CA:TRUE"), "{text}");
    // The certificate is signed by its own key and carries that key.
    let verify = openssl(&[
        "verify",
        "-no_check_time",
        "-CAfile",
        cert_path.to_str().unwrap(),
        cert_path.to_str().unwrap(),
    ]);
    assert!(verify.contains(": OK"), "{verify}");
    let cert_pub = openssl(&[
        "x509",
        "-noout",
        "-pubkey",
        "-in",
        cert_path.to_str().unwrap(),
    ]);
    assert_eq!(cert_pub, key.save_to_string(true).unwrap());
}

/// A key and certificate made by `openssl req -x509` load in gdtls, and a
/// save/load round trip leaves them unchanged (same DER, same key).
#[test]
fn openssl_key_and_certificate_round_trip() {
    let tmp = TempDir::new("openssl-roundtrip");
    let key_path = tmp.join("openssl.key");
    let cert_path = tmp.join("openssl.crt");
    let out = run(Command::new("openssl").args([
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "30",
        "-subj",
        "/CN=localhost/O=gdtls test",
        "-keyout",
        key_path.to_str().unwrap(),
        "-out",
        cert_path.to_str().unwrap(),
    ]));
    assert_success("openssl req -x509", &out);

    let key = CryptoKey::new();
    key.load(&key_path, false)
        .expect("load OpenSSL's PKCS#8 key");
    assert!(!key.is_public_only());
    let cert = X509Certificate::new();
    cert.load(&cert_path).expect("load OpenSSL's certificate");
    assert_eq!(cert.len(), 1);

    // The certificate's PEM is byte for byte what OpenSSL wrote.
    let original_cert = std::fs::read_to_string(&cert_path).unwrap();
    assert_eq!(cert.save_to_string().unwrap(), original_cert);

    // Save, load again, save again: identical; and OpenSSL sees the same key.
    let saved_key = tmp.join("saved.key");
    let saved_cert = tmp.join("saved.crt");
    key.save(&saved_key, false).unwrap();
    cert.save(&saved_cert).unwrap();
    let key2 = CryptoKey::new();
    key2.load(&saved_key, false).unwrap();
    let cert2 = X509Certificate::new();
    cert2.load(&saved_cert).unwrap();
    assert_eq!(
        key2.save_to_string(false).unwrap(),
        key.save_to_string(false).unwrap()
    );
    assert_eq!(cert2.save_to_string().unwrap(), original_cert);
    let modulus =
        |p: &std::path::Path| openssl(&["rsa", "-noout", "-modulus", "-in", p.to_str().unwrap()]);
    assert_eq!(modulus(&saved_key), modulus(&key_path));
    let openssl_pub = openssl(&["pkey", "-pubout", "-in", key_path.to_str().unwrap()]);
    assert_eq!(key2.save_to_string(true).unwrap(), openssl_pub);

    // And they make server options: the key matches the certificate.
    let options = TlsOptions::server(Arc::new(key2), Arc::new(cert2)).expect("server options");
    assert!(options.is_server());
}

/// OpenSSL's EC keys and DER files load too; a certificate chain file keeps
/// every certificate in order.
#[test]
fn openssl_ec_keys_der_and_chains() {
    let tmp = TempDir::new("openssl-ec");
    let key_path = tmp.join("ec.key");
    let cert_path = tmp.join("ec.crt");
    assert_success(
        "openssl req ec",
        &run(Command::new("openssl").args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "30",
            "-subj",
            "/CN=ec.example",
            "-keyout",
            key_path.to_str().unwrap(),
            "-out",
            cert_path.to_str().unwrap(),
        ])),
    );
    let key = Arc::new(CryptoKey::new());
    key.load(&key_path, false).expect("EC key");
    let cert = Arc::new(X509Certificate::new());
    cert.load(&cert_path).expect("EC certificate");
    TlsOptions::server(key.clone(), cert.clone()).expect("EC server options");

    let der_path = tmp.join("ec.der");
    openssl(&[
        "x509",
        "-in",
        cert_path.to_str().unwrap(),
        "-outform",
        "DER",
        "-out",
        der_path.to_str().unwrap(),
    ]);
    let from_der = X509Certificate::new();
    from_der.load(&der_path).expect("DER certificate");
    assert_eq!(
        from_der.save_to_string().unwrap(),
        cert.save_to_string().unwrap()
    );
    let key_der = tmp.join("ec.key.der");
    openssl(&[
        "pkey",
        "-in",
        key_path.to_str().unwrap(),
        "-outform",
        "DER",
        "-out",
        key_der.to_str().unwrap(),
    ]);
    let from_der_key = CryptoKey::new();
    from_der_key.load(&key_der, false).expect("DER key");
    assert_eq!(
        from_der_key.save_to_string(false).unwrap(),
        key.save_to_string(false).unwrap()
    );

    // A chain file: gdtls certificate, then OpenSSL's, kept in that order.
    let rsa = generate_rsa(1024).unwrap();
    let own =
        generate_self_signed_certificate(&rsa, "CN=first", "20200101000000", "20300101000000")
            .unwrap();
    let chain_text = own.save_to_string().unwrap() + &cert.save_to_string().unwrap();
    let chain = X509Certificate::new();
    chain.load_from_string(&chain_text).unwrap();
    assert_eq!(chain.len(), 2);
    assert_eq!(chain.save_to_string().unwrap(), chain_text);
    let chain_path = tmp.join("chain.pem");
    chain.save(&chain_path).unwrap();
    let listed = run(Command::new("sh").arg("-c").arg(format!(
        "openssl crl2pkcs7 -nocrl -certfile {} | openssl pkcs7 -print_certs -noout",
        chain_path.display()
    )));
    let listed = String::from_utf8_lossy(&listed.stdout);
    let first = listed.find("CN = first").expect("first certificate listed");
    let second = listed
        .find("CN = ec.example")
        .expect("second certificate listed");
    assert!(first < second, "{listed}");
}

#[test]
fn errors_carry_godot_codes_and_words() {
    let key = CryptoKey::new();
    let missing = key
        .load(std::path::Path::new("/nonexistent/key.pem"), false)
        .unwrap_err();
    assert_eq!(missing.code, Error::ERR_INVALID_PARAMETER);
    assert!(
        missing.message.contains("/nonexistent/key.pem"),
        "{missing}"
    );
    let garbage = key.load_from_string(
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        false,
    );
    let garbage = garbage.unwrap_err();
    assert_eq!(garbage.code, Error::FAILED);
    assert!(garbage.message.contains("mbedTLS -0x"), "{garbage}");
    assert_eq!(
        key.save_to_string(false).unwrap_err().code,
        Error::ERR_UNCONFIGURED
    );
    assert_eq!(
        generate_rsa(513).err().unwrap().code,
        Error::ERR_INVALID_PARAMETER
    );
    assert_eq!(
        generate_rsa(8194).err().unwrap().code,
        Error::ERR_INVALID_PARAMETER
    );

    let a = generate_rsa(1024).unwrap();
    let b = Arc::new(generate_rsa(1024).unwrap());
    let cert = Arc::new(
        generate_self_signed_certificate(&a, "CN=a", "20200101000000", "20300101000000").unwrap(),
    );
    let mismatch = TlsOptions::server(b, cert).err().unwrap();
    assert_eq!(mismatch.code, Error::ERR_INVALID_PARAMETER);
    assert!(mismatch.message.contains("does not match"), "{mismatch}");
    let bad_time =
        generate_self_signed_certificate(&a, "CN=a", "20200230000000x", "20300101000000");
    assert_eq!(bad_time.err().unwrap().code, Error::ERR_INVALID_PARAMETER);
}

/// DER: a tag, a length, a value.
fn der(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = value.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(value);
    out
}

/// A positive INTEGER of `bits` bits, its top bit set (not a real key's
/// number: only its size matters here).
fn big_integer(bits: usize) -> Vec<u8> {
    let mut n = vec![0u8];
    n.push(0x80);
    n.extend(std::iter::repeat_n(0x5a, bits / 8 - 1));
    der(0x02, &n)
}

/// The PEM of an RSA private key (PKCS#1) with a `bits`-bit modulus.
fn rsa_key_pem(bits: usize) -> String {
    use base64::Engine;
    let mut body = der(0x02, &[0]);
    body.extend(big_integer(bits)); // n
    body.extend(der(0x02, &[1, 0, 1])); // e
    for _ in 0..6 {
        body.extend(big_integer(bits / 2)); // d, p, q, dp, dq, qinv
    }
    let b64 = base64::engine::general_purpose::STANDARD.encode(der(0x30, &body));
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n",
        lines.join("\n")
    )
}

/// A certificate for `subject` whose key is a `bits`-bit RSA modulus (its
/// signature is not real: parsing fails before anything checks it).
fn certificate_der(bits: usize) -> Vec<u8> {
    let rsa_oid = der(
        0x30,
        &[
            der(0x06, &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1]),
            der(0x05, &[]),
        ]
        .concat(),
    );
    let sha256_rsa = der(
        0x30,
        &[
            der(0x06, &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 11]),
            der(0x05, &[]),
        ]
        .concat(),
    );
    let name = der(
        0x30,
        &der(
            0x31,
            &der(
                0x30,
                &[der(0x06, &[0x55, 4, 3]), der(0x0c, b"big")].concat(),
            ),
        ),
    );
    let validity = der(
        0x30,
        &[der(0x17, b"200101000000Z"), der(0x17, b"300101000000Z")].concat(),
    );
    let public_key = der(0x30, &[big_integer(bits), der(0x02, &[1, 0, 1])].concat());
    let spki = der(
        0x30,
        &[rsa_oid, der(0x03, &[&[0u8][..], &public_key].concat())].concat(),
    );
    let version = der(0xa0, &der(0x02, &[2]));
    let tbs = der(
        0x30,
        &[
            version,
            der(0x02, &[1]),
            sha256_rsa.clone(),
            name.clone(),
            validity,
            name,
            spki,
        ]
        .concat(),
    );
    der(0x30, &[tbs, sha256_rsa, der(0x03, &[0, 1, 2, 3])].concat())
}

/// mbedTLS handles RSA keys of up to 8192 bits and calls a larger one an
/// "invalid key tag or value"; gdtls says what it is.
#[test]
fn a_key_too_large_says_so() {
    let key = CryptoKey::new();
    for pem in [
        rsa_key_pem(16384),
        rsa_key_pem(16384).replace("RSA PRIVATE", "PRIVATE"),
    ] {
        let e = key.load_from_string(&pem, false).unwrap_err();
        assert_eq!(e.code, Error::FAILED);
        assert!(
            e.message
                .contains("its RSA key has 16384 bits, more than the 8192 gdtls can use"),
            "{e}"
        );
    }
    // A PKCS#8 wrapping of the same key.
    let pkcs1 = {
        use base64::Engine;
        let pem = rsa_key_pem(16384);
        let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap()
    };
    let rsa_oid = der(
        0x30,
        &[
            der(0x06, &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1]),
            der(0x05, &[]),
        ]
        .concat(),
    );
    let pkcs8 = der(
        0x30,
        &[der(0x02, &[0]), rsa_oid, der(0x04, &pkcs1)].concat(),
    );
    let e = key.load_from_bytes(&pkcs8, false).unwrap_err();
    assert!(e.message.contains("16384 bits"), "{e}");
    // A key that is merely wrong is not called too large.
    let e = key.load_from_string(&rsa_key_pem(2048), false).unwrap_err();
    assert!(!e.message.contains("bits"), "{e}");
    assert!(e.message.contains("PK - "), "{e}");

    let cert = X509Certificate::new();
    let e = cert.load_from_bytes(&certificate_der(16384)).unwrap_err();
    assert!(e.message.contains("its RSA key has 16384 bits"), "{e}");
    let tmp = support::TempDir::new("big-key");
    let path = tmp.join("big.crt");
    let pem = {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(certificate_der(16384));
        format!("-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n")
    };
    std::fs::write(&path, pem).unwrap();
    let e = cert.load(&path).unwrap_err();
    assert!(
        e.message
            .contains("certificate 1: its RSA key has 16384 bits"),
        "{e}"
    );
    assert!(e.message.contains("big.crt"), "{e}");
}

/// Runs `f` on another thread and fails the test if it has not returned
/// within 5 s (a read that blocks on a FIFO, say).
fn within_5s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(f()));
    rx.recv_timeout(std::time::Duration::from_secs(5))
        .expect("the call blocked")
}

/// Paths that are not key or certificate files are refused at once, with
/// a reason: a FIFO (which would block a reader until a writer comes), a
/// directory, a device that never ends, a file over the size limit.
#[test]
fn loading_refuses_what_is_not_a_small_regular_file() {
    let tmp = support::TempDir::new("not-files");
    let fifo = tmp.join("fifo.pem");
    support::assert_success(
        "mkfifo",
        &support::run(std::process::Command::new("mkfifo").arg(&fifo)),
    );
    let big = tmp.join("big.pem");
    let limit = gdtls::MAX_CRYPTO_FILE_SIZE;
    std::fs::write(&big, vec![b'A'; limit as usize + 1]).unwrap();
    let cases = [
        (fifo, "not a regular file (a FIFO)"),
        (tmp.path().to_path_buf(), "not a regular file (a directory)"),
        (
            "/dev/zero".into(),
            "not a regular file (a character device)",
        ),
        (big, "more than the 1048576 bytes"),
    ];
    for (path, why) in cases {
        let p = path.clone();
        let key_error = within_5s(move || CryptoKey::new().load(&p, false).unwrap_err());
        let p = path.clone();
        let cert_error = within_5s(move || X509Certificate::new().load(&p).unwrap_err());
        for e in [key_error, cert_error] {
            assert_eq!(e.code, Error::ERR_INVALID_PARAMETER, "{e}");
            assert!(e.message.contains(why), "{e}");
            assert!(e.message.contains(&path.display().to_string()), "{e}");
        }
    }
    // At the limit, a file is read (and then found not to be a key).
    let at_limit = tmp.join("at-limit.pem");
    std::fs::write(&at_limit, vec![b'A'; limit as usize]).unwrap();
    let e = CryptoKey::new().load(&at_limit, false).unwrap_err();
    assert_eq!(e.code, Error::FAILED, "{e}");
}

/// A certificate chain too large for a handshake message is refused by
/// setup, where it would otherwise fail every handshake; the largest chain
/// that fits works.
#[test]
fn setup_refuses_a_chain_too_large_for_a_handshake() {
    use gdtls::{DtlsServer, MAX_CERTIFICATE_MESSAGE};
    let key = Arc::new(generate_rsa(2048).unwrap());
    let leaf =
        generate_self_signed_certificate(&key, "CN=localhost", "20200101000000", "20991231000000")
            .unwrap();
    let pem = leaf.save_to_string().unwrap();
    let der_len = {
        use base64::Engine;
        let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap()
            .len()
    };
    let fits = (MAX_CERTIFICATE_MESSAGE - 7) / (3 + der_len);
    let chain = |copies: usize| {
        let c = X509Certificate::new();
        c.load_from_string(&pem.repeat(copies)).unwrap();
        Arc::new(c)
    };
    let server = DtlsServer::new();
    let too_big = server
        .setup(&TlsOptions::server(key.clone(), chain(fits + 1)).unwrap())
        .unwrap_err();
    assert_eq!(too_big.code, Error::ERR_INVALID_PARAMETER);
    assert!(
        too_big
            .message
            .contains(&format!("more than the {MAX_CERTIFICATE_MESSAGE} bytes")),
        "{too_big}"
    );
    assert!(
        too_big
            .message
            .contains(&format!("({} certificates)", fits + 1)),
        "{too_big}"
    );

    // The largest that fits: a verified handshake carries it.
    let mut server =
        support::dtls::Server::new("127.0.0.1", &TlsOptions::server(key, chain(fits)).unwrap());
    let trusting = TlsOptions::client(Some(chain(1)), "").unwrap();
    let c = support::dtls::client("127.0.0.1", server.port(), "localhost", Some(&trusting));
    support::dtls::settle(&mut server, &[&c]);
    assert_eq!(c.get_status(), gdtls::Status::STATUS_CONNECTED);
    println!(
        "{fits} certificates of {der_len} bytes fit a handshake; {} do not",
        fits + 1
    );
}
