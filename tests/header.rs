//! The committed include/gdtls.h (and the LuaJIT declarations made from it)
//! must be exactly what the source generates.
//! build.rs writes the generated header to OUT_DIR (and refreshes the work
//! tree's copy); this compares it with the copy git has, so a stale header
//! fails on a clean clone.

mod support;

use std::process::Command;

/// The files build.rs generates and the work tree keeps: the header, and
/// the LuaJIT declarations made from it.
const GENERATED: [(&str, &str); 2] = [
    (
        "include/gdtls.h",
        include_str!(concat!(env!("OUT_DIR"), "/gdtls.h")),
    ),
    (
        "ffi-examples/luajit/gdtls_h.lua",
        include_str!(concat!(env!("OUT_DIR"), "/gdtls_h.lua")),
    ),
];

#[test]
fn committed_header_is_current() {
    for (path, generated) in GENERATED {
        // The index holds what would be committed; on a clean clone it is
        // HEAD.
        let output = support::run(
            Command::new("git")
                .arg("-C")
                .arg(support::root())
                .args(["show", &format!(":{path}")]),
        );
        support::assert_success(&format!("git show :{path} (is it committed?)"), &output);
        let committed = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            committed == generated,
            "{path} in git differs from what the source generates: build, then commit {path}"
        );
    }
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

/// Every name the header defines carries the library's prefix, so that
/// none collides with an application's own (a `MAX_DATAGRAM` of its own,
/// say): macros, types, structs, enumerators and functions.
#[test]
fn every_name_in_the_header_is_prefixed() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/gdtls.h"));
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for line in generated.lines() {
        if let Some(rest) = line.strip_prefix("#define ") {
            names.push(ident(rest));
        } else if let Some(rest) = ["enum ", "struct ", "typedef struct "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
        {
            names.push(ident(rest));
        } else if line.starts_with("typedef") {
            let at = line.find("(*").map_or_else(
                || line.trim_end_matches(';').rfind(' ').unwrap() + 1,
                |i| i + 2,
            );
            names.push(ident(&line[at..]));
        } else if line.starts_with("  ") && line.contains(" = ") && !line.contains('*') {
            names.push(ident(line.trim_start()));
        }
    }
    names.extend(support::header_functions());
    assert!(names.len() > 150, "found only {names:?}");
    let unprefixed: Vec<&String> = names
        .iter()
        .filter(|n| !n.starts_with("gdtls_") && !n.starts_with("GDTLS_"))
        .collect();
    assert!(
        unprefixed.is_empty(),
        "names without the prefix: {unprefixed:?}"
    );
}
