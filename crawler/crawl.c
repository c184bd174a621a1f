/* crawl.c -- the crawler engine (see crawl.h).
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
 * (replay_record(): mark the URL done with the record's digest, id, date
 * and validators, queue its redirect target, and extract its links or feed
 * entries as the live crawl would have), so a page stored before a kill is
 * never fetched again, and pages whose discovery was lost are queued
 * again. Replaying is idempotent. This was chosen over committing after
 * every record: that still leaves a window between the WARC write and the
 * commit, and costs a commit per page. A URL in flight at a kill has no
 * record and is still queued: it is fetched again. 304 answers and
 * failures write no WARC record; losing their rows only means asking
 * again.
 *
 * The WARC records are written by a second thread (warcq.h): job_done()
 * hands the capture over (the body changes hands, no copy) and goes on
 * fetching; the writer computes the digests, compresses and appends, and
 * gives the capture back; only then does capture_written() update the row
 * and move the mark, in the order the records were written. So the rule
 * above holds: a row marked done names a record complete on disk, and a
 * kill loses at most records written but not yet committed (replayed) and
 * captures not yet written (their URLs are still queued: fetched again).
 * At most QUEUE_BYTES of captures are out; beyond that the loop waits for
 * the writer. A stop (or the end) waits for every capture to be recorded.
 *
 * A failed URL stays failed (also when found again) until a run with
 * retry_failed. NEEDSWORK: robots-blocked URLs are not checked again when
 * robots.txt changes;
 * feed/sitemap lastmod dates do not requeue changed articles (use
 * recrawl); robots.txt files are cached in the database but not archived.
 */
#include "crawler/crawl.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/http.h"
#include "crawler/base/url.h"
#include "crawler/base/warc.h"
#include "crawler/crawldb.h"
#include "crawler/feed.h"
#include "crawler/links.h"
#include "crawler/robots.h"
#include "crawler/sources.h"
#include "crawler/warcq.h"

#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define COMMIT_EVERY 50        /* results per transaction */
#define COMMIT_SECONDS 1.0     /* or this much time */
#define STOP_GRACE 2.0         /* seconds given to transfers after *stop */
#define HEAD_MAX (256u * 1024) /* response header block cap */
#define HUB_MAX_DEPTH 5        /* sitemap index / feed paging nesting */
#define MARK_KEY "warc_mark"
#define QUEUE_BYTES (16u * 1024 * 1024) /* captures handed to the WARC
					  writer and not yet recorded */
#define KEEP_BYTES (1024u * 1024) /* larger buffers of a recycled capture
				     are freed */

enum rstate {
	R_NONE = 0,     /* robots.txt not known yet */
	R_FETCHING,     /* being fetched */
	R_READY,        /* h->robots is set */
	R_DEFER,        /* unreachable: the host's URLs stay queued */
	R_REFUSED       /* private address not named: URLs fail */
};

struct job {
	char *url;               /* canonical URL */
	struct host *h;          /* its host */
	int kind;                /* enum crawldb_kind */
	int depth;               /* link depth */
	int hops;                /* redirects that led here */
	int attempts;            /* failed attempts so far */
	double not_before;       /* monotonic time before which not to try */
};

struct host {
	char *key;               /* "scheme://name:port" */
	char *name;              /* lowercase host name */
	const struct source_outlet *outlet; /* borrowed, or NULL */
	int allow_private;       /* named in a seed or the sources */
	struct job **q;          /* ring buffer of waiting jobs */
	size_t qhead, qn, qcap;
	unsigned inflight;       /* transfers running */
	double next_at;          /* monotonic time of the next allowed start */
	double delay;            /* seconds between requests */
	enum rstate rstate;
	struct robots *robots;   /* when R_READY */
	char *robots_url;        /* current robots.txt URL (after redirects) */
	int robots_hops;         /* redirects followed for robots.txt */
	int robots_attempts;     /* failed robots.txt fetches */
	double robots_not_before;/* retry time of robots.txt */
	char *refused;           /* why the host is R_REFUSED, or NULL */
	struct host *hnext;      /* hash chain */
};

struct xfer {
	CURL *easy;
	struct crawl *c;
	struct host *h;
	struct job *job;         /* NULL for robots.txt */
	struct buf body;         /* decoded body */
	struct buf head;         /* response header block */
	struct buf req;          /* request header block as sent */
	struct curl_slist *hdrs; /* extra request headers */
	int too_big;             /* body passed its cap */
	int refused;             /* a private address was refused */
	int in_multi;            /* added to the multi handle */
	char errbuf[CURL_ERROR_SIZE];
	struct xfer *next;       /* free list */
};

/* A fetch handed to the WARC writer thread, with what recording it in the
 * database needs once it is written. */
struct capture {
	struct warcq_job wj;     /* wj.cap points into the buffers below */
	struct buf body;         /* the body (taken over from the transfer) */
	struct buf req;          /* request header block */
	struct buf head;         /* response header block as stored */
	struct buf str;          /* NUL-terminated strings, at the offsets: */
	size_t url, ip, ctype, etag, lm, loc, pdig, pdate, pid; /* or NONE */
	int kind, depth, hops;   /* of the job */
	long status;             /* HTTP status */
	size_t bytes;            /* counted against QUEUE_BYTES */
	struct capture *next;    /* free list */
};

#define NONE ((size_t)-1)

struct crawl {
	const struct crawl_opts *o;
	struct crawl_stats *st;
	struct crawldb *db;
	struct warc_writer *w;
	struct warcq *q;         /* the writer thread, owns w while it runs */
	struct capture *free_cap;/* recycled captures */
	size_t qbytes;           /* bytes of the captures out */
	CURLM *multi;
	struct curl_slist *resolve;
	struct host **htab;      /* hash table of hosts */
	size_t hcap;
	struct host **hosts;     /* all hosts, creation order */
	size_t nhosts, hosts_cap;
	char **allow;            /* host names allowed to be private */
	size_t nallow, allow_cap;
	struct xfer *free_x;     /* recycled transfers */
	struct xfer **all;       /* every transfer made, for the cleanup */
	size_t nall, all_cap;
	unsigned inflight;       /* transfers running */
	unsigned long long started;   /* page/feed/sitemap fetches started */
	unsigned long long deferred;  /* URLs left queued (robots.txt down) */
	unsigned pending;        /* results since the last commit */
	double last_commit;      /* monotonic time */
	double t0;               /* start */
	struct buf mark;         /* "basename\toffset" of the last record */
	int mark_dirty;          /* mark changed since the last commit */
	struct buf tmp;          /* scratch: URLs */
	struct buf tmp2;         /* scratch: host keys */
	struct buf msg;          /* scratch: messages */
	struct buf *err;         /* the caller's */
	int fatal;               /* a database or WARC error happened */
};

static double
now_mono(void)
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

static void
event(struct crawl *c, enum crawl_event ev, const char *url,
      const char *detail)
{
	if (c->o->on_event)
		c->o->on_event(c->o->ctx, ev, url, detail);
}

/* A database or WARC error: reported once, the crawl stops. */
static int
fatal(struct crawl *c, int rc, struct buf *why)
{
	if (!c->fatal) {
		c->fatal = rc;
		if (c->err && why && why->len)
			buf_add(c->err, why->p, why->len);
		event(c, CRAWL_EV_FATAL, NULL, why ? why->p : "");
	}
	return rc;
}

