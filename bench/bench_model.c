/*
 * bench_model.c: cost of the learned model alone (dc_model_score).
 *
 *   bench_model [-r ROUNDS] [-c CHUNK] [-m MODEL] [-p] CORPUS
 *
 * Every comment of CORPUS (bench/out/corpus.jsonl or plain text) is first
 * normalized and run through the rule layer with the built-in engine, out
 * of the timed loop; then dc_model_score is timed over all of them, ROUNDS
 * times (default 10), best round reported, for all comments and for those
 * of at most 140 bytes ("tweets") apart; with -c, each run of CHUNK
 * comments is timed apart and the chunks' bests are summed (on a shared
 * machine a whole round is rarely undisturbed). Comments the model finds
 * notable (hate or toxicity >= 0.5, EVIDENCE_P in lib/model.c) pay a second
 * pass that finds the words behind the score; the share that gets words is
 * printed ("explained"). MODEL defaults to the built-in model.
 * The scores' checksum must repeat every round.
 *
 * Before timing, every comment's features are summed three ways and must
 * agree exactly (exit 1 otherwise): dc_feat_sum() as scoring runs it (its
 * SIMD path where the CPU has one, with a word cache), dc_feat_sum() on its
 * portable path without one, and the trainer's way, dc_feat_next() then
 * dc_model_accumulate(). -p times the portable path.
 */
#include "corpus.h"
#include "decorum_int.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct item {
    dc_norm n; /* only text and len are filled: what the model reads */
    float rf[DC_N_RULE_FEATURES];
    size_t orig_len;
} item;

static uint64_t run(const dc_model *m, dc_model_scratch *ms, const item *v,
                    size_t n, size_t max_len, size_t *count, size_t *bytes,
                    size_t *explained)
{
    uint64_t h = 0;
    dc_model_out out;
    *count = *bytes = *explained = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].orig_len > max_len)
            continue;
        if (dc_model_score(m, ms, &v[i].n, v[i].rf, &out) != DECORUM_OK) {
            fprintf(stderr, "bench_model: dc_model_score failed\n");
            exit(1);
        }
        for (int k = 0; k < DC_N_HEADS; k++)
            h = bench_mix(h, (uint64_t)(out.p[k] * 1e6f));
        h = bench_mix(h, out.n_ev);
        *count += 1;
        *bytes += v[i].orig_len;
        *explained += out.n_ev > 0;
    }
    return h;
}

/* One pass over v[0, n) in chunks of chunk comments, each chunk's time put
 * in dt[] (counts as run()); returns the chunks' checksums folded. */
static uint64_t pass(const dc_model *m, dc_model_scratch *ms, const item *v,
                     size_t n, size_t max_len, size_t chunk, double *dt,
                     size_t *count, size_t *bytes, size_t *explained)
{
    uint64_t h = 0;
    *count = *bytes = *explained = 0;
    for (size_t c = 0; c * chunk < n; c++) {
        const size_t at = c * chunk, k = n - at < chunk ? n - at : chunk;
        size_t cn, cb, ce;
        double t0 = bench_now();
        const uint64_t hc = run(m, ms, v + at, k, max_len, &cn, &cb, &ce);
        h = c ? bench_mix(h, hc) : hc; /* one chunk: run()'s checksum */
        dt[c] = bench_now() - t0;
        *count += cn;
        *bytes += cb;
        *explained += ce;
    }
    return h;
}

/* The best of rounds passes; with chunk < n, the sum over chunks of each
 * chunk's best: chunks run in corpus order in every pass, so each starts
 * with the caches the chunk before left, and a chunk that a neighbour on
 * the shared machine disturbed is discarded alone (a whole pass over the
 * corpus takes longer than the scheduler's time slice). */
