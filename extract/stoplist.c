/* stoplist.c -- function words of en, ru, de, fr, es, it, pt.
 *
 * Each list holds the most frequent function words of its language
 * (articles, pronouns, prepositions, conjunctions, auxiliaries), the kind
 * jusText and Snowball use, cut to those that are rare as content.  Lists
 * must stay sorted bytewise: the unit test checks it.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "stoplist.h"
#include "utf8.h"

static const char *const wn_stop_en[] = {
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
	"any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
	"between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
	"during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
	"he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
	"in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
	"myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
	"our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such",
	"than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
	"these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
	"very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
	"why", "will", "with", "would", "you", "your", "yours", "yourself"
};
static const char *const wn_stop_ru[] = {
	"а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вас",
	"весь", "во", "вот", "все", "всего", "всех", "вы", "где", "да", "даже", "для", "до",
	"его", "ее", "ей", "если", "есть", "еще", "ещё", "же", "за", "здесь", "и", "из", "или",
	"им", "их", "к", "как", "когда", "кто", "ли", "либо", "мне", "может", "мы", "на",
	"над", "надо", "наш", "не", "него", "нее", "нет", "ни", "них", "но", "ну", "о", "об",
	"однако", "он", "она", "они", "оно", "от", "очень", "по", "под", "после", "при", "про",
	"с", "со", "так", "также", "такой", "там", "те", "тем", "то", "того", "тоже", "той",
	"только", "том", "ты", "у", "уже", "хотя", "чего", "чей", "чем", "что", "чтобы", "эта",
	"эти", "это", "этого", "этой", "этом", "я"
};
static const char *const wn_stop_de[] = {
	"aber", "alle", "allem", "allen", "aller", "als", "also", "am", "an", "auch", "auf",
	"aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "dem", "den",
	"denn", "der", "des", "dich", "die", "dies", "diese", "diesem", "diesen", "dieser",
	"doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er",
	"es", "etwas", "für", "gegen", "hat", "hatte", "hier", "ich", "ihm", "ihn", "ihr",
	"ihre", "im", "in", "ist", "jetzt", "kann", "kein", "keine", "man", "mehr", "mich",
	"mir", "mit", "muss", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne",
	"sehr", "sein", "seine", "sich", "sie", "sind", "so", "um", "und", "uns", "unter",
	"vom", "von", "vor", "war", "wenn", "werden", "wie", "wieder", "will", "wir", "wird",
	"zu", "zum", "zur", "zwischen", "über"
};
static const char *const wn_stop_fr[] = {
	"après", "au", "aussi", "aux", "avait", "avec", "bien", "ce", "cela", "ces", "cette",
	"comme", "dans", "de", "des", "du", "elle", "elles", "en", "entre", "est", "et",
	"fait", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "mais", "me",
	"mes", "moi", "mon", "même", "ne", "nos", "notre", "nous", "on", "ont", "ou", "où",
	"par", "pas", "peut", "plus", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses",
	"son", "sont", "sur", "ta", "te", "tes", "ton", "tous", "tout", "tu", "un", "une",
	"vos", "votre", "vous", "y", "à", "ça", "était", "été", "être"
};
static const char *const wn_stop_es[] = {
	"a", "al", "algo", "algunos", "ante", "antes", "como", "con", "contra", "cual",
	"cuando", "de", "del", "desde", "donde", "durante", "e", "el", "ella", "ellas",
	"ellos", "en", "entre", "era", "es", "esa", "ese", "eso", "esta", "este", "esto",
	"estos", "está", "están", "fue", "ha", "hace", "han", "hasta", "hay", "la", "las",
	"le", "les", "lo", "los", "me", "mi", "muy", "más", "nada", "ni", "no", "nos", "o",
	"otra", "otro", "para", "pero", "por", "porque", "que", "qué", "se", "sea", "ser",
	"si", "sin", "sobre", "son", "su", "sus", "sí", "también", "tiene", "todo", "todos",
	"tu", "un", "una", "uno", "unos", "y", "ya"
};
static const char *const wn_stop_it[] = {
	"a", "ad", "al", "alla", "alle", "allo", "anche", "ci", "come", "con", "cui", "da",
	"dal", "dalla", "dalle", "degli", "dei", "del", "dell", "della", "delle", "dello",
	"di", "dove", "e", "ed", "era", "essere", "gli", "ha", "hanno", "i", "il", "in", "io",
	"la", "le", "lei", "li", "lo", "loro", "lui", "ma", "mi", "molto", "ne", "nei", "nel",
	"nella", "nelle", "noi", "non", "o", "per", "perché", "più", "poi", "quando", "quella",
	"quelle", "quello", "questa", "queste", "questo", "se", "sei", "si", "sia", "sono",
	"stata", "stato", "su", "sua", "sue", "sul", "sulla", "suo", "suoi", "tra", "tutti",
	"tutto", "un", "una", "uno", "è"
};
static const char *const wn_stop_pt[] = {
	"a", "ao", "aos", "as", "até", "com", "como", "da", "das", "de", "dela", "dele", "do",
	"dos", "e", "ela", "elas", "ele", "eles", "em", "entre", "era", "essa", "esse", "esta",
	"este", "está", "eu", "foi", "foram", "há", "isso", "isto", "já", "lhe", "mais", "mas",
	"me", "mesmo", "meu", "minha", "muito", "na", "nas", "nem", "no", "nos", "não", "nós",
	"o", "os", "ou", "para", "pela", "pelas", "pelo", "pelos", "por", "qual", "quando",
	"que", "quem", "se", "sem", "ser", "seu", "seus", "sua", "suas", "são", "também", "te",
	"tem", "um", "uma", "umas", "uns", "você", "é"
};


/* One language's list. */
struct wn_stoplist {
	const char *lang;          /* BCP 47 primary tag */
	const char *const *words;  /* sorted bytewise */
	size_t n;                  /* entries of words */
};

