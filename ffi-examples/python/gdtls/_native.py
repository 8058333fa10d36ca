"""Finding and loading libgdtls, and the C prototype of every function of
include/gdtls.h, so that ctypes converts arguments and results exactly.

The library is looked for, in this order: a ``libgdtls.so*`` next to this
package's files; the file the environment variable ``GDTLS_LIBRARY`` names;
the system's ``libgdtls.so.<major>`` (the library's SONAME); then
``ctypes.util.find_library("gdtls")``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (
    CFUNCTYPE,
    POINTER,
    Structure,
    c_bool,
    c_char_p,
    c_int32,
    c_int64,
    c_size_t,
    c_uint16,
    c_uint32,
    c_uint64,
    c_void_p,
)
from pathlib import Path

#: The version of gdtls this binding was written for (the header's
#: ``GDTLS_VERSION``); :func:`gdtls.version` gives the loaded library's.
VERSION = "0.1.0"
VERSION_MAJOR, VERSION_MINOR, VERSION_PATCH = (int(p) for p in VERSION.split("."))
#: The same as one number, ``MAJOR << 16 | MINOR << 8 | PATCH``;
#: :func:`gdtls.version_number` gives the loaded library's.
VERSION_NUMBER = VERSION_MAJOR << 16 | VERSION_MINOR << 8 | VERSION_PATCH

_SONAME = f"libgdtls.so.{VERSION_MAJOR}"
_ENV = "GDTLS_LIBRARY"

# Handles are opaque pointers; the classes of this package keep them apart.
_handle = c_void_p
_error = c_int32
_str = c_char_p  # NUL-terminated UTF-8 in, or a caller's output buffer
_out_size = POINTER(c_size_t)
_bytes = c_char_p  # data in, with its length beside it


# The header's constants that a Python program may need.
#: The largest key or certificate file ``load`` reads (1 MiB).
MAX_CRYPTO_FILE_SIZE = 1048576
#: The largest RSA key gdtls (mbedTLS) can use, in bits.
MAX_RSA_BITS = 8192
#: How many handshakes a DTLS server runs at once by default, in all ...
DEFAULT_MAX_HANDSHAKES = 256
#: ... and from one IPv4 address or IPv6 /64.
DEFAULT_MAX_HANDSHAKES_PER_SOURCE = 32
#: A server handshake's default first and largest retransmission intervals (ms).
DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC = 1000
DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC = 8000
#: A client handshake's default first and largest retransmission intervals
#: (ms), mbedTLS's and Godot's.
DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC = 1000
DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC = 60000
#: The largest Certificate message a DTLS server can send.
MAX_CERTIFICATE_MESSAGE = 16376
#: The largest datagram gdtls's DTLS writes.
DTLS_MTU = 1200
#: The largest datagram UDP carries (an IPv4 datagram's payload).
MAX_DATAGRAM = 65507
#: Godot's default ``recv_buf_size`` for ``PacketPeerUDP.bind``.
DEFAULT_RECV_BUF_SIZE = 65536
#: Godot's default for ``UDPServer.max_pending_connections``.
DEFAULT_MAX_PENDING_CONNECTIONS = 16
#: How many datagrams from new sources beyond the pending connections a
#: UDP server keeps waiting instead of dropping them as Godot does.
PENDING_BACKLOG_DATAGRAMS = 1024
#: How long a DTLS server's session tickets are valid by default, in
#: seconds (two hours).
DEFAULT_SESSION_TICKET_LIFETIME_SEC = 7200
#: ``set_log_callback`` levels: no messages; errors; state changes (each
#: handshake step, connections ending); what each step sent and read;
#: buffers and certificates, dumped.
LOG_NONE = 0
LOG_ERROR = 1
LOG_STATE = 2
LOG_INFO = 3
LOG_VERBOSE = 4
#: What a pin covers: the certificate's public key (its
#: SubjectPublicKeyInfo; a renewal with the same key keeps it), or the
#: whole certificate.
PIN_PUBLIC_KEY = 0
PIN_CERTIFICATE = 1
#: The length of a pin, a SHA-256 (32 bytes, as the header documents it).
PIN_SIZE = 32
#: The most bytes a pre-shared key has.
MAX_PSK_LEN = 32
#: The smallest and the largest MTU ``TLSOptions.set_mtu`` takes.
MIN_MTU = 256
MAX_MTU = 16384

# The callbacks of ``gdtls_udp_callbacks``.
SendFn = CFUNCTYPE(c_int32, c_void_p, c_void_p, c_size_t)
ReceiveFn = CFUNCTYPE(c_int64, c_void_p, c_void_p, c_size_t)
AvailableFn = CFUNCTYPE(c_int32, c_void_p)
ReleaseFn = CFUNCTYPE(None, c_void_p)
# gdtls_psk_lookup_fn and gdtls_log_fn.
PskLookupFn = CFUNCTYPE(c_size_t, c_void_p, c_void_p, c_size_t, c_void_p, c_size_t)
LogFn = CFUNCTYPE(None, c_void_p, c_int32, c_char_p)


class UdpCallbacks(Structure):
    """``gdtls_udp_callbacks``: how a host carries a UDP peer's datagrams."""

    _fields_ = [
        ("user_data", c_void_p),
        ("send", SendFn),
        ("receive", ReceiveFn),
        ("available", AvailableFn),
        ("release", ReleaseFn),
    ]


