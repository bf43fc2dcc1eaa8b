/*
 * match.c: finds lexicon terms in normalized text: a word pass that looks
 * the text's words up in a hash of literals, and a small Vectorscan
 * block-mode database for the few literals that need a substring scan
 * (docs/MATCH.md has the design and the measured figures).
 *
 * Patterns. Entries that share a term form a *group*; every group gives
 * one exact pattern, and pattern id == group index for those. Then come
 * generated forms, each mapped to the group it came from:
 *   - verb forms a suffix check cannot find: "hating" for a verb entry
 *     "hate", "gassed" and "gassing" for "gas";
 *   - misspellings, for ASCII terms of the kinds where people evade
 *     filters: a doubled vowel or word-final letter (3+ letters; the
 *     normalizer cuts runs of 3+ to 2, so "haaaate" arrives as "haate"),
 *     one interior vowel masked with '*' and all of them (3+ letters:
 *     "f*ck", "n*gg*r"; the normalizer turns word-internal masking symbols
 *     into '*'), and for 5+ letters an interior letter dropped or two
 *     adjacent letters swapped (the two middle letters of a 4-letter
 *     severe slur too, even nofuzzy). Only interior letters are dropped:
 *     dropping an edge letter mostly makes real words ("bitch" -> "itch").
 *     nofuzzy stops all of these but the masked forms: a '*' inside a
 *     word is deliberate, and no innocent word holds one.
 *   - star forms for slurs, profanity and insults of 4 to 24 letters, as
 *     the normalizer writes "f@#%" or "n****r": "f***", "n****r"; only
 *     when one such term has that first letter, last letter and length.
 * A generated form equal to any term (allow entries included: "niger") or
 * to an earlier generated form is dropped, so every literal appears once
 * and a term always wins over a misspelling of another term.
 *
 * What a match means (report()). An occurrence of a literal at [b, e) is
 * judged on the normalized text, where word bytes are [a-z0-9] and every
 * non-ASCII byte; an apostrophe between word bytes, or a run of '*' after
 * one, joins words ("don't", "n****r"):
 *   - a boundary is needed on a side only if the term's character on that
 *     side is ASCII alphanumeric, an apostrophe ("'re" does not match in
 *     "they're") or a non-ASCII code point below U+2000 (letters of
 *     alphabetic scripts); emoji, symbols and punctuation such as "(((" need
 *     none;
 *   - on the right, inflections are accepted and included in the hit:
 *     's s' es s for every entry, and ing ers ed er d (rs r after a final
 *     e) for verb entries; not after terms under 3 bytes ("is" is not
 *     "i" + s);
 *   - terms of one or two bytes of [a-z0-9] are looked up as whole words
 *     (see SHORT_SLOTS).
 * A match inside a longer token is kept only for compound-eligible entries
 * (flag compound, or a slur, threat or identity term of 3+ letters), and
 * only when the whole token splits into exact single-word lexicon terms,
 * each optionally followed by a plural s, with the match as one of the
 * pieces: "killalljews" = kill + all + jew(s), while "scunthorpe" and
 * "jewshere" do not split. A one-byte piece may only start the token
 * ("arabia" is not arab + i + a), and a token that is an allow term does
 * not split ("japan"). Such matches are recorded as candidates, and
 * resolve_compounds splits their tokens after the passes.
 *
 * Finding the occurrences. The result must be exactly what reporting
 * every occurrence of every literal would give; most occurrences cannot
 * give anything, and the passes look only where one can:
 *   - A literal that needs a boundary on both sides, starts with a word
 *     byte and ends with a word byte or '*' can give a hit only from a word
 *     start to where a word may end, or to where an inflection ending there
 *     starts (word_ends). Such literals, single words and phrases with all
 *     their forms (31 000 of 31 900 for the built-in lexicon), are keys of
 *     an open-addressing hash (with a Bloom filter in front), and the word
 *     pass (match_words) hashes each word of the text once and looks up
 *     the few places a literal can end: one probe per word, and one per
 *     possible inflection. A phrase is followed word by word: the hash
 *     holds its leading words (HV_PREFIX), and the hash of the phrase so
 *     far goes on from one word's to the next (see match_words). A memo
 *     in the scratch remembers what a word is (its key's slot, a short
 *     term, a key's inflection, compound candidates), picked by the word's
 *     bytes, so that a frequent word costs no hash and no probe of the
 *     hash: the loop finds the word's end 16 bytes at a time and reads its
 *     memo pair, fetched while the word before was handled.
 *   - A compound-eligible literal can also give a candidate where it does
 *     not end a word or does not start one. Those are looked for only in
 *     words that can split into pieces around one (token_cands): a word
 *     that is a key knows it (HV_SPLIT, HV_INNER, computed at build), any
 *     other must contain a compound-eligible term (an Aho-Corasick automaton
 *     over them says) and split into pieces, or end with the first word of
 *     a compound-eligible phrase that may go on with the next word; the
 *     memo keeps those answers too (cands_gate).
 *   - What is left (emoji, CJK, "(((hugs)))", literals over 64 bytes: 72
 *     for the built-in lexicon) stays in Vectorscan, whose scan runs only
 *     on texts holding a byte such a literal starts with (db_may_match);
 *     and literals of 1 or 2 bytes that are not short terms are found by
 *     tiny_scan (see struct dc_matcher).
 * Hits are sorted at the end, so the order they are found in is free.
 *
 * Memory. The engine allocator holds the matcher's tables, the scratch's
 * vectors and the hits, and a database loaded from a blob (deserialized
 * in place: dc_matcher.db_bytes). A compiled database and hs_scratch are
 * allocated by Vectorscan's own allocator (malloc), released with
 * hs_free_database / hs_free_scratch: hs_set_*_allocator is process-wide
 * and would clash between engines with different allocators.
 *
 * Start-up. The build builds the matcher for the built-in lexicon and
 * serializes all of it, tables and Vectorscan database (tools/matchdb.c,
 * dc_matcher_blob, dc_builtin_matchdb[]). dc_matcher_new hashes the
 * lexicon it is given (terms, kinds, flags, categories, groups, and the
 * generator's and Vectorscan's versions) and uses a blob only when that
 * hash, the layout and every size agree (the built-in lexicon's own
 * image, from which the same build made the embedded blobs, is not hashed:
 * only the versions are compared); then the matcher points into the
 * blob (no copy when it is 8-byte aligned). A stale blob is never used:
 * any other lexicon is built and compiled at load. A blob given from
 * outside (dc_matcher_from_blob) must also pass a checksum and have its
 * tables in range; the embedded ones are part of the program, and a unit
 * test gives them those checks once instead of every start.
 */
#include "decorum_int.h"

#include <hs/hs.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h> /* word_runs_avx2, chosen at run time */
#define HAVE_AVX2_PATH 1
#endif

/* Bump when the generated literals or their meaning change, so that
 * databases serialized by an older generator are not used. */
#define GEN_VERSION 7u /* 7: discourse entries left out (session 47) */

#define MAX_PATTERNS (1u << 22)
#define MAX_PATTERN_BYTES (64u << 20)
#define MAX_HITS (1u << 20)
/* Longest run-together token checked for compounds; longer tokens are not
 * words people write. Sizes the stack arrays of the check. */
#define COMPOUND_MAX 64u
/* Generated forms are built in a stack buffer: terms longer than this get
 * none (the lexicon limits terms to 200 bytes). */
#define VARIANT_MAX 256u

/* The build-time blob: the whole matcher, tables and database (see
 * "The precompiled matcher" in docs/MATCH.md and blob_write()). */
#define BLOB_MAGIC "DCMATCH2"
#define BLOB_VERSION 7u /* 3: the split spellings' table (S_SPLIT); 4: its
                         * slots placed by dc_fnv1a64 from DC_FNV_BASIS; 5:
                         * the Bloom filter three bits in one word a key;
                         * 6: the run keys' own filter (S_WBLOOM); 7: F_S1
                         * by a first word's last four bytes (s1_slot) */
#define BLOB_HEADER 64u
#define BLOB_ALIGN 64u
#define BLOB_BOM 0x01020304u

/* Pattern bits. */
#define PB_LEFT 0x01u  /* needs a word boundary before it */
#define PB_RIGHT 0x02u /* needs a word boundary (or inflection) after it */
#define PB_INFL 0x04u  /* a generated verb form: verb entries only */
#define PB_SEG 0x08u   /* exact single-word term: a piece of compounds */
#define PB_COMP 0x10u  /* its group has a compound-eligible entry */
#define PB_TABLE 0x20u /* not in the database: word hash, short_tab, tiny */
#define PB_WORD 0x40u  /* a token that is this term is a word: no split */
#define PB_STARS 0x80u /* ends in '*': must not be followed by another */

/* Star forms ("f***", "n****r") are made for single words of this many
 * letters; the table of their owners is indexed [first][last][length]. */
#define STAR_MIN 4u
#define STAR_MAX 24u
#define STAR_SLOTS (26u * 27u * (STAR_MAX + 1u))

/* Short terms ("i", "a", "in", "88") are matched by a pass over the
 * text's words, not by Vectorscan: as literals they occur inside nearly
 * every word and would cost a callback each. They are looked up in a
 * table indexed by their bytes: 36 one-byte slots, then 36 * 36. */
#define SHORT_SLOTS (36u + 36u * 36u)
/* Literals that can only ever match from a word start to a word end
 * (plus an inflection) are not in the database either: single words and
 * their misspelled, masked and verb forms, and phrases and their forms.
 * The word pass looks the text's words up in an open-addressing hash of
 * them, whatever the number of forms (see match_words). The same hash
 * holds every exact single-word term, the pieces of run-together words,
 * and every phrase's leading words ("white" and "white power" for "white
 * power world wide"), which tell the word pass to look further. A slot
 * holds 32 bits of the key's hash, a value (HV_* flags and a pattern id),
 * and where the key's bytes are in lits; a value of 0 is an empty slot. */
typedef struct hslot {
    uint32_t tag, val;
    uint32_t ol;    /* offset in lits << 6 | (length - 1) */
    uint32_t lasts; /* HV_CPREFIX: lengths of the last words that may
                     * follow, bit l - 1 (bit 31: any longer one) */
    uint32_t next;  /* HV_PREFIX: first bytes c of the words that may
                     * follow, bit c & 31 (0 without HV_PREFIX: build_hash
                     * sets it only with that bit, and match_words reads
                     * a memo entry's copy as its phrases' next alone) */
} hslot;

/* The most slots the hash may have: build_hash refuses a larger table and
 * blob_tables_ok a blob that claims one. pend_go's cache keeps a slot's
 * index in 29 bits (PC_SLOT, beside PC_PUSH and PC_REP) and does not cache
 * a slot past it (pend_go tests every slot it caches). No lexicon comes
 * near: MAX_PATTERNS literals of at
 * most HASH_MAXLEN bytes, each with fewer leading words than bytes, make
 * at most 2^28 keys, 2^29 slots, before the split triggers. */
#define HASH_CAP_MAX ((size_t)1 << 30)
#define HV_ID 0x003fffffu      /* < MAX_PATTERNS */
#define HV_SPLIT 0x00400000u   /* a word that is this key splits (reach) */
#define HV_TRIG 0x01000000u    /* a split slur's fragment (split.c): look */
#define HV_INNER 0x00800000u   /* ... and a candidate phrase may start in it */
#define HV_CAND 0x04000000u    /* HV_WORD that can be a compound candidate */
#define HV_CPREFIX 0x08000000u /* HV_PREFIX of an HV_CAND phrase */
#define HV_PREFIX 0x10000000u  /* a phrase's leading words: look further */
#define HV_OLD34 0x20000000u   /* piece of 3-4 bytes [a-z0-9]: split_token */
#define HV_PIECE 0x40000000u   /* exact single-word term: a compound piece */
#define HV_WORD 0x80000000u    /* a literal found by the word pass */
/* Filters of token_cands, by three bytes of a string (pre_slot): length
 * masks, bit l - 1 for a string of l bytes (bit 31: 32 or more). */
#define PRE_BITS 13u
#define PRE_SLOTS (1u << PRE_BITS)
#define F_PRE 0u   /* pieces of 3+ bytes, by their first three */
#define F_SUF 1u   /* pieces of 3+ bytes, by their last three */
#define F_S1 2u    /* first words of HV_CAND phrases: of 3 bytes by them,
                    * of 4+ by their last 4 (s1_slot). The two kinds of
                    * slot share F_S1's one table, so a slot may hold
                    * bits of both: a 3-byte word sets only bit 2, a 4+
                    * byte word only bits 3 and up. s1_lens keeps them
                    * apart by its masks, & 4u on a pre_slot slot and
                    * & ~7ull on an s1_slot slot; drop either mask and
                    * one kind's bits read as the other's lengths. */
#define F_N 3u
/* The automaton's symbols (code5_tab): a state's row is 32 16-bit targets,
 * one cache line. */
#define AC_SYMS 32u
#define AC_MAX 32767u
/* Three bytes, each a-z, 0-9 or another (6-bit codes): one bit each. */
#define CTRI_WORDS ((1u << 18) / 64u)
/* Longer literals stay in the database; sizes the prefix hash array of
 * the word pass. */
#define HASH_MAXLEN 64u
/* The Bloom filter in front of the hash: bits per key (rounded up to a
 * power of 2 in total), three of them set in one 64-bit word a key
 * (bloom_has). For the built-in lexicon (~300 000 keys) 256 KB, which
 * says "maybe" for 2.9% of the words that are no key; it was one bit a
 * key in 1 MB (3.4%), which the L2 could not keep: its read was a third
 * of plain_word's time (docs/MATCH.md, sixteenth round). */
#define BLOOM_BITS_PER 4u
/* The second Bloom filter, of the run keys only (keys of word bytes and
 * '*', no other byte: a single word, masked or not), which the look-ups
 * of a word's own bytes ask (hash_get_run): for the built-in lexicon
 * 35 000 of the 223 500 keys (the rest are phrases and their leading
 * words), 32 KB at 4 bits a key (rounded up to a power of 2), where the
 * filter of every key is 512 KB. Those look-ups (a word the memo has not
 * seen, its inflections, cands_maybe's) read a line of 32 KB that the L2
 * keeps, not one of 512 KB that it does not. At 64 KB (8 bits) it said
 * maybe less often but missed the L2 16 000 times more on the benchmark
 * corpus; at 16 KB the false maybes cost 0.43 M instructions more
 * (docs/MATCH.md, nineteenth round). */
#define WBLOOM_BITS_PER 4u

/* Words remembered by the word pass (memo_set). Until session 41 the
 * memo was a table of its own, 1 << 14 pairs of 32-byte entries, 512 KB
 * (its sizes measured in docs/MATCH.md, twelfth and sixteenth rounds;
 * docs/BENCHMARKS.md, eleventh session). Since session 41 (spd41w) its
 * pairs are the sets of the per-word table (dc_word_entry,
 * decorum_int.h), which the model's word cache shares: 1 << DC_WORDS_BITS
 * sets of two 64-byte entries, 2 MiB, the matcher's half of an entry its
 * first 32 bytes (key, answer, aux) as before. */
#define MEMO_WORDS (DC_WORDS_BYTES / sizeof(uint64_t))
#define ENT 8u /* uint64_t words an entry: way 1 of a set at set + ENT */
/* The uint64_t word of an entry that holds the model's nf and mv: zeroed
 * when the matcher (re)makes the entry, the model's half not valid. */
#define ENT_MODEL_VALID (offsetof(dc_word_entry, nf) / sizeof(uint64_t))
_Static_assert(offsetof(dc_word_entry, nf) % sizeof(uint64_t) == 0 &&
                   offsetof(dc_word_entry, mv) + sizeof(uint32_t) ==
                       offsetof(dc_word_entry, nf) + sizeof(uint64_t) &&
                   sizeof(dc_word_entry) == ENT * sizeof(uint64_t),
               "nf and mv fill one word of the entry");

/* What one pending phrase did with the next word (pend_go): 1 << PC_BITS
 * entries of 32 bytes after the memo, in pairs, two ways (pc_at). 512 KB:
 * against 128 KB (12), pend_slow's calls 39 302 -> 32 956 and 2.02 M
 * fewer instructions on the benchmark corpus; 13: -1.23 M, 15 (1 MB):
 * -2.49 M, 16: -2.70 M (docs/BENCHMARKS.md, round spd49m). */
#define PC_BITS 14u
#define PC_WORDS ((size_t)4 << PC_BITS)
/* The victim table, after pend_go's cache: a memo entry pushed out of
 * its pair's second way by a new word (plain_body) waits there, one
 * entry a pair (vic_at), a third way that only plain_word reads: a word
 * the memo no longer holds is looked for there before its entry is made
 * anew. 256 KB; at 128 KB (a way for two pairs) no fewer instructions
 * (docs/MATCH.md, twenty-third round). */
#define VIC_BITS 13u
#define VIC_WORDS ((size_t)4 << VIC_BITS)
/* All three in one block, and 64 bytes for alignment. */
#define MEMO_BYTES \
    ((MEMO_WORDS + PC_WORDS + VIC_WORDS) * sizeof(uint64_t) + 64)
/* (vic_at shifts a set's index right by DC_WORDS_BITS - VIC_BITS: at most
 * one victim entry a set, or the shift is negative; rv37) */
_Static_assert(VIC_BITS <= DC_WORDS_BITS, "a victim entry per set at most");

/* Zero bytes after the scratch's copy of a text: the word pass reads up to
 * 16 past a word's end (memo keys) and word_runs 64 past the text's end. */
#define WORD_PAD 64u

/* Pieces of one run-together token, at most (longer: not split). */
#define PIECES_MAX 256u

/* Entry bits. */
#define EB_FUZZY 0x01u    /* may match misspelled forms */
#define EB_MASKED 0x08u   /* may match masked forms, even when nofuzzy */
#define EB_COMPOUND 0x02u /* may match inside a run-together token */
#define EB_VERB 0x04u
/* a severe, unambiguous slur: the forms people disguise it in may match
 * (gen_fuzzy: four letters with the middle two swapped, five or more with
 * the inner vowels dropped); the rules check the hit's own entry again */
#define EB_DISGUISE 0x10u

typedef struct pat {
    uint32_t group;
    uint16_t len; /* bytes */
    uint8_t how;  /* DC_HIT_EXACT, DC_HIT_FUZZY or DC_HIT_MASKED */
    uint8_t bits; /* PB_* */
} pat;

/* Entries sharing one term: gent[first .. first + n). */
typedef struct grp {
    uint32_t first, n;
} grp;

struct dc_matcher {
    hs_database_t *db; /* NULL for an empty lexicon */
    /* A database loaded from a blob is deserialized into db_bytes of the
     * engine allocator's memory (its arena at start-up: in Vectorscan's
     * malloc it took 20 to 45 page faults at every start); 0: db is
     * Vectorscan's own (compiled), freed with hs_free_database. */
    size_t db_bytes;
    /* The scratch blob_load allocated to prove that this CPU runs db,
     * kept as the pattern of every scratch's (hs_clone_scratch, which
     * only reads it: an hs_alloc_scratch checked db's CRC again, 157K
     * instructions a scratch); NULL for a compiled db. Never scanned
     * with. */
    hs_scratch_t *hs_proto;
    pat *pats;         /* [pats_cap], n_pats used; index = Vectorscan id */
    size_t n_pats, pats_cap;
    grp *groups; /* [n_groups] */
    size_t n_groups;
    uint32_t *gent; /* [n_entries] entry indices, grouped by term */
    uint8_t *ebits; /* [n_entries] EB_* */
    size_t n_entries;
    uint32_t *short_tab; /* [SHORT_SLOTS] group + 1, 0: none; or NULL */
    hslot *hash;         /* [hash_cap] (a power of 2), or NULL */
    size_t hash_cap;
    unsigned hash_shift; /* 64 - log2(hash_cap) */
    uint64_t *bloom;     /* [bloom_cap / 64] bits, three a hashed literal
                          * in one word (bloom_has) */
    size_t bloom_cap;    /* bits, a power of 2 */
    size_t bloom_wmask;  /* bloom_cap / 64 - 1, made once: bloom_has picks
                          * a word with it at every look-up */
    uint64_t *wbloom;    /* [wbloom_cap / 64] bits: the same of the run
                          * keys only (WBLOOM_BITS_PER, hash_get_run) */
    size_t wbloom_cap, wbloom_wmask;
    char *lits;          /* [lits_cap] the hashed literals, back to back */
    size_t lits_len, lits_cap;
    size_t hmax_word;    /* longest HV_WORD literal, 0: none */
    size_t hmax_piece;   /* longest HV_PIECE literal, 0: none */
    size_t hmax_cand;    /* longest single-word HV_CAND literal, 0: none */
    uint32_t *filt;      /* [F_N * PRE_SLOTS], or NULL: no hash */
    uint64_t pow[HASH_MAXLEN + 1]; /* HASH_MUL to the power i */
    uint64_t *ctri;      /* [CTRI_WORDS] the first three bytes of the
                          * single-word HV_CAND literals, by ctri_bit() */
    /* An Aho-Corasick automaton over code5_tab[] of the single-word HV_CAND
     * literals: from state x, code c leads to ac[x * AC_SYMS + c] >> 1,
     * with bit 0 set if one of them ends there (or a literal that differs
     * only in its digits: code5 does not tell them apart, a filter before
     * the look-ups). NULL if there are too many states (then every word
     * may hold one). */
    uint16_t *ac;
    size_t ac_states;
    uint64_t s1_short[21]; /* first words of 1-2 bytes [a-z0-9] of HV_CAND
                            * phrases: bit 36 * c0 + c1, or c0 for one */
    bool s1_odd;         /* ... and of 1-2 other bytes */
    bool piece12;        /* some HV_PIECE key has 1 or 2 bytes */
    bool cand_phrase;    /* some HV_CAND literal is a phrase */
    bool cand_any;       /* some literal is HV_CAND */
    /* When the database can match: its literals' first bytes. */
    bool db_always;        /* one starts with an ASCII word byte: always */
    bool db_nonascii;      /* one starts with a non-ASCII byte */
    unsigned char db_first[8]; /* the ASCII first bytes, db_n_first of them */
    size_t db_n_first;
    /* Literals of 1 or 2 bytes left after the tables (non-ASCII letters,
     * emoji parts): not in the database, where a literal that short can
     * be missed next to some longer ones (seen with Vectorscan 5.4.9:
     * "\xc3\xa9" at the end of a text, with "(((them)))"); tiny_scan()
     * finds them. */
    struct tinylit {
        uint32_t id;
        uint8_t len;
        unsigned char c[2];
    } *tiny; /* [n_tiny] */
    size_t n_tiny, tiny_cap;
    uint64_t tiny_first[4]; /* their first bytes */
    size_t n_compiled;   /* patterns in the database (not PB_TABLE) */
    uint64_t key;
    uint64_t ver; /* in a blob: ver_hash() of the build that made it */
    dc_matcher_stats stats;
    /* Split spellings of slurs (split.c); their triggers are keys of the
     * hash (HV_TRIG), so that asking costs a word nothing more. */
    dc_splits split;
    /* Loaded from a blob (dc_builtin_matchdb): the arrays above point
     * into the blob, or into own (an aligned copy of it), and are not
     * freed one by one. */
    bool from_blob;
    void *own;
    size_t own_len;
};

/* A match kept for the compound pass: [b, e) and its pattern. */
typedef struct span {
    uint32_t b, e, id;
} span;

typedef struct spanvec {
    span *v;
    size_t n, cap;
} spanvec;

/* A word of the word pass (word_keys): its memo key (memo_set's two
 * words; the length byte 0xff for a word the memo never holds, so that
 * the loop's memo compare sends it out of line), its memo pair and its
 * run [b, e). */
typedef struct wkey {
    uint64_t k[2];
    uint64_t *set;
    uint32_t b, e;
} wkey;

#define WALK_SLOTS 256u /* dc_match_scratch.walks: a power of 2 */
struct dc_match_scratch {
    const dc_matcher *m;
    hs_scratch_t *hs;
    unsigned char *text; /* [text_cap] ' ', the text scanned, WORD_PAD zero
                          * bytes */
    size_t text_cap;
    uint64_t *memo;      /* [MEMO_WORDS] words and what they are (memo_set),
                          * 64-byte aligned in memo_mem */
    uint64_t *pc;        /* [PC_WORDS] after memo: pend_go's answers (pc_at) */
    uint64_t *vic;       /* [VIC_WORDS] after pc: the memo's pushed-out
                          * entries (vic_at) */
    size_t vic_back;     /* words whose entry came back from vic (for the
                          * tests: dc_match_scratch_vic_back) */
    void *memo_mem;      /* [MEMO_BYTES] */
    struct wkey *wk;     /* [wk_cap] the word pass's words (word_keys) */
    size_t wk_cap;
    spanvec cand;             /* in-word matches of compound-eligible groups */
    span pieces[PIECES_MAX]; /* the terms inside one token, token offsets */
    uint64_t masked_steps; /* bytes on_run went over past runs to find where
                            * masked words end, since the scratch was made
                            * (dc_match_scratch_masked_steps) */
    bool avx2;             /* word_runs_avx2 runs on this CPU */
    /* dc_hitvec.watched: an entry in [watch_lo, watch_lo + watch_n)
     * (dc_match_scratch_watch) */
    uint32_t watch_lo, watch_n;
    /* dc_hitvec.glue: the word pass's one-hit words whose entry is of
     * glue_lx's kind glue (dc_match_scratch_glue; NULL: none) */
    const dc_lexicon *glue_lx;
    /* MEMO_WALKS keys' phrases' next (walk_may): the key's slot + 1 in
     * the low 32 bits, the OR of the next above; 0 empty */
    uint64_t walks[WALK_SLOTS];
};

/* ---------------------------------------------------------------------- */
/* Characters                                                             */
/* ---------------------------------------------------------------------- */

/* Word bytes (decorum_int.h): a table, because this is asked for every
 * byte of every comment. */
