/* text_generic.c -- heuristics for scraped text no rule file names.
 *
 * Scraped text keeps one page block per line, so noise shows as line
 * shapes: template residue, runs of short unpunctuated lines (menus),
 * numbered headline lists, number grids (calendars), share/login/cookie
 * lines, copyright footers.  Those are removed first; then the body is the
 * best-scoring run of lines (maximum subarray: body-like lines score their
 * length, others a penalty), and everything outside it goes; with a URL,
 * the headline its slug names is a prior for where that run starts.  The
 * title is the headline-shaped line just before the body; a byline or
 * date line next to it fills author and date_raw.
 *
 * Each removal is marked on the line as "heuristic <name> <score>".
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "extract_internal.h"
#include "stoplist.h"
#include "utf8.h"

/* What the heuristics need to know about one line. */
struct wn_tline {
	const char *s;       /* trimmed text (not NUL-terminated) */
	size_t len;          /* bytes of s */
	const char *lower;   /* lower-cased NUL-terminated copy */
	size_t chars;        /* display width: code points, CJK ones twice */
	size_t words;        /* words; a run of CJK ideographs or kana counts
			      * one per two characters */
	bool blank;          /* no text (or no block) */
	bool sentence;       /* ends like a sentence or holds ". " inside */
	bool number;         /* only digits, spaces and light punctuation */
	int value;           /* the number when a line is 1-3 digits alone, else -1 */
	double density;      /* stopwords per word (jusText), -1 when unknown */
	int32_t block_lines; /* lines of the line's block */
	bool meta;           /* a date or byline alone: a teaser's or the article's */
	bool wall;           /* a noise-section heading: costly to cross */
	bool excerpt;        /* ends in an ellipsis: a teaser's cut summary */
	bool row;            /* a table row: three or more tab-separated cells */
	bool teaser;         /* the summary of a record in a run of teasers */
	bool glued;          /* a title-case headline glued to its summary */
	size_t copies;       /* lines of the page with its text (0 for prose
			      * lines: they are not counted) */
	bool indented;       /* starts with two spaces or a tab: scrapers keep
			      * the indent of code, not of prose */
	bool price;          /* states a price (wn_line_price), worked out once */
};

/* A run of short lines without sentence punctuation is a menu from this
 * many lines on; a line is short below WN_SHORT_CHARS characters. */
#define WN_MENU_RUN 3
#define WN_SHORT_CHARS 60
/* Grid lines are at most this many characters; a grid is this many lines. */
#define WN_GRID_CHARS 5
#define WN_GRID_RUN 4
/* Body-like: at least this many characters with sentence punctuation. */
#define WN_BODY_CHARS 60
/* A sentence line with fewer stopwords per word than this is a keyword
 * or tag list, not prose (jusText's stopword density, at the low end:
 * headlines and captions have few function words too). */
#define WN_KEYWORDS_DENSITY 0.10

/* A comment section opens only after this many characters of body. */
#define WN_COMMENTS_AFTER 500

static const char *const wn_copyright[] = {
	"all rights reserved", "все права защищены", "alle rechte vorbehalten",
	"tous droits réservés", "todos los derechos reservados", "tutti i diritti riservati",
	"todos os direitos reservados",
};

static bool wn_is_close_quote(char c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']';
}

static bool wn_line_sentence(const char *s, size_t len)
{
	while (len && wn_is_close_quote(s[len - 1]))
		len--;
	/* Closing » ” ’ are three or two bytes; look past them. */
	while (len >= 2 && ((len >= 3 && (!memcmp(s + len - 3, "\xE2\x80\x9D", 3) ||
					  !memcmp(s + len - 3, "\xE2\x80\x99", 3))) ||
			    !memcmp(s + len - 2, "\xC2\xBB", 2)))
		len -= (unsigned char)s[len - 1] == 0xBB && (unsigned char)s[len - 2] == 0xC2 ?
			2 : 3;
	if (!len)
		return false;
	char c = s[len - 1];
	if (c == '.' || c == '!' || c == '?' || c == ';')
		return true;
	if (len >= 3 && (!memcmp(s + len - 3, "\xE2\x80\xA6", 3) ||  /* … */
			 !memcmp(s + len - 3, "\xE3\x80\x82", 3) ||  /* 。 */
			 !memcmp(s + len - 3, "\xEF\xBC\x81", 3) ||  /* ！ */
			 !memcmp(s + len - 3, "\xEF\xBC\x9F", 3)))   /* ？ */
		return true;
	/* A full stop inside a CJK line ends a sentence: "。" needs no space. */
	for (size_t i = 0; i + 3 < len; i++)
		if (!memcmp(s + i, "\xE3\x80\x82", 3))
			return true;
	for (size_t i = 0; i + 2 < len; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
		    (unsigned char)s[i + 2] >= 'A' && i > 2)
			return true;
	return false;
}

/* Code points of s that are CJK ideographs, kana, Hangul or fullwidth
 * forms: each is a word's worth of text and two columns wide, so a line
 * of them is as long as twice its code points, and Chinese or Japanese
 * prose (no spaces between words) is not taken for a short menu item. */
static size_t wn_line_cjk(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t cp = wn_utf8_next(s, len, &i);
		n += (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
		     (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
		     (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60);
	}
	return n;
}

static void wn_line_number(struct wn_tline *t)
{
	size_t digits = 0;
	int v = 0;
	t->number = t->len > 0;
	for (size_t i = 0; i < t->len; i++) {
		char c = t->s[i];
		if (c >= '0' && c <= '9') {
			if (digits < 4)
				v = v * 10 + (c - '0');
			digits++;
		} else if (!strchr(" .,:/-+%", c)) {
			t->number = false;
		}
	}
	if (!digits)
		t->number = false;
	t->value = t->number && digits <= 3 && (t->len == digits ||
						 (t->len == digits + 1 && t->s[digits] == '.')) ?
		v : -1;
}

/* A line that ends in "…", "...", "[…]" or "[...]" is a summary cut to
 * length: listings and "Editors' Picks" show other pages that way, an
 * article's own paragraphs end in full. */
static bool wn_line_excerpt(const char *s, size_t len)
{
	if (len && s[len - 1] == ']')
		len--;
	return (len >= 3 && !memcmp(s + len - 3, "\xE2\x80\xA6", 3)) ||
	       (len >= 3 && !memcmp(s + len - 3, "...", 3));
}

/* "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party
 * of six left...": a card's title-case headline glued to its summary by a
 * scraper that dropped the break between the two elements.  True when
 * three or more words, most of them capitalised, come before a word in
 * which a lower-case letter or a digit runs straight into the summary's
 * first word ("SteakhouseA party", "StandWarren Mayor", "250,000The
 * state"), within the line's first 150 bytes.  Prose has no such joins;
 * a camel-case name ("SoundGuys", "YouTube") or a model number ("C710N",
 * "5G") is not a word followed by the start of a sentence. */
static bool wn_line_glued(const char *s, size_t len)
{
	size_t words = 0, caps = 0;
	bool start = true;
	for (size_t i = 0; i + 2 < len && i < 150; i++) {
		char c = s[i], up = s[i + 1], next = s[i + 2];
		if (c == ' ') {
			start = true;
			continue;
		}
		if (start) {
			words++;
			caps += (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			start = false;
			continue;
		}
		bool lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
		if ((lower || digit) && up >= 'A' && up <= 'Z' &&
		    ((next >= 'a' && next <= 'z') ||
		     (lower && next == ' ' && (up == 'A' || up == 'I'))))
			return words > 3 && (caps - 1) * 10 >= (words - 1) * 6;
	}
	return false;
}

/* Currency marks a price is written with, lower-case: a sign, or a code
 * or short name that stands as a word of its own. */
static const char *const wn_currency_signs[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5",
						 "\xE2\x82\xB9", "\xE2\x82\xBD", "\xE2\x82\xA9",
						 "\xE2\x82\xBA"};
static const char *const wn_currency_codes[] = {"usd", "eur", "gbp", "chf", "aud", "cad",
						 "jpy", "inr", "rub", "zł", "kr", "kč", "руб",
						 "грн", "rs."};

/* A price: a short line (at most WN_PRICE_CHARS characters) holding a
 * number with a currency mark at its side ("$19.99", "149,00 €", "EUR
 * 163.12", "Price: 25 zł"), a space at most between the two. */
#define WN_PRICE_CHARS 40

static bool wn_line_price(const struct wn_tline *t)
{
	if (t->blank || t->chars > WN_PRICE_CHARS)
		return false;
	const char *l = t->lower;
	for (size_t i = 0; l[i]; i++) {
		size_t m = 0;
		for (size_t k = 0; !m && k < sizeof(wn_currency_signs) / sizeof(*wn_currency_signs); k++)
			if (wn_extract_starts(l + i, wn_currency_signs[k]))
				m = strlen(wn_currency_signs[k]);
		/* A code is a word of its own: "EUR 12", "12zł", not "kremlin 12". */
		bool word = !i || ((unsigned char)l[i - 1] < 0x80 && !isalpha((unsigned char)l[i - 1]));
		for (size_t k = 0; word && !m && k < sizeof(wn_currency_codes) / sizeof(*wn_currency_codes);
		     k++) {
			size_t c = strlen(wn_currency_codes[k]);
			if (wn_extract_starts(l + i, wn_currency_codes[k]) &&
			    !((unsigned char)l[i + c] >= 'a' && (unsigned char)l[i + c] <= 'z'))
				m = c;
		}
		if (!m)
			continue;
		/* A digit right after the mark, or right before it. */
		size_t a = i + m + (l[i + m] == ' ');
		size_t b = i >= 1 && l[i - 1] == ' ' ? i - 1 : i;
		if ((l[a] >= '0' && l[a] <= '9') || (b >= 1 && l[b - 1] >= '0' && l[b - 1] <= '9'))
			return true;
		i += m - 1;
	}
	return false;
}

/* A post's count of likes alone on its line: "1 Like", "24 Likes",
 * "1.2K likes". */
static bool wn_line_likes(const struct wn_tline *t)
{
	size_t i = 0;
	while (i < t->len && ((t->lower[i] >= '0' && t->lower[i] <= '9') || t->lower[i] == ',' ||
			      t->lower[i] == '.'))
		i++;
	if (!i)
		return false;
	if (t->lower[i] == 'k')
		i++;
	return !strcmp(t->lower + i, " like") || !strcmp(t->lower + i, " likes");
}

/* Lower-cased line matches a furniture phrase: whole, or followed by a
 * count or punctuation only ("Comments (12)", "Share:"), and not a
 * sentence; or a shop's or a forum's control, which may end in an
 * ellipsis ("Loading...", "Click to expand..."). */
static bool wn_line_furniture(const struct wn_tline *t)
{
	return (!t->sentence && wn_extract_is_furniture_line(t->lower, t->chars)) ||
	       wn_extract_is_shop_control(t->lower, t->chars) || wn_line_likes(t);
}

/* "Schedule Your Free Consultation", "Get in Touch Now!", "Book a
 * Demo": a business's button or heading calling the reader to contact
 * it, at most WN_CTA_WORDS words and no sentence. */
#define WN_CTA_WORDS 6

static bool wn_line_cta(const struct wn_tline *t)
{
	static const char *const calls[] = {"contact us", "get in touch", "free quote", "free consultation",
					    "free estimate", "book a demo", "request a demo", "schedule a call",
					    "let's talk", "let\xE2\x80\x99s talk"};
	return !t->blank && t->words <= WN_CTA_WORDS && !(t->sentence && t->s[t->len - 1] != '!') &&
	       wn_extract_has_any(t->lower, calls, sizeof(calls) / sizeof(calls[0]));
}

/* A notice the page shows a reader without scripts, which a scraper
 * keeps: "JavaScript is disabled. For a better experience, please
 * enable JavaScript ...", "This slideshow requires JavaScript.",
 * "Please enable JavaScript to view the comments powered by Disqus."
 * At most WN_SCRIPT_NOTICE_CHARS: an article about JavaScript talks of
 * it at length.  It goes after the body is chosen: on a forum page the
 * notice over the first post is what holds the region there. */
#define WN_SCRIPT_NOTICE_CHARS 200

static bool wn_line_script_notice(const struct wn_tline *t)
{
	static const char *const notices[] = {
		"enable javascript", "requires javascript", "javascript is required",
		"javascript is disabled", "javascript is not enabled", "javascript to run",
		"turn on javascript", "javascript must be enabled",
	};
	return t->chars <= WN_SCRIPT_NOTICE_CHARS &&
	       wn_extract_has_any(t->lower, notices, sizeof(notices) / sizeof(notices[0]));
}

static bool wn_line_copyright(const struct wn_tline *t)
{
	if (t->chars > 300)
		return false;
	if (!strncmp(t->lower, "\xC2\xA9", 2) || !strncmp(t->lower, "copyright", 9) ||
	    !strncmp(t->lower, "(c) ", 4))
		return true;
	return wn_extract_has_any(t->lower, wn_copyright, sizeof(wn_copyright) / sizeof(wn_copyright[0]));
}

/* "2 days ago", "an hour ago at 7:52", "vor 3 Stunden", "5 минут назад":
 * the relative time stamp of a comment or a teaser, standing alone. */
static bool wn_line_ago(const struct wn_tline *t)
{
	static const char *const units[] = {"sec", "second", "min", "minute", "hr", "hour",
					    "day", "week", "month", "year", "m", "h", "d"};
	static const char *const before[] = {"vor ", "il y a ", "hace ", "há "};
	const char *s = t->lower;
	if (t->chars > 40)
		return false;
	for (size_t i = 0; i < sizeof(before) / sizeof(before[0]); i++)
		if (wn_extract_starts(s, before[i]) &&
		    s[strlen(before[i])] >= '0' && s[strlen(before[i])] <= '9')
			return true;
	if (*s >= '0' && *s <= '9' && strstr(s, " назад"))
		return true;
	if (!strncmp(s, "an ", 3) || !strncmp(s, "a ", 2) || !strncmp(s, "one ", 4))
		s = strchr(s, ' ');
	else if (*s >= '0' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return false;
	while (*s == ' ')
		s++;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t l = strlen(units[i]);
		if (strncmp(s, units[i], l))
			continue;
		/* "5 minutes ago" matches "min" first: try every unit. */
		const char *r = s + l;
		if (*r == 's')
			r++;
		if (!strncmp(r, " ago", 4) && (!r[4] || r[4] == ' '))
			return true;
	}
	return false;
}

/* Template residue a page failed to fill: "{{ product.title }}",
 * "${price}", "{% if user %}".  Not in a string of code a documentation
 * page shows (a JavaScript template literal, `Status: ${status}`; a
 * shell's "${devices[@]}": the line holds a backtick or a double
 * quote), nor in a sentence about the syntax ("Each field is available
 * as {{ form.name_of_field }} in a template."). */
static bool wn_line_template(const struct wn_tline *t)
{
	static const char *const pairs[][2] = {{"{{", "}}"}, {"${", "}"}, {"{%", "%}"},
					       {"<%", "%>"}, {"%%", "%%"}};
	if (memchr(t->s, '`', t->len) || memchr(t->s, '"', t->len) ||
	    (t->sentence && t->chars >= WN_BODY_CHARS))
		return false;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const char *a = strstr(t->lower, pairs[i][0]);
		if (a && strstr(a + strlen(pairs[i][0]), pairs[i][1]))
			return true;
	}
	return false;
}

/* A newsletter sign-up box, line by line: "Sign up for our Newsletter.",
 * "Get the latest updates right in your inbox.", "No spam, we promise.
 * You can unsubscribe at any time", "Thanks for signing up!".  The box
 * sits inside or right under the article and reads like prose; an
 * article that talks about newsletters does not ask the reader to join
 * one.  True when the line (at most WN_SIGNUP_CHARS) holds a sign-up
 * phrase, or names a newsletter or the reader's inbox together with a
 * call to subscribe. */
#define WN_SIGNUP_CHARS 300

static bool wn_line_signup(const struct wn_tline *t)
{
	static const char *const phrases[] = {
		"unsubscribe at any time", "no spam", "thanks for signing up",
		"thank you for signing up", "successfully subscribed", "succesfully subscribed",
		"thanks for subscribing", "thank you for subscribing", "opt-in box",
		"delivered to your inbox", "right in your inbox", "straight to your inbox",
		"meet your inbox", "eye on your inbox",
	};
	static const char *const objects[] = {"newsletter", "newsletters", "inbox",
					      "e-mail alerts", "email alerts"};
	static const char *const calls[] = {"sign up", "signing up", "subscribe", "join our",
					    "join the", "get our", "abonnieren", "abonnez",
					    "inscrivez-vous", "suscríbete", "iscriviti", "assine"};
	if (t->blank || t->chars > WN_SIGNUP_CHARS)
		return false;
	for (size_t k = 0; k < sizeof(phrases) / sizeof(phrases[0]); k++)
		if (wn_extract_has_phrase(t->lower, phrases[k]))
			return true;
	/* "Subscribe to WIRED and stay smart", "Need more space? Subscribe
	 * to our sister title": a call to subscribe opening a sentence. */
	if (!strncmp(t->lower, "subscribe to ", 13) || strstr(t->lower, "? subscribe to "))
		return true;
	bool object = false;
	for (size_t k = 0; k < sizeof(objects) / sizeof(objects[0]) && !object; k++)
		object = wn_extract_has_phrase(t->lower, objects[k]);
	for (size_t k = 0; object && k < sizeof(calls) / sizeof(calls[0]); k++)
		if (wn_extract_has_phrase(t->lower, calls[k]))
			return true;
	return false;
}

/* Photo agencies, lower-case: a short line ending in one ("Michael
 * Conroy, AP", "Natalie Naccache | Bloomberg | Getty Images") is an
 * image's credit. */
static const char *const wn_agencies[] = {
	"ap", "afp", "alamy", "ansa", "dpa", "efe", "epa", "getty", "istock", "istockphoto",
	"nurphoto", "reuters", "shutterstock", "tass", "xinhua",
};

/* True when the first len bytes of lower end in a photo agency's name,
 * maybe followed by "Images", "Photo" or "file" and a closing bracket
 * ("Getty Images", "AP file", "(Image: GETTY )"). */
static bool wn_ends_agency(const char *lower, size_t len)
{
	static const char *const after[] = {" images", " photo", " file"};
	while (len && strchr(" )].", lower[len - 1]))
		len--;
	for (size_t k = 0; k < sizeof(after) / sizeof(after[0]); k++) {
		size_t l = strlen(after[k]);
		if (len > l && !memcmp(lower + len - l, after[k], l)) {
			len -= l;
			break;
		}
	}
	size_t start = len;
	while (start && ((lower[start - 1] >= 'a' && lower[start - 1] <= 'z')))
		start--;
	if (start == len || (start && (unsigned char)lower[start - 1] >= 0x80))
		return false;
	for (size_t k = 0; k < sizeof(wn_agencies) / sizeof(wn_agencies[0]); k++)
		if (strlen(wn_agencies[k]) == len - start &&
		    !memcmp(lower + start, wn_agencies[k], len - start))
			return true;
	return false;
}

/* An image credit standing alone: a short line, not a sentence, that
 * ends in an agency's name ("Sakib Ali/Hindustan Times/Getty Images"). */
#define WN_CREDIT_CHARS 80
#define WN_CREDIT_LINE_WORDS 8

static bool wn_line_agency_credit(const struct wn_tline *t)
{
	return !t->blank && t->chars <= WN_CREDIT_CHARS && t->words <= WN_CREDIT_LINE_WORDS &&
	       !t->sentence && wn_ends_agency(t->lower, strlen(t->lower));
}

/* A photo's caption, which the scraper kept as a line of text: it opens
 * with a caption label ("Image caption ...", "Image copyright EPA",
 * "Photo by ...") or ends in the photo's credit -- "(AP Photo/Alan Diaz,
 * File)", "(Image: GETTY)", "...rabbitCredit: Getty - Contributor",
 * "... REUTERS/Brendan McDermid", "© Reuters / David Mercado": a credit
 * label or an agency in the line's last WN_CAPTION_TAIL bytes, with at
 * most WN_CREDIT_LINE_WORDS words after it and no sentence among them.
 * An article's paragraph does not end in a photographer's name. */
#define WN_CAPTION_CHARS 500
#define WN_CAPTION_TAIL 70

static bool wn_line_caption(const struct wn_tline *t)
{
	static const char *const labels[] = {"image caption", "media caption", "image copyright",
					     "image credit", "image via ", "photo by ",
					     "photograph by ", "photos by ", "images by ",
					     "photo illustration"};
	static const char *const marks[] = {"credit:", "credits:", "photograph:", "photo:",
					    "image:", "photo by ", "ap photo", "reuters/", "\xC2\xA9"};
	if (t->blank || t->chars > WN_CAPTION_CHARS || t->row)
		return false;
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
		if (wn_extract_starts(t->lower, labels[k]))
			return true;
	/* A slideshow's furniture: the "Caption" toggle, "Image 1 of 8". */
	if (!strcmp(t->lower, "caption") ||
	    (!strncmp(t->lower, "image ", 6) && t->lower[6] >= '0' && t->lower[6] <= '9' &&
	     strstr(t->lower, " of ") && t->chars <= 20))
		return true;
	size_t len = strlen(t->lower);
	size_t from = len > WN_CAPTION_TAIL ? len - WN_CAPTION_TAIL : 0;
	const char *tail = t->lower + from;
	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		const char *m = strstr(tail, marks[k]), *next;
		while (m && (next = strstr(m + 1, marks[k])))
			m = next;
		if (!m || m == t->lower)
			continue;
		const char *v = m + strlen(marks[k]);
		size_t vl = strlen(v);
		if (wn_extract_count_words(v, vl) <= WN_CREDIT_LINE_WORDS && !strstr(v, ". ") &&
		    !wn_line_sentence(v, vl))
			return true;
	}
	/* "... in Nogales, Ariz. (AP)", "WikiLeaks founder Julian Assange
	 * (AFP)": an agency in brackets closing the line. */
	const char *open = strrchr(tail, '(');
	return open && open != t->lower && t->lower[len - 1] == ')' &&
	       wn_ends_agency(t->lower, len);
}

