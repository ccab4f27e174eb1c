/* fuzz.h -- what the libFuzzer targets of tests/fuzz share.
 *
 * A target must not only survive an input (ASan, UBSan and libFuzzer's leak
 * check see to that) but also hand back what the headers promise: these
 * checks walk a parsed doc and abort() on any broken invariant, so a wrong
 * index or an unterminated string is a crash the fuzzer keeps, not a silent
 * bad article.  Every pointer is read, which lets ASan check it.
 *
 * Input layout shared by the targets: the first byte is a mode byte whose
 * bits pick options (each target documents its bits), the rest is the
 * payload.  make_corpus.py writes the seeds in that layout.
 */
#ifndef WN_FUZZ_H
#define WN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "utf8.h"

#define WN_FUZZ_CHECK(cond) do { if (!(cond)) abort(); } while (0)

/* Aborts unless s is a NUL-terminated valid UTF-8 string (or NULL). */
static inline void wn_fuzz_check_str(const char *s)
{
	if (s)
		WN_FUZZ_CHECK(wn_utf8_valid(s, strlen(s)));
}

/* Aborts unless doc keeps the promises of doc.h. */
static inline void wn_fuzz_check_doc(const struct wn_doc *doc)
{
	size_t i;

	WN_FUZZ_CHECK(doc->kind == WN_INPUT_HTML || doc->kind == WN_INPUT_TEXT);
	wn_fuzz_check_str(doc->charset);
	wn_fuzz_check_str(doc->title);
	wn_fuzz_check_str(doc->lang);
	wn_fuzz_check_str(doc->canonical);
	if (doc->kind == WN_INPUT_TEXT) {
		WN_FUZZ_CHECK(doc->text && doc->text[doc->text_len] == '\0');
		WN_FUZZ_CHECK(wn_utf8_valid(doc->text, doc->text_len));
		for (i = 0; i < doc->n_lines; i++) {
			const struct wn_line *l = &doc->lines[i];

			WN_FUZZ_CHECK(l->off + l->len <= doc->text_len);
			WN_FUZZ_CHECK(l->block >= -1 && l->block < (int32_t)doc->n_blocks);
			WN_FUZZ_CHECK(l->removed_by == NULL);
		}
	}
	for (i = 0; i < doc->n_nodes; i++) {
		const struct wn_node *n = &doc->nodes[i];
		int32_t n_nodes = (int32_t)doc->n_nodes;
		size_t a;

		WN_FUZZ_CHECK(n->tag != NULL);
		wn_fuzz_check_str(n->tag);
		WN_FUZZ_CHECK(i == 0 ? n->parent == -1 : n->parent >= 0 && n->parent < (int32_t)i);
		WN_FUZZ_CHECK(n->subtree_size >= 1 && (int64_t)i + n->subtree_size <= n_nodes);
		WN_FUZZ_CHECK(n->first_child == -1 ||
			      (n->first_child == (int32_t)i + 1 && n->subtree_size > 1));
		WN_FUZZ_CHECK(n->next_sibling == -1 ||
			      n->next_sibling == (int32_t)i + n->subtree_size);
		WN_FUZZ_CHECK(n->link_chars <= n->text_chars);
		WN_FUZZ_CHECK(n->first_block >= -1 && n->n_blocks >= 0);
		WN_FUZZ_CHECK(n->first_block == -1 ||
			      (int64_t)n->first_block + n->n_blocks <= (int64_t)doc->n_blocks);
		for (a = 0; a < n->n_attrs; a++) {
			WN_FUZZ_CHECK(n->attrs[a].name && n->attrs[a].value);
			wn_fuzz_check_str(n->attrs[a].name);
			wn_fuzz_check_str(n->attrs[a].value);
		}
		wn_fuzz_check_str(n->id);
		wn_fuzz_check_str(n->cls);
	}
	for (i = 0; i < doc->n_blocks; i++) {
		const struct wn_block *b = &doc->blocks[i];

		WN_FUZZ_CHECK(b->text && b->text[b->len] == '\0');
		WN_FUZZ_CHECK(wn_utf8_valid(b->text, b->len));
		WN_FUZZ_CHECK(b->chars == wn_utf8_count(b->text, b->len));
		WN_FUZZ_CHECK(b->link_chars <= b->chars);
		WN_FUZZ_CHECK(b->kind < WN_BLOCK__COUNT);
		/* A heading that is all link becomes a LINK block but keeps its level. */
		WN_FUZZ_CHECK(b->level <= 6 && (b->kind != WN_BLOCK_HEADING || b->level >= 1));
		WN_FUZZ_CHECK(b->node >= -1 && b->node < (int32_t)doc->n_nodes);
		WN_FUZZ_CHECK(b->first_line == -1 ||
			      (int64_t)b->first_line + b->n_lines <= (int64_t)doc->n_lines);
		WN_FUZZ_CHECK(b->removed_by == NULL);
	}
	for (i = 0; i < doc->n_metas; i++) {
		wn_fuzz_check_str(doc->metas[i].key);
		wn_fuzz_check_str(doc->metas[i].value);
	}
	for (i = 0; i < doc->n_jsonld; i++)
		WN_FUZZ_CHECK(doc->jsonld[i] != NULL);
	for (i = 0; i < doc->n_imgs; i++) {
		const struct wn_img *im = &doc->imgs[i];

		wn_fuzz_check_str(im->src);
		wn_fuzz_check_str(im->alt);
		WN_FUZZ_CHECK(im->node >= -1 && im->node < (int32_t)doc->n_nodes);
		WN_FUZZ_CHECK(im->caption_block >= -1 && im->caption_block < (int32_t)doc->n_blocks);
	}
}

#endif
