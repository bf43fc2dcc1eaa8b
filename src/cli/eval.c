/*
 * eval.c: `decorum eval`, measures the whole engine (decorum_analyze, the
 * public pipeline) against labeled JSONL in the shared data schema.
 *
 * Heads and their truth:
 *   hate      label == hate;                  score hate_score, decision hateful
 *   identity  label == hate;                  IDENTITY_ATTACK >= review threshold
 *   toxicity  label in hate/offensive/toxic;  TOXICITY >= review threshold
 *   verdict   label in hate/offensive/toxic;  verdict != allow
 *             (score: the larger of TOXICITY and hate_score)
 * For each: accuracy, precision, recall, F1, macro-F1 (mean of the F1 of
 * the positive and of the negative class) and ROC-AUC. Also a confusion
 * matrix label x verdict and, with --by FIELD, the same per value of a
 * field (target: one group per target, "(none)" when empty).
 */
#include "cli.h"
#include "decorum.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { H_HATE, H_IDENT, H_TOX, H_VERDICT, N_EH };
static const char *const eh_names[N_EH] = {"hate", "identity_attack",
                                           "toxicity", "verdict"};
enum { L_HATE, L_OFF, L_TOX, L_NONE, N_LABELS };
static const char *const label_names[N_LABELS] = {"hate", "offensive",
                                                  "toxic", "none"};

typedef struct sample {
    float s;
    uint8_t y;
} sample;

typedef struct tally {
    double tp, fp, fn, tn;
} tally;

/* One group of rows (everything, or one value of --by). */
typedef struct group {
    char *name;
    size_t rows;
    tally t[N_EH];
    size_t confusion[N_LABELS][3];
    sample *s[N_EH]; /* for AUC */
    size_t ns, cap;
} group;

typedef struct groups {
    group *v;
    size_t n, cap;
} groups;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: decorum eval --data FILE[,FILE...] [options]\n\n"
            "Runs the engine over labeled JSONL and reports accuracy, "
            "precision, recall,\nF1, macro-F1 and ROC-AUC per head, and a "
            "confusion matrix label x verdict.\n"
            "  --by FIELD     breakdown by target, type, source or label\n"
            "  --json         machine-readable output\n"
            "  --no-model     rules and lexicons only\n"
            "  --lexicon DIR  lexicon directory (default: built in)\n"
            "  --model FILE   model file (default: built in)\n");
}

static void die_nomem(void)
{
    fprintf(stderr, "decorum eval: out of memory\n");
    exit(1);
}

static group *group_get(groups *g, const char *name)
{
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->v[i].name, name) == 0)
            return &g->v[i];
    if (g->n == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 16;
        group *v = realloc(g->v, nc * sizeof *v);
        if (!v)
            die_nomem();
        g->v = v;
        g->cap = nc;
    }
    group *x = &g->v[g->n++];
    memset(x, 0, sizeof *x);
    x->name = strdup(name);
    if (!x->name)
        die_nomem();
    return x;
}

static void group_add(group *g, int label, const float sc[N_EH],
                      const int pred[N_EH], int verdict)
{
    int truth[N_EH];
    truth[H_HATE] = truth[H_IDENT] = label == L_HATE;
    truth[H_TOX] = truth[H_VERDICT] = label != L_NONE;
    if (g->ns == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 256;
        for (int h = 0; h < N_EH; h++) {
            sample *v = realloc(g->s[h], nc * sizeof *v);
            if (!v)
                die_nomem();
            g->s[h] = v;
        }
        g->cap = nc;
    }
    for (int h = 0; h < N_EH; h++) {
        tally *t = &g->t[h];
        t->tp += pred[h] && truth[h];
        t->fp += pred[h] && !truth[h];
        t->fn += !pred[h] && truth[h];
        t->tn += !pred[h] && !truth[h];
        g->s[h][g->ns] = (sample){sc[h], (uint8_t)truth[h]};
    }
    g->ns++;
    g->rows++;
    g->confusion[label][verdict]++;
}

