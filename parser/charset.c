/* charset.c -- raw bytes to UTF-8 (wn_parser_to_utf8); see input.h.
 *
 * The charset is chosen as browsers do, with two scraper-specific twists:
 *
 *   1. A BOM wins.
 *   2. Then the transport charset, then (HTML) a <meta> prescan of the first
 *      4 KB.  But a declared legacy charset loses to bytes that are valid
 *      UTF-8 and contain multi-byte sequences: scrapers commonly re-encode
 *      pages to UTF-8 without fixing the <meta>, while real legacy text with
 *      non-ASCII bytes is practically never valid UTF-8 by accident.
 *   3. Then UTF-8, when the bytes are valid UTF-8 or at least read as
 *      UTF-8 more often than not (a stray bad byte in a UTF-8 page becomes
 *      U+FFFD instead of turning the whole page into mojibake).
 *   4. Then a guess for undeclared 8-bit text among windows-1251, koi8-r
 *      and windows-1252 (see wn_charset_guess()).
 *
 * Names are mapped through an alias table (latin1 and us-ascii mean
 * windows-1252, as in browsers); a name neither the table nor iconv knows
 * is skipped in favour of the next source, so decoding never fails.
 * Invalid sequences become U+FFFD and are counted, never dropped.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "input.h"
#include "utf8.h"

/* Bytes of an HTML document searched for a <meta> charset declaration. */
#define WN_PRESCAN_BYTES 4096

/* Longest charset name considered; longer ones are garbage. */
#define WN_CHARSET_NAME_MAX 40

/* One known charset label. */
struct wn_charset_alias {
	const char *label; /* lower-case name as found in the wild */
	const char *name;  /* canonical lower-case name reported to callers */
	const char *iconv; /* name glibc's iconv knows it by */
};

/* Labels after the WHATWG Encoding Standard, mapped to the superset
 * browsers actually decode with (gb2312 -> gbk, shift_jis -> cp932...). */
