/*
 * perspective.c: POST /v1alpha1/comments:analyze and :suggestscore, as
 * Google's Perspective API speaks them (see
 * docs/integrations/perspective-clients.md for the full contract and
 * docs/SERVICE.md for the "decorum" extension).
 *
 * The request is validated field by field in Perspective's order of
 * complaints: the body, comment, comment.text (COMMENT_EMPTY,
 * COMMENT_TOO_LONG), requestedAttributes (NO_REQUESTED_ATTRIBUTES, unknown
 * ones), languages (LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE), the optional
 * fields' types. Fields we do not know are ignored, so clients that send
 * newer fields keep working.
 *
 * Scores: the engine scores all six production attributes at once; the
 * response carries the requested ones. spanScores for an attribute are
 * decorum's evidence spans of that attribute (TOXICITY takes every
 * non-mitigating span, since all of them are evidence of toxicity); when
 * there are none, one span covers the whole comment with the summary score,
 * as Perspective's sentence spans cover the text. Offsets count code
 * points.
 */
#include "server/server.h"
#include "server/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ET_INVALID "INVALID_REQUEST"

typedef struct attr_req {
    int wanted;
    double threshold; /* -1: none */
} attr_req;

/* "TOXICITY" or "TOXICITY@6" (a pinned model version; we have one model
 * per attribute, so any version maps to it). */
static int parse_attr(const char *name, decorum_attribute *a)
{
    const char *at = strchr(name, '@');
    size_t n = at ? (size_t)(at - name) : strlen(name);
    if (at) {
        if (!at[1])
            return -1;
        for (const char *p = at + 1; *p; p++)
            if (!isdigit((unsigned char)*p))
                return -1;
    }
    return decorum_attribute_parse(name, n, a) == DECORUM_OK ? 0 : -1;
}

/* English, with or without a region: "en", "EN", "en-US", "en_GB". */
static int lang_supported(const char *l)
{
    return (l[0] == 'e' || l[0] == 'E') && (l[1] == 'n' || l[1] == 'N') &&
           (l[2] == '\0' || l[2] == '-' || l[2] == '_');
}

/* Checks {"text": string, "type": "PLAIN_TEXT"?}; where names the object.
 * Returns the text or NULL with the error set. */
static const char *text_entry(json_t *obj, const char *where, size_t *len,
                              srv_resp *out)
{
    char field[96];
    if (!json_is_object(obj)) {
        srv_reply_error(out, 400, ET_INVALID, where, NULL,
                        "Invalid value at '%s': expected an object.", where);
        return NULL;
    }
    json_t *type = json_object_get(obj, "type");
    snprintf(field, sizeof field, "%s.type", where);
    if (type && !json_is_null(type)) {
        if (!json_is_string(type)) {
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Invalid value at '%s' (TYPE_ENUM): expected a "
                            "string.",
                            field);
            return NULL;
        }
        if (strcmp(json_string_value(type), "PLAIN_TEXT") != 0) {
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Currently, only 'PLAIN_TEXT' comments are "
                            "supported.");
            return NULL;
        }
    }
    json_t *text = json_object_get(obj, "text");
    snprintf(field, sizeof field, "%s.text", where);
    if (text && !json_is_null(text) && !json_is_string(text)) {
        srv_reply_error(out, 400, ET_INVALID, field, NULL,
                        "Invalid value at '%s' (TYPE_STRING): expected a "
                        "string.",
                        field);
        return NULL;
    }
    /* A null text is an empty one (json_string_value(null) is NULL, which
     * the callers would take for an error already reported: found by
     * fuzz_perspective in CI, a 200-or-400 handler that answered nothing). */
    if (!text || json_is_null(text)) {
        *len = 0;
        return "";
    }
    *len = json_string_length(text);
    return json_string_value(text);
}

static int optional_string(json_t *root, const char *name, srv_resp *out)
{
    json_t *v = json_object_get(root, name);
    if (v && !json_is_null(v) && !json_is_string(v)) {
        srv_reply_error(out, 400, ET_INVALID, name, NULL,
                        "Invalid value at '%s' (TYPE_STRING): expected a "
                        "string.",
                        name);
        return -1;
    }
    return 0;
}

