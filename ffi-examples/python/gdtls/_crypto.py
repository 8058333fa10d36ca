"""Godot's CryptoKey, X509Certificate and Crypto."""

from __future__ import annotations

import ctypes
from typing import Optional, Union

from ._convert import PathArg, read_out, to_bool, to_data, to_int, to_path, to_text
from ._error import Error
from ._native import PIN_SIZE, lib
from ._object import RefCounted

# A first guess at a PEM text's size (an RSA-4096 key's is 3.2 KiB); longer
# ones take a second call.
_PEM_CAPACITY = 8192


class CryptoKey(RefCounted):
    """Godot's ``CryptoKey``: an RSA or EC key, private or public only.

    gdtls differences: :meth:`load` replaces the content (a failed load
    keeps the old one), and reads only regular files of at most 1 MiB.
    """

    __slots__ = ()
    _new_fn = lib.gdtls_crypto_key_new
    _free_fn = lib.gdtls_crypto_key_free
    _reference_fn = lib.gdtls_crypto_key_reference

    def load(self, path: PathArg, public_only: bool = False) -> Error:
        """Loads a key from the file at ``path`` (PEM or DER): a public key
        with ``public_only``, otherwise a private key (PKCS#1 or PKCS#8,
        unencrypted). ``ERR_INVALID_PARAMETER`` for a file that cannot be
        read, ``FAILED`` for content that is not such a key."""
        return Error(
            lib.gdtls_crypto_key_load(
                self._h, to_path(path, "path"), to_bool(public_only, "public_only")
            )
        )

    def load_from_string(self, string_key: str, public_only: bool = False) -> Error:
        """Loads a key from PEM text; ``public_only`` as for :meth:`load`."""
        return Error(
            lib.gdtls_crypto_key_load_from_string(
                self._h, to_text(string_key, "string_key"), to_bool(public_only, "public_only")
            )
        )

    def load_from_buffer(
        self, buffer: Union[bytes, bytearray, memoryview], public_only: bool = False
    ) -> Error:
        """Loads a key from bytes, DER or PEM: keys kept in memory or in an
        archive. ``public_only`` and errors as for :meth:`load` (gdtls's
        own)."""
        data = to_data(buffer, "buffer")
        return Error(
            lib.gdtls_crypto_key_load_from_buffer(
                self._h, data, len(data), to_bool(public_only, "public_only")
            )
        )

    def save(self, path: PathArg, public_only: bool = False) -> Error:
        """Saves the key as PEM to the file at ``path``: the public part only
        with ``public_only`` or when there is no private part.
        ``ERR_UNCONFIGURED`` for an empty key."""
        return Error(
            lib.gdtls_crypto_key_save(
                self._h, to_path(path, "path"), to_bool(public_only, "public_only")
            )
        )

    def save_to_string(self, public_only: bool = False) -> str:
        """The key as PEM text, as :meth:`save` writes it; an empty string on
        failure (an empty key), as in Godot."""
        _, pem = read_out(
            lib.gdtls_crypto_key_save_to_string,
            (self._h, to_bool(public_only, "public_only")),
            _PEM_CAPACITY,
        )
        return pem.decode("utf-8")

    def is_public_only(self) -> bool:
        """True when the key has no private part (loaded ``public_only``, or
        empty)."""
        return bool(lib.gdtls_crypto_key_is_public_only(self._h))


