/*
 * cliopt.h: command-line parsing shared by `decorum check` and
 * `decorum score`: a small getopt-like iterator (long and short options,
 * "--name=value", "-jN", "--" ends options, "-" is an operand) and the
 * engine options both commands take (--lexicon, --model, --review,
 * --reject).
 *
 * Hand-written rather than getopt_long because the build is strict POSIX
 * (_POSIX_C_SOURCE) and getopt_long is a GNU extension.
 */
#ifndef DECORUM_CLI_CLIOPT_H
#define DECORUM_CLI_CLIOPT_H

#include "decorum.h"

struct cliopt_spec {
    const char *name; /* long name without "--", or NULL */
    char short_name;  /* 0 when none */
    int has_arg;
    int id; /* returned by cliopt_next, > 0 */
};

enum {
    CLIOPT_END = 0,   /* no more arguments */
    CLIOPT_OPERAND = -1, /* *arg is an operand */
    CLIOPT_ERROR = -2    /* a message was printed to stderr */
};

struct cliopt {
    int argc;
    char **argv; /* argv[0] is the subcommand name */
    int i;       /* next argument, starts at 1 */
    int operands_only;
    const char *prog; /* "decorum score", for messages */
    const struct cliopt_spec *specs; /* ends with a zeroed entry */
};

void cliopt_init(struct cliopt *o, int argc, char **argv, const char *prog,
                 const struct cliopt_spec *specs);

/* Returns an option id (with *arg its value, or NULL), CLIOPT_OPERAND,
 * CLIOPT_END or CLIOPT_ERROR. */
int cliopt_next(struct cliopt *o, const char **arg);

/* Prints "PROG: message\nTry 'PROG --help'." to stderr; returns 2, the
 * usage-error exit status. */
int cliopt_usage_error(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Parses a decimal integer in [0, max]. Returns 0 or -1. */
int cliopt_uint(const char *s, unsigned max, unsigned *out);

/* Engine settings shared by the commands. */
struct cliopt_engine {
    const char *lexicon_dir;
    const char *model_path;
    float review, reject; /* 0: the library default */
};

/* Option ids from 1000 up are reserved for cliopt_engine_option. */
enum {
    CLIOPT_LEXICON = 1000,
    CLIOPT_MODEL,
    CLIOPT_REVIEW,
    CLIOPT_REJECT
};

/* The cliopt_spec entries for the engine options, to embed in a table. */
#define CLIOPT_ENGINE_SPECS                                                    \
    {"lexicon", 0, 1, CLIOPT_LEXICON}, {"model", 0, 1, CLIOPT_MODEL},          \
        {"review", 0, 1, CLIOPT_REVIEW}, {"reject", 0, 1, CLIOPT_REJECT}

/* Help text lines for the engine options. */
#define CLIOPT_ENGINE_HELP                                                     \
    "  --lexicon DIR   load lexicons from DIR instead of the built-in ones\n"  \
    "  --model FILE    load the model from FILE instead of the built-in one\n" \
    "  --review T      review when the score reaches T (default 0.5)\n"        \
    "  --reject T      reject when the score reaches T (default 0.85)\n"

/* Handles an engine option id. Returns 0, or 2 after printing a usage
 * error. */
int cliopt_engine_option(struct cliopt_engine *e, const char *prog, int id,
                         const char *arg);

/* Opens the engine. Returns 0; 2 when the thresholds do not fit together
 * (a usage error); 1 when the engine cannot load (message printed). */
int cliopt_engine_open(const struct cliopt_engine *e, const char *prog,
                       decorum_engine **out);

#endif
