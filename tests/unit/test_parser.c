/* test_parser.c -- bytes to doc: gzip, charsets, sniffing, HTML blocks, text. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "doc.h"
#include "input.h"
#include "utf8.h"
#include "wn_test.h"

/* Parses s with the given kind and transport charset into a new arena
 * (*arena, freed by the caller); NULL doc on error, the error in *err. */
static struct wn_doc *parse(struct wn_arena **arena, const char *s, size_t len,
			    enum wn_input_kind kind, const char *charset, enum wn_err *err)
{
	struct wn_parse_opts opts = {.kind = kind, .charset = charset, .max_bytes = 0};
	struct wn_doc *doc = NULL;
	*arena = wn_arena_new(0);
	enum wn_err e = wn_parser_parse(*arena, s, len, &opts, &doc);
	if (err)
		*err = e;
	return e ? NULL : doc;
}

/* Parses a NUL-terminated HTML string; NULL on error. */
static struct wn_doc *parse_html(struct wn_arena **arena, const char *html)
{
	return parse(arena, html, strlen(html), WN_INPUT_HTML, NULL, NULL);
}

/* The first block whose text equals text, or NULL. */
static const struct wn_block *find_block(const struct wn_doc *doc, const char *text)
{
	for (size_t i = 0; i < doc->n_blocks; i++)
		if (!strcmp(doc->blocks[i].text, text))
			return &doc->blocks[i];
	return NULL;
}

/* True when some block contains needle. */
static bool any_block_has(const struct wn_doc *doc, const char *needle)
{
	for (size_t i = 0; i < doc->n_blocks; i++)
		if (strstr(doc->blocks[i].text, needle))
			return true;
	return false;
}

/* Tag of the node that produced block b. */
static const char *block_tag(const struct wn_doc *doc, const struct wn_block *b)
{
	return b && b->node >= 0 ? doc->nodes[b->node].tag : NULL;
}

/* s converted from UTF-8 to charset with iconv (malloc'd); *len set. */
static char *encode(const char *s, const char *charset, size_t *len)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	size_t in_left = strlen(s), out_left = in_left * 4 + 8;
	char *out = malloc(out_left), *in = (char *)s, *o = out;
	iconv(cd, &in, &in_left, &o, &out_left);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

/* s gzip-compressed (malloc'd); *len set. */
static char *gzip(const char *s, size_t n, size_t *len)
{
	z_stream zs;
	memset(&zs, 0, sizeof(zs));
	deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	size_t cap = deflateBound(&zs, n) + 64;
	char *out = malloc(cap);
	zs.next_in = (unsigned char *)s;
	zs.avail_in = (unsigned)n;
	zs.next_out = (unsigned char *)out;
	zs.avail_out = (unsigned)cap;
	deflate(&zs, Z_FINISH);
	*len = zs.total_out;
	deflateEnd(&zs);
	return out;
}

static void test_blocks_and_kinds(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<html><body><div id=main class='c1 c2'>Loose   intro\n text"
		"<h2>The <em>Title</em></h2>"
		"<p>First &amp; <b>bold</b>  para.</p>"
		"<blockquote><p>Quoted words</p></blockquote>"
		"<table><tr><td>Cell one</td><th>Head</th></tr></table>"
		"<dl><dt>Term</dt><dd>Definition</dd></dl>"
		"tail text</div></body></html>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->kind == WN_INPUT_HTML);
	const struct wn_block *b = find_block(doc, "Loose intro text");
	CHECK(b && b->kind == WN_BLOCK_PARAGRAPH);
	CHECK_STR(block_tag(doc, b), "div");
	b = find_block(doc, "The Title");
	CHECK(b && b->kind == WN_BLOCK_HEADING && b->level == 2);
	b = find_block(doc, "First & bold para.");
	CHECK(b && b->kind == WN_BLOCK_PARAGRAPH && b->chars == 18 && b->link_chars == 0);
	CHECK_STR(block_tag(doc, b), "p");
	b = find_block(doc, "Quoted words");
	CHECK(b && b->kind == WN_BLOCK_QUOTE);
	b = find_block(doc, "Cell one");
	CHECK(b && b->kind == WN_BLOCK_TABLE_CELL);
	b = find_block(doc, "Head");
	CHECK(b && b->kind == WN_BLOCK_TABLE_CELL);
	CHECK(find_block(doc, "Term") && find_block(doc, "Term")->kind == WN_BLOCK_LIST_ITEM);
	CHECK(find_block(doc, "Definition"));
	b = find_block(doc, "tail text");
	CHECK(b && b->kind == WN_BLOCK_PARAGRAPH);
	CHECK_STR(block_tag(doc, b), "div");
	CHECK(b && doc->blocks[doc->n_blocks - 1].text == b->text);

	/* The node table: pre-order, parents, ids, classes, subtree sizes. */
	CHECK_STR(doc->nodes[0].tag, "html");
	CHECK(doc->nodes[0].parent == -1);
	CHECK(doc->nodes[0].subtree_size == (int32_t)doc->n_nodes);
	int32_t div = -1;
	for (size_t i = 0; i < doc->n_nodes; i++)
		if (doc->nodes[i].id && !strcmp(doc->nodes[i].id, "main"))
			div = (int32_t)i;
	CHECK(div > 0);
	if (div > 0) {
		const struct wn_node *n = &doc->nodes[div];
		CHECK_STR(n->cls, "c1 c2");
		CHECK_STR(wn_doc_attr(doc, div, "class"), "c1 c2");
		CHECK(n->first_block >= 0 && n->n_blocks == (int32_t)doc->n_blocks);
		CHECK_STR(doc->nodes[n->parent].tag, "body");
		CHECK(n->depth == 2);
		size_t chars = 0;
		for (size_t i = 0; i < doc->n_blocks; i++)
			chars += doc->blocks[i].chars;
		CHECK(n->text_chars == chars);
		/* Children linked in order: h2 first, then p. */
		int32_t c = n->first_child;
		CHECK(c > div && !strcmp(doc->nodes[c].tag, "h2"));
		CHECK(doc->nodes[c].next_sibling > c &&
		      !strcmp(doc->nodes[doc->nodes[c].next_sibling].tag, "p"));
		for (int32_t k = div + 1; k < div + n->subtree_size; k++)
			CHECK(doc->nodes[k].depth > n->depth);
	}
	/* An inline element's blocks: the <b> is in the paragraph's block. */
	for (size_t i = 0; i < doc->n_nodes; i++) {
		if (!strcmp(doc->nodes[i].tag, "b")) {
			CHECK(doc->nodes[i].n_blocks == 1);
			CHECK(doc->nodes[i].text_chars == 4);
			CHECK_STR(doc->blocks[doc->nodes[i].first_block].text, "First & bold para.");
		}
	}
out:
	wn_arena_free(a);
}

