/* input.h -- raw bytes to UTF-8: decompression, kind sniffing, charsets.
 *
 * The steps wn_parser_parse() runs before building a doc, exposed so the
 * CLI and daemon can reuse them (e.g. a gzip file on disk, a charset from
 * Content-Type).  All output is allocated from the given arena.
 */
#ifndef WN_INPUT_H
#define WN_INPUT_H

#include <stddef.h>

#include "arena.h"
#include "doc.h"
#include "err.h"

/* True when bytes start with the gzip magic (1f 8b). */
bool wn_parser_is_gzip(const char *bytes, size_t len);

/* Inflates a gzip (or, with raw_deflate false and no gzip magic, a zlib)
 * stream into the arena.  Fails with WN_ERR_TOO_LARGE past max_out bytes
 * (0 = no limit) -- checked while inflating, so a bomb is cut early -- and
 * WN_ERR_GZIP on corrupt or truncated data. */
enum wn_err wn_parser_inflate(struct wn_arena *arena, const char *bytes, size_t len,
			      size_t max_out, char **out, size_t *out_len);

/* Reads the file at path ("-": standard input) whole into a new malloc'd,
 * NUL-terminated buffer.  Over max bytes (0 = no limit) it stops with
 * WN_ERR_TOO_LARGE -- before reading, for a regular file.  On success the
 * caller owns *out and releases it with free().  Errors: WN_ERR_IO (with
 * *sys_err set to the errno that explains it), WN_ERR_TOO_LARGE,
 * WN_ERR_NOMEM; *out is NULL then. */
enum wn_err wn_parser_read_file(const char *path, size_t max, char **out, size_t *out_len,
				int *sys_err);

/* Guesses whether bytes are HTML or plain text. */
enum wn_input_kind wn_parser_sniff_kind(const char *bytes, size_t len);

/* s[0..len) as valid UTF-8: s itself when it is, else a NUL-terminated
 * copy from arena with U+FFFD for each invalid sequence.  NULL only when
 * memory runs out.  For text that enters a doc or a JSON string from
 * outside wn_parser_to_utf8 (attribute values gumbo passes through, a
 * path from the command line). */
const char *wn_parser_valid_utf8(struct wn_arena *arena, const char *s, size_t len);

/* Converts bytes to UTF-8.  The charset is chosen in this order: a BOM, the
 * transport charset (may be NULL), <meta charset>/http-equiv for HTML, then
 * valid UTF-8, then a guess among windows-1251, koi8-r and windows-1252.
 * Invalid sequences become U+FFFD and are counted in *bad.  UTF-8 that was
 * read as windows-1252 or latin-1 and encoded again ("â€™" for "’") is
 * repaired.  *charset_used gets the canonical lower-case name.  The output
 * is NUL-terminated and has no BOM. */
enum wn_err wn_parser_to_utf8(struct wn_arena *arena, const char *bytes, size_t len,
			      const char *transport_charset, enum wn_input_kind kind,
			      char **out, size_t *out_len, const char **charset_used, int *bad);

#endif
