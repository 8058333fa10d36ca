/*
 * OpenSSL 3's side of `make bench`: the scenarios of benches/bench.rs on
 * libssl's DTLS 1.2, both ends in this one process and thread, over
 * non-blocking UDP sockets on 127.0.0.1, in the same loop shapes.
 *
 * Usage: bench RSA_KEY RSA_CERT ECDSA_KEY ECDSA_CERT WINDOW_MS LATENCY_MS
 * The keys and certificates (PEM, for "localhost") are those gdtls's side
 * uses, written by benches/bench.rs. WINDOW_MS is how long the handshake
 * and echo scenarios run, LATENCY_MS the ping scenario.
 * Output: "version: <OpenSSL's version>", "suite: <the echo connection's
 * suite>" and one "bench KEY: NUMBER" line per figure; exit status 0 when
 * every scenario ran, 1 (with the reason on stderr) otherwise.
 *
 * The server is run as OpenSSL's DTLS servers are: one listening socket,
 * on which DTLSv1_listen answers new sources with a cookie; a client whose
 * cookie verifies gets a socket of its own, bound to the server's port and
 * connected to the client, and the kernel routes its datagrams there. gdtls
 * instead reads one socket and routes the datagrams itself. The clients
 * verify the certificate and the host name; both ends offer the
 * forward-secret AEAD suites gdtls offers (ECDHE with AES-GCM or
 * ChaCha20-Poly1305) and OpenSSL picks among them.
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>

/* No scenario may take longer; a burst that does is reported as this. */
#define LIMIT_S 30.0
#define BURST 50
#define BIG_BURST 200
#define PAYLOAD 1000
#define IN_FLIGHT 32
#define PING 100
/* An echo this late means the datagrams in flight were lost. */
#define STALL_S 0.1
#define WARM_UP 5
#define SESSIONS 50
#define MANY_SESSIONS 1000
#define IDLE_FRAMES 200
#define FLOOD_SOURCES 500
#define HELLOS_PER_SOURCE 10
/* A server that read nothing for this long has answered the flood. */
#define FLOOD_IDLE_S 0.2
/* Handshake type of a HelloVerifyRequest, after the 13-byte record header. */
#define HELLO_VERIFY_REQUEST 3
/*
 * gdtls cuts its datagrams at 1200 bytes (its DTLS_MTU); OpenSSL would ask
 * the socket, and loopback's 64 KiB would send every flight whole.
 */
#define MTU 1200
/*
 * The receive buffer the listening socket asks for, as gdtls's UDPServer
 * does for its socket: a burst of ClientHellos waits there instead of
 * being dropped by the system (the default holds about 160 of them).
 */
#define LISTENER_RECV_BUFFER (8 << 20)

/*
 * The suites gdtls offers, in its order on a CPU with AES instructions:
 * both libraries then run AES-128-GCM.
 */
static const char SUITES[] = "ECDHE+AESGCM+AES128:ECDHE+CHACHA20:ECDHE+AESGCM+AES256";

static double window_s;
static double latency_window_s;
static unsigned char cookie_secret[32];

