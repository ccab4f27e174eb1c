/* ruleset.c -- one rule file: lines to directives, with problems.
 *
 * The grammar is ftr-site-config's: `directive: value` lines, `#` comment
 * lines and blank lines.  A line splits at its first ':' -- except the
 * `name(arg): value` form (replace_string(FIND): REPL, http_header(h): v,
 * wrap_in(tag): xpath), whose arg runs to the first "):" so FIND may hold
 * colons and parentheses.  Nothing in a file is fatal: a broken line is
 * recorded as an error problem and skipped, an unknown directive is kept
 * with a warning, so one typo never loses a whole site.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../parser/utf8.h"

static const struct {
	const char *name;        /* directive name, lower-case */
	enum wn_rules_kind kind; /* what it does */
} wn_rules_directives[] = {
	/* winnow's text directives. */
	{"text_find", WN_RULES_TEXT_FIND},
	{"text_replace", WN_RULES_TEXT_REPLACE},
	{"text_keep_after", WN_RULES_KEEP_AFTER},
	{"text_keep_before", WN_RULES_KEEP_BEFORE},
	{"text_drop_from", WN_RULES_DROP_FROM},
	{"text_drop_until", WN_RULES_DROP_UNTIL},
	{"text_drop_line", WN_RULES_DROP_LINE},
	{"text_title", WN_RULES_META},
	{"text_author", WN_RULES_META},
	{"text_date", WN_RULES_META},
	{"text_section", WN_RULES_META},
	{"text_lead", WN_RULES_META},
	{"text_credit", WN_RULES_META},
	{"text_source", WN_RULES_META},
	{"text_site_match", WN_RULES_SITE_MATCH},
	{"text_site_min", WN_RULES_SITE_MIN},
	/* ftr-site-config's directives (by use count in its 2,040 files);
	 * login_* is matched by prefix below. */
	{"strip_id_or_class", WN_RULES_FTR},
	{"strip", WN_RULES_FTR},
	{"test_url", WN_RULES_FTR},
	{"body", WN_RULES_FTR},
	{"author", WN_RULES_FTR},
	{"prune", WN_RULES_FTR},
	{"replace_string", WN_RULES_FTR},
	{"title", WN_RULES_FTR},
	{"date", WN_RULES_FTR},
	{"find_string", WN_RULES_FTR},
	{"tidy", WN_RULES_FTR},
	{"http_header", WN_RULES_FTR},
	{"test_contains", WN_RULES_FTR},
	{"next_page_link", WN_RULES_FTR},
	{"single_page_link", WN_RULES_FTR},
	{"strip_attr", WN_RULES_FTR},
	{"requires_login", WN_RULES_FTR},
	{"not_logged_in_xpath", WN_RULES_FTR},
	{"wrap_in", WN_RULES_FTR},
	{"insert_detected_image", WN_RULES_FTR},
	{"convert_double_br_tags", WN_RULES_FTR},
	{"strip_image_src", WN_RULES_FTR},
	{"native_ad_clue", WN_RULES_FTR},
	{"dissolve", WN_RULES_FTR},
	{"skip_json_ld", WN_RULES_FTR},
	{"autodetect_on_failure", WN_RULES_FTR},
	{"footnotes", WN_RULES_FTR},
	{"parser", WN_RULES_FTR},
	{"autodetect_next_page", WN_RULES_FTR},
	{"move_into", WN_RULES_FTR},
	{"if_page_contains", WN_RULES_FTR},
	{"strip_comments", WN_RULES_FTR},
	{"skip_id_or_class", WN_RULES_FTR},
	{"src_lazy_load_attr", WN_RULES_FTR},
	{"single_page_link_in_feed", WN_RULES_FTR},
	{"post_strip_attr", WN_RULES_FTR},
	{"fingerprint", WN_RULES_FTR},
};

enum wn_rules_kind wn_rules_kind_of(const char *name)
{
	for (size_t i = 0; i < sizeof(wn_rules_directives) / sizeof(wn_rules_directives[0]); i++)
		if (strcmp(name, wn_rules_directives[i].name) == 0)
			return wn_rules_directives[i].kind;
	if (strncmp(name, "login_", 6) == 0)
		return WN_RULES_FTR;
	return WN_RULES_UNKNOWN;
}

