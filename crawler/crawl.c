/* crawl.c -- the crawler engine (see crawl.h): it opens the state, runs
 * the loop and drives the modules that hold each concern:
 *   hosts.h       hosts, their FIFO queues of jobs and politeness state
 *   politeness.h  robots.txt of each host, refused hosts, blocked URLs
 *   fetch.h       the transfers on the curl multi handle
 *   response.h    what a finished fetch means (retry, fail, 304, capture)
 *   capture.h     captures handed to the WARC writer thread (warcq.h)
 *   discover.h    links, feed and sitemap entries, redirect targets
 *   replay.h      WARC records written after the last commit
 * crawl_int.h holds the state they share. This file keeps the queue, the
 * commits, the dispatching of hosts and the steps of a run.
 *
 * One thread drives a curl multi handle. URLs wait in per-host FIFO queues
 * in memory, loaded from the database at start; every URL discovered is
 * first inserted into the database (its UNIQUE url column is the dedupe)
 * and queued in memory only when the insert made a new queued row.
 *
 * Durability and "nothing fetched twice": for each result the WARC record
 * is written first (one write(2) per record), then the database row is
 * updated inside the open transaction, which is committed every
 * COMMIT_EVERY results or COMMIT_SECONDS. Each commit also stores the
 * "warc mark": the file and offset of the last WARC record whose row it
 * contains. A kill can therefore lose only rows of records written after
 * the mark. At start-up those records are replayed from the WARC files
 * (replay.c: mark the URL done with the record's digest, id, date and
 * validators, queue its redirect target, and extract its links or feed
 * entries as the live crawl would have), so a page stored before a kill is
 * never fetched again, and pages whose discovery was lost are queued
 * again. Replaying is idempotent. This was chosen over committing after
 * every record: that still leaves a window between the WARC write and the
 * commit, and costs a commit per page. A URL in flight at a kill has no
 * record and is still queued: it is fetched again. 304 answers and
 * failures write no WARC record; losing their rows only means asking
 * again.
 *
 * The WARC records are written by a second thread (warcq.h): response.c
 * hands the capture over (the body changes hands, no copy) and goes on
 * fetching; the writer computes the digests, compresses and appends, and
 * gives the capture back; only then does response_written() update the row
 * and move the mark, in the order the records were written. So the rule
 * above holds: a row marked done names a record complete on disk, and a
 * kill loses at most records written but not yet committed (replayed) and
 * captures not yet written (their URLs are still queued: fetched again).
 * At most CAPTURE_QUEUE_BYTES of captures are out; beyond that the loop
 * waits for the writer. A stop (or the end) waits for every capture to be
 * recorded.
 *
 * A failed URL stays failed (also when found again) until a run with
 * retry_failed. NEEDSWORK: robots-blocked URLs are not checked again when
 * robots.txt changes; feed/sitemap lastmod dates do not requeue changed
 * articles (use recrawl); robots.txt files are cached in the database but
 * not archived.
 */
#include "crawler/crawl.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/url.h"
#include "crawler/base/warc.h"
#include "crawler/crawl_int.h"
#include "crawler/crawldb.h"
#include "crawler/politeness.h"
#include "crawler/replay.h"
#include "crawler/response.h"
#include "crawler/sources.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define COMMIT_EVERY 1000      /* results per transaction: a commit costs
				  about 30 page writes to the WAL, and
				  rows are what a kill can lose (replay.c
				  finds them again in the WARC files) */
#define COMMIT_SECONDS 1.0     /* or this much time */
#define STOP_GRACE 2.0         /* seconds given to transfers after *stop */

double
crawl_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void
crawl_opts_init(struct crawl_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->db_path = "presstally.db";
	o->warc_dir = "warc";
	o->warc_prefix = "presstally";
	o->warc_max_size = 1024ull * 1024 * 1024;
	o->warc_level = 1;
	o->user_agent = "presstally/" PT_VERSION
			" (+https://github.com/presstally/presstally)";
	o->robots_token = "presstally";
	o->delay = 1.0;
	o->max_depth = 1;
	o->max_per_host = 1;
	o->max_conns = 32;
	o->timeout = 30.0;
	o->connect_timeout = 10.0;
	o->max_attempts = 3;
	o->retry_wait = 1.0;
	o->max_retry_wait = 300.0;
	o->max_size = 10ull * 1024 * 1024;
}

