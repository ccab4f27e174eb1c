/* meta.c -- an HTML page's metadata: title, author, date, section, lead,
 * images, language, site name, canonical URL.
 *
 * Each field takes the first source that has it, most reliable first:
 * machine-readable sources (Open Graph, JSON-LD, article:* metas) before
 * visible markup (h1, <time>, byline classes), the URL last.  Two
 * exceptions, because the visible page is what a reader calls the title
 * and the date: an <h1> that a machine-readable title repeats (whole, or
 * beside a site name) wins over that title; and a date within a day of
 * the URL's /YYYY/MM/DD/ takes the URL's day (the distance is a time
 * zone, and the URL is the publisher's own calendar).  Fields set already
 * (by a rule) are kept.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extract_internal.h"
#include "utf8.h"

/* Title separators before a site name, longest first. */
static const char *const wn_title_seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
					    " :: ", " // ", " \xC2\xB7 ", " \xC2\xBB ",
					    " \xE2\x80\xA2 ", " / "};

/* A " | Site" suffix is at most this many words; what is left at least
 * WN_TITLE_MIN_WORDS, or WN_HEADING_MIN_WORDS in a heading (a name and its
 * model before a hyphen, "Nintendo Switch - OLED Model", stay whole). */
#define WN_SUFFIX_WORDS 6
#define WN_TITLE_MIN_WORDS 2
#define WN_HEADING_MIN_WORDS 3

/* The number of separators in wn_title_seps. */
#define WN_TITLE_N_SEPS (sizeof(wn_title_seps) / sizeof(wn_title_seps[0]))

/* title less its last " | Site" part (the last of the first n_seps
 * separators of wn_title_seps) when that part is short and what is left
 * has min_words; *sep gets the separator cut at (NULL when none was). */
static const char *wn_title_cut_suffix(struct wn_arena *arena, const char *title, size_t n_seps,
				       size_t min_words, const char **sep)
{
	const char *cut = NULL;
	*sep = NULL;
	for (size_t k = 0; k < n_seps; k++) {
		const char *p = title, *last = NULL;
		while ((p = strstr(p, wn_title_seps[k])))
			last = p++;
		if (last && (!cut || last > cut)) {
			cut = last;
			*sep = wn_title_seps[k];
		}
	}
	if (!cut)
		return title;
	const char *suffix = cut + strlen(*sep);
	if (wn_extract_count_words(suffix, strlen(suffix)) > WN_SUFFIX_WORDS ||
	    wn_extract_count_words(title, (size_t)(cut - title)) < min_words) {
		*sep = NULL;
		return title;
	}
	size_t len = (size_t)(cut - title);
	const char *t = wn_utf8_trim(title, &len);
	const char *rest = wn_arena_strndup(arena, t, len);
	if (!rest)
		*sep = NULL;
	return rest ? rest : title;
}

/* title less its short " | Site" parts, cut at the first n_seps
 * separators of wn_title_seps while min_words are left: see
 * wn_extract_strip_title_suffix. */
static const char *wn_title_strip(struct wn_arena *arena, const char *title, size_t n_seps,
				  size_t min_words)
{
	if (!title)
		return NULL;
	/* "Title | Section | Site": short parts after the same separator go
	 * in turn; another separator is the headline's own ("Harbour wall –
	 * restored — The Site"). */
	const char *sep, *again;
	const char *rest = wn_title_cut_suffix(arena, title, n_seps, min_words, &sep);
	while (sep) {
		const char *shorter = wn_title_cut_suffix(arena, rest, n_seps, min_words, &again);
		if (!again || strcmp(again, sep))
			break;
		rest = shorter;
	}
	return rest;
}

const char *wn_extract_strip_title_suffix(struct wn_arena *arena, const char *title)
{
	return wn_title_strip(arena, title, WN_TITLE_N_SEPS, WN_TITLE_MIN_WORDS);
}

/* Copy of a JSON string value into the arena, NULL for anything else. */
static const char *wn_json_dup(struct wn_arena *arena, json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v))
		v = json_object_get(v, "url") ? json_object_get(v, "url") : json_object_get(v, "name");
	if (!json_is_string(v) || !json_string_length(v))
		return NULL;
	size_t len = json_string_length(v);
	const char *s = wn_utf8_trim(json_string_value(v), &len);
	return len ? wn_arena_strndup(arena, s, len) : NULL;
}

static bool wn_jsonld_is_article(json_t *o)
{
	static const char *const types[] = {"Article", "NewsArticle", "BlogPosting",
					    "ReportageNewsArticle", "AnalysisNewsArticle",
					    "OpinionNewsArticle", "LiveBlogPosting", "TechArticle",
					    "ScholarlyArticle", "Report", "BackgroundNewsArticle"};
	json_t *t = json_object_get(o, "@type");
	size_t n = json_is_array(t) ? json_array_size(t) : 1;
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_is_array(t) ? json_array_get(t, i) : t;
		for (size_t k = 0; json_is_string(v) && k < sizeof(types) / sizeof(types[0]); k++)
			if (!strcmp(json_string_value(v), types[k]))
				return true;
	}
	return false;
}

/* Objects met on the way to the article object: the first with a
 * headline, with a datePublished and with an author.  Pages that have no
 * Article object still date and sign themselves: a WebPage of an @graph,
 * a forum's DiscussionForumPosting, a QAPage's Question. */
struct wn_jsonld_seen {
	json_t *headline; /* first object with a "headline" string */
	json_t *dated;    /* first object with a "datePublished" string */
	json_t *authored; /* first object with an "author" */
};

/* The first article-like object in v (depth-first, document order),
 * through arrays, "@graph" and "mainEntity"; fills *seen on the way. */
static json_t *wn_jsonld_find(json_t *v, struct wn_jsonld_seen *seen, int depth)
{
	if (depth > 8)
		return NULL;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			json_t *r = wn_jsonld_find(json_array_get(v, i), seen, depth + 1);
			if (r)
				return r;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (wn_jsonld_is_article(v))
		return v;
	if (!seen->headline && json_is_string(json_object_get(v, "headline")))
		seen->headline = v;
	if (!seen->dated && json_is_string(json_object_get(v, "datePublished")))
		seen->dated = v;
	if (!seen->authored && json_object_get(v, "author"))
		seen->authored = v;
	json_t *r = wn_jsonld_find(json_object_get(v, "@graph"), seen, depth + 1);
	return r ? r : wn_jsonld_find(json_object_get(v, "mainEntity"), seen, depth + 1);
}

/* The object in v (depth-first) whose "@id" is id and that has a name:
 * what a {"@id": ...} reference in an @graph points to. */
static json_t *wn_jsonld_by_id(json_t *v, const char *id, int depth)
{
	if (depth > 8)
		return NULL;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			json_t *r = wn_jsonld_by_id(json_array_get(v, i), id, depth + 1);
			if (r)
				return r;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	json_t *own = json_object_get(v, "@id");
	if (json_is_string(own) && !strcmp(json_string_value(own), id) &&
	    json_is_string(json_object_get(v, "name")))
		return v;
	return wn_jsonld_by_id(json_object_get(v, "@graph"), id, depth + 1);
}

/* Author names: a string, {name}, a {"@id"} reference to a Person elsewhere
 * in root, or an array of those, joined by ", ".  A URL is not a name. */
static const char *wn_jsonld_authors(struct wn_arena *arena, json_t *root, json_t *v)
{
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	char *out = NULL;
	for (size_t i = 0; i < n && i < 16; i++) {
		json_t *a = json_is_array(v) ? json_array_get(v, i) : v;
		if (json_is_object(a) && !json_object_get(a, "name") &&
		    json_is_string(json_object_get(a, "@id")))
			a = wn_jsonld_by_id(root, json_string_value(json_object_get(a, "@id")), 0);
		if (json_is_object(a))
			a = json_object_get(a, "name");
		if (!json_is_string(a) || !json_string_length(a) || strstr(json_string_value(a), "://"))
			continue;
		out = out ? wn_arena_printf(arena, "%s, %s", out, json_string_value(a)) :
			wn_arena_strdup(arena, json_string_value(a));
		if (!out)
			return NULL;
	}
	return out;
}

enum wn_err wn_extract_jsonld_parse(struct wn_arena *arena, const char *const *texts, size_t n,
				    struct wn_extract_jsonld *out)
{
	/* What objects other than the article say counts only when no
	 * script's article object says it: kept aside until the end. */
	const char *dated = NULL, *authored = NULL;
	for (size_t i = 0; i < n; i++) {
		json_t *root = json_loads(texts[i], JSON_DECODE_ANY, NULL);
		struct wn_jsonld_seen seen = {0};
		json_t *o = root ? wn_jsonld_find(root, &seen, 0) : NULL;
		if (!o)
			o = seen.headline;
		if (!dated && seen.dated)
			dated = wn_json_dup(arena, json_object_get(seen.dated, "datePublished"));
		if (!authored && seen.authored)
			authored = wn_jsonld_authors(arena, root, json_object_get(seen.authored, "author"));
		if (o) {
			json_t *sec = json_object_get(o, "articleSection");
			json_t *date = json_object_get(o, "datePublished");
			if (!out->headline)
				out->headline = wn_json_dup(arena, json_object_get(o, "headline"));
			if (!out->author)
				out->author = wn_jsonld_authors(arena, root, json_object_get(o, "author"));
			if (!out->date)
				out->date = wn_json_dup(arena, date ? date : json_object_get(o, "dateCreated"));
			if (!out->modified)
				out->modified = wn_json_dup(arena, json_object_get(o, "dateModified"));
			if (!out->section)
				out->section = wn_json_dup(arena, sec);
			if (!out->description)
				out->description = wn_json_dup(arena, json_object_get(o, "description"));
			if (!out->image)
				out->image = wn_json_dup(arena, json_object_get(o, "image"));
			json_t *pub = json_object_get(o, "publisher");
			if (json_is_object(pub) && !json_object_get(pub, "name") &&
			    json_is_string(json_object_get(pub, "@id")))
				pub = wn_jsonld_by_id(root, json_string_value(json_object_get(pub, "@id")), 0);
			if (!out->publisher && json_is_object(pub))
				out->publisher = wn_json_dup(arena, json_object_get(pub, "name"));
		}
		json_decref(root);
	}
	if (!out->date)
		out->date = dated;
	if (!out->author)
		out->author = authored;
	return WN_OK;
}

