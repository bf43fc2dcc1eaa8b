/*
 * test_model.c: the model file and the trainer. A tiny synthetic corpus in
 * which the made-up word "zork" marks hate and "blarg" marks toxicity is
 * trained, saved, loaded and scored; then files are damaged and must be
 * refused with the right status; allocation failures must be clean.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "counting_alloc.h"
#include "model.h"

static const char *const filler[] = {
    "the", "sky", "is", "blue", "today", "we", "went", "to", "market",
    "and", "bought", "some", "bread", "with", "friends", "after", "work",
    "rain", "later", "maybe"};
#define N_FILLER (sizeof filler / sizeof filler[0])

/* Row i of the corpus: 5-9 filler words, "zork" in about 30% of rows
 * (hate), "blarg" in about 20% (toxic). */
static size_t make_row(unsigned i, char *buf, size_t cap, int *hate,
                       int *tox)
{
    uint64_t s = 0x9E3779B97F4A7C15ull * (i + 1);
    size_t n = 0;
    unsigned words = 5 + (unsigned)(s >> 60) % 5;
    *hate = (s >> 20) % 10 < 3;
    *tox = *hate || (s >> 30) % 10 < 2;
    unsigned at = (unsigned)(s >> 40) % words;
    for (unsigned w = 0; w < words; w++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        const char *word = filler[(s >> 33) % N_FILLER];
        if (w == at && *hate)
            word = "zork";
        else if (w == at && *tox)
            word = "blarg";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", w ? " " : "", word);
    }
    return n;
}

static decorum_engine *rules_engine_lex(const decorum_allocator *a,
                                        const char *lexicon_dir)
{
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.flags = DECORUM_OPT_NO_MODEL;
    o.allocator = a;
    o.lexicon_dir = lexicon_dir;
    decorum_engine *e = NULL;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(&o, &e, &err), DECORUM_OK, "%s",
                 err.message);
    return e;
}

static decorum_engine *rules_engine(const decorum_allocator *a)
{
    return rules_engine_lex(a, NULL);
}

/* Trains on rows [0, n) with seed and flags (rows i % fit_every == 1
 * fit only, when fit_every is set); returns the status of the first
 * failing call. */
static unsigned fit_every; /* rows i % fit_every == 1 are ROLE_FIT */

static decorum_status train_flags(decorum_engine *e, uint64_t seed,
                                  unsigned n, const char *path,
                                  decorum_train_report *rep, uint32_t flags)
{
    decorum_train_options o;
    decorum_train_options_init(&o);
    o.seed = seed;
    o.flags = flags;
    o.bucket_bits = 12;
    o.epochs = 3;
    o.name = "tiny";
    o.data_names = "synthetic";
    o.vocab_min = 1000; /* so rare words keep their n-grams */
    decorum_trainer *t = NULL;
    decorum_status st = decorum_trainer_new(e, &o, &t, NULL);
    if (st != DECORUM_OK)
        return st;
    char buf[256], id[32];
    for (unsigned i = 0; i < n && st == DECORUM_OK; i++) {
        int hate, tox;
        decorum_example ex;
        memset(&ex, 0, sizeof ex);
        ex.len = make_row(i, buf, sizeof buf, &hate, &tox);
        ex.text = buf;
        ex.id_len = (size_t)snprintf(id, sizeof id, "row%u", i);
        ex.id = id;
        for (int h = 0; h < DECORUM_N_HEADS; h++)
            ex.labels[h] = DECORUM_LABEL_UNKNOWN;
        ex.labels[DECORUM_HEAD_HATE] = (int8_t)hate;
        ex.labels[DECORUM_IDENTITY_ATTACK] = (int8_t)hate;
        ex.labels[DECORUM_TOXICITY] = (int8_t)tox;
        ex.role = i % 7 == 0 ? DECORUM_ROLE_DEV
                  : fit_every && i % fit_every == 1 ? DECORUM_ROLE_FIT
                                                    : DECORUM_ROLE_TRAIN;
        st = decorum_trainer_add(t, &ex, NULL);
    }
    if (st == DECORUM_OK)
        st = decorum_trainer_run(t, rep, NULL);
    if (st == DECORUM_OK && path)
        st = decorum_trainer_save(t, path, NULL);
    decorum_trainer_free(t);
    return st;
}

static decorum_status train(decorum_engine *e, uint64_t seed, unsigned n,
                            const char *path, decorum_train_report *rep)
{
    return train_flags(e, seed, n, path, rep, 0);
}

