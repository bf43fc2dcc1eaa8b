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
 */
#include "decorum_int.h"

#include <stdio.h>

const dc_blob dc_builtin_lexdb[] = {{NULL, NULL, 0}};
const size_t dc_builtin_lexdb_count = 0;

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
