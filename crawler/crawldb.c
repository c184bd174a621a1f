/* crawldb.c -- crawler state in SQLite (see crawldb.h).
 *
 * WAL journal with synchronous=NORMAL: a commit survives the process being
 * killed (it is in the WAL file once sqlite3_step returns); only an OS
 * crash may lose the last commits, like the WARC data not yet synced.
 * Statements are prepared once per handle.
 */
#include "crawler/crawldb.h"

#include "crawler/base/buf.h"
#include "crawler/base/db.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS urls ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" host TEXT NOT NULL,"
	" status TEXT NOT NULL DEFAULT 'queued',"
	" kind INTEGER NOT NULL DEFAULT 0,"
	" depth INTEGER NOT NULL DEFAULT 0,"
	" hops INTEGER NOT NULL DEFAULT 0,"
	" seed INTEGER NOT NULL DEFAULT 0,"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" http_status INTEGER,"
	" etag TEXT,"
	" last_modified TEXT,"
	" payload_digest TEXT,"
	" record_id TEXT,"
	" warc_date TEXT,"
	" fetched_at INTEGER,"
	" reason TEXT,"
	" redirect TEXT);"
	"CREATE INDEX IF NOT EXISTS urls_status ON urls(status);"
	"CREATE TABLE IF NOT EXISTS robots ("
	" host TEXT PRIMARY KEY,"
	" fetched_at INTEGER NOT NULL,"
	" status INTEGER NOT NULL,"
	" body BLOB);"
	"CREATE TABLE IF NOT EXISTS meta ("
	" key TEXT PRIMARY KEY,"
	" value TEXT);";

#define COLS "id, url, host, status, kind, depth, hops, seed, attempts, " \
	     "http_status, etag, last_modified, payload_digest, record_id, " \
	     "warc_date, fetched_at"

enum stmt {
	S_BEGIN, S_COMMIT, S_INSERT, S_REQUEUE, S_GET, S_EACH, S_SEEDS, S_ALL,
	S_FAILED, S_DONE, S_ATTEMPT, S_BLOCKED, S_COUNT, S_RGET, S_RPUT,
	S_MGET, S_MPUT, S_NSTMT
};

static const char *const sql[S_NSTMT] = {
	[S_BEGIN] = "BEGIN",
	[S_COMMIT] = "COMMIT",
	[S_INSERT] = "INSERT OR IGNORE INTO urls(url, host, kind, depth, hops,"
		     " seed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_REQUEUE] = "UPDATE urls SET status = 'queued', seed = seed | ?2"
		      " WHERE url = ?1 AND status = 'done' AND ?3",
	[S_GET] = "SELECT " COLS " FROM urls WHERE url = ?1",
	[S_EACH] = "SELECT " COLS " FROM urls WHERE status = 'queued'"
		   " ORDER BY id",
	[S_SEEDS] = "UPDATE urls SET status = 'queued', attempts = 0,"
		    " reason = NULL WHERE seed = 1 AND status <> 'queued'",
	[S_ALL] = "UPDATE urls SET status = 'queued', attempts = 0"
		  " WHERE status = 'done'",
	[S_FAILED] = "UPDATE urls SET status = 'queued', attempts = 0,"
		     " reason = NULL WHERE status = 'failed'",
	[S_DONE] = "UPDATE urls SET status = CASE WHEN ?10 THEN 'failed'"
		   " ELSE 'done' END, http_status = ?2,"
		   " etag = CASE WHEN ?4 IS NULL THEN coalesce(?3, etag)"
		   " ELSE ?3 END,"
		   " last_modified = CASE WHEN ?4 IS NULL"
		   " THEN coalesce(?11, last_modified) ELSE ?11 END,"
		   " payload_digest = coalesce(?4, payload_digest),"
		   " record_id = coalesce(?5, record_id),"
		   " warc_date = coalesce(?6, warc_date),"
		   " redirect = ?7, reason = ?8, fetched_at = ?9"
		   " WHERE url = ?1",
	[S_ATTEMPT] = "UPDATE urls SET attempts = attempts + 1, reason = ?2,"
		      " status = CASE WHEN ?3 THEN 'failed' ELSE status END"
		      " WHERE url = ?1",
	[S_BLOCKED] = "UPDATE urls SET status = 'blocked', reason = ?2"
		      " WHERE url = ?1",
	[S_COUNT] = "SELECT count(*) FROM urls WHERE status = ?1",
	[S_RGET] = "SELECT status, body FROM robots WHERE host = ?1"
		   " AND fetched_at >= ?2",
	[S_RPUT] = "INSERT OR REPLACE INTO robots(host, fetched_at, status,"
		   " body) VALUES (?1, ?2, ?3, ?4)",
	[S_MGET] = "SELECT value FROM meta WHERE key = ?1",
	[S_MPUT] = "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
};