static char *tmp_path(void)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "/tmp/decorum_test_model_%d_XXXXXX", getpid());
    int fd = mkstemp(buf);
    cr_assert_geq(fd, 0);
    close(fd);
    return buf;
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    cr_assert_eq(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *size = (size_t)n;
    return b;
}

static void spit(const char *path, const unsigned char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(b, 1, n, f), n);
    fclose(f);
}

static void score(const dc_model *m, const char *text, dc_model_out *out)
{
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_model_scratch *ms = NULL;
    cr_assert_eq(dc_model_scratch_new(&al, m, &ms), DECORUM_OK);
    dc_norm n;
    memset(&n, 0, sizeof n);
    n.text = (char *)text;
    n.len = strlen(text);
    float rf[DC_N_RULE_FEATURES] = {0};
    cr_assert_eq(dc_model_score(m, ms, &n, rf, out), DECORUM_OK);
    dc_model_scratch_free(&al, ms);
}

Test(model, fit_only_rows_are_learned_from_and_never_calibrated_on)
{
    decorum_engine *e = rules_engine(NULL);
    decorum_train_report all, some;
    cr_assert_eq(train(e, 7, 800, NULL, &all), DECORUM_OK);
    fit_every = 2; /* every odd row */
    decorum_status st = train(e, 7, 800, NULL, &some);
    fit_every = 0;
    cr_assert_eq(st, DECORUM_OK);
    /* The same rows are read; the odd ones leave the calibration set for
     * the fitted one, and the even ones keep their role. */
    cr_assert_eq(some.n_dev, all.n_dev);
    cr_assert_eq(some.n_fit + some.n_holdout, all.n_fit + all.n_holdout);
    cr_assert_gt(some.n_holdout, 0);
    cr_assert_lt(some.n_holdout, all.n_holdout * 3 / 4, "%zu of %zu",
                 some.n_holdout, all.n_holdout);
    cr_assert_gt(some.dev[DECORUM_HEAD_HATE].auc, 0.95);
    /* A role past DECORUM_ROLE_FIT is refused. */
    decorum_train_options o;
    decorum_train_options_init(&o);
    decorum_trainer *t = NULL;
    cr_assert_eq(decorum_trainer_new(e, &o, &t, NULL), DECORUM_OK);
    decorum_example ex;
    memset(&ex, 0, sizeof ex);
    ex.text = "a row";
    ex.len = 5;
    ex.role = DECORUM_ROLE_FIT + 1;
    cr_assert_eq(decorum_trainer_add(t, &ex, NULL), DECORUM_ERR_INVALID);
    decorum_trainer_free(t);
    decorum_engine_free(e);
}

