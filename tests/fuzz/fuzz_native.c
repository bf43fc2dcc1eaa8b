/*
 * fuzz_native.c: the service's native API handlers (src/server/native.c)
 * on arbitrary requests, body parsing (srv_parse_body, http.c) and the
 * real SQLite store (store_sqlite.c, on ":memory:") included.
 *
 * Input: up to MAX_REQ requests separated by 0xFF bytes (0xFF never occurs
 * in UTF-8, so a body that needs one is refused as invalid UTF-8 anyway;
 * other invalid bytes still reach the UTF-8 checks). Each request is one
 * selector byte and a payload:
 *
 *   bits 0-2  handler: 0 POST /v1/comments (srv_native_submit),
 *             1 POST /v1/comments/{id}/approve, 2 .../reject
 *             (srv_native_decide), 3 POST /v1/coral/moderation
 *             (srv_native_coral), 4 GET /v1/queue, 5 GET /v1/audit,
 *             6 GET /v1/comments/{id}, 7 GET /v1/authors/{id}
 *   bits 3-4  auth: 0 right (no API keys configured; moderator token;
 *             a valid Coral signature), 1 right another way (API key in
 *             ?key=; "Bearer" with extra spaces and an X-Moderator header;
 *             a rotated signature list with the right one last), 2 wrong
 *             (wrong key, wrong token, wrong signature), 3 missing (no key,
 *             no Authorization, Coral not configured)
 *   bits 5-7  {id} of a decision, from IDS below
 *   payload   the body (submit, decide, coral); the query string
 *             "k=v&k=v" (queue, audit); "PARAM?QUERY" (comment, author)
 *
 * Every input starts from an empty store, so an input reproduces alone;
 * seeds submit comments and then decide, read and list them.
 *
 * Headers and query arguments: srv_header and srv_query (http.c) call
 * MHD_lookup_connection_value on rq->conn. This harness defines that
 * function itself; the executable's definition takes precedence over
 * libmicrohttpd.so's at link time, so the handlers read the harness's
 * headers and arguments from a fake connection with no change to http.c.
 *
 * Checked after each request:
 *   - the status is one the route documents (docs/SERVICE.md), never 0
 *     (no answer) and never 5xx (the store is real and works);
 *   - 204 has no body; every other status has a JSON object; 4xx carries
 *     {"error": {"code": status, "message": "..."}}; the response
 *     serializes as http.c does, and the serialization is UTF-8;
 *   - per route: a submitted comment comes back with its exact text, a
 *     verdict and the status it implies, "duplicate" on 200 only; a
 *     decision sets the status, moderator and reason; the queue honours
 *     its status filter and limit; audit entries belong to the comment
 *     asked for; a thread, an author have the id asked for; Coral's 200 is
 *     SYSTEM_WITHHELD with a review/reject verdict;
 *   - no leak (the store is closed after each input: LeakSanitizer), no
 *     over-read (ASan; bodies are exact-size heap copies plus the NUL the
 *     server guarantees), no UB.
 */
#include "fuzz_server.h"
#include "store.h"
#include "fuzz_util.h"

#include <microhttpd.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define MAX_REQ 8
#define TOKEN "fuzz-moderator-token"
#define API_KEY "fuzz-api-key"
#define CORAL_SECRET "fuzz-coral-secret"

static srv S;
static int TRACE; /* FUZZ_NATIVE_TRACE=1: each request's status and body */
static char *API_KEYS[] = {API_KEY};

/* ---- the fake connection ------------------------------------------------ */

#define MAX_VALUES 24
static struct {
    int kind; /* MHD_HEADER_KIND or MHD_GET_ARGUMENT_KIND */
    char *key, *value;
} V[MAX_VALUES];
static size_t n_values;
static char FAKE_CONN; /* its address is the connection */

static void add_value(int kind, const char *key, size_t klen,
                      const char *value, size_t vlen)
{
    if (n_values == MAX_VALUES)
        return;
    /* MHD hands out C strings: a NUL in a (decoded) value ends it. */
    V[n_values].kind = kind;
    V[n_values].key = strndup(key, klen);
    V[n_values].value = strndup(value, vlen);
    FUZZ_CHECK(V[n_values].key && V[n_values].value, "out of memory");
    n_values++;
}

static void clear_values(void)
{
    for (size_t i = 0; i < n_values; i++) {
        free(V[i].key);
        free(V[i].value);
    }
    n_values = 0;
}

