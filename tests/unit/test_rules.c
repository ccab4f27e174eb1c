/* test_rules.c -- rule files: format, host and text matching, text rules,
 * HTML directives (lint, XPath, CSS, substring tests, rewrites), embedded
 * tests, the bundled site rules against the seeds and hand-made variants,
 * and a load of the whole ftr-site-config.
 *
 * Paths come from the environment (set in tests/meson.build):
 * WN_SOURCE_DIR is the repository, WN_SHARED_DIR is ../shared.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "rules.h"
#include "wn_test.h"

/* What note() was told. */
struct notes {
	int n;              /* calls */
	int n_empty;        /* calls with len 0 (anchor not found, limit hit) */
	char last[256];     /* the last reason */
	char removed[1024]; /* removed texts, concatenated with '|' */
};

static void note_cb(void *ctx, const char *removed, size_t len, const char *reason)
{
	struct notes *n = ctx;
	n->n++;
	if (!len)
		n->n_empty++;
	snprintf(n->last, sizeof(n->last), "%s", reason);
	size_t o = strlen(n->removed);
	snprintf(n->removed + o, sizeof(n->removed) - o, "%.*s|", (int)len, removed);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A whole file, malloc'd and NUL-terminated; NULL if unreadable. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = (size_t)n;
	}
	return buf;
}

static const char *env_dir(const char *name, const char *fallback)
{
	const char *v = getenv(name);
	return v && *v ? v : fallback;
}

/* One rule file from a string. */
static const struct wn_ruleset *add(struct wn_rules *rules, const char *name, const char *text)
{
	struct wn_ruleset *rs = NULL;
	CHECK(wn_rules_add_text(rules, NULL, name, text, strlen(text), &rs) == WN_OK);
	return rs;
}

/* rewrite + parse_text + apply_text, as extract runs them. */
static struct wn_doc *run(const struct wn_ruleset *rs, struct wn_arena *a, const char *text,
			  struct wn_rules_fields *f, struct notes *n)
{
	char *t;
	size_t tl;
	struct wn_doc *doc = NULL;
	CHECK(wn_rules_text_rewrite(rs, a, text, strlen(text), &t, &tl, note_cb, n) == WN_OK);
	CHECK(wn_parser_parse_text(a, t, tl, &doc) == WN_OK);
	if (!doc)
		return NULL;
	CHECK(wn_rules_apply_text(rs, doc, f, note_cb, n) == WN_OK);
	return doc;
}

/* The kept lines, trimmed, joined by '|', into buf. */
static const char *kept(const struct wn_doc *doc, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; doc && i < doc->n_lines; i++) {
		const struct wn_line *l = &doc->lines[i];
		if (l->removed_by || l->block < 0)
			continue;
		o += (size_t)snprintf(buf + o, size - o, "%s%.*s", o ? "|" : "", (int)l->len,
				      doc->text + l->off);
		if (o >= size)
			break;
	}
	return buf;
}

/* Paragraphs as extract makes them: per block, its kept lines (trimmed)
 * joined by '\n'.  Returned as a JSON array of strings. */
static json_t *paragraphs(const struct wn_doc *doc)
{
	json_t *arr = json_array();
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		char buf[65536];
		size_t o = 0;
		for (int32_t k = 0; k < blk->n_lines; k++) {
			const struct wn_line *l = &doc->lines[blk->first_line + k];
			if (l->removed_by)
				continue;
			size_t len = l->len;
			const char *s = doc->text + l->off;
			while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
				len--;
			while (len && (*s == ' ' || *s == '\t')) {
				s++;
				len--;
			}
			if (o + len + 2 >= sizeof(buf))
				break;
			if (o)
				buf[o++] = '\n';
			memcpy(buf + o, s, len);
			o += len;
		}
		if (o)
			json_array_append_new(arr, json_stringn(buf, o));
	}
	return arr;
}

