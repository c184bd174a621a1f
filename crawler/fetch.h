/* fetch.h -- the transfers of a crawl on one curl multi handle: each
 * transfer set up with the crawl's options (User-Agent, timeouts, body
 * cap, http and https only, no redirects followed by curl, no proxy), the
 * body, the response header block and the request header block as sent
 * collected, and connections to loopback, private or link-local
 * addresses refused on the resolved address unless the host is allowed.
 *
 * Internal to the crawl engine. Ownership: struct fetch owns every
 * transfer it made (kept for reuse) and the multi handle. A transfer
 * borrows its host and holds its job (NULL for robots.txt) while it runs:
 * the done callback of fetch_perform() disposes of the job (queues it
 * again, frees it or hands it on) before the transfer is recycled, and
 * fetch_release() frees the jobs of transfers still running. Arguments
 * are borrowed.
 */
#ifndef PT_FETCH_H
#define PT_FETCH_H

#include "crawler/base/buf.h"

#include <curl/curl.h>

struct crawl_opts;
struct host;
struct job;

struct xfer {
	CURL *easy;
	struct fetch *f;         /* its fetch */
	struct host *h;          /* its host */
	struct job *job;         /* NULL for robots.txt */
	struct buf body;         /* decoded body */
	struct buf head;         /* response header block */
	struct buf req;          /* request header block as sent */
	struct curl_slist *hdrs; /* extra request headers */
	struct buf prev;         /* the stored capture of a conditional GET:
				    its payload digest, WARC-Date and record
				    id, each NUL-terminated ("" for none) */
	int has_prev;            /* prev is set (a revisit candidate) */
	int too_big;             /* body passed its cap */
	int head_too_big;        /* the header block passed its cap */
	int refused;             /* a private address was refused */
	int in_multi;            /* added to the multi handle */
	char errbuf[CURL_ERROR_SIZE];
	struct xfer *next;       /* free list */
};

/* Value type: fetch_init() / fetch_release(). */
struct fetch {
	const struct crawl_opts *o; /* borrowed */
	CURLM *multi;            /* NULL until fetch_open() */
	struct curl_slist *resolve; /* the "HOST:PORT:ADDR" overrides */
	struct xfer *free_x;     /* recycled transfers */
	struct xfer **all;       /* every transfer made, for the cleanup */
	size_t nall, all_cap;
	unsigned inflight;       /* transfers running */
	int epfd;                /* epoll set of curl's sockets and evfd */
	int evfd;                /* eventfd of fetch_wakeup() */
	double timer_at;         /* curl's timeout (monotonic), < 0 none */
	unsigned *sock;          /* by descriptor: what the epoll set holds
				    for it (see fetch.c), 0 = nothing */
	size_t nsock;
};

void fetch_init(struct fetch *f, const struct crawl_opts *o);
/* Creates the multi handle: multiplexing, at most max_per_host and
 * max_conns connections. */
void fetch_open(struct fetch *f);
/* Ends the transfers still running (their jobs are freed: their URLs
 * stay queued in the database) and frees everything. */
void fetch_release(struct fetch *f);

/* A transfer of `url` for job j of host h (j = NULL: robots.txt, whose
 * body is cut at ROBOTS_MAX_BYTES instead of failing). Borrowed; it
 * belongs to f. */
struct xfer *fetch_get(struct fetch *f, struct host *h, struct job *j,
		       const char *url);
/* Adds request header `line` ("Name: value") to x before it starts. */
void fetch_add_header(struct xfer *x, const char *line);
/* Starts x: counted in flight for f and for its host. */
void fetch_start(struct fetch *f, struct xfer *x);

/* Runs the transfers; for each one finished calls done(ctx, x, result),
 * after which x is recycled. Returns the number finished. */
unsigned fetch_perform(struct fetch *f,
		       void (*done)(void *ctx, struct xfer *x, CURLcode res),
		       void *ctx);
/* Waits up to `ms` milliseconds for activity or fetch_wakeup(), and
 * runs the transfers whose sockets are ready. */
void fetch_poll(struct fetch *f, int ms);
/* Lets curl start the transfers just added (sending their requests),
 * without waiting and without looking at the other sockets. */
void fetch_kick(struct fetch *f);
/* Wakes fetch_poll() up; `ctx` is the struct fetch. Safe from another
 * thread once fetch_open() returned. */
void fetch_wakeup(void *ctx);

/* The response status of finished x, or 0. */
long fetch_status(const struct xfer *x);
/* 1 when a transfer failing with `res` may succeed when tried again. */
int fetch_retryable(CURLcode res);
/* Describes the failure of x (refused address, body too large, or curl's
 * message, starting lowercase) into msg, which is emptied first. */
void fetch_describe(const struct xfer *x, CURLcode res, struct buf *msg);

#endif