const uint8_t dc_word_tab[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static inline bool word_byte(unsigned char c)
{
    return dc_word_tab[c] != 0;
}

static inline bool is_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

static inline bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Does a term edge character need a word boundary next to it? An
 * apostrophe does: contractions are whole words, so "'re" alone must not
 * match inside "they're". */
static bool needs_boundary(const unsigned char *s, size_t len)
{
    if (s[0] < 0x80)
        return word_byte(s[0]) || s[0] == '\'';
    uint32_t cp = 0;
    if (dc_utf8_decode(s, len, &cp) == 0)
        return true;
    return cp < 0x2000;
}

static uint8_t edge_bits(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    uint8_t bits = 0;
    if (needs_boundary(u, len))
        bits |= PB_LEFT;
    size_t last = len - 1;
    while (last > 0 && (u[last] & 0xc0) == 0x80)
        last--;
    if (needs_boundary(u + last, len - last))
        bits |= PB_RIGHT;
    return bits;
}

/* a-z: 0-25, 0-9: 26-35, anything else: -1. */
static const int8_t alnum_tab[256] = {
#define N16 -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1
    N16, N16, N16,
    26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -1, -1, -1, -1, -1, -1,
    N16,
    N16,
    -1, 0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, -1,
    N16, N16, N16, N16, N16, N16, N16, N16,
#undef N16
};

static inline int alnum_code(unsigned char c)
{
    return alnum_tab[c];
}

/* The short-term slot of s[0, len), or -1 when it is not a short term. */
static inline int short_slot(const unsigned char *s, size_t len)
{
    if (len == 1)
        return alnum_code(s[0]);
    if (len != 2)
        return -1;
    int a = alnum_code(s[0]), b = alnum_code(s[1]);
    return a < 0 || b < 0 ? -1 : 36 + a * 36 + b;
}

/* The word hash: a multiplicative hash over the bytes (hash_step), so that
 * the word pass gets the hash of every prefix of a word in one walk, can
 * step back a byte (h * HASH_INV - c) and can go on from one word to the
 * next (m->pow); hash_fin folds it for the table. */
#define HASH_SEED 0x2545f4914f6cdd1dull
#define HASH_MUL 0x9e3779b97f4a7c15ull
#define HASH_INV 0xf1de83e19937733dull /* HASH_MUL * HASH_INV == 1 */

static inline uint64_t hash_step(uint64_t h, unsigned char c)
{
    return (h + c) * HASH_MUL;
}

static inline uint64_t hash_fin(uint64_t h)
{
    /* The last step multiplied: the high bits are mixed, the low ones
     * not; slot and Bloom word come from the high bits, the tag and the
     * Bloom bits from these folded down. A key's length is in its bytes'
     * hash already. */
    return h ^ (h >> 32);
}

/* m->pow[], which a built and a loaded matcher both fill. */
static void pow_fill(dc_matcher *m)
{
    m->pow[0] = 1;
    for (size_t i = 1; i <= HASH_MAXLEN; i++)
        m->pow[i] = m->pow[i - 1] * HASH_MUL;
}

/* The hash state after the bytes w[0, L). Four bytes a turn, after L % 4
 * bytes one and two at a time: the loop's count, compare and branch were
 * two of the five instructions a byte (two bytes a turn spared 0.75 M
 * instructions on the benchmark corpus, four 0.07 M more). */
static inline uint64_t hash_word(const unsigned char *w, size_t L)
{
    uint64_t h = HASH_SEED;
    size_t q = 0;
    if (L & 1)
        h = hash_step(h, w[q++]);
    if (L & 2) {
        h = hash_step(hash_step(h, w[q]), w[q + 1]);
        q += 2;
    }
    for (; q < L; q += 4)
        h = hash_step(hash_step(hash_step(hash_step(h, w[q]), w[q + 1]),
                                w[q + 2]),
                      w[q + 3]);
    return h;
}

static uint64_t hash_bytes(const unsigned char *s, size_t len)
{
    return hash_fin(hash_word(s, len));
}

/* The filter slot of the three bytes s[0..2]. */
static inline size_t pre_slot(const unsigned char *s)
{
    uint32_t x = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
    return (size_t)((x * 0x9e3779b1u) >> (32u - PRE_BITS));
}

/* Bytes the word pass tells apart: ' and '*' join words (BC_JOIN), an
 * inflection ends in s d r n or g (BC_INFL). */
#define BC_JOIN 1u
#define BC_INFL 2u
static const uint8_t byte_cls[256] = {
    ['\''] = BC_JOIN, ['*'] = BC_JOIN, ['s'] = BC_INFL, ['d'] = BC_INFL,
    ['r'] = BC_INFL, ['n'] = BC_INFL, ['g'] = BC_INFL,
};

/* A byte's code: a-z 0-25, the digits D(0)..D(9), anything else O. */
#define O16(O) O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O
#define CODE_TAB(D, O)                                                       \
    {O16(O), O16(O), O16(O),                                                 \
     D(0), D(1), D(2), D(3), D(4), D(5), D(6), D(7), D(8), D(9),             \
     O, O, O, O, O, O, O16(O), O16(O),                                       \
     O, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,                    \
     15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, O, O, O, O, O,              \
     O16(O), O16(O), O16(O), O16(O), O16(O), O16(O), O16(O), O16(O)}
#define DIGIT6(k) (26 + (k))
#define DIGIT5(k) 26

/* a-z 0-25, 0-9 26-35, anything else 36. */
static const uint8_t code6_tab[256] = CODE_TAB(DIGIT6, 36);

static inline unsigned code6(unsigned char c)
{
    return code6_tab[c];
}

/* a-z 0-25, 0-9 26, anything else 27: the automaton's symbols. The
 * digits are one symbol, so that a state's row of AC_SYMS (32) 16-bit
 * targets is one 64-byte line: the automaton was 37 symbols of 32 bits,
 * 418 KB, its walk a chain of L2 misses. */
static const uint8_t code5_tab[256] = CODE_TAB(DIGIT5, 27);
#undef DIGIT5
#undef DIGIT6
#undef CODE_TAB
#undef O16

/* The m->ctri bit of the three bytes s[0..2]. */
static inline size_t ctri_bit(const unsigned char *s)
{
    return (size_t)(code6(s[0]) << 12 | code6(s[1]) << 6 | code6(s[2]));
}

/* A filter slot's length mask as a mask of bit l - 1 (bit 31 of the slot:
 * every length of 32 or more). */
static inline uint64_t filt_mask(uint32_t mk)
{
    return (mk & 0x7fffffffu) | (mk >> 31 ? ~0ull << 31 : 0);
}

/* The lengths of filter f's strings with the three bytes s[0..2], as a
 * mask of bit l - 1. */
static inline uint64_t filt_lens(const dc_matcher *m, unsigned f,
                                 const unsigned char *s)
{
    return filt_mask(m->filt[f * PRE_SLOTS + pre_slot(s)]);
}

/* A filter word's bit for a string of len bytes (filt_mask reads it). */
static inline uint32_t filt_bit(size_t len)
{
    return len <= 31 ? 1u << (len - 1) : 1u << 31;
}

static void filt_add(dc_matcher *m, unsigned f, const unsigned char *s,
                     size_t len)
{
    m->filt[f * PRE_SLOTS + pre_slot(s)] |= filt_bit(len);
}

/* F_S1's slot of a first word of 4 or more bytes, by its last four
 * s[0..3]: by three, as the other filters, the many words ending in "ing"
 * or "ers" were let through by the few first words that do (cands_next
 * then found nothing in 7 100 of its 11 000 calls on the benchmark
 * corpus). A first word of three bytes keeps pre_slot's slot. */
static inline size_t s1_slot(const unsigned char *s)
{
    uint32_t x;
    memcpy(&x, s, 4);
    return F_S1 * PRE_SLOTS + (size_t)((x * 0x9e3779b1u) >> (32u - PRE_BITS));
}

/* The Bloom filter's word for the key hash f (hash_fin), and the three
 * bits of it that the key sets: one 64-bit word a key, picked by f's
 * high half, the bits by its low 18 (bloom_has). */
static inline uint64_t bloom_mask(uint64_t f)
{
    return 1ull << (f & 63) | 1ull << ((f >> 6) & 63) | 1ull << ((f >> 12) & 63);
}

static inline bool bloom_has(const dc_matcher *m, uint64_t f)
{
    uint64_t mk = bloom_mask(f);
    return (m->bloom[(size_t)(f >> 32) & m->bloom_wmask] & mk) == mk;
}

/* bloom_has() of the run keys' filter: only for a key of word bytes and
 * '*' alone (a look-up inside one run of them), which the filter of all
 * keys would answer the same or say maybe more often. */
static inline bool bloom_has_run(const dc_matcher *m, uint64_t f)
{
    uint64_t mk = bloom_mask(f);
    return (m->wbloom[(size_t)(f >> 32) & m->wbloom_wmask] & mk) == mk;
}

/* Sets the Bloom filter's size (bits, a power of 2 from 64 up, or 0 for
 * none) and the word mask bloom_has reads, in one place: the build sizes
 * the filter, and the loader takes the size from the image but makes the
 * mask itself. */
static void bloom_set_cap(dc_matcher *m, size_t bits, size_t wbits)
{
    m->bloom_cap = bits;
    m->bloom_wmask = bits ? bits / 64 - 1 : 0;
    m->wbloom_cap = wbits;
    m->wbloom_wmask = wbits ? wbits / 64 - 1 : 0;
}

/* Are the len (> 0) bytes at a and b equal? Reads 8 bytes at a time, up
 * to 7 past the end: lits has 8 bytes to spare after its last key, and
 * the scanned text is a copy with 16 (dc_match). */
static inline bool same_bytes(const char *a, const unsigned char *b,
                              size_t len)
{
    uint64_t x, y;
    for (; len > 8; len -= 8, a += 8, b += 8) {
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return false;
    }
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    return ((x ^ y) << (64 - 8 * len)) == 0;
}

/* The slot of the key s[0, len), whose hash is f, or NULL, without the
 * Bloom filter (hash_get, hash_get_run). */
static inline const hslot *hash_probe(const dc_matcher *m,
                                      const unsigned char *s, size_t len,
                                      uint64_t f)
{
    size_t mask = m->hash_cap - 1;
    uint32_t tag = (uint32_t)f;
    for (size_t i = (size_t)(f >> m->hash_shift);; i = (i + 1) & mask) {
        const hslot *sl = &m->hash[i];
        if (sl->val == 0)
            return NULL;
        if (sl->tag == tag && (sl->ol & 63u) == len - 1 &&
            same_bytes(m->lits + (sl->ol >> 6), s, len))
            return sl;
    }
}

/* The slot of the key s[0, len), whose hash is f, or NULL. */
static inline const hslot *hash_get(const dc_matcher *m,
                                    const unsigned char *s, size_t len,
                                    uint64_t f)
{
    return bloom_has(m, f) ? hash_probe(m, s, len, f) : NULL;
}

/* hash_get() of a key whose bytes are all word bytes or '*' (inside one
 * run of them), asking the run keys' smaller filter. */
static inline const hslot *hash_get_run(const dc_matcher *m,
                                        const unsigned char *s, size_t len,
                                        uint64_t f)
{
    return bloom_has_run(m, f) ? hash_probe(m, s, len, f) : NULL;
}

/* The value of the key s[0, len), whose hash is f, if it has a flag of
 * want; else 0. */
static inline uint32_t hash_find(const dc_matcher *m, const unsigned char *s,
                                 size_t len, uint64_t f, uint32_t want)
{
    const hslot *sl = hash_get(m, s, len, f);
    return sl && (sl->val & want) ? sl->val : 0;
}

/* hash_find() of a key inside one run of word bytes and '*'
 * (hash_get_run). */
static inline uint32_t hash_find_run(const dc_matcher *m,
                                     const unsigned char *s, size_t len,
                                     uint64_t f, uint32_t want)
{
    const hslot *sl = hash_get_run(m, s, len, f);
    return sl && (sl->val & want) ? sl->val : 0;
}

/* Positions of the word t[0, L) (L <= 64) that a chain of its pieces (as
 * split_token finds them) reaches from its start: bit p - 1 for p. Not
 * through the word as one piece, nor one piece and the plural s ending
 * the word. */
static uint64_t reach(const dc_matcher *m, const unsigned char *t, size_t L)
{
    const uint32_t *tab = m->short_tab;
    uint64_t F = 0;
    for (size_t p = 0;;) {
        size_t maxl = p ? L - p : L - 1; /* longest piece from p */
        uint64_t lens = 0;               /* bit l - 1: a piece of l bytes */
        int slot;
        if (tab && p == 0 && maxl >= 1 && (slot = alnum_code(t[0])) >= 0 &&
            tab[slot])
            lens |= 1;
        if (tab && maxl >= 2 && (slot = short_slot(t + p, 2)) >= 0 &&
            tab[slot])
            lens |= 2;
        uint64_t want = maxl >= 3 ? filt_lens(m, F_PRE, t + p) : 0;
        if (maxl < 64)
            want &= (1ull << maxl) - 1;
        if (m->piece12)
            want |= maxl >= 2 ? 3 : maxl;
        if (want) {
            uint64_t h = HASH_SEED;
            for (size_t l = 1; want >> (l - 1); l++) {
                h = hash_step(h, t[p + l - 1]);
                if (((want >> (l - 1)) & 1) &&
                    hash_find(m, t + p, l, hash_fin(h), HV_PIECE))
                    lens |= 1ull << (l - 1);
            }
        }
        for (; lens; lens &= lens - 1) {
            size_t q = p + (size_t)__builtin_ctzll(lens) + 1;
            F |= 1ull << (q - 1);
            if (q < L && t[q] == 's' && !(p == 0 && q + 1 == L))
                F |= 1ull << q;
        }
        uint64_t later = F & (~0ull << p); /* positions > p; p < L <= 64 */
        if (!later)
            return F;
        p = (size_t)__builtin_ctzll(later) + 1;
        if (p >= L)
            return F;
    }
}

/* ---------------------------------------------------------------------- */
/* Building the pattern set                                               */
/* ---------------------------------------------------------------------- */

typedef struct builder {
    const dc_alloc *al;
    char *buf; /* every literal, each followed by a NUL */
    size_t buf_len, buf_cap;
    pat *pats;
    size_t n, cap;
    uint32_t *off; /* [off_cap] literal offsets in buf */
    size_t off_cap;
    uint32_t *table; /* open addressing: pattern index + 1, 0 empty */
    size_t tcap;
    size_t n_terms; /* patterns [0, n_terms) are the terms */
    size_t suppressed;
} builder;

static uint32_t hash32(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Pattern index of the literal s, or -1. */
static long find_lit(const builder *b, const char *s, size_t len)
{
    if (!b->tcap)
        return -1;
    size_t mask = b->tcap - 1;
    for (size_t i = hash32(s, len) & mask;; i = (i + 1) & mask) {
        uint32_t v = b->table[i];
        if (!v)
            return -1;
        const pat *p = &b->pats[v - 1];
        if (p->len == len && memcmp(b->buf + b->off[v - 1], s, len) == 0)
            return (long)(v - 1);
    }
}

static void table_put(builder *b, uint32_t idx)
{
    size_t mask = b->tcap - 1;
    const char *s = b->buf + b->off[idx];
    size_t i = hash32(s, b->pats[idx].len) & mask;
    while (b->table[i])
        i = (i + 1) & mask;
    b->table[i] = idx + 1;
}

/* Appends a literal that is not in the set yet. */
static decorum_status add_lit(builder *b, const char *s, size_t len,
                              uint32_t group, uint8_t how, uint8_t bits)
{
    decorum_status st;
    if (len == 0 || len > UINT16_MAX)
        return DECORUM_ERR_TOOBIG;
    if ((st = dc_grow(b->al, (void **)&b->pats, &b->cap, b->n + 1,
                      sizeof *b->pats, MAX_PATTERNS)) != DECORUM_OK ||
        (st = dc_grow(b->al, (void **)&b->off, &b->off_cap, b->n + 1,
                      sizeof *b->off, MAX_PATTERNS)) != DECORUM_OK ||
        (st = dc_grow(b->al, (void **)&b->buf, &b->buf_cap,
                      b->buf_len + len + 1, 1, MAX_PATTERN_BYTES)) !=
            DECORUM_OK)
        return st;
    /* Keep the table at most half full. */
    if ((b->n + 1) * 2 > b->tcap) {
        size_t ncap = b->tcap ? b->tcap * 2 : 1024;
        uint32_t *t = dc_calloc(b->al, ncap, sizeof *t);
        if (!t)
            return DECORUM_ERR_NOMEM;
        dc_free(b->al, b->table, b->tcap * sizeof *b->table);
        b->table = t;
        b->tcap = ncap;
        for (size_t i = 0; i < b->n; i++)
            table_put(b, (uint32_t)i);
    }
    memcpy(b->buf + b->buf_len, s, len);
    b->buf[b->buf_len + len] = '\0';
    b->off[b->n] = (uint32_t)b->buf_len;
    b->buf_len += len + 1;
    b->pats[b->n] = (pat){group, (uint16_t)len, how, bits};
    table_put(b, (uint32_t)b->n);
    b->n++;
    return DECORUM_OK;
}

/* Is s[0, len) a term? */
static bool is_term(const builder *b, const char *s, size_t len)
{
    long p = find_lit(b, s, len);
    return p >= 0 && (size_t)p < b->n_terms;
}

/* Adds a generated form unless it equals a term, a term's plural ("kikes"
 * is kike + s, not a misspelled "kikess") or an earlier form. */
static decorum_status add_form(builder *b, const char *s, size_t len,
                               uint32_t group, uint8_t how, uint8_t bits)
{
    if (find_lit(b, s, len) >= 0 ||
        (len > 1 && s[len - 1] == 's' && is_term(b, s, len - 1)) ||
        (len > 2 && s[len - 1] == 's' && s[len - 2] == 'e' &&
         is_term(b, s, len - 2))) {
        b->suppressed++;
        return DECORUM_OK;
    }
    return add_lit(b, s, len, group, how, (uint8_t)(bits | edge_bits(s, len)));
}

static bool interior(const char *t, size_t len, size_t j)
{
    return j > 0 && j + 1 < len && is_letter(t[j - 1]) && is_letter(t[j]) &&
           is_letter(t[j + 1]);
}

/* Generates the misspellings of an ASCII term (see the file comment);
 * only the masked ones unless edits. */
/* Letters in the word of t that holds position j. */
static size_t word_len(const char *t, size_t len, size_t j)
{
    size_t a = j, z = j;
    while (a > 0 && is_letter(t[a - 1]))
        a--;
    while (z < len && is_letter(t[z]))
        z++;
    return z - a;
}

static decorum_status gen_fuzzy(builder *b, uint32_t g, const char *t,
                                size_t len, bool edits, bool disguise)
{
    char v[VARIANT_MAX + 1];
    size_t letters = 0, vowels = 0;
    decorum_status st = DECORUM_OK;
    for (size_t i = 0; i < len; i++) {
        letters += is_letter(t[i]);
        vowels += interior(t, len, i) && is_vowel(t[i]);
    }
    if (letters < 3 || len + 1 > VARIANT_MAX)
        return DECORUM_OK;
    /* A doubled vowel, where people stretch words ("haate"), or a doubled
     * consonant after the first letter of a word of 5+ letters: the
     * normalizer shortens a stretch to two ("verrrrmin" -> "verrmin",
     * "bitchhh" -> "bitchh"). Not when that makes a run of three, nor in
     * shorter words, where it mostly makes another word ("scot" ->
     * "scott"), except a final consonant, or one before a final "s",
     * that no English word doubles there ("jeww", "no jewws", "gookk").
     * The word hash makes the number of forms free at scan time. */
    for (size_t j = 0; edits && j < len && st == DECORUM_OK; j++) {
        size_t k = j + 1 < len && t[j + 1] == 's' ? j + 2 : j + 1;
        if (!is_letter(t[j]) || (j + 1 < len && t[j + 1] == t[j]) ||
            (j > 0 && t[j - 1] == t[j]) ||
            (!is_vowel(t[j]) &&
             (j == 0 || !is_letter(t[j - 1]) ||
              (word_len(t, len, j) < 5 &&
               !((k == len || !is_letter(t[k])) &&
                 strchr("jkqvwxy", t[j]))))))
            continue;
        memcpy(v, t, j + 1);
        memcpy(v + j + 1, t + j, len - j);
        st = add_form(b, v, len + 1, g, DC_HIT_FUZZY, 0);
    }
    /* A plural with 'z' for 's' ("parasitez", "jewz", "bitchez"), where
     * the term's plural is s or es; a term ending in s takes none. */
    size_t last = len; /* letters of the last word */
    while (last > 0 && is_letter(t[last - 1]))
        last--;
    last = len - last;
    if (edits && last >= 3 && t[len - 1] != 's' && st == DECORUM_OK) {
        char z = t[len - 1], y = t[len - 2];
        bool es = z == 'x' || z == 'z' || z == 'o' ||
                  ((z == 'h') && (y == 'c' || y == 's'));
        memcpy(v, t, len);
        v[len] = 'z';
        if (z == 'o' || !es)
            st = add_form(b, v, len + 1, g, DC_HIT_FUZZY, 0);
        if (es && len + 2 <= VARIANT_MAX && st == DECORUM_OK) {
            v[len] = 'e';
            v[len + 1] = 'z';
            st = add_form(b, v, len + 2, g, DC_HIT_FUZZY, 0);
        }
    }
    /* One masked interior vowel; all of them when there are several. */
    for (size_t j = 0; j < len && st == DECORUM_OK; j++) {
        if (!interior(t, len, j) || !is_vowel(t[j]))
            continue;
        memcpy(v, t, len);
        v[j] = '*';
        st = add_form(b, v, len, g, DC_HIT_MASKED, 0);
    }
    if (vowels >= 2 && st == DECORUM_OK) {
        memcpy(v, t, len);
        for (size_t j = 0; j < len; j++)
            if (interior(t, len, j) && is_vowel(t[j]))
                v[j] = '*';
        st = add_form(b, v, len, g, DC_HIT_MASKED, 0);
    }
    /* The two middle letters of a four-letter severe slur swapped
     * ("pkais", "kkies"), even when it is `nofuzzy`: the swap keeps the
     * first and last letters, which is how people dodge a filter and still
     * get read, and the forms of these few terms are no English words
     * (an allow entry drops one that is another word: "gpio"). Made a
     * masked form: like a '*', such a swap is deliberate, so nofuzzy does
     * not stop it and the rules read it as a disguise. */
    if (disguise && len == 4 && letters == 4 && t[1] != t[2] &&
        st == DECORUM_OK) {
        memcpy(v, t, len);
        v[1] = t[2];
        v[2] = t[1];
        st = add_form(b, v, len, g, DC_HIT_MASKED, 0);
    }
    /* Session 46 (q46s): every interior vowel of a one-word severe slur
     * of 5+ letters dropped ("fggt", "nggr", "chnk"), as people write it
     * to dodge a filter and still be read; only when 4+ letters are left,
     * and made a masked form like the swap above (deliberate, so nofuzzy
     * does not stop it). A form equal to a term or an allow entry is
     * dropped as every generated form is. */
    if (disguise && letters == len && len >= 5 && vowels >= 1 &&
        len - vowels >= 4 && st == DECORUM_OK) {
        size_t n = 0;
        for (size_t j = 0; j < len; j++)
            if (!(interior(t, len, j) && is_vowel(t[j])))
                v[n++] = t[j];
        st = add_form(b, v, n, g, DC_HIT_MASKED, 0);
    }
    if (!edits || letters < 5)
        return st;
    /* An interior letter dropped, and below two adjacent letters swapped,
     * in words of 5+ letters: in shorter ones an edit mostly makes another
     * word ("like" -> "lie", "no" -> "on"). */
    for (size_t j = 0; j < len && st == DECORUM_OK; j++) {
        if (!interior(t, len, j) || word_len(t, len, j) < 5)
            continue;
        memcpy(v, t, j);
        memcpy(v + j, t + j + 1, len - j - 1);
        st = add_form(b, v, len - 1, g, DC_HIT_FUZZY, 0);
    }
    for (size_t j = 0; j + 1 < len && st == DECORUM_OK; j++) {
        if (!is_letter(t[j]) || !is_letter(t[j + 1]) || t[j] == t[j + 1] ||
            word_len(t, len, j) < 5)
            continue;
        memcpy(v, t, len);
        v[j] = t[j + 1];
        v[j + 1] = t[j];
        st = add_form(b, v, len, g, DC_HIT_FUZZY, 0);
    }
    /* An 'l' written '1', which the normalizer reads as 'i' inside a word
     * ("mus1im" -> "musiim", "i11egal" -> "iiiegal"), in words of 5+
     * letters: any of them, when there are at most four such l, else each
     * one and all of them. */
    size_t lpos[4], nl = 0, more = 0;
    for (size_t j = 0; j < len; j++) {
        if (t[j] != 'l' || word_len(t, len, j) < 5)
            continue;
        if (nl < 4)
            lpos[nl++] = j;
        else
            more++;
    }
    if (!more) {
        for (unsigned set = 1; set < 1u << nl && st == DECORUM_OK; set++) {
            memcpy(v, t, len);
            for (size_t k = 0; k < nl; k++)
                if (set >> k & 1u)
                    v[lpos[k]] = 'i';
            st = add_form(b, v, len, g, DC_HIT_FUZZY, 0);
        }
    } else {
        for (size_t j = 0; j < len && st == DECORUM_OK; j++) {
            if (t[j] != 'l' || word_len(t, len, j) < 5)
                continue;
            memcpy(v, t, len);
            v[j] = 'i';
            st = add_form(b, v, len, g, DC_HIT_FUZZY, 0);
        }
        memcpy(v, t, len);
        for (size_t j = 0; j < len; j++)
            if (t[j] == 'l' && word_len(t, len, j) >= 5)
                v[j] = 'i';
        if (st == DECORUM_OK)
            st = add_form(b, v, len, g, DC_HIT_FUZZY, 0);
    }
    /* An 'i' written 'l': a capital I and a lower-case l look alike in
     * most fonts ("nIgger" typed "nlgger"). One at a time, interior, in
     * words of 5+ letters. */
    for (size_t j = 0; j < len && st == DECORUM_OK; j++) {
        if (t[j] != 'i' || !interior(t, len, j) || word_len(t, len, j) < 5)
            continue;
        memcpy(v, t, len);
        v[j] = 'l';
        st = add_form(b, v, len, g, DC_HIT_FUZZY, 0);
    }
    return st;
}

/* Contractions whose form without the apostrophe is another English word:
 * never written for one ("were" is not "we're", "ill" not "i'll", "its
 * true" is mostly "its true colours": the lexicon lists the "its" phrases
 * it wants, such as "its okay to be white") ... */
static const char *const bare_clash[] = {"ill", "well", "hell", "shell",
                                         "were", "wed", "shed", "its"};
/* ... or not for a term of one word, where nothing around tells the two
 * apart ("cant", "wont", "lets", "id"); in a phrase they are safe: "cant
 * be trusted", "wont assimilate". */
static const char *const bare_clash_alone[] = {"cant", "wont", "lets", "id"};

/* The term written without its apostrophes, as comments mostly write
 * contractions ("dont", "shouldnt be allowed to breed", "why dont you",
 * "theyre"): an exact form, as common as the term. Not when a word loses
 * its apostrophe into another word (bare_clash above). */
static decorum_status gen_bare_form(builder *b, uint32_t g, const char *t,
                                    size_t len)
{
    char v[VARIANT_MAX];
    if (len > VARIANT_MAX || !memchr(t, '\'', len))
        return DECORUM_OK;
    bool phrase = memchr(t, ' ', len) != NULL;
    size_t n = 0, w0 = 0;
    bool had = false; /* the current word had an apostrophe */
    for (size_t i = 0; i <= len; i++) {
        if (i == len || t[i] == ' ') {
            if (had && (dc_word_in(v + w0, n - w0, bare_clash,
                                sizeof bare_clash / sizeof *bare_clash) ||
                        (!phrase &&
                         dc_word_in(v + w0, n - w0, bare_clash_alone,
                                 sizeof bare_clash_alone /
                                     sizeof *bare_clash_alone))))
                return DECORUM_OK;
            if (i < len)
                v[n++] = ' ';
            w0 = n;
            had = false;
            continue;
        }
        if (t[i] == '\'') {
            /* only between letters: "'re" or "o'" stay as they are */
            if (i == 0 || i + 1 == len || !is_letter(t[i - 1]) ||
                !is_letter(t[i + 1]))
                return DECORUM_OK;
            had = true;
            continue;
        }
        v[n++] = t[i];
    }
    return add_form(b, v, n, g, DC_HIT_EXACT, 0);
}

/* "not X" said with a copula's contraction: "aren't real women", "isnt
 * welcome", "ain't capable of" for an attack entry "not real women", "not
 * welcome", "not capable of", so that the lexicon does not list each twin
 * (it listed some and missed others: "trans women aren't real women" was
 * allowed while "are not real women" was flagged). Only for the kinds that
 * say what people are; not for exclusion, where the copula states a rule
 * more often than it calls for one ("women aren't allowed in universities
 * under the Taliban"), nor "not be ..." after a modal. The kind is the
 * group's first entry's. */
static const char *const not_copulas[] = {"aren't", "isn't", "ain't",
                                          "arent",  "isnt",  "aint"};

static decorum_status gen_not_forms(builder *b, uint32_t g, dc_kind k,
                                    const char *t, size_t len)
{
    char v[VARIANT_MAX];
    if (len <= 4 || memcmp(t, "not ", 4) != 0 ||
        (len > 7 && memcmp(t + 4, "be ", 3) == 0) ||
        (k != DC_KIND_DEROGATE && k != DC_KIND_STEREOTYPE &&
         k != DC_KIND_DEHUMANIZE))
        return DECORUM_OK;
    for (size_t i = 0; i < sizeof not_copulas / sizeof *not_copulas; i++) {
        size_t lc = strlen(not_copulas[i]);
        if (lc + len - 3 > VARIANT_MAX)
            continue;
        memcpy(v, not_copulas[i], lc);
        memcpy(v + lc, t + 3, len - 3);
        decorum_status st = add_form(b, v, lc + len - 3, g, DC_HIT_EXACT, 0);
        if (st != DECORUM_OK)
            return st;
    }
    return DECORUM_OK;
}

/* Verb forms that are not the term plus a suffix: a final e dropped
 * (hate -> hating) and, for one-syllable verbs ending consonant-vowel-
 * consonant, the consonant doubled (gas -> gassed, gassing; ban ->
 * banned). Single ASCII words only. */
static decorum_status gen_verb_forms(builder *b, uint32_t g, const char *t,
                                     size_t len)
{
    char v[VARIANT_MAX + 8];
    if (len < 3 || len > VARIANT_MAX)
        return DECORUM_OK;
    size_t groups = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_letter(t[i]))
            return DECORUM_OK;
        groups += is_vowel(t[i]) && (i == 0 || !is_vowel(t[i - 1]));
    }
    char z = t[len - 1], y = t[len - 2], x = t[len - 3];
    memcpy(v, t, len);
    if (z == 'e' && !is_vowel(y)) {
        memcpy(v + len - 1, "ing", 3);
        return add_form(b, v, len + 2, g, DC_HIT_EXACT, PB_INFL);
    }
    if (groups != 1 || is_vowel(z) || z == 'w' || z == 'x' || z == 'y' ||
        !is_vowel(y) || is_vowel(x))
        return DECORUM_OK;
    v[len] = z;
    memcpy(v + len + 1, "ed", 2);
    decorum_status st = add_form(b, v, len + 3, g, DC_HIT_EXACT, PB_INFL);
    if (st != DECORUM_OK)
        return st;
    memcpy(v + len + 1, "ing", 3);
    return add_form(b, v, len + 4, g, DC_HIT_EXACT, PB_INFL);
}

static bool evasion_kind(dc_kind k)
{
    switch (k) {
    case DC_KIND_IDENTITY:
    case DC_KIND_SLUR:
    case DC_KIND_DEHUMANIZE:
    case DC_KIND_DEROGATE:
    case DC_KIND_HATE_VERB:
    case DC_KIND_THREAT:
    case DC_KIND_EXCLUSION:
    case DC_KIND_CODE:
    case DC_KIND_DOGWHISTLE:
    case DC_KIND_CONSPIRACY:
    case DC_KIND_CONSP_ACTOR:
    case DC_KIND_PROFANITY:
    case DC_KIND_INSULT:
        return true;
    default:
        return false;
    }
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

static bool single_word(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!word_byte((unsigned char)s[i]))
            return false;
    return true;
}

static uint8_t entry_bits(const dc_entry *e)
{
    size_t letters = 0;
    for (size_t i = 0; i < e->term_len; i++)
        letters += is_letter(e->term[i]);
    uint8_t bits = 0;
    if (evasion_kind((dc_kind)e->kind) && !(e->flags & DC_F_NOFUZZY) &&
        all_ascii(e->term, e->term_len))
        bits |= EB_FUZZY;
    /* A '*' inside a word is always deliberate and no innocent word holds
     * one, so masked forms cannot collide: nofuzzy does not stop them. */
    if (evasion_kind((dc_kind)e->kind) && all_ascii(e->term, e->term_len))
        bits |= EB_MASKED;
    if ((e->flags & DC_F_COMPOUND) ||
        ((e->kind == DC_KIND_SLUR || e->kind == DC_KIND_THREAT ||
          e->kind == DC_KIND_IDENTITY) &&
         letters >= 3))
        bits |= EB_COMPOUND;
    if (e->flags & DC_F_VERB)
        bits |= EB_VERB;
    if (e->kind == DC_KIND_SLUR && (e->flags & DC_F_SEVERE) &&
        !(e->flags & DC_F_AMBIGUOUS))
        bits |= EB_DISGUISE;
    return bits;
}

static void builder_free(builder *b)
{
    dc_free(b->al, b->buf, b->buf_cap);
    dc_free(b->al, b->pats, b->cap * sizeof *b->pats);
    dc_free(b->al, b->off, b->off_cap * sizeof *b->off);
    dc_free(b->al, b->table, b->tcap * sizeof *b->table);
}

static bool star_term(const dc_lexicon *lx, const dc_matcher *m, size_t g,
                      const char *t, size_t len)
{
    if (len < STAR_MIN || len > STAR_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_letter(t[i]))
            return false;
    const grp *gr = &m->groups[g];
    for (uint32_t k = 0; k < gr->n; k++) {
        uint32_t x = m->gent[gr->first + k];
        dc_kind kind = (dc_kind)lx->entries[x].kind;
        if ((m->ebits[x] & EB_MASKED) &&
            (kind == DC_KIND_SLUR || kind == DC_KIND_PROFANITY ||
             kind == DC_KIND_INSULT))
            return true;
    }
    return false;
}

/* Do groups g and h mean the same (kind, categories and group of their
 * first entries), as "nigger" and "niqqer" do? */
static bool same_meaning(const dc_lexicon *lx, const dc_matcher *m, size_t g,
                         size_t h)
{
    const dc_entry *a = &lx->entries[m->gent[m->groups[g].first]];
    const dc_entry *b = &lx->entries[m->gent[m->groups[h].first]];
    return a->kind == b->kind && a->categories == b->categories &&
           strcmp(a->group, b->group) == 0;
}

/* Does an entry of group g carry the `star` flag: its masked form stands
 * for it whatever else fits ("f***" is fuck, not feck, fool or frog)? */
static bool star_owner(const dc_lexicon *lx, const dc_matcher *m, size_t g)
{
    const grp *gr = &m->groups[g];
    for (uint32_t k = 0; k < gr->n; k++)
        if (lx->entries[m->gent[gr->first + k]].flags & DC_F_STAR)
            return true;
    return false;
}

/* own[slot]: 0 unclaimed, g + 1 claimed by group g (the first of those
 * that mean the same), -1 ambiguous; -(g + 2) claimed by group g through
 * the `star` flag, which other claims do not undo, STAR_CLASH when two
 * such claims mean different things. */
#define STAR_CLASH INT32_MIN
static void star_claim(const dc_lexicon *lx, const dc_matcher *m, int32_t *own,
                       size_t slot, size_t g)
{
    int32_t o = own[slot];
    if (star_owner(lx, m, g)) {
        if (o > -2)
            own[slot] = -(int32_t)g - 2;
        else if (o != STAR_CLASH && !same_meaning(lx, m, (size_t)(-o - 2), g))
            own[slot] = STAR_CLASH;
        return;
    }
    if (o == 0)
        own[slot] = (int32_t)g + 1;
    else if (o > 0 && !same_meaning(lx, m, (size_t)o - 1, g))
        own[slot] = -1;
}

static bool star_owned(const int32_t *own, size_t slot, size_t g)
{
    return own[slot] == (int32_t)g + 1 || own[slot] == -(int32_t)g - 2;
}

/* Words masked past their first letter, as the normalizer writes them:
 * "f***" (first letter, stars) and "n****r" (first and last letter kept),
 * for slurs, profanity and insults. Such a form says only its first
 * letter, last letter and length, so it is made only when the terms of
 * those kinds that fit it all mean the same: "n****r" is nigger (or its
 * spelling niqqer), "s***" could be slut, scum or shit and is none; or
 * when one of them is flagged `star` (the lexicon's call that "f***" is
 * fuck, as readers take it). */
