/* css.c -- CSS selectors for the *_css directives, over the node table.
 *
 * What rule authors write to name page parts: type (div, *), .class, #id,
 * [attr], [attr=v], [attr~=v], [attr*=v], [attr^=v], [attr$=v], :not() of
 * a compound selector, the descendant (space) and child (>) combinators,
 * and groups (a, b).  No libxml2 tree is needed: a selector is matched
 * right to left against a node and its ancestors.  Compiled selectors
 * live in the rule set's arena.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "../parser/utf8.h"

/* One attribute test. */
struct wn_css_attr {
	const char *name;  /* lower-case attribute name */
	char op;           /* 0: present, '=', '~' (word), '*' (substring), '^', '$' */
	const char *value; /* compared value, NULL when op is 0 */
};

/* A compound selector: tests on one element. */
struct wn_css_compound {
	const char *tag;                /* lower-case type, NULL for any */
	const char **classes;           /* .class tests */
	size_t n_classes;
	const char *id;                 /* #id test, or NULL */
	struct wn_css_attr *attrs;      /* [attr] tests */
	size_t n_attrs;
	struct wn_css_compound *nots;   /* :not() arguments */
	size_t n_nots;
	char comb;                      /* how it relates to the compound on its left:
					 * ' ' descendant, '>' child, 0 for the first */
};

/* A complex selector: compounds left to right. */
struct wn_css_complex {
	struct wn_css_compound *parts;
	size_t n_parts;
};

/* A selector group. */
struct wn_css {
	struct wn_css_complex *alts;
	size_t n_alts;
};

/* Parsing state. */
struct wn_css_parser {
	struct wn_arena *arena; /* where the selector goes */
	const char *s;          /* the whole selector text */
	size_t i;               /* current byte */
	const char *error;      /* first problem, NULL while fine */
	size_t error_at;        /* byte where it was found */
};

static bool wn_css_fail(struct wn_css_parser *p, const char *msg)
{
	if (!p->error) {
		p->error = msg;
		p->error_at = p->i;
	}
	return false;
}

static void wn_css_ws(struct wn_css_parser *p)
{
	while (p->s[p->i] == ' ' || p->s[p->i] == '\t')
		p->i++;
}

static bool wn_css_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || (unsigned char)c >= 0x80;
}

/* An identifier at p->i into the arena (lower-cased when lower); NULL and
 * an error when there is none. */