static int
db_check(struct crawl *c, int rc)
{
	if (rc < 0)
		fatal(c, rc, &c->msg);
	return rc;
}

/* ---- Hosts. */

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int
name_allowed(const struct crawl *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nallow; i++)
		if (strcmp(c->allow[i], name) == 0)
			return 1;
	return 0;
}

static void
allow_name(struct crawl *c, const char *url)
{
	struct buf h = BUF_INIT;

	if (url_host(url, &h, NULL) == 0 && !name_allowed(c, h.p)) {
		pt_xgrow((void **)&c->allow, &c->allow_cap, c->nallow + 1,
			 sizeof(*c->allow));
		c->allow[c->nallow++] = buf_detach(&h, NULL);
	}
	buf_release(&h);
}

static void
htab_insert(struct crawl *c, struct host *h)
{
	size_t i = (size_t)(hash_str(h->key) & (c->hcap - 1));

	h->hnext = c->htab[i];
	c->htab[i] = h;
}

/* The host of canonical `url`, created on first use; NULL for a URL
 * without a host key (cannot happen for canonical URLs). */
static struct host *
host_get(struct crawl *c, const char *url)
{
	struct host *h;
	size_t i;

	buf_reset(&c->tmp2);
	if (url_host_key(url, &c->tmp2, NULL))
		return NULL;
	if (c->hcap) {
		i = (size_t)(hash_str(c->tmp2.p) & (c->hcap - 1));
		for (h = c->htab[i]; h; h = h->hnext)
			if (strcmp(h->key, c->tmp2.p) == 0)
				return h;
	}
	if (c->nhosts + 1 > c->hcap / 2) {
		size_t k, ncap = c->hcap ? c->hcap * 2 : 64;

		free(c->htab);
		c->htab = pt_xcalloc(ncap, sizeof(*c->htab));
		c->hcap = ncap;
		for (k = 0; k < c->nhosts; k++)
			htab_insert(c, c->hosts[k]);
	}
	h = pt_xcalloc(1, sizeof(*h));
	h->key = pt_xstrdup(c->tmp2.p);
	buf_reset(&c->tmp2);
	url_host(url, &c->tmp2, NULL);
	h->name = pt_xstrdup(c->tmp2.p);
	h->outlet = c->o->sources ? sources_find_host(c->o->sources, h->name)
				  : NULL;
	h->allow_private = name_allowed(c, h->name);
	h->delay = h->outlet && h->outlet->delay >= 0 ? h->outlet->delay
						      : c->o->delay;
	if (!h->allow_private && url_is_private_host(h->name))
		h->rstate = R_REFUSED;
	htab_insert(c, h);
	pt_xgrow((void **)&c->hosts, &c->hosts_cap, c->nhosts + 1,
		 sizeof(*c->hosts));
	c->hosts[c->nhosts++] = h;
	return h;
}

static void
q_grow(struct host *h)
{
	struct job **nq;
	size_t i, ncap = h->qcap ? h->qcap * 2 : 16;

	nq = pt_xmalloc(ncap * sizeof(*nq));
	for (i = 0; i < h->qn; i++)
		nq[i] = h->q[(h->qhead + i) % h->qcap];
	free(h->q);
	h->q = nq;
	h->qcap = ncap;
	h->qhead = 0;
}

static void
q_push(struct host *h, struct job *j, int front)
{
	if (h->qn == h->qcap)
		q_grow(h);
	if (front) {
		h->qhead = (h->qhead + h->qcap - 1) % h->qcap;
		h->q[h->qhead] = j;
	} else {
		h->q[(h->qhead + h->qn) % h->qcap] = j;
	}
	h->qn++;
}

static struct job *
q_pop(struct host *h)
{
	struct job *j;

	if (!h->qn)
		return NULL;
	j = h->q[h->qhead];
	h->qhead = (h->qhead + 1) % h->qcap;
	h->qn--;
	return j;
}

static void
job_free(struct job *j)
{
	if (j) {
		free(j->url);
		free(j);
	}
}

static void
enqueue(struct crawl *c, const char *url, int kind, int depth, int hops,
	int attempts)
{
	struct host *h = host_get(c, url);
	struct job *j;

	if (!h)
		return;
	j = pt_xcalloc(1, sizeof(*j));
	j->url = pt_xstrdup(url);
	j->h = h;
	j->kind = kind;
	j->depth = depth;
	j->hops = hops;
	j->attempts = attempts;
	q_push(h, j, 0);
	c->st->queued++;
}

/* Adds canonical `url` to the database and, when that queued it, to the
 * in-memory queue. 1 queued, 0 known, <0 database error. */
static int
add_url(struct crawl *c, const char *url, int kind, int depth, int hops,
	int seed, int requeue)
{
	int rc;

	buf_reset(&c->tmp2);
	if (url_host_key(url, &c->tmp2, NULL))
		return 0;
	if (crawldb_begin(c->db, &c->msg))
		return db_check(c, PT_EDB);
	rc = crawldb_add(c->db, url, c->tmp2.p, kind, depth, hops, seed,
			 requeue, (int)c->o->max_attempts, &c->msg);
	if (rc < 0)
		return db_check(c, rc);
	if (rc == 1)
		enqueue(c, url, kind, depth, hops, 0);
	return rc;
}

/* ---- Committing. */

static int
commit(struct crawl *c)
{
	int rc = 0;

	if (!crawldb_in_tx(c->db))
		return 0;
	if (c->mark_dirty)
		rc = crawldb_meta_put(c->db, MARK_KEY, c->mark.p, &c->msg);
	if (rc == 0)
		rc = crawldb_commit(c->db, &c->msg);
	c->mark_dirty = 0;
	c->pending = 0;
	c->last_commit = now_mono();
	return db_check(c, rc);
}

static void
result_done(struct crawl *c)
{
	c->pending++;
	if (c->pending >= COMMIT_EVERY ||
	    now_mono() - c->last_commit >= COMMIT_SECONDS)
		commit(c);
}

static void
set_mark(struct crawl *c, const char *path, unsigned long long off)
{
	const char *base = strrchr(path, '/');

	buf_reset(&c->mark);
	buf_addf(&c->mark, "%s\t%llu", base ? base + 1 : path, off);
	c->mark_dirty = 1;
}

/* ---- Processing what was fetched (live and replayed). */

struct link_ctx {
	struct crawl *c;
	const char *page_host;      /* host name of the page */
	const struct source_outlet *outlet;
	int depth;                  /* of the links */
	struct buf host;            /* scratch */
};

static int
on_link(void *ctx, const char *url)
{
	struct link_ctx *l = ctx;

	buf_reset(&l->host);
	if (url_host(url, &l->host, NULL) || strcmp(l->host.p, l->page_host))
		return 0;
	if (l->outlet && !sources_is_article(l->outlet, url))
		return 0;
	return add_url(l->c, url, CRAWLDB_PAGE, l->depth, 0, 0, 0) < 0;
}

