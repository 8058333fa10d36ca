/* Every function the header declares, called the wrong way: NULL, freed,
 * double-freed, made-up and other-class handles; calls in the wrong state;
 * impossible sizes and numbers; invalid UTF-8 and embedded NULs; NULL
 * out-pointers; a handle freed while another thread uses it. Each call must
 * fail with its documented error, recorded by that very call (and on that
 * thread only), and leave everything else intact: the objects abused
 * alongside still work afterwards, a DTLS handshake over loopback succeeds
 * with them, and no handle is left behind.
 * Run by tests/ffi_misuse.rs under valgrind and under AddressSanitizer.
 * Usage: misuse DIR  (DIR holds key.pem and cert.pem for CN=localhost and
 * becomes the working directory, so a stray relative path stays in it) */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* ---- the error a call records ------------------------------------------ */

/* Records an error from a function other than `fn`, so that a check after
 * calling `fn` cannot pass on a stale error; returns the function it used. */
static const char *poison(const char *fn) {
    if (strcmp(fn, "gdtls_crypto_generate_rsa") != 0) {
        gdtls_crypto_generate_rsa(1);
        return "gdtls_crypto_generate_rsa";
    }
    gdtls_udp_server_poll(NULL);
    return "gdtls_udp_server_poll";
}

/* The thread's last error was recorded by `fn` and says something. */
static bool blames(const char *fn) {
    const char *msg = gdtls_get_last_error_message();
    size_t n = strlen(fn);
    return strncmp(msg, fn, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ' && msg[n + 2] != '\0';
}

/* FN ARGS returns `result`, and this call recorded `code` with a message. */
#define FAILS(result, code, fn, args)                \
    do {                                             \
        poison(#fn);                                 \
        CHECK((fn args) == (result));                \
        CHECK(gdtls_get_last_error() == (code));     \
        CHECK(blames(#fn));                          \
    } while (0)

/* A gdtls_error call refused with GDTLS_ERR_INVALID_PARAMETER. */
#define REFUSED(fn, args) FAILS(GDTLS_ERR_INVALID_PARAMETER, GDTLS_ERR_INVALID_PARAMETER, fn, args)

/* FN ARGS returns `result` and records no error. */
#define QUIET(result, fn, args)                      \
    do {                                             \
        const char *quiet_poisoner = poison(#fn);    \
        CHECK((fn args) == (result));                \
        CHECK(blames(quiet_poisoner));               \
    } while (0)

/* ---- bad handles, bad strings ------------------------------------------ */

enum cls { KEY, CERT, OPTIONS, UDP, UDP_SERVER, DTLS, DTLS_SERVER, CLASSES };

/* One live object of each class, abused as the wrong class everywhere and
 * checked at the end for being unharmed, and one freed handle of each. */
static void *live[CLASSES];
static void *dead[CLASSES];
static char somewhere;

/* Handles that are not a live object of class `c`: NULL (for required
 * arguments), a freed one, made-up numbers, a real address, one that was
 * never issued, and a live object of every other class. */
static int bad_handles(enum cls c, bool with_null, void **out) {
    int n = 0;
    if (with_null) out[n++] = NULL;
    out[n++] = dead[c];
    out[n++] = (void *)(uintptr_t)1;
    out[n++] = (void *)(uintptr_t)0x1008;
    out[n++] = (void *)UINTPTR_MAX;
    out[n++] = &somewhere;
    out[n++] = (void *)((uintptr_t)dead[c] + ((uintptr_t)1 << 40));
    for (int other = 0; other < CLASSES; other++)
        if (other != (int)c) out[n++] = live[other];
    return n;
}

/* Runs `stmt` with BAD set to each bad handle of class `c` in turn. */
#define SWEEP(c, with_null, stmt)                            \
    do {                                                     \
        void *sweep_bad[16];                                 \
        int sweep_n = bad_handles(c, with_null, sweep_bad);  \
        for (int sweep_i = 0; sweep_i < sweep_n; sweep_i++) { \
            void *BAD = sweep_bad[sweep_i];                  \
            stmt;                                            \
        }                                                    \
    } while (0)

/* Truncated sequences, overlong forms, a surrogate, a code point beyond
 * U+10FFFF and a stray continuation byte. */
static const char *const bad_utf8[] = {"\xff", "caf\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "127.0.0\x80.1"};

/* Runs `stmt` with STR set to each invalid UTF-8 string in turn. */
#define EACH_BAD_UTF8(stmt)                                                      \
    do {                                                                         \
        for (size_t utf8_i = 0; utf8_i < sizeof bad_utf8 / sizeof *bad_utf8; utf8_i++) { \
            const char *STR = bad_utf8[utf8_i];                                  \
            stmt;                                                                \
        }                                                                        \
    } while (0)

/* Lengths no buffer can have: refused before anything is read or written. */
#define HUGE_LEN SIZE_MAX
#define HUGE_LEN2 ((size_t)PTRDIFF_MAX + 1)

static const int bad_ports[] = {-1, 65536, INT_MAX, INT_MIN};

/* Neither GDTLS_PIN_PUBLIC_KEY nor GDTLS_PIN_CERTIFICATE. */
static const int bad_pin_kinds[] = {-1, 2, INT_MAX, INT_MIN};

/* Bytes that are nothing gdtls parses: a DER header claiming 64 KiB more
 * than there is, a NUL, and the start of a PEM line. */
static const uint8_t garbage[] = {0x30, 0x82, 0xff, 0xff, 0x02, 0x01, 0x00, 0x00, '-', '-', '-', '-', '-', 0xfe};

/* Runs `stmt` with `var` set to each int of `array` in turn. */
#define EACH(array, var, stmt)                                                   \
    do {                                                                         \
        for (size_t each_i = 0; each_i < sizeof array / sizeof *array; each_i++) { \
            int var = array[each_i];                                             \
            stmt;                                                                \
        }                                                                        \
    } while (0)

static gdtls_crypto_key *key;         /* RSA-2048 for CN=localhost */
static gdtls_x509_certificate *cert;  /* its certificate */

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Each of the `n` bytes at `p` is still `v`: a failed call wrote nothing. */
static bool untouched(const uint8_t *p, size_t n, uint8_t v) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != v) return false;
    return true;
}

static char *key_pem(gdtls_crypto_key *k) {
    static char buf[4096];
    size_t len = 0;
    if (gdtls_crypto_key_save_to_string(k, false, buf, sizeof buf, &len) != GDTLS_OK) return NULL;
    return buf;
}

/* ---- library-wide functions -------------------------------------------- */

/* What reached a log callback. */
typedef struct {
    int32_t level; /* the level it was registered for */
    int lines;
    int malformed; /* NULL, more than one line, or a level it did not ask for */
} log_sink;

static void log_line(void *user, int32_t level, const char *message) {
    log_sink *sink = user;
    sink->lines++;
    if (message == NULL || strchr(message, '\n') != NULL || level < GDTLS_LOG_ERROR || level > sink->level) sink->malformed++;
}

/* Named only by calls that must not register it: it hears nothing. */
static log_sink stray = {GDTLS_LOG_VERBOSE, 0, 0};

static void test_library(void) {
    CHECK(strcmp(gdtls_error_string(-1), "Unknown error") == 0);
    CHECK(strcmp(gdtls_error_string(INT_MIN), "Unknown error") == 0);
    CHECK(strcmp(gdtls_error_string(INT_MAX), "Unknown error") == 0);
    CHECK(strcmp(gdtls_error_string(GDTLS_ERR_PRINTER_ON_FIRE + 1), "Unknown error") == 0);
    CHECK(strcmp(gdtls_version(), GDTLS_VERSION) == 0);
    CHECK(gdtls_version_number() == GDTLS_VERSION_NUMBER);
    CHECK(GDTLS_VERSION_NUMBER == ((GDTLS_VERSION_MAJOR << 16) | (GDTLS_VERSION_MINOR << 8) | GDTLS_VERSION_PATCH));

    /* Levels out of range are refused and change nothing: logging stays
     * off, as `stray` hearing nothing shows at the end. A NULL callback or
     * GDTLS_LOG_NONE switch it off, whatever comes with them. */
    static const int bad_levels[] = {GDTLS_LOG_NONE - 1, GDTLS_LOG_VERBOSE + 1, INT_MAX, INT_MIN};
    EACH(bad_levels, level, REFUSED(gdtls_set_log_callback, (log_line, &stray, level)));
    EACH(bad_levels, level, REFUSED(gdtls_set_log_callback, (NULL, NULL, level)));
    QUIET(GDTLS_OK, gdtls_set_log_callback, (NULL, &stray, GDTLS_LOG_VERBOSE));
    QUIET(GDTLS_OK, gdtls_set_log_callback, (log_line, &stray, GDTLS_LOG_NONE));

    static char long_name[8192];
    memset(long_name, 'g', sizeof long_name - 1);
    QUIET(NULL, gdtls_get_proc_address, (NULL));
    QUIET(NULL, gdtls_get_proc_address, (""));
    QUIET(NULL, gdtls_get_proc_address, (long_name));
    QUIET(NULL, gdtls_get_proc_address, ("gdtls_version\n"));
    EACH_BAD_UTF8(QUIET(NULL, gdtls_get_proc_address, (STR)));
    CHECK(gdtls_get_proc_address("gdtls_live_handle_count") == (gdtls_proc)gdtls_live_handle_count);

    /* Clearing the last error: then only a fresh failure shows. */
    poison("gdtls_clear_last_error");
    CHECK(gdtls_get_last_error() != GDTLS_OK);
    gdtls_clear_last_error();
    CHECK(gdtls_get_last_error() == GDTLS_OK);
    CHECK(strcmp(gdtls_get_last_error_message(), "") == 0);
    gdtls_clear_last_error();
    CHECK(gdtls_get_last_error() == GDTLS_OK);
    CHECK(gdtls_udp_server_poll(NULL) == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(blames("gdtls_udp_server_poll"));
}

/* ---- every free function ----------------------------------------------- */

static void test_free(void) {
    size_t before = gdtls_live_handle_count();
    QUIET(GDTLS_OK, gdtls_crypto_key_free, (NULL));
    QUIET(GDTLS_OK, gdtls_x509_certificate_free, (NULL));
    QUIET(GDTLS_OK, gdtls_tls_options_free, (NULL));
    QUIET(GDTLS_OK, gdtls_packet_peer_udp_free, (NULL));
    QUIET(GDTLS_OK, gdtls_udp_server_free, (NULL));
    QUIET(GDTLS_OK, gdtls_packet_peer_dtls_free, (NULL));
    QUIET(GDTLS_OK, gdtls_dtls_server_free, (NULL));
    /* Double frees, made-up handles, and live objects of other classes,
     * which must survive being freed as the wrong class. */
    SWEEP(KEY, false, REFUSED(gdtls_crypto_key_free, (BAD)));
    SWEEP(CERT, false, REFUSED(gdtls_x509_certificate_free, (BAD)));
    SWEEP(OPTIONS, false, REFUSED(gdtls_tls_options_free, (BAD)));
    SWEEP(UDP, false, REFUSED(gdtls_packet_peer_udp_free, (BAD)));
    SWEEP(UDP_SERVER, false, REFUSED(gdtls_udp_server_free, (BAD)));
    SWEEP(DTLS, false, REFUSED(gdtls_packet_peer_dtls_free, (BAD)));
    SWEEP(DTLS_SERVER, false, REFUSED(gdtls_dtls_server_free, (BAD)));
    CHECK(gdtls_live_handle_count() == before);

    /* Free, then free again: the second is refused, nothing else moves. */
    gdtls_crypto_key *k = gdtls_crypto_key_new();
    CHECK(gdtls_crypto_key_free(k) == GDTLS_OK);
    REFUSED(gdtls_crypto_key_free, (k));
    REFUSED(gdtls_crypto_key_load_from_string, (k, "x", false));
    CHECK(gdtls_live_handle_count() == before);

    /* A second reference: made only from a live handle of its class, and
     * the object outlives the first one's free. */
    SWEEP(KEY, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_key_reference, (BAD)));
    SWEEP(CERT, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_x509_certificate_reference, (BAD)));
    SWEEP(OPTIONS, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_reference, (BAD)));
    SWEEP(UDP, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_reference, (BAD)));
    SWEEP(UDP_SERVER, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_reference, (BAD)));
    SWEEP(DTLS, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_reference, (BAD)));
    SWEEP(DTLS_SERVER, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_dtls_server_reference, (BAD)));
    CHECK(gdtls_live_handle_count() == before);
    gdtls_udp_server *first = gdtls_udp_server_new();
    gdtls_udp_server *second = gdtls_udp_server_reference(first);
    CHECK(second != NULL && second != first && gdtls_live_handle_count() == before + 2);
    CHECK(gdtls_udp_server_listen(first, 0, "127.0.0.1") == GDTLS_OK);
    CHECK(gdtls_udp_server_free(first) == GDTLS_OK);
    CHECK(gdtls_udp_server_is_listening(second));
    REFUSED(gdtls_udp_server_free, (first));
    gdtls_packet_peer_dtls *p = gdtls_packet_peer_dtls_new();
    gdtls_packet_peer_dtls *q = gdtls_packet_peer_dtls_reference(p);
    gdtls_dtls_server *ds = gdtls_dtls_server_new();
    gdtls_dtls_server *ds2 = gdtls_dtls_server_reference(ds);
    gdtls_packet_peer_udp *u = gdtls_packet_peer_udp_new();
    gdtls_packet_peer_udp *u2 = gdtls_packet_peer_udp_reference(u);
    gdtls_tls_options *o = gdtls_tls_options_client_unsafe(NULL);
    gdtls_tls_options *o2 = gdtls_tls_options_reference(o);
    gdtls_x509_certificate *c = gdtls_x509_certificate_new();
    gdtls_x509_certificate *c2 = gdtls_x509_certificate_reference(c);
    gdtls_crypto_key *k1 = gdtls_crypto_key_new();
    gdtls_crypto_key *k2 = gdtls_crypto_key_reference(k1);
    CHECK(q && ds2 && u2 && o2 && c2 && k2);
    CHECK(gdtls_packet_peer_dtls_free(p) == GDTLS_OK && gdtls_packet_peer_dtls_get_status(q) == GDTLS_STATUS_DISCONNECTED);
    CHECK(gdtls_tls_options_free(o) == GDTLS_OK && gdtls_tls_options_is_unsafe_client(o2));
    CHECK(gdtls_udp_server_free(second) == GDTLS_OK && gdtls_packet_peer_dtls_free(q) == GDTLS_OK);
    CHECK(gdtls_dtls_server_free(ds) == GDTLS_OK && gdtls_dtls_server_free(ds2) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_free(u) == GDTLS_OK && gdtls_packet_peer_udp_free(u2) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(o2) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(c) == GDTLS_OK && gdtls_x509_certificate_free(c2) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(k1) == GDTLS_OK && gdtls_crypto_key_free(k2) == GDTLS_OK);
    CHECK(gdtls_live_handle_count() == before);
}

