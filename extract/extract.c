/* extract.c -- wn_extract(): the pipeline, and assembling the article.
 *
 * Input is decoded once.  gzip is inflated and the kind sniffed here;
 * text input is converted to UTF-8 here too, because site rules rewrite
 * the raw text before it is split into lines.  HTML goes to the parser
 * as (inflated) bytes and is decoded there, once.
 *
 *   text: match rule -> rewrite -> parse lines -> rule fields and line
 *         removals, or (no rule) generic text heuristics -> assemble
 *   html: match rule by host -> find/replace -> parse -> HTML rules ->
 *         generic container selection (no body rule hit) -> metadata -> assemble
 *
 * Every stage marks what it removes on the doc (removed_by), and assembly
 * reads that one state for both the paragraphs and the explain list.
 */
#include <string.h>

#include "input.h"
#include "extract_internal.h"
#include "utf8.h"

/* Characters of removed text kept for explain output. */
#define WN_EXPLAIN_CHARS 120

/* One run of the pipeline: what the note callback needs. */
struct wn_extract_run {
	struct wn_arena *arena;     /* the request's arena */
	struct wn_article *art;     /* the article being built */
	size_t cap_removed;         /* allocated entries of art->removed */
	enum wn_err err;            /* first error met inside a callback */
};

/* Appends {first 120 characters of text, reason} to art->removed when
 * explain is on (else nothing to do). */
static enum wn_err wn_extract_add_removed(struct wn_extract_run *run, const char *text,
					  size_t len, const char *reason)
{
	struct wn_article *art = run->art;
	if (!art->explain)
		return WN_OK;
	if (art->n_removed == run->cap_removed) {
		size_t cap = run->cap_removed ? run->cap_removed * 2 : 32;
		struct wn_removed *r = wn_arena_realloc(run->arena, art->removed,
							run->cap_removed * sizeof(*r),
							cap * sizeof(*r));
		if (!r)
			return WN_ERR_NOMEM;
		art->removed = r;
		run->cap_removed = cap;
	}
	size_t n = len;
	const char *t = wn_utf8_trim(text, &n);
	n = wn_utf8_prefix(t, n, WN_EXPLAIN_CHARS);
	struct wn_removed *r = &art->removed[art->n_removed];
	r->text = wn_arena_strndup(run->arena, t, n);
	r->reason = wn_arena_strdup(run->arena, reason ? reason : "");
	if (!r->text || !r->reason)
		return WN_ERR_NOMEM;
	art->n_removed++;
	return WN_OK;
}

/* wn_rules_note_fn: text the rules removed before the doc existed
 * (rewrites), and anchors they did not find (len 0). */
static void wn_extract_note(void *ctx, const char *removed_text, size_t len, const char *reason)
{
	struct wn_extract_run *run = ctx;
	if (run->err)
		return;
	run->err = wn_extract_add_removed(run, removed_text ? removed_text : "", len, reason);
}

/* Text paragraphs: per block, its kept lines trimmed and joined by "\n";
 * explain lists each removed line. */
static enum wn_err wn_extract_assemble_text(struct wn_extract_run *run, struct wn_doc *doc)
{
	struct wn_article *art = run->art;
	art->paragraphs = wn_arena_calloc(run->arena, doc->n_blocks + 1, sizeof(char *));
	if (!art->paragraphs)
		return WN_ERR_NOMEM;
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		size_t first = (size_t)blk->first_line, end = first + (size_t)blk->n_lines;
		char *p = wn_arena_alloc(run->arena, blk->len + 1);
		if (!p)
			return WN_ERR_NOMEM;
		size_t o = 0;
		for (size_t i = first; i < end && i < doc->n_lines; i++) {
			const struct wn_line *ln = &doc->lines[i];
			size_t len = ln->len;
			const char *s = wn_utf8_trim(doc->text + ln->off, &len);
			const char *why = ln->removed_by ? ln->removed_by : blk->removed_by;
			if (why) {
				enum wn_err err = wn_extract_add_removed(run, s, len, why);
				if (err)
					return err;
				continue;
			}
			/* A trimmed line never exceeds the block text it came from. */
			if (o)
				p[o++] = '\n';
			memcpy(p + o, s, len);
			o += len;
		}
		p[o] = '\0';
		if (o)
			art->paragraphs[art->n_paragraphs++] = p;
	}
	return WN_OK;
}

