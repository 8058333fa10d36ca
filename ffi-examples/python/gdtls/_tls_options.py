"""Godot's TLSOptions."""

from __future__ import annotations

from typing import Optional

from ._convert import read_out, to_text
from ._crypto import CryptoKey, X509Certificate
from ._native import lib
from ._object import RefCounted


class TLSOptions(RefCounted):
    """Godot's ``TLSOptions``: what a client trusts, or what a server
    presents. Made only by :meth:`client`, :meth:`client_unsafe` and
    :meth:`server`; immutable once made.

    Each constructor returns None when it refuses its arguments (then see
    :func:`gdtls.get_last_error_message`). gdtls differences: every
    constructor refuses an empty certificate, and :meth:`server` a key that
    does not match the certificate, instead of failing in the handshake.
    """

    __slots__ = ()
    _free_fn = lib.gdtls_tls_options_free
    _reference_fn = lib.gdtls_tls_options_reference

    def __init__(self) -> None:
        """Refused: options come from :meth:`client`, :meth:`client_unsafe`
        or :meth:`server`."""
        raise TypeError("TLSOptions are made by TLSOptions.client(), client_unsafe() or server()")

    @staticmethod
    def client(
        trusted_chain: Optional[X509Certificate] = None, common_name_override: str = ""
    ) -> Optional[TLSOptions]:
        """Options for a client that verifies the server: its certificate must
        chain to ``trusted_chain`` (None: the system's CA bundle) and name the
        host given to ``connect_to_peer``, or ``common_name_override`` when not
        empty."""
        return TLSOptions._wrap(
            lib.gdtls_tls_options_client(
                X509Certificate._arg(trusted_chain, "trusted_chain", optional=True),
                to_text(common_name_override, "common_name_override"),
            )
        )

    @staticmethod
    def client_unsafe(trusted_chain: Optional[X509Certificate] = None) -> Optional[TLSOptions]:
        """Options for a client that does not verify the server's certificate
        at all. For testing only: anyone on the path can impersonate the
        server. ``trusted_chain`` is only kept for
        :meth:`get_trusted_ca_chain`, as in Godot."""
        return TLSOptions._wrap(
            lib.gdtls_tls_options_client_unsafe(
                X509Certificate._arg(trusted_chain, "trusted_chain", optional=True)
            )
        )

    @staticmethod
    def server(key: CryptoKey, certificate: X509Certificate) -> Optional[TLSOptions]:
        """Options for a server presenting ``certificate`` (its first
        certificate, then the rest of the chain) with the matching private
        ``key``."""
        return TLSOptions._wrap(
            lib.gdtls_tls_options_server(
                CryptoKey._arg(key, "key"), X509Certificate._arg(certificate, "certificate")
            )
        )

    def is_server(self) -> bool:
        """True for options made by :meth:`server`."""
        return bool(lib.gdtls_tls_options_is_server(self._h))

    def is_unsafe_client(self) -> bool:
        """True for options made by :meth:`client_unsafe`."""
        return bool(lib.gdtls_tls_options_is_unsafe_client(self._h))

    def get_common_name_override(self) -> str:
        """The common name override given to :meth:`client` (empty when none)."""
        _, name = read_out(lib.gdtls_tls_options_get_common_name_override, (self._h,), 256)
        return name.decode("utf-8")

    def get_trusted_ca_chain(self) -> Optional[X509Certificate]:
        """The trusted CA chain given to the client options, or None."""
        return X509Certificate._wrap(lib.gdtls_tls_options_get_trusted_ca_chain(self._h))

    def get_private_key(self) -> Optional[CryptoKey]:
        """The server options' private key, or None for client options."""
        return CryptoKey._wrap(lib.gdtls_tls_options_get_private_key(self._h))

    def get_own_certificate(self) -> Optional[X509Certificate]:
        """The server options' certificate, or None for client options."""
        return X509Certificate._wrap(lib.gdtls_tls_options_get_own_certificate(self._h))
