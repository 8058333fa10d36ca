//! Every binding of ffi-examples/ against the others: the seed example's
//! servers and clients paired across languages and with Godot 3.2.3, each
//! client validating the server's certificate for localhost; every header
//! function present in every binding; and ffi-examples/API.md, the page
//! that maps Godot's methods to the C functions and the bindings' names,
//! checked against the header and the bindings' sources.

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;

use support::*;

/// Every port of the seed example, built once for the pairs.
struct Ports {
    _python: ports::python::Installed,
    c: [seed::Port; 2],
    cpp: [seed::Port; 2],
    csharp: [seed::Port; 2],
    python: [seed::Port; 2],
    luajit: [seed::Port; 2],
    plugin_host: seed::Port,
}

impl Ports {
    fn build(dir: &TempDir) -> Self {
        let python = ports::python::Installed::new("bindings-python");
        let ports = |name: &str| {
            let path = dir.join(name);
            std::fs::create_dir_all(&path).expect("a build directory");
            path
        };
        Ports {
            c: ports::c(&ports("c")),
            cpp: ports::cpp::ports(&ports("cpp")),
            csharp: ports::csharp::ports(&ports("csharp")),
            python: [python.port("server.py"), python.port("client.py")],
            luajit: ports::luajit::ports(),
            plugin_host: ports::plugin_host(&ports("plugin-host")),
            _python: python,
        }
    }
}

/// Servers and clients of different languages talk to each other, and
/// every binding's client and server to Godot 3.2.3 running the GDScript:
/// each pair validates the certificate for localhost and checks what both
/// sides print. (Each binding's own test pairs it with itself.)
#[test]
fn the_seed_pair_across_languages_and_with_godot() {
    let id = seed::Identity::new("bindings-identity");
    let scratch = TempDir::new("bindings-ports");
    let p = Ports::build(&scratch);
    let godot_server = seed::godot("seed_server.gd");
    let godot_client = seed::godot("seed_client.gd");
    let [c_server, _] = &p.c;
    let [cpp_server, cpp_client] = &p.cpp;
    let [csharp_server, csharp_client] = &p.csharp;
    let [python_server, python_client] = &p.python;
    let [luajit_server, luajit_client] = &p.luajit;
    let pairs: Vec<(&seed::Port, &seed::Port)> = vec![
        (python_server, cpp_client),
        (csharp_server, python_client),
        (cpp_server, luajit_client),
        (c_server, &p.plugin_host),
        (luajit_server, csharp_client),
        (&godot_server, cpp_client),
        (&godot_server, csharp_client),
        (&godot_server, python_client),
        (&godot_server, luajit_client),
        (&godot_server, &p.plugin_host),
        (cpp_server, &godot_client),
        (csharp_server, &godot_client),
        (python_server, &godot_client),
        (luajit_server, &godot_client),
    ];
    // Two at a time: enough to overlap the programs' start-up, few enough
    // for a two-core machine.
    for chunk in pairs.chunks(2) {
        std::thread::scope(|s| {
            for (server, client) in chunk {
                s.spawn(|| seed::pair(&id, server, client));
            }
        });
    }
    println!(
        "{} pairs across languages and with Godot 3.2.3",
        pairs.len()
    );
}

/// Each binding's sources, where every function of the header must be
/// bound.
fn binding_sources() -> Vec<(&'static str, Vec<PathBuf>)> {
    let examples = root().join("ffi-examples");
    let python: Vec<PathBuf> = std::fs::read_dir(examples.join("python/gdtls"))
        .expect("read the Python package")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    vec![
        ("C++", vec![examples.join("cpp/gdtls.hpp")]),
        ("C#", vec![examples.join("csharp/Gdtls.cs")]),
        ("Python", python),
        ("LuaJIT", vec![examples.join("luajit/gdtls.lua")]),
    ]
}

fn read_all(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers of `text`, as a set.
fn words(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A function added to the header and forgotten by a binding fails here:
/// each binding's sources name every function, and the plugin host
/// declares and resolves its table with the header's GDTLS_FUNCTIONS list.
#[test]
fn every_binding_covers_every_header_function() {
    let functions = header_functions();
    assert!(functions.len() > 90, "the header parse found {functions:?}");
    for (binding, paths) in binding_sources() {
        let text = read_all(&paths);
        let present = words(&text);
        let missing: Vec<&String> = functions
            .iter()
            .filter(|f| !present.contains(f.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "the {binding} binding lacks {missing:?}"
        );
    }
    let host = std::fs::read_to_string(root().join("ffi-examples/plugin-host/host.c")).unwrap();
    assert!(
        host.contains("GDTLS_FUNCTIONS(FIELD)") && host.contains("GDTLS_FUNCTIONS(RESOLVE)"),
        "the plugin host no longer builds its table from GDTLS_FUNCTIONS"
    );
}

/// ffi-examples/API.md names every function of the header, only functions
/// of the header, and in each binding's column names that the binding's
/// sources define: renaming or removing a method without the page fails.
#[test]
fn the_api_page_matches_the_header_and_the_bindings() {
    let page = std::fs::read_to_string(root().join("ffi-examples/API.md")).unwrap();
    let functions: BTreeSet<String> = header_functions().into_iter().collect();
    let bindings: Vec<(&str, String)> = binding_sources()
        .into_iter()
        .map(|(name, paths)| (name, read_all(&paths)))
        .collect();
    let mut named = BTreeSet::new();
    let mut rows = 0;
    for line in page.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        // The Godot column comes first where there is one.
        let c_at = cells
            .iter()
            .position(|c| c.starts_with("`gdtls_"))
            .unwrap_or_else(|| panic!("a row without a C function: {line}"));
        let c = cells[c_at].trim_matches('`');
        assert!(
            functions.contains(c),
            "API.md names {c}, which the header lacks"
        );
        named.insert(c.to_owned());
        let columns = &cells[c_at + 1..];
        assert_eq!(
            columns.len(),
            bindings.len(),
            "a row without every binding: {line}"
        );
        for ((binding, source), cell) in bindings.iter().zip(columns) {
            let defined = words(source);
            for word in words(cell) {
                assert!(
                    defined.contains(word),
                    "API.md gives {binding} `{word}` for {c}, which its sources lack"
                );
            }
        }
        rows += 1;
    }
    let missing: Vec<&String> = functions.difference(&named).collect();
    assert!(missing.is_empty(), "API.md lacks {missing:?}");
    println!("{rows} rows, {} functions", functions.len());
}
