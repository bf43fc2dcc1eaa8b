/*
 * decorum.h: the public API of decorum, an engine that finds hateful and
 * abusive content in comments and explains each verdict with spans of the
 * original text.
 *
 * This header is the API reference. The model is Hyperscan's: an immutable
 * *engine* (lexicons, rules, model) is loaded once and shared by all threads;
 * each thread owns a *scratch* that holds working memory and the last result,
 * so analyzing a comment allocates nothing in steady state.
 *
 *     decorum_engine *eng = NULL;
 *     decorum_scratch *scr = NULL;
 *     const decorum_result *res = NULL;
 *     decorum_error err;
 *     if (decorum_engine_open(NULL, &eng, &err) != DECORUM_OK) ...
 *     if (decorum_scratch_alloc(eng, &scr, &err) != DECORUM_OK) ...
 *     if (decorum_analyze(eng, scr, text, len, NULL, &res, &err) == DECORUM_OK)
 *         printf("%s\n", decorum_verdict_name(res->verdict));
 *     decorum_scratch_free(scr);
 *     decorum_engine_free(eng);
 *
 * Conventions
 * - Every function that can fail returns a decorum_status; results come
 *   through out-pointers, which are left untouched on failure. An optional
 *   decorum_error (may be NULL) receives a message and, where it means
 *   something, a byte position.
 * - Text is (const char *text, size_t len): no NUL terminator is needed and
 *   the text is never modified. Text must be valid UTF-8.
 * - Span offsets are byte offsets into the caller's original text, even when
 *   normalization changed lengths.
 * - Freeing functions accept NULL.
 * - The library never prints, exits or aborts.
 */
#ifndef DECORUM_H
#define DECORUM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DECORUM_VERSION_MAJOR 0
#define DECORUM_VERSION_MINOR 1
#define DECORUM_VERSION_PATCH 0
#define DECORUM_VERSION "0.1.0"
/* Encoded as MAJOR*10000 + MINOR*100 + PATCH, for compile-time comparison. */
#define DECORUM_VERSION_NUMBER                                                 \
    (DECORUM_VERSION_MAJOR * 10000 + DECORUM_VERSION_MINOR * 100 +             \
     DECORUM_VERSION_PATCH)

/* The run-time library version, "MAJOR.MINOR.PATCH". Static storage. */
const char *decorum_version(void);

/* ---------------------------------------------------------------------- */
/* Status codes                                                            */
/* ---------------------------------------------------------------------- */

/* X(name, value, message). Append only: values are part of the ABI. */
#define DECORUM_STATUS_MAP(X)                                                  \
    X(OK, 0, "success")                                                        \
    X(ERR_INVALID, 1, "invalid argument")                                      \
    X(ERR_NOMEM, 2, "out of memory")                                           \
    X(ERR_TOOBIG, 3, "input exceeds the size limit")                           \
    X(ERR_UTF8, 4, "text is not valid UTF-8")                                  \
    X(ERR_IO, 5, "cannot read file")                                           \
    X(ERR_FORMAT, 6, "malformed data file")                                    \
    X(ERR_VERSION, 7, "data file of an unsupported version")                   \
    X(ERR_CHECKSUM, 8, "data file checksum mismatch")                          \
    X(ERR_MATCHER, 9, "pattern matcher failure")                               \
    /* ERR_UNICODE is no longer returned (no ICU at run time); kept so */      \
    /* that the codes after it keep their values */                            \
    X(ERR_UNICODE, 10, "Unicode library failure")                              \
    X(ERR_FLAGS, 11, "unknown option flag")                                    \
    X(ERR_EMPTY, 12, "empty input")

typedef enum decorum_status {
#define DECORUM_X_(name, value, msg) DECORUM_##name = value,
    DECORUM_STATUS_MAP(DECORUM_X_)
#undef DECORUM_X_
} decorum_status;

/* A one-line English message for a status. Never NULL; unknown values give
 * "unknown status". Static storage. */
const char *decorum_strerror(decorum_status status);

/* The status's symbolic name without prefix ("ERR_NOMEM"). Static storage. */
const char *decorum_status_name(decorum_status status);

