/* arena.c -- chunked bump allocator; see arena.h. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WN_ARENA_ALIGN 16
#define WN_ARENA_CHUNK (64 * 1024)

struct wn_arena_chunk {
	struct wn_arena_chunk *next; /* older chunk, freed after this one */
	size_t size;                 /* usable bytes in data[] */
	size_t used;                 /* bytes of data[] handed out */
	_Alignas(WN_ARENA_ALIGN) unsigned char data[];
};

struct wn_arena {
	struct wn_arena_chunk *head; /* newest chunk; allocation bumps here */
	size_t budget;               /* most bytes to hand out, 0 = unlimited */
	size_t used;                 /* bytes handed out across all chunks */
	size_t next_chunk;           /* size of the next regular chunk (grows) */
};

struct wn_arena *wn_arena_new(size_t budget)
{
	struct wn_arena *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->budget = budget;
	a->next_chunk = WN_ARENA_CHUNK;
	return a;
}

void wn_arena_free(struct wn_arena *a)
{
	if (!a)
		return;
	struct wn_arena_chunk *c = a->head;
	while (c) {
		struct wn_arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void *wn_arena_alloc(struct wn_arena *a, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX - WN_ARENA_ALIGN)
		return NULL;
	size = (size + WN_ARENA_ALIGN - 1) & ~(size_t)(WN_ARENA_ALIGN - 1);
	if (a->budget && (size > a->budget || a->used > a->budget - size))
		return NULL;
	struct wn_arena_chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		/* Big requests get a chunk of their own, placed behind the
		 * current head so the head's free space is not wasted. */
		size_t want = size > a->next_chunk / 4 ? size : a->next_chunk;
		struct wn_arena_chunk *n = malloc(sizeof(*n) + want);
		if (!n)
			return NULL;
		n->size = want;
		n->used = 0;
		if (want == size && c) {
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			a->head = n;
			if (a->next_chunk < 16 * 1024 * 1024)
				a->next_chunk *= 2;
		}
		c = n;
	}
	void *p = c->data + c->used;
	c->used += size;
	a->used += size;
	return p;
}

void *wn_arena_calloc(struct wn_arena *a, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = wn_arena_alloc(a, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *wn_arena_realloc(struct wn_arena *a, void *old, size_t old_size, size_t new_size)
{
	if (old && new_size <= old_size)
		return old;
	void *p = wn_arena_alloc(a, new_size);
	if (p && old && old_size)
		memcpy(p, old, old_size);
	return p;
}

char *wn_arena_strndup(struct wn_arena *a, const char *s, size_t len)
{
	char *p = wn_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *wn_arena_strdup(struct wn_arena *a, const char *s)
{
	return wn_arena_strndup(a, s, strlen(s));
}

char *wn_arena_printf(struct wn_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = wn_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t wn_arena_used(const struct wn_arena *a)
{
	return a->used;
}
