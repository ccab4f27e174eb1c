/* metrics.h -- winnowd's counters and histograms, in the Prometheus text
 * format.
 *
 * Every field is an atomic updated with relaxed ordering by the threads
 * that serve requests: a scrape sees each number exact and current, only
 * not necessarily consistent with the others to the request, which is all
 * Prometheus asks.  No locks, no allocation on the request path.
 */
#ifndef WN_METRICS_H
#define WN_METRICS_H

#include <stdatomic.h>
#include <stddef.h>

/* The routes requests are counted by. */
enum wn_route {
	WN_ROUTE_EXTRACT = 0, /* POST /v1/extract */
	WN_ROUTE_BATCH,       /* POST /v1/extract/batch */
	WN_ROUTE_RULES,       /* GET /v1/rules */
	WN_ROUTE_RULES_TEST,  /* POST /v1/rules/test */
	WN_ROUTE_RELOAD,      /* POST /v1/rules/reload */
	WN_ROUTE_HEALTHZ,     /* GET /healthz */
	WN_ROUTE_READYZ,      /* GET /readyz */
	WN_ROUTE_VERSION,     /* GET /v1/version */
	WN_ROUTE_METRICS,     /* GET /metrics */
	WN_ROUTE_OTHER,       /* anything else (404s) */
	WN_ROUTE__COUNT       /* number of routes; not a route */
};

/* Upper bounds (seconds) of the histogram buckets; +Inf follows. */
#define WN_METRICS_BUCKETS 12

/* HTTP statuses counted exactly, 100 to 599. */
#define WN_METRICS_STATUS_MIN 100
#define WN_METRICS_STATUS_MAX 599

/* A histogram of durations. */
struct wn_metrics_hist {
	atomic_ulong buckets[WN_METRICS_BUCKETS + 1]; /* count per bucket, not cumulative;
						     * the last is +Inf */
	atomic_ulong sum_us;                          /* sum of observations, microseconds */
};

struct wn_metrics {
	atomic_ulong requests[WN_ROUTE__COUNT]
			     [WN_METRICS_STATUS_MAX - WN_METRICS_STATUS_MIN + 1];
					   /* finished requests by route and status */
	struct wn_metrics_hist latency;    /* whole request, headers in to response sent */
	struct wn_metrics_hist extraction; /* wn_extract() calls, batch lines included */
	atomic_ulong bytes_in;             /* request body bytes received */
	atomic_ulong bytes_out;            /* response body bytes sent */
	atomic_ulong reloads_ok;           /* rule reloads that took effect */
	atomic_ulong reloads_failed;       /* rule reloads that kept the old set */
};

/* Counts one finished request (status outside 100..599 counts as 500). */
void wn_metrics_request(struct wn_metrics *m, enum wn_route route, unsigned status,
			double seconds, size_t bytes_in, size_t bytes_out);

/* Counts one extraction. */
void wn_metrics_extraction(struct wn_metrics *m, double seconds);

/* The metrics page, malloc'd (caller frees), with the gauges given here;
 * NULL when out of memory. */
char *wn_metrics_render(struct wn_metrics *m, size_t rule_files, size_t in_flight,
			size_t *len);

#endif