static void test_link_density(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<body><ul><li><a href=/a>Home</a></li><li><a href=/b>World news</a></li></ul>"
		"<p>A long paragraph of ordinary words with <a href=/x>one link</a> inside.</p>"
		"<p><a name=anchor>Not a link</a> at all</p>"
		"<div><a href=/more>Read more stories here</a> &raquo;</div></body>");
	CHECK(doc);
	if (!doc)
		goto out;
	const struct wn_block *b = find_block(doc, "Home");
	CHECK(b && b->kind == WN_BLOCK_LINK && b->link_chars == 4);
	CHECK_STR(block_tag(doc, b), "li");
	b = find_block(doc, "A long paragraph of ordinary words with one link inside.");
	CHECK(b && b->kind == WN_BLOCK_PARAGRAPH && b->link_chars == 8);
	b = find_block(doc, "Not a link at all");
	CHECK(b && b->kind == WN_BLOCK_PARAGRAPH && b->link_chars == 0);
	/* 22 of 24 characters are link text: over 90%. */
	b = find_block(doc, "Read more stories here \u00bb");
	CHECK(b && b->kind == WN_BLOCK_LINK);
	for (size_t i = 0; i < doc->n_nodes; i++)
		if (!strcmp(doc->nodes[i].tag, "ul"))
			CHECK(doc->nodes[i].link_chars == 14 && doc->nodes[i].text_chars == 14);
out:
	wn_arena_free(a);
}

static void test_nested_lists(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<ul><li>One<ul><li>Two<li>Two b</ul>After</li><li>Three</ul>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->n_blocks == 5);
	const char *want[] = {"One", "Two", "Two b", "After", "Three"};
	for (size_t i = 0; i < 5 && i < doc->n_blocks; i++) {
		CHECK_STR(doc->blocks[i].text, want[i]);
		CHECK(doc->blocks[i].kind == WN_BLOCK_LIST_ITEM);
	}
	/* "After" belongs to the outer item, like "One". */
	if (doc->n_blocks == 5) {
		CHECK(doc->blocks[3].node == doc->blocks[0].node);
		CHECK(doc->blocks[1].node != doc->blocks[0].node);
		CHECK(doc->nodes[doc->blocks[1].node].depth > doc->nodes[doc->blocks[0].node].depth);
	}
out:
	wn_arena_free(a);
}

static void test_pre_and_br(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<body><pre>\n  int x;\n    return  x;<br>end\n\n</pre>"
		"<p>line one<br>line   two</p><p>\u00a0 \t </p></body>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->n_blocks == 2);
	const struct wn_block *b = find_block(doc, "  int x;\n    return  x;\nend");
	CHECK(b && b->kind == WN_BLOCK_CODE);
	CHECK_STR(block_tag(doc, b), "pre");
	CHECK(find_block(doc, "line one line two"));
out:
	wn_arena_free(a);
}

/* A page hidden by visibility:hidden until a script has loaded its styles
 * (anti-flicker) is the page; a small element hidden so inside it stays
 * hidden, and display:none outside <main> hides however much it holds. */
static void test_hidden_page_wrapper(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<html><body><div id=root><div style='visibility: hidden; min-height:100vh'>"
		"<p>The whole article, all of its text, behind a wrapper a script shows.</p>"
		"<span style='visibility:hidden'>Tooltip</span></div></div>"
		"<p>Footer</p></body></html>");
	CHECK(doc && find_block(doc, "The whole article, all of its text, behind a wrapper a "
				      "script shows."));
	CHECK(doc && !any_block_has(doc, "Tooltip"));
	wn_arena_free(a);
	doc = parse_html(&a,
		"<html><body><div style='display:none'><p>The whole page hidden by display "
		"none stays hidden, as in a browser.</p></div><p>Shown</p></body></html>");
	CHECK(doc && doc->n_blocks == 1 && find_block(doc, "Shown"));
	wn_arena_free(a);
	/* Inside <main>, a box hidden by display:none that holds most of its
	 * text is a wrapper an app reveals (white space and scripts do not
	 * count); a small one stays hidden. */
	doc = parse_html(&a,
		"<html><body><nav><a href=/>Home</a> <a href=/shop>Shop everything we sell</a></nav>"
		"<main><div style='display:none'>Access denied</div>\n      \n      "
		"<div style='display:none'><p>The product's description, behind an app's "
		"lock.</p><script>var padding = 'a script is no text of the page';</script></div>"
		"</main><footer><p>A footer with its own long line of text in it.</p></footer>"
		"</body></html>");
	CHECK(doc && find_block(doc, "The product's description, behind an app's lock."));
	CHECK(doc && !any_block_has(doc, "Access denied"));
	wn_arena_free(a);
}

/* Text for screen readers only (sr-only, visually-hidden ...) is not the
 * page's, even inside a visible block; an <h1> so marked stays (it names
 * the page), and so does an element shown again from some width on. */
static void test_screen_reader_only(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<html><body><h1 class='sr-only'>Shop homepage</h1>"
		"<h2 class='visually-hidden'>Footer menu</h2>"
		"<p><span class='visually-hidden'>Regular price</span> $19.99 "
		"<a href=/x>Details<span class=\"screen-reader-text\"> (opens in a new tab)</span></a></p>"
		"<p><span class='sr-only md:not-sr-only'>Shown on desktops</span></p>"
		"</body></html>");
	CHECK(doc && find_block(doc, "Shop homepage"));
	CHECK(doc && !any_block_has(doc, "Footer menu"));
	CHECK(doc && find_block(doc, "$19.99 Details"));
	CHECK(doc && find_block(doc, "Shown on desktops"));
	wn_arena_free(a);
}