/* ---- Crypto, CryptoKey, X509Certificate -------------------------------- */

static void test_generators(gdtls_crypto_key *empty_key, gdtls_crypto_key *public_key) {
    static const int bad_sizes[] = {0, 1, -1, -2048, 511, 513, 2047, 8193, 8194, INT_MAX, INT_MIN};
    EACH(bad_sizes, size, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_rsa, (size)));

    SWEEP(KEY, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (BAD, NULL, NULL, NULL)));
    FAILS(NULL, GDTLS_ERR_UNCONFIGURED, gdtls_crypto_generate_self_signed_certificate, (empty_key, NULL, NULL, NULL));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (public_key, NULL, NULL, NULL));
    EACH_BAD_UTF8(FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, STR, NULL, NULL)));
    EACH_BAD_UTF8(FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, NULL, STR, NULL)));
    EACH_BAD_UTF8(FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, NULL, NULL, STR)));
    static const char *const bad_times[] = {"", "2014", "201401010000000", "2014010100000Z", "-2014010100000", "20141301000000",
                                            "20140132000000", "20140101250000", "2014\0" "0101000000"};
    for (size_t i = 0; i < sizeof bad_times / sizeof *bad_times; i++) {
        FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, NULL, bad_times[i], NULL));
        FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, NULL, NULL, bad_times[i]));
    }
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, "no equals sign", NULL, NULL));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_self_signed_certificate, (key, "XX=unknown attribute", NULL, NULL));

    /* Curves other than P-256 and P-384, by any name. */
    static const char *const bad_curves[] = {"", "P-521", "secp521r1", "P256", " P-256", "P-256 ", "x25519", "brainpoolP256r1", "RSA"};
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_ecdsa, (NULL));
    for (size_t i = 0; i < sizeof bad_curves / sizeof *bad_curves; i++)
        FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_ecdsa, (bad_curves[i]));
    EACH_BAD_UTF8(FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_generate_ecdsa, (STR)));
}

static void test_crypto_key(gdtls_crypto_key *empty_key, gdtls_crypto_key *public_key) {
    char before[4096];
    strcpy(before, key_pem(key));

    SWEEP(KEY, true, REFUSED(gdtls_crypto_key_load, (BAD, "key.pem", false)));
    REFUSED(gdtls_crypto_key_load, (key, NULL, false));
    EACH_BAD_UTF8(REFUSED(gdtls_crypto_key_load, (key, STR, false)));
    REFUSED(gdtls_crypto_key_load, (key, "", false));
    REFUSED(gdtls_crypto_key_load, (key, "no/such/file.pem", false));
    REFUSED(gdtls_crypto_key_load, (key, ".", false));
    /* An embedded NUL ends the path: "cert.pem" is read, and is no key. */
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load, (key, "cert.pem\0key.pem", false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load, (key, "key.pem", true));

    SWEEP(KEY, true, REFUSED(gdtls_crypto_key_load_from_string, (BAD, before, false)));
    REFUSED(gdtls_crypto_key_load_from_string, (key, NULL, false));
    EACH_BAD_UTF8(REFUSED(gdtls_crypto_key_load_from_string, (key, STR, false)));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_string, (key, "", false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_string, (key, "-----BEGIN PRIVATE KEY-----\0MIIE", false));
    char cut[4096];
    strcpy(cut, before);
    cut[strlen(cut) / 2] = '\0';
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_string, (key, cut, false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_string, (key, before, true));

    size_t pem_len = strlen(before);
    SWEEP(KEY, true, REFUSED(gdtls_crypto_key_load_from_buffer, (BAD, (const uint8_t *)before, pem_len, false)));
    REFUSED(gdtls_crypto_key_load_from_buffer, (key, NULL, 1, false));
    REFUSED(gdtls_crypto_key_load_from_buffer, (key, NULL, HUGE_LEN, true));
    REFUSED(gdtls_crypto_key_load_from_buffer, (key, (const uint8_t *)before, HUGE_LEN, false));
    REFUSED(gdtls_crypto_key_load_from_buffer, (key, (const uint8_t *)before, HUGE_LEN2, false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (key, NULL, 0, false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (key, garbage, sizeof garbage, false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (key, garbage, sizeof garbage, true));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (key, (const uint8_t *)cut, strlen(cut), false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (key, (const uint8_t *)before, pem_len, true));
    /* Exactly the PEM's bytes, with no NUL after them: read, never past
     * the end; without its last line, refused. */
    uint8_t *bare = malloc(pem_len);
    memcpy(bare, before, pem_len);
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (key, bare, pem_len - 30, false));
    CHECK(gdtls_crypto_key_load_from_buffer(key, bare, pem_len, false) == GDTLS_OK);
    free(bare);
    /* Failed loads keep an empty key empty and a public key public. */
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (empty_key, garbage, sizeof garbage, false));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_crypto_key_load_from_buffer, (public_key, garbage, sizeof garbage, true));
    CHECK(key_pem(empty_key) == NULL);
    CHECK(gdtls_crypto_key_is_public_only(public_key) && key_pem(public_key) != NULL);
    /* Every failed load kept the key as it was. */
    CHECK(strcmp(key_pem(key), before) == 0);
    CHECK(!gdtls_crypto_key_is_public_only(key));

    SWEEP(KEY, true, REFUSED(gdtls_crypto_key_save, (BAD, "saved.pem", false)));
    REFUSED(gdtls_crypto_key_save, (key, NULL, false));
    EACH_BAD_UTF8(REFUSED(gdtls_crypto_key_save, (key, STR, false)));
    REFUSED(gdtls_crypto_key_save, (key, "", false));
    REFUSED(gdtls_crypto_key_save, (key, "no/such/dir/key.pem", false));
    REFUSED(gdtls_crypto_key_save, (key, ".", true));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_crypto_key_save, (empty_key, "empty.pem", false));
    CHECK(access("empty.pem", F_OK) != 0);

    char buf[4096];
    size_t len = 12345;
    SWEEP(KEY, true, REFUSED(gdtls_crypto_key_save_to_string, (BAD, false, buf, sizeof buf, &len)));
    CHECK(len == 12345);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_crypto_key_save_to_string, (empty_key, false, buf, sizeof buf, &len));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_crypto_key_save_to_string, (key, false, NULL, 0, &len));
    CHECK(len == strlen(before));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_crypto_key_save_to_string, (key, false, NULL, 0, NULL));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_crypto_key_save_to_string, (key, false, NULL, sizeof buf, &len));
    /* Room for the text but not its NUL: nothing is written. */
    char *exact = malloc(len);
    memset(exact, 'x', len);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_crypto_key_save_to_string, (key, false, exact, len, NULL));
    CHECK(exact[0] == 'x' && exact[len - 1] == 'x');
    free(exact);
    char *tiny = malloc(1);
    REFUSED(gdtls_crypto_key_save_to_string, (key, false, tiny, HUGE_LEN, &len));
    REFUSED(gdtls_crypto_key_save_to_string, (key, false, tiny, HUGE_LEN2, NULL));
    free(tiny);
    CHECK(gdtls_crypto_key_save_to_string(key, true, buf, sizeof buf, NULL) == GDTLS_OK);
    CHECK(strstr(buf, "PUBLIC KEY") != NULL);

    SWEEP(KEY, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_crypto_key_is_public_only, (BAD)));
    QUIET(true, gdtls_crypto_key_is_public_only, (empty_key));
    QUIET(true, gdtls_crypto_key_is_public_only, (public_key));
    CHECK(strcmp(key_pem(key), before) == 0);
}

static void test_certificate(gdtls_x509_certificate *empty_cert) {
    size_t len = 0;
    char *before = malloc(8192);
    CHECK(gdtls_x509_certificate_save_to_string(cert, before, 8192, &len) == GDTLS_OK);

    SWEEP(CERT, true, REFUSED(gdtls_x509_certificate_load, (BAD, "cert.pem")));
    REFUSED(gdtls_x509_certificate_load, (cert, NULL));
    EACH_BAD_UTF8(REFUSED(gdtls_x509_certificate_load, (cert, STR)));
    REFUSED(gdtls_x509_certificate_load, (cert, ""));
    REFUSED(gdtls_x509_certificate_load, (cert, "no/such/file.pem"));
    REFUSED(gdtls_x509_certificate_load, (cert, "."));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load, (cert, "key.pem\0cert.pem"));

    SWEEP(CERT, true, REFUSED(gdtls_x509_certificate_load_from_string, (BAD, before)));
    REFUSED(gdtls_x509_certificate_load_from_string, (cert, NULL));
    EACH_BAD_UTF8(REFUSED(gdtls_x509_certificate_load_from_string, (cert, STR)));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_string, (cert, ""));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_string, (cert, "-----BEGIN CERTIFICATE-----\0MIIC"));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_string, (cert, "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"));
    /* A good certificate followed by a broken one: all or nothing. */
    char *two = malloc(2 * len + 64);
    snprintf(two, 2 * len + 64, "%s-----BEGIN CERTIFICATE-----\nAAAA\n", before);
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_string, (cert, two));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_buffer, (cert, (const uint8_t *)two, strlen(two)));
    free(two);
    CHECK(gdtls_x509_certificate_get_count(cert) == 1);

    SWEEP(CERT, true, REFUSED(gdtls_x509_certificate_load_from_buffer, (BAD, (const uint8_t *)before, len)));
    REFUSED(gdtls_x509_certificate_load_from_buffer, (cert, NULL, 1));
    REFUSED(gdtls_x509_certificate_load_from_buffer, (cert, NULL, HUGE_LEN));
    REFUSED(gdtls_x509_certificate_load_from_buffer, (cert, (const uint8_t *)before, HUGE_LEN2));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_buffer, (cert, NULL, 0));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_buffer, (cert, garbage, sizeof garbage));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_buffer, (cert, (const uint8_t *)before, len / 2));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_x509_certificate_load_from_buffer, (empty_cert, garbage, sizeof garbage));
    QUIET((size_t)0, gdtls_x509_certificate_get_count, (empty_cert));
    /* Exactly the PEM's bytes, with no NUL after them: read, never past
     * the end. */
    uint8_t *bare = malloc(len);
    memcpy(bare, before, len);
    CHECK(gdtls_x509_certificate_load_from_buffer(cert, bare, len) == GDTLS_OK);
    free(bare);
    CHECK(gdtls_x509_certificate_get_count(cert) == 1);

    uint8_t pin[32], other[32];
    memset(pin, 0xa5, sizeof pin);
    SWEEP(CERT, true, REFUSED(gdtls_x509_certificate_get_sha256_pin, (BAD, GDTLS_PIN_PUBLIC_KEY, pin)));
    EACH(bad_pin_kinds, kind, REFUSED(gdtls_x509_certificate_get_sha256_pin, (cert, kind, pin)));
    EACH(bad_pin_kinds, kind, REFUSED(gdtls_x509_certificate_get_sha256_pin, (empty_cert, kind, pin)));
    REFUSED(gdtls_x509_certificate_get_sha256_pin, (cert, GDTLS_PIN_PUBLIC_KEY, NULL));
    REFUSED(gdtls_x509_certificate_get_sha256_pin, (cert, GDTLS_PIN_CERTIFICATE, NULL));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_x509_certificate_get_sha256_pin, (empty_cert, GDTLS_PIN_PUBLIC_KEY, pin));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_x509_certificate_get_sha256_pin, (empty_cert, GDTLS_PIN_CERTIFICATE, pin));
    CHECK(untouched(pin, sizeof pin, 0xa5));
    CHECK(gdtls_x509_certificate_get_sha256_pin(cert, GDTLS_PIN_PUBLIC_KEY, pin) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_sha256_pin(cert, GDTLS_PIN_CERTIFICATE, other) == GDTLS_OK);
    CHECK(memcmp(pin, other, sizeof pin) != 0);

    SWEEP(CERT, true, REFUSED(gdtls_x509_certificate_save, (BAD, "saved.crt")));
    REFUSED(gdtls_x509_certificate_save, (cert, NULL));
    EACH_BAD_UTF8(REFUSED(gdtls_x509_certificate_save, (cert, STR)));
    REFUSED(gdtls_x509_certificate_save, (cert, ""));
    REFUSED(gdtls_x509_certificate_save, (cert, "no/such/dir/cert.pem"));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_x509_certificate_save, (empty_cert, "empty.crt"));
    CHECK(access("empty.crt", F_OK) != 0);

    char buf[8192];
    size_t got = 777;
    SWEEP(CERT, true, REFUSED(gdtls_x509_certificate_save_to_string, (BAD, buf, sizeof buf, &got)));
    CHECK(got == 777);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_x509_certificate_save_to_string, (empty_cert, buf, sizeof buf, &got));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_x509_certificate_save_to_string, (cert, NULL, 0, &got));
    CHECK(got == len);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_x509_certificate_save_to_string, (cert, NULL, 0, NULL));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_x509_certificate_save_to_string, (cert, buf, len, NULL));
    char *tiny = malloc(1);
    REFUSED(gdtls_x509_certificate_save_to_string, (cert, tiny, HUGE_LEN, &got));
    free(tiny);

    SWEEP(CERT, true, FAILS((size_t)0, GDTLS_ERR_INVALID_PARAMETER, gdtls_x509_certificate_get_count, (BAD)));
    QUIET((size_t)0, gdtls_x509_certificate_get_count, (empty_cert));
    CHECK(gdtls_x509_certificate_save_to_string(cert, buf, sizeof buf, NULL) == GDTLS_OK);
    CHECK(strcmp(buf, before) == 0);
    free(before);
}