bool wn_rules_kind_is_regex(enum wn_rules_kind kind)
{
	switch (kind) {
	case WN_RULES_TEXT_FIND:
	case WN_RULES_KEEP_AFTER:
	case WN_RULES_KEEP_BEFORE:
	case WN_RULES_DROP_FROM:
	case WN_RULES_DROP_UNTIL:
	case WN_RULES_DROP_LINE:
	case WN_RULES_META:
	case WN_RULES_SITE_MATCH:
		return true;
	default:
		return false;
	}
}

/* Parsing state of one file. */
struct wn_ruleset_parser {
	struct wn_arena *arena;  /* where everything goes */
	struct wn_ruleset *rs;   /* the file being built */
	size_t cap_problems;     /* allocated entries of rs->problems */
	int find_line;           /* line of the last text_find, 0 if none */
	bool find_paired;        /* it already has its text_replace */
	int from_line;           /* line of the last text_drop_from, 0 if none */
	bool from_paired;        /* it already has its text_drop_until */
	bool has_site_match;     /* some text_site_match was seen */
	int site_min_line;       /* line of text_site_min, 0 if none */
};

/* Records a problem; false when out of memory. */
static bool wn_ruleset_problem(struct wn_ruleset_parser *p, int line, int column, bool error,
			       const char *message)
{
	struct wn_ruleset *rs = p->rs;
	if (rs->n_problems == p->cap_problems) {
		size_t cap = p->cap_problems ? 2 * p->cap_problems : 4;
		void *n = wn_arena_realloc(p->arena, rs->problems,
					   p->cap_problems * sizeof(*rs->problems),
					   cap * sizeof(*rs->problems));
		if (!n)
			return false;
		rs->problems = n;
		p->cap_problems = cap;
	}
	rs->problems[rs->n_problems++] = (struct wn_rules_problem){
		.line = line, .column = column, .error = error, .message = message};
	if (error)
		rs->has_errors = true;
	return true;
}

/* Checks how a text_ directive pairs with its neighbours and records its
 * effect on the file (site_min).  Returns false only when out of memory. */
static bool wn_ruleset_check(struct wn_ruleset_parser *p, struct wn_rule *r,
			     enum wn_rules_kind kind)
{
	struct wn_arena *a = p->arena;
	const char *msg = NULL;
	bool error = false;
	switch (kind) {
	case WN_RULES_TEXT_FIND:
		p->find_line = r->line;
		p->find_paired = false;
		break;
	case WN_RULES_TEXT_REPLACE:
		if (!p->find_line)
			msg = "text_replace without a text_find before it: ignored";
		else if (p->find_paired)
			msg = wn_arena_printf(a, "second text_replace for the text_find of line %d: ignored",
					      p->find_line);
		p->find_paired = true;
		break;
	case WN_RULES_DROP_FROM:
		p->from_line = r->line;
		p->from_paired = false;
		break;
	case WN_RULES_DROP_UNTIL:
		if (!p->from_line)
			msg = "text_drop_until without a text_drop_from before it: ignored";
		else if (p->from_paired)
			msg = wn_arena_printf(a, "second text_drop_until for the text_drop_from of line %d: ignored",
					      p->from_line);
		p->from_paired = true;
		break;
	case WN_RULES_SITE_MATCH:
		p->has_site_match = true;
		break;
	case WN_RULES_SITE_MIN: {
		char *end;
		long v = strtol(r->value, &end, 10);
		if (end == r->value || *end || v < 1 || v > 1000) {
			msg = "text_site_min wants a whole number from 1 to 1000";
			error = true;
		} else {
			p->rs->site_min = (int)v;
			p->site_min_line = r->line;
		}
		break;
	}
	default:
		break;
	}
	if (!msg)
		return true;
	return wn_ruleset_problem(p, r->line, 0, error, msg);
}

/* Parses one non-blank, non-comment line s[0..len) (trimmed).  Returns
 * false only when out of memory. */
