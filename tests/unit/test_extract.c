/* test_extract.c -- extract/: assembly, explain, dates, titles, JSON-LD,
 * the generic text and HTML heuristics, JSON round trips, bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract_internal.h"
#include "utf8.h"
#include "wn_test.h"

#ifndef WN_TEST_DATA
#define WN_TEST_DATA "tests/unit/data/extract"
#endif

/* Reads a file of the test data folder into a malloc'd buffer. */
static char *read_data(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", WN_TEST_DATA, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 16);
	*len = buf ? fread(buf, 1, (1 << 16) - 1, f) : 0;
	fclose(f);
	return buf;
}

/* Every key of docs/article.schema.json is present, and "removed" iff explain. */
static void check_json(const struct wn_article *art)
{
	static const char *const keys[] = {"url", "site", "input", "rules", "title", "author",
					   "date", "date_raw", "section", "lead", "source",
					   "language", "images", "paragraphs", "text", "word_count"};
	json_t *o = wn_article_to_json(art);
	CHECK(o != NULL);
	if (!o)
		return;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		CHECK(json_object_get(o, keys[i]) != NULL);
	CHECK((json_object_get(o, "removed") != NULL) == art->explain);
	char *s = json_dumps(o, 0);
	json_t *back = s ? json_loads(s, 0, NULL) : NULL;
	CHECK(back && json_equal(o, back));
	CHECK(json_array_size(json_object_get(o, "paragraphs")) == art->n_paragraphs);
	json_decref(back);
	free(s);
	json_decref(o);
}

static bool removed_with(const struct wn_article *art, const char *text, const char *reason)
{
	for (size_t i = 0; i < art->n_removed; i++)
		if (strstr(art->removed[i].text, text) && strstr(art->removed[i].reason, reason))
			return true;
	return false;
}

static void test_text_generic_page(void)
{
	size_t len;
	char *page = read_data("page.txt", &len);
	CHECK(page != NULL);
	if (!page)
		return;
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts o = {.kind = WN_INPUT_TEXT, .explain = true,
				    .url = "https://www.coastal.example/news/2019/11/19/harbour"};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, page, len, &o, &art) == WN_OK);
	if (art) {
		CHECK(art->input == WN_INPUT_TEXT);
		CHECK_STR(art->site, "coastal.example");
		CHECK_STR(art->title, "Coastal town votes to restore its old harbour wall");
		CHECK_STR(art->author, "Jane Smith");
		CHECK_STR(art->date_raw, "19 November 2019");
		CHECK_STR(art->date, "2019-11-19");
		CHECK_STR(art->language, "en");
		CHECK(art->n_paragraphs == 2);
		if (art->n_paragraphs == 2) {
			/* Per block: kept lines joined by "\n". */
			CHECK(strstr(art->paragraphs[0], "consultation.\nWork will begin") != NULL);
			CHECK(!strncmp(art->paragraphs[1], "\"We have waited", 15));
		}
		CHECK(strstr(art->text, "months.\n\n\"We have") != NULL);
		CHECK(art->word_count == wn_extract_count_words(art->text, strlen(art->text)));
		CHECK(art->word_count > 50);
		CHECK(!strstr(art->text, "Most read") && !strstr(art->text, "Storm warning"));
		CHECK(!strstr(art->text, "cookie") && !strstr(art->text, "Coastal News"));
		CHECK(removed_with(art, "{{item.group_date}}", "heuristic template"));
		CHECK(removed_with(art, "Home", "heuristic menu_run"));
		CHECK(removed_with(art, "Storm warning", "heuristic numbered_list"));
		CHECK(removed_with(art, "We use cookies", "heuristic cookie"));
		CHECK(removed_with(art, "2019 Coastal News", "heuristic copyright"));
		CHECK(removed_with(art, "Share", "heuristic furniture"));
		for (size_t i = 0; i < art->n_removed; i++)
			CHECK(strlen(art->removed[i].text) <= 120 * 4 && art->removed[i].reason[0]);
		check_json(art);
	}
	wn_arena_free(a);
	free(page);
}

