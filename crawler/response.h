/* response.h -- what a finished fetch of a page, feed or sitemap means:
 * a transfer failure or an HTTP 429/5xx is tried again with backoff (a
 * Retry-After lengthens it and holds the whole host) up to max_attempts;
 * other 1xx and 4xx answers fail the URL; a 304 updates the row; any
 * other answer becomes a capture for the WARC writer, and once its record
 * is on disk the row is marked done, its redirect followed and its links
 * or entries queued.
 *
 * Internal to the crawl engine (see crawl_int.h for ownership and
 * errors). The job of the transfer is consumed: queued again, freed, or
 * handed over with the capture. Arguments are borrowed.
 */
#ifndef PT_RESPONSE_H
#define PT_RESPONSE_H

#include <curl/curl.h>

struct capture;
struct crawl;
struct xfer;

/* Transfer x of a job finished with `res`. */
void response_done(struct crawl *c, struct xfer *x, CURLcode res);
/* The WARC writer has finished capture p: records it (callback of
 * struct captures; ctx is the struct crawl). */
void response_written(void *ctx, struct capture *p);

#endif
