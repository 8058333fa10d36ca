/* gdtls DTLS clients against Godot 3.2.3's DTLSServer
 * (tests/godot/dtls_server.gd), run by tests/godot_dtls.rs.
 * Usage: godot_dtls_client DIR GODOT_ID_PORT GDTLS_ID_PORT
 * DIR holds godot.crt (made by Godot, presented on GODOT_ID_PORT) and
 * gdtls.crt (made by gdtls, presented on GDTLS_ID_PORT), both for
 * CN=localhost. Prints "key: value" figures, then "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

/* PROBES: how many packets Godot's "probe" sends (tests/godot/dtls_server.gd). */
enum { CLIENTS = 6, ROUNDS = 20, WAIT_MS = 3000, PROBES = 7 };

static uint8_t buf[65536];

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* The content of every test packet, as in the Godot script. */
static void fill(uint8_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)((i * 7 + n) % 256);
}

static bool is_pattern(const uint8_t *data, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (data[i] != (uint8_t)((i * 7 + n) % 256)) return false;
    return true;
}

static gdtls_x509_certificate *load_cert(const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    gdtls_x509_certificate *cert = gdtls_x509_certificate_new();
    CHECK(gdtls_x509_certificate_load(cert, path) == GDTLS_OK);
    return cert;
}

/* Starts a validating client; `godot3` picks Godot 3.2's connect shape
 * instead of Godot 4's TLSOptions. */
static gdtls_packet_peer_dtls *start(int port, gdtls_x509_certificate *trust, const char *hostname, bool godot3) {
    gdtls_packet_peer_udp *udp = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(udp, "127.0.0.1", port) == GDTLS_OK);
    gdtls_packet_peer_dtls *peer = gdtls_packet_peer_dtls_new();
    if (godot3) {
        CHECK(gdtls_packet_peer_dtls_connect_to_peer_godot3(peer, udp, true, hostname, trust) == GDTLS_OK);
    } else {
        gdtls_tls_options *options = gdtls_tls_options_client(trust, NULL);
        CHECK(gdtls_packet_peer_dtls_connect_to_peer(peer, udp, hostname, options) == GDTLS_OK);
        gdtls_tls_options_free(options);
    }
    gdtls_packet_peer_udp_free(udp);
    return peer;
}

/* Polls every client until none is handshaking (10 s at most). */
static void settle(gdtls_packet_peer_dtls **peers, int n) {
    for (int t = 0; t < 10000; t++) {
        bool busy = false;
        for (int i = 0; i < n; i++) {
            gdtls_packet_peer_dtls_poll(peers[i]);
            busy |= gdtls_packet_peer_dtls_get_status(peers[i]) == GDTLS_STATUS_HANDSHAKING;
        }
        if (!busy) return;
        sleep_ms(1);
    }
}

/* Waits for the next packet into buf; its length, or -1 when none came. */
static long receive(gdtls_packet_peer_dtls *peer, int wait_ms) {
    for (int t = 0; t < wait_ms; t++) {
        gdtls_packet_peer_dtls_poll(peer);
        size_t len = 0;
        if (gdtls_packet_peer_dtls_get_packet(peer, buf, sizeof buf, &len) == GDTLS_OK) return (long)len;
        sleep_ms(1);
    }
    return -1;
}

static void put_pattern(gdtls_packet_peer_dtls *peer, size_t n) {
    uint8_t data[2048];
    fill(data, n);
    CHECK(gdtls_packet_peer_dtls_put_packet(peer, data, n) == GDTLS_OK);
}

static bool echoes(gdtls_packet_peer_dtls *peer, size_t n) {
    put_pattern(peer, n);
    long got = receive(peer, WAIT_MS);
    return got == (long)n && is_pattern(buf, n);
}

