"""Godot's PacketPeerDTLS and DTLSServer."""

from __future__ import annotations

import ctypes
from enum import IntEnum
from typing import Callable, NamedTuple, Optional, Tuple

from ._convert import read_out, to_bool, to_int, to_text
from ._crypto import CryptoKey, X509Certificate
from ._error import Error
from ._library import get_last_error_message
from ._native import TrafficCounters, lib
from ._object import RefCounted
from ._packet_peer import PacketPeer
from ._tls_options import TLSOptions
from ._udp import PacketPeerUDP

# The largest plaintext a DTLS record carries: what a peer such as Godot may
# send in one packet, though gdtls itself sends at most get_max_packet_size.
_MAX_RECORD = 16384


def _pair(getter: Callable[..., int], handle: int, ctype: type) -> Tuple[int, int]:
    """The two values a ``gdtls_*_get_*(handle, &a, &b)`` call stores."""
    first, second = ctype(), ctype()
    getter(handle, ctypes.byref(first), ctypes.byref(second))
    return first.value, second.value


class Traffic(NamedTuple):
    """What crossed a connection's transport, headers included: every
    datagram of the handshake, the packets and the alerts
    (``PacketPeerDTLS.get_traffic``)."""

    datagrams_received: int
    bytes_received: int
    datagrams_sent: int
    bytes_sent: int


