/*
 * http.c: the libmicrohttpd glue. Owns the daemon, the per-connection
 * request state, body limits, routing, response serialization and request
 * metrics; handlers in the other modules see only srv_req and srv_resp.
 *
 * Threads: MHD runs a pool of cfg.threads worker threads, each polling its
 * own share of the connections (epoll where available) and calling the
 * handler synchronously, so a request occupies its worker until its
 * response is queued. Keep-alive is HTTP/1.1's default and MHD's.
 *
 * Limits:
 * - bodies longer than cfg.max_body_bytes get 413. A Content-Length that
 *   says so is refused before a byte of the body is read; a chunked body
 *   is counted as it arrives and discarded past the limit, so memory per
 *   connection is bounded either way;
 * - cfg.timeout_s closes connections idle (or trickling nothing) that long;
 * - cfg.max_connections caps concurrent connections; MHD closes the
 *   excess at accept.
 *
 * Metrics: a request is counted, with its latency from the first callback
 * to its response being queued, when the response is queued.
 *
 * Drain: srv_http_stop stops accepting (MHD_quiesce_daemon), waits for the
 * requests in flight (counted from a request's first callback to MHD's
 * completion notice) for at most cfg.drain_s, then stops the daemon.
 */
#include "server/server.h"
#include "server/store.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct conn_state {
    char *body; /* NUL-terminated */
    size_t len, cap;
    int too_large;
    uint64_t start_us;
    srv_route route;
    unsigned status; /* of the queued response; 0: none */
} conn_state;

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

