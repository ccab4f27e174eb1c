/* err.c -- codes and messages of enum wn_err, in one table. */
#include "err.h"

static const struct {
	const char *code; /* stable machine-readable code */
	const char *msg;  /* human message */
} wn_err_table[WN_ERR__COUNT] = {
	[WN_OK]              = {"ok", "success"},
	[WN_ERR_NOMEM]       = {"out_of_memory", "out of memory or over the memory budget"},
	[WN_ERR_EMPTY]       = {"empty_input", "the input is empty"},
	[WN_ERR_TOO_LARGE]   = {"too_large", "the input is larger than the limit"},
	[WN_ERR_GZIP]        = {"bad_compression", "the compressed input is corrupt or truncated"},
	[WN_ERR_CHARSET]     = {"unknown_charset", "the declared character set is not supported"},
	[WN_ERR_PARSE]       = {"parse_failed", "the document could not be parsed"},
	[WN_ERR_IO]          = {"io_error", "the file could not be read"},
	[WN_ERR_BAD_REQUEST] = {"bad_request", "the request is malformed"},
	[WN_ERR_MEDIA_TYPE]  = {"unsupported_media_type", "the content type is not supported"},
	[WN_ERR_NOT_FOUND]   = {"not_found", "no such resource"},
	[WN_ERR_METHOD]      = {"method_not_allowed", "the method is not allowed on this resource"},
	[WN_ERR_RULE_SYNTAX] = {"rule_syntax", "a rule line could not be parsed"},
	[WN_ERR_RULE_REGEX]  = {"rule_regex", "a rule's regular expression is invalid"},
	[WN_ERR_RULE_LIMIT]  = {"rule_limit", "a rule's regular expression hit its match limit"},
	[WN_ERR_USAGE]       = {"usage", "bad usage"},
	[WN_ERR_INTERNAL]    = {"internal", "internal error"},
	[WN_ERR_TIMEOUT]     = {"timeout", "the extraction went over its time budget"},
};

const char *wn_err_code(enum wn_err err)
{
	if ((unsigned)err >= WN_ERR__COUNT)
		return "internal";
	return wn_err_table[err].code;
}

const char *wn_err_str(enum wn_err err)
{
	if ((unsigned)err >= WN_ERR__COUNT)
		return "internal error";
	return wn_err_table[err].msg;
}