class PacketPeerDTLS(PacketPeer):
    """Godot's ``PacketPeerDTLS``: one DTLS connection over a UDP peer, as a
    client (:meth:`connect_to_peer`) or as a connection a
    :class:`DTLSServer` took. Call :meth:`poll` often (every frame).

    gdtls differences: :meth:`poll` and :meth:`disconnect_from_peer` return
    an Error; a validating client whose server names another host ends in
    ``STATUS_ERROR_HOSTNAME_MISMATCH`` as Godot's reference says (Godot
    3.2.3 reports ``STATUS_ERROR``); idle and handshake timeouts, what the
    connection negotiated and carried, and the event-loop timer are gdtls's
    own.
    """

    class Status(IntEnum):
        """Godot's ``PacketPeerDTLS.Status``."""

        #: Not connected: new, closed by either side, or never set up.
        STATUS_DISCONNECTED = 0
        #: The handshake is under way; :meth:`poll` drives it.
        STATUS_HANDSHAKING = 1
        #: Connected: packets can be sent and received.
        STATUS_CONNECTED = 2
        #: Failed: handshake error, bad certificate, protocol error; or, for
        #: a server's new connection, the client was asked for a cookie.
        STATUS_ERROR = 3
        #: The server's certificate is valid but names another host.
        STATUS_ERROR_HOSTNAME_MISMATCH = 4

    STATUS_DISCONNECTED = Status.STATUS_DISCONNECTED
    STATUS_HANDSHAKING = Status.STATUS_HANDSHAKING
    STATUS_CONNECTED = Status.STATUS_CONNECTED
    STATUS_ERROR = Status.STATUS_ERROR
    STATUS_ERROR_HOSTNAME_MISMATCH = Status.STATUS_ERROR_HOSTNAME_MISMATCH

    __slots__ = ()
    _new_fn = lib.gdtls_packet_peer_dtls_new
    _free_fn = lib.gdtls_packet_peer_dtls_free
    _reference_fn = lib.gdtls_packet_peer_dtls_reference
    _get_packet_fn = lib.gdtls_packet_peer_dtls_get_packet
    _put_packet_fn = lib.gdtls_packet_peer_dtls_put_packet
    _available_packet_count_fn = lib.gdtls_packet_peer_dtls_get_available_packet_count
    _max_packet_size_fn = lib.gdtls_packet_peer_dtls_get_max_packet_size
    _packet_capacity = _MAX_RECORD

    def connect_to_peer(
        self,
        packet_peer: PacketPeerUDP,
        hostname: str,
        client_options: Optional[TLSOptions] = None,
    ) -> Error:
        """Starts a DTLS handshake as a client over ``packet_peer``, which
        must be connected (``PacketPeerUDP.connect_to_host``). The server's
        certificate is checked as ``client_options`` say (None:
        ``TLSOptions.client()``, the system's CA bundle) for ``hostname``.
        Then :meth:`poll` until the status leaves ``STATUS_HANDSHAKING``."""
        return Error(
            lib.gdtls_packet_peer_dtls_connect_to_peer(
                self._h,
                PacketPeerUDP._arg(packet_peer, "packet_peer"),
                to_text(hostname, "hostname"),
                TLSOptions._arg(client_options, "client_options", optional=True),
            )
        )

    def connect_to_peer_godot3(
        self,
        packet_peer: PacketPeerUDP,
        validate_certs: bool = True,
        for_hostname: str = "",
        valid_certificate: Optional[X509Certificate] = None,
    ) -> Error:
        """Godot 3.2's ``connect_to_peer``: with ``validate_certs`` the
        server's certificate must chain to ``valid_certificate`` (None: the
        system's CA bundle) and name ``for_hostname``; without, nothing is
        checked. Errors as for :meth:`connect_to_peer`."""
        return Error(
            lib.gdtls_packet_peer_dtls_connect_to_peer_godot3(
                self._h,
                PacketPeerUDP._arg(packet_peer, "packet_peer"),
                to_bool(validate_certs, "validate_certs"),
                to_text(for_hostname, "for_hostname"),
                X509Certificate._arg(valid_certificate, "valid_certificate", optional=True),
            )
        )

    def poll(self) -> Error:
        """Drives the connection: advances the handshake, retransmits lost
        flights, reads received packets. Never blocks. Returns ``OK`` unless
        this call ended the connection in an error (``FAILED``,
        ``ERR_TIMEOUT``, ``ERR_CONNECTION_ERROR``: the reason in words in
        :func:`gdtls.get_last_error_message`)."""
        return Error(lib.gdtls_packet_peer_dtls_poll(self._h))

    def get_status(self) -> PacketPeerDTLS.Status:
        """The connection's status."""
        return PacketPeerDTLS.Status(lib.gdtls_packet_peer_dtls_get_status(self._h))

    def disconnect_from_peer(self) -> Error:
        """Ends the connection: a connected peer sends close_notify, and the
        other side becomes ``STATUS_DISCONNECTED``; so does this one."""
        return Error(lib.gdtls_packet_peer_dtls_disconnect_from_peer(self._h))

    def set_idle_timeout_msec(self, msec: int) -> Error:
        """Once connected, ends the connection in ``STATUS_ERROR`` when nothing
        has been received for ``msec`` milliseconds (0, the default: never,
        as in Godot). DTLS has no keep-alive: the other side must send more
        often than that (gdtls's own)."""
        return Error(
            lib.gdtls_packet_peer_dtls_set_idle_timeout_msec(
                self._h, to_int(msec, "msec", "uint32")
            )
        )

    def get_idle_timeout_msec(self) -> int:
        """The idle timeout in milliseconds; 0 for none (gdtls's own)."""
        return int(lib.gdtls_packet_peer_dtls_get_idle_timeout_msec(self._h))

    def get_idle_time_msec(self) -> int:
        """How long the other side has been silent, in milliseconds, for a
        policy of the game's own (gdtls's own)."""
        return int(lib.gdtls_packet_peer_dtls_get_idle_time_msec(self._h))

    def set_handshake_timeout_msec(self, min_msec: int, max_msec: int) -> Error:
        """How the next :meth:`connect_to_peer` waits for the server: the
        first retransmission after ``min_msec``, doubling up to ``max_msec``,
        then ``ERR_TIMEOUT``. Default 1000 and 60000 ms, Godot's (gdtls's
        own)."""
        return Error(
            lib.gdtls_packet_peer_dtls_set_handshake_timeout_msec(
                self._h,
                to_int(min_msec, "min_msec", "uint32"),
                to_int(max_msec, "max_msec", "uint32"),
            )
        )

    def get_handshake_timeout_msec(self) -> Tuple[int, int]:
        """The first and largest retransmission intervals of the next
        handshake, in milliseconds (gdtls's own)."""
        return _pair(
            lib.gdtls_packet_peer_dtls_get_handshake_timeout_msec, self._h, ctypes.c_uint32
        )

    def get_protocol_version(self) -> str:
        """The protocol version the connection negotiated ("DTLSv1.2"), once
        its handshake is done, also after it ended; "" before (gdtls's
        own)."""
        _, version = read_out(lib.gdtls_packet_peer_dtls_get_protocol_version, (self._h,), 64)
        return version.decode("utf-8")

    def get_cipher_suite(self) -> str:
        """The cipher suite the connection negotiated, by mbedTLS's name
        ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256"), as for
        :meth:`get_protocol_version` (gdtls's own)."""
        _, suite = read_out(lib.gdtls_packet_peer_dtls_get_cipher_suite, (self._h,), 64)
        return suite.decode("utf-8")

    def get_peer_certificate(self) -> Optional[X509Certificate]:
        """The certificates the other side presented (its own, then its
        chain) while the connection is up: a server's, or a client's when
        the server verifies clients. None when there is none (not
        connected, a PSK connection, a client not asked) (gdtls's own)."""
        return X509Certificate._wrap(lib.gdtls_packet_peer_dtls_get_peer_certificate(self._h))

    def is_session_resumed(self) -> bool:
        """True when the handshake resumed an earlier session (an
        abbreviated handshake, without certificates or key exchange)
        (gdtls's own)."""
        return bool(lib.gdtls_packet_peer_dtls_is_session_resumed(self._h))

    def get_handshake_duration_usec(self) -> int:
        """How long the handshake took, in microseconds; 0 before it
        completed (gdtls's own)."""
        return int(lib.gdtls_packet_peer_dtls_get_handshake_duration_usec(self._h))

    def get_retransmissions(self) -> int:
        """How many times the current or last connection sent a handshake
        flight again because the other side did not answer in time (gdtls's
        own)."""
        return int(lib.gdtls_packet_peer_dtls_get_retransmissions(self._h))

    def get_traffic(self) -> Traffic:
        """What the current or last connection received and sent (also
        after it ended), as a :class:`Traffic` (gdtls's own)."""
        counters = TrafficCounters()
        lib.gdtls_packet_peer_dtls_get_traffic(self._h, ctypes.byref(counters))
        return Traffic(*(getattr(counters, field) for field in Traffic._fields))

    def get_next_timeout_msec(self) -> int:
        """For a host that sleeps on ``PacketPeerUDP.get_socket_fd`` in an
        event loop: how many milliseconds it may sleep before it must
        :meth:`poll` even if no datagram arrives (a retransmission, a
        timeout); 0 when a poll is due now, -1 when only a datagram can
        change anything. Read it again after each poll (gdtls's own)."""
        return int(lib.gdtls_packet_peer_dtls_get_next_timeout_msec(self._h))