static bool wn_ruleset_line(struct wn_ruleset_parser *p, int line, const char *s, size_t len)
{
	struct wn_arena *a = p->arena;
	struct wn_ruleset *rs = p->rs;
	size_t n = 0;
	while (n < len && (s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
			   (s[n] >= '0' && s[n] <= '9')))
		n++;
	const char *arg = NULL;
	size_t arg_len = 0, i = n;
	if (n && i < len && s[i] == '(') {
		/* FIND may itself contain ':' and ')': it ends at "):". */
		const char *end = memmem(s + i + 1, len - i - 1, "):", 2);
		if (!end)
			return wn_ruleset_problem(p, line, (int)wn_utf8_count(s, len), true,
						  "missing \"):\" after the directive's argument");
		arg = s + i + 1;
		arg_len = (size_t)(end - arg);
		i = (size_t)(end - s) + 1;
	}
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (!n || i >= len || s[i] != ':')
		return wn_ruleset_problem(p, line, (int)wn_utf8_count(s, i) + 1, true,
					  "not a \"directive: value\" line");

	/* rs->rules has a slot per line of the file. */
	struct wn_rule *r = &rs->rules[rs->n_rules];
	char *name = wn_arena_strndup(a, s, n);
	size_t vlen = len - i - 1;
	const char *v = wn_utf8_trim(s + i + 1, &vlen);
	r->value = wn_arena_strndup(a, v, vlen);
	r->arg = arg ? wn_arena_strndup(a, arg, arg_len) : NULL;
	if (!name || !r->value || (arg && !r->arg))
		return false;
	for (char *c = name; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	r->name = name;
	r->line = line;
	r->re = NULL;

	enum wn_rules_kind kind = wn_rules_kind_of(name);
	r->known = kind != WN_RULES_UNKNOWN;
	if (!r->known) {
		rs->n_rules++;
		const char *msg = wn_arena_printf(a, "unknown directive \"%s\": kept, not used", name);
		return msg && wn_ruleset_problem(p, line, 0, false, msg);
	}
	if (wn_rules_kind_is_regex(kind) && !(kind == WN_RULES_DROP_UNTIL && strcmp(r->value, "$") == 0)) {
		char msg[300];
		int col = 0;
		if (!*r->value)
			return wn_ruleset_problem(p, line, 0, true, "empty regex: line skipped");
		r->re = wn_rules_re_compile(r->value, &col, msg, sizeof(msg));
		if (!r->re) {
			/* Kept without its regex, so a text_replace after a
			 * broken text_find still pairs with it (and is skipped). */
			rs->n_rules++;
			const char *m = wn_arena_strdup(a, msg);
			return m && wn_ruleset_problem(p, line, col, true, m);
		}
	}
	rs->n_rules++;
	return wn_ruleset_check(p, r, kind);
}

struct wn_ruleset *wn_ruleset_parse(struct wn_arena *arena, const char *path, const char *name,
				    const char *text, size_t len)
{
	struct wn_ruleset_parser p = {.arena = arena};
	struct wn_ruleset *rs = wn_arena_calloc(arena, 1, sizeof(*rs));
	if (!rs)
		return NULL;
	p.rs = rs;
	rs->path = wn_arena_strdup(arena, path ? path : "<inline>");
	rs->name = wn_arena_strdup(arena, name);
	size_t nlen = strlen(name);
	if (nlen > 4 && strcmp(name + nlen - 4, ".txt") == 0)
		nlen -= 4;
	char *host = wn_arena_strndup(arena, name, nlen);
	if (!rs->path || !rs->name || !host)
		return NULL;
	for (char *c = host; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	rs->host = host;
	rs->subdomains_only = host[0] == '.';
	rs->site_min = 1;

	/* At most one directive per line. */
	size_t n_lines = 1;
	for (const char *c = text; (c = memchr(c, '\n', (size_t)(text + len - c))); c++)
		n_lines++;
	rs->rules = wn_arena_calloc(arena, n_lines, sizeof(*rs->rules));
	if (!rs->rules)
		return NULL;

	size_t off = 0;
	for (int line = 1; off <= len; line++) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t l = end - off;
		const char *s = wn_utf8_trim(text + off, &l);
		if (l && s[0] != '#' && !wn_ruleset_line(&p, line, s, l))
			goto nomem;
		off = end + 1;
	}
	if (p.site_min_line && !p.has_site_match &&
	    !wn_ruleset_problem(&p, p.site_min_line, 0, false,
				"text_site_min without any text_site_match: ignored"))
		goto nomem;
	/* That last warning may belong earlier: keep problems in line order. */
	for (size_t i = rs->n_problems; i > 1 && rs->problems[i - 1].line < rs->problems[i - 2].line; i--) {
		struct wn_rules_problem t = rs->problems[i - 1];
		rs->problems[i - 1] = rs->problems[i - 2];
		rs->problems[i - 2] = t;
	}
	return rs;
nomem:
	wn_ruleset_release(rs);
	return NULL;
}

void wn_ruleset_release(struct wn_ruleset *rs)
{
	for (size_t i = 0; i < rs->n_rules; i++) {
		pcre2_code_free(rs->rules[i].re);
		rs->rules[i].re = NULL;
	}
}
