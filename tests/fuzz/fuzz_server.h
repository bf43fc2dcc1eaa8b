/*
 * fuzz_server.h: set-up shared by the harnesses of the service's handlers
 * (fuzz_perspective, fuzz_native): a server holding the real built-in
 * engine and its scratch pool and the harnesses' request limits (above the
 * service's defaults, so that long texts reach the handlers),
 * with no connection or store yet.
 */
#ifndef DECORUM_FUZZ_SERVER_H
#define DECORUM_FUZZ_SERVER_H

#include "server.h"

#include <stdio.h>
#include <stdlib.h>

/* Opens the engine and pool into s and sets the request limits, or aborts
 * naming the harness. */
static inline void fuzz_server_open(srv *s, const char *harness)
{
    decorum_error err;
    if (decorum_engine_open(NULL, &s->engine, &err) != DECORUM_OK) {
        fprintf(stderr, "%s: engine: %s\n", harness, err.message);
        abort();
    }
    s->pool = srv_pool_new(s->engine);
    if (!s->pool)
        abort();
    s->cfg.max_comment_bytes = 20480;
    s->cfg.max_body_bytes = 1 << 20;
}

#endif /* DECORUM_FUZZ_SERVER_H */
