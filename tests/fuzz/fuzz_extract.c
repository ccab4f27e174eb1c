/* fuzz_extract.c -- libFuzzer target: the whole wn_extract() on arbitrary
 * bytes with the bundled rules (rules/sites, loaded once), then the article
 * as JSON, as the daemon and CLI answer it.
 *
 * Mode byte (see fuzz.h):
 *   bits 0-1  kind: AUTO, HTML, TEXT, AUTO;
 *   bit 2     explain (the removed[] record);
 *   bit 3     arena budget 256 KiB (WN_ERR_NOMEM paths);
 *   bits 4-7  the URL: 0 none, 1 a malformed one, else https://<host>/a/1
 *             for the host of bundled rule file (n - 2) mod count, so the
 *             site rules run on fuzzed pages and not only fingerprints.
 * The result is an error or an article whose JSON serialises.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "extract.h"
#include "fuzz.h"

static struct wn_rules *wn_fuzz_rules;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (wn_rules_load_dir(WN_DEFAULT_RULES_DIR, &wn_fuzz_rules) != WN_OK) {
		fprintf(stderr, "fuzz_extract: cannot load rules from %s\n", WN_DEFAULT_RULES_DIR);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum wn_input_kind kinds[4] = {WN_INPUT_AUTO, WN_INPUT_HTML,
						    WN_INPUT_TEXT, WN_INPUT_AUTO};
	struct wn_extract_opts opts = {0};
	struct wn_arena *arena = NULL;
	struct wn_article *art = NULL;
	json_t *json = NULL;
	char *s = NULL;
	size_t n_rules = wn_rules_count(wn_fuzz_rules);
	uint8_t mode;
	enum wn_err err;

	if (size < 1)
		return 0;
	mode = data[0];
	opts.kind = kinds[mode & 3];
	opts.explain = (mode & 4) != 0;
	opts.rules = wn_fuzz_rules;
	if (!(arena = wn_arena_new((mode & 8) ? 256 * 1024 : 0)))
		goto out;
	if ((mode >> 4) == 1)
		opts.url = "http//[::1/%zz?";
	else if ((mode >> 4) > 1 && n_rules)
		opts.url = wn_arena_printf(arena, "https://%s/a/1",
			wn_rules_get(wn_fuzz_rules, ((mode >> 4) - 2u) % n_rules)->host);
	err = wn_extract(arena, (const char *)data + 1, size - 1, &opts, &art);
	WN_FUZZ_CHECK(err < WN_ERR__COUNT);
	if (err != WN_OK)
		goto out;
	WN_FUZZ_CHECK(art != NULL);
	json = wn_article_to_json(art);
	if (json && (s = json_dumps(json, JSON_COMPACT)))
		wn_fuzz_check_str(s);
out:
	free(s);
	json_decref(json);
	wn_arena_free(arena);
	return 0;
}
