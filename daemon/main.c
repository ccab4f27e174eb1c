/* main.c -- winnowd: options, rules, signals, start-up and shutdown.
 *
 * The main thread parses the config file and the command line, loads the
 * rules, blocks SIGTERM/SIGINT/SIGHUP (so the server's threads, created
 * afterwards, inherit the mask and never see them) and then waits for
 * them with sigwait(): SIGHUP reloads the rules on this thread, and no
 * work happens in a signal handler.  Shutdown is quiesce (stop
 * accepting), drain (wait for requests in flight), stop.  See docs/api.md.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"
#include "handler.h"

#define WN_DAEMON_EXIT_FAIL 1
#define WN_DAEMON_EXIT_USAGE 2

/* Longest wait for requests in flight at shutdown; a second signal cuts it
 * short. */
#define WN_DAEMON_DRAIN_SECONDS 30

#define WN_DAEMON_MAX_THREADS 1024

static const char wn_daemon_usage[] =
	"usage: winnowd [--config FILE] [--listen ADDR:PORT] [--rules DIR] [--threads N]\n"
	"               [--max-body BYTES] [--max-connections N] [--timeout SECONDS]\n"
	"               [--budget MS] [--admin-token TOKEN] [--log-format text|json]\n"
	"       winnowd --help | --version\n";

static void wn_daemon_help(void)
{
	printf("winnowd %s -- HTTP service that removes the boilerplate from scraped web pages\n\n"
	       "%s\n"
	       "Options:\n"
	       "  -c, --config FILE         read 'name = value' lines naming these options\n"
	       "                            (the command line wins over the file)\n"
	       "  -l, --listen ADDR:PORT    address to listen on (default 127.0.0.1:8080;\n"
	       "                            IPv6 as [::1]:8080)\n"
	       "  -r, --rules DIR           site rule files (default %s)\n"
	       "  -t, --threads N           worker threads (default: the number of cores)\n"
	       "  -m, --max-body BYTES      largest request body after decompression, and\n"
	       "                            largest batch line; K or M suffix (default 10M)\n"
	       "      --max-connections N   open connections at once (default 1024)\n"
	       "      --timeout SECONDS     idle connection limit, and most time one request\n"
	       "                            body may take to arrive (default 30)\n"
	       "      --budget MS           extraction time per page before a 422 (default\n"
	       "                            10000; 0 = none)\n"
	       "      --admin-token TOKEN   enables POST /v1/rules/reload with this Bearer token\n"
	       "      --log-format FORMAT   access log as text (default) or json\n"
	       "  -h, --help                show this help\n"
	       "  -V, --version             show the version\n\n"
	       "Endpoints: POST /v1/extract, POST /v1/extract/batch, GET /v1/rules,\n"
	       "POST /v1/rules/reload, GET /healthz, GET /readyz, GET /v1/version,\n"
	       "GET /metrics.  SIGHUP reloads the rules; SIGTERM or SIGINT stops the server\n"
	       "after the requests in flight.  See winnowd(8) and docs/api.md.\n",
	       WN_VERSION, wn_daemon_usage, WN_DEFAULT_RULES_DIR);
}

static int wn_daemon_bad_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int wn_daemon_bad_usage(const char *fmt, ...)
{
	va_list ap;
	fputs("winnowd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%sTry 'winnowd --help' for more information.\n", wn_daemon_usage);
	return WN_DAEMON_EXIT_USAGE;
}

/* "4096", "512K", "10M" -> bytes; false when malformed, zero or too big. */
static bool wn_daemon_parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long n, mul = 1;
	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno)
		return false;
	if (*end == 'K' || *end == 'k')
		mul = 1024, end++;
	else if (*end == 'M' || *end == 'm')
		mul = 1024 * 1024, end++;
	if (*end || n == 0 || n > SIZE_MAX / mul)
		return false;
	*out = (size_t)(n * mul);
	return true;
}

/* Resolves "ADDR:PORT" ("[v6]:PORT" for IPv6; an empty ADDR means every
 * interface) into conf.  Returns NULL or what is wrong with it. */
