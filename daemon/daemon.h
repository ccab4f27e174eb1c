/* daemon.h -- winnowd's internal interface between its three files.
 *
 * main.c parses options, loads the rules, blocks the signals and waits for
 * one; handler.c is what a request means, without sockets (routing,
 * bodies, extraction, batches, rules endpoints); metrics.c counts;
 * server.c adapts libmicrohttpd to the handler and http.c queues its
 * responses.  Only server.c and http.c include microhttpd.h.
 */
#ifndef WN_DAEMON_H
#define WN_DAEMON_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "../parser/err.h"
#include "../rules/rules.h"

/* Everything the command line and the config file decide. */
struct wn_daemon_conf {
	const char *listen;           /* --listen as given, for messages */
	struct sockaddr_storage addr; /* --listen resolved */
	bool ipv6;                    /* addr is an AF_INET6 address */
	const char *rules_dir;        /* --rules */
	unsigned threads;             /* --threads: size of the MHD thread pool */
	size_t max_body;              /* --max-body: most request body bytes accepted
				       * (after decompression; per line in a batch) */
	unsigned max_connections;     /* --max-connections: open connections at once */
	unsigned timeout;             /* --timeout: seconds a connection may idle, and a
				       * request body may take in all */
	unsigned budget_ms;           /* --budget: milliseconds of extraction per page */
	const char *admin_token;      /* --admin-token: enables POST /v1/rules/reload; or NULL */
	bool log_json;                /* --log-format json */
};

struct wn_handler;

/* A running HTTP server. */
struct wn_server;

/* Starts listening and serving with its own threads; every request goes
 * to handler, which stays the caller's and must outlive the server.  conf
 * must outlive the server too.  On failure returns NULL with errno from
 * the bind or thread creation. */
struct wn_server *wn_server_start(const struct wn_daemon_conf *conf, struct wn_handler *handler);

/* Stops accepting connections; requests already in flight go on.  Every
 * response sent from now on asks the client to close its connection. */
void wn_server_quiesce(struct wn_server *srv);

/* The TCP port the server listens on (useful with port 0). */
unsigned wn_server_port(const struct wn_server *srv);

/* Stops the server (closing whatever connections remain) and frees it.
 * NULL is a no-op. */
void wn_server_free(struct wn_server *srv);

#endif
