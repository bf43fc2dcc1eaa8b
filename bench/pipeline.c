/*
 * pipeline.c: see pipeline.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *bench_stage_args(int argc, char **argv, const char *prog,
                             int *rounds)
{
    int opt;
    while ((opt = getopt(argc, argv, "r:")) != -1) {
        if (opt != 'r')
            break;
        *rounds = (int)strtol(optarg, NULL, 10);
    }
    if (opt != -1 || optind != argc - 1 || *rounds < 1) {
        fprintf(stderr, "usage: %s [-r ROUNDS] CORPUS\n", prog);
        exit(2);
    }
    return argv[optind];
}

void bench_check(const char *prog, decorum_status st, const char *what,
                 const decorum_error *e)
{
    if (st != DECORUM_OK) {
        fprintf(stderr, "%s: %s: %s (%s)\n", prog, what, decorum_strerror(st),
                e ? e->message : "");
        exit(2);
    }
}

void bench_pipeline_open(bench_pipeline *p, const char *prog)
{
    decorum_error err;
    memset(p, 0, sizeof *p);
    memset(&err, 0, sizeof err);
    dc_alloc_init(&p->al, NULL);
    const dc_alloc *al = &p->al;
    bench_check(prog, dc_normalizer_new(al, &p->nz, &err), "normalizer", &err);
    bench_check(prog, dc_norm_scratch_new(al, p->nz, &p->ns), "norm scratch",
                NULL);
    bench_check(prog, dc_lexicon_load(al, &p->lx, NULL, &err), "lexicon", &err);
    bench_check(prog, dc_matcher_new(al, &p->lx, &p->m, &err), "matcher", &err);
    bench_check(prog, dc_match_scratch_new(al, p->m, &p->ms), "match scratch",
                NULL);
    /* glue kept apart, as the engine's scratch does (BENCH_GLUE=together:
     * among the hits, as before session 58) */
    const char *glue = getenv("BENCH_GLUE");
    if (!glue || strcmp(glue, "together") != 0)
        dc_match_scratch_glue(p->ms, &p->lx);
    bench_check(prog, dc_rules_new(al, &p->lx, &p->rules, &err), "rules", &err);
    bench_check(prog, dc_rules_scratch_new(al, &p->rs), "rules scratch", NULL);
    bench_check(prog, dc_model_open(al, NULL, &p->model, &err), "model", &err);
    if (p->model)
        bench_check(prog, dc_model_scratch_new(al, p->model, &p->mods),
                    "model scratch", NULL);
}

void bench_pipeline_close(bench_pipeline *p)
{
    dc_model_scratch_free(&p->al, p->mods);
    dc_model_free(&p->al, p->model);
    dc_rules_scratch_free(&p->al, p->rs);
    dc_rules_free(&p->al, p->rules);
    dc_match_scratch_free(&p->al, p->ms);
    dc_matcher_free(&p->al, p->m);
    dc_lexicon_free(&p->al, &p->lx);
    dc_norm_scratch_free(&p->al, p->ns);
    dc_normalizer_free(&p->al, p->nz);
    memset(p, 0, sizeof *p);
}