/* src made absolute against base (scheme://host/dir/), or src itself. */
static const char *wn_resolve(struct wn_arena *arena, const char *base, const char *src)
{
	const char *scheme_end = base ? strstr(base, "://") : NULL;
	if (!src || !scheme_end || strstr(src, "://") || !strncmp(src, "data:", 5))
		return src;
	if (!strncmp(src, "//", 2))
		return wn_arena_printf(arena, "%.*s:%s", (int)(scheme_end - base), base, src);
	const char *host_end = strchr(scheme_end + 3, '/');
	int host_len = host_end ? (int)(host_end - base) : (int)strlen(base);
	if (src[0] == '/')
		return wn_arena_printf(arena, "%.*s%s", host_len, base, src);
	const char *dir_end = strrchr(base, '/');
	if (!host_end || dir_end < host_end)
		return wn_arena_printf(arena, "%.*s/%s", host_len, base, src);
	return wn_arena_printf(arena, "%.*s/%s", (int)(dir_end - base), base, src);
}

/* The text of the first block made by node i or an element inside it
 * (bylines and credits are one line), or NULL.  An inline element's text
 * belongs to its enclosing block, which is not its own text. */
static const char *wn_node_text(const struct wn_doc *doc, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (nd->n_blocks <= 0 || nd->first_block < 0 || (size_t)nd->first_block >= doc->n_blocks)
		return NULL;
	const struct wn_block *b = &doc->blocks[nd->first_block];
	return b->node >= i && b->node < i + nd->subtree_size ? b->text : NULL;
}

/* The text of the first block holding node i's text: its own, or for an
 * inline element ("<span class=post_date>") the enclosing block it went
 * out with; NULL when the node holds no text.  For dates, where the block
 * around a date span ("#1 · 2019-02-23, 09:14 PM") still parses to it. */
static const char *wn_node_block_text(const struct wn_doc *doc, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (nd->n_blocks <= 0 || nd->first_block < 0 || (size_t)nd->first_block >= doc->n_blocks)
		return NULL;
	return doc->blocks[nd->first_block].text;
}

/* A name is at most this many words: longer is a sentence, not a byline. */
#define WN_NAME_WORDS 8

/* Bytes of white space and punctuation at the start of s[0..len). */
static size_t wn_skip_non_word(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		if (wn_extract_is_word_cp(wn_utf8_next(s, len, &i)))
			return at;
	}
	return len;
}

/* Where a byline's name starts in lower (lower-cased, as long as the
 * original): after leading punctuation, an "author:" label, a byline
 * prefix ("By "), or a short lead-in ending in " by " ("Written by",
 * "Recipe by", "Published by"). */
static size_t wn_byline_start(const char *lower, size_t len)
{
	size_t i = wn_skip_non_word(lower, len);
	if (!strncmp(lower + i, "author:", 7) || !strncmp(lower + i, "authors:", 8))
		i += wn_skip_non_word(lower + i + 7, len - i - 7) + 7;
	else if (!strncmp(lower + i, "thread starter ", 15))
		return i + 15;
	size_t p = wn_extract_byline_prefix(lower + i);
	if (p)
		return i + p;
	const char *by = strstr(lower + i, " by ");
	if (by && wn_extract_count_words(lower + i, (size_t)(by - lower) - i) <= 2)
		return (size_t)(by - lower) + 4;
	return i;
}

/* A dateline that names its author after the date ("October 11, 2023
 * by Jane Doe", "Posted on July 1, 2024 by jdoe"): where the name
 * starts in lower, or 0 when what comes before " by " is not a date. */
static size_t wn_byline_after_date(struct wn_arena *arena, const char *lower, size_t len)
{
	const char *by = strstr(lower, " by ");
	if (!by || (size_t)(by - lower) + 4 >= len)
		return 0;
	char *head = wn_arena_strndup(arena, lower, (size_t)(by - lower));
	return head && wn_extract_parse_date(arena, head) ? (size_t)(by - lower) + 4 : 0;
}

/* Where a date that ends a byline's name starts in s[start..len) ("Jane
 * Doe April 12, 2024", "Jane Doe 12/04/2024"): the first word from which
 * the rest reads as a date and without which it does not (the date
 * starts there, not further on); len when there is none. */
static size_t wn_byline_date_cut(struct wn_arena *arena, const char *s, size_t start, size_t len)
{
	const char *digit = strpbrk(s + start, "0123456789");
	if (!digit || (size_t)(digit - s) >= len)
		return len;
	const char *from = NULL; /* the previous word's start */
	for (size_t i = start + 1; i <= len; i++) {
		if (i < len && (s[i - 1] != ' ' || s[i] == ' '))
			continue;
		const char *at = i < len ? s + i : NULL;
		char *rest = from ? wn_arena_strndup(arena, from, len - (size_t)(from - s)) : NULL;
		char *tail = at ? wn_arena_strndup(arena, at, len - i) : NULL;
		if (rest && wn_extract_parse_date(arena, rest) && !(tail && wn_extract_parse_date(arena, tail))) {
			/* A month glued to the name ("Jane DoeNovember 20,
			 * 2007") starts at the word's inner capital. */
			for (const char *g = from + 1; g < s + len && *g != ' '; g++)
				if (g[-1] >= 'a' && g[-1] <= 'z' && *g >= 'A' && *g <= 'Z')
					return (size_t)(g - s);
			return (size_t)(from - s);
		}
		from = at;
	}
	return len;
}

/* The end of a byline's name in lower[start..len) without what a cut
 * date leaves behind it: punctuation and bullets, and the words that
 * lead into a date ("Jane Doe on Friday", "Jane Doe · Sat"). */
static size_t wn_byline_trim_tail(const char *lower, size_t start, size_t len, bool cut)
{
	static const char *const lead_ins[] = {"on", "at", "posted", "published", "updated",
					       "monday", "tuesday", "wednesday", "thursday",
					       "friday", "saturday", "sunday", "mon", "tue",
					       "wed", "thu", "fri", "sat", "sun"};
	for (;;) {
		size_t was = len;
		while (len > start && (strchr(cut ? " .,;*|-" : " .,;*", lower[len - 1]) ||
				       (cut && (unsigned char)lower[len - 1] >= 0x80))) {
			/* A trailing non-ASCII code point is punctuation
			 * ("·", "»", "●", "–") unless a letter: scan back to
			 * its lead byte and keep letters. */
			size_t at = len - 1;
			while (at > start && ((unsigned char)lower[at] & 0xC0) == 0x80)
				at--;
			if ((unsigned char)lower[len - 1] >= 0x80) {
				size_t i = at;
				if (wn_extract_is_word_cp(wn_utf8_next(lower, len, &i)))
					break;
			}
			len = at;
		}
		size_t w = len;
		while (w > start && lower[w - 1] != ' ')
			w--;
		for (size_t k = 0; cut && k < sizeof(lead_ins) / sizeof(lead_ins[0]); k++)
			if (strlen(lead_ins[k]) == len - w && !memcmp(lower + w, lead_ins[k], len - w)) {
				len = w;
				break;
			}
		if (len == was)
			return len;
	}
}

/* Name in a byline ("By Jane Doe" -> "Jane Doe"), in the arena, or NULL
 * when s does not read as one.  A reviewer's credit after the name
 * ("Jane Doe. Reviewed by ...") is cut off. */
static const char *wn_byline_name(struct wn_arena *arena, const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	if (len > 400)
		return NULL;
	const char *lower = wn_extract_lowercase(arena, s, len);
	if (!lower || strlen(lower) != len)
		return NULL;
	size_t start = wn_byline_start(lower, len);
	size_t dated = start ? 0 : wn_byline_after_date(arena, lower, len);
	if (dated)
		start = dated;
	size_t full = len;
	len = wn_byline_date_cut(arena, s, start, len);
	bool cut = len < full;
	/* What follows the name on a byline line: a credit, the date's
	 * label (glued on by a scraper: "REBECCA NORRISPUBLISHED: JUN 25"),
	 * or a separator before the date or the author's role ("By Jon Foster
	 * - 2025-09-13", "By Jane Doe • Senior Analyst"; a
	 * hyphenated name has no spaces around its hyphen). */
	static const char *const cuts[] = {"reviewed by", "fact checked", "fact-checked",
					   "last updated", "updated", "published:", " | ", " - ",
					   " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xE2\x80\xA2 ",
					   " \xE2\x8B\x85 ", " \xC2\xB7 "};
	for (size_t k = 0; k < sizeof(cuts) / sizeof(cuts[0]); k++) {
		const char *c = strstr(lower + start, cuts[k]);
		if (c && (size_t)(c - lower) < len)
			len = (size_t)(c - lower);
	}
	len = wn_byline_trim_tail(lower, start, len, cut);
	len -= start;
	const char *t = wn_utf8_trim(s + start, &len);
	/* A name has no digits ("October 15, 2018/0 Comments" is a meta line)
	 * nor brackets ("[Distributions] Posted" before a cut date) nor an
	 * ellipsis (a search form's "Advanced search…" after its "By:"),
	 * and is not a bare byline word ("By" before a linked name) or a
	 * label ("Author"). */
	if (!len || wn_extract_count_words(t, len) > WN_NAME_WORDS ||
	    memchr(t, ':', len) || memchr(t, '|', len) || memchr(t, ']', len) ||
	    memmem(t, len, "\xE2\x80\xA6", 3))
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return NULL;
	const char *tl = lower + (t - s);
	if (!strncmp(tl, "author", 6) || !strncmp(tl, "written", 7) || !strncmp(tl, "posted", 6))
		return NULL;
	char *probe = wn_arena_printf(arena, "%.*s ", (int)len, tl);
	if (!probe)
		return NULL;
	const char *last = probe + len;
	while (last > probe && last[-1] != ' ')
		last--;
	if (wn_extract_byline_prefix(last) == strlen(last))
		return NULL;
	return wn_arena_strndup(arena, t, len);
}

/* True when node i lies inside node c's subtree (c < 0: the whole page). */
static bool wn_inside(const struct wn_doc *doc, int32_t i, int32_t c)
{
	return c < 0 || (i >= c && i < c + doc->nodes[c].subtree_size);
}

/* True when class or id of node i holds one of words. */
static bool wn_node_named(const struct wn_doc *doc, int32_t i, const char *const *words, size_t n)
{
	const char *cls = doc->nodes[i].cls, *id = doc->nodes[i].id;
	for (size_t k = 0; k < n; k++)
		if ((cls && strstr(cls, words[k])) || (id && strstr(id, words[k])))
			return true;
	return false;
}