/* HTML paragraphs: the kept blocks' text in order; explain lists each
 * removed block. */
static enum wn_err wn_extract_assemble_html(struct wn_extract_run *run, struct wn_doc *doc)
{
	struct wn_article *art = run->art;
	art->paragraphs = wn_arena_calloc(run->arena, doc->n_blocks + 1, sizeof(char *));
	if (!art->paragraphs)
		return WN_ERR_NOMEM;
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		if (blk->removed_by) {
			enum wn_err err = wn_extract_add_removed(run, blk->text, blk->len,
								 blk->removed_by);
			if (err)
				return err;
			continue;
		}
		size_t len = blk->len;
		const char *s = wn_utf8_trim(blk->text, &len);
		if (!len)
			continue;
		const char *p = s == blk->text && len == blk->len ? blk->text :
			wn_arena_strndup(run->arena, s, len);
		if (!p)
			return WN_ERR_NOMEM;
		art->paragraphs[art->n_paragraphs++] = p;
	}
	return WN_OK;
}

/* text, word_count, site, date and language: what every input shares. */
static enum wn_err wn_extract_finish(struct wn_extract_run *run, const struct wn_ruleset *rs)
{
	struct wn_article *art = run->art;
	size_t total = 0;
	for (size_t i = 0; i < art->n_paragraphs; i++)
		total += strlen(art->paragraphs[i]) + 2;
	char *text = wn_arena_alloc(run->arena, total + 1);
	if (!text)
		return WN_ERR_NOMEM;
	size_t o = 0;
	for (size_t i = 0; i < art->n_paragraphs; i++) {
		size_t l = strlen(art->paragraphs[i]);
		if (i) {
			memcpy(text + o, "\n\n", 2);
			o += 2;
		}
		memcpy(text + o, art->paragraphs[i], l);
		o += l;
	}
	text[o] = '\0';
	art->text = text;
	art->word_count = wn_extract_count_words(text, o);

	const char *host = art->url ? wn_rules_url_host(run->arena, art->url) : NULL;
	if (!host && rs)
		host = rs->host[0] == '.' ? rs->host + 1 : rs->host;
	if (host && !strncmp(host, "www.", 4))
		host += 4;
	art->site = host;
	if (rs && !art->n_rules) {
		art->rules = wn_arena_calloc(run->arena, 1, sizeof(char *));
		if (!art->rules)
			return WN_ERR_NOMEM;
		art->rules[0] = rs->name;
		art->n_rules = 1;
	}
	if (!art->date && art->date_raw)
		art->date = wn_extract_parse_date(run->arena, art->date_raw);
	if (!art->language)
		art->language = wn_extract_guess_language(text, o);
	return WN_OK;
}

/* WN_ERR_TIMEOUT once opts->deadline has passed: checked between stages,
 * so a pathological page costs at most one stage past its budget. */
static enum wn_err wn_extract_check_deadline(const struct wn_extract_opts *opts)
{
	struct timespec now;
	if (!opts->deadline)
		return WN_OK;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > opts->deadline->tv_sec ||
	    (now.tv_sec == opts->deadline->tv_sec && now.tv_nsec >= opts->deadline->tv_nsec))
		return WN_ERR_TIMEOUT;
	return WN_OK;
}