/* Error detail. Filled by failing calls when a non-NULL pointer is passed. */
typedef struct decorum_error {
    decorum_status status;
    /* Byte offset the error refers to (input text, data file), or
     * (size_t)-1 when there is none. */
    size_t position;
    /* For data files: 1-based line number, or 0. */
    size_t line;
    char message[256]; /* NUL-terminated, may be truncated */
} decorum_error;

/* ---------------------------------------------------------------------- */
/* Allocator                                                               */
/* ---------------------------------------------------------------------- */

/* A custom allocator, set per engine. Every allocation the engine and its
 * scratches make goes through it, which is how tests inject failures.
 * malloc may return NULL; the library then fails with DECORUM_ERR_NOMEM and
 * leaves nothing allocated. free(ctx, NULL) must be a no-op. */
typedef struct decorum_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void (*free)(void *ctx, void *ptr, size_t size);
    void *ctx;
} decorum_allocator;

/* ---------------------------------------------------------------------- */
/* Attributes, verdicts, signals                                           */
/* ---------------------------------------------------------------------- */

/* The six Perspective production attributes, in this fixed order. */
typedef enum decorum_attribute {
    DECORUM_TOXICITY = 0,
    DECORUM_SEVERE_TOXICITY,
    DECORUM_IDENTITY_ATTACK,
    DECORUM_INSULT,
    DECORUM_PROFANITY,
    DECORUM_THREAT,
    DECORUM_N_ATTRIBUTES
} decorum_attribute;

/* "TOXICITY", ...; NULL for an out-of-range value. */
const char *decorum_attribute_name(decorum_attribute a);
/* Parses an attribute name (exact, upper case). Returns DECORUM_OK or
 * DECORUM_ERR_INVALID. */
decorum_status decorum_attribute_parse(const char *name, size_t len,
                                       decorum_attribute *out);

typedef enum decorum_verdict {
    DECORUM_ALLOW = 0,
    DECORUM_REVIEW,
    DECORUM_REJECT
} decorum_verdict;

/* "allow", "review", "reject"; NULL for an out-of-range value. */
const char *decorum_verdict_name(decorum_verdict v);

/* Signals: what a span is evidence of. X(enum suffix, name, attribute).
 * Append only. Mitigating signals (counter-speech, reclaimed use, negation,
 * quotation) explain why something that looks like an attack is not one;
 * their spans carry DECORUM_SPAN_MITIGATING. */
#define DECORUM_SIGNAL_MAP(X)                                                  \
    X(SLUR, "slur", IDENTITY_ATTACK)                                           \
    X(DEHUMANIZATION, "dehumanization", IDENTITY_ATTACK)                       \
    X(DEROGATION, "derogation", IDENTITY_ATTACK)                               \
    X(THREAT, "threat", THREAT)                                                \
    X(EXCLUSION, "exclusion", IDENTITY_ATTACK)                                 \
    X(STEREOTYPE, "stereotype", IDENTITY_ATTACK)                               \
    X(CODED_ECHO, "coded.echo", IDENTITY_ATTACK)                               \
    X(CODED_NUMERIC, "coded.numeric", IDENTITY_ATTACK)                         \
    X(CODED_DOGWHISTLE, "coded.dogwhistle", IDENTITY_ATTACK)                   \
    X(CONSPIRACY, "conspiracy", IDENTITY_ATTACK)                               \
    X(PROFANITY, "profanity", PROFANITY)                                       \
    X(INSULT, "insult", INSULT)                                                \
    X(COUNTER_SPEECH, "counter_speech", IDENTITY_ATTACK)                       \
    X(RECLAIMED, "reclaimed", IDENTITY_ATTACK)                                 \
    X(NEGATED, "negated", IDENTITY_ATTACK)                                     \
    X(QUOTED, "quoted", IDENTITY_ATTACK)                                       \
    X(MODEL, "model", TOXICITY)

typedef enum decorum_signal {
#define DECORUM_X_(e, name, attr) DECORUM_SIGNAL_##e,
    DECORUM_SIGNAL_MAP(DECORUM_X_)
#undef DECORUM_X_
    DECORUM_N_SIGNALS
} decorum_signal;

/* "coded.echo", ...; NULL for an out-of-range value. */
const char *decorum_signal_name(decorum_signal s);
/* Parses a signal name. Returns DECORUM_OK or DECORUM_ERR_INVALID. */
decorum_status decorum_signal_parse(const char *name, size_t len,
                                    decorum_signal *out);