#define WN_STOPLIST(l) {#l, wn_stop_##l, sizeof(wn_stop_##l) / sizeof(wn_stop_##l[0])}

static const struct wn_stoplist wn_stoplists[] = {
	WN_STOPLIST(en), WN_STOPLIST(ru), WN_STOPLIST(de), WN_STOPLIST(fr),
	WN_STOPLIST(es), WN_STOPLIST(it), WN_STOPLIST(pt),
};

#define WN_N_STOPLISTS (sizeof(wn_stoplists) / sizeof(wn_stoplists[0]))

size_t wn_stoplist_count(void)
{
	return WN_N_STOPLISTS;
}

const char *wn_stoplist_lang(size_t i)
{
	return i < WN_N_STOPLISTS ? wn_stoplists[i].lang : NULL;
}

int wn_stoplist_find(const char *lang)
{
	for (size_t i = 0; lang && i < WN_N_STOPLISTS; i++)
		if (!strcmp(wn_stoplists[i].lang, lang))
			return (int)i;
	return -1;
}

static int wn_stoplist_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool wn_stoplist_has(int i, const char *word)
{
	if (i >= (int)WN_N_STOPLISTS)
		return false;
	for (size_t l = i < 0 ? 0 : (size_t)i; l < WN_N_STOPLISTS; l++) {
		if (bsearch(word, wn_stoplists[l].words, wn_stoplists[l].n, sizeof(char *),
			    wn_stoplist_cmp))
			return true;
		if (i >= 0)
			break;
	}
	return false;
}

void wn_stoplist_density(int i, const char *s, size_t len, size_t *words, size_t *stops)
{
	char word[32];
	size_t wl = 0, pos = 0;
	*words = *stops = 0;
	while (pos <= len) {
		uint32_t cp = pos < len ? wn_utf8_next(s, len, &pos) : (pos++, ' ');
		if (wn_extract_is_word_cp(cp)) {
			if (!wl)
				(*words)++;
			/* Longer words are never stopwords: stop copying them. */
			if (wl + 4 < sizeof(word))
				wl += wn_utf8_put(word + wl, cp);
			else
				wl = sizeof(word);
			continue;
		}
		if (wl && wl < sizeof(word)) {
			word[wl] = '\0';
			*stops += wn_stoplist_has(i, word);
		}
		wl = 0;
	}
}

const char *const *wn_stoplist_words(size_t i, size_t *n)
{
	if (i >= WN_N_STOPLISTS) {
		*n = 0;
		return NULL;
	}
	*n = wn_stoplists[i].n;
	return wn_stoplists[i].words;
}
