/* fuzz_html.c -- libFuzzer target: wn_parser_parse() on HTML, raw or gzip.
 *
 * Mode byte (see fuzz.h):
 *   bit 0   gzip-compress the payload first, so the HTML parser is fuzzed
 *           behind a gzip layer too (raw payloads reach the inflater's
 *           error paths whenever they start with the gzip magic);
 *   bit 1   kind AUTO (sniffed) instead of HTML;
 *   bit 2   pass "windows-1251" as the transport charset;
 *   bits 3-4  0: no limits; 1: max_bytes 4 KiB (WN_ERR_TOO_LARGE paths);
 *           2: arena budget 64 KiB (WN_ERR_NOMEM paths, as a daemon
 *           request over its memory budget sees); 3: both;
 *   bit 5   lean: the pre-pass drops unread data-* attributes, as on the
 *           generic path (wn_parse_opts.lean).
 * Whatever the input, the parser returns an error or a doc that passes
 * wn_fuzz_check_doc().
 */
#include <stdint.h>
#include <stdlib.h>

#include <zlib.h>

#include "fuzz.h"
#include "input.h"

/* Gzip-compresses in[0..len) into a malloc'd buffer (caller frees), or NULL. */
static char *gzip_bytes(const uint8_t *in, size_t len, size_t *out_len)
{
	z_stream zs;
	uLong cap = compressBound(len) + 64;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	memset(&zs, 0, sizeof(zs));
	/* windowBits 15 + 16: a gzip header and trailer, as a server sends. */
	if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK) {
		free(out);
		return NULL;
	}
	zs.next_in = (Bytef *)in;
	zs.avail_in = (uInt)len;
	zs.next_out = (Bytef *)out;
	zs.avail_out = (uInt)cap;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END) {
		deflateEnd(&zs);
		free(out);
		return NULL;
	}
	*out_len = zs.total_out;
	deflateEnd(&zs);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wn_parse_opts opts = {0};
	struct wn_arena *arena = NULL;
	struct wn_doc *doc = NULL;
	char *gz = NULL;
	const char *bytes;
	size_t len;
	uint8_t mode;
	enum wn_err err;

	if (size < 1)
		return 0;
	mode = data[0];
	bytes = (const char *)data + 1;
	len = size - 1;
	if (mode & 1) {
		if (!(gz = gzip_bytes(data + 1, len, &len)))
			goto out;
		bytes = gz;
	}
	opts.kind = (mode & 2) ? WN_INPUT_AUTO : WN_INPUT_HTML;
	opts.charset = (mode & 4) ? "windows-1251" : NULL;
	opts.max_bytes = (mode & 8) ? 4096 : 0;
	opts.lean = (mode & 32) != 0;
	if (!(arena = wn_arena_new((mode & 16) ? 64 * 1024 : 0)))
		goto out;
	err = wn_parser_parse(arena, bytes, len, &opts, &doc);
	WN_FUZZ_CHECK(err < WN_ERR__COUNT);
	if (err == WN_OK) {
		WN_FUZZ_CHECK(doc != NULL);
		WN_FUZZ_CHECK(opts.kind == WN_INPUT_AUTO || doc->kind == WN_INPUT_HTML);
		wn_fuzz_check_doc(doc);
	}
out:
	wn_arena_free(arena);
	free(gz);
	return 0;
}
