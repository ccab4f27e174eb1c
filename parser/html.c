/* html.c -- HTML to doc: a pre-pass, gumbo, and one iterative walk.
 *
 * Three linear steps, arranged so the whole costs less than gumbo parsing
 * the raw page:
 *
 *   1. A pre-pass copies the input without the contents of <script>,
 *      <style>, <svg>, <template> and comments -- often most of a modern
 *      page's bytes -- saving each JSON-LD script's text on the way.  The
 *      dropped elements go entirely, tags too: they carry no visible text,
 *      no later stage reads them, and every element kept costs gumbo and
 *      the node table.  A lean pre-pass (no site rule will query the doc)
 *      also drops the data-* attributes nothing reads, a fifth of what is
 *      left.  It also caps element nesting (as Chrome caps DOM
 *      depth), because gumbo's scope checks are quadratic in depth: 100,000
 *      nested <div>s take gumbo 15 s.
 *   2. gumbo parses the rest with all its memory taken from the request's
 *      arena (never freed piecemeal; no gumbo_destroy_output(), which
 *      recurses and would be redundant).  Attribute and text strings in
 *      the doc point into gumbo's arena-owned tree.
 *   3. One pre-order walk, without recursion (gumbo's parent pointers and
 *      child indices give the way back up), builds the node table, the
 *      blocks, head facts and images; a backward pass over the table then
 *      sums text counts into ancestors.
 */
#include <gumbo.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "input.h"
#include "utf8.h"

/* Deepest element nesting passed to gumbo; deeper start tags (and as many
 * end tags) are dropped, flattening the excess like browsers do. */
#define WN_HTML_MAX_DEPTH 512

/* Longest tag name the pre-pass compares; longer names are never special. */
#define WN_TAG_NAME_MAX 16

/* The data-* attributes that anything after the pre-pass reads: a lazy
 * image's real URL, in order of preference (the first WN_LAZY_SRC), then
 * its srcset.  A lean pre-pass drops every other data-* attribute. */
static const char *const wn_lazy_src[] = {"data-src", "data-lazy-src", "data-original",
					  "data-srcset"};
#define WN_LAZY_SRC 3

/* A growable array of fixed-size elements in malloc'd memory, copied into
 * the arena once complete (so growth wastes no arena budget). */
struct wn_vec {
	char *data;  /* elements, malloc'd */
	size_t n;    /* elements in use */
	size_t cap;  /* elements allocated */
	size_t size; /* bytes per element */
};

/* A zeroed new last element, or NULL when out of memory. */
static void *wn_vec_push(struct wn_vec *v)
{
	if (v->n == v->cap) {
		size_t ncap = v->cap ? v->cap * 2 : 32;
		char *nd = realloc(v->data, ncap * v->size);
		if (!nd)
			return NULL;
		v->data = nd;
		v->cap = ncap;
	}
	void *p = v->data + v->n++ * v->size;
	memset(p, 0, v->size);
	return p;
}

/* Copies v's elements into the arena; *out is NULL for an empty v.  False
 * when out of memory. */
static bool wn_vec_to_arena(struct wn_arena *arena, const struct wn_vec *v, void *out)
{
	void *p = NULL;
	if (v->n) {
		p = wn_arena_alloc(arena, v->n * v->size);
		if (!p)
			return false;
		memcpy(p, v->data, v->n * v->size);
	}
	memcpy(out, &p, sizeof(p));
	return true;
}

/* ---- 1. The pre-pass --------------------------------------------------- */

/* State of the pre-pass. */
struct wn_prepass {
	struct wn_arena *arena;
	const char *s;         /* input */
	size_t len;            /* bytes of input */
	char *out;             /* copy being written (never longer than s) */
	size_t o;              /* bytes written to out */
	struct wn_vec *jsonld; /* const char *: saved JSON-LD texts */
	int depth;             /* open counted elements (see wn_prepass_counted) */
	int dropped;           /* start tags dropped over the depth cap, not yet closed */
	bool lean;             /* drop the data-* attributes nothing reads (wn_parse_opts.lean) */
};

static bool wn_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool wn_is_html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The next attribute of the tag being scanned at s[*i] (just past its
 * name or its previous attribute): true with s[*from..*to) the
 * attribute, name and value (not the white space or '/' before it), and
 * *i past it; false at the tag's end, with *i just past its '>', or len
 * when the input ends first.  Quotes count only around attribute values,
 * as in the HTML tokenizer, so a stray quote cannot swallow the page. */
static bool wn_prepass_attr(const char *s, size_t len, size_t *i, size_t *from, size_t *to)
{
	size_t k = *i;
	while (k < len && (wn_is_html_space(s[k]) || s[k] == '/'))
		k++;
	if (k >= len || s[k] == '>') {
		*i = k < len ? k + 1 : len;
		return false;
	}
	*from = k;
	/* Attribute name; a leading '=' belongs to it. */
	k++;
	while (k < len && s[k] != '>' && s[k] != '=' && !wn_is_html_space(s[k]) && s[k] != '/')
		k++;
	*to = k;
	while (k < len && wn_is_html_space(s[k]))
		k++;
	if (k < len && s[k] == '=') {
		k++;
		while (k < len && wn_is_html_space(s[k]))
			k++;
		if (k < len && (s[k] == '"' || s[k] == '\'')) {
			const char *q = memchr(s + k + 1, s[k], len - k - 1);
			if (!q) {
				*i = len;
				return false;
			}
			k = (size_t)(q - s) + 1;
		} else {
			while (k < len && s[k] != '>' && !wn_is_html_space(s[k]))
				k++;
		}
		*to = k;
	}
	*i = k;
	return true;
}

/* Index just past the end of the name of the tag that starts at s[p]. */
static size_t wn_prepass_name_end(const char *s, size_t len, size_t p)
{
	size_t i = p + 1;
	while (i < len && s[i] != '>' && !wn_is_html_space(s[i]) && s[i] != '/')
		i++;
	return i;
}

/* Index just past the '>' ending the tag that starts at s[p] ('<'), or len
 * when the input ends first (see wn_prepass_attr). */
static size_t wn_prepass_tag_end(const char *s, size_t len, size_t p)
{
	size_t i = wn_prepass_name_end(s, len, p), from, to;
	while (wn_prepass_attr(s, len, &i, &from, &to))
		;
	return i;
}

/* True when s[p..) is "<name" or "</name" (close) followed by white space,
 * '/' or '>' (or the end of input), case-insensitively. */
static bool wn_prepass_is_tag(const char *s, size_t len, size_t p, const char *name, bool close)
{
	size_t nl = strlen(name);
	size_t k = p + 1 + close;
	if (k + nl > len || (close && s[p + 1] != '/') || strncasecmp(s + k, name, nl))
		return false;
	return k + nl == len || wn_is_html_space(s[k + nl]) || s[k + nl] == '/' ||
	       s[k + nl] == '>';
}

/* Index of the '<' of the first "</name" (see wn_prepass_is_tag) at or
 * after from, or len: where raw text such as script data ends. */