static void test_format(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "Example.com.txt",
		"# a comment\n"
		"\n"
		"  # an indented comment\n"
		"Body: //div[@id='main']\r\n"
		"replace_string(<a href=\"x:y\">(1)): <b>: ok\n"
		"http_header(user-agent): Mozilla/5.0\n"
		"frobnicate: 1\n"
		"text_drop_line: ^Share(\n"
		"text_drop_line: ^Ok$\n"
		"no colon here\n"
		"text_replace: x\n"
		"text_site_min: many\n"
		"login_uri: https://example.com/login\n");
	CHECK(rs != NULL);
	if (!rs)
		goto out;
	CHECK_STR(rs->host, "example.com");
	CHECK(!rs->subdomains_only);
	CHECK(rs->n_rules == 9);
	CHECK_STR(rs->rules[0].name, "body");
	CHECK_STR(rs->rules[0].value, "//div[@id='main']");
	CHECK(rs->rules[0].line == 4 && rs->rules[0].known);
	CHECK_STR(rs->rules[1].name, "replace_string");
	CHECK_STR(rs->rules[1].arg, "<a href=\"x:y\">(1)");
	CHECK_STR(rs->rules[1].value, "<b>: ok");
	CHECK_STR(rs->rules[2].arg, "user-agent");
	CHECK_STR(rs->rules[2].value, "Mozilla/5.0");
	CHECK_STR(rs->rules[3].name, "frobnicate");
	CHECK(!rs->rules[3].known);
	CHECK(rs->rules[4].re == NULL && rs->rules[5].re != NULL);
	/* A bad text_site_min is kept but sets nothing. */
	CHECK_STR(rs->rules[7].name, "text_site_min");
	CHECK_STR(rs->rules[8].name, "login_uri");
	CHECK(rs->rules[8].known);
	CHECK(rs->has_errors);
	/* frobnicate (warning), the bad regex (error with its column), no
	 * colon (error), the lone text_replace (warning), site_min (error). */
	CHECK(rs->n_problems == 5);
	if (rs->n_problems == 5) {
		CHECK(rs->problems[0].line == 7 && !rs->problems[0].error);
		CHECK(rs->problems[1].line == 8 && rs->problems[1].error);
		/* "^Share(": pcre2 reports the end of the pattern. */
		CHECK(rs->problems[1].column == 8);
		CHECK(strstr(rs->problems[1].message, "bad regex") != NULL);
		CHECK(rs->problems[2].line == 10 && rs->problems[2].error);
		CHECK(rs->problems[3].line == 11 && !rs->problems[3].error);
		CHECK(rs->problems[4].line == 12 && rs->problems[4].error);
	}
	CHECK(rs->site_min == 1);

	/* A column counts characters, not bytes. */
	rs = add(rules, ".example.org.txt", "text_title: ^Заголовок(?<x\n");
	CHECK(rs && rs->subdomains_only);
	CHECK_STR(rs ? rs->host : NULL, ".example.org");
	CHECK(rs && rs->n_problems == 1 && rs->problems[0].column > 10 &&
	      rs->problems[0].column < 16);
	CHECK(wn_rules_count(rules) == 2);
	CHECK(wn_rules_get(rules, 2) == NULL);
out:
	wn_rules_free(rules);
}

static void test_host_match(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *ex = add(rules, "example.com.txt", "title: //h1\n");
	const struct wn_ruleset *b = add(rules, "b.example.com.txt", "title: //h2\n");
	const struct wn_ruleset *dot = add(rules, ".blog.org.txt", "title: //h3\n");
	const struct wn_ruleset *blog = add(rules, "www.blog.org.txt", "title: //h4\n");
	CHECK(wn_rules_match(rules, "https://example.com/a", NULL, 0) == ex);
	CHECK(wn_rules_match(rules, "http://WWW.Example.COM:8080/a?b#c", NULL, 0) == ex);
	CHECK(wn_rules_match(rules, "https://user:pw@news.example.com/", NULL, 0) == ex);
	CHECK(wn_rules_match(rules, "https://b.example.com/", NULL, 0) == b);
	CHECK(wn_rules_match(rules, "https://a.b.example.com/", NULL, 0) == b);
	CHECK(wn_rules_match(rules, "https://x.blog.org/p", NULL, 0) == dot);
	CHECK(wn_rules_match(rules, "https://y.x.blog.org/p", NULL, 0) == dot);
	CHECK(wn_rules_match(rules, "https://www.blog.org/p", NULL, 0) == blog);
	CHECK(wn_rules_match(rules, "https://blog.org/p", NULL, 0) == NULL);
	CHECK(wn_rules_match(rules, "https://example.net/", NULL, 0) == NULL);
	CHECK(wn_rules_match(rules, "https://com/", NULL, 0) == NULL);
	CHECK(wn_rules_match(rules, "", NULL, 0) == NULL);
	CHECK(wn_rules_match(rules, NULL, NULL, 0) == NULL);

	struct wn_arena *a = wn_arena_new(0);
	CHECK_STR(wn_rules_url_host(a, "https://www.A.com/x"), "www.a.com");
	CHECK_STR(wn_rules_url_host(a, "//cdn.a.com"), "cdn.a.com");
	CHECK_STR(wn_rules_url_host(a, "a.com/x"), "a.com");
	CHECK_STR(wn_rules_url_host(a, "http://[::1]:80/"), "[::1]");
	CHECK_STR(wn_rules_url_host(a, "http://a.com./"), "a.com");
	CHECK(wn_rules_url_host(a, "https:///x") == NULL);
	CHECK(wn_rules_url_host(a, NULL) == NULL);
	wn_arena_free(a);
	wn_rules_free(rules);
}

static void test_fingerprint(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *one = add(rules, "one.com.txt",
		"text_site_match: ^Alpha$\ntext_site_match: ^Beta$\n");
	const struct wn_ruleset *two = add(rules, "two.com.txt",
		"text_site_match: ^Alpha$\ntext_site_match: ^Gamma$\ntext_site_match: ^Delta$\n"
		"text_site_min: 2\n");
	add(rules, "plain.com.txt", "body: //article\n");
	const char *t1 = "Alpha\nBeta\n";
	const char *t2 = "Alpha\nGamma\nDelta\n";
	const char *t3 = "Gamma\nnothing\n";
	CHECK(wn_rules_match(rules, NULL, t1, strlen(t1)) == one);
	CHECK(wn_rules_match(rules, NULL, t2, strlen(t2)) == two);
	/* Gamma alone is under two's minimum; one does not match at all. */
	CHECK(wn_rules_match(rules, NULL, t3, strlen(t3)) == NULL);
	/* A host with no file falls back to the text. */
	CHECK(wn_rules_match(rules, "https://unknown.org/", t2, strlen(t2)) == two);
	/* A host with a file wins over the text. */
	CHECK(wn_rules_match(rules, "https://one.com/", t2, strlen(t2)) == one);
	CHECK(wn_rules_match(rules, NULL, NULL, 0) == NULL);
	CHECK(wn_rules_match(rules, NULL, "\xff\xfe", 2) == NULL);
	wn_rules_free(rules);
}

