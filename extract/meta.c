/* meta.c -- an HTML page's metadata: title, author, date, section, lead,
 * images, language.
 *
 * Each field takes the first source that has it, most reliable first:
 * machine-readable sources (Open Graph, JSON-LD, article:* metas) before
 * visible markup (h1, <time>, byline classes), the URL last.  Fields set
 * already (by a rule) are kept.
 */
#include <string.h>

#include <jansson.h>

#include "extract_internal.h"
#include "utf8.h"

/* Title separators before a site name, longest first. */
static const char *const wn_title_seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
					    " :: ", " \xC2\xB7 ", " \xC2\xBB "};

/* A " | Site" suffix is at most this many words; what is left at least two. */
#define WN_SUFFIX_WORDS 4

const char *wn_extract_strip_title_suffix(struct wn_arena *arena, const char *title)
{
	if (!title)
		return NULL;
	const char *cut = NULL;
	size_t sep_len = 0;
	for (size_t k = 0; k < sizeof(wn_title_seps) / sizeof(wn_title_seps[0]); k++) {
		const char *p = title, *last = NULL;
		while ((p = strstr(p, wn_title_seps[k])))
			last = p++;
		if (last && (!cut || last > cut)) {
			cut = last;
			sep_len = strlen(wn_title_seps[k]);
		}
	}
	if (!cut)
		return title;
	const char *suffix = cut + sep_len;
	if (wn_extract_count_words(suffix, strlen(suffix)) > WN_SUFFIX_WORDS ||
	    wn_extract_count_words(title, (size_t)(cut - title)) < 2)
		return title;
	size_t len = (size_t)(cut - title);
	const char *t = wn_utf8_trim(title, &len);
	return wn_arena_strndup(arena, t, len);
}

/* Copy of a JSON string value into the arena, NULL for anything else. */
static const char *wn_json_dup(struct wn_arena *arena, json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v))
		v = json_object_get(v, "url") ? json_object_get(v, "url") : json_object_get(v, "name");
	if (!json_is_string(v) || !json_string_length(v))
		return NULL;
	size_t len = json_string_length(v);
	const char *s = wn_utf8_trim(json_string_value(v), &len);
	return len ? wn_arena_strndup(arena, s, len) : NULL;
}

static bool wn_jsonld_is_article(json_t *o)
{
	static const char *const types[] = {"Article", "NewsArticle", "BlogPosting",
					    "ReportageNewsArticle", "AnalysisNewsArticle",
					    "OpinionNewsArticle", "LiveBlogPosting", "TechArticle",
					    "ScholarlyArticle", "Report", "BackgroundNewsArticle"};
	json_t *t = json_object_get(o, "@type");
	size_t n = json_is_array(t) ? json_array_size(t) : 1;
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_is_array(t) ? json_array_get(t, i) : t;
		for (size_t k = 0; json_is_string(v) && k < sizeof(types) / sizeof(types[0]); k++)
			if (!strcmp(json_string_value(v), types[k]))
				return true;
	}
	return false;
}

/* The first article-like object in v (depth-first, document order);
 * *fallback gets the first object with a headline. */
static json_t *wn_jsonld_find(json_t *v, json_t **fallback, int depth)
{
	if (depth > 8)
		return NULL;
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++) {
			json_t *r = wn_jsonld_find(json_array_get(v, i), fallback, depth + 1);
			if (r)
				return r;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	if (wn_jsonld_is_article(v))
		return v;
	if (!*fallback && json_is_string(json_object_get(v, "headline")))
		*fallback = v;
	json_t *r = wn_jsonld_find(json_object_get(v, "@graph"), fallback, depth + 1);
	return r ? r : wn_jsonld_find(json_object_get(v, "mainEntity"), fallback, depth + 1);
}

