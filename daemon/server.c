/* server.c -- winnowd's libmicrohttpd daemon: routing, request bodies,
 * extraction, the access log.
 *
 * libmicrohttpd calls wn_server_handle() several times per request: once
 * when the headers are in (we route, validate and may answer at once),
 * once per piece of body (we append it to a buffer capped by --max-body),
 * and once more at the end (we extract and answer).  The per-request state
 * lives in struct wn_request from the first call until MHD reports the
 * request completed, where it is logged and freed in one place.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../extract/extract.h"
#include "daemon.h"
#include "http.h"

/* Seconds an idle or stalled connection is kept before MHD closes it. */
#define WN_SERVER_CONN_TIMEOUT 60

/* Per-request arena budget: a multiple of --max-body (the node table,
 * blocks and article take several times the input) with a floor so small
 * --max-body values still leave room for the fixed costs. */
#define WN_SERVER_ARENA_FACTOR 32
#define WN_SERVER_ARENA_MIN ((size_t)64 << 20)

/* First allocation of a body buffer; it doubles from there up to the cap. */
#define WN_SERVER_BODY_CHUNK ((size_t)64 << 10)

struct wn_server {
	const struct wn_daemon_conf *conf; /* options; owned by main */
	struct MHD_Daemon *mhd;            /* the libmicrohttpd daemon */
	int listen_fd;                     /* socket handed back by quiesce, -1 before */
	pthread_rwlock_t rules_lock;       /* read-held while a request extracts, so a
					    * reload can swap and free the old set safely */
	struct wn_rules *rules;            /* current rule set, owned */
	atomic_size_t in_flight;           /* requests begun and not yet completed */
	atomic_bool draining;              /* quiesced: answers ask clients to close */
};

/* What the body of a POST /v1/extract is. */
enum wn_body_type {
	WN_BODY_HTML = 0, /* text/html, application/xhtml+xml */
	WN_BODY_TEXT,     /* text/plain: the page's text as a scraper saved it */
	WN_BODY_JSON,     /* application/json {"url", "html" | "text"} */
};

/* One request, from its headers to its completion. */
struct wn_request {
	struct wn_server *srv;      /* server it belongs to */
	struct timespec start;      /* CLOCK_MONOTONIC when the headers were in */
	struct timespec wall;       /* CLOCK_REALTIME at the same moment, for the log */
	struct wn_arena *arena;     /* all of the request's computed data */
	const char *method;         /* HTTP method (arena copy) */
	const char *path;           /* path without query (arena copy) */
	bool health;                /* GET /healthz, answered at the final call */
	enum wn_body_type type;     /* from Content-Type */
	const char *charset;        /* charset= of Content-Type (arena), or NULL */
	const char *url;            /* ?url= (arena), or NULL */
	bool want_text;             /* format=text */
	bool explain;               /* explain=1 */
	bool pretty;                /* pretty=1: indented JSON */
	char *body;                 /* the body received so far (malloc'd), or NULL */
	size_t len;                 /* bytes in body */
	size_t cap;                 /* bytes allocated for body */
	size_t bytes_in;            /* body bytes received, kept or not */
	enum wn_err body_err;       /* TOO_LARGE or NOMEM once the body could not be kept */
	struct wn_http_reply reply; /* what was answered */
};

static struct wn_request *wn_request_new(struct wn_server *srv, const char *method,
					 const char *path)
{
	size_t max = srv->conf->max_body;
	size_t budget = max > SIZE_MAX / WN_SERVER_ARENA_FACTOR ? SIZE_MAX
							       : max * WN_SERVER_ARENA_FACTOR;
	if (budget < WN_SERVER_ARENA_MIN)
		budget = WN_SERVER_ARENA_MIN;
	struct wn_request *req = calloc(1, sizeof(*req));
	if (!req)
		return NULL;
	req->arena = wn_arena_new(budget);
	if (!req->arena)
		goto fail;
	req->method = wn_arena_strdup(req->arena, method);
	req->path = wn_arena_strdup(req->arena, path);
	if (!req->method || !req->path)
		goto fail;
	req->srv = srv;
	clock_gettime(CLOCK_MONOTONIC, &req->start);
	clock_gettime(CLOCK_REALTIME, &req->wall);
	req->reply.close = atomic_load(&srv->draining);
	atomic_fetch_add(&srv->in_flight, 1);
	return req;
fail:
	wn_arena_free(req->arena);
	free(req);
	return NULL;
}

