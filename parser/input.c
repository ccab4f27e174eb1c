/* input.c -- gzip inflation and HTML/text sniffing; see input.h.
 *
 * Charsets live in charset.c.  Nothing here looks at more than the first
 * few KB of the input except inflation itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"

/* How far into the input wn_parser_sniff_kind() looks. */
#define WN_SNIFF_BYTES 4096

/* First output buffer when the gzip trailer gives no usable size hint. */
#define WN_INFLATE_FIRST (64 * 1024)

/* Largest compression ratio the gzip trailer's size is believed for: HTML
 * compresses 5-10:1, so more means a bomb or a forged trailer, and the
 * buffer then grows as data actually arrives instead. */
#define WN_INFLATE_HINT_RATIO 64

bool wn_parser_is_gzip(const char *bytes, size_t len)
{
	return len >= 2 && (unsigned char)bytes[0] == 0x1f && (unsigned char)bytes[1] == 0x8b;
}

/* The size of the first output buffer: the gzip trailer's ISIZE (the
 * uncompressed size mod 2^32) when it is plausible, so that the common
 * case inflates into one exactly sized buffer; else a guess.  Capped by
 * max_out + 1 so no trailer can make us allocate more than the limit. */
static size_t wn_inflate_first_size(const char *bytes, size_t len, size_t max_out)
{
	size_t want = len * 4 > WN_INFLATE_FIRST ? len * 4 : WN_INFLATE_FIRST;
	if (wn_parser_is_gzip(bytes, len) && len >= 18) {
		const unsigned char *t = (const unsigned char *)bytes + len - 4;
		size_t isize = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 |
			       (size_t)t[3] << 24;
		if (isize / WN_INFLATE_HINT_RATIO <= len)
			want = isize + 1;
	}
	if (max_out && want > max_out + 1)
		want = max_out + 1;
	return want;
}

enum wn_err wn_parser_inflate(struct wn_arena *arena, const char *bytes, size_t len,
			      size_t max_out, char **out, size_t *out_len)
{
	z_stream zs;
	memset(&zs, 0, sizeof(zs));
	/* 15 + 32: any window size, gzip or zlib header detected automatically. */
	if (inflateInit2(&zs, 15 + 32) != Z_OK)
		return WN_ERR_NOMEM;

	enum wn_err err = WN_OK;
	size_t cap = wn_inflate_first_size(bytes, len, max_out);
	size_t used = 0;
	/* One byte kept free for the NUL terminator. */
	char *buf = wn_arena_alloc(arena, cap + 1);
	if (!buf) {
		err = WN_ERR_NOMEM;
		goto out;
	}
	zs.next_in = (unsigned char *)bytes;
	zs.avail_in = len > UINT_MAX ? UINT_MAX : (unsigned)len;
	size_t in_left = len - zs.avail_in;

	for (;;) {
		if (used == cap) {
			size_t ncap = cap * 2;
			if (max_out && ncap > max_out + 1)
				ncap = max_out + 1;
			char *nbuf = wn_arena_realloc(arena, buf, used, ncap + 1);
			if (!nbuf) {
				err = WN_ERR_NOMEM;
				goto out;
			}
			buf = nbuf;
			cap = ncap;
		}
		size_t room = cap - used;
		zs.next_out = (unsigned char *)buf + used;
		zs.avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
		unsigned avail_before = zs.avail_out;
		int rc = inflate(&zs, Z_NO_FLUSH);
		used += avail_before - zs.avail_out;
		if (max_out && used > max_out) {
			err = WN_ERR_TOO_LARGE;
			goto out;
		}
		if (zs.avail_in == 0 && in_left) {
			size_t more = in_left > UINT_MAX ? UINT_MAX : in_left;
			zs.avail_in = (unsigned)more;
			in_left -= more;
		}
		if (rc == Z_STREAM_END) {
			/* Concatenated gzip members are one file (as gunzip sees
			 * it); anything else after the end is ignored. */
			if (zs.avail_in >= 2 &&
			    wn_parser_is_gzip((const char *)zs.next_in, zs.avail_in)) {
				if (inflateReset(&zs) != Z_OK) {
					err = WN_ERR_GZIP;
					goto out;
				}
				continue;
			}
			break;
		}
		if (rc == Z_MEM_ERROR) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs.avail_out == 0)) {
			/* Z_DATA_ERROR, Z_NEED_DICT, or Z_BUF_ERROR with room
			 * left, i.e. the input ended before the stream did. */
			err = WN_ERR_GZIP;
			goto out;
		}
		if (zs.avail_in == 0 && zs.avail_out != 0) {
			err = WN_ERR_GZIP; /* truncated */
			goto out;
		}
	}
	buf[used] = '\0';
	*out = buf;
	*out_len = used;
