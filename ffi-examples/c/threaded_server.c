/* A DTLS echo server that spreads its handshakes over worker threads.
 *
 * The main thread runs the loop of Godot's DTLSServer example (server.gd):
 * it polls the UDPServer and takes connections, and hands each connection
 * that handshakes to a worker, in turn. Each worker polls only its own
 * connections and sends every packet back to where it came from. A
 * connection's first poll writes the server's answer to the ClientHello,
 * its key exchange and signature, so that work runs on the workers, side
 * by side: gdtls holds no lock across a handshake step, and signs with a
 * copy of the server's key for each thread signing at that moment. Any
 * gdtls handle may be used from any thread; here each connection belongs
 * to one worker, so no thread waits on another's connection.
 *
 * It prints "Peer connected! (worker W)" for each connection and
 * "Echoed N bytes (worker W)" for each packet, and serves until it has
 * echoed the first packet of CLIENTS clients (default 1) or TIMEOUT seconds
 * (default 30) have passed, with THREADS workers (default 2).
 *
 * Usage: threaded_server PORT KEY CERT [CLIENTS [TIMEOUT [THREADS]]]
 * Build: cc -std=c11 -pthread threaded_server.c -lgdtls */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "gdtls.h"

#define MAX_THREADS 64
#define MAX_PEERS 256 /* per worker */

struct worker {
    int id;
    pthread_t thread;
    /* Connections handed over by the main thread, not yet polled. */
    pthread_mutex_t lock;
    gdtls_packet_peer_dtls *handed[MAX_PEERS];
    int handed_count;
    /* The worker's own connections: only it touches them. */
    gdtls_packet_peer_dtls *peers[MAX_PEERS];
    int peer_count;
};

static struct worker workers[MAX_THREADS];
static atomic_int answered; /* clients whose first packet came back */
static atomic_bool stopping;

static void fail(const char *what) {
    fprintf(stderr, "%s: %s\n", what, gdtls_get_last_error_message());
    exit(1);
}

static const struct timespec frame = {0, 1000000}; /* a 1 ms frame */

static double now_sec(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + now.tv_nsec / 1e9;
}

/* Takes what the main thread handed over since the last frame. */
static void adopt(struct worker *w) {
    pthread_mutex_lock(&w->lock);
    for (int i = 0; i < w->handed_count; i++) {
        if (w->peer_count < MAX_PEERS) w->peers[w->peer_count++] = w->handed[i];
        else gdtls_packet_peer_dtls_free(w->handed[i]);
    }
    w->handed_count = 0;
    pthread_mutex_unlock(&w->lock);
}

/* Echoes every packet `p` received; counts its client once. */
static void echo(struct worker *w, gdtls_packet_peer_dtls *p, bool *counted) {
    uint8_t packet[2048];
    size_t len = 0;
    while (gdtls_packet_peer_dtls_get_packet(p, packet, sizeof packet, &len) == GDTLS_OK) {
        gdtls_packet_peer_dtls_put_packet(p, packet, len);
        printf("Echoed %zu bytes (worker %d)\n", len, w->id);
        fflush(stdout);
        if (!*counted) {
            *counted = true;
            atomic_fetch_add(&answered, 1);
        }
    }
}