static size_t wn_prepass_find_close(const char *s, size_t len, size_t from, const char *name)
{
	for (size_t i = from; i < len;) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - s);
		if (wn_prepass_is_tag(s, len, i, name, true))
			return i;
		i++;
	}
	return len;
}

/* Index just past the end tag closing the element whose start tag ended at
 * from, counting nested elements of the same name (<template>); len when
 * unclosed. */
static size_t wn_prepass_skip_nested(const char *s, size_t len, size_t from, const char *name)
{
	int level = 1;
	for (size_t i = from; i < len;) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - s);
		if (wn_prepass_is_tag(s, len, i, name, true)) {
			i = wn_prepass_tag_end(s, len, i);
			if (--level == 0)
				return i;
		} else if (wn_prepass_is_tag(s, len, i, name, false)) {
			size_t e = wn_prepass_tag_end(s, len, i);
			if (!(e >= 2 && s[e - 2] == '/'))
				level++;
			i = e;
		} else {
			i++;
		}
	}
	return len;
}

/* True when s[0..len) contains needle, ignoring ASCII case. */
static bool wn_contains_ci(const char *s, size_t len, const char *needle)
{
	size_t nl = strlen(needle);
	for (size_t i = 0; i + nl <= len; i++)
		if (!strncasecmp(s + i, needle, nl))
			return true;
	return false;
}

/* True when name is one of names[0..n). */
static bool wn_name_in(const char *name, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* Elements whose nesting the depth cap counts: all but void elements and
 * those whose end tag is optional (an unclosed <p> or <li> is closed by
 * its next sibling, so counting them would overstate the depth). */
static bool wn_prepass_counted(const char *name)
{
	static const char *const uncounted[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
		"image", "menuitem", "p", "li", "dt", "dd", "tr", "td", "th", "tbody",
		"thead", "tfoot", "option", "optgroup", "rb", "rt", "rtc", "rp", "caption",
		"colgroup", "html", "head", "body",
	};
	return !wn_name_in(name, uncounted, sizeof(uncounted) / sizeof(uncounted[0]));
}

/* Lower-cased tag name at s[p] into name (empty when too long); returns
 * the index after it. */
static size_t wn_prepass_name(const char *s, size_t len, size_t p, char name[WN_TAG_NAME_MAX + 1])
{
	size_t i = p, n = 0;
	while (i < len && s[i] != '>' && s[i] != '/' && !wn_is_html_space(s[i])) {
		if (n < WN_TAG_NAME_MAX + 1) {
			char c = s[i];
			name[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		n++;
		i++;
	}
	name[n <= WN_TAG_NAME_MAX ? n : 0] = '\0';
	return i;
}

/* Elements inside an <svg> whose names the pre-pass keeps, to match end
 * tags; deeper ones are skipped without names. */
#define WN_SVG_STACK 32

/* Index where the <svg> whose start tag ended at from ends: just past its
 * </svg>; or, where a browser ends an unclosed one (the HTML standard's
 * rules for foreign content), at the '<' of an HTML start tag that breaks
 * out of foreign content (<div>, <p>, <ul> ...) or of an end tag closing
 * an HTML element around the svg (</a>, </li>), outside <foreignObject>;
 * len when it never ends.  Without this, one "<svg ...></a>" in a menu
 * hid the rest of the page. */
static size_t wn_prepass_skip_svg(const char *s, size_t len, size_t from)
{
	static const char *const breakout[] = {
		"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt",
		"em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
		"listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span",
		"strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var"};
	static const char *const html_end[] = {
		"a", "article", "aside", "body", "button", "dd", "div", "dl", "dt", "footer",
		"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "html", "label", "li",
		"main", "nav", "ol", "p", "section", "span", "table", "td", "th", "tr", "ul"};
	char open[WN_SVG_STACK][WN_TAG_NAME_MAX + 1]; /* names of the open elements inside */
	size_t depth = 0;                             /* open elements inside, named or not */
	size_t html = 0;                              /* of which <foreignObject>s (named) */
	for (size_t i = from; i < len;) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - s);
		if (len - i >= 4 && !memcmp(s + i, "<!--", 4)) {
			const char *e = memmem(s + i + 2, len - i - 2, "-->", 3);
			i = e ? (size_t)(e - s) + 3 : len;
			continue;
		}
		bool close = i + 1 < len && s[i + 1] == '/';
		char name[WN_TAG_NAME_MAX + 1];
		if (i + 1 + close >= len || !wn_is_alpha(s[i + 1 + close])) {
			i++;
			continue;
		}
		wn_prepass_name(s, len, i + 1 + close, name);
		size_t e = wn_prepass_tag_end(s, len, i);
		if (!close) {
			if (!html && wn_name_in(name, breakout, sizeof(breakout) / sizeof(breakout[0])))
				return i;
			if (!(e >= 2 && s[e - 2] == '/')) {
				if (depth < WN_SVG_STACK) {
					memcpy(open[depth], name, sizeof(open[depth]));
					html += !strcmp(name, "foreignobject");
				}
				depth++;
			}
			i = e;
			continue;
		}
		i = e;
		if (depth > WN_SVG_STACK) {
			depth--; /* too deep to name: taken as closing the innermost */
			continue;
		}
		size_t k = depth;
		while (k > 0 && strcmp(open[k - 1], name))
			k--;
		if (k > 0) {
			while (depth >= k) {
				depth--;
				html -= !strcmp(open[depth], "foreignobject");
			}
		} else if (!strcmp(name, "svg")) {
			return e;
		} else if (!html && wn_name_in(name, html_end, sizeof(html_end) / sizeof(html_end[0]))) {
			return (size_t)(lt - s);
		}
	}
	return len;
}

static void wn_prepass_copy(struct wn_prepass *pp, size_t from, size_t to)
{
	memcpy(pp->out + pp->o, pp->s + from, to - from);
	pp->o += to - from;
}

/* Mends, in place, the slips of hand-written JSON-LD that browsers and
 * search engines forgive but a JSON parser does not: a raw line break or
 * tab inside a string (a description pasted as typed) becomes a space, and
 * outside strings a "//" comment to the end of its line goes, as does a
 * comma before "}" or "]".  Valid JSON comes out unchanged; the text only
 * shrinks, so s keeps its terminator. */
static void wn_prepass_jsonld_mend(char *s)
{
	char *o = s;
	bool in_str = false;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (in_str) {
			if (c == '\\' && p[1]) {
				*o++ = *p++;
			} else if (c == '"') {
				in_str = false;
			} else if (c < 0x20) {
				*o++ = ' ';
				continue;
			}
		} else if (c == '"') {
			in_str = true;
		} else if (c == '/' && p[1] == '/') {
			while (p[1] && p[1] != '\n')
				p++;
			continue;
		} else if (c == '}' || c == ']') {
			char *q = o;
			while (q > s && strchr(" \t\r\n", q[-1]))
				q--;
			if (q > s && q[-1] == ',')
				o = q - 1;
		}
		*o++ = *p;
	}
	*o = '\0';
}

