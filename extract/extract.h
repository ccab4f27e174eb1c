/* extract.h -- bytes in, article out: site rules, then generic heuristics.
 *
 * This is the library's front door (jq-style: the daemon and CLI are thin
 * mains around it).  One call does everything for one page, allocating
 * only from the caller's arena.
 */
#ifndef WN_EXTRACT_H
#define WN_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../parser/arena.h"
#include "../parser/doc.h"
#include "../parser/err.h"
#include "../rules/rules.h"
#include "article.h"

struct wn_extract_opts {
	const char *url;           /* page URL, or NULL */
	enum wn_input_kind kind;   /* AUTO to detect from the bytes */
	const char *charset;       /* charset from the transport, or NULL */
	const struct wn_rules *rules; /* rule set to match against, or NULL for none */
	const struct wn_ruleset *ruleset; /* when non-NULL: apply this file instead of a
					   * matched one (rules then only lends its global.txt) */
	bool explain;              /* record what was removed and why */
	bool include_comments;     /* HTML: keep the comment section (off: comments are not the article) */
	size_t max_bytes;          /* limit on the decompressed input, 0 = none */
	const struct timespec *deadline; /* CLOCK_MONOTONIC instant after which extraction
				    * stops with WN_ERR_TIMEOUT at its next stage
				    * boundary (a stage itself is not cut); NULL = none */
};

/* Extracts the article from one page.  bytes may be gzip-compressed and in
 * any charset.  On success *out is allocated from arena.  Errors are those
 * of wn_parser_parse() (empty, too large, corrupt gzip, out of memory) and
 * WN_ERR_TIMEOUT past opts->deadline. */
enum wn_err wn_extract(struct wn_arena *arena, const char *bytes, size_t len,
		       const struct wn_extract_opts *opts, struct wn_article **out);

/* ---- embedded rule tests (ruletest.c) ---- */

/* The outcome of one check of an embedded test. */
struct wn_rules_test_result {
	const char *name;      /* "tass.com.txt:41 test_contains" (the check's line), or
				* "tass.com.txt:40 test_url" for a skipped test */
	const char *url;       /* the test's test_url */
	bool passed;           /* the check held */
	bool skipped;          /* the test has no test_input (or it could not be read) */
	const char *expected;  /* what the check wants */
	const char *got;       /* what came out: the field, or for (not_)contains the
				* article text */
};

/* Checks every check of test t of rs against an article extracted from
 * its page; appends one result per check to the arena array *out of *n
 * entries (start with NULL, 0).  Strings are in arena.  WN_ERR_NOMEM. */
enum wn_err wn_extract_test_article(struct wn_arena *arena, const struct wn_ruleset *rs,
				    const struct wn_rules_test *t, const struct wn_article *art,
				    struct wn_rules_test_result **out, size_t *n);

/* Runs every embedded test of rs: reads its test_input (beside the rule
 * file), extracts it with rs (rules, may be NULL, lends global.txt) at the
 * test_url, and checks it.  A test without input gives one skipped
 * result.  Results are appended as by wn_extract_test_article().  Errors:
 * WN_ERR_NOMEM; an unreadable or unparsable input is a failed result. */
enum wn_err wn_extract_run_tests(struct wn_arena *arena, const struct wn_rules *rules,
				 const struct wn_ruleset *rs, struct wn_rules_test_result **out,
				 size_t *n);

#endif
