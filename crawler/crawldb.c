/* crawldb.c -- crawler state in SQLite (see crawldb.h).
 *
 * WAL journal with synchronous=NORMAL: a commit survives the process being
 * killed (it is in the WAL file once sqlite3_step returns); only an OS
 * crash may lose the last commits, like the WARC data not yet synced.
 * Statements are prepared once per handle.
 */
#include "crawler/crawldb.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <sqlite3.h>
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
	sqlite3 *h;                  /* connection */
	sqlite3_stmt *st[S_NSTMT];   /* prepared statements */
	char *path;                  /* for messages */
	int in_tx;                   /* 1 inside BEGIN .. COMMIT */
	char *copy[9];               /* strings of the last crawldb_get() */
};

static int
fail(struct crawldb *db, struct buf *err, const char *what)
{
	if (err)
		buf_addf(err, "cannot %s in '%s': %s", what, db->path,
			 sqlite3_errmsg(db->h));
	return PT_EDB;
}

/* Runs a prepared statement to completion (no rows expected). */
static int
run(struct crawldb *db, sqlite3_stmt *s, struct buf *err, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return fail(db, err, what);
	return 0;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

struct crawldb *
crawldb_open(const char *path, struct buf *err)
{
	struct crawldb *db = pt_xcalloc(1, sizeof(*db));
	char *msg = NULL;
	int i;

	db->path = pt_xstrdup(path);
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fail(db, err, "open the database");
		crawldb_free(db);
		return NULL;
	}
	sqlite3_busy_timeout(db->h, 2000);
	if (sqlite3_exec(db->h, "PRAGMA journal_mode=WAL;"
			 "PRAGMA synchronous=NORMAL;", NULL, NULL, &msg) !=
	    SQLITE_OK ||
	    sqlite3_exec(db->h, schema, NULL, NULL, &msg) != SQLITE_OK) {
		if (err)
			buf_addf(err, "cannot set up the database '%s': %s",
				 path, msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		crawldb_free(db);
		return NULL;
	}
	for (i = 0; i < S_NSTMT; i++) {
		if (sqlite3_prepare_v3(db->h, sql[i], -1,
				       SQLITE_PREPARE_PERSISTENT, &db->st[i],
				       NULL) != SQLITE_OK) {
			fail(db, err, "prepare a statement");
			crawldb_free(db);
			return NULL;
		}
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
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < S_NSTMT; i++)
		sqlite3_finalize(db->st[i]);
	sqlite3_close(db->h);
	for (i = 0; i < 9; i++)
		free(db->copy[i]);
	free(db->path);
	free(db);
}

int
crawldb_begin(struct crawldb *db, struct buf *err)
{
	int rc;

	if (db->in_tx)
		return 0;
	rc = run(db, db->st[S_BEGIN], err, "begin a transaction");
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
	return run(db, db->st[S_COMMIT], err, "commit");
}

int
crawldb_in_tx(const struct crawldb *db)
{
	return db->in_tx;
}

int
crawldb_add(struct crawldb *db, const char *url, const char *host, int kind,
	    int depth, int hops, int seed, int requeue, int max_attempts,
	    struct buf *err)
{
	sqlite3_stmt *s = db->st[S_INSERT];
	int rc;

	bind_text(s, 1, url);
	bind_text(s, 2, host);
	sqlite3_bind_int(s, 3, kind);
	sqlite3_bind_int(s, 4, depth);
	sqlite3_bind_int(s, 5, hops);
	sqlite3_bind_int(s, 6, seed ? 1 : 0);
	rc = run(db, s, err, "add a URL");
	if (rc)
		return rc;
	if (sqlite3_changes(db->h) > 0)
		return 1;
	s = db->st[S_REQUEUE];
	bind_text(s, 1, url);
	sqlite3_bind_int(s, 2, seed ? 1 : 0);
	sqlite3_bind_int(s, 3, requeue ? 1 : 0);
	(void)max_attempts;
	rc = run(db, s, err, "queue a URL again");
	if (rc)
		return rc;
	return sqlite3_changes(db->h) > 0;
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

int
crawldb_get(struct crawldb *db, const char *url, struct crawldb_url *out,
	    struct buf *err)
{
	sqlite3_stmt *s = db->st[S_GET];
	int rc;

	sqlite3_reset(s);
	bind_text(s, 1, url);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char **f[9];
		size_t i;

		fill(s, out);
		f[0] = &out->url;
		f[1] = &out->host;
		f[2] = &out->status;
		f[3] = &out->etag;
		f[4] = &out->last_modified;
		f[5] = &out->payload_digest;
		f[6] = &out->record_id;
		f[7] = &out->warc_date;
		f[8] = NULL;
		/* Copied so that the statement can be reset now: an active
		 * SELECT would hold the read transaction open. */
		for (i = 0; f[i]; i++) {
			free(db->copy[i]);
			db->copy[i] = *f[i] ? pt_xstrdup(*f[i]) : NULL;
			*f[i] = db->copy[i];
		}
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return 1;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc == SQLITE_DONE)
		return 0;
	return fail(db, err, "look up a URL");
}

int
crawldb_each_queued(struct crawldb *db,
		    int (*fn)(void *ctx, const struct crawldb_url *u),
		    void *ctx, struct buf *err)
{
	sqlite3_stmt *s = db->st[S_EACH];
	struct crawldb_url u;
	int rc, ret = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill(s, &u);
		ret = fn(ctx, &u);
		if (ret)
			break;
	}
	sqlite3_reset(s);
	if (ret)
		return ret;
	if (rc != SQLITE_DONE)
		return fail(db, err, "list queued URLs");
	return 0;
}

