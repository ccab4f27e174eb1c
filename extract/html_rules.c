/* html_rules.c -- what a site file's HTML directives do to a page.
 *
 * Full-Text RSS semantics, on the parsed doc (rules/ finds the nodes,
 * this file decides what that means): every strip, strip_css and
 * strip_id_or_class line removes what it finds; strip_image_src drops
 * images; the body lines are alternatives tried in order, the first that
 * finds an element wins and every block outside its elements goes; title
 * and date take the first hit, author every hit of the first line that
 * has any (a body line counts as finding something only when its elements
 * hold a couple of paragraphs: see wn_html_rules_body_ok()); next_page_link and single_page_link are reported, never
 * followed.  global.txt's lines come after the site file's when the file
 * lets it (autodetect_on_failure).  Every removal names "FILE:LINE
 * directive".
 */
#include <string.h>

#include "extract_internal.h"
#include "utf8.h"

/* One application of rules to a page. */
struct wn_html_rules {
	struct wn_doc *doc;              /* the page */
	struct wn_rules_html *h;         /* selector state */
	struct wn_article *art;          /* fields set by rules */
	const struct wn_ruleset *files[2]; /* the site file, then global.txt (or NULL) */
	bool used[2];                    /* some line of that file found something */
};

/* "FILE:LINE directive" in the doc's arena. */
static const char *wn_html_rules_reason(struct wn_html_rules *x, size_t f, const struct wn_rule *r)
{
	return wn_arena_printf(x->doc->arena, "%s:%d %s", x->files[f]->name, r->line, r->name);
}

/* True when r is one of the comma-free list of directive names. */
static bool wn_html_rules_is(const struct wn_rule *r, const char *a, const char *b)
{
	return r->known && (!strcmp(r->name, a) || (b && !strcmp(r->name, b)));
}

/* Marks the blocks of element node removed: those it produced (owned by
 * it or an element inside it), and the block around an inline element
 * when the element holds nearly all of that block's text. */
static enum wn_err wn_html_rules_remove(struct wn_doc *doc, int32_t node, const char *why)
{
	const struct wn_node *nd = &doc->nodes[node];
	if (nd->first_block < 0)
		return WN_OK;
	int32_t end_node = node + nd->subtree_size;
	for (int32_t b = nd->first_block; b < nd->first_block + nd->n_blocks && (size_t)b < doc->n_blocks; b++) {
		struct wn_block *blk = &doc->blocks[b];
		bool inside = blk->node >= node && blk->node < end_node;
		if (!inside && (uint64_t)nd->text_chars * 10 < (uint64_t)blk->chars * 9)
			continue;
		if (!blk->removed_by && !(blk->removed_by = why))
			return WN_ERR_NOMEM;
	}
	return WN_OK;
}

/* Drops the <img> nodes of hits from the page's images. */
static void wn_html_rules_drop_imgs(struct wn_doc *doc, const struct wn_rules_hit *hits, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < doc->n_imgs; i++) {
		bool drop = false;
		for (size_t k = 0; k < n && !drop; k++)
			drop = hits[k].node >= 0 && hits[k].node == doc->imgs[i].node;
		if (!drop)
			doc->imgs[o++] = doc->imgs[i];
	}
	doc->n_imgs = o;
}

/* Every strip line of both files. */
static enum wn_err wn_html_rules_strip(struct wn_html_rules *x)
{
	for (size_t f = 0; f < 2; f++) {
		const struct wn_ruleset *rs = x->files[f];
		for (size_t i = 0; rs && i < rs->n_rules; i++) {
			const struct wn_rule *r = &rs->rules[i];
			bool img = wn_html_rules_is(r, "strip_image_src", NULL);
			if (!img && !wn_html_rules_is(r, "strip", "strip_css") &&
			    !wn_html_rules_is(r, "strip_id_or_class", NULL))
				continue;
			struct wn_rules_hit *hits;
			size_t n;
			enum wn_err err = wn_rules_select(x->h, r, &hits, &n);
			if (err)
				return err;
			if (!n)
				continue;
			x->used[f] = true;
			if (img) {
				wn_html_rules_drop_imgs(x->doc, hits, n);
				continue;
			}
			const char *why = wn_html_rules_reason(x, f, r);
			if (!why)
				return WN_ERR_NOMEM;
			/* An element holding most of the page's text is not
			 * noise: the page's markup parsed otherwise than the
			 * rule's author saw it (an unclosed <svg> swallowing the
			 * article), so it is left alone. */
			uint64_t page = x->doc->n_nodes ? x->doc->nodes[0].text_chars : 0;
			for (size_t k = 0; k < n; k++)
				if (hits[k].node >= 0 && !hits[k].value &&
				    (uint64_t)x->doc->nodes[hits[k].node].text_chars * 2 <= page &&
				    (err = wn_html_rules_remove(x->doc, hits[k].node, why)))
					return err;
		}
	}
	return WN_OK;
}

