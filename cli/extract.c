/* extract.c -- `winnow extract`: files in, one article record per file out.
 *
 * The rules are loaded once; then each file is read whole into a buffer
 * reused across files, extracted in an arena of its own, written, and the
 * arena freed before the next file, so memory stays bounded by the largest
 * page however many files are given.  A file that fails becomes an error
 * record in its place and the run goes on; the exit code says whether any
 * failed.  Output goes through stdio, flushed after every record so a
 * consumer sees records as they are made; a write error (a closed pipe, a
 * full disk) stops the run.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "extract.h"
#include "input.h"

/* Largest file read, and largest decompressed input; past it: too_large.
 * Far above any real page, low enough to read whole without worry. */
#define WN_CLI_MAX_INPUT ((size_t)64 << 20)

/* Memory one page may take in its arena: a pathological page fails with
 * out_of_memory instead of exhausting the machine. */
#define WN_CLI_ARENA_BUDGET ((size_t)1 << 30)

enum wn_cli_format {
	WN_CLI_FORMAT_DEFAULT = 0, /* json for one file, jsonl for several */
	WN_CLI_FORMAT_JSON,        /* pretty-printed JSON, one value per file */
	WN_CLI_FORMAT_JSONL,       /* JSON Lines: one compact record per line */
	WN_CLI_FORMAT_TEXT,        /* the clean text only */
};

/* State of one `winnow extract` run. */
struct wn_cli_run {
	struct wn_extract_opts opts; /* passed to wn_extract() for every file */
	enum wn_cli_format format;   /* never DEFAULT once the files are known */
	bool tagged;                 /* records carry "id" and "file" */
	char *buf;                   /* the current file's bytes; malloc'd, replaced per file */
	size_t n_done;               /* files written so far */
	bool failed;                 /* some file gave an error record */
	bool write_failed;           /* stdout could not be written: stop */
};

void wn_cli_extract_help(FILE *f)
{
	fputs("usage: winnow extract [OPTIONS] [FILE...]\n\n"
	      "Extracts the article of each FILE: raw HTML or a page's text as a scraper saved it,\n"
	      "gzip-compressed or not, in any charset.  '-' (or no FILE) reads standard input.\n\n"
	      "Options:\n"
	      "  --url URL             the page's URL: picks the site's rules, resolves image URLs\n"
	      "  --as html|text        read the input as this kind instead of detecting it\n"
	      "  --format json|jsonl|text\n"
	      "                        json: the article, pretty-printed (default for one FILE)\n"
	      "                        jsonl: one compact record per line (default for several);\n"
	      "                          records then also carry \"id\" and \"file\"\n"
	      "                        text: the clean text; several files are separated by a\n"
	      "                          line holding only a form feed (\\f)\n"
	      "  --explain             add \"removed\": what was removed and why\n"
	      "  --include-comments    keep the page's comment section (HTML)\n"
	      "  --rules DIR           load site rules from DIR (default: " WN_DEFAULT_RULES_DIR ")\n"
	      "  --no-rules            use no site rules, only the generic heuristics\n"
	      "  -h, --help            show this help\n\n"
	      "A FILE that cannot be read or extracted gives an error record\n"
	      "{\"id\", \"file\", \"error\": {\"code\", \"message\"}} in its place and a message on\n"
	      "stderr; the other files are still processed and the exit status is 1.\n",
	      f);
}

/* The id of a page as ../shared/tools/score.py computes it: the path's last
 * component less any run of .gz/.html/.htm/.txt endings (0001.html.gz ->
 * 0001).  Allocated from arena; NULL when out of memory. */
static const char *wn_cli_page_id(struct wn_arena *arena, const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	const char *slash = memrchr(path, '/', len);
	const char *name = slash && slash + 1 < path + len ? slash + 1 : path;
	len -= (size_t)(name - path);
	for (;;) {
		const char *dot = memrchr(name, '.', len);
		if (!dot)
			break;
		const char *ext = dot + 1;
		size_t ext_len = len - (size_t)(ext - name);
		bool known = false;
		static const char *const exts[] = {"gz", "html", "htm", "txt"};
		for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
			if (ext_len == strlen(exts[i]) && strncasecmp(ext, exts[i], ext_len) == 0)
				known = true;
		if (!known)
			break;
		len = (size_t)(dot - name);
	}
	return wn_arena_strndup(arena, name, len);
}

/* Writes len bytes of s to stdout; false (and run->write_failed, with a
 * message unless the reader just went away) on error. */
