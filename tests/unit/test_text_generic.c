/* test_text_generic.c -- extract/: stoplists, language guess, and the
 * generic heuristics for scraped text (noise headings in several
 * languages, teaser records, repeats, metadata lines, non-article pages,
 * bad input). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract_internal.h"
#include "stoplist.h"
#include "wn_test.h"

/* Article prose: long, punctuated, dense in stopwords. */
#define PROSE_EN "The council said on Tuesday that the new bridge will open in the spring, " \
	"and that the old one will be closed for repairs until the end of the year.\n\n"
#define PROSE_EN2 "Engineers who worked on the project said that the design had to take " \
	"the strong tides of the estuary into account, which made it more expensive.\n\n"
#define PROSE_EN3 "Residents of the harbour district have asked for a footpath on the " \
	"bridge as well, and the council has promised to consider it at its next meeting.\n\n"

/* Extracts a text page without rules; NULL on error. */
static struct wn_article *extract_text(struct wn_arena *a, const char *page)
{
	struct wn_extract_opts o = {.kind = WN_INPUT_TEXT, .explain = true};
	struct wn_article *art = NULL;
	return wn_extract(a, page, strlen(page), &o, &art) == WN_OK ? art : NULL;
}

static bool removed_with(const struct wn_article *art, const char *text, const char *reason)
{
	for (size_t i = 0; i < art->n_removed; i++)
		if (!strcmp(art->removed[i].text, text) && strstr(art->removed[i].reason, reason))
			return true;
	return false;
}

static bool kept(const struct wn_article *art, const char *text)
{
	return art->text && strstr(art->text, text) != NULL;
}

/* True when page extracts and its article keeps text. */
static bool page_keeps(struct wn_arena *a, const char *page, const char *text)
{
	const struct wn_article *art = extract_text(a, page);
	return art && kept(art, text);
}

/* Every list sorted bytewise and without duplicates (bsearch needs it). */
static void test_stoplists_sorted(void)
{
	static const char *const langs[] = {"en", "ru", "de", "fr", "es", "it", "pt"};
	CHECK(wn_stoplist_count() == sizeof(langs) / sizeof(langs[0]));
	for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
		int i = wn_stoplist_find(langs[l]);
		CHECK(i >= 0);
		CHECK_STR(wn_stoplist_lang((size_t)i), langs[l]);
		size_t n;
		const char *const *w = wn_stoplist_words((size_t)i, &n);
		CHECK(n >= 50);
		for (size_t k = 1; k < n; k++)
			CHECK(strcmp(w[k - 1], w[k]) < 0);
	}
	CHECK(wn_stoplist_find("zh") < 0);
	CHECK(wn_stoplist_find(NULL) < 0);
	CHECK(wn_stoplist_lang(99) == NULL);
}

static void test_stoplist_lookup(void)
{
	int en = wn_stoplist_find("en"), ru = wn_stoplist_find("ru");
	CHECK(wn_stoplist_has(en, "the"));
	CHECK(!wn_stoplist_has(en, "und"));
	CHECK(wn_stoplist_has(-1, "und"));         /* fallback: any list */
	CHECK(wn_stoplist_has(ru, "\xD1\x87\xD1\x82\xD0\xBE")); /* что */
	CHECK(!wn_stoplist_has(99, "the"));
	size_t words, stops;
	const char *s = "the cat and the dog";
	wn_stoplist_density(en, s, strlen(s), &words, &stops);
	CHECK(words == 5 && stops == 3);
	const char *menu = "home news sport weather";
	wn_stoplist_density(en, menu, strlen(menu), &words, &stops);
	CHECK(words == 4 && stops == 0);
	wn_stoplist_density(en, "", 0, &words, &stops);
	CHECK(words == 0 && stops == 0);
	/* A word too long for any list is counted, never looked up. */
	char longw[200];
	memset(longw, 'a', sizeof(longw) - 1);
	longw[sizeof(longw) - 1] = '\0';
	wn_stoplist_density(en, longw, strlen(longw), &words, &stops);
	CHECK(words == 1 && stops == 0);
}

