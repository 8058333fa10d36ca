"""Unit tests of the gdtls Python binding, on the standard library alone:
names, defaults and Error values as in GDScript, wrong types refused, handles
released, UDP and DTLS exchanges inside this process over 127.0.0.1, and
what gdtls adds to Godot (pre-shared keys with a Python lookup, pinning,
what a connection negotiated, session resumption, a Python log callback).

Run from this folder with the package importable and the library found:
    GDTLS_LIBRARY=../../target/release/libgdtls.so python3 test_gdtls.py
"""

import collections
import contextlib
import ctypes
import gc
import inspect
import io
import hashlib
import os
import re
import socket
import ssl
import stat
import tempfile
import time
import unittest
import weakref
from pathlib import Path

import gdtls

HEADER = Path(__file__).resolve().parents[2] / "include" / "gdtls.h"
Status = gdtls.PacketPeerDTLS.Status
PSK = bytes(range(16))


def setUpModule():
    global KEY, CERT
    crypto = gdtls.Crypto()
    KEY = crypto.generate_rsa(2048)
    CERT = crypto.generate_self_signed_certificate(KEY, "CN=localhost,O=gdtls test")


def tearDownModule():
    global KEY, CERT
    del KEY, CERT


def run_frames(until, seconds=10.0):
    """Calls ``until()`` every 1 ms frame until it is true; False after
    ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until():
            return True
        time.sleep(0.001)
    return False


class DtlsServerLoop:
    """The class reference's server.gd, one frame per ``frame()``, on a port
    of 127.0.0.1 chosen by the system."""

    def __init__(self, options=None):
        self.udp = gdtls.UDPServer()
        assert self.udp.listen(0, "127.0.0.1") == gdtls.OK
        self.dtls = gdtls.DTLSServer()
        if options is not None:
            assert self.dtls.setup(options) == gdtls.OK
        self.peers = []
        self.cookie_requests = 0

    @property
    def port(self):
        return self.udp.get_local_port()

    def frame(self):
        while self.udp.is_connection_available():
            peer = self.dtls.take_connection(self.udp.take_connection())
            if peer.get_status() != Status.STATUS_HANDSHAKING:
                self.cookie_requests += 1
                continue
            self.peers.append(peer)
        for p in self.peers:
            p.poll()


def connect(server, client, poll_errors=None):
    """Drives ``server`` and ``client`` until the client's handshake ends;
    returns the server's peer for it (None if it has none). What each of
    the client's polls returned is added to ``poll_errors`` when given."""

    def settled():
        server.frame()
        error = client.poll()
        if poll_errors is not None:
            poll_errors.append(error)
        return client.get_status() != Status.STATUS_HANDSHAKING and (
            client.get_status() != Status.STATUS_CONNECTED
            or any(p.get_status() == Status.STATUS_CONNECTED for p in server.peers)
        )

    assert run_frames(settled), f"the handshake did not end: {client.get_status()!r}"
    return server.peers[-1] if server.peers else None


def dial(port, options, handshake_timeout=None):
    """A client of 127.0.0.1:``port`` whose handshake has started, with
    ``options``; ``handshake_timeout`` (min, max) bounds the wait of one
    that would otherwise wait for a server that stays silent."""
    udp, client = gdtls.PacketPeerUDP(), gdtls.PacketPeerDTLS()
    assert udp.connect_to_host("127.0.0.1", port) == gdtls.OK
    if handshake_timeout is not None:
        assert client.set_handshake_timeout_msec(*handshake_timeout) == gdtls.OK
    assert client.connect_to_peer(udp, "localhost", options) == gdtls.OK
    return client


def deliver(sender, receiver, packet):
    """Sends ``packet`` and returns what ``receiver`` gets (b"" if nothing
    came)."""
    assert sender.put_packet(packet) == gdtls.OK
    run_frames(lambda: receiver.poll() == gdtls.OK and receiver.get_available_packet_count() > 0)
    return receiver.get_packet()


def header_defines():
    """The integer macros of gdtls.h, without their GDTLS_ prefix."""
    text = HEADER.read_text()
    return {m[1]: int(m[2]) for m in re.finditer(r"#define GDTLS_(\w+) (\d+)\n", text)}