/* Legal small print under an article: trademark notices, a supplement
 * maker's FDA disclaimer, a market-data vendor's delay notice, a
 * reCAPTCHA notice, an affiliate disclosure ("We may earn a
 * commission"), a shop's opt-in to text messages ("Msg & data rates
 * may apply. Reply STOP to cancel."), a privacy notice ("Notice at
 * Collection", "By continuing to use this site ..."), a lender's or an
 * insurer's ("Member FDIC", "subject to credit approval") and an offer's
 * terms ("terms and conditions apply").  Lines of at most WN_LEGAL_CHARS that hold one of these
 * phrases are the site's, not the article's; like a newsletter box they
 * stand as walls for the body region.  So does a form's consent ("By
 * submitting this form, you agree to ...", "By checking this box, I
 * consent to receive ...": "by" and a reader's act on the form first,
 * then the reader's agreement): prose about a product says "by
 * providing" in passing, never opens a line so and has the reader
 * agree.  An SMS sign-up's terms ("Msg & data rates may apply. Reply
 * STOP to opt out") are the form's too. */
#define WN_LEGAL_CHARS 1200

static bool wn_line_form_consent(const struct wn_tline *t)
{
	static const char *const acts[] = {
		"by clicking", "by submitting", "by checking", "by providing", "by signing up",
		"by entering", "by continuing", "by registering", "by subscribing", "by completing",
		"by tapping", "by selecting", "by pressing", "by using", "by accessing",
		"by utilizing", "by sharing",
	};
	static const char *const agrees[] = {"agree", "consent", "authoriz", "authoris", "acknowledg",
					     "confirm"};
	static const char *const readers[] = {"you", "your", "i", "my"};
	for (size_t k = 0; k < sizeof(acts) / sizeof(acts[0]); k++) {
		if (!wn_extract_starts(t->lower, acts[k]) ||
		    !wn_extract_has_any(t->lower, agrees, sizeof(agrees) / sizeof(agrees[0])))
			continue;
		for (size_t r = 0; r < sizeof(readers) / sizeof(readers[0]); r++)
			if (wn_extract_has_phrase(t->lower, readers[r]))
				return true;
	}
	return false;
}

static bool wn_line_legal(const struct wn_tline *t)
{
	static const char *const phrases[] = {
		"registered trademark", "not been evaluated by the food and drug",
		"not intended to diagnose", "consult your physician", "quotes delayed",
		"quote data provided by", "market data provided by",
		"for informational purposes only", "results vary", "protected by recaptcha",
		"we may earn", "data rates may apply", "reply stop", "reply \"stop\"",
		"reply \xE2\x80\x9Cstop\xE2\x80\x9D", "reply help",
		"consent is not a condition", "notice at collection", "do not sell or share my personal",
		"do not sell my personal information", "by continuing to use", "by continuing to browse",
		"by using this site, you", "by using this website, you", "notice to consumers",
		"subject to credit approval", "not available in all states",
		"policies are underwritten by", "member fdic", "equal housing lender",
		"past performance is not", "prices subject to change", "terms and conditions apply",
		"offer valid", "see terms for details",
	};
	if (t->blank || t->chars > WN_LEGAL_CHARS)
		return false;
	return wn_extract_has_any(t->lower, phrases, sizeof(phrases) / sizeof(phrases[0])) ||
	       wn_line_form_consent(t);
}

/* A form's messages, which a scraper reads though the page shows them
 * only after a submission or a mistake: "Thank you! Your submission has
 * been received!", "Oops! Something went wrong while submitting the
 * form.", "Please enter a valid email address", and a thread's "You
 * must log in or register to reply here."  At most WN_FORM_CHARS
 * characters. */
#define WN_FORM_CHARS 120

static bool wn_line_form_notice(const struct wn_tline *t)
{
	static const char *const phrases[] = {
		"your submission has been received", "went wrong while submitting",
		"please enter a valid email", "please fill out this field", "this field is required",
		"thank you for subscribing", "thanks for subscribing", "log in or register to reply"};
	if (t->blank || t->chars > WN_FORM_CHARS)
		return false;
	return wn_extract_has_any(t->lower, phrases, sizeof(phrases) / sizeof(phrases[0]));
}

/* A consent dialog's text, longer than the cookie notices words.c
 * knows: "We and our 100 partners store and/or access information on a
 * device, such as unique IDs in cookies to process personal data ...",
 * "Samsung Electronics, and its partners, use cookies ...".  The site
 * and its partners, with cookies, a device or personal data, in at most
 * WN_LEGAL_CHARS; an article about tracking names the companies, not
 * "our partners".  The dialog's list of purposes opens with the first
 * of them, "Store and/or access information on a device". */
static bool wn_line_consent(const struct wn_tline *t)
{
	static const char *const who[] = {"we and our ", "we, and our ", "with our partners",
					  "and our partners", "and its partners", "third-party partners",
					  "third party partners", "advertising partners"};
	static const char *const what[] = {"cookie", "on a device", "your device", "personal data",
					   "tracking technolog"};
	if (t->blank || t->chars > WN_LEGAL_CHARS)
		return false;
	static const char purposes[] = "store and/or access information on a device";
	if (!strncmp(t->lower, purposes, sizeof(purposes) - 1))
		return true;
	return wn_extract_has_any(t->lower, who, sizeof(who) / sizeof(who[0])) &&
	       wn_extract_has_any(t->lower, what, sizeof(what) / sizeof(what[0]));
}

/* A link to another page set in the article: "READ MORE: Headline",
 * "See more: Headline" (like "Related: Headline", which the noise
 * headings catch). */
static bool wn_line_more_link(const struct wn_tline *t)
{
	static const char *const labels[] = {"read more:", "see more:", "read more -", "watch more:",
					     "also read:", "see also:", "must read:", "related reading:"};
	if (t->blank)
		return false;
	/* The label, then a space or a no-break space ("Also read:\u00a0"). */
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		const char *after = t->lower + strlen(labels[k]);
		if (wn_extract_starts(t->lower, labels[k]) &&
		    (*after == ' ' || !strncmp(after, "\xC2\xA0", 2)))
			return true;
	}
	return false;
}

/* A call to follow the site or the author ("Follow us on Twitter
 * @Spacedotcom and on Facebook.", "Email Jane at jd@example.com or follow
 * her @jane.", "Follow RT on"): a line of at most WN_FOLLOW_CHARS that
 * opens with "follow" or holds "follow us/him/her/me", and names a
 * social network or a handle, or ends at "on". */
#define WN_FOLLOW_CHARS 200

static bool wn_line_follow(const struct wn_tline *t)
{
	static const char *const calls[] = {"follow us", "follow him", "follow her", "follow me",
					    "follow them"};
	static const char *const networks[] = {"twitter", "facebook", "instagram", "linkedin",
					       "youtube", "tiktok", "@"};
	if (t->blank || t->chars > WN_FOLLOW_CHARS)
		return false;
	bool call = !strncmp(t->lower, "follow ", 7);
	for (size_t k = 0; k < sizeof(calls) / sizeof(calls[0]) && !call; k++)
		call = wn_extract_has_phrase(t->lower, calls[k]);
	if (!call)
		return false;
	size_t n = strlen(t->lower);
	if (n >= 3 && !strcmp(t->lower + n - 3, " on"))
		return true;
	return wn_extract_has_any(t->lower, networks, sizeof(networks) / sizeof(networks[0]));
}

/* "Medically reviewed by Jane Doe, MD", "Written by Ann Lee": a byline
 * with its lead-in, at most WN_CREDIT_BY_WORDS words; in a run of teaser
 * cards each has one, like a date. */
#define WN_CREDIT_BY_WORDS 8

static bool wn_line_credit_by(const struct wn_tline *t)
{
	static const char *const leads[] = {"medically reviewed by ", "reviewed by ",
					    "fact checked by ", "fact-checked by ", "written by "};
	if (t->words > WN_CREDIT_BY_WORDS || t->sentence)
		return false;
	for (size_t k = 0; k < sizeof(leads) / sizeof(leads[0]); k++)
		if (wn_extract_starts(t->lower, leads[k]))
			return true;
	return false;
}

/* Marks line i removed (if still kept) with "heuristic name score". */
static enum wn_err wn_drop(struct wn_doc *doc, size_t i, const char *name, double score)
{
	if (doc->lines[i].removed_by)
		return WN_OK;
	doc->lines[i].removed_by = wn_arena_printf(doc->arena, "heuristic %s %.4g", name, score);
	return doc->lines[i].removed_by ? WN_OK : WN_ERR_NOMEM;
}

/* Words of line t that open with a lower-case ASCII letter. */
static size_t wn_line_lower_words(const struct wn_tline *t)
{
	size_t lower = 0;
	for (size_t i = 0; i < t->len; i++)
		lower += (!i || t->s[i - 1] == ' ') && t->s[i] >= 'a' && t->s[i] <= 'z';
	return lower;
}

/* True when line t reads as a phrase: at least two words open with a
 * lower-case letter ("the", "during", "pictured"), which a date, a
 * byline or a heading in title case lacks. */
static bool wn_line_phrase(const struct wn_tline *t)
{
	return wn_line_lower_words(t) >= 2;
}

/* Credits standing alone under their captions ("Sanjeev Verma/Hindustan
 * Times/Getty Images" under "Air pollution is once again surging in
 * Delhi."): the credit goes, and so does the line before it, the
 * caption, when it is kept, reads as a phrase and is at most
 * WN_CAPTION_CHARS long.  A credit of one word ("Reuters" under the
 * last paragraph) names the story's source, and one with a label or in
 * brackets ("Main image credit: Getty", "(Image: X / Getty Images)") is
 * a caption of its own or the top image's.  A labelled credit ("Photo:
 * X", "Source: Y") under a paragraph says where the paragraph's figure
 * or numbers come from: that paragraph stays. */
static enum wn_err wn_text_credits(struct wn_doc *doc, const struct wn_tline *tl)
{
	enum wn_err err = WN_OK;
	for (size_t i = 0, prev = doc->n_lines; i < doc->n_lines && !err; i++) {
		if (tl[i].blank)
			continue;
		if (!doc->lines[i].removed_by && wn_line_agency_credit(&tl[i]) &&
		    tl[i].words >= 2 && !memchr(tl[i].s, ':', tl[i].len) &&
		    !memchr(tl[i].s, '(', tl[i].len)) {
			err = wn_drop(doc, i, "credit", 1);
			if (!err && prev < i && !doc->lines[prev].removed_by && !tl[prev].row &&
			    !tl[prev].meta && tl[prev].chars <= WN_CAPTION_CHARS &&
			    wn_line_phrase(&tl[prev]))
				err = wn_drop(doc, prev, "caption", 1);
		}
		prev = i;
	}
	return err;
}

/* An expandable caption, drawn twice by the scraper: in full with its
 * "less" toggle, then cut with its "... more" toggle ("... strengthen the
 * military relations with the Southeast Asian nation. less" / "...
 * strengthen the military relations ... more").  Two lines in a row
 * that open alike (WN_EXPANDER_PREFIX bytes) and end so are a photo's
 * caption, not the article: both go. */
#define WN_EXPANDER_PREFIX 40

static bool wn_ends_with(const struct wn_tline *t, const char *end)
{
	size_t l = strlen(end);
	return t->len >= l && !memcmp(t->lower + t->len - l, end, l);
}

static enum wn_err wn_text_expanders(struct wn_doc *doc, const struct wn_tline *tl)
{
	enum wn_err err = WN_OK;
	for (size_t i = 0, prev = doc->n_lines; i < doc->n_lines && !err; i++) {
		if (tl[i].blank)
			continue;
		if (prev < i && tl[prev].len > WN_EXPANDER_PREFIX && tl[i].len > WN_EXPANDER_PREFIX &&
		    wn_ends_with(&tl[prev], " less") &&
		    (wn_ends_with(&tl[i], "... more") || wn_ends_with(&tl[i], "\xE2\x80\xA6 more")) &&
		    !memcmp(tl[prev].lower, tl[i].lower, WN_EXPANDER_PREFIX)) {
			err = wn_drop(doc, prev, "caption", 1);
			if (!err)
				err = wn_drop(doc, i, "caption", 1);
		}
		prev = i;
	}
	return err;
}

/* A line ending in a pilcrow is a heading with its permalink ("Cache
 * middleware¶", "class GZipMiddleware[source]¶"): documentation
 * generators (Sphinx, MkDocs) mark the sections of the page's own text so,
 * never a menu's links. */
static bool wn_line_permalink(const struct wn_tline *t)
{
	return wn_ends_with(t, "\xC2\xB6");
}

/* Short line with no sentence punctuation: a menu item shape (not a
 * heading with a permalink). */
static bool wn_line_short(const struct wn_tline *t)
{
	return !t->blank && t->chars < WN_SHORT_CHARS && !t->sentence && !t->row &&
	       !wn_line_permalink(t);
}

static bool wn_line_grid(const struct wn_tline *t)
{
	return !t->blank && !t->row && (t->chars <= WN_GRID_CHARS || (t->number && t->chars <= 40));
}

/* A line's text and index, for sorting lines to find repeats. */
struct wn_tline_ref {
	const char *lower;   /* the line's lower-cased text */
	size_t i;            /* its index */
};

