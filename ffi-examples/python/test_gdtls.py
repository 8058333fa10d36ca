"""Unit tests of the gdtls Python binding, on the standard library alone:
names, defaults and Error values as in GDScript, wrong types refused, handles
released, and UDP and DTLS exchanges inside this process over 127.0.0.1.

Run from this folder with the package importable and the library found:
    GDTLS_LIBRARY=../../target/release/libgdtls.so python3 test_gdtls.py
"""

import collections
import contextlib
import ctypes
import gc
import inspect
import io
import re
import socket
import tempfile
import time
import unittest
from pathlib import Path

import gdtls

HEADER = Path(__file__).resolve().parents[2] / "include" / "gdtls.h"
Status = gdtls.PacketPeerDTLS.Status


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


def connect(server, client, client_udp):
    """Drives ``server`` and ``client`` until the client's handshake ends;
    returns the server's peer for it (None if it has none)."""

    def settled():
        server.frame()
        client.poll()
        return client.get_status() != Status.STATUS_HANDSHAKING and (
            client.get_status() != Status.STATUS_CONNECTED
            or any(p.get_status() == Status.STATUS_CONNECTED for p in server.peers)
        )

    assert run_frames(settled), f"the handshake did not end: {client.get_status()!r}"
    return server.peers[-1] if server.peers else None


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
        # Every function of the header has a prototype, and no other.
        functions = set(re.findall(r"^[^ #/*].*?\b(gdtls_\w+)\(", text, re.M))
        from gdtls import _native

        self.assertEqual(set(_native._PROTOTYPES), functions)

    def test_version_and_proc_address(self):
        self.assertEqual(gdtls.version(), gdtls.VERSION)
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
        peer = connect(server, client, udp)
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
            connect(loop, client, udp)
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
        connect(server, client, udp)
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
        peer = connect(server, client, udp)
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
        self.assertEqual(
            client.connect_to_peer(udp, "localhost", gdtls.TLSOptions.client(CERT)), gdtls.OK
        )
        errors = []

        def ended():
            errors.append(client.poll())
            return client.get_status() != Status.STATUS_HANDSHAKING

        self.assertTrue(run_frames(ended, 5))
        self.assertEqual(client.get_status(), Status.STATUS_ERROR)
        self.assertEqual(errors[-1], gdtls.ERR_TIMEOUT)


if __name__ == "__main__":
    unittest.main(verbosity=2)
