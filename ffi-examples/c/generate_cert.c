/* Godot's Crypto example in C: generate an RSA key and a self-signed
 * certificate, save both, and print them.
 *
 *   var crypto = Crypto.new()
 *   var key = crypto.generate_rsa(4096)
 *   var cert = crypto.generate_self_signed_certificate(key, "CN=mydomain.com,O=My Game Company,C=IT")
 *   key.save("user://generated.key")
 *   cert.save("user://generated.crt")
 *
 * Usage: generate_cert [OUTDIR]   (writes OUTDIR/generated.key and .crt) */
#include <stdio.h>
#include <stdlib.h>

#include "gdtls.h"

/* Prints what went wrong in the last gdtls call and exits. */
static void fail(const char *what) {
    fprintf(stderr, "%s: %s (%s)\n", what, gdtls_get_last_error_message(),
            gdtls_error_string(gdtls_get_last_error()));
    exit(1);
}

/* A certificate as PEM text in a heap buffer: ask for the size, then fetch. */
static char *certificate_text(gdtls_x509_certificate *cert) {
    size_t len = 0;
    gdtls_x509_certificate_save_to_string(cert, NULL, 0, &len);
    char *text = malloc(len + 1);
    if (!text || gdtls_x509_certificate_save_to_string(cert, text, len + 1, &len) != GDTLS_OK)
        fail("certificate to string");
    return text;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    char key_path[1024], cert_path[1024];
    snprintf(key_path, sizeof key_path, "%s/generated.key", dir);
    snprintf(cert_path, sizeof cert_path, "%s/generated.crt", dir);

    printf("gdtls %s\n", gdtls_version());
    gdtls_crypto_key *key = gdtls_crypto_generate_rsa(2048);
    if (!key) fail("generate_rsa");
    gdtls_x509_certificate *cert = gdtls_crypto_generate_self_signed_certificate(
        key, "CN=mydomain.com,O=My Game Company,C=IT", NULL, NULL);
    if (!cert) fail("generate_self_signed_certificate");

    if (gdtls_crypto_key_save(key, key_path, false) != GDTLS_OK) fail("save key");
    if (gdtls_x509_certificate_save(cert, cert_path) != GDTLS_OK) fail("save certificate");
    printf("saved %s and %s\n", key_path, cert_path);

    char *text = certificate_text(cert);
    fputs(text, stdout);
    free(text);

    gdtls_x509_certificate_free(cert);
    gdtls_crypto_key_free(key);
    return 0;
}