static const char *wn_css_ident(struct wn_css_parser *p, bool lower)
{
	size_t start = p->i;
	while (wn_css_ident_char(p->s[p->i]))
		p->i++;
	if (p->i == start) {
		wn_css_fail(p, "a name was expected");
		return NULL;
	}
	char *id = wn_arena_strndup(p->arena, p->s + start, p->i - start);
	if (!id) {
		wn_css_fail(p, "out of memory");
		return NULL;
	}
	for (char *c = id; lower && *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return id;
}

/* Appends one element of size sz to the arena array *arr of *n entries. */
static bool wn_css_push(struct wn_css_parser *p, void **arr, size_t *n, size_t sz, const void *v)
{
	void *a = wn_arena_realloc(p->arena, *arr, *n * sz, (*n + 1) * sz);
	if (!a)
		return wn_css_fail(p, "out of memory");
	memcpy((char *)a + *n * sz, v, sz);
	*arr = a;
	(*n)++;
	return true;
}

/* [name op value] after the '['. */
static bool wn_css_attr(struct wn_css_parser *p, struct wn_css_compound *c)
{
	struct wn_css_attr at = {0};
	wn_css_ws(p);
	if (!(at.name = wn_css_ident(p, true)))
		return false;
	wn_css_ws(p);
	char ch = p->s[p->i];
	if (ch == '=') {
		at.op = '=';
		p->i++;
	} else if ((ch == '~' || ch == '*' || ch == '^' || ch == '$') && p->s[p->i + 1] == '=') {
		at.op = ch;
		p->i += 2;
	} else if (ch != ']') {
		return wn_css_fail(p, "an attribute operator (=, ~=, *=, ^=, $=) or ']' was expected");
	}
	if (at.op) {
		wn_css_ws(p);
		char q = p->s[p->i];
		if (q == '"' || q == '\'') {
			const char *end = strchr(p->s + p->i + 1, q);
			if (!end)
				return wn_css_fail(p, "unterminated string");
			at.value = wn_arena_strndup(p->arena, p->s + p->i + 1,
						    (size_t)(end - p->s) - p->i - 1);
			if (!at.value)
				return wn_css_fail(p, "out of memory");
			p->i = (size_t)(end - p->s) + 1;
		} else if (!(at.value = wn_css_ident(p, false))) {
			return false;
		}
		wn_css_ws(p);
	}
	if (p->s[p->i] != ']')
		return wn_css_fail(p, "']' was expected");
	p->i++;
	return wn_css_push(p, (void **)&c->attrs, &c->n_attrs, sizeof(at), &at);
}

/* A compound selector; in_not: inside :not(), where no :not nests. */
static bool wn_css_compound(struct wn_css_parser *p, struct wn_css_compound *c, bool in_not)
{
	size_t start = p->i;
	memset(c, 0, sizeof(*c));
	if (p->s[p->i] == '*') {
		p->i++;
	} else if (wn_css_ident_char(p->s[p->i])) {
		if (!(c->tag = wn_css_ident(p, true)))
			return false;
	}
	for (;;) {
		char ch = p->s[p->i];
		if (ch == '.') {
			p->i++;
			const char *cls = wn_css_ident(p, false);
			if (!cls || !wn_css_push(p, (void **)&c->classes, &c->n_classes,
						 sizeof(cls), &cls))
				return false;
		} else if (ch == '#') {
			p->i++;
			if (!(c->id = wn_css_ident(p, false)))
				return false;
		} else if (ch == '[') {
			p->i++;
			if (!wn_css_attr(p, c))
				return false;
		} else if (ch == ':') {
			if (in_not || strncmp(p->s + p->i, ":not(", 5))
				return wn_css_fail(p, in_not ? "nothing but a compound selector may sit in :not()" :
						   "unsupported pseudo-class (only :not() is)");
			p->i += 5;
			wn_css_ws(p);
			struct wn_css_compound n;
			if (!wn_css_compound(p, &n, true))
				return false;
			wn_css_ws(p);
			if (p->s[p->i] != ')')
				return wn_css_fail(p, "')' was expected");
			p->i++;
			if (!wn_css_push(p, (void **)&c->nots, &c->n_nots, sizeof(n), &n))
				return false;
		} else {
			break;
		}
	}
	if (p->i == start)
		return wn_css_fail(p, "a selector was expected");
	return true;
}

/* A complex selector, up to ',' or the end. */
static bool wn_css_complex(struct wn_css_parser *p, struct wn_css_complex *x)
{
	memset(x, 0, sizeof(*x));
	char comb = 0;
	wn_css_ws(p);
	for (;;) {
		struct wn_css_compound c;
		if (!wn_css_compound(p, &c, false))
			return false;
		c.comb = comb;
		/* Matching backtracks over ancestors per compound: keep it short. */
		if (x->n_parts == 16)
			return wn_css_fail(p, "more than 16 compound selectors");
		if (!wn_css_push(p, (void **)&x->parts, &x->n_parts, sizeof(c), &c))
			return false;
		size_t before = p->i;
		wn_css_ws(p);
		char ch = p->s[p->i];
		if (!ch || ch == ',')
			return true;
		if (ch == '+' || ch == '~')
			return wn_css_fail(p, "unsupported combinator (only ' ' and '>' are)");
		if (ch == '>') {
			comb = '>';
			p->i++;
			wn_css_ws(p);
		} else if (p->i > before) {
			comb = ' ';
		} else {
			return wn_css_fail(p, "unexpected character");
		}
	}
}

void *wn_rules_css_compile(struct wn_arena *arena, const char *sel, int *err_col, char *msg,
			   size_t msg_size)
{
	struct wn_css_parser p = {.arena = arena, .s = sel};
	struct wn_css *css = wn_arena_calloc(arena, 1, sizeof(*css));
	if (!css) {
		snprintf(msg, msg_size, "out of memory");
		*err_col = 0;
		return NULL;
	}
	for (;;) {
		struct wn_css_complex x;
		if (!wn_css_complex(&p, &x) ||
		    !wn_css_push(&p, (void **)&css->alts, &css->n_alts, sizeof(x), &x))
			break;
		if (!p.s[p.i])
			return css;
		p.i++; /* the ',' */
	}
	snprintf(msg, msg_size, "bad CSS selector: %s", p.error);
	*err_col = (int)wn_utf8_count(sel, p.error_at) + 1;
	return NULL;
}

/* True when the white-space separated list list holds word. */
static bool wn_css_has_word(const char *list, const char *word)
{
	size_t wl = strlen(word);
	for (const char *s = list; s && *s;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			s++;
		size_t l = strcspn(s, " \t\n\r\f");
		if (l == wl && !memcmp(s, word, l))
			return true;
		s += l;
	}
	return false;
}

static bool wn_css_attr_ok(const struct wn_css_attr *at, const char *v)
{
	if (!v)
		return false;
	size_t vl = strlen(v), al = at->value ? strlen(at->value) : 0;
	switch (at->op) {
	case 0: return true;
	case '=': return !strcmp(v, at->value);
	case '~': return wn_css_has_word(v, at->value);
	case '*': return al && strstr(v, at->value);
	case '^': return al && !strncmp(v, at->value, al);
	case '$': return al && vl >= al && !strcmp(v + vl - al, at->value);
	default: return false;
	}
}

static bool wn_css_compound_ok(const struct wn_css_compound *c, const struct wn_doc *doc,
			       int32_t i)
{
	const struct wn_node *nd = &doc->nodes[i];
	if (c->tag && strcmp(c->tag, nd->tag))
		return false;
	if (c->id && (!nd->id || strcmp(c->id, nd->id)))
		return false;
	for (size_t k = 0; k < c->n_classes; k++)
		if (!wn_css_has_word(nd->cls, c->classes[k]))
			return false;
	for (size_t k = 0; k < c->n_attrs; k++)
		if (!wn_css_attr_ok(&c->attrs[k], wn_doc_attr(doc, i, c->attrs[k].name)))
			return false;
	for (size_t k = 0; k < c->n_nots; k++)
		if (wn_css_compound_ok(&c->nots[k], doc, i))
			return false;
	return true;
}

/* True when parts[0..k] match with parts[k] on node i. */
static bool wn_css_complex_ok(const struct wn_css_complex *x, size_t k, const struct wn_doc *doc,
			      int32_t i)
{
	if (!wn_css_compound_ok(&x->parts[k], doc, i))
		return false;
	if (k == 0)
		return true;
	int32_t a = doc->nodes[i].parent;
	if (x->parts[k].comb == '>')
		return a >= 0 && wn_css_complex_ok(x, k - 1, doc, a);
	for (; a >= 0; a = doc->nodes[a].parent)
		if (wn_css_complex_ok(x, k - 1, doc, a))
			return true;
	return false;
}

bool wn_rules_css_matches(const void *css, const struct wn_doc *doc, int32_t node)
{
	const struct wn_css *c = css;
	for (size_t k = 0; k < c->n_alts; k++)
		if (wn_css_complex_ok(&c->alts[k], c->alts[k].n_parts - 1, doc, node))
			return true;
	return false;
}
