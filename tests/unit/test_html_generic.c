/* test_html_generic.c -- extract/html_generic.c: content mass, layout
 * classes, hidden classes, section headers, landing pages, item lists
 * (link cards too), <form> wrappers and grids in forms, comments (include_comments and
 * discussion threads), inline containers, repeated blocks, teasers around
 * an article, product pages (reviews, other products' tiles), modal
 * dialogs, news tickers, social embeds, prose with links, paragraphs
 * beside the winner, marked article bodies, captions, picture cards, item
 * titles of lists in the content, grids beside the content, tokens
 * naming what is absent, controls standing alone, posters' boxes, cookie
 * notices, noise sections ("You may also like"), and
 * pages without content. */
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "extract_internal.h"
#include "wn_test.h"

/* Extracts html with no rules; the article's text, or NULL on error.  The
 * text lives in arena. */
static const char *extract(struct wn_arena *arena, const char *html, bool include_comments)
{
	struct wn_extract_opts opts = {.kind = WN_INPUT_HTML, .include_comments = include_comments};
	struct wn_article *art;
	if (wn_extract(arena, html, strlen(html), &opts, &art) != WN_OK)
		return NULL;
	return art->text;
}

/* True when text holds needle. */
static bool has(const char *text, const char *needle)
{
	return text && strstr(text, needle);
}

/* A short paragraph of running text, as a page's item would hold. */
#define SAY(who) "<p>" who " was patient, clear and kind, and every lesson was a pleasure.</p>"

/* Testimonials, each in its own box: no single box wins readability's
 * scoring, the box holding them all wins on content mass. */
static void test_spread_content(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><nav><a href=/>Home</a> <a href=/l>Lessons</a> <a href=/c>Contact</a></nav>"
		"<div class=page><h1>Reviews</h1><div class=grid>"
		"<div class=box>" SAY("Josh") "<span>Sarah Ward</span></div>"
		"<div class=box>" SAY("Jack") "<span>Bryn Harrison</span></div>"
		"<div class=box>" SAY("Luca") "<span>David Black</span></div>"
		"<div class=box>" SAY("Joe") "<span>Anna Gentzel</span></div>"
		"</div></div><footer><a href=/p>Privacy</a></footer></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Josh was patient"));
	CHECK(has(t, "Joe was patient"));
	CHECK(has(t, "Bryn Harrison"));
	CHECK(!has(t, "Privacy"));
	CHECK(!has(t, "Lessons"));
	wn_arena_free(a);
}

/* A page builder's class on every box ("elementor-widget-container")
 * contains "widget" but is layout, not boilerplate. */
static void test_layout_class(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=elementor-widget-container><h1>Our school</h1></div>"
		"<div class=elementor-widget-container>" SAY("Josh") "</div>"
		"<div class=elementor-widget-container>" SAY("Jack") "</div>"
		"<div class=elementor-widget-container>" SAY("Luca") "</div>"
		"<div class=sidebar-widget><p>Sign up to our newsletter for news, offers and more, "
		"every week.</p></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Josh was patient"));
	CHECK(has(t, "Luca was patient"));
	CHECK(!has(t, "newsletter"));
	wn_arena_free(a);
}

/* A category page: the content is a list of item titles, all links. */
static void test_item_list(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/a>About</a></li>"
		"<li><a href=/c>Contact</a></li></ul></nav>"
		"<main><h1>Category: Programming languages</h1>"
		"<p>This category lists individual programming languages.</p><ul>"
		"<li><a href=/1>Compilers by programming language</a> (12)</li>"
		"<li><a href=/2>Programming language families and dialects</a> (34)</li>"
		"<li><a href=/3>Software by programming language used</a> (30)</li>"
		"<li><a href=/4>Programming languages created by women</a> (11)</li>"
		"<li><a href=/5>Academic programming languages of the past</a> (35)</li>"
		"</ul></main><footer><a href=/t>Terms</a></footer></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Compilers by programming language"));
	CHECK(has(t, "Academic programming languages of the past"));
	CHECK(!has(t, "Contact"));
	CHECK(!has(t, "Terms"));
	wn_arena_free(a);
}

/* True when a <div> of class cls reads as boilerplate word want (NULL:
 * as no boilerplate). */
static bool wn_test_class_word(const char *cls, const char *want)
{
	struct wn_attr attr = {"class", cls};
	struct wn_node node = {.tag = "div", .parent = -1, .first_child = -1, .next_sibling = -1,
			       .subtree_size = 1, .n_attrs = 1, .attrs = &attr, .cls = cls,
			       .first_block = -1};
	struct wn_doc doc = {.kind = WN_INPUT_HTML, .nodes = &node, .n_nodes = 1};
	const char *word;
	wn_extract_class_weight(&doc, 0, &word);
	return want ? word && !strcmp(word, want) : !word;
}

/* A news card that is one link around its headline and summary. */
#define CARD(n) "<div class=card><a href=/" n "><h2>Story " n " of the day</h2><p>Residents " \
		"described thick smoke over the city after the strikes, story " n ".</p></a></div><hr>"

/* A tag page of news cards, in two grids (one per section) with <hr>
 * between the cards: every card is all link, but its summary makes it an
 * item, and the list widens over both grids and the page's heading. */
static void test_link_cards(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/w>Weather</a></li>"
		"<li><a href=/s>Sports</a></li><li><a href=/v>Video</a></li></ul></nav>"
		"<div><h1>Vehicle rental news</h1><p>Stay up to date with our coverage.</p></div>"
		"<section><div class=grid>" CARD("1") CARD("2") CARD("3") CARD("4") "</div>"
		"<div class=grid>" CARD("5") CARD("6") CARD("7") CARD("8") "</div></section>"
		"<footer><a href=/p>Privacy policy</a></footer></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Story 1 of the day"));
	CHECK(has(t, "after the strikes, story 4."));
	CHECK(has(t, "after the strikes, story 8."));
	CHECK(has(t, "Stay up to date"));
	CHECK(!has(t, "Weather"));
	CHECK(!has(t, "Privacy"));
	wn_arena_free(a);
}