/* Saves the JSON-LD text s[from..to), trimmed and mended, unless empty. */
static enum wn_err wn_prepass_jsonld(struct wn_prepass *pp, size_t from, size_t to)
{
	size_t n = to - from;
	const char *t = wn_utf8_trim(pp->s + from, &n);
	if (!n)
		return WN_OK;
	const char **slot = wn_vec_push(pp->jsonld);
	char *copy = slot ? wn_arena_strndup(pp->arena, t, n) : NULL;
	if (!copy)
		return WN_ERR_NOMEM;
	wn_prepass_jsonld_mend(copy);
	*slot = copy;
	return WN_OK;
}

/* True when the attribute s[0..n) (name, maybe "=value") is a data-*
 * attribute that nothing after a lean pre-pass reads. */
static bool wn_prepass_unread(const char *s, size_t n)
{
	if (n < 5 || strncasecmp(s, "data-", 5))
		return false;
	size_t name = 0;
	while (name < n && s[name] != '=' && !wn_is_html_space(s[name]))
		name++;
	for (size_t k = 0; k < sizeof(wn_lazy_src) / sizeof(wn_lazy_src[0]); k++)
		if (strlen(wn_lazy_src[k]) == name && !strncasecmp(s, wn_lazy_src[k], name))
			return false;
	return true;
}

/* Copies the start tag s[p..end), in a lean pre-pass without its unread
 * data-* attributes: a fifth of what is left of a page after its scripts
 * and styles (framework state, tracking, JSON blobs), all of which gumbo
 * would tokenize for nothing. */
static void wn_prepass_copy_tag(struct wn_prepass *pp, size_t p, size_t end)
{
	size_t i = wn_prepass_name_end(pp->s, end, p), from, to, done = p;
	while (pp->lean && wn_prepass_attr(pp->s, end, &i, &from, &to))
		if (wn_prepass_unread(pp->s + from, to - from)) {
			wn_prepass_copy(pp, done, from);
			done = to;
		}
	wn_prepass_copy(pp, done, end);
}

/* Handles the start tag at s[p] ending at end; returns where to go on. */
static size_t wn_prepass_start_tag(struct wn_prepass *pp, size_t p, size_t end, enum wn_err *err)
{
	const char *s = pp->s;
	size_t len = pp->len;
	char name[WN_TAG_NAME_MAX + 1];
	wn_prepass_name(s, len, p + 1, name);

	if (!strcmp(name, "script") || !strcmp(name, "style")) {
		size_t close = wn_prepass_find_close(s, len, end, name);
		if (!strcmp(name, "script") && wn_contains_ci(s + p, end - p, "ld+json"))
			*err = wn_prepass_jsonld(pp, end, close);
		return close < len ? wn_prepass_tag_end(s, len, close) : len;
	}
	if (!strcmp(name, "svg") || !strcmp(name, "template")) {
		if (end >= 2 && s[end - 2] == '/')
			return end;
		return name[0] == 's' ? wn_prepass_skip_svg(s, len, end) :
			wn_prepass_skip_nested(s, len, end, name);
	}
	/* Raw text and RCDATA elements: their content is not markup, so it is
	 * copied as it is and scanning resumes at their end tag. */
	static const char *const raw[] = {"title", "textarea", "xmp", "iframe", "noembed",
					  "noframes"};
	if (wn_name_in(name, raw, sizeof(raw) / sizeof(raw[0]))) {
		size_t close = wn_prepass_find_close(s, len, end, name);
		wn_prepass_copy(pp, p, close);
		return close;
	}
	if (!strcmp(name, "plaintext")) {
		wn_prepass_copy(pp, p, len);
		return len;
	}
	if (name[0] && wn_prepass_counted(name)) {
		if (pp->depth >= WN_HTML_MAX_DEPTH) {
			pp->dropped++;
			return end;
		}
		pp->depth++;
	}
	wn_prepass_copy_tag(pp, p, end);
	return end;
}

/* Handles the end tag at s[p] ending at end; returns where to go on. */
static size_t wn_prepass_end_tag(struct wn_prepass *pp, size_t p, size_t end)
{
	char name[WN_TAG_NAME_MAX + 1];
	wn_prepass_name(pp->s, pp->len, p + 2, name);
	if (name[0] && wn_prepass_counted(name)) {
		if (pp->dropped) {
			pp->dropped--;
			return end;
		}
		if (pp->depth)
			pp->depth--;
	}
	wn_prepass_copy(pp, p, end);
	return end;
}

/* Runs the pre-pass over s[0..len) into a new arena buffer *out. */
static enum wn_err wn_prepass_run(struct wn_arena *arena, const char *s, size_t len, bool lean,
				  struct wn_vec *jsonld, char **out, size_t *out_len)
{
	struct wn_prepass pp = {.arena = arena, .s = s, .len = len, .jsonld = jsonld, .lean = lean};
	pp.out = wn_arena_alloc(arena, len + 1);
	if (!pp.out)
		return WN_ERR_NOMEM;
	enum wn_err err = WN_OK;
	size_t i = 0;
	while (i < len && !err) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt) {
			wn_prepass_copy(&pp, i, len);
			break;
		}
		size_t p = (size_t)(lt - s);
		wn_prepass_copy(&pp, i, p);
		if (len - p >= 4 && !memcmp(s + p, "<!--", 4)) {
			/* "<!-->" and "<!--->" are complete comments too. */
			const char *e = memmem(s + p + 2, len - p - 2, "-->", 3);
			i = e ? (size_t)(e - s) + 3 : len;
		} else if (p + 2 < len && s[p + 1] == '/' && wn_is_alpha(s[p + 2])) {
			i = wn_prepass_end_tag(&pp, p, wn_prepass_tag_end(s, len, p));
		} else if (p + 1 < len && wn_is_alpha(s[p + 1])) {
			i = wn_prepass_start_tag(&pp, p, wn_prepass_tag_end(s, len, p), &err);
		} else {
			wn_prepass_copy(&pp, p, p + 1);
			i = p + 1;
		}
	}
	pp.out[pp.o] = '\0';
	*out = pp.out;
	*out_len = pp.o;
	return err;
}

/* ---- 2. gumbo on the arena --------------------------------------------- */

/* What gumbo's allocator hooks get as userdata. */
struct wn_gumbo_mem {
	struct wn_arena *arena; /* where all of gumbo's memory comes from */
	jmp_buf oom;            /* where to go when the arena refuses */
};

/* gumbo cannot handle a failed allocation, so running out of the arena
 * budget leaves gumbo by longjmp; nothing leaks as the arena owns all. */
static void *wn_gumbo_alloc(void *userdata, size_t size)
{
	struct wn_gumbo_mem *mem = userdata;
	void *p = wn_arena_alloc(mem->arena, size);
	if (!p)
		longjmp(mem->oom, 1);
	return p;
}

/* The arena frees everything at once. */
static void wn_gumbo_free(void *userdata, void *ptr)
{
	(void)userdata;
	(void)ptr;
}

static enum wn_err wn_gumbo_parse(struct wn_arena *arena, const char *buf, size_t len,
				  GumboOutput **out)
{
	struct wn_gumbo_mem mem = {.arena = arena};
	GumboOptions opts = kGumboDefaultOptions;
	opts.allocator = wn_gumbo_alloc;
	opts.deallocator = wn_gumbo_free;
	opts.userdata = &mem;
	opts.max_errors = 0; /* parse errors are not used: do not record them */
	if (setjmp(mem.oom))
		return WN_ERR_NOMEM;
	*out = gumbo_parse_with_options(&opts, buf, len);
	return *out && (*out)->root ? WN_OK : WN_ERR_PARSE;
}

