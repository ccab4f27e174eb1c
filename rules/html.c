/* html.c -- evaluating a rule file's HTML directives on a parsed page.
 *
 * One entry point per concern: wn_rules_select() turns any selecting
 * directive (XPath, CSS, or an ftr substring test) into the elements,
 * attributes or strings it finds; wn_rules_html_rewrite() runs the
 * find_string/replace_string pairs over the raw HTML before parsing.
 * What a hit means for the article is decided in extract/html_rules.c.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum wn_err wn_rules_html_new(struct wn_doc *doc, struct wn_rules_html **out)
{
	struct wn_rules_html *h = calloc(1, sizeof(*h));
	if (!h)
		return WN_ERR_NOMEM;
	h->doc = doc;
	*out = h;
	return WN_OK;
}

void wn_rules_html_free(struct wn_rules_html *h)
{
	if (!h)
		return;
	wn_rules_xpath_release(h);
	free(h);
}

/* Appends element node to the arena array *hits (capacity doubling). */
static bool wn_rules_hit_add(struct wn_arena *a, struct wn_rules_hit **hits, size_t *n,
			     size_t *cap, int32_t node)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		struct wn_rules_hit *h = wn_arena_realloc(a, *hits, *cap * sizeof(**hits),
							  c * sizeof(**hits));
		if (!h)
			return false;
		*hits = h;
		*cap = c;
	}
	(*hits)[(*n)++] = (struct wn_rules_hit){.node = node, .value = NULL};
	return true;
}

/* True when node i passes the ftr substring test of r: strip_id_or_class
 * (class or id contains the value) or strip_image_src (an <img> whose src
 * contains it). */
static bool wn_rules_substr_ok(const struct wn_doc *doc, const struct wn_rule *r, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (!strcmp(r->name, "strip_image_src")) {
		const char *src = strcmp(nd->tag, "img") ? NULL : wn_doc_attr(doc, i, "src");
		return src && strstr(src, r->value);
	}
	return (nd->cls && strstr(nd->cls, r->value)) || (nd->id && strstr(nd->id, r->value));
}

enum wn_err wn_rules_select(struct wn_rules_html *h, const struct wn_rule *r,
			    struct wn_rules_hit **out, size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	if (r->xpath)
		return wn_rules_xpath_select(h, r->xpath, out, n_out);
	enum wn_rules_kind kind = wn_rules_kind_of(r->name);
	if (!r->css && (kind != WN_RULES_SUBSTR || !*r->value))
		return WN_OK;
	const struct wn_doc *doc = h->doc;
	size_t cap = 0;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		bool hit = r->css ? wn_rules_css_matches(r->css, doc, (int32_t)i) :
			wn_rules_substr_ok(doc, r, (int32_t)i);
		if (hit && !wn_rules_hit_add(doc->arena, out, n_out, &cap, (int32_t)i))
			return WN_ERR_NOMEM;
	}
	return WN_OK;
}

const char *wn_rules_node_text(const struct wn_doc *doc, int32_t node)
{
	if (node < 0 || (size_t)node >= doc->n_nodes)
		return "";
	if (doc->nodes[node].first_block < 0)
		return doc->title && !strcmp(doc->nodes[node].tag, "title") ? doc->title : "";
	const struct wn_node *nd = &doc->nodes[node];
	size_t first = (size_t)nd->first_block, end = first + (size_t)nd->n_blocks, len = 0;
	if (end > doc->n_blocks)
		end = doc->n_blocks;
	for (size_t b = first; b < end; b++)
		len += doc->blocks[b].len + 1;
	char *s = wn_arena_alloc(doc->arena, len + 1);
	if (!s)
		return NULL;
	size_t o = 0;
	for (size_t b = first; b < end; b++) {
		if (o)
			s[o++] = ' ';
		memcpy(s + o, doc->blocks[b].text, doc->blocks[b].len);
		o += doc->blocks[b].len;
	}
	s[o] = '\0';
	return s;
}

/* Replaces every find[0..fl) in *s[0..*len) by repl; a new arena copy
 * when something changed.  False when out of memory. */
static bool wn_rules_replace_all(struct wn_arena *a, char **s, size_t *len, const char *find,
				 const char *repl)
{
	size_t fl = strlen(find), rl = strlen(repl), n = 0;
	if (!fl)
		return true;
	for (const char *c = *s; (c = memmem(c, *len - (size_t)(c - *s), find, fl)); c += fl)
		n++;
	if (!n)
		return true;
	size_t nl = *len - n * fl + n * rl;
	char *o = wn_arena_alloc(a, nl + 1);
	if (!o)
		return false;
	size_t oi = 0;
	const char *c = *s, *end = *s + *len;
	for (const char *f; (f = memmem(c, (size_t)(end - c), find, fl)); c = f + fl) {
		memcpy(o + oi, c, (size_t)(f - c));
		oi += (size_t)(f - c);
		memcpy(o + oi, repl, rl);
		oi += rl;
	}
	memcpy(o + oi, c, (size_t)(end - c));
	oi += (size_t)(end - c);
	o[oi] = '\0';
	*s = o;
	*len = oi;
	return true;
}

/* Applies the rewrites of one file as Full-Text RSS pairs them: every
 * find_string and every replace_string(FIND) appends to a list of finds,
 * every replace_string to a list of replacements, and the i-th find is
 * replaced by the i-th replacement, in that order. */
static bool wn_rules_rewrite_file(const struct wn_ruleset *rs, struct wn_arena *a, char **s,
				  size_t *len)
{
	const char **finds = NULL, **repls = NULL;
	size_t n_find = 0, n_repl = 0;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const struct wn_rule *r = &rs->rules[i];
		bool find = !strcmp(r->name, "find_string");
		if (!find && strcmp(r->name, "replace_string"))
			continue;
		if (!finds && (!(finds = wn_arena_alloc(a, rs->n_rules * sizeof(*finds))) ||
			       !(repls = wn_arena_alloc(a, rs->n_rules * sizeof(*repls)))))
			return false;
		if (find)
			finds[n_find++] = r->value;
		else if (r->arg)
			finds[n_find++] = r->arg;
		if (!find)
			repls[n_repl++] = r->value;
	}
	for (size_t i = 0; i < n_find && i < n_repl; i++)
		if (!wn_rules_replace_all(a, s, len, finds[i], repls[i]))
			return false;
	return true;
}

enum wn_err wn_rules_html_rewrite(const struct wn_ruleset *rs, const struct wn_ruleset *global,
				  struct wn_arena *arena, const char *html, size_t len,
				  char **out, size_t *out_len)
{
	char *s = (char *)html;
	size_t l = len;
	if ((rs && !wn_rules_rewrite_file(rs, arena, &s, &l)) ||
	    (global && !wn_rules_rewrite_file(global, arena, &s, &l)))
		return WN_ERR_NOMEM;
	*out = s;
	*out_len = l;
	return WN_OK;
}
