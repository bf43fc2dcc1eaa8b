/*
 * train.c: `decorum train`, trains a model from labeled JSONL through the
 * public training API (decorum_trainer_*).
 *
 * Input rows follow the shared data schema:
 *   {"id", "text", "label": hate|offensive|toxic|none, "target": [...],
 *    "type": str|null, "source": dataset, "meta": {...}}
 * and their labels are mapped to the seven heads here (docs/MODEL_CARD.md
 * has the table; map_labels() is its code). Rows from --dev files are only
 * measured. Reads with jansson, one line at a time.
 */
#include "cli.h"
#include "decorum.h"

#include <jansson.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const head_names[DECORUM_N_HEADS] = {
    "TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT",
    "PROFANITY", "THREAT", "HATE"};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: decorum train --data FILE[,FILE...] --out MODEL [options]\n"
            "\nTrains the model from labeled JSONL (the shared data schema).\n"
            "  --data FILES     training rows (comma-separated files)\n"
            "  --dev FILES      rows only measured, never learned from\n"
            "  --out MODEL      model file to write\n"
            "  --seed N         shuffling seed (default 1)\n"
            "  --epochs N       passes over the data (default 4)\n"
            "  --buckets N      hash buckets: a power of two or 2^k "
            "(default 2^18)\n"
            "  --ngrams LIST    word,bigram,char3,char4,char5,char6,oov "
            "(default\n"
            "                   word,bigram,char4; oov: n-grams only for "
            "rare words)\n"
            "  --vocab N        rare: seen fewer than N times (default 20)\n"
            "  --holdout PCT    %% of rows kept for calibration (default 10)\n"
            "  --lr F           AdaGrad learning rate (default 0.1)\n"
            "  --l2 F           L2 penalty (default 1e-5)\n"
            "  --weak F         weight of unvouched negatives (default 0.5)\n"
            "  --lexicon DIR    lexicons for the rule features (default: "
            "built in)\n"
            "  --name NAME      model name recorded in the file\n"
            "  --keep-identity  let identity terms (\"muslim\", \"gay\") "
            "raise scores\n"
            "                   (by default their weights are kept <= 0)\n"
            "  --hold-target    also keep the rules' group-mention feature "
            "<= 0\n"
            "  --fit-only SRCS  rows of these sources (comma-separated) are "
            "learned\n"
            "                   from, never used to calibrate the scores\n"
            "  --fit-weight F   weight of the --fit-only rows (default 1)\n"
            "  --quiet          no progress bar\n");
}

/* ---- label mapping ------------------------------------------------------ */

static int has(const char *s, const char *needle)
{
    return s && strstr(s, needle) != NULL;
}

static int json_flag(json_t *meta, const char *key)
{
    json_t *v = json_object_get(meta, key);
    return json_is_integer(v) ? json_integer_value(v) != 0
                              : json_is_true(v) ? 1 : 0;
}

/* Sources with an "offensive" or toxicity class: their "none" is clean.
 * Elsewhere "none" only means "not hate". "contrast" is our own sentences
 * that name a group without attacking it (tools/contrast.sh). */
static int vouches_clean(const char *source)
{
    static const char *const s[] = {"davidson", "hatexplain", "olid",
                                    "jigsaw_toxic_slice", "contrast"};
    for (size_t i = 0; source && i < sizeof s / sizeof s[0]; i++)
        if (strcmp(source, s[i]) == 0)
            return 1;
    return 0;
}

/* Did every annotator call the row hate? (davidson votes, hatexplain
 * annotator labels) */
static int unanimous_hate(json_t *meta)
{
    json_t *v = json_object_get(meta, "votes_hate_speech");
    json_t *a = json_object_get(meta, "annotators");
    if (json_is_integer(v) && json_is_integer(a))
        return json_integer_value(v) == json_integer_value(a);
    json_t *al = json_object_get(meta, "annotator_labels");
    if (json_is_array(al) && json_array_size(al) > 0) {
        size_t i;
        json_t *x;
        json_array_foreach(al, i, x) if (!json_is_string(x) ||
                                         strcmp(json_string_value(x),
                                                "hatespeech") != 0) return 0;
        return 1;
    }
    return 0;
}