/* The author from head metas (also a link preview's "Written by" label),
 * else from markup: rel=author links,
 * itemprop=author, class/id byline or author elements, in document order
 * (a forum's first post is the thread's author), else a "By ..." block
 * right after the title heading. */
static const char *wn_meta_author(struct wn_doc *doc, int32_t title_block)
{
	static const char *const keys[] = {"author", "article:author", "byl", "parsely-author",
					   "sailthru.author", "dc.creator", "dcterms.creator"};
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const char *v = wn_doc_meta(doc, keys[k]);
		const char *name = v && !strstr(v, "://") ? wn_byline_name(doc->arena, v) : NULL;
		if (name)
			return name;
	}
	/* Link previews label a field: twitter:label1 "Written by", twitter:data1 the name. */
	static const char *const labels[][2] = {{"twitter:label1", "twitter:data1"},
						{"twitter:label2", "twitter:data2"}};
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		const char *label = wn_doc_meta(doc, labels[k][0]);
		const char *lower = label ? wn_extract_lowercase(doc->arena, label, strlen(label)) : NULL;
		if (!lower || (!strstr(lower, "written by") && strncmp(lower, "author", 6)))
			continue;
		const char *name = wn_byline_name(doc->arena, wn_doc_meta(doc, labels[k][1]));
		if (name)
			return name;
	}
	static const char *const words[] = {"byline", "author"};
	static const char *const not_words[] = {"bio", "about", "avatar", "list", "box", "desc"};
	for (size_t i = 0; i < doc->n_nodes; i++) {
		int32_t ni = (int32_t)i;
		const char *rel = wn_doc_attr(doc, ni, "rel");
		const char *prop = wn_doc_attr(doc, ni, "itemprop");
		bool marked = (rel && !strcmp(rel, "author")) || (prop && !strcmp(prop, "author"));
		if (!marked && (!wn_node_named(doc, ni, words, 2) ||
				wn_node_named(doc, ni, not_words, 6)))
			continue;
		const char *name = wn_byline_name(doc->arena, wn_node_text(doc, ni));
		if (name)
			return name;
	}
	/* A visible byline just after the title. */
	for (size_t b = title_block < 0 ? 0 : (size_t)title_block + 1;
	     title_block >= 0 && b < doc->n_blocks && b <= (size_t)title_block + 8; b++) {
		const char *name = wn_extract_byline(doc->arena, doc->blocks[b].text,
						     b + 1 < doc->n_blocks ? doc->blocks[b + 1].text : NULL);
		if (name)
			return name;
	}
	return NULL;
}

const char *wn_extract_byline(struct wn_arena *arena, const char *text, const char *next)
{
	static const char *const label_words[] = {"by", "written by", "words by", "article by",
						  "posted by", "author", "authors", "von", "par",
						  "por", "di", "автор", "thread starter"};
	size_t len = strlen(text);
	const char *lower = len <= 400 ? wn_extract_lowercase(arena, text, len) : NULL;
	if (!lower)
		return NULL;
	size_t label = len;
	while (label && (lower[label - 1] == ':' || lower[label - 1] == ' ' ||
			 (label >= 2 && !memcmp(lower + label - 2, "\xC2\xA0", 2))))
		label -= lower[label - 1] == '\xA0' ? 2 : 1;
	for (size_t k = 0; label <= 14 && k < sizeof(label_words) / sizeof(label_words[0]); k++)
		if (next && strlen(label_words[k]) == label && !strncmp(lower, label_words[k], label))
			return wn_byline_name(arena, next);
	/* "Article written by:", "Story written by" over the name. */
	if (next && label <= 24 && label >= 10 && !strncmp(lower + label - 10, "written by", 10) &&
	    wn_extract_count_words(lower, label) <= 3)
		return wn_byline_name(arena, next);
	/* Inline: "By Jane Doe", or a label before the name ("Written by
	 * Jane Doe", "Author: Jane Doe"); not any phrase ending in "by" ("Sort
	 * by Brand", "Shop by Color"). */
	size_t lead = wn_skip_non_word(lower, len);
	if (wn_extract_byline_prefix(lower + lead))
		return wn_byline_name(arena, text);
	/* "ByNina Pineda": a scraper glued the prefix to the linked name. */
	if (text[lead] == 'B' && text[lead + 1] == 'y' && isupper((unsigned char)text[lead + 2]))
		return wn_byline_name(arena, text + lead + 2);
	for (size_t k = 0; k < sizeof(label_words) / sizeof(label_words[0]); k++) {
		size_t l = strlen(label_words[k]);
		if (!strncmp(lower + lead, label_words[k], l) &&
		    (lower[lead + l] == ' ' || lower[lead + l] == ':'))
			return wn_byline_name(arena, text);
	}
	return wn_byline_after_date(arena, lower, len) ? wn_byline_name(arena, text) : NULL;
}

/* A date source: its text as written and the ISO date it gives. */
struct wn_date_found {
	const char *raw; /* as written (an attribute or a block's text) */
	const char *iso; /* wn_extract_parse_date(raw) */
};

/* True when text starts with a forum poster's membership label
 * ("Joined: ...", "Member since"): that date is never the page's. */
static bool wn_date_member(struct wn_arena *arena, const char *text)
{
	static const char *const member[] = {"joined", "join date", "registered", "member since",
					     "founded", "зарегистрирован", "регистрация",
					     "mitglied seit", "inscrit"};
	size_t len = text ? strlen(text) : 0;
	const char *lower = len && len < 400 ? wn_extract_lowercase(arena, text, len) : NULL;
	size_t skip = lower ? wn_skip_non_word(lower, strlen(lower)) : 0;
	for (size_t k = 0; lower && k < sizeof(member) / sizeof(member[0]); k++)
		if (wn_extract_starts(lower + skip, member[k]))
			return true;
	return false;
}

/* True when the block before block b is a membership label alone
 * ("Joined" over "Nov 4, 2011"): b's date is the poster's. */
static bool wn_date_after_member(struct wn_doc *doc, size_t b)
{
	return b > 0 && doc->blocks[b - 1].chars <= 20 &&
	       wn_date_member(doc->arena, doc->blocks[b - 1].text);
}

/* Sets *f from raw when raw holds a complete date; true then.  A date
 * labelled as an update ("Updated on May 27, 2025") counts only when
 * updates_too is true: a publication date is looked for first. */
static bool wn_date_try(struct wn_arena *arena, const char *raw, bool updates_too,
			struct wn_date_found *f)
{
	static const char *const updates[] = {"updated", "last updated", "modified", "last modified",
					      "edited", "обновлено", "aktualisiert", "mis à jour",
					      "actualizado", "aggiornato"};
	size_t len = raw ? strlen(raw) : 0;
	const char *lower = len && len < 400 ? wn_extract_lowercase(arena, raw, len) : NULL;
	size_t skip = lower ? wn_skip_non_word(lower, strlen(lower)) : 0;
	for (size_t k = 0; lower && !updates_too && k < sizeof(updates) / sizeof(updates[0]); k++)
		if (wn_extract_starts(lower + skip, updates[k]))
			return false;
	if (wn_date_member(arena, raw))
		return false;
	const char *iso = raw && *raw ? wn_extract_parse_date(arena, raw) : NULL;
	if (iso)
		*f = (struct wn_date_found){.raw = raw, .iso = iso};
	return iso != NULL;
}

/* Date labels: publication labels first (WN_DATE_PUB_LABELS of them),
 * then update labels, which count only when updates_too. */
static const char *const wn_date_labels[] = {"published", "posted", "date", "veröffentlicht",
					     "publié", "publicado", "pubblicato", "опубликовано",
					     "дата публикации", "asked", "start date",
					     "last updated", "updated", "last modified",
					     "page last reviewed", "last reviewed"};
#define WN_DATE_PUB_LABELS 11

/* True when text (a block or a line) of at most 80 characters starts with
 * a date label and holds the date ("Published: July 8, 2025"), or is a
 * label alone ("Published") or a byline ("Written by Jane Doe": pages
 * sign an article at its foot) with the date in next (the following
 * block or line, at most 40 characters; may be NULL).  Sets *f then. */
static bool wn_date_labelled(struct wn_arena *arena, const char *text, const char *next,
			     bool updates_too, struct wn_date_found *f)
{
	size_t len = strlen(text);
	if (wn_utf8_count(text, len) > 80)
		return false;
	const char *lower = wn_extract_lowercase(arena, text, len);
	len = lower ? strlen(lower) : 0;
	while (len && (lower[len - 1] == ':' || lower[len - 1] == ' '))
		len--;
	if (!lower)
		return false;
	bool next_ok = next && strlen(next) <= 160 && wn_utf8_count(next, strlen(next)) <= 40;
	if (next_ok && wn_byline_start(lower, len) > wn_skip_non_word(lower, len) &&
	    wn_byline_name(arena, text) && wn_date_try(arena, next, updates_too, f))
		return true;
	size_t n_labels = updates_too ? sizeof(wn_date_labels) / sizeof(wn_date_labels[0]) :
		WN_DATE_PUB_LABELS;
	for (size_t k = 0; k < n_labels; k++) {
		size_t n = strlen(wn_date_labels[k]);
		if (strncmp(lower, wn_date_labels[k], n))
			continue;
		if (len == n && next_ok && wn_date_try(arena, next, updates_too, f))
			return true;
		if (len > n && wn_date_try(arena, text, updates_too, f))
			return true;
	}
	return false;
}

/* A date that a label names anywhere in the container (the page when
 * container is -1), where pages put it at the foot or in a side box:
 * "Last updated: November 13, 2025", or a label alone in its block
 * ("Published") or a byline with the date in the next (wn_date_labelled). */
static bool wn_meta_labelled_date(struct wn_doc *doc, int32_t container, bool updates_too,
				  struct wn_date_found *f)
{
	size_t from = container < 0 ? 0 : (size_t)doc->nodes[container].first_block;
	size_t to = container < 0 ? doc->n_blocks : from + (size_t)doc->nodes[container].n_blocks;
	for (size_t b = from; b < to && b < doc->n_blocks; b++)
		if (doc->blocks[b].chars <= 80 &&
		    wn_date_labelled(doc->arena, doc->blocks[b].text,
				     b + 1 < doc->n_blocks ? doc->blocks[b + 1].text : NULL,
				     updates_too, f))
			return true;
	return false;
}

