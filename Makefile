# make demo   build the library and run the C demo from ffi-examples/c
# make test   every test: Rust, C under valgrind, interop with real peers
# make bench  the benchmark table (gdtls, Godot 3.2 and plain UDP side by side)
#
# Both install what they need (tests/deps.sh, through apt-get) first.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
CC ?= cc
RELEASE := target/release
EXAMPLES := target/examples
# The library's SONAME is libgdtls.so.$(MAJOR); programs linked against it
# look for that name.
MAJOR := $(shell sed -n 's/^version = "\([0-9]*\)\..*/\1/p' Cargo.toml)

.PHONY: all deps build-deps demo test lint bench clean

all: demo

build-deps:
	@sh tests/deps.sh --build-only

deps:
	@sh tests/deps.sh

$(EXAMPLES):
	mkdir -p $@

# The seed's DTLS server and client, from ffi-examples/c, over loopback.
demo: build-deps | $(EXAMPLES)
	cargo build --release
	ln -sf libgdtls.so $(RELEASE)/libgdtls.so.$(MAJOR)
	for example in generate_cert dtls_server dtls_client; do \
		$(CC) -std=c11 -O2 -Wall -Wextra -Iinclude ffi-examples/c/$$example.c \
			-L$(RELEASE) -Wl,-rpath,$(CURDIR)/$(RELEASE) -lgdtls -o $(EXAMPLES)/$$example || exit 1; \
	done
	cd $(EXAMPLES) && ./generate_cert . > /dev/null
	cd $(EXAMPLES) && { ./dtls_server 4242 generated.key generated.crt 1 30 & server=$$!; \
		./dtls_client 127.0.0.1 4242 10; client=$$?; wait $$server; server=$$?; \
		test $$client -eq 0 -a $$server -eq 0; }

# The fuzz targets (tests/fuzz, a crate of its own) are linted so they keep
# building; running them is `cargo fuzz`'s (see the README).
lint:
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --manifest-path tests/fuzz/Cargo.toml --bins --quiet -- -D warnings

# The last line totals every test binary's results.
test: deps lint
	mkdir -p target
	set -o pipefail; cargo test 2>&1 | tee target/test.log
	@awk '/^test result:/ {p += $$4; f += $$6} END {printf "%d passed, %d failed\n", p, f}' target/test.log

# gdtls, then Godot 3.2.3 (benches/godot/bench.gd), one after the other.
bench: deps
	cargo bench --bench bench

clean:
	cargo clean