class X509Certificate(RefCounted):
    """Godot's ``X509Certificate``: one certificate, or a chain of them in
    order.

    gdtls differences: :meth:`load` replaces the content (Godot appends) and
    takes a file whole or not at all; :meth:`get_count` is gdtls's own.
    """

    __slots__ = ()
    _new_fn = lib.gdtls_x509_certificate_new
    _free_fn = lib.gdtls_x509_certificate_free
    _reference_fn = lib.gdtls_x509_certificate_reference

    def load(self, path: PathArg) -> Error:
        """Loads every certificate in the file at ``path`` (PEM, possibly a
        chain; or one DER certificate). ``FAILED`` when any of them does not
        parse; on error the previous content is kept."""
        return Error(lib.gdtls_x509_certificate_load(self._h, to_path(path, "path")))

    def load_from_string(self, string: str) -> Error:
        """Loads every certificate in PEM text; errors as for :meth:`load`."""
        return Error(
            lib.gdtls_x509_certificate_load_from_string(self._h, to_text(string, "string"))
        )

    def load_from_buffer(self, buffer: Union[bytes, bytearray, memoryview]) -> Error:
        """Loads certificates from bytes: one in DER, or a chain in PEM.
        Errors as for :meth:`load` (gdtls's own)."""
        data = to_data(buffer, "buffer")
        return Error(lib.gdtls_x509_certificate_load_from_buffer(self._h, data, len(data)))

    def save(self, path: PathArg) -> Error:
        """Saves every certificate of the chain as PEM to the file at
        ``path``. ``ERR_UNCONFIGURED`` when empty."""
        return Error(lib.gdtls_x509_certificate_save(self._h, to_path(path, "path")))

    def save_to_string(self) -> str:
        """Every certificate of the chain as PEM text; an empty string on
        failure (an empty certificate), as in Godot."""
        _, pem = read_out(lib.gdtls_x509_certificate_save_to_string, (self._h,), _PEM_CAPACITY)
        return pem.decode("utf-8")

    def get_count(self) -> int:
        """How many certificates the object holds: 0 when empty, more than 1
        for a chain (gdtls's own)."""
        return int(lib.gdtls_x509_certificate_get_count(self._h))

    def get_sha256_pin(self, kind: int) -> bytes:
        """The SHA-256 pin of the first certificate, as
        ``TLSOptions.add_pin`` takes it (32 bytes): of its public key
        (``kind`` ``PIN_PUBLIC_KEY``, its SubjectPublicKeyInfo) or of the
        whole certificate (``PIN_CERTIFICATE``). ``b""`` on failure (an
        empty certificate, an unknown kind; see
        :func:`gdtls.get_last_error`) (gdtls's own)."""
        pin = ctypes.create_string_buffer(PIN_SIZE)
        error = lib.gdtls_x509_certificate_get_sha256_pin(self._h, to_int(kind, "kind"), pin)
        return pin.raw if error == Error.OK else b""


class Crypto:
    """Godot's ``Crypto``: the key and certificate generation DTLS needs,
    and ECDSA keys (gdtls's own).

    Godot 4's general cryptography (``sign``, ``encrypt``, ``hmac_digest``,
    ...) is not part of gdtls: Python has ``hashlib``, ``hmac`` and
    ``secrets`` for it.
    """

    __slots__ = ()

    def generate_rsa(self, size: int) -> Optional[CryptoKey]:
        """Generates an RSA key of ``size`` bits with exponent 65537 (slow:
        seconds for 4096 bits). gdtls accepts even sizes from 512 to 8192;
        another gives None with ``ERR_INVALID_PARAMETER`` (see
        :func:`gdtls.get_last_error_message`)."""
        return CryptoKey._wrap(lib.gdtls_crypto_generate_rsa(to_int(size, "size")))

    def generate_ecdsa(self, curve: str) -> Optional[CryptoKey]:
        """Generates an ECDSA key on ``curve``: "P-256" or "P-384" (also
        "secp256r1" and "secp384r1"). Handshakes with EC keys are several
        times faster than with RSA; Godot, OpenSSL and GnuTLS peers accept
        them. Another curve gives None with ``ERR_INVALID_PARAMETER``
        (gdtls's own)."""
        return CryptoKey._wrap(lib.gdtls_crypto_generate_ecdsa(to_text(curve, "curve")))

    def generate_self_signed_certificate(
        self,
        key: CryptoKey,
        issuer_name: str = "CN=myserver,O=myorganisation,C=IT",
        not_before: str = "20140101000000",
        not_after: str = "20340101000000",
    ) -> Optional[X509Certificate]:
        """Generates a self-signed certificate for the private ``key``, with
        ``issuer_name`` as subject and issuer, valid from ``not_before`` to
        ``not_after`` (UTC, "YYYYMMDDhhmmss"), signed with SHA-256 (SHA-384
        for a P-384 key) and marked as a CA so that a client can trust it
        directly. None on failure (a public-only or empty key, a malformed
        name or time)."""
        return X509Certificate._wrap(
            lib.gdtls_crypto_generate_self_signed_certificate(
                CryptoKey._arg(key, "key"),
                to_text(issuer_name, "issuer_name"),
                to_text(not_before, "not_before"),
                to_text(not_after, "not_after"),
            )
        )