/* Protected characteristics, as a bit set in results. */
#define DECORUM_CATEGORY_MAP(X)                                                \
    X(RACE, "race")                                                            \
    X(ETHNICITY, "ethnicity")                                                  \
    X(NATIONALITY, "nationality")                                              \
    X(IMMIGRATION, "immigration_status")                                       \
    X(RELIGION, "religion")                                                    \
    X(SEX, "sex")                                                              \
    X(GENDER_IDENTITY, "gender_identity")                                      \
    X(SEXUAL_ORIENTATION, "sexual_orientation")                                \
    X(DISABILITY, "disability")

typedef enum decorum_category {
#define DECORUM_X_(e, name) DECORUM_CATEGORY_##e,
    DECORUM_CATEGORY_MAP(DECORUM_X_)
#undef DECORUM_X_
    DECORUM_N_CATEGORIES
} decorum_category;

/* "race", "religion", ...; NULL for an out-of-range value. */
const char *decorum_category_name(decorum_category c);

/* ---------------------------------------------------------------------- */
/* Results                                                                 */
/* ---------------------------------------------------------------------- */

#define DECORUM_SPAN_MITIGATING 0x1u /* evidence against an attack */
#define DECORUM_SPAN_EVASION 0x2u    /* the text was spelled to evade filters */
#define DECORUM_SPAN_CONTEXT 0x4u    /* needed the parent or title to fire */

typedef struct decorum_span {
    size_t begin, end; /* byte offsets in the original text, begin < end */
    decorum_attribute attribute;
    decorum_signal signal;
    uint32_t flags;     /* DECORUM_SPAN_* */
    uint32_t category;  /* bit set of (1u << decorum_category) targeted */
    float score;        /* this span's own probability for its attribute */
    const char *reason; /* one line of English, NUL-terminated */
} decorum_span;

typedef struct decorum_result {
    float scores[DECORUM_N_ATTRIBUTES]; /* probabilities in [0, 1] */
    float hate_score;  /* probability of an attack on a protected group */
    int hateful;       /* 1 when hate_score >= the engine's hate threshold */
    decorum_verdict verdict;
    uint32_t categories; /* bit set of protected categories attacked */
    size_t n_spans;
    const decorum_span *spans; /* [n_spans], sorted by begin then end */
} decorum_result;

/* ---------------------------------------------------------------------- */
/* Engine                                                                  */
/* ---------------------------------------------------------------------- */

/* Options flags. */
#define DECORUM_OPT_NO_MODEL 0x1u /* rules and lexicons only */
#define DECORUM_OPT_ALL_FLAGS 0x1u

/* Default thresholds, see decorum_engine_options. */
#define DECORUM_DEFAULT_REVIEW 0.5f
#define DECORUM_DEFAULT_REJECT 0.85f
#define DECORUM_DEFAULT_HATE 0.5f
/* Default and largest input size, in bytes. */
#define DECORUM_DEFAULT_MAX_INPUT (64u * 1024u)
#define DECORUM_MAX_INPUT_LIMIT (1024u * 1024u)

/* Engine options. Initialise with decorum_engine_options_init(); a NULL
 * options pointer means the defaults. Fields left 0/NULL take defaults. */
typedef struct decorum_engine_options {
    uint32_t struct_size; /* sizeof(decorum_engine_options), set by init */
    uint32_t flags;       /* DECORUM_OPT_*; unknown bits: DECORUM_ERR_FLAGS */
    /* NULL: the C library's (then tables of 1 MiB or more, the model's
     * per-scratch word cache, are mapped with mmap, on a huge page where
     * the kernel allows, rather than taken from malloc) */
    const decorum_allocator *allocator;
    /* Directory of lexicon .tsv files (see docs/LEXICON.md); NULL: the
     * lexicons built into the library. */
    const char *lexicon_dir;
    /* Model file (see docs/MODEL.md); NULL: the built-in model. */
    const char *model_path;
    /* Verdict thresholds. reject when the combined score reaches
     * reject_threshold, review when it reaches review_threshold, else
     * allow. 0 takes the default. Must satisfy 0 < review <= reject <= 1. */
    float review_threshold;
    float reject_threshold;
    float hate_threshold; /* hateful when hate_score >= this */
    /* Longest accepted text in bytes; 0: DECORUM_DEFAULT_MAX_INPUT. At most
     * DECORUM_MAX_INPUT_LIMIT. */
    size_t max_input;
    void *reserved[4]; /* must be NULL */
} decorum_engine_options;