Test(model, round_trip_learns_and_scores_the_same_loaded_either_way)
{
    decorum_engine *e = rules_engine(NULL);
    char *path = tmp_path();
    decorum_train_report rep;
    cr_assert_eq(train(e, 7, 800, path, &rep), DECORUM_OK);
    cr_assert_gt(rep.n_fit, 500);
    cr_assert_gt(rep.n_holdout, 30);
    cr_assert_eq(rep.n_dev, 115);
    cr_assert(rep.trained_mask & (1u << DECORUM_HEAD_HATE));
    cr_assert_not(rep.trained_mask & (1u << DECORUM_THREAT)); /* no labels */
    /* The marker word is learnt, on rows never trained on too. */
    cr_assert_gt(rep.dev[DECORUM_HEAD_HATE].auc, 0.95, "dev auc %f",
                 rep.dev[DECORUM_HEAD_HATE].auc);
    cr_assert_gt(rep.dev[DECORUM_HEAD_HATE].f1, 0.9);

    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_model *a = NULL, *b = NULL;
    decorum_error err;
    cr_assert_eq(dc_model_open(&al, path, &a, &err), DECORUM_OK, "%s",
                 err.message);
    size_t size;
    unsigned char *img = slurp(path, &size);
    cr_assert_eq(size, rep.model_bytes);
    cr_assert_eq(dc_model_from_memory(&al, img, size, "mem", &b, &err),
                 DECORUM_OK);
    const dc_model_hdr *h = dc_model_header(a);
    cr_assert_str_eq(h->name, "tiny");
    cr_assert_str_eq(h->data, "synthetic");
    cr_assert_eq(h->seed, 7);
    cr_assert_eq(h->fc.bucket_bits, 12);
    cr_assert_eq(h->n_rf, DC_N_RULE_FEATURES);
    cr_assert_eq(dc_model_head_trained(a, DC_HEAD_HATE), 1);
    cr_assert_eq(dc_model_head_trained(a, DECORUM_THREAT), 0);

    const char *hateful = "we went to the zork market";
    const char *clean = "we went to the market";
    dc_model_out oa, ob, oc;
    score(a, hateful, &oa);
    score(b, hateful, &ob);
    score(a, clean, &oc);
    for (int k = 0; k < DC_N_HEADS; k++)
        cr_assert_eq(oa.p[k], ob.p[k], "head %d", k);
    cr_assert_gt(oa.p[DC_HEAD_HATE], 0.8, "%f", oa.p[DC_HEAD_HATE]);
    cr_assert_lt(oc.p[DC_HEAD_HATE], 0.2, "%f", oc.p[DC_HEAD_HATE]);
    /* An untrained head reports a constant. */
    cr_assert_eq(oa.p[DECORUM_THREAT], oc.p[DECORUM_THREAT]);
    /* The explanation names the marker word. */
    cr_assert_geq(oa.n_ev, 1);
    cr_assert_eq(oa.ev[0].begin, 15);
    cr_assert_eq(oa.ev[0].end, 19);
    cr_assert_gt(oa.ev[0].weight, 0.25f);
    cr_assert_eq(oc.n_ev, 0); /* a clean comment is not explained */

    /* The engine loads the file and its verdict follows the model. */
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.model_path = path;
    decorum_engine *me = NULL;
    decorum_scratch *s = NULL;
    cr_assert_eq(decorum_engine_open(&o, &me, &err), DECORUM_OK, "%s",
                 err.message);
    char desc[256];
    decorum_engine_describe(me, desc, sizeof desc);
    cr_assert(strstr(desc, "tiny") != NULL, "%s", desc);
    /* the ICU and Unicode versions stage 1's tables were made with */
    cr_assert(strstr(desc, "normalization: ICU ") != NULL, "%s", desc);
    cr_assert(strstr(desc, ", Unicode ") != NULL, "%s", desc);
    cr_assert_eq(decorum_scratch_alloc(me, &s, &err), DECORUM_OK);
    const decorum_result *r = NULL;
    cr_assert_eq(decorum_analyze(me, s, hateful, strlen(hateful), NULL, &r,
                                 &err),
                 DECORUM_OK);
    decorum_scratch_free(s);
    decorum_engine_free(me);

    dc_model_free(&al, a);
    dc_model_free(&al, b);
    free(img);
    unlink(path);
    decorum_engine_free(e);
}

Test(model, same_seed_same_file_other_seed_other_file)
{
    decorum_engine *e = rules_engine(NULL);
    char p1[64], p2[64], p3[64];
    snprintf(p1, sizeof p1, "%s", tmp_path());
    snprintf(p2, sizeof p2, "%s", tmp_path());
    snprintf(p3, sizeof p3, "%s", tmp_path());
    cr_assert_eq(train(e, 3, 300, p1, NULL), DECORUM_OK);
    cr_assert_eq(train(e, 3, 300, p2, NULL), DECORUM_OK);
    cr_assert_eq(train(e, 4, 300, p3, NULL), DECORUM_OK);
    size_t n1, n2, n3;
    unsigned char *a = slurp(p1, &n1), *b = slurp(p2, &n2),
                  *c = slurp(p3, &n3);
    cr_assert_eq(n1, n2);
    cr_assert(memcmp(a, b, n1) == 0, "same seed gave different files");
    cr_assert_eq(n1, n3);
    cr_assert(memcmp(a, c, n1) != 0, "the seed changed nothing");
    free(a);
    free(b);
    free(c);
    unlink(p1);
    unlink(p2);
    unlink(p3);
    decorum_engine_free(e);
}

/* Writes a damaged copy of a good model and checks the status both from
 * dc_model_open and decorum_engine_open. */
static void expect_refused(const unsigned char *good, size_t size,
                           void (*damage)(unsigned char *, size_t *),
                           decorum_status want, const char *what)
{
    unsigned char *b = malloc(size + 64);
    memcpy(b, good, size);
    size_t n = size;
    damage(b, &n);
    char *path = tmp_path();
    spit(path, b, n);
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_model *m = (dc_model *)1;
    decorum_error err;
    memset(&err, 0, sizeof err);
    decorum_status st = dc_model_open(&al, path, &m, &err);
    cr_assert_eq(st, want, "%s: got %s (%s)", what, decorum_status_name(st),
                 err.message);
    cr_assert_null(m, "%s", what);
    cr_assert_neq(err.message[0], '\0', "%s: no message", what);
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.model_path = path;
    decorum_engine *e = NULL;
    cr_assert_eq(decorum_engine_open(&o, &e, &err), want, "%s", what);
    cr_assert_null(e);
    unlink(path);
    free(b);
}