/* Author names: a string, {name}, or an array of those, joined by ", ". */
static const char *wn_jsonld_authors(struct wn_arena *arena, json_t *v)
{
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	char *out = NULL;
	for (size_t i = 0; i < n && i < 16; i++) {
		json_t *a = json_is_array(v) ? json_array_get(v, i) : v;
		if (json_is_object(a))
			a = json_object_get(a, "name");
		if (!json_is_string(a) || !json_string_length(a))
			continue;
		out = out ? wn_arena_printf(arena, "%s, %s", out, json_string_value(a)) :
			wn_arena_strdup(arena, json_string_value(a));
		if (!out)
			return NULL;
	}
	return out;
}

enum wn_err wn_extract_jsonld_parse(struct wn_arena *arena, const char *const *texts, size_t n,
				    struct wn_extract_jsonld *out)
{
	for (size_t i = 0; i < n; i++) {
		json_t *root = json_loads(texts[i], JSON_DECODE_ANY, NULL);
		json_t *fallback = NULL;
		json_t *o = root ? wn_jsonld_find(root, &fallback, 0) : NULL;
		if (!o)
			o = fallback;
		if (o) {
			json_t *sec = json_object_get(o, "articleSection");
			json_t *date = json_object_get(o, "datePublished");
			if (!out->headline)
				out->headline = wn_json_dup(arena, json_object_get(o, "headline"));
			if (!out->author)
				out->author = wn_jsonld_authors(arena, json_object_get(o, "author"));
			if (!out->date)
				out->date = wn_json_dup(arena, date ? date : json_object_get(o, "dateCreated"));
			if (!out->section)
				out->section = wn_json_dup(arena, sec);
			if (!out->description)
				out->description = wn_json_dup(arena, json_object_get(o, "description"));
			if (!out->image)
				out->image = wn_json_dup(arena, json_object_get(o, "image"));
		}
		json_decref(root);
	}
	return WN_OK;
}

/* src made absolute against base (scheme://host/dir/), or src itself. */
static const char *wn_resolve(struct wn_arena *arena, const char *base, const char *src)
{
	const char *scheme_end = base ? strstr(base, "://") : NULL;
	if (!src || !scheme_end || strstr(src, "://") || !strncmp(src, "data:", 5))
		return src;
	if (!strncmp(src, "//", 2))
		return wn_arena_printf(arena, "%.*s:%s", (int)(scheme_end - base), base, src);
	const char *host_end = strchr(scheme_end + 3, '/');
	int host_len = host_end ? (int)(host_end - base) : (int)strlen(base);
	if (src[0] == '/')
		return wn_arena_printf(arena, "%.*s%s", host_len, base, src);
	const char *dir_end = strrchr(base, '/');
	if (!host_end || dir_end < host_end)
		return wn_arena_printf(arena, "%.*s/%s", host_len, base, src);
	return wn_arena_printf(arena, "%.*s/%s", (int)(dir_end - base), base, src);
}

/* The text of the first block made by node i or an element inside it
 * (bylines and credits are one line), or NULL.  An inline element's text
 * belongs to its enclosing block, which is not its own text. */
static const char *wn_node_text(const struct wn_doc *doc, int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (nd->n_blocks <= 0 || nd->first_block < 0 || (size_t)nd->first_block >= doc->n_blocks)
		return NULL;
	const struct wn_block *b = &doc->blocks[nd->first_block];
	return b->node >= i && b->node < i + nd->subtree_size ? b->text : NULL;
}

/* Name in a byline ("By Jane Doe" -> "Jane Doe"), in the arena. */
static const char *wn_byline_name(struct wn_arena *arena, const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s);
	const char *lower = wn_extract_lowercase(arena, s, len);
	if (!lower)
		return NULL;
	size_t skip = wn_extract_byline_prefix(lower);
	len -= skip;
	const char *t = wn_utf8_trim(s + skip, &len);
	/* A name has no digits: "October 15, 2018/0 Comments" is a meta line. */
	if (!len || len > 200 || wn_extract_count_words(t, len) > 12 || strpbrk(t, "0123456789"))
		return NULL;
	return wn_arena_strndup(arena, t, len);
}

