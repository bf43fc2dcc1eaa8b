/*
 * test_lexicon.c: the lexicon parser and loader (lib/lexicon.c) on small
 * lexicon texts written here: every column parsed, every kind of malformed
 * line refused with its line number, input flush against a guard page,
 * failure of every allocation in turn, directory loading, and the built-in
 * lexicon.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "counting_alloc.h"
#include "decorum_int.h"

static dc_alloc std_al;

static void std_setup(void)
{
    dc_alloc_init(&std_al, NULL);
}

static decorum_status parse(dc_lexicon *lx, const char *name, const char *s,
                            decorum_error *err)
{
    return dc_lexicon_parse(&std_al, lx, name, s, strlen(s), err);
}

static const char good[] =
    "# a comment\n"
    "\n"
    "jews\tidentity\treligion:jewish\t1\tnoun,reclaimable\tJewish people\n"
    "   \t \n"
    "go back\texclusion\t-\t2\tverb\ttells people to leave\r\n"
    "mexicans\tidentity\tethnicity:mexican,nationality:mexican,"
    "immigration:migrant\t-\t-\tMexican people\n"
    "\xf0\x9f\x90\x80\tdehumanize\t-\t3\tnofuzzy,severe\trat emoji: vermin\n"
    "14/88\tcode\trace:white\t3\tcompound,adj,case,plural,ambiguous\t"
    "white-supremacist code\n"
    "(((\tcode\treligion:jewish\t3\t-\tthe echo marks Jews\n"
    "don't\tnegation\t-\t-\t-\tnegator"; /* no final newline */

