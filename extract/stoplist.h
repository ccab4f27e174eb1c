/* stoplist.h -- function words per language, for stopword density.
 *
 * Prose is dense in function words ("the", "of", "и", "der"); menus,
 * headline lists and product grids are not.  jusText classifies page
 * blocks by that density; text_generic.c does the same for lines, and
 * words.c uses the same lists to tell Latin-script languages apart.
 * The lists are static and sorted (bytewise), so lookups are a binary
 * search and any number of threads may share them.
 */
#ifndef WN_EXTRACT_STOPLIST_H
#define WN_EXTRACT_STOPLIST_H

#include <stdbool.h>
#include <stddef.h>

/* Languages with a stoplist: "en", "ru", "de", "fr", "es", "it", "pt". */
size_t wn_stoplist_count(void);
const char *wn_stoplist_lang(size_t i);

/* Index of lang's stoplist, or -1 when it has none (the fallback). */
int wn_stoplist_find(const char *lang);

/* True when word (lower-case, NUL-terminated) is in list i; with i < 0
 * (the fallback for a language without a list), in any list. */
bool wn_stoplist_has(int i, const char *word);

/* Words and stopwords of list i (or the fallback, i < 0) in the
 * lower-cased text s[0..len). */
void wn_stoplist_density(int i, const char *s, size_t len, size_t *words, size_t *stops);

/* The list i itself, for tests: its words and their number. */
const char *const *wn_stoplist_words(size_t i, size_t *n);

#endif