static int optional_bool(json_t *root, const char *name, int *val,
                         srv_resp *out)
{
    json_t *v = json_object_get(root, name);
    *val = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_boolean(v)) {
        srv_reply_error(out, 400, ET_INVALID, name, NULL,
                        "Invalid value at '%s' (TYPE_BOOL): expected true or "
                        "false.",
                        name);
        return -1;
    }
    *val = json_is_true(v);
    return 0;
}

/* The context entries joined with newlines, malloc'd; *len its length. */
static char *context_text(json_t *root, size_t max, size_t *len,
                          srv_resp *out)
{
    json_t *ctx = json_object_get(root, "context");
    *len = 0;
    if (!ctx || json_is_null(ctx))
        return NULL;
    if (!json_is_object(ctx)) {
        srv_reply_error(out, 400, ET_INVALID, "context", NULL,
                        "Invalid value at 'context': expected an object.");
        return (char *)-1;
    }
    json_t *entries = json_object_get(ctx, "entries");
    if (!entries || json_is_null(entries))
        return NULL;
    if (!json_is_array(entries)) {
        srv_reply_error(out, 400, ET_INVALID, "context.entries", NULL,
                        "Invalid value at 'context.entries': expected an "
                        "array.");
        return (char *)-1;
    }
    size_t total = 0, i;
    json_t *e;
    json_array_foreach(entries, i, e)
    {
        char where[64];
        size_t n;
        snprintf(where, sizeof where, "context.entries[%zu]", i);
        if (!text_entry(e, where, &n, out))
            return (char *)-1;
        total += n + 1;
    }
    if (total == 0)
        return NULL;
    if (total > max) {
        srv_reply_error(out, 400, "COMMENT_TOO_LONG", "context.entries", NULL,
                        "Context text too long.");
        return (char *)-1;
    }
    char *buf = malloc(total);
    if (!buf) {
        srv_reply_error(out, 500, NULL, NULL, NULL, "Out of memory.");
        return (char *)-1;
    }
    json_array_foreach(entries, i, e)
    {
        json_t *t = json_object_get(e, "text");
        size_t n = json_string_length(t);
        if (*len)
            buf[(*len)++] = '\n';
        memcpy(buf + *len, json_string_value(t) ? json_string_value(t) : "",
               n);
        *len += n;
    }
    return buf;
}

static json_t *or_null(json_t *v)
{
    return v ? v : json_null();
}

static json_t *score_obj(double v)
{
    return json_pack("{s:f, s:s}", "value", v, "type", "PROBABILITY");
}

static json_t *span_scores(json_t *analysis, decorum_attribute a, double summary,
                           double threshold)
{
    json_t *arr = json_array();
    json_t *spans = json_object_get(analysis, "spans");
    const char *name = decorum_attribute_name(a);
    size_t i;
    json_t *sp;
    json_array_foreach(spans, i, sp)
    {
        if (json_is_true(json_object_get(sp, "mitigating")))
            continue;
        const char *sa = json_string_value(json_object_get(sp, "attribute"));
        if (a != DECORUM_TOXICITY && (!sa || strcmp(sa, name) != 0))
            continue;
        double v = json_real_value(json_object_get(sp, "score"));
        if (v < threshold)
            continue;
        json_array_append_new(
            arr, json_pack("{s:O, s:O, s:o}", "begin",
                           json_object_get(sp, "begin"), "end",
                           json_object_get(sp, "end"), "score", score_obj(v)));
    }
    if (json_array_size(arr) == 0 && summary >= threshold) {
        json_t *chars = json_object_get(analysis, "chars");
        if (json_integer_value(chars) > 0)
            json_array_append_new(
                arr, json_pack("{s:i, s:O, s:o}", "begin", 0, "end", chars,
                               "score", score_obj(summary)));
    }
    return arr;
}

