/*
 * main.c: the `decorum` command. Dispatches to a subcommand.
 */
#include "decorum.h"
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SERVE_PROGRAM "decorum-serve"

static const char *self; /* main's argv[0] */

/*
 * `decorum serve`: executes decorum-serve from the directory this program
 * was run from (serve_main.c says why it is a program of its own), with
 * the same arguments (argv[0] is "serve"). The directory is that of
 * /proc/self/exe, else that of argv[0] when it has one, else decorum-serve
 * is looked up in PATH as this program was. Returns only on failure.
 */
static int run_serve(int argc, char **argv)
{
    (void)argc;
    char path[PATH_MAX];
    const char *dir = NULL;
    size_t dir_len = 0;
    ssize_t n = readlink("/proc/self/exe", path, sizeof path);
    if (n > 0 && (size_t)n < sizeof path) {
        path[n] = '\0';
        dir = path;
    } else {
        dir = self;
    }
    const char *slash = strrchr(dir, '/');
    if (slash)
        dir_len = (size_t)(slash + 1 - dir);
    if (dir_len + sizeof SERVE_PROGRAM > sizeof path) {
        fprintf(stderr, "decorum serve: the program's path is too long\n");
        return 1;
    }
    memmove(path, dir, dir_len);
    memcpy(path + dir_len, SERVE_PROGRAM, sizeof SERVE_PROGRAM);
    if (dir_len)
        execv(path, argv);
    else
        execvp(path, argv);
    fprintf(stderr, "decorum serve: cannot run %s: %s\n", path,
            strerror(errno));
    return 1;
}

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"check", cmd_check, "judge one comment and explain the verdict"},
    {"score", cmd_score, "score JSONL comments in bulk, in input order"},
    {"train", cmd_train, "train a model from labeled JSONL"},
    {"eval", cmd_eval, "measure the engine against labeled JSONL"},
    {"serve", run_serve, "run the Perspective-compatible moderation service"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: decorum COMMAND [OPTIONS] [ARGS]\n\n"
               "Finds hateful and abusive content in comments and explains "
               "each verdict.\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nRun 'decorum COMMAND --help' for a command's options.\n"
               "  --version  print the version\n  --help     this help\n");
}

int main(int argc, char **argv)
{
    self = argv[0] ? argv[0] : "decorum";
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("decorum %s\n", decorum_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "decorum: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
