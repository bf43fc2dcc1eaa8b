/*
 * ucdgen.c: writes the normalizer's stage-1 tables (lib/ucd.h) as C.
 *
 *   ucdgen OUT.c
 *
 * Computes every code point's entry with ICU (tools/ucd_ref.c), stores an
 * entry whose output is one code point a fixed distance from its input as
 * that distance, and shares equal entries and equal blocks. Entry 0 is
 * U+0000's: the code point itself, no flags (dc_ucd_get() relies on it).
 * Deterministic: the same ICU gives the same file.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ucd_ref.h"

#define MAX_ENTRIES 65535u

/* A hash set of byte strings of one fixed size, handing out indexes in
 * the order they were first added. */
typedef struct {
    size_t size;     /* bytes an item */
    size_t max;      /* items at most (set_add exits past it) */
    size_t n, cap;   /* items, slots (a power of two, twice max at least) */
    unsigned char *items;
    uint32_t *slots; /* index + 1, 0 empty */
} set;

static uint64_t hash(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fprintf(stderr, "ucdgen: out of memory\n");
        exit(1);
    }
    return p;
}

static void set_init(set *s, size_t size, size_t max)
{
    s->size = size;
    s->max = max;
    s->n = 0;
    s->cap = 1;
    while (s->cap < 2 * max)
        s->cap *= 2;
    s->items = xcalloc(max, size);
    s->slots = xcalloc(s->cap, sizeof *s->slots);
}

/* The index of item in s, added if new. */
static uint32_t set_add(set *s, const void *item)
{
    size_t k = (size_t)hash(item, s->size) & (s->cap - 1);
    for (; s->slots[k]; k = (k + 1) & (s->cap - 1)) {
        uint32_t i = s->slots[k] - 1;
        if (memcmp(s->items + (size_t)i * s->size, item, s->size) == 0)
            return i;
    }
    if (s->n == s->max) {
        fprintf(stderr, "ucdgen: more than %zu distinct items\n", s->max);
        exit(1);
    }
    memcpy(s->items + s->n * s->size, item, s->size);
    s->slots[k] = (uint32_t)++s->n;
    return (uint32_t)(s->n - 1);
}

/* The code point that is all of p[0, n), or -1. */
static int64_t one_cp(const char *p, size_t n)
{
    uint32_t x;
    if (n == 0 || dc_utf8_decode((const unsigned char *)p, n, &x) != n)
        return -1;
    return x;
}

/* The table entry for cp's result e: the distance form where it fits. */
static void encode(uint32_t cp, const dc_ucd_cp *e, dc_ucd_entry *t)
{
    memset(t, 0, sizeof *t); /* padding too: entries are compared as bytes */
    t->how = e->how;
    t->flags = e->flags;
    int64_t o = one_cp(e->out, e->len), a = one_cp(e->alt, e->alt_len);
    /* ASCII stays spelled out: "a" is shared by every letter that
     * becomes a, where distances would differ. */
    if (o >= 0x80 && (a < 0 || a == o)) {
        t->self = DC_UCD_SELF_OUT | (a == o ? DC_UCD_SELF_ALT : 0);
        t->delta = (int32_t)(o - (int64_t)cp);
    } else if (a >= 0x80) {
        t->self = DC_UCD_SELF_ALT;
        t->delta = (int32_t)(a - (int64_t)cp);
    }
    if (!(t->self & DC_UCD_SELF_OUT)) {
        t->len = e->len;
        memcpy(t->out, e->out, e->len);
    }
    if (!(t->self & DC_UCD_SELF_ALT)) {
        t->alt_len = e->alt_len;
        memcpy(t->alt, e->alt, e->alt_len);
    }
}

