/*
 * train.c: trains the model (decorum_trainer_*, the public training API).
 *
 * Rows are featurized as they are added, with the engine's own normalizer
 * and rule layer (dc_engine_rules), into one pool of bucket indices, so the
 * trainer sees exactly what the scorer will see. Rows are split by role:
 * fit (learned from), holdout (the hash of the id picks holdout_percent of
 * the training rows; used only to calibrate), and dev (only measured). A
 * row added as DECORUM_ROLE_FIT is always fitted: rows unlike the data the
 * scores should be calibrated to (our own probe lines, half of them hate)
 * stay out of the calibration.
 *
 * Learning: seven logistic heads over the shared hashed features (weighted
 * 1/sqrt(n), as in model.c), the rule features and a bias, fitted by AdaGrad
 * with L2 in a seeded shuffled order, with class weights sqrt(majority /
 * minority) capped at 5 so that rare positives (threats) are not drowned.
 * Then the hashed weights are quantized to int8 with one scale per head,
 * the quantized model's raw logits on the holdout rows fit Platt scaling per
 * head, and every set is scored with the final file image through the same
 * code as the engine (dc_model_accumulate, dc_model_logits). A head with
 * fewer than MIN_CLASS rows of either class is not trained: it reports its
 * base rate.
 */
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MIN_CLASS 5
#define MAX_TRAIN_BITS 22 /* float weights + AdaGrad sums: 256 MB at 22 */
#define MAX_FEATS ((size_t)1 << 31)
#define N_H DC_N_HEADS
#define S DC_MODEL_STRIDE

enum { ROLE_FIT, ROLE_HOLDOUT, ROLE_DEV };

typedef struct row {
    size_t off;        /* first feature in t->feats */
    uint32_t nfeat;
    uint8_t role;      /* ROLE_* */
    uint8_t group;
    int8_t y[N_H];     /* -1 unknown, 0, 1 */
    float w[N_H];      /* per-head weight (weak negatives lighter) */
} row;

struct decorum_trainer {
    const decorum_engine *eng;
    const dc_alloc *al;
    decorum_scratch *scr;
    decorum_train_options opt;
    dc_feat_cfg fc;
    row *rows;
    size_t n_rows, cap_rows;
    uint32_t *feats;
    size_t n_feats, cap_feats;
    float *rf; /* [cap_rows][DC_N_RULE_FEATURES] */
    size_t cap_rf;
    size_t n_skipped;
    unsigned char *image; /* the trained model file */
    size_t image_size;
    int ran;
};

void decorum_train_options_init(decorum_train_options *o)
{
    if (!o)
        return;
    memset(o, 0, sizeof *o);
    o->struct_size = sizeof *o;
    o->epochs = 4;
    o->bucket_bits = 18;
    o->ngrams = DC_FEAT_DEFAULT;
    o->holdout_percent = 10;
    o->learning_rate = 0.1f;
    o->l2 = 1e-5f;
    o->weak_weight = 0.5f;
    o->vocab_min = 20;
}

decorum_status decorum_trainer_new(const decorum_engine *eng,
                                   const decorum_train_options *opt,
                                   decorum_trainer **out, decorum_error *err)
{
    if (!eng || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "engine or out is NULL");
    decorum_train_options o;
    decorum_train_options_init(&o);
    if (opt) {
        if (opt->struct_size != sizeof *opt)
            return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                           "options.struct_size is %u, expected %zu: call "
                           "decorum_train_options_init()",
                           opt->struct_size, sizeof *opt);
        if (opt->flags & ~DECORUM_TRAIN_ALL_FLAGS)
            return dc_fail(err, DECORUM_ERR_FLAGS, (size_t)-1,
                           "unknown training flags 0x%x", opt->flags);
        for (size_t i = 0; i < 4; i++)
            if (opt->reserved[i])
                return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                               "options.reserved[%zu] must be NULL", i);
        o = *opt;
        decorum_train_options d;
        decorum_train_options_init(&d);
        if (!o.epochs)
            o.epochs = d.epochs;
        if (!o.bucket_bits)
            o.bucket_bits = d.bucket_bits;
        if (!o.ngrams)
            o.ngrams = d.ngrams;
        if (!o.holdout_percent)
            o.holdout_percent = d.holdout_percent;
        if (o.learning_rate == 0)
            o.learning_rate = d.learning_rate;
        if (o.l2 == 0)
            o.l2 = d.l2;
        if (o.weak_weight == 0)
            o.weak_weight = d.weak_weight;
        if (o.vocab_min == 0)
            o.vocab_min = d.vocab_min;
    }
    if (o.bucket_bits < DC_FEAT_MIN_BITS || o.bucket_bits > MAX_TRAIN_BITS ||
        (o.ngrams & ~DECORUM_NGRAM_ALL) ||
        ((o.ngrams & DECORUM_NGRAM_OOV) && !(o.ngrams & DECORUM_NGRAM_WORD)) ||
        o.holdout_percent >= 100 ||
        o.epochs > 1000 || !(o.learning_rate > 0) || !(o.l2 >= 0) ||
        !(o.weak_weight >= 0) || o.weak_weight > 1)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "training options out of range (bucket bits %d..%d, "
                       "OOV n-grams need words, holdout < 100%%, learning "
                       "rate > 0, weak weight in [0, 1])",
                       DC_FEAT_MIN_BITS, MAX_TRAIN_BITS);
    const dc_alloc *al = dc_engine_alloc(eng);
    decorum_trainer *t = dc_calloc(al, 1, sizeof *t);
    if (!t)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    t->eng = eng;
    t->al = al;
    t->opt = o;
    t->fc.bits = o.ngrams;
    t->fc.bucket_bits = o.bucket_bits;
    decorum_status st = decorum_scratch_alloc(eng, &t->scr, err);
    if (st != DECORUM_OK) {
        dc_free(al, t, sizeof *t);
        return st;
    }
    *out = t;
    return DECORUM_OK;
}

