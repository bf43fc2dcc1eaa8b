/*
 * store_sqlite.c: the SQLite implementation of store.h, the default store.
 *
 * One connection, serialized by a mutex: moderation traffic is small next
 * to analyze traffic (which never touches the store when doNotStore is set,
 * as Coral sends it), and one connection keeps transactions trivially
 * ordered. The database runs in WAL mode. With synchronous=FULL (the
 * default) every commit is fsynced before the service answers, so an
 * acknowledged comment survives a crash of the process and of the machine.
 * NORMAL (config "sync": "normal") skips the fsync at commit: in WAL mode
 * that still survives a crash of the process (the WAL is written through
 * the OS page cache before COMMIT returns), but a power loss may drop the
 * last transactions. docs/SERVICE.md says the same.
 *
 * Perspective traffic kept for retraining (analyze without doNotStore,
 * suggestscore) goes through a second connection with synchronous=NORMAL:
 * clients that leave doNotStore out would otherwise pay an fsync per
 * analyze call (measured: 27,000 requests/s fall to 1,200). Those records
 * survive a crash of the process but not a power loss, which suits data
 * that is only ever used in bulk; comments and decisions keep FULL.
 *
 * Schema (version 1, in PRAGMA user_version):
 *   articles(site, id, title, url)                      primary key (site, id)
 *   comments(id, site, ext_id, article_id, parent_ext_id, author_id,
 *            author_name, text, verdict, status, created_at, updated_at,
 *            decided_by, decision_reason, analysis JSON) unique (site, ext_id)
 *   comment_signals(comment_id, signal)                 for the queue filter
 *   audit(id, comment_id, at, moderator, action, reason, previous_status,
 *         new_status)
 *   feedback(id, at, kind, record JSON)                 Perspective traffic
 */
#include "server/store.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sqlite_store {
    store base;
    sqlite3 *db;       /* comments, decisions, audit: synchronous per config */
    pthread_mutex_t mu;
    sqlite3 *fb;       /* Perspective feedback: synchronous=NORMAL */
    pthread_mutex_t fb_mu;
} sqlite_store;

