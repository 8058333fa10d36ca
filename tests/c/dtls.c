/* PacketPeerDTLS and DTLSServer from C: every function, every status, and
 * misuse, over real UDP on loopback. Run under valgrind by tests/c_api.rs.
 * Usage: dtls DIR  (DIR holds key.pem and cert.pem, for CN=localhost) */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

static gdtls_crypto_key *key;
static gdtls_x509_certificate *cert;

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

typedef struct {
    gdtls_udp_server *udp;
    gdtls_dtls_server *dtls;
    gdtls_packet_peer_dtls *peer; /* the one connection kept */
    int refused;
} server;

/* One frame of the server loop in Godot's example. */
static void server_frame(server *s) {
    gdtls_udp_server_poll(s->udp);
    while (gdtls_udp_server_is_connection_available(s->udp)) {
        gdtls_packet_peer_udp *u = gdtls_udp_server_take_connection(s->udp);
        gdtls_packet_peer_dtls *p = gdtls_dtls_server_take_connection(s->dtls, u);
        gdtls_packet_peer_udp_free(u);
        if (gdtls_packet_peer_dtls_get_status(p) != GDTLS_STATUS_HANDSHAKING) {
            CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_ERROR);
            s->refused++;
            gdtls_packet_peer_dtls_free(p);
            continue;
        }
        gdtls_packet_peer_dtls_free(s->peer);
        s->peer = p;
    }
    if (s->peer) gdtls_packet_peer_dtls_poll(s->peer);
}

/* Frames until the client leaves HANDSHAKING (20 s at most, for valgrind). */
static gdtls_packet_peer_dtls_status settle(server *s, gdtls_packet_peer_dtls *client) {
    for (int i = 0; i < 20000 && gdtls_packet_peer_dtls_get_status(client) == GDTLS_STATUS_HANDSHAKING; i++) {
        server_frame(s);
        gdtls_packet_peer_dtls_poll(client);
        sleep_ms(1);
    }
    for (int i = 0; i < 200 && s->peer && gdtls_packet_peer_dtls_get_status(s->peer) == GDTLS_STATUS_HANDSHAKING; i++) {
        server_frame(s);
        sleep_ms(1);
    }
    return gdtls_packet_peer_dtls_get_status(client);
}

static gdtls_packet_peer_dtls *start_client(int port, const char *ip, gdtls_packet_peer_udp **udp_out) {
    gdtls_packet_peer_udp *udp = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(udp, ip, port) == GDTLS_OK);
    *udp_out = udp;
    return gdtls_packet_peer_dtls_new();
}

/* Waits for a packet and compares it. */
static bool receive_equals(gdtls_packet_peer_dtls *p, const char *expected) {
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_available_packet_count(p) == 0; i++) {
        gdtls_packet_peer_dtls_poll(p);
        sleep_ms(1);
    }
    char buf[2048];
    size_t len = 0;
    if (gdtls_packet_peer_dtls_get_packet(p, (uint8_t *)buf, sizeof buf, &len) != GDTLS_OK) return false;
    return len == strlen(expected) && memcmp(buf, expected, len) == 0;
}