static const char *wn_daemon_parse_listen(const char *s, struct wn_daemon_conf *conf)
{
	const char *colon = strrchr(s, ':');
	const char *host = s;
	char hostbuf[256];
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				 .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
	struct addrinfo *res = NULL;
	if (!colon)
		return "expected ADDR:PORT";
	size_t hlen = (size_t)(colon - s);
	if (hlen >= 2 && s[0] == '[' && s[hlen - 1] == ']') {
		host = s + 1;
		hlen -= 2;
	} else if (memchr(s, ':', hlen)) {
		return "an IPv6 address needs brackets, as in [::1]:8080";
	}
	if (hlen >= sizeof(hostbuf))
		return "address too long";
	memcpy(hostbuf, host, hlen);
	hostbuf[hlen] = '\0';
	const char *port = colon + 1;
	if (!*port || strlen(port) > 5 || strspn(port, "0123456789") != strlen(port) ||
	    atoi(port) > 65535)
		return "the port must be a number from 0 to 65535";
	int rc = getaddrinfo(hlen ? hostbuf : NULL, port, &hints, &res);
	if (rc)
		return gai_strerror(rc);
	if (res->ai_addrlen > sizeof(conf->addr)) {
		freeaddrinfo(res);
		return "unsupported address";
	}
	memcpy(&conf->addr, res->ai_addr, res->ai_addrlen);
	conf->ipv6 = res->ai_family == AF_INET6;
	freeaddrinfo(res);
	return NULL;
}

/* Prints the broken lines of the rule files; warnings only as a count, as
 * an imported rule collection may have many harmless ones. */
static void wn_daemon_report_rules(const struct wn_rules *rules)
{
	size_t warnings = 0;
	for (size_t i = 0; i < wn_rules_count(rules); i++) {
		const struct wn_ruleset *rs = wn_rules_get(rules, i);
		for (size_t j = 0; rs && j < rs->n_problems; j++) {
			const struct wn_rules_problem *p = &rs->problems[j];
			if (p->error)
				fprintf(stderr, "winnowd: %s:%d: %s\n", rs->path, p->line, p->message);
			else
				warnings++;
		}
	}
	if (warnings)
		fprintf(stderr, "winnowd: %zu warnings in the rule files\n", warnings);
}

/* Waits until the requests in flight are done, the drain time is over, or
 * another signal of set arrives. */
static void wn_daemon_drain(struct wn_handler *h, const sigset_t *set)
{
	const struct timespec tick = {.tv_sec = 0, .tv_nsec = 20 * 1000 * 1000};
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (wn_handler_in_flight(h)) {
		if (sigtimedwait(set, NULL, &tick) > 0) {
			fputs("winnowd: second signal, stopping now\n", stderr);
			return;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= WN_DAEMON_DRAIN_SECONDS) {
			fprintf(stderr, "winnowd: %zu requests still running after %d s, stopping\n",
				wn_handler_in_flight(h), WN_DAEMON_DRAIN_SECONDS);
			return;
		}
	}
}