/* Messages are per thread so concurrent failures do not garble each other. */
static _Thread_local char last_error[256];

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS articles("
    " site TEXT NOT NULL, id TEXT NOT NULL, title TEXT, url TEXT,"
    " PRIMARY KEY (site, id));"
    "CREATE TABLE IF NOT EXISTS comments("
    " id INTEGER PRIMARY KEY, site TEXT NOT NULL, ext_id TEXT,"
    " article_id TEXT, parent_ext_id TEXT, author_id TEXT, author_name TEXT,"
    " text TEXT NOT NULL, verdict TEXT NOT NULL, status TEXT NOT NULL,"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, decided_by TEXT,"
    " decision_reason TEXT, analysis TEXT NOT NULL,"
    " UNIQUE (site, ext_id));"
    "CREATE INDEX IF NOT EXISTS comments_status ON comments(status, id);"
    "CREATE INDEX IF NOT EXISTS comments_article ON comments(site, article_id);"
    "CREATE INDEX IF NOT EXISTS comments_author ON comments(site, author_id);"
    "CREATE INDEX IF NOT EXISTS comments_parent ON comments(site, parent_ext_id);"
    "CREATE TABLE IF NOT EXISTS comment_signals("
    " comment_id INTEGER NOT NULL REFERENCES comments(id), signal TEXT NOT NULL,"
    " PRIMARY KEY (signal, comment_id)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS audit("
    " id INTEGER PRIMARY KEY, comment_id INTEGER NOT NULL, at TEXT NOT NULL,"
    " moderator TEXT NOT NULL, action TEXT NOT NULL, reason TEXT,"
    " previous_status TEXT, new_status TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS audit_comment ON audit(comment_id, id);"
    "CREATE TABLE IF NOT EXISTS feedback("
    " id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,"
    " record TEXT NOT NULL);"
    "PRAGMA user_version = 1;";

#define NOW "strftime('%Y-%m-%dT%H:%M:%fZ','now')"

/* The columns every comment query selects, in the order row_comment reads. */
#define COMMENT_COLS                                                           \
    "c.id, c.site, c.ext_id, c.article_id, c.parent_ext_id, c.author_id,"      \
    " c.author_name, c.text, c.verdict, c.status, c.created_at, c.updated_at," \
    " c.decided_by, c.decision_reason, c.analysis, a.title, a.url"
#define COMMENT_FROM                                                           \
    " FROM comments c LEFT JOIN articles a"                                    \
    " ON a.site = c.site AND a.id = c.article_id"

static const char *const STATUSES[] = {"pending", "approved", "rejected",
                                       "auto-approved"};
#define N_STATUSES (sizeof STATUSES / sizeof STATUSES[0])

static store_status fail(sqlite_store *s, const char *what)
{
    snprintf(last_error, sizeof last_error, "%s: %s", what,
             s ? sqlite3_errmsg(s->db) : "?");
    return STORE_ERROR;
}

static json_t *col_str(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    const unsigned char *t = sqlite3_column_text(st, i);
    int n = sqlite3_column_bytes(st, i);
    json_t *v = json_stringn((const char *)t, (size_t)n);
    return v ? v : json_null();
}

/* The JSON form of one comment row (COMMENT_COLS). */
static json_t *row_comment(sqlite3_stmt *st)
{
    json_t *analysis = NULL;
    if (sqlite3_column_type(st, 14) != SQLITE_NULL) {
        const char *a = (const char *)sqlite3_column_text(st, 14);
        analysis = json_loadb(a, (size_t)sqlite3_column_bytes(st, 14), 0, NULL);
    }
    return json_pack(
        "{s:I, s:o, s:o, s:{s:o, s:o, s:o}, s:o, s:{s:o, s:o}, s:o, s:o,"
        " s:o, s:o, s:o, s:o, s:o, s:o}",
        "id", (json_int_t)sqlite3_column_int64(st, 0), "site", col_str(st, 1),
        "ext_id", col_str(st, 2), "article", "id", col_str(st, 3), "title",
        col_str(st, 15), "url", col_str(st, 16), "parent_ext_id",
        col_str(st, 4), "author", "id", col_str(st, 5), "name", col_str(st, 6),
        "text", col_str(st, 7), "verdict", col_str(st, 8), "status",
        col_str(st, 9), "created_at", col_str(st, 10), "updated_at",
        col_str(st, 11), "decided_by", col_str(st, 12), "decision_reason",
        col_str(st, 13), "analysis", analysis ? analysis : json_null());
}

static json_t *row_audit(sqlite3_stmt *st)
{
    return json_pack("{s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
                     (json_int_t)sqlite3_column_int64(st, 0), "comment_id",
                     (json_int_t)sqlite3_column_int64(st, 1), "at",
                     col_str(st, 2), "moderator", col_str(st, 3), "action",
                     col_str(st, 4), "reason", col_str(st, 5),
                     "previous_status", col_str(st, 6), "new_status",
                     col_str(st, 7));
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static int exec(sqlite_store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

/* Runs a prepared statement that returns comment rows, appending them to
 * arr. Finalizes st. */
static store_status collect(sqlite_store *s, sqlite3_stmt *st, json_t *arr,
                            json_t *(*row)(sqlite3_stmt *))
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *o = row(st);
        if (!o || json_array_append_new(arr, o) != 0) {
            sqlite3_finalize(st);
            snprintf(last_error, sizeof last_error, "out of memory");
            return STORE_ERROR;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : fail(s, "step");
}

static store_status get_locked(sqlite_store *s, int64_t id, json_t **out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT " COMMENT_COLS COMMENT_FROM " WHERE c.id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return fail(s, "prepare");
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    store_status r = STORE_OK;
    if (rc == SQLITE_ROW) {
        *out = row_comment(st);
        if (!*out) {
            snprintf(last_error, sizeof last_error, "out of memory");
            r = STORE_ERROR;
        }
    } else if (rc == SQLITE_DONE) {
        r = STORE_NOT_FOUND;
    } else {
        r = fail(s, "step");
    }
    sqlite3_finalize(st);
    return r;
}

static int64_t find_ext(sqlite_store *s, const char *site, const char *ext_id)
{
    sqlite3_stmt *st = NULL;
    int64_t id = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id FROM comments WHERE site = ? AND ext_id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, site, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ext_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        id = -1;
    sqlite3_finalize(st);
    return id;
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static store_status add_audit(sqlite_store *s, int64_t cid, const char *who,
                              const char *action, const char *reason,
                              const char *prev, const char *next)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO audit(comment_id, at, moderator, action,"
                           " reason, previous_status, new_status)"
                           " VALUES (?, " NOW ", ?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return fail(s, "prepare audit");
    sqlite3_bind_int64(st, 1, cid);
    bind_opt(st, 2, who);
    bind_opt(st, 3, action);
    bind_opt(st, 4, reason);
    bind_opt(st, 5, prev);
    bind_opt(st, 6, next);
    int ok = step_done(st);
    sqlite3_finalize(st);
    return ok ? STORE_OK : fail(s, "insert audit");
}

static store_status put_comment(store *base, const store_comment_in *c,
                                json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    store_status r = STORE_ERROR;
    sqlite3_stmt *st = NULL;
    char *analysis = NULL;
    int64_t id = 0;

    analysis = json_dumps(c->analysis, JSON_COMPACT);
    if (!analysis) {
        snprintf(last_error, sizeof last_error, "out of memory");
        return STORE_ERROR;
    }
    pthread_mutex_lock(&s->mu);
    /* IMMEDIATE takes the write lock up front, so the duplicate check and
     * the insert see the same database. */
    if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
        r = fail(s, "begin");
        goto done;
    }
    if (c->ext_id) {
        id = find_ext(s, c->site, c->ext_id);
        if (id < 0) {
            r = fail(s, "lookup");
            goto rollback;
        }
        if (id > 0) {
            exec(s, "ROLLBACK");
            r = get_locked(s, id, out);
            if (r == STORE_OK)
                r = STORE_DUPLICATE;
            goto done;
        }
    }
    if (c->article_id) {
        if (sqlite3_prepare_v2(
                s->db,
                "INSERT INTO articles(site, id, title, url) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(site, id) DO UPDATE SET"
                " title = COALESCE(excluded.title, title),"
                " url = COALESCE(excluded.url, url)",
                -1, &st, NULL) != SQLITE_OK) {
            r = fail(s, "prepare article");
            goto rollback;
        }
        sqlite3_bind_text(st, 1, c->site, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, c->article_id, -1, SQLITE_TRANSIENT);
        bind_opt(st, 3, c->article_title);
        bind_opt(st, 4, c->article_url);
        int ok = step_done(st);
        sqlite3_finalize(st);
        st = NULL;
        if (!ok) {
            r = fail(s, "insert article");
            goto rollback;
        }
    }
    if (sqlite3_prepare_v2(
            s->db,
            "INSERT INTO comments(site, ext_id, article_id, parent_ext_id,"
            " author_id, author_name, text, verdict, status, created_at,"
            " updated_at, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " NOW
            ", " NOW ", ?)",
            -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare comment");
        goto rollback;
    }
    sqlite3_bind_text(st, 1, c->site, -1, SQLITE_TRANSIENT);
    bind_opt(st, 2, c->ext_id);
    bind_opt(st, 3, c->article_id);
    bind_opt(st, 4, c->parent_ext_id);
    bind_opt(st, 5, c->author_id);
    bind_opt(st, 6, c->author_name);
    sqlite3_bind_text(st, 7, c->text, (int)c->text_len, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, c->verdict, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 9, c->status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 10, analysis, -1, SQLITE_TRANSIENT);
    {
        int ok = step_done(st);
        sqlite3_finalize(st);
        st = NULL;
        if (!ok) {
            r = fail(s, "insert comment");
            goto rollback;
        }
    }
    id = sqlite3_last_insert_rowid(s->db);

    /* Signals of the evidence (not of mitigations), for the queue filter. */
    json_t *spans = json_object_get(c->analysis, "spans");
    size_t i;
    json_t *sp;
    json_array_foreach(spans, i, sp)
    {
        const char *sig = json_string_value(json_object_get(sp, "signal"));
        if (!sig || json_is_true(json_object_get(sp, "mitigating")))
            continue;
        if (sqlite3_prepare_v2(s->db,
                               "INSERT OR IGNORE INTO comment_signals"
                               "(comment_id, signal) VALUES (?, ?)",
                               -1, &st, NULL) != SQLITE_OK) {
            r = fail(s, "prepare signal");
            goto rollback;
        }
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, sig, -1, SQLITE_TRANSIENT);
        int ok = step_done(st);
        sqlite3_finalize(st);
        st = NULL;
        if (!ok) {
            r = fail(s, "insert signal");
            goto rollback;
        }
    }
    r = add_audit(s, id, "decorum", c->verdict, "engine verdict", NULL,
                  c->status);
    if (r != STORE_OK)
        goto rollback;
    if (exec(s, "COMMIT") != SQLITE_OK) {
        r = fail(s, "commit");
        goto rollback;
    }
    r = get_locked(s, id, out);
    goto done;
rollback:
    exec(s, "ROLLBACK");
done:
    pthread_mutex_unlock(&s->mu);
    free(analysis);
    return r;
}

static store_status get_comment(store *base, int64_t id, json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    pthread_mutex_lock(&s->mu);
    store_status r = get_locked(s, id, out);
    pthread_mutex_unlock(&s->mu);
    return r;
}

static store_status get_text(store *base, const char *site, const char *ext_id,
                             char **text, size_t *len)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *st = NULL;
    store_status r;
    pthread_mutex_lock(&s->mu);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT text FROM comments WHERE site = ? AND ext_id = ?",
                           -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare");
        goto done;
    }
    sqlite3_bind_text(st, 1, site, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, ext_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        char *t = malloc(n + 1);
        if (!t) {
            snprintf(last_error, sizeof last_error, "out of memory");
            r = STORE_ERROR;
        } else {
            memcpy(t, sqlite3_column_text(st, 0), n);
            t[n] = '\0';
            *text = t;
            *len = n;
            r = STORE_OK;
        }
    } else {
        r = rc == SQLITE_DONE ? STORE_NOT_FOUND : fail(s, "step");
    }
done:
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->mu);
    return r;
}

