"""Godot's PacketPeerUDP and UDPServer, and host transports for a UDP peer."""

from __future__ import annotations

import ctypes
from typing import Optional, Protocol

from ._callbacks import Registry, report
from ._convert import read_out, to_bool, to_data, to_int, to_text
from ._error import Error
from ._library import get_last_error_message
from ._native import (
    DEFAULT_RECV_BUF_SIZE,
    MAX_DATAGRAM,
    AvailableFn,
    ReceiveFn,
    ReleaseFn,
    SendFn,
    UdpCallbacks,
    lib,
)
from ._object import RefCounted
from ._packet_peer import PacketPeer


class Transport(Protocol):
    """What :meth:`PacketPeerUDP.new_from_callbacks` carries a peer's
    datagrams through: the host's own UDP stack, a relay, a simulated
    network.

    ``send(data)`` sends one datagram and returns an Error (``OK``, or
    ``ERR_BUSY`` when it cannot take it now; None counts as ``OK``).
    ``receive()`` returns the next waiting datagram (at most 65507 bytes), or
    None when none waits. Optional: ``available()`` returns how many wait
    (without it gdtls calls ``receive`` until it gets None), and
    ``release()`` is called once, when the peer is closed or released.

    The methods must not block, and must not call gdtls for this peer, a
    DTLS peer over it or a DTLS server taking a connection over it (the call
    would wait for itself). An exception in one is printed to stderr and
    counts as a failure of that callback.
    """

    def send(self, data: bytes) -> Optional[int]:
        """Sends one datagram."""

    def receive(self) -> Optional[bytes]:
        """The next waiting datagram, or None."""


# The transport of every live host peer, by the token gdtls passes back to
# the callbacks as their user_data, until the library releases it.
_transports = Registry()


def _report(token: int, callback: str) -> None:
    """Prints the exception a transport's callback raised; gdtls only sees
    that the callback failed."""
    report(f"{type(_transports.get(token)).__name__}.{callback}()", "the peer sees a failure")


def _send(token: int, data: int, size: int) -> int:
    try:
        result = _transports.get(token).send(ctypes.string_at(data, size))
        return int(Error.OK if result is None else Error(result))
    except Exception:
        _report(token, "send")
        return int(Error.FAILED)


def _receive(token: int, buf: int, cap: int) -> int:
    try:
        datagram = _transports.get(token).receive()
        if datagram is None:
            return -1
        datagram = to_data(datagram, "the datagram receive() returned")
        if len(datagram) > cap:
            raise ValueError(f"receive() returned {len(datagram)} bytes, more than {cap}")
        ctypes.memmove(buf, datagram, len(datagram))
        return len(datagram)
    except Exception:
        _report(token, "receive")
        return -2


def _available(token: int) -> int:
    try:
        return to_int(_transports.get(token).available(), "what available() returned")
    except Exception:
        _report(token, "available")
        return -1


def _release(token: int) -> None:
    release = getattr(_transports.get(token), "release", None)
    try:
        if release is not None:
            release()
    except Exception:
        _report(token, "release")
    finally:
        _transports.pop(token)


_SEND = SendFn(_send)
_RECEIVE = ReceiveFn(_receive)
_AVAILABLE = AvailableFn(_available)
_RELEASE = ReleaseFn(_release)


