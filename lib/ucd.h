/*
 * ucd.h: stage 1 of the normalizer (lib/normalize.c) as tables. What every
 * non-ASCII code point becomes (NFKC with case folding, marks stripped,
 * look-alike letters mapped to ASCII, see tools/ucd_ref.c) is computed at
 * build time with ICU by tools/ucdgen.c, which writes the tables below into
 * the build directory (builtin_ucd.c). At run time the library reads them
 * and links no ICU: a code point is two array reads and an entry copy,
 * where ICU took about 5K instructions the first time each thread met it,
 * and loading ICU's libraries took a quarter of a `decorum score` start.
 *
 * Layout: the code points in blocks of DC_UCD_BLOCK; dc_ucd_stage1 gives
 * each block's row in dc_ucd_stage2 (rows with the same entries are
 * shared), whose DC_UCD_BLOCK values index dc_ucd_entries. An entry whose
 * output is one code point a fixed distance from its input (a case pair,
 * most letters of a script that pass through) stores that distance
 * instead of the bytes, so that whole blocks share one row.
 */
#ifndef DECORUM_UCD_H
#define DECORUM_UCD_H

#include <stdint.h>
#include <string.h>

#include "decorum_int.h"

#define DC_UCD_OUT_MAX 16
#define DC_UCD_ALT_MAX 8
#define DC_UCD_BITS 7
#define DC_UCD_BLOCK (1u << DC_UCD_BITS)
#define DC_UCD_CPS 0x110000u
#define DC_UCD_BLOCKS (DC_UCD_CPS >> DC_UCD_BITS)

/* dc_ucd_cp.flags */
#define DC_UCD_WORD 0x01u    /* letter, digit, mark or invisible: inside words */
#define DC_UCD_GUARD 0x02u   /* Cyrillic/Greek/Armenian letter mapped to
                              * ASCII; alt holds it unmapped */
#define DC_UCD_FOREIGN 0x04u /* Cyrillic/Greek/Armenian letter with no ASCII
                              * look-alike */
#define DC_UCD_SPLIT 0x08u   /* a squared-word emoji (🆗 ok): a word of its
                              * own beside plain letters (normalize.c) */

/* dc_ucd_entry.self */
#define DC_UCD_SELF_OUT 0x01u /* out is the code point cp + delta */
#define DC_UCD_SELF_ALT 0x02u /* alt is the code point cp + delta */

/* Stage 1's result for one code point: out replaces it (possibly with
 * nothing); how is the DC_EV_* bits its bytes carry; with DC_UCD_GUARD,
 * alt is what replaces it in a word that keeps its letters unmapped. */
typedef struct dc_ucd_cp {
    uint8_t len;
    uint8_t how;
    uint8_t flags; /* DC_UCD_* */
    uint8_t alt_len;
    char out[DC_UCD_OUT_MAX];
    char alt[DC_UCD_ALT_MAX];
} dc_ucd_cp;

/* One shared entry (see the layout above). */
typedef struct dc_ucd_entry {
    int32_t delta;
    uint8_t len, how, flags, alt_len, self;
    uint8_t spare[3]; /* zero; no padding, as ucdgen compares entries as bytes */
    uint8_t out[DC_UCD_OUT_MAX];
    uint8_t alt[DC_UCD_ALT_MAX];
} dc_ucd_entry;

_Static_assert(sizeof(dc_ucd_entry) == 36, "dc_ucd_entry has no padding");

extern const uint16_t dc_ucd_stage1[DC_UCD_BLOCKS];
extern const uint16_t dc_ucd_stage2[];
extern const dc_ucd_entry dc_ucd_entries[];
/* The ICU and Unicode versions the tables were made with. */
extern const char dc_ucd_source[];

/* Fills *e with what cp becomes. A code point past U+10FFFF (which valid
 * UTF-8 cannot hold) passes through as it is: entry 0, U+0000's, is the
 * code point itself with no flags (tools/ucdgen.c makes it first). */
static inline void dc_ucd_get(uint32_t cp, dc_ucd_cp *e)
{
    const dc_ucd_entry *t = &dc_ucd_entries[0];
    if (cp < DC_UCD_CPS)
        t = &dc_ucd_entries[dc_ucd_stage2[(size_t)dc_ucd_stage1[cp >> DC_UCD_BITS]
                                              << DC_UCD_BITS |
                                          (cp & (DC_UCD_BLOCK - 1))]];
    e->how = t->how;
    e->flags = t->flags;
    uint32_t x = cp + (uint32_t)t->delta; /* wraps: defined */
    if (t->self & DC_UCD_SELF_OUT) {
        e->len = (uint8_t)dc_utf8_encode(x, e->out);
    } else {
        e->len = t->len;
        memcpy(e->out, t->out, DC_UCD_OUT_MAX);
    }
    if (t->self & DC_UCD_SELF_ALT) {
        e->alt_len = (uint8_t)dc_utf8_encode(x, e->alt);
    } else {
        e->alt_len = t->alt_len;
        memcpy(e->alt, t->alt, DC_UCD_ALT_MAX);
    }
}

#endif /* DECORUM_UCD_H */
