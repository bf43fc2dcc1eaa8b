/* train.c: STUB, to be replaced. */
#include "cli.h"

#include <stdio.h>

int cmd_train(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "decorum train: not implemented yet\n");
    return 2;
}
