/* discover.h -- the URLs a fetch leads to: the entries of feeds and
 * sitemaps (articles of outlets filtered by their patterns; nested
 * sitemaps and feed pages up to a nesting depth), the same-host links of
 * HTML pages above the depth limit, and redirect targets (refused when
 * not http(s), failed after CRAWL_MAX_HOPS).
 *
 * Internal to the crawl engine (see crawl_int.h for ownership and
 * errors). Used alike by live fetches and by replayed WARC records, so
 * that a replay finds what the live crawl would have. Arguments are
 * borrowed.
 */
#ifndef PT_DISCOVER_H
#define PT_DISCOVER_H

#include <stddef.h>

struct crawl;

/* Queues what the body of `url` (of enum crawldb_kind `kind`, at link
 * `depth`, with Content-Type `ctype` or NULL) leads to. */
void discover_body(struct crawl *c, const char *url, int kind, int depth,
		   const char *ctype, const char *body, size_t len);
/* Queues the target `location` of a 3xx answer for `url` (reached after
 * `hops` redirects). When the target is refused, appends a note to
 * c->msg. */
void discover_redirect(struct crawl *c, const char *url, int kind,
		       int depth, int hops, const char *location);

#endif
