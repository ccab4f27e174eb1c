/* xpath.c -- XPath 1.0 for rule files, by libxml2 (the engine PHP runs
 * ftr-site-config's rules with).
 *
 * Expressions are compiled when a file loads, so `rules check` reports a
 * bad one with its column.  A page gets a libxml2 tree only when a rule
 * needs XPath: it is built from the doc's node table (elements and their
 * attributes), and each block's text becomes a text node in the deepest
 * element holding all of that block's text (the node table keeps no text
 * nodes; blocks carry the text).  Each xmlNode's _private holds its node
 * index + 1, so results map back to the doc.  libxml2 may complain about
 * an expression; its messages are caught, never printed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "internal.h"

/* XPath steps one evaluation may take: far above what a rule over a big
 * page needs, low enough that a hostile expression ends in a moment. */
#define WN_RULES_XPATH_OP_LIMIT 20000000ul

/* What libxml2 said about the last expression. */
struct wn_rules_xpath_err {
	char msg[200];  /* its message, without the newline */
	int col;        /* 1-based offset where it stopped, 0 if unknown */
	bool seen;      /* an error was reported */
};

/* xmlStructuredErrorFunc: keeps the first error, prints nothing. */
static void wn_rules_xpath_on_error(void *ctx, xmlErrorPtr e)
{
	struct wn_rules_xpath_err *err = ctx;
	if (!err || err->seen || !e)
		return;
	err->seen = true;
	snprintf(err->msg, sizeof(err->msg), "%s", e->message ? e->message : "XPath error");
	size_t n = strlen(err->msg);
	while (n && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' '))
		err->msg[--n] = '\0';
	err->col = e->domain == XML_FROM_XPATH && e->int1 >= 0 ? e->int1 + 1 : 0;
}

/* xmlGenericErrorFunc: some XPath messages bypass the structured
 * handler; a daemon's stderr is no place for them. */
static void wn_rules_xpath_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void *wn_rules_xpath_compile(const char *expr, int *err_col, char *msg, size_t msg_size)
{
	struct wn_rules_xpath_err err = {0};
	xmlInitParser();
	/* The handler is libxml2's per-thread state: set around the call. */
	xmlSetStructuredErrorFunc(&err, wn_rules_xpath_on_error);
	xmlSetGenericErrorFunc(NULL, wn_rules_xpath_quiet);
	xmlXPathCompExprPtr comp = xmlXPathCompile((const xmlChar *)expr);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (comp)
		return comp;
	*err_col = err.col;
	snprintf(msg, msg_size, "bad XPath: %s", err.seen ? err.msg : "does not compile");
	return NULL;
}

void wn_rules_xpath_free(void *comp)
{
	if (comp)
		xmlXPathFreeCompExpr(comp);
}

/* Index of the element whose xmlNode is x (or which holds attribute or
 * text x); -1 if none. */
static int32_t wn_rules_xpath_index(xmlNodePtr x)
{
	if (x && x->type != XML_ELEMENT_NODE)
		x = x->parent;
	if (!x || x->type != XML_ELEMENT_NODE || !x->_private)
		return -1;
	return (int32_t)((intptr_t)x->_private - 1);
}