/* Grids, long explain texts cut at 120 characters on a character boundary. */
static void test_text_grid_and_explain_cut(void)
{
	char page[4096] = "";
	strcat(page, "Mo\nTu\nWe\nTh\nFr\n1 2 3 4 5\n6 7 8 9 10\n\n");
	strcat(page, "Короткая строка без точки и ");
	for (int i = 0; i < 30; i++)
		strcat(page, "ещё слово ");
	strcat(page, "\n\n");
	for (int i = 0; i < 3; i++)
		strcat(page, "Это длинный абзац текста статьи, в котором есть запятые, точки и "
			     "достаточно слов, чтобы считаться телом статьи.\n\n");
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts o = {.kind = WN_INPUT_TEXT, .explain = true};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, page, strlen(page), &o, &art) == WN_OK);
	if (art) {
		CHECK(art->n_paragraphs == 3);
		CHECK(removed_with(art, "Mo", "heuristic grid"));
		CHECK(removed_with(art, "1 2 3 4 5", "heuristic grid"));
		CHECK_STR(art->language, "ru");
		CHECK(art->site == NULL);
		for (size_t i = 0; i < art->n_removed; i++) {
			const char *t = art->removed[i].text;
			CHECK(wn_utf8_count(t, strlen(t)) <= 120);
			size_t n = strlen(t), k = 0;
			while (k < n)
				CHECK(wn_utf8_next(t, n, &k) != 0xFFFD);
		}
		check_json(art);
	}
	wn_arena_free(a);
}

/* The text path with a rule: fields, credit image, site from the rule's
 * host when there is no URL, the file named in rules[], no heuristics. */
static void test_text_rule(void)
{
	static const char rule[] =
		"text_site_match: ^Harbour Gazette$\n"
		"text_title: \\A\\s*Harbour Gazette\\n\\h*\\n(\\S.*)$\n"
		"text_credit: ^(Photo: .*\\S)\\h*$\n"
		"text_drop_line: ^Share$\n";
	static const char page[] =
		"Harbour Gazette\n\nWall to be restored\n\nPhoto: Ann Wright\n\n"
		"The council voted to restore the wall.\nShare\n\nShort line\n";
	struct wn_rules *rules = wn_rules_new();
	struct wn_ruleset *rs = NULL;
	CHECK(rules && wn_rules_add_text(rules, "<inline>", "gazette.example.txt", rule,
					 strlen(rule), &rs) == WN_OK);
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts o = {.kind = WN_INPUT_TEXT, .rules = rules, .explain = true};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, page, strlen(page), &o, &art) == WN_OK);
	if (art) {
		CHECK_STR(art->site, "gazette.example");
		CHECK(art->n_rules == 1 && !strcmp(art->rules[0], "gazette.example.txt"));
		CHECK_STR(art->title, "Wall to be restored");
		CHECK(art->n_images == 1 && art->images[0].url == NULL &&
		      art->images[0].caption == NULL);
		if (art->n_images == 1)
			CHECK_STR(art->images[0].credit, "Photo: Ann Wright");
		/* Without heuristics the short line stays; the rule's drop goes. */
		CHECK(strstr(art->text, "Short line") != NULL);
		CHECK(!strstr(art->text, "Share"));
		CHECK(removed_with(art, "Share", "gazette.example.txt:4 text_drop_line"));
		check_json(art);
	}
	wn_arena_free(a);
	wn_rules_free(rules);
}