static void timed(const char *name, const dc_model *m, dc_model_scratch *ms,
                  const item *v, size_t n, size_t max_len, int rounds,
                  size_t chunk)
{
    size_t count, bytes, explained;
    if (!chunk || chunk > n)
        chunk = n ? n : 1;
    const size_t nc = (n + chunk - 1) / chunk;
    double *dt = malloc((nc + 1) * sizeof *dt),
           *bc = malloc((nc + 1) * sizeof *bc);
    if (!dt || !bc) {
        fprintf(stderr, "bench_model: out of memory\n");
        exit(1);
    }
    uint64_t want =
        pass(m, ms, v, n, max_len, chunk, dt, &count, &bytes, &explained);
    for (size_t c = 0; c < nc; c++)
        bc[c] = 1e30;
    for (int r = 0; r < rounds; r++) {
        uint64_t got =
            pass(m, ms, v, n, max_len, chunk, dt, &count, &bytes, &explained);
        if (got != want) {
            fprintf(stderr, "bench_model: checksum changed in round %d\n", r);
            exit(1);
        }
        for (size_t c = 0; c < nc; c++)
            bc[c] = dt[c] < bc[c] ? dt[c] : bc[c];
    }
    double best = 0;
    for (size_t c = 0; c < nc; c++)
        best += bc[c];
    free(dt);
    free(bc);
    if (!count)
        return;
    printf("%-8s %7zu comments, avg %5.1f bytes: %7.1f ns/comment, %7.1f ns "
           "per 100 bytes, %5.2f M comments/s; %4.1f%% explained; checksum "
           "%016llx\n",
           name, count, (double)bytes / (double)count,
           best / (double)count * 1e9, best / (double)bytes * 1e11,
           (double)count / best / 1e6, 100.0 * (double)explained / (double)count,
           (unsigned long long)want);
}

/* The sums of the features of n->text, the trainer's way: spans and
 * per-token hate and toxicity sums into toks (up to max), the total into
 * acc; returns the feature count, *ntok the token count. */
static size_t trainer_sums(const dc_model *m, const dc_norm *n, int32_t *acc,
                           dc_feat_tsum *toks, size_t max, size_t *ntok)
{
    const dc_model_hdr *h = dc_model_header(m);
    const int8_t *w = dc_model_weights(m);
    uint32_t f[DC_FEAT_PER_TOKEN];
    dc_feat_iter it;
    dc_token tok;
    int k;
    size_t nfeat = 0, nt = 0;
    memset(acc, 0, DC_MODEL_STRIDE * sizeof *acc);
    dc_feat_iter_init(&it, &h->fc, n->text, n->len);
    while ((k = dc_feat_next(&h->fc, &it, w, &tok, f)) >= 0) {
        int32_t ts[DC_MODEL_STRIDE] = {0};
        dc_model_accumulate(m, f, (size_t)k, ts);
        for (int j = 0; j < DC_MODEL_STRIDE; j++)
            acc[j] += ts[j];
        if (nt < max) {
            toks[nt].begin = tok.begin;
            toks[nt].end = tok.end;
            for (int j = 0; j < DC_MODEL_STRIDE; j++)
                toks[nt].w[j] = (int16_t)ts[j];
        }
        nt++;
        nfeat += (size_t)k;
    }
    *ntok = nt;
    return nfeat;
}

/* Exits 1 unless the three ways of summing agree on every comment. */
static void check_paths(const dc_model *m, const item *v, size_t n)
{
    enum { MAXT = 256 };
    static dc_feat_tsum ta[MAXT], tb[MAXT], tc[MAXT];
    static dc_feat_cache cache;
    const dc_model_hdr *h = dc_model_header(m);
    const int8_t *w = dc_model_weights(m);
    int forced = dc_feat_portable;
    for (size_t i = 0; i < n; i++) {
        int32_t a[DC_MODEL_STRIDE], b[DC_MODEL_STRIDE], c[DC_MODEL_STRIDE];
        size_t na, nb, nc, fa, fb, fc;
        dc_feat_portable = forced;
        fa = dc_feat_sum(&h->fc, w, v[i].n.text, v[i].n.len, a, ta, MAXT, &na,
                         &cache);
        dc_feat_portable = 1;
        fb = dc_feat_sum(&h->fc, w, v[i].n.text, v[i].n.len, b, tb, MAXT, &nb, NULL);
        fc = trainer_sums(m, &v[i].n, c, tc, MAXT, &nc);
        int ok = fa == fb && fa == fc && na == nb && na == nc &&
                 !memcmp(a, b, sizeof a) && !memcmp(a, c, sizeof a);
        for (size_t t = 0; ok && t < na && t < MAXT; t++)
            ok = !memcmp(&ta[t], &tb[t], sizeof ta[t]) &&
                 !memcmp(&ta[t], &tc[t], sizeof ta[t]);
        if (!ok) {
            fprintf(stderr,
                    "bench_model: comment %zu: feature sums differ between "
                    "paths (%zu/%zu/%zu features)\n",
                    i, fa, fb, fc);
            exit(1);
        }
    }
    dc_feat_portable = forced;
}

