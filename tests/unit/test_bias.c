/*
 * test_bias.c: the classic identity-term bias. Neutral and positive
 * sentences that name a protected group (tests/data/bias/neutral.txt) must
 * be allowed, and counter-speech that names a group and denounces hate
 * against it (counter.txt) must not be called hateful, by the full engine
 * with its built-in lexicons and model. The sentences are made by
 * tests/data/bias/make.sh and are never used for training.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decorum.h"

typedef struct tally {
    size_t rows, not_allowed, hateful;
    size_t model_hateful; /* hateful with the model, not by rules alone */
} tally;

static void open_engine(uint32_t flags, decorum_engine **e,
                        decorum_scratch **s)
{
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.flags = flags;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(&o, e, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(decorum_scratch_alloc(*e, s, &err), DECORUM_OK);
}

static tally run_file(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/data/bias/%s", DECORUM_SOURCE_DIR,
             name);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    decorum_engine *e = NULL, *re = NULL;
    decorum_scratch *s = NULL, *rs = NULL;
    decorum_error err;
    open_engine(0, &e, &s);
    open_engine(DECORUM_OPT_NO_MODEL, &re, &rs);
    tally t = {0, 0, 0, 0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        const decorum_result *r = NULL;
        cr_assert_eq(decorum_analyze(e, s, line, (size_t)n, NULL, &r, &err),
                     DECORUM_OK, "%s: %s", line, err.message);
        t.rows++;
        if (r->verdict != DECORUM_ALLOW) {
            t.not_allowed++;
            cr_log_info("%s: %s: %s (tox %.2f hate %.2f)", name,
                        decorum_verdict_name(r->verdict), line,
                        r->scores[DECORUM_TOXICITY], r->hate_score);
        }
        t.hateful += r->hateful != 0;
        int hateful = r->hateful != 0;
        cr_assert_eq(decorum_analyze(re, rs, line, (size_t)n, NULL, &r, &err),
                     DECORUM_OK);
        if (hateful && !r->hateful) {
            t.model_hateful++;
            cr_log_info("%s: the model made this hateful: %s", name, line);
        }
    }
    free(line);
    fclose(f);
    decorum_scratch_free(s);
    decorum_engine_free(e);
    decorum_scratch_free(rs);
    decorum_engine_free(re);
    return t;
}

Test(bias, neutral_mentions_of_groups_are_allowed)
{
    tally t = run_file("neutral.txt");
    cr_assert_geq(t.rows, 300, "the neutral set is too small: %zu", t.rows);
    /* Fewer than 2% may be held for review or rejected, and the model may
     * not be the cause of more than 1%. */
    cr_assert_lt(t.not_allowed * 50, t.rows, "%zu of %zu not allowed",
                 t.not_allowed, t.rows);
    cr_assert_lt(t.hateful * 100, t.rows, "%zu of %zu hateful", t.hateful,
                 t.rows);
    cr_assert_lt(t.model_hateful * 100, t.rows, "the model made %zu hateful",
                 t.model_hateful);
}

/* Counter-speech that names a group and denounces hate against it is never
 * hateful, by the full engine; and the model is not the one to make it so
 * (its share is counted apart, so a failure says which layer to fix). */
Test(bias, counter_speech_is_not_hateful)
{
    tally t = run_file("counter.txt");
    cr_assert_geq(t.rows, 100);
    cr_assert_eq(t.hateful, 0, "%zu of %zu counter-speech rows hateful",
                 t.hateful, t.rows);
    cr_assert_lt(t.model_hateful * 50, t.rows,
                 "the model made %zu of %zu counter-speech rows hateful",
                 t.model_hateful, t.rows);
}