/* "hidden", "hide", "d-none" hide, but overflow-hidden only clips, a
 * utility class shown from some width on ("hidden md:block") is what a
 * desktop shows, so is a box hidden on small screens only
 * ("hidden-md-down"), and "hide-last-connector" hides a part. */
static void test_hidden_classes(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><main><h1>Our school</h1>"
		"<section class=\"py-8 overflow-hidden\">" SAY("Josh") SAY("Jack") "</section>"
		"<div class=\"hidden md:block\">" SAY("Luca") "</div>"
		"<div class=\"modal hidden\"><p>Your session has expired, please log in again to "
		"continue with your lessons.</p></div></main></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Josh was patient"));
	CHECK(has(t, "Luca was patient"));
	CHECK(!has(t, "session has expired"));
	wn_arena_free(a);
	CHECK(wn_test_class_word("overflow-x-hidden", NULL));
	CHECK(wn_test_class_word("hidden lg:flex", NULL));
	CHECK(wn_test_class_word("is-hidden", "hidden"));
	CHECK(wn_test_class_word("productview-info hide", "hidden"));
	CHECK(wn_test_class_word("spinner d-none", "hidden"));
	CHECK(wn_test_class_word("d-none d-lg-block", NULL));
	CHECK(wn_test_class_word("children hide-last-connector", NULL));
	CHECK(wn_test_class_word("product-description hidden-md-down", NULL));
	CHECK(wn_test_class_word("product-description hidden-down-md", NULL));
	CHECK(wn_test_class_word("hidden-md-up", "hidden"));
	CHECK(wn_test_class_word("hidden dropdown", "hidden"));
}

/* A landing page heads each section with a <header>: content.  The
 * page's own header, and any header on an article's page, is furniture. */
static void test_section_headers(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><header><p>Acme Video: record, share, and grow your team.</p></header>"
		"<main><section><header><h2>Lightning fast recording</h2><p>Easily record your "
		"screen and camera, on any device, in a few clicks.</p></header>" SAY("Josh")
		"</section><section><header><h2>Share anywhere</h2><p>From your inbox to your "
		"wiki, videos play wherever your team works.</p></header>" SAY("Jack")
		"</section></main></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Easily record your screen"));
	CHECK(has(t, "videos play wherever"));
	CHECK(!has(t, "grow your team"));
	const char *article =
		"<html><head><meta property=og:type content=article></head><body><main><section>"
		"<header><p>Posted by Michael Smith on November 19, 2019, 6:21 AM EST</p></header>"
		SAY("Josh") SAY("Jack") SAY("Luca") "</section></main></body></html>";
	t = extract(a, article, false);
	CHECK(has(t, "Luca was patient"));
	CHECK(!has(t, "Posted by"));
	wn_arena_free(a);
}

/* A landing page: its sections sit between calls to action and menus.
 * Off an article's page, boilerplate does not weigh against a container
 * holding it (the cleaning drops it anyway), so the container spans all
 * the sections; and the wrapper of readability's winner, whatever its
 * class says, is not boilerplate in the cleaning either. */
static void test_landing_page(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=nav-wrapper><nav><a href=/>Home</a> <a href=/p>Pricing</a> "
		"<a href=/d>Download</a> <a href=/l>Log in</a> <a href=/s>Support</a></nav>"
		"<div><h2>Group chat that is all fun</h2>" SAY("Josh") "</div>"
		"<aside class=cta><a href=/d>Download for Windows</a> <a href=/b>Open in your "
		"browser</a> <a href=/m>Download for Mac</a> <a href=/i>Get it for iPhone</a></aside>"
		"<div><h2>Stream like you are in the same room</h2><p>High quality and low latency "
		"streaming feels like hanging out on the couch with friends.</p></div>"
		"<aside class=cta><a href=/d>Download for Windows</a> <a href=/b>Open in your "
		"browser</a> <a href=/m>Download for Mac</a> <a href=/i>Get it for iPhone</a></aside>"
		"<div><h2>Hop in when you are free</h2><p>Easily hop in and out of voice or text "
		"chats without having to call or invite anyone.</p></div></div>"
		"<footer><a href=/t>Terms</a> <a href=/c>Cookies</a></footer></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Josh was patient"));
	CHECK(has(t, "low latency streaming"));
	CHECK(has(t, "Easily hop in and out"));
	CHECK(!has(t, "Download for Windows"));
	CHECK(!has(t, "Pricing"));
	CHECK(!has(t, "Terms"));
	wn_arena_free(a);
}

/* A forum thread wrapped in one <form> (moderation checkboxes) is not
 * furniture; a small search form still is. */
static void test_form_wrapper(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><form class=search><label>Search the forum for posts</label>"
		"<input name=q></form><form action=/mod><div class=thread>"
		"<div class=post>" SAY("The agent") "</div><div class=post>" SAY("The cruise line")
		"</div><div class=post>" SAY("The captain") "</div></div></form></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "The agent was patient"));
	CHECK(has(t, "The captain was patient"));
	CHECK(!has(t, "Search the forum"));
	wn_arena_free(a);
}

/* An article's comments: out by default, in with include_comments; on a
 * page declaring a discussion thread they are the content. */
