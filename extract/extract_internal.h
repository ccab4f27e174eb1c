/* extract_internal.h -- what the files of extract/ share; not a public interface.
 *
 * extract.c runs the pipeline and assembles the article; the other files
 * each hold one concept: words.c (word characters, counting, language
 * guess), date.c (dates as written to ISO 8601), text_generic.c and
 * html_generic.c (heuristics for pages no rule file names), meta.c (HTML
 * metadata and JSON-LD).  Everything they allocate comes from the doc's
 * arena; removals are marked on the doc (removed_by) so assembly and
 * explain read the same state.
 */
#ifndef WN_EXTRACT_INTERNAL_H
#define WN_EXTRACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract.h"

/* words.c */

/* Simple lower-casing for ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic: enough for matching vocabulary, not a full case map. */
uint32_t wn_extract_lower(uint32_t cp);

/* True for a code point that is part of a word (a letter or digit in the
 * sense of Python's \w, approximately: everything that is not space,
 * punctuation or a symbol). */
bool wn_extract_is_word_cp(uint32_t cp);

/* Words (runs of word characters) in s[0..len). */
size_t wn_extract_count_words(const char *s, size_t len);

/* Lower-cased copy of s[0..len) into the arena, or NULL on NOMEM. */
char *wn_extract_lowercase(struct wn_arena *arena, const char *s, size_t len);

/* A cheap guess of the language of s[0..len) by script and stopwords:
 * "ru", "uk", "en", "de", "fr", "es", "it", "pt", "el", "ar", "he", "zh",
 * "ja", "ko"; NULL when unsure.  Static string. */
const char *wn_extract_guess_language(const char *s, size_t len);

/* True when the lower-cased text holds phrase as whole words: no letter
 * or digit (nor a byte of a multi-byte character) right before or after
 * it ("subscribe" in "Subscribe now", not in "subscribers"). */
bool wn_extract_has_phrase(const char *lower, const char *phrase);

/* True when s starts with prefix (non-empty; both NUL-terminated).  The
 * first byte is compared inline: a line mostly differs there from every
 * entry of the lists it is matched against (noise headings, furniture
 * phrases, month names), and calling strncmp for each entry costs some
 * five times as much. */
static inline bool wn_extract_starts(const char *s, const char *prefix)
{
	return *s == *prefix && !strncmp(s, prefix, strlen(prefix));
}

/* True when s holds one of the n strings of list anywhere (inside words
 * too: a vocabulary of substrings). */
bool wn_extract_has_any(const char *s, const char *const *list, size_t n);

/* Bytes of a byline prefix ("by ", "von ", "автор: ") at the start of a
 * lower-cased line, 0 if none.  Lower-casing keeps byte lengths for the
 * scripts handled, so the count applies to the original line too. */
size_t wn_extract_byline_prefix(const char *lower);

/* True when a lower-cased line of chars characters is an image's credit:
 * at most 80 characters, "Label: value" with a label naming an image's
 * origin ("Photo: AP", "Credit: Jane Doe", "Фото: ТАСС") and a value of a
 * few words that is not a sentence; never body text. */
bool wn_extract_is_credit(const char *lower, size_t chars);

/* True when a lower-cased line of chars characters is page furniture by
 * its words alone: at most 40 characters, one phrase of a multilingual
 * list ("share", "advertisement", "read more", "реклама", "anzeige" ...)
 * followed by nothing but a count or punctuation ("Comments (12)"). */
bool wn_extract_is_furniture_line(const char *lower, size_t chars);

/* True when a lower-cased line of chars characters is the label of a
 * table of contents ("Table of Contents", "On this page:", "Sommaire"),
 * as wn_extract_is_furniture_line matches. */
bool wn_extract_is_toc_label(const char *lower, size_t chars);

/* True when a lower-cased block of chars characters is a shop's or a
 * forum's control by its words alone, as wn_extract_is_furniture_line
 * reads them: "Add to cart", "Compare", "Loading...", "Click to
 * expand...", "Reply", "Best seller" ... (English). */
bool wn_extract_is_control_line(const char *lower, size_t chars);

/* True when a lower-cased block of chars characters is a shop's control
 * ("Add to cart", "Compare", "Loading...", "Best seller"): the controls
 * of wn_extract_is_control_line less a post's ("Reply", "Quote"). */
bool wn_extract_is_shop_control(const char *lower, size_t chars);

/* True when a lower-cased block of chars characters is a cookie notice:
 * under 400 characters naming cookies and what the site does with them
 * or asks of the reader ("we use", "accept", "consent", "policy", "this
 * site").  Text mode drops such lines, HTML mode such blocks. */