struct crawldb {
	struct db db;                /* connection and statements sql[] */
	int in_tx;                   /* 1 inside BEGIN .. COMMIT */
	int added_new;               /* the last crawldb_add() inserted */
	char *copy[9];               /* strings of the last crawldb_get() */
};

struct crawldb *
crawldb_open(const char *path, struct buf *err)
{
	struct crawldb *db = pt_xcalloc(1, sizeof(*db));
	struct db *d = &db->db;

	if (db_open(d, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
		    path)) {
		db_fail(d, err, "cannot open the database");
		crawldb_free(db);
		return NULL;
	}
	sqlite3_busy_timeout(d->h, 2000);
	if (db_exec(d, "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;") ||
	    db_exec(d, schema)) {
		db_failf(d, err, "cannot set up the database '%s'", path);
		crawldb_free(db);
		return NULL;
	}
	if (db_prepare(d, sql, S_NSTMT, SQLITE_PREPARE_PERSISTENT)) {
		db_fail(d, err, "cannot prepare a statement");
		crawldb_free(db);
		return NULL;
	}
	return db;
}

void
crawldb_free(struct crawldb *db)
{
	int i;

	if (!db)
		return;
	if (db->in_tx)
		sqlite3_exec(db->db.h, "ROLLBACK", NULL, NULL, NULL);
	db_close(&db->db);
	for (i = 0; i < 9; i++)
		free(db->copy[i]);
	free(db);
}

static sqlite3_stmt *
st(struct crawldb *db, enum stmt id)
{
	return db->db.st[id];
}

/* Runs statement id to completion (see db_run()). */
static int
run(struct crawldb *db, enum stmt id, const char *what, struct buf *err)
{
	return db_run(&db->db, st(db, id), what, err);
}

/* Runs statement id and returns the number of rows it changed, or PT_EDB. */
static int
run_count(struct crawldb *db, enum stmt id, const char *what,
	  struct buf *err)
{
	int rc = run(db, id, what, err);

	return rc ? rc : sqlite3_changes(db->db.h);
}

/* Runs statement id with the strings a and b bound to ?1 and ?2. */
static int
run_with(struct crawldb *db, enum stmt id, const char *a, const char *b,
	 const char *what, struct buf *err)
{
	db_bind_str(st(db, id), 1, a);
	db_bind_str(st(db, id), 2, b);
	return run(db, id, what, err);
}

int
crawldb_begin(struct crawldb *db, struct buf *err)
{
	int rc;

	if (db->in_tx)
		return 0;
	rc = run(db, S_BEGIN, "cannot begin a transaction", err);
	if (rc == 0)
		db->in_tx = 1;
	return rc;
}

int
crawldb_commit(struct crawldb *db, struct buf *err)
{
	if (!db->in_tx)
		return 0;
	db->in_tx = 0;
	return run(db, S_COMMIT, "cannot commit", err);
}

int
crawldb_in_tx(const struct crawldb *db)
{
	return db->in_tx;
}

int
crawldb_added_new(const struct crawldb *db)
{
	return db->added_new;
}

int
crawldb_add(struct crawldb *db, const char *url, const char *host, int kind,
	    int depth, int hops, int seed, int requeue, int max_attempts,
	    struct buf *err)
{
	sqlite3_stmt *s = st(db, S_INSERT);
	int rc;

