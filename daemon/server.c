/* server.c -- winnowd's libmicrohttpd adapter.
 *
 * libmicrohttpd calls wn_server_handle() several times per request: once
 * when the headers are in (we hand them to wn_handler_begin(), which may
 * answer at once), once per piece of body (buffered up to --max-body, or
 * fed to the handler as it comes for a batch), and once more at the end
 * (wn_handler_finish(), then the response is queued).  The per-request
 * state lives in struct wn_server_req from the first call until MHD
 * reports the request completed, where it is logged and freed.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemon.h"
#include "handler.h"
#include "http.h"

/* First allocation of a body buffer; it doubles from there up to the cap. */
#define WN_SERVER_BODY_CHUNK ((size_t)64 << 10)

/* Most query arguments and headers handed to the handler; more are
 * ignored (MHD's per-connection memory limit bounds them anyway). */
#define WN_SERVER_MAX_KV 128

struct wn_server {
	const struct wn_daemon_conf *conf; /* options; owned by main */
	struct wn_handler *handler;        /* what requests mean; owned by main */
	struct MHD_Daemon *mhd;            /* the libmicrohttpd daemon */
	int listen_fd;                     /* socket handed back by quiesce, -1 before */
	atomic_bool draining;              /* quiesced: answers ask clients to close */
};

/* One request as the adapter sees it. */
struct wn_server_req {
	struct wn_handler_req *req; /* the handler's side */
	struct timespec start;      /* CLOCK_MONOTONIC at the headers, for --timeout */
	char *body;                 /* the body received so far (malloc'd), or NULL */
	size_t len;                 /* bytes in body */
	size_t cap;                 /* bytes allocated for body */
	size_t bytes_in;            /* body bytes received, kept or not */
	size_t bytes_out;           /* body bytes of the response */
	enum wn_err body_err;       /* TOO_LARGE or NOMEM once the body could not be kept */
	bool queued;                /* a response is queued */
	bool raw;                   /* answered on the socket itself: close, never answer */
};

/* Collects query arguments or headers for the handler. */
struct wn_server_kvs {
	struct wn_kv kv[WN_SERVER_MAX_KV]; /* pairs; pointers into MHD's memory */
	size_t n;                          /* pairs used */
};

static enum MHD_Result wn_server_kv_add(void *cls, enum MHD_ValueKind kind, const char *key,
					const char *value)
{
	struct wn_server_kvs *kvs = cls;
	(void)kind;
	if (kvs->n == WN_SERVER_MAX_KV)
		return MHD_NO;
	kvs->kv[kvs->n].name = key;
	kvs->kv[kvs->n].value = value;
	kvs->n++;
	return MHD_YES;
}

static enum MHD_Result wn_server_queue(struct MHD_Connection *conn, struct wn_server *srv,
				       struct wn_server_req *sr)
{
	enum MHD_Result ret = wn_http_queue(conn, wn_handler_resp(sr->req),
					    wn_handler_request_id(sr->req),
					    atomic_load(&srv->draining), &sr->bytes_out);
	sr->queued = ret == MHD_YES;
	return ret;
}

/* Restarts the connection's idle clock after our own long work (a big
 * page, batch lines): libmicrohttpd counts only socket activity, and would
 * otherwise close the connection before sending the answer it waited for.
 * Setting the timeout from 0 is what resets the clock. */
static void wn_server_touch(struct MHD_Connection *conn, const struct wn_server *srv)
{
	MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, 0u);
	MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, srv->conf->timeout);
}

/* First call: headers and query to the handler. */
static enum MHD_Result wn_server_begin(struct MHD_Connection *conn, struct wn_server *srv,
				       struct wn_server_req *sr, const char *method,
				       const char *url)
{
	struct wn_server_kvs *query = malloc(sizeof(*query));
	struct wn_server_kvs *headers = malloc(sizeof(*headers));
	enum MHD_Result ret = MHD_NO;
	if (!query || !headers)
		goto out;
	query->n = headers->n = 0;
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, wn_server_kv_add, query);
	MHD_get_connection_values(conn, MHD_HEADER_KIND, wn_server_kv_add, headers);
	sr->req = wn_handler_begin(srv->handler, method, url, query->kv, query->n, headers->kv,
				   headers->n, true);
	if (!sr->req)
		goto out;
	ret = MHD_YES;
	/* Answered already (an error): queue it now, and MHD skips the body
	 * and closes the connection afterwards. */
	if (wn_handler_resp(sr->req)->status)
		ret = wn_server_queue(conn, srv, sr);
out:
	free(query);
	free(headers);
	return ret;
}

/* One piece of a buffered body: kept while under --max-body.  Going over
 * answers 413 at once; the rest of the body is then discarded. */
static enum MHD_Result wn_server_take(struct MHD_Connection *conn, struct wn_server *srv,
				      struct wn_server_req *sr, const char *data, size_t size)
{
	size_t max = srv->conf->max_body;
	if (size > max - sr->len) {
		sr->body_err = WN_ERR_TOO_LARGE;
		free(sr->body);
		sr->body = NULL;
		sr->len = sr->cap = 0;
		/* Answer now rather than after a body of any length; if that
		 * fails, the final call answers instead. */
		wn_handler_finish(sr->req, NULL, 0, WN_ERR_TOO_LARGE);
		sr->raw = wn_http_send_now(conn, wn_handler_resp(sr->req),
					   wn_handler_request_id(sr->req));
		if (sr->raw)
			sr->bytes_out = wn_handler_resp(sr->req)->len;
		return MHD_YES;
	}
	if (sr->len + size > sr->cap) {
		size_t cap = sr->cap ? sr->cap : WN_SERVER_BODY_CHUNK;
		while (cap < sr->len + size)
			cap = cap > max / 2 ? max : cap * 2;
		char *body = realloc(sr->body, cap);
		if (!body) {
			sr->body_err = WN_ERR_NOMEM;
			return MHD_YES;
		}
		sr->body = body;
		sr->cap = cap;
	}
	memcpy(sr->body + sr->len, data, size);
	sr->len += size;
	return MHD_YES;
}

