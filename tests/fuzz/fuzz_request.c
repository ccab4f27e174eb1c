/* fuzz_request.c -- libFuzzer target: one whole winnowd request, without
 * sockets, through wn_handler_handle() (daemon/handler.h): routing,
 * headers, query, Content-Type and charset, Content-Encoding (bombs
 * included), JSON bodies, NDJSON batches, /v1/rules, /metrics, auth.
 *
 * Mode byte (see fuzz.h):
 *   bit 0  --admin-token "fuzz" is set (POST /v1/rules/reload exists);
 *   bit 1  --max-body 4 KiB instead of 1 MiB (the 413 paths);
 *   bit 2  the request is also logged and counted (wn_handler_done()).
 * The payload is the request as text:
 *   METHOD SP PATH[?QUERY] LF (NAME: VALUE LF)* LF BODY
 * The query is split at '&' and '=' without percent-decoding (MHD decodes
 * before the handler sees it, so any bytes may arrive there).
 *
 * The response must have a status in 100..599 and a content type; a JSON
 * response must parse, and so must every line of an NDJSON batch.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "handler.h"

/* Most query arguments and headers taken from one input. */
#define WN_FUZZ_MAX_KV 32

static struct wn_daemon_conf wn_fuzz_conf[8];
static struct wn_handler *wn_fuzz_handlers[8];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (unsigned m = 0; m < 8; m++) {
		struct wn_rules *rules;
		struct wn_daemon_conf *c = &wn_fuzz_conf[m];
		if (wn_rules_load_dir(WN_DEFAULT_RULES_DIR, &rules) != WN_OK) {
			fprintf(stderr, "fuzz_request: cannot load rules from %s\n",
				WN_DEFAULT_RULES_DIR);
			abort();
		}
		c->listen = "fuzz";
		c->rules_dir = WN_DEFAULT_RULES_DIR;
		c->threads = 1;
		c->max_body = m & 2 ? 4096 : (size_t)1 << 20;
		c->max_connections = 1;
		c->timeout = 30;
		c->budget_ms = 5000;
		c->admin_token = m & 1 ? "fuzz" : NULL;
		wn_fuzz_handlers[m] = wn_handler_new(c, rules);
		if (!wn_fuzz_handlers[m])
			abort();
	}
	return 0;
}

/* Splits s (NUL-terminated, modified in place) at sep into name=value
 * pairs (kv_sep between name and value; a missing one gives ""). */
static size_t wn_fuzz_split(char *s, char sep, char kv_sep, struct wn_kv *kv)
{
	size_t n = 0;
	while (s && *s && n < WN_FUZZ_MAX_KV) {
		char *next = strchr(s, sep);
		if (next)
			*next++ = '\0';
		char *eq = strchr(s, kv_sep);
		if (eq) {
			*eq++ = '\0';
			eq += strspn(eq, " ");
		}
		kv[n].name = s;
		kv[n].value = eq ? eq : "";
		n++;
		s = next;
	}
	return n;
}

static void wn_fuzz_check_json(const char *s, size_t len)
{
	json_error_t jerr;
	json_t *j = json_loadb(s, len, 0, &jerr);
	WN_FUZZ_CHECK(j != NULL);
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wn_kv query[WN_FUZZ_MAX_KV], headers[WN_FUZZ_MAX_KV];
	size_t n_query = 0, n_headers = 0;
	char *copy = NULL;
	const char *body;
	size_t body_len;
	if (size < 1)
		return 0;
	unsigned mode = data[0] & 7;
	data++;
	size--;
	/* The head ends at the first empty line; it is copied to be cut up,
	 * the body is handed over as it is (NULs included). */
	const uint8_t *end = NULL;
	for (size_t i = 0; i + 1 < size; i++)
		if (data[i] == '\n' && data[i + 1] == '\n') {
			end = data + i;
			break;
		}
	size_t head_len = end ? (size_t)(end - data) : size;
	body = end ? (const char *)end + 2 : "";
	body_len = end ? size - head_len - 2 : 0;
	if (!(copy = malloc(head_len + 1)))
		return 0;
	memcpy(copy, data, head_len);
	copy[head_len] = '\0';

	char *head_lines = strchr(copy, '\n');
	if (head_lines)
		*head_lines++ = '\0';
	char *method = copy, *path = strchr(copy, ' ');
	if (path)
		*path++ = '\0';
	else
		path = "/";
	char *q = strchr(path, '?');
	if (q) {
		*q++ = '\0';
		n_query = wn_fuzz_split(q, '&', '=', query);
	}
	n_headers = wn_fuzz_split(head_lines, '\n', ':', headers);

	struct wn_handler_req *req = wn_handler_handle(wn_fuzz_handlers[mode], method, path, query,
						       n_query, headers, n_headers, body, body_len);
	if (!req)
		goto out;
	struct wn_handler_resp *resp = wn_handler_resp(req);
	WN_FUZZ_CHECK(resp->status >= 100 && resp->status <= 599);
	WN_FUZZ_CHECK(resp->content_type != NULL);
	WN_FUZZ_CHECK(resp->spool == NULL); /* wn_handler_handle() keeps batches in memory */
	WN_FUZZ_CHECK(resp->body != NULL || resp->len == 0);
	wn_fuzz_check_str(wn_handler_request_id(req));
	if (!strncmp(resp->content_type, "application/json", 16)) {
		wn_fuzz_check_json(resp->body, resp->len);
	} else if (!strcmp(resp->content_type, "application/x-ndjson")) {
		const char *p = resp->body, *stop = resp->body + resp->len;
		WN_FUZZ_CHECK(resp->len > 0 && stop[-1] == '\n');
		while (p < stop) {
			const char *nl = memchr(p, '\n', (size_t)(stop - p));
			WN_FUZZ_CHECK(nl != NULL);
			wn_fuzz_check_json(p, (size_t)(nl - p));
			p = nl + 1;
		}
	}
	if (mode & 4)
		wn_handler_done(req, body_len, resp->len, false);
	wn_handler_req_free(req);
out:
	free(copy);
	return 0;
}