static void test_comments(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *article =
		"<article><h1>Harbour wall</h1><p>The harbour wall, built in 1850, will be restored "
		"this summer, the council said on Monday.</p><p>Work starts in June and should last "
		"three months, with the quay closed to cars, said the engineer.</p></article>";
	const char *comments =
		"<div id=comments class=comments-area><div class=comment><p>About time, this wall "
		"has been crumbling for years, and nobody cared.</p></div></div>";
	char html[2048];
	snprintf(html, sizeof(html), "<html><body>%s%s</body></html>", article, comments);
	const char *t = extract(a, html, false);
	CHECK(has(t, "harbour wall, built in 1850"));
	CHECK(!has(t, "About time"));
	t = extract(a, html, true);
	CHECK(has(t, "harbour wall, built in 1850"));
	CHECK(has(t, "About time"));

	snprintf(html, sizeof(html),
		 "<html><head><script type=\"application/ld+json\">{\"@context\":"
		 "\"https://schema.org\",\"@type\":\"DiscussionForumPosting\",\"headline\":"
		 "\"Wall\"}</script></head><body>%s%s</body></html>",
		 article, comments);
	t = extract(a, html, false);
	CHECK(has(t, "About time"));
	wn_arena_free(a);
}

/* Text owned by an inline container (<span> holding <p>s) belongs to the
 * container chosen by block range, so it is kept. */
static void test_inline_container(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div><a href=/>Home</a></div><div class=seo><h4>Sheets for sleep</h4>"
		"<div><span class=excerpt>The makings of your ideal sleep space start with "
		"intention, softness and a bed that is beautiful, the makers say. Our range of "
		"colours and fabrics means you can make your bed feel like home, whatever the "
		"season, the climate or the room.</span></div></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "The makings of your ideal sleep space"));
	wn_arena_free(a);
}

/* A long block repeated (one copy per screen size) is kept once; a short
 * repeated line (a spec shared by two items) stays. */
static void test_repeats(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><main><div class=lg><p>Step into a world of fun, creative possibilities "
		"and entertainment with the new tablet, made for you.</p></div>"
		"<div class=sm><p>Step into a world of fun, creative possibilities "
		"and entertainment with the new tablet, made for you.</p></div>"
		"<p>Screen size: up to 43 inches.</p><p>It comes in four colours, each as light as "
		"the last, and folds flat.</p><p>Screen size: up to 43 inches.</p></main></body></html>";
	const char *t = extract(a, html, false);
	const char *first = t ? strstr(t, "Step into") : NULL;
	CHECK(first && !strstr(first + 1, "Step into"));
	const char *spec = t ? strstr(t, "Screen size") : NULL;
	CHECK(spec && strstr(spec + 1, "Screen size"));
	wn_arena_free(a);
}

/* No paragraph at all, no nodes at all: no crash, a container or none. */
static void test_degenerate(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *t = extract(a, "<html><body><a href=/>Home</a></body></html>", false);
	CHECK(t != NULL);
	struct wn_doc doc = {.arena = a, .kind = WN_INPUT_HTML};
	int32_t container = 7;
	CHECK(wn_extract_html_generic(&doc, false, &container) == WN_OK);
	CHECK(container == -1);
	wn_arena_free(a);
}

/* A paragraph of article prose, about 200 characters. */
#define PROSE(n) "<p>Paragraph " n " of the story tells how the council restored the " \
	"harbour wall after the storms, who paid for the work, and what the town " \
	"expects from the new defences in the coming winters.</p>"

/* Inside the container, a box of prose whose class names only a layout
 * ("rich-widget") is the article's; one whose class says what it is
 * (a promo, a call to action) goes, prose or not. */
static void test_prose_boxes(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><article><h1>Wall</h1>" PROSE("one") PROSE("two")
		"<div class='rich-widget'>" PROSE("three") PROSE("four") PROSE("five") PROSE("5b")
		"</div>"
		"<div class='zone-widget-cta'><p>A word to our readers: we are funded by you, and "
		"every gift, however small, keeps this newsroom open for everyone who needs it.</p>"
		PROSE("six") PROSE("seven") "</div>"
		"<div class='promo'>" PROSE("eight") PROSE("nine") PROSE("ten") "</div>"
		"<div class='widget'><p>Share this story</p></div>"
		PROSE("eleven") "</article></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph one of"));
	CHECK(has(t, "Paragraph four of"));
	CHECK(has(t, "Paragraph eleven of"));
	CHECK(!has(t, "A word to our readers"));
	CHECK(!has(t, "Paragraph nine of"));
	CHECK(!has(t, "Share this story"));
	wn_arena_free(a);
}

/* A photo credit standing alone is the image's, not the body's, and an
 * ad slot's label is no body either; a sentence that starts like a credit
 * is body. */
static void test_credit_lines(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><article><h1>Wall</h1>" PROSE("one")
		"<figure><img src=w.jpg><p>Photo: Hau Dinh, AP</p></figure>" PROSE("two")
		"<div><p>Advertisement</p></div>"
		"<p>Source: the council, which said the work would start in spring.</p>"
		"</article></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph two of"));
	CHECK(!has(t, "Hau Dinh"));
	CHECK(!has(t, "Advertisement"));
	CHECK(has(t, "Source: the council"));
	wn_arena_free(a);
}

/* A news card: a title link and a blurb, as "More from" sections hold. */
#define TEASER(n) "<div class=card><a href=/s" n "><h3>Another story number " n " from the desk</h3></a>" \
	"<p>Teaser " n " says how a neighbouring town, its mayor and its engineers argued for " \
	"months over a bridge, a budget and a ferry that nobody, in the end, wanted to run, " \
	"and what the voters made of the whole affair when the ballots came in last spring.</p></div>"
/* Another post, as an <article>: its title link and excerpt. */
#define POST(n) "<article class=post><a href=/p" n "><h3>Post " n " of the blog</h3></a><p>Teaser " \
	n " says how a neighbouring town, its mayor and its engineers argued for months over a " \
	"bridge, a budget and a ferry that nobody, in the end, wanted to run.</p></article>"

/* On an article's page, a run of cards around the article -- each a title
 * link and a blurb -- is teasers, even when together they hold more text
 * than the article; cards inside the article's body are its items. */
