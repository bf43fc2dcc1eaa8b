/*
 * serve.c: `decorum serve`, the Perspective-compatible moderation service.
 * Reads options (defaults < config file < environment < command line),
 * loads the one shared engine, opens the store, starts the HTTP daemon
 * (http.c), then waits for SIGTERM or SIGINT and drains: requests in flight
 * finish, then the process exits 0.
 *
 * Signals are blocked in every thread (the mask is set before MHD starts
 * its workers, which inherit it) and taken synchronously with sigwait in
 * the main thread, so no handler runs in the middle of a request.
 *
 * The config file is JSON; docs/SERVICE.md lists its keys. Unknown keys are
 * an error, so a typo does not silently leave a default in place.
 */
#include "cli/cli.h"
#include "server/server.h"
#include "server/store.h"

#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: decorum serve [OPTIONS]\n\n"
            "Serves the Perspective-compatible API (/v1alpha1), the native "
            "moderation API (/v1)\nand the moderator page (/).\n\n"
            "  --listen HOST:PORT     address (default 127.0.0.1:8080; port 0: "
            "any free port)\n"
            "  --db FILE              SQLite store (default decorum.db)\n"
            "  --config FILE          JSON config file (docs/SERVICE.md)\n"
            "  --threads N            worker threads (default: CPU count)\n"
            "  --lexicon DIR          lexicon directory (default: built in)\n"
            "  --model FILE           model file (default: built in)\n"
            "  --web DIR              serve the page from DIR (default: built "
            "in)\n"
            "  --api-key KEY          require this key for analyze (repeatable)\n"
            "  --max-comment-bytes N  Perspective COMMENT_TOO_LONG limit "
            "(default 3000)\n"
            "  --max-body-bytes N     request body limit, 413 past it (default "
            "65536)\n"
            "  --timeout SECONDS      idle connection timeout (default 15)\n"
            "  --max-connections N    concurrent connections (default 512)\n"
            "  --sync full|normal     SQLite synchronous mode (default full)\n"
            "\nThe moderator token comes from the config file or "
            "DECORUM_MODERATOR_TOKEN;\nwithout one, a random token is "
            "generated and printed.\n");
}

static char *xstrdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = xstrdup(v);
}

static int add_key(srv_config *c, const char *k)
{
    char **nk = realloc(c->api_keys, (c->n_api_keys + 1) * sizeof *nk);
    if (!nk)
        return -1;
    c->api_keys = nk;
    c->api_keys[c->n_api_keys] = xstrdup(k);
    if (!c->api_keys[c->n_api_keys])
        return -1;
    c->n_api_keys++;
    return 0;
}

static void config_free(srv_config *c)
{
    free(c->listen);
    free(c->db);
    free(c->lexicon_dir);
    free(c->model_path);
    free(c->web_dir);
    for (size_t i = 0; i < c->n_api_keys; i++)
        free(c->api_keys[i]);
    free(c->api_keys);
    free(c->moderator_token);
    free(c->coral_secret);
}

static int parse_uint(const char *what, const char *v, unsigned long long max,
                      unsigned long long *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || !end || *end || end == v || v[0] == '-' || n > max) {
        fprintf(stderr, "decorum serve: %s: expected an integer up to %llu, "
                        "got '%s'\n",
                what, max, v);
        return -1;
    }
    *out = n;
    return 0;
}

static int parse_sync(const char *v, int *full)
{
    if (strcmp(v, "full") == 0)
        *full = 1;
    else if (strcmp(v, "normal") == 0)
        *full = 0;
    else {
        fprintf(stderr, "decorum serve: sync: expected full or normal\n");
        return -1;
    }
    return 0;
}