/* Fills *opt with defaults. */
void decorum_engine_options_init(decorum_engine_options *opt);

typedef struct decorum_engine decorum_engine;
typedef struct decorum_scratch decorum_scratch;

/* Loads an engine. opt may be NULL. On success *out owns the engine; free it
 * with decorum_engine_free() after every scratch made from it is freed.
 * The engine is immutable: any number of threads may use it at once, each
 * with its own scratch. */
decorum_status decorum_engine_open(const decorum_engine_options *opt,
                                   decorum_engine **out, decorum_error *err);

/* Frees an engine. NULL is a no-op. */
void decorum_engine_free(decorum_engine *eng);

/* Describes the loaded engine: lexicon entry count, model name and version.
 * Writes at most cap bytes including the NUL; returns the length the full
 * string needs (like snprintf). */
size_t decorum_engine_describe(const decorum_engine *eng, char *buf,
                               size_t cap);

/* Allocates a scratch for eng. A scratch is used by one thread at a time;
 * it holds the most recent result. Free with decorum_scratch_free() before
 * the engine. */
decorum_status decorum_scratch_alloc(const decorum_engine *eng,
                                     decorum_scratch **out, decorum_error *err);

/* Frees a scratch. NULL is a no-op. */
void decorum_scratch_free(decorum_scratch *scr);

/* Optional context of a comment: the comment it replies to and the title of
 * the article. Pointers may be NULL with length 0. Context helps resolve who
 * "they" are and whether "invaders" refers to migrants; spans are only ever
 * reported on the comment itself. */
typedef struct decorum_context {
    const char *parent;
    size_t parent_len;
    const char *title;
    size_t title_len;
    uint32_t flags; /* must be 0 */
} decorum_context;

/* Analyzes one comment.
 * text/len: the comment, valid UTF-8, len <= the engine's max_input.
 *   len == 0 is allowed and yields an allow verdict with no spans (text may
 *   then be NULL).
 * ctx: may be NULL.
 * out: receives a pointer to a result owned by scr, valid until the next
 *   call with scr or until scr is freed. Span reasons live as long.
 * Returns DECORUM_OK, DECORUM_ERR_INVALID (NULL engine, scratch, out, or
 * text with len > 0), DECORUM_ERR_TOOBIG, DECORUM_ERR_UTF8 (err->position is
 * the first bad byte), DECORUM_ERR_NOMEM, DECORUM_ERR_FLAGS.
 * Thread safety: eng may be shared; scr may not. */
decorum_status decorum_analyze(const decorum_engine *eng, decorum_scratch *scr,
                               const char *text, size_t len,
                               const decorum_context *ctx,
                               const decorum_result **out, decorum_error *err);

/* Several comments at once: decorum_analyze_batch. */
#define DECORUM_BATCH_MAX 16u

typedef struct decorum_item {
    const char *text; /* valid UTF-8, as for decorum_analyze */
    size_t len;
    const decorum_context *ctx; /* may be NULL */
} decorum_item;

/* Analyzes items[0..n), n <= DECORUM_BATCH_MAX, with one scratch. The
 * results are those n decorum_analyze calls would give, found faster: each
 * stage of the analysis runs over all n comments before the next, so its
 * code and tables stay in the CPU's caches (docs/BENCHMARKS.md).
 * out[i]: the result of items[i], owned by scr like decorum_analyze's, NULL
 *   when the item failed; st[i]: its status (as decorum_analyze returns);
 *   err: NULL, or [n] errors, err[i] filled when st[i] is not DECORUM_OK.
 * All results stay valid until the next call with scr.
 * Returns DECORUM_ERR_INVALID (NULL engine or scratch, NULL items, out or st
 * with n > 0, n > DECORUM_BATCH_MAX; err[0] then says why), else
 * DECORUM_OK: each item's own outcome is in st[]. */
decorum_status decorum_analyze_batch(const decorum_engine *eng,
                                     decorum_scratch *scr,
                                     const decorum_item *items, size_t n,
                                     const decorum_result **out,
                                     decorum_status *st, decorum_error *err);

