/* test_meta.c -- extract/meta.c and date.c through wn_extract(): title,
 * author, date, site name, canonical URL, language, image credits, on small
 * hand-made HTML pages. */
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "extract_internal.h"
#include "wn_test.h"

/* The article of html (with page URL url, may be NULL), from arena a. */
static struct wn_article *run(struct wn_arena *a, const char *url, const char *html)
{
	struct wn_extract_opts o = {.url = url, .kind = WN_INPUT_HTML};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, html, strlen(html), &o, &art) == WN_OK);
	return art;
}

/* The article of a page's text (URL url, may be NULL), from arena a. */
static struct wn_article *run_text(struct wn_arena *a, const char *url, const char *text)
{
	struct wn_extract_opts o = {.url = url, .kind = WN_INPUT_TEXT};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, text, strlen(text), &o, &art) == WN_OK);
	return art;
}

/* A scraped text's body: three paragraphs of prose. */
#define TEXT_BODY \
	"The town council voted on Tuesday to restore the harbour wall, which was damaged in " \
	"last winter's storms, after a long public consultation that drew many replies.\n\n" \
	"Work will begin in the spring, the council said, and is expected to last about " \
	"eight months, with the harbour closed to boats for part of that time.\n\n" \
	"Residents welcomed the decision, though some asked why it had taken so long and " \
	"whether the cost would fall on local taxpayers through higher rates.\n"

/* A body long enough to be content. */
#define BODY "<p>The town council voted on Tuesday to restore the harbour wall, which was " \
	"damaged in last winter's storms, after a long public consultation.</p><p>Work will " \
	"begin in the spring, the council said, and is expected to last about eight months.</p>"

