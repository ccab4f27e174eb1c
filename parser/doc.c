/* doc.c -- names and look-ups over struct wn_doc. */
#include <strings.h>

#include "doc.h"

const char *wn_input_kind_name(enum wn_input_kind kind)
{
	switch (kind) {
	case WN_INPUT_HTML: return "html";
	case WN_INPUT_TEXT: return "text";
	default: return "auto";
	}
}

const char *wn_block_kind_name(enum wn_block_kind kind)
{
	static const char *const names[WN_BLOCK__COUNT] = {
		[WN_BLOCK_PARAGRAPH] = "paragraph", [WN_BLOCK_HEADING] = "heading",
		[WN_BLOCK_LIST_ITEM] = "list_item", [WN_BLOCK_LINK] = "link",
		[WN_BLOCK_CAPTION] = "caption",     [WN_BLOCK_QUOTE] = "quote",
		[WN_BLOCK_CODE] = "code",           [WN_BLOCK_TABLE_CELL] = "table_cell",
	};
	return (unsigned)kind < WN_BLOCK__COUNT ? names[kind] : "paragraph";
}

const char *wn_doc_attr(const struct wn_doc *doc, int32_t node, const char *name)
{
	if (node < 0 || (size_t)node >= doc->n_nodes)
		return NULL;
	const struct wn_node *n = &doc->nodes[node];
	for (uint16_t i = 0; i < n->n_attrs; i++)
		if (!strcasecmp(n->attrs[i].name, name))
			return n->attrs[i].value;
	return NULL;
}

const char *wn_doc_meta(const struct wn_doc *doc, const char *key)
{
	for (size_t i = 0; i < doc->n_metas; i++)
		if (!strcasecmp(doc->metas[i].key, key))
			return doc->metas[i].value;
	return NULL;
}