static void test_teasers(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><head><meta property='og:type' content='article'></head><body>"
		"<div class=page><div class=story><h1>Wall</h1>" PROSE("one") PROSE("two")
		PROSE("three") PROSE("four") PROSE("five") PROSE("six") PROSE("seven")
		PROSE("eight") PROSE("nine") PROSE("ten") PROSE("eleven") PROSE("twelve")
		"<ul class=picks>" TEASER("1") TEASER("2") TEASER("3") "</ul></div>"
		"<div class=more><h2>More from the desk</h2><ul class=row>" TEASER("4") TEASER("5")
		TEASER("6") TEASER("7") TEASER("8") TEASER("9") TEASER("10") TEASER("11") TEASER("12")
		TEASER("13") TEASER("14") TEASER("15") "</ul></div></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph one of"));
	CHECK(has(t, "Paragraph twelve of"));
	CHECK(has(t, "Teaser 2 says"));
	CHECK(!has(t, "Teaser 4 says"));
	CHECK(!has(t, "Teaser 15 says"));
	/* Other posts as <article>s: teasers even inside the winner, which
	 * their excerpts made. */
	html = "<html><head><meta property='og:type' content='article'></head><body>"
	       "<div class=entry><h1>Wall</h1>" PROSE("two") "</div>"
	       "<article class=post><h3>You may like</h3>"
	       POST("1") POST("2") POST("3") POST("4") POST("5") "</article></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Paragraph two of"));
	CHECK(!has(t, "Teaser 2 says"));
	wn_arena_free(a);
}

/* "promoted" (Drupal's node--promoted: content put forward) is not a
 * promo; a promo box still goes. */
static void test_promoted(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><article><h1>Wall</h1><div class=lead>" PROSE("one") PROSE("two")
		PROSE("three") PROSE("four") "</div><div class='node node--promoted'>"
		PROSE("five") "</div><div class=promo-box><p>Subscribe now and save half on "
		"your first year of the paper, delivered to your door.</p></div></article>"
		"</body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph one of"));
	CHECK(has(t, "Paragraph five of"));
	CHECK(!has(t, "Subscribe now"));
	wn_arena_free(a);
}

/* Another product, as a "You may also like" tile: title link and price. */
#define TILE(n) "<li class=tile><a href=/p" n "><h3>Speckled mug number " n "</h3></a>" \
	"<span>$" n "4.00</span></li>"
/* One review, in a review box. */
#define REVIEW(n) "<div class=review-item><h4>Great mug " n "</h4><p>Review " n ": I bought " \
	"two of these for the office, and they keep coffee hot, wash well and look lovely.</p></div>"

/* On a product's page (JSON-LD Product or ProductGroup, og:type product,
 * microdata Product) customer reviews,
 * carousels and tiles of other products go; the description and
 * specifications stay.  Off a product's page review vocabulary is neutral. */
static void test_product_page(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *body =
		"<div class=product><h1>White speckle mug</h1><div class=description>"
		"<p>A wheel-thrown stoneware mug, glazed in speckled white, made in small batches "
		"in our studio, so no two are quite alike.</p><ul><li>Capacity: 350 ml</li>"
		"<li>Dishwasher safe</li></ul></div>"
		"<div class=reviews><h2>Reviews</h2>" REVIEW("1") REVIEW("2") REVIEW("3") "</div>"
		"<div class='carousel offers'><p>Bundle offer: take the matching saucer and a pour-over "
		"cone for half price this week.</p></div>"
		"<div class=swatches><span class=swatch>Moss Green</span><span class=swatch>Ink Blue"
		"</span></div><div class=back-in-stock><p>Tell me when this colour is back in stock, "
		"by email, once.</p></div>"
		"<div class=also><h2>You may also like</h2><ul class=tiles>" TILE("1") TILE("2")
		TILE("3") TILE("4") "</ul></div></div></body></html>";
	char html[4096];
	snprintf(html, sizeof(html), "<html><head><script type='application/ld+json'>"
		 "{\"@type\": \"Product\", \"name\": \"White speckle mug\"}</script></head><body>%s",
		 body);
	const char *t = extract(a, html, false);
	CHECK(has(t, "wheel-thrown stoneware"));
	CHECK(has(t, "Capacity: 350 ml"));
	CHECK(!has(t, "Review 2: I bought"));
	CHECK(!has(t, "Speckled mug number 3"));
	CHECK(!has(t, "Bundle offer"));
	CHECK(!has(t, "Moss Green"));
	CHECK(!has(t, "back in stock"));
	snprintf(html, sizeof(html), "<html><head><meta property='og:type' content='product'>"
		 "</head><body>%s", body);
	t = extract(a, html, false);
	CHECK(has(t, "wheel-thrown stoneware"));
	CHECK(!has(t, "Review 2: I bought"));
	snprintf(html, sizeof(html), "<html><body><div itemscope "
		 "itemtype='https://schema.org/Product'>%s", body);
	t = extract(a, html, false);
	CHECK(has(t, "wheel-thrown stoneware"));
	CHECK(!has(t, "Review 2: I bought"));
	/* One product in three variants: a Product per variant. */
	snprintf(html, sizeof(html), "<html><head><script type='application/ld+json'>"
		 "{\"@type\": \"ProductGroup\", \"hasVariant\": [{\"@type\": \"Product\"}, "
		 "{\"@type\": \"Product\"}, {\"@type\": \"Product\"}]}</script></head><body>%s",
		 body);
	t = extract(a, html, false);
	CHECK(has(t, "wheel-thrown stoneware"));
	CHECK(!has(t, "Review 2: I bought"));
	snprintf(html, sizeof(html), "<html><body>%s", body);
	t = extract(a, html, false);
	CHECK(has(t, "Review 2: I bought"));
	wn_arena_free(a);
}

/* A modal dialog's prose (a privacy policy in the footer) is never the
 * article, however long; a non-modal side sheet (aria-modal=false, where
 * a shop opens its product details) can be. */