void
crawl_event(struct crawl *c, enum crawl_event ev, const char *url,
	    const char *detail)
{
	if (c->o->on_event)
		c->o->on_event(c->o->ctx, ev, url, detail);
}

int
crawl_fatal(struct crawl *c, int rc, struct buf *why)
{
	if (!c->fatal) {
		c->fatal = rc;
		if (c->err && why && why->len)
			buf_add(c->err, why->p, why->len);
		crawl_event(c, CRAWL_EV_FATAL, NULL, why ? why->p : "");
	}
	return rc;
}

int
crawl_db_check(struct crawl *c, int rc)
{
	if (rc < 0)
		crawl_fatal(c, rc, &c->msg);
	return rc;
}

/* ---- The queue. */

struct job *
crawl_enqueue(struct crawl *c, const char *url, int kind, int depth,
	      int hops, int attempts)
{
	struct host *h = hosts_get(&c->hosts, url);
	struct job *j;

	if (!h)
		return NULL;
	j = job_new(h, url, kind, depth, hops, attempts);
	host_push(h, j);
	c->st->queued++;
	return j;
}

int
crawl_add_url(struct crawl *c, const char *url, int kind, int depth,
	      int hops, int seed, int requeue)
{
	int rc;

	if (!requeue && seen_has(&c->seen, url))
		return 0;
	buf_reset(&c->tmp2);
	if (url_host_key(url, &c->tmp2, NULL))
		return 0;
	if (crawldb_begin(c->db, &c->msg))
		return crawl_db_check(c, PT_EDB);
	rc = crawldb_add(c->db, url, c->tmp2.p, kind, depth, hops, seed,
			 requeue, (int)c->o->max_attempts, &c->msg);
	if (rc < 0)
		return crawl_db_check(c, rc);
	seen_add(&c->seen, url);
	if (rc == 1) {
		int fresh = crawldb_added_new(c->db);
		struct job *j = crawl_enqueue(c, url, kind, depth, hops, 0);

		if (j)
			j->fresh = fresh;
	}
	return rc;
}

/* ---- Committing. */

int
crawl_commit(struct crawl *c)
{
	int rc = 0;

	if (!crawldb_in_tx(c->db))
		return 0;
	if (c->mark_dirty)
		rc = crawldb_meta_put(c->db, CRAWL_MARK_KEY, c->mark.p,
				      &c->msg);
	if (rc == 0)
		rc = crawldb_commit(c->db, &c->msg);
	c->mark_dirty = 0;
	c->pending = 0;
	c->last_commit = crawl_now();
	return crawl_db_check(c, rc);
}

void
crawl_result_done(struct crawl *c)
{
	c->pending++;
	if (c->pending >= COMMIT_EVERY ||
	    crawl_now() - c->last_commit >= COMMIT_SECONDS)
		crawl_commit(c);
}

void
crawl_set_mark(struct crawl *c, const char *path, unsigned long long off)
{
	const char *base = strrchr(path, '/');

	buf_reset(&c->mark);
	buf_addf(&c->mark, "%s\t%llu", base ? base + 1 : path, off);
	c->mark_dirty = 1;
}

/* ---- Dispatching. */

/* Starts job j of host h, as a conditional GET against the stored
 * capture when there is one. */
static void
start_job(struct crawl *c, struct host *h, struct job *j)
{
	struct crawldb_url u;
	struct xfer *x = fetch_get(&c->fetch, h, j, j->url);
	int rc = 0;

	/* A row made in this run has no capture: no lookup. */
	if (!j->fresh)
		rc = crawldb_get(c->db, j->url, &u, &c->msg);
	if (rc < 0) {
		crawl_db_check(c, rc);
	} else if (rc == 1 && u.payload_digest) {
		/* What the capture needs of the stored one (a revisit),
		 * kept so that the row is not read again. */
		x->has_prev = 1;
		buf_adds(&x->prev, u.payload_digest);
		buf_addc(&x->prev, '\0');
		buf_adds(&x->prev, u.warc_date ? u.warc_date : "");
		buf_addc(&x->prev, '\0');
		buf_adds(&x->prev, u.record_id ? u.record_id : "");
		if (u.etag) {
			buf_reset(&c->tmp);
			buf_addf(&c->tmp, "If-None-Match: %s", u.etag);
			fetch_add_header(x, c->tmp.p);
		}
		if (u.last_modified) {
			buf_reset(&c->tmp);
			buf_addf(&c->tmp, "If-Modified-Since: %s",
				 u.last_modified);
			fetch_add_header(x, c->tmp.p);
		}
	}
	c->started++;
	fetch_start(&c->fetch, x);
}