/* Paragraphs a body must hold to count as found: a rule written for a
 * newer layout of the site may still find a header or a teaser, and
 * keeping only that would lose the article. */
#define WN_HTML_RULES_BODY_PARAS 2
/* Characters that make a paragraph one. */
#define WN_HTML_RULES_PARA_CHARS 80

/* True when the elements hits[0..n) hold enough running text (kept
 * paragraphs, quotes or list items, mostly not links) to be an article. */
static bool wn_html_rules_body_ok(const struct wn_doc *doc, const struct wn_rules_hit *hits,
				  size_t n)
{
	int paras = 0;
	for (size_t b = 0; b < doc->n_blocks && paras < WN_HTML_RULES_BODY_PARAS; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		if (blk->removed_by || blk->chars < WN_HTML_RULES_PARA_CHARS ||
		    blk->link_chars * 2 >= blk->chars ||
		    (blk->kind != WN_BLOCK_PARAGRAPH && blk->kind != WN_BLOCK_QUOTE &&
		     blk->kind != WN_BLOCK_LIST_ITEM))
			continue;
		for (size_t k = 0; k < n; k++) {
			int32_t h = hits[k].node;
			if (blk->node >= h && blk->node < h + doc->nodes[h].subtree_size) {
				paras++;
				break;
			}
		}
	}
	return paras >= WN_HTML_RULES_BODY_PARAS;
}

/* The first body line that finds an article: every block outside its
 * elements is removed.  *container gets the first element, -1 if none. */
static enum wn_err wn_html_rules_body(struct wn_html_rules *x, int32_t *container)
{
	struct wn_doc *doc = x->doc;
	*container = -1;
	for (size_t f = 0; f < 2; f++) {
		const struct wn_ruleset *rs = x->files[f];
		for (size_t i = 0; rs && i < rs->n_rules; i++) {
			const struct wn_rule *r = &rs->rules[i];
			if (!wn_html_rules_is(r, "body", "body_css"))
				continue;
			struct wn_rules_hit *hits;
			size_t n, elems = 0;
			enum wn_err err = wn_rules_select(x->h, r, &hits, &n);
			if (err)
				return err;
			for (size_t k = 0; k < n; k++)
				if (hits[k].node >= 0 && !hits[k].value)
					hits[elems++] = hits[k];
			if (!elems || !wn_html_rules_body_ok(doc, hits, elems))
				continue;
			const char *why = wn_html_rules_reason(x, f, r);
			if (!why)
				return WN_ERR_NOMEM;
			/* A block is kept when its element lies inside one of
			 * the hits (hits come in document order). */
			for (size_t b = 0; b < doc->n_blocks; b++) {
				int32_t node = doc->blocks[b].node;
				bool keep = false;
				for (size_t k = 0; k < elems && !keep; k++) {
					int32_t h = hits[k].node;
					keep = node >= h && node < h + doc->nodes[h].subtree_size;
				}
				if (!keep && !doc->blocks[b].removed_by)
					doc->blocks[b].removed_by = why;
			}
			*container = hits[0].node;
			x->used[f] = true;
			return WN_OK;
		}
	}
	return WN_OK;
}

/* Text of a hit, trimmed, in the arena; NULL for none or out of memory
 * (*err then says which). */
static const char *wn_html_rules_hit_text(struct wn_doc *doc, const struct wn_rules_hit *hit,
					  enum wn_err *err)
{
	const char *s = hit->value ? hit->value : wn_rules_node_text(doc, hit->node);
	if (!s) {
		*err = WN_ERR_NOMEM;
		return NULL;
	}
	size_t len = strlen(s);
	const char *t = wn_utf8_trim(s, &len);
	if (!len)
		return NULL;
	/* Collapse white space: attribute values and text() keep newlines. */
	char *o = wn_arena_alloc(doc->arena, len + 1);
	if (!o) {
		*err = WN_ERR_NOMEM;
		return NULL;
	}
	size_t n = 0, i = 0;
	bool space = false;
	while (i < len) {
		size_t k = i;
		uint32_t cp = wn_utf8_next(t, len, &k);
		if (wn_utf8_is_space(cp)) {
			space = true;
		} else {
			if (space && n)
				o[n++] = ' ';
			space = false;
			memcpy(o + n, t + i, k - i);
			n += k - i;
		}
		i = k;
	}
	o[n] = '\0';
	return o;
}

