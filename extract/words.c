/* words.c -- word characters, word counts, lower-casing, language guess.
 *
 * Counting follows the benchmarks' tokenizer (Python's \w+) closely enough
 * that word_count matches what readers and score.py see.  The language
 * guess is deliberately cheap: the script decides non-Latin languages, and
 * a handful of stopwords decide among Latin ones.
 */
#include <string.h>

#include "extract_internal.h"
#include "utf8.h"

uint32_t wn_extract_lower(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp < 0x80)
		return cp;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149)
		return ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) ?
			cp + (cp & 1) : cp | 1;
	if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

bool wn_extract_is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z') || cp == '_';
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB2 || cp == 0xB3 ||
		       cp == 0xB9 || (cp >= 0xBC && cp <= 0xBE);
	if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
		return false;
	/* Punctuation, symbols and spaces of the general, CJK and fullwidth blocks. */
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x3003) ||
	    (cp >= 0x3008 && cp <= 0x301F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE000 && cp <= 0xF8FF))
		return false;
	return !wn_utf8_is_space(cp);
}

size_t wn_extract_count_words(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	bool in = false;
	while (i < len) {
		bool w = wn_extract_is_word_cp(wn_utf8_next(s, len, &i));
		n += w && !in;
		in = w;
	}
	return n;
}

char *wn_extract_lowercase(struct wn_arena *arena, const char *s, size_t len)
{
	/* Lower-casing never lengthens a character in the ranges handled. */
	char *out = wn_arena_alloc(arena, len + 4);
	if (!out)
		return NULL;
	size_t i = 0, o = 0;
	while (i < len) {
		size_t start = i;
		uint32_t cp = wn_utf8_next(s, len, &i);
		uint32_t lc = wn_extract_lower(cp);
		if (lc == cp || cp == 0xFFFD) {
			memcpy(out + o, s + start, i - start);
			o += i - start;
		} else {
			o += wn_utf8_put(out + o, lc);
		}
	}
	out[o] = '\0';
	return out;
}

/* Stopwords of the Latin-script languages guessed, lower-case, each list
 * chosen so that its words are rare in the other languages. */
struct wn_lang_words {
	const char *lang;          /* BCP 47 primary tag */
	const char *const *words;  /* NULL-terminated */
};

static const char *const wn_words_en[] = {"the", "and", "of", "is", "that", "was", "with",
					  "for", "this", "have", "from", "are", "it", NULL};
static const char *const wn_words_de[] = {"der", "die", "und", "das", "ist", "nicht", "mit",
					  "den", "sich", "auch", "ein", "eine", "zu", NULL};
static const char *const wn_words_fr[] = {"le", "les", "et", "des", "est", "une", "dans",
					  "pour", "qui", "pas", "sur", "au", "du", NULL};
static const char *const wn_words_es[] = {"el", "los", "las", "y", "del", "por", "una",
					  "con", "para", "es", "como", "su", "lo", NULL};
static const char *const wn_words_it[] = {"il", "di", "che", "per", "non", "una", "gli",
					  "della", "sono", "anche", "nel", "è", "ha", NULL};
static const char *const wn_words_pt[] = {"o", "os", "não", "uma", "do", "da", "com",
					  "em", "para", "mais", "dos", "foi", "ao", NULL};

static const struct wn_lang_words wn_lang_table[] = {
	{"en", wn_words_en}, {"de", wn_words_de}, {"fr", wn_words_fr},
	{"es", wn_words_es}, {"it", wn_words_it}, {"pt", wn_words_pt},
};

/* Only the first this many bytes are looked at: enough to decide. */
#define WN_LANG_SAMPLE 20000

