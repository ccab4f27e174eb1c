/* utf8.c -- see utf8.h. */
#include "utf8.h"

size_t wn_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

uint32_t wn_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i;
	uint32_t cp;
	size_t n;
	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	} else if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		n = 2;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		n = 3;
	} else if ((p[0] & 0xF8) == 0xF0) {
		cp = p[0] & 0x07;
		n = 4;
	} else {
		*i += 1;
		return 0xFFFD;
	}
	if (left < n) {
		*i += 1;
		return 0xFFFD;
	}
	for (size_t k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			*i += 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	/* Overlong forms, surrogates and out-of-range values are invalid. */
	if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*i += 1;
		return 0xFFFD;
	}
	*i += n;
	return cp;
}

size_t wn_utf8_put(char *out, uint32_t cp)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool wn_utf8_is_space(uint32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
		return true;
	default:
		return cp >= 0x2000 && cp <= 0x200B;
	}
}

bool wn_utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t j = i;
		/* wn_utf8_next() gives U+FFFD for a bad byte, advancing by
		 * one; a real U+FFFD is three bytes. */
		if (wn_utf8_next(s, len, &j) == 0xFFFD && j - i != 3)
			return false;
		i = j;
	}
	return true;
}

size_t wn_utf8_prefix(const char *s, size_t len, size_t max_chars)
{
	size_t i = 0, n = 0;
	while (i < len && n < max_chars) {
		wn_utf8_next(s, len, &i);
		n++;
	}
	return i;
}

const char *wn_utf8_trim(const char *s, size_t *len)
{
	size_t start = 0, end = *len;
	while (start < end) {
		size_t i = start;
		if (!wn_utf8_is_space(wn_utf8_next(s, end, &i)))
			break;
		start = i;
	}
	/* Walk back over trailing spaces one code point at a time. */
	while (end > start) {
		size_t b = end - 1;
		while (b > start && ((unsigned char)s[b] & 0xC0) == 0x80)
			b--;
		size_t i = b;
		if (!wn_utf8_is_space(wn_utf8_next(s, end, &i)))
			break;
		end = b;
	}
	*len = end - start;
	return s + start;
}
