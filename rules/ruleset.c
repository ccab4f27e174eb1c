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
#include <strings.h>

#include "../parser/hash.h"
#include "../parser/utf8.h"
#include "internal.h"

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
	{"strip_id_or_class", WN_RULES_SUBSTR},
	{"strip", WN_RULES_XPATH},
	{"test_url", WN_RULES_TEST},
	{"body", WN_RULES_XPATH},
	{"author", WN_RULES_XPATH},
	{"prune", WN_RULES_FLAG},
	{"replace_string", WN_RULES_REWRITE},
	{"title", WN_RULES_XPATH},
	{"date", WN_RULES_XPATH},
	{"find_string", WN_RULES_REWRITE},
	{"tidy", WN_RULES_FLAG},
	{"http_header", WN_RULES_FTR},
	{"test_contains", WN_RULES_TEST},
	{"next_page_link", WN_RULES_XPATH},
	{"single_page_link", WN_RULES_XPATH},
	{"strip_attr", WN_RULES_XPATH},
	{"requires_login", WN_RULES_FLAG},
	{"not_logged_in_xpath", WN_RULES_XPATH},
	{"wrap_in", WN_RULES_XPATH},
	{"insert_detected_image", WN_RULES_FLAG},
	{"convert_double_br_tags", WN_RULES_FLAG},
	{"strip_image_src", WN_RULES_SUBSTR},
	{"native_ad_clue", WN_RULES_XPATH},
	{"dissolve", WN_RULES_XPATH},
	{"skip_json_ld", WN_RULES_FLAG},
	{"autodetect_on_failure", WN_RULES_FLAG},
	{"footnotes", WN_RULES_FTR},
	{"parser", WN_RULES_FTR},
	{"autodetect_next_page", WN_RULES_FLAG},
	{"move_into", WN_RULES_FTR},
	{"if_page_contains", WN_RULES_XPATH},
	{"strip_comments", WN_RULES_FLAG},
	{"skip_id_or_class", WN_RULES_FTR},
	{"src_lazy_load_attr", WN_RULES_FTR},
	{"single_page_link_in_feed", WN_RULES_XPATH},
	{"post_strip_attr", WN_RULES_XPATH},
	{"fingerprint", WN_RULES_FTR},
	/* winnow's CSS forms of the selecting directives. */
	{"body_css", WN_RULES_CSS},
	{"strip_css", WN_RULES_CSS},
	{"title_css", WN_RULES_CSS},
	{"author_css", WN_RULES_CSS},
	{"date_css", WN_RULES_CSS},
	/* winnow's test checks beside test_url and test_contains. */
	{"test_input", WN_RULES_TEST},
	{"test_not_contains", WN_RULES_TEST},
	{"test_title", WN_RULES_TEST},
	{"test_author", WN_RULES_TEST},
	{"test_date", WN_RULES_TEST},
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

/* Edit distance of a and b (both at most 63 bytes; longer gives 99). */
static int wn_ruleset_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];
	if (la > 63 || lb > 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The known directive nearest to name, when it is near enough to be a
 * typo of it (a third of its letters, at least two); else NULL. */
static const char *wn_ruleset_nearest(const char *name)
{
	const char *best = NULL;
	int best_d = 99;
	for (size_t i = 0; i < sizeof(wn_rules_directives) / sizeof(wn_rules_directives[0]); i++) {
		int d = wn_ruleset_distance(name, wn_rules_directives[i].name);
		if (d < best_d) {
			best_d = d;
			best = wn_rules_directives[i].name;
		}
	}
	int limit = (int)strlen(name) / 3;
	return best_d <= (limit < 2 ? 2 : limit) ? best : NULL;
}

/* 1 for yes/true/1, 0 for no/false/0 (any case), -1 for anything else. */
static int wn_ruleset_yes(const char *v)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1"))
		return 1;
	if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0"))
		return 0;
	return -1;
}

