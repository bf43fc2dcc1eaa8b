/*
 * webassets.c: the moderator page (web/), compiled into the binary so that
 * `decorum serve` stands alone, and served at / with its CSS and JS.
 *
 * The files are embedded with the assembler's .incbin at build time, from
 * DECORUM_WEB_DIR (set by CMake to the source tree's web/). CMake does not
 * know that this object depends on the files in web/: after editing the page, touch
 * this file, or run `decorum serve --web web/`, which reads the files from
 * disk on every request (for working on the page without rebuilding).
 *
 * Only the files listed in ASSETS are served, by exact name, so --web
 * cannot be made to serve anything else from the disk.
 */
#include "server/server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef DECORUM_WEB_DIR
#error "DECORUM_WEB_DIR must name the web/ directory (CMake sets it)"
#endif

/* Emits SYM (the bytes of FILE) and SYM_end into .rodata. Hidden global
 * symbols, so the C references below bind to them directly. */
#define EMBED(sym, file)                                                       \
    __asm__(".section .rodata\n"                                               \
            ".balign 16\n"                                                     \
            ".global " #sym "\n"                                               \
            ".hidden " #sym "\n"                                               \
            ".global " #sym "_end\n"                                           \
            ".hidden " #sym "_end\n" #sym ":\n"                                \
            ".incbin \"" DECORUM_WEB_DIR "/" file "\"\n" #sym "_end:\n"        \
            ".byte 0\n"                                                        \
            ".previous\n");                                                    \
    extern const char sym[], sym##_end[]

EMBED(srv_web_index, "index.html");
EMBED(srv_web_css, "app.css");
EMBED(srv_web_js, "app.js");
EMBED(srv_web_icon, "favicon.svg");

static const struct asset {
    const char *path; /* URL path */
    const char *file; /* name under the web directory */
    const char *type;
    const char *data, *end;
} ASSETS[] = {
    {"/", "index.html", "text/html; charset=utf-8", srv_web_index,
     srv_web_index_end},
    {"/index.html", "index.html", "text/html; charset=utf-8", srv_web_index,
     srv_web_index_end},
    {"/app.css", "app.css", "text/css; charset=utf-8", srv_web_css,
     srv_web_css_end},
    {"/app.js", "app.js", "text/javascript; charset=utf-8", srv_web_js,
     srv_web_js_end},
    {"/favicon.svg", "favicon.svg", "image/svg+xml", srv_web_icon,
     srv_web_icon_end},
    {"/favicon.ico", "favicon.svg", "image/svg+xml", srv_web_icon,
     srv_web_icon_end},
};

static char *read_file(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int srv_web_serve(srv_req *rq, srv_resp *out)
{
    for (size_t i = 0; i < sizeof ASSETS / sizeof ASSETS[0]; i++) {
        const struct asset *a = &ASSETS[i];
        if (strcmp(rq->path, a->path) != 0)
            continue;
        out->status = 200;
        out->content_type = a->type;
        /* The page is small and changes with the binary; revalidating on
         * each load beats stale JS after an upgrade. */
        out->extra_header = "Cache-Control";
        out->extra_value = "no-cache";
        if (rq->s->cfg.web_dir) {
            size_t len = 0;
            char *data = read_file(rq->s->cfg.web_dir, a->file, &len);
            if (!data)
                return srv_reply_error(out, 404, NULL, NULL, NULL,
                                       "Cannot read %s from %s.", a->file,
                                       rq->s->cfg.web_dir);
            out->raw_owned = data;
            out->raw = data;
            out->raw_len = len;
        } else {
            out->raw = a->data;
            out->raw_len = (size_t)(a->end - a->data);
        }
        return 0;
    }
    return srv_reply_error(out, 404, NULL, NULL, NULL, "No such resource: %s.",
                           rq->path);
}
