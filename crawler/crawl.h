/* crawl.h -- the crawler engine: fetches seeds, feeds, sitemaps and the
 * articles they lead to with libcurl's multi interface, writes each fetch
 * to WARC files and keeps the state in a crawl database (crawldb.h), so
 * that a later run fetches only what is new or changed.
 *
 * Spec: RFC 9110 (HTTP semantics: sec. 13.1 conditional requests with
 * If-None-Match / If-Modified-Since, sec. 15.4 redirections, sec. 10.2.3
 * Retry-After), RFC 9309 (robots.txt: sec. 2.3.1 fetch outcome, sec. 2.4
 * caching up to 24 hours), WARC 1.1 (request, response and revisit
 * records through warc.h).
 *
 * Politeness: at most `max_per_host` requests in flight per host (scheme,
 * name and port), and `delay` seconds from the end of one request to the
 * start of the next (the outlet's delay from sources.conf replaces it; the
 * robots.txt Crawl-delay wins when larger, up to CRAWL_MAX_DELAY).
 * Safety: http and https only (also across redirects, which are followed
 * by the engine itself, one WARC record per hop, at most CRAWL_MAX_HOPS);
 * no connection to loopback, private or link-local addresses (checked on
 * the resolved address when the socket is opened) except on the host and
 * port of a seed, or of a feed or sitemap of the sources written as an IP
 * address (a DNS name of the sources is checked like any other); bodies
 * capped after decoding; TLS
 * verification on; proxies from the environment are not used.
 *
 * Non-goals: JavaScript, cookies, authentication, HTTP/3, per-URL
 * priorities (the queue of each host is first in, first out).
 *
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_CRAWL_H
#define PT_CRAWL_H

#include <signal.h>
#include <stddef.h>

struct buf;
struct sources;

#define CRAWL_MAX_HOPS 5           /* redirects followed from one URL */
#define CRAWL_MAX_DELAY 60.0       /* cap on a robots.txt Crawl-delay, s */
#define CRAWL_ROBOTS_TTL (24 * 3600) /* robots.txt cache lifetime, s */

/* What a crawl reports while it runs (see crawl_opts.on_event). */
enum crawl_event {
	CRAWL_EV_FAILED,   /* url failed for good; detail = reason */
	CRAWL_EV_RETRY,    /* url will be tried again; detail = reason */
	CRAWL_EV_BLOCKED,  /* robots.txt disallows url */
	CRAWL_EV_WARN,     /* a problem that does not fail url (broken feed
			      XML, refused redirect target, robots.txt
			      unreachable); detail says what */
	CRAWL_EV_FATAL     /* the crawl stops (database or WARC write
			      error); detail says why */
};

struct crawl_stats {
	unsigned long long fetched;      /* responses received (any status) */
	unsigned long long stored;       /* response records written */
	unsigned long long revisits;     /* revisit records written */
	unsigned long long not_modified; /* 304 answers */
	unsigned long long failed;       /* URLs failed for good */
	unsigned long long blocked;      /* URLs disallowed by robots.txt */
	unsigned long long retries;      /* attempts that will be retried */
	unsigned long long queued;       /* URLs waiting (now / at the end) */
	unsigned long long in_flight;    /* transfers running */
	unsigned long long bytes;        /* decoded body bytes received */
	unsigned long long recovered;    /* WARC records replayed at start */
	double seconds;                  /* wall time so far */
};

struct crawl_opts {
	const char *db_path;             /* crawl database (created) */
	const char *warc_dir;            /* WARC output directory (created) */
	const char *warc_prefix;         /* file name prefix, "presstally" */
	unsigned long long warc_max_size;/* rotation size, bytes */
	int warc_level;                  /* zlib level 0..9 of the WARC
					    gzip members; 0 = stored */
	const char *user_agent;          /* User-Agent header */
	const char *robots_token;        /* product token for robots.txt */
	const struct sources *sources;   /* outlets, or NULL */
	const char *const *seeds;        /* seed URLs (feed, sitemap or page) */
	size_t nseeds;
	double delay;                    /* seconds between requests to a host */
	int max_depth;                   /* link depth followed from pages */
	unsigned long long max_pages;    /* stop after this many fetches of
					    pages, feeds and sitemaps; 0 = no
					    limit */
	unsigned max_per_host;           /* requests in flight per host */
	unsigned max_conns;              /* requests in flight in total */
	double timeout;                  /* whole transfer, seconds */
	double connect_timeout;          /* connection set-up, seconds */
	unsigned max_attempts;           /* tries per URL (timeouts, 5xx, 429) */
	double retry_wait;               /* first backoff, seconds; doubles */
	double max_retry_wait;           /* cap on a backoff or Retry-After */
	unsigned long long max_size;     /* cap on a body, on the wire and
					    decoded, bytes */
	int recrawl;                     /* 1: queue every done URL again
					    (conditional GET) */
	int retry_failed;                /* 1: queue failed URLs again */
	const char *const *resolve;      /* curl "HOST:PORT:ADDR" overrides
					    (tests), or NULL */
	size_t nresolve;
	volatile sig_atomic_t *stop;     /* set by a signal handler: finish
					    quickly, or NULL */
	/* Callbacks (may be NULL); url and detail are borrowed. */
	void (*on_event)(void *ctx, enum crawl_event ev, const char *url,
			 const char *detail);
	void (*on_progress)(void *ctx, const struct crawl_stats *st);
	void *ctx;
};

/* Fills `o` with the defaults: delay 1 s, depth 1, 1 request per host, 32
 * in total, timeouts 30 s and 10 s, 3 attempts, backoff 1 s up to 300 s,
 * bodies up to 10 MB, WARC files rotated at 1 GB, WARC level 1. */
void crawl_opts_init(struct crawl_opts *o);

/* Runs a crawl. Seeds are checked first: a seed that is not an http(s)
 * URL gives PT_EINVAL with a message in err naming it. Then the database
 * is opened, WARC records written by a run killed before it could commit
 * are replayed into it (see crawl.c), and URLs are fetched until none is
 * left, max_pages is reached or *stop is set.
 * Returns 0 (finished; *st says whether URLs failed), PT_EINTR (stopped
 * through *stop; everything fetched so far is committed), PT_EINVAL,
 * PT_EDB or PT_EIO (database or WARC failure, message in err). *st is
 * filled in every case. */
int crawl_run(const struct crawl_opts *o, struct crawl_stats *st,
	      struct buf *err);

#endif