static store_status audit_locked(sqlite_store *s, int64_t cid, size_t limit,
                                 json_t *arr)
{
    sqlite3_stmt *st = NULL;
    const char *sql =
        cid ? "SELECT id, comment_id, at, moderator, action, reason,"
              " previous_status, new_status FROM audit WHERE comment_id = ?1"
              " ORDER BY id DESC LIMIT ?2"
            : "SELECT id, comment_id, at, moderator, action, reason,"
              " previous_status, new_status FROM audit ORDER BY id DESC"
              " LIMIT ?2";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s, "prepare audit");
    if (cid)
        sqlite3_bind_int64(st, 1, cid);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
    return collect(s, st, arr, row_audit);
}

static store_status get_thread(store *base, int64_t id, json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    json_t *comment = NULL, *parents = json_array(), *replies = json_array(),
           *audit = json_array();
    store_status r;
    sqlite3_stmt *st = NULL;
    if (!parents || !replies || !audit) {
        r = STORE_ERROR;
        goto fail_nolock;
    }
    pthread_mutex_lock(&s->mu);
    r = get_locked(s, id, &comment);
    if (r != STORE_OK)
        goto fail;
    const char *site = json_string_value(json_object_get(comment, "site"));
    /* The parent chain, nearest first; the depth bound also stops a cycle
     * that clients could build with ext_ids. */
    json_t *cur = comment;
    for (int depth = 0; depth < 32; depth++) {
        const char *pid =
            json_string_value(json_object_get(cur, "parent_ext_id"));
        if (!pid)
            break;
        int64_t p = find_ext(s, site, pid);
        if (p <= 0)
            break;
        json_t *pc = NULL;
        if (get_locked(s, p, &pc) != STORE_OK)
            break;
        json_array_append_new(parents, pc);
        cur = pc;
    }
    const char *ext = json_string_value(json_object_get(comment, "ext_id"));
    if (ext) {
        if (sqlite3_prepare_v2(s->db,
                               "SELECT " COMMENT_COLS COMMENT_FROM
                               " WHERE c.site = ? AND c.parent_ext_id = ?"
                               " ORDER BY c.id LIMIT 50",
                               -1, &st, NULL) != SQLITE_OK) {
            r = fail(s, "prepare replies");
            goto fail;
        }
        sqlite3_bind_text(st, 1, site, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, ext, -1, SQLITE_TRANSIENT);
        r = collect(s, st, replies, row_comment);
        if (r != STORE_OK)
            goto fail;
    }
    r = audit_locked(s, id, 100, audit);
    if (r != STORE_OK)
        goto fail;
    pthread_mutex_unlock(&s->mu);
    *out = json_pack("{s:O, s:O, s:o, s:o, s:o}", "comment", comment,
                     "article", json_object_get(comment, "article"), "parents",
                     parents, "replies", replies, "audit", audit);
    json_decref(comment);
    return *out ? STORE_OK : STORE_ERROR;
fail:
    pthread_mutex_unlock(&s->mu);
fail_nolock:
    json_decref(comment);
    json_decref(parents);
    json_decref(replies);
    json_decref(audit);
    return r;
}