static _Noreturn void fail(const char *format, ...)
{
    va_list args;
    fputs("bench.c: ", stderr);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    ERR_print_errors_fp(stderr);
    exit(1);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void out(const char *key, double value)
{
    printf("bench %s: %.3f\n", key, value);
    fflush(stdout);
}

/* This process's resident memory (VmRSS), in KiB. */
static long resident_kib(void)
{
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (status && kib < 0 && fgets(line, sizeof line, status))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kib = strtol(line + 6, NULL, 10);
    if (status)
        fclose(status);
    if (kib < 0)
        fail("no VmRSS in /proc/self/status");
    return kib;
}

/*
 * The growing arrays' room for one more: `at` holds `n` of its `*cap`
 * elements of `size` bytes; when full, it doubles.
 */
static void *room_for_one(void *at, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return at;
    *cap = *cap ? 2 * *cap : 64;
    at = realloc(at, *cap * size);
    if (!at)
        fail("out of memory");
    return at;
}

/* The timed samples of one scenario, in seconds. */
struct samples {
    double *at;
    size_t n, cap;
};

static void add_sample(struct samples *s, double value)
{
    s->at = room_for_one(s->at, s->n, &s->cap, sizeof *s->at);
    s->at[s->n++] = value;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The `pct`th percentile of the samples, in microseconds; sorts them. */
static double percentile_us(struct samples *s, size_t pct)
{
    if (s->n == 0)
        fail("no samples");
    qsort(s->at, s->n, sizeof *s->at, by_value);
    size_t at = s->n * pct / 100;
    return 1e6 * s->at[at < s->n ? at : s->n - 1];
}

static struct sockaddr_in loopback(uint16_t port)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    return addr;
}

static struct sockaddr_in local_address(int fd)
{
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    if (getsockname(fd, (struct sockaddr *)&addr, &len) != 0)
        fail("getsockname: %s", strerror(errno));
    return addr;
}

static void share_port(int fd)
{
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
        fail("SO_REUSEADDR: %s", strerror(errno));
}

/*
 * A non-blocking UDP socket bound to `local` (port 0: any), connected to
 * `peer` when given. When `shared`, other sockets may bind its port too: a
 * port given is shared before binding it, port 0 only after, as Linux may
 * hand a socket that shares any port one that another such socket holds.
 */
static int udp_socket(const struct sockaddr_in *local, bool shared, const struct sockaddr_in *peer)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || fcntl(fd, F_SETFL, O_NONBLOCK) != 0)
        fail("UDP socket: %s", strerror(errno));
    if (shared && local->sin_port != 0)
        share_port(fd);
    if (bind(fd, (const struct sockaddr *)local, sizeof *local) != 0)
        fail("bind: %s", strerror(errno));
    if (shared && local->sin_port == 0)
        share_port(fd);
    if (peer && connect(fd, (const struct sockaddr *)peer, sizeof *peer) != 0)
        fail("connect: %s", strerror(errno));
    return fd;
}

static bool datagram_waiting(int fd, int timeout_ms)
{
    struct pollfd p = { .fd = fd, .events = POLLIN };
    return poll(&p, 1, timeout_ms) > 0 && (p.revents & POLLIN);
}

static BIO_ADDR *bio_address(const struct sockaddr_in *addr)
{
    BIO_ADDR *out = BIO_ADDR_new();
    if (!out || !BIO_ADDR_rawmake(out, AF_INET, &addr->sin_addr, sizeof addr->sin_addr,
                                  addr->sin_port))
        fail("BIO_ADDR");
    return out;
}

static bool same_address(const struct sockaddr_in *a, const struct sockaddr_in *b)
{
    return a->sin_addr.s_addr == b->sin_addr.s_addr && a->sin_port == b->sin_port;
}

/*
 * The cookie of the client that `ssl` last read from: an HMAC of its
 * address and port under this process's secret, so that the server keeps
 * no state for it (mbedTLS's cookies, in gdtls, also carry a time).
 */
static bool cookie_of(SSL *ssl, unsigned char *cookie, unsigned int *len)
{
    unsigned char source[18];
    size_t n = 16;
    unsigned short port;
    BIO_ADDR *peer = BIO_ADDR_new();
    bool ok = peer && BIO_dgram_get_peer(SSL_get_rbio(ssl), peer) > 0
              && BIO_ADDR_rawaddress(peer, source, &n);
    if (ok) {
        port = BIO_ADDR_rawport(peer);
        memcpy(source + n, &port, sizeof port);
        ok = HMAC(EVP_sha256(), cookie_secret, sizeof cookie_secret, source, n + sizeof port,
                  cookie, len)
             != NULL;
    }
    BIO_ADDR_free(peer);
    return ok;
}

static int generate_cookie(SSL *ssl, unsigned char *cookie, unsigned int *len)
{
    return cookie_of(ssl, cookie, len);
}

static int verify_cookie(SSL *ssl, const unsigned char *cookie, unsigned int len)
{
    unsigned char expected[EVP_MAX_MD_SIZE];
    unsigned int n;
    return cookie_of(ssl, expected, &n) && n == len && CRYPTO_memcmp(expected, cookie, n) == 0;
}