static void test_modal_dialog(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=product><h1>Wool runner</h1><div class=details>"
		"<p>A true original, our runner combines soft merino wool with cloud-like comfort, "
		"and it washes in the machine.</p><p>Sizes 8 to 14, in six colours.</p></div></div>"
		"<footer><a href=/p>Privacy</a><div id=policy role=dialog aria-modal=true><div class=legal>"
		PROSE("one") PROSE("two") PROSE("three") PROSE("four") "</div></div></footer>"
		"</body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "soft merino wool"));
	CHECK(!has(t, "Paragraph two of"));
	/* Inside the content, a modal goes like furniture. */
	html = "<html><body><article><h1>Wall</h1>" PROSE("one") PROSE("two")
	       "<div role=dialog><p>Sign up for our letter and get ten per cent off your "
	       "first order, every week.</p></div></article></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Paragraph two of"));
	CHECK(!has(t, "Sign up for our letter"));
	html = "<html><body><main><div class=sheet role=dialog aria-modal=false><div class=text>"
	       PROSE("one") PROSE("two") "</div></div></main></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Paragraph two of"));
	wn_arena_free(a);
}

/* One headline of a news ticker: its link and the start of its story. */
#define TICK(n) "<li><a href=/t" n ">Headline " n " of the day</a> <span>CITY: Story " n \
	" begins, as tickers do, with the first words of its lead, cut short...</span></li>"

/* A "Breaking News" ticker before the article, and again in the footer:
 * the two copies hold most of the page's text, yet count once for a
 * layout class, and stay boilerplate. */
static void test_news_ticker(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><head><meta property='og:type' content='article'></head><body>"
		"<div class=main><div class=breaking-news><b>Breaking News</b><ul>" TICK("1")
		TICK("2") TICK("3") TICK("4") TICK("5") TICK("6") TICK("7") TICK("8") "</ul></div>"
		"<div class=story><h1>Wall</h1>" PROSE("one") PROSE("two") PROSE("three")
		PROSE("four") "</div></div><div class=foot><div class=breaking-news>"
		"<b>Breaking News</b><ul>" TICK("1") TICK("2") TICK("3") TICK("4") TICK("5")
		TICK("6") TICK("7") TICK("8") "</ul></div></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph one of"));
	CHECK(has(t, "Paragraph four of"));
	CHECK(!has(t, "Breaking News"));
	CHECK(!has(t, "Story 3 begins"));
	wn_arena_free(a);
}

/* An embedded social post (class "social-media-embed") is the article's
 * quote, not a share bar; a paragraph with a long link in it is prose. */
static void test_embeds_and_linked_prose(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><article><h1>Wall</h1>" PROSE("one") PROSE("two")
		"<div class=social-media-embed><blockquote class=twitter-tweet><p>The new wall "
		"looks great from the ferry this morning, well done to the whole crew</p>"
		"</blockquote></div><div class=social-share><a href=/s>Share on Facebook</a>"
		"</div>" PROSE("three") "<p>The contractor was fined and <a href=/f>ordered to "
		"rebuild the northern section of the wall at its own cost</a>.</p>"
		"<p>Read more: <a href=/r>How the harbour wall was first built, a century ago, "
		"by the town</a></p></article></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph three of"));
	CHECK(has(t, "looks great from the ferry"));
	CHECK(!has(t, "Share on Facebook"));
	CHECK(has(t, "ordered to rebuild the northern section"));
	CHECK(!has(t, "a century ago"));
	wn_arena_free(a);
}

/* One paragraph in a box of its own, as some sites wrap each. */
#define PARA(n) "<div class=para>Opening paragraph " n " says the wall was finished on time, " \
	"under budget, and to the praise of everyone.</div>"

/* Paragraphs in boxes of their own beside readability's winner (the rest
 * of the article in a "read all" box) join it, two or more of them; one
 * alone is a standfirst.  A body marked itemprop=articleBody around the
 * winner is the container whole. */
static void test_sibling_paragraphs(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=page><h1>Wall</h1><div class=wrap>" PARA("1") PARA("2")
		"<div class=read-all>" PROSE("one") PROSE("two") PROSE("three") PROSE("four")
		PROSE("five") PROSE("six") PROSE("seven") PROSE("eight") "</div></div>"
		"<div class=rail><a href=/x>Other news of the day, all of it</a></div></div>"
		"</body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Opening paragraph 1 says"));
	CHECK(has(t, "Opening paragraph 2 says"));
	CHECK(has(t, "Paragraph eight of"));
	html = "<html><body><div class=page><h1>Wall</h1><div class=wrap>" PARA("1")
	       "<div class=read-all>" PROSE("one") PROSE("two") PROSE("three") PROSE("four")
	       PROSE("five") PROSE("six") PROSE("seven") PROSE("eight") "</div></div></div>"
	       "</body></html>";
	t = extract(a, html, false);
	CHECK(!has(t, "Opening paragraph 1 says"));
	CHECK(has(t, "Paragraph eight of"));
	html = "<html><body><div itemprop=articleBody><div class=block><div class=text>"
	       PROSE("one") PROSE("two") PROSE("three") PROSE("four") PROSE("five") PROSE("six")
	       PROSE("seven") PROSE("eight") "</div></div><div class=block><div class=text>"
	       PROSE("nine") PROSE("ten") "</div></div></div></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Paragraph one of"));
	CHECK(has(t, "Paragraph ten of"));
	wn_arena_free(a);
}

/* On an article's page a caption box (a slideshow's, with its "Caption"
 * toggle) is the image's; elsewhere "caption" is a card's text. */