static int wn_tline_ref_cmp(const void *a, const void *b)
{
	const struct wn_tline_ref *x = a, *y = b;
	int c = strcmp(x->lower, y->lower);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The end of the run of refs[a]'s text in refs[0..m), sorted by
 * wn_tline_ref_cmp. */
static size_t wn_tline_ref_run(const struct wn_tline_ref *refs, size_t m, size_t a)
{
	size_t b = a + 1;
	while (b < m && !strcmp(refs[a].lower, refs[b].lower))
		b++;
	return b;
}

/* Starts of a code line that no menu item or sentence takes (case
 * matters: "import os" is code, "Import data" a menu item): a comment or
 * a prompt, a statement's keyword, a query's clause. */
static const char *const wn_code_opens[] = {
	"--", "//", "/*", "$ ", ">>> ", "# ", "import ", "return ", "yield ", "raise ",
	"const ", "let ", "var ", "SELECT ", "FROM ", "WHERE ", "INSERT INTO ", "UPDATE ",
	"DELETE FROM ", "CREATE TABLE ", "ORDER BY ", "GROUP BY ",
};
/* Keywords that open a block when the line ends in a colon ("for element
 * in iterator:", "def save(self):"), and lines that are one keyword. */
static const char *const wn_code_blocks[] = {"for ", "if ", "elif ", "while ", "def ",
					     "class ", "with ", "except", "else", "try",
					     "finally"};
static const char *const wn_code_words[] = {"break", "continue", "pass", "return", "end"};

/* A configuration file's key: a lower-case name without spaces and a
 * colon, alone ("metadata:") or before its value ("kind: Service",
 * "app.kubernetes.io/name: MyApp"); a label ("Note:") is capitalised. */
static bool wn_line_yaml_key(const struct wn_tline *t)
{
	size_t i = 0;
	while (i < t->len && t->s[i] == '-' && i + 1 < t->len && t->s[i + 1] == ' ')
		i += 2;
	if (i >= t->len || t->s[i] < 'a' || t->s[i] > 'z')
		return false;
	for (; i < t->len && t->s[i] != ':'; i++) {
		char c = t->s[i];
		if (!isalnum((unsigned char)c) && c != '_' && c != '-' && c != '.' && c != '/')
			return false;
	}
	return i == t->len - 1 || (i + 2 < t->len && t->s[i + 1] == ' ' && t->s[i + 2] != ' ');
}

/* A line of program code: it opens or closes a brace, ends like a
 * statement or a call ("logger.info('done')"), or starts with a keyword
 * (wn_code_opens, wn_code_blocks).  Code blocks in documentation are
 * content however menu-like their lines look. */
static bool wn_line_code(const struct wn_tline *t)
{
	if (t->blank)
		return false;
	if (t->indented && !t->sentence)
		return true;
	char first = t->s[0], last = t->s[t->len - 1];
	static const char *const marks[] = {"()", "->", "=>", "::"};
	for (size_t k = 0; k < sizeof(wn_code_opens) / sizeof(wn_code_opens[0]); k++)
		if (wn_extract_starts(t->s, wn_code_opens[k]))
			return true;
	for (size_t k = 0; last == ':' && k < sizeof(wn_code_blocks) / sizeof(wn_code_blocks[0]);
	     k++)
		if (wn_extract_starts(t->s, wn_code_blocks[k]))
			return true;
	for (size_t k = 0; k < sizeof(wn_code_words) / sizeof(wn_code_words[0]); k++)
		if (t->len == strlen(wn_code_words[k]) && !memcmp(t->s, wn_code_words[k], t->len))
			return true;
	if (!strncmp(t->s, "from ", 5) && strstr(t->lower, " import "))
		return true;
	if (wn_line_yaml_key(t))
		return true;
	if (last == ')' || last == ':')
		for (size_t i = 1; i < t->len; i++)
			if (t->s[i] == '(' && (isalnum((unsigned char)t->s[i - 1]) ||
					       t->s[i - 1] == '_'))
				return true;
	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
		for (size_t i = 0; i + 1 < t->len; i++)
			if (t->s[i] == marks[k][0] && t->s[i + 1] == marks[k][1])
				return true;
	return first == '{' || first == '}' || first == '<' || last == '{' || last == '}' ||
	       last == ';' || last == '(' || last == ',' || memchr(t->s, '=', t->len);
}

/* A shell command under its comment ("# clone repo" over "git clone
 * <url>"): a line that opens with a lower-case word, is no sentence and
 * is shorter than a menu item may be, right under a comment line (the
 * line before it, blanks skipped, is prev; n for none).  A tutorial's
 * commands look like a menu's items, and their comments say what the
 * line under them does. */
static bool wn_line_commented(const struct wn_tline *tl, size_t n, size_t prev, size_t i)
{
	return prev < n && (wn_extract_starts(tl[prev].s, "# ") ||
			    wn_extract_starts(tl[prev].s, "// ")) &&
	       !tl[i].blank && !tl[i].sentence && tl[i].chars < WN_SHORT_CHARS &&
	       tl[i].s[0] >= 'a' && tl[i].s[0] <= 'z';
}

/* The non-blank line before line i (n for none). */
static size_t wn_line_before(const struct wn_tline *tl, size_t n, size_t i)
{
	while (i-- > 0)
		if (!tl[i].blank)
			return i;
	return n;
}

/* True when line i is code (wn_line_code, or a command under its
 * comment). */
static bool wn_line_code_at(const struct wn_tline *tl, size_t n, size_t i)
{
	return !tl[i].blank && (wn_line_code(&tl[i]) ||
				wn_line_commented(tl, n, wn_line_before(tl, n, i), i));
}

/* True when line i and a non-blank neighbour are both code: a code block
 * of a documentation page, whose lines cost nothing in the body region. */
static bool wn_line_in_code(const struct wn_tline *tl, size_t n, size_t i)
{
	if (!wn_line_code_at(tl, n, i))
		return false;
	size_t k = wn_line_before(tl, n, i);
	if (k < n && wn_line_code_at(tl, n, k))
		return true;
	for (k = i + 1; k < n && tl[k].blank; k++)
		;
	return k < n && wn_line_code_at(tl, n, k);
}

/* Lines that occur WN_REPEATS times or more in one page are its template
 * (share bars under every teaser, a menu at the top and the bottom); a
 * headline may occur twice (title and breadcrumb), and prose lines are
 * never dropped for repeating (quotes, refrains), nor code lines in a
 * code block (wn_line_in_code): "});" closes every example. */
#define WN_REPEATS 3

static enum wn_err wn_text_repeats(struct wn_doc *doc, struct wn_tline *tl)
{
	size_t n = doc->n_lines, m = 0;
	struct wn_tline_ref *refs = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(*refs));
	if (!refs)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (!tl[i].blank && !(tl[i].sentence && tl[i].chars >= WN_BODY_CHARS))
			refs[m++] = (struct wn_tline_ref){tl[i].lower, i};
	qsort(refs, m, sizeof(*refs), wn_tline_ref_cmp);
	enum wn_err err = WN_OK;
	for (size_t a = 0, b; a < m && !err; a = b) {
		b = wn_tline_ref_run(refs, m, a);
		for (size_t k = a; k < b; k++)
			tl[refs[k].i].copies = b - a;
		for (size_t k = a; b - a >= WN_REPEATS && k < b && !err; k++)
			if (!wn_line_in_code(tl, n, refs[k].i))
				err = wn_drop(doc, refs[k].i, "repeated", (double)(b - a));
	}
	/* A line said twice in a row is a card's link and its caption, or a
	 * menu drawn for desktop and for mobile: an article does not repeat
	 * itself at once (prose may, a paragraph apart: a refrain). */
	for (size_t i = 0, prev = n; i < n && !err; i++) {
		if (tl[i].blank)
			continue;
		if (tl[i].sentence && tl[i].chars >= WN_BODY_CHARS && prev + 1 != i) {
			prev = n;
			continue;
		}
		if (prev < n && !strcmp(tl[prev].lower, tl[i].lower) &&
		    !wn_line_in_code(tl, n, i)) {
			err = wn_drop(doc, prev, "repeated", 2);
			if (!err)
				err = wn_drop(doc, i, "repeated", 2);
		}
		prev = i;
	}
	return err;
}

/* Numbered headline lists: "1" / headline / "2" / headline ...  A number
 * line followed within four lines by the next number, or preceded within
 * five by the one before, is an item; the item runs to that next number
 * (or one line past it for the last: *end is that line, *next false).
 * False when line i is no item. */
static bool wn_numbered_item(const struct wn_tline *tl, size_t n, size_t i, size_t *end,
			     bool *next)
{
	if (tl[i].value < 0)
		return false;
	size_t j = i + 1, seen = 0;
	while (j < n && seen < 4 && tl[j].value < 0)
		seen += !tl[j++].blank;
	*next = j < n && tl[j].value == tl[i].value + 1;
	bool prev = false;
	for (size_t k = i, back = 0; k-- > 0 && back < 5;) {
		back += !tl[k].blank;
		if (tl[k].value >= 0) {
			prev = tl[k].value + 1 == tl[i].value;
			break;
		}
	}
	*end = *next ? j : i + 1;
	if (!*next)
		while (*end < n && tl[*end].blank)
			(*end)++;
	return *next || prev;
}

/* True when lines a..b (b excluded) hold a paragraph: the item is a step
 * of the page's own text ("1" / "Discovery" / "The process begins with a
 * deep understanding of your business needs ..."), not a headline.  A
 * long question in title case ("How Can Crypto Businesses Ensure
 * Compliance with Varying International Regulations?", an FAQ's) is a
 * headline. */
static bool wn_numbered_step(const struct wn_tline *tl, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		size_t caps = 0;
		for (size_t c = 0; c < tl[k].len; c++)
			caps += (!c || tl[k].s[c - 1] == ' ') && tl[k].s[c] >= 'A' && tl[k].s[c] <= 'Z';
		if (tl[k].sentence && tl[k].chars >= WN_BODY_CHARS && caps * 2 <= tl[k].words &&
		    (tl[k].density < 0 || tl[k].density >= WN_KEYWORDS_DENSITY))
			return true;
	}
	return false;
}

/* Drops numbered headline lists (wn_numbered_item), a list at a time: a
 * list whose items hold a paragraph in half of them or more is the
 * page's numbered steps, and stays. */
static enum wn_err wn_text_numbered(struct wn_doc *doc, const struct wn_tline *tl)
{
	enum wn_err err = WN_OK;
	size_t n = doc->n_lines, end;
	bool next;
	for (size_t i = 0; i < n && !err; i++) {
		if (!wn_numbered_item(tl, n, i, &end, &next))
			continue;
		size_t items = 0, steps = 0;
		for (size_t k = i;; k = end) {
			wn_numbered_item(tl, n, k, &end, &next);
			items++;
			steps += wn_numbered_step(tl, k, next ? end : end < n ? end + 1 : n);
			if (!next)
				break;
		}
		for (size_t k = i; steps * 2 < items;) {
			wn_numbered_item(tl, n, k, &end, &next);
			for (size_t m = k; m <= end && m < n && !err; m++)
				if (!tl[m].blank && (m < end || !next))
					err = wn_drop(doc, m, "numbered_list", tl[k].value);
			if (!next)
				break;
			k = end;
		}
		i = end;
	}
	return err;
}

/* The line-shape passes: everything except the body region. */
static enum wn_err wn_text_shapes(struct wn_doc *doc, struct wn_tline *tl)
{
	enum wn_err err = WN_OK;
	size_t n = doc->n_lines;
	for (size_t i = 0; i < n && !err; i++) {
		const struct wn_tline *t = &tl[i];
		if (t->blank)
			continue;
		if (wn_line_template(t))
			err = wn_drop(doc, i, "template", 1);
		else if (wn_line_furniture(t))
			err = wn_drop(doc, i, "furniture", 1);
		else if (wn_extract_is_cookie_notice(t->lower, t->chars) || wn_line_consent(t))
			err = wn_drop(doc, i, "cookie", 1);
		else if (wn_line_copyright(t))
			err = wn_drop(doc, i, "copyright", 1);
		else if (wn_extract_is_credit(t->lower, t->chars))
			err = wn_drop(doc, i, "credit", 1);
		else if ((tl[i].wall = wn_line_signup(t)))
			err = wn_drop(doc, i, "signup", 1);
		else if (wn_line_caption(t))
			err = wn_drop(doc, i, "caption", 1);
		else if ((tl[i].wall = wn_line_legal(t)))
			err = wn_drop(doc, i, "legal", 1);
		else if (wn_line_more_link(t))
			err = wn_drop(doc, i, "noise_link", 1);
		else if ((tl[i].wall = wn_line_follow(t)))
			err = wn_drop(doc, i, "follow", 1);
		else if (wn_line_form_notice(t))
			err = wn_drop(doc, i, "form", 1);
	}
	if (!err)
		err = wn_text_numbered(doc, tl);
	/* Grids and menus: runs of consecutive non-blank lines of one shape. */
	for (size_t i = 0; i < n && !err;) {
		size_t j = i;
		while (j < n && wn_line_grid(&tl[j]))
			j++;
		if (j - i >= WN_GRID_RUN)
			for (size_t k = i; k < j && !err; k++)
				err = wn_drop(doc, k, "grid", (double)(j - i));
		i = j > i ? j : i + 1;
	}
	for (size_t i = 0; i < n && !err;) {
		size_t j = i;
		while (j < n && wn_line_short(&tl[j]))
			j++;
		if (j - i >= WN_MENU_RUN)
			for (size_t k = i; k < j && !err; k++)
				err = wn_drop(doc, k, "menu_run", (double)(j - i));
		i = j > i ? j : i + 1;
	}
	return err;
}

/* Headings that open a comment section, lower-case: whole line, or after
 * a count ("34 responses to ...", "6 thoughts on ...").  The author's box
 * (a bio, then "View all posts by") opens the same way, under one of
 * wn_extract_author_headings. */
static const char *const wn_comment_marks[] = {
	"comments", "comment", "responses", "response", "replies", "reactions", "thoughts on",
	"leave a reply", "leave a comment", "comments are closed", "add a comment", "post a comment",
	"join the conversation", "reader comments", "show comments", "view comments",
	"discussion about this post",
	"комментарии", "kommentare", "commentaires", "comentarios", "commenti", "comentários",
	"добавить комментарий", "оставить комментарий", "schreibe einen kommentar",
	"kommentar schreiben", "laisser un commentaire", "deja un comentario",
	"deja una respuesta", "lascia un commento", "deixe um comentário", "deixe uma resposta"};

/* Entries of wn_comment_marks before this one are single words, which
 * also name share-bar links ("Comments"): those count only in a block of
 * their own. */
#define WN_COMMENT_WORDS 6

/* A "Name says:" line with this many stopwords per word or more is a
 * sentence, not a comment header. */
#define WN_HEADER_DENSITY 0.5

/* True when line t opens a comment section; alone: t's block has at most
 * two lines. */
static bool wn_line_comments(const struct wn_tline *t, bool alone)
{
	/* "Add a comment  |", "Add a comment | Show 4 more comments": a
	 * link in the bar under a post (a Q&A site's question and each
	 * answer), not a heading. */
	if (t->blank || t->chars > 120 || t->sentence || memchr(t->s, '|', t->len))
		return false;
	const char *s = t->lower, *digits;
	/* "[ 167 comments ]", "(12) Comments" */
	while (*s == '[' || *s == '(' || *s == ' ')
		s++;
	for (digits = s; *s >= '0' && *s <= '9'; s++)
		;
	bool counted = s != digits;
	/* "0 Comments" is the count in a byline bar: an empty comment
	 * section heads nothing, and the article follows the bar. */
	if (counted && (size_t)(s - digits) == strspn(digits, "0"))
		return false;
	while (*s == ' ' || *s == ')' || *s == ']')
		s++;
	size_t n_comment = sizeof(wn_comment_marks) / sizeof(wn_comment_marks[0]);
	for (size_t k = 0; k < n_comment + wn_extract_n_author_headings; k++) {
		const char *mark = k < n_comment ? wn_comment_marks[k] :
						   wn_extract_author_headings[k - n_comment];
		size_t l = strlen(mark);
		if (strncmp(s, mark, l) || (!counted && !alone && k < WN_COMMENT_WORDS))
			continue;
		/* "response:" alone is a field of a definition list (an API's
		 * hooks), not a heading: those are plural, or counted. */
		if (!counted && k < WN_COMMENT_WORDS && mark[l - 1] != 's' && s[l] == ':')
			continue;
		/* A count may be followed by more words ("34 responses to X")
		 * or a colon ("10 comments:", Blogger's); without one the
		 * marker must be the whole line. */
		if (counted ? s[l] == ' ' || !s[l] || s[l] == ']' || s[l] == ')' ||
				      (s[l] == ':' && !s[l + 1]) :
			      !s[l] || (s[l] == ':' && !s[l + 1]) || (s[l] == ' ' && t->words <= 3))
			return true;
	}
	/* "Top Rated Comments", "Reader comments", "Alle Kommentare": a
	 * heading of two or three words that ends in the plural. */
	size_t n = strlen(t->lower);
	static const char *const plurals[] = {" comments", " kommentare", " commentaires",
					      " comentarios", " commenti", " comentários",
					      " комментарии"};
	for (size_t k = 0; t->words >= 2 && t->words <= 3 && k < sizeof(plurals) / sizeof(plurals[0]); k++) {
		size_t l = strlen(plurals[k]);
		if (n > l && !strcmp(t->lower + n - l, plurals[k]))
			return true;
	}
	/* "Name says:" / "Name on <date> said:" comment headers; a name has
	 * few function words ("Here is what my son says:" quotes a
	 * testimonial). */
	return t->words <= 12 && t->density < WN_HEADER_DENSITY && ((n > 5 && !strcmp(t->lower + n - 5, "says:")) ||
				  (n > 5 && !strcmp(t->lower + n - 5, "said:")));
}

/* An author's box headed by the name alone: "Karina Cohen" over "Karina
 * Cohen is the owner of CR Maids ... her ...", "James R" / "SEO
 * Copywriter" over "James is a film enthusiast ... he's ...".  Line i
 * is the name (two to four capitalised words, at most WN_NAME_CHARS);
 * the next non-blank line, or the one after a short role line, is a
 * paragraph that opens with the name (or its first word) and speaks of
 * a person (he, she, his, her) or of a trade of the press (person;
 * without it, any paragraph that opens with the name).  A page of
 * people or brands (a listicle of designers, a team page) has that shape
 * once per item: only a page where it stands once has an author's box,
 * and only when less body text follows it than stands before it (a box
 * over the article is the author's introduction). */
#define WN_NAME_CHARS 40

static bool wn_text_name_box(const struct wn_tline *tl, size_t n, size_t i, bool person)
{
	static const char *const persons[] = {"he", "she", "his", "her", "him", "writer", "reporter",
					     "editor", "journalist", "contributor", "columnist"};
	const struct wn_tline *t = &tl[i];
	if (t->blank || t->sentence || t->chars > WN_NAME_CHARS || t->words < 2 || t->words > 4)
		return false;
	for (size_t k = 0; k < t->len; k++) {
		unsigned char c = (unsigned char)t->s[k];
		if ((c >= '0' && c <= '9') ||
		    ((k == 0 || t->s[k - 1] == ' ') && !(c >= 'A' && c <= 'Z') && c < 0x80))
			return false;
	}
	size_t next = i + 1, role = 0;
	for (;; next++) {
		while (next < n && tl[next].blank)
			next++;
		if (next >= n)
			return false;
		if (tl[next].sentence || role++ || tl[next].words > 5)
			break;
	}
	const struct wn_tline *p = &tl[next];
	const char *space = strchr(t->lower, ' ');
	if (!p->sentence || p->chars < WN_BODY_CHARS || !space)
		return false;
	size_t full = strlen(t->lower), first = (size_t)(space - t->lower);
	bool named = (!strncmp(p->lower, t->lower, full) && p->lower[full] == ' ') ||
		     (!strncmp(p->lower, t->lower, first) && p->lower[first] == ' ');
	for (size_t k = 0; named && person && k < sizeof(persons) / sizeof(persons[0]); k++)
		if (wn_extract_has_phrase(p->lower, persons[k]))
			return true;
	return named && !person;
}

/* "Sheri says" over "July 31, 2018 at 2:41 pm" (line i): a comment's
 * header without the colon (the Genesis theme's), known by the date
 * that follows it as the next non-blank line; a name of at most
 * WN_SAYS_WORDS words, few of them function words. */