static void wn_request_free(struct wn_request *req)
{
	wn_arena_free(req->arena);
	free(req->body);
	free(req);
}

/* Copies s into dst (of size n) for the log: control bytes, spaces and DEL
 * become '?' so one request is always one parseable line. */
static void wn_server_log_safe(char *dst, size_t n, const char *s)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		dst[i] = c <= ' ' || c == 0x7f ? '?' : (char)c;
	}
	dst[i] = '\0';
}

/* The access log: one line per request on stderr (stdio locks the stream
 * for each call, so lines of concurrent requests do not interleave). */
static void wn_server_log(const struct wn_request *req, enum MHD_RequestTerminationCode toe)
{
	struct timespec now;
	struct tm tm;
	char when[32], path[256];
	clock_gettime(CLOCK_MONOTONIC, &now);
	double ms = (double)(now.tv_sec - req->start.tv_sec) * 1e3 +
		    (double)(now.tv_nsec - req->start.tv_nsec) / 1e6;
	gmtime_r(&req->wall.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	wn_server_log_safe(path, sizeof(path), req->path);
	fprintf(stderr, "%s.%03ldZ %s %s %u in=%zu out=%zu ms=%.1f%s\n", when,
		req->wall.tv_nsec / 1000000, req->method, path, req->reply.status, req->bytes_in,
		req->reply.bytes, ms,
		toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (connection closed early)");
}

/* A boolean query parameter: absent = false, 1/true/yes or 0/false/no.
 * False when the value is something else. */
static bool wn_server_flag(struct MHD_Connection *conn, const char *name, bool *out)
{
	const char *v = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
	*out = false;
	if (!v)
		return true;
	if (!strcmp(v, "1") || !strcasecmp(v, "true") || !strcasecmp(v, "yes")) {
		*out = true;
		return true;
	}
	return !strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "no");
}

/* Reads Content-Type into req->type and req->charset.  WN_ERR_MEDIA_TYPE
 * for a missing or unsupported type. */
static enum wn_err wn_server_media_type(struct wn_request *req, const char *ct)
{
	static const struct {
		const char *name;        /* media type, lower-case */
		enum wn_body_type type;  /* what the body is then */
	} types[] = {
		{"text/html", WN_BODY_HTML},
		{"application/xhtml+xml", WN_BODY_HTML},
		{"text/plain", WN_BODY_TEXT},
		{"application/json", WN_BODY_JSON},
	};
	if (!ct)
		return WN_ERR_MEDIA_TYPE;
	ct += strspn(ct, " \t");
	size_t n = strcspn(ct, "; \t");
	size_t i;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strlen(types[i].name) == n && !strncasecmp(ct, types[i].name, n))
			break;
	if (i == sizeof(types) / sizeof(types[0]))
		return WN_ERR_MEDIA_TYPE;
	req->type = types[i].type;
	for (const char *p = strchr(ct, ';'); p; p = strchr(p, ';')) {
		p++;
		p += strspn(p, " \t");
		if (strncasecmp(p, "charset=", 8))
			continue;
		p += 8;
		bool quoted = *p == '"';
		p += quoted;
		size_t len = strcspn(p, quoted ? "\"" : "; \t");
		if (len == 0)
			continue;
		req->charset = wn_arena_strndup(req->arena, p, len);
		if (!req->charset)
			return WN_ERR_NOMEM;
	}
	return WN_OK;
}

/* First call of POST /v1/extract: validates what the headers and query
 * say, so a request that cannot succeed is answered before its body is
 * read.  Returns WN_OK to go on reading the body. */