static const char *wn_meta_author(struct wn_doc *doc)
{
	const char *v = wn_doc_meta(doc, "author");
	if (!v || strstr(v, "://"))
		v = wn_doc_meta(doc, "article:author");
	if (!v || strstr(v, "://"))
		v = wn_doc_meta(doc, "byl");
	if (v && !strstr(v, "://"))
		return wn_byline_name(doc->arena, v);
	for (size_t i = 0; i < doc->n_nodes; i++) {
		const char *rel = wn_doc_attr(doc, (int32_t)i, "rel");
		const char *prop = wn_doc_attr(doc, (int32_t)i, "itemprop");
		const char *cls = doc->nodes[i].cls;
		if ((rel && !strcmp(rel, "author")) || (prop && !strcmp(prop, "author")) ||
		    (cls && (strstr(cls, "byline") || strstr(cls, "author-name")))) {
			const char *name = wn_byline_name(doc->arena, wn_node_text(doc, (int32_t)i));
			if (name)
				return name;
		}
	}
	return NULL;
}

static const char *wn_meta_date_raw(const struct wn_doc *doc, int32_t container)
{
	static const char *const keys[] = {"article:published_time", "og:published_time",
					   "datepublished", "date", "pubdate", "publishdate",
					   "publish-date", "dc.date", "dc.date.issued",
					   "dcterms.date", "dcterms.created", "sailthru.date",
					   "parsely-pub-date", "article.published"};
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const char *v = wn_doc_meta(doc, keys[k]);
		if (v && *v)
			return v;
	}
	/* <time datetime>: the first inside the container, else the first. */
	const char *first = NULL;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		if (strcmp(doc->nodes[i].tag, "time"))
			continue;
		const char *v = wn_doc_attr(doc, (int32_t)i, "datetime");
		if (!v || !*v)
			continue;
		if (container >= 0 && (int32_t)i >= container &&
		    (int32_t)i < container + doc->nodes[container].subtree_size)
			return v;
		if (!first)
			first = v;
	}
	return first;
}

/* Primary subtag of a language tag ("en-US" -> "en"), or NULL. */
static const char *wn_lang_primary(struct wn_arena *arena, const char *tag)
{
	if (!tag)
		return NULL;
	char buf[4];
	size_t n = 0;
	while (*tag == ' ')
		tag++;
	for (; *tag && *tag != '-' && *tag != '_' && *tag != ',' && *tag != ' '; tag++) {
		char c = *tag >= 'A' && *tag <= 'Z' ? *tag + 32 : *tag;
		if (c < 'a' || c > 'z' || n == 3)
			return NULL;
		buf[n++] = c;
	}
	return n >= 2 ? wn_arena_strndup(arena, buf, n) : NULL;
}

/* Splits a credit off a caption: from a credit marker to the end. */
static void wn_caption_credit(struct wn_arena *arena, struct wn_image *im)
{
	static const char *const marks[] = {"\xC2\xA9", "Photo:", "Photo by", "Credit:", "Фото:",
					    "Foto:", "Image:", "Picture:", "(Photo", "Getty Images"};
	if (!im->caption || im->credit)
		return;
	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		const char *p = strstr(im->caption, marks[k]);
		if (!p)
			continue;
		if (k == sizeof(marks) / sizeof(marks[0]) - 1) {
			im->credit = marks[k];
			return;
		}
		size_t len = strlen(p);
		const char *c = wn_utf8_trim(p, &len);
		im->credit = wn_arena_strndup(arena, c, len);
		len = (size_t)(p - im->caption);
		c = wn_utf8_trim(im->caption, &len);
		im->caption = len ? wn_arena_strndup(arena, c, len) : NULL;
		return;
	}
}