static void flip_weight(unsigned char *b, size_t *n) { b[*n - 100] ^= 0x40; }
static void flip_header(unsigned char *b, size_t *n) { (void)n; b[110] ^= 1; }
static void truncate_half(unsigned char *b, size_t *n) { (void)b; *n /= 2; }
static void truncate_tiny(unsigned char *b, size_t *n) { (void)b; *n = 20; }
static void empty(unsigned char *b, size_t *n) { (void)b; *n = 0; }
static void append(unsigned char *b, size_t *n) { b[(*n)++] = 0; }
static void bad_magic(unsigned char *b, size_t *n) { (void)n; b[0] = 'X'; }
static void version_2(unsigned char *b, size_t *n) { (void)n; b[8] = 2; }

/* A consistent file (checksum fixed) whose header lies. */
static void bad_config(unsigned char *b, size_t *n)
{
    b[40] = 9; /* 9 heads */
    uint64_t c = dc_model_checksum(b + 32, *n - 32);
    for (int i = 0; i < 8; i++)
        b[24 + i] = (unsigned char)(c >> (8 * i));
}

Test(model, damaged_files_are_refused_with_the_right_status)
{
    decorum_engine *e = rules_engine(NULL);
    char *path = tmp_path();
    cr_assert_eq(train(e, 1, 200, path, NULL), DECORUM_OK);
    size_t size;
    unsigned char *good = slurp(path, &size);
    unlink(path);
    expect_refused(good, size, flip_weight, DECORUM_ERR_CHECKSUM, "weight");
    expect_refused(good, size, flip_header, DECORUM_ERR_CHECKSUM, "header");
    expect_refused(good, size, truncate_half, DECORUM_ERR_FORMAT, "half");
    expect_refused(good, size, truncate_tiny, DECORUM_ERR_FORMAT, "tiny");
    expect_refused(good, size, empty, DECORUM_ERR_FORMAT, "empty");
    expect_refused(good, size, append, DECORUM_ERR_FORMAT, "trailing");
    expect_refused(good, size, bad_magic, DECORUM_ERR_FORMAT, "magic");
    expect_refused(good, size, version_2, DECORUM_ERR_VERSION, "version");
    expect_refused(good, size, bad_config, DECORUM_ERR_FORMAT, "config");
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_model *m = NULL;
    cr_assert_eq(dc_model_open(&al, "/nonexistent/decorum.model", &m, NULL),
                 DECORUM_ERR_IO);
    cr_assert_eq(dc_model_open(&al, "/tmp", &m, NULL), DECORUM_ERR_IO);
    free(good);
    decorum_engine_free(e);
}

Test(model, load_survives_every_allocation_failure)
{
    decorum_engine *e = rules_engine(NULL);
    char *path = tmp_path();
    cr_assert_eq(train(e, 1, 200, path, NULL), DECORUM_OK);
    decorum_engine_free(e);
    for (size_t n = 0;; n++) {
        counting c;
        decorum_allocator a = counting_init(&c, n);
        dc_alloc al;
        dc_alloc_init(&al, &a);
        dc_model *m = NULL;
        dc_model_scratch *ms = NULL;
        decorum_status st = dc_model_open(&al, path, &m, NULL);
        if (st == DECORUM_OK)
            st = dc_model_scratch_new(&al, m, &ms);
        dc_model_scratch_free(&al, ms);
        dc_model_free(&al, m);
        cr_assert_eq(c.live, 0, "leak after failing call %zu", n);
        cr_assert_eq(c.bytes, 0, "size mismatch after failing call %zu", n);
        if (!c.failed) {
            cr_assert_eq(st, DECORUM_OK);
            break;
        }
        cr_assert_eq(st, DECORUM_ERR_NOMEM, "call %zu: %s", n,
                     decorum_status_name(st));
    }
    unlink(path);
}

