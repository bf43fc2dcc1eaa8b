/*
 * pipeline.h: the engine's stages built one by one from the library's
 * internal interface, with a scratch each, for benchmarks that time a
 * stage alone (bench_stages, bench_model_batch): the normalizer, the
 * built-in lexicon and its matcher, the rules and the built-in model.
 */
#ifndef DECORUM_BENCH_PIPELINE_H
#define DECORUM_BENCH_PIPELINE_H

#include "decorum_int.h"

typedef struct bench_pipeline {
    dc_alloc al;
    dc_normalizer *nz;
    dc_norm_scratch *ns;
    dc_lexicon lx;
    dc_matcher *m;
    dc_match_scratch *ms;
    dc_rules *rules;
    dc_rules_scratch *rs;
    dc_model *model; /* NULL when the library has no built-in model */
    dc_model_scratch *mods;
} bench_pipeline;

/* The arguments of a stage benchmark, "[-r ROUNDS] CORPUS": *rounds
 * (left as it is without -r) and the corpus path, returned. Bad ones: the
 * usage line on stderr, exit 2. */
const char *bench_stage_args(int argc, char **argv, const char *prog,
                             int *rounds);

/* Builds every stage; on failure prints "prog: what: why" and exits 2
 * (benchmarks are programs, not library code). */
void bench_pipeline_open(bench_pipeline *p, const char *prog);
/* Exits 2 with "prog: what: why" (e's message, if any) unless st is
 * DECORUM_OK. */
void bench_check(const char *prog, decorum_status st, const char *what,
                 const decorum_error *e);
void bench_pipeline_close(bench_pipeline *p);

#endif