static void
process_feed(struct crawl *c, const char *url, int depth, const char *body,
	     size_t len)
{
	struct feed f;
	size_t i;
	int rc;

	feed_init(&f);
	buf_reset(&c->msg);
	rc = feed_parse(&f, body, len, url, &c->msg);
	if (rc && c->msg.len)
		event(c, CRAWL_EV_WARN, url, c->msg.p);
	for (i = 0; i < f.n && !c->fatal; i++) {
		const struct feed_entry *e = &f.entries[i];
		const struct source_outlet *o = NULL;

		if (e->kind == FEED_KIND_ARTICLE) {
			buf_reset(&c->tmp);
			if (c->o->sources && url_host(e->url, &c->tmp, NULL) == 0)
				o = sources_find_host(c->o->sources, c->tmp.p);
			if (o && !sources_is_article(o, e->url))
				continue;
			add_url(c, e->url, CRAWLDB_PAGE, depth + 1, 0, 0, 0);
		} else if (depth < HUB_MAX_DEPTH) {
			add_url(c, e->url, e->kind == FEED_KIND_SITEMAP ?
				CRAWLDB_SITEMAP : CRAWLDB_FEED, depth + 1, 0,
				1, 0);
		}
	}
	feed_release(&f);
}

/* Feeds and sitemaps give entries; HTML pages above the depth limit give
 * links. */
static void
process_body(struct crawl *c, const char *url, int kind, int depth,
	     const char *ctype, const char *body, size_t len)
{
	enum feed_sniff sn;

	if (!len)
		return;
	if (kind == CRAWLDB_PAGE && depth >= c->o->max_depth &&
	    (!ctype || strncasecmp(ctype, "text/html", 9) == 0))
		return; /* an article: nothing to follow, skip parsing */
	sn = feed_sniff(ctype, body, len);
	if (kind != CRAWLDB_PAGE || sn == FEED_SNIFF_FEED ||
	    sn == FEED_SNIFF_SITEMAP) {
		process_feed(c, url, depth, body, len);
	} else if (sn == FEED_SNIFF_HTML && depth < c->o->max_depth) {
		struct link_ctx l;
		struct buf hn = BUF_INIT;

		if (url_host(url, &hn, NULL) == 0) {
			l.c = c;
			l.page_host = hn.p;
			l.outlet = c->o->sources ?
				   sources_find_host(c->o->sources, hn.p) : NULL;
			l.depth = depth + 1;
			buf_init(&l.host, URL_MAX_LEN);
			links_extract(body, len, url, on_link, &l);
			buf_release(&l.host);
		}
		buf_release(&hn);
	}
}

/* Handles the Location of a 3xx answer of `url`. Appends a note to
 * c->msg when the target is refused. */
static void
follow_redirect(struct crawl *c, const char *url, int kind, int depth,
		int hops, const char *location)
{
	struct buf t = BUF_INIT;
	int rc;

	buf_init(&t, URL_MAX_LEN);
	rc = url_canonicalize(location, url, &t, NULL);
	if (rc == PT_EUNSUP) {
		buf_addf(&c->msg, "redirect to '%s' refused: not http or "
			 "https", location);
	} else if (rc) {
		buf_addf(&c->msg, "bad redirect target '%s'", location);
	} else if (hops + 1 > CRAWL_MAX_HOPS) {
		buf_reset(&c->tmp2);
		if (url_host_key(t.p, &c->tmp2, NULL) == 0 &&
		    crawldb_add(c->db, t.p, c->tmp2.p, kind, depth, hops + 1,
				0, 0, 0, &c->msg) == 1 &&
		    crawldb_mark_attempt(c->db, t.p, "too many redirects "
					 "(more than 5)", 1, &c->msg) == 0) {
			c->st->failed++;
			event(c, CRAWL_EV_FAILED, t.p, "too many redirects "
			      "(more than 5)");
		}
	} else {
		add_url(c, t.p, kind, depth, hops + 1, kind != CRAWLDB_PAGE,
			0);
	}
	buf_release(&t);
}

/* ---- Replay of WARC records written after the mark. */

static int
replay_record(struct crawl *c, const struct warc_record *rec)
{
	struct crawldb_url u;
	struct crawldb_result r;
	struct buf etag = BUF_INIT, lm = BUF_INIT, loc = BUF_INIT;
	const char *head = rec->block;
	const char *end = rec->block ? strstr(rec->block, "\r\n\r\n") : NULL;
	size_t hlen = end ? (size_t)(end - head) + 2 : 0;
	int revisit = strcmp(rec->type, "revisit") == 0, kind, depth, hops;
	int rc;
	char *url = pt_xstrdup(rec->target_uri);

	rc = crawldb_get(c->db, url, &u, &c->msg);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		buf_reset(&c->tmp2);
		if (url_host_key(url, &c->tmp2, NULL)) {
			rc = 0;
			goto out;
		}
		rc = crawldb_add(c->db, url, c->tmp2.p, CRAWLDB_PAGE,
				 c->o->max_depth, 0, 0, 0, 0, &c->msg);
		if (rc < 0)
			goto out;
		kind = CRAWLDB_PAGE;
		depth = c->o->max_depth;
		hops = 0;
	} else {
		kind = u.kind;
		depth = u.depth;
		hops = u.hops;
	}
	http_header_value(head, hlen, "ETag", &etag);
	http_header_value(head, hlen, "Last-Modified", &lm);
	memset(&r, 0, sizeof(r));
	r.http_status = rec->http_status;
	r.etag = etag.len ? etag.p : NULL;
	r.last_modified = lm.len ? lm.p : NULL;
	r.payload_digest = rec->payload_digest ? rec->payload_digest : "";
	r.record_id = revisit ? NULL : rec->record_id;
	r.warc_date = revisit ? NULL : rec->date;
	r.when = time(NULL);
	buf_reset(&c->msg);
	if (rec->http_status >= 300 && rec->http_status < 400 &&
	    http_header_value(head, hlen, "Location", &loc)) {
		r.redirect = loc.p;
		follow_redirect(c, url, kind, depth, hops, loc.p);
		if (c->msg.len)
			r.reason = c->msg.p;
	}
	rc = crawldb_mark_done(c->db, url, &r, &c->msg);
	if (rc == 0 && !revisit && rec->http_status >= 200 &&
	    rec->http_status < 300)
		process_body(c, url, kind, depth, rec->http_content_type,
			     rec->payload, rec->payload_len);
	c->st->recovered++;
out:
	free(url);
	buf_release(&etag);
	buf_release(&lm);
	buf_release(&loc);
	return rc < 0 ? rc : 0;
}

static int
replay_file(struct crawl *c, const char *path, unsigned long long from)
{
	FILE *fp = fopen(path, "rb");
	struct warc_reader *r;
	struct warc_record rec;
	struct buf e = BUF_INIT;
	int rc = 0, n;

	if (!fp)
		return 0;
	if (from && fseeko(fp, (off_t)from, SEEK_SET)) {
		fclose(fp);
		return 0;
	}
	r = warc_reader_new(fp, path);
	for (;;) {
		buf_reset(&e);
		n = warc_reader_next(r, &rec, &e);
		if (n == 0)
			break;
		if (n < 0)
			continue; /* a torn last record, or junk: resync */
		if (from && rec.number == 1)
			continue; /* the mark record itself is committed */
		if ((strcmp(rec.type, "response") == 0 ||
		     strcmp(rec.type, "revisit") == 0) && rec.target_uri) {
			rc = replay_record(c, &rec);
			if (rc)
				break;
		}
	}
	warc_reader_free(r);
	fclose(fp);
	buf_release(&e);
	return rc;
}

