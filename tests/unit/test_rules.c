/*
 * test_rules.c: the rule layer through the public API, on a small lexicon
 * written by the test itself, so each case shows one rule working
 * independently of the shipped lexicons: targets, negation, questions,
 * co-reference across sentences and into the parent comment,
 * counter-speech, reclaimed use, coded hate, conspiracy stories, insults and
 * profanity that are not hate.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decorum.h"

static const char lexicon[] =
    "# test lexicon\n"
    "jews\tidentity\treligion:jewish\t-\tnoun\tJewish people\n"
    "muslims\tidentity\treligion:muslim\t-\tnoun\tMuslims\n"
    "black\tidentity\trace:black\t-\tadj,ambiguous\tBlack people\n"
    "gay\tidentity\tsexual_orientation:gay\t-\tadj\tgay people\n"
    "migrants\tidentity\timmigration:migrant\t-\tnoun\tmigrants\n"
    "autistic\tidentity\tdisability:autism\t-\tadj\tautistic people\n"
    "asylum seekers\tidentity\timmigration:asylum_seeker\t-\tnoun\tasylum "
    "seekers\n"
    "south africans\tidentity\tnationality:south_african\t-\tnoun\tSouth "
    "Africans\n"
    "women\tidentity\tsex:female\t-\tnoun\twomen\n"
    /* (a group's words in a reason, group_people: kind `label`, the
     * label in the why column; session 54) */
    "autistic people\tlabel\tdisability:autism\t-\t-\tautistic people\n"
    "asylum seekers\tlabel\timmigration:asylum_seeker\t-\t-\tasylum seekers\n"
    "women\tlabel\tsex:female\t-\t-\twomen\n"
    "people\tperson\t-\t-\t-\tperson noun\n"
    "man\tperson\t-\t-\t-\tperson noun\n"
    "vermin\tdehumanize\t-\t3\t-\tlikens people to vermin\n"
    "animals\tdehumanize\t-\t2\tambiguous\tlikens people to animals\n"
    "invaders\tdehumanize\timmigration:migrant\t2\tambiguous\tcasts migrants as an invading army\n"
    "human\thumanity\t-\t-\t-\thumanness\n"
    "not\tnegation\t-\t-\t-\tnegator\n"
    "don't\tnegation\t-\t-\t-\tnegator\n"
    "aren't\tnegation\t-\t-\t-\tnegator\n"
    "hate\thate_verb\t-\t2\tverb\texpresses hatred\n"
    "kill\tthreat\t-\t3\tverb,severe\tcalls for killing\n"
    "deport\texclusion\t-\t2\tverb\tcalls for expulsion\n"
    "they\tpronoun_group\t-\t-\t-\tpronoun\n"
    "you\tpronoun_you\t-\t-\t-\tpronoun\n"
    "my\tpronoun_self\t-\t-\t-\tpronoun\n"
    "idiot\tinsult\t-\t2\t-\tcalls someone stupid\n"
    "fucking\tprofanity\t-\t2\t-\tstrong swearing\n"
    "government\tnonprotected\t-\t-\t-\tan institution\n"
    "weather\tobject\t-\t-\t-\ta thing\n"
    "car\tobject\t-\t-\t-\ta thing\n"
    "racist\tdenounce\t-\t-\t-\tcondemns racism\n"
    "calling\treport\t-\t-\t-\treporting verb\n"
    "are\tcopula\t-\t-\t-\tlinking verb\n"
    "1488\tcode\trace:white\t3\tnofuzzy\twhite-supremacist code\n"
    "soros\tconsp_actor\treligion:jewish\t2\t-\tJewish financier cast as a puppet master\n"
    "funding\tconsp_action\t-\t-\t-\tsecret financing\n"
    "invasion\tconsp_object\t-\t-\t-\tmigration as invasion\n"
    "border\tmigration\t-\t-\t-\tmigration topic\n"
    "queer\tslur\tsexual_orientation:gay\t2\treclaimable\tslur for gay people, reclaimed in-group\n"
    "as a\tingroup\t-\t-\t-\tin-group marker\n";

static decorum_engine *eng;
static decorum_scratch *scr;
static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/decorum-rules-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/test.tsv", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(lexicon, f);
    fclose(f);
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.lexicon_dir = dir;
    o.flags = DECORUM_OPT_NO_MODEL;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(&o, &eng, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(decorum_scratch_alloc(eng, &scr, &err), DECORUM_OK);
}

