/* date.c -- dates as pages write them, to ISO 8601.
 *
 * Two passes over the raw string: a strict ISO 8601 reading (what
 * machine-readable sources give: JSON-LD, article:published_time,
 * <time datetime>), kept with its time and zone; else a token scan for
 * day, month (a number or a name in en/ru/de/fr/es/it/pt) and a four-digit
 * year, giving the date alone (a written time's zone, "ET", is not
 * resolvable without guessing).  A date without a year gives NULL: a year
 * is never invented.
 */
#include <stdio.h>
#include <string.h>

#include "extract_internal.h"
#include "utf8.h"

/* Month name prefixes: a word names month m when it starts with one of
 * these (three letters at least, so "mar" covers march, märz, mars,
 * marzo, março).  Words are compared lower-cased. */
struct wn_month_stem {
	const char *stem; /* lower-case UTF-8 prefix */
	int month;        /* 1..12 */
};

static const struct wn_month_stem wn_month_stems[] = {
	{"jan", 1}, {"gen", 1}, {"ene", 1}, {"янв", 1}, {"январ", 1},
	{"feb", 2}, {"fév", 2}, {"fev", 2}, {"фев", 2},
	{"mar", 3}, {"mär", 3}, {"мар", 3},
	{"apr", 4}, {"avr", 4}, {"abr", 4}, {"апр", 4},
	{"may", 5}, {"mai", 5}, {"mag", 5}, {"мая", 5}, {"май", 5},
	{"jun", 6}, {"juin", 6}, {"giu", 6}, {"июн", 6},
	{"jul", 7}, {"juil", 7}, {"lug", 7}, {"июл", 7},
	{"aug", 8}, {"aoû", 8}, {"aou", 8}, {"ago", 8}, {"авг", 8},
	{"sep", 9}, {"set", 9}, {"сен", 9},
	{"oct", 10}, {"okt", 10}, {"ott", 10}, {"out", 10}, {"окт", 10},
	{"nov", 11}, {"ноя", 11},
	{"dec", 12}, {"dez", 12}, {"déc", 12}, {"dic", 12}, {"дек", 12},
};

/* Month named by a lower-case word, 0 if none; the longest matching stem
 * wins so a specific stem can refine a shorter one. */
static int wn_month_of(const char *word)
{
	int best = 0;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof(wn_month_stems) / sizeof(wn_month_stems[0]); i++) {
		size_t l = strlen(wn_month_stems[i].stem);
		if (l > best_len && wn_extract_starts(word, wn_month_stems[i].stem)) {
			best = wn_month_stems[i].month;
			best_len = l;
		}
	}
	return best;
}

static int wn_days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static bool wn_date_valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= wn_days_in(y, m);
}

/* Reads exactly n digits at s; -1 if they are not there. */
static int wn_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Strict ISO 8601: YYYY-MM-DD, optionally [T ]HH:MM[:SS[.fff]] and a zone
 * (Z, +HH:MM, +HHMM, +HH).  Anything else after it is ignored (some pages
 * append text); NULL when s does not start like that. */
