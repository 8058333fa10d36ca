//! The C ABI exercised from C: each program under tests/c is compiled
//! against include/gdtls.h and the built library, then run under valgrind.

mod support;

use std::io::Write;
use support::*;

/// Compiles tests/c/NAME.c and runs it under valgrind with a scratch
/// directory as its argument; the program prints "N passed, N failed".
fn run_c_test(name: &str) -> String {
    run_c_test_in(name, TempDir::new(name))
}

fn run_c_test_in(name: &str, tmp: TempDir) -> String {
    let exe = tmp.join(name);
    compile_c(&[root().join(format!("tests/c/{name}.c"))], &exe, &[]);
    let output = run_under_valgrind(&exe, &[tmp.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    print!("{stdout}");
    assert!(stdout.contains(" passed, 0 failed"), "{name}: {stdout}");
    stdout
}

#[test]
fn foundation_from_c_under_valgrind() {
    let out = run_c_test("foundation");
    let passed: usize = out
        .split(" passed")
        .next()
        .unwrap()
        .trim()
        .rsplit('\n')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(passed > 200, "too few checks ran: {passed}");
}

/// A host that only `dlopen`s the library resolves every function the
/// header declares through `gdtls_get_proc_address`, to the same address
/// `dlsym` gives.
#[test]
fn every_header_function_resolves_by_name() {
    let names = header_functions();
    assert!(names.len() > 30, "header parse found only {names:?}");
    let tmp = TempDir::new("procs");
    let list = tmp.join("names.txt");
    let mut file = std::fs::File::create(&list).unwrap();
    for name in &names {
        writeln!(file, "{name}").unwrap();
    }
    drop(file);
    let exe = tmp.join("proc_address");
    compile_c(&[root().join("tests/c/proc_address.c")], &exe, &["-ldl"]);
    let so = lib_dir().join("libgdtls.so");
    let output = run_under_valgrind(&exe, &[so.to_str().unwrap(), list.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    assert!(
        stdout.contains(&format!("{} passed, 0 failed", names.len() + 6)),
        "{stdout}"
    );
}

/// The header is valid C++ as well as C.
#[test]
fn header_compiles_as_cpp() {
    let tmp = TempDir::new("cpp");
    let src = tmp.join("header.cpp");
    std::fs::write(
        &src,
        "#include \"gdtls.h\"\n#include <cstdio>\nint main() { std::printf(\"%s\\n\", gdtls_version()); \
         return gdtls_get_last_error() == GDTLS_OK ? 0 : 1; }\n",
    )
    .unwrap();
    let exe = tmp.join("header");
    compile_c(&[src], &exe, &[]);
    let output = run(&mut std::process::Command::new(&exe));
    assert_success("C++ program", &output);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        env!("CARGO_PKG_VERSION")
    );
}

#[test]
fn udp_from_c_under_valgrind() {
    run_c_test("udp");
}

#[test]
fn dtls_from_c_under_valgrind() {
    let tmp = TempDir::new("dtls");
    let id = support::dtls::identity();
    id.key.save(&tmp.join("key.pem"), false).unwrap();
    id.cert.save(&tmp.join("cert.pem")).unwrap();
    run_c_test_in("dtls", tmp);
}

/// Every function has a pointer type, `gdtls_<name>_fn`, of exactly its
/// signature: a file assigning each function to its type compiles without
/// a warning as C11 and as C++17.
#[test]
fn every_function_has_its_pointer_type() {
    let names = header_functions();
    let tmp = TempDir::new("fn-types");
    let mut body = String::from("#include \"gdtls.h\"\n#include <stdio.h>\nint main(void) {\n");
    for name in &names {
        body.push_str(&format!(
            "    {name}_fn p_{name} = {name};\n    printf(\"%d\", p_{name} != 0);\n"
        ));
    }
    body.push_str("    return 0;\n}\n");
    for file in ["types.c", "types.cpp"] {
        let source = tmp.join(file);
        std::fs::write(&source, &body).unwrap();
        compile_c(&[source], &tmp.join("types"), &["-pedantic"]);
        let out = run(&mut std::process::Command::new(tmp.join("types")));
        assert_success("types", &out);
        assert_eq!(out.stdout, vec![b'1'; names.len()], "{file}");
    }
}

/// The shared library exports the functions of the header and nothing
/// else (mbedTLS's and Rust's symbols stay inside).
#[test]
fn the_library_exports_only_the_c_api() {
    let so = lib_dir().join("libgdtls.so");
    let out = run(std::process::Command::new("nm")
        .args(["-D", "--defined-only", "--format=posix"])
        .arg(&so));
    assert_success("nm -D", &out);
    let mut exported: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    exported.sort();
    assert_eq!(exported, header_functions());
}
