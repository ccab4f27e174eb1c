/* err.h -- the one error enum of winnow.
 *
 * Every fallible function in every module returns an enum wn_err.  Each value
 * has a stable machine code (used in JSON error bodies and CLI error records)
 * and a human message; both live in one table in err.c so they cannot drift.
 */
#ifndef WN_ERR_H
#define WN_ERR_H

enum wn_err {
	WN_OK = 0,
	WN_ERR_NOMEM,        /* allocation failed or the per-request memory budget ran out */
	WN_ERR_EMPTY,        /* the input has no bytes (or only whitespace) */
	WN_ERR_TOO_LARGE,    /* the input (or its decompressed form) is over the size limit */
	WN_ERR_GZIP,         /* a gzip/deflate stream is corrupt or truncated */
	WN_ERR_CHARSET,      /* the declared charset is unknown to iconv */
	WN_ERR_PARSE,        /* the HTML parser gave up on the document */
	WN_ERR_IO,           /* a file could not be opened or read */
	WN_ERR_BAD_REQUEST,  /* malformed request: bad JSON, missing field, bad parameter */
	WN_ERR_MEDIA_TYPE,   /* unsupported Content-Type */
	WN_ERR_NOT_FOUND,    /* no such route */
	WN_ERR_METHOD,       /* the route exists but not for this HTTP method */
	WN_ERR_RULE_SYNTAX,  /* a rule file line could not be parsed */
	WN_ERR_RULE_REGEX,   /* a rule's regular expression does not compile */
	WN_ERR_RULE_LIMIT,   /* a rule's regex hit its match or depth limit */
	WN_ERR_USAGE,        /* bad command-line usage */
	WN_ERR_INTERNAL,     /* a bug: should never be seen */
	WN_ERR_TIMEOUT,      /* the work went over its time budget (a pathological input) */
	WN_ERR__COUNT        /* number of values; not an error */
};

/* Stable snake_case code of an error ("too_large"); never NULL. */
const char *wn_err_code(enum wn_err err);

/* One-line English message for an error; never NULL. */
const char *wn_err_str(enum wn_err err);

#endif
