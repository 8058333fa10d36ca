#!/bin/sh
# Installs, through apt-get, whatever the build, the demo and the tests need
# and this Debian machine lacks. Safe to run again: it installs nothing when
# everything is present.
#   cmake, libclang-dev  build mbedTLS and its Rust bindings
#   gcc, g++, valgrind   compile the C/C++ tests and examples, check memory
#   openssl, gnutls-bin  real TLS peers and certificate checks
#   libssl-dev           build benches/openssl/bench.c, OpenSSL's side of make bench
#   godot3-server        Godot 3.2.3 headless, the reference implementation
#   pkg-config           the installed package's gdtls.pc, as a user's build reads it
#   mono-mcs, mono-runtime   build and run the C# binding
#   luajit               run the LuaJIT binding
set -eu

packages="cmake libclang-dev gcc g++ libc6-dev make valgrind openssl"
case "${1:-}" in
    --build-only) ;;
    *) packages="$packages gnutls-bin libssl-dev godot3-server pkg-config mono-mcs mono-runtime luajit" ;;
esac

# The Python binding's tests install it offline (pip --no-build-isolation),
# which setuptools before 70.1 can only do with the wheel package.
if [ "${1:-}" != --build-only ] && command -v python3 >/dev/null 2>&1 &&
    ! python3 -c "import wheel" 2>/dev/null; then
    python3 -m pip install -q wheel
fi

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
