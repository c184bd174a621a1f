/* test_db.c -- the SQLite helpers: open with set-up SQL, a statement
 * table, NULL and blob binding, rows, and the "WHAT in 'NAME': ..."
 * message of each failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/db.h"
#include "crawler/base/err.h"

#include <string.h>

enum { Q_PUT, Q_GET, Q_N };

static const char *const sql[Q_N] = {
	[Q_PUT] = "INSERT INTO kv VALUES (?1, ?2, ?3)",
	[Q_GET] = "SELECT v, b IS NULL, length(b) FROM kv WHERE k = ?1",
};

static void
open_mem(struct db *db)
{
	assert_int_equal(db_open(db, ":memory:", SQLITE_OPEN_READWRITE |
				 SQLITE_OPEN_CREATE, "mem"), 0);
	assert_int_equal(db_exec(db, "CREATE TABLE kv(k TEXT PRIMARY KEY,"
				 " v TEXT, b BLOB);"), 0);
	assert_int_equal(db_prepare(db, sql, Q_N, 0), 0);
}

static int
put(struct db *db, const char *k, const char *v, const void *b, size_t n,
    struct buf *err)
{
	db_bind_str(db->st[Q_PUT], 1, k);
	db_bind_str(db->st[Q_PUT], 2, v);
	db_bind_blob(db->st[Q_PUT], 3, b, n);
	return db_run(db, db->st[Q_PUT], "cannot put", err);
}

static void
test_put_get(void **state)
{
	struct db db = DB_INIT;
	struct buf err = BUF_INIT;
	sqlite3_stmt *s;

	(void)state;
	open_mem(&db);
	assert_int_equal(put(&db, "a", NULL, NULL, 0, &err), 0);
	assert_int_equal(put(&db, "b", "two", "x\0y", 3, &err), 0);
	s = db.st[Q_GET];
	db_bind_str(s, 1, "a");
	assert_int_equal(db_row(&db, s, "cannot get", &err), 1);
	assert_null(sqlite3_column_text(s, 0));  /* NULL stays NULL */
	assert_int_equal(sqlite3_column_int(s, 1), 0); /* "" blob, not NULL */
	db_reset(s);
	db_bind_str(s, 1, "b");
	assert_int_equal(db_row(&db, s, "cannot get", &err), 1);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "two");
	assert_int_equal(sqlite3_column_int(s, 2), 3);
	assert_int_equal(db_row(&db, s, "cannot get", &err), 0);
	db_reset(s);
	db_bind_str(s, 1, "none");
	assert_int_equal(db_row(&db, s, "cannot get", &err), 0);
	db_reset(s);
	assert_int_equal(err.len, 0);
	db_close(&db);
	db_close(&db); /* closed twice is fine */
	buf_release(&err);
}

static void
test_errors(void **state)
{
	static const char *const bad[] = { "SELECT x FROM nowhere" };
	struct db db = DB_INIT;
	struct buf err = BUF_INIT;

	(void)state;
	open_mem(&db);
	assert_int_equal(put(&db, "a", "1", "", 0, &err), 0);
	assert_int_equal(put(&db, "a", "2", "", 0, &err), PT_EDB);
	assert_string_equal(err.p, "cannot put in 'mem': UNIQUE constraint "
			    "failed: kv.k");
	buf_reset(&err);
	assert_int_equal(db_failf(&db, &err, "cannot x '%s'", "y"), PT_EDB);
	assert_non_null(strstr(err.p, "cannot x 'y': "));
	assert_int_equal(db_fail(&db, NULL, "quiet"), PT_EDB);
	db_close(&db);

	assert_int_equal(db_open(&db, ":memory:", SQLITE_OPEN_READWRITE, "m"),
			 0);
	assert_int_equal(db_prepare(&db, bad, 1, 0), PT_EDB);
	buf_reset(&err);
	db_fail(&db, &err, "cannot prepare");
	assert_string_equal(err.p, "cannot prepare in 'm': no such table: "
			    "nowhere");
	assert_int_equal(db_exec(&db, "NOT SQL"), PT_EDB);
	db_close(&db);

	assert_int_equal(db_open(&db, "/nonexistent/dir/x.db",
				 SQLITE_OPEN_READWRITE, "/nonexistent"),
			 PT_EDB);
	db_close(&db);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