/* Script and stopword profile, one sentence per language. */
static void test_language_guess(void)
{
	static const char *const cases[][2] = {
		{"en", "The mayor said that the plan is the best one for the city and its people."},
		{"ru", "\xD0\x9C\xD1\x8D\xD1\x80 \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0\xB0\xD0\xBB, "
		       "\xD1\x87\xD1\x82\xD0\xBE \xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD \xD0\xB3\xD0\xBE"
		       "\xD1\x82\xD0\xBE\xD0\xB2."},
		{"de", "Der Plan ist nicht neu, und die Stadt hat sich auch mit dem Thema befasst."},
		{"fr", "Le maire a dit que le plan est pour les habitants et qui sont dans la ville."},
		{"es", "El alcalde dijo que el plan es para los vecinos y las familias de la ciudad."},
		{"it", "Il sindaco ha detto che il piano non è per gli abitanti della città."},
		{"pt", "O prefeito disse que o plano não é para os moradores da cidade e dos bairros."},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(wn_extract_guess_language(cases[i][1], strlen(cases[i][1])), cases[i][0]);
	CHECK(wn_extract_guess_language("12345 !!!", 9) == NULL);
}

/* "Читайте также" and "Lesen Sie auch" head teaser lists: heading and
 * list go (headlines too long for a menu), the article stays. */
static void test_noise_headers_multilingual(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
		"\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA"
		"\xD0\xB6\xD0\xB5:\n"
		"Ferry prices rise again as the operator blames the cost of fuel and of staff\n"
		"New mayor takes office and promises to finish the bridge and the seafront\n\n"
		"Lesen Sie auch\n"
		"Die neue Br\xC3\xBC""cke im Hafen ist offen und die alte wird jetzt repariert\n"
		"Neue F\xC3\xA4hre im Hafen bringt Pendler schneller in die Stadt und zur\xC3\xBC""ck\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "footpath on the bridge"));
		CHECK(removed_with(art, "Ferry prices rise again as the operator blames the cost of "
				   "fuel and of staff", "heuristic noise_header"));
		CHECK(removed_with(art, "Lesen Sie auch", "heuristic"));
		CHECK(!kept(art, "New mayor"));
		CHECK(!kept(art, "Pendler"));
	}
	/* "Related: Headline" is a link to another page, inside the body. */
	const char *inline_link = PROSE_EN "Related: Ferry prices rise again\n\n" PROSE_EN2;
	art = extract_text(a, inline_link);
	CHECK(art && removed_with(art, "Related: Ferry prices rise again", "heuristic noise_link"));
	CHECK(art && kept(art, "strong tides"));
	/* Headings built like the listed ones: "More <site> Stories". */
	const char *built = PROSE_EN PROSE_EN2 "More Great Harbour Stories\n"
			    "Ferry prices rise again as the operator blames the cost of fuel\n\n"
			    "More From Harbour Times\nNew mayor takes office\n";
	art = extract_text(a, built);
	CHECK(art && removed_with(art, "More Great Harbour Stories", "heuristic noise_header"));
	CHECK(art && removed_with(art, "More From Harbour Times", "heuristic noise_header"));
	CHECK(art && !kept(art, "Ferry prices"));
	CHECK(art && kept(art, "strong tides"));
	/* "READ MORE: Headline" inside the body is a link, like "Related:". */
	const char *more = PROSE_EN "READ MORE: Ferry prices rise again\n\n" PROSE_EN2;
	art = extract_text(a, more);
	CHECK(art && removed_with(art, "READ MORE: Ferry prices rise again", "heuristic noise_link"));
	CHECK(art && kept(art, "strong tides"));
	/* A fact check's "Sources:" list under the article. */
	const char *sources = PROSE_EN PROSE_EN2 PROSE_EN3 "Sources:\n"
			      "Harbour Council, \"Traffic on the old and the new bridge in 2019,\" "
			      "Nov. 5, 2019\n"
			      "Email interview with Ann Lee, harbour master of the port of the city, "
			      "Nov. 6, 2019\n";
	art = extract_text(a, sources);
	CHECK(art && removed_with(art, "Sources:", "heuristic noise_header"));
	CHECK(art && !kept(art, "Email interview"));
	CHECK(art && kept(art, "strong tides"));
	/* A shop's "Frequently bought together" heads other products: the
	 * heading and the product's blurb under it go. */
	const char *shop = PROSE_EN PROSE_EN2 PROSE_EN3 "Frequently bought together\n"
			   "The matching harbour map is printed on heavy paper and it is folded "
			   "to fit in a coat pocket.\n";
	art = extract_text(a, shop);
	CHECK(art && removed_with(art, "Frequently bought together", "heuristic noise_header"));
	CHECK(art && !kept(art, "matching harbour map"));
	CHECK(art && kept(art, "strong tides"));
	wn_arena_free(a);
}

/* A shop's buttons amid a product's text are furniture; a comment's
 * "Reply" stays to part the comments from the article. */
static void test_shop_controls(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page = PROSE_EN "Add to cart\n\nBest Seller\n\n" PROSE_EN2 "Reply\n\n" PROSE_EN3;
	struct wn_article *art = extract_text(a, page);
	CHECK(art && removed_with(art, "Add to cart", "heuristic furniture"));
	CHECK(art && removed_with(art, "Best Seller", "heuristic furniture"));
	CHECK(art && !removed_with(art, "Reply", "heuristic furniture"));
	CHECK(art && kept(art, "strong tides"));
	wn_arena_free(a);
}

/* Teasers after the article (headline, date, summary, again and again)
 * are not body, though their summaries read like it. */
static void test_teaser_records(void)
{
	struct wn_arena *a = wn_arena_new(0);
	char page[4096] = "Bridge opens in spring\nMay 2, 2024\n\n" PROSE_EN PROSE_EN2 PROSE_EN3;
	for (int i = 0; i < 3; i++)
		strcat(page, "Other story headline here\nMay 1, 2024\n"
			     "A summary of another story, cut short by the site after a few "
			     "words.\n\n");
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "footpath on the bridge"));
		CHECK(!kept(art, "A summary of another story"));
		CHECK_STR(art->title, "Bridge opens in spring");
		CHECK_STR(art->date, "2024-05-02");
		CHECK_STR(art->language, "en");
	}
	wn_arena_free(a);
}

/* Records of a kicker, a headline and a source line over a one-line
 * summary, three or more in a row after the article, are other pages'
 * teasers even when each line stands in a block of its own; the same
 * records with no article before them are a listing and stay. */
static void test_teaser_run(void)
{
	static const char *const records[] = {
		"REINDEER GAMES\n\nWhy the herders went to fight the miners\n\n"
		"1 digg example.org Long Reads\n\nThe herders have kept their animals on "
		"the hills for generations, and then the miners arrived in the valley.\n\n",
		"LOVE IS LOVE\n\nWhat a new study tells us about romance\n\n"
		"example.com Science\n\nWhat is it like to share a life with someone "
		"and feel no need for the things that the films are about?\n\n",
		"A NATIONAL TRAGEDY\n\nFires spread across the dry south of the country\n\n"
		"Animals Nature\n\nDozens of fires are spreading across the south, and they "
		"have burned more than two million acres of bush in a week.\n\n"};
	struct wn_arena *a = wn_arena_new(0);
	char page[8192] = "Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
			  PROSE_EN PROSE_EN2 PROSE_EN3 PROSE_EN PROSE_EN2 PROSE_EN3;
	char listing[4096] = "";
	for (size_t i = 0; i < sizeof(records) / sizeof(records[0]); i++) {
		strcat(page, records[i]);
		strcat(listing, records[i]);
	}
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "footpath on the bridge"));
		CHECK(!kept(art, "kept their animals"));
		CHECK(!kept(art, "two million acres"));
	}
	art = extract_text(a, listing);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "kept their animals"));
		CHECK(kept(art, "two million acres"));
	}
	wn_arena_free(a);
}