out:
	inflateEnd(&zs);
	return err;
}

/* Starts of a document that only HTML has (after white space). */
static const char *const wn_html_starts[] = {
	"<!doctype", "<html", "<head", "<body", "<!--", "<?xml", "<meta", "<title",
};

/* Tags that, anywhere in the first KBs, mean the input is markup.  Each
 * must be followed by '>', '/' or white space to count, so "<divide" or
 * "<p5" in running text do not. */
static const char *const wn_html_tags[] = {
	"<div", "<p", "<br", "<span", "<a", "<table", "<script", "<link", "<img",
	"<ul", "<li", "<h1", "<h2", "<h3", "<section", "<article", "<form", "</",
};

enum wn_input_kind wn_parser_sniff_kind(const char *bytes, size_t len)
{
	/* A lower-cased ASCII sample without NUL bytes, so UTF-16 input
	 * sniffs like its ASCII equivalent. */
	char s[WN_SNIFF_BYTES + 1];
	size_t n = 0;
	size_t i = 0;
	if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
		i = 3;
	for (; i < len && n < WN_SNIFF_BYTES; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if (c == 0 || c == 0xFE || c == 0xFF)
			continue;
		s[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	s[n] = '\0';

	size_t k = strspn(s, " \t\r\n\f");
	for (size_t j = 0; j < sizeof(wn_html_starts) / sizeof(wn_html_starts[0]); j++)
		if (!strncmp(s + k, wn_html_starts[j], strlen(wn_html_starts[j])))
			return WN_INPUT_HTML;
	for (size_t j = 0; j < sizeof(wn_html_tags) / sizeof(wn_html_tags[0]); j++) {
		size_t tl = strlen(wn_html_tags[j]);
		for (const char *p = s; (p = strstr(p, wn_html_tags[j])); p += tl) {
			char c = p[tl];
			if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' ||
			    c == '\r' || (wn_html_tags[j][1] == '/' && c >= 'a' && c <= 'z'))
				return WN_INPUT_HTML;
		}
	}
	return WN_INPUT_TEXT;
}

enum wn_err wn_parser_read_file(const char *path, size_t max, char **out, size_t *out_len,
				int *sys_err)
{
	enum wn_err err = WN_OK;
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	char *buf = NULL;
	size_t len = 0, cap = 0;
	*out = NULL;
	*out_len = 0;
	*sys_err = 0;
	if (fd < 0) {
		*sys_err = errno;
		return WN_ERR_IO;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && max && (size_t)st.st_size > max) {
		err = WN_ERR_TOO_LARGE;
		goto out;
	}
	for (;;) {
		/* Keep room for the NUL and for one byte past the limit, so a
		 * file of exactly max bytes is read whole and a larger one is
		 * caught. */
		if (cap - len < 2) {
			size_t ncap = cap ? cap * 2 : (size_t)1 << 16;
			if (max && ncap > max + 2)
				ncap = max + 2;
			char *b = realloc(buf, ncap);
			if (!b) {
				err = WN_ERR_NOMEM;
				goto out;
			}
			buf = b;
			cap = ncap;
		}
		ssize_t n = read(fd, buf + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*sys_err = errno;
			err = WN_ERR_IO;
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (max && len > max) {
			err = WN_ERR_TOO_LARGE;
			goto out;
		}
	}
	if (!buf && !(buf = malloc(1))) {
		err = WN_ERR_NOMEM;
		goto out;
	}
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	buf = NULL;
out:
	free(buf);
	if (!is_stdin)
		close(fd);
	return err;
}
