/*
 * lexdb: parses the built-in lexicon at build time and writes its image
 * (entries and string arena, docs/LEXICON.md "Built-in image") to a file
 * that tools/embed.c turns into dc_builtin_lexdb[]. Loading the built-in
 * lexicon then copies the image instead of parsing some 4,000 lines of TSV
 * at every start (about 13M instructions, most of the engine's load time).
 *
 *   lexdb OUT.bin
 *
 * It is linked with the lexicon parser and the embedded TSV text, which
 * it parses file by file as dc_lexicon_load parses a directory: the image
 * is by construction what the parser makes. lib/lexicon.c refers to
 * dc_builtin_lexdb, so it is defined here, empty.
 *
 * The engine reads the built-in image without checking its entries (their
 * offsets, lengths and flags: docs/LEXICON.md), trusting it to be what this
 * program wrote. So before writing it, lexdb reads the image back through
 * the checked loader, as an image from outside is read, and compares every
 * entry with the parser's: a build whose image is not exactly the lexicon
 * fails here rather than in a run.
 */
#include "decorum_int.h"

#include <stdio.h>
#include <string.h>

const dc_blob dc_builtin_lexdb[] = {{NULL, NULL, 0}};
const size_t dc_builtin_lexdb_count = 0;

static bool same_str(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Whether entry i read back from the image is the parser's entry i, field
 * by field (a differing field is named on stderr). */
static bool same_entry(size_t i, const dc_entry *a, const dc_entry *b)
{
    const char *bad = NULL;
    if (!same_str(a->term, b->term) || a->term_len != b->term_len)
        bad = "term";
    else if (a->kind != b->kind || a->severity != b->severity)
        bad = "kind or severity";
    else if (a->flags != b->flags || a->categories != b->categories)
        bad = "flags or categories";
    else if (!same_str(a->group, b->group) || a->group_len != b->group_len ||
             !same_str(a->groups, b->groups))
        bad = "group";
    else if (!same_str(a->why, b->why) || a->why_len != b->why_len)
        bad = "why";
    else if (!same_str(a->file, b->file) || a->line != b->line)
        bad = "file or line";
    if (bad)
        fprintf(stderr, "lexdb: entry %zu (%s) read back with another %s\n",
                i, a->term ? a->term : "?", bad);
    return bad == NULL;
}

/* Reads the image back with every check an outside image gets, and
 * compares it with the lexicon it was made from. */
static bool image_checks(const dc_alloc *al, const dc_lexicon *lx,
                         const unsigned char *img, size_t len)
{
    dc_lexicon back = {0};
    decorum_error err;
    if (dc_lexicon_from_image(al, &back, img, len, &err) != DECORUM_OK) {
        fprintf(stderr, "lexdb: the image does not load back: %s\n",
                err.message);
        return false;
    }
    bool ok = back.n == lx->n;
    if (!ok)
        fprintf(stderr, "lexdb: %zu entries read back of %zu\n", back.n,
                lx->n);
    for (size_t i = 0; ok && i < lx->n; i++)
        ok = same_entry(i, &lx->entries[i], &back.entries[i]);
    dc_lexicon_free(al, &back);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: lexdb OUT.bin\n");
        return 2;
    }
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_lexicon lx = {0};
    decorum_error err;
    unsigned char *img = NULL;
    size_t len = 0;
    decorum_status st = DECORUM_OK;
    for (size_t i = 0; i < dc_builtin_lexicon_count && st == DECORUM_OK; i++) {
        const dc_blob *b = &dc_builtin_lexicon[i];
        st = dc_lexicon_parse(&al, &lx, b->name, (const char *)b->data,
                              b->len, &err);
    }
    if (st == DECORUM_OK)
        st = dc_lexicon_image(&al, &lx, &img, &len, &err);
    if (st != DECORUM_OK) {
        fprintf(stderr, "lexdb: %s\n", err.message);
        dc_lexicon_free(&al, &lx);
        return 1;
    }
    if (!image_checks(&al, &lx, img, len)) {
        dc_free(&al, img, len);
        dc_lexicon_free(&al, &lx);
        return 1;
    }
    FILE *f = fopen(argv[1], "wb");
    if (!f || (len && fwrite(img, 1, len, f) != len) || fclose(f) != 0) {
        perror(argv[1]);
        dc_free(&al, img, len);
        dc_lexicon_free(&al, &lx);
        return 1;
    }
    printf("lexdb: %zu entries, %zu bytes of strings, image %zu bytes\n",
           lx.n, lx.strings_size, len);
    dc_free(&al, img, len);
    dc_lexicon_free(&al, &lx);
    return 0;
}
