/* json.c -- struct wn_article and errors as JSON (jansson).
 *
 * Key order is the documented one (docs/api.md); unknown values are null,
 * never missing, so consumers can rely on every key being present.
 */
#include "article.h"

/* A string or null.  jansson takes NULL as null through json_string()
 * returning NULL, so map it explicitly. */
static json_t *wn_json_str(const char *s)
{
	json_t *v = s ? json_string(s) : NULL;
	return v ? v : json_null();
}

static json_t *wn_json_strings(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, wn_json_str(v[i]));
	return a;
}

json_t *wn_article_to_json(const struct wn_article *art)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "url", wn_json_str(art->url));
	json_object_set_new(o, "site", wn_json_str(art->site));
	json_object_set_new(o, "input", json_string(wn_input_kind_name(art->input)));
	json_object_set_new(o, "rules", wn_json_strings(art->rules, art->n_rules));
	json_object_set_new(o, "title", wn_json_str(art->title));
	json_object_set_new(o, "author", wn_json_str(art->author));
	json_object_set_new(o, "date", wn_json_str(art->date));
	json_object_set_new(o, "date_raw", wn_json_str(art->date_raw));
	json_object_set_new(o, "section", wn_json_str(art->section));
	json_object_set_new(o, "lead", wn_json_str(art->lead));
	json_object_set_new(o, "source", wn_json_str(art->source));
	json_object_set_new(o, "language", wn_json_str(art->language));
	json_object_set_new(o, "site_name", wn_json_str(art->site_name));
	json_object_set_new(o, "canonical_url", wn_json_str(art->canonical_url));
	json_object_set_new(o, "next_page_url", wn_json_str(art->next_page_url));
	json_object_set_new(o, "single_page_url", wn_json_str(art->single_page_url));
	json_t *imgs = json_array();
	for (size_t i = 0; imgs && i < art->n_images; i++) {
		const struct wn_image *im = &art->images[i];
		json_array_append_new(imgs, json_pack("{s:o,s:o,s:o}", "url", wn_json_str(im->url),
						      "caption", wn_json_str(im->caption),
						      "credit", wn_json_str(im->credit)));
	}
	json_object_set_new(o, "images", imgs ? imgs : json_null());
	json_object_set_new(o, "paragraphs", wn_json_strings(art->paragraphs, art->n_paragraphs));
	json_object_set_new(o, "text", json_string(art->text ? art->text : ""));
	json_object_set_new(o, "word_count", json_integer((json_int_t)art->word_count));
	if (art->explain) {
		json_t *rm = json_array();
		for (size_t i = 0; rm && i < art->n_removed; i++)
			json_array_append_new(rm, json_pack("{s:o,s:o}",
				"text", wn_json_str(art->removed[i].text),
				"reason", wn_json_str(art->removed[i].reason)));
		json_object_set_new(o, "removed", rm ? rm : json_null());
	}
	return o;
}

json_t *wn_error_to_json(enum wn_err err, const char *detail)
{
	return json_pack("{s:{s:s,s:s}}", "error", "code", wn_err_code(err), "message",
			 detail ? detail : wn_err_str(err));
}
