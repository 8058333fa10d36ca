#!/usr/bin/env python3
"""The DTLSServer example of Godot's class reference (server.gd), line by
line in Python. It serves until it has answered CLIENTS clients (default 1)
or TIMEOUT seconds (default 30) have passed.

Usage: server.py PORT KEY CERT [CLIENTS [TIMEOUT]]
"""

import argparse
import sys
import time
from typing import List, NoReturn

import gdtls

dtls = gdtls.DTLSServer()  # var dtls := DTLSServer.new()
server = gdtls.UDPServer()  # var server := UDPServer.new()
peers: List[gdtls.PacketPeerDTLS] = []  # var peers = []
answered = 0

FRAME = 0.001  # a 1 ms frame


def fail(what: str) -> NoReturn:
    print(f"{what}: {gdtls.get_last_error_message()}", file=sys.stderr)
    sys.exit(1)


def _ready(port: int, key_path: str, cert_path: str) -> None:
    if server.listen(port) != gdtls.OK:
        fail("listen")
    key = gdtls.CryptoKey()
    if key.load(key_path) != gdtls.OK:  # Your private key.
        fail("load key")
    cert = gdtls.X509Certificate()
    if cert.load(cert_path) != gdtls.OK:  # Your X509 certificate.
        fail("load certificate")
    if dtls.setup_godot3(key, cert) != gdtls.OK:
        fail("setup")


def _process(delta: float) -> None:
    global answered
    while server.is_connection_available():
        peer = server.take_connection()
        assert peer is not None  # is_connection_available() said one is pending
        dtls_peer = dtls.take_connection(peer)
        if dtls_peer.get_status() != gdtls.PacketPeerDTLS.STATUS_HANDSHAKING:
            continue  # It is normal that 50% of the connections fails due to cookie exchange.
        print("Peer connected!", flush=True)
        peers.append(dtls_peer)
    for p in peers:
        p.poll()  # Must poll to update the state.
        if p.get_status() == gdtls.PacketPeerDTLS.STATUS_CONNECTED:
            while p.get_available_packet_count() > 0:
                text = p.get_packet().decode("utf-8", "replace")
                print("Received message from client: %s" % text, flush=True)
                p.put_packet("Hello DTLS client".encode())
                answered += 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description="The DTLSServer example of Godot's class reference."
    )
    parser.add_argument("port", type=int, help="UDP port to listen on, every address")
    parser.add_argument("key", help="the server's private key file")
    parser.add_argument("cert", help="the server's certificate file")
    parser.add_argument("clients", type=int, nargs="?", default=1, help="clients to answer (1)")
    parser.add_argument("timeout", type=float, nargs="?", default=30, help="seconds (30)")
    args = parser.parse_args()

    _ready(args.port, args.key, args.cert)
    start = last = time.monotonic()
    while answered < args.clients and time.monotonic() - start < args.timeout:
        now = time.monotonic()
        _process(now - last)
        last = now
        time.sleep(FRAME)
    # Let the last replies go out, then close every connection cleanly.
    for _ in range(50):
        _process(FRAME)
        time.sleep(FRAME)
    for p in peers:
        p.disconnect_from_peer()
    return 0 if answered >= args.clients else 1


if __name__ == "__main__":
    sys.exit(main())
