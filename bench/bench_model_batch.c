/*
 * bench_model_batch.c: the model stage as decorum_analyze_batch runs it.
 *
 *   bench_model_batch [-r ROUNDS] CORPUS
 *
 * bench_stages computes every stage's inputs for the whole corpus first,
 * so the model reads each comment's word runs (dc_hitvec.runs) cold from
 * its own allocation. The engine does not: it takes each stage over a
 * batch of DECORUM_BATCH_MAX comments, and the model reads the runs the
 * matcher wrote for the same batch a stage before. Here each batch is
 * normalized, matched and ruled (untimed), then scored by the model
 * (timed), so the runs, texts and rule features are as warm as in the
 * engine. Times are the thread's CPU time (the machine is shared); per
 * comment, for the median and the best of ROUNDS passes (default 10)
 * after one warm-up pass; "stages" is all four stages of the pass.
 * The hate probabilities and evidence counts are folded into a checksum
 * that must repeat on every pass (exit 1 otherwise).
 *
 * A reading of the thread's CPU clock is a system call (about 0.5 us on
 * the VM these figures come from), and a timed span pays for one: some
 * 30 ns a comment in a batch of 16, a tenth of the model stage. The
 * median cost of two readings back to back is measured first, printed,
 * and taken off every span.
 */
#define _POSIX_C_SOURCE 200809L
#include "corpus.h"
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { BATCH = DECORUM_BATCH_MAX };

static void check(decorum_status st, const char *what, const decorum_error *e)
{
    bench_check("bench_model_batch", st, what, e);
}

int main(int argc, char **argv)
{
    int rounds = 10;
    const char *path =
        bench_stage_args(argc, argv, "bench_model_batch", &rounds);

    bench_pipeline P;
    bench_pipeline_open(&P, "bench_model_batch");
    if (!P.model) {
        printf("bench_model_batch: no built-in model\n");
        bench_pipeline_close(&P);
        return 0;
    }

    bench_corpus c;
    bench_corpus_load(path, &c);
    const size_t max_out = DECORUM_MAX_INPUT_LIMIT * 4 + 64;
    static dc_norm norm[BATCH];
    static dc_hitvec hits[BATCH];
    static dc_rules_out ro[BATCH];
    double *model_s = calloc((size_t)rounds, sizeof *model_s);
    double *all_s = calloc((size_t)rounds, sizeof *all_s);
    if (!model_s || !all_s) {
        fprintf(stderr, "bench_model_batch: out of memory\n");
        return 2;
    }
    /* The cost of a span with nothing in it. */
    double pair[101];
    for (int k = 0; k < 101; k++) {
        double a = bench_thread_now();
        pair[k] = bench_thread_now() - a;
    }
    qsort(pair, 101, sizeof *pair, bench_cmp_double);
    const double clock_cost = pair[50];
    uint64_t first = 0;
    for (int r = -1; r < rounds; r++) {
        double tm = 0, ta = 0;
        uint64_t sum = 0;
        for (size_t i = 0; i < c.n; i += BATCH) {
            const size_t k = c.n - i < BATCH ? c.n - i : BATCH;
            const bench_text *v = c.v + i;
            double t0 = bench_thread_now();
            for (size_t j = 0; j < k; j++)
                check(dc_normalize(&P.al, P.nz, P.ns, v[j].p, v[j].len, max_out,
                                   &norm[j]),
                      "normalize", NULL);
            for (size_t j = 0; j < k; j++)
                check(dc_match(&P.al, P.m, P.ms, &norm[j], &hits[j]), "match",
                      NULL);
            for (size_t j = 0; j < k; j++)
                check(dc_rules_run(&P.al, P.rules, P.rs, &P.lx, v[j].p,
                                   v[j].len,
                                   &norm[j], &hits[j], NULL, 0, &ro[j]),
                      "rules", NULL);
            double t1 = bench_thread_now();
            for (size_t j = 0; j < k; j++) {
                if (!v[j].len) /* as the engine: no model output */
                    continue;
                dc_model_out mo;
                check(dc_model_score_runs(
                          P.model, P.mods, &norm[j], &hits[j], ro[j].rf,
                          ro[j].pred, ro[j].npred, &mo),
                      "model", NULL);
                sum = bench_mix(sum, (uint64_t)(mo.p[DC_HEAD_HATE] * 1e6f));
                sum = bench_mix(sum, mo.n_ev);
            }
            double t2 = bench_thread_now();
            tm += t2 - t1 - clock_cost;
            ta += t2 - t0 - clock_cost;
        }
        if (r < 0) {
            first = sum;
            continue;
        }
        if (sum != first) {
            fprintf(stderr, "bench_model_batch: checksum changed\n");
            return 1;
        }
        model_s[r] = tm;
        all_s[r] = ta;
    }
    qsort(model_s, (size_t)rounds, sizeof *model_s, bench_cmp_double);
    qsort(all_s, (size_t)rounds, sizeof *all_s, bench_cmp_double);
    const double per = 1e9 / (double)c.n;
    printf("model, batches of %d: median %.1f ns, best %.1f ns a comment; "
           "stages %.1f ns (median); clock reading %.0f ns (taken off); "
           "checksum %016llx\n",
           BATCH, model_s[rounds / 2] * per, model_s[0] * per,
           all_s[rounds / 2] * per, clock_cost * 1e9,
           (unsigned long long)first);
    printf("result model_batch_median_ns %.1f\n", model_s[rounds / 2] * per);
    printf("result model_batch_best_ns %.1f\n", model_s[0] * per);
    printf("result stages_batch_median_ns %.1f\n", all_s[rounds / 2] * per);

    for (size_t j = 0; j < BATCH; j++) {
        dc_norm_release(&P.al, &norm[j]);
        dc_hitvec_release(&P.al, &hits[j]);
        dc_rules_out_release(&P.al, &ro[j]);
    }
    free(model_s);
    free(all_s);
    bench_corpus_free(&c);
    bench_pipeline_close(&P);
    return 0;
}
