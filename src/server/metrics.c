/*
 * metrics.c: request counters, latency histograms and verdict counts, kept
 * in relaxed atomics (no lock on the request path) and rendered in the
 * Prometheus text exposition format 0.0.4 for GET /metrics.
 *
 * Series:
 *   decorum_http_requests_total{route, code}        counter
 *   decorum_http_request_duration_seconds{route}    histogram
 *   decorum_http_in_flight_requests                 gauge
 *   decorum_http_body_too_large_total               counter
 *   decorum_verdicts_total{verdict}                 counter
 *   decorum_queue_comments{status}                  gauge (read at scrape)
 *   decorum_store_errors_total                      counter
 */
#include "server/server.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned CODES[SRV_N_CODES] = {200, 201, 204, 400, 401, 403,
                                            404, 405, 409, 411, 413, 415,
                                            429, 500, 501, 503};

/* Upper bounds in microseconds. Analyze answers in well under a
 * millisecond when the engine is warm, and Coral gives up near 300 ms, so
 * the buckets are dense below that. */
static const uint64_t BUCKETS_US[SRV_N_BUCKETS] = {
    100,   250,    500,    1000,   2500,    5000,    10000,
    25000, 50000,  100000, 250000, 500000,  1000000, 5000000};

static const char *const ROUTE_LABELS[SRV_N_ROUTES] = {
#define SRV_X_(e, label) label,
    SRV_ROUTE_MAP(SRV_X_)
#undef SRV_X_
};

const char *srv_route_label(srv_route r)
{
    return r < SRV_N_ROUTES ? ROUTE_LABELS[r] : "other";
}

void srv_metrics_request(srv_metrics *m, srv_route route, unsigned code,
                         uint64_t micros)
{
    size_t ci = SRV_N_CODES;
    for (size_t i = 0; i < SRV_N_CODES; i++)
        if (CODES[i] == code) {
            ci = i;
            break;
        }
    size_t bi = SRV_N_BUCKETS;
    for (size_t i = 0; i < SRV_N_BUCKETS; i++)
        if (micros <= BUCKETS_US[i]) {
            bi = i;
            break;
        }
    atomic_fetch_add_explicit(&m->requests[route][ci], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&m->latency[route][bi], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&m->latency_sum_us[route], micros,
                              memory_order_relaxed);
}

void srv_metrics_verdict(srv_metrics *m, decorum_verdict v)
{
    if ((unsigned)v < 3)
        atomic_fetch_add_explicit(&m->verdicts[v], 1, memory_order_relaxed);
}

/* A growing text buffer; on allocation failure it goes sticky-NULL. */
typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

__attribute__((format(printf, 2, 3))) static void put(buf *b, const char *fmt,
                                                      ...)
{
    if (!b->p && b->cap)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = b->cap - b->len;
        int n = vsnprintf(b->p ? b->p + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        size_t ncap = (b->cap ? b->cap * 2 : 4096) + (size_t)n;
        char *np = realloc(b->p, ncap);
        if (!np) {
            free(b->p);
            b->p = NULL;
            b->cap = 1; /* marks the failure */
            return;
        }
        b->p = np;
        b->cap = ncap;
    }
}

static uint64_t ld(const _Atomic uint64_t *x)
{
    return atomic_load_explicit(x, memory_order_relaxed);
}

char *srv_metrics_render(const srv_metrics *m, json_t *queue, size_t *len)
{
    buf b = {0};
    put(&b, "# HELP decorum_http_requests_total HTTP requests by route and "
            "status code.\n# TYPE decorum_http_requests_total counter\n");
    for (int r = 0; r < SRV_N_ROUTES; r++)
        for (int c = 0; c <= SRV_N_CODES; c++) {
            uint64_t v = ld(&m->requests[r][c]);
            if (!v)
                continue;
            char code[16];
            if (c < SRV_N_CODES)
                snprintf(code, sizeof code, "%u", CODES[c]);
            else
                snprintf(code, sizeof code, "other");
            put(&b,
                "decorum_http_requests_total{route=\"%s\",code=\"%s\"} "
                "%llu\n",
                ROUTE_LABELS[r], code, (unsigned long long)v);
        }
    put(&b, "# HELP decorum_http_request_duration_seconds Time from the "
            "request's headers to its response being queued.\n"
            "# TYPE decorum_http_request_duration_seconds histogram\n");
    for (int r = 0; r < SRV_N_ROUTES; r++) {
        uint64_t total = 0;
        for (int i = 0; i <= SRV_N_BUCKETS; i++)
            total += ld(&m->latency[r][i]);
        if (!total)
            continue;
        uint64_t cum = 0;
        for (int i = 0; i < SRV_N_BUCKETS; i++) {
            cum += ld(&m->latency[r][i]);
            put(&b,
                "decorum_http_request_duration_seconds_bucket{route=\"%s\","
                "le=\"%g\"} %llu\n",
                ROUTE_LABELS[r], (double)BUCKETS_US[i] / 1e6,
                (unsigned long long)cum);
        }
        put(&b,
            "decorum_http_request_duration_seconds_bucket{route=\"%s\","
            "le=\"+Inf\"} %llu\n"
            "decorum_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
            "decorum_http_request_duration_seconds_count{route=\"%s\"} "
            "%llu\n",
            ROUTE_LABELS[r], (unsigned long long)total, ROUTE_LABELS[r],
            (double)ld(&m->latency_sum_us[r]) / 1e6, ROUTE_LABELS[r],
            (unsigned long long)total);
    }
    put(&b,
        "# HELP decorum_http_in_flight_requests Requests being handled.\n"
        "# TYPE decorum_http_in_flight_requests gauge\n"
        "decorum_http_in_flight_requests %lld\n"
        "# HELP decorum_http_body_too_large_total Requests refused with "
        "413.\n# TYPE decorum_http_body_too_large_total counter\n"
        "decorum_http_body_too_large_total %llu\n",
        (long long)atomic_load(&m->in_flight),
        (unsigned long long)ld(&m->body_too_large));
    put(&b, "# HELP decorum_verdicts_total Verdicts given, all routes.\n"
            "# TYPE decorum_verdicts_total counter\n");
    for (int v = 0; v < 3; v++)
        put(&b, "decorum_verdicts_total{verdict=\"%s\"} %llu\n",
            decorum_verdict_name((decorum_verdict)v),
            (unsigned long long)ld(&m->verdicts[v]));
    put(&b, "# HELP decorum_queue_comments Stored comments by moderation "
            "status.\n# TYPE decorum_queue_comments gauge\n");
    if (queue) {
        const char *k;
        json_t *v;
        json_object_foreach(queue, k, v)
            put(&b, "decorum_queue_comments{status=\"%s\"} %lld\n", k,
                (long long)json_integer_value(v));
    }
    put(&b,
        "# HELP decorum_store_errors_total Store operations that failed.\n"
        "# TYPE decorum_store_errors_total counter\n"
        "decorum_store_errors_total %llu\n",
        (unsigned long long)ld(&m->store_errors));
    if (!b.p)
        return NULL;
    *len = b.len;
    return b.p;
}