static bool wn_cli_put(struct wn_cli_run *run, const char *s, size_t len)
{
	if (run->write_failed)
		return false;
	if (len == 0 || fwrite(s, 1, len, stdout) == len)
		return true;
	run->write_failed = true;
	if (errno != EPIPE)
		fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
	return false;
}

/* Flushes stdout, with the same error handling as wn_cli_put(). */
static bool wn_cli_flush(struct wn_cli_run *run)
{
	if (run->write_failed)
		return false;
	if (fflush(stdout) == 0)
		return true;
	run->write_failed = true;
	if (errno != EPIPE)
		fprintf(stderr, "winnow: write error: %s\n", strerror(errno));
	return false;
}

/* Writes one record: in text format the article's text (nothing for a
 * failed file; rec is NULL), else rec as JSON, pretty or on one line.
 * Takes ownership of rec; NULL there (out of memory) fails the file. */
static void wn_cli_write(struct wn_cli_run *run, json_t *rec, const struct wn_article *art)
{
	if (run->format == WN_CLI_FORMAT_TEXT) {
		const char *text = art && art->text ? art->text : "";
		size_t len = strlen(text);
		if (run->n_done > 0)
			wn_cli_put(run, "\f\n", 2);
		if (len) {
			wn_cli_put(run, text, len);
			wn_cli_put(run, "\n", 1);
		}
		return;
	}
	size_t flags = JSON_PRESERVE_ORDER | (run->format == WN_CLI_FORMAT_JSON ? JSON_INDENT(2)
										 : JSON_COMPACT);
	char *s = rec ? json_dumps(rec, flags) : NULL;
	json_decref(rec);
	if (!s) {
		fputs("winnow: out of memory writing a record\n", stderr);
		run->failed = true;
		return;
	}
	wn_cli_put(run, s, strlen(s));
	wn_cli_put(run, "\n", 1);
	free(s);
}

/* The JSON record of one file: the article, or the error err (message
 * msg); tagged with "id" and "file" when the run wants it, and always when
 * it is an error.  New reference; NULL when out of memory. */
static json_t *wn_cli_record(const struct wn_cli_run *run, struct wn_arena *arena,
			     const char *path, const struct wn_article *art, enum wn_err err,
			     const char *msg)
{
	json_t *body = art ? wn_article_to_json(art) : wn_error_to_json(err, msg);
	json_t *rec = json_object();
	/* A path from the command line is arbitrary bytes; JSON strings must
	 * be UTF-8. */
	const char *file = wn_parser_valid_utf8(arena, path, strlen(path));
	const char *id = file ? wn_cli_page_id(arena, file) : NULL;
	if (!body || !rec || !id)
		goto fail;
	/* The tags go first, so a JSON Lines reader sees which page a record
	 * is before its (long) text; the article's keys follow in their
	 * documented order. */
	if ((run->tagged || !art) &&
	    (json_object_set_new(rec, "id", json_string(id)) != 0 ||
	     json_object_set_new(rec, "file", json_string(file)) != 0))
		goto fail;
	if (json_object_update(rec, body) != 0)
		goto fail;
	json_decref(body);
	return rec;
fail:
	json_decref(body);
	json_decref(rec);
	return NULL;
}

/* Extracts one file and writes its record.  Returns false when the run
 * must stop: stdout failed, or no memory for the file's arena. */
static bool wn_cli_one(struct wn_cli_run *run, const char *path)
{
	struct wn_arena *arena = wn_arena_new(WN_CLI_ARENA_BUDGET);
	if (!arena) {
		fputs("winnow: out of memory\n", stderr);
		run->failed = true;
		return false;
	}
	struct wn_article *art = NULL;
	char detail[512];
	const char *msg = NULL;
	int sys_err = 0;
	size_t len;
	free(run->buf);
	enum wn_err err = wn_parser_read_file(path, WN_CLI_MAX_INPUT, &run->buf, &len, &sys_err);
	if (!err)
		err = wn_extract(arena, run->buf, len, &run->opts, &art);
	if (err) {
		msg = wn_err_str(err);
		if (err == WN_ERR_IO) {
			snprintf(detail, sizeof(detail), "%s: %s", msg, strerror(sys_err));
			msg = detail;
		}
		fprintf(stderr, "winnow: %s: %s\n", path, msg);
		run->failed = true;
		art = NULL;
	}
	json_t *rec = NULL;
	if (run->format != WN_CLI_FORMAT_TEXT)
		rec = wn_cli_record(run, arena, path, art, err, msg);
	wn_cli_write(run, rec, art);
	wn_arena_free(arena);
	run->n_done++;
	return wn_cli_flush(run);
}