/* ---- TLSOptions -------------------------------------------------------- */

/* A PSK server's host: its lookup answers every identity with `answer`
 * bytes of 'k', whatever that length, and notes how gdtls calls it. */
typedef struct {
    size_t answer;
    int lookups;
    int strange; /* calls for another identity than "client", or with another key buffer */
    int releases;
} psk_host;

static size_t psk_lookup(void *user, const uint8_t *identity, size_t identity_len, uint8_t *key_out, size_t key_cap) {
    psk_host *h = user;
    h->lookups++;
    if (identity_len != 6 || memcmp(identity, "client", 6) != 0 || key_cap != GDTLS_MAX_PSK_LEN) h->strange++;
    memset(key_out, 'k', key_cap);
    return h->answer;
}

static void psk_release(void *user) {
    ((psk_host *)user)->releases++;
}

static void test_psk_options(void) {
    size_t before = gdtls_live_handle_count();
    uint8_t id[129], k[GDTLS_MAX_PSK_LEN + 1];
    memset(id, 'i', sizeof id);
    memset(k, 'k', sizeof k);
    /* Identities of 1 to 128 bytes, keys of 1 to GDTLS_MAX_PSK_LEN, and
     * data behind every length. */
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, 0, k, 16));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, 129, k, 16));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, 8, k, 0));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, 8, k, GDTLS_MAX_PSK_LEN + 1));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (NULL, 8, k, 16));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, 8, NULL, 16));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (NULL, 0, NULL, 0));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, HUGE_LEN, k, 16));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_psk, (id, 8, k, HUGE_LEN2));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk_key, (k, 0));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk_key, (k, GDTLS_MAX_PSK_LEN + 1));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk_key, (NULL, 16));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk_key, (NULL, 0));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk_key, (k, HUGE_LEN));

    /* No server without a lookup, and then no release either. */
    psk_host h = {0, 0, 0, 0};
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk, (NULL, &h, psk_release));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server_psk, (NULL, NULL, NULL));
    CHECK(h.releases == 0);
    CHECK(gdtls_live_handle_count() == before);

    /* The limits themselves are taken. */
    gdtls_tls_options *longest = gdtls_tls_options_client_psk(id, 128, k, GDTLS_MAX_PSK_LEN);
    gdtls_tls_options *shortest = gdtls_tls_options_client_psk(id, 1, k, 1);
    gdtls_tls_options *one_key = gdtls_tls_options_server_psk_key(k, GDTLS_MAX_PSK_LEN);
    CHECK(longest && shortest && one_key);
    QUIET(false, gdtls_tls_options_is_server, (longest));
    QUIET(true, gdtls_tls_options_is_server, (one_key));
    QUIET(NULL, gdtls_tls_options_get_private_key, (one_key));
    gdtls_tls_options_free(longest);
    gdtls_tls_options_free(shortest);
    gdtls_tls_options_free(one_key);

    /* Never used, the lookup's data is released with the last handle. */
    gdtls_tls_options *looked = gdtls_tls_options_server_psk(psk_lookup, &h, psk_release);
    gdtls_tls_options *again = gdtls_tls_options_reference(looked);
    CHECK(gdtls_tls_options_free(looked) == GDTLS_OK && h.releases == 0);
    CHECK(gdtls_tls_options_free(again) == GDTLS_OK && h.releases == 1);
    REFUSED(gdtls_tls_options_free, (again));
    CHECK(h.releases == 1 && h.lookups == 0);
    CHECK(gdtls_live_handle_count() == before);
}

/* Pins, revocation lists, the MTU, suites and curves, client
 * certificates and session resumption. */
static void test_tls_tuning(gdtls_crypto_key *empty_key, gdtls_crypto_key *public_key, gdtls_x509_certificate *empty_cert) {
    gdtls_tls_options *client = gdtls_tls_options_client(cert, NULL);
    gdtls_tls_options *unsafe = gdtls_tls_options_client_unsafe(NULL);
    gdtls_tls_options *server = gdtls_tls_options_server(key, cert);
    gdtls_tls_options *psk_client = gdtls_tls_options_client_psk((const uint8_t *)"client", 6, (const uint8_t *)"k", 1);
    gdtls_tls_options *psk_server = gdtls_tls_options_server_psk_key((const uint8_t *)"k", 1);
    CHECK(client && unsafe && server && psk_client && psk_server);

    uint8_t pin[32];
    memset(pin, 0x5a, sizeof pin);
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_add_pin, (BAD, GDTLS_PIN_PUBLIC_KEY, pin)));
    EACH(bad_pin_kinds, kind, REFUSED(gdtls_tls_options_add_pin, (client, kind, pin)));
    REFUSED(gdtls_tls_options_add_pin, (client, GDTLS_PIN_PUBLIC_KEY, NULL));
    REFUSED(gdtls_tls_options_add_pin, (client, GDTLS_PIN_CERTIFICATE, NULL));
    CHECK(gdtls_tls_options_add_pin(unsafe, GDTLS_PIN_CERTIFICATE, pin) == GDTLS_OK);

    /* Revocation lists: no data behind a length, or bytes that are none. */
    char pem[8192];
    size_t pem_len = 0;
    CHECK(gdtls_x509_certificate_save_to_string(cert, pem, sizeof pem, &pem_len) == GDTLS_OK);
    static const char crl_start[] = "-----BEGIN X509 CRL-----\nMIIB\n";
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_add_crl, (BAD, (const uint8_t *)pem, pem_len)));
    REFUSED(gdtls_tls_options_add_crl, (client, NULL, 1));
    REFUSED(gdtls_tls_options_add_crl, (client, NULL, HUGE_LEN));
    REFUSED(gdtls_tls_options_add_crl, (client, garbage, HUGE_LEN2));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_tls_options_add_crl, (client, NULL, 0));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_tls_options_add_crl, (client, garbage, sizeof garbage));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_tls_options_add_crl, (client, (const uint8_t *)pem, pem_len));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_tls_options_add_crl, (server, (const uint8_t *)crl_start, sizeof crl_start - 1));

    /* MTUs outside GDTLS_MIN_MTU..GDTLS_MAX_MTU leave the one set. */
    static const int bad_mtus[] = {0, GDTLS_MIN_MTU - 1, GDTLS_MAX_MTU + 1, UINT16_MAX};
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_set_mtu, (BAD, 1000)));
    SWEEP(OPTIONS, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_get_mtu, (BAD)));
    EACH(bad_mtus, mtu, REFUSED(gdtls_tls_options_set_mtu, (client, (uint16_t)mtu)));
    QUIET(GDTLS_DTLS_MTU, gdtls_tls_options_get_mtu, (client));
    CHECK(gdtls_tls_options_set_mtu(client, GDTLS_MIN_MTU) == GDTLS_OK);
    QUIET(GDTLS_MIN_MTU, gdtls_tls_options_get_mtu, (client));
    CHECK(gdtls_tls_options_set_mtu(client, GDTLS_MAX_MTU) == GDTLS_OK);
    EACH(bad_mtus, mtu, REFUSED(gdtls_tls_options_set_mtu, (client, (uint16_t)mtu)));
    QUIET(GDTLS_MAX_MTU, gdtls_tls_options_get_mtu, (client));

    /* Unknown names are refused, and named; NULL or an empty list is the
     * default. */
    static const char *const bad_suites[] = {"TLS-NO-SUCH-SUITE", "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256,TLS-NO-SUCH-SUITE",
                                             "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256;TLS-NO-SUCH-SUITE"};
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_set_cipher_suites, (BAD, "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256")));
    for (size_t i = 0; i < sizeof bad_suites / sizeof *bad_suites; i++) {
        REFUSED(gdtls_tls_options_set_cipher_suites, (client, bad_suites[i]));
        CHECK(strstr(gdtls_get_last_error_message(), "TLS-NO-SUCH-SUITE") != NULL);
    }
    EACH_BAD_UTF8(REFUSED(gdtls_tls_options_set_cipher_suites, (client, STR)));
    QUIET(GDTLS_OK, gdtls_tls_options_set_cipher_suites, (client, NULL));
    QUIET(GDTLS_OK, gdtls_tls_options_set_cipher_suites, (client, " ,: "));
    static const char *const bad_curves[] = {"no-such-curve", "secp384r1, no-such-curve", "x25519;no-such-curve"};
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_set_curves, (BAD, "x25519")));
    for (size_t i = 0; i < sizeof bad_curves / sizeof *bad_curves; i++) {
        REFUSED(gdtls_tls_options_set_curves, (client, bad_curves[i]));
        CHECK(strstr(gdtls_get_last_error_message(), "no-such-curve") != NULL);
    }
    EACH_BAD_UTF8(REFUSED(gdtls_tls_options_set_curves, (client, STR)));
    QUIET(GDTLS_OK, gdtls_tls_options_set_curves, (client, NULL));
    QUIET(GDTLS_OK, gdtls_tls_options_set_curves, (client, ""));

    /* A client certificate: for clients only, with its own private key. */
    gdtls_crypto_key *stranger = gdtls_crypto_generate_ecdsa("P-256");
    CHECK(stranger != NULL);
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_set_client_certificate, (BAD, key, cert)));
    SWEEP(KEY, true, REFUSED(gdtls_tls_options_set_client_certificate, (client, BAD, cert)));
    SWEEP(CERT, true, REFUSED(gdtls_tls_options_set_client_certificate, (client, key, BAD)));
    REFUSED(gdtls_tls_options_set_client_certificate, (server, key, cert));
    REFUSED(gdtls_tls_options_set_client_certificate, (psk_server, key, cert));
    REFUSED(gdtls_tls_options_set_client_certificate, (client, empty_key, cert));
    REFUSED(gdtls_tls_options_set_client_certificate, (client, public_key, cert));
    REFUSED(gdtls_tls_options_set_client_certificate, (client, key, empty_cert));
    REFUSED(gdtls_tls_options_set_client_certificate, (client, stranger, cert));
    CHECK(gdtls_tls_options_set_client_certificate(unsafe, key, cert) == GDTLS_OK);
    gdtls_crypto_key_free(stranger);

    /* Verifying clients: certificate servers only, with a chain to trust. */
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_set_client_verification, (BAD, cert, true)));
    SWEEP(CERT, true, REFUSED(gdtls_tls_options_set_client_verification, (server, BAD, true)));
    REFUSED(gdtls_tls_options_set_client_verification, (client, cert, true));
    REFUSED(gdtls_tls_options_set_client_verification, (unsafe, cert, false));
    REFUSED(gdtls_tls_options_set_client_verification, (psk_client, cert, true));
    REFUSED(gdtls_tls_options_set_client_verification, (psk_server, cert, true));
    REFUSED(gdtls_tls_options_set_client_verification, (server, empty_cert, false));
    CHECK(gdtls_tls_options_set_client_verification(server, cert, false) == GDTLS_OK);

    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_set_session_resumption, (BAD, false)));
    SWEEP(OPTIONS, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_get_session_resumption, (BAD)));
    QUIET(true, gdtls_tls_options_get_session_resumption, (client));
    CHECK(gdtls_tls_options_set_session_resumption(client, false) == GDTLS_OK);
    QUIET(false, gdtls_tls_options_get_session_resumption, (client));

    gdtls_tls_options_free(client);
    gdtls_tls_options_free(unsafe);
    gdtls_tls_options_free(server);
    gdtls_tls_options_free(psk_client);
    gdtls_tls_options_free(psk_server);
}