static const struct wn_charset_alias wn_charset_aliases[] = {
	{"utf-8", "utf-8", "UTF-8"},
	{"utf8", "utf-8", "UTF-8"},
	{"unicode-1-1-utf-8", "utf-8", "UTF-8"},
	{"utf-16le", "utf-16le", "UTF-16LE"},
	{"utf-16", "utf-16le", "UTF-16LE"},
	{"unicode", "utf-16le", "UTF-16LE"},
	{"ucs-2", "utf-16le", "UTF-16LE"},
	{"utf-16be", "utf-16be", "UTF-16BE"},
	{"windows-1252", "windows-1252", "CP1252"},
	{"cp1252", "windows-1252", "CP1252"},
	{"x-cp1252", "windows-1252", "CP1252"},
	{"iso-8859-1", "windows-1252", "CP1252"},
	{"iso8859-1", "windows-1252", "CP1252"},
	{"iso_8859-1", "windows-1252", "CP1252"},
	{"latin1", "windows-1252", "CP1252"},
	{"latin-1", "windows-1252", "CP1252"},
	{"l1", "windows-1252", "CP1252"},
	{"us-ascii", "windows-1252", "CP1252"},
	{"ascii", "windows-1252", "CP1252"},
	{"ansi_x3.4-1968", "windows-1252", "CP1252"},
	{"cp819", "windows-1252", "CP1252"},
	{"x-user-defined", "windows-1252", "CP1252"},
	{"windows-1251", "windows-1251", "CP1251"},
	{"cp1251", "windows-1251", "CP1251"},
	{"x-cp1251", "windows-1251", "CP1251"},
	{"win-1251", "windows-1251", "CP1251"},
	{"win1251", "windows-1251", "CP1251"},
	{"koi8-r", "koi8-r", "KOI8-R"},
	{"koi8r", "koi8-r", "KOI8-R"},
	{"koi8", "koi8-r", "KOI8-R"},
	{"koi", "koi8-r", "KOI8-R"},
	{"cskoi8r", "koi8-r", "KOI8-R"},
	{"koi8-u", "koi8-u", "KOI8-U"},
	{"koi8-ru", "koi8-u", "KOI8-U"},
	{"iso-8859-5", "iso-8859-5", "ISO-8859-5"},
	{"windows-1250", "windows-1250", "CP1250"},
	{"cp1250", "windows-1250", "CP1250"},
	{"x-cp1250", "windows-1250", "CP1250"},
	{"iso-8859-2", "iso-8859-2", "ISO-8859-2"},
	{"latin2", "iso-8859-2", "ISO-8859-2"},
	{"windows-1253", "windows-1253", "CP1253"},
	{"iso-8859-7", "iso-8859-7", "ISO-8859-7"},
	{"windows-1254", "windows-1254", "CP1254"},
	{"iso-8859-9", "windows-1254", "CP1254"},
	{"latin5", "windows-1254", "CP1254"},
	{"windows-1255", "windows-1255", "CP1255"},
	{"windows-1256", "windows-1256", "CP1256"},
	{"windows-1257", "windows-1257", "CP1257"},
	{"windows-1258", "windows-1258", "CP1258"},
	{"windows-874", "windows-874", "CP874"},
	{"tis-620", "windows-874", "CP874"},
	{"iso-8859-11", "windows-874", "CP874"},
	{"iso-8859-15", "iso-8859-15", "ISO-8859-15"},
	{"latin9", "iso-8859-15", "ISO-8859-15"},
	{"gbk", "gbk", "GBK"},
	{"gb2312", "gbk", "GBK"},
	{"gb_2312-80", "gbk", "GBK"},
	{"cp936", "gbk", "GBK"},
	{"x-gbk", "gbk", "GBK"},
	{"gb18030", "gb18030", "GB18030"},
	{"big5", "big5", "BIG5-HKSCS"},
	{"big5-hkscs", "big5", "BIG5-HKSCS"},
	{"shift_jis", "shift_jis", "CP932"},
	{"shift-jis", "shift_jis", "CP932"},
	{"sjis", "shift_jis", "CP932"},
	{"x-sjis", "shift_jis", "CP932"},
	{"windows-31j", "shift_jis", "CP932"},
	{"euc-jp", "euc-jp", "EUC-JP"},
	{"iso-2022-jp", "iso-2022-jp", "ISO-2022-JP"},
	{"euc-kr", "euc-kr", "CP949"},
	{"ks_c_5601-1987", "euc-kr", "CP949"},
	{"windows-949", "euc-kr", "CP949"},
	{"macintosh", "macintosh", "MACINTOSH"},
	{"x-mac-roman", "macintosh", "MACINTOSH"},
};

/* A resolved charset: canonical name and iconv name. */
struct wn_charset {
	const char *name;  /* canonical lower-case name */
	const char *iconv; /* iconv's name; "UTF-8" means our own validator */
};

static const struct wn_charset wn_cs_utf8 = {"utf-8", "UTF-8"};
static const struct wn_charset wn_cs_1251 = {"windows-1251", "CP1251"};
static const struct wn_charset wn_cs_koi8r = {"koi8-r", "KOI8-R"};
static const struct wn_charset wn_cs_1252 = {"windows-1252", "CP1252"};

/* Resolves the label s[0..len) (quotes and white space around it are
 * ignored).  Labels not in the alias table are passed to iconv as they are
 * (lower-cased copy in the arena); whether iconv knows them shows only when
 * converting.  False for an empty or implausible label. */
static bool wn_charset_resolve(struct wn_arena *arena, const char *s, size_t len,
			       struct wn_charset *cs)
{
	while (len && strchr(" \t\r\n\"'", s[0])) {
		s++;
		len--;
	}
	while (len && strchr(" \t\r\n\"';", s[len - 1]))
		len--;
	if (!len || len > WN_CHARSET_NAME_MAX)
		return false;
	char low[WN_CHARSET_NAME_MAX + 1];
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("-_.:", c)))
			return false;
		low[i] = c;
	}
	low[len] = '\0';
	for (size_t i = 0; i < sizeof(wn_charset_aliases) / sizeof(wn_charset_aliases[0]); i++) {
		if (!strcmp(low, wn_charset_aliases[i].label)) {
			cs->name = wn_charset_aliases[i].name;
			cs->iconv = wn_charset_aliases[i].iconv;
			return true;
		}
	}
	char *copy = wn_arena_strdup(arena, low);
	if (!copy)
		return false;
	cs->name = copy;
	cs->iconv = copy;
	return true;
}

