/* parse.c -- wn_parser_parse(): raw bytes to a doc.
 *
 * The order matters for cost and for safety: decompress first (with the
 * size cap enforced inside the inflater, so a bomb stops early), reject
 * empty and oversized input before any real work, sniff the kind on the
 * raw bytes (charset decoding of HTML needs to know it is HTML), decode to
 * UTF-8, and only then build the doc.
 */
#include "doc.h"
#include "html.h"
#include "input.h"
#include "utf8.h"

/* True when s[0..len) holds only white space (a UTF-8 BOM counts as such). */
static bool wn_parse_blank(const char *s, size_t len)
{
	size_t n = len;
	wn_utf8_trim(s, &n);
	return n == 0;
}

enum wn_err wn_parser_parse(struct wn_arena *arena, const char *bytes, size_t len,
			    const struct wn_parse_opts *opts, struct wn_doc **out)
{
	static const struct wn_parse_opts defaults = {WN_INPUT_AUTO, NULL, 0, false};
	if (!opts)
		opts = &defaults;
	enum wn_err err;
	if (wn_parser_is_gzip(bytes, len)) {
		char *raw;
		if ((err = wn_parser_inflate(arena, bytes, len, opts->max_bytes, &raw, &len)))
			return err;
		bytes = raw;
	}
	if (opts->max_bytes && len > opts->max_bytes)
		return WN_ERR_TOO_LARGE;
	if (wn_parse_blank(bytes, len))
		return WN_ERR_EMPTY;

	enum wn_input_kind kind = opts->kind;
	if (kind == WN_INPUT_AUTO)
		kind = wn_parser_sniff_kind(bytes, len);
	char *text;
	size_t text_len;
	const char *charset;
	int bad;
	if ((err = wn_parser_to_utf8(arena, bytes, len, opts->charset, kind, &text, &text_len,
				     &charset, &bad)))
		return err;
	/* UTF-16 white space only shows once decoded. */
	if (wn_parse_blank(text, text_len))
		return WN_ERR_EMPTY;

	struct wn_doc *doc;
	if (kind == WN_INPUT_HTML)
		err = wn_parser_parse_html(arena, text, text_len, opts->lean, &doc);
	else
		err = wn_parser_parse_text(arena, text, text_len, &doc);
	if (err)
		return err;
	doc->charset = charset;
	doc->bad_bytes = bad;
	*out = doc;
	return WN_OK;
}