static void test_tls_options(gdtls_crypto_key *empty_key, gdtls_crypto_key *public_key, gdtls_x509_certificate *empty_cert) {
    /* An optional certificate may be NULL, but never a bad handle. */
    SWEEP(CERT, false, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client, (BAD, NULL)));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client, (empty_cert, NULL));
    EACH_BAD_UTF8(FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client, (cert, STR)));
    SWEEP(CERT, false, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_unsafe, (BAD)));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_client_unsafe, (empty_cert));

    SWEEP(KEY, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server, (BAD, cert)));
    SWEEP(CERT, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server, (key, BAD)));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server, (empty_key, cert));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server, (public_key, cert));
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server, (key, empty_cert));
    gdtls_crypto_key *stranger = gdtls_crypto_generate_rsa(512);
    CHECK(stranger != NULL);
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_server, (stranger, cert));
    gdtls_crypto_key_free(stranger);

    SWEEP(OPTIONS, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_is_server, (BAD)));
    SWEEP(OPTIONS, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_is_unsafe_client, (BAD)));
    SWEEP(OPTIONS, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_get_trusted_ca_chain, (BAD)));
    SWEEP(OPTIONS, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_get_private_key, (BAD)));
    SWEEP(OPTIONS, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_tls_options_get_own_certificate, (BAD)));
    char buf[64];
    size_t len = 99;
    SWEEP(OPTIONS, true, REFUSED(gdtls_tls_options_get_common_name_override, (BAD, buf, sizeof buf, &len)));
    CHECK(len == 99);

    /* An embedded NUL ends the name. */
    gdtls_tls_options *client = gdtls_tls_options_client(NULL, "local\0host");
    CHECK(client != NULL);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_tls_options_get_common_name_override, (client, NULL, 0, &len));
    CHECK(len == 5);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_tls_options_get_common_name_override, (client, buf, 5, NULL));
    REFUSED(gdtls_tls_options_get_common_name_override, (client, buf, HUGE_LEN, &len));
    CHECK(gdtls_tls_options_get_common_name_override(client, buf, 6, NULL) == GDTLS_OK && strcmp(buf, "local") == 0);
    /* Client options have no key or own certificate, and that is no error. */
    QUIET(NULL, gdtls_tls_options_get_private_key, (client));
    QUIET(NULL, gdtls_tls_options_get_own_certificate, (client));
    QUIET(NULL, gdtls_tls_options_get_trusted_ca_chain, (client));
    QUIET(false, gdtls_tls_options_is_server, (client));
    QUIET(false, gdtls_tls_options_is_unsafe_client, (client));
    gdtls_tls_options_free(client);

    /* Options outlive the caller's handles to their key and certificate. */
    gdtls_crypto_key *k = gdtls_crypto_key_new();
    gdtls_x509_certificate *c = gdtls_x509_certificate_new();
    CHECK(gdtls_crypto_key_load(k, "key.pem", false) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_load(c, "cert.pem") == GDTLS_OK);
    gdtls_tls_options *server = gdtls_tls_options_server(k, c);
    CHECK(gdtls_crypto_key_free(k) == GDTLS_OK && gdtls_x509_certificate_free(c) == GDTLS_OK);
    REFUSED(gdtls_crypto_key_free, (k));
    gdtls_crypto_key *k2 = gdtls_tls_options_get_private_key(server);
    gdtls_x509_certificate *c2 = gdtls_tls_options_get_own_certificate(server);
    CHECK(k2 != NULL && k2 != k && key_pem(k2) != NULL && gdtls_x509_certificate_get_count(c2) == 1);
    QUIET(NULL, gdtls_tls_options_get_trusted_ca_chain, (server));
    CHECK(gdtls_crypto_key_free(k2) == GDTLS_OK && gdtls_x509_certificate_free(c2) == GDTLS_OK);
    CHECK(gdtls_tls_options_is_server(server));
    gdtls_tls_options_free(server);

    test_psk_options();
    test_tls_tuning(empty_key, public_key, empty_cert);
}

/* ---- PacketPeerUDP ----------------------------------------------------- */

/* A host transport whose callbacks misbehave on demand. */
typedef struct {
    int32_t send_result;
    int64_t receive_result;
    int32_t available_result;
    int releases;
} host;

static int32_t host_send(void *user, const uint8_t *data, size_t len) {
    (void)data;
    (void)len;
    return ((host *)user)->send_result;
}

static int64_t host_receive(void *user, uint8_t *buf, size_t cap) {
    host *h = user;
    if (h->receive_result > 0 && (uint64_t)h->receive_result <= cap) memset(buf, 'h', (size_t)h->receive_result);
    return h->receive_result;
}

static int32_t host_available(void *user) {
    return ((host *)user)->available_result;
}

static void host_release(void *user) {
    ((host *)user)->releases++;
}

static void test_host_peer(void) {
    host h = {0, -1, 0, 0};
    gdtls_udp_callbacks cb = {&h, host_send, host_receive, host_available, host_release};
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_new_from_callbacks, (NULL));
    cb.send = NULL;
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_new_from_callbacks, (&cb));
    cb.send = host_send;
    cb.receive = NULL;
    FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_new_from_callbacks, (&cb));
    cb.receive = host_receive;
    CHECK(h.releases == 0);

    gdtls_packet_peer_udp *p = gdtls_packet_peer_udp_new_from_callbacks(&cb);
    CHECK(p != NULL);
    memset(&cb, 0, sizeof cb); /* gdtls copied the struct */
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_packet_peer_udp_bind, (p, 0, "127.0.0.1", 65536));
    FAILS(GDTLS_ERR_LOCKED, GDTLS_ERR_LOCKED, gdtls_packet_peer_udp_connect_to_host, (p, "127.0.0.1", 9));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_set_dest_address, (p, "127.0.0.1", 9));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_udp_wait, (p));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_udp_wait_timeout, (p, UINT32_MAX));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_udp_join_multicast_group, (p, "239.1.2.3", NULL));

    uint8_t buf[16];
    h.send_result = GDTLS_ERR_BUSY;
    FAILS(GDTLS_ERR_BUSY, GDTLS_ERR_BUSY, gdtls_packet_peer_udp_put_packet, (p, (const uint8_t *)"x", 1));
    h.send_result = GDTLS_ERR_CONNECTION_ERROR;
    FAILS(GDTLS_ERR_CONNECTION_ERROR, GDTLS_ERR_CONNECTION_ERROR, gdtls_packet_peer_udp_put_packet, (p, (const uint8_t *)"x", 1));
    h.send_result = 99;
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_put_packet, (p, (const uint8_t *)"x", 1));
    h.send_result = -1;
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_put_packet, (p, (const uint8_t *)"x", 1));
    h.available_result = -5;
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, NULL));
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(p) == -1);
    h.available_result = 1;
    h.receive_result = -7;
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, NULL));
    h.receive_result = (int64_t)GDTLS_MAX_DATAGRAM * 1000;
    FAILS(GDTLS_ERR_INVALID_DATA, GDTLS_ERR_INVALID_DATA, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, NULL));
    h.receive_result = INT64_MIN;
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, NULL));
    /* The host behaves again: a datagram too big for the caller stays. */
    h.receive_result = 20;
    size_t len = 0;
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, &len));
    CHECK(len == 20);
    h.available_result = 0;
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(p) == 1);
    CHECK(gdtls_packet_peer_udp_get_local_port(p) == 0);
    QUIET(-1, gdtls_packet_peer_udp_get_socket_fd, (p));
    CHECK(h.releases == 0);

    CHECK(gdtls_packet_peer_udp_close(p) == GDTLS_OK);
    CHECK(h.releases == 1);
    CHECK(gdtls_packet_peer_udp_close(p) == GDTLS_OK);
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, NULL));
    CHECK(gdtls_packet_peer_udp_free(p) == GDTLS_OK);
    CHECK(h.releases == 1);

    /* Freed without closing: released once, by the free. */
    cb = (gdtls_udp_callbacks){&h, host_send, host_receive, NULL, host_release};
    p = gdtls_packet_peer_udp_new_from_callbacks(&cb);
    CHECK(gdtls_packet_peer_udp_free(p) == GDTLS_OK);
    REFUSED(gdtls_packet_peer_udp_free, (p));
    CHECK(h.releases == 2);
}