void decorum_trainer_free(decorum_trainer *t)
{
    if (!t)
        return;
    const dc_alloc *al = t->al;
    decorum_scratch_free(t->scr);
    dc_free(al, t->rows, t->cap_rows * sizeof *t->rows);
    dc_free(al, t->feats, t->cap_feats * sizeof *t->feats);
    dc_free(al, t->rf, t->cap_rf * sizeof *t->rf);
    dc_free(al, t->image, t->image_size);
    dc_free(al, t, sizeof *t);
}

/* Does the rule layer see evidence for head h? Decides weak labels. */
static int rule_evidence(unsigned h, const float *rf)
{
    switch (h) {
    case DECORUM_TOXICITY:
        return rf[DC_RF_RULE_TOX] >= 0.5f || rf[DC_RF_RULE_HATE] >= 0.5f ||
               rf[DC_RF_PROFANITY] > 0 || rf[DC_RF_INSULT_ANY] > 0 ||
               rf[DC_RF_INSULT_YOU] > 0;
    case DECORUM_SEVERE_TOXICITY:
        return rf[DC_RF_DEHUMANIZATION] > 0 ||
               (rf[DC_RF_THREAT] > 0 &&
                (rf[DC_RF_TARGET_GROUP] > 0 || rf[DC_RF_TARGET_YOU] > 0));
    case DECORUM_IDENTITY_ATTACK:
    case DC_HEAD_HATE:
        return rf[DC_RF_RULE_HATE] >= 0.5f;
    case DECORUM_INSULT:
        return rf[DC_RF_INSULT_ANY] > 0 || rf[DC_RF_INSULT_YOU] > 0;
    case DECORUM_PROFANITY:
        return rf[DC_RF_PROFANITY] > 0;
    case DECORUM_THREAT:
        return rf[DC_RF_THREAT] > 0;
    default:
        return 0;
    }
}