/* Warns when r repeats an earlier line exactly, or sets a yes/no flag an
 * earlier line set otherwise.  Tests may repeat checks (two tests can
 * share one), so they are left alone.  False only when out of memory. */
static bool wn_ruleset_dupes(struct wn_ruleset_parser *p, const struct wn_rule *r,
			     enum wn_rules_kind kind)
{
	const struct wn_ruleset *rs = p->rs;
	if (kind == WN_RULES_TEST || kind == WN_RULES_TEXT_REPLACE || kind == WN_RULES_REWRITE)
		return true;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct wn_rule *o = &rs->rules[i];
		if (strcmp(o->name, r->name) || (o->arg == NULL) != (r->arg == NULL) ||
		    (o->arg && strcmp(o->arg, r->arg)))
			continue;
		const char *msg = NULL;
		if (!strcmp(o->value, r->value))
			msg = wn_arena_printf(p->arena, "duplicate of line %d", o->line);
		else if (kind == WN_RULES_FLAG || kind == WN_RULES_SITE_MIN)
			msg = wn_arena_printf(p->arena, "conflicts with line %d (the last one counts)",
					      o->line);
		if (msg)
			return wn_ruleset_problem(p, r->line, 0, false, msg);
	}
	return true;
}

/* Parses one non-blank, non-comment line s[0..len) (trimmed).  Returns
 * false only when out of memory. */
static bool wn_ruleset_line(struct wn_ruleset_parser *p, int line, const char *s, size_t len)
{
	struct wn_arena *a = p->arena;
	struct wn_ruleset *rs = p->rs;
	size_t n = 0;
	/* A value is copied into articles as it is (an XPath string() literal
	 * becomes the author), and articles are UTF-8. */
	if (!wn_utf8_valid(s, len))
		return wn_ruleset_problem(p, line, 0, true, "the line is not valid UTF-8");
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
		const char *near = wn_ruleset_nearest(name);
		const char *msg = near ?
			wn_arena_printf(a, "unknown directive \"%s\" (did you mean \"%s\"?): kept, not used",
					name, near) :
			wn_arena_printf(a, "unknown directive \"%s\": kept, not used", name);
		return msg && wn_ruleset_problem(p, line, 0, false, msg);
	}
	if (!wn_ruleset_dupes(p, r, kind))
		return false;
	if (kind == WN_RULES_XPATH || kind == WN_RULES_CSS) {
		char msg[300];
		int col = 0;
		if (!*r->value)
			return wn_ruleset_problem(p, line, 0, true, "empty selector: line skipped");
		if (kind == WN_RULES_XPATH)
			r->xpath = wn_rules_xpath_compile(r->value, &col, msg, sizeof(msg));
		else
			r->css = wn_rules_css_compile(a, r->value, &col, msg, sizeof(msg));
		rs->n_rules++;
		if (!r->xpath && !r->css) {
			const char *m = wn_arena_strdup(a, msg);
			return m && wn_ruleset_problem(p, line, col, true, m);
		}
		return true;
	}
	if (kind == WN_RULES_FLAG) {
		rs->n_rules++;
		int v = wn_ruleset_yes(r->value);
		if (v < 0)
			return wn_ruleset_problem(p, line, 0, false, "wants yes or no: ignored");
		if (!strcmp(name, "autodetect_on_failure"))
			rs->autodetect = v;
		else if (!strcmp(name, "prune"))
			rs->prune = v;
		return true;
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

/* Groups test_url and the test_ lines after it into rs->tests; a check
 * before any test_url is warned about and left out.  False only when out
 * of memory. */
static bool wn_ruleset_tests(struct wn_ruleset_parser *p)
{
	static const struct {
		const char *name;                /* directive */
		enum wn_rules_check_kind kind;   /* its check */
	} checks[] = {
		{"test_contains", WN_RULES_CHECK_CONTAINS},
		{"test_not_contains", WN_RULES_CHECK_NOT_CONTAINS},
		{"test_title", WN_RULES_CHECK_TITLE},
		{"test_author", WN_RULES_CHECK_AUTHOR},
		{"test_date", WN_RULES_CHECK_DATE},
	};
	struct wn_ruleset *rs = p->rs;
	size_t n_tests = 0;
	for (size_t i = 0; i < rs->n_rules; i++)
		n_tests += !strcmp(rs->rules[i].name, "test_url");
	if (n_tests && !(rs->tests = wn_arena_calloc(p->arena, n_tests, sizeof(*rs->tests))))
		return false;
	struct wn_rules_test *t = NULL;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct wn_rule *r = &rs->rules[i];
		if (!r->known || strncmp(r->name, "test_", 5))
			continue;
		if (!strcmp(r->name, "test_url")) {
			t = &rs->tests[rs->n_tests++];
			t->url = r->value;
			t->line = r->line;
			/* A check per remaining line at most. */
			t->checks = wn_arena_calloc(p->arena, rs->n_rules - i, sizeof(*t->checks));
			if (!t->checks)
				return false;
			continue;
		}
		if (!t) {
			const char *m = wn_arena_printf(p->arena, "%s before any test_url: ignored", r->name);
			if (!m || !wn_ruleset_problem(p, r->line, 0, false, m))
				return false;
			continue;
		}
		if (!strcmp(r->name, "test_input")) {
			if (t->input && !wn_ruleset_problem(p, r->line, 0, false,
							    "second test_input for one test_url: the last counts"))
				return false;
			t->input = r->value;
			continue;
		}
		for (size_t k = 0; k < sizeof(checks) / sizeof(checks[0]); k++) {
			if (strcmp(r->name, checks[k].name))
				continue;
			t->checks[t->n_checks++] = (struct wn_rules_check){
				.kind = checks[k].kind, .directive = r->name, .want = r->value,
				.line = r->line};
		}
	}
	return true;
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
	rs->autodetect = true;
	rs->prune = true;
	if (!(rs->hash = wn_arena_printf(arena, "%016llx", (unsigned long long)wn_hash(text, len))))
		return NULL;

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
	if (!wn_ruleset_tests(&p))
		goto nomem;
	/* Those last warnings may belong earlier: keep problems in line order. */
	for (size_t k = 1; k < rs->n_problems; k++) {
		for (size_t i = k; i > 0 && rs->problems[i].line < rs->problems[i - 1].line; i--) {
			struct wn_rules_problem t = rs->problems[i];
			rs->problems[i] = rs->problems[i - 1];
			rs->problems[i - 1] = t;
		}
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
		wn_rules_xpath_free(rs->rules[i].xpath);
		rs->rules[i].xpath = NULL;
	}
}