/* Replays the WARC records of c->o->warc_dir written after the mark. */
static int
recover(struct crawl *c)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	struct buf mark = BUF_INIT;
	char **files = NULL, *tab;
	size_t n = 0, i;
	unsigned long long off = 0;
	int rc;

	rc = crawldb_meta_get(c->db, MARK_KEY, &mark, &c->msg);
	if (rc < 0)
		return db_check(c, rc);
	tab = strchr(mark.p, '\t');
	if (tab) {
		*tab = '\0';
		off = strtoull(tab + 1, NULL, 10);
	}
	if (fileio_list(c->o->warc_dir, exts, &files, &n, NULL)) {
		buf_release(&mark);
		return 0; /* no directory yet: nothing to replay */
	}
	for (i = 0; i < n && rc >= 0; i++) {
		const char *base = strrchr(files[i], '/');
		int cmp;

		base = base ? base + 1 : files[i];
		cmp = mark.len ? strcmp(base, mark.p) : 1;
		if (cmp < 0)
			continue;
		rc = replay_file(c, files[i], cmp == 0 ? off : 0);
	}
	fileio_list_free(files, n);
	buf_release(&mark);
	return db_check(c, rc < 0 ? rc : 0);
}

/* ---- Transfers. */

static size_t
on_body(char *p, size_t sz, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = sz * n;

	if (buf_add(&x->body, p, len)) {
		if (!x->job) /* robots.txt: keep what fits, stop there */
			buf_add(&x->body, p, x->body.max - x->body.len);
		x->too_big = 1;
		return 0;
	}
	return len;
}

static size_t
on_header(char *p, size_t sz, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = sz * n;

	if (len >= 5 && memcmp(p, "HTTP/", 5) == 0)
		buf_reset(&x->head); /* a new response (after a 1xx) */
	if (buf_add(&x->head, p, len))
		return 0;
	return len;
}

static int
on_debug(CURL *e, curl_infotype type, char *p, size_t n, void *ud)
{
	struct xfer *x = ud;

	(void)e;
	if (type == CURLINFO_HEADER_OUT) {
		buf_reset(&x->req);
		buf_add(&x->req, p, n);
	}
	return 0;
}

static curl_socket_t
on_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct xfer *x = ud;
	enum url_addr k;

	if (purpose == CURLSOCKTYPE_IPCXN && !x->h->allow_private) {
		k = url_addr_classify_sa(&a->addr);
		if (k != URL_ADDR_PUBLIC && k != URL_ADDR_NAME) {
			x->refused = 1;
			return CURL_SOCKET_BAD;
		}
	}
	return socket(a->family, a->socktype, a->protocol);
}

static struct xfer *
xfer_get(struct crawl *c, struct host *h, struct job *j, const char *url)
{
	struct xfer *x = c->free_x;
	const struct crawl_opts *o = c->o;
	CURL *e;

	if (x) {
		c->free_x = x->next;
		curl_easy_reset(x->easy);
	} else {
		x = pt_xcalloc(1, sizeof(*x));
		x->easy = curl_easy_init();
		if (!x->easy)
			pt_xmalloc((size_t)-1);
		buf_init(&x->body, 0);
		buf_init(&x->head, HEAD_MAX);
		buf_init(&x->req, HEAD_MAX);
		pt_xgrow((void **)&c->all, &c->all_cap, c->nall + 1,
			 sizeof(*c->all));
		c->all[c->nall++] = x;
	}
	x->c = c;
	x->h = h;
	x->job = j;
	x->too_big = x->refused = 0;
	x->errbuf[0] = '\0';
	x->next = NULL;
	buf_reset(&x->body);
	buf_reset(&x->head);
	buf_reset(&x->req);
	x->body.max = j ? (size_t)o->max_size : ROBOTS_MAX_BYTES;
	e = x->easy;
	curl_easy_setopt(e, CURLOPT_URL, url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(e, CURLOPT_DEBUGDATA, x);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_socket);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_USERAGENT, o->user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION,
			 (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_PROXY, "");
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(o->timeout * 1000));
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
			 (long)(o->connect_timeout * 1000));
	if (j)
		curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
				 (curl_off_t)x->body.max);
	if (c->resolve)
		curl_easy_setopt(e, CURLOPT_RESOLVE, c->resolve);
	curl_slist_free_all(x->hdrs);
	x->hdrs = curl_slist_append(NULL, j ?
		"Accept: text/html,application/xhtml+xml,application/xml;"
		"q=0.9,*/*;q=0.8" : "Accept: text/plain,*/*;q=0.8");
	return x;
}

static void
xfer_put(struct crawl *c, struct xfer *x)
{
	curl_multi_remove_handle(c->multi, x->easy);
	x->in_multi = 0;
	x->job = NULL;
	x->next = c->free_x;
	c->free_x = x;
	if (x->h->inflight)
		x->h->inflight--;
	c->inflight--;
}

static void
xfer_destroy(struct xfer *x)
{
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->hdrs);
	buf_release(&x->body);
	buf_release(&x->head);
	buf_release(&x->req);
	free(x);
}

static void
xfer_start(struct crawl *c, struct xfer *x)
{
	curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->hdrs);
	curl_multi_add_handle(c->multi, x->easy);
	x->in_multi = 1;
	x->h->inflight++;
	c->inflight++;
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
	x = xfer_get(c, h, NULL, h->robots_url);
	h->rstate = R_FETCHING;
	xfer_start(c, x);
}

static void
start_job(struct crawl *c, struct host *h, struct job *j)
{
	struct crawldb_url u;
	struct xfer *x = xfer_get(c, h, j, j->url);
	int rc;

	rc = crawldb_get(c->db, j->url, &u, &c->msg);
	if (rc < 0) {
		db_check(c, rc);
	} else if (rc == 1 && u.payload_digest) {
		/* Conditional GET against the stored capture. */
		if (u.etag) {
			buf_reset(&c->tmp);
			buf_addf(&c->tmp, "If-None-Match: %s", u.etag);
			x->hdrs = curl_slist_append(x->hdrs, c->tmp.p);
		}
		if (u.last_modified) {
			buf_reset(&c->tmp);
			buf_addf(&c->tmp, "If-Modified-Since: %s",
				 u.last_modified);
			x->hdrs = curl_slist_append(x->hdrs, c->tmp.p);
		}
	}
	c->started++;
	xfer_start(c, x);
}

/* Sets up h->robots from a fetch outcome (or the cache) and queues the
 * Sitemap lines of outlet hosts. */
static void
robots_ready(struct crawl *c, struct host *h, int status, const char *txt,
	     size_t len)
{
	size_t i, n;
	double cd;

	robots_free(h->robots);
	h->robots = robots_new_for_status(status, txt, len,
					  c->o->robots_token);
	h->rstate = R_READY;
	cd = robots_crawl_delay(h->robots);
	if (cd > CRAWL_MAX_DELAY)
		cd = CRAWL_MAX_DELAY;
	if (cd > h->delay)
		h->delay = cd;
	if (!h->outlet)
		return;
	n = robots_sitemap_count(h->robots);
	for (i = 0; i < n && !c->fatal; i++) {
		buf_reset(&c->tmp);
		if (url_canonicalize(robots_sitemap(h->robots, i), h->key,
				     &c->tmp, NULL) == 0) {
			char *u = pt_xstrdup(c->tmp.p);

			add_url(c, u, CRAWLDB_SITEMAP, 0, 0, 1, 0);
			free(u);
		}
	}
}

/* The host's queued jobs: dropped from memory (they stay queued in the
 * database) or failed for good. */