/* Appends the WHERE clause of q (without status when with_status is 0) to
 * sql and binds nothing; bind_where binds in the same order. */
static void where_sql(const store_query *q, int with_status, char *sql,
                      size_t cap)
{
    size_t n = strlen(sql);
    snprintf(sql + n, cap - n, " WHERE 1");
    n = strlen(sql);
    if (with_status && q->status && strcmp(q->status, "all") != 0) {
        snprintf(sql + n, cap - n, " AND c.status = ?");
        n = strlen(sql);
    }
    if (q->site) {
        snprintf(sql + n, cap - n, " AND c.site = ?");
        n = strlen(sql);
    }
    if (q->article_id) {
        snprintf(sql + n, cap - n, " AND c.article_id = ?");
        n = strlen(sql);
    }
    if (q->author_id) {
        snprintf(sql + n, cap - n, " AND c.author_id = ?");
        n = strlen(sql);
    }
    if (q->signal)
        snprintf(sql + n, cap - n,
                 " AND EXISTS (SELECT 1 FROM comment_signals g"
                 " WHERE g.comment_id = c.id AND g.signal = ?)");
}

static int bind_where(sqlite3_stmt *st, const store_query *q, int with_status)
{
    int i = 1;
    if (with_status && q->status && strcmp(q->status, "all") != 0)
        sqlite3_bind_text(st, i++, q->status, -1, SQLITE_TRANSIENT);
    if (q->site)
        sqlite3_bind_text(st, i++, q->site, -1, SQLITE_TRANSIENT);
    if (q->article_id)
        sqlite3_bind_text(st, i++, q->article_id, -1, SQLITE_TRANSIENT);
    if (q->author_id)
        sqlite3_bind_text(st, i++, q->author_id, -1, SQLITE_TRANSIENT);
    if (q->signal)
        sqlite3_bind_text(st, i++, q->signal, -1, SQLITE_TRANSIENT);
    return i;
}