static void test_udp_peer(void) {
    uint8_t buf[64];
    char ip[64];
    size_t len = 0;

    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_bind, (BAD, 0, "127.0.0.1", 65536)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_close, (BAD)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_connect_to_host, (BAD, "127.0.0.1", 9)));
    SWEEP(UDP, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_is_socket_connected, (BAD)));
    SWEEP(UDP, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_is_bound, (BAD)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_set_dest_address, (BAD, "127.0.0.1", 9)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_put_packet, (BAD, (const uint8_t *)"x", 1)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_get_packet, (BAD, buf, sizeof buf, &len)));
    SWEEP(UDP, true, FAILS(-1, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_get_available_packet_count, (BAD)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_get_packet_ip, (BAD, ip, sizeof ip, &len)));
    SWEEP(UDP, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_get_packet_port, (BAD)));
    SWEEP(UDP, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_get_local_port, (BAD)));
    SWEEP(UDP, true, FAILS(-1, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_get_socket_fd, (BAD)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_wait, (BAD)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_wait_timeout, (BAD, UINT32_MAX)));
    SWEEP(UDP, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_udp_get_max_packet_size, (BAD)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_set_broadcast_enabled, (BAD, true)));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_join_multicast_group, (BAD, "239.1.2.3", "lo")));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_udp_leave_multicast_group, (BAD, "239.1.2.3", "lo")));

    /* Without a socket. */
    gdtls_packet_peer_udp *p = gdtls_packet_peer_udp_new();
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_join_multicast_group, (p, "239.1.2.3", NULL));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_leave_multicast_group, (p, "239.1.2.3", ""));
    REFUSED(gdtls_packet_peer_udp_join_multicast_group, (p, NULL, "lo"));
    REFUSED(gdtls_packet_peer_udp_leave_multicast_group, (p, NULL, NULL));
    REFUSED(gdtls_packet_peer_udp_join_multicast_group, (p, "10.0.0.1", "lo"));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_udp_join_multicast_group, (p, STR, "lo")));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_udp_join_multicast_group, (p, "239.1.2.3", STR)));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_put_packet, (p, (const uint8_t *)"x", 1));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, &len));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_wait, (p));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_wait_timeout, (p, UINT32_MAX));
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(p) == -1);
    CHECK(!gdtls_packet_peer_udp_is_bound(p) && gdtls_packet_peer_udp_get_local_port(p) == 0);
    QUIET(-1, gdtls_packet_peer_udp_get_socket_fd, (p));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_udp_get_packet_ip, (p, NULL, 0, &len));
    CHECK(len == 0);
    CHECK(gdtls_packet_peer_udp_get_packet_ip(p, ip, 1, NULL) == GDTLS_OK && ip[0] == '\0');
    CHECK(gdtls_packet_peer_udp_close(p) == GDTLS_OK && gdtls_packet_peer_udp_close(p) == GDTLS_OK);

    /* Impossible arguments to bind, connect_to_host and set_dest_address. */
    EACH(bad_ports, port, REFUSED(gdtls_packet_peer_udp_bind, (p, port, "127.0.0.1", 65536)));
    static const int bad_buf_sizes[] = {0, -1, INT_MIN, INT_MAX, (64 << 20) + 1};
    EACH(bad_buf_sizes, size, REFUSED(gdtls_packet_peer_udp_bind, (p, 0, "127.0.0.1", size)));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_udp_bind, (p, 0, STR, 65536)));
    REFUSED(gdtls_packet_peer_udp_bind, (p, 0, "", 65536));
    REFUSED(gdtls_packet_peer_udp_bind, (p, 0, "localhost", 65536));
    REFUSED(gdtls_packet_peer_udp_bind, (p, 0, "127.0.0.256", 65536));
    static const int bad_remote_ports[] = {0, -1, 65536, INT_MAX, INT_MIN};
    EACH(bad_remote_ports, port, REFUSED(gdtls_packet_peer_udp_connect_to_host, (p, "127.0.0.1", port)));
    EACH(bad_remote_ports, port, REFUSED(gdtls_packet_peer_udp_set_dest_address, (p, "127.0.0.1", port)));
    REFUSED(gdtls_packet_peer_udp_connect_to_host, (p, NULL, 9));
    REFUSED(gdtls_packet_peer_udp_set_dest_address, (p, NULL, 9));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_udp_connect_to_host, (p, STR, 9)));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_udp_set_dest_address, (p, STR, 9)));
    FAILS(GDTLS_ERR_CANT_RESOLVE, GDTLS_ERR_CANT_RESOLVE, gdtls_packet_peer_udp_connect_to_host, (p, "", 9));
    FAILS(GDTLS_ERR_CANT_RESOLVE, GDTLS_ERR_CANT_RESOLVE, gdtls_packet_peer_udp_set_dest_address, (p, "", 9));
    CHECK(!gdtls_packet_peer_udp_is_bound(p) && !gdtls_packet_peer_udp_is_socket_connected(p));

    /* Bound: binding again, a packet sent to itself, odd buffers. */
    CHECK(gdtls_packet_peer_udp_bind(p, 0, "127.0.0.1", 65536) == GDTLS_OK);
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_packet_peer_udp_bind, (p, 0, "127.0.0.1", 65536));
    int fd = gdtls_packet_peer_udp_get_socket_fd(p);
    CHECK(fd >= 0);
    FAILS(GDTLS_ERR_TIMEOUT, GDTLS_ERR_TIMEOUT, gdtls_packet_peer_udp_wait_timeout, (p, 0));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, &len));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_put_packet, (p, (const uint8_t *)"x", 1));
    int port = gdtls_packet_peer_udp_get_local_port(p);
    CHECK(gdtls_packet_peer_udp_set_dest_address(p, "127.0.0.1", port) == GDTLS_OK);
    REFUSED(gdtls_packet_peer_udp_put_packet, (p, NULL, 1));
    REFUSED(gdtls_packet_peer_udp_put_packet, (p, buf, HUGE_LEN));
    REFUSED(gdtls_packet_peer_udp_put_packet, (p, NULL, HUGE_LEN2));
    uint8_t *big = calloc(1, GDTLS_MAX_DATAGRAM + 1);
    REFUSED(gdtls_packet_peer_udp_put_packet, (p, big, GDTLS_MAX_DATAGRAM + 1));
    free(big);
    CHECK(gdtls_packet_peer_udp_put_packet(p, (const uint8_t *)"ping", 4) == GDTLS_OK);
    /* A packet is waiting, so even the longest wait returns at once. */
    CHECK(gdtls_packet_peer_udp_wait_timeout(p, UINT32_MAX) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_wait(p) == GDTLS_OK);
    len = 0;
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_udp_get_packet, (p, NULL, 0, &len));
    CHECK(len == 4);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_udp_get_packet, (p, NULL, 100, &len));
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_udp_get_packet, (p, buf, 3, NULL));
    REFUSED(gdtls_packet_peer_udp_get_packet, (p, buf, HUGE_LEN, &len));
    REFUSED(gdtls_packet_peer_udp_get_packet, (p, buf, HUGE_LEN2, &len));
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(p) == 1);
    CHECK(gdtls_packet_peer_udp_get_packet(p, buf, 4, NULL) == GDTLS_OK && memcmp(buf, "ping", 4) == 0);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_udp_get_packet_ip, (p, ip, 9, &len));
    CHECK(len == 9);
    REFUSED(gdtls_packet_peer_udp_get_packet_ip, (p, ip, HUGE_LEN, &len));
    CHECK(gdtls_packet_peer_udp_get_packet_ip(p, ip, 10, NULL) == GDTLS_OK && strcmp(ip, "127.0.0.1") == 0);
    CHECK(gdtls_packet_peer_udp_get_packet_port(p) == port);
    CHECK(gdtls_packet_peer_udp_put_packet(p, NULL, 0) == GDTLS_OK);

    /* Connected: the destination is fixed. */
    CHECK(gdtls_packet_peer_udp_connect_to_host(p, "127.0.0.1", port) == GDTLS_OK);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_set_dest_address, (p, "127.0.0.1", port));
    FAILS(GDTLS_ERR_CANT_CONNECT, GDTLS_ERR_CANT_CONNECT, gdtls_packet_peer_udp_connect_to_host, (p, "::1", port));
    CHECK(gdtls_packet_peer_udp_get_socket_fd(p) == fd);
    CHECK(gdtls_packet_peer_udp_set_broadcast_enabled(p, true) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_get_max_packet_size(p) == GDTLS_MAX_DATAGRAM);
    REFUSED(gdtls_packet_peer_udp_join_multicast_group, (p, "239.1.2.3", "no-such-interface0"));
    REFUSED(gdtls_packet_peer_udp_join_multicast_group, (p, "ff12::1", "lo"));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_leave_multicast_group, (p, "239.1.2.3", "lo"));
    CHECK(gdtls_packet_peer_udp_join_multicast_group(p, "239.1.2.3", "lo") == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_leave_multicast_group(p, "239.1.2.3", "lo") == GDTLS_OK);

    /* Closed: every read says there is no socket. */
    CHECK(gdtls_packet_peer_udp_close(p) == GDTLS_OK);
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (p, buf, sizeof buf, &len));
    CHECK(gdtls_packet_peer_udp_get_available_packet_count(p) == -1);
    CHECK(!gdtls_packet_peer_udp_is_bound(p) && !gdtls_packet_peer_udp_is_socket_connected(p));
    QUIET(-1, gdtls_packet_peer_udp_get_socket_fd, (p));
    CHECK(gdtls_packet_peer_udp_free(p) == GDTLS_OK);

    test_host_peer();
}

/* ---- UDPServer --------------------------------------------------------- */

static void test_udp_server(void) {
    SWEEP(UDP_SERVER, true, REFUSED(gdtls_udp_server_listen, (BAD, 0, "127.0.0.1")));
    SWEEP(UDP_SERVER, true, REFUSED(gdtls_udp_server_poll, (BAD)));
    SWEEP(UDP_SERVER, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_is_connection_available, (BAD)));
    SWEEP(UDP_SERVER, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_take_connection, (BAD)));
    SWEEP(UDP_SERVER, true, REFUSED(gdtls_udp_server_stop, (BAD)));
    SWEEP(UDP_SERVER, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_is_listening, (BAD)));
    SWEEP(UDP_SERVER, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_get_local_port, (BAD)));
    SWEEP(UDP_SERVER, true, REFUSED(gdtls_udp_server_set_max_pending_connections, (BAD, 1)));
    SWEEP(UDP_SERVER, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_get_max_pending_connections, (BAD)));
    SWEEP(UDP_SERVER, true, FAILS(-1, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_get_socket_fd, (BAD)));

    gdtls_udp_server *s = gdtls_udp_server_new();
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_udp_server_poll, (s));
    QUIET(NULL, gdtls_udp_server_take_connection, (s));
    QUIET(false, gdtls_udp_server_is_connection_available, (s));
    QUIET(-1, gdtls_udp_server_get_socket_fd, (s));
    CHECK(gdtls_udp_server_stop(s) == GDTLS_OK);
    EACH(bad_ports, port, REFUSED(gdtls_udp_server_listen, (s, port, "127.0.0.1")));
    EACH_BAD_UTF8(REFUSED(gdtls_udp_server_listen, (s, 0, STR)));
    REFUSED(gdtls_udp_server_listen, (s, 0, ""));
    REFUSED(gdtls_udp_server_listen, (s, 0, "localhost"));
    REFUSED(gdtls_udp_server_set_max_pending_connections, (s, -1));
    REFUSED(gdtls_udp_server_set_max_pending_connections, (s, INT_MIN));
    CHECK(gdtls_udp_server_get_max_pending_connections(s) == GDTLS_DEFAULT_MAX_PENDING_CONNECTIONS);
    CHECK(gdtls_udp_server_set_max_pending_connections(s, INT_MAX) == GDTLS_OK);
    CHECK(gdtls_udp_server_get_max_pending_connections(s) == INT_MAX);
    CHECK(!gdtls_udp_server_is_listening(s));

    CHECK(gdtls_udp_server_listen(s, 0, "127.0.0.1") == GDTLS_OK);
    int port = gdtls_udp_server_get_local_port(s);
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_udp_server_listen, (s, 0, "127.0.0.1"));
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_udp_server_listen, (s, port, NULL));
    CHECK(gdtls_udp_server_get_local_port(s) == port);
    int fd = gdtls_udp_server_get_socket_fd(s);
    CHECK(fd >= 0);

    /* A source beyond a limit of 0 waits; it is taken once the limit rises. */
    CHECK(gdtls_udp_server_set_max_pending_connections(s, 0) == GDTLS_OK);
    gdtls_packet_peer_udp *client = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(client, "127.0.0.1", port) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_put_packet(client, (const uint8_t *)"hi", 2) == GDTLS_OK);
    for (int i = 0; i < 50 && gdtls_udp_server_poll(s) == GDTLS_OK; i++) sleep_ms(1);
    QUIET(NULL, gdtls_udp_server_take_connection, (s));
    CHECK(gdtls_udp_server_set_max_pending_connections(s, 1) == GDTLS_OK);
    gdtls_packet_peer_udp *taken = NULL;
    for (int i = 0; i < 2000 && !taken; i++) {
        if (gdtls_udp_server_is_connection_available(s)) taken = gdtls_udp_server_take_connection(s);
        else sleep_ms(1);
    }
    CHECK(taken != NULL);

    /* A server's peer cannot be rebound or reconnected. */
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_packet_peer_udp_bind, (taken, 0, NULL, 65536));
    FAILS(GDTLS_ERR_LOCKED, GDTLS_ERR_LOCKED, gdtls_packet_peer_udp_connect_to_host, (taken, "127.0.0.1", 9));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_udp_set_dest_address, (taken, "127.0.0.1", 9));
    CHECK(gdtls_packet_peer_udp_get_local_port(taken) == port);
    CHECK(gdtls_packet_peer_udp_get_socket_fd(taken) == fd);

    /* Stopped under its peer: the peer has no socket left, nothing breaks. */
    CHECK(gdtls_udp_server_stop(s) == GDTLS_OK);
    CHECK(gdtls_udp_server_stop(s) == GDTLS_OK);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_udp_server_poll, (s));
    CHECK(!gdtls_udp_server_is_listening(s) && gdtls_udp_server_get_local_port(s) == 0);
    CHECK(!gdtls_packet_peer_udp_is_bound(taken));
    QUIET(-1, gdtls_udp_server_get_socket_fd, (s));
    QUIET(-1, gdtls_packet_peer_udp_get_socket_fd, (taken));
    uint8_t buf[8];
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_get_packet, (taken, buf, sizeof buf, NULL));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_wait, (taken));
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_udp_put_packet, (taken, (const uint8_t *)"x", 1));

    /* Listening again after a stop works, and freeing the server under its
     * peer leaves the peer a handle that still answers. */
    CHECK(gdtls_udp_server_listen(s, 0, "127.0.0.1") == GDTLS_OK);
    CHECK(gdtls_udp_server_free(s) == GDTLS_OK);
    REFUSED(gdtls_udp_server_free, (s));
    FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_udp_server_is_listening, (s));
    CHECK(!gdtls_packet_peer_udp_is_bound(taken));
    CHECK(gdtls_packet_peer_udp_free(taken) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_free(client) == GDTLS_OK);
}

/* ---- DTLSServer and PacketPeerDTLS ------------------------------------- */