static void test_title(void)
{
	/* HTML pages and the title each must get. */
	static const struct {
		const char *html;  /* the page */
		const char *title; /* its article's title */
	} cases[] = {
		/* The h1 that og:title repeats beside a site name wins. */
		{"<html><head><meta property='og:title' content='Harbour wall to be restored | Coast'>"
		  "<title>Harbour wall | Coast</title></head><body><article>"
		  "<h1>Harbour wall to be restored</h1>" BODY "</article></body></html>",
		 "Harbour wall to be restored"},
		/* Quotes and case may differ between the h1 and the title. */
		{"<html><head><title>Why the wall\xE2\x80\x99s old - Coast</title></head><body><article>"
		  "<h1>WHY THE WALL'S OLD</h1>" BODY "</article></body></html>",
		 "WHY THE WALL'S OLD"},
		/* A logo h1 holding the site name is not the title. */
		{"<html><head><meta property='og:title' content='Harbour wall to be restored'>"
		  "<title>Harbour wall to be restored | Coastal News</title></head><body>"
		  "<h1>Coastal News</h1><article>" BODY "</article></body></html>",
		 "Harbour wall to be restored"},
		/* A visible headline about the same thing as the machine title (written
		 * for search engines) is the title ... */
		{"<html><head><meta property='og:title' content='Harbour Wall Restoration "
		  "Approved by Council in 2019 | Coast'></head><body><article>"
		  "<h1>Council approves the harbour wall restoration</h1>" BODY "</article></body></html>",
		 "Council approves the harbour wall restoration"},
		/* ... an h1 sharing nothing with it is not. */
		{"<html><head><meta property='og:title' content='Harbour wall to be restored'>"
		  "</head><body><article><h1>Subscribe to our feed</h1>" BODY "</article></body></html>",
		 "Harbour wall to be restored"},
		/* A documentation heading's permalink mark is not the title's. */
		{"<html><head><title>Harbour wall</title></head><body><article>"
		  "<h1>Harbour wall<a class='headerlink' href='#wall'>\xC2\xB6</a></h1>" BODY
		  "</article></body></html>",
		 "Harbour wall"},
		/* ... also when no-break spaces stand around the separator. */
		{"<html><head><meta property='og:site_name' content='coast.dev'>"
		  "<meta property='og:title' content='Wall restored &nbsp;|&nbsp; coast.dev'>"
		  "</head><body><article>" BODY "</article></body></html>",
		 "Wall restored"},
		/* A headline linked to its permalink that <title> repeats wins over a
		 * later <h1> (a share dialog's). */
		{"<html><head><title>Harbour wall to be restored</title></head><body><div>"
		  "<a href='/wall'><h1>Harbour wall to be restored</h1></a></div><article>"
		  "<h1>Share the post</h1>" BODY "</article></body></html>",
		 "Harbour wall to be restored"},
		/* A heading's permalink mark does not stop og:title matching it. */
		{"<html><head><meta property='og:title' content='Models | The Coast project documentation pages'></head><body>"
		  "<article><h1>Models<a href='#m'>\xC2\xB6</a></h1>" BODY "</article></body></html>",
		 "Models"},
		/* A heading that copies <title> loses what a bar sets off, and a
		 * suffix naming the site after any separator; a hyphen after a short
		 * name is the name's own. */
		{"<html><head><title>Harbour wall restored | Photos | Coast</title></head><body>"
		  "<article><h1>Harbour wall restored | Photos</h1>" BODY "</article></body></html>",
		 "Harbour wall restored"},
		{"<html><head><meta property='og:site_name' content='The Coast'>"
		  "<title>Harbour wall restored \xE2\x80\x93 The Coast</title></head><body>"
		  "<article><h1>Harbour wall restored \xE2\x80\x93 The Coast</h1>" BODY
		  "</article></body></html>",
		 "Harbour wall restored"},
		{"<html><head><title>Harbour Lamp - Brass Edition</title></head><body>"
		  "<article><h1>Harbour Lamp - Brass Edition</h1>" BODY "</article></body></html>",
		 "Harbour Lamp - Brass Edition"},
		/* A forum's "Thread / Board / Forum" title; a chapter's number. */
		{"<html><head><title>Harbour wall is cracking / Local Talk / Coast Forums</title>"
		  "</head><body><article>" BODY "</article></body></html>",
		 "Harbour wall is cracking"},
		{"<html><head><title>Harbour wall - Coast</title></head><body><article>"
		  "<h1>3.1 Harbour wall</h1>" BODY "</article></body></html>",
		 "Harbour wall"},
		{"<html><head><title>Harbour wall - Coast</title></head><body><article>"
		  "<h1>2024.4.4 Harbour wall</h1>" BODY "</article></body></html>",
		 "2024.4.4 Harbour wall"},
		/* Character references a CMS escaped twice are decoded. */
		{"<html><head><title>Tides &amp;#8211; wall &amp;amp;#x26; pier</title></head><body>"
		  "<article>" BODY "</article></body></html>",
		 "Tides \xE2\x80\x93 wall & pier"},
		/* ... and a soft hyphen is no letter of the title. */
		{"<html><head><title>Harbour wall assis&shy;tance</title></head><body>"
		  "<article>" BODY "</article></body></html>",
		 "Harbour wall assistance"},
	};
	struct wn_arena *a = wn_arena_new(0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wn_article *art = run(a, NULL, cases[i].html);
		CHECK(art && art->title && !strcmp(art->title, cases[i].title));
	}
	/* og:title loses a suffix naming og:site_name, however long. */
	struct wn_article *art = run(a, NULL,
		"<html><head><meta property='og:site_name' content='The Coastal Daily News Online'>"
		"<meta property='og:title' content='Wall restored - The Coastal Daily News Online'>"
		"</head><body><article>" BODY "</article></body></html>");
	CHECK(art && art->title && !strcmp(art->title, "Wall restored"));
	CHECK(art && art->site_name && !strcmp(art->site_name, "The Coastal Daily News Online"));
	/* A linked logo <h1> before a separator in <title> is not the title. */
	art = run(a, NULL,
		"<html><head><title>Coast Blog: Harbour wall to be restored</title></head><body>"
		"<h1><a href='/'>Coast Blog</a></h1><article><h2>Harbour wall to be restored</h2>"
		BODY "</article></body></html>");
	CHECK(art && art->title && strcmp(art->title, "Coast Blog"));
	wn_arena_free(a);
}

/* Text input: the first headline-shaped line that covers the URL's slug
 * is the title when the generic one does not; a sentence is not. */