bool wn_extract_is_cookie_notice(const char *lower, size_t chars);

/* Headings that introduce a list of other pages or an aside ("Most read",
 * "Related", "You may also like", "Читайте также" ...), lower-case, in the
 * languages of the stoplists. */
extern const char *const wn_extract_noise_headings[];
extern const size_t wn_extract_n_noise_headings;

/* Length of the lower-cased heading less its trailing punctuation ("Read
 * also:", "Самое читаемое...", "More »"). */
size_t wn_extract_heading_len(const char *lower);

/* Headings of the author's box ("About the author", "Об авторе", "Über
 * den Autor" ...), lower-case: it closes the article. */
extern const char *const wn_extract_author_headings[];
extern const size_t wn_extract_n_author_headings;

/* True when the lower-cased heading, less trailing punctuation, is one of
 * wn_extract_noise_headings, wn_extract_author_headings, or a shop's
 * heading over other products ("Related products", "Recently viewed",
 * "Frequently bought together" ...). */
bool wn_extract_is_noise_heading(const char *lower);

/* True when the lower-cased heading, less trailing punctuation, is a
 * shop's heading over other products ("Related products", "Recently
 * viewed", "Frequently bought together" ...). */
bool wn_extract_is_shop_heading(const char *lower);

/* True when lower (a lower-cased line) is a scraper's label of the
 * page's footer landmark alone: "Footer", "Site footer", "Footer
 * navigation", "Footer menu" (a trailing colon or punctuation aside). */
bool wn_extract_is_footer_label(const char *lower);
/* A shop's heading over the product's description: "Description",
 * "Product details", "About this item", "Beschreibung" ... */
bool wn_extract_is_description_heading(const char *lower);

/* date.c */

/* raw as ISO 8601 ("2019-11-19" or "2019-11-19T08:03:00Z") in the arena,
 * or NULL when raw holds no complete date (a missing year is never
 * guessed). */
const char *wn_extract_parse_date(struct wn_arena *arena, const char *raw);

/* A /YYYY/MM/DD/ (or /YYYY-MM-DD) date in a URL path as "YYYY-MM-DD" in
 * the arena, or NULL. */
const char *wn_extract_url_date(struct wn_arena *arena, const char *url);

/* Days from 1970-01-01 to the date an ISO 8601 string starts with
 * ("2019-11-19..."), or -1 when it does not start with a valid date. */
long wn_extract_date_days(const char *iso);

/* text_generic.c */

/* Generic heuristics for a text doc no rule file matched: marks noise
 * lines removed ("heuristic <name> <score>") and fills art->title (and
 * author/date_raw when a byline or date line sits by the title) when
 * still NULL.  headline is the line of the page's headline found from its
 * URL (wn_extract_text_slug_line), doc->n_lines when unknown: the body
 * usually starts right under it.  WN_ERR_NOMEM at worst. */
enum wn_err wn_extract_text_generic(struct wn_doc *doc, size_t headline, struct wn_article *art);

/* html_generic.c */

/* Generic content selection for an HTML doc: scores candidate containers,
 * marks every block outside the chosen one (and boilerplate inside it)
 * removed, and sets *container to the chosen node (-1 when the doc has no
 * nodes).  Comment sections are removed unless include_comments or the
 * page declares a discussion thread.  WN_ERR_NOMEM at worst. */
enum wn_err wn_extract_html_generic(struct wn_doc *doc, bool include_comments,
				    int32_t *container);

/* Class/id weight of node i: > 0 for content vocabulary (article, body,
 * content, story ...), < 0 for boilerplate (nav, share, related ...), 0
 * otherwise.  *word gets the boilerplate word matched, or NULL. */
int wn_extract_class_weight(const struct wn_doc *doc, int32_t i, const char **word);

/* html_rules.c */

/* True when rs has HTML directives (selectors, strips or rewrites): a
 * text-only file leaves HTML pages to the generic heuristics. */
bool wn_extract_html_rules_wanted(const struct wn_ruleset *rs);

/* Applies the HTML directives of rs, then of global (may be NULL) to doc:
 * strips, body, and art's title/author/date_raw (when still NULL),
 * next_page_url, single_page_url and rules (the files that acted).
 * *container gets the first body element, -1 when no body line found one
 * (the generic heuristics then choose).  WN_ERR_NOMEM at worst. */
enum wn_err wn_extract_html_rules(struct wn_doc *doc, const struct wn_ruleset *rs,
				  const struct wn_ruleset *global, struct wn_article *art,
				  int32_t *container);

/* meta.c */

