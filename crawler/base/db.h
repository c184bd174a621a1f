/* db.h -- the SQLite helpers shared by the crawl state (crawldb.c) and the
 * dataset's work database (tally.c): open with set-up SQL, a table of
 * statements prepared once, binding, stepping, and one message style.
 *
 * A message reads "WHAT in 'NAME': SQLite's message", NAME being what the
 * caller gave db_open() (a path or a directory). Functions that fail
 * return PT_EDB; those that take `err` (may be NULL) append one message.
 * Non-goals: schema migrations, several threads on one handle.
 * Arguments are borrowed; bound strings are not copied (SQLITE_STATIC), so
 * they must stay valid until the statement is reset.
 */
#ifndef PT_DB_H
#define PT_DB_H

#include <sqlite3.h>
#include <stddef.h>

struct buf;

/* A connection and its prepared statements. Value type: zero it (or
 * DB_INIT) before db_open(). */
struct db {
	sqlite3 *h;          /* connection, or NULL */
	sqlite3_stmt **st;   /* nst statements, owned */
	size_t nst;
	char *name;          /* for messages, owned */
};

#define DB_INIT { NULL, NULL, 0, NULL }

/* Opens `path` with `flags` (SQLITE_OPEN_*); `name` names it in messages.
 * 0 or PT_EDB, without a message: the caller says what failed with
 * db_fail(). db_close() is needed either way. */
int db_open(struct db *db, const char *path, int flags, const char *name);
/* Runs `sql` (one or more statements, no rows wanted). 0 or PT_EDB. */
int db_exec(struct db *db, const char *sql);
/* Prepares the n statements of sql[] into db->st[0..n) with
 * `prep_flags` (SQLITE_PREPARE_*). 0 or PT_EDB. */
int db_prepare(struct db *db, const char *const *sql, size_t n,
	       unsigned int prep_flags);
/* Finalizes the statements, closes the connection, frees the name and
 * zeroes *db. A closed or zeroed db is fine. */
void db_close(struct db *db);

/* Appends "WHAT in 'NAME': SQLite's message" to err; returns PT_EDB. */
int db_fail(const struct db *db, struct buf *err, const char *what);
/* Appends the formatted text, ": " and SQLite's message; returns PT_EDB. */
int db_failf(const struct db *db, struct buf *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Binds s (NUL-terminated) to parameter i; NULL binds SQL NULL. */
void db_bind_str(sqlite3_stmt *st, int i, const char *s);
/* Binds n bytes at p as a blob ("" when p is NULL). */
void db_bind_blob(sqlite3_stmt *st, int i, const void *p, size_t n);

/* Runs st to completion (rows are not read), then resets it and clears
 * its bindings. 0, or PT_EDB with "WHAT in 'NAME': ..." in err. */
int db_run(const struct db *db, sqlite3_stmt *st, const char *what,
	   struct buf *err);
/* Steps st once: 1 with a row to read, 0 at the end, or PT_EDB with a
 * message. The caller reads the row, then calls db_reset(). */
int db_row(const struct db *db, sqlite3_stmt *st, const char *what,
	   struct buf *err);
/* Resets st and clears its bindings. */
void db_reset(sqlite3_stmt *st);

#endif
