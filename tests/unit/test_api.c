/* test_api.c: the public API's names, statuses and misuse handling, and
 * decorum_analyze_batch against decorum_analyze. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "decorum.h"

Test(api, strerror_covers_every_status)
{
    cr_assert_str_eq(decorum_strerror(DECORUM_OK), "success");
    cr_assert_str_eq(decorum_strerror(DECORUM_ERR_TOOBIG),
                     "input exceeds the size limit");
    cr_assert_str_eq(decorum_strerror((decorum_status)999), "unknown status");
    cr_assert_str_eq(decorum_status_name(DECORUM_ERR_NOMEM), "ERR_NOMEM");
}

Test(api, names_round_trip)
{
    for (int a = 0; a < DECORUM_N_ATTRIBUTES; a++) {
        const char *n = decorum_attribute_name((decorum_attribute)a);
        decorum_attribute back;
        cr_assert_eq(decorum_attribute_parse(n, strlen(n), &back), DECORUM_OK);
        cr_assert_eq((int)back, a);
    }
    for (int s = 0; s < DECORUM_N_SIGNALS; s++) {
        const char *n = decorum_signal_name((decorum_signal)s);
        decorum_signal back;
        cr_assert_eq(decorum_signal_parse(n, strlen(n), &back), DECORUM_OK);
        cr_assert_eq((int)back, s);
    }
    cr_assert_str_eq(decorum_signal_name(DECORUM_SIGNAL_CODED_ECHO), "coded.echo");
    cr_assert_null(decorum_signal_name(DECORUM_N_SIGNALS));
    cr_assert_str_eq(decorum_verdict_name(DECORUM_REVIEW), "review");
    cr_assert_str_eq(decorum_version(), DECORUM_VERSION);
}

Test(api, misuse_is_refused)
{
    decorum_error err;
    cr_assert_eq(decorum_engine_open(NULL, NULL, &err), DECORUM_ERR_INVALID);
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.flags = 0x80000000u;
    decorum_engine *e = NULL;
    cr_assert_eq(decorum_engine_open(&o, &e, &err), DECORUM_ERR_FLAGS);
    cr_assert_null(e);
    decorum_engine_options_init(&o);
    o.review_threshold = 0.9f;
    o.reject_threshold = 0.5f;
    cr_assert_eq(decorum_engine_open(&o, &e, &err), DECORUM_ERR_INVALID);
    decorum_engine_free(NULL);
    decorum_scratch_free(NULL);
}

/* The engine with its defaults and a scratch for it. */
static void open_default(decorum_engine **e, decorum_scratch **s)
{
    decorum_error err;
    cr_assert_eq(decorum_engine_open(NULL, e, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(decorum_scratch_alloc(*e, s, &err), DECORUM_OK);
}

Test(api, analyze_checks_arguments)
{
    decorum_engine *e = NULL;
    decorum_scratch *s = NULL;
    decorum_error err;
    open_default(&e, &s);
    const decorum_result *r = NULL;
    cr_assert_eq(decorum_analyze(e, s, NULL, 3, NULL, &r, &err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze(e, s, "hi", 2, NULL, NULL, &err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze(e, s, NULL, 0, NULL, &r, &err), DECORUM_OK);
    cr_assert_eq(r->verdict, DECORUM_ALLOW);
    cr_assert_eq(r->n_spans, 0);
    cr_assert_eq(decorum_analyze(e, s, "a\xff", 2, NULL, &r, &err),
                 DECORUM_ERR_UTF8);
    cr_assert_eq(err.position, 1);
    char *big = calloc(DECORUM_DEFAULT_MAX_INPUT + 1, 1);
    memset(big, 'a', DECORUM_DEFAULT_MAX_INPUT + 1);
    cr_assert_eq(decorum_analyze(e, s, big, DECORUM_DEFAULT_MAX_INPUT + 1, NULL,
                                 &r, &err),
                 DECORUM_ERR_TOOBIG);
    free(big);
    decorum_context ctx = {0};
    ctx.flags = 4;
    cr_assert_eq(decorum_analyze(e, s, "hi", 2, &ctx, &r, &err),
                 DECORUM_ERR_FLAGS);
    decorum_scratch_free(s);
    decorum_engine_free(e);
}

/* One result as text, every field (floats exactly, as %a), so two results
 * can be compared after their scratch has moved on. */
static size_t describe(const decorum_result *r, char *buf, size_t cap)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, cap - n, "%a %d %d %u %zu", r->hate_score,
                          r->hateful, (int)r->verdict, r->categories,
                          r->n_spans);
    for (int a = 0; a < DECORUM_N_ATTRIBUTES && n < cap; a++)
        n += (size_t)snprintf(buf + n, cap - n, " %a", r->scores[a]);
    for (size_t i = 0; i < r->n_spans && n < cap; i++) {
        const decorum_span *sp = &r->spans[i];
        n += (size_t)snprintf(buf + n, cap - n, " [%zu %zu %d %d %u %u %a %s]",
                              sp->begin, sp->end, (int)sp->attribute,
                              (int)sp->signal, sp->flags, sp->category,
                              sp->score, sp->reason);
    }
    cr_assert_lt(n, cap, "describe(): buffer too small");
    return n;
}

Test(api, batch_gives_what_analyze_gives)
{
    decorum_engine *e = NULL;
    decorum_scratch *one = NULL, *many = NULL;
    decorum_error err;
    open_default(&e, &one);
    cr_assert_eq(decorum_scratch_alloc(e, &many, &err), DECORUM_OK);
    static char big[DECORUM_DEFAULT_MAX_INPUT + 1];
    memset(big, 'a', sizeof big);
    const decorum_context parent = {
        "The migrants crossed the border last night.", 43, NULL, 0, 0};
    const decorum_context title = {NULL, 0, "Mexico won't take back invaders",
                                   31, 0};
    const decorum_context bad_ctx = {"ok", 2, NULL, 0, 8};
    const decorum_context bad_parent = {"x\xc3", 2, NULL, 0, 0};
    const decorum_context hateful_parent = {
        "Jews are parasites who suck nations dry.", 40, NULL, 0, 0};
    /* Hate, harsh opinion, context, every kind of refusal, an empty text,
     * a long one: a failed item must not disturb its neighbours. */
    const decorum_item items[] = {
        {"(((those responsible))) again", 29, NULL},
        {"I disagree with the new immigration policy.", 43, NULL},
        {"They are invaders and must be stopped.", 38, &parent},
        {"Send them all back.", 19, &title},
        {"a\xff", 2, NULL},
        {"", 0, NULL},
        {big, sizeof big, NULL},
        {"hello", 5, &bad_ctx},
        {"hello", 5, &bad_parent},
        {"George Soros & his ilk are funding invaders.", 44, NULL},
        {"The f*cking printer jammed again", 32, NULL},
        {"Jews, Muslims and Christians marched together.", 46, NULL},
        {big, 4000, NULL},
        {"Ya'll are a bunch of sc*m", 25, NULL},
        {"Women can't be engineers.", 25, NULL},
        {"Thank you for this article!", 27, NULL},
        {"(((them))) control the banks", 28, NULL},
        {"Islam is a religion of peace.", 29, NULL},
        {"Go back to your country, invader.", 33, NULL},
        /* reads its parent with the scratch's one spare rules output */
        {"Exactly.", 8, &hateful_parent},
        {"So true.", 8, &hateful_parent},
    };
    const size_t n = sizeof items / sizeof items[0];
    cr_assert_gt(n, DECORUM_BATCH_MAX, "the list must need two calls");
    char want[sizeof items / sizeof items[0]][4096];
    decorum_status want_st[sizeof items / sizeof items[0]];
    size_t want_pos[sizeof items / sizeof items[0]];
    for (size_t i = 0; i < n; i++) {
        const decorum_result *r = NULL;
        want_st[i] = decorum_analyze(e, one, items[i].text, items[i].len,
                                     items[i].ctx, &r, &err);
        want_pos[i] = err.position;
        if (want_st[i] == DECORUM_OK)
            describe(r, want[i], sizeof want[i]);
    }
    cr_assert_eq(want_st[4], DECORUM_ERR_UTF8);
    cr_assert_eq(want_st[6], DECORUM_ERR_TOOBIG);
    cr_assert_eq(want_st[7], DECORUM_ERR_FLAGS);
    cr_assert_eq(want_st[8], DECORUM_ERR_UTF8);
    /* Every batch size, the list cut into consecutive calls. */
    for (size_t b = 1; b <= DECORUM_BATCH_MAX; b++) {
        for (size_t at = 0; at < n; at += b) {
            size_t k = n - at < b ? n - at : b;
            const decorum_result *out[DECORUM_BATCH_MAX];
            decorum_status st[DECORUM_BATCH_MAX];
            decorum_error errs[DECORUM_BATCH_MAX];
            cr_assert_eq(decorum_analyze_batch(e, many, items + at, k, out, st,
                                               errs),
                         DECORUM_OK);
            for (size_t j = 0; j < k; j++) {
                size_t i = at + j;
                cr_assert_eq(st[j], want_st[i], "batch %zu, item %zu: %s", b,
                             i, decorum_status_name(st[j]));
                if (st[j] != DECORUM_OK) {
                    cr_assert_null(out[j]);
                    cr_assert_eq(errs[j].status, st[j]);
                    cr_assert_eq(errs[j].position, want_pos[i]);
                    continue;
                }
                char got[4096];
                describe(out[j], got, sizeof got);
                cr_assert_str_eq(got, want[i], "batch %zu, item %zu", b, i);
            }
            /* Results stay valid until the next call: check them all
             * again after the whole batch. */
            for (size_t j = 0; j < k; j++) {
                char got[4096];
                if (st[j] == DECORUM_OK)
                    cr_assert_str_eq((describe(out[j], got, sizeof got), got),
                                     want[at + j]);
            }
        }
    }
    decorum_scratch_free(many);
    decorum_scratch_free(one);
    decorum_engine_free(e);
}

/* A reply that only agrees takes on the hateful parent's attack, and its
 * span says so in words a moderator can check: the agreeing words, marked
 * as needing the context, with the parent's reason quoted. */
Test(api, agreeing_reply_quotes_what_it_agrees_with)
{
    decorum_engine *e = NULL;
    decorum_scratch *s = NULL;
    decorum_error err;
    open_default(&e, &s);
    const decorum_context hateful = {
        "Jews are parasites who suck nations dry.", 40, NULL, 0, 0};
    const decorum_context harmless = {
        "The council finally approved the new library.", 45, NULL, 0, 0};
    const decorum_result *r = NULL;
    cr_assert_eq(decorum_analyze(e, s, "Exactly. So true.", 17, &hateful, &r,
                                 &err),
                 DECORUM_OK);
    cr_assert_eq(r->hateful, 1);
    cr_assert_eq(r->n_spans, 1);
    const decorum_span *sp = &r->spans[0];
    cr_assert_eq(sp->begin, 0);
    cr_assert_eq(sp->end, 7, "the agreeing word, \"Exactly\"");
    cr_assert_eq(sp->attribute, DECORUM_IDENTITY_ATTACK);
    cr_assert_eq(sp->signal, DECORUM_SIGNAL_DEHUMANIZATION);
    cr_assert_eq(sp->flags & DECORUM_SPAN_CONTEXT, DECORUM_SPAN_CONTEXT);
    const char want[] = "agrees with the comment it replies to, which has: "
                        "dehumanizing language aimed at Jewish people";
    cr_assert_eq(strncmp(sp->reason, want, sizeof want - 1), 0, "%s",
                 sp->reason);
    /* The same words under a harmless parent agree with nothing. */
    cr_assert_eq(decorum_analyze(e, s, "Exactly. So true.", 17, &harmless, &r,
                                 &err),
                 DECORUM_OK);
    cr_assert_eq(r->hateful, 0);
    cr_assert_eq(r->n_spans, 0);
    decorum_scratch_free(s);
    decorum_engine_free(e);
}

Test(api, batch_checks_arguments)
{
    decorum_engine *e = NULL, *e2 = NULL;
    decorum_scratch *s = NULL;
    decorum_error err[DECORUM_BATCH_MAX + 1];
    cr_assert_eq(decorum_engine_open(NULL, &e, err), DECORUM_OK);
    cr_assert_eq(decorum_engine_open(NULL, &e2, err), DECORUM_OK);
    cr_assert_eq(decorum_scratch_alloc(e, &s, err), DECORUM_OK);
    decorum_item items[DECORUM_BATCH_MAX + 1];
    for (size_t i = 0; i <= DECORUM_BATCH_MAX; i++)
        items[i] = (decorum_item){"hi", 2, NULL};
    const decorum_result *out[DECORUM_BATCH_MAX + 1];
    decorum_status st[DECORUM_BATCH_MAX + 1];
    cr_assert_eq(decorum_analyze_batch(e, s, items, DECORUM_BATCH_MAX + 1, out,
                                       st, err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(err[0].status, DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze_batch(e, s, NULL, 1, out, st, err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze_batch(e, s, items, 1, NULL, st, err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze_batch(e, s, items, 1, out, NULL, err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze_batch(NULL, s, items, 1, out, st, err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(decorum_analyze_batch(e2, s, items, 1, out, st, err),
                 DECORUM_ERR_INVALID);
    /* Nothing to do is no error; err may be NULL. */
    cr_assert_eq(decorum_analyze_batch(e, s, NULL, 0, NULL, NULL, NULL),
                 DECORUM_OK);
    cr_assert_eq(decorum_analyze_batch(e, s, items, 2, out, st, NULL),
                 DECORUM_OK);
    cr_assert_eq(st[0], DECORUM_OK);
    cr_assert_eq(st[1], DECORUM_OK);
    cr_assert_eq(out[0]->verdict, DECORUM_ALLOW);
    cr_assert_neq(out[0], out[1], "each item has its own result");
    decorum_scratch_free(s);
    decorum_engine_free(e2);
    decorum_engine_free(e);
}
