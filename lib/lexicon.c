/* lexicon.c: STUB to be replaced. */
#include "decorum_int.h"

#include <string.h>

decorum_status dc_lexicon_load(const dc_alloc *al, dc_lexicon *lx,
                               const char *dir, decorum_error *err)
{
    (void)al;
    (void)dir;
    (void)err;
    memset(lx, 0, sizeof *lx);
    return DECORUM_OK;
}
void dc_lexicon_free(const dc_alloc *al, dc_lexicon *lx)
{
    (void)al;
    memset(lx, 0, sizeof *lx);
}