/* Finds the charset declared by a <meta charset=x> or <meta http-equiv
 * content="...; charset=x"> in the first 4 KB of an HTML document.  Both
 * carry the label after "charset", so one search inside each <meta> tag
 * covers them.  Sets *name and *name_len to the label; false when none. */
static bool wn_charset_prescan(const char *s, size_t len, const char **name, size_t *name_len)
{
	if (len > WN_PRESCAN_BYTES)
		len = WN_PRESCAN_BYTES;
	const char *end = s + len;
	for (const char *p = s; (p = memchr(p, '<', (size_t)(end - p))); p++) {
		if (end - p < 6 || strncasecmp(p + 1, "meta", 4))
			continue;
		const char *gt = memchr(p, '>', (size_t)(end - p));
		const char *tend = gt ? gt : end;
		for (const char *q = p + 5; q + 7 <= tend; q++) {
			if (strncasecmp(q, "charset", 7))
				continue;
			const char *v = q + 7;
			while (v < tend && (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r'))
				v++;
			if (v == tend || *v != '=')
				continue;
			v++;
			while (v < tend && (*v == ' ' || *v == '\t' || *v == '"' || *v == '\''))
				v++;
			const char *ve = v;
			while (ve < tend && !strchr(" \t\r\n\"';/>", *ve))
				ve++;
			if (ve > v) {
				*name = v;
				*name_len = (size_t)(ve - v);
				return true;
			}
		}
	}
	return false;
}

/* What a UTF-8 reading of some bytes finds. */
struct wn_utf8_stats {
	size_t bad;       /* invalid bytes (each would become U+FFFD) */
	size_t multibyte; /* valid multi-byte sequences */
};

/* Scans s[0..len) as UTF-8. */
static struct wn_utf8_stats wn_utf8_scan(const char *s, size_t len)
{
	struct wn_utf8_stats st = {0, 0};
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t start = i;
		uint32_t cp = wn_utf8_next(s, len, &i);
		if (cp == 0xFFFD && i == start + 1)
			st.bad++;
		else
			st.multibyte++;
	}
	return st;
}

const char *wn_parser_valid_utf8(struct wn_arena *arena, const char *s, size_t len)
{
	if (wn_utf8_valid(s, len))
		return s;
	/* Each invalid byte gives at most one U+FFFD, 3 bytes. */
	char *out = wn_arena_alloc(arena, 3 * len + 1);
	if (!out)
		return NULL;
	size_t i = 0, o = 0;
	while (i < len)
		o += wn_utf8_put(out + o, wn_utf8_next(s, len, &i));
	out[o] = '\0';
	return out;
}

/* Copies UTF-8 s[0..len) to the arena, replacing each invalid byte with
 * U+FFFD. */
static enum wn_err wn_utf8_copy(struct wn_arena *arena, const char *s, size_t len, size_t bad,
				char **out, size_t *out_len)
{
	/* Each bad byte grows from 1 to 3 bytes. */
	char *buf = wn_arena_alloc(arena, len + 2 * bad + 1);
	if (!buf)
		return WN_ERR_NOMEM;
	if (!bad) {
		memcpy(buf, s, len);
		*out_len = len;
	} else {
		size_t i = 0, o = 0;
		while (i < len) {
			if ((unsigned char)s[i] < 0x80) {
				buf[o++] = s[i++];
				continue;
			}
			size_t start = i;
			uint32_t cp = wn_utf8_next(s, len, &i);
			if (cp == 0xFFFD && i == start + 1) {
				o += wn_utf8_put(buf + o, 0xFFFD);
			} else {
				memcpy(buf + o, s + start, i - start);
				o += i - start;
			}
		}
		*out_len = o;
	}
	buf[*out_len] = '\0';
	*out = buf;
	return WN_OK;
}

/* Converts s[0..len) from cs->iconv to UTF-8 into the arena, chunk by
 * chunk: on an invalid or truncated sequence it writes U+FFFD, counts it
 * in *bad and skips one byte.  WN_ERR_CHARSET when iconv does not know the
 * charset (the caller then tries the next source). */
static enum wn_err wn_iconv_convert(struct wn_arena *arena, const char *s, size_t len,
				    const struct wn_charset *cs, char **out, size_t *out_len,
				    int *bad)
{
	iconv_t cd = iconv_open("UTF-8", cs->iconv);
	if (cd == (iconv_t)-1)
		return WN_ERR_CHARSET;
	enum wn_err err = WN_OK;
	/* Three output bytes per input byte is enough for every single- and
	 * double-byte charset; the buffer grows if a charset needs more. */
	size_t cap = len * 3 + 16;
	char *buf = wn_arena_alloc(arena, cap + 1);
	if (!buf) {
		err = WN_ERR_NOMEM;
		goto out;
	}
	char *in = (char *)s;
	size_t in_left = len, o = 0;
	*bad = 0;
	while (in_left) {
		char *op = buf + o;
		size_t o_left = cap - o;
		size_t rc = iconv(cd, &in, &in_left, &op, &o_left);
		int e = errno;
		o = (size_t)(op - buf);
		if (rc != (size_t)-1)
			continue;
		if (e == E2BIG || cap - o < 4) {
			char *nbuf = wn_arena_realloc(arena, buf, o, cap * 2 + 1);
			if (!nbuf) {
				err = WN_ERR_NOMEM;
				goto out;
			}
			buf = nbuf;
			cap *= 2;
			if (e == E2BIG)
				continue;
		}
		/* EILSEQ or EINVAL (sequence cut off at the end). */
		o += wn_utf8_put(buf + o, 0xFFFD);
		(*bad)++;
		in++;
		in_left--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* Flush the shift state of stateful charsets (iso-2022-jp). */
	for (;;) {
		char *op = buf + o;
		size_t o_left = cap - o;
		size_t rc = iconv(cd, NULL, NULL, &op, &o_left);
		o = (size_t)(op - buf);
		if (rc != (size_t)-1 || errno != E2BIG)
			break;
		char *nbuf = wn_arena_realloc(arena, buf, o, cap * 2 + 1);
		if (!nbuf) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		buf = nbuf;
		cap *= 2;
	}
	buf[o] = '\0';
	*out = buf;
	*out_len = o;
out:
	iconv_close(cd);
	return err;
}

/* Common lower-case Russian letters (о е а и н т с р в л) in windows-1251
 * and in koi8-r. */
static const unsigned char wn_ru_1251[] = {0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0, 0xE2, 0xEB};
static const unsigned char wn_ru_koi8[] = {0xCF, 0xC5, 0xC1, 0xC9, 0xCE, 0xD4, 0xD3, 0xD2, 0xD7, 0xCC};

/* Guesses the charset of undeclared 8-bit text that is not UTF-8.
 * Cyrillic text is written in runs of high bytes (whole words), Western
 * text has isolated accented letters between ASCII ones: so when most
 * letters-range high bytes stand next to another high byte, it is
 * Cyrillic, and the decoding that yields more common lower-case Russian
 * letters (in windows-1251 they sit at 0xE0-0xFF, where koi8-r keeps its
 * upper case) tells windows-1251 from koi8-r.  Else windows-1252. */
static const struct wn_charset *wn_charset_guess(const char *s, size_t len)
{
	bool in_1251[256] = {false}, in_koi8[256] = {false};
	for (size_t i = 0; i < sizeof(wn_ru_1251); i++) {
		in_1251[wn_ru_1251[i]] = true;
		in_koi8[wn_ru_koi8[i]] = true;
	}
	const unsigned char *u = (const unsigned char *)s;
	size_t high = 0, runs = 0, score_1251 = 0, score_koi8 = 0;
	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0xC0)
			continue;
		high++;
		if ((i > 0 && u[i - 1] >= 0xC0) || (i + 1 < len && u[i + 1] >= 0xC0))
			runs++;
		score_1251 += in_1251[u[i]];
		score_koi8 += in_koi8[u[i]];
	}
	if (!high || runs * 2 < high)
		return &wn_cs_1252;
	return score_koi8 > score_1251 ? &wn_cs_koi8r : &wn_cs_1251;
}

