// Unit checks of gdtls.hpp: ownership (moves, shared copies, handles
// given back), errors as values and as exceptions, every class's calls, a
// UDP exchange, a host transport, and a verified DTLS handshake with an
// echo over 127.0.0.1; then what gdtls adds to Godot: pre-shared keys
// with a lookup in C++, pins, what a connection negotiated and carried,
// event-loop hooks, session resumption and the log callback, each over a
// real handshake. tests/binding_cpp.rs runs it under valgrind.
//
// Usage: test_gdtls KEY CERT DIR DER CRL KEY_PIN CERT_PIN
//   KEY, CERT: a private key and its certificate for "localhost";
//   DIR: an empty scratch directory;
//   DER: CERT in DER; CRL: a certificate revocation list (PEM);
//   KEY_PIN, CERT_PIN: the SHA-256 of CERT's public key and of CERT, in
//   hex, as OpenSSL computes them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gdtls.hpp"

using gdtls::Error;
using gdtls::PacketPeerDTLS;

namespace {

int passed, failed;

void record(bool ok, const char *what, int line) {
    if (ok) {
        passed++;
        return;
    }
    failed++;
    std::cerr << "test_gdtls.cpp:" << line << ": CHECK failed: " << what
              << "\n  last error: " << gdtls::last_error_message() << std::endl;
}

#define CHECK(cond) record(static_cast<bool>(cond), #cond, __LINE__)

// Generous, for valgrind: a handshake takes seconds there.
constexpr auto time_limit = std::chrono::seconds(30);

/// Calls `step` until it returns true or the time limit passes; whether it did.
template <class Step>
bool eventually(Step &&step) {
    const auto deadline = std::chrono::steady_clock::now() + time_limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (step()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

std::string text(const std::vector<uint8_t> &bytes) { return std::string(bytes.begin(), bytes.end()); }

bool contains(const std::string &haystack, const std::string &needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string hex(const std::vector<uint8_t> &bytes) {
    std::string out;
    char digits[3];
    for (const uint8_t byte : bytes) {
        std::snprintf(digits, sizeof digits, "%02x", byte);
        out += digits;
    }
    return out;
}

std::vector<uint8_t> file_bytes(const std::string &path) {
    std::ifstream file(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

void versions_and_error_names() {
    CHECK(std::string(gdtls::version()) == GDTLS_VERSION);
    auto version = reinterpret_cast<gdtls_version_fn>(gdtls::get_proc_address("gdtls_version"));
    CHECK(version != nullptr && std::string(version()) == GDTLS_VERSION);
    CHECK(gdtls::get_proc_address("gdtls_no_such_function") == nullptr);

    CHECK(std::string(gdtls::error_string(Error::ERR_INVALID_PARAMETER)) == "Invalid parameter");
    for (int32_t e = 0; e <= static_cast<int32_t>(Error::ERR_PRINTER_ON_FIRE); e++)
        CHECK(std::string(gdtls::error_string(static_cast<Error>(e))) != "Unknown error");
    CHECK(std::string(gdtls::error_string(static_cast<Error>(49))) == "Unknown error");
    CHECK(static_cast<int32_t>(Error::ERR_BUSY) == 44);
    CHECK(PacketPeerDTLS::STATUS_ERROR_HOSTNAME_MISMATCH == 4);
}

/// A copy is a second handle to the same object; a move takes the handle.
template <class T>
void copies_and_moves_of(const T &object) {
    const std::size_t before = gdtls::live_handle_count();
    {
        T copy = object;
        CHECK(copy && copy.handle() != object.handle());
        CHECK(gdtls::live_handle_count() == before + 1);
        T moved = std::move(copy);
        CHECK(moved && !copy && copy.is_null());
        CHECK(gdtls::live_handle_count() == before + 1);
    }
    CHECK(gdtls::live_handle_count() == before);
}

void ownership(const std::string &key_path) {
    const std::size_t start = gdtls::live_handle_count();
    {
        gdtls::CryptoKey a;
        CHECK(a && gdtls::live_handle_count() == start + 1);
        gdtls::CryptoKey b = a;
        CHECK(gdtls::live_handle_count() == start + 2);
        // One object behind both: what is loaded through one, the other has.
        CHECK(b.is_public_only());
        CHECK(a.load(key_path) == Error::OK);
        CHECK(!b.is_public_only());

        gdtls::CryptoKey c = std::move(a);
        CHECK(!a && c && gdtls::live_handle_count() == start + 2);
        a = c;
        CHECK(a && gdtls::live_handle_count() == start + 3);
        c = std::move(b);
        CHECK(c && !b && gdtls::live_handle_count() == start + 2);
        gdtls::CryptoKey &same = c;
        c = same;
        CHECK(c && !c.is_public_only() && gdtls::live_handle_count() == start + 2);

        gdtls_crypto_key *raw = c.release();
        CHECK(!c && raw != nullptr && gdtls::live_handle_count() == start + 2);
        gdtls::CryptoKey adopted = gdtls::CryptoKey::adopt(raw);
        CHECK(!adopted.is_public_only());
        gdtls::CryptoKey none = nullptr;
        CHECK(!none && none.is_null() && gdtls::live_handle_count() == start + 2);
    }
    CHECK(gdtls::live_handle_count() == start);

    copies_and_moves_of(gdtls::CryptoKey());
    copies_and_moves_of(gdtls::X509Certificate());
    copies_and_moves_of(gdtls::TLSOptions::client_unsafe());
    copies_and_moves_of(gdtls::PacketPeerUDP());
    copies_and_moves_of(gdtls::UDPServer());
    copies_and_moves_of(gdtls::PacketPeerDTLS());
    copies_and_moves_of(gdtls::DTLSServer());
    // A copy of nothing is nothing, and takes no handle.
    const gdtls::DTLSServer none = nullptr;
    const gdtls::DTLSServer copy = none;
    CHECK(!copy && gdtls::live_handle_count() == start);
}

void errors_as_values(const std::string &dir) {
    gdtls::CryptoKey key;
    gdtls::clear_last_error();
    CHECK(gdtls::last_error() == Error::OK && gdtls::last_error_message().empty());
    CHECK(key.load(dir + "/missing.key") == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(contains(gdtls::last_error_message(), "missing.key"));

    // A NUL inside a string would make C read another path: refused here.
    CHECK(key.load(std::string_view("key.pem\0.txt", 12)) == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(contains(gdtls::last_error_message(), "gdtls_crypto_key_load: a string argument holds a NUL"));
    CHECK(gdtls::get_proc_address(std::string_view("gdtls_version\0x", 15)) == nullptr);
    // ... and the library's next failure is the one reported.
    CHECK(gdtls::Crypto::generate_rsa(7).is_null());
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(contains(gdtls::last_error_message(), "gdtls_crypto_generate_rsa"));
    gdtls::clear_last_error();
    CHECK(gdtls::last_error() == Error::OK && gdtls::last_error_message().empty());

    // Objects that hold nothing, or were moved from, refuse every call.
    gdtls::CryptoKey none = nullptr;
    CHECK(none.load(dir + "/missing.key") == Error::ERR_INVALID_PARAMETER);
    CHECK(none.save_to_string().empty());
    gdtls::CryptoKey moved = std::move(key);
    CHECK(key.save(dir + "/k.pem") == Error::ERR_INVALID_PARAMETER);
    gdtls::PacketPeerDTLS no_peer = nullptr;
    CHECK(no_peer.get_status() == PacketPeerDTLS::STATUS_ERROR);
    CHECK(no_peer.put_packet("x") == Error::ERR_INVALID_PARAMETER);
    gdtls::UDPServer not_listening;
    CHECK(not_listening.take_connection().is_null());
    CHECK(not_listening.poll() == Error::ERR_UNCONFIGURED);
    gdtls::DTLSServer server;
    CHECK(server.take_connection(nullptr).get_status() == PacketPeerDTLS::STATUS_ERROR);

    gdtls::PacketPeerDTLS peer;
    std::vector<uint8_t> packet{1, 2, 3};
    CHECK(peer.get_packet(packet) == Error::ERR_UNCONFIGURED && packet.empty());
    CHECK(peer.get_packet().empty() && gdtls::last_error() == Error::ERR_UNCONFIGURED);
    CHECK(peer.put_packet(nullptr, 5) == Error::ERR_INVALID_PARAMETER);
    CHECK(peer.put_packet("hello") == Error::ERR_UNCONFIGURED);
}

void errors_as_exceptions(const std::string &dir) {
    gdtls::check(Error::OK);
    gdtls::CryptoKey key;
    try {
        gdtls::check(key.load(dir + "/missing.key"));
        CHECK(!"check did not throw");
    } catch (const gdtls::Exception &e) {
        CHECK(e.error() == Error::ERR_INVALID_PARAMETER);
        CHECK(contains(e.what(), "missing.key"));
    }
    try {
        gdtls::check(gdtls::Crypto::generate_rsa(7));
        CHECK(!"check did not throw");
    } catch (const std::runtime_error &e) {
        const auto *error = dynamic_cast<const gdtls::Exception *>(&e);
        CHECK(error != nullptr && error->error() == Error::ERR_INVALID_PARAMETER);
    }
    gdtls::clear_last_error();
    try {
        gdtls::check(Error::ERR_BUSY);
        CHECK(!"check did not throw");
    } catch (const gdtls::Exception &e) {
        CHECK(e.error() == Error::ERR_BUSY && std::string(e.what()) == gdtls::error_string(Error::ERR_BUSY));
    }
    const gdtls::CryptoKey checked = gdtls::check(gdtls::CryptoKey());
    CHECK(checked);
}

void crypto(const std::string &key_path, const std::string &cert_path, const std::string &dir) {
    gdtls::Crypto crypto;
    gdtls::CryptoKey key = crypto.generate_rsa(512);
    CHECK(key && !key.is_public_only());
    gdtls::X509Certificate cert = crypto.generate_self_signed_certificate(key, "CN=test,O=gdtls");
    CHECK(cert && cert.get_count() == 1);
    CHECK(gdtls::Crypto::generate_self_signed_certificate(key, "CN=test", "2014").is_null());
    CHECK(gdtls::Crypto::generate_self_signed_certificate(key, std::string_view("CN=a\0b", 6)).is_null());
    CHECK(gdtls::Crypto::generate_self_signed_certificate(gdtls::CryptoKey()).is_null());
    CHECK(gdtls::last_error() == Error::ERR_UNCONFIGURED);

    const std::string pem = key.save_to_string();
    CHECK(contains(pem, "-----BEGIN") && contains(pem, "PRIVATE KEY-----"));
    std::string public_pem;
    CHECK(key.save_to_string(public_pem, true) == Error::OK && contains(public_pem, "PUBLIC KEY-----"));
    gdtls::CryptoKey public_key;
    CHECK(public_key.load_from_string(public_pem, true) == Error::OK && public_key.is_public_only());
    CHECK(public_key.load_from_string("not a key") == Error::FAILED && public_key.is_public_only());
    CHECK(key.save(dir + "/saved.key") == Error::OK && public_key.load(dir + "/saved.key") == Error::OK);
    CHECK(!public_key.is_public_only() && public_key.save_to_string() == pem);
    CHECK(key.save(dir + "/saved.pub", true) == Error::OK);
    CHECK(public_key.load(dir + "/saved.pub", true) == Error::OK && public_key.is_public_only());

    CHECK(cert.save(dir + "/saved.crt") == Error::OK);
    gdtls::X509Certificate loaded;
    CHECK(loaded.load(dir + "/saved.crt") == Error::OK && loaded.save_to_string() == cert.save_to_string());
    CHECK(loaded.load(key_path) == Error::FAILED && loaded.get_count() == 1);

    // A chain longer than a first read's room: read again at its size.
    gdtls::X509Certificate one;
    CHECK(one.load(cert_path) == Error::OK);
    const std::string single = one.save_to_string();
    gdtls::X509Certificate chain;
    CHECK(chain.load_from_string(single + single + single) == Error::OK && chain.get_count() == 3);
    std::string out = "reused";
    CHECK(chain.save_to_string(out) == Error::OK && out == single + single + single);
    CHECK(gdtls::X509Certificate().save_to_string(out) == Error::ERR_UNCONFIGURED && out.empty());
}

void tls_options(const gdtls::CryptoKey &key, const gdtls::X509Certificate &cert) {
    gdtls::TLSOptions server = gdtls::TLSOptions::server(key, cert);
    CHECK(server && server.is_server() && !server.is_unsafe_client());
    CHECK(server.get_private_key() && !server.get_private_key().is_public_only());
    CHECK(server.get_own_certificate().get_count() == 1);
    CHECK(server.get_trusted_ca_chain().is_null());

    gdtls::TLSOptions client = gdtls::TLSOptions::client(cert, "override.example");
    CHECK(client && !client.is_server() && !client.is_unsafe_client());
    CHECK(client.get_common_name_override() == "override.example");
    std::string name;
    CHECK(client.get_common_name_override(name) == Error::OK && name == "override.example");
    CHECK(client.get_trusted_ca_chain().get_count() == 1);
    CHECK(client.get_private_key().is_null() && client.get_own_certificate().is_null());
    CHECK(gdtls::TLSOptions::client().get_common_name_override().empty());
    CHECK(gdtls::TLSOptions::client_unsafe().is_unsafe_client());

    CHECK(gdtls::TLSOptions::server(gdtls::CryptoKey(), cert).is_null());
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::TLSOptions::client(gdtls::X509Certificate()).is_null());
    CHECK(gdtls::TLSOptions::client(cert, std::string_view("a\0b", 3)).is_null());
    CHECK(gdtls::DTLSServer().setup(client) == Error::ERR_INVALID_PARAMETER);
}

void udp_exchange() {
    gdtls::UDPServer server;
    CHECK(server.listen(0, "127.0.0.1") == Error::OK && server.is_listening());
    const int32_t port = server.get_local_port();
    CHECK(port > 0 && gdtls::UDPServer(server).get_local_port() == port);
    CHECK(server.get_max_pending_connections() == GDTLS_DEFAULT_MAX_PENDING_CONNECTIONS);
    CHECK(server.set_max_pending_connections(4) == Error::OK && server.get_max_pending_connections() == 4);
    CHECK(server.set_max_pending_connections(-1) == Error::ERR_INVALID_PARAMETER);
    CHECK(server.listen(0, std::string_view("127.0.0.1\0", 10)) == Error::ERR_INVALID_PARAMETER);

    gdtls::PacketPeerUDP client;
    CHECK(client.connect_to_host("127.0.0.1", port) == Error::OK);
    CHECK(client.is_socket_connected() && client.is_bound() && client.get_local_port() > 0);
    CHECK(client.get_max_packet_size() == GDTLS_MAX_DATAGRAM);
    CHECK(client.put_packet("ping") == Error::OK);
    CHECK(eventually([&] { return server.poll() == Error::OK && server.is_connection_available(); }));
    gdtls::PacketPeerUDP peer = server.take_connection();
    CHECK(peer && peer.is_socket_connected());
    CHECK(peer.get_available_packet_count() == 1 && text(peer.get_packet()) == "ping");
    CHECK(peer.get_packet_ip() == "127.0.0.1" && peer.get_packet_port() == client.get_local_port());
    std::string ip;
    CHECK(peer.get_packet_ip(ip) == Error::OK && ip == "127.0.0.1");

    const std::vector<uint8_t> reply{1, 2, 3};
    CHECK(peer.put_packet(reply) == Error::OK);
    CHECK(client.wait_timeout(10000) == Error::OK && client.wait() == Error::OK);
    uint8_t buf[16];
    std::size_t len = 0;
    CHECK(client.get_packet(buf, 1, len) == Error::ERR_PARAMETER_RANGE_ERROR && len == 3);
    CHECK(client.get_available_packet_count() == 1);
    CHECK(client.get_packet(buf, sizeof buf, len) == Error::OK && len == 3);
    CHECK(std::memcmp(buf, reply.data(), 3) == 0);
    std::vector<uint8_t> packet;
    CHECK(client.get_packet(packet) == Error::ERR_UNAVAILABLE && packet.empty());
    CHECK(client.wait_timeout(1) == Error::ERR_TIMEOUT);
    CHECK(client.connect_to_host("127.0.0.1", 0) == Error::ERR_INVALID_PARAMETER);

    // A peer that is bound, not connected: it sends where it is told.
    gdtls::PacketPeerUDP other;
    CHECK(other.join_multicast_group("239.255.0.1") == Error::ERR_UNCONFIGURED);
    CHECK(other.leave_multicast_group("239.255.0.1", "") == Error::ERR_UNCONFIGURED);
    CHECK(other.get_available_packet_count() == -1);
    CHECK(other.bind(0, "127.0.0.1") == Error::OK && other.is_bound() && !other.is_socket_connected());
    CHECK(other.bind(0) == Error::ERR_ALREADY_IN_USE);
    CHECK(other.join_multicast_group("127.0.0.1") == Error::ERR_INVALID_PARAMETER);
    CHECK(other.leave_multicast_group("127.0.0.1") == Error::ERR_INVALID_PARAMETER);
    CHECK(other.set_broadcast_enabled(true) == Error::OK);
    CHECK(other.set_dest_address("127.0.0.1", port) == Error::OK);
    const uint8_t hello[] = {'h', 'i'};
    CHECK(other.put_packet(hello, sizeof hello) == Error::OK);
    CHECK(eventually([&] { return server.is_connection_available(); }));
    CHECK(text(server.take_connection().get_packet()) == "hi");
    CHECK(other.close() == Error::OK && !other.is_bound());

    CHECK(server.stop() == Error::OK && !server.is_listening());
    CHECK(peer.put_packet("late") != Error::OK);
}

/// An in-memory network for one peer: what it sends, what it will receive.
struct Wire {
    std::deque<std::vector<uint8_t>> sent, to_receive;
    bool released = false;
    bool fail_sends = false;
};

class WireTransport : public gdtls::Transport {
public:
    explicit WireTransport(Wire &wire) : wire_(wire) {}
    ~WireTransport() override { wire_.released = true; }

    Error send(const uint8_t *data, std::size_t len) override {
        if (wire_.fail_sends) throw std::runtime_error("the wire is cut");
        wire_.sent.emplace_back(data, data + len);
        return Error::OK;
    }

    int64_t receive(uint8_t *buf, std::size_t cap) override {
        if (wire_.to_receive.empty()) return -1;
        const std::vector<uint8_t> datagram = std::move(wire_.to_receive.front());
        wire_.to_receive.pop_front();
        if (datagram.size() > cap) return -2;
        std::memcpy(buf, datagram.data(), datagram.size());
        return static_cast<int64_t>(datagram.size());
    }

private:
    Wire &wire_;
};

void host_transport() {
    Wire wire;
    {
        auto peer = gdtls::PacketPeerUDP::from_transport(std::make_unique<WireTransport>(wire));
        CHECK(peer && peer.is_socket_connected() && peer.get_local_port() == 0);
        CHECK(peer.put_packet("out") == Error::OK);
        CHECK(wire.sent.size() == 1 && text(wire.sent.front()) == "out");
        wire.to_receive.push_back({'i', 'n'});
        CHECK(peer.get_available_packet_count() == 1 && text(peer.get_packet()) == "in");
        // An exception in the transport is a failed send, not a crash.
        wire.fail_sends = true;
        CHECK(peer.put_packet("lost") != Error::OK);
        CHECK(peer.bind(0) != Error::OK && peer.wait() == Error::ERR_UNAVAILABLE);
        CHECK(!wire.released);
    }
    CHECK(wire.released);

    gdtls_udp_callbacks incomplete{};
    CHECK(gdtls::PacketPeerUDP::from_callbacks(incomplete).is_null());
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::PacketPeerUDP::from_transport(nullptr).is_null());
    CHECK(contains(gdtls::last_error_message(), "no transport"));
}

/// A client's handshake with a server run as Godot's example runs it, all
/// in this thread: the server's connections, polled together.
struct Handshake {
    gdtls::UDPServer udp_server;
    gdtls::DTLSServer dtls_server;
    std::vector<PacketPeerDTLS> served;
    int cookie_requests = 0;
    Error client_error = Error::OK;  // what the client's poll ended its connection with
    std::string client_failure;      // and why

    void frame(PacketPeerDTLS &client) {
        while (udp_server.is_connection_available()) {
            PacketPeerDTLS peer = dtls_server.take_connection(udp_server.take_connection());
            if (peer.get_status() == PacketPeerDTLS::STATUS_HANDSHAKING)
                served.push_back(std::move(peer));
            else
                cookie_requests++;
        }
        const Error error = client.poll();
        if (error != Error::OK) {
            client_error = error;
            client_failure = gdtls::last_error_message();
        }
        for (PacketPeerDTLS &p : served) p.poll();
    }

    /// Connects `client` to the server with `options` over a new UDP peer,
    /// which it returns, and runs frames until the client's handshake ends
    /// and, when the client connected, the server's side too (the newest
    /// of `served`).
    gdtls::PacketPeerUDP connect(PacketPeerDTLS &client, const gdtls::TLSOptions &options) {
        client_error = Error::OK;
        client_failure.clear();
        gdtls::PacketPeerUDP udp;
        CHECK(udp.connect_to_host("127.0.0.1", udp_server.get_local_port()) == Error::OK);
        CHECK(client.connect_to_peer(udp, "localhost", options) == Error::OK);
        CHECK(eventually([&] {
            frame(client);
            const PacketPeerDTLS::Status status = client.get_status();
            return status != PacketPeerDTLS::STATUS_HANDSHAKING &&
                   (status != PacketPeerDTLS::STATUS_CONNECTED ||
                    (!served.empty() && served.back().get_status() == PacketPeerDTLS::STATUS_CONNECTED));
        }));
        return udp;
    }
};

void dtls_handshake(const gdtls::CryptoKey &key, const gdtls::X509Certificate &cert) {
    Handshake h;
    CHECK(h.udp_server.listen(0, "127.0.0.1") == Error::OK);
    CHECK(h.dtls_server.setup(gdtls::TLSOptions::server(key, cert)) == Error::OK);
    const int32_t port = h.udp_server.get_local_port();

    gdtls::PacketPeerUDP udp;
    CHECK(udp.connect_to_host("127.0.0.1", port) == Error::OK);
    PacketPeerDTLS client;
    CHECK(client.connect_to_peer(udp, "localhost", gdtls::TLSOptions::client(cert)) == Error::OK);
    CHECK(client.get_status() == PacketPeerDTLS::STATUS_HANDSHAKING);
    CHECK(client.connect_to_peer(udp, "localhost") == Error::ERR_ALREADY_IN_USE);
    CHECK(eventually([&] {
        h.frame(client);
        return client.get_status() == PacketPeerDTLS::STATUS_CONNECTED && h.served.size() == 1 &&
               h.served[0].get_status() == PacketPeerDTLS::STATUS_CONNECTED;
    }));
    CHECK(h.cookie_requests >= 1);
    if (h.served.size() != 1) return;
    PacketPeerDTLS &served = h.served[0];
    CHECK(h.dtls_server.get_handshake_count() == 0);

    // An echo, through each way of reading.
    CHECK(client.get_max_packet_size() > 1000 && client.get_max_packet_size() <= GDTLS_DTLS_MTU);
    CHECK(client.put_packet("The answer is... 42!") == Error::OK);
    CHECK(eventually([&] {
        h.frame(client);
        return served.get_available_packet_count() > 0;
    }));
    std::vector<uint8_t> packet;
    CHECK(served.get_packet(packet) == Error::OK && text(packet) == "The answer is... 42!");
    CHECK(served.put_packet(packet) == Error::OK);
    CHECK(eventually([&] {
        h.frame(client);
        return client.get_available_packet_count() > 0;
    }));
    uint8_t buf[64];
    std::size_t len = 0;
    CHECK(client.get_packet(buf, 4, len) == Error::ERR_PARAMETER_RANGE_ERROR && len == packet.size());
    CHECK(client.get_packet(buf, sizeof buf, len) == Error::OK &&
          std::string(reinterpret_cast<char *>(buf), len) == "The answer is... 42!");
    CHECK(client.get_packet(packet) == Error::ERR_UNAVAILABLE);

    // A copy is the same connection.
    PacketPeerDTLS same = served;
    CHECK(same.put_packet(std::string(3, 'x')) == Error::OK);
    CHECK(eventually([&] {
        h.frame(client);
        return client.get_available_packet_count() > 0;
    }));
    CHECK(text(client.get_packet()) == "xxx");
    CHECK(client.get_idle_time_msec() < 30000);

    // A close from the client is seen by the server.
    CHECK(client.disconnect_from_peer() == Error::OK);
    CHECK(client.get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
    CHECK(eventually([&] {
        h.frame(client);
        return served.get_status() == PacketPeerDTLS::STATUS_DISCONNECTED;
    }));
    CHECK(served.put_packet("gone") == Error::ERR_UNCONFIGURED);

    // A certificate for another name than the one asked for.
    gdtls::PacketPeerUDP udp2;
    CHECK(udp2.connect_to_host("127.0.0.1", port) == Error::OK);
    PacketPeerDTLS mismatched;
    CHECK(mismatched.connect_to_peer_godot3(udp2, true, "example.com", cert) == Error::OK);
    CHECK(eventually([&] {
        h.frame(mismatched);
        return mismatched.get_status() != PacketPeerDTLS::STATUS_HANDSHAKING;
    }));
    CHECK(mismatched.get_status() == PacketPeerDTLS::STATUS_ERROR_HOSTNAME_MISMATCH);
    CHECK(contains(h.client_failure, "not for 'example.com'"));
}

void dtls_settings(const gdtls::CryptoKey &key, const gdtls::X509Certificate &cert) {
    gdtls::DTLSServer server;
    CHECK(server.setup_godot3(key, cert) == Error::OK);
    CHECK(server.setup_godot3(gdtls::CryptoKey(), cert) == Error::ERR_INVALID_PARAMETER);
    uint32_t min = 0, max = 0;
    CHECK(server.get_handshake_timeout_msec(min, max) == Error::OK);
    CHECK(min == GDTLS_DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MIN_MSEC);
    CHECK(max == GDTLS_DEFAULT_SERVER_HANDSHAKE_TIMEOUT_MAX_MSEC);
    CHECK(server.set_handshake_timeout_msec(500, 4000) == Error::OK);
    CHECK(server.get_handshake_timeout_msec(min, max) == Error::OK && min == 500 && max == 4000);
    CHECK(server.set_handshake_timeout_msec(0, 10) == Error::ERR_INVALID_PARAMETER);
    CHECK(server.get_idle_timeout_msec() == 0);
    CHECK(server.set_idle_timeout_msec(15000) == Error::OK && server.get_idle_timeout_msec() == 15000);
    int32_t total = 0, per_source = 0;
    CHECK(server.get_max_handshakes(total, per_source) == Error::OK);
    CHECK(total == GDTLS_DEFAULT_MAX_HANDSHAKES && per_source == GDTLS_DEFAULT_MAX_HANDSHAKES_PER_SOURCE);
    CHECK(server.set_max_handshakes(10, 2) == Error::OK);
    CHECK(server.get_max_handshakes(total, per_source) == Error::OK && total == 10 && per_source == 2);
    CHECK(server.set_max_handshakes(-1, 2) == Error::ERR_INVALID_PARAMETER);
    CHECK(server.get_handshake_count() == 0);

    PacketPeerDTLS peer;
    CHECK(peer.get_status() == PacketPeerDTLS::STATUS_DISCONNECTED);
    CHECK(peer.get_handshake_timeout_msec(min, max) == Error::OK);
    CHECK(min == GDTLS_DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MIN_MSEC);
    CHECK(max == GDTLS_DEFAULT_CLIENT_HANDSHAKE_TIMEOUT_MAX_MSEC);
    CHECK(peer.set_handshake_timeout_msec(200, 800) == Error::OK);
    CHECK(peer.get_handshake_timeout_msec(min, max) == Error::OK && min == 200 && max == 800);
    CHECK(peer.set_idle_timeout_msec(5000) == Error::OK && peer.get_idle_timeout_msec() == 5000);
    gdtls::PacketPeerUDP unconnected;
    CHECK(peer.connect_to_peer(unconnected, "localhost") == Error::ERR_INVALID_PARAMETER);
    const std::string_view with_nul("local\0host", 10);
    CHECK(peer.connect_to_peer(unconnected, with_nul) == Error::ERR_INVALID_PARAMETER);
    CHECK(peer.disconnect_from_peer() == Error::OK);
}

/// Files and pins the test was given, made by OpenSSL from CERT.
struct Fixtures {
    std::vector<uint8_t> der, crl;
    std::string key_pin, cert_pin;
};

/// What gdtls adds to Godot, short of a handshake: ECDSA keys, keys and
/// certificates from memory, pins, the options' settings, session tickets,
/// and each one's refusals.
void beyond_godot_calls(const gdtls::CryptoKey &key, const gdtls::X509Certificate &cert,
                        const Fixtures &fixtures) {
    CHECK(gdtls::version_number() == GDTLS_VERSION_NUMBER);
    CHECK(gdtls::version_number() ==
          (GDTLS_VERSION_MAJOR << 16 | GDTLS_VERSION_MINOR << 8 | GDTLS_VERSION_PATCH));

    for (const char *curve : {"P-256", "P-384", "secp256r1"}) {
        const gdtls::CryptoKey ec = gdtls::Crypto::generate_ecdsa(curve);
        CHECK(ec && !ec.is_public_only() && contains(ec.save_to_string(), "PRIVATE KEY-----"));
    }
    CHECK(gdtls::Crypto::generate_ecdsa("P-192").is_null());
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(contains(gdtls::last_error_message(), "P-192"));
    CHECK(gdtls::Crypto::generate_ecdsa(std::string_view("P-256\0", 6)).is_null());

    // Keys and certificates from memory: PEM text, or DER bytes.
    gdtls::X509Certificate from_memory;
    CHECK(from_memory.load_from_buffer(fixtures.der) == Error::OK);
    CHECK(from_memory.save_to_string() == cert.save_to_string());
    CHECK(from_memory.load_from_buffer(cert.save_to_string()) == Error::OK && from_memory.get_count() == 1);
    CHECK(from_memory.load_from_buffer("not a certificate") == Error::FAILED && from_memory.get_count() == 1);
    CHECK(from_memory.load_from_buffer(gdtls::Bytes(nullptr, 4)) == Error::ERR_INVALID_PARAMETER);
    gdtls::CryptoKey key_from_memory;
    CHECK(key_from_memory.load_from_buffer(key.save_to_string()) == Error::OK);
    CHECK(key_from_memory.save_to_string() == key.save_to_string());
    CHECK(key_from_memory.load_from_buffer(key.save_to_string(true), true) == Error::OK);
    CHECK(key_from_memory.is_public_only());
    CHECK(key_from_memory.load_from_buffer(std::vector<uint8_t>{0x30, 0x03, 1, 2, 3}) == Error::FAILED);
    CHECK(key_from_memory.is_public_only());

    // Pins, as OpenSSL computes them.
    const std::vector<uint8_t> key_pin = cert.get_sha256_pin(gdtls::PIN_PUBLIC_KEY);
    std::vector<uint8_t> cert_pin;
    CHECK(cert.get_sha256_pin(gdtls::PIN_CERTIFICATE, cert_pin) == Error::OK);
    CHECK(key_pin.size() == gdtls::pin_size && hex(key_pin) == fixtures.key_pin);
    CHECK(cert_pin.size() == gdtls::pin_size && hex(cert_pin) == fixtures.cert_pin);
    CHECK(gdtls::X509Certificate().get_sha256_pin(gdtls::PIN_PUBLIC_KEY).empty());
    CHECK(gdtls::last_error() == Error::ERR_UNCONFIGURED);
    std::vector<uint8_t> out{1};
    CHECK(cert.get_sha256_pin(static_cast<gdtls::PinKind>(7), out) == Error::ERR_INVALID_PARAMETER);
    CHECK(out.empty());

    gdtls::TLSOptions client = gdtls::TLSOptions::client(cert);
    CHECK(client.add_pin(gdtls::PIN_PUBLIC_KEY, key_pin) == Error::OK);
    CHECK(client.add_pin(gdtls::PIN_CERTIFICATE, cert_pin) == Error::OK);
    CHECK(client.add_pin(gdtls::PIN_CERTIFICATE, std::vector<uint8_t>(31)) == Error::ERR_INVALID_PARAMETER);
    CHECK(contains(gdtls::last_error_message(), "add_pin: a pin is 32 bytes of SHA-256, not 31"));
    CHECK(client.add_pin(static_cast<gdtls::PinKind>(9), key_pin) == Error::ERR_INVALID_PARAMETER);
    CHECK(client.add_crl(fixtures.crl) == Error::OK);
    CHECK(client.add_crl("not a revocation list") == Error::FAILED);

    CHECK(client.get_mtu() == GDTLS_DTLS_MTU);
    CHECK(client.set_mtu(GDTLS_MIN_MTU) == Error::OK && client.get_mtu() == GDTLS_MIN_MTU);
    CHECK(client.set_mtu(GDTLS_MAX_MTU + 1) == Error::ERR_INVALID_PARAMETER);
    CHECK(client.get_mtu() == GDTLS_MIN_MTU);
    CHECK(client.set_cipher_suites(
              "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256:TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256") == Error::OK);
    CHECK(client.set_cipher_suites("TLS-NO-SUCH-SUITE") == Error::ERR_INVALID_PARAMETER);
    CHECK(contains(gdtls::last_error_message(), "TLS-NO-SUCH-SUITE"));
    CHECK(client.set_cipher_suites("") == Error::OK);
    CHECK(client.set_curves("x25519,secp256r1") == Error::OK);
    CHECK(client.set_curves("no-such-curve") == Error::ERR_INVALID_PARAMETER);
    CHECK(client.set_curves(std::string_view("x25519\0", 7)) == Error::ERR_INVALID_PARAMETER);
    CHECK(client.get_session_resumption());
    CHECK(client.set_session_resumption(false) == Error::OK && !client.get_session_resumption());

    // Mutual authentication: a client's certificate, a server asking for one.
    CHECK(client.set_client_certificate(key, cert) == Error::OK);
    CHECK(client.set_client_certificate(gdtls::CryptoKey(), cert) == Error::ERR_INVALID_PARAMETER);
    CHECK(client.set_client_verification(cert, true) == Error::ERR_INVALID_PARAMETER);
    gdtls::TLSOptions server = gdtls::TLSOptions::server(key, cert);
    CHECK(server.set_client_verification(cert, false) == Error::OK);
    CHECK(server.set_client_verification(gdtls::X509Certificate(), true) == Error::ERR_INVALID_PARAMETER);
    CHECK(server.set_client_certificate(key, cert) == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::TLSOptions(nullptr).get_mtu() == 0);
    CHECK(gdtls::TLSOptions(nullptr).add_crl(fixtures.crl) == Error::ERR_INVALID_PARAMETER);

    // Pre-shared keys: lengths out of range, and no lookup.
    const std::string psk(GDTLS_MAX_PSK_LEN, 'k');
    CHECK(gdtls::TLSOptions::client_psk("player", psk) && gdtls::TLSOptions::server_psk_key(psk));
    CHECK(gdtls::TLSOptions::client_psk("player", psk + "k").is_null());
    CHECK(gdtls::last_error() == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::TLSOptions::client_psk("", psk).is_null());
    CHECK(gdtls::TLSOptions::client_psk("player", "").is_null());
    CHECK(gdtls::TLSOptions::server_psk_key(psk + "k").is_null());
    CHECK(gdtls::TLSOptions::server_psk(nullptr).is_null());
    CHECK(contains(gdtls::last_error_message(), "gdtls_tls_options_server_psk: no lookup function"));

    gdtls::DTLSServer dtls;
    CHECK(dtls.get_session_ticket_lifetime_sec() == GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC);
    CHECK(dtls.set_session_ticket_lifetime_sec(60) == Error::OK);
    CHECK(dtls.get_session_ticket_lifetime_sec() == 60);
    CHECK(dtls.set_session_ticket_lifetime_sec(0) == Error::OK);
    CHECK(dtls.get_session_ticket_lifetime_sec() == 0);
    CHECK(gdtls::DTLSServer(nullptr).set_session_ticket_lifetime_sec(60) == Error::ERR_INVALID_PARAMETER);

    // A peer that never connected has nothing to tell, and no timer runs.
    const PacketPeerDTLS peer;
    CHECK(peer.get_protocol_version().empty() && gdtls::last_error() == Error::ERR_UNAVAILABLE);
    std::string suite = "stale";
    CHECK(peer.get_cipher_suite(suite) == Error::ERR_UNAVAILABLE && suite.empty());
    CHECK(peer.get_peer_certificate().is_null() && gdtls::last_error() == Error::ERR_UNAVAILABLE);
    CHECK(!peer.is_session_resumed() && peer.get_handshake_duration_usec() == 0);
    CHECK(peer.get_retransmissions() == 0 && peer.get_next_timeout_msec() == -1);
    const gdtls::Traffic none = peer.get_traffic();
    CHECK(none.datagrams_received == 0 && none.bytes_received == 0);
    CHECK(none.datagrams_sent == 0 && none.bytes_sent == 0);
    gdtls::Traffic traffic{};
    CHECK(PacketPeerDTLS(nullptr).get_traffic(traffic) == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::PacketPeerUDP().get_socket_fd() == -1 && gdtls::UDPServer().get_socket_fd() == -1);

    const auto quiet = [](gdtls::LogLevel, std::string_view) {};
    CHECK(gdtls::set_log_callback(quiet, static_cast<gdtls::LogLevel>(5)) == Error::ERR_INVALID_PARAMETER);
    CHECK(gdtls::set_log_callback(nullptr) == Error::OK);
}

/// A server that looks clients' identities up in C++, and one whose one
/// key opens every identity, each with PSK clients.
void pre_shared_keys() {
    const std::string key = "0123456789abcdef";
    std::vector<std::string> asked;                     // the identities the lookup was given
    const auto lookup_alive = std::make_shared<int>();  // held by the lookup while gdtls keeps it
    {
        Handshake h;
        CHECK(h.udp_server.listen(0, "127.0.0.1") == Error::OK);
        const gdtls::TLSOptions options = gdtls::TLSOptions::server_psk(
            [&asked, key, lookup_alive](const std::vector<uint8_t> &identity)
                -> std::optional<std::vector<uint8_t>> {
                asked.push_back(text(identity));
                if (asked.back() == "thrower") throw std::runtime_error("no such player");
                if (asked.back() != "player-1") return std::nullopt;
                return std::vector<uint8_t>(key.begin(), key.end());
            });
        CHECK(options && options.is_server());
        CHECK(h.dtls_server.setup(options) == Error::OK);
        CHECK(lookup_alive.use_count() == 2);

        PacketPeerDTLS client;
        h.connect(client, gdtls::TLSOptions::client_psk("player-1", key));
        CHECK(client.get_status() == PacketPeerDTLS::STATUS_CONNECTED);
        CHECK(asked == std::vector<std::string>{"player-1"});
        CHECK(contains(client.get_cipher_suite(), "PSK"));
        CHECK(client.get_cipher_suite() == h.served.back().get_cipher_suite());
        CHECK(client.get_peer_certificate().is_null() && gdtls::last_error() == Error::ERR_UNAVAILABLE);
        CHECK(client.put_packet("known by my key") == Error::OK);
        CHECK(eventually([&] {
            h.frame(client);
            return h.served.back().get_available_packet_count() > 0;
        }));
        CHECK(text(h.served.back().get_packet()) == "known by my key");

        // An identity the lookup refuses, or throws for, gets an alert; and
        // an exception leaving the log callback only loses its line.
        int log_calls = 0;
        CHECK(gdtls::set_log_callback(
                  [&log_calls](gdtls::LogLevel, std::string_view) {
                      log_calls++;
                      throw std::runtime_error("the log is full");
                  },
                  gdtls::LOG_STATE) == Error::OK);
        for (const std::string who : {"stranger", "thrower"}) {
            PacketPeerDTLS refused;
            CHECK(refused.set_handshake_timeout_msec(100, 400) == Error::OK);
            h.connect(refused, gdtls::TLSOptions::client_psk(who, key));
            CHECK(refused.get_status() == PacketPeerDTLS::STATUS_ERROR);
            CHECK(asked.back() == who);
        }
        CHECK(gdtls::set_log_callback(nullptr) == Error::OK);
        CHECK(log_calls > 0);
    }
    // Gone with the options, the server and its connections: let go of.
    CHECK(lookup_alive.use_count() == 1);

    Handshake h;
    CHECK(h.udp_server.listen(0, "127.0.0.1") == Error::OK);
    CHECK(h.dtls_server.setup(gdtls::TLSOptions::server_psk_key(key)) == Error::OK);
    PacketPeerDTLS client;
    h.connect(client, gdtls::TLSOptions::client_psk("anyone", key));
    CHECK(client.get_status() == PacketPeerDTLS::STATUS_CONNECTED);
    CHECK(contains(h.served.back().get_cipher_suite(), "PSK"));
    // A client with another key fails the handshake.
    PacketPeerDTLS wrong_key;
    CHECK(wrong_key.set_handshake_timeout_msec(100, 400) == Error::OK);
    h.connect(wrong_key, gdtls::TLSOptions::client_psk("anyone", "fedcba9876543210"));
    CHECK(wrong_key.get_status() == PacketPeerDTLS::STATUS_ERROR && h.client_error != Error::OK);
}

/// A client pinning a server's public key, without a CA: what the
/// connection negotiated and carried, the event-loop hooks, the log of
/// its handshake, a resumed session; and a client pinning another key.
void pins_and_what_a_connection_tells(const gdtls::X509Certificate &other_cert) {
    // An ECDSA identity: its handshakes are quick, even under valgrind.
    const gdtls::CryptoKey key = gdtls::Crypto::generate_ecdsa("P-256");
    const gdtls::X509Certificate cert = gdtls::Crypto::generate_self_signed_certificate(key, "CN=localhost");
    Handshake h;
    CHECK(h.udp_server.listen(0, "127.0.0.1") == Error::OK);
    CHECK(h.dtls_server.setup(gdtls::TLSOptions::server(key, cert)) == Error::OK);
    gdtls::TLSOptions pinned = gdtls::TLSOptions::client_unsafe();
    CHECK(pinned.add_pin(gdtls::PIN_PUBLIC_KEY, cert.get_sha256_pin(gdtls::PIN_PUBLIC_KEY)) == Error::OK);

    std::vector<std::pair<gdtls::LogLevel, std::string>> lines;
    CHECK(gdtls::set_log_callback(
              [&lines](gdtls::LogLevel level, std::string_view line) { lines.emplace_back(level, line); },
              gdtls::LOG_STATE) == Error::OK);
    PacketPeerDTLS client;
    const gdtls::PacketPeerUDP udp = h.connect(client, pinned);
    CHECK(gdtls::set_log_callback(nullptr) == Error::OK);
    const std::size_t logged = lines.size();
    CHECK(logged > 0);
    CHECK(std::all_of(lines.begin(), lines.end(), [](const auto &line) {
        return line.first == gdtls::LOG_ERROR || line.first == gdtls::LOG_STATE;
    }));
    CHECK(std::any_of(lines.begin(), lines.end(),
                      [](const auto &line) { return contains(line.second, "handshake"); }));

    CHECK(client.get_status() == PacketPeerDTLS::STATUS_CONNECTED);
    if (client.get_status() != PacketPeerDTLS::STATUS_CONNECTED || h.served.empty()) return;
    PacketPeerDTLS &served = h.served.back();
    for (const PacketPeerDTLS *peer : {&client, &served}) {
        CHECK(peer->get_protocol_version() == "DTLSv1.2");
        CHECK(contains(peer->get_cipher_suite(), "-ECDSA-"));
        CHECK(peer->get_handshake_duration_usec() > 0 && peer->get_handshake_duration_usec() < 30'000'000);
        CHECK(!peer->is_session_resumed());
        CHECK(peer->get_next_timeout_msec() == -1);
    }
    std::string version;
    CHECK(client.get_protocol_version(version) == Error::OK && version == "DTLSv1.2");
    CHECK(client.get_peer_certificate().save_to_string() == cert.save_to_string());
    CHECK(served.get_peer_certificate().is_null());

    CHECK(client.put_packet("counted") == Error::OK);
    CHECK(eventually([&] {
        h.frame(client);
        return served.get_available_packet_count() > 0;
    }));
    const gdtls::Traffic sent = client.get_traffic();
    gdtls::Traffic received{};
    CHECK(served.get_traffic(received) == Error::OK);
    for (const gdtls::Traffic &t : {sent, received}) {
        CHECK(t.datagrams_received > 0 && t.bytes_received > 0);
        CHECK(t.datagrams_sent > 0 && t.bytes_sent > t.datagrams_sent);
    }
    CHECK(sent.datagrams_sent > received.datagrams_sent);

    // An event loop sleeps on the sockets, until the next timer.
    CHECK(udp.get_socket_fd() >= 0 && h.udp_server.get_socket_fd() >= 0);
    CHECK(udp.get_socket_fd() != h.udp_server.get_socket_fd());
    CHECK(client.set_idle_timeout_msec(5000) == Error::OK);
    const int64_t left = client.get_next_timeout_msec();
    CHECK(left > 4000 && left <= 5000);
    CHECK(client.set_idle_timeout_msec(0) == Error::OK && client.get_next_timeout_msec() == -1);

    // Reconnecting with the same options resumes the session.
    CHECK(client.disconnect_from_peer() == Error::OK);
    PacketPeerDTLS again;
    h.connect(again, pinned);
    CHECK(again.get_status() == PacketPeerDTLS::STATUS_CONNECTED && again.is_session_resumed());
    CHECK(h.served.back().is_session_resumed());

    // Another key's pin: refused, however willing the client.
    gdtls::TLSOptions wrong_pin = gdtls::TLSOptions::client_unsafe();
    const std::vector<uint8_t> other_pin = other_cert.get_sha256_pin(gdtls::PIN_PUBLIC_KEY);
    CHECK(wrong_pin.add_pin(gdtls::PIN_PUBLIC_KEY, other_pin) == Error::OK);
    PacketPeerDTLS refused;
    h.connect(refused, wrong_pin);
    CHECK(refused.get_status() == PacketPeerDTLS::STATUS_ERROR);
    CHECK(h.client_error == Error::ERR_UNAUTHORIZED && contains(h.client_failure, "pinned SHA-256"));
    CHECK(lines.size() == logged);  // nothing since set_log_callback(nullptr)
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 8) {
        std::cerr << "usage: " << argv[0] << " KEY CERT DIR DER CRL KEY_PIN CERT_PIN" << std::endl;
        return 2;
    }
    const std::string key_path = argv[1], cert_path = argv[2], dir = argv[3];
    const Fixtures fixtures{file_bytes(argv[4]), file_bytes(argv[5]), argv[6], argv[7]};
    const std::size_t start = gdtls::live_handle_count();
    {
        gdtls::CryptoKey key;
        gdtls::X509Certificate cert;
        CHECK(key.load(key_path) == Error::OK && cert.load(cert_path) == Error::OK);

        versions_and_error_names();
        ownership(key_path);
        errors_as_values(dir);
        errors_as_exceptions(dir);
        crypto(key_path, cert_path, dir);
        tls_options(key, cert);
        udp_exchange();
        host_transport();
        dtls_settings(key, cert);
        dtls_handshake(key, cert);
        beyond_godot_calls(key, cert, fixtures);
        pre_shared_keys();
        pins_and_what_a_connection_tells(cert);
    }
    // Every object the checks made is gone with its last copy.
    CHECK(gdtls::live_handle_count() == start);
    std::cout << passed << " passed, " << failed << " failed" << std::endl;
    return failed == 0 ? 0 : 1;
}
