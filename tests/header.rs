//! The committed include/gdtls.h must be exactly what the source generates.
//! build.rs writes the generated header to OUT_DIR (and refreshes the work
//! tree's copy); this compares it with the copy git has, so a stale header
//! fails on a clean clone.

mod support;

use std::process::Command;

#[test]
fn committed_header_is_current() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/gdtls.h"));
    // The index holds what would be committed; on a clean clone it is HEAD.
    let output = support::run(
        Command::new("git")
            .arg("-C")
            .arg(support::root())
            .args(["show", ":include/gdtls.h"]),
    );
    support::assert_success(
        "git show :include/gdtls.h (is the header committed?)",
        &output,
    );
    let committed = String::from_utf8(output.stdout).expect("header is UTF-8");
    assert!(
        committed == generated,
        "include/gdtls.h in git differs from what the source generates: build, then commit include/gdtls.h"
    );
}

#[test]
fn header_declares_the_foundation() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/gdtls.h"));
    for needle in [
        "#define GDTLS_VERSION_MAJOR",
        "GDTLS_ERR_PRINTER_ON_FIRE = 48",
        "typedef struct gdtls_crypto_key gdtls_crypto_key;",
        "gdtls_proc gdtls_get_proc_address(const char *name);",
        "const char *gdtls_get_last_error_message(void);",
    ] {
        assert!(generated.contains(needle), "header lacks {needle:?}");
    }
}
