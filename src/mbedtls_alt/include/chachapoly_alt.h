/* ChaCha20-Poly1305 for gdtls's mbedTLS (MBEDTLS_CHACHAPOLY_ALT): the
 * mbedtls_chachapoly_* functions of chachapoly.h are gdtls's, in
 * src/mbedtls_alt, running AWS-LC's AEAD (assembly with SSE and AVX2 code
 * chosen at run time, constant-time). */
#ifndef GDTLS_CHACHAPOLY_ALT_H
#define GDTLS_CHACHAPOLY_ALT_H

typedef struct mbedtls_chachapoly_context {
    unsigned char key[32];
    /* The message of a piecewise operation (mbedtls_chachapoly_starts to
     * mbedtls_chachapoly_finish), owned by that code; NULL outside one. */
    void *message;
} mbedtls_chachapoly_context;

#endif
