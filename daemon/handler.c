/* handler.c -- what winnowd's requests mean, without sockets.
 *
 * Rules in force are reference-counted: a request takes a reference to
 * the set current when it begins and drops it when it is freed, so a
 * reload swaps the pointer under a short mutex and the old set is freed by
 * whichever request finishes last with it (RCU in the small).
 *
 * A batch is processed as its body arrives, one line at a time, each line
 * with its own arena; only the output records are kept, in an unlinked
 * temporary file (libmicrohttpd 0.9 cannot answer before the upload ends),
 * so memory stays bounded by one line whatever the batch size.
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
#include <unistd.h>

#include <jansson.h>

#include "../extract/extract.h"
#include "../parser/input.h"
#include "handler.h"
#include "metrics.h"

/* Per-request arena budget: a multiple of --max-body (the node table,
 * blocks and article take several times the input) with a floor so small
 * --max-body values still leave room for the fixed costs. */
#define WN_HANDLER_ARENA_FACTOR 32
#define WN_HANDLER_ARENA_MIN ((size_t)64 << 20)

/* Longest X-Request-Id taken from a client. */
#define WN_HANDLER_ID_MAX 64

#define WN_HANDLER_JSON "application/json; charset=utf-8"
#define WN_HANDLER_NDJSON "application/x-ndjson"

/* A rule set and the requests using it. */
struct wn_rules_ref {
	struct wn_rules *rules; /* owned; freed with the last reference */
	atomic_uint refs;       /* the handler's own one plus one per request */
	time_t loaded;          /* when it was loaded (wall clock) */
};

struct wn_handler {
	const struct wn_daemon_conf *conf; /* options; owned by main */
	pthread_mutex_t lock;              /* guards cur and the reload outcome */
	pthread_mutex_t reload_lock;       /* one reload at a time */
	struct wn_rules_ref *cur;          /* the set in force */
	time_t reload_time;                /* last reload attempt, 0 if none */
	bool reload_ok;                    /* its outcome */
	char reload_msg[512];              /* what it said */
	struct wn_metrics *metrics;        /* counters, owned */
	atomic_size_t in_flight;           /* requests begun and not yet freed */
	atomic_bool draining;              /* shutting down: /readyz says 503 */
	atomic_ulong next_id;              /* counter behind generated request ids */
	uint64_t id_seed;                  /* per-process salt of generated ids */
};

/* What the body of an extraction is. */
enum wn_body_type {
	WN_BODY_HTML = 0, /* text/html, application/xhtml+xml */
	WN_BODY_TEXT,     /* text/plain: the page's text as a scraper saved it */
	WN_BODY_JSON,     /* application/json {"url", "html" | "text"} */
	WN_BODY_NDJSON,   /* application/x-ndjson: a batch */
};

struct wn_handler_req {
	struct wn_handler *h;         /* handler it belongs to */
	struct wn_rules_ref *rules;   /* the set it began with (a reference) */
	struct wn_arena *arena;       /* request-lifetime data */
	enum wn_route route;          /* for metrics and dispatch */
	const char *method;           /* HTTP method (arena) */
	const char *path;             /* path without query (arena) */
	char id[WN_HANDLER_ID_MAX + 1]; /* request id */
	struct timespec start;        /* CLOCK_MONOTONIC at begin */
	struct timespec wall;         /* CLOCK_REALTIME at begin, for the log */
	enum wn_body_type type;       /* from Content-Type */
	const char *charset;          /* charset= of Content-Type (arena), or NULL */
	bool compressed;              /* Content-Encoding gzip or deflate */
	const char *url;              /* ?url= (arena), or NULL */
	bool want_text;               /* format=text */
	bool explain;                 /* explain=1 */
	bool include_comments;        /* include_comments=1 */
	bool pretty;                  /* pretty=1: indented JSON */
	struct wn_handler_resp resp;  /* the answer */
	bool spool;                   /* batch output goes to a temporary file */
	FILE *out;                    /* batch: where records go (spool or memstream) */
	char *out_mem;                /* batch without spool: memstream buffer */
	size_t out_mem_len;           /* its length */
	char *line;                   /* batch: the line being received (malloc'd) */
	size_t line_len;              /* bytes in line */
	size_t line_cap;              /* bytes allocated for line */
	bool line_over;               /* the current line went over --max-body */
	unsigned long lineno;         /* lines finished so far */
};

static const struct {
	const char *path;     /* exact path */
	enum wn_route route;  /* what it is */
	const char *allow;    /* methods it takes, for 405 */
} wn_handler_routes[] = {
	{"/v1/extract", WN_ROUTE_EXTRACT, "POST"},
	{"/v1/extract/batch", WN_ROUTE_BATCH, "POST"},
	{"/v1/rules", WN_ROUTE_RULES, "GET, HEAD"},
	{"/v1/rules/test", WN_ROUTE_RULES_TEST, "POST"},
	{"/v1/rules/reload", WN_ROUTE_RELOAD, "POST"},
	{"/healthz", WN_ROUTE_HEALTHZ, "GET, HEAD"},
	{"/readyz", WN_ROUTE_READYZ, "GET, HEAD"},
	{"/v1/version", WN_ROUTE_VERSION, "GET, HEAD"},
	{"/metrics", WN_ROUTE_METRICS, "GET, HEAD"},
};

/* The one map from enum wn_err to an HTTP status.  Input problems are the
 * client's (4xx); a page over its time budget is 422 (that page cannot be
 * processed, others can); running out of memory is 503 because a smaller
 * page or a later retry may well succeed; anything unlisted is a bug. */