decorum_status decorum_trainer_add(decorum_trainer *t,
                                   const decorum_example *ex,
                                   decorum_error *err)
{
    if (!t || !ex || (ex->len && !ex->text) || (ex->id_len && !ex->id))
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "trainer, example or text is NULL");
    if (t->ran)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "the trainer has already run");
    if (ex->role > DECORUM_ROLE_FIT || ex->group >= DECORUM_TRAIN_MAX_GROUPS ||
        !(ex->weight >= 0))
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "bad role, group or weight");
    for (int h = 0; h < N_H; h++)
        if (ex->labels[h] < DECORUM_LABEL_UNKNOWN ||
            ex->labels[h] > DECORUM_LABEL_RULES)
            return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                           "bad label %d for head %d", ex->labels[h], h);
    const dc_norm *n = NULL;
    const dc_rules_out *ro = NULL;
    decorum_status st =
        dc_engine_rules(t->eng, t->scr, ex->text, ex->len, &n, &ro);
    if (st == DECORUM_ERR_UTF8 || st == DECORUM_ERR_TOOBIG ||
        st == DECORUM_ERR_INVALID) {
        t->n_skipped++;
        return DECORUM_OK;
    }
    if (st != DECORUM_OK)
        return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
    if ((st = dc_grow(t->al, (void **)&t->rows, &t->cap_rows, t->n_rows + 1,
                      sizeof *t->rows, SIZE_MAX / sizeof(row))) != DECORUM_OK)
        return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
    if ((st = dc_grow(t->al, (void **)&t->rf, &t->cap_rf,
                      (t->n_rows + 1) * DC_N_RULE_FEATURES, sizeof *t->rf,
                      SIZE_MAX / 64)) != DECORUM_OK)
        return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
    /* Until decorum_trainer_run() decides the vocabulary, a row is stored
     * as tokens: a header (n_word | n_grams << 8), the word features, then
     * every character n-gram. */
    size_t start = t->n_feats;
    dc_feat_iter it;
    dc_token tok;
    dc_feat_iter_init(&it, &t->fc, n->text, n->len);
    for (;;) {
        if ((st = dc_grow(t->al, (void **)&t->feats, &t->cap_feats,
                          t->n_feats + 1 + DC_FEAT_PER_TOKEN, sizeof *t->feats,
                          MAX_FEATS)) != DECORUM_OK) {
            t->n_feats = start;
            return dc_fail(err, st, (size_t)-1, "%s", decorum_strerror(st));
        }
        int nf = dc_feat_next(&t->fc, &it, NULL, &tok,
                              t->feats + t->n_feats + 1);
        if (nf < 0)
            break;
        t->feats[t->n_feats] = tok.n_word | ((uint32_t)nf - tok.n_word) << 8;
        t->n_feats += 1 + (size_t)nf;
    }
    row *r = &t->rows[t->n_rows];
    float *rf = t->rf + t->n_rows * DC_N_RULE_FEATURES;
    memcpy(rf, ro->rf, sizeof ro->rf);
    memset(r, 0, sizeof *r);
    r->off = start;
    r->nfeat = (uint32_t)(t->n_feats - start);
    r->group = (uint8_t)ex->group;
    if (ex->role == DECORUM_ROLE_DEV)
        r->role = ROLE_DEV;
    else if (ex->role == DECORUM_ROLE_FIT)
        r->role = ROLE_FIT;
    else {
        uint64_t hid =
            ex->id_len ? dc_fnv1a64(DC_FNV_BASIS, ex->id, ex->id_len)
                       : dc_fnv1a64(DC_FNV_BASIS, ex->text ? ex->text : "",
                                    ex->len);
        r->role = hid % 100 < t->opt.holdout_percent ? ROLE_HOLDOUT : ROLE_FIT;
    }
    float w = ex->weight > 0 ? ex->weight : 1.0f;
    for (unsigned h = 0; h < N_H; h++) {
        int lab = ex->labels[h];
        int ev = rule_evidence(h, rf);
        r->y[h] = -1;
        if (lab == DECORUM_LABEL_NEG || lab == DECORUM_LABEL_POS) {
            r->y[h] = (int8_t)lab;
            r->w[h] = w;
        } else if (lab == DECORUM_LABEL_WEAK_NEG && !ev) {
            r->y[h] = 0;
            r->w[h] = w * t->opt.weak_weight;
        } else if (lab == DECORUM_LABEL_RULES) {
            r->y[h] = ev ? 1 : 0;
            r->w[h] = ev ? w : w * t->opt.weak_weight;
        }
        if (r->w[h] <= 0)
            r->y[h] = -1;
    }
    t->n_rows++;
    return DECORUM_OK;
}

