/* csv.c -- RFC 4180 writer and reader. */
#include "crawler/base/csv.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

void
csv_field(struct buf *row, int first, const char *p, size_t n)
{
	const char *q, *end = p + n;
	size_t i;
	int quote = n > 0 && (p[0] == ' ' || p[n - 1] == ' ');

	if (!first)
		buf_addc(row, ',');
	for (i = 0; i < n && !quote; i++)
		if (p[i] == ',' || p[i] == '"' || p[i] == '\r' || p[i] == '\n')
			quote = 1;
	if (!quote) {
		buf_add(row, p, n);
		return;
	}
	buf_addc(row, '"');
	/* Copy runs between quote marks whole; double each mark. */
	while (p < end && (q = memchr(p, '"', (size_t)(end - p))) != NULL) {
		buf_add(row, p, (size_t)(q - p) + 1);
		buf_addc(row, '"');
		p = q + 1;
	}
	buf_add(row, p, (size_t)(end - p));
	buf_addc(row, '"');
}

void
csv_fields(struct buf *row, int first, const char *s)
{
	csv_field(row, first, s ? s : "", s ? strlen(s) : 0);
}

void
csv_fieldu(struct buf *row, int first, unsigned long long v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%llu", v);

	csv_field(row, first, tmp, (size_t)n);
}

void
csv_end(struct buf *row)
{
	buf_add(row, "\r\n", 2);
}

#define CSV_MAX_RECORD (16u * 1024 * 1024)
#define CSV_MAX_FIELDS 256

struct csv_reader {
	FILE *fp;                 /* borrowed */
	struct buf rec;           /* field bytes, each NUL-terminated */
	size_t off[CSV_MAX_FIELDS]; /* start of each field in rec */
	size_t len[CSV_MAX_FIELDS]; /* length of each field */
	unsigned long line;       /* current line number */
	unsigned long rec_line;   /* line where the last record began */
};

struct csv_reader *
csv_reader_new(FILE *fp)
{
	struct csv_reader *r = pt_xcalloc(1, sizeof(*r));

	r->fp = fp;
	buf_init(&r->rec, CSV_MAX_RECORD);
	r->line = 1;
	return r;
}

void
csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	buf_release(&r->rec);
	free(r);
}

int
csv_reader_next(struct csv_reader *r)
{
	int c, n = 0, inq = 0, any = 0;
	size_t start;

	buf_reset(&r->rec);
	r->rec_line = r->line;
	start = 0;
	for (;;) {
		c = getc(r->fp);
		if (c == EOF) {
			if (inq)
				return PT_EPARSE;
			if (!any)
				return 0;
			break;
		}
		any = 1;
		if (inq) {
			if (c == '"') {
				int d = getc(r->fp);
				if (d == '"') {
					if (buf_addc(&r->rec, '"'))
						return PT_ETOOBIG;
					continue;
				}
				inq = 0;
				if (d != EOF)
					ungetc(d, r->fp);
				continue;
			}
			if (c == '\n')
				r->line++;
			if (buf_addc(&r->rec, (char)c))
				return PT_ETOOBIG;
			continue;
		}
		if (c == '"') {
			inq = 1;
			continue;
		}
		if (c == ',' || c == '\n') {
			if (n >= CSV_MAX_FIELDS)
				return PT_ETOOBIG;
			if (c == '\n' && r->rec.len > start &&
			    r->rec.p[r->rec.len - 1] == '\r')
				buf_truncate(&r->rec, r->rec.len - 1);
			r->off[n] = start;
			r->len[n] = r->rec.len - start;
			n++;
			if (buf_addc(&r->rec, '\0'))
				return PT_ETOOBIG;
			start = r->rec.len;
			if (c == '\n') {
				r->line++;
				return n;
			}
			continue;
		}
		if (buf_addc(&r->rec, (char)c))
			return PT_ETOOBIG;
	}
	if (n >= CSV_MAX_FIELDS)
		return PT_ETOOBIG;
	r->off[n] = start;
	r->len[n] = r->rec.len - start;
	n++;
	buf_addc(&r->rec, '\0');
	return n;
}

const char *
csv_reader_field(const struct csv_reader *r, int i)
{
	return r->rec.p + r->off[i];
}

size_t
csv_reader_field_len(const struct csv_reader *r, int i)
{
	return r->len[i];
}

unsigned long
csv_reader_line(const struct csv_reader *r)
{
	return r->rec_line;
}