#define WN_SAYS_WORDS 5

static bool wn_text_says_header(const struct wn_tline *tl, size_t n, size_t i)
{
	const struct wn_tline *t = &tl[i];
	size_t l = t->blank ? 0 : strlen(t->lower);
	if (l <= 5 || strcmp(t->lower + l - 5, " says") || t->sentence || t->words > WN_SAYS_WORDS + 1 ||
	    t->density >= WN_HEADER_DENSITY)
		return false;
	size_t k = i + 1;
	while (k < n && tl[k].blank)
		k++;
	return k < n && tl[k].meta;
}

/* A line of this many words or more, this share of them stopwords and
 * half of them or more in lower case, reads as a sentence even without
 * its full stop: a service page's blurb under each feature's heading
 * ("Stay on top of your task lists and stay in touch with what's
 * happening").  It scores this share of its length: a little, so a run
 * of cards holds together, where a menu item or a headline in title
 * case costs (a teaser's summary without its full stop, scored like a
 * short sentence, pulled the region into the teasers). */
#define WN_BLURB_WORDS 8
#define WN_BLURB_DENSITY 0.3
#define WN_BLURB_WEIGHT 0.05

/* Score of a kept line for the body region: body-like lines score their
 * length, short ones a quarter of it, blurbs a twentieth, everything
 * else a penalty that grows with its length. */
static double wn_line_score(const struct wn_tline *t)
{
	bool known = t->density >= 0;
	if (t->excerpt || t->teaser)
		return -10.0 - (double)t->chars / 4;
	if (t->sentence && t->chars >= WN_BODY_CHARS &&
	    (!known || t->density >= WN_KEYWORDS_DENSITY))
		return (double)t->chars;
	if (t->sentence && t->words >= 4)
		return (double)t->chars / 4;
	if (known && t->words >= WN_BLURB_WORDS && t->density >= WN_BLURB_DENSITY &&
	    wn_line_lower_words(t) * 2 >= t->words)
		return (double)t->chars * WN_BLURB_WEIGHT;
	return -10.0 - (double)t->chars / 2;
}

/* In the body region a short line stating a price (wn_line_price:
 * "Student: $80", "From 45 \xE2\x82\xAC") costs WN_PRICE_COST, not as
 * much as a menu item: a service page's price table ("Student: $80" /
 * "Member: $130" / "5 sessions" ...) is part of its offer and should not
 * split it, while a subscription box's plans after an article still
 * cost, line by line. */
#define WN_PRICE_COST 4.0

/* 1: t is a noise-section heading; 2: t is an inline "Related: Headline"
 * link; 0: neither. */
static int wn_line_noise_header(const struct wn_tline *t)
{
	if (t->blank || t->chars > 200)
		return 0;
	size_t n = wn_extract_heading_len(t->lower);
	for (size_t k = 0; k < wn_extract_n_noise_headings; k++) {
		if (!wn_extract_starts(t->lower, wn_extract_noise_headings[k]))
			continue;
		size_t l = strlen(wn_extract_noise_headings[k]);
		if (l == n && t->chars <= 60)
			return 1;
		if (t->lower[l] == ':' && t->lower[l + 1] == ' ' && !t->sentence)
			return 2;
	}
	/* A shop's "Related products", "Recently viewed": its "Related
	 * stories". */
	if (t->chars <= 60 && wn_extract_is_shop_heading(t->lower))
		return 1;
	/* "More Great WIRED Stories", "Latest Weather Headlines", "More
	 * From WIRED": a short heading that opens with "more", "latest" ...
	 * and names a kind of page, or names a site after "more from". */
	static const char *const opens[] = {"more ", "other ", "latest ", "recent ", "related ",
					    "popular ", "top ", "trending ", "recommended "};
	static const char *const kinds[] = {" stories", " news", " articles", " posts",
					    " headlines", " videos", " reads", " content",
					    " guides", " reading"};
	if (t->sentence || t->words > 6 || t->chars > 60)
		return 0;
	if (!strncmp(t->lower, "more from ", 10) && t->words <= 4)
		return 1;
	for (size_t k = 0; k < sizeof(opens) / sizeof(opens[0]); k++) {
		if (!wn_extract_starts(t->lower, opens[k]))
			continue;
		for (size_t e = 0; e < sizeof(kinds) / sizeof(kinds[0]); e++)
			if (n > strlen(kinds[e]) &&
			    !strncmp(t->lower + n - strlen(kinds[e]), kinds[e], strlen(kinds[e])))
				return 1;
	}
	return 0;
}

/* "Meg James is a corporate media reporter for the Los Angeles Times,
 * covering...", "Molly Wood (@mollywood) is an Ideas contributor at
 * WIRED": the author's box under the article, a name of two to four
 * capitalised words, "is a/an/the" and a trade of the press.  Like an
 * "About the author" heading it ends the article. */
#define WN_BIO_CHARS 800 /* a bio's longest line: a founding editor's runs to 730 */

static bool wn_line_bio(const struct wn_tline *t)
{
	static const char *const trades[] = {"writer", "reporter", "editor", "correspondent",
					     "journalist", "contributor", "columnist", "author"};
	if (t->blank || t->chars > WN_BIO_CHARS || !t->sentence)
		return false;
	const char *is = NULL;
	static const char *const verbs[] = {" is a ", " is an ", " is the "};
	/* The first of them on the line: "... is the editor at X. ... Ayan
	 * is a go-to source ..." names the trade at the first. */
	for (size_t k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++) {
		const char *hit = strstr(t->lower, verbs[k]);
		if (hit && (!is || hit < is))
			is = hit;
	}
	if (!is)
		return false;
	size_t at = (size_t)(is - t->lower), words = 0;
	bool start = true;
	for (size_t i = 0; i < at; i++) {
		char c = t->s[i];
		if (c == ' ') {
			start = true;
			continue;
		}
		if (start && c != '(' && !(c >= 'A' && c <= 'Z') && (unsigned char)c < 0x80)
			return false;
		words += start && c != '(';
		start = false;
	}
	if (words < 2 || words > 4)
		return false;
	const char *rest = is + 4;
	const char *stop = strpbrk(rest, ".;");
	for (size_t k = 0; k < sizeof(trades) / sizeof(trades[0]); k++) {
		const char *hit = strstr(rest, trades[k]);
		/* A whole word: "author", not "authority". */
		char after = hit ? hit[strlen(trades[k])] : 0;
		if (hit && (!stop || hit < stop) && !(after >= 'a' && after <= 'z'))
			return true;
	}
	return false;
}

/* "Was this article helpful?", "Was this page helpful? Yes No": the
 * feedback widget under an article, which the page's footer follows. */
static bool wn_line_feedback(const struct wn_tline *t)
{
	return !t->blank && t->words <= 8 && !strncmp(t->lower, "was this ", 9) &&
	       strstr(t->lower, "helpful");
}

/* "Sobre Carlos Nadalim", "Über Moritz Bachmann": an author's box
 * heading -- "About" and two or three capitalised words, a block of its
 * own -- over a paragraph that names the same person ("... Carlos
 * Nadalim é também coordenador ...").  Like "About the author" it ends
 * the article, once WN_ABOUT_AFTER characters of body stand before it:
 * a mega-menu's "About Us" over its blurb comes earlier, amid blurbs
 * that add up to little prose. */
#define WN_ABOUT_AFTER 1000

static bool wn_text_about_box(const struct wn_tline *tl, size_t n, size_t i)
{
	static const char *const opens[] = {"about ", "sobre ", ("\xC3\xBC" "ber "),
					    "\xC3\xA0 propos de ", "a proposito di "};
	const struct wn_tline *t = &tl[i];
	if (t->blank || t->sentence || t->chars > 60 || t->block_lines != 1)
		return false;
	size_t at = 0;
	for (size_t k = 0; k < sizeof(opens) / sizeof(opens[0]) && !at; k++)
		if (wn_extract_starts(t->lower, opens[k]))
			at = strlen(opens[k]);
	size_t name_words = at ? wn_extract_count_words(t->s + at, t->len - at) : 0;
	if (name_words < 2 || name_words > 3)
		return false;
	for (size_t k = at; k < t->len; k++)
		if ((k == at || t->s[k - 1] == ' ') && !(t->s[k] >= 'A' && t->s[k] <= 'Z') &&
		    (unsigned char)t->s[k] < 0x80)
			return false;
	size_t next = i + 1;
	while (next < n && tl[next].blank)
		next++;
	if (next >= n || !tl[next].sentence || tl[next].chars < WN_BODY_CHARS)
		return false;
	/* The paragraph names the person: "Carlos Nadalim" in it. */
	char name[64];
	size_t nl = strlen(t->lower + at);
	if (nl >= sizeof(name))
		return false;
	memcpy(name, t->lower + at, nl + 1);
	return strstr(tl[next].lower, name) != NULL;
}

/* A comment heading whose shape -- its text less digits and a plural
 * "s": "0 comments", "14 comments", "Comment" -- stands on this many
 * lines or more is the comment link under each card of a listing (a
 * blog's front page, a news index), not the heading of a section.  A
 * "Name says:" header heads each comment of a real section: it does not
 * count. */
#define WN_COMMENT_LINKS 3

static bool wn_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The shape of a lower-cased line: its text less numbers (digits, and a
 * point or comma between two) and a final "s" ("14 comments" and "1
 * comment", "84 reviews / 5 average" and "161 reviews / 4.9 average" are
 * one shape); NULL when out of memory. */
static char *wn_line_shape(struct wn_arena *arena, const char *lower)
{
	size_t l = strlen(lower), k = 0;
	char *key = wn_arena_alloc(arena, l + 1);
	if (!key)
		return NULL;
	for (size_t c = 0; c < l; c++)
		if (!wn_is_digit(lower[c]) &&
		    !((lower[c] == '.' || lower[c] == ',') && c && wn_is_digit(lower[c - 1]) &&
		      wn_is_digit(lower[c + 1])))
			key[k++] = lower[c];
	if (k && key[k - 1] == 's')
		k--;
	key[k] = 0;
	return key;
}

/* *refs gets, sorted by wn_tline_ref_cmp, the shapes (wn_line_shape) of
 * the lines that want() picks, *m their number; in the arena. */
static enum wn_err wn_text_shape_refs(const struct wn_doc *doc, const struct wn_tline *tl,
				      bool (*want)(const struct wn_doc *, const struct wn_tline *, size_t),
				      struct wn_tline_ref **refs, size_t *m)
{
	size_t n = doc->n_lines;
	*m = 0;
	*refs = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(**refs));
	if (!*refs)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (!want(doc, &tl[i], i))
			continue;
		char *key = wn_line_shape(doc->arena, tl[i].lower);
		if (!key)
			return WN_ERR_NOMEM;
		(*refs)[(*m)++] = (struct wn_tline_ref){key, i};
	}
	qsort(*refs, *m, sizeof(**refs), wn_tline_ref_cmp);
	return WN_OK;
}

/* A comment heading other than a "Name says:" header (line i). */
static bool wn_comment_link_candidate(const struct wn_doc *doc, const struct wn_tline *t,
				      size_t i)
{
	if (t->blank || !wn_line_comments(t, doc->blocks[doc->lines[i].block].n_lines <= 2))
		return false;
	size_t l = strlen(t->lower);
	return !(l > 5 && (!strcmp(t->lower + l - 5, "says:") || !strcmp(t->lower + l - 5, "said:")));
}

/* Marks in links[] (n lines, zeroed) the comment headings that are such
 * links; alone as for wn_line_comments. */
static enum wn_err wn_text_comment_links(const struct wn_doc *doc, const struct wn_tline *tl,
					 bool *links)
{
	struct wn_tline_ref *refs;
	size_t m;
	enum wn_err err = wn_text_shape_refs(doc, tl, wn_comment_link_candidate, &refs, &m);
	if (err)
		return err;
	for (size_t a = 0, b; a < m; a = b) {
		b = wn_tline_ref_run(refs, m, a);
		for (size_t k = a; b - a >= WN_COMMENT_LINKS && k < b; k++)
			links[refs[k].i] = true;
	}
	return WN_OK;
}

/* A reply form's heading under a discussion ("Your Answer", "Join the
 * conversation", "You must log in or register to reply here."): the
 * thread ends there, and what follows -- the form, the site's lists of
 * other threads -- is not its content.  Said on the page WN_REPEATS
 * times or more ("Log in to reply" under every comment), it is each
 * post's control instead. */
static bool wn_line_reply_form(const struct wn_tline *t)
{
	static const char *const form[] = {
		"your answer", "join the conversation", "create an account or sign in to comment",
		"you must log in or register to reply here.", "post a reply", "post reply",
		"reply to this topic", "log in to reply", "sign in to reply"};
	for (size_t k = 0; !t->blank && t->copies < WN_REPEATS && k < sizeof(form) / sizeof(form[0]);
	     k++)
		if (!strcmp(t->lower, form[k]))
			return true;
	return false;
}

/* Drops everything from the first comment-section heading that follows
 * some body text (a "Comments" menu item above the article must not
 * count): comments come after the article, and read like body text.  A
 * noise-section heading ("Most read", "Читайте также") after the body
 * ends the article the same way; before the body it goes with the
 * teasers under it, up to the next body-like line.  A discussion thread
 * (thread) has no comment section: its replies are the content. */
static enum wn_err wn_text_comments(struct wn_doc *doc, struct wn_tline *tl, bool thread)
{
	size_t n = doc->n_lines, i = 0, body = 0;
	bool *links = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*links));
	enum wn_err err = links ? wn_text_comment_links(doc, tl, links) : WN_ERR_NOMEM;
	/* Name boxes of any kind, and the body-like characters from each
	 * line to the end. */
	size_t boxes = 0, *rest = wn_arena_calloc(doc->arena, n + 1, sizeof(*rest));
	if (!rest)
		return WN_ERR_NOMEM;
	for (size_t k = n; k-- > 0;) {
		boxes += wn_text_name_box(tl, n, k, false);
		rest[k] = rest[k + 1] + (!tl[k].blank && tl[k].sentence && tl[k].chars >= WN_BODY_CHARS ?
						 tl[k].chars : 0);
	}
	for (; i < n && !err; i++) {
		const char *why = doc->lines[i].removed_by;
		if (tl[i].blank)
			continue;
		if (body >= WN_COMMENTS_AFTER && wn_line_reply_form(&tl[i]))
			break;
		if (!thread && body >= WN_COMMENTS_AFTER &&
		    ((!links[i] && wn_line_comments(&tl[i], doc->blocks[doc->lines[i].block].n_lines <= 2)) ||
		     wn_text_says_header(tl, n, i) || wn_line_bio(&tl[i]) || wn_line_feedback(&tl[i]) ||
		     (body >= WN_ABOUT_AFTER &&
		      (wn_text_about_box(tl, n, i) ||
		       (boxes == 1 && rest[i] < body && wn_text_name_box(tl, n, i, true))))))
			break;
		int noise = wn_line_noise_header(&tl[i]);
		if (noise == 2) {
			err = wn_drop(doc, i, "noise_link", 1);
			continue;
		}
		if (noise == 1) {
			tl[i].wall = true;
			err = wn_drop(doc, i, "noise_header", 1);
			for (size_t k = i + 1; k < n && !err; k++) {
				if (tl[k].blank)
					continue;
				if (tl[k].sentence && tl[k].chars >= WN_BODY_CHARS)
					break;
				err = wn_drop(doc, k, "noise_header", (double)(k - i));
			}
			continue;
		}
		if (!why && tl[i].sentence && tl[i].chars >= WN_BODY_CHARS)
			body += tl[i].chars;
	}
	for (size_t k = i; k < n && !err; k++)
		if (!tl[k].blank)
			err = wn_drop(doc, k, "comments", (double)(k - i));
	return err;
}

/* A teaser record is a head of WN_TEASER_HEAD_MIN to WN_TEASER_HEAD_MAX
 * lines that are not prose (a kicker, a headline, a source or date line;
 * kept, or removed only as part of a menu run) and then one body-like
 * summary; from WN_TEASER_RUN such records in a row on, the summaries are
 * other pages' teasers ("More from Digg", a site's cards under the
 * article).  An article's paragraphs follow each other, and a heading
 * heads several of them.  Only after an article: at least
 * WN_TEASER_AFTER characters of article prose (paragraphs that follow a
 * paragraph or a single heading), and more than the run holds, stand
 * before the run.  A listing, an events calendar or a listicle
 * whose every item is a headline, a credit and one paragraph is made of
 * such records from the top, and they are the page.  A line leading
 * into a list or code (wn_line_intro) is no record's head line. */
#define WN_TEASER_HEAD_MIN 3
#define WN_TEASER_HEAD_MAX 3
#define WN_TEASER_RUN 3
#define WN_TEASER_AFTER 1000

/* Line i is a repeated bar of links ("Whatsapp Facebook Pin Download"):
 * four or more words, so neither an invisible spacer that a page repeats
 * between its own paragraphs nor a "Learn more" under each of a product
 * page's features. */
#define WN_BAR_WORDS 4

static bool wn_line_template_bar(const struct wn_doc *doc, const struct wn_tline *tl, size_t i)
{
	const char *why = doc->lines[i].removed_by;
	return why && strstr(why, "repeated") && tl[i].words >= WN_BAR_WORDS;
}

/* A sentence of WN_BLURB_WORDS words or more that reads as a phrase and
 * ends in a colon leads into the article's own list or code ("We load
 * the table with a small helper:"), whose lines the scraper may have
 * left out: no teaser's headline or kicker ends so. */
static bool wn_line_intro(const struct wn_tline *t)
{
	return !t->blank && t->words >= WN_BLURB_WORDS && t->s[t->len - 1] == ':' &&
	       wn_line_lower_words(t) * 2 >= t->words;
}

