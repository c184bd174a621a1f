/* testutil.h -- helpers for the tests: running the presstally binary,
 * temporary directories, and reading CSV files by header name.
 */
#ifndef PT_TESTUTIL_H
#define PT_TESTUTIL_H

#include "crawler/base/buf.h"

#include <stddef.h>

/* Path of the presstally binary under test ($PT_BINARY). */
const char *tu_binary(void);
/* Repository root ($PT_SOURCE_DIR) joined with rel; returns a new string;
 * free with free(). */
char *tu_src(const char *rel);
/* ../shared (beside the repository) joined with rel; new string. */
char *tu_shared(const char *rel);

/* Exit status of a test program whose cases did not run: ctest reports
 * it as skipped (SKIP_RETURN_CODE in tests/CMakeLists.txt). */
#define TU_SKIPPED 77

/* Whether ../shared/rel exists. When it does not, says so on stdout
 * ("skipped: ../shared/rel not found: what"), so that a clone without the
 * evaluation data sees what was left out; `what` names the cases. */
int tu_shared_have(const char *rel, const char *what);
/* Whether the program was started as "test_x --shared": the ctest entry
 * x_shared, which runs only the cases that read ../shared. */
int tu_shared_mode(int argc, char **argv);

/* Runs the binary with args (NULL-terminated, without argv[0]); stdin from
 * stdin_path (NULL = /dev/null). stdout and stderr are captured into out
 * and err (either may be NULL). Returns the exit status, or 128 + signal
 * number when it was killed. */
int tu_run(const char *const *args, const char *stdin_path, struct buf *out,
	   struct buf *err);

/* Makes a new temporary directory; returns its path (free with free()). */
char *tu_tmpdir(void);
/* Removes a directory tree. */
void tu_rmrf(const char *dir);
/* Writes len bytes to path; 0 or -1. */
int tu_write(const char *path, const void *data, size_t len);
/* Number of entries in a directory, not counting ., .. and the lock file
 * .lock (cmd_lock_dir()), which is not an output. */
int tu_count_entries(const char *dir);

struct tu_csv {
	size_t ncols;   /* columns of the header */
	size_t nrows;   /* data rows */
	char ***rows;   /* rows[r][c], owned; row 0 is the header */
};

/* Loads a CSV file; 0, or -1 when it cannot be read or parsed (or a row
 * has a different number of fields than the header). */
int tu_csv_load(const char *path, struct tu_csv *csv);
void tu_csv_free(struct tu_csv *csv);
/* Column index of `name` in the header, or -1. */
int tu_csv_col(const struct tu_csv *csv, const char *name);
/* Field of data row r (from 0) in column `name`; NULL if absent. */
const char *tu_csv_get(const struct tu_csv *csv, size_t r, const char *name);
/* First data row whose column `col` equals `value`, or -1. */
long tu_csv_find(const struct tu_csv *csv, const char *col,
		 const char *value);

#endif