/* Validates UTF-8. Returns DECORUM_OK or DECORUM_ERR_UTF8 with *bad_pos (may
 * be NULL) set to the offset of the first invalid byte. Rejects overlong
 * forms, surrogates and code points above U+10FFFF. */
decorum_status decorum_utf8_check(const char *text, size_t len,
                                  size_t *bad_pos);

/* ---------------------------------------------------------------------- */
/* Training (lib/train.c; docs/MODEL.md)                                   */
/* ---------------------------------------------------------------------- */

/* A model has one logistic head per attribute, in decorum_attribute
 * order, then one for hate (an attack on a protected group). */
#define DECORUM_HEAD_HATE DECORUM_N_ATTRIBUTES
#define DECORUM_N_HEADS (DECORUM_N_ATTRIBUTES + 1)

/* Per-head labels of a training example. */
#define DECORUM_LABEL_UNKNOWN (-1) /* the head does not learn from the row */
#define DECORUM_LABEL_NEG 0
#define DECORUM_LABEL_POS 1
/* A negative the source does not vouch for (a binary hate/not-hate
 * dataset's "none" may still be profane): trained with the options'
 * weak_weight, and skipped when the rule layer sees evidence for the head
 * (profanity, insult, threat, the rules' own toxicity or hate). */
#define DECORUM_LABEL_WEAK_NEG 2
/* Taken from the rule layer: positive when its evidence for the head
 * fires, else a weak negative. For heads no dataset labels (PROFANITY). */
#define DECORUM_LABEL_RULES 3

/* Example roles. */
#define DECORUM_ROLE_TRAIN 0 /* fit, or calibration when its id hashes in */
#define DECORUM_ROLE_DEV 1   /* evaluation only, never learned from */
#define DECORUM_ROLE_FIT 2   /* learned from, never calibration (rows unlike
                              * the data the scores are calibrated to) */

/* Largest number of example groups reported apart (dev files). */
#define DECORUM_TRAIN_MAX_GROUPS 32

typedef struct decorum_example {
    /* Identifier, hashed to choose the calibration rows (stable across
     * seeds and row order). NULL with id_len 0: the text is hashed. */
    const char *id;
    size_t id_len;
    const char *text; /* valid UTF-8, not NUL-terminated */
    size_t len;
    int8_t labels[DECORUM_N_HEADS]; /* DECORUM_LABEL_* per head */
    float weight;   /* row weight; 0 means 1 */
    uint32_t role;  /* DECORUM_ROLE_* */
    uint32_t group; /* < DECORUM_TRAIN_MAX_GROUPS: dev metrics per group */
} decorum_example;

/* n-gram sets (bits of decorum_train_options.ngrams). */
#define DECORUM_NGRAM_WORD 0x01u   /* word unigrams */
#define DECORUM_NGRAM_BIGRAM 0x02u /* word bigrams */
#define DECORUM_NGRAM_CHAR3 0x04u  /* character 3-grams inside words */
#define DECORUM_NGRAM_CHAR4 0x08u
#define DECORUM_NGRAM_CHAR5 0x10u
#define DECORUM_NGRAM_CHAR6 0x20u
/* Character n-grams only for words outside the vocabulary (words seen
 * fewer than vocab_min times in training): about 10% faster, a little less
 * accurate (docs/MODEL.md has the measurements). Needs DECORUM_NGRAM_WORD. */
#define DECORUM_NGRAM_OOV 0x40u
#define DECORUM_NGRAM_ALL 0x7fu

/* Training flags. By default the features of the lexicon's identity terms
 * ("muslim", "gay", "jews") are kept at weights <= 0 for every head, so a
 * group's name alone can never raise a score: the classic identity-term
 * bias. This flag turns that off (to measure it). */
#define DECORUM_TRAIN_KEEP_IDENTITY 0x1u
/* Also keep the rule layer's "a protected group is named" feature
 * (target.group) at weights <= 0. Fewer neutral mentions and counter-speech
 * held for review, at a cost in recall on implicit and adversarial hate
 * (docs/MODEL_CARD.md, Bias, has the figures). */
#define DECORUM_TRAIN_HOLD_TARGET 0x2u
#define DECORUM_TRAIN_ALL_FLAGS 0x3u