Test(model, training_survives_every_allocation_failure)
{
    size_t n;
    for (n = 0;; n++) {
        counting c;
        decorum_allocator a = counting_init(&c, SIZE_MAX);
        decorum_engine *e = rules_engine(&a);
        c.fail_at = c.calls + n; /* fail inside the trainer only */
        decorum_status st = train(e, 1, 120, NULL, NULL);
        bool failed = c.failed;
        c.fail_at = SIZE_MAX;
        decorum_engine_free(e);
        cr_assert_eq(c.live, 0, "leak after failing call %zu", n);
        cr_assert_eq(c.bytes, 0, "size mismatch after failing call %zu", n);
        if (!failed) {
            cr_assert_eq(st, DECORUM_OK);
            break;
        }
        cr_assert_eq(st, DECORUM_ERR_NOMEM, "call %zu: %s", n,
                     decorum_status_name(st));
    }
    cr_assert_gt(n, 10); /* the loop did exercise the trainer */
}

/* When the marker word is a lexicon identity term, its own features (word
 * and n-grams) may not raise any head: naming the group cannot score as
 * hate through them, though the words around it still can. (Scored with
 * rule features at 0: the rules' own group-mention feature is held down
 * only with DECORUM_TRAIN_HOLD_TARGET.) */
static float hate_of(const char *model, const char *text)
{
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_model *m = NULL;
    cr_assert_eq(dc_model_open(&al, model, &m, NULL), DECORUM_OK);
    dc_model_out out;
    score(m, text, &out);
    dc_model_free(&al, m);
    return out.p[DC_HEAD_HATE];
}

Test(model, identity_terms_cannot_raise_scores)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/decorum_test_lex_%d", getpid());
    cr_assert_eq(mkdir(dir, 0700), 0);
    char file[128];
    snprintf(file, sizeof file, "%s/identity.tsv", dir);
    const char *tsv = "zork\tidentity\trace:black\t-\tnofuzzy\ta made-up "
                      "group for the model tests\n";
    spit(file, (const unsigned char *)tsv, strlen(tsv));
    decorum_engine *e = rules_engine_lex(NULL, dir);
    char kept[64], held[64];
    snprintf(kept, sizeof kept, "%s", tmp_path());
    snprintf(held, sizeof held, "%s", tmp_path());
    cr_assert_eq(train_flags(e, 5, 600, kept, NULL,
                             DECORUM_TRAIN_KEEP_IDENTITY),
                 DECORUM_OK);
    cr_assert_eq(train_flags(e, 5, 600, held, NULL, 0), DECORUM_OK);
    /* Allowed to, the model learns the name itself; held down, the name
     * alone scores no higher than an empty comment (the bias alone). */
    cr_assert_gt(hate_of(kept, "zork"), 0.8f);
    cr_assert_leq(hate_of(held, "zork"), hate_of(held, "") + 1e-6f,
                  "zork %f, empty %f", hate_of(held, "zork"),
                  hate_of(held, ""));
    cr_assert_gt(hate_of(kept, "zork"), hate_of(held, "zork") + 0.3f);
    decorum_engine_free(e);
    unlink(kept);
    unlink(held);
    unlink(file);
    rmdir(dir);
}