Test(lexicon, parses_every_column, .init = std_setup)
{
    dc_lexicon lx = {0};
    decorum_error err;
    cr_assert_eq(parse(&lx, "good.tsv", good, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(lx.n, 7);

    const dc_entry *e = &lx.entries[0];
    cr_assert_str_eq(e->term, "jews");
    cr_assert_eq(e->term_len, 4);
    cr_assert_eq(e->kind, DC_KIND_IDENTITY);
    cr_assert_str_eq(e->group, "jewish");
    cr_assert_eq(e->categories, 1u << DECORUM_CATEGORY_RELIGION);
    cr_assert_eq(e->severity, 1);
    cr_assert_eq(e->flags, DC_F_NOUN | DC_F_RECLAIMABLE);
    cr_assert_str_eq(e->why, "Jewish people");
    cr_assert_str_eq(e->file, "good.tsv");
    cr_assert_eq(e->line, 3);

    e = &lx.entries[1]; /* CRLF line */
    cr_assert_str_eq(e->term, "go back");
    cr_assert_eq(e->kind, DC_KIND_EXCLUSION);
    cr_assert_str_eq(e->group, "");
    cr_assert_eq(e->categories, 0);
    cr_assert_eq(e->flags, DC_F_VERB);
    cr_assert_str_eq(e->why, "tells people to leave");
    cr_assert_eq(e->line, 5);

    e = &lx.entries[2]; /* several groups: first name, every category */
    cr_assert_str_eq(e->group, "mexican");
    cr_assert_str_eq(e->groups,
                     "ethnicity:mexican,nationality:mexican,immigration:migrant");
    cr_assert_eq(e->categories, (1u << DECORUM_CATEGORY_ETHNICITY) |
                                    (1u << DECORUM_CATEGORY_NATIONALITY) |
                                    (1u << DECORUM_CATEGORY_IMMIGRATION));
    cr_assert_eq(e->severity, 0);
    cr_assert_eq(e->flags, 0);

    e = &lx.entries[3];
    cr_assert_str_eq(e->term, "\xf0\x9f\x90\x80");
    cr_assert_eq(e->flags, DC_F_NOFUZZY | DC_F_SEVERE);

    e = &lx.entries[4];
    cr_assert_str_eq(e->term, "14/88");
    cr_assert_eq(e->categories, 1u << DECORUM_CATEGORY_RACE);
    cr_assert_str_eq(e->group, "white");
    cr_assert_eq(e->flags, DC_F_COMPOUND | DC_F_ADJ | DC_F_CASE |
                               DC_F_PLURAL | DC_F_AMBIGUOUS);

    cr_assert_str_eq(lx.entries[5].term, "(((");
    cr_assert_str_eq(lx.entries[6].term, "don't");
    cr_assert_str_eq(lx.entries[6].why, "negator");
    cr_assert_eq(lx.entries[6].line, 10);
    dc_lexicon_free(&std_al, &lx);
    cr_assert_eq(lx.n, 0);
    cr_assert_null(lx.entries);
    dc_lexicon_free(&std_al, &lx); /* twice is harmless */
}

Test(lexicon, appending_keeps_earlier_entries_valid, .init = std_setup)
{
    dc_lexicon lx = {0};
    decorum_error err;
    cr_assert_eq(parse(&lx, "a.tsv", good, &err), DECORUM_OK);
    cr_assert_eq(parse(&lx, "b.tsv", "# only a comment\n", &err), DECORUM_OK);
    cr_assert_eq(lx.n, 7);
    cr_assert_eq(parse(&lx, "b.tsv",
                       "vermin\tdehumanize\t-\t3\t-\tlikens people to vermin\n",
                       &err),
                 DECORUM_OK);
    cr_assert_eq(lx.n, 8);
    /* The arena moved: the old pointers were rebased into it. */
    cr_assert_str_eq(lx.entries[0].term, "jews");
    cr_assert_str_eq(lx.entries[0].file, "a.tsv");
    cr_assert_str_eq(lx.entries[2].group, "mexican");
    cr_assert_str_eq(lx.entries[6].why, "negator");
    cr_assert_str_eq(lx.entries[7].term, "vermin");
    cr_assert_str_eq(lx.entries[7].file, "b.tsv");
    cr_assert_eq(lx.entries[7].line, 1);
    for (size_t i = 0; i < lx.n; i++) {
        const char *lo = lx.strings, *hi = lx.strings + lx.strings_size;
        cr_assert(lx.entries[i].term >= lo && lx.entries[i].term < hi);
        cr_assert(lx.entries[i].why >= lo && lx.entries[i].why < hi);
    }
    dc_lexicon_free(&std_al, &lx);
}

/* Malformed lines: the bad line is line 3, after a comment and a good
 * line; the message names file and line and says what is wrong. */
static const struct bad_case {
    const char *line;
    const char *says;
} bad_cases[] = {
    {"jews\tidentity\treligion:jewish\t1\tnoun", "expected 6 TAB-separated"},
    {"jews\tidentity\t-\t1\t-\twhy\textra", "found 7"},
    {"jews", "found 1"},
    {"jews\tidentiti\t-\t1\t-\twhy", "unknown kind \"identiti\""},
    {"jews\t\t-\t1\t-\twhy", "unknown kind \"\""},
    {"jews\tidentity\t-\t1\tnoun,nuon\twhy", "unknown flag \"nuon\""},
    {"jews\tidentity\t-\t1\tnoun,noun\twhy", "given twice"},
    {"kill\tthreat\t-\t3\tfeast,feast\twhy", "given twice"},
    {"kill\tthreat\t-\t3\tmusic,feast\twhy", "one everyday sense"},
    {"kill\tthreat\t-\t3\tfeast,music\twhy", "one everyday sense"},
    {"jews\tidentity\t-\t1\tnoun,\twhy", "empty flag name"},
    {"jews\tidentity\t-\t1\t\twhy", "empty flag name"},
    {"jews\tidentity\tfaith:jewish\t1\t-\twhy", "unknown category \"faith\""},
    {"jews\tidentity\treligion\t1\t-\twhy", "expected category:group"},
    {"jews\tidentity\treligion:\t1\t-\twhy", "empty group name"},
    {"jews\tidentity\treligion:jewish,\t1\t-\twhy", "expected category:group"},
    {"jews\tidentity\treligion:Jewish\t1\t-\twhy", "bad group name"},
    {"jews\tidentity\t\t1\t-\twhy", "expected category:group"},
    {"jews\tidentity\t-\t4\t-\twhy", "bad severity \"4\""},
    {"jews\tidentity\t-\t0\t-\twhy", "bad severity"},
    {"jews\tidentity\t-\t\t-\twhy", "bad severity \"\""},
    {"jews\tidentity\t-\t12\t-\twhy", "bad severity"},
    {"\tidentity\t-\t1\t-\twhy", "empty term"},
    {"Jews\tidentity\t-\t1\t-\twhy", "upper-case 'J'"},
    {"go  back\texclusion\t-\t1\t-\twhy", "two spaces in a row"},
    {" jews\tidentity\t-\t1\t-\twhy", "leading or trailing space"},
    {"jews \tidentity\t-\t1\t-\twhy", "leading or trailing space"},
    {"f*ck\tprofanity\t-\t1\t-\twhy", "character '*' is not allowed"},
    {"z.o.g\tcode\t-\t1\t-\twhy", "character '.' is not allowed"},
    {"don\xe2\x80\x99t\tnegation\t-\t-\t-\twhy", "U+2019"},
    {"jews\xc2\xa0here\tidentity\t-\t1\t-\twhy", "U+00A0"},
    {"je\xffws\tidentity\t-\t1\t-\twhy", "not valid UTF-8"},
    {"je\xc3\tidentity\t-\t1\t-\twhy", "not valid UTF-8"},
    {"jews\tidentity\t-\t1\t-\t", "empty why"},
    {"jews\tidentity\t-\t1\t-\tbad \x01 why", "control character"},
    {"jews\tidentity\t-\t1\t-\tbad \xe2\x80 why", "invalid UTF-8"},
};

Test(lexicon, malformed_lines_are_refused_with_their_line,
     .init = std_setup)
{
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "# header\nvermin\tdehumanize\t-\t3\t-\tvermin\n%s\nmore "
                 "stuff that is never reached\n",
                 bad_cases[i].line);
        dc_lexicon lx = {0};
        /* An earlier file stays as it was. */
        cr_assert_eq(parse(&lx, "first.tsv", good, NULL), DECORUM_OK);
        decorum_error err;
        memset(&err, 0, sizeof err);
        decorum_status st = parse(&lx, "bad.tsv", text, &err);
        cr_assert_eq(st, DECORUM_ERR_FORMAT, "case %zu (%s): status %d", i,
                     bad_cases[i].line, st);
        cr_assert_eq(err.status, DECORUM_ERR_FORMAT);
        cr_assert_eq(err.line, 3, "case %zu: line %zu", i, err.line);
        cr_assert(strncmp(err.message, "bad.tsv:3: ", 11) == 0,
                  "case %zu: message \"%s\"", i, err.message);
        cr_assert(strstr(err.message, bad_cases[i].says) != NULL,
                  "case %zu: message \"%s\" lacks \"%s\"", i, err.message,
                  bad_cases[i].says);
        /* The position points into line 3. */
        size_t line3 = (size_t)(strchr(strchr(text, '\n') + 1, '\n') + 1 - text);
        cr_assert(err.position >= line3 &&
                      err.position <= line3 + strlen(bad_cases[i].line),
                  "case %zu: position %zu", i, err.position);
        cr_assert_eq(lx.n, 7);
        cr_assert_str_eq(lx.entries[0].term, "jews");
        dc_lexicon_free(&std_al, &lx);
        /* And with err NULL. */
        cr_assert_eq(parse(&lx, "bad.tsv", text, NULL), DECORUM_ERR_FORMAT);
        cr_assert_eq(lx.n, 0);
    }
}