static SSL_CTX *new_context(void)
{
    SSL_CTX *ctx = SSL_CTX_new(DTLS_method());
    if (!ctx || !SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION)
        || !SSL_CTX_set_cipher_list(ctx, SUITES))
        fail("DTLS context");
    return ctx;
}

static SSL_CTX *server_context(const char *key, const char *cert)
{
    SSL_CTX *ctx = new_context();
    if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1
        || SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1
        || SSL_CTX_check_private_key(ctx) != 1)
        fail("server identity %s, %s", key, cert);
    SSL_CTX_set_options(ctx, SSL_OP_COOKIE_EXCHANGE);
    SSL_CTX_set_cookie_generate_cb(ctx, generate_cookie);
    SSL_CTX_set_cookie_verify_cb(ctx, verify_cookie);
    /* Sessions resume by ticket alone, as gdtls's: no cache to fill. */
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    return ctx;
}

/* Clients that trust `cert`; with `tickets`, they can resume a session. */
static SSL_CTX *client_context(const char *cert, bool tickets)
{
    SSL_CTX *ctx = new_context();
    if (SSL_CTX_load_verify_locations(ctx, cert, NULL) != 1)
        fail("trusted certificate %s", cert);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    if (!tickets)
        SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    return ctx;
}

static SSL *new_ssl(SSL_CTX *ctx, int fd)
{
    SSL *ssl = SSL_new(ctx);
    BIO *bio = ssl ? BIO_new_dgram(fd, BIO_NOCLOSE) : NULL;
    if (!bio)
        fail("SSL object");
    SSL_set_bio(ssl, bio, bio);
    SSL_set_options(ssl, SSL_OP_NO_QUERY_MTU);
    if (!SSL_set_mtu(ssl, MTU))
        fail("MTU %d", MTU);
    return ssl;
}

/* One end of a connection, on a socket of its own connected to `peer`. */
struct end {
    SSL *ssl;
    int fd;
    struct sockaddr_in peer;
};

struct ends {
    struct end *at;
    size_t n, cap;
};

static void add_end(struct ends *e, struct end end)
{
    e->at = room_for_one(e->at, e->n, &e->cap, sizeof *e->at);
    e->at[e->n++] = end;
}

static bool is_connected(const struct end *e)
{
    return SSL_is_init_finished(e->ssl);
}

static bool all_connected(const struct ends *e, size_t from)
{
    for (size_t i = from; i < e->n; i++)
        if (!is_connected(&e->at[i]))
            return false;
    return true;
}

/*
 * Drives the handshake of `e` and its retransmissions, as gdtls's
 * PacketPeerDTLS.poll does; a connected end has nothing to poll in
 * OpenSSL (SSL_read reads its records).
 */
static void poll_end(struct end *e)
{
    if (is_connected(e))
        return;
    int r = SSL_do_handshake(e->ssl);
    if (r <= 0) {
        int error = SSL_get_error(e->ssl, r);
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE)
            fail("a handshake failed (SSL error %d)", error);
    }
    if (DTLSv1_handle_timeout(e->ssl) < 0)
        fail("a handshake timed out");
}

/* Closes every end (close_notify, as disconnect_from_peer sends) and empties the list. */
static void close_ends(struct ends *e)
{
    for (size_t i = 0; i < e->n; i++) {
        SSL_shutdown(e->at[i].ssl);
        SSL_free(e->at[i].ssl);
        close(e->at[i].fd);
    }
    /* What a shutdown towards a closed socket left behind. */
    ERR_clear_error();
    e->n = 0;
}

struct server {
    SSL_CTX *ctx;
    int fd;
    struct sockaddr_in addr;
    /* The next client's SSL object, waiting in DTLSv1_listen. */
    SSL *listener;
    struct ends peers;
};

static struct server open_server(SSL_CTX *ctx)
{
    struct sockaddr_in any = loopback(0);
    struct server s = { .ctx = ctx };
    int size = LISTENER_RECV_BUFFER;
    s.fd = udp_socket(&any, true, NULL);
    if (setsockopt(s.fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) != 0)
        fail("SO_RCVBUF: %s", strerror(errno));
    s.addr = local_address(s.fd);
    s.listener = new_ssl(ctx, s.fd);
    return s;
}