static void test_hidden_skipped(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<html><head><title>T</title><style>p{}</style></head><body>"
		"<p>Visible</p><div hidden><p>Hidden attr</p></div>"
		"<div hidden id=\"S:0\"><p>Streamed segment</p></div><div hidden id=\"S:x\">Hidden S</div>"
		"<div style='color:red; DISPLAY : None'>Hidden style</div>"
		"<span style='visibility:hidden'>Invisible span</span>"
		"<noscript><p>Without JS</p></noscript>"
		"<select><option>Choice</option></select><textarea>Typed</textarea>"
		"<iframe>frame text</iframe><object>obj text</object>"
		"<video>no video</video><p>Also visible</p></body></html>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->n_blocks == 4);
	CHECK(find_block(doc, "Visible"));
	CHECK(find_block(doc, "Streamed segment")); /* React's streamed page content */
	CHECK(find_block(doc, "Without JS")); /* what a reader without JavaScript sees */
	CHECK(find_block(doc, "Also visible"));
	const char *hidden[] = {"Hidden", "Invisible", "Choice", "Typed", "frame",
				"obj", "no video", "T"};
	for (size_t i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++)
		CHECK(!find_block(doc, hidden[i]) && !any_block_has(doc, hidden[i]));
	/* Hidden elements are still in the node table. */
	bool found = false;
	for (size_t i = 0; i < doc->n_nodes; i++)
		found |= !strcmp(doc->nodes[i].tag, "select") && doc->nodes[i].text_chars == 0;
	CHECK(found);
out:
	wn_arena_free(a);
}

/* A lean parse drops the data-* attributes nothing reads -- whole, with
 * quoted values holding '>' and spaces -- and keeps a lazy image's
 * data-src; a full one (for a site rule's selectors) keeps them all. */
static void test_lean_attrs(void)
{
	const char *html = "<div id=a data-state='{\"x\": \"a > b\"}' class=c data-n=1 "
			   "data-flag><img data-src=/real.jpg data-id=\"7\" alt=pic><p>Text</p></div>";
	for (int lean = 0; lean < 2; lean++) {
		struct wn_parse_opts opts = {.kind = WN_INPUT_HTML, .lean = lean};
		struct wn_arena *a = wn_arena_new(0);
		struct wn_doc *doc = NULL;
		CHECK(wn_parser_parse(a, html, strlen(html), &opts, &doc) == WN_OK);
		int32_t div = -1;
		for (size_t i = 0; doc && i < doc->n_nodes; i++)
			if (!strcmp(doc->nodes[i].tag, "div"))
				div = (int32_t)i;
		CHECK(div >= 0);
		if (div >= 0) {
			CHECK_STR(wn_doc_attr(doc, div, "id"), "a");
			CHECK_STR(wn_doc_attr(doc, div, "class"), "c");
			CHECK((wn_doc_attr(doc, div, "data-state") == NULL) == lean);
			CHECK((wn_doc_attr(doc, div, "data-n") == NULL) == lean);
			CHECK((wn_doc_attr(doc, div, "data-flag") == NULL) == lean);
		}
		CHECK(doc && doc->n_imgs == 1 && !strcmp(doc->imgs[0].src, "/real.jpg") &&
		      !strcmp(doc->imgs[0].alt, "pic"));
		CHECK(doc && find_block(doc, "Text"));
		wn_arena_free(a);
	}
}

/* Hand-written JSON-LD with a pasted line break in a string, a comment
 * and trailing commas is mended into JSON; escapes and URLs stay. */
static void test_jsonld_mended(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<script type=application/ld+json>{\"d\": \"one\n\ttwo\",\n"
		"  \"u\": \"http://x.example/a\\\"b\", // set by hand\n"
		"  \"l\": [1, 2, ],\n}</script><p>Body</p>");
	CHECK(doc && doc->n_jsonld == 1);
	if (doc && doc->n_jsonld == 1)
		CHECK_STR(doc->jsonld[0], "{\"d\": \"one  two\",\n"
			  "  \"u\": \"http://x.example/a\\\"b\", \n  \"l\": [1, 2]}");
	wn_arena_free(a);
}

static void test_script_style_svg_jsonld(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<html><head><script>var s = '<p>not text</p>'; if (a</scripty) x();</SCRIPT >"
		"<script type=\"Application/LD+JSON\"> {\"@type\": \"NewsArticle\", \"x\": \"</p>\"} </script>"
		"<style>p::before { content: '<div>'; }</style></head><body>"
		"<p>Before <!-- <p>commented</p> --> after</p>"
		"<svg viewBox='0 0 1 1'><svg><text>inner</text></svg><title>icon</title></svg>"
		"<svg/><p>Middle</p><template><p>tpl<template>t2</template>x</p></template>"
		"<script type='application/ld+json'>[1]</script><script></script>"
		"<p>End</p><!-- unterminated <p>lost</p>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->n_blocks == 3);
	CHECK(find_block(doc, "Before after"));
	CHECK(find_block(doc, "Middle"));
	CHECK(find_block(doc, "End"));
	CHECK(!any_block_has(doc, "not text") && !any_block_has(doc, "inner") &&
	      !any_block_has(doc, "icon") && !any_block_has(doc, "tpl") &&
	      !any_block_has(doc, "lost") && !any_block_has(doc, "commented"));
	CHECK(doc->n_jsonld == 2);
	if (doc->n_jsonld == 2) {
		CHECK_STR(doc->jsonld[0], "{\"@type\": \"NewsArticle\", \"x\": \"</p>\"}");
		CHECK_STR(doc->jsonld[1], "[1]");
	}
	for (size_t i = 0; i < doc->n_nodes; i++)
		CHECK(strcmp(doc->nodes[i].tag, "svg") && strcmp(doc->nodes[i].tag, "script"));
	/* A '>' or a stray "<script" inside a quoted attribute is not markup. */
	wn_arena_free(a);
	doc = parse_html(&a, "<p title='a > b <script>'>Kept</p><p data-x=\"<!--\">Too</p>");
	CHECK(doc && find_block(doc, "Kept") && find_block(doc, "Too"));
	/* An unclosed <svg> ends where a browser ends it: at an end tag of an
	 * HTML element around it, or an HTML start tag that breaks out of
	 * foreign content; not inside <foreignObject>, nor at an end tag of
	 * the svg's own elements (its <a>, its nested <svg>). */
	wn_arena_free(a);
	doc = parse_html(&a,
		"<ul><li><a href='#'><svg width='18'></a><p>After link</p></li></ul>"
		"<div><svg><g><text>g</text><div>Broke out</div></div>"
		"<svg><a href='#'><svg><text>zq1</text></svg></a><!-- </a> --><text>t</text></svg>"
		"<p>After svg</p><svg><foreignObject><div>html in svg</div></foreignObject>"
		"<text>x</text></svg><p>End</p>");
	CHECK(doc && find_block(doc, "After link") && find_block(doc, "Broke out") &&
	      find_block(doc, "After svg") && find_block(doc, "End"));
	CHECK(doc && !any_block_has(doc, "html in svg") && !any_block_has(doc, "zq1") &&
	      doc->n_blocks == 4);
out:
	wn_arena_free(a);
}

