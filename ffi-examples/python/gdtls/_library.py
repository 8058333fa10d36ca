"""What concerns the library as a whole: the last error, the version, the
live handles, its functions by name, and where its log goes."""

from __future__ import annotations

import atexit
from typing import Callable, Optional

from ._callbacks import Registry, report
from ._convert import to_int, to_text
from ._error import Error
from ._native import LOG_ERROR, LOG_NONE, LogFn, lib


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


def version_number() -> int:
    """The loaded library's version as one number, ``MAJOR << 16 | MINOR <<
    8 | PATCH``, to compare with ``gdtls.VERSION_NUMBER`` (gdtls's own)."""
    return int(lib.gdtls_version_number())


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


# The log callback set last, by the token gdtls passes back as user_data. A
# line on its way to a callback that was replaced meanwhile finds nothing
# under its token, and is dropped.
_loggers = Registry()
_current_logger = 0


def _log(token: int, level: int, message: bytes) -> None:
    try:
        callback = _loggers.get(token)
    except KeyError:
        return
    try:
        callback(level, message.decode("utf-8", "replace"))
    except Exception:
        report(f"the log callback {callback!r}", "the line is dropped")


_LOG = LogFn(_log)


def set_log_callback(
    callback: Optional[Callable[[int, str], object]], level: int = LOG_ERROR
) -> Error:
    """Sends the library's messages up to ``level`` (``LOG_ERROR`` to
    ``LOG_VERBOSE``) to ``callback(level, message)``, for every object,
    from now on, until it is called again; None (or ``LOG_NONE``) stops
    logging, the default: the library prints nothing. The messages are
    mbedTLS's debug output at its own levels (2: handshake steps, 3:
    messages, 4: dumps) and gdtls's notices (refused handshakes, idle
    timeouts), one line each. The callback runs on the thread whose gdtls
    call logged, must return quickly and must not call
    ``set_log_callback``; an exception it raises is printed to stderr and
    the line dropped. ``ERR_INVALID_PARAMETER`` for a level out of range,
    and nothing changes (gdtls's own)."""
    global _current_logger
    level = to_int(level, "level")
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable or None, not {type(callback).__name__}")
    token = 0 if callback is None else _loggers.add(callback)
    error = Error(lib.gdtls_set_log_callback(_LOG if token else LogFn(), token, level))
    # The callback the library no longer calls goes: the one replaced, or
    # the one it refused.
    unused = _current_logger if error == Error.OK else token
    if error == Error.OK:
        _current_logger = token
    if unused:
        _loggers.pop(unused)
    return error


@atexit.register
def _stop_logging() -> None:
    """Stops logging at exit: objects freed while the interpreter shuts
    down may still log, when it can no longer run a Python callback."""
    if _current_logger:
        set_log_callback(None, LOG_NONE)