	db_bind_str(s, 1, url);
	db_bind_str(s, 2, host);
	sqlite3_bind_int(s, 3, kind);
	sqlite3_bind_int(s, 4, depth);
	sqlite3_bind_int(s, 5, hops);
	sqlite3_bind_int(s, 6, seed ? 1 : 0);
	rc = run_count(db, S_INSERT, "cannot add a URL", err);
	db->added_new = rc > 0;
	if (rc)
		return rc < 0 ? rc : 1;
	s = st(db, S_REQUEUE);
	db_bind_str(s, 1, url);
	sqlite3_bind_int(s, 2, seed ? 1 : 0);
	sqlite3_bind_int(s, 3, requeue ? 1 : 0);
	(void)max_attempts;
	rc = run_count(db, S_REQUEUE, "cannot queue a URL again", err);
	return rc < 0 ? rc : rc > 0;
}

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static void
fill(sqlite3_stmt *s, struct crawldb_url *u)
{
	u->id = sqlite3_column_int64(s, 0);
	u->url = col_text(s, 1);
	u->host = col_text(s, 2);
	u->status = col_text(s, 3);
	u->kind = sqlite3_column_int(s, 4);
	u->depth = sqlite3_column_int(s, 5);
	u->hops = sqlite3_column_int(s, 6);
	u->seed = sqlite3_column_int(s, 7);
	u->attempts = sqlite3_column_int(s, 8);
	u->http_status = sqlite3_column_int(s, 9);
	u->etag = col_text(s, 10);
	u->last_modified = col_text(s, 11);
	u->payload_digest = col_text(s, 12);
	u->record_id = col_text(s, 13);
	u->warc_date = col_text(s, 14);
	u->fetched_at = sqlite3_column_int64(s, 15);
}

/* Copies the strings of *u into db->copy, so that the statement can be
 * reset at once: an active SELECT would hold the read transaction open. */
static void
keep_strings(struct crawldb *db, struct crawldb_url *u)
{
	const char **f[] = { &u->url, &u->host, &u->status, &u->etag,
			     &u->last_modified, &u->payload_digest,
			     &u->record_id, &u->warc_date, NULL };
	size_t i;

	for (i = 0; f[i]; i++) {
		free(db->copy[i]);
		db->copy[i] = *f[i] ? pt_xstrdup(*f[i]) : NULL;
		*f[i] = db->copy[i];
	}
}

int
crawldb_get(struct crawldb *db, const char *url, struct crawldb_url *out,
	    struct buf *err)
{
	sqlite3_stmt *s = st(db, S_GET);
	int rc;

	sqlite3_reset(s);
	db_bind_str(s, 1, url);
	rc = db_row(&db->db, s, "cannot look up a URL", err);
	if (rc == 1) {
		fill(s, out);
		keep_strings(db, out);
	}
	db_reset(s);
	return rc;
}

int
crawldb_each_queued(struct crawldb *db,
		    int (*fn)(void *ctx, const struct crawldb_url *u),
		    void *ctx, struct buf *err)
{
	sqlite3_stmt *s = st(db, S_EACH);
	struct crawldb_url u;
	int rc, ret = 0;

	while ((rc = db_row(&db->db, s, "cannot list queued URLs", err)) ==
	       1) {
		fill(s, &u);
		ret = fn(ctx, &u);
		if (ret)
			break;
	}
	sqlite3_reset(s);
	return ret ? ret : rc;
}

int
crawldb_requeue_seeds(struct crawldb *db, struct buf *err)
{
	return run_count(db, S_SEEDS, "cannot queue seeds again", err);
}

int
crawldb_requeue_all(struct crawldb *db, struct buf *err)
{
	return run_count(db, S_ALL, "cannot queue URLs again", err);
}

int
crawldb_requeue_failed(struct crawldb *db, struct buf *err)
{
	return run_count(db, S_FAILED, "cannot queue failed URLs again",
			 err);
}

