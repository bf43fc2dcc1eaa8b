/*
 * serve_main.c: decorum-serve, the program behind `decorum serve`.
 *
 * The service needs libraries no other command does: libmicrohttpd (with
 * GnuTLS and the dozen libraries under it) and SQLite. Loading and
 * initialising them took about 1.7 ms of every run of the `decorum`
 * program, a third of `decorum score` on a small file, so the service is
 * its own program, next to `decorum` in the same directory, and
 * `decorum serve ARGS` executes it with the same arguments (main.c). Run
 * directly, `decorum-serve ARGS` is the same as `decorum serve ARGS`.
 */
#include "cli.h"

int main(int argc, char **argv)
{
    return cmd_serve(argc, argv);
}
