/* arena.h -- per-request bump allocator (after lwan's coroutine arenas).
 *
 * Everything a request computes (decoded bytes, the node table, blocks, the
 * article) is allocated from one arena and freed at once by wn_arena_free().
 * Nothing allocated here may be freed individually.  An arena may carry a
 * byte budget: past it, allocation returns NULL and the caller reports
 * WN_ERR_NOMEM, which is how one pathological page is kept from starving the
 * daemon.
 */
#ifndef WN_ARENA_H
#define WN_ARENA_H

#include <stddef.h>

struct wn_arena;

/* A new empty arena.  budget is the most bytes it may hand out in total
 * (0 = unlimited).  Returns NULL when out of memory.  Caller owns it and
 * releases it with wn_arena_free(). */
struct wn_arena *wn_arena_new(size_t budget);

/* Releases the arena and everything allocated from it.  NULL is a no-op. */
void wn_arena_free(struct wn_arena *a);

/* size bytes aligned for any type, uninitialised.  NULL when the budget or
 * memory runs out.  Owned by the arena. */
void *wn_arena_alloc(struct wn_arena *a, size_t size);

/* Like wn_arena_alloc() but zero-filled; n * size is overflow-checked. */
void *wn_arena_calloc(struct wn_arena *a, size_t n, size_t size);

/* Grows an allocation made from this arena: the old block is not reclaimed
 * (the arena never frees), its first old_size bytes are copied. */
void *wn_arena_realloc(struct wn_arena *a, void *old, size_t old_size, size_t new_size);

/* NUL-terminated copy of the first len bytes of s. */
char *wn_arena_strndup(struct wn_arena *a, const char *s, size_t len);

/* NUL-terminated copy of s. */
char *wn_arena_strdup(struct wn_arena *a, const char *s);

/* printf into the arena. */
char *wn_arena_printf(struct wn_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Bytes handed out so far (what the budget is checked against). */
size_t wn_arena_used(const struct wn_arena *a);

#endif