static void wn_text_teasers(const struct wn_doc *doc, struct wn_tline *tl)
{
	size_t n = doc->n_lines, run = 0, run_start = 0, head = 0;
	size_t before = 0, run_chars = 0; /* prose before the run, body text in it */
	for (size_t i = 0; i <= n; i++) {
		bool end = i == n;
		if (!end && tl[i].blank)
			continue;
		const char *why = end ? NULL : doc->lines[i].removed_by;
		if (!end && !why && wn_line_intro(&tl[i]) && wn_line_score(&tl[i]) < WN_BODY_CHARS)
			continue;
		if (!end && (why || wn_line_score(&tl[i]) < WN_BODY_CHARS)) {
			/* Template lines (a share bar, "View this post on
			 * Instagram") may stand anywhere: only what a
			 * reader sees as the record's own lines counts. */
			head += !why || strstr(why, "menu_run");
			continue;
		}
		if (!end && head >= WN_TEASER_HEAD_MIN && head <= WN_TEASER_HEAD_MAX) {
			if (!run++)
				run_start = i;
			run_chars += tl[i].chars;
			head = 0;
			continue;
		}
		bool teasers = run >= WN_TEASER_RUN && before >= WN_TEASER_AFTER &&
			       before > run_chars;
		for (size_t k = run_start; teasers && k < i; k++)
			if (!tl[k].blank && !doc->lines[k].removed_by &&
			    wn_line_score(&tl[k]) >= WN_BODY_CHARS)
				tl[k].teaser = true;
		/* Article prose: a paragraph after a paragraph or under one
		 * heading.  A listing's records never count. */
		if (!end && head <= 1)
			before += tl[i].chars;
		run = 0;
		run_chars = 0;
		head = 0;
	}
	/* Cards whose headline is glued to the summary need no head: three
	 * such lines among the body-like ones in a row are a teaser run
	 * wherever they stand. */
	run = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && (tl[i].blank || doc->lines[i].removed_by ||
			      wn_line_score(&tl[i]) < WN_BODY_CHARS))
			continue;
		if (i < n && tl[i].glued) {
			if (!run++)
				run_start = i;
			continue;
		}
		for (size_t k = run_start; run >= WN_TEASER_RUN && k < i; k++)
			if (tl[k].glued && !doc->lines[k].removed_by)
				tl[k].teaser = true;
		run = 0;
	}
	/* Cards between copies of one template line (a share bar under
	 * every teaser): three or more body-like lines in a row, each with
	 * the same repeated line just before and just after it. */
	run = 0;
	for (size_t i = 0, prev = n; i <= n; i++) {
		if (i < n && (tl[i].blank || doc->lines[i].removed_by ||
			      wn_line_score(&tl[i]) < WN_BODY_CHARS)) {
			if (i < n && !tl[i].blank)
				prev = i;
			continue;
		}
		size_t next = i + 1;
		while (next < n && tl[next].blank)
			next++;
		if (i < n && prev < n && next < n && wn_line_template_bar(doc, tl, prev) &&
		    !strcmp(tl[prev].lower, tl[next].lower)) {
			if (!run++)
				run_start = i;
			prev = i;
			continue;
		}
		for (size_t k = run_start; run >= WN_TEASER_RUN && k < i; k++)
			if (!tl[k].blank && !doc->lines[k].removed_by &&
			    wn_line_score(&tl[k]) >= WN_BODY_CHARS)
				tl[k].teaser = true;
		run = 0;
		prev = i;
	}
}

/* Crossing a noise-section heading costs as much as this many characters
 * of body (an inline "Related" box inside a long article is crossed, the
 * teasers after a short one are not); a date or byline alone after the
 * body has begun (teaser records) this much. */
#define WN_WALL_PENALTY 180.0
#define WN_META_PENALTY 80.0
/* A region of fewer words than this, and under a tenth of the page, is
 * not an article. */
#define WN_ARTICLE_WORDS 80
/* On a page that is not an article, a menu run whose lines average fewer
 * words than this is the site's menu of one-word links ("Home", "News",
 * "Sport"); longer ones are its items ("Model HD 100", "Air Fryer
 * Recipes") and come back. */
#define WN_LINK_WORDS 2.0

/* Removed lines cost nothing in a short stretch (a share bar, a credit
 * inside the article); from the WN_GAP_LINES-th removed line in a row on,
 * each costs WN_GAP_PENALTY: a long menu or footer between the article and
 * a block of teasers is a boundary. */
#define WN_GAP_LINES 6
#define WN_GAP_PENALTY 10.0
/* When at least this share of the page's body text stands one paragraph
 * per block (the scraper put a blank line between paragraphs), body-like
 * lines in blocks of WN_PACKED_LINES or more lines count this much: they
 * are teaser records (headline, byline, summary) or comments packed
 * together, not the article's paragraphs. */
#define WN_SPACED_SHARE 0.6
/* So does this much body text one paragraph per block, whatever the
 * share: a long teaser block must not hide the article's spacing. */
#define WN_SPACED_CHARS 2500
#define WN_PACKED_LINES 3
#define WN_PACKED_WEIGHT 0.25

/* True when the page's body-like text stands one paragraph per block. */
static bool wn_text_spaced(const struct wn_doc *doc, const struct wn_tline *tl)
{
	size_t alone = 0, body = 0;
	for (size_t i = 0; i < doc->n_lines; i++) {
		if (tl[i].blank || doc->lines[i].removed_by ||
		    wn_line_score(&tl[i]) < WN_BODY_CHARS)
			continue;
		body += tl[i].chars;
		if (tl[i].block_lines == 1)
			alone += tl[i].chars;
	}
	return body && ((double)alone >= WN_SPACED_SHARE * (double)body || alone >= WN_SPACED_CHARS);
}

/* True when a copyright line stands between lines a and b: the page's
 * foot, under which no headline stands (a site's slogan there, "The #1
 * insurance website", named by a one-word slug, is no article's). */
static bool wn_text_foot_between(const struct wn_doc *doc, size_t a, size_t b)
{
	for (size_t i = a + 1; i < b; i++)
		if (doc->lines[i].removed_by && strstr(doc->lines[i].removed_by, "copyright"))
			return true;
	return false;
}

/* A stretch inside the best run that costs this much (a page's menus,
 * footers and sign-up forms between the article and a block of legal
 * text or "About us" prose far below) splits it: only the stronger side
 * is the article.  A side below a copyright line in the stretch is the
 * page's foot (the site's disclosures: "Some policies are underwritten
 * by ...", long lines of legal prose) and counts WN_FOOT_WEIGHT of its
 * score. */
#define WN_VALLEY 600.0
#define WN_FOOT_WEIGHT 0.25

/* True when line i is the site's own copyright line: dropped as one,
 * opening with the mark ("©", "Copyright", "(c)") and naming a year or
 * reserving all rights, "© 2025 Acme, Inc." -- not a figure's credit
 * ("Cakes, 1963 ... All rights reserved, DACS 2024.", "© A.M. Best
 * Company, Inc. -- used by permission"); a year or a range
 * (WN_SITE_COPYRIGHT_YEARS), where a program's licence notice names each
 * year of its releases ("Copyright 1998-2000, 2002, 2005-2026 Free
 * Software Foundation") over the rest of its manual; the year within
 * WN_SITE_COPYRIGHT_SPAN bytes of the line's start ("© Artlyst 2025",
 * "Copyright © 2006-2025 ..."), where a photo's caption under its
 * credit dates the scene ("© Lucy Nicholson Detainees at ... on May 18,
 * 2018."). */
#define WN_SITE_COPYRIGHT_YEARS 2
#define WN_SITE_COPYRIGHT_SPAN 32

static bool wn_text_site_copyright(const struct wn_doc *doc, const struct wn_tline *tl, size_t i)
{
	const char *s = tl[i].lower;
	if (!doc->lines[i].removed_by || !strstr(doc->lines[i].removed_by, "copyright") ||
	    (strncmp(s, "\xC2\xA9", 2) && strncmp(s, "copyright", 9) && strncmp(s, "(c)", 3)))
		return false;
	size_t years = 0;
	for (const char *end = s + WN_SITE_COPYRIGHT_SPAN; *s && s < end; s++)
		if ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0'))
			years += isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
				 !isdigit((unsigned char)s[4]) && (s == tl[i].lower || !isdigit((unsigned char)s[-1]));
	if (years > WN_SITE_COPYRIGHT_YEARS)
		return false;
	return years || wn_extract_has_any(tl[i].lower, wn_copyright, sizeof(wn_copyright) / sizeof(wn_copyright[0]));
}

/* Ends [*a, *b] above the first site's copyright line inside it when
 * WN_VALLEY of score stands above that line: a shop's footer is short and
 * cheap, so no valley parts the product from the privacy policy and terms
 * a scraper saves from the footer's modals under the copyright line. */
static void wn_text_foot_cut(const struct wn_doc *doc, const struct wn_tline *tl, const double *score, size_t *a,
			     size_t *b)
{
	size_t c = *a + 1;
	while (c < *b && !wn_text_site_copyright(doc, tl, c))
		c++;
	if (c >= *b)
		return;
	double above = 0;
	for (size_t i = *a; i < c; i++)
		above += score[i];
	if (above >= WN_VALLEY)
		*b = c - 1;
}

/* Narrows [*a, *b] at its deepest valley while that costs WN_VALLEY or
 * more, keeping the side of more score. */
static void wn_text_valley(const struct wn_doc *doc, const struct wn_tline *tl, const double *score, size_t *a,
			   size_t *b)
{
	while (*a < *b) {
		/* Deepest drop from a running peak: the peak's line, the
		 * trough's line and the drop. */
		double sum = 0, peak = 0, drop = 0;
		size_t peak_i = *a, cut_l = *a, cut_r = *a;
		for (size_t i = *a; i <= *b; i++) {
			sum += score[i];
			if (sum > peak) {
				peak = sum;
				peak_i = i;
			} else if (peak - sum > drop) {
				drop = peak - sum;
				cut_l = peak_i;
				cut_r = i;
			}
		}
		if (drop < WN_VALLEY)
			break;
		double left = 0, right = 0;
		for (size_t i = *a; i <= cut_l; i++)
			left += score[i];
		for (size_t i = cut_r + 1; i <= *b; i++)
			right += score[i];
		if (wn_text_foot_between(doc, cut_l, *b + 1))
			right *= WN_FOOT_WEIGHT;
		if (left >= right)
			*b = cut_l;
		else
			*a = cut_r + 1;
	}
	wn_text_foot_cut(doc, tl, score, a, b);
}

/* The run through the first paragraph under the page's headline (the
 * line the URL's slug names) gains this much: an article starts right
 * under its headline, with a byline or a date between.  Lines within
 * WN_LEAD_LINES non-blank lines of the headline are looked at. */
#define WN_HEADLINE_BONUS 3000.0
#define WN_LEAD_LINES 6

/* True when line i is kept and body-like. */
static bool wn_line_prose(const struct wn_doc *doc, const struct wn_tline *tl, size_t i)
{
	return !tl[i].blank && !doc->lines[i].removed_by && wn_line_score(&tl[i]) >= WN_BODY_CHARS;
}

/* True when line t is a byline or a date: alone (meta), or a byline
 * that runs on ("By BILL HOPPE | Special to the Pioneer Press"). */
static bool wn_line_dateline(const struct wn_tline *t)
{
	return t->meta || (!t->blank && !t->sentence && wn_extract_byline_prefix(t->lower));
}

/* The first paragraph under the headline line h (n for none): within
 * WN_LEAD_LINES non-blank lines after h, the first kept body-like line
 * after the last byline or date among them (a standfirst or a caption
 * comes before them, the article after), when h itself is
 * headline-shaped rather than prose, and not page furniture.  The
 * headline said again (a breadcrumb, then the heading) counts from its
 * last copy. */
static size_t wn_text_lead(const struct wn_doc *doc, const struct wn_tline *tl, size_t h)
{
	size_t n = doc->n_lines, lead = n;
	const char *why = h < n ? doc->lines[h].removed_by : NULL;
	if (h >= n || tl[h].blank || wn_line_score(&tl[h]) >= WN_BODY_CHARS ||
	    (why && !strstr(why, "menu_run") && !strstr(why, "repeated")))
		return n;
	for (size_t i = h + 1, seen = 0; i < n && seen < WN_LEAD_LINES; i++) {
		if (tl[i].blank)
			continue;
		seen++;
		if (lead == n && !strcmp(tl[i].lower, tl[h].lower))
			seen = 0;
		else if (wn_line_dateline(&tl[i]))
			lead = n;
		else if (lead == n && wn_line_prose(doc, tl, i))
			lead = i;
	}
	return lead;
}

/* A shop's product description: on a page that shows a price, the first
 * kept body-like line within WN_DESCRIPTION_LINES non-blank lines under
 * a description heading ("Description", "Product details", "About this
 * item" ...); n when there is none.  Reviews and a modal's or a
 * banner's text can outscore a product's one paragraph. */
#define WN_DESCRIPTION_LINES 3

static size_t wn_text_description(const struct wn_doc *doc, const struct wn_tline *tl)
{
	size_t n = doc->n_lines, i = 0;
	while (i < n && !tl[i].price)
		i++;
	if (i == n)
		return n;
	for (i = 0; i < n; i++) {
		if (tl[i].blank || tl[i].chars > 40 || tl[i].copies > 2 ||
		    !wn_extract_is_description_heading(tl[i].lower))
			continue;
		for (size_t j = i + 1, seen = 0; j < n && seen < WN_DESCRIPTION_LINES; j++) {
			if (tl[j].blank)
				continue;
			seen++;
			if (wn_line_prose(doc, tl, j))
				return j;
		}
	}
	return n;
}

/* The best run [*a, *b] of non-blank lines by line score s (Kadane),
 * with bonus added at line bonus_at (n for none), then narrowed at its
 * deepest valleys of score (s with each penalty capped, see
 * wn_text_valley).  *a = *b = n when no run scores above 0. */
static void wn_text_best(const struct wn_doc *doc, const struct wn_tline *tl, size_t n, const double *s, double *score,
			 size_t bonus_at, double bonus, size_t *a, size_t *b)
{
	size_t from = n;
	double best = 0, cur = 0;
	*a = *b = n;
	if (bonus_at < n)
		score[bonus_at] += bonus;
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank)
			continue;
		if (cur <= 0) {
			cur = 0;
			from = i;
		}
		cur += s[i] + (i == bonus_at ? bonus : 0);
		if (cur > best) {
			best = cur;
			*a = from;
			*b = i;
		}
	}
	wn_text_valley(doc, tl, score, a, b);
	if (bonus_at < n)
		score[bonus_at] -= bonus;
}

/* A menu-shaped run inside the body, between two body-like lines, whose
 * lines average this many words or more is a list of the article's
 * (items that are phrases: "Fingerboard radius: 241 mm", "Tailored
 * advice for your business"), not a menu of one- or two-word links --
 * unless it holds a date or byline: a post's or a card's header.  So is
 * one between two kept lines of any kind (a heading over it, "Cons", a
 * spec line under it; a heading cut only for repeating counts as kept:
 * a review's "Pros:" and "Cons:" over every product's lists), neither
 * of them the body's first or last line,
 * when fewer than half its lines are a link list's: a line the page
 * says elsewhere too (menus repeat) or a headline of WN_HEADLINE_WORDS
 * words or more in title case ("11 Weird Things People Have Swallowed";
 * a review's product names are shorter). */
#define WN_ITEM_WORDS 3.0
#define WN_HEADLINE_WORDS 6

/* The end (one past its last line, at most last + 1) of the run of
 * lines a menu run removed that starts at line i (i when none does);
 * its words in *words, in *meta whether it holds a date or byline, and
 * in *links how many of its lines are a link list's (said elsewhere on
 * the page, or a title-case headline). */
static size_t wn_text_menu_run(const struct wn_doc *doc, const struct wn_tline *tl, size_t i,
			       size_t last, size_t *words, bool *meta, size_t *links)
{
	size_t j = i;
	*words = 0;
	*meta = false;
	*links = 0;
	for (; j <= last && !tl[j].blank && doc->lines[j].removed_by &&
	       strstr(doc->lines[j].removed_by, "menu_run"); j++) {
		*words += tl[j].words;
		*meta |= wn_line_dateline(&tl[j]);
		*links += tl[j].copies > 1 ||
			  (tl[j].words >= WN_HEADLINE_WORDS && !wn_line_phrase(&tl[j]));
	}
	return j;
}

/* Undoes the menu-run removal of such lists between lines a and b (the
 * body region), and of a run that holds a line of code next to a line
 * that looks like code (wn_line_code: a statement, or a sentence naming
 * a call, "set function to min()"): a documentation page's example cut
 * in pieces, whose lines wn_line_in_code only takes in pairs. */
static void wn_text_item_runs(struct wn_doc *doc, const struct wn_tline *tl, size_t a, size_t b)
{
	for (size_t i = a, j, words, links; i <= b && i < doc->n_lines; i = j > i ? j : i + 1) {
		bool meta;
		j = wn_text_menu_run(doc, tl, i, b, &words, &meta, &links);
		if (j == i)
			continue;
		size_t prev = i, next = j;
		while (prev-- > a && tl[prev].blank)
			;
		while (next < b && tl[next].blank)
			next++;
		bool code = false;
		for (size_t k = i; k < j; k++)
			code |= wn_line_code(&tl[k]);
		if (code && ((prev < i && prev >= a && wn_line_code(&tl[prev])) ||
			     (next >= j && next <= b && wn_line_code(&tl[next])))) {
			for (size_t k = i; k < j; k++)
				doc->lines[k].removed_by = NULL;
			continue;
		}
		/* Why the neighbours went, if they did. */
		const char *pw = prev < i && prev >= a ? doc->lines[prev].removed_by : NULL;
		const char *nw = next <= b ? doc->lines[next].removed_by : NULL;
		if (!meta && prev < i && prev >= a && next <= b && (!pw || strstr(pw, "repeated")) &&
		    (!nw || strstr(nw, "repeated")) &&
		    ((wn_line_prose(doc, tl, prev) && wn_line_prose(doc, tl, next)) ||
		     (2 * links < j - i && prev > a && next < b)) &&
		    (double)words >= WN_ITEM_WORDS * (double)(j - i))
			for (size_t k = i; k < j; k++)
				doc->lines[k].removed_by = NULL;
	}
}

/* A listing's records -- a recipe's title and "84 reviews / 5 average",
 * a product's name and price, a story's headline and "5 hours ago" --
 * each hold a short line with a number whose shape (wn_line_shape) the
 * other records repeat.  From WN_RECORD_MIN such lines on, each within
 * reach of the next, the lines from one to the next (and as many before
 * the first: its record's head) are records.  The reach is
 * WN_RECORD_NEAR non-blank lines, and WN_RECORD_GAP when fewer than half
 * the lines between are such lines themselves: a shop's tile may list a
 * spec per line (drop, cushioning, support, width: each a label and its
 * value), where an archive's "November (113)", "October (217)" ... under
 * each year are a list of counts, each line a record of its own.  In a
 * discussion thread, whose posts each carry a poster's header with a
 * number in it ("7+ Year Member") and the post between two headers, the
 * reach stays WN_RECORD_NEAR: the posts are the content, not records. */
#define WN_RECORD_MIN 4
#define WN_RECORD_NEAR 8
#define WN_RECORD_GAP 16
/* A page whose records hold more words than its body region, and whose
 * region holds fewer than this, is a listing whose records are its
 * content (an article's own text outweighs a "Most popular" list). */