/* Replaces libmicrohttpd's: headers match without case, arguments with
 * it, the first one wins, as in MHD. */
const char *MHD_lookup_connection_value(struct MHD_Connection *connection,
                                        enum MHD_ValueKind kind,
                                        const char *key)
{
    if (connection != (struct MHD_Connection *)&FAKE_CONN || !key)
        return NULL;
    for (size_t i = 0; i < n_values; i++) {
        if (!((int)kind & V[i].kind))
            continue;
        if (V[i].kind == MHD_HEADER_KIND ? strcasecmp(V[i].key, key) == 0
                                         : strcmp(V[i].key, key) == 0)
            return V[i].value;
    }
    return NULL;
}

/* "k=v&k&k=v" into query arguments (no percent-decoding: MHD has done it
 * by the time a handler looks). */
static void add_query(const char *q, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(q + i, '&', n - i);
        size_t end = amp ? (size_t)(amp - q) : n;
        const char *eq = memchr(q + i, '=', end - i);
        if (eq)
            add_value(MHD_GET_ARGUMENT_KIND, q + i, (size_t)(eq - (q + i)),
                      eq + 1, (size_t)(q + end - (eq + 1)));
        else if (end > i)
            add_value(MHD_GET_ARGUMENT_KIND, q + i, end - i, "", 0);
        i = end + 1;
    }
}

/* ---- setup -------------------------------------------------------------- */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_server_open(&S, "fuzz_native");
    TRACE = getenv("FUZZ_NATIVE_TRACE") != NULL;
    S.cfg.moderator_token = TOKEN;
    return 0;
}

/* ---- checks ------------------------------------------------------------- */

static const char *str_of(json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int one_of(const char *s, const char *const *set)
{
    for (; s && *set; set++)
        if (strcmp(s, *set) == 0)
            return 1;
    return 0;
}

static const char *const VERDICTS[] = {"allow", "review", "reject", NULL};
static const char *const STATUSES[] = {"pending", "approved", "rejected",
                                       "auto-approved", NULL};

static void check_comment(json_t *c, const char *what)
{
    FUZZ_CHECK(json_is_object(c), "%s: not a comment object", what);
    FUZZ_CHECK(json_integer_value(json_object_get(c, "id")) > 0,
               "%s: no id", what);
    FUZZ_CHECK(json_is_string(json_object_get(c, "site")), "%s: no site",
               what);
    FUZZ_CHECK(json_is_string(json_object_get(c, "text")), "%s: no text",
               what);
    FUZZ_CHECK(one_of(str_of(c, "verdict"), VERDICTS), "%s: verdict %s", what,
               str_of(c, "verdict"));
    FUZZ_CHECK(one_of(str_of(c, "status"), STATUSES), "%s: status %s", what,
               str_of(c, "status"));
    json_t *an = json_object_get(c, "analysis");
    FUZZ_CHECK(json_is_object(json_object_get(an, "scores")) &&
                   json_is_array(json_object_get(an, "spans")),
               "%s: no analysis", what);
    FUZZ_CHECK(one_of(str_of(an, "verdict"), VERDICTS) &&
                   strcmp(str_of(an, "verdict"), str_of(c, "verdict")) == 0,
               "%s: analysis verdict %s, comment verdict %s", what,
               str_of(an, "verdict"), str_of(c, "verdict"));
}

/* The request body as the harness reads it (NULL when it is not an
 * object: the handler must then have answered 400). */
static json_t *load_body(const char *body, size_t len)
{
    if (len == 0 || decorum_utf8_check(body, len, NULL) != DECORUM_OK)
        return NULL;
    json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL);
    if (j && !json_is_object(j)) {
        json_decref(j);
        j = NULL;
    }
    return j;
}

/* A string member without a NUL inside (C strings are what the handlers
 * keep of them), or NULL. */
static const char *plain_str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_string(v) || strlen(json_string_value(v)) !=
                                  json_string_length(v))
        return NULL;
    return json_string_value(v);
}