static void test_unconnected(void) {
    gdtls_packet_peer_dtls *p = gdtls_packet_peer_dtls_new();
    uint8_t buf[16];
    size_t len;
    CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_DISCONNECTED);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(p, (const uint8_t *)"x", 1), GDTLS_ERR_UNCONFIGURED);
    CHECK_ERR(gdtls_packet_peer_dtls_get_packet(p, buf, sizeof buf, &len), GDTLS_ERR_UNCONFIGURED);
    CHECK(gdtls_packet_peer_dtls_get_available_packet_count(p) == 0);
    CHECK(gdtls_packet_peer_dtls_get_max_packet_size(p) > 1000);
    CHECK(gdtls_packet_peer_dtls_poll(p) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(p) == GDTLS_OK);

    gdtls_packet_peer_udp *unconnected = gdtls_packet_peer_udp_new();
    gdtls_tls_options *server_opts = gdtls_tls_options_server(key, cert);
    CHECK_ERR(gdtls_packet_peer_dtls_connect_to_peer(p, unconnected, "localhost", NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "connected") != NULL);
    gdtls_packet_peer_udp *udp = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(udp, "127.0.0.1", 9) == GDTLS_OK);
    CHECK_ERR(gdtls_packet_peer_dtls_connect_to_peer(p, udp, "localhost", server_opts), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_dtls_connect_to_peer(p, udp, NULL, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_dtls_connect_to_peer(p, udp, "\xff", NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_DISCONNECTED);

    /* A server that is not set up gives disconnected peers. */
    gdtls_dtls_server *dtls = gdtls_dtls_server_new();
    gdtls_packet_peer_dtls *q = gdtls_dtls_server_take_connection(dtls, udp);
    CHECK(q != NULL && gdtls_packet_peer_dtls_get_status(q) == GDTLS_STATUS_DISCONNECTED);
    gdtls_tls_options *client_opts = gdtls_tls_options_client_unsafe(NULL);
    CHECK_ERR(gdtls_dtls_server_setup(dtls, client_opts), GDTLS_ERR_INVALID_PARAMETER);
    gdtls_crypto_key *other = gdtls_crypto_generate_rsa(1024);
    CHECK_ERR(gdtls_dtls_server_setup_godot3(dtls, other, cert, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_dtls_server_setup_godot3(dtls, key, NULL, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_dtls_server_setup(dtls, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_dtls_server_take_connection(dtls, NULL) == NULL);
    CHECK(gdtls_dtls_server_take_connection((gdtls_dtls_server *)p, udp) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);

    gdtls_crypto_key_free(other);
    gdtls_tls_options_free(client_opts);
    gdtls_packet_peer_dtls_free(q);
    gdtls_dtls_server_free(dtls);
    gdtls_tls_options_free(server_opts);
    gdtls_packet_peer_udp_free(udp);
    gdtls_packet_peer_udp_free(unconnected);
    gdtls_packet_peer_dtls_free(p);
}

static void test_session(const char *ip) {
    server s = {gdtls_udp_server_new(), gdtls_dtls_server_new(), NULL, 0};
    CHECK(gdtls_udp_server_listen(s.udp, 0, ip) == GDTLS_OK);
    gdtls_tls_options *server_opts = gdtls_tls_options_server(key, cert);
    CHECK(gdtls_dtls_server_setup(s.dtls, server_opts) == GDTLS_OK);
    int port = gdtls_udp_server_get_local_port(s.udp);

    /* Godot 4 shape, verifying against the trusted certificate. */
    gdtls_packet_peer_udp *udp;
    gdtls_packet_peer_dtls *c = start_client(port, ip, &udp);
    gdtls_tls_options *trusting = gdtls_tls_options_client(cert, NULL);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(c, udp, "localhost", trusting) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_HANDSHAKING);
    CHECK_ERR(gdtls_packet_peer_dtls_connect_to_peer(c, udp, "localhost", trusting), GDTLS_ERR_ALREADY_IN_USE);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(c, (const uint8_t *)"x", 1), GDTLS_ERR_UNCONFIGURED);
    gdtls_packet_peer_udp_free(udp); /* the DTLS peer holds its own reference */
    CHECK(settle(&s, c) == GDTLS_STATUS_CONNECTED);
    CHECK(s.refused == 1 && s.peer != NULL);
    CHECK(s.peer && gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_CONNECTED);

    CHECK(gdtls_packet_peer_dtls_put_packet(c, (const uint8_t *)"The answer is... 42!", 20) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_put_packet(c, NULL, 0) == GDTLS_OK);
    CHECK(receive_equals(s.peer, "The answer is... 42!"));
    CHECK(gdtls_packet_peer_dtls_put_packet(s.peer, (const uint8_t *)"Hello DTLS client", 17) == GDTLS_OK);
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_available_packet_count(c) == 0; i++) sleep_ms(1);
    uint8_t small[4];
    size_t len = 0;
    CHECK_ERR(gdtls_packet_peer_dtls_get_packet(c, small, sizeof small, &len), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    CHECK(len == 17);
    CHECK(gdtls_packet_peer_dtls_get_available_packet_count(c) == 1);
    CHECK(receive_equals(c, "Hello DTLS client"));
    CHECK_ERR(gdtls_packet_peer_dtls_get_packet(c, small, sizeof small, &len), GDTLS_ERR_UNAVAILABLE);

    int max = gdtls_packet_peer_dtls_get_max_packet_size(c);
    CHECK(max > 1100 && max < 1200);
    uint8_t *big = calloc(1, (size_t)max + 1);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(c, big, (size_t)max + 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_CONNECTED);
    memset(big, 'z', (size_t)max);
    big[max] = '\0';
    CHECK(gdtls_packet_peer_dtls_put_packet(c, big, (size_t)max) == GDTLS_OK);
    CHECK(receive_equals(s.peer, (const char *)big));
    free(big);

    /* The client hangs up; the server's peer sees it. */
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(c) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_DISCONNECTED);
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_CONNECTED; i++) {
        gdtls_packet_peer_dtls_poll(s.peer);
        sleep_ms(1);
    }
    CHECK(gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_DISCONNECTED);
    gdtls_packet_peer_dtls_free(c);

    /* Godot 3.2 shape: validating for the right and for a wrong host name. */
    c = start_client(port, ip, &udp);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer_godot3(c, udp, true, "localhost", cert) == GDTLS_OK);
    CHECK(settle(&s, c) == GDTLS_STATUS_CONNECTED);
    /* The server hangs up this time. */
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(s.peer) == GDTLS_OK);
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_CONNECTED; i++) {
        gdtls_packet_peer_dtls_poll(c);
        sleep_ms(1);
    }
    CHECK(gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_DISCONNECTED);
    gdtls_packet_peer_dtls_free(c);
    gdtls_packet_peer_udp_free(udp);

    c = start_client(port, ip, &udp);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer_godot3(c, udp, true, "wrong.host", cert) == GDTLS_OK);
    CHECK(settle(&s, c) == GDTLS_STATUS_ERROR_HOSTNAME_MISMATCH);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(c, (const uint8_t *)"x", 1), GDTLS_ERR_UNCONFIGURED);
    gdtls_packet_peer_dtls_free(c);
    gdtls_packet_peer_udp_free(udp);

    /* Trusting nothing that signed the server's certificate: plain error. */
    gdtls_crypto_key *other_key = gdtls_crypto_generate_rsa(2048);
    gdtls_x509_certificate *other = gdtls_crypto_generate_self_signed_certificate(other_key, "CN=other", NULL, NULL);
    c = start_client(port, ip, &udp);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer_godot3(c, udp, true, "localhost", other) == GDTLS_OK);
    CHECK(settle(&s, c) == GDTLS_STATUS_ERROR);
    gdtls_packet_peer_dtls_free(c);
    gdtls_packet_peer_udp_free(udp);

    /* Not validating: anything goes. */
    c = start_client(port, ip, &udp);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer_godot3(c, udp, false, NULL, NULL) == GDTLS_OK);
    CHECK(settle(&s, c) == GDTLS_STATUS_CONNECTED);
    gdtls_packet_peer_dtls_free(c); /* freeing a connected peer sends close_notify */
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_CONNECTED; i++) {
        gdtls_packet_peer_dtls_poll(s.peer);
        sleep_ms(1);
    }
    CHECK(gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_DISCONNECTED);
    gdtls_packet_peer_udp_free(udp);

    gdtls_x509_certificate_free(other);
    gdtls_crypto_key_free(other_key);
    gdtls_tls_options_free(trusting);
    gdtls_tls_options_free(server_opts);
    gdtls_packet_peer_dtls_free(s.peer);
    gdtls_dtls_server_free(s.dtls);
    gdtls_udp_server_free(s.udp);
}

