/* test_text_generic.c -- extract/: stoplists, language guess, and bad
 * input for the generic text heuristics.  The heuristics themselves are
 * tested page by page as data: tests/golden/text_<case>/ (input.txt plus
 * expected.json, run by tests/golden/run_golden.py), so a new case is a
 * new directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "extract_internal.h"
#include "stoplist.h"
#include "wn_test.h"

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
	     WN_TEST(test_language_guess), WN_TEST(test_bad_input))
