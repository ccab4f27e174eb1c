/* rules.h -- site rule files: format, loading, site matching, text rules.
 *
 * A rule file is ftr-site-config compatible: `directive: value` lines, `#`
 * comments, one file per site named by host (example.com.txt matches
 * example.com and www.example.com; .example.com.txt matches subdomains
 * only).  winnow's own text directives are prefixed `text_` so other
 * ftr parsers ignore them.  See docs/rules.md for the reference.
 *
 * Ownership: a struct wn_rules owns every file, directive and compiled
 * regex in it; it is immutable once loaded, so any number of threads may
 * read it concurrently.  Reloading builds a new wn_rules and swaps it.
 */
#ifndef WN_RULES_H
#define WN_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "../parser/arena.h"
#include "../parser/doc.h"
#include "../parser/err.h"

/* One directive line of a rule file. */
struct wn_rule {
	const char *name;      /* directive name, lower-case ("text_drop_line", "body") */
	const char *arg;       /* for replace_string(FIND): the FIND part; else NULL */
	const char *value;     /* the text after the colon, trimmed */
	int line;              /* 1-based line number in the file */
	void *re;              /* compiled pcre2 code for regex directives, else NULL */
	bool known;            /* a directive winnow knows (unknown ones are kept) */
};

/* One problem found while loading a file (never fatal unless error). */
struct wn_rules_problem {
	int line;              /* 1-based line, 0 for the whole file */
	int column;            /* 1-based column in the value, 0 if unknown */
	bool error;            /* true: the file is broken; false: a warning */
	const char *message;   /* human message */
};

/* One rule file. */
struct wn_ruleset {
	const char *path;      /* path it was loaded from, or "<inline>" */
	const char *name;      /* file name ("tass.com.txt") */
	const char *host;      /* host pattern from the name ("tass.com", ".example.com") */
	bool subdomains_only;  /* name started with '.' */
	struct wn_rule *rules; /* directives in file order */
	size_t n_rules;
	struct wn_rules_problem *problems; /* warnings and errors, in line order */
	size_t n_problems;
	int site_min;          /* text_site_min (default: 1) */
	bool has_errors;       /* some problem is an error */
};

/* The loaded set of rule files with its host index. */
struct wn_rules;

/* Parses one rule file's text.  name is its file name (for the host), path
 * is reported in explain output.  Problems are recorded on the ruleset,
 * not returned as errors; the return is WN_ERR_NOMEM at worst.  The
 * ruleset is owned by rules (which may be a set under construction made
 * by wn_rules_new()). */
enum wn_err wn_rules_add_text(struct wn_rules *rules, const char *path, const char *name,
			      const char *text, size_t len, struct wn_ruleset **out);

/* An empty set.  Caller owns it; release with wn_rules_free(). */
struct wn_rules *wn_rules_new(void);

/* Loads every *.txt file of dir (not recursing) into a new set.  Files with
 * errors are still loaded (their broken lines skipped) and reported through
 * the problems of each ruleset.  WN_ERR_IO if dir cannot be read. */
enum wn_err wn_rules_load_dir(const char *dir, struct wn_rules **out);

void wn_rules_free(struct wn_rules *rules);

/* Number of files in the set, and the i-th one (in load order). */
size_t wn_rules_count(const struct wn_rules *rules);
const struct wn_ruleset *wn_rules_get(const struct wn_rules *rules, size_t i);

/* The ruleset for a page: by the URL's host when url is non-NULL (exact
 * file, then each parent domain), else -- or when no file matches the
 * host -- by text_site_match fingerprints over text (the page's UTF-8
 * text; may be NULL).  NULL when nothing matches. */
const struct wn_ruleset *wn_rules_match(const struct wn_rules *rules, const char *url,
					const char *text, size_t text_len);

/* Host of a URL, lower-cased, into the arena ("https://www.a.com/x" ->
 * "www.a.com"); NULL if url has none. */
const char *wn_rules_url_host(struct wn_arena *arena, const char *url);

/* Metadata a rule file filled in; NULL fields were not found. */
struct wn_rules_fields {
	const char *title;
	const char *author;
	const char *date_raw;
	const char *section;
	const char *lead;
	const char *credit;
	const char *source;
};

/* Step 1 for text input: runs the file's text_find/text_replace pairs over
 * the raw UTF-8 text, giving the rewritten text in the arena (the input
 * itself when nothing changed).  Each replacement that removed text is
 * recorded through note() when note is non-NULL. */
typedef void (*wn_rules_note_fn)(void *ctx, const char *removed_text, size_t len,
				 const char *reason);
enum wn_err wn_rules_text_rewrite(const struct wn_ruleset *rs, struct wn_arena *arena,
				  const char *text, size_t len, char **out, size_t *out_len,
				  wn_rules_note_fn note, void *ctx);

/* Step 2 for text input: on a doc parsed from the rewritten text, extracts
 * the text_title/author/date/section/lead/credit/source values (each
 * regex runs over the whole text; the first match's group 1 is the value,
 * and the lines it spans are marked removed), then applies
 * text_keep_after, text_keep_before, text_drop_from/text_drop_until and
 * text_drop_line, marking wn_line.removed_by with "FILE:LINE directive".
 * Anchors that are not found are reported through note() with len 0. */
enum wn_err wn_rules_apply_text(const struct wn_ruleset *rs, struct wn_doc *doc,
				struct wn_rules_fields *fields, wn_rules_note_fn note, void *ctx);

#endif
