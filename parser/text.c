/* text.c -- scraped page text to lines and blocks.
 *
 * A scraper's text keeps one block of the page per line and (in browser
 * renderings) a blank line between paragraphs.  So: lines are the text
 * split at '\n'; blocks are runs of non-blank lines.  A block's text is its
 * lines, each trimmed, joined by '\n'.  One pass to find lines, one over
 * the lines to form blocks.
 */
#include <string.h>

#include "doc.h"
#include "utf8.h"

/* True when the line holds nothing but white space. */
static bool wn_text_blank(const char *s, size_t len)
{
	size_t n = len;
	wn_utf8_trim(s, &n);
	return n == 0;
}

/* Fills blk from lines [first, first + n) of doc. */
static enum wn_err wn_text_block(struct wn_doc *doc, struct wn_block *blk, size_t first, size_t n)
{
	size_t total = 0;
	for (size_t i = first; i < first + n; i++)
		total += doc->lines[i].len + 1;
	char *t = wn_arena_alloc(doc->arena, total + 1);
	if (!t)
		return WN_ERR_NOMEM;
	size_t o = 0;
	for (size_t i = first; i < first + n; i++) {
		size_t len = doc->lines[i].len;
		const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
		if (o)
			t[o++] = '\n';
		memcpy(t + o, s, len);
		o += len;
	}
	t[o] = '\0';
	memset(blk, 0, sizeof(*blk));
	blk->text = t;
	blk->len = o;
	blk->chars = (uint32_t)wn_utf8_count(t, o);
	blk->kind = WN_BLOCK_PARAGRAPH;
	blk->node = -1;
	blk->first_line = (int32_t)first;
	blk->n_lines = (int32_t)n;
	return WN_OK;
}

enum wn_err wn_parser_parse_text(struct wn_arena *arena, const char *text, size_t len,
				 struct wn_doc **out)
{
	struct wn_doc *doc = wn_arena_calloc(arena, 1, sizeof(*doc));
	char *copy = wn_arena_strndup(arena, text, len);
	if (!doc || !copy)
		return WN_ERR_NOMEM;
	doc->arena = arena;
	doc->kind = WN_INPUT_TEXT;
	doc->charset = "utf-8";
	doc->text = copy;
	doc->text_len = len;

	size_t n_lines = 1;
	for (const char *p = copy; (p = memchr(p, '\n', (size_t)(copy + len - p))); p++)
		n_lines++;
	doc->lines = wn_arena_calloc(arena, n_lines, sizeof(*doc->lines));
	/* At most one block per two lines plus one. */
	doc->blocks = wn_arena_calloc(arena, n_lines / 2 + 1, sizeof(*doc->blocks));
	if (!doc->lines || !doc->blocks)
		return WN_ERR_NOMEM;

	size_t off = 0;
	for (size_t i = 0; i < n_lines; i++) {
		const char *nl = memchr(copy + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - copy) : len;
		size_t l = end - off;
		if (l && copy[off + l - 1] == '\r')
			l--;
		doc->lines[i] = (struct wn_line){.off = off, .len = l, .block = -1};
		off = end + 1;
	}
	doc->n_lines = n_lines;

	enum wn_err err = WN_OK;
	size_t i = 0;
	while (i < n_lines && !err) {
		if (wn_text_blank(copy + doc->lines[i].off, doc->lines[i].len)) {
			i++;
			continue;
		}
		size_t first = i;
		while (i < n_lines && !wn_text_blank(copy + doc->lines[i].off, doc->lines[i].len))
			doc->lines[i++].block = (int32_t)doc->n_blocks;
		err = wn_text_block(doc, &doc->blocks[doc->n_blocks++], first, i - first);
	}
	if (err)
		return err;
	*out = doc;
	return WN_OK;
}