static decorum_status gen_stars(const dc_alloc *al, const dc_lexicon *lx,
                                dc_matcher *m, builder *b)
{
    decorum_status st = DECORUM_OK;
    int32_t *own = dc_calloc(al, STAR_SLOTS, sizeof *own);
    if (!own)
        return DECORUM_ERR_NOMEM;
    for (int pass = 0; pass < 2 && st == DECORUM_OK; pass++) {
        for (size_t g = 0; g < m->n_groups && st == DECORUM_OK; g++) {
            const char *t = b->buf + b->off[g];
            size_t len = b->pats[g].len;
            if (!star_term(lx, m, g, t, len))
                continue;
            size_t f = (size_t)(t[0] - 'a'), l = (size_t)(t[len - 1] - 'a');
            size_t s1 = (f * 27 + 26) * (STAR_MAX + 1) + len;
            size_t s2 = (f * 27 + l) * (STAR_MAX + 1) + len;
            if (pass == 0) {
                star_claim(lx, m, own, s1, g);
                star_claim(lx, m, own, s2, g);
                continue;
            }
            /* t points into b->buf, which add_form may move. */
            char v[STAR_MAX + 1], last = t[len - 1];
            v[0] = t[0];
            memset(v + 1, '*', len - 1);
            if (star_owned(own, s1, g))
                st = add_form(b, v, len, (uint32_t)g, DC_HIT_MASKED,
                              PB_RIGHT | PB_STARS);
            v[len - 1] = last;
            if (st == DECORUM_OK && star_owned(own, s2, g))
                st = add_form(b, v, len, (uint32_t)g, DC_HIT_MASKED, 0);
        }
    }
    dc_free(al, own, STAR_SLOTS * sizeof *own);
    return st;
}

static inline bool wordstar(unsigned char c)
{
    return word_byte(c) || c == '*';
}

/* Is a literal with pattern bits bits and kind how a compound candidate
 * when it matches inside a word (see report())? */
static bool cand_literal(uint8_t bits, uint8_t how)
{
    return (bits & PB_COMP) && how == DC_HIT_EXACT && !(bits & PB_INFL);
}

/* Does the word pass (and for compound candidates, token_cands) find the
 * literal s[0, len) with pattern bits bits and kind how? It must start
 * with a word byte and end with a word byte or '*' (those of a masked
 * word), need a boundary on both sides, and if it is a compound candidate
 * have the 3 bytes the filters of cands_maybe look at. */
static bool word_literal(const unsigned char *s, size_t len, uint8_t bits,
                         uint8_t how)
{
    return len > 0 && len <= HASH_MAXLEN && word_byte(s[0]) &&
           wordstar(s[len - 1]) &&
           (bits & (PB_LEFT | PB_RIGHT)) == (PB_LEFT | PB_RIGHT) &&
           !(bits & PB_TABLE) && (len >= 3 || !cand_literal(bits, how));
}

/* Adds the key lits[off, off + len) with value val, or ORs val's flags
 * into the key's slot if it has one; returns the slot. */
static hslot *hash_add(dc_matcher *m, size_t off, size_t len, uint32_t val)
{
    const unsigned char *k = (const unsigned char *)m->lits + off;
    uint64_t f = hash_bytes(k, len);
    size_t mask = m->hash_cap - 1, i = (size_t)(f >> m->hash_shift);
    for (; m->hash[i].val; i = (i + 1) & mask) {
        hslot *sl = &m->hash[i];
        if (sl->tag == (uint32_t)f && (sl->ol & 63u) == len - 1 &&
            memcmp(m->lits + (sl->ol >> 6), k, len) == 0) {
            sl->val |= val;
            return sl;
        }
    }
    m->hash[i] = (hslot){(uint32_t)f, val, (uint32_t)(off << 6 | (len - 1)),
                         0, 0};
    m->bloom[(size_t)(f >> 32) & m->bloom_wmask] |= bloom_mask(f);
    return &m->hash[i];
}

/* The automaton of m->ac over the single-word HV_CAND literals (see
 * struct dc_matcher): a trie, then the transitions of its failure links
 * in breadth-first order. Too many states: none. */
static decorum_status build_ac(const dc_alloc *al, dc_matcher *m,
                               const builder *b)
{
    size_t cap = 1;
    for (size_t i = 0; i < b->n; i++)
        if (b->pats[i].how == DC_HIT_EXACT && (b->pats[i].bits & PB_TABLE) &&
            cand_literal(b->pats[i].bits, b->pats[i].how) &&
            single_word(b->buf + b->off[i], b->pats[i].len))
            cap += b->pats[i].len;
    if (cap > AC_MAX)
        return DECORUM_OK;
    uint16_t *ac = dc_calloc(al, cap * AC_SYMS, sizeof *ac);
    uint8_t *out = dc_calloc(al, cap, 1);
    uint16_t *fail = dc_calloc(al, cap, sizeof *fail);
    uint16_t *queue = dc_calloc(al, cap, sizeof *queue);
    if (!ac || !out || !fail || !queue) {
        dc_free(al, ac, cap * AC_SYMS * sizeof *ac);
        dc_free(al, out, cap);
        dc_free(al, fail, cap * sizeof *fail);
        dc_free(al, queue, cap * sizeof *queue);
        return DECORUM_ERR_NOMEM;
    }
    size_t states = 1;
    for (size_t i = 0; i < b->n; i++) {
        const pat *p = &b->pats[i];
        const unsigned char *t = (const unsigned char *)b->buf + b->off[i];
        if (!(p->how == DC_HIT_EXACT && (p->bits & PB_TABLE) &&
              cand_literal(p->bits, p->how) &&
              single_word((const char *)t, p->len)))
            continue;
        size_t st = 0;
        for (size_t k = 0; k < p->len; k++) {
            uint16_t *nx = &ac[st * AC_SYMS + code5_tab[t[k]]];
            if (!*nx)
                *nx = (uint16_t)states++;
            st = *nx;
        }
        out[st] = 1;
    }
    /* Breadth first: missing transitions follow the failure link. */
    size_t qh = 0, qt = 0;
    for (size_t c = 0; c < AC_SYMS; c++)
        if (ac[c])
            queue[qt++] = ac[c]; /* fail = 0 */
    while (qh < qt) {
        size_t st = queue[qh++];
        out[st] |= out[fail[st]];
        for (size_t c = 0; c < AC_SYMS; c++) {
            uint16_t *nx = &ac[st * AC_SYMS + c];
            uint16_t via = ac[fail[st] * AC_SYMS + c];
            if (*nx) {
                fail[*nx] = via;
                queue[qt++] = *nx;
            } else {
                *nx = via;
            }
        }
    }
    dc_free(al, fail, cap * sizeof *fail);
    dc_free(al, queue, cap * sizeof *queue);
    m->ac = dc_calloc(al, states * AC_SYMS, sizeof *m->ac);
    if (m->ac) {
        m->ac_states = states;
        for (size_t i = 0; i < states * AC_SYMS; i++)
            m->ac[i] = (uint16_t)(ac[i] << 1 | out[ac[i]]);
    }
    dc_free(al, ac, cap * AC_SYMS * sizeof *ac);
    dc_free(al, out, cap);
    return m->ac ? DECORUM_OK : DECORUM_ERR_NOMEM;
}

/* The run keys' Bloom filter (m->wbloom), from the finished hash: every
 * key whose bytes are all word bytes or '*' (hash_get_run). */
static decorum_status build_wbloom(const dc_alloc *al, dc_matcher *m)
{
    size_t count = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < m->hash_cap; i++) {
            const hslot *sl = &m->hash[i];
            if (!sl->val)
                continue;
            const unsigned char *k =
                (const unsigned char *)m->lits + (sl->ol >> 6);
            size_t len = (sl->ol & 63u) + 1, j = 0;
            while (j < len && wordstar(k[j]))
                j++;
            if (j < len)
                continue;
            if (pass == 0) {
                count++;
                continue;
            }
            uint64_t f = hash_bytes(k, len);
            m->wbloom[(size_t)(f >> 32) & m->wbloom_wmask] |= bloom_mask(f);
        }
        if (pass == 0) {
            size_t wcap = 64;
            while (wcap < count * WBLOOM_BITS_PER)
                wcap *= 2;
            m->wbloom = dc_calloc(al, wcap / 64, sizeof *m->wbloom);
            if (!m->wbloom)
                return DECORUM_ERR_NOMEM;
            bloom_set_cap(m, m->bloom_cap, wcap);
        }
    }
    return DECORUM_OK;
}

/* Moves the literals the word pass finds out of the database into
 * m->hash, with their leading words when they are phrases, and the exact
 * single-word terms (pieces of run-together words, which stay in the
 * database if they are compound-eligible). Short terms (short_tab) are in
 * neither. */
static decorum_status build_hash(const dc_alloc *al, dc_matcher *m,
                                 builder *b)
{
    size_t count = 0, bytes = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < b->n; i++) {
            pat *p = &b->pats[i];
            const unsigned char *t = (const unsigned char *)b->buf + b->off[i];
            bool word = word_literal(t, p->len, p->bits, p->how);
            bool piece = i < m->n_groups && (p->bits & PB_SEG) &&
                         !(p->bits & PB_TABLE) && p->len <= HASH_MAXLEN;
            if (!word && !piece)
                continue;
            if (pass == 0) {
                count++;
                bytes += p->len;
                for (size_t k = 1; word && k < p->len; k++)
                    count += wordstar(t[k - 1]) && !wordstar(t[k]);
                continue;
            }
            uint32_t val = (uint32_t)i, off = (uint32_t)m->lits_len;
            memcpy(m->lits + off, t, p->len);
            m->lits_len += p->len;
            if (word) {
                val |= HV_WORD;
                p->bits |= PB_TABLE;
                if (p->len > m->hmax_word)
                    m->hmax_word = p->len;
            }
            if (word && cand_literal(p->bits, p->how)) {
                val |= HV_CAND;
                m->cand_any = true;
                size_t w1 = 0; /* its first word */
                while (w1 < p->len && wordstar(t[w1]))
                    w1++;
                if (w1 == p->len) {
                    if (p->len > m->hmax_cand)
                        m->hmax_cand = p->len;
                    size_t bit = ctri_bit(t);
                    m->ctri[bit >> 6] |= 1ull << (bit & 63);
                } else {
                    m->cand_phrase = true;
                    int c0 = alnum_code(t[0]), c1 = w1 == 2 ? alnum_code(t[1]) : 0;
                    if (w1 >= 4)
                        m->filt[s1_slot((const unsigned char *)t + w1 - 4)] |=
                            filt_bit(w1);
                    else if (w1 == 3)
                        filt_add(m, F_S1, t, 3);
                    else if (c0 < 0 || c1 < 0)
                        m->s1_odd = true;
                    else {
                        size_t bit = w1 == 1 ? (size_t)c0 : 36u + (size_t)(c0 * 36 + c1);
                        m->s1_short[bit >> 6] |= 1ull << (bit & 63);
                    }
                }
            }
            if (piece) {
                bool old34 = (p->len == 3 || p->len == 4) &&
                             !(p->bits & PB_COMP);
                for (size_t k = 0; old34 && k < p->len; k++)
                    old34 = alnum_code(t[k]) >= 0;
                val |= HV_PIECE | (old34 ? HV_OLD34 : 0);
                if (p->len > m->hmax_piece)
                    m->hmax_piece = p->len;
                if (p->len >= 3) {
                    filt_add(m, F_PRE, t, p->len);
                    filt_add(m, F_SUF, t + p->len - 3, p->len);
                } else {
                    m->piece12 = true;
                }
            }
            hash_add(m, off, p->len, val);
        }
        /* The split triggers, keys that are no literal (HV_TRIG). */
        for (size_t i = 0; i < m->split.cap; i++) {
            const char *f;
            size_t len;
            if (!dc_split_trigger_at(&m->split, i, &f, &len) ||
                len > HASH_MAXLEN)
                continue;
            if (pass == 0) {
                count++;
                bytes += len;
                continue;
            }
            uint32_t off = (uint32_t)m->lits_len;
            memcpy(m->lits + off, f, len);
            m->lits_len += len;
            hash_add(m, off, len, HV_TRIG);
        }
        if (pass == 0) {
            if (count == 0)
                return DECORUM_OK;
            /* At most two thirds full; the Bloom filter answers most misses. */
            size_t cap = 16, bits = 4;
            while (cap < count + count / 2) {
                cap *= 2;
                bits++;
            }
            if (cap > HASH_CAP_MAX)
                return DECORUM_ERR_TOOBIG;
            size_t bcap = 64;
            while (bcap < count * BLOOM_BITS_PER)
                bcap *= 2;
            m->hash = dc_calloc(al, cap, sizeof *m->hash);
            m->bloom = dc_calloc(al, bcap / 64, sizeof *m->bloom);
            m->lits_cap = bytes + 8; /* same_bytes reads 8 at a time */
            /* Zeroed: the 8 bytes past the last literal go into the
             * serialized blob and its checksum (valgrind saw them
             * uninitialised). */
            m->lits = dc_calloc(al, m->lits_cap, 1);
            m->filt = dc_calloc(al, F_N * PRE_SLOTS, sizeof *m->filt);
            m->ctri = dc_calloc(al, CTRI_WORDS, sizeof *m->ctri);
            m->hash_cap = cap;
            m->hash_shift = 64u - (unsigned)bits;
            bloom_set_cap(m, bcap, 0);
            m->lits_len = 0;
            if (!m->hash || !m->bloom || !m->lits || !m->filt || !m->ctri)
                return DECORUM_ERR_NOMEM;
        }
    }
    /* A phrase's leading words, each time a word ends inside it, point
     * into the phrase's bytes. After every literal: they may be literals
     * themselves ("white power"), and then share the slot. */
    for (size_t i = 0; i < m->hash_cap; i++) {
        hslot sl = m->hash[i];
        if (!(sl.val & HV_WORD))
            continue;
        size_t off = sl.ol >> 6, len = (sl.ol & 63u) + 1, last = len;
        const unsigned char *t = (const unsigned char *)m->lits + off;
        while (last > 0 && wordstar(t[last - 1]))
            last--; /* the last word is t[last, len) */
        for (size_t k = 1; k < len; k++) {
            if (!wordstar(t[k - 1]) || wordstar(t[k]))
                continue;
            hslot *ps = hash_add(m, off, k,
                                 HV_PREFIX |
                                     (sl.val & HV_CAND ? HV_CPREFIX : 0));
            /* Where the candidate may end if its last word comes next. */
            size_t gap = k;
            while (gap < len && !wordstar(t[gap]))
                gap++;
            ps->next |= 1u << (t[gap] & 31);
            if ((sl.val & HV_CAND) && gap == last)
                ps->lasts |= len - last <= 31 ? 1u << (len - last - 1)
                                              : 1u << 31;
        }
    }
    /* The count above was generous (a phrase's leading words are counted
     * for every form): now that the keys are known, at most two thirds
     * full. */
    size_t used = 0, cap = 16, bits = 4;
    for (size_t i = 0; i < m->hash_cap; i++)
        used += m->hash[i].val != 0;
    while (cap < used + used / 2) {
        cap *= 2;
        bits++;
    }
    if (cap < m->hash_cap) {
        hslot *old = m->hash, *nh = dc_calloc(al, cap, sizeof *nh);
        size_t old_cap = m->hash_cap;
        if (!nh)
            return DECORUM_ERR_NOMEM;
        m->hash = nh;
        m->hash_cap = cap;
        m->hash_shift = 64u - (unsigned)bits;
        for (size_t i = 0; i < old_cap; i++) {
            if (!old[i].val)
                continue;
            uint64_t f = hash_bytes((const unsigned char *)m->lits +
                                        (old[i].ol >> 6),
                                    (old[i].ol & 63u) + 1);
            size_t j = (size_t)(f >> m->hash_shift);
            while (nh[j].val)
                j = (j + 1) & (cap - 1);
            nh[j] = old[i];
        }
        dc_free(al, old, old_cap * sizeof *old);
    }
    decorum_status wst = build_wbloom(al, m);
    if (wst != DECORUM_OK)
        return wst;
    if (m->hmax_cand) {
        decorum_status st = build_ac(al, m, b);
        if (st != DECORUM_OK)
            return st;
    }
    /* What token_cands needs to know of a word that is a key. */
    for (size_t i = 0; m->cand_any && i < m->hash_cap; i++) {
        hslot *sl = &m->hash[i];
        size_t off = sl->ol >> 6, len = (sl->ol & 63u) + 1;
        const unsigned char *t = (const unsigned char *)m->lits + off;
        if (!sl->val || !single_word((const char *)t, len))
            continue;
        uint64_t F = reach(m, t, len);
        /* Splits, with a candidate term where a piece starts. */
        for (uint64_t st = (F >> (len - 1)) & 1 ? (F << 1 | 1) : 0;
             st && !(sl->val & HV_SPLIT); st &= st - 1) {
            size_t at = (size_t)__builtin_ctzll(st);
            for (size_t l = 3; at + l <= len; l++)
                if (hash_find(m, t + at, l, hash_bytes(t + at, l), HV_CAND))
                    sl->val |= HV_SPLIT;
        }
        for (uint64_t st = F & ((1ull << (len - 1)) - 1); st; st &= st - 1) {
            size_t at = (size_t)__builtin_ctzll(st) + 1;
            if (hash_find(m, t + at, len - at, hash_bytes(t + at, len - at),
                          HV_CPREFIX))
                sl->val |= HV_INNER;
        }
    }
    return DECORUM_OK;
}

/* The split spellings of lx (split.c), whose triggers build_hash makes
 * keys: the table is made with the matcher and kept in its blob (it takes
 * ~9M instructions to make, three times what loading the whole matcher
 * from the blob takes). */
static decorum_status split_table(const dc_alloc *al, const dc_lexicon *lx,
                                  dc_matcher *m)
{
    const dc_blob *w = dc_builtin_words_count ? &dc_builtin_words[0] : NULL;
    return dc_splits_new(al, lx, w ? (const char *)w->data : "",
                         w ? w->len : 0, &m->split);
}

/* Fills m's tables and b's literals from lx. */
static decorum_status build(const dc_alloc *al, const dc_lexicon *lx,
                            dc_matcher *m, builder *b, decorum_error *err)
{
    decorum_status st = DECORUM_OK;
    uint32_t *group_of = NULL;
    size_t n = lx->n;
    if (n > MAX_PATTERNS)
        return dc_fail(err, DECORUM_ERR_TOOBIG, (size_t)-1,
                       "%zu lexicon entries: more than the matcher's %u", n,
                       MAX_PATTERNS);
    m->n_entries = n;
    m->ebits = dc_calloc(al, n, sizeof *m->ebits);
    m->gent = dc_calloc(al, n, sizeof *m->gent);
    group_of = dc_calloc(al, n, sizeof *group_of);
    if (!m->ebits || !m->gent || !group_of) {
        st = DECORUM_ERR_NOMEM;
        goto fail;
    }
    /* Exact patterns first, so that pattern id == group index for them
     * and every term is in the set before any generated form. A discourse
     * marker ("lol", "i mean") is no literal: the rules read the few at a
     * sentence's edge from its tokens (rules.c edge_markers), and as hits
     * the common ones ("so", "like", "right") cost every comment a look;
     * such an entry is in no group (group_of UINT32_MAX). */
    for (size_t i = 0; i < n; i++) {
        const dc_entry *e = &lx->entries[i];
        if (e->kind == DC_KIND_DISCOURSE || e->kind == DC_KIND_LABEL ||
            e->kind == DC_KIND_WORD) {
            group_of[i] = UINT32_MAX;
            continue;
        }
        m->ebits[i] = entry_bits(e);
        long p = find_lit(b, e->term, e->term_len);
        if (p < 0) {
            p = (long)b->n;
            st = add_lit(b, e->term, e->term_len, (uint32_t)p, DC_HIT_EXACT,
                         edge_bits(e->term, e->term_len));
            if (st != DECORUM_OK)
                goto fail;
        }
        group_of[i] = (uint32_t)p;
    }
    m->n_groups = b->n;
    b->n_terms = b->n;
    m->groups = dc_calloc(al, m->n_groups, sizeof *m->groups);
    if (!m->groups) {
        st = DECORUM_ERR_NOMEM;
        goto fail;
    }
    for (size_t i = 0; i < n; i++)
        if (group_of[i] != UINT32_MAX)
            m->groups[group_of[i]].n++;
    for (size_t g = 0, at = 0; g < m->n_groups; g++) {
        m->groups[g].first = (uint32_t)at;
        at += m->groups[g].n;
        m->groups[g].n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (group_of[i] == UINT32_MAX)
            continue;
        grp *g = &m->groups[group_of[i]];
        m->gent[g->first + g->n++] = (uint32_t)i;
        pat *p = &b->pats[group_of[i]];
        if ((m->ebits[i] & EB_COMPOUND))
            p->bits |= PB_COMP;
    }
    /* A token that is a term (or its plural) is a word, not words run
     * together: "niggas" is not nig + gas, "japan" (allow) not jap + an.
     * Codes, dog whistles and conspiracy phrases are the exception: they
     * are often hashtags of words ("killalljews", "whitegenocide"). */
    for (size_t i = 0; i < n; i++) {
        dc_kind k = (dc_kind)lx->entries[i].kind;
        if (group_of[i] != UINT32_MAX && k != DC_KIND_CODE &&
            k != DC_KIND_DOGWHISTLE && k != DC_KIND_CONSPIRACY)
            b->pats[group_of[i]].bits |= PB_WORD;
    }
    for (size_t g = 0; g < m->n_groups; g++) {
        const unsigned char *t = (const unsigned char *)b->buf + b->off[g];
        if (single_word((const char *)t, b->pats[g].len))
            b->pats[g].bits |= PB_SEG;
        int slot = short_slot(t, b->pats[g].len);
        if (slot < 0)
            continue;
        if (!m->short_tab &&
            !(m->short_tab = dc_calloc(al, SHORT_SLOTS, sizeof *m->short_tab))) {
            st = DECORUM_ERR_NOMEM;
            goto fail;
        }
        m->short_tab[slot] = (uint32_t)g + 1;
        b->pats[g].bits |= PB_TABLE;
    }
    /* A trade (sense `sector` only: "market", "business", "trade") is no
     * piece of run-together words: "blackmarket" is not black + market,
     * "businessmen" not business + men (session 45, rv45d). */
    for (size_t g = 0; g < m->n_groups; g++) {
        if (!(b->pats[g].bits & PB_SEG))
            continue;
        bool other = false;
        for (uint32_t k = 0; k < m->groups[g].n; k++)
            other |= DC_SENSE_OF(lx->entries[m->gent[m->groups[g].first + k]]
                                     .flags) != DC_SENSE_SECTOR;
        if (!other)
            b->pats[g].bits &= ~(uint32_t)PB_SEG;
    }
    /* Verb forms the suffix check cannot see. */
    for (size_t g = 0; g < m->n_groups; g++) {
        const dc_entry *e = &lx->entries[m->gent[m->groups[g].first]];
        bool verb = false;
        for (uint32_t k = 0; k < m->groups[g].n; k++)
            verb |= (m->ebits[m->gent[m->groups[g].first + k]] & EB_VERB) != 0;
        if (verb && (st = gen_verb_forms(b, (uint32_t)g, e->term,
                                         e->term_len)) != DECORUM_OK)
            goto fail;
    }
    /* Contractions without their apostrophe ("dont"), and "not X" with a
     * copula's ("aren't X"). */
    for (size_t g = 0; g < m->n_groups; g++) {
        const dc_entry *e = &lx->entries[m->gent[m->groups[g].first]];
        if ((st = gen_bare_form(b, (uint32_t)g, e->term, e->term_len)) !=
                DECORUM_OK ||
            (st = gen_not_forms(b, (uint32_t)g, (dc_kind)e->kind, e->term,
                                e->term_len)) != DECORUM_OK)
            goto fail;
    }
    size_t before_fuzzy = b->n;
    m->stats.inflected = before_fuzzy - m->n_groups;
    for (size_t g = 0; g < m->n_groups; g++) {
        const dc_entry *e = &lx->entries[m->gent[m->groups[g].first]];
        uint8_t any = 0;
        for (uint32_t k = 0; k < m->groups[g].n; k++)
            any |= m->ebits[m->gent[m->groups[g].first + k]];
        if ((any & (EB_FUZZY | EB_MASKED)) &&
            (st = gen_fuzzy(b, (uint32_t)g, e->term, e->term_len,
                            (any & EB_FUZZY) != 0,
                            (any & EB_DISGUISE) != 0)) != DECORUM_OK)
            goto fail;
    }
    if ((st = gen_stars(al, lx, m, b)) != DECORUM_OK ||
        (st = split_table(al, lx, m)) != DECORUM_OK ||
        (st = build_hash(al, m, b)) != DECORUM_OK)
        goto fail;
    for (size_t i = before_fuzzy; i < b->n; i++) {
        if (b->pats[i].how == DC_HIT_MASKED)
            m->stats.masked++;
        else
            m->stats.fuzzy++;
    }
    m->stats.entries = n;
    m->stats.terms = m->n_groups;
    m->stats.patterns = b->n;
    m->stats.suppressed = b->suppressed;
    pow_fill(m);
    /* The key covers everything the compiled database depends on: the
     * literals it holds, with their ids. */
    uint64_t h = DC_FNV_BASIS;
    const unsigned ver = GEN_VERSION;
    const char *hsv = hs_version();
    h = dc_fnv1a64(h, &ver, sizeof ver);
    h = dc_fnv1a64(h, hsv, strlen(hsv) + 1);
    for (size_t i = 0; i < b->n; i++) {
        if (b->pats[i].bits & PB_TABLE)
            continue;
        if (b->pats[i].len <= 2) {
            if ((st = dc_grow(al, (void **)&m->tiny, &m->tiny_cap, m->n_tiny + 1,
                              sizeof *m->tiny, MAX_PATTERNS)) != DECORUM_OK)
                goto fail;
            struct tinylit *tl = &m->tiny[m->n_tiny++];
            tl->id = (uint32_t)i;
            tl->len = (uint8_t)b->pats[i].len;
            memcpy(tl->c, b->buf + b->off[i], tl->len);
            unsigned char c0 = tl->c[0];
            m->tiny_first[c0 >> 6] |= 1ull << (c0 & 63);
            b->pats[i].bits |= PB_TABLE; /* not in the database */
            continue;
        }
        uint32_t id = (uint32_t)i;
        h = dc_fnv1a64(h, &id, sizeof id);
        h = dc_fnv1a64(h, b->buf + b->off[i], (size_t)b->pats[i].len + 1);
        m->n_compiled++;
        unsigned char c = (unsigned char)b->buf[b->off[i]];
        if (c >= 0x80)
            m->db_nonascii = true;
        else if (word_byte(c) || c == '*')
            m->db_always = true;
        else if (!memchr(m->db_first, c, m->db_n_first)) {
            if (m->db_n_first == sizeof m->db_first)
                m->db_always = true;
            else
                m->db_first[m->db_n_first++] = c;
        }
    }
    m->key = h;
    m->stats.compiled = m->n_compiled;
fail:
    dc_free(al, group_of, n * sizeof *group_of);
    if (st != DECORUM_OK)
        dc_fail(err, st, (size_t)-1, "building the matcher: %s",
                decorum_strerror(st));
    return st;
}

/* Compiles b's literals; platform NULL means this CPU. */
static decorum_status compile(const dc_alloc *al, const dc_lexicon *lx,
                              const dc_matcher *m, const builder *b,
                              const hs_platform_info_t *platform,
                              hs_database_t **db, decorum_error *err)
{
    decorum_status st = DECORUM_OK;
    size_t n = m->n_compiled;
    const char **expr = dc_calloc(al, n, sizeof *expr);
    size_t *lens = dc_calloc(al, n, sizeof *lens);
    unsigned *ids = dc_calloc(al, n, sizeof *ids);
    hs_compile_error_t *ce = NULL;
    if (!expr || !lens || !ids) {
        st = dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1,
                     "compiling the matcher: out of memory");
        goto fail;
    }
    for (size_t i = 0, k = 0; i < b->n; i++) {
        if (b->pats[i].bits & PB_TABLE)
            continue;
        expr[k] = b->buf + b->off[i];
        lens[k] = b->pats[i].len;
        ids[k++] = (unsigned)i;
    }
    if (hs_compile_lit_multi(expr, NULL, ids, lens, (unsigned)n,
                             HS_MODE_BLOCK, platform, db, &ce) != HS_SUCCESS) {
        if (ce && ce->expression >= 0 && (size_t)ce->expression < n) {
            const pat *p = &b->pats[ids[ce->expression]];
            const dc_entry *e =
                &lx->entries[m->gent[m->groups[p->group].first]];
            st = dc_fail(err, DECORUM_ERR_MATCHER, (size_t)-1,
                         "%s:%u: term \"%s\": %s", e->file, e->line, e->term,
                         ce->message);
        } else {
            st = dc_fail(err, DECORUM_ERR_MATCHER, (size_t)-1,
                         "compiling the matcher: %s",
                         ce ? ce->message : "unknown error");
        }
        *db = NULL;
    }
fail:
    hs_free_compile_error(ce);
    dc_free(al, expr, n * sizeof *expr);
    dc_free(al, lens, n * sizeof *lens);
    dc_free(al, ids, n * sizeof *ids);
    return st;
}

/* ---------------------------------------------------------------------- */
/* The precompiled matcher                                                */
/* ---------------------------------------------------------------------- */

/* The blob holds the whole matcher, so that loading the built-in lexicon
 * only checks it and points into it:
 *
 *   0  "DCMATCH2"
 *   8  u64 the database key (m->key)      16 u32 patterns in the database
 *  20  u32 BLOB_VERSION                   24 u64 lexicon hash (lex_hash)
 *  32  u64 total length                   40 u32 BLOB_BOM (byte order)
 *  44  u32 sizeof(dc_matcher)             48 u32 sizeof(hslot)
 *  52  u32 S_N                            56 u64 blob_sum of [64, length)
 *  64  S_N times u64 offset, u64 length of the sections below, each at a
 *      multiple of BLOB_ALIGN from the start
 *
 * Sections: the dc_matcher itself (pointers zeroed), its arrays in the
 * order of enum sect, and hs_serialize_database's bytes (none when
 * nothing is left for Vectorscan). The tables are in this machine's
 * layout and byte order: the blob is made by the same build that embeds
 * it, and the header refuses any other. */
enum sect {
    S_IMAGE, S_PATS, S_GROUPS, S_GENT, S_EBITS, S_SHORT, S_HASH, S_BLOOM,
    S_WBLOOM, S_LITS, S_FILT, S_CTRI, S_AC, S_TINY, S_SPLIT, S_DB, S_N
};

/* One step of mix_bytes. */
static inline uint64_t mix_word(uint64_t h, uint64_t w)
{
    h = (h ^ w) * HASH_MUL;
    return h ^ h >> 29;
}

/* h with s[0, n) and n mixed in, eight bytes at a time; the last word is
 * the last eight bytes (overlapping the one before), a shorter string two
 * overlapping halves or its first, middle and last byte. lex_hash's bytes
 * (60 KB of terms and groups) went through dc_fnv1a64's byte loop at every
 * engine open: 0.55M instructions, a quarter of a one-comment `decorum
 * score`. */