class NamesAndValues(unittest.TestCase):
    def test_classes_have_godots_methods(self):
        packet_peer = ["get_available_packet_count", "get_packet", "get_packet_error", "put_packet"]
        godot = {
            gdtls.PacketPeerUDP: packet_peer
            + [
                "bind",
                "close",
                "connect_to_host",
                "get_local_port",
                "get_packet_ip",
                "get_packet_port",
                "is_bound",
                "is_socket_connected",
                "join_multicast_group",
                "leave_multicast_group",
                "set_broadcast_enabled",
                "set_dest_address",
                "wait",
            ],
            gdtls.UDPServer: [
                "listen",
                "poll",
                "is_connection_available",
                "is_listening",
                "take_connection",
                "stop",
                "get_local_port",
                "get_max_pending_connections",
                "set_max_pending_connections",
            ],
            gdtls.PacketPeerDTLS: packet_peer
            + [
                "connect_to_peer",
                "poll",
                "get_status",
                "disconnect_from_peer",
            ],
            gdtls.DTLSServer: ["setup", "take_connection"],
            gdtls.TLSOptions: [
                "client",
                "client_unsafe",
                "server",
                "get_common_name_override",
                "get_own_certificate",
                "get_private_key",
                "get_trusted_ca_chain",
                "is_server",
                "is_unsafe_client",
            ],
            gdtls.CryptoKey: [
                "load",
                "save",
                "load_from_string",
                "save_to_string",
                "is_public_only",
            ],
            gdtls.X509Certificate: ["load", "save", "load_from_string", "save_to_string"],
            gdtls.Crypto: ["generate_rsa", "generate_self_signed_certificate"],
        }
        for cls, methods in godot.items():
            for method in methods:
                self.assertTrue(callable(getattr(cls, method, None)), f"{cls.__name__}.{method}")

    def test_status_values_are_godots(self):
        expected = {
            "STATUS_DISCONNECTED": 0,
            "STATUS_HANDSHAKING": 1,
            "STATUS_CONNECTED": 2,
            "STATUS_ERROR": 3,
            "STATUS_ERROR_HOSTNAME_MISMATCH": 4,
        }
        for name, value in expected.items():
            self.assertEqual(getattr(gdtls.PacketPeerDTLS, name), value)
            self.assertIs(getattr(gdtls.PacketPeerDTLS, name), Status[name])
        self.assertEqual(len(Status), len(expected))

    def test_error_values_are_godots_and_at_module_level(self):
        expected = {
            "OK": 0,
            "FAILED": 1,
            "ERR_UNAVAILABLE": 2,
            "ERR_UNCONFIGURED": 3,
            "ERR_PARAMETER_RANGE_ERROR": 5,
            "ERR_FILE_NOT_FOUND": 7,
            "ERR_ALREADY_IN_USE": 22,
            "ERR_LOCKED": 23,
            "ERR_TIMEOUT": 24,
            "ERR_CANT_CONNECT": 25,
            "ERR_CANT_RESOLVE": 26,
            "ERR_CONNECTION_ERROR": 27,
            "ERR_INVALID_DATA": 30,
            "ERR_INVALID_PARAMETER": 31,
            "ERR_BUSY": 44,
            "ERR_BUG": 47,
            "ERR_PRINTER_ON_FIRE": 48,
        }
        for name, value in expected.items():
            self.assertEqual(getattr(gdtls, name), value, name)
        self.assertEqual(len(gdtls.Error), 49)
        for member in gdtls.Error:
            self.assertIs(getattr(gdtls, member.name), member)
            self.assertIn(member.name, gdtls.__all__)
        self.assertEqual(gdtls.error_string(gdtls.ERR_INVALID_PARAMETER), "Invalid parameter")
        self.assertEqual(gdtls.error_string(49), "Unknown error")

    def test_binding_agrees_with_the_header(self):
        text = HEADER.read_text()
        errors = dict(re.findall(r"GDTLS_((?:OK|FAILED|ERR_\w+)) = (\d+),", text))
        self.assertEqual({e.name: str(e.value) for e in gdtls.Error}, errors)
        statuses = dict(re.findall(r"GDTLS_(STATUS_\w+) = (\d+),", text))
        self.assertEqual({s.name: str(s.value) for s in Status}, statuses)
        for name, value in header_defines().items():
            self.assertEqual(getattr(gdtls, name), value, name)
        self.assertEqual(gdtls.VERSION, re.search(r'#define GDTLS_VERSION "(.*)"', text)[1])
        number = re.search(r"#define GDTLS_VERSION_NUMBER (0x[0-9a-fA-F]+)\n", text)[1]
        self.assertEqual(gdtls.VERSION_NUMBER, int(number, 16))
        traffic = re.search(r"typedef struct gdtls_traffic \{(.*?)\}", text, re.S)[1]
        self.assertEqual(gdtls.Traffic._fields, tuple(re.findall(r"uint64_t (\w+);", traffic)))
        # Every function of the header has a prototype, and no other.
        functions = set(re.findall(r"^[^ #/*].*?\b(gdtls_\w+)\(", text, re.M))
        from gdtls import _native

        self.assertEqual(set(_native._PROTOTYPES), functions)

    def test_version_and_proc_address(self):
        self.assertEqual(gdtls.version(), gdtls.VERSION)
        self.assertEqual(gdtls.version_number(), gdtls.VERSION_NUMBER)
        self.assertEqual(gdtls.__version__, gdtls.VERSION)
        address = gdtls.get_proc_address("gdtls_version")
        self.assertIsInstance(address, int)
        self.assertEqual(ctypes.CFUNCTYPE(ctypes.c_char_p)(address)(), gdtls.VERSION.encode())
        self.assertIsNone(gdtls.get_proc_address("gdtls_no_such_function"))

    def test_godot_4_defaults(self):
        def defaults(function):
            return {
                name: p.default
                for name, p in inspect.signature(function).parameters.items()
                if name != "self"
            }

        empty = inspect.Parameter.empty
        self.assertEqual(
            defaults(gdtls.PacketPeerUDP.bind),
            {"port": empty, "bind_address": "*", "recv_buf_size": 65536},
        )
        self.assertEqual(defaults(gdtls.UDPServer.listen), {"port": empty, "bind_address": "*"})
        self.assertEqual(
            defaults(gdtls.PacketPeerDTLS.connect_to_peer),
            {"packet_peer": empty, "hostname": empty, "client_options": None},
        )
        self.assertEqual(
            defaults(gdtls.PacketPeerDTLS.connect_to_peer_godot3),
            {
                "packet_peer": empty,
                "validate_certs": True,
                "for_hostname": "",
                "valid_certificate": None,
            },
        )
        self.assertEqual(
            defaults(gdtls.DTLSServer.setup_godot3),
            {"key": empty, "certificate": empty, "chain": None},
        )
        self.assertEqual(
            defaults(gdtls.TLSOptions.client),
            {"trusted_chain": None, "common_name_override": ""},
        )
        self.assertEqual(defaults(gdtls.TLSOptions.client_unsafe), {"trusted_chain": None})
        self.assertEqual(defaults(gdtls.CryptoKey.load), {"path": empty, "public_only": False})
        self.assertEqual(
            defaults(gdtls.Crypto.generate_self_signed_certificate),
            {
                "key": empty,
                "issuer_name": "CN=myserver,O=myorganisation,C=IT",
                "not_before": "20140101000000",
                "not_after": "20340101000000",
            },
        )