static void
host_drain(struct crawl *c, struct host *h, const char *why)
{
	char *fail_reason = why ? pt_xstrdup(why) : NULL;
	struct job *j;

	while ((j = q_pop(h)) != NULL) {
		c->st->queued--;
		if (fail_reason) {
			if (crawldb_begin(c->db, &c->msg) == 0 &&
			    crawldb_mark_attempt(c->db, j->url, fail_reason, 1,
						 &c->msg) == 0) {
				c->st->failed++;
				event(c, CRAWL_EV_FAILED, j->url, fail_reason);
			} else {
				db_check(c, PT_EDB);
			}
			result_done(c);
		} else {
			c->deferred++;
		}
		job_free(j);
	}
	free(fail_reason);
}

static int
retryable_curl(CURLcode res)
{
	switch (res) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_SSL_CONNECT_ERROR:
		return 1;
	default:
		return 0;
	}
}

/* Describes a transfer failure into c->msg. */
static void
describe_failure(struct crawl *c, struct xfer *x, CURLcode res)
{
	buf_reset(&c->msg);
	if (x->refused)
		buf_addf(&c->msg, "refused to connect: '%s' resolves to a "
			 "loopback, private or link-local address",
			 x->h->name);
	else if (x->too_big || res == CURLE_FILESIZE_EXCEEDED)
		buf_addf(&c->msg, "body larger than %zu bytes", x->body.max);
	else
		buf_addf(&c->msg, "%s", x->errbuf[0] ? x->errbuf
						     : curl_easy_strerror(res));
	/* curl's messages start with a capital; ours do not. */
	if (c->msg.len > 1 && c->msg.p[0] >= 'A' && c->msg.p[0] <= 'Z' &&
	    !(c->msg.p[1] >= 'A' && c->msg.p[1] <= 'Z'))
		c->msg.p[0] = (char)(c->msg.p[0] - 'A' + 'a');
}

static void
robots_done(struct crawl *c, struct xfer *x, CURLcode res)
{
	struct host *h = x->h;
	long status = 0;
	time_t now = time(NULL);

	if (res == CURLE_OK || (x->too_big && res == CURLE_WRITE_ERROR))
		curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
	if (status >= 300 && status < 400) {
		struct buf loc = BUF_INIT, t = BUF_INIT;

		if (h->robots_hops < CRAWL_MAX_HOPS &&
		    http_header_value(x->head.p, x->head.len, "Location", &loc) &&
		    url_canonicalize(loc.p, h->robots_url, &t, NULL) == 0) {
			free(h->robots_url);
			h->robots_url = buf_detach(&t, NULL);
			h->robots_hops++;
			h->rstate = R_NONE; /* fetch the target next */
		} else {
			robots_ready(c, h, (int)status, NULL, 0);
		}
		buf_release(&loc);
		buf_release(&t);
		return;
	}
	if (status >= 200 && status < 500 && status != 429) {
		if (crawldb_begin(c->db, &c->msg) ||
		    crawldb_robots_put(c->db, h->key, now, (int)status,
				       x->body.p, x->body.len, &c->msg))
			db_check(c, PT_EDB);
		robots_ready(c, h, (int)status, x->body.p, x->body.len);
		return;
	}
	if (x->refused) {
		describe_failure(c, x, res);
		free(h->refused);
		h->refused = pt_xstrdup(c->msg.p);
		h->rstate = R_REFUSED;
		return;
	}
	/* 429, 5xx or unreachable: disallow for now; try again later. */
	buf_reset(&c->msg);
	if (status)
		buf_addf(&c->msg, "robots.txt answered HTTP %ld", status);
	else
		buf_addf(&c->msg, "robots.txt unreachable: %s",
			 x->errbuf[0] ? x->errbuf : curl_easy_strerror(res));
	h->robots_attempts++;
	if ((unsigned)h->robots_attempts < c->o->max_attempts &&
	    (status >= 500 || status == 429 || retryable_curl(res))) {
		h->rstate = R_NONE;
		h->robots_not_before = now_mono() + c->o->retry_wait *
			pow(2.0, h->robots_attempts - 1);
		event(c, CRAWL_EV_RETRY, h->robots_url, c->msg.p);
		return;
	}
	buf_addf(&c->msg, "; %zu URLs of '%s' left queued for a later run",
		 h->qn, h->key);
	event(c, CRAWL_EV_WARN, h->robots_url, c->msg.p);
	h->rstate = R_DEFER;
	host_drain(c, h, NULL);
}

/* Records a failed attempt of x->job: queued again with backoff, or failed
 * for good. `hint` is a Retry-After in seconds (or < 0). */
static void
job_failed(struct crawl *c, struct xfer *x, const char *why, int retry,
	   double hint)
{
	struct job *j = x->job;
	char *reason = pt_xstrdup(why);
	double wait;
	int final;

	j->attempts++;
	final = !retry || (unsigned)j->attempts >= c->o->max_attempts;
	if (crawldb_begin(c->db, &c->msg) == 0 &&
	    crawldb_mark_attempt(c->db, j->url, reason, final, &c->msg) != 0)
		db_check(c, PT_EDB);
	if (final) {
		c->st->failed++;
		event(c, CRAWL_EV_FAILED, j->url, reason);
		job_free(j);
	} else {
		wait = c->o->retry_wait * pow(2.0, j->attempts - 1);
		if (hint > wait)
			wait = hint;
		if (wait > c->o->max_retry_wait)
			wait = c->o->max_retry_wait;
		j->not_before = now_mono() + wait;
		if (hint >= 0 && x->h->next_at < j->not_before)
			x->h->next_at = j->not_before; /* the host asked */
		c->st->retries++;
		event(c, CRAWL_EV_RETRY, j->url, reason);
		q_push(x->h, j, 0);
		c->st->queued++;
	}
	x->job = NULL;
	free(reason);
	result_done(c);
}

/* A 304 answer: nothing written, the row updated. */
static void
not_modified(struct crawl *c, struct xfer *x)
{
	struct job *j = x->job;
	struct crawldb_result r;
	struct buf etag = BUF_INIT, lm = BUF_INIT;
	int rc;

	http_header_value(x->head.p, x->head.len, "ETag", &etag);
	http_header_value(x->head.p, x->head.len, "Last-Modified", &lm);
	if (crawldb_begin(c->db, &c->msg))
		db_check(c, PT_EDB);
	memset(&r, 0, sizeof(r));
	r.http_status = 304;
	r.etag = etag.len ? etag.p : NULL;
	r.last_modified = lm.len ? lm.p : NULL;
	r.when = time(NULL);
	c->st->not_modified++;
	rc = crawldb_mark_done(c->db, j->url, &r, &c->msg);
	if (rc < 0)
		db_check(c, rc);
	buf_release(&etag);
	buf_release(&lm);
	job_free(j);
	x->job = NULL;
	result_done(c);
}

/* Builds in `out` the response header block as stored: libcurl has
 * removed the transfer and content codings, so Content-Encoding and
 * Transfer-Encoding are kept as X-Crawler-* and Content-Length is the
 * stored body's (the original kept as X-Crawler-Content-Length). */
