/* loader.c -- the set of rule files, its host index and site matching.
 *
 * Files are found by host through an open-addressing hash table keyed by
 * the host pattern of the file name ("tass.com", ".example.com"), so a
 * lookup costs a few probes per domain level however many files there
 * are.  Pages without a URL (or whose host has no file) are matched by
 * the text_site_match fingerprints of the files that have any.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/hash.h"
#include "../parser/input.h"
#include "../parser/utf8.h"
#include "internal.h"

struct wn_rules {
	struct wn_arena *arena;          /* owns every ruleset, rule and string */
	struct wn_ruleset **sets;        /* files in load order */
	size_t n_sets;
	size_t cap_sets;                 /* allocated entries of sets */
	struct wn_ruleset **index;       /* hash slots by host, NULL = empty */
	size_t n_index;                  /* slots (a power of two) */
	size_t n_indexed;                /* used slots */
	struct wn_ruleset **fingerprinted; /* files with text_site_match, load order */
	size_t n_fingerprinted;
	size_t cap_fingerprinted;        /* allocated entries of fingerprinted */
};

/* Slot of key[0..len) in the index: its file, or the empty slot where it
 * would go. */
static struct wn_ruleset **wn_rules_slot(struct wn_ruleset **index, size_t n_index,
					 const char *key, size_t len)
{
	size_t i = (size_t)wn_hash(key, len) & (n_index - 1);
	while (index[i] && !(strncmp(index[i]->host, key, len) == 0 && index[i]->host[len] == '\0'))
		i = (i + 1) & (n_index - 1);
	return &index[i];
}

/* Puts rs in the host index (a later file of the same name replaces the
 * earlier one), growing the table to stay under half full. */
static enum wn_err wn_rules_index_add(struct wn_rules *rules, struct wn_ruleset *rs)
{
	if (2 * (rules->n_indexed + 1) > rules->n_index) {
		size_t n = rules->n_index ? 2 * rules->n_index : 64;
		struct wn_ruleset **index = calloc(n, sizeof(*index));
		if (!index)
			return WN_ERR_NOMEM;
		for (size_t i = 0; i < rules->n_index; i++) {
			struct wn_ruleset *o = rules->index[i];
			if (o)
				*wn_rules_slot(index, n, o->host, strlen(o->host)) = o;
		}
		free(rules->index);
		rules->index = index;
		rules->n_index = n;
	}
	struct wn_ruleset **slot = wn_rules_slot(rules->index, rules->n_index, rs->host,
						 strlen(rs->host));
	if (!*slot)
		rules->n_indexed++;
	*slot = rs;
	return WN_OK;
}

/* Appends p to the growable array *arr of *n entries and *cap capacity. */
static enum wn_err wn_rules_push(struct wn_ruleset ***arr, size_t *n, size_t *cap,
				 struct wn_ruleset *p)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		struct wn_ruleset **a = realloc(*arr, c * sizeof(**arr));
		if (!a)
			return WN_ERR_NOMEM;
		*arr = a;
		*cap = c;
	}
	(*arr)[(*n)++] = p;
	return WN_OK;
}

struct wn_rules *wn_rules_new(void)
{
	struct wn_rules *rules = calloc(1, sizeof(*rules));
	if (!rules)
		return NULL;
	rules->arena = wn_arena_new(0);
	if (!rules->arena) {
		free(rules);
		return NULL;
	}
	return rules;
}

void wn_rules_free(struct wn_rules *rules)
{
	if (!rules)
		return;
	for (size_t i = 0; i < rules->n_sets; i++)
		wn_ruleset_release(rules->sets[i]);
	free(rules->sets);
	free(rules->index);
	free(rules->fingerprinted);
	wn_arena_free(rules->arena);
	free(rules);
}