/* ---- training ---------------------------------------------------------- */

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double sigm(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

/* A head whose labels come from a rule feature must not see that feature,
 * or it learns to copy it: hidden, it learns which words and n-grams go
 * with it, and so generalizes past the lexicon (misspellings, new words). */
static int rf_hidden(int j, int h)
{
    return h == DECORUM_PROFANITY && j == DC_RF_PROFANITY;
}

typedef struct fitstate {
    float *w, *g;    /* [buckets][S]: weights, AdaGrad sums */
    const uint8_t *ident; /* [buckets]: 1 for identity-term features */
    int hold_target;      /* hold rf[TARGET_GROUP] <= 0 too */
    float r[DC_N_RULE_FEATURES][S], gr[DC_N_RULE_FEATURES][S];
    float b[S], gb[S];
    float cw[S][2];  /* class weights [head][label] */
} fitstate;

static void fit_row(const decorum_trainer *t, fitstate *fs, const row *r,
                    const float *rf)
{
    const uint32_t *f = t->feats + r->off;
    const float x = r->nfeat ? 1.0f / sqrtf((float)r->nfeat) : 0.0f;
    const float lr = t->opt.learning_rate, l2 = t->opt.l2;
    float z[S];
    for (int h = 0; h < S; h++)
        z[h] = fs->b[h];
    for (uint32_t i = 0; i < r->nfeat; i++) {
        const float *wr = fs->w + (size_t)f[i] * S;
        for (int h = 0; h < S; h++)
            z[h] += wr[h] * x;
    }
    for (int j = 0; j < DC_N_RULE_FEATURES; j++)
        if (rf[j] != 0)
            for (int h = 0; h < S; h++)
                z[h] += rf[j] * fs->r[j][h];
    float g[S] = {0};
    int any = 0;
    for (int h = 0; h < N_H; h++)
        if (r->y[h] >= 0) {
            g[h] = (float)(sigm(z[h]) - r->y[h]) * r->w[h] *
                   fs->cw[h][r->y[h]];
            any = 1;
        }
    if (!any)
        return;
    for (uint32_t i = 0; i < r->nfeat; i++) {
        float *wr = fs->w + (size_t)f[i] * S, *gr = fs->g + (size_t)f[i] * S;
        for (int h = 0; h < N_H; h++) {
            if (g[h] == 0)
                continue;
            float gg = g[h] * x + l2 * wr[h];
            gr[h] += gg * gg;
            wr[h] -= lr * gg / sqrtf(gr[h] + 1e-8f);
        }
        /* A group's name is no evidence of an attack on it: projected
         * onto w <= 0, identity-term features can only lower a score. */
        if (fs->ident && fs->ident[f[i]])
            for (int h = 0; h < N_H; h++)
                wr[h] = wr[h] > 0 ? 0 : wr[h];
    }
    for (int j = 0; j < DC_N_RULE_FEATURES; j++)
        if (rf[j] != 0)
            for (int h = 0; h < N_H; h++) {
                if (g[h] == 0 || rf_hidden(j, h))
                    continue;
                float gg = g[h] * rf[j] + l2 * fs->r[j][h];
                fs->gr[j][h] += gg * gg;
                fs->r[j][h] -= lr * gg / sqrtf(fs->gr[j][h] + 1e-8f);
                /* On request the rules' "a group is named" is held down
                 * likewise (docs/MODEL_CARD.md has the trade-off). */
                if (fs->hold_target && j == DC_RF_TARGET_GROUP &&
                    fs->r[j][h] > 0)
                    fs->r[j][h] = 0;
            }
    for (int h = 0; h < N_H; h++) {
        if (g[h] == 0)
            continue;
        fs->gb[h] += g[h] * g[h];
        fs->b[h] -= lr * g[h] / sqrtf(fs->gb[h] + 1e-8f);
    }
}

/* Platt's objective: the weighted cross-entropy of sigmoid(a z + b) against
 * the smoothed targets tp (positives) and tn (negatives). */
static double platt_loss(const float *z, const int8_t *y, const float *w,
                         size_t n, double tp, double tn, double a, double b)
{
    double l = 0;
    for (size_t i = 0; i < n; i++) {
        if (y[i] < 0)
            continue;
        double f = a * z[i] + b, t = y[i] ? tp : tn;
        /* log(1 + e^f) - t f, computed without overflow for large |f| */
        double sp = f > 0 ? f + log1p(exp(-f)) : log1p(exp(f));
        l += w[i] * (sp - t * f);
    }
    return l;
}

/* Platt scaling: fits p = sigmoid(a z + b) to weighted labels by Newton's
 * method with Platt's smoothed targets. A full Newton step can overshoot
 * when the raw scores separate the classes (|z| large, sigmoid flat): it
 * may even land on a < 0 and turn the scores upside down. So a step is
 * halved until it lowers the objective, and none that does not is taken.
 * Returns 0 when there is too little data (a, b untouched). */
static int platt(const float *z, const int8_t *y, const float *w, size_t n,
                 float *a_out, float *b_out)
{
    double np = 0, nn = 0;
    for (size_t i = 0; i < n; i++)
        if (y[i] == 1)
            np += w[i];
        else if (y[i] == 0)
            nn += w[i];
    if (np < MIN_CLASS || nn < MIN_CLASS)
        return 0;
    double tp = (np + 1) / (np + 2), tn = 1 / (nn + 2);
    double a = 1, b = 0;
    double loss = platt_loss(z, y, w, n, tp, tn, a, b);
    for (int it = 0; it < 100; it++) {
        double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
        for (size_t i = 0; i < n; i++) {
            if (y[i] < 0)
                continue;
            double p = sigm(a * z[i] + b), tt = y[i] ? tp : tn;
            double d = (p - tt) * w[i], s = p * (1 - p) * w[i];
            ga += d * z[i];
            gb += d;
            haa += s * z[i] * z[i];
            hab += s * z[i];
            hbb += s;
        }
        double det = haa * hbb - hab * hab;
        if (!(fabs(det) > 1e-12))
            break;
        double da = (hbb * ga - hab * gb) / det;
        double db = (haa * gb - hab * ga) / det;
        double step = 1, next = loss;
        for (; step >= 1e-10; step /= 2) {
            next = platt_loss(z, y, w, n, tp, tn, a - step * da, b - step * db);
            if (next <= loss + 1e-12 * fabs(loss))
                break;
        }
        if (step < 1e-10)
            break; /* no step lowers the objective: at the minimum */
        a -= step * da;
        b -= step * db;
        loss = next;
        if (fabs(step * da) < 1e-7 && fabs(step * db) < 1e-7)
            break;
    }
    if (!isfinite(a) || !isfinite(b))
        return 0;
    *a_out = (float)a;
    *b_out = (float)b;
    return 1;
}

typedef struct scored {
    float p;
    int8_t y;
} scored;

static int cmp_scored(const void *x, const void *y)
{
    float a = ((const scored *)x)->p, b = ((const scored *)y)->p;
    return (a > b) - (a < b);
}

/* Metrics of one head over v[0..n) (sorted in place). */
static void metrics(scored *v, size_t n, decorum_head_metrics *m)
{
    memset(m, 0, sizeof *m);
    m->rows = n;
    if (!n)
        return;
    double tp = 0, fp = 0, fn = 0, tn = 0, ll = 0, br = 0;
    double bin_n[10] = {0}, bin_p[10] = {0}, bin_y[10] = {0};
    for (size_t i = 0; i < n; i++) {
        double p = v[i].p, y = v[i].y;
        int pred = p >= 0.5;
        tp += pred && y;
        fp += pred && !y;
        fn += !pred && y;
        tn += !pred && !y;
        double pc = p < 1e-7 ? 1e-7 : p > 1 - 1e-7 ? 1 - 1e-7 : p;
        ll -= y ? log(pc) : log(1 - pc);
        br += (p - y) * (p - y);
        int bi = (int)(p * 10);
        bi = bi < 0 ? 0 : bi > 9 ? 9 : bi;
        bin_n[bi]++;
        bin_p[bi] += p;
        bin_y[bi] += y;
    }
    m->positives = (size_t)(tp + fn);
    m->accuracy = (tp + tn) / n;
    m->precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    m->recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    m->f1 = m->precision + m->recall > 0
                ? 2 * m->precision * m->recall / (m->precision + m->recall)
                : 0;
    m->logloss = ll / n;
    m->brier = br / n;
    for (int b = 0; b < 10; b++)
        if (bin_n[b] > 0)
            m->ece += fabs(bin_p[b] - bin_y[b]) / n;
    double npos = tp + fn, nneg = fp + tn;
    if (npos == 0 || nneg == 0) {
        m->auc = -1;
        return;
    }
    /* Rank-sum with ties sharing their average rank. */
    qsort(v, n, sizeof *v, cmp_scored);
    double rank_sum = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].p == v[i].p)
            j++;
        double avg = (double)(i + j + 1) / 2.0; /* ranks are 1-based */
        for (size_t k = i; k < j; k++)
            if (v[k].y)
                rank_sum += avg;
        i = j;
    }
    m->auc = (rank_sum - npos * (npos + 1) / 2) / (npos * nneg);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Raw or calibrated scores of every row with model image img. */