class BadInput(unittest.TestCase):
    def test_wrong_types_raise_type_error(self):
        udp = gdtls.PacketPeerUDP()
        calls = [
            lambda: gdtls.UDPServer().listen("4242"),
            lambda: gdtls.UDPServer().listen(4242, None),
            lambda: gdtls.UDPServer().listen(True),
            lambda: gdtls.DTLSServer().setup(42),
            lambda: gdtls.DTLSServer().setup(KEY),
            lambda: gdtls.DTLSServer().take_connection(gdtls.UDPServer()),
            lambda: udp.put_packet("text"),
            lambda: gdtls.PacketPeerDTLS().put_packet("text"),
            lambda: gdtls.PacketPeerDTLS().connect_to_peer(udp, None),
            lambda: gdtls.PacketPeerDTLS().connect_to_peer("udp", "localhost"),
            lambda: gdtls.PacketPeerDTLS().connect_to_peer_godot3(udp, 1),
            lambda: gdtls.CryptoKey().load(42),
            lambda: gdtls.CryptoKey().load("key.key", 1),
            lambda: gdtls.X509Certificate().load_from_string(b"pem"),
            lambda: gdtls.TLSOptions.client("cert"),
            lambda: gdtls.TLSOptions.server(CERT, KEY),
            lambda: gdtls.TLSOptions(),
            lambda: gdtls.Crypto().generate_rsa(2048.0),
            lambda: gdtls.PacketPeerUDP.new_from_callbacks(object()),
            lambda: gdtls.error_string("OK"),
            lambda: gdtls.TLSOptions.client_psk("player", PSK),
            lambda: gdtls.TLSOptions.server_psk(PSK),
            lambda: gdtls.TLSOptions.server_psk_key(None),
            lambda: gdtls.TLSOptions.client_unsafe().add_pin("0", PSK * 2),
            lambda: gdtls.TLSOptions.client_unsafe().add_crl("-----BEGIN X509 CRL-----"),
            lambda: gdtls.TLSOptions.client_unsafe().set_cipher_suites(None),
            lambda: gdtls.TLSOptions.client_unsafe().set_session_resumption(1),
            lambda: gdtls.TLSOptions.server(KEY, CERT).set_client_verification(KEY, True),
            lambda: gdtls.CryptoKey().load_from_buffer(KEY.save_to_string()),
            lambda: gdtls.X509Certificate().get_sha256_pin(None),
            lambda: gdtls.Crypto().generate_ecdsa(256),
            lambda: gdtls.set_log_callback(print, "2"),
            lambda: gdtls.set_log_callback("print", 2),
        ]
        for call in calls:
            with self.assertRaises(TypeError):
                call()

    def test_values_c_cannot_hold(self):
        with self.assertRaises(OverflowError):
            gdtls.UDPServer().listen(2**31)
        with self.assertRaises(OverflowError):
            gdtls.PacketPeerDTLS().set_idle_timeout_msec(-1)
        with self.assertRaises(ValueError):
            gdtls.CryptoKey().load("key\0.key")
        with self.assertRaises(OverflowError):
            gdtls.TLSOptions.client_unsafe().set_mtu(70000)
        with self.assertRaises(ValueError):
            gdtls.TLSOptions.client_unsafe().add_pin(gdtls.PIN_PUBLIC_KEY, b"too short")

    def test_values_out_of_range_give_the_c_apis_errors(self):
        self.assertEqual(gdtls.UDPServer().listen(70000), gdtls.ERR_INVALID_PARAMETER)
        self.assertIn("70000", gdtls.get_last_error_message())
        self.assertEqual(gdtls.UDPServer().listen(-1), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(
            gdtls.PacketPeerUDP().bind(0, "not an address"), gdtls.ERR_INVALID_PARAMETER
        )
        self.assertEqual(
            gdtls.PacketPeerUDP().connect_to_host("127.0.0.1", 0), gdtls.ERR_INVALID_PARAMETER
        )
        self.assertIsNone(gdtls.Crypto().generate_rsa(100))
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(gdtls.DTLSServer().set_max_handshakes(-1, 1), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(
            gdtls.DTLSServer().set_handshake_timeout_msec(0, 10), gdtls.ERR_INVALID_PARAMETER
        )
        server = gdtls.UDPServer()
        with self.assertRaises(ValueError):
            server.max_pending_connections = -1
        self.assertEqual(server.max_pending_connections, 16)

    def test_bad_content_and_states(self):
        self.assertEqual(gdtls.CryptoKey().load_from_string("not a key"), gdtls.FAILED)
        self.assertNotEqual(gdtls.X509Certificate().load("/nonexistent/cert.crt"), gdtls.OK)
        self.assertIn("/nonexistent/cert.crt", gdtls.get_last_error_message())
        self.assertEqual(gdtls.X509Certificate().save_to_string(), "")
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_UNCONFIGURED)
        client_options = gdtls.TLSOptions.client(CERT)
        self.assertEqual(gdtls.DTLSServer().setup(client_options), gdtls.ERR_INVALID_PARAMETER)
        self.assertIsNone(gdtls.TLSOptions.client(gdtls.X509Certificate()))
        dtls = gdtls.PacketPeerDTLS()
        self.assertEqual(dtls.put_packet(b"x"), gdtls.ERR_UNCONFIGURED)
        self.assertEqual(dtls.get_packet(), b"")
        self.assertEqual(dtls.get_packet_error(), gdtls.ERR_UNCONFIGURED)
        self.assertEqual(
            dtls.connect_to_peer(gdtls.PacketPeerUDP(), "localhost"), gdtls.ERR_INVALID_PARAMETER
        )
        gdtls.clear_last_error()
        self.assertEqual(gdtls.get_last_error(), gdtls.OK)
        self.assertEqual(gdtls.get_last_error_message(), "")


class Lifetimes(unittest.TestCase):
    def test_handles_are_released_when_collected(self):
        gc.collect()
        start = gdtls.live_handle_count()
        options = gdtls.TLSOptions.server(KEY, CERT)
        objects = [
            options,
            options.reference(),
            options.get_private_key(),
            options.get_own_certificate(),
            gdtls.TLSOptions.client(CERT, "localhost").get_trusted_ca_chain(),
            gdtls.UDPServer(),
            gdtls.DTLSServer(),
            gdtls.PacketPeerDTLS(),
            gdtls.PacketPeerUDP(),
            KEY.reference(),
            CERT.reference(),
            gdtls.TLSOptions.server_psk(lambda identity: None),
            gdtls.TLSOptions.client_psk(b"player", PSK),
            gdtls.Crypto().generate_ecdsa("P-256"),
        ]
        cycle = [gdtls.CryptoKey()]
        cycle.append(cycle)  # only the cycle collector frees this one
        self.assertEqual(gdtls.live_handle_count(), start + len(objects) + 1)
        del objects, options, cycle
        gc.collect()
        self.assertEqual(gdtls.live_handle_count(), start)

    def test_free_is_explicit_and_happens_once(self):
        start = gdtls.live_handle_count()
        udp = gdtls.PacketPeerUDP()
        second = udp.reference()
        udp.free()
        udp.free()
        self.assertEqual(gdtls.live_handle_count(), start + 1)
        self.assertIn("freed", repr(udp))
        with self.assertRaises(ValueError):
            udp.bind(0)
        with self.assertRaises(ValueError):
            gdtls.PacketPeerDTLS().connect_to_peer(udp, "localhost")
        self.assertEqual(second.bind(0, "127.0.0.1"), gdtls.OK, "the other handle lives on")
        with second:
            self.assertTrue(second.is_bound())
        self.assertEqual(gdtls.live_handle_count(), start)

    def test_objects_keep_what_they_use(self):
        crypto = gdtls.Crypto()
        key = crypto.generate_rsa(1024)
        cert = crypto.generate_self_signed_certificate(key)
        options = gdtls.TLSOptions.server(key, cert)
        del key, cert
        gc.collect()
        self.assertIn("PRIVATE KEY", options.get_private_key().save_to_string())
        self.assertIn("BEGIN CERTIFICATE", options.get_own_certificate().save_to_string())

    def test_outputs_larger_than_a_first_buffer(self):
        chain = gdtls.X509Certificate()
        self.assertEqual(chain.load_from_string(CERT.save_to_string() * 12), gdtls.OK)
        self.assertEqual(chain.get_count(), 12)
        pem = chain.save_to_string()
        self.assertGreater(len(pem), 8192)
        self.assertEqual(pem.count("BEGIN CERTIFICATE"), 12)
        name = "n" * 300 + ".example"
        self.assertEqual(gdtls.TLSOptions.client(CERT, name).get_common_name_override(), name)

    def test_keys_and_certificates_round_trip_through_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            key_path, cert_path = Path(tmp, "key.key"), Path(tmp, "cert.crt")
            self.assertEqual(KEY.save(key_path), gdtls.OK)
            self.assertEqual(CERT.save(str(cert_path)), gdtls.OK)
            key, cert = gdtls.CryptoKey(), gdtls.X509Certificate()
            self.assertEqual(key.load(key_path), gdtls.OK)
            self.assertEqual(cert.load(cert_path), gdtls.OK)
            self.assertEqual(key.save_to_string(), KEY.save_to_string())
            self.assertEqual(cert.save_to_string(), CERT.save_to_string())
            self.assertEqual(KEY.save(key_path, True), gdtls.OK)
            public = gdtls.CryptoKey()
            self.assertEqual(public.load(key_path, True), gdtls.OK)
            self.assertTrue(public.is_public_only())
            self.assertFalse(KEY.is_public_only())
            self.assertEqual(public.save_to_string(), KEY.save_to_string(True))
            self.assertEqual(public.load_from_string(KEY.save_to_string()), gdtls.OK)
            self.assertFalse(public.is_public_only())


class Udp(unittest.TestCase):
    def test_server_and_client_exchange(self):
        server = gdtls.UDPServer()
        self.assertEqual(server.listen(0, "127.0.0.1"), gdtls.OK)
        self.assertTrue(server.is_listening())
        client = gdtls.PacketPeerUDP()
        self.assertEqual(client.connect_to_host("127.0.0.1", server.get_local_port()), gdtls.OK)
        self.assertTrue(client.is_socket_connected())
        self.assertEqual(client.put_packet(b"ping"), gdtls.OK)
        self.assertTrue(
            run_frames(lambda: server.poll() == gdtls.OK and server.is_connection_available())
        )
        peer = server.take_connection()
        self.assertIsNone(server.take_connection())
        self.assertEqual(peer.get_packet(), b"ping")
        self.assertEqual(peer.get_packet_error(), gdtls.OK)
        self.assertEqual(peer.get_packet_ip(), "127.0.0.1")
        self.assertEqual(peer.get_packet_port(), client.get_local_port())
        self.assertEqual(peer.get_local_port(), server.get_local_port())
        biggest = bytes(range(256)) * 255 + bytes(range(227))
        self.assertEqual(len(biggest), gdtls.MAX_DATAGRAM)
        self.assertEqual(peer.put_packet(bytearray(biggest)), gdtls.OK)
        self.assertEqual(client.wait_timeout(5000), gdtls.OK)
        self.assertEqual(client.get_available_packet_count(), 1)
        self.assertEqual(client.get_packet(), biggest)
        self.assertEqual(client.get_packet(), b"")
        self.assertEqual(client.get_packet_error(), gdtls.ERR_UNAVAILABLE)
        self.assertEqual(
            client.put_packet(b"x" * (gdtls.MAX_DATAGRAM + 1)), gdtls.ERR_INVALID_PARAMETER
        )
        self.assertEqual(client.get_max_packet_size(), gdtls.MAX_DATAGRAM)
        self.assertEqual(server.stop(), gdtls.OK)
        self.assertFalse(server.is_listening())

    def test_bound_peers_and_destinations(self):
        a, b = gdtls.PacketPeerUDP(), gdtls.PacketPeerUDP()
        self.assertEqual(a.get_available_packet_count(), -1)
        self.assertEqual(a.wait(), gdtls.FAILED)
        self.assertEqual(a.bind(0, "127.0.0.1"), gdtls.OK)
        self.assertEqual(b.bind(0, "127.0.0.1", 4096), gdtls.OK)
        self.assertEqual(a.bind(0), gdtls.ERR_ALREADY_IN_USE)
        self.assertTrue(a.is_bound())
        self.assertFalse(a.is_socket_connected())
        self.assertEqual(a.put_packet(b"nowhere"), gdtls.ERR_UNCONFIGURED)
        self.assertEqual(a.set_dest_address("127.0.0.1", b.get_local_port()), gdtls.OK)
        self.assertEqual(a.put_packet(memoryview(b"to b")), gdtls.OK)
        self.assertEqual(b.wait(), gdtls.OK)
        self.assertEqual(b.get_packet(), b"to b")
        self.assertEqual(b.get_packet_port(), a.get_local_port())
        self.assertEqual(b.wait_timeout(20), gdtls.ERR_TIMEOUT)
        self.assertEqual(a.set_broadcast_enabled(True), gdtls.OK)
        self.assertEqual(a.connect_to_host("localhost.invalid", 9), gdtls.ERR_CANT_RESOLVE)
        self.assertEqual(a.close(), gdtls.OK)
        self.assertFalse(a.is_bound())

    def test_multicast_groups(self):
        peer = gdtls.PacketPeerUDP()
        self.assertEqual(peer.join_multicast_group("239.255.42.1", "lo"), gdtls.ERR_UNCONFIGURED)
        self.assertEqual(peer.bind(0, "0.0.0.0"), gdtls.OK)
        self.assertEqual(peer.join_multicast_group("127.0.0.1", "lo"), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(peer.join_multicast_group("239.255.42.1", "lo"), gdtls.OK)
        self.assertEqual(peer.leave_multicast_group("239.255.42.1", "lo"), gdtls.OK)
        self.assertEqual(peer.leave_multicast_group("239.255.42.1", "lo"), gdtls.FAILED)

    def test_pending_connections(self):
        server = gdtls.UDPServer()
        self.assertEqual(
            server.get_max_pending_connections(), gdtls.DEFAULT_MAX_PENDING_CONNECTIONS
        )
        server.max_pending_connections = 4
        self.assertEqual(server.get_max_pending_connections(), 4)
        self.assertEqual(server.set_max_pending_connections(0), gdtls.OK)
        self.assertEqual(server.max_pending_connections, 0)
        self.assertEqual(server.poll(), gdtls.ERR_UNCONFIGURED)

    def test_python_transport_carries_datagrams(self):
        class Pipe:
            def __init__(self, outbox, inbox):
                self.outbox, self.inbox, self.released = outbox, inbox, 0

            def send(self, data):
                self.outbox.append(data)

            def receive(self):
                return self.inbox.popleft() if self.inbox else None

            def available(self):
                return len(self.inbox)

            def release(self):
                self.released += 1

        ab, ba = collections.deque(), collections.deque()
        pipes = Pipe(ab, ba), Pipe(ba, ab)
        a, b = (gdtls.PacketPeerUDP.new_from_callbacks(p) for p in pipes)
        self.assertTrue(a.is_socket_connected())
        self.assertEqual(a.bind(0), gdtls.ERR_ALREADY_IN_USE)
        self.assertEqual(a.put_packet(b"over python"), gdtls.OK)
        self.assertEqual(list(ab), [b"over python"])
        self.assertEqual(b.get_available_packet_count(), 1)
        self.assertEqual(b.get_packet(), b"over python")
        self.assertEqual(b.get_packet(), b"")
        self.assertEqual(b.get_packet_error(), gdtls.ERR_UNAVAILABLE)
        del a, b
        gc.collect()
        self.assertEqual([p.released for p in pipes], [1, 1])

    def test_a_failing_transport_is_reported(self):
        class Broken:
            def send(self, data):
                raise RuntimeError("cable cut")

            def receive(self):
                return "a str is not a datagram"

        peer = gdtls.PacketPeerUDP.new_from_callbacks(Broken())
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.assertNotEqual(peer.put_packet(b"x"), gdtls.OK)
            self.assertEqual(peer.get_packet(), b"")
        self.assertNotEqual(peer.get_packet_error(), gdtls.OK)
        self.assertIn("Broken.send() raised", stderr.getvalue())
        self.assertIn("cable cut", stderr.getvalue())
        self.assertIn("Broken.receive() raised", stderr.getvalue())
        self.assertIn("must be bytes, bytearray or memoryview, not str", stderr.getvalue())


class Dtls(unittest.TestCase):
    def test_handshake_and_echo(self):
        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, CERT))
        udp, client = gdtls.PacketPeerUDP(), gdtls.PacketPeerDTLS()
        self.assertEqual(udp.connect_to_host("127.0.0.1", server.port), gdtls.OK)
        self.assertEqual(
            client.connect_to_peer(udp, "localhost", gdtls.TLSOptions.client(CERT)), gdtls.OK
        )
        self.assertEqual(client.get_status(), Status.STATUS_HANDSHAKING)
        self.assertEqual(client.connect_to_peer(udp, "localhost"), gdtls.ERR_ALREADY_IN_USE)
        peer = connect(server, client)
        self.assertEqual(client.get_status(), gdtls.PacketPeerDTLS.STATUS_CONNECTED)
        self.assertEqual(peer.get_status(), gdtls.PacketPeerDTLS.STATUS_CONNECTED)
        self.assertGreaterEqual(server.cookie_requests, 1, "the first ClientHello gets a cookie")
        self.assertTrue(0 < client.get_max_packet_size() <= gdtls.DTLS_MTU)

        message = bytes(range(200)) * 5
        self.assertEqual(client.put_packet(message), gdtls.OK)
        self.assertTrue(
            run_frames(lambda: peer.poll() == gdtls.OK and peer.get_available_packet_count() > 0)
        )
        self.assertEqual(peer.get_packet(), message)
        self.assertEqual(peer.put_packet(b"Hello DTLS client"), gdtls.OK)
        self.assertTrue(
            run_frames(
                lambda: client.poll() == gdtls.OK and client.get_available_packet_count() > 0
            )
        )
        self.assertEqual(client.get_packet(), b"Hello DTLS client")
        self.assertEqual(client.get_packet(), b"")
        self.assertEqual(client.get_packet_error(), gdtls.ERR_UNAVAILABLE)
        self.assertLess(peer.get_idle_time_msec(), 10000)

        self.assertEqual(client.disconnect_from_peer(), gdtls.OK)
        self.assertEqual(client.get_status(), Status.STATUS_DISCONNECTED)
        self.assertTrue(
            run_frames(
                lambda: peer.poll() == gdtls.OK and peer.get_status() == Status.STATUS_DISCONNECTED
            )
        )

    def test_godot_3_shapes_and_a_wrong_host_name(self):
        loop = DtlsServerLoop()
        self.assertEqual(loop.dtls.setup_godot3(KEY, CERT), gdtls.OK)
        for hostname, status in [
            ("localhost", Status.STATUS_CONNECTED),
            ("otherhost", Status.STATUS_ERROR_HOSTNAME_MISMATCH),
        ]:
            udp, client = gdtls.PacketPeerUDP(), gdtls.PacketPeerDTLS()
            self.assertEqual(udp.connect_to_host("127.0.0.1", loop.port), gdtls.OK)
            self.assertEqual(client.connect_to_peer_godot3(udp, True, hostname, CERT), gdtls.OK)
            connect(loop, client)
            self.assertEqual(client.get_status(), status, hostname)
        self.assertIn("otherhost", gdtls.get_last_error_message())

    def test_an_unsafe_client_accepts_any_certificate(self):
        other = gdtls.Crypto().generate_self_signed_certificate(KEY, "CN=elsewhere")
        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, other))
        options = gdtls.TLSOptions.client_unsafe(CERT)
        self.assertTrue(options.is_unsafe_client())
        self.assertFalse(options.is_server())
        self.assertEqual(options.get_trusted_ca_chain().save_to_string(), CERT.save_to_string())
        self.assertIsNone(options.get_private_key())
        udp, client = gdtls.PacketPeerUDP(), gdtls.PacketPeerDTLS()
        self.assertEqual(udp.connect_to_host("127.0.0.1", server.port), gdtls.OK)
        self.assertEqual(client.connect_to_peer(udp, "localhost", options), gdtls.OK)
        connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)

    def test_dtls_over_a_python_socket(self):
        class SocketTransport:
            """The host's own UDP: a Python socket connected to the server."""

            def __init__(self, port):
                self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                self.sock.connect(("127.0.0.1", port))
                self.sock.setblocking(False)
                self.released = False

            def send(self, data):
                self.sock.send(data)

            def receive(self):
                try:
                    return self.sock.recv(65535)
                except BlockingIOError:
                    return None

            def release(self):
                self.released = True
                self.sock.close()

        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, CERT))
        transport = SocketTransport(server.port)
        udp = gdtls.PacketPeerUDP.new_from_callbacks(transport)
        client = gdtls.PacketPeerDTLS()
        self.assertEqual(
            client.connect_to_peer(udp, "localhost", gdtls.TLSOptions.client(CERT)), gdtls.OK
        )
        peer = connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertEqual(client.put_packet(b"through the host's socket"), gdtls.OK)
        self.assertTrue(
            run_frames(lambda: peer.poll() == gdtls.OK and peer.get_available_packet_count() > 0)
        )
        self.assertEqual(peer.get_packet(), b"through the host's socket")
        del udp, client
        gc.collect()
        self.assertTrue(transport.released)

    def test_gdtls_extensions(self):
        server = gdtls.DTLSServer()
        self.assertEqual(
            server.get_handshake_timeout_msec(),
            (
                gdtls.DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC,
                gdtls.DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC,
            ),
        )
        self.assertEqual(server.set_handshake_timeout_msec(200, 400), gdtls.OK)
        self.assertEqual(server.get_handshake_timeout_msec(), (200, 400))
        self.assertEqual(server.get_idle_timeout_msec(), 0)
        self.assertEqual(server.set_idle_timeout_msec(5000), gdtls.OK)
        self.assertEqual(server.get_idle_timeout_msec(), 5000)
        self.assertEqual(
            server.get_max_handshakes(),
            (gdtls.DEFAULT_MAX_HANDSHAKES, gdtls.DEFAULT_MAX_HANDSHAKES_PER_SOURCE),
        )
        self.assertEqual(server.set_max_handshakes(10, 2), gdtls.OK)
        self.assertEqual(server.get_max_handshakes(), (10, 2))
        self.assertEqual(server.get_handshake_count(), 0)
        peer = gdtls.PacketPeerDTLS()
        self.assertEqual(
            peer.get_handshake_timeout_msec(),
            (
                gdtls.DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC,
                gdtls.DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC,
            ),
        )
        self.assertEqual(peer.set_handshake_timeout_msec(100, 800), gdtls.OK)
        self.assertEqual(peer.get_handshake_timeout_msec(), (100, 800))
        self.assertEqual(peer.set_idle_timeout_msec(3000), gdtls.OK)
        self.assertEqual(peer.get_idle_timeout_msec(), 3000)
        self.assertEqual(peer.get_status(), Status.STATUS_DISCONNECTED)
        self.assertEqual(peer.poll(), gdtls.OK)

    def test_a_silent_server_times_the_handshake_out(self):
        silent = gdtls.PacketPeerUDP()
        self.assertEqual(silent.bind(0, "127.0.0.1"), gdtls.OK)
        udp, client = gdtls.PacketPeerUDP(), gdtls.PacketPeerDTLS()
        self.assertEqual(udp.connect_to_host("127.0.0.1", silent.get_local_port()), gdtls.OK)
        self.assertEqual(client.set_handshake_timeout_msec(50, 100), gdtls.OK)
        self.assertEqual(client.get_next_timeout_msec(), -1, "no timer before connect_to_peer")
        self.assertEqual(
            client.connect_to_peer(udp, "localhost", gdtls.TLSOptions.client(CERT)), gdtls.OK
        )
        self.assertTrue(0 < client.get_next_timeout_msec() <= 50, "the retransmission timer")
        errors = []

        def ended():
            errors.append(client.poll())
            return client.get_status() != Status.STATUS_HANDSHAKING

        self.assertTrue(run_frames(ended, 5))
        self.assertEqual(client.get_status(), Status.STATUS_ERROR)
        self.assertEqual(errors[-1], gdtls.ERR_TIMEOUT)
        self.assertGreaterEqual(client.get_retransmissions(), 1)
        self.assertEqual(client.get_next_timeout_msec(), -1)
        self.assertEqual(client.get_traffic().datagrams_received, 0)