static void close_server(struct server *s)
{
    close_ends(&s->peers);
    free(s->peers.at);
    SSL_free(s->listener);
    close(s->fd);
}

static bool has_peer(const struct server *s, const struct sockaddr_in *addr)
{
    for (size_t i = 0; i < s->peers.n; i++)
        if (same_address(&s->peers.at[i].peer, addr))
            return true;
    return false;
}

/*
 * Gives the listener, whose ClientHello carried a valid cookie, a socket
 * connected to its client, and makes a new listener. A client that sent
 * its ClientHello again before the first was read would get through twice:
 * the second is dropped, as its handshake runs already.
 */
static void adopt(struct server *s, const BIO_ADDR *client)
{
    struct sockaddr_in addr = loopback(0);
    size_t len = sizeof addr.sin_addr;
    if (BIO_ADDR_family(client) != AF_INET || !BIO_ADDR_rawaddress(client, &addr.sin_addr, &len))
        fail("a client address that is not IPv4");
    addr.sin_port = BIO_ADDR_rawport(client);
    if (has_peer(s, &addr)) {
        SSL_free(s->listener);
    } else {
        struct end end = { s->listener, udp_socket(&s->addr, true, &addr), addr };
        BIO *bio = SSL_get_rbio(end.ssl);
        BIO_set_fd(bio, end.fd, BIO_NOCLOSE);
        BIO_ctrl_set_connected(bio, client);
        add_end(&s->peers, end);
    }
    s->listener = new_ssl(s->ctx, s->fd);
}

/*
 * The listening socket's part of a frame (gdtls's UDPServer.poll and
 * DTLSServer.take_connection): DTLSv1_listen answers cookie-less
 * ClientHellos and returns at the first with a valid cookie, or once the
 * socket is empty. It is only called while a datagram waits: each call
 * clears the SSL object and allocates two 16 KiB buffers, which a server
 * woken by its event loop would not spend on an empty socket. Returns
 * whether any datagram was read.
 */
static bool poll_listener(struct server *s)
{
    bool read = false;
    BIO_ADDR *client = BIO_ADDR_new();
    if (!client)
        fail("BIO_ADDR");
    while (datagram_waiting(s->fd, 0)) {
        read = true;
        int r = DTLSv1_listen(s->listener, client);
        if (r < 0)
            fail("DTLSv1_listen");
        if (r > 0)
            adopt(s, client);
    }
    BIO_ADDR_free(client);
    return read;
}

/* One frame of the server loop, as gdtls's Server::frame. */
static bool server_frame(struct server *s)
{
    bool read = poll_listener(s);
    for (size_t i = 0; i < s->peers.n; i++)
        poll_end(&s->peers.at[i]);
    return read;
}

/*
 * A client of `server`, verifying its certificate for "localhost" (also
 * sent as SNI, as gdtls's clients send it), resuming `session` when given;
 * its ClientHello is sent at once, as connect_to_peer sends it.
 */
static struct end start_client(const struct sockaddr_in *server, SSL_CTX *ctx,
                               SSL_SESSION *session)
{
    struct sockaddr_in any = loopback(0);
    struct end e = { .fd = udp_socket(&any, false, server), .peer = *server };
    BIO_ADDR *addr = bio_address(server);
    e.ssl = new_ssl(ctx, e.fd);
    BIO_ctrl_set_connected(SSL_get_rbio(e.ssl), addr);
    BIO_ADDR_free(addr);
    if (!SSL_set1_host(e.ssl, "localhost") || !SSL_set_tlsext_host_name(e.ssl, "localhost")
        || (session && !SSL_set_session(e.ssl, session)))
        fail("client setup");
    SSL_set_connect_state(e.ssl);
    poll_end(&e);
    return e;
}

/*
 * Starts `n` clients back to back (added to `clients`) and runs the server
 * and them until they and their server ends are connected; false past
 * LIMIT_S.
 */
static bool connect_clients(struct server *s, SSL_CTX *ctx, SSL_SESSION *session, size_t n,
                            struct ends *clients)
{
    size_t first_client = clients->n, first_peer = s->peers.n;
    for (size_t i = 0; i < n; i++)
        add_end(clients, start_client(&s->addr, ctx, session));
    double deadline = now() + LIMIT_S;
    while (!(all_connected(clients, first_client) && s->peers.n >= first_peer + n
             && all_connected(&s->peers, first_peer))) {
        if (now() > deadline)
            return false;
        server_frame(s);
        for (size_t i = first_client; i < clients->n; i++)
            poll_end(&clients->at[i]);
    }
    return true;
}