/* Decodes with cs; a declared legacy charset yields to valid UTF-8 with
 * multi-byte sequences (see the file comment).  st is the UTF-8 scan of
 * the bytes.  WN_ERR_CHARSET when iconv lacks cs. */
static enum wn_err wn_charset_decode(struct wn_arena *arena, const char *s, size_t len,
				     const struct wn_charset *cs, struct wn_utf8_stats st,
				     char **out, size_t *out_len, const char **used, int *bad)
{
	bool utf16 = !strncmp(cs->name, "utf-16", 6);
	if (!strcmp(cs->name, "utf-8") || (!utf16 && !st.bad && st.multibyte)) {
		*used = wn_cs_utf8.name;
		*bad = st.bad > INT32_MAX ? INT32_MAX : (int)st.bad;
		return wn_utf8_copy(arena, s, len, st.bad, out, out_len);
	}
	enum wn_err err = wn_iconv_convert(arena, s, len, cs, out, out_len, bad);
	if (!err)
		*used = cs->name;
	return err;
}

/* wn_parser_to_utf8() less the last step: its output may still start
 * with U+FEFF (a BOM of a UTF-16 text that was itself behind a BOM). */
static enum wn_err wn_charset_to_utf8(struct wn_arena *arena, const char *bytes, size_t len,
				      const char *transport_charset, enum wn_input_kind kind,
				      char **out, size_t *out_len, const char **charset_used,
				      int *bad)
{
	const unsigned char *u = (const unsigned char *)bytes;
	struct wn_charset cs;
	enum wn_err err;
	*bad = 0;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		cs.name = u[0] == 0xFF ? "utf-16le" : "utf-16be";
		cs.iconv = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		err = wn_iconv_convert(arena, bytes + 2, len - 2, &cs, out, out_len, bad);
		if (!err)
			*charset_used = cs.name;
		return err;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		bytes += 3;
		len -= 3;
		return wn_charset_decode(arena, bytes, len, &wn_cs_utf8, wn_utf8_scan(bytes, len),
					 out, out_len, charset_used, bad);
	}

	struct wn_utf8_stats st = wn_utf8_scan(bytes, len);
	if (transport_charset &&
	    wn_charset_resolve(arena, transport_charset, strlen(transport_charset), &cs)) {
		err = wn_charset_decode(arena, bytes, len, &cs, st, out, out_len, charset_used, bad);
		if (err != WN_ERR_CHARSET)
			return err;
	}

	const char *label;
	size_t label_len;
	if (kind != WN_INPUT_TEXT && wn_charset_prescan(bytes, len, &label, &label_len) &&
	    wn_charset_resolve(arena, label, label_len, &cs)) {
		/* A page that could read its own <meta> is not UTF-16
		 * (WHATWG: such a declaration means UTF-8). */
		if (!strncmp(cs.name, "utf-16", 6))
			cs = wn_cs_utf8;
		err = wn_charset_decode(arena, bytes, len, &cs, st, out, out_len, charset_used, bad);
		if (err != WN_ERR_CHARSET)
			return err;
	}

	/* Undeclared: UTF-8 when it mostly reads as UTF-8 (a stray bad byte in
	 * a UTF-8 page becomes U+FFFD; legacy text yields far more invalid
	 * bytes than valid multi-byte sequences), else a guess. */
	if (!st.bad || st.multibyte > st.bad)
		return wn_charset_decode(arena, bytes, len, &wn_cs_utf8, st, out, out_len,
					 charset_used, bad);
	return wn_charset_decode(arena, bytes, len, wn_charset_guess(bytes, len), st, out,
				 out_len, charset_used, bad);
}

