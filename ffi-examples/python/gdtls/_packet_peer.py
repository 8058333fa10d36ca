"""Godot's PacketPeer: what PacketPeerUDP and PacketPeerDTLS share."""

from __future__ import annotations

from typing import Callable, Union

from ._convert import read_out, to_data
from ._error import Error
from ._object import RefCounted


class PacketPeer(RefCounted):
    """Godot's ``PacketPeer``: sends and receives whole packets.

    Packets are ``bytes`` (Godot's ``PackedByteArray``): encode text first,
    as GDScript's ``to_utf8_buffer`` does. ``get_var`` and ``put_var``
    (Godot's Variant encoding) have no gdtls counterpart.
    """

    __slots__ = ("_packet_error",)

    # Set by each class to its C functions, and the buffer a packet is
    # first read into (a larger packet takes a second call).
    _get_packet_fn: Callable[..., int]
    _put_packet_fn: Callable[..., int]
    _available_packet_count_fn: Callable[[int], int]
    _max_packet_size_fn: Callable[[int], int]
    _packet_capacity: int

    def _own(self, handle: int) -> None:
        super()._own(handle)
        self._packet_error = Error.OK

    def get_available_packet_count(self) -> int:
        """How many received packets wait to be read."""
        return int(type(self)._available_packet_count_fn(self._h))

    def get_packet(self) -> bytes:
        """The next received packet, removed from the queue. On failure
        ``b""``, and :meth:`get_packet_error` says why (``ERR_UNAVAILABLE``
        when none is waiting), as in Godot."""
        self._packet_error, packet = read_out(
            type(self)._get_packet_fn, (self._h,), type(self)._packet_capacity
        )
        return packet

    def get_packet_error(self) -> Error:
        """The Error of the last :meth:`get_packet` on this object (``OK``
        before any)."""
        return self._packet_error

    def put_packet(self, buffer: Union[bytes, bytearray, memoryview]) -> Error:
        """Sends ``buffer`` as one packet. A str is refused with TypeError:
        encode it first (``"text".encode()``)."""
        payload = to_data(buffer, "buffer")
        return Error(type(self)._put_packet_fn(self._h, payload, len(payload)))

    def get_max_packet_size(self) -> int:
        """The largest packet :meth:`put_packet` accepts (gdtls's own: Godot
        keeps it internal)."""
        return int(type(self)._max_packet_size_fn(self._h))