static const char *wn_date_iso(struct wn_arena *arena, const char *s)
{
	int y = wn_digits(s, 4), m, d, hh, mi, ss = 0;
	if (y < 0 || s[4] != '-' || (m = wn_digits(s + 5, 2)) < 0 || s[7] != '-' ||
	    (d = wn_digits(s + 8, 2)) < 0 || !wn_date_valid(y, m, d))
		return NULL;
	const char *p = s + 10;
	if ((*p != 'T' && *p != ' ') || (hh = wn_digits(p + 1, 2)) < 0 || p[3] != ':' ||
	    (mi = wn_digits(p + 4, 2)) < 0 || hh > 23 || mi > 59)
		return wn_arena_printf(arena, "%04d-%02d-%02d", y, m, d);
	p += 6;
	if (*p == ':' && (ss = wn_digits(p + 1, 2)) >= 0) {
		p += 3;
		if (*p == '.' || *p == ',')
			while (*++p >= '0' && *p <= '9')
				;
	} else {
		ss = 0;
	}
	if (ss > 60)
		return wn_arena_printf(arena, "%04d-%02d-%02d", y, m, d);
	char zone[8] = "";
	int zh, zm = 0;
	if (*p == 'Z') {
		strcpy(zone, "Z");
	} else if ((*p == '+' || *p == '-') && (zh = wn_digits(p + 1, 2)) >= 0 && zh <= 14) {
		const char *q = p + 3;
		if (*q == ':')
			q++;
		if ((zm = wn_digits(q, 2)) < 0 || zm > 59)
			zm = 0;
		snprintf(zone, sizeof(zone), "%c%02d:%02d", *p, zh, zm);
	}
	return wn_arena_printf(arena, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, hh, mi, ss, zone);
}

/* One token of a written date. */
struct wn_date_tok {
	int num;     /* the number, or -1 for a word */
	int digits;  /* digits of the number */
	int month;   /* month a word names, 0 if none (or a number) */
	char sep;    /* the punctuation right before the token ('.', '/', '-', ' ') */
};

#define WN_DATE_TOKS 24

/* Splits s into number and word tokens (words lower-cased, kept only as
 * the month they name); the fillers "de", "of", "the", "del", "г" are
 * skipped so "19 de noviembre de 2019" reads as three tokens. */
static size_t wn_date_tokens(const char *s, struct wn_date_tok *t)
{
	size_t n = 0, len = strlen(s), i = 0;
	char sep = ' ';
	while (i < len && n < WN_DATE_TOKS) {
		size_t start = i;
		uint32_t cp = wn_utf8_next(s, len, &i);
		if (cp >= '0' && cp <= '9') {
			int v = 0, dg = 0;
			i = start;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				if (dg < 6)
					v = v * 10 + (s[i] - '0');
				dg++;
				i++;
			}
			/* Ordinal suffixes: 19th, 1st, 2nd, 3rd; in capitals too
			 * ("NOVEMBER 26TH, 2024"). */
			if (i + 1 < len && strchr("snrtSNRT", s[i]) && strchr("tdhTDH", s[i + 1]))
				i += 2;
			/* A year run into the next element's number after a day
			 * ("June 14, 20241 yr": a post's date, then its age). */
			if (dg == 5 && n && t[n - 1].num >= 1 && t[n - 1].num <= 31 &&
			    t[n - 1].digits <= 2 && v / 10 >= 1900 && v / 10 <= 2099) {
				v /= 10;
				dg = 4;
			}
			t[n++] = (struct wn_date_tok){.num = v, .digits = dg, .sep = sep};
			sep = ' ';
		} else if (wn_extract_is_word_cp(cp)) {
			char w[24];
			size_t wl = 0;
			i = start;
			uint32_t prev = 0;
			while (i < len) {
				size_t at = i;
				uint32_t c = wn_utf8_next(s, len, &i);
				/* A capital after a small letter starts a new word:
				 * inline elements run together in a block's text
				 * ("Mental HealthDECEMBER 22, 2022"). */
				if (!wn_extract_is_word_cp(c) || (c >= '0' && c <= '9') ||
				    (prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z')) {
					i = at;
					break;
				}
				prev = c;
				if (wl + 4 < sizeof(w))
					wl += wn_utf8_put(w + wl, wn_extract_lower(c));
			}
			w[wl] = '\0';
			if (!strcmp(w, "de") || !strcmp(w, "of") || !strcmp(w, "the") ||
			    !strcmp(w, "del") || !strcmp(w, "г"))
				continue;
			t[n++] = (struct wn_date_tok){.num = -1, .month = wl >= 3 ? wn_month_of(w) : 0,
						      .sep = sep};
			sep = ' ';
		} else if (cp == '.' || cp == '/' || cp == '-') {
			sep = (char)cp;
		}
	}
	return n;
}

