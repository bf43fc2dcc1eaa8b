/*
 * native.c: decorum's own API: comment submission with its thread, the
 * moderation queue, decisions with an audit trail, author history, and
 * Coral Talk's external moderation webhook. Shapes are documented in
 * docs/SERVICE.md ("Native API").
 *
 * Who may call what (auth.c): submission takes an API key when keys are
 * configured (or the moderator token); everything that reads stored
 * comments or decides takes the moderator token; the webhook takes Coral's
 * HMAC signature.
 *
 * Lifecycle: a submitted comment is analyzed with its parent's text and
 * the article title as context, then stored in one transaction with its
 * verdict, scores and spans: allow becomes "auto-approved", review and
 * reject wait as "pending". Moderators move it to "approved" or
 * "rejected"; every move, the first one included, is an audit entry.
 * The reply is sent only after the commit.
 */
#include "server/server.h"
#include "server/store.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ID 256     /* site, ids, author name: bytes */
#define MAX_TITLE 1024 /* article title and url, reason */

/* Reads an optional string member; where is the field path for errors.
 * Returns 0 (value or NULL in *val) or -1 with the error set. */
static int get_str(json_t *obj, const char *name, const char *where,
                   size_t max, const char **val, srv_resp *out)
{
    json_t *v = json_object_get(obj, name);
    *val = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        srv_reply_error(out, 400, NULL, where, NULL,
                        "Invalid value at '%s': expected a string.", where);
        return -1;
    }
    if (json_string_length(v) > max) {
        srv_reply_error(out, 400, NULL, where, NULL,
                        "Invalid value at '%s': longer than %zu bytes.", where,
                        max);
        return -1;
    }
    *val = json_string_value(v);
    return 0;
}

/* Accepts a string or an integer id (platforms use both). */
static int get_id(json_t *obj, const char *name, const char *where,
                  char *buf, size_t cap, const char **val, srv_resp *out)
{
    json_t *v = json_object_get(obj, name);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        *val = buf;
        return 0;
    }
    return get_str(obj, name, where, MAX_ID, val, out);
}

static int get_obj(json_t *root, const char *name, json_t **obj,
                   srv_resp *out)
{
    json_t *v = json_object_get(root, name);
    *obj = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_object(v)) {
        srv_reply_error(out, 400, NULL, name, NULL,
                        "Invalid value at '%s': expected an object.", name);
        return -1;
    }
    *obj = v;
    return 0;
}

static int store_failed(srv *s, srv_resp *out)
{
    atomic_fetch_add(&s->metrics.store_errors, 1);
    return srv_reply_error(out, 500, NULL, NULL, NULL, "Store failure: %s",
                           s->store->ops->errmsg(s->store));
}

static int need_moderator(srv_req *rq, srv_resp *out)
{
    if (srv_auth_moderator(rq))
        return 1;
    srv_reply_error(out, 401, NULL, NULL, NULL,
                    "A moderator token is required: send 'Authorization: "
                    "Bearer TOKEN'.");
    return 0;
}

/* Parses the {id} path parameter. */
static int path_id(srv_req *rq, int64_t *id, srv_resp *out)
{
    char buf[32];
    if (rq->param_len == 0 || rq->param_len >= sizeof buf) {
        srv_reply_error(out, 404, NULL, NULL, NULL, "No such comment.");
        return -1;
    }
    memcpy(buf, rq->param, rq->param_len);
    buf[rq->param_len] = '\0';
    char *end = NULL;
    errno = 0;
    long long v = strtoll(buf, &end, 10);
    if (errno || *end || v <= 0) {
        srv_reply_error(out, 404, NULL, NULL, NULL, "No such comment: %s.",
                        buf);
        return -1;
    }
    *id = v;
    return 0;
}

/* Analyzes and stores one comment; *status is the HTTP status to answer
 * (201 new, 200 duplicate). Returns the stored comment or NULL with the
 * error response set. */