static void check_submit(unsigned st, json_t *r, const char *body,
                         size_t len)
{
    json_t *req = load_body(body, len);
    if (!req) {
        FUZZ_CHECK(st == 400, "a body that is not a JSON object: %u", st);
        return;
    }
    if (st == 200 || st == 201) {
        check_comment(r, "submitted");
        FUZZ_CHECK(json_is_true(json_object_get(r, "duplicate")) == (st == 200),
                   "status %u and duplicate %d", st,
                   json_is_true(json_object_get(r, "duplicate")));
        if (st == 201)
            FUZZ_CHECK(strcmp(str_of(r, "status"),
                              strcmp(str_of(r, "verdict"), "allow") == 0
                                  ? "auto-approved"
                                  : "pending") == 0,
                       "new comment: verdict %s, status %s",
                       str_of(r, "verdict"), str_of(r, "status"));
        if (st == 201) {
            /* The text comes back byte for byte. */
            json_t *want = json_object_get(req, "text"), *got =
                                                             json_object_get(
                                                                 r, "text");
            FUZZ_CHECK(json_is_string(want) &&
                           json_string_length(want) ==
                               json_string_length(got) &&
                           memcmp(json_string_value(want),
                                  json_string_value(got),
                                  json_string_length(want)) == 0,
                       "stored text differs from the submitted one");
            const char *site = plain_str(req, "site");
            if (site)
                FUZZ_CHECK(strcmp(site, str_of(r, "site")) == 0,
                           "site %s stored as %s", site, str_of(r, "site"));
        }
    }
    json_decref(req);
}

static void check_decide(unsigned st, json_t *r, const char *body, size_t len,
                         int approve, long long id, int auth)
{
    json_t *req = len ? load_body(body, len) : json_object();
    if (!req) {
        FUZZ_CHECK(st == 400 || st == 404, "a body that is not a JSON "
                                           "object: %u",
                   st);
        return;
    }
    if (st == 200) {
        check_comment(r, "decided");
        FUZZ_CHECK(json_integer_value(json_object_get(r, "id")) == id,
                   "decision on %lld answered comment %lld", id,
                   (long long)json_integer_value(json_object_get(r, "id")));
        FUZZ_CHECK(strcmp(str_of(r, "status"),
                          approve ? "approved" : "rejected") == 0,
                   "decision %s left status %s",
                   approve ? "approve" : "reject", str_of(r, "status"));
        const char *who = plain_str(req, "moderator");
        const char *got = str_of(r, "decided_by");
        FUZZ_CHECK(got && *got, "decision without decided_by");
        if (who && *who)
            FUZZ_CHECK(strcmp(who, got) == 0, "moderator %s stored as %s",
                       who, got);
        json_t *wv = json_object_get(req, "moderator");
        if (!wv || json_is_null(wv)) /* the header, else a default */
            FUZZ_CHECK(strcmp(got, auth == 1 ? "hdr-mod" : "moderator") == 0,
                       "decided_by %s without a moderator in the body", got);
        const char *reason = plain_str(req, "reason");
        if (reason)
            FUZZ_CHECK(str_of(r, "decision_reason") &&
                           strcmp(reason, str_of(r, "decision_reason")) == 0,
                       "reason %s stored as %s", reason,
                       str_of(r, "decision_reason"));
    }
    json_decref(req);
}

static void check_coral(unsigned st, json_t *r)
{
    if (st == 200) {
        FUZZ_CHECK(strcmp(str_of(r, "status") ? str_of(r, "status") : "",
                          "SYSTEM_WITHHELD") == 0,
                   "coral 200 is not SYSTEM_WITHHELD");
        json_t *act = json_array_get(json_object_get(r, "actions"), 0);
        FUZZ_CHECK(json_is_string(json_object_get(act, "additionalDetails")),
                   "coral 200 without additionalDetails");
        json_t *d = json_object_get(json_object_get(r, "metadata"), "decorum");
        const char *v = str_of(d, "verdict");
        FUZZ_CHECK(v && (strcmp(v, "review") == 0 || strcmp(v, "reject") == 0),
                   "coral 200 with verdict %s", v);
        FUZZ_CHECK(json_integer_value(json_object_get(d, "id")) > 0,
                   "coral 200 without the comment id");
        FUZZ_CHECK(json_is_object(json_object_get(d, "scores")),
                   "coral 200 without scores");
        /* The flag carries the reasons of the stored comment's evidence,
         * whole, in order, "; "-separated, as many as fit in 511 bytes. */
        json_t *c = NULL;
        FUZZ_CHECK(S.store->ops->get_comment(
                       S.store, json_integer_value(json_object_get(d, "id")),
                       &c) == STORE_OK,
                   "coral 200 names a comment that is not stored");
        char want[512] = "";
        size_t n = 0, i;
        json_t *sp;
        json_array_foreach(
            json_object_get(json_object_get(c, "analysis"), "spans"), i, sp)
        {
            if (json_is_true(json_object_get(sp, "mitigating")))
                continue;
            const char *reason = str_of(sp, "reason");
            size_t need = (n ? 2 : 0) + strlen(reason ? reason : "");
            if (n + need > sizeof want - 1)
                break;
            snprintf(want + n, sizeof want - n, "%s%s", n ? "; " : "",
                     reason ? reason : "");
            n += need;
        }
        const char *got = str_of(act, "additionalDetails");
        FUZZ_CHECK(strcmp(got, n ? want : "decorum flagged this comment") ==
                       0,
                   "coral additionalDetails\n  got:  %s\n  want: %s", got,
                   n ? want : "decorum flagged this comment");
        json_decref(c);
    }
}

