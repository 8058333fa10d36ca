# make demo   build the library and run the C demo from ffi-examples/c
# make test   every test: Rust, C under valgrind, interop with real peers
# make bench  the benchmark table (gdtls, OpenSSL 3, Godot 3.2 and plain UDP
#             side by side)
#
# These three install what they need (tests/deps.sh, through apt-get) first.
#
# make install PREFIX=/usr/local [DESTDIR=/staging]
#     builds the release library and installs it: lib/libgdtls.so.X.Y.Z with
#     its links libgdtls.so.X and libgdtls.so, lib/libgdtls.a,
#     include/gdtls.h, lib/pkgconfig/gdtls.pc and the CMake package
#     lib/cmake/gdtls (find_package(gdtls), targets gdtls::gdtls and
#     gdtls::gdtls_static). LIBDIR and INCLUDEDIR replace PREFIX/lib and
#     PREFIX/include. Run ldconfig after installing into a system directory.
# make uninstall PREFIX=/usr/local [DESTDIR=/staging]
#     removes what make install wrote, and lib/cmake/gdtls once empty.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CC ?= cc
RELEASE := target/release
EXAMPLES := target/examples
# Every version number comes from Cargo.toml's [package] section. The
# library's SONAME is libgdtls.so.$(MAJOR) (build.rs); programs linked
# against it look for that name.
package_field = $(shell sed -n '/^\[package\]/,/^\[/s/^$(1) = "\(.*\)"$$/\1/p' Cargo.toml)
VERSION := $(call package_field,version)
# MAJOR.MINOR.PATCH, without a pre-release or build suffix.
VERSION_NUMBERS := $(subst ., ,$(firstword $(subst -, ,$(subst +, ,$(VERSION)))))
MAJOR := $(word 1,$(VERSION_NUMBERS))
MINOR := $(word 2,$(VERSION_NUMBERS))
PATCH := $(word 3,$(VERSION_NUMBERS))

.PHONY: all deps build-deps demo test lint bench clean release install uninstall

all: demo

build-deps:
	@sh tests/deps.sh --build-only

deps:
	@sh tests/deps.sh

$(EXAMPLES):
	mkdir -p $@

# The seed's DTLS server and client, from ffi-examples/c, over loopback
# (threaded_server, the server on worker threads, is built beside them).
demo: build-deps release | $(EXAMPLES)
	ln -sf libgdtls.so $(RELEASE)/libgdtls.so.$(MAJOR)
	for example in generate_cert dtls_server dtls_client threaded_server; do \
		$(CC) -std=c11 -O2 -Wall -Wextra -pthread -Iinclude ffi-examples/c/$$example.c \
			-L$(RELEASE) -Wl,-rpath,$(CURDIR)/$(RELEASE) -lgdtls -o $(EXAMPLES)/$$example || exit 1; \
	done
	cd $(EXAMPLES) && ./generate_cert . > /dev/null
	cd $(EXAMPLES) && { ./dtls_server 4242 generated.key generated.crt 1 30 & server=$$!; \
		./dtls_client 127.0.0.1 4242 10; client=$$?; wait $$server; server=$$?; \
		test $$client -eq 0 -a $$server -eq 0; }

# The fuzz targets (tests/fuzz, a crate of its own) are linted so they keep
# building; running them is `cargo fuzz`'s (see the README).
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo clippy --manifest-path tests/fuzz/Cargo.toml --bins --quiet -- -D warnings

# The last line totals every test binary's results.
test: deps lint
	mkdir -p target
	set -o pipefail; cargo test 2>&1 | tee target/test.log
	@awk '/^test result:/ {p += $$4; f += $$6} END {printf "%d passed, %d failed\n", p, f}' target/test.log

# gdtls, then OpenSSL 3 (benches/openssl/bench.c) and Godot 3.2.3
# (benches/godot/bench.gd), one after the other.
bench: deps
	cargo bench --bench bench

