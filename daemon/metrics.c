/* metrics.c -- counting requests, and the Prometheus text page. */
#include <stdio.h>
#include <stdlib.h>

#include "metrics.h"

static const double wn_metrics_bounds[WN_METRICS_BUCKETS] = {
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10,
};

static const char *const wn_metrics_routes[WN_ROUTE__COUNT] = {
	[WN_ROUTE_EXTRACT]    = "/v1/extract",
	[WN_ROUTE_BATCH]      = "/v1/extract/batch",
	[WN_ROUTE_RULES]      = "/v1/rules",
	[WN_ROUTE_RULES_TEST] = "/v1/rules/test",
	[WN_ROUTE_RELOAD]     = "/v1/rules/reload",
	[WN_ROUTE_HEALTHZ]    = "/healthz",
	[WN_ROUTE_READYZ]     = "/readyz",
	[WN_ROUTE_VERSION]    = "/v1/version",
	[WN_ROUTE_METRICS]    = "/metrics",
	[WN_ROUTE_OTHER]      = "other",
};

static void wn_metrics_observe(struct wn_metrics_hist *h, double seconds)
{
	size_t i = 0;
	while (i < WN_METRICS_BUCKETS && seconds > wn_metrics_bounds[i])
		i++;
	atomic_fetch_add_explicit(&h->buckets[i], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&h->sum_us, (unsigned long)(seconds * 1e6),
				  memory_order_relaxed);
}

void wn_metrics_request(struct wn_metrics *m, enum wn_route route, unsigned status,
			double seconds, size_t bytes_in, size_t bytes_out)
{
	if (status < WN_METRICS_STATUS_MIN || status > WN_METRICS_STATUS_MAX)
		status = 500;
	if ((unsigned)route >= WN_ROUTE__COUNT)
		route = WN_ROUTE_OTHER;
	atomic_fetch_add_explicit(&m->requests[route][status - WN_METRICS_STATUS_MIN], 1,
				  memory_order_relaxed);
	wn_metrics_observe(&m->latency, seconds);
	atomic_fetch_add_explicit(&m->bytes_in, bytes_in, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->bytes_out, bytes_out, memory_order_relaxed);
}

void wn_metrics_extraction(struct wn_metrics *m, double seconds)
{
	wn_metrics_observe(&m->extraction, seconds);
}

static void wn_metrics_hist_render(FILE *f, const char *name, const char *help,
				   struct wn_metrics_hist *h)
{
	unsigned long cum = 0;
	fprintf(f, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name);
	for (size_t i = 0; i <= WN_METRICS_BUCKETS; i++) {
		cum += atomic_load_explicit(&h->buckets[i], memory_order_relaxed);
		if (i < WN_METRICS_BUCKETS)
			fprintf(f, "%s_bucket{le=\"%g\"} %lu\n", name, wn_metrics_bounds[i], cum);
		else
			fprintf(f, "%s_bucket{le=\"+Inf\"} %lu\n", name, cum);
	}
	fprintf(f, "%s_sum %.6f\n%s_count %lu\n", name,
		(double)atomic_load_explicit(&h->sum_us, memory_order_relaxed) / 1e6, name, cum);
}

static void wn_metrics_counter(FILE *f, const char *name, const char *help, const char *type,
			       unsigned long value)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n%s %lu\n", name, help, name, type, name, value);
}

char *wn_metrics_render(struct wn_metrics *m, size_t rule_files, size_t in_flight, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (!f)
		return NULL;
	fputs("# HELP winnowd_requests_total Requests answered, by route and HTTP status.\n"
	      "# TYPE winnowd_requests_total counter\n", f);
	for (size_t r = 0; r < WN_ROUTE__COUNT; r++)
		for (unsigned s = WN_METRICS_STATUS_MIN; s <= WN_METRICS_STATUS_MAX; s++) {
			unsigned long v = atomic_load_explicit(
				&m->requests[r][s - WN_METRICS_STATUS_MIN], memory_order_relaxed);
			if (v)
				fprintf(f, "winnowd_requests_total{route=\"%s\",status=\"%u\"} %lu\n",
					wn_metrics_routes[r], s, v);
		}
	wn_metrics_hist_render(f, "winnowd_request_duration_seconds",
			       "Time from a request's headers to its last response byte.",
			       &m->latency);
	wn_metrics_hist_render(f, "winnowd_extraction_duration_seconds",
			       "Time spent extracting one page (batch lines included).",
			       &m->extraction);
	wn_metrics_counter(f, "winnowd_request_body_bytes_total", "Request body bytes received.",
			   "counter", atomic_load_explicit(&m->bytes_in, memory_order_relaxed));
	wn_metrics_counter(f, "winnowd_response_body_bytes_total", "Response body bytes sent.",
			   "counter", atomic_load_explicit(&m->bytes_out, memory_order_relaxed));
	wn_metrics_counter(f, "winnowd_rule_files", "Rule files in the set in force.", "gauge",
			   rule_files);
	wn_metrics_counter(f, "winnowd_rule_reloads_ok_total", "Rule reloads that took effect.",
			   "counter", atomic_load_explicit(&m->reloads_ok, memory_order_relaxed));
	wn_metrics_counter(f, "winnowd_rule_reloads_failed_total",
			   "Rule reloads that failed and kept the previous set.", "counter",
			   atomic_load_explicit(&m->reloads_failed, memory_order_relaxed));
	wn_metrics_counter(f, "winnowd_requests_in_flight",
			   "Requests begun and not yet finished (this scrape included).", "gauge",
			   in_flight);
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}