static decorum_status score_rows(decorum_trainer *t, const unsigned char *img,
                                 size_t size, float *z, int calibrated,
                                 decorum_error *err)
{
    dc_model *m = NULL;
    decorum_status st =
        dc_model_from_memory(t->al, img, size, "trained model", &m, err);
    if (st != DECORUM_OK)
        return st;
    const dc_model_hdr *h = dc_model_header(m);
    for (size_t i = 0; i < t->n_rows; i++) {
        const row *r = &t->rows[i];
        int32_t acc[S] = {0};
        dc_model_accumulate(m, t->feats + r->off, r->nfeat, acc);
        float zz[S];
        dc_model_logits(m, acc, r->nfeat, t->rf + i * DC_N_RULE_FEATURES, zz);
        for (int k = 0; k < N_H; k++)
            z[i * S + k] = calibrated ? (float)sigm(h->cal_a[k] * zz[k] +
                                                    h->cal_b[k])
                                      : zz[k];
        if (t->opt.progress && i % 8192 == 0)
            t->opt.progress(t->opt.progress_ctx,
                            calibrated ? "evaluate" : "calibrate", i,
                            t->n_rows);
    }
    dc_model_free(t->al, m);
    return DECORUM_OK;
}

/* Marks in ident[bucket] the unigram and character n-gram features of every
 * one-word identity term of the engine's lexicon ("muslim", "gay"), with
 * plural forms. Returns the number of terms. */