/* A server drops a client that went silent (idle timeout), and a client
 * notices a server whose socket closed (ICMP port unreachable). */
static void test_dead_peers(void) {
    server s = {gdtls_udp_server_new(), gdtls_dtls_server_new(), NULL, 0};
    CHECK(gdtls_udp_server_listen(s.udp, 0, "127.0.0.1") == GDTLS_OK);
    gdtls_tls_options *server_opts = gdtls_tls_options_server(key, cert);
    CHECK(gdtls_dtls_server_setup(s.dtls, server_opts) == GDTLS_OK);
    CHECK(gdtls_dtls_server_set_idle_timeout_msec(s.dtls, 300) == GDTLS_OK);
    CHECK(gdtls_dtls_server_set_max_handshakes(s.dtls, 4, 2) == GDTLS_OK);
    int port = gdtls_udp_server_get_local_port(s.udp);
    gdtls_packet_peer_udp *udp;
    gdtls_packet_peer_dtls *c = start_client(port, "127.0.0.1", &udp);
    gdtls_tls_options *trusting = gdtls_tls_options_client(cert, NULL);
    CHECK(gdtls_packet_peer_dtls_set_handshake_timeout_msec(c, 200, 3200) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(c, udp, "localhost", trusting) == GDTLS_OK);
    gdtls_packet_peer_udp_free(udp);
    for (int i = 0; i < 5000 && gdtls_dtls_server_get_handshake_count(s.dtls) == 0; i++) {
        server_frame(&s);
        gdtls_packet_peer_dtls_poll(c);
        sleep_ms(1);
    }
    CHECK(gdtls_dtls_server_get_handshake_count(s.dtls) == 1);
    CHECK(settle(&s, c) == GDTLS_STATUS_CONNECTED);
    CHECK(gdtls_dtls_server_get_handshake_count(s.dtls) == 0);
    CHECK(s.peer && gdtls_packet_peer_dtls_get_idle_timeout_msec(s.peer) == 300);

    /* The client stays silent: the server's peer times out. */
    gdtls_error ended = GDTLS_OK;
    for (int i = 0; i < 5000 && ended == GDTLS_OK; i++) {
        ended = gdtls_packet_peer_dtls_poll(s.peer);
        sleep_ms(1);
    }
    CHECK(ended == GDTLS_ERR_TIMEOUT);
    CHECK(strstr(gdtls_get_last_error_message(), "timed out") != NULL);
    CHECK(gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_ERROR);
    CHECK(gdtls_packet_peer_dtls_get_idle_time_msec(s.peer) >= 300);

    /* It said goodbye: a client that is alive learns it was dropped. */
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_CONNECTED; i++) {
        gdtls_packet_peer_dtls_poll(c);
        sleep_ms(1);
    }
    CHECK(gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_DISCONNECTED);
    gdtls_packet_peer_dtls_free(c);

    /* The server's socket closes under a connected client: it hears of it. */
    c = start_client(port, "127.0.0.1", &udp);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(c, udp, "localhost", trusting) == GDTLS_OK);
    gdtls_packet_peer_udp_free(udp);
    CHECK(settle(&s, c) == GDTLS_STATUS_CONNECTED);
    gdtls_udp_server_stop(s.udp);
    CHECK(gdtls_packet_peer_dtls_put_packet(c, (const uint8_t *)"hello?", 6) == GDTLS_OK);
    ended = GDTLS_OK;
    for (int i = 0; i < 5000 && ended == GDTLS_OK; i++) {
        ended = gdtls_packet_peer_dtls_poll(c);
        sleep_ms(1);
    }
    CHECK(ended == GDTLS_ERR_CONNECTION_ERROR);
    CHECK(strstr(gdtls_get_last_error_message(), "port unreachable") != NULL);
    CHECK(gdtls_packet_peer_dtls_get_status(c) == GDTLS_STATUS_ERROR);

    gdtls_packet_peer_dtls_free(c);
    gdtls_packet_peer_dtls_free(s.peer);
    gdtls_tls_options_free(trusting);
    gdtls_tls_options_free(server_opts);
    gdtls_dtls_server_free(s.dtls);
    gdtls_udp_server_free(s.udp);
}