/* Applies the JSON config file at path to c. */
static int load_config(srv_config *c, const char *path)
{
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        fprintf(stderr, "decorum serve: %s:%d:%d: %s\n", path, je.line,
                je.column, je.text);
        return -1;
    }
    int rc = -1;
    if (!json_is_object(root)) {
        fprintf(stderr, "decorum serve: %s: expected a JSON object\n", path);
        goto done;
    }
    const char *k;
    json_t *v;
    json_object_foreach(root, k, v)
    {
        static const struct {
            const char *key;
            size_t off;
        } strs[] = {
            {"listen", offsetof(srv_config, listen)},
            {"db", offsetof(srv_config, db)},
            {"lexicon_dir", offsetof(srv_config, lexicon_dir)},
            {"model", offsetof(srv_config, model_path)},
            {"web_dir", offsetof(srv_config, web_dir)},
            {"moderator_token", offsetof(srv_config, moderator_token)},
            {"coral_secret", offsetof(srv_config, coral_secret)},
        };
        static const struct {
            const char *key;
            unsigned long long max;
        } nums[] = {{"threads", 256},
                    {"max_comment_bytes", DECORUM_MAX_INPUT_LIMIT},
                    {"max_body_bytes", 64u << 20},
                    {"timeout_seconds", 3600},
                    {"max_connections", 65536},
                    {"drain_seconds", 3600}};
        int done_key = 0;
        for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
            if (strcmp(k, strs[i].key) != 0)
                continue;
            if (!json_is_string(v) && !json_is_null(v)) {
                fprintf(stderr, "decorum serve: %s: '%s' must be a string\n",
                        path, k);
                goto done;
            }
            set_str((char **)((char *)c + strs[i].off), json_string_value(v));
            done_key = 1;
        }
        for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
            if (strcmp(k, nums[i].key) != 0)
                continue;
            json_int_t n = json_integer_value(v);
            if (!json_is_integer(v) || n < 0 ||
                (unsigned long long)n > nums[i].max) {
                fprintf(stderr,
                        "decorum serve: %s: '%s' must be an integer in [0, "
                        "%llu]\n",
                        path, k, nums[i].max);
                goto done;
            }
            if (i == 0)
                c->threads = (unsigned)n;
            else if (i == 1)
                c->max_comment_bytes = (size_t)n;
            else if (i == 2)
                c->max_body_bytes = (size_t)n;
            else if (i == 3)
                c->timeout_s = (unsigned)n;
            else if (i == 4)
                c->max_connections = (unsigned)n;
            else
                c->drain_s = (unsigned)n;
            done_key = 1;
        }
        if (done_key)
            continue;
        if (strcmp(k, "api_keys") == 0) {
            size_t i;
            json_t *e;
            if (!json_is_array(v)) {
                fprintf(stderr, "decorum serve: %s: 'api_keys' must be an "
                                "array of strings\n",
                        path);
                goto done;
            }
            json_array_foreach(v, i, e)
            {
                if (!json_is_string(e) || add_key(c, json_string_value(e))) {
                    fprintf(stderr, "decorum serve: %s: 'api_keys' must be an "
                                    "array of strings\n",
                            path);
                    goto done;
                }
            }
        } else if (strcmp(k, "sync") == 0) {
            if (!json_is_string(v) || parse_sync(json_string_value(v),
                                                 &c->sync_full) != 0)
                goto done;
        } else if (strcmp(k, "review_threshold") == 0 ||
                   strcmp(k, "reject_threshold") == 0) {
            double d = json_number_value(v);
            if (!json_is_number(v) || d <= 0 || d > 1) {
                fprintf(stderr, "decorum serve: %s: '%s' must be in (0, 1]\n",
                        path, k);
                goto done;
            }
            if (k[1] == 'e' && k[2] == 'v')
                c->review_threshold = (float)d;
            else
                c->reject_threshold = (float)d;
        } else {
            fprintf(stderr, "decorum serve: %s: unknown key '%s'\n", path, k);
            goto done;
        }
    }
    rc = 0;
done:
    json_decref(root);
    return rc;
}

static unsigned cpu_count(void)
{
    long n = -1;
#ifdef _SC_NPROCESSORS_ONLN
    n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
    return n > 0 && n <= 256 ? (unsigned)n : 2;
}