static void check_queue(unsigned st, json_t *r)
{
    if (st != 200)
        return;
    json_t *items = json_object_get(r, "items");
    const char *want = str_of(r, "status");
    FUZZ_CHECK(json_is_array(items), "queue without items");
    FUZZ_CHECK(one_of(want, STATUSES) || (want && strcmp(want, "all") == 0),
               "queue status %s", want);
    json_int_t limit = json_integer_value(json_object_get(r, "limit"));
    FUZZ_CHECK(limit >= 0 && limit <= 500 &&
                   json_array_size(items) <= (size_t)limit,
               "%zu items past limit %lld", json_array_size(items),
               (long long)limit);
    FUZZ_CHECK(json_integer_value(json_object_get(r, "total")) >= 0,
               "queue total");
    FUZZ_CHECK(json_is_object(json_object_get(r, "counts")), "queue counts");
    size_t i;
    json_t *c;
    json_array_foreach(items, i, c)
    {
        check_comment(c, "queue item");
        if (strcmp(want, "all") != 0)
            FUZZ_CHECK(strcmp(str_of(c, "status"), want) == 0,
                       "queue %s lists a %s comment", want,
                       str_of(c, "status"));
    }
}

static void check_audit(unsigned st, json_t *r)
{
    if (st != 200)
        return;
    json_t *entries = json_object_get(r, "entries");
    FUZZ_CHECK(json_is_array(entries), "audit without entries");
    const char *cs = MHD_lookup_connection_value(
        (struct MHD_Connection *)&FAKE_CONN, MHD_GET_ARGUMENT_KIND,
        "comment");
    long long want = cs && *cs ? strtoll(cs, NULL, 10) : 0;
    size_t i;
    json_t *e;
    json_array_foreach(entries, i, e)
    {
        FUZZ_CHECK(one_of(str_of(e, "new_status"), STATUSES),
                   "audit new_status %s", str_of(e, "new_status"));
        FUZZ_CHECK(json_is_string(json_object_get(e, "moderator")),
                   "audit entry without moderator");
        if (want)
            FUZZ_CHECK(json_integer_value(json_object_get(e, "comment_id")) ==
                           want,
                       "audit for %lld lists comment %lld", want,
                       (long long)json_integer_value(
                           json_object_get(e, "comment_id")));
    }
}

/* ---- one request -------------------------------------------------------- */

static const char *const IDS[] = {"1", "2",  "3",   "4",
                                  "0", "-1", "1x", "99999999999999999999"};

static int status_ok(int h, unsigned st)
{
    static const unsigned ok[8][8] = {
        {200, 201, 400, 403},      /* submit */
        {200, 400, 401, 404},      /* approve */
        {200, 400, 401, 404},      /* reject */
        {200, 204, 400, 401, 501}, /* coral */
        {200, 400, 401},           /* queue */
        {200, 400, 401},           /* audit */
        {200, 401, 404},           /* comment */
        {200, 401, 404},           /* author */
    };
    for (int i = 0; i < 8 && ok[h][i]; i++)
        if (ok[h][i] == st)
            return 1;
    return 0;
}

