/* http.c -- winnowd's HTTP responses: status table, JSON bodies, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../extract/article.h"
#include "http.h"

/* The one map from enum wn_err to an HTTP status.  Input problems are the
 * client's (4xx); running out of memory is a 503 because a smaller page or
 * a later retry may well succeed; anything unlisted is a bug, hence 500. */
static const unsigned wn_http_status_table[WN_ERR__COUNT] = {
	[WN_OK]              = 200,
	[WN_ERR_NOMEM]       = 503,
	[WN_ERR_EMPTY]       = 400,
	[WN_ERR_TOO_LARGE]   = 413,
	[WN_ERR_GZIP]        = 400,
	[WN_ERR_CHARSET]     = 400,
	[WN_ERR_PARSE]       = 400,
	[WN_ERR_IO]          = 500,
	[WN_ERR_BAD_REQUEST] = 400,
	[WN_ERR_MEDIA_TYPE]  = 415,
	[WN_ERR_NOT_FOUND]   = 404,
	[WN_ERR_METHOD]      = 405,
	[WN_ERR_RULE_SYNTAX] = 500,
	[WN_ERR_RULE_REGEX]  = 500,
	[WN_ERR_RULE_LIMIT]  = 500,
	[WN_ERR_USAGE]       = 400,
	[WN_ERR_INTERNAL]    = 500,
};

#define WN_HTTP_JSON "application/json; charset=utf-8"

unsigned wn_http_status(enum wn_err err)
{
	if ((unsigned)err >= WN_ERR__COUNT || !wn_http_status_table[err])
		return 500;
	return wn_http_status_table[err];
}

enum MHD_Result wn_http_send(struct MHD_Connection *conn, struct wn_http_reply *reply,
			     unsigned status, const char *content_type, char *body, size_t len,
			     const char *allow)
{
	enum MHD_Result ret = MHD_NO;
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, body,
								    MHD_RESPMEM_MUST_FREE);
	if (!resp)
		goto out;
	body = NULL; /* the response frees it now */
	if (MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type) == MHD_NO)
		goto out;
	if (allow && MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow) == MHD_NO)
		goto out;
	/* While draining, a kept-alive connection would only be cut by the
	 * shutdown; telling the client lets it reconnect elsewhere cleanly. */
	if (reply->close &&
	    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close") == MHD_NO)
		goto out;
	ret = MHD_queue_response(conn, status, resp);
	if (ret == MHD_YES) {
		reply->status = status;
		reply->bytes = len;
	}
out:
	if (resp)
		MHD_destroy_response(resp);
	free(body);
	return ret;
}

/* Last resort when even the error body cannot be built: a fixed one. */
static enum MHD_Result wn_http_send_nomem(struct MHD_Connection *conn,
					  struct wn_http_reply *reply)
{
	static const char body[] =
		"{\"error\":{\"code\":\"out_of_memory\",\"message\":\"out of memory\"}}";
	char *copy = strdup(body);
	return wn_http_send(conn, reply, wn_http_status(WN_ERR_NOMEM), WN_HTTP_JSON, copy,
			    copy ? strlen(copy) : 0, NULL);
}

enum MHD_Result wn_http_send_json(struct MHD_Connection *conn, struct wn_http_reply *reply,
				  unsigned status, json_t *json, bool pretty)
{
	char *s = json ? json_dumps(json, pretty ? JSON_INDENT(2) : JSON_COMPACT) : NULL;
	json_decref(json);
	if (!s)
		return wn_http_send_nomem(conn, reply);
	return wn_http_send(conn, reply, status, WN_HTTP_JSON, s, strlen(s), NULL);
}

enum MHD_Result wn_http_send_error(struct MHD_Connection *conn, struct wn_http_reply *reply,
				   enum wn_err err, const char *detail, const char *allow)
{
	json_t *json = wn_error_to_json(err, detail);
	char *s = json ? json_dumps(json, JSON_COMPACT) : NULL;
	json_decref(json);
	if (!s)
		return wn_http_send_nomem(conn, reply);
	return wn_http_send(conn, reply, wn_http_status(err), WN_HTTP_JSON, s, strlen(s), allow);
}

bool wn_http_send_now(struct MHD_Connection *conn, struct wn_http_reply *reply, enum wn_err err,
		      const char *detail)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	unsigned status = wn_http_status(err);
	json_t *json = wn_error_to_json(err, detail);
	char *body = json ? json_dumps(json, JSON_COMPACT) : NULL;
	char *msg = NULL;
	bool ok = false;
	json_decref(json);
	if (!info || !body)
		goto out;
	int len = asprintf(&msg, "HTTP/1.1 %u %s\r\nContent-Type: " WN_HTTP_JSON "\r\n"
			   "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
			   status, MHD_get_reason_phrase_for(status), strlen(body), body);
	if (len < 0) {
		msg = NULL;
		goto out;
	}
	ssize_t sent = send(info->connect_fd, msg, (size_t)len, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (sent <= 0)
		goto out;
	/* Even a partial write has started a response: the connection can
	 * only be closed now. */
	reply->raw = true;
	reply->status = status;
	reply->bytes = strlen(body);
	ok = true;
out:
	free(msg);
	free(body);
	return ok;
}