/* Returns 0 to run, 1 on a usage error, 2 after --help. */
static int parse_args(srv_config *c, int argc, char **argv)
{
    /* The config file first, so that the command line overrides it. */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--config") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "decorum serve: --config needs a file\n");
                return 1;
            }
            if (load_config(c, argv[i + 1]) != 0)
                return 1;
        }
    const char *env = getenv("DECORUM_MODERATOR_TOKEN");
    if (env && *env)
        set_str(&c->moderator_token, env);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 2;
        }
        if (i + 1 >= argc || strncmp(a, "--", 2) != 0) {
            fprintf(stderr, "decorum serve: unknown or incomplete option "
                            "'%s'\n\n",
                    a);
            usage(stderr);
            return 1;
        }
        const char *v = argv[++i];
        unsigned long long n;
        if (strcmp(a, "--config") == 0)
            continue;
        else if (strcmp(a, "--listen") == 0)
            set_str(&c->listen, v);
        else if (strcmp(a, "--db") == 0)
            set_str(&c->db, v);
        else if (strcmp(a, "--lexicon") == 0)
            set_str(&c->lexicon_dir, v);
        else if (strcmp(a, "--model") == 0)
            set_str(&c->model_path, v);
        else if (strcmp(a, "--web") == 0)
            set_str(&c->web_dir, v);
        else if (strcmp(a, "--api-key") == 0) {
            if (add_key(c, v) != 0)
                return 1;
        } else if (strcmp(a, "--sync") == 0) {
            if (parse_sync(v, &c->sync_full) != 0)
                return 1;
        } else if (strcmp(a, "--threads") == 0) {
            if (parse_uint(a, v, 256, &n) != 0 || n == 0) {
                fprintf(stderr, "decorum serve: --threads must be 1..256\n");
                return 1;
            }
            c->threads = (unsigned)n;
        } else if (strcmp(a, "--max-comment-bytes") == 0) {
            if (parse_uint(a, v, DECORUM_MAX_INPUT_LIMIT, &n) != 0)
                return 1;
            c->max_comment_bytes = (size_t)n;
        } else if (strcmp(a, "--max-body-bytes") == 0) {
            if (parse_uint(a, v, 64u << 20, &n) != 0)
                return 1;
            c->max_body_bytes = (size_t)n;
        } else if (strcmp(a, "--timeout") == 0) {
            if (parse_uint(a, v, 3600, &n) != 0)
                return 1;
            c->timeout_s = (unsigned)n;
        } else if (strcmp(a, "--max-connections") == 0) {
            if (parse_uint(a, v, 65536, &n) != 0)
                return 1;
            c->max_connections = (unsigned)n;
        } else if (strcmp(a, "--drain") == 0) {
            if (parse_uint(a, v, 3600, &n) != 0)
                return 1;
            c->drain_s = (unsigned)n;
        } else {
            fprintf(stderr, "decorum serve: unknown option '%s'\n\n", a);
            usage(stderr);
            return 1;
        }
    }
    if (!c->listen)
        c->listen = xstrdup("127.0.0.1:8080");
    if (!c->db)
        c->db = xstrdup("decorum.db");
    if (!c->threads)
        c->threads = cpu_count();
    if (!c->max_comment_bytes)
        c->max_comment_bytes = 3000;
    if (!c->max_body_bytes)
        c->max_body_bytes = 64 * 1024;
    if (!c->timeout_s)
        c->timeout_s = 15;
    if (!c->max_connections)
        c->max_connections = 512;
    if (!c->drain_s)
        c->drain_s = 10;
    if (!c->listen || !c->db) {
        fprintf(stderr, "decorum serve: out of memory\n");
        return 1;
    }
    return 0;
}

