/* rules.c -- STUB: an empty rule set (until the rule engine lands). */
#include <stdlib.h>
#include <string.h>

#include "rules.h"

struct wn_rules {
	size_t n; /* files loaded */
};

struct wn_rules *wn_rules_new(void) { return calloc(1, sizeof(struct wn_rules)); }
void wn_rules_free(struct wn_rules *rules) { free(rules); }
size_t wn_rules_count(const struct wn_rules *rules) { return rules->n; }
const struct wn_ruleset *wn_rules_get(const struct wn_rules *rules, size_t i)
{
	(void)rules; (void)i;
	return NULL;
}

enum wn_err wn_rules_load_dir(const char *dir, struct wn_rules **out)
{
	(void)dir;
	*out = wn_rules_new();
	return *out ? WN_OK : WN_ERR_NOMEM;
}

const struct wn_ruleset *wn_rules_match(const struct wn_rules *rules, const char *url,
					const char *text, size_t text_len)
{
	(void)rules; (void)url; (void)text; (void)text_len;
	return NULL;
}