class TrafficCounters(Structure):
    """``gdtls_traffic``: what crossed a connection's transport."""

    _fields_ = [
        ("datagrams_received", c_uint64),
        ("bytes_received", c_uint64),
        ("datagrams_sent", c_uint64),
        ("bytes_sent", c_uint64),
    ]


# name: (result type, argument types), in the header's order.
_PROTOTYPES = {
    "gdtls_crypto_generate_rsa": (_handle, [c_int32]),
    "gdtls_crypto_generate_ecdsa": (_handle, [_str]),
    "gdtls_crypto_generate_self_signed_certificate": (_handle, [_handle, _str, _str, _str]),
    "gdtls_crypto_key_new": (_handle, []),
    "gdtls_crypto_key_free": (_error, [_handle]),
    "gdtls_crypto_key_reference": (_handle, [_handle]),
    "gdtls_crypto_key_load": (_error, [_handle, _str, c_bool]),
    "gdtls_crypto_key_load_from_buffer": (_error, [_handle, _bytes, c_size_t, c_bool]),
    "gdtls_crypto_key_load_from_string": (_error, [_handle, _str, c_bool]),
    "gdtls_crypto_key_save": (_error, [_handle, _str, c_bool]),
    "gdtls_crypto_key_save_to_string": (_error, [_handle, c_bool, _str, c_size_t, _out_size]),
    "gdtls_crypto_key_is_public_only": (c_bool, [_handle]),
    "gdtls_dtls_server_new": (_handle, []),
    "gdtls_dtls_server_free": (_error, [_handle]),
    "gdtls_dtls_server_reference": (_handle, [_handle]),
    "gdtls_dtls_server_setup": (_error, [_handle, _handle]),
    "gdtls_dtls_server_setup_godot3": (_error, [_handle, _handle, _handle, _handle]),
    "gdtls_dtls_server_take_connection": (_handle, [_handle, _handle]),
    "gdtls_dtls_server_set_handshake_timeout_msec": (_error, [_handle, c_uint32, c_uint32]),
    "gdtls_dtls_server_get_handshake_timeout_msec": (
        _error,
        [_handle, POINTER(c_uint32), POINTER(c_uint32)],
    ),
    "gdtls_dtls_server_set_idle_timeout_msec": (_error, [_handle, c_uint32]),
    "gdtls_dtls_server_get_idle_timeout_msec": (c_uint32, [_handle]),
    "gdtls_dtls_server_set_max_handshakes": (_error, [_handle, c_int32, c_int32]),
    "gdtls_dtls_server_get_max_handshakes": (
        _error,
        [_handle, POINTER(c_int32), POINTER(c_int32)],
    ),
    "gdtls_dtls_server_get_handshake_count": (c_int32, [_handle]),
    "gdtls_dtls_server_set_session_ticket_lifetime_sec": (_error, [_handle, c_uint32]),
    "gdtls_dtls_server_get_session_ticket_lifetime_sec": (c_uint32, [_handle]),
    "gdtls_get_last_error": (_error, []),
    "gdtls_get_last_error_message": (c_char_p, []),
    "gdtls_clear_last_error": (None, []),
    "gdtls_error_string": (c_char_p, [c_int32]),
    "gdtls_version": (c_char_p, []),
    "gdtls_version_number": (c_uint32, []),
    "gdtls_live_handle_count": (c_size_t, []),
    "gdtls_set_log_callback": (_error, [LogFn, c_void_p, c_int32]),
    "gdtls_packet_peer_dtls_new": (_handle, []),
    "gdtls_packet_peer_dtls_free": (_error, [_handle]),
    "gdtls_packet_peer_dtls_reference": (_handle, [_handle]),
    "gdtls_packet_peer_dtls_connect_to_peer": (_error, [_handle, _handle, _str, _handle]),
    "gdtls_packet_peer_dtls_connect_to_peer_godot3": (
        _error,
        [_handle, _handle, c_bool, _str, _handle],
    ),
    "gdtls_packet_peer_dtls_poll": (_error, [_handle]),
    "gdtls_packet_peer_dtls_get_status": (c_int32, [_handle]),
    "gdtls_packet_peer_dtls_disconnect_from_peer": (_error, [_handle]),
    "gdtls_packet_peer_dtls_put_packet": (_error, [_handle, c_char_p, c_size_t]),
    "gdtls_packet_peer_dtls_get_packet": (_error, [_handle, _str, c_size_t, _out_size]),
    "gdtls_packet_peer_dtls_get_available_packet_count": (c_int32, [_handle]),
    "gdtls_packet_peer_dtls_get_max_packet_size": (c_int32, [_handle]),
    "gdtls_packet_peer_dtls_set_idle_timeout_msec": (_error, [_handle, c_uint32]),
    "gdtls_packet_peer_dtls_get_idle_timeout_msec": (c_uint32, [_handle]),
    "gdtls_packet_peer_dtls_get_idle_time_msec": (c_uint64, [_handle]),
    "gdtls_packet_peer_dtls_set_handshake_timeout_msec": (_error, [_handle, c_uint32, c_uint32]),
    "gdtls_packet_peer_dtls_get_handshake_timeout_msec": (
        _error,
        [_handle, POINTER(c_uint32), POINTER(c_uint32)],
    ),
    "gdtls_packet_peer_dtls_get_protocol_version": (
        _error,
        [_handle, _str, c_size_t, _out_size],
    ),
    "gdtls_packet_peer_dtls_get_cipher_suite": (_error, [_handle, _str, c_size_t, _out_size]),
    "gdtls_packet_peer_dtls_get_peer_certificate": (_handle, [_handle]),
    "gdtls_packet_peer_dtls_is_session_resumed": (c_bool, [_handle]),
    "gdtls_packet_peer_dtls_get_handshake_duration_usec": (c_uint64, [_handle]),
    "gdtls_packet_peer_dtls_get_retransmissions": (c_uint32, [_handle]),
    "gdtls_packet_peer_dtls_get_traffic": (_error, [_handle, POINTER(TrafficCounters)]),
    "gdtls_packet_peer_dtls_get_next_timeout_msec": (c_int64, [_handle]),
    "gdtls_packet_peer_udp_new": (_handle, []),
    "gdtls_packet_peer_udp_free": (_error, [_handle]),
    "gdtls_packet_peer_udp_reference": (_handle, [_handle]),
    "gdtls_packet_peer_udp_bind": (_error, [_handle, c_int32, _str, c_int32]),
    "gdtls_packet_peer_udp_close": (_error, [_handle]),
    "gdtls_packet_peer_udp_connect_to_host": (_error, [_handle, _str, c_int32]),
    "gdtls_packet_peer_udp_is_socket_connected": (c_bool, [_handle]),
    "gdtls_packet_peer_udp_is_bound": (c_bool, [_handle]),
    "gdtls_packet_peer_udp_set_dest_address": (_error, [_handle, _str, c_int32]),
    "gdtls_packet_peer_udp_put_packet": (_error, [_handle, c_char_p, c_size_t]),
    "gdtls_packet_peer_udp_get_packet": (_error, [_handle, _str, c_size_t, _out_size]),
    "gdtls_packet_peer_udp_get_available_packet_count": (c_int32, [_handle]),
    "gdtls_packet_peer_udp_get_packet_ip": (_error, [_handle, _str, c_size_t, _out_size]),
    "gdtls_packet_peer_udp_get_packet_port": (c_int32, [_handle]),
    "gdtls_packet_peer_udp_get_socket_fd": (c_int32, [_handle]),
    "gdtls_packet_peer_udp_get_local_port": (c_int32, [_handle]),
    "gdtls_packet_peer_udp_wait": (_error, [_handle]),
    "gdtls_packet_peer_udp_wait_timeout": (_error, [_handle, c_uint32]),
    "gdtls_packet_peer_udp_get_max_packet_size": (c_int32, [_handle]),
    "gdtls_packet_peer_udp_set_broadcast_enabled": (_error, [_handle, c_bool]),
    "gdtls_packet_peer_udp_join_multicast_group": (_error, [_handle, _str, _str]),
    "gdtls_packet_peer_udp_leave_multicast_group": (_error, [_handle, _str, _str]),
    "gdtls_packet_peer_udp_new_from_callbacks": (_handle, [POINTER(UdpCallbacks)]),
    "gdtls_get_proc_address": (c_void_p, [_str]),
    "gdtls_tls_options_client": (_handle, [_handle, _str]),
    "gdtls_tls_options_client_unsafe": (_handle, [_handle]),
    "gdtls_tls_options_server": (_handle, [_handle, _handle]),
    "gdtls_tls_options_free": (_error, [_handle]),
    "gdtls_tls_options_reference": (_handle, [_handle]),
    "gdtls_tls_options_is_server": (c_bool, [_handle]),
    "gdtls_tls_options_is_unsafe_client": (c_bool, [_handle]),
    "gdtls_tls_options_get_common_name_override": (_error, [_handle, _str, c_size_t, _out_size]),
    "gdtls_tls_options_get_trusted_ca_chain": (_handle, [_handle]),
    "gdtls_tls_options_get_private_key": (_handle, [_handle]),
    "gdtls_tls_options_get_own_certificate": (_handle, [_handle]),
    "gdtls_tls_options_client_psk": (_handle, [_bytes, c_size_t, _bytes, c_size_t]),
    "gdtls_tls_options_server_psk": (_handle, [PskLookupFn, c_void_p, ReleaseFn]),
    "gdtls_tls_options_server_psk_key": (_handle, [_bytes, c_size_t]),
    "gdtls_tls_options_add_pin": (_error, [_handle, c_int32, _bytes]),
    "gdtls_tls_options_add_crl": (_error, [_handle, _bytes, c_size_t]),
    "gdtls_tls_options_set_mtu": (_error, [_handle, c_uint16]),
    "gdtls_tls_options_get_mtu": (c_uint16, [_handle]),
    "gdtls_tls_options_set_cipher_suites": (_error, [_handle, _str]),
    "gdtls_tls_options_set_curves": (_error, [_handle, _str]),
    "gdtls_tls_options_set_client_certificate": (_error, [_handle, _handle, _handle]),
    "gdtls_tls_options_set_client_verification": (_error, [_handle, _handle, c_bool]),
    "gdtls_tls_options_set_session_resumption": (_error, [_handle, c_bool]),
    "gdtls_tls_options_get_session_resumption": (c_bool, [_handle]),
    "gdtls_udp_server_new": (_handle, []),
    "gdtls_udp_server_free": (_error, [_handle]),
    "gdtls_udp_server_reference": (_handle, [_handle]),
    "gdtls_udp_server_listen": (_error, [_handle, c_int32, _str]),
    "gdtls_udp_server_poll": (_error, [_handle]),
    "gdtls_udp_server_is_connection_available": (c_bool, [_handle]),
    "gdtls_udp_server_take_connection": (_handle, [_handle]),
    "gdtls_udp_server_stop": (_error, [_handle]),
    "gdtls_udp_server_is_listening": (c_bool, [_handle]),
    "gdtls_udp_server_get_local_port": (c_int32, [_handle]),
    "gdtls_udp_server_get_socket_fd": (c_int32, [_handle]),
    "gdtls_udp_server_set_max_pending_connections": (_error, [_handle, c_int32]),
    "gdtls_udp_server_get_max_pending_connections": (c_int32, [_handle]),
    "gdtls_x509_certificate_new": (_handle, []),
    "gdtls_x509_certificate_free": (_error, [_handle]),
    "gdtls_x509_certificate_reference": (_handle, [_handle]),
    "gdtls_x509_certificate_load": (_error, [_handle, _str]),
    "gdtls_x509_certificate_load_from_buffer": (_error, [_handle, _bytes, c_size_t]),
    "gdtls_x509_certificate_load_from_string": (_error, [_handle, _str]),
    "gdtls_x509_certificate_save": (_error, [_handle, _str]),
    "gdtls_x509_certificate_save_to_string": (_error, [_handle, _str, c_size_t, _out_size]),
    "gdtls_x509_certificate_get_count": (c_size_t, [_handle]),
    "gdtls_x509_certificate_get_sha256_pin": (_error, [_handle, c_int32, _str]),
}


