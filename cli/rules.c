/* rules.c -- `winnow rules check|test|learn`: the rule author's tools.
 *
 * check lints rule files (one line per problem, compiler style, then a
 * summary); test runs their embedded tests on the saved pages beside them
 * and shows what was wanted against what came out.  learn lives in
 * learn.c.  A PATH is a rule file or a directory of them (its global.txt
 * then lends its defaults, as in the daemon).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "extract.h"

/* Characters of the article text shown for a failed (not_)contains. */
#define WN_CLI_RULES_SHOWN 300

void wn_cli_rules_help(FILE *f)
{
	fputs("usage: winnow rules check [PATH...]\n"
	      "       winnow rules test [PATH...]\n"
	      "       winnow rules learn ...\n\n"
	      "PATH is a rule file or a directory of *.txt rule files (default: " WN_DEFAULT_RULES_DIR ").\n\n"
	      "  check  report each problem as FILE:LINE[:COLUMN]: error|warning: MESSAGE (unknown\n"
	      "         directives with the nearest known name, bad regex/XPath/CSS, duplicate or\n"
	      "         conflicting lines, missing test_input pages); the last line is\n"
	      "         'checked N files: N ok, N with errors'.  Exit 1 if some file has errors.\n"
	      "  test   run the embedded tests (test_url + test_input + test_contains, ...);\n"
	      "         the last line is 'N passed, N failed'.  Exit 1 if some check failed.\n"
	      "  learn  draft a rule file from saved pages (see docs/rules.md).\n",
	      f);
}

/* Loads PATH (file or directory) into a new set; NULL after a message.
 * *n_own gets how many of its files PATH named (a lone file's global.txt
 * comes after it). */
static struct wn_rules *wn_cli_rules_load(const char *path, size_t *n_own)
{
	struct stat st;
	struct wn_rules *rules = NULL;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "winnow: %s: no such file or directory\n", path);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		enum wn_err err = wn_rules_load_dir(path, &rules);
		if (err) {
			fprintf(stderr, "winnow: %s: %s\n", path, wn_err_str(err));
			return NULL;
		}
		*n_own = wn_rules_count(rules);
		return rules;
	}
	*n_own = 1;
	rules = wn_rules_new();
	enum wn_err err = rules ? wn_rules_load_file(rules, path, NULL) : WN_ERR_NOMEM;
	if (!err) {
		/* The global.txt beside a single file lends its defaults too. */
		const char *slash = strrchr(path, '/');
		char global[4096];
		if (slash)
			snprintf(global, sizeof(global), "%.*s/global.txt", (int)(slash - path), path);
		else
			snprintf(global, sizeof(global), "global.txt");
		if (strcmp(global, path) && access(global, R_OK) == 0)
			err = wn_rules_load_file(rules, global, NULL);
	}
	if (err) {
		fprintf(stderr, "winnow: %s: %s\n", path, wn_err_str(err));
		wn_rules_free(rules);
		return NULL;
	}
	return rules;
}

/* Prints the problems of rs (and missing test pages); true when it has errors. */
static bool wn_cli_rules_check_file(const struct wn_ruleset *rs)
{
	bool errors = rs->has_errors;
	for (size_t k = 0; k < rs->n_problems; k++) {
		const struct wn_rules_problem *p = &rs->problems[k];
		if (p->column)
			printf("%s:%d:%d: %s: %s\n", rs->path, p->line, p->column,
			       p->error ? "error" : "warning", p->message);
		else
			printf("%s:%d: %s: %s\n", rs->path, p->line, p->error ? "error" : "warning",
			       p->message);
	}
	struct wn_arena *a = wn_arena_new(0);
	for (size_t i = 0; a && i < rs->n_tests; i++) {
		const char *in = wn_ruleset_test_input(a, rs, &rs->tests[i]);
		if (in && access(in, R_OK) != 0) {
			printf("%s:%d: error: test_input %s cannot be read\n", rs->path,
			       rs->tests[i].line, in);
			errors = true;
		}
	}
	wn_arena_free(a);
	return errors;
}

/* What the file visitor of wn_cli_rules_each() gets. */
typedef void (*wn_cli_rules_visit_fn)(const struct wn_rules *rules, const struct wn_ruleset *rs,
				      void *ctx);

/* Calls visit for each file the PATHs of argv name (default: the bundled
 * rules), loading each PATH once; false when some PATH could not be
 * loaded (its message is already on stderr). */
static bool wn_cli_rules_each(int argc, char **argv, wn_cli_rules_visit_fn visit, void *ctx)
{
	static char *def[] = {WN_DEFAULT_RULES_DIR};
	char **paths = argc > 1 ? argv + 1 : def;
	int n_paths = argc > 1 ? argc - 1 : 1;
	bool ok = true;
	for (int i = 0; i < n_paths; i++) {
		size_t n_own = 0;
		struct wn_rules *rules = wn_cli_rules_load(paths[i], &n_own);
		if (!rules) {
			ok = false;
			continue;
		}
		for (size_t k = 0; k < n_own; k++)
			visit(rules, wn_rules_get(rules, k), ctx);
		wn_rules_free(rules);
	}
	return ok;
}

