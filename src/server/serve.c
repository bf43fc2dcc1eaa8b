/* serve.c: STUB, to be replaced. */
#include "cli/cli.h"

#include <stdio.h>

int cmd_serve(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "decorum serve: not implemented yet\n");
    return 2;
}