static void test_dtls_server(gdtls_crypto_key *empty_key, gdtls_crypto_key *public_key, gdtls_x509_certificate *empty_cert) {
    gdtls_tls_options *server_opts = gdtls_tls_options_server(key, cert);
    gdtls_tls_options *client_opts = gdtls_tls_options_client_unsafe(NULL);
    gdtls_packet_peer_udp *udp = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(udp, "127.0.0.1", 9) == GDTLS_OK);

    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_setup, (BAD, server_opts)));
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_setup_godot3, (BAD, key, cert, NULL)));
    SWEEP(DTLS_SERVER, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_dtls_server_take_connection, (BAD, udp)));
    uint32_t min_ms = 7, max_ms = 7;
    int32_t total = 7, per_source = 7;
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_set_handshake_timeout_msec, (BAD, 1000, 2000)));
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_get_handshake_timeout_msec, (BAD, &min_ms, &max_ms)));
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_set_idle_timeout_msec, (BAD, 1000)));
    SWEEP(DTLS_SERVER, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_dtls_server_get_idle_timeout_msec, (BAD)));
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_set_max_handshakes, (BAD, 10, 10)));
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_get_max_handshakes, (BAD, &total, &per_source)));
    SWEEP(DTLS_SERVER, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_dtls_server_get_handshake_count, (BAD)));
    SWEEP(DTLS_SERVER, true, REFUSED(gdtls_dtls_server_set_session_ticket_lifetime_sec, (BAD, 60)));
    SWEEP(DTLS_SERVER, true, FAILS(0u, GDTLS_ERR_INVALID_PARAMETER, gdtls_dtls_server_get_session_ticket_lifetime_sec, (BAD)));
    CHECK(min_ms == 7 && max_ms == 7 && total == 7 && per_source == 7);

    gdtls_dtls_server *s = gdtls_dtls_server_new();
    /* Settings: impossible ones refused, the defaults kept; NULL outs. */
    REFUSED(gdtls_dtls_server_set_handshake_timeout_msec, (s, 0, 1000));
    REFUSED(gdtls_dtls_server_set_handshake_timeout_msec, (s, 2000, 1000));
    REFUSED(gdtls_dtls_server_set_max_handshakes, (s, -1, 10));
    REFUSED(gdtls_dtls_server_set_max_handshakes, (s, 10, INT_MIN));
    QUIET(GDTLS_OK, gdtls_dtls_server_get_handshake_timeout_msec, (s, NULL, NULL));
    QUIET(GDTLS_OK, gdtls_dtls_server_get_max_handshakes, (s, NULL, NULL));
    CHECK(gdtls_dtls_server_get_handshake_timeout_msec(s, &min_ms, &max_ms) == GDTLS_OK);
    CHECK(min_ms == 1000 && max_ms == 8000);
    CHECK(gdtls_dtls_server_get_max_handshakes(s, &total, &per_source) == GDTLS_OK);
    CHECK(total == 256 && per_source == 32);
    QUIET(0u, gdtls_dtls_server_get_idle_timeout_msec, (s));
    QUIET(0, gdtls_dtls_server_get_handshake_count, (s));
    QUIET((uint32_t)GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC, gdtls_dtls_server_get_session_ticket_lifetime_sec, (s));
    /* Settings before setup apply to it. */
    CHECK(gdtls_dtls_server_set_handshake_timeout_msec(s, 1, UINT32_MAX) == GDTLS_OK);
    CHECK(gdtls_dtls_server_set_idle_timeout_msec(s, UINT32_MAX) == GDTLS_OK);
    CHECK(gdtls_dtls_server_get_idle_timeout_msec(s) == UINT32_MAX);
    CHECK(gdtls_dtls_server_set_max_handshakes(s, 0, 0) == GDTLS_OK);
    CHECK(gdtls_dtls_server_set_max_handshakes(s, INT32_MAX, INT32_MAX) == GDTLS_OK);
    CHECK(gdtls_dtls_server_get_max_handshakes(s, &total, &per_source) == GDTLS_OK);
    CHECK(total == INT32_MAX && per_source == INT32_MAX);
    CHECK(gdtls_dtls_server_set_session_ticket_lifetime_sec(s, 0) == GDTLS_OK);
    QUIET(0u, gdtls_dtls_server_get_session_ticket_lifetime_sec, (s));
    CHECK(gdtls_dtls_server_set_session_ticket_lifetime_sec(s, UINT32_MAX) == GDTLS_OK);
    QUIET(UINT32_MAX, gdtls_dtls_server_get_session_ticket_lifetime_sec, (s));
    /* Before any setup a server hands out disconnected peers. */
    gdtls_packet_peer_dtls *early = gdtls_dtls_server_take_connection(s, udp);
    CHECK(early != NULL && gdtls_packet_peer_dtls_get_status(early) == GDTLS_STATUS_DISCONNECTED);
    gdtls_packet_peer_dtls_free(early);

    SWEEP(OPTIONS, true, REFUSED(gdtls_dtls_server_setup, (s, BAD)));
    REFUSED(gdtls_dtls_server_setup, (s, client_opts));
    SWEEP(KEY, true, REFUSED(gdtls_dtls_server_setup_godot3, (s, BAD, cert, NULL)));
    SWEEP(CERT, true, REFUSED(gdtls_dtls_server_setup_godot3, (s, key, BAD, NULL)));
    SWEEP(CERT, false, REFUSED(gdtls_dtls_server_setup_godot3, (s, key, cert, BAD)));
    REFUSED(gdtls_dtls_server_setup_godot3, (s, empty_key, cert, NULL));
    REFUSED(gdtls_dtls_server_setup_godot3, (s, public_key, cert, NULL));
    REFUSED(gdtls_dtls_server_setup_godot3, (s, key, empty_cert, NULL));
    SWEEP(UDP, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_dtls_server_take_connection, (s, BAD)));

    /* Set up twice, in both shapes: the last one wins, no error. */
    CHECK(gdtls_dtls_server_setup(s, server_opts) == GDTLS_OK);
    CHECK(gdtls_dtls_server_setup(s, server_opts) == GDTLS_OK);
    CHECK(gdtls_dtls_server_setup_godot3(s, key, cert, cert) == GDTLS_OK);
    /* A setting changed after setup applies to the next connections. */
    CHECK(gdtls_dtls_server_set_handshake_timeout_msec(s, 500, 4000) == GDTLS_OK);
    CHECK(gdtls_dtls_server_get_handshake_timeout_msec(s, &min_ms, &max_ms) == GDTLS_OK);
    CHECK(min_ms == 500 && max_ms == 4000);
    CHECK(gdtls_dtls_server_set_session_ticket_lifetime_sec(s, 1) == GDTLS_OK);
    CHECK(gdtls_dtls_server_get_session_ticket_lifetime_sec(s) == 1);
    /* Nothing was received: no ClientHello, no handshake. */
    gdtls_packet_peer_dtls *nothing = gdtls_dtls_server_take_connection(s, udp);
    CHECK(nothing != NULL && gdtls_packet_peer_dtls_get_status(nothing) == GDTLS_STATUS_ERROR);
    gdtls_packet_peer_dtls_free(nothing);
    gdtls_packet_peer_udp *unconnected = gdtls_packet_peer_udp_new();
    gdtls_packet_peer_dtls *lonely = gdtls_dtls_server_take_connection(s, unconnected);
    CHECK(lonely != NULL && gdtls_packet_peer_dtls_get_status(lonely) == GDTLS_STATUS_DISCONNECTED);
    gdtls_packet_peer_dtls_free(lonely);

    CHECK(gdtls_dtls_server_free(s) == GDTLS_OK);
    REFUSED(gdtls_dtls_server_setup, (s, server_opts));
    gdtls_packet_peer_udp_free(unconnected);
    gdtls_packet_peer_udp_free(udp);
    gdtls_tls_options_free(client_opts);
    gdtls_tls_options_free(server_opts);
}

/* A peer that never completed a handshake has negotiated nothing: each
 * read says so, writes nothing and makes no handle. */
static void test_unnegotiated(gdtls_packet_peer_dtls *p) {
    size_t handles = gdtls_live_handle_count();
    char text[64];
    size_t len = 99;
    memset(text, 0x5a, sizeof text);
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_protocol_version, (p, text, sizeof text, &len));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_protocol_version, (p, NULL, 0, NULL));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_cipher_suite, (p, text, sizeof text, &len));
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_cipher_suite, (p, NULL, 0, NULL));
    FAILS(NULL, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_peer_certificate, (p));
    CHECK(len == 99 && untouched((const uint8_t *)text, sizeof text, 0x5a));
    CHECK(gdtls_live_handle_count() == handles);
}

static void test_dtls_peer(gdtls_x509_certificate *empty_cert) {
    uint8_t buf[64];
    size_t len = 0;
    gdtls_tls_options *server_opts = gdtls_tls_options_server(key, cert);
    gdtls_tls_options *unsafe = gdtls_tls_options_client_unsafe(NULL);
    gdtls_packet_peer_udp *udp = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_connect_to_host(udp, "127.0.0.1", 9) == GDTLS_OK);

    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (BAD, udp, "localhost", unsafe)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (BAD, udp, false, NULL, NULL)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_poll, (BAD)));
    SWEEP(DTLS, true, FAILS(GDTLS_STATUS_ERROR, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_status, (BAD)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_disconnect_from_peer, (BAD)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_put_packet, (BAD, (const uint8_t *)"x", 1)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_get_packet, (BAD, buf, sizeof buf, &len)));
    SWEEP(DTLS, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_available_packet_count, (BAD)));
    SWEEP(DTLS, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_max_packet_size, (BAD)));
    uint32_t min_ms = 7, max_ms = 7;
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_set_idle_timeout_msec, (BAD, 1000)));
    SWEEP(DTLS, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_idle_timeout_msec, (BAD)));
    SWEEP(DTLS, true, FAILS(0, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_idle_time_msec, (BAD)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_set_handshake_timeout_msec, (BAD, 1000, 2000)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_get_handshake_timeout_msec, (BAD, &min_ms, &max_ms)));
    CHECK(min_ms == 7 && max_ms == 7);
    memset(buf, 0xa5, sizeof buf);
    len = 99;
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_get_protocol_version, (BAD, (char *)buf, sizeof buf, &len)));
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_get_cipher_suite, (BAD, (char *)buf, sizeof buf, &len)));
    SWEEP(DTLS, true, FAILS(NULL, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_peer_certificate, (BAD)));
    SWEEP(DTLS, true, FAILS(false, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_is_session_resumed, (BAD)));
    SWEEP(DTLS, true, FAILS(0u, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_handshake_duration_usec, (BAD)));
    SWEEP(DTLS, true, FAILS(0u, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_retransmissions, (BAD)));
    SWEEP(DTLS, true, FAILS(-1, GDTLS_ERR_INVALID_PARAMETER, gdtls_packet_peer_dtls_get_next_timeout_msec, (BAD)));
    gdtls_traffic traffic;
    memset(&traffic, 0xa5, sizeof traffic);
    SWEEP(DTLS, true, REFUSED(gdtls_packet_peer_dtls_get_traffic, (BAD, &traffic)));
    CHECK(untouched((const uint8_t *)&traffic, sizeof traffic, 0xa5));
    CHECK(len == 99 && untouched(buf, sizeof buf, 0xa5));

    gdtls_packet_peer_dtls *p = gdtls_packet_peer_dtls_new();
    REFUSED(gdtls_packet_peer_dtls_set_handshake_timeout_msec, (p, 0, 0));
    REFUSED(gdtls_packet_peer_dtls_set_handshake_timeout_msec, (p, 3, 2));
    CHECK(gdtls_packet_peer_dtls_get_handshake_timeout_msec(p, &min_ms, &max_ms) == GDTLS_OK);
    CHECK(min_ms == 1000 && max_ms == 60000);
    QUIET(GDTLS_OK, gdtls_packet_peer_dtls_get_handshake_timeout_msec, (p, NULL, NULL));
    QUIET(0u, gdtls_packet_peer_dtls_get_idle_timeout_msec, (p));
    CHECK(gdtls_packet_peer_dtls_set_idle_timeout_msec(p, 0) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_idle_time_msec(p) < 60000);
    /* Not connected: nothing to send or read, and polling is harmless. */
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_put_packet, (p, (const uint8_t *)"x", 1));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_put_packet, (p, NULL, 0));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_get_packet, (p, buf, sizeof buf, &len));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_get_packet, (p, NULL, 0, NULL));
    QUIET(GDTLS_OK, gdtls_packet_peer_dtls_poll, (p));
    QUIET(GDTLS_OK, gdtls_packet_peer_dtls_disconnect_from_peer, (p));
    QUIET(0, gdtls_packet_peer_dtls_get_available_packet_count, (p));
    CHECK(gdtls_packet_peer_dtls_get_max_packet_size(p) > 0);
    /* Never connected: nothing negotiated, nothing carried, no timer. */
    test_unnegotiated(p);
    QUIET(false, gdtls_packet_peer_dtls_is_session_resumed, (p));
    QUIET(0u, gdtls_packet_peer_dtls_get_handshake_duration_usec, (p));
    QUIET(0u, gdtls_packet_peer_dtls_get_retransmissions, (p));
    QUIET(-1, gdtls_packet_peer_dtls_get_next_timeout_msec, (p));
    REFUSED(gdtls_packet_peer_dtls_get_traffic, (p, NULL));
    CHECK(gdtls_packet_peer_dtls_get_traffic(p, &traffic) == GDTLS_OK);
    CHECK(untouched((const uint8_t *)&traffic, sizeof traffic, 0));

    /* Bad arguments to connect: nothing starts. */
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, BAD, "localhost", unsafe)));
    SWEEP(OPTIONS, false, REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, udp, "localhost", BAD)));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, udp, STR, unsafe)));
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, udp, "localhost", server_opts));
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, udp, NULL, NULL));
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, udp, "", NULL));
    SWEEP(UDP, true, REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, BAD, false, NULL, NULL)));
    SWEEP(CERT, false, REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, udp, true, "localhost", BAD)));
    EACH_BAD_UTF8(REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, udp, true, STR, cert)));
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, udp, true, NULL, cert));
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, udp, true, "localhost", empty_cert));
    gdtls_packet_peer_udp *unconnected = gdtls_packet_peer_udp_new();
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, unconnected, "localhost", unsafe));
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, unconnected, false, NULL, NULL));
    CHECK(gdtls_packet_peer_udp_bind(unconnected, 0, "127.0.0.1", 65536) == GDTLS_OK);
    REFUSED(gdtls_packet_peer_dtls_connect_to_peer, (p, unconnected, "localhost", unsafe));
    gdtls_packet_peer_udp_free(unconnected);
    CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_DISCONNECTED);

    /* Handshaking (with nobody): no second connect, no packets. */
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(p, udp, "localhost", unsafe) == GDTLS_OK);
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_packet_peer_dtls_connect_to_peer, (p, udp, "localhost", unsafe));
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_packet_peer_dtls_connect_to_peer_godot3, (p, udp, false, NULL, NULL));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_put_packet, (p, (const uint8_t *)"x", 1));
    CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_HANDSHAKING);
    /* A retransmission is due within the first interval (1 s), and the
     * ClientHello went out; nothing is negotiated yet. */
    int64_t due = gdtls_packet_peer_dtls_get_next_timeout_msec(p);
    CHECK(due >= 0 && due <= 1000);
    CHECK(gdtls_packet_peer_dtls_get_traffic(p, &traffic) == GDTLS_OK && traffic.datagrams_sent == 1);
    test_unnegotiated(p);
    /* Its UDP peer closed underneath: the next poll ends the handshake in
     * an error, which stays (as in Godot) through a disconnect. */
    CHECK(gdtls_packet_peer_udp_close(udp) == GDTLS_OK);
    FAILS(GDTLS_FAILED, GDTLS_FAILED, gdtls_packet_peer_dtls_poll, (p));
    CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_ERROR);
    QUIET(GDTLS_OK, gdtls_packet_peer_dtls_poll, (p));
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(p) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_ERROR);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_put_packet, (p, (const uint8_t *)"x", 1));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_get_packet, (p, NULL, 0, NULL));
    QUIET(-1, gdtls_packet_peer_dtls_get_next_timeout_msec, (p));
    test_unnegotiated(p);

    CHECK(gdtls_packet_peer_dtls_free(p) == GDTLS_OK);
    REFUSED(gdtls_packet_peer_dtls_poll, (p));
    REFUSED(gdtls_packet_peer_dtls_free, (p));
    gdtls_packet_peer_udp_free(udp);
    gdtls_tls_options_free(unsafe);
    gdtls_tls_options_free(server_opts);
}

