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
	bool explain;              /* record what was removed and why */
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

#endif
