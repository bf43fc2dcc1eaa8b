/*
 * lexdebug: shows what the matcher sees in a text, for lexicon and rule
 * work: the normalized text and every lexicon hit with its kind, flags and
 * how it matched. Built with the library's internals (not a product).
 *
 *   lexdebug "some text" [LEXICON_DIR]
 */
#include "decorum_int.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: lexdebug TEXT [LEXICON_DIR]\n");
        return 2;
    }
    dc_alloc al;
    dc_alloc_init(&al, NULL);
    decorum_error err = {0};
    dc_lexicon lx = {0};
    dc_normalizer *nz = NULL;
    dc_norm_scratch *ns = NULL;
    dc_matcher *m = NULL;
    dc_match_scratch *ms = NULL;
    dc_norm n = {0};
    dc_hitvec hv = {0};
    int rc = 1;
    const char *text = argv[1];
    if (dc_lexicon_load(&al, &lx, argc > 2 ? argv[2] : NULL, &err) ||
        dc_normalizer_new(&al, &nz, &err) ||
        dc_norm_scratch_new(&al, nz, &ns) ||
        dc_matcher_new(&al, &lx, &m, &err) || dc_match_scratch_new(&al, m, &ms) ||
        dc_normalize(&al, nz, ns, text, strlen(text), 1u << 24, &n) ||
        dc_match(&al, m, ms, &n, &hv)) {
        fprintf(stderr, "lexdebug: %s\n", err.message);
        goto out;
    }
    printf("normalized: %s\n", n.text);
    static const char *how[] = {"exact", "fuzzy", "compound", "masked"};
    for (size_t i = 0; i < hv.n; i++) {
        const dc_hit *h = &hv.v[i];
        const dc_entry *e = &lx.entries[h->entry];
        printf("  [%u,%u) %-20.*s %-13s %-8s sev=%u flags=0x%04llx group=%s "
               "(%s:%u)\n",
               h->begin, h->end, (int)(h->end - h->begin), n.text + h->begin,
               dc_kind_name((dc_kind)e->kind), how[h->how & 3], e->severity,
               (unsigned long long)e->flags, e->group, e->file, e->line);
    }
    rc = 0;
out:
    dc_hitvec_release(&al, &hv);
    dc_norm_release(&al, &n);
    dc_match_scratch_free(&al, ms);
    dc_matcher_free(&al, m);
    dc_norm_scratch_free(&al, ns);
    dc_normalizer_free(&al, nz);
    dc_lexicon_free(&al, &lx);
    return rc;
}