/* ---- 3. The walk ------------------------------------------------------- */

/* How the walk treats an element. */
enum wn_tag_class {
	WN_TAG_INLINE = 0, /* its text joins the current block */
	WN_TAG_CONTAINER,  /* ends the current block; its loose text is a paragraph */
	WN_TAG_BLOCK,      /* ends the current block and starts one of its kind */
	WN_TAG_INVISIBLE,  /* nothing inside is visible text */
};

static enum wn_tag_class wn_tag_class(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
	case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		return WN_TAG_BLOCK;
	case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
	case GUMBO_TAG_DL: case GUMBO_TAG_DIR: case GUMBO_TAG_MENU: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
	case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER: case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_FRAMESET: case GUMBO_TAG_MULTICOL:
	/* <noscript> shows to every reader without JavaScript -- scrapers,
	 * crawlers, the text renderings -- and some sites serve their whole
	 * content there (Discourse threads). */
	case GUMBO_TAG_NOSCRIPT:
		return WN_TAG_CONTAINER;
	case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT: case GUMBO_TAG_DATALIST:
	case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET:
	case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_MAP:
	case GUMBO_TAG_TITLE:
		return WN_TAG_INVISIBLE;
	default:
		return WN_TAG_INLINE;
	}
}

/* Kind and heading level of the blocks a WN_TAG_BLOCK element produces. */
static enum wn_block_kind wn_tag_block_kind(GumboTag tag, uint8_t *level)
{
	*level = 0;
	switch (tag) {
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
		*level = (uint8_t)(tag - GUMBO_TAG_H1 + 1);
		return WN_BLOCK_HEADING;
	case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
		return WN_BLOCK_LIST_ITEM;
	case GUMBO_TAG_BLOCKQUOTE:
		return WN_BLOCK_QUOTE;
	case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
		return WN_BLOCK_CODE;
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
		return WN_BLOCK_CAPTION;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		return WN_BLOCK_TABLE_CELL;
	default:
		return WN_BLOCK_PARAGRAPH;
	}
}

/* Per-node state of the walk, parallel to the node table. */
struct wn_walk_open {
	GumboTag tag;      /* gumbo's tag of the node */
	int32_t owner;     /* element that owns loose text inside this node */
	int32_t blk_start; /* blocks emitted when the node was entered */
	size_t buf_start;  /* bytes of the unemitted block then */
	bool link;         /* an <a href>: text inside counts as link text */
};

/* State of the walk. */
struct wn_walk {
	struct wn_arena *arena;
	struct wn_doc *doc;
	struct wn_vec nodes;   /* struct wn_node: the node table being built */
	struct wn_vec open;    /* struct wn_walk_open, parallel to nodes */
	struct wn_vec blocks;  /* struct wn_block */
	struct wn_vec metas;   /* struct wn_meta */
	struct wn_vec imgs;    /* struct wn_img */
	char *buf;             /* text of the block being built (malloc'd) */
	size_t len;            /* bytes in buf */
	size_t cap;            /* bytes allocated for buf */
	uint32_t buf_link;     /* code points of buf inside links */
	bool pending_space;    /* white space seen since buf's last character */
	int32_t pending_node;  /* element the pending white space is in */
	bool pending_link;     /* the pending white space is inside a link */
	int32_t owner;         /* element owning the block being built */
	int32_t invisible;     /* outermost invisible element around, or -1 */
	int32_t last_closed;   /* node exited most recently, or -1 */
	int link_depth;        /* open <a href> elements */
	int pre_depth;         /* open elements keeping white space */
	int quote_depth;       /* open <blockquote>s */
	int caption_depth;     /* open <figcaption>s and <caption>s */
	size_t page_text;      /* text bytes of the whole page (wn_gumbo_text_bytes), counted when first needed */
	const GumboNode *main; /* the outermost open visible <main> (role=main), or NULL */
	int32_t main_node;     /* its node, or -1 */
	size_t main_text;      /* its text bytes, counted when first needed */
	bool revealed;         /* a hidden wrapper (wn_walk_page_wrapper) was read as visible */
	enum wn_err err;       /* first error; the walk stops on it */
};

static struct wn_node *wn_walk_node(struct wn_walk *w, int32_t i)
{
	return (struct wn_node *)w->nodes.data + i;
}

static struct wn_walk_open *wn_walk_open(struct wn_walk *w, int32_t i)
{
	return (struct wn_walk_open *)w->open.data + i;
}

/* Makes room for n more bytes (plus a space and a NUL) in the block buffer. */
static bool wn_walk_reserve(struct wn_walk *w, size_t n)
{
	if (w->cap - w->len >= n + 2)
		return true;
	size_t ncap = w->cap ? w->cap * 2 : 256;
	while (ncap - w->len < n + 2)
		ncap *= 2;
	char *nb = realloc(w->buf, ncap);
	if (!nb) {
		w->err = WN_ERR_NOMEM;
		return false;
	}
	w->buf = nb;
	w->cap = ncap;
	return true;
}

/* Kind and level of the block owned by element owner. */
static enum wn_block_kind wn_walk_kind(struct wn_walk *w, int32_t owner, uint8_t *level)
{
	enum wn_block_kind kind = WN_BLOCK_PARAGRAPH;
	*level = 0;
	if (owner >= 0 && wn_tag_class(wn_walk_open(w, owner)->tag) == WN_TAG_BLOCK)
		kind = wn_tag_block_kind(wn_walk_open(w, owner)->tag, level);
	/* Paragraphs inside a caption or quote belong to it
	 * (<figcaption><p>..</p></figcaption> is common). */
	if (kind == WN_BLOCK_PARAGRAPH && w->caption_depth)
		kind = WN_BLOCK_CAPTION;
	else if (kind == WN_BLOCK_PARAGRAPH && w->quote_depth)
		kind = WN_BLOCK_QUOTE;
	return kind;
}

/* s[0..len) as valid UTF-8: s itself when it is, else an arena copy with
 * U+FFFD for each bad sequence.  gumbo passes some character references
 * through unchecked (&#x88888888; found by fuzz_html), so text and
 * attribute values are checked where they enter the doc. */
static const char *wn_walk_valid(struct wn_walk *w, const char *s, size_t len)
{
	const char *out = wn_parser_valid_utf8(w->arena, s, len);
	if (!out)
		w->err = WN_ERR_NOMEM;
	return out;
}