def _open(path: str, where: str) -> ctypes.CDLL:
    """Loads the library at ``path``, which ``where`` says how it was chosen."""
    try:
        return ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(f"gdtls: cannot load {path} ({where}): {e}") from e


def _find() -> tuple[ctypes.CDLL, str]:
    """The library and the path or name it was loaded by, in the order the
    module docstring gives; ImportError when none is found."""
    here = Path(__file__).resolve().parent
    # "libgdtls.so" sorts before its versioned names: the plain one wins.
    for path in sorted(here.glob("libgdtls.so*")):
        return _open(str(path), "next to the gdtls package"), str(path)
    named = os.environ.get(_ENV)
    if named:
        # A library the user named and that fails is an error, not a reason
        # to pick another one behind their back.
        return _open(named, f"named by {_ENV}"), named
    try:
        return ctypes.CDLL(_SONAME), _SONAME
    except OSError:
        pass
    found = ctypes.util.find_library("gdtls")
    if found:
        return _open(found, 'found by ctypes.util.find_library("gdtls")'), found
    raise ImportError(
        "gdtls: cannot find the gdtls library. Looked for libgdtls.so* in "
        f"{here}, for a file named by the environment variable {_ENV} (not set), "
        f"for {_SONAME} on the system's library path and with "
        'ctypes.util.find_library("gdtls"). Build it (cargo build --release '
        f"makes target/release/libgdtls.so) and set {_ENV} to its path, or copy "
        "it next to the package."
    )


def _bind(lib: ctypes.CDLL, path: str) -> None:
    """Checks the library's version and gives each function its prototype."""
    lib.gdtls_version.restype = c_char_p
    lib.gdtls_version.argtypes = []
    found = lib.gdtls_version().decode()
    major, minor = (int(p) for p in found.split(".")[:2])
    # Before 1.0 a minor version may change the ABI, as Cargo reads versions.
    if major != VERSION_MAJOR or (major == 0 and minor != VERSION_MINOR):
        raise ImportError(
            f"gdtls: {path} is gdtls {found}; this binding needs {VERSION_MAJOR}.{VERSION_MINOR}.x"
        )
    for name, (restype, argtypes) in _PROTOTYPES.items():
        try:
            function = getattr(lib, name)
        except AttributeError as e:
            raise ImportError(f"gdtls: {path} has no function {name}") from e
        function.restype = restype
        function.argtypes = argtypes


#: The loaded library (every function with its C prototype), and the path
#: or name it was loaded by.
lib, LIBRARY_PATH = _find()
_bind(lib, LIBRARY_PATH)