static uint64_t mix_bytes(uint64_t h, const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    uint64_t w;
    h = mix_word(h, n);
    if (n >= 8) {
        size_t i = 0;
        for (; n - i > 8; i += 8) {
            memcpy(&w, s + i, 8);
            h = mix_word(h, w);
        }
        memcpy(&w, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (n) {
        w = (uint64_t)s[0] << 16 | (uint64_t)s[n / 2] << 8 | s[n - 1];
    } else {
        return h;
    }
    return mix_word(h, w);
}

/* The generator's and Vectorscan's versions, hashed: where lex_hash
 * starts, and what a blob's image keeps (dc_matcher.ver). */
static uint64_t ver_hash(void)
{
    uint64_t h = DC_FNV_BASIS;
    const unsigned ver[2] = {GEN_VERSION, BLOB_VERSION};
    const char *hsv = hs_version();
    h = dc_fnv1a64(h, ver, sizeof ver);
    return dc_fnv1a64(h, hsv, strlen(hsv) + 1);
}

/* The lexicon as the matcher reads it, with the generator's and
 * Vectorscan's versions: a blob built from anything else is not used.
 * The blob holds the hash its own build computed, so the function may
 * change with the build. */
static uint64_t lex_hash(const dc_lexicon *lx)
{
    uint64_t h = ver_hash();
    uint64_t n = lx->n;
    h = dc_fnv1a64(h, &n, sizeof n);
    for (size_t i = 0; i < lx->n; i++) {
        const dc_entry *e = &lx->entries[i];
        uint64_t f = (uint64_t)e->term_len | (uint64_t)e->kind << 32;
        h = (h ^ f) * HASH_MUL;
        h = (h ^ e->flags) * HASH_MUL;
        h = (h ^ e->categories) * HASH_MUL;
        h = mix_bytes(h, e->term, e->term_len);
        /* Both loaders set group_len (cut at UINT16_MAX, never reached
         * by a group's name). */
        h = mix_bytes(h, e->group, e->group_len < UINT16_MAX
                                       ? e->group_len
                                       : strlen(e->group));
    }
    return h;
}

/* A checksum of the blob's sections (their offsets are multiples of
 * BLOB_ALIGN): Fletcher sums of 8-byte words in four lanes, which the
 * compiler keeps in vector registers. It catches a damaged blob; what
 * keeps a wrong one from being read out of bounds is blob_tables_ok. */
typedef uint64_t u64x2 __attribute__((vector_size(16)));

static uint64_t blob_sum(const unsigned char *p, size_t len)
{
    u64x2 a0 = {1, 2}, a1 = {3, 4}, b0 = {0, 0}, b1 = {0, 0};
    size_t i = 0;
    for (; i + 32 <= len; i += 32) {
        u64x2 w0, w1;
        memcpy(&w0, p + i, 16);
        memcpy(&w1, p + i + 16, 16);
        a0 += w0;
        a1 += w1;
        b0 += a0;
        b1 += a1;
    }
    for (; i < len; i++) {
        a0[0] += p[i];
        b0[0] += a0[0];
    }
    uint64_t h = 0, v[8] = {a0[0], a0[1], a1[0], a1[1],
                            b0[0], b0[1], b1[0], b1[1]};
    for (int k = 0; k < 8; k++) { /* murmur3's fmix64 after each */
        h ^= v[k];
        h = (h ^ h >> 33) * 0xff51afd7ed558ccdull;
        h = (h ^ h >> 33) * 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 33;
    }
    return h;
}

/* Where the arrays of m are and how long they are (the image aside). */
static void blob_arrays(const dc_matcher *m, const void **ptr, size_t *len)
{
    ptr[S_PATS] = m->pats;
    len[S_PATS] = m->n_pats * sizeof *m->pats;
    ptr[S_GROUPS] = m->groups;
    len[S_GROUPS] = m->n_groups * sizeof *m->groups;
    ptr[S_GENT] = m->gent;
    len[S_GENT] = m->n_entries * sizeof *m->gent;
    ptr[S_EBITS] = m->ebits;
    len[S_EBITS] = m->n_entries * sizeof *m->ebits;
    ptr[S_SHORT] = m->short_tab;
    len[S_SHORT] = m->short_tab ? SHORT_SLOTS * sizeof *m->short_tab : 0;
    ptr[S_HASH] = m->hash;
    len[S_HASH] = m->hash ? m->hash_cap * sizeof *m->hash : 0;
    ptr[S_BLOOM] = m->bloom;
    len[S_BLOOM] = m->bloom ? m->bloom_cap / 8 : 0;
    ptr[S_WBLOOM] = m->wbloom;
    len[S_WBLOOM] = m->wbloom ? m->wbloom_cap / 8 : 0;
    ptr[S_LITS] = m->lits;
    len[S_LITS] = m->lits ? m->lits_cap : 0;
    ptr[S_FILT] = m->filt;
    len[S_FILT] = m->filt ? F_N * PRE_SLOTS * sizeof *m->filt : 0;
    ptr[S_CTRI] = m->ctri;
    len[S_CTRI] = m->ctri ? CTRI_WORDS * sizeof *m->ctri : 0;
    ptr[S_AC] = m->ac;
    len[S_AC] = m->ac ? m->ac_states * AC_SYMS * sizeof *m->ac : 0;
    ptr[S_TINY] = m->tiny;
    len[S_TINY] = m->n_tiny * sizeof *m->tiny;
    ptr[S_SPLIT] = m->split.tab;
    len[S_SPLIT] = m->split.tab ? m->split.cap * dc_split_slot_size() : 0;
}

static size_t blob_round(size_t n)
{
    return (n + BLOB_ALIGN - 1) / BLOB_ALIGN * BLOB_ALIGN;
}

/* Serializes m (built for lx) and its database's bytes db[0, db_len). */
static decorum_status blob_write(const dc_alloc *al, const dc_matcher *m,
                                 uint64_t lexh, const char *db, size_t db_len,
                                 unsigned char **out, size_t *out_len)
{
    const void *ptr[S_N] = {0};
    size_t len[S_N] = {0}, off[S_N];
    dc_matcher img;
    memcpy(&img, m, sizeof img); /* padding too: m was zeroed */
    img.db = NULL;
    img.pats = NULL;
    img.groups = NULL;
    img.gent = NULL;
    img.ebits = NULL;
    img.short_tab = NULL;
    img.hash = NULL;
    img.bloom = NULL;
    img.wbloom = NULL;
    img.lits = NULL;
    img.filt = NULL;
    img.ctri = NULL;
    img.ac = NULL;
    img.tiny = NULL;
    img.own = NULL;
    img.split.tab = NULL;
    img.own_len = 0;
    img.ver = ver_hash();
    img.from_blob = false;
    img.stats.precompiled = false;
    blob_arrays(m, ptr, len);
    ptr[S_IMAGE] = &img;
    len[S_IMAGE] = sizeof img;
    ptr[S_DB] = db;
    len[S_DB] = db_len;
    size_t total = blob_round(BLOB_HEADER + S_N * 16);
    for (int i = 0; i < S_N; i++) {
        off[i] = total;
        if (len[i] > SIZE_MAX / 2 - total)
            return DECORUM_ERR_TOOBIG;
        total = blob_round(total + len[i]);
    }
    unsigned char *o = dc_calloc(al, total, 1);
    if (!o)
        return DECORUM_ERR_NOMEM;
    for (int i = 0; i < S_N; i++) {
        dc_put_le(o + BLOB_HEADER + 16 * i, off[i], 8);
        dc_put_le(o + BLOB_HEADER + 16 * i + 8, len[i], 8);
        if (len[i])
            memcpy(o + off[i], ptr[i], len[i]);
    }
    memcpy(o, BLOB_MAGIC, 8);
    dc_put_le(o + 8, m->key, 8);
    dc_put_le(o + 16, m->n_compiled, 4);
    dc_put_le(o + 20, BLOB_VERSION, 4);
    dc_put_le(o + 24, lexh, 8);
    dc_put_le(o + 32, total, 8);
    dc_put_le(o + 40, BLOB_BOM, 4);
    dc_put_le(o + 44, sizeof(dc_matcher), 4);
    dc_put_le(o + 48, sizeof(hslot), 4);
    dc_put_le(o + 52, S_N, 4);
    dc_put_le(o + 56, blob_sum(o + BLOB_HEADER, total - BLOB_HEADER), 8);
    *out = o;
    *out_len = total;
    return DECORUM_OK;
}

static bool pow2(size_t n)
{
    return n && !(n & (n - 1));
}

/* Are m's tables (pointing into a blob) consistent, so that scanning with
 * them stays inside them? n_entries: the lexicon's. */
static bool blob_tables_ok(const dc_matcher *m, size_t n_entries)
{
    if (m->n_entries != n_entries || m->n_pats > MAX_PATTERNS ||
        m->n_groups > m->n_pats || m->n_tiny > m->n_pats ||
        m->n_compiled > m->n_pats || m->hmax_word > HASH_MAXLEN ||
        m->hmax_piece > HASH_MAXLEN || m->hmax_cand > HASH_MAXLEN ||
        m->db_n_first > sizeof m->db_first || m->ac_states > AC_MAX ||
        !dc_splits_ok(&m->split, n_entries))
        return false;
    for (size_t g = 0; g < m->n_groups; g++)
        if ((uint64_t)m->groups[g].first + m->groups[g].n > m->n_entries)
            return false;
    for (size_t i = 0; i < m->n_entries; i++)
        if (m->gent[i] >= m->n_entries)
            return false;
    uint32_t bad = 0;
    for (size_t i = 0; i < m->n_pats; i++)
        bad |= (m->pats[i].group >= m->n_groups) | (m->pats[i].len == 0) |
               (m->pats[i].how > DC_HIT_MASKED);
    if (bad)
        return false;
    for (size_t i = 0; m->short_tab && i < SHORT_SLOTS; i++)
        if (m->short_tab[i] > m->n_groups)
            return false;
    for (size_t i = 0; i < m->n_tiny; i++)
        if (m->tiny[i].id >= m->n_pats || m->tiny[i].len < 1 ||
            m->tiny[i].len > 2)
            return false;
    if (m->ac) {
        /* Every target must be a state. */
        size_t lim = m->ac_states * AC_SYMS;
        for (size_t i = 0; i < lim; i++)
            bad |= (size_t)(m->ac[i] >> 1) >= m->ac_states;
        if (bad)
            return false;
    }
    if (!m->hash)
        return !m->bloom && !m->wbloom && !m->lits && !m->filt &&
               !m->ctri && !m->ac &&
               !m->cand_any && !m->hmax_word && !m->hmax_piece;
    if (!m->bloom || !m->wbloom || !m->lits || !m->filt || !m->ctri ||
        !pow2(m->hash_cap) || m->hash_cap < 16 ||
        m->hash_cap > HASH_CAP_MAX || !pow2(m->bloom_cap) ||
        m->bloom_cap < 64 || !pow2(m->wbloom_cap) || m->wbloom_cap < 64 ||
        m->lits_len > m->lits_cap ||
        m->lits_len > UINT32_MAX ||
        m->lits_cap - m->lits_len < 8 ||
        m->hash_shift != 64u - (unsigned)__builtin_ctzll(m->hash_cap))
        return false;
    size_t used = 0;
    const uint32_t np = (uint32_t)m->n_pats, ll = (uint32_t)m->lits_len;
    for (size_t i = 0; i < m->hash_cap; i++) {
        const hslot *sl = &m->hash[i];
        if (!sl->val)
            continue; /* most slots: one test */
        used++;
        bad |= ((sl->val & HV_ID) >= np) |
               ((sl->ol >> 6) + (sl->ol & 63u) + 1 > ll);
    }
    return !bad && used < m->hash_cap; /* every probe ends at an empty slot */
}

/* *out: a matcher for lx from the blob data[0, len). DECORUM_ERR_FORMAT
 * if the blob is not one for lx (another lexicon, version or build) or is
 * damaged. embedded: the blob is one of dc_builtin_matchdb[], part of the
 * program like its code, so its checksum and table ranges are not
 * recomputed at every start (4.3 M instructions, 1.3% of
 * scoring the benchmark corpus); tests/unit/test_match.c loads each
 * embedded blob with every check. Its header is still read: it says
 * which lexicon the blob is for. */
static decorum_status blob_load(const dc_alloc *al, const dc_lexicon *lx,
                                uint64_t lexh, const unsigned char *data,
                                size_t len, bool embedded, bool builtin,
                                dc_matcher **out)
{
    *out = NULL;
    if (!data || len < BLOB_HEADER + S_N * 16 ||
        memcmp(data, BLOB_MAGIC, 8) != 0 ||
        dc_get_le(data + 20, 4) != BLOB_VERSION || dc_get_le(data + 24, 8) != lexh ||
        dc_get_le(data + 32, 8) != len || dc_get_le(data + 40, 4) != BLOB_BOM ||
        dc_get_le(data + 44, 4) != sizeof(dc_matcher) ||
        dc_get_le(data + 48, 4) != sizeof(hslot) || dc_get_le(data + 52, 4) != S_N)
        return DECORUM_ERR_FORMAT;
    size_t off[S_N], slen[S_N];
    for (int i = 0; i < S_N; i++) {
        uint64_t o = dc_get_le(data + BLOB_HEADER + 16 * i, 8),
                 l = dc_get_le(data + BLOB_HEADER + 16 * i + 8, 8);
        if (o % BLOB_ALIGN || o < BLOB_HEADER + S_N * 16 || o > len ||
            l > len - o)
            return DECORUM_ERR_FORMAT;
        off[i] = (size_t)o;
        slen[i] = (size_t)l;
    }
    if (slen[S_IMAGE] != sizeof(dc_matcher) ||
        (!embedded && blob_sum(data + BLOB_HEADER, len - BLOB_HEADER) !=
                          dc_get_le(data + 56, 8)))
        return DECORUM_ERR_FORMAT;
    dc_matcher *m = dc_calloc(al, 1, sizeof *m);
    if (!m)
        return DECORUM_ERR_NOMEM;
    /* The tables are read in place when the blob is aligned for them
     * (the embedded one normally is), else from an aligned copy. */
    const unsigned char *base = data;
    void *own = NULL;
    if ((uintptr_t)data % sizeof(uint64_t) != 0) {
        if (!(own = dc_malloc(al, len))) {
            dc_free(al, m, sizeof *m);
            return DECORUM_ERR_NOMEM;
        }
        memcpy(own, data, len);
        base = own;
    }
    memcpy(m, base + off[S_IMAGE], sizeof *m);
    m->own = own;
    m->own_len = own ? len : 0;
    m->from_blob = true;
    m->stats.precompiled = true;
    const unsigned char *at[S_N];
    for (int i = 0; i < S_N; i++)
        at[i] = slen[i] ? base + off[i] : NULL;
    m->pats = (pat *)at[S_PATS];
    m->groups = (grp *)at[S_GROUPS];
    m->gent = (uint32_t *)at[S_GENT];
    m->ebits = (uint8_t *)at[S_EBITS];
    m->short_tab = (uint32_t *)at[S_SHORT];
    m->hash = (hslot *)at[S_HASH];
    m->bloom = (uint64_t *)at[S_BLOOM];
    m->wbloom = (uint64_t *)at[S_WBLOOM];
    m->lits = (char *)at[S_LITS];
    m->filt = (uint32_t *)at[S_FILT];
    m->ctri = (uint64_t *)at[S_CTRI];
    m->ac = (uint16_t *)at[S_AC];
    m->tiny = (struct tinylit *)at[S_TINY];
    m->split.tab = (void *)(uintptr_t)at[S_SPLIT];
    const void *ptr[S_N];
    size_t want[S_N];
    blob_arrays(m, ptr, want); /* the lengths the image says */
    for (int i = S_PATS; i < S_DB; i++)
        if (want[i] != slen[i])
            goto refuse;
    /* builtin (dc_matcher_new): lexh is the header's own, and the versions
     * are compared here, before the database is read */
    if (builtin && m->ver != ver_hash())
        goto refuse;
    /* Sizes the image claims for arrays it has none of. */
    if ((!m->hash && m->hash_cap) ||
        (!m->ac && m->ac_states) || (!m->tiny && m->n_tiny) ||
        (!m->split.tab && m->split.cap) ||
        (m->n_groups && (!m->groups || !m->pats)) ||
        (m->n_entries && (!m->gent || !m->ebits)))
        goto refuse;
    if (!m->hash) {
        m->hash_cap = 0;
        m->lits_cap = m->lits_len = 0;
    }
    bloom_set_cap(m, m->hash ? m->bloom_cap : 0, m->hash ? m->wbloom_cap : 0);
    m->pats_cap = m->n_pats;
    m->tiny_cap = m->n_tiny;
    if ((!embedded && !blob_tables_ok(m, lx->n)) ||
        m->n_entries != lx->n || (m->n_compiled > 0) != (slen[S_DB] > 0) ||
        dc_get_le(data + 8, 8) != m->key || dc_get_le(data + 16, 4) != m->n_compiled)
        goto refuse;
    pow_fill(m);
    if (m->n_compiled > 0) {
        hs_scratch_t *probe = NULL;
        size_t dbn = 0;
        void *mem = NULL;
        if (hs_serialized_database_size((const char *)at[S_DB], slen[S_DB],
                                        &dbn) != HS_SUCCESS ||
            dbn == 0)
            goto refuse;
        if (!(mem = dc_malloc(al, dbn))) {
            dc_matcher_free(al, m);
            return DECORUM_ERR_NOMEM;
        }
        /* (dc_malloc's blocks are aligned for any type, as the database
         * must be: 8 bytes) */
        if (hs_deserialize_database_at((const char *)at[S_DB], slen[S_DB],
                                       (hs_database_t *)mem) != HS_SUCCESS) {
            dc_free(al, mem, dbn);
            goto refuse;
        }
        m->db = (hs_database_t *)mem;
        m->db_bytes = dbn;
        /* A database this CPU cannot run would only fail later, in
         * dc_match_scratch_new, where nothing can be done about it. */
        if (hs_alloc_scratch(m->db, &probe) != HS_SUCCESS)
            goto refuse;
        m->hs_proto = probe;
        size_t size = 0;
        if (hs_database_size(m->db, &size) == HS_SUCCESS)
            m->stats.db_bytes = size;
    }
    *out = m;
    return DECORUM_OK;
refuse:
    dc_matcher_free(al, m);
    return DECORUM_ERR_FORMAT;
}

/* Loads lx's matcher from the blob data[0, len) (tests: a damaged or
 * foreign blob is refused with DECORUM_ERR_FORMAT). */
decorum_status dc_matcher_from_blob(const dc_alloc *al, const dc_lexicon *lx,
                                    const unsigned char *data, size_t len,
                                    dc_matcher **out, decorum_error *err);
decorum_status dc_matcher_from_blob(const dc_alloc *al, const dc_lexicon *lx,
                                    const unsigned char *data, size_t len,
                                    dc_matcher **out, decorum_error *err)
{
    if (!al || !lx || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_matcher_from_blob: NULL argument");
    decorum_status st =
        blob_load(al, lx, lex_hash(lx), data, len, false, false, out);
    if (st == DECORUM_ERR_FORMAT)
        return dc_fail(err, st, (size_t)-1,
                       "the matcher blob is damaged or not for this lexicon");
    if (st != DECORUM_OK)
        return dc_fail(err, st, (size_t)-1, "loading the matcher: %s",
                       decorum_strerror(st));
    return DECORUM_OK;
}

static decorum_status matcher_new(const dc_alloc *al, const dc_lexicon *lx,
                                  const hs_platform_info_t *platform,
                                  dc_matcher **out, decorum_error *err)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.al = al;
    decorum_status st;
    dc_matcher *m = dc_calloc(al, 1, sizeof *m);
    if (!m)
        return dc_fail(err, DECORUM_ERR_NOMEM, (size_t)-1,
                       "building the matcher: out of memory");
    if ((st = build(al, lx, m, &b, err)) != DECORUM_OK)
        goto fail;
    m->n_pats = b.n;
    if (m->n_compiled > 0) {
        if ((st = compile(al, lx, m, &b, platform, &m->db, err)) != DECORUM_OK)
            goto fail;
        size_t size = 0;
        if (hs_database_size(m->db, &size) == HS_SUCCESS)
            m->stats.db_bytes = size;
    }
    /* Keep the pattern table; the literals are in the database now. */
    m->pats = b.pats;
    m->pats_cap = b.cap;
    b.pats = NULL;
    b.cap = 0;
    builder_free(&b);
    *out = m;
    return DECORUM_OK;
fail:
    builder_free(&b);
    dc_matcher_free(al, m);
    return st;
}

decorum_status dc_matcher_new(const dc_alloc *al, const dc_lexicon *lx,
                              dc_matcher **out, decorum_error *err)
{
    if (!al || !lx || !out)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_matcher_new: NULL argument");
    /* The built-in lexicon (or the same files from a directory) loads the
     * matcher built with it; anything else, or a blob that does not check
     * out, is built here. */
    if (dc_builtin_matchdb_count > 0 && lx->n > 0) {
        /* The built-in lexicon's own image (borrowed: a lexicon with
         * anything added has an arena of its own) is the one tools/matchdb
         * made the embedded blobs from, in this build (it links the same
         * image): its hash is the one their headers hold, and is not made
         * again (1.1M instructions, a sixth of a start). Only the versions
         * are compared (the image's ver), which a shared Vectorscan of
         * another version would change. */
        const bool builtin = lx->borrowed;
        uint64_t lexh = builtin ? 0 : lex_hash(lx);
        for (size_t i = 0; i < dc_builtin_matchdb_count; i++) {
            const dc_blob *bl = &dc_builtin_matchdb[i];
            if (builtin && bl->len >= BLOB_HEADER)
                lexh = dc_get_le(bl->data + 24, 8);
            decorum_status st = blob_load(al, lx, lexh, bl->data, bl->len, true,
                                         builtin, out);
            if (st == DECORUM_ERR_NOMEM)
                return dc_fail(err, st, (size_t)-1,
                               "loading the matcher: out of memory");
            if (st == DECORUM_OK)
                return DECORUM_OK;
        }
    }
    return matcher_new(al, lx, NULL, out, err);
}

decorum_status dc_matcher_blob(const dc_alloc *al, const dc_lexicon *lx,
                               unsigned char **out, size_t *out_len,
                               decorum_error *err)
{
    if (!al || !lx || !out || !out_len)
        return dc_fail(err, DECORUM_ERR_INVALID, (size_t)-1,
                       "dc_matcher_blob: NULL argument");
    if (lx->n == 0)
        return dc_fail(err, DECORUM_ERR_EMPTY, (size_t)-1,
                       "the lexicon is empty: nothing to serialize");
    /* Generic: the blob is built on one machine and run on others. */
    static const hs_platform_info_t any_cpu = {HS_TUNE_FAMILY_GENERIC, 0, 0,
                                               0};
    dc_matcher *m = NULL;
    char *bytes = NULL;
    size_t len = 0;
    decorum_status st = matcher_new(al, lx, &any_cpu, &m, err);
    if (st != DECORUM_OK)
        return st;
    if (m->db && hs_serialize_database(m->db, &bytes, &len) != HS_SUCCESS) {
        st = dc_fail(err, DECORUM_ERR_MATCHER, (size_t)-1,
                     "hs_serialize_database failed");
        goto fail;
    }
    if ((st = blob_write(al, m, lex_hash(lx), bytes, len, out, out_len)) !=
        DECORUM_OK)
        dc_fail(err, st, (size_t)-1, "serializing the matcher: %s",
                decorum_strerror(st));
fail:
    free(bytes); /* Vectorscan's misc allocator: malloc */
    dc_matcher_free(al, m);
    return st;
}

void dc_matcher_free(const dc_alloc *al, dc_matcher *m)
{
    if (!m)
        return;
    hs_free_scratch(m->hs_proto);
    if (m->db_bytes)
        dc_free(al, m->db, m->db_bytes);
    else
        hs_free_database(m->db);
    if (m->from_blob) {
        dc_free(al, m->own, m->own_len);
        dc_free(al, m, sizeof *m);
        return;
    }
    dc_free(al, m->pats, m->pats_cap * sizeof *m->pats);
    dc_free(al, m->groups, m->n_groups * sizeof *m->groups);
    dc_free(al, m->gent, m->n_entries * sizeof *m->gent);
    dc_free(al, m->ebits, m->n_entries * sizeof *m->ebits);
    dc_free(al, m->short_tab, SHORT_SLOTS * sizeof *m->short_tab);
    dc_free(al, m->hash, m->hash_cap * sizeof *m->hash);
    dc_free(al, m->bloom, m->bloom_cap / 64 * sizeof *m->bloom);
    dc_free(al, m->wbloom, m->wbloom_cap / 64 * sizeof *m->wbloom);
    dc_free(al, m->lits, m->lits_cap);
    dc_free(al, m->filt, F_N * PRE_SLOTS * sizeof *m->filt);
    dc_free(al, m->tiny, m->tiny_cap * sizeof *m->tiny);
    dc_free(al, m->ctri, CTRI_WORDS * sizeof *m->ctri);
    dc_free(al, m->ac, m->ac_states * AC_SYMS * sizeof *m->ac);
    dc_splits_free(al, &m->split);
    dc_free(al, m, sizeof *m);
}

void dc_matcher_get_stats(const dc_matcher *m, dc_matcher_stats *out)
{
    if (m)
        *out = m->stats;
    else
        memset(out, 0, sizeof *out);
}

/* ---------------------------------------------------------------------- */
/* Scratch                                                                */
/* ---------------------------------------------------------------------- */

decorum_status dc_match_scratch_new(const dc_alloc *al, const dc_matcher *m,
                                    dc_match_scratch **out)
{
    if (!al || !m || !out)
        return DECORUM_ERR_INVALID;
    dc_match_scratch *ms = dc_calloc(al, 1, sizeof *ms);
    if (!ms)
        return DECORUM_ERR_NOMEM;
    ms->m = m;
    ms->watch_n = UINT32_MAX; /* watched: any hit */
    dc_match_scratch_set_avx2(ms, true); /* the CPU test lives there */
    if (m->cand_any || m->hmax_word) {
        if (!(ms->memo_mem = dc_calloc(al, MEMO_BYTES, 1))) {
            dc_free(al, ms, sizeof *ms);
            return DECORUM_ERR_NOMEM;
        }
        /* A pair of entries is one cache line, read at once. */
        ms->memo = (uint64_t *)(((uintptr_t)ms->memo_mem + 63) & ~(uintptr_t)63);
        ms->pc = ms->memo + MEMO_WORDS;
        ms->vic = ms->pc + PC_WORDS;
    }
    if (m->db) {
        hs_error_t r = m->hs_proto ? hs_clone_scratch(m->hs_proto, &ms->hs)
                                   : hs_alloc_scratch(m->db, &ms->hs);
        if (r != HS_SUCCESS) {
            dc_free(al, ms->memo_mem, MEMO_BYTES);
            dc_free(al, ms, sizeof *ms);
            return r == HS_NOMEM ? DECORUM_ERR_NOMEM : DECORUM_ERR_MATCHER;
        }
    }
    *out = ms;
    return DECORUM_OK;
}

void dc_match_scratch_free(const dc_alloc *al, dc_match_scratch *ms)
{
    if (!ms)
        return;
    hs_free_scratch(ms->hs);
    dc_free(al, ms->cand.v, ms->cand.cap * sizeof *ms->cand.v);
    dc_free(al, ms->text, ms->text_cap);
    dc_free(al, ms->memo_mem, MEMO_BYTES);
    dc_free(al, ms->wk, ms->wk_cap * sizeof *ms->wk);
    dc_free(al, ms, sizeof *ms);
}

void dc_match_scratch_watch(dc_match_scratch *ms, uint32_t lo, uint32_t n)
{
    ms->watch_lo = lo;
    ms->watch_n = n;
}

void dc_match_scratch_glue(dc_match_scratch *ms, const dc_lexicon *lx)
{
    ms->glue_lx = lx && lx->n == ms->m->n_entries ? lx : NULL;
}

uint64_t dc_match_scratch_masked_steps(const dc_match_scratch *ms)
{
    return ms ? ms->masked_steps : 0;
}

bool dc_match_scratch_set_avx2(dc_match_scratch *ms, bool on)
{
#if defined(HAVE_AVX2_PATH)
    bool has =
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi");
    ms->avx2 = on && has;
    return has;
#else
    (void)ms;
    (void)on;
    return false;
#endif
}

/* ---------------------------------------------------------------------- */
/* Scanning                                                               */
/* ---------------------------------------------------------------------- */

typedef struct scan {
    const dc_matcher *m;
    const dc_alloc *al;
    const unsigned char *t;
    size_t n;
    dc_hitvec *out;
    dc_match_scratch *ms;
    decorum_status st;
    size_t np; /* pieces found in the token being split */
    dc_wrun *runs; /* where match_words records the next word run */
    unsigned char look; /* the database literals' one first byte ... */
    bool seen;          /* ... is in the text (word_runs_avx2 found it) */
    bool acted; /* token_cands called report() or walk_phrases() */
    bool sacted; /* ... report() for a term inside the word */
    bool nx_ok;  /* ... looked at every phrase start inside the word, */
    uint32_t nx; /* the OR of the next of the HV_CPREFIX keys there */
} scan;

/* May a word start at b? Not inside a word, nor after "don'" or "n***"
 * (a run of '*' after a letter is part of a masked word). */
static inline bool boundary_before(const unsigned char *t, size_t b)
{
    if (b == 0)
        return true;
    unsigned char c = t[b - 1];
    if (word_byte(c))
        return false;
    if (c == '\'')
        return !(b >= 2 && word_byte(t[b - 2]));
    if (c != '*')
        return true;
    while (--b > 0 && t[b - 1] == '*')
        ;
    return !(b > 0 && word_byte(t[b - 1]));
}

/* May a word end at e? Not before "'t" or "***s". */
static inline bool boundary_after(const unsigned char *t, size_t n, size_t e)
{
    if (e >= n)
        return true;
    unsigned char c = t[e];
    if (word_byte(c))
        return false;
    if (c == '\'')
        return !(e + 1 < n && word_byte(t[e + 1]));
    if (c != '*')
        return true;
    while (++e < n && t[e] == '*')
        ;
    return !(e < n && word_byte(t[e]));
}

/* Ends of the longest accepted inflections after t[e], where a word
 * character follows the match: *noun for every entry ('s s' es s), *verb
 * for verb entries (ing in ers ed er d, and rs r after a final e), which
 * also accept the noun ones. 0 when there is none. A switch on the next
 * byte, because this runs for every match inside a longer word. */
static void inflect(const unsigned char *t, size_t n, size_t e, size_t *noun,
                    size_t *verb)
{
    size_t left = n - e; /* >= 1: t[e] exists */
    unsigned char c1 = left > 1 ? t[e + 1] : 0, c2 = left > 2 ? t[e + 2] : 0;
    *noun = *verb = 0;
    switch (t[e]) {
    case '\'':
        if (c1 == 's' && boundary_after(t, n, e + 2))
            *noun = e + 2;
        break;
    case 's':
        if (c1 == '\'' && boundary_after(t, n, e + 2))
            *noun = e + 2;
        else if (boundary_after(t, n, e + 1))
            *noun = e + 1;
        break;
    case 'e':
        /* -es only where English writes it: after s x z ch sh o
         * ("rates" is not "rat" + es). */
        if (c1 == 's' && boundary_after(t, n, e + 2) &&
            strchr("sxzho", t[e - 1]) != NULL)
            *noun = e + 2;
        else if (c1 == 'r' && c2 == 's' && boundary_after(t, n, e + 3))
            *verb = e + 3;
        else if ((c1 == 'd' || c1 == 'r') && boundary_after(t, n, e + 2))
            *verb = e + 2;
        break;
    case 'i':
        if (c1 == 'n' && c2 == 'g' && boundary_after(t, n, e + 3))
            *verb = e + 3;
        else if (c1 == 'n' && boundary_after(t, n, e + 2))
            *verb = e + 2; /* "killin'", "fuckin" */
        break;
    case 'd':
        if (boundary_after(t, n, e + 1))
            *verb = e + 1;
        break;
    case 'r':
        if (t[e - 1] != 'e')
            break;
        if (c1 == 's' && boundary_after(t, n, e + 2))
            *verb = e + 2;
        else if (boundary_after(t, n, e + 1))
            *verb = e + 1;
        break;
    default:
        break;
    }
    if (*verb < *noun)
        *verb = *noun;
}

static __attribute__((noinline)) bool grow_hits(scan *s)
{
    dc_hitvec *o = s->out;
    decorum_status st = dc_grow(s->al, (void **)&o->v, &o->cap, o->n + 1,
                                sizeof *o->v, MAX_HITS);
    if (st != DECORUM_OK)
        s->st = st;
    return st == DECORUM_OK;
}

static inline bool push_hit(scan *s, size_t b, size_t e, uint32_t entry,
                            uint8_t how)
{
    dc_hitvec *o = s->out;
    if (o->n == o->cap && !grow_hits(s))
        return false;
    o->v[o->n++] = (dc_hit){(uint32_t)b, (uint32_t)e, entry, how, {0, 0, 0}};
    return true;
}

/* The word q's run [b, e) as a dc_hit's first 8 bytes (x86: b, then e),
 * one load. */
static inline uint64_t wkey_span(const wkey *q)
{
    _Static_assert(offsetof(wkey, e) == offsetof(wkey, b) + 4,
                   "a wkey's b and e are 8 bytes, b first");
    uint64_t sp;
    memcpy(&sp, (const unsigned char *)q + offsetof(wkey, b), sizeof sp);
    return sp;
}

/* A memo entry's one hit (MEMO_ONE in aux) over the word q, at h: two
 * 8-byte words, q's b and e loaded as one and the second made from aux
 * with two shifts, where GCC wrote the five fields one by one and kept
 * the entry and how on the stack between (match_words' loop pushes
 * 121 000 such hits on the benchmark corpus); made from the word's
 * begin and end, the loop kept its end on the stack at every word for
 * them and put the first word together (spd63). */
static inline void one_hit_at(dc_hit *h, const wkey *q, uint64_t aux)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    _Static_assert(sizeof(dc_hit) == 16 && offsetof(dc_hit, entry) == 8 &&
                       offsetof(dc_hit, how) == 12,
                   "dc_hit is b, e, then entry, how and 3 zero bytes");
    uint64_t x[2] = {wkey_span(q),
                     (aux >> 32 & 0xffffffu) | (aux >> 56 & 0x7u) << 32};
    memcpy(h, x, sizeof x);
#else
    *h = (dc_hit){q->b, q->e, (uint32_t)(aux >> 32) & 0xffffffu,
                  (uint8_t)(aux >> 56) & 0x7u, {0, 0, 0}};
#endif
}

/* push_hit() of a memo entry's one hit (MEMO_ONE in aux) over the word
 * q (one_hit_at). */
static inline bool push_one(scan *s, const wkey *q, uint64_t aux)
{
    dc_hitvec *o = s->out;
    if (o->n == o->cap && !grow_hits(s))
        return false;
    one_hit_at(&o->v[o->n++], q, aux);
    return true;
}

static bool push_span(scan *s, spanvec *v, size_t b, size_t e, unsigned id)
{
    if (v->n == v->cap) {
        decorum_status st = dc_grow(s->al, (void **)&v->v, &v->cap, v->n + 1,
                                    sizeof *v->v, MAX_HITS);
        if (st != DECORUM_OK) {
            s->st = st;
            return false;
        }
    }
    v->v[v->n++] = (span){(uint32_t)b, (uint32_t)e, id};
    return true;
}

/* Does a match of pattern p give a hit of the entry whose bits are eb? */
static inline bool pat_takes(const pat *p, uint8_t eb)
{
    if ((p->how == DC_HIT_FUZZY && !(eb & EB_FUZZY)) ||
        (p->how == DC_HIT_MASKED && !(eb & EB_MASKED)))
        return false;
    return !(p->bits & PB_INFL) || (eb & EB_VERB);
}

/* The hits of pattern p's entries at b, ending at noun_end for those that
 * are not verbs and at verb_end for those that are (0: none). */
static inline bool push_entries(scan *s, const pat *p, size_t b,
                                size_t noun_end, size_t verb_end)
{
    const dc_matcher *m = s->m;
    const grp *g = &m->groups[p->group];
    for (uint32_t k = 0; k < g->n; k++) {
        uint32_t x = m->gent[g->first + k];
        uint8_t eb = m->ebits[x];
        if (!pat_takes(p, eb))
            continue;
        size_t end = (eb & EB_VERB) ? verb_end : noun_end;
        if (end && !push_hit(s, b, end, x, p->how))
            return false;
    }
    return true;
}

/* report() for a whole word [b, e) with a boundary on both sides and no
 * '*' after it: every entry's hit ends at e. */
static inline bool report_word(scan *s, unsigned id, size_t b, size_t e)
{
    return push_entries(s, &s->m->pats[id], b, e, e);
}

/* Reports the entries of pattern id matched at [b, e) under the boundary
 * and inflection rules; a match inside a word becomes a compound candidate
 * when that can matter. false: out of room (s->st is set). */
static bool report(scan *s, unsigned id, size_t b, size_t e)
{
    const dc_matcher *m = s->m;
    const pat *p = &m->pats[id];
    const unsigned char *t = s->t;
    size_t noun_end = e, verb_end = e;
    if ((p->bits & PB_STARS) && e < s->n && t[e] == '*')
        return true; /* "f***" inside "f*****": a longer masked word */
    if ((p->bits & PB_LEFT) && !boundary_before(t, b))
        goto in_word;
    if ((p->bits & PB_RIGHT) && !boundary_after(t, s->n, e)) {
        /* "is" is not "i" + s: terms under 3 bytes take no inflection. */
        if (p->len >= 3)
            inflect(t, s->n, e, &noun_end, &verb_end);
        else
            noun_end = verb_end = 0;
        if (!verb_end)
            goto in_word;
    }
    return push_entries(s, p, b, noun_end, verb_end);
in_word:
    if ((p->bits & PB_COMP) && p->how == DC_HIT_EXACT &&
        !(p->bits & PB_INFL) && !push_span(s, &s->ms->cand, b, e, id))
        return false;
    return true;
}

static int on_match(unsigned int id, unsigned long long from,
                    unsigned long long to, unsigned int flags, void *ctx)
{
    (void)from;
    (void)flags;
    scan *s = ctx;
    size_t e = (size_t)to;
    return report(s, id, e - s->m->pats[id].len, e) ? 0 : 1;
}

/* Sorts without allocating: insertion sort for the usual few dozen, which
 * arrive nearly in order (Vectorscan reports by end offset), heap sort
 * beyond (glibc's qsort may call malloc). */
#define DEFINE_SORT(name, type, less)                                          \
    static void name##_sift(type *a, size_t root, size_t n)                    \
    {                                                                          \
        for (;;) {                                                             \
            size_t c = 2 * root + 1;                                           \
            if (c >= n)                                                        \
                return;                                                        \
            if (c + 1 < n && less(&a[c], &a[c + 1]))                           \
                c++;                                                           \
            if (!less(&a[root], &a[c]))                                        \
                return;                                                        \
            type tmp = a[root];                                                \
            a[root] = a[c];                                                    \
            a[c] = tmp;                                                        \
            root = c;                                                          \
        }                                                                      \
    }                                                                          \
    static void name(type *a, size_t n)                                        \
    {                                                                          \
        if (n <= 64) {                                                         \
            for (size_t i = 1; i < n; i++) {                                   \
                type x = a[i];                                                 \
                size_t j = i;                                                  \
                for (; j > 0 && less(&x, &a[j - 1]); j--)                      \
                    a[j] = a[j - 1];                                           \
                a[j] = x;                                                      \
            }                                                                  \
            return;                                                            \
        }                                                                      \
        for (size_t i = n / 2; i-- > 0;)                                       \
            name##_sift(a, i, n);                                              \
        for (size_t i = n - 1; i > 0; i--) {                                   \
            type tmp = a[0];                                                   \
            a[0] = a[i];                                                       \
            a[i] = tmp;                                                        \
            name##_sift(a, 0, i);                                              \
        }                                                                      \
    }

/* begin ascending, longer first, then entry and how for a stable order. */
static inline bool hit_less(const dc_hit *x, const dc_hit *y)
{
    if (x->begin != y->begin)
        return x->begin < y->begin;
    if (x->end != y->end)
        return x->end > y->end;
    if (x->entry != y->entry)
        return x->entry < y->entry;
    return x->how < y->how;
}

static inline bool span_less(const span *x, const span *y)
{
    return x->b < y->b || (x->b == y->b && x->e < y->e);
}

DEFINE_SORT(sort_hits, dc_hit, hit_less)
DEFINE_SORT(sort_spans, span, span_less)

static inline bool same_hit(const dc_hit *x, const dc_hit *y)
{
    return x->begin == y->begin && x->end == y->end && x->entry == y->entry;
}

/* Sorts the n hits at v and keeps one of each entry at each span (the
 * first in this order: the exact reading wins); returns how many are
 * left. An insertion sort that drops a duplicate where it lands: the hits
 * arrive nearly in order, so most come after the last one kept and are
 * placed with a comparison or two, with no second pass. Past 64 hits the
 * moves it makes are counted, and a text whose hits are far from in order
 * (more than two moves a hit) is heap sorted instead, so that no text
 * costs a quadratic sort: the result is the same either way (each entry
 * and span once, the least `how`, in hit_less order). */
static size_t sort_unique_hits(dc_hit *v, size_t n)
{
    size_t w = 0; /* v[0, w): sorted, no two with the same entry and span */
    const size_t limit = n > 64 ? 2 * n : SIZE_MAX;
    size_t moved = 0, i;
    /* The hits that come after every one before them in the order, with
     * another entry or span (most: the words' own, in text order, and a
     * word's entries in entry order), are in place, with nothing to move.
     * (Stopping at the first two of one begin sent 100K hits of the bench
     * corpus through the loop below, which copies each onto itself.) */
    while (w < n && (w == 0 || v[w - 1].begin < v[w].begin ||
                     (hit_less(&v[w - 1], &v[w]) &&
                      !same_hit(&v[w - 1], &v[w]))))
        w++;
    for (i = w; i < n; i++) {
        /* After the last one kept in the order and not its entry at its
         * span: placed at the end, as the search below would. Besides a
         * later begin, the usual case is another entry of the same word,
         * pushed in entry order: on the bench corpus 33K of the 41K hits
         * that went through the search ended where they started. */
        const dc_hit *l = &v[w - 1], *y = &v[i];
        if (hit_less(l, y) && !same_hit(l, y)) {
            v[w++] = *y;
            continue;
        }
        if (moved > limit)
            break;
        dc_hit x = *y;
        size_t j = w;
        while (j > 0 && hit_less(&x, &v[j - 1]))
            j--;
        moved += w - j;
        /* v[j - 1] <= x < v[j]: one of them may be x's entry and span. */
        if (j > 0 && same_hit(&v[j - 1], &x))
            continue;
        if (j < w && same_hit(&v[j], &x)) {
            v[j] = x;
            continue;
        }
        for (size_t k = w; k > j; k--)
            v[k] = v[k - 1];
        v[j] = x;
        w++;
    }
    if (i == n)
        return w;
    /* Too far from in order: the hits kept so far and the rest together,
     * heap sorted, then one of each entry at each span. */
    memmove(v + w, v + i, (n - i) * sizeof *v);
    n = w + (n - i);
    sort_hits(v, n);
    w = 0;
    for (i = 0; i < n; i++)
        if (!w || !same_hit(&v[w - 1], &v[i]))
            v[w++] = v[i];
    return w;
}

size_t dc_hits_merge(const dc_hit *a, size_t na, const dc_hit *b, size_t nb,
                     dc_hit *out)
{
    size_t i = 0, j = 0, w = 0;
    while (i < na || j < nb) {
        const dc_hit *x =
            j == nb || (i < na && hit_less(&a[i], &b[j])) ? &a[i++] : &b[j++];
        if (!w || !same_hit(&out[w - 1], x))
            out[w++] = *x;
    }
    return w;
}

static void add_piece(scan *s, size_t b, size_t e)
{
    if (s->np < PIECES_MAX)
        s->ms->pieces[s->np++] = (span){(uint32_t)b, (uint32_t)e, 0};
}

/* Fills fwd[i] (t[ts, ts + i) splits into terms) and bwd[i] (t[ts + i,
 * te) does) for the token [ts, te). The pieces are the token's exact
 * single-word terms, looked up in the word hash (HV_PIECE) and the short
 * table, each optionally followed by a plural s; a one-byte term ("i",
 * "a") only as the first piece, or "arabia" would split into arab + i +
 * a. */
static decorum_status split_token(scan *s, size_t ts, size_t te, uint8_t *fwd,
                                  uint8_t *bwd)
{
    const unsigned char *t = s->t + ts;
    size_t L = te - ts;
    const dc_matcher *m = s->m;
    memset(fwd, 0, L + 1);
    memset(bwd, 0, L + 1);
    s->np = 0;
    if (m->hmax_piece) {
        /* A token that is a term, perhaps plural, is a word (PB_WORD). */
        size_t whole[3] = {L, t[L - 1] == 's' ? L - 1 : 0,
                           L > 2 && t[L - 2] == 'e' && t[L - 1] == 's' ? L - 2
                                                                       : 0};
        for (int i = 0; i < 3; i++) {
            uint32_t v;
            if (whole[i] && whole[i] <= m->hmax_piece &&
                (v = hash_find(m, t, whole[i], hash_bytes(t, whole[i]),
                               HV_PIECE)) != 0 &&
                (m->pats[v & HV_ID].bits & PB_WORD))
                return DECORUM_OK;
        }
        /* Every term inside the token. Those of 3 or 4 bytes of [a-z0-9]
         * that are not compound-eligible come after the others and in
         * this order, and the others must not be more than PIECES_MAX
         * (then the token does not split): which pieces are kept when a
         * token has too many depends on it, and this is the order of the
         * matcher before the word hash (the others were found by scanning
         * the token with the database, those in a table). */
        span later[2 * COMPOUND_MAX];
        size_t nl = 0;
        for (size_t i = 0; i < L; i++) {
            uint64_t h = HASH_SEED;
            size_t kmax = L - i < m->hmax_piece ? L - i : m->hmax_piece;
            for (size_t k = 1; k <= kmax; k++) {
                h = hash_step(h, t[i + k - 1]);
                uint32_t v = hash_find(m, t + i, k, hash_fin(h), HV_PIECE);
                if (!v)
                    continue;
                if (v & HV_OLD34) {
                    later[nl++] = (span){(uint32_t)i, (uint32_t)(i + k), 0};
                    continue;
                }
                if (s->np == PIECES_MAX)
                    return DECORUM_OK; /* too many: does not split */
                s->ms->pieces[s->np++] =
                    (span){(uint32_t)i, (uint32_t)(i + k), v & HV_ID};
            }
        }
        for (size_t i = 0; i < nl; i++)
            add_piece(s, later[i].b, later[i].e);
    }
    const uint32_t *tab = m->short_tab;
    if (tab) {
        int slot = short_slot(t, 1);
        if (slot >= 0 && tab[slot])
            add_piece(s, 0, 1);
        for (size_t i = 0; i + 2 <= L; i++)
            if ((slot = short_slot(t + i, 2)) >= 0 && tab[slot])
                add_piece(s, i, i + 2);
    }
    span *pc = s->ms->pieces;
    sort_spans(pc, s->np);
    fwd[0] = 1;
    bwd[L] = 1;
    for (size_t i = 0; i < s->np; i++) {
        size_t sb = pc[i].b, se = pc[i].e;
        if (!fwd[sb])
            continue;
        fwd[se] = 1;
        if (se < L && t[se] == 's')
            fwd[se + 1] = 1;
    }
    for (size_t i = s->np; i-- > 0;) {
        size_t sb = pc[i].b, se = pc[i].e;
        if (bwd[se] || (se < L && t[se] == 's' && bwd[se + 1]))
            bwd[sb] = 1;
    }
    return DECORUM_OK;
}

/* Decides the compound candidates: see the file comment. */
static decorum_status resolve_compounds(scan *s)
{
    const unsigned char *t = s->t;
    uint8_t fwd[COMPOUND_MAX + 1], bwd[COMPOUND_MAX + 1];
    size_t ts = SIZE_MAX, te = 0; /* token whose tables are computed */
    for (size_t c = 0; c < s->ms->cand.n; c++) {
        const span cd = s->ms->cand.v[c];
        size_t a = cd.b, z = cd.e;
        while (a > 0 && word_byte(t[a - 1]))
            a--;
        while (z < s->n && word_byte(t[z]))
            z++;
        if (z - a > COMPOUND_MAX)
            continue;
        if (a != ts || z != te) {
            ts = a;
            te = z;
            decorum_status st = split_token(s, ts, te, fwd, bwd);
            if (st != DECORUM_OK)
                return st;
        }
        size_t cb = cd.b - ts, ce = cd.e - ts, end;
        if (!fwd[cb])
            continue;
        if (ce < te - ts && t[cd.e] == 's' && bwd[ce + 1])
            end = cd.e + 1;
        else if (bwd[ce])
            end = cd.e;
        else
            continue;
        /* A one-byte head and a term of three letters are the whole
         * token: such a short word after one letter is an acronym or
         * another word far more often than a pronoun run on. Not after
         * "u", the pronoun that addresses someone ("shut up ufag", "kys
         * ufag", "unig stop talking"); London's "ULEZ" is an allow entry.
         * A longer term keeps its reading ("ikikes"), and so does a token
         * of more pieces ("ihatejews"). */
        if (cb == 1 && end == te && ce - cb <= 3 && t[ts] != 'u')
            continue;
        const grp *g = &s->m->groups[s->m->pats[cd.id].group];
        for (uint32_t k = 0; k < g->n; k++) {
            uint32_t x = s->m->gent[g->first + k];
            if ((s->m->ebits[x] & EB_COMPOUND) &&
                !push_hit(s, cd.b, end, x, DC_HIT_COMPOUND))
                return s->st;
        }
    }
    return DECORUM_OK;
}

/* The ends of the inflections that the word t[S - w, S) may have (a stem
 * keeps a byte): where a literal ends before s d r, es ed er in rs, ing
 * ers. The word pass's one list of them (word_ends, plain_word). It is a
 * looser filter than inflect(), which report() asks of what follows a
 * match (the -es and -er spelling rules), so a stem it offers can still
 * be refused there, never the other way round. With hend, also the hash
 * states there, from h, the state at S. Returns how many. */
static inline __attribute__((always_inline)) size_t
infl_at(const unsigned char *t, size_t S, size_t w, size_t ends[3], uint64_t h,
        uint64_t *hend)
{
    size_t ne = 0;
    unsigned char z = t[S - 1];
    if (w < 2 || !(byte_cls[z] & BC_INFL))
        return 0;
    unsigned char y = w > 2 ? t[S - 2] : 0, x = w > 3 ? t[S - 3] : 0;
    uint64_t h1 = h * HASH_INV - z, h2 = h1 * HASH_INV - y;
    if (z != 'n' && z != 'g') { /* s d r */
        if (hend)
            hend[ne] = h1;
        ends[ne++] = S - 1;
    }
    if ((y == 'e' && z != 'n' && z != 'g') || (y == 'i' && z == 'n') ||
        (y == 'r' && z == 's')) { /* es ed er in rs */
        if (hend)
            hend[ne] = h2;
        ends[ne++] = S - 2;
    }
    if ((x == 'i' && y == 'n' && z == 'g') ||
        (x == 'e' && y == 'r' && z == 's')) { /* ing ers */
        if (hend)
            hend[ne] = h2 * HASH_INV - x;
        ends[ne++] = S - 3;
    }
    return ne;
}

/* Where a word-pass literal can end inside the run [rs, R) of word bytes
 * and '*' holding its last word: it gives a hit only if it ends where a
 * word may end, or where an inflection that ends there starts. Inside the
 * run a word may end only at R and where a final run of '*' starts (S:
 * "fuck**" is fuck); an inflection (see inflect) ends at one of those, or
 * starts at R ("'s"). A literal ending inside the final run of '*' ends in
 * '*', and those (f***) must not be followed by another. So it ends at R,
 * at S, or before an inflection ending at S: s d r, es ed er in rs, ing
 * ers ("s'" is s before R). report() decides there as for a database
 * match. Fills ends[] with those but R. */
static inline size_t word_ends(const unsigned char *t, size_t rs, size_t R,
                               size_t ends[4])
{
    size_t S = R, ne = 0;
    if (t[R - 1] == '*') {
        while (t[S - 1] == '*' && S > rs + 1)
            S--;
        if (S < R)
            ends[ne++] = S;
    }
    return ne + infl_at(t, S, S - rs, ends + ne, 0, NULL);
}

/* Does the word pass report the literals t[a, e) for the word start a? */
static bool word_pass_end(const unsigned char *t, size_t n, size_t a,
                          size_t e)
{
    size_t R = a, ends[4];
    while (R < n && wordstar(t[R]))
        R++;
    if (e == R)
        return true;
    size_t ne = word_ends(t, a, R, ends);
    for (size_t k = 0; k < ne; k++)
        if (ends[k] == e)
            return true;
    return false;
}

/* Reports the occurrences of the phrases that go on from t[a, p), whose
 * hash state is h and whose slot sl has HV_PREFIX: their words are the
 * text's runs of word bytes and '*' from a, with the same bytes between
 * them, each but the last whole; the last ends as word_ends() says, or
 * for a compound-eligible phrase where its last word ends (sl->lasts):
 * a starts inside a word, so only compound candidates can come of it. */
static bool walk_phrases(scan *s, size_t a, size_t p, uint64_t h,
                         const hslot *sl)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    size_t n = s->n, hmax = m->hmax_word;
    size_t lim = n - a > hmax ? a + hmax : n;
    uint64_t ph[HASH_MAXLEN + 1]; /* hash states of the prefixes from a */
    while (sl && (sl->val & HV_CPREFIX)) {
        uint32_t lasts = sl->lasts;
        for (; p < lim && !wordstar(t[p]); p++)
            h = hash_step(h, t[p]);
        /* Every key that goes on from sl's bytes over this gap has the
         * first byte of its next word in sl->next (build_hash): no other
         * can be t[a, R), nor end inside the run (lasts). */
        if (p >= lim || !(sl->next & 1u << (t[p] & 31)))
            break;
        size_t rs = p;
        for (; p < lim && wordstar(t[p]); p++) {
            h = hash_step(h, t[p]);
            ph[p - a + 1] = h;
        }
        size_t R = p;
        while (R < n && wordstar(t[R]))
            R++;
        sl = NULL;
        if (R - a <= hmax &&
            (sl = hash_get(m, t + a, R - a, hash_fin(ph[R - a]))) &&
            (sl->val & HV_WORD) && (sl->val & HV_CAND) &&
            !report(s, sl->val & HV_ID, a, R))
            return false;
        /* Where the last word of a compound-eligible phrase ends (lasts). */
        size_t ends[HASH_MAXLEN + 4], ne = 0;
        for (size_t l = 1; lasts && l < R - rs && rs + l - a <= hmax; l++) {
            if (!(lasts & 1u << (l <= 31 ? l - 1 : 31)))
                continue;
            size_t k = 0;
            while (k < ne && ends[k] != rs + l)
                k++;
            if (k == ne)
                ends[ne++] = rs + l;
        }
        for (size_t k = 0; k < ne; k++) {
            size_t e = ends[k], wl = e - a;
            uint32_t w;
            if (wl <= hmax &&
                (w = hash_find(m, t + a, wl, hash_fin(ph[wl]), HV_WORD)) &&
                (w & HV_CAND) && !report(s, w & HV_ID, a, e))
                return false;
        }
    }
    return true;
}