static void test_head_facts(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<!DOCTYPE html><html lang='ru-RU'><head><meta charset=utf-8>"
		"<title>\n  The   Page\ttitle \n</title>"
		"<meta property='og:title' content='OG title'>"
		"<meta NAME='Description' content='Desc &amp; more'>"
		"<meta property='og:image' content='https://x/og.jpg'>"
		"<link rel='stylesheet' href='/s.css'><link rel='Canonical' href='https://x/a'>"
		"</head><body><article><meta itemprop='datePublished' content='2020-01-02'>"
		"<p>Body</p></article></body></html>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK_STR(doc->title, "The Page title");
	CHECK_STR(doc->lang, "ru-RU");
	CHECK_STR(doc->canonical, "https://x/a");
	CHECK_STR(wn_doc_meta(doc, "og:title"), "OG title");
	CHECK_STR(wn_doc_meta(doc, "description"), "Desc & more");
	CHECK_STR(wn_doc_meta(doc, "DATEPUBLISHED"), "2020-01-02");
	CHECK(wn_doc_meta(doc, "charset") == NULL);
	CHECK(doc->n_blocks == 1 && find_block(doc, "Body"));
	CHECK(doc->n_imgs == 1);
	if (doc->n_imgs == 1) {
		CHECK_STR(doc->imgs[0].src, "https://x/og.jpg");
		CHECK(doc->imgs[0].node == -1 && doc->imgs[0].caption_block == -1);
	}
out:
	wn_arena_free(a);
}

static void test_figure_images(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a,
		"<body><p>Intro</p><figure><img src='a.jpg' alt='Alt A'>"
		"<figcaption><p>Photo: <b>Someone</b></p></figcaption></figure>"
		"<img src='data:image/gif;base64,R0lGOD' data-src='lazy.jpg'>"
		"<img srcset=' s1.jpg 1x, s2.jpg 2x'><img src=''>"
		"<figure><div><img src='b.jpg'></div><figcaption>Cap B</figcaption></figure>"
		"<table><caption>Table cap</caption><tr><td>x</td></tr></table></body>");
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->n_imgs == 4);
	if (doc->n_imgs != 4)
		goto out;
	CHECK_STR(doc->imgs[0].src, "a.jpg");
	CHECK_STR(doc->imgs[0].alt, "Alt A");
	CHECK_STR(doc->nodes[doc->imgs[0].node].tag, "img");
	int32_t cb = doc->imgs[0].caption_block;
	CHECK(cb >= 0);
	if (cb >= 0) {
		CHECK_STR(doc->blocks[cb].text, "Photo: Someone");
		CHECK(doc->blocks[cb].kind == WN_BLOCK_CAPTION);
	}
	CHECK_STR(doc->imgs[1].src, "lazy.jpg");
	CHECK(doc->imgs[1].caption_block == -1 && doc->imgs[1].alt == NULL);
	CHECK_STR(doc->imgs[2].src, "s1.jpg");
	CHECK_STR(doc->imgs[3].src, "b.jpg");
	cb = doc->imgs[3].caption_block;
	CHECK(cb >= 0 && !strcmp(doc->blocks[cb].text, "Cap B"));
	const struct wn_block *b = find_block(doc, "Table cap");
	CHECK(b && b->kind == WN_BLOCK_CAPTION);
out:
	wn_arena_free(a);
}

static const char page[] =
	"<html><head><title>Gz</title></head><body><p>Compressed paragraph.</p></body></html>";

static void test_gzip(void)
{
	size_t zl;
	char *z = gzip(page, strlen(page), &zl);
	CHECK(wn_parser_is_gzip(z, zl) && !wn_parser_is_gzip(page, strlen(page)));
	struct wn_arena *a;
	enum wn_err err;
	struct wn_doc *doc = parse(&a, z, zl, WN_INPUT_AUTO, NULL, &err);
	CHECK(err == WN_OK && doc);
	CHECK(doc && doc->kind == WN_INPUT_HTML && find_block(doc, "Compressed paragraph."));
	CHECK(doc && doc->title && !strcmp(doc->title, "Gz"));
	/* Inflation itself, NUL-terminated; the limit is inclusive. */
	char *out;
	size_t out_len;
	CHECK(wn_parser_inflate(a, z, zl, strlen(page), &out, &out_len) == WN_OK);
	CHECK(out_len == strlen(page) && !strcmp(out, page));
	CHECK(wn_parser_inflate(a, z, zl, strlen(page) - 1, &out, &out_len) == WN_ERR_TOO_LARGE);
	wn_arena_free(a);

	/* A zlib stream inflates too. */
	unsigned char zlib_buf[256];
	uLongf zlib_len = sizeof(zlib_buf);
	CHECK(compress(zlib_buf, &zlib_len, (const unsigned char *)page, strlen(page)) == Z_OK);
	a = wn_arena_new(0);
	CHECK(wn_parser_inflate(a, (const char *)zlib_buf, zlib_len, 0, &out, &out_len) == WN_OK);
	CHECK(out_len == strlen(page) && !strcmp(out, page));
	wn_arena_free(a);

	/* Two concatenated members read as one file, as with gunzip. */
	char *two = malloc(zl * 2);
	memcpy(two, z, zl);
	memcpy(two + zl, z, zl);
	a = wn_arena_new(0);
	CHECK(wn_parser_inflate(a, two, zl * 2, 0, &out, &out_len) == WN_OK);
	CHECK(out_len == 2 * strlen(page) && !strncmp(out + strlen(page), page, strlen(page)));
	wn_arena_free(a);
	free(two);
	free(z);
}