Test(lexicon, refuses_null_arguments, .init = std_setup)
{
    dc_lexicon lx = {0};
    decorum_error err;
    cr_assert_eq(dc_lexicon_parse(&std_al, NULL, "x", "", 0, &err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(dc_lexicon_parse(&std_al, &lx, NULL, "", 0, &err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(dc_lexicon_parse(&std_al, &lx, "x", NULL, 3, &err),
                 DECORUM_ERR_INVALID);
    cr_assert_eq(dc_lexicon_parse(&std_al, &lx, "x", NULL, 0, &err),
                 DECORUM_OK);
    cr_assert_eq(lx.n, 0);
    cr_assert_eq(dc_lexicon_load(&std_al, NULL, NULL, &err),
                 DECORUM_ERR_INVALID);
}

/* Puts s flush against an inaccessible page: reading one byte past the
 * end faults. */
static char *guarded(const char *s, size_t len, void **map, size_t *map_len)
{
    long page = sysconf(_SC_PAGESIZE);
    size_t pages = (len + (size_t)page - 1) / (size_t)page + 1;
    *map_len = pages * (size_t)page;
    char *m = mmap(NULL, *map_len, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    cr_assert_neq(m, MAP_FAILED);
    cr_assert_eq(mprotect(m + *map_len - page, (size_t)page, PROT_NONE), 0);
    char *p = m + *map_len - page - len;
    memcpy(p, s, len);
    *map = m;
    return p;
}

Test(lexicon, never_reads_past_the_end, .init = std_setup)
{
    static const struct {
        const char *text;
        decorum_status st;
        size_t n;
    } cases[] = {
        {"jews\tidentity\t-\t1\t-\tJewish people", DECORUM_OK, 1},
        {"jews\tidentity\t-\t1\t-\tJewish people\r", DECORUM_OK, 1},
        {"jews\tidentity\t-\t1\t-\tJewish people\n", DECORUM_OK, 1},
        {"# comment without newline", DECORUM_OK, 0},
        {"   ", DECORUM_OK, 0},
        {"jews\tidentity\t-\t1\t-\t", DECORUM_ERR_FORMAT, 0},
        {"jews\tidentity\t-\t1\t-", DECORUM_ERR_FORMAT, 0},
        {"jews\tidentity\t-\t1\tnoun,", DECORUM_ERR_FORMAT, 0},
        {"jews\tidentity\treligion:", DECORUM_ERR_FORMAT, 0},
        {"jews\tidentity\treligion", DECORUM_ERR_FORMAT, 0},
        {"jews\tident", DECORUM_ERR_FORMAT, 0},
        {"go ", DECORUM_ERR_FORMAT, 0},
        {"j\xc3", DECORUM_ERR_FORMAT, 0},
        {"jews\tidentity\t-\t1\t-\tw\xe2\x80", DECORUM_ERR_FORMAT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        void *map;
        size_t map_len, len = strlen(cases[i].text);
        char *p = guarded(cases[i].text, len, &map, &map_len);
        dc_lexicon lx = {0};
        decorum_error err;
        decorum_status st = dc_lexicon_parse(&std_al, &lx, "g.tsv", p, len, &err);
        cr_assert_eq(st, cases[i].st, "case %zu: status %d", i, st);
        cr_assert_eq(lx.n, cases[i].n, "case %zu", i);
        dc_lexicon_free(&std_al, &lx);
        munmap(map, map_len);
    }
}

Test(lexicon, every_allocation_failure_is_clean)
{
    size_t successes = 0;
    for (size_t n = 0; n < 1000 && successes == 0; n++) {
        counting c;
        decorum_allocator a = counting_init(&c, n);
        dc_alloc al;
        dc_alloc_init(&al, &a);
        dc_lexicon lx = {0};
        decorum_error err;
        decorum_status st =
            dc_lexicon_parse(&al, &lx, "a.tsv", good, strlen(good), &err);
        if (st == DECORUM_OK)
            st = dc_lexicon_parse(&al, &lx, "b.tsv", good, strlen(good), &err);
        if (st == DECORUM_OK) {
            cr_assert_not(c.failed);
            cr_assert_eq(lx.n, 14);
            cr_assert_str_eq(lx.entries[0].term, "jews");
            successes++;
        } else {
            cr_assert_eq(st, DECORUM_ERR_NOMEM, "failing call %zu: %d", n, st);
            cr_assert_eq(err.status, DECORUM_ERR_NOMEM);
            /* What was parsed before the failure is intact. */
            cr_assert(lx.n == 0 || lx.n == 7);
        }
        dc_lexicon_free(&al, &lx);
        cr_assert_eq(c.live, 0, "failing call %zu: %ld blocks leaked", n,
                     c.live);
        cr_assert_eq(c.bytes, 0, "failing call %zu: %lld bytes unbalanced", n,
                     c.bytes);
    }
    cr_assert_eq(successes, 1);
}

/* A temporary lexicon directory. */
static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static void dir_setup(void)
{
    std_setup();
    snprintf(tmpdir, sizeof tmpdir, "/tmp/decorum-lex-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
}

static void dir_teardown(void)
{
    static const char *const names[] = {"a.tsv", "b.tsv", "notes.txt",
                                        ".hidden.tsv", "c.tsv"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]);
        unlink(path);
    }
    rmdir(tmpdir);
}

Test(lexicon, loads_a_directory_in_name_order, .init = dir_setup,
     .fini = dir_teardown)
{
    write_file("b.tsv", "vermin\tdehumanize\t-\t3\t-\tvermin\n");
    write_file("a.tsv", "jews\tidentity\treligion:jewish\t-\tnoun\tJews\n"
                        "muslims\tidentity\treligion:muslim\t-\tnoun\tMuslims\n");
    write_file("notes.txt", "not a lexicon\n");
    write_file(".hidden.tsv", "not\ta lexicon\n");
    dc_lexicon lx;
    decorum_error err;
    cr_assert_eq(dc_lexicon_load(&std_al, &lx, tmpdir, &err), DECORUM_OK, "%s",
                 err.message);
    cr_assert_eq(lx.n, 3);
    cr_assert_str_eq(lx.entries[0].term, "jews");
    cr_assert_str_eq(lx.entries[1].term, "muslims");
    cr_assert_str_eq(lx.entries[2].term, "vermin");
    char want[128];
    snprintf(want, sizeof want, "%s/b.tsv", tmpdir);
    cr_assert_str_eq(lx.entries[2].file, want);
    dc_lexicon_free(&std_al, &lx);
}

Test(lexicon, directory_errors_name_the_path, .init = dir_setup,
     .fini = dir_teardown)
{
    dc_lexicon lx;
    decorum_error err;
    /* No lexicon at all is an error, not a silent empty lexicon. */
    cr_assert_eq(dc_lexicon_load(&std_al, &lx, tmpdir, &err), DECORUM_ERR_IO);
    cr_assert(strstr(err.message, tmpdir) != NULL, "%s", err.message);
    cr_assert_eq(lx.n, 0);

    cr_assert_eq(dc_lexicon_load(&std_al, &lx, "/nonexistent/decorum", &err),
                 DECORUM_ERR_IO);
    cr_assert(strstr(err.message, "/nonexistent/decorum") != NULL, "%s",
              err.message);

    write_file("a.tsv", "jews\tidentity\treligion:jewish\t-\tnoun\tJews\n");
    write_file("c.tsv", "# fine\n\nvermin\tdehumanise\t-\t3\t-\tvermin\n");
    cr_assert_eq(dc_lexicon_load(&std_al, &lx, tmpdir, &err),
                 DECORUM_ERR_FORMAT);
    char want[128];
    snprintf(want, sizeof want, "%s/c.tsv:3: unknown kind \"dehumanise\"",
             tmpdir);
    cr_assert_str_eq(err.message, want);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(lx.n, 0);
    cr_assert_null(lx.entries);

    /* An unreadable entry: a directory named like a lexicon file. */
    char sub[128];
    snprintf(sub, sizeof sub, "%s/c.tsv", tmpdir);
    unlink(sub);
    cr_assert_eq(mkdir(sub, 0700), 0);
    cr_assert_eq(dc_lexicon_load(&std_al, &lx, tmpdir, &err), DECORUM_ERR_IO);
    cr_assert(strstr(err.message, sub) != NULL, "%s", err.message);
    rmdir(sub);
}

Test(lexicon, directory_load_survives_every_allocation_failure,
     .init = dir_setup, .fini = dir_teardown)
{
    write_file("a.tsv", good);
    write_file("b.tsv", "vermin\tdehumanize\t-\t3\t-\tvermin\n");
    size_t successes = 0;
    for (size_t n = 0; n < 1000 && successes == 0; n++) {
        counting c;
        decorum_allocator a = counting_init(&c, n);
        dc_alloc al;
        dc_alloc_init(&al, &a);
        dc_lexicon lx;
        decorum_error err;
        decorum_status st = dc_lexicon_load(&al, &lx, tmpdir, &err);
        if (st == DECORUM_OK) {
            cr_assert_eq(lx.n, 8);
            successes++;
        } else {
            cr_assert_eq(st, DECORUM_ERR_NOMEM, "failing call %zu: %d %s", n,
                         st, err.message);
            cr_assert_eq(lx.n, 0);
        }
        dc_lexicon_free(&al, &lx);
        cr_assert_eq(c.live, 0, "failing call %zu: %ld blocks leaked", n,
                     c.live);
        cr_assert_eq(c.bytes, 0, "failing call %zu", n);
    }
    cr_assert_eq(successes, 1);
}

Test(lexicon, builtin_lexicon_parses, .init = std_setup)
{
    dc_lexicon lx;
    decorum_error err;
    cr_assert_eq(dc_lexicon_load(&std_al, &lx, NULL, &err), DECORUM_OK, "%s",
                 err.message);
    if (dc_builtin_lexicon_count > 0) {
        cr_assert_gt(lx.n, 0);
        for (size_t i = 0; i < lx.n; i++) {
            cr_assert_gt(lx.entries[i].term_len, 0);
            cr_assert_lt(lx.entries[i].kind, DC_N_KINDS);
        }
    }
    dc_lexicon_free(&std_al, &lx);
}

/* The built-in lexicon loads from its build-time image (tools/lexdb.c);
 * it must be exactly what parsing the embedded TSV text gives: same
 * entries, same fields, same string arena. */
Test(lexicon, builtin_image_equals_parsed_text, .init = std_setup)
{
    /* The build always embeds both (data/lexicon is in the tree); the
     * engine reads only the image. */
    cr_assert_gt(dc_builtin_lexicon_count, 0);
    cr_assert_eq(dc_builtin_lexdb_count, 1);
    cr_assert_gt(dc_builtin_lexdb[0].len, 0, "the lexicon image is empty");
    dc_lexicon img, txt;
    memset(&txt, 0, sizeof txt);
    decorum_error err;
    cr_assert_eq(dc_lexicon_load(&std_al, &img, NULL, &err), DECORUM_OK, "%s",
                 err.message);
    for (size_t i = 0; i < dc_builtin_lexicon_count; i++) {
        const dc_blob *b = &dc_builtin_lexicon[i];
        cr_assert_eq(dc_lexicon_parse(&std_al, &txt, b->name,
                                      (const char *)b->data, b->len, &err),
                     DECORUM_OK, "%s", err.message);
    }
    cr_assert_gt(img.n, 1000);
    /* Loaded in place and without the terms' UTF-8 check: the image passes
     * every check of an image from outside too. */
    cr_assert(img.borrowed);
    dc_lexicon checked;
    cr_assert_eq(dc_lexicon_from_image(&std_al, &checked,
                                       dc_builtin_lexdb[0].data,
                                       dc_builtin_lexdb[0].len, &err),
                 DECORUM_OK, "%s", err.message);
    cr_assert(!checked.borrowed);
    cr_assert_eq(checked.n, img.n);
    dc_lexicon_free(&std_al, &checked);
    cr_assert_eq(img.n, txt.n);
    cr_assert_eq(img.strings_size, txt.strings_size);
    cr_assert_eq(memcmp(img.strings, txt.strings, img.strings_size), 0);
    for (size_t i = 0; i < img.n; i++) {
        const dc_entry *a = &img.entries[i], *b = &txt.entries[i];
        cr_assert_eq(a->term - img.strings, b->term - txt.strings, "entry %zu", i);
        cr_assert_eq(a->group - img.strings, b->group - txt.strings);
        cr_assert_eq(a->groups - img.strings, b->groups - txt.strings);
        cr_assert_eq(a->why - img.strings, b->why - txt.strings);
        cr_assert_eq(a->file - img.strings, b->file - txt.strings);
        cr_assert_eq(a->term_len, b->term_len);
        cr_assert_eq(a->kind, b->kind);
        cr_assert_eq(a->severity, b->severity);
        cr_assert_eq(a->flags, b->flags);
        cr_assert_eq(a->categories, b->categories);
        cr_assert_eq(a->line, b->line);
        /* the lengths the rules quote reasons by, set by both loaders */
        cr_assert_eq(a->why_len, strlen(a->why), "entry %zu", i);
        cr_assert_eq(b->why_len, strlen(b->why), "entry %zu", i);
        cr_assert_eq(a->group_len, strlen(a->group), "entry %zu", i);
        cr_assert_eq(b->group_len, strlen(b->group), "entry %zu", i);
    }
    dc_lexicon_free(&std_al, &img);
    dc_lexicon_free(&std_al, &txt);
}

/* A damaged image is refused with a status, never read out of bounds:
 * every truncation, and single bytes flipped in the header and records. */
Test(lexicon, damaged_image_is_refused, .init = std_setup)
{
    dc_lexicon lx;
    memset(&lx, 0, sizeof lx); /* parse appends */
    decorum_error err;
    cr_assert_eq(parse(&lx, "good.tsv", good, &err), DECORUM_OK, "%s",
                 err.message);
    unsigned char *img = NULL;
    size_t len = 0;
    cr_assert_eq(dc_lexicon_image(&std_al, &lx, &img, &len, &err), DECORUM_OK);
    dc_lexicon back;
    cr_assert_eq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                 DECORUM_OK, "%s", err.message);
    cr_assert_eq(back.n, lx.n);
    cr_assert_str_eq(back.entries[0].term, "jews");
    cr_assert_str_eq(back.entries[0].group, "jewish");
    cr_assert_str_eq(back.entries[0].file, "good.tsv");
    dc_lexicon_free(&std_al, &back);
    for (size_t cut = 0; cut < len; cut++) {
        unsigned char *t = malloc(cut ? cut : 1); /* exact size, for ASan */
        memcpy(t, img, cut);
        cr_assert_neq(dc_lexicon_from_image(&std_al, &back, t, cut, &err),
                      DECORUM_OK, "truncated to %zu", cut);
        cr_assert_eq(back.n, 0);
        free(t);
    }
    /* Magic, version, counts, and the first record's term offset and
     * length and its group column's offset: each pushed out of range must
     * be caught. */
    static const size_t at[] = {0, 4, 8, 12, 16, 20, 16 + 36};
    /* The first record's stored lengths of group and why (bytes 44 and 46,
     * image version 7), which the built-in image is read with unchecked:
     * the checked load must refuse one that is not its string's. */
    for (size_t k = 44; k <= 46; k += 2) {
        img[16 + k] ^= 0x01;
        cr_assert_neq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                      DECORUM_OK, "stored length at byte %zu", k);
        img[16 + k] ^= 0x01;
    }
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        img[at[k] + 3] ^= 0x40;
        cr_assert_neq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                      DECORUM_OK, "byte %zu", at[k] + 3);
        img[at[k] + 3] ^= 0x40;
    }
    /* The first record's sense field (flag bits 41 to 48, bits 1 to 7 of
     * its byte 33 and bit 0 of byte 34, since session 56's image version
     * 6): the last sense is read back as it is; one past it is refused, or
     * DC_SENSE_OF would hand the rules a sense no entry can name (the
     * bound, not only a far value: an off-by-one in the check fails). */
    {
        unsigned char *b33 = img + 16 + 33, *b34 = img + 16 + 34;
        const unsigned char keep33 = *b33, keep34 = *b34;
        const unsigned last = DC_SENSE_N_ - 1, past = DC_SENSE_N_;
        *b33 = (unsigned char)((keep33 & 1) | (last & 127) << 1);
        *b34 = (unsigned char)((keep34 & ~1u) | (last >> 7 & 1));
        cr_assert_eq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                     DECORUM_OK, "the last sense: %s", err.message);
        cr_assert_eq(DC_SENSE_OF(back.entries[0].flags), last);
        dc_lexicon_free(&std_al, &back);
        *b33 = (unsigned char)((keep33 & 1) | (past & 127) << 1);
        *b34 = (unsigned char)((keep34 & ~1u) | (past >> 7 & 1));
        cr_assert_neq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                      DECORUM_OK, "one past the last sense");
        *b33 = keep33;
        *b34 = keep34;
    }
    /* The first record's flag bits 49 to 55 (byte 34 past the sense's
     * bit 0): `frame` (bit 49) is read back; a bit past DC_F_ALL is
     * refused. */
    {
        unsigned char *b34 = img + 16 + 34, keep = *b34;
        *b34 = (unsigned char)(keep | 2);
        cr_assert_eq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                     DECORUM_OK, "flag frame: %s", err.message);
        cr_assert(back.entries[0].flags & DC_F_FRAME);
        dc_lexicon_free(&std_al, &back);
        *b34 = (unsigned char)(keep | 4);
        cr_assert_neq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                      DECORUM_OK, "a flag past DC_F_ALL");
        *b34 = keep;
    }
    /* The first term's second byte made a NUL, then a byte that is not
     * UTF-8: the lengths still add up, the term must be refused. The
     * image: a 16-byte header, 48-byte records, then the strings. */
    size_t n = img[8] | (size_t)img[9] << 8;
    size_t term = img[16] | (size_t)img[17] << 8;
    unsigned char *second = img + 16 + 48 * n + term + 1;
    static const unsigned char bad[] = {0x00, 0xFF, 0xC0, 0xED};
    unsigned char was = *second;
    for (size_t k = 0; k < sizeof bad; k++) {
        *second = bad[k];
        cr_assert_neq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                      DECORUM_OK, "term byte 0x%02X", bad[k]);
        cr_assert_eq(back.n, 0);
    }
    *second = was;
    cr_assert_eq(dc_lexicon_from_image(&std_al, &back, img, len, &err),
                 DECORUM_OK, "%s", err.message);
    dc_lexicon_free(&std_al, &back);
    dc_free(&std_al, img, len);
    dc_lexicon_free(&std_al, &lx);
}