static size_t identity_features(const decorum_trainer *t, uint8_t *ident)
{
    const dc_lexicon *lx = dc_engine_lexicon(t->eng);
    static const char *const suffix[] = {"", "s", "es"};
    size_t terms = 0;
    for (size_t i = 0; i < lx->n; i++) {
        const dc_entry *e = &lx->entries[i];
        if (e->kind != DC_KIND_IDENTITY || e->term_len == 0 ||
            e->term_len > 64 || memchr(e->term, ' ', e->term_len))
            continue;
        terms++;
        for (size_t s = 0; s < sizeof suffix / sizeof suffix[0]; s++) {
            char buf[72];
            int n = snprintf(buf, sizeof buf, "%.*s%s", (int)e->term_len,
                             e->term, suffix[s]);
            dc_feat_iter it;
            dc_token tok;
            uint32_t f[DC_FEAT_PER_TOKEN];
            int k;
            dc_feat_iter_init(&it, &t->fc, buf, (size_t)n);
            /* Only the first token: "afro-american" is two, and "american"
             * is a term of its own. */
            if ((k = dc_feat_next(&t->fc, &it, NULL, &tok, f)) < 0)
                continue;
            for (int j = 0; j < k; j++)
                if (j == 0 || j >= (int)tok.n_word) /* not a bigram */
                    ident[f[j]] = 1;
        }
    }
    return terms;
}

/* Decides the vocabulary (unigram buckets seen at least vocab_min times in
 * the fit rows, when the n-gram set has DC_FEAT_OOV) into vocab[bucket],
 * then rewrites every row in place as its final feature list: word
 * features, and the n-grams of tokens outside the vocabulary. */
static void compile_rows(decorum_trainer *t, uint32_t *cnt, uint8_t *vocab)
{
    const int oov = (t->fc.bits & DC_FEAT_OOV) != 0;
    const size_t nb = (size_t)1 << t->fc.bucket_bits;
    for (size_t r = 0; oov && r < t->n_rows; r++) {
        const row *rw = &t->rows[r];
        if (rw->role != ROLE_FIT)
            continue;
        for (size_t i = rw->off, e = rw->off + rw->nfeat; i < e;) {
            uint32_t hdr = t->feats[i], nw = hdr & 0xffu;
            if (nw && cnt[t->feats[i + 1]] < UINT32_MAX)
                cnt[t->feats[i + 1]]++;
            i += 1 + nw + (hdr >> 8);
        }
    }
    for (size_t b = 0; b < nb; b++)
        vocab[b] = oov && cnt[b] >= t->opt.vocab_min;
    size_t w = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        row *rw = &t->rows[r];
        size_t i = rw->off, e = rw->off + rw->nfeat, start = w;
        while (i < e) {
            uint32_t hdr = t->feats[i++], nw = hdr & 0xffu, ng = hdr >> 8;
            int skip = nw && vocab[t->feats[i]];
            for (uint32_t j = 0; j < nw + ng; j++, i++)
                if (j < nw || !skip)
                    t->feats[w++] = t->feats[i];
        }
        rw->off = start;
        rw->nfeat = (uint32_t)(w - start);
    }
    t->n_feats = w;
}

