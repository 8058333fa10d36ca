/* The DTLSServer example of Godot's class reference (server.gd) as a host
 * with an event loop runs it: instead of polling every frame, it sleeps in
 * poll(2) on the server's socket until a datagram arrives or a
 * connection's timer (a handshake retransmission) is due, so a server
 * with nothing to do uses no CPU. It prints what dtls_server.c prints and
 * serves until it has answered CLIENTS clients (default 1) or TIMEOUT
 * seconds (default 30) have passed.
 *
 * Usage: event_loop PORT KEY CERT [CLIENTS [TIMEOUT]] */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdtls.h"

#define MAX_PEERS 64

static gdtls_dtls_server *dtls;
static gdtls_udp_server *server;
static gdtls_packet_peer_dtls *peers[MAX_PEERS];
static int peer_count, answered;

static void fail(const char *what) {
    fprintf(stderr, "%s: %s\n", what, gdtls_get_last_error_message());
    exit(1);
}

static int64_t now_msec(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void ready(int port, const char *key_path, const char *cert_path) {
    gdtls_crypto_key *key = gdtls_crypto_key_new();
    if (gdtls_crypto_key_load(key, key_path, false) != GDTLS_OK) fail("load key");
    gdtls_x509_certificate *cert = gdtls_x509_certificate_new();
    if (gdtls_x509_certificate_load(cert, cert_path) != GDTLS_OK) fail("load certificate");
    gdtls_tls_options *options = gdtls_tls_options_server(key, cert);
    if (!options) fail("server options");
    dtls = gdtls_dtls_server_new();
    if (gdtls_dtls_server_setup(dtls, options) != GDTLS_OK) fail("setup");
    gdtls_tls_options_free(options); /* the server keeps what it needs */
    gdtls_x509_certificate_free(cert);
    gdtls_crypto_key_free(key);
    /* Listening last: a client that finds the port open is served at once. */
    server = gdtls_udp_server_new();
    if (gdtls_udp_server_listen(server, port, NULL) != GDTLS_OK) fail("listen");
}

static void take_connections(void) {
    while (gdtls_udp_server_is_connection_available(server)) {
        gdtls_packet_peer_udp *peer = gdtls_udp_server_take_connection(server);
        gdtls_packet_peer_dtls *dtls_peer = gdtls_dtls_server_take_connection(dtls, peer);
        gdtls_packet_peer_udp_free(peer);
        /* Not handshaking: a first ClientHello, answered with a cookie
         * request; the client's retry comes as a new connection. */
        if (gdtls_packet_peer_dtls_get_status(dtls_peer) != GDTLS_STATUS_HANDSHAKING || peer_count == MAX_PEERS) {
            gdtls_packet_peer_dtls_free(dtls_peer);
            continue;
        }
        printf("Peer connected!\n");
        fflush(stdout);
        peers[peer_count++] = dtls_peer;
    }
}

static void answer(gdtls_packet_peer_dtls *p) {
    char text[2048];
    size_t len = 0;
    while (gdtls_packet_peer_dtls_get_packet(p, (uint8_t *)text, sizeof text - 1, &len) == GDTLS_OK) {
        text[len] = '\0';
        printf("Received message from client: %s\n", text);
        fflush(stdout);
        const char *reply = "Hello DTLS client";
        gdtls_packet_peer_dtls_put_packet(p, (const uint8_t *)reply, strlen(reply));
        answered++;
    }
}

/* One wake-up's work: what the socket brought, and what timers made due. */
static void process(void) {
    gdtls_udp_server_poll(server);
    take_connections();
    for (int i = 0; i < peer_count;) {
        gdtls_packet_peer_dtls *p = peers[i];
        gdtls_packet_peer_dtls_poll(p);
        gdtls_packet_peer_dtls_status status = gdtls_packet_peer_dtls_get_status(p);
        if (status == GDTLS_STATUS_CONNECTED) answer(p);
        if (status == GDTLS_STATUS_HANDSHAKING || status == GDTLS_STATUS_CONNECTED) {
            i++;
            continue;
        }
        /* Ended (closed, failed, timed out): its slot serves the next client. */
        gdtls_packet_peer_dtls_free(p);
        peers[i] = peers[--peer_count];
    }
}

/* How long poll(2) may sleep: until the soonest connection's timer, and
 * never past the deadline. A connection without a timer (-1) waits for a
 * datagram alone. */
static int sleep_msec(int64_t deadline) {
    int64_t wait = deadline - now_msec();
    for (int i = 0; i < peer_count; i++) {
        int64_t due = gdtls_packet_peer_dtls_get_next_timeout_msec(peers[i]);
        if (due >= 0 && due < wait) wait = due;
    }
    return wait > 0 ? (int)wait : 0;
}

/* Sleeps until there is work and does it, until `clients` answers or the
 * deadline. */
static void serve(struct pollfd *watched, int clients, int64_t deadline) {
    while (answered < clients && now_msec() < deadline) {
        if (poll(watched, 1, sleep_msec(deadline)) < 0 && errno != EINTR) {
            perror("poll");
            exit(1);
        }
        process();
    }
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s PORT KEY CERT [CLIENTS [TIMEOUT]]\n", argv[0]);
        return 2;
    }
    int clients = argc > 4 ? atoi(argv[4]) : 1;
    int timeout = argc > 5 ? atoi(argv[5]) : 30;
    ready(atoi(argv[1]), argv[2], argv[3]);

    /* The socket stays gdtls's: poll(2) only watches it. */
    struct pollfd watched = {gdtls_udp_server_get_socket_fd(server), POLLIN, 0};
    serve(&watched, clients, now_msec() + (int64_t)timeout * 1000);
    /* A client reads its answer at its next frame: a close_notify right
     * behind it would end the connection first. */
    serve(&watched, INT_MAX, now_msec() + 50);
    for (int i = 0; i < peer_count; i++) {
        gdtls_packet_peer_dtls_disconnect_from_peer(peers[i]);
        gdtls_packet_peer_dtls_free(peers[i]);
    }
    gdtls_udp_server_free(server);
    gdtls_dtls_server_free(dtls);
    return answered >= clients ? 0 : 1;
}