static void teardown(void)
{
    decorum_scratch_free(scr);
    decorum_engine_free(eng);
    char path[128];
    snprintf(path, sizeof path, "%s/test.tsv", dir);
    unlink(path);
    rmdir(dir);
}

static const decorum_result *judge(const char *text, const char *parent)
{
    decorum_context ctx = {0};
    if (parent) {
        ctx.parent = parent;
        ctx.parent_len = strlen(parent);
    }
    const decorum_result *r = NULL;
    decorum_error err;
    cr_assert_eq(decorum_analyze(eng, scr, text, strlen(text),
                                 parent ? &ctx : NULL, &r, &err),
                 DECORUM_OK, "%s", err.message);
    return r;
}

/* The span with signal s (mitigating or not as asked), or NULL. */
static const decorum_span *find(const decorum_result *r, decorum_signal s,
                                int mitigating)
{
    for (size_t i = 0; i < r->n_spans; i++)
        if (r->spans[i].signal == s &&
            !!(r->spans[i].flags & DECORUM_SPAN_MITIGATING) == mitigating)
            return &r->spans[i];
    return NULL;
}

static void dump(const char *text, const decorum_result *r)
{
    fprintf(stderr, "%s -> %s hate=%.2f tox=%.2f\n", text,
            decorum_verdict_name(r->verdict), r->hate_score,
            r->scores[DECORUM_TOXICITY]);
    for (size_t i = 0; i < r->n_spans; i++)
        fprintf(stderr, "  [%zu,%zu) %s%s: %s\n", r->spans[i].begin,
                r->spans[i].end, decorum_signal_name(r->spans[i].signal),
                r->spans[i].flags & DECORUM_SPAN_MITIGATING ? " (mitigating)"
                                                            : "",
                r->spans[i].reason);
}

typedef struct rcase {
    const char *text;
    const char *parent;
    int hateful;
    decorum_signal signal; /* expected on a non-mitigating span, or -1 */
    decorum_signal mitigation; /* expected mitigating span, or -1 */
    decorum_verdict verdict;
    const char *span; /* substring the signal's span must cover, or NULL */
} rcase;

#define NONE ((decorum_signal)-1)

static const rcase cases[] = {
    {"Jews are vermin.", NULL, 1, DECORUM_SIGNAL_DEHUMANIZATION, NONE,
     DECORUM_REJECT, "vermin"},
    {"Jews are not vermin.", NULL, 0, NONE, DECORUM_SIGNAL_NEGATED,
     DECORUM_ALLOW, NULL},
    {"Jews are not human.", NULL, 1, DECORUM_SIGNAL_DEHUMANIZATION, NONE,
     DECORUM_REJECT, "not human"},
    {"I don't hate Muslims.", NULL, 0, NONE, DECORUM_SIGNAL_NEGATED,
     DECORUM_ALLOW, NULL},
    {"I hate Muslims.", NULL, 1, DECORUM_SIGNAL_DEROGATION, NONE,
     DECORUM_REVIEW, "hate"},
    {"Aren't Muslims just vermin?", NULL, 1, DECORUM_SIGNAL_DEHUMANIZATION,
     NONE, DECORUM_REVIEW, "vermin"},
    {"I met some Muslims. They are vermin.", NULL, 1,
     DECORUM_SIGNAL_DEHUMANIZATION, NONE, DECORUM_REJECT, "vermin"},
    {"They are vermin.", "New Muslims moved in next door.", 1,
     DECORUM_SIGNAL_DEHUMANIZATION, NONE, DECORUM_REJECT, "vermin"},
    {"They are vermin.", "The weather was awful.", 0, NONE, NONE,
     DECORUM_ALLOW, NULL},
    {"Calling Jews vermin is racist.", NULL, 0, NONE,
     DECORUM_SIGNAL_COUNTER_SPEECH, DECORUM_ALLOW, NULL},
    {"He wrote \"Muslims are vermin\". That is racist.", NULL, 0, NONE,
     DECORUM_SIGNAL_COUNTER_SPEECH, DECORUM_ALLOW, NULL},
    /* mild abuse of one person is reported (INSULT, its span) but left
     * to the verdict's allow (session 46, mild_abuse) */
    {"You are an idiot.", NULL, 0, DECORUM_SIGNAL_INSULT, NONE,
     DECORUM_ALLOW, "idiot"},
    {"I hate the government.", NULL, 0, NONE, NONE, DECORUM_ALLOW, NULL},
    {"This fucking weather.", NULL, 0, DECORUM_SIGNAL_PROFANITY, NONE,
     DECORUM_ALLOW, "fucking"},
    {"Kill all Muslims", NULL, 1, DECORUM_SIGNAL_THREAT, NONE,
     DECORUM_REJECT, "Kill"},
    {"Deport the Muslims", NULL, 1, DECORUM_SIGNAL_EXCLUSION, NONE,
     DECORUM_REVIEW, "Deport"},
    {"Black people are animals", NULL, 1, DECORUM_SIGNAL_DEHUMANIZATION,
     NONE, DECORUM_REVIEW, "animals"},
    {"The black car drove past the animals.", NULL, 0, NONE, NONE,
     DECORUM_ALLOW, NULL},
    {"Support the (((bankers))) and their agenda", NULL, 1,
     DECORUM_SIGNAL_CODED_ECHO, NONE, DECORUM_REVIEW, "(((bankers)))"},
    {"I put (((my))) name in echoes to stand with my friends", NULL, 0, NONE,
     NONE, DECORUM_ALLOW, NULL},
    {"Soros is funding the invasion at the border", NULL, 1,
     DECORUM_SIGNAL_CONSPIRACY, NONE, DECORUM_REVIEW, "funding"},
    {"As a gay man I call myself queer", NULL, 0, NONE,
     DECORUM_SIGNAL_RECLAIMED, DECORUM_ALLOW, NULL},
    {"shut up you queer", NULL, 1, DECORUM_SIGNAL_SLUR, NONE, DECORUM_REVIEW,
     "queer"},
    {"We crossed the border and met the invaders", NULL, 1,
     DECORUM_SIGNAL_DEHUMANIZATION, NONE, DECORUM_REVIEW, "invaders"},
    {"My son beat the space invaders high score", NULL, 0, NONE, NONE,
     DECORUM_ALLOW, NULL},
    {"1488 brothers", NULL, 1, DECORUM_SIGNAL_CODED_NUMERIC, NONE,
     DECORUM_REVIEW, "1488"},
};