static void
rewrite_head(struct buf *out, const struct buf *head, size_t body_len)
{
	const char *p = head->p, *e = head->p + head->len;
	int coded = 0, had_cl = 0, cl_ok = 1;

	buf_reset(out);
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(e - p);
		size_t k = ll;

		if (k && p[k - 1] == '\r')
			k--;
		if (k == 0)
			break; /* the blank line */
		if (k > 17 && strncasecmp(p, "Content-Encoding:", 17) == 0) {
			coded = 1;
			buf_adds(out, "X-Crawler-");
		} else if (k > 18 &&
			   strncasecmp(p, "Transfer-Encoding:", 18) == 0) {
			coded = 1;
			buf_adds(out, "X-Crawler-");
		} else if (k > 15 &&
			   strncasecmp(p, "Content-Length:", 15) == 0) {
			had_cl = 1;
			cl_ok = strtoull(p + 15, NULL, 10) == body_len;
			if (!cl_ok)
				buf_adds(out, "X-Crawler-");
		}
		buf_add(out, p, k);
		buf_adds(out, "\r\n");
		p += ll + 1;
	}
	if ((coded && (!had_cl || !cl_ok)) || (had_cl && !cl_ok))
		buf_addf(out, "Content-Length: %zu\r\n", body_len);
	buf_adds(out, "\r\n");
}

/* ---- Captures handed to the WARC writer thread. */

/* Appends s and its NUL to b; its offset, or NONE for NULL. */
static size_t
str_add(struct buf *b, const char *s)
{
	size_t off = b->len;

	if (!s)
		return NONE;
	buf_adds(b, s);
	buf_addc(b, '\0');
	return off;
}

/* Appends the value of header `name` of `head`; its offset, or NONE. */
static size_t
str_header(struct buf *b, const struct buf *head, const char *name)
{
	size_t off = b->len;

	if (!http_header_value(head->p, head->len, name, b))
		return NONE;
	buf_addc(b, '\0');
	return off;
}

static const char *
str_at(const struct capture *p, size_t off)
{
	return off == NONE ? NULL : p->str.p + off;
}

/* NULL for an empty string. */
static const char *
nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

static struct capture *
capture_get(struct crawl *c)
{
	struct capture *p = c->free_cap;

	if (p) {
		c->free_cap = p->next;
	} else {
		p = pt_xcalloc(1, sizeof(*p));
		warcq_job_init(&p->wj);
		buf_init(&p->body, 0);
		buf_init(&p->req, 0);
		buf_init(&p->head, 0);
		buf_init(&p->str, 0);
	}
	p->wj.ud = p;
	p->next = NULL;
	buf_reset(&p->body);
	buf_reset(&p->req);
	buf_reset(&p->head);
	buf_reset(&p->str);
	return p;
}

static void
capture_put(struct crawl *c, struct capture *p)
{
	c->qbytes -= p->bytes;
	p->bytes = 0;
	if (p->body.cap > KEEP_BYTES)
		buf_release(&p->body);
	p->next = c->free_cap;
	c->free_cap = p;
}

static void
capture_destroy(struct capture *p)
{
	warcq_job_release(&p->wj);
	buf_release(&p->body);
	buf_release(&p->req);
	buf_release(&p->head);
	buf_release(&p->str);
	free(p);
}

/* Records a capture the writer has finished: the row is marked done
 * (pointing at the record now complete on disk), the redirect followed,
 * the body's links or entries queued. */
static void
capture_written(struct crawl *c, struct capture *p)
{
	struct warcq_job *wj = &p->wj;
	const struct warc_written *out = &wj->out;
	const char *url = str_at(p, p->url), *loc = str_at(p, p->loc);
	struct crawldb_result r;
	int rc;

	if (wj->rc) {
		/* Not written: the URL stays queued. */
		fatal(c, wj->rc, &wj->err);
		return;
	}
	set_mark(c, out->path, out->offset);
	if (out->revisit)
		c->st->revisits++;
	else
		c->st->stored++;
	if (crawldb_begin(c->db, &c->msg)) {
		db_check(c, PT_EDB);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.http_status = (int)p->status;
	r.etag = nonempty(str_at(p, p->etag));
	r.last_modified = nonempty(str_at(p, p->lm));
	r.when = wj->cap.when;
	r.payload_digest = out->payload_digest;
	r.record_id = out->revisit ? NULL : out->record_id;
	r.warc_date = out->revisit ? NULL : out->date;
	buf_reset(&c->msg);
	if (loc) {
		r.redirect = loc;
		follow_redirect(c, url, p->kind, p->depth, p->hops, loc);
		if (c->msg.len) {
			r.reason = c->msg.p;
			event(c, CRAWL_EV_WARN, url, c->msg.p);
		}
	}
	rc = crawldb_mark_done(c->db, url, &r, &c->msg);
	if (rc == 0 && !out->revisit && p->status < 300)
		process_body(c, url, p->kind, p->depth, str_at(p, p->ctype),
			     p->body.p, p->body.len);
	if (rc < 0)
		db_check(c, rc);
	result_done(c);
}

/* Records the captures the writer has finished; with wait = 1 waits for
 * at least one when some are out. Returns how many were recorded. */
static unsigned
drain(struct crawl *c, int wait)
{
	struct warcq_job *l = warcq_take(c->q, wait), *next;
	unsigned n = 0;

	for (; l; l = next) {
		struct capture *p = l->ud;

		next = l->next;
		capture_written(c, p);
		capture_put(c, p);
		n++;
	}
	return n;
}

/* Hands p to the writer, first waiting while QUEUE_BYTES are out. */
static void
capture_push(struct crawl *c, struct capture *p)
{
	while (c->qbytes && c->qbytes + p->bytes > QUEUE_BYTES)
		drain(c, 1);
	c->qbytes += p->bytes;
	warcq_push(c->q, &p->wj);
}

static void
job_done(struct crawl *c, struct xfer *x, CURLcode res)
{
	struct job *j = x->job;
	struct crawldb_url u;
	struct capture *p;
	struct warc_capture *cap;
	struct buf tmp;
	long status = 0;
	char *ip = NULL, *ctype = NULL;
	curl_off_t ra = -1;
	int rc;

	if (res != CURLE_OK) {
		describe_failure(c, x, res);
		job_failed(c, x, c->msg.p, !x->refused && !x->too_big &&
			   retryable_curl(res), -1);
		return;
	}
	c->st->fetched++;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
	if (status == 429 || status >= 500) {
		curl_easy_getinfo(x->easy, CURLINFO_RETRY_AFTER, &ra);
		buf_reset(&c->msg);
		buf_addf(&c->msg, "HTTP %ld", status);
		job_failed(c, x, c->msg.p, 1,
			   (status == 429 || status == 503) && ra > 0
			   ? (double)ra : -1);
		return;
	}
	if (status >= 400 || status < 200) {
		buf_reset(&c->msg);
		buf_addf(&c->msg, "HTTP %ld", status);
		job_failed(c, x, c->msg.p, 0, -1);
		return;
	}
	c->st->bytes += x->body.len;
	if (status == 304) {
		not_modified(c, x);
		return;
	}
	rc = crawldb_get(c->db, j->url, &u, &c->msg);
	if (rc < 0) {
		db_check(c, rc);
		job_free(j);
		x->job = NULL;
		result_done(c);
		return;
	}
	curl_easy_getinfo(x->easy, CURLINFO_PRIMARY_IP, &ip);
	curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ctype);
	p = capture_get(c);
	p->url = str_add(&p->str, j->url);
	p->ip = str_add(&p->str, ip && *ip ? ip : NULL);
	p->ctype = str_add(&p->str, ctype);
	p->etag = str_header(&p->str, &x->head, "ETag");
	p->lm = str_header(&p->str, &x->head, "Last-Modified");
	p->loc = status >= 300 && status < 400 ?
		 str_header(&p->str, &x->head, "Location") : NONE;
	p->pdig = p->pdate = p->pid = NONE;
	if (rc == 1 && u.payload_digest) {
		p->pdig = str_add(&p->str, u.payload_digest);
		p->pdate = str_add(&p->str, u.warc_date);
		p->pid = str_add(&p->str, u.record_id);
	}
	p->kind = j->kind;
	p->depth = j->depth;
	p->hops = j->hops;
	p->status = status;
	rewrite_head(&p->head, &x->head, x->body.len);
	if (x->req.len)
		buf_add(&p->req, x->req.p, x->req.len);
	else
		buf_addf(&p->req, "GET %s HTTP/1.1\r\n\r\n", j->url);
	/* The body changes hands: no copy. */
	tmp = x->body;
	x->body = p->body;
	p->body = tmp;
	cap = &p->wj.cap;
	memset(cap, 0, sizeof(*cap));
	cap->uri = str_at(p, p->url);
	cap->ip = str_at(p, p->ip);
	cap->when = time(NULL);
	cap->req_head = p->req.p;
	cap->req_head_len = p->req.len;
	cap->resp_head = p->head.p;
	cap->resp_head_len = p->head.len;
	cap->body = p->body.p;
	cap->body_len = p->body.len;
	cap->prev_payload_digest = str_at(p, p->pdig);
	cap->prev_date = str_at(p, p->pdate);
	cap->prev_record_id = str_at(p, p->pid);
	p->bytes = sizeof(*p) + p->body.len + p->head.len + p->req.len +
		   p->str.len;
	job_free(j);
	x->job = NULL;
	capture_push(c, p);
}

