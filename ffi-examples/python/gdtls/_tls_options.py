"""Godot's TLSOptions, and what gdtls adds to it."""

from __future__ import annotations

import ctypes
from typing import Callable, Optional, Union

from ._callbacks import Registry, report
from ._convert import read_out, to_bool, to_data, to_int, to_text
from ._crypto import CryptoKey, X509Certificate
from ._error import Error
from ._native import PIN_SIZE, PskLookupFn, ReleaseFn, lib
from ._object import RefCounted

#: What a PSK server's lookup returns: the identity's key, or None to
#: refuse it.
PskKey = Optional[Union[bytes, bytearray, memoryview]]

# The lookup of every live PSK server's options, by the token gdtls passes
# back to the callbacks as their user_data, until the library releases it
# (when the options and every server and connection made from them are gone).
_lookups = Registry()


def _lookup(token: int, identity: int, identity_len: int, key_out: int, key_cap: int) -> int:
    lookup = _lookups.get(token)
    try:
        key = lookup(ctypes.string_at(identity, identity_len))
        if key is None:
            return 0
        key = to_data(key, "the key the lookup returned")
        if len(key) > key_cap:
            raise ValueError(f"the lookup returned a key of {len(key)} bytes, more than {key_cap}")
        ctypes.memmove(key_out, key, len(key))
        return len(key)
    except Exception:
        report(f"the PSK lookup {lookup!r}", "the identity is refused")
        return 0


def _release_lookup(token: int) -> None:
    _lookups.pop(token)


_LOOKUP = PskLookupFn(_lookup)
_RELEASE_LOOKUP = ReleaseFn(_release_lookup)