static json_t *analyze_and_store(srv *s, store_comment_in *c, srv_resp *out,
                                 unsigned *status)
{
    char *parent = NULL;
    size_t parent_len = 0;
    if (c->parent_ext_id &&
        s->store->ops->get_text(s->store, c->site, c->parent_ext_id, &parent,
                                &parent_len) == STORE_ERROR) {
        store_failed(s, out);
        return NULL;
    }
    decorum_context ctx = {.parent = parent,
                           .parent_len = parent_len,
                           .title = c->article_title,
                           .title_len =
                               c->article_title ? strlen(c->article_title) : 0};
    decorum_status st;
    decorum_error err;
    json_t *analysis = srv_analyze(s, c->text, c->text_len, &ctx, &st, &err);
    free(parent);
    if (!analysis) {
        if (st == DECORUM_ERR_TOOBIG)
            srv_reply_error(out, 400, NULL, "text", NULL,
                            "Invalid value at 'text': longer than the "
                            "engine's limit.");
        else
            srv_reply_error(out, 500, NULL, NULL, NULL, "Analysis failed: %s",
                            err.message);
        return NULL;
    }
    c->verdict = json_string_value(json_object_get(analysis, "verdict"));
    c->status = strcmp(c->verdict, "allow") == 0 ? "auto-approved" : "pending";
    c->analysis = analysis;
    json_t *stored = NULL;
    store_status r = s->store->ops->put_comment(s->store, c, &stored);
    json_decref(analysis);
    c->analysis = NULL;
    c->verdict = c->status = NULL;
    if (r == STORE_DUPLICATE) {
        *status = 200;
        json_object_set_new(stored, "duplicate", json_true());
        return stored;
    }
    if (r != STORE_OK) {
        store_failed(s, out);
        return NULL;
    }
    *status = 201;
    return stored;
}

int srv_native_submit(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    if (!srv_auth_api_key(rq) && !srv_auth_moderator(rq))
        return srv_reply_error(out, 403, NULL, NULL, NULL,
                               "The request is missing a valid API key.");
    json_t *root = srv_parse_body(rq, out, NULL);
    if (!root)
        return 0;
    store_comment_in c = {0};
    json_t *article = NULL, *author = NULL;
    char idbuf[32], pidbuf[32], aidbuf[32], artbuf[32];
    if (get_str(root, "site", "site", MAX_ID, &c.site, out) ||
        get_id(root, "id", "id", idbuf, sizeof idbuf, &c.ext_id, out) ||
        get_id(root, "parent_id", "parent_id", pidbuf, sizeof pidbuf,
               &c.parent_ext_id, out) ||
        get_obj(root, "article", &article, out) ||
        get_obj(root, "author", &author, out) ||
        get_id(article, "id", "article.id", artbuf, sizeof artbuf,
               &c.article_id, out) ||
        get_str(article, "title", "article.title", MAX_TITLE,
                &c.article_title, out) ||
        get_str(article, "url", "article.url", MAX_TITLE, &c.article_url,
                out) ||
        get_id(author, "id", "author.id", aidbuf, sizeof aidbuf, &c.author_id,
               out) ||
        get_str(author, "name", "author.name", MAX_ID, &c.author_name, out))
        goto done;
    json_t *text = json_object_get(root, "text");
    if (!text || json_is_null(text)) {
        srv_reply_error(out, 400, NULL, "text", NULL,
                        "Missing required field 'text'.");
        goto done;
    }
    if (!json_is_string(text)) {
        srv_reply_error(out, 400, NULL, "text", NULL,
                        "Invalid value at 'text': expected a string.");
        goto done;
    }
    if (json_string_length(text) == 0) {
        srv_reply_error(out, 400, NULL, "text", NULL,
                        "Invalid value at 'text': must be non-empty.");
        goto done;
    }
    c.text = json_string_value(text);
    c.text_len = json_string_length(text);
    if (!c.site)
        c.site = "default";
    unsigned status = 0;
    json_t *stored = analyze_and_store(s, &c, out, &status);
    if (stored)
        srv_reply_json(out, status, stored);
done:
    json_decref(root);
    return 0;
}

