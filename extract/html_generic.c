/* html_generic.c -- picking the article container of an HTML page.
 *
 * After arc90 readability, over winnow's flat node table: every paragraph
 * block of some length and few links scores 1 + its commas + up to 3 for
 * length; the score goes to the element holding it (full) and the one
 * above (half).  A candidate then gains or loses by semantic evidence
 * (<article>, <main>, itemprop=articleBody, role=main) and by the
 * vocabulary of its class and id, and is scaled by (1 - link density).
 * The best candidate is the container; siblings scoring close to it join
 * it (articles split across several boxes).
 *
 * That winner only sees paragraphs and their parents, so content spread
 * over many small boxes (forum posts, testimonials, product specs, item
 * lists) escapes it.  Each element also has a content mass: the good
 * characters of its blocks (outside links, not link-dense, not under
 * boilerplate) minus the bad ones (links, link-dense blocks, boilerplate),
 * summed over its subtree with prefix sums over the blocks (blocks of a
 * subtree are contiguous).  A link-dense block of a few words is an item
 * title, neither.  When readability's container holds less than half the
 * good text of the heaviest element, the heaviest one is the container
 * instead (unless readability's holds 70% of it).  Off an article's page
 * (og:type, JSON-LD) boilerplate weighs nothing in the mass: the cleaning
 * drops it anyway, and landing pages spread content between menus.  A
 * third candidate is the largest item list: an element with several
 * children of one shape, each a box of several blocks with text outside
 * links or a blurb (product tiles, listing entries, news cards).  It is
 * the container when the page has little prose and it holds several
 * times the text of the others; it widens over sibling grids; its links
 * stay.  Smaller, but holding half the container's text, it joins the
 * container (a category's description and its grid).  Inside, blocks are dropped when they sit in a boilerplate-
 * classed subtree or a nav/aside/footer/form, or are mostly links (but
 * a container that is mostly item titles keeps them, and off articles'
 * and products' pages so do the items of a list holding a quarter of the
 * content).  Everything outside
 * is dropped.  Last, a kept block of 80+ characters repeating an earlier
 * kept one goes (responsive copies, cloned slides).  On an article's page
 * with a clear readability winner, a run of like cards outside it, each a
 * title link and one blurb, is teasers ("More from", "You may like"): bad
 * in the mass, dropped in the cleaning.  On a product's page (og:type
 * product, a JSON-LD Product, microdata Product) other products' tiles
 * are teasers too (dropped only), and customer reviews, footnotes and
 * carousels are boilerplate; on an article's page captions are.  Two or more one-
 * paragraph boxes beside readability's winner join it (arc90), a heaviest
 * element marked itemprop=articleBody around the winner is the
 * container, and in the winner a paragraph of some words with links in
 * it is prose, not a link list.  A noise-section heading ("You may also
 * like", "Read next") in the content goes with its section.
 *
 * Vocabulary does not count on layout classes (one class string on
 * elements holding most of the page), hiding classes hide unless shown on
 * a desktop, a <form> holding most of the page is a wrapper (so is one
 * wrapping a grid of items with blurbs, off articles and products), a <header>
 * in a <section> heads a section, a modal dialog never holds the article
 * (readability's winner is sought outside), and comment vocabulary is
 * neutral where comments are content (include_comments, or a schema.org
 * DiscussionForumPosting).
 * docs/extraction.md has the whole story and the scores.
 *
 * Reasons: "heuristic outside_content S" (S: the best score of any
 * candidate holding the block, 0 if none), "heuristic class:WORD W",
 * "heuristic tag:TAG W", "heuristic teaser W", "heuristic link_density D",
 * "heuristic duplicate N", "heuristic credit W", "heuristic furniture_line W",
 * "heuristic control_line W", "heuristic cookie W",
 * "heuristic script_notice W", "heuristic copyright W",
 * "heuristic noise_section W".
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "extract_internal.h"
#include "hash.h"

/* A paragraph counts from this many characters on. */
#define WN_PARA_MIN_CHARS 25
/* Blocks with more of their text in links than this are navigation. */
#define WN_LINK_DENSITY_MAX 0.5
/* Class/id weight, as in readability. */
#define WN_CLASS_WEIGHT 25
/* Siblings join the container when scoring this fraction of it. */
#define WN_SIBLING_FRACTION 0.2
/* A character of bad text (links, boilerplate) cancels this many good ones
 * in an element's content mass. */
#define WN_MASS_BAD_WEIGHT 1.0
/* The mass winner replaces readability's container when that holds less
 * than this fraction of the winner's good text. */
#define WN_MASS_FRACTION 0.7
/* A link-dense block of this many words is an item title, not a menu entry. */
#define WN_ITEM_WORDS 4
/* A container whose kept text is more than this fraction item titles is an
 * item list (listing, category, search results), and keeps them. */
#define WN_ITEM_LIST_FRACTION 0.5
/* A block of this many words (not a heading) is a blurb: an item's
 * summary, never a menu entry. */
#define WN_BLURB_WORDS 10
/* A paragraph beside readability's winner joins it from this many
 * characters, with links under this fraction of them. */
#define WN_SIBLING_PARA_CHARS 80
#define WN_SIBLING_PARA_LINKS 0.25
/* ... when there are this many of them. */
#define WN_SIBLING_PARAS 2
/* In readability's winner, a paragraph with links under this fraction of
 * its text is prose with links in it (wn_is_linked_prose). */
#define WN_LINKED_PROSE_MAX 0.7
/* An item list has at least this many items of one shape. */
#define WN_LIST_MIN_ITEMS 4
/* The item list replaces the container when it holds this many times its
 * text. */
#define WN_LIST_OVER 3
/* ... unless readability's winner scores this much: a page with that
 * much prose is an article, and a list beside it is teasers. */
#define WN_LIST_PROSE 40
/* A box with this much text outside links, and links under this fraction
 * of its text, is prose whatever its class (wn_is_prose_box). */
#define WN_PROSE_BOX_CHARS 600
#define WN_PROSE_BOX_LINKS 0.15
/* ... and joins the content beside it when it holds at least 1/this of
 * its text. */
#define WN_LIST_BESIDE 2
/* Teasers come in runs of at least this many like cards, around an
 * article whose readability winner scores this much. */
#define WN_TEASER_MIN_CARDS 3
#define WN_TEASER_PROSE 50
/* Inside the container, the titles of an item list holding at least this
 * fraction of the container's text are its items' (wn_list_items). */
#define WN_LIST_SHARE 0.25
/* A link of at most this many characters that parses as a date is a time
 * stamp, not an item's title. */
#define WN_STAMP_CHARS 40
/* A noise-section heading ("Related", "You may also like") has at most
 * this many characters. */
#define WN_NOISE_HEADING_CHARS 60
/* A notice about JavaScript has fewer characters than this. */
#define WN_NOTICE_CHARS 300
/* A copyright line has fewer characters than this. */
#define WN_COPYRIGHT_CHARS 120
/* Repeated blocks are dropped from this many characters on. */
#define WN_REPEAT_MIN_CHARS 80

/* Class/id vocabulary.  Substrings of the lower-cased class and id,
 * except the short words, which must be a whole token. */
static const char *const wn_positive[] = {"article", "body", "content", "entry", "hentry",
					  "main", "post", "story", "text", "blog"};
static const char *const wn_negative[] = {
	"advert", "banner", "breadcrumb", "breaking-news", "breakingnews", "breaking_news",
	"byline", "calendar", "comment", "consent", "cookie", "news-ticker", "newsticker",
	"footer", "header", "masthead", "menu", "modal", "most-read", "mostread", "most_read",
	"navbar", "navigation", "newsletter", "outbrain", "popular", "popup", "promo",
	"recommend", "related", "share", "sharing", "sidebar", "signup", "social", "sponsor",
	"subscribe", "taboola", "toolbar", "trending", "widget", "login", "gdpr", "skip-link",
	"signature", "userinfo", "user-info", "postprofile", "user-details", "userdetails",
	"userextras", "user-extras"};
static const char *const wn_negative_tokens[] = {"ad", "ads", "cta", "nav", "tag", "tags", "meta",
						 "print", "tools", "aside", "share"};

/* Tags whose whole subtree is page furniture wherever it appears. */
static const char *const wn_furniture_tags[] = {"nav", "aside", "footer", "form", "button",
						"select", "menu", "header"};