static json_t *empty_counts(void)
{
    json_t *o = json_object();
    for (size_t i = 0; o && i < N_STATUSES; i++)
        json_object_set_new(o, STATUSES[i], json_integer(0));
    return o;
}

/* Counts by status under q's filters (status excluded), into counts. */
static store_status counts_locked(sqlite_store *s, const store_query *q,
                                  json_t *counts)
{
    char sql[1024] = "SELECT c.status, COUNT(*) FROM comments c";
    sqlite3_stmt *st = NULL;
    where_sql(q, 0, sql, sizeof sql);
    size_t n = strlen(sql);
    snprintf(sql + n, sizeof sql - n, " GROUP BY c.status");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(s, "prepare counts");
    bind_where(st, q, 0);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        json_object_set_new(counts, k,
                            json_integer(sqlite3_column_int64(st, 1)));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? STORE_OK : fail(s, "counts");
}

static store_status list(store *base, const store_query *q, json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    char sql[2048];
    sqlite3_stmt *st = NULL;
    json_t *items = json_array(), *counts = empty_counts();
    json_int_t total = 0;
    store_status r = STORE_ERROR;
    if (!items || !counts)
        goto fail_nolock;
    pthread_mutex_lock(&s->mu);

    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM comments c");
    where_sql(q, 1, sql, sizeof sql);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare total");
        goto fail;
    }
    bind_where(st, q, 1);
    if (sqlite3_step(st) == SQLITE_ROW)
        total = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);

    snprintf(sql, sizeof sql, "SELECT " COMMENT_COLS COMMENT_FROM);
    where_sql(q, 1, sql, sizeof sql);
    size_t n = strlen(sql);
    snprintf(sql + n, sizeof sql - n, " ORDER BY c.id %s LIMIT ? OFFSET ?",
             q->newest_first ? "DESC" : "ASC");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare list");
        goto fail;
    }
    int i = bind_where(st, q, 1);
    sqlite3_bind_int64(st, i, (sqlite3_int64)q->limit);
    sqlite3_bind_int64(st, i + 1, (sqlite3_int64)q->offset);
    r = collect(s, st, items, row_comment);
    if (r != STORE_OK)
        goto fail;
    r = counts_locked(s, q, counts);
    if (r != STORE_OK)
        goto fail;
    pthread_mutex_unlock(&s->mu);
    *out = json_pack("{s:o, s:I, s:o}", "items", items, "total", total,
                     "counts", counts);
    return *out ? STORE_OK : STORE_ERROR;