static int cmp_sample(const void *a, const void *b)
{
    float x = ((const sample *)a)->s, y = ((const sample *)b)->s;
    return (x > y) - (x < y);
}

/* ROC area by rank sums (ties share their mean rank); -1 for one class. */
static double auc(sample *v, size_t n)
{
    double npos = 0;
    for (size_t i = 0; i < n; i++)
        npos += v[i].y;
    double nneg = (double)n - npos;
    if (npos == 0 || nneg == 0)
        return -1;
    qsort(v, n, sizeof *v, cmp_sample);
    double rs = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].s == v[i].s)
            j++;
        double r = (double)(i + j + 1) / 2;
        for (size_t k = i; k < j; k++)
            if (v[k].y)
                rs += r;
        i = j;
    }
    return (rs - npos * (npos + 1) / 2) / (npos * nneg);
}

typedef struct hm {
    double acc, p, r, f1, macro_f1, auc;
    double pos;
} hm;

static double f1_of(double tp, double fp, double fn)
{
    return tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
}

static hm head_metrics(group *g, int h)
{
    const tally *t = &g->t[h];
    hm m;
    double n = t->tp + t->fp + t->fn + t->tn;
    m.pos = t->tp + t->fn;
    m.acc = n > 0 ? (t->tp + t->tn) / n : 0;
    m.p = t->tp + t->fp > 0 ? t->tp / (t->tp + t->fp) : 0;
    m.r = t->tp + t->fn > 0 ? t->tp / (t->tp + t->fn) : 0;
    m.f1 = f1_of(t->tp, t->fp, t->fn);
    m.macro_f1 = (m.f1 + f1_of(t->tn, t->fn, t->fp)) / 2;
    m.auc = auc(g->s[h], g->ns);
    return m;
}

static json_t *group_json(group *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "rows", json_integer((json_int_t)g->rows));
    json_t *heads = json_object();
    for (int h = 0; h < N_EH; h++) {
        hm m = head_metrics(g, h);
        json_t *x = json_object();
        json_object_set_new(x, "positives", json_integer((json_int_t)m.pos));
        json_object_set_new(x, "accuracy", json_real(m.acc));
        json_object_set_new(x, "precision", json_real(m.p));
        json_object_set_new(x, "recall", json_real(m.r));
        json_object_set_new(x, "f1", json_real(m.f1));
        json_object_set_new(x, "macro_f1", json_real(m.macro_f1));
        json_object_set_new(x, "auc", m.auc < 0 ? json_null() : json_real(m.auc));
        json_object_set_new(heads, eh_names[h], x);
    }
    json_object_set_new(o, "heads", heads);
    json_t *cm = json_object();
    for (int l = 0; l < N_LABELS; l++) {
        json_t *row = json_object();
        for (int v = 0; v < 3; v++)
            json_object_set_new(row, decorum_verdict_name((decorum_verdict)v),
                                json_integer((json_int_t)g->confusion[l][v]));
        json_object_set_new(cm, label_names[l], row);
    }
    json_object_set_new(o, "confusion", cm);
    return o;
}