/* Emits the block being built, if it has any text, and starts an empty one. */
static void wn_walk_flush(struct wn_walk *w)
{
	size_t len = w->len;
	const char *t = w->buf;
	uint8_t level;
	enum wn_block_kind kind = wn_walk_kind(w, w->owner, &level);
	if (len && kind == WN_BLOCK_CODE) {
		/* Keep the code's indentation, drop blank lines around it. */
		while (len && (t[0] == '\n' || t[0] == '\r')) {
			t++;
			len--;
		}
		while (len && wn_is_html_space(t[len - 1]))
			len--;
	}
	if (len) {
		struct wn_block *b = wn_vec_push(&w->blocks);
		const char *text = wn_walk_valid(w, t, len);
		if (text == t)
			text = wn_arena_strndup(w->arena, t, len);
		else if (text)
			len = strlen(text);
		if (!b || !text) {
			w->err = WN_ERR_NOMEM;
			return;
		}
		b->text = text;
		b->len = len;
		b->chars = (uint32_t)wn_utf8_count(text, len);
		b->link_chars = w->buf_link < b->chars ? w->buf_link : b->chars;
		/* Headings that are links keep their level: a teaser title and an
		 * article title linking to itself differ only by context. */
		b->kind = (uint64_t)b->link_chars * 10 >= (uint64_t)b->chars * 9 ? WN_BLOCK_LINK : kind;
		b->level = level;
		b->node = w->owner;
		b->first_line = -1;
	}
	w->len = 0;
	w->buf_link = 0;
	w->pending_space = false;
}

/* Counts chars code points of text in element node, and in the block's
 * link text when inside a link. */
static void wn_walk_count(struct wn_walk *w, int32_t node, uint32_t chars, bool link)
{
	struct wn_node *nd = wn_walk_node(w, node);
	nd->text_chars += chars;
	if (link) {
		nd->link_chars += chars;
		w->buf_link += chars;
	}
}

/* Notes white space in element node: it becomes one space if more text
 * follows in the block, counted where the white space was. */
static void wn_walk_space(struct wn_walk *w, int32_t node)
{
	if (w->pending_space)
		return;
	w->pending_space = true;
	w->pending_node = node;
	w->pending_link = w->link_depth > 0;
}

/* Appends s[0..n) at out + *o with each run of white space collapsed to
 * one space and none at the start of out; *pending carries a run across
 * calls (a trailing run is left pending).  out needs room for n + 1 more
 * bytes.  Returns the code points appended; *carried tells whether the
 * first of them is a space pending from an earlier call. */
static uint32_t wn_collapse(char *out, size_t *o, const char *s, size_t n, bool *pending,
			    bool *carried)
{
	uint32_t chars = 0;
	size_t i = 0;
	bool pending_before = *pending;
	*carried = false;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k = i;
		bool space;
		if (c < 0x80) {
			space = wn_is_html_space((char)c) || c == '\v';
			k++;
		} else {
			space = wn_utf8_is_space(wn_utf8_next(s, n, &k));
		}
		if (space) {
			*pending = true;
		} else {
			if (*pending && *o) {
				if (!chars)
					*carried = pending_before;
				out[(*o)++] = ' ';
				chars++;
			}
			*pending = false;
			memcpy(out + *o, s + i, k - i);
			*o += k - i;
			chars++;
		}
		i = k;
	}
	return chars;
}

/* Appends a text node's text to the block: white space collapsed, or kept
 * as it is inside <pre>. */
static void wn_walk_text(struct wn_walk *w, int32_t node, const char *s, size_t n)
{
	if (!wn_walk_reserve(w, n))
		return;
	bool link = w->link_depth > 0;
	if (w->pre_depth) {
		memcpy(w->buf + w->len, s, n);
		w->len += n;
		wn_walk_count(w, node, (uint32_t)wn_utf8_count(s, n), link);
		return;
	}
	bool was_pending = w->pending_space, carried;
	uint32_t chars = wn_collapse(w->buf, &w->len, s, n, &w->pending_space, &carried);
	if (carried) {
		wn_walk_count(w, w->pending_node, 1, w->pending_link);
		chars--;
	}
	wn_walk_count(w, node, chars, link);
	if (w->pending_space && (!was_pending || chars || carried)) {
		w->pending_node = node;
		w->pending_link = link;
	}
}

/* Copies s as valid UTF-8 (wn_walk_valid), collapsed and trimmed, into
 * the arena (for <title> and meta values).  gumbo hands a <title> holding
 * "</" before a non-ASCII byte back with the input's bytes as they were
 * (found by fuzz_html), so the title is checked here like any text. */
static const char *wn_walk_collapse(struct wn_walk *w, const char *s)
{
	if (!(s = wn_walk_valid(w, s, strlen(s))))
		return NULL;
	size_t n = strlen(s), o = 0;
	bool pending = false, carried;
	char *out = wn_arena_alloc(w->arena, n + 1);
	if (!out) {
		w->err = WN_ERR_NOMEM;
		return NULL;
	}
	wn_collapse(out, &o, s, n, &pending, &carried);
	out[o] = '\0';
	return out;
}

/* How an inline style hides an element, ignoring case and white space. */
enum wn_style_hiding {
	WN_STYLE_SHOWN,     /* it does not */
	WN_STYLE_NONE,      /* display:none */
	WN_STYLE_INVISIBLE  /* visibility:hidden */
};

