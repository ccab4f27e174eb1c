/* doc.h -- the document model every later stage sees.
 *
 * Both kinds of input end up as one struct wn_doc: the UTF-8 text, a
 * sequence of lines (text input) or a flat node table (HTML input), and one
 * sequence of blocks.  Blocks are what rules and heuristics reason about:
 * a paragraph, heading, list item, caption ... with its text, kind, link
 * density and position.  Gumbo's tree does not outlive wn_parser_parse();
 * the node table is the project's own.
 *
 * Everything in a wn_doc is allocated from the arena it was parsed into and
 * lives exactly as long as that arena.  Later stages mark removals on the
 * doc itself (wn_line.removed_by, wn_block.removed_by) so that assembling
 * the article and explaining what was removed read the same state.
 */
#ifndef WN_DOC_H
#define WN_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "err.h"

enum wn_input_kind {
	WN_INPUT_AUTO = 0, /* detect from the bytes (and Content-Type) */
	WN_INPUT_HTML,
	WN_INPUT_TEXT,
};

/* "html" / "text" / "auto". */
const char *wn_input_kind_name(enum wn_input_kind kind);

enum wn_block_kind {
	WN_BLOCK_PARAGRAPH = 0, /* running text: <p>, a text line, a div's loose text */
	WN_BLOCK_HEADING,       /* <h1>..<h6>; level in wn_block.level */
	WN_BLOCK_LIST_ITEM,     /* <li>, <dt>, <dd> */
	WN_BLOCK_LINK,          /* a block that is (almost) all one link */
	WN_BLOCK_CAPTION,       /* <figcaption>, <caption> */
	WN_BLOCK_QUOTE,         /* <blockquote> */
	WN_BLOCK_CODE,          /* <pre>, whitespace kept */
	WN_BLOCK_TABLE_CELL,    /* <td>, <th> */
	WN_BLOCK__COUNT
};

/* "paragraph", "heading", ... */
const char *wn_block_kind_name(enum wn_block_kind kind);

/* One attribute of an HTML element. */
struct wn_attr {
	const char *name;  /* lower-case, NUL-terminated */
	const char *value; /* NUL-terminated, entities decoded */
};

/* One element of the HTML node table.  Text is not a node: it is carried by
 * the blocks.  Indices are into wn_doc.nodes; -1 means none.  Nodes are in
 * document (pre-)order, so a node's subtree is the index range
 * [i, i + subtree_size). */
struct wn_node {
	const char *tag;          /* lower-case tag name ("div", "svg") */
	int32_t parent;           /* parent element, -1 for the root <html> */
	int32_t first_child;      /* first child element, -1 if none */
	int32_t next_sibling;     /* next sibling element, -1 if none */
	int32_t subtree_size;     /* this node plus all its descendants */
	uint16_t depth;           /* 0 for the root; capped at UINT16_MAX */
	uint16_t n_attrs;         /* entries in attrs */
	struct wn_attr *attrs;    /* attributes in source order */
	const char *id;           /* value of id="", or NULL (points into attrs) */
	const char *cls;          /* value of class="", or NULL (points into attrs) */
	uint32_t text_chars;      /* characters of text in the subtree (UTF-8 code points) */
	uint32_t link_chars;      /* of which inside <a> elements */
	int32_t first_block;      /* first block inside this subtree, -1 if none */
	int32_t n_blocks;         /* blocks inside this subtree */
};

/* One line of text input (the text split at '\n'; '\r' stripped). */
struct wn_line {
	size_t off;               /* byte offset of the line in wn_doc.text */
	size_t len;               /* bytes, without the newline */
	int32_t block;            /* block this line belongs to; -1 for blank lines */
	const char *removed_by;   /* NULL while kept; else why it was removed */
};

