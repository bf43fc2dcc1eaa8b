/*
 * server.h: declarations shared by the modules of `decorum serve`.
 *
 * The service is split by concern:
 *   serve.c        options, config file, startup, signals, graceful drain
 *   http.c         libmicrohttpd glue: per-connection state, body limits,
 *                  routing, response serialization, request metrics
 *   perspective.c  the Perspective-compatible analyze and suggestscore
 *   native.c       the native comment API, moderation queue, Coral webhook
 *   analysis.c     the shared engine, the scratch pool, offset conversion
 *                  and the JSON form of a decorum_result
 *   auth.c         API keys, the moderator token, HMAC-SHA256, randomness
 *   metrics.c      counters and histograms, Prometheus text output
 *   webassets.c    the moderator page, compiled into the binary
 *   store.h        the store interface; store_sqlite.c implements it
 *
 * Like every program in src/, the server uses only include/decorum.h from
 * the library. Names here carry the srv_ prefix; jansson is the JSON
 * currency between modules.
 */
#ifndef DECORUM_SERVER_H
#define DECORUM_SERVER_H

#include "decorum.h"

#include <jansson.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct MHD_Connection;
struct store;

/* ---------------------------------------------------------------------- */
/* Configuration (serve.c)                                                 */
/* ---------------------------------------------------------------------- */

typedef struct srv_config {
    char *listen;      /* "HOST:PORT"; "[v6]:PORT" for IPv6; port 0: any */
    char *db;          /* SQLite file path */
    char *lexicon_dir; /* NULL: built-in lexicons */
    char *model_path;  /* NULL: built-in model */
    char *web_dir;     /* NULL: the page compiled into the binary */
    unsigned threads;  /* MHD worker threads, each with its own scratch */
    char **api_keys;   /* [n_api_keys]; none: analyze is open */
    size_t n_api_keys;
    char *moderator_token; /* never NULL once started (generated if unset) */
    int token_generated;   /* 1 when moderator_token was made at startup */
    char *coral_secret;    /* NULL: the Coral webhook is disabled */
    size_t max_comment_bytes; /* Perspective COMMENT_TOO_LONG limit */
    size_t max_body_bytes;    /* 413 past this */
    unsigned timeout_s;       /* idle connection timeout */
    unsigned max_connections; /* concurrent connections, all clients */
    unsigned drain_s;         /* longest wait for in-flight requests */
    int sync_full;            /* 1: synchronous=FULL, 0: NORMAL (WAL) */
    float review_threshold, reject_threshold; /* 0: engine defaults */
} srv_config;

/* ---------------------------------------------------------------------- */
/* Metrics (metrics.c)                                                     */
/* ---------------------------------------------------------------------- */

/* Routes, for metrics labels and dispatch. X(enum suffix, label). */
#define SRV_ROUTE_MAP(X)                                                       \
    X(ANALYZE, "analyze")                                                      \
    X(SUGGEST, "suggestscore")                                                 \
    X(SUBMIT, "comments_submit")                                               \
    X(QUEUE, "queue")                                                          \
    X(COMMENT, "comment_get")                                                  \
    X(DECIDE, "decision")                                                      \
    X(AUDIT, "audit")                                                          \
    X(AUTHOR, "author")                                                        \
    X(CORAL, "coral_webhook")                                                  \
    X(HEALTH, "healthz")                                                       \
    X(METRICS, "metrics")                                                      \
    X(WEB, "web")                                                              \
    X(OTHER, "other")

typedef enum srv_route {
#define SRV_X_(e, label) SRV_ROUTE_##e,
    SRV_ROUTE_MAP(SRV_X_)
#undef SRV_X_
    SRV_N_ROUTES
} srv_route;

/* Status codes that get their own label; the rest count as "other". */
#define SRV_N_CODES 16
#define SRV_N_BUCKETS 14

typedef struct srv_metrics {
    _Atomic uint64_t requests[SRV_N_ROUTES][SRV_N_CODES + 1];
    /* Latency histogram per route: counts per bucket (not cumulative; the
     * exporter sums), plus the sum of durations in microseconds. */
    _Atomic uint64_t latency[SRV_N_ROUTES][SRV_N_BUCKETS + 1];
    _Atomic uint64_t latency_sum_us[SRV_N_ROUTES];
    _Atomic uint64_t verdicts[3]; /* by decorum_verdict */
    _Atomic uint64_t body_too_large;
    _Atomic uint64_t store_errors;
    _Atomic int64_t in_flight;
} srv_metrics;

void srv_metrics_request(srv_metrics *m, srv_route route, unsigned code,
                         uint64_t micros);
void srv_metrics_verdict(srv_metrics *m, decorum_verdict v);
/* Prometheus text format 0.0.4. queue is the store's status counts object
 * ({"pending": n, ...}) or NULL when the store could not be read. Returns a
 * malloc'd NUL-terminated string, or NULL on OOM. */
char *srv_metrics_render(const srv_metrics *m, json_t *queue, size_t *len);
const char *srv_route_label(srv_route r);

/* ---------------------------------------------------------------------- */
/* The server (serve.c owns it; every handler gets it)                     */
/* ---------------------------------------------------------------------- */

typedef struct srv_pool srv_pool; /* scratch pool, analysis.c */