static void connect_or_fail(struct server *s, SSL_CTX *ctx, SSL_SESSION *session, size_t n,
                            struct ends *clients)
{
    if (!connect_clients(s, ctx, session, n, clients))
        fail("%zu handshakes did not complete within %.0f s", n, LIMIT_S);
}

/*
 * One handshake of a client from `ctx`; returns whether it resumed. With
 * `session`, the client resumes *session and leaves its own session there.
 */
static bool handshake(struct server *s, SSL_CTX *ctx, SSL_SESSION **session)
{
    struct ends clients = { 0 };
    connect_or_fail(s, ctx, session ? *session : NULL, 1, &clients);
    SSL *ssl = clients.at[0].ssl;
    bool resumed = SSL_session_reused(ssl);
    if (session) {
        SSL_SESSION_free(*session);
        *session = SSL_get1_session(ssl);
    }
    close_ends(&clients);
    close_ends(&s->peers);
    free(clients.at);
    return resumed;
}

/*
 * Handshakes of clients from `ctx`, one after the other. Resuming clients
 * take the session of the one before; the first, before the count, makes
 * it.
 */
static double handshakes_per_s(SSL_CTX *server_ctx, SSL_CTX *ctx, bool resume)
{
    struct server s = open_server(server_ctx);
    SSL_SESSION *session = NULL;
    SSL_SESSION **kept = resume ? &session : NULL;
    handshake(&s, ctx, kept);
    double start = now();
    long done = 0;
    while (now() - start < window_s) {
        if (handshake(&s, ctx, kept) != resume)
            fail("a handshake was %s", resume ? "not resumed" : "resumed");
        done++;
    }
    double per_s = (double)done / (now() - start);
    SSL_SESSION_free(session);
    close_server(&s);
    return per_s;
}

static double burst_s(SSL_CTX *server_ctx, SSL_CTX *ctx, size_t n)
{
    struct server s = open_server(server_ctx);
    struct ends clients = { 0 };
    double start = now();
    double seconds = connect_clients(&s, ctx, NULL, n, &clients) ? now() - start : LIMIT_S;
    close_ends(&clients);
    free(clients.at);
    close_server(&s);
    return seconds;
}

/* Reads what `e` received and sends each packet back. */
static void echo_back(struct end *e, unsigned char *buf, int size)
{
    int n;
    while ((n = SSL_read(e->ssl, buf, size)) > 0)
        SSL_write(e->ssl, buf, n);
}

/*
 * Echoes received per second by `client` keeping IN_FLIGHT packets of
 * PAYLOAD bytes in flight to the server's first connection, which echoes
 * each.
 */
static double echo_pps(struct server *s, struct end *client)
{
    static unsigned char packet[PAYLOAD], buf[65536];
    memset(packet, 0x5a, sizeof packet);
    int in_flight = 0;
    long echoes = 0;
    double start = now(), last_echo = start;
    for (;;) {
        while (in_flight < IN_FLIGHT && SSL_write(client->ssl, packet, PAYLOAD) > 0)
            in_flight++;
        poll_listener(s);
        echo_back(&s->peers.at[0], buf, sizeof buf);
        while (SSL_read(client->ssl, buf, sizeof buf) > 0) {
            echoes++;
            in_flight -= in_flight > 0;
            last_echo = now();
        }
        double elapsed = now() - start;
        if (elapsed >= window_s)
            return (double)echoes / elapsed;
        if (now() - last_echo > STALL_S) {
            in_flight = 0;
            last_echo = now();
        }
    }
}

/*
 * Round trips of one PING-byte packet at a time, from `client` to the
 * server's first connection and back, for the latency window: samples in
 * seconds.
 */
