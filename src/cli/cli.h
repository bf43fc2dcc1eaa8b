/*
 * cli.h: the subcommands of the `decorum` program. Each takes the argv that
 * follows its name (argv[0] is the subcommand name) and returns the process
 * exit status: 0 success, 1 some input failed, 2 usage error.
 *
 * Programs here use only the public API (include/decorum.h).
 */
#ifndef DECORUM_CLI_H
#define DECORUM_CLI_H

int cmd_check(int argc, char **argv); /* check.c */
int cmd_score(int argc, char **argv); /* score.c */
int cmd_train(int argc, char **argv); /* train.c */
int cmd_eval(int argc, char **argv);  /* eval.c */
int cmd_serve(int argc, char **argv); /* ../server/serve.c */

#endif