Test(model, trainer_refuses_bad_options_and_rows)
{
    decorum_engine *e = rules_engine(NULL);
    decorum_train_options o;
    decorum_train_options_init(&o);
    decorum_trainer *t = NULL;
    decorum_error err;
    o.bucket_bits = 30;
    cr_assert_eq(decorum_trainer_new(e, &o, &t, &err), DECORUM_ERR_INVALID);
    decorum_train_options_init(&o);
    o.flags = 0x80000000u;
    cr_assert_eq(decorum_trainer_new(e, &o, &t, &err), DECORUM_ERR_FLAGS);
    decorum_train_options_init(&o);
    o.ngrams = DECORUM_NGRAM_CHAR4 | DECORUM_NGRAM_OOV; /* OOV needs words */
    cr_assert_eq(decorum_trainer_new(e, &o, &t, &err), DECORUM_ERR_INVALID);
    o.struct_size = 3;
    cr_assert_eq(decorum_trainer_new(e, &o, &t, &err), DECORUM_ERR_INVALID);
    cr_assert_null(t);
    cr_assert_eq(decorum_trainer_new(NULL, NULL, &t, &err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_trainer_new(e, NULL, &t, &err), DECORUM_OK);
    decorum_example ex;
    memset(&ex, 0, sizeof ex);
    ex.text = "hello";
    ex.len = 5;
    ex.labels[0] = 7;
    cr_assert_eq(decorum_trainer_add(t, &ex, &err), DECORUM_ERR_INVALID);
    ex.labels[0] = 0;
    ex.group = DECORUM_TRAIN_MAX_GROUPS;
    cr_assert_eq(decorum_trainer_add(t, &ex, &err), DECORUM_ERR_INVALID);
    ex.group = 0;
    ex.text = "a\xff";
    ex.len = 2;
    cr_assert_eq(decorum_trainer_add(t, &ex, &err), DECORUM_OK); /* skipped */
    decorum_train_report rep;
    cr_assert_eq(decorum_trainer_save(t, "/tmp/never", &err),
                 DECORUM_ERR_INVALID); /* not run yet */
    cr_assert_eq(decorum_trainer_run(t, &rep, &err), DECORUM_OK);
    cr_assert_eq(rep.n_skipped, 1);
    cr_assert_eq(rep.trained_mask, 0); /* nothing to learn from */
    cr_assert_eq(decorum_trainer_run(t, &rep, &err), DECORUM_ERR_INVALID);
    decorum_trainer_free(t);
    decorum_trainer_free(NULL);
    decorum_engine_free(e);
}

/* The built-in model is loaded without hashing it (it is part of the
 * program); this is where its checksum is still checked, and where a copy
 * with one flipped weight byte is still refused as a file would be. */
Test(model, builtin_model_checksum_holds)
{
    /* data/model/decorum.model is in the tree, so the build embeds it. */
    cr_assert_eq(dc_builtin_model_count, 1);
    cr_assert_gt(dc_builtin_model[0].len, 0);
    const unsigned char *b = dc_builtin_model[0].data;
    size_t size = dc_builtin_model[0].len;
    cr_assert_gt(size, 64);
    cr_assert_eq(dc_model_checksum(b + 32, size - 32), dc_get_le(b + 24, 8),
                 "the embedded model's checksum does not match");
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    decorum_error err;
    dc_model *m = NULL;
    cr_assert_eq(dc_model_from_memory(&al, b, size, "copy", &m, &err),
                 DECORUM_OK, "%s", err.message);
    dc_model_free(&al, m);
    unsigned char *copy = malloc(size);
    cr_assert_not_null(copy);
    memcpy(copy, b, size);
    copy[size - 1] ^= 0x01;
    m = NULL;
    cr_assert_eq(dc_model_from_memory(&al, copy, size, "copy", &m, &err),
                 DECORUM_ERR_CHECKSUM);
    cr_assert_null(m);
    free(copy);
}

/* dc_model_logits() against the scalar formula, bit for bit: z[k] = bias +
 * scale * acc * inv, then rf[j] * rfw[j][k] added for each nonzero rule
 * feature in index order; for models with every rule feature and with
 * fewer (the nonzero ones past the model's count must be masked off), rule
 * features mostly 0 with a few set, -0.0 among them. */
Test(model, logits_match_the_scalar_formula)
{
    static const uint32_t n_rfs[] = {DC_N_RULE_FEATURES, 3, 4, 9, 0};
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    static int8_t w[(1u << DC_FEAT_MIN_BITS) * DC_MODEL_STRIDE];
    unsigned seed = 12345;
    for (size_t i = 0; i < sizeof n_rfs / sizeof n_rfs[0]; i++) {
        static dc_model_hdr h;
        memset(&h, 0, sizeof h);
        h.fc.bits = DC_FEAT_DEFAULT;
        h.fc.bucket_bits = DC_FEAT_MIN_BITS;
        h.n_rf = n_rfs[i];
        h.trained_mask = 0x7f;
        for (int k = 0; k < DC_MODEL_STRIDE; k++) {
            h.scale[k] = 0.01f * (float)(k + 1);
            h.bias[k] = -0.3f + 0.1f * (float)k;
            h.cal_a[k] = 1;
        }
        for (uint32_t j = 0; j < h.n_rf; j++)
            for (int k = 0; k < DC_MODEL_STRIDE; k++)
                h.rfw[j][k] =
                    (float)((int)((j * 7 + (unsigned)k * 3) % 11) - 5) / 3.0f;
        unsigned char *img;
        size_t size;
        decorum_error err;
        cr_assert_eq(dc_model_encode(&al, &h, w, &img, &size, &err),
                     DECORUM_OK);
        dc_model *m = NULL;
        cr_assert_eq(dc_model_from_memory(&al, img, size, "t", &m, &err),
                     DECORUM_OK, "%s", err.message);
        const dc_model_hdr *mh = dc_model_header(m);
        for (int round = 0; round < 200; round++) {
            float rf[DC_N_RULE_FEATURES] = {0};
            for (int q = 0; q < 4; q++) {
                seed = seed * 1103515245u + 12345u;
                rf[(seed >> 8) % DC_N_RULE_FEATURES] =
                    q == 3 ? -0.0f : (float)((seed >> 16) % 7) * 0.5f;
            }
            int32_t acc[DC_MODEL_STRIDE];
            for (int k = 0; k < DC_MODEL_STRIDE; k++)
                acc[k] = (int32_t)((seed >> k) % 2001) - 1000;
            size_t nfeat = 1 + (size_t)round;
            float z[DC_MODEL_STRIDE], ref[DC_MODEL_STRIDE];
            dc_model_logits(m, acc, nfeat, rf, z);
            const float inv = 1.0f / sqrtf((float)nfeat);
            for (int k = 0; k < DC_N_HEADS; k++) {
                ref[k] = mh->bias[k] + mh->scale[k] * (float)acc[k] * inv;
                for (uint32_t j = 0; j < mh->n_rf; j++)
                    if (rf[j] != 0.0f)
                        ref[k] += rf[j] * mh->rfw[j][k];
                cr_assert(memcmp(&z[k], &ref[k], sizeof z[k]) == 0,
                          "n_rf %u round %d head %d: %a, the formula %a",
                          mh->n_rf, round, k, (double)z[k], (double)ref[k]);
            }
        }
        dc_model_free(&al, m);
        dc_free(&al, img, size);
    }
}

/* dc_model_expf8() against the C library's expf(), bit for bit, for every
 * 61st float of |x| < 88 (the range it is for; the callers clamp to 40),
 * both signs. Every float of that range agreed when it was written (glibc
 * 2.36, AVX2 and FMA: 2,237,661,184 floats, about 5 s). Only with glibc:
 * another C library may round differently, and then the scores keep
 * glibc's bits where the CPU has AVX2 and FMA. */
Test(model, expf8_is_the_c_librarys_expf)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 27)
    for (uint32_t sign = 0; sign < 2; sign++)
        for (uint32_t u = 0; u + 8 * 61 <= 0x42B00000u; u += 8 * 61) {
            float x[8], y[8];
            for (uint32_t k = 0; k < 8; k++) {
                uint32_t v = (u + 61 * k) | sign << 31;
                memcpy(&x[k], &v, sizeof v);
                y[k] = x[k];
            }
            dc_model_expf8(y);
            for (int k = 0; k < 8; k++) {
                float r = expf(x[k]);
                cr_assert(memcmp(&r, &y[k], sizeof r) == 0,
                          "expf(%a): the C library %a, dc_model_expf8 %a",
                          (double)x[k], (double)r, (double)y[k]);
            }
        }