static int
room_for_pages(const struct crawl *c)
{
	return !c->o->max_pages || c->started < c->o->max_pages;
}

/* 1 when one more transfer may start for h (connections, max_pages). */
static int
room_for(const struct crawl *c, const struct host *h)
{
	return h->inflight < c->o->max_per_host &&
	       c->fetch.inflight < c->o->max_conns && room_for_pages(c);
}

/* Starts the jobs of ready host h that may start at `now`, each queued
 * job looked at once; lowers *next to when the next one may. */
static void
start_host_jobs(struct crawl *c, struct host *h, double now, double *next)
{
	struct job *j;
	size_t tries;

	for (tries = h->qn; tries > 0 && h->qn && room_for(c, h); tries--) {
		if (now < h->next_at) {
			if (h->next_at < *next)
				*next = h->next_at;
			break;
		}
		j = host_pop(h);
		c->st->queued--;
		if (j->not_before > now) {
			/* Waiting for a retry: look at the others. */
			if (j->not_before < *next)
				*next = j->not_before;
			host_push(h, j);
			c->st->queued++;
			continue;
		}
		if (!politeness_allowed(c, j))
			continue;
		start_job(c, h, j);
		if (h->delay > 0)
			h->next_at = now + h->delay;
	}
}

/* Starts what may start now; returns the time of the next possible start
 * (or now + 1 s). */
static double
dispatch(struct crawl *c, double now)
{
	double next = now + 1.0;
	size_t i;

	for (i = 0; i < c->hosts.n && !c->fatal; i++) {
		struct host *h = c->hosts.v[i];

		if (!h->qn)
			continue;
		if (h->rstate == HOST_ROBOTS_REFUSED) {
			politeness_refuse(c, h);
			continue;
		}
		if (h->rstate == HOST_ROBOTS_NONE && h->inflight == 0)
			politeness_robots(c, h, now, &next);
		if (h->rstate == HOST_ROBOTS_READY)
			start_host_jobs(c, h, now, &next);
	}
	return next;
}

/* ---- Preparing the database. */

/* Adds `url` as written in the options or sources (skipped when it is
 * not a URL) as queued again; feeds and sitemaps are hubs (seed = 1),
 * queued again by every run. */
static int
add_seed(struct crawl *c, const char *url, int kind)
{
	buf_reset(&c->tmp);
	if (url_canonicalize(url, NULL, &c->tmp, NULL))
		return 0;
	buf_reset(&c->tmp2);
	url_host_key(c->tmp.p, &c->tmp2, NULL);
	return crawldb_add(c->db, c->tmp.p, c->tmp2.p, kind, 0, 0,
			   kind != CRAWLDB_PAGE, 1, (int)c->o->max_attempts,
			   &c->msg);
}

/* The feeds and sitemaps of the outlets, then the seeds. */
static int
add_seeds(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	const struct source_outlet *s;
	size_t i, k;
	int rc = 0;

	for (i = 0; o->sources && i < o->sources->n && rc >= 0; i++) {
		s = &o->sources->outlets[i];
		for (k = 0; k < s->feeds.n && rc >= 0; k++)
			rc = add_seed(c, s->feeds.v[k], CRAWLDB_FEED);
		for (k = 0; k < s->sitemaps.n && rc >= 0; k++)
			rc = add_seed(c, s->sitemaps.v[k], CRAWLDB_SITEMAP);
	}
	for (i = 0; i < o->nseeds && rc >= 0; i++)
		rc = add_seed(c, o->seeds[i], CRAWLDB_PAGE);
	return rc;
}

static int
load_job(void *ctx, const struct crawldb_url *u)
{
	struct crawl *c = ctx;

	crawl_enqueue(c, u->url, u->kind, u->depth, u->hops, u->attempts);
	seen_add(&c->seen, u->url);
	return 0;
}

/* Prepares the database: hubs queued again (every URL with recrawl,
 * failed ones with retry_failed), seeds and outlets queued, lost WARC
 * records replayed; then the queue loaded. */
