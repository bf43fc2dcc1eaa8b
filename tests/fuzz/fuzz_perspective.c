/*
 * fuzz_perspective.c: the service's Perspective analyze handler
 * (srv_perspective_analyze, src/server/perspective.c), body parsing
 * (srv_parse_body, src/server/http.c) included, on arbitrary request
 * bodies.
 *
 * The handler is called directly with a request that has no connection
 * (no API key is configured, so no header or query is looked up), on a
 * server holding the real engine and scratch pool and a stub store that
 * checks the records analyze keeps. The body is an
 * exact-size heap copy plus the NUL the server guarantees (srv_req.body).
 * Checked:
 *   - the status is 200 or 400 (bodies cannot make it anything else);
 *   - the response is JSON: on 200 an object with "attributeScores" whose
 *     members each have a "summaryScore" value in [0, 1]; on 400 an
 *     object with "error"; it serializes, and the serialization is UTF-8;
 *   - no leak (LeakSanitizer), no over-read (ASan).
 */
#include "fuzz_server.h"
#include "store.h"
#include "fuzz_util.h"

#include <stdint.h>
#include <string.h>

static srv S;

/* The store: analyze keeps each comment unless doNotStore is set. This one
 * checks the record is an object holding the text, and keeps nothing. */
static store_status fb_put(store *st, const char *kind, json_t *record)
{
    (void)st;
    FUZZ_CHECK(strcmp(kind, "analyze") == 0, "feedback kind %s", kind);
    FUZZ_CHECK(json_is_object(record) &&
                   json_is_string(json_object_get(record, "text")),
               "feedback record without its text");
    return STORE_OK;
}

static const char *fb_errmsg(store *st)
{
    (void)st;
    return "";
}

static store_ops fb_ops;
static store fb_store = {&fb_ops};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_server_open(&S, "fuzz_perspective");
    fb_ops.put_feedback = fb_put;
    fb_ops.errmsg = fb_errmsg;
    S.store = &fb_store;
    return 0;
}

static void check_scores(json_t *root)
{
    json_t *as = json_object_get(root, "attributeScores");
    FUZZ_CHECK(json_is_object(as), "200 without attributeScores");
    const char *k;
    json_t *v;
    json_object_foreach(as, k, v)
    {
        json_t *sv = json_object_get(json_object_get(v, "summaryScore"),
                                     "value");
        FUZZ_CHECK(json_is_number(sv), "%s: no summaryScore.value", k);
        double x = json_number_value(sv);
        FUZZ_CHECK(x >= 0 && x <= 1, "%s: summaryScore %g", k, x);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > S.cfg.max_body_bytes)
        return 0;
    char *body = malloc(size + 1);
    if (!body)
        return 0;
    if (size)
        memcpy(body, data, size);
    body[size] = '\0';
    srv_req rq;
    memset(&rq, 0, sizeof rq);
    rq.s = &S;
    rq.method = "POST";
    rq.path = "/v1alpha1/comments:analyze";
    rq.body = body;
    rq.body_len = size;
    srv_resp out;
    memset(&out, 0, sizeof out);
    srv_perspective_analyze(&rq, &out);
    FUZZ_CHECK(out.status == 200 || out.status == 400, "status %u",
               out.status);
    FUZZ_CHECK(out.json != NULL, "status %u without a JSON body", out.status);
    if (out.status == 200)
        check_scores(out.json);
    else
        FUZZ_CHECK(json_is_object(json_object_get(out.json, "error")),
                   "status %u without an error object", out.status);
    char *dump = json_dumps(out.json, JSON_COMPACT);
    FUZZ_CHECK(dump != NULL, "response does not serialize");
    FUZZ_CHECK(decorum_utf8_check(dump, strlen(dump), NULL) == DECORUM_OK,
               "response is not UTF-8");
    free(dump);
    json_decref(out.json);
    free(out.raw_owned);
    free(body);
    return 0;
}
