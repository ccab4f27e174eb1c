/* fuzz_rules.c -- libFuzzer target: the rule-file parser and text rules.
 *
 * Payload: a rule file, then (after the first NUL byte, if any) the page
 * text it is applied to; without a NUL a small built-in page is used.  The
 * file is parsed with wn_rules_add_text(); its problems must be well
 * formed.  When the page matches the file (by URL or by text_site_match),
 * the text rules run as wn_extract() runs them: wn_rules_text_rewrite(),
 * wn_parser_parse_text(), wn_rules_apply_text().  Mode byte (see fuzz.h):
 *   bit 0   the file is named ".example.com.txt" (subdomains only) rather
 *           than "example.com.txt";
 *   bit 1   match by the URL https://www.example.com/news/1 rather than by
 *           the text's fingerprints alone.
 */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "rules.h"

/* A page with the usual shapes text rules anchor on. */
static const char wn_fuzz_page[] =
	"Example News\nHome | World | Sports\n\nTitle of the story\n"
	"By Jane Doe, 12 March 2024 10:15\n\nFirst paragraph of the story.\n\n"
	"Second paragraph.\n\nMost read\n1. Another story\n\n(c) Example 2024\n";

/* Counts removals; the rules call it with arbitrary text. */
static void wn_fuzz_note(void *ctx, const char *removed_text, size_t len, const char *reason)
{
	WN_FUZZ_CHECK(reason != NULL && (len == 0 || removed_text != NULL));
	(*(size_t *)ctx)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wn_rules *rules = NULL;
	struct wn_arena *arena = NULL;
	struct wn_ruleset *rs = NULL;
	const struct wn_ruleset *hit;
	struct wn_rules_fields fields = {0};
	struct wn_doc *doc;
	const char *file, *page, *nul;
	char *text;
	size_t file_len, page_len, text_len, i, notes = 0;
	uint8_t mode;

	if (size < 1)
		return 0;
	mode = data[0];
	file = (const char *)data + 1;
	file_len = size - 1;
	page = wn_fuzz_page;
	page_len = sizeof(wn_fuzz_page) - 1;
	if ((nul = memchr(file, '\0', file_len))) {
		page = nul + 1;
		page_len = file_len - (size_t)(page - file);
		file_len = (size_t)(nul - file);
	}
	if (!(rules = wn_rules_new()) || !(arena = wn_arena_new(0)))
		goto out;
	if (wn_rules_add_text(rules, "<fuzz>", (mode & 1) ? ".example.com.txt" : "example.com.txt",
			      file, file_len, &rs) != WN_OK)
		goto out;
	WN_FUZZ_CHECK(rs && wn_rules_count(rules) == 1 && wn_rules_get(rules, 0) == rs);
	for (i = 0; i < rs->n_rules; i++) {
		WN_FUZZ_CHECK(rs->rules[i].name && rs->rules[i].value && rs->rules[i].line >= 1);
		wn_fuzz_check_str(rs->rules[i].name);
	}
	for (i = 0; i < rs->n_problems; i++) {
		WN_FUZZ_CHECK(rs->problems[i].message && rs->problems[i].line >= 0);
		WN_FUZZ_CHECK(rs->has_errors || !rs->problems[i].error);
	}
	hit = wn_rules_match(rules, (mode & 2) ? "https://www.example.com/news/1" : NULL,
			     page, page_len);
	if (!hit)
		goto out;
	WN_FUZZ_CHECK(hit == rs);
	if (wn_rules_text_rewrite(hit, arena, page, page_len, &text, &text_len,
				  wn_fuzz_note, &notes) != WN_OK)
		goto out;
	if (wn_parser_parse_text(arena, text, text_len, &doc) != WN_OK)
		goto out;
	if (wn_rules_apply_text(hit, doc, &fields, wn_fuzz_note, &notes) != WN_OK)
		goto out;
	for (i = 0; i < doc->n_lines; i++)
		WN_FUZZ_CHECK(!doc->lines[i].removed_by || *doc->lines[i].removed_by);
out:
	wn_arena_free(arena);
	wn_rules_free(rules);
	return 0;
}