static enum wn_err wn_server_begin_extract(struct MHD_Connection *conn, struct wn_request *req,
					   const char **detail)
{
	const struct wn_daemon_conf *conf = req->srv->conf;
	enum wn_err err = wn_server_media_type(req,
		MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE));
	if (err == WN_ERR_MEDIA_TYPE) {
		*detail = "Content-Type must be text/html, text/plain or application/json";
		return err;
	}
	if (err)
		return err;
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl) {
		char *end;
		errno = 0;
		unsigned long long n = strtoull(cl, &end, 10);
		if (end != cl && (errno == ERANGE || n > conf->max_body)) {
			*detail = wn_arena_printf(req->arena, "the body is over the limit of %zu bytes",
						  conf->max_body);
			return WN_ERR_TOO_LARGE;
		}
	}
	const char *format = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "format");
	if (format && strcmp(format, "json") && strcmp(format, "text")) {
		*detail = "format must be json or text";
		return WN_ERR_BAD_REQUEST;
	}
	req->want_text = format && !strcmp(format, "text");
	if (!wn_server_flag(conn, "explain", &req->explain)) {
		*detail = "explain must be 0 or 1";
		return WN_ERR_BAD_REQUEST;
	}
	if (!wn_server_flag(conn, "pretty", &req->pretty)) {
		*detail = "pretty must be 0 or 1";
		return WN_ERR_BAD_REQUEST;
	}
	const char *url = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "url");
	if (url && *url) {
		req->url = wn_arena_strdup(req->arena, url);
		if (!req->url)
			return WN_ERR_NOMEM;
	}
	return WN_OK;
}

/* First call of every request: route by path, then by method. */
static enum MHD_Result wn_server_begin(struct MHD_Connection *conn, struct wn_request *req)
{
	const char *detail = NULL;
	enum wn_err err;
	if (!strcmp(req->path, "/healthz")) {
		/* Answered at the final call: MHD closes the connection after
		 * a response queued this early, and pollers like keep-alive. */
		req->health = !strcmp(req->method, MHD_HTTP_METHOD_GET) ||
			      !strcmp(req->method, MHD_HTTP_METHOD_HEAD);
		if (req->health)
			return MHD_YES;
		return wn_http_send_error(conn, &req->reply, WN_ERR_METHOD,
					  "/healthz takes GET or HEAD", "GET, HEAD");
	}
	if (strcmp(req->path, "/v1/extract"))
		return wn_http_send_error(conn, &req->reply, WN_ERR_NOT_FOUND,
					  "no such resource: the API is POST /v1/extract and GET /healthz",
					  NULL);
	if (strcmp(req->method, MHD_HTTP_METHOD_POST))
		return wn_http_send_error(conn, &req->reply, WN_ERR_METHOD,
					  "/v1/extract takes POST", "POST");
	err = wn_server_begin_extract(conn, req, &detail);
	if (err)
		return wn_http_send_error(conn, &req->reply, err, detail, NULL);
	return MHD_YES;
}

/* One piece of body: kept while under --max-body.  Going over answers 413
 * at once; the rest of the body is then discarded. */
static enum MHD_Result wn_server_take(struct MHD_Connection *conn, struct wn_request *req,
				      const char *data, size_t size)
{
	size_t max = req->srv->conf->max_body;
	req->bytes_in += size;
	if (req->body_err || req->health)
		return MHD_YES; /* discarded */
	if (size > max - req->len) {
		req->body_err = WN_ERR_TOO_LARGE;
		free(req->body);
		req->body = NULL;
		req->len = req->cap = 0;
		/* Answer now rather than after a body of any length; if that
		 * fails, the final call answers instead. */
		wn_http_send_now(conn, &req->reply, WN_ERR_TOO_LARGE,
				 wn_arena_printf(req->arena, "the body is over the limit of %zu bytes",
						 max));
		return MHD_YES;
	}
	if (req->len + size > req->cap) {
		size_t cap = req->cap ? req->cap : WN_SERVER_BODY_CHUNK;
		while (cap < req->len + size)
			cap = cap > max / 2 ? max : cap * 2;
		char *body = realloc(req->body, cap);
		if (!body) {
			req->body_err = WN_ERR_NOMEM;
			return MHD_YES;
		}
		req->body = body;
		req->cap = cap;
	}
	memcpy(req->body + req->len, data, size);
	req->len += size;
	return MHD_YES;
}