static void test_captions(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><head><meta property='og:type' content='article'></head><body><article>"
		"<h1>Wall</h1><ul class=gallery><li><img src=/w.jpg><div class=caption>The mayor, "
		"left, and the engineer inspect the wall on Monday, Nov. 18.</div>"
		"<div class=captionlink><p>Caption</p></div></li></ul>" PROSE("one") PROSE("two")
		PROSE("three") "</article></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Paragraph three of"));
	CHECK(!has(t, "inspect the wall"));
	CHECK(!has(t, "Caption"));
	html = "<html><body><h1>Our rooms</h1><div class=rooms>"
	       "<div class=thumbnail><img src=/a.jpg><div class=caption><h3>Sea room</h3><p>A double "
	       "room with a view over the harbour, the wall and the ferry.</p></div></div>"
	       "<div class=thumbnail><img src=/b.jpg><div class=caption><h3>Garden room</h3><p>A "
	       "twin room on the quiet side, over the garden and the old church.</p></div></div>"
	       "</div></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "view over the harbour"));
	CHECK(has(t, "over the garden"));
	wn_arena_free(a);
}

/* A recipe card: a picture and one title link, nothing else. */
#define RECIPE(n) "<a class=card href=/r" n "><img src=/r" n ".jpg><span>Slow cooked tomato " \
	"sauce number " n "</span></a>"

/* A recipe card whose link holds its title and its rating. */
#define RATED(n) "<article class=cell><a href=/f" n "><img src=/f" n ".jpg><h3>Crispy air " \
	"fried salmon number " n "</h3><div>20 reviews / 5 average</div></a></article>"

/* A listing of picture cards, each one title link, is an item list; a row
 * of logos with short names is not (a menu entry has a word or two). */
static void test_picture_cards(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><nav><a href=/>Home</a> <a href=/r>Recipes</a></nav><div class=page>"
		"<div class=intro><h1>Tomato sauces</h1><p>Our collection of tomato sauce recipes "
		"has one for every dish.</p></div><div class=list>" RECIPE("1") RECIPE("2")
		RECIPE("3") RECIPE("4") RECIPE("5") RECIPE("6") RECIPE("7") RECIPE("8") RECIPE("9")
		"</div></div><div class=brands>"
		"<a href=/a><img src=/a.png>Acme</a><a href=/b><img src=/b.png>Bolt</a>"
		"<a href=/c><img src=/c.png>Crest</a><a href=/d><img src=/d.png>Dune</a></div>"
		"</body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "one for every dish"));
	CHECK(has(t, "tomato sauce number 1"));
	CHECK(has(t, "tomato sauce number 9"));
	CHECK(!has(t, "Crest"));
	/* The rating inside the card's link too: still one picture and a
	 * title. */
	html = "<html><body><div class=page><div class=intro><h1>Air fryer</h1><p>Crisp and "
	       "quick dinners from the air fryer, for every night.</p></div><div class=row>"
	       RATED("1") RATED("2") RATED("3") RATED("4") RATED("5") RATED("6") RATED("7")
	       "</div></div></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Crispy air fried salmon number 2"));
	CHECK(has(t, "Crispy air fried salmon number 7"));
	wn_arena_free(a);
}

/* A course card: its title a link, a blurb and a price outside it. */
#define COURSE(n) "<div class=card><a href=/c" n "><h3>Data analysis with Python part " n \
	"</h3></a><p>Part " n " of the course: clean, explore and chart real data sets in " \
	"short lessons.</p><span>$49</span></div>"

/* A post of a thread: its title a link repeating the topic, its date a
 * link too. */
#define REPLY(n) "<div class=post><h3><a href=/p" n ">Re: Turning off the status lights</a></h3>" \
	"<a href=/d" n ">Sun Dec 17, 2023 11:23 am</a><p>Post " n ": the config file " \
	"setting did it for me, after a reboot both lights stayed off for good.</p></div>"

/* On a landing page whose container holds prose and an item list, the
 * items' title links stay although the container is not mostly titles;
 * a thread's posts repeating one title, and their dates, are no item
 * titles. */
static void test_list_titles(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><nav><a href=/>Home</a> <a href=/c>Courses</a></nav><div class=page>"
		"<h1>Data courses</h1><p>Our data courses take you from your first spreadsheet "
		"to machine learning, at your pace, with mentors who answer within a day.</p>"
		"<p>Every course ends with a project of your own, reviewed by a mentor, and a "
		"certificate that employers in the field know and trust.</p>"
		"<div class=grid>" COURSE("1") COURSE("2") COURSE("3") COURSE("4") COURSE("5")
		"</div></div><footer><a href=/p>Privacy policy and terms of use</a></footer>"
		"</body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "at your pace"));
	CHECK(has(t, "Data analysis with Python part 1"));
	CHECK(has(t, "Data analysis with Python part 5"));
	CHECK(has(t, "Part 5 of the course"));
	CHECK(!has(t, "Privacy"));
	html = "<html><body><div class=topic><h1>Turning off the status lights</h1>"
	       REPLY("1") REPLY("2") REPLY("3") REPLY("4") REPLY("5") "</div></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Post 5: the config file"));
	CHECK(!has(t, "11:23"));
	const char *first = t ? strstr(t, "Re: Turning") : NULL;
	CHECK(!first || !strstr(first + 1, "Re: Turning"));
	wn_arena_free(a);
}

/* A product tile of a category page: its name a link, its price. */
#define BOARD(n) "<div class=tile><a href=/t" n "><h3>Walnut serving board size " n "</h3></a>" \
	"<span>$" n "9.00</span></div>"

/* A category page with a description and a grid too small to replace it:
 * the grid joins the description, its names included; on an article's
 * page it stays out (other articles), but not when og:type article comes
 * with no publication time (a CMS's default on every page, archives
 * included). */