/* Visible dates: a short block by the title heading ("Published 19
 * November 2019", "By Jane Doe | Nov 19, 2019"); without a title heading
 * (forum threads title the page in <title> only), by the start of the
 * container, where a first post's date stands. */
static bool wn_meta_visible_date(struct wn_doc *doc, int32_t container, int32_t title_block,
				 bool updates_too, struct wn_date_found *f)
{
	int32_t anchor = title_block >= 0 ? title_block :
		container >= 0 ? doc->nodes[container].first_block : -1;
	size_t from = anchor > 3 ? (size_t)anchor - 3 : 0;
	for (size_t b = from; anchor >= 0 && b < doc->n_blocks && b <= (size_t)anchor + 12; b++)
		if (doc->blocks[b].chars <= 120 &&
		    !wn_date_after_member(doc, b) &&
		    wn_date_try(doc->arena, doc->blocks[b].text, updates_too, f))
			return true;
	return false;
}

/* True when raw is a numeric date whose day and month could be read
 * either way round ("09.10.2024", "03-09-2026"). */
static bool wn_date_ambiguous(const char *raw)
{
	unsigned a, b, y;
	char s1, s2;
	int n = 0;
	return raw && sscanf(raw, " %2u%c%2u%c%4u%n", &a, &s1, &b, &s2, &y, &n) == 5 && n > 0 &&
	       s1 == s2 && strchr("./-", s1) && a >= 1 && a <= 12 && b >= 1 && b <= 12;
}

/* True when the visible dateline v says the same as the markup's date m
 * (false when there is none): the same day, one day off (a time stamp
 * shown in another zone), or the same day read the other way round when
 * v's numbers are the ambiguous ones ("09.10.2024" for 2024-09-10). */
static bool wn_date_same(const struct wn_date_found *v, const char *m)
{
	long dv = wn_extract_date_days(v->iso), dm = wn_extract_date_days(m);
	if (dm < 0)
		return false;
	if (labs(dv - dm) <= 1)
		return true;
	return wn_date_ambiguous(v->raw) && !strncmp(v->iso, m, 4) &&
	       !strncmp(v->iso + 5, m + 8, 2) && !strncmp(v->iso + 8, m + 5, 2);
}

/* Reads a meta line's parts, joined by a bar or a dot ("By Jane Doe Mar
 * 5, 2025 | 6 comments"), one by one: true for the first part of at most
 * 40 characters that is a date (wn_date_try with updates_too) and, when
 * plain, holds nothing it could be confused with (an update, a comment
 * count, a last post, a question); *f is set then. */
static bool wn_date_in_parts(struct wn_arena *arena, const char *text, size_t len, bool plain,
			     bool updates_too, struct wn_date_found *f)
{
	static const char *const not_dates[] = {"updat", "modif", "last post", "review", "comment",
						"views", "repl", "?", "edited"};
	static const char *const seps[] = {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 "};
	const char *t = text, *end = text + len;
	while (t < end) {
		const char *q = end;
		size_t sl = 0;
		for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
			const char *c = strstr(t, seps[k]);
			if (c && c < q) {
				q = c;
				sl = strlen(seps[k]);
			}
		}
		size_t pl = (size_t)(q - t);
		const char *part = pl && wn_utf8_count(t, pl) <= 40 ? wn_arena_strndup(arena, t, pl) :
			NULL;
		const char *lower = part && plain ? wn_extract_lowercase(arena, part, pl) : NULL;
		bool other = !part || (plain && !lower);
		for (size_t k = 0; lower && !other && k < sizeof(not_dates) / sizeof(not_dates[0]); k++)
			other = strstr(lower, not_dates[k]) != NULL;
		if (!other && wn_date_try(arena, part, updates_too, f))
			return true;
		t = q + sl;
	}
	return false;
}

/* The dateline a reader sees by the headline: a short block from two
 * before the title heading (a kicker line "Travel · September 8, 2021")
 * to eight after it that is a date and nothing it could be confused with
 * (an update, a comment count, a last post, a question).  The page shows
 * it as its date, and it wins over the markup's when they differ: the
 * markup's datePublished is often a first draft's or a template's. */
static bool wn_meta_dateline(struct wn_doc *doc, int32_t title_block, struct wn_date_found *f)
{
	for (size_t b = title_block > 2 ? (size_t)title_block - 2 : 0;
	     title_block >= 0 && b < doc->n_blocks && b <= (size_t)title_block + 8; b++)
		if (doc->blocks[b].chars <= 120 && b != (size_t)title_block &&
		    !wn_date_after_member(doc, b) &&
		    wn_date_in_parts(doc->arena, doc->blocks[b].text, doc->blocks[b].len, true, false,
				     f))
			return true;
	return false;
}

/* True when a meta or attribute name (lower-case) names a publication
 * date in a publisher's own words: it holds one of words, and nothing of
 * a change, an expiry or a review. */
static bool wn_date_name(const char *name, const char *const *words, size_t n)
{
	static const char *const not_pub[] = {"modif", "updat", "expir", "review", "valid",
					      "upload", "build", "end", "start", "event"};
	bool named = false;
	for (size_t k = 0; !named && k < n; k++)
		named = strstr(name, words[k]) != NULL;
	for (size_t k = 0; named && k < sizeof(not_pub) / sizeof(not_pub[0]); k++)
		named = !strstr(name, not_pub[k]);
	return named;
}

/* True when an attribute of node i whose name says created or
 * published ("created-timestamp", "data-published") holds a complete
 * date; *f is set then. */
static bool wn_node_date_attr(struct wn_doc *doc, int32_t i, struct wn_date_found *f)
{
	static const char *const words[] = {"created", "publish"};
	const struct wn_node *n = &doc->nodes[i];
	for (uint16_t k = 0; k < n->n_attrs; k++)
		if (wn_date_name(n->attrs[k].name, words, 2) &&
		    wn_date_try(doc->arena, n->attrs[k].value, false, f))
			return true;
	return false;
}

/* A date in a publisher's own markup, when the page gives none under a
 * standard name: a meta whose name holds "date" ("ms.date",
 * "pwcReleaseDate"), else an attribute of an element in the container
 * whose name says created or published ("created-timestamp" on the post
 * element).  Its value must be a complete date. */
static bool wn_meta_any_date(struct wn_doc *doc, int32_t container, struct wn_date_found *f)
{
	static const char *const meta_words[] = {"date"};
	for (size_t i = 0; i < doc->n_metas; i++)
		if (wn_date_name(doc->metas[i].key, meta_words, 1) &&
		    wn_date_try(doc->arena, doc->metas[i].value, false, f))
			return true;
	/* The container's subtree, then the elements around it (the post
	 * element that wraps the text). */
	for (int32_t i = container; i >= 0 && i < container + doc->nodes[container].subtree_size;
	     i++)
		if (wn_node_date_attr(doc, i, f))
			return true;
	for (int32_t i = container >= 0 ? doc->nodes[container].parent : -1; i >= 0;
	     i = doc->nodes[i].parent)
		if (wn_node_date_attr(doc, i, f))
			return true;
	return false;
}

/* The date from the page (ISO, or NULL) checked against a /YYYY/MM/DD/
 * date in its URL: the URL's when the page gives none, or one a day off
 * (a time stamp in UTC: the URL is the publisher's calendar). */
static const char *wn_meta_url_date(struct wn_arena *arena, const char *url, const char *date)
{
	const char *ud = wn_extract_url_date(arena, url);
	long du = wn_extract_date_days(ud), dd = wn_extract_date_days(date);
	return !date || (du >= 0 && dd >= 0 && labs(du - dd) == 1) ? ud : date;
}

/* The publication date from head metas, itemprop=datePublished, <time>
 * (inside the container first), then a short visible block near the
 * title heading that holds a date, or an element whose class/id names a
 * date.  Each source counts only when it parses to a complete date (and
 * is not labelled an update, unless updates_too). */
static bool wn_meta_date(struct wn_doc *doc, int32_t container, int32_t title_block,
			 bool updates_too, struct wn_date_found *f)
{
	static const char *const keys[] = {"article:published_time", "og:published_time",
					   "og:article:published_time", "article.published",
					   "datepublished", "date", "pubdate", "publishdate",
					   "publish_date", "publish-date", "published",
					   "published-date", "publication-date",
					   "publication_date", "date-published", "dc.date.issued",
					   "dc.date", "dcterms.issued", "dcterms.date",
					   "dcterms.created", "sailthru.date", "parsely-pub-date",
					   "citation_publication_date", "citation_date"};
	struct wn_arena *a = doc->arena;
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		if (wn_date_try(a, wn_doc_meta(doc, keys[k]), updates_too, f))
			return true;
	/* A publisher's own prefix on a standard name: "w-published-date",
	 * "sitename:publish_date". */
	static const char *const ends[] = {"published-date", "published_date", "publish-date",
					   "publish_date", "publication-date", "publication_date",
					   "date-published", "published_time", "datepublished"};
	for (size_t i = 0; i < doc->n_metas; i++) {
		size_t kl = strlen(doc->metas[i].key);
		for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
			size_t el = strlen(ends[k]);
			if (kl > el && !strcmp(doc->metas[i].key + kl - el, ends[k]) &&
			    wn_date_try(a, doc->metas[i].value, updates_too, f))
				return true;
		}
	}
	/* <time> and itemprop=datePublished in the container; a short block
	 * by the title heading; then such markup anywhere (a header's clock
	 * is no later than the page's own dateline). */
	for (int pass = 0; pass < 3; pass++) {
		if (pass == 1) {
			if (wn_meta_visible_date(doc, container, title_block, updates_too, f))
				return true;
			continue;
		}
		for (size_t i = 0; i < doc->n_nodes; i++) {
			int32_t ni = (int32_t)i;
			if (pass == 0 && !wn_inside(doc, ni, container))
				continue;
			const char *prop = wn_doc_attr(doc, ni, "itemprop");
			bool pub = prop && !strcmp(prop, "datePublished");
			if (!pub && strcmp(doc->nodes[i].tag, "time"))
				continue;
			const char *v = wn_doc_attr(doc, ni, "datetime");
			if (!v && pub)
				v = wn_doc_attr(doc, ni, "content");
			if (wn_date_try(a, v, updates_too, f) ||
			    wn_date_try(a, wn_node_text(doc, ni), updates_too, f))
				return true;
		}
	}
	static const char *const words[] = {"date", "publish", "posted", "byline", "post-meta",
					    "entry-meta", "article-meta", "timestamp"};
	for (size_t i = 0; i < doc->n_nodes; i++) {
		if (!wn_inside(doc, (int32_t)i, container) ||
		    !wn_node_named(doc, (int32_t)i, words, sizeof(words) / sizeof(words[0])))
			continue;
		const char *t = wn_node_block_text(doc, (int32_t)i);
		if (t && strlen(t) <= 160 && wn_date_try(a, t, updates_too, f))
			return true;
	}
	return wn_meta_labelled_date(doc, container, updates_too, f);
}