static const unsigned wn_handler_status_table[WN_ERR__COUNT] = {
	[WN_OK]              = 200,
	[WN_ERR_NOMEM]       = 503,
	[WN_ERR_EMPTY]       = 400,
	[WN_ERR_TOO_LARGE]   = 413,
	[WN_ERR_GZIP]        = 400,
	[WN_ERR_CHARSET]     = 400,
	[WN_ERR_PARSE]       = 422,
	[WN_ERR_IO]          = 500,
	[WN_ERR_BAD_REQUEST] = 400,
	[WN_ERR_MEDIA_TYPE]  = 415,
	[WN_ERR_NOT_FOUND]   = 404,
	[WN_ERR_METHOD]      = 405,
	[WN_ERR_RULE_SYNTAX] = 422,
	[WN_ERR_RULE_REGEX]  = 422,
	[WN_ERR_RULE_LIMIT]  = 422,
	[WN_ERR_USAGE]       = 400,
	[WN_ERR_INTERNAL]    = 500,
	[WN_ERR_TIMEOUT]     = 422,
};

unsigned wn_handler_status(enum wn_err err)
{
	if ((unsigned)err >= WN_ERR__COUNT || !wn_handler_status_table[err])
		return 500;
	return wn_handler_status_table[err];
}

static double wn_handler_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* ---- rule sets ---------------------------------------------------------- */

static struct wn_rules_ref *wn_rules_ref_new(struct wn_rules *rules)
{
	struct wn_rules_ref *ref = calloc(1, sizeof(*ref));
	if (!ref)
		return NULL;
	ref->rules = rules;
	atomic_init(&ref->refs, 1);
	ref->loaded = time(NULL);
	return ref;
}

static void wn_rules_ref_put(struct wn_rules_ref *ref)
{
	if (ref && atomic_fetch_sub(&ref->refs, 1) == 1) {
		wn_rules_free(ref->rules);
		free(ref);
	}
}

static struct wn_rules_ref *wn_handler_rules_get(struct wn_handler *h)
{
	pthread_mutex_lock(&h->lock);
	struct wn_rules_ref *ref = h->cur;
	atomic_fetch_add(&ref->refs, 1);
	pthread_mutex_unlock(&h->lock);
	return ref;
}

/* True when the running set has a file at path that also had errors:
 * such a file does not fail a reload (a collection with a few broken
 * files must stay reloadable); a newly broken one does. */
static bool wn_handler_was_broken(const struct wn_rules *old, const char *path)
{
	for (size_t i = 0; i < wn_rules_count(old); i++) {
		const struct wn_ruleset *rs = wn_rules_get(old, i);
		if (rs->has_errors && !strcmp(rs->path, path))
			return true;
	}
	return false;
}

enum wn_err wn_handler_reload(struct wn_handler *h)
{
	struct wn_rules *rules = NULL;
	struct wn_rules_ref *ref = NULL, *old = NULL;
	char msg[sizeof(h->reload_msg)];
	pthread_mutex_lock(&h->reload_lock);
	enum wn_err err = wn_rules_load_dir(h->conf->rules_dir, &rules);
	if (err) {
		snprintf(msg, sizeof(msg), "cannot load %s: %s", h->conf->rules_dir,
			 err == WN_ERR_IO ? "missing, not a directory, or not readable"
					  : wn_err_str(err));
		goto out;
	}
	for (size_t i = 0; i < wn_rules_count(rules); i++) {
		const struct wn_ruleset *rs = wn_rules_get(rules, i);
		if (!rs->has_errors || wn_handler_was_broken(h->cur->rules, rs->path))
			continue;
		for (size_t j = 0; j < rs->n_problems; j++)
			if (rs->problems[j].error) {
				snprintf(msg, sizeof(msg), "%s:%d: %s", rs->path,
					 rs->problems[j].line, rs->problems[j].message);
				break;
			}
		err = WN_ERR_RULE_SYNTAX;
		goto out;
	}
	ref = wn_rules_ref_new(rules);
	if (!ref) {
		err = WN_ERR_NOMEM;
		snprintf(msg, sizeof(msg), "out of memory");
		goto out;
	}
	rules = NULL;
	snprintf(msg, sizeof(msg), "loaded %zu rule files from %s", wn_rules_count(ref->rules),
		 h->conf->rules_dir);
out:
	pthread_mutex_lock(&h->lock);
	if (ref) {
		old = h->cur;
		h->cur = ref;
	}
	h->reload_time = time(NULL);
	h->reload_ok = !err;
	memcpy(h->reload_msg, msg, sizeof(msg));
	pthread_mutex_unlock(&h->lock);
	pthread_mutex_unlock(&h->reload_lock);
	wn_rules_ref_put(old);
	wn_rules_free(rules);
	atomic_fetch_add(err ? &h->metrics->reloads_failed : &h->metrics->reloads_ok, 1);
	fprintf(stderr, "winnowd: reload %s: %s\n", err ? "failed, previous rules kept" : "ok",
		msg);
	return err;
}

/* ---- the handler -------------------------------------------------------- */

struct wn_handler *wn_handler_new(const struct wn_daemon_conf *conf, struct wn_rules *rules)
{
	struct wn_handler *h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->metrics = calloc(1, sizeof(*h->metrics));
	h->cur = wn_rules_ref_new(rules);
	if (!h->metrics || !h->cur)
		goto fail;
	pthread_mutex_init(&h->lock, NULL);
	pthread_mutex_init(&h->reload_lock, NULL);
	h->conf = conf;
	atomic_init(&h->in_flight, 0);
	atomic_init(&h->draining, false);
	atomic_init(&h->next_id, 0);
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	h->id_seed = (uint64_t)now.tv_sec * 1000000007u ^ (uint64_t)now.tv_nsec ^
		     (uint64_t)getpid() << 32;
	return h;
fail:
	if (h->cur)
		h->cur->rules = NULL; /* stays the caller's */
	free(h->cur);
	free(h->metrics);
	free(h);
	return NULL;
}

void wn_handler_free(struct wn_handler *h)
{
	if (!h)
		return;
	wn_rules_ref_put(h->cur);
	pthread_mutex_destroy(&h->lock);
	pthread_mutex_destroy(&h->reload_lock);
	free(h->metrics);
	free(h);
}

void wn_handler_set_draining(struct wn_handler *h)
{
	atomic_store(&h->draining, true);
}

size_t wn_handler_in_flight(const struct wn_handler *h)
{
	return atomic_load(&h->in_flight);
}

/* ---- responses ---------------------------------------------------------- */