/* Sanitises jansson's error text: it may quote a cut piece of the input,
 * which need not be valid UTF-8, and error bodies must be valid JSON. */
static const char *wn_server_json_error(struct wn_arena *arena, const json_error_t *jerr)
{
	char *s = wn_arena_printf(arena, "invalid JSON at line %d, column %d: %s", jerr->line,
				  jerr->column, jerr->text);
	for (char *p = s; p && *p; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p >= 0x7f)
			*p = '?';
	return s;
}

/* The JSON body form: {"url": ..., "html": ...} or {"url": ..., "text": ...}.
 * On success *root holds the parsed body (caller decrefs it) and *bytes,
 * *len and opts point into it. */
static enum wn_err wn_server_json_body(struct wn_request *req, json_t **root,
				       struct wn_extract_opts *opts, const char **bytes,
				       size_t *len, const char **detail)
{
	json_error_t jerr;
	*root = json_loadb(req->body, req->len, 0, &jerr);
	if (!*root) {
		*detail = wn_server_json_error(req->arena, &jerr);
		return WN_ERR_BAD_REQUEST;
	}
	if (!json_is_object(*root)) {
		*detail = "the JSON body must be an object";
		return WN_ERR_BAD_REQUEST;
	}
	json_t *html = json_object_get(*root, "html");
	json_t *text = json_object_get(*root, "text");
	json_t *url = json_object_get(*root, "url");
	if (!html == !text) {
		*detail = "the JSON body needs exactly one of \"html\" and \"text\"";
		return WN_ERR_BAD_REQUEST;
	}
	json_t *page = html ? html : text;
	if (!json_is_string(page)) {
		*detail = html ? "\"html\" must be a string" : "\"text\" must be a string";
		return WN_ERR_BAD_REQUEST;
	}
	if (url && !json_is_null(url)) {
		if (!json_is_string(url)) {
			*detail = "\"url\" must be a string";
			return WN_ERR_BAD_REQUEST;
		}
		opts->url = json_string_value(url);
	}
	opts->kind = html ? WN_INPUT_HTML : WN_INPUT_TEXT;
	opts->charset = "utf-8"; /* jansson decoded the string to UTF-8 */
	*bytes = json_string_value(page);
	*len = json_string_length(page);
	return WN_OK;
}

/* Last call of POST /v1/extract: the whole body is in. */
static enum MHD_Result wn_server_extract(struct MHD_Connection *conn, struct wn_request *req)
{
	struct wn_server *srv = req->srv;
	struct wn_extract_opts opts = {
		.url = req->url,
		.kind = req->type == WN_BODY_TEXT ? WN_INPUT_TEXT : WN_INPUT_HTML,
		.charset = req->charset,
		.explain = req->explain,
		.max_bytes = srv->conf->max_body,
	};
	const char *bytes = req->body;
	size_t len = req->len;
	const char *detail = NULL;
	json_t *root = NULL;
	struct wn_article *art = NULL;
	enum MHD_Result ret = MHD_NO;
	enum wn_err err = req->body_err;

