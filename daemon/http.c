/* http.c -- winnowd's responses on libmicrohttpd. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http.h"

enum MHD_Result wn_http_queue(struct MHD_Connection *conn, struct wn_handler_resp *resp,
			      const char *request_id, bool closing, size_t *sent)
{
	enum MHD_Result ret = MHD_NO;
	struct MHD_Response *r = NULL;
	if (resp->spool) {
		/* MHD closes the descriptor it is given; the FILE keeps its own. */
		int fd = dup(fileno(resp->spool));
		if (fd < 0)
			return MHD_NO;
		r = MHD_create_response_from_fd(resp->len, fd);
		if (!r)
			close(fd);
	} else {
		r = MHD_create_response_from_buffer(resp->len, resp->body ? resp->body : (char *)"",
						    resp->body ? MHD_RESPMEM_MUST_FREE
							       : MHD_RESPMEM_PERSISTENT);
		if (r)
			resp->body = NULL; /* the response frees it now */
	}
	if (!r)
		return MHD_NO;
	if (MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, resp->content_type) == MHD_NO ||
	    MHD_add_response_header(r, "X-Request-Id", request_id) == MHD_NO)
		goto out;
	if (resp->allow && MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, resp->allow) == MHD_NO)
		goto out;
	if (resp->auth_challenge &&
	    MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer") == MHD_NO)
		goto out;
	/* While draining, a kept-alive connection would only be cut by the
	 * shutdown; telling the client lets it reconnect elsewhere cleanly. */
	if (closing && MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close") == MHD_NO)
		goto out;
	ret = MHD_queue_response(conn, resp->status, r);
	if (ret == MHD_YES)
		*sent = resp->len;
out:
	MHD_destroy_response(r);
	return ret;
}

bool wn_http_send_now(struct MHD_Connection *conn, const struct wn_handler_resp *resp,
		      const char *request_id)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	char *msg = NULL;
	if (!info || !resp->body)
		return false;
	int len = asprintf(&msg, "HTTP/1.1 %u %s\r\nContent-Type: %s\r\nX-Request-Id: %s\r\n"
			   "Content-Length: %zu\r\nConnection: close\r\n\r\n%.*s",
			   resp->status, MHD_get_reason_phrase_for(resp->status), resp->content_type,
			   request_id, resp->len, (int)resp->len, resp->body);
	if (len < 0)
		return false;
	/* Even a partial write has started a response: the connection can
	 * only be closed now. */
	ssize_t n = send(info->connect_fd, msg, (size_t)len, MSG_NOSIGNAL | MSG_DONTWAIT);
	free(msg);
	return n > 0;
}
