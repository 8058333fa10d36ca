/* PacketPeerUDP, UDPServer and host-callback peers from C, on IPv4 and IPv6
 * loopback, with the errors Godot defines and misuse. Run under valgrind by
 * tests/c_api.rs. Usage: udp TMPDIR */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Waits (up to 2 s) until `peer` has a packet. */
static bool await_packet(gdtls_packet_peer_udp *peer) {
    for (int i = 0; i < 2000; i++) {
        if (gdtls_packet_peer_udp_get_available_packet_count(peer) > 0) return true;
        sleep_ms(1);
    }
    return false;
}

/* Receives one packet and compares it with `expected`. */
static bool receive_equals(gdtls_packet_peer_udp *peer, const char *expected) {
    uint8_t buf[256];
    size_t len = 0;
    if (!await_packet(peer)) return false;
    if (gdtls_packet_peer_udp_get_packet(peer, buf, sizeof buf, &len) != GDTLS_OK) return false;
    return len == strlen(expected) && memcmp(buf, expected, len) == 0;
}

static bool packet_ip_is(gdtls_packet_peer_udp *peer, const char *ip) {
    char buf[64];
    size_t len = 0;
    return gdtls_packet_peer_udp_get_packet_ip(peer, buf, sizeof buf, &len) == GDTLS_OK && strcmp(buf, ip) == 0 &&
           len == strlen(ip);
}

static void test_peers(const char *ip) {
    gdtls_packet_peer_udp *a = gdtls_packet_peer_udp_new();
    gdtls_packet_peer_udp *b = gdtls_packet_peer_udp_new();
    CHECK(!gdtls_packet_peer_udp_is_bound(a));
    CHECK(gdtls_packet_peer_udp_bind(a, 0, ip, 65536) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_is_bound(a) && !gdtls_packet_peer_udp_is_socket_connected(a));
    int port_a = gdtls_packet_peer_udp_get_local_port(a);
    CHECK(port_a > 0);
    CHECK_ERR(gdtls_packet_peer_udp_bind(a, 0, ip, 65536), GDTLS_ERR_ALREADY_IN_USE);
    CHECK_ERR(gdtls_packet_peer_udp_bind(b, port_a, ip, 65536), GDTLS_ERR_UNAVAILABLE);

    CHECK(gdtls_packet_peer_udp_connect_to_host(b, ip, port_a) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_is_socket_connected(b) && gdtls_packet_peer_udp_is_bound(b));
    int port_b = gdtls_packet_peer_udp_get_local_port(b);
    CHECK(gdtls_packet_peer_udp_put_packet(b, (const uint8_t *)"hello", 5) == GDTLS_OK);
    CHECK(receive_equals(a, "hello"));
    CHECK(packet_ip_is(a, ip));
    CHECK(gdtls_packet_peer_udp_get_packet_port(a) == port_b);

    CHECK(gdtls_packet_peer_udp_set_dest_address(a, ip, port_b) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_put_packet(a, (const uint8_t *)"world", 5) == GDTLS_OK);
    CHECK(receive_equals(b, "world"));
    CHECK_ERR(gdtls_packet_peer_udp_set_dest_address(b, ip, 9), GDTLS_ERR_UNCONFIGURED);

    /* A buffer too small loses nothing; an empty queue is ERR_UNAVAILABLE. */
    CHECK(gdtls_packet_peer_udp_put_packet(b, (const uint8_t *)"0123456789", 10) == GDTLS_OK);
    CHECK(await_packet(a));
    uint8_t small[4];
    size_t len = 0;
    CHECK_ERR(gdtls_packet_peer_udp_get_packet(a, small, sizeof small, &len), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    CHECK(len == 10);
    CHECK_ERR(gdtls_packet_peer_udp_get_packet(a, NULL, 0, &len), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(a) == 1);
    CHECK(receive_equals(a, "0123456789"));
    CHECK_ERR(gdtls_packet_peer_udp_get_packet(a, small, sizeof small, &len), GDTLS_ERR_UNAVAILABLE);
    CHECK_ERR(gdtls_packet_peer_udp_wait_timeout(a, 10), GDTLS_ERR_TIMEOUT);
    CHECK(gdtls_packet_peer_udp_put_packet(b, (const uint8_t *)"", 0) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_wait(a) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_get_packet(a, NULL, 0, &len) == GDTLS_OK && len == 0);

    /* The largest datagram, content checked. */
    int max = gdtls_packet_peer_udp_get_max_packet_size(b);
    CHECK(max == 65507);
    uint8_t *big = malloc((size_t)max + 1), *back = malloc((size_t)max + 1);
    for (int i = 0; i <= max; i++) big[i] = (uint8_t)(i * 7);
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(b, big, (size_t)max + 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_udp_put_packet(b, big, (size_t)max) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_wait_timeout(a, 2000) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_get_packet(a, back, (size_t)max + 1, &len) == GDTLS_OK);
    CHECK(len == (size_t)max && memcmp(big, back, len) == 0);
    free(big);
    free(back);

    CHECK(gdtls_packet_peer_udp_set_broadcast_enabled(a, true) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_close(a) == GDTLS_OK);
    CHECK(!gdtls_packet_peer_udp_is_bound(a) && gdtls_packet_peer_udp_get_local_port(a) == 0);
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(a) == -1);
    CHECK(gdtls_packet_peer_udp_free(a) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_free(b) == GDTLS_OK);
}