/* Figure images inside the container, after og:image. */
static enum wn_err wn_meta_images(struct wn_doc *doc, const char *url, int32_t container,
				  const char *og_image, struct wn_article *art)
{
	art->images = wn_arena_calloc(doc->arena, doc->n_imgs + 1, sizeof(*art->images));
	if (!art->images)
		return WN_ERR_NOMEM;
	if (og_image)
		art->images[art->n_images++].url = wn_resolve(doc->arena, url, og_image);
	for (size_t i = 0; i < doc->n_imgs; i++) {
		const struct wn_img *img = &doc->imgs[i];
		if (img->caption_block < 0 || (size_t)img->caption_block >= doc->n_blocks ||
		    !img->src || img->node < 0)
			continue;
		if (container >= 0 && !(img->node >= container &&
					img->node < container + doc->nodes[container].subtree_size))
			continue;
		struct wn_image im = {.url = wn_resolve(doc->arena, url, img->src),
				      .caption = doc->blocks[img->caption_block].text};
		int32_t fig = img->node;
		for (int up = 0; fig >= 0 && up < 5 && strcmp(doc->nodes[fig].tag, "figure"); up++)
			fig = doc->nodes[fig].parent;
		for (int32_t k = fig; fig >= 0 && strcmp(doc->nodes[fig].tag, "figure") == 0 &&
		     k < fig + doc->nodes[fig].subtree_size && !im.credit; k++) {
			const char *cls = doc->nodes[k].cls;
			if (cls && (strstr(cls, "credit") || strstr(cls, "copyright")))
				im.credit = wn_node_text(doc, k);
		}
		wn_caption_credit(doc->arena, &im);
		if (art->n_images && im.url && art->images[0].url &&
		    !strcmp(im.url, art->images[0].url)) {
			art->images[0] = im;
			continue;
		}
		art->images[art->n_images++] = im;
	}
	return WN_OK;
}

enum wn_err wn_extract_html_meta(struct wn_doc *doc, const char *url, int32_t container,
				 struct wn_article *art)
{
	struct wn_arena *a = doc->arena;
	struct wn_extract_jsonld ld = {0};
	enum wn_err err = wn_extract_jsonld_parse(a, doc->jsonld, doc->n_jsonld, &ld);
	if (err)
		return err;
	const char *site_name = wn_doc_meta(doc, "og:site_name");

	if (!art->title) {
		const char *og = wn_doc_meta(doc, "og:title");
		if (og && *og && site_name && *site_name) {
			size_t ol = strlen(og), sl = strlen(site_name);
			if (ol > sl + 3 && !strcmp(og + ol - sl, site_name))
				og = wn_extract_strip_title_suffix(a, og);
		}
		art->title = og && *og ? og : ld.headline;
	}
	for (size_t b = 0; !art->title && b < doc->n_blocks; b++)
		if (doc->blocks[b].kind == WN_BLOCK_HEADING && doc->blocks[b].level == 1 &&
		    doc->blocks[b].chars)
			art->title = doc->blocks[b].text;
	if (!art->title && doc->title && *doc->title)
		art->title = wn_extract_strip_title_suffix(a, doc->title);

	if (!art->author)
		art->author = ld.author ? ld.author : wn_meta_author(doc);
	if (!art->date_raw) {
		art->date_raw = ld.date ? ld.date : wn_meta_date_raw(doc, container);
		art->date = wn_extract_parse_date(a, art->date_raw);
		if (!art->date && !art->date_raw)
			art->date = wn_extract_url_date(a, url);
	}
	if (!art->section) {
		const char *s = wn_doc_meta(doc, "article:section");
		art->section = s && *s ? s : ld.section;
	}
	if (!art->lead) {
		static const char *const keys[] = {"og:description", "description",
						   "twitter:description"};
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]) && !art->lead; k++) {
			const char *v = wn_doc_meta(doc, keys[k]);
			if (v && *v)
				art->lead = v;
		}
		if (!art->lead)
			art->lead = ld.description;
	}
	if (!art->n_images) {
		const char *og = wn_doc_meta(doc, "og:image");
		if ((err = wn_meta_images(doc, url, container, og && *og ? og : ld.image, art)))
			return err;
	}
	if (!art->language)
		art->language = wn_lang_primary(a, doc->lang);
	if (!art->language)
		art->language = wn_lang_primary(a, wn_doc_meta(doc, "content-language"));
	if (!art->language)
		art->language = wn_lang_primary(a, wn_doc_meta(doc, "og:locale"));
	return WN_OK;
}
