/* score.c: STUB, to be replaced. */
#include "cli.h"

#include <stdio.h>

int cmd_score(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "decorum score: not implemented yet\n");
    return 2;
}