class BeyondGodot(unittest.TestCase):
    """What gdtls adds to Godot, each over a real handshake on 127.0.0.1."""

    def test_pre_shared_keys(self):
        gc.collect()
        start = gdtls.live_handle_count()
        identities = []

        def lookup(identity):
            identities.append(identity)
            return PSK if identity == b"player-1" else None

        server = DtlsServerLoop(gdtls.TLSOptions.server_psk(lookup))
        watched = weakref.ref(lookup)
        del lookup  # the options keep it
        client = dial(server.port, gdtls.TLSOptions.client_psk(b"player-1", PSK))
        peer = connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertEqual(peer.get_status(), Status.STATUS_CONNECTED)
        self.assertEqual(identities, [b"player-1"])
        self.assertIn("PSK", client.get_cipher_suite())
        self.assertEqual(peer.get_cipher_suite(), client.get_cipher_suite())
        self.assertIsNone(client.get_peer_certificate(), "no certificate with PSK")
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_UNAVAILABLE)
        self.assertEqual(deliver(client, peer, b"by pre-shared key"), b"by pre-shared key")
        self.assertEqual(deliver(peer, client, b"and back"), b"and back")

        # An identity the lookup does not know is refused.
        stranger = dial(server.port, gdtls.TLSOptions.client_psk(b"stranger", PSK), (100, 400))
        connect(server, stranger)
        self.assertEqual(stranger.get_status(), Status.STATUS_ERROR)
        self.assertEqual(identities[-1], b"stranger")

        # The options, the server and its connections gone, gdtls releases
        # the lookup.
        self.assertIsNotNone(watched())
        del server, client, peer, stranger
        gc.collect()
        self.assertIsNone(watched())
        self.assertEqual(gdtls.live_handle_count(), start)

        # One key for every identity.
        server = DtlsServerLoop(gdtls.TLSOptions.server_psk_key(PSK))
        client = dial(server.port, gdtls.TLSOptions.client_psk(b"anyone", PSK))
        peer = connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertIn("PSK", peer.get_cipher_suite())
        self.assertEqual(deliver(client, peer, b"one key"), b"one key")

    def test_a_failing_psk_lookup_refuses_the_identity(self):
        def lookup(identity):
            if identity == b"too-long":
                return bytes(gdtls.MAX_PSK_LEN + 1)
            raise RuntimeError("no player database")

        server = DtlsServerLoop(gdtls.TLSOptions.server_psk(lookup))
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            for identity in [b"player-1", b"too-long"]:
                client = dial(server.port, gdtls.TLSOptions.client_psk(identity, PSK), (100, 400))
                connect(server, client)
                self.assertEqual(client.get_status(), Status.STATUS_ERROR, identity)
        self.assertIn("raised; the identity is refused", stderr.getvalue())
        self.assertIn("no player database", stderr.getvalue())
        self.assertIn("a key of 33 bytes, more than 32", stderr.getvalue())

    def test_psk_options_refuse_lengths_out_of_range(self):
        for identity, key in [(b"", PSK), (b"player", b""), (b"player", bytes(33))]:
            self.assertIsNone(gdtls.TLSOptions.client_psk(identity, key))
            self.assertEqual(gdtls.get_last_error(), gdtls.ERR_INVALID_PARAMETER)
        self.assertIsNone(gdtls.TLSOptions.server_psk_key(bytes(gdtls.MAX_PSK_LEN + 1)))
        self.assertIsNotNone(gdtls.TLSOptions.client_psk(b"p" * 128, bytes(gdtls.MAX_PSK_LEN)))

    def test_pins_admit_only_the_pinned_server(self):
        key_pin = CERT.get_sha256_pin(gdtls.PIN_PUBLIC_KEY)
        cert_pin = CERT.get_sha256_pin(gdtls.PIN_CERTIFICATE)
        self.assertEqual(len(key_pin), gdtls.PIN_SIZE)
        # A certificate's pin is the SHA-256 of its DER.
        der = ssl.PEM_cert_to_DER_cert(CERT.save_to_string())
        self.assertEqual(cert_pin, hashlib.sha256(der).digest())
        other_key = gdtls.Crypto().generate_ecdsa("P-256")
        other = gdtls.Crypto().generate_self_signed_certificate(other_key, "CN=localhost")
        wrong_pin = other.get_sha256_pin(gdtls.PIN_PUBLIC_KEY)
        self.assertNotIn(wrong_pin, [key_pin, cert_pin, b""])

        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, CERT))
        for kind, pin in [
            (gdtls.PIN_PUBLIC_KEY, key_pin),
            (gdtls.PIN_CERTIFICATE, cert_pin),
        ]:
            options = gdtls.TLSOptions.client_unsafe()
            self.assertEqual(options.add_pin(kind, pin), gdtls.OK)
            client = dial(server.port, options)
            connect(server, client)
            self.assertEqual(client.get_status(), Status.STATUS_CONNECTED, kind)

        options = gdtls.TLSOptions.client_unsafe()
        self.assertEqual(options.add_pin(gdtls.PIN_PUBLIC_KEY, bytearray(wrong_pin)), gdtls.OK)
        client = dial(server.port, options, (100, 400))
        errors = []
        connect(server, client, errors)
        self.assertEqual(client.get_status(), Status.STATUS_ERROR)
        self.assertEqual(errors[-1], gdtls.ERR_UNAUTHORIZED, "the poll that failed says why")
        self.assertEqual(errors.count(gdtls.ERR_UNAUTHORIZED), 1)
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_UNAUTHORIZED)
        self.assertIn("pinned SHA-256", gdtls.get_last_error_message())

    def test_pins_refuse_bad_input(self):
        options = gdtls.TLSOptions.client_unsafe()
        self.assertEqual(options.add_pin(7, bytes(32)), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(CERT.get_sha256_pin(7), b"")
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(gdtls.X509Certificate().get_sha256_pin(gdtls.PIN_PUBLIC_KEY), b"")
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_UNCONFIGURED)
        self.assertEqual(options.add_crl(b"not a revocation list"), gdtls.FAILED)

    def test_a_connection_reports_what_it_negotiated_and_carried(self):
        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, CERT))
        udp, client = gdtls.PacketPeerUDP(), gdtls.PacketPeerDTLS()
        self.assertEqual(udp.connect_to_host("127.0.0.1", server.port), gdtls.OK)
        self.assertEqual(
            client.connect_to_peer(udp, "localhost", gdtls.TLSOptions.client(CERT)), gdtls.OK
        )
        self.assertEqual(client.get_protocol_version(), "", "not before the handshake")
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_UNAVAILABLE)
        peer = connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        for side in [client, peer]:
            self.assertEqual(side.get_protocol_version(), "DTLSv1.2")
            self.assertNotEqual(side.get_cipher_suite(), "")
            self.assertGreater(side.get_handshake_duration_usec(), 0)
            self.assertFalse(side.is_session_resumed(), "a first connection")
            self.assertEqual(side.get_next_timeout_msec(), -1, "no timer runs once connected")
        self.assertEqual(client.get_cipher_suite(), peer.get_cipher_suite())
        self.assertEqual(client.get_peer_certificate().save_to_string(), CERT.save_to_string())
        self.assertIsNone(peer.get_peer_certificate(), "the server asked for no certificate")

        self.assertEqual(deliver(client, peer, b"counted"), b"counted")
        sent, received = client.get_traffic(), peer.get_traffic()
        for counters in [sent, received]:
            self.assertTrue(all(count > 0 for count in counters), counters)
        # The first ClientHello went to the connection that asked for a cookie.
        self.assertGreater(sent.datagrams_sent, received.datagrams_received)

        self.assertEqual(client.set_idle_timeout_msec(5000), gdtls.OK)
        self.assertTrue(4000 < client.get_next_timeout_msec() <= 5000)

        for fd in [server.udp.get_socket_fd(), udp.get_socket_fd()]:
            self.assertGreaterEqual(fd, 0)
            self.assertTrue(stat.S_ISSOCK(os.fstat(fd).st_mode))
        self.assertEqual(gdtls.PacketPeerUDP().get_socket_fd(), -1)
        self.assertEqual(gdtls.UDPServer().get_socket_fd(), -1)

    def test_a_reconnecting_client_resumes_its_session(self):
        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, CERT))
        self.assertEqual(
            server.dtls.get_session_ticket_lifetime_sec(),
            gdtls.DEFAULT_SESSION_TICKET_LIFETIME_SEC,
        )
        options = gdtls.TLSOptions.client(CERT)
        self.assertTrue(options.get_session_resumption())
        resumed = []
        for _ in range(2):
            client = dial(server.port, options)
            peer = connect(server, client)
            self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
            resumed.append((client.is_session_resumed(), peer.is_session_resumed()))
            self.assertEqual(client.disconnect_from_peer(), gdtls.OK)
        self.assertEqual(resumed, [(False, False), (True, True)])

        self.assertEqual(options.set_session_resumption(False), gdtls.OK)
        self.assertFalse(options.get_session_resumption())
        client = dial(server.port, options)
        connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertFalse(client.is_session_resumed())
        self.assertEqual(server.dtls.set_session_ticket_lifetime_sec(60), gdtls.OK)
        self.assertEqual(server.dtls.get_session_ticket_lifetime_sec(), 60)

    def test_mtu_suites_and_curves(self):
        suite = "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256"
        server_options = gdtls.TLSOptions.server(KEY, CERT)
        self.assertEqual(server_options.set_mtu(500), gdtls.OK)
        server = DtlsServerLoop(server_options)
        options = gdtls.TLSOptions.client(CERT)
        self.assertEqual(options.get_mtu(), gdtls.DTLS_MTU)
        self.assertEqual(options.set_mtu(500), gdtls.OK)
        self.assertEqual(options.get_mtu(), 500)
        self.assertEqual(options.set_cipher_suites(suite), gdtls.OK)
        self.assertEqual(options.set_curves("x25519,secp256r1"), gdtls.OK)
        client = dial(server.port, options)
        connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertEqual(client.get_cipher_suite(), suite)
        # AES-GCM adds 13 + 8 + 16 bytes to a record.
        self.assertEqual(client.get_max_packet_size(), 500 - 37)

        for mtu in [gdtls.MIN_MTU - 1, gdtls.MAX_MTU + 1]:
            self.assertEqual(options.set_mtu(mtu), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(
            options.set_cipher_suites("TLS-NO-SUCH-SUITE"), gdtls.ERR_INVALID_PARAMETER
        )
        self.assertIn("TLS-NO-SUCH-SUITE", gdtls.get_last_error_message())
        self.assertEqual(options.set_curves("no-such-curve"), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(options.set_cipher_suites(""), gdtls.OK)

    def test_mutual_authentication(self):
        client_key = gdtls.Crypto().generate_ecdsa("P-256")
        client_cert = gdtls.Crypto().generate_self_signed_certificate(client_key, "CN=player")
        server_options = gdtls.TLSOptions.server(KEY, CERT)
        self.assertEqual(server_options.set_client_verification(client_cert, True), gdtls.OK)
        server = DtlsServerLoop(server_options)

        options = gdtls.TLSOptions.client(CERT)
        self.assertEqual(options.set_client_certificate(client_key, client_cert), gdtls.OK)
        client = dial(server.port, options)
        peer = connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertEqual(peer.get_peer_certificate().save_to_string(), client_cert.save_to_string())

        anonymous = dial(server.port, gdtls.TLSOptions.client(CERT), (100, 400))
        connect(server, anonymous)
        self.assertEqual(anonymous.get_status(), Status.STATUS_ERROR)

        self.assertEqual(
            server_options.set_client_certificate(client_key, client_cert),
            gdtls.ERR_INVALID_PARAMETER,
        )
        self.assertEqual(
            options.set_client_verification(client_cert, False), gdtls.ERR_INVALID_PARAMETER
        )

    def test_keys_and_certificates_from_memory(self):
        key = gdtls.CryptoKey()
        self.assertEqual(key.load_from_buffer(KEY.save_to_string().encode()), gdtls.OK)
        self.assertEqual(key.save_to_string(), KEY.save_to_string())
        public = gdtls.CryptoKey()
        self.assertEqual(public.load_from_buffer(KEY.save_to_string(True).encode(), True), gdtls.OK)
        self.assertTrue(public.is_public_only())
        cert = gdtls.X509Certificate()
        der = ssl.PEM_cert_to_DER_cert(CERT.save_to_string())
        self.assertEqual(cert.load_from_buffer(memoryview(der)), gdtls.OK)
        self.assertEqual(cert.save_to_string(), CERT.save_to_string())
        self.assertEqual(cert.load_from_buffer(b"not a certificate"), gdtls.FAILED)
        self.assertEqual(cert.get_count(), 1, "a failed load keeps the content")
        self.assertEqual(key.load_from_buffer(b""), gdtls.FAILED)

        p384 = gdtls.Crypto().generate_ecdsa("P-384")
        self.assertIn("PRIVATE KEY", p384.save_to_string())
        self.assertIsNone(gdtls.Crypto().generate_ecdsa("P-999"))
        self.assertEqual(gdtls.get_last_error(), gdtls.ERR_INVALID_PARAMETER)

    def test_the_log_goes_to_a_python_callback(self):
        self.addCleanup(gdtls.set_log_callback, None)
        lines = []

        def collect(level, text):
            lines.append((level, text))

        self.assertEqual(gdtls.set_log_callback(collect, gdtls.LOG_STATE), gdtls.OK)
        del collect  # only the package holds it now
        self.handshake()
        self.assertTrue(lines, "a handshake logs its steps")
        self.assertTrue(all(level in (1, 2) for level, _ in lines), lines[:5])
        self.assertTrue(all(isinstance(text, str) for _, text in lines))
        self.assertTrue(any("handshake" in text for _, text in lines), lines[:5])

        self.assertEqual(gdtls.set_log_callback(print, 5), gdtls.ERR_INVALID_PARAMETER)
        self.assertEqual(gdtls.set_log_callback(None), gdtls.OK)
        count = len(lines)
        self.handshake()
        self.assertEqual(len(lines), count, "nothing after set_log_callback(None)")

    def test_a_replaced_or_failing_log_callback(self):
        self.addCleanup(gdtls.set_log_callback, None)

        def failing(level, text):
            raise RuntimeError("logger down")

        watched = weakref.ref(failing)
        self.assertEqual(gdtls.set_log_callback(failing, gdtls.LOG_STATE), gdtls.OK)
        del failing
        gc.collect()
        self.assertIsNotNone(watched(), "kept while it is the callback")
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            client = self.handshake()
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        self.assertIn("raised; the line is dropped", stderr.getvalue())
        self.assertIn("logger down", stderr.getvalue())
        self.assertEqual(gdtls.set_log_callback(None), gdtls.OK)
        gc.collect()
        self.assertIsNone(watched(), "let go once replaced")

    def handshake(self):
        """A connected client of a new server."""
        server = DtlsServerLoop(gdtls.TLSOptions.server(KEY, CERT))
        client = dial(server.port, gdtls.TLSOptions.client(CERT))
        connect(server, client)
        self.assertEqual(client.get_status(), Status.STATUS_CONNECTED)
        return client


if __name__ == "__main__":
    unittest.main(verbosity=2)