/* Loads the rule directory, reporting broken rule files on stderr (they
 * are still used, less their broken lines).  NULL when dir is unusable. */
static struct wn_rules *wn_cli_load_rules(const char *dir)
{
	struct wn_rules *rules = NULL;
	enum wn_err err = wn_rules_load_dir(dir, &rules);
	if (err) {
		fprintf(stderr, "winnow: cannot load rules from %s: %s\n", dir, wn_err_str(err));
		return NULL;
	}
	for (size_t i = 0; i < wn_rules_count(rules); i++) {
		const struct wn_ruleset *rs = wn_rules_get(rules, i);
		for (size_t j = 0; rs && j < rs->n_problems; j++)
			if (rs->problems[j].error)
				fprintf(stderr, "winnow: warning: %s:%d: %s\n", rs->path,
					rs->problems[j].line, rs->problems[j].message);
	}
	return rules;
}

int wn_cli_extract(int argc, char **argv)
{
	enum { OPT_URL = 256, OPT_AS, OPT_FORMAT, OPT_EXPLAIN, OPT_RULES, OPT_NO_RULES,
	       OPT_INCLUDE_COMMENTS };
	static const struct option longopts[] = {
		{"url", required_argument, NULL, OPT_URL},
		{"as", required_argument, NULL, OPT_AS},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"include-comments", no_argument, NULL, OPT_INCLUDE_COMMENTS},
		{"rules", required_argument, NULL, OPT_RULES},
		{"no-rules", no_argument, NULL, OPT_NO_RULES},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct wn_cli_run run = {.opts = {.kind = WN_INPUT_AUTO, .max_bytes = WN_CLI_MAX_INPUT}};
	const char *rules_dir = WN_DEFAULT_RULES_DIR;
	struct wn_rules *rules = NULL;
	int rc = WN_CLI_EXIT_OK, c;

	opterr = 0; /* our own messages, followed by the usage */
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_URL:
			run.opts.url = optarg;
			break;
		case OPT_AS:
			if (strcmp(optarg, "html") == 0)
				run.opts.kind = WN_INPUT_HTML;
			else if (strcmp(optarg, "text") == 0)
				run.opts.kind = WN_INPUT_TEXT;
			else
				return wn_cli_usage("--as takes html or text, not '%s'", optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") == 0)
				run.format = WN_CLI_FORMAT_JSON;
			else if (strcmp(optarg, "jsonl") == 0)
				run.format = WN_CLI_FORMAT_JSONL;
			else if (strcmp(optarg, "text") == 0)
				run.format = WN_CLI_FORMAT_TEXT;
			else
				return wn_cli_usage("--format takes json, jsonl or text, not '%s'", optarg);
			break;
		case OPT_EXPLAIN:
			run.opts.explain = true;
			break;
		case OPT_INCLUDE_COMMENTS:
			run.opts.include_comments = true;
			break;
		case OPT_RULES:
			rules_dir = optarg;
			break;
		case OPT_NO_RULES:
			rules_dir = NULL;
			break;
		case 'h':
			wn_cli_extract_help(stdout);
			return fflush(stdout) == 0 ? WN_CLI_EXIT_OK : WN_CLI_EXIT_FAILED;
		case ':':
			return wn_cli_usage("option '%s' needs a value", argv[optind - 1]);
		default:
			if (optopt)
				return wn_cli_usage("unknown option '-%c'", optopt);
			return wn_cli_usage("unknown option '%s'", argv[optind - 1]);
		}
	}

	static char *const stdin_only[] = {"-"};
	char *const *files = optind < argc ? argv + optind : stdin_only;
	size_t n_files = optind < argc ? (size_t)(argc - optind) : 1;
	if (run.format == WN_CLI_FORMAT_DEFAULT)
		run.format = n_files > 1 ? WN_CLI_FORMAT_JSONL : WN_CLI_FORMAT_JSON;
	run.tagged = n_files > 1 || run.format == WN_CLI_FORMAT_JSONL;

	if (rules_dir) {
		rules = wn_cli_load_rules(rules_dir);
		if (!rules)
			return WN_CLI_EXIT_USAGE;
		run.opts.rules = rules;
	}
	for (size_t i = 0; i < n_files; i++)
		if (!wn_cli_one(&run, files[i]))
			break;
	if (run.failed || run.write_failed)
		rc = WN_CLI_EXIT_FAILED;
	free(run.buf);
	if (rules)
		wn_rules_free(rules);
	return rc;
}