/* Fills labels[] from one row; returns 0 for an unknown label. */
static int map_labels(const char *label, const char *type, const char *source,
                      json_t *meta, int8_t *y)
{
    int hate = strcmp(label, "hate") == 0;
    int off = strcmp(label, "offensive") == 0;
    int tox = strcmp(label, "toxic") == 0;
    int none = strcmp(label, "none") == 0;
    if (!hate && !off && !tox && !none)
        return 0;
    int8_t neg = vouches_clean(source) ? DECORUM_LABEL_NEG
                                       : DECORUM_LABEL_WEAK_NEG;
    int threat = has(type, "threat") || has(type, "violent");
    int dehum = has(type, "dehuman");
    int typed = type && strcmp(type, "explicit") != 0 &&
                strcmp(type, "implicit") != 0;
    y[DECORUM_TOXICITY] = none ? neg : DECORUM_LABEL_POS;
    y[DECORUM_IDENTITY_ATTACK] = hate ? DECORUM_LABEL_POS : DECORUM_LABEL_NEG;
    y[DECORUM_HEAD_HATE] = y[DECORUM_IDENTITY_ATTACK];
    y[DECORUM_INSULT] = none ? neg : DECORUM_LABEL_POS;
    y[DECORUM_PROFANITY] = DECORUM_LABEL_RULES;
    y[DECORUM_SEVERE_TOXICITY] =
        none ? neg
        : hate ? (threat || dehum || unanimous_hate(meta) ? DECORUM_LABEL_POS
                                                          : DECORUM_LABEL_UNKNOWN)
               : DECORUM_LABEL_WEAK_NEG;
    y[DECORUM_THREAT] = none  ? neg
                        : hate ? (threat  ? DECORUM_LABEL_POS
                                  : typed ? DECORUM_LABEL_NEG
                                          : DECORUM_LABEL_UNKNOWN)
                               : DECORUM_LABEL_WEAK_NEG;
    if (source && strcmp(source, "jigsaw_toxic_slice") == 0) {
        /* Jigsaw has its own flags for every head but hate. */
        y[DECORUM_TOXICITY] = (int8_t)(json_flag(meta, "toxic") || hate);
        y[DECORUM_SEVERE_TOXICITY] = (int8_t)json_flag(meta, "severe_toxic");
        y[DECORUM_INSULT] = (int8_t)json_flag(meta, "insult");
        y[DECORUM_PROFANITY] = (int8_t)json_flag(meta, "obscene");
        y[DECORUM_THREAT] = (int8_t)json_flag(meta, "threat");
    }
    return 1;
}

/* ---- progress ----------------------------------------------------------- */