static void run_one(uint8_t sel, const uint8_t *p, size_t n)
{
    static const char *const NAMES[] = {"submit",  "approve", "reject",
                                        "coral",   "queue",   "audit",
                                        "comment", "author"};
    int h = sel & 7, auth = (sel >> 3) & 3;
    char *payload = malloc(n + 1);
    FUZZ_CHECK(payload != NULL, "out of memory");
    if (n)
        memcpy(payload, p, n);
    payload[n] = '\0';

    srv_req rq;
    memset(&rq, 0, sizeof rq);
    rq.s = &S;
    rq.conn = (struct MHD_Connection *)&FAKE_CONN;
    rq.body = "";
    S.cfg.api_keys = NULL;
    S.cfg.n_api_keys = 0;
    S.cfg.coral_secret = CORAL_SECRET;
    clear_values();

    /* Body, path parameter and query string (added after the
     * credentials, so that a long query cannot crowd them out). */
    const char *q = NULL;
    size_t qn = 0;
    if (h <= 3) {
        rq.method = "POST";
        rq.body = payload;
        rq.body_len = n;
    } else {
        rq.method = "GET";
        q = payload;
        qn = n;
        if (h >= 6) {
            const char *mark = memchr(payload, '?', n);
            rq.param = payload;
            rq.param_len = mark ? (size_t)(mark - payload) : n;
            q = mark ? mark + 1 : payload + n;
            qn = mark ? n - rq.param_len - 1 : 0;
            /* The path is a C string in MHD: it ends at a NUL. */
            rq.param_len = strnlen(rq.param, rq.param_len);
        }
    }
    if (h == 1 || h == 2) {
        rq.param = IDS[sel >> 5];
        rq.param_len = strlen(rq.param);
    }
    static const char *const PATHS[] = {
        "/v1/comments",   "/v1/comments/{id}/approve",
        "/v1/comments/{id}/reject", "/v1/coral/moderation",
        "/v1/queue",      "/v1/audit",
        "/v1/comments/{id}", "/v1/authors/{id}"};
    rq.path = PATHS[h];

    /* Credentials. */
    if (h == 0) {
        if (auth != 0) {
            S.cfg.api_keys = API_KEYS;
            S.cfg.n_api_keys = 1;
        }
        if (auth == 1)
            add_value(MHD_GET_ARGUMENT_KIND, "key", 3, API_KEY,
                      strlen(API_KEY));
        else if (auth == 2)
            add_value(MHD_HEADER_KIND, "X-Goog-Api-Key", 14, "wrong", 5);
    } else if (h == 3) {
        unsigned char mac[32];
        char sig[160];
        srv_hmac_sha256(CORAL_SECRET, strlen(CORAL_SECRET), rq.body,
                        rq.body_len, mac);
        int o = snprintf(sig, sizeof sig, "%s",
                         auth == 1 ? "sha256=00ff, SHA256=1,sha256=" : "sha256=");
        for (int i = 0; i < 32; i++)
            o += snprintf(sig + o, sizeof sig - (size_t)o,
                          auth == 1 ? "%02X" : "%02x",
                          mac[i] ^ (auth == 2 ? 1 : 0));
        if (auth == 3)
            S.cfg.coral_secret = NULL;
        else
            add_value(MHD_HEADER_KIND, "X-Coral-Signature", 17, sig,
                      strlen(sig));
    } else if (auth == 0) {
        add_value(MHD_HEADER_KIND, "Authorization", 13, "Bearer " TOKEN,
                  strlen("Bearer " TOKEN));
    } else if (auth == 1) {
        add_value(MHD_HEADER_KIND, "authorization", 13, "Bearer   " TOKEN,
                  strlen("Bearer   " TOKEN));
        add_value(MHD_HEADER_KIND, "X-Moderator", 11, "hdr-mod", 7);
    } else if (auth == 2) {
        add_value(MHD_HEADER_KIND, "Authorization", 13, "Bearer " TOKEN "x",
                  strlen("Bearer " TOKEN "x"));
    }
    if (q)
        add_query(q, qn);

    srv_resp out;
    memset(&out, 0, sizeof out);
    int rc;
    switch (h) {
    case 0:
        rc = srv_native_submit(&rq, &out);
        break;
    case 1:
    case 2:
        rc = srv_native_decide(&rq, &out, h == 1 ? "approve" : "reject");
        break;
    case 3:
        rc = srv_native_coral(&rq, &out);
        break;
    case 4:
        rc = srv_native_queue(&rq, &out);
        break;
    case 5:
        rc = srv_native_audit(&rq, &out);
        break;
    case 6:
        rc = srv_native_comment(&rq, &out);
        break;
    default:
        rc = srv_native_author(&rq, &out);
        break;
    }
    unsigned st = out.status;
    const char *name = NAMES[h];
    if (TRACE) {
        char *js = out.json ? json_dumps(out.json, JSON_COMPACT) : NULL;
        fprintf(stderr, "fuzz_native: %s auth %d: %u %.2000s\n", name, auth,
                st, js ? js : "");
        free(js);
    }
    FUZZ_CHECK(rc == 0, "%s returned %d", name, rc);
    FUZZ_CHECK(status_ok(h, st), "%s: status %u", name, st);
    FUZZ_CHECK(!out.raw && !out.raw_owned, "%s: a raw body", name);
    if (st == 204) {
        FUZZ_CHECK(out.json == NULL, "%s: 204 with a body", name);
    } else {
        FUZZ_CHECK(json_is_object(out.json), "%s: status %u without a JSON "
                                             "object",
                   name, st);
        char *dump =
            json_dumps(out.json, JSON_COMPACT | JSON_REAL_PRECISION(6));
        FUZZ_CHECK(dump != NULL, "%s: response does not serialize", name);
        FUZZ_CHECK(decorum_utf8_check(dump, strlen(dump), NULL) ==
                       DECORUM_OK,
                   "%s: response is not UTF-8", name);
        free(dump);
    }
    if (st >= 400) {
        json_t *e = json_object_get(out.json, "error");
        FUZZ_CHECK(json_is_object(e) &&
                       json_integer_value(json_object_get(e, "code")) ==
                           (json_int_t)st &&
                       json_is_string(json_object_get(e, "message")),
                   "%s: status %u without its error object", name, st);
    }
    /* Wrong or missing credentials are refused before anything else is
     * read; right ones never are. */
    unsigned refused = h == 0 ? 403 : h == 3 && auth == 3 ? 501 : 401;
    if (auth >= 2)
        FUZZ_CHECK(st == refused, "%s: auth %d answered %u, not %u", name,
                   auth, st, refused);
    else
        FUZZ_CHECK(st != 401 && st != 403 && st != 501,
                   "%s: %u with good credentials (auth %d)", name, st, auth);

    if (auth >= 2)
        h = -1; /* refused: nothing more to check */
    switch (h) {
    case -1:
        break;
    case 0:
        check_submit(st, out.json, rq.body, rq.body_len);
        break;
    case 1:
    case 2:
        check_decide(st, out.json, rq.body, rq.body_len, h == 1,
                     strtoll(rq.param, NULL, 10), auth);
        break;
    case 3:
        check_coral(st, out.json);
        break;
    case 4:
        check_queue(st, out.json);
        break;
    case 5:
        check_audit(st, out.json);
        break;
    case 6:
        if (st == 200) {
            json_t *c = json_object_get(out.json, "comment");
            check_comment(c, "thread");
            FUZZ_CHECK(json_integer_value(json_object_get(c, "id")) ==
                           strtoll(payload, NULL, 10),
                       "thread of %s is comment %lld", payload,
                       (long long)json_integer_value(json_object_get(c, "id")));
            FUZZ_CHECK(json_is_array(json_object_get(out.json, "parents")) &&
                           json_is_array(json_object_get(out.json,
                                                         "replies")) &&
                           json_array_size(json_object_get(out.json,
                                                           "audit")) > 0,
                       "thread without parents, replies or audit");
        }
        break;
    case 7:
        if (st == 200) {
            double rate = json_number_value(
                json_object_get(out.json, "rejection_rate"));
            FUZZ_CHECK(json_integer_value(json_object_get(out.json,
                                                          "total")) > 0 &&
                           rate >= 0 && rate <= 1,
                       "author: total or rejection rate");
            FUZZ_CHECK(strlen(str_of(out.json, "author_id")) ==
                               rq.param_len &&
                           memcmp(str_of(out.json, "author_id"), rq.param,
                                  rq.param_len) == 0,
                       "author %.*s answered as %s", (int)rq.param_len,
                       rq.param, str_of(out.json, "author_id"));
        }
        break;
    }
    json_decref(out.json);
    free(payload);
    clear_values();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > S.cfg.max_body_bytes)
        return 0;
    char errbuf[256];
    S.store = store_sqlite_open(":memory:", 0, errbuf, sizeof errbuf);
    FUZZ_CHECK(S.store != NULL, "store: %s", errbuf);
    size_t i = 0;
    for (int r = 0; r < MAX_REQ && i < size; r++) {
        const uint8_t *ff = memchr(data + i, 0xFF, size - i);
        size_t end = ff ? (size_t)(ff - data) : size;
        if (end > i)
            run_one(data[i], data + i + 1, end - i - 1);
        i = end + 1;
    }
    store_close(S.store);
    S.store = NULL;
    return 0;
}
