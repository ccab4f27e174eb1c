/* http.h -- winnowd's responses on libmicrohttpd.
 *
 * The handler decides what to answer (struct wn_handler_resp); these two
 * functions put it on the wire: queued the usual way, or -- for an error
 * that cannot wait for the end of an upload -- written to the socket at
 * once.
 */
#ifndef WN_HTTP_H
#define WN_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <microhttpd.h>

#include "handler.h"

/* Queues resp (its body or spool file passes to libmicrohttpd, the rest
 * stays the caller's) with the request id as X-Request-Id and, when
 * closing, Connection: close.  *sent gets the body size.  MHD_NO when the
 * response could not be made: the connection is then closed. */
enum MHD_Result wn_http_queue(struct MHD_Connection *conn, struct wn_handler_resp *resp,
			      const char *request_id, bool closing, size_t *sent);

/* libmicrohttpd 0.9 only takes a queued response before the body is read
 * or after all of it is, so for an upload over --max-body this writes the
 * complete response with Connection: close to the socket itself; the
 * caller then discards the rest of the body and closes the connection.
 * False when nothing could be written: answer as usual later. */
bool wn_http_send_now(struct MHD_Connection *conn, const struct wn_handler_resp *resp,
		      const char *request_id);

#endif