/* Cards whose title-case headline the scraper glued to the summary
 * ("...At Troy SteakhouseA party of six...") are teasers wherever they
 * stand, three in a row; a camel-case name in prose is no join. */
static void test_glued_cards(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Customers Leave Without Paying Their Bill At Troy SteakhouseA party of six "
		"left the restaurant in Troy without paying their bill after a fight.\n\n"
		"Michigan To Mail Redistricting Panel Applications To 250,000The state will mail "
		"the applications to voters who were chosen at random this week.\n\n"
		"Mayor Says Move For Health Benefits Will Not StandWarren Mayor Jim Fouts says "
		"that it was a despicable move by the council and he will veto it.\n\n"
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2
		"Here at SoundGuys we tested the bridge app, and we found that it is the best "
		"way to see when the bridge will open to traffic.\n\n" PROSE_EN3;
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(!kept(art, "party of six"));
		CHECK(!kept(art, "Jim Fouts"));
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "Here at SoundGuys"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	wn_arena_free(a);
}

/* Summaries each between two copies of one share bar are cards, three
 * in a row: after the article they go, the article stays. */
static void test_cards_between_bars(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2
		"Whatsapp Facebook Pin Download\n\n"
		"A life asks for courage and for hope, to wait for the best and to make the best "
		"happen, while fear only stops the smile.\n\n"
		"Whatsapp Facebook Pin Download\n\n"
		"What holds a family together is love and care, the certainty of support and of "
		"hands held out when the days are hard.\n\n"
		"Whatsapp Facebook Pin Download\n\n"
		"Strength to win and faith to believe that all is possible, that every obstacle "
		"can be overcome and that the victory is near.\n\n"
		"Whatsapp Facebook Pin Download\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "strong tides"));
		CHECK(!kept(art, "holds a family"));
		CHECK(!kept(art, "Strength to win"));
	}
	wn_arena_free(a);
}

/* The author's box under the article ("Meg James is a corporate media
 * reporter for ...") and a "Was this article helpful?" widget end it
 * like an "About the author" heading; a rule that names an authority
 * does not. */
static void test_author_bio(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
		"The Harbour Council is the final authority on the use of the bridge and its "
		"paths.\n\n" PROSE_EN
		"Meg James is a corporate media reporter for the Harbour Times, covering the "
		"business of the port.\n\n"
		"Ferry prices rise again as the operator blames the cost of fuel and of staff, and "
		"the unions say that they will strike.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "final authority"));
		CHECK(kept(art, "footpath on the bridge"));
		CHECK(!kept(art, "Meg James"));
		CHECK(!kept(art, "Ferry prices"));
	}
	/* So does the feedback widget under an article. */
	const char *feedback = PROSE_EN PROSE_EN2 PROSE_EN3 PROSE_EN "Was this article helpful?\n\n"
		"Ferry prices rise again as the operator blames the cost of fuel and of staff, and "
		"the unions say that they will strike.\n";
	art = extract_text(a, feedback);
	CHECK(art && removed_with(art, "Was this article helpful?", "heuristic comments"));
	CHECK(art && !kept(art, "Ferry prices"));
	CHECK(art && kept(art, "footpath on the bridge"));
	wn_arena_free(a);
}

/* A line three times on a page is its template; a date line inside the
 * body is metadata. */
static void test_repeats_and_metadata(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Whatsapp Facebook Pin Download\n\n" PROSE_EN
		"Whatsapp Facebook Pin Download\n\n" PROSE_EN2 "Posted by Ann Lee\n\n"
		"Whatsapp Facebook Pin Download\n\n" PROSE_EN3;
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(removed_with(art, "Whatsapp Facebook Pin Download", "heuristic repeated 3"));
		CHECK(!kept(art, "Whatsapp"));
		CHECK(kept(art, "strong tides"));
	}
	wn_arena_free(a);
}

/* A shop page has no prose: its lists are the content, and stay. */
static void test_non_article_page(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page = "Shop\nCart\n\nHome\nNews\nSport\nWeather\nContact\n\nHeadphones\n\n"
			   "Model HD 100\nClosed-back\nWired\n\n"
			   "Model HD 200\nOpen-back\nWireless\n\nModel HD 300\nClosed-back\n"
			   "Wired\n\n© 2024 Example Shop. All rights reserved.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "Model HD 200"));
		CHECK(kept(art, "Open-back"));
		CHECK(!kept(art, "All rights reserved"));
		/* The site's menu of one-word links stays out. */
		CHECK(!kept(art, "Weather"));
	}
	/* Inside an article, between two paragraphs, a run of short lines
	 * that are phrases is the article's list; one of one- or two-word
	 * links is a menu. */
	char buf[2048];
	snprintf(buf, sizeof(buf), "%s%sFree delivery on every order\nTwo year warranty included\n"
		 "Returns accepted within thirty days\n\n%sNews\nSport\nWeather\n\n%s", PROSE_EN,
		 PROSE_EN2, PROSE_EN3, PROSE_EN);
	art = extract_text(a, buf);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "Two year warranty included"));
		CHECK(removed_with(art, "Sport", "menu_run"));
	}
	/* A listing's records -- a title and "N reviews / N average" each
	 * -- outweigh its short intro: they are the page, the menu is not. */
	snprintf(buf, sizeof(buf), "Home\nAbout\nRecipes\nContact\n\n"
		 "These are the recipes that our readers have loved the most this year, "
		 "and we hope that you will find one that you like.\n\n"
		 "Crispy Air Fryer Salmon Bowls With Rice\n84 reviews / 5 average\n"
		 "Honey Chipotle Chicken Skewers With Lime\n28 reviews / 4.9 average\n"
		 "Golden Air Fryer Tofu With Peanut Sauce\n31 reviews / 4.4 average\n"
		 "Garlic and Black Pepper Beef Skewers\n16 reviews / 5 average\n"
		 "Crispy Smashed Potato Salad With Herbs\n11 reviews / 4.8 average\n"
		 "Quick Chicken Tacos With Green Sauce\n67 reviews / 5 average\n");
	art = extract_text(a, buf);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "Golden Air Fryer Tofu"));
		CHECK(kept(art, "16 reviews / 5 average"));
		CHECK(!kept(art, "Contact"));
	}
	wn_arena_free(a);
}

