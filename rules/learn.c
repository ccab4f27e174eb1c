/* learn.c -- wn_rules_learn(): a draft rule file from pages of one site.
 *
 * Each page becomes its lines (text input: its lines; HTML: its blocks'
 * text), trimmed, blank ones left out.  A line is
 *   recurring  on at least half of the pages (and two), not prose, with
 *              two letters or more: the site's template;
 *   prose      long, or sentence-punctuated and not short: an article line,
 *              never proposed however often it recurs (a standard
 *              disclaimer is the author's call, not a guess's);
 *   variable   anything else (headlines, dates, teasers).
 * After a page's first prose line, a recurring line followed by variable
 * lines up to the next recurring line (or the page's end) is a noise list
 * with a fixed heading ("Most read" + this week's headlines); the same
 * heading and end on half of the pages make a text_drop_from/until
 * range.  Before the first prose line variable lines are the title, date
 * and byline, so no range is guessed there.  Other recurring lines become
 * text_drop_line literals.  The longest recurring lines seen on every page
 * are the fingerprints.  Each page gets a test: its longest prose line
 * must stay, its longest dropped line must go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"
#include "learn.h"
#include "utf8.h"

/* A line must be on this share of the pages (and at least two) to count
 * as the site's template. */
#define WN_LEARN_SHARE 0.5
/* Prose: this many words, or this many characters with sentence
 * punctuation. */
#define WN_LEARN_PROSE_WORDS 12
#define WN_LEARN_PROSE_CHARS 60
/* A noise list runs at least this many variable lines under its heading. */
#define WN_LEARN_LIST_LINES 2
/* Fingerprints: at most this many, each at least this many characters. */
#define WN_LEARN_FINGERPRINTS 4
#define WN_LEARN_FINGERPRINT_CHARS 8
/* test_contains quotes at most this many characters of a prose line. */
#define WN_LEARN_QUOTE_CHARS 80

enum wn_learn_kind {
	WN_LEARN_VARIABLE = 0,
	WN_LEARN_RECURRING,
	WN_LEARN_PROSE,
};

/* One line of one page. */
struct wn_learn_line {
	const char *s;            /* trimmed text, NUL-terminated (arena) */
	size_t page;              /* index of its page */
	size_t df;                /* pages the line is on */
	enum wn_learn_kind kind;  /* what the line is taken for */
	bool covered;             /* removed by a proposed range (not a drop line) */
	bool dropped;             /* removed by a proposed text_drop_line */
};

/* A noise list seen on one page: heading line, end line (NULL: the
 * page's end). */
struct wn_learn_span {
	const char *from;         /* the recurring heading */
	const char *until;        /* the recurring line that ends it, or NULL */
	size_t page;              /* the page it is on */
};

/* Everything learned, pages in order. */
struct wn_learn {
	struct wn_arena *arena;   /* owns everything */
	struct wn_learn_line *lines; /* every page's lines, page by page */
	size_t n_lines;
	size_t cap_lines;         /* allocated entries of lines */
	size_t *first;            /* first line of page p; first[n] = n_lines */
	size_t n_pages;
	size_t min_df;            /* pages a recurring line must be on */
};

static enum wn_err wn_learn_add(struct wn_learn *l, size_t page, const char *s, size_t len)
{
	s = wn_utf8_trim(s, &len);
	if (!len)
		return WN_OK;
	if (l->n_lines == l->cap_lines) {
		size_t cap = l->cap_lines ? l->cap_lines * 2 : 256;
		struct wn_learn_line *nl = wn_arena_realloc(l->arena, l->lines,
							    l->cap_lines * sizeof(*nl),
							    cap * sizeof(*nl));
		if (!nl)
			return WN_ERR_NOMEM;
		l->lines = nl;
		l->cap_lines = cap;
	}
	struct wn_learn_line *ln = &l->lines[l->n_lines];
	memset(ln, 0, sizeof(*ln));
	ln->page = page;
	ln->s = wn_arena_strndup(l->arena, s, len);
	if (!ln->s)
		return WN_ERR_NOMEM;
	l->n_lines++;
	return WN_OK;
}