const char *srv_query(const srv_req *rq, const char *name)
{
    return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *srv_header(const srv_req *rq, const char *name)
{
    return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

int srv_reply_json(srv_resp *out, unsigned status, json_t *body)
{
    out->status = status;
    json_decref(out->json);
    out->json = body;
    if (!body && status != 204) {
        /* Building the body failed (jansson out of memory, or a string
         * it refused as invalid UTF-8): a 500 with a fixed body, never a
         * 2xx or 4xx the client cannot read. */
        static const char oom[] =
            "{\"error\":{\"code\":500,\"message\":\"Could not build "
            "the response.\",\"status\":\"INTERNAL\"}}";
        out->status = 500;
        out->raw = oom;
        out->raw_len = sizeof oom - 1;
        out->content_type = "application/json; charset=UTF-8";
    }
    return 0;
}

static const char *canonical(unsigned status)
{
    switch (status) {
    case 400:
    case 413:
        return "INVALID_ARGUMENT";
    case 401:
        return "UNAUTHENTICATED";
    case 403:
        return "PERMISSION_DENIED";
    case 404:
        return "NOT_FOUND";
    case 409:
        return "ALREADY_EXISTS";
    case 429:
        return "RESOURCE_EXHAUSTED";
    case 405:
    case 501:
        return "UNIMPLEMENTED";
    case 503:
        return "UNAVAILABLE";
    default:
        return "INTERNAL";
    }
}

int srv_reply_error(srv_resp *out, unsigned status, const char *error_type,
                    const char *field, json_t *extra, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* The message may quote the request (jansson's error text does) or be
     * cut inside a character; JSON strings must be UTF-8, or jansson
     * refuses the whole envelope and the client gets a 400 with no body.
     * Found by fuzz_perspective. */
    size_t n = strlen(msg), bad;
    while (decorum_utf8_check(msg, n, &bad) == DECORUM_ERR_UTF8)
        msg[bad] = '?';
    json_t *details = json_array();
    if (error_type) {
        json_t *d = json_pack("{s:s, s:s}", "@type",
                              "type.googleapis.com/"
                              "google.commentanalyzer.v1alpha1.Error",
                              "errorType", error_type);
        if (d && extra)
            json_object_update(d, extra);
        json_array_append_new(details, d);
    }
    if (field)
        json_array_append_new(
            details,
            json_pack("{s:s, s:[{s:s, s:s}]}", "@type",
                      "type.googleapis.com/google.rpc.BadRequest",
                      "fieldViolations", "field", field, "description", msg));
    json_decref(extra);
    json_t *env = json_pack("{s:{s:i, s:s, s:s, s:o}}", "error", "code",
                            (int)status, "message", msg, "status",
                            canonical(status), "details",
                            details ? details : json_array());
    return srv_reply_json(out, status, env);
}

/* The JSON path (comment.text, context.entries[1].text) of the value that
 * contains byte pos of a JSON document, found with a small scanner that
 * needs no valid document: it is used exactly when jansson refuses one.
 * Non-ASCII bytes of keys come out as '?', so the path is always valid
 * UTF-8 to put into an error message. */
static void json_path_at(const char *js, size_t len, size_t pos, char *out,
                         size_t cap)
{
    enum { MAXD = 32 };
    struct frame {
        char type;
        int in_value;
        const char *key;
        size_t klen, idx;
    } st[MAXD];
    int depth = 0, over = 0;
    size_t i = 0;
    /* Stops before the byte at pos: for a syntax error that byte is the
     * unexpected token, and the path is where it was expected. A string
     * that holds pos (bad UTF-8) is entered by the string branch. */
    while (i < len && i < pos) {
        char c = js[i];
        if (c == '"') {
            size_t j = i + 1;
            while (j < len && js[j] != '"')
                j += js[j] == '\\' ? 2 : 1;
            if (!over && depth > 0 && st[depth - 1].type == '{' &&
                !st[depth - 1].in_value) {
                st[depth - 1].key = js + i + 1;
                st[depth - 1].klen = (j < len ? j : len) - (i + 1);
            }
            if (pos <= j)
                break;
            i = j + 1;
            continue;
        }
        if (c == '{' || c == '[') {
            if (depth < MAXD && !over)
                st[depth++] = (struct frame){c, 0, NULL, 0, 0};
            else
                over++;
        } else if (c == '}' || c == ']') {
            if (over)
                over--;
            else if (depth > 0)
                depth--;
        } else if (!over && depth > 0) {
            struct frame *f = &st[depth - 1];
            if (c == ':')
                f->in_value = 1;
            else if (c == ',' && f->type == '[')
                f->idx++;
            else if (c == ',') {
                f->in_value = 0;
                f->key = NULL;
            }
        }
        i++;
    }
    size_t n = 0;
    out[0] = '\0';
    for (int d = 0; d < depth && n + 1 < cap; d++) {
        if (st[d].type == '[') {
            int w = snprintf(out + n, cap - n, "[%zu]", st[d].idx);
            n = w < 0 ? n : (n + (size_t)w < cap ? n + (size_t)w : cap - 1);
        } else if (st[d].key) {
            if (n > 0 && n + 1 < cap)
                out[n++] = '.';
            for (size_t k = 0; k < st[d].klen && k < 64 && n + 1 < cap; k++) {
                unsigned char b = (unsigned char)st[d].key[k];
                out[n++] = (b < 0x20 || b >= 0x7f || b == '"' || b == '\\')
                               ? '?'
                               : (char)b;
            }
            out[n] = '\0';
        }
    }
    if (n == 0)
        snprintf(out, cap, "(root)");
}

json_t *srv_parse_body(const srv_req *rq, srv_resp *out, const char *etype)
{
    char path[256];
    size_t bad = 0;
    if (rq->body_len == 0) {
        srv_reply_error(out, 400, etype, "(body)",
                        NULL, "Invalid JSON payload received. Empty body.");
        return NULL;
    }
    if (decorum_utf8_check(rq->body, rq->body_len, &bad) != DECORUM_OK) {
        json_path_at(rq->body, rq->body_len, bad, path, sizeof path);
        srv_reply_error(out, 400, etype, path, NULL,
                        "Invalid value at '%s': not valid UTF-8 (byte %zu "
                        "of the body).",
                        path, bad);
        return NULL;
    }
    json_error_t je;
    json_t *root = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES,
                              &je);
    if (!root) {
        size_t at = je.position > 0 ? (size_t)je.position - 1 : 0;
        json_path_at(rq->body, rq->body_len, at, path, sizeof path);
        srv_reply_error(out, 400, etype, path, NULL,
                        "Invalid JSON payload received at '%s' (line %d, "
                        "column %d): %s.",
                        path, je.line, je.column, je.text);
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        srv_reply_error(out, 400, etype, "(root)", NULL,
                        "Invalid JSON payload received: the body must be a "
                        "JSON object.");
        return NULL;
    }
    return root;
}

/* ---- routing ---------------------------------------------------------- */

static int is(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

/* Matches "/v1/comments/{id}" + suffix; sets the parameter. */
static int match_param(srv_req *rq, const char *prefix, const char *suffix)
{
    size_t pl = strlen(prefix), sl = strlen(suffix);
    const char *p = rq->path;
    size_t n = strlen(p);
    if (n <= pl + sl || strncmp(p, prefix, pl) != 0 ||
        strcmp(p + n - sl, suffix) != 0)
        return 0;
    const char *param = p + pl;
    size_t plen = n - pl - sl;
    if (memchr(param, '/', plen))
        return 0;
    rq->param = param;
    rq->param_len = plen;
    return 1;
}

static srv_route route_of(srv_req *rq, int *method_ok)
{
    const char *m = rq->method, *p = rq->path;
    int get = is(m, "GET") || is(m, "HEAD"), post = is(m, "POST");
    *method_ok = 1;
#define ROUTE(cond, r)                                                         \
    if (cond) {                                                                \
        *method_ok = want;                                                     \
        return r;                                                              \
    }
    int want = post;
    ROUTE(is(p, "/v1alpha1/comments:analyze"), SRV_ROUTE_ANALYZE)
    ROUTE(is(p, "/v1alpha1/comments:suggestscore"), SRV_ROUTE_SUGGEST)
    ROUTE(is(p, "/v1/comments"), SRV_ROUTE_SUBMIT)
    ROUTE(is(p, "/v1/coral/moderation"), SRV_ROUTE_CORAL)
    ROUTE(match_param(rq, "/v1/comments/", "/approve") ||
              match_param(rq, "/v1/comments/", "/reject"),
          SRV_ROUTE_DECIDE)
    want = get;
    ROUTE(is(p, "/v1/queue"), SRV_ROUTE_QUEUE)
    ROUTE(is(p, "/v1/audit"), SRV_ROUTE_AUDIT)
    ROUTE(match_param(rq, "/v1/comments/", ""), SRV_ROUTE_COMMENT)
    ROUTE(match_param(rq, "/v1/authors/", ""), SRV_ROUTE_AUTHOR)
    ROUTE(is(p, "/healthz"), SRV_ROUTE_HEALTH)
    ROUTE(is(p, "/metrics"), SRV_ROUTE_METRICS)
    ROUTE(strncmp(p, "/v1", 3) != 0 && strncmp(p, "/v1alpha1", 9) != 0,
          SRV_ROUTE_WEB)
#undef ROUTE
    return SRV_ROUTE_OTHER;
}

static int handle_health(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    int draining = atomic_load(&s->draining);
    return srv_reply_json(out, draining ? 503 : 200,
                          json_pack("{s:s, s:s, s:s, s:s}", "status",
                                    draining ? "draining" : "ok", "version",
                                    decorum_version(), "engine",
                                    s->engine_desc, "store",
                                    s->store->ops->name));
}

static int handle_metrics(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    json_t *counts = NULL;
    if (s->store->ops->counts(s->store, &counts) != STORE_OK) {
        atomic_fetch_add(&s->metrics.store_errors, 1);
        counts = NULL;
    }
    size_t len = 0;
    char *text = srv_metrics_render(&s->metrics, counts, &len);
    json_decref(counts);
    if (!text)
        return srv_reply_error(out, 500, NULL, NULL, NULL, "Out of memory.");
    out->status = 200;
    out->raw_owned = text;
    out->raw = text;
    out->raw_len = len;
    out->content_type = "text/plain; version=0.0.4; charset=utf-8";
    return 0;
}

static void dispatch(srv_req *rq, srv_route route, int method_ok,
                     srv_resp *out)
{
    if (!method_ok) {
        srv_reply_error(out, 405, route == SRV_ROUTE_ANALYZE ||
                                          route == SRV_ROUTE_SUGGEST
                                      ? "INVALID_REQUEST"
                                      : NULL,
                        NULL, NULL, "Method %s is not allowed on %s.",
                        rq->method, rq->path);
        return;
    }
    switch (route) {
    case SRV_ROUTE_ANALYZE:
        srv_perspective_analyze(rq, out);
        break;
    case SRV_ROUTE_SUGGEST:
        srv_perspective_suggest(rq, out);
        break;
    case SRV_ROUTE_SUBMIT:
        srv_native_submit(rq, out);
        break;
    case SRV_ROUTE_QUEUE:
        srv_native_queue(rq, out);
        break;
    case SRV_ROUTE_COMMENT:
        srv_native_comment(rq, out);
        break;
    case SRV_ROUTE_DECIDE: {
        size_t n = strlen(rq->path);
        srv_native_decide(rq, out,
                          n >= 8 && is(rq->path + n - 8, "/approve")
                              ? "approve"
                              : "reject");
        break;
    }
    case SRV_ROUTE_AUDIT:
        srv_native_audit(rq, out);
        break;
    case SRV_ROUTE_AUTHOR:
        srv_native_author(rq, out);
        break;
    case SRV_ROUTE_CORAL:
        srv_native_coral(rq, out);
        break;
    case SRV_ROUTE_HEALTH:
        handle_health(rq, out);
        break;
    case SRV_ROUTE_METRICS:
        handle_metrics(rq, out);
        break;
    case SRV_ROUTE_WEB:
        srv_web_serve(rq, out);
        break;
    default:
        srv_reply_error(out, 404, NULL, NULL, NULL, "No such resource: %s.",
                        rq->path);
    }
}

static enum MHD_Result send_resp(srv *s, struct MHD_Connection *conn,
                                 conn_state *cs, srv_resp *out, int head)
{
    struct MHD_Response *r = NULL;
    const char *ctype = out->content_type;
    if (out->json) {
        char *js = json_dumps(out->json, JSON_COMPACT | JSON_REAL_PRECISION(6));
        json_decref(out->json);
        out->json = NULL;
        if (!js)
            return MHD_NO;
        size_t n = strlen(js);
        r = MHD_create_response_from_buffer(n, js, MHD_RESPMEM_MUST_FREE);
        if (!r) {
            free(js);
            return MHD_NO;
        }
        ctype = "application/json; charset=UTF-8";
    } else if (out->raw_owned) {
        r = MHD_create_response_from_buffer(out->raw_len, out->raw_owned,
                                            MHD_RESPMEM_MUST_FREE);
        if (!r) {
            free(out->raw_owned);
            return MHD_NO;
        }
    } else {
        r = MHD_create_response_from_buffer(out->raw_len, (void *)out->raw,
                                            MHD_RESPMEM_PERSISTENT);
        if (!r)
            return MHD_NO;
    }
    out->raw_owned = NULL;
    (void)head; /* MHD leaves out the body of a HEAD response itself */
    if (ctype)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
    if (out->extra_header)
        MHD_add_response_header(r, out->extra_header, out->extra_value);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    /* The page shows hostile text; a strict policy means a bug that lets
     * markup through still cannot run script or load anything. */
    if (ctype && strncmp(ctype, "text/html", 9) == 0) {
        MHD_add_response_header(r, "Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; "
                                "frame-ancestors 'none'; base-uri 'none'; "
                                "form-action 'none'");
        MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    }
    if (out->status == 401)
        MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
                                "Bearer realm=\"decorum\"");
    /* Perspective answers browsers too (extensions, client-side tools), so
     * its routes allow any origin, as Google's do; keys are the gate. The
     * native API stays same-origin: it is for the page served here. */
    if (cs->route == SRV_ROUTE_ANALYZE || cs->route == SRV_ROUTE_SUGGEST) {
        MHD_add_response_header(r, "Access-Control-Allow-Origin", "*");
        if (out->status == 204) {
            MHD_add_response_header(r, "Access-Control-Allow-Methods",
                                    "POST, OPTIONS");
            MHD_add_response_header(r, "Access-Control-Allow-Headers",
                                    "Content-Type, X-Goog-Api-Key");
            MHD_add_response_header(r, "Access-Control-Max-Age", "86400");
        }
    }
    enum MHD_Result ret = MHD_queue_response(conn, out->status, r);
    MHD_destroy_response(r);
    cs->status = out->status;
    /* Counted here rather than at completion: MHD reports completion after
     * the bytes are out, so a client that reads /metrics right after its
     * answer would otherwise race its own request's count. */
    if (ret == MHD_YES)
        srv_metrics_request(&s->metrics, cs->route, cs->status,
                            now_us() - cs->start_us);
    return ret;
}

static enum MHD_Result reply_too_large(srv *s, struct MHD_Connection *conn,
                                       conn_state *cs)
{
    srv_resp out = {0};
    atomic_fetch_add(&s->metrics.body_too_large, 1);
    srv_reply_error(&out, 413,
                    cs->route == SRV_ROUTE_ANALYZE ||
                            cs->route == SRV_ROUTE_SUGGEST
                        ? "INVALID_REQUEST"
                        : NULL,
                    "(body)", NULL,
                    "Request payload size exceeds the limit: %zu bytes.",
                    s->cfg.max_body_bytes);
    return send_resp(s, conn, cs, &out, 0);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    srv *s = cls;
    conn_state *cs = *con_cls;
    (void)version;
    if (!cs) {
        cs = calloc(1, sizeof *cs);
        if (!cs)
            return MHD_NO;
        cs->start_us = now_us();
        *con_cls = cs;
        atomic_fetch_add(&s->metrics.in_flight, 1);
        srv_req probe = {.s = s, .conn = conn, .method = method, .path = url};
        int ok;
        cs->route = route_of(&probe, &ok);
        const char *cl = MHD_lookup_connection_value(
            conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl) {
            char *end = NULL;
            errno = 0;
            unsigned long long n = strtoull(cl, &end, 10);
            if (errno == ERANGE || n > s->cfg.max_body_bytes) {
                /* Refused before the body is read; MHD closes the
                 * connection afterwards because the body is unread. */
                cs->too_large = 1;
                return reply_too_large(s, conn, cs);
            }
        }
        return MHD_YES;
    }
    if (*upload_size) {
        size_t n = *upload_size;
        *upload_size = 0;
        if (cs->too_large)
            return MHD_YES;
        if (n > s->cfg.max_body_bytes - cs->len) {
            cs->too_large = 1;
            free(cs->body);
            cs->body = NULL;
            cs->len = cs->cap = 0;
            return MHD_YES;
        }
        if (cs->len + n + 1 > cs->cap) {
            size_t ncap = cs->cap ? cs->cap : 1024;
            while (ncap < cs->len + n + 1)
                ncap *= 2;
            char *nb = realloc(cs->body, ncap);
            if (!nb)
                return MHD_NO;
            cs->body = nb;
            cs->cap = ncap;
        }
        memcpy(cs->body + cs->len, upload, n);
        cs->len += n;
        cs->body[cs->len] = '\0';
        return MHD_YES;
    }
    if (cs->status)
        return MHD_YES; /* already answered (413 before the body) */
    if (cs->too_large)
        return reply_too_large(s, conn, cs);

    srv_req rq = {.s = s,
                  .conn = conn,
                  .method = method,
                  .path = url,
                  .body = cs->body ? cs->body : "",
                  .body_len = cs->len};
    int method_ok;
    srv_route route = route_of(&rq, &method_ok);
    cs->route = route;
    srv_resp out = {0};
    if (is(method, "OPTIONS") &&
        (route == SRV_ROUTE_ANALYZE || route == SRV_ROUTE_SUGGEST))
        out.status = 204; /* CORS preflight; send_resp adds the headers */
    else
        dispatch(&rq, route, method_ok, &out);
    if (!out.status)
        srv_reply_error(&out, 500, NULL, NULL, NULL, "No response.");
    return send_resp(s, conn, cs, &out, is(method, "HEAD"));
}

static void on_completed(void *cls, struct MHD_Connection *conn,
                         void **con_cls, enum MHD_RequestTerminationCode toe)
{
    srv *s = cls;
    conn_state *cs = *con_cls;
    (void)conn;
    (void)toe;
    if (!cs)
        return;
    atomic_fetch_sub(&s->metrics.in_flight, 1);
    free(cs->body);
    free(cs);
    *con_cls = NULL;
}

static void log_mhd(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    fputs("decorum serve: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* Parses "HOST:PORT", "[V6]:PORT" or ":PORT" into ss. */
static int parse_listen(const char *spec, struct sockaddr_storage *ss,
                        socklen_t *sl, int *v6)
{
    char host[128];
    const char *colon;
    memset(ss, 0, sizeof *ss);
    if (spec[0] == '[') {
        const char *rb = strchr(spec, ']');
        if (!rb || rb[1] != ':' || (size_t)(rb - spec - 1) >= sizeof host)
            return -1;
        memcpy(host, spec + 1, (size_t)(rb - spec - 1));
        host[rb - spec - 1] = '\0';
        colon = rb + 1;
    } else {
        colon = strrchr(spec, ':');
        if (!colon || (size_t)(colon - spec) >= sizeof host)
            return -1;
        memcpy(host, spec, (size_t)(colon - spec));
        host[colon - spec] = '\0';
    }
    char *end = NULL;
    errno = 0;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (errno || !end || *end || end == colon + 1 || port > 65535)
        return -1;
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (host[0] == '\0') {
        a4->sin_family = AF_INET;
        a4->sin_addr.s_addr = htonl(INADDR_ANY);
        a4->sin_port = htons((uint16_t)port);
        *sl = sizeof *a4;
        *v6 = 0;
    } else if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        *sl = sizeof *a4;
        *v6 = 0;
    } else if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *sl = sizeof *a6;
        *v6 = 1;
    } else if (strcmp(host, "localhost") == 0) {
        a4->sin_family = AF_INET;
        a4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a4->sin_port = htons((uint16_t)port);
        *sl = sizeof *a4;
        *v6 = 0;
    } else {
        return -1;
    }
    return 0;
}

struct MHD_Daemon *srv_http_start(srv *s, unsigned *port)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    int v6 = 0;
    if (parse_listen(s->cfg.listen, &ss, &sl, &v6) != 0) {
        fprintf(stderr,
                "decorum serve: bad --listen '%s' (want HOST:PORT, "
                "[V6]:PORT)\n",
                s->cfg.listen);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
                     MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (v6)
        flags |= MHD_USE_IPv6;
    struct MHD_OptionItem opts[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &ss},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)s->cfg.timeout_s, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)s->cfg.max_connections, NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, s},
        {MHD_OPTION_LISTENING_ADDRESS_REUSE, 1, NULL},
        {s->cfg.threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
         (intptr_t)s->cfg.threads, NULL},
        {MHD_OPTION_END, 0, NULL}};
    struct MHD_Daemon *d =
        MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
                         /* MHD wants the logger first, or it logs the
                          * options before it with its own. */
                         MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
                         MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "decorum serve: cannot listen on %s: %s\n",
                s->cfg.listen, strerror(errno));
        return NULL;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    *port = info ? info->port : 0;
    return d;
}

void srv_http_stop(srv *s, struct MHD_Daemon *d)
{
    if (!d)
        return;
    MHD_socket ls = MHD_quiesce_daemon(d);
    if (ls != MHD_INVALID_SOCKET)
        close(ls);
    uint64_t deadline = now_us() + (uint64_t)s->cfg.drain_s * 1000000u;
    while (atomic_load(&s->metrics.in_flight) > 0 && now_us() < deadline) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(d);
}