/* Primary subtag of a language tag ("en-US" -> "en"), or NULL. */
static const char *wn_lang_primary(struct wn_arena *arena, const char *tag)
{
	if (!tag)
		return NULL;
	char buf[4];
	size_t n = 0;
	while (*tag == ' ')
		tag++;
	for (; *tag && *tag != '-' && *tag != '_' && *tag != ',' && *tag != ' '; tag++) {
		char c = *tag >= 'A' && *tag <= 'Z' ? *tag + 32 : *tag;
		if (c < 'a' || c > 'z' || n == 3)
			return NULL;
		buf[n++] = c;
	}
	return n >= 2 ? wn_arena_strndup(arena, buf, n) : NULL;
}

/* Splits a credit off a caption: from a credit marker to the end. */
static void wn_caption_credit(struct wn_arena *arena, struct wn_image *im)
{
	static const char *const marks[] = {"\xC2\xA9", "Photo:", "Photo by", "Credit:", "Фото:",
					    "Foto:", "Image:", "Picture:", "(Photo", "Getty Images"};
	if (!im->caption || im->credit)
		return;
	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		const char *p = strstr(im->caption, marks[k]);
		if (!p)
			continue;
		if (k == sizeof(marks) / sizeof(marks[0]) - 1) {
			im->credit = marks[k];
			return;
		}
		size_t len = strlen(p);
		const char *c = wn_utf8_trim(p, &len);
		im->credit = wn_arena_strndup(arena, c, len);
		len = (size_t)(p - im->caption);
		c = wn_utf8_trim(im->caption, &len);
		im->caption = len ? wn_arena_strndup(arena, c, len) : NULL;
		return;
	}
}

/* Figure images inside the container, after og:image. */
static enum wn_err wn_meta_images(struct wn_doc *doc, const char *url, int32_t container,
				  const char *og_image, struct wn_article *art)
{
	art->images = wn_arena_calloc(doc->arena, doc->n_imgs + 1, sizeof(*art->images));
	if (!art->images)
		return WN_ERR_NOMEM;
	if (og_image)
		art->images[art->n_images++].url = wn_resolve(doc->arena, url, og_image);
	for (size_t i = 0; i < doc->n_imgs; i++) {
		const struct wn_img *img = &doc->imgs[i];
		if (img->caption_block < 0 || (size_t)img->caption_block >= doc->n_blocks ||
		    !img->src || img->node < 0)
			continue;
		if (container >= 0 && !(img->node >= container &&
					img->node < container + doc->nodes[container].subtree_size))
			continue;
		struct wn_image im = {.url = wn_resolve(doc->arena, url, img->src),
				      .caption = doc->blocks[img->caption_block].text};
		int32_t fig = img->node;
		for (int up = 0; fig >= 0 && up < 5 && strcmp(doc->nodes[fig].tag, "figure"); up++)
			fig = doc->nodes[fig].parent;
		for (int32_t k = fig; fig >= 0 && strcmp(doc->nodes[fig].tag, "figure") == 0 &&
		     k < fig + doc->nodes[fig].subtree_size && !im.credit; k++) {
			const char *cls = doc->nodes[k].cls;
			if (cls && (strstr(cls, "credit") || strstr(cls, "copyright") ||
				    strstr(cls, "photographer")))
				im.credit = wn_node_text(doc, k);
		}
		wn_caption_credit(doc->arena, &im);
		if (art->n_images && im.url && art->images[0].url &&
		    !strcmp(im.url, art->images[0].url)) {
			art->images[0] = im;
			continue;
		}
		art->images[art->n_images++] = im;
	}
	return WN_OK;
}

/* Titles longer than this (bytes) are not compared: no headline is. */
#define WN_TITLE_MAX 600

/* s folded for comparing titles: lower-cased, white space collapsed,
 * typographic quotes and dashes as ASCII.  In the arena; NULL when s is
 * NULL, too long, or memory runs out. */
static char *wn_title_key(struct wn_arena *arena, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *out = s && len <= WN_TITLE_MAX ? wn_arena_alloc(arena, len * 2 + 1) : NULL;
	if (!out)
		return NULL;
	size_t i = 0, o = 0;
	bool space = false;
	while (i < len) {
		uint32_t cp = wn_utf8_next(s, len, &i);
		if (wn_utf8_is_space(cp)) {
			space = o > 0;
			continue;
		}
		if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032)
			cp = '\'';
		else if (cp == 0x201C || cp == 0x201D || cp == 0x201E)
			cp = '"';
		else if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212)
			cp = '-';
		if (space)
			out[o++] = ' ';
		space = false;
		o += wn_utf8_put(out + o, wn_extract_lower(cp));
	}
	out[o] = '\0';
	return out;
}

/* The value of hex digit c, or -1. */
static int wn_hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Character references a title may still hold, escaped twice by its CMS
 * ("SQL &amp;#x26; AI" in the HTML, "Tools &#8211; Guide" in JSON-LD). */
