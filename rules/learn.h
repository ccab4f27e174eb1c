/* learn.h -- drafting a site's text rules from several of its pages.
 *
 * Pages of one site share their template: navigation, footers, share bars,
 * the fixed headings of "Most read" lists.  Lines that recur across the
 * pages (and do not read like article prose) are that template; the draft
 * names them as text_drop_line literals, the heading-led lists after the
 * article as text_drop_from/text_drop_until ranges, the most distinctive
 * of them as text_site_match fingerprints, and adds one embedded test per
 * page.  The draft is meant to be read and edited, not trusted blindly.
 */
#ifndef WN_RULES_LEARN_H
#define WN_RULES_LEARN_H

#include <stddef.h>

#include "../parser/arena.h"
#include "../parser/err.h"

/* One saved page of the site. */
struct wn_rules_learn_page {
	const char *input;     /* test_input path to write, relative to the rule file */
	const char *bytes;     /* the page as saved: text or HTML, gzip or not, any charset */
	size_t len;            /* bytes of bytes */
};

/* What the draft is for. */
struct wn_rules_learn_opts {
	const char *site;      /* host for test_url and the header ("example.com"), or NULL */
};

/* Drafts a rule file from n pages (n >= 2 gives recurring lines; fewer
 * gives a draft with tests only).  *out is the file's text, NUL-terminated,
 * in arena.  Errors: WN_ERR_NOMEM; WN_ERR_GZIP for a corrupt gzip page. */
enum wn_err wn_rules_learn(struct wn_arena *arena, const struct wn_rules_learn_page *pages,
			   size_t n, const struct wn_rules_learn_opts *opts, char **out);

#endif