static void wn_handler_set_body(struct wn_handler_req *req, unsigned status, const char *type,
				char *body, size_t len)
{
	free(req->resp.body);
	req->resp.status = status;
	req->resp.content_type = type;
	req->resp.body = body;
	req->resp.len = len;
}

/* The last resort when even an error body cannot be built. */
static void wn_handler_nomem(struct wn_handler_req *req)
{
	static const char fixed[] =
		"{\"error\":{\"code\":\"out_of_memory\",\"message\":\"out of memory\"}}";
	char *copy = strdup(fixed);
	wn_handler_set_body(req, 503, WN_HANDLER_JSON, copy, copy ? strlen(copy) : 0);
}

/* Answers json (a reference this steals). */
static void wn_handler_json(struct wn_handler_req *req, unsigned status, json_t *json)
{
	char *s = json ? json_dumps(json, req->pretty ? JSON_INDENT(2) : JSON_COMPACT) : NULL;
	json_decref(json);
	if (!s)
		wn_handler_nomem(req);
	else
		wn_handler_set_body(req, status, WN_HANDLER_JSON, s, strlen(s));
}

/* Answers the JSON error of err; detail replaces its default message. */
static void wn_handler_error(struct wn_handler_req *req, enum wn_err err, const char *detail)
{
	req->pretty = false;
	wn_handler_json(req, wn_handler_status(err), wn_error_to_json(err, detail));
}

/* An error with no enum wn_err of its own (401, 403): same body shape. */
static void wn_handler_error_code(struct wn_handler_req *req, unsigned status, const char *code,
				  const char *message)
{
	req->pretty = false;
	wn_handler_json(req, status, json_pack("{s:{s:s,s:s}}", "error", "code", code,
					      "message", message));
}

/* ---- request set-up ----------------------------------------------------- */

static const char *wn_kv_get(const struct wn_kv *kv, size_t n, const char *name, bool nocase)
{
	for (size_t i = 0; i < n; i++)
		if (kv[i].name && (nocase ? !strcasecmp(kv[i].name, name) : !strcmp(kv[i].name, name)))
			return kv[i].value ? kv[i].value : "";
	return NULL;
}

/* A boolean query parameter: absent = false, 1/true/yes or 0/false/no.
 * False when the value is something else. */
static bool wn_handler_flag(const char *v, bool *out)
{
	*out = false;
	if (!v)
		return true;
	if (!strcmp(v, "1") || !strcasecmp(v, "true") || !strcasecmp(v, "yes")) {
		*out = true;
		return true;
	}
	return !strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "no");
}

/* The request id: the client's X-Request-Id when it is 1..64 characters
 * of [A-Za-z0-9._:-] (so it is safe in logs and headers), else 16 hex
 * digits unique to this process. */
