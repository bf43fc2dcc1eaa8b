/*
 * bench_stages.c: the analysis pipeline stage by stage, each timed alone on
 * the bench corpus through the library's internal interface
 * (lib/decorum_int.h), so a slow stage shows up by name.
 *
 *   bench_stages [-r ROUNDS] CORPUS
 *
 * Stages, in pipeline order:
 *   utf8       decorum_utf8_check on the original text
 *   normalize  dc_normalize (original -> folded text and offset map)
 *   match      dc_match over pre-normalized texts
 *   rules      dc_rules_run over pre-normalized, pre-matched texts
 *   model      dc_model_score_runs_later over pre-computed rule features
 *              and the word runs (packed back to back): as the engine
 *              scores, its evidence words left unmade (dc_score asks for
 *              them only where the model moved the verdict)
 * and with BENCH_RULES_TWICE=1, rules2, touch, rules_t, sled and rules_s,
 * which warm one part of the rules' work at a time (below, in main).
 * Each stage's inputs are computed once, outside its timed loop, so a
 * stage is charged only for its own work. The rest of decorum_analyze
 * (argument checks, context passes, the combination of scores into a
 * result in score.c) is what the whole-pipeline figure of bench_engine
 * has over the sum of these. One thread; the fastest of ROUNDS timed passes
 * (default 5) after one warm-up, and their median (the result lines
 * stage_*_median_us_per_comment): on a shared machine the fastest pass
 * is the one least disturbed, the median says how often that is. Each
 * stage folds its outputs into a checksum that must repeat across rounds
 * (exit 1 otherwise). With BENCH_CLOCK=thread the passes are timed in the
 * thread's CPU time (bench_thread_now), else on the wall clock.
 */
/* (MAP_ANONYMOUS, for sled) */
#define _DEFAULT_SOURCE
#include "corpus.h"
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void check(decorum_status st, const char *what, const decorum_error *e)
{
    bench_check("bench_stages", st, what, e);
}

/* 64 KiB of eight-byte no-ops and a return, made at the first call: run
 * between two passes of the rules over one comment (stage rules_s), it
 * evicts their code from the instruction and op caches and leaves the
 * branch predictor's tables alone (no branch in it but its return).
 * x86 only: elsewhere it does nothing. */
static void sled(void)
{
#if defined(__x86_64__) || defined(__i386__)
    static void (*fn)(void);
    if (!fn) {
        size_t sz = 65536 + 64;
        unsigned char *p = mmap(NULL, sz, PROT_READ | PROT_WRITE | PROT_EXEC,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            perror("bench_stages: mmap");
            exit(1);
        }
        static const unsigned char nop8[8] = {0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0};
        for (size_t o = 0; o < 65536; o += 8)
            memcpy(p + o, nop8, 8);
        p[65536] = 0xc3;
        memcpy(&fn, &p, sizeof fn);
    }
    fn();
#endif
}

/* Reads a byte of each cache line of a comment's rules inputs (its text,
 * hits and runs), for the stages touch and rules_t. */
static uint64_t touch_inputs(const dc_norm *n, const dc_hitvec *h)
{
    uint64_t s = 0;
    for (size_t o = 0; o < n->len; o += 64)
        s += (unsigned char)n->text[o];
    const unsigned char *hv = (const unsigned char *)h->v;
    for (size_t o = 0; hv && o < h->n * sizeof *h->v; o += 64)
        s += hv[o];
    if (h->has_runs) {
        const unsigned char *rv = (const unsigned char *)h->runs;
        for (size_t o = 0; o < (h->nruns + 1) * sizeof *h->runs; o += 64)
            s += rv[o];
    }
    return s;
}

/* Prints a stage's line; returns its comments/s. */
/* One dc_rules_run over comment i's precomputed inputs; with mix, its
 * finding count and hate score go into the checksum. */
static uint64_t rules_pass(bench_pipeline *S, const bench_corpus *c, size_t i,
                           const dc_norm *n, const dc_hitvec *h,
                           dc_rules_out *ro, uint64_t sum, bool mix)
{
    check(dc_rules_run(&S->al, S->rules, S->rs, &S->lx, c->v[i].p,
                       c->v[i].len, n, h, NULL, 0, ro),
          "rules", NULL);
    if (!mix)
        return sum;
    sum = bench_mix(sum, ro->n);
    return bench_mix(sum, (uint64_t)(ro->hate * 1e4f));
}

static double report(const char *name, const bench_corpus *c, int rounds,
                     double secs, uint64_t sum)
{
    double items = (double)c->n * rounds / secs;
    printf("%-10s %12.0f %10.2f %10.3f  %016llx\n", name, items,
           (double)c->bytes * rounds / secs / 1e6, 1e6 / items,
           (unsigned long long)sum);
    return items;
}