static void test_text_find_replace(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "t.com.txt",
		"text_find: (\\d+) apples\n"
		"text_replace: $1 pears\n"
		"text_find: ^Junk.*\\n\n"
		"text_find: x{0}\n"
		"text_replace: \n"
		"text_find: «\\h\n"
		"text_replace: «\n");
	struct wn_arena *a = wn_arena_new(0);
	struct notes n = {0};
	char *out;
	size_t len;
	const char *in = "2 apples and 3 apples\nJunk line\n« quoted\n";
	CHECK(wn_rules_text_rewrite(rs, a, in, strlen(in), &out, &len, note_cb, &n) == WN_OK);
	CHECK_STR(out, "2 pears and 3 pears\n«quoted\n");
	CHECK(len == strlen("2 pears and 3 pears\n«quoted\n"));
	CHECK(n.n == 4);
	CHECK_STR(n.removed, "2 apples|3 apples|Junk line\n|« |");
	CHECK(strstr(n.last, "t.com.txt:7 text_replace") != NULL);

	/* Nothing matched: the input itself comes back. */
	const char *plain = "nothing here";
	CHECK(wn_rules_text_rewrite(rs, a, plain, strlen(plain), &out, &len, NULL, NULL) == WN_OK);
	CHECK(out == plain && len == strlen(plain));
	/* No rules at all. */
	CHECK(wn_rules_text_rewrite(NULL, a, plain, strlen(plain), &out, &len, NULL, NULL) == WN_OK);
	CHECK(out == plain);
	wn_arena_free(a);
	wn_rules_free(rules);
}

static void test_keep_after_before(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "k.com.txt",
		"text_keep_after: ^Menu end$\n"
		"text_keep_before: ^Footer$\n"
		"text_keep_before: ^Never there$\n");
	struct wn_arena *a = wn_arena_new(0);
	struct notes n = {0};
	char buf[1024];
	/* keep_before searches after the keep_after anchor only. */
	struct wn_doc *doc = run(rs, a, "Footer\nMenu end\n\nBody one\n\nBody two\n  Footer  \nx\n", NULL, &n);
	CHECK_STR(kept(doc, buf, sizeof(buf)), "Body one|Body two");
	CHECK(doc && doc->lines[0].removed_by && strcmp(doc->lines[0].removed_by, "k.com.txt:1 text_keep_after") == 0);
	CHECK(doc && doc->lines[6].removed_by && strcmp(doc->lines[6].removed_by, "k.com.txt:2 text_keep_before") == 0);
	CHECK(n.n == 1 && n.n_empty == 1);
	CHECK_STR(n.last, "k.com.txt:3 text_keep_before");
	/* The first block lost every line, so the block goes too. */
	CHECK(doc && doc->blocks[0].removed_by != NULL && doc->blocks[1].removed_by == NULL);

	/* Missing anchors remove nothing. */
	memset(&n, 0, sizeof(n));
	doc = run(rs, a, "a\nb\n", NULL, &n);
	CHECK_STR(kept(doc, buf, sizeof(buf)), "a|b");
	CHECK(n.n == 3 && n.n_empty == 3);
	wn_arena_free(a);
	wn_rules_free(rules);
}

static void test_drop(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "d.com.txt",
		"text_drop_from: ^Related$\n"
		"text_drop_until: ^End related$\n"
		"text_drop_from: ^Ad$\n"
		"text_drop_from: ^Comments$\n"
		"text_drop_until: $\n"
		"text_drop_line: ^Share\\b\n");
	struct wn_arena *a = wn_arena_new(0);
	struct notes n = {0};
	char buf[1024];
	struct wn_doc *doc = run(rs, a,
		"p1\nRelated\nr1\nEnd related\np2\nAd\np3\nShare this\n\nRelated\nr2\nEnd related\n"
		"p4\nRelated\np5\nComments\nc1\n\nc2\n", NULL, &n);
	/* Every occurrence; an until that never comes drops the from line only. */
	CHECK_STR(kept(doc, buf, sizeof(buf)), "p1|p2|p3|p4|p5");
	CHECK(n.n == 1 && n.n_empty == 1);
	CHECK_STR(n.last, "d.com.txt:2 text_drop_until");
	CHECK(doc && doc->lines[16].removed_by && strcmp(doc->lines[16].removed_by, "d.com.txt:4 text_drop_from") == 0);
	wn_arena_free(a);
	wn_rules_free(rules);
}