decorum_status decorum_trainer_run(decorum_trainer *t,
                                   decorum_train_report *rep,
                                   decorum_error *err)
{
    if (!t)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "trainer is NULL");
    if (t->ran)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "the trainer has already run");
    const dc_alloc *al = t->al;
    double t0 = now_seconds();
    decorum_status st = DECORUM_OK;
    const size_t nb = (size_t)1 << t->fc.bucket_bits;
    fitstate *fs = NULL;
    size_t *order = NULL, n_fit = 0;
    int8_t *q = NULL;
    float *z = NULL, *zy_w = NULL;
    int8_t *zy = NULL;
    scored *sv = NULL;
    unsigned char *img = NULL;
    size_t img_size = 0;
    dc_model_hdr *hdr = NULL;
    uint8_t *vocab = NULL, *ident = NULL;

    fs = dc_calloc(al, 1, sizeof *fs);
    hdr = dc_calloc(al, 1, sizeof *hdr);
    if (!fs || !hdr)
        goto nomem;
    fs->w = dc_calloc(al, nb * S, sizeof *fs->w);
    fs->g = dc_calloc(al, nb * S, sizeof *fs->g);
    order = dc_calloc(al, t->n_rows ? t->n_rows : 1, sizeof *order);
    vocab = dc_calloc(al, nb, 1);
    ident = dc_calloc(al, nb, 1);
    if (!fs->w || !fs->g || !order || !vocab || !ident)
        goto nomem;
    if (!(t->opt.flags & DECORUM_TRAIN_KEEP_IDENTITY)) {
        identity_features(t, ident);
        fs->ident = ident;
    }
    fs->hold_target = (t->opt.flags & DECORUM_TRAIN_HOLD_TARGET) != 0;
    /* The AdaGrad sums are still zero: lend them as occurrence counters. */
    compile_rows(t, (uint32_t *)(void *)fs->g, vocab);
    t->ran = 1; /* the rows are compiled: no second run, no more rows */
    memset(fs->g, 0, nb * S * sizeof *fs->g);

    /* Class counts on the fit rows decide which heads train, their class
     * weights and their starting bias. */
    double cnt[S][2] = {{0}};
    size_t rows_n[S] = {0};
    for (size_t i = 0; i < t->n_rows; i++) {
        const row *r = &t->rows[i];
        if (r->role != ROLE_FIT)
            continue;
        order[n_fit++] = i;
        for (int h = 0; h < N_H; h++)
            if (r->y[h] >= 0) {
                cnt[h][r->y[h]] += r->w[h];
                rows_n[h]++;
            }
    }
    uint32_t trained = 0;
    for (int h = 0; h < N_H; h++) {
        double pos = cnt[h][1], neg = cnt[h][0];
        fs->cw[h][0] = fs->cw[h][1] = 1;
        if (pos >= MIN_CLASS && neg >= MIN_CLASS) {
            trained |= 1u << h;
            if (pos < neg)
                fs->cw[h][1] = (float)fmin(5.0, sqrt(neg / pos));
            else
                fs->cw[h][0] = (float)fmin(5.0, sqrt(pos / neg));
            fs->b[h] = (float)log((pos * fs->cw[h][1]) / (neg * fs->cw[h][0]));
        } else if (pos + neg > 0) {
            double pr = (pos + 0.5) / (pos + neg + 1);
            fs->b[h] = (float)log(pr / (1 - pr));
        } else {
            fs->b[h] = -5; /* never labelled: "almost never" */
        }
    }
    /* Untrained heads must not learn: drop their labels. */
    for (size_t i = 0; i < t->n_rows; i++)
        for (int h = 0; h < N_H; h++)
            if (!(trained >> h & 1u) && t->rows[i].role == ROLE_FIT)
                t->rows[i].y[h] = -1;

    uint64_t rng = t->opt.seed;
    size_t total = (size_t)t->opt.epochs * n_fit, done = 0;
    for (uint32_t ep = 0; ep < t->opt.epochs; ep++) {
        for (size_t i = n_fit; i > 1; i--) {
            size_t j = (size_t)(splitmix(&rng) % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t i = 0; i < n_fit; i++, done++) {
            size_t ri = order[i];
            fit_row(t, fs, &t->rows[ri], t->rf + ri * DC_N_RULE_FEATURES);
            if (t->opt.progress && done % 4096 == 0)
                t->opt.progress(t->opt.progress_ctx, "train", done, total);
        }
    }

    /* Quantize: one scale per head maps its largest weight to 127. */
    q = dc_calloc(al, nb * S, 1);
    if (!q)
        goto nomem;
    for (int h = 0; h < N_H; h++) {
        float mx = 0;
        for (size_t i = 0; i < nb; i++)
            mx = fmaxf(mx, fabsf(fs->w[i * S + h]));
        hdr->scale[h] = mx > 0 ? mx / 127.0f : 0;
        for (size_t i = 0; mx > 0 && i < nb; i++) {
            float v = roundf(fs->w[i * S + h] / hdr->scale[h]);
            q[i * S + h] = (int8_t)(v > 127 ? 127 : v < -127 ? -127 : v);
        }
        hdr->bias[h] = fs->b[h];
        if (h == 0)
            for (size_t i = 0; i < nb; i++)
                q[i * S + S - 1] = (int8_t)vocab[i];
        hdr->cal_a[h] = 1;
        hdr->cal_b[h] = 0;
        for (int j = 0; j < DC_N_RULE_FEATURES; j++)
            hdr->rfw[j][h] = fs->r[j][h];
    }
    dc_free(al, fs->w, nb * S * sizeof *fs->w);
    dc_free(al, fs->g, nb * S * sizeof *fs->g);
    fs->w = fs->g = NULL;
    hdr->fc = t->fc;
    hdr->n_rf = DC_N_RULE_FEATURES;
    hdr->trained_mask = trained;
    hdr->n_train_rows = (uint32_t)(n_fit > UINT32_MAX ? UINT32_MAX : n_fit);
    hdr->seed = t->opt.seed;
    snprintf(hdr->name, sizeof hdr->name, "%s",
             t->opt.name ? t->opt.name : "decorum");
    snprintf(hdr->data, sizeof hdr->data, "%s",
             t->opt.data_names ? t->opt.data_names : "");

    /* Calibrate on the holdout rows with the quantized model's logits. */
    if ((st = dc_model_encode(al, hdr, q, &img, &img_size, err)) != DECORUM_OK)
        goto fail;
    size_t nr = t->n_rows ? t->n_rows : 1;
    z = dc_calloc(al, nr * S, sizeof *z);
    zy = dc_calloc(al, nr, 1);
    zy_w = dc_calloc(al, nr, sizeof *zy_w);
    float *zh = dc_calloc(al, nr, sizeof *zh);
    sv = dc_calloc(al, nr, sizeof *sv);
    if (!z || !zy || !zy_w || !zh || !sv) {
        dc_free(al, zh, nr * sizeof *zh);
        goto nomem;
    }
    if ((st = score_rows(t, img, img_size, z, 0, err)) != DECORUM_OK) {
        dc_free(al, zh, nr * sizeof *zh);
        goto fail;
    }
    for (int h = 0; h < N_H; h++) {
        if (!(trained >> h & 1u))
            continue;
        size_t k = 0;
        for (size_t i = 0; i < t->n_rows; i++)
            if (t->rows[i].role == ROLE_HOLDOUT && t->rows[i].y[h] >= 0) {
                zh[k] = z[i * S + h];
                zy[k] = t->rows[i].y[h];
                zy_w[k++] = t->rows[i].w[h];
            }
        platt(zh, zy, zy_w, k, &hdr->cal_a[h], &hdr->cal_b[h]);
    }
    dc_free(al, zh, nr * sizeof *zh);
    dc_free(al, img, img_size);
    img = NULL;
    if ((st = dc_model_encode(al, hdr, q, &img, &img_size, err)) != DECORUM_OK)
        goto fail;

    /* Measure the final image on every role and dev group. */
    if ((st = score_rows(t, img, img_size, z, 1, err)) != DECORUM_OK)
        goto fail;
    if (rep) {
        memset(rep, 0, sizeof *rep);
        for (size_t i = 0; i < t->n_rows; i++) {
            int ro = t->rows[i].role;
            rep->n_fit += ro == ROLE_FIT;
            rep->n_holdout += ro == ROLE_HOLDOUT;
            rep->n_dev += ro == ROLE_DEV;
        }
        rep->n_skipped = t->n_skipped;
        for (int h = 0; h < N_H; h++) {
            for (int set = -3; set < DECORUM_TRAIN_MAX_GROUPS; set++) {
                size_t k = 0;
                for (size_t i = 0; i < t->n_rows; i++) {
                    const row *r = &t->rows[i];
                    int in = set == -3   ? r->role == ROLE_FIT
                             : set == -2 ? r->role == ROLE_HOLDOUT
                             : set == -1 ? r->role == ROLE_DEV
                                         : r->role == ROLE_DEV &&
                                               r->group == set;
                    if (in && r->y[h] >= 0)
                        sv[k++] = (scored){z[i * S + h], r->y[h]};
                }
                decorum_head_metrics *m = set == -3   ? &rep->fit[h]
                                          : set == -2 ? &rep->holdout[h]
                                          : set == -1 ? &rep->dev[h]
                                                      : &rep->dev_group[set][h];
                metrics(sv, k, m);
            }
        }
        rep->trained_mask = trained;
        rep->model_bytes = img_size;
        rep->seconds = now_seconds() - t0;
    }
    (void)rows_n;
    t->image = img;
    t->image_size = img_size;
    img = NULL;
    t->ran = 1;
    st = DECORUM_OK;
    goto done;
nomem:
    st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
fail:
done:
    if (fs) {
        dc_free(al, fs->w, nb * S * sizeof *fs->w);
        dc_free(al, fs->g, nb * S * sizeof *fs->g);
    }
    dc_free(al, fs, sizeof *fs);
    dc_free(al, hdr, sizeof *hdr);
    dc_free(al, order, (t->n_rows ? t->n_rows : 1) * sizeof *order);
    dc_free(al, q, nb * S);
    dc_free(al, vocab, nb);
    dc_free(al, ident, nb);
    size_t nr2 = t->n_rows ? t->n_rows : 1;
    dc_free(al, z, nr2 * S * sizeof *z);
    dc_free(al, zy, nr2);
    dc_free(al, zy_w, nr2 * sizeof *zy_w);
    dc_free(al, sv, nr2 * sizeof *sv);
    dc_free(al, img, img_size);
    return st;
}

decorum_status decorum_trainer_save(const decorum_trainer *t, const char *path,
                                    decorum_error *err)
{
    if (!t || !path)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "trainer or path is NULL");
    if (!t->image)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "the trainer has not run");
    /* Write a temporary file and rename it, so a reader never maps a
     * half-written model. */
    size_t pl = strlen(path);
    if (pl > SIZE_MAX - 8)
        return dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1, "path too long");
    char *tmp = dc_malloc(t->al, pl + 8);
    if (!tmp)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1, "out of memory");
    snprintf(tmp, pl + 8, "%s.tmp", path);
    decorum_status st = DECORUM_OK;
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: cannot create",
                     tmp);
        goto done;
    }
    size_t wrote = fwrite(t->image, 1, t->image_size, f);
    if (fclose(f) != 0 || wrote != t->image_size) {
        remove(tmp);
        st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: write failed", tmp);
        goto done;
    }
    if (rename(tmp, path) != 0) {
        remove(tmp);
        st = dc_fail(err, DECORUM_ERR_IO, (size_t)-1, "%s: cannot rename",
                     path);
    }
done:
    dc_free(t->al, tmp, pl + 8);
    return st;
}