/* The text path: decode, rules or generic heuristics, assemble. */
static enum wn_err wn_extract_text(struct wn_extract_run *run, const char *raw, size_t raw_len,
				   const struct wn_extract_opts *opts)
{
	struct wn_article *art = run->art;
	char *text;
	size_t len;
	const char *charset;
	int bad;
	enum wn_err err = wn_parser_to_utf8(run->arena, raw, raw_len, opts->charset, WN_INPUT_TEXT,
					    &text, &len, &charset, &bad);
	if (err)
		return err;
	size_t tl = len;
	wn_utf8_trim(text, &tl);
	if (!tl)
		return WN_ERR_EMPTY;

	const struct wn_ruleset *rs = opts->ruleset ? opts->ruleset : opts->rules ?
		wn_rules_match(opts->rules, opts->url, text, len) : NULL;
	if (rs) {
		err = wn_rules_text_rewrite(rs, run->arena, text, len, &text, &len,
					    wn_extract_note, run);
		if (err || (err = run->err))
			return err;
	}
	struct wn_doc *doc;
	if ((err = wn_parser_parse_text(run->arena, text, len, &doc)))
		return err;
	if ((err = wn_extract_check_deadline(opts)))
		return err;
	doc->charset = charset;
	doc->bad_bytes = bad;
	if (rs) {
		struct wn_rules_fields f = {0};
		err = wn_rules_apply_text(rs, doc, &f, wn_extract_note, run);
		if (err || (err = run->err))
			return err;
		art->title = f.title;
		art->author = f.author;
		art->date_raw = f.date_raw;
		art->section = f.section;
		art->lead = f.lead;
		art->source = f.source;
		if (f.credit) {
			art->images = wn_arena_calloc(run->arena, 1, sizeof(*art->images));
			if (!art->images)
				return WN_ERR_NOMEM;
			art->images[0].credit = f.credit;
			art->n_images = 1;
		}
	} else {
		/* The headline the URL names tells the generic heuristics
		 * where the body starts, and is the title when theirs is not. */
		size_t headline;
		if ((err = wn_extract_text_slug_line(doc, opts->url, &headline)) ||
		    (err = wn_extract_text_generic(doc, headline, art)) ||
		    (err = wn_extract_text_url_title(doc, opts->url, headline, art)) ||
		    (err = wn_extract_text_date(doc, art)) ||
		    (err = wn_extract_text_author(doc, art)))
			return err;
		art->title = wn_extract_tidy_text_title(run->arena, art->title);
	}
	if ((err = wn_extract_check_deadline(opts)))
		return err;
	if ((err = wn_extract_assemble_text(run, doc)))
		return err;
	return wn_extract_finish(run, rs);
}

/* The headline is the title field and an image's caption is in images[];
 * as paragraphs they would repeat them (and the benchmarks' reference
 * texts leave both out).  Drops headings whose text is the title and the
 * figcaptions of images. */
static enum wn_err wn_extract_drop_repeats(struct wn_doc *doc, const struct wn_article *art)
{
	if (!art->title)
		return WN_OK;
	for (size_t b = 0; b < doc->n_blocks; b++) {
		struct wn_block *blk = &doc->blocks[b];
		if (blk->removed_by || blk->kind != WN_BLOCK_HEADING || strcmp(blk->text, art->title))
			continue;
		blk->removed_by = wn_arena_printf(doc->arena, "heuristic title %u", blk->level);
		if (!blk->removed_by)
			return WN_ERR_NOMEM;
	}
	for (size_t i = 0; i < doc->n_imgs; i++) {
		int32_t c = doc->imgs[i].caption_block;
		if (c >= 0 && (size_t)c < doc->n_blocks && !doc->blocks[c].removed_by)
			doc->blocks[c].removed_by = "heuristic caption 1";
	}
	return WN_OK;
}

/* The HTML path: the parser decodes; the site file's HTML directives
 * (html_rules.c), generic selection when no body rule found the article,
 * and metadata. */
