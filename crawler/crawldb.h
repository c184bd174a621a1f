/* crawldb.h -- the crawler's state in one SQLite database (WAL mode).
 *
 * Tables:
 *   urls    one row per canonical URL: status (queued, done, failed,
 *           blocked by robots.txt), kind
 *           (page, feed, sitemap), depth, redirect hops, seed flag,
 *           attempts, HTTP status, validators (ETag, Last-Modified), the
 *           payload digest, WARC record id and date of the last stored
 *           capture (for revisit records), fetch time, failure reason and
 *           redirect target;
 *   robots  the robots.txt outcome per host key, with its fetch time;
 *   meta    key/value pairs (the WARC recovery mark).
 * There is no "in flight" status in the database: a URL stays queued until
 * its result is committed, so a killed run leaves it queued.
 *
 * Writes are grouped in transactions by the caller (crawldb_begin /
 * crawldb_commit); outside one each write commits on its own.
 * Non-goals: concurrent writers (one crawl per database; SQLite's lock
 * makes a second one fail with PT_EDB), schema migrations.
 *
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_CRAWLDB_H
#define PT_CRAWLDB_H

#include <stddef.h>
#include <time.h>

struct buf;
struct crawldb;

enum crawldb_kind {
	CRAWLDB_PAGE = 0,    /* HTML page or anything else */
	CRAWLDB_FEED = 1,    /* RSS/Atom feed */
	CRAWLDB_SITEMAP = 2  /* sitemap or sitemap index */
};

/* One row of urls. Strings are borrowed; valid until the next call on the
 * same database. NULL when the column is NULL. */
struct crawldb_url {
	long long id;
	const char *url;
	const char *host;            /* url_host_key() of url */
	const char *status;          /* "queued", "done", "failed" or
					"blocked" */
	int kind;                    /* enum crawldb_kind */
	int depth;                   /* link depth from a seed or feed */
	int hops;                    /* redirects that led here */
	int seed;                    /* 1 for seeds, feeds and sitemaps named
					on the command line or in sources */
	int attempts;                /* fetch attempts that failed */
	int http_status;             /* last final status, 0 = none */
	const char *etag;            /* validators of the stored capture */
	const char *last_modified;
	const char *payload_digest;  /* "sha1:..." of the stored capture */
	const char *record_id;       /* its WARC-Record-ID */
	const char *warc_date;       /* its WARC-Date */
	long long fetched_at;        /* unix time of the last fetch, 0 = never */
};

/* Outcome of a successful fetch, for crawldb_mark_done(). */
struct crawldb_result {
	int http_status;
	const char *etag;            /* NULL keeps the stored one when
					not_modified, else clears it */
	const char *last_modified;   /* same */
	const char *payload_digest;  /* NULL: keep the stored one (304) */
	const char *record_id;
	const char *warc_date;
	const char *redirect;        /* Location target, or NULL */
	const char *reason;          /* note kept with a done URL (e.g. a
					refused redirect), or NULL */
	int failed;                  /* 1: store as "failed" with reason */
	time_t when;                 /* fetch time */
};

/* Opens (creating when absent) the database at `path` in WAL mode with the
 * schema above. Returns a new handle; free with crawldb_free(). NULL with a
 * message in err naming the path. */
struct crawldb *crawldb_open(const char *path, struct buf *err);
/* Rolls back an open transaction and closes. NULL is a no-op. */
void crawldb_free(struct crawldb *db);

/* Transactions. 0 or PT_EDB with a message in err. */
int crawldb_begin(struct crawldb *db, struct buf *err);
int crawldb_commit(struct crawldb *db, struct buf *err);
/* 1 while a transaction is open. */
int crawldb_in_tx(const struct crawldb *db);
/* 1 when the last crawldb_add() made a new row (so it has no capture). */
int crawldb_added_new(const struct crawldb *db);

/* Adds `url` (canonical) as queued. When it exists, with `requeue` a done
 * row is queued again (validators kept, for a conditional GET) and `seed`
 * is or-ed in; failed and blocked rows are left alone (see
 * crawldb_requeue_failed()). `max_attempts` is unused (kept for callers).
 * Returns 1 when the row is (now) queued by this call, 0 when it was left
 * as it was, or PT_EDB. */
int crawldb_add(struct crawldb *db, const char *url, const char *host,
		int kind, int depth, int hops, int seed, int requeue,
		int max_attempts, struct buf *err);
/* Looks up `url`. 1 with *out filled, 0 when absent, or PT_EDB. */
int crawldb_get(struct crawldb *db, const char *url, struct crawldb_url *out,
		struct buf *err);
/* Calls fn for every queued row in id order; a non-zero return stops and
 * is returned. 0, fn's value, or PT_EDB. */
int crawldb_each_queued(struct crawldb *db,
			int (*fn)(void *ctx, const struct crawldb_url *u),
			void *ctx, struct buf *err);
/* Queues again every done or failed row with seed = 1 (hubs: seeds, feeds
 * and sitemaps are fetched again each run, conditionally), resetting
 * attempts. Returns the number of rows or PT_EDB. */
int crawldb_requeue_seeds(struct crawldb *db, struct buf *err);
/* Queues again every done row (a full conditional recrawl). Returns the
 * number of rows or PT_EDB. */
int crawldb_requeue_all(struct crawldb *db, struct buf *err);

/* Queues again every failed row, attempts reset. Returns the number of
 * rows or PT_EDB. */
int crawldb_requeue_failed(struct crawldb *db, struct buf *err);

/* Records a finished fetch of `url` (which must exist). 0 or PT_EDB. */
int crawldb_mark_done(struct crawldb *db, const char *url,
		      const struct crawldb_result *r, struct buf *err);
/* Records a failed attempt: attempts + 1 and the reason; with `final` the
 * status becomes "failed", else it stays queued. 0 or PT_EDB. */
int crawldb_mark_attempt(struct crawldb *db, const char *url,
			 const char *reason, int final, struct buf *err);

/* Records that robots.txt disallows `url`: status "blocked" with the
 * reason. 0 or PT_EDB. */
int crawldb_mark_blocked(struct crawldb *db, const char *url,
			 const char *reason, struct buf *err);

/* Number of rows with `status` ("queued", "done", "failed",
 * "blocked"), or PT_EDB. */
long long crawldb_count(struct crawldb *db, const char *status,
			struct buf *err);

/* robots.txt cache. crawldb_robots_get: 1 when `host` has an entry fetched
 * at or after `newer_than`, with *status and its body appended to `body`
 * (whose cap applies); 0 when none; PT_EDB. */
int crawldb_robots_get(struct crawldb *db, const char *host,
		       time_t newer_than, int *status, struct buf *body,
		       struct buf *err);
int crawldb_robots_put(struct crawldb *db, const char *host, time_t when,
		       int status, const char *body, size_t len,
		       struct buf *err);

/* meta: crawldb_meta_get appends the value of `key` to out: 1, 0 when
 * absent, or PT_EDB. */
int crawldb_meta_get(struct crawldb *db, const char *key, struct buf *out,
		     struct buf *err);
int crawldb_meta_put(struct crawldb *db, const char *key, const char *value,
		     struct buf *err);

#endif
