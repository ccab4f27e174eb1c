/* cli.h -- the commands of winnow(1), shared between main.c and extract.c.
 *
 * main.c parses the command word and the global options; each command
 * parses its own options and returns the process exit code.
 */
#ifndef WN_CLI_H
#define WN_CLI_H

#include <stdio.h>

/* Exit codes of winnow (documented in docs/cli.md). */
enum wn_cli_exit {
	WN_CLI_EXIT_OK = 0,      /* every input gave an article */
	WN_CLI_EXIT_FAILED = 1,  /* some input failed, or output could not be written */
	WN_CLI_EXIT_USAGE = 2,   /* bad command line or unusable rule directory */
};

/* Prints "winnow: MESSAGE", the short usage and a hint to stderr; returns
 * WN_CLI_EXIT_USAGE so callers can `return wn_cli_usage(...)`. */
int wn_cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes the help of `winnow extract` to f. */
void wn_cli_extract_help(FILE *f);

/* Runs `winnow extract`; argv[0] is "extract".  Returns an exit code. */
int wn_cli_extract(int argc, char **argv);

/* Writes the help of `winnow rules` to f. */
void wn_cli_rules_help(FILE *f);

/* Runs `winnow rules check|test|learn`; argv[0] is "rules". */
int wn_cli_rules(int argc, char **argv);

/* Runs `winnow rules learn` (learn.c); argv[0] is "learn". */
int wn_cli_rules_learn(int argc, char **argv);

#endif