/* ---- threads ----------------------------------------------------------- */

static atomic_bool waiting;

static void *wait_on(void *peer) {
    atomic_store(&waiting, true);
    return (void *)(intptr_t)gdtls_packet_peer_udp_wait_timeout(peer, 500);
}

/* A fresh thread has no error of its own yet; then records one. */
static void *fail_elsewhere(void *unused) {
    (void)unused;
    bool fresh = gdtls_get_last_error() == GDTLS_OK && gdtls_get_last_error_message()[0] == '\0';
    bool failed = gdtls_x509_certificate_free((gdtls_x509_certificate *)&somewhere) == GDTLS_ERR_INVALID_PARAMETER &&
                  blames("gdtls_x509_certificate_free");
    return (void *)(intptr_t)(fresh && failed);
}

static void test_threads(void) {
    /* The caller's handle is freed while another thread waits on the peer:
     * the wait ends normally, the handle is gone at once. */
    gdtls_packet_peer_udp *p = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_bind(p, 0, "127.0.0.1", 65536) == GDTLS_OK);
    pthread_t waiter;
    CHECK(pthread_create(&waiter, NULL, wait_on, p) == 0);
    while (!atomic_load(&waiting)) sleep_ms(1);
    sleep_ms(100); /* for the waiter to get from the flag into the wait */
    CHECK(gdtls_packet_peer_udp_free(p) == GDTLS_OK);
    REFUSED(gdtls_packet_peer_udp_wait, (p));
    void *result = NULL;
    CHECK(pthread_join(waiter, &result) == 0);
    CHECK((intptr_t)result == GDTLS_ERR_TIMEOUT);

    /* Errors are per thread: another thread's failure leaves this one's. */
    const char *mine = poison("");
    pthread_t other;
    CHECK(pthread_create(&other, NULL, fail_elsewhere, NULL) == 0);
    CHECK(pthread_join(other, &result) == 0);
    CHECK(result != NULL);
    CHECK(blames(mine));
}

/* ---- handshakes over loopback ------------------------------------------ */

/* Godot's server loop, one frame: keeps the connection whose cookie
 * verified. */
static void server_frame(gdtls_udp_server *udp, gdtls_dtls_server *dtls, gdtls_packet_peer_dtls **kept) {
    gdtls_udp_server_poll(udp);
    while (gdtls_udp_server_is_connection_available(udp)) {
        gdtls_packet_peer_udp *u = gdtls_udp_server_take_connection(udp);
        gdtls_packet_peer_dtls *p = gdtls_dtls_server_take_connection(dtls, u);
        gdtls_packet_peer_udp_free(u);
        if (gdtls_packet_peer_dtls_get_status(p) == GDTLS_STATUS_HANDSHAKING && *kept == NULL) *kept = p;
        else gdtls_packet_peer_dtls_free(p);
    }
    if (*kept) gdtls_packet_peer_dtls_poll(*kept);
}

/* Polls until `p` has a packet (5 s at most) and reads it into `buf`. */
static bool receive(gdtls_packet_peer_dtls *p, uint8_t *buf, size_t cap, size_t *len) {
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_available_packet_count(p) == 0; i++) {
        gdtls_packet_peer_dtls_poll(p);
        sleep_ms(1);
    }
    return gdtls_packet_peer_dtls_get_packet(p, buf, cap, len) == GDTLS_OK;
}

/* Runs server frames and client polls, 1 ms apart and 20 s at most, until
 * neither side is handshaking; returns the connection the server kept
 * (NULL if none). */
static gdtls_packet_peer_dtls *handshake(gdtls_udp_server *us, gdtls_dtls_server *ds, gdtls_packet_peer_dtls *client) {
    gdtls_packet_peer_dtls *server_peer = NULL;
    for (int i = 0; i < 20000; i++) {
        server_frame(us, ds, &server_peer);
        gdtls_packet_peer_dtls_poll(client);
        if (gdtls_packet_peer_dtls_get_status(client) != GDTLS_STATUS_HANDSHAKING &&
            (!server_peer || gdtls_packet_peer_dtls_get_status(server_peer) != GDTLS_STATUS_HANDSHAKING))
            break;
        sleep_ms(1);
    }
    return server_peer;
}

/* A PSK server whose lookup answers with lengths no key has (0, one over
 * GDTLS_MAX_PSK_LEN, SIZE_MAX): each client is refused and nothing breaks;
 * then a right answer lets one in. The lookup's data is released once,
 * when the options, the server and its connection are all gone. */
static void test_psk_lookup_lengths(void) {
    size_t before = gdtls_live_handle_count();
    psk_host h = {0, 0, 0, 0};
    gdtls_tls_options *options = gdtls_tls_options_server_psk(psk_lookup, &h, psk_release);
    gdtls_dtls_server *ds = gdtls_dtls_server_new();
    gdtls_udp_server *us = gdtls_udp_server_new();
    CHECK(gdtls_dtls_server_setup(ds, options) == GDTLS_OK);
    CHECK(gdtls_udp_server_listen(us, 0, "127.0.0.1") == GDTLS_OK);
    uint8_t k[GDTLS_MAX_PSK_LEN];
    memset(k, 'k', sizeof k);
    gdtls_tls_options *client_options = gdtls_tls_options_client_psk((const uint8_t *)"client", 6, k, sizeof k);

    static const size_t answers[] = {0, GDTLS_MAX_PSK_LEN + 1, SIZE_MAX, GDTLS_MAX_PSK_LEN};
    gdtls_packet_peer_dtls *admitted = NULL;
    for (size_t i = 0; i < sizeof answers / sizeof *answers; i++) {
        h.answer = answers[i];
        int lookups = h.lookups;
        gdtls_packet_peer_udp *u = gdtls_packet_peer_udp_new();
        gdtls_packet_peer_dtls *client = gdtls_packet_peer_dtls_new();
        CHECK(gdtls_packet_peer_udp_connect_to_host(u, "127.0.0.1", gdtls_udp_server_get_local_port(us)) == GDTLS_OK);
        CHECK(gdtls_packet_peer_dtls_connect_to_peer(client, u, "localhost", client_options) == GDTLS_OK);
        gdtls_packet_peer_dtls *server_peer = handshake(us, ds, client);
        bool right = h.answer == GDTLS_MAX_PSK_LEN;
        CHECK(gdtls_packet_peer_dtls_get_status(client) == (right ? GDTLS_STATUS_CONNECTED : GDTLS_STATUS_ERROR));
        CHECK(h.lookups == lookups + 1);
        if (right) {
            CHECK(server_peer != NULL && gdtls_packet_peer_dtls_get_status(server_peer) == GDTLS_STATUS_CONNECTED);
            /* PSK connections show no certificate. */
            FAILS(NULL, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_peer_certificate, (client));
            FAILS(NULL, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_peer_certificate, (server_peer));
            admitted = server_peer;
        } else {
            CHECK(server_peer == NULL || gdtls_packet_peer_dtls_get_status(server_peer) == GDTLS_STATUS_ERROR);
            gdtls_packet_peer_dtls_free(server_peer);
        }
        gdtls_packet_peer_dtls_free(client);
        gdtls_packet_peer_udp_free(u);
    }
    CHECK(h.strange == 0);

    /* Released after the last holder, not before. */
    CHECK(gdtls_tls_options_free(options) == GDTLS_OK);
    CHECK(gdtls_dtls_server_free(ds) == GDTLS_OK);
    CHECK(h.releases == 0);
    gdtls_packet_peer_dtls_free(admitted);
    CHECK(h.releases == 1);
    gdtls_tls_options_free(client_options);
    gdtls_udp_server_free(us);
    CHECK(h.releases == 1);
    CHECK(gdtls_live_handle_count() == before);
}

/* ---- afterwards: the abused objects still work ------------------------- */