const char *wn_extract_guess_language(const char *s, size_t len)
{
	size_t latin = 0, cyr = 0, ukr = 0, greek = 0, arabic = 0, hebrew = 0, han = 0, kana = 0,
	       hangul = 0;
	size_t hits[sizeof(wn_lang_table) / sizeof(wn_lang_table[0])] = {0};
	char word[32];
	size_t wl = 0, longest = 0;
	for (size_t l = 0; l < sizeof(hits) / sizeof(hits[0]); l++)
		for (const char *const *w = wn_lang_table[l].words; *w; w++)
			if (strlen(*w) > longest)
				longest = strlen(*w);
	if (len > WN_LANG_SAMPLE)
		len = wn_utf8_prefix(s, len, WN_LANG_SAMPLE);
	size_t i = 0;
	while (i <= len) {
		uint32_t cp = i < len ? wn_extract_lower(wn_utf8_next(s, len, &i)) : (i++, ' ');
		if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0x24F))
			latin++;
		else if (cp >= 0x400 && cp <= 0x4FF)
			cyr++, ukr += cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491;
		else if (cp >= 0x370 && cp <= 0x3FF)
			greek++;
		else if (cp >= 0x600 && cp <= 0x6FF)
			arabic++;
		else if (cp >= 0x590 && cp <= 0x5FF)
			hebrew++;
		else if (cp >= 0x4E00 && cp <= 0x9FFF)
			han++;
		else if (cp >= 0x3040 && cp <= 0x30FF)
			kana++;
		else if (cp >= 0xAC00 && cp <= 0xD7AF)
			hangul++;
		if (wn_extract_is_word_cp(cp)) {
			if (wl + 4 < sizeof(word))
				wl += wn_utf8_put(word + wl, cp);
			else
				wl = sizeof(word); /* too long to be a stopword */
			continue;
		}
		if (wl && wl <= longest) {
			word[wl] = '\0';
			/* Longer words and the first byte rule out nearly every
			 * stopword, and comparing that byte inline is a fifth of
			 * the cost of calling strcmp for each (this loop runs for
			 * every word of a text page). */
			for (size_t l = 0; l < sizeof(hits) / sizeof(hits[0]); l++)
				for (const char *const *w = wn_lang_table[l].words; *w; w++)
					if (**w == word[0] && !strcmp(*w, word))
						hits[l]++;
		}
		wl = 0;
	}
	size_t total = latin + cyr + greek + arabic + hebrew + han + kana + hangul;
	if (!total)
		return NULL;
	if (kana * 10 > total)
		return "ja";
	if (hangul * 4 > total)
		return "ko";
	if (han * 4 > total)
		return "zh";
	if (cyr * 2 > total)
		return ukr * 50 > cyr ? "uk" : "ru";
	if (greek * 2 > total)
		return "el";
	if (arabic * 2 > total)
		return "ar";
	if (hebrew * 2 > total)
		return "he";
	size_t best = 0, second = 0;
	const char *lang = NULL;
	for (size_t l = 0; l < sizeof(hits) / sizeof(hits[0]); l++) {
		if (hits[l] > best) {
			second = best;
			best = hits[l];
			lang = wn_lang_table[l].lang;
		} else if (hits[l] > second) {
			second = hits[l];
		}
	}
	/* Too few stopwords, or two languages nearly tied: do not guess. */
	if (best < 3 || best * 4 < second * 5)
		return NULL;
	return lang;
}

bool wn_extract_has_any(const char *s, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strstr(s, list[k]))
			return true;
	return false;
}

bool wn_extract_has_phrase(const char *lower, const char *phrase)
{
	size_t l = strlen(phrase);
	for (const char *p = strstr(lower, phrase); p; p = strstr(p + 1, phrase)) {
		unsigned char before = p > lower ? (unsigned char)p[-1] : ' ';
		unsigned char after = (unsigned char)p[l];
		bool word_before = before >= 0x80 || (before >= 'a' && before <= 'z') ||
				   (before >= '0' && before <= '9');
		bool word_after = after >= 0x80 || (after >= 'a' && after <= 'z') ||
				  (after >= '0' && after <= '9');
		if (!word_before && !word_after)
			return true;
	}
	return false;
}

/* Prefixes of a byline, lower-case, each followed by the name. */
static const char *const wn_byline[] = {"by ", "by\xC2\xA0", "von ", "par ", "por ", "di ",
					"автор: ", "автор ", "текст: ", "text: "};

size_t wn_extract_byline_prefix(const char *lower)
{
	for (size_t k = 0; k < sizeof(wn_byline) / sizeof(wn_byline[0]); k++)
		if (wn_extract_starts(lower, wn_byline[k]))
			return strlen(wn_byline[k]);
	return 0;
}