/* Splits page p into lines: a text page at its newlines, an HTML page
 * into its blocks (what a scraper would have saved as lines). */
static enum wn_err wn_learn_page_lines(struct wn_learn *l, size_t p,
				       const struct wn_rules_learn_page *page)
{
	const char *raw = page->bytes;
	size_t len = page->len;
	enum wn_err err = WN_OK;
	if (wn_parser_is_gzip(raw, len)) {
		char *inflated;
		if ((err = wn_parser_inflate(l->arena, raw, len, 0, &inflated, &len)))
			return err;
		raw = inflated;
	}
	if (wn_parser_sniff_kind(raw, len) == WN_INPUT_HTML) {
		struct wn_parse_opts po = {.kind = WN_INPUT_HTML};
		struct wn_doc *doc;
		if ((err = wn_parser_parse(l->arena, raw, len, &po, &doc)))
			return err == WN_ERR_EMPTY ? WN_OK : err;
		for (size_t b = 0; b < doc->n_blocks && !err; b++)
			err = wn_learn_add(l, p, doc->blocks[b].text, doc->blocks[b].len);
		return err;
	}
	char *text;
	size_t tl;
	const char *cs;
	int bad;
	if ((err = wn_parser_to_utf8(l->arena, raw, len, NULL, WN_INPUT_TEXT, &text, &tl, &cs,
				     &bad)))
		return err;
	for (size_t a = 0; a < tl && !err;) {
		const char *nl = memchr(text + a, '\n', tl - a);
		size_t b = nl ? (size_t)(nl - text) : tl;
		err = wn_learn_add(l, p, text + a, b - a);
		a = b + 1;
	}
	return err;
}

/* Words, letters and sentence punctuation decide prose. */
static enum wn_learn_kind wn_learn_shape(const char *s, size_t *letters)
{
	size_t len = strlen(s), i = 0, words = 0, chars = 0;
	bool in = false, stop = false;
	*letters = 0;
	while (i < len) {
		uint32_t cp = wn_utf8_next(s, len, &i);
		bool w = !wn_utf8_is_space(cp) && !(cp < 0x80 && strchr("-|/,:;.!?()[]\"'", (int)cp));
		words += w && !in;
		in = w;
		chars++;
		*letters += cp >= 0x80 || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
		if ((cp == '.' || cp == '!' || cp == '?') && (i == len || s[i] == ' '))
			stop = true;
	}
	if (words >= WN_LEARN_PROSE_WORDS || (stop && chars >= WN_LEARN_PROSE_CHARS))
		return WN_LEARN_PROSE;
	return WN_LEARN_VARIABLE;
}

static int wn_learn_cmp_lines(const void *a, const void *b)
{
	const struct wn_learn_line *x = *(const struct wn_learn_line *const *)a;
	const struct wn_learn_line *y = *(const struct wn_learn_line *const *)b;
	int c = strcmp(x->s, y->s);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* Sets df and kind of every line. */
static enum wn_err wn_learn_classify(struct wn_learn *l)
{
	struct wn_learn_line **refs = wn_arena_alloc(l->arena, (l->n_lines + 1) * sizeof(*refs));
	if (!refs)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < l->n_lines; i++)
		refs[i] = &l->lines[i];
	qsort(refs, l->n_lines, sizeof(*refs), wn_learn_cmp_lines);
	for (size_t a = 0, b; a < l->n_lines; a = b) {
		size_t df = 1;
		for (b = a + 1; b < l->n_lines && !strcmp(refs[a]->s, refs[b]->s); b++)
			df += refs[b]->page != refs[b - 1]->page;
		for (size_t k = a; k < b; k++)
			refs[k]->df = df;
	}
	for (size_t i = 0; i < l->n_lines; i++) {
		struct wn_learn_line *ln = &l->lines[i];
		size_t letters;
		ln->kind = wn_learn_shape(ln->s, &letters);
		if (ln->kind != WN_LEARN_PROSE && ln->df >= l->min_df && letters >= 2)
			ln->kind = WN_LEARN_RECURRING;
	}
	return WN_OK;
}