static void test_meta(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "m.com.txt",
		"text_title: ^Title: (.+)$\n"
		"text_author: ^By\\n\\s*\\n(.+)$\n"
		"text_date: ^Nope (.+)$\n"
		"text_date: ^(\\d{4}-\\d\\d-\\d\\d)\\b\n"
		"text_lead: ^Lead:\\h*((?:.+\\n)+)\\n\n"
		"text_section: ^Section$\n"
		"text_credit: ^Photo:(\\h*)$\n");
	struct wn_arena *a = wn_arena_new(0);
	struct notes n = {0};
	struct wn_rules_fields f;
	char buf[1024];
	struct wn_doc *doc = run(rs, a,
		"Title:  A headline  \n2024-05-01 Moscow\n\nLead: one\ntwo\n\nBody\n\nBy\n\nJane Roe\nPhoto:\n",
		&f, &n);
	CHECK_STR(f.title, "A headline");
	CHECK_STR(f.date_raw, "2024-05-01");
	CHECK_STR(f.author, "Jane Roe");
	CHECK_STR(f.lead, "one\ntwo");
	CHECK_STR(f.section, NULL);
	CHECK_STR(f.credit, NULL);
	CHECK_STR(f.source, NULL);
	/* The date line goes whole; the lead's two lines go; "By" stays. */
	CHECK_STR(kept(doc, buf, sizeof(buf)), "Body|By|Photo:");
	CHECK(doc && doc->lines[3].removed_by && strcmp(doc->lines[3].removed_by, "m.com.txt:5 text_lead") == 0);
	/* Nope and section (absent) are reported; credit captured only spaces,
	 * which is no value. */
	CHECK(n.n_empty == 2);
	wn_arena_free(a);
	wn_rules_free(rules);
}

static void test_regex_limit(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "slow.com.txt",
		"text_title: ^(a|aa)+$\n"
		"text_drop_line: ^(\\w+\\s?)*$\n"
		"text_find: (x+x+)+[^x\\n]\n"
		"text_drop_line: ^keep not$\n");
	CHECK(rs && !rs->has_errors);
	char text[4096];
	size_t o = 0;
	for (int line = 0; line < 3; line++) {
		for (int i = 0; i < 60; i++)
			text[o++] = 'a';
		text[o++] = '!';
		text[o++] = '\n';
	}
	for (int i = 0; i < 60; i++)
		text[o++] = 'x';
	text[o++] = '\n';
	memcpy(text + o, "keep not\n", 10);
	struct wn_arena *a = wn_arena_new(0);
	struct notes n = {0};
	struct wn_rules_fields f;
	char buf[1024];
	double t0 = now();
	struct wn_doc *doc = run(rs, a, text, &f, &n);
	double dt = now() - t0;
	CHECK(dt < 2.0);
	CHECK(f.title == NULL);
	CHECK(n.n_empty >= 3);
	/* The other directives still ran. */
	CHECK(doc && doc->lines[4].removed_by != NULL);
	CHECK(strstr(kept(doc, buf, sizeof(buf)), "keep not") == NULL);
	printf("regex limit: 3 catastrophic patterns stopped in %.3f s\n", dt);
	wn_arena_free(a);
	wn_rules_free(rules);
}

/* Problem k of rs is at line/column and its message holds msg. */
static void check_problem(const struct wn_ruleset *rs, size_t k, int line, int column, bool error,
			  const char *msg)
{
	CHECK(k < rs->n_problems);
	if (k >= rs->n_problems)
		return;
	const struct wn_rules_problem *p = &rs->problems[k];
	if (p->line != line || p->column != column || p->error != error || !strstr(p->message, msg))
		fprintf(stderr, "problem %zu: %d:%d %s %s\n", k, p->line, p->column,
			p->error ? "error" : "warning", p->message);
	CHECK(p->line == line);
	CHECK(p->column == column);
	CHECK(p->error == error);
	CHECK(strstr(p->message, msg) != NULL);
}