static void test_gzip_bomb(void)
{
	/* 64 MB of spaces compress to about 64 KB. */
	size_t n = 64u << 20;
	char *big = malloc(n);
	memset(big, ' ', n);
	memcpy(big, "<p>", 3);
	size_t zl;
	char *z = gzip(big, n, &zl);
	free(big);
	struct wn_arena *a = wn_arena_new(0);
	struct wn_parse_opts opts = {.kind = WN_INPUT_AUTO, .max_bytes = 1u << 20};
	struct wn_doc *doc;
	clock_t t0 = clock();
	CHECK(wn_parser_parse(a, z, zl, &opts, &doc) == WN_ERR_TOO_LARGE);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 0.5);
	/* Cut off at the limit: nothing near the full size was allocated. */
	CHECK(wn_arena_used(a) < (4u << 20));
	wn_arena_free(a);
	free(z);
}

static void test_corrupt_gzip(void)
{
	size_t zl;
	char *z = gzip(page, strlen(page), &zl);
	struct wn_arena *a = wn_arena_new(0);
	struct wn_doc *doc;
	/* Truncated. */
	CHECK(wn_parser_parse(a, z, zl / 2, NULL, &doc) == WN_ERR_GZIP);
	CHECK(wn_parser_parse(a, z, 2, NULL, &doc) == WN_ERR_GZIP);
	/* Corrupted: bad deflate data, then a bad CRC. */
	char *bad = malloc(zl);
	memcpy(bad, z, zl);
	for (size_t i = 10; i < 20; i++)
		bad[i] = (char)0xFF;
	CHECK(wn_parser_parse(a, bad, zl, NULL, &doc) == WN_ERR_GZIP);
	memcpy(bad, z, zl);
	bad[zl - 6] ^= 0x55;
	CHECK(wn_parser_parse(a, bad, zl, NULL, &doc) == WN_ERR_GZIP);
	wn_arena_free(a);
	free(bad);
	free(z);
}

static void test_empty_and_too_large(void)
{
	struct wn_arena *a = wn_arena_new(0);
	struct wn_doc *doc;
	CHECK(wn_parser_parse(a, "", 0, NULL, &doc) == WN_ERR_EMPTY);
	CHECK(wn_parser_parse(a, " \n\t\r\n ", 6, NULL, &doc) == WN_ERR_EMPTY);
	CHECK(wn_parser_parse(a, "\xEF\xBB\xBF  \n", 6, NULL, &doc) == WN_ERR_EMPTY);
	CHECK(wn_parser_parse(a, "\xFF\xFE \0\n\0", 6, NULL, &doc) == WN_ERR_EMPTY);
	size_t zl;
	char *z = gzip("   \n  ", 6, &zl);
	CHECK(wn_parser_parse(a, z, zl, NULL, &doc) == WN_ERR_EMPTY);
	free(z);
	struct wn_parse_opts opts = {.kind = WN_INPUT_AUTO, .max_bytes = 10};
	CHECK(wn_parser_parse(a, "<p>eleven b", 11, &opts, &doc) == WN_ERR_TOO_LARGE);
	CHECK(wn_parser_parse(a, "<p>ten byt", 10, &opts, &doc) == WN_OK);
	/* An HTML page without text is not an error, just a doc without blocks. */
	CHECK(wn_parser_parse(a, "<html></html>", 13, NULL, &doc) == WN_OK && doc->n_blocks == 0);
	wn_arena_free(a);
}

/* depth copies of <tag> around some text, unclosed. */
static void deep_nesting(const char *tag)
{
	size_t depth = 100000, tl = strlen(tag);
	char *s = malloc(depth * (tl + 2) + 64);
	size_t o = 0;
	for (size_t i = 0; i < depth; i++) {
		s[o++] = '<';
		memcpy(s + o, tag, tl);
		o += tl;
		s[o++] = '>';
	}
	memcpy(s + o, "deep text", 9);
	o += 9;
	struct wn_arena *a;
	enum wn_err err;
	clock_t t0 = clock();
	struct wn_doc *doc = parse(&a, s, o, WN_INPUT_HTML, NULL, &err);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(err == WN_OK && doc);
	CHECK(secs < 5);
	if (doc) {
		CHECK(any_block_has(doc, "deep text"));
		CHECK(doc->nodes[0].subtree_size == (int32_t)doc->n_nodes);
		CHECK(doc->nodes[0].text_chars == 9);
	}
	wn_arena_free(a);
	free(s);
}

static void test_deep_nesting(void)
{
	deep_nesting("div");
	deep_nesting("b");
	deep_nesting("span");
	deep_nesting("table");
}

static const char russian[] =
	"Привет, мир! Это простой тестовый текст о погоде, новостях и "
	"событиях в нашем городе. Сегодня ожидается тёплая погода.";

/* An HTML page around the Russian text, with an optional <meta>. */
static char *ru_page(const char *meta)
{
	static char buf[1024];
	snprintf(buf, sizeof(buf), "<html><head>%s<title>Тест</title></head><body><p>%s</p></body></html>",
		 meta, russian);
	return buf;
}

/* Encodes the UTF-8 page s to charset, parses it (with the transport
 * charset given) and checks the text came out right. */
