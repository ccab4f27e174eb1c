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
	void *xpath;           /* compiled libxml2 XPath (xmlXPathCompExpr) of XPath directives, else NULL */
	void *css;             /* compiled CSS selector (rules-internal) of *_css directives, else NULL */
	bool known;            /* a directive winnow knows (unknown ones are kept) */
};

/* What one check of an embedded test looks at. */
enum wn_rules_check_kind {
	WN_RULES_CHECK_CONTAINS = 0, /* test_contains: the article text holds want */
	WN_RULES_CHECK_NOT_CONTAINS, /* test_not_contains: it does not */
	WN_RULES_CHECK_TITLE,        /* test_title: the title equals want */
	WN_RULES_CHECK_AUTHOR,       /* test_author: the author equals want */
	WN_RULES_CHECK_DATE,         /* test_date: the date (ISO, else as written) equals want */
};

/* One check line of an embedded test. */
struct wn_rules_check {
	enum wn_rules_check_kind kind; /* what is compared */
	const char *directive;         /* its directive name ("test_contains") */
	const char *want;              /* the expected value */
	int line;                      /* 1-based line of the check */
};

/* One embedded test: a test_url line and the test_ lines after it. */
struct wn_rules_test {
	const char *url;               /* test_url value */
	int line;                      /* line of test_url */
	const char *input;             /* test_input as written (relative to the rule file's
				        * directory), or NULL: the test cannot run offline */
	struct wn_rules_check *checks; /* checks in file order */
	size_t n_checks;
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
	const char *hash;      /* FNV-1a 64 of the file's bytes, 16 lower-case hex digits */
	struct wn_rules_test *tests; /* embedded tests in file order */
	size_t n_tests;
	bool autodetect;       /* autodetect_on_failure (default yes): global.txt and the
				* generic heuristics fill what this file leaves unset */
	bool prune;            /* prune (default yes): generic clean-up still runs inside a
				* body the rules selected */
};

/* Counts of one file, for listings (GET /v1/rules). */
struct wn_rules_summary {
	size_t directives;     /* directive lines kept (known or not) */
	size_t html;           /* HTML directives (ftr-site-config and *_css) */
	size_t text;           /* text_ directives */
	size_t tests;          /* embedded tests */
	size_t unknown;        /* unknown directives */
	size_t warnings;       /* problems that are warnings */
	size_t errors;         /* problems that are errors */
};

/* Counts of rs into *out. */
void wn_ruleset_summary(const struct wn_ruleset *rs, struct wn_rules_summary *out);

/* The first error problem of rs (what a 422 answer names), or NULL. */
const struct wn_rules_problem *wn_ruleset_first_error(const struct wn_ruleset *rs);

/* Path of test t's test_input: resolved against the directory of rs->path,
 * into the arena; NULL when t has no input or out of memory. */
const char *wn_ruleset_test_input(struct wn_arena *arena, const struct wn_ruleset *rs,
				  const struct wn_rules_test *t);

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

/* Reads the rule file at path into rules (its name gives the host).
 * WN_ERR_IO if it cannot be read, WN_ERR_NOMEM. */
enum wn_err wn_rules_load_file(struct wn_rules *rules, const char *path, struct wn_ruleset **out);

void wn_rules_free(struct wn_rules *rules);

/* The set's global.txt (the defaults ftr-site-config keeps there), or NULL. */
const struct wn_ruleset *wn_rules_global(const struct wn_rules *rules);

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

/* ---- HTML directives (html.c, xpath.c, css.c) ----
 *
 * Selecting directives -- body, strip, title, author, date, next_page_link,
 * single_page_link (XPath 1.0 via libxml2), body_css, strip_css, title_css,
 * author_css, date_css (CSS selectors over the node table), and
 * strip_id_or_class / strip_image_src (substring tests) -- are evaluated by
 * wn_rules_select().  Applying them (what body or strip does to the blocks)
 * is extract/'s business. */

/* Per-page evaluation state: the doc, and the libxml2 tree built from its
 * node table the first time an XPath runs.  Not shared between threads. */
struct wn_rules_html;

/* A new state for doc (which must outlive it).  malloc'd (libxml2 trees are
 * not arena memory): release with wn_rules_html_free().  WN_ERR_NOMEM. */
enum wn_err wn_rules_html_new(struct wn_doc *doc, struct wn_rules_html **out);
void wn_rules_html_free(struct wn_rules_html *h);

/* One thing a selector found. */
struct wn_rules_hit {
	int32_t node;          /* the element, or an attribute's / text's element; -1 for a
				* string result */
	const char *value;     /* attribute value, text, or string result (doc arena);
				* NULL for an element: see wn_rules_node_text() */
};

/* Evaluates the selector of r (a directive listed above) on the page: hits
 * in document order, allocated from the doc's arena (*out NULL when none).
 * A rule without a selector, or an XPath that fails at run time, finds
 * nothing.  WN_ERR_NOMEM at worst. */
enum wn_err wn_rules_select(struct wn_rules_html *h, const struct wn_rule *r,
			    struct wn_rules_hit **out, size_t *n_out);

/* The text of element node (its blocks' text joined by a space), in the
 * doc's arena; "" when it has none, NULL when out of memory. */
const char *wn_rules_node_text(const struct wn_doc *doc, int32_t node);

/* Applies find_string/replace_string pairs and replace_string(FIND): REPL
 * lines of rs (then of global when non-NULL) to raw HTML html[0..len), in
 * file order, each replacing every occurrence.  *out is html itself when
 * nothing changed, else a copy in the arena.  WN_ERR_NOMEM. */
enum wn_err wn_rules_html_rewrite(const struct wn_ruleset *rs, const struct wn_ruleset *global,
				  struct wn_arena *arena, const char *html, size_t len,
				  char **out, size_t *out_len);

#endif
