/* textrules.c -- applying a rule file's text_ directives to page text.
 *
 * Two steps, because the first changes the bytes the doc is parsed from:
 * wn_rules_text_rewrite() runs text_find/text_replace over the raw text;
 * wn_rules_apply_text() then works on the parsed doc, filling the fields
 * and marking lines removed (never deleting them, so explain output and
 * the article read the same state).  Every removal carries its reason,
 * "FILE:LINE directive".
 */
#include <string.h>

#include "internal.h"
#include "../parser/utf8.h"

/* "FILE:LINE directive" for r, into the arena; NULL when out of memory. */
static const char *wn_rules_reason(struct wn_arena *a, const struct wn_ruleset *rs,
				   const struct wn_rule *r)
{
	return wn_arena_printf(a, "%s:%d %s", rs->name, r->line, r->name);
}

/* Reports a directive that found nothing (or hit a regex limit). */
static enum wn_err wn_rules_note_missing(struct wn_arena *a, const struct wn_ruleset *rs,
					 const struct wn_rule *r, struct wn_rules_matcher *m,
					 wn_rules_note_fn note, void *ctx)
{
	if (!note)
		return WN_OK;
	const char *why = m->limit_hit
		? wn_arena_printf(a, "%s:%d %s (regex limit hit)", rs->name, r->line, r->name)
		: wn_rules_reason(a, rs, r);
	m->limit_hit = false;
	if (!why)
		return WN_ERR_NOMEM;
	note(ctx, "", 0, why);
	return WN_OK;
}

/* The partner of rs->rules[i] (text_replace of a text_find, text_drop_until
 * of a text_drop_from): the first rule of kind want before the next rule of
 * rs->rules[i]'s own kind; NULL if none. */
static const struct wn_rule *wn_rules_partner(const struct wn_ruleset *rs, size_t i,
					      enum wn_rules_kind want)
{
	enum wn_rules_kind own = wn_rules_kind_of(rs->rules[i].name);
	for (size_t j = i + 1; j < rs->n_rules; j++) {
		enum wn_rules_kind k = wn_rules_kind_of(rs->rules[j].name);
		if (k == own)
			break;
		if (k == want)
			return &rs->rules[j];
	}
	return NULL;
}

/* An output buffer growing in an arena. */
struct wn_rules_buf {
	struct wn_arena *arena; /* allocates data */
	char *data;             /* bytes so far (not NUL-terminated until the end) */
	size_t len;             /* bytes used */
	size_t cap;             /* bytes allocated */
};

/* Makes room for want more bytes; false when out of memory. */
static bool wn_rules_buf_reserve(struct wn_rules_buf *b, size_t want)
{
	if (b->cap - b->len > want)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= want)
		cap *= 2;
	char *n = wn_arena_realloc(b->arena, b->data, b->len, cap);
	if (!n)
		return false;
	b->data = n;
	b->cap = cap;
	return true;
}

static bool wn_rules_buf_add(struct wn_rules_buf *b, const char *s, size_t len)
{
	if (!wn_rules_buf_reserve(b, len))
		return false;
	memcpy(b->data + b->len, s, len);
	b->len += len;
	return true;
}

/* Runs one text_find (re) with replacement repl over s[0..len), the result
 * into *out (s itself when nothing matched).  Matches are found one by one
 * so each can be reported; the replacement text is PCRE2's (extended:
 * $1, ${name}, \n, \x20). */