/* The options, for getopt_long() and the config file alike. */
static const struct option wn_daemon_longopts[] = {
	{"config", required_argument, NULL, 'c'},
	{"listen", required_argument, NULL, 'l'},
	{"rules", required_argument, NULL, 'r'},
	{"threads", required_argument, NULL, 't'},
	{"max-body", required_argument, NULL, 'm'},
	{"max-connections", required_argument, NULL, 'C'},
	{"timeout", required_argument, NULL, 'T'},
	{"budget", required_argument, NULL, 'B'},
	{"admin-token", required_argument, NULL, 'A'},
	{"log-format", required_argument, NULL, 'F'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* A whole number from lo to hi; false when malformed or out of range. */
static bool wn_daemon_parse_uint(const char *s, unsigned long lo, unsigned long hi,
				 unsigned *out)
{
	char *end;
	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	unsigned long n = strtoul(s, &end, 10);
	if (errno || *end || n < lo || n > hi)
		return false;
	*out = (unsigned)n;
	return true;
}

/* Sets the option whose getopt letter is opt.  Returns NULL or what is
 * wrong with the value (into buf). */
static const char *wn_daemon_set(struct wn_daemon_conf *conf, int opt, const char *v,
				 char *buf, size_t n)
{
	switch (opt) {
	case 'l':
		conf->listen = v;
		return NULL;
	case 'r':
		conf->rules_dir = v;
		return NULL;
	case 't':
		if (!wn_daemon_parse_uint(v, 1, WN_DAEMON_MAX_THREADS, &conf->threads))
			snprintf(buf, n, "--threads wants a number from 1 to %d, not '%s'",
				 WN_DAEMON_MAX_THREADS, v);
		else
			return NULL;
		return buf;
	case 'm':
		if (wn_daemon_parse_size(v, &conf->max_body))
			return NULL;
		snprintf(buf, n, "--max-body wants a size like 65536, 512K or 10M, not '%s'", v);
		return buf;
	case 'C':
		if (wn_daemon_parse_uint(v, 1, 1000000, &conf->max_connections))
			return NULL;
		snprintf(buf, n, "--max-connections wants a number from 1 to 1000000, not '%s'", v);
		return buf;
	case 'T':
		if (wn_daemon_parse_uint(v, 1, 86400, &conf->timeout))
			return NULL;
		snprintf(buf, n, "--timeout wants seconds from 1 to 86400, not '%s'", v);
		return buf;
	case 'B':
		if (wn_daemon_parse_uint(v, 0, 3600000, &conf->budget_ms))
			return NULL;
		snprintf(buf, n, "--budget wants milliseconds from 0 to 3600000, not '%s'", v);
		return buf;
	case 'A':
		if (*v && strlen(v) <= 256 && !strpbrk(v, " \t\r\n")) {
			conf->admin_token = v;
			return NULL;
		}
		snprintf(buf, n, "--admin-token wants 1 to 256 characters without spaces");
		return buf;
	case 'F':
		if (!strcmp(v, "text") || !strcmp(v, "json")) {
			conf->log_json = !strcmp(v, "json");
			return NULL;
		}
		snprintf(buf, n, "--log-format wants text or json, not '%s'", v);
		return buf;
	}
	snprintf(buf, n, "option -%c cannot be set here", opt);
	return buf;
}

/* Reads a config file of 'name = value' lines (names as the long options,
 * '#' comments, blank lines) into conf.  The values point into *text,
 * which the caller frees at exit.  Returns 0 or the exit status. */
static int wn_daemon_config(const char *path, struct wn_daemon_conf *conf, char **text)
{
	char buf[512];
	size_t size = 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "winnowd: cannot read the config file %s: %s\n", path,
			strerror(errno));
		return WN_DAEMON_EXIT_FAIL;
	}
	ssize_t got = getdelim(text, &size, '\0', f);
	fclose(f);
	if (got < 0) {
		fprintf(stderr, "winnowd: cannot read the config file %s\n", path);
		return WN_DAEMON_EXIT_FAIL;
	}
	int lineno = 0;
	for (char *line = *text, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		line += strspn(line, " \t");
		char *end = line + strlen(line);
		while (end > line && strchr(" \t\r", end[-1]))
			*--end = '\0';
		if (!*line || *line == '#')
			continue;
		char *eq = strchr(line, '=');
		if (!eq)
			return wn_daemon_bad_usage("%s:%d: expected 'name = value'", path, lineno);
		char *name_end = eq;
		while (name_end > line && strchr(" \t", name_end[-1]))
			name_end--;
		*name_end = '\0';
		char *value = eq + 1 + strspn(eq + 1, " \t");
		const struct option *o = wn_daemon_longopts;
		while (o->name && (strcmp(o->name, line) || o->has_arg != required_argument ||
				   o->val == 'c'))
			o++;
		if (!o->name)
			return wn_daemon_bad_usage("%s:%d: unknown option '%s'", path, lineno, line);
		const char *why = wn_daemon_set(conf, o->val, value, buf, sizeof(buf));
		if (why)
			return wn_daemon_bad_usage("%s:%d: %s", path, lineno, why);
	}
	return 0;
}