static void print_group(group *g, int brief)
{
    if (brief) {
        hm a = head_metrics(g, H_HATE), b = head_metrics(g, H_TOX),
           c = head_metrics(g, H_VERDICT);
        printf("  %-28.28s %6zu  %5.0f %.3f %.3f %.3f  %5.0f %.3f %.3f  %.3f "
               "%.3f\n",
               g->name, g->rows, a.pos, a.p, a.r, a.f1, b.pos, b.f1, b.macro_f1,
               c.f1, c.acc);
        return;
    }
    printf("rows: %zu\n", g->rows);
    printf("%-16s %6s %6s %6s %6s %6s %8s %6s\n", "head", "pos", "acc", "prec",
           "recall", "F1", "macroF1", "AUC");
    for (int h = 0; h < N_EH; h++) {
        hm m = head_metrics(g, h);
        printf("%-16s %6.0f %6.3f %6.3f %6.3f %6.3f %8.3f ", eh_names[h], m.pos,
               m.acc, m.p, m.r, m.f1, m.macro_f1);
        if (m.auc < 0)
            printf("%6s\n", "-");
        else
            printf("%6.3f\n", m.auc);
    }
    printf("\nconfusion (label x verdict):\n%-10s %8s %8s %8s\n", "", "allow",
           "review", "reject");
    for (int l = 0; l < N_LABELS; l++)
        printf("%-10s %8zu %8zu %8zu\n", label_names[l], g->confusion[l][0],
               g->confusion[l][1], g->confusion[l][2]);
}

static void group_free(group *g)
{
    free(g->name);
    for (int h = 0; h < N_EH; h++)
        free(g->s[h]);
}

/* Values of the --by field of one row: its group names. */
static size_t by_values(json_t *o, const char *by, const char **out,
                        size_t max)
{
    json_t *v = json_object_get(o, by);
    if (json_is_string(v)) {
        out[0] = json_string_value(v);
        return 1;
    }
    if (json_is_array(v)) {
        size_t n = 0, i;
        json_t *x;
        json_array_foreach(v, i, x) if (json_is_string(x) && n < max) out[n++] =
            json_string_value(x);
        if (n)
            return n;
    }
    out[0] = "(none)";
    return 1;
}

