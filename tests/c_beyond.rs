//! What the C API adds to Godot's DTLS, exercised from C: tests/c/beyond.c,
//! compiled against include/gdtls.h and the built library, run under
//! valgrind. This side gives it an identity and what OpenSSL says of it:
//! its DER forms and SHA-256 pins, and a certificate it issued with a
//! revocation list that revokes it.

mod support;

use std::process::Command;

use support::*;

/// `openssl ARGS` in `dir` (ARGS split at spaces), which must succeed.
fn openssl(dir: &TempDir, args: &str) {
    let out = run(Command::new("openssl")
        .current_dir(dir.path())
        .args(args.split_whitespace()));
    assert_success(&format!("openssl {args}"), &out);
}

/// The RSA identity (CN=localhost) as PEM and DER, and its public key's
/// and certificate's SHA-256 pins as OpenSSL computes them.
fn identity_files(dir: &TempDir) {
    let id = support::dtls::identity();
    id.key.save(&dir.join("key.pem"), false).unwrap();
    id.cert.save(&dir.join("cert.pem")).unwrap();
    for args in [
        "x509 -in cert.pem -outform DER -out cert.der",
        "pkey -in key.pem -outform DER -out key.der",
        "pkey -in key.pem -pubout -outform DER -out public.der",
        "dgst -sha256 -binary -out key.pin public.der",
        "dgst -sha256 -binary -out cert.pin cert.der",
    ] {
        openssl(dir, args);
    }
}

/// A certificate for localhost (leaf.key, leaf.crt) that the identity
/// issued, and the identity's revocation list revoking it (revoking.crl).
fn revoked_leaf(dir: &TempDir) {
    let config = format!(
        "[ca]\ndefault_ca = d\n[d]\ndatabase = {0}/index.txt\ncrlnumber = {0}/crlnumber\n\
         default_md = sha256\ndefault_crl_days = 30\ncertificate = {0}/cert.pem\n\
         private_key = {0}/key.pem\n",
        dir.path().display()
    );
    std::fs::write(dir.join("ca.cnf"), config).unwrap();
    std::fs::write(dir.join("index.txt"), "").unwrap();
    std::fs::write(dir.join("crlnumber"), "01\n").unwrap();
    for args in [
        "req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
         -keyout leaf.key -out leaf.csr",
        "x509 -req -in leaf.csr -CA cert.pem -CAkey key.pem -set_serial 2 -days 30 -out leaf.crt",
        "ca -config ca.cnf -revoke leaf.crt",
        "ca -config ca.cnf -gencrl -out revoking.crl",
    ] {
        openssl(dir, args);
    }
}

/// How many checks the program's "N passed, 0 failed" line counts.
fn passed(stdout: &str) -> usize {
    let summary = stdout
        .lines()
        .find(|l| l.ends_with(" passed, 0 failed"))
        .unwrap_or_else(|| panic!("beyond.c failed:\n{stdout}"));
    summary.split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn beyond_godot_from_c_under_valgrind() {
    let tmp = TempDir::new("c-beyond");
    identity_files(&tmp);
    revoked_leaf(&tmp);
    let exe = tmp.join("beyond");
    compile_c(&[root().join("tests/c/beyond.c")], &exe, &["-pedantic"]);
    let output = run_under_valgrind(&exe, &[tmp.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    let checks = passed(&stdout);
    assert!(checks > 400, "too few checks ran: {checks}");
}