static void bytes(FILE *f, const uint8_t *p, size_t n)
{
    size_t used = n;
    while (used > 0 && p[used - 1] == 0)
        used--;
    fputc('{', f);
    if (used == 0)
        fputc('0', f);
    for (size_t i = 0; i < used; i++)
        fprintf(f, "%s%u", i ? "," : "", p[i]);
    fputc('}', f);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: ucdgen OUT.c\n");
        return 2;
    }
    char err[128];
    dc_ucd_ref *r = dc_ucd_ref_open(err, sizeof err);
    if (!r) {
        fprintf(stderr, "ucdgen: %s\n", err);
        return 1;
    }
    set entries, blocks;
    set_init(&entries, sizeof(dc_ucd_entry), MAX_ENTRIES);
    set_init(&blocks, DC_UCD_BLOCK * sizeof(uint16_t), DC_UCD_BLOCKS);
    static uint16_t stage1[DC_UCD_BLOCKS];
    for (uint32_t b = 0; b < DC_UCD_BLOCKS; b++) {
        uint16_t row[DC_UCD_BLOCK];
        for (uint32_t k = 0; k < DC_UCD_BLOCK; k++) {
            uint32_t cp = b << DC_UCD_BITS | k;
            dc_ucd_entry t;
            if (cp >= 0x80 && (cp < 0xd800 || cp > 0xdfff)) {
                dc_ucd_cp e;
                memset(&e, 0, sizeof e);
                dc_ucd_ref_compute(r, cp, &e);
                encode(cp, &e, &t);
            } else {
                /* ASCII never reaches the tables, and valid UTF-8 holds
                 * no surrogate: both pass through as they are. */
                memset(&t, 0, sizeof t);
                t.self = DC_UCD_SELF_OUT;
            }
            row[k] = (uint16_t)set_add(&entries, &t);
        }
        stage1[b] = (uint16_t)set_add(&blocks, row);
    }
    char versions[64];
    dc_ucd_ref_versions(versions, sizeof versions);
    dc_ucd_ref_close(r);

    /* Written beside, then renamed: a failed write leaves no partial file
     * that make would take as up to date. */
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]) >= (int)sizeof tmp) {
        fprintf(stderr, "ucdgen: path too long\n");
        return 1;
    }
    FILE *f = fopen(tmp, "w");
    if (!f) {
        perror(tmp);
        return 1;
    }
    fprintf(f, "/* Generated by tools/ucdgen.c from %s: %zu entries, %zu "
               "rows. Do not edit. */\n#include \"ucd.h\"\n\n",
            versions, entries.n, blocks.n);
    fprintf(f, "const char dc_ucd_source[] = \"%s\";\n\n", versions);
    fprintf(f, "const uint16_t dc_ucd_stage1[DC_UCD_BLOCKS] = {");
    for (size_t b = 0; b < DC_UCD_BLOCKS; b++)
        fprintf(f, "%s%u", b == 0 ? "\n" : b % 16 ? "," : ",\n", stage1[b]);
    fprintf(f, "};\n\nconst uint16_t dc_ucd_stage2[] = {");
    const uint16_t *rows = (const uint16_t *)(const void *)blocks.items;
    for (size_t i = 0; i < blocks.n * DC_UCD_BLOCK; i++)
        fprintf(f, "%s%u", i == 0 ? "\n" : i % 16 ? "," : ",\n", rows[i]);
    fprintf(f, "};\n\nconst dc_ucd_entry dc_ucd_entries[] = {\n");
    const dc_ucd_entry *es = (const dc_ucd_entry *)(const void *)entries.items;
    for (size_t i = 0; i < entries.n; i++) {
        const dc_ucd_entry *t = &es[i];
        fprintf(f, "{%d,%u,%u,%u,%u,%u,{0},", (int)t->delta, t->len, t->how,
                t->flags, t->alt_len, t->self);
        bytes(f, t->out, DC_UCD_OUT_MAX);
        fputc(',', f);
        bytes(f, t->alt, DC_UCD_ALT_MAX);
        fprintf(f, "},\n");
    }
    fprintf(f, "};\n");
    if (ferror(f) | fclose(f)) {
        perror(tmp);
        remove(tmp);
        return 1;
    }
    if (rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        remove(tmp);
        return 1;
    }
    free(entries.items);
    free(entries.slots);
    free(blocks.items);
    free(blocks.slots);
    return 0;
}