#define WN_RECORD_REGION 200
/* So is a page with a longer region whose records hold WN_RECORD_OUTWEIGH
 * times its words and stand more above the region than below it: a
 * shop's grid over its category's buying guide, a ranked list over its
 * notes.  Records under a long text are items it leads to (a city page's
 * homes for sale under its description), not the page. */
#define WN_RECORD_OUTWEIGH 2

/* A short line with a number in it, not a sentence, a date or a number
 * alone: a record's line, when its shape repeats. */
static bool wn_record_candidate(const struct wn_doc *doc, const struct wn_tline *t, size_t i)
{
	(void)doc;
	(void)i;
	return !t->blank && t->chars < WN_SHORT_CHARS && !t->sentence && !t->meta && !t->number &&
	       strpbrk(t->lower, "0123456789");
}

/* Non-blank lines between record lines from and to when to is within
 * reach (WN_RECORD_GAP, or WN_RECORD_NEAR when wide is false), 0 when it
 * is not (or none lie between). */
static size_t wn_text_between(const struct wn_doc *doc, const struct wn_tline *tl, size_t from,
			      size_t to, bool wide)
{
	size_t between = 0, cands = 0, reach = wide ? WN_RECORD_GAP : WN_RECORD_NEAR;
	for (size_t i = from + 1; i < to && between <= reach; i++) {
		between += !tl[i].blank;
		cands += wn_record_candidate(doc, &tl[i], i);
	}
	if (between > reach || (between > WN_RECORD_NEAR && 2 * cands >= between))
		return 0;
	return between;
}

/* Marks the record lines in rec[] (n lines, zeroed) and counts their
 * words in *words; thread: the page is a discussion thread. */
static enum wn_err wn_text_records(const struct wn_doc *doc, const struct wn_tline *tl, bool thread,
				   bool *rec, size_t *words)
{
	struct wn_tline_ref *refs;
	size_t n = doc->n_lines, m;
	*words = 0;
	enum wn_err err = wn_text_shape_refs(doc, tl, wn_record_candidate, &refs, &m);
	if (err)
		return err;
	for (size_t a = 0, b; a < m; a = b) {
		b = wn_tline_ref_run(refs, m, a);
		if (b - a < WN_RECORD_MIN)
			continue;
		/* refs[a..b) are in line order (the sort breaks ties by index);
		 * chains of them, each within reach of the next, are records. */
		for (size_t c = a, d; c < b; c = d) {
			size_t head = 0;
			for (d = c + 1; d < b; d++) {
				size_t between = wn_text_between(doc, tl, refs[d - 1].i, refs[d].i, !thread);
				if (!between)
					break;
				if (!head)
					head = between;
			}
			if (d - c < WN_RECORD_MIN)
				continue;
			for (size_t i = refs[c].i, k = 0; i-- > 0 && k < head;) {
				k += !tl[i].blank;
				rec[i] = true;
			}
			for (size_t i = refs[c].i; i <= refs[d - 1].i; i++)
				rec[i] = true;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (rec[i] && !tl[i].blank)
			*words += tl[i].words;
	return WN_OK;
}

/* A news front page's or a blog index's records -- a headline, its
 * summary, "5 hours ago" or a byline -- repeat a date or byline alone
 * (wn_line_dateline), whatever its shape: from WN_DATED_MIN such lines
 * (two in a row count as one record's), each within reach of the next
 * as a record line is (wn_text_between: a blog index's record holds its
 * authors and a summary of a paragraph or two), the lines from one to
 * the next, and as
 * many as lie between the first two before the first or after the last
 * (wn_text_summaries), are dated records.  A short article keeps its
 * "Most read" list with time stamps beside it out (wn_text_region): the
 * page is taken for a listing on them only when they hold more than half
 * its region's words and the region holds no two paragraphs in a row
 * (wn_text_paragraphs). */
#define WN_DATED_MIN 5

/* True when line t ends as a sentence does ("... on Friday.", "... he
 * said.”"): a headline may hold a full stop ("Dancers loved this
 * walkway. Then the complaints came"), a paragraph ends with one. */
static bool wn_line_ends_sentence(const struct wn_tline *t)
{
	size_t len = t->len;
	while (len && wn_is_close_quote(t->s[len - 1]))
		len--;
	/* A closing curly quote or a CJK full stop: as wn_line_sentence says. */
	if (len && (unsigned char)t->s[len - 1] >= 0x80)
		return t->sentence;
	return len && strchr(".!?", t->s[len - 1]);
}

/* Summaries (body-like lines that end as a sentence does) among the
 * head non-blank lines next to line i, before it (back) or after it,
 * short of a date or byline: the side of a run of dated records that
 * holds one more record (its date stands first or last in each). */
static size_t wn_text_summaries(const struct wn_doc *doc, const struct wn_tline *tl, size_t i,
				bool back, size_t head)
{
	size_t found = 0, n = doc->n_lines;
	for (size_t k = i, m = 0; m < head && (back ? k-- > 0 : ++k < n);) {
		if (tl[k].blank)
			continue;
		if (wn_line_dateline(&tl[k]))
			break;
		m++;
		found += tl[k].chars >= WN_BODY_CHARS && wn_line_ends_sentence(&tl[k]);
	}
	return found;
}

/* Marks the dated record lines in dated[] (n lines, zeroed) and counts
 * their words in *words. */
static void wn_text_dated(const struct wn_doc *doc, const struct wn_tline *tl, bool *dated,
			  size_t *words)
{
	size_t n = doc->n_lines, first = n, prev = n, count = 0, head = 0;
	*words = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && (tl[i].blank || !wn_line_dateline(&tl[i])))
			continue;
		size_t between = i < n && prev < n ? wn_text_between(doc, tl, prev, i, true) : 0;
		bool next_to = i < n && prev < n && !between;
		for (size_t k = prev + 1; next_to && k < i; k++)
			next_to = tl[k].blank;
		if (next_to) {
			prev = i;
			continue;
		}
		if (i < n && prev < n && between) {
			count++;
			head = head ? head : between;
			prev = i;
			continue;
		}
		bool back = count >= WN_DATED_MIN && wn_text_summaries(doc, tl, first, true, head) >=
							     wn_text_summaries(doc, tl, prev, false, head);
		for (size_t k = first, m = 0; back && k-- > 0 && m < head;) {
			m += !tl[k].blank;
			dated[k] = true;
		}
		for (size_t k = prev, m = 0; count >= WN_DATED_MIN && !back && ++k < n && m < head;) {
			m += !tl[k].blank;
			dated[k] = true;
		}
		for (size_t k = first; count >= WN_DATED_MIN && k <= prev; k++)
			dated[k] = true;
		first = prev = i;
		count = 1;
		head = 0;
	}
	for (size_t i = 0; i < n; i++)
		if (dated[i] && !tl[i].blank)
			*words += tl[i].words;
}

/* True when lines a..b hold two kept body-like lines in a row (an
 * article's paragraphs, not a teaser's one summary under its head). */
static bool wn_text_paragraphs(const struct wn_doc *doc, const struct wn_tline *tl, size_t a,
			       size_t b)
{
	bool prev = false;
	for (size_t i = a; i <= b && i < doc->n_lines; i++) {
		if (tl[i].blank)
			continue;
		bool prose = !doc->lines[i].removed_by && tl[i].chars >= WN_BODY_CHARS &&
			     wn_line_ends_sentence(&tl[i]);
		if (prose && prev)
			return true;
		prev = prose;
	}
	return false;
}

/* On a page with too little prose for an article, a numbered list is
 * the page's own ranking (a chart's "Top 250", a link aggregator's front
 * page, a site's numbered offers), not a "Most read" box beside an
 * article: its removals are undone. */
static void wn_text_keep_numbered(struct wn_doc *doc)
{
	for (size_t i = 0; i < doc->n_lines; i++)
		if (doc->lines[i].removed_by && strstr(doc->lines[i].removed_by, "numbered_list"))
			doc->lines[i].removed_by = NULL;
}

/* On a page with too little prose for an article, whose lists are kept,
 * records mark where the content is: what stands above the first record
 * line or below the last (the site's menus, a shop's filters and sort
 * menu, the footer), outside the body region best_a..best_b, goes -- but
 * not when every line among the records went for other reasons (then
 * they mark nothing). */
static enum wn_err wn_text_records_span(struct wn_doc *doc, const struct wn_tline *tl,
					const bool *rec, size_t best_a, size_t best_b)
{
	size_t n = doc->n_lines, first = n, last = 0, span = 0;
	for (size_t i = 0; i < n; i++)
		if (rec[i]) {
			first = first < n ? first : i;
			last = i;
		}
	for (size_t i = first; i <= last && i < n; i++)
		span += !tl[i].blank && !doc->lines[i].removed_by ? tl[i].words : 0;
	enum wn_err err = WN_OK;
	for (size_t i = 0; i < n && !err && span; i++)
		if (!tl[i].blank && !doc->lines[i].removed_by && (i < first || i > last) &&
		    (best_a == n || i < best_a || i > best_b))
			err = wn_drop(doc, i, "outside_body", wn_line_score(&tl[i]));
	return err;
}

/* A table right under the body (its rows score nothing, so the best run
 * stops above it), after at most WN_TABLE_HEAD kept lines (its caption
 * or heading, "Job Training Resources"), is the body's, and so is each
 * table right under that one (a training plan's tables, one per phase,
 * each repeating its header row): the last line of the body with them
 * (b when there is none). */
#define WN_TABLE_HEAD 1

/* True when line i is a table row kept, or cut only for repeating (the
 * header row over each of a page's tables). */
static bool wn_text_row(const struct wn_doc *doc, const struct wn_tline *tl, size_t i)
{
	const char *why = doc->lines[i].removed_by;
	return tl[i].row && (!why || strstr(why, "repeated"));
}

static size_t wn_text_table_after(const struct wn_doc *doc, const struct wn_tline *tl, size_t b)
{
	size_t n = doc->n_lines;
	for (;;) {
		size_t i = b + 1, head = 0;
		for (; i < n && (tl[i].blank || (!tl[i].row && head < WN_TABLE_HEAD)); i++)
			if (!tl[i].blank) {
				if (doc->lines[i].removed_by || tl[i].wall || tl[i].meta)
					return b;
				head++;
			}
		if (i >= n || !wn_text_row(doc, tl, i))
			return b;
		for (; i < n && (tl[i].blank || wn_text_row(doc, tl, i)); i++)
			if (!tl[i].blank)
				b = i;
	}
}

/* Below the body region, a run of lines worth WN_JOIN_MIN or more (a few
 * paragraphs) joins it when the lines between cost less than the run is
 * worth -- counting a kept line of three words or more, half of them
 * lower case, as free: a checklist's items ("Research and book venue --
 * tour favorites, compare offerings"), a reading list's entries, which
 * read as phrases, not as the names and title-case headlines of menus
 * and link lists.  Kadane charges such a list the price of a menu, and
 * the article's second half beyond it went.  The join stops at a wall,
 * at a date or byline alone (the next record of a teaser list) and at
 * WN_JOIN_REMOVED removed lines in a row (a menu or a sidebar between:
 * the page's template, not the article's own list). */
#define WN_JOIN_MIN 300.0
#define WN_JOIN_REMOVED 10

/* Line i's cost in a join: its score s[i], or 0 for a phrase (kept, not
 * a teaser's summary). */
static double wn_text_join_score(const struct wn_doc *doc, const struct wn_tline *tl,
				 const double *s, size_t i)
{
	const struct wn_tline *t = &tl[i];
	if (s[i] < 0 && !doc->lines[i].removed_by && !t->teaser && !t->excerpt && t->words >= 3 &&
	    wn_line_lower_words(t) * 2 >= t->words)
		return 0;
	return s[i];
}

/* The body region's last line once the runs below line b (its last
 * line; s the line scores) that may join it have: one pass, a run
 * (Kadane) that reaches WN_JOIN_MIN with the lines since b worth more
 * than 0 joins, and carries b on while it grows.  None joins across the
 * site's copyright line (wn_text_site_copyright): the page's foot. */
static size_t wn_text_join(const struct wn_doc *doc, const struct wn_tline *tl, const double *s,
			   size_t b)
{
	double since = 0, cur = 0, peak = 0; /* lines since b; the run; its best */
	bool joined = false;
	size_t removed = 0, n = doc->n_lines;
	for (size_t i = b + 1; i < n; i++) {
		if (tl[i].blank)
			continue;
		removed = doc->lines[i].removed_by ? removed + 1 : 0;
		if (tl[i].wall || tl[i].meta || removed >= WN_JOIN_REMOVED || wn_text_site_copyright(doc, tl, i))
			break;
		double v = wn_text_join_score(doc, tl, s, i);
		if (cur <= 0) {
			cur = peak = 0;
			joined = false;
		}
		cur += v;
		since += v;
		joined |= cur >= WN_JOIN_MIN && since > 0;
		if (joined && cur > peak) {
			peak = cur;
			b = i;
			since = 0;
		}
	}
	return b;
}

/* A single product's page: its name, a line of WN_PRODUCT_MIN_WORDS
 * words or more and WN_PRODUCT_MIN_CHARS characters, named as products
 * are (under half of its words lower-case, "Harbour Brass Ship Lantern",
 * or holding a number, a model, a size or a pack: "next 3 pack ladies
 * top size 6" -- not a call to action), no sentence nor "label: value",
 * that the page says again, up to WN_PRODUCT_COPIES times (the heading,
 * then a gallery caption or "recently viewed"; a card's template line is
 * said on every card), with a price within WN_PRODUCT_NEAR non-blank
 * lines under it (wn_text_price_under).  A shop's listing names many
 * products so; a product's page names its own and a few offers beside it
 * ("people who viewed this also viewed"): up to WN_PRODUCT_NAMES names.
 * The product's is the one said most often (the first of those). */
#define WN_PRODUCT_MIN_WORDS 4
#define WN_PRODUCT_MIN_CHARS 24
#define WN_PRODUCT_COPIES 3
#define WN_PRODUCT_NEAR 8
#define WN_PRODUCT_NAMES 3

/* The first price within WN_PRODUCT_NEAR non-blank lines under line i,
 * before a date or byline (the next record's: a job board's "5 days
 * ago" over the next job's salary); n when there is none. */
static size_t wn_text_price_under(const struct wn_tline *tl, size_t n, size_t i)
{
	for (size_t j = i + 1, seen = 0; j < n && seen < WN_PRODUCT_NEAR; j++)
		if (!tl[j].blank) {
			if (tl[j].price)
				return j;
			if (tl[j].meta)
				return n;
			seen++;
		}
	return n;
}

/* The first line of a single product's name over a price; n when there
 * is none or the page names more products. */
static size_t wn_text_product(const struct wn_doc *doc, const struct wn_tline *tl)
{
	size_t n = doc->n_lines, names[WN_PRODUCT_NAMES], k = 0, best = n;
	for (size_t i = 0; i < n; i++) {
		const struct wn_tline *t = &tl[i];
		if (t->blank || t->copies < 2 || t->copies > WN_PRODUCT_COPIES || t->sentence ||
		    t->words < WN_PRODUCT_MIN_WORDS || t->chars < WN_PRODUCT_MIN_CHARS ||
		    (wn_line_lower_words(t) * 2 >= t->words && !strpbrk(t->lower, "0123456789")) ||
		    strchr(t->lower, ':') || t->price)
			continue;
		size_t price = wn_text_price_under(tl, n, i), m = 0;
		while (price < n && m < k && strcmp(tl[names[m]].lower, t->lower))
			m++;
		if (price == n || m < k)
			continue;
		if (k == WN_PRODUCT_NAMES)
			return n;
		names[k++] = i;
		if (best == n || t->copies > tl[best].copies)
			best = i;
	}
	return best;
}

/* On a single product's page (wn_text_product) with too little prose for
 * an article, the product's own block is its name and the
 * WN_PRODUCT_LINES non-blank lines under it (price, options, shipping,
 * condition, specs), up to a noise-section heading ("Similar items",
 * "Recommended accessories") or a wall; the offers around it (other
 * items, "people also viewed") and the shop's menus go.  In the block a
 * line said right under itself (a gallery's caption over the heading, a
 * price drawn twice) goes the second time. */
#define WN_PRODUCT_LINES 40

static enum wn_err wn_text_product_block(struct wn_doc *doc, const struct wn_tline *tl, size_t from)
{
	size_t n = doc->n_lines, seen = 0, prev = n; /* prev: the last line kept */
	enum wn_err err = WN_OK;
	for (size_t i = 0; i < n && !err; i++) {
		if (tl[i].blank)
			continue;
		if (i > from && (tl[i].wall || wn_extract_is_noise_heading(tl[i].lower)))
			seen = WN_PRODUCT_LINES;
		bool in = i >= from && seen < WN_PRODUCT_LINES;
		seen += i >= from;
		if (!in && !doc->lines[i].removed_by)
			err = wn_drop(doc, i, "outside_body", wn_line_score(&tl[i]));
		else if (in && prev < n && !doc->lines[i].removed_by && !strcmp(tl[prev].lower, tl[i].lower))
			err = wn_drop(doc, i, "repeated", 1);
		if (in && !doc->lines[i].removed_by)
			prev = i;
	}
	return err;
}

/* A page without an article -- a service's or a product's landing page,
 * a course page -- is headings, one-line blurbs and calls to action down
 * to its footer, and each costs in the region like a menu item, so the
 * best run held one section.  Such a page has fewer than
 * WN_SPARSE_PARAS paragraphs of WN_SPARSE_PARA_CHARS characters or more,
 * no date or byline alone in its first half (a short news story has one
 * over its body) and no product description (the shop's prior); it is
 * no discussion thread.  There a kept phrase (three words or more, half
 * of them lower case: "Instantly connect your product to 8,000+ popular
 * apps") costs WN_SPARSE_PHRASE_COST, and a short heading of at most
 * WN_SPARSE_HEADING_WORDS words half a menu item's price, so the sections
 * hold together from the first to the last. */
#define WN_SPARSE_PARAS 5
#define WN_SPARSE_PARA_CHARS 200
#define WN_SPARSE_PHRASE_COST 3.0
#define WN_SPARSE_HEADING_WORDS 6

/* True when the page (n lines, desc its product description's line or
 * n) has no article: few long paragraphs, no date or byline alone in
 * its first half, no description, no thread. */
