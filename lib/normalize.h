/*
 * normalize.h: private to lib/normalize.c and its tests. The normalizer's
 * interface for the rest of the library is in decorum_int.h.
 */
#ifndef DECORUM_NORMALIZE_H
#define DECORUM_NORMALIZE_H

#include "decorum_int.h"

/* Test hook: with on false, stage 2 runs only its reference path (one byte
 * at a time; no eight-byte words, no sixteen-byte pass), so a test can check
 * that both give byte-identical results (text, offset map, evasion bits).
 * Call before the normalizer is shared: it is the one write to an otherwise
 * immutable object. */
void dc_normalizer_set_swar(dc_normalizer *nz, bool on);

/* Test hook: with on false, stage 2's chunk pass is the portable SSE2 one
 * (sixteen bytes a step) even where the CPU has AVX2; with on true, the
 * AVX2 one (thirty-two bytes) where the CPU has it, which is the default.
 * Returns whether the CPU has it. Same caveat as above. */
bool dc_normalizer_set_avx2(dc_normalizer *nz, bool on);

#endif /* DECORUM_NORMALIZE_H */
