/* ruletest.c -- running a rule file's embedded tests.
 *
 * A test is a test_url line with test_input (a saved page beside the rule
 * file: live URLs rot, and winnow never fetches) and checks on the article
 * extracted from it.  A check's outcome carries what it wanted and what
 * came out, so `winnow rules test` and POST /v1/rules/test can show both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

/* Largest test page read: far above any saved page. */
#define WN_RULETEST_MAX_INPUT ((size_t)64 << 20)

/* Appends a result to the arena array *out of *n entries. */
static enum wn_err wn_ruletest_push(struct wn_arena *a, struct wn_rules_test_result **out,
				    size_t *n, const struct wn_rules_test_result *r)
{
	struct wn_rules_test_result *o = wn_arena_realloc(a, *out, *n * sizeof(**out),
							   (*n + 1) * sizeof(**out));
	if (!o)
		return WN_ERR_NOMEM;
	o[*n] = *r;
	*out = o;
	(*n)++;
	return WN_OK;
}

enum wn_err wn_extract_test_article(struct wn_arena *arena, const struct wn_ruleset *rs,
				    const struct wn_rules_test *t, const struct wn_article *art,
				    struct wn_rules_test_result **out, size_t *n)
{
	for (size_t i = 0; i < t->n_checks; i++) {
		const struct wn_rules_check *c = &t->checks[i];
		struct wn_rules_test_result r = {.url = t->url, .expected = c->want};
		const char *text = art->text ? art->text : "";
		r.name = wn_arena_printf(arena, "%s:%d %s", rs->name, c->line, c->directive);
		if (!r.name)
			return WN_ERR_NOMEM;
		switch (c->kind) {
		case WN_RULES_CHECK_CONTAINS:
			r.passed = strstr(text, c->want) != NULL;
			r.got = text;
			break;
		case WN_RULES_CHECK_NOT_CONTAINS:
			r.passed = strstr(text, c->want) == NULL;
			r.got = text;
			break;
		case WN_RULES_CHECK_TITLE:
			r.got = art->title;
			break;
		case WN_RULES_CHECK_AUTHOR:
			r.got = art->author;
			break;
		case WN_RULES_CHECK_DATE:
			/* As written or as ISO 8601: either may be what the
			 * author knows. */
			r.got = art->date;
			if (art->date_raw && (!r.got || strcmp(r.got, c->want)) &&
			    !strcmp(art->date_raw, c->want))
				r.got = art->date_raw;
			break;
		}
		if (c->kind != WN_RULES_CHECK_CONTAINS && c->kind != WN_RULES_CHECK_NOT_CONTAINS)
			r.passed = r.got && !strcmp(r.got, c->want);
		/* A day ("2024-03-05") matches a timestamp on that day. */
		if (c->kind == WN_RULES_CHECK_DATE && !r.passed && art->date && strlen(c->want) == 10 &&
		    !strncmp(art->date, c->want, 10)) {
			r.got = art->date;
			r.passed = true;
		}
		enum wn_err err = wn_ruletest_push(arena, out, n, &r);
		if (err)
			return err;
	}
	return WN_OK;
}

/* Reads path whole into the arena; NULL when it cannot be read. */
static char *wn_ruletest_read(struct wn_arena *arena, const char *path, size_t *len)
{
	char *buf = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long size = ftell(f);
		if (size >= 0 && (size_t)size <= WN_RULETEST_MAX_INPUT && fseek(f, 0, SEEK_SET) == 0 &&
		    (buf = wn_arena_alloc(arena, (size_t)size + 1)) &&
		    fread(buf, 1, (size_t)size, f) == (size_t)size) {
			buf[size] = '\0';
			*len = (size_t)size;
		} else {
			buf = NULL;
		}
	}
	fclose(f);
	return buf;
}

enum wn_err wn_extract_run_tests(struct wn_arena *arena, const struct wn_rules *rules,
				 const struct wn_ruleset *rs, struct wn_rules_test_result **out,
				 size_t *n)
{
	for (size_t i = 0; i < rs->n_tests; i++) {
		const struct wn_rules_test *t = &rs->tests[i];
		struct wn_rules_test_result r = {.url = t->url, .skipped = true};
		const char *path = wn_ruleset_test_input(arena, rs, t);
		if (!path) {
			r.name = wn_arena_printf(arena, "%s:%d test_url", rs->name, t->line);
			r.expected = "a test_input page beside the rule";
			r.got = "none: the test cannot run offline";
			if (!r.name)
				return WN_ERR_NOMEM;
			enum wn_err err = wn_ruletest_push(arena, out, n, &r);
			if (err)
				return err;
			continue;
		}
		size_t len = 0;
		char *bytes = wn_ruletest_read(arena, path, &len);
		struct wn_extract_opts opts = {.url = t->url, .rules = rules, .ruleset = rs,
					       .max_bytes = WN_RULETEST_MAX_INPUT};
		struct wn_article *art = NULL;
		enum wn_err xerr = bytes ? wn_extract(arena, bytes, len, &opts, &art) : WN_ERR_IO;
		if (xerr == WN_ERR_NOMEM)
			return xerr;
		if (xerr) {
			r.skipped = false;
			r.name = wn_arena_printf(arena, "%s:%d test_url", rs->name, t->line);
			r.expected = wn_arena_printf(arena, "an article from %s", path);
			r.got = wn_err_str(xerr);
			if (!r.name || !r.expected)
				return WN_ERR_NOMEM;
			enum wn_err err = wn_ruletest_push(arena, out, n, &r);
			if (err)
				return err;
			continue;
		}
		enum wn_err err = wn_extract_test_article(arena, rs, t, art, out, n);
		if (err)
			return err;
	}
	return WN_OK;
}