/* A headline may start with a number; a "Label: Name" credit line and a
 * table of contents are not headlines. */
static void test_title_choice(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page = "Home\nBlog\n\n10 Free Accounting Tools for Small Businesses\n"
			   "Contributors: Jane Doe\nTable of Contents\n\n" PROSE_EN PROSE_EN2;
	struct wn_article *art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "10 Free Accounting Tools for Small Businesses");
	/* The headline over a byline and a date wins over a nearer
	 * subheading. */
	page = "Home\nBlog\n\nTen Free Accounting Tools for Small Businesses\n"
	       "By Jane Doe\nMay 19, 2024\nReading time\nTools\nWhich tool fits your shop best\n\n"
	       PROSE_EN PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "Ten Free Accounting Tools for Small Businesses");
	/* ... and over its reading time. */
	page = "Home\nBlog\n\nTen Free Accounting Tools for Small Businesses\n"
	       "5 min read\nShare\nTools\nWhich tool fits your shop best\n\n" PROSE_EN PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "Ten Free Accounting Tools for Small Businesses");
	/* A headline a breadcrumb trail ends in is on the page twice. */
	page = "Home \xC2\xBB Blog \xC2\xBB Ten Free Accounting Tools for Small Businesses\nMenu\n\n"
	       "Ten Free Accounting Tools for Small Businesses\nShare\nTools\n"
	       "Which tool fits your shop best\n\n" PROSE_EN PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "Ten Free Accounting Tools for Small Businesses");
	/* A headline over a long meta block (byline, date, reading time,
	 * share buttons) is still in reach. */
	page = "Home\nBlog\n\nTen Free Accounting Tools for Small Businesses\nBy Jane Doe\n"
	       "May 19, 2024\n5 min read\nShare\nTweet\nEmail\nPrint\nSave\nCopy link\n"
	       "Facebook\nLinkedIn\nReddit\n\n" PROSE_EN PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "Ten Free Accounting Tools for Small Businesses");
	/* A byline alone is not a headline. */
	page = "Home\nBlog\n\nTen Free Accounting Tools for Small Businesses\n"
	       "Share\nPrint\nEmail\nWritten by Our Editors\n\n" PROSE_EN PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "Ten Free Accounting Tools for Small Businesses");
	/* The entries under a table of contents' label are sections: the
	 * title is above the label. */
	page = "Home\nBlog\n\nTen Free Accounting Tools for Small Businesses\nShare\n"
	       "Table of Contents\nWhy small shops need accounting tools\n"
	       "How we picked the ten tools\nWhich tool fits your shop best\n\n"
	       PROSE_EN PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art && art->title);
	if (art)
		CHECK_STR(art->title, "Ten Free Accounting Tools for Small Businesses");
	wn_arena_free(a);
}

/* On a page whose paragraphs stand one per block, prose packed into one
 * block with headlines is a teaser list, not more of the article. */
static void test_packed_teasers(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
		"Another headline about something else in town\n"
		"The mayor said that the market will move to the square next month, after "
		"the works on the road have ended.\n"
		"Another headline about something else in town\n"
		"A new school will open in the north of the city in the autumn, and it will "
		"take pupils from three villages.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "footpath on the bridge"));
		CHECK(!kept(art, "market will move"));
		CHECK(!kept(art, "new school"));
	}
	wn_arena_free(a);
}

/* Tab-separated rows are a table inside the article, not a menu. */
static void test_table_rows(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page = PROSE_EN "Pos\tName\tPoints\n1\tAnn\t50\n2\tBob\t45\n3\tCid\t40\n"
			   "4\tDan\t30\n\n" PROSE_EN2 PROSE_EN3;
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "2\tBob\t45"));
		CHECK(kept(art, "Pos\tName\tPoints"));
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	wn_arena_free(a);
}

