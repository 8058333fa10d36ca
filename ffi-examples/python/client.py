#!/usr/bin/env python3
"""The PacketPeerDTLS client example of Godot's class reference (client.gd),
line by line in Python. It stops once the server has answered, or after
TIMEOUT seconds (default 10). Without CA_CERT it does not validate the
server's certificate, as the example; with CA_CERT and HOSTNAME it does,
against CA_CERT for HOSTNAME.

Usage: client.py HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]
"""

import argparse
import sys
import time
from typing import Optional

import gdtls

dtls = gdtls.PacketPeerDTLS()  # var dtls := PacketPeerDTLS.new()
udp = gdtls.PacketPeerUDP()  # var udp := PacketPeerUDP.new()
connected = False

FRAME = 0.001  # a 1 ms frame


def _ready(host: str, port: int, trusted: Optional[gdtls.X509Certificate], hostname: str) -> None:
    err = udp.connect_to_host(host, port)
    if err == gdtls.OK:
        if trusted is None:
            # Use true in production for certificate validation!
            err = dtls.connect_to_peer_godot3(udp, False)
        else:
            err = dtls.connect_to_peer_godot3(udp, True, hostname, trusted)
    if err != gdtls.OK:
        print(f"connect: {gdtls.get_last_error_message()}", file=sys.stderr)
        sys.exit(1)


def _process(delta: float) -> None:
    global connected
    dtls.poll()
    if dtls.get_status() == gdtls.PacketPeerDTLS.STATUS_CONNECTED:
        if not connected:
            # Try to contact server
            dtls.put_packet("The answer is... 42!".encode())
        while dtls.get_available_packet_count() > 0:
            print("Connected: %s" % dtls.get_packet().decode("utf-8", "replace"), flush=True)
            connected = True


def main() -> int:
    parser = argparse.ArgumentParser(
        description="The DTLS client example of Godot's class reference."
    )
    parser.add_argument("host", help="the server's address")
    parser.add_argument("port", type=int, help="the server's UDP port")
    parser.add_argument("timeout", type=float, nargs="?", default=10, help="seconds (10)")
    parser.add_argument("ca_cert", nargs="?", help="validate the server against this certificate")
    parser.add_argument("hostname", nargs="?", help="the name the server's certificate must carry")
    args = parser.parse_args()
    if (args.ca_cert is None) != (args.hostname is None):
        parser.error("CA_CERT and HOSTNAME go together")

    trusted = None
    if args.ca_cert is not None:
        trusted = gdtls.X509Certificate()
        if trusted.load(args.ca_cert) != gdtls.OK:
            print(f"load {args.ca_cert}: {gdtls.get_last_error_message()}", file=sys.stderr)
            return 1
    _ready(args.host, args.port, trusted, args.hostname or "")
    start = last = time.monotonic()
    while not connected and time.monotonic() - start < args.timeout:
        now = time.monotonic()
        _process(now - last)
        last = now
        time.sleep(FRAME)
    dtls.disconnect_from_peer()
    return 0 if connected else 1


if __name__ == "__main__":
    sys.exit(main())
