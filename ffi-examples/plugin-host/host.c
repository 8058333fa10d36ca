/* A plugin host's use of gdtls: it does not link the library but loads it at
 * run time, as GDExtension hosts load theirs. One symbol is looked up with
 * dlsym, gdtls_get_proc_address; every other function of the header is
 * resolved through it into a table typed with the header's gdtls_<name>_fn
 * types, filled by the GDTLS_FUNCTIONS list so that none can be missed. The
 * host checks that the library is the version the header describes, then
 * runs the client of Godot's DTLSServer example (client.gd) through the
 * table, with the command line of every port (ffi-examples/README.md).
 *
 * Usage: GDTLS_LIBRARY=/path/to/libgdtls.so plugin_host HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]
 *        (without GDTLS_LIBRARY, libgdtls.so.<major> is looked up by the
 *        system's loader) */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gdtls.h"

#define STRINGIFY(x) #x
#define SONAME(major) "libgdtls.so." STRINGIFY(major)

/* The host's table: one typed pointer per function of the header. */
static struct {
#define FIELD(name) name##_fn name;
    GDTLS_FUNCTIONS(FIELD)
#undef FIELD
} gd;

/* Loads the library and fills the table; says what is wrong otherwise. */
static int load_gdtls(void) {
    const char *path = getenv("GDTLS_LIBRARY");
    if (!path || !*path) path = SONAME(GDTLS_VERSION_MAJOR);
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "cannot load gdtls: %s\n", dlerror());
        return 0;
    }
    /* A data pointer converted to a function pointer: what dlsym's manual
     * page prescribes for POSIX. */
    gdtls_get_proc_address_fn get_proc;
    *(void **)&get_proc = dlsym(lib, "gdtls_get_proc_address");
    if (!get_proc) {
        fprintf(stderr, "%s has no gdtls_get_proc_address\n", path);
        return 0;
    }
    int missing = 0;
#define RESOLVE(name)                                                   \
    gd.name = (name##_fn)get_proc(#name);                               \
    if (!gd.name) {                                                     \
        fprintf(stderr, "%s lacks %s\n", path, #name);                  \
        missing++;                                                      \
    }
    GDTLS_FUNCTIONS(RESOLVE)
#undef RESOLVE
    if (missing) return 0;
    /* The library must be the header's major version, and at least its
     * minor one: it may add functions, never take them away. */
    int major = -1, minor = -1;
    const char *version = gd.gdtls_version();
    if (sscanf(version, "%d.%d", &major, &minor) != 2 || major != GDTLS_VERSION_MAJOR ||
        minor < GDTLS_VERSION_MINOR) {
        fprintf(stderr, "gdtls %s is loaded, the host was built for %s\n", version, GDTLS_VERSION);
        return 0;
    }
    return 1;
}

/* client.gd, through the table. */
static gdtls_packet_peer_dtls *dtls; /* var dtls := PacketPeerDTLS.new() */
static gdtls_packet_peer_udp *udp;   /* var udp := PacketPeerUDP.new() */
static bool connected = false;

static void ready(const char *host, int port, gdtls_x509_certificate *trusted, const char *hostname) {
    dtls = gd.gdtls_packet_peer_dtls_new();
    udp = gd.gdtls_packet_peer_udp_new();
    gdtls_error err = gd.gdtls_packet_peer_udp_connect_to_host(udp, host, port);
    if (err == GDTLS_OK) {
        if (!trusted) /* Use true in production for certificate validation! */
            err = gd.gdtls_packet_peer_dtls_connect_to_peer_godot3(dtls, udp, false, NULL, NULL);
        else
            err = gd.gdtls_packet_peer_dtls_connect_to_peer_godot3(dtls, udp, true, hostname, trusted);
    }
    if (err != GDTLS_OK) {
        fprintf(stderr, "connect: %s\n", gd.gdtls_get_last_error_message());
        exit(1);
    }
}

static void process(void) {
    gd.gdtls_packet_peer_dtls_poll(dtls);
    if (gd.gdtls_packet_peer_dtls_get_status(dtls) == GDTLS_STATUS_CONNECTED) {
        if (!connected) {
            /* Try to contact server */
            const char *text = "The answer is... 42!";
            gd.gdtls_packet_peer_dtls_put_packet(dtls, (const uint8_t *)text, strlen(text));
        }
        while (gd.gdtls_packet_peer_dtls_get_available_packet_count(dtls) > 0) {
            char text[2048];
            size_t len = 0;
            if (gd.gdtls_packet_peer_dtls_get_packet(dtls, (uint8_t *)text, sizeof text - 1, &len) != GDTLS_OK) break;
            text[len] = '\0';
            printf("Connected: %s\n", text);
            fflush(stdout);
            connected = true;
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s HOST PORT [TIMEOUT [CA_CERT HOSTNAME]]\n", argv[0]);
        return 2;
    }
    if (!load_gdtls()) return 2;
    int timeout = argc > 3 ? atoi(argv[3]) : 10;
    gdtls_x509_certificate *trusted = NULL;
    if (argc > 5) {
        trusted = gd.gdtls_x509_certificate_new();
        if (gd.gdtls_x509_certificate_load(trusted, argv[4]) != GDTLS_OK) {
            fprintf(stderr, "load %s: %s\n", argv[4], gd.gdtls_get_last_error_message());
            return 1;
        }
    }
    ready(argv[1], atoi(argv[2]), trusted, argc > 5 ? argv[5] : NULL);
    gd.gdtls_x509_certificate_free(trusted); /* the DTLS peer keeps what it needs */
    struct timespec start, now, frame = {0, 1000000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        process();
        nanosleep(&frame, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (!connected && now.tv_sec - start.tv_sec < timeout);
    gd.gdtls_packet_peer_dtls_disconnect_from_peer(dtls);
    gd.gdtls_packet_peer_dtls_free(dtls);
    gd.gdtls_packet_peer_udp_free(udp);
    return connected ? 0 : 1;
}
