"""Python objects that the library calls back: the tokens it holds them by,
and what becomes of an exception one raises.

C keeps a ``void *user_data`` for each host object and passes it back to
the callbacks. The package passes a token instead, and keeps the object in
a :class:`Registry` under it until the library releases it: so the object
lives exactly as long as C may call it, whatever Python holds. The
callbacks themselves are module-level ``CFUNCTYPE`` objects, which live as
long as the package.
"""

from __future__ import annotations

import itertools
import sys
import traceback
from typing import Any, Dict

# One sequence for every registry: a token names one object, whichever
# callback it is handed to.
_tokens = itertools.count(1)


class Registry:
    """The host objects of one kind of callback, by token."""

    def __init__(self) -> None:
        self._objects: Dict[int, Any] = {}

    def add(self, obj: Any) -> int:
        """Keeps ``obj`` until :meth:`pop`; its token, never 0 (C's NULL)."""
        token = next(_tokens)
        self._objects[token] = obj
        return token

    def get(self, token: int) -> Any:
        """The object kept under ``token``; KeyError once it is popped."""
        return self._objects[token]

    def pop(self, token: int) -> Any:
        """Lets the object kept under ``token`` go, and returns it."""
        return self._objects.pop(token)


def report(what: str, consequence: str) -> None:
    """Prints the exception being handled, raised by the host's ``what``,
    and what the library makes of it: an exception cannot cross into C."""
    print(f"gdtls: {what} raised; {consequence}:", file=sys.stderr)
    traceback.print_exc()