/* The lengths 1 and 2 (bits 0 and 1) of the suffixes of w[0, L) that may
 * be a first word of a compound-eligible phrase (s1_lens). */
static inline uint64_t s1_short_lens(const dc_matcher *m,
                                     const unsigned char *w, size_t L)
{
    int c1 = alnum_code(w[L - 1]), c2 = L >= 2 ? alnum_code(w[L - 2]) : -1;
    size_t b2 = 36u + (size_t)(c2 * 36 + c1);
    uint64_t lens = m->s1_odd ? 3 : 0;
    if (c1 >= 0 && ((m->s1_short[0] >> c1) & 1))
        lens |= 1;
    if (c1 >= 0 && c2 >= 0 && ((m->s1_short[b2 >> 6] >> (b2 & 63)) & 1))
        lens |= 2;
    return lens;
}

/* The lengths l (bit l - 1) of the suffixes of w[0, L) that may be a
 * first word of a compound-eligible phrase, starting at 1 or later (at 0
 * too if at0). Filters: may say yes wrongly. Inline where it is asked
 * (GCC made it a function of its own once the four-byte slot was added:
 * +0.6 M). */
static inline __attribute__((always_inline)) uint64_t
s1_lens(const dc_matcher *m, const unsigned char *w, size_t L, bool at0)
{
    size_t most = at0 ? L : L - 1;
    uint64_t lens = most >= 3 ? filt_lens(m, F_S1, w + L - 3) & 4u : 0;
    if (most >= 4)
        lens |= filt_mask(m->filt[s1_slot(w + L - 4)]) & ~7ull;
    lens |= s1_short_lens(m, w, L);
    return lens & (most < 64 ? (1ull << most) - 1 : ~0ull);
}

/* What cands_maybe found in a word: a candidate term inside it
 * (CM_INSIDE), the whole word split into pieces (CM_SPLITS), and in the
 * low 32 bits the first bytes (bit c & 31) of the words that may follow
 * the first words of candidate phrases ending it (HV_CPREFIX slots'
 * next). */
#define CM_INSIDE (1ull << 32)
#define CM_SPLITS (1ull << 33)
#define CM_ALL ((1ull << 34) - 1)
#define CM_UNKNOWN (~0ull) /* to token_cands: not asked */

/* The words of slack past the last word in match_words' arrays of keys
 * (wk) and runs. It was the loop's look-ahead, named MEMO_AHEAD until
 * session 59: the loop fetched a word's memo pair this many words ahead
 * (one word ahead was too little: a word done from the memo is ~30-60
 * cycles, and the memo (512 KB) is in the L2 at best; docs/MATCH.md,
 * fifteenth round). Since session 57 (spd57m) word_keys fetches every
 * word's pair as it makes it, and the loop reads one key past the last
 * word; the slack was kept as it was. */
#define WORD_SLACK 8

/* A memo entry's answer (see match_words) is cands_maybe's answer for a
 * word that is no key, or for a key (MEMO_KEY) its slot's value in the
 * low 32 bits and its slot's index above (MEMO_SLOT), so that a word seen
 * before does not read its slot (a pending phrase it leads keeps the
 * slot's next; go_on reads the slot only for a phrase prefix that may end
 * a compound): the hash is far larger than the L1 and L2 caches and that
 * read was the word pass's costliest miss. MEMO_LOOK: token_cands must
 * look at the word (a key with HV_SPLIT or HV_INNER; cands_maybe's answer
 * is not 0). MEMO_SEEN:
 * the word pass looked at the word as a whole, and then MEMO_SHORT says
 * that it is a short term, MEMO_INFL that as a key's inflection it
 * gives hits or candidates that the memo does not answer (MEMO_ONE,
 * MEMO_TWO) (cands_gate's entries have neither). MEMO_TWO: the word's
 * inflection gives a second hit over the whole word, which the fourth
 * word's low 32 bits hold (MEMO_TWO_ENTRY, MEMO_TWO_HOW); plain_word
 * pushes it (the loop sends the word there, as for MEMO_LOOK). */
#define MEMO_SLOT_BITS 24u
#define MEMO_SLOT(v) ((size_t)((v) >> 32) & ((1u << MEMO_SLOT_BITS) - 1))
/* MEMO_FAST: match_words' loop does the word from its entry alone
 * (memo_fast: seen, and no MEMO_INFL, MEMO_LOOK, MEMO_TWO or HV_TRIG),
 * one bit, set where the entry's third word is written: the loop asked
 * those five bits of every word the memo held, a compare with two 64-bit
 * constants that it made again each word. The sign bit, which a test of
 * the register itself reads (MEMO_KEY, read out of the loop, was it). */
#define MEMO_FAST (1ull << 63)
/* MEMO_ACT, with MEMO_FAST: the loop has hits to make for the word
 * (MEMO_SHORT; a key's HV_WORD; the fourth word's MEMO_ONE or
 * MEMO_GLUE), one bit where it asked four of every word (memo_fast). */
#define MEMO_ACT (1ull << 56)
#define MEMO_TWO (1ull << 58)
#define MEMO_LOOK (1ull << 59)
#define MEMO_SHORT (1ull << 60)
#define MEMO_INFL (1ull << 61)
#define MEMO_SEEN (1ull << 62)
#define MEMO_KEY (1ull << 57)
/* A key's entry's fourth word: its slot's next (low 32 bits), and
 * MEMO_ONE if the whole word gives one hit: entry MEMO_ONE_ENTRY(aux),
 * how MEMO_ONE_HOW(aux) (report_word's, without reading the pattern, its
 * group and its entries). For another word, or a key that gives no hit
 * as a whole (no HV_WORD), MEMO_ONE and its hit when the word's one hit
 * is a key's inflection (then without MEMO_INFL), else 0. */
#define MEMO_ONE (1ull << 63)
#define MEMO_ONE_ENTRY(aux) ((uint32_t)((aux) >> 32) & 0xffffffu)
#define MEMO_ONE_HOW(aux) ((uint8_t)((aux) >> 56) & 0x7u)
/* With MEMO_ONE: the one hit's entry is glue kept apart (the scratch's
 * glue, dc_match_scratch_glue): the loop writes it into dc_hitvec.glue,
 * not among the hits. MEMO_GLUE2: so is a MEMO_PAIR key's second hit,
 * the first being no glue (a word of two entries, "we": a pronoun and
 * glue). Bits of the how field, whose values are below 8; MEMO_ONE_HOW
 * and one_hit_at leave them out. */
#define MEMO_GLUE (1ull << 62)
#define MEMO_GLUE2 (1ull << 61)
/* token_cands, asked of the word after a plain byte (bb) and before a
 * plain non-word byte (not ' or '*': delim, the text going on), made no
 * report() and no walk_phrases() call (scan.acted): its terms inside
 * depend on the word alone, and no phrase can start inside it (none of
 * its suffixes after a piece is an HV_CPREFIX key), so asked there again,
 * whatever follows, it makes none (seen_word then does not ask it). A
 * bit of aux that the how field leaves free (above MEMO_ONE_HOW's three,
 * below MEMO_GLUE2), for a key or another word. */
#define MEMO_QUIET (1ull << 60)
/* A key's: such a call made no report(), and walked phrases from inside
 * the word only (walk_phrases); the OR of those phrases' next is in the
 * scratch's table of them (dc_match_scratch.walks, by the key's slot),
 * unless another key has taken its place there. When the first byte of
 * the text's next run is not in it, every walk stops at once (its first
 * test), so the call would do nothing: seen_word does not make it. */
#define MEMO_WALKS (1ull << 59)
_Static_assert(!((MEMO_QUIET | MEMO_WALKS) &
                 (MEMO_ONE | MEMO_GLUE | MEMO_GLUE2 | 0x7ull << 56 |
                  0xffffffull << 32 | 0xffffffffull)),
               "MEMO_QUIET and MEMO_WALKS are no other field's bits");

_Static_assert(!((MEMO_FAST | MEMO_ACT) &
                 (CM_ALL | MEMO_TWO | MEMO_LOOK | MEMO_SHORT | MEMO_INFL |
                  MEMO_SEEN | MEMO_KEY |
                  (uint64_t)((1u << MEMO_SLOT_BITS) - 1) << 32)),
               "MEMO_FAST and MEMO_ACT are no other field's bits");

/* The memo entry's third word v, whose fourth is aux, with MEMO_FAST and
 * MEMO_ACT as their other bits say. */
static inline uint64_t memo_fast(uint64_t v, uint64_t aux)
{
    v &= ~(MEMO_FAST | MEMO_ACT);
    if ((v & (MEMO_SEEN | MEMO_INFL | MEMO_LOOK | MEMO_TWO | HV_TRIG)) !=
        MEMO_SEEN)
        return v;
    return v | MEMO_FAST |
           ((v & (MEMO_SHORT | HV_WORD)) || (aux & (MEMO_GLUE | MEMO_ONE))
                ? MEMO_ACT
                : 0);
}

#define MEMO_TWO_ENTRY(aux) ((uint32_t)(aux) & 0xffffffu)
#define MEMO_TWO_HOW(aux) ((uint8_t)((aux) >> 24) & 0x7fu)
/* The MEMO_ONE aux of the hit of entry x (< 2^24) and aux's how: a
 * MEMO_PAIR key's second hit (match_words). */
#define MEMO_ONE_WITH_ENTRY(aux, x) \
    (((aux) & ~(0xffffffull << 32)) | (uint64_t)(x) << 32)
/* In a key's entry (its third word's low 32 bits, the slot's value), when
 * the whole word gives two hits: the second hit's entry in place of the
 * pattern id (HV_ID), which the loop reads only to report the word, and
 * MEMO_PAIR, a bit no slot value has. The second hit is of the same
 * pattern, so of MEMO_ONE's how. The loop pushes both (push_one) where
 * it went over the pattern's group (report_word: its pattern, its group
 * and their entries read, and the registers around the loop saved): on
 * the benchmark corpus 20 900 of the words it did were such keys, most
 * of them a phrase's first word, whose fourth word's low bits hold its
 * next (so not MEMO_TWO's way). */