/* "[ 12 comments ]" and "Top Rated Comments" open the comment section. */
static void test_comment_headings(void)
{
	static const char *const heads[] = {"[ 12 comments ]", "Top Rated Comments",
					    "Lascia un commento",
					    "\xD0\x94\xD0\xBE\xD0\xB1\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD1\x8C "
					    "\xD0\xBA\xD0\xBE\xD0\xBC\xD0\xBC\xD0\xB5\xD0\xBD\xD1\x82\xD0\xB0"
					    "\xD1\x80\xD0\xB8\xD0\xB9"};
	for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]); h++) {
		struct wn_arena *a = wn_arena_new(0);
		char page[2048];
		snprintf(page, sizeof(page), "%s%s%s%s%s\n\n%s", PROSE_EN, PROSE_EN2, PROSE_EN3,
			 "The work is paid for by the region, which has set aside money for "
			 "two more bridges over the river in the next ten years.\n\n",
			 heads[h],
			 "I think that the council should have built the bridge ten years ago, "
			 "and that it is far too late now.\n");
		struct wn_article *art = extract_text(a, page);
		CHECK(art != NULL);
		if (art) {
			CHECK(kept(art, "footpath on the bridge"));
			CHECK(!kept(art, "ten years ago"));
			CHECK(removed_with(art, heads[h], "heuristic comments 0"));
		}
		wn_arena_free(a);
	}
	/* "Add a comment  |" in the link bar under a question is not a
	 * heading: the answers under it stay. */
	struct wn_arena *a = wn_arena_new(0);
	char page[2048];
	snprintf(page, sizeof(page), "%s%s%s%s%s%s", PROSE_EN, PROSE_EN2, PROSE_EN3, PROSE_EN,
		 "Add a comment  |\n\n",
		 "The work is paid for by the region, which has set aside money for "
		 "two more bridges over the river in the next ten years.\n");
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art)
		CHECK(kept(art, "two more bridges"));
	/* On a Q&A page ("2 Answers") a post's "3 Comments" is no comment
	 * section either: the answers after it stay. */
	snprintf(page, sizeof(page), "%s%s2 Answers\n\n%s%s3 Comments\n\n%s", PROSE_EN, PROSE_EN2,
		 PROSE_EN3, PROSE_EN,
		 "The work is paid for by the region, which has set aside money for "
		 "two more bridges over the river in the next ten years.\n");
	CHECK(page_keeps(a, page, "two more bridges"));
	/* "0 Comments" in the byline bar heads no section: the article
	 * under it stays. */
	snprintf(page, sizeof(page), "%s%s%s%s0 Comments\n\n%s", PROSE_EN, PROSE_EN2, PROSE_EN3,
		 PROSE_EN,
		 "The work is paid for by the region, which has set aside money for "
		 "two more bridges over the river in the next ten years.\n");
	CHECK(page_keeps(a, page, "two more bridges"));
	/* "response:" alone is a field of a definition list (an API's
	 * hooks), not a comment heading. */
	snprintf(page, sizeof(page), "%s%s%s%sresponse:\n\n%s", PROSE_EN, PROSE_EN2, PROSE_EN3,
		 PROSE_EN,
		 "The work is paid for by the region, which has set aside money for "
		 "two more bridges over the river in the next ten years.\n");
	CHECK(page_keeps(a, page, "two more bridges"));
	/* "Here is what my son says:" introduces a testimonial: a sentence,
	 * not a "Name says:" comment header. */
	snprintf(page, sizeof(page), "%s%s%s%sHere is what my son says:\n\n%s", PROSE_EN, PROSE_EN2,
		 PROSE_EN3, PROSE_EN,
		 "The work is paid for by the region, which has set aside money for "
		 "two more bridges over the river in the next ten years.\n");
	CHECK(page_keeps(a, page, "two more bridges"));
	/* A blog's front page: "N comments" under every card is the card's
	 * comment link, not a section heading; the cards after it stay. */
	snprintf(page, sizeof(page),
		 "%s%s2 comments\n\n%s%s0 comments\n\n%s%s14 comments\n\n%s1 comment\n", PROSE_EN,
		 PROSE_EN2, PROSE_EN3, PROSE_EN, PROSE_EN2, PROSE_EN3,
		 "The work is paid for by the region, which has set aside money for "
		 "two more bridges over the river in the next ten years.\n\n");
	CHECK(page_keeps(a, page, "two more bridges"));
	wn_arena_free(a);
}

/* A thread numbering its posts #1, #2, #3 keeps its replies, quotes and
 * all: they are the content, not comments under it. */
static void test_discussion_thread(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge forum\n\nann\nMay 2, 2024\n#1\n" PROSE_EN
		"bob\nMay 2, 2024\n#2\nann said:\n" PROSE_EN2
		"cid\nMay 3, 2024\n#3\n" PROSE_EN3;
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "new bridge will open"));
		CHECK(kept(art, "strong tides"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	/* The number before the post's date, "#2 · May 2, 2024". */
	page = "Bridge forum\n\nann\n#1 \xC2\xB7 May 2, 2024\n" PROSE_EN PROSE_EN2 PROSE_EN3
	       "bob\n#2 \xC2\xB7 May 2, 2024\n" PROSE_EN "cid\n#3 \xC2\xB7 May 3, 2024\nbob said:\n"
	       "The work is paid for by the region, which has set aside money for two more "
	       "bridges over the river in the next ten years.\n";
	art = extract_text(a, page);
	CHECK(art != NULL);
	if (art)
		CHECK(kept(art, "footpath on the bridge") && kept(art, "two more bridges"));
	/* No post numbers, but each poster's post count ("Posts: 138",
	 * "4931 posts"): a thread too, whose "bob said:" is no comment cut. */
	page = "Bridge forum\n\nann\nPosts: 138\n" PROSE_EN PROSE_EN2 PROSE_EN3
	       "bob\n4931 posts\n" PROSE_EN "cid\nPosts: 12\nbob said:\n"
	       "The work is paid for by the region, which has set aside money for two more "
	       "bridges over the river in the next ten years.\n";
	art = extract_text(a, page);
	CHECK(art != NULL);
	if (art)
		CHECK(kept(art, "footpath on the bridge") && kept(art, "two more bridges"));
	/* Neither, but a "Quote" control under each post: a forum's "3
	 * Comments" heads the replies, which stay. */
	page = "Bridge forum\n\nann\n" PROSE_EN PROSE_EN2 PROSE_EN3 PROSE_EN
	       "Reply\nQuote\n\n3 Comments\n\nbob\n" PROSE_EN2 "Reply\nQuote\n\ncid\n" PROSE_EN3
	       "Reply\nQuote\n\ndan\n"
	       "The work is paid for by the region, which has set aside money for two more "
	       "bridges over the river in the next ten years.\n";
	CHECK(page_keeps(a, page, "two more bridges"));
	wn_arena_free(a);
}

/* Japanese prose has no spaces between words: its lines are as wide as
 * twice their characters and end sentences with "。", so they are the
 * body, and the short menu lines around them go. */
static void test_cjk_prose(void)
{
	struct wn_arena *a = wn_arena_new(0);
	/* 商品の改造が商標法違反に問われるケースについて解説します。 and the like. */
	const char *jp1 = "\xE5\x95\x86\xE5\x93\x81\xE3\x81\xAE\xE6\x94\xB9\xE9\x80\xA0"
			  "\xE3\x81\x8C\xE5\x95\x86\xE6\xA8\x99\xE6\xB3\x95\xE9\x81\x95"
			  "\xE5\x8F\x8D\xE3\x81\xAB\xE5\x95\x8F\xE3\x82\x8F\xE3\x82\x8C"
			  "\xE3\x82\x8B\xE3\x82\xB1\xE3\x83\xBC\xE3\x82\xB9\xE3\x81\xAB"
			  "\xE3\x81\xA4\xE3\x81\x84\xE3\x81\xA6\xE8\xA7\xA3\xE8\xAA\xAC"
			  "\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x99\xE3\x80\x82";
	char page[4096];
	snprintf(page, sizeof(page),
		 "HOME\nBlog\nContact\nAccess\n\n%s%s\n\n%s%s\n\n%s%s\n\n"
		 "Privacy\nSitemap\nTerms\n", jp1, jp1, jp1, jp1, jp1, jp1);
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, jp1));
		CHECK(!kept(art, "Sitemap"));
		CHECK(!kept(art, "Blog"));
	}
	wn_arena_free(a);
}

