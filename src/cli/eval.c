/* eval.c: STUB, to be replaced. */
#include "cli.h"

#include <stdio.h>

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "decorum eval: not implemented yet\n");
    return 2;
}