static void test_html_lint(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "example.com.txt",
		"body: //div[@class='x'\n"          /* 1: bad XPath */
		"titel: //h1\n"                      /* 2: unknown, near "title" */
		"strip: //aside\n"                   /* 3 */
		"strip: //aside\n"                   /* 4: duplicate */
		"prune: no\n"                        /* 5 */
		"prune: yes\n"                       /* 6: conflict */
		"body_css: div > p:hover\n"          /* 7: bad CSS at column 8 */
		"tidy: perhaps\n"                    /* 8: not yes/no */
		"test_contains: early\n"             /* 9: before any test_url */
		"test_url: https://example.com/a\n"  /* 10 */
		"test_input: tests/a.html\n"         /* 11 */
		"test_contains: needle\n"            /* 12 */
		"test_title: A title\n"              /* 13 */
		"test_url: https://example.com/b\n"  /* 14 */
		"test_not_contains: hay\n"           /* 15 */
		"frobnicate_everything: 1\n"         /* 16: unknown, nothing near */
		"autodetect_on_failure: no\n");      /* 17 */
	if (!rs)
		goto out;
	for (size_t k = 0; k < rs->n_problems; k++)
		printf("  lint %d:%d %s\n", rs->problems[k].line, rs->problems[k].column,
		       rs->problems[k].message);
	CHECK(rs->n_problems == 8);
	check_problem(rs, 0, 1, 17, true, "bad XPath");
	check_problem(rs, 1, 2, 0, false, "did you mean \"title\"");
	check_problem(rs, 2, 4, 0, false, "duplicate of line 3");
	check_problem(rs, 3, 6, 0, false, "conflicts with line 5");
	check_problem(rs, 4, 7, 8, true, "unsupported pseudo-class");
	check_problem(rs, 5, 8, 0, false, "yes or no");
	check_problem(rs, 6, 9, 0, false, "before any test_url");
	check_problem(rs, 7, 16, 0, false, "unknown directive \"frobnicate_everything\": kept");
	CHECK(rs->has_errors);
	const struct wn_rules_problem *first = wn_ruleset_first_error(rs);
	CHECK(first && first->line == 1);
	CHECK(rs->prune);
	CHECK(!rs->autodetect);

	CHECK(rs->n_tests == 2);
	if (rs->n_tests == 2) {
		CHECK_STR(rs->tests[0].url, "https://example.com/a");
		CHECK_STR(rs->tests[0].input, "tests/a.html");
		CHECK(rs->tests[0].n_checks == 2);
		CHECK(rs->tests[0].checks[0].kind == WN_RULES_CHECK_CONTAINS);
		CHECK_STR(rs->tests[0].checks[1].want, "A title");
		CHECK(rs->tests[0].checks[1].line == 13);
		CHECK(rs->tests[1].input == NULL);
		CHECK(rs->tests[1].n_checks == 1);
		CHECK(rs->tests[1].checks[0].kind == WN_RULES_CHECK_NOT_CONTAINS);
	}
	struct wn_rules_summary sum;
	wn_ruleset_summary(rs, &sum);
	CHECK(sum.tests == 2);
	CHECK(sum.unknown == 2);
	CHECK(sum.errors == 2);
	CHECK(sum.warnings == 6);
	CHECK(sum.html == 8);
	CHECK(sum.text == 0);
	CHECK(rs->hash && strlen(rs->hash) == 16 && strspn(rs->hash, "0123456789abcdef") == 16);

	/* The hash follows the bytes; test_input follows the file's place. */
	const struct wn_ruleset *rs2 = add(rules, "b.example.txt", "body: //article\n");
	const struct wn_ruleset *rs3 = add(rules, "c.example.txt", "body: //article \n");
	CHECK(rs2 && rs3 && strcmp(rs2->hash, rs3->hash) != 0);
	CHECK(rs2 && !rs2->has_errors && wn_ruleset_first_error(rs2) == NULL);
	struct wn_ruleset *rs4 = NULL;
	const char *t = "test_url: x\ntest_input: p.html\n";
	CHECK(wn_rules_add_text(rules, "/srv/rules/d.example.txt", "d.example.txt", t, strlen(t),
				&rs4) == WN_OK);
	struct wn_arena *a = wn_arena_new(0);
	CHECK_STR(rs4 && rs4->n_tests ? wn_ruleset_test_input(a, rs4, &rs4->tests[0]) : NULL,
		  "/srv/rules/p.html");
	wn_arena_free(a);

	/* global.txt is found by name, never by host. */
	CHECK(wn_rules_global(rules) == NULL);
	const struct wn_ruleset *g = add(rules, "global.txt", "strip_id_or_class: sharedaddy\n");
	CHECK(g && wn_rules_global(rules) == g);
	CHECK(wn_rules_match(rules, "https://global/x", NULL, 0) == NULL);
out:
	wn_rules_free(rules);
}

static const char html_page[] =
	"<html><head><title>T</title></head><body>"
	"<div id=\"nav\" class=\"menu top\"><a href=\"/\">Home</a></div>"
	"<article class=\"post main\" data-kind=\"news story\">"
	"<h1 class=\"headline\">The headline</h1>"
	"<p class=\"byline\">By <a rel=\"author\" href=\"/a\">Ann Lee</a></p>"
	"<p>First paragraph.</p>"
	"<div class=\"share-tools\"><p>Share this</p></div>"
	"<div class=\"content\"><p>Inner <b>bold</b> paragraph.</p><span>Loose span</span></div>"
	"<img src=\"https://ads.doubleclick.net/x.gif\"><img src=\"/photo.jpg\">"
	"</article>"
	"<footer><p>Footer</p></footer>"
	"</body></html>";

/* Selects with the rule on line 1 of text and gives its hits' tags (or
 * values) joined by ',' into buf. */
static const char *sel(struct wn_rules *rules, struct wn_rules_html *h, struct wn_doc *doc,
		       const char *text, char *buf, size_t size)
{
	static int n;
	char name[64];
	snprintf(name, sizeof(name), "s%d.example.txt", n++);
	const struct wn_ruleset *rs = add(rules, name, text);
	buf[0] = '\0';
	if (!rs || rs->n_rules != 1 || rs->has_errors) {
		snprintf(buf, size, "(bad rule)");
		return buf;
	}
	struct wn_rules_hit *hits;
	size_t n_hits, o = 0;
	CHECK(wn_rules_select(h, &rs->rules[0], &hits, &n_hits) == WN_OK);
	for (size_t k = 0; k < n_hits && o < size; k++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", k ? "," : "",
				      hits[k].value ? hits[k].value : doc->nodes[hits[k].node].tag);
	return buf;
}