static int wn_learn_cmp_spans(const void *a, const void *b)
{
	const struct wn_learn_span *x = a, *y = b;
	int c = strcmp(x->from, y->from);
	if (c)
		return c;
	if (!x->until || !y->until)
		c = !x->until - !y->until;
	else
		c = strcmp(x->until, y->until);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

static bool wn_learn_same_span(const struct wn_learn_span *x, const struct wn_learn_span *y)
{
	if (strcmp(x->from, y->from))
		return false;
	return x->until && y->until ? !strcmp(x->until, y->until) : x->until == y->until;
}

/* The noise lists after the first prose line of each page, sorted so that
 * equal (from, until) pairs are adjacent. */
static enum wn_err wn_learn_spans(struct wn_learn *l, struct wn_learn_span **out, size_t *n)
{
	struct wn_learn_span *spans = wn_arena_alloc(l->arena, (l->n_lines + 1) * sizeof(*spans));
	if (!spans)
		return WN_ERR_NOMEM;
	*n = 0;
	for (size_t p = 0; p < l->n_pages; p++) {
		size_t i = l->first[p], end = l->first[p + 1];
		while (i < end && l->lines[i].kind != WN_LEARN_PROSE)
			i++;
		for (; i < end; i++) {
			if (l->lines[i].kind != WN_LEARN_RECURRING)
				continue;
			/* The list ends at the next line as frequent as its
			 * heading (the template again); its items may recur
			 * less often (this week's headlines). */
			size_t j = i + 1;
			while (j < end && l->lines[j].kind != WN_LEARN_PROSE &&
			       !(l->lines[j].kind == WN_LEARN_RECURRING &&
				 l->lines[j].df >= l->lines[i].df))
				j++;
			if (j - i - 1 < WN_LEARN_LIST_LINES ||
			    (j < end && l->lines[j].kind == WN_LEARN_PROSE))
				continue;
			spans[(*n)++] = (struct wn_learn_span){
				.from = l->lines[i].s, .until = j < end ? l->lines[j].s : NULL,
				.page = p};
		}
	}
	qsort(spans, *n, sizeof(*spans), wn_learn_cmp_spans);
	*out = spans;
	return WN_OK;
}

/* Writes s as a PCRE2 literal: metacharacters escaped, tabs as \t. */
static void wn_learn_put_literal(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\t')
			fputs("\\t", f);
		else if (strchr("\\^$.|?*+()[]{}", *s))
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

/* True when s is one of the recurring lines of page p that the draft
 * removes, and occurs in no kept line of the page. */
static bool wn_learn_gone(const struct wn_learn *l, size_t p, const char *s)
{
	for (size_t i = l->first[p]; i < l->first[p + 1]; i++) {
		const struct wn_learn_line *ln = &l->lines[i];
		if (!ln->dropped && !ln->covered && strstr(ln->s, s))
			return false;
	}
	return true;
}

/* True when, on every page with the heading sp->from, the lines after it
 * up to sp->until (or the page's end) hold no prose: the range never
 * swallows an article, whatever page it meets. */
static bool wn_learn_span_safe(const struct wn_learn *l, const struct wn_learn_span *sp)
{
	for (size_t p = 0; p < l->n_pages; p++) {
		size_t i = l->first[p], end = l->first[p + 1];
		while (i < end && strcmp(l->lines[i].s, sp->from))
			i++;
		if (i == end)
			continue;
		for (i++; i < end && !(sp->until && !strcmp(l->lines[i].s, sp->until)); i++)
			if (l->lines[i].kind == WN_LEARN_PROSE)
				return false;
	}
	return true;
}

/* Range directives for the noise lists seen on enough pages; marks the
 * lines they remove. */
static void wn_learn_put_ranges(FILE *f, struct wn_learn *l, struct wn_learn_span *spans,
				size_t n)
{
	for (size_t a = 0, b; a < n; a = b) {
		size_t pages = 1;
		for (b = a + 1; b < n && wn_learn_same_span(&spans[a], &spans[b]); b++)
			pages += spans[b].page != spans[b - 1].page;
		if (pages < l->min_df || !wn_learn_span_safe(l, &spans[a]))
			continue;
		fprintf(f, "# a list under a fixed heading, on %zu of %zu pages\ntext_drop_from: ^",
			pages, l->n_pages);
		wn_learn_put_literal(f, spans[a].from);
		fputs("$\ntext_drop_until: ", f);
		if (spans[a].until) {
			fputc('^', f);
			wn_learn_put_literal(f, spans[a].until);
			fputs("$\n\n", f);
		} else {
			fputs("$\n\n", f);
		}
		/* Mark what the range removes on the pages it was seen on. */
		for (size_t k = a; k < b; k++) {
			size_t p = spans[k].page, i = l->first[p], end = l->first[p + 1];
			while (i < end && strcmp(l->lines[i].s, spans[k].from))
				i++;
			for (; i < end; i++) {
				l->lines[i].covered = true;
				if (spans[k].until && !strcmp(l->lines[i].s, spans[k].until))
					break;
			}
		}
	}
}

/* text_drop_line for every recurring line no range covers everywhere. */
static void wn_learn_put_drops(FILE *f, struct wn_learn *l)
{
	for (size_t i = 0; i < l->n_lines; i++) {
		struct wn_learn_line *ln = &l->lines[i];
		if (ln->kind != WN_LEARN_RECURRING || ln->covered || ln->dropped)
			continue;
		/* Proposed once, and not at all when a range removes it on
		 * some page: an item of a rotating list is some page's
		 * headline. */
		bool skip = false;
		for (size_t k = 0; k < l->n_lines && !skip; k++)
			skip = (k < i || l->lines[k].covered) && !strcmp(l->lines[k].s, ln->s);
		if (skip)
			continue;
		for (size_t k = i; k < l->n_lines; k++)
			if (!strcmp(l->lines[k].s, ln->s))
				l->lines[k].dropped = true;
		fprintf(f, "# on %zu of %zu pages\ntext_drop_line: ^", ln->df, l->n_pages);
		wn_learn_put_literal(f, ln->s);
		fputs("$\n", f);
	}
}

/* The longest lines on every page (or as many as any line is on). */
static void wn_learn_put_fingerprints(FILE *f, const struct wn_learn *l)
{
	size_t best_df = 0, picked = 0;
	const char *done[WN_LEARN_FINGERPRINTS];
	for (size_t i = 0; i < l->n_lines; i++)
		if (l->lines[i].kind == WN_LEARN_RECURRING && l->lines[i].df > best_df)
			best_df = l->lines[i].df;
	while (picked < WN_LEARN_FINGERPRINTS) {
		const struct wn_learn_line *best = NULL;
		for (size_t i = 0; i < l->n_lines; i++) {
			const struct wn_learn_line *ln = &l->lines[i];
			if (ln->kind != WN_LEARN_RECURRING || ln->df < best_df ||
			    strlen(ln->s) < WN_LEARN_FINGERPRINT_CHARS ||
			    (best && strlen(ln->s) <= strlen(best->s)))
				continue;
			bool seen = false;
			for (size_t k = 0; k < picked && !seen; k++)
				seen = !strcmp(done[k], ln->s);
			if (!seen)
				best = ln;
		}
		if (!best)
			break;
		done[picked++] = best->s;
	}
	if (!picked)
		return;
	fprintf(f, "# fingerprints: lines on %zu of %zu pages, for pages without a URL\n",
		best_df, l->n_pages);
	for (size_t k = 0; k < picked; k++) {
		fputs("text_site_match: ^\\h*", f);
		wn_learn_put_literal(f, done[k]);
		fputs("\\h*$\n", f);
	}
	fprintf(f, "text_site_min: %zu\n\n", picked < 2 ? picked : picked - 1);
}

/* One embedded test per page. */
static void wn_learn_put_tests(FILE *f, const struct wn_learn *l,
			       const struct wn_rules_learn_page *pages, const char *site)
{
	for (size_t p = 0; p < l->n_pages; p++) {
		const char *name = strrchr(pages[p].input, '/');
		name = name ? name + 1 : pages[p].input;
		const char *keep = NULL, *gone = NULL;
		for (size_t i = l->first[p]; i < l->first[p + 1]; i++) {
			const struct wn_learn_line *ln = &l->lines[i];
			if (ln->kind == WN_LEARN_PROSE && !ln->covered && !ln->dropped &&
			    (!keep || strlen(ln->s) > strlen(keep)))
				keep = ln->s;
			if (ln->dropped && (!gone || strlen(ln->s) > strlen(gone)) &&
			    wn_learn_gone(l, p, ln->s))
				gone = ln->s;
		}
		/* The URL is a placeholder: the page's name less its
		 * extensions. */
		size_t name_len = strcspn(name, ".");
		fprintf(f, "\ntest_url: https://%s/%.*s\ntest_input: %s\n",
			site ? site : "example.com", (int)(name_len ? name_len : strlen(name)), name,
			pages[p].input);
		if (keep)
			fprintf(f, "test_contains: %.*s\n",
				(int)wn_utf8_prefix(keep, strlen(keep), WN_LEARN_QUOTE_CHARS), keep);
		if (gone)
			fprintf(f, "test_not_contains: %s\n", gone);
	}
}

enum wn_err wn_rules_learn(struct wn_arena *arena, const struct wn_rules_learn_page *pages,
			   size_t n, const struct wn_rules_learn_opts *opts, char **out)
{
	static const struct wn_rules_learn_opts no_opts;
	if (!opts)
		opts = &no_opts;
	struct wn_learn l = {.arena = arena, .n_pages = n};
	l.min_df = (size_t)(n * WN_LEARN_SHARE + 0.999);
	if (l.min_df < 2)
		l.min_df = 2;
	l.first = wn_arena_alloc(arena, (n + 1) * sizeof(*l.first));
	if (!l.first)
		return WN_ERR_NOMEM;
	enum wn_err err = WN_OK;
	for (size_t p = 0; p < n && !err; p++) {
		l.first[p] = l.n_lines;
		err = wn_learn_page_lines(&l, p, &pages[p]);
	}
	l.first[n] = l.n_lines;
	struct wn_learn_span *spans = NULL;
	size_t n_spans = 0;
	if (!err)
		err = wn_learn_classify(&l);
	if (!err)
		err = wn_learn_spans(&l, &spans, &n_spans);
	if (err)
		return err;

	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	if (!f)
		return WN_ERR_NOMEM;
	fprintf(f, "# Drafted by `winnow rules learn` from %zu pages of %s: review before use.\n"
		"# Lines on at least %zu of the pages that do not read like article text.\n\n",
		n, opts->site ? opts->site : "one site", l.min_df);
	wn_learn_put_fingerprints(f, &l);
	wn_learn_put_ranges(f, &l, spans, n_spans);
	wn_learn_put_drops(f, &l);
	wn_learn_put_tests(f, &l, pages, opts->site);
	bool failed = ferror(f) != 0;
	if (fclose(f) || failed || !buf) {
		free(buf);
		return WN_ERR_NOMEM;
	}
	*out = wn_arena_strndup(arena, buf, size);
	free(buf);
	return *out ? WN_OK : WN_ERR_NOMEM;
}