static void test_dates(void)
{
	static const char *const table[][2] = {
		{"2019-11-19T08:03:00Z", "2019-11-19T08:03:00Z"},
		{"2019-11-19T08:03:00.123+03:00", "2019-11-19T08:03:00+03:00"},
		{"2019-11-19T08:03+0300", "2019-11-19T08:03:00+03:00"},
		{"2019-11-19", "2019-11-19"},
		{"Nov. 19, 2019 8:03 am ET", "2019-11-19"},
		{"November 19th, 2019", "2019-11-19"},
		{"NOVEMBER 26TH, 2024", "2024-11-26"},
		{"June 14, 20241 yr", "2024-06-14"},
		{"19 ноября 2019", "2019-11-19"},
		{"19 ноября 2019 г.", "2019-11-19"},
		{"19.11.2019", "2019-11-19"},
		{"21:17 18.11.2019", "2019-11-18"},
		{"11/19/2019", "2019-11-19"},
		{"19/11/2019", "2019-11-19"},
		{"19-11-2019", "2019-11-19"},
		{"11-29-2024, 09:03 AM #1", "2024-11-29"},
		{"Mental HealthDECEMBER 22, 2022Updated: January 2, 2026", "2022-12-22"},
		{"2019/11/19", "2019-11-19"},
		{"19 de noviembre de 2019", "2019-11-19"},
		{"Dienstag, 19. November 2019", "2019-11-19"},
		{"19 novembre 2019", "2019-11-19"},
		{"mardi 19 décembre 2019", "2019-12-19"},
		{"Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20"},
		{"September 28, 17:26 UTC+3", NULL},
		{"2019-02-30", NULL},
		{"31.02.2019", NULL},
		{"yesterday", NULL},
		{"", NULL},
		{"3 days ago", NULL},
	};
	struct wn_arena *a = wn_arena_new(0);
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const char *got = wn_extract_parse_date(a, table[i][0]);
		if (!((got == NULL && table[i][1] == NULL) ||
		      (got && table[i][1] && !strcmp(got, table[i][1]))))
			fprintf(stderr, "  date %s\n", table[i][0]);
		CHECK_STR(got, table[i][1]);
	}
	CHECK(wn_extract_parse_date(a, NULL) == NULL);
	CHECK_STR(wn_extract_url_date(a, "https://x.com/2019/11/19/story"), "2019-11-19");
	CHECK_STR(wn_extract_url_date(a, "https://x.com/news/2019-11-19-story"), "2019-11-19");
	CHECK(wn_extract_url_date(a, "https://x.com/2019/13/19/story") == NULL);
	CHECK(wn_extract_url_date(a, "https://x.com/2019/") == NULL);
	wn_arena_free(a);
}

static void test_title_suffix(void)
{
	struct wn_arena *a = wn_arena_new(0);
	CHECK_STR(wn_extract_strip_title_suffix(a, "Harbour wall to be restored | Coastal News"),
		  "Harbour wall to be restored");
	CHECK_STR(wn_extract_strip_title_suffix(a, "Harbour wall to be restored - BBC News"),
		  "Harbour wall to be restored");
	CHECK_STR(wn_extract_strip_title_suffix(a, "Harbour wall – restored — The Site"),
		  "Harbour wall – restored");
	CHECK_STR(wn_extract_strip_title_suffix(a, "No separator here"), "No separator here");
	/* Section and site after the same separator both go. */
	CHECK_STR(wn_extract_strip_title_suffix(a, "Harbour wall restored | Local news | Coast"),
		  "Harbour wall restored");
	/* A long tail is part of the headline, not a site name. */
	CHECK_STR(wn_extract_strip_title_suffix(a, "Brexit - what happens to the harbour wall now"),
		  "Brexit - what happens to the harbour wall now");
	CHECK_STR(wn_extract_strip_title_suffix(a, "Site | Home"), "Site | Home");
	CHECK(wn_extract_strip_title_suffix(a, NULL) == NULL);
	wn_arena_free(a);
}