enum wn_err wn_rules_add_text(struct wn_rules *rules, const char *path, const char *name,
			      const char *text, size_t len, struct wn_ruleset **out)
{
	struct wn_ruleset *rs = wn_ruleset_parse(rules->arena, path, name, text, len);
	if (!rs)
		return WN_ERR_NOMEM;
	enum wn_err err = wn_rules_push(&rules->sets, &rules->n_sets, &rules->cap_sets, rs);
	if (err) {
		wn_ruleset_release(rs);
		return err;
	}
	/* From here rs is in sets, so wn_rules_free() releases it. */
	err = wn_rules_index_add(rules, rs);
	for (size_t i = 0; i < rs->n_rules && !err; i++) {
		if (rs->rules[i].re && strcmp(rs->rules[i].name, "text_site_match") == 0) {
			err = wn_rules_push(&rules->fingerprinted, &rules->n_fingerprinted,
					    &rules->cap_fingerprinted, rs);
			break;
		}
	}
	if (!err && out)
		*out = rs;
	return err;
}

enum wn_err wn_rules_load_file(struct wn_rules *rules, const char *path, struct wn_ruleset **out)
{
	char *text = NULL;
	size_t len = 0;
	int sys_err;
	enum wn_err err = wn_parser_read_file(path, 0, &text, &len, &sys_err);
	if (err)
		return err;
	const char *slash = strrchr(path, '/');
	err = wn_rules_add_text(rules, path, slash ? slash + 1 : path, text, len, out);
	free(text);
	return err;
}

static int wn_rules_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum wn_err wn_rules_load_dir(const char *dir, struct wn_rules **out)
{
	enum wn_err err = WN_ERR_IO;
	struct wn_rules *rules = NULL;
	char **names = NULL;
	size_t n_names = 0, cap_names = 0;
	DIR *d = opendir(dir);
	if (!d)
		goto out;
	err = WN_ERR_NOMEM;
	rules = wn_rules_new();
	if (!rules)
		goto out;
	/* Sorted, so the load order (and which of two equal fingerprint
	 * scores wins) does not depend on the file system. */
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l <= 4 || strcmp(e->d_name + l - 4, ".txt") != 0)
			continue;
		if (n_names == cap_names) {
			size_t c = cap_names ? 2 * cap_names : 256;
			char **n = realloc(names, c * sizeof(*names));
			if (!n)
				goto out;
			names = n;
			cap_names = c;
		}
		if (!(names[n_names] = wn_arena_strdup(rules->arena, e->d_name)))
			goto out;
		n_names++;
	}
	if (n_names)
		qsort(names, n_names, sizeof(*names), wn_rules_cmp_name);
	for (size_t i = 0; i < n_names; i++) {
		char *path = wn_arena_printf(rules->arena, "%s/%s", dir, names[i]);
		char *text = NULL;
		size_t len = 0;
		int sys_err;
		if (!path)
			goto out;
		/* A file that vanished or cannot be read is skipped: one bad
		 * file must not take the whole set down. */
		enum wn_err rerr = wn_parser_read_file(path, 0, &text, &len, &sys_err);
		if (rerr == WN_ERR_NOMEM)
			goto out;
		if (rerr)
			continue;
		err = wn_rules_add_text(rules, path, names[i], text, len, NULL);
		free(text);
		if (err)
			goto out;
	}
	*out = rules;
	rules = NULL;
	err = WN_OK;
out:
	free(names);
	wn_rules_free(rules);
	if (d)
		closedir(d);
	return err;
}

const struct wn_ruleset *wn_rules_global(const struct wn_rules *rules)
{
	/* "global" has no dot, so host lookups never reach it. */
	return rules && rules->n_index ? *wn_rules_slot(rules->index, rules->n_index, "global", 6) : NULL;
}

size_t wn_rules_count(const struct wn_rules *rules)
{
	return rules->n_sets;
}

const struct wn_ruleset *wn_rules_get(const struct wn_rules *rules, size_t i)
{
	return i < rules->n_sets ? rules->sets[i] : NULL;
}

/* Finds the host part of url: *len bytes at the returned pointer (not
 * lower-cased yet); NULL if there is none. */