static void test_peer_errors(void) {
    gdtls_packet_peer_udp *p = gdtls_packet_peer_udp_new();
    uint8_t buf[8];
    size_t len;
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(p, (const uint8_t *)"x", 1), GDTLS_ERR_UNCONFIGURED);
    CHECK_ERR(gdtls_packet_peer_udp_get_packet(p, buf, sizeof buf, &len), GDTLS_FAILED);
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(p) == -1);
    CHECK_ERR(gdtls_packet_peer_udp_wait(p), GDTLS_FAILED);
    CHECK_ERR(gdtls_packet_peer_udp_bind(p, -1, NULL, 65536), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_bind(p, 65536, NULL, 65536), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_bind(p, 0, "example.com", 65536), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_bind(p, 0, "*", 0), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_bind(p, 0, "\xff", 65536), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_connect_to_host(p, "127.0.0.1", 0), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_connect_to_host(p, "127.0.0.1", 65536), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_connect_to_host(p, NULL, 4242), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_connect_to_host(p, "no-such-host.invalid", 4242), GDTLS_ERR_CANT_RESOLVE);
    CHECK_ERR(gdtls_packet_peer_udp_set_dest_address(p, "no-such-host.invalid", 4242), GDTLS_ERR_CANT_RESOLVE);
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(p, NULL, 5), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(p, buf, SIZE_MAX), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(!gdtls_packet_peer_udp_is_bound(p));

    /* Wrong handles. */
    gdtls_udp_server *server = gdtls_udp_server_new();
    CHECK_ERR(gdtls_packet_peer_udp_put_packet((gdtls_packet_peer_udp *)server, buf, 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_udp_get_available_packet_count((gdtls_packet_peer_udp *)server) == -1);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_udp_server_listen((gdtls_udp_server *)p, 0, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_udp_server_take_connection(NULL) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_packet_peer_udp_get_packet_port(NULL) == 0);
    CHECK(gdtls_packet_peer_udp_get_max_packet_size(NULL) == 0);
    CHECK_ERR(gdtls_packet_peer_udp_close(NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_udp_server_free(server) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_free(p) == GDTLS_OK);
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(p, buf, 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_packet_peer_udp_free(p), GDTLS_ERR_INVALID_PARAMETER);
}

static void test_server(const char *ip) {
    gdtls_udp_server *server = gdtls_udp_server_new();
    CHECK(!gdtls_udp_server_is_listening(server) && gdtls_udp_server_get_local_port(server) == 0);
    CHECK_ERR(gdtls_udp_server_poll(server), GDTLS_ERR_UNCONFIGURED);
    CHECK(!gdtls_udp_server_is_connection_available(server));
    CHECK(gdtls_udp_server_take_connection(server) == NULL);
    CHECK_ERR(gdtls_udp_server_listen(server, 70000, ip), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_udp_server_listen(server, 0, ip) == GDTLS_OK);
    CHECK_ERR(gdtls_udp_server_listen(server, 0, ip), GDTLS_ERR_ALREADY_IN_USE);
    CHECK(gdtls_udp_server_is_listening(server));
    int port = gdtls_udp_server_get_local_port(server);
    CHECK(port > 0);
    CHECK(gdtls_udp_server_get_max_pending_connections(server) == 16);
    CHECK_ERR(gdtls_udp_server_set_max_pending_connections(server, -1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_udp_server_set_max_pending_connections(server, 1) == GDTLS_OK);
    CHECK(gdtls_udp_server_get_max_pending_connections(server) == 1);

    enum { N = 4 };
    gdtls_packet_peer_udp *clients[N], *peers[N];
    char text[32];
    for (int i = 0; i < N; i++) {
        clients[i] = gdtls_packet_peer_udp_new();
        CHECK(gdtls_packet_peer_udp_connect_to_host(clients[i], ip, port) == GDTLS_OK);
        snprintf(text, sizeof text, "client %d", i);
        CHECK(gdtls_packet_peer_udp_put_packet(clients[i], (const uint8_t *)text, strlen(text)) == GDTLS_OK);
        sleep_ms(2);
    }
    /* One pending slot: the other clients wait their turn, none is lost. */
    for (int i = 0; i < N; i++) {
        peers[i] = NULL;
        for (int t = 0; t < 2000 && !peers[i]; t++) {
            CHECK(gdtls_udp_server_poll(server) == GDTLS_OK);
            if (gdtls_udp_server_is_connection_available(server)) peers[i] = gdtls_udp_server_take_connection(server);
            else sleep_ms(1);
        }
        CHECK(peers[i] != NULL);
        if (!peers[i]) continue;
        CHECK(gdtls_packet_peer_udp_is_socket_connected(peers[i]));
        CHECK(gdtls_packet_peer_udp_get_local_port(peers[i]) == port);
        CHECK(gdtls_packet_peer_udp_get_packet_port(peers[i]) == gdtls_packet_peer_udp_get_local_port(clients[i]));
        CHECK(packet_ip_is(peers[i], ip));
        snprintf(text, sizeof text, "client %d", i);
        CHECK(receive_equals(peers[i], text));
        snprintf(text, sizeof text, "reply %d", i);
        CHECK(gdtls_packet_peer_udp_put_packet(peers[i], (const uint8_t *)text, strlen(text)) == GDTLS_OK);
        CHECK(receive_equals(clients[i], text));
    }
    CHECK(gdtls_udp_server_take_connection(server) == NULL);
    CHECK(peers[0] && gdtls_packet_peer_udp_bind(peers[0], 0, NULL, 65536) == GDTLS_ERR_ALREADY_IN_USE);

    /* The server stops: its peers close. The caller still owns their handles. */
    CHECK(gdtls_udp_server_stop(server) == GDTLS_OK);
    CHECK(!gdtls_udp_server_is_listening(server));
    CHECK(peers[0] && !gdtls_packet_peer_udp_is_bound(peers[0]));
    for (int i = 0; i < N; i++) {
        CHECK(gdtls_packet_peer_udp_free(peers[i]) == GDTLS_OK);
        CHECK(gdtls_packet_peer_udp_free(clients[i]) == GDTLS_OK);
    }
    CHECK(gdtls_udp_server_free(server) == GDTLS_OK);
}

/* Host callbacks: two peers joined by an in-memory wire, in one process. */
typedef struct {
    uint8_t data[16][2048];
    size_t len[16];
    int head, count, released;
} wire;

static int32_t wire_send(void *user_data, const uint8_t *data, size_t len) {
    wire **ends = user_data; /* [0] = outgoing, [1] = incoming */
    wire *w = ends[0];
    if (w->count == 16) return GDTLS_ERR_BUSY;
    if (len > sizeof w->data[0]) return GDTLS_FAILED;
    int slot = (w->head + w->count) % 16;
    memcpy(w->data[slot], data, len);
    w->len[slot] = len;
    w->count++;
    return 0;
}

static int64_t wire_receive(void *user_data, uint8_t *buf, size_t cap) {
    wire *w = ((wire **)user_data)[1];
    if (w->count == 0) return -1;
    size_t len = w->len[w->head];
    if (len > cap) return -2;
    memcpy(buf, w->data[w->head], len);
    w->head = (w->head + 1) % 16;
    w->count--;
    return (int64_t)len;
}

static int32_t wire_available(void *user_data) {
    return ((wire **)user_data)[1]->count;
}

static void wire_release(void *user_data) {
    ((wire **)user_data)[0]->released++;
}

static void test_host_callbacks(void) {
    wire *ab = calloc(1, sizeof *ab), *ba = calloc(1, sizeof *ba);
    wire *a_ends[2] = {ab, ba}, *b_ends[2] = {ba, ab};
    gdtls_udp_callbacks cb = {a_ends, wire_send, wire_receive, wire_available, wire_release};
    gdtls_packet_peer_udp *a = gdtls_packet_peer_udp_new_from_callbacks(&cb);
    cb.user_data = b_ends;
    cb.available = NULL; /* optional: gdtls then reads until receive says -1 */
    gdtls_packet_peer_udp *b = gdtls_packet_peer_udp_new_from_callbacks(&cb);
    CHECK(a != NULL && b != NULL);
    CHECK(gdtls_packet_peer_udp_is_socket_connected(a) && gdtls_packet_peer_udp_is_bound(a));
    CHECK(gdtls_packet_peer_udp_get_local_port(a) == 0);

    char text[32];
    for (int i = 0; i < 16; i++) {
        snprintf(text, sizeof text, "datagram %d", i);
        CHECK(gdtls_packet_peer_udp_put_packet(a, (const uint8_t *)text, strlen(text)) == GDTLS_OK);
    }
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(a, (const uint8_t *)"full", 4), GDTLS_ERR_BUSY);
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(b) == 16);
    for (int i = 0; i < 16; i++) {
        snprintf(text, sizeof text, "datagram %d", i);
        CHECK(receive_equals(b, text));
    }
    CHECK(gdtls_packet_peer_udp_put_packet(b, (const uint8_t *)"back", 4) == GDTLS_OK);
    CHECK(receive_equals(a, "back"));
    uint8_t too_big[4096] = {0};
    CHECK_ERR(gdtls_packet_peer_udp_put_packet(b, too_big, sizeof too_big), GDTLS_FAILED);
    CHECK_ERR(gdtls_packet_peer_udp_bind(a, 0, NULL, 65536), GDTLS_ERR_ALREADY_IN_USE);
    CHECK_ERR(gdtls_packet_peer_udp_connect_to_host(a, "127.0.0.1", 9), GDTLS_ERR_LOCKED);
    CHECK_ERR(gdtls_packet_peer_udp_wait(a), GDTLS_ERR_UNAVAILABLE);

    /* Refused creations, and release exactly once per peer. */
    CHECK(gdtls_packet_peer_udp_new_from_callbacks(NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    gdtls_udp_callbacks incomplete = {a_ends, NULL, wire_receive, NULL, wire_release};
    CHECK(gdtls_packet_peer_udp_new_from_callbacks(&incomplete) == NULL);
    CHECK(ab->released == 0 && ba->released == 0);
    CHECK(gdtls_packet_peer_udp_close(a) == GDTLS_OK);
    CHECK(ab->released == 1);
    CHECK(gdtls_packet_peer_udp_free(a) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_free(b) == GDTLS_OK);
    CHECK(ab->released == 1 && ba->released == 1);
    free(ab);
    free(ba);
}

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    size_t baseline = gdtls_live_handle_count();
    test_peers("127.0.0.1");
    test_peers("::1");
    test_peer_errors();
    test_server("127.0.0.1");
    test_server("::1");
    test_host_callbacks();
    CHECK(gdtls_live_handle_count() == baseline);
    return check_summary();
}
