/* main.c -- winnow(1): the command-line front end of the extraction library.
 *
 * A thin main in the jq style: it parses the command line and hands each
 * file to wn_extract().  The only command today is `extract`; `help` and
 * the global --help/--version are here.  See docs/cli.md.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char wn_cli_short_usage[] =
	"usage: winnow extract [--url URL] [--as html|text] [--format json|jsonl|text]\n"
	"                      [--explain] [--rules DIR | --no-rules] [FILE...]\n"
	"       winnow rules check|test|learn [PATH...]\n"
	"       winnow help [extract|rules] | --help | --version\n";

static void wn_cli_help(FILE *f)
{
	fprintf(f, "winnow %s -- remove the boilerplate from scraped web pages\n\n%s\n"
		"Commands:\n"
		"  extract    extract the article of each FILE (HTML or scraped text, gzip or not)\n"
		"  rules      check, test or learn site rule files\n"
		"  help CMD   show the help of a command\n\n"
		"Options:\n"
		"  -h, --help     show this help\n"
		"  -V, --version  show the version\n\n"
		"Exit status: 0 all inputs extracted, 1 some input failed, 2 usage error.\n"
		"See docs/cli.md for the full reference.\n",
		WN_VERSION, wn_cli_short_usage);
}

int wn_cli_usage(const char *fmt, ...)
{
	va_list ap;
	fputs("winnow: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%sTry 'winnow --help' for more information.\n", wn_cli_short_usage);
	return WN_CLI_EXIT_USAGE;
}

/* `winnow help [CMD]`. */
static int wn_cli_help_cmd(int argc, char **argv)
{
	if (argc < 2) {
		wn_cli_help(stdout);
	} else if (argc == 2 && strcmp(argv[1], "extract") == 0) {
		wn_cli_extract_help(stdout);
	} else if (argc == 2 && strcmp(argv[1], "rules") == 0) {
		wn_cli_rules_help(stdout);
	} else {
		return wn_cli_usage("no help for '%s'", argv[1]);
	}
	return fflush(stdout) == 0 ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
}

int main(int argc, char **argv)
{
	/* A reader that goes away (`winnow ... | head -1`) must give a write
	 * error we can handle, not kill us halfway through a record. */
	signal(SIGPIPE, SIG_IGN);

	if (argc < 2)
		return wn_cli_usage("no command given");
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		wn_cli_help(stdout);
		return fflush(stdout) == 0 ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("winnow %s\n", WN_VERSION);
		return fflush(stdout) == 0 ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
	}
	if (strcmp(cmd, "help") == 0)
		return wn_cli_help_cmd(argc - 1, argv + 1);
	if (strcmp(cmd, "extract") == 0)
		return wn_cli_extract(argc - 1, argv + 1);
	if (strcmp(cmd, "rules") == 0)
		return wn_cli_rules(argc - 1, argv + 1);
	if (cmd[0] == '-')
		return wn_cli_usage("unknown option '%s'", cmd);
	return wn_cli_usage("unknown command '%s'", cmd);
}