static const char *wn_rules_host_span(const char *url, size_t *len)
{
	const char *s = strstr(url, "://");
	if (s)
		s += 3;
	else if (url[0] == '/' && url[1] == '/')
		s = url + 2;
	else
		s = url;
	size_t n = strcspn(s, "/?#");
	/* user:password@ comes before the host. */
	const char *at = memchr(s, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - s);
		s = at + 1;
	}
	size_t h;
	if (n && s[0] == '[') {
		const char *close = memchr(s, ']', n);
		if (!close)
			return NULL;
		h = (size_t)(close + 1 - s);
	} else {
		h = strcspn(s, ":/?#");
		if (h > n)
			h = n;
	}
	/* A trailing dot names the same host. */
	while (h && s[h - 1] == '.')
		h--;
	if (!h)
		return NULL;
	for (size_t i = 0; i < h; i++)
		if ((unsigned char)s[i] <= ' ')
			return NULL;
	*len = h;
	return s;
}

/* Lower-cases s[0..len) into out (room for len + 1). */
static void wn_rules_lower(char *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
	out[len] = '\0';
}

const char *wn_rules_url_host(struct wn_arena *arena, const char *url)
{
	size_t len;
	const char *s = url ? wn_rules_host_span(url, &len) : NULL;
	char *host = s ? wn_arena_alloc(arena, len + 1) : NULL;
	if (host)
		wn_rules_lower(host, s, len);
	return host;
}

/* The file for host: the host itself, then each parent domain; at each
 * level the exact file, then the dot file (which covers only strict
 * subdomains, so it is not tried for the host itself). */
static const struct wn_ruleset *wn_rules_by_host(const struct wn_rules *rules, const char *host)
{
	char key[256];
	size_t len = strlen(host);
	if (!rules->n_index || len + 2 > sizeof(key))
		return NULL;
	for (const char *c = host; c;) {
		size_t l = len - (size_t)(c - host);
		/* A bare top-level domain ("com") names no site. */
		if (!memchr(c, '.', l))
			break;
		struct wn_ruleset *rs = *wn_rules_slot(rules->index, rules->n_index, c, l);
		if (rs && !rs->subdomains_only)
			return rs;
		if (c != host) {
			key[0] = '.';
			memcpy(key + 1, c, l);
			rs = *wn_rules_slot(rules->index, rules->n_index, key, l + 1);
			if (rs)
				return rs;
		}
		c = strchr(c, '.');
		if (c)
			c++;
	}
	return NULL;
}

/* The fingerprinted file with the most text_site_match hits (at least its
 * text_site_min); the first loaded among equals. */
static const struct wn_ruleset *wn_rules_by_text(const struct wn_rules *rules, const char *text,
						 size_t len)
{
	const struct wn_ruleset *best = NULL;
	int best_hits = 0;
	struct wn_rules_matcher m;
	if (!text || !rules->n_fingerprinted || !wn_utf8_valid(text, len) ||
	    wn_rules_matcher_init(&m))
		return NULL;
	for (size_t i = 0; i < rules->n_fingerprinted; i++) {
		const struct wn_ruleset *rs = rules->fingerprinted[i];
		int hits = 0;
		for (size_t k = 0; k < rs->n_rules; k++) {
			const struct wn_rule *r = &rs->rules[k];
			if (r->re && strcmp(r->name, "text_site_match") == 0 &&
			    wn_rules_re_match(&m, r->re, text, len, 0, PCRE2_NO_UTF_CHECK))
				hits++;
		}
		if (hits >= rs->site_min && hits > best_hits) {
			best = rs;
			best_hits = hits;
		}
	}
	wn_rules_matcher_fini(&m);
	return best;
}

const struct wn_ruleset *wn_rules_match(const struct wn_rules *rules, const char *url,
					const char *text, size_t text_len)
{
	if (!rules)
		return NULL;
	size_t len;
	const char *s = url ? wn_rules_host_span(url, &len) : NULL;
	/* Longer than any DNS name: no file can match it. */
	if (s && len < 254) {
		char host[256];
		wn_rules_lower(host, s, len);
		const struct wn_ruleset *rs = wn_rules_by_host(rules, host);
		if (rs)
			return rs;
	}
	return wn_rules_by_text(rules, text, text_len);
}
