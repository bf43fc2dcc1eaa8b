/*
 * ucd_ref.h: stage 1 of the normalizer computed with ICU, one code point at
 * a time: the reference that tools/ucdgen.c turns into the library's tables
 * (lib/ucd.h) and that test_normalize checks them against. Build-time and
 * test code only: the library links no ICU.
 */
#ifndef DECORUM_UCD_REF_H
#define DECORUM_UCD_REF_H

#include <stddef.h>
#include <stdint.h>

#include "ucd.h"

typedef struct dc_ucd_ref dc_ucd_ref;

/* Opens ICU's normalizers and spoof checker. NULL on failure, with ICU's
 * reason in err. */
dc_ucd_ref *dc_ucd_ref_open(char *err, size_t errlen);
void dc_ucd_ref_close(dc_ucd_ref *r);

/* What stage 1 makes of the non-ASCII code point cp (0x80 .. 0x10FFFF). */
void dc_ucd_ref_compute(const dc_ucd_ref *r, uint32_t cp, dc_ucd_cp *e);

/* "ICU 72.1, Unicode 15.0" into buf. */
void dc_ucd_ref_versions(char *buf, size_t n);

#endif /* DECORUM_UCD_REF_H */