/* A credit's value ("Hau Dinh, AP") has at most this many words. */
#define WN_CREDIT_WORDS 8

/* Labels of an image credit line ("Credit: Jane Doe", "Photo: AP",
 * "Source: Agency"), lower-case. */
static const char *const wn_credit_labels[] = {
	"credit", "credits", "source", "sources", "image", "images", "photo", "photos",
	"photograph", "picture", "illustration", "foto", "fotos", "bild", "quelle", "фото",
	"источник", "crédit", "crédits", "imagen", "immagine",
};

bool wn_extract_is_credit(const char *lower, size_t chars)
{
	if (chars > 80)
		return false;
	for (size_t i = 0; i < sizeof(wn_credit_labels) / sizeof(wn_credit_labels[0]); i++) {
		size_t l = strlen(wn_credit_labels[i]);
		if (strncmp(lower, wn_credit_labels[i], l))
			continue;
		const char *rest = lower + l;
		if (*rest == ' ')
			rest++;
		if (rest[0] != ':' || rest[1] != ' ' || !rest[2] || rest[2] == ' ')
			continue;
		/* A name or two and an agency, not a sentence ("Source: the
		 * council, which said ..."). */
		size_t vl = strlen(rest + 2);
		char last = rest[2 + vl - 1];
		return wn_extract_count_words(rest + 2, vl) <= WN_CREDIT_WORDS && last != '.' &&
		       last != '!' && last != '?';
	}
	return false;
}

/* Phrases that make up a whole short line of page furniture, lower-case,
 * in the languages of the benchmarks and seeds. */
static const char *const wn_furniture_phrases[] = {
	"share", "share this", "tweet", "pin it", "email", "e-mail", "print", "comments",
	"comment", "subscribe", "subscribe now", "sign in", "sign up", "log in", "login",
	"log out", "register", "advert", "advertisement", "advertising", "sponsored", "read more",
	"show more", "load more", "more news", "back to top", "follow us", "related",
	"related articles", "related stories", "most read", "most popular", "trending",
	"newsletter", "skip to content", "skip to main content", "menu", "search", "close",
	"реклама", "поделиться", "подписаться", "войти", "регистрация", "читать далее",
	"читайте также", "подробнее", "комментарии", "показать еще", "показать ещё",
	"werbung", "anzeige", "teilen", "abonnieren", "anmelden", "mehr zum thema",
	"publicité", "partager", "s'abonner", "connexion", "lire aussi", "publicidad",
	"compartir", "suscríbete", "iniciar sesión", "pubblicità", "condividi", "accedi",
	"iscriviti", "publicidade", "compartilhar", "assine", "entrar", "leia também",
};

/* Labels of a table of contents that make up a whole short line,
 * lower-case: page furniture too. */
static const char *const wn_toc_phrases[] = {
	"table of contents", "contents", "in this article", "on this page", "содержание",
	"inhaltsverzeichnis", "sommaire", "índice", "indice", "sumário",
};

/* Controls of a shop's page or of a listing that make up a whole short
 * block: buttons and toggles a scraper sees as text. */
static const char *const wn_shop_controls[] = {
	"add to cart", "add to bag", "add to basket", "add to wishlist", "add to wish list",
	"wishlist", "add to compare", "compare", "loading...", "loading\xE2\x80\xA6", "loading",
	"click to expand...", "click to expand", "view more", "collapse", "expand",
	"best seller", "bestseller",
};

/* A post's controls: in scraped text each one, left in place, parts a
 * comment from the next and keeps the comments out of the body region. */
static const char *const wn_post_controls[] = {"follow", "reply", "quote", "cite"};

/* True when lower, of chars characters (at most 40), is one of the n
 * phrases followed by nothing but a count or punctuation. */
static bool wn_phrase_line(const char *lower, size_t chars, const char *const *phrases, size_t n)
{
	if (chars > 40)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!wn_extract_starts(lower, phrases[i]))
			continue;
		const char *rest = lower + strlen(phrases[i]);
		while (*rest && strchr(" :()[]|0123456789", *rest))
			rest++;
		if (!*rest)
			return true;
	}
	return false;
}