int
crawldb_mark_done(struct crawldb *db, const char *url,
		  const struct crawldb_result *r, struct buf *err)
{
	sqlite3_stmt *s = st(db, S_DONE);

	db_bind_str(s, 1, url);
	sqlite3_bind_int(s, 2, r->http_status);
	db_bind_str(s, 3, r->etag);
	db_bind_str(s, 4, r->payload_digest);
	db_bind_str(s, 5, r->record_id);
	db_bind_str(s, 6, r->warc_date);
	db_bind_str(s, 7, r->redirect);
	db_bind_str(s, 8, r->reason);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)r->when);
	sqlite3_bind_int(s, 10, r->failed ? 1 : 0);
	db_bind_str(s, 11, r->last_modified);
	return run(db, S_DONE, "cannot record a fetch", err);
}

int
crawldb_mark_attempt(struct crawldb *db, const char *url, const char *reason,
		     int final, struct buf *err)
{
	sqlite3_bind_int(st(db, S_ATTEMPT), 3, final ? 1 : 0);
	return run_with(db, S_ATTEMPT, url, reason,
			"cannot record a failed attempt", err);
}

int
crawldb_mark_blocked(struct crawldb *db, const char *url, const char *reason,
		     struct buf *err)
{
	return run_with(db, S_BLOCKED, url, reason,
			"cannot record a blocked URL", err);
}

/* Looks up one row of statement id bound to key: the row is read by
 * read(ctx, s) (which returns 1, or an error). 1, 0 when there is no row,
 * or an error. The statement is reset before returning. */
static int
lookup(struct crawldb *db, enum stmt id, const char *key, const char *what,
       int (*read)(void *ctx, sqlite3_stmt *s), void *ctx, struct buf *err)
{
	sqlite3_stmt *s = st(db, id);
	int rc;

	db_bind_str(s, 1, key);
	rc = db_row(&db->db, s, what, err);
	if (rc == 1)
		rc = read(ctx, s);
	db_reset(s);
	return rc;
}

static int
read_count(void *ctx, sqlite3_stmt *s)
{
	*(long long *)ctx = sqlite3_column_int64(s, 0);
	return 1;
}

long long
crawldb_count(struct crawldb *db, const char *status, struct buf *err)
{
	long long n = 0;
	int rc = lookup(db, S_COUNT, status, "cannot count URLs", read_count,
			&n, err);

	if (rc == 0)
		return db_fail(&db->db, err, "cannot count URLs");
	return rc < 0 ? rc : n;
}

struct robots_row {
	int *status;
	struct buf *body;
};

static int
read_robots(void *ctx, sqlite3_stmt *s)
{
	struct robots_row *r = ctx;
	const void *p = sqlite3_column_blob(s, 1);
	int n = sqlite3_column_bytes(s, 1);

	*r->status = sqlite3_column_int(s, 0);
	if (p && n > 0 && buf_add(r->body, p, (size_t)n))
		return PT_ETOOBIG;
	return 1;
}

int
crawldb_robots_get(struct crawldb *db, const char *host, time_t newer_than,
		   int *status, struct buf *body, struct buf *err)
{
	struct robots_row r = { status, body };

	sqlite3_bind_int64(st(db, S_RGET), 2, (sqlite3_int64)newer_than);
	return lookup(db, S_RGET, host, "cannot read the robots.txt cache",
		      read_robots, &r, err);
}

int
crawldb_robots_put(struct crawldb *db, const char *host, time_t when,
		   int status, const char *body, size_t len, struct buf *err)
{
	sqlite3_stmt *s = st(db, S_RPUT);

	db_bind_str(s, 1, host);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)when);
	sqlite3_bind_int(s, 3, status);
	db_bind_blob(s, 4, body, len);
	return run(db, S_RPUT, "cannot cache robots.txt", err);
}

static int
read_meta(void *ctx, sqlite3_stmt *s)
{
	const char *v = col_text(s, 0);

	buf_adds(ctx, v ? v : "");
	return 1;
}

int
crawldb_meta_get(struct crawldb *db, const char *key, struct buf *out,
		 struct buf *err)
{
	return lookup(db, S_MGET, key, "cannot read meta data", read_meta, out,
		      err);
}

int
crawldb_meta_put(struct crawldb *db, const char *key, const char *value,
		 struct buf *err)
{
	return run_with(db, S_MPUT, key, value, "cannot write meta data", err);
}