/* Tallies of `rules check`. */
struct wn_cli_rules_checked {
	size_t files; /* files checked */
	size_t bad;   /* of which with errors */
};

static void wn_cli_rules_check_visit(const struct wn_rules *rules, const struct wn_ruleset *rs,
				     void *ctx)
{
	struct wn_cli_rules_checked *c = ctx;
	(void)rules;
	c->files++;
	c->bad += wn_cli_rules_check_file(rs);
}

static int wn_cli_rules_check(int argc, char **argv)
{
	struct wn_cli_rules_checked c = {0};
	bool loaded = wn_cli_rules_each(argc, argv, wn_cli_rules_check_visit, &c);
	printf("checked %zu files: %zu ok, %zu with errors\n", c.files, c.files - c.bad, c.bad);
	if (fflush(stdout) != 0)
		return WN_CLI_EXIT_FAILED;
	return c.bad || !loaded ? WN_CLI_EXIT_FAILED : WN_CLI_EXIT_OK;
}

/* Shows a failed field check: both values and where they part. */
static void wn_cli_rules_diff(const char *want, const char *got)
{
	printf("    - %s\n    + %s\n", want, got ? got : "(none)");
	if (!got)
		return;
	size_t i = 0;
	while (want[i] && want[i] == got[i])
		i++;
	/* Point at a character, not into one. */
	while (i && ((unsigned char)want[i] & 0xC0) == 0x80)
		i--;
	printf("      first difference at byte %zu: \"%.20s\" vs \"%.20s\"\n", i, want + i, got + i);
}

static void wn_cli_rules_show(const struct wn_rules_test_result *r)
{
	if (r->skipped) {
		printf("SKIP %s %s (%s)\n", r->name, r->url, r->got);
		return;
	}
	printf("%s %s\n", r->passed ? "PASS" : "FAIL", r->name);
	if (r->passed)
		return;
	const char *got = r->got ? r->got : "(none)";
	if (strstr(r->name, "contains")) {
		size_t n = strlen(got);
		printf("    expected %s: %s\n    got text (%zu bytes): %.*s%s\n",
		       strstr(r->name, "not_contains") ? "the text not to contain" :
		       "the text to contain", r->expected, n, WN_CLI_RULES_SHOWN, got,
		       n > WN_CLI_RULES_SHOWN ? "..." : "");
		const char *at = strstr(r->name, "not_contains") ? strstr(got, r->expected) : NULL;
		if (at)
			printf("    found at byte %zu: ...%.80s...\n", (size_t)(at - got), at);
		return;
	}
	if (strstr(r->name, "test_url")) {
		printf("    expected %s\n    got: %s\n", r->expected, got);
		return;
	}
	wn_cli_rules_diff(r->expected, r->got);
}

/* Tallies of `rules test`. */
struct wn_cli_rules_tested {
	size_t passed;    /* checks that held */
	size_t failed;    /* checks that did not */
	size_t skipped;   /* tests without a test_input page */
	bool broken;      /* some file's tests could not run */
};

static void wn_cli_rules_test_visit(const struct wn_rules *rules, const struct wn_ruleset *rs,
				    void *ctx)
{
	struct wn_cli_rules_tested *t = ctx;
	struct wn_arena *a = wn_arena_new(0);
	struct wn_rules_test_result *res = NULL;
	size_t n = 0;
	enum wn_err err = a ? wn_extract_run_tests(a, rules, rs, &res, &n) : WN_ERR_NOMEM;
	if (err) {
		fprintf(stderr, "winnow: %s: %s\n", rs->path, wn_err_str(err));
		t->broken = true;
	}
	for (size_t j = 0; j < n; j++) {
		wn_cli_rules_show(&res[j]);
		if (res[j].skipped)
			t->skipped++;
		else if (res[j].passed)
			t->passed++;
		else
			t->failed++;
	}
	wn_arena_free(a);
}

static int wn_cli_rules_test(int argc, char **argv)
{
	struct wn_cli_rules_tested t = {0};
	bool loaded = wn_cli_rules_each(argc, argv, wn_cli_rules_test_visit, &t);
	if (t.skipped)
		printf("%zu tests skipped (no test_input)\n", t.skipped);
	printf("%zu passed, %zu failed\n", t.passed, t.failed);
	if (fflush(stdout) != 0)
		return WN_CLI_EXIT_FAILED;
	return t.failed || t.broken || !loaded ? WN_CLI_EXIT_FAILED : WN_CLI_EXIT_OK;
}

int wn_cli_rules(int argc, char **argv)
{
	if (argc < 2)
		return wn_cli_usage("rules: no subcommand given (check, test or learn)");
	const char *sub = argv[1];
	if (!strcmp(sub, "-h") || !strcmp(sub, "--help") || !strcmp(sub, "help")) {
		wn_cli_rules_help(stdout);
		return fflush(stdout) == 0 ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
	}
	if (!strcmp(sub, "check"))
		return wn_cli_rules_check(argc - 1, argv + 1);
	if (!strcmp(sub, "test"))
		return wn_cli_rules_test(argc - 1, argv + 1);
	if (!strcmp(sub, "learn"))
		return wn_cli_rules_learn(argc - 1, argv + 1);
	return wn_cli_usage("rules: unknown subcommand '%s'", sub);
}
