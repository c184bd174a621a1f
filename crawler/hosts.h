/* hosts.h -- the hosts of a crawl: one first-in first-out queue of jobs
 * per host (scheme, name and port), the per-host politeness state (delay,
 * time of the next allowed start, robots.txt state) and the host names
 * allowed to resolve to private addresses (those named in seeds or in the
 * sources).
 *
 * Internal to the crawl engine (crawl.c and the modules it drives); no
 * database, no network here.
 * Ownership: struct hosts owns its hosts, and each host owns the jobs in
 * its queue. host_pop() hands a job to the caller, who owns it until it
 * pushes it again (host_push()) or frees it (job_free()). Arguments are
 * borrowed.
 */
#ifndef PT_HOSTS_H
#define PT_HOSTS_H

#include "crawler/base/buf.h"

#include <stddef.h>

struct robots;
struct sources;
struct source_outlet;

/* What is known of a host's robots.txt. */
enum host_robots {
	HOST_ROBOTS_NONE = 0,  /* not known yet */
	HOST_ROBOTS_FETCHING,  /* being fetched */
	HOST_ROBOTS_READY,     /* host.robots is set */
	HOST_ROBOTS_DEFER,     /* unreachable: the host's URLs stay queued */
	HOST_ROBOTS_REFUSED    /* private address not named: URLs fail */
};

/* One URL to fetch. */
struct job {
	char *url;               /* canonical URL, owned */
	struct host *h;          /* its host, borrowed */
	int kind;                /* enum crawldb_kind */
	int depth;               /* link depth */
	int hops;                /* redirects that led here */
	int attempts;            /* failed attempts so far */
	int fresh;               /* its row was made in this run: no stored
				    capture to ask conditionally against */
	double not_before;       /* monotonic time before which not to try */
};

struct host {
	char *key;               /* "scheme://name:port", owned */
	char *name;              /* lowercase host name, owned */
	const struct source_outlet *outlet; /* borrowed, or NULL */
	int allow_private;       /* its host:port is a seed's, or an IP
				    literal of the sources */
	struct job **q;          /* ring buffer of waiting jobs */
	size_t qhead, qn, qcap;
	unsigned inflight;       /* transfers running */
	double next_at;          /* monotonic time of the next allowed start */
	double delay;            /* seconds between requests */
	enum host_robots rstate;
	struct robots *robots;   /* when HOST_ROBOTS_READY, owned */
	char *robots_url;        /* current robots.txt URL (after redirects),
				    owned, or NULL */
	int robots_hops;         /* redirects followed for robots.txt */
	int robots_attempts;     /* failed robots.txt fetches */
	double robots_not_before;/* retry time of robots.txt */
	char *refused;           /* why the host is refused, owned, or NULL */
	struct host *hnext;      /* hash chain */
};

/* Every host of a crawl. Value type: hosts_init() / hosts_release(). */
struct hosts {
	const struct sources *sources; /* outlets (borrowed), or NULL */
	double delay;            /* delay of hosts without an outlet delay */
	struct host **htab;      /* hash table by key */
	size_t hcap;
	struct host **v;         /* all hosts, creation order */
	size_t n, cap;
	char **allow;            /* host keys allowed to be private, owned */
	size_t nallow, allow_cap;
	struct buf key;          /* scratch */
};

void hosts_init(struct hosts *hs, const struct sources *sources,
		double delay);
/* Frees every host, the jobs still queued and the allowed names. */
void hosts_release(struct hosts *hs);

/* Allows the host and port of `url` ("scheme://name:port", not the name
 * on every port) to be a private address; a URL without a host is
 * ignored. Call before the host is first used. */
void hosts_allow_url(struct hosts *hs, const char *url);

/* The host of canonical `url`, created on first use (with the outlet's
 * delay, or refused when it is a private address not allowed); NULL for a
 * URL without a host key (cannot happen for canonical URLs). Borrowed;
 * valid until hosts_release(). */
struct host *hosts_get(struct hosts *hs, const char *url);

/* Returns a new job for `url` (copied) on host h; free with job_free(). */
struct job *job_new(struct host *h, const char *url, int kind, int depth,
		    int hops, int attempts);
/* NULL is a no-op. */
void job_free(struct job *j);

/* Appends j to the host's queue, which owns it from now on. */
void host_push(struct host *h, struct job *j);
/* Takes the oldest job of the queue (the caller owns it), or NULL. */
struct job *host_pop(struct host *h);

/* Takes a robots.txt Crawl-delay (seconds, < 0 for none) into account:
 * capped at CRAWL_MAX_DELAY, it replaces the delay when larger. */
void host_crawl_delay(struct host *h, double crawl_delay);
/* A transfer to h ended at monotonic time `now`: the next may start
 * `delay` seconds later. */
void host_rest(struct host *h, double now);

#endif
