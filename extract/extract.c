/* extract.c -- STUB: every block becomes a paragraph (until extract lands). */
#include <string.h>

#include "extract.h"

enum wn_err wn_extract(struct wn_arena *arena, const char *bytes, size_t len,
		       const struct wn_extract_opts *opts, struct wn_article **out)
{
	struct wn_parse_opts po = {.kind = opts->kind, .charset = opts->charset,
				   .max_bytes = opts->max_bytes};
	struct wn_doc *doc;
	enum wn_err err = wn_parser_parse(arena, bytes, len, &po, &doc);
	if (err)
		return err;
	struct wn_article *art = wn_arena_calloc(arena, 1, sizeof(*art));
	if (!art)
		return WN_ERR_NOMEM;
	art->url = opts->url;
	art->input = doc->kind;
	art->explain = opts->explain;
	art->paragraphs = wn_arena_calloc(arena, doc->n_blocks + 1, sizeof(char *));
	if (!art->paragraphs)
		return WN_ERR_NOMEM;
	for (size_t i = 0; i < doc->n_blocks; i++)
		art->paragraphs[art->n_paragraphs++] = doc->blocks[i].text;
	art->text = "";
	*out = art;
	return WN_OK;
}