TestSuite(rules, .init = setup, .fini = teardown);

Test(rules, cases)
{
    int failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const rcase *c = &cases[i];
        const decorum_result *r = judge(c->text, c->parent);
        int ok = r->hateful == c->hateful;
        /* REVIEW in a case means "at least review": stronger evidence that
         * also rejects is fine; REJECT and ALLOW are exact. */
        if (c->verdict == DECORUM_REVIEW)
            ok &= r->verdict != DECORUM_ALLOW;
        else
            ok &= r->verdict == c->verdict;
        const decorum_span *sp = NULL;
        if (c->signal != NONE) {
            sp = find(r, c->signal, 0);
            ok &= sp != NULL;
            if (sp && c->span) {
                const char *at = strstr(c->text, c->span);
                size_t b = (size_t)(at - c->text), e = b + strlen(c->span);
                ok &= sp->begin < e && sp->end > b;
            }
        }
        if (c->mitigation != NONE)
            ok &= find(r, c->mitigation, 1) != NULL;
        if (!c->hateful)
            for (size_t k = 0; k < r->n_spans; k++)
                if (!(r->spans[k].flags & DECORUM_SPAN_MITIGATING) &&
                    r->spans[k].attribute == DECORUM_IDENTITY_ATTACK)
                    ok = 0;
        if (!ok) {
            failed++;
            fprintf(stderr, "FAIL case %zu (parent: %s)\n  ", i,
                    c->parent ? c->parent : "-");
            dump(c->text, r);
        }
    }
    cr_assert_eq(failed, 0, "%d rule cases failed", failed);
}

Test(rules, spans_map_to_original_bytes)
{
    /* Spaced-out and upper-case text: the span must cover the original
     * bytes, not the normalized ones. */
    const char *text = "JEWS are  VERMIN!!";
    const decorum_result *r = judge(text, NULL);
    const decorum_span *sp = find(r, DECORUM_SIGNAL_DEHUMANIZATION, 0);
    cr_assert_not_null(sp);
    cr_assert_eq(sp->begin, 10);
    cr_assert_eq(sp->end, 16);
    cr_assert(sp->category & (1u << DECORUM_CATEGORY_RELIGION));
    cr_assert(strstr(sp->reason, "vermin") != NULL, "%s", sp->reason);
}

Test(rules, empty_and_plain_text_allowed)
{
    const decorum_result *r = judge("", NULL);
    cr_assert_eq(r->verdict, DECORUM_ALLOW);
    r = judge("What a lovely day at the beach.", NULL);
    cr_assert_eq(r->verdict, DECORUM_ALLOW);
    cr_assert_eq(r->n_spans, 0);
    cr_assert_float_eq(r->hate_score, 0.0f, 1e-6);
}