static void wn_handler_make_id(struct wn_handler_req *req, const char *given)
{
	size_t n = given ? strlen(given) : 0;
	if (n && n <= WN_HANDLER_ID_MAX &&
	    strspn(given, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-") == n) {
		memcpy(req->id, given, n + 1);
		return;
	}
	/* splitmix64 of salt + counter: distinct for every request. */
	uint64_t z = req->h->id_seed + 0x9e3779b97f4a7c15u * (atomic_fetch_add(&req->h->next_id, 1) + 1);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	z ^= z >> 31;
	snprintf(req->id, sizeof(req->id), "%016llx", (unsigned long long)z);
}

/* Reads Content-Type into req->type and req->charset.  WN_ERR_MEDIA_TYPE
 * for a missing type or one the route does not take. */
static enum wn_err wn_handler_media_type(struct wn_handler_req *req, const char *ct)
{
	static const struct {
		const char *name;        /* media type, lower-case */
		enum wn_body_type type;  /* what the body is then */
	} types[] = {
		{"text/html", WN_BODY_HTML},
		{"application/xhtml+xml", WN_BODY_HTML},
		{"text/plain", WN_BODY_TEXT},
		{"application/json", WN_BODY_JSON},
		{"application/x-ndjson", WN_BODY_NDJSON},
		{"application/ndjson", WN_BODY_NDJSON},
		{"application/jsonl", WN_BODY_NDJSON},
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

/* Validates what the headers and query of a POST say, so a request that
 * cannot succeed is answered before its body is read. */
static enum wn_err wn_handler_begin_post(struct wn_handler_req *req, const struct wn_kv *query,
					 size_t n_query, const struct wn_kv *headers,
					 size_t n_headers, const char **detail)
{
	const struct wn_daemon_conf *conf = req->h->conf;
	enum wn_err err = wn_handler_media_type(req, wn_kv_get(headers, n_headers, "Content-Type",
								true));
	bool batch = req->route == WN_ROUTE_BATCH;
	if (err == WN_ERR_MEDIA_TYPE || (!err && batch != (req->type == WN_BODY_NDJSON)) ||
	    (!err && req->route == WN_ROUTE_RULES_TEST && req->type != WN_BODY_JSON)) {
		*detail = batch ? "Content-Type must be application/x-ndjson"
		    : req->route == WN_ROUTE_RULES_TEST ? "Content-Type must be application/json"
		    : "Content-Type must be text/html, text/plain or application/json";
		return WN_ERR_MEDIA_TYPE;
	}
	if (err)
		return err;
	const char *ce = wn_kv_get(headers, n_headers, "Content-Encoding", true);
	if (ce && *ce && strcasecmp(ce, "identity")) {
		if (strcasecmp(ce, "gzip") && strcasecmp(ce, "x-gzip") && strcasecmp(ce, "deflate")) {
			*detail = "Content-Encoding must be gzip, deflate or identity";
			return WN_ERR_MEDIA_TYPE;
		}
		if (batch) {
			*detail = "a batch cannot be compressed (each line is decoded as it arrives)";
			return WN_ERR_MEDIA_TYPE;
		}
		req->compressed = true;
	}
	/* A batch has no total limit, only one per line. */
	const char *cl = wn_kv_get(headers, n_headers, "Content-Length", true);
	if (cl && !batch) {
		char *end;
		errno = 0;
		unsigned long long n = strtoull(cl, &end, 10);
		if (end != cl && (errno == ERANGE || n > conf->max_body)) {
			*detail = wn_arena_printf(req->arena, "the body is over the limit of %zu bytes",
						  conf->max_body);
			return WN_ERR_TOO_LARGE;
		}
	}
	const char *format = wn_kv_get(query, n_query, "format", false);
	if (format && strcmp(format, "json") && strcmp(format, "text")) {
		*detail = "format must be json or text";
		return WN_ERR_BAD_REQUEST;
	}
	req->want_text = format && !strcmp(format, "text") && req->route == WN_ROUTE_EXTRACT;
	if (!wn_handler_flag(wn_kv_get(query, n_query, "explain", false), &req->explain)) {
		*detail = "explain must be 0 or 1";
		return WN_ERR_BAD_REQUEST;
	}
	if (!wn_handler_flag(wn_kv_get(query, n_query, "include_comments", false),
			     &req->include_comments)) {
		*detail = "include_comments must be 0 or 1";
		return WN_ERR_BAD_REQUEST;
	}
	if (!wn_handler_flag(wn_kv_get(query, n_query, "pretty", false), &req->pretty)) {
		*detail = "pretty must be 0 or 1";
		return WN_ERR_BAD_REQUEST;
	}
	const char *url = wn_kv_get(query, n_query, "url", false);
	if (url && *url) {
		req->url = wn_arena_strdup(req->arena, url);
		if (!req->url)
			return WN_ERR_NOMEM;
	}
	return WN_OK;
}

/* POST /v1/rules/reload: Bearer --admin-token.  False when answered. */
static bool wn_handler_authorized(struct wn_handler_req *req, const struct wn_kv *headers,
				  size_t n_headers)
{
	const char *token = req->h->conf->admin_token;
	const char *auth = wn_kv_get(headers, n_headers, "Authorization", true);
	if (!auth || strncasecmp(auth, "Bearer ", 7) || !auth[7 + strspn(auth + 7, " ")]) {
		wn_handler_error_code(req, 401, "unauthorized",
				      "this endpoint needs an Authorization: Bearer token");
		req->resp.auth_challenge = true;
		return false;
	}
	auth += 7 + strspn(auth + 7, " ");
	/* Compared in time independent of where they differ. */
	size_t n = strlen(token), m = strlen(auth);
	unsigned char diff = n != m;
	for (size_t i = 0; i < m; i++)
		diff |= (unsigned char)auth[i] ^ (unsigned char)token[i % (n ? n : 1)];
	if (diff) {
		wn_handler_error_code(req, 403, "forbidden", "wrong admin token");
		return false;
	}
	return true;
}

/* The memory budget of one page's arena. */
static size_t wn_handler_budget(const struct wn_daemon_conf *conf)
{
	size_t max = conf->max_body;
	size_t budget = max > SIZE_MAX / WN_HANDLER_ARENA_FACTOR ? SIZE_MAX
								: max * WN_HANDLER_ARENA_FACTOR;
	return budget < WN_HANDLER_ARENA_MIN ? WN_HANDLER_ARENA_MIN : budget;
}

struct wn_handler_req *wn_handler_begin(struct wn_handler *h, const char *method,
					const char *path, const struct wn_kv *query, size_t n_query,
					const struct wn_kv *headers, size_t n_headers, bool spool)
{
	const char *detail = NULL;
	enum wn_err err;
	struct wn_handler_req *req = calloc(1, sizeof(*req));
	if (!req)
		return NULL;
	req->h = h;
	req->arena = wn_arena_new(wn_handler_budget(h->conf));
	if (!req->arena)
		goto fail;
	req->method = wn_arena_strdup(req->arena, method ? method : "");
	req->path = wn_arena_strdup(req->arena, path ? path : "");
	if (!req->method || !req->path)
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &req->start);
	clock_gettime(CLOCK_REALTIME, &req->wall);
	wn_handler_make_id(req, wn_kv_get(headers, n_headers, "X-Request-Id", true));
	req->rules = wn_handler_rules_get(h);
	atomic_fetch_add(&h->in_flight, 1);

	size_t i, n = sizeof(wn_handler_routes) / sizeof(wn_handler_routes[0]);
	for (i = 0; i < n && strcmp(wn_handler_routes[i].path, req->path); i++)
		;
	if (i == n || (wn_handler_routes[i].route == WN_ROUTE_RELOAD && !h->conf->admin_token)) {
		req->route = WN_ROUTE_OTHER;
		wn_handler_error(req, WN_ERR_NOT_FOUND,
				 "no such resource: see docs/api.md for the endpoints");
		return req;
	}
	req->route = wn_handler_routes[i].route;
	const char *allow = wn_handler_routes[i].allow;
	bool get = !strcmp(req->method, "GET") || !strcmp(req->method, "HEAD");
	bool post = !strcmp(req->method, "POST");
	if (!strcmp(allow, "POST") ? !post : !get) {
		wn_handler_error(req, WN_ERR_METHOD,
				 wn_arena_printf(req->arena, "%s takes %s", req->path, allow));
		req->resp.allow = allow;
		return req;
	}
	if (!post)
		return req; /* answered by wn_handler_finish() */
	if (req->route == WN_ROUTE_RELOAD) {
		wn_handler_authorized(req, headers, n_headers);
		return req;
	}
	err = wn_handler_begin_post(req, query, n_query, headers, n_headers, &detail);
	if (err) {
		wn_handler_error(req, err, detail);
		return req;
	}
	if (req->route == WN_ROUTE_BATCH) {
		req->spool = spool;
		req->out = spool ? tmpfile() : open_memstream(&req->out_mem, &req->out_mem_len);
		if (!req->out)
			wn_handler_error(req, spool ? WN_ERR_IO : WN_ERR_NOMEM,
					 spool ? "cannot create the batch's temporary file" : NULL);
	}
	return req;
fail:
	wn_arena_free(req->arena);
	free(req);
	return NULL;
}

bool wn_handler_streams(const struct wn_handler_req *req)
{
	return req->route == WN_ROUTE_BATCH && req->out && !req->resp.status;
}

struct wn_handler_resp *wn_handler_resp(struct wn_handler_req *req)
{
	return &req->resp;
}

const char *wn_handler_request_id(const struct wn_handler_req *req)
{
	return req->id;
}

/* ---- extraction --------------------------------------------------------- */

/* Sanitises jansson's error text: it may quote a cut piece of the input,
 * which need not be valid UTF-8, and error bodies must be valid JSON. */
static const char *wn_handler_json_error(struct wn_arena *arena, const json_error_t *jerr)
{
	char *s = wn_arena_printf(arena, "invalid JSON at line %d, column %d: %s", jerr->line,
				  jerr->column, jerr->text);
	for (char *p = s; p && *p; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p >= 0x7f)
			*p = '?';
	return s;
}

/* Reads {"url", "html" | "text"} from a parsed JSON object into opts,
 * *bytes and *len (pointing into obj). */
static enum wn_err wn_handler_page_fields(json_t *obj, struct wn_extract_opts *opts,
					  const char **bytes, size_t *len, const char **detail)
{
	if (!json_is_object(obj)) {
		*detail = "the JSON body must be an object";
		return WN_ERR_BAD_REQUEST;
	}
	json_t *html = json_object_get(obj, "html");
	json_t *text = json_object_get(obj, "text");
	json_t *url = json_object_get(obj, "url");
	if (!html == !text) {
		*detail = "the JSON needs exactly one of \"html\" and \"text\"";
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

/* wn_extract() with rules (the request's set, or a rule under test), the
 * deadline and metrics. */
static enum wn_err wn_handler_extract(struct wn_handler_req *req, const struct wn_rules *rules,
				      struct wn_arena *arena, const char *bytes, size_t len,
				      struct wn_extract_opts *opts, struct wn_article **art)
{
	struct timespec start, deadline;
	clock_gettime(CLOCK_MONOTONIC, &start);
	deadline = start;
	deadline.tv_sec += req->h->conf->budget_ms / 1000;
	deadline.tv_nsec += (long)(req->h->conf->budget_ms % 1000) * 1000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	opts->rules = rules;
	opts->max_bytes = req->h->conf->max_body;
	opts->explain = req->explain;
	opts->include_comments = req->include_comments;
	if (req->h->conf->budget_ms)
		opts->deadline = &deadline;
	enum wn_err err = wn_extract(arena, bytes, len, opts, art);
	wn_metrics_extraction(req->h->metrics, wn_handler_since(&start));
	return err;
}

/* Undoes Content-Encoding: gzip or deflate, capped at --max-body after
 * decompression (checked while inflating, so a bomb is cut early). */
static enum wn_err wn_handler_decode(struct wn_handler_req *req, const char **body, size_t *len,
				     const char **detail)
{
	char *out;
	size_t n;
	if (!req->compressed)
		return WN_OK;
	enum wn_err err = wn_parser_inflate(req->arena, *body, *len, req->h->conf->max_body,
					    &out, &n);
	if (err == WN_ERR_TOO_LARGE)
		*detail = wn_arena_printf(req->arena, "the decompressed body is over the limit of "
					  "%zu bytes", req->h->conf->max_body);
	if (err)
		return err;
	*body = out;
	*len = n;
	return WN_OK;
}

/* POST /v1/extract with the whole body in. */
static void wn_handler_do_extract(struct wn_handler_req *req, const char *bytes, size_t len)
{
	struct wn_extract_opts opts = {
		.url = req->url,
		.kind = req->type == WN_BODY_TEXT ? WN_INPUT_TEXT : WN_INPUT_HTML,
		.charset = req->charset,
	};
	const char *detail = NULL;
	json_t *root = NULL;
	struct wn_article *art = NULL;
	enum wn_err err = wn_handler_decode(req, &bytes, &len, &detail);
	if (err)
		goto out;
	if (len == 0) {
		err = WN_ERR_EMPTY;
		detail = "the request body is empty";
		goto out;
	}
	if (req->type == WN_BODY_JSON) {
		json_error_t jerr;
		root = json_loadb(bytes, len, 0, &jerr);
		if (!root) {
			err = WN_ERR_BAD_REQUEST;
			detail = wn_handler_json_error(req->arena, &jerr);
			goto out;
		}
		if ((err = wn_handler_page_fields(root, &opts, &bytes, &len, &detail)))
			goto out;
	}
	if ((err = wn_handler_extract(req, req->rules->rules, req->arena, bytes, len, &opts, &art)))
		goto out;
	if (req->want_text) {
		const char *text = art->text ? art->text : "";
		char *copy = strdup(text);
		if (!copy)
			err = WN_ERR_NOMEM;
		else
			wn_handler_set_body(req, 200, "text/plain; charset=utf-8", copy, strlen(copy));
	} else {
		wn_handler_json(req, 200, wn_article_to_json(art));
	}
out:
	if (err == WN_ERR_TIMEOUT)
		detail = wn_arena_printf(req->arena, "the page took more than its budget of %u ms",
					 req->h->conf->budget_ms);
	if (err)
		wn_handler_error(req, err, detail);
	json_decref(root);
}

/* ---- POST /v1/rules/test ------------------------------------------------ */

/* One rule file for GET /v1/rules and POST /v1/rules/test (steals
 * warnings and errors). */
static json_t *wn_handler_ruleset_json(const struct wn_ruleset *rs, json_t *warnings,
				       json_t *errors)
{
	struct wn_rules_summary sum;
	wn_ruleset_summary(rs, &sum);
	return json_pack("{s:s?,s:s?,s:s?,s:s?,s:{s:I,s:I,s:I,s:I,s:I},s:o,s:o}",
		"site", rs->host, "name", rs->name, "path", rs->path, "hash", rs->hash,
		"counts", "directives", (json_int_t)sum.directives, "html", (json_int_t)sum.html,
		"text", (json_int_t)sum.text, "tests", (json_int_t)sum.tests,
		"unknown", (json_int_t)sum.unknown, "warnings", warnings, "errors", errors);
}


/* The results of the embedded tests of rs whose test_url is the posted
 * page's URL, checked against art.  Tests of other pages are listed as
 * skipped: their pages would have to be read from files, which no request
 * may make the daemon do. */
static json_t *wn_handler_rule_tests(struct wn_handler_req *req, const struct wn_ruleset *rs,
				     const char *url, const struct wn_article *art,
				     size_t *passed, size_t *failed)
{
	json_t *list = json_array();
	for (size_t i = 0; list && i < rs->n_tests; i++) {
		const struct wn_rules_test *t = &rs->tests[i];
		struct wn_rules_test_result *res = NULL;
		size_t n = 0;
		if (!url || !t->url || strcmp(url, t->url)) {
			json_array_append_new(list, json_pack("{s:s?,s:s?,s:b,s:b,s:s}",
				"name", wn_arena_printf(req->arena, "%s:%d test_url", rs->name, t->line),
				"url", t->url, "passed", false, "skipped", true, "reason",
				"the posted page is not this test's test_url"));
			continue;
		}
		if (wn_extract_test_article(req->arena, rs, t, art, &res, &n)) {
			json_decref(list);
			return NULL;
		}
		for (size_t j = 0; j < n; j++) {
			*(res[j].passed ? passed : failed) += 1;
			json_array_append_new(list, json_pack("{s:s?,s:s?,s:b,s:b,s:s?,s:s?}",
				"name", res[j].name, "url", res[j].url, "passed", res[j].passed,
				"skipped", res[j].skipped, "expected", res[j].expected,
				"got", res[j].got));
		}
	}
	return list;
}

/* {"rules": "<rule file text>", "url": ..., "html" | "text": ...}: the
 * rule alone on the page, nothing installed.  The rule lives in its own
 * set, freed before this returns. */
static void wn_handler_do_rules_test(struct wn_handler_req *req, const char *bytes, size_t len)
{
	struct wn_extract_opts opts = {0};
	struct wn_rules *set = NULL;
	struct wn_ruleset *rs = NULL;
	struct wn_article *art = NULL;
	const char *detail = NULL, *page;
	size_t page_len, passed = 0, failed = 0;
	json_t *root = NULL;
	json_error_t jerr;
	enum wn_err err = wn_handler_decode(req, &bytes, &len, &detail);
	if (err)
		goto out;
	if (!(root = json_loadb(bytes, len, 0, &jerr))) {
		err = WN_ERR_BAD_REQUEST;
		detail = len ? wn_handler_json_error(req->arena, &jerr) : "the request body is empty";
		goto out;
	}
	json_t *text = json_object_get(root, "rules");
	if (!json_is_string(text)) {
		err = WN_ERR_BAD_REQUEST;
		detail = "the JSON needs \"rules\": the rule file's text, a string";
		goto out;
	}
	if ((err = wn_handler_page_fields(root, &opts, &page, &page_len, &detail)))
		goto out;
	const char *host = opts.url ? wn_rules_url_host(req->arena, opts.url) : NULL;
	const char *name = wn_arena_printf(req->arena, "%s.txt", host ? host : "inline");
	if (!name || !(set = wn_rules_new())) {
		err = WN_ERR_NOMEM;
		goto out;
	}
	if ((err = wn_rules_add_text(set, "<inline>", name, json_string_value(text),
				     json_string_length(text), &rs)))
		goto out;
	const struct wn_rules_problem *bad = wn_ruleset_first_error(rs);
	if (bad) {
		req->pretty = false;
		wn_handler_json(req, wn_handler_status(WN_ERR_RULE_SYNTAX), json_pack(
			"{s:{s:s,s:s},s:i,s:i}", "error", "code", wn_err_code(WN_ERR_RULE_SYNTAX),
			"message", wn_arena_printf(req->arena, "line %d: %s", bad->line,
						   bad->message ? bad->message : "broken line"),
			"line", bad->line, "column", bad->column));
		goto out;
	}
	/* The rule alone: its own set (no global.txt) and no matching. */
	opts.ruleset = rs;
	req->explain = true;
	if ((err = wn_handler_extract(req, set, req->arena, page, page_len, &opts, &art)))
		goto out;
	json_t *warnings = json_array();
	for (size_t j = 0; warnings && j < rs->n_problems; j++)
		json_array_append_new(warnings, json_pack("{s:i,s:s}", "line", rs->problems[j].line,
			"message", rs->problems[j].message ? rs->problems[j].message : ""));
	json_t *tests = wn_handler_rule_tests(req, rs, opts.url, art, &passed, &failed);
	/* Built before the set is freed: the article may point into the rule. */
	wn_handler_json(req, 200, json_pack("{s:o,s:o,s:o,s:I,s:I}",
		"article", wn_article_to_json(art),
		"rule", wn_handler_ruleset_json(rs, warnings, json_array()),
		"tests", tests, "passed", (json_int_t)passed, "failed", (json_int_t)failed));
out:
	if (err == WN_ERR_TIMEOUT)
		detail = "the page took more than its time budget";
	if (err)
		wn_handler_error(req, err, detail);
	json_decref(root);
	wn_rules_free(set);
}

/* ---- batches ------------------------------------------------------------ */

/* True when line[0..len) (not NUL-terminated) is only blanks. */
static bool wn_handler_blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t')
			return false;
	return true;
}

/* One line of a batch: exactly one output record, whatever happens. */
static void wn_handler_batch_line(struct wn_handler_req *req, const char *line, size_t len)
{
	struct wn_arena *arena = wn_arena_new(wn_handler_budget(req->h->conf));
	struct wn_extract_opts opts = {0};
	struct wn_article *art = NULL;
	const char *detail = NULL, *bytes;
	json_t *in = NULL, *rec = NULL;
	enum wn_err err = WN_OK;
	unsigned long lineno = ++req->lineno;
	if (len && line[len - 1] == '\r')
		len--;
	if (!arena) {
		err = WN_ERR_NOMEM;
	} else if (req->line_over) {
		err = WN_ERR_TOO_LARGE;
		detail = wn_arena_printf(arena, "the line is over the limit of %zu bytes",
					 req->h->conf->max_body);
	} else if (wn_handler_blank(line, len)) {
		err = WN_ERR_EMPTY;
		detail = "the line is empty";
	} else {
		json_error_t jerr;
		in = json_loadb(line, len, 0, &jerr);
		if (!in) {
			err = WN_ERR_BAD_REQUEST;
			detail = wn_handler_json_error(arena, &jerr);
		} else if (!(err = wn_handler_page_fields(in, &opts, &bytes, &len, &detail))) {
			err = wn_handler_extract(req, req->rules->rules, arena, bytes, len, &opts, &art);
		}
	}
	json_t *id = in && json_is_object(in) ? json_object_get(in, "id") : NULL;
	if (err == WN_ERR_TIMEOUT)
		detail = "the page took more than its time budget";
	if (err)
		rec = json_pack("{s:I,s:O?,s:i,s:{s:s,s:s}}", "line", (json_int_t)lineno, "id", id,
				"status", (int)wn_handler_status(err), "error", "code",
				wn_err_code(err), "message", detail ? detail : wn_err_str(err));
	else
		rec = json_pack("{s:I,s:O?,s:i,s:o}", "line", (json_int_t)lineno, "id", id,
				"status", 200, "article", wn_article_to_json(art));
	if (!rec || json_dumpf(rec, req->out, JSON_COMPACT) || fputc('\n', req->out) == EOF)
		fprintf(req->out, "{\"line\":%lu,\"status\":503,\"error\":{\"code\":\"out_of_memory\","
			"\"message\":\"out of memory\"}}\n", lineno);
	json_decref(rec);
	json_decref(in);
	wn_arena_free(arena);
	req->line_len = 0;
	req->line_over = false;
}

void wn_handler_feed(struct wn_handler_req *req, const char *data, size_t size)
{
	size_t max = req->h->conf->max_body;
	if (!wn_handler_streams(req))
		return;
	while (size) {
		const char *nl = memchr(data, '\n', size);
		size_t n = nl ? (size_t)(nl - data) : size;
		if (!req->line_over && n > max - req->line_len) {
			/* Over the cap: drop what was kept, skip to the newline. */
			req->line_over = true;
			free(req->line);
			req->line = NULL;
			req->line_len = req->line_cap = 0;
		}
		if (!req->line_over) {
			if (req->line_len + n > req->line_cap) {
				size_t cap = req->line_cap ? req->line_cap : 4096;
				while (cap < req->line_len + n)
					cap = cap > max / 2 ? max : cap * 2;
				char *p = realloc(req->line, cap);
				if (!p) {
					req->line_over = true; /* reported as a too-large line */
				} else {
					req->line = p;
					req->line_cap = cap;
				}
			}
			if (!req->line_over && n) {
				/* n == 0 with no line kept yet (a batch opening with
				 * an empty line) would be NULL + 0: undefined. */
				memcpy(req->line + req->line_len, data, n);
				req->line_len += n;
			}
		}
		if (!nl)
			return;
		wn_handler_batch_line(req, req->line ? req->line : "", req->line_len);
		data += n + 1;
		size -= n + 1;
	}
}

static void wn_handler_finish_batch(struct wn_handler_req *req)
{
	if (req->line_len || req->line_over)
		wn_handler_batch_line(req, req->line ? req->line : "", req->line_len);
	free(req->line);
	req->line = NULL;
	if (req->lineno == 0) {
		wn_handler_error(req, WN_ERR_EMPTY, "the batch has no lines");
		return;
	}
	if (fflush(req->out) || ferror(req->out)) {
		wn_handler_error(req, WN_ERR_IO, "cannot write the batch's results");
		return;
	}
	if (!req->spool) {
		/* In memory (no spool): the buffer becomes the body. */
		fclose(req->out);
		req->out = NULL;
		wn_handler_set_body(req, 200, WN_HANDLER_NDJSON, req->out_mem, req->out_mem_len);
		req->out_mem = NULL;
		return;
	}
	off_t size = ftello(req->out);
	if (size < 0 || fseeko(req->out, 0, SEEK_SET)) {
		wn_handler_error(req, WN_ERR_IO, "cannot read back the batch's results");
		return;
	}
	req->resp.status = 200;
	req->resp.content_type = WN_HANDLER_NDJSON;
	req->resp.spool = req->out;
	req->resp.len = (size_t)size;
	req->out = NULL;
}

/* ---- the other endpoints ------------------------------------------------ */

static json_t *wn_handler_rules_json(struct wn_handler_req *req)
{
	struct wn_handler *h = req->h;
	const struct wn_rules *rules = req->rules->rules;
	json_t *files = json_array();
	char when[32];
	struct tm tm;
	for (size_t i = 0; files && i < wn_rules_count(rules); i++) {
		const struct wn_ruleset *rs = wn_rules_get(rules, i);
		json_t *warnings = json_array(), *errors = json_array();
		for (size_t j = 0; warnings && errors && j < rs->n_problems; j++) {
			const struct wn_rules_problem *p = &rs->problems[j];
			json_array_append_new(p->error ? errors : warnings,
					      json_pack("{s:i,s:s}", "line", p->line, "message",
							p->message ? p->message : ""));
		}
		json_array_append_new(files, wn_handler_ruleset_json(rs, warnings, errors));
	}
	gmtime_r(&req->rules->loaded, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_t *root = json_pack("{s:s,s:s,s:I,s:o}", "dir", h->conf->rules_dir, "loaded_at", when,
				 "count", (json_int_t)wn_rules_count(rules), "files", files);
	pthread_mutex_lock(&h->lock);
	json_t *reload = json_null();
	if (h->reload_time) {
		gmtime_r(&h->reload_time, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		reload = json_pack("{s:s,s:b,s:s}", "at", when, "ok", h->reload_ok, "message",
				   h->reload_msg);
	}
	pthread_mutex_unlock(&h->lock);
	if (root)
		json_object_set_new(root, "last_reload", reload);
	else
		json_decref(reload);
	return root;
}

static void wn_handler_do_reload(struct wn_handler_req *req)
{
	enum wn_err err = wn_handler_reload(req->h);
	pthread_mutex_lock(&req->h->lock);
	json_t *j = json_pack("{s:b,s:s,s:I}", "ok", !err, "message", req->h->reload_msg,
			      "count", (json_int_t)wn_rules_count(req->h->cur->rules));
	pthread_mutex_unlock(&req->h->lock);
	if (err)
		wn_handler_error(req, err, json_string_value(json_object_get(j, "message")));
	else
		wn_handler_json(req, 200, json_incref(j));
	json_decref(j);
}

void wn_handler_finish(struct wn_handler_req *req, const char *body, size_t len,
		       enum wn_err body_err)
{
	struct wn_handler *h = req->h;
	if (req->resp.status)
		return;
	if (body_err) {
		wn_handler_error(req, body_err, body_err != WN_ERR_TOO_LARGE ? NULL :
				 wn_arena_printf(req->arena, "the body is over the limit of %zu bytes",
						 h->conf->max_body));
		return;
	}
	switch (req->route) {
	case WN_ROUTE_EXTRACT:
		wn_handler_do_extract(req, body, len);
		break;
	case WN_ROUTE_BATCH:
		wn_handler_finish_batch(req);
		break;
	case WN_ROUTE_RULES:
		wn_handler_json(req, 200, wn_handler_rules_json(req));
		break;
	case WN_ROUTE_RULES_TEST:
		wn_handler_do_rules_test(req, body, len);
		break;
	case WN_ROUTE_RELOAD:
		wn_handler_do_reload(req);
		break;
	case WN_ROUTE_HEALTHZ:
		wn_handler_json(req, 200, json_pack("{s:s}", "status", "ok"));
		break;
	case WN_ROUTE_READYZ:
		if (atomic_load(&h->draining))
			wn_handler_json(req, 503, json_pack("{s:s}", "status", "draining"));
		else
			wn_handler_json(req, 200, json_pack("{s:s,s:I}", "status", "ready",
				"rule_files", (json_int_t)wn_rules_count(req->rules->rules)));
		break;
	case WN_ROUTE_VERSION:
		wn_handler_json(req, 200, json_pack("{s:s,s:s,s:s}", "name", "winnowd",
			"version", WN_VERSION, "api", "v1"));
		break;
	case WN_ROUTE_METRICS: {
		size_t n = 0;
		char *page = wn_metrics_render(h->metrics, wn_rules_count(req->rules->rules),
					       atomic_load(&h->in_flight), &n);
		if (!page)
			wn_handler_nomem(req);
		else
			wn_handler_set_body(req, 200, "text/plain; version=0.0.4; charset=utf-8",
					    page, n);
		break;
	}
	case WN_ROUTE_OTHER:
	case WN_ROUTE__COUNT:
		wn_handler_error(req, WN_ERR_NOT_FOUND, NULL);
		break;
	}
}

/* ---- end of a request --------------------------------------------------- */

/* Copies s into dst (of size n) for the log: control bytes, spaces, quotes,
 * backslashes and DEL become '?' so one request is one parseable line in
 * either format. */
static void wn_handler_log_safe(char *dst, size_t n, const char *s)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		dst[i] = c <= ' ' || c == 0x7f || c == '"' || c == '\\' ? '?' : (char)c;
	}
	dst[i] = '\0';
}

void wn_handler_done(struct wn_handler_req *req, size_t in, size_t out, bool closed_early)
{
	double secs = wn_handler_since(&req->start);
	char when[32], path[256], method[16];
	struct tm tm;
	wn_metrics_request(req->h->metrics, req->route, req->resp.status, secs, in, out);
	gmtime_r(&req->wall.tv_sec, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	wn_handler_log_safe(path, sizeof(path), req->path);
	wn_handler_log_safe(method, sizeof(method), req->method);
	/* stdio locks the stream for each call: lines do not interleave. */
	if (req->h->conf->log_json)
		fprintf(stderr, "{\"ts\":\"%s.%03ldZ\",\"id\":\"%s\",\"method\":\"%s\",\"path\":\"%s\","
			"\"status\":%u,\"in\":%zu,\"out\":%zu,\"ms\":%.1f,\"closed_early\":%s}\n",
			when, req->wall.tv_nsec / 1000000, req->id, method, path, req->resp.status,
			in, out, secs * 1e3, closed_early ? "true" : "false");
	else
		fprintf(stderr, "%s.%03ldZ %s %s %u in=%zu out=%zu ms=%.1f id=%s%s\n", when,
			req->wall.tv_nsec / 1000000, method, path, req->resp.status, in, out,
			secs * 1e3, req->id, closed_early ? " (connection closed early)" : "");
}

void wn_handler_req_free(struct wn_handler_req *req)
{
	if (!req)
		return;
	if (req->out)
		fclose(req->out);
	free(req->out_mem);
	if (req->resp.spool)
		fclose(req->resp.spool);
	free(req->resp.body);
	free(req->line);
	wn_rules_ref_put(req->rules);
	atomic_fetch_sub(&req->h->in_flight, 1);
	wn_arena_free(req->arena);
	free(req);
}

struct wn_handler_req *wn_handler_handle(struct wn_handler *h, const char *method,
					 const char *path, const struct wn_kv *query,
					 size_t n_query, const struct wn_kv *headers,
					 size_t n_headers, const char *body, size_t len)
{
	struct wn_handler_req *req = wn_handler_begin(h, method, path, query, n_query, headers,
						      n_headers, false);
	if (!req)
		return NULL;
	if (wn_handler_streams(req)) {
		wn_handler_feed(req, body, len);
		wn_handler_finish(req, NULL, 0, WN_OK);
	} else {
		bool over = len > h->conf->max_body;
		wn_handler_finish(req, over ? NULL : body, over ? 0 : len,
				  over ? WN_ERR_TOO_LARGE : WN_OK);
	}
	return req;
}