static enum MHD_Result wn_server_handle(void *cls, struct MHD_Connection *conn, const char *url,
					const char *method, const char *version,
					const char *upload_data, size_t *upload_data_size,
					void **con_cls)
{
	struct wn_server *srv = cls;
	struct wn_server_req *sr = *con_cls;
	(void)version;
	if (!sr) {
		sr = calloc(1, sizeof(*sr));
		if (!sr)
			return MHD_NO; /* out of memory: closing is all we can do */
		*con_cls = sr;
		clock_gettime(CLOCK_MONOTONIC, &sr->start);
		return wn_server_begin(conn, srv, sr, method, url);
	}
	if (*upload_data_size) {
		size_t size = *upload_data_size;
		struct timespec now;
		*upload_data_size = 0;
		sr->bytes_in += size;
		if (sr->raw || sr->body_err || sr->queued)
			return MHD_YES; /* discarded */
		if (wn_handler_streams(sr->req)) {
			/* A batch takes as long as its lines do: only the idle
			 * timeout applies, restarted after our work. */
			wn_handler_feed(sr->req, upload_data, size);
			wn_server_touch(conn, srv);
			return MHD_YES;
		}
		/* MHD's timeout is per idle period; this bounds the whole
		 * upload, so a client dripping bytes cannot hold a request. */
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - sr->start.tv_sec > (time_t)srv->conf->timeout)
			return MHD_NO;
		return wn_server_take(conn, srv, sr, upload_data, size);
	}
	if (sr->raw)
		return MHD_NO; /* answered on the socket itself: close the connection */
	if (sr->queued)
		return MHD_YES;
	wn_handler_finish(sr->req, sr->body, sr->len, sr->body_err);
	free(sr->body);
	sr->body = NULL;
	wn_server_touch(conn, srv);
	return wn_server_queue(conn, srv, sr);
}

static void wn_server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
				enum MHD_RequestTerminationCode toe)
{
	struct wn_server_req *sr = *con_cls;
	(void)cls;
	(void)conn;
	if (!sr)
		return;
	*con_cls = NULL;
	if (sr->req) {
		wn_handler_done(sr->req, sr->bytes_in, sr->bytes_out,
				toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
		wn_handler_req_free(sr->req);
	}
	free(sr->body);
	free(sr);
}

struct wn_server *wn_server_start(const struct wn_daemon_conf *conf, struct wn_handler *handler)
{
	struct wn_server *srv = calloc(1, sizeof(*srv));
	int err;
	if (!srv)
		return NULL;
	srv->conf = conf;
	srv->handler = handler;
	srv->listen_fd = -1;
	atomic_init(&srv->draining, false);
	/* A pool of threads, each with its own epoll loop; a request is
	 * extracted on the thread that read it.  ITC is what lets
	 * MHD_quiesce_daemon() wake the pool. */
	unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (conf->ipv6)
		flags |= MHD_USE_IPv6;
	/* One thread is MHD's plain internal thread: a pool size of 1 is
	 * refused with a warning, so the option is only given for more. */
	struct MHD_OptionItem pool[] = {
		{conf->threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
		 (intptr_t)conf->threads, NULL},
		{MHD_OPTION_END, 0, NULL},
	};
	srv->mhd = MHD_start_daemon(flags, 0, NULL, NULL, wn_server_handle, srv,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&conf->addr,
		MHD_OPTION_ARRAY, pool,
		MHD_OPTION_NOTIFY_COMPLETED, wn_server_completed, srv,
		MHD_OPTION_CONNECTION_TIMEOUT, conf->timeout,
		MHD_OPTION_CONNECTION_LIMIT, conf->max_connections,
		MHD_OPTION_END);
	if (!srv->mhd) {
		err = errno;
		free(srv);
		errno = err;
		return NULL;
	}
	return srv;
}

void wn_server_quiesce(struct wn_server *srv)
{
	atomic_store(&srv->draining, true);
	wn_handler_set_draining(srv->handler);
	if (srv->listen_fd != -1)
		return;
	srv->listen_fd = MHD_quiesce_daemon(srv->mhd);
	/* The socket may not be closed before MHD_stop_daemon(), but left
	 * open the kernel would go on queueing connections nobody accepts;
	 * shutting it down makes new clients get a refusal at once. */
	if (srv->listen_fd != -1)
		shutdown(srv->listen_fd, SHUT_RDWR);
}

unsigned wn_server_port(const struct wn_server *srv)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->mhd,
							       MHD_DAEMON_INFO_BIND_PORT);
	return info ? info->port : 0;
}

void wn_server_free(struct wn_server *srv)
{
	if (!srv)
		return;
	MHD_stop_daemon(srv->mhd);
	/* Only now: MHD's threads may use the quiesced socket until stopped. */
	if (srv->listen_fd != -1)
		close(srv->listen_fd);
	free(srv);
}
