/*
 * store.h: where the service keeps comments, decisions, the audit log and
 * Perspective feedback.
 *
 * Handlers talk to this interface only; store_sqlite.c implements it today,
 * and a PostgreSQL store can follow by filling another store_ops without
 * touching a handler. Values cross the interface as jansson objects, the
 * currency of the whole service, in the shapes documented in
 * docs/SERVICE.md ("Native API").
 *
 * Contract for every implementation:
 * - Durability: a write function that returns STORE_OK has committed; the
 *   data survives a crash of the process (the service answers only after
 *   that, so an acknowledged comment is never lost).
 * - Thread safety: every function may be called from any request thread at
 *   the same time.
 * - Ownership: json_t results are new references the caller releases;
 *   json_t arguments are borrowed.
 */
#ifndef DECORUM_STORE_H
#define DECORUM_STORE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

typedef enum store_status {
    STORE_OK = 0,
    STORE_NOT_FOUND,
    STORE_DUPLICATE, /* (site, external id) already stored: *out is it */
    STORE_ERROR      /* I/O, corruption, out of memory: see the message */
} store_status;

/* A comment to store: the thread it belongs to and its analysis. */
typedef struct store_comment_in {
    const char *site;          /* required */
    const char *ext_id;        /* the platform's id; NULL: none */
    const char *article_id;    /* NULL: none */
    const char *article_title; /* NULL: keep what is stored */
    const char *article_url;   /* NULL: keep what is stored */
    const char *parent_ext_id; /* the ext_id of the comment it answers */
    const char *author_id, *author_name;
    const char *text;
    size_t text_len;
    const char *verdict; /* "allow" | "review" | "reject" */
    const char *status;  /* "pending" | "auto-approved" */
    json_t *analysis;    /* the "decorum" object of the verdict */
} store_comment_in;

/* Queue filters. NULL/0 fields do not filter. */
typedef struct store_query {
    const char *status; /* "pending", ..., NULL or "all" */
    const char *site, *article_id, *signal, *author_id;
    int newest_first;
    size_t limit, offset;
} store_query;

typedef struct store store;

typedef struct store_ops {
    const char *name;
    void (*close)(store *st);
    /* Stores a comment and its first audit entry ("system" decided the
     * initial status). *out: the stored comment. */
    store_status (*put_comment)(store *st, const store_comment_in *c,
                                json_t **out);
    /* One comment by id, or NOT_FOUND. */
    store_status (*get_comment)(store *st, int64_t id, json_t **out);
    /* The text of (site, ext_id): parent lookup for context. *text is
     * malloc'd. */
    store_status (*get_text)(store *st, const char *site, const char *ext_id,
                             char **text, size_t *len);
    /* {"comment":..., "article":..., "parents":[nearest first],
     *  "replies":[...], "audit":[...]} */
    store_status (*get_thread)(store *st, int64_t id, json_t **out);
    /* {"items":[...], "total":n, "counts":{"pending":n,...}} */
    store_status (*list)(store *st, const store_query *q, json_t **out);
    /* Sets the status and appends an audit entry with the previous one.
     * *out: the updated comment. */
    store_status (*decide)(store *st, int64_t id, const char *status,
                           const char *moderator, const char *reason,
                           json_t **out);
    /* Audit entries, newest first; comment_id 0: all. */
    store_status (*audit)(store *st, int64_t comment_id, size_t limit,
                          json_t **out);
    /* {"author_id", "name", "counts":{...}, "total", "rejection_rate",
     *  "recent":[...]} */
    store_status (*author)(store *st, const char *site, const char *author_id,
                           json_t **out);
    /* {"pending": n, "approved": n, "rejected": n, "auto-approved": n} */
    store_status (*counts)(store *st, json_t **out);
    /* Perspective traffic kept for retraining. kind: "analyze" or
     * "suggestscore"; record: the request (and scores) as JSON. */
    store_status (*put_feedback)(store *st, const char *kind, json_t *record);
    /* The last error message of this thread's call. */
    const char *(*errmsg)(store *st);
} store_ops;

struct store {
    const store_ops *ops;
};

/* Opens the SQLite store at path (created when missing), in WAL mode with
 * synchronous=FULL (sync_full) or NORMAL. Returns NULL and fills errbuf. */
store *store_sqlite_open(const char *path, int sync_full, char *errbuf,
                         size_t errcap);

/* Convenience dispatchers: st->ops->fn(st, ...). */
#define store_close(st) ((st) ? (st)->ops->close(st) : (void)0)

#endif /* DECORUM_STORE_H */
