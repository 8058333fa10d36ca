"""Python values to C arguments, and C output buffers to Python values.

ctypes would silently wrap an out-of-range integer and stop a string at an
embedded NUL; these checks refuse such values instead, so that what reaches
the library is exactly what the caller wrote. Values of the right C type
but outside a function's range are the library's to refuse, with its own
Error and message.
"""

from __future__ import annotations

import ctypes
import operator
import os
from typing import Callable, SupportsIndex, Tuple, Union

from ._error import Error

_RANGES = {
    "int32": (-(2**31), 2**31 - 1),
    "uint16": (0, 2**16 - 1),
    "uint32": (0, 2**32 - 1),
}

#: What a path parameter takes.
PathArg = Union[str, "os.PathLike[str]"]


def _kind(value: object) -> str:
    return type(value).__name__


def to_int(value: object, name: str, ctype: str = "int32") -> int:
    """``value`` as a C integer of type ``ctype``: TypeError unless it is an
    integer (an int or anything with ``__index__``, but not a bool),
    OverflowError when the type cannot hold it."""
    if isinstance(value, bool) or not isinstance(value, SupportsIndex):
        raise TypeError(f"{name} must be int, not {_kind(value)}")
    number = operator.index(value)
    low, high = _RANGES[ctype]
    if not low <= number <= high:
        raise OverflowError(f"{name} is {number}, outside the C API's {ctype} ({low} to {high})")
    return number


def to_bool(value: object, name: str) -> bool:
    """``value`` as a C bool: TypeError unless it is a bool."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be bool, not {_kind(value)}")
    return value


def to_text(value: object, name: str) -> bytes:
    """``value`` as a NUL-terminated UTF-8 string: TypeError unless it is a
    str, ValueError for a NUL inside it (C would see only what precedes it)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {_kind(value)}")
    if "\0" in value:
        raise ValueError(f"{name} contains a NUL character")
    return value.encode("utf-8")


def to_path(value: object, name: str) -> bytes:
    """A file path (str or ``os.PathLike`` of str) as :func:`to_text` gives it."""
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str or os.PathLike[str], not {_kind(value)}")
    return to_text(value, name)


def to_data(value: object, name: str) -> bytes:
    """Bytes to send: bytes, bytearray or memoryview (Godot's
    PackedByteArray). TypeError for anything else, a str included: encode
    it first, as GDScript's ``to_utf8_buffer``."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{name} must be bytes, bytearray or memoryview, not {_kind(value)}")


def read_out(
    function: Callable[..., int], args: Tuple[object, ...], capacity: int
) -> Tuple[Error, bytes]:
    """Calls ``function(*args, buf, cap, out_len)``, the C API's way of
    giving data out, with a buffer of ``capacity`` bytes and, when the
    library says it needs more, again with as much as it needs (it loses
    nothing in between). Returns the Error and the data (empty on error)."""
    while True:
        buf = ctypes.create_string_buffer(capacity)
        size = ctypes.c_size_t(0)
        error = Error(function(*args, buf, capacity, ctypes.byref(size)))
        # A string needs room for its NUL too: size + 1 covers both cases.
        if error == Error.ERR_PARAMETER_RANGE_ERROR and size.value >= capacity:
            capacity = size.value + 1
            continue
        return error, ctypes.string_at(buf, size.value) if error == Error.OK else b""
