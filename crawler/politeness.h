/* politeness.h -- what a host allows: its robots.txt, read from the
 * database cache (up to CRAWL_ROBOTS_TTL) or fetched, following its
 * redirects, with the outcome policy of RFC 9309 sec. 2.3.1 (robots.h
 * robots_new_for_status()), retried with backoff when unreachable and the
 * host's URLs deferred to a later run when it stays so; its Crawl-delay
 * and, for outlet hosts, its Sitemap lines; hosts refused for private
 * addresses; and URLs the rules block.
 *
 * Internal to the crawl engine (see crawl_int.h for ownership and
 * errors). Arguments are borrowed.
 */
#ifndef PT_POLITENESS_H
#define PT_POLITENESS_H

#include <curl/curl.h>

struct crawl;
struct host;
struct job;
struct xfer;

/* For host h without robots.txt and without transfers: takes robots.txt
 * from the cache, or starts fetching it when a connection is free and
 * the host may be asked at `now`; else lowers *next to when it may. */
void politeness_robots(struct crawl *c, struct host *h, double now,
		       double *next);
/* The robots.txt transfer x of its host finished with `res`. */
void politeness_robots_done(struct crawl *c, struct xfer *x, CURLcode res);
/* Fails every queued URL of refused host h, with the reason. */
void politeness_refuse(struct crawl *c, struct host *h);
/* 1 when robots.txt of its (ready) host lets job j be fetched. Else 0:
 * the URL is marked blocked and j is freed. */
int politeness_allowed(struct crawl *c, struct job *j);

#endif
