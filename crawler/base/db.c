/* db.c -- SQLite helpers (see db.h). */
#include "crawler/base/db.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int
db_open(struct db *db, const char *path, int flags, const char *name)
{
	db->name = pt_xstrdup(name);
	return sqlite3_open_v2(path, &db->h, flags, NULL) == SQLITE_OK ? 0 :
	       PT_EDB;
}

int
db_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 :
	       PT_EDB;
}

int
db_prepare(struct db *db, const char *const *sql, size_t n,
	   unsigned int prep_flags)
{
	size_t i;

	db->st = pt_xcalloc(n ? n : 1, sizeof(*db->st));
	db->nst = n;
	for (i = 0; i < n; i++)
		if (sqlite3_prepare_v3(db->h, sql[i], -1, prep_flags,
				       &db->st[i], NULL) != SQLITE_OK)
			return PT_EDB;
	return 0;
}

void
db_close(struct db *db)
{
	size_t i;

	for (i = 0; i < db->nst; i++)
		sqlite3_finalize(db->st[i]);
	free(db->st);
	if (db->h)
		sqlite3_close(db->h);
	free(db->name);
	memset(db, 0, sizeof(*db));
}

int
db_failf(const struct db *db, struct buf *err, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		buf_vaddf(err, fmt, ap);
		va_end(ap);
		buf_addf(err, ": %s", sqlite3_errmsg(db->h));
	}
	return PT_EDB;
}

int
db_fail(const struct db *db, struct buf *err, const char *what)
{
	return db_failf(db, err, "%s in '%s'", what, db->name);
}

void
db_bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void
db_bind_blob(sqlite3_stmt *st, int i, const void *p, size_t n)
{
	sqlite3_bind_blob(st, i, p ? p : "", (int)n, SQLITE_STATIC);
}

void
db_reset(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int
db_run(const struct db *db, sqlite3_stmt *st, const char *what,
       struct buf *err)
{
	int rc = sqlite3_step(st);

	db_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, err, what);
	return 0;
}

int
db_row(const struct db *db, sqlite3_stmt *st, const char *what,
       struct buf *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	rc = db_fail(db, err, what);
	db_reset(st);
	return rc;
}