static enum wn_err wn_rules_replace_all(struct wn_arena *a, struct wn_rules_matcher *m,
					const pcre2_code *re, const char *repl, const char *s,
					size_t len, const char *reason, wn_rules_note_fn note,
					void *ctx, const char **out, size_t *out_len, bool *bad_repl)
{
	struct wn_rules_buf b = {.arena = a};
	size_t pos = 0, copied = 0;
	uint32_t opts = PCRE2_NO_UTF_CHECK;
	bool any = false;
	while (pos <= len) {
		if (!wn_rules_re_match(m, re, s, len, pos, opts)) {
			if (!(opts & PCRE2_NOTEMPTY_ATSTART) || pos >= len || m->limit_hit)
				break;
			/* No non-empty match where the empty one was: step
			 * over one character and search on. */
			wn_utf8_next(s, len, &pos);
			opts = PCRE2_NO_UTF_CHECK;
			continue;
		}
		size_t so, eo;
		wn_rules_re_group(m, 0, &so, &eo);
		if (so < copied)
			break; /* \K moved the start back over replaced text */
		if (!wn_rules_buf_add(&b, s + copied, so - copied) || !wn_rules_buf_reserve(&b, 64))
			return WN_ERR_NOMEM;
		PCRE2_SIZE rlen = b.cap - b.len;
		uint32_t sopts = PCRE2_SUBSTITUTE_MATCHED | PCRE2_SUBSTITUTE_REPLACEMENT_ONLY |
				 PCRE2_SUBSTITUTE_EXTENDED | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH |
				 PCRE2_NO_UTF_CHECK;
		int rc = pcre2_substitute(re, (PCRE2_SPTR)s, len, pos, opts | sopts, m->md, m->mctx,
					  (PCRE2_SPTR)repl, PCRE2_ZERO_TERMINATED,
					  (PCRE2_UCHAR *)b.data + b.len, &rlen);
		if (rc == PCRE2_ERROR_NOMEMORY) {
			if (!wn_rules_buf_reserve(&b, rlen))
				return WN_ERR_NOMEM;
			rlen = b.cap - b.len;
			rc = pcre2_substitute(re, (PCRE2_SPTR)s, len, pos, opts | sopts, m->md,
					      m->mctx, (PCRE2_SPTR)repl, PCRE2_ZERO_TERMINATED,
					      (PCRE2_UCHAR *)b.data + b.len, &rlen);
		}
		if (rc < 0) {
			/* A replacement naming a group the regex lacks: the
			 * directive is left out as a whole. */
			*bad_repl = true;
			*out = s;
			*out_len = len;
			return WN_OK;
		}
		if (note && eo > so && (rlen != eo - so || memcmp(b.data + b.len, s + so, rlen)))
			note(ctx, s + so, eo - so, reason);
		b.len += rlen;
		copied = eo;
		any = any || eo > so || rlen > 0;
		pos = eo;
		opts = PCRE2_NO_UTF_CHECK | (eo == so ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0);
	}
	if (!any) {
		*out = s;
		*out_len = len;
		return WN_OK;
	}
	if (!wn_rules_buf_add(&b, s + copied, len - copied) || !wn_rules_buf_add(&b, "", 1))
		return WN_ERR_NOMEM;
	*out = b.data;
	*out_len = b.len - 1;
	return WN_OK;
}

enum wn_err wn_rules_text_rewrite(const struct wn_ruleset *rs, struct wn_arena *arena,
				  const char *text, size_t len, char **out, size_t *out_len,
				  wn_rules_note_fn note, void *ctx)
{
	enum wn_err err = WN_OK;
	struct wn_rules_matcher m = {0};
	const char *cur = text;
	size_t cur_len = len;
	bool any_find = false;
	for (size_t i = 0; rs && i < rs->n_rules && !any_find; i++)
		any_find = rs->rules[i].re && wn_rules_kind_of(rs->rules[i].name) == WN_RULES_TEXT_FIND;
	if (!any_find)
		goto out;
	if (!wn_utf8_valid(text, len)) {
		const char *why = wn_arena_printf(arena, "%s: text is not valid UTF-8, text_find skipped",
						  rs->name);
		if (!why) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		if (note)
			note(ctx, "", 0, why);
		goto out;
	}
	if ((err = wn_rules_matcher_init(&m)))
		goto out;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct wn_rule *r = &rs->rules[i];
		if (!r->re || wn_rules_kind_of(r->name) != WN_RULES_TEXT_FIND)
			continue;
		const struct wn_rule *rep = wn_rules_partner(rs, i, WN_RULES_TEXT_REPLACE);
		const char *reason = wn_rules_reason(arena, rs, rep ? rep : r);
		if (!reason) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		bool bad = false;
		const char *next;
		size_t next_len;
		err = wn_rules_replace_all(arena, &m, r->re, rep ? rep->value : "", cur, cur_len,
					   reason, note, ctx, &next, &next_len, &bad);
		if (err)
			goto out;
		if (m.limit_hit && (err = wn_rules_note_missing(arena, rs, r, &m, note, ctx)))
			goto out;
		if (bad && note) {
			const char *why = wn_arena_printf(arena, "%s (bad replacement, skipped)", reason);
			if (!why) {
				err = WN_ERR_NOMEM;
				goto out;
			}
			note(ctx, "", 0, why);
		}
		cur = next;
		cur_len = next_len;
	}
out:
	wn_rules_matcher_fini(&m);
	/* The input itself when nothing changed, as documented; the
	 * caller never writes through it. */
	*out = (char *)cur;
	*out_len = cur_len;
	return err;
}

