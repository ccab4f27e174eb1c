/* handler.h -- winnowd's request handling, without sockets.
 *
 * Everything a request means -- routing, validation, body decoding,
 * extraction, batches, the rules endpoints, metrics, JSON errors -- lives
 * behind this interface, so server.c is only the libmicrohttpd adapter
 * and a fuzzer can drive the very same code with wn_handler_handle().
 *
 * A request goes through three steps: wn_handler_begin() once the headers
 * are in (it may answer at once, e.g. 404 or 413 from Content-Length),
 * then the body (buffered by the caller up to --max-body, or fed line by
 * line to wn_handler_feed() for a batch), then wn_handler_finish().
 * Ownership: the handler owns its rule set and metrics; a request owns
 * its arena and response; the caller frees both with their _free().
 */
#ifndef WN_HANDLER_H
#define WN_HANDLER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../parser/err.h"
#include "../rules/rules.h"
#include "daemon.h"

/* One name/value pair of the query string or the headers. */
struct wn_kv {
	const char *name;  /* as received (headers are matched case-insensitively) */
	const char *value; /* as received; may be empty */
};

/* What a request is answered with. */
struct wn_handler_resp {
	unsigned status;          /* HTTP status; 0 while nothing is decided */
	const char *content_type; /* static string */
	char *body;               /* malloc'd body, owned by the response, or NULL */
	size_t len;               /* bytes of body, or of the spool file */
	FILE *spool;              /* a batch's output file, rewound; owned, or NULL */
	const char *allow;        /* Allow header value (405), or NULL */
	bool auth_challenge;      /* send WWW-Authenticate: Bearer (401) */
};

/* The shared state of all requests: options, rules, metrics. */
struct wn_handler;

/* One request in progress. */
struct wn_handler_req;

/* A handler serving rules (ownership passes to it; it frees them in
 * wn_handler_free()).  conf must outlive the handler.  NULL when out of
 * memory, and rules then still belong to the caller. */
struct wn_handler *wn_handler_new(const struct wn_daemon_conf *conf, struct wn_rules *rules);

void wn_handler_free(struct wn_handler *h);

/* Reloads the rules from conf->rules_dir (SIGHUP, POST /v1/rules/reload).
 * Atomic: when the directory cannot be read or a file has an error that
 * the running set did not have, the running set stays and the failure is
 * logged and kept for GET /v1/rules.  Requests in flight keep the set they
 * began with.  Thread-safe. */
enum wn_err wn_handler_reload(struct wn_handler *h);

/* Marks the handler as draining: /readyz answers 503 from now on. */
void wn_handler_set_draining(struct wn_handler *h);

/* Requests begun and not yet freed. */
size_t wn_handler_in_flight(const struct wn_handler *h);

/* Starts a request from its method, path (without query), query pairs and
 * header pairs (copied; the arrays need not outlive the call).  spool:
 * batch output goes to an unlinked temporary file rather than memory.
 * Returns NULL when out of memory.  If the answer is already decided,
 * wn_handler_resp(req)->status is non-zero on return. */
struct wn_handler_req *wn_handler_begin(struct wn_handler *h, const char *method,
					const char *path, const struct wn_kv *query, size_t n_query,
					const struct wn_kv *headers, size_t n_headers, bool spool);

/* True when the body should go to wn_handler_feed() as it arrives rather
 * than be buffered (POST /v1/extract/batch). */
bool wn_handler_streams(const struct wn_handler_req *req);

/* Feeds a piece of a streamed body (a batch): complete lines are
 * processed at once and only their output is kept. */
void wn_handler_feed(struct wn_handler_req *req, const char *data, size_t size);

/* Ends a request.  body/len is the whole buffered body (ignored for a
 * streamed one); body_err is WN_ERR_TOO_LARGE or WN_ERR_NOMEM when the
 * caller could not keep it.  Afterwards the response is decided. */
void wn_handler_finish(struct wn_handler_req *req, const char *body, size_t len,
		       enum wn_err body_err);

/* The response of the request (owned by it). */
struct wn_handler_resp *wn_handler_resp(struct wn_handler_req *req);

/* The request id: X-Request-Id as sent when it is sane, else generated. */
const char *wn_handler_request_id(const struct wn_handler_req *req);

/* Records the request in the metrics and writes its log line.  in is the
 * number of body bytes received, out the number sent; closed_early when
 * the connection ended before the response did. */
void wn_handler_done(struct wn_handler_req *req, size_t in, size_t out, bool closed_early);

/* Frees the request and its response.  NULL is a no-op. */
void wn_handler_req_free(struct wn_handler_req *req);

/* The whole request in one call, for fuzzing and tests: begin, body,
 * finish.  The caller frees the returned request (NULL when out of
 * memory). */
struct wn_handler_req *wn_handler_handle(struct wn_handler *h, const char *method,
					 const char *path, const struct wn_kv *query,
					 size_t n_query, const struct wn_kv *headers,
					 size_t n_headers, const char *body, size_t len);

/* HTTP status for an error. */
unsigned wn_handler_status(enum wn_err err);

#endif