static int
prepare(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	int rc;

	if (crawldb_begin(c->db, &c->msg))
		return crawl_db_check(c, PT_EDB);
	rc = crawldb_requeue_seeds(c->db, &c->msg);
	if (rc >= 0 && o->recrawl)
		rc = crawldb_requeue_all(c->db, &c->msg);
	if (rc >= 0 && o->retry_failed)
		rc = crawldb_requeue_failed(c->db, &c->msg);
	if (rc >= 0)
		rc = add_seeds(c);
	if (rc < 0)
		return crawl_db_check(c, rc);
	rc = replay_recover(c);
	if (rc == 0)
		rc = crawl_commit(c);
	if (rc == 0)
		rc = crawl_db_check(c, crawldb_each_queued(c->db, load_job, c,
							   &c->msg));
	return rc;
}

/* ---- The loop. */

static void
update_stats(struct crawl *c)
{
	c->st->in_flight = c->fetch.inflight;
	c->st->seconds = crawl_now() - c->t0;
	if (c->o->on_progress)
		c->o->on_progress(c->o->ctx, c->st);
}

/* A transfer finished (callback of fetch_perform()). */
static void
on_done(void *ctx, struct xfer *x, CURLcode res)
{
	struct crawl *c = ctx;
	struct host *h = x->h;

	if (x->job)
		response_done(c, x, res);
	else
		politeness_robots_done(c, x, res);
	host_rest(h, crawl_now());
}

/* Waits for the transfers, a capture coming back or the next start at
 * `next`, at most 200 ms. */
static void
wait_for_work(struct crawl *c, double next)
{
	double wait = next - crawl_now();
	int ms = wait <= 0 ? 0 : wait > 0.2 ? 200 : (int)(wait * 1000) + 1;

	if (c->fetch.inflight || ms)
		fetch_poll(&c->fetch, c->fetch.inflight && ms == 0 ? 0 : ms);
}

static int
run_loop(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	double stop_at = 0, next, now;
	int stopping = 0;
	unsigned done;

	for (;;) {
		now = crawl_now();
		if (o->stop && *o->stop && !stopping) {
			stopping = 1;
			stop_at = now + STOP_GRACE;
		}
		next = stopping || c->fatal ? now + 0.1 : dispatch(c, now);
		if (c->fetch.inflight == 0 && captures_pending(&c->caps) == 0 &&
		    (stopping || c->fatal || c->st->queued == 0 ||
		     !room_for_pages(c)))
			break;
		if (c->fetch.inflight == 0 && (stopping || c->fatal)) {
			captures_drain(&c->caps, 1); /* only captures left */
			continue;
		}
		if (stopping && now >= stop_at)
			break; /* in-flight URLs stay queued */
		done = fetch_perform(&c->fetch, on_done, c);
		if (done && !stopping && !c->fatal) {
			/* The next requests go out before the captures just
			 * made are digested: the server works meanwhile. */
			dispatch(c, crawl_now());
			fetch_kick(&c->fetch);
		}
		done += captures_drain(&c->caps, 0); /* digests them */
		if (crawldb_in_tx(c->db) &&
		    crawl_now() - c->last_commit >= COMMIT_SECONDS)
			crawl_commit(c);
		update_stats(c);
		if (!done) /* else dispatch again first */
			wait_for_work(c, next);
	}
	return stopping ? PT_EINTR : 0;
}

/* ---- A run. */

static void
crawl_init(struct crawl *c, const struct crawl_opts *o,
	   struct crawl_stats *st, struct buf *err)
{
	memset(st, 0, sizeof(*st));
	memset(c, 0, sizeof(*c));
	c->o = o;
	c->st = st;
	c->err = err;
	c->t0 = crawl_now();
	c->last_commit = c->t0;
	hosts_init(&c->hosts, o->sources, o->delay);
	fetch_init(&c->fetch, o);
	captures_init(&c->caps, response_written, c);
	seen_init(&c->seen);
	buf_init(&c->mark, 0);
	buf_init(&c->tmp, URL_MAX_LEN + 256);
	buf_init(&c->tmp2, URL_MAX_LEN + 256);
	buf_init(&c->msg, 0);
}

/* Allows the host:port of a feed or sitemap of the sources to be private
 * when it is written as an IP address: a DNS name there is checked on
 * what it resolves to like any other (an answer that turns private is
 * DNS rebinding, not the operator's choice). */