/* Marks lines [first, last] removed with reason, keeping earlier reasons. */
static void wn_rules_mark(struct wn_doc *doc, size_t first, size_t last, const char *reason)
{
	for (size_t i = first; i <= last && i < doc->n_lines; i++)
		if (!doc->lines[i].removed_by)
			doc->lines[i].removed_by = reason;
}

/* Index of the line holding byte off of doc->text. */
static size_t wn_rules_line_at(const struct wn_doc *doc, size_t off)
{
	size_t lo = 0, hi = doc->n_lines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Matches re against line i of doc, trimmed. */
static bool wn_rules_line_match(struct wn_rules_matcher *m, const pcre2_code *re,
				const struct wn_doc *doc, size_t i)
{
	size_t len = doc->lines[i].len;
	const char *s = wn_utf8_trim(doc->text + doc->lines[i].off, &len);
	return wn_rules_re_match(m, re, s, len, 0, PCRE2_NO_UTF_CHECK);
}

/* First line at or after from matching re; doc->n_lines if none. */
static size_t wn_rules_find_line(struct wn_rules_matcher *m, const pcre2_code *re,
				 const struct wn_doc *doc, size_t from)
{
	for (size_t i = from; i < doc->n_lines; i++)
		if (wn_rules_line_match(m, re, doc, i))
			return i;
	return doc->n_lines;
}

/* The field a text_title .. text_source directive fills. */
static const char **wn_rules_field(struct wn_rules_fields *f, const char *name)
{
	static const struct {
		const char *name; /* directive */
		size_t off;       /* offset of its field */
	} map[] = {
		{"text_title", offsetof(struct wn_rules_fields, title)},
		{"text_author", offsetof(struct wn_rules_fields, author)},
		{"text_date", offsetof(struct wn_rules_fields, date_raw)},
		{"text_section", offsetof(struct wn_rules_fields, section)},
		{"text_lead", offsetof(struct wn_rules_fields, lead)},
		{"text_credit", offsetof(struct wn_rules_fields, credit)},
		{"text_source", offsetof(struct wn_rules_fields, source)},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(name, map[i].name) == 0)
			return (const char **)((char *)f + map[i].off);
	return NULL;
}

/* The metadata directives: the first match's group 1 (else the whole
 * match), trimmed, is the value; the lines it spans are removed. */
static enum wn_err wn_rules_apply_meta(const struct wn_ruleset *rs, struct wn_doc *doc,
				       struct wn_rules_fields *fields, struct wn_rules_matcher *m,
				       wn_rules_note_fn note, void *ctx)
{
	struct wn_arena *a = doc->arena;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct wn_rule *r = &rs->rules[i];
		if (!r->re || wn_rules_kind_of(r->name) != WN_RULES_META)
			continue;
		const char **slot = wn_rules_field(fields, r->name);
		if (*slot)
			continue; /* an earlier directive for this field matched */
		size_t so, eo;
		if (!wn_rules_re_match(m, r->re, doc->text, doc->text_len, 0, PCRE2_NO_UTF_CHECK) ||
		    (!wn_rules_re_group(m, 1, &so, &eo) && !wn_rules_re_group(m, 0, &so, &eo))) {
			enum wn_err err = wn_rules_note_missing(a, rs, r, m, note, ctx);
			if (err)
				return err;
			continue;
		}
		size_t vlen = eo - so;
		const char *v = wn_utf8_trim(doc->text + so, &vlen);
		if (!vlen)
			continue; /* an empty capture is no value */
		const char *reason = wn_rules_reason(a, rs, r);
		if (!reason || !(*slot = wn_arena_strndup(a, v, vlen)))
			return WN_ERR_NOMEM;
		wn_rules_mark(doc, wn_rules_line_at(doc, so), wn_rules_line_at(doc, eo - 1), reason);
	}
	return WN_OK;
}

/* text_keep_after, then text_keep_before (searched after the keep_after
 * anchor), then text_drop_from/until, then text_drop_line. */