/* True when the lower-cased class/id string s hides its element: a
 * hiding token (hidden, hide, d-none, sr-only, invisible), except
 * overflow-hidden (clipping, not hiding), a newer one qualified by what
 * follows ("hide-mobile", "hide-scrollbar", "hide-last-connector": small
 * screens, or a part; "hidden-xs" and the like still hide, as measured,
 * but "hidden-md-down" and "hidden-down-md" hide on small screens only),
 * and any in a string that shows the element from some width on ("hidden
 * md:flex", "d-none d-lg-block"): a reader sees the page on a desktop. */
static bool wn_hides(const char *s)
{
	static const char *const hiding[] = {"hidden", "hide", "d-none", "sr-only", "invisible"};
	static const char *const shown[] = {":block", ":flex", ":grid", ":inline", ":table",
					    "d-sm-", "d-md-", "d-lg-", "d-xl-"};
	for (size_t k = 0; k < sizeof(shown) / sizeof(shown[0]); k++) {
		const char *p = strstr(s, shown[k]);
		if (p && strncmp(p + strlen(shown[k]), "none", 4))
			return false;
	}
	for (size_t k = 0; k < sizeof(hiding) / sizeof(hiding[0]); k++) {
		size_t l = strlen(hiding[k]);
		for (const char *p = s; (p = strstr(p, hiding[k])); p++) {
			bool start = p == s || !((p[-1] >= 'a' && p[-1] <= 'z') ||
						 (p[-1] >= '0' && p[-1] <= '9'));
			char e = p[l];
			bool end = (e != '-' || !k) && !((e >= 'a' && e <= 'z') || (e >= '0' && e <= '9'));
			bool overflow = (p - s >= 9 && !strncmp(p - 9, "overflow-", 9)) ||
					(p - s >= 11 && (!strncmp(p - 11, "overflow-x-", 11) ||
							 !strncmp(p - 11, "overflow-y-", 11)));
			size_t t = strcspn(p, " \t\n");
			const char *down = strstr(p, "down");
			if (start && end && !overflow && !(k == 0 && down && down < p + t))
				return true;
		}
	}
	return false;
}

/* True when word (of wn_negative, wn_negative_tokens) names where a box
 * sits or how it is built -- a widget, a banner, a sidebar, a footer, a
 * hidden tab -- rather than what it says.  Content sits in such boxes
 * ("text-widget", "hero-banner", "section-footer" with the collection's
 * description, a tab panel hidden until clicked); it never sits in a
 * menu, a modal, a promo, a share bar, comments or related links. */
static bool wn_is_layout_word(const char *word)
{
	static const char *const layout[] = {"widget", "banner", "footer", "header", "masthead",
					     "sidebar", "aside", "hidden"};
	for (size_t k = 0; k < sizeof(layout) / sizeof(layout[0]); k++)
		if (!strcmp(word, layout[k]))
			return true;
	return false;
}

/* True when the boilerplate word occurs in s other than as the start of
 * a word that means something else: "promoted" (Drupal's node--promoted,
 * a view of featured blocks) is content put forward, not a promo.  Nor
 * does "widget" glued to a word before it ("celwidget", Amazon's mark on
 * every content element; "StoreSaleWidgetShortDesc", a card's blurb):
 * there it names a part of something else, where "widget", "widget_text"
 * and "sidebar-widget" name a box of the sidebar. */
static bool wn_has_negative(const char *s, const char *word)
{
	static const char *const not_boiler[][2] = {{"promo", "promoted"},
						    {"social", "social-embed"},
						    {"social", "social-media-embed"}};
	for (const char *p = s; (p = strstr(p, word)); p++) {
		bool other = !strcmp(word, "widget") && p > s && p[-1] >= 'a' && p[-1] <= 'z';
		for (size_t k = 0; k < sizeof(not_boiler) / sizeof(not_boiler[0]) && !other; k++)
			other = !strcmp(word, not_boiler[k][0]) &&
				wn_extract_starts(p, not_boiler[k][1]);
		if (!other)
			return true;
	}
	return false;
}

/* True when the lower-cased heading heads the article's own references
 * ("See also", "Further reading", "Related"): a wiki's, a paper's or a
 * documentation page's annotated links, prose the article wrote, unlike
 * the promotion of other pages that wn_extract_noise_headings names
 * otherwise. */
static bool wn_is_reference_heading(const char *lower)
{
	static const char *const refs[] = {"see also", "further reading", "related"};
	size_t n = wn_extract_heading_len(lower);
	for (size_t k = 0; k < sizeof(refs) / sizeof(refs[0]); k++)
		if (strlen(refs[k]) == n && !strncmp(lower, refs[k], n))
			return true;
	return false;
}

/* Node i's class and id, lower-cased and joined by a space, into buf
 * (cut to its size). */
static void wn_class_id(const struct wn_doc *doc, int32_t i, char *buf, size_t size)
{
	const struct wn_node *nd = &doc->nodes[i];
	size_t o = 0;
	for (int k = 0; k < 2; k++) {
		const char *v = k ? nd->id : nd->cls;
		for (; v && *v && o + 2 < size; v++)
			buf[o++] = (char)(*v >= 'A' && *v <= 'Z' ? *v + 32 : *v);
		if (o + 1 < size)
			buf[o++] = ' ';
	}
	buf[o] = '\0';
}

/* Blanks the tokens of the lower-cased class/id string s that say what a
 * box has not: "no-sidebar", "no-comments", "hide-read-more-ad" (a
 * listing's grid that hides its ad slot), "without-promotion".  The
 * word after the prefix names something absent, not what the box is. */
static void wn_blank_absent(char *s)
{
	static const char *const absent[] = {"no-", "no_", "hide-", "hide_", "without-", "not-"};
	for (char *t = s; *t;) {
		size_t l = strcspn(t, " \t\n");
		for (size_t k = 0; k < sizeof(absent) / sizeof(absent[0]); k++)
			if (wn_extract_starts(t, absent[k])) {
				memset(t, ' ', l);
				break;
			}
		t += l;
		t += strspn(t, " \t\n");
	}
}

/* Class/id weight of the lower-cased class/id string buf (see
 * wn_extract_class_weight); *word as there. */
static int wn_class_weight_of(const char *buf, const char **word)
{
	char said[256];
	*word = NULL;
	/* Hiding is read on the whole string ("no-js-hidden" hides). */
	snprintf(said, sizeof(said), "%s", buf);
	wn_blank_absent(said);
	int w = 0;
	for (size_t k = 0; k < sizeof(wn_positive) / sizeof(wn_positive[0]); k++)
		if (strstr(said, wn_positive[k])) {
			w += WN_CLASS_WEIGHT;
			break;
		}
	/* The word that says most: one naming what a box is ("cta" in
	 * "zone-widget-cta") before one naming only its layout; among each,
	 * the substrings' list before the tokens'.  One pass over each list
	 * (this runs for every element), the layout test only on a match. */
	const char *layout_neg = NULL, *layout_tok = NULL;
	for (size_t k = 0; k < sizeof(wn_negative) / sizeof(wn_negative[0]) && !*word; k++)
		if (wn_has_negative(said, wn_negative[k])) {
			if (!wn_is_layout_word(wn_negative[k]))
				*word = wn_negative[k];
			else if (!layout_neg)
				layout_neg = wn_negative[k];
		}
	for (size_t k = 0; k < sizeof(wn_negative_tokens) / sizeof(wn_negative_tokens[0]) &&
	     !*word; k++)
		if (wn_extract_has_phrase(said, wn_negative_tokens[k])) {
			if (!wn_is_layout_word(wn_negative_tokens[k]))
				*word = wn_negative_tokens[k];
			else if (!layout_tok)
				layout_tok = wn_negative_tokens[k];
		}
	if (!*word)
		*word = layout_neg ? layout_neg : layout_tok;
	if (!*word && wn_hides(buf))
		*word = "hidden";
	if (*word)
		w -= WN_CLASS_WEIGHT;
	return w;
}

int wn_extract_class_weight(const struct wn_doc *doc, int32_t i, const char **word)
{
	char buf[256];
	wn_class_id(doc, i, buf, sizeof(buf));
	return wn_class_weight_of(buf, word);
}

static bool wn_is_furniture_tag(const char *tag)
{
	for (size_t k = 0; k < sizeof(wn_furniture_tags) / sizeof(wn_furniture_tags[0]); k++)
		if (!strcmp(tag, wn_furniture_tags[k]))
			return true;
	return false;
}

/* True when node i says it is the article's body (itemprop=articleBody). */
static bool wn_is_article_body(const struct wn_doc *doc, int32_t i)
{
	const char *prop = wn_doc_attr(doc, i, "itemprop");
	return prop && strstr(prop, "articleBody");
}