static enum wn_style_hiding wn_style_hides(const char *style)
{
	char flat[256];
	size_t n = 0;
	for (const char *p = style; *p && n < sizeof(flat) - 1; p++) {
		char c = *p;
		if (wn_is_html_space(c))
			continue;
		flat[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	flat[n] = '\0';
	return strstr(flat, "display:none") ? WN_STYLE_NONE :
	       strstr(flat, "visibility:hidden") ? WN_STYLE_INVISIBLE : WN_STYLE_SHOWN;
}

/* The attribute name of element g, or NULL. */
static const char *wn_gumbo_attr(const GumboNode *g, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
	return a ? a->value : NULL;
}

/* Attribute name of g as valid UTF-8 (wn_walk_valid), or NULL when g has
 * none: the way every attribute value enters the doc. */
static const char *wn_walk_attr(struct wn_walk *w, const GumboNode *g, const char *name)
{
	const char *v = wn_gumbo_attr(g, name);
	return v ? wn_walk_valid(w, v, strlen(v)) : NULL;
}

/* The next sibling of gumbo node g, or NULL. */
static GumboNode *wn_gumbo_next_sibling(const GumboNode *g)
{
	GumboNode *p = g->parent;
	if (!p || (p->type != GUMBO_NODE_ELEMENT && p->type != GUMBO_NODE_TEMPLATE))
		return NULL;
	const GumboVector *ch = &p->v.element.children;
	size_t k = g->index_within_parent;
	if (k >= ch->length || ch->data[k] != g) {
		/* Defensive: find g if its index is stale. */
		for (k = 0; k < ch->length && ch->data[k] != g; k++)
			;
	}
	return k + 1 < ch->length ? ch->data[k + 1] : NULL;
}

/* The node after g's subtree in a pre-order walk of root, or NULL at the
 * end; *up gets how many of g's ancestors the walk leaves on the way. */
static GumboNode *wn_gumbo_after(const GumboNode *g, const GumboNode *root, size_t *up)
{
	*up = 0;
	for (;;) {
		if (g == root)
			return NULL;
		GumboNode *next = wn_gumbo_next_sibling(g);
		if (next)
			return next;
		g = g->parent;
		(*up)++;
	}
}

/* Bytes of text under gumbo node root, walked in pre-order without
 * recursion. */
static size_t wn_gumbo_text_bytes(const GumboNode *root)
{
	size_t n = 0;
	const GumboNode *g = root;
	while (g) {
		bool element = g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE;
		bool code = element && (g->v.element.tag == GUMBO_TAG_SCRIPT ||
					g->v.element.tag == GUMBO_TAG_STYLE);
		if (element && !code && g->v.element.children.length) {
			g = g->v.element.children.data[0];
			continue;
		}
		if (!element && g->type != GUMBO_NODE_COMMENT && g->type != GUMBO_NODE_DOCUMENT &&
		    g->type != GUMBO_NODE_WHITESPACE)
			for (const char *p = g->v.text.text; *p; p++)
				n += !wn_is_html_space(*p);
		size_t up;
		g = wn_gumbo_after(g, root, &up);
	}
	return n;
}

/* True when g, hidden by its inline style (h), is a wrapper a script
 * reveals: hidden by visibility:hidden and holding more than half of the
 * page's text (frameworks hide the whole page so until a script has
 * loaded its styles: anti-flicker), or hidden either way and holding more
 * than half of the text of the <main> (role=main) around it (a shop's
 * access-control app hides the product until it has checked the
 * visitor).  The page as scraped, without JavaScript, is what is behind
 * it; a page's main content hidden from every reader is no page.  A
 * display:none box elsewhere stays hidden however much it holds (a
 * closed menu, a modal).  Text is counted without white space, scripts
 * and styles.  Counting costs one walk of g's subtree, and of the page
 * and of the main element once; only the first wrapper is revealed, so
 * the walk stays linear. */
static bool wn_walk_page_wrapper(struct wn_walk *w, const GumboNode *g, enum wn_style_hiding h)
{
	if (w->revealed)
		return false;
	size_t text = wn_gumbo_text_bytes(g);
	if (w->main && !w->main_text)
		w->main_text = wn_gumbo_text_bytes(w->main) + 1;
	if (w->main && 2 * text > w->main_text)
		return w->revealed = true;
	if (h != WN_STYLE_INVISIBLE)
		return false;
	if (!w->page_text) {
		const GumboNode *top = g; /* <html>: the document node is no element */
		while (top->parent && top->parent->type != GUMBO_NODE_DOCUMENT)
			top = top->parent;
		w->page_text = wn_gumbo_text_bytes(top) + 1;
	}
	w->revealed = 2 * text > w->page_text;
	return w->revealed;
}

/* True when element g has role=main. */
static bool wn_gumbo_role_main(const GumboNode *g)
{
	const char *role = wn_gumbo_attr(g, "role");
	return role && !strcmp(role, "main");
}

/* True when g's class says it is for screen readers only: a label a
 * sighted reader never sees ("Regular price", "Open media 1 in modal",
 * "(opens in a new tab)", a menu's heading).  An inline one's text joins
 * a visible block, where the class/id vocabulary of the extraction, which
 * judges whole elements, cannot reach it.  Not when a class shows it
 * again from some width on ("sr-only md:not-sr-only").  The caller
 * spares an <h1>: a page that names itself for screen readers names its
 * title there, for the metadata. */
static bool wn_screen_reader_only(const GumboNode *g)
{
	static const char *const tokens[] = {"sr-only", "visually-hidden", "visuallyhidden",
					     "screen-reader-text", "screen-reader-only",
					     "element-invisible", "u-visually-hidden"};
	const char *c = wn_gumbo_attr(g, "class");
	if (!c || strstr(c, "not-sr-only"))
		return false;
	for (const char *t = c; *t;) {
		size_t l = 0;
		while (t[l] && !wn_is_html_space(t[l]))
			l++;
		for (size_t k = 0; k < sizeof(tokens) / sizeof(tokens[0]); k++)
			if (strlen(tokens[k]) == l && !strncmp(t, tokens[k], l))
				return true;
		t += l;
		while (wn_is_html_space(*t))
			t++;
	}
	return false;
}

/* True for an element with the hidden attribute, except React's streamed
 * segments (<div hidden id="S:0">): server-rendered page content that a
 * script moves into place, so the page as its reader sees it. */
static bool wn_hidden_attr(const GumboNode *g)
{
	if (!wn_gumbo_attr(g, "hidden"))
		return false;
	const char *id = wn_gumbo_attr(g, "id");
	if (!id || id[0] != 'S' || id[1] != ':' || !id[2])
		return true;
	for (const char *p = id + 2; *p; p++)
		if (*p < '0' || *p > '9')
			return true;
	return false;
}

/* Records a <meta>: one entry per naming attribute it has. */
static void wn_walk_meta(struct wn_walk *w, const GumboNode *g)
{
	static const char *const keys[] = {"property", "name", "itemprop", "http-equiv"};
	const char *content = wn_gumbo_attr(g, "content");
	/* Collapsed like <title>: "Headline&nbsp;|&nbsp;Site" has its
	 * separator, a description no stray line breaks. */
	if (!content || !(content = wn_walk_collapse(w, content)))
		return;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *k = wn_walk_attr(w, g, keys[i]);
		if (!k || !*k)
			continue;
		char *key = wn_arena_strdup(w->arena, k);
		struct wn_meta *m = wn_vec_push(&w->metas);
		if (!key || !m) {
			w->err = WN_ERR_NOMEM;
			return;
		}
		for (char *p = key; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p + 32);
		m->key = key;
		m->value = content;
	}
}

/* The first URL of a srcset ("a.jpg 1x, b.jpg 2x"), or NULL. */
static const char *wn_srcset_first(struct wn_walk *w, const char *srcset)
{
	while (wn_is_html_space(*srcset))
		srcset++;
	size_t n = 0;
	while (srcset[n] && !wn_is_html_space(srcset[n]))
		n++;
	if (n && srcset[n - 1] == ',')
		n--;
	if (!n)
		return NULL;
	const char *url = wn_arena_strndup(w->arena, srcset, n);
	if (!url)
		w->err = WN_ERR_NOMEM;
	return url;
}

/* Records an <img>.  Lazy-loading pages put a placeholder (or nothing) in
 * src and the real URL in data-src or a srcset; images with no real URL
 * at all are left out. */
static void wn_walk_img(struct wn_walk *w, const GumboNode *g, int32_t node)
{
	const char *src = wn_gumbo_attr(g, "src");
	if (src && (!*src || !strncasecmp(src, "data:", 5)))
		src = NULL;
	for (size_t i = 0; !src && i < WN_LAZY_SRC; i++) {
		src = wn_gumbo_attr(g, wn_lazy_src[i]);
		if (src && !*src)
			src = NULL;
	}
	if (!src && (src = wn_gumbo_attr(g, "srcset")))
		src = wn_srcset_first(w, src);
	if (!src && (src = wn_gumbo_attr(g, wn_lazy_src[WN_LAZY_SRC])))
		src = wn_srcset_first(w, src);
	if (!src)
		return;
	struct wn_img *img = wn_vec_push(&w->imgs);
	if (!img) {
		w->err = WN_ERR_NOMEM;
		return;
	}
	/* Checked as UTF-8 like every attribute entering the doc (fuzz_html:
	 * data-src="//w&#x285dad580"). */
	img->src = wn_walk_valid(w, src, strlen(src));
	img->alt = wn_walk_attr(w, g, "alt");
	img->node = node;
	img->caption_block = -1;
}

/* On leaving a <figure>: its figcaption's block captions the images
 * inside it that have no caption yet (inner figures were done first). */
static void wn_walk_figure(struct wn_walk *w, int32_t fig)
{
	int32_t caption = -1;
	for (int32_t i = fig + 1; i < (int32_t)w->nodes.n; i++) {
		if (wn_walk_open(w, i)->tag == GUMBO_TAG_FIGCAPTION &&
		    wn_walk_node(w, i)->first_block >= 0) {
			caption = wn_walk_node(w, i)->first_block;
			break;
		}
	}
	if (caption < 0)
		return;
	struct wn_img *imgs = (struct wn_img *)w->imgs.data;
	for (size_t k = w->imgs.n; k-- > 0 && imgs[k].node >= fig;)
		if (imgs[k].caption_block < 0)
			imgs[k].caption_block = caption;
}

/* The lower-case tag name of element g. */
static const char *wn_walk_tag_name(struct wn_walk *w, const GumboNode *g)
{
	if (g->v.element.tag != GUMBO_TAG_UNKNOWN)
		return gumbo_normalized_tagname(g->v.element.tag);
	GumboStringPiece piece = g->v.element.original_tag;
	gumbo_tag_from_original_text(&piece);
	char *name = wn_arena_strndup(w->arena, piece.data ? piece.data : "", piece.length);
	if (!name) {
		w->err = WN_ERR_NOMEM;
		return "";
	}
	for (char *p = name; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return name;
}

/* Enters element g (child of node parent); returns its node index. */
static int32_t wn_walk_enter(struct wn_walk *w, const GumboNode *g, int32_t parent)
{
	struct wn_node *nd = wn_vec_push(&w->nodes);
	struct wn_walk_open *op = wn_vec_push(&w->open);
	if (!nd || !op) {
		w->err = WN_ERR_NOMEM;
		return -1;
	}
	int32_t i = (int32_t)w->nodes.n - 1;
	const GumboElement *el = &g->v.element;
	GumboTag tag = el->tag;
	nd->tag = wn_walk_tag_name(w, g);
	nd->parent = parent;
	nd->first_child = -1;
	nd->next_sibling = -1;
	nd->first_block = -1;
	if (parent >= 0) {
		struct wn_node *pn = wn_walk_node(w, parent);
		nd->depth = pn->depth < UINT16_MAX ? (uint16_t)(pn->depth + 1) : UINT16_MAX;
		if (w->last_closed >= 0 && wn_walk_node(w, w->last_closed)->parent == parent)
			wn_walk_node(w, w->last_closed)->next_sibling = i;
		else
			pn->first_child = i;
	}
	size_t na = el->attributes.length > UINT16_MAX ? UINT16_MAX : el->attributes.length;
	if (na) {
		nd->attrs = wn_arena_alloc(w->arena, na * sizeof(*nd->attrs));
		if (!nd->attrs) {
			w->err = WN_ERR_NOMEM;
			return -1;
		}
		for (size_t k = 0; k < na; k++) {
			const GumboAttribute *a = el->attributes.data[k];
			nd->attrs[k].name = a->name;
			nd->attrs[k].value = wn_walk_valid(w, a->value, strlen(a->value));
			if (!nd->attrs[k].value)
				return -1;
			if (!nd->id && !strcmp(a->name, "id"))
				nd->id = nd->attrs[k].value;
			else if (!nd->cls && !strcmp(a->name, "class"))
				nd->cls = nd->attrs[k].value;
		}
		nd->n_attrs = (uint16_t)na;
	}
	op->tag = tag;
	op->owner = parent >= 0 ? wn_walk_open(w, parent)->owner : i;
	op->blk_start = (int32_t)w->blocks.n;
	op->buf_start = w->len;
	if (tag == GUMBO_TAG_A && wn_gumbo_attr(g, "href")) {
		op->link = true;
		w->link_depth++;
	}

	/* Head facts are read whatever their visibility. */
	struct wn_doc *doc = w->doc;
	if (i == 0) {
		doc->lang = wn_walk_attr(w, g, "lang");
		if (!doc->lang)
			doc->lang = wn_walk_attr(w, g, "xml:lang");
	} else if (tag == GUMBO_TAG_TITLE && !doc->title && el->children.length) {
		const GumboNode *t = el->children.data[0];
		if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_WHITESPACE)
			doc->title = wn_walk_collapse(w, t->v.text.text);
	} else if (tag == GUMBO_TAG_META) {
		wn_walk_meta(w, g);
	} else if (tag == GUMBO_TAG_LINK && !doc->canonical) {
		const char *rel = wn_gumbo_attr(g, "rel");
		const char *href = wn_walk_attr(w, g, "href");
		if (rel && href && *href && strcasestr(rel, "canonical"))
			doc->canonical = href;
	}

	enum wn_tag_class cls = wn_tag_class(tag);
	if (w->invisible < 0) {
		const char *style = wn_gumbo_attr(g, "style");
		enum wn_style_hiding h = style ? wn_style_hides(style) : WN_STYLE_SHOWN;
		if (h != WN_STYLE_SHOWN && wn_walk_page_wrapper(w, g, h))
			h = WN_STYLE_SHOWN;
		if (cls == WN_TAG_INVISIBLE || wn_hidden_attr(g) || h != WN_STYLE_SHOWN ||
		    (tag != GUMBO_TAG_H1 && wn_screen_reader_only(g)))
			w->invisible = i;
	}
	if (w->invisible >= 0)
		return i;
	if (!w->main && (tag == GUMBO_TAG_MAIN || wn_gumbo_role_main(g))) {
		w->main = g;
		w->main_node = i;
		w->main_text = 0;
	}

	if (cls == WN_TAG_BLOCK || cls == WN_TAG_CONTAINER) {
		wn_walk_flush(w);
		op->owner = i;
		w->owner = i;
		op->blk_start = (int32_t)w->blocks.n;
		op->buf_start = 0;
	}
	uint8_t level;
	switch (cls == WN_TAG_BLOCK ? wn_tag_block_kind(tag, &level) : WN_BLOCK__COUNT) {
	case WN_BLOCK_CODE: w->pre_depth++; break;
	case WN_BLOCK_QUOTE: w->quote_depth++; break;
	case WN_BLOCK_CAPTION: w->caption_depth++; break;
	default: break;
	}
	if (tag == GUMBO_TAG_BR) {
		if (w->pre_depth && wn_walk_reserve(w, 1)) {
			w->buf[w->len++] = '\n';
			wn_walk_count(w, i, 1, w->link_depth > 0);
		} else {
			wn_walk_space(w, i);
		}
	} else if (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_IMAGE) {
		wn_walk_img(w, g, i);
	}
	return i;
}

/* Leaves node i. */
static void wn_walk_exit(struct wn_walk *w, int32_t i)
{
	struct wn_walk_open *op = wn_walk_open(w, i);
	enum wn_tag_class cls = wn_tag_class(op->tag);
	if (op->link)
		w->link_depth--;
	if (w->invisible < 0 && (cls == WN_TAG_BLOCK || cls == WN_TAG_CONTAINER)) {
		wn_walk_flush(w);
		int32_t parent = wn_walk_node(w, i)->parent;
		w->owner = parent >= 0 ? wn_walk_open(w, parent)->owner : -1;
		uint8_t level;
		switch (cls == WN_TAG_BLOCK ? wn_tag_block_kind(op->tag, &level) : WN_BLOCK__COUNT) {
		case WN_BLOCK_CODE: w->pre_depth--; break;
		case WN_BLOCK_QUOTE: w->quote_depth--; break;
		case WN_BLOCK_CAPTION: w->caption_depth--; break;
		default: break;
		}
	}
	/* The block being built counts for this node too (an inline's text
	 * goes out with its enclosing block).  A block that was already under
	 * way when the node began and was emitted without growing is not the
	 * node's.  Nodes without any text are fixed up in wn_walk_finish(). */
	struct wn_node *nd = wn_walk_node(w, i);
	int32_t start = op->blk_start;
	int32_t end = (int32_t)w->blocks.n + (w->len ? 1 : 0);
	if (op->buf_start && start < (int32_t)w->blocks.n &&
	    ((struct wn_block *)w->blocks.data)[start].len <= op->buf_start)
		start++;
	if (end > start) {
		nd->first_block = start;
		nd->n_blocks = end - start;
	}
	nd->subtree_size = (int32_t)w->nodes.n - i;
	if (w->invisible < 0 && op->tag == GUMBO_TAG_FIGURE)
		wn_walk_figure(w, i);
	if (w->invisible == i)
		w->invisible = -1;
	if (w->main_node == i) {
		w->main = NULL;
		w->main_node = -1;
	}
	w->last_closed = i;
}

/* Walks gumbo's tree from root in pre-order, without recursion. */
static void wn_walk_tree(struct wn_walk *w, GumboNode *root)
{
	GumboNode *g = root;
	int32_t cur = -1; /* node table index of g's parent element */
	while (g && !w->err) {
		bool element = g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE;
		if (element) {
			cur = wn_walk_enter(w, g, cur);
			if (w->err)
				return;
			if (g->v.element.children.length) {
				g = g->v.element.children.data[0];
				continue;
			}
		} else if (w->invisible < 0 && g->type != GUMBO_NODE_COMMENT &&
			   g->type != GUMBO_NODE_DOCUMENT) {
			wn_walk_text(w, cur, g->v.text.text, strlen(g->v.text.text));
		}
		/* Leave g (when an element) and every ancestor it is the last
		 * child of. */
		size_t up;
		GumboNode *next = wn_gumbo_after(g, root, &up);
		for (size_t k = 0; k < up + element; k++) {
			wn_walk_exit(w, cur);
			cur = wn_walk_node(w, cur)->parent;
		}
		g = next;
	}
}

/* Sums text counts into ancestors (children follow parents in the table)
 * and clears the block range of nodes that turned out to hold no text.  A
 * node closing inside a block under way counted that block; a code block
 * of blank lines only is never emitted, so ranges are clamped to the
 * blocks that exist. */
static void wn_walk_finish(struct wn_walk *w)
{
	int32_t n_blocks = (int32_t)w->blocks.n;
	for (int32_t i = (int32_t)w->nodes.n - 1; i >= 0; i--) {
		struct wn_node *nd = wn_walk_node(w, i);
		if (!nd->text_chars || nd->first_block >= n_blocks) {
			nd->first_block = -1;
			nd->n_blocks = 0;
		} else if (nd->first_block >= 0 && nd->first_block + nd->n_blocks > n_blocks) {
			nd->n_blocks = n_blocks - nd->first_block;
		}
		if (nd->parent >= 0) {
			struct wn_node *pn = wn_walk_node(w, nd->parent);
			pn->text_chars += nd->text_chars;
			pn->link_chars += nd->link_chars;
		}
	}
}

/* Adds og:image (if any) to the images, after those of the page. */
static void wn_walk_og_image(struct wn_walk *w)
{
	const struct wn_meta *metas = (const struct wn_meta *)w->metas.data;
	for (size_t i = 0; i < w->metas.n; i++) {
		if (strcmp(metas[i].key, "og:image") || !*metas[i].value)
			continue;
		struct wn_img *img = wn_vec_push(&w->imgs);
		if (!img) {
			w->err = WN_ERR_NOMEM;
			return;
		}
		img->src = metas[i].value;
		img->node = -1;
		img->caption_block = -1;
		return;
	}
}

enum wn_err wn_parser_parse_html(struct wn_arena *arena, const char *html, size_t len, bool lean,
				 struct wn_doc **out)
{
	struct wn_walk w = {
		.arena = arena,
		.nodes = {.size = sizeof(struct wn_node)},
		.open = {.size = sizeof(struct wn_walk_open)},
		.blocks = {.size = sizeof(struct wn_block)},
		.metas = {.size = sizeof(struct wn_meta)},
		.imgs = {.size = sizeof(struct wn_img)},
		.owner = -1,
		.invisible = -1,
		.main_node = -1,
		.last_closed = -1,
	};
	struct wn_vec jsonld = {.size = sizeof(const char *)};
	char *clean;
	size_t clean_len;
	GumboOutput *gout;
	struct wn_doc *doc = wn_arena_calloc(arena, 1, sizeof(*doc));
	enum wn_err err = doc ? WN_OK : WN_ERR_NOMEM;
	if (err)
		goto out;
	doc->arena = arena;
	doc->kind = WN_INPUT_HTML;
	doc->charset = "utf-8";
	w.doc = doc;

