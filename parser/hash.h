/* hash.h -- the one string hash of winnow (FNV-1a 64), for every module's
 * hash tables and content fingerprints. */
#ifndef WN_HASH_H
#define WN_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a 64 of s[0..len): fast on the short keys winnow hashes (host
 * names, class strings) and stable across runs and machines, so it can
 * also name content (a rule file's "hash"). */
uint64_t wn_hash(const char *s, size_t len);

#endif