bool wn_extract_is_furniture_line(const char *lower, size_t chars)
{
	return wn_phrase_line(lower, chars, wn_furniture_phrases,
			      sizeof(wn_furniture_phrases) / sizeof(wn_furniture_phrases[0])) ||
	       wn_extract_is_toc_label(lower, chars);
}

bool wn_extract_is_toc_label(const char *lower, size_t chars)
{
	return wn_phrase_line(lower, chars, wn_toc_phrases,
			      sizeof(wn_toc_phrases) / sizeof(wn_toc_phrases[0]));
}

bool wn_extract_is_shop_control(const char *lower, size_t chars)
{
	return wn_phrase_line(lower, chars, wn_shop_controls,
			      sizeof(wn_shop_controls) / sizeof(wn_shop_controls[0]));
}

bool wn_extract_is_control_line(const char *lower, size_t chars)
{
	return wn_extract_is_shop_control(lower, chars) ||
	       wn_phrase_line(lower, chars, wn_post_controls,
			      sizeof(wn_post_controls) / sizeof(wn_post_controls[0]));
}

bool wn_extract_is_cookie_notice(const char *lower, size_t chars)
{
	return chars < 400 && strstr(lower, "cookie") &&
	       (strstr(lower, "we use") || strstr(lower, "accept") || strstr(lower, "consent") ||
		strstr(lower, "policy") || strstr(lower, "this site") || strstr(lower, "this website"));
}

/* Headings that introduce a list of other pages, lower-case, in the
 * languages of the stoplists: after the article they end it, before it
 * they head a block of teasers.  Matched as the whole line, less trailing
 * punctuation ("Read also:", "Самое читаемое...").  A line that starts
 * with one followed by ": " is an inline link to another page. */
const char *const wn_extract_noise_headings[] = {
	"most read", "most popular", "most viewed", "most shared", "most commented",
	"most read stories", "most read articles", "top stories", "top news", "trending",
	"trending now", "trending stories", "related", "related articles", "related stories",
	"related posts", "related news", "related content", "related topics", "related coverage",
	"related links", "read also", "also read", "read next", "read more stories",
	"more stories", "more news", "more from", "more to read", "more articles",
	"recommended", "recommended for you", "recommended stories", "recommended articles",
	"you may also like", "you might also like", "you may like", "you might like",
	"you may be interested in", "you might be interested in",
	"you might also be interested in", "you may also be interested in", "see also",
	"editors' picks", "editor's picks", "editors picks", "popular posts", "popular stories",
	"popular articles", "recent posts", "recent articles", "recent stories", "latest news",
	"latest stories", "latest articles", "latest posts", "further reading",
	"sources", "about this article", "about this statement",
	"don't miss", "don’t miss", "in case you missed it", "around the web", "from the web",
	"sponsored stories", "promoted stories", "what to read next", "up next", "watch next",
	"more on this story", "more on this topic", "other news", "news feed",
	"читайте также", "читайте также:", "самое читаемое", "самое популярное", "популярное",
	"по теме", "похожие новости", "похожие статьи", "похожие материалы", "другие новости",
	"главные новости", "последние новости", "новости по теме", "материалы по теме",
	"смотрите также", "рекомендуем", "рекомендуем прочитать", "читайте по теме",
	"лента новостей", "выбор редакции", "вам может быть интересно", "еще по теме",
	"ещё по теме", "новости партнеров", "новости партнёров", "lesen sie auch",
	"lesen sie mehr", "das könnte sie auch interessieren", "meistgelesen",
	"meistgelesene artikel", "meist gelesen", "mehr zum thema", "weitere artikel",
	"verwandte artikel", "ähnliche artikel", "auch interessant", "top-themen",
	"empfehlungen", "neueste artikel", "lire aussi", "à lire aussi", "les plus lus",
	"sur le même sujet", "à voir aussi", "articles similaires", "articles liés",
	"dans la même rubrique", "vous aimerez aussi", "les plus populaires", "à lire également",
	"lee también", "lea también", "te puede interesar", "lo más leído", "más leídas",
	"más leído", "noticias relacionadas", "artículos relacionados",
	"también te puede interesar", "más noticias", "te recomendamos", "leggi anche",
	"i più letti", "più letti", "articoli correlati", "potrebbe interessarti",
	"ti potrebbe interessare", "altre notizie", "notizie correlate", "leia também",
	"mais lidas", "mais lidos", "notícias relacionadas", "você pode gostar",
	"você também pode gostar", "veja também", "artigos relacionados", "posts relacionados",
	"mais notícias",
};

