/*
 * matchdb: builds the built-in lexicon's matcher at build time (the word
 * hash, phrase prefixes, run-together automaton, pattern table and the
 * Vectorscan database) and writes it, serialized (dc_matcher_blob), to a
 * file that tools/embed.c then turns into dc_builtin_matchdb[] (see
 * docs/MATCH.md). Loading the built-in lexicon then only checks the blob
 * and points into it, instead of building all that at every start.
 *
 *   matchdb OUT.bin
 *
 * It is linked with the library's lexicon and matcher sources and the
 * embedded lexicon, and defines an empty dc_builtin_matchdb itself, so it
 * always builds. With an empty lexicon it writes an empty file, which
 * embeds as a blob that never matches.
 */
#include "decorum_int.h"

#include <stdio.h>
#include <time.h>

const dc_blob dc_builtin_matchdb[] = {{NULL, NULL, 0}};
const size_t dc_builtin_matchdb_count = 0;

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: matchdb OUT.bin\n");
        return 2;
    }
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    dc_lexicon lx;
    decorum_error err;
    unsigned char *blob = NULL;
    size_t len = 0;
    if (dc_lexicon_load(&al, &lx, NULL, &err) != DECORUM_OK) {
        fprintf(stderr, "matchdb: %s\n", err.message);
        return 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    decorum_status st = lx.n > 0 ? dc_matcher_blob(&al, &lx, &blob, &len, &err)
                                 : DECORUM_OK;
    if (st != DECORUM_OK && st != DECORUM_ERR_EMPTY) {
        fprintf(stderr, "matchdb: %s\n", err.message);
        dc_lexicon_free(&al, &lx);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    FILE *f = fopen(argv[1], "wb");
    if (!f || (len && fwrite(blob, 1, len, f) != len) || fclose(f) != 0) {
        perror(argv[1]);
        dc_free(&al, blob, len);
        dc_lexicon_free(&al, &lx);
        return 1;
    }
    printf("matchdb: %zu entries, %zu bytes serialized in %.0f ms\n", lx.n,
           len,
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
               (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    dc_free(&al, blob, len);
    dc_lexicon_free(&al, &lx);
    return 0;
}