/* Semantic evidence that node i holds the article. */
static int wn_semantic_bonus(const struct wn_doc *doc, int32_t i)
{
	const char *tag = doc->nodes[i].tag;
	const char *role = wn_doc_attr(doc, i, "role");
	int b = 0;
	if (wn_is_article_body(doc, i))
		b += 2 * WN_CLASS_WEIGHT;
	if (!strcmp(tag, "article") || !strcmp(tag, "main") || (role && !strcmp(role, "main")))
		b += WN_CLASS_WEIGHT;
	return b;
}

static size_t wn_commas(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == ',' || (!strncmp(s, "\xEF\xBC\x8C", 3)) || (!strncmp(s, "\xE3\x80\x81", 3));
	return n;
}

static double wn_block_link_density(const struct wn_block *b)
{
	return b->chars ? (double)b->link_chars / b->chars : 0;
}

static enum wn_err wn_drop_block(struct wn_doc *doc, struct wn_block *b, const char *name,
				 double score)
{
	if (b->removed_by)
		return WN_OK;
	b->removed_by = wn_arena_printf(doc->arena, "heuristic %s %.3g", name, score);
	return b->removed_by ? WN_OK : WN_ERR_NOMEM;
}

/* True when node a's subtree holds node b. */
static bool wn_holds(const struct wn_doc *doc, int32_t a, int32_t b)
{
	return b >= a && b < a + doc->nodes[a].subtree_size;
}

/* A node and its class string, sorted to group equal classes, and in a
 * group copies of one box (same text length, same first block) next to
 * each other. */
struct wn_cls_ref {
	const char *cls;   /* the node's class="" value */
	const char *first; /* the text of its first block, "" if none */
	uint32_t chars;    /* its text_chars */
	int32_t node;      /* the node */
};

static int wn_cmp_cls(const void *a, const void *b)
{
	const struct wn_cls_ref *x = a, *y = b;
	int c = strcmp(x->cls, y->cls);
	if (!c)
		c = (x->chars > y->chars) - (x->chars < y->chars);
	if (!c)
		c = strcmp(x->first, y->first);
	return c ? c : (x->node > y->node) - (x->node < y->node);
}

/* Layout classes: a class string whose elements together hold more than
 * half the page's text is the page builder's grid ("elementor-widget-
 * container", "wp-block-group"), not a mark of boilerplate, whatever
 * words it contains.  Copies of one box (a news ticker at the top of the
 * page and again in the footer) count once: two tickers holding most of
 * the text are still a ticker.  Sets layout[i] for the nodes carrying
 * one. */
static enum wn_err wn_layout_classes(const struct wn_doc *doc, bool *layout)
{
	struct wn_cls_ref *refs = wn_arena_alloc(doc->arena, doc->n_nodes * sizeof(*refs));
	if (!refs)
		return WN_ERR_NOMEM;
	size_t m = 0;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		const struct wn_node *nd = &doc->nodes[i];
		if (nd->cls && nd->text_chars)
			refs[m++] = (struct wn_cls_ref){
				nd->cls, nd->first_block >= 0 ? doc->blocks[nd->first_block].text : "",
				nd->text_chars, (int32_t)i};
	}
	qsort(refs, m, sizeof(*refs), wn_cmp_cls);
	for (size_t a = 0, b; a < m; a = b) {
		uint64_t chars = 0;
		for (b = a; b < m && !strcmp(refs[b].cls, refs[a].cls); b++)
			if (b == a || refs[b].chars != refs[b - 1].chars ||
			    strcmp(refs[b].first, refs[b - 1].first))
				chars += refs[b].chars;
		if (chars * 2 > doc->nodes[0].text_chars)
			for (size_t k = a; k < b; k++)
				layout[refs[k].node] = true;
	}
	return WN_OK;
}

/* How the class/id vocabulary reads on one page. */
/* A class/id string already weighed on this page (see wn_vocab.memo). */
struct wn_class_memo {
	const char *key;  /* the lower-cased class/id string (arena); NULL: a free slot */
	int w;            /* its weight, as wn_class_weight_of gives it */
	const char *word; /* its boilerplate word, or NULL */
};

struct wn_vocab {
	const struct wn_doc *doc;    /* the page */
	const bool *layout;          /* per node: carries a layout class */
	bool comments;               /* comment sections are content */
	bool article;                /* the page declares itself an article */
	bool product;                /* the page declares itself one product's page */
	/* Per node: a <form> that is content (wn_grid_forms), or NULL while
	 * none is known. */
	const bool *grid_form;
	/* The page is an article by og:type alone, with no publication
	 * time (article:published_time) nor JSON-LD Article: a CMS's default
	 * on every page (WordPress SEO plugins tag archives and landing
	 * pages so), not a story.  Its item lists are its content
	 * (wn_list_items, a grid beside the container); the rest of the
	 * article vocabulary still holds. */
	bool undated;
	/* Each distinct class/id string is weighed once: most elements repeat
	 * their siblings' (cards, list items, a grid's cells: 43,299 elements
	 * held 10,098 distinct strings on 38 benchmark pages), and weighing
	 * one takes some 80 substring searches.  Open addressing over
	 * memo_mask + 1 slots (at least twice the nodes, so never full), in
	 * the doc's arena; NULL (out of memory) weighs every time. */
	struct wn_class_memo *memo;
	size_t memo_mask;            /* slots - 1, a power of two less one */
};

/* True when the page says it is a discussion thread (schema.org
 * DiscussionForumPosting, in JSON-LD or microdata): there the comments
 * are the replies, the content.  (A QAPage's answers are the content, but
 * the comments under each post are still asides.) */
static bool wn_is_discussion(const struct wn_doc *doc)
{
	for (size_t i = 0; i < doc->n_jsonld; i++)
		if (strstr(doc->jsonld[i], "DiscussionForumPosting"))
			return true;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		const char *t = wn_doc_attr(doc, (int32_t)i, "itemtype");
		if (t && strstr(t, "DiscussionForumPosting"))
			return true;
	}
	return false;
}

/* The word naming what a product's page holds besides the product, in the
 * lower-cased class/id string s, or NULL: customer reviews ("review", not
 * "preview"; "rating"; a review service's widget, reported as "review"),
 * fine print ("footnote", "disclaimer": the legal small print under a
 * maker's product page), carousels ("carousel", "swiper": the
 * product's own gallery is pictures, the text that slides is other
 * products and offers), colour pickers ("swatch": names of colours
 * under every swatch) and stock notices ("stock": "Low in stock", a
 * "back in stock" sign-up form). */
static const char *wn_product_aside(const char *s)
{
	static const char *const reviews[] = {"rating", "yotpo", "bazaarvoice", "okendo", "jdgm",
					      "trustpilot", "feefo"};
	static const char *const others[] = {"footnote", "disclaimer", "carousel",
					     "swiper",   "swatch",     "stock"};
	for (const char *p = s; (p = strstr(p, "review")); p++)
		if (p == s || p[-1] != 'p')
			return "review";
	for (size_t k = 0; k < sizeof(reviews) / sizeof(reviews[0]); k++)
		if (strstr(s, reviews[k]))
			return "review";
	for (size_t k = 0; k < sizeof(others) / sizeof(others[0]); k++)
		if (strstr(s, others[k]))
			return others[k];
	return NULL;
}

/* Class/id weight of node i, with layout classes carrying no boilerplate,
 * nor comment vocabulary where comments are content.  On a product's
 * page customer reviews, fine print and carousels are boilerplate, even
 * when they hold most of the page (a layout class): the product is its
 * description and specifications, reviews are its comments.  On an
 * article's page a caption (class/id "caption": a photo's, a slideshow's
 * with its "Caption" toggle) is the image's, not the body's, like a
 * figcaption; elsewhere "caption" names a card's text (Bootstrap's
 * thumbnail caption, a product tile). */
/* wn_class_weight_of(buf), looked up in v's memo or weighed and added
 * to it. */
static int wn_memo_class_weight(const struct wn_vocab *v, const char *buf, const char **word)
{
	if (!v->memo)
		return wn_class_weight_of(buf, word);
	size_t len = strlen(buf);
	size_t s = (size_t)wn_hash(buf, len) & v->memo_mask;
	while (v->memo[s].key && strcmp(v->memo[s].key, buf))
		s = (s + 1) & v->memo_mask;
	struct wn_class_memo *m = &v->memo[s];
	if (!m->key) {
		m->w = wn_class_weight_of(buf, &m->word);
		m->key = wn_arena_strndup(v->doc->arena, buf, len);
		/* Out of memory: the slot stays free, the weight is still right. */
	}
	*word = m->word;
	return m->w;
}