static const struct {
	const char *name; /* the reference without '&' and ';' */
	uint32_t cp;      /* the character it stands for */
} wn_title_entities[] = {
	{"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
	{"apos", '\''},    {"nbsp", 0xA0},    {"reg", 0xAE},     {"copy", 0xA9},
	{"trade", 0x2122}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
	{"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026},
	{"bull", 0x2022},  {"middot", 0xB7},  {"laquo", 0xAB},   {"raquo", 0xBB},
};

/* The character the reference at s ('&' ... ';') stands for, 0 when s
 * holds none; *n gets its length. */
static uint32_t wn_title_entity(const char *s, size_t *n)
{
	const char *semi = strchr(s, ';');
	size_t len = semi ? (size_t)(semi - s) + 1 : 0;
	if (len < 3 || len > 10)
		return 0;
	*n = len;
	if (s[1] != '#') {
		for (size_t k = 0; k < sizeof(wn_title_entities) / sizeof(wn_title_entities[0]); k++)
			if (strlen(wn_title_entities[k].name) == len - 2 &&
			    !memcmp(s + 1, wn_title_entities[k].name, len - 2))
				return wn_title_entities[k].cp;
		return 0;
	}
	bool hex = s[2] == 'x' || s[2] == 'X';
	uint32_t cp = 0;
	size_t i = hex ? 3 : 2;
	if (i >= len - 1)
		return 0;
	for (; i < len - 1; i++) {
		int v = hex ? wn_hex_value(s[i]) : s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1;
		if (v < 0)
			return 0;
		cp = cp * (hex ? 16 : 10) + (uint32_t)v;
	}
	return cp >= 0x20 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) ? cp : 0;
}

/* Invisible characters a title may hold (a soft hyphen "Assis&shy;tance",
 * a zero-width space, a byte order mark), as UTF-8. */
static const char *const wn_title_invisible[] = {"\xC2\xAD", "\xE2\x80\x8B",
						 "\xEF\xBB\xBF"};

/* The length of an invisible character at s (wn_title_invisible), or 0. */
static size_t wn_title_invisible_at(const char *s)
{
	for (size_t k = 0; k < sizeof(wn_title_invisible) / sizeof(wn_title_invisible[0]); k++)
		if (wn_extract_starts(s, wn_title_invisible[k]))
			return strlen(wn_title_invisible[k]);
	return 0;
}

/* s with the character references left in it decoded, twice over
 * ("&amp;#8230;" is "…"), and without invisible characters.  In the
 * arena; s itself when it has none. */
static const char *wn_title_decode(struct wn_arena *arena, const char *s)
{
	bool invisible = false;
	for (size_t k = 0; s && k < sizeof(wn_title_invisible) / sizeof(wn_title_invisible[0]); k++)
		invisible = invisible || strstr(s, wn_title_invisible[k]);
	for (int pass = 0; pass < 2 && s && (strchr(s, '&') || invisible); pass++) {
		size_t len = strlen(s), o = 0;
		char *out = wn_arena_alloc(arena, len + 1);
		if (!out)
			return s;
		for (size_t i = 0; i < len;) {
			size_t n = 0;
			uint32_t cp = s[i] == '&' ? wn_title_entity(s + i, &n) : 0;
			if (cp) {
				o += wn_utf8_put(out + o, cp);
				i += n;
			} else if ((n = wn_title_invisible_at(s + i))) {
				i += n;
			} else {
				out[o++] = s[i++];
			}
		}
		out[o] = '\0';
		s = out;
		invisible = false;
	}
	return s;
}

/* True when s (folded) starts with a title separator: what stands between
 * a headline and a site name ("| Site", "- Site", ": Site", "· Site"). */
static bool wn_title_sep_at(const char *s)
{
	static const char *const seps[] = {"|", "-", ":", "::", "//", "/", "\xC2\xB7", "\xC2\xBB",
					   "\xE2\x80\xA2", "@", "\xE2\x80\xBA"};
	while (*s == ' ')
		s++;
	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
		if (wn_extract_starts(s, seps[k]))
			return true;
	return false;
}

/* True when the machine-readable title t (folded) is the heading h
 * (folded): equal, or h before a separator and a site name ("H | Site").
 * "Site | H" is not taken: a logo <h1> holding the site name would match
 * every "Headline | Site" title. */
static bool wn_title_repeats(const char *t, const char *h)
{
	size_t hl = strlen(h);
	if (!hl || strncmp(t, h, hl))
		return false;
	return !t[hl] || wn_title_sep_at(t + hl);
}

/* s less a " | Site" suffix naming site_name (any separator of
 * wn_title_seps, any length).  In the arena; s itself when it has none. */
static const char *wn_title_cut_site(struct wn_arena *arena, const char *s, const char *site_name)
{
	const char *sk = wn_title_key(arena, site_name);
	for (size_t k = 0; s && sk && *sk && k < WN_TITLE_N_SEPS; k++) {
		const char *last = NULL;
		for (const char *p = strstr(s, wn_title_seps[k]); p; p = strstr(p + 1, wn_title_seps[k]))
			last = p;
		const char *tk = last ? wn_title_key(arena, last + strlen(wn_title_seps[k])) : NULL;
		size_t len = last ? (size_t)(last - s) : 0;
		const char *t = wn_utf8_trim(s, &len);
		if (tk && !strcmp(tk, sk) && len) {
			const char *cut = wn_arena_strndup(arena, t, len);
			return cut ? cut : s;
		}
	}
	return s;
}

/* s without a " | Site" suffix: one naming site_name
 * (wn_title_cut_site), else a short one (wn_extract_strip_title_suffix).
 * In the arena; NULL for an empty s. */
static const char *wn_title_without_site(struct wn_arena *arena, const char *s,
					 const char *site_name)
{
	if (!s || !*s)
		return NULL;
	const char *cut = wn_title_cut_site(arena, s, site_name);
	return cut != s ? cut : wn_extract_strip_title_suffix(arena, s);
}

/* Digits of one part of a section number ("3.1", "15 - "), at most. */
#define WN_SECTION_DIGITS 3

/* The length of the digits at s, 0 when there are none or more than
 * WN_SECTION_DIGITS (a year, a version "2024.4.4"). */
static size_t wn_section_digits(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n <= WN_SECTION_DIGITS ? n : 0;
}

/* t without a leading section number: "3.1 " (parts joined by dots) or
 * "15 - ", which documentation and course pages put before a chapter's
 * headline ("3.1 Git Branching - Branches in a Nutshell").  A number
 * alone ("5. Data Structures", "10 Best Apps") is the headline's own.
 * t itself when it has none. */
static const char *wn_title_unnumber(const char *t)
{
	size_t n = t ? wn_section_digits(t) : 0, dots = 0;
	if (!n)
		return t;
	const char *p = t + n;
	while (p[0] == '.' && (n = wn_section_digits(p + 1))) {
		p += 1 + n;
		dots++;
	}
	if (dots && p[0] == ' ' && p[1])
		return p + 1;
	if (!dots && !strncmp(p, " - ", 3) && p[3])
		return p + 3;
	return t;
}

/* Separators of a title's site name or tagline that a headline does not
 * use: the first this many of wn_title_seps (" | ", " - "). */
#define WN_HEADING_SEPS 2

/* The title heading's text h as the title: less a section number
 * (wn_title_unnumber), and less a suffix naming the site (a heading that
 * copies <title>: "Critics' Choice 2025 – Artlyst"), else less short
 * parts after a bar or a spaced hyphen ("Best Movers in NYC 2025 | Top 19
 * Companies"): a headline's own words are not set off by those. */
static const char *wn_title_of_heading(struct wn_arena *arena, const char *h,
				       const char *site_name)
{
	h = wn_title_unnumber(h);
	const char *cut = wn_title_cut_site(arena, h, site_name);
	return cut != h ? cut : wn_title_strip(arena, h, WN_HEADING_SEPS, WN_HEADING_MIN_WORDS);
}

/* The first <h1> is the title when it shares this much of its content
 * words with the machine-readable title (wn_title_overlap). */
#define WN_TITLE_OVERLAP 0.4
/* Content words (four letters or more) of a title, at most this many. */
#define WN_TITLE_WORDS 32

/* The content words of s (folded by wn_title_key), as offsets and lengths
 * into it; returns how many. */
static size_t wn_title_words(const char *s, size_t *off, size_t *len)
{
	size_t n = 0, i = 0, l = strlen(s);
	while (i < l && n < WN_TITLE_WORDS) {
		size_t start = i, letters = 0, end = i;
		for (;;) {
			size_t at = i;
			if (i >= l || !wn_extract_is_word_cp(wn_utf8_next(s, l, &i))) {
				end = at;
				break;
			}
			letters++;
		}
		if (letters >= 4) {
			off[n] = start;
			len[n++] = end - start;
		}
	}
	return n;
}

/* The content words of a (folded) also in b (folded); *na and *nb get
 * how many each has. */
static size_t wn_title_shared(const char *a, const char *b, size_t *na, size_t *nb)
{
	size_t ao[WN_TITLE_WORDS], al[WN_TITLE_WORDS], bo[WN_TITLE_WORDS], bl[WN_TITLE_WORDS];
	size_t shared = 0;
	*na = wn_title_words(a, ao, al);
	*nb = wn_title_words(b, bo, bl);
	for (size_t i = 0; i < *na; i++)
		for (size_t j = 0; j < *nb; j++)
			if (al[i] == bl[j] && !memcmp(a + ao[i], b + bo[j], al[i])) {
				shared++;
				break;
			}
	return shared;
}

/* How much titles a and b (folded) are about the same thing: shared
 * content words over all of them (Jaccard), 0 when either has none. */
static double wn_title_overlap(const char *a, const char *b)
{
	size_t na, nb, shared = wn_title_shared(a, b, &na, &nb);
	return na && nb ? (double)shared / (double)(na + nb - shared) : 0;
}

/* A title covers a URL's slug when it holds this share of the slug's
 * content words, and at least WN_SLUG_SHARED of them (all, when fewer). */
#define WN_SLUG_COVER 0.6
#define WN_SLUG_SHARED 3
/* Lines of text looked through for the title, and the longest taken. */
#define WN_SLUG_LINES 400
#define WN_SLUG_LINE_MAX 200

/* The slug of url folded like a title: the path segment with the most
 * content words, percent-decoded, without a file extension, '-', '_' and
 * '+' as spaces ("/2025/09/04/top-nutrition-trends/" -> "top nutrition
 * trends").  In the arena; NULL when no segment has two content words. */
static const char *wn_url_slug(struct wn_arena *arena, const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL;
	p = p ? strchr(p + 3, '/') : NULL;
	const char *best = NULL;
	size_t best_words = 1;
	while (p && *p == '/') {
		const char *seg = ++p;
		while (*p && *p != '/' && *p != '?' && *p != '#')
			p++;
		size_t n = (size_t)(p - seg);
		char *d = wn_arena_alloc(arena, n + 1);
		if (!d)
			return NULL;
		size_t o = 0;
		for (size_t i = 0; i < n; i++) {
			int hi = seg[i] == '%' && i + 2 < n ? wn_hex_value(seg[i + 1]) : -1;
			int lo = hi >= 0 ? wn_hex_value(seg[i + 2]) : -1;
			if (lo >= 0) {
				d[o++] = (char)(hi * 16 + lo);
				i += 2;
			} else {
				d[o++] = seg[i] == '-' || seg[i] == '_' || seg[i] == '+' ? ' ' : seg[i];
			}
		}
		d[o] = '\0';
		char *dot = strrchr(d, '.');
		if (dot && strlen(dot) <= 6)
			*dot = '\0';
		const char *key = wn_utf8_valid(d, strlen(d)) ? wn_title_key(arena, d) : NULL;
		size_t off[WN_TITLE_WORDS], len[WN_TITLE_WORDS];
		size_t words = key ? wn_title_words(key, off, len) : 0;
		if (words > best_words) {
			best = key;
			best_words = words;
		}
		if (*p != '/')
			break;
	}
	return best;
}

/* True when the title t (folded) covers the slug (folded): see
 * WN_SLUG_COVER. */
static bool wn_slug_covered(const char *slug, const char *t)
{
	size_t ns, nt, shared = wn_title_shared(slug, t, &ns, &nt);
	return ns && shared >= (ns < WN_SLUG_SHARED ? ns : WN_SLUG_SHARED) &&
	       (double)shared >= WN_SLUG_COVER * (double)ns;
}

enum wn_err wn_extract_text_slug_line(struct wn_doc *doc, const char *url, size_t *line)
{
	struct wn_arena *a = doc->arena;
	const char *slug = wn_url_slug(a, url);
	*line = doc->n_lines;
	for (size_t i = 0, seen = 0; slug && i < doc->n_lines && seen < WN_SLUG_LINES; i++) {
		size_t len = doc->lines[i].len;
		const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
		if (!len)
			continue;
		seen++;
		/* A headline: two words or more, not a sentence. */
		if (len > WN_SLUG_LINE_MAX || s[len - 1] == '.' || !memchr(s, ' ', len))
			continue;
		char *text = wn_arena_strndup(a, s, len);
		if (!text)
			return WN_ERR_NOMEM;
		const char *key = wn_title_key(a, text);
		if (key && wn_slug_covered(slug, key)) {
			*line = i;
			break;
		}
	}
	return WN_OK;
}

enum wn_err wn_extract_text_url_title(struct wn_doc *doc, const char *url, size_t line,
				      struct wn_article *art)
{
	struct wn_arena *a = doc->arena;
	if (line >= doc->n_lines)
		return WN_OK;
	const char *slug = wn_url_slug(a, url);
	if (!slug || (art->title && wn_slug_covered(slug, wn_title_key(a, art->title))))
		return WN_OK;
	size_t len = doc->lines[line].len;
	const char *s = wn_utf8_trim(doc->text + doc->lines[line].off, &len);
	art->title = wn_arena_strndup(a, s, len);
	return art->title ? WN_OK : WN_ERR_NOMEM;
}

/* The first line of a text doc that is the title, or n_lines. */
static size_t wn_text_title_line(const struct wn_doc *doc, const char *title)
{
	size_t title_len = strlen(title);
	for (size_t i = 0; i < doc->n_lines; i++) {
		size_t len = doc->lines[i].len;
		const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
		if (len == title_len && !memcmp(s, title, len))
			return i;
	}
	return doc->n_lines;
}

/* A byline line of a page's text alone is at most this many bytes, its
 * name two to WN_TEXT_NAME_WORDS words. */
#define WN_TEXT_NAME_BYTES 40
#define WN_TEXT_NAME_WORDS 4

/* True when s[0..len) reads as a person's name alone ("Jane Doe", "Kate
 * van der Berg"): two to four words, each capitalised (a particle
 * aside) but not all in capitals ("PRESS RELEASE" is a label), no digits
 * and no punctuation but ".", "'" and "-". */
static bool wn_text_name_line(const char *s, size_t len)
{
	static const char *const particles[] = {"van", "der", "den", "de", "da", "von",
						"la", "le", "di", "del", "du", "bin"};
	size_t words = wn_extract_count_words(s, len);
	if (len > WN_TEXT_NAME_BYTES || words < 2 || words > WN_TEXT_NAME_WORDS)
		return false;
	bool lower = false; /* a lower-case letter seen: not a shouted label */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && !isalpha(c) && !strchr(" .'-", c))
			return false;
		lower |= islower(c) != 0;
		size_t at = i;
		if (c >= 0xC0 && !wn_extract_is_word_cp(wn_utf8_next(s, len, &at)))
			return false;
		if (i && s[i - 1] != ' ')
			continue;
		size_t w = i;
		while (w < len && s[w] != ' ')
			w++;
		bool particle = false;
		for (size_t k = 0; k < sizeof(particles) / sizeof(particles[0]) && !particle; k++)
			particle = strlen(particles[k]) == w - i && !memcmp(s + i, particles[k], w - i);
		if (!particle && c < 0x80 && !isupper(c))
			return false;
	}
	return lower && s[len - 1] != '.';
}