/* Prose far below the article, past a long stretch of menus and forms
 * (community rules, a privacy notice), is not part of it even when the
 * stretch costs less than that prose scores: the run splits at the
 * valley and keeps the stronger side. */
static void test_valley_split(void)
{
	struct wn_arena *a = wn_arena_new(0);
	char page[16384];
	size_t o = (size_t)snprintf(page, sizeof(page), "%s%s%s%s%s%s%s%s%s", PROSE_EN, PROSE_EN2,
				    PROSE_EN3, PROSE_EN, PROSE_EN2, PROSE_EN3, PROSE_EN, PROSE_EN2,
				    PROSE_EN3);
	for (int i = 0; i < 90 && o < sizeof(page) - 64; i++)
		o += (size_t)snprintf(page + o, sizeof(page) - o, "Section %d\n", i);
	/* More prose than the stretch of menus costs on its own. */
	for (int i = 0; i < 8 && o < sizeof(page) - 256; i++)
		o += (size_t)snprintf(page + o, sizeof(page) - o,
				      "\nUsers must abide by the laws of their country and speak "
				      "respectfully to the other participants of the discussion at "
				      "all times, rule %d.\n", i);
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "the new bridge will open"));
		CHECK(!kept(art, "speak respectfully"));
		CHECK(!kept(art, "rule 7"));
	}
	wn_arena_free(a);
}

/* The headline the URL's slug names is where the body starts: shipping
 * notices above it, past a long menu, outscore a short article, but not
 * the paragraphs under the headline; without the URL the notices win.  A
 * standfirst before the byline stays out. */
static void test_headline_prior(void)
{
	char page[16384];
	size_t o = 0;
	for (int i = 0; i < 10; i++)
		o += (size_t)snprintf(page + o, sizeof(page) - o,
				      "Free standard shipping on orders over $%d in the country. For "
				      "more information on shipping rates, please visit our help page.\n\n",
				      40 + i);
	for (int i = 0; i < 70; i++)
		o += (size_t)snprintf(page + o, sizeof(page) - o, "Section %d\n", i);
	o += (size_t)snprintf(page + o, sizeof(page) - o,
			      "\nNew Bridge Over The Estuary Opens In Spring\n"
			      "Why the town waited a decade for a crossing of its own, and what comes next\n"
			      "By Jane Doe\n\n%s%s%s", PROSE_EN, PROSE_EN2, PROSE_EN3);
	const char *url = "https://example.com/news/2024/new-bridge-estuary-opens-spring";
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts opts = {.kind = WN_INPUT_TEXT, .explain = true, .url = url};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, page, strlen(page), &opts, &art) == WN_OK);
	if (art) {
		CHECK(kept(art, "the new bridge will open"));
		CHECK(kept(art, "consider it at its next meeting"));
		CHECK(!kept(art, "shipping"));
		CHECK(!kept(art, "waited a decade"));
		CHECK_STR(art->title, "New Bridge Over The Estuary Opens In Spring");
		CHECK_STR(art->author, "Jane Doe");
	}
	art = extract_text(a, page);
	CHECK(art != NULL);
	if (art)
		CHECK(kept(art, "shipping") && !kept(art, "the new bridge will open"));
	wn_arena_free(a);
}

/* A newsletter box inside or under the article goes line by line, and
 * stands as a wall for the body region; prose about newsletters stays.
 * An ad slot's "Advert" label is furniture. */
