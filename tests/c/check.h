/* A minimal assertion helper for the C tests: every CHECK counts, a failure
 * prints where and why, and check_summary() prints "N passed, N failed" and
 * gives the exit status. */
#ifndef GDTLS_TEST_CHECK_H
#define GDTLS_TEST_CHECK_H

#include <stdio.h>
#include "gdtls.h"

static int check_passed, check_failed;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (cond) {                                                              \
            check_passed++;                                                      \
        } else {                                                                 \
            check_failed++;                                                      \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n  last error: %s\n",       \
                    __FILE__, __LINE__, #cond, gdtls_get_last_error_message());  \
        }                                                                        \
    } while (0)

/* A call that must fail with `code` and leave a message naming the problem. */
#define CHECK_ERR(call, code)                                                    \
    do {                                                                         \
        int check_err_got = (int)(call);                                         \
        CHECK(check_err_got == (int)(code));                                     \
        CHECK(gdtls_get_last_error() == (code));                                 \
        CHECK(gdtls_get_last_error_message()[0] != '\0');                        \
    } while (0)

static int check_summary(void) {
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

#endif