static void test_list_beside(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"<html><head>%s</head><body><div class=intro><h1>Serving boards</h1><p>Our serving "
		"boards are cut from one piece of walnut, oiled by hand, and made to last.</p>"
		"<p>Each one is finished in our workshop and signed by its maker, then shipped "
		"in a cotton bag.</p></div><div class=grid>" BOARD("1") BOARD("2") BOARD("3")
		BOARD("4") BOARD("5") "</div></body></html>";
	char html[2048];
	snprintf(html, sizeof(html), page, "");
	const char *t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(has(t, "Walnut serving board size 1"));
	CHECK(has(t, "$59.00"));
	snprintf(html, sizeof(html), page,
		 "<meta property=og:type content=article><meta property=article:published_time "
		 "content=2024-05-01T08:00:00Z>");
	t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(!has(t, "Walnut serving board size 1"));
	snprintf(html, sizeof(html), page, "<meta property=og:type content=article>");
	t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(has(t, "Walnut serving board size 1"));
	wn_arena_free(a);
}

/* A product tile with its picture, name link, price, blurb and compare
 * checkbox, as a shop's compare form wraps them. */
#define KETTLE(n) "<li class=product><img src=/k" n ".jpg alt=Kettle><input type=checkbox " \
	"name=compare value=" n "><h3><a href=/k" n ">Stovetop kettle model " n "</a></h3>" \
	"<span>$" n "9.00</span><p>A whistling kettle of brushed steel that boils a litre " \
	"of water on any hob, induction included.</p></li>"

/* A category page whose grid sits in a compare <form>: the form wraps
 * items, not controls, and its tiles' blurbs are content; the search
 * form stays furniture. */
static void test_grid_form(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><form class=search action=/search><label>Search the "
		"shop for kettles and teapots</label><input name=q></form><div class=intro><h1>"
		"Kettles</h1><p>Our kettles are made of steel, copper or enamel, in six colours, "
		"and every one of them, large or small, is tested by hand before it ships.</p><p>"
		"Spouts, lids, handles and whistles are made here, in our own workshop, by the "
		"same four smiths, and spare parts are sold for ten years.</p><p>Delivery is free "
		"over fifty pounds, returns are free for a month, and each kettle comes boxed, "
		"wrapped and signed.</p></div><form action=/compare method=post><ul "
		"class=grid>" KETTLE("1") KETTLE("2") KETTLE("3") KETTLE("4")
		"</ul></form></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "tested by hand"));
	CHECK(has(t, "whistling kettle"));
	CHECK(has(t, "$49.00"));
	CHECK(!has(t, "Search the shop"));
	wn_arena_free(a);
}

/* A class token saying what a box has not ("no-ads", "hide-read-more-ad",
 * "no-sidebar") names nothing boilerplate; hiding is still read on the
 * whole string. */
static void test_absent_tokens(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=entry><h1>Winter pruning</h1><p>Prune apple trees in late "
		"winter, when the wood is bare, the buds are plain to see, and the sap is still "
		"low, so the cuts heal quickly once spring comes.</p><div class='section no-ads'>"
		"<p>Start with dead or crossing branches.</p></div><div class='box hide-read-more-ad'>"
		"<p>Then open the centre to light.</p></div><div class='note no-js-hidden'><p>Enable "
		"scripts to see the pruning video.</p></div></div><div class=ads><p>Buy our shears "
		"today.</p></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Prune apple trees"));
	CHECK(has(t, "dead or crossing branches"));
	CHECK(has(t, "open the centre"));
	CHECK(!has(t, "pruning video"));
	CHECK(!has(t, "shears"));
	wn_arena_free(a);
}

/* A shop's or a forum's controls standing alone ("Add to cart",
 * "Compare", "Loading...", "Reply") go; a sentence holding the words
 * stays. */
static void test_control_lines(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=product><h1>Walnut board</h1><p>Cut from one piece of "
		"walnut, oiled by hand, and made to last for years of daily use.</p><div>Loading..."
		"</div><span>Compare</span><div>Best seller</div><div>Add to cart</div><p>Add to cart "
		"now and we ship it tomorrow.</p><div>Reply (3)</div></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(has(t, "Add to cart now"));
	CHECK(!has(t, "Loading"));
	CHECK(!has(t, "Compare"));
	CHECK(!has(t, "Best seller"));
	CHECK(!has(t, "Reply"));
	CHECK(!has(t, "Add to cart\n"));
	wn_arena_free(a);
}

/* A forum post with its poster's box and signature. */
#define SIGNED(n, box) "<div class=post><div class=" box "><span>Joined: Mar 2019</span><span>" \
	"Posts: 3,760</span></div><div class=body><p>Post " n ": my router drops the link every " \
	"night at two, and a firmware update did not help either.</p></div><div class=signature>" \
	"Keep calm and reboot the modem, every single time.</div></div>"

/* A thread's posts stay; each poster's box and signature go. */
static void test_poster_boxes(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html = "<html><body><div class=thread><h1>Router drops the link</h1>"
			   SIGNED("1", "userinfo") SIGNED("2", "userinfo") SIGNED("3", "userinfo")
			   "</div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "Post 1: my router"));
	CHECK(has(t, "Post 3: my router"));
	CHECK(!has(t, "Posts: 3,760"));
	CHECK(!has(t, "Keep calm"));
	/* XenForo's poster extras. */
	html = "<html><body><div class=thread><h1>Router drops the link</h1>"
	       SIGNED("1", "message-userExtras") SIGNED("2", "message-userExtras")
	       SIGNED("3", "message-userExtras") "</div></body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "Post 2: my router"));
	CHECK(!has(t, "Posts: 3,760"));
	wn_arena_free(a);
}

/* A cookie notice drawn inside the content box goes; a recipe's
 * paragraph about cookies stays. */
static void test_cookie_notice(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=product><p>This site uses cookies to personalise content "
		"and to keep you logged in. By continuing to use this site, you consent to our use "
		"of cookies.</p><h1>Walnut board</h1><p>Cut from one piece of walnut, oiled by hand, "
		"and made to last for years of daily use.</p><p>Bake the cookies for twelve minutes, "
		"until the edges turn golden.</p></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(has(t, "Bake the cookies"));
	CHECK(!has(t, "consent"));
	wn_arena_free(a);
}

