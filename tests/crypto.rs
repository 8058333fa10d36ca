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