typedef struct progress {
    int on;
    double start;
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void draw(void *ctx, const char *phase, size_t done, size_t total)
{
    progress *p = ctx;
    if (!p->on || !total)
        return;
    int w = 30, k = (int)((double)done / (double)total * w);
    k = k > w ? w : k;
    fprintf(stderr, "\r%-10s [", phase);
    for (int i = 0; i < w; i++)
        fputc(i < k ? '#' : ' ', stderr);
    fprintf(stderr, "] %3d%%  %.1fs ", (int)(100.0 * done / total),
            now() - p->start);
    fflush(stderr);
}

/* ---- reading ------------------------------------------------------------ */

typedef struct counts {
    size_t rows, bad;
    size_t pos[DECORUM_N_HEADS], known[DECORUM_N_HEADS];
} counts;

/* Adds every row of one JSONL file. Returns 0 or an exit status. */
/* Is source one of the comma-separated names of list? */
static int listed(const char *list, const char *source)
{
    size_t n = strlen(source);
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ',');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        if (k == n && strncmp(p, source, n) == 0)
            return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

/* Adds every row of one JSONL file; a training row whose source is in
 * fit_only is fitted with weight fit_weight and never calibrated on.
 * Returns 0 or an exit status. */
static int add_file(decorum_trainer *t, const char *path, uint32_t role,
                    uint32_t group, const char *fit_only, float fit_weight,
                    counts *c, progress *pg)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "decorum train: %s: %s\n", path, strerror(errno));
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long fsize = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)n, 0, &je);
        json_t *text = json_object_get(o, "text");
        json_t *label = json_object_get(o, "label");
        if (!json_is_string(text) || !json_is_string(label)) {
            c->bad++;
            json_decref(o);
            continue;
        }
        json_t *id = json_object_get(o, "id");
        json_t *type = json_object_get(o, "type");
        json_t *source = json_object_get(o, "source");
        decorum_example ex;
        memset(&ex, 0, sizeof ex);
        if (!map_labels(json_string_value(label),
                        json_is_string(type) ? json_string_value(type) : NULL,
                        json_is_string(source) ? json_string_value(source)
                                               : NULL,
                        json_object_get(o, "meta"), ex.labels)) {
            c->bad++;
            json_decref(o);
            continue;
        }
        if (json_is_string(id)) {
            ex.id = json_string_value(id);
            ex.id_len = json_string_length(id);
        }
        ex.text = json_string_value(text);
        ex.len = json_string_length(text);
        ex.role = role;
        if (role == DECORUM_ROLE_TRAIN && json_is_string(source) &&
            listed(fit_only, json_string_value(source))) {
            ex.role = DECORUM_ROLE_FIT;
            ex.weight = fit_weight;
        }
        ex.group = group;
        decorum_error err;
        decorum_status st = decorum_trainer_add(t, &ex, &err);
        json_decref(o);
        if (st != DECORUM_OK) {
            fprintf(stderr, "decorum train: %s:%zu: %s\n", path, lineno,
                    err.message);
            rc = 1;
            break;
        }
        c->rows++;
        for (int h = 0; h < DECORUM_N_HEADS; h++) {
            c->known[h] += ex.labels[h] != DECORUM_LABEL_UNKNOWN;
            c->pos[h] += ex.labels[h] == DECORUM_LABEL_POS;
        }
        if (pg->on && lineno % 512 == 0 && fsize > 0)
            draw(pg, role == DECORUM_ROLE_DEV ? "dev" : "read",
                 (size_t)ftell(f), (size_t)fsize);
    }
    free(line);
    fclose(f);
    return rc;
}

/* ---- options ------------------------------------------------------------ */

static int parse_u64(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-')
        return 0;
    *out = v;
    return 1;
}

static int parse_float(const char *s, float *out)
{
    char *end;
    errno = 0;
    float v = strtof(s, &end);
    if (errno || end == s || *end)
        return 0;
    *out = v;
    return 1;
}

/* "262144" or "2^18" -> 18. */
static int parse_buckets(const char *s, uint32_t *bits)
{
    unsigned long long v;
    if (strncmp(s, "2^", 2) == 0) {
        if (!parse_u64(s + 2, &v) || v > 63)
            return 0;
        *bits = (uint32_t)v;
        return 1;
    }
    if (!parse_u64(s, &v) || v == 0 || (v & (v - 1)))
        return 0;
    uint32_t b = 0;
    while ((1ull << b) < v)
        b++;
    *bits = b;
    return 1;
}

static int parse_ngrams(const char *s, uint32_t *out)
{
    static const struct {
        const char *name;
        uint32_t bit;
    } names[] = {{"word", DECORUM_NGRAM_WORD},   {"bigram", DECORUM_NGRAM_BIGRAM},
                 {"char3", DECORUM_NGRAM_CHAR3}, {"char4", DECORUM_NGRAM_CHAR4},
                 {"char5", DECORUM_NGRAM_CHAR5}, {"char6", DECORUM_NGRAM_CHAR6},
                 {"oov", DECORUM_NGRAM_OOV}};
    uint32_t bits = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        size_t i;
        for (i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strlen(names[i].name) == n && strncmp(s, names[i].name, n) == 0)
                break;
        if (i == sizeof names / sizeof names[0])
            return 0;
        bits |= names[i].bit;
        s += n + (s[n] == ',');
    }
    *out = bits;
    return bits != 0;
}

/* Base name of a data file for the model header: "davidson/train.jsonl". */
static const char *short_name(const char *path)
{
    const char *s = path + strlen(path);
    int slashes = 0;
    while (s > path) {
        if (s[-1] == '/' && ++slashes == 2)
            break;
        s--;
    }
    return s;
}