fail:
    pthread_mutex_unlock(&s->mu);
fail_nolock:
    json_decref(items);
    json_decref(counts);
    return r;
}

static store_status decide(store *base, int64_t id, const char *status,
                           const char *moderator, const char *reason,
                           json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *st = NULL;
    store_status r;
    char prev[32] = "";
    pthread_mutex_lock(&s->mu);
    if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
        r = fail(s, "begin");
        goto done;
    }
    if (sqlite3_prepare_v2(s->db, "SELECT status FROM comments WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare");
        goto rollback;
    }
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(prev, sizeof prev, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_ROW) {
        r = rc == SQLITE_DONE ? STORE_NOT_FOUND : fail(s, "step");
        goto rollback;
    }
    if (sqlite3_prepare_v2(s->db,
                           "UPDATE comments SET status = ?, decided_by = ?,"
                           " decision_reason = ?, updated_at = " NOW
                           " WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare update");
        goto rollback;
    }
    sqlite3_bind_text(st, 1, status, -1, SQLITE_TRANSIENT);
    bind_opt(st, 2, moderator);
    bind_opt(st, 3, reason);
    sqlite3_bind_int64(st, 4, id);
    int ok = step_done(st);
    sqlite3_finalize(st);
    if (!ok) {
        r = fail(s, "update");
        goto rollback;
    }
    r = add_audit(s, id, moderator,
                  strcmp(status, "approved") == 0 ? "approve" : "reject",
                  reason, prev, status);
    if (r != STORE_OK)
        goto rollback;
    if (exec(s, "COMMIT") != SQLITE_OK) {
        r = fail(s, "commit");
        goto rollback;
    }
    r = get_locked(s, id, out);
    goto done;
rollback:
    exec(s, "ROLLBACK");
done:
    pthread_mutex_unlock(&s->mu);
    return r;
}

static store_status audit(store *base, int64_t cid, size_t limit, json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    json_t *arr = json_array();
    if (!arr)
        return STORE_ERROR;
    pthread_mutex_lock(&s->mu);
    store_status r = audit_locked(s, cid, limit, arr);
    pthread_mutex_unlock(&s->mu);
    if (r != STORE_OK) {
        json_decref(arr);
        return r;
    }
    *out = arr;
    return STORE_OK;
}

static store_status author(store *base, const char *site, const char *aid,
                           json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    store_query q = {.site = site, .author_id = aid, .newest_first = 1,
                     .limit = 20};
    json_t *counts = empty_counts(), *recent = json_array();
    json_t *name = NULL;
    sqlite3_stmt *st = NULL;
    store_status r = STORE_ERROR;
    if (!counts || !recent)
        goto fail_nolock;
    pthread_mutex_lock(&s->mu);
    r = counts_locked(s, &q, counts);
    if (r != STORE_OK)
        goto fail;
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT " COMMENT_COLS COMMENT_FROM);
    where_sql(&q, 0, sql, sizeof sql);
    size_t n = strlen(sql);
    snprintf(sql + n, sizeof sql - n, " ORDER BY c.id DESC LIMIT 20");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        r = fail(s, "prepare author");
        goto fail;
    }
    bind_where(st, &q, 0);
    r = collect(s, st, recent, row_comment);
    if (r != STORE_OK)
        goto fail;
    pthread_mutex_unlock(&s->mu);

    json_int_t total = 0;
    const char *k;
    json_t *v;
    json_object_foreach(counts, k, v) total += json_integer_value(v);
    if (total == 0) {
        json_decref(counts);
        json_decref(recent);
        return STORE_NOT_FOUND;
    }
    json_t *first = json_array_get(recent, 0);
    name = json_object_get(json_object_get(first, "author"), "name");
    json_int_t rejected = json_integer_value(json_object_get(counts, "rejected"));
    *out = json_pack("{s:s, s:s?, s:O, s:o, s:I, s:f, s:o}", "author_id", aid,
                     "site", site, "name", name ? name : json_null(), "counts",
                     counts, "total", total, "rejection_rate",
                     (double)rejected / (double)total, "recent", recent);
    return *out ? STORE_OK : STORE_ERROR;