/* Three flags: `copula` marks a negator that is a linking verb ("aren't"),
 * so the rules read "X aren't human" as denying what follows and "X don't
 * hate people" not; `star` a term that owns its star forms (f*** = fuck);
 * `will` a pronoun holding the writer's will ("I'll hurt you" threatens). */
Test(lexicon, parses_the_copula_star_and_will_flags, .init = std_setup)
{
    dc_lexicon lx = {0};
    decorum_error err;
    cr_assert_eq(parse(&lx, "g.tsv",
                       "aren't\tnegation\t-\t-\tnofuzzy,copula\tnegator\n"
                       "dont\tnegation\t-\t-\tnofuzzy\tnegator\n"
                       "fuck\tprofanity\t-\t2\tstar\tswearing\n"
                       "i'll\tpronoun_self\t-\t-\tnofuzzy,will\tthe writer\n",
                       &err),
                 DECORUM_OK, "%s", err.message);
    cr_assert_eq(lx.n, 4);
    cr_assert_eq(lx.entries[0].flags, DC_F_NOFUZZY | DC_F_COPULA);
    cr_assert_eq(lx.entries[1].flags, DC_F_NOFUZZY);
    cr_assert_eq(lx.entries[2].flags, DC_F_STAR);
    cr_assert_eq(lx.entries[3].flags, DC_F_NOFUZZY | DC_F_WILL);
    dc_lexicon_free(&std_al, &lx);
}