static int make_token(srv_config *c)
{
    unsigned char raw[24];
    if (srv_random_bytes(raw, sizeof raw) != 0)
        return -1;
    char *t = malloc(2 * sizeof raw + 1);
    if (!t)
        return -1;
    for (size_t i = 0; i < sizeof raw; i++) {
        t[2 * i] = "0123456789abcdef"[raw[i] >> 4];
        t[2 * i + 1] = "0123456789abcdef"[raw[i] & 15];
    }
    t[2 * sizeof raw] = '\0';
    free(c->moderator_token);
    c->moderator_token = t;
    c->token_generated = 1;
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    srv *s = calloc(1, sizeof *s);
    struct MHD_Daemon *d = NULL;
    int rc = 1;
    if (!s) {
        fprintf(stderr, "decorum serve: out of memory\n");
        return 1;
    }
    s->cfg.sync_full = 1;
    int pr = parse_args(&s->cfg, argc, argv);
    if (pr != 0) {
        rc = pr == 2 ? 0 : 2;
        goto done;
    }
    srv_config *c = &s->cfg;
    if (!c->moderator_token && make_token(c) != 0) {
        fprintf(stderr, "decorum serve: cannot generate a moderator token\n");
        goto done;
    }

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    decorum_engine_options eo;
    decorum_engine_options_init(&eo);
    eo.lexicon_dir = c->lexicon_dir;
    eo.model_path = c->model_path;
    eo.review_threshold = c->review_threshold;
    eo.reject_threshold = c->reject_threshold;
    /* The engine must take the longest comment the Perspective route lets
     * through and what the native route accepts (the engine default). */
    eo.max_input = c->max_comment_bytes > DECORUM_DEFAULT_MAX_INPUT
                       ? c->max_comment_bytes
                       : DECORUM_DEFAULT_MAX_INPUT;
    decorum_error err;
    decorum_status st = decorum_engine_open(&eo, &s->engine, &err);
    if (st != DECORUM_OK) {
        fprintf(stderr, "decorum serve: cannot load the engine: %s\n",
                err.message);
        goto done;
    }
    decorum_engine_describe(s->engine, s->engine_desc, sizeof s->engine_desc);
    s->pool = srv_pool_new(s->engine);
    if (!s->pool) {
        fprintf(stderr, "decorum serve: out of memory\n");
        goto done;
    }
    char errbuf[512];
    s->store = store_sqlite_open(c->db, c->sync_full, errbuf, sizeof errbuf);
    if (!s->store) {
        fprintf(stderr, "decorum serve: cannot open the store: %s\n", errbuf);
        goto done;
    }
    unsigned port = 0;
    d = srv_http_start(s, &port);
    if (!d)
        goto done;

    char host[128];
    const char *colon = strrchr(c->listen, ':');
    snprintf(host, sizeof host, "%.*s", (int)(colon - c->listen), c->listen);
    if (!host[0])
        snprintf(host, sizeof host, "0.0.0.0");
    printf("decorum %s: listening on http://%s:%u/ (%u threads, store "
           "sqlite:%s, sync %s)\n",
           decorum_version(), host, port, c->threads, c->db,
           c->sync_full ? "full" : "normal");
    printf("decorum: moderator page http://%s:%u/  Perspective endpoint "
           "http://%s:%u/v1alpha1\n",
           host, port, host, port);
    if (c->token_generated)
        printf("decorum: moderator token (generated; set "
               "DECORUM_MODERATOR_TOKEN to choose one): %s\n",
               c->moderator_token);
    if (c->n_api_keys == 0)
        printf("decorum: no API key configured: analyze is open to anyone "
               "who can reach %s:%u\n",
               host, port);
    fflush(stdout);

    int sig = 0;
    while (sigwait(&set, &sig) != 0)
        ;
    printf("decorum: %s received, finishing requests in flight\n",
           sig == SIGTERM ? "SIGTERM" : "SIGINT");
    fflush(stdout);
    atomic_store(&s->draining, 1);
    srv_http_stop(s, d);
    d = NULL;
    rc = 0;
done:
    if (d)
        MHD_stop_daemon(d);
    store_close(s->store);
    srv_pool_free(s->pool);
    decorum_engine_free(s->engine);
    config_free(&s->cfg);
    free(s);
    return rc;
}