/* Parses a non-negative integer query argument. */
static int query_size(srv_req *rq, const char *name, size_t def, size_t max,
                      size_t *val, srv_resp *out)
{
    const char *v = srv_query(rq, name);
    *val = def;
    if (!v || !*v)
        return 0;
    char *end = NULL;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || v[0] == '-' || n > max) {
        srv_reply_error(out, 400, NULL, name, NULL,
                        "Invalid value at '%s': expected an integer in [0, "
                        "%zu].",
                        name, max);
        return -1;
    }
    *val = (size_t)n;
    return 0;
}

int srv_native_queue(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    if (!need_moderator(rq, out))
        return 0;
    store_query q = {0};
    q.status = srv_query(rq, "status");
    q.site = srv_query(rq, "site");
    q.article_id = srv_query(rq, "article");
    q.signal = srv_query(rq, "signal");
    q.author_id = srv_query(rq, "author");
    if (q.status && !*q.status)
        q.status = NULL;
    if (!q.status)
        q.status = "pending";
    static const char *const ok[] = {"pending", "approved", "rejected",
                                     "auto-approved", "all"};
    int valid = 0;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        valid |= strcmp(q.status, ok[i]) == 0;
    if (!valid)
        return srv_reply_error(out, 400, NULL, "status", NULL,
                               "Invalid value at 'status': expected pending, "
                               "approved, rejected, auto-approved or all.");
    if (q.signal && *q.signal) {
        decorum_signal sg;
        if (decorum_signal_parse(q.signal, strlen(q.signal), &sg) !=
            DECORUM_OK)
            return srv_reply_error(out, 400, NULL, "signal", NULL,
                                   "Invalid value at 'signal': unknown "
                                   "signal.");
    } else {
        q.signal = NULL;
    }
    if (q.site && !*q.site)
        q.site = NULL;
    if (q.article_id && !*q.article_id)
        q.article_id = NULL;
    if (q.author_id && !*q.author_id)
        q.author_id = NULL;
    const char *order = srv_query(rq, "order");
    q.newest_first = order && strcmp(order, "newest") == 0;
    if (query_size(rq, "limit", 50, 500, &q.limit, out) ||
        query_size(rq, "offset", 0, (size_t)1 << 40, &q.offset, out))
        return 0;
    json_t *res = NULL;
    if (s->store->ops->list(s->store, &q, &res) != STORE_OK)
        return store_failed(s, out);
    json_object_set_new(res, "limit", json_integer((json_int_t)q.limit));
    json_object_set_new(res, "offset", json_integer((json_int_t)q.offset));
    json_object_set_new(res, "status", json_string(q.status));
    return srv_reply_json(out, 200, res);
}

int srv_native_comment(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    int64_t id;
    if (!need_moderator(rq, out) || path_id(rq, &id, out) != 0)
        return 0;
    json_t *res = NULL;
    store_status r = s->store->ops->get_thread(s->store, id, &res);
    if (r == STORE_NOT_FOUND)
        return srv_reply_error(out, 404, NULL, NULL, NULL,
                               "No such comment: %lld.", (long long)id);
    if (r != STORE_OK)
        return store_failed(s, out);
    return srv_reply_json(out, 200, res);
}

int srv_native_decide(srv_req *rq, srv_resp *out, const char *action)
{
    srv *s = rq->s;
    int64_t id;
    if (!need_moderator(rq, out) || path_id(rq, &id, out) != 0)
        return 0;
    json_t *root = NULL;
    const char *reason = NULL, *who = NULL;
    if (rq->body_len > 0) {
        root = srv_parse_body(rq, out, NULL);
        if (!root)
            return 0;
        if (get_str(root, "reason", "reason", MAX_TITLE, &reason, out) ||
            get_str(root, "moderator", "moderator", MAX_ID, &who, out))
            goto done;
    }
    if (!who || !*who) /* an empty field names no one */
        who = srv_header(rq, "X-Moderator");
    if (!who || !*who || strlen(who) > MAX_ID)
        who = "moderator";
    json_t *res = NULL;
    store_status r = s->store->ops->decide(
        s->store, id, strcmp(action, "approve") == 0 ? "approved" : "rejected",
        who, reason, &res);
    if (r == STORE_NOT_FOUND)
        srv_reply_error(out, 404, NULL, NULL, NULL, "No such comment: %lld.",
                        (long long)id);
    else if (r != STORE_OK)
        store_failed(s, out);
    else
        srv_reply_json(out, 200, res);
done:
    json_decref(root);
    return 0;
}