static void
handle_done(struct crawl *c, CURLMsg *m)
{
	struct xfer *x = NULL;
	struct host *h;

	curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&x);
	h = x->h;
	if (x->job)
		job_done(c, x, m->data.result);
	else
		robots_done(c, x, m->data.result);
	if (h->next_at < now_mono() + h->delay)
		h->next_at = now_mono() + h->delay;
	xfer_put(c, x);
}

/* ---- The loop. */

static int
load_job(void *ctx, const struct crawldb_url *u)
{
	enqueue(ctx, u->url, u->kind, u->depth, u->hops, u->attempts);
	return 0;
}

static int
room_for_pages(const struct crawl *c)
{
	return !c->o->max_pages || c->started < c->o->max_pages;
}

/* Starts what may start now; returns the time of the next possible start
 * (or now + 1 s). */
static double
dispatch(struct crawl *c, double now)
{
	double next = now + 1.0;
	size_t i;

	for (i = 0; i < c->nhosts && !c->fatal; i++) {
		struct host *h = c->hosts[i];
		struct job *j;
		size_t tries;

		if (!h->qn)
			continue;
		if (h->rstate == R_REFUSED) {
			buf_reset(&c->msg);
			if (h->refused)
				buf_adds(&c->msg, h->refused);
			else
				buf_addf(&c->msg, "refused: '%s' is a loopback, "
					 "private or link-local address",
					 h->name);
			host_drain(c, h, c->msg.p);
			continue;
		}
		if (h->rstate == R_NONE && h->inflight == 0) {
			struct buf body = BUF_INIT;
			int status, rc;

			buf_init(&body, ROBOTS_MAX_BYTES);
			rc = crawldb_robots_get(c->db, h->key,
						time(NULL) - CRAWL_ROBOTS_TTL,
						&status, &body, &c->msg);
			if (rc < 0) {
				db_check(c, rc);
			} else if (rc == 1 && h->robots_hops == 0) {
				robots_ready(c, h, status, body.p, body.len);
			} else if (c->inflight < c->o->max_conns &&
				   now >= h->robots_not_before &&
				   now >= h->next_at) {
				start_robots(c, h);
			} else if (h->robots_not_before > now &&
				   h->robots_not_before < next) {
				next = h->robots_not_before;
			}
			buf_release(&body);
		}
		if (h->rstate != R_READY)
			continue;
		for (tries = h->qn; tries > 0 && h->qn; tries--) {
			if (h->inflight >= c->o->max_per_host ||
			    c->inflight >= c->o->max_conns ||
			    !room_for_pages(c))
				break;
			if (now < h->next_at) {
				if (h->next_at < next)
					next = h->next_at;
				break;
			}
			j = q_pop(h);
			c->st->queued--;
			if (j->not_before > now) {
				/* Waiting for a retry: look at the others. */
				if (j->not_before < next)
					next = j->not_before;
				q_push(h, j, 0);
				c->st->queued++;
				continue;
			}
			if (!robots_allowed_url(h->robots, j->url)) {
				if (crawldb_begin(c->db, &c->msg) ||
				    crawldb_mark_blocked(c->db, j->url,
							 "disallowed by "
							 "robots.txt",
							 &c->msg))
					db_check(c, PT_EDB);
				c->st->blocked++;
				event(c, CRAWL_EV_BLOCKED, j->url,
				      "disallowed by robots.txt");
				job_free(j);
				result_done(c);
				continue;
			}
			start_job(c, h, j);
			if (h->delay > 0)
				h->next_at = now + h->delay;
		}
	}
	return next;
}

/* Prepares the database: seeds and outlets queued, hubs queued again,
 * lost WARC records replayed. */
static int
prepare(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	struct buf u = BUF_INIT;
	size_t i, k;
	int rc = 0;

	buf_init(&u, URL_MAX_LEN);
	if (crawldb_begin(c->db, &c->msg))
		return db_check(c, PT_EDB);
	rc = crawldb_requeue_seeds(c->db, &c->msg);
	if (rc >= 0 && o->recrawl)
		rc = crawldb_requeue_all(c->db, &c->msg);
	if (rc >= 0 && o->retry_failed)
		rc = crawldb_requeue_failed(c->db, &c->msg);
	for (i = 0; o->sources && i < o->sources->n && rc >= 0; i++) {
		const struct source_outlet *out = &o->sources->outlets[i];

		for (k = 0; k < out->feeds.n + out->sitemaps.n && rc >= 0;
		     k++) {
			int feed = k < out->feeds.n;
			const char *s = feed ? out->feeds.v[k]
					     : out->sitemaps.v[k - out->feeds.n];

			buf_reset(&u);
			if (url_canonicalize(s, NULL, &u, NULL))
				continue;
			buf_reset(&c->tmp2);
			url_host_key(u.p, &c->tmp2, NULL);
			rc = crawldb_add(c->db, u.p, c->tmp2.p,
					 feed ? CRAWLDB_FEED : CRAWLDB_SITEMAP,
					 0, 0, 1, 1, (int)o->max_attempts,
					 &c->msg);
		}
	}
	for (i = 0; i < o->nseeds && rc >= 0; i++) {
		buf_reset(&u);
		if (url_canonicalize(o->seeds[i], NULL, &u, NULL))
			continue;
		buf_reset(&c->tmp2);
		url_host_key(u.p, &c->tmp2, NULL);
		rc = crawldb_add(c->db, u.p, c->tmp2.p, CRAWLDB_PAGE, 0, 0, 0,
				 1, (int)o->max_attempts, &c->msg);
	}
	buf_release(&u);
	if (rc < 0)
		return db_check(c, rc);
	rc = recover(c);
	if (rc == 0)
		rc = commit(c);
	if (rc == 0)
		rc = db_check(c, crawldb_each_queued(c->db, load_job, c,
						     &c->msg));
	return rc;
}

