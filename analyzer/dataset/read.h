/* read.h -- reading a dataset's CSV files back by header name, for the
 * commands that look at results (quotes, report): a column is found by
 * the name in the file's header row, so files with columns added later
 * (or in another order) read the same, and a column this reader asks for
 * as optional is simply empty when a file predates it.
 *
 * The names are those of the column tables in tally.c (the writer); the
 * one exception is the UTF-8 BOM that `--excel` puts before the first
 * header, which is skipped.
 *
 * Arguments are borrowed.
 */
#ifndef PT_READ_H
#define PT_READ_H

#include <stddef.h>

struct buf;

struct dsread;

/* Opens file `name` (e.g. "quotes.csv") of dataset directory `dir` and
 * finds the columns names[0..n) in its header. A name starting with '?'
 * is optional (the '?' is not part of it): dsread_get() gives "" for it
 * when the file has no such column. Returns a new reader (free with
 * dsread_free()), or NULL with "cannot open 'PATH': why" or
 * "PATH:1: no 'NAME' column" in err; *missing (when non-NULL) is set to 1
 * when the file does not exist, so callers can treat it as optional. */
struct dsread *dsread_open(const char *dir, const char *name,
			   const char *const *names, size_t n, int *missing,
			   struct buf *err);
void dsread_free(struct dsread *r);

/* Moves to the next record: 1, 0 at the end, or PT_EPARSE with
 * "PATH:LINE: why" in err. */
int dsread_next(struct dsread *r, struct buf *err);
/* Field of column i (an index into names) of the current record; "" for
 * an absent optional column. Borrowed until the next dsread_next(). */
const char *dsread_get(const struct dsread *r, size_t i);
size_t dsread_len(const struct dsread *r, size_t i);
/* 1 when the file has column i. */
int dsread_has(const struct dsread *r, size_t i);
/* Parses column i as a whole number (or thousandths "1.500" as 1); 0 when
 * empty or malformed. */
long long dsread_int(const struct dsread *r, size_t i);
/* Parses column i as thousandths ("1.500" -> 1500, "2" -> 2000); 0 when
 * empty or malformed. */
long long dsread_milli(const struct dsread *r, size_t i);
/* Bytes read so far and the file's size, for a progress meter. */
unsigned long long dsread_offset(const struct dsread *r);
unsigned long long dsread_size(const struct dsread *r);

/* The month ("YYYY-MM") an article belongs to, as timeline.csv counts
 * it: from the publication date, else the capture time, else "unknown".
 * Writes at most 8 bytes and a NUL into out[8]. */
void dsread_month(const char *published, const char *captured, char out[8]);

/* The host of a URL ("https://www.x.org/a" -> "www.x.org"), lowercased,
 * into out (at most outlen - 1 bytes); "" when there is none. */
void dsread_host(const char *url, char *out, size_t outlen);

#endif