int srv_native_audit(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    if (!need_moderator(rq, out))
        return 0;
    size_t cid = 0, limit = 0;
    if (query_size(rq, "comment", 0, (size_t)1 << 53, &cid, out) ||
        query_size(rq, "limit", 100, 1000, &limit, out))
        return 0;
    json_t *res = NULL;
    if (s->store->ops->audit(s->store, (int64_t)cid, limit, &res) != STORE_OK)
        return store_failed(s, out);
    return srv_reply_json(out, 200, json_pack("{s:o}", "entries", res));
}

int srv_native_author(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    if (!need_moderator(rq, out))
        return 0;
    char aid[MAX_ID + 1];
    if (rq->param_len == 0 || rq->param_len > MAX_ID)
        return srv_reply_error(out, 404, NULL, NULL, NULL, "No such author.");
    memcpy(aid, rq->param, rq->param_len);
    aid[rq->param_len] = '\0';
    const char *site = srv_query(rq, "site");
    if (site && !*site)
        site = NULL;
    json_t *res = NULL;
    store_status r = s->store->ops->author(s->store, site, aid, &res);
    if (r == STORE_NOT_FOUND)
        return srv_reply_error(out, 404, NULL, NULL, NULL,
                               "No comments by author %s.", aid);
    if (r != STORE_OK)
        return store_failed(s, out);
    return srv_reply_json(out, 200, res);
}

/* ---- Coral Talk external moderation ------------------------------------ */

/* Coral comment bodies are HTML from its editor. The engine reads text:
 * tags are dropped (block tags become a newline) and the common entities
 * decoded. Returns a malloc'd string. */
static char *html_to_text(const char *h, size_t n, size_t *len)
{
    char *out = malloc(n + 1);
    size_t o = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        if (h[i] == '<') {
            const char *gt = memchr(h + i, '>', n - i);
            if (!gt)
                break;
            size_t tl = (size_t)(gt - (h + i));
            if ((tl >= 3 && (strncmp(h + i, "<br", 3) == 0 ||
                             strncmp(h + i, "</p", 3) == 0 ||
                             strncmp(h + i, "<p", 2) == 0 ||
                             strncmp(h + i, "</div", 5) == 0)) &&
                o > 0 && out[o - 1] != '\n')
                out[o++] = '\n';
            i += tl + 1;
            continue;
        }
        if (h[i] == '&') {
            static const struct {
                const char *ent;
                char c;
            } ents[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                        {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''},
                        {"&nbsp;", ' '}, {"&apos;", '\''}};
            int hit = 0;
            for (size_t e = 0; e < sizeof ents / sizeof ents[0]; e++) {
                size_t el = strlen(ents[e].ent);
                if (n - i >= el && strncmp(h + i, ents[e].ent, el) == 0) {
                    out[o++] = ents[e].c;
                    i += el;
                    hit = 1;
                    break;
                }
            }
            if (hit)
                continue;
        }
        out[o++] = h[i++];
    }
    while (o > 0 && (out[o - 1] == '\n' || out[o - 1] == ' '))
        o--;
    out[o] = '\0';
    *len = o;
    return out;
}