class PacketPeerUDP(PacketPeer):
    """Godot's ``PacketPeerUDP``: a UDP socket that sends and receives
    datagrams, a peer taken from a :class:`UDPServer`, or one carried by a
    host :class:`Transport` (:meth:`new_from_callbacks`).

    gdtls differences: ``connect_to_host`` resolves host names
    (``ERR_CANT_RESOLVE`` when it cannot); a datagram refused by its
    destination (ICMP port unreachable) is reported once as
    ``ERR_CONNECTION_ERROR``; multicast needs the peer bound first.
    """

    __slots__ = ()
    _new_fn = lib.gdtls_packet_peer_udp_new
    _free_fn = lib.gdtls_packet_peer_udp_free
    _reference_fn = lib.gdtls_packet_peer_udp_reference
    _get_packet_fn = lib.gdtls_packet_peer_udp_get_packet
    _put_packet_fn = lib.gdtls_packet_peer_udp_put_packet
    _available_packet_count_fn = lib.gdtls_packet_peer_udp_get_available_packet_count
    _max_packet_size_fn = lib.gdtls_packet_peer_udp_get_max_packet_size
    _packet_capacity = MAX_DATAGRAM

    @staticmethod
    def new_from_callbacks(transport: Transport) -> Optional[PacketPeerUDP]:
        """A connected peer whose datagrams travel through ``transport``
        (see :class:`Transport`) instead of a socket; it works wherever a UDP
        peer does, a DTLS peer's transport say (gdtls's own). ``bind``,
        ``connect_to_host`` and ``wait`` are refused on it."""
        for method in ("send", "receive"):
            if not callable(getattr(transport, method, None)):
                raise TypeError(f"transport has no {method}() method")
        has_available = callable(getattr(transport, "available", None))
        token = _transports.add(transport)
        callbacks = UdpCallbacks(
            token, _SEND, _RECEIVE, _AVAILABLE if has_available else AvailableFn(), _RELEASE
        )
        peer = PacketPeerUDP._wrap(
            lib.gdtls_packet_peer_udp_new_from_callbacks(ctypes.byref(callbacks))
        )
        if peer is None:  # refused before it took the transport: no release comes
            _transports.pop(token)
        return peer

    def bind(
        self, port: int, bind_address: str = "*", recv_buf_size: int = DEFAULT_RECV_BUF_SIZE
    ) -> Error:
        """Binds the peer to ``port`` (0: any free port) on ``bind_address``
        (an IP address, or "*" for every IPv4 and IPv6 address), queueing at
        most ``recv_buf_size`` bytes of datagrams. As in Godot the socket
        takes SO_REUSEADDR (but for port 0): a port another such socket
        holds is bound again without error, and the newest socket receives."""
        return Error(
            lib.gdtls_packet_peer_udp_bind(
                self._h,
                to_int(port, "port"),
                to_text(bind_address, "bind_address"),
                to_int(recv_buf_size, "recv_buf_size"),
            )
        )

    def close(self) -> Error:
        """Closes the socket and drops queued packets (a server's peer leaves
        the server; a host peer's transport is released)."""
        return Error(lib.gdtls_packet_peer_udp_close(self._h))

    def connect_to_host(self, host: str, port: int) -> Error:
        """Connects the peer to ``host`` (an IP address, or a name to resolve,
        which may block) and ``port``: from now on only that address's
        datagrams are received, and :meth:`put_packet` sends there."""
        return Error(
            lib.gdtls_packet_peer_udp_connect_to_host(
                self._h, to_text(host, "host"), to_int(port, "port")
            )
        )

    def is_socket_connected(self) -> bool:
        """True for a connected peer (``connect_to_host``, a server's peer or
        a host's peer)."""
        return bool(lib.gdtls_packet_peer_udp_is_socket_connected(self._h))

    def is_bound(self) -> bool:
        """True when the peer has a socket (its own, a server's or a host's)."""
        return bool(lib.gdtls_packet_peer_udp_is_bound(self._h))

    def set_dest_address(self, host: str, port: int) -> Error:
        """Sets where :meth:`put_packet` sends, for a peer that is not
        connected (``ERR_UNCONFIGURED`` for a connected one)."""
        return Error(
            lib.gdtls_packet_peer_udp_set_dest_address(
                self._h, to_text(host, "host"), to_int(port, "port")
            )
        )

    def get_packet_ip(self) -> str:
        """The IP address the last received datagram came from ("" before
        any)."""
        _, ip = read_out(lib.gdtls_packet_peer_udp_get_packet_ip, (self._h,), 64)
        return ip.decode("ascii")

    def get_packet_port(self) -> int:
        """The port the last received datagram came from (0 before any)."""
        return int(lib.gdtls_packet_peer_udp_get_packet_port(self._h))

    def get_local_port(self) -> int:
        """The local port of the peer's socket (a server's peer: the
        server's); 0 without one."""
        return int(lib.gdtls_packet_peer_udp_get_local_port(self._h))

    def get_socket_fd(self) -> int:
        """The descriptor of the socket the peer reads, for a host that
        sleeps in ``select``, ``selectors`` or ``asyncio`` until a datagram
        arrives instead of polling in a loop (with
        ``PacketPeerDTLS.get_next_timeout_msec`` as the sleep's limit): the
        peer's own, or a server's peer's server's (then poll the server).
        The socket stays gdtls's: do not read, write or close it. -1
        without a socket or over a host's transport (gdtls's own)."""
        return int(lib.gdtls_packet_peer_udp_get_socket_fd(self._h))

    def wait(self) -> Error:
        """Blocks until a datagram is waiting (Ctrl-C is not seen meanwhile;
        other threads run). ``FAILED`` without a socket."""
        return Error(lib.gdtls_packet_peer_udp_wait(self._h))

    def wait_timeout(self, timeout_msec: int) -> Error:
        """As :meth:`wait`, for at most ``timeout_msec`` milliseconds:
        ``ERR_TIMEOUT`` when none arrived in time (gdtls's own)."""
        return Error(
            lib.gdtls_packet_peer_udp_wait_timeout(
                self._h, to_int(timeout_msec, "timeout_msec", "uint32")
            )
        )

    def set_broadcast_enabled(self, enabled: bool) -> Error:
        """Allows or forbids sending to broadcast addresses."""
        return Error(
            lib.gdtls_packet_peer_udp_set_broadcast_enabled(self._h, to_bool(enabled, "enabled"))
        )

    def join_multicast_group(self, multicast_address: str, interface_name: str) -> Error:
        """Receives what is sent to the group ``multicast_address`` on the
        interface ``interface_name`` (as ``ip link`` names it; "" lets the
        system pick, where Godot requires a name). Bind the peer first, to
        the group's port (``ERR_UNCONFIGURED`` otherwise)."""
        return Error(
            lib.gdtls_packet_peer_udp_join_multicast_group(
                self._h,
                to_text(multicast_address, "multicast_address"),
                to_text(interface_name, "interface_name"),
            )
        )

    def leave_multicast_group(self, multicast_address: str, interface_name: str) -> Error:
        """Stops receiving what is sent to the group joined with
        :meth:`join_multicast_group`."""
        return Error(
            lib.gdtls_packet_peer_udp_leave_multicast_group(
                self._h,
                to_text(multicast_address, "multicast_address"),
                to_text(interface_name, "interface_name"),
            )
        )