#define MEMO_PAIR 0x02000000u
_Static_assert(!(MEMO_PAIR & (HV_ID | HV_SPLIT | HV_TRIG | HV_INNER | HV_CAND |
                              HV_CPREFIX | HV_PREFIX | HV_OLD34 | HV_PIECE |
                              HV_WORD)),
               "MEMO_PAIR is no slot value's bit");

/* Is x a glue entry that ms keeps apart? */
static inline bool glue_apart(const dc_match_scratch *ms, uint32_t x)
{
    return ms->glue_lx && x < ms->glue_lx->n &&
           ms->glue_lx->entries[x].kind == DC_KIND_GLUE;
}

/* aux with MEMO_GLUE where it is MEMO_ONE of a glue entry that ms keeps
 * apart. (Asked as a memo entry is made, not at each word.) */
static inline uint64_t memo_glue(const dc_match_scratch *ms, uint64_t aux)
{
    return (aux & MEMO_ONE) && glue_apart(ms, MEMO_ONE_ENTRY(aux))
               ? aux | MEMO_GLUE
               : aux;
}

/* A MEMO_PAIR key's second hit over the word q (aux:
 * MEMO_ONE_WITH_ENTRY): pushed, or kept apart (MEMO_GLUE2; one a word,
 * the first being pushed). */
static inline bool pair_push(scan *s, const wkey *q, uint64_t aux)
{
    if (!(aux & MEMO_GLUE2))
        return push_one(s, q, aux);
    dc_hitvec *o = s->out;
    one_hit_at(&o->glue[o->nglue++], q, aux);
    return true;
}

/* The MEMO_ONE aux of the one hit (entry x, how), or 0 if x does not fit. */
static inline uint64_t memo_one(uint32_t x, uint8_t how)
{
    return x <= 0xffffffu ? MEMO_ONE | (uint64_t)x << 32 | (uint64_t)how << 56
                          : 0;
}

/* The compound candidates that the word pass does not report in the word
 * t[ts, te) (bb: a word may start at ts; key: its slot if the word is a
 * key of the hash, else NULL): compound-eligible terms inside it, or at
 * its start but not ending where the word pass looks, and
 * compound-eligible phrases starting inside it. report() makes them
 * candidates, and resolve_compounds keeps those whose token splits into
 * pieces around them. So only those that start where a chain of pieces
 * from the word's start ends (reach) can count, and a single word only if
 * the word splits into pieces at all: into two or more (reach), or into
 * one that is not a whole word here (after "don'", before "'x" or "*x").
 * Before reach, the filters: a key knows (HV_SPLIT, HV_INNER); for
 * another word that starts a word, ans, unless CM_UNKNOWN, is what
 * cands_maybe found in it (a candidate term inside and the word split,
 * and the next words of the candidate phrases whose first word ends it);
 * else the word needs a piece at its start and one at its end, or for a
 * phrase to start inside it, a first word of a compound-eligible phrase
 * at its end. */
static __attribute__((noinline)) bool token_cands(scan *s, size_t ts,
                                                  size_t te, bool bb,
                                                  const hslot *key,
                                                  uint64_t ans)
{
    const unsigned char *t = s->t, *w = s->t + ts;
    const dc_matcher *m = s->m;
    size_t n = s->n, L = te - ts;
    if (L > COMPOUND_MAX)
        return true;
    bool one = !bb || (te < n && (t[te] == '\'' || t[te] == '*'));
    bool delim = m->cand_phrase && te < n && !wordstar(t[te]);
    s->sacted = false;
    s->nx_ok = delim;
    s->nx = 0;
    /* Single terms of 3+ bytes (singles): none in a word of 1 or 2, such
     * as the "t" of "don't". */
    bool cand3 = m->hmax_cand && L >= 3;
    bool singles = cand3 && one, inner = false;
    if (key) {
        singles |= cand3 && (key->val & HV_SPLIT);
        inner = delim && (key->val & HV_INNER);
    } else if (ans != CM_UNKNOWN && bb) {
        singles |= cand3 && (ans & CM_SPLITS); /* with a term inside */
        inner = delim && (uint32_t)ans != 0;
    } else {
        const uint32_t *tab = m->short_tab;
        int c;
        if (cand3 && !singles) {
            /* A first piece shorter than the word ... */
            bool first = m->piece12 ||
                         (tab && (c = alnum_code(w[0])) >= 0 && tab[c]) ||
                         (L >= 3 && tab && (c = short_slot(w, 2)) >= 0 &&
                          tab[c]) ||
                         (L >= 4 && (filt_lens(m, F_PRE, w) &
                                     ((1ull << (L - 1)) - 1) & ~3ull));
            /* ... and a last one ending the word, or before its s. */
            bool last = m->piece12;
            for (size_t E = L; first && !last && E + 2 > L; E--) {
                last = (E >= 3 && tab && (c = short_slot(w + E - 2, 2)) >= 0 &&
                        tab[c]) ||
                       (E >= 4 && (filt_lens(m, F_SUF, w + E - 3) &
                                   ((1ull << (E - 1)) - 1) & ~3ull));
                if (w[L - 1] != 's')
                    break;
            }
            /* ... and a candidate term inside it. */
            bool inside = false;
            for (size_t k = 0; first && last && !inside && k + 3 <= L; k++) {
                size_t bit = ctri_bit(w + k);
                inside = (m->ctri[bit >> 6] >> (bit & 63)) & 1;
            }
            singles = inside;
        }
        if (delim)
            inner = s1_lens(m, w, L, !bb) != 0;
    }
    if (!singles && !inner)
        return true;
    uint64_t F = reach(m, w, L);
    singles = cand3 && (((F >> (L - 1)) & 1) || one);
    uint64_t starts = F & ((1ull << (L - 1)) - 1); /* positions 1 .. L - 1 */
    if (!singles && !(delim && (starts || !bb)))
        return true;
    for (size_t b = 0;;) {
        const unsigned char *x = w + b;
        uint64_t h = HASH_SEED;
        size_t l = 0;
        if (singles) {
            size_t lmax = L - b < m->hmax_cand ? L - b : m->hmax_cand;
            while (l < lmax) {
                h = hash_step(h, x[l++]);
                uint32_t v;
                if (l >= 3 &&
                    (v = hash_find(m, x, l, hash_fin(h), HV_CAND)) &&
                    !(b == 0 && bb && word_pass_end(t, n, ts, ts + l)) &&
                    (s->acted = s->sacted = true,
                     !report(s, v & HV_ID, ts + b, ts + b + l)))
                    return false;
            }
        }
        if (delim && (b > 0 || !bb) && L - b <= m->hmax_word) {
            while (l < L - b)
                h = hash_step(h, x[l++]);
            const hslot *sl = hash_get(m, x, l, hash_fin(h));
            if (sl && (sl->val & HV_CPREFIX) &&
                (s->nx |= sl->next, s->acted = true,
                 !walk_phrases(s, ts + b, te, h, sl)))
                return false;
        }
        if (!starts)
            return true;
        b = (size_t)__builtin_ctzll(starts) + 1;
        starts &= starts - 1;
    }
}

/* A phrase seen up to the end of a run of the text, that may go on in
 * the next one. */
typedef struct pend {
    size_t a;         /* where it starts */
    uint64_t h;       /* hash state after t[a, end of the run), if !lazy */
    const hslot *sl;  /* the slot of t[a, end of the run): HV_PREFIX */
    uint32_t next;    /* sl->next, and whether sl->val has HV_CPREFIX: */
    bool cpre;        /* go_on_maybe reads no slot (a miss in 1.3 MB) */
    bool lazy;        /* h not computed yet (pend_h) */
} pend;
/* At most this many: each starts at a word start within HASH_MAXLEN. */
#define PEND_MAX (HASH_MAXLEN / 2 + 1)

/* The word pass's state between runs. The two lists are p[0] and p[1],
 * swapped by pointer: every word asks whether any is pending. */
typedef struct wpass {
    pend p[2][PEND_MAX];
    pend *cur;       /* [ncur] seen up to rlast */
    pend *nxt;       /* [nnxt] seen up to the run now */
    size_t ncur, nnxt;
    size_t nrep;     /* go_on's report() calls (pend_go resets it) */
    size_t rb, re;   /* the last one's span, and its pattern: */
    unsigned rid;    /* pend_go's cache keeps one report */
    uint32_t next;   /* OR of cur[*].next (0 when ncur is 0) */
    uint32_t nnext;  /* the same for nxt */
    uint32_t rlast;  /* end of the last run that is not inside another
                      * (32 bits: match_words stores it at every word, a
                      * wkey's e as it is, where a size_t took a move) */
} wpass;

static inline void wpass_init(wpass *w)
{
    w->cur = w->p[0];
    w->nxt = w->p[1];
    w->ncur = w->nnxt = w->nrep = 0;
    w->next = w->nnext = 0;
    w->rlast = 0;
}

/* sl's phrases are pending from a. */
static inline void pend_push(wpass *w, size_t a, uint64_t h, const hslot *sl)
{
    if (w->nnxt < PEND_MAX) {
        w->nxt[w->nnxt++] =
            (pend){a, h, sl, sl->next, (sl->val & HV_CPREFIX) != 0, false};
        w->nnext |= sl->next;
    }
}

/* pend_push() for a word the loop does from the memo, which has no hash
 * state: most phrases pending after a frequent word ("the", "go") do not
 * go on, and then its hash is never needed (pend_h). val and next are
 * sl->val and sl->next, which the memo keeps so that a word seen before
 * does not read its slot. */
static inline void pend_push_lazy(wpass *w, size_t a, const hslot *sl,
                                  uint32_t val, uint32_t next)
{
    if (w->nnxt < PEND_MAX) {
        pend *p = &w->nxt[w->nnxt++];
        p->a = a; /* p->h is not read while p->lazy */
        p->sl = sl;
        p->next = next;
        p->cpre = (val & HV_CPREFIX) != 0;
        p->lazy = true;
        w->nnext |= next;
    }
}

/* Makes the phrases of the slot sl, led by the word at a (lazy, as
 * pend_push_lazy), the only ones pending, as pend_push_lazy and pend_swap
 * would have when nothing else was: match_words leaves them out of w
 * until a word may go on with them. */
static inline void pend_set1(wpass *w, size_t a, const hslot *sl,
                             uint32_t val, uint32_t next)
{
    pend *p = &w->cur[0];
    p->a = a;
    p->sl = sl;
    p->next = next;
    p->cpre = (val & HV_CPREFIX) != 0;
    p->lazy = true;
    w->ncur = 1;
    w->next = next;
}

/* The hash state of the pending phrase p (in w->cur, so it ends at
 * w->rlast). */
static inline uint64_t pend_h(const unsigned char *t, const wpass *w,
                              const pend *p)
{
    return p->lazy ? hash_word(t + p->a, w->rlast - p->a) : p->h;
}

/* The run is over: the phrases pending to it go on from it. */
static inline void pend_swap(wpass *w, size_t R)
{
    w->rlast = (uint32_t)R; /* dc_match: n <= UINT32_MAX */
    if (!(w->ncur | w->nnxt))
        return; /* nothing pending: the usual case */
    pend *x = w->cur;
    w->cur = w->nxt;
    w->nxt = x;
    w->ncur = w->nnxt;
    w->nnxt = 0;
    w->next = w->nnext;
    w->nnext = 0;
}

/* The hash state after t[a, e), given hR, the state after t[a, R), if
 * hr_ok: back from R (hash_step undone) when that is shorter. */
static inline uint64_t state_at(const unsigned char *t, size_t a, size_t R,
                                uint64_t hR, bool hr_ok, size_t e)
{
    if (hr_ok && R - e <= e - a) {
        for (size_t q = R; q > e; q--)
            hR = hR * HASH_INV - t[q - 1];
        return hR;
    }
    return hash_word(t + a, e - a);
}

/* The word bytes of t[k, k + 16), bit q for t[k + q]: [a-zA-Z0-9] and
 * every byte >= 0x80, as dc_word_tab, tested at once. */
static inline unsigned word_mask(const unsigned char *t, size_t k)
{
#if defined(__SSE2__)
    const __m128i lo = _mm_set1_epi8(0x20),
                  la = _mm_set1_epi8((char)(0x80 - 'a')),
                  ln = _mm_set1_epi8((char)(-128 + 26)),
                  da = _mm_set1_epi8((char)(0x80 - '0')),
                  dn = _mm_set1_epi8((char)(-128 + 10));
    __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(t + k));
    /* (c | 0x20) - 'a' < 26 and c - '0' < 10 unsigned, as signed compares
     * shifted by 0x80; c's own top bit for bytes >= 0x80. */
    __m128i l = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(c, lo), la), ln);
    __m128i d = _mm_cmplt_epi8(_mm_add_epi8(c, da), dn);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(l, d), c));
#else
    unsigned m = 0;
    for (unsigned q = 0; q < 16; q++)
        m |= (unsigned)(dc_word_tab[t[k + q]] != 0) << q;
    return m;
#endif
}

/* The word-run boundaries in the 64 bytes at k, m their word-byte bits
 * (bit j: byte k + j; *last: byte k - 1 was a word byte), stored in order
 * at f: a run's begin and end are consecutive words of the flat array, so
 * a run that crosses blocks gets its end from a later call. Shared by
 * word_runs and word_runs_avx2 and inlined into both (with BMI's one
 * instruction for x &= x - 1 in the latter). Returns where the next
 * boundary goes. */
static inline __attribute__((always_inline)) uint32_t *
mask_runs(uint32_t *f, size_t k, uint64_t m, uint64_t *last)
{
    uint64_t x = m ^ (m << 1 | *last);
    *last = m >> 63;
    while (x) {
        f[0] = (uint32_t)(k + (size_t)__builtin_ctzll(x));
        x &= x - 1;
        f[1] = (uint32_t)(k + (size_t)__builtin_ctzll(x | 1ull << 63));
        f += 1 + (x != 0);
        x &= x - 1;
    }
    return f;
}

/* Stores every maximal run of word bytes of t[0, n) at runs, in order, and
 * returns the end of what it stored. 64 bytes a step (word_mask): where a
 * byte's class differs from the one before it a run starts or ends, and
 * those places alternate (start, end, start, ...), so they are the runs'
 * b and e in the order of the array, one loop over the bits that differ,
 * without a branch a byte. The loop's exit is mispredicted at most steps,
 * so the steps are long: with 16 bytes (and a loop for the starts and one
 * for the ends) cachegrind counted 157 K mispredicted branches there on
 * the benchmark corpus. Two places a turn: the second is written even
 * when there is none (bit 63 keeps ctz defined) and f moves past it only
 * if there is, which halves the loop's exits (mispredicted 3.939 ->
 * 3.866 M); a place written past the last run is the b of the sentinel's
 * slot. The text has WORD_PAD zero bytes after its end (dc_match): the
 * step at k <= n reads no further, and ends a run that reaches n. The
 * body is word_runs_in, which dc_match_word_runs (for tests) inlines too,
 * so that word_runs keeps match_words as its one caller: with a second
 * caller GCC inlined it differently there (+1.1 M instructions in
 * match_words on the benchmark corpus). */
_Static_assert(sizeof(dc_wrun) == 2 * sizeof(uint32_t), "dc_wrun is b, e");
static inline __attribute__((always_inline)) dc_wrun *
word_runs_in(const unsigned char *t, size_t n, dc_wrun *runs)
{
    /* The runs as b0 e0 b1 e1 ... (dc_hitvec.runs is allocated memory). */
    uint32_t *const f0 = (uint32_t *)(void *)runs;
    uint32_t *f = f0;
    uint64_t last = 0; /* t[k - 1] is a word byte */
    for (size_t k = 0; k <= n; k += 64) {
        uint64_t m = (uint64_t)word_mask(t, k) |
                     (uint64_t)word_mask(t, k + 16) << 16 |
                     (uint64_t)word_mask(t, k + 32) << 32 |
                     (uint64_t)word_mask(t, k + 48) << 48;
        f = mask_runs(f, k, m, &last);
    }
    return runs + (f - f0) / 2;
}

static dc_wrun *word_runs(const unsigned char *t, size_t n, dc_wrun *runs)
{
    return word_runs_in(t, n, runs);
}

#if defined(HAVE_AVX2_PATH)
/* word_runs() with AVX2 and BMI, the same runs: word_mask's tests on 32
 * bytes at once (two a 64-byte step where word_runs makes four), and
 * BMI's one instruction for x &= x - 1. Out of line, called once a
 * comment where the engine runs on such a CPU (dc_match_scratch.avx2). */
__attribute__((target("avx2,bmi"), noinline)) static dc_wrun *
word_runs_avx2(const unsigned char *t, size_t n, dc_wrun *runs,
               unsigned char look, bool *seen)
{
    /* The constants read from memory: GCC made each of them in a register
     * at every call (mov, vmovd, vpbroadcastb: ~20 instructions a comment,
     * -0.16 M on the benchmark corpus), and folds a plain load of a const
     * array back into that, so the array's address goes through an empty
     * asm. */
#define B32(c) {c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, \
                c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c}
    static _Alignas(32) const signed char cst0[5][32] = {
        B32(0x20), B32((signed char)(0x80 - 'a')), B32(-128 + 26),
        B32((signed char)(0x80 - '0')), B32(-128 + 10)};
#undef B32
    const signed char(*cst)[32] = cst0;
    __asm__("" : "+r"(cst));
#define CST(i) _mm256_load_si256((const __m256i *)(const void *)cst[i])
    const __m256i lo = CST(0), la = CST(1), ln = CST(2), da = CST(3),
                  dn = CST(4);
#undef CST
    const __m256i lb = _mm256_set1_epi8((char)look);
    __m256i any = _mm256_setzero_si256();
    uint32_t *const f0 = (uint32_t *)(void *)runs;
    uint32_t *f = f0;
    uint64_t last = 0; /* t[k - 1] is a word byte */
    for (size_t k = 0; k <= n; k += 64) {
        /* The two halves written out: with the look-up's compare in the
         * loop over them, GCC no longer unrolled it. */
        __m256i c0 = _mm256_loadu_si256((const __m256i *)(const void *)(t + k)),
                c1 = _mm256_loadu_si256(
                    (const __m256i *)(const void *)(t + k + 32));
        any = _mm256_or_si256(any, _mm256_or_si256(_mm256_cmpeq_epi8(c0, lb),
                                                   _mm256_cmpeq_epi8(c1, lb)));
#define WORD32(c)                                                              \
    (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(                  \
        _mm256_or_si256(                                                       \
            _mm256_cmpgt_epi8(ln, _mm256_add_epi8(_mm256_or_si256(c, lo), la)), \
            _mm256_cmpgt_epi8(dn, _mm256_add_epi8(c, da))),                    \
        c))
        uint64_t m = WORD32(c0) | WORD32(c1) << 32;
#undef WORD32
        f = mask_runs(f, k, m, &last);
    }
    *seen = !_mm256_testz_si256(any, any);
    return runs + (f - f0) / 2;
}
#endif

size_t dc_match_word_runs(const dc_match_scratch *ms, const char *t, size_t n,
                          dc_wrun *runs)
{
    const unsigned char *u = (const unsigned char *)t;
#if defined(HAVE_AVX2_PATH)
    bool seen;
    return (size_t)((ms->avx2 ? word_runs_avx2(u, n, runs, 0, &seen)
                              : word_runs_in(u, n, runs)) -
                    runs);
#else
    (void)ms;
    return (size_t)(word_runs_in(u, n, runs) - runs);
#endif
}

/* The literals t[a, e) for the word start a and e in ends[0, ne), whose
 * hash states are hend[]. */
static __attribute__((noinline)) bool ends_lookup(scan *s, size_t a,
                                                  const size_t *ends,
                                                  const uint64_t *hend,
                                                  size_t ne)
{
    for (size_t k = 0; k < ne; k++) {
        uint32_t v = hash_find_run(s->m, s->t + a, ends[k] - a,
                                   hash_fin(hend[k]), HV_WORD);
        if (v && !report(s, v & HV_ID, a, ends[k]))
            return false;
    }
    return true;
}

/* ends_lookup(), asked only if the Bloom filter knows one of the keys:
 * most words end in s d r n or g without being a key's inflection, and
 * the filter's word is a few instructions where the call and the probes
 * are a hundred (callgrind). */
static inline bool word_ends_report(scan *s, size_t a, const size_t *ends,
                                    const uint64_t *hend, size_t ne)
{
    bool any = false;
    for (size_t k = 0; k < ne; k++)
        any |= bloom_has_run(s->m, hash_fin(hend[k]));
    return !any || ends_lookup(s, a, ends, hend, ne);
}

/* The lengths l of the start of the run [a, R) where the last word of a
 * compound-eligible phrase begun at a0 may end (lasts: its slot's), 1 <=
 * l <= lmax (a + l < R, a + l - a0 <= hmax): bit l - 1 for l < 32, bit 31
 * for every longer one (lmax <= hmax <= HASH_MAXLEN, 64). go_on looks
 * them up, go_on_maybe asks the Bloom filter. */
static inline uint64_t lasts_lens(uint32_t lasts, size_t a0, size_t a,
                                  size_t R, size_t hmax)
{
    size_t lmax = R - a - 1 < hmax - (a - a0) ? R - a - 1 : hmax - (a - a0);
    uint64_t ls = lasts & 0x7fffffffu & (lmax < 31 ? (1u << lmax) - 1 : ~0u);
    if ((lasts >> 31) && lmax >= 32)
        ls |= ((lmax < 64 ? 1ull << lmax : 0) - 1) & ~0x7fffffffull;
    return ls;
}

/* report() for go_on, counted and the last one kept: whether go_on calls
 * report(), and with what, follows from the phrase, the byte between and
 * the word alone (pend_go's cache); what report() then does depends on
 * the text around. */
static inline bool go_report(scan *s, wpass *w, unsigned id, size_t b,
                             size_t e)
{
    w->nrep++;
    w->rid = id;
    w->rb = b;
    w->re = e;
    return report(s, id, b, e);
}

/* The pending phrases go on over the bytes t[rlast, a), which hold no
 * '*', into the run [a, R) (h: the state after t[a, R) if hr_ok), whose
 * last-word ends are ends[0, ne) (states hend[]): see match_words. */
static __attribute__((noinline)) bool go_on(scan *s, wpass *w, size_t a, size_t R, uint64_t h,
                  bool hr_ok, const size_t *ends, const uint64_t *hend,
                  size_t ne)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    const size_t hmax = m->hmax_word;
    uint64_t G = 0; /* hash_step over the gap from 0 */
    for (size_t q = w->rlast; q < a; q++)
        G = hash_step(G, t[q]);
    uint64_t kg = m->pow[a - w->rlast];
    uint32_t first = 1u << (t[a] & 31);
    const pend *cur = w->cur;
    for (size_t c = 0; c < w->ncur; c++) {
        size_t a0 = cur[c].a;
        if (a - a0 >= hmax || !(cur[c].next & first))
            continue;
        uint64_t hd = (pend_h(t, w, &cur[c]) * kg + G) - HASH_SEED;
        if (hr_ok && R - a0 <= hmax) {
            uint64_t H = hd * m->pow[R - a] + h;
            const hslot *sl =
                hash_get(m, t + a0, R - a0, hash_fin(H));
            if (sl && (sl->val & HV_WORD) &&
                !go_report(s, w, sl->val & HV_ID, a0, R))
                return false;
            if (sl && (sl->val & HV_PREFIX))
                pend_push(w, a0, H, sl);
        }
        for (size_t k = 0; k < ne; k++) {
            size_t e = ends[k];
            uint32_t v;
            if (e - a0 <= hmax &&
                (v = hash_find(m, t + a0, e - a0,
                               hash_fin(hd * m->pow[e - a] + hend[k]),
                               HV_WORD)) &&
                !go_report(s, w, v & HV_ID, a0, e))
                return false;
        }
        uint32_t lasts = cur[c].cpre ? cur[c].sl->lasts : 0;
        if (!lasts || R - a < 2)
            continue;
        /* Only the set bits of the lengths that lasts allows are visited,
         * in order: a loop over every l tested a bit a byte, a branch the
         * predictor often missed. */
        for (uint64_t ls = lasts_lens(lasts, a0, a, R, hmax); ls;
             ls &= ls - 1) {
            size_t l = (size_t)__builtin_ctzll(ls) + 1, e = a + l, k = 0;
            while (k < ne && ends[k] != e)
                k++;
            uint32_t v;
            if (k == ne &&
                (v = hash_find(
                     m, t + a0, e - a0,
                     hash_fin(hd * m->pow[l] + state_at(t, a, R, h, hr_ok, e)),
                     HV_WORD)) &&
                !go_report(s, w, v & HV_ID, a0, e))
                return false;
        }
    }
    return true;
}

/* Can go_on() find anything for the word [a, R) of the word pass's usual
 * path (hash state h, inflection ends ends[0, ne) with states hend[])?
 * Not when p, the one phrase pending or the one of several that may go on
 * with the word (pend_among), is one byte before it, and the Bloom filter
 * knows no key for the phrase and the word or a word end (h(xy) as in
 * go_on), nor, for a compound-eligible phrase, for the phrase and a start
 * of the word where its last word may end (lasts, read from its slot only
 * then, as go_on would): the usual case, asked inline where the call
 * costs ~200 instructions. p NULL: maybe. true: maybe. Not only a
 * question: once it gets as far as the Bloom filter it stores the pending
 * phrase's hash in the phrase (p->h, no longer lazy), which go_on, next
 * on a maybe, would otherwise make again; it is the hash pend_h gives
 * either way. */
static inline __attribute__((always_inline)) bool
go_on_maybe(const dc_matcher *m, wpass *w, const unsigned char *t,
            size_t a, size_t R, uint64_t h, const size_t *ends,
            const uint64_t *hend, size_t ne, pend *p, bool any_gap)
{
    const size_t hmax = m->hmax_word;
    if (!p || (!any_gap && a - w->rlast != 1))
        return true;
    if (a - p->a >= hmax || !(p->next & 1u << (t[a] & 31)))
        return false;
    /* The phrase's hash is kept: go_on, which comes next if this says
     * maybe, would make it again. */
    p->h = pend_h(t, w, p);
    p->lazy = false;
    uint64_t hd;
    if (a - w->rlast == 1) {
        hd = (p->h * HASH_MUL + hash_step(0, t[a - 1])) - HASH_SEED;
    } else { /* the gap hashed as go_on hashes it */
        uint64_t G = 0;
        for (size_t q = w->rlast; q < a; q++)
            G = hash_step(G, t[q]);
        hd = (p->h * m->pow[a - w->rlast] + G) - HASH_SEED;
    }
    bool any = R - p->a <= hmax &&
               bloom_has(m, hash_fin(hd * m->pow[R - a] + h));
    for (size_t k = 0; k < ne; k++)
        any |= ends[k] - p->a <= hmax &&
               bloom_has(m, hash_fin(hd * m->pow[ends[k] - a] + hend[k]));
    if (any || !p->cpre || R - a < 2)
        return any;
    /* The lengths in ascending order, the word's hash state stepped on to
     * each (the ends in ends[] among them, asked again). */
    uint64_t hl = HASH_SEED;
    size_t q = 0;
    for (uint64_t ls = lasts_lens(p->sl->lasts, p->a, a, R, hmax); ls;
         ls &= ls - 1) {
        size_t l = (size_t)__builtin_ctzll(ls) + 1;
        for (; q < l; q++)
            hl = hash_step(hl, t[a + q]);
        if (bloom_has(m, hash_fin(hd * m->pow[l] + hl)))
            return true;
    }
    return false;
}

/* cands_maybe() once the automaton found a candidate term in the word
 * w[0, L) = t[a, a + L) (1 in 20 of its calls on the benchmark corpus):
 * CM_INSIDE, with CM_SPLITS if the word splits, or 0 if every term is
 * one the word pass reports. Out of line, as is cands_next: the usual
 * call, which finds nothing, then saves and restores fewer registers. */
static __attribute__((noinline)) uint64_t cands_inside(const dc_matcher *m,
                                                       const unsigned char *t,
                                                       size_t n, size_t a,
                                                       size_t L)
{
    const unsigned char *w = t + a;
    const uint64_t *ct = m->ctri;
    unsigned x = code6(w[0]) << 6 | code6(w[1]);
    for (size_t k = 0; k + 3 <= L; k++) {
        x = (x << 6 | code6(w[k + 2])) & 0x3ffffu;
        if (!((ct[x >> 6] >> (x & 63)) & 1))
            continue;
        uint64_t h = HASH_SEED;
        size_t lmax = L - k < m->hmax_cand ? L - k : m->hmax_cand;
        for (size_t l = 1; l <= lmax; l++) {
            h = hash_step(h, w[k + l - 1]);
            if (l >= 3 && hash_find_run(m, w + k, l, hash_fin(h), HV_CAND) &&
                !(k == 0 && word_pass_end(t, n, a, a + l)))
                /* "about" holds "abo" but splits into no pieces: a
                 * frequent word that token_cands would look at each time
                 * for nothing. */
                return (reach(m, w, L) >> (L - 1)) & 1 ? CM_INSIDE | CM_SPLITS
                                                       : CM_INSIDE;
        }
    }
    return 0;
}

/* The suffixes w[b, L), longest last, up to the longest the filters
 * allow (lens: s1_lens, not 0) and looked up at the lengths they allow:
 * the OR of the next of those that are HV_CPREFIX keys. h(c x) = h(x) +
 * (SEED + c) * K^(|x| + 1) - SEED * K^|x|. */
static __attribute__((noinline)) uint64_t cands_next(const dc_matcher *m,
                                                     const unsigned char *w,
                                                     size_t L, uint64_t lens)
{
    uint64_t h = HASH_SEED, next = 0;
    for (size_t b = L - 1; (lens >> (L - b - 1)) && L - b <= m->hmax_word;
         b--) {
        size_t x = L - b - 1;
        h += (HASH_SEED + w[b]) * m->pow[x + 1] - HASH_SEED * m->pow[x];
        if (!((lens >> x) & 1))
            continue;
        const hslot *sl = hash_get_run(m, w + b, L - b, hash_fin(h));
        if (sl && (sl->val & HV_CPREFIX))
            next |= sl->next;
    }
    return next;
}

/* Could a compound candidate that the word pass does not report come of
 * the word t[a, te), starting a word (bb), no key of the hash and not
 * followed by '*' (see token_cands)? Only if a candidate term is inside
 * it (not one the word pass reports: CM_INSIDE) and the word splits into
 * pieces (CM_SPLITS) or may be one piece (before an apostrophe); or if a
 * phrase can go on after it, a first word of a candidate phrase ends it
 * and its next word starts as the text's next run does: the first bytes
 * of such next words if phrases (a delimiter follows the word). The
 * answer depends on the word alone; cands_gate looks at what follows.
 * All are looked up, found by the filters first. 0: none. */
static uint64_t cands_maybe(const dc_matcher *m, const unsigned char *t,
                            size_t n, size_t a, size_t te, bool phrases)
{
    const unsigned char *w = t + a;
    size_t L = te - a;
    if (L > COMPOUND_MAX)
        return 0;
    bool inside = m->hmax_cand && L >= 3;
    if (inside && m->ac) {
        /* Walked to the word's end, the states' output bits or-ed: the
         * table is a whole DFA, so going on past a term is harmless, and
         * 95% of the walks find none (no test and branch a byte). Two
         * bytes a turn after an odd first one, as hash_word. */
        const uint16_t *ac = m->ac;
        size_t x = 0, any = 0, k = L & 1;
        if (k)
            any = x = ac[code5_tab[w[0]]];
        for (; k < L; k += 2) {
            x = ac[(x >> 1) * AC_SYMS + code5_tab[w[k]]];
            any |= x;
            x = ac[(x >> 1) * AC_SYMS + code5_tab[w[k + 1]]];
            any |= x;
        }
        inside = any & 1;
    }
    uint64_t ans = inside ? cands_inside(m, t, n, a, L) : 0;
    uint64_t lens = m->cand_phrase && phrases ? s1_lens(m, w, L, false) : 0;
    return lens ? ans | cands_next(m, w, L, lens) : ans;
}

