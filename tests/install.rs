//! `make install` and `make uninstall`, checked from outside the tree the
//! way a user of the installed package builds against it: with pkg-config
//! (shared and static) and with CMake's `find_package(gdtls)`. Each build
//! of the seed's C server and client (ffi-examples/c) runs as a DTLS pair.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;
use support::*;

const MAJOR: &str = env!("CARGO_PKG_VERSION_MAJOR");
const MINOR: &str = env!("CARGO_PKG_VERSION_MINOR");
const PATCH: &str = env!("CARGO_PKG_VERSION_PATCH");

fn soname() -> String {
    format!("libgdtls.so.{MAJOR}")
}

fn shared_library() -> String {
    format!("libgdtls.so.{MAJOR}.{MINOR}.{PATCH}")
}

/// Runs make in the crate's root. An installation builds the release
/// library first: from a cold target directory that takes minutes.
fn make(args: &[&str]) -> Output {
    let mut cmd = Command::new("make");
    cmd.arg("--no-print-directory")
        .arg("-C")
        .arg(root())
        .args(args);
    run_within(&mut cmd, Duration::from_secs(900)).unwrap_or_else(|e| panic!("{e}"))
}

fn make_ok(what: &str, args: &[&str]) {
    assert_success(what, &make(args));
}

/// What `make install` writes, relative to the prefix, symlinks included.
fn installed_files() -> Vec<String> {
    [
        format!("lib/{}", shared_library()),
        format!("lib/{}", soname()),
        "lib/libgdtls.so".to_owned(),
        "lib/libgdtls.a".to_owned(),
        "include/gdtls.h".to_owned(),
        "lib/pkgconfig/gdtls.pc".to_owned(),
        "lib/cmake/gdtls/gdtlsConfig.cmake".to_owned(),
        "lib/cmake/gdtls/gdtlsConfigVersion.cmake".to_owned(),
    ]
    .into()
}

/// Every entry under `dir` that is not a directory (symlinks included),
/// relative to it, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in std::fs::read_dir(&at).expect("read a directory") {
            let path = entry.expect("directory entry").path();
            if std::fs::symlink_metadata(&path).unwrap().is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                found.push(relative.to_str().unwrap().to_owned());
            }
        }
    }
    found.sort();
    found
}

