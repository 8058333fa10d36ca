//! Every language's port of the seed example (see seed.rs), built and
//! ready to run, for the tests of each binding and for pairing them across
//! languages (tests/bindings.rs).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use super::seed::Port;
use super::{assert_success, compile_c, lib_dir, root, run, run_within, TempDir};

/// The library cargo built for this test.
pub fn built_library() -> PathBuf {
    lib_dir().join("libgdtls.so")
}

/// The C ports, ffi-examples/c, built into `dir`.
pub fn c(dir: &Path) -> [Port; 2] {
    ["dtls_server", "dtls_client"].map(|name| {
        let exe = dir.join(name);
        compile_c(
            &[root().join(format!("ffi-examples/c/{name}.c"))],
            &exe,
            &[],
        );
        Port::new(&format!("C {name}"), &[exe.as_os_str()])
    })
}

/// The plugin host of ffi-examples/plugin-host, built into `dir` from the
/// header alone (it loads the library at run time), as a client port.
pub fn plugin_host(dir: &Path) -> Port {
    let exe = dir.join("plugin_host");
    let output = run(Command::new("cc")
        .args(["-std=c11", "-Wall", "-Wextra", "-pedantic", "-Werror", "-I"])
        .arg(root().join("include"))
        .arg(root().join("ffi-examples/plugin-host/host.c"))
        .arg("-o")
        .arg(&exe)
        .arg("-ldl"));
    assert_success("compiling the plugin host", &output);
    Port::new("plugin host", &[exe.as_os_str()]).env("GDTLS_LIBRARY", built_library())
}

/// The C++ binding, ffi-examples/cpp.
pub mod cpp {
    use super::*;

    pub fn sources() -> PathBuf {
        root().join("ffi-examples/cpp")
    }

    /// Builds `ffi-examples/cpp/<name>.cpp` into `dir` as C++17, the way
    /// `compile_c` builds every C++ source.
    pub fn build(name: &str, dir: &Path) -> PathBuf {
        let exe = dir.join(format!("cpp_{name}"));
        compile_c(&[sources().join(format!("{name}.cpp"))], &exe, &[]);
        exe
    }

    /// The C++ ports, built into `dir`.
    pub fn ports(dir: &Path) -> [Port; 2] {
        ["server", "client"].map(|name| {
            let exe = build(name, dir);
            Port::new(&format!("C++ {name}"), &[exe.as_os_str()])
        })
    }
}

/// The C# binding, ffi-examples/csharp, built with Mono's `mcs`.
pub mod csharp {
    use super::*;

    pub fn sources() -> PathBuf {
        root().join("ffi-examples/csharp")
    }

    pub fn binding_source() -> String {
        std::fs::read_to_string(sources().join("Gdtls.cs")).expect("read Gdtls.cs")
    }

    /// `mcs` as the binding promises to build: C# 6, no assembly beyond
    /// mscorlib unless named, warnings as errors.
    pub fn mcs(dir: &Path, args: &[&str]) {
        let output = run(Command::new("mcs")
            .current_dir(dir)
            .args(["-noconfig", "-langversion:6", "-warnaserror+"])
            .args(args));
        assert_success(&format!("mcs {args:?}"), &output);
    }

    /// Builds Gdtls.dll (its XML documentation required for every public
    /// member) and the given programs into `dir`, each program `NAME.exe`
    /// from ffi-examples/csharp/NAME.cs.
    pub fn build(dir: &Path, programs: &[&str]) {
        let source = sources();
        let lib = source.join("Gdtls.cs");
        mcs(
            dir,
            &[
                "-target:library",
                "-doc:Gdtls.xml",
                "-out:Gdtls.dll",
                lib.to_str().unwrap(),
            ],
        );
        for program in programs {
            let file = source.join(format!("{program}.cs"));
            mcs(
                dir,
                &[
                    "-r:System.dll",
                    "-r:Gdtls.dll",
                    &format!("-out:{program}.exe"),
                    file.to_str().unwrap(),
                ],
            );
        }
    }