int main(int argc, char **argv)
{
    int rounds = 10, c;
    size_t chunk = 0;
    const char *model = NULL;
    while ((c = getopt(argc, argv, "r:c:m:p")) != -1) {
        if (c == 'r')
            rounds = (int)strtol(optarg, NULL, 10);
        else if (c == 'c')
            chunk = (size_t)strtoul(optarg, NULL, 10);
        else if (c == 'm')
            model = optarg;
        else if (c == 'p')
            dc_feat_portable = 1;
        else
            return 2;
    }
    if (optind >= argc || rounds < 1) {
        fprintf(stderr,
                "usage: bench_model [-r ROUNDS] [-c CHUNK] [-m MODEL] [-p] "
                "CORPUS\n");
        return 2;
    }
    bench_corpus corpus;
    bench_corpus_load(argv[optind], &corpus);
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.flags = DECORUM_OPT_NO_MODEL;
    decorum_engine *e = NULL;
    decorum_scratch *s = NULL;
    decorum_error err;
    if (decorum_engine_open(&o, &e, &err) != DECORUM_OK ||
        decorum_scratch_alloc(e, &s, &err) != DECORUM_OK) {
        fprintf(stderr, "bench_model: %s\n", err.message);
        return 1;
    }
    item *v = calloc(corpus.n, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; v && i < corpus.n; i++) {
        const dc_norm *nm;
        const dc_rules_out *ro;
        if (dc_engine_rules(e, s, corpus.v[i].p, corpus.v[i].len, &nm, &ro) !=
            DECORUM_OK)
            continue;
        item *it = &v[n++];
        it->n.text = malloc(nm->len + 1);
        if (!it->n.text) {
            fprintf(stderr, "bench_model: out of memory\n");
            return 1;
        }
        memcpy(it->n.text, nm->text, nm->len + 1);
        it->n.len = nm->len;
        memcpy(it->rf, ro->rf, sizeof it->rf);
        it->orig_len = corpus.v[i].len;
    }
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_model *m = NULL;
    dc_model_scratch *ms = NULL;
    double t0 = bench_now();
    if (dc_model_open(&al, model, &m, &err) != DECORUM_OK || !m) {
        fprintf(stderr, "bench_model: %s\n", m ? err.message : "no model");
        return 1;
    }
    double t_open = bench_now() - t0;
    if (dc_model_scratch_new(&al, m, &ms) != DECORUM_OK)
        return 1;
    printf("model: %s; opened in %.3f ms%s\n", dc_model_describe(m),
           t_open * 1e3, dc_feat_portable ? "; portable path" : "");
    check_paths(m, v, n);
    timed("all", m, ms, v, n, SIZE_MAX, rounds, chunk);
    timed("tweets", m, ms, v, n, 140, rounds, chunk);
    for (size_t i = 0; i < n; i++)
        free(v[i].n.text);
    free(v);
    dc_model_scratch_free(&al, ms);
    dc_model_free(&al, m);
    decorum_scratch_free(s);
    decorum_engine_free(e);
    bench_corpus_free(&corpus);
    return 0;
}