/* "widget" glued to a word before it ("celwidget") names a part of
 * something else; "sidebar-widget" is a widget. */
static void test_glued_widget(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=page><div class=celwidget><p>Our most popular books, "
		"updated every hour from the sales of the day.</p></div><div class=sidebar-widget>"
		"<p>Sign up for our weekly mail and never miss a sale.</p></div><p>The river towns "
		"grew along the water, and each of them, in its own way, kept a market, a bridge "
		"and a mill.</p></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "grew along the water"));
	CHECK(has(t, "Our most popular books"));
	CHECK(!has(t, "weekly mail"));
	wn_arena_free(a);
}

/* A cookie notice, a sentence with many commas, does not win the
 * container: alone in its box it would leave the page empty once the
 * cleaning drops it. */
static void test_notice_not_container(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=bar><div><p>We use cookies, pixels, tags and similar "
		"tools to measure traffic, remember choices, show ads and, with your consent, "
		"personalise content. See our cookie policy, or accept, reject or manage them.</p>"
		"</div></div><div class=box><div><p>Walnut board</p><p>Cut from one piece of "
		"walnut and oiled by hand</p></div></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(!has(t, "cookie policy"));
	wn_arena_free(a);
}

/* A notice about JavaScript goes, a sentence naming the language stays;
 * off an article's page a copyright line goes, on an article's page it is
 * the article's. */
static void test_script_notice_copyright(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><div class=product><noscript><p>JavaScript is disabled. For a better "
		"experience, please enable JavaScript in your browser.</p></noscript>"
		"<h1>Walnut board</h1><p>Cut from one piece of walnut, oiled by hand, and made to "
		"last for years of daily use.</p><p>Our editor supports HTML, CSS, JavaScript and "
		"Python, with a preview beside the code.</p><p>\xC2\xA9 2026 Board Co. All rights "
		"reserved.</p></div></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(has(t, "supports HTML, CSS, JavaScript"));
	CHECK(!has(t, "please enable"));
	CHECK(!has(t, "Board Co."));
	const char *art =
		"<html><head><meta property='og:type' content='article'></head><body><article>"
		"<h1>River towns</h1><p>The river towns grew along the water, and each of them, in "
		"its own way, kept a market and a bridge.</p><p>Copyright 2019 Valley News. All "
		"rights reserved.</p></article></body></html>";
	t = extract(a, art, false);
	CHECK(has(t, "grew along the water"));
	CHECK(has(t, "Copyright 2019 Valley News"));
	wn_arena_free(a);
}

/* A noise-section or author-box heading inside the container goes with
 * its section,
 * up to the next heading of its level; a reference section ("See also")
 * and a field's label ("Recommended:") stay. */
static void test_noise_sections(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *html =
		"<html><body><article><h1>River towns</h1><p>The river towns grew along the "
		"water, and each of them, in its own way, kept a market and a bridge.</p>"
		"<h2>You may also like</h2><h3>Mountain villages</h3><p>Another story about "
		"villages high in the hills, their herds and their winters.</p>"
		"<h2>What is left</h2><p>Today the markets are gone, but the bridges still "
		"stand, and people still cross them every morning.</p><h2>See also</h2><p>Our "
		"guide to the bridges of the lower valley, with maps.</p><p>Recommended:</p>"
		"<p>Boots, a map, and a day of good weather.</p><h2>About the author</h2><p>Ann "
		"Lee has walked the valley for twenty years and writes about its towns.</p>"
		"</article></body></html>";
	const char *t = extract(a, html, false);
	CHECK(has(t, "grew along the water"));
	CHECK(!has(t, "You may also like"));
	CHECK(!has(t, "Mountain villages"));
	CHECK(!has(t, "herds"));
	CHECK(has(t, "the bridges still stand"));
	CHECK(has(t, "with maps"));
	CHECK(has(t, "Recommended:"));
	CHECK(has(t, "good weather"));
	CHECK(!has(t, "twenty years"));
	/* A shop's heading over other products. */
	html = "<html><body><div class=item><h1>Walnut board</h1><p>Cut from one piece of "
	       "walnut, oiled by hand, and made to last for years of daily use.</p><div><h2>"
	       "Frequently bought together</h2><p>Board oil, pressed from linseed and beeswax, keeps "
	       "the wood from drying out.</p><p>$12.00</p></div></div>"
	       "</body></html>";
	t = extract(a, html, false);
	CHECK(has(t, "oiled by hand"));
	CHECK(!has(t, "Board oil"));
	wn_arena_free(a);
}

WN_TEST_MAIN(WN_TEST(test_spread_content), WN_TEST(test_prose_boxes), WN_TEST(test_credit_lines), WN_TEST(test_layout_class), WN_TEST(test_item_list),
	     WN_TEST(test_link_cards), WN_TEST(test_hidden_classes),
	     WN_TEST(test_section_headers), WN_TEST(test_landing_page),
	     WN_TEST(test_form_wrapper), WN_TEST(test_grid_form), WN_TEST(test_comments), WN_TEST(test_inline_container),
	     WN_TEST(test_repeats), WN_TEST(test_degenerate), WN_TEST(test_teasers),
	     WN_TEST(test_promoted), WN_TEST(test_product_page), WN_TEST(test_modal_dialog),
	     WN_TEST(test_news_ticker), WN_TEST(test_embeds_and_linked_prose),
	     WN_TEST(test_sibling_paragraphs), WN_TEST(test_captions),
	     WN_TEST(test_picture_cards), WN_TEST(test_list_titles),
	     WN_TEST(test_list_beside), WN_TEST(test_absent_tokens),
	     WN_TEST(test_control_lines), WN_TEST(test_poster_boxes), WN_TEST(test_cookie_notice),
	     WN_TEST(test_script_notice_copyright),
	     WN_TEST(test_notice_not_container),
	     WN_TEST(test_glued_widget),
	     WN_TEST(test_noise_sections))
