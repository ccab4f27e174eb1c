/* text_generic.c -- heuristics for scraped text no rule file names.
 *
 * Scraped text keeps one page block per line, so noise shows as line
 * shapes: template residue, runs of short unpunctuated lines (menus),
 * numbered headline lists, number grids (calendars), share/login/cookie
 * lines, copyright footers.  Those are removed first; then the body is the
 * best-scoring run of lines (maximum subarray: body-like lines score their
 * length, others a penalty), and everything outside it goes.  The title is
 * the headline-shaped line just before the body; a byline or date line
 * next to it fills author and date_raw.
 *
 * Each removal is marked on the line as "heuristic <name> <score>".
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "extract_internal.h"
#include "utf8.h"

/* What the heuristics need to know about one line. */
struct wn_tline {
	const char *s;       /* trimmed text (not NUL-terminated) */
	size_t len;          /* bytes of s */
	const char *lower;   /* lower-cased NUL-terminated copy */
	size_t chars;        /* code points */
	size_t words;        /* words */
	bool blank;          /* no text (or no block) */
	bool sentence;       /* ends like a sentence or holds ". " inside */
	bool number;         /* only digits, spaces and light punctuation */
	int value;           /* the number when a line is 1-3 digits alone, else -1 */
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
/* A comment section opens only after this many characters of body. */
#define WN_COMMENTS_AFTER 500

/* Phrases that make up a whole short line of page furniture, lower-case,
 * in the languages of the benchmarks and seeds. */
static const char *const wn_furniture[] = {
	"share", "share this", "tweet", "pin it", "email", "e-mail", "print", "comments",
	"comment", "subscribe", "subscribe now", "sign in", "sign up", "log in", "login",
	"log out", "register", "advertisement", "advertising", "sponsored", "read more",
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
	if (len >= 3 && !memcmp(s + len - 3, "\xE2\x80\xA6", 3)) /* … */
		return true;
	for (size_t i = 0; i + 2 < len; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
		    (unsigned char)s[i + 2] >= 'A' && i > 2)
			return true;
	return false;
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

/* Lower-cased line matches a furniture phrase: whole, or followed by a
 * count or punctuation only ("Comments (12)", "Share:"). */
static bool wn_line_furniture(const struct wn_tline *t)
{
	if (t->chars > 40 || t->sentence)
		return false;
	for (size_t i = 0; i < sizeof(wn_furniture) / sizeof(wn_furniture[0]); i++) {
		size_t l = strlen(wn_furniture[i]);
		if (strncmp(t->lower, wn_furniture[i], l))
			continue;
		const char *rest = t->lower + l;
		while (*rest && strchr(" :()[]|0123456789", *rest))
			rest++;
		if (!*rest)
			return true;
	}
	return false;
}

static bool wn_line_cookie(const struct wn_tline *t)
{
	return t->chars < 400 && strstr(t->lower, "cookie") &&
	       (strstr(t->lower, "we use") || strstr(t->lower, "accept") ||
		strstr(t->lower, "consent") || strstr(t->lower, "policy") ||
		strstr(t->lower, "this site") || strstr(t->lower, "this website"));
}

static bool wn_line_copyright(const struct wn_tline *t)
{
	if (t->chars > 300)
		return false;
	if (!strncmp(t->lower, "\xC2\xA9", 2) || !strncmp(t->lower, "copyright", 9) ||
	    !strncmp(t->lower, "(c) ", 4))
		return true;
	for (size_t i = 0; i < sizeof(wn_copyright) / sizeof(wn_copyright[0]); i++)
		if (strstr(t->lower, wn_copyright[i]))
			return true;
	return false;
}

static bool wn_line_template(const struct wn_tline *t)
{
	static const char *const pairs[][2] = {{"{{", "}}"}, {"${", "}"}, {"{%", "%}"},
					       {"<%", "%>"}, {"%%", "%%"}};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const char *a = strstr(t->lower, pairs[i][0]);
		if (a && strstr(a + strlen(pairs[i][0]), pairs[i][1]))
			return true;
	}
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

/* Short line with no sentence punctuation: a menu item shape. */
static bool wn_line_short(const struct wn_tline *t)
{
	return !t->blank && t->chars < WN_SHORT_CHARS && !t->sentence;
}

static bool wn_line_grid(const struct wn_tline *t)
{
	return !t->blank && (t->chars <= WN_GRID_CHARS || (t->number && t->chars <= 40));
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
		else if (wn_line_cookie(t))
			err = wn_drop(doc, i, "cookie", 1);
		else if (wn_line_copyright(t))
			err = wn_drop(doc, i, "copyright", 1);
	}
	/* Numbered headline lists: "1" / headline / "2" / headline ...  A number
	 * line followed within four lines by the next number starts an item;
	 * the item runs to that next number (or one line for the last). */
	for (size_t i = 0; i < n && !err; i++) {
		if (tl[i].value < 0)
			continue;
		size_t j = i + 1, seen = 0;
		while (j < n && seen < 4 && tl[j].value < 0)
			seen += !tl[j++].blank;
		bool next = j < n && tl[j].value == tl[i].value + 1;
		bool prev = false;
		for (size_t k = i, back = 0; k-- > 0 && back < 5;) {
			back += !tl[k].blank;
			if (tl[k].value >= 0) {
				prev = tl[k].value + 1 == tl[i].value;
				break;
			}
		}
		if (!next && !prev)
			continue;
		size_t end = next ? j : i + 1;
		if (!next)
			while (end < n && tl[end].blank)
				end++;
		for (size_t k = i; k <= end && k < n && !err; k++)
			if (!tl[k].blank && (k < end || !next))
				err = wn_drop(doc, k, "numbered_list", tl[i].value);
	}
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
 * a count ("34 responses to ...", "6 thoughts on ..."). */
static const char *const wn_comment_marks[] = {
	"comments", "comment", "responses", "response", "replies", "reactions", "thoughts on",
	"leave a reply", "leave a comment", "comments are closed", "add a comment", "post a comment",
	"join the conversation", "reader comments", "show comments", "view comments",
	"комментарии", "kommentare", "commentaires", "comentarios", "commenti", "comentários"};

/* Entries of wn_comment_marks before this one are single words, which
 * also name share-bar links ("Comments"): those count only in a block of
 * their own. */
#define WN_COMMENT_WORDS 6

/* True when line t opens a comment section; alone: t's block has at most
 * two lines. */
static bool wn_line_comments(const struct wn_tline *t, bool alone)
{
	if (t->blank || t->chars > 120 || t->sentence)
		return false;
	const char *s = t->lower;
	while (*s >= '0' && *s <= '9')
		s++;
	bool counted = s != t->lower;
	while (*s == ' ')
		s++;
	for (size_t k = 0; k < sizeof(wn_comment_marks) / sizeof(wn_comment_marks[0]); k++) {
		size_t l = strlen(wn_comment_marks[k]);
		if (strncmp(s, wn_comment_marks[k], l) || (!counted && !alone && k < WN_COMMENT_WORDS))
			continue;
		/* A count may be followed by more words ("34 responses to X");
		 * without one the marker must be the whole line. */
		if (counted ? s[l] == ' ' || !s[l] : !s[l] || (s[l] == ':' && !s[l + 1]) || (s[l] == ' ' && t->words <= 3))
			return true;
	}
	/* "Name says:" / "Name on <date> said:" comment headers. */
	size_t n = strlen(t->lower);
	return t->words <= 12 && ((n > 5 && !strcmp(t->lower + n - 5, "says:")) ||
				  (n > 5 && !strcmp(t->lower + n - 5, "said:")));
}

/* Score of a kept line for the body region. */
static double wn_line_score(const struct wn_tline *t)
{
	if (t->sentence && t->chars >= WN_BODY_CHARS)
		return (double)t->chars;
	if (t->sentence && t->words >= 4)
		return (double)t->chars / 4;
	return -10.0 - (double)t->chars / 2;
}

/* Drops everything from the first comment-section heading that follows
 * some body text (a "Comments" menu item above the article must not
 * count): comments come after the article, and read like body text. */
static enum wn_err wn_text_comments(struct wn_doc *doc, const struct wn_tline *tl)
{
	size_t n = doc->n_lines, i = 0, body = 0;
	for (; i < n; i++) {
		const char *why = doc->lines[i].removed_by;
		if (body >= WN_COMMENTS_AFTER && !tl[i].blank &&
		    wn_line_comments(&tl[i], doc->blocks[doc->lines[i].block].n_lines <= 2))
			break;
		if (!tl[i].blank && !why && tl[i].sentence && tl[i].chars >= WN_BODY_CHARS)
			body += tl[i].chars;
	}
	enum wn_err err = WN_OK;
	for (size_t k = i; k < n && !err; k++)
		if (!tl[k].blank)
			err = wn_drop(doc, k, "comments", (double)(k - i));
	return err;
}

/* Keeps the best-scoring run of kept lines (Kadane); drops the rest.
 * Sets *start to the region's first line (n when there is no body). */
static enum wn_err wn_text_region(struct wn_doc *doc, const struct wn_tline *tl, size_t *start)
{
	size_t n = doc->n_lines, best_a = n, best_b = n, a = n;
	double best = 0, cur = 0;
	for (size_t i = 0; i < n; i++) {
		if (tl[i].blank || doc->lines[i].removed_by)
			continue;
		double s = wn_line_score(&tl[i]);
		if (cur <= 0) {
			cur = 0;
			a = i;
		}
		cur += s;
		if (cur > best) {
			best = cur;
			best_a = a;
			best_b = i;
		}
	}
	*start = best_a;
	if (best_a == n)
		return WN_OK;
	enum wn_err err = WN_OK;
	for (size_t i = 0; i < n && !err; i++)
		if (!tl[i].blank && (i < best_a || i > best_b))
			err = wn_drop(doc, i, "outside_body", wn_line_score(&tl[i]));
	return err;
}

/* Title, byline and date from the lines just before the body. */
static enum wn_err wn_text_title(struct wn_doc *doc, const struct wn_tline *tl, size_t start,
				 struct wn_article *art)
{
	size_t seen = 0, title = SIZE_MAX;
	for (size_t i = start; i-- > 0 && seen < 8;) {
		const struct wn_tline *t = &tl[i];
		const char *why = doc->lines[i].removed_by;
		if (t->blank)
			continue;
		seen++;
		/* Lines the shape passes removed are furniture, not headlines. */
		if (why && !strstr(why, "outside_body") && !strstr(why, "menu_run"))
			continue;
		size_t by = t->words <= 6 ? wn_extract_byline_prefix(t->lower) : 0;
		if (by && t->len > by) {
			if (!art->author &&
			    !(art->author = wn_arena_strndup(doc->arena, t->s + by, t->len - by)))
				return WN_ERR_NOMEM;
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
		if (t->words < 3 || t->chars < 15 || t->chars > 150 || t->sentence ||
		    (t->s[0] >= '0' && t->s[0] <= '9'))
			continue;
		/* A headline usually stands alone as its own block; take the
		 * nearest such line, else the nearest candidate. */
		const struct wn_block *blk = &doc->blocks[doc->lines[i].block];
		if (blk->n_lines == 1) {
			title = i;
			break;
		}
		if (title == SIZE_MAX)
			title = i;
	}
	if (art->title || title == SIZE_MAX)
		return WN_OK;
	art->title = wn_arena_strndup(doc->arena, tl[title].s, tl[title].len);
	return art->title ? WN_OK : WN_ERR_NOMEM;
}

enum wn_err wn_extract_text_generic(struct wn_doc *doc, struct wn_article *art)
{
	size_t n = doc->n_lines;
	struct wn_tline *tl = wn_arena_calloc(doc->arena, n ? n : 1, sizeof(*tl));
	if (!tl)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		struct wn_tline *t = &tl[i];
		t->len = doc->lines[i].len;
		t->s = wn_utf8_trim(doc->text + doc->lines[i].off, &t->len);
		t->blank = !t->len || doc->lines[i].block < 0;
		t->value = -1;
		if (t->blank)
			continue;
		t->lower = wn_extract_lowercase(doc->arena, t->s, t->len);
		if (!t->lower)
			return WN_ERR_NOMEM;
		t->chars = wn_utf8_count(t->s, t->len);
		t->words = wn_extract_count_words(t->s, t->len);
		t->sentence = wn_line_sentence(t->s, t->len);
		wn_line_number(t);
	}
	size_t start;
	enum wn_err err = wn_text_shapes(doc, tl);
	if (!err)
		err = wn_text_comments(doc, tl);
	if (!err)
		err = wn_text_region(doc, tl, &start);
	if (!err)
		err = wn_text_title(doc, tl, start, art);
	return err;
}