static enum wn_err wn_rules_apply_lines(const struct wn_ruleset *rs, struct wn_doc *doc,
					struct wn_rules_matcher *m, wn_rules_note_fn note, void *ctx)
{
	struct wn_arena *a = doc->arena;
	size_t n = doc->n_lines, anchor = 0;
	static const enum wn_rules_kind order[] = {WN_RULES_KEEP_AFTER, WN_RULES_KEEP_BEFORE,
						   WN_RULES_DROP_FROM, WN_RULES_DROP_LINE};
	for (size_t o = 0; o < sizeof(order) / sizeof(order[0]); o++) {
		for (size_t i = 0; i < rs->n_rules; i++) {
			const struct wn_rule *r = &rs->rules[i];
			if (!r->re || wn_rules_kind_of(r->name) != order[o])
				continue;
			const char *reason = wn_rules_reason(a, rs, r);
			if (!reason)
				return WN_ERR_NOMEM;
			enum wn_err err = WN_OK;
			size_t at;
			switch (order[o]) {
			case WN_RULES_KEEP_AFTER:
				at = wn_rules_find_line(m, r->re, doc, 0);
				if (at == n) {
					err = wn_rules_note_missing(a, rs, r, m, note, ctx);
					break;
				}
				wn_rules_mark(doc, 0, at, reason);
				if (at + 1 > anchor)
					anchor = at + 1;
				break;
			case WN_RULES_KEEP_BEFORE:
				at = wn_rules_find_line(m, r->re, doc, anchor);
				if (at == n)
					err = wn_rules_note_missing(a, rs, r, m, note, ctx);
				else
					wn_rules_mark(doc, at, n - 1, reason);
				break;
			case WN_RULES_DROP_FROM: {
				const struct wn_rule *until = wn_rules_partner(rs, i, WN_RULES_DROP_UNTIL);
				const char *until_reason = until ? wn_rules_reason(a, rs, until) : NULL;
				bool found = false, until_missing = false;
				if (until && !until_reason)
					return WN_ERR_NOMEM;
				for (size_t k = 0; k < n; k++) {
					if (!wn_rules_line_match(m, r->re, doc, k))
						continue;
					found = true;
					if (!until) {
						wn_rules_mark(doc, k, k, reason);
						continue;
					}
					if (!until->re) { /* "$": to the end */
						wn_rules_mark(doc, k, n - 1, reason);
						break;
					}
					size_t end = wn_rules_find_line(m, until->re, doc, k + 1);
					if (end == n) {
						/* No end: dropping the rest of the page on a
						 * guess would lose the article. */
						until_missing = true;
						wn_rules_mark(doc, k, k, reason);
						continue;
					}
					wn_rules_mark(doc, k, end, reason);
					k = end;
				}
				if (!found)
					err = wn_rules_note_missing(a, rs, r, m, note, ctx);
				else if (until_missing)
					err = wn_rules_note_missing(a, rs, until, m, note, ctx);
				break;
			}
			default: /* WN_RULES_DROP_LINE */
				for (size_t k = 0; k < n; k++)
					if (wn_rules_line_match(m, r->re, doc, k))
						wn_rules_mark(doc, k, k, reason);
				if (m->limit_hit)
					err = wn_rules_note_missing(a, rs, r, m, note, ctx);
				break;
			}
			if (err)
				return err;
		}
	}
	return WN_OK;
}

enum wn_err wn_rules_apply_text(const struct wn_ruleset *rs, struct wn_doc *doc,
				struct wn_rules_fields *fields, wn_rules_note_fn note, void *ctx)
{
	struct wn_rules_fields scratch;
	struct wn_rules_matcher m = {0};
	enum wn_err err = WN_OK;
	if (!fields)
		fields = &scratch;
	memset(fields, 0, sizeof(*fields));
	if (!rs || !doc->text || !doc->n_lines)
		goto out;
	if (!wn_utf8_valid(doc->text, doc->text_len)) {
		const char *why = wn_arena_printf(doc->arena, "%s: text is not valid UTF-8, text rules skipped",
						  rs->name);
		if (!why)
			err = WN_ERR_NOMEM;
		else if (note)
			note(ctx, "", 0, why);
		goto out;
	}
	if ((err = wn_rules_matcher_init(&m)))
		goto out;
	if ((err = wn_rules_apply_meta(rs, doc, fields, &m, note, ctx)))
		goto out;
	if ((err = wn_rules_apply_lines(rs, doc, &m, note, ctx)))
		goto out;
	/* A block all of whose lines went goes with them. */
	for (size_t b = 0; b < doc->n_blocks; b++) {
		struct wn_block *blk = &doc->blocks[b];
		if (blk->removed_by || blk->first_line < 0)
			continue;
		bool all = blk->n_lines > 0;
		for (int32_t k = 0; k < blk->n_lines && all; k++)
			all = doc->lines[blk->first_line + k].removed_by != NULL;
		if (all)
			blk->removed_by = doc->lines[blk->first_line].removed_by;
	}
out:
	wn_rules_matcher_fini(&m);
	return err;
}