/* The bytes of a word of L (1-15) bytes in its memo entry's two words.
 * (No shift count of 64 or more even where it is not taken: clang warns.) */
#define MM(l) {~0ull >> ((l) < 8 ? 8 * (8 - (l)) : 0), \
               (l) > 8 ? ~0ull >> ((l) > 8 ? 8 * (16 - (l)) : 0) : 0}
static const uint64_t memo_mask[16][2] = {
    {0, 0}, MM(1), MM(2),  MM(3),  MM(4),  MM(5),  MM(6),  MM(7),
    MM(8),  MM(9), MM(10), MM(11), MM(12), MM(13), MM(14), MM(15),
};
#undef MM

/* The memo's pair of entries for the word w[0, L) (1-15 bytes), and the
 * word as an entry's first two words (x[0], x[1]): its bytes 0-7 and
 * 8-14, zero-padded, with its length in the last byte (so that an empty
 * entry, all zero, is no word); the third word is the answer (MEMO_*),
 * the fourth for a key what else the word pass needs of it (MEMO_ONE).
 * The pair comes from those two words (one product), not from the word's
 * hash: a word the loop does from the memo is not hashed at all. Two
 * ways: a new word takes the second (memo_put), a word seen again moves to
 * the first (match_words), so that the many words seen once do not push
 * out the frequent ones (on all 92 399 rows of the shared data 12.2% of
 * the words of up to 15 bytes miss, was 14.3% with each new word put
 * first). */
static inline void memo_key(const unsigned char *w, size_t L, uint64_t x[2])
{
    /* The word, zero-padded (the text has 16 bytes to spare). */
    memcpy(&x[0], w, 8);
    memcpy(&x[1], w + 8, 8);
    x[0] &= memo_mask[L][0];
    x[1] = (x[1] & memo_mask[L][1]) | (uint64_t)L << 56;
}

/* The set of the key whose first word xor-ed with its length is f
 * (dc_words_set, the model's word cache's set; was the key's two words
 * xor-ed before session 41): one product, made in one place for memo_set
 * and both mkey_stores. */
static inline uint64_t *memo_pair(uint64_t *memo, uint64_t f)
{
    return &memo[2 * ENT * dc_words_set(f, 0)];
}

/* The word's key in x and its pair. */
static inline uint64_t *memo_set(uint64_t *memo, const unsigned char *w,
                                 size_t L, uint64_t x[2])
{
    memo_key(w, L, x);
    return memo_pair(memo, x[0] ^ L);
}

/* The entry of the pair e (memo_set) that holds the word whose key
 * (memo_key) is x, or NULL. Both ways compared at once: which one holds a
 * word is a coin toss for the branch predictor. The key is the one
 * memo_set made: match_words' keys are made once a word, with the pair,
 * by word_keys (building it again here was ~10 instructions a word). */
static inline uint64_t *memo_in(uint64_t *e, const uint64_t x[2])
{
    bool in0 = ((e[0] ^ x[0]) | (e[1] ^ x[1])) == 0;
    bool in1 = ((e[ENT] ^ x[0]) | (e[ENT + 1] ^ x[1])) == 0;
    e += in0 ? 0 : ENT;
    return (in0 | in1) ? e : NULL;
}

/* match_words' memo key: memo_key's two words in one SSE2 register,
 * which keeps them out of the loop's general registers (they were spilled
 * to the stack at every word) and compares a way in one step. */
#if defined(__SSE2__) && defined(__x86_64__) /* _mm_cvtsi128_si64 */
typedef __m128i mkey;

static inline bool mkey_is(const uint64_t *e, mkey k)
{
    return _mm_movemask_epi8(_mm_cmpeq_epi8(
               _mm_load_si128((const __m128i *)(const void *)e), k)) == 0xffff;
}

/* The key's two words xor-ed (what mkey_store multiplies). */
static inline uint64_t mkey_fold(mkey k)
{
    return (uint64_t)_mm_cvtsi128_si64(
        _mm_xor_si128(k, _mm_unpackhi_epi64(k, k)));
}

static inline void mkey_put(uint64_t *e, mkey k)
{
    _mm_store_si128((__m128i *)(void *)e, k);
}

static inline mkey mkey_load(const uint64_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* word_keys' key of a word w of L bytes: memo_key's, for L of 1-15 (the
 * word's bytes and its length), and for L == MKEY_OUT a key no entry
 * has (length byte 0xff, no bytes: such words share a pair, never
 * read). Each row is the mask of the word's bytes and then the length
 * byte in its place, so that a key is one AND and one OR (the length
 * byte was moved into place with two more instructions a word). */
#define MKEY_OUT 16u
#define MK(l) {~0ull >> ((l) < 8 ? 8 * (8 - (l)) : 0), \
               (l) > 8 ? ~0ull >> ((l) > 8 ? 8 * (16 - (l)) : 0) : 0, \
               0, (uint64_t)(l) << 56}
static _Alignas(16) const uint64_t mkey_rows[MKEY_OUT + 1][4] = {
    {0, 0, 0, 0}, MK(1), MK(2),  MK(3),  MK(4),  MK(5),  MK(6),  MK(7),
    MK(8),  MK(9), MK(10), MK(11), MK(12), MK(13), MK(14), MK(15),
    {0, 0, 0, 0xffull << 56},
};
#undef MK

/* memo_set()'s key of the word w[0, L) (1 <= L <= 15), or MKEY_OUT's
 * key (L == MKEY_OUT: the word is not in the memo), stored at p; returns
 * its pair. */
static inline uint64_t *mkey_store(uint64_t *memo, const unsigned char *w,
                                   size_t L, uint64_t *p)
{
    const __m128i *row = (const __m128i *)(const void *)mkey_rows[L];
    __m128i x = _mm_or_si128(
        _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)w),
                      _mm_load_si128(row)),
        _mm_load_si128(row + 1));
    _mm_storeu_si128((__m128i *)(void *)p, x);
    return memo_pair(memo, (uint64_t)_mm_cvtsi128_si64(x) ^ L);
}
#else
typedef struct {
    uint64_t x[2];
} mkey;

static inline bool mkey_is(const uint64_t *e, mkey k)
{
    return ((e[0] ^ k.x[0]) | (e[1] ^ k.x[1])) == 0;
}

static inline uint64_t mkey_fold(mkey k)
{
    return k.x[0] ^ k.x[1];
}

static inline void mkey_put(uint64_t *e, mkey k)
{
    e[0] = k.x[0];
    e[1] = k.x[1];
}

static inline mkey mkey_load(const uint64_t *p)
{
    mkey k;
    memcpy(k.x, p, sizeof k.x);
    return k;
}

#define MKEY_OUT 16u
static inline uint64_t *mkey_store(uint64_t *memo, const unsigned char *w,
                                   size_t L, uint64_t *p)
{
    uint64_t x[2] = {0, 0xffull << 56};
    if (L < MKEY_OUT)
        memo_key(w, L, x);
    memcpy(p, x, sizeof x);
    return memo_pair(memo, x[0] ^ L);
}
#endif

/* The entry of the pair set (mkey_store) that holds the word whose key is k,
 * or NULL. A word seen again in the second way moves to the first, which
 * a new word does not take (memo_put), so that the many words seen once
 * do not push out the frequent ones; then most words the memo holds are
 * in the first way (on the benchmark corpus 251 000 of 277 000), and
 * that is asked first. */
static inline uint64_t *memo_find(uint64_t *set, mkey k)
{
    if (mkey_is(set, k))
        return set;
    if (!mkey_is(set + ENT, k))
        return NULL;
    /* the whole entry, the model's half too */
    uint64_t tmp[ENT];
    memcpy(tmp, set, sizeof tmp);
    memcpy(set, set + ENT, sizeof tmp);
    memcpy(set + ENT, tmp, sizeof tmp);
    return set;
}

/* Remembers the answer ans and aux for the word w[0, L), which the memo
 * does not hold, in its pair set (memo_set, which the caller has made):
 * in the pair's second way, so that a word seen once does not push out
 * one seen again (match_words moves that to the first). */
static __attribute__((noinline)) void memo_put(uint64_t *set,
                                               const unsigned char *w,
                                               size_t L, uint64_t ans,
                                               uint64_t aux)
{
    uint64_t x[2], *e = set + ENT;
    memo_key(w, L, x);
    e[0] = x[0];
    e[1] = x[1];
    e[2] = ans;
    e[3] = aux;
    e[ENT_MODEL_VALID] = 0; /* the model's half not valid */
}

/* memo_put() with the word's key already made (mkey_store, word_keys):
 * made again in memo_put it cost 18 instructions a word (47 000 words on
 * the benchmark corpus). */
static inline void memo_put_key(uint64_t *set, mkey x, uint64_t ans,
                                uint64_t aux)
{
    uint64_t *e = set + ENT;
    mkey_put(e, x);
    e[2] = ans;
    e[3] = aux;
    e[ENT_MODEL_VALID] = 0; /* the model's half not valid */
}

/* The victim table's entry (ms->vic) of the memo pair set: a third way
 * of the pair (shared by 1 << (DC_WORDS_BITS - VIC_BITS) pairs), which
 * the word pushed out of the pair's second way takes. */
static inline uint64_t *vic_at(dc_match_scratch *ms, const uint64_t *set)
{
    size_t pair = (size_t)(set - ms->memo) / (2 * ENT);
    return ms->vic + 4 * (pair >> (DC_WORDS_BITS - VIC_BITS));
}

/* cands_gate()'s way when the word t[a, te) is not in the memo: asks
 * cands_maybe and remembers its answer. */
static __attribute__((noinline)) uint64_t cands_miss(scan *s, size_t a,
                                                     size_t te, uint64_t *set)
{
    uint64_t ans = cands_maybe(s->m, s->t, s->n, a, te, true);
    memo_put(set, s->t + a, te - a, ans | (ans ? MEMO_LOOK : 0), 0);
    return ans;
}

/* cands_gate() for a word ending at te whose answer from cands_maybe is
 * ans (not 0): a candidate term inside counts if the word splits or may
 * be one piece (before an apostrophe: see token_cands); a phrase if a
 * delimiter follows and the first run of word bytes or '*' after it
 * starts with one of the bytes in ans (bit c & 31). */
static bool cands_after(const unsigned char *t, size_t n, size_t te,
                        uint64_t ans)
{
    if ((ans & CM_INSIDE) &&
        ((ans & CM_SPLITS) || (te < n && t[te] == '\'')))
        return true;
    if (!(uint32_t)ans || te >= n || wordstar(t[te]))
        return false;
    while (te < n && !wordstar(t[te]))
        te++;
    return te < n && ((ans >> (t[te] & 31)) & 1);
}

/* Should token_cands look at the word t[a, te), no key,
 * in on_run? What cands_maybe says, and for a phrase, whether the text's
 * next word may be its next one. cands_maybe's answers depend on the
 * word's bytes alone: the memo remembers them for words of up to 15
 * bytes, since most words that are no key are frequent ones (a scratch
 * sees many comments) and the frequent ones that end in a candidate
 * phrase's first word ("about" in "out ...") would otherwise be looked
 * at each time. plain_word does the same for the usual word. */
static inline __attribute__((always_inline)) bool cands_gate(scan *s, size_t a,
                                                           size_t te)
{
    const unsigned char *t = s->t;
    size_t L = te - a;
    uint64_t ans;
    if (L > 15 || !s->ms->memo) {
        ans = cands_maybe(s->m, t, s->n, a, te,
                          te < s->n && !wordstar(t[te]));
    } else {
        uint64_t x[2], *set = memo_set(s->ms->memo, t + a, L, x);
        const uint64_t *e = memo_in(set, x);
        ans = e ? e[2] & CM_ALL : cands_miss(s, a, te, set);
    }
    return ans && cands_after(t, s->n, te, ans); /* 0 for most words */
}

/* The hits of the short terms (short_tab) that the word t[a, a + L) is
 * (L <= 2; a boundary on both sides); *found is set if it is one. */
static inline bool short_hits(scan *s, size_t a, size_t L, bool *found)
{
    const dc_matcher *m = s->m;
    const uint32_t *tab = m->short_tab;
    int slot;
    if (!tab || (slot = short_slot(s->t + a, L)) < 0 || !tab[slot])
        return true;
    *found = true;
    const grp *g = &m->groups[tab[slot] - 1];
    for (uint32_t k = 0; k < g->n; k++)
        if (!push_hit(s, a, a + L, m->gent[g->first + k], DC_HIT_EXACT))
            return false;
    return true;
}

/* The MEMO_ONE aux of the hit of the short term w[0, L) (short_hits) if
 * it has one entry, else 0. */
static uint64_t short_one(const dc_matcher *m, const unsigned char *w,
                          size_t L)
{
    int slot = short_slot(w, L);
    if (!m->short_tab || slot < 0 || !m->short_tab[slot])
        return 0;
    const grp *g = &m->groups[m->short_tab[slot] - 1];
    return g->n == 1 ? memo_one(m->gent[g->first], DC_HIT_EXACT) : 0;
}

/* pend_maybe's second half: no '*' lies between the last run and a, and
 * the gap is short enough (pend_go, whose caller asked the first). */
static inline bool pend_gap(const wpass *w, const unsigned char *t,
                            size_t a, size_t hmax)
{
    return a - w->rlast <= hmax &&
           (a - w->rlast == 1 ? t[w->rlast] != '*'
                              : !memchr(t + w->rlast, '*', a - w->rlast));
}

/* May a pending phrase go on with the word starting at a? Its next word
 * starts with t[a], and no '*' lies between (go_on). */
static inline bool pend_maybe(const wpass *w, const unsigned char *t,
                              size_t a, size_t hmax)
{
    return (w->next & 1u << (t[a] & 31)) && /* 0 when nothing is pending */
           pend_gap(w, t, a, hmax);
}

/* Defined with plain_word, which asks it; on_run asks it too. */
static bool split_hits(scan *s, size_t a, size_t i);

/* Finds the terms that are not in the database: words of one or two
 * bytes (short_tab), and the literals of the word hash. Those of one word
 * start at a word start and end as word_ends() says. A phrase is followed
 * run by run (runs of word bytes and '*'): while the runs from its start
 * are a phrase's leading words (HV_PREFIX), it is pending, and at the next
 * run its hash goes on over the bytes before the run (which must not hold
 * a '*': no literal has a run starting with one) and the run's own hash
 * (hash_step composes: the state after x then y is (h(x) - SEED) * K^|y|
 * + h(y)), so each run is hashed once. The last word of a phrase ends as
 * word_ends() says, or for a compound-eligible phrase where its last word
 * ends (lasts): inside a word it is a compound candidate. Every word is
 * also looked at for compound candidates (token_cands). */
static __attribute__((noinline)) bool pend_go(scan *s, wpass *w, size_t a,
                                              size_t i, mkey k);

/* Everything match_words does with the run of word bytes t[a, te). Out
 * of line, and the run hashed here: the scanning loop stays small enough
 * to keep its values in registers. */
static __attribute__((noinline)) bool on_run(scan *s, wpass *w, size_t a,
                                             size_t te)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    const size_t n = s->n, hmax = m->hmax_word;
    /* Inside a masked word ("n*gg*r"): no word start. Asked before the
     * masked word's end is looked for, which is the end of the whole run
     * of word bytes and '*': once per masked word, not once per run in it
     * (64 KiB of "x*y" was quadratic, 4.8G instructions). */
    if (a < w->rlast)
        return !m->cand_any || token_cands(s, a, te, false, NULL, CM_UNKNOWN);
    bool bb = boundary_before(t, a);
    /* The tail of a contraction ("t", "s", "re" after "don'", "it'",
     * "you'"; 5,500 of the 11,800 runs here on the benchmark corpus), not
     * followed by '*' or another quote: no word starts here, so below only
     * the pending phrases ("don't") would read its hash and inflection
     * ends. They go on as after a word the loop does (pend_go, by the
     * tail's memo key): the same hash and ends where its cache (keyed by
     * the phrase, the byte before, here the quote, and the word) does not
     * answer, and no hash where it does. */
    if (!bb && te - a <= 2 && s->ms->memo &&
        (te >= n || (t[te] != '*' && t[te] != '\''))) {
        if (pend_maybe(w, t, a, hmax)) {
            uint64_t x[2];
            memo_key(t + a, te - a, x);
            if (!pend_go(s, w, a, te, mkey_load(x)))
                return false;
        }
        pend_swap(w, te);
        return !m->cand_any ||
               !(m->cand_phrase && te < n && !wordstar(t[te]) &&
                 s1_short_lens(m, t + a, te - a) &
                     (te - a == 1 ? 1u : 3u)) ||
               token_cands(s, a, te, false, NULL, CM_UNKNOWN);
    }
    uint64_t h = hash_word(t + a, te - a);
    size_t R = te;
    if (R < n && t[R] == '*') {
        /* Masked words go on over '*'. */
        size_t lim = n - a > hmax ? a + hmax : n;
        for (; R < lim && wordstar(t[R]); R++)
            h = hash_step(h, t[R]);
        while (R < n && wordstar(t[R]))
            R++;
        s->ms->masked_steps += R - te;
    }
    bool hr_ok = R - a <= hmax; /* h is the state after t[a, R) */
    bool short_term;
    if (bb && te - a <= 2 && boundary_after(t, n, te) &&
        !short_hits(s, a, te - a, &short_term))
        return false;
    size_t ends[4], ne = 0;
    uint64_t hend[4];
    unsigned char z = t[R - 1];
    if (hmax && ((byte_cls[z] & BC_INFL) || z == '*')) {
        ne = word_ends(t, a, R, ends);
        for (size_t k = 0; k < ne; k++)
            if (ends[k] - a > hmax)
                ends[k--] = ends[--ne]; /* nothing that long */
        for (size_t k = 0; k < ne; k++)
            hend[k] = state_at(t, a, R, h, hr_ok, ends[k]);
    }
    /* Pending phrases go on here if only non-word bytes lie between. */
    if (pend_maybe(w, t, a, hmax) &&
        !go_on(s, w, a, R, h, hr_ok, ends, hend, ne))
        return false;
    /* The word starting here. */
    const hslot *sl = NULL;
    if (bb && hmax) {
        if (hr_ok && (sl = hash_get_run(m, t + a, R - a, hash_fin(h)))) {
            if ((sl->val & HV_WORD) && !report(s, sl->val & HV_ID, a, R))
                return false;
            if (sl->val & HV_PREFIX)
                pend_push(w, a, h, sl);
            /* A split slur's fragment next to a quote or '*' ('ki kes',
             * *sp ic*): split.c says whether that is a word's edge. */
            if ((sl->val & HV_TRIG) && R == te && !split_hits(s, a, te))
                return false;
        }
        /* Also in a word longer than any key: "parrasites" (10 bytes)
         * when the longest is "parrasite". */
        if (ne && !word_ends_report(s, a, ends, hend, ne))
            return false;
    }
    pend_swap(w, R);
    /* Most words are keys that do not split, or words with no candidate
     * term in them: nothing to look at. */
    if (!m->cand_any)
        return true;
    bool look;
    if (!bb || R != te || !hr_ok || !hmax)
        look = true; /* token_cands decides */
    else if (sl)
        look = (sl->val & (HV_SPLIT | HV_INNER)) != 0;
    else
        look = cands_gate(s, a, te);
    /* Before "'x" the word may be a candidate as a whole. */
    if (!look && te < n && t[te] == '\'' && te - a <= COMPOUND_MAX)
        look = (sl && (sl->val & HV_CAND)) ||
               (t[te - 1] == 's' && te - a > 1 &&
                hash_find_run(m, t + a, te - a - 1,
                              hash_fin(h * HASH_INV - 's'), HV_CAND));
    /* The tail of a contraction ("t", "s", "re" after "don'", "it'",
     * "you'"): token_cands would find no single term in 1 or 2 bytes and
     * ask only whether a candidate phrase's first word ends it (s1_tail),
     * after a call and its setup that cost ~150 instructions (~5 000 such
     * calls on the benchmark corpus). */
    if (!bb && te - a <= 2)
        return !(m->cand_phrase && te < n && !wordstar(t[te]) &&
                 s1_short_lens(m, t + a, te - a) &
                     (te - a == 1 ? 1u : 3u)) ||
               token_cands(s, a, te, false, NULL, CM_UNKNOWN);
    return !look || token_cands(s, a, te, bb, R == te ? sl : NULL,
                                 CM_UNKNOWN);
}

/* A key's memo aux (MEMO_ONE) for the slot sl. Most keys are one term of
 * one entry: report_word's one hit, for which it reads the pattern, its
 * group and the group's entries, three cache misses at worst. A key whose
 * whole word gives two hits has the first as MEMO_ONE and *pair set to
 * MEMO_PAIR and the second's entry, for the memo entry's copy of the slot
 * value; *pair is 0 for any other. */
static uint64_t key_aux(const dc_matcher *m, const hslot *sl, uint32_t *pair)
{
    uint64_t one = 0;
    unsigned n = 0;
    uint32_t second = 0;
    if (sl->val & HV_WORD) {
        const pat *p = &m->pats[sl->val & HV_ID];
        const grp *g = &m->groups[p->group];
        for (uint32_t k = 0; k < g->n; k++) {
            uint32_t x = m->gent[g->first + k];
            if (!pat_takes(p, m->ebits[x]))
                continue;
            if (n++ == 0)
                one = memo_one(x, p->how);
            else
                second = x;
        }
    }
    /* Two hits: the second in the memo entry's copy of the slot value
     * (MEMO_PAIR). */
    *pair = n == 2 && one && second <= HV_ID ? MEMO_PAIR | second : 0;
    return sl->next | (n == 1 || *pair ? one : 0);
}

/* pend_go's cache (ms->pc): what one pending phrase did with the next
 * word, which follows from the phrase (its slot), the byte between and the
 * word alone: nothing (0); the phrase went on, still pending (PC_PUSH: its
 * slot's index from bit 32, HV_CPREFIX bit and next, as pend_push stores
 * them; no slot read); it called report() once (PC_REP: the pattern, and
 * where the hit ends in the word from bit PC_REP_END; report() is called
 * again with them, as it looks at the text around: "white people", "want
 * to", "all the" on the benchmark corpus), and went on too (PC_REP and
 * PC_PUSH: the slot's index, its val and next then read from the slot:
 * "going to", "as a"). An entry: the word's memo key, the slot and the
 * byte (pc_key), the answer. Slots of an index of 2^29 or more are not
 * kept. */
#define PC_PUSH (1ull << 63)
#define PC_CPRE (1ull << 62)
#define PC_REP (1ull << 61)
#define PC_REP_END 22 /* the end's offset in the word, above the pattern */
#define PC_SLOT 0x1fffffffu
_Static_assert(HV_ID < 1u << PC_REP_END, "a pattern id below the end");
_Static_assert(HASH_MAXLEN <= 0xffu, "a hit's end in its word fits the 8 bits above PC_REP_END");

static inline uint64_t pc_key(const dc_matcher *m, const pend *p,
                              unsigned char gap)
{
    /* The slot's offset in bytes, not its index: no division by the
     * slot's size (< HASH_CAP_MAX * 20 < 2^35). */
    _Static_assert(HASH_CAP_MAX <= (1ull << 30) && sizeof(hslot) <= 32,
                   "a slot's byte offset fits below the gap byte");
    return (uint64_t)((const char *)p->sl - (const char *)m->hash) |
           (uint64_t)gap << 40;
}

/* The cache's pair of entries (a 64-byte line) for the word of memo key
 * k after the phrase and byte pk (pc_key), picked by the word's key and
 * pk: two ways, as the memo's (a new answer into the second, one asked
 * again moved to the first). */
static inline uint64_t *pc_at(uint64_t *pc, mkey k, uint64_t pk)
{
    uint64_t f = mkey_fold(k) ^ pk * 0xff51afd7ed558ccdull;
    return &pc[8 * (size_t)((f * HASH_MUL) >> (65 - PC_BITS))];
}

/* The pending phrases going on with the usual word t[a, i) (as in
 * plain_word), whose memo key is k, when the loop does the word itself
 * from the memo: its hash and inflection ends are made only here. One
 * phrase pending one byte before it is asked of the cache first: on the
 * benchmark corpus most of the calls are such a phrase and a frequent
 * word ("you are", "the same"), and the phrase either does not go on
 * (~150 instructions to find out) or goes on without a hit (~450: the
 * word's hash, go_on's look-ups and push). */
static __attribute__((noinline)) bool pend_slow(scan *s, wpass *w, size_t a,
                                                size_t i, mkey k, uint64_t *pc,
                                                uint64_t pk);

/* Does the cache's pair pc hold the answer for the word t[a, ...) of
 * memo key k after the phrase p and the byte (pk)? If so, done as it says
 * (*ok: false when out of room). */
static inline __attribute__((always_inline)) bool
pc_answer(scan *s, wpass *w, uint64_t *pc, mkey k, uint64_t pk,
          const pend *p, size_t a, bool *ok)
{
    bool in0 = mkey_is(pc, k) && pc[2] == pk;
    if (!in0 && !(mkey_is(pc + 4, k) && pc[6] == pk))
        return false;
    if (!in0) {
        uint64_t tmp[4];
        memcpy(tmp, pc, sizeof tmp);
        memcpy(pc, pc + 4, sizeof tmp);
        memcpy(pc + 4, tmp, sizeof tmp);
    }
    uint64_t v = pc[3];
    const hslot *sl = &s->m->hash[(v >> 32) & PC_SLOT];
    if (v & PC_REP) {
        if (v & PC_PUSH)
            pend_push_lazy(w, p->a, sl, sl->val, sl->next);
        *ok = report(s, (unsigned)v & HV_ID, p->a,
                     a + (size_t)(v >> PC_REP_END & 0xff));
    } else if (v & PC_PUSH) { /* pend_push's, with the hash left to make */
        pend_push_lazy(w, p->a, sl, v & PC_CPRE ? HV_CPREFIX : 0,
                       (uint32_t)v);
    }
    return true;
}

static __attribute__((noinline)) bool pend_go(scan *s, wpass *w, size_t a,
                                              size_t i, mkey k)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    /* The caller asked pend_maybe's first test. */
    if (!pend_gap(w, t, a, m->hmax_word))
        return true;
    uint64_t *pc = NULL, pk = 0;
    if (w->ncur == 1 && a - w->rlast == 1 && !w->nnxt) {
        pk = pc_key(m, &w->cur[0], t[a - 1]);
        pc = pc_at(s->ms->pc, k, pk);
        bool ok = true;
        if (pc_answer(s, w, pc, k, pk, &w->cur[0], a, &ok))
            return ok;
    }
    return pend_slow(s, w, a, i, k, pc, pk);
}

/* The one of the phrases pending (two or more) that go_on may go on with
 * into the word at a, NULL if several may: go_on passes over those whose
 * next lacks the word's first byte or that are hmax bytes long. The first
 * one pending when none may (go_on_maybe then says no, as go_on would
 * find nothing for it, and pend_go's cache holds the same answer). So a
 * word after "i am" and "am" ("i am a") is answered as after the one of
 * them that may go on alone: on the benchmark corpus ~7 900 of the
 * ~10 700 pend_go calls with several phrases pending. */
static inline pend *pend_among(wpass *w,
                                                  const unsigned char *t,
                                                  size_t a, size_t hmax)
{
    const uint32_t first = 1u << (t[a] & 31);
    pend *one = w->cur;
    size_t nm = 0;
    for (size_t c = 0; c < w->ncur; c++)
        if ((w->cur[c].next & first) && a - w->cur[c].a < hmax) {
            one = &w->cur[c];
            nm++;
        }
    return nm > 1 ? NULL : one;
}

/* pend_go() when its cache does not answer (pc: the entry to fill, or
 * NULL, for the key pk). A function of its own, so that pend_go's cache
 * hits (26 000 of its 54 000 calls on the benchmark corpus) do not save
 * and restore the registers that the word's hash, its inflection ends and
 * go_on_maybe take. */
static __attribute__((noinline)) bool pend_slow(scan *s, wpass *w, size_t a,
                                                size_t i, mkey k, uint64_t *pc,
                                                uint64_t pk)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    pend *p = w->cur;
    if (w->ncur > 1) {
        /* Several pending: the cache answers for the one that may go on. */
        p = pend_among(w, t, a, m->hmax_word);
        if (p && a - w->rlast == 1 && !w->nnxt) {
            pk = pc_key(m, p, t[a - 1]);
            pc = pc_at(s->ms->pc, k, pk);
            bool ok = true;
            if (pc_answer(s, w, pc, k, pk, p, a, &ok))
                return ok;
        }
    }
    uint64_t h = hash_word(t + a, i - a), hend[3];
    size_t ends[3];
    size_t ne = infl_at(t, i, i - a, ends, h, hend);
    uint64_t ans = 0;
    if (go_on_maybe(m, w, t, a, i, h, ends, hend, ne, p, true)) {
        w->nrep = 0;
        if (!go_on(s, w, a, i, h, true, ends, hend, ne))
            return false;
        /* One report() from p's start and one phrase left pending at
         * most are kept; any more is not. */
        if (w->nrep > 1 || w->nnxt > 1 ||
            (w->nrep && (!p || w->rb != p->a)))
            return true;
        if (w->nrep)
            ans = PC_REP | w->rid | (uint64_t)(w->re - a) << PC_REP_END;
        if (w->nnxt) {
            const pend *q = &w->nxt[0];
            size_t slot = (size_t)(q->sl - m->hash);
            if (slot > PC_SLOT)
                return true;
            ans |= PC_PUSH | (uint64_t)slot << 32 |
                   (w->nrep ? 0 : (q->cpre ? PC_CPRE : 0) | q->next);
        }
    }
    if (pc) {
        mkey_put(pc + 4, k);
        pc[6] = pk;
        pc[7] = ans;
    }
    return true;
}

/* The split slurs (split.c) that the trigger t[a, i) reports: one hit
 * per entry, over the fragments and the gaps between them. */
static __attribute__((noinline)) bool split_hits(scan *s, size_t a, size_t i)
{
    dc_split_hit h[5];
    size_t nh = dc_split_find(&s->m->split, s->t, s->n, a, i, h);
    s->out->split |= nh != 0;
    for (size_t k = 0; k < nh; k++)
        for (uint32_t j = 0; j < h[k].n; j++)
            if (!push_hit(s, h[k].b, h[k].e, h[k].ent[j], DC_HIT_SPLIT))
                return false;
    return true;
}

/* The hits a seen word's memo entry e keeps for [a, i): its inflection's
 * (MEMO_ONE; a key of HV_WORD, slot sl, has reported its own) and a
 * second one (MEMO_TWO). For plain_body and seen_word. */
static inline bool memo_hits(scan *s, const hslot *sl, const uint64_t *e,
                             size_t a, size_t i)
{
    if ((!sl || !(sl->val & HV_WORD)) && (e[3] & MEMO_ONE) &&
        !push_hit(s, a, i, MEMO_ONE_ENTRY(e[3]), MEMO_ONE_HOW(e[3])))
        return false;
    return !(e[2] & MEMO_TWO) ||
           push_hit(s, a, i, MEMO_TWO_ENTRY(e[3]), MEMO_TWO_HOW(e[3]));
}

/* What match_words does with the usual word t[a, i): after and before
 * plain non-word bytes (not ' or '*'), of at most hmax bytes; on_run does
 * the same for any run, and more. e: its memo entry if
 * the memo holds it (then it is no key unless MEMO_KEY says which), or
 * NULL; a word of up to 15 bytes is remembered here, in its pair set
 * (memo_set), under its key x (mkey_store), which word_keys has made
 * (memo_put_key). */
