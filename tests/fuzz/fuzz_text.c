/* fuzz_text.c -- libFuzzer target: charset conversion and the text parser.
 *
 * Payload: a charset name up to the first '\n' (at most 64 bytes; any
 * bytes, so unknown, empty and hostile names are tried), then the page
 * bytes.  Mode byte (see fuzz.h):
 *   bit 0   no transport charset (let the BOM / meta / guessing decide);
 *   bit 1   convert as HTML (reads <meta charset>) rather than text;
 *   bit 2   arena budget 64 KiB (WN_ERR_NOMEM paths).
 * wn_parser_to_utf8() must give NUL-terminated valid UTF-8 with no BOM and a
 * non-NULL charset name, and wn_parser_parse_text() of that a valid doc;
 * wn_parser_parse() as TEXT with the same charset must agree that it works.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wn_parse_opts opts = {0};
	struct wn_arena *arena = NULL;
	struct wn_doc *doc = NULL;
	const char *charset_used = NULL;
	const char *bytes, *nl;
	char *charset = NULL, *utf8 = NULL;
	size_t len, utf8_len = 0;
	int bad = 0;
	uint8_t mode;
	enum wn_err err;

	if (size < 1)
		return 0;
	mode = data[0];
	bytes = (const char *)data + 1;
	len = size - 1;
	nl = memchr(bytes, '\n', len < 65 ? len : 65);
	if (nl) {
		if (!(charset = strndup(bytes, (size_t)(nl - bytes))))
			goto out;
		len -= (size_t)(nl + 1 - bytes);
		bytes = nl + 1;
	}
	if (!(arena = wn_arena_new((mode & 4) ? 64 * 1024 : 0)))
		goto out;
	err = wn_parser_to_utf8(arena, bytes, len, (mode & 1) ? NULL : charset,
				(mode & 2) ? WN_INPUT_HTML : WN_INPUT_TEXT, &utf8, &utf8_len,
				&charset_used, &bad);
	WN_FUZZ_CHECK(err < WN_ERR__COUNT);
	if (err == WN_OK) {
		WN_FUZZ_CHECK(utf8 && utf8[utf8_len] == '\0' && charset_used && bad >= 0);
		wn_fuzz_check_str(charset_used);
		WN_FUZZ_CHECK(wn_utf8_valid(utf8, utf8_len));
		WN_FUZZ_CHECK(utf8_len < 3 || memcmp(utf8, "\xEF\xBB\xBF", 3) != 0);
		if (wn_parser_parse_text(arena, utf8, utf8_len, &doc) == WN_OK)
			wn_fuzz_check_doc(doc);
	}
	opts.kind = WN_INPUT_TEXT;
	opts.charset = (mode & 1) ? NULL : charset;
	doc = NULL;
	if (wn_parser_parse(arena, bytes, len, &opts, &doc) == WN_OK) {
		WN_FUZZ_CHECK(doc && doc->kind == WN_INPUT_TEXT);
		wn_fuzz_check_doc(doc);
	}
out:
	wn_arena_free(arena);
	free(charset);
	return 0;
}