static bool wn_text_sparse(const struct wn_doc *doc, const struct wn_tline *tl, bool thread,
			   size_t desc)
{
	size_t n = doc->n_lines, paras = 0;
	if (thread || desc < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank)
			continue;
		if (tl[i].meta && i * 2 < n)
			return false;
		paras += tl[i].sentence && tl[i].chars >= WN_SPARSE_PARA_CHARS;
	}
	return paras < WN_SPARSE_PARAS;
}

/* Score s of kept line t in the region of a page without an article
 * (wn_text_sparse): a phrase or a short heading costs less. */
static double wn_line_sparse_score(const struct wn_tline *t, double s)
{
	if (s >= 0 || t->teaser || t->excerpt || t->price)
		return s;
	if (t->words >= 3 && wn_line_lower_words(t) * 2 >= t->words)
		return -WN_SPARSE_PHRASE_COST;
	if (t->words <= WN_SPARSE_HEADING_WORDS)
		return s / 2;
	return s;
}

/* Keeps the best-scoring run of kept lines (Kadane); drops the rest.  In
 * a discussion thread a date alone heads each post: it costs nothing.
 * The page's headline (line headline, n when unknown) is a prior: when
 * the best run misses the paragraph under it and the run through that
 * paragraph, with WN_HEADLINE_BONUS, beats it, that run is the body,
 * from under the headline on, and on down to the best run when that lies
 * below -- unless it only adds that one paragraph and short lines above
 * the best run (a standfirst, a caption, an author's bio the best run
 * rightly starts after).  Runs of prose below it past a list of phrases
 * join it (wn_text_join).  Sets *start to the region's first line (n
 * when there is no body). */
static enum wn_err wn_text_region(struct wn_doc *doc, const struct wn_tline *tl, bool thread,
				  size_t headline, size_t *start)
{
	size_t n = doc->n_lines, best_a, best_b;
	size_t lead = wn_text_lead(doc, tl, headline);
	size_t gap = 0; /* removed lines in a row so far */
	bool spaced = wn_text_spaced(doc, tl);
	size_t desc = wn_text_description(doc, tl);
	bool sparse = wn_text_sparse(doc, tl, thread, desc);
	double *line_s = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*line_s));
	double *score = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*score));
	bool *packed = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*packed));
	if (!line_s || !score || !packed)
		return WN_ERR_NOMEM;
	/* packed[i]: line i's block holds body-like prose among three lines
	 * or more (a teaser's headline and summary, not a section's). */
	for (size_t i = 0, j; sparse && i < n; i = j > i ? j : i + 1) {
		bool prose = false;
		for (j = i; j < n && !tl[j].blank && doc->lines[j].block == doc->lines[i].block; j++)
			prose |= tl[j].sentence && tl[j].chars >= WN_BODY_CHARS;
		for (size_t k = i; k < j; k++)
			packed[k] = prose && tl[k].block_lines >= WN_PACKED_LINES;
	}
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank)
			continue;
		double s;
		if (tl[i].wall)
			s = -WN_WALL_PENALTY;
		else if (tl[i].meta)
			s = thread ? 0 : -WN_META_PENALTY;
		else if (doc->lines[i].removed_by && strstr(doc->lines[i].removed_by, "menu_run") &&
			 wn_line_in_code(tl, n, i))
			s = 0;
		else if (doc->lines[i].removed_by)
			s = ++gap >= WN_GAP_LINES ? -WN_GAP_PENALTY : 0;
		else if (tl[i].row)
			s = 0;
		else {
			s = wn_line_score(&tl[i]);
			/* Code and permalinked headings are the page's own
			 * text, however little they read like prose. */
			if (s < 0 && (wn_line_in_code(tl, n, i) || wn_line_permalink(&tl[i])))
				s = 0;
			if (s < 0 && tl[i].price)
				s = -WN_PRICE_COST;
			if (sparse && !(spaced && packed[i]))
				s = wn_line_sparse_score(&tl[i], s);
			if (s > 0 && spaced && tl[i].block_lines >= WN_PACKED_LINES)
				s *= WN_PACKED_WEIGHT;
		}
		if (!doc->lines[i].removed_by || tl[i].wall || tl[i].meta)
			gap = 0;
		line_s[i] = s;
		score[i] = wn_line_code(&tl[i]) ? 0 :
			   s < -WN_GAP_PENALTY && !tl[i].wall && !tl[i].meta ? -WN_GAP_PENALTY : s;
	}
	wn_text_best(doc, tl, n, line_s, score, n, 0, &best_a, &best_b);
	if (lead < n && best_a < n && lead > best_b && wn_text_foot_between(doc, best_b, lead))
		lead = n;
	if (lead < n && (best_a == n || lead < best_a || lead > best_b)) {
		size_t a, b, added = 0;
		wn_text_best(doc, tl, n, line_s, score, lead, WN_HEADLINE_BONUS, &a, &b);
		for (size_t i = a; best_a < n && i < best_a; i++)
			added += i != lead && wn_line_prose(doc, tl, i);
		/* The run reaches up from the best run to the lead (else it
		 * is elsewhere, or reaches down to it from above the
		 * headline); the best run lies wholly under it. */
		bool up = best_a < n && lead < best_a && b >= best_a;
		bool below = best_a < n && b < best_a;
		/* Taken on the headline's word, the body starts under it,
		 * and runs on to a best run further down. */
		if (a <= lead && lead <= b && (!up || added)) {
			best_a = a > headline ? a : headline + 1;
			if (!below)
				best_b = b;
		}
	}
	/* A shop's product description is a prior too: when the best run
	 * misses it (reviews, a modal's or a banner's text outscore one
	 * paragraph) and the run through it wins with the bonus, that run is
	 * the body, and the page is no listing however short it is. */
	bool described = false;
	if (desc < n && (best_a == n || desc < best_a || desc > best_b)) {
		size_t a, b;
		wn_text_best(doc, tl, n, line_s, score, desc, WN_HEADLINE_BONUS, &a, &b);
		if (a <= desc && desc <= b) {
			best_a = a;
			best_b = b;
			described = true;
		}
	}
	/* The product's details under it, a block that opens with another
	 * description heading right under the body ("Details" / "Fit" /
	 * "Regular" / "Fabric" / "100% cotton": a label over each value,
	 * menu-shaped), are the product's too. */
	bool holds = desc < n && best_a <= desc && desc <= best_b;
	for (size_t k = best_b + 1, seen = 0; holds && k < n && seen < 2; k++) {
		if (tl[k].blank)
			continue;
		if (tl[k].chars > 40 || !wn_extract_is_description_heading(tl[k].lower)) {
			seen++;
			continue;
		}
		int32_t blk = doc->lines[k].block;
		for (size_t j = k; j < n && !tl[j].blank && doc->lines[j].block == blk; j++) {
			const char *why = doc->lines[j].removed_by;
			if (why && strstr(why, "menu_run"))
				doc->lines[j].removed_by = NULL;
			best_b = j;
		}
		break;
	}
	if (best_a < n)
		best_b = wn_text_table_after(doc, tl, wn_text_join(doc, tl, line_s, best_b));
	*start = best_a;
	size_t words = 0, region = 0;
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank)
			continue;
		words += tl[i].words;
		if (i >= best_a && i <= best_b && !doc->lines[i].removed_by)
			region += tl[i].words;
	}
	bool *rec = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*rec));
	size_t rec_words;
	if (!rec || wn_text_records(doc, tl, thread, rec, &rec_words))
		return WN_ERR_NOMEM;
	/* Too little prose for an article: a listing, shop or forum page,
	 * whose content is its lists.  Keep what the line classes left
	 * (within its records, when it has some; a single product's block on
	 * its page) -- unless the body is a product's description. */
	if (region < WN_ARTICLE_WORDS && region * 10 < words && !described) {
		for (size_t i = 0, j, w, links; i < n; i = j > i ? j : i + 1) {
			bool meta;
			j = wn_text_menu_run(doc, tl, i, n - 1, &w, &meta, &links);
			if ((double)w >= WN_LINK_WORDS * (double)(j - i))
				for (size_t k = i; k < j; k++)
					doc->lines[k].removed_by = NULL;
		}
		wn_text_keep_numbered(doc);
		size_t product = wn_text_product(doc, tl);
		if (product < n)
			return wn_text_product_block(doc, tl, product);
		return wn_text_records_span(doc, tl, rec, best_a, best_b);
	}
	size_t rec_above = 0, rec_below = 0;
	for (size_t i = 0; i < n && best_a < n; i++)
		if (rec[i] && !tl[i].blank && (i < best_a || i > best_b))
			*(i < best_a ? &rec_above : &rec_below) += tl[i].words;
	bool listing = rec_words > region &&
		       (region < WN_RECORD_REGION ||
			(rec_words > WN_RECORD_OUTWEIGH * region && rec_above > rec_below));
	bool *dated = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*dated));
	size_t dated_words;
	if (!dated)
		return WN_ERR_NOMEM;
	wn_text_dated(doc, tl, dated, &dated_words);
	if (!listing && !thread && best_a < n && 2 * dated_words > region &&
	    !wn_text_paragraphs(doc, tl, best_a, best_b)) {
		listing = true;
		for (size_t i = 0; i < n; i++)
			rec[i] |= dated[i];
	}
	/* Their menu-run removals are undone -- not under a noise-section
	 * heading (up to the next body-like line) nor past the comment cut,
	 * where a menu run's lines keep their first reason. */
	for (size_t i = 0, walled = 0; listing && i < n; i++) {
		const char *why = doc->lines[i].removed_by;
		if (tl[i].blank)
			continue;
		if (why && strstr(why, "heuristic comments"))
			break;
		if (tl[i].wall)
			walled = 1;
		else if (tl[i].sentence && tl[i].chars >= WN_BODY_CHARS)
			walled = 0;
		if (rec[i] && !walled && why && strstr(why, "menu_run"))
			doc->lines[i].removed_by = NULL;
	}
	if (best_a == n && !listing)
		return WN_OK;
	/* A list introduced by a line ending in a colon ("The update
	 * brings:") inside the body is the article's, however menu-like its
	 * items; so is a code block, and a table's header row that each of
	 * the article's tables repeats. */
	for (size_t i = best_a, intro = 0; i <= best_b && i < n; i++) {
		const char *why = doc->lines[i].removed_by;
		if (tl[i].blank)
			continue;
		if (why && wn_text_row(doc, tl, i)) {
			doc->lines[i].removed_by = NULL;
			continue;
		}
		if (why && strstr(why, "menu_run")) {
			if (intro || wn_line_in_code(tl, n, i))
				doc->lines[i].removed_by = NULL;
			continue;
		}
		intro = !why && tl[i].s[tl[i].len - 1] == ':';
	}
	wn_text_item_runs(doc, tl, best_a, best_b);
	enum wn_err err = WN_OK;
	for (size_t i = 0; i < n && !err; i++)
		if (!tl[i].blank && (i < best_a || i > best_b) && !(listing && rec[i]))
			err = wn_drop(doc, i, "outside_body", wn_line_score(&tl[i]));
		else if (tl[i].meta)
			err = wn_drop(doc, i, "metadata", 1);
	return err;
}

/* A stretch of the page drawn twice (an article's text again under it,
 * a carousel's slides, a post shown again in a "best answer" box) says
 * nothing new the second time: from WN_DUP_LINES paragraphs in a row
 * that repeat, in the same order, the lines of an earlier stretch, the
 * later copy's paragraphs go; so does a lone paragraph the page says
 * exactly twice (a blurb shown in two places, a post quoted in a reply).
 * One paragraph said again and again amid others (an interviewer's
 * question to each guest, a webcam's credit under each image), or said
 * twice inside a stretch that then goes its own way (a meal plan's
 * recipe on two days), stays; a card drawn twice does not: a stretch of
 * at most WN_DUP_CARD lines (labels, a heading, one paragraph) whose one
 * paragraph the page says exactly twice goes the second time (a
 * carousel's slides, an author's bio shown twice).  It runs on what
 * the body region kept, so a copy never moves the region, and a
 * paragraph goes only when its first copy was kept too: the first on
 * the page, not the one the stretch lines up with, which went itself
 * when a post is quoted in two replies (the second quote lines up with
 * the first). */
#define WN_DUP_LINES 2
#define WN_DUP_CARD 4 /* lines of a card drawn twice: a meal plan's day is longer */

static enum wn_err wn_text_duplicates(struct wn_doc *doc, const struct wn_tline *tl)
{
	size_t n = doc->n_lines, m = 0, k = 0;
	/* Over the m non-blank lines, numbered by position: at[k] is the k-th
	 * one's line index, first[k] the position of the first line with its
	 * text and copies[first[k]] how many lines have it; pos[] maps a line
	 * index back to its position; refs sorts the lines by text. */
	struct wn_tline_ref *refs = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(*refs));
	size_t *first = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(*first));
	size_t *copies = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(*copies));
	size_t *at = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(*at));
	size_t *pos = wn_arena_alloc(doc->arena, (n ? n : 1) * sizeof(*pos));
	if (!refs || !first || !copies || !at || !pos)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (!tl[i].blank) {
			pos[i] = m;
			at[m] = i;
			refs[m++] = (struct wn_tline_ref){tl[i].lower, i};
		}
	qsort(refs, m, sizeof(*refs), wn_tline_ref_cmp);
	for (size_t a = 0, b; a < m; a = b) {
		b = wn_tline_ref_run(refs, m, a);
		copies[pos[refs[a].i]] = b - a;
		for (size_t c = a; c < b; c++)
			first[pos[refs[c].i]] = pos[refs[a].i];
	}
	enum wn_err err = WN_OK;
	for (; k < m && !err;) {
		size_t f = first[k], len = 0, prose = 0;
		if (f == k) {
			k++;
			continue;
		}
		/* Lines k.. repeat lines f.. while each has the same text;
		 * only paragraphs kept here and in their first copy count (the
		 * first copy cut as a teaser leaves the second the only one).
		 * twice: those of them the page says exactly twice; lo and hi:
		 * the copy's first and last of them. */
		size_t twice = 0, lo = m, hi = 0;
		for (; k + len < m && f + len < k && first[k + len] == first[f + len]; len++)
			if (wn_line_prose(doc, tl, at[k + len]) && wn_line_prose(doc, tl, at[first[f + len]])) {
				prose++;
				twice += copies[first[f + len]] == 2;
				lo = lo < m ? lo : k + len;
				hi = k + len;
			}
		bool drop = prose >= WN_DUP_LINES || (len == 1 && copies[f] == 2) ||
			    (prose == 1 && twice == 1 && len <= WN_DUP_CARD);
		/* A stretch drawn twice takes its short lines between its
		 * paragraphs along (a plan's list of features). */
		bool stretch = prose >= WN_DUP_LINES;
		for (size_t j = k; drop && j < k + len && !err; j++)
			if ((wn_line_prose(doc, tl, at[j]) && wn_line_prose(doc, tl, at[first[j]])) ||
			    (stretch && j > lo && j < hi && !doc->lines[at[j]].removed_by &&
			     !doc->lines[at[f + j - k]].removed_by))
				err = wn_drop(doc, at[j], "duplicate", (double)len);
		k += len;
	}
	return err;
}

/* The standfirst: a sentence or two under the headline (line headline,
 * n when unknown) and before the byline or date, "Europa's plumes appear
 * to be real, but very sporadic." -- the article's summary, which the
 * page shows like the headline.  At most WN_STANDFIRST_LINES kept prose
 * lines right under the headline go when a byline or date follows them
 * and the article's prose follows that within WN_STANDFIRST_LINES
 * kept lines (a removed tag list between counts nothing): a byline
 * further down is a teaser's. */
#define WN_STANDFIRST_LINES 3

static enum wn_err wn_text_standfirst(struct wn_doc *doc, const struct wn_tline *tl,
				      size_t headline)
{
	size_t n = doc->n_lines, i = headline + 1, prose = 0, seen = 0;
	if (headline >= n || tl[headline].blank || wn_line_score(&tl[headline]) >= WN_BODY_CHARS)
		return WN_OK;
	for (; i < n && seen <= WN_STANDFIRST_LINES; i++) {
		if (tl[i].blank)
			continue;
		seen++;
		if (wn_line_dateline(&tl[i]))
			break;
		prose += wn_line_prose(doc, tl, i);
	}
	if (!prose || i >= n || seen > WN_STANDFIRST_LINES)
		return WN_OK;
	size_t k = i + 1;
	for (seen = 0; k < n && seen < WN_STANDFIRST_LINES; k++) {
		if (tl[k].blank || wn_line_dateline(&tl[k]) || doc->lines[k].removed_by)
			continue;
		seen++;
		if (wn_line_prose(doc, tl, k))
			break;
	}
	if (k >= n || !wn_line_prose(doc, tl, k))
		return WN_OK;
	enum wn_err err = WN_OK;
	for (size_t j = headline + 1; j < i && !err; j++)
		if (wn_line_prose(doc, tl, j))
			err = wn_drop(doc, j, "standfirst", 1);
	return err;
}

/* A list the article's last paragraph leads into ("The band's 2020 tour
 * dates:" and a date and a venue per line) reads like a menu and costs
 * like one in the body region, which ends above it.  A line ending in a
 * colon right under the body, and the rest of its block, come back when
 * they were cut only as menu or outside the body, and none is prose (a
 * block of teasers) or longer than WN_LIST_ITEM_CHARS.  One list at
 * most comes back: the body ends once. */
#define WN_LIST_ITEM_CHARS 150

/* "Related coverage from ...:", "More from ...:", "Recommended for
 * you:": an intro that opens like a noise heading leads into links to
 * other pages, not into the article's list. */
static bool wn_line_other_pages(const struct wn_tline *t)
{
	static const char *const opens[] = {"related", "more ", "recommended", "popular",
					    "trending", "latest", "recent", "see also", "read "};
	for (size_t k = 0; k < sizeof(opens) / sizeof(opens[0]); k++)
		if (wn_extract_starts(t->lower, opens[k]))
			return true;
	return false;
}

static void wn_text_closing_list(struct wn_doc *doc, const struct wn_tline *tl)
{
	/* Only a line right under a kept one is looked at, and its scan
	 * stops at the first kept line: linear. */
	size_t n = doc->n_lines;
	bool after_kept = false;
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank)
			continue;
		bool candidate = after_kept && doc->lines[i].removed_by &&
				 tl[i].s[tl[i].len - 1] == ':' && !wn_line_other_pages(&tl[i]);
		after_kept = !doc->lines[i].removed_by;
		if (!candidate)
			continue;
		size_t end = i;
		bool list = true;
		for (size_t k = i; list && k < n && !tl[k].blank; k++) {
			const char *w = doc->lines[k].removed_by;
			list = w && (strstr(w, "outside_body") || strstr(w, "menu_run")) &&
			       !tl[k].wall && !tl[k].meta && tl[k].chars <= WN_LIST_ITEM_CHARS &&
			       !(tl[k].sentence && tl[k].chars >= WN_BODY_CHARS);
			end = k;
		}
		if (!list || end == i)
			continue;
		for (size_t k = i; k <= end; k++)
			doc->lines[k].removed_by = NULL;
		return;
	}
}