static struct samples round_trips(struct server *s, struct end *client)
{
    static unsigned char ping[PING], buf[65536];
    struct samples rtt = { 0 };
    double start = now();
    while (now() - start < latency_window_s) {
        double sent = now();
        if (SSL_write(client->ssl, ping, PING) <= 0)
            fail("a ping was not sent");
        while (now() - sent < STALL_S) {
            poll_listener(s);
            echo_back(&s->peers.at[0], buf, sizeof buf);
            if (SSL_read(client->ssl, buf, sizeof buf) > 0) {
                add_sample(&rtt, now() - sent);
                break;
            }
        }
    }
    return rtt;
}

/* Latency, then echo, over one connected pair. */
static void traffic(SSL_CTX *server_ctx, SSL_CTX *ctx)
{
    struct server s = open_server(server_ctx);
    struct ends clients = { 0 };
    connect_or_fail(&s, ctx, NULL, 1, &clients);
    printf("suite: %s\n", SSL_get_cipher_name(clients.at[0].ssl));
    struct samples rtt = round_trips(&s, &clients.at[0]);
    out("latency_p50_us", percentile_us(&rtt, 50));
    out("latency_p99_us", percentile_us(&rtt, 99));
    free(rtt.at);
    out("echo_pps", echo_pps(&s, &clients.at[0]));
    close_ends(&clients);
    free(clients.at);
    close_server(&s);
}

/*
 * One frame of a server with idle connections: the listening socket, every
 * connection polled and read (SSL_read: one recvfrom each).
 */
static void idle_frame(struct server *s)
{
    unsigned char buf[2048];
    server_frame(s);
    for (size_t i = 0; i < s->peers.n; i++)
        SSL_read(s->peers.at[i].ssl, buf, sizeof buf);
}

/* Closes the first `n` pairs: `clients` and the server's first `n` ends. */
static void close_first(struct server *s, struct ends *clients, size_t n)
{
    struct ends first = { s->peers.at, n, n };
    close_ends(clients);
    close_ends(&first);
    memmove(s->peers.at, s->peers.at + n, (s->peers.n - n) * sizeof *s->peers.at);
    s->peers.n -= n;
}

/*
 * Run first, as in benches/bench.rs: memory the allocator kept from
 * earlier scenarios would be reused by these sessions and hide their cost.
 * After WARM_UP sessions, which stay open so the measured ones cannot
 * reuse their memory: the resident memory per pair for SESSIONS pairs
 * connected one after another, then for MANY_SESSIONS (the rest connected
 * BURST at a time), then the median cost of a server frame with those
 * MANY_SESSIONS connected and idle.
 */
static void sessions(SSL_CTX *server_ctx, SSL_CTX *ctx)
{
    struct server s = open_server(server_ctx);
    struct ends warm_up = { 0 }, clients = { 0 };
    struct samples frames = { 0 };
    for (size_t i = 0; i < WARM_UP; i++)
        connect_or_fail(&s, ctx, NULL, 1, &warm_up);
    long before = resident_kib();
    for (size_t i = 0; i < SESSIONS; i++)
        connect_or_fail(&s, ctx, NULL, 1, &clients);
    out("session_kib", (double)(resident_kib() - before) / SESSIONS);
    while (clients.n < MANY_SESSIONS)
        connect_or_fail(&s, ctx, NULL, BURST, &clients);
    out("session_kib_1000", (double)(resident_kib() - before) / MANY_SESSIONS);
    close_first(&s, &warm_up, WARM_UP);
    for (size_t i = 0; i < IDLE_FRAMES; i++) {
        double start = now();
        idle_frame(&s);
        add_sample(&frames, now() - start);
    }
    out("idle_frame_us", percentile_us(&frames, 50));
    free(frames.at);
    free(warm_up.at);
    close_ends(&clients);
    free(clients.at);
    close_server(&s);
}

/* A ClientHello as a client from `ctx` first sends it: no cookie yet. */
static size_t capture_hello(SSL_CTX *ctx, unsigned char *hello, size_t size)
{
    struct sockaddr_in any = loopback(0);
    int sink = udp_socket(&any, false, NULL);
    struct sockaddr_in at = local_address(sink);
    struct ends client = { 0 };
    add_end(&client, start_client(&at, ctx, NULL));
    ssize_t n = datagram_waiting(sink, 5000) ? recv(sink, hello, size, 0) : -1;
    if (n <= 13)
        fail("no ClientHello captured");
    close_ends(&client);
    free(client.at);
    close(sink);
    return (size_t)n;
}

