/* csv.h -- RFC 4180 CSV writer: comma separated, CRLF line ends, fields
 * quoted when they contain a comma, quote, CR or LF (or start with a
 * space, so spreadsheet tools keep it), quotes doubled.
 *
 * Fields are appended to a struct buf; the caller writes the buffer.
 */
#ifndef PT_CSV_H
#define PT_CSV_H

#include <stddef.h>
#include <stdio.h>

struct buf;

struct csv_reader;

/* Appends one field (with a leading comma unless `first`). */
void csv_field(struct buf *row, int first, const char *p, size_t n);
void csv_fields(struct buf *row, int first, const char *s);
void csv_fieldu(struct buf *row, int first, unsigned long long v);
/* Ends the record with CRLF. */
void csv_end(struct buf *row);

/* Reading, for merges and tests. Returns a new reader over `fp` (borrowed).
 * Free with csv_reader_free(). */
struct csv_reader *csv_reader_new(FILE *fp);
void csv_reader_free(struct csv_reader *r);
/* Reads the next record. Returns the number of fields (>= 1), 0 at end of
 * file, PT_EPARSE on a malformed record or PT_ETOOBIG. Field i is
 * csv_reader_field(r, i), borrowed until the next call. */
int csv_reader_next(struct csv_reader *r);
const char *csv_reader_field(const struct csv_reader *r, int i);
size_t csv_reader_field_len(const struct csv_reader *r, int i);
/* 1-based line number where the last record began. */
unsigned long csv_reader_line(const struct csv_reader *r);

#endif
