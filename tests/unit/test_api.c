/* test_api.c: the public API's names, statuses and misuse handling. */
#include <criterion/criterion.h>
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

Test(api, analyze_checks_arguments)
{
    decorum_engine *e = NULL;
    decorum_scratch *s = NULL;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(NULL, &e, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(decorum_scratch_alloc(e, &s, &err), DECORUM_OK);
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