int srv_perspective_analyze(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    json_t *root = NULL, *resp = NULL, *analysis = NULL;
    char *ctxbuf = NULL;
    attr_req attrs[DECORUM_N_ATTRIBUTES] = {{0, -1}};

    if (!srv_auth_api_key(rq)) {
        srv_reply_error(out, 403, NULL, NULL, NULL,
                        "The request is missing a valid API key.");
        goto done;
    }
    root = srv_parse_body(rq, out, ET_INVALID);
    if (!root)
        goto done;

    /* comment */
    json_t *comment = json_object_get(root, "comment");
    if (!comment || json_is_null(comment)) {
        srv_reply_error(out, 400, "COMMENT_EMPTY", "comment", NULL,
                        "Comment must be non-empty.");
        goto done;
    }
    size_t len = 0;
    const char *text = text_entry(comment, "comment", &len, out);
    if (!text)
        goto done;
    if (len == 0) {
        srv_reply_error(out, 400, "COMMENT_EMPTY", "comment.text", NULL,
                        "Comment must be non-empty.");
        goto done;
    }
    if (len > s->cfg.max_comment_bytes) {
        srv_reply_error(out, 400, "COMMENT_TOO_LONG", "comment.text", NULL,
                        "Comment text too long.");
        goto done;
    }

    /* requestedAttributes */
    int drop = 0;
    if (optional_bool(root, "dropUnsupportedAttributes", &drop, out) != 0)
        goto done;
    json_t *req = json_object_get(root, "requestedAttributes");
    if (!req || json_is_null(req) ||
        (json_is_object(req) && json_object_size(req) == 0)) {
        srv_reply_error(out, 400, "NO_REQUESTED_ATTRIBUTES",
                        "requestedAttributes", NULL,
                        "Missing requested_attributes");
        goto done;
    }
    if (!json_is_object(req)) {
        srv_reply_error(out, 400, ET_INVALID, "requestedAttributes", NULL,
                        "Invalid value at 'requestedAttributes': expected an "
                        "object mapping attribute names to options.");
        goto done;
    }
    const char *key;
    json_t *opt;
    json_object_foreach(req, key, opt)
    {
        char field[160];
        decorum_attribute a;
        snprintf(field, sizeof field, "requestedAttributes.%.64s", key);
        if (parse_attr(key, &a) != 0) {
            if (drop)
                continue;
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Unknown requested attribute: %.64s", key);
            goto done;
        }
        if (!json_is_object(opt) && !json_is_null(opt)) {
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Invalid value at '%s': expected an object.",
                            field);
            goto done;
        }
        json_t *st = json_object_get(opt, "scoreType");
        if (st && !json_is_null(st) &&
            (!json_is_string(st) ||
             strcmp(json_string_value(st), "PROBABILITY") != 0)) {
            snprintf(field, sizeof field,
                     "requestedAttributes.%.64s.scoreType", key);
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Invalid value at '%s': only 'PROBABILITY' is "
                            "supported.",
                            field);
            goto done;
        }
        json_t *th = json_object_get(opt, "scoreThreshold");
        double thr = -1;
        if (th && !json_is_null(th)) {
            if (!json_is_number(th) || json_number_value(th) < 0 ||
                json_number_value(th) > 1) {
                snprintf(field, sizeof field,
                         "requestedAttributes.%.64s.scoreThreshold", key);
                srv_reply_error(out, 400, ET_INVALID, field, NULL,
                                "Invalid value at '%s' (TYPE_FLOAT): expected "
                                "a number in [0, 1].",
                                field);
                goto done;
            }
            thr = json_number_value(th);
        }
        attrs[a].wanted = 1;
        attrs[a].threshold = thr;
    }

    /* languages */
    json_t *langs = json_object_get(root, "languages");
    json_t *echo_langs = NULL;
    if (langs && !json_is_null(langs)) {
        if (!json_is_array(langs)) {
            srv_reply_error(out, 400, ET_INVALID, "languages", NULL,
                            "Invalid value at 'languages': expected an array "
                            "of language codes.");
            goto done;
        }
        size_t i;
        json_t *l;
        int all_ok = 1;
        json_array_foreach(langs, i, l)
        {
            if (!json_is_string(l)) {
                char field[32];
                snprintf(field, sizeof field, "languages[%zu]", i);
                srv_reply_error(out, 400, ET_INVALID, field, NULL,
                                "Invalid value at '%s' (TYPE_STRING): "
                                "expected a string.",
                                field);
                goto done;
            }
            all_ok &= lang_supported(json_string_value(l));
        }
        if (json_array_size(langs) > 0 && !all_ok) {
            if (drop) {
                memset(attrs, 0, sizeof attrs);
            } else {
                const char *first = NULL;
                for (int a = 0; a < DECORUM_N_ATTRIBUTES && !first; a++)
                    if (attrs[a].wanted)
                        first = decorum_attribute_name((decorum_attribute)a);
                char list[256] = "";
                size_t n = 0;
                json_array_foreach(langs, i, l)
                {
                    int w = snprintf(list + n, sizeof list - n, "%s%.16s",
                                     n ? ", " : "", json_string_value(l));
                    if (w < 0 || (size_t)w >= sizeof list - n)
                        break;
                    n += (size_t)w;
                }
                json_t *extra = json_pack(
                    "{s:{s:[s], s:s, s:O}}",
                    "languageNotSupportedByAttributeError",
                    "detectedLanguages", "en", "attribute", first ? first : "",
                    "requestedLanguages", langs);
                srv_reply_error(out, 400,
                                "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
                                "languages", extra,
                                "Attribute %s does not support request "
                                "languages: %s",
                                first ? first : "", list);
                goto done;
            }
        }
        if (json_array_size(langs) > 0)
            echo_langs = json_incref(langs);
    }
    int do_not_store = 0, spans_wanted = 0;
    if (optional_bool(root, "doNotStore", &do_not_store, out) != 0 ||
        optional_bool(root, "spanAnnotations", &spans_wanted, out) != 0 ||
        optional_string(root, "clientToken", out) != 0 ||
        optional_string(root, "sessionId", out) != 0 ||
        optional_string(root, "communityId", out) != 0)
        goto done_langs;

    size_t ctxlen = 0;
    ctxbuf = context_text(root, DECORUM_DEFAULT_MAX_INPUT, &ctxlen, out);
    if (ctxbuf == (char *)-1) {
        ctxbuf = NULL;
        goto done_langs;
    }

    decorum_context dctx = {.parent = ctxbuf, .parent_len = ctxlen};
    decorum_status st;
    decorum_error err;
    memset(&err, 0, sizeof err);
    st = DECORUM_OK;
    analysis = srv_analyze(s, text, len, ctxbuf ? &dctx : NULL, &st, &err);
    if (!analysis) {
        if (st == DECORUM_ERR_TOOBIG)
            srv_reply_error(out, 400, "COMMENT_TOO_LONG", "comment.text", NULL,
                            "Comment text too long.");
        else
            srv_reply_error(out, 500, NULL, NULL, NULL,
                            "Analysis failed: %s", err.message);
        goto done_langs;
    }

    json_t *scores = json_object_get(analysis, "scores");
    json_t *attr_scores = json_object();
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        if (!attrs[a].wanted)
            continue;
        const char *name = decorum_attribute_name((decorum_attribute)a);
        double v = json_real_value(json_object_get(scores, name));
        double thr = attrs[a].threshold;
        /* Below the client's threshold the attribute is left out, as
         * Perspective does. */
        if (thr >= 0 && v < thr)
            continue;
        json_t *o = json_pack("{s:o}", "summaryScore", score_obj(v));
        if (spans_wanted)
            json_object_set_new(o, "spanScores",
                                span_scores(analysis, (decorum_attribute)a, v,
                                            thr < 0 ? 0 : thr));
        json_object_set_new(attr_scores, name, o);
    }
    resp = json_pack("{s:o, s:o, s:[s]}", "attributeScores", attr_scores,
                     "languages",
                     echo_langs ? json_incref(echo_langs)
                                : json_pack("[s]", "en"),
                     "detectedLanguages", "en");
    json_t *tok = json_object_get(root, "clientToken");
    if (json_is_string(tok))
        json_object_set(resp, "clientToken", tok);
    json_object_set(resp, "decorum", analysis);

    /* doNotStore is a promise: nothing of the comment is written. */
    if (!do_not_store) {
        json_t *rec = json_pack(
            "{s:s%, s:s%, s:O, s:O, s:O, s:O, s:O}", "text", text, len,
            "context", ctxbuf ? ctxbuf : "", ctxlen, "scores", scores,
            "verdict", json_object_get(analysis, "verdict"), "communityId",
            or_null(json_object_get(root, "communityId")), "sessionId",
            or_null(json_object_get(root, "sessionId")), "clientToken",
            tok ? tok : json_null());
        if (!rec || s->store->ops->put_feedback(s->store, "analyze", rec) !=
                        STORE_OK) {
            json_decref(rec);
            atomic_fetch_add(&s->metrics.store_errors, 1);
            srv_reply_error(out, 500, NULL, NULL, NULL,
                            "Could not store the comment: %s",
                            s->store->ops->errmsg(s->store));
            goto done_langs;
        }
        json_decref(rec);
    }
    srv_reply_json(out, 200, resp);
    resp = NULL;
