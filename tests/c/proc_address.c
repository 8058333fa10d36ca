/* A plugin host's view: dlopen the library, find gdtls_get_proc_address with
 * dlsym, and resolve every function the header declares through it; call a
 * few through the header's function pointer types.
 * Usage: proc_address LIBGDTLS.so NAMES.txt (one function name a line). */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdtls.h"

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s LIB NAMES\n", argv[0]);
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "dlopen: %s\n", dlerror());
        return 2;
    }
    int passed = 0, failed = 0;
    gdtls_get_proc_address_fn get_proc = (gdtls_get_proc_address_fn)dlsym(lib, "gdtls_get_proc_address");
    if (get_proc) passed++; else failed++;

    FILE *names = fopen(argv[2], "r");
    char name[256];
    while (names && fgets(name, sizeof name, names)) {
        name[strcspn(name, "\n")] = '\0';
        void *expected = dlsym(lib, name);
        gdtls_proc got = get_proc ? get_proc(name) : NULL;
        if (expected && (void *)got == expected) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "%s: proc address %p, dlsym %p\n", name, (void *)got, expected);
        }
    }
    if (names) fclose(names);
    /* Typed calls through the table a host would keep. */
    if (get_proc) {
        gdtls_version_fn version = (gdtls_version_fn)get_proc("gdtls_version");
        gdtls_udp_server_new_fn server_new = (gdtls_udp_server_new_fn)get_proc("gdtls_udp_server_new");
        gdtls_udp_server_listen_fn listen = (gdtls_udp_server_listen_fn)get_proc("gdtls_udp_server_listen");
        gdtls_udp_server_free_fn server_free = (gdtls_udp_server_free_fn)get_proc("gdtls_udp_server_free");
        if (version && strcmp(version(), GDTLS_VERSION) == 0) passed++; else failed++;
        gdtls_udp_server *server = server_new ? server_new() : NULL;
        if (server && listen && listen(server, 0, "127.0.0.1") == GDTLS_OK) passed++; else failed++;
        if (server_free && server_free(server) == GDTLS_OK) passed++; else failed++;
    }
    /* Unknown and NULL names resolve to NULL. */
    if (get_proc && get_proc("gdtls_nothing") == NULL) passed++; else failed++;
    if (get_proc && get_proc(NULL) == NULL) passed++; else failed++;
    dlclose(lib);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
