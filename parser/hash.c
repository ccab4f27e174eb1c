/* hash.c -- FNV-1a 64 (see hash.h). */
#include "hash.h"

uint64_t wn_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}