/* True when line i of doc, or the next non-blank line after it when line
 * i is a bullet or a dash alone (three bytes at most), is a date line (at
 * most 80 bytes: "May 31, 2024", "Published Jun 4, 2025"). */
static bool wn_text_date_line(struct wn_doc *doc, size_t i)
{
	for (; i < doc->n_lines; i++) {
		size_t len = doc->lines[i].len;
		const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
		if (!len)
			continue;
		if (len <= 3)
			continue;
		char *raw = len <= 80 ? wn_arena_strndup(doc->arena, s, len) : NULL;
		return raw && wn_extract_parse_date(doc->arena, raw);
	}
	return false;
}

const char *wn_extract_name_line(struct wn_arena *arena, const char *line)
{
	size_t len = strlen(line);
	const char *comma = memchr(line, ',', len);
	size_t name = comma ? (size_t)(comma - line) : len;
	if (comma && wn_extract_count_words(comma, len - name) > WN_TEXT_NAME_WORDS)
		return NULL;
	return wn_text_name_line(line, name) ? wn_arena_strndup(arena, line, name) : NULL;
}

/* The author the lines around line t give (two lines above it to eight
 * below; t itself, the headline, never): a byline (each line read with
 * the next one, for a label such as "Written by" over the name), else a
 * name alone on its line (see wn_extract_name_line) right over a date line
 * ("Jane Doe" over "May 31, 2024"), as a post's header shows them, from
 * the headline to six lines under it.  NULL when there is none. */
static const char *wn_text_byline_near(struct wn_doc *doc, size_t t, bool bare_ok)
{
	char *line = NULL;
	const char *bare = NULL; /* a name over a date */
	size_t seen = 0;
	for (size_t i = t > 2 ? t - 2 : 0; t < doc->n_lines && i <= doc->n_lines && seen < 11; i++) {
		size_t len = i < doc->n_lines ? doc->lines[i].len : 0;
		const char *s = i < doc->n_lines ? wn_utf8_trim(doc->text + doc->lines[i].off, &len) : "";
		if (!len && i < doc->n_lines)
			continue;
		seen++;
		char *next = len && len <= 200 ? wn_arena_strndup(doc->arena, s, len) : NULL;
		const char *name = line ? wn_extract_byline(doc->arena, line, next) : NULL;
		if (name)
			return name;
		if (bare_ok && !bare && line && i < doc->n_lines && i > t && seen <= 7 &&
		    wn_text_date_line(doc, i))
			bare = wn_extract_name_line(doc->arena, line);
		line = i == t ? NULL : next;
	}
	return bare;
}

enum wn_err wn_extract_text_author(struct wn_doc *doc, struct wn_article *art)
{
	if (art->author || !art->title)
		return WN_OK;
	size_t t = wn_text_title_line(doc, art->title), body = 0;
	while (body < doc->n_lines && (doc->lines[body].removed_by || !doc->lines[body].len))
		body++;
	art->author = wn_text_byline_near(doc, t, true);
	/* A headline the heuristics took wrongly leaves the byline over
	 * the body's first line. */
	if (!art->author && body < doc->n_lines && body != t)
		art->author = wn_text_byline_near(doc, body, false);
	return WN_OK;
}

/* The dateline by the title's line of a scraped text: twelve non-blank
 * lines from four lines above the headline (a kicker, a byline with its
 * date) on, publication dates first, then an update when the page gives
 * none. */
static void wn_text_dateline(struct wn_doc *doc, struct wn_article *art)
{
	struct wn_arena *a = doc->arena;
	size_t t = wn_text_title_line(doc, art->title);
	for (int pass = 0; pass < 2 && t < doc->n_lines; pass++) {
		size_t seen = 0;
		for (size_t i = t > 4 ? t - 4 : 0; i < doc->n_lines && seen < 12; i++) {
			size_t len = doc->lines[i].len;
			const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
			if (!len || i == t)
				continue;
			seen++;
			struct wn_date_found f = {0};
			char *raw = len <= 400 ? wn_arena_strndup(a, s, len) : NULL;
			/* A longer meta line is read by its parts ("Published:
			 * Mar 8, 2024 · Modified: ... · This post may contain"). */
			if (raw && (len <= 100 ? wn_date_try(a, raw, pass == 1, &f) :
				    wn_date_in_parts(a, raw, len, false, pass == 1, &f))) {
				art->date_raw = f.raw;
				return;
			}
		}
	}
}

/* A labelled date on any line of a scraped text (wn_date_labelled, the
 * next non-blank line as the one after a label): "Published: 27/05/2024"
 * at the foot, where no dateline stood by the title; publication labels
 * first, then updates. */
static void wn_text_labelled_date(struct wn_doc *doc, struct wn_article *art)
{
	struct wn_arena *a = doc->arena;
	for (int pass = 0; pass < 2; pass++) {
		const char *prev = NULL;
		for (size_t i = 0; i < doc->n_lines; i++) {
			size_t len = doc->lines[i].len;
			const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
			if (!len)
				continue;
			const char *line = len <= 320 ? wn_arena_strndup(a, s, len) : NULL;
			struct wn_date_found f = {0};
			if (prev && wn_date_labelled(a, prev, line, pass == 1, &f)) {
				art->date_raw = f.raw;
				return;
			}
			prev = line;
		}
		struct wn_date_found f = {0};
		if (prev && wn_date_labelled(a, prev, NULL, pass == 1, &f)) {
			art->date_raw = f.raw;
			return;
		}
	}
}

/* A thread's first post stamp in a scraped text: a line of at most 60
 * characters that numbers its post "#1" and holds a date ("#1 · Jan 3,
 * 2024", "11-29-2024, 09:03 AM #1").  Forums number their posts; the
 * first one's date is the thread's, wherever the title line stands.
 * NULL when there is none. */
static const char *wn_text_first_post(struct wn_doc *doc)
{
	struct wn_arena *a = doc->arena;
	for (size_t i = 0; i < doc->n_lines; i++) {
		size_t len = doc->lines[i].len;
		const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
		if (len < 4 || len > 240 || wn_utf8_count(s, len) > 60)
			continue;
		bool first = false;
		for (size_t k = 0; k + 1 < len && !first; k++)
			first = s[k] == '#' && s[k + 1] == '1' && (k == 0 || s[k - 1] == ' ') &&
				(k + 2 == len || s[k + 2] == ' ');
		struct wn_date_found f = {0};
		if (first && wn_date_try(a, wn_arena_strndup(a, s, len), false, &f))
			return f.raw;
	}
	return NULL;
}

/* Non-blank lines at the head of a scraped text where a dateline stands
 * (site menus, breadcrumb, headline, byline). */
#define WN_TEXT_HEAD_LINES 25

/* The page's head holds its dateline even when the title's line was not
 * found (the headline chosen was a breadcrumb or a button): the first of
 * the first WN_TEXT_HEAD_LINES non-blank lines that is a date of at most
 * 40 bytes and no update's. */
static void wn_text_head_date(struct wn_doc *doc, struct wn_article *art)
{
	size_t seen = 0;
	for (size_t i = 0; i < doc->n_lines && seen < WN_TEXT_HEAD_LINES; i++) {
		size_t len = doc->lines[i].len;
		const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
		if (!len)
			continue;
		seen++;
		struct wn_date_found f = {0};
		if (len <= 40 && wn_date_try(doc->arena, wn_arena_strndup(doc->arena, s, len), false,
					     &f)) {
			art->date_raw = f.raw;
			art->date = f.iso;
			return;
		}
	}
}

enum wn_err wn_extract_text_date(struct wn_doc *doc, struct wn_article *art)
{
	const char *post = wn_text_first_post(doc);
	if (post)
		art->date_raw = post;
	if (!art->date_raw && art->title)
		wn_text_dateline(doc, art);
	const char *date = art->date_raw ? wn_extract_parse_date(doc->arena, art->date_raw) : NULL;
	art->date = wn_meta_url_date(doc->arena, art->url, date);
	if (!art->date) {
		wn_text_labelled_date(doc, art);
		art->date = art->date_raw ? wn_extract_parse_date(doc->arena, art->date_raw) : NULL;
	}
	if (!art->date)
		wn_text_head_date(doc, art);
	return WN_OK;
}

/* The block that heads the article: title_block when its text is the
 * title, else the first block whose text is (a page that heads its
 * article with a <legend> or an <h2>, its only <h1> the site's name),
 * else title_block, or when that is -1 the first heading that shares
 * most words with the title (wn_title_overlap). */
static int32_t wn_title_block(struct wn_doc *doc, int32_t title_block, const char *title)
{
	const char *key = wn_title_key(doc->arena, title);
	const char *at = title_block >= 0 ?
		wn_title_key(doc->arena, doc->blocks[title_block].text) : NULL;
	if (!key || (at && !strcmp(at, key)))
		return title_block;
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const char *h = wn_title_key(doc->arena, doc->blocks[b].text);
		if (h && !strcmp(h, key))
			return (int32_t)b;
	}
	/* No heading at all: the first heading about what the title says
	 * (a shop's blog heads its post with an <h2> in other words). */
	for (size_t b = 0; title_block < 0 && b < doc->n_blocks; b++) {
		const char *h = doc->blocks[b].level ? wn_title_key(doc->arena, doc->blocks[b].text) :
			NULL;
		if (h && wn_title_overlap(h, key) >= WN_TITLE_OVERLAP)
			return (int32_t)b;
	}
	return title_block;
}

/* t without a permalink mark at its end: documentation generators put
 * "¶" or "🔗" in every heading (Sphinx, MkDocs), as a link to itself.
 * In the arena; t itself when it has none. */
