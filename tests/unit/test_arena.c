/* test_arena.c -- the per-request arena and the error table. */
#include <stdint.h>

#include "arena.h"
#include "err.h"
#include "wn_test.h"

static void test_alloc_aligned_and_distinct(void)
{
	struct wn_arena *a = wn_arena_new(0);
	CHECK(a);
	char *p = wn_arena_alloc(a, 3), *q = wn_arena_alloc(a, 5);
	CHECK(p && q && p != q);
	CHECK(((uintptr_t)q % 16) == 0);
	/* A big allocation gets its own chunk and is usable end to end. */
	char *big = wn_arena_alloc(a, 1 << 20);
	CHECK(big);
	memset(big, 'x', 1 << 20);
	CHECK_STR(wn_arena_strdup(a, "héllo"), "héllo");
	CHECK_STR(wn_arena_printf(a, "%d-%s", 7, "x"), "7-x");
	wn_arena_free(a);
}

static void test_budget(void)
{
	struct wn_arena *a = wn_arena_new(1000);
	CHECK(wn_arena_alloc(a, 900));
	CHECK(wn_arena_alloc(a, 200) == NULL);
	CHECK(wn_arena_calloc(a, SIZE_MAX / 2, 4) == NULL);
	CHECK(wn_arena_used(a) <= 1000);
	wn_arena_free(a);
}

static void test_realloc_copies(void)
{
	struct wn_arena *a = wn_arena_new(0);
	char *p = wn_arena_strdup(a, "abc");
	char *q = wn_arena_realloc(a, p, 4, 100);
	CHECK_STR(q, "abc");
	wn_arena_free(a);
}

static void test_err_table_complete(void)
{
	for (int e = 0; e < WN_ERR__COUNT; e++) {
		CHECK(wn_err_code((enum wn_err)e) != NULL);
		CHECK(wn_err_str((enum wn_err)e) != NULL);
	}
	CHECK_STR(wn_err_code(WN_ERR_TOO_LARGE), "too_large");
	CHECK_STR(wn_err_code((enum wn_err)999), "internal");
}

WN_TEST_MAIN(WN_TEST(test_alloc_aligned_and_distinct), WN_TEST(test_budget),
	     WN_TEST(test_realloc_copies), WN_TEST(test_err_table_complete))
