//! Generates the C header (include/gdtls.h, via cbindgen) and the table
//! behind `gdtls_get_proc_address`.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-changed=build.rs");

    write_proc_table(&crate_dir.join("src/ffi"), &out_dir.join("proc_table.rs"));
    write_header(&crate_dir, &out_dir.join("gdtls.h"));
    export_only_gdtls(
        &out_dir.join("exports.map"),
        &crate_dir.join("src/mbedtls_alt/src"),
    );
    pass_on_mbedtls_build();
}

/// The config.h and headers mbedTLS was built with (mbedtls-sys-auto
/// reports them to the crates that depend on it), for tests/mbedtls_build.rs
/// to compile C against and check the Rust bindings with.
fn pass_on_mbedtls_build() {
    for (reported, name) in [
        ("DEP_MBEDTLS_CONFIG_H", "GDTLS_MBEDTLS_CONFIG_H"),
        ("DEP_MBEDTLS_INCLUDE", "GDTLS_MBEDTLS_INCLUDE"),
    ] {
        let value = env::var(reported).unwrap_or_else(|_| panic!("{reported} not set"));
        println!("cargo:rustc-env={name}={value}");
    }
}

/// The shared library exports the C API and nothing else: the `mbedtls`
/// crates define C symbols of their own (`mbedtls_log`), which would clash
/// with a host's own mbedTLS. rustc's own version script names every
/// `#[no_mangle]` function of every crate as global, and a name outweighs a
/// wildcard, so those are named here too, with the C functions `alt_dir`
/// defines for mbedTLS (tests/c_api.rs lists what the library exports and
/// fails on anything else).
fn export_only_gdtls(map: &Path, alt_dir: &Path) {
    let mut local = String::from("mbedtls_log;");
    for (_, name) in extern_c_functions(alt_dir, "", "") {
        write!(local, " {name};").unwrap();
    }
    let script = format!("{{\n  global: gdtls_*;\n  local: {local} *;\n}};\n");
    fs::write(map, script).expect("write exports.map");
    if env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux") {
        println!(
            "cargo:rustc-cdylib-link-arg=-Wl,--version-script={}",
            map.display()
        );
        // Programs record the major version they were linked against, so
        // that an incompatible library is never loaded in its place.
        let major = env::var("CARGO_PKG_VERSION_MAJOR").expect("package version");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libgdtls.so.{major}");
    }
}