static void check_charset(const char *s, const char *charset, const char *transport,
			  const char *want_charset)
{
	size_t len;
	char *bytes = encode(s, charset, &len);
	struct wn_arena *a;
	enum wn_err err;
	struct wn_doc *doc = parse(&a, bytes, len, WN_INPUT_AUTO, transport, &err);
	CHECK(err == WN_OK && doc);
	if (doc) {
		CHECK_STR(doc->charset, want_charset);
		CHECK(doc->bad_bytes == 0);
		CHECK(doc->n_blocks == 1 && find_block(doc, russian));
		if (doc->kind == WN_INPUT_HTML)
			CHECK_STR(doc->title, "Тест");
	}
	wn_arena_free(a);
	free(bytes);
}

static void test_charset_cyrillic(void)
{
	/* Declared via <meta charset> and via http-equiv, with aliases. */
	check_charset(ru_page("<meta charset=\"windows-1251\">"), "CP1251", NULL, "windows-1251");
	check_charset(ru_page("<meta http-equiv='Content-Type' content='text/html; charset=cp1251'>"),
		      "CP1251", NULL, "windows-1251");
	check_charset(ru_page("<META HTTP-EQUIV=Content-Type CONTENT=\"text/html;charset=KOI8-R\">"),
		      "KOI8-R", NULL, "koi8-r");
	check_charset(ru_page("<meta charset=koi8r>"), "KOI8-R", NULL, "koi8-r");
	/* Undeclared: the guess. */
	check_charset(ru_page(""), "CP1251", NULL, "windows-1251");
	check_charset(ru_page(""), "KOI8-R", NULL, "koi8-r");
	check_charset(russian, "CP1251", NULL, "windows-1251");
	check_charset(russian, "KOI8-R", NULL, "koi8-r");
	/* The transport charset wins over a wrong <meta>; an unknown transport
	 * name falls through to the <meta>. */
	check_charset(ru_page("<meta charset=koi8-r>"), "CP1251", "x-cp1251", "windows-1251");
	check_charset(ru_page("<meta charset=cp1251>"), "CP1251", "no-such-charset", "windows-1251");
	/* An unknown <meta> name falls through to the guess. */
	check_charset(ru_page("<meta charset=bogus-1>"), "KOI8-R", NULL, "koi8-r");
	/* UTF-8 and UTF-16 with BOMs. */
	check_charset(ru_page(""), "UTF-8", NULL, "utf-8");
	check_charset(ru_page("<meta charset=utf-16>"), "UTF-16", NULL, "utf-16le");
}

static void test_charset_western_and_invalid(void)
{
	struct wn_arena *a;
	enum wn_err err;
	/* latin1 means windows-1252 (0x93/0x94 are curly quotes there). */
	const char latin[] = "<meta charset=iso-8859-1><p>caf\xE9 \x93quoted\x94</p>";
	struct wn_doc *doc = parse(&a, latin, strlen(latin), WN_INPUT_AUTO, NULL, &err);
	CHECK(doc && !strcmp(doc->charset, "windows-1252"));
	CHECK(doc && find_block(doc, "café “quoted”"));
	wn_arena_free(a);
	/* Undeclared Western text is windows-1252, not Cyrillic. */
	const char west[] = "Gr\xFC\xDF Gott, sch\xF6ne Stra\xDF" "e in M\xFCnchen";
	doc = parse(&a, west, strlen(west), WN_INPUT_AUTO, NULL, &err);
	CHECK(doc && !strcmp(doc->charset, "windows-1252"));
	CHECK(doc && find_block(doc, "Grüß Gott, schöne Straße in München"));
	wn_arena_free(a);
	/* A page re-encoded to UTF-8 whose <meta> still says latin1. */
	const char reenc[] = "<meta charset=iso-8859-1><p>café</p>";
	doc = parse(&a, reenc, strlen(reenc), WN_INPUT_AUTO, NULL, &err);
	CHECK(doc && !strcmp(doc->charset, "utf-8") && find_block(doc, "café"));
	wn_arena_free(a);
	/* Invalid UTF-8 becomes U+FFFD, counted, declared or not. */
	const char inv[] = "<meta charset=utf-8><p>a\xFF" "b\xC3(c\xE2\x82</p>";
	doc = parse(&a, inv, strlen(inv), WN_INPUT_AUTO, NULL, &err);
	CHECK(doc && find_block(doc, "a\uFFFDb\uFFFD(c\uFFFD\uFFFD"));
	CHECK(doc && doc->bad_bytes == 4);
	wn_arena_free(a);
	const char inv2[] = "plain \xE2\x80\x94 text \xC0 with one bad byte \xE2\x80\x94 ok";
	doc = parse(&a, inv2, strlen(inv2), WN_INPUT_TEXT, "utf-8", &err);
	CHECK(doc && doc->bad_bytes == 1 && any_block_has(doc, "text \uFFFD with"));
	wn_arena_free(a);
	doc = parse(&a, inv2, strlen(inv2), WN_INPUT_TEXT, NULL, &err);
	CHECK(doc && !strcmp(doc->charset, "utf-8") && doc->bad_bytes == 1);
	wn_arena_free(a);

	/* wn_parser_to_utf8 directly: NUL-terminated, BOM stripped. */
	a = wn_arena_new(0);
	char *out;
	size_t out_len;
	const char *used;
	int bad;
	CHECK(wn_parser_to_utf8(a, "\xEF\xBB\xBFhi", 5, NULL, WN_INPUT_TEXT, &out, &out_len,
				&used, &bad) == WN_OK);
	CHECK(out_len == 2 && !strcmp(out, "hi") && !strcmp(used, "utf-8") && bad == 0);
	CHECK(wn_parser_to_utf8(a, "\xFE\xFF\x04\x1F\x00!", 6, "koi8-r", WN_INPUT_TEXT, &out,
				&out_len, &used, &bad) == WN_OK);
	CHECK(!strcmp(out, "П!") && !strcmp(used, "utf-16be"));
	/* A truncated UTF-16 sequence at the end. */
	CHECK(wn_parser_to_utf8(a, "h\0i", 3, "utf-16le", WN_INPUT_TEXT, &out, &out_len, &used,
				&bad) == WN_OK);
	CHECK(!strcmp(out, "h\uFFFD") && bad == 1);
	wn_arena_free(a);
}

