/* fuzz_selector.c -- libFuzzer target: XPath and CSS selector compilation
 * (when a rule file is loaded) and evaluation over a parsed page.
 *
 * Payload: selectors, one a line, up to the first NUL byte, then the HTML
 * page they run on (a small built-in page when there is no NUL).  Each line
 * becomes a directive "NAME: line" of one rule file, NAME chosen by the
 * mode byte's bits 0-3 from wn_fuzz_directives (XPath, CSS and substring
 * directives); bit 4 also applies the file's find_string/replace_string
 * rewrite to the page.  Every hit must name a node of the doc or carry a
 * valid UTF-8 value.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "rules.h"

static const char *const wn_fuzz_directives[16] = {
	"body", "strip", "title", "author", "date", "next_page_link", "single_page_link",
	"body_css", "strip_css", "title_css", "author_css", "date_css", "strip_id_or_class",
	"strip_image_src", "body", "body_css",
};

static const char wn_fuzz_page[] =
	"<!DOCTYPE html><html lang=en><head><title>T | Site</title>"
	"<meta property=\"og:title\" content=\"T\"></head><body>"
	"<nav class=\"menu top\"><ul><li><a href=\"/\">Home</a></li></ul></nav>"
	"<article id=\"main\" class=\"post story\"><h1 class=\"headline\">Title</h1>"
	"<p class=\"byline\">By <span itemprop=\"author\">Jane Doe</span></p>"
	"<time datetime=\"2024-03-12\">12 March</time><p>First <b>para</b>.</p>"
	"<figure><img src=\"a.jpg\" alt=\"A\"><figcaption>Cap</figcaption></figure>"
	"<div class=\"share\">Share</div><p>Second.</p></article>"
	"<footer><a class=\"next\" href=\"?page=2\">Next</a></footer></body></html>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wn_parse_opts opts = {0};
	struct wn_rules *rules = NULL;
	struct wn_arena *arena = NULL;
	struct wn_rules_html *h = NULL;
	struct wn_ruleset *rs = NULL;
	struct wn_doc *doc = NULL;
	char *file = NULL, *w, *html_out;
	const char *sel, *page, *nul, *name;
	size_t sel_len, page_len, i, k, html_len;
	uint8_t mode;

	if (size < 1)
		return 0;
	mode = data[0];
	name = wn_fuzz_directives[mode & 15];
	sel = (const char *)data + 1;
	sel_len = size - 1;
	page = wn_fuzz_page;
	page_len = sizeof(wn_fuzz_page) - 1;
	if ((nul = memchr(sel, '\0', sel_len))) {
		page = nul + 1;
		page_len = sel_len - (size_t)(page - sel);
		sel_len = (size_t)(nul - sel);
	}
	/* Every line gets "NAME: " in front: at most one per byte, plus one. */
	if (!(file = malloc((sel_len + 1) * (strlen(name) + 3) + sel_len + 1)))
		goto out;
	w = file;
	w += sprintf(w, "%s: ", name);
	for (i = 0; i < sel_len; i++) {
		*w++ = sel[i];
		if (sel[i] == '\n')
			w += sprintf(w, "%s: ", name);
	}
	if (!(rules = wn_rules_new()) || !(arena = wn_arena_new(0)))
		goto out;
	if (wn_rules_add_text(rules, "<fuzz>", "example.com.txt", file, (size_t)(w - file),
			      &rs) != WN_OK)
		goto out;
	opts.kind = WN_INPUT_HTML;
	if (mode & 16) {
		if (wn_rules_html_rewrite(rs, NULL, arena, page, page_len, &html_out,
					  &html_len) != WN_OK)
			goto out;
		page = html_out;
		page_len = html_len;
	}
	if (wn_parser_parse(arena, page, page_len, &opts, &doc) != WN_OK)
		goto out;
	if (wn_rules_html_new(doc, &h) != WN_OK)
		goto out;
	for (i = 0; i < rs->n_rules; i++) {
		struct wn_rules_hit *hits = NULL;
		size_t n_hits = 0;

		if (wn_rules_select(h, &rs->rules[i], &hits, &n_hits) != WN_OK)
			goto out;
		WN_FUZZ_CHECK(n_hits == 0 || hits != NULL);
		for (k = 0; k < n_hits; k++) {
			WN_FUZZ_CHECK(hits[k].node >= -1 && hits[k].node < (int32_t)doc->n_nodes);
			WN_FUZZ_CHECK(hits[k].node >= 0 || hits[k].value != NULL);
			wn_fuzz_check_str(hits[k].value);
			if (hits[k].node >= 0 && !hits[k].value)
				wn_fuzz_check_str(wn_rules_node_text(doc, hits[k].node));
		}
	}
out:
	wn_rules_html_free(h);
	wn_arena_free(arena);
	wn_rules_free(rules);
	free(file);
	return 0;
}