/// Every public `extern "C" fn` named `prefix*` in the files of `dir`, as
/// (module path under `root`, name).
fn extern_c_functions(dir: &Path, root: &str, prefix: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for file in files {
        let stem = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name")
            .to_owned();
        let module = if stem == "mod" {
            root.to_owned()
        } else {
            format!("{root}::{stem}")
        };
        let text = fs::read_to_string(&file).expect("read source");
        for line in text.lines() {
            if !line.trim_start().starts_with("pub ") {
                continue;
            }
            let Some(rest) = line.split("extern \"C\" fn ").nth(1) else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.starts_with(prefix) {
                found.push((module.clone(), name));
            }
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    found
}

fn write_proc_table(ffi_dir: &Path, out: &Path) {
    let mut code =
        String::from("fn lookup(name: &[u8]) -> Option<*const ()> {\n    match name {\n");
    for (module, name) in extern_c_functions(ffi_dir, "crate::ffi", "gdtls_") {
        writeln!(
            code,
            "        b\"{name}\" => Some({module}::{name} as *const ()),"
        )
        .unwrap();
    }
    code.push_str("        _ => None,\n    }\n}\n");
    fs::write(out, code).expect("write proc_table.rs");
}

fn write_header(crate_dir: &Path, out: &Path) {
    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("read cbindgen.toml");
    let version =
        |part: &str| env::var(format!("CARGO_PKG_VERSION_{part}")).expect("package version");
    let number = |part: &str| version(part).parse::<u32>().expect("a numeric version");
    config.after_includes = Some(format!(
        "\n/** The version of the gdtls this header belongs to; gdtls_version() gives the library's. */\n\
         #define GDTLS_VERSION \"{}\"\n#define GDTLS_VERSION_MAJOR {}\n#define GDTLS_VERSION_MINOR {}\n#define GDTLS_VERSION_PATCH {}\n\
         /** The same as one number, MAJOR << 16 | MINOR << 8 | PATCH; gdtls_version_number() gives the library's. */\n\
         #define GDTLS_VERSION_NUMBER {:#08x}\n",
        env::var("CARGO_PKG_VERSION").expect("package version"),
        version("MAJOR"),
        version("MINOR"),
        version("PATCH"),
        number("MAJOR") << 16 | number("MINOR") << 8 | number("PATCH"),
    ));
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen could not generate the header");
    let mut text = Vec::new();
    bindings.write(&mut text);
    let text = String::from_utf8(text).expect("cbindgen writes UTF-8");
    let header = with_function_types(&text);
    write_generated(crate_dir, "include/gdtls.h", out, &header);
    write_generated(
        crate_dir,
        "ffi-examples/luajit/gdtls_h.lua",
        &out.with_file_name("gdtls_h.lua"),
        &luajit_declarations(&header),
    );
}

/// Writes a generated file to `out` and refreshes its committed copy at
/// `committed` (relative to the crate) when it changed, so that builds do
/// not touch the work tree needlessly; a read-only tree (a packaged crate)
/// just keeps its copy, and the tests report any drift from git's.
fn write_generated(crate_dir: &Path, committed: &str, out: &Path, text: &str) {
    fs::write(out, text).unwrap_or_else(|e| panic!("write {}: {e}", out.display()));
    let copy = crate_dir.join(committed);
    if fs::read(&copy).ok().as_deref() != Some(text.as_bytes()) {
        if let Err(e) = fs::create_dir_all(copy.parent().expect("a directory"))
            .and_then(|()| fs::write(&copy, text))
        {
            println!("cargo:warning=could not update {committed}: {e}");
        }
    }
}

/// Adds to the header a function pointer type for every function it
/// declares, `gdtls_<name>_fn`, so that a host resolving functions through
/// `gdtls_get_proc_address` can type its table in plain C. cbindgen writes
/// each declaration on one line (`args = "horizontal"`), `RET NAME(ARGS);`;
/// the types go at the end of the `extern "C"` block, so that in C++ too
/// they point to functions with C linkage.
fn with_function_types(header: &str) -> String {
    let mut types = String::from(
        "/*\n * Function pointer types, one for each function above: gdtls_<name>_fn\n \
         * points to gdtls_<name>. For hosts that resolve functions with\n \
         * gdtls_get_proc_address (or dlsym) and keep them in a typed table.\n */\n",
    );
    let functions = declarations(header);
    for (ret, name, args) in &functions {
        writeln!(types, "typedef {ret}(*{name}_fn){args};").unwrap();
    }
    let end = "#ifdef __cplusplus\n}  // extern \"C\"";
    let at = header
        .rfind(end)
        .expect("cbindgen closes the extern \"C\" block");
    let mut list = String::from(
        "\n/*\n * GDTLS_FUNCTIONS(X) expands X(name) for the name of every function above,\n \
         * in order: a host can declare and resolve its whole table with it.\n */\n\
         #define GDTLS_FUNCTIONS(X) \\\n",
    );
    for (_, name, _) in &functions {
        writeln!(list, "    X({name}) \\").unwrap();
    }
    list.push_str("    /* end of GDTLS_FUNCTIONS */\n");
    format!("{}{types}{list}\n{}", &header[..at], &header[at..])
}

/// The functions a header cbindgen wrote declares, in order, as (return
/// type, name, parenthesised arguments): each is a one-line declaration
/// `RET NAME(ARGS);` at the start of a line (`args = "horizontal"`).
fn declarations(header: &str) -> Vec<(&str, &str, &str)> {
    header
        .lines()
        .filter(|l| {
            !l.starts_with([' ', '#', '/', '*', '}'])
                && !l.starts_with("typedef")
                && l.ends_with(");")
        })
        .filter_map(|l| {
            let open = l.find('(')?;
            let head = &l[..open];
            let at = head
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            let (ret, name) = head.split_at(at);
            let args = &l[open..l.len() - 1];
            name.starts_with("gdtls_").then_some((ret, name, args))
        })
        .collect()
}

/// A C integer literal that Lua reads the same: decimal or hexadecimal.
fn is_integer(value: &str) -> bool {
    match value.strip_prefix("0x") {
        Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        None => value.parse::<i64>().is_ok(),
    }
}

/// The header as LuaJIT's `ffi.cdef` takes it, in a Lua module: LuaJIT has
/// no preprocessor, so comments and directives go (keeping what a C11
/// compiler keeps of the conditionals), and the `#define` constants become
/// a Lua table. So no one writes the declarations out by hand.
fn luajit_declarations(header: &str) -> String {
    let mut cdef = String::new();
    let mut constants = String::new();
    let mut version = String::new();
    // One entry per open conditional: whether its lines are kept.
    let mut keep: Vec<bool> = Vec::new();
    let mut in_comment = false;
    let mut in_macro = false;
    for line in header.lines() {
        let trimmed = line.trim();
        if in_comment {
            in_comment = !trimmed.contains("*/");
            continue;
        }
        if trimmed.starts_with("/*") {
            in_comment = !trimmed.contains("*/");
            continue;
        }
        if in_macro {
            in_macro = trimmed.ends_with('\\');
            continue;
        }
        if let Some(directive) = trimmed.strip_prefix('#') {
            let directive = directive.trim_start();
            let word = directive.split_whitespace().next().unwrap_or("");
            let arg = directive[word.len()..].trim();
            match word {
                // What a C11 compiler that is not C++ sees.
                "ifdef" => keep.push(false),
                "ifndef" => keep.push(true),
                "if" => keep.push(false),
                "else" => {
                    let last = keep.last_mut().expect("#else inside a conditional");
                    *last = !*last;
                }
                "endif" => {
                    keep.pop().expect("#endif closes a conditional");
                }
                "include" => {}
                "define" if keep.iter().all(|k| *k) => {
                    in_macro = arg.ends_with('\\');
                    let mut parts = arg.splitn(2, ' ');
                    let (name, value) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                    if name == "GDTLS_VERSION" {
                        version = value.trim_matches('"').to_owned();
                    } else if is_integer(value) {
                        writeln!(constants, "    {name} = {value},").unwrap();
                    }
                }
                "define" => {}
                _ => panic!("the LuaJIT declarations cannot follow #{word}"),
            }
            continue;
        }
        if !keep.iter().all(|k| *k) {
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        if !code.trim().is_empty() {
            cdef.push_str(code.trim_end());
            cdef.push('\n');
        }
    }
    format!(
        "-- Generated by gdtls's build.rs from include/gdtls.h, for LuaJIT's ffi.cdef\n\
         -- (which has no preprocessor). Do not edit: rebuild gdtls.\n\
         return {{\n  version = \"{version}\",\n  constants = {{\n{constants}  }},\n  \
         cdef = [==[\n{cdef}]==],\n}}\n"
    )
}
