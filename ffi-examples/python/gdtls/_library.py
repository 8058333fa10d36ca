"""What concerns the library as a whole: the last error, the version, the
live handles, and its functions by name."""

from __future__ import annotations

from typing import Optional

from ._convert import to_int, to_text
from ._error import Error
from ._native import lib


def get_last_error() -> Error:
    """The Error of the last failing gdtls call on this thread, or ``OK`` if
    none failed yet (or since :func:`clear_last_error`). Successful calls
    leave it alone, like ``errno``: read it after a call that failed."""
    return Error(lib.gdtls_get_last_error())


def get_last_error_message() -> str:
    """The library's words for the last failing gdtls call on this thread:
    the function, what was wrong and, where mbedTLS was involved, its error
    text. Empty if none failed yet. Where Godot prints such messages, gdtls
    returns the Error and keeps the words here."""
    message: bytes = lib.gdtls_get_last_error_message()
    return message.decode("utf-8", "replace")


def clear_last_error() -> None:
    """Forgets this thread's last error, so that a failure that follows is
    told from an older one."""
    lib.gdtls_clear_last_error()


def error_string(error: int) -> str:
    """Godot's short description of an Error ("Invalid parameter" for
    ``ERR_INVALID_PARAMETER``), as GDScript's ``error_string``; "Unknown
    error" for a number outside the table."""
    text: bytes = lib.gdtls_error_string(to_int(error, "error"))
    return text.decode("utf-8")


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH" (``gdtls.VERSION``
    is the one this binding was written for)."""
    text: bytes = lib.gdtls_version()
    return text.decode("ascii")


def live_handle_count() -> int:
    """How many gdtls handles of any class are live in this process: compare
    it with an earlier reading to find objects still held."""
    return int(lib.gdtls_live_handle_count())


def get_proc_address(name: str) -> Optional[int]:
    """The address of the library's function ``name`` (as a plugin host
    resolves it), or None when there is no such function. Wrap it with a
    ``ctypes.CFUNCTYPE`` of the function's C type to call it."""
    address: Optional[int] = lib.gdtls_get_proc_address(to_text(name, "name"))
    return address