int srv_native_coral(srv_req *rq, srv_resp *out)
{
    srv *s = rq->s;
    if (!s->cfg.coral_secret)
        return srv_reply_error(out, 501, NULL, NULL, NULL,
                               "The Coral webhook is not configured (set "
                               "coral_secret).");
    if (!srv_coral_signature_ok(s->cfg.coral_secret,
                                srv_header(rq, "X-Coral-Signature"), rq->body,
                                rq->body_len))
        return srv_reply_error(out, 401, NULL, "X-Coral-Signature", NULL,
                               "Missing or wrong X-Coral-Signature.");
    json_t *root = srv_parse_body(rq, out, NULL);
    if (!root)
        return 0;
    json_t *comment = NULL, *author = NULL, *story = NULL, *site = NULL;
    const char *body = NULL;
    char *text = NULL;
    store_comment_in c = {0};
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    if (get_obj(root, "comment", &comment, out) ||
        get_obj(root, "author", &author, out) ||
        get_obj(root, "story", &story, out) ||
        get_obj(root, "site", &site, out) ||
        get_str(comment, "body", "comment.body", s->cfg.max_body_bytes, &body,
                out) ||
        get_id(comment, "id", "comment.id", b1, sizeof b1, &c.ext_id, out) ||
        get_id(comment, "parentID", "comment.parentID", b2, sizeof b2,
               &c.parent_ext_id, out) ||
        get_id(author, "id", "author.id", b3, sizeof b3, &c.author_id, out) ||
        get_str(author, "username", "author.username", MAX_ID, &c.author_name,
                out) ||
        get_id(story, "id", "story.id", b4, sizeof b4, &c.article_id, out) ||
        get_str(story, "url", "story.url", MAX_TITLE, &c.article_url, out) ||
        get_id(site, "id", "site.id", b5, sizeof b5, &c.site, out))
        goto done;
    if (!body) {
        srv_reply_error(out, 400, NULL, "comment.body", NULL,
                        "Missing required field 'comment.body'.");
        goto done;
    }
    text = html_to_text(body, strlen(body), &c.text_len);
    if (!text) {
        srv_reply_error(out, 500, NULL, NULL, NULL, "Out of memory.");
        goto done;
    }
    if (c.text_len == 0) {
        /* Nothing to judge: no opinion. */
        out->status = 204;
        goto done;
    }
    c.text = text;
    if (!c.site)
        c.site = "coral";
    unsigned status = 0;
    json_t *stored = analyze_and_store(s, &c, out, &status);
    if (!stored)
        goto done;
    json_t *an = json_object_get(stored, "analysis");
    const char *verdict = json_string_value(json_object_get(stored, "verdict"));
    if (!verdict || strcmp(verdict, "allow") == 0) {
        json_decref(stored);
        out->status = 204; /* no opinion: Coral goes on with its phases */
        goto done;
    }
    /* review and reject both withhold the comment for a human: decorum does
     * not reject in Coral by itself. The reasons travel in the flag. */
    char details[512] = "";
    size_t n = 0, i;
    json_t *sp;
    json_array_foreach(json_object_get(an, "spans"), i, sp)
    {
        if (json_is_true(json_object_get(sp, "mitigating")))
            continue;
        const char *r = json_string_value(json_object_get(sp, "reason"));
        int w = snprintf(details + n, sizeof details - n, "%s%s",
                         n ? "; " : "", r ? r : "");
        if (w < 0 || (size_t)w >= sizeof details - n) {
            /* Whole reasons only: snprintf has written the part that fit,
             * which may end inside a character (reasons quote the text),
             * and json_pack refuses that. Found by fuzz_native. */
            details[n] = '\0';
            break;
        }
        n += (size_t)w;
    }
    json_t *resp = json_pack(
        "{s:s, s:[{s:s, s:s, s:s}], s:{s:{s:s, s:O, s:O}}}", "status",
        "SYSTEM_WITHHELD", "actions", "actionType", "FLAG", "reason",
        "COMMENT_DETECTED_TOXIC", "additionalDetails",
        n ? details : "decorum flagged this comment", "metadata", "decorum",
        "verdict", verdict, "id", json_object_get(stored, "id"), "scores",
        json_object_get(an, "scores"));
    json_decref(stored);
    srv_reply_json(out, 200, resp); /* a NULL resp becomes a 500 there */
done:
    free(text);
    json_decref(root);
    return 0;
}
