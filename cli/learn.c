/* learn.c -- `winnow rules learn PAGE... [--site HOST] [-o FILE]`.
 *
 * Reads the saved pages of one site and prints (or writes to FILE) the
 * draft rule file wn_rules_learn() makes of them.  Each page's test_input
 * is written relative to FILE's directory (the current one without -o),
 * as `winnow rules test` resolves it.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "learn.h"

/* Largest page read: far above any saved page. */
#define WN_CLI_LEARN_MAX_PAGE ((size_t)64 << 20)

static void wn_cli_learn_help(FILE *f)
{
	fputs("usage: winnow rules learn PAGE... [--site HOST] [-o FILE]\n\n"
	      "Drafts a rule file from saved pages of one site (text or HTML, gzip or not):\n"
	      "lines on at least half of the pages that do not read like article text become\n"
	      "text_drop_line literals, lists under a fixed heading after the article\n"
	      "text_drop_from/text_drop_until ranges, the longest shared lines text_site_match\n"
	      "fingerprints; each page gets an embedded test.  Review the draft, then run\n"
	      "'winnow rules test FILE'.\n\n"
	      "  --site HOST  the site (for test_url and the header), e.g. example.com\n"
	      "  -o FILE      write the draft to FILE (default: standard output)\n",
	      f);
}

/* Reads path whole into the arena; NULL with errno set on failure. */
static char *wn_cli_learn_read(struct wn_arena *arena, const char *path, size_t *len)
{
	char *buf, *copy = NULL;
	int sys_err;
	enum wn_err err = wn_parser_read_file(path, WN_CLI_LEARN_MAX_PAGE, &buf, len, &sys_err);
	if (err) {
		errno = err == WN_ERR_IO ? sys_err : err == WN_ERR_TOO_LARGE ? EFBIG : ENOMEM;
		return NULL;
	}
	if (!(copy = wn_arena_strndup(arena, buf, *len)))
		errno = ENOMEM;
	free(buf);
	return copy;
}

/* path relative to directory dir (both absolute, no trailing '/'), in the
 * arena: "../pages/a.txt". */
static char *wn_cli_learn_relative(struct wn_arena *arena, const char *dir, const char *path)
{
	size_t common = 0;
	/* The longest common prefix that ends at a directory boundary. */
	for (size_t i = 0; dir[i] && dir[i] == path[i]; i++)
		if (path[i + 1] == '/' && (dir[i + 1] == '/' || !dir[i + 1]))
			common = i + 1;
	if (!strcmp(dir, "/"))
		common = 0;
	size_t ups = 0;
	for (const char *s = dir + common; *s; s++)
		ups += *s == '/';
	char *out = wn_arena_alloc(arena, ups * 3 + strlen(path) + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t k = 0; k < ups; k++) {
		memcpy(out + o, "../", 3);
		o += 3;
	}
	strcpy(out + o, path + common + (path[common] == '/'));
	return out;
}

int wn_cli_rules_learn(int argc, char **argv)
{
	const char *site = NULL, *outfile = NULL;
	int ret = WN_CLI_EXIT_FAILED;
	struct wn_arena *arena = wn_arena_new(0);
	if (!arena) {
		fputs("winnow: rules learn: out of memory\n", stderr);
		return WN_CLI_EXIT_FAILED;
	}
	struct wn_rules_learn_page *pages = wn_arena_calloc(arena, (size_t)argc + 1, sizeof(*pages));
	char dir[PATH_MAX];
	size_t n = 0;
	if (!pages)
		goto nomem;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			wn_cli_learn_help(stdout);
			ret = fflush(stdout) == 0 ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
			goto out;
		} else if (!strcmp(argv[i], "--site") || !strcmp(argv[i], "-o")) {
			if (i + 1 >= argc) {
				ret = wn_cli_usage("rules learn: %s needs a value", argv[i]);
				goto out;
			}
			*(argv[i][1] == 'o' ? &outfile : &site) = argv[i + 1];
			i++;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			ret = wn_cli_usage("rules learn: unknown option '%s'", argv[i]);
			goto out;
		} else {
			pages[n++].input = argv[i];
		}
	}
	if (!n) {
		ret = wn_cli_usage("rules learn: no pages given");
		goto out;
	}
	/* test_input is resolved against the rule file's directory. */
	if (!getcwd(dir, sizeof(dir))) {
		fprintf(stderr, "winnow: rules learn: %s\n", strerror(errno));
		goto out;
	}
	if (outfile && strchr(outfile, '/')) {
		char *d = wn_arena_strdup(arena, outfile);
		if (!d)
			goto nomem;
		*strrchr(d, '/') = '\0';
		if (!realpath(*d ? d : "/", dir)) {
			fprintf(stderr, "winnow: rules learn: %s: %s\n", outfile, strerror(errno));
			goto out;
		}
	}
	for (size_t p = 0; p < n; p++) {
		const char *path = pages[p].input;
		char abs[PATH_MAX];
		pages[p].bytes = wn_cli_learn_read(arena, path, &pages[p].len);
		if (!pages[p].bytes || !realpath(path, abs)) {
			fprintf(stderr, "winnow: rules learn: %s: %s\n", path, strerror(errno));
			goto out;
		}
		if (!(pages[p].input = wn_cli_learn_relative(arena, dir, abs)))
			goto nomem;
	}
	struct wn_rules_learn_opts opts = {.site = site};
	char *draft;
	enum wn_err err = wn_rules_learn(arena, pages, n, &opts, &draft);
	if (err) {
		fprintf(stderr, "winnow: rules learn: %s\n", wn_err_str(err));
		goto out;
	}
	FILE *f = outfile ? fopen(outfile, "w") : stdout;
	if (!f) {
		fprintf(stderr, "winnow: rules learn: %s: %s\n", outfile, strerror(errno));
		goto out;
	}
	bool ok = fputs(draft, f) >= 0;
	ok = (f == stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
	if (!ok)
		fprintf(stderr, "winnow: rules learn: cannot write %s\n", outfile ? outfile : "output");
	ret = ok ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
	goto out;
nomem:
	fputs("winnow: rules learn: out of memory\n", stderr);
out:
	wn_arena_free(arena);
	return ret;
}
