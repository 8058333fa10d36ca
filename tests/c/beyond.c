/* What gdtls adds to Godot's DTLS, from C, over real UDP on 127.0.0.1:
 * loading keys and certificates from memory, pre-shared keys, pinning,
 * revocation lists, mutual authentication, ECDSA keys, what a connection
 * negotiated, the event-loop hooks, session resumption, logging, MTU,
 * suites and curves. Run under valgrind by tests/c_beyond.rs.
 *
 * Usage: beyond DIR
 * DIR holds the RSA identity for CN=localhost (key.pem, cert.pem, and
 * key.der, cert.der, key.pin, cert.pin as OpenSSL made them), a
 * certificate for localhost it issued (leaf.key, leaf.crt) and its
 * revocation list revoking that certificate (revoking.crl). */
#define _POSIX_C_SOURCE 200809L
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

/* valgrind runs a handshake tens of times slower: retransmission timers
 * long enough that a slow step is not taken for a lost flight. */
#define SLOW_MIN_MSEC 5000
#define SLOW_MAX_MSEC 20000
/* How long any one wait may last. */
#define WAIT_MSEC 30000

static const char *dir;
static gdtls_crypto_key *key; /* the identity, loaded from DER in memory */
static gdtls_x509_certificate *cert;

static int64_t now_msec(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void path_of(const char *name, char *path, size_t cap) {
    snprintf(path, cap, "%s/%s", dir, name);
}

/* The bytes of DIR/name (with a NUL after them), or NULL. The caller frees. */
static uint8_t *read_file(const char *name, size_t *len) {
    char path[1024];
    path_of(name, path, sizeof path);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    uint8_t *data = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)size + 1)) != NULL) {
        *len = fread(data, 1, (size_t)size, f);
        data[*len] = 0;
    }
    fclose(f);
    return data;
}

/* A certificate's PEM text, asked for its size first. The caller frees. */
static char *cert_pem(gdtls_x509_certificate *c) {
    size_t len = 0;
    if (gdtls_x509_certificate_save_to_string(c, NULL, 0, &len) != GDTLS_ERR_PARAMETER_RANGE_ERROR) return NULL;
    char *pem = malloc(len + 1);
    if (pem && gdtls_x509_certificate_save_to_string(c, pem, len + 1, NULL) != GDTLS_OK) {
        free(pem);
        return NULL;
    }
    return pem;
}

/* A key's PEM text, as cert_pem. */
static char *key_pem(gdtls_crypto_key *k, bool public_only) {
    size_t len = 0;
    if (gdtls_crypto_key_save_to_string(k, public_only, NULL, 0, &len) != GDTLS_ERR_PARAMETER_RANGE_ERROR) return NULL;
    char *pem = malloc(len + 1);
    if (pem && gdtls_crypto_key_save_to_string(k, public_only, pem, len + 1, NULL) != GDTLS_OK) {
        free(pem);
        return NULL;
    }
    return pem;
}