static int wn_weight(const struct wn_vocab *v, int32_t i, const char **word)
{
	const struct wn_doc *doc = v->doc;
	char buf[256];
	wn_class_id(doc, i, buf, sizeof(buf));
	int w = wn_memo_class_weight(v, buf, word);
	if (w < 0 && ((v->layout[i] && !(doc->nodes[i].id && strstr(doc->nodes[i].id, *word))) ||
		      (v->comments && !strcmp(*word, "comment")))) {
		*word = NULL;
		return w + WN_CLASS_WEIGHT;
	}
	if (v->product && !*word) {
		if ((*word = wn_product_aside(buf)))
			w -= WN_CLASS_WEIGHT;
	}
	if (v->article && !*word) {
		if (strstr(buf, "caption")) {
			*word = "caption";
			w -= WN_CLASS_WEIGHT;
		}
	}
	return w;
}

/* True when the page's JSON-LD names a schema.org Article or
 * BlogPosting. */
static bool wn_jsonld_article(const struct wn_doc *doc)
{
	for (size_t i = 0; i < doc->n_jsonld; i++)
		if (strstr(doc->jsonld[i], "Article\"") || strstr(doc->jsonld[i], "BlogPosting\""))
			return true;
	return false;
}

/* True when the page declares itself an article (og:type article, a
 * schema.org Article or BlogPosting in JSON-LD). */
static bool wn_declares_article(const struct wn_doc *doc)
{
	const char *og = wn_doc_meta(doc, "og:type");
	return (og && !strcmp(og, "article")) || wn_jsonld_article(doc);
}

/* True when the page declares itself one product's page and not an
 * article: og:type "product" (or "product.item", "...:product"), or
 * JSON-LD naming a Product, or a ProductGroup (one product in several
 * variants, each a Product), at most twice (a category page names one per
 * tile), or schema.org microdata (itemtype .../Product) on at most two
 * elements: some shops declare their product only so. */
static bool wn_declares_product(const struct wn_doc *doc)
{
	if (wn_declares_article(doc))
		return false;
	const char *og = wn_doc_meta(doc, "og:type");
	if (og) {
		size_t l = strlen(og);
		if (!strcmp(og, "product") || !strcmp(og, "product.item") ||
		    (l > 8 && !strcmp(og + l - 8, ":product")))
			return true;
	}
	size_t n = 0, groups = 0, items = 0;
	for (size_t i = 0; i < doc->n_jsonld; i++) {
		for (const char *p = doc->jsonld[i]; (p = strstr(p, "\"Product\"")); p++)
			n++;
		for (const char *p = doc->jsonld[i]; (p = strstr(p, "\"ProductGroup\"")); p++)
			groups++;
	}
	for (size_t i = 0; i < doc->n_nodes; i++) {
		static const char type[] = "schema.org/Product";
		const char *t = wn_doc_attr(doc, (int32_t)i, "itemtype");
		size_t l = t ? strlen(t) : 0;
		if (l >= sizeof(type) - 1 && !strcmp(t + l - (sizeof(type) - 1), type))
			items++;
	}
	return (n && n <= 2) || (groups && groups <= 2) || (items && items <= 2);
}

/* True when node i is a modal dialog: <dialog>, role=dialog or
 * alertdialog, aria-modal=true, unless aria-modal=false (a side sheet
 * beside the page: product details open in one).  A modal's text (a
 * privacy policy, a cookie notice, a newsletter offer) shows over the
 * page when asked for; it is never the page's article. */
static bool wn_is_dialog(const struct wn_doc *doc, int32_t i)
{
	const char *role = wn_doc_attr(doc, i, "role");
	const char *modal = wn_doc_attr(doc, i, "aria-modal");
	if (modal)
		return !strcmp(modal, "true");
	return !strcmp(doc->nodes[i].tag, "dialog") || (role && strstr(role, "dialog"));
}

/* True when <header> i heads a section rather than the page: it sits in
 * a <section> or <main> (HTML's rule for the banner landmark; a landing
 * page heads each of its sections so).  On an article's page a header
 * holds the byline and date wherever it is, and stays furniture. */
static bool wn_is_section_header(const struct wn_doc *doc, int32_t i)
{
	for (int32_t a = doc->nodes[i].parent; a >= 0; a = doc->nodes[a].parent)
		if (!strcmp(doc->nodes[a].tag, "section") || !strcmp(doc->nodes[a].tag, "main"))
			return true;
	return false;
}

/* Furniture by tag: nav, aside, footer, form ..., and a modal dialog
 * (wn_is_dialog), except a <form> that holds more than half of the
 * page's text outside links: that is a wrapper (an ASP.NET page, a forum
 * thread with moderation checkboxes), a <form> wrapping a grid of items
 * (v->grid_form), and a <header> heading a section. */
static bool wn_is_furniture(const struct wn_vocab *v, int32_t i)
{
	const struct wn_doc *doc = v->doc;
	const struct wn_node *nd = &doc->nodes[i], *root = &doc->nodes[0];
	if (wn_is_dialog(doc, i))
		return true;
	if (!wn_is_furniture_tag(nd->tag))
		return false;
	if (!strcmp(nd->tag, "header"))
		return v->article || !wn_is_section_header(doc, i);
	if (strcmp(nd->tag, "form"))
		return true;
	return !(v->grid_form && v->grid_form[i]) &&
	       (uint64_t)(nd->text_chars - nd->link_chars) * 2 <= root->text_chars - root->link_chars;
}

/* True when block b is in node i's block range.  A block belongs to the
 * element that owns its text, which for an inline element (a <span>
 * container) is an ancestor, so holding is judged by the range. */
static bool wn_in_blocks(const struct wn_doc *doc, int32_t i, size_t b)
{
	const struct wn_node *nd = &doc->nodes[i];
	return nd->first_block >= 0 && b >= (size_t)nd->first_block &&
	       b < (size_t)nd->first_block + (size_t)nd->n_blocks;
}

/* True when node i is a box of prose: at least WN_PROSE_BOX_CHARS of text
 * outside links, and links under WN_PROSE_BOX_LINKS of it.  Inside the
 * container a box of prose whose class only names a layout
 * (wn_is_layout_word) is the article's: a real widget, banner or footer
 * is short or all links. */
static bool wn_is_prose_box(const struct wn_doc *doc, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	return nd->text_chars - nd->link_chars >= WN_PROSE_BOX_CHARS &&
	       (double)nd->link_chars < WN_PROSE_BOX_LINKS * (double)nd->text_chars;
}

/* True when block blk, in readability's winner keep, is the article's
 * prose with a link or two in it rather than a link list: a paragraph
 * or list item of WN_BLURB_WORDS words or more, with links under
 * WN_LINKED_PROSE_MAX of its text ("The suspect was convicted and
 * <a>sentenced to life</a>."; a digest item whose linked headline is
 * followed by its summary).  "Read more: <a>headline</a>" is mostly link. */
static bool wn_is_linked_prose(const struct wn_doc *doc, int32_t keep, const struct wn_block *blk)
{
	return (blk->kind == WN_BLOCK_PARAGRAPH || blk->kind == WN_BLOCK_LIST_ITEM) &&
	       blk->node >= 0 && wn_holds(doc, keep, blk->node) &&
	       wn_block_link_density(blk) <= WN_LINKED_PROSE_MAX &&
	       wn_extract_count_words(blk->text, blk->len) >= WN_BLURB_WORDS;
}

/* True when node i, a sibling of readability's winner, is one paragraph
 * of the article (arc90's rule): its only block a paragraph, of 80
 * characters or more with links under a quarter of them, or shorter with
 * no link and a full stop ("Loading..." is not one); not boilerplate,
 * not a <noscript> notice, and a box of its own (the text of an inline
 * element, a <b> beside a list, is its parent's).  Some sites wrap each
 * paragraph in its own box and put the rest of the article in a box of
 * its own ("read all"): the first paragraphs then sit beside the winner,
 * and their parent scores nothing of them. */
static bool wn_is_sibling_paragraph(const struct wn_vocab *v, int32_t i)
{
	const struct wn_doc *doc = v->doc;
	const struct wn_node *nd = &doc->nodes[i];
	const char *word;
	if (nd->n_blocks != 1 || !strcmp(nd->tag, "noscript") || wn_is_furniture(v, i) ||
	    wn_weight(v, i, &word) < 0)
		return false;
	const struct wn_block *blk = &doc->blocks[nd->first_block];
	if (blk->kind != WN_BLOCK_PARAGRAPH || !wn_holds(doc, i, blk->node))
		return false;
	if (blk->chars >= WN_SIBLING_PARA_CHARS)
		return wn_block_link_density(blk) < WN_SIBLING_PARA_LINKS;
	return !blk->link_chars && blk->len > 1 && (strstr(blk->text, ". ") ||
		(blk->text[blk->len - 1] == '.' && blk->text[blk->len - 2] != '.'));
}

