// The PacketPeerDTLS client example of Godot's class reference (client.gd),
// line by line in C++. It stops once the server has answered, or after
// TIMEOUT seconds (default 10). Without CA_CERT it does not validate the
// server's certificate, as the example; with CA_CERT and HOSTNAME it does,
// against CA_CERT for HOSTNAME.
//
// Usage: client HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "example.hpp"
#include "gdtls.hpp"

using gdtls::check;

// extends Node
struct Client {
    gdtls::PacketPeerDTLS dtls; // var dtls := PacketPeerDTLS.new()
    gdtls::PacketPeerUDP udp;   // var udp := PacketPeerUDP.new()
    bool connected = false;

    void ready(std::string_view host, int port, const gdtls::X509Certificate &trusted,
               std::string_view hostname) {
        check(udp.connect_to_host(host, port));
        if (!trusted) // Use true in production for certificate validation!
            check(dtls.connect_to_peer_godot3(udp, false));
        else
            check(dtls.connect_to_peer_godot3(udp, true, hostname, trusted));
    }

    void process() {
        dtls.poll();
        if (dtls.get_status() == gdtls::PacketPeerDTLS::STATUS_CONNECTED) {
            if (!connected) {
                // Try to contact server
                dtls.put_packet("The answer is... 42!");
            }
            while (dtls.get_available_packet_count() > 0) {
                const std::vector<uint8_t> packet = dtls.get_packet();
                std::cout << "Connected: " << std::string(packet.begin(), packet.end()) << std::endl;
                connected = true;
            }
        }
    }
};

int main(int argc, char **argv) {
    if (argc < 3 || argc == 5 || argc > 6) {
        std::cerr << "usage: " << argv[0] << " HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]" << std::endl;
        return 2;
    }
    return example::run_main(argv[0], [&] {
        const int port = example::number_arg(argv[2], "PORT");
        const int timeout = argc > 3 ? example::number_arg(argv[3], "TIMEOUT") : 10;
        gdtls::X509Certificate trusted = nullptr;
        if (argc > 5) {
            trusted = gdtls::X509Certificate();
            check(trusted.load(argv[4]));
        }
        Client node;
        node.ready(argv[1], port, trusted, argc > 5 ? argv[5] : "");
        example::run_frames(timeout, [&] {
            node.process();
            return node.connected;
        });
        node.dtls.disconnect_from_peer();
        return node.connected ? 0 : 1;
    });
}