    /// `mono DIR/NAME.exe`, finding libgdtls.so where cargo built it.
    pub fn mono(dir: &Path, program: &str) -> Command {
        let mut cmd = Command::new("mono");
        cmd.arg(dir.join(format!("{program}.exe")))
            .env("LD_LIBRARY_PATH", lib_dir());
        cmd
    }

    /// One of the seed example's C# ports, built in `dir`, for `seed::pair`.
    pub fn port(dir: &Path, program: &str) -> Port {
        let exe = dir.join(format!("{program}.exe"));
        Port::new(
            &format!("C# {program}.exe"),
            &["mono".as_ref(), exe.as_os_str()],
        )
        .env("LD_LIBRARY_PATH", lib_dir())
    }

    /// The C# ports, built into `dir`.
    pub fn ports(dir: &Path) -> [Port; 2] {
        build(dir, &["Server", "Client"]);
        [port(dir, "Server"), port(dir, "Client")]
    }
}

/// The Python package, ffi-examples/python, installed by pip.
pub mod python {
    use super::*;

    pub fn sources() -> PathBuf {
        root().join("ffi-examples/python")
    }

    /// The package installed by pip into a scratch directory.
    pub struct Installed {
        pub dir: TempDir,
    }

    impl Installed {
        /// `pip install --no-build-isolation --no-deps --target`, offline. pip
        /// builds inside the folder it installs from, so it is given a copy:
        /// the shared checkout is left as it was.
        pub fn new(name: &str) -> Self {
            assert_can_build_wheels();
            let dir = TempDir::new(name);
            let source = dir.join("source");
            copy_package(&sources(), &source);
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

        pub fn site(&self) -> PathBuf {
            self.dir.join("site")
        }

        pub fn package(&self) -> PathBuf {
            self.site().join("gdtls")
        }

        /// `python3` seeing the installed package and no library: `-P` keeps a
        /// script's own folder (ffi-examples/python, with the package's
        /// sources) off `sys.path`, and nothing names or leads to a libgdtls.
        pub fn bare_python(&self) -> Command {
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
        pub fn python(&self) -> Command {
            let mut cmd = self.bare_python();
            cmd.env("GDTLS_LIBRARY", built_library());
            cmd
        }

        /// One of the seed example's Python ports, for `seed::pair`.
        pub fn port(&self, script: &str) -> Port {
            let path = sources().join(script);
            Port::new(
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
    pub fn assert_can_build_wheels() {
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
    pub fn copy_package(from: &Path, to: &Path) {
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

    pub fn run_python(cmd: &mut Command) -> Output {
        run_within(cmd, Duration::from_secs(120)).unwrap_or_else(|e| panic!("{e}"))
    }
}

/// The LuaJIT module, ffi-examples/luajit.
pub mod luajit {
    use super::*;

    pub fn sources() -> PathBuf {
        root().join("ffi-examples/luajit")
    }

    /// `luajit SCRIPT` from ffi-examples/luajit, on the library cargo built.
    pub fn luajit(script: &str) -> Command {
        let mut cmd = Command::new("luajit");
        cmd.arg(sources().join(script))
            .env("GDTLS_LIBRARY", lib_dir().join("libgdtls.so"));
        cmd
    }

    pub fn run_luajit(cmd: &mut Command, limit: Duration) -> Output {
        run_within(cmd, limit).unwrap_or_else(|e| panic!("{e}"))
    }

    /// One of the seed example's Lua ports, for `seed::pair`.
    pub fn port(script: &str) -> Port {
        let path = sources().join(script);
        Port::new(
            &format!("LuaJIT {script}"),
            &["luajit".as_ref(), path.as_os_str()],
        )
        .env("GDTLS_LIBRARY", lib_dir().join("libgdtls.so"))
    }

    /// The Lua ports.
    pub fn ports() -> [Port; 2] {
        [port("server.lua"), port("client.lua")]
    }
}