static void test_misuse(void) {
    gdtls_packet_peer_dtls *p = gdtls_packet_peer_dtls_new();
    gdtls_udp_server *wrong = gdtls_udp_server_new();
    CHECK(gdtls_packet_peer_dtls_get_status(NULL) == GDTLS_STATUS_ERROR);
    CHECK(gdtls_packet_peer_dtls_get_status((gdtls_packet_peer_dtls *)wrong) == GDTLS_STATUS_ERROR);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_dtls_poll(NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(p, NULL, 3), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_dtls_connect_to_peer(p, (gdtls_packet_peer_udp *)p, "x", NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_dtls_get_available_packet_count((gdtls_packet_peer_dtls *)wrong) == 0);
    CHECK(gdtls_packet_peer_dtls_get_max_packet_size(NULL) == 0);
    CHECK_ERR(gdtls_dtls_server_free((gdtls_dtls_server *)p), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_dtls_free(p) == GDTLS_OK);
    CHECK_ERR(gdtls_packet_peer_dtls_free(p), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_dtls_disconnect_from_peer(p), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_dtls_free(NULL) == GDTLS_OK && gdtls_dtls_server_free(NULL) == GDTLS_OK);
    gdtls_udp_server_free(wrong);
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    char path[1024];
    size_t baseline = gdtls_live_handle_count();
    key = gdtls_crypto_key_new();
    cert = gdtls_x509_certificate_new();
    snprintf(path, sizeof path, "%s/key.pem", argv[1]);
    CHECK(gdtls_crypto_key_load(key, path, false) == GDTLS_OK);
    snprintf(path, sizeof path, "%s/cert.pem", argv[1]);
    CHECK(gdtls_x509_certificate_load(cert, path) == GDTLS_OK);

    test_unconnected();
    test_session("127.0.0.1");
    test_session("::1");
    test_dead_peers();
    test_misuse();

    gdtls_x509_certificate_free(cert);
    gdtls_crypto_key_free(key);
    CHECK(gdtls_live_handle_count() == baseline);
    return check_summary();
}