typedef struct decorum_train_options {
    uint32_t struct_size; /* sizeof(decorum_train_options), set by init */
    uint32_t flags;       /* DECORUM_TRAIN_*; unknown bits: ERR_FLAGS */
    uint64_t seed;        /* shuffling order; same seed, same model */
    uint32_t epochs;      /* passes over the data; 0: 4 */
    uint32_t bucket_bits; /* log2 of the hash buckets, 10..24; 0: 18 */
    uint32_t ngrams;      /* DECORUM_NGRAM_*; 0: WORD|BIGRAM|CHAR4 */
    uint32_t vocab_min;   /* see DECORUM_NGRAM_OOV; 0: 20 */
    uint32_t holdout_percent; /* rows set aside for calibration; 0: 10 */
    float learning_rate;  /* AdaGrad step; 0: 0.1 */
    float l2;             /* L2 penalty per update; 0: 1e-5 */
    float weak_weight;    /* weight of DECORUM_LABEL_WEAK_NEG rows; 0: 0.5 */
    const char *name;       /* recorded in the model (31 bytes); NULL: "decorum" */
    const char *data_names; /* recorded in the model (4095 bytes); may be NULL */
    /* Called now and then with a phase ("train", "calibrate", "evaluate")
     * and progress in it; may be NULL. */
    void (*progress)(void *ctx, const char *phase, size_t done, size_t total);
    void *progress_ctx;
    void *reserved[4]; /* must be NULL */
} decorum_train_options;

/* Fills *opt with defaults. */
void decorum_train_options_init(decorum_train_options *opt);

/* Quality of one head on one set of rows (the model's own calibrated
 * probability; decisions at p >= 0.5). Fields are 0 when rows == 0; auc is
 * -1 when the rows hold a single class. */
typedef struct decorum_head_metrics {
    size_t rows, positives;
    double accuracy, precision, recall, f1;
    double auc;     /* ROC area */
    double logloss; /* mean negative log-likelihood, nats */
    double brier;   /* mean squared error of p */
    double ece;     /* expected calibration error, 10 equal-width bins */
} decorum_head_metrics;

typedef struct decorum_train_report {
    size_t n_fit, n_holdout, n_dev, n_skipped; /* rows per role */
    uint32_t trained_mask; /* bit h: head h had enough rows of each class */
    size_t model_bytes;
    double seconds;        /* decorum_trainer_run() wall time */
    decorum_head_metrics fit[DECORUM_N_HEADS];     /* rows learned from */
    decorum_head_metrics holdout[DECORUM_N_HEADS]; /* calibration rows */
    decorum_head_metrics dev[DECORUM_N_HEADS];     /* all dev rows */
    decorum_head_metrics dev_group[DECORUM_TRAIN_MAX_GROUPS][DECORUM_N_HEADS];
} decorum_train_report;

typedef struct decorum_trainer decorum_trainer;

/* Starts a trainer. eng supplies the normalizer and the rule layer that
 * featurize each row (its model, if any, is not used) and must outlive the
 * trainer; the trainer allocates through eng's allocator. opt may be NULL.
 * Free *out with decorum_trainer_free(). Not thread-safe. */
decorum_status decorum_trainer_new(const decorum_engine *eng,
                                   const decorum_train_options *opt,
                                   decorum_trainer **out, decorum_error *err);

/* Featurizes and stores one example (the text is not kept). Rows whose
 * text is invalid UTF-8 or too long are skipped and counted, not errors.
 * Returns DECORUM_ERR_INVALID for a bad label, role or group,
 * DECORUM_ERR_NOMEM, DECORUM_ERR_TOOBIG past 2^31 features. */
decorum_status decorum_trainer_add(decorum_trainer *t,
                                   const decorum_example *ex,
                                   decorum_error *err);

/* Trains, quantizes and calibrates the model, then measures it on every
 * role; fills *report (may be NULL). Deterministic for a seed and a
 * sequence of examples. Call once. */
decorum_status decorum_trainer_run(decorum_trainer *t,
                                   decorum_train_report *report,
                                   decorum_error *err);

/* Writes the trained model to path (docs/MODEL.md), replacing it. */
decorum_status decorum_trainer_save(const decorum_trainer *t, const char *path,
                                    decorum_error *err);

/* Frees a trainer. NULL is a no-op. */
void decorum_trainer_free(decorum_trainer *t);

#ifdef __cplusplus
}
#endif

#endif /* DECORUM_H */