int cmd_eval(int argc, char **argv)
{
    char *data = NULL;
    const char *by = NULL, *lexicon = NULL, *model = NULL;
    int as_json = 0, no_model = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--json") == 0) {
            as_json = 1;
        } else if (strcmp(a, "--no-model") == 0) {
            no_model = 1;
        } else if (!v) {
            fprintf(stderr, "decorum eval: %s needs a value\n", a);
            return 2;
        } else if (strcmp(a, "--data") == 0) {
            data = argv[++i];
        } else if (strcmp(a, "--by") == 0) {
            by = argv[++i];
        } else if (strcmp(a, "--lexicon") == 0) {
            lexicon = argv[++i];
        } else if (strcmp(a, "--model") == 0) {
            model = argv[++i];
        } else {
            fprintf(stderr, "decorum eval: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (!data) {
        usage(stderr);
        return 2;
    }
    if (no_model && model) {
        fprintf(stderr, "decorum eval: --model and --no-model conflict\n");
        return 2;
    }
    decorum_engine_options eo;
    decorum_engine_options_init(&eo);
    eo.flags = no_model ? DECORUM_OPT_NO_MODEL : 0;
    eo.lexicon_dir = lexicon;
    eo.model_path = model;
    decorum_engine *eng = NULL;
    decorum_scratch *scr = NULL;
    decorum_error err;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (decorum_engine_open(&eo, &eng, &err) != DECORUM_OK ||
        decorum_scratch_alloc(eng, &scr, &err) != DECORUM_OK) {
        fprintf(stderr, "decorum eval: %s\n", err.message);
        decorum_engine_free(eng);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double load_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                     (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    float review = DECORUM_DEFAULT_REVIEW;
    groups all = {0}, per = {0};
    group *total = group_get(&all, "all");
    size_t bad = 0, failed = 0;
    double analyze_s = 0;
    int rc = 0;
    for (char *p = data; p && *p;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        FILE *f = fopen(p, "r");
        if (!f) {
            fprintf(stderr, "decorum eval: %s: %s\n", p, strerror(errno));
            rc = 1;
            goto done;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
            json_error_t je;
            json_t *o = json_loadb(line, (size_t)n, 0, &je);
            json_t *text = json_object_get(o, "text");
            json_t *lab = json_object_get(o, "label");
            int label = -1;
            for (int l = 0; json_is_string(lab) && l < N_LABELS; l++)
                if (strcmp(json_string_value(lab), label_names[l]) == 0)
                    label = l;
            if (!json_is_string(text) || label < 0) {
                bad++;
                json_decref(o);
                continue;
            }
            const decorum_result *r = NULL;
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            decorum_status st =
                decorum_analyze(eng, scr, json_string_value(text),
                                json_string_length(text), NULL, &r, &err);
            clock_gettime(CLOCK_MONOTONIC, &b);
            analyze_s += (double)(b.tv_sec - a.tv_sec) +
                         (double)(b.tv_nsec - a.tv_nsec) / 1e9;
            if (st != DECORUM_OK) {
                failed++;
                json_decref(o);
                continue;
            }
            float sc[N_EH];
            int pred[N_EH];
            sc[H_HATE] = r->hate_score;
            pred[H_HATE] = r->hateful;
            sc[H_IDENT] = r->scores[DECORUM_IDENTITY_ATTACK];
            pred[H_IDENT] = sc[H_IDENT] >= review;
            sc[H_TOX] = r->scores[DECORUM_TOXICITY];
            pred[H_TOX] = sc[H_TOX] >= review;
            sc[H_VERDICT] = sc[H_TOX] > sc[H_HATE] ? sc[H_TOX] : sc[H_HATE];
            pred[H_VERDICT] = r->verdict != DECORUM_ALLOW;
            group_add(total, label, sc, pred, (int)r->verdict);
            if (by) {
                const char *vals[16];
                size_t nv = by_values(o, by, vals, 16);
                for (size_t k = 0; k < nv; k++)
                    group_add(group_get(&per, vals[k]), label, sc, pred,
                              (int)r->verdict);
            }
            json_decref(o);
        }
        free(line);
        fclose(f);
        p = comma ? comma + 1 : NULL;
    }
    char desc[512];
    decorum_engine_describe(eng, desc, sizeof desc);
    if (as_json) {
        json_t *o = json_object();
        json_object_set_new(o, "engine", json_string(desc));
        json_object_set_new(o, "model", json_boolean(!no_model));
        json_object_set_new(o, "load_ms", json_real(load_ms));
        json_object_set_new(o, "analyze_us_per_row",
                            json_real(total->rows ? analyze_s * 1e6 /
                                                        (double)total->rows
                                                  : 0));
        json_object_set_new(o, "unreadable", json_integer((json_int_t)bad));
        json_object_set_new(o, "failed", json_integer((json_int_t)failed));
        json_object_set_new(o, "all", group_json(total));
        if (by) {
            json_t *g = json_object();
            for (size_t i = 0; i < per.n; i++)
                json_object_set_new(g, per.v[i].name, group_json(&per.v[i]));
            json_t *b = json_object();
            json_object_set_new(b, by, g);
            json_object_set_new(o, "by", b);
        }
        char *s = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(4));
        if (s)
            printf("%s\n", s);
        free(s);
        json_decref(o);
    } else {
        printf("engine: %s\nload: %.1f ms; analyze: %.2f us/row; %zu "
               "unreadable, %zu failed\n",
               desc, load_ms,
               total->rows ? analyze_s * 1e6 / (double)total->rows : 0.0, bad,
               failed);
        print_group(total, 0);
        if (by) {
            printf("\nby %s:\n  %-28s %6s  %5s %5s %5s %5s  %5s %5s %5s  %5s "
                   "%5s\n",
                   by, "value", "rows", "hate", "P", "R", "F1", "tox", "F1",
                   "mF1", "vF1", "vAcc");
            for (size_t i = 0; i < per.n; i++)
                print_group(&per.v[i], 1);
        }
    }
done:
    for (size_t i = 0; i < all.n; i++)
        group_free(&all.v[i]);
    for (size_t i = 0; i < per.n; i++)
        group_free(&per.v[i]);
    free(all.v);
    free(per.v);
    decorum_scratch_free(scr);
    decorum_engine_free(eng);
    return rc;
}