/* Top-down boilerplate flags: flag[i] is set when node i or an ancestor is
 * furniture by tag or boilerplate by class/id, except the ancestors of
 * keep (the content cannot sit inside boilerplate). */
static void wn_boiler_flags(const struct wn_vocab *v, int32_t keep, bool *flag)
{
	const struct wn_doc *doc = v->doc;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		const struct wn_node *nd = &doc->nodes[i];
		const char *word;
		if (keep >= 0 && wn_holds(doc, (int32_t)i, keep))
			flag[i] = false;
		else if (nd->parent >= 0 && flag[nd->parent])
			flag[i] = true;
		else
			flag[i] = wn_is_furniture(v, (int32_t)i) ||
				  wn_weight(v, (int32_t)i, &word) < 0;
	}
}

/* Where comments are content, a comment section outside the container
 * (the usual place: after the article) joins it.  Appends to content
 * the outermost elements with comment vocabulary that are outside it and
 * not under boilerplate. */
static enum wn_err wn_add_comments(const struct wn_vocab *v, const bool *boiler,
				   int32_t *content, size_t *n_content)
{
	const struct wn_doc *doc = v->doc;
	bool *inside = wn_arena_calloc(doc->arena, doc->n_nodes, sizeof(bool));
	if (!inside)
		return WN_ERR_NOMEM;
	for (size_t c = 0; c < *n_content; c++)
		inside[content[c]] = true;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		const struct wn_node *nd = &doc->nodes[i];
		const char *word;
		if (nd->parent >= 0 && inside[nd->parent])
			inside[i] = true;
		if (inside[i] || boiler[i] || !nd->text_chars)
			continue;
		wn_extract_class_weight(doc, (int32_t)i, &word);
		if (word && !strcmp(word, "comment")) {
			content[(*n_content)++] = (int32_t)i;
			inside[i] = true;
		}
	}
	return WN_OK;
}

/* A kept block, sorted by text to find repeats. */
struct wn_blk_ref {
	const char *text; /* the block's text */
	int32_t block;    /* its index */
};

static int wn_cmp_blk(const void *a, const void *b)
{
	const struct wn_blk_ref *x = a, *y = b;
	int c = strcmp(x->text, y->text);
	return c ? c : (x->block > y->block) - (x->block < y->block);
}

/* Responsive pages and carousels repeat whole blocks (one copy per screen
 * size, cloned slides): a kept block of some length whose text an
 * earlier kept block already has is dropped ("heuristic duplicate N", N
 * its copy number). */
static enum wn_err wn_drop_repeats(struct wn_doc *doc)
{
	struct wn_blk_ref *refs = wn_arena_alloc(doc->arena, (doc->n_blocks + 1) * sizeof(*refs));
	if (!refs)
		return WN_ERR_NOMEM;
	size_t m = 0;
	for (size_t b = 0; b < doc->n_blocks; b++)
		if (!doc->blocks[b].removed_by && doc->blocks[b].chars >= WN_REPEAT_MIN_CHARS)
			refs[m++] = (struct wn_blk_ref){doc->blocks[b].text, (int32_t)b};
	qsort(refs, m, sizeof(*refs), wn_cmp_blk);
	for (size_t k = 1, copy = 1; k < m; k++) {
		copy = strcmp(refs[k].text, refs[k - 1].text) ? 1 : copy + 1;
		if (copy > 1) {
			enum wn_err err = wn_drop_block(doc, &doc->blocks[refs[k].block], "duplicate",
							(double)copy);
			if (err)
				return err;
		}
	}
	return WN_OK;
}

/* Good and bad characters of the blocks in node i's subtree, from the
 * prefix sums over blocks. */
static double wn_range(const struct wn_doc *doc, const double *prefix, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (nd->first_block < 0)
		return 0;
	return prefix[nd->first_block + nd->n_blocks] - prefix[nd->first_block];
}

/* True when nodes a and b look alike: same tag, same first class (the
 * rest often numbers the item: "product post-1234"). */
static bool wn_same_shape(const struct wn_doc *doc, int32_t a, int32_t b)
{
	const struct wn_node *x = &doc->nodes[a], *y = &doc->nodes[b];
	if (strcmp(x->tag, y->tag))
		return false;
	const char *u = x->cls ? x->cls : "", *v = y->cls ? y->cls : "";
	size_t lu = strcspn(u, " \t\n"), lv = strcspn(v, " \t\n");
	return lu == lv && !strncmp(u, v, lu);
}

/* An item is a box of several blocks with some text outside links (a
 * product tile: title, price, swatches; a listing entry: headline and
 * summary), or with a blurb: a news card is often one link around its
 * headline and summary.  A menu entry with its submenu is all links, and
 * of short ones.  A picture with one title link of WN_ITEM_WORDS words or
 * more is an item too (a recipe card, a product tile with its name
 * only, its rating in the link too); a menu entry has no picture.
 * blurbs: prefix sums of blurb blocks; pics: prefix counts of <img>
 * nodes over the node table; heads: prefix sums of link-dense blocks of
 * WN_ITEM_WORDS words or more. */
static bool wn_is_item(const struct wn_doc *doc, const double *blurbs, const uint32_t *pics,
		       const double *heads, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (pics[i + nd->subtree_size] > pics[i] && wn_range(doc, heads, i) > 0)
		return true;
	return nd->n_blocks >= 2 &&
	       (nd->text_chars > nd->link_chars || wn_range(doc, blurbs, i) > 0);
}

/* True when node p has at least WN_LIST_MIN_ITEMS children that are
 * items (wn_is_item), not boilerplate, shaped like the previous item among
 * their siblings (separators and ads between them do not count). */
static bool wn_is_item_list(const struct wn_doc *doc, const bool *boiler, const double *blurbs,
			    const uint32_t *pics, const double *heads, int32_t p)
{
	size_t reps = 0;
	for (int32_t c = doc->nodes[p].first_child, prev = -1; c >= 0; c = doc->nodes[c].next_sibling) {
		if (boiler[c] || !wn_is_item(doc, blurbs, pics, heads, c))
			continue;
		reps += prev >= 0 && wn_same_shape(doc, c, prev);
		prev = c;
	}
	return reps + 1 >= WN_LIST_MIN_ITEMS;
}

/* Boilerplate flags (wn_boiler_flags) with the <form>s that wrap a grid
 * of items spared, off articles' and products' pages (there a grid is
 * other articles and products, as in wn_list_items): a compare form
 * around a category's product tiles (a checkbox on each), an add-to-cart
 * form around a listing.  Such a form holds an item list
 * (wn_is_item_list, read as if no form were furniture) with
 * WN_LIST_MIN_ITEMS pictures or more, and WN_LIST_MIN_ITEMS paragraphs
 * of WN_BLURB_WORDS words or more outside links (the items' blurbs).  A
 * search, login or newsletter form holds no repeated pictured boxes, a
 * filter form's facets have no pictures, and a grid of bare tiles (name,
 * price) stays furniture: the references leave such grids out of a
 * category page.  Forms do not nest in a parsed page; each node and
 * block is read once or twice: linear. */