const size_t wn_extract_n_noise_headings =
	sizeof(wn_extract_noise_headings) / sizeof(wn_extract_noise_headings[0]);

size_t wn_extract_heading_len(const char *lower)
{
	size_t n = strlen(lower);
	for (;;) {
		if (n && strchr(" :.-|>", lower[n - 1]))
			n--;
		else if (n >= 3 && !memcmp(lower + n - 3, "\xE2\x80\xA6", 3)) /* … */
			n -= 3;
		else if (n >= 2 && !memcmp(lower + n - 2, "\xC2\xBB", 2)) /* » */
			n -= 2;
		else
			break;
	}
	return n;
}

const char *const wn_extract_author_headings[] = {
	"about the author", "about the authors", "about the reviewer", "about the writer",
	"author bio", "об авторе", "über den autor", "über die autorin", "à propos de l'auteur",
	"sobre el autor", "sull'autore", "sobre o autor"};
const size_t wn_extract_n_author_headings =
	sizeof(wn_extract_author_headings) / sizeof(wn_extract_author_headings[0]);

/* True when the first n bytes of lower are one of the k phrases. */
static bool wn_is_one_of(const char *lower, size_t n, const char *const *phrases, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (strlen(phrases[i]) == n && !strncmp(lower, phrases[i], n))
			return true;
	return false;
}

/* A shop's headings over other products, lower-case: the shop's "Related
 * stories". */
static const char *const wn_shop_headings[] = {
	"related products", "similar items", "similar products", "recently viewed",
	"recently viewed products", "recently viewed items", "frequently bought together",
	"customers also bought", "customers also viewed", "customers who bought this item also bought",
	"customers who viewed this item also viewed", "people who viewed this item also viewed",
	"people also bought", "people also viewed", "complete the look", "shop the look",
	"pairs well with", "explore related items", "more from this brand", "more from this seller",
	"more from this shop", "you may also need", "compare similar items", "sponsored products",
	"recommended accessories", "recommended products", "recommended items"};

bool wn_extract_is_shop_heading(const char *lower)
{
	return wn_is_one_of(lower, wn_extract_heading_len(lower), wn_shop_headings,
			    sizeof(wn_shop_headings) / sizeof(wn_shop_headings[0]));
}

/* A scraper's label of the page's footer landmark, lower-case. */
static const char *const wn_footer_labels[] = {"footer", "site footer", "footer navigation",
						"footer menu"};

bool wn_extract_is_footer_label(const char *lower)
{
	return wn_is_one_of(lower, wn_extract_heading_len(lower), wn_footer_labels,
			    sizeof(wn_footer_labels) / sizeof(wn_footer_labels[0]));
}

/* A shop's heading over the product's own description, lower-case. */
static const char *const wn_description_headings[] = {
	"description", "product description", "item description", "product details",
	"details", "about this item", "about this product", "overview", "product overview",
	"product information", "features", "specifications", "beschreibung",
	"produktbeschreibung", "produktdetails", "description du produit", "descripción",
	"descripción del producto", "descrizione", "descrizione del prodotto", "описание",
	"описание товара", "descrição", "descrição do produto"};

bool wn_extract_is_description_heading(const char *lower)
{
	return wn_is_one_of(lower, wn_extract_heading_len(lower), wn_description_headings,
			    sizeof(wn_description_headings) / sizeof(wn_description_headings[0]));
}

bool wn_extract_is_noise_heading(const char *lower)
{
	size_t n = wn_extract_heading_len(lower);
	return wn_is_one_of(lower, n, wn_extract_noise_headings, wn_extract_n_noise_headings) ||
	       wn_is_one_of(lower, n, wn_extract_author_headings, wn_extract_n_author_headings) ||
	       wn_extract_is_shop_heading(lower);
}