# The release library, as `cargo build --release` makes it. rustc also
# reports the system libraries that a program linking libgdtls.a needs
# (cargo repeats the report when nothing was rebuilt): gdtls.pc and the
# CMake package hand them on. Cargo counts the extra rustc argument as a
# change, so after a `cargo build --release` the crate is built again.
NATIVE_STATIC_LIBS_FILE := $(RELEASE)/gdtls-native-static-libs
# The report goes to a file of this make's own first and then takes its
# place, so that installations running side by side never read half of it.
# DESTDIR, given to install, is in the environment of this recipe too: the
# cmake build of the mbedTLS inside must not stage its own files with it.
release:
	set -o pipefail; report=$(NATIVE_STATIC_LIBS_FILE).$$$$; \
	env -u DESTDIR cargo rustc --release --lib --color never -- --print native-static-libs 2>&1 \
		| awk -v report=$$report '{ print; fflush() } sub(/^note: native-static-libs: /, "") { print > report }' \
	&& if [ -s $$report ]; then mv $$report $(NATIVE_STATIC_LIBS_FILE); \
	else echo "rustc did not report the static library's system libraries" >&2; exit 1; fi

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
CMAKEDIR = $(LIBDIR)/cmake/gdtls
SHARED_LIB = libgdtls.so.$(MAJOR).$(MINOR).$(PATCH)
SONAME = libgdtls.so.$(MAJOR)

# The directories end up in gdtls.pc, so each must be one absolute path
# (make splits words at spaces); DESTDIR may also be empty. Checked before
# anything is built.
check_dir = $(if $(or $(filter-out /%,$(or $($(1)),empty)),$(word 2,$($(1)))),$(error $(1) must be an absolute path without spaces, not "$($(1))"))
ifneq ($(filter install uninstall,$(MAKECMDGOALS)),)
$(foreach dir,PREFIX LIBDIR INCLUDEDIR,$(call check_dir,$(dir)))
$(if $(DESTDIR),$(call check_dir,DESTDIR))
endif

# Read once the release build has written it.
native_static_libs = $(file <$(NATIVE_STATIC_LIBS_FILE))
# gdtls.pc names the directories after ${prefix} where it can, as
# pkg-config's --define-prefix expects.
after_prefix = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

define GDTLS_PC
prefix=$(PREFIX)
libdir=$(call after_prefix,$(LIBDIR))
includedir=$(call after_prefix,$(INCLUDEDIR))

Name: gdtls
Description: $(call package_field,description)
Version: $(VERSION)
Cflags: -I$${includedir}
Libs: -L$${libdir} -lgdtls
Libs.private: $(native_static_libs)
endef

# The CMake package finds its files from its own place, so an installed
# tree may be moved as a whole (or staged with DESTDIR).
relative_to_cmakedir = $${CMAKE_CURRENT_LIST_DIR}/$(shell realpath -m -s --relative-to=$(CMAKEDIR) $(1))

define GDTLS_CONFIG
# gdtls $(VERSION), for find_package(gdtls). Imported targets:
#   gdtls::gdtls         the shared library
#   gdtls::gdtls_static  the static library, with the system libraries it needs
get_filename_component(_gdtls_libdir "$(call relative_to_cmakedir,$(LIBDIR))" ABSOLUTE)
get_filename_component(_gdtls_includedir "$(call relative_to_cmakedir,$(INCLUDEDIR))" ABSOLUTE)
if(NOT TARGET gdtls::gdtls)
  add_library(gdtls::gdtls SHARED IMPORTED)
  set_target_properties(gdtls::gdtls PROPERTIES
    IMPORTED_LOCATION "$${_gdtls_libdir}/$(SHARED_LIB)"
    IMPORTED_SONAME "$(SONAME)"
    INTERFACE_INCLUDE_DIRECTORIES "$${_gdtls_includedir}")