static bool wn_is_year(const struct wn_date_tok *t)
{
	return t->num >= 0 && t->digits == 4;
}

static bool wn_is_day(const struct wn_date_tok *t)
{
	return t->num >= 1 && t->num <= 31 && t->digits <= 2;
}

const char *wn_extract_parse_date(struct wn_arena *arena, const char *raw)
{
	if (!raw)
		return NULL;
	size_t len = strlen(raw);
	raw = wn_utf8_trim(raw, &len);
	char *s = wn_arena_strndup(arena, raw, len);
	if (!s || len < 6)
		return NULL;
	const char *iso = wn_date_iso(arena, s);
	if (iso)
		return iso;
	struct wn_date_tok t[WN_DATE_TOKS];
	size_t n = wn_date_tokens(s, t);
	for (size_t i = 0; i + 2 < n; i++) {
		const struct wn_date_tok *a = &t[i], *b = &t[i + 1], *c = &t[i + 2];
		int y = 0, m = 0, d = 0;
		if (wn_is_day(a) && b->month && wn_is_year(c)) {
			d = a->num, m = b->month, y = c->num;             /* 19 November 2019 */
		} else if (a->month && wn_is_day(b) && wn_is_year(c)) {
			m = a->month, d = b->num, y = c->num;             /* Nov. 19, 2019 */
		} else if (wn_is_year(a) && b->month && wn_is_day(c)) {
			y = a->num, m = b->month, d = c->num;             /* 2019 Nov 19 */
		} else if (wn_is_year(a) && b->num >= 0 && c->num >= 0 && b->sep != ' ' &&
			   b->sep == c->sep && b->digits <= 2 && c->digits <= 2) {
			y = a->num, m = b->num, d = c->num;               /* 2019/11/19 */
		} else if (a->num >= 0 && a->digits <= 2 && b->num >= 0 && b->digits <= 2 &&
			   wn_is_year(c) && b->sep != ' ' && b->sep == c->sep) {
			/* Dots and dashes are day-first where they are mostly used,
			 * slashes month-first; each reads the other way when the
			 * first cannot be ("11-29-2024", "19/11/2019"). */
			bool month_first = b->sep == '/' ? a->num <= 12 : b->num > 12 && a->num <= 12;
			if (month_first)
				m = a->num, d = b->num;
			else
				d = a->num, m = b->num;
			y = c->num;
		} else {
			continue;
		}
		if (wn_date_valid(y, m, d))
			return wn_arena_printf(arena, "%04d-%02d-%02d", y, m, d);
	}
	return NULL;
}

const char *wn_extract_url_date(struct wn_arena *arena, const char *url)
{
	if (!url)
		return NULL;
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : url;
	for (; p && *p; p = strchr(p + 1, '/')) {
		int y = wn_digits(p + 1, 4), m, d;
		if (y < 0 || (p[5] != '/' && p[5] != '-'))
			continue;
		char sep = p[5];
		if ((m = wn_digits(p + 6, 2)) < 0 || p[8] != sep || (d = wn_digits(p + 9, 2)) < 0)
			continue;
		if (wn_date_valid(y, m, d))
			return wn_arena_printf(arena, "%04d-%02d-%02d", y, m, d);
	}
	return NULL;
}

long wn_extract_date_days(const char *iso)
{
	int y, m, d;
	if (!iso || (y = wn_digits(iso, 4)) < 0 || iso[4] != '-' || (m = wn_digits(iso + 5, 2)) < 0 ||
	    iso[7] != '-' || (d = wn_digits(iso + 8, 2)) < 0 || !wn_date_valid(y, m, d))
		return -1;
	/* Howard Hinnant's days_from_civil, for years from 1900 on. */
	long yy = m <= 2 ? y - 1 : y;
	long era = yy / 400, yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}
