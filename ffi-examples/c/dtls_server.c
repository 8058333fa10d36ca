/* The DTLSServer example of Godot's class reference (server.gd), line by
 * line in C. It serves until it has answered CLIENTS clients (default 1) or
 * TIMEOUT seconds (default 30) have passed.
 *
 * Usage: dtls_server [PORT [KEY CERT [CLIENTS [TIMEOUT]]]]
 *        (defaults: 4242 key.key cert.crt 1 30) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdtls.h"

#define MAX_PEERS 64

static gdtls_dtls_server *dtls;        /* var dtls := DTLSServer.new() */
static gdtls_udp_server *server;       /* var server := UDPServer.new() */
static gdtls_packet_peer_dtls *peers[MAX_PEERS]; /* var peers = [] */
static int peer_count, answered;

static void fail(const char *what) {
    fprintf(stderr, "%s: %s\n", what, gdtls_get_last_error_message());
    exit(1);
}

static void ready(int port, const char *key_path, const char *cert_path) {
    dtls = gdtls_dtls_server_new();
    server = gdtls_udp_server_new();
    if (gdtls_udp_server_listen(server, port, NULL) != GDTLS_OK) fail("listen");
    gdtls_crypto_key *key = gdtls_crypto_key_new();           /* Your private key. */
    if (gdtls_crypto_key_load(key, key_path, false) != GDTLS_OK) fail("load key");
    gdtls_x509_certificate *cert = gdtls_x509_certificate_new(); /* Your X509 certificate. */
    if (gdtls_x509_certificate_load(cert, cert_path) != GDTLS_OK) fail("load certificate");
    if (gdtls_dtls_server_setup_godot3(dtls, key, cert, NULL) != GDTLS_OK) fail("setup");
    gdtls_crypto_key_free(key);  /* the server keeps what it needs */
    gdtls_x509_certificate_free(cert);
}

static void process(void) {
    while (gdtls_udp_server_is_connection_available(server)) {
        gdtls_packet_peer_udp *peer = gdtls_udp_server_take_connection(server);
        gdtls_packet_peer_dtls *dtls_peer = gdtls_dtls_server_take_connection(dtls, peer);
        gdtls_packet_peer_udp_free(peer);
        if (gdtls_packet_peer_dtls_get_status(dtls_peer) != GDTLS_STATUS_HANDSHAKING) {
            gdtls_packet_peer_dtls_free(dtls_peer);
            continue; /* It is normal that 50% of the connections fails due to cookie exchange. */
        }
        printf("Peer connected!\n");
        fflush(stdout);
        if (peer_count < MAX_PEERS) peers[peer_count++] = dtls_peer;
        else gdtls_packet_peer_dtls_free(dtls_peer);
    }
    for (int i = 0; i < peer_count; i++) {
        gdtls_packet_peer_dtls *p = peers[i];
        gdtls_packet_peer_dtls_poll(p); /* Must poll to update the state. */
        if (gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_CONNECTED) {
            while (gdtls_packet_peer_dtls_get_available_packet_count(p) > 0) {
                char text[2048];
                size_t len = 0;
                if (gdtls_packet_peer_dtls_get_packet(p, (uint8_t *)text, sizeof text - 1, &len) != GDTLS_OK) break;
                text[len] = '\0';
                printf("Received message from client: %s\n", text);
                fflush(stdout);
                const char *reply = "Hello DTLS client";
                gdtls_packet_peer_dtls_put_packet(p, (const uint8_t *)reply, strlen(reply));
                answered++;
            }
        }
    }
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 4242;
    const char *key = argc > 3 ? argv[2] : "key.key";
    const char *cert = argc > 3 ? argv[3] : "cert.crt";
    int clients = argc > 4 ? atoi(argv[4]) : 1;
    int timeout = argc > 5 ? atoi(argv[5]) : 30;

    ready(port, key, cert);
    struct timespec start, now, frame = {0, 1000000}; /* a 1 ms frame */
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        process();
        nanosleep(&frame, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (answered < clients && now.tv_sec - start.tv_sec < timeout);
    /* Let the last replies go out, then close every connection cleanly. */
    for (int i = 0; i < 50; i++) {
        process();
        nanosleep(&frame, NULL);
    }
    for (int i = 0; i < peer_count; i++) {
        gdtls_packet_peer_dtls_disconnect_from_peer(peers[i]);
        gdtls_packet_peer_dtls_free(peers[i]);
    }
    gdtls_udp_server_free(server);
    gdtls_dtls_server_free(dtls);
    return answered >= clients ? 0 : 1;
}