class DTLSServer(RefCounted):
    """Godot's ``DTLSServer``: turns connected UDP peers (from a
    :class:`UDPServer`) into DTLS connections, with cookies against spoofed
    addresses.

    gdtls differences: it keeps nothing for a client before its cookie
    verifies; handshakes are limited in number (in all and per source) and
    time out sooner than a client's; idle timeouts are available; clients
    get session tickets to resume their sessions with.
    """

    __slots__ = ()
    _new_fn = lib.gdtls_dtls_server_new
    _free_fn = lib.gdtls_dtls_server_free
    _reference_fn = lib.gdtls_dtls_server_reference

    def setup(self, server_options: TLSOptions) -> Error:
        """Sets the server up with ``server_options`` from
        ``TLSOptions.server`` (``ERR_INVALID_PARAMETER`` for client options)."""
        return Error(
            lib.gdtls_dtls_server_setup(self._h, TLSOptions._arg(server_options, "server_options"))
        )

    def setup_godot3(
        self,
        key: CryptoKey,
        certificate: X509Certificate,
        chain: Optional[X509Certificate] = None,
    ) -> Error:
        """Godot 3.2's ``setup(key, certificate, chain)``: presents
        ``certificate`` (then ``chain``'s certificates) with ``key``."""
        return Error(
            lib.gdtls_dtls_server_setup_godot3(
                self._h,
                CryptoKey._arg(key, "key"),
                X509Certificate._arg(certificate, "certificate"),
                X509Certificate._arg(chain, "chain", optional=True),
            )
        )

    def take_connection(self, udp_peer: PacketPeerUDP) -> PacketPeerDTLS:
        """Answers what the connected ``udp_peer`` (from
        ``UDPServer.take_connection``) sent, as a new DTLS peer. Check its
        status: ``STATUS_HANDSHAKING`` for a client whose cookie verified
        (keep it and poll it); ``STATUS_ERROR`` for a first ClientHello,
        answered with a cookie request ("it is normal that 50% of the
        connections fail": the retry comes as a new connection)."""
        peer = PacketPeerDTLS._wrap(
            lib.gdtls_dtls_server_take_connection(self._h, PacketPeerUDP._arg(udp_peer, "udp_peer"))
        )
        if peer is None:  # only when another thread freed a handle meanwhile
            raise ValueError(get_last_error_message())
        return peer

    def set_handshake_timeout_msec(self, min_msec: int, max_msec: int) -> Error:
        """How the handshakes of connections taken from now on wait for their
        client: the first retransmission after ``min_msec``, doubling up to
        ``max_msec``, then failure. Default 1000 and 8000 ms, 15 s in all
        (gdtls's own)."""
        return Error(
            lib.gdtls_dtls_server_set_handshake_timeout_msec(
                self._h,
                to_int(min_msec, "min_msec", "uint32"),
                to_int(max_msec, "max_msec", "uint32"),
            )
        )

    def get_handshake_timeout_msec(self) -> Tuple[int, int]:
        """The first and largest retransmission intervals of new connections'
        handshakes, in milliseconds (gdtls's own)."""
        return _pair(lib.gdtls_dtls_server_get_handshake_timeout_msec, self._h, ctypes.c_uint32)

    def set_idle_timeout_msec(self, msec: int) -> Error:
        """The idle timeout of connections taken from now on, in
        milliseconds (0, the default: none, as in Godot). See
        ``PacketPeerDTLS.set_idle_timeout_msec`` (gdtls's own)."""
        return Error(
            lib.gdtls_dtls_server_set_idle_timeout_msec(self._h, to_int(msec, "msec", "uint32"))
        )

    def get_idle_timeout_msec(self) -> int:
        """The idle timeout of new connections in milliseconds; 0 for none
        (gdtls's own)."""
        return int(lib.gdtls_dtls_server_get_idle_timeout_msec(self._h))

    def set_max_handshakes(self, max_total: int, max_per_source: int) -> Error:
        """How many handshakes run at once: ``max_total`` in all (default
        256) and ``max_per_source`` from one IPv4 address or IPv6 /64
        (default 32). Beyond them a ClientHello waits for the client's
        retransmission (gdtls's own)."""
        return Error(
            lib.gdtls_dtls_server_set_max_handshakes(
                self._h, to_int(max_total, "max_total"), to_int(max_per_source, "max_per_source")
            )
        )

    def get_max_handshakes(self) -> Tuple[int, int]:
        """The two limits of :meth:`set_max_handshakes`: ``(max_total,
        max_per_source)`` (gdtls's own)."""
        return _pair(lib.gdtls_dtls_server_get_max_handshakes, self._h, ctypes.c_int32)

    def get_handshake_count(self) -> int:
        """How many connections taken from this server are handshaking now
        (gdtls's own)."""
        return int(lib.gdtls_dtls_server_get_handshake_count(self._h))

    def set_session_ticket_lifetime_sec(self, sec: int) -> Error:
        """Sets for how long session tickets given to the clients of
        connections taken from now on are valid, in seconds (default
        ``DEFAULT_SESSION_TICKET_LIFETIME_SEC``; 0 gives none, as Godot): a
        client that presents one when it reconnects resumes its session with
        an abbreviated handshake. Changing it refuses the tickets already
        given (gdtls's own)."""
        return Error(
            lib.gdtls_dtls_server_set_session_ticket_lifetime_sec(
                self._h, to_int(sec, "sec", "uint32")
            )
        )

    def get_session_ticket_lifetime_sec(self) -> int:
        """How long new connections' session tickets are valid, in seconds;
        0 when the server gives none (gdtls's own)."""
        return int(lib.gdtls_dtls_server_get_session_ticket_lifetime_sec(self._h))
