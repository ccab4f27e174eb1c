/* main.c -- winnowd: options, rules, signals, start-up and shutdown.
 *
 * The main thread parses the command line, loads the rules once, blocks
 * SIGTERM/SIGINT (so the server's threads, created afterwards, inherit the
 * mask and never see them) and then simply waits for one with sigwait():
 * no work happens in a signal handler.  Shutdown is quiesce (stop
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

#define WN_DAEMON_EXIT_FAIL 1
#define WN_DAEMON_EXIT_USAGE 2

/* Longest wait for requests in flight at shutdown; a second signal cuts it
 * short. */
#define WN_DAEMON_DRAIN_SECONDS 30

#define WN_DAEMON_MAX_THREADS 1024

static const char wn_daemon_usage[] =
	"usage: winnowd [--listen ADDR:PORT] [--rules DIR] [--threads N] [--max-body BYTES]\n"
	"       winnowd --help | --version\n";

static void wn_daemon_help(void)
{
	printf("winnowd %s -- HTTP service that removes the boilerplate from scraped web pages\n\n"
	       "%s\n"
	       "Options:\n"
	       "  -l, --listen ADDR:PORT  address to listen on (default 127.0.0.1:8080;\n"
	       "                          IPv6 as [::1]:8080)\n"
	       "  -r, --rules DIR         site rule files (default %s)\n"
	       "  -t, --threads N         worker threads (default: the number of cores)\n"
	       "  -m, --max-body BYTES    largest request body, suffix K or M allowed\n"
	       "                          (default 10M)\n"
	       "  -h, --help              show this help\n"
	       "  -V, --version           show the version\n\n"
	       "Endpoints: POST /v1/extract, GET /healthz.  SIGTERM or SIGINT stops the\n"
	       "server after the requests in flight.  See docs/api.md.\n",
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
static void wn_daemon_drain(struct wn_server *srv, const sigset_t *set)
{
	const struct timespec tick = {.tv_sec = 0, .tv_nsec = 20 * 1000 * 1000};
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (wn_server_in_flight(srv)) {
		if (sigtimedwait(set, NULL, &tick) > 0) {
			fputs("winnowd: second signal, stopping now\n", stderr);
			return;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= WN_DAEMON_DRAIN_SECONDS) {
			fprintf(stderr, "winnowd: %zu requests still running after %d s, stopping\n",
				wn_server_in_flight(srv), WN_DAEMON_DRAIN_SECONDS);
			return;
		}
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"listen", required_argument, NULL, 'l'},
		{"rules", required_argument, NULL, 'r'},
		{"threads", required_argument, NULL, 't'},
		{"max-body", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct wn_daemon_conf conf = {
		.listen = "127.0.0.1:8080",
		.rules_dir = WN_DEFAULT_RULES_DIR,
		.threads = cores > 0 ? (unsigned)(cores < WN_DAEMON_MAX_THREADS ? cores
							: WN_DAEMON_MAX_THREADS) : 1,
		.max_body = (size_t)10 << 20,
	};
	struct wn_rules *rules = NULL;
	struct wn_server *srv = NULL;
	const char *why;
	sigset_t set;
	int opt, sig;
	enum wn_err err;

	while ((opt = getopt_long(argc, argv, ":l:r:t:m:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			conf.listen = optarg;
			break;
		case 'r':
			conf.rules_dir = optarg;
			break;
		case 't': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (end == optarg || *end || n < 1 || n > WN_DAEMON_MAX_THREADS)
				return wn_daemon_bad_usage("--threads wants a number from 1 to %d, not '%s'",
							   WN_DAEMON_MAX_THREADS, optarg);
			conf.threads = (unsigned)n;
			break;
		}
		case 'm':
			if (!wn_daemon_parse_size(optarg, &conf.max_body))
				return wn_daemon_bad_usage("--max-body wants a size like 65536, 512K or 10M, not '%s'",
							   optarg);
			break;
		case 'h':
			wn_daemon_help();
			return 0;
		case 'V':
			printf("winnowd %s\n", WN_VERSION);
			return 0;
		case ':':
			return wn_daemon_bad_usage("option '%s' needs a value", argv[optind - 1]);
		default:
			return wn_daemon_bad_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return wn_daemon_bad_usage("unexpected argument '%s'", argv[optind]);
	why = wn_daemon_parse_listen(conf.listen, &conf);
	if (why)
		return wn_daemon_bad_usage("bad --listen '%s': %s", conf.listen, why);

	err = wn_rules_load_dir(conf.rules_dir, &rules);
	if (err) {
		if (err == WN_ERR_IO)
			fprintf(stderr, "winnowd: cannot read the rules directory %s (missing, not a "
				"directory, or not readable)\n", conf.rules_dir);
		else
			fprintf(stderr, "winnowd: cannot load the rules directory %s: %s\n",
				conf.rules_dir, wn_err_str(err));
		return WN_DAEMON_EXIT_FAIL;
	}
	wn_daemon_report_rules(rules);

	/* Before any thread exists, so all of them inherit the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	srv = wn_server_start(&conf, rules);
	if (!srv) {
		fprintf(stderr, "winnowd: cannot listen on %s: %s\n", conf.listen, strerror(errno));
		wn_rules_free(rules);
		return WN_DAEMON_EXIT_FAIL;
	}
	fprintf(stderr, "winnowd %s: listening on %s (port %u), %u threads, %zu rule files from %s\n",
		WN_VERSION, conf.listen, wn_server_port(srv), conf.threads, wn_rules_count(rules),
		conf.rules_dir);

	while (sigwait(&set, &sig) != 0)
		;
	fprintf(stderr, "winnowd: %s, finishing %zu requests in flight\n", strsignal(sig),
		wn_server_in_flight(srv));
	wn_server_quiesce(srv);
	wn_daemon_drain(srv, &set);
	wn_server_free(srv);
	fputs("winnowd: stopped\n", stderr);
	return 0;
}
