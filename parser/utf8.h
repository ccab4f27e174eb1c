/* utf8.h -- small UTF-8 helpers shared by every module. */
#ifndef WN_UTF8_H
#define WN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Code points in s[0..len) (continuation bytes are not counted). */
size_t wn_utf8_count(const char *s, size_t len);

/* Decodes the code point at s[*i], advancing *i; invalid bytes give
 * U+FFFD and advance by one. */
uint32_t wn_utf8_next(const char *s, size_t len, size_t *i);

/* Appends the UTF-8 encoding of cp to out (room for 4 bytes); returns bytes written. */
size_t wn_utf8_put(char *out, uint32_t cp);

/* True for Unicode white space (ASCII space/tab/newline, NBSP, U+2000..U+200A, ...). */
bool wn_utf8_is_space(uint32_t cp);

/* True when s[0..len) is valid UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF). */
bool wn_utf8_valid(const char *s, size_t len);

/* Byte length of the longest prefix of s[0..len) that is at most max_chars
 * code points, not splitting a character. */
size_t wn_utf8_prefix(const char *s, size_t len, size_t max_chars);

/* Trims leading and trailing white space (Unicode) from s[0..*len); returns
 * the new start and updates *len. */
const char *wn_utf8_trim(const char *s, size_t *len);

#endif