/// `readelf -d` of an ELF file: its dynamic section.
fn dynamic_section(file: &Path) -> String {
    let output = run(Command::new("readelf").arg("-d").arg(file));
    assert_success(&format!("readelf -d {}", file.display()), &output);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Exactly the installed files, the links pointing at the versioned
/// library, whose SONAME is the major version's; the header as committed.
fn check_installed_tree(prefix: &Path) {
    let mut expected = installed_files();
    expected.sort();
    assert_eq!(files_under(prefix), expected);
    let lib = prefix.join("lib");
    for link in [soname(), "libgdtls.so".to_owned()] {
        let target = std::fs::read_link(lib.join(&link)).expect("a symlink");
        assert_eq!(target, Path::new(&shared_library()), "{link}");
    }
    let dynamic = dynamic_section(&lib.join(shared_library()));
    assert!(
        dynamic.contains(&format!("Library soname: [{}]", soname())),
        "{dynamic}"
    );
    assert_eq!(
        std::fs::read(prefix.join("include/gdtls.h")).unwrap(),
        std::fs::read(root().join("include/gdtls.h")).unwrap()
    );
}

/// pkg-config's answer about gdtls, finding only the prefix's gdtls.pc.
fn pkg_config(prefix: &Path, args: &[&str]) -> String {
    let output = run(Command::new("pkg-config")
        .env("PKG_CONFIG_PATH", prefix.join("lib/pkgconfig"))
        .args(args)
        .arg("gdtls"));
    assert_success(&format!("pkg-config {args:?} gdtls"), &output);
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

/// Compiles one of ffi-examples/c with the given flags.
fn compile(name: &str, out: &Path, flags: &[String]) {
    let output = run(Command::new("cc")
        .args(["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror"])
        .arg(root().join(format!("ffi-examples/c/{name}.c")))
        .arg("-o")
        .arg(out)
        .args(flags));
    assert_success(&format!("compiling {name} with {flags:?}"), &output);
}

/// The seed's server and client built into `dir`, run as a pair, both
/// with `env` if given.
fn pair_builds(id: &seed::Identity, what: &str, dir: &Path, env: Option<(&str, &Path)>) {
    let [server, client] = ["dtls_server", "dtls_client"].map(|name| {
        let port = seed::Port::new(&format!("{what} {name}"), &[dir.join(name).as_os_str()]);
        match env {
            Some((key, value)) => port.env(key, value),
            None => port,
        }
    });
    seed::pair(id, &server, &client);
}

/// Where the loader finds the SONAME for `program`, with no
/// LD_LIBRARY_PATH (cargo's points at the debug build's library).
fn resolved_library(program: &Path) -> String {
    let output = run(Command::new("ldd")
        .arg(program)
        .env_remove("LD_LIBRARY_PATH"));
    assert_success(&format!("ldd {}", program.display()), &output);
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{} => ", soname())))
        .map(|rest| rest.split(" (").next().unwrap().to_owned())
        .unwrap_or_else(|| panic!("{} does not load {}:\n{text}", program.display(), soname()))
}

/// A C program built with `pkg-config --cflags --libs gdtls` and an rpath
/// to the library directory pkg-config names.
fn build_with_pkg_config(prefix: &Path, dir: &Path) {
    let libdir = pkg_config(prefix, &["--variable=libdir"]);
    assert_eq!(Path::new(&libdir), prefix.join("lib"));
    let mut flags: Vec<String> = pkg_config(prefix, &["--cflags", "--libs"])
        .split_whitespace()
        .map(String::from)
        .collect();
    flags.push(format!("-Wl,-rpath,{libdir}"));
    for name in ["dtls_server", "dtls_client"] {
        let program = dir.join(name);
        compile(name, &program, &flags);
        assert_eq!(
            Path::new(&resolved_library(&program)),
            Path::new(&libdir).join(soname())
        );
    }
}

/// A C program linked with libgdtls.a and the system libraries
/// `pkg-config --static` lists, needing no libgdtls.so to run.
fn build_static_with_pkg_config(prefix: &Path, dir: &Path) {
    let libs = pkg_config(prefix, &["--static", "--libs"]);
    assert!(
        libs.split_whitespace().any(|f| f == "-lgdtls") && libs.split_whitespace().count() > 2,
        "the static link's system libraries are missing: {libs}"
    );
    let mut flags: Vec<String> = pkg_config(prefix, &["--static", "--cflags"])
        .split_whitespace()
        .map(String::from)
        .collect();
    // The shared library sits beside the static one: ask for the latter.
    for flag in libs.split_whitespace() {
        if flag == "-lgdtls" {
            flags.extend(["-Wl,-Bstatic", "-lgdtls", "-Wl,-Bdynamic"].map(String::from));
        } else {
            flags.push(flag.to_owned());
        }
    }
    for name in ["dtls_server", "dtls_client"] {
        let program = dir.join(name);
        compile(name, &program, &flags);
        let dynamic = dynamic_section(&program);
        assert!(!dynamic.contains("libgdtls"), "{dynamic}");
    }
}

/// A CMake project using `find_package(gdtls MAJOR.MINOR REQUIRED)`,
/// building the seed's programs against gdtls::gdtls and, with a _static
/// suffix, against gdtls::gdtls_static. It first checks that newer minor
/// and major versions are refused.
fn build_with_cmake(prefix: &Path, dir: &Path) {
    let source = dir.join("project");
    std::fs::create_dir_all(&source).unwrap();
    let major: u32 = MAJOR.parse().unwrap();
    let minor: u32 = MINOR.parse().unwrap();
    let refused = format!("{major}.{} {}.0", minor + 1, major + 1);
    let project = format!(
        r#"cmake_minimum_required(VERSION 3.13)
project(gdtls_seed C)
set(CMAKE_C_STANDARD 11)
foreach(version {refused})
  find_package(gdtls ${{version}} QUIET)
  if(gdtls_FOUND)
    message(FATAL_ERROR "find_package(gdtls ${{version}}) took gdtls ${{gdtls_VERSION}}")
  endif()
endforeach()
find_package(gdtls {major}.{minor} REQUIRED)
message(STATUS "found gdtls ${{gdtls_VERSION}}")
foreach(program dtls_server dtls_client)
  add_executable(${{program}} "{examples}/${{program}}.c")
  target_link_libraries(${{program}} gdtls::gdtls)
  add_executable(${{program}}_static "{examples}/${{program}}.c")
  target_link_libraries(${{program}}_static gdtls::gdtls_static)
endforeach()
"#,
        examples = root().join("ffi-examples/c").display(),
    );
    std::fs::write(source.join("CMakeLists.txt"), project).unwrap();
    let limit = Duration::from_secs(120);
    let configure = run_within(
        Command::new("cmake")
            .arg("-S")
            .arg(&source)
            .arg("-B")
            .arg(dir)
            .arg(format!("-DCMAKE_PREFIX_PATH={}", prefix.display()))
            .arg("-DCMAKE_BUILD_TYPE=Release"),
        limit,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_success("cmake configure", &configure);
    let found = format!("found gdtls {MAJOR}.{MINOR}.{PATCH}");
    assert!(String::from_utf8_lossy(&configure.stdout).contains(&found));
    let build = run_within(Command::new("cmake").arg("--build").arg(dir), limit)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_success("cmake --build", &build);
    for name in ["dtls_server", "dtls_client"] {
        assert_eq!(
            Path::new(&resolved_library(&dir.join(name))),
            prefix.join("lib").join(soname())
        );
        let dynamic = dynamic_section(&dir.join(format!("{name}_static")));
        assert!(!dynamic.contains("libgdtls"), "{dynamic}");
    }
}

/// Installs into a temporary prefix; builds the seed's server and client
/// three ways against the installed copy and runs each build as a DTLS
/// pair; uninstalls, leaving no file behind.
#[test]
fn install_build_against_it_and_uninstall() {
    let tmp = TempDir::new("install");
    let prefix = tmp.join("prefix");
    let prefix_arg = format!("PREFIX={}", prefix.display());
    make_ok("make install", &["install", &prefix_arg]);
    check_installed_tree(&prefix);
    assert_eq!(
        pkg_config(&prefix, &["--modversion"]),
        env!("CARGO_PKG_VERSION")
    );

    let id = seed::Identity::new("install-identity");
    let libdir = prefix.join("lib");
    // For the runs of dynamically linked programs: cargo's LD_LIBRARY_PATH,
    // searched before a RUNPATH, would hand them the debug build's library.
    let installed = Some(("LD_LIBRARY_PATH", libdir.as_path()));

    let shared = tmp.join("pkg-config");
    std::fs::create_dir(&shared).unwrap();
    build_with_pkg_config(&prefix, &shared);
    pair_builds(&id, "pkg-config", &shared, installed);

    let fixed = tmp.join("pkg-config-static");
    std::fs::create_dir(&fixed).unwrap();
    build_static_with_pkg_config(&prefix, &fixed);
    pair_builds(&id, "pkg-config --static", &fixed, None);

    let cmake = tmp.join("cmake");
    build_with_cmake(&prefix, &cmake);
    pair_builds(&id, "CMake gdtls::gdtls", &cmake, installed);
    let server = seed::Port::new(
        "CMake gdtls::gdtls_static dtls_server",
        &[cmake.join("dtls_server_static").as_os_str()],
    );
    let client = seed::Port::new(
        "CMake gdtls::gdtls_static dtls_client",
        &[cmake.join("dtls_client_static").as_os_str()],
    );
    seed::pair(&id, &server, &client);

    make_ok("make uninstall", &["uninstall", &prefix_arg]);
    assert_eq!(files_under(&prefix), Vec::<String>::new());
    assert!(!prefix.join("lib/cmake/gdtls").exists());
    // Nothing left to remove is no error.
    make_ok("make uninstall again", &["uninstall", &prefix_arg]);
}

/// DESTDIR stages the files under itself, naming the prefix inside them;
/// the CMake package still works from the staged place, since it finds
/// its files from its own. Uninstalling with the same DESTDIR empties it.
#[test]
fn destdir_stages_an_installation_for_the_prefix() {
    let tmp = TempDir::new("install-destdir");
    let stage = tmp.join("stage");
    let prefix = PathBuf::from(format!("/opt/gdtls-staged-{}", std::process::id()));
    let args = [
        format!("PREFIX={}", prefix.display()),
        format!("DESTDIR={}", stage.display()),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    make_ok(
        "make install with DESTDIR",
        &[&["install"], &args[..]].concat(),
    );
    assert!(!prefix.exists(), "{} was written", prefix.display());
    let staged = stage.join(prefix.strip_prefix("/").unwrap());
    check_installed_tree(&staged);
    let pc = std::fs::read_to_string(staged.join("lib/pkgconfig/gdtls.pc")).unwrap();
    assert!(
        pc.lines()
            .any(|l| l == format!("prefix={}", prefix.display())),
        "{pc}"
    );
    for file in installed_files() {
        if file.ends_with(".pc") || file.ends_with(".cmake") {
            let text = std::fs::read_to_string(staged.join(&file)).unwrap();
            assert!(!text.contains(stage.to_str().unwrap()), "{file}:\n{text}");
        }
    }

    let project = tmp.join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        project.join("CMakeLists.txt"),
        "cmake_minimum_required(VERSION 3.13)\nproject(where C)\n\
         find_package(gdtls REQUIRED)\n\
         get_target_property(location gdtls::gdtls IMPORTED_LOCATION)\n\
         message(STATUS \"location ${location}\")\n",
    )
    .unwrap();
    let configure = run_within(
        Command::new("cmake")
            .arg("-S")
            .arg(&project)
            .arg("-B")
            .arg(tmp.join("build"))
            .arg(format!("-DCMAKE_PREFIX_PATH={}", staged.display())),
        Duration::from_secs(120),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_success("cmake configure against the staged tree", &configure);
    let expected = format!(
        "location {}",
        staged.join("lib").join(shared_library()).display()
    );
    let stdout = String::from_utf8_lossy(&configure.stdout);
    assert!(stdout.lines().any(|l| l.ends_with(&expected)), "{stdout}");

    make_ok(
        "make uninstall with DESTDIR",
        &[&["uninstall"], &args[..]].concat(),
    );
    assert_eq!(files_under(&stage), Vec::<String>::new());
}

/// A prefix that is not one absolute path is refused before anything is
/// built or written.
#[test]
fn a_relative_prefix_is_refused() {
    for target in ["install", "uninstall"] {
        let output = make(&[target, "PREFIX=relative/prefix"]);
        assert!(!output.status.success(), "make {target} accepted it");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("PREFIX must be an absolute path"),
            "{stderr}"
        );
        assert!(output.stdout.is_empty(), "make {target} ran something");
    }
}
