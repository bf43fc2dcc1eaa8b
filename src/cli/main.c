/*
 * main.c: the `decorum` command. Dispatches to a subcommand.
 */
#include "decorum.h"
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"check", cmd_check, "judge one comment and explain the verdict"},
    {"score", cmd_score, "score JSONL comments in bulk, in input order"},
    {"train", cmd_train, "train a model from labeled JSONL"},
    {"eval", cmd_eval, "measure the engine against labeled JSONL"},
    {"serve", cmd_serve, "run the Perspective-compatible moderation service"},
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