fail:
    pthread_mutex_unlock(&s->mu);
fail_nolock:
    json_decref(counts);
    json_decref(recent);
    return r;
}

static store_status counts(store *base, json_t **out)
{
    sqlite_store *s = (sqlite_store *)base;
    store_query q = {0};
    json_t *c = empty_counts();
    if (!c)
        return STORE_ERROR;
    pthread_mutex_lock(&s->mu);
    store_status r = counts_locked(s, &q, c);
    pthread_mutex_unlock(&s->mu);
    if (r != STORE_OK) {
        json_decref(c);
        return r;
    }
    *out = c;
    return STORE_OK;
}

static store_status put_feedback(store *base, const char *kind, json_t *record)
{
    sqlite_store *s = (sqlite_store *)base;
    sqlite3_stmt *st = NULL;
    char *js = json_dumps(record, JSON_COMPACT);
    if (!js) {
        snprintf(last_error, sizeof last_error, "out of memory");
        return STORE_ERROR;
    }
    store_status r = STORE_OK;
    pthread_mutex_lock(&s->fb_mu);
    if (sqlite3_prepare_v2(s->fb,
                           "INSERT INTO feedback(at, kind, record)"
                           " VALUES (" NOW ", ?, ?)",
                           -1, &st, NULL) != SQLITE_OK) {
        r = STORE_ERROR;
        st = NULL;
    } else {
        sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, js, -1, SQLITE_TRANSIENT);
        if (!step_done(st)) {
            snprintf(last_error, sizeof last_error, "insert feedback: %s",
                     sqlite3_errmsg(s->fb));
            r = STORE_ERROR;
        }
    }
    if (r != STORE_OK && !st)
        snprintf(last_error, sizeof last_error, "prepare feedback: %s",
                 sqlite3_errmsg(s->fb));
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->fb_mu);
    free(js);
    return r;
}

static const char *errmsg(store *base)
{
    (void)base;
    return last_error;
}

static void sqlite_close(store *base)
{
    sqlite_store *s = (sqlite_store *)base;
    if (!s)
        return;
    sqlite3_close(s->fb);
    sqlite3_close(s->db);
    pthread_mutex_destroy(&s->fb_mu);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

static const store_ops SQLITE_OPS = {
    .name = "sqlite",
    .close = sqlite_close,
    .put_comment = put_comment,
    .get_comment = get_comment,
    .get_text = get_text,
    .get_thread = get_thread,
    .list = list,
    .decide = decide,
    .audit = audit,
    .author = author,
    .counts = counts,
    .put_feedback = put_feedback,
    .errmsg = errmsg,
};

store *store_sqlite_open(const char *path, int sync_full, char *errbuf,
                         size_t errcap)
{
    sqlite_store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(errbuf, errcap, "out of memory");
        return NULL;
    }
    s->base.ops = &SQLITE_OPS;
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->fb_mu, NULL);
    if (sqlite3_open_v2(path, &s->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                            SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        snprintf(errbuf, errcap, "%s: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "cannot open");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    char pragmas[128];
    snprintf(pragmas, sizeof pragmas,
             "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s;"
             " PRAGMA foreign_keys=ON;",
             sync_full ? "FULL" : "NORMAL");
    char *msg = NULL;
    if (sqlite3_exec(s->db, pragmas, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, SCHEMA, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(errbuf, errcap, "%s: %s", path, msg ? msg : "schema");
        sqlite3_free(msg);
        goto fail;
    }
    /* Opened after the schema exists, so it needs none of it. */
    if (sqlite3_open_v2(path, &s->fb,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK ||
        sqlite3_exec(s->fb, "PRAGMA synchronous=NORMAL;", NULL, NULL, &msg) !=
            SQLITE_OK) {
        snprintf(errbuf, errcap, "%s: %s", path,
                 msg ? msg : (s->fb ? sqlite3_errmsg(s->fb) : "cannot open"));
        sqlite3_free(msg);
        goto fail;
    }
    sqlite3_busy_timeout(s->fb, 5000);
    return &s->base;
fail:
    sqlite_close(&s->base);
    return NULL;
}