static void test_survivors(void) {
    gdtls_crypto_key *k = live[KEY];
    gdtls_x509_certificate *c = live[CERT];
    gdtls_tls_options *o = live[OPTIONS];
    gdtls_packet_peer_udp *u = live[UDP];
    gdtls_udp_server *us = live[UDP_SERVER];
    gdtls_packet_peer_dtls *client = live[DTLS];
    gdtls_dtls_server *ds = live[DTLS_SERVER];

    CHECK(key_pem(k) != NULL && !gdtls_crypto_key_is_public_only(k));
    CHECK(gdtls_x509_certificate_get_count(c) == 1);
    CHECK(gdtls_tls_options_is_server(o));
    CHECK(gdtls_tls_options_get_mtu(o) == GDTLS_DTLS_MTU && gdtls_tls_options_get_session_resumption(o));
    CHECK(gdtls_packet_peer_udp_is_bound(u) && gdtls_packet_peer_udp_get_local_port(u) > 0);
    CHECK(gdtls_packet_peer_udp_get_socket_fd(u) >= 0);
    CHECK(gdtls_udp_server_is_listening(us) && gdtls_udp_server_get_socket_fd(us) >= 0);
    CHECK(gdtls_dtls_server_get_session_ticket_lifetime_sec(ds) == GDTLS_DEFAULT_SESSION_TICKET_LIFETIME_SEC);
    CHECK(gdtls_packet_peer_dtls_get_status(client) == GDTLS_STATUS_DISCONNECTED);

    /* The one handshake: a verifying client against the abused server,
     * logged to the host. Refused changes keep the client's MTU and suite,
     * and the log's callback and level. */
    static const char suite[] = "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256";
    int port = gdtls_udp_server_get_local_port(us);
    CHECK(gdtls_packet_peer_udp_connect_to_host(u, "127.0.0.1", port) == GDTLS_OK);
    gdtls_tls_options *trusting = gdtls_tls_options_client(c, NULL);
    CHECK(gdtls_tls_options_set_mtu(trusting, 500) == GDTLS_OK);
    REFUSED(gdtls_tls_options_set_mtu, (trusting, GDTLS_MIN_MTU - 1));
    CHECK(gdtls_tls_options_set_cipher_suites(trusting, suite) == GDTLS_OK);
    REFUSED(gdtls_tls_options_set_cipher_suites, (trusting, "TLS-NO-SUCH-SUITE"));
    REFUSED(gdtls_tls_options_set_curves, (trusting, "no-such-curve"));
    log_sink heard = {GDTLS_LOG_STATE, 0, 0};
    CHECK(gdtls_set_log_callback(log_line, &heard, GDTLS_LOG_STATE) == GDTLS_OK);
    REFUSED(gdtls_set_log_callback, (log_line, &stray, GDTLS_LOG_VERBOSE + 1));
    REFUSED(gdtls_set_log_callback, (NULL, NULL, GDTLS_LOG_NONE - 1));
    CHECK(gdtls_packet_peer_dtls_connect_to_peer(client, u, "localhost", trusting) == GDTLS_OK);
    gdtls_packet_peer_dtls *server_peer = handshake(us, ds, client);
    CHECK(gdtls_packet_peer_dtls_get_status(client) == GDTLS_STATUS_CONNECTED);
    CHECK(server_peer != NULL && gdtls_packet_peer_dtls_get_status(server_peer) == GDTLS_STATUS_CONNECTED);
    if (!server_peer) server_peer = gdtls_packet_peer_dtls_new();
    CHECK(heard.lines > 0 && heard.malformed == 0);

    /* What it negotiated: a buffer too small loses nothing. AES-GCM adds
     * 37 bytes to a record. */
    char text[64];
    size_t text_len = 0;
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_dtls_get_protocol_version, (client, NULL, 0, &text_len));
    CHECK(text_len == strlen("DTLSv1.2"));
    memset(text, 0x5a, sizeof text);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_dtls_get_protocol_version, (client, text, text_len, NULL));
    CHECK(untouched((const uint8_t *)text, sizeof text, 0x5a));
    REFUSED(gdtls_packet_peer_dtls_get_protocol_version, (client, text, HUGE_LEN, &text_len));
    CHECK(gdtls_packet_peer_dtls_get_protocol_version(client, text, sizeof text, NULL) == GDTLS_OK && strcmp(text, "DTLSv1.2") == 0);
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_dtls_get_cipher_suite, (server_peer, NULL, 0, &text_len));
    CHECK(text_len == strlen(suite));
    REFUSED(gdtls_packet_peer_dtls_get_cipher_suite, (server_peer, text, HUGE_LEN2, NULL));
    CHECK(gdtls_packet_peer_dtls_get_cipher_suite(client, text, sizeof text, NULL) == GDTLS_OK && strcmp(text, suite) == 0);
    CHECK(gdtls_packet_peer_dtls_get_max_packet_size(client) == 500 - 37);
    /* The server's certificate, in a handle of the client's own; the
     * server asked for none. */
    gdtls_x509_certificate *presented = gdtls_packet_peer_dtls_get_peer_certificate(client);
    uint8_t pin[32], expected[32];
    CHECK(gdtls_x509_certificate_get_sha256_pin(presented, GDTLS_PIN_CERTIFICATE, pin) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_sha256_pin(c, GDTLS_PIN_CERTIFICATE, expected) == GDTLS_OK);
    CHECK(memcmp(pin, expected, sizeof pin) == 0);
    CHECK(gdtls_x509_certificate_free(presented) == GDTLS_OK);
    FAILS(NULL, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_peer_certificate, (server_peer));
    QUIET(false, gdtls_packet_peer_dtls_is_session_resumed, (client));
    CHECK(gdtls_packet_peer_dtls_get_handshake_duration_usec(client) > 0);
    CHECK(gdtls_packet_peer_dtls_get_handshake_duration_usec(server_peer) > 0);
    CHECK(gdtls_packet_peer_dtls_get_retransmissions(client) < 10);
    QUIET(-1, gdtls_packet_peer_dtls_get_next_timeout_msec, (client));
    gdtls_traffic sent;
    REFUSED(gdtls_packet_peer_dtls_get_traffic, (client, NULL));
    CHECK(gdtls_packet_peer_dtls_get_traffic(client, &sent) == GDTLS_OK);
    CHECK(sent.datagrams_sent >= 3 && sent.bytes_sent > 0 && sent.datagrams_received >= 2 && sent.bytes_received > 0);

    /* Connected: misuse refused, the connection stays. */
    FAILS(GDTLS_ERR_ALREADY_IN_USE, GDTLS_ERR_ALREADY_IN_USE, gdtls_packet_peer_dtls_connect_to_peer, (client, u, "localhost", trusting));
    REFUSED(gdtls_packet_peer_dtls_put_packet, (client, NULL, 1));
    REFUSED(gdtls_packet_peer_dtls_put_packet, (client, (const uint8_t *)"x", HUGE_LEN));
    REFUSED(gdtls_packet_peer_dtls_put_packet, (client, (const uint8_t *)"x", HUGE_LEN2));
    int max = gdtls_packet_peer_dtls_get_max_packet_size(client);
    uint8_t *big = calloc(1, (size_t)max + 1);
    REFUSED(gdtls_packet_peer_dtls_put_packet, (client, big, (size_t)max + 1));
    free(big);
    FAILS(GDTLS_ERR_UNAVAILABLE, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_packet, (client, NULL, 0, NULL));
    CHECK(gdtls_packet_peer_dtls_put_packet(client, NULL, 0) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_get_status(client) == GDTLS_STATUS_CONNECTED);

    /* The DTLS server's last handle goes; its connection keeps working. */
    CHECK(gdtls_dtls_server_free(ds) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_put_packet(client, (const uint8_t *)"still here", 10) == GDTLS_OK);
    uint8_t buf[64];
    size_t len = 0;
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_available_packet_count(server_peer) == 0; i++) {
        gdtls_packet_peer_dtls_poll(server_peer);
        sleep_ms(1);
    }
    FAILS(GDTLS_ERR_PARAMETER_RANGE_ERROR, GDTLS_ERR_PARAMETER_RANGE_ERROR, gdtls_packet_peer_dtls_get_packet, (server_peer, NULL, 0, &len));
    CHECK(len == 10);
    REFUSED(gdtls_packet_peer_dtls_get_packet, (server_peer, buf, HUGE_LEN, &len));
    REFUSED(gdtls_packet_peer_dtls_get_packet, (server_peer, buf, HUGE_LEN2, NULL));
    CHECK(gdtls_packet_peer_dtls_get_available_packet_count(server_peer) == 1);
    CHECK(receive(server_peer, buf, sizeof buf, &len) && len == 10 && memcmp(buf, "still here", 10) == 0);
    CHECK(gdtls_packet_peer_dtls_put_packet(server_peer, (const uint8_t *)"pong", 4) == GDTLS_OK);
    CHECK(receive(client, buf, sizeof buf, NULL) && memcmp(buf, "pong", 4) == 0);

    /* Logging off: the disconnect reaches no host. */
    CHECK(gdtls_set_log_callback(NULL, NULL, GDTLS_LOG_NONE) == GDTLS_OK);
    int lines = heard.lines;

    /* Disconnected: polling goes on harmlessly, sending does not; what
     * was negotiated and carried stays readable, the certificate goes. */
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(client) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_disconnect_from_peer(client) == GDTLS_OK);
    QUIET(GDTLS_OK, gdtls_packet_peer_dtls_poll, (client));
    CHECK(gdtls_packet_peer_dtls_get_status(client) == GDTLS_STATUS_DISCONNECTED);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_put_packet, (client, (const uint8_t *)"x", 1));
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_get_packet, (client, buf, sizeof buf, NULL));
    CHECK(gdtls_packet_peer_dtls_get_protocol_version(client, text, sizeof text, NULL) == GDTLS_OK && strcmp(text, "DTLSv1.2") == 0);
    FAILS(NULL, GDTLS_ERR_UNAVAILABLE, gdtls_packet_peer_dtls_get_peer_certificate, (client));
    gdtls_traffic after;
    CHECK(gdtls_packet_peer_dtls_get_traffic(client, &after) == GDTLS_OK && after.datagrams_sent > sent.datagrams_sent);
    for (int i = 0; i < 5000 && gdtls_packet_peer_dtls_get_status(server_peer) == GDTLS_STATUS_CONNECTED; i++) {
        gdtls_packet_peer_dtls_poll(server_peer);
        sleep_ms(1);
    }
    CHECK(gdtls_packet_peer_dtls_get_status(server_peer) == GDTLS_STATUS_DISCONNECTED);
    CHECK(gdtls_packet_peer_dtls_poll(server_peer) == GDTLS_OK);
    FAILS(GDTLS_ERR_UNCONFIGURED, GDTLS_ERR_UNCONFIGURED, gdtls_packet_peer_dtls_put_packet, (server_peer, (const uint8_t *)"x", 1));
    CHECK(heard.lines == lines && stray.lines == 0);

    gdtls_packet_peer_dtls_free(server_peer);
    gdtls_tls_options_free(trusting);
    CHECK(gdtls_crypto_key_free(k) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(c) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(o) == GDTLS_OK);
    CHECK(gdtls_packet_peer_udp_free(u) == GDTLS_OK);
    CHECK(gdtls_udp_server_free(us) == GDTLS_OK);
    CHECK(gdtls_packet_peer_dtls_free(client) == GDTLS_OK);
}

int main(int argc, char **argv) {
    if (argc != 2 || chdir(argv[1]) != 0) return 2;
    CHECK(gdtls_live_handle_count() == 0);
    CHECK(gdtls_get_last_error() == GDTLS_OK && gdtls_get_last_error_message()[0] == '\0');

    key = gdtls_crypto_key_new();
    cert = gdtls_x509_certificate_new();
    CHECK(gdtls_crypto_key_load(key, "key.pem", false) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_load(cert, "cert.pem") == GDTLS_OK);

    gdtls_crypto_key *zoo_key = gdtls_crypto_key_new();
    gdtls_x509_certificate *zoo_cert = gdtls_x509_certificate_new();
    CHECK(gdtls_crypto_key_load(zoo_key, "key.pem", false) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_load(zoo_cert, "cert.pem") == GDTLS_OK);
    live[KEY] = zoo_key;
    live[CERT] = zoo_cert;
    live[OPTIONS] = gdtls_tls_options_server(zoo_key, zoo_cert);
    live[UDP] = gdtls_packet_peer_udp_new();
    CHECK(gdtls_packet_peer_udp_bind(live[UDP], 0, "127.0.0.1", 65536) == GDTLS_OK);
    live[UDP_SERVER] = gdtls_udp_server_new();
    CHECK(gdtls_udp_server_listen(live[UDP_SERVER], 0, "127.0.0.1") == GDTLS_OK);
    live[DTLS] = gdtls_packet_peer_dtls_new();
    live[DTLS_SERVER] = gdtls_dtls_server_new();
    CHECK(gdtls_dtls_server_setup(live[DTLS_SERVER], live[OPTIONS]) == GDTLS_OK);
    for (int c = 0; c < CLASSES; c++) CHECK(live[c] != NULL);

    dead[KEY] = gdtls_crypto_key_new();
    dead[CERT] = gdtls_x509_certificate_new();
    dead[OPTIONS] = gdtls_tls_options_client_unsafe(NULL);
    dead[UDP] = gdtls_packet_peer_udp_new();
    dead[UDP_SERVER] = gdtls_udp_server_new();
    dead[DTLS] = gdtls_packet_peer_dtls_new();
    dead[DTLS_SERVER] = gdtls_dtls_server_new();
    gdtls_crypto_key_free(dead[KEY]);
    gdtls_x509_certificate_free(dead[CERT]);
    gdtls_tls_options_free(dead[OPTIONS]);
    gdtls_packet_peer_udp_free(dead[UDP]);
    gdtls_udp_server_free(dead[UDP_SERVER]);
    gdtls_packet_peer_dtls_free(dead[DTLS]);
    gdtls_dtls_server_free(dead[DTLS_SERVER]);

    gdtls_crypto_key *empty_key = gdtls_crypto_key_new();
    gdtls_x509_certificate *empty_cert = gdtls_x509_certificate_new();
    gdtls_crypto_key *public_key = gdtls_crypto_key_new();
    char pub[2048];
    CHECK(gdtls_crypto_key_save_to_string(key, true, pub, sizeof pub, NULL) == GDTLS_OK);
    CHECK(gdtls_crypto_key_load_from_string(public_key, pub, true) == GDTLS_OK);
    size_t baseline = gdtls_live_handle_count();

    test_library();
    test_free();
    test_generators(empty_key, public_key);
    test_crypto_key(empty_key, public_key);
    test_certificate(empty_cert);
    test_tls_options(empty_key, public_key, empty_cert);
    test_udp_peer();
    test_udp_server();
    test_dtls_server(empty_key, public_key, empty_cert);
    test_dtls_peer(empty_cert);
    test_psk_lookup_lengths();
    test_threads();
    CHECK(gdtls_live_handle_count() == baseline);

    gdtls_crypto_key_free(public_key);
    gdtls_x509_certificate_free(empty_cert);
    gdtls_crypto_key_free(empty_key);
    gdtls_x509_certificate_free(cert);
    gdtls_crypto_key_free(key);
    test_survivors();
    CHECK(gdtls_live_handle_count() == 0);
    return check_summary();
}