static void test_jsonld(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *obj[] = {"{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
			     "\"headline\":\"H1\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane\"},"
			     "\"datePublished\":\"2019-11-19T08:03:00Z\",\"articleSection\":[\"World\","
			     "\"Europe\"],\"description\":\"Lead\",\"image\":{\"url\":\"https://i/x.jpg\"}}"};
	struct wn_extract_jsonld ld = {0};
	CHECK(wn_extract_jsonld_parse(a, obj, 1, &ld) == WN_OK);
	CHECK_STR(ld.headline, "H1");
	CHECK_STR(ld.author, "Jane");
	CHECK_STR(ld.date, "2019-11-19T08:03:00Z");
	CHECK_STR(ld.section, "World");
	CHECK_STR(ld.description, "Lead");
	CHECK_STR(ld.image, "https://i/x.jpg");

	const char *arr[] = {"[{\"@type\":\"BreadcrumbList\",\"name\":\"x\"},"
			     "{\"@type\":[\"Article\"],\"headline\":\"H2\",\"author\":[{\"name\":\"A\"},"
			     "\"B\"]}]"};
	struct wn_extract_jsonld ld2 = {0};
	CHECK(wn_extract_jsonld_parse(a, arr, 1, &ld2) == WN_OK);
	CHECK_STR(ld2.headline, "H2");
	CHECK_STR(ld2.author, "A, B");

	const char *graph[] = {"not json {", "{\"@context\":\"https://schema.org\",\"@graph\":["
			       "{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":\"WebPage\"},"
			       "{\"@type\":\"BlogPosting\",\"headline\":\"H3\",\"dateCreated\":\"2019-11-18\","
			       "\"author\":\"Solo\"}]}"};
	struct wn_extract_jsonld ld3 = {0};
	CHECK(wn_extract_jsonld_parse(a, graph, 2, &ld3) == WN_OK);
	CHECK_STR(ld3.headline, "H3");
	CHECK_STR(ld3.author, "Solo");
	CHECK_STR(ld3.date, "2019-11-18");
	CHECK(ld3.section == NULL);
	wn_arena_free(a);
}

/* A hand-made node table, so the HTML heuristics are tested without the
 * HTML parser: nodes are added in document order, blocks after. */
struct test_page {
	struct wn_doc doc;
	struct wn_node nodes[64];
	struct wn_block blocks[64];
	struct wn_attr attrs[64];
	size_t n_attrs;
};

static int32_t add_node(struct test_page *p, const char *tag, int32_t parent, const char *cls,
			const char *id)
{
	int32_t i = (int32_t)p->doc.n_nodes++;
	struct wn_node *nd = &p->nodes[i];
	memset(nd, 0, sizeof(*nd));
	nd->tag = tag;
	nd->parent = parent;
	nd->first_child = nd->next_sibling = nd->first_block = -1;
	nd->cls = cls;
	nd->id = id;
	nd->attrs = &p->attrs[p->n_attrs];
	if (cls)
		p->attrs[p->n_attrs++] = (struct wn_attr){"class", cls}, nd->n_attrs++;
	if (id)
		p->attrs[p->n_attrs++] = (struct wn_attr){"id", id}, nd->n_attrs++;
	return i;
}

static void add_block(struct test_page *p, int32_t node, enum wn_block_kind kind,
		      const char *text, bool link)
{
	struct wn_block *b = &p->blocks[p->doc.n_blocks++];
	memset(b, 0, sizeof(*b));
	b->text = text;
	b->len = strlen(text);
	b->chars = (uint32_t)wn_utf8_count(text, b->len);
	b->link_chars = link ? b->chars : 0;
	b->kind = kind;
	b->level = kind == WN_BLOCK_HEADING ? 1 : 0;
	b->node = node;
	b->first_line = -1;
}