/* Text input with a URL: *line gets the first line of the text,
 * headline-shaped (two words or more, at most 200 bytes, no full stop at
 * the end), that covers the URL's slug (60% of its content words, and 3
 * or all of them), or doc->n_lines when there is none (no URL, no slug of
 * two content words).  The scraped page's headline: its title, and where
 * its body starts.  WN_ERR_NOMEM at worst. */
enum wn_err wn_extract_text_slug_line(struct wn_doc *doc, const char *url, size_t *line);

/* Text input with a URL: when the title (art->title, may be NULL) does not
 * cover the URL's slug, line (from wn_extract_text_slug_line; n_lines for
 * none) becomes the title: a scraped page's text has no <title>, and the
 * slug is the headline in other words. */
enum wn_err wn_extract_text_url_title(struct wn_doc *doc, const char *url, size_t line,
				      struct wn_article *art);

/* Text input: date_raw from a forum's "#1" post stamp, else (when still
 * none) from the dateline by the title's line (from four lines above it,
 * twelve in all; an "Updated" date only when no other), as HTML reads a
 * page's visible dateline; date from it, checked against a /YYYY/MM/DD/
 * date in art->url as for HTML; with neither, a labelled date on any
 * line, else a date line at the head of the text.  WN_ERR_NOMEM at
 * worst. */
enum wn_err wn_extract_text_date(struct wn_doc *doc, struct wn_article *art);

/* Text input with no author yet: the byline nearest the title's line (two
 * lines above it to eight below; see wn_extract_byline), as HTML reads
 * the byline under the headline, else a name alone over a date line
 * under the headline (wn_extract_name_line); with neither, a byline by
 * the body's first line (a headline taken wrongly leaves it there).
 * WN_ERR_NOMEM never: a name that cannot be copied is left out. */
enum wn_err wn_extract_text_author(struct wn_doc *doc, struct wn_article *art);

/* The name a visible byline gives, in the arena: text is a short line or
 * block starting "By" ("By Jane Doe • 20 Dec 2025" gives "Jane
 * Doe"), a lead-in and the name ("Written by Jane Doe", "Author: Jane
 * Doe"), or a label alone ("Written by", "Author:") whose name is next
 * (the next line or block; may be NULL).  NULL when text is none of these
 * or the name does not read as one (digits, a sentence, a label). */
const char *wn_extract_byline(struct wn_arena *arena, const char *text, const char *next);

/* The name a line of a post's header gives when it is a name alone or a
 * name and, after a comma, at most four words of credentials or role
 * ("Jane Doe, MS, RD", "Jane Doe, Shipping Expert"): two to four
 * capitalised words (particles such as "van der" aside), not all in
 * capitals, no digits, no punctuation but ". ' -".  The name, in the
 * arena, or NULL. */
const char *wn_extract_name_line(struct wn_arena *arena, const char *line);

/* A headline line of a page's text as the title: a breadcrumb trail's
 * last part ("Home » Blog » Title"), tidied like an HTML title heading (a
 * permalink mark "¶", a section number, short parts after " | " or " - "
 * and twice-escaped character references go).  In the arena; title itself when nothing
 * goes, NULL for NULL. */
const char *wn_extract_tidy_text_title(struct wn_arena *arena, const char *title);

/* Fills the article's title, author, date, date_raw, section, lead,
 * images and language from an HTML doc's head, JSON-LD, and the content
 * container (fields already set are kept).  url may be NULL. */
enum wn_err wn_extract_html_meta(struct wn_doc *doc, const char *url, int32_t container,
				 struct wn_article *art);

/* title without its trailing " | Site" / " - Site" parts ("Title |
 * Section | Site" gives "Title"), in the arena (or title itself when there
 * is none). */
const char *wn_extract_strip_title_suffix(struct wn_arena *arena, const char *title);

/* Metadata from JSON-LD texts: the first Article-like object (an object,
 * an array of them, or an @graph) fills the NULL fields given: headline,
 * author name(s) (also {"@id"} references to a Person of the @graph),
 * datePublished, articleSection, description, image, publisher.name. */
struct wn_extract_jsonld {
	const char *headline;      /* "headline" (or "name" of the article) */
	const char *author;        /* author.name (several joined by ", ") */
	const char *date;          /* "datePublished" (or "dateCreated") */
	const char *modified;      /* "dateModified": the date when no other is given */
	const char *section;       /* "articleSection" (first when an array) */
	const char *description;   /* "description" */
	const char *image;         /* "image" url (first when several) */
	const char *publisher;     /* "publisher" name (also through an "@id" reference) */
};
enum wn_err wn_extract_jsonld_parse(struct wn_arena *arena, const char *const *texts, size_t n,
				    struct wn_extract_jsonld *out);

#endif