static void
update_stats(struct crawl *c)
{
	c->st->in_flight = c->inflight;
	c->st->seconds = now_mono() - c->t0;
	if (c->o->on_progress)
		c->o->on_progress(c->o->ctx, c->st);
}

/* Called by the writer thread when a capture is finished. */
static void
wake_loop(void *ctx)
{
	curl_multi_wakeup(ctx);
}

static int
run_loop(struct crawl *c)
{
	const struct crawl_opts *o = c->o;
	double stop_at = 0, next, now;
	int running, nq, stopping = 0, done;
	CURLMsg *m;

	for (;;) {
		now = now_mono();
		if (o->stop && *o->stop && !stopping) {
			stopping = 1;
			stop_at = now + STOP_GRACE;
		}
		next = stopping || c->fatal ? now + 0.1 : dispatch(c, now);
		if (c->inflight == 0 && warcq_pending(c->q) == 0 &&
		    (stopping || c->fatal || c->st->queued == 0 ||
		     !room_for_pages(c)))
			break;
		if (c->inflight == 0 && (stopping || c->fatal)) {
			drain(c, 1); /* only captures are left */
			continue;
		}
		if (stopping && now >= stop_at)
			break; /* in-flight URLs stay queued */
		curl_multi_perform(c->multi, &running);
		done = 0;
		while ((m = curl_multi_info_read(c->multi, &nq)) != NULL) {
			if (m->msg == CURLMSG_DONE) {
				handle_done(c, m);
				done++;
			}
		}
		done += drain(c, 0);
		if (crawldb_in_tx(c->db) &&
		    now_mono() - c->last_commit >= COMMIT_SECONDS)
			commit(c);
		update_stats(c);
		now = now_mono();
		{
			double wait = next - now;
			int ms = wait <= 0 ? 0 : wait > 0.2 ? 200
							    : (int)(wait * 1000) + 1;

			if (done)
				continue; /* dispatch again first */
			if (c->inflight || ms)
				curl_multi_poll(c->multi, NULL, 0,
						c->inflight && ms == 0 ? 0 : ms,
						NULL);
		}
	}
	return stopping ? PT_EINTR : 0;
}

int
crawl_run(const struct crawl_opts *o, struct crawl_stats *st,
	  struct buf *err)
{
	struct crawl c;
	struct warc_writer_opts wo;
	struct buf u = BUF_INIT;
	size_t i, k;
	int rc = 0;

	memset(st, 0, sizeof(*st));
	memset(&c, 0, sizeof(c));
	c.o = o;
	c.st = st;
	c.err = err;
	c.t0 = now_mono();
	c.last_commit = c.t0;
	buf_init(&c.mark, 0);
	buf_init(&c.tmp, URL_MAX_LEN + 256);
	buf_init(&c.tmp2, URL_MAX_LEN + 256);
	buf_init(&c.msg, 0);
	buf_init(&u, URL_MAX_LEN);
	for (i = 0; i < o->nseeds; i++) {
		buf_reset(&u);
		rc = url_canonicalize(o->seeds[i], NULL, &u, err);
		if (rc) {
			buf_release(&u);
			return PT_EINVAL;
		}
		allow_name(&c, u.p);
	}
	for (i = 0; o->sources && i < o->sources->n; i++) {
		const struct source_outlet *s = &o->sources->outlets[i];

		for (k = 0; k < s->hosts.n; k++) {
			if (!name_allowed(&c, s->hosts.v[k])) {
				pt_xgrow((void **)&c.allow, &c.allow_cap,
					 c.nallow + 1, sizeof(*c.allow));
				c.allow[c.nallow++] = pt_xstrdup(s->hosts.v[k]);
			}
		}
		for (k = 0; k < s->feeds.n; k++)
			allow_name(&c, s->feeds.v[k]);
		for (k = 0; k < s->sitemaps.n; k++)
			allow_name(&c, s->sitemaps.v[k]);
	}
	buf_release(&u);
	for (i = 0; i < o->nresolve; i++)
		c.resolve = curl_slist_append(c.resolve, o->resolve[i]);

	c.db = crawldb_open(o->db_path, &c.msg);
	if (!c.db) {
		fatal(&c, PT_EDB, &c.msg);
		goto out;
	}
	if (prepare(&c))
		goto out;
	memset(&wo, 0, sizeof(wo));
	wo.level = o->warc_level == 0 ? WARC_LEVEL_STORE : o->warc_level;
	wo.dir = o->warc_dir;
	wo.prefix = o->warc_prefix;
	wo.max_size = o->warc_max_size;
	wo.software = "presstally/" PT_VERSION;
	buf_reset(&c.msg);
	c.w = warc_writer_new(&wo, &c.msg);
	if (!c.w) {
		fatal(&c, PT_EIO, &c.msg);
		goto out;
	}
	c.multi = curl_multi_init();
	curl_multi_setopt(c.multi, CURLMOPT_PIPELINING,
			  (long)CURLPIPE_MULTIPLEX);
	curl_multi_setopt(c.multi, CURLMOPT_MAX_HOST_CONNECTIONS,
			  (long)o->max_per_host);
	curl_multi_setopt(c.multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
			  (long)o->max_conns);
	buf_reset(&c.msg);
	c.q = warcq_new(c.w, wake_loop, c.multi, &c.msg);
	if (!c.q) {
		fatal(&c, PT_EIO, &c.msg);
		goto out;
	}
	rc = run_loop(&c);
	/* Captures still out (a stop): written and recorded. */
	while (warcq_pending(c.q))
		drain(&c, 1);
	commit(&c);
	warcq_free(c.q);
	c.q = NULL;
	buf_reset(&c.msg);
	if (warc_writer_close(c.w, &c.msg))
		fatal(&c, PT_EIO, &c.msg);
out:
	/* Transfers still running at a stop: their URLs stay queued. */
	for (i = 0; i < c.nall; i++) {
		struct xfer *x = c.all[i];

		if (x->in_multi) {
			curl_multi_remove_handle(c.multi, x->easy);
			job_free(x->job);
		}
		xfer_destroy(x);
	}
	free(c.all);
	while (c.free_cap) {
		struct capture *p = c.free_cap;

		c.free_cap = p->next;
		capture_destroy(p);
	}
	curl_multi_cleanup(c.multi);
	for (i = 0; i < c.nhosts; i++) {
		struct host *h = c.hosts[i];
		struct job *j;

		while ((j = q_pop(h)) != NULL)
			job_free(j);
		free(h->q);
		free(h->key);
		free(h->name);
		free(h->robots_url);
		free(h->refused);
		robots_free(h->robots);
		free(h);
	}
	st->queued += c.deferred;
	if (c.db) {
		long long n = crawldb_count(c.db, "queued", NULL);

		if (n >= 0)
			st->queued = (unsigned long long)n;
	}
	st->in_flight = 0;
	st->seconds = now_mono() - c.t0;
	free(c.hosts);
	free(c.htab);
	for (i = 0; i < c.nallow; i++)
		free(c.allow[i]);
	free(c.allow);
	warc_writer_free(c.w);
	crawldb_free(c.db);
	curl_slist_free_all(c.resolve);
	buf_release(&c.mark);
	buf_release(&c.tmp);
	buf_release(&c.tmp2);
	buf_release(&c.msg);
	if (c.fatal)
		return c.fatal;
	return rc;
}