static enum wn_err wn_grid_forms(struct wn_vocab *v, int32_t keep, const double *blurbs,
				 const uint32_t *pics, const double *heads, bool *boiler)
{
	const struct wn_doc *doc = v->doc;
	size_t n = doc->n_nodes, forms = 0;
	bool *grid = wn_arena_calloc(doc->arena, n, sizeof(bool));
	bool *found = wn_arena_calloc(doc->arena, n, sizeof(bool));
	int32_t *owner = wn_arena_calloc(doc->arena, n, sizeof(int32_t));
	uint32_t *prose = wn_arena_calloc(doc->arena, n, sizeof(uint32_t));
	if (!grid || !found || !owner || !prose)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		int32_t par = doc->nodes[i].parent;
		grid[i] = !strcmp(doc->nodes[i].tag, "form");
		forms += grid[i];
		owner[i] = grid[i] ? (int32_t)i : par >= 0 ? owner[par] : -1;
	}
	if (forms && !v->article && !v->product) {
		v->grid_form = grid;
		wn_boiler_flags(v, keep, boiler);
		for (size_t p = 0; p < n; p++) {
			const struct wn_node *nd = &doc->nodes[p];
			if (owner[p] >= 0 && !boiler[p] && !found[owner[p]] &&
			    pics[p + nd->subtree_size] - pics[p] >= WN_LIST_MIN_ITEMS &&
			    wn_is_item_list(doc, boiler, blurbs, pics, heads, (int32_t)p))
				found[owner[p]] = true;
		}
		for (size_t b = 0; b < doc->n_blocks; b++) {
			const struct wn_block *blk = &doc->blocks[b];
			int32_t f = blk->node >= 0 && (size_t)blk->node < n ? owner[blk->node] : -1;
			if (f >= 0 && found[f] && blk->kind == WN_BLOCK_PARAGRAPH &&
			    wn_block_link_density(blk) <= WN_LINK_DENSITY_MAX &&
			    wn_extract_count_words(blk->text, blk->len) >= WN_BLURB_WORDS)
				prose[f]++;
		}
		for (size_t f = 0; f < n; f++)
			found[f] = found[f] && prose[f] >= WN_LIST_MIN_ITEMS;
		v->grid_form = found;
	}
	wn_boiler_flags(v, keep, boiler);
	return WN_OK;
}

/* The largest item list of the page: an element, not boilerplate, with at
 * least WN_LIST_MIN_ITEMS children that are items shaped like the
 * previous item among their siblings (the tiles of a product grid, the
 * entries of a listing; separators and ads between them do not count).
 * Readability sees no paragraph there and the content mass counts the
 * item titles as links, so both can miss it.  Returns -1 when
 * there is none.  Each node is visited once as a child: linear. */
static int32_t wn_item_list(const struct wn_doc *doc, const bool *boiler, const double *blurbs,
			    const uint32_t *pics, const double *heads)
{
	int32_t best = -1;
	for (size_t p = 0; p < doc->n_nodes; p++) {
		if (boiler[p] || (best >= 0 && doc->nodes[p].text_chars <= doc->nodes[best].text_chars))
			continue;
		if (wn_is_item_list(doc, boiler, blurbs, pics, heads, (int32_t)p))
			best = (int32_t)p;
	}
	return best;
}

/* The items of every item list in the content (wn_is_item_list) that
 * holds at least WN_LIST_SHARE of the content's text, on a page that is
 * neither an article (but an undated one, v->undated) nor a product: a
 * landing page, a listing or a
 * category page shows several lists (a grid per section, the news of
 * the day beside the features), and an item's title is its link, which
 * the cleaning would drop as link-dense unless the whole container is
 * item titles.  On an article's or a product's page such lists are other
 * articles and products.  Sets initem[i] for the items and everything
 * under them (outside the content the cleaning drops them anyway).  Each
 * node is visited once as a child: linear. */
static void wn_list_items(const struct wn_vocab *v, const bool *boiler, const double *blurbs,
			  const uint32_t *pics, const double *heads, const int32_t *content,
			  size_t n_content, bool *initem)
{
	const struct wn_doc *doc = v->doc;
	if ((v->article && !v->undated) || v->product)
		return;
	uint64_t text = 0;
	for (size_t c = 0; c < n_content; c++)
		text += doc->nodes[content[c]].text_chars;
	for (size_t p = 0; p < doc->n_nodes; p++) {
		if (boiler[p] || doc->nodes[p].text_chars < WN_LIST_SHARE * (double)text ||
		    !wn_is_item_list(doc, boiler, blurbs, pics, heads, (int32_t)p))
			continue;
		for (int32_t c = doc->nodes[p].first_child; c >= 0; c = doc->nodes[c].next_sibling)
			initem[c] = !boiler[c] && wn_is_item(doc, blurbs, pics, heads, c);
	}
	for (size_t i = 1; i < doc->n_nodes; i++)
		if (doc->nodes[i].parent >= 0 && initem[doc->nodes[i].parent])
			initem[i] = true;
}

/* A listing page often has several grids (one per section of a news
 * front page) and a heading over them: the list widens to the ancestor
 * with the most good text and item titles net of bad text. */
static int32_t wn_widen_list(const struct wn_doc *doc, const bool *boiler, const double *good,
			     const double *bad, const double *items, int32_t list)
{
	int32_t best = list;
	double m = -1;
	for (int32_t a = list; a >= 0 && !boiler[a]; a = doc->nodes[a].parent) {
		double x = wn_range(doc, good, a) + wn_range(doc, items, a) - wn_range(doc, bad, a);
		if (x > m) {
			m = x;
			best = a;
		}
	}
	return best;
}

/* Teasers around an article: cards of a run of like cards ("More from",
 * "Related", "You may like"), each with a title link and a blurb or a
 * little text outside links, none a box of prose, none holding
 * readability's winner (an article split in like sections holds it, or
 * has no title links), and outside it (inside, they are a listicle's
 * items) unless they are <article>s: other posts, whose excerpts can
 * make the box holding them readability's winner.  Sets teaser[i] for
 * the cards and everything under them.  titles: prefix sums of
 * link-dense blocks. */
static void wn_teasers(const struct wn_doc *doc, const bool *boiler, const double *blurbs,
		       const uint32_t *pics, const double *heads, const double *titles, int32_t keep,
		       bool *teaser)
{
	for (size_t p = 0; p < doc->n_nodes; p++) {
		size_t reps = 0;
		int32_t prev = -1;
		bool holds = false;
		for (int32_t c = doc->nodes[p].first_child; c >= 0; c = doc->nodes[c].next_sibling) {
			if (boiler[c] || !wn_is_item(doc, blurbs, pics, heads, c))
				continue;
			reps += prev >= 0 && wn_same_shape(doc, c, prev);
			holds = holds || wn_holds(doc, c, keep);
			prev = c;
		}
		if (reps + 1 < WN_TEASER_MIN_CARDS || holds ||
		    (wn_holds(doc, keep, (int32_t)p) && strcmp(doc->nodes[prev].tag, "article")))
			continue;
		for (int32_t c = doc->nodes[p].first_child; c >= 0; c = doc->nodes[c].next_sibling)
			teaser[c] = !boiler[c] && wn_is_item(doc, blurbs, pics, heads, c) &&
				    wn_range(doc, titles, c) > 0 && wn_range(doc, blurbs, c) <= 1 &&
				    !wn_is_prose_box(doc, c);
	}
	for (size_t i = 1; i < doc->n_nodes; i++)
		if (doc->nodes[i].parent >= 0 && teaser[doc->nodes[i].parent])
			teaser[i] = true;
}

/* True when the lower-cased block of chars characters is a notice about
 * JavaScript ("JavaScript is disabled. For a better experience, please
 * enable JavaScript", "You need to enable JavaScript to run this app",
 * "This slideshow requires JavaScript"): a <noscript> fallback, which the
 * parser reads as visible, telling the reader about the browser, never
 * what the page says.  A sentence naming the language ("supports C#,
 * JavaScript and Python") is not one. */
static bool wn_is_script_notice(const char *lower, size_t chars)
{
	static const char *const notices[] = {
		"enable javascript",      "enabling javascript",     "enable your javascript",
		"javascript is disabled", "javascript is turned off", "javascript is not enabled",
		"javascript enabled",     "javascript is enabled",   "javascript is required",
		"javascript must be",     "requires javascript",     "support javascript",
		"need javascript",        "needs javascript",        "javascript to run",
		"javascript to view",     "javascript to use"};
	if (chars >= WN_NOTICE_CHARS)
		return false;
	for (size_t k = 0; k < sizeof(notices) / sizeof(notices[0]); k++)
		if (strstr(lower, notices[k]))
			return true;
	return false;
}

/* True when the lower-cased block of chars characters is a copyright
 * line: under WN_COPYRIGHT_CHARS, opening with "©", "copyright" or "(c)",
 * or saying "all rights reserved" ("© 2026 Wag Labs, Inc. All rights
 * reserved.").  A shop's or a landing page's footer line drawn in its
 * wrapper; an article's closing "Copyright 2019 AP" is the article's,
 * so the caller reads it off articles only. */
static bool wn_is_copyright_line(const char *lower, size_t chars)
{
	return chars < WN_COPYRIGHT_CHARS &&
	       (!strncmp(lower, "\xC2\xA9", 2) || !strncmp(lower, "copyright", 9) ||
		!strncmp(lower, "(c)", 3) || strstr(lower, "all rights reserved"));
}