/* The HelloVerifyRequests the sources received. */
static long count_answers(const int *sources)
{
    unsigned char buf[2048];
    long answers = 0;
    ssize_t n;
    for (size_t i = 0; i < FLOOD_SOURCES; i++)
        while ((n = recv(sources[i], buf, sizeof buf, 0)) >= 0)
            answers += n > 13 && buf[13] == HELLO_VERIFY_REQUEST;
    return answers;
}

/*
 * FLOOD_SOURCES sources send a captured cookie-less ClientHello
 * HELLOS_PER_SOURCE times before the server runs; it answers until idle.
 * The figures: hellos answered per second while the server was busy, and
 * the percentage of the burst never answered.
 */
static void hello_flood(SSL_CTX *server_ctx, SSL_CTX *ctx)
{
    unsigned char hello[2048];
    size_t len = capture_hello(ctx, hello, sizeof hello);
    struct server s = open_server(server_ctx);
    struct sockaddr_in any = loopback(0);
    int sources[FLOOD_SOURCES];
    for (size_t i = 0; i < FLOOD_SOURCES; i++)
        sources[i] = udp_socket(&any, false, &s.addr);
    for (size_t i = 0; i < FLOOD_SOURCES; i++)
        for (size_t j = 0; j < HELLOS_PER_SOURCE; j++)
            /* A full socket buffer on the server's side loses the datagram
               silently: that is what the scenario measures. */
            (void)send(sources[i], hello, len, 0);
    long answered = 0;
    double start = now(), last_read = start;
    while (now() - start < LIMIT_S) {
        if (server_frame(&s)) {
            last_read = now();
            continue;
        }
        answered += count_answers(sources);
        if (now() - last_read > FLOOD_IDLE_S)
            break;
    }
    answered += count_answers(sources);
    if (s.peers.n != 0)
        fail("a hello carried a cookie");
    double busy = last_read - start;
    long sent = FLOOD_SOURCES * HELLOS_PER_SOURCE;
    out("hellos_per_s", busy > 0 ? (double)answered / busy : 0);
    out("hello_burst_dropped_pct", 100.0 * (double)(sent - answered) / (double)sent);
    for (size_t i = 0; i < FLOOD_SOURCES; i++)
        close(sources[i]);
    close_server(&s);
}

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr,
                "usage: %s RSA_KEY RSA_CERT ECDSA_KEY ECDSA_CERT WINDOW_MS LATENCY_MS\n",
                argv[0]);
        return 2;
    }
    window_s = atof(argv[5]) / 1000;
    latency_window_s = atof(argv[6]) / 1000;
    if (RAND_bytes(cookie_secret, sizeof cookie_secret) != 1)
        fail("no random cookie secret");
    printf("version: %s\n", OpenSSL_version(OPENSSL_VERSION));

    SSL_CTX *rsa = server_context(argv[1], argv[2]);
    SSL_CTX *ecdsa = server_context(argv[3], argv[4]);
    /* Full handshakes every time, as gdtls's clients with resumption off. */
    SSL_CTX *rsa_client = client_context(argv[2], false);
    SSL_CTX *ecdsa_client = client_context(argv[4], false);
    SSL_CTX *resuming_client = client_context(argv[2], true);

    sessions(rsa, rsa_client);
    out("handshakes_per_s", handshakes_per_s(rsa, rsa_client, false));
    out("handshakes_ecdsa_per_s", handshakes_per_s(ecdsa, ecdsa_client, false));
    out("resumed_handshakes_per_s", handshakes_per_s(rsa, resuming_client, true));
    out("burst_50_s", burst_s(rsa, rsa_client, BURST));
    out("burst_200_s", burst_s(rsa, rsa_client, BIG_BURST));
    traffic(rsa, rsa_client);
    hello_flood(rsa, rsa_client);

    SSL_CTX_free(resuming_client);
    SSL_CTX_free(ecdsa_client);
    SSL_CTX_free(rsa_client);
    SSL_CTX_free(ecdsa);
    SSL_CTX_free(rsa);
    return 0;
}