typedef struct srv {
    srv_config cfg;
    decorum_engine *engine; /* immutable, shared by all threads */
    srv_pool *pool;
    struct store *store;
    srv_metrics metrics;
    atomic_int draining; /* set on SIGTERM: /healthz answers 503 */
    char engine_desc[256];
} srv;

/* ---------------------------------------------------------------------- */
/* Requests and responses (http.c)                                         */
/* ---------------------------------------------------------------------- */

typedef struct srv_req {
    srv *s;
    struct MHD_Connection *conn;
    const char *method;
    const char *path; /* without the query string */
    const char *body; /* NUL-terminated copy of the body; may be "" */
    size_t body_len;
    const char *param; /* path parameter, e.g. the id in /v1/comments/{id} */
    size_t param_len;
} srv_req;

typedef struct srv_resp {
    unsigned status;
    json_t *json;      /* owned; serialized by http.c */
    const void *raw;   /* or a raw body: static storage or raw_owned */
    size_t raw_len;
    char *raw_owned;   /* malloc'd raw body, freed by http.c */
    const char *content_type;
    const char *extra_header, *extra_value; /* one optional header */
} srv_resp;

/* Value of a query argument or header, or NULL. */
const char *srv_query(const srv_req *rq, const char *name);
const char *srv_header(const srv_req *rq, const char *name);

/* Sets a JSON response; takes ownership of body. Returns 0. */
int srv_reply_json(srv_resp *out, unsigned status, json_t *body);

/* Sets a Google-style error envelope:
 *   {"error": {"code": status, "message": msg, "status": canonical,
 *              "details": [...]}}
 * error_type (may be NULL) adds the Perspective errorType detail; field
 * (may be NULL) adds a google.rpc.BadRequest fieldViolation naming the
 * field. extra (owned, may be NULL) is merged into the Perspective detail.
 * Returns 0. */
int srv_reply_error(srv_resp *out, unsigned status, const char *error_type,
                    const char *field, json_t *extra, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Parses rq->body as a JSON object. On failure sets a 400 response naming
 * the offending field (invalid UTF-8 is traced to the string that holds it)
 * and returns NULL. error_type is the Perspective errorType to report (NULL
 * for native routes). */
json_t *srv_parse_body(const srv_req *rq, srv_resp *out,
                       const char *error_type);

/* Starts the daemon on cfg.listen; returns an opaque handle or NULL with a
 * message on stderr. *port receives the bound port. */
struct MHD_Daemon *srv_http_start(srv *s, unsigned *port);
/* Stops accepting, waits up to drain_s for in-flight requests, stops. */
void srv_http_stop(srv *s, struct MHD_Daemon *d);

/* ---------------------------------------------------------------------- */
/* Handlers                                                                */
/* ---------------------------------------------------------------------- */

int srv_perspective_analyze(srv_req *rq, srv_resp *out);
int srv_perspective_suggest(srv_req *rq, srv_resp *out);
int srv_native_submit(srv_req *rq, srv_resp *out);
int srv_native_queue(srv_req *rq, srv_resp *out);
int srv_native_comment(srv_req *rq, srv_resp *out);
int srv_native_decide(srv_req *rq, srv_resp *out, const char *action);
int srv_native_audit(srv_req *rq, srv_resp *out);
int srv_native_author(srv_req *rq, srv_resp *out);
int srv_native_coral(srv_req *rq, srv_resp *out);
/* Serves a file of the moderator page; 404 when there is none. */
int srv_web_serve(srv_req *rq, srv_resp *out);

/* ---------------------------------------------------------------------- */
/* Analysis (analysis.c)                                                   */
/* ---------------------------------------------------------------------- */

srv_pool *srv_pool_new(const decorum_engine *eng);
void srv_pool_free(srv_pool *p); /* NULL is a no-op */

/* Analyzes text with a pooled scratch and returns the result as a JSON
 * object (the "decorum" extension, see docs/SERVICE.md), or NULL with
 * *st and err set. The JSON is self-contained: it outlives the scratch. */
json_t *srv_analyze(srv *s, const char *text, size_t len,
                    const decorum_context *ctx, decorum_status *st,
                    decorum_error *err);

/* Number of code points (or UTF-16 units) in text[0..byte_off). text must
 * be valid UTF-8. */
size_t srv_cp_offset(const char *text, size_t byte_off);
size_t srv_utf16_offset(const char *text, size_t byte_off);

/* ---------------------------------------------------------------------- */
/* Auth (auth.c)                                                           */
/* ---------------------------------------------------------------------- */

/* 1 when the request carries a configured API key (?key= or
 * X-Goog-Api-Key), or when no key is configured. */
int srv_auth_api_key(const srv_req *rq);
/* 1 when the request has "Authorization: Bearer <moderator token>". */
int srv_auth_moderator(const srv_req *rq);
/* Constant-time comparison of two NUL-terminated strings. */
int srv_secure_equal(const char *a, const char *b);
/* HMAC-SHA256 of msg under key, 32 bytes into mac. */
void srv_hmac_sha256(const void *key, size_t key_len, const void *msg,
                     size_t msg_len, unsigned char mac[32]);
/* Checks a Coral signature header ("sha256=HEX[,sha256=HEX...]") against
 * the body. Returns 1 when any listed signature matches. */
int srv_coral_signature_ok(const char *secret, const char *header,
                           const char *body, size_t len);
/* Fills buf with n random bytes from the kernel. Returns 0 or -1. */
int srv_random_bytes(void *buf, size_t n);

#endif /* DECORUM_SERVER_H */