/* One block: the unit of rules and heuristics. */
struct wn_block {
	const char *text;         /* UTF-8, whitespace collapsed (except CODE), NUL-terminated */
	size_t len;               /* bytes of text */
	uint32_t chars;           /* code points of text */
	uint32_t link_chars;      /* code points inside links */
	enum wn_block_kind kind;
	uint8_t level;            /* heading level 1..6, else 0 */
	int32_t node;             /* HTML: the element that produced it; -1 for text input */
	int32_t first_line;       /* text input: first line index; -1 for HTML */
	int32_t n_lines;          /* text input: lines in the block; 0 for HTML */
	const char *removed_by;   /* NULL while kept; else why it was removed */
};

/* A <meta> tag or similar key/value found in the head. */
struct wn_meta {
	const char *key;          /* lower-cased name= / property= / itemprop= / http-equiv= */
	const char *value;        /* content=, whitespace collapsed and trimmed */
};

/* An <img> (or og:image) seen in the page. */
struct wn_img {
	const char *src;          /* as written (not resolved against the URL) */
	const char *alt;          /* alt text or NULL */
	int32_t node;             /* the <img> node; -1 if from meta */
	int32_t caption_block;    /* figcaption block of its <figure>, or -1 */
};

struct wn_doc {
	struct wn_arena *arena;      /* owns everything below */
	enum wn_input_kind kind;     /* WN_INPUT_HTML or WN_INPUT_TEXT, never AUTO */
	const char *charset;         /* charset the input was decoded from ("utf-8", "windows-1251") */
	int bad_bytes;               /* invalid byte sequences replaced by U+FFFD */

	const char *text;            /* text input: the whole UTF-8 text; HTML: NULL */
	size_t text_len;             /* bytes of text */
	struct wn_line *lines;       /* text input: every line, blank ones too */
	size_t n_lines;

	struct wn_node *nodes;       /* HTML: element table in document order */
	size_t n_nodes;

	struct wn_block *blocks;     /* both kinds: blocks in reading order */
	size_t n_blocks;

	/* HTML head facts, NULL when absent. */
	const char *title;           /* <title> text, whitespace collapsed */
	const char *lang;            /* <html lang=""> */
	const char *canonical;       /* <link rel=canonical href> */
	struct wn_meta *metas;       /* <meta> name/property/itemprop -> content */
	size_t n_metas;
	const char **jsonld;         /* raw text of each <script type=application/ld+json> */
	size_t n_jsonld;
	struct wn_img *imgs;         /* images in document order */
	size_t n_imgs;
};

/* Options of wn_parser_parse(). */
struct wn_parse_opts {
	enum wn_input_kind kind;     /* AUTO to detect */
	const char *charset;         /* charset from the transport (Content-Type), or NULL */
	size_t max_bytes;            /* limit on the decoded/decompressed input, 0 = none */
	/* Drop the data-* attributes that no generic stage reads (all but a
	 * lazy image's data-src and the like): a fifth of a page's markup.
	 * Only for a doc that no site rule's selectors will query, since
	 * those may name any attribute. */
	bool lean;
};

/* Parses raw input bytes (possibly gzip-compressed, in any charset) into a
 * doc allocated from arena.  On success *out is set and owned by the arena.
 * Errors: WN_ERR_EMPTY, WN_ERR_TOO_LARGE, WN_ERR_GZIP, WN_ERR_NOMEM,
 * WN_ERR_PARSE.  Unknown charsets fall back to windows-1252 (never fail). */
enum wn_err wn_parser_parse(struct wn_arena *arena, const char *bytes, size_t len,
			    const struct wn_parse_opts *opts, struct wn_doc **out);

/* Parses UTF-8 text (already decoded) into a text doc: lines, then blocks
 * separated by blank lines.  text need not be NUL-terminated; it is copied. */
enum wn_err wn_parser_parse_text(struct wn_arena *arena, const char *text, size_t len,
				 struct wn_doc **out);

/* Value of attribute name on node i, or NULL. */
const char *wn_doc_attr(const struct wn_doc *doc, int32_t node, const char *name);

/* content= of the first <meta> whose key equals key (case-insensitive), or NULL. */
const char *wn_doc_meta(const struct wn_doc *doc, const char *key);

#endif