	if (err == WN_ERR_TOO_LARGE)
		detail = wn_arena_printf(req->arena, "the body is over the limit of %zu bytes",
					 srv->conf->max_body);
	if (err)
		goto out;
	if (len == 0) {
		err = WN_ERR_EMPTY;
		detail = "the request body is empty";
		goto out;
	}
	if (req->type == WN_BODY_JSON) {
		err = wn_server_json_body(req, &root, &opts, &bytes, &len, &detail);
		if (err)
			goto out;
	}
	pthread_rwlock_rdlock(&srv->rules_lock);
	opts.rules = srv->rules;
	err = wn_extract(req->arena, bytes, len, &opts, &art);
	pthread_rwlock_unlock(&srv->rules_lock);
	if (err)
		goto out;
	if (req->want_text) {
		const char *text = art->text ? art->text : "";
		size_t n = strlen(text);
		char *copy = malloc(n + 1);
		if (!copy) {
			err = WN_ERR_NOMEM;
			goto out;
		}
		memcpy(copy, text, n + 1);
		ret = wn_http_send(conn, &req->reply, MHD_HTTP_OK, "text/plain; charset=utf-8",
				   copy, n, NULL);
	} else {
		ret = wn_http_send_json(conn, &req->reply, MHD_HTTP_OK, wn_article_to_json(art),
					req->pretty);
	}
out:
	if (err)
		ret = wn_http_send_error(conn, &req->reply, err, detail, NULL);
	json_decref(root);
	return ret;
}

static enum MHD_Result wn_server_handle(void *cls, struct MHD_Connection *conn, const char *url,
					const char *method, const char *version,
					const char *upload_data, size_t *upload_data_size,
					void **con_cls)
{
	struct wn_server *srv = cls;
	struct wn_request *req = *con_cls;
	(void)version;
	if (!req) {
		req = wn_request_new(srv, method, url);
		if (!req)
			return MHD_NO; /* out of memory: closing is all we can do */
		*con_cls = req;
		return wn_server_begin(conn, req);
	}
	req->reply.close = atomic_load(&srv->draining);
	if (*upload_data_size) {
		size_t size = *upload_data_size;
		*upload_data_size = 0;
		return wn_server_take(conn, req, upload_data, size);
	}
	if (req->reply.raw)
		return MHD_NO; /* answered on the socket itself: close the connection */
	if (req->reply.status)
		return MHD_YES; /* answered early */
	if (req->health)
		return wn_http_send_json(conn, &req->reply, MHD_HTTP_OK,
					 json_pack("{s:s}", "status", "ok"), false);
	return wn_server_extract(conn, req);
}

static void wn_server_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
				enum MHD_RequestTerminationCode toe)
{
	struct wn_server *srv = cls;
	struct wn_request *req = *con_cls;
	(void)conn;
	if (!req)
		return;
	*con_cls = NULL;
	wn_server_log(req, toe);
	wn_request_free(req);
	atomic_fetch_sub(&srv->in_flight, 1);
}

struct wn_server *wn_server_start(const struct wn_daemon_conf *conf, struct wn_rules *rules)
{
	struct wn_server *srv = calloc(1, sizeof(*srv));
	int err;
	if (!srv)
		return NULL;
	err = pthread_rwlock_init(&srv->rules_lock, NULL);
	if (err) {
		free(srv);
		errno = err;
		return NULL;
	}
	srv->conf = conf;
	srv->listen_fd = -1;
	srv->rules = rules;
	atomic_init(&srv->in_flight, 0);
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
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)WN_SERVER_CONN_TIMEOUT,
		MHD_OPTION_END);
	if (!srv->mhd) {
		err = errno;
		pthread_rwlock_destroy(&srv->rules_lock);
		free(srv);
		errno = err;
		return NULL;
	}
	return srv;
}

void wn_server_quiesce(struct wn_server *srv)
{
	atomic_store(&srv->draining, true);
	if (srv->listen_fd != -1)
		return;
	srv->listen_fd = MHD_quiesce_daemon(srv->mhd);
	/* The socket may not be closed before MHD_stop_daemon(), but left
	 * open the kernel would go on queueing connections nobody accepts;
	 * shutting it down makes new clients get a refusal at once. */
	if (srv->listen_fd != -1)
		shutdown(srv->listen_fd, SHUT_RDWR);
}

size_t wn_server_in_flight(const struct wn_server *srv)
{
	return atomic_load(&srv->in_flight);
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
	wn_rules_free(srv->rules);
	pthread_rwlock_destroy(&srv->rules_lock);
	free(srv);
}