void wn_ruleset_summary(const struct wn_ruleset *rs, struct wn_rules_summary *out)
{
	memset(out, 0, sizeof(*out));
	out->directives = rs->n_rules;
	out->tests = rs->n_tests;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct wn_rule *r = &rs->rules[i];
		if (!r->known)
			out->unknown++;
		else if (!strncmp(r->name, "text_", 5))
			out->text++;
		else if (strncmp(r->name, "test_", 5))
			out->html++;
	}
	for (size_t i = 0; i < rs->n_problems; i++) {
		if (rs->problems[i].error)
			out->errors++;
		else
			out->warnings++;
	}
}

const struct wn_rules_problem *wn_ruleset_first_error(const struct wn_ruleset *rs)
{
	for (size_t i = 0; i < rs->n_problems; i++)
		if (rs->problems[i].error)
			return &rs->problems[i];
	return NULL;
}

const char *wn_ruleset_test_input(struct wn_arena *arena, const struct wn_ruleset *rs,
				  const struct wn_rules_test *t)
{
	if (!t->input)
		return NULL;
	const char *slash = strrchr(rs->path, '/');
	if (t->input[0] == '/' || !slash)
		return wn_arena_strdup(arena, t->input);
	return wn_arena_printf(arena, "%.*s/%s", (int)(slash - rs->path), rs->path, t->input);
}