static void
allow_source_url(struct crawl *c, const char *url)
{
	buf_reset(&c->tmp2);
	if (url_host(url, &c->tmp2, NULL) == 0 &&
	    url_addr_classify(c->tmp2.p) != URL_ADDR_NAME)
		hosts_allow_url(&c->hosts, url);
}

/* The host:port of each seed may be a private address (a seeded
 * 127.0.0.1:8080 is that port only, not every port of the machine), and
 * so may the IP-literal feeds and sitemaps of the sources. A seed that is
 * not an http(s) URL gives PT_EINVAL with a message in c->err. */
static int
allow_named_hosts(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	const struct source_outlet *s;
	size_t i, k;

	for (i = 0; i < o->nseeds; i++) {
		buf_reset(&c->tmp);
		if (url_canonicalize(o->seeds[i], NULL, &c->tmp, c->err))
			return PT_EINVAL;
		hosts_allow_url(&c->hosts, c->tmp.p);
	}
	for (i = 0; o->sources && i < o->sources->n; i++) {
		s = &o->sources->outlets[i];
		for (k = 0; k < s->feeds.n; k++)
			allow_source_url(c, s->feeds.v[k]);
		for (k = 0; k < s->sitemaps.n; k++)
			allow_source_url(c, s->sitemaps.v[k]);
	}
	return 0;
}

/* Opens the database (prepared), the WARC writer, the transfers and the
 * writer thread. 0, or the fatal error. */
static int
crawl_open(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	struct warc_writer_opts wo;

	c->db = crawldb_open(o->db_path, &c->msg);
	if (!c->db)
		return crawl_fatal(c, PT_EDB, &c->msg);
	if (prepare(c))
		return c->fatal ? c->fatal : PT_EDB;
	memset(&wo, 0, sizeof(wo));
	wo.level = o->warc_level == 0 ? WARC_LEVEL_STORE : o->warc_level;
	wo.dir = o->warc_dir;
	wo.prefix = o->warc_prefix;
	wo.max_size = o->warc_max_size;
	wo.software = "presstally/" PT_VERSION;
	buf_reset(&c->msg);
	c->w = warc_writer_new(&wo, &c->msg);
	if (!c->w)
		return crawl_fatal(c, PT_EIO, &c->msg);
	fetch_open(&c->fetch);
	buf_reset(&c->msg);
	if (captures_start(&c->caps, c->w, fetch_wakeup, &c->fetch, &c->msg))
		return crawl_fatal(c, PT_EIO, &c->msg);
	return 0;
}

/* Records the captures still out (a stop), commits and closes the WARC
 * file. */
static void
crawl_close(struct crawl *c)
{
	while (captures_pending(&c->caps))
		captures_drain(&c->caps, 1);
	crawl_commit(c);
	captures_stop(&c->caps);
	buf_reset(&c->msg);
	if (warc_writer_close(c->w, &c->msg))
		crawl_fatal(c, PT_EIO, &c->msg);
}

/* The statistics at the end: the URLs still queued as the database has
 * them. */
static void
final_stats(struct crawl *c)
{
	struct crawl_stats *st = c->st;

	st->queued += c->deferred;
	if (c->db) {
		long long n = crawldb_count(c->db, "queued", NULL);

		if (n >= 0)
			st->queued = (unsigned long long)n;
	}
	st->in_flight = 0;
	st->seconds = crawl_now() - c->t0;
}

/* Frees everything; transfers still running at a stop are dropped (their
 * URLs stay queued). */
static void
crawl_release(struct crawl *c)
{
	fetch_release(&c->fetch);
	captures_release(&c->caps);
	hosts_release(&c->hosts);
	seen_release(&c->seen);
	warc_writer_free(c->w);
	crawldb_free(c->db);
	buf_release(&c->mark);
	buf_release(&c->tmp);
	buf_release(&c->tmp2);
	buf_release(&c->msg);
}

int
crawl_run(const struct crawl_opts *o, struct crawl_stats *st,
	  struct buf *err)
{
	struct crawl c;
	int rc;

	crawl_init(&c, o, st, err);
	if (allow_named_hosts(&c)) {
		crawl_release(&c);
		return PT_EINVAL;
	}
	rc = crawl_open(&c);
	if (rc == 0) {
		rc = run_loop(&c);
		crawl_close(&c);
	}
	final_stats(&c);
	crawl_release(&c);
	if (c.fatal)
		return c.fatal;
	return rc;
}