static void test_text_url_title(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *text =
		"Council to restore harbour wall damaged by storms, mayor says.\n"
		"Harbour Wall Restoration Approved\nHome\nNews\nSport\nWeather\nTravel\nCulture\n"
		"Food\nMusic\nBooks\nFilm\nTheatre\nArts\nScience\nHealth\n"
		"Sign up for our weekly harbour newsletter\n\n"
		TEXT_BODY;
	struct wn_article *art = run_text(a,
		"https://coast.example/news/2024/03/harbour-wall-restoration-approved.html?x=1", text);
	CHECK(art && art->title && !strcmp(art->title, "Harbour Wall Restoration Approved"));
	/* Percent-encoded slugs are decoded. */
	art = run_text(a, "https://coast.example/harbour%2Dwall%20restoration", text);
	CHECK(art && art->title && !strcmp(art->title, "Harbour Wall Restoration Approved"));
	/* No URL, or a slug of one word: the generic title stays. */
	struct wn_article *plain = run_text(a, NULL, text);
	art = run_text(a, "https://coast.example/news/12345", text);
	CHECK(plain && art && (plain->title == art->title ||
			       (plain->title && art->title && !strcmp(plain->title, art->title))));
	/* The headline line is tidied as an HTML title heading is. */
	art = run_text(a, "https://coast.example/news/harbour-wall-restoration-approved",
		"Harbour Wall Restoration Approved | Photos\n\n"
		"The town council voted on Tuesday to restore the harbour wall, which was damaged in "
		"last winter's storms, after a long public consultation that drew many replies.\n\n"
		"Work will begin in the spring, the council said, and is expected to last about "
		"eight months, with the harbour closed to boats for part of that time.\n");
	CHECK(art && art->title && !strcmp(art->title, "Harbour Wall Restoration Approved"));
	/* A breadcrumb trail gives its last part; a slash in a date or a
	 * headline, an arrow, are not a trail's. */
	static const char *const crumbs[][2] = {
		{"Home \xC2\xBB News \xC2\xBB Harbour Wall Restoration Approved",
		 "Harbour Wall Restoration Approved"},
		{"Blog / Harbour Wall Restoration Approved", "Harbour Wall Restoration Approved"},
		{"Harbour Wall Works / Repairs Approved", "Harbour Wall Works / Repairs Approved"},
		{"Harbour Wall Report 12/19/2025", "Harbour Wall Report 12/19/2025"},
		{"Harbour wall 2024.4 -> 2024.5 works", "Harbour wall 2024.4 -> 2024.5 works"},
		{"Harbour Wall Restoration Approved\xC2\xB6", "Harbour Wall Restoration Approved"},
	};
	for (size_t k = 0; k < sizeof(crumbs) / sizeof(crumbs[0]); k++)
		CHECK_STR(wn_extract_tidy_text_title(a, crumbs[k][0]), crumbs[k][1]);
	wn_arena_free(a);
}

/* Text input: the dateline under the headline, after the byline; an
 * "Updated" line only when no other date is there; else the URL's date,
 * else a labelled date anywhere; a forum's "#1" post stamp first. */
static void test_text_date(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *body = TEXT_BODY;
	const char *lead = "The wall has stood since 1890 and the storms of last winter broke "
			   "it in three places, flooding the lower town twice in one month.\n\n";
	char *text = wn_arena_printf(a, "Home\nNews\nHarbour Wall Restoration Approved\n\n%s"
				     "Jane Doe, Coast Times\nUpdated May 2, 2024\n"
				     "Published: March 14, 2024\n\n%s", lead, body);
	struct wn_article *art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2024-03-14"));
	text = wn_arena_printf(a, "Home\nNews\nHarbour Wall Restoration Approved\n\n%s"
			       "Updated May 2, 2024\n\n%s", lead, body);
	art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2024-05-02"));
	/* No dateline: the URL's /YYYY/MM/DD/ date, as for HTML. */
	text = wn_arena_printf(a, "Home\nNews\nHarbour Wall Restoration Approved\n\n%s%s", lead,
			       body);
	art = run_text(a, "https://coast.example/2024/03/14/harbour-wall/", text);
	CHECK(art && art->date && !strcmp(art->date, "2024-03-14"));
	/* Nor that: a labelled date at the foot, a publication before an
	 * update. */
	text = wn_arena_printf(a, "Home\nNews\nHarbour Wall Restoration Approved\n\n%s%s\n%s\n%s"
			       "\nLast updated: May 2, 2024\nPublished\nMarch 14, 2024\n", lead, body,
			       body, body);
	art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2024-03-14"));
	/* A byline with its date over a kicker, four lines above the
	 * headline. */
	text = wn_arena_printf(a, "by Jane Doe | May 19, 2024\nHome\nNews\n"
			       "Harbour Wall Restoration Approved\n\n%s%s", lead, body);
	art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2024-05-19"));
	/* A long meta line under the headline, read by its parts. */
	text = wn_arena_printf(a, "Home\nNews\nHarbour Wall Restoration Approved\n"
			       "Published: Mar 8, 2024 \xC2\xB7 Modified: May 19, 2025 by Jane Doe "
			       "\xC2\xB7 This post may contain affiliate links to things we love.\n\n%s%s",
			       lead, body);
	art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2024-03-08"));
	/* A date line at the head of the text, far above the headline. */
	text = wn_arena_printf(a, "Coast Times\nDecember 12, 2024\nHome\nNews\nSport\nWeather\n"
			       "Travel\nCulture\nOpinion\nVideo\nAudio\nContact\nShop\n"
			       "Harbour Wall Restoration Approved\n\n%s%s", lead, body);
	art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2024-12-12"));
	/* A forum thread: the post numbered "#1" dates it, not the thread
	 * list's last post by the title. */
	text = wn_arena_printf(a, "Forums\nHarbour Wall Restoration Approved\n"
			       "2.1K views 13 replies last post by ann Aug 7, 2023\n\n%s%s\n"
			       "bob\n#1 \xC2\xB7 Aug 5, 2023\n\n%s", lead, body, body);
	art = run_text(a, NULL, text);
	CHECK(art && art->date && !strcmp(art->date, "2023-08-05"));
	wn_arena_free(a);
}