done_langs:
    json_decref(echo_langs);
done:
    json_decref(resp);
    json_decref(analysis);
    json_decref(root);
    free(ctxbuf);
    return 0;
}

int srv_perspective_suggest(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    json_t *root = NULL;
    if (!srv_auth_api_key(rq)) {
        srv_reply_error(out, 403, NULL, NULL, NULL,
                        "The request is missing a valid API key.");
        return 0;
    }
    root = srv_parse_body(rq, out, ET_INVALID);
    if (!root)
        return 0;
    size_t len = 0;
    json_t *comment = json_object_get(root, "comment");
    if (!comment || json_is_null(comment)) {
        srv_reply_error(out, 400, "COMMENT_EMPTY", "comment", NULL,
                        "Comment must be non-empty.");
        goto done;
    }
    if (!text_entry(comment, "comment", &len, out))
        goto done;
    if (len == 0) {
        srv_reply_error(out, 400, "COMMENT_EMPTY", "comment.text", NULL,
                        "Comment must be non-empty.");
        goto done;
    }
    if (len > s->cfg.max_comment_bytes) {
        srv_reply_error(out, 400, "COMMENT_TOO_LONG", "comment.text", NULL,
                        "Comment text too long.");
        goto done;
    }
    json_t *as = json_object_get(root, "attributeScores");
    if (!as || !json_is_object(as) || json_object_size(as) == 0) {
        srv_reply_error(out, 400, ET_INVALID, "attributeScores", NULL,
                        "Invalid value at 'attributeScores': expected an "
                        "object with at least one attribute.");
        goto done;
    }
    const char *key;
    json_t *v;
    json_object_foreach(as, key, v)
    {
        decorum_attribute a;
        char field[128];
        snprintf(field, sizeof field, "attributeScores.%.64s", key);
        if (parse_attr(key, &a) != 0) {
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Unknown requested attribute: %.64s", key);
            goto done;
        }
        json_t *sv = json_object_get(json_object_get(v, "summaryScore"),
                                     "value");
        if (!json_is_number(sv) || json_number_value(sv) < 0 ||
            json_number_value(sv) > 1) {
            snprintf(field, sizeof field,
                     "attributeScores.%.64s.summaryScore.value", key);
            srv_reply_error(out, 400, ET_INVALID, field, NULL,
                            "Invalid value at '%s' (TYPE_FLOAT): expected a "
                            "number in [0, 1].",
                            field);
            goto done;
        }
    }
    if (optional_string(root, "clientToken", out) != 0 ||
        optional_string(root, "communityId", out) != 0)
        goto done;
    /* The whole request is the training record: comment, context, the
     * scores the client believes right, languages, community. */
    if (s->store->ops->put_feedback(s->store, "suggestscore", root) !=
        STORE_OK) {
        atomic_fetch_add(&s->metrics.store_errors, 1);
        srv_reply_error(out, 500, NULL, NULL, NULL,
                        "Could not store the suggestion: %s",
                        s->store->ops->errmsg(s->store));
        goto done;
    }
    json_t *tok = json_object_get(root, "clientToken");
    json_t *resp = json_object();
    if (json_is_string(tok))
        json_object_set(resp, "clientToken", tok);
    srv_reply_json(out, 200, resp);
done:
    json_decref(root);
    return 0;
}