endif()
if(NOT TARGET gdtls::gdtls_static)
  add_library(gdtls::gdtls_static STATIC IMPORTED)
  set_target_properties(gdtls::gdtls_static PROPERTIES
    IMPORTED_LOCATION "$${_gdtls_libdir}/libgdtls.a"
    IMPORTED_LINK_INTERFACE_LANGUAGES C
    INTERFACE_INCLUDE_DIRECTORIES "$${_gdtls_includedir}"
    INTERFACE_LINK_LIBRARIES "$(subst $(space),;,$(native_static_libs))")
endif()
unset(_gdtls_libdir)
unset(_gdtls_includedir)
endef

define GDTLS_CONFIG_VERSION
# gdtls $(VERSION) answers find_package(gdtls X.Y) when X is $(MAJOR) and X.Y is
# no newer (of a version range, the lower end counts).
set(PACKAGE_VERSION "$(MAJOR).$(MINOR).$(PATCH)")
if(PACKAGE_FIND_VERSION_MAJOR STREQUAL "$(MAJOR)" AND NOT PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)
  set(PACKAGE_VERSION_COMPATIBLE TRUE)
  if(PACKAGE_FIND_VERSION VERSION_EQUAL PACKAGE_VERSION)
    set(PACKAGE_VERSION_EXACT TRUE)
  endif()
else()
  set(PACKAGE_VERSION_COMPATIBLE FALSE)
endif()
# A project built for another pointer size cannot link it.
if(CMAKE_SIZEOF_VOID_P AND NOT CMAKE_SIZEOF_VOID_P EQUAL "$(pointer_bytes)")
  set(PACKAGE_VERSION "$${PACKAGE_VERSION} ($(pointer_bytes)-byte pointers)")
  set(PACKAGE_VERSION_UNSUITABLE TRUE)
endif()
endef
# The library's pointer size: its ELF class (1 or 2) says 32 or 64 bits.
pointer_bytes = $(shell echo $$(( 4 * $$(od -An -tu1 -j4 -N1 $(RELEASE)/libgdtls.so) )))

empty :=
space := $(empty) $(empty)
define newline


endef
# Writes the text $(1) into the file $(2), with mode 644, through the shell
# (so that `make -n` writes nothing): one printf argument a line.
write = echo 'write $(2)' && printf '%s\n' '$(subst $(newline),' ',$(subst ','\'',$(1)))' \
	| install -m 644 /dev/stdin $(2)

install: release
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(CMAKEDIR)
	install -m 755 $(RELEASE)/libgdtls.so $(DESTDIR)$(LIBDIR)/$(SHARED_LIB)
	ln -sfn $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sfn $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/libgdtls.so
	install -m 644 $(RELEASE)/libgdtls.a $(DESTDIR)$(LIBDIR)/libgdtls.a
	install -m 644 include/gdtls.h $(DESTDIR)$(INCLUDEDIR)/gdtls.h
	@$(call write,$(GDTLS_PC),$(DESTDIR)$(PKGCONFIGDIR)/gdtls.pc)
	@$(call write,$(GDTLS_CONFIG),$(DESTDIR)$(CMAKEDIR)/gdtlsConfig.cmake)
	@$(call write,$(GDTLS_CONFIG_VERSION),$(DESTDIR)$(CMAKEDIR)/gdtlsConfigVersion.cmake)

uninstall:
	rm -f $(addprefix $(DESTDIR)$(LIBDIR)/,$(SHARED_LIB) $(SONAME) libgdtls.so libgdtls.a) \
		$(DESTDIR)$(INCLUDEDIR)/gdtls.h $(DESTDIR)$(PKGCONFIGDIR)/gdtls.pc \
		$(addprefix $(DESTDIR)$(CMAKEDIR)/,gdtlsConfig.cmake gdtlsConfigVersion.cmake)
	if [ -d $(DESTDIR)$(CMAKEDIR) ]; then rmdir --ignore-fail-on-non-empty $(DESTDIR)$(CMAKEDIR); fi

clean:
	cargo clean
