/* wn_test.h -- the unit tests' tiny harness.
 *
 * Each test file defines static void test_*(void) functions and lists them
 * in WN_TEST_MAIN(...).  CHECK() records a failure and goes on; the binary
 * prints one line per failed check and "N passed, N failed" (counting test
 * functions) and exits non-zero on any failure.
 */
#ifndef WN_TEST_H
#define WN_TEST_H

#include <stdio.h>
#include <string.h>

static int wn_test_failed_checks; /* failed checks in the current test */

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
		wn_test_failed_checks++; \
	} \
} while (0)

/* String equality with both values shown on failure; NULL-safe. */
#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (!((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0))) { \
		fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  got:  %s\n  want: %s\n", \
			__FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		wn_test_failed_checks++; \
	} \
} while (0)

struct wn_test_case {
	const char *name;  /* function name */
	void (*fn)(void);  /* the test */
};

#define WN_TEST(fn) {#fn, fn}

#define WN_TEST_MAIN(...) \
int main(void) \
{ \
	static const struct wn_test_case cases[] = {__VA_ARGS__}; \
	int passed = 0, failed = 0; \
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) { \
		wn_test_failed_checks = 0; \
		cases[i].fn(); \
		if (wn_test_failed_checks) { \
			fprintf(stderr, "FAIL %s\n", cases[i].name); \
			failed++; \
		} else { \
			passed++; \
		} \
	} \
	printf("%d passed, %d failed\n", passed, failed); \
	return failed ? 1 : 0; \
}

#endif