enum wn_err wn_extract_html_generic(struct wn_doc *doc, bool include_comments,
				    int32_t *container)
{
	size_t n = doc->n_nodes;
	*container = -1;
	if (!n)
		return WN_OK;
	double *score = wn_arena_calloc(doc->arena, n, sizeof(double));
	int32_t *content = wn_arena_calloc(doc->arena, n, sizeof(int32_t));
	bool *boiler = wn_arena_calloc(doc->arena, n, sizeof(bool));
	double *good = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	double *bad = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	bool *layout = wn_arena_calloc(doc->arena, n, sizeof(bool));
	double *items = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	double *all = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	double *blurbs = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	double *titles = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	bool *teaser = wn_arena_calloc(doc->arena, n, sizeof(bool));
	bool *dialog = wn_arena_calloc(doc->arena, n, sizeof(bool));
	uint32_t *pics = wn_arena_calloc(doc->arena, n + 1, sizeof(uint32_t));
	double *heads = wn_arena_calloc(doc->arena, doc->n_blocks + 1, sizeof(double));
	if (!score || !content || !boiler || !good || !bad || !layout || !items || !all || !blurbs ||
	    !titles || !teaser || !dialog || !pics || !heads)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		pics[i + 1] = pics[i] + !strcmp(doc->nodes[i].tag, "img");
	enum wn_err err = wn_layout_classes(doc, layout);
	if (err)
		return err;
	size_t slots = 64;
	while (slots < 2 * n)
		slots *= 2;
	struct wn_vocab vocab = {doc, layout, include_comments || wn_is_discussion(doc),
				  wn_declares_article(doc), wn_declares_product(doc), NULL, false,
				  wn_arena_calloc(doc->arena, slots, sizeof(struct wn_class_memo)),
				  slots - 1};
	vocab.undated = vocab.article && !wn_doc_meta(doc, "article:published_time") &&
			!wn_jsonld_article(doc);
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		if (blk->node < 0 || (size_t)blk->node >= n || blk->chars < WN_PARA_MIN_CHARS ||
		    wn_block_link_density(blk) > WN_LINK_DENSITY_MAX ||
		    (blk->kind != WN_BLOCK_PARAGRAPH && blk->kind != WN_BLOCK_QUOTE &&
		     blk->kind != WN_BLOCK_CODE && blk->kind != WN_BLOCK_LIST_ITEM))
			continue;
		/* A cookie or JavaScript notice is a sentence with commas, and
		 * the cleaning drops it: a container won by it alone would
		 * come out empty. */
		if (blk->chars < WN_NOTICE_CHARS) {
			const char *lower = wn_extract_lowercase(doc->arena, blk->text, blk->len);
			if (!lower)
				return WN_ERR_NOMEM;
			if (wn_extract_is_cookie_notice(lower, blk->chars) ||
			    wn_is_script_notice(lower, blk->chars))
				continue;
		}
		double s = 1 + (double)wn_commas(blk->text) + (blk->chars / 100 < 3 ? blk->chars / 100 : 3);
		int32_t p = doc->nodes[blk->node].parent;
		if (p >= 0) {
			score[p] += s;
			int32_t g = doc->nodes[p].parent;
			if (g >= 0)
				score[g] += s / 2;
		}
	}
	int32_t best = -1;
	for (size_t i = 0; i < n; i++) {
		int32_t par = doc->nodes[i].parent;
		dialog[i] = (par >= 0 && dialog[par]) || wn_is_dialog(doc, (int32_t)i);
		if (score[i] <= 0)
			continue;
		const struct wn_node *nd = &doc->nodes[i];
		const char *word;
		double ld = nd->text_chars ? (double)nd->link_chars / nd->text_chars : 0;
		score[i] = (score[i] + wn_weight(&vocab, (int32_t)i, &word) +
			    wn_semantic_bonus(doc, (int32_t)i)) * (1 - ld);
		if (!dialog[i] && (best < 0 || score[i] > score[best]))
			best = (int32_t)i;
	}
	size_t n_content = 0;
	double prose = 0;
	if (best < 0 || score[best] <= 0) {
		/* No paragraph anywhere: keep the body, cleaned. */
		best = 0;
		for (size_t i = 0; i < n; i++)
			if (!strcmp(doc->nodes[i].tag, "body")) {
				best = (int32_t)i;
				break;
			}
		content[n_content++] = best;
	} else {
		prose = score[best];
		int32_t parent = doc->nodes[best].parent;
		double bar = score[best] * WN_SIBLING_FRACTION;
		if (bar < 10)
			bar = 10;
		/* Paragraphs beside the winner join it when there are two or
		 * more: one alone is a standfirst or a notice. */
		size_t paras = 0;
		for (int32_t s = parent >= 0 ? doc->nodes[parent].first_child : -1; s >= 0;
		     s = doc->nodes[s].next_sibling)
			paras += s != best && wn_is_sibling_paragraph(&vocab, s);
		for (int32_t s = parent >= 0 ? doc->nodes[parent].first_child : best; s >= 0;
		     s = parent >= 0 ? doc->nodes[s].next_sibling : -1)
			if (s == best || score[s] >= bar ||
			    (paras >= WN_SIBLING_PARAS && wn_is_sibling_paragraph(&vocab, s)))
				content[n_content++] = s;
	}

	/* Content mass: readability's winner sees only paragraphs and their
	 * parents, so content spread over many small boxes (testimonials,
	 * posts, product specs) escapes it.  The element with the most good
	 * text net of bad text is the other candidate. */
	int32_t prose_best = best;
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		blurbs[b + 1] = blurbs[b] + (blk->kind != WN_BLOCK_HEADING &&
					     wn_extract_count_words(blk->text, blk->len) >= WN_BLURB_WORDS);
		titles[b + 1] = titles[b] + (blk->kind == WN_BLOCK_LINK ||
					     wn_block_link_density(blk) > WN_LINK_DENSITY_MAX);
		heads[b + 1] = heads[b] + (titles[b + 1] > titles[b] &&
					   wn_extract_count_words(blk->text, blk->len) >= WN_ITEM_WORDS);
	}
	if ((err = wn_grid_forms(&vocab, prose_best, blurbs, pics, heads, boiler)))
		return err;
	/* On a product's page, tiles of other products ("You may also
	 * like", "Customers also bought") are teasers whatever the prose. */
	if ((vocab.article && prose >= WN_TEASER_PROSE) || vocab.product)
		wn_teasers(doc, boiler, blurbs, pics, heads, titles, prose_best, teaser);
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		double g = 0, x = blk->chars;
		bool counted = false;
		if (blk->node >= 0 && (size_t)blk->node < n && !boiler[blk->node] &&
		    blk->kind != WN_BLOCK_LINK && wn_block_link_density(blk) <= WN_LINK_DENSITY_MAX) {
			g = blk->chars - blk->link_chars;
			x = blk->link_chars;
			counted = true;
		} else if (blk->node >= 0 && (size_t)blk->node < n && !boiler[blk->node] &&
			   wn_extract_count_words(blk->text, blk->len) >= WN_ITEM_WORDS) {
			/* A link of a few words is an item's title (a listing,
			 * a category page), not a menu entry: neither good nor
			 * bad for the mass. */
			x = 0;
			items[b + 1] = blk->chars;
			counted = true;
		} else if (blk->node >= 0 && (size_t)blk->node < n && boiler[blk->node]) {
			/* Boilerplate goes in the cleaning wherever the
			 * container is, so on a page that is not an article
			 * (a landing page, a listing: content in many boxes
			 * between menus) it does not weigh against a
			 * container holding it.  On an article's page it
			 * does: there it keeps teasers and link lists
			 * around the article out. */
			x = vocab.article ? blk->chars : 0;
		}
		if (blk->node >= 0 && (size_t)blk->node < n && teaser[blk->node] && !vocab.product) {
			/* A teaser weighs against a container holding it.  Not
			 * on a product's page: there the cleaning drops the
			 * tiles, but a shop that calls its category page a
			 * product has its grid as tiles, and the grid must
			 * still be able to win. */
			g = 0;
			x = blk->chars;
		}
		items[b + 1] += items[b];
		all[b + 1] = all[b] + (counted ? blk->chars : 0);
		good[b + 1] = good[b] + g;
		bad[b + 1] = bad[b] + x;
	}
	int32_t mbest = -1;
	double mscore = 0;
	for (size_t i = 0; i < n; i++) {
		if (boiler[i])
			continue;
		double m = wn_range(doc, good, (int32_t)i) - WN_MASS_BAD_WEIGHT * wn_range(doc, bad, (int32_t)i);
		if (m > mscore || (mbest >= 0 && m == mscore)) {
			mscore = m;
			mbest = (int32_t)i;
		}
	}
	double rgood = 0;
	for (size_t c = 0; c < n_content; c++)
		rgood += wn_range(doc, good, content[c]);
	/* The heaviest element wins too when the page marks it as the
	 * article's body (itemprop=articleBody) around readability's winner:
	 * an article in many sections, each its own box, the winner one. */
	if (mbest >= 0 && (rgood < WN_MASS_FRACTION * wn_range(doc, good, mbest) ||
			   (wn_is_article_body(doc, mbest) && wn_holds(doc, mbest, prose_best)))) {
		best = mbest;
		content[0] = best;
		n_content = 1;
	}
	/* A product grid or listing that neither candidate saw: its items
	 * are the content, links included. */
	uint64_t ctext = 0;
	for (size_t c = 0; c < n_content; c++)
		ctext += doc->nodes[content[c]].text_chars;
	int32_t list = wn_item_list(doc, boiler, blurbs, pics, heads);
	bool grid = list >= 0 && prose < WN_LIST_PROSE &&
		    (uint64_t)doc->nodes[list].text_chars > WN_LIST_OVER * ctext;
	if (grid) {
		best = wn_widen_list(doc, boiler, good, bad, items, list);
		content[0] = best;
		n_content = 1;
	}
	/* A grid too small to replace the container, beside it, on a page
	 * with little prose: a category page's description and its products,
	 * a listing's intro and its entries (an undated article's too:
	 * vocab.undated).  It joins the content, links included. */
	int32_t beside = -1;
	if (!grid && (!vocab.article || vocab.undated) && !vocab.product && list >= 0 &&
	    prose < WN_LIST_PROSE &&
	    (uint64_t)doc->nodes[list].text_chars * WN_LIST_BESIDE >= ctext) {
		beside = list;
		for (size_t c = 0; c < n_content && beside >= 0; c++)
			if (wn_holds(doc, content[c], list) || wn_holds(doc, list, content[c]))
				beside = -1;
		if (beside >= 0)
			content[n_content++] = beside;
	}
	*container = best;
	/* A container made mostly of item titles is an item list: the
	 * titles are its content. */
	bool is_list = grid || wn_range(doc, items, best) > WN_ITEM_LIST_FRACTION * wn_range(doc, all, best);
	bool *initem = wn_arena_calloc(doc->arena, n, sizeof(bool));
	if (!initem)
		return WN_ERR_NOMEM;
	wn_list_items(&vocab, boiler, blurbs, pics, heads, content, n_content, initem);
	if (vocab.comments && (err = wn_add_comments(&vocab, boiler, content, &n_content)))
		return err;

	/* The last item title kept by wn_list_items: a thread's posts repeat
	 * theirs ("Re: topic"), a listing's items each have their own. */
	const char *last_title = NULL;
	/* A noise section open in the content ("Related", "You may also
	 * like"): its blocks up to cut_end, unless a heading of level
	 * cut_level or higher closes it first. */
	size_t cut_end = 0;
	unsigned cut_level = 0;
	for (size_t b = 0; b < doc->n_blocks && !err; b++) {
		struct wn_block *blk = &doc->blocks[b];
		int32_t root = -1;
		for (size_t c = 0; c < n_content && root < 0; c++)
			if (wn_in_blocks(doc, content[c], b))
				root = content[c];
		if (root < 0) {
			double s = 0;
			for (int32_t a = blk->node; a >= 0 && (size_t)a < n; a = doc->nodes[a].parent)
				if (score[a] > s)
					s = score[a];
			err = wn_drop_block(doc, blk, "outside_content", s);
			continue;
		}
		/* Furniture between the block and the container root; as in
		 * the flags, the ancestors of readability's winner are not. */
		const char *why = NULL;
		int w = 0;
		for (int32_t a = blk->node; a > root && !why; a = doc->nodes[a].parent) {
			const char *word;
			if (wn_holds(doc, a, prose_best))
				continue;
			if (wn_is_furniture(&vocab, a)) {
				why = wn_arena_printf(doc->arena, "tag:%s", doc->nodes[a].tag);
				w = -WN_CLASS_WEIGHT;
				if (!why)
					return WN_ERR_NOMEM;
			} else if ((w = wn_weight(&vocab, a, &word)) < 0 &&
				   !(wn_is_layout_word(word) && wn_is_prose_box(doc, a))) {
				why = wn_arena_printf(doc->arena, "class:%s", word);
				if (!why)
					return WN_ERR_NOMEM;
			}
		}
		if (!why && b < cut_end) {
			if (blk->kind == WN_BLOCK_HEADING && blk->level <= cut_level)
				cut_end = 0;
			else {
				why = "noise_section";
				w = -WN_CLASS_WEIGHT;
			}
		}
		if (!why && blk->chars <= WN_NOISE_HEADING_CHARS &&
		    (blk->kind == WN_BLOCK_HEADING || blk->kind == WN_BLOCK_PARAGRAPH)) {
			const char *lower = wn_extract_lowercase(doc->arena, blk->text, blk->len);
			if (!lower)
				return WN_ERR_NOMEM;
			/* Of a paragraph's shape, the words alone: "Recommended:"
			 * is a field's label (a game's system requirements). */
			if (!is_list && wn_extract_is_noise_heading(lower) && !wn_is_reference_heading(lower) &&
			    (blk->kind == WN_BLOCK_HEADING || wn_extract_heading_len(lower) == blk->len)) {
				why = "noise_section";
				w = -WN_CLASS_WEIGHT;
				/* The section: the smallest element around the
				 * heading holding more than the heading. */
				int32_t a = blk->node;
				while (a != root && doc->nodes[a].parent >= 0 &&
				       (size_t)(doc->nodes[a].first_block + doc->nodes[a].n_blocks) <= b + 1)
					a = doc->nodes[a].parent;
				cut_end = (size_t)(doc->nodes[a].first_block + doc->nodes[a].n_blocks);
				cut_level = blk->kind == WN_BLOCK_HEADING ? blk->level : 6;
				/* A heading of a paragraph's shape heads only a box of
				 * its own: amid the article's prose "Leggi anche"
				 * introduces one link, and the story goes on. */
				if (blk->kind != WN_BLOCK_HEADING && (a == root || wn_holds(doc, a, prose_best)))
					cut_end = 0;
			}
		}
		bool in_beside = beside >= 0 && wn_in_blocks(doc, beside, b);
		if (!why && teaser[blk->node] && !is_list && !in_beside) {
			why = "teaser";
			w = -WN_CLASS_WEIGHT;
		}
		/* A photo credit standing alone ("Photo: Hau Dinh, AP") is the
		 * image's, not the body's (the article keeps it with the image);
		 * a cookie notice drawn inside the content box (a consent bar
		 * in the page's wrapper) is the site's.  Each test bounds the
		 * length it reads. */
		if (!why && blk->chars < 400) {
			const char *lower = wn_extract_lowercase(doc->arena, blk->text, blk->len);
			if (!lower)
				return WN_ERR_NOMEM;
			if (wn_extract_is_credit(lower, blk->chars))
				why = "credit";
			else if (wn_extract_is_furniture_line(lower, blk->chars))
				why = "furniture_line";
			else if (wn_extract_is_control_line(lower, blk->chars))
				why = "control_line";
			else if (blk->kind != WN_BLOCK_HEADING &&
				 wn_extract_is_cookie_notice(lower, blk->chars))
				why = "cookie";
			else if (wn_is_script_notice(lower, blk->chars))
				why = "script_notice";
			else if (!vocab.article && wn_is_copyright_line(lower, blk->chars))
				why = "copyright";
			if (why)
				w = -WN_CLASS_WEIGHT;
		}
		bool title = !why && initem[blk->node] && heads[b + 1] > heads[b] &&
			     !(last_title && !strcmp(last_title, blk->text)) &&
			     !(blk->chars <= WN_STAMP_CHARS && wn_extract_parse_date(doc->arena, blk->text));
		if (title)
			last_title = blk->text;
		if (why)
			err = wn_drop_block(doc, blk, why, w);
		else if ((blk->kind == WN_BLOCK_LINK ||
			  wn_block_link_density(blk) > WN_LINK_DENSITY_MAX) &&
			 !(is_list && (grid || items[b + 1] > items[b])) && !title && !in_beside &&
			 !wn_is_linked_prose(doc, prose_best, blk))
			err = wn_drop_block(doc, blk, "link_density", wn_block_link_density(blk));
	}
	return err ? err : wn_drop_repeats(doc);
}