/* Fills the derived fields: subtree sizes, children, text and block counts. */
static void finish_page(struct test_page *p, struct wn_arena *a)
{
	struct wn_doc *d = &p->doc;
	d->arena = a;
	d->kind = WN_INPUT_HTML;
	d->nodes = p->nodes;
	d->blocks = p->blocks;
	for (size_t i = d->n_nodes; i-- > 0;) {
		p->nodes[i].subtree_size++;
		if (p->nodes[i].parent >= 0)
			p->nodes[p->nodes[i].parent].subtree_size += p->nodes[i].subtree_size;
	}
	for (size_t i = 0; i < d->n_nodes; i++) {
		int32_t par = p->nodes[i].parent;
		if (par < 0)
			continue;
		if (p->nodes[par].first_child < 0) {
			p->nodes[par].first_child = (int32_t)i;
		} else {
			int32_t c = p->nodes[par].first_child;
			while (p->nodes[c].next_sibling >= 0)
				c = p->nodes[c].next_sibling;
			p->nodes[c].next_sibling = (int32_t)i;
		}
	}
	for (size_t b = 0; b < d->n_blocks; b++)
		for (int32_t n = p->blocks[b].node; n >= 0; n = p->nodes[n].parent) {
			p->nodes[n].text_chars += p->blocks[b].chars;
			p->nodes[n].link_chars += p->blocks[b].link_chars;
			if (p->nodes[n].first_block < 0)
				p->nodes[n].first_block = (int32_t)b;
			p->nodes[n].n_blocks++;
		}
}

static const char *const body_text[] = {
	"The town council voted on Tuesday to restore the harbour wall, which was damaged in "
	"last winter's storms, after a long public consultation.",
	"Work will begin in the spring, the council said, and is expected to last about eight "
	"months, with the road closed at night.",
	"\"We have waited a long time for this,\" said the harbour master, who has worked in "
	"the port for thirty years, and smiled.",
};

