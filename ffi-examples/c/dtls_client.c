/* The PacketPeerDTLS client example of Godot's class reference (client.gd),
 * line by line in C. It stops once the server has answered, or after
 * TIMEOUT seconds (default 10). Without CA_CERT it does not validate the
 * server's certificate, as the example; with CA_CERT and HOSTNAME it does,
 * against CA_CERT for HOSTNAME.
 *
 * Usage: dtls_client [HOST [PORT [TIMEOUT [CA_CERT HOSTNAME]]]]
 *        (defaults: 127.0.0.1 4242 10) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdtls.h"

static gdtls_packet_peer_dtls *dtls; /* var dtls := PacketPeerDTLS.new() */
static gdtls_packet_peer_udp *udp;   /* var udp := PacketPeerUDP.new() */
static bool connected = false;

static void ready(const char *host, int port, gdtls_x509_certificate *trusted, const char *hostname) {
    dtls = gdtls_packet_peer_dtls_new();
    udp = gdtls_packet_peer_udp_new();
    gdtls_error err = gdtls_packet_peer_udp_connect_to_host(udp, host, port);
    if (err == GDTLS_OK) {
        if (!trusted) /* Use true in production for certificate validation! */
            err = gdtls_packet_peer_dtls_connect_to_peer_godot3(dtls, udp, false, NULL, NULL);
        else
            err = gdtls_packet_peer_dtls_connect_to_peer_godot3(dtls, udp, true, hostname, trusted);
    }
    if (err != GDTLS_OK) {
        fprintf(stderr, "connect: %s\n", gdtls_get_last_error_message());
        exit(1);
    }
}

static void process(void) {
    gdtls_packet_peer_dtls_poll(dtls);
    if (gdtls_packet_peer_dtls_get_status(dtls) == GDTLS_STATUS_CONNECTED) {
        if (!connected) {
            /* Try to contact server */
            const char *text = "The answer is... 42!";
            gdtls_packet_peer_dtls_put_packet(dtls, (const uint8_t *)text, strlen(text));
        }
        while (gdtls_packet_peer_dtls_get_available_packet_count(dtls) > 0) {
            char text[2048];
            size_t len = 0;
            if (gdtls_packet_peer_dtls_get_packet(dtls, (uint8_t *)text, sizeof text - 1, &len) != GDTLS_OK) break;
            text[len] = '\0';
            printf("Connected: %s\n", text);
            fflush(stdout);
            connected = true;
        }
    }
}

int main(int argc, char **argv) {
    const char *host = argc > 1 ? argv[1] : "127.0.0.1";
    int port = argc > 2 ? atoi(argv[2]) : 4242;
    int timeout = argc > 3 ? atoi(argv[3]) : 10;
    gdtls_x509_certificate *trusted = NULL;
    if (argc > 5) {
        trusted = gdtls_x509_certificate_new();
        if (gdtls_x509_certificate_load(trusted, argv[4]) != GDTLS_OK) {
            fprintf(stderr, "load %s: %s\n", argv[4], gdtls_get_last_error_message());
            return 1;
        }
    }
    ready(host, port, trusted, argc > 5 ? argv[5] : NULL);
    gdtls_x509_certificate_free(trusted); /* the DTLS peer keeps what it needs */
    struct timespec start, now, frame = {0, 1000000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        process();
        nanosleep(&frame, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (!connected && now.tv_sec - start.tv_sec < timeout);
    gdtls_packet_peer_dtls_disconnect_from_peer(dtls);
    gdtls_packet_peer_dtls_free(dtls);
    gdtls_packet_peer_udp_free(udp);
    return connected ? 0 : 1;
}
