/* politeness.c -- robots.txt of each host, refused hosts and blocked
 * URLs (see politeness.h).
 *
 * Spec: RFC 9309 sec. 2.3.1 (access results: 2xx parse, 3xx follow up to
 * five redirects, 4xx allow all, 429/5xx/unreachable disallow all: here
 * the host's URLs wait, then stay queued for a later run), sec. 2.4
 * (caching up to 24 hours).
 */
#include "crawler/politeness.h"

#include "crawler/base/err.h"
#include "crawler/base/http.h"
#include "crawler/base/url.h"
#include "crawler/crawl_int.h"
#include "crawler/crawldb.h"
#include "crawler/robots.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

/* The host's queued jobs: dropped from memory (they stay queued in the
 * database) or, with `why`, failed for good. */
static void
drain_host(struct crawl *c, struct host *h, const char *why)
{
	char *fail_reason = why ? pt_xstrdup(why) : NULL;
	struct job *j;

	while ((j = host_pop(h)) != NULL) {
		c->st->queued--;
		if (fail_reason) {
			if (crawldb_begin(c->db, &c->msg) == 0 &&
			    crawldb_mark_attempt(c->db, j->url, fail_reason, 1,
						 &c->msg) == 0) {
				c->st->failed++;
				crawl_event(c, CRAWL_EV_FAILED, j->url,
					    fail_reason);
			} else {
				crawl_db_check(c, PT_EDB);
			}
			crawl_result_done(c);
		} else {
			c->deferred++;
		}
		job_free(j);
	}
	free(fail_reason);
}

void
politeness_refuse(struct crawl *c, struct host *h)
{
	buf_reset(&c->msg);
	if (h->refused)
		buf_adds(&c->msg, h->refused);
	else
		buf_addf(&c->msg, "refused: '%s' is a loopback, private or "
			 "link-local address", h->name);
	drain_host(c, h, c->msg.p);
}

/* Sets up h->robots from a fetch outcome (or the cache) and queues the
 * Sitemap lines of outlet hosts. */
static void
robots_ready(struct crawl *c, struct host *h, int status, const char *txt,
	     size_t len)
{
	size_t i, n;

	robots_free(h->robots);
	h->robots = robots_new_for_status(status, txt, len,
					  c->o->robots_token);
	h->rstate = HOST_ROBOTS_READY;
	host_crawl_delay(h, robots_crawl_delay(h->robots));
	if (!h->outlet)
		return;
	n = robots_sitemap_count(h->robots);
	for (i = 0; i < n && !c->fatal; i++) {
		buf_reset(&c->tmp);
		if (url_canonicalize(robots_sitemap(h->robots, i), h->key,
				     &c->tmp, NULL) == 0) {
			char *u = pt_xstrdup(c->tmp.p);

			crawl_add_url(c, u, CRAWLDB_SITEMAP, 0, 0, 1, 0);
			free(u);
		}
	}
}

static void
start_robots(struct crawl *c, struct host *h)
{
	struct xfer *x;

	if (!h->robots_url) {
		struct buf u = BUF_INIT;

		buf_addf(&u, "%s/robots.txt", h->key);
		h->robots_url = buf_detach(&u, NULL);
	}
	x = fetch_get(&c->fetch, h, NULL, h->robots_url);
	h->rstate = HOST_ROBOTS_FETCHING;
	fetch_start(&c->fetch, x);
}

void
politeness_robots(struct crawl *c, struct host *h, double now, double *next)
{
	struct buf body = BUF_INIT;
	int status, rc;

	buf_init(&body, ROBOTS_MAX_BYTES);
	rc = crawldb_robots_get(c->db, h->key, time(NULL) - CRAWL_ROBOTS_TTL,
				&status, &body, &c->msg);
	if (rc < 0) {
		crawl_db_check(c, rc);
	} else if (rc == 1 && h->robots_hops == 0) {
		robots_ready(c, h, status, body.p, body.len);
	} else if (c->fetch.inflight < c->o->max_conns &&
		   now >= h->robots_not_before && now >= h->next_at) {
		start_robots(c, h);
	} else if (h->robots_not_before > now &&
		   h->robots_not_before < *next) {
		*next = h->robots_not_before;
	}
	buf_release(&body);
}

