/*
 * dcx_analyze.h: decorum_analyze_batch for a caller that has checked the
 * UTF-8 of its texts itself. The JSONL reader of `decorum score`
 * (src/cli/jsonl.c) validates every string as it scans it; checking each
 * comment a second time in the library was 90 instructions a comment, 5%
 * of the command's work outside the analysis stages.
 *
 * Unlike the header-only dcx_ helpers (lib/dcx_utf8.h), this one is
 * defined in the library (lib/engine.c): a program that includes it links
 * libdecorum.a, as the decorum command does, and needs nothing else of the
 * library's internals.
 */
#ifndef DCX_ANALYZE_H
#define DCX_ANALYZE_H

#include "decorum.h"

/* decorum_analyze_batch, except that every item's text and context strings
 * must be valid UTF-8 (decorum_utf8_check would accept them): they are not
 * checked again. Every other check, status and guarantee is
 * decorum_analyze_batch's. */
decorum_status dcx_analyze_batch_valid(const decorum_engine *eng,
                                       decorum_scratch *scr,
                                       const decorum_item *items, size_t n,
                                       const decorum_result **out,
                                       decorum_status *st, decorum_error *err);

#endif