static void test_html_select(void)
{
	struct wn_arena *a = wn_arena_new(0);
	struct wn_doc *doc = NULL;
	struct wn_parse_opts po = {.kind = WN_INPUT_HTML};
	CHECK(wn_parser_parse(a, html_page, strlen(html_page), &po, &doc) == WN_OK);
	struct wn_rules *rules = wn_rules_new();
	struct wn_rules_html *h = NULL;
	if (!doc || !rules || wn_rules_html_new(doc, &h) != WN_OK)
		goto out;
	char buf[512];
	/* XPath: elements, attributes, strings, text(), axes. */
	CHECK_STR(sel(rules, h, doc, "body: //article//p", buf, sizeof(buf)), "p,p,p,p");
	CHECK_STR(sel(rules, h, doc, "strip: //div[contains(@class,'share')]", buf, sizeof(buf)), "div");
	CHECK_STR(sel(rules, h, doc, "date: //a[@rel='author']/@href", buf, sizeof(buf)), "/a");
	CHECK_STR(sel(rules, h, doc, "title: string(//h1)", buf, sizeof(buf)), "The headline");
	CHECK_STR(sel(rules, h, doc, "title: normalize-space(//h1/text())", buf, sizeof(buf)),
		  "The headline");
	CHECK_STR(sel(rules, h, doc, "title: substring-after(//title, 'X')", buf, sizeof(buf)), "");
	CHECK_STR(sel(rules, h, doc, "title: concat(//head/title, '!')", buf, sizeof(buf)), "T!");
	CHECK_STR(sel(rules, h, doc, "strip: //h1/following-sibling::p[1]", buf, sizeof(buf)), "p");
	CHECK_STR(sel(rules, h, doc, "strip: //b/ancestor::div[1]/@class", buf, sizeof(buf)), "content");
	CHECK_STR(sel(rules, h, doc, "body: //div[@class='content']/p/text()", buf, sizeof(buf)),
		  "Inner bold paragraph.");
	CHECK_STR(sel(rules, h, doc, "body: //nothing", buf, sizeof(buf)), "");
	/* A string literal reaches the article as it is: it must be UTF-8 (found
	 * by tests/fuzz/fuzz_selector). */
	CHECK_STR(sel(rules, h, doc, "author: string(\"Eric J. Suh\")", buf, sizeof(buf)),
		  "Eric J. Suh");
	CHECK_STR(sel(rules, h, doc, "author: string(\"Eric\xff J. Suh\")", buf, sizeof(buf)),
		  "(bad rule)");
	/* A function libxml2 does not know fails at run time: no hits. */
	CHECK_STR(sel(rules, h, doc, "body: //p[php:functionString('x')]", buf, sizeof(buf)), "");

	/* CSS. */
	CHECK_STR(sel(rules, h, doc, "strip_css: #nav", buf, sizeof(buf)), "div");
	CHECK_STR(sel(rules, h, doc, "strip_css: .menu.top", buf, sizeof(buf)), "div");
	CHECK_STR(sel(rules, h, doc, "strip_css: .menu.bottom", buf, sizeof(buf)), "");
	CHECK_STR(sel(rules, h, doc, "body_css: article > p", buf, sizeof(buf)), "p,p");
	CHECK_STR(sel(rules, h, doc, "body_css: article p", buf, sizeof(buf)), "p,p,p,p");
	CHECK_STR(sel(rules, h, doc, "body_css: article p:not(.byline)", buf, sizeof(buf)), "p,p,p");
	CHECK_STR(sel(rules, h, doc, "body_css: [data-kind~=story]", buf, sizeof(buf)), "article");
	CHECK_STR(sel(rules, h, doc, "body_css: [data-kind~=stor]", buf, sizeof(buf)), "");
	CHECK_STR(sel(rules, h, doc, "body_css: [data-kind*=ws st]", buf, sizeof(buf)), "(bad rule)");
	CHECK_STR(sel(rules, h, doc, "body_css: [data-kind*='ws st']", buf, sizeof(buf)), "article");
	CHECK_STR(sel(rules, h, doc, "body_css: a[rel=\"author\"], h1.headline", buf, sizeof(buf)),
		  "h1,a");
	CHECK_STR(sel(rules, h, doc, "body_css: img[src^='/']", buf, sizeof(buf)), "img");
	CHECK_STR(sel(rules, h, doc, "body_css: footer>p, [hidden]", buf, sizeof(buf)), "p");
	CHECK_STR(sel(rules, h, doc, "body_css: div + p", buf, sizeof(buf)), "(bad rule)");

	/* ftr substring tests. */
	CHECK_STR(sel(rules, h, doc, "strip_id_or_class: hare-to", buf, sizeof(buf)), "div");
	CHECK_STR(sel(rules, h, doc, "strip_id_or_class: na", buf, sizeof(buf)), "div");
	CHECK_STR(sel(rules, h, doc, "strip_image_src: doubleclick.net", buf, sizeof(buf)), "img");

	/* Element text from the blocks. */
	for (size_t i = 0; i < doc->n_nodes; i++) {
		if (!strcmp(doc->nodes[i].tag, "h1"))
			CHECK_STR(wn_rules_node_text(doc, (int32_t)i), "The headline");
		if (!strcmp(doc->nodes[i].tag, "footer"))
			CHECK_STR(wn_rules_node_text(doc, (int32_t)i), "Footer");
		if (!strcmp(doc->nodes[i].tag, "img"))
			CHECK_STR(wn_rules_node_text(doc, (int32_t)i), "");
	}
out:
	wn_rules_html_free(h);
	wn_rules_free(rules);
	wn_arena_free(a);
}