static void test_signup_box(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2
		"The harbour newsletter said that the subscribers had asked for a footpath.\n\n"
		"Advert\n\n" PROSE_EN3
		"SIGN UP FOR E-MAIL NEWSLETTERS\n\n"
		"Get breaking harbour news and the latest updates on the ferries and more!\n\n"
		"No spam, we promise. You can unsubscribe at any time and we'll never share your "
		"details.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(removed_with(art, "SIGN UP FOR E-MAIL NEWSLETTERS", "heuristic signup"));
		CHECK(!kept(art, "No spam"));
		CHECK(!kept(art, "Get breaking harbour news"));
		CHECK(kept(art, "subscribers had asked"));
		CHECK(removed_with(art, "Advert", "heuristic furniture"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	wn_arena_free(a);
}

/* Captions go: one that ends in its credit, one whose credit stands on
 * the next line, an expandable one drawn twice ("... less", "... more"),
 * and a slideshow's "Image 1 of 8" and "Caption"; a source line of one word under the last paragraph
 * and a paragraph above a labelled source stay. */
static void test_captions(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN
		"A worker paints the railing of the new bridge over the estuary, Tuesday, Nov. 19, "
		"2019. (AP Photo/Jane Doe, File)\n\n" PROSE_EN2
		"Residents walk across the bridge on the first day it was open to the public.\n"
		"John Smith/Harbour Times/Getty Images\n\n" PROSE_EN3
		"The figures of the council show that traffic on the old bridge fell by a third.\n"
		"Source: Harbour Council\n\n"
		"Workers lift the last span of the bridge into place over the estuary at high "
		"tide. less\n"
		"Workers lift the last span of the bridge into place over the ... more\n"
		"Image 1 of 8\n\nCaption\n\n" PROSE_EN "Reuters\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(removed_with(art, "John Smith/Harbour Times/Getty Images", "heuristic credit"));
		CHECK(!kept(art, "paints the railing"));
		CHECK(!kept(art, "first day it was open"));
		CHECK(!kept(art, "last span"));
		CHECK(removed_with(art, "Image 1 of 8", "heuristic caption"));
		CHECK(removed_with(art, "Caption", "heuristic caption"));
		CHECK(kept(art, "fell by a third"));
		CHECK(!removed_with(art, "Reuters", "heuristic credit"));
		CHECK(kept(art, "strong tides"));
	}
	wn_arena_free(a);
}

/* "Sobre Carlos Nadalim" over a paragraph naming him is an author's box:
 * it ends the article; a menu's "About Harbour Council" over a blurb
 * that does not name it, or before the body, does not. */
static void test_about_box(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3 PROSE_EN PROSE_EN2
		PROSE_EN3 PROSE_EN "Sobre Carlos Nadalim\n\n"
		"Pai de Francesco e Teresa, Carlos Nadalim escreve sobre pontes e portos.\n\n"
		"The ferry operator said that the new timetable will start in the summer, with "
		"more boats in the evening.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(removed_with(art, "Sobre Carlos Nadalim", "heuristic comments 0"));
		CHECK(!kept(art, "Pai de Francesco"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	const char *menu =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3 PROSE_EN PROSE_EN2
		PROSE_EN3 PROSE_EN "About Harbour Council\n\n"
		"The ferry operator said that the new timetable will start in the summer, with "
		"more boats in the evening.\n";
	art = extract_text(a, menu);
	CHECK(art && kept(art, "new timetable"));
	wn_arena_free(a);
}

/* Relative time stamps alone are metadata in every unit and spelling:
 * "5 minutes ago" (which starts like "min") and "32M ago"; so is a
 * reviewer's credit. */
static void test_relative_times(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page = PROSE_EN PROSE_EN2 "5 minutes ago\n\n" PROSE_EN3 "32M ago\n\n" PROSE_EN
		"Medically reviewed by Ann Lee, MD\n\n" PROSE_EN2;
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(removed_with(art, "5 minutes ago", "heuristic metadata"));
		CHECK(removed_with(art, "32M ago", "heuristic metadata"));
		CHECK(removed_with(art, "Medically reviewed by Ann Lee, MD", "heuristic metadata"));
	}
	wn_arena_free(a);
}

/* Legal small print goes and stands as a wall: the teaser after it is not
 * pulled into the body. */
static void test_legal_print(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
		"*These statements have not been evaluated by the Food and Drug Administration. "
		"These products are not intended to diagnose, treat, cure, or prevent any disease.\n\n"
		"Ferry prices rise again as the operator blames the cost of fuel and of staff, and "
		"the unions say that they will strike.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(!kept(art, "Food and Drug"));
		CHECK(!kept(art, "Ferry prices"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	wn_arena_free(a);
}

/* The standfirst between the headline and the byline goes; the article
 * under the byline stays. */
static void test_standfirst(void)
{
	const char *page =
		"Harbour News\n\nNew Bridge Over The Estuary Opens In Spring\n\n"
		"The town waited a decade for a crossing of its own, and now that the wait is nearly "
		"over the council wants to know how people will use it.\n\n"
		"By Jane Doe\n\n" PROSE_EN PROSE_EN2 PROSE_EN3;
	const char *url = "https://example.com/news/2024/new-bridge-estuary-opens-spring";
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts opts = {.kind = WN_INPUT_TEXT, .explain = true, .url = url};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, page, strlen(page), &opts, &art) == WN_OK);
	if (art) {
		CHECK(!kept(art, "waited a decade"));
		CHECK(kept(art, "the new bridge will open"));
		CHECK(kept(art, "consider it at its next meeting"));
	}
	wn_arena_free(a);
}

/* A call to follow the site goes and stands as a wall: the teaser after
 * it stays out; a sentence about followers stays. */
static void test_follow_line(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2
		"The mayor, who has many followers on Twitter, said that she would walk across it.\n\n"
		PROSE_EN3
		"Follow us on Twitter @harbournews and on Facebook.\n\n"
		"Ferry prices rise again as the operator blames the cost of fuel and of staff, and "
		"the unions say that they will strike.\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(removed_with(art, "Follow us on Twitter @harbournews and on Facebook.",
				   "heuristic follow"));
		CHECK(!kept(art, "Ferry prices"));
		CHECK(kept(art, "many followers on Twitter"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	wn_arena_free(a);
}

/* A list the last paragraph leads into with a colon comes back after
 * the body region; links to other pages introduced the same way do not. */
static void test_closing_list(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
		"The ferry will call at these piers in the spring:\n"
		"June 9 -- North Pier, Harbour Road\nJune 10 -- South Pier, Beach Road\n"
		"June 14 -- West Pier, Old Town\nJune 17 -- East Pier, Dock Street\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "June 14 -- West Pier"));
		CHECK(kept(art, "footpath on the bridge"));
	}
	const char *links =
		"Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
		"Related coverage from Harbour News:\n"
		"How to pay the bridge toll\nWhere to park in the old town\n"
		"Why the ferry is late again\nWho builds the new pier\n";
	art = extract_text(a, links);
	CHECK(art && !kept(art, "bridge toll"));
	wn_arena_free(a);
}

/* A service page's cards, a heading over a one-line blurb without its
 * full stop, read as the sentences they are: the region holds them
 * between the paragraphs around them. */
static void test_feature_cards(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page =
		"Home\nPricing\nLogin\n\nThe bridge planner\n\n" PROSE_EN
		"Task lists\nStay on top of your task lists and stay in touch with what is happening\n\n"
		"Kanban board\nThe modern way to manage the work by dragging it into columns\n\n"
		"Milestones\nGroup the lists of tasks and set a goal by a date for the team\n\n"
		"Calendar\nSee all of the due items in one place and plan the weeks to come\n\n"
		"Wiki\nYour team has documents and needs a place to keep all of their versions\n\n"
		PROSE_EN2 "Terms\nPrivacy\nContact\n";
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(kept(art, "stay in touch with what is happening"));
		CHECK(kept(art, "keep all of their versions"));
		CHECK(kept(art, "new bridge will open") && kept(art, "strong tides"));
		CHECK(!kept(art, "Privacy"));
	}
	wn_arena_free(a);
}

