/*
 * cliopt.c: argument parsing and engine opening shared by `decorum check`
 * and `decorum score` (see cliopt.h).
 */
#include "cliopt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cliopt_init(struct cliopt *o, int argc, char **argv, const char *prog,
                 const struct cliopt_spec *specs)
{
    o->argc = argc;
    o->argv = argv;
    o->i = 1;
    o->operands_only = 0;
    o->prog = prog;
    o->specs = specs;
}

int cliopt_usage_error(const char *prog, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return 2;
}

int cliopt_next(struct cliopt *o, const char **arg)
{
    *arg = NULL;
    if (o->i >= o->argc)
        return CLIOPT_END;
    char *a = o->argv[o->i++];
    if (o->operands_only || a[0] != '-' || a[1] == '\0') {
        *arg = a;
        return CLIOPT_OPERAND;
    }
    if (strcmp(a, "--") == 0) {
        o->operands_only = 1;
        return cliopt_next(o, arg);
    }
    const struct cliopt_spec *s;
    if (a[1] == '-') {
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        for (s = o->specs; s->id; s++)
            if (s->name && strlen(s->name) == n && memcmp(s->name, name, n) == 0)
                break;
        if (!s->id) {
            cliopt_usage_error(o->prog, "unknown option '--%.*s'", (int)n,
                               name);
            return CLIOPT_ERROR;
        }
        if (!s->has_arg) {
            if (eq) {
                cliopt_usage_error(o->prog, "option '--%s' takes no value",
                                   s->name);
                return CLIOPT_ERROR;
            }
            return s->id;
        }
        if (eq) {
            *arg = eq + 1;
            return s->id;
        }
        if (o->i >= o->argc) {
            cliopt_usage_error(o->prog, "option '--%s' needs a value", s->name);
            return CLIOPT_ERROR;
        }
        *arg = o->argv[o->i++];
        return s->id;
    }
    /* One short option per argument: "-j4" or "-j 4"; clusters are not
     * worth their ambiguity with this few options. */
    for (s = o->specs; s->id; s++)
        if (s->short_name && s->short_name == a[1])
            break;
    if (!s->id || (!s->has_arg && a[2])) {
        cliopt_usage_error(o->prog, "unknown option '%s'", a);
        return CLIOPT_ERROR;
    }
    if (!s->has_arg)
        return s->id;
    if (a[2]) {
        *arg = a + 2;
        return s->id;
    }
    if (o->i >= o->argc) {
        cliopt_usage_error(o->prog, "option '-%c' needs a value", a[1]);
        return CLIOPT_ERROR;
    }
    *arg = o->argv[o->i++];
    return s->id;
}

int cliopt_uint(const char *s, unsigned max, unsigned *out)
{
    unsigned long v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (unsigned long)(*s - '0');
        if (v > max)
            return -1;
    }
    *out = (unsigned)v;
    return 0;
}

static int parse_threshold(const char *s, float *out)
{
    char *end;
    float v = strtof(s, &end);
    if (end == s || *end || !(v > 0 && v <= 1))
        return -1;
    *out = v;
    return 0;
}

int cliopt_engine_option(struct cliopt_engine *e, const char *prog, int id,
                         const char *arg)
{
    switch (id) {
    case CLIOPT_LEXICON:
        e->lexicon_dir = arg;
        return 0;
    case CLIOPT_MODEL:
        e->model_path = arg;
        return 0;
    case CLIOPT_REVIEW:
    case CLIOPT_REJECT:
        if (parse_threshold(arg, id == CLIOPT_REVIEW ? &e->review
                                                     : &e->reject) != 0)
            return cliopt_usage_error(
                prog, "--%s needs a number in (0, 1], not '%s'",
                id == CLIOPT_REVIEW ? "review" : "reject", arg);
        return 0;
    default:
        return cliopt_usage_error(prog, "internal: unknown option id %d", id);
    }
}

int cliopt_engine_open(const struct cliopt_engine *e, const char *prog,
                       decorum_engine **out)
{
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.lexicon_dir = e->lexicon_dir;
    o.model_path = e->model_path;
    if (e->review)
        o.review_threshold = e->review;
    if (e->reject)
        o.reject_threshold = e->reject;
    if (o.review_threshold > o.reject_threshold)
        return cliopt_usage_error(
            prog, "the review threshold (%g) is above the reject threshold (%g)",
            (double)o.review_threshold, (double)o.reject_threshold);
    decorum_error err;
    decorum_status st = decorum_engine_open(&o, out, &err);
    if (st != DECORUM_OK) {
        fprintf(stderr, "%s: cannot load the engine: %s\n", prog, err.message);
        return 1;
    }
    return 0;
}
