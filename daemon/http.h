/* http.h -- winnowd's HTTP response helpers (libmicrohttpd).
 *
 * Every response of the daemon goes through wn_http_send(), so status,
 * Content-Type, the Connection header while draining, and what the access
 * log needs are handled in one place.  Errors map from enum wn_err to an
 * HTTP status through the one table in http.c.
 */
#ifndef WN_HTTP_H
#define WN_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>
#include <microhttpd.h>

#include "../parser/err.h"

/* One request's answer, filled in when a response is queued. */
struct wn_http_reply {
	unsigned status;   /* HTTP status; 0 while nothing is queued */
	size_t bytes;      /* body bytes of the response */
	bool close;        /* in: ask the client to close the connection (draining) */
	bool raw;          /* written straight to the socket by wn_http_send_now():
			    * the connection must be closed, never answered again */
};

/* HTTP status for an error: 400 for malformed input, 413, 415, 404, 405,
 * 503 when memory ran out, 500 for what can only be a bug. */
unsigned wn_http_status(enum wn_err err);

/* Queues a response with body (len bytes, malloc'd; ownership passes to
 * this function, which frees it on every path).  allow, when non-NULL, is
 * sent as the Allow header.  Records status and size in reply. */
enum MHD_Result wn_http_send(struct MHD_Connection *conn, struct wn_http_reply *reply,
			     unsigned status, const char *content_type, char *body, size_t len,
			     const char *allow);

/* Queues json (a reference this function steals) as application/json,
 * indented when pretty.  Out of memory gives a 503 error instead. */
enum MHD_Result wn_http_send_json(struct MHD_Connection *conn, struct wn_http_reply *reply,
				  unsigned status, json_t *json, bool pretty);

/* Queues the JSON error body of err (detail replaces the default message
 * when non-NULL) with the status of wn_http_status(); allow as above. */
enum MHD_Result wn_http_send_error(struct MHD_Connection *conn, struct wn_http_reply *reply,
				   enum wn_err err, const char *detail, const char *allow);

/* For an error that cannot wait for the end of the request body (a
 * chunked upload over --max-body).  libmicrohttpd 0.9 only takes a queued
 * response before the body is read or after all of it is, so this writes
 * a complete response with Connection: close to the socket itself and sets
 * reply->raw; the caller then discards the rest of the body and closes the
 * connection.  False when nothing could be written: answer as usual later. */
bool wn_http_send_now(struct MHD_Connection *conn, struct wn_http_reply *reply, enum wn_err err,
		      const char *detail);

#endif