static const char *wn_title_unanchor(struct wn_arena *arena, const char *t)
{
	static const char *const marks[] = {"\xC2\xB6", "\xF0\x9F\x94\x97"};
	if (!t)
		return NULL;
	size_t len = strlen(t);
	const char *s = wn_utf8_trim(t, &len);
	for (size_t k = 0; len && k < sizeof(marks) / sizeof(marks[0]); k++) {
		size_t ml = strlen(marks[k]);
		if (len > ml && !memcmp(s + len - ml, marks[k], ml)) {
			len -= ml;
			s = wn_utf8_trim(s, &len);
			return len ? wn_arena_strndup(arena, s, len) : t;
		}
	}
	return t;
}

/* A breadcrumb trail's first part ("Home", "You are here: Home") has at
 * most this many words. */
#define WN_CRUMB_HEAD_WORDS 4

/* True when the separator sep at p in line s joins two crumbs: not the
 * arrow of "->" / "=>" nor the end of a tag ("<br>"), not a slash
 * between digits (a date "12/19/2025", "24/7"). */
static bool wn_crumb_sep_ok(const char *s, const char *p, const char *sep)
{
	if (!strcmp(sep, "/"))
		return !(p > s && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' && p[1] <= '9');
	if (strcmp(sep, ">"))
		return true;
	return !strchr(s, '<') && !(p > s && (p[-1] == '-' || p[-1] == '='));
}

/* The last part of a breadcrumb trail s ("Home » Blog » Harbour wall
 * restored" gives "Harbour wall restored"), or s itself when s is not
 * one: a trail joins its parts with one separator, "»", "›", ">" or "/",
 * and starts with a short part; a "/" trail has three parts, or two
 * after a single word ("Blog / Title"), since a headline may hold a
 * slash ("Best Movers / Moving Companies"); a URL is not a trail.  In
 * the arena. */
static const char *wn_title_crumb_last(struct wn_arena *arena, const char *s)
{
	static const char *const seps[] = {"\xC2\xBB", "\xE2\x80\xBA", ">", "/"};
	if (strstr(s, "://"))
		return s;
	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		const char *first = NULL, *last = NULL;
		size_t parts = 1;
		for (const char *p = strstr(s, seps[k]); p; p = strstr(p + 1, seps[k]))
			if (wn_crumb_sep_ok(s, p, seps[k])) {
				first = first ? first : p;
				last = p;
				parts++;
			}
		if (!first)
			continue;
		size_t head = wn_extract_count_words(s, (size_t)(first - s));
		if (!head || head > WN_CRUMB_HEAD_WORDS ||
		    (!strcmp(seps[k], "/") && parts < 3 && head > 1))
			return s;
		const char *tail = last + strlen(seps[k]);
		size_t len = strlen(tail);
		tail = wn_utf8_trim(tail, &len);
		const char *out = len ? wn_arena_strndup(arena, tail, len) : NULL;
		return out ? out : s;
	}
	return s;
}

const char *wn_extract_tidy_text_title(struct wn_arena *arena, const char *title)
{
	if (!title)
		return NULL;
	title = wn_title_unanchor(arena, wn_title_crumb_last(arena, title));
	return wn_title_decode(arena, wn_title_of_heading(arena, title, NULL));
}

/* The block of the title heading: the first <h1> that a machine-readable
 * title repeats (inside the container first), or -1.  *any gets the first
 * <h1> in the container (else in the page), or -1. */
static int32_t wn_title_heading(struct wn_doc *doc, int32_t container, const char *const *titles,
				size_t n_titles, int32_t *any)
{
	char *keys[4] = {0};
	for (size_t t = 0; t < n_titles && t < 4; t++)
		keys[t] = wn_title_key(doc->arena, titles[t]);
	*any = -1;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t b = 0; b < doc->n_blocks; b++) {
			const struct wn_block *blk = &doc->blocks[b];
			/* A headline linked to its permalink is a link block that
			 * keeps its level; it counts when a title is the same
			 * words, but is not "any" <h1>, nor matched before a
			 * separator: a linked <h1> is often the logo ("Blog" in
			 * "Blog: Post"). */
			if (blk->level != 1 || !blk->chars ||
			    (blk->kind != WN_BLOCK_HEADING && blk->kind != WN_BLOCK_LINK) ||
			    (pass == 0 && (container < 0 || blk->node < 0 ||
					   !wn_inside(doc, blk->node, container))))
				continue;
			if (*any < 0 && blk->kind == WN_BLOCK_HEADING)
				*any = (int32_t)b;
			char *h = wn_title_key(doc->arena, wn_title_unanchor(doc->arena, blk->text));
			for (size_t t = 0; h && t < n_titles && t < 4; t++)
				if (keys[t] && (blk->kind == WN_BLOCK_LINK ? !strcmp(keys[t], h) :
						wn_title_repeats(keys[t], h)))
					return (int32_t)b;
		}
	}
	return -1;
}

enum wn_err wn_extract_html_meta(struct wn_doc *doc, const char *url, int32_t container,
				 struct wn_article *art)
{
	struct wn_arena *a = doc->arena;
	struct wn_extract_jsonld ld = {0};
	enum wn_err err = wn_extract_jsonld_parse(a, doc->jsonld, doc->n_jsonld, &ld);
	if (err)
		return err;
	const char *og_site = wn_doc_meta(doc, "og:site_name");
	if (!art->site_name)
		art->site_name = og_site && *og_site ? og_site : ld.publisher;
	if (!art->site_name) {
		const char *app = wn_doc_meta(doc, "application-name");
		art->site_name = app && *app ? app : NULL;
	}
	if (!art->canonical_url) {
		const char *c = doc->canonical && *doc->canonical ? doc->canonical :
			wn_doc_meta(doc, "og:url");
		c = c && *c ? wn_resolve(a, url, c) : NULL;
		art->canonical_url = c && strstr(c, "://") ? c : NULL;
	}

	const char *og = wn_doc_meta(doc, "og:title");
	if (!og || !*og)
		og = wn_doc_meta(doc, "twitter:title");
	og = wn_title_decode(a, og);
	const char *headline = wn_title_decode(a, ld.headline);
	const char *page_title = wn_title_decode(a, doc->title);
	const char *titles[] = {og, headline, page_title};
	int32_t first_h1;
	int32_t title_block = wn_title_heading(doc, container, titles, 3, &first_h1);
	bool generic_title = !art->title;
	if (!art->title && title_block >= 0)
		art->title = wn_title_of_heading(a, doc->blocks[title_block].text, art->site_name);
	/* A headline the page shows that is about what its machine title says
	 * is the title (sites write a different headline for search engines:
	 * "Best Apps to Learn a Language in 2025 - Top 10 Picks" over the
	 * visible "Top 10: Best Language Learning App"); an <h1> that shares
	 * few words with it is a logo, a section name or a widget. */
	const char *mk = wn_title_key(a, og && *og ? og : headline ? headline : page_title);
	const char *hk = first_h1 >= 0 ? wn_title_key(a, doc->blocks[first_h1].text) : NULL;
	if (!art->title && mk && hk && wn_title_overlap(hk, mk) >= WN_TITLE_OVERLAP)
		art->title = wn_title_of_heading(a, doc->blocks[first_h1].text, art->site_name);
	if (!art->title)
		art->title = wn_title_without_site(a, og, art->site_name);
	if (!art->title && headline)
		art->title = headline;
	if (!art->title && first_h1 >= 0)
		art->title = wn_title_of_heading(a, doc->blocks[first_h1].text, art->site_name);
	if (!art->title && page_title && *page_title)
		art->title = wn_extract_strip_title_suffix(a, page_title);
	if (generic_title)
		art->title = wn_title_decode(a, wn_title_unanchor(a, art->title));
	if (title_block < 0)
		title_block = first_h1;

	if (!art->author && ld.author) {
		const char *name = wn_byline_name(a, ld.author);
		art->author = name ? name : ld.author;
	}
	/* Bylines and datelines stand by the block that heads the article. */
	int32_t head = wn_title_block(doc, title_block, art->title);
	if (!art->author)
		art->author = wn_meta_author(doc, head);
	if (!art->date_raw) {
		struct wn_date_found f = {0}, line = {0};
		if (wn_date_try(a, ld.date, true, &f) ||
		    wn_meta_date(doc, container, title_block, false, &f) ||
		    wn_meta_date(doc, container, title_block, true, &f)) {
			art->date_raw = f.raw;
			art->date = f.iso;
		}
		if (wn_meta_dateline(doc, head, &line) &&
		    !wn_date_same(&line, art->date)) {
			art->date_raw = line.raw;
			art->date = line.iso;
		}
		art->date = wn_meta_url_date(a, url, art->date);
		if (!art->date && container >= 0 &&
		    wn_meta_labelled_date(doc, -1, false, &f)) {
			art->date_raw = f.raw;
			art->date = f.iso;
		}
		if (!art->date && wn_meta_any_date(doc, container, &f)) {
			art->date_raw = f.raw;
			art->date = f.iso;
		}
		/* A page that tells only when it was last changed (a service
		 * page, an evergreen guide) is dated by that. */
		static const char *const modified[] = {"article:modified_time", "og:updated_time",
						       "datemodified", "last-modified"};
		for (size_t k = 0; !art->date && k < sizeof(modified) / sizeof(modified[0]); k++)
			if (wn_date_try(a, wn_doc_meta(doc, modified[k]), true, &f)) {
				art->date_raw = f.raw;
				art->date = f.iso;
			}
		if (!art->date && wn_date_try(a, ld.modified, true, &f)) {
			art->date_raw = f.raw;
			art->date = f.iso;
		}
	}
	if (!art->section) {
		const char *s = wn_doc_meta(doc, "article:section");
		art->section = s && *s ? s : ld.section;
	}
	if (!art->lead) {
		static const char *const keys[] = {"og:description", "description",
						   "twitter:description"};
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]) && !art->lead; k++) {
			const char *v = wn_doc_meta(doc, keys[k]);
			if (v && *v)
				art->lead = v;
		}
		if (!art->lead)
			art->lead = ld.description;
	}
	if (!art->n_images) {
		const char *ogi = wn_doc_meta(doc, "og:image");
		if ((err = wn_meta_images(doc, url, container, ogi && *ogi ? ogi : ld.image, art)))
			return err;
	}
	if (!art->language)
		art->language = wn_lang_primary(a, doc->lang);
	if (!art->language)
		art->language = wn_lang_primary(a, wn_doc_meta(doc, "content-language"));
	if (!art->language)
		art->language = wn_lang_primary(a, wn_doc_meta(doc, "og:locale"));
	return WN_OK;
}