static void test_html_rewrite(void)
{
	struct wn_rules *rules = wn_rules_new();
	const struct wn_ruleset *rs = add(rules, "r.example.txt",
		"find_string: <amp-img\n"
		"replace_string: <img\n"
		"replace_string(<br><br>): </p><p>\n"
		"replace_string: orphan\n");
	const struct wn_ruleset *g = add(rules, "global.txt",
		"find_string: Foo\nreplace_string: Bar\n");
	struct wn_arena *a = wn_arena_new(0);
	const char *html = "<p>a<br><br>b<amp-img src=x><amp-img src=y> Foo orphan</p>";
	char *out;
	size_t len;
	CHECK(wn_rules_html_rewrite(rs, g, a, html, strlen(html), &out, &len) == WN_OK);
	CHECK_STR(out, "<p>a</p><p>b<img src=x><img src=y> Bar orphan</p>");
	CHECK(len == strlen("<p>a</p><p>b<img src=x><img src=y> Bar orphan</p>"));
	/* Full-Text RSS pairs the i-th find with the i-th replacement. */
	const struct wn_ruleset *rs2 = add(rules, "r2.example.txt",
		"find_string: A1\nfind_string: B2\nreplace_string: x\nreplace_string: y\n");
	CHECK(rs2 && wn_rules_html_rewrite(rs2, NULL, a, "A1 B2", 5, &out, &len) == WN_OK);
	CHECK_STR(rs2 ? out : NULL, "x y");
	/* Nothing to do: the input itself comes back. */
	CHECK(wn_rules_html_rewrite(rs, NULL, a, "plain", 5, &out, &len) == WN_OK);
	CHECK(len == 5 && !memcmp(out, "plain", 5));
	wn_arena_free(a);
	wn_rules_free(rules);
}

/* Checks one NAME.txt + NAME.expected.json pair against the bundled rules,
 * matched by text alone (as without a URL). */
static void check_page(const struct wn_rules *rules, const char *dir, const char *exp_name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, exp_name);
	json_error_t jerr;
	json_t *exp = json_load_file(path, 0, &jerr);
	CHECK(exp != NULL);
	if (!exp) {
		fprintf(stderr, "%s: %s\n", path, jerr.text);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, json_string_value(json_object_get(exp, "input")));
	size_t len = 0;
	char *text = slurp(path, &len);
	CHECK(text != NULL);
	struct wn_arena *a = wn_arena_new(0);
	const struct wn_ruleset *rs = text ? wn_rules_match(rules, NULL, text, len) : NULL;
	char want_name[300];
	snprintf(want_name, sizeof(want_name), "%s.txt", json_string_value(json_object_get(exp, "site")));
	CHECK_STR(rs ? rs->name : NULL, want_name);
	if (!rs)
		goto out;
	struct notes n = {0};
	struct wn_rules_fields f;
	struct wn_doc *doc = run(rs, a, text, &f, &n);
	if (!doc)
		goto out;
	static const struct {
		const char *key;  /* expected.json key */
		size_t off;       /* field */
	} keys[] = {
		{"title", offsetof(struct wn_rules_fields, title)},
		{"author", offsetof(struct wn_rules_fields, author)},
		{"date_raw", offsetof(struct wn_rules_fields, date_raw)},
		{"section", offsetof(struct wn_rules_fields, section)},
		{"lead", offsetof(struct wn_rules_fields, lead)},
		{"source", offsetof(struct wn_rules_fields, source)},
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *got = *(const char **)((char *)&f + keys[i].off);
		json_t *w = json_object_get(exp, keys[i].key);
		if (!json_is_string(w) && got)
			fprintf(stderr, "%s: %s not expected\n", exp_name, keys[i].key);
		CHECK_STR(got, json_string_value(w));
	}
	json_t *img = json_array_get(json_object_get(exp, "images"), 0);
	CHECK_STR(f.credit, json_string_value(json_object_get(img, "credit")));

	json_t *got = paragraphs(doc);
	json_t *want = json_object_get(exp, "paragraphs");
	CHECK(json_equal(got, want));
	if (!json_equal(got, want)) {
		for (size_t i = 0; i < json_array_size(got) || i < json_array_size(want); i++) {
			const char *g = json_string_value(json_array_get(got, i));
			const char *w = json_string_value(json_array_get(want, i));
			if (!g || !w || strcmp(g, w))
				fprintf(stderr, "%s paragraph %zu:\n  got:  %.150s\n  want: %.150s\n",
					exp_name, i, g ? g : "(none)", w ? w : "(none)");
		}
	}
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(exp, "absent"), i, v) {
		const char *s = json_string_value(v);
		for (size_t k = 0; k < json_array_size(got); k++) {
			bool present = strstr(json_string_value(json_array_get(got, k)), s) != NULL;
			if (present)
				fprintf(stderr, "%s: absent string present: %s\n", exp_name, s);
			CHECK(!present);
		}
	}
	json_decref(got);