/* Builds the libxml2 tree of h->doc.  WN_ERR_NOMEM. */
static enum wn_err wn_rules_xpath_build(struct wn_rules_html *h)
{
	const struct wn_doc *doc = h->doc;
	enum wn_err err = WN_ERR_NOMEM;
	xmlNodePtr *map = NULL;
	int32_t *cursor = NULL;
	xmlDocPtr xd = xmlNewDoc((const xmlChar *)"1.0");
	if (!xd || !doc->n_nodes)
		goto out;
	map = calloc(doc->n_nodes, sizeof(*map));
	cursor = malloc(doc->n_nodes * sizeof(*cursor));
	if (!map || !cursor)
		goto out;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		const struct wn_node *nd = &doc->nodes[i];
		xmlNodePtr x = xmlNewDocNode(xd, NULL, (const xmlChar *)nd->tag, NULL);
		if (!x)
			goto out;
		x->_private = (void *)(intptr_t)(i + 1);
		if (nd->parent >= 0 && (size_t)nd->parent < i)
			xmlAddChild(map[nd->parent], x);
		else if (i == 0)
			xmlDocSetRootElement(xd, x);
		else
			xmlAddChild(map[0], x);
		map[i] = x;
		cursor[i] = nd->first_child;
		for (size_t k = 0; k < nd->n_attrs; k++)
			if (!xmlNewProp(x, (const xmlChar *)nd->attrs[k].name,
					(const xmlChar *)nd->attrs[k].value))
				goto out;
		/* The head's <title> makes no block; the doc keeps its text. */
		if (doc->title && !strcmp(nd->tag, "title") && nd->first_block < 0 &&
		    !xmlAddChild(x, xmlNewDocText(xd, (const xmlChar *)doc->title)))
			goto out;
	}
	/* Blocks come in document order, so each element's insertion point
	 * among its children (cursor) only moves forward. */
	for (size_t b = 0; b < doc->n_blocks; b++) {
		const struct wn_block *blk = &doc->blocks[b];
		int32_t d = blk->node;
		if (d < 0 || (size_t)d >= doc->n_nodes)
			continue;
		for (;;) {
			int32_t c = cursor[d];
			while (c >= 0 && (doc->nodes[c].first_block < 0 ||
					  (size_t)(doc->nodes[c].first_block + doc->nodes[c].n_blocks) <= b))
				c = doc->nodes[c].next_sibling;
			cursor[d] = c;
			const struct wn_node *cn = c >= 0 ? &doc->nodes[c] : NULL;
			/* Down into a child holding all of the block's text, or
			 * wrapping it among other blocks (an inline around
			 * block elements). */
			if (cn && (((size_t)cn->first_block == b && cn->n_blocks == 1 &&
				     cn->text_chars + 1 >= blk->chars) ||
				    (size_t)cn->first_block < b)) {
				d = c;
				continue;
			}
			xmlNodePtr t = xmlNewDocText(xd, (const xmlChar *)blk->text);
			if (!t)
				goto out;
			if (cn)
				xmlAddPrevSibling(map[c], t);
			else
				xmlAddChild(map[d], t);
			break;
		}
	}
	xmlXPathContextPtr ctx = xmlXPathNewContext(xd);
	if (!ctx)
		goto out;
	ctx->opLimit = WN_RULES_XPATH_OP_LIMIT;
	h->xdoc = xd;
	h->xctx = ctx;
	xd = NULL;
	err = WN_OK;
out:
	if (xd)
		xmlFreeDoc(xd);
	free(map);
	free(cursor);
	return err;
}

void wn_rules_xpath_release(struct wn_rules_html *h)
{
	if (h->xctx)
		xmlXPathFreeContext(h->xctx);
	if (h->xdoc)
		xmlFreeDoc(h->xdoc);
	h->xctx = NULL;
	h->xdoc = NULL;
}

/* A libxml2 string as a copy in the arena (xmlFree'd here). */
static const char *wn_rules_xpath_str(struct wn_arena *a, xmlChar *s)
{
	const char *c = wn_arena_strdup(a, s ? (const char *)s : "");
	xmlFree(s);
	return c;
}

enum wn_err wn_rules_xpath_select(struct wn_rules_html *h, void *comp,
				  struct wn_rules_hit **out, size_t *n_out)
{
	struct wn_arena *a = h->doc->arena;
	enum wn_err err = WN_OK;
	*out = NULL;
	*n_out = 0;
	if (!h->doc->n_nodes)
		return WN_OK;
	if (!h->xdoc && (err = wn_rules_xpath_build(h)))
		return err;
	xmlXPathContextPtr ctx = h->xctx;
	ctx->node = (xmlNodePtr)h->xdoc;
	ctx->opCount = 0;
	struct wn_rules_xpath_err quiet = {0};
	xmlSetStructuredErrorFunc(&quiet, wn_rules_xpath_on_error);
	xmlSetGenericErrorFunc(NULL, wn_rules_xpath_quiet);
	xmlXPathObjectPtr res = xmlXPathCompiledEval(comp, ctx);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!res)
		return WN_OK;
	if (res->type == XPATH_NODESET && res->nodesetval && res->nodesetval->nodeNr > 0) {
		xmlNodeSetPtr ns = res->nodesetval;
		struct wn_rules_hit *hits = wn_arena_alloc(a, (size_t)ns->nodeNr * sizeof(*hits));
		if (!hits) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		size_t n = 0;
		for (int i = 0; i < ns->nodeNr; i++) {
			xmlNodePtr x = ns->nodeTab[i];
			int32_t node = wn_rules_xpath_index(x);
			if (node < 0 && x->type != XML_TEXT_NODE)
				continue;
			hits[n].node = node;
			hits[n].value = NULL;
			if (x->type != XML_ELEMENT_NODE &&
			    !(hits[n].value = wn_rules_xpath_str(a, xmlNodeGetContent(x)))) {
				err = WN_ERR_NOMEM;
				goto out;
			}
			n++;
		}
		*out = n ? hits : NULL;
		*n_out = n;
	} else if (res->type == XPATH_STRING || res->type == XPATH_NUMBER) {
		struct wn_rules_hit *hit = wn_arena_alloc(a, sizeof(*hit));
		const char *v = wn_rules_xpath_str(a, xmlXPathCastToString(res));
		if (!hit || !v) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		/* An empty string is what a failed string function gives. */
		if (*v) {
			hit->node = -1;
			hit->value = v;
			*out = hit;
			*n_out = 1;
		}
	}
out:
	xmlXPathFreeObject(res);
	return err;
}
