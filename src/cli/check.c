/* check.c: STUB, to be replaced. */
#include "cli.h"

#include <stdio.h>

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "decorum check: not implemented yet\n");
    return 2;
}
