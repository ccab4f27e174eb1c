/* learn.c -- `winnow rules learn`: drafting a rule file from saved pages.
 *
 * A placeholder until the command is written: it says so and exits with
 * the usage status, so scripts can tell it from a real run.
 */
#include <stdio.h>

#include "cli.h"

int wn_cli_rules_learn(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("winnow: rules learn: not implemented\n", stderr);
	return WN_CLI_EXIT_USAGE;
}