#endif
}

/* The scorer with the matcher's word runs (what the engine passes) and
 * without, bit for bit, on the built-in model: texts the normalizer and
 * the matcher see as the engine does, ASCII ones (which take the runs)
 * with apostrophes everywhere, digits, long and one-letter words, more
 * runs than the kept tokens, and non-ASCII ones (which do not). Each way
 * has its own scratch, so that neither reads word sums the other put in
 * the cache. Only the AVX2 path reads the runs: without it the ways are
 * one. */
Test(model, word_runs_change_no_score)
{
#if defined(__x86_64__)
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("bmi2") ||
        !__builtin_cpu_supports("popcnt"))
        cr_skip_test("no AVX2 path on this CPU: the runs are not read");
#else
    cr_skip_test("no AVX2 path on this machine: the runs are not read");
#endif
    static const char *const pieces[] = {
        "vermin", "they're", "don't", "'", "''", "rock'n'roll", "o'", "'s",
        "k1ll", "JEWS", "a", "i", "88", "1488", "!!", ", ", ". ", "\n",
        "supercalifragilisticexpialidociousness", "f*ck", "go back",
        "caf\xc3\xa9", "\xf0\x9f\x98\x80", "\xe2\x80\x99", "n1gg4"};
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    decorum_error err;
    memset(&err, 0, sizeof err);
    dc_normalizer *nz = NULL;
    dc_norm_scratch *ns = NULL;
    dc_lexicon lx;
    memset(&lx, 0, sizeof lx);
    dc_matcher *mt = NULL;
    dc_match_scratch *mts = NULL;
    dc_model *m = NULL;
    dc_model_scratch *ms = NULL, *ms_runs = NULL;
    cr_assert_eq(dc_normalizer_new(&al, &nz, &err), DECORUM_OK);
    cr_assert_eq(dc_norm_scratch_new(&al, nz, &ns), DECORUM_OK);
    cr_assert_eq(dc_lexicon_load(&al, &lx, NULL, &err), DECORUM_OK);
    cr_assert_eq(dc_matcher_new(&al, &lx, &mt, &err), DECORUM_OK);
    cr_assert_eq(dc_match_scratch_new(&al, mt, &mts), DECORUM_OK);
    cr_assert_eq(dc_model_open(&al, NULL, &m, &err), DECORUM_OK);
    cr_assert_not_null(m);
    cr_assert_eq(dc_model_scratch_new(&al, m, &ms), DECORUM_OK);
    cr_assert_eq(dc_model_scratch_new(&al, m, &ms_runs), DECORUM_OK);
    dc_norm n;
    memset(&n, 0, sizeof n);
    dc_hitvec hv;
    memset(&hv, 0, sizeof hv);
    static char text[4000];
    uint64_t x = 88172645463325252ull;
    size_t with_runs = 0, mapped_ascii = 0;
    for (int round = 0; round < 2000; round++) {
        size_t len = 0, want = 10 + round % 7 * (round % 5 == 0 ? 500 : 40);
        int ascii = round % 4 != 3;
        while (len < want) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            size_t np = sizeof pieces / sizeof pieces[0] - (ascii ? 4 : 0);
            const char *p = pieces[x % np];
            size_t l = strlen(p);
            if (len + l + 1 >= sizeof text)
                break;
            memcpy(text + len, p, l);
            len += l;
            if (x >> 40 & 1)
                text[len++] = ' ';
        }
        cr_assert_eq(dc_normalize(&al, nz, ns, text, len, 4 * sizeof text + 64,
                                  &n),
                     DECORUM_OK);
        cr_assert_eq(dc_match(&al, mt, mts, &n, &hv), DECORUM_OK);
        cr_assert(hv.has_runs);
        /* dc_hitvec.ascii: true only for a text with no byte >= 0x80, and
         * (the shipped lexicon has non-ASCII database literals, so the
         * matcher looks) for every such text whose input was not ASCII,
         * which the model then takes as ASCII too */
        bool high = false;
        for (size_t i = 0; i < n.len; i++)
            high |= (unsigned char)n.text[i] >= 0x80;
        cr_assert(!hv.ascii || !high, "round %d: ascii with a high byte",
                  round);
        /* an ASCII input keeps its flag on the padded path, where the
         * matcher does not look (fails at round 0 if dc_match's
         * n->ascii term is dropped) */
        cr_assert(hv.ascii || high || !n.ascii, "round %d", round);
        mapped_ascii += !n.ascii && !high;
        cr_assert(n.ascii || high || hv.ascii,
                  "round %d: a mapped ASCII text not known", round);
        float rf[DC_N_RULE_FEATURES] = {0};
        rf[round % DC_N_RULE_FEATURES] = (float)(round % 3);
        dc_model_out a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        cr_assert_eq(dc_model_score(m, ms, &n, rf, &a), DECORUM_OK);
        cr_assert_eq(dc_model_score_runs(m, ms_runs, &n, &hv, rf, NULL, 0, &b),
                     DECORUM_OK);
        cr_assert(memcmp(a.p, b.p, sizeof a.p) == 0, "round %d: scores", round);
        cr_assert_eq(a.n_ev, b.n_ev, "round %d: evidence", round);
        for (size_t k = 0; k < a.n_ev; k++)
            cr_assert(a.ev[k].begin == b.ev[k].begin &&
                          a.ev[k].end == b.ev[k].end &&
                          a.ev[k].head == b.ev[k].head &&
                          memcmp(&a.ev[k].weight, &b.ev[k].weight,
                                 sizeof a.ev[k].weight) == 0,
                      "round %d: evidence %zu", round, k);
        with_runs += ascii && hv.nruns <= 256;
    }
    /* (of the texts made: enough of them are ones the runs serve) */
    cr_assert_gt(with_runs, 1000);
    /* and some whose input was not ASCII but whose text is */
    cr_assert_gt(mapped_ascii, 20);
    dc_hitvec_release(&al, &hv);
    dc_norm_release(&al, &n);
    dc_model_scratch_free(&al, ms_runs);
    dc_model_scratch_free(&al, ms);
    dc_model_free(&al, m);
    dc_match_scratch_free(&al, mts);
    dc_matcher_free(&al, mt);
    dc_lexicon_free(&al, &lx);
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
}
