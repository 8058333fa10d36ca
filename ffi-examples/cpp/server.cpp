// The DTLSServer example of Godot's class reference (server.gd), line by
// line in C++. It serves until it has answered CLIENTS clients (default 1)
// or TIMEOUT seconds (default 30) have passed.
//
// Usage: server PORT KEY CERT [CLIENTS [TIMEOUT]]
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "example.hpp"
#include "gdtls.hpp"

using gdtls::check;

// extends Node
struct Server {
    gdtls::DTLSServer dtls;                   // var dtls := DTLSServer.new()
    gdtls::UDPServer server;                  // var server := UDPServer.new()
    std::vector<gdtls::PacketPeerDTLS> peers; // var peers = []
    int answered = 0;

    void ready(int port, const char *key_path, const char *cert_path) {
        check(server.listen(port));
        gdtls::CryptoKey key;
        check(key.load(key_path)); // Your private key.
        gdtls::X509Certificate cert;
        check(cert.load(cert_path)); // Your X509 certificate.
        check(dtls.setup_godot3(key, cert));
    }

    void process() {
        while (server.is_connection_available()) {
            gdtls::PacketPeerUDP peer = server.take_connection();
            gdtls::PacketPeerDTLS dtls_peer = dtls.take_connection(peer);
            if (dtls_peer.get_status() != gdtls::PacketPeerDTLS::STATUS_HANDSHAKING)
                continue; // It is normal that 50% of the connections fails due to cookie exchange.
            std::cout << "Peer connected!" << std::endl;
            peers.push_back(std::move(dtls_peer));
        }
        for (gdtls::PacketPeerDTLS &p : peers) {
            p.poll(); // Must poll to update the state.
            if (p.get_status() == gdtls::PacketPeerDTLS::STATUS_CONNECTED) {
                while (p.get_available_packet_count() > 0) {
                    const std::vector<uint8_t> packet = p.get_packet();
                    std::cout << "Received message from client: " << std::string(packet.begin(), packet.end())
                              << std::endl;
                    p.put_packet("Hello DTLS client");
                    answered++;
                }
            }
        }
    }
};

int main(int argc, char **argv) {
    if (argc < 4 || argc > 6) {
        std::cerr << "usage: " << argv[0] << " PORT KEY CERT [CLIENTS [TIMEOUT]]" << std::endl;
        return 2;
    }
    return example::run_main(argv[0], [&] {
        const int port = example::number_arg(argv[1], "PORT");
        const int clients = argc > 4 ? example::number_arg(argv[4], "CLIENTS") : 1;
        const int timeout = argc > 5 ? example::number_arg(argv[5], "TIMEOUT") : 30;
        Server node;
        node.ready(port, argv[2], argv[3]);
        example::run_frames(timeout, [&] {
            node.process();
            return node.answered >= clients;
        });
        // Let the last replies go out, then close every connection cleanly.
        for (int i = 0; i < 50; i++) {
            node.process();
            example::next_frame();
        }
        for (gdtls::PacketPeerDTLS &p : node.peers) p.disconnect_from_peer();
        return node.answered >= clients ? 0 : 1;
    });
}
