/* crawl_int.h -- the state of a running crawl, shared by the engine
 * (crawl.c) and the modules it drives: politeness.c (robots.txt and
 * refused hosts), response.c (what a finished fetch means), discover.c
 * (links, feed entries, redirects) and replay.c (WARC records a killed run
 * did not commit). Not installed and not seen outside crawler/.
 *
 * Ownership: struct crawl owns the database, the WARC writer, the hosts,
 * the transfers and the captures; it borrows the options, the statistics
 * and the caller's error buffer. Strings passed to the functions below
 * are borrowed.
 *
 * Errors: a database or WARC failure is fatal. crawl_fatal() keeps the
 * first one (its message goes to the caller's err, the crawl stops), so
 * the modules report with crawl_db_check() and carry on; they test
 * c->fatal where going on would be wasted work.
 */
#ifndef PT_CRAWL_INT_H
#define PT_CRAWL_INT_H

#include "crawler/base/buf.h"
#include "crawler/capture.h"
#include "crawler/crawl.h"
#include "crawler/fetch.h"
#include "crawler/hosts.h"
#include "crawler/seen.h"

#define CRAWL_MARK_KEY "warc_mark" /* meta key of the WARC mark */

struct crawl {
	const struct crawl_opts *o;
	struct crawl_stats *st;
	struct crawldb *db;
	struct warc_writer *w;   /* used by the writer thread while it runs */
	struct hosts hosts;
	struct fetch fetch;
	struct captures caps;
	struct seen seen;        /* URLs known to have a row (this run) */
	unsigned long long started;   /* page/feed/sitemap fetches started */
	unsigned long long deferred;  /* URLs left queued (robots.txt down) */
	unsigned pending;        /* results since the last commit */
	double last_commit;      /* monotonic time */
	double t0;               /* start */
	struct buf mark;         /* "basename\toffset" of the last record */
	int mark_dirty;          /* mark changed since the last commit */
	struct buf tmp;          /* scratch: URLs, header lines */
	struct buf tmp2;         /* scratch: host keys */
	struct buf msg;          /* scratch: messages */
	struct buf *err;         /* the caller's */
	int fatal;               /* a database or WARC error happened */
};

/* Monotonic time in seconds. */
double crawl_now(void);

/* Reports ev through the on_event callback, if any. */
void crawl_event(struct crawl *c, enum crawl_event ev, const char *url,
		 const char *detail);
/* A database or WARC error: the first one is kept and reported (message
 * `why`, may be NULL), the crawl stops. Returns rc. */
int crawl_fatal(struct crawl *c, int rc, struct buf *why);
/* crawl_fatal() with c->msg when rc < 0. Returns rc. */
int crawl_db_check(struct crawl *c, int rc);

/* Queues canonical `url` in memory (its database row is queued). The job,
 * owned by its host's queue, or NULL (a URL without a host). */
struct job *crawl_enqueue(struct crawl *c, const char *url, int kind,
			  int depth, int hops, int attempts);
/* Adds canonical `url` to the database and, when that queued it, to the
 * in-memory queue. 1 queued, 0 known, < 0 database error. Without
 * `requeue` a URL already known in this run (c->seen) is not looked up:
 * adding it again changes nothing. */
int crawl_add_url(struct crawl *c, const char *url, int kind, int depth,
		  int hops, int seed, int requeue);

/* Counts one result into the open transaction, committing every
 * COMMIT_EVERY results or COMMIT_SECONDS. */
void crawl_result_done(struct crawl *c);
/* Commits the open transaction with the WARC mark. 0 or PT_EDB. */
int crawl_commit(struct crawl *c);
/* Moves the WARC mark to the record at `off` of file `path`. */
void crawl_set_mark(struct crawl *c, const char *path,
		    unsigned long long off);

#endif
