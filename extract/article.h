/* article.h -- the extracted article and its JSON form.
 *
 * An article is what winnow answers.  Every pointer in it is owned by the
 * arena of the request that produced it; NULL string fields are unknown and
 * are written as JSON null (never omitted).  The JSON shape is documented
 * in docs/api.md and docs/article.schema.json.
 */
#ifndef WN_ARTICLE_H
#define WN_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "../parser/doc.h"

struct wn_image {
	const char *url;      /* absolute when the page URL was known */
	const char *caption;  /* caption text */
	const char *credit;   /* photographer / agency credit */
};

/* One thing extraction removed, for explain output. */
struct wn_removed {
	const char *text;     /* first 120 characters of what was removed */
	const char *reason;   /* "tass.com.txt:12 text_drop_line" or "heuristic link_density=0.91" */
};

struct wn_article {
	const char *url;          /* the page URL as given, or NULL */
	const char *site;         /* host, or the matched rule's site when no URL */
	enum wn_input_kind input; /* HTML or TEXT */
	const char **rules;       /* names of the rule files applied */
	size_t n_rules;
	const char *title;
	const char *author;       /* several authors joined by ", " */
	const char *date;         /* ISO 8601 (YYYY-MM-DD or full timestamp) */
	const char *date_raw;     /* the date as written on the page */
	const char *section;
	const char *lead;
	const char *source;       /* where a syndicated article came from ("РБК") */
	const char *language;     /* BCP 47 primary tag ("en", "ru") */
	const char *site_name;    /* the publication's name (og:site_name, JSON-LD publisher) */
	const char *canonical_url; /* <link rel=canonical> / og:url, absolute */
	const char *next_page_url; /* a rule's next_page_link target: reported, never followed */
	const char *single_page_url; /* a rule's single_page_link target: reported, never followed */
	struct wn_image *images;
	size_t n_images;
	const char **paragraphs;  /* body paragraphs in reading order */
	size_t n_paragraphs;
	const char *text;         /* paragraphs joined by "\n\n" */
	size_t word_count;        /* words in text */
	bool explain;             /* removed[] is wanted and written */
	struct wn_removed *removed;
	size_t n_removed;
};

/* The article as a JSON object (new reference; caller owns it).  Keys in
 * the documented order.  NULL when out of memory. */
json_t *wn_article_to_json(const struct wn_article *art);

/* {"error": {"code": ..., "message": ...}} for err; message may add detail
 * (NULL to use wn_err_str()).  New reference, caller owns it. */
json_t *wn_error_to_json(enum wn_err err, const char *detail);

#endif
