"""gdtls: Godot's DTLS networking for Python.

``DTLSServer``, ``PacketPeerDTLS``, ``PacketPeerUDP``, ``UDPServer``,
``TLSOptions``, ``CryptoKey``, ``X509Certificate`` and ``Crypto``, with
Godot 4's method names and default arguments, Godot's ``Error`` numbers and
``PacketPeerDTLS.Status`` values and its polling model, over the gdtls C
library (through ctypes: no compiler needed). Code written for Godot ports
line by line::

    import gdtls

    cert = gdtls.X509Certificate()
    cert.load("cert.crt")
    udp = gdtls.PacketPeerUDP()
    dtls = gdtls.PacketPeerDTLS()
    udp.connect_to_host("127.0.0.1", 4242)
    dtls.connect_to_peer(udp, "localhost", gdtls.TLSOptions.client(cert))
    while dtls.get_status() == gdtls.PacketPeerDTLS.STATUS_HANDSHAKING:
        dtls.poll()

Where the library is found: a ``libgdtls.so*`` next to this package, the
file named by ``GDTLS_LIBRARY``, then the system's ``libgdtls.so.0`` or
``ctypes.util.find_library("gdtls")``; ``LIBRARY_PATH`` says which.

Methods that can fail return an :class:`Error` (its members are also here:
``gdtls.OK``, ``gdtls.ERR_UNAVAILABLE``, ...) and
:func:`get_last_error_message` says why in words. Arguments of a wrong type
raise TypeError; integers a C parameter cannot hold raise OverflowError;
values the C API refuses give its Error. Objects release their handle when
collected, or at once with ``free()``.

Beyond Godot, gdtls adds pre-shared keys (``TLSOptions.client_psk``,
``server_psk``), certificate pinning (``TLSOptions.add_pin``,
``X509Certificate.get_sha256_pin``), revocation lists, client certificates,
session resumption, ECDSA keys, what a connection negotiated and carried,
event-loop hooks (``get_socket_fd``, ``get_next_timeout_msec``), MTU, suite
and curve settings, and a log callback (:func:`set_log_callback`).
"""

from ._crypto import Crypto, CryptoKey, X509Certificate
from ._dtls import DTLSServer, PacketPeerDTLS, Traffic
from ._error import *  # noqa: F403 (Godot's constants: OK, FAILED, ...)
from ._error import Error
from ._library import (
    clear_last_error,
    error_string,
    get_last_error,
    get_last_error_message,
    get_proc_address,
    live_handle_count,
    set_log_callback,
    version,
    version_number,
)
from ._native import (
    DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC,
    DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC,
    DEFAULT_MAX_HANDSHAKES,
    DEFAULT_MAX_HANDSHAKES_PER_SOURCE,
    DEFAULT_MAX_PENDING_CONNECTIONS,
    DEFAULT_RECV_BUF_SIZE,
    DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC,
    DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC,
    DEFAULT_SESSION_TICKET_LIFETIME_SEC,
    DTLS_MTU,
    LIBRARY_PATH,
    LOG_ERROR,
    LOG_INFO,
    LOG_NONE,
    LOG_STATE,
    LOG_VERBOSE,
    MAX_CERTIFICATE_MESSAGE,
    MAX_CRYPTO_FILE_SIZE,
    MAX_DATAGRAM,
    MAX_MTU,
    MAX_PSK_LEN,
    MAX_RSA_BITS,
    MIN_MTU,
    PENDING_BACKLOG_DATAGRAMS,
    PIN_CERTIFICATE,
    PIN_PUBLIC_KEY,
    PIN_SIZE,
    VERSION,
    VERSION_MAJOR,
    VERSION_MINOR,
    VERSION_NUMBER,
    VERSION_PATCH,
)
from ._object import RefCounted
from ._packet_peer import PacketPeer
from ._tls_options import PskKey, TLSOptions
from ._udp import PacketPeerUDP, Transport, UDPServer

__version__ = VERSION

__all__ = [
    "Crypto",
    "CryptoKey",
    "DTLSServer",
    "Error",
    "PacketPeer",
    "PacketPeerDTLS",
    "PacketPeerUDP",
    "PskKey",
    "RefCounted",
    "TLSOptions",
    "Traffic",
    "Transport",
    "UDPServer",
    "X509Certificate",
    "clear_last_error",
    "error_string",
    "get_last_error",
    "get_last_error_message",
    "get_proc_address",
    "live_handle_count",
    "set_log_callback",
    "version",
    "version_number",
    "LIBRARY_PATH",
    "VERSION",
    "VERSION_MAJOR",
    "VERSION_MINOR",
    "VERSION_NUMBER",
    "VERSION_PATCH",
    "DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC",
    "DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC",
    "DEFAULT_MAX_HANDSHAKES",
    "DEFAULT_MAX_HANDSHAKES_PER_SOURCE",
    "DEFAULT_MAX_PENDING_CONNECTIONS",
    "DEFAULT_RECV_BUF_SIZE",
    "DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC",
    "DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC",
    "DEFAULT_SESSION_TICKET_LIFETIME_SEC",
    "DTLS_MTU",
    "LOG_ERROR",
    "LOG_INFO",
    "LOG_NONE",
    "LOG_STATE",
    "LOG_VERBOSE",
    "MAX_CERTIFICATE_MESSAGE",
    "MAX_CRYPTO_FILE_SIZE",
    "MAX_DATAGRAM",
    "MAX_MTU",
    "MAX_PSK_LEN",
    "MAX_RSA_BITS",
    "MIN_MTU",
    "PENDING_BACKLOG_DATAGRAMS",
    "PIN_CERTIFICATE",
    "PIN_PUBLIC_KEY",
    "PIN_SIZE",
    *Error.__members__,
]
