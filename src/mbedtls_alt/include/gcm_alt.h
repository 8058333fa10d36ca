/* AES-GCM for gdtls's mbedTLS (MBEDTLS_GCM_ALT): the mbedtls_gcm_*
 * functions of gcm.h are gdtls's, in src/mbedtls_alt, running AWS-LC's
 * AEAD (AES-NI and carry-less multiplication, VAES and AVX-512 where the
 * CPU has them, chosen at run time; constant-time). */
#ifndef GDTLS_GCM_ALT_H
#define GDTLS_GCM_ALT_H

typedef struct mbedtls_gcm_context {
    /* The AES key, set up afresh for each message. */
    unsigned char key[32];
    /* Its length in bytes (16, 24 or 32); 0 before mbedtls_gcm_setkey. */
    unsigned char key_len;
    /* The message of a piecewise operation (mbedtls_gcm_starts to
     * mbedtls_gcm_finish), owned by that code; NULL outside one. */
    void *message;
} mbedtls_gcm_context;

#endif