int main(int argc, char **argv)
{
    int rounds = 5, status = 0;
    const char *path = bench_stage_args(argc, argv, "bench_stages", &rounds);

    bench_pipeline S;
    bench_pipeline_open(&S, "bench_stages");

    bench_corpus c;
    bench_corpus_load(path, &c);
    const size_t max_out = DECORUM_MAX_INPUT_LIMIT * 4 + 64;
    /* Per-comment inputs of the later stages. */
    dc_norm *norms = calloc(c.n, sizeof *norms);
    dc_hitvec *hits = calloc(c.n, sizeof *hits);
    float (*rf)[DC_N_RULE_FEATURES] = calloc(c.n, sizeof *rf);
    if (!norms || !hits || !rf) {
        fprintf(stderr, "bench_stages: out of memory\n");
        return 2;
    }
    dc_rules_out ro;
    memset(&ro, 0, sizeof ro);
    for (size_t i = 0; i < c.n; i++) {
        check(dc_normalize(&S.al, S.nz, S.ns, c.v[i].p, c.v[i].len, max_out,
                           &norms[i]),
              "normalize", NULL);
        check(dc_match(&S.al, S.m, S.ms, &norms[i], &hits[i]), "match", NULL);
        check(dc_rules_run(&S.al, S.rules, S.rs, &S.lx, c.v[i].p, c.v[i].len,
                           &norms[i], &hits[i], NULL, 0, &ro),
              "rules", NULL);
        memcpy(rf[i], ro.rf, sizeof rf[i]);
    }
    /* The model stage gets each comment's word runs, as the engine passes
     * them. There they were just written by the matcher, a batch of 16
     * comments before; here they are packed back to back in corpus order,
     * so that they stream in as the texts do rather than each coming cold
     * from its own allocation (which made the stage 16 % slower than the
     * engine's own batches show). */
    size_t nrun = 0;
    for (size_t i = 0; i < c.n; i++)
        nrun += hits[i].has_runs ? hits[i].nruns + 1 : 0;
    dc_wrun *runs = malloc((nrun + 1) * sizeof *runs);
    size_t *run_at = malloc(c.n * sizeof *run_at);
    if (!runs || !run_at) {
        fprintf(stderr, "bench_stages: out of memory\n");
        return 2;
    }
    nrun = 0;
    for (size_t i = 0; i < c.n; i++) {
        run_at[i] = nrun;
        if (hits[i].has_runs) {
            memcpy(runs + nrun, hits[i].runs,
                   (hits[i].nruns + 1) * sizeof *runs);
            nrun += hits[i].nruns + 1;
        }
    }
    char desc[64];
    snprintf(desc, sizeof desc, "%s", S.model ? dc_model_describe(S.model) : "none");
    printf("corpus:  %s: %zu comments, %.2f MB; lexicon %zu entries; model %s\n",
           path, c.n, (double)c.bytes / 1e6, S.lx.n, desc);
    const char *clk = getenv("BENCH_CLOCK");
    double (*now)(void) = clk && strcmp(clk, "thread") == 0 ? bench_thread_now
                                                            : bench_now;
    printf("rounds:  best of %d after one warm-up pass, one thread, %s\n\n",
           rounds, now == bench_now ? "wall clock" : "thread CPU time");
    printf("%-10s %12s %10s %10s  %s\n", "stage", "comments/s", "MB/s",
           "us/comment", "checksum");

    enum { UTF8, NORM, MATCH, RULES, MODEL, RULES2, TOUCH, RULES_T, SLED,
           RULES_S, N_STAGES };
    static const char *names[N_STAGES] = {"utf8", "normalize", "match",
                                          "rules", "model", "rules2",
                                          "touch", "rules_t", "sled", "rules_s"};
    /* BENCH_RULES_TWICE=1 adds stages that warm one part of the rules at a
     * time (docs/RULES.md, session 40, spd40r). rules2: dc_rules_run twice
     * on each comment, back to back; the second run finds the comment's
     * code in the caches and its branches in the predictor, so rules2 -
     * rules is the stage at its warm rate. touch: every cache line of a
     * comment's inputs read; rules_t: that, then the rules. sled: the
     * no-ops of sled(); rules_s: the rules, the sled, the rules again
     * (code out of the I1, the predictor still trained). */
    const char *twice = getenv("BENCH_RULES_TWICE");
    int n_stages = twice && strcmp(twice, "1") == 0 ? N_STAGES : RULES2;
    dc_norm scratch_norm;
    memset(&scratch_norm, 0, sizeof scratch_norm);
    dc_hitvec scratch_hits;
    memset(&scratch_hits, 0, sizeof scratch_hits);
    double rate[N_STAGES] = {0}, median[N_STAGES] = {0};
    double *pass = malloc((size_t)rounds * sizeof *pass); /* [rounds] s */
    if (!pass) {
        fprintf(stderr, "bench_stages: out of memory\n");
        return 1;
    }
    for (int stage = 0; stage < n_stages; stage++) {
        if (stage == MODEL && !S.model) {
            printf("%-10s %12s   (no built-in model)\n", names[stage], "-");
            continue;
        }
        uint64_t first = 0;
        double secs = 0;
        for (int r = 0; r <= rounds; r++) { /* round 0 is the warm-up */
            uint64_t sum = 0;
            double t0 = now();
            for (size_t i = 0; i < c.n; i++) {
                switch (stage) {
                case UTF8: {
                    size_t bad = 0;
                    sum += (uint64_t)decorum_utf8_check(c.v[i].p, c.v[i].len,
                                                        &bad) + bad;
                    break;
                }
                case NORM:
                    check(dc_normalize(&S.al, S.nz, S.ns, c.v[i].p,
                                       c.v[i].len, max_out, &scratch_norm),
                          "normalize", NULL);
                    sum = bench_mix(sum, scratch_norm.len);
                    sum = bench_mix(sum, scratch_norm.evasions);
                    break;
                case MATCH:
                    check(dc_match(&S.al, S.m, S.ms, &norms[i], &scratch_hits),
                          "match", NULL);
                    sum = bench_mix(sum, scratch_hits.n);
                    break;
                case RULES:
                    sum = rules_pass(&S, &c, i, &norms[i], &hits[i], &ro, sum,
                                     true);
                    break;
                case RULES2:
                    sum = rules_pass(&S, &c, i, &norms[i], &hits[i], &ro, sum,
                                     false);
                    sum = rules_pass(&S, &c, i, &norms[i], &hits[i], &ro, sum,
                                     true);
                    break;
                case TOUCH:
                case RULES_T:
                    sum = bench_mix(sum, touch_inputs(&norms[i], &hits[i]));
                    if (stage == RULES_T)
                        sum = rules_pass(&S, &c, i, &norms[i], &hits[i], &ro,
                                         sum, true);
                    break;
                case SLED:
                case RULES_S:
                    if (stage == RULES_S)
                        sum = rules_pass(&S, &c, i, &norms[i], &hits[i], &ro,
                                         sum, false);
                    sled();
                    if (stage == RULES_S)
                        sum = rules_pass(&S, &c, i, &norms[i], &hits[i], &ro,
                                         sum, true);
                    break;
                case MODEL: {
                    dc_model_out mo;
                    /* the runs from their copy, the rest as matched */
                    dc_hitvec hv = hits[i];
                    hv.runs = hv.has_runs ? runs + run_at[i] : NULL;
                    check(dc_model_score_runs_later(S.model, S.mods,
                                                    &norms[i], &hv, rf[i],
                                                    NULL, 0, &mo),
                          "model", NULL);
                    sum = bench_mix(sum, (uint64_t)(mo.p[DC_HEAD_HATE] * 1e4f));
                    break;
                }
                }
            }
            double dt = now() - t0;
            if (r > 0)
                pass[r - 1] = dt;
            if (r == 0)
                first = sum;
            else if (r == 1 || dt < secs)
                secs = dt; /* the fastest pass, as bench_engine */
            if (sum != first) {
                fprintf(stderr, "bench_stages: %s: checksum changed between "
                                "rounds\n", names[stage]);
                status = 1;
            }
        }
        rate[stage] = report(names[stage], &c, 1, secs, first);
        qsort(pass, (size_t)rounds, sizeof *pass, bench_cmp_double);
        median[stage] = pass[rounds / 2] * 1e6 / (double)c.n;
    }
    printf("\n");
    for (int stage = 0; stage < N_STAGES; stage++)
        if (rate[stage] > 0)
            printf("result stage_%s_us_per_comment %.3f\n"
                   "result stage_%s_median_us_per_comment %.3f\n",
                   names[stage], 1e6 / rate[stage], names[stage],
                   median[stage]);

    for (size_t i = 0; i < c.n; i++) {
        dc_norm_release(&S.al, &norms[i]);
        dc_hitvec_release(&S.al, &hits[i]);
    }
    free(norms);
    free(hits);
    free(rf);
    free(runs);
    free(run_at);
    free(pass);
    dc_norm_release(&S.al, &scratch_norm);
    dc_hitvec_release(&S.al, &scratch_hits);
    dc_rules_out_release(&S.al, &ro);
    bench_pipeline_close(&S);
    bench_corpus_free(&c);
    return status;
}
