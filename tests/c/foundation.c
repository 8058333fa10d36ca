/* Every function of the foundation (errors, version, proc addresses, crypto
 * keys, certificates, generators, TLS options) called from C through the
 * generated header, with correct use and with misuse. Run under valgrind by
 * tests/c_api.rs. Usage: foundation TMPDIR */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static char tmpdir[512];

static const char *tmp_path(const char *name) {
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

/* save_to_string into a fresh heap string, sized with the query call. */
static char *key_pem(gdtls_crypto_key *key, bool public_only) {
    size_t len = 0;
    if (gdtls_crypto_key_save_to_string(key, public_only, NULL, 0, &len) != GDTLS_ERR_PARAMETER_RANGE_ERROR)
        return NULL;
    char *buf = malloc(len + 1);
    if (gdtls_crypto_key_save_to_string(key, public_only, buf, len + 1, &len) != GDTLS_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static char *cert_pem(gdtls_x509_certificate *cert) {
    size_t len = 0;
    if (gdtls_x509_certificate_save_to_string(cert, NULL, 0, &len) != GDTLS_ERR_PARAMETER_RANGE_ERROR)
        return NULL;
    char *buf = malloc(len + 1);
    if (gdtls_x509_certificate_save_to_string(cert, buf, len + 1, &len) != GDTLS_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void test_errors_and_version(void) {
    CHECK(gdtls_get_last_error() == GDTLS_OK);
    CHECK(strcmp(gdtls_get_last_error_message(), "") == 0);
    CHECK(strcmp(gdtls_version(), GDTLS_VERSION) == 0);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", GDTLS_VERSION_MAJOR, GDTLS_VERSION_MINOR, GDTLS_VERSION_PATCH);
    CHECK(strcmp(gdtls_version(), expected) == 0);

    CHECK(strcmp(gdtls_error_string(GDTLS_OK), "OK") == 0);
    CHECK(strcmp(gdtls_error_string(GDTLS_FAILED), "Failed") == 0);
    CHECK(strcmp(gdtls_error_string(GDTLS_ERR_INVALID_PARAMETER), "Invalid parameter") == 0);
    CHECK(strcmp(gdtls_error_string(GDTLS_ERR_BUSY), "Busy") == 0);
    CHECK(strcmp(gdtls_error_string(GDTLS_ERR_PRINTER_ON_FIRE), "Printer on fire") == 0);
    CHECK(strcmp(gdtls_error_string(49), "Unknown error") == 0);
    CHECK(strcmp(gdtls_error_string(-1), "Unknown error") == 0);
    CHECK(strcmp(gdtls_error_string(INT32_MIN), "Unknown error") == 0);
    /* Godot's numbers, spot-checked against @GlobalScope. */
    CHECK(GDTLS_ERR_UNCONFIGURED == 3 && GDTLS_ERR_ALREADY_IN_USE == 22 && GDTLS_ERR_CANT_CONNECT == 25);
    CHECK(GDTLS_ERR_CONNECTION_ERROR == 27 && GDTLS_ERR_INVALID_DATA == 30 && GDTLS_ERR_INVALID_PARAMETER == 31);
    CHECK(GDTLS_ERR_BUSY == 44 && GDTLS_ERR_PRINTER_ON_FIRE == 48);
}

static void test_proc_address(void) {
    CHECK(gdtls_get_proc_address("gdtls_version") == (gdtls_proc)gdtls_version);
    CHECK(gdtls_get_proc_address("gdtls_get_proc_address") == (gdtls_proc)gdtls_get_proc_address);
    CHECK(gdtls_get_proc_address("gdtls_crypto_key_new") == (gdtls_proc)gdtls_crypto_key_new);
    CHECK(gdtls_get_proc_address(NULL) == NULL);
    CHECK(gdtls_get_proc_address("") == NULL);
    CHECK(gdtls_get_proc_address("gdtls_no_such_function") == NULL);
    CHECK(gdtls_get_proc_address("gdtls_version ") == NULL);
    typedef const char *(*version_fn)(void);
    version_fn v = (version_fn)gdtls_get_proc_address("gdtls_version");
    CHECK(v != NULL && strcmp(v(), GDTLS_VERSION) == 0);
}

static void test_generators(void) {
    CHECK(gdtls_crypto_generate_rsa(0) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "gdtls_crypto_generate_rsa") != NULL);
    CHECK(gdtls_crypto_generate_rsa(-2048) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_rsa(1023) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_rsa(INT32_MAX) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);

    gdtls_crypto_key *key = gdtls_crypto_generate_rsa(1024);
    CHECK(key != NULL);
    CHECK(!gdtls_crypto_key_is_public_only(key));

    gdtls_x509_certificate *cert = gdtls_crypto_generate_self_signed_certificate(key, NULL, NULL, NULL);
    CHECK(cert != NULL);
    CHECK(gdtls_x509_certificate_get_count(cert) == 1);
    gdtls_x509_certificate *named =
        gdtls_crypto_generate_self_signed_certificate(key, "CN=localhost,O=gdtls,C=NL", "20200101000000", "20991231235959");
    CHECK(named != NULL);

    /* Malformed times and names, and keys that cannot sign. */
    CHECK(gdtls_crypto_generate_self_signed_certificate(key, NULL, "2014", NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_self_signed_certificate(key, NULL, NULL, "20341301000000") == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_self_signed_certificate(key, NULL, "2014010100000x", NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_self_signed_certificate(key, "no equals sign", NULL, NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_self_signed_certificate(key, "CN=\xff\xfe", NULL, NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_self_signed_certificate(NULL, NULL, NULL, NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    gdtls_crypto_key *empty = gdtls_crypto_key_new();
    CHECK(gdtls_crypto_generate_self_signed_certificate(empty, NULL, NULL, NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_UNCONFIGURED);
    char *pub = key_pem(key, true);
    CHECK(pub != NULL && strstr(pub, "-----BEGIN PUBLIC KEY-----") == pub);
    gdtls_crypto_key *public_key = gdtls_crypto_key_new();
    CHECK(gdtls_crypto_key_load_from_string(public_key, pub, true) == GDTLS_OK);
    CHECK(gdtls_crypto_generate_self_signed_certificate(public_key, NULL, NULL, NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);

    free(pub);
    CHECK(gdtls_crypto_key_free(public_key) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(empty) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(named) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(cert) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(key) == GDTLS_OK);
}

static void test_crypto_key(void) {
    gdtls_crypto_key *empty = gdtls_crypto_key_new();
    CHECK(empty != NULL);
    CHECK(gdtls_crypto_key_is_public_only(empty));
    size_t len = 12345;
    CHECK_ERR(gdtls_crypto_key_save_to_string(empty, false, NULL, 0, &len), GDTLS_ERR_UNCONFIGURED);
    CHECK_ERR(gdtls_crypto_key_save(empty, tmp_path("empty.key"), false), GDTLS_ERR_UNCONFIGURED);

    gdtls_crypto_key *key = gdtls_crypto_generate_rsa(1024);
    char *private_pem = key_pem(key, false);
    char *public_pem = key_pem(key, true);
    CHECK(private_pem != NULL && strstr(private_pem, "PRIVATE KEY-----") != NULL);
    CHECK(public_pem != NULL && strstr(public_pem, "-----BEGIN PUBLIC KEY-----") == public_pem);

    /* A buffer one byte short loses nothing and says the size needed. */
    size_t needed = 0;
    char small[8] = "xxxxxxx";
    CHECK_ERR(gdtls_crypto_key_save_to_string(key, false, small, sizeof small, &needed), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    CHECK(needed == strlen(private_pem));
    CHECK(strcmp(small, "xxxxxxx") == 0);
    char *exact = malloc(needed);
    CHECK_ERR(gdtls_crypto_key_save_to_string(key, false, exact, needed, &len), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    free(exact);
    CHECK(gdtls_crypto_key_save_to_string(key, false, small, sizeof small, NULL) == GDTLS_ERR_PARAMETER_RANGE_ERROR);

    /* Round trips through strings and files. */
    gdtls_crypto_key *copy = gdtls_crypto_key_new();
    CHECK(gdtls_crypto_key_load_from_string(copy, private_pem, false) == GDTLS_OK);
    CHECK(!gdtls_crypto_key_is_public_only(copy));
    char *again = key_pem(copy, false);
    CHECK(again != NULL && strcmp(again, private_pem) == 0);
    free(again);

    CHECK(gdtls_crypto_key_save(key, tmp_path("key.pem"), false) == GDTLS_OK);
    CHECK(gdtls_crypto_key_save(key, tmp_path("key.pub"), true) == GDTLS_OK);
    gdtls_crypto_key *from_file = gdtls_crypto_key_new();
    CHECK(gdtls_crypto_key_load(from_file, tmp_path("key.pem"), false) == GDTLS_OK);
    again = key_pem(from_file, false);
    CHECK(again != NULL && strcmp(again, private_pem) == 0);
    free(again);
    gdtls_crypto_key *pub_file = gdtls_crypto_key_new();
    CHECK(gdtls_crypto_key_load(pub_file, tmp_path("key.pub"), true) == GDTLS_OK);
    CHECK(gdtls_crypto_key_is_public_only(pub_file));
    again = key_pem(pub_file, false); /* a public-only key saves its public part */
    CHECK(again != NULL && strcmp(again, public_pem) == 0);
    free(again);
    /* A public key is not a private key, and the other way round. */
    CHECK_ERR(gdtls_crypto_key_load(pub_file, tmp_path("key.pub"), false), GDTLS_FAILED);
    CHECK(gdtls_crypto_key_is_public_only(pub_file));

    /* Bad input: the previous content survives every failed load. */
    CHECK_ERR(gdtls_crypto_key_load(copy, tmp_path("missing.pem"), false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "missing.pem") != NULL);
    CHECK_ERR(gdtls_crypto_key_load(copy, tmpdir, false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_load_from_string(copy, "-----BEGIN RSA PRIVATE KEY-----\ngarbage\n-----END RSA PRIVATE KEY-----\n", false), GDTLS_FAILED);
    CHECK(strstr(gdtls_get_last_error_message(), "mbedTLS") != NULL);
    CHECK_ERR(gdtls_crypto_key_load_from_string(copy, "", false), GDTLS_FAILED);
    CHECK_ERR(gdtls_crypto_key_load_from_string(copy, "not a key at all", true), GDTLS_FAILED);
    CHECK_ERR(gdtls_crypto_key_load_from_string(copy, NULL, false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_load_from_string(copy, "\xff\xfe\xfd", false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_load(copy, NULL, false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_save(copy, "/nonexistent-dir/key.pem", false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_save(copy, NULL, false), GDTLS_ERR_INVALID_PARAMETER);
    again = key_pem(copy, false);
    CHECK(again != NULL && strcmp(again, private_pem) == 0);
    free(again);

    free(private_pem);
    free(public_pem);
    CHECK(gdtls_crypto_key_free(pub_file) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(from_file) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(copy) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(key) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(empty) == GDTLS_OK);
}

static void test_certificate(void) {
    gdtls_x509_certificate *empty = gdtls_x509_certificate_new();
    CHECK(empty != NULL);
    CHECK(gdtls_x509_certificate_get_count(empty) == 0);
    CHECK_ERR(gdtls_x509_certificate_save_to_string(empty, NULL, 0, NULL), GDTLS_ERR_UNCONFIGURED);
    CHECK_ERR(gdtls_x509_certificate_save(empty, tmp_path("empty.crt")), GDTLS_ERR_UNCONFIGURED);

    gdtls_crypto_key *key = gdtls_crypto_generate_rsa(1024);
    gdtls_x509_certificate *a = gdtls_crypto_generate_self_signed_certificate(key, "CN=a", NULL, NULL);
    gdtls_x509_certificate *b = gdtls_crypto_generate_self_signed_certificate(key, "CN=b", NULL, NULL);
    char *pem_a = cert_pem(a), *pem_b = cert_pem(b);
    CHECK(pem_a != NULL && strstr(pem_a, "-----BEGIN CERTIFICATE-----\n") == pem_a);
    CHECK(pem_b != NULL && strcmp(pem_a, pem_b) != 0);

    /* A chain of two is kept whole, in order, through strings and files. */
    size_t chain_len = strlen(pem_a) + strlen(pem_b);
    char *chain_text = malloc(chain_len + 1);
    strcpy(chain_text, pem_a);
    strcat(chain_text, pem_b);
    gdtls_x509_certificate *chain = gdtls_x509_certificate_new();
    CHECK(gdtls_x509_certificate_load_from_string(chain, chain_text) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_count(chain) == 2);
    char *chain_out = cert_pem(chain);
    CHECK(chain_out != NULL && strcmp(chain_out, chain_text) == 0);
    free(chain_out);
    CHECK(gdtls_x509_certificate_save(chain, tmp_path("chain.crt")) == GDTLS_OK);
    gdtls_x509_certificate *from_file = gdtls_x509_certificate_new();
    CHECK(gdtls_x509_certificate_load(from_file, tmp_path("chain.crt")) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_count(from_file) == 2);
    chain_out = cert_pem(from_file);
    CHECK(chain_out != NULL && strcmp(chain_out, chain_text) == 0);
    free(chain_out);

    size_t needed = 0;
    char small[16];
    CHECK_ERR(gdtls_x509_certificate_save_to_string(chain, small, sizeof small, &needed), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    CHECK(needed == chain_len);

    /* Bad input: nothing loaded, the chain is kept. */
    CHECK_ERR(gdtls_x509_certificate_load(chain, tmp_path("missing.crt")), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_x509_certificate_load_from_string(chain, "garbage"), GDTLS_FAILED);
    CHECK_ERR(gdtls_x509_certificate_load_from_string(chain, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), GDTLS_FAILED);
    /* One good certificate followed by a broken one is refused whole. */
    char *half = malloc(strlen(pem_a) + 64);
    strcpy(half, pem_a);
    strcat(half, "-----BEGIN CERTIFICATE-----\nAAAA\n");
    CHECK_ERR(gdtls_x509_certificate_load_from_string(chain, half), GDTLS_FAILED);
    free(half);
    CHECK_ERR(gdtls_x509_certificate_load_from_string(chain, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_x509_certificate_load_from_string(chain, "\xc3\x28"), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_x509_certificate_load(chain, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_x509_certificate_save(chain, "/nonexistent-dir/c.crt"), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_x509_certificate_get_count(chain) == 2);

    free(chain_text);
    free(pem_a);
    free(pem_b);
    CHECK(gdtls_x509_certificate_free(from_file) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(chain) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(b) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(a) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(empty) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(key) == GDTLS_OK);
}

static void test_tls_options(void) {
    gdtls_crypto_key *key = gdtls_crypto_generate_rsa(1024);
    gdtls_crypto_key *other_key = gdtls_crypto_generate_rsa(1024);
    gdtls_x509_certificate *cert = gdtls_crypto_generate_self_signed_certificate(key, "CN=localhost", NULL, NULL);
    char *cert_text = cert_pem(cert);
    char *key_text = key_pem(key, false);
    char name[64];
    size_t len = 0;

    gdtls_tls_options *client = gdtls_tls_options_client(NULL, NULL);
    CHECK(client != NULL);
    CHECK(!gdtls_tls_options_is_server(client) && !gdtls_tls_options_is_unsafe_client(client));
    CHECK(gdtls_tls_options_get_common_name_override(client, name, sizeof name, &len) == GDTLS_OK);
    CHECK(len == 0 && name[0] == '\0');
    CHECK(gdtls_tls_options_get_trusted_ca_chain(client) == NULL);
    CHECK(gdtls_tls_options_get_private_key(client) == NULL);
    CHECK(gdtls_tls_options_get_own_certificate(client) == NULL);

    gdtls_tls_options *pinned = gdtls_tls_options_client(cert, "example.com");
    CHECK(pinned != NULL);
    CHECK(gdtls_tls_options_get_common_name_override(pinned, name, sizeof name, &len) == GDTLS_OK);
    CHECK(len == 11 && strcmp(name, "example.com") == 0);
    CHECK_ERR(gdtls_tls_options_get_common_name_override(pinned, name, 11, &len), GDTLS_ERR_PARAMETER_RANGE_ERROR);
    gdtls_x509_certificate *ca = gdtls_tls_options_get_trusted_ca_chain(pinned);
    CHECK(ca != NULL);
    char *ca_text = cert_pem(ca);
    CHECK(ca_text != NULL && strcmp(ca_text, cert_text) == 0);
    free(ca_text);
    CHECK(gdtls_x509_certificate_free(ca) == GDTLS_OK);

    gdtls_tls_options *unsafe_client = gdtls_tls_options_client_unsafe(NULL);
    CHECK(unsafe_client != NULL && gdtls_tls_options_is_unsafe_client(unsafe_client));
    CHECK(!gdtls_tls_options_is_server(unsafe_client));
    gdtls_tls_options *unsafe_ca = gdtls_tls_options_client_unsafe(cert);
    CHECK(unsafe_ca != NULL);
    ca = gdtls_tls_options_get_trusted_ca_chain(unsafe_ca);
    CHECK(ca != NULL);
    CHECK(gdtls_x509_certificate_free(ca) == GDTLS_OK);

    gdtls_tls_options *server = gdtls_tls_options_server(key, cert);
    CHECK(server != NULL && gdtls_tls_options_is_server(server) && !gdtls_tls_options_is_unsafe_client(server));
    CHECK(gdtls_tls_options_get_trusted_ca_chain(server) == NULL);

    /* Refusals: mismatched, public-only, empty or missing key or cert. */
    CHECK(gdtls_tls_options_server(other_key, cert) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "does not match") != NULL);
    gdtls_crypto_key *public_key = gdtls_crypto_key_new();
    char *pub = key_pem(key, true);
    CHECK(gdtls_crypto_key_load_from_string(public_key, pub, true) == GDTLS_OK);
    free(pub);
    CHECK(gdtls_tls_options_server(public_key, cert) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    gdtls_crypto_key *empty_key = gdtls_crypto_key_new();
    gdtls_x509_certificate *empty_cert = gdtls_x509_certificate_new();
    CHECK(gdtls_tls_options_server(empty_key, cert) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_server(key, empty_cert) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_server(NULL, cert) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_server(key, NULL) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_client(empty_cert, NULL) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_client_unsafe(empty_cert) == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_client(cert, "\xff") == NULL && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);

    /* The options keep key and certificate alive after the caller lets go. */
    CHECK(gdtls_crypto_key_free(key) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(cert) == GDTLS_OK);
    gdtls_crypto_key *held_key = gdtls_tls_options_get_private_key(server);
    gdtls_x509_certificate *held_cert = gdtls_tls_options_get_own_certificate(server);
    CHECK(held_key != NULL && held_cert != NULL);
    char *held_key_text = key_pem(held_key, false);
    char *held_cert_text = cert_pem(held_cert);
    CHECK(held_key_text != NULL && strcmp(held_key_text, key_text) == 0);
    CHECK(held_cert_text != NULL && strcmp(held_cert_text, cert_text) == 0);
    free(held_key_text);
    free(held_cert_text);
    CHECK(gdtls_crypto_key_free(held_key) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(held_cert) == GDTLS_OK);

    /* Wrong-class handles are refused, whichever class they really are. */
    CHECK(gdtls_tls_options_is_server((gdtls_tls_options *)empty_key) == false);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "gdtls_crypto_key") != NULL);
    CHECK(gdtls_tls_options_client((gdtls_x509_certificate *)server, NULL) == NULL);
    CHECK(gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_tls_options_get_common_name_override(NULL, name, sizeof name, &len) == GDTLS_ERR_INVALID_PARAMETER);

    free(cert_text);
    free(key_text);
    CHECK(gdtls_crypto_key_free(empty_key) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(empty_cert) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(public_key) == GDTLS_OK);
    CHECK(gdtls_crypto_key_free(other_key) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(server) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(unsafe_ca) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(unsafe_client) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(pinned) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(client) == GDTLS_OK);
}

static void test_handle_misuse(void) {
    gdtls_crypto_key *key = gdtls_crypto_key_new();
    gdtls_x509_certificate *cert = gdtls_x509_certificate_new();

    /* NULL */
    CHECK(gdtls_crypto_key_free(NULL) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(NULL) == GDTLS_OK);
    CHECK(gdtls_tls_options_free(NULL) == GDTLS_OK);
    CHECK_ERR(gdtls_crypto_key_load_from_string(NULL, "x", false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_save_to_string(NULL, false, NULL, 0, NULL), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(!gdtls_crypto_key_is_public_only(NULL) && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_x509_certificate_get_count(NULL) == 0 && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);

    /* Wrong type: refused, and the object is untouched. */
    CHECK_ERR(gdtls_crypto_key_free((gdtls_crypto_key *)cert), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "gdtls_x509_certificate") != NULL);
    CHECK_ERR(gdtls_x509_certificate_load((gdtls_x509_certificate *)key, tmp_path("chain.crt")), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_x509_certificate_get_count(cert) == 0 && gdtls_get_last_error() == GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_x509_certificate_load(cert, tmp_path("chain.crt")) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_get_count(cert) == 2);

    /* Made-up pointers, including one to real memory, are never touched. */
    int on_stack = 42;
    CHECK_ERR(gdtls_crypto_key_save(( gdtls_crypto_key *)&on_stack, tmp_path("x"), false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_crypto_key_free((gdtls_crypto_key *)(uintptr_t)0x1234), GDTLS_ERR_INVALID_PARAMETER);
    CHECK_ERR(gdtls_x509_certificate_free((gdtls_x509_certificate *)(uintptr_t)UINTPTR_MAX), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(on_stack == 42);

    /* Use after free and double free. */
    CHECK(gdtls_crypto_key_free(key) == GDTLS_OK);
    CHECK_ERR(gdtls_crypto_key_free(key), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(strstr(gdtls_get_last_error_message(), "not a live") != NULL);
    CHECK_ERR(gdtls_crypto_key_load(key, tmp_path("key.pem"), false), GDTLS_ERR_INVALID_PARAMETER);
    CHECK(gdtls_crypto_generate_self_signed_certificate(key, NULL, NULL, NULL) == NULL);
    CHECK(gdtls_tls_options_server(key, cert) == NULL);
    /* A new object never reuses a freed handle. */
    gdtls_crypto_key *fresh = gdtls_crypto_key_new();
    CHECK(fresh != key);
    CHECK(gdtls_crypto_key_free(fresh) == GDTLS_OK);
    CHECK(gdtls_x509_certificate_free(cert) == GDTLS_OK);
    CHECK_ERR(gdtls_x509_certificate_free(cert), GDTLS_ERR_INVALID_PARAMETER);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s TMPDIR\n", argv[0]);
        return 2;
    }
    snprintf(tmpdir, sizeof tmpdir, "%s", argv[1]);
    size_t baseline = gdtls_live_handle_count();

    test_errors_and_version();
    test_proc_address();
    test_generators();
    test_crypto_key();
    test_certificate();
    test_tls_options();
    test_handle_misuse();

    /* Every handle made above was freed. */
    CHECK(gdtls_live_handle_count() == baseline);
    return check_summary();
}
