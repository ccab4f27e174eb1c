/* regex.c -- PCRE2 for rule files: one set of flags, one set of limits.
 *
 * Every rule regex is UTF + UCP (so \w, \d, \b and case folding know
 * Cyrillic) and multiline (^ and $ at line ends, which is what rules over
 * a whole page text want).  Rule files come from users, so a pattern must
 * not be able to hang a request: each match runs under a match limit and a
 * depth limit, and a match that hits one counts as no match.
 */
#include <stdio.h>

#include "internal.h"
#include "../parser/utf8.h"

/* Backtracking steps one match may take: a sane rule over a page of a
 * megabyte needs far fewer; (a+)+$ on 30 letters needs far more. */
#define WN_RULES_MATCH_LIMIT 2000000u
/* Nested backtracking depth (bounds the interpreter's heap frames). */
#define WN_RULES_DEPTH_LIMIT 20000u
/* Heap for backtracking frames, in KiB. */
#define WN_RULES_HEAP_LIMIT 16384u

pcre2_code *wn_rules_re_compile(const char *pattern, int *err_col, char *msg, size_t msg_size)
{
	int code;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE, &code, &off, NULL);
	if (!re) {
		PCRE2_UCHAR buf[256];
		if (pcre2_get_error_message(code, buf, sizeof(buf)) < 0)
			snprintf((char *)buf, sizeof(buf), "error %d", code);
		snprintf(msg, msg_size, "bad regex: %s", (const char *)buf);
		/* pcre2 reports a code unit offset; people count characters. */
		*err_col = (int)wn_utf8_count(pattern, off) + 1;
		return NULL;
	}
	/* JIT is an optimisation only: without it the interpreter runs. */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

enum wn_err wn_rules_matcher_init(struct wn_rules_matcher *m)
{
	m->limit_hit = false;
	m->mctx = pcre2_match_context_create(NULL);
	/* Ten pairs: enough for the groups rules use; more are not reported. */
	m->md = pcre2_match_data_create(10, NULL);
	if (!m->mctx || !m->md) {
		wn_rules_matcher_fini(m);
		return WN_ERR_NOMEM;
	}
	pcre2_set_match_limit(m->mctx, WN_RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(m->mctx, WN_RULES_DEPTH_LIMIT);
	pcre2_set_heap_limit(m->mctx, WN_RULES_HEAP_LIMIT);
	return WN_OK;
}

void wn_rules_matcher_fini(struct wn_rules_matcher *m)
{
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	m->md = NULL;
	m->mctx = NULL;
}

bool wn_rules_re_match(struct wn_rules_matcher *m, const pcre2_code *re, const char *s, size_t len,
		       size_t start, uint32_t options)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)s, len, start, options, m->md, m->mctx);
	/* The JIT runs on a small fixed stack; the interpreter keeps its
	 * frames on the heap under the limits above, so retry there. */
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(re, (PCRE2_SPTR)s, len, start, options | PCRE2_NO_JIT, m->md,
				 m->mctx);
	if (rc >= 0)
		return true;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
	    rc == PCRE2_ERROR_NOMEMORY)
		m->limit_hit = true;
	return false;
}

bool wn_rules_re_group(const struct wn_rules_matcher *m, uint32_t g, size_t *so, size_t *eo)
{
	if (g >= pcre2_get_ovector_count(m->md))
		return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
	if (ov[2 * g] == PCRE2_UNSET || ov[2 * g + 1] < ov[2 * g])
		return false;
	*so = ov[2 * g];
	*eo = ov[2 * g + 1];
	return true;
}