/* The value of a link hit: an element's href, else the hit's text. */
static const char *wn_html_rules_link(struct wn_doc *doc, const struct wn_rules_hit *hit,
				      enum wn_err *err)
{
	if (!hit->value && hit->node >= 0) {
		const char *href = wn_doc_attr(doc, hit->node, "href");
		return href && *href ? href : NULL;
	}
	return wn_html_rules_hit_text(doc, hit, err);
}

/* Value for a field from the first line of names a/b that finds
 * something; with all, every hit of that line joined by ", " (authors). */
static enum wn_err wn_html_rules_field(struct wn_html_rules *x, const char *a, const char *b,
				       bool all, bool link, const char **out)
{
	for (size_t f = 0; f < 2; f++) {
		const struct wn_ruleset *rs = x->files[f];
		for (size_t i = 0; rs && i < rs->n_rules; i++) {
			const struct wn_rule *r = &rs->rules[i];
			if (!wn_html_rules_is(r, a, b))
				continue;
			struct wn_rules_hit *hits;
			size_t n;
			enum wn_err err = wn_rules_select(x->h, r, &hits, &n);
			if (err)
				return err;
			const char *acc = NULL;
			for (size_t k = 0; k < n; k++) {
				const char *v = link ? wn_html_rules_link(x->doc, &hits[k], &err) :
					wn_html_rules_hit_text(x->doc, &hits[k], &err);
				if (err)
					return err;
				if (v && all) {
					/* An author's element text may carry the
					 * byline's "By " (an inline's text is its
					 * block's). */
					const char *low = wn_extract_lowercase(x->doc->arena, v, strlen(v));
					if (!low)
						return WN_ERR_NOMEM;
					v += wn_extract_byline_prefix(low);
					if (!*v)
						v = NULL;
				}
				if (!v || (acc && strstr(acc, v)))
					continue;
				acc = acc ? wn_arena_printf(x->doc->arena, "%s, %s", acc, v) : v;
				if (!acc)
					return WN_ERR_NOMEM;
				if (!all)
					break;
			}
			if (acc) {
				*out = acc;
				x->used[f] = true;
				return WN_OK;
			}
		}
	}
	return WN_OK;
}

bool wn_extract_html_rules_wanted(const struct wn_ruleset *rs)
{
	for (size_t i = 0; rs && i < rs->n_rules; i++) {
		const struct wn_rule *r = &rs->rules[i];
		if (r->xpath || r->css || wn_html_rules_is(r, "strip_id_or_class", "strip_image_src") ||
		    wn_html_rules_is(r, "find_string", "replace_string"))
			return true;
	}
	return false;
}

enum wn_err wn_extract_html_rules(struct wn_doc *doc, const struct wn_ruleset *rs,
				  const struct wn_ruleset *global, struct wn_article *art,
				  int32_t *container)
{
	struct wn_html_rules x = {.doc = doc, .art = art, .files = {rs, global}};
	*container = -1;
	enum wn_err err = wn_rules_html_new(doc, &x.h);
	if (err)
		return err;
	const char *next = NULL, *single = NULL;
	if ((err = wn_html_rules_strip(&x)) || (err = wn_html_rules_body(&x, container)) ||
	    (!art->title && (err = wn_html_rules_field(&x, "title", "title_css", false, false,
							&art->title))) ||
	    (!art->author && (err = wn_html_rules_field(&x, "author", "author_css", true, false,
							 &art->author))) ||
	    (!art->date_raw && (err = wn_html_rules_field(&x, "date", "date_css", false, false,
							   &art->date_raw))) ||
	    (err = wn_html_rules_field(&x, "next_page_link", NULL, false, true, &next)) ||
	    (err = wn_html_rules_field(&x, "single_page_link", NULL, false, true, &single)))
		goto out;
	art->next_page_url = next;
	art->single_page_url = single;
	art->rules = wn_arena_calloc(doc->arena, 2, sizeof(*art->rules));
	if (!art->rules) {
		err = WN_ERR_NOMEM;
		goto out;
	}
	art->rules[art->n_rules++] = rs->name;
	if (global && x.used[1])
		art->rules[art->n_rules++] = global->name;
out:
	wn_rules_html_free(x.h);
	return err;
}