static void test_author(void)
{
	struct wn_arena *a = wn_arena_new(0);
	/* JSON-LD author given as an @id reference to a Person of the @graph. */
	struct wn_article *art = run(a, NULL,
		"<html><head><script type='application/ld+json'>{\"@graph\":["
		"{\"@type\":\"Article\",\"headline\":\"Wall\",\"author\":{\"@id\":\"#p1\"},"
		"\"publisher\":{\"@id\":\"#org\"}},"
		"{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Jane Smith\"},"
		"{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Coastal News\"}]}"
		"</script></head><body><article><h1>Wall</h1>" BODY "</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "Jane Smith"));
	CHECK(art && art->site_name && !strcmp(art->site_name, "Coastal News"));
	/* A URL in article:author is not a name; meta author loses its "By". */
	art = run(a, NULL,
		"<html><head><meta property='article:author' content='https://fb.com/jane'>"
		"<meta name='author' content='By Tom Lee'></head><body><article><h1>Wall</h1>"
		BODY "</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "Tom Lee"));
	/* "Written by" alone is a label; the name is in the next element; a
	 * reviewer's credit is cut off. */
	art = run(a, NULL,
		"<html><body><article><h1>Wall</h1><div class='byline'>Written by</div>"
		"<div class='author-name'>Ann Wright, DVM. Reviewed by Bob Hale</div>"
		BODY "</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "Ann Wright, DVM"));
	/* A link preview's labelled field. */
	art = run(a, NULL,
		"<html><head><meta name='twitter:label1' content='Written by'>"
		"<meta name='twitter:data1' content='Nawaz Khan'></head><body><article><h1>Wall</h1>"
		BODY "</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "Nawaz Khan"));
	/* A visible "By ..." line right after the title. */
	art = run(a, NULL,
		"<html><body><article><h1>Wall</h1><p>By Ann Wright</p>" BODY
		"</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "Ann Wright"));
	/* A label alone in its block, the name in the next. */
	art = run(a, NULL,
		"<html><body><article><h1>Wall</h1><div><p>Written by</p><p>Ann Wright</p></div>"
		BODY "</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "Ann Wright"));
	/* A QAPage's Question signs the thread when there is no Article. */
	art = run(a, NULL,
		"<html><head><script type='application/ld+json'>{\"@type\":\"QAPage\","
		"\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Wall?\",\"author\":"
		"{\"@type\":\"Person\",\"name\":\"harbourfan\"}}}</script></head>"
		"<body><article><h1>Wall?</h1>" BODY "</article></body></html>");
	CHECK(art && art->author && !strcmp(art->author, "harbourfan"));
	wn_arena_free(a);
}

/* Visible bylines, as a line or a block gives them (and the next one),
 * and the name each gives (NULL: none). */
static void test_byline(void)
{
	static const char *const cases[][3] = {
		{"By Jon Foster - 2025-09-13", NULL, "Jon Foster"},
		{"By Jane Doe \xE2\x80\xA2 Senior Analyst \xE2\x80\xA2 Updated March 5", NULL, "Jane Doe"},
		{"BY REBECCA NORRISPUBLISHED: JUN 25, 2025", NULL, "REBECCA NORRIS"},
		{"By Jeff Cobb.  Last Updated on December 11, 2025", NULL, "Jeff Cobb"},
		{"By Ann Holliday-Bell, MD", NULL, "Ann Holliday-Bell, MD"},
		{"Written by Jorge Jimenez", NULL, "Jorge Jimenez"},
		{"By\xC2\xA0Jared Spataro", NULL, "Jared Spataro"},
		{"Author: Kashmir Brummel", NULL, "Kashmir Brummel"},
		{"Written by", "Ann Wright", "Ann Wright"},
		{"By Daniel Renfrow April 12, 2024", NULL, "Daniel Renfrow"},
		{"by Jeffrey ZeldmanNovember 20, 2007", NULL, "Jeffrey Zeldman"},
		{"Posted by BeauHD on Friday March 06, 2026 @08:00PM", NULL, "BeauHD"},
		{"October 11, 2023 by Autumn Huerter", NULL, "Autumn Huerter"},
		{"Posted on July 1, 2024 by infuy", NULL, "infuy"},
		{"Thread starter slow-poke", NULL, "slow-poke"},
		{"By\xC2\xA0", "April Fulton", "April Fulton"},
		{"By Audiophile On", NULL, "Audiophile On"},
		{"By Sat, 20 Dec, 2025 - 06:36", NULL, NULL},
		{"Article written by:", "Doris Munoz", "Doris Munoz"},
		{"ByNina Pineda", NULL, "Nina Pineda"},
		{"By:", "Search Advanced search\xE2\x80\xA6", NULL},
		{"[Distributions] Posted Mar 6, 2026 17:33 UTC (Fri)", NULL, NULL},
		{"Sort by Brand", NULL, NULL},
		{"Shop by Color", NULL, NULL},
		{"The wall was built by the town in 1890.", NULL, NULL},
		{"By 2030 the wall will be gone", NULL, NULL},
	};
	struct wn_arena *a = wn_arena_new(0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = wn_extract_byline(a, cases[i][0], cases[i][1]);
		CHECK(cases[i][2] ? got && !strcmp(got, cases[i][2]) : got == NULL);
	}
	/* Text input: the byline under the headline signs the article. */
	const char *text = "Home\nNews\nHarbour Wall Restoration Approved\nWritten by Jorge Jimenez\n\n"
			   "The town council voted on Tuesday to restore the harbour wall, which was "
			   "damaged in last winter's storms, after a long public consultation.\n\n"
			   "Work will begin in the spring, the council said, and is expected to last "
			   "about eight months, with the harbour closed to boats for part of it.\n";
	struct wn_article *art = run_text(a, NULL, text);
	CHECK(art && art->author && !strcmp(art->author, "Jorge Jimenez"));
	/* A name alone over the date line under the headline signs it too
	 * (a role after a comma is left out); a heading over a date does
	 * not. */
	static const char *const bare[][2] = {
		{"Mike Marshall, Shipping Expert\n\xE2\x80\xA2\nFriday, December 19, 2025\n", "Mike Marshall"},
		{"Dylan Bailey\nPublished Jun 4, 2025\n", "Dylan Bailey"},
		{"Latest news from the harbour\nJune 4, 2025\n", NULL},
	};
	for (size_t i = 0; i < sizeof(bare) / sizeof(bare[0]); i++) {
		char *page = wn_arena_printf(a, "Home\nNews\nHarbour Wall Restoration Approved\n%s\n%s",
					     bare[i][0], strstr(text, "\n\n") + 2);
		art = page ? run_text(a, NULL, page) : NULL;
		CHECK(art && (bare[i][1] ? art->author && !strcmp(art->author, bare[i][1])
					 : !art->author));
	}
	wn_arena_free(a);
}

/* A page and the date its article must carry. */
struct wn_date_case {
	const char *url;  /* the page's URL, or NULL */
	const char *html; /* the page */
	const char *want; /* the date, or (day_only) its first ten characters */
	bool day_only;    /* compare the day only (a time stamp's zone varies) */
};

static const struct wn_date_case wn_date_cases[] = {
	{NULL,
		"<html><head><meta property='article:published_time' content='2019-11-19T08:03:00Z'>"
		"</head><body><article><h1>Wall</h1>" BODY "</article></body></html>",
	 "2019-11-19T08:03:00Z", false},
	/* The URL's day wins over a timestamp one day off (a time zone). */
	{"https://coast.example/2019/11/18/wall",
		"<html><head><meta property='article:published_time' content='2019-11-19T03:00:00Z'>"
		"</head><body><article><h1>Wall</h1>" BODY "</article></body></html>",
	 "2019-11-18", false},
	/* A visible date by the title; an "Updated" date only when no other. */
	{NULL,
		"<html><body><article><h1>Wall</h1><p>Updated 2 December 2019</p>"
		"<p>Published 19 November 2019</p>" BODY "</article></body></html>",
	 "2019-11-19", false},
	{NULL,
		"<html><body><article><h1>Wall</h1><p>Updated 2 December 2019</p>" BODY
		"</article></body></html>",
	 "2019-12-02", false},
	/* <time datetime> in the article; itemprop=datePublished content. */
	{NULL,
		"<html><body><article><h1>Wall</h1><time datetime='2019-11-19'>Tuesday</time>" BODY
		"</article></body></html>",
	 "2019-11-19", false},
	{NULL,
		"<html><body><article><h1>Wall</h1><meta itemprop='datePublished' "
		"content='2019-11-20'>" BODY "</article></body></html>",
	 "2019-11-20", false},
	/* A JSON-LD @graph with no Article: the WebPage's datePublished. */
	{NULL,
		"<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":"
		"\"WebSite\",\"name\":\"Coast\"},{\"@type\":\"WebPage\",\"datePublished\":"
		"\"2021-01-27T06:00:00+00:00\"}]}</script></head><body><article><h1>Wall</h1>"
		BODY "</article></body></html>",
	 "2021-01-27T06:00:00+00:00", false},
	/* A standard name behind a publisher's own prefix. */
	{NULL,
		"<html><head><meta name='w-published-date' content='2025-05-27T06:03:43Z'></head>"
		"<body><article><h1>Wall</h1>" BODY "</article></body></html>",
	 "2025-05-27T06:03:43Z", false},
	/* A <legend> heads the article, its dateline under it; the <h1>s
	 * are the article's sections, far down. */
	{NULL,
		"<html><head><meta property='og:title' content='Harbour wall restored'></head><body>"
		"<fieldset><legend>Harbour wall restored</legend>20 December 2025<div>" BODY
		"<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><p>i</p>"
		"<h1>Conclusions</h1>" BODY "</div></fieldset></body></html>",
	 "2025-12-20", false},
	/* meta name=published. */
	{NULL,
		"<html><head><meta name='published' content='July 17, 2025'></head><body>"
		"<article><h1>Wall</h1>" BODY "</article></body></html>",
	 "2025-07-17", false},
	/* A date in an inline element whose class names a date, far from the
	 * title: the block around it. */
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "<p>a</p><p>b</p><p>c</p><p>d</p>"
		"<p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
		"<div>#1 <span class='post_date'>2019-02-23, 09:14 PM</span></div></article>"
		"</body></html>",
	 "2019-02-23", false},
	/* A forum thread titled in <title> only: the first post's date by the
	 * start of the content, not the poster's "Joined" date. */
	{NULL,
		"<html><head><title>Harbour wall thread</title></head><body><div><p>Posts: 2</p>"
		"<p>Joined: Sun Dec 10, 2023 11:18 am</p><p>by ann &raquo; Sun Dec 17, 2023 11:23 am</p>"
		BODY "</div></body></html>",
	 "2023-12-17", false},
	/* A label far down the article ("Last updated: ..."), only when no
	 * other date; a "Published" label alone in its block with the date in
	 * the next. */
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "<p>a</p><p>b</p><p>c</p><p>d</p>"
		"<p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
		"<p>Last updated: November 13, 2025</p><h4>Published</h4><div>July 8, 2025</div>"
		"</article></body></html>",
	 "2025-07-08", false},
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "<p>a</p><p>b</p><p>c</p><p>d</p>"
		"<p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
		"<p>Last updated: November 13, 2025</p></article></body></html>",
	 "2025-11-13", false},
	/* With no date in the article, a labelled one in a side box. */
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "</article><aside><h4>Published</h4>"
		"<div>July 8, 2025</div></aside></body></html>",
	 "2025-07-08", false},
	/* A page that tells only when it was last changed is dated by that
	 * (article:modified_time, else JSON-LD dateModified); hand-written
	 * JSON-LD with a line break pasted into a string is still read. */
	{NULL,
		"<html><head><meta property='article:modified_time' content='2023-06-12T10:39:42Z'>"
		"</head><body><article><h1>Wall</h1>" BODY "</article></body></html>",
	 "2023-06-12T10:39:42Z", false},
	{NULL,
		"<html><head><script type='application/ld+json'>{\"@type\": \"Article\", "
		"\"description\": \"Two\nlines\", \"dateModified\": \"2024-02-22 12:38:44\"}"
		"</script></head><body><article><h1>Wall</h1>" BODY "</article></body></html>",
	 "2024-02-22", true},
	/* The dateline under the headline wins over the markup's date, unless
	 * it is one day off (a zone) or the same day read the other way round;
	 * an update is no dateline. */
	{NULL,
		"<html><head><meta property='article:published_time' content='2019-11-19T08:03:00Z'>"
		"</head><body><article><h1>Wall</h1><p>December 2, 2019</p>" BODY
		"</article></body></html>",
	 "2019-12-02", false},
	{NULL,
		"<html><head><meta property='article:published_time' content='2012-09-12'>"
		"</head><body><article><p><a href='/travel'>Travel</a></p><p>September 8, 2021</p>"
		"<h1>Wall</h1>" BODY "</article></body></html>",
	 "2021-09-08", false},
	{NULL,
		"<html><head><meta property='article:published_time' content='2019-11-19T23:03:00-05:00'>"
		"</head><body><article><h1>Wall</h1><p>Nov 20, 2019</p>" BODY
		"</article></body></html>",
	 "2019-11-19", true},
	{NULL,
		"<html><head><meta property='article:published_time' content='2024-09-10'>"
		"</head><body><article><h1>Wall</h1><p>09.10.2024</p>" BODY
		"</article></body></html>",
	 "2024-09-10", false},
	{NULL,
		"<html><head><meta property='article:published_time' content='2019-11-19'>"
		"</head><body><article><h1>Wall</h1><p>Updated December 2, 2019</p>" BODY
		"</article></body></html>",
	 "2019-11-19", false},
	/* A dateline's parts joined by a bar are read on their own: the
	 * comment count beside the date does not hide it. */
	{NULL,
		"<html><head><meta property='article:published_time' content='2025-01-01T03:00:00'>"
		"</head><body><article><h1>Wall</h1><p>By Kathryn Wright Mar 5, 2025 | 6 comments"
		"</p>" BODY "</article></body></html>",
	 "2025-03-05", false},
	/* A membership label alone in its block ("Joined" over "Nov 4,
	 * 2011") marks the next block's date as the poster's, not the page's. */
	{NULL,
		"<html><head><title>Harbour wall thread</title></head><body><div><p>ann</p>"
		"<dl><dt>Joined</dt><dd>Nov 4, 2011</dd></dl>"
		"<p>by ann &raquo; Sun Dec 17, 2023 11:23 am</p>" BODY "</div></body></html>",
	 "2023-12-17", false},
	/* A clock in the site's header (a <time> outside the article) comes
	 * after the date by the title. */
	{NULL,
		"<html><body><header><time datetime='2026-03-05T12:16:19Z'>March 05, 2026</time>"
		"<p>Home</p><p>Forums</p><p>Help</p></header><article><h1>Wall</h1><p>Started by harbourfan, June 04, 2024, 11:23:55 AM"
		"</p>" BODY "</article></body></html>",
	 "2024-06-04", false},
	/* A question's "asked" label and a thread's "Start date" are
	 * publication labels. */
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "<p>a</p><p>b</p><p>c</p><p>d</p>"
		"<p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
		"<p>asked Feb 11, 2011 at 23:49</p></article></body></html>",
	 "2011-02-11", false},
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "<p>a</p><p>b</p><p>c</p><p>d</p>"
		"<p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
		"<p>Start date Feb 20, 2010</p></article></body></html>",
	 "2010-02-20", false},
	/* No <h1>: the dateline stands by the heading that says what the
	 * title says in other words. */
	{NULL,
		"<html><head><meta property='og:title' content='Harbour wall to be restored in spring'>"
		"</head><body><div><h3>News | February 01, 2022</h3>"
		"<h2>Harbour wall will be restored next spring</h2><p>Share</p><p>Facebook</p>"
		"<p>Email</p><p>Print</p></div><article>" BODY "</article></body></html>",
	 "2022-02-01", false},
	/* A byline at the article's foot with its date in the next block. */
	{NULL,
		"<html><body><article><h1>Wall</h1>" BODY "<p>a</p><p>b</p><p>c</p><p>d</p>"
		"<p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
		"<p>Written by <a href='/ann'>Ann Wright</a></p><p>April 8, 2024</p>"
		"</article></body></html>",
	 "2024-04-08", false},
	/* With no standard date, a meta of the publisher's own name holding
	 * "date" (not an update's), or an attribute saying created on the
	 * element around the article. */
	{NULL,
		"<html><head><meta name='updated_at' content='2025-10-23T11:11:00Z'>"
		"<meta name='ms.date' content='2025-03-06T00:00:00Z'></head><body><article>"
		"<h1>Wall</h1>" BODY "</article></body></html>",
	 "2025-03-06T00:00:00Z", false},
	{NULL,
		"<html><body><div created-timestamp='2026-03-03T09:47:05.754000+0000'>"
		"<article><h1>Wall</h1>" BODY "</article></div></body></html>",
	 "2026-03-03", true},
};