int main(int argc, char **argv)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct wn_daemon_conf conf = {
		.listen = "127.0.0.1:8080",
		.rules_dir = WN_DEFAULT_RULES_DIR,
		.threads = cores > 0 ? (unsigned)(cores < WN_DAEMON_MAX_THREADS ? cores
							: WN_DAEMON_MAX_THREADS) : 1,
		.max_body = (size_t)10 << 20,
		.max_connections = 1024,
		.timeout = 30,
		.budget_ms = 10000,
	};
	static const char shortopts[] = ":c:l:r:t:m:hV";
	struct wn_rules *rules = NULL;
	struct wn_handler *handler = NULL;
	struct wn_server *srv = NULL;
	char *config_text = NULL;
	char buf[512];
	const char *why;
	sigset_t set;
	int opt, sig, rc = 0;
	enum wn_err err;

	/* First pass: only --config, so the command line can override it. */
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shortopts, wn_daemon_longopts, NULL)) != -1)
		if (opt == 'c' && (rc = wn_daemon_config(optarg, &conf, &config_text)))
			goto out;
	optind = 0;
	while ((opt = getopt_long(argc, argv, shortopts, wn_daemon_longopts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			break;
		case 'h':
			wn_daemon_help();
			goto out;
		case 'V':
			printf("winnowd %s\n", WN_VERSION);
			goto out;
		case ':':
			rc = wn_daemon_bad_usage("option '%s' needs a value", argv[optind - 1]);
			goto out;
		case '?':
			rc = wn_daemon_bad_usage("unknown option '%s'", argv[optind - 1]);
			goto out;
		default:
			if ((why = wn_daemon_set(&conf, opt, optarg, buf, sizeof(buf)))) {
				rc = wn_daemon_bad_usage("%s", why);
				goto out;
			}
		}
	}
	if (optind < argc) {
		rc = wn_daemon_bad_usage("unexpected argument '%s'", argv[optind]);
		goto out;
	}
	why = wn_daemon_parse_listen(conf.listen, &conf);
	if (why) {
		rc = wn_daemon_bad_usage("bad --listen '%s': %s", conf.listen, why);
		goto out;
	}

	err = wn_rules_load_dir(conf.rules_dir, &rules);
	if (err) {
		if (err == WN_ERR_IO)
			fprintf(stderr, "winnowd: cannot read the rules directory %s (missing, not a "
				"directory, or not readable)\n", conf.rules_dir);
		else
			fprintf(stderr, "winnowd: cannot load the rules directory %s: %s\n",
				conf.rules_dir, wn_err_str(err));
		rc = WN_DAEMON_EXIT_FAIL;
		goto out;
	}
	wn_daemon_report_rules(rules);
	handler = wn_handler_new(&conf, rules);
	if (!handler) {
		fputs("winnowd: out of memory\n", stderr);
		wn_rules_free(rules);
		rc = WN_DAEMON_EXIT_FAIL;
		goto out;
	}

	/* Before any thread exists, so all of them inherit the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	srv = wn_server_start(&conf, handler);
	if (!srv) {
		fprintf(stderr, "winnowd: cannot listen on %s: %s\n", conf.listen, strerror(errno));
		rc = WN_DAEMON_EXIT_FAIL;
		goto out;
	}
	fprintf(stderr, "winnowd %s: listening on %s (port %u), %u threads, %zu rule files from %s\n",
		WN_VERSION, conf.listen, wn_server_port(srv), conf.threads, wn_rules_count(rules),
		conf.rules_dir);

	for (;;) {
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig != SIGHUP)
			break;
		wn_handler_reload(handler);
	}
	fprintf(stderr, "winnowd: %s, finishing %zu requests in flight\n", strsignal(sig),
		wn_handler_in_flight(handler));
	wn_server_quiesce(srv);
	sigdelset(&set, SIGHUP);
	wn_daemon_drain(handler, &set);
	fputs("winnowd: stopped\n", stderr);
out:
	wn_server_free(srv);
	wn_handler_free(handler);
	free(config_text);
	return rc;
}