/* Whether two texts, which it frees, are the same. */
static bool same_text(char *a, char *b) {
    bool same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* A UDP server and a DTLS server on 127.0.0.1, run as Godot's example. */
typedef struct {
    gdtls_udp_server *udp;
    gdtls_dtls_server *dtls;
    gdtls_packet_peer_dtls *peer; /* the newest connection past its cookie */
} server;

static server server_new(gdtls_tls_options *options) {
    server s = {gdtls_udp_server_new(), gdtls_dtls_server_new(), NULL};
    CHECK(gdtls_udp_server_listen(s.udp, 0, "127.0.0.1") == GDTLS_OK);
    CHECK(gdtls_dtls_server_setup(s.dtls, options) == GDTLS_OK);
    CHECK(gdtls_dtls_server_set_handshake_timeout_msec(s.dtls, SLOW_MIN_MSEC, SLOW_MAX_MSEC) == GDTLS_OK);
    return s;
}

/* A server presenting `k` and `c`. */
static server server_of(gdtls_crypto_key *k, gdtls_x509_certificate *c) {
    gdtls_tls_options *options = gdtls_tls_options_server(k, c);
    server s = server_new(options);
    gdtls_tls_options_free(options); /* the server holds them */
    return s;
}

static void server_free(server *s) {
    gdtls_packet_peer_dtls_free(s->peer);
    gdtls_dtls_server_free(s->dtls);
    gdtls_udp_server_free(s->udp);
}

/* One frame of the server loop in Godot's example. */
static void server_frame(server *s) {
    gdtls_udp_server_poll(s->udp);
    while (gdtls_udp_server_is_connection_available(s->udp)) {
        gdtls_packet_peer_udp *u = gdtls_udp_server_take_connection(s->udp);
        /* Every connection reads the server's one socket. */
        CHECK(gdtls_packet_peer_udp_get_socket_fd(u) == gdtls_udp_server_get_socket_fd(s->udp));
        gdtls_packet_peer_dtls *p = gdtls_dtls_server_take_connection(s->dtls, u);
        gdtls_packet_peer_udp_free(u);
        if (gdtls_packet_peer_dtls_get_status(p) != GDTLS_STATUS_HANDSHAKING) {
            gdtls_packet_peer_dtls_free(p); /* answered with a cookie request */
            continue;
        }
        gdtls_packet_peer_dtls_free(s->peer);
        s->peer = p;
    }
    if (s->peer) gdtls_packet_peer_dtls_poll(s->peer);
}

/* A client connection and how its handshake ended. */
typedef struct {
    gdtls_packet_peer_dtls *peer;
    gdtls_packet_peer_udp *udp;
    gdtls_error failure; /* what the poll that ended it returned */
    char why[512];       /* its message, kept from the server's calls */
} client;

/* A client of `s` for "localhost", its handshake started. */
static client start_client(server *s, gdtls_tls_options *options, uint32_t min_msec, uint32_t max_msec) {
    client c = {gdtls_packet_peer_dtls_new(), gdtls_packet_peer_udp_new(), GDTLS_OK, ""};
    CHECK(gdtls_packet_peer_udp_connect_to_host(c.udp, "127.0.0.1", gdtls_udp_server_get_local_port(s->udp)) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_set_handshake_timeout_msec(c.peer, min_msec, max_msec) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(c.peer, c.udp, "localhost", options) == GDTLS_OK);
    return c;
}

/* Runs both sides until neither is handshaking. */
static void settle(server *s, client *c) {
    int64_t deadline = now_msec() + WAIT_MSEC;
    while (now_msec() < deadline) {
        server_frame(s);
        gdtls_error err = gdtls_packet_peer_dtls_poll(c->peer);
        if (err != GDTLS_OK && c->failure == GDTLS_OK) {
            c->failure = err;
            snprintf(c->why, sizeof c->why, "%s", gdtls_get_last_error_message());
        }
        if (gdtls_packet_peer_dtls_get_status(c->peer) != GDTLS_STATUS_HANDSHAKING &&
            !(s->peer && gdtls_packet_peer_dtls_get_status(s->peer) == GDTLS_STATUS_HANDSHAKING))
            break;
        sleep_ms(1);
    }
}

static client connect_client(server *s, gdtls_tls_options *options) {
    client c = start_client(s, options, SLOW_MIN_MSEC, SLOW_MAX_MSEC);
    settle(s, &c);
    return c;
}

static void client_free(client *c) {
    gdtls_packet_peer_dtls_free(c->peer);
    gdtls_packet_peer_udp_free(c->udp);
}

/* Whether the client and the server's newest connection are both up. */
static bool connected(server *s, client *c) {
    return gdtls_packet_peer_dtls_get_status(c->peer) == GDTLS_STATUS_CONNECTED && s->peer &&
           gdtls_packet_peer_dtls_get_status(s->peer) == GDTLS_STATUS_CONNECTED;
}

/* Sends `len` bytes from one side; whether the other side got them. */
static bool deliver(gdtls_packet_peer_dtls *from, gdtls_packet_peer_dtls *to, const uint8_t *data, size_t len) {
    if (gdtls_packet_peer_dtls_put_packet(from, data, len) != GDTLS_OK) return false;
    int64_t deadline = now_msec() + WAIT_MSEC;
    while (gdtls_packet_peer_dtls_get_available_packet_count(to) == 0 && now_msec() < deadline) sleep_ms(1);
    static uint8_t buf[GDTLS_MAX_MTU];
    size_t got = 0;
    return gdtls_packet_peer_dtls_get_packet(to, buf, sizeof buf, &got) == GDTLS_OK && got == len &&
           memcmp(buf, data, len) == 0;
}

/* A packet each way. */
static bool echo(server *s, client *c) {
    static const uint8_t ping[] = "The answer is... 42!", pong[] = "Hello DTLS client";
    return deliver(c->peer, s->peer, ping, sizeof ping) && deliver(s->peer, c->peer, pong, sizeof pong);
}

/* Whether the peer's cipher suite contains `part`. */
static bool suite_has(gdtls_packet_peer_dtls *p, const char *part) {
    char suite[128];
    return gdtls_packet_peer_dtls_get_cipher_suite(p, suite, sizeof suite, NULL) == GDTLS_OK &&
           strstr(suite, part) != NULL;
}

/* The identity comes from its DER files, read into memory; PEM text and
 * DER bytes load alike, and give back what the files hold. */
static void test_from_memory(void) {
    char path[1024];
    size_t len = 0;
    uint8_t *der = read_file("cert.der", &len);
    cert = gdtls_x509_certificate_new();
    CHECK(der && gdtls_x509_certificate_load_from_buffer(cert, der, len) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_count(cert) == 1);
    free(der);
    gdtls_x509_certificate *from_file = gdtls_x509_certificate_new();
    path_of("cert.pem", path, sizeof path);
    CHECK(gdtls_x509_certificate_load(from_file, path) == GDTLS_OK);
    CHECK(same_text(cert_pem(cert), cert_pem(from_file)));
    char *pem = cert_pem(from_file);
    gdtls_x509_certificate *from_pem = gdtls_x509_certificate_new();
    CHECK(pem && gdtls_x509_certificate_load_from_buffer(from_pem, (const uint8_t *)pem, strlen(pem)) == GDTLS_OK);
    CHECK(same_text(pem, cert_pem(from_pem)));
    /* Bytes that are no certificate are refused, and the content stays. */
    CHECK_ERR(gdtls_x509_certificate_load_from_buffer(from_pem, (const uint8_t *)"not a certificate", 17), GDTLS_FAILED);
    CHECK_ERR(gdtls_x509_certificate_load_from_buffer(from_pem, NULL, 3), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_x509_certificate_get_count(from_pem) == 1);
    gdtls_x509_certificate_free(from_pem);
    gdtls_x509_certificate_free(from_file);

    der = read_file("key.der", &len);
    key = gdtls_crypto_key_new();
    CHECK(der && gdtls_crypto_key_load_from_buffer(key, der, len, false) == GDTLS_OK);
    CHECK(!gdtls_crypto_key_is_public_only(key));
    free(der);
    gdtls_crypto_key *key_file = gdtls_crypto_key_new();
    path_of("key.pem", path, sizeof path);
    CHECK(gdtls_crypto_key_load(key_file, path, false) == GDTLS_OK);
    CHECK(same_text(key_pem(key, false), key_pem(key_file, false)));
    pem = key_pem(key_file, true);
    gdtls_crypto_key *public_key = gdtls_crypto_key_new();
    CHECK(pem && gdtls_crypto_key_load_from_buffer(public_key, (const uint8_t *)pem, strlen(pem), true) == GDTLS_OK);
    CHECK(gdtls_crypto_key_is_public_only(public_key));
    /* A public key is no private key. */
    CHECK_ERR(gdtls_crypto_key_load_from_buffer(key_file, (const uint8_t *)pem, pem ? strlen(pem) : 0, false), GDTLS_FAILED);
    CHECK(same_text(pem, key_pem(public_key, true)));
    CHECK_ERR(gdtls_crypto_key_load_from_buffer(key_file, (const uint8_t *)"garbage", 7, false), GDTLS_FAILED);
    CHECK_ERR(gdtls_crypto_key_load_from_buffer(key_file, NULL, 7, false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(!gdtls_crypto_key_is_public_only(key_file));
    gdtls_crypto_key_free(public_key);
    gdtls_crypto_key_free(key_file);
}

static const uint8_t PSK[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
                                0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
static const char PLAYER[] = "player-1";

/* What a PSK server's lookup was asked, and whether it was released. */
typedef struct {
    int lookups, refusals, releases;
} psk_book;

static size_t psk_lookup(void *user_data, const uint8_t *identity, size_t identity_len, uint8_t *key_out, size_t key_cap) {
    psk_book *book = user_data;
    book->lookups++;
    if (identity_len != strlen(PLAYER) || memcmp(identity, PLAYER, identity_len) != 0 || key_cap < sizeof PSK) {
        book->refusals++;
        return 0;
    }
    memcpy(key_out, PSK, sizeof PSK);
    return sizeof PSK;
}

static void psk_release(void *user_data) {
    ((psk_book *)user_data)->releases++;
}

static void test_psk(void) {
    psk_book book = {0, 0, 0};
    gdtls_tls_options *options = gdtls_tls_options_server_psk(psk_lookup, &book, psk_release);
    CHECK(options && gdtls_tls_options_is_server(options));
    server s = server_new(options);
    gdtls_tls_options_free(options);

    gdtls_tls_options *player = gdtls_tls_options_client_psk((const uint8_t *)PLAYER, strlen(PLAYER), PSK, sizeof PSK);
    client c = connect_client(&s, player);
    CHECK(connected(&s, &c));
    CHECK(echo(&s, &c));
    CHECK(suite_has(c.peer, "-PSK-") && suite_has(s.peer, "-PSK-"));
    CHECK(book.lookups == 1 && book.refusals == 0);
    CHECK(gdtls_packet_peer_dtls_get_peer_certificate(c.peer) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_UNAVAILABLE);
    CHECK(gdtls_packet_peer_dtls_get_peer_certificate(s.peer) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_UNAVAILABLE);
    client_free(&c);

    /* An identity the lookup does not know is refused with an alert,
     * long before the client's short handshake timeout. */
    gdtls_tls_options *stranger = gdtls_tls_options_client_psk((const uint8_t *)"stranger", 8, PSK, sizeof PSK);
    c = start_client(&s, stranger, 1000, 2000);
    settle(&s, &c);
    CHECK(gdtls_packet_peer_dtls_get_status(c.peer) == GDTLS_STATUS_ERROR);
    CHECK(c.failure != GDTLS_OK && c.failure != GDTLS_ERR_TIMEOUT);
    CHECK(gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_ERROR);
    CHECK(book.lookups == 2 && book.refusals == 1);
    client_free(&c);

    /* A server with one key for every identity lets the stranger in. */
    gdtls_tls_options *one_key = gdtls_tls_options_server_psk_key(PSK, sizeof PSK);
    server open = server_new(one_key);
    gdtls_tls_options_free(one_key);
    c = connect_client(&open, stranger);
    CHECK(connected(&open, &c));
    CHECK(echo(&open, &c));
    client_free(&c);
    server_free(&open);

    uint8_t long_key[GDTLS_MAX_PSK_LEN + 1] = {0};
    CHECK(gdtls_tls_options_client_psk((const uint8_t *)PLAYER, 8, long_key, sizeof long_key) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_client_psk(NULL, 8, PSK, sizeof PSK) == NULL);
    CHECK(gdtls_tls_options_client_psk((const uint8_t *)PLAYER, 8, PSK, 0) == NULL);
    CHECK(gdtls_tls_options_server_psk_key(long_key, sizeof long_key) == NULL);
    CHECK(gdtls_tls_options_server_psk(NULL, &book, psk_release) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);

    /* The lookup's data is released once, when nothing can call it. */
    gdtls_tls_options_free(stranger);
    gdtls_tls_options_free(player);
    CHECK(book.releases == 0);
    server_free(&s);
    CHECK(book.releases == 1);
}

/* The identity's pins, as OpenSSL computed them; a client pinning either
 * connects, one pinning another key is refused. */
static void test_pins(void) {
    uint8_t key_pin[32], cert_pin[32], wrong_pin[32];
    CHECK(gdtls_x509_certificate_get_sha256_pin(cert, GDTLS_PIN_PUBLIC_KEY, key_pin) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_sha256_pin(cert, GDTLS_PIN_CERTIFICATE, cert_pin) == GDTLS_OK);
    const char *files[2] = {"key.pin", "cert.pin"};
    const uint8_t *pins[2] = {key_pin, cert_pin};
    for (int i = 0; i < 2; i++) {
        size_t len = 0;
        uint8_t *openssl = read_file(files[i], &len);
        CHECK(openssl && len == 32 && memcmp(openssl, pins[i], 32) == 0);
        free(openssl);
    }
    CHECK(memcmp(key_pin, cert_pin, 32) != 0);
    memcpy(wrong_pin, key_pin, 32);
    wrong_pin[0] ^= 1;
    CHECK_ERR(gdtls_x509_certificate_get_sha256_pin(cert, 2, key_pin), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_x509_certificate_get_sha256_pin(cert, GDTLS_PIN_PUBLIC_KEY, NULL), GDTLS_ERR_INVALID_PARAMETER);
    gdtls_x509_certificate *empty = gdtls_x509_certificate_new();
    CHECK_ERR(gdtls_x509_certificate_get_sha256_pin(empty, GDTLS_PIN_PUBLIC_KEY, key_pin), GDTLS_ERR_UNCONFIGURED);
    gdtls_x509_certificate_free(empty);

    server s = server_of(key, cert);
    const struct {
        int32_t kind;
        const uint8_t *pin;
        bool validating, admitted;
    } cases[] = {
        {GDTLS_PIN_PUBLIC_KEY, key_pin, false, true},
        {GDTLS_PIN_CERTIFICATE, cert_pin, false, true},
        {GDTLS_PIN_PUBLIC_KEY, wrong_pin, false, false},
        {GDTLS_PIN_PUBLIC_KEY, wrong_pin, true, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gdtls_tls_options *options = cases[i].validating ? gdtls_tls_options_client(cert, NULL)
                                                         : gdtls_tls_options_client_unsafe(NULL);
        CHECK(gdtls_tls_options_add_pin(options, cases[i].kind, cases[i].pin) == GDTLS_OK);
        client c = connect_client(&s, options);
        if (cases[i].admitted) {
            CHECK(connected(&s, &c));
            CHECK(echo(&s, &c));
        } else {
            CHECK(gdtls_packet_peer_dtls_get_status(c.peer) == GDTLS_STATUS_ERROR);
            CHECK(c.failure == GDTLS_ERR_UNAUTHORIZED);
            CHECK(strstr(c.why, "pinned") != NULL);
        }
        CHECK_ERR(gdtls_tls_options_add_pin(options, 7, key_pin), GDTLS_ERR_INVALID_PARAMETER);
        CHECK_ERR(gdtls_tls_options_add_pin(options, GDTLS_PIN_PUBLIC_KEY, NULL), GDTLS_ERR_INVALID_PARAMETER);
        client_free(&c);
        gdtls_tls_options_free(options);
    }
    server_free(&s);
}

/* A client trusting the identity accepts the certificate it issued, until
 * given the revocation list that revokes it. */
static void test_revocation(void) {
    char path[1024];
    gdtls_crypto_key *leaf_key = gdtls_crypto_key_new();
    path_of("leaf.key", path, sizeof path);
    CHECK(gdtls_crypto_key_load(leaf_key, path, false) == GDTLS_OK);
    gdtls_x509_certificate *leaf = gdtls_x509_certificate_new();
    path_of("leaf.crt", path, sizeof path);
    CHECK(gdtls_x509_certificate_load(leaf, path) == GDTLS_OK);
    server s = server_of(leaf_key, leaf);
    size_t len = 0;
    uint8_t *crl = read_file("revoking.crl", &len);
    CHECK(crl != NULL);
    for (int with_crl = 0; with_crl < 2; with_crl++) {
        gdtls_tls_options *options = gdtls_tls_options_client(cert, NULL);
        if (with_crl) CHECK(gdtls_tls_options_add_crl(options, crl, len) == GDTLS_OK);
        client c = connect_client(&s, options);
        if (with_crl) {
            CHECK(gdtls_packet_peer_dtls_get_status(c.peer) == GDTLS_STATUS_ERROR);
            CHECK(strstr(c.why, "(CN=localhost) is revoked") != NULL);
        } else {
            CHECK(connected(&s, &c));
        }
        CHECK_ERR(gdtls_tls_options_add_crl(options, (const uint8_t *)"not a revocation list", 21), GDTLS_FAILED);
        CHECK(strstr(gdtls_get_last_error_message(), "revocation list") != NULL);
        CHECK_ERR(gdtls_tls_options_add_crl(options, NULL, 5), GDTLS_ERR_INVALID_PARAMETER);
        client_free(&c);
        gdtls_tls_options_free(options);
    }
    free(crl);
    server_free(&s);
    gdtls_x509_certificate_free(leaf);
    gdtls_crypto_key_free(leaf_key);
}

/* A server that requires a client certificate reads the client's back; a
 * client without one is refused. */
static void test_mutual_authentication(void) {
    gdtls_crypto_key *player_key = gdtls_crypto_generate_ecdsa("P-256");
    gdtls_x509_certificate *player = gdtls_crypto_generate_self_signed_certificate(player_key, "CN=player one", NULL, NULL);
    CHECK(player != NULL);
    gdtls_tls_options *verifying = gdtls_tls_options_server(key, cert);
    CHECK(gdtls_tls_options_set_client_verification(verifying, player, true) == GDTLS_OK);
    server s = server_new(verifying);

    gdtls_tls_options *with = gdtls_tls_options_client(cert, NULL);
    CHECK(gdtls_tls_options_set_client_certificate(with, player_key, player) == GDTLS_OK);
    client c = connect_client(&s, with);
    CHECK(connected(&s, &c));
    gdtls_x509_certificate *seen = gdtls_packet_peer_dtls_get_peer_certificate(s.peer);
    CHECK(seen != NULL && same_text(cert_pem(seen), cert_pem(player)));
    gdtls_x509_certificate_free(seen);
    seen = gdtls_packet_peer_dtls_get_peer_certificate(c.peer);
    CHECK(seen != NULL && same_text(cert_pem(seen), cert_pem(cert)));
    gdtls_x509_certificate_free(seen);
    CHECK(echo(&s, &c));
    client_free(&c);

    /* The server refuses it without an alert: the client learns it when
     * its handshake, short here, times out. */
    gdtls_tls_options *without = gdtls_tls_options_client(cert, NULL);
    c = start_client(&s, without, 2000, 4000);
    settle(&s, &c);
    CHECK(gdtls_packet_peer_dtls_get_status(c.peer) == GDTLS_STATUS_ERROR);
    CHECK(gdtls_packet_peer_dtls_get_status(s.peer) == GDTLS_STATUS_ERROR);
    client_free(&c);

    /* Each side's setting belongs to its own kind of options. */
    CHECK_ERR(gdtls_tls_options_set_client_verification(with, player, true), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_tls_options_set_client_certificate(verifying, player_key, player), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_tls_options_set_client_certificate(without, key, player), GDTLS_ERR_INVALID_PARAMETER);
    gdtls_tls_options_free(without);
    gdtls_tls_options_free(with);
    gdtls_tls_options_free(verifying);
    server_free(&s);
    gdtls_x509_certificate_free(player);
    gdtls_crypto_key_free(player_key);
}

/* ECDSA identities on both curves serve validating clients. */
static void test_ecdsa(void) {
    const char *curves[] = {"P-256", "P-384", "secp256r1"};
    for (size_t i = 0; i < sizeof curves / sizeof curves[0]; i++) {
        gdtls_crypto_key *k = gdtls_crypto_generate_ecdsa(curves[i]);
        CHECK(k && !gdtls_crypto_key_is_public_only(k));
        char *pem = key_pem(k, false);
        CHECK(pem && strstr(pem, "BEGIN EC PRIVATE KEY") != NULL);
        free(pem);
        gdtls_x509_certificate *c = gdtls_crypto_generate_self_signed_certificate(k, "CN=localhost", NULL, NULL);
        server s = server_of(k, c);
        gdtls_tls_options *trusting = gdtls_tls_options_client(c, NULL);
        client cl = connect_client(&s, trusting);
        CHECK(connected(&s, &cl));
        CHECK(suite_has(cl.peer, "-ECDSA-"));
        CHECK(echo(&s, &cl));
        client_free(&cl);
        gdtls_tls_options_free(trusting);
        server_free(&s);
        gdtls_x509_certificate_free(c);
        gdtls_crypto_key_free(k);
    }
    CHECK(gdtls_crypto_generate_ecdsa("P-192") == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_ecdsa(NULL) == NULL);
}

/* What each side of a connection says it negotiated and carried. */
static void test_negotiated(void) {
    gdtls_packet_peer_dtls *fresh = gdtls_packet_peer_dtls_new();
    char text[128];
    size_t len = 0;
    gdtls_traffic traffic;
    CHECK_ERR(gdtls_packet_peer_dtls_get_protocol_version(fresh, text, sizeof text, &len), GDTLS_ERR_UNAVAILABLE);
    CHECK_ERR(gdtls_packet_peer_dtls_get_cipher_suite(fresh, text, sizeof text, &len), GDTLS_ERR_UNAVAILABLE);
    CHECK(gdtls_packet_peer_dtls_get_handshake_duration_usec(fresh) == 0);
    CHECK(gdtls_packet_peer_dtls_get_retransmissions(fresh) == 0);
    CHECK(!gdtls_packet_peer_dtls_is_session_resumed(fresh));
    CHECK(gdtls_packet_peer_dtls_get_traffic(fresh, &traffic) == GDTLS_OK);
    CHECK(traffic.datagrams_sent == 0 && traffic.bytes_received == 0);
    CHECK_ERR(gdtls_packet_peer_dtls_get_traffic(fresh, NULL), GDTLS_ERR_INVALID_PARAMETER);
    gdtls_packet_peer_dtls_free(fresh);

    server s = server_of(key, cert);
    gdtls_tls_options *trusting = gdtls_tls_options_client(cert, NULL);
    client c = connect_client(&s, trusting);
    CHECK(connected(&s, &c));
    char suites[2][128];
    gdtls_packet_peer_dtls *sides[2] = {c.peer, s.peer};
    for (int i = 0; i < 2; i++) {
        gdtls_packet_peer_dtls *p = sides[i];
        CHECK(gdtls_packet_peer_dtls_get_protocol_version(p, text, sizeof text, &len) == GDTLS_OK);
        CHECK(strcmp(text, "DTLSv1.2") == 0 && len == 8);
        CHECK_ERR(gdtls_packet_peer_dtls_get_protocol_version(p, text, 8, &len), GDTLS_ERR_PARAMETER_RANGE_ERROR);
        CHECK(len == 8);
        CHECK(gdtls_packet_peer_dtls_get_cipher_suite(p, suites[i], sizeof suites[i], NULL) == GDTLS_OK);
        CHECK(strncmp(suites[i], "TLS-ECDHE-RSA-WITH-", 19) == 0);
        uint64_t took = gdtls_packet_peer_dtls_get_handshake_duration_usec(p);
        CHECK(took > 0 && took < (uint64_t)WAIT_MSEC * 1000);
        CHECK(gdtls_packet_peer_dtls_get_retransmissions(p) == 0);
        CHECK(!gdtls_packet_peer_dtls_is_session_resumed(p));
        CHECK(gdtls_packet_peer_dtls_get_max_packet_size(p) > 1100);
    }
    CHECK(strcmp(suites[0], suites[1]) == 0);
    gdtls_x509_certificate *seen = gdtls_packet_peer_dtls_get_peer_certificate(c.peer);
    CHECK(seen != NULL && same_text(cert_pem(seen), cert_pem(cert)));
    gdtls_x509_certificate_free(seen);
    CHECK(gdtls_packet_peer_dtls_get_peer_certificate(s.peer) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_UNAVAILABLE);

    uint8_t packet[100];
    memset(packet, 7, sizeof packet);
    for (int i = 0; i < 10; i++) CHECK(gdtls_packet_peer_dtls_put_packet(c.peer, packet, sizeof packet) == GDTLS_OK);
    int64_t deadline = now_msec() + WAIT_MSEC;
    while (gdtls_packet_peer_dtls_get_available_packet_count(s.peer) < 10 && now_msec() < deadline) sleep_ms(1);
    gdtls_traffic sent, received;
    CHECK(gdtls_packet_peer_dtls_get_traffic(c.peer, &sent) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_traffic(s.peer, &received) == GDTLS_OK);
    /* The client's first ClientHello and the cookie request that answered
     * it belong to a connection the server did not keep. */
    CHECK(sent.datagrams_sent == received.datagrams_received + 1);
    CHECK(sent.datagrams_received == received.datagrams_sent + 1);
    CHECK(sent.bytes_sent > received.bytes_received && sent.bytes_received > received.bytes_sent);
    CHECK(sent.datagrams_sent >= 10 + 3 && sent.bytes_sent > 10 * sizeof packet);

    /* What was counted and negotiated stays readable once it ends. */
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(c.peer) == GDTLS_OK);
    gdtls_traffic after;
    CHECK(gdtls_packet_peer_dtls_get_traffic(c.peer, &after) == GDTLS_OK);
    CHECK(after.datagrams_sent == sent.datagrams_sent + 1); /* the close_notify */
    CHECK(gdtls_packet_peer_dtls_get_protocol_version(c.peer, text, sizeof text, NULL) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_peer_certificate(c.peer) == NULL);
    client_free(&c);
    gdtls_tls_options_free(trusting);
    server_free(&s);
}

/* What a host's event loop sleeps on: the sockets' descriptors, and how
 * long until a connection's next timer. */
static void test_event_loop_hooks(void) {
    gdtls_packet_peer_dtls *idle = gdtls_packet_peer_dtls_new();
    CHECK(gdtls_packet_peer_dtls_get_next_timeout_msec(idle) == -1);
    gdtls_packet_peer_dtls_free(idle);
    gdtls_packet_peer_udp *unbound = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_get_socket_fd(unbound) == -1);
    gdtls_packet_peer_udp_free(unbound);
    gdtls_udp_server *stopped = gdtls_udp_server_new();
    CHECK(gdtls_udp_server_get_socket_fd(stopped) == -1);
    gdtls_udp_server_free(stopped);

    /* A server that never answers: sleeping as long as the timer says,
     * then polling, retransmits the ClientHello, and the timer doubles. */
    gdtls_tls_options *trusting = gdtls_tls_options_client(cert, NULL);
    gdtls_packet_peer_udp *silent = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_bind(silent, 0, "127.0.0.1", GDTLS_DEFAULT_RECV_BUF_SIZE) == GDTLS_OK);
    gdtls_packet_peer_udp *udp = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(udp, "127.0.0.1", gdtls_packet_peer_udp_get_local_port(silent)) == GDTLS_OK);
    gdtls_packet_peer_dtls *lonely = gdtls_packet_peer_dtls_new();
    CHECK(gdtls_packet_peer_dtls_set_handshake_timeout_msec(lonely, 200, 400) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(lonely, udp, "localhost", trusting) == GDTLS_OK);
    int64_t due = gdtls_packet_peer_dtls_get_next_timeout_msec(lonely);
    CHECK(due > 100 && due <= 200);
    sleep_ms((long)due);
    CHECK(gdtls_packet_peer_dtls_poll(lonely) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_retransmissions(lonely) == 1);
    due = gdtls_packet_peer_dtls_get_next_timeout_msec(lonely);
    CHECK(due > 300 && due <= 400);
    gdtls_traffic traffic;
    CHECK(gdtls_packet_peer_dtls_get_traffic(lonely, &traffic) == GDTLS_OK && traffic.datagrams_sent == 2);
    gdtls_packet_peer_dtls_free(lonely);
    gdtls_packet_peer_udp_free(udp);
    gdtls_packet_peer_udp_free(silent);

    server s = server_of(key, cert);
    client c = start_client(&s, trusting, SLOW_MIN_MSEC, SLOW_MAX_MSEC);
    due = gdtls_packet_peer_dtls_get_next_timeout_msec(c.peer);
    CHECK(due > SLOW_MIN_MSEC - 1000 && due <= SLOW_MIN_MSEC);
    settle(&s, &c);
    CHECK(connected(&s, &c));
    CHECK(gdtls_packet_peer_dtls_get_next_timeout_msec(c.peer) == -1);
    CHECK(gdtls_packet_peer_dtls_get_next_timeout_msec(s.peer) == -1);
    CHECK(gdtls_packet_peer_dtls_set_idle_timeout_msec(c.peer, 5000) == GDTLS_OK);
    due = gdtls_packet_peer_dtls_get_next_timeout_msec(c.peer);
    CHECK(due > 4000 && due <= 5000);

    /* Each side's descriptor turns readable when a packet comes. */
    int server_fd = gdtls_udp_server_get_socket_fd(s.udp), client_fd = gdtls_packet_peer_udp_get_socket_fd(c.udp);
    CHECK(server_fd >= 0 && client_fd >= 0 && server_fd != client_fd);
    struct pollfd watched = {server_fd, POLLIN, 0};
    CHECK(gdtls_packet_peer_dtls_put_packet(c.peer, (const uint8_t *)"wake up", 7) == GDTLS_OK);
    CHECK(poll(&watched, 1, WAIT_MSEC) == 1);
    CHECK(gdtls_packet_peer_dtls_poll(s.peer) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_available_packet_count(s.peer) == 1);
    watched.fd = client_fd;
    CHECK(gdtls_packet_peer_dtls_put_packet(s.peer, (const uint8_t *)"awake", 5) == GDTLS_OK);
    CHECK(poll(&watched, 1, WAIT_MSEC) == 1);
    CHECK(gdtls_packet_peer_dtls_poll(c.peer) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_available_packet_count(c.peer) == 1);
    client_free(&c);
    gdtls_tls_options_free(trusting);
    server_free(&s);
}

/* A client reconnecting with the same options resumes its session, unless
 * it turned resumption off or the server gives no tickets. */
static void test_resumption(void) {
    server s = server_of(key, cert);
    CHECK(gdtls_dtls_server_get_session_ticket_lifetime_sec(s.dtls) == GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC);
    gdtls_tls_options *options = gdtls_tls_options_client(cert, NULL);
    CHECK(gdtls_tls_options_get_session_resumption(options));
    gdtls_traffic full = {0}, resumed = {0};
    for (int again = 0; again < 2; again++) {
        client c = connect_client(&s, options);
        CHECK(connected(&s, &c));
        CHECK(gdtls_packet_peer_dtls_is_session_resumed(c.peer) == (again == 1));
        CHECK(gdtls_packet_peer_dtls_is_session_resumed(s.peer) == (again == 1));
        CHECK(gdtls_packet_peer_dtls_get_traffic(c.peer, again ? &resumed : &full) == GDTLS_OK);
        CHECK(echo(&s, &c));
        gdtls_packet_peer_dtls_disconnect_from_peer(c.peer);
        client_free(&c);
    }
    /* No certificate the second time. */
    CHECK(resumed.bytes_received * 2 < full.bytes_received);

    CHECK(gdtls_tls_options_set_session_resumption(options, false) == GDTLS_OK);
    CHECK(!gdtls_tls_options_get_session_resumption(options));
    client c = connect_client(&s, options);
    CHECK(connected(&s, &c));
    CHECK(!gdtls_packet_peer_dtls_is_session_resumed(c.peer));
    client_free(&c);
    gdtls_tls_options_free(options);
    server_free(&s);

    s = server_of(key, cert);
    CHECK(gdtls_dtls_server_set_session_ticket_lifetime_sec(s.dtls, 0) == GDTLS_OK);
    CHECK(gdtls_dtls_server_get_session_ticket_lifetime_sec(s.dtls) == 0);
    options = gdtls_tls_options_client(cert, NULL);
    for (int again = 0; again < 2; again++) {
        c = connect_client(&s, options);
        CHECK(connected(&s, &c));
        CHECK(!gdtls_packet_peer_dtls_is_session_resumed(c.peer));
        CHECK(!gdtls_packet_peer_dtls_is_session_resumed(s.peer));
        gdtls_packet_peer_dtls_disconnect_from_peer(c.peer);
        client_free(&c);
    }
    gdtls_tls_options_free(options);
    server_free(&s);
}

/* What the log callback was given. */
typedef struct {
    int lines, out_of_level, about_handshake;
} log_book;

static void log_line(void *user_data, int32_t level, const char *message) {
    log_book *book = user_data;
    book->lines++;
    if (level < GDTLS_LOG_ERROR || level > GDTLS_LOG_STATE) book->out_of_level++;
    if (strstr(message, "handshake")) book->about_handshake++;
}

/* One connection between a fresh server and client, then closed. */
static void one_connection(void) {
    server s = server_of(key, cert);
    gdtls_tls_options *trusting = gdtls_tls_options_client(cert, NULL);
    client c = connect_client(&s, trusting);
    CHECK(connected(&s, &c));
    client_free(&c);
    gdtls_tls_options_free(trusting);
    server_free(&s);
}

static void test_logging(void) {
    log_book book = {0, 0, 0};
    CHECK(gdtls_set_log_callback(log_line, &book, GDTLS_LOG_STATE) == GDTLS_OK);
    one_connection();
    CHECK(gdtls_set_log_callback(NULL, NULL, GDTLS_LOG_NONE) == GDTLS_OK);
    CHECK(book.lines > 0 && book.out_of_level == 0 && book.about_handshake > 0);
    int seen = book.lines;
    one_connection();
    CHECK_ERR(gdtls_set_log_callback(log_line, &book, GDTLS_LOG_VERBOSE + 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_set_log_callback(log_line, &book, -1), GDTLS_ERR_INVALID_PARAMETER);
    one_connection();
    CHECK(book.lines == seen);
    CHECK(gdtls_version_number() == GDTLS_VERSION_NUMBER);
}

/* An MTU of 600 on both sides, with a fixed suite: the largest packet
 * shrinks to fit one datagram, and goes through; suites and curves are
 * named, unknown names refused. */
static void test_mtu_suites_curves(void) {
    gdtls_tls_options *server_options = gdtls_tls_options_server(key, cert);
    CHECK(gdtls_tls_options_get_mtu(server_options) == GDTLS_DTLS_MTU);
    CHECK(gdtls_tls_options_set_mtu(server_options, 600) == GDTLS_OK);
    CHECK_ERR(gdtls_tls_options_set_mtu(server_options, GDTLS_MIN_MTU - 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_tls_options_set_mtu(server_options, GDTLS_MAX_MTU + 1), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_get_mtu(server_options) == 600);
    CHECK(gdtls_tls_options_set_curves(server_options, "secp384r1") == GDTLS_OK);
    server s = server_new(server_options);
    gdtls_tls_options_free(server_options);

    gdtls_tls_options *options = gdtls_tls_options_client(cert, NULL);
    CHECK(gdtls_tls_options_set_mtu(options, 600) == GDTLS_OK);
    const char *suite = "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256";
    CHECK(gdtls_tls_options_set_cipher_suites(options, suite) == GDTLS_OK);
    CHECK_ERR(gdtls_tls_options_set_cipher_suites(options, "TLS-NO-SUCH-SUITE"), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "TLS-NO-SUCH-SUITE") != NULL);
    CHECK_ERR(gdtls_tls_options_set_curves(options, "secp384r1,no-such-curve"), GDTLS_ERR_INVALID_PARAMETER);
    client c = connect_client(&s, options);
    CHECK(connected(&s, &c));
    CHECK(suite_has(c.peer, suite));
    /* AES-GCM adds 13 + 8 + 16 bytes to a record. */
    int max = gdtls_packet_peer_dtls_get_max_packet_size(c.peer);
    CHECK(max == 600 - 37);
    CHECK(gdtls_packet_peer_dtls_get_max_packet_size(s.peer) == max);
    uint8_t *big = malloc((size_t)max + 1);
    memset(big, 'm', (size_t)max + 1);
    CHECK(deliver(c.peer, s.peer, big, (size_t)max));
    CHECK(deliver(s.peer, c.peer, big, (size_t)max));
    CHECK_ERR(gdtls_packet_peer_dtls_put_packet(c.peer, big, (size_t)max + 1), GDTLS_ERR_INVALID_PARAMETER);
    free(big);
    gdtls_traffic traffic;
    CHECK(gdtls_packet_peer_dtls_get_traffic(c.peer, &traffic) == GDTLS_OK);
    /* The server's certificate flight was cut into several datagrams. */
    CHECK(traffic.datagrams_received > 4);
    client_free(&c);
    gdtls_tls_options_free(options);
    server_free(&s);
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    dir = argv[1];
    size_t baseline = gdtls_live_handle_count();

    test_from_memory();
    test_psk();
    test_pins();
    test_revocation();
    test_mutual_authentication();
    test_ecdsa();
    test_negotiated();
    test_event_loop_hooks();
    test_resumption();
    test_logging();
    test_mtu_suites_curves();

    gdtls_x509_certificate_free(cert);
    gdtls_crypto_key_free(key);
    CHECK(gdtls_live_handle_count() == baseline);
    return check_summary();
}