static void *work(void *arg) {
    struct worker *w = arg;
    bool counted[MAX_PEERS] = {false};
    while (!atomic_load(&stopping)) {
        adopt(w);
        for (int i = 0; i < w->peer_count;) {
            gdtls_packet_peer_dtls *p = w->peers[i];
            gdtls_packet_peer_dtls_poll(p); /* the handshake, then what arrived */
            gdtls_packet_peer_dtls_status status = gdtls_packet_peer_dtls_get_status(p);
            if (status == GDTLS_STATUS_CONNECTED) echo(w, p, &counted[i]);
            if (status == GDTLS_STATUS_HANDSHAKING || status == GDTLS_STATUS_CONNECTED) {
                i++;
                continue;
            }
            /* Ended (closed, failed, timed out): its slot serves the next. */
            gdtls_packet_peer_dtls_free(p);
            w->peer_count--;
            w->peers[i] = w->peers[w->peer_count];
            counted[i] = counted[w->peer_count];
            counted[w->peer_count] = false;
        }
        nanosleep(&frame, NULL);
    }
    adopt(w);
    for (int i = 0; i < w->peer_count; i++) {
        gdtls_packet_peer_dtls_disconnect_from_peer(w->peers[i]);
        gdtls_packet_peer_dtls_free(w->peers[i]);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s PORT KEY CERT [CLIENTS [TIMEOUT [THREADS]]]\n", argv[0]);
        return 2;
    }
    int clients = argc > 4 ? atoi(argv[4]) : 1;
    int timeout = argc > 5 ? atoi(argv[5]) : 30;
    int threads = argc > 6 ? atoi(argv[6]) : 2;
    if (threads < 1 || threads > MAX_THREADS) {
        fprintf(stderr, "THREADS must be 1 to %d\n", MAX_THREADS);
        return 2;
    }

    gdtls_crypto_key *key = gdtls_crypto_key_new();
    if (gdtls_crypto_key_load(key, argv[2], false) != GDTLS_OK) fail("load key");
    gdtls_x509_certificate *cert = gdtls_x509_certificate_new();
    if (gdtls_x509_certificate_load(cert, argv[3]) != GDTLS_OK) fail("load certificate");
    gdtls_tls_options *options = gdtls_tls_options_server(key, cert);
    if (!options) fail("server options");
    gdtls_dtls_server *dtls = gdtls_dtls_server_new();
    if (gdtls_dtls_server_setup(dtls, options) != GDTLS_OK) fail("setup");
    gdtls_tls_options_free(options); /* the server keeps what it needs */
    gdtls_x509_certificate_free(cert);
    gdtls_crypto_key_free(key);
    gdtls_udp_server *server = gdtls_udp_server_new();
    if (gdtls_udp_server_listen(server, atoi(argv[1]), NULL) != GDTLS_OK) fail("listen");

    for (int i = 0; i < threads; i++) {
        workers[i].id = i + 1;
        pthread_mutex_init(&workers[i].lock, NULL);
        if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0) {
            fprintf(stderr, "cannot start worker %d\n", i + 1);
            return 1;
        }
    }

    int next = 0;
    double deadline = now_sec() + timeout, stop_at = 0;
    while (!stop_at || now_sec() < stop_at) {
        while (gdtls_udp_server_is_connection_available(server)) {
            gdtls_packet_peer_udp *peer = gdtls_udp_server_take_connection(server);
            gdtls_packet_peer_dtls *dtls_peer = gdtls_dtls_server_take_connection(dtls, peer);
            gdtls_packet_peer_udp_free(peer);
            if (gdtls_packet_peer_dtls_get_status(dtls_peer) != GDTLS_STATUS_HANDSHAKING) {
                gdtls_packet_peer_dtls_free(dtls_peer);
                continue; /* It is normal that 50% of the connections fails due to cookie exchange. */
            }
            struct worker *w = &workers[next];
            next = (next + 1) % threads;
            printf("Peer connected! (worker %d)\n", w->id);
            fflush(stdout);
            pthread_mutex_lock(&w->lock);
            if (w->handed_count < MAX_PEERS) w->handed[w->handed_count++] = dtls_peer;
            else gdtls_packet_peer_dtls_free(dtls_peer);
            pthread_mutex_unlock(&w->lock);
        }
        /* Once done, a few more frames let the last echoes go out. */
        if (!stop_at && (atomic_load(&answered) >= clients || now_sec() >= deadline))
            stop_at = now_sec() + 0.05;
        nanosleep(&frame, NULL);
    }
    atomic_store(&stopping, true);
    for (int i = 0; i < threads; i++) {
        pthread_join(workers[i].thread, NULL);
        pthread_mutex_destroy(&workers[i].lock);
    }
    gdtls_udp_server_free(server);
    gdtls_dtls_server_free(dtls);
    return atomic_load(&answered) >= clients ? 0 : 1;
}