static void test_html_generic(void)
{
	struct wn_arena *a = wn_arena_new(0);
	static struct test_page p;
	memset(&p, 0, sizeof(p));
	int32_t html = add_node(&p, "html", -1, NULL, NULL);
	int32_t body = add_node(&p, "body", html, NULL, NULL);
	int32_t nav = add_node(&p, "nav", body, "site-nav", NULL);
	int32_t li[4];
	for (int i = 0; i < 4; i++)
		li[i] = add_node(&p, "li", nav, NULL, NULL);
	int32_t main_div = add_node(&p, "div", body, "page", "main");
	int32_t art = add_node(&p, "article", main_div, "story", NULL);
	int32_t h1 = add_node(&p, "h1", art, NULL, NULL);
	int32_t ps[3];
	for (int i = 0; i < 3; i++)
		ps[i] = add_node(&p, "p", art, NULL, NULL);
	int32_t fig = add_node(&p, "figure", art, NULL, NULL);
	int32_t img = add_node(&p, "img", fig, NULL, NULL);
	int32_t cap = add_node(&p, "figcaption", fig, NULL, NULL);
	int32_t share = add_node(&p, "div", art, "share-bar", NULL);
	int32_t share_p = add_node(&p, "p", share, NULL, NULL);
	int32_t side = add_node(&p, "aside", main_div, "sidebar", NULL);
	int32_t side_p[2];
	for (int i = 0; i < 2; i++)
		side_p[i] = add_node(&p, "p", side, NULL, NULL);
	int32_t foot = add_node(&p, "footer", body, NULL, NULL);
	int32_t foot_p = add_node(&p, "p", foot, NULL, NULL);

	const char *navs[] = {"Home", "World", "Business", "Sport"};
	for (int i = 0; i < 4; i++)
		add_block(&p, li[i], WN_BLOCK_LINK, navs[i], true);
	add_block(&p, h1, WN_BLOCK_HEADING, "Harbour wall to be restored", false);
	for (int i = 0; i < 3; i++)
		add_block(&p, ps[i], WN_BLOCK_PARAGRAPH, body_text[i], false);
	add_block(&p, cap, WN_BLOCK_CAPTION, "The old wall. Photo: Jane Smith", false);
	add_block(&p, share_p, WN_BLOCK_PARAGRAPH, "Share this story on Facebook, Twitter, "
		  "or by email with your friends", false);
	add_block(&p, side_p[0], WN_BLOCK_PARAGRAPH, "Sign up to our newsletter, every week, "
		  "for all the news, sport, and more.", false);
	add_block(&p, side_p[1], WN_BLOCK_PARAGRAPH, "Storm warning issued for the weekend, "
		  "across the whole coast, says the office", false);
	add_block(&p, foot_p, WN_BLOCK_PARAGRAPH, "Copyright 2019 Coastal News, all rights "
		  "reserved, terms, privacy", false);
	finish_page(&p, a);
	static struct wn_img imgs[1];
	imgs[0] = (struct wn_img){.src = "/img/wall.jpg", .node = img,
				  .caption_block = (int32_t)p.doc.n_blocks - 5};
	p.doc.imgs = imgs;
	p.doc.n_imgs = 1;
	p.doc.title = "Harbour wall to be restored | Coastal News";
	p.doc.lang = "en-GB";

	int32_t container = -1;
	CHECK(wn_extract_html_generic(&p.doc, false, &container) == WN_OK);
	CHECK(container == art);
	const char *w;
	CHECK(wn_extract_class_weight(&p.doc, side, &w) < 0 && !strcmp(w, "sidebar"));
	CHECK(wn_extract_class_weight(&p.doc, art, &w) > 0 && w == NULL);
	for (size_t b = 0; b < p.doc.n_blocks; b++) {
		const struct wn_block *blk = &p.blocks[b];
		bool in_article = blk->node >= art && blk->node < art + p.nodes[art].subtree_size;
		bool want_kept = in_article && blk->node != share_p;
		CHECK((blk->removed_by == NULL) == want_kept);
	}
	CHECK(p.blocks[0].removed_by && strstr(p.blocks[0].removed_by, "heuristic outside_content"));
	CHECK(p.blocks[9].removed_by && strstr(p.blocks[9].removed_by, "heuristic class:share"));

	struct wn_article out = {0};
	CHECK(wn_extract_html_meta(&p.doc, "https://www.coastal.example/news/2019/11/19/wall",
				   container, &out) == WN_OK);
	CHECK_STR(out.title, "Harbour wall to be restored");
	CHECK_STR(out.date, "2019-11-19");
	CHECK_STR(out.language, "en");
	CHECK(out.n_images == 1);
	if (out.n_images == 1) {
		CHECK_STR(out.images[0].url, "https://www.coastal.example/img/wall.jpg");
		CHECK_STR(out.images[0].caption, "The old wall.");
		CHECK_STR(out.images[0].credit, "Photo: Jane Smith");
	}
	wn_arena_free(a);
}

/* The whole HTML path on a hand-made page: parser, container, metadata. */
static void test_html_page(void)
{
	size_t len;
	char *page = read_data("page.html", &len);
	CHECK(page != NULL);
	if (!page)
		return;
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts o = {.explain = true, .url = "https://www.coastal.example/news/wall"};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, page, len, &o, &art) == WN_OK);
	if (art) {
		CHECK(art->input == WN_INPUT_HTML);
		CHECK_STR(art->site, "coastal.example");
		CHECK_STR(art->title, "Harbour wall to be restored");
		CHECK_STR(art->author, "Jane Smith, Tom Lee");
		CHECK_STR(art->date, "2019-11-19T08:03:00Z");
		CHECK_STR(art->date_raw, "2019-11-19T08:03:00Z");
		CHECK_STR(art->section, "Local");
		CHECK_STR(art->lead, "The council votes to repair the storm damage.");
		CHECK_STR(art->language, "en");
		CHECK(strstr(art->text, "The town council voted") == art->text ||
		      strstr(art->text, "Harbour wall to be restored\n\nThe town council") == art->text);
		CHECK(strstr(art->text, "A long wait") != NULL);
		CHECK(strstr(art->text, "smiled.") != NULL);
		CHECK(!strstr(art->text, "Share this") && !strstr(art->text, "Storm warning"));
		CHECK(!strstr(art->text, "Business") && !strstr(art->text, "Copyright"));
		CHECK(removed_with(art, "Share this story", "heuristic class:share"));
		CHECK(removed_with(art, "Storm warning", "heuristic outside_content"));
		CHECK(art->n_images == 1);
		if (art->n_images == 1) {
			CHECK_STR(art->images[0].url, "https://www.coastal.example/img/wall.jpg");
			CHECK_STR(art->images[0].credit, "Photo: Ann Wright");
		}
		check_json(art);
	}
	wn_arena_free(a);
	free(page);
}

