//! The Python binding (ffi-examples/python), installed with pip as a user
//! without network access would install it, into a scratch directory: its
//! unit tests (test_gdtls.py: names, defaults, Error values, wrong types,
//! handle lifetimes, UDP, DTLS and host transports on 127.0.0.1), every
//! header function called by a method, the seed example's Python port
//! paired with itself and with Godot 3.2.3 both ways, and how the package
//! finds the library or says that it cannot.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use support::*;

fn python_dir() -> PathBuf {
    root().join("ffi-examples/python")
}

/// The library cargo built for this test.
fn built_library() -> PathBuf {
    lib_dir().join("libgdtls.so")
}

/// The package installed by pip into a scratch directory.
struct Installed {
    dir: TempDir,
}

impl Installed {
    /// `pip install --no-build-isolation --no-deps --target`, offline. pip
    /// builds inside the folder it installs from, so it is given a copy:
    /// the shared checkout is left as it was.
    fn new(name: &str) -> Self {
        assert_can_build_wheels();
        let dir = TempDir::new(name);
        let source = dir.join("source");
        copy_package(&python_dir(), &source);
        let output = run_python(
            Command::new("python3")
                .args(["-m", "pip", "install", "--quiet", "--no-index"])
                .args(["--no-build-isolation", "--no-deps", "--no-cache-dir"])
                .arg("--disable-pip-version-check")
                .arg("--target")
                .arg(dir.join("site"))
                .arg(&source),
        );
        assert_success("pip install", &output);
        let installed = Installed { dir };
        assert!(installed.package().join("py.typed").is_file());
        installed
    }

    fn site(&self) -> PathBuf {
        self.dir.join("site")
    }

    fn package(&self) -> PathBuf {
        self.site().join("gdtls")
    }

    /// `python3` seeing the installed package and no library: `-P` keeps a
    /// script's own folder (ffi-examples/python, with the package's
    /// sources) off `sys.path`, and nothing names or leads to a libgdtls.
    fn bare_python(&self) -> Command {
        let mut cmd = Command::new("python3");
        cmd.arg("-P")
            .env("PYTHONPATH", self.site())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env_remove("GDTLS_LIBRARY")
            .env_remove("LD_LIBRARY_PATH")
            .env_remove("LIBRARY_PATH");
        cmd
    }

    /// `python3` seeing the installed package and the library cargo built.
    fn python(&self) -> Command {
        let mut cmd = self.bare_python();
        cmd.env("GDTLS_LIBRARY", built_library());
        cmd
    }

    /// One of the seed example's Python ports, for `seed::pair`.
    fn port(&self, script: &str) -> seed::Port {
        let path = python_dir().join(script);
        seed::Port::new(
            &format!("Python {script}"),
            &["python3".as_ref(), "-P".as_ref(), path.as_os_str()],
        )
        .env("PYTHONPATH", self.site())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("GDTLS_LIBRARY", built_library())
    }
}

/// Without build isolation pip builds with the environment's setuptools,
/// which before 70.1 makes wheels through the `wheel` package.
fn assert_can_build_wheels() {
    let check = "import importlib.util as u, sys; \
                 sys.exit(not (u.find_spec('wheel') or u.find_spec('setuptools.command.bdist_wheel')))";
    let output = run_python(Command::new("python3").args(["-c", check]));
    assert!(
        output.status.success(),
        "python3 cannot build a wheel offline: it needs setuptools 70.1 or later, or the \
         wheel package (python3 -m pip install wheel)"
    );
}

/// Copies what pip needs to build the package: the project file, the
/// README it names and the package's sources, without bytecode or a
/// library someone placed beside them.
fn copy_package(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("gdtls")).expect("create the copy");
    for file in ["pyproject.toml", "README.md"] {
        std::fs::copy(from.join(file), to.join(file)).expect("copy the project");
    }
    for entry in std::fs::read_dir(from.join("gdtls")).expect("read gdtls/") {
        let path = entry.expect("a gdtls/ entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".py") || name == "py.typed" {
            std::fs::copy(&path, to.join("gdtls").join(&name)).expect("copy a module");
        }
    }
}