static void print_metrics_row(const char *set, const decorum_head_metrics *m)
{
    if (!m->rows) {
        fprintf(stderr, "    %-8s (no rows)\n", set);
        return;
    }
    fprintf(stderr,
            "    %-8s rows %6zu pos %6zu  acc %.3f  P %.3f  R %.3f  F1 %.3f  "
            "AUC %s%.3f  logloss %.3f  ECE %.3f\n",
            set, m->rows, m->positives, m->accuracy, m->precision, m->recall,
            m->f1, m->auc < 0 ? "-" : "", m->auc < 0 ? 0.0 : m->auc,
            m->logloss, m->ece);
}

#define MAX_FILES DECORUM_TRAIN_MAX_GROUPS

/* Splits a comma-separated list in place. */
static size_t split_list(char *s, char **out, size_t max)
{
    size_t n = 0;
    for (char *p = s; p && *p && n < max;) {
        char *c = strchr(p, ',');
        if (c)
            *c = '\0';
        if (*p)
            out[n++] = p;
        p = c ? c + 1 : NULL;
    }
    return n;
}

int cmd_train(int argc, char **argv)
{
    decorum_train_options opt;
    decorum_train_options_init(&opt);
    opt.seed = 1;
    char *data = NULL, *dev = NULL;
    const char *fit_only = NULL;
    float fit_weight = 1.0f;
    const char *out = NULL, *lexicon = NULL;
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long u = 0;
        int ok = 1, takes = 1;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--quiet") == 0) {
            quiet = 1;
            takes = 0;
        } else if (strcmp(a, "--keep-identity") == 0) {
            opt.flags |= DECORUM_TRAIN_KEEP_IDENTITY;
            takes = 0;
        } else if (strcmp(a, "--hold-target") == 0) {
            opt.flags |= DECORUM_TRAIN_HOLD_TARGET;
            takes = 0;
        } else if (!v) {
            ok = 0;
        } else if (strcmp(a, "--data") == 0) {
            data = argv[i + 1];
        } else if (strcmp(a, "--dev") == 0) {
            dev = argv[i + 1];
        } else if (strcmp(a, "--fit-only") == 0) {
            fit_only = v;
        } else if (strcmp(a, "--fit-weight") == 0) {
            ok = parse_float(v, &fit_weight) && fit_weight > 0 &&
                 fit_weight <= 100;
        } else if (strcmp(a, "--out") == 0) {
            out = v;
        } else if (strcmp(a, "--lexicon") == 0) {
            lexicon = v;
        } else if (strcmp(a, "--name") == 0) {
            opt.name = v;
        } else if (strcmp(a, "--seed") == 0) {
            ok = parse_u64(v, &u);
            opt.seed = u;
        } else if (strcmp(a, "--epochs") == 0) {
            ok = parse_u64(v, &u) && u > 0 && u <= 1000;
            opt.epochs = (uint32_t)u;
        } else if (strcmp(a, "--holdout") == 0) {
            ok = parse_u64(v, &u) && u > 0 && u < 100;
            opt.holdout_percent = (uint32_t)u;
        } else if (strcmp(a, "--buckets") == 0) {
            ok = parse_buckets(v, &opt.bucket_bits);
        } else if (strcmp(a, "--ngrams") == 0) {
            ok = parse_ngrams(v, &opt.ngrams);
        } else if (strcmp(a, "--vocab") == 0) {
            ok = parse_u64(v, &u) && u > 0 && u < (1ull << 32);
            opt.vocab_min = (uint32_t)u;
        } else if (strcmp(a, "--lr") == 0) {
            ok = parse_float(v, &opt.learning_rate);
        } else if (strcmp(a, "--l2") == 0) {
            ok = parse_float(v, &opt.l2);
        } else if (strcmp(a, "--weak") == 0) {
            ok = parse_float(v, &opt.weak_weight);
        } else {
            fprintf(stderr, "decorum train: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
        if (!ok) {
            fprintf(stderr, "decorum train: bad or missing value for %s\n", a);
            return 2;
        }
        i += takes;
    }
    if (!data || !out) {
        usage(stderr);
        return 2;
    }
    char *train_files[MAX_FILES], *dev_files[MAX_FILES];
    size_t n_train = split_list(data, train_files, MAX_FILES);
    size_t n_dev = dev ? split_list(dev, dev_files, MAX_FILES) : 0;
    char names[4096] = "";
    size_t nl = 0;
    for (size_t i = 0; i < n_train && nl < sizeof names; i++) {
        int w = snprintf(names + nl, sizeof names - nl, "%s%s", i ? "," : "",
                         short_name(train_files[i]));
        nl += w > 0 ? (size_t)w : 0;
    }
    opt.data_names = names;

    progress pg = {!quiet && isatty(2), now()};
    opt.progress = draw;
    opt.progress_ctx = &pg;

    decorum_engine_options eo;
    decorum_engine_options_init(&eo);
    eo.flags = DECORUM_OPT_NO_MODEL;
    eo.lexicon_dir = lexicon;
    decorum_engine *eng = NULL;
    decorum_trainer *t = NULL;
    decorum_error err;
    int rc = 1;
    if (decorum_engine_open(&eo, &eng, &err) != DECORUM_OK) {
        fprintf(stderr, "decorum train: %s\n", err.message);
        return 1;
    }
    if (decorum_trainer_new(eng, &opt, &t, &err) != DECORUM_OK) {
        fprintf(stderr, "decorum train: %s\n", err.message);
        decorum_engine_free(eng);
        return 2;
    }
    counts tc, dc;
    memset(&tc, 0, sizeof tc);
    memset(&dc, 0, sizeof dc);
    double t0 = now();
    for (size_t i = 0; i < n_train; i++)
        if (add_file(t, train_files[i], DECORUM_ROLE_TRAIN, 0, fit_only,
                     fit_weight, &tc, &pg))
            goto done;
    for (size_t i = 0; i < n_dev; i++)
        if (add_file(t, dev_files[i], DECORUM_ROLE_DEV, (uint32_t)i, NULL,
                     1.0f, &dc, &pg))
            goto done;
    double t_read = now() - t0;
    if (tc.rows == 0) {
        fprintf(stderr,
                "decorum train: no readable training row (%zu unreadable "
                "lines): nothing to learn from\n",
                tc.bad);
        goto done;
    }
    static decorum_train_report rep;
    if (decorum_trainer_run(t, &rep, &err) != DECORUM_OK) {
        fprintf(stderr, "\ndecorum train: %s\n", err.message);
        goto done;
    }
    if (decorum_trainer_save(t, out, &err) != DECORUM_OK) {
        fprintf(stderr, "\ndecorum train: %s\n", err.message);
        goto done;
    }
    if (pg.on)
        fprintf(stderr, "\r%70s\r", "");
    fprintf(stderr,
            "decorum train: %zu training rows (%zu fit, %zu calibration), "
            "%zu dev rows, %zu unreadable, %zu skipped\n",
            tc.rows, rep.n_fit, rep.n_holdout, rep.n_dev, tc.bad + dc.bad,
            rep.n_skipped);
    fprintf(stderr,
            "  buckets 2^%u, ngrams 0x%x, epochs %u, seed %llu; featurize "
            "%.1fs, train+calibrate %.1fs; model %zu bytes -> %s\n",
            opt.bucket_bits, opt.ngrams, opt.epochs,
            (unsigned long long)opt.seed, t_read, rep.seconds,
            rep.model_bytes, out);
    for (int h = 0; h < DECORUM_N_HEADS; h++) {
        fprintf(stderr, "  %s%s\n", head_names[h],
                rep.trained_mask >> h & 1u ? "" : " (NOT TRAINED: base rate)");
        print_metrics_row("fit", &rep.fit[h]);
        print_metrics_row("calib", &rep.holdout[h]);
        if (n_dev)
            print_metrics_row("dev", &rep.dev[h]);
    }
    if (n_dev > 1) {
        fprintf(stderr, "  dev by file (HATE head | TOXICITY head):\n");
        for (size_t i = 0; i < n_dev; i++) {
            const decorum_head_metrics *a = &rep.dev_group[i][DECORUM_HEAD_HATE],
                                       *b = &rep.dev_group[i][DECORUM_TOXICITY];
            fprintf(stderr,
                    "    %-32s hate F1 %.3f AUC %.3f | tox F1 %.3f AUC %.3f\n",
                    short_name(dev_files[i]), a->f1, a->auc, b->f1, b->auc);
        }
    }
    rc = 0;
done:
    decorum_trainer_free(t);
    decorum_engine_free(eng);
    return rc;
}