/* Occurrences of text in the article's text. */
static size_t count_kept(const struct wn_article *art, const char *text)
{
	size_t c = 0;
	for (const char *s = art->text; s && (s = strstr(s, text)); s++)
		c++;
	return c;
}

/* Two paragraphs drawn again in the same order below the article (a
 * carousel, the text repeated for another layout) go the second time,
 * and so does one paragraph said exactly twice; one said again and
 * again amid others (a question put to each guest) stays each time. */
static void test_drawn_twice(void)
{
	struct wn_arena *a = wn_arena_new(0);
	const char *page = "Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3
			   "Photo gallery\n\n" PROSE_EN PROSE_EN2;
	struct wn_article *art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(count_kept(art, "new bridge will open") == 1);
		CHECK(count_kept(art, "strong tides") == 1);
		CHECK(kept(art, "footpath on the bridge"));
	}
	/* One paragraph said twice, the second time alone: a blurb shown
	 * in two places. */
	page = "Bridge opens in spring\n\n" PROSE_EN PROSE_EN2 PROSE_EN3 "Photo gallery\n\n"
	       "The work is paid for by the region, which has set aside money for two more "
	       "bridges over the river in the next ten years.\n\n" PROSE_EN2;
	art = extract_text(a, page);
	CHECK(art != NULL);
	if (art) {
		CHECK(count_kept(art, "strong tides") == 1);
		CHECK(kept(art, "two more bridges"));
	}
	const char *question = "What will the bridge change for you, and how will you cross the "
			       "river once the old one is closed for repairs?\n\n";
	char interview[2048];
	snprintf(interview, sizeof(interview), "Bridge opens in spring\n\n%s%s%s%s%s%s", question,
		 PROSE_EN, question, PROSE_EN2, question, PROSE_EN3);
	art = extract_text(a, interview);
	CHECK(art != NULL);
	if (art)
		CHECK(count_kept(art, "how will you cross") == 3);
	wn_arena_free(a);
}

/* Nothing crashes on odd input. */
static void test_bad_input(void)
{
	struct wn_arena *a = wn_arena_new(0);
	struct wn_extract_opts o = {.kind = WN_INPUT_TEXT};
	struct wn_article *art = NULL;
	CHECK(wn_extract(a, " \n\n \n", 5, &o, &art) == WN_ERR_EMPTY);
	char junk[3000];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)((i * 131 + 7) % 256 ? (i * 131 + 7) % 256 : '\n');
	CHECK(wn_extract(a, junk, sizeof(junk), &o, &art) == WN_OK);
	const char *numbers = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
	CHECK(wn_extract(a, numbers, strlen(numbers), &o, &art) == WN_OK);
	const char *headers = "Most read\nRelated\n\xD0\xA7\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9\xD1\x82"
			      "\xD0\xB5 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xB6\xD0\xB5\n";
	CHECK(wn_extract(a, headers, strlen(headers), &o, &art) == WN_OK);
	wn_arena_free(a);
}

WN_TEST_MAIN(WN_TEST(test_stoplists_sorted), WN_TEST(test_stoplist_lookup),
	     WN_TEST(test_language_guess), WN_TEST(test_noise_headers_multilingual), WN_TEST(test_shop_controls),
	     WN_TEST(test_teaser_records), WN_TEST(test_teaser_run), WN_TEST(test_glued_cards),
	     WN_TEST(test_cards_between_bars), WN_TEST(test_author_bio), WN_TEST(test_signup_box), WN_TEST(test_captions), WN_TEST(test_about_box), WN_TEST(test_relative_times), WN_TEST(test_legal_print), WN_TEST(test_standfirst), WN_TEST(test_follow_line), WN_TEST(test_closing_list), WN_TEST(test_drawn_twice), WN_TEST(test_feature_cards),
	     WN_TEST(test_repeats_and_metadata),
	     WN_TEST(test_non_article_page), WN_TEST(test_title_choice),
	     WN_TEST(test_packed_teasers), WN_TEST(test_table_rows),
	     WN_TEST(test_comment_headings), WN_TEST(test_discussion_thread), WN_TEST(test_cjk_prose),
	     WN_TEST(test_valley_split), WN_TEST(test_headline_prior),
	     WN_TEST(test_bad_input))