Test(rules, reasons_are_valid_utf8_when_quoting_cut_text)
{
    /* The echo's reason quotes at most 60 bytes of its inside; here the
     * 60th byte falls inside an emoji. Found by fuzz_perspective: a reason
     * cut mid-character made the service's JSON unencodable. */
    char text[128];
    memset(text, 0, sizeof text);
    memcpy(text, "(((", 3);
    for (int i = 0; i < 58; i++) /* no runs: the normalizer cuts those */
        text[3 + i] = (char)('a' + i % 10);
    /* the reason's cut at 60 bytes falls inside the emoji */
    memcpy(text + 61, "\xf0\x9f\x98\x80 bb)))", 10);
    const decorum_result *r = judge(text, NULL);
    cr_assert_gt(r->n_spans, 0);
    for (size_t i = 0; i < r->n_spans; i++)
        cr_assert_eq(decorum_utf8_check(r->spans[i].reason,
                                        strlen(r->spans[i].reason), NULL),
                     DECORUM_OK, "reason %zu: %s", i, r->spans[i].reason);
}

/* The reasons, word for word: they are joined from pieces (a literal, a
 * lexicon string, a quote of the text), and each kind of piece shows up
 * here once at least. */
Test(rules, reasons_read_in_full)
{
    static const struct {
        const char *text;
        decorum_signal signal;
        int mitigating;
        const char *reason;
    } want[] = {
        {"jews are vermin", DECORUM_SIGNAL_DEHUMANIZATION, 0,
         "dehumanizing language aimed at Jewish people (religion): likens "
         "people to vermin"},
        /* (a group column's name read as people, group_people: the
         * `label` entries of "disability:autism",
         * "immigration:asylum_seeker", "sex:female";
         * a race's, an ethnicity's, a nationality's or a religion's
         * capitalized word by word, "South African people") */
        {"autistic people are vermin", DECORUM_SIGNAL_DEHUMANIZATION, 0,
         "dehumanizing language aimed at autistic people (disability): "
         "likens people to vermin"},
        {"asylum seekers are vermin", DECORUM_SIGNAL_DEHUMANIZATION, 0,
         "dehumanizing language aimed at asylum seekers "
         "(immigration_status): likens people to vermin"},
        {"women are vermin", DECORUM_SIGNAL_DEHUMANIZATION, 0,
         "dehumanizing language aimed at women (sex): likens people to "
         "vermin"},
        {"south africans are vermin", DECORUM_SIGNAL_DEHUMANIZATION, 0,
         "dehumanizing language aimed at South African people "
         "(nationality): likens people to vermin"},
        {"queers are vermin", DECORUM_SIGNAL_SLUR, 0,
         "slur for gay people: slur for gay people, reclaimed in-group"},
        {"you fucking idiot", DECORUM_SIGNAL_PROFANITY, 0,
         "profanity: strong swearing"},
        {"you fucking idiot", DECORUM_SIGNAL_INSULT, 0,
         "insult aimed at the person addressed (not a protected group): "
         "calls someone stupid"},
        {"calling jews vermin is racist", DECORUM_SIGNAL_COUNTER_SPEECH, 1,
         "not an attack: 'vermin' is quoted or reported in order to denounce "
         "it (counter-speech)"},
        {"as a queer man I say queer is fine", DECORUM_SIGNAL_RECLAIMED, 1,
         "reclaimed in-group use of the slur 'queer', not an attack"},
        {"1488", DECORUM_SIGNAL_CODED_NUMERIC, 0,
         "hate code '1488': white-supremacist code"},
        {"soros is funding the invasion", DECORUM_SIGNAL_CONSPIRACY, 0,
         "conspiracy trope: 'soros' secretly 'funding' 'invasion'; Jewish "
         "financier cast as a puppet master"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const decorum_result *r = judge(want[i].text, NULL);
        const decorum_span *sp =
            find(r, want[i].signal, want[i].mitigating);
        if (!sp || strcmp(sp->reason, want[i].reason) != 0)
            dump(want[i].text, r);
        cr_assert_not_null(sp, "%s", want[i].text);
        cr_assert_str_eq(sp->reason, want[i].reason, "%s", want[i].text);
    }
}

/* Pronouns in one long sentence of many targets: each "they" goes to the
 * group named before it, or else to the one named later in the sentence
 * (resolve_pronoun walks from group to group, and keeps its last answer
 * for the next attack, instead of scanning every target each time). */
Test(rules, pronouns_in_a_long_sentence)
{
    char text[512];
    /* Two different groups, so that the span's category tells which one
     * "they" went to: the earlier group wins over a later one. */
    const char *before[] = {"Migrants came, ", ""};
    const char *after[] = {"these jews", "these jews"};
    const unsigned want[] = {1u << DECORUM_CATEGORY_IMMIGRATION,
                             1u << DECORUM_CATEGORY_RELIGION};
    for (int k = 0; k < 2; k++) {
        size_t n = (size_t)snprintf(text, sizeof text, "%s", before[k]);
        for (int i = 0; i < 12; i++)
            n += (size_t)snprintf(text + n, sizeof text - n,
                                  "they are vermin, ");
        snprintf(text + n, sizeof text - n, "%s", after[k]);
        const decorum_result *r = judge(text, NULL);
        size_t attacks = 0;
        for (size_t i = 0; i < r->n_spans; i++)
            if (r->spans[i].signal == DECORUM_SIGNAL_DEHUMANIZATION &&
                !(r->spans[i].flags & DECORUM_SPAN_MITIGATING)) {
                attacks++;
                cr_assert(r->spans[i].category & want[k], "%s: span %zu",
                          text, i);
            }
        cr_assert_eq(attacks, 12, "%s: %zu attacks", text, attacks);
    }
}

/* A sentence of more than SENT_MAX (256) tokens is cut into pieces of
 * 256 (rules.c split_long_sentences), which bounds the rules' reads of a
 * mention's sentence. The tokens after each cut move to the next piece:
 * an attack in the second piece and one in the third are each found, at
 * their bytes, as they are alone. */
Test(rules, attacks_in_a_sentence_cut_in_pieces)
{
    static char text[8192];
    size_t n = 0;
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "ok ");
    size_t first = n;
    n += (size_t)snprintf(text + n, sizeof text - n, "muslims are vermin ");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "ok ");
    size_t second = n;
    n += (size_t)snprintf(text + n, sizeof text - n, "women are vermin");
    const decorum_result *r = judge(text, NULL);
    size_t found = 0;
    for (size_t i = 0; i < r->n_spans; i++) {
        const decorum_span *sp = &r->spans[i];
        if (sp->signal != DECORUM_SIGNAL_DEHUMANIZATION ||
            (sp->flags & DECORUM_SPAN_MITIGATING))
            continue;
        if (sp->begin == first + 12 && sp->end == first + 18)
            found |= 1;
        else if (sp->begin == second + 10 && sp->end == second + 16)
            found |= 2;
    }
    if (found != 3)
        dump(text, r);
    cr_assert_eq(found, 3, "found %zu", found);
    cr_assert_eq(r->verdict, DECORUM_REJECT);
}