/* "Reviewed by: Name", "Contributors: Name", "Photo: Agency": a label, a
 * colon and a short value are a credit line, not a headline. */
static bool wn_line_label(const struct wn_tline *t)
{
	const char *colon = strchr(t->lower, ':');
	if (!colon || colon == t->lower || colon[1] != ' ')
		return false;
	size_t words = wn_extract_count_words(t->lower, (size_t)(colon - t->lower));
	return words <= 2 && t->words - words <= 4;
}

/* The title is looked for this many non-blank lines before the body (a
 * headline's byline, date, reading time and share buttons can take a
 * dozen); a candidate alone in its block, or on the page twice, counts
 * as this many lines nearer. */
#define WN_TITLE_WINDOW 20
#define WN_TITLE_ALONE 4.0
#define WN_TITLE_TWICE 6.0
/* A candidate with a byline or a date among the next this many non-blank
 * lines counts as WN_TITLE_OVER_META lines nearer: a headline stands over
 * its byline and dateline, a subheading or a standfirst does not. */
#define WN_TITLE_META_AFTER 3
#define WN_TITLE_OVER_META 6.0
/* A table of contents' label with more lines than this below it (to the
 * body) heads entries. */
#define WN_TITLE_TOC_ENTRIES 3

/* True when lower-cased lines a and b are the same headline: equal, or
 * one is the other with a permalink mark ("Quickstart" in a table of
 * contents, "Quickstart¶" as the documentation page's heading). */
static bool wn_title_same(const char *a, const char *b)
{
	static const char mark[] = "\xC2\xB6";
	size_t la = strlen(a), lb = strlen(b), lm = sizeof(mark) - 1;
	if (la == lb)
		return !memcmp(a, b, la);
	if (la < lb) {
		const char *t = a;
		a = b;
		b = t;
		size_t tl = la;
		la = lb;
		lb = tl;
	}
	return la == lb + lm && !memcmp(a, b, lb) && !memcmp(a + lb, mark, lm);
}

/* True when lower-cased line c is a breadcrumb trail ending in the
 * headline h ("home » blog » harbour wall restored"): h stands after
 * "»", "›", ">" or "/" and spaces at c's end. */
static bool wn_title_crumb_end(const char *c, const char *h)
{
	size_t lc = strlen(c), lh = strlen(h);
	if (lc <= lh || memcmp(c + lc - lh, h, lh))
		return false;
	const char *p = c + lc - lh;
	while (p > c && p[-1] == ' ')
		p--;
	if (p > c && (p[-1] == '>' || p[-1] == '/'))
		return true;
	return p - c >= 2 && (!memcmp(p - 2, "\xC2\xBB", 2) ||
			      (p - c >= 3 && !memcmp(p - 3, "\xE2\x80\xBA", 3)));
}

/* A reading time line ("9 min read", "Oct 11, 2023 2 min read") has at
 * most this many characters. */
#define WN_READ_TIME_CHARS 40

/* True when t is an article's reading time: a short line holding "min
 * read" or "minute read" ("5 minute read", "3 min read"). */
static bool wn_line_read_time(const struct wn_tline *t)
{
	return t->chars <= WN_READ_TIME_CHARS &&
	       (strstr(t->lower, "min read") || strstr(t->lower, "minute read") ||
		strstr(t->lower, "mins read") || strstr(t->lower, "minutes read"));
}

/* True when a byline, a date (tl[].meta) or a reading time is among the
 * WN_TITLE_META_AFTER non-blank lines after line i (of n). */
static bool wn_title_over_meta(const struct wn_tline *tl, size_t n, size_t i)
{
	for (size_t k = i + 1, seen = 0; k < n && seen < WN_TITLE_META_AFTER; k++) {
		if (tl[k].blank)
			continue;
		if (tl[k].meta || wn_line_read_time(&tl[k]))
			return true;
		seen++;
	}
	return false;
}

/* True when the next non-blank line after line i (of n), past a bullet
 * or a dash alone, is a date or a byline (tl[].meta). */
static bool wn_title_over_date(const struct wn_tline *tl, size_t n, size_t i)
{
	for (size_t k = i + 1; k < n; k++)
		if (!tl[k].blank && tl[k].chars > 1)
			return tl[k].meta;
	return false;
}

/* Title, byline and date from the lines just before the body. */
static enum wn_err wn_text_title(struct wn_doc *doc, const struct wn_tline *tl, size_t start,
				 struct wn_article *art)
{
	size_t seen = 0, title = SIZE_MAX;
	bool title_sure = false; /* the candidate is over a byline or marked */
	double best = 0;
	for (size_t i = start; i-- > 0 && seen < WN_TITLE_WINDOW;) {
		const struct wn_tline *t = &tl[i];
		const char *why = doc->lines[i].removed_by;
		if (t->blank)
			continue;
		seen++;
		/* The lines below a table of contents' label are its entries,
		 * the article's sections: a candidate among them is not the
		 * title, which is above, and the window starts again there.
		 * A label with few lines below (a documentation page's "On
		 * this page" rail holds no entries in the text) changes
		 * nothing, nor does one over a candidate that is surely the
		 * headline: over a byline or a date, or with a permalink
		 * mark. */
		if (wn_extract_is_toc_label(t->lower, t->chars)) {
			if (seen > WN_TITLE_TOC_ENTRIES && !title_sure) {
				title = SIZE_MAX;
				best = 0;
				seen = 0;
			}
			continue;
		}
		/* Lines the shape passes removed are furniture, not headlines. */
		if (why && !strstr(why, "outside_body") && !strstr(why, "menu_run") &&
		    !strstr(why, "repeated"))
			continue;
		/* A byline ("By Jane Doe", "Written by Jane Doe") is no
		 * headline; the nearest signs the article. */
		size_t by = t->words <= 6 ? wn_extract_byline_prefix(t->lower) : 0;
		char *line = t->words <= 8 ? wn_arena_strndup(doc->arena, t->s, t->len) : NULL;
		const char *name = line ? wn_extract_byline(doc->arena, line, NULL) : NULL;
		/* A name alone over a date ("Jane Doe, Editor" over "May 31,
		 * 2024") is a post header's byline too. */
		if (!name && line && wn_title_over_date(tl, doc->n_lines, i))
			name = wn_extract_name_line(doc->arena, line);
		if ((by && t->len > by) || name) {
			if (!art->author)
				art->author = name;
			continue;
		}
		if (t->chars <= 60) {
			char *raw = wn_arena_strndup(doc->arena, t->s, t->len);
			if (!raw)
				return WN_ERR_NOMEM;
			if (wn_extract_parse_date(doc->arena, raw)) {
				if (!art->date_raw)
					art->date_raw = raw;
				continue;
			}
		}
		/* "10 Free Accounting Tools" is a headline; "2 May 2024" was
		 * taken as a date above. */
		if (t->words < 3 || t->chars < 15 || t->chars > 150 || t->sentence || t->number ||
		    t->meta || wn_line_label(t))
			continue;
		/* Nearer is better; a headline usually stands alone as its
		 * own block, and is often on the page twice (breadcrumb, page
		 * title, H1). */
		double score = WN_TITLE_WINDOW + 1 - (double)seen;
		if (doc->blocks[doc->lines[i].block].n_lines == 1)
			score += WN_TITLE_ALONE;
		bool over_meta = wn_title_over_meta(tl, doc->n_lines, i);
		if (over_meta)
			score += WN_TITLE_OVER_META;
		/* A heading with its permalink mark is the page's, never an
		 * entry of its table of contents. */
		bool marked = t->len > 2 && !memcmp(t->s + t->len - 2, "\xC2\xB6", 2);
		for (size_t k = 0; k < doc->n_lines; k++)
			if (k != i && !tl[k].blank && (wn_title_same(tl[k].lower, t->lower) ||
							 wn_title_crumb_end(tl[k].lower, t->lower))) {
				score += WN_TITLE_TWICE;
				break;
			}
		if (score > best) {
			best = score;
			title = i;
			title_sure = over_meta || marked;
		}
	}
	if (art->title || title == SIZE_MAX)
		return WN_OK;
	art->title = wn_arena_strndup(doc->arena, tl[title].s, tl[title].len);
	return art->title ? WN_OK : WN_ERR_NOMEM;
}

/* Forum software numbers a thread's posts "#1", "#2" ... on lines of
 * their own, before or after the post's date ("#5 · Jan 3, 2024", "#1
 * 2025-11-01 15:14:37", "11-29-2024, 09:03 AM #1") or as "Post #3 of 7":
 * from WN_THREAD_POSTS such numbers in order on, the page is a
 * discussion whose replies are its content, not comments under it. */
#define WN_THREAD_POSTS 3
/* A post's stamp is at most this many characters. */
#define WN_THREAD_STAMP_CHARS 60

/* The post number of line t, or -1: "#N" as a word of a line that is
 * that alone, "#N · ...", "Post #N" or "Post #N of M", or a date with
 * it. */
static long wn_line_post_number(struct wn_arena *arena, const struct wn_tline *t)
{
	if (t->blank || t->chars > WN_THREAD_STAMP_CHARS)
		return -1;
	const char *s = t->s;
	for (size_t k = 0; k + 1 < t->len; k++) {
		if (s[k] != '#' || (k && s[k - 1] != ' ') || !wn_is_digit(s[k + 1]))
			continue;
		long v = 0;
		size_t e = k + 1;
		for (; e < t->len && e < k + 5 && wn_is_digit(s[e]); e++)
			v = v * 10 + (s[e] - '0');
		if (e < t->len && s[e] != ' ')
			return -1;
		/* "#5", "#5 · Jan 3, 2024", "Post #3", "Post #3 of 7". */
		size_t left = t->len - e;
		const char *after = s + e;
		bool of = left > 4 && !strncmp(after, " of ", 4) &&
			  strspn(after + 4, "0123456789") == left - 4;
		bool alone = (!k || (k == 5 && !strncmp(t->lower, "post ", 5))) &&
			     (!left || of || (left > 4 && !strncmp(after, " \xC2\xB7 ", 4)));
		if (alone)
			return v;
		/* The post's date before or after it. */
		char *rest = wn_arena_strndup(arena, t->s, t->len);
		if (!rest)
			return -1;
		memset(rest + k, ' ', e - k);
		return wn_extract_parse_date(arena, rest) ? v : -1;
	}
	return -1;
}

static bool wn_text_thread(struct wn_arena *arena, const struct wn_tline *tl, size_t n)
{
	long last = 0;
	size_t posts = 0;
	for (size_t i = 0; i < n; i++) {
		long v = wn_line_post_number(arena, &tl[i]);
		if (v < 0)
			continue;
		posts = v == last + 1 ? posts + 1 : 1;
		last = v;
		if (posts >= WN_THREAD_POSTS)
			return true;
	}
	return false;
}

/* Forum software puts the poster's post count beside each post ("Posts:
 * 138", "4931 posts", "8,415 posts · Joined 2008"): from WN_THREAD_POSTS
 * such lines on, the page is a discussion too. */
static bool wn_text_post_counts(const struct wn_tline *tl, size_t n)
{
	size_t posts = 0;
	for (size_t i = 0; i < n && posts < WN_THREAD_POSTS; i++) {
		const char *s = tl[i].lower;
		if (tl[i].blank || tl[i].words > 6)
			continue;
		if (!strncmp(s, "posts: ", 7) && wn_is_digit(s[7])) {
			posts++;
			continue;
		}
		if (!wn_is_digit(*s))
			continue;
		while (wn_is_digit(*s) || *s == ',' || *s == '.' || *s == 'k')
			s++;
		posts += !strcmp(s, " posts") || !strncmp(s, " posts \xC2\xB7 ", 9);
	}
	return posts >= WN_THREAD_POSTS;
}

/* Forum software gives each post a control to quote it ("Quote",
 * "Reply With Quote", "Zitieren"), or to share the post itself ("Share
 * on other sites", Invision's): a comment section under an article has
 * a "Reply" link, but quoting is a forum's.  From WN_THREAD_POSTS such
 * lines on, the page is a discussion too. */
static bool wn_text_quote_controls(const struct wn_tline *tl, size_t n)
{
	/* ... and "Цитировать", lower-cased. */
	static const char *const quote[] = {
		"quote", "reply with quote", "multiquote", "multi-quote", "+ quote", "zitieren",
		"citer", "citar", "citare", "share on other sites",
		"\xD1\x86\xD0\xB8\xD1\x82\xD0\xB8\xD1\x80\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x82\xD1\x8C"};
	size_t posts = 0;
	for (size_t i = 0; i < n && posts < WN_THREAD_POSTS; i++)
		for (size_t k = 0; !tl[i].blank && k < sizeof(quote) / sizeof(quote[0]); k++)
			if (!strcmp(tl[i].lower, quote[k])) {
				posts++;
				break;
			}
	return posts >= WN_THREAD_POSTS;
}

/* The page's footer, as a scraper labels its landmark: a line that is
 * only "Footer" ("Site footer", "Footer navigation", "Footer menu").
 * From the last such line to the end, when it stands in the page's
 * second half, nothing is the article's (no reference text of the
 * benchmarks' 43 pages that have one keeps a line under it). */
static enum wn_err wn_text_footer(struct wn_doc *doc, const struct wn_tline *tl)
{
	size_t n = doc->n_lines, at = n, lines = 0, at_line = 0;
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank)
			continue;
		lines++;
		if (tl[i].chars <= 20 && wn_extract_is_footer_label(tl[i].lower)) {
			at = i;
			at_line = lines;
		}
	}
	/* In the page's first half it is a section's heading (a design
	 * guide's "Footer"), not the landmark. */
	if (at_line * 2 < lines)
		return WN_OK;
	enum wn_err err = WN_OK;
	for (size_t i = at; i < n && !err; i++)
		if (!tl[i].blank)
			err = wn_drop(doc, i, "footer", 1);
	return err;
}

/* True when a line "14 Answers" heads the answers of a Q&A page: the
 * question's and each answer's comments ("6 Comments") are no comment
 * section under an article, and the answers after them are content. */
static bool wn_text_answers(const struct wn_tline *tl, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct wn_tline *t = &tl[i];
		size_t d = 0;
		while (d < t->len && t->s[d] >= '0' && t->s[d] <= '9')
			d++;
		if (!t->blank && d && (!strcmp(t->lower + d, " answers") ||
				       !strcmp(t->lower + d, " answer")))
			return true;
	}
	return false;
}

enum wn_err wn_extract_text_generic(struct wn_doc *doc, size_t headline, struct wn_article *art)
{
	size_t n = doc->n_lines;
	struct wn_tline *tl = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*tl));
	if (!tl)
		return WN_ERR_NOMEM;
	const char *lang = wn_extract_guess_language(doc->text, doc->text_len);
	int stoplist = wn_stoplist_find(lang);
	/* Density means nothing for a language without a list (Chinese,
	 * Ukrainian ...); an unsure guess uses every list (the fallback). */
	bool dense = !lang || stoplist >= 0;
	for (size_t i = 0; i < n; i++) {
		struct wn_tline *t = &tl[i];
		t->density = -1;
		t->len = doc->lines[i].len;
		t->s = wn_utf8_trim(doc->text + doc->lines[i].off, &t->len);
		const char *raw = doc->text + doc->lines[i].off;
		t->indented = doc->lines[i].len >= 2 &&
			      (raw[0] == '\t' || (raw[0] == ' ' && raw[1] == ' '));
		t->blank = !t->len || doc->lines[i].block < 0;
		t->value = -1;
		if (t->blank)
			continue;
		t->lower = wn_extract_lowercase(doc->arena, t->s, t->len);
		if (!t->lower)
			return WN_ERR_NOMEM;
		size_t cjk = wn_line_cjk(t->s, t->len);
		t->chars = wn_utf8_count(t->s, t->len) + cjk;
		t->words = wn_extract_count_words(t->s, t->len) + cjk / 2;
		t->sentence = wn_line_sentence(t->s, t->len);
		t->excerpt = wn_line_excerpt(t->s, t->len);
		t->glued = wn_line_glued(t->s, t->len);
		t->block_lines = doc->blocks[doc->lines[i].block].n_lines;
		const char *tab = memchr(t->s, '\t', t->len);
		t->row = tab && memchr(tab + 1, '\t', t->len - (size_t)(tab + 1 - t->s));
		if (t->chars <= 60 && t->words <= 8) {
			size_t by = wn_extract_byline_prefix(t->lower);
			char *raw = wn_arena_strndup(doc->arena, t->s, t->len);
			if (!raw)
				return WN_ERR_NOMEM;
			t->meta = (by && t->words <= 6) || wn_extract_parse_date(doc->arena, raw) ||
				  wn_line_ago(t) || wn_line_credit_by(t);
		}
		wn_line_number(t);
		t->price = wn_line_price(t);
		if (dense) {
			size_t words, stops;
			wn_stoplist_density(stoplist, t->lower, strlen(t->lower), &words, &stops);
			t->density = words ? (double)stops / (double)words : 0;
		}
	}
	size_t start;
	bool thread = wn_text_thread(doc->arena, tl, n) || wn_text_post_counts(tl, n) ||
		      wn_text_quote_controls(tl, n);
	enum wn_err err = wn_text_shapes(doc, tl);
	if (!err)
		err = wn_text_credits(doc, tl);
	if (!err)
		err = wn_text_expanders(doc, tl);
	if (!err)
		err = wn_text_repeats(doc, tl);
	if (!err)
		err = wn_text_comments(doc, tl, thread || wn_text_answers(tl, n));
	if (!err)
		err = wn_text_footer(doc, tl);
	if (!err) {
		wn_text_teasers(doc, tl);
		err = wn_text_region(doc, tl, thread, headline, &start);
	}
	if (!err)
		err = wn_text_standfirst(doc, tl, headline);
	if (!err)
		wn_text_closing_list(doc, tl);
	if (!err)
		err = wn_text_duplicates(doc, tl);
	for (size_t i = 0; i < n && !err; i++)
		if (!tl[i].blank && !doc->lines[i].removed_by &&
		    (wn_line_script_notice(&tl[i]) || wn_line_cta(&tl[i])))
			err = wn_drop(doc, i, "furniture", 1);
	if (!err)
		err = wn_text_title(doc, tl, start, art);
	return err;
}
