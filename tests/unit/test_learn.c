/* test_learn.c -- rules/learn.c: drafting a rule file from pages of one
 * site, and applying the draft. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "learn.h"
#include "rules.h"
#include "wn_test.h"

/* Five pages of one made-up site: the same menu, a "Most read" list of
 * rotating headlines, a footer, an article-like line on every page, and
 * a line with regex metacharacters. */
static void make_pages(char pages[5][2048], struct wn_rules_learn_page out[5])
{
	static const char *const heads[] = {"Ferry timetable changes", "Fish market reopens",
					    "Council votes on lanes", "Storm warning issued",
					    "Museum wins award", "Team reaches final"};
	for (int p = 0; p < 5; p++) {
		snprintf(pages[p], sizeof(pages[p]),
			 "Home\nNews\nSport\nPrices (in $) + tax.\n\nHeadline number %d\n\n"
			 "This is the article text of page %d, and it says something that no other "
			 "page says, in a sentence.\n\n"
			 "Our journalism is paid for by readers, and every article is free to read.\n\n"
			 "Most read\n%s\n%s\n%s\nNewsletter\n\nAbout us\nContact\n",
			 p, p, heads[p], heads[(p + 1) % 6], heads[(p + 2) % 6]);
		char *name = malloc(32);
		snprintf(name, 32, "pages/p%d.txt", p);
		out[p] = (struct wn_rules_learn_page){.input = name, .bytes = pages[p],
						      .len = strlen(pages[p])};
	}
}

static void free_pages(struct wn_rules_learn_page pages[5])
{
	for (int p = 0; p < 5; p++)
		free((char *)pages[p].input);
}

static void test_learn_draft(void)
{
	static char texts[5][2048];
	struct wn_rules_learn_page pages[5];
	make_pages(texts, pages);
	struct wn_arena *a = wn_arena_new(0);
	struct wn_rules_learn_opts opts = {.site = "news.example"};
	char *draft = NULL;
	CHECK(wn_rules_learn(a, pages, 5, &opts, &draft) == WN_OK);
	CHECK(draft != NULL);
	if (draft) {
		CHECK(strstr(draft, "text_drop_line: ^Home$\n"));
		CHECK(strstr(draft, "text_drop_line: ^About us$\n"));
		/* Metacharacters escaped. */
		CHECK(strstr(draft, "text_drop_line: ^Prices \\(in \\$\\) \\+ tax\\.$\n"));
		/* The list under its fixed heading is a range. */
		CHECK(strstr(draft, "text_drop_from: ^Most read$\ntext_drop_until: ^Newsletter$\n"));
		/* Its rotating items are some page's headline: not lines. */
		CHECK(!strstr(draft, "^Fish market reopens$"));
		/* Article-like lines are never proposed, however frequent. */
		CHECK(!strstr(draft, "Our journalism"));
		CHECK(!strstr(draft, "Headline number"));
		CHECK(strstr(draft, "text_site_match: ^\\h*"));
		CHECK(strstr(draft, "text_site_min: "));
		CHECK(strstr(draft, "test_url: https://news.example/p0\ntest_input: pages/p0.txt\n"));
		CHECK(strstr(draft, "test_contains: This is the article text of page 4"));
		CHECK(strstr(draft, "test_not_contains: "));
	}

	/* The draft loads without problems and removes the shared noise. */
	struct wn_rules *rules = wn_rules_new();
	struct wn_ruleset *rs = NULL;
	CHECK(rules && draft);
	if (rules && draft) {
		CHECK(wn_rules_add_text(rules, "<inline>", "news.example.txt", draft,
					strlen(draft), &rs) == WN_OK);
		CHECK(rs && rs->n_problems == 0);
		CHECK(wn_rules_match(rules, NULL, texts[2], strlen(texts[2])) == rs);
		struct wn_doc *doc = NULL;
		CHECK(wn_parser_parse_text(a, texts[2], strlen(texts[2]), &doc) == WN_OK);
		struct wn_rules_fields f = {0};
		if (rs && doc && wn_rules_apply_text(rs, doc, &f, NULL, NULL) == WN_OK) {
			for (size_t i = 0; i < doc->n_lines; i++) {
				const struct wn_line *ln = &doc->lines[i];
				bool article = ln->len > 20 && (!strncmp(doc->text + ln->off, "This is", 7) ||
							       !strncmp(doc->text + ln->off, "Our", 3));
				bool headline = !strncmp(doc->text + ln->off, "Headline", 8);
				if (ln->len)
					CHECK((ln->removed_by == NULL) == (article || headline));
			}
		} else {
			CHECK(!"draft applies");
		}
	}
	wn_rules_free(rules);
	wn_arena_free(a);
	free_pages(pages);
}

/* One page: nothing can recur; the draft still carries its test. */
static void test_learn_one_page(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *text = "Home\n\nA line of article text, long enough to be prose in any case.\n";
	struct wn_rules_learn_page page = {.input = "one.txt", .bytes = text, .len = strlen(text)};
	char *draft = NULL;
	CHECK(wn_rules_learn(a, &page, 1, NULL, &draft) == WN_OK);
	CHECK(draft && !strstr(draft, "text_drop_line"));
	CHECK(draft && strstr(draft, "test_url: https://example.com/one\ntest_input: one.txt\n"));
	wn_arena_free(a);
}

/* HTML pages learn from their blocks; empty and broken pages do not crash. */
static void test_learn_html_and_bad_input(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html = "<html><body><nav><a href=/>Home page link</a></nav>"
			   "<p>Some article text that is different on every page of the site, "
			   "in a long sentence.</p><footer>Site footer line</footer></body></html>";
	struct wn_rules_learn_page pages[3] = {
		{.input = "a.html", .bytes = html, .len = strlen(html)},
		{.input = "b.html", .bytes = html, .len = strlen(html)},
		{.input = "c.txt", .bytes = "", .len = 0},
	};
	char *draft = NULL;
	CHECK(wn_rules_learn(a, pages, 3, NULL, &draft) == WN_OK);
	CHECK(draft && strstr(draft, "text_drop_line: ^Site footer line$"));
	static const char gz[] = "\x1f\x8b\x08\x00garbage";
	struct wn_rules_learn_page bad = {.input = "bad.gz", .bytes = gz, .len = sizeof(gz) - 1};
	CHECK(wn_rules_learn(a, &bad, 1, NULL, &draft) == WN_ERR_GZIP);
	wn_arena_free(a);
}

WN_TEST_MAIN(WN_TEST(test_learn_draft), WN_TEST(test_learn_one_page),
	     WN_TEST(test_learn_html_and_bad_input))
