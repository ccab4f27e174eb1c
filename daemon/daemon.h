/* daemon.h -- winnowd's internal interface between its three files.
 *
 * main.c parses options, loads the rules, blocks the signals and waits for
 * one; server.c owns the libmicrohttpd daemon, routes requests and runs
 * extraction; http.c turns results and errors into HTTP responses.  Only
 * server.c and http.c include microhttpd.h, so this header does not.
 */
#ifndef WN_DAEMON_H
#define WN_DAEMON_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "../parser/err.h"
#include "../rules/rules.h"

/* Everything the command line decides. */
struct wn_daemon_conf {
	const char *listen;           /* --listen as given, for messages */
	struct sockaddr_storage addr; /* --listen resolved */
	bool ipv6;                    /* addr is an AF_INET6 address */
	const char *rules_dir;        /* --rules */
	unsigned threads;             /* --threads: size of the MHD thread pool */
	size_t max_body;              /* --max-body: most request body bytes accepted */
};

/* A running HTTP server. */
struct wn_server;

/* Starts listening and serving with its own threads.  rules is shared
 * read-only by every request; the server takes ownership of it (and of
 * every set swapped in later) and frees it in wn_server_free().  conf must
 * outlive the server.  On failure returns NULL with errno from the bind
 * or thread creation, and rules still belongs to the caller. */
struct wn_server *wn_server_start(const struct wn_daemon_conf *conf, struct wn_rules *rules);

/* Stops accepting connections; requests already in flight go on.  Every
 * response sent from now on asks the client to close its connection. */
void wn_server_quiesce(struct wn_server *srv);

/* Requests whose headers have arrived and whose response is not yet fully
 * sent. */
size_t wn_server_in_flight(const struct wn_server *srv);

/* The TCP port the server listens on (useful with port 0). */
unsigned wn_server_port(const struct wn_server *srv);

/* Stops the server (closing whatever connections remain), frees the rules
 * and the server.  NULL is a no-op. */
void wn_server_free(struct wn_server *srv);

#endif