/* The byte that code point cp shows when a UTF-8 continuation byte was
 * read as windows-1252 (or latin-1: C1 controls stand for themselves);
 * -1 for any other code point. */
static int wn_mojibake_byte(uint32_t cp)
{
	static const uint16_t cp1252[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
	if (cp >= 0x80 && cp <= 0xBF)
		return (int)cp;
	for (int k = 0; k < 32; k++)
		if (cp1252[k] && cp1252[k] == cp)
			return 0x80 + k;
	return -1;
}

/* Repairs UTF-8 that was decoded as windows-1252 or latin-1 and encoded
 * again ("â€™" or "â\u0080\u0099" for "’"): pages saved through a
 * misconfigured pipeline carry it in their own bytes, whatever charset
 * they declare.  A lead code point U+00C2..U+00F4 followed by the
 * continuation code points its UTF-8 byte wants becomes the character
 * those bytes spell, when they spell a valid one and either the lead is
 * "Â" or "Ã" (followed by a symbol such as "©", "°", "¶" they are never
 * meant: "Ã©" is "é") or one of the bytes is 0x80..0x9F (a C1 control or
 * a windows-1252 symbol after "â" is never meant, while "Ä±" might be).
 * In place (the repair is always shorter); returns the new length. */
static size_t wn_mojibake_repair(char *s, size_t len)
{
	size_t i = 0, o = 0;
	while (i < len) {
		/* Every lead code point U+00C2..U+00F4 is written with the byte
		 * 0xC3, which is never a continuation byte: what comes before
		 * the next one stays as it is, moved at once. */
		const char *lead = memchr(s + i, 0xC3, len - i);
		size_t next = lead ? (size_t)(lead - s) : len;
		if (next > i) {
			if (o != i)
				memmove(s + o, s + i, next - i);
			o += next - i;
			i = next;
			continue;
		}
		size_t start = i;
		uint32_t cp = wn_utf8_next(s, len, &i);
		int need = cp >= 0xC2 && cp <= 0xDF ? 1 : cp >= 0xE0 && cp <= 0xEF ? 2 :
			   cp >= 0xF0 && cp <= 0xF4 ? 3 : 0;
		unsigned char b[4] = {(unsigned char)cp};
		size_t j = i;
		bool c1 = cp == 0xC2 || cp == 0xC3;
		int got = 0;
		while (got < need) {
			int v = j < len ? wn_mojibake_byte(wn_utf8_next(s, len, &j)) : -1;
			if (v < 0)
				break;
			b[++got] = (unsigned char)v;
			c1 = c1 || v <= 0x9F;
		}
		if (need && got == need && c1 && wn_utf8_valid((const char *)b, (size_t)need + 1)) {
			memcpy(s + o, b, (size_t)need + 1);
			o += (size_t)need + 1;
			i = j;
		} else {
			memmove(s + o, s + start, i - start);
			o += i - start;
		}
	}
	s[o] = '\0';
	return o;
}

enum wn_err wn_parser_to_utf8(struct wn_arena *arena, const char *bytes, size_t len,
			      const char *transport_charset, enum wn_input_kind kind,
			      char **out, size_t *out_len, const char **charset_used, int *bad)
{
	enum wn_err err = wn_charset_to_utf8(arena, bytes, len, transport_charset, kind, out,
					     out_len, charset_used, bad);
	/* The output promises no BOM: U+FEFF at the start is one, however
	 * many times the input repeated it (found by fuzz_text). */
	while (!err && *out_len >= 3 && !memcmp(*out, "\xEF\xBB\xBF", 3)) {
		*out += 3;
		*out_len -= 3;
	}
	if (!err)
		*out_len = wn_mojibake_repair(*out, *out_len);
	return err;
}