static void test_text_input(void)
{
	const char text[] = "Title line\r\n\r\nFirst para line one\r\n  line two  \r\n"
			    "\n \t \nSecond para\n\n";
	struct wn_arena *a;
	enum wn_err err;
	struct wn_doc *doc = parse(&a, text, strlen(text), WN_INPUT_AUTO, NULL, &err);
	CHECK(doc);
	if (!doc)
		goto out;
	CHECK(doc->kind == WN_INPUT_TEXT && doc->n_nodes == 0);
	CHECK(doc->n_lines == 9);
	CHECK(doc->n_blocks == 3);
	if (doc->n_blocks == 3) {
		CHECK_STR(doc->blocks[0].text, "Title line");
		CHECK_STR(doc->blocks[1].text, "First para line one\nline two");
		CHECK(doc->blocks[1].first_line == 2 && doc->blocks[1].n_lines == 2);
		CHECK_STR(doc->blocks[2].text, "Second para");
		CHECK(doc->blocks[2].node == -1);
	}
	CHECK(doc->lines[1].block == -1 && doc->lines[2].block == 1);
	CHECK(doc->lines[0].len == 10); /* '\r' stripped */
	CHECK(!strncmp(doc->text + doc->lines[6].off, "Second para", 11));
	/* Text forced as text even when it looks like HTML. */
	wn_arena_free(a);
	doc = parse(&a, "<p>x</p>", 8, WN_INPUT_TEXT, NULL, &err);
	CHECK(doc && doc->kind == WN_INPUT_TEXT && find_block(doc, "<p>x</p>"));
out:
	wn_arena_free(a);
}