int
crawldb_requeue_seeds(struct crawldb *db, struct buf *err)
{
	int rc = run(db, db->st[S_SEEDS], err, "queue seeds again");

	return rc ? rc : sqlite3_changes(db->h);
}

int
crawldb_requeue_all(struct crawldb *db, struct buf *err)
{
	int rc = run(db, db->st[S_ALL], err, "queue URLs again");

	return rc ? rc : sqlite3_changes(db->h);
}

int
crawldb_requeue_failed(struct crawldb *db, struct buf *err)
{
	int rc = run(db, db->st[S_FAILED], err, "queue failed URLs again");

	return rc ? rc : sqlite3_changes(db->h);
}

int
crawldb_mark_done(struct crawldb *db, const char *url,
		  const struct crawldb_result *r, struct buf *err)
{
	sqlite3_stmt *s = db->st[S_DONE];

	bind_text(s, 1, url);
	sqlite3_bind_int(s, 2, r->http_status);
	bind_text(s, 3, r->etag);
	bind_text(s, 4, r->payload_digest);
	bind_text(s, 5, r->record_id);
	bind_text(s, 6, r->warc_date);
	bind_text(s, 7, r->redirect);
	bind_text(s, 8, r->reason);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)r->when);
	sqlite3_bind_int(s, 10, r->failed ? 1 : 0);
	bind_text(s, 11, r->last_modified);
	return run(db, s, err, "record a fetch");
}

int
crawldb_mark_attempt(struct crawldb *db, const char *url, const char *reason,
		     int final, struct buf *err)
{
	sqlite3_stmt *s = db->st[S_ATTEMPT];

	bind_text(s, 1, url);
	bind_text(s, 2, reason);
	sqlite3_bind_int(s, 3, final ? 1 : 0);
	return run(db, s, err, "record a failed attempt");
}

int
crawldb_mark_blocked(struct crawldb *db, const char *url, const char *reason,
		     struct buf *err)
{
	sqlite3_stmt *s = db->st[S_BLOCKED];

	bind_text(s, 1, url);
	bind_text(s, 2, reason);
	return run(db, s, err, "record a blocked URL");
}

long long
crawldb_count(struct crawldb *db, const char *status, struct buf *err)
{
	sqlite3_stmt *s = db->st[S_COUNT];
	long long n = 0;
	int rc;

	bind_text(s, 1, status);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW)
		return fail(db, err, "count URLs");
	return n;
}

int
crawldb_robots_get(struct crawldb *db, const char *host, time_t newer_than,
		   int *status, struct buf *body, struct buf *err)
{
	sqlite3_stmt *s = db->st[S_RGET];
	int rc, ret = 0;

	bind_text(s, 1, host);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)newer_than);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const void *p = sqlite3_column_blob(s, 1);
		int n = sqlite3_column_bytes(s, 1);

		*status = sqlite3_column_int(s, 0);
		if (p && n > 0 && buf_add(body, p, (size_t)n))
			ret = PT_ETOOBIG;
		else
			ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = fail(db, err, "read the robots.txt cache");
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return ret;
}

int
crawldb_robots_put(struct crawldb *db, const char *host, time_t when,
		   int status, const char *body, size_t len, struct buf *err)
{
	sqlite3_stmt *s = db->st[S_RPUT];

	bind_text(s, 1, host);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)when);
	sqlite3_bind_int(s, 3, status);
	sqlite3_bind_blob(s, 4, body ? body : "", (int)len, SQLITE_STATIC);
	return run(db, s, err, "cache robots.txt");
}

int
crawldb_meta_get(struct crawldb *db, const char *key, struct buf *out,
		 struct buf *err)
{
	sqlite3_stmt *s = db->st[S_MGET];
	int rc, ret = 0;

	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *v = col_text(s, 0);

		buf_adds(out, v ? v : "");
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = fail(db, err, "read meta data");
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return ret;
}

int
crawldb_meta_put(struct crawldb *db, const char *key, const char *value,
		 struct buf *err)
{
	sqlite3_stmt *s = db->st[S_MPUT];

	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return run(db, s, err, "write meta data");
}