	if ((err = wn_prepass_run(arena, html, len, lean, &jsonld, &clean, &clean_len)))
		goto out;
	if ((err = wn_gumbo_parse(arena, clean, clean_len, &gout)))
		goto out;
	wn_walk_tree(&w, gout->root);
	wn_walk_flush(&w);
	if (!w.err) {
		wn_walk_finish(&w);
		wn_walk_og_image(&w);
	}
	if ((err = w.err))
		goto out;

	if (!wn_vec_to_arena(arena, &w.nodes, &doc->nodes) ||
	    !wn_vec_to_arena(arena, &w.blocks, &doc->blocks) ||
	    !wn_vec_to_arena(arena, &w.metas, &doc->metas) ||
	    !wn_vec_to_arena(arena, &w.imgs, &doc->imgs) ||
	    !wn_vec_to_arena(arena, &jsonld, &doc->jsonld)) {
		err = WN_ERR_NOMEM;
		goto out;
	}
	doc->n_nodes = w.nodes.n;
	doc->n_blocks = w.blocks.n;
	doc->n_metas = w.metas.n;
	doc->n_imgs = w.imgs.n;
	doc->n_jsonld = jsonld.n;
	*out = doc;
out:
	free(w.nodes.data);
	free(w.open.data);
	free(w.blocks.data);
	free(w.metas.data);
	free(w.imgs.data);
	free(w.buf);
	free(jsonld.data);
	return err;
}