/* A 3xx answer for robots.txt: the target is fetched next, unless there
 * were too many redirects or it is not a URL (then 3xx policy). */
static void
robots_redirect(struct crawl *c, struct xfer *x, long status)
{
	struct host *h = x->h;
	struct buf loc = BUF_INIT, t = BUF_INIT;

	if (h->robots_hops < CRAWL_MAX_HOPS &&
	    http_header_value(x->head.p, x->head.len, "Location", &loc) &&
	    url_canonicalize(loc.p, h->robots_url, &t, NULL) == 0) {
		free(h->robots_url);
		h->robots_url = buf_detach(&t, NULL);
		h->robots_hops++;
		h->rstate = HOST_ROBOTS_NONE; /* fetch the target next */
	} else {
		robots_ready(c, h, (int)status, NULL, 0);
	}
	buf_release(&loc);
	buf_release(&t);
}

/* 429, 5xx or unreachable: disallow for now and try again later, or,
 * after max_attempts, leave the host's URLs queued for a later run. */
static void
robots_unreachable(struct crawl *c, struct xfer *x, long status,
		   CURLcode res)
{
	struct host *h = x->h;

	buf_reset(&c->msg);
	if (status)
		buf_addf(&c->msg, "robots.txt answered HTTP %ld", status);
	else
		buf_addf(&c->msg, "robots.txt unreachable: %s",
			 x->errbuf[0] ? x->errbuf : curl_easy_strerror(res));
	h->robots_attempts++;
	if ((unsigned)h->robots_attempts < c->o->max_attempts &&
	    (status >= 500 || status == 429 || fetch_retryable(res))) {
		h->rstate = HOST_ROBOTS_NONE;
		h->robots_not_before = crawl_now() + c->o->retry_wait *
			pow(2.0, h->robots_attempts - 1);
		crawl_event(c, CRAWL_EV_RETRY, h->robots_url, c->msg.p);
		return;
	}
	buf_addf(&c->msg, "; %zu URLs of '%s' left queued for a later run",
		 h->qn, h->key);
	crawl_event(c, CRAWL_EV_WARN, h->robots_url, c->msg.p);
	h->rstate = HOST_ROBOTS_DEFER;
	drain_host(c, h, NULL);
}

void
politeness_robots_done(struct crawl *c, struct xfer *x, CURLcode res)
{
	struct host *h = x->h;
	long status = 0;

	if (res == CURLE_OK || (x->too_big && res == CURLE_WRITE_ERROR))
		status = fetch_status(x);
	if (status >= 300 && status < 400) {
		robots_redirect(c, x, status);
	} else if (status >= 200 && status < 500 && status != 429) {
		if (crawldb_begin(c->db, &c->msg) ||
		    crawldb_robots_put(c->db, h->key, time(NULL), (int)status,
				       x->body.p, x->body.len, &c->msg))
			crawl_db_check(c, PT_EDB);
		robots_ready(c, h, (int)status, x->body.p, x->body.len);
	} else if (x->refused) {
		fetch_describe(x, res, &c->msg);
		free(h->refused);
		h->refused = pt_xstrdup(c->msg.p);
		h->rstate = HOST_ROBOTS_REFUSED;
	} else {
		robots_unreachable(c, x, status, res);
	}
}

int
politeness_allowed(struct crawl *c, struct job *j)
{
	if (robots_allowed_url(j->h->robots, j->url))
		return 1;
	if (crawldb_begin(c->db, &c->msg) ||
	    crawldb_mark_blocked(c->db, j->url, "disallowed by robots.txt",
				 &c->msg))
		crawl_db_check(c, PT_EDB);
	c->st->blocked++;
	crawl_event(c, CRAWL_EV_BLOCKED, j->url, "disallowed by robots.txt");
	job_free(j);
	crawl_result_done(c);
	return 0;
}
