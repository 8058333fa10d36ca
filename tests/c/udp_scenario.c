/* The UDP scenario of the differential test on gdtls: tests/godot/udp_scenario.gd
 * ported line by line to the C API (Godot 3.2's listen, is_listening and
 * is_connected_to_host are gdtls's bind, is_bound and is_socket_connected).
 * tests/godot_udp.rs runs both and compares what they print.
 * Usage: udp_scenario PORT */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdtls.h"

static int base;

static void delay_msec(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void out_int(const char *key, int value) { printf("%s: %d\n", key, value); }
static void out_bool(const char *key, bool value) { printf("%s: %s\n", key, value ? "True" : "False"); }

static bool await_connection(gdtls_udp_server *server) {
    for (int i = 0; i < 2000; i++) {
        gdtls_udp_server_poll(server);
        if (gdtls_udp_server_is_connection_available(server)) return true;
        delay_msec(1);
    }
    return false;
}

static bool await_packet(gdtls_packet_peer_udp *peer, gdtls_udp_server *server) {
    for (int i = 0; i < 2000; i++) {
        if (server) gdtls_udp_server_poll(server);
        if (gdtls_packet_peer_udp_get_available_packet_count(peer) > 0) return true;
        delay_msec(1);
    }
    return false;
}

static void put_text(gdtls_packet_peer_udp *peer, const char *text, char *key) {
    gdtls_error err = gdtls_packet_peer_udp_put_packet(peer, (const uint8_t *)text, strlen(text));
    if (key) out_int(key, err);
}

static void describe_source(const char *key, gdtls_packet_peer_udp *peer, const char *data) {
    char ip[64];
    gdtls_packet_peer_udp_get_packet_ip(peer, ip, sizeof ip, NULL);
    int offset = gdtls_packet_peer_udp_get_packet_port(peer) - base;
    if (data) printf("%s: %s from %s port +%d\n", key, data, ip, offset);
    else printf("%s: %s port +%d\n", key, ip, offset);
}

static void describe_packet(const char *key, gdtls_packet_peer_udp *peer, gdtls_udp_server *server) {
    if (!await_packet(peer, server)) {
        printf("%s: none\n", key);
        return;
    }
    char data[256];
    size_t len = 0;
    gdtls_packet_peer_udp_get_packet(peer, (uint8_t *)data, sizeof data - 1, &len);
    data[len] = '\0';
    describe_source(key, peer, data);
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    base = atoi(argv[1]);
    char key[64], text[64];

    gdtls_packet_peer_udp *fresh = gdtls_packet_peer_udp_new();
    out_int("fresh put_packet", gdtls_packet_peer_udp_put_packet(fresh, (const uint8_t *)"x", 1));
    out_int("fresh get_available_packet_count", gdtls_packet_peer_udp_get_available_packet_count(fresh));
    uint8_t buf[256];
    out_int("fresh get_packet", gdtls_packet_peer_udp_get_packet(fresh, buf, sizeof buf, NULL));
    out_bool("fresh bound", gdtls_packet_peer_udp_is_bound(fresh));
    out_bool("fresh connected", gdtls_packet_peer_udp_is_socket_connected(fresh));
    out_int("fresh connect unresolvable", gdtls_packet_peer_udp_connect_to_host(fresh, "no-such-host.invalid", base));
    out_int("fresh set_dest unresolvable", gdtls_packet_peer_udp_set_dest_address(fresh, "no-such-host.invalid", base));

    gdtls_udp_server *server = gdtls_udp_server_new();
    out_int("server listen", gdtls_udp_server_listen(server, base, "127.0.0.1"));
    out_int("server listen again", gdtls_udp_server_listen(server, base, "127.0.0.1"));
    out_bool("server listening", gdtls_udp_server_is_listening(server));
    out_bool("server available before", gdtls_udp_server_is_connection_available(server));

    gdtls_packet_peer_udp *clients[3];
    for (int i = 0; i < 3; i++) {
        gdtls_packet_peer_udp *c = gdtls_packet_peer_udp_new();
        snprintf(key, sizeof key, "client %d listen", i);
        out_int(key, gdtls_packet_peer_udp_bind(c, base + 1 + i, "127.0.0.1", 65536));
        snprintf(key, sizeof key, "client %d listen again", i);
        out_int(key, gdtls_packet_peer_udp_bind(c, base + 1 + i, "127.0.0.1", 65536));
        snprintf(key, sizeof key, "client %d set_dest", i);
        out_int(key, gdtls_packet_peer_udp_set_dest_address(c, "127.0.0.1", base));
        snprintf(key, sizeof key, "client %d put", i);
        snprintf(text, sizeof text, "hello %d", i);
        put_text(c, text, key);
        clients[i] = c;
        delay_msec(5);
    }

    gdtls_packet_peer_udp *peers[3];
    for (int i = 0; i < 3; i++) {
        snprintf(key, sizeof key, "connection %d available", i);
        out_bool(key, await_connection(server));
        gdtls_packet_peer_udp *p = gdtls_udp_server_take_connection(server);
        snprintf(key, sizeof key, "connection %d from", i);
        describe_source(key, p, NULL);
        snprintf(key, sizeof key, "connection %d connected", i);
        out_bool(key, gdtls_packet_peer_udp_is_socket_connected(p));
        snprintf(key, sizeof key, "connection %d count", i);
        out_int(key, gdtls_packet_peer_udp_get_available_packet_count(p));
        snprintf(key, sizeof key, "connection %d packet", i);
        describe_packet(key, p, server);
        size_t len = 0;
        gdtls_error err = gdtls_packet_peer_udp_get_packet(p, buf, sizeof buf, &len);
        printf("connection %d empty get: [%d, %d]\n", i, err == GDTLS_OK ? (int)len : 0, err);
        snprintf(key, sizeof key, "connection %d listen", i);
        out_int(key, gdtls_packet_peer_udp_bind(p, base + 10, "127.0.0.1", 65536));
        snprintf(key, sizeof key, "connection %d connect", i);
        out_int(key, gdtls_packet_peer_udp_connect_to_host(p, "127.0.0.1", base + 10));
        peers[i] = p;
    }
    out_bool("after all taken available", gdtls_udp_server_is_connection_available(server));

    for (int i = 0; i < 3; i++) {
        snprintf(key, sizeof key, "reply %d put", i);
        snprintf(text, sizeof text, "reply %d", i);
        put_text(peers[i], text, key);
        snprintf(key, sizeof key, "client %d received", i);
        describe_packet(key, clients[i], NULL);
    }

    const int order[3] = {2, 0, 1};
    for (int k = 0; k < 3; k++) {
        snprintf(text, sizeof text, "second %d", order[k]);
        put_text(clients[order[k]], text, NULL);
    }
    for (int i = 0; i < 3; i++) {
        snprintf(key, sizeof key, "connection %d second", i);
        describe_packet(key, peers[i], server);
    }

    gdtls_packet_peer_udp_free(peers[1]);
    peers[1] = NULL;
    put_text(clients[1], "retry", NULL);
    out_bool("retry available", await_connection(server));
    gdtls_packet_peer_udp *again = gdtls_udp_server_take_connection(server);
    describe_source("retry from", again, NULL);
    describe_packet("retry packet", again, server);

    gdtls_udp_server_set_max_pending_connections(server, 1);
    out_int("max pending", gdtls_udp_server_get_max_pending_connections(server));
    gdtls_packet_peer_udp *late[3];
    for (int i = 0; i < 3; i++) {
        late[i] = gdtls_packet_peer_udp_new();
        gdtls_packet_peer_udp_bind(late[i], base + 4 + i, "127.0.0.1", 65536);
        gdtls_packet_peer_udp_set_dest_address(late[i], "127.0.0.1", base);
        snprintf(text, sizeof text, "late %d", i);
        put_text(late[i], text, NULL);
    }
    delay_msec(50);
    gdtls_udp_server_poll(server);
    printf("overflow served: [");
    int served = 0;
    for (int i = 0; i < 3; i++) {
        if (await_connection(server)) {
            gdtls_packet_peer_udp *p = gdtls_udp_server_take_connection(server);
            printf("%s+%d", served++ ? ", " : "", gdtls_packet_peer_udp_get_packet_port(p) - base);
            gdtls_packet_peer_udp_free(p);
        }
    }
    printf("]\n");

    gdtls_udp_server_stop(server);
    out_bool("server listening after stop", gdtls_udp_server_is_listening(server));
    out_bool("peer bound after stop", gdtls_packet_peer_udp_is_bound(peers[0]));
    out_int("peer count after stop", gdtls_packet_peer_udp_get_available_packet_count(peers[0]));

    /* Ports already held. */
    gdtls_udp_server *first = gdtls_udp_server_new();
    out_int("first server listen", gdtls_udp_server_listen(first, base + 11, "127.0.0.1"));
    gdtls_udp_server *second = gdtls_udp_server_new();
    out_int("second server listen on its port", gdtls_udp_server_listen(second, base + 11, "127.0.0.1"));
    gdtls_packet_peer_udp *sender = gdtls_packet_peer_udp_new();
    gdtls_packet_peer_udp_set_dest_address(sender, "127.0.0.1", base + 11);
    put_text(sender, "whose?", NULL);
    delay_msec(50);
    gdtls_udp_server_poll(first);
    gdtls_udp_server_poll(second);
    out_bool("first server receives", gdtls_udp_server_is_connection_available(first));
    out_bool("second server receives", gdtls_udp_server_is_connection_available(second));
    gdtls_packet_peer_udp *holder = gdtls_packet_peer_udp_new();
    out_int("peer listen", gdtls_packet_peer_udp_bind(holder, base + 12, "127.0.0.1", 65536));
    gdtls_udp_server *over_peer = gdtls_udp_server_new();
    out_int("server listen on a peer's port", gdtls_udp_server_listen(over_peer, base + 12, "127.0.0.1"));
    gdtls_packet_peer_udp *over_server = gdtls_packet_peer_udp_new();
    out_int("peer listen on a server's port", gdtls_packet_peer_udp_bind(over_server, base + 11, "127.0.0.1", 65536));

    /* A connected peer whose destination has no socket. */
    gdtls_packet_peer_udp *lonely = gdtls_packet_peer_udp_new();
    out_int("lonely connect", gdtls_packet_peer_udp_connect_to_host(lonely, "127.0.0.1", base + 13));
    put_text(lonely, "anyone?", "lonely put");
    delay_msec(50);
    out_int("refused count", gdtls_packet_peer_udp_get_available_packet_count(lonely));
    uint8_t scratch[64];
    out_int("refused get", gdtls_packet_peer_udp_get_packet(lonely, scratch, sizeof scratch, NULL));
    out_int("count after refusal", gdtls_packet_peer_udp_get_available_packet_count(lonely));
    put_text(lonely, "anyone?", NULL);
    delay_msec(50);
    put_text(lonely, "anyone?", "refused put");
    gdtls_packet_peer_udp *held[] = {sender, holder, over_server, lonely};
    for (size_t i = 0; i < sizeof held / sizeof *held; i++) gdtls_packet_peer_udp_free(held[i]);
    gdtls_udp_server *servers[] = {first, second, over_peer};
    for (size_t i = 0; i < sizeof servers / sizeof *servers; i++) gdtls_udp_server_free(servers[i]);

    for (int i = 0; i < 3; i++) {
        gdtls_packet_peer_udp_free(late[i]);
        gdtls_packet_peer_udp_free(clients[i]);
        gdtls_packet_peer_udp_free(peers[i]);
    }
    gdtls_packet_peer_udp_free(again);
    gdtls_packet_peer_udp_free(fresh);
    gdtls_udp_server_free(server);
    return gdtls_live_handle_count() == 0 ? 0 : 1;
}
