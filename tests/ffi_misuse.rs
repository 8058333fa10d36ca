//! The C ABI abused from C: tests/c/misuse.c calls every function the
//! header declares with bad handles, bad states, bad sizes and bad strings,
//! checks each documented error, and then that the abused objects still
//! hold a DTLS connection. It runs under valgrind and, built with
//! AddressSanitizer and UndefinedBehaviorSanitizer, on its own.

mod support;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Duration;

use support::*;

/// The C sources of the suite.
fn sources() -> Vec<PathBuf> {
    let dir = root().join("tests/c");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read tests/c")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("misuse") && name.ends_with(".c")
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no tests/c/misuse*.c");
    found
}

/// The identifiers C code uses, leaving out comments and string and
/// character literals, where a function's name is no call.
fn identifiers(code: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut chars = code.chars().peekable();
    let mut word = String::new();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            ids.insert(std::mem::take(&mut word));
        }
        match (c, chars.peek()) {
            ('/', Some('/')) => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut star = false;
                for c in chars.by_ref() {
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
            }
            ('"' | '\'', _) => {
                while let Some(d) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == c {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    if !word.is_empty() {
        ids.insert(word);
    }
    ids
}

#[test]
fn identifiers_skip_comments_and_literals() {
    let ids = identifiers("a(b); /* c */ // d\n\"e\\\"f\" 'g' h_1");
    let expected: HashSet<String> = ["a", "b", "h_1"].iter().map(|s| s.to_string()).collect();
    assert_eq!(ids, expected);
}

/// Every function of the header is called somewhere in the suite.
#[test]
fn misuse_suite_calls_every_header_function() {
    let functions = header_functions();
    assert!(
        functions.len() > 70,
        "header parse found only {functions:?}"
    );
    let mut used = HashSet::new();
    for source in sources() {
        let code = std::fs::read_to_string(&source).expect("read C source");
        used.extend(identifiers(&code));
    }
    let missing: Vec<&String> = functions.iter().filter(|f| !used.contains(*f)).collect();
    assert!(
        missing.is_empty(),
        "tests/c/misuse*.c never calls {missing:?}"
    );
}

/// A scratch directory holding the test identity as key.pem and cert.pem.
fn scratch(name: &str) -> TempDir {
    let tmp = TempDir::new(name);
    let id = support::dtls::identity();
    id.key.save(&tmp.join("key.pem"), false).unwrap();
    id.cert.save(&tmp.join("cert.pem")).unwrap();
    tmp
}

/// Checks the suite's "N passed, 0 failed" line, with enough checks run.
fn assert_all_passed(output: &Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    let summary = stdout
        .lines()
        .find(|l| l.ends_with(" failed"))
        .unwrap_or_else(|| panic!("no summary line in {stdout}"));
    let passed: usize = summary
        .split(" passed")
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("bad summary line {summary:?}"));
    assert!(
        summary.ends_with(" 0 failed"),
        "{summary}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(passed > 2000, "too few checks ran: {summary}");
}

#[test]
fn misuse_suite_under_valgrind() {
    let tmp = scratch("misuse-valgrind");
    let exe = tmp.join("misuse");
    compile_c(&sources(), &exe, &[]);
    let output = run_under_valgrind(&exe, &[tmp.path().to_str().unwrap()]);
    assert_all_passed(&output);
}

/// The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
/// The Rust library is not instrumented, but the sanitizer's malloc and free
/// serve it too, so a double or foreign free, a heap overflow of a C buffer
/// and a leak of anything gdtls allocated still surface.
#[test]
fn misuse_suite_under_sanitizers() {
    let tmp = scratch("misuse-asan");
    let exe = tmp.join("misuse-asan");
    compile_c(
        &sources(),
        &exe,
        &[
            "-fsanitize=address,undefined",
            "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer",
        ],
    );
    let output = run_within(
        Command::new(&exe)
            .arg(tmp.path())
            .current_dir(tmp.path())
            .env("ASAN_OPTIONS", "detect_leaks=1:halt_on_error=1:exitcode=98")
            .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"),
        Duration::from_secs(60),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_success("misuse suite under sanitizers", &output);
    assert_all_passed(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("Sanitizer") && !stderr.contains("runtime error"),
        "{stderr}"
    );
}
