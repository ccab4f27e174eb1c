/* internal.h -- what the files of rules/ share and nobody else sees.
 *
 * ruleset.c parses one file, loader.c keeps the set and its host index,
 * textrules.c applies the text_ directives, regex.c wraps PCRE2 (the only
 * file that knows its limits and flags).
 */
#ifndef WN_RULES_INTERNAL_H
#define WN_RULES_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rules.h"

/* What a directive does; decided by its name alone. */
enum wn_rules_kind {
	WN_RULES_UNKNOWN = 0,    /* not a directive winnow knows; kept, warned */
	WN_RULES_FTR,            /* an ftr-site-config HTML directive: kept as is */
	WN_RULES_TEXT_FIND,      /* regex replaced in the raw text */
	WN_RULES_TEXT_REPLACE,   /* replacement for the preceding text_find */
	WN_RULES_KEEP_AFTER,     /* line regex: drop it and all before */
	WN_RULES_KEEP_BEFORE,    /* line regex: drop it and all after */
	WN_RULES_DROP_FROM,      /* line regex: start of a dropped range */
	WN_RULES_DROP_UNTIL,     /* line regex (or "$"): end of that range */
	WN_RULES_DROP_LINE,      /* line regex: drop every matching line */
	WN_RULES_META,           /* text_title .. text_source: a field by regex */
	WN_RULES_SITE_MATCH,     /* fingerprint regex over the page text */
	WN_RULES_SITE_MIN,       /* how many fingerprints must match */
	WN_RULES_XPATH,          /* an HTML directive whose value is an XPath */
	WN_RULES_CSS,            /* an HTML directive whose value is a CSS selector */
	WN_RULES_SUBSTR,         /* strip_id_or_class, strip_image_src: a substring */
	WN_RULES_FLAG,           /* a yes/no setting (prune, tidy, autodetect_on_failure...) */
	WN_RULES_REWRITE,        /* find_string, replace_string: raw HTML rewriting */
	WN_RULES_TEST,           /* test_url and the test_ checks attached to it */
};

/* Kind of a lower-case directive name. */
enum wn_rules_kind wn_rules_kind_of(const char *name);

/* True when directives of this kind carry a regex in their value. */
bool wn_rules_kind_is_regex(enum wn_rules_kind kind);

/* Parses text into a ruleset allocated from arena; regexes are compiled
 * (the caller frees them through wn_ruleset_release()).  NULL only when
 * out of memory. */
struct wn_ruleset *wn_ruleset_parse(struct wn_arena *arena, const char *path, const char *name,
				    const char *text, size_t len);

/* Frees the compiled regexes of rs (the rest lives in the arena). */
void wn_ruleset_release(struct wn_ruleset *rs);

/* ---- xpath.c ---- */

/* Compiles an XPath 1.0 expression with libxml2.  NULL on a bad one with
 * *err_col (1-based, where libxml2 stopped; 0 if unknown) and msg filled. */
void *wn_rules_xpath_compile(const char *expr, int *err_col, char *msg, size_t msg_size);

/* Frees what wn_rules_xpath_compile() returned; NULL is a no-op. */
void wn_rules_xpath_free(void *comp);

/* Evaluates a compiled XPath on the page (building its libxml2 tree on
 * first use); hits as for wn_rules_select().  WN_ERR_NOMEM at worst. */
enum wn_err wn_rules_xpath_select(struct wn_rules_html *h, void *comp,
				  struct wn_rules_hit **out, size_t *n_out);

/* Frees the page's libxml2 tree, if one was built. */
void wn_rules_xpath_release(struct wn_rules_html *h);

/* ---- css.c ---- */

/* Compiles a CSS selector group into the arena (nothing to free).  NULL on
 * a bad one with *err_col (1-based) and msg filled, or when out of memory
 * (msg then says so). */
void *wn_rules_css_compile(struct wn_arena *arena, const char *sel, int *err_col, char *msg,
			   size_t msg_size);

/* True when element node of doc matches the compiled selector. */
bool wn_rules_css_matches(const void *css, const struct wn_doc *doc, int32_t node);

/* ---- html.c ---- */

/* Per-page evaluation state (struct wn_rules_html of rules.h). */
struct wn_rules_html {
	struct wn_doc *doc;      /* the page */
	void *xdoc;              /* its libxml2 tree (xmlDocPtr), built on first XPath use */
	void *xctx;              /* XPath context over xdoc (xmlXPathContextPtr) */
};

/* ---- regex.c ---- */

/* A regex compiled for rule use: UTF, UCP, multiline, JIT when available.
 * NULL on a bad pattern with *err_col (1-based code point column in the
 * pattern) and msg filled. */
pcre2_code *wn_rules_re_compile(const char *pattern, int *err_col, char *msg, size_t msg_size);

/* Per-call matching state: a match context carrying the match and depth
 * limits and a match data block.  Not shared between threads. */
struct wn_rules_matcher {
	pcre2_match_context *mctx; /* limits; owned */
	pcre2_match_data *md;      /* ovector of the last match; owned */
	bool limit_hit;            /* some match stopped at a limit */
};

enum wn_err wn_rules_matcher_init(struct wn_rules_matcher *m);
void wn_rules_matcher_fini(struct wn_rules_matcher *m);

/* Matches re against s[0..len) from byte start.  Returns true on a match
 * (offsets in m->md); false on no match, and also when a limit or a bad
 * subject stopped the search (m->limit_hit is then set). */
bool wn_rules_re_match(struct wn_rules_matcher *m, const pcre2_code *re, const char *s, size_t len,
		       size_t start, uint32_t options);

/* Group g of the last match: *so, *eo byte offsets; false if it is unset. */
bool wn_rules_re_group(const struct wn_rules_matcher *m, uint32_t g, size_t *so, size_t *eo);

#endif