static void test_sniff_kind(void)
{
	struct {
		const char *s;
		enum wn_input_kind want;
	} cases[] = {
		{"<!DOCTYPE html><p>x", WN_INPUT_HTML},
		{"\xEF\xBB\xBF  \n<html lang=en>", WN_INPUT_HTML},
		{"<HEAD><title>x</title>", WN_INPUT_HTML},
		{"<body>", WN_INPUT_HTML},
		{"<!-- saved from url -->\n<div>", WN_INPUT_HTML},
		{"Some text first\n<div class=x>then markup</div>", WN_INPUT_HTML},
		{"Hello<br>world", WN_INPUT_HTML},
		{"A paragraph.<p>Another", WN_INPUT_HTML},
		{"Just plain text.\n\nWith paragraphs.", WN_INPUT_TEXT},
		{"Math: a <b and c> d; x <divide y; <3 love", WN_INPUT_TEXT},
		{"", WN_INPUT_TEXT},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum wn_input_kind got = wn_parser_sniff_kind(cases[i].s, strlen(cases[i].s));
		if (got != cases[i].want)
			fprintf(stderr, "sniff case %zu: %s\n", i, wn_input_kind_name(got));
		CHECK(got == cases[i].want);
	}
	/* UTF-16 HTML sniffs as HTML. */
	CHECK(wn_parser_sniff_kind("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14) == WN_INPUT_HTML);
}

static void test_arena_budget(void)
{
	/* A budget too small for the page: an error, never a crash. */
	char html[4096];
	size_t o = 0;
	while (o + 20 < sizeof(html))
		o += (size_t)snprintf(html + o, sizeof(html) - o, "<p>para %zu</p>", o);
	for (size_t budget = 1024; budget < 256 * 1024; budget *= 2) {
		struct wn_arena *a = wn_arena_new(budget);
		struct wn_doc *doc;
		enum wn_err err = wn_parser_parse(a, html, o, NULL, &doc);
		CHECK(err == WN_OK || err == WN_ERR_NOMEM);
		wn_arena_free(a);
	}
}

/* A code block of blank lines only is never emitted: the nodes inside it
 * must not point at it (found by fuzz_html: "<pre><e>\n"). */
static void test_blank_code_block_ranges(void)
{
	const char *pages[] = {"<pre><e>\n", "<pre><b>\n</b></pre><p>after</p>"};
	for (size_t k = 0; k < 2; k++) {
		struct wn_arena *a;
		struct wn_doc *doc = parse_html(&a, pages[k]);
		CHECK(doc);
		for (size_t i = 0; doc && i < doc->n_nodes; i++) {
			const struct wn_node *n = &doc->nodes[i];
			CHECK(n->first_block == -1 ||
			      (size_t)n->first_block + (size_t)n->n_blocks <= doc->n_blocks);
		}
		wn_arena_free(a);
	}
}

/* No BOM in the output, even a UTF-16 BOM repeated behind a BOM (found by
 * fuzz_text: FE FF FE FF). */
static void test_repeated_bom(void)
{
	struct wn_arena *a = wn_arena_new(0);
	char *out;
	size_t len;
	const char *cs;
	int bad;
	CHECK(wn_parser_to_utf8(a, "\xfe\xff\xfe\xff\x00x", 6, NULL, WN_INPUT_TEXT, &out, &len, &cs,
				&bad) == WN_OK);
	CHECK(len == 1 && out[0] == 'x');
	CHECK_STR(cs, "utf-16be");
	wn_arena_free(a);
}

/* UTF-8 read as windows-1252 or latin-1 and encoded again is repaired;
 * what could be meant stays. */
static void test_mojibake(void)
{
	struct wn_arena *a = wn_arena_new(0);
	char *out;
	size_t len;
	const char *cs;
	int bad;
	/* "’" through windows-1252, "—" through latin-1 (C1 controls), "é"
	 * and "°" through either. */
	const char *in = "It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s here \xC3\xA2\xC2\x80\xC2\x94 "
			 "caf\xC3\x83\xC2\xA9, 40\xC3\x82\xC2\xB0";
	CHECK(wn_parser_to_utf8(a, in, strlen(in), NULL, WN_INPUT_TEXT, &out, &len, &cs, &bad) ==
	      WN_OK);
	CHECK_STR(out, "It\xE2\x80\x99s here \xE2\x80\x94 caf\xC3\xA9, 40\xC2\xB0");
	CHECK(len == strlen(out));
	/* Real text: Portuguese "NÃO", Turkish "Ä±" shapes, a lone "â". */
	in = "N\xC3\x83O S\xC3\x83O \xC3\x84\xC2\xB1 \xC3\xA2 ok";
	CHECK(wn_parser_to_utf8(a, in, strlen(in), NULL, WN_INPUT_TEXT, &out, &len, &cs, &bad) ==
	      WN_OK);
	CHECK_STR(out, in);
	wn_arena_free(a);
}

/* An out-of-range character reference must not put invalid UTF-8 in the
 * doc (found by fuzz_html: "h&#x88888888"). */
static void test_bad_char_ref(void)
{
	struct wn_arena *a;
	struct wn_doc *doc = parse_html(&a, "<p title=\"&#x88888888;\">h&#x88888888;</p>");
	CHECK(doc && doc->n_blocks == 1);
	for (size_t i = 0; doc && i < doc->n_blocks; i++)
		CHECK(wn_utf8_valid(doc->blocks[i].text, doc->blocks[i].len));
	for (size_t i = 0; doc && i < doc->n_nodes; i++)
		for (size_t k = 0; k < doc->nodes[i].n_attrs; k++)
			CHECK(wn_utf8_valid(doc->nodes[i].attrs[k].value,
					    strlen(doc->nodes[i].attrs[k].value)));
	/* ... nor the <title> (fuzz_html, 2026-11-25: "<title>&#xdad80580") or
	 * a meta value. */
	wn_arena_free(a);
	doc = parse_html(&a, "<title>&#xdad80580</title><meta name=x content='&#x88888888;'>");
	CHECK(doc && doc->title && wn_utf8_valid(doc->title, strlen(doc->title)));
	CHECK(doc && doc->n_metas == 1 &&
	      wn_utf8_valid(doc->metas[0].value, strlen(doc->metas[0].value)));
	/* ... nor an image's URL (fuzz_html: data-src="//w&#x285dad580"), its
	 * alt, the page's lang, its canonical URL or a meta name. */
	wn_arena_free(a);
	doc = parse_html(&a, "<html lang='&#x88888888;'><head><link rel=canonical "
			 "href='&#x88888888;'><meta name='&#x88888888;' content=x></head><body>"
			 "<img data-src='//w&#x285dad580' alt='&#x88888888;'></body></html>");
	CHECK(doc && doc->n_imgs == 1 && doc->n_metas == 1 && doc->lang && doc->canonical);
	if (doc && doc->n_imgs == 1 && doc->n_metas == 1 && doc->lang && doc->canonical) {
		CHECK(wn_utf8_valid(doc->imgs[0].src, strlen(doc->imgs[0].src)));
		CHECK(wn_utf8_valid(doc->imgs[0].alt, strlen(doc->imgs[0].alt)));
		CHECK(wn_utf8_valid(doc->lang, strlen(doc->lang)));
		CHECK(wn_utf8_valid(doc->canonical, strlen(doc->canonical)));
		CHECK(wn_utf8_valid(doc->metas[0].key, strlen(doc->metas[0].key)));
	}
	wn_arena_free(a);
}

/* wn_parser_read_file(): whole files, the size cap, missing files. */
static void test_read_file(void)
{
	char path[] = "/tmp/wn_test_read_XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	CHECK(write(fd, "hello", 5) == 5);
	close(fd);
	char *buf;
	size_t len;
	int sys_err;
	CHECK(wn_parser_read_file(path, 0, &buf, &len, &sys_err) == WN_OK);
	CHECK(len == 5);
	CHECK_STR(buf, "hello");
	free(buf);
	CHECK(wn_parser_read_file(path, 5, &buf, &len, &sys_err) == WN_OK);
	free(buf);
	CHECK(wn_parser_read_file(path, 4, &buf, &len, &sys_err) == WN_ERR_TOO_LARGE);
	CHECK(buf == NULL);
	unlink(path);
	CHECK(wn_parser_read_file(path, 0, &buf, &len, &sys_err) == WN_ERR_IO);
	CHECK(sys_err == ENOENT);
}

static void test_utf8_valid(void)
{
	CHECK(wn_utf8_valid("plain \xd0\x9c\xd0\x98\xd0\x94 \xef\xbf\xbd", 16));
	CHECK(!wn_utf8_valid("\xff", 1));
	CHECK(!wn_utf8_valid("\xc0\xaf", 2));       /* overlong '/' */
	CHECK(!wn_utf8_valid("\xed\xa0\x80", 3));   /* a surrogate */
	CHECK(!wn_utf8_valid("\xd0", 1));           /* cut off */
}

WN_TEST_MAIN(WN_TEST(test_blocks_and_kinds), WN_TEST(test_link_density),
	     WN_TEST(test_nested_lists), WN_TEST(test_pre_and_br), WN_TEST(test_hidden_skipped),
	     WN_TEST(test_script_style_svg_jsonld), WN_TEST(test_lean_attrs), WN_TEST(test_jsonld_mended), WN_TEST(test_head_facts),
	     WN_TEST(test_figure_images), WN_TEST(test_gzip), WN_TEST(test_gzip_bomb),
	     WN_TEST(test_corrupt_gzip), WN_TEST(test_empty_and_too_large),
	     WN_TEST(test_deep_nesting), WN_TEST(test_charset_cyrillic),
	     WN_TEST(test_charset_western_and_invalid), WN_TEST(test_text_input),
	     WN_TEST(test_sniff_kind), WN_TEST(test_arena_budget),
	     WN_TEST(test_read_file), WN_TEST(test_utf8_valid),
	     WN_TEST(test_blank_code_block_ranges), WN_TEST(test_repeated_bom), WN_TEST(test_mojibake), WN_TEST(test_hidden_page_wrapper),
	     WN_TEST(test_screen_reader_only),
	     WN_TEST(test_bad_char_ref))