static void test_date(void)
{
	struct wn_arena *a = wn_arena_new(0);
	for (size_t i = 0; i < sizeof(wn_date_cases) / sizeof(wn_date_cases[0]); i++) {
		const struct wn_date_case *c = &wn_date_cases[i];
		struct wn_article *art = run(a, c->url, c->html);
		const char *got = art ? art->date : NULL;
		bool ok = got && (c->day_only ? !strncmp(got, c->want, 10) : !strcmp(got, c->want));
		if (!ok)
			fprintf(stderr, "date case %zu: want %s, got %s\n", i, c->want,
				got ? got : "null");
		CHECK(ok);
	}
	CHECK(wn_extract_date_days("1970-01-01") == 0);
	CHECK(wn_extract_date_days("2019-11-19T08:00:00Z") == 18219);
	CHECK(wn_extract_date_days("2020-03-01") - wn_extract_date_days("2020-02-28") == 2);
	CHECK(wn_extract_date_days("2019-02-30") == -1);
	CHECK(wn_extract_date_days(NULL) == -1);
	wn_arena_free(a);
}

static void test_site_fields(void)
{
	struct wn_arena *a = wn_arena_new(0);
	struct wn_article *art = run(a, "https://www.coast.example/news/wall?utm=1",
		"<html><head><link rel='canonical' href='/news/wall'>"
		"<meta http-equiv='Content-Language' content='de-DE'></head><body><article>"
		"<h1>Wall</h1>" BODY "<figure><img src='/w.jpg'><figcaption>The wall.</figcaption>"
		"<p class='photographer'>Ann Wright</p></figure>"
		"</article></body></html>");
	CHECK(art && art->canonical_url &&
	      !strcmp(art->canonical_url, "https://www.coast.example/news/wall"));
	CHECK(art && art->language && !strcmp(art->language, "de"));
	CHECK(art && art->n_images == 1 && art->images[0].credit &&
	      !strcmp(art->images[0].credit, "Ann Wright"));
	/* og:url when there is no canonical link; a relative one without a
	 * page URL is not absolute, so not given. */
	art = run(a, NULL,
		"<html><head><meta property='og:url' content='https://coast.example/a'></head>"
		"<body><article><h1>Wall</h1>" BODY "</article></body></html>");
	CHECK(art && art->canonical_url && !strcmp(art->canonical_url, "https://coast.example/a"));
	art = run(a, NULL,
		"<html><head><link rel='canonical' href='/a'></head>"
		"<body><article><h1>Wall</h1>" BODY "</article></body></html>");
	CHECK(art && art->canonical_url == NULL);
	wn_arena_free(a);
}

WN_TEST_MAIN(WN_TEST(test_title), WN_TEST(test_text_url_title), WN_TEST(test_text_date), WN_TEST(test_author), WN_TEST(test_byline),
	     WN_TEST(test_date),
	     WN_TEST(test_site_fields))
