"""The base of every class that owns a gdtls handle."""

from __future__ import annotations

import weakref
from typing import Callable, Optional, Type, TypeVar

_T = TypeVar("_T", bound="RefCounted")


class RefCounted:
    """An owner of one gdtls handle, as a GDScript variable is one ``Ref`` to
    a Godot ``RefCounted`` object.

    The handle is released when the object is collected, or at once with
    :meth:`free` (or at the end of a ``with`` block); releasing twice does
    nothing. The gdtls object itself lives while anything holds it: TLS
    options keep their key, a DTLS peer its UDP peer. Using an object after
    :meth:`free` raises ValueError.
    """

    __slots__ = ("_handle", "_finalizer", "__weakref__")

    # Set by each class to its C functions.
    _new_fn: Callable[[], int]
    _free_fn: Callable[[int], int]
    _reference_fn: Callable[[int], Optional[int]]

    def __init__(self) -> None:
        """Creates the object, as ``ClassName.new()`` does in GDScript."""
        self._own(type(self)._new_fn())

    def _own(self, handle: int) -> None:
        self._handle: Optional[int] = handle
        # The finalizer holds the handle, never self, and runs at most once.
        self._finalizer = weakref.finalize(self, type(self)._free_fn, handle)

    @classmethod
    def _wrap(cls: Type[_T], handle: Optional[int]) -> Optional[_T]:
        """An owner of ``handle`` (a new reference the library returned), or
        None for NULL."""
        if not handle:
            return None
        obj = cls.__new__(cls)
        obj._own(handle)
        return obj

    @property
    def _h(self) -> int:
        """This object's handle, for a call on it."""
        if self._handle is None:
            raise ValueError(f"this {type(self).__name__} was freed")
        return self._handle

    @classmethod
    def _arg(cls, value: object, name: str, *, optional: bool = False) -> Optional[int]:
        """The handle of ``value`` as an argument: TypeError unless it is an
        instance of this class (or None, when ``optional``)."""
        if value is None and optional:
            return None
        if not isinstance(value, cls):
            wanted = f"{cls.__name__} or None" if optional else cls.__name__
            raise TypeError(f"{name} must be {wanted}, not {type(value).__name__}")
        return value._h

    def free(self) -> None:
        """Releases this handle now, as ``gdtls_<class>_free`` does, instead of
        when the object is collected. Other handles to the same object
        (:meth:`reference`, objects that use it) keep it alive. Calling it
        again does nothing."""
        self._handle = None
        self._finalizer()

    def reference(self: _T) -> _T:
        """A second, independent owner of the same object, as Godot's
        ``RefCounted.reference`` adds a ``Ref`` (``gdtls_<class>_reference``
        in C): the object lives until both are released."""
        obj = type(self)._wrap(type(self)._reference_fn(self._h))
        if obj is None:  # only when another thread freed this one meanwhile
            raise ValueError(f"this {type(self).__name__} was freed")
        return obj

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.free()

    def __repr__(self) -> str:
        state = "freed" if self._handle is None else f"handle {self._handle}"
        return f"<gdtls.{type(self).__name__} {state}>"