static void test_words_and_language(void)
{
	CHECK(wn_extract_count_words("", 0) == 0);
	const char *s = "Hello, world — it's 2019! Привет мир";
	CHECK(wn_extract_count_words(s, strlen(s)) == 7);
	const char *de = "Der Hund und die Katze sind nicht mit dem Auto gefahren, das ist klar.";
	CHECK_STR(wn_extract_guess_language(de, strlen(de)), "de");
	const char *fr = "Le chat et le chien sont dans la maison, et les enfants sont au jardin pour jouer.";
	CHECK_STR(wn_extract_guess_language(fr, strlen(fr)), "fr");
	const char *es = "El perro y el gato están en la casa con los niños, y las flores son para la madre.";
	CHECK_STR(wn_extract_guess_language(es, strlen(es)), "es");
	CHECK(wn_extract_guess_language("12345 !!!", 9) == NULL);
}

static void test_bad_input(void)
{
	struct wn_arena *a = wn_arena_new(0);
	struct wn_article *art = NULL;
	struct wn_extract_opts o = {0};
	CHECK(wn_extract(a, "", 0, &o, &art) == WN_ERR_EMPTY);
	CHECK(wn_extract(a, NULL, 0, NULL, &art) == WN_ERR_EMPTY);
	struct wn_extract_opts t = {.kind = WN_INPUT_TEXT};
	CHECK(wn_extract(a, " \n\t \n", 5, &t, &art) == WN_ERR_EMPTY);
	CHECK(art == NULL);
	const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x01\x02";
	CHECK(wn_extract(a, gz, sizeof(gz) - 1, &o, &art) == WN_ERR_GZIP);
	struct wn_extract_opts small = {.kind = WN_INPUT_TEXT, .max_bytes = 4};
	CHECK(wn_extract(a, "hello world", 11, &small, &art) == WN_ERR_TOO_LARGE);
	/* Garbage: any bytes give an article or an error, never a crash. */
	unsigned seed = 12345;
	char junk[2048];
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < sizeof(junk); i++) {
			seed = seed * 1103515245 + 12345;
			junk[i] = (char)(seed >> 16);
		}
		struct wn_extract_opts g = {.kind = round % 3, .explain = true};
		art = NULL;
		enum wn_err err = wn_extract(a, junk, sizeof(junk) - (size_t)round * 37, &g, &art);
		CHECK(err < WN_ERR__COUNT);
		if (!err && art)
			check_json(art);
	}
	/* A budget too small to parse into comes back as NOMEM. */
	struct wn_arena *tiny = wn_arena_new(256);
	CHECK(wn_extract(tiny, "Some text.\n\nMore text here.", 27, &t, &art) == WN_ERR_NOMEM);
	wn_arena_free(tiny);
	wn_arena_free(a);
}

WN_TEST_MAIN(WN_TEST(test_text_generic_page), WN_TEST(test_text_grid_and_explain_cut),
	     WN_TEST(test_text_rule),
	     WN_TEST(test_dates), WN_TEST(test_title_suffix), WN_TEST(test_jsonld),
	     WN_TEST(test_html_generic), WN_TEST(test_html_page),
	     WN_TEST(test_words_and_language), WN_TEST(test_bad_input))