static __attribute__((noinline)) bool plain_body(scan *s, wpass *w, size_t a,
                                                 size_t i, uint64_t *e,
                                                 uint64_t *set, mkey x)
{
    const unsigned char *t = s->t;
    const dc_matcher *m = s->m;
    const size_t n = s->n, hmax = m->hmax_word, L = i - a;
    /* Hashed here, not by the caller: the loop stays smaller. */
    const uint64_t h = hash_word(t + a, L);
    bool short_term = false, infl = false;
    /* A word the memo does not hold: the run keys' Bloom filter (32 KB)
     * is asked now, and the slot that the look-up below reads fetched
     * only if it says maybe, so that its read overlaps the work before
     * it. Fetched whatever the filter said when the filter was the 512 KB
     * one of all keys, it was mostly a line of the 10 MiB hash read for
     * nothing (docs/MATCH.md, nineteenth round). */
    const uint64_t f = hash_fin(h);
    bool maybe = false;
    if (!e && (maybe = bloom_has_run(m, f)))
        __builtin_prefetch(&m->hash[f >> m->hash_shift]);
    if (L <= 2 && !short_hits(s, a, L, &short_term))
        return false;
    size_t ends[3];
    uint64_t hend[3];
    size_t ne = infl_at(t, i, L, ends, h, hend); /* no '*' after it */
    if (pend_maybe(w, t, a, hmax) &&
        go_on_maybe(m, w, t, a, i, h, ends, hend, ne,
                    w->ncur == 1 ? w->cur : NULL, false) &&
        !go_on(s, w, a, i, h, true, ends, hend, ne))
        return false;
    const hslot *sl = e ? (e[2] & MEMO_KEY ? &m->hash[MEMO_SLOT(e[2])] : NULL)
                        : maybe ? hash_probe(m, t + a, L, f) : NULL;
    if (sl) {
        if ((sl->val & HV_WORD) && !report_word(s, sl->val & HV_ID, a, i))
            return false;
        if (sl->val & HV_PREFIX)
            pend_push(w, a, h, sl);
    }
    uint64_t one = 0, two = 0; /* MEMO_ONE's aux, MEMO_TWO's low bits */
    if (e && (e[2] & (MEMO_SEEN | MEMO_INFL)) == MEMO_SEEN) {
        /* Seen before: the memo has its inflection's hits, if any (a key
         * of HV_WORD has its own hit in MEMO_ONE, reported above). */
        if (!memo_hits(s, sl, e, a, i))
            return false;
    } else if (ne) {
        size_t nh = s->out->n, nc = s->ms->cand.n;
        if (!word_ends_report(s, a, ends, hend, ne))
            return false;
        infl = s->out->n != nh || s->ms->cand.n != nc;
        /* A word that is no key, or a key that gives no hit as a whole,
         * but a key's inflection with one hit and no compound candidate
         * ("jews", "kills"; "whites", a phrase's first word): the memo
         * keeps the hit as a key's (MEMO_ONE), so that the loop does the
         * word next time. One with two such hits ("bitches": profanity
         * and insult), or a key of HV_WORD with one (whose own hit is
         * MEMO_ONE), neither of them a phrase's first word (whose next
         * the bits hold), keeps
         * the second in MEMO_TWO and is done by plain_word from the memo
         * (its inflection ends not looked up). On the benchmark corpus
         * these were 3 240 of the 3 718 MEMO_INFL words sent here again,
         * ~400 instructions each. */
        size_t nn = s->out->n - nh;
        /* (no hit yet: v may be NULL, and NULL + 0 is undefined; found
         * by fuzz_analyze) */
        const dc_hit *hv = nn ? &s->out->v[nh] : NULL;
        bool whole = s->ms->cand.n == nc && (nn == 1 || nn == 2) &&
                     hv[0].begin == a && hv[0].end == i &&
                     hv[nn - 1].begin == a && hv[nn - 1].end == i;
        bool word = sl && (sl->val & HV_WORD);
        if (whole && !word && nn == 1) {
            one = memo_one(hv[0].entry, hv[0].how);
            infl = !one;
        } else if (whole && nn == (word ? 1u : 2u) &&
                   (!sl || (!(sl->val & HV_PREFIX) && !sl->next))) {
            uint64_t o = memo_one(hv[nn - 1].entry, hv[nn - 1].how);
            two = o ? (o >> 32 & 0x7fffffffu) : 0;
            one = word ? 0 : memo_one(hv[0].entry, hv[0].how);
            if (!two || (!word && !one))
                one = two = 0;
            infl = !two;
        }
    }
    pend_swap(w, i);
    uint64_t ans = 0; /* cands_maybe's, for a word that is no key */
    if (e)
        ans = sl ? 0 : e[2] & CM_ALL;
    else if (!sl && m->cand_any)
        ans = cands_maybe(m, t, n, a, i, L <= 15 || (i < n && !wordstar(t[i])));
    if (L <= 15) {
        uint64_t seen = MEMO_SEEN | (short_term ? MEMO_SHORT : 0) |
                        (infl ? MEMO_INFL : 0) | (two ? MEMO_TWO : 0);
        size_t slot = sl ? (size_t)(sl - m->hash) : 0;
        uint64_t look = (sl ? sl->val & (HV_SPLIT | HV_INNER) : ans & CM_ALL)
                            ? MEMO_LOOK
                            : 0;
        if (e) {
            /* cands_gate's entry, or a word seen again. (Not a MEMO_INFL
             * word's: one and two are the same each time, so a word found
             * with them is never MEMO_INFL.) */
            e[3] |= memo_glue(s->ms, one) | two;
            e[2] = memo_fast(e[2] | seen, e[3]);
        } else if (slot >> MEMO_SLOT_BITS == 0) {
            uint32_t pair = 0;
            uint64_t aux = (sl ? key_aux(m, sl, &pair) : 0) | one | two;
            /* A short term ("i", "u") of one entry that is nothing else
             * the loop would report: its hit is the entry's one
             * (MEMO_ONE), which the loop pushes without short_hits. Only
             * for a word the loop always does itself (no MEMO_INFL, no
             * MEMO_LOOK), so that plain_word, which asks short_hits, never
             * sees it as seen and pushes the hit twice. */
            if (short_term && !infl && !look && !(aux & MEMO_ONE) &&
                !(sl && (sl->val & HV_WORD))) {
                uint64_t o = short_one(m, t + a, L);
                aux |= o;
                seen &= o ? ~MEMO_SHORT : ~0ull;
            }
            aux = memo_glue(s->ms, aux);
            if (pair && !(aux & MEMO_GLUE) && glue_apart(s->ms, pair & HV_ID))
                aux |= MEMO_GLUE2;
            /* The word pushed out waits in the victim table. */
            memcpy(vic_at(s->ms, set), set + ENT, 4 * sizeof(uint64_t));
            memo_put_key(set, x,
                         memo_fast((sl ? MEMO_KEY | (uint64_t)slot << 32 |
                                             (pair ? (sl->val & ~HV_ID) | pair
                                                   : sl->val)
                                       : ans) |
                                       look | seen,
                                   aux),
                         aux);
        }
    }
    if (m->cand_any &&
        (sl ? (sl->val & (HV_SPLIT | HV_INNER)) != 0
            : ans && cands_after(t, n, i, ans)) &&
        !token_cands(s, a, i, true, sl, ans))
        return false;
    /* A fragment of a split slur: a key (HV_TRIG), which the loop sends
     * here (the bit is in its memo entry). */
    return !sl || !(sl->val & HV_TRIG) || split_hits(s, a, i);
}

/* May token_cands walk a phrase from inside the key of the given slot, a
 * MEMO_WALKS word ending at i? Only if its phrases' next (the scratch's
 * walks) holds the first byte of the text's next run, as walk_phrases'
 * first test asks; yes when the table holds another key. */
static bool walk_may(const scan *s, size_t slot, size_t i)
{
    uint64_t q = s->ms->walks[slot & (WALK_SLOTS - 1)];
    if ((uint32_t)q != slot + 1)
        return true;
    const unsigned char *t = s->t;
    size_t p = i;
    while (p < s->n && !wordstar(t[p]))
        p++;
    return p < s->n && ((q >> 32) >> (t[p] & 31)) & 1;
}

/* plain_body() for a word t[a, i) seen before that is no inflection's
 * (not MEMO_INFL: no hit of its inflection ends but MEMO_ONE/MEMO_TWO), of
 * 3 bytes or more (no short term), e its memo entry and x its memo key:
 * one the loop sends to plain_word for MEMO_LOOK, MEMO_TWO or HV_TRIG
 * ("into", "again", "niggas"), or the victim table gave back. What is left
 * of plain_body's work: the pending phrases go on as after a word the loop
 * does (pend_go, by the memo key: go_on_maybe and go_on are exact filters
 * and look-ups either way), a key's slot (from the memo) is reported and
 * its phrases pushed, the memo's hits, the swap, token_cands where a
 * compound candidate may follow (the slot's bits, or cands_after of the
 * memo's answer) and a split slur's fragment. The hash is made only for a
 * phrase the word leads; no inflection ends; and plain_body's memo update
 * would add no bit (the entry has MEMO_SEEN, and no short term, MEMO_INFL
 * or new hit is found). */
static __attribute__((noinline)) bool seen_word(scan *s, wpass *w, size_t a,
                                                size_t i, uint64_t *e,
                                                mkey x)
{
    const dc_matcher *m = s->m;
    const hslot *sl = e[2] & MEMO_KEY ? &m->hash[MEMO_SLOT(e[2])] : NULL;
    if (pend_maybe(w, s->t, a, m->hmax_word) && !pend_go(s, w, a, i, x))
        return false;
    if (sl) {
        if ((sl->val & HV_WORD) && !report_word(s, sl->val & HV_ID, a, i))
            return false;
        if (sl->val & HV_PREFIX)
            pend_push(w, a, hash_word(s->t + a, i - a), sl);
    }
    if (!memo_hits(s, sl, e, a, i))
        return false;
    pend_swap(w, i);
    const uint64_t ans = sl ? 0 : e[2] & CM_ALL;
    /* (The word is not next to ' or '*', as every word the memo holds:
     * token_cands' one is false, and MEMO_QUIET and MEMO_WALKS hold.) */
    if (m->cand_any && !(e[3] & MEMO_QUIET) &&
        (sl ? (sl->val & (HV_SPLIT | HV_INNER)) != 0 &&
                  (!(e[3] & MEMO_WALKS) || walk_may(s, MEMO_SLOT(e[2]), i))
            : ans && cands_after(s->t, s->n, i, ans))) {
        s->acted = false;
        if (!token_cands(s, a, i, true, sl, ans))
            return false;
        if (!s->acted && (!m->cand_phrase || (i < s->n && !wordstar(s->t[i])))) {
            e[3] |= MEMO_QUIET;
        } else if (sl && !s->sacted && s->nx_ok) {
            size_t slot = MEMO_SLOT(e[2]);
            s->ms->walks[slot & (WALK_SLOTS - 1)] =
                (uint64_t)(slot + 1) | (uint64_t)s->nx << 32;
            e[3] |= MEMO_WALKS;
        }
    }
    return !sl || !(sl->val & HV_TRIG) || split_hits(s, a, i);
}

/* plain_body() for the word t[a, i), after a word the memo pushed out
 * has its entry back: from the victim table into the pair's first way
 * (it was seen again), the first way's word into the second, the
 * second's into the victim table, and the word done as one the loop
 * sends here (e): its entry is what plain_body would make anew, since
 * an entry depends on the word's bytes alone. Not for a word of 1 or 2
 * bytes: a short term's entry may hold its hit as MEMO_ONE, which
 * plain_body, asking short_hits, would push twice. Outside plain_body,
 * where the word's hash went to the stack (+1.2 M instructions). */
static __attribute__((noinline)) bool plain_word(scan *s, wpass *w, size_t a,
                                                 size_t i, uint64_t *e,
                                                 uint64_t *set, mkey x)
{
    if (!e && set && i - a > 2) {
        uint64_t *v = vic_at(s->ms, set);
        if (mkey_is(v, x)) {
            /* (the victim table keeps the matcher's half alone: the
             * entry comes back with the model's half not valid) */
            uint64_t tmp[4];
            memcpy(tmp, v, sizeof tmp);
            memcpy(v, set + ENT, sizeof tmp);
            memcpy(set + ENT, set, ENT * sizeof(uint64_t));
            memcpy(set, tmp, sizeof tmp);
            set[ENT_MODEL_VALID] = 0;
            e = set;
            s->ms->vic_back++;
        }
    }
    /* (seen_word's test, whose work is out of line: here, plain_word
     * keeps no registers of its own and ends in a jump) */
    if (e && i - a > 2 && (e[2] & (MEMO_SEEN | MEMO_INFL)) == MEMO_SEEN)
        return seen_word(s, w, a, i, e, x);
    return plain_body(s, w, a, i, e, set, x);
}

size_t dc_match_scratch_vic_back(const dc_match_scratch *ms)
{
    return ms->vic_back;
}

dc_word_entry *dc_match_scratch_words(dc_match_scratch *ms)
{
    return ms ? (dc_word_entry *)(void *)ms->memo : NULL;
}

/* A word's key's first word (the word's first bytes, up to eight,
 * masked to its length; 0 for MKEY_OUT) is the rule layer's tok_key of
 * the same bytes where a uint64_t is little-endian (tok_key reads its
 * bytes so): word_keys keeps it for each run (kk, dc_hitvec.key_ofs),
 * and the tokenizer does not make it again. Elsewhere it keeps 0, which
 * says "make it". */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define KEEP_KEY 1
#else
#define KEEP_KEY 0
#endif

/* The memo key and pair of each of the nw words r[0, nw) of the text
 * t[0, n) (mkey_store), made in a pass of their own before match_words'
 * loop, which made them eight words ahead in a ring on the stack:
 * the loop only loads them. A word next to ' or '*', or longer than lim
 * (the memo's words), gets the length byte 0xff, which no entry has, so
 * that the loop's memo compare alone sends it out of line (the loop
 * tested the bytes around every word). After the words, {n, n} ends the
 * loop. 3.3 M fewer instructions on the benchmark corpus. Each pair is
 * fetched here as its key is made: the pass runs just before the loop,
 * so the fetch is as far ahead of the loop's read as the loop's own
 * fetch eight words ahead was, for the comment of ~18 words, and
 * the loop does not load and fetch the pair ahead, nor this pass fill
 * eight keys past the last word and fetch the first eight again in
 * a loop of its own (-1.0 M instructions on the benchmark corpus,
 * spd57m). */
static void word_keys(const unsigned char *t, size_t n, const dc_wrun *r,
                      size_t nw, size_t lim, uint64_t *memo, wkey *q,
                      uint64_t *kk)
{
    for (size_t k = 0; k < nw; k++) {
        size_t b = r[k].b, e = r[k].e, L = e - b;
        /* (t - 1)[b]: the byte before the word, which for b == 0 is the
         * space before the text copy; t[b - 1] would wrap the unsigned
         * index (UBSan, found by fuzz_lexicon). */
        size_t lk = ((byte_cls[(t - 1)[b]] | byte_cls[t[e]]) & BC_JOIN) ||
                            L > lim
                        ? MKEY_OUT
                        : L;
        uint64_t *set = mkey_store(memo, t + b, lk, q[k].k);
        __builtin_prefetch(set);
        q[k].set = set;
        q[k].b = (uint32_t)b;
        q[k].e = (uint32_t)e;
        kk[k] = KEEP_KEY ? q[k].k[0] : 0;
    }
    /* the end: MKEY_OUT's key, which no entry has (read from the zero
     * bytes after the text), so that the loop asks for the end only off
     * the memo's way */
    q[nw].set = mkey_store(memo, t + n, MKEY_OUT, q[nw].k);
    q[nw].b = q[nw].e = (uint32_t)n;
}

/* The word pass. Most words were seen before: the memo (memo_set) keeps,
 * for the words of up to 15 bytes, a key's slot value, index and next,
 * whether the word is a short term (MEMO_SHORT) or a key's inflection
 * whose hits its entry does not hold (MEMO_INFL; a one-hit inflection is
 * MEMO_ONE, and a second whole-word hit of a word that leads no phrase
 * MEMO_TWO), and cands_maybe's answer. A word
 * that the memo has seen, not MEMO_INFL and with no compound candidates
 * to look for costs one memo read and its short-term hits and what
 * its entry says, without its hash: a phrase it leads is pushed with the
 * hash left to make (pend_push_lazy), and phrases pending before it go
 * on out of line (pend_go) only when one may go on with its first byte.
 * Any other word goes out of line (plain_word, on_run), so that this loop
 * keeps its values in registers (inline, the probe's values were spilled:
 * it cost as much as it saved). The words are found first, all at once
 * (word_runs: they are the runs the rule layer needs too), so that this
 * loop does not look for them byte by byte; the memo pair of every word
 * is fetched before the loop (word_keys): the memo (512 KB) is in the L2
 * at best, and in the whole analysis the model's tables push it out. */
static bool match_words(scan *s)
{
    const unsigned char *t = s->t;
    const size_t n = s->n, hmax = s->m->hmax_word;
    const size_t lim = hmax < 15 ? hmax : 15; /* longer: not in the memo */
    wpass w;
    wpass_init(&w);
    const dc_matcher *m = s->m;
    uint64_t *memo = s->ms->memo;
    /* Kept for the rule layer's tokenizer (dc_hitvec.runs): it would
     * otherwise look for the end of every word again. They end with {n, n}
     * here (dc_match puts its sentinel on it). */
    const dc_wrun *r = s->runs;
#if defined(HAVE_AVX2_PATH)
    if (s->ms->avx2) {
        s->runs = word_runs_avx2(t, n, s->runs, s->look, &s->seen);
    } else {
        s->runs = word_runs(t, n, s->runs);
        s->seen = s->look && memchr(t, s->look, n);
    }
#else
    s->runs = word_runs(t, n, s->runs);
    s->seen = s->look && memchr(t, s->look, n);
#endif
    *s->runs = (dc_wrun){(uint32_t)n, (uint32_t)n};
    if (!memo) {
        /* No word keys (hmax is 0): every word is on_run's. */
        memset((uint64_t *)(void *)(r + s->out->key_ofs), 0,
               (size_t)(s->runs - r) * sizeof(uint64_t));
        for (; r->b < n; r++)
            if (!on_run(s, &w, r->b, r->e))
                return false;
        return true;
    }
    wkey *q = s->ms->wk;
    /* (the runs' keys for the rule layer: dc_hitvec.key_ofs) */
    word_keys(t, n, r, (size_t)(s->runs - r), lim, memo, q,
              (uint64_t *)(void *)(r + s->out->key_ofs));
    /* Phrases led by the last word, done from the memo, when nothing else
     * is pending: they enter w only if this word may go on with them
     * (dnext: their next first bytes). Most do not (on the benchmark
     * corpus 134 900 of the words the loop does lead a phrase, and
     * pend_go is called 40 400 times), and then the push and the two
     * swaps of w are spared. The last word's start and memo answer are
     * read back from its wkey (q[-1]) and its entry, which is its pair's
     * first way (memo_find) and which nothing has written since: kept in
     * variables, they were stored to the stack at every word. */
    uint32_t dnext = 0;
    for (;; q++) {
        /* The word [a, q->e), its memo pair set and its memo key x, made
         * in word_keys, and its pair fetched there. The end is read from
         * q where it is needed: kept in a variable with the length, it
         * was stored to the stack at every word and the length made. */
        size_t a = q->b;
        const mkey x = mkey_load(q->k);
        uint64_t *const set = q->set;
        /* The word's first byte as the pending phrases' next hold it
         * (bit c & 31), made once: pend_set1's stores may alias t for the
         * compiler, which loaded and shifted it again below. */
        const uint32_t first = 1u << (t[a] & 31);
        if (dnext & first) {
            const uint64_t dv = q[-1].set[2];
            pend_set1(&w, q[-1].b, &m->hash[MEMO_SLOT(dv)], (uint32_t)dv,
                      dnext);
        }
        dnext = 0;
        /* NULL for a word next to ' or '*' or longer than word_keys' lim
         * (15 bytes, or the longest key when that is shorter). */
        uint64_t *e = memo_find(set, x);
        /* MEMO_FAST: not MEMO_INFL, MEMO_LOOK, MEMO_TWO or HV_TRIG (a key
         * that is a split slur's fragment goes to plain_word; in a word
         * that is no key the bit is one of cands_maybe's, and MEMO_LOOK
         * sends the word there anyway). */
        if (e && (e[2] & MEMO_FAST)) {
            /* Phrases pending from the last words may go on with this
             * one: out of line, the rest of the word from the memo. */
            if ((w.next & first) && !pend_go(s, &w, a, q->e, x))
                return false;
            uint64_t v = e[2], aux = e[3];
            /* A key's slot value; 0 for another word, whose cands_maybe
             * answer is 0 without MEMO_LOOK. */
            uint32_t val = (uint32_t)v;
            /* MEMO_ACT: hits to make (most words have none) */
            if (v & MEMO_ACT) {
                bool short_term;
                if ((v & MEMO_SHORT) &&
                    !short_hits(s, a, q->e - a, &short_term))
                    return false;
                if (aux & MEMO_GLUE) {
                    /* glue kept apart: in text order, one a word at most,
                     * so the room dc_match made is enough */
                    dc_hitvec *o = s->out;
                    one_hit_at(&o->glue[o->nglue++], q, aux);
                    if ((val & MEMO_PAIR) &&
                        !push_one(s, q, MEMO_ONE_WITH_ENTRY(aux, val & HV_ID)))
                        return false;
                } else if ((aux & MEMO_ONE)
                        ? !push_one(s, q, aux) ||
                              ((val & MEMO_PAIR) &&
                               !pair_push(s, q,
                                          MEMO_ONE_WITH_ENTRY(aux,
                                                              val & HV_ID)))
                        : (val & HV_WORD) &&
                              !report_word(s, val & HV_ID, a, q->e))
                    return false;
            }
            if (!w.nnxt) {
                /* The only ones pending after this word, if it leads
                 * phrases: see dnext. No branch on whether it does, which
                 * half the words do and the predictor missed. The fourth
                 * word's low 32 bits are a key's next, which only a slot
                 * of HV_PREFIX has (build_hash), and 0 for a word that is
                 * no key (MEMO_TWO's bits there: not MEMO_FAST). */
                dnext = (uint32_t)aux;
            } else if (val & HV_PREFIX) {
                pend_push_lazy(&w, a, &m->hash[MEMO_SLOT(v)], val,
                               (uint32_t)aux);
            }
            pend_swap(&w, q->e);
            continue;
        }
        /* The end ({n, n}: word_keys' last key is MKEY_OUT's, which no
         * entry has). Asked here, off the memo's way, it is one compare a
         * text, where the loop's test was one a word. */
        if (a >= n)
            return true;
        size_t i = q->e, L = i - a;
        /* (t - 1)[a]: the byte before the word, which for a == 0 is the
         * space before the text copy; t[a - 1] would wrap the unsigned
         * index (UBSan, found by fuzz_lexicon). */
        bool join = (byte_cls[(t - 1)[a]] | byte_cls[t[i]]) & BC_JOIN;
        if (join || L > lim) {
            if (L <= hmax && !join) {
                /* 16 bytes or more: not in the memo. */
                if (!plain_word(s, &w, a, i, NULL, NULL, x))
                    return false;
            } else if (!on_run(s, &w, a, i)) {
                return false;
            }
            continue;
        }
        if (!plain_word(s, &w, a, i, e, set, x))
            return false;
    }
}

/* Finds the literals of m->tiny (see struct dc_matcher). */
static bool tiny_scan(scan *s)
{
    const dc_matcher *m = s->m;
    const unsigned char *t = s->t;
    for (size_t i = 0; i < s->n; i++) {
        if (!((m->tiny_first[t[i] >> 6] >> (t[i] & 63)) & 1))
            continue;
        for (size_t k = 0; k < m->n_tiny; k++) {
            const struct tinylit *tl = &m->tiny[k];
            if (tl->c[0] == t[i] && i + tl->len <= s->n &&
                (tl->len == 1 || tl->c[1] == t[i + 1]) &&
                !report(s, tl->id, i, i + tl->len))
                return false;
        }
    }
    return true;
}

/* Could a database literal occur in t[0, n)? It starts with one of the
 * bytes its literals start with. DB_LATER: if the word pass sees the one
 * such ASCII byte (the built-in lexicon's "("; scan.look), which it finds
 * with the runs, in the 32-byte loads it makes anyway: the memchr cost
 * ~60 instructions a comment. */
enum { DB_NO, DB_YES, DB_LATER };

static int db_may_match(const dc_matcher *m, const unsigned char *t,
                        size_t n, bool nonascii, bool words)
{
    if (m->db_always || (m->db_nonascii && nonascii))
        return DB_YES;
    if (words && m->db_n_first == 1 && m->db_first[0])
        return DB_LATER;
    for (size_t k = 0; k < m->db_n_first; k++)
        if (memchr(t, m->db_first[k], n))
            return DB_YES;
    return DB_NO;
}

decorum_status dc_match(const dc_alloc *al, const dc_matcher *m,
                        dc_match_scratch *ms, const dc_norm *n,
                        dc_hitvec *out)
{
    if (!al || !m || !ms || !n || !out || ms->m != m || (n->len && !n->text))
        return DECORUM_ERR_INVALID;
    out->n = 0;
    out->nglue = 0;
    out->has_runs = false;
    out->split = false;
    out->watched = false;
    out->ascii = n->ascii;
    ms->cand.n = 0;
    if (n->len == 0 || (!m->db && !m->short_tab && !m->hash && !m->n_tiny))
        return DECORUM_OK;
    if (n->len > UINT_MAX || n->len > UINT32_MAX)
        return DECORUM_ERR_TOOBIG;
    /* The word pass reads the byte before the text and WORD_PAD zero bytes
     * after it: a padded text (dc_normalize's) has them in place, another
     * is copied between them, with 8 bytes to spare (keys are compared 8
     * bytes at a time, and the caller's buffer must not be read past its
     * end). */
    _Static_assert(WORD_PAD <= DC_NORM_PAD && DC_NORM_FRONT >= 1,
                   "a padded text pads the pass");
    decorum_status gst =
        n->padded ? DECORUM_OK
                  : dc_grow_fresh(al, (void **)&ms->text, &ms->text_cap,
                                  n->len + 1 + WORD_PAD, 1,
                                  (size_t)UINT32_MAX + 1 + WORD_PAD);
    const bool words = m->short_tab || m->hmax_word;
    /* Runs are separated by at least a byte: at most (len + 1) / 2 of them,
     * and the sentinel. word_keys' keys (wk) and the runs keep WORD_SLACK
     * more past the last word, the slack of the look-ahead they held.
     * Made once here, so the word pass stores without a check. These
     * blocks, and the text's copy, are written anew by each call, so a
     * growth does not copy them (dc_grow_fresh). The runs' twice that:
     * the second half keeps their keys (key_ofs). */
    if (gst == DECORUM_OK && words) {
        gst = dc_grow_fresh(al, (void **)&out->runs, &out->cap_runs,
                            2 * ((n->len + 1) / 2 + 1 + WORD_SLACK),
                            sizeof *out->runs,
                            2 * ((size_t)UINT32_MAX / 2 + 2 + WORD_SLACK));
        out->key_ofs = out->cap_runs / 2;
    }
    if (gst == DECORUM_OK && words && ms->memo)
        gst = dc_grow_fresh(al, (void **)&ms->wk, &ms->wk_cap,
                            (n->len + 1) / 2 + 1 + WORD_SLACK, sizeof *ms->wk,
                            (size_t)UINT32_MAX / 2 + 2 + WORD_SLACK);
    /* dc_hitvec.glue: one a word at most */
    if (gst == DECORUM_OK && words && ms->memo && ms->glue_lx)
        gst = dc_grow_fresh(al, (void **)&out->glue, &out->cap_glue,
                            (n->len + 1) / 2 + 1, sizeof *out->glue,
                            (size_t)UINT32_MAX / 2 + 2);
    if (gst != DECORUM_OK)
        return gst;
    const unsigned char *tc;
    const size_t len = n->len; /* a local: tc might alias n for the compiler */
    uint64_t acc = 0, x;
    size_t k = 0;
    /* acc is the OR of every byte of the text: the text's copy makes it,
     * and so does the test below (else acc stays 0 and looked false) */
    bool looked = true;
    if (n->padded) {
        tc = (const unsigned char *)n->text;
        /* A non-ASCII byte matters only to db_may_match's second test, and
         * the text of an ASCII input has none (dc_norm.ascii). */
        looked = m->db && !m->db_always && m->db_nonascii && !n->ascii;
        if (looked) {
            for (; k + 8 <= len; k += 8) {
                memcpy(&x, tc + k, 8);
                acc |= x;
            }
            for (; k < len; k++)
                acc |= tc[k];
        }
    } else {
        /* Copied 8 bytes at a time, noting a non-ASCII byte
         * (db_may_match), after a space (the word pass reads the byte
         * before a word). */
        unsigned char *c = ms->text + 1;
        ms->text[0] = ' ';
        for (; k + 8 <= len; k += 8) {
            memcpy(&x, n->text + k, 8);
            memcpy(c + k, &x, 8);
            acc |= x;
        }
        if (k < len && len >= 8) { /* the last 8 bytes, over some copied */
            memcpy(&x, n->text + len - 8, 8);
            memcpy(c + len - 8, &x, 8);
            acc |= x;
        }
        for (; k < len && len < 8; k++)
            acc |= c[k] = (unsigned char)n->text[k];
        memset(c + len, 0, WORD_PAD);
        tc = c;
    }
    scan s = {m, al, tc, n->len, out, ms, DECORUM_OK, 0, out->runs, 0, false,
              false, false, false, 0};
    /* The model's test for a non-ASCII byte, answered (dc_hitvec.ascii) */
    const bool nonascii = (acc & 0x8080808080808080ull) != 0;
    out->ascii = n->ascii || (looked && !nonascii);
    /* The database is scanned after the word pass, which may be what
     * tells whether it can match (DB_LATER): the hits are sorted at the
     * end, and the compound candidates are each decided on their own. */
    const int db = m->db ? db_may_match(m, s.t, s.n, nonascii, words) : DB_NO;
    if (db == DB_LATER)
        s.look = m->db_first[0];
    if (m->n_tiny && !tiny_scan(&s))
        goto fail;
    if (words) {
        if (!match_words(&s))
            goto fail;
        *s.runs = (dc_wrun){UINT32_MAX, UINT32_MAX};
        out->nruns = (size_t)(s.runs - out->runs);
        out->has_runs = true;
    }
    if (db == DB_YES || (db == DB_LATER && s.seen)) {
        hs_error_t r = hs_scan(m->db, n->text, (unsigned)n->len, 0, ms->hs,
                               on_match, &s);
        if (r == HS_SCAN_TERMINATED)
            goto fail;
        if (r != HS_SUCCESS) {
            s.st = r == HS_NOMEM ? DECORUM_ERR_NOMEM : DECORUM_ERR_MATCHER;
            goto fail;
        }
    }
    if (ms->cand.n && (s.st = resolve_compounds(&s)) != DECORUM_OK)
        goto fail;
    /* The same entry at the same span through two patterns: keep one. */
    out->n = sort_unique_hits(out->v, out->n);
    out->watched =
        dc_hit_next_in(out->v, out->n, 0, ms->watch_lo, ms->watch_n) < out->n;
    return DECORUM_OK;
fail:
    out->n = 0;
    out->nglue = 0;
    out->watched = false;
    out->has_runs = false;
    out->ascii = false;
    return s.st;
}

void dc_hitvec_release(const dc_alloc *al, dc_hitvec *hv)
{
    if (!hv)
        return;
    dc_free(al, hv->v, hv->cap * sizeof *hv->v);
    dc_free(al, hv->runs, hv->cap_runs * sizeof *hv->runs);
    dc_free(al, hv->glue, hv->cap_glue * sizeof *hv->glue);
    hv->v = NULL;
    hv->runs = NULL;
    hv->glue = NULL;
    hv->n = hv->cap = hv->nruns = hv->cap_runs = 0;
    hv->nglue = hv->cap_glue = 0;
    hv->has_runs = false;
    hv->ascii = false;
}
