/* parse.c -- wn_parser_parse(): bytes to doc (STUB until the parser lands). */
#include "doc.h"
#include "input.h"

enum wn_err wn_parser_parse(struct wn_arena *arena, const char *bytes, size_t len,
			    const struct wn_parse_opts *opts, struct wn_doc **out)
{
	(void)opts;
	if (!len)
		return WN_ERR_EMPTY;
	return wn_parser_parse_text(arena, bytes, len, out);
}