out:
	wn_arena_free(a);
	free(text);
	json_decref(exp);
}

/* Every *.expected.json of dir; returns how many. */
static int check_dir(const struct wn_rules *rules, const char *dir)
{
	int count = 0;
	DIR *d = opendir(dir);
	CHECK(d != NULL);
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 14 && strcmp(e->d_name + l - 14, ".expected.json") == 0) {
			check_page(rules, dir, e->d_name);
			count++;
		}
	}
	closedir(d);
	return count;
}

static struct wn_rules *site_rules(void)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/rules/sites", env_dir("WN_SOURCE_DIR", "."));
	struct wn_rules *rules = NULL;
	CHECK(wn_rules_load_dir(path, &rules) == WN_OK);
	for (size_t i = 0; rules && i < wn_rules_count(rules); i++) {
		const struct wn_ruleset *rs = wn_rules_get(rules, i);
		for (size_t k = 0; k < rs->n_problems; k++)
			fprintf(stderr, "%s:%d:%d: %s\n", rs->name, rs->problems[k].line,
				rs->problems[k].column, rs->problems[k].message);
		CHECK(rs->n_problems == 0);
	}
	return rules;
}

static void test_seeds(void)
{
	struct wn_rules *rules = site_rules();
	if (!rules)
		return;
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/seeds", env_dir("WN_SHARED_DIR", "../shared"));
	CHECK(check_dir(rules, dir) == 2);
	/* By URL too. */
	const struct wn_ruleset *rs = wn_rules_match(rules, "https://tass.com/politics/1023519", NULL, 0);
	CHECK_STR(rs ? rs->name : NULL, "tass.com.txt");
	rs = wn_rules_match(rules, "https://www.vseinfo.com/news/x", NULL, 0);
	CHECK_STR(rs ? rs->name : NULL, "vseinfo.com.txt");
	wn_rules_free(rules);
}

static void test_variants(void)
{
	struct wn_rules *rules = site_rules();
	if (!rules)
		return;
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/tests/unit/data/rules/variants", env_dir("WN_SOURCE_DIR", "."));
	CHECK(check_dir(rules, dir) >= 4);
	wn_rules_free(rules);
}

static void test_ftr_site_config(void)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/ftr-site-config", env_dir("WN_SHARED_DIR", "../shared"));
	struct wn_rules *rules = NULL;
	double t0 = now(), c0 = (double)clock() / CLOCKS_PER_SEC;
	CHECK(wn_rules_load_dir(dir, &rules) == WN_OK);
	double dt = now() - t0, cpu = (double)clock() / CLOCKS_PER_SEC - c0;
	if (!rules)
		return;
	size_t n = wn_rules_count(rules), with_errors = 0, with_warnings = 0;
	for (size_t i = 0; i < n; i++) {
		const struct wn_ruleset *rs = wn_rules_get(rules, i);
		with_errors += rs->has_errors;
		with_warnings += !rs->has_errors && rs->n_problems > 0;
	}
	printf("ftr-site-config: %zu files loaded in %.3f s (%.3f s CPU); %zu with errors, "
	       "%zu with warnings only\n", n, dt, cpu, with_errors, with_warnings);
	CHECK(n > 2000);
	CHECK(with_errors < n / 50);
	/* CPU time: a busy machine must not fail the test; sanitizers slow
	 * everything several times. */
#if defined(__SANITIZE_ADDRESS__)
	CHECK(cpu < 10.0);
#else
	CHECK(cpu < 1.0);
#endif
	const struct wn_ruleset *rs = wn_rules_match(rules, "https://www.theguardian.com/world/x", NULL, 0);
	CHECK_STR(rs ? rs->name : NULL, "theguardian.com.txt");
	rs = wn_rules_match(rules, "https://foo.blogspot.com/2020/x.html", NULL, 0);
	CHECK_STR(rs ? rs->name : NULL, ".blogspot.com.txt");
	/* Lookups stay cheap with thousands of files. */
	t0 = now();
	for (int i = 0; i < 100000; i++)
		wn_rules_match(rules, "https://a.b.c.nowhere-at-all.example/x", NULL, 0);
	dt = now() - t0;
	printf("ftr-site-config: 100000 missed lookups in %.3f s\n", dt);
	CHECK(dt < 2.0);
	wn_rules_free(rules);
	CHECK(wn_rules_load_dir("/nonexistent/dir", &rules) == WN_ERR_IO);
}

WN_TEST_MAIN(
	WN_TEST(test_format),
	WN_TEST(test_host_match),
	WN_TEST(test_fingerprint),
	WN_TEST(test_text_find_replace),
	WN_TEST(test_keep_after_before),
	WN_TEST(test_drop),
	WN_TEST(test_meta),
	WN_TEST(test_regex_limit),
	WN_TEST(test_html_lint),
	WN_TEST(test_html_select),
	WN_TEST(test_html_rewrite),
	WN_TEST(test_seeds),
	WN_TEST(test_variants),
	WN_TEST(test_ftr_site_config)
)