static void send_text(gdtls_packet_peer_dtls *peer, const char *text) {
    CHECK(gdtls_packet_peer_dtls_put_packet(peer, (const uint8_t *)text, strlen(text)) == GDTLS_OK);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s DIR GODOT_ID_PORT GDTLS_ID_PORT\n", argv[0]);
        return 2;
    }
    int godot_port = atoi(argv[2]), gdtls_port = atoi(argv[3]);
    gdtls_x509_certificate *godot_cert = load_cert(argv[1], "godot.crt");
    gdtls_x509_certificate *gdtls_cert = load_cert(argv[1], "gdtls.crt");

    /* Every handshake at once: several clients of the server with Godot's
     * certificate, one of the server with gdtls's, one expecting another
     * name, one trusting the wrong certificate. */
    enum { GDTLS_ID = CLIENTS, MISMATCH, UNTRUSTED, ALL };
    gdtls_packet_peer_dtls *c[ALL];
    for (int i = 0; i < CLIENTS; i++) c[i] = start(godot_port, godot_cert, "localhost", i % 2 == 1);
    c[GDTLS_ID] = start(gdtls_port, gdtls_cert, "localhost", false);
    c[MISMATCH] = start(godot_port, godot_cert, "wrong.example", true);
    c[UNTRUSTED] = start(godot_port, gdtls_cert, "localhost", false);
    settle(c, ALL);
    for (int i = 0; i <= GDTLS_ID; i++) CHECK(gdtls_packet_peer_dtls_get_status(c[i]) == GDTLS_STATUS_CONNECTED);
    CHECK(gdtls_packet_peer_dtls_get_status(c[MISMATCH]) == GDTLS_STATUS_ERROR_HOSTNAME_MISMATCH);
    CHECK(gdtls_packet_peer_dtls_get_status(c[UNTRUSTED]) == GDTLS_STATUS_ERROR);

    int max = gdtls_packet_peer_dtls_get_max_packet_size(c[0]);
    printf("gdtls max packet size: %d\n", max);
    CHECK(max > 1000 && max <= 1200);

    /* Every size class up to the largest, with the content checked: every
     * size near the ends and near Godot's reported maximum, 488. */
    int sizes_ok = 0, sizes = 0;
    for (int n = 1; n <= max; n += n < 16 || n > max - 16 || (n >= 480 && n < 496) ? 1 : 13) {
        sizes++;
        sizes_ok += echoes(c[0], (size_t)n);
    }
    printf("echo sizes: %d of %d\n", sizes_ok, sizes);
    CHECK(sizes_ok == sizes);
    CHECK(echoes(c[GDTLS_ID], (size_t)max));
    fill(buf, (size_t)max + 1);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(c[0], buf, (size_t)max + 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(echoes(c[0], 1));

    /* All clients at once, each with sizes of its own. */
    int rounds_ok = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i <= GDTLS_ID; i++) put_pattern(c[i], (size_t)(100 + 150 * i + r));
        for (int i = 0; i <= GDTLS_ID; i++) {
            size_t n = (size_t)(100 + 150 * i + r);
            rounds_ok += receive(c[i], WAIT_MS) == (long)n && is_pattern(buf, n);
        }
    }
    CHECK(rounds_ok == ROUNDS * (GDTLS_ID + 1));

    /* Godot sends beyond its reported maximum and gdtls's: which arrive whole. */
    send_text(c[1], "probe");
    long got;
    for (int k = 0; k < PROBES && (got = receive(c[1], WAIT_MS)) >= 0; k++) {
        printf("received from godot: %ld %s\n", got, is_pattern(buf, (size_t)got) ? "intact" : "corrupt");
    }

    /* Closed by Godot, seen here; closed here, seen by Godot. */
    send_text(c[2], "close");
    for (int t = 0; t < WAIT_MS && gdtls_packet_peer_dtls_get_status(c[2]) == GDTLS_STATUS_CONNECTED; t++) {
        gdtls_packet_peer_dtls_poll(c[2]);
        sleep_ms(1);
    }
    CHECK(gdtls_packet_peer_dtls_get_status(c[2]) == GDTLS_STATUS_DISCONNECTED);
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(c[2], (const uint8_t *)"x", 1), GDTLS_ERR_UNCONFIGURED);
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(c[3]) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_status(c[3]) == GDTLS_STATUS_DISCONNECTED);
    CHECK(echoes(c[0], 5));
    /* Godot stops counting closes at "bye", before the clients go. */
    send_text(c[0], "quit");
    CHECK(receive(c[0], WAIT_MS) == 3 && memcmp(buf, "bye", 3) == 0);

    for (int i = 0; i < ALL; i++) gdtls_packet_peer_dtls_free(c[i]);
    gdtls_x509_certificate_free(godot_cert);
    gdtls_x509_certificate_free(gdtls_cert);
    CHECK(gdtls_live_handle_count() == 0);
    return check_summary();
}