static enum wn_err wn_extract_html(struct wn_extract_run *run, const char *raw, size_t raw_len,
				   const struct wn_extract_opts *opts)
{
	struct wn_parse_opts po = {.kind = WN_INPUT_HTML, .charset = opts->charset,
				   .max_bytes = opts->max_bytes};
	struct wn_doc *doc;
	int32_t container = -1;
	enum wn_err err;
	/* HTML rules match by host only: text fingerprints describe text. */
	const struct wn_ruleset *rs = opts->ruleset ? opts->ruleset :
		opts->url ? wn_rules_match(opts->rules, opts->url, NULL, 0) : NULL;
	const struct wn_ruleset *global = rs && rs->autodetect ? wn_rules_global(opts->rules) : NULL;
	if (!wn_extract_html_rules_wanted(rs))
		rs = global = NULL;
	if (rs) {
		/* find_string/replace_string edit the decoded HTML, which the
		 * parser then takes as UTF-8. */
		char *u;
		size_t ul;
		const char *cs;
		int bad;
		if ((err = wn_parser_to_utf8(run->arena, raw, raw_len, opts->charset, WN_INPUT_HTML,
					     &u, &ul, &cs, &bad)) ||
		    (err = wn_rules_html_rewrite(rs, global, run->arena, u, ul, &u, &ul)))
			return err;
		po.charset = "utf-8";
		if ((err = wn_parser_parse(run->arena, u, ul, &po, &doc)))
			return err;
		doc->charset = cs;
		doc->bad_bytes = bad;
		if ((err = wn_extract_html_rules(doc, rs, global, run->art, &container)))
			return err;
	} else {
		/* No rule's selectors will see this doc. */
		po.lean = true;
		if ((err = wn_parser_parse(run->arena, raw, raw_len, &po, &doc)))
			return err;
	}
	if ((err = wn_extract_check_deadline(opts)))
		return err;
	if (container < 0 && (err = wn_extract_html_generic(doc, opts->include_comments, &container)))
		return err;
	if ((err = wn_extract_check_deadline(opts)))
		return err;
	if ((err = wn_extract_html_meta(doc, opts->url, container, run->art)))
		return err;
	if ((err = wn_extract_drop_repeats(doc, run->art)))
		return err;
	if ((err = wn_extract_assemble_html(run, doc)))
		return err;
	return wn_extract_finish(run, rs);
}

enum wn_err wn_extract(struct wn_arena *arena, const char *bytes, size_t len,
		       const struct wn_extract_opts *opts, struct wn_article **out)
{
	static const struct wn_extract_opts no_opts;
	if (!arena || !out || (!bytes && len))
		return WN_ERR_INTERNAL;
	if (!opts)
		opts = &no_opts;
	if (!len)
		return WN_ERR_EMPTY;
	struct wn_article *art = wn_arena_calloc(arena, 1, sizeof(*art));
	if (!art)
		return WN_ERR_NOMEM;
	art->url = opts->url;
	art->explain = opts->explain;
	struct wn_extract_run run = {.arena = arena, .art = art};

	const char *raw = bytes;
	size_t raw_len = len;
	if (wn_parser_is_gzip(bytes, len)) {
		char *inflated;
		enum wn_err err = wn_parser_inflate(arena, bytes, len, opts->max_bytes, &inflated,
						    &raw_len);
		if (err)
			return err;
		raw = inflated;
	} else if (opts->max_bytes && len > opts->max_bytes) {
		return WN_ERR_TOO_LARGE;
	}
	if (!raw_len)
		return WN_ERR_EMPTY;
	art->input = opts->kind != WN_INPUT_AUTO ? opts->kind : wn_parser_sniff_kind(raw, raw_len);
	if (art->input != WN_INPUT_HTML)
		art->input = WN_INPUT_TEXT;
	enum wn_err err = art->input == WN_INPUT_HTML ? wn_extract_html(&run, raw, raw_len, opts) :
		wn_extract_text(&run, raw, raw_len, opts);
	if (err)
		return err;
	*out = art;
	return WN_OK;
}