class TLSOptions(RefCounted):
    """Godot's ``TLSOptions``: what a client trusts, or what a server
    presents. Made by :meth:`client`, :meth:`client_unsafe` and
    :meth:`server`, as in Godot, or by gdtls's pre-shared key constructors
    (:meth:`client_psk`, :meth:`server_psk`, :meth:`server_psk_key`).
    Godot's part is immutable once made; gdtls's setters (pins, revocation
    lists, client certificates, MTU, suites, curves, session resumption)
    apply to connections and server setups made after them.

    Each constructor returns None when it refuses its arguments (then see
    :func:`gdtls.get_last_error_message`). gdtls differences: every
    constructor refuses an empty certificate, and :meth:`server` a key that
    does not match the certificate, instead of failing in the handshake.
    """

    __slots__ = ()
    _free_fn = lib.gdtls_tls_options_free
    _reference_fn = lib.gdtls_tls_options_reference

    def __init__(self) -> None:
        """Refused: options come from :meth:`client`, :meth:`client_unsafe`,
        :meth:`server` or the PSK constructors."""
        raise TypeError(
            "TLSOptions are made by TLSOptions.client(), client_unsafe(), server(), "
            "client_psk(), server_psk() or server_psk_key()"
        )

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

    @staticmethod
    def client_psk(
        identity: Union[bytes, bytearray, memoryview], key: Union[bytes, bytearray, memoryview]
    ) -> Optional[TLSOptions]:
        """Options for a client that proves itself with a pre-shared key
        instead of certificates: ``identity`` (1 to 128 bytes) names it to
        the server, ``key`` (1 to ``MAX_PSK_LEN`` bytes) is the secret both
        sides know. Only PSK suites are offered, ECDHE-PSK first. None for a
        length out of range (gdtls's own)."""
        identity = to_data(identity, "identity")
        key = to_data(key, "key")
        return TLSOptions._wrap(
            lib.gdtls_tls_options_client_psk(identity, len(identity), key, len(key))
        )

    @staticmethod
    def server_psk(lookup: Callable[[bytes], PskKey]) -> Optional[TLSOptions]:
        """Options for a server that accepts clients by pre-shared key:
        ``lookup(identity)`` gets a client's identity (bytes) and returns its
        key (1 to ``MAX_PSK_LEN`` bytes), or None to refuse it (the client's
        handshake then fails). It runs during the ``take_connection`` or
        ``poll`` that drives the handshake, and must not call gdtls on that
        server or peer. An exception it raises is printed to stderr and
        refuses the identity. The options keep ``lookup`` for as long as
        they, or a server or connection made from them, live (gdtls's own)."""
        if not callable(lookup):
            raise TypeError(f"lookup must be callable, not {type(lookup).__name__}")
        token = _lookups.add(lookup)
        options = TLSOptions._wrap(
            lib.gdtls_tls_options_server_psk(_LOOKUP, token, _RELEASE_LOOKUP)
        )
        if options is None:  # refused before it took the lookup: no release comes
            _lookups.pop(token)
        return options

    @staticmethod
    def server_psk_key(key: Union[bytes, bytearray, memoryview]) -> Optional[TLSOptions]:
        """Options for a PSK server whose one ``key`` (1 to ``MAX_PSK_LEN``
        bytes) opens every client identity. None for a length out of range
        (gdtls's own)."""
        key = to_data(key, "key")
        return TLSOptions._wrap(lib.gdtls_tls_options_server_psk_key(key, len(key)))

    def add_pin(self, kind: int, sha256: Union[bytes, bytearray, memoryview]) -> Error:
        """Pins the other side: its chain must then hold a public key
        (``kind`` ``PIN_PUBLIC_KEY``) or a certificate (``PIN_CERTIFICATE``)
        whose SHA-256 is ``sha256`` (32 bytes, as
        ``X509Certificate.get_sha256_pin`` gives it) or one of the other
        pins, or the handshake fails with ``ERR_UNAUTHORIZED``. With
        :meth:`client_unsafe` options the pins stand in for a CA; server
        options pin client certificates. ValueError for a ``sha256`` of
        another length; ``ERR_INVALID_PARAMETER`` for an unknown ``kind``
        (gdtls's own)."""
        pin = to_data(sha256, "sha256")
        if len(pin) != PIN_SIZE:
            raise ValueError(f"sha256 must be {PIN_SIZE} bytes, not {len(pin)}")
        return Error(lib.gdtls_tls_options_add_pin(self._h, to_int(kind, "kind"), pin))

    def add_crl(self, crl: Union[bytes, bytearray, memoryview]) -> Error:
        """Adds certificate revocation lists, PEM (one or more) or one DER
        list: a peer certificate they revoke is refused. ``FAILED`` for bytes
        that are not a revocation list (gdtls's own)."""
        data = to_data(crl, "crl")
        return Error(lib.gdtls_tls_options_add_crl(self._h, data, len(data)))

    def set_mtu(self, mtu: int) -> Error:
        """Sets the largest datagram connections made with the options write
        (``MIN_MTU`` to ``MAX_MTU``, default ``DTLS_MTU``): handshake flights
        are cut to fit, and ``get_max_packet_size`` follows. An MTU out of
        that range is ``ERR_INVALID_PARAMETER`` (gdtls's own)."""
        return Error(lib.gdtls_tls_options_set_mtu(self._h, to_int(mtu, "mtu", "uint16")))

    def get_mtu(self) -> int:
        """The largest datagram connections made with the options write
        (gdtls's own)."""
        return int(lib.gdtls_tls_options_get_mtu(self._h))

    def set_cipher_suites(self, names: str) -> Error:
        """Sets the cipher suites to offer or accept, in order of preference,
        by mbedTLS's names separated by commas or colons
        ("TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256,..."); "" restores the
        default, forward-secret AEAD suites only. An unknown name is
        ``ERR_INVALID_PARAMETER`` and changes nothing (gdtls's own)."""
        return Error(lib.gdtls_tls_options_set_cipher_suites(self._h, to_text(names, "names")))

    def set_curves(self, names: str) -> Error:
        """Sets the key exchange's curves, in order of preference
        ("x25519,secp256r1"); "" restores the default. Errors as for
        :meth:`set_cipher_suites` (gdtls's own)."""
        return Error(lib.gdtls_tls_options_set_curves(self._h, to_text(names, "names")))

    def set_client_certificate(self, key: CryptoKey, certificate: X509Certificate) -> Error:
        """Gives client options a ``certificate`` (then the rest of its
        chain) and its private ``key``, sent to servers that ask for one.
        ``ERR_INVALID_PARAMETER`` for server options, an empty or public-only
        key, or a key that does not match (gdtls's own)."""
        return Error(
            lib.gdtls_tls_options_set_client_certificate(
                self._h,
                CryptoKey._arg(key, "key"),
                X509Certificate._arg(certificate, "certificate"),
            )
        )

    def set_client_verification(self, trusted_chain: X509Certificate, required: bool) -> Error:
        """Makes a server set up with these options ask each client for a
        certificate chaining to ``trusted_chain``. With ``required`` a client
        without one is refused; without, it is let in (and shows none). A
        bad certificate is refused either way. ``ERR_INVALID_PARAMETER`` for
        options other than :meth:`server`'s (gdtls's own)."""
        return Error(
            lib.gdtls_tls_options_set_client_verification(
                self._h,
                X509Certificate._arg(trusted_chain, "trusted_chain"),
                to_bool(required, "required"),
            )
        )

    def set_session_resumption(self, enabled: bool) -> Error:
        """Sets whether clients made with these options resume the sessions
        they establish, when they reconnect to the same server (on by
        default; off forgets the saved sessions) (gdtls's own)."""
        return Error(
            lib.gdtls_tls_options_set_session_resumption(self._h, to_bool(enabled, "enabled"))
        )

    def get_session_resumption(self) -> bool:
        """True when clients made with the options resume sessions (gdtls's
        own)."""
        return bool(lib.gdtls_tls_options_get_session_resumption(self._h))