class UDPServer(RefCounted):
    """Godot's ``UDPServer``: one socket whose datagrams are sorted by
    source into peers; each new source is a pending connection for
    :meth:`take_connection`.

    gdtls differences: :meth:`is_connection_available`,
    :meth:`take_connection` and every read on a taken peer read the socket
    themselves, so code that never calls :meth:`poll` (Godot 3.2's examples)
    works; sources beyond ``max_pending_connections`` wait in a bounded
    backlog instead of being dropped.
    """

    __slots__ = ()
    _new_fn = lib.gdtls_udp_server_new
    _free_fn = lib.gdtls_udp_server_free
    _reference_fn = lib.gdtls_udp_server_reference

    def listen(self, port: int, bind_address: str = "*") -> Error:
        """Starts listening on ``port`` (0: any free port) of ``bind_address``
        (an IP address, or "*" for every IPv4 and IPv6 address). As in
        Godot the socket takes SO_REUSEADDR (but for port 0): a second server
        on a port in use is not refused, and the newest receives."""
        return Error(
            lib.gdtls_udp_server_listen(
                self._h, to_int(port, "port"), to_text(bind_address, "bind_address")
            )
        )

    def poll(self) -> Error:
        """Reads the socket and sorts what arrived into peers and pending
        connections. ``ERR_UNCONFIGURED`` when not listening."""
        return Error(lib.gdtls_udp_server_poll(self._h))

    def is_connection_available(self) -> bool:
        """True when a pending connection waits for :meth:`take_connection`."""
        return bool(lib.gdtls_udp_server_is_connection_available(self._h))

    def take_connection(self) -> Optional[PacketPeerUDP]:
        """The oldest pending connection: a peer connected to its source,
        holding what it sent so far. None when none is pending."""
        return PacketPeerUDP._wrap(lib.gdtls_udp_server_take_connection(self._h))

    def stop(self) -> Error:
        """Stops listening: pending connections are dropped and taken peers
        closed."""
        return Error(lib.gdtls_udp_server_stop(self._h))

    def is_listening(self) -> bool:
        """True while listening."""
        return bool(lib.gdtls_udp_server_is_listening(self._h))

    def get_local_port(self) -> int:
        """The port the server listens on; 0 when not listening."""
        return int(lib.gdtls_udp_server_get_local_port(self._h))

    def get_socket_fd(self) -> int:
        """The listening socket's descriptor, for a host that sleeps until a
        datagram arrives: when it is readable, :meth:`poll` and poll the
        connections. The socket stays the server's: do not read, write or
        close it. -1 when not listening (gdtls's own)."""
        return int(lib.gdtls_udp_server_get_socket_fd(self._h))

    def set_max_pending_connections(self, max_pending_connections: int) -> Error:
        """Sets how many connections may be pending at once (Godot's default
        16; 0 accepts no new source). ``ERR_INVALID_PARAMETER`` when
        negative."""
        return Error(
            lib.gdtls_udp_server_set_max_pending_connections(
                self._h, to_int(max_pending_connections, "max_pending_connections")
            )
        )

    def get_max_pending_connections(self) -> int:
        """How many connections may be pending at once."""
        return int(lib.gdtls_udp_server_get_max_pending_connections(self._h))

    @property
    def max_pending_connections(self) -> int:
        """Godot's property: :meth:`get_max_pending_connections`, and
        :meth:`set_max_pending_connections` on assignment, where a refused
        value raises ValueError with the library's message."""
        return self.get_max_pending_connections()

    @max_pending_connections.setter
    def max_pending_connections(self, value: int) -> None:
        if self.set_max_pending_connections(value) != Error.OK:
            raise ValueError(get_last_error_message())