fn run_python(cmd: &mut Command) -> Output {
    run_within(cmd, Duration::from_secs(120)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn python_unit_tests() {
    let installed = Installed::new("python-unit");
    let output = run_python(installed.python().arg(python_dir().join("test_gdtls.py")));
    assert_success("test_gdtls.py", &output);
    // unittest reports on stderr: "Ran N tests in T", then "OK".
    let report = String::from_utf8_lossy(&output.stderr);
    let ran: usize = report
        .lines()
        .find_map(|l| l.strip_prefix("Ran ")?.split(' ').next()?.parse().ok())
        .unwrap_or_else(|| panic!("no unittest summary:\n{report}"));
    assert!(ran >= 25, "only {ran} tests ran:\n{report}");
    assert_eq!(report.lines().last(), Some("OK"), "{report}");
    assert!(!report.contains("skipped"), "{report}");
    eprint!("{report}");
}

/// Every function the header declares is called by a method of the
/// package, as `lib.gdtls_...`, beside its prototype in _native.py.
#[test]
fn python_binding_calls_every_header_function() {
    let mut prototypes = String::new();
    let mut methods = String::new();
    for entry in std::fs::read_dir(python_dir().join("gdtls")).expect("read gdtls/") {
        let path = entry.expect("a gdtls/ entry").path();
        if path.extension().is_some_and(|e| e == "py") {
            let text = std::fs::read_to_string(&path).expect("read a module");
            if path.ends_with("_native.py") {
                prototypes = text;
            } else {
                methods.push_str(&text);
            }
        }
    }
    let named = |source: &str, needle: &str| {
        source.match_indices(needle).any(|(at, _)| {
            !source[at + needle.len()..]
                .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        })
    };
    let functions = header_functions();
    assert!(
        functions.len() > 90,
        "the header's functions: {functions:?}"
    );
    let unbound: Vec<&String> = functions
        .iter()
        .filter(|f| !named(&prototypes, &format!("\"{f}\"")))
        .collect();
    assert!(
        unbound.is_empty(),
        "_native.py has no prototype for {unbound:?}"
    );
    let uncalled: Vec<&String> = functions
        .iter()
        .filter(|f| !named(&methods, &format!("lib.{f}")))
        .collect();
    assert!(uncalled.is_empty(), "no method calls {uncalled:?}");
}

#[test]
fn python_server_with_python_client() {
    let installed = Installed::new("python-seed");
    let id = seed::Identity::new("python-seed-identity");
    seed::pair(
        &id,
        &installed.port("server.py"),
        &installed.port("client.py"),
    );
}

#[test]
fn python_with_godot_both_ways() {
    let installed = Installed::new("python-godot");
    let id = seed::Identity::new("python-godot-identity");
    seed::pair(
        &id,
        &seed::godot("seed_server.gd"),
        &installed.port("client.py"),
    );
    seed::pair(
        &id,
        &installed.port("server.py"),
        &seed::godot("seed_client.gd"),
    );
}

/// Lines a probe prints: where the library came from, its version, and
/// where the package was imported from.
const PROBE: &str =
    "import gdtls; print(gdtls.LIBRARY_PATH); print(gdtls.version()); print(gdtls.__file__)";

#[test]
fn python_finds_the_library_or_says_where_it_looked() {
    let installed = Installed::new("python-lookup");

    let output = run_python(installed.bare_python().args(["-c", PROBE]));
    assert!(!output.status.success(), "imported without a library");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("ImportError: gdtls: cannot find the gdtls library")
            && stderr.contains("GDTLS_LIBRARY")
            && stderr.contains(&installed.package().display().to_string())
            && stderr.contains("libgdtls.so.0"),
        "{stderr}"
    );

    let nowhere = installed.dir.join("nowhere/libgdtls.so");
    let output = run_python(
        installed
            .bare_python()
            .env("GDTLS_LIBRARY", &nowhere)
            .args(["-c", PROBE]),
    );
    assert!(
        !output.status.success(),
        "imported a library that is not there"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "cannot load {} (named by GDTLS_LIBRARY)",
            nowhere.display()
        )),
        "{stderr}"
    );

    let output = run_python(installed.python().args(["-c", PROBE]));
    assert_success("import with GDTLS_LIBRARY", &output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], built_library().display().to_string());
    assert_eq!(lines[1], env!("CARGO_PKG_VERSION"));
    assert!(
        lines[2].starts_with(&installed.site().display().to_string()),
        "{stdout}"
    );

    // A library next to the package comes first, even before GDTLS_LIBRARY.
    let bundled = installed.package().join("libgdtls.so");
    std::fs::copy(built_library(), &bundled).expect("copy the library next to the package");
    for mut cmd in [installed.bare_python(), installed.python()] {
        let output = run_python(cmd.args(["-c", PROBE]));
        assert_success("import with the library next to the package", &output);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            stdout.lines().next(),
            Some(bundled.display().to_string().as_str())
        );
    }
}