/* Past 65 535 tokens the index of tokens by byte (tok_at, 16 bits) names
 * the wrong token, and place_hits finds the hit's token by bisection:
 * the attack after 70 000 punctuation tokens is read as it is alone. */
Test(rules, hits_past_65535_tokens)
{
    decorum_engine_options o;
    decorum_engine_options_init(&o);
    o.lexicon_dir = dir;
    o.flags = DECORUM_OPT_NO_MODEL;
    o.max_input = 128 * 1024;
    decorum_engine *big;
    decorum_scratch *s;
    decorum_error err;
    cr_assert_eq(decorum_engine_open(&o, &big, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(decorum_scratch_alloc(big, &s, &err), DECORUM_OK);
    const char tail[] = "\nmuslims are vermin";
    size_t pad = 70000, len = pad + sizeof tail - 1;
    char *text = malloc(len);
    cr_assert_not_null(text);
    memset(text, ',', pad);
    memcpy(text + pad, tail, sizeof tail - 1);
    const decorum_result *r = NULL;
    cr_assert_eq(decorum_analyze(big, s, text, len, NULL, &r, &err),
                 DECORUM_OK, "%s", err.message);
    const decorum_span *sp = find(r, DECORUM_SIGNAL_DEHUMANIZATION, 0);
    cr_assert_not_null(sp);
    cr_assert_eq(sp->begin, pad + 13, "%zu", sp->begin);
    cr_assert_eq(sp->end, len, "%zu", sp->end);
    cr_assert_eq(r->verdict, judge(tail + 1, NULL)->verdict);
    free(text);
    decorum_scratch_free(s);
    decorum_engine_free(big);
}
