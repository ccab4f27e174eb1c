/* html.h -- private to parser/: HTML (already UTF-8) to a doc.
 *
 * Called by wn_parser_parse() after decompression and charset decoding;
 * html.c is the only file of winnow that includes gumbo.h.
 */
#ifndef WN_HTML_H
#define WN_HTML_H

#include <stddef.h>

#include "doc.h"

/* Builds an HTML doc (nodes, blocks, head facts, images, JSON-LD) from the
 * UTF-8 text html[0..len) (need not be NUL-terminated; not retained); lean
 * drops the data-* attributes that nothing in winnow reads (see
 * wn_parse_opts.lean).  Everything, gumbo's tree included, is allocated
 * from arena; *out is owned by it.  Errors: WN_ERR_NOMEM (also when the
 * arena budget runs out during parsing). */
enum wn_err wn_parser_parse_html(struct wn_arena *arena, const char *html, size_t len, bool lean,
				 struct wn_doc **out);

#endif
