/* csv.c -- RFC 4180 writer and reader. */
#include "crawler/base/csv.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

/* Bytes that make a field quoted: comma, quote, CR, LF. */
static const unsigned char special[256] = {
	[','] = 1, ['"'] = 1, ['\r'] = 1, ['\n'] = 1,
};

void
csv_field(struct buf *row, int first, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, marks = 0;
	int quote = n > 0 && (p[0] == ' ' || p[n - 1] == ' ');
	char *o;

	/* The files hold millions of fields: a long one is searched with
	 * memchr() (which takes many bytes a step), a short one a byte at
	 * a time. */
	if (!quote && n >= 32)
		quote = memchr(p, ',', n) || memchr(p, '"', n) ||
			memchr(p, '\n', n) || memchr(p, '\r', n);
	else
		for (; !quote && i < n; i++)
			quote = special[u[i]];
	if (quote)
		for (i = 0; (u = memchr(p + i, '"', n - i)) != NULL;
		     i = (size_t)((const char *)u - p) + 1)
			marks++;
	/* Room for the comma, the quotes and each doubled mark at once. */
	if (buf_grow(row, n + marks + 3))
		return;
	o = row->p + row->len;
	if (!first)
		*o++ = ',';
	if (quote)
		*o++ = '"';
	if (!marks) {
		memcpy(o, p, n);
		o += n;
	} else {
		/* Runs between quote marks whole; each mark doubled. */
		const char *end = p + n, *q;

		while ((q = memchr(p, '"', (size_t)(end - p))) != NULL) {
			memcpy(o, p, (size_t)(q - p) + 1);
			o += q - p + 1;
			*o++ = '"';
			p = q + 1;
		}
		memcpy(o, p, (size_t)(end - p));
		o += end - p;
	}
	if (quote)
		*o++ = '"';
	*o = '\0';
	row->len = (size_t)(o - row->p);
}

void
csv_fields(struct buf *row, int first, const char *s)
{
	csv_field(row, first, s ? s : "", s ? strlen(s) : 0);
}

void
csv_fieldu(struct buf *row, int first, unsigned long long v)
{
	char tmp[24];
	size_t n = sizeof(tmp);

	/* What "%llu" writes, without printf's cost: the files hold
	 * millions of numbers. */
	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	csv_field(row, first, tmp + n, sizeof(tmp) - n);
}

void
csv_end(struct buf *row)
{
	buf_add(row, "\r\n", 2);
}

#define CSV_MAX_RECORD (16u * 1024 * 1024)
#define CSV_MAX_FIELDS 256
#define CSV_CHUNK 65536

struct csv_reader {
	FILE *fp;                 /* borrowed */
	char in[CSV_CHUNK];       /* read-ahead */
	size_t pos, len;          /* unread bytes are in[pos..len) */
	int eof;                  /* fp is exhausted */
	struct buf rec;           /* field bytes, each NUL-terminated */
	size_t off[CSV_MAX_FIELDS]; /* start of each field in rec */
	size_t flen[CSV_MAX_FIELDS]; /* length of each field */
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

/* Makes at least one unread byte available; 0 at the end of the input. */
static int
fill(struct csv_reader *r)
{
	if (r->pos < r->len)
		return 1;
	if (r->eof)
		return 0;
	r->len = fread(r->in, 1, sizeof(r->in), r->fp);
	r->pos = 0;
	if (r->len == 0) {
		r->eof = 1;
		return 0;
	}
	return 1;
}

static size_t
count_nl(const char *p, size_t n)
{
	size_t c = 0;
	const char *q;

	while (n && (q = memchr(p, '\n', n)) != NULL) {
		c++;
		n -= (size_t)(q - p) + 1;
		p = q + 1;
	}
	return c;
}

/* Bytes that end an unquoted stretch of a record. */
static const unsigned char stop[256] = {
	[','] = 1, ['\n'] = 1, ['"'] = 1,
};

/* buf_add() to the record, without the call while there is room. */
static int
rec_add(struct buf *b, const char *p, size_t n)
{
	if (b->cap > b->len + n && (!b->max || b->len + n <= b->max)) {
		memcpy(b->p + b->len, p, n);
		b->len += n;
		b->p[b->len] = '\0';
		return 0;
	}
	return buf_add(b, p, n);
}

/* Ends field number n at the current end of rec. */
static int
end_field(struct csv_reader *r, int n, size_t start)
{
	if (n >= CSV_MAX_FIELDS)
		return PT_ETOOBIG;
	r->off[n] = start;
	r->flen[n] = r->rec.len - start;
	return rec_add(&r->rec, "", 1) ? PT_ETOOBIG : 0;
}

int
csv_reader_next(struct csv_reader *r)
{
	int n = 0, inq = 0, any = 0;
	size_t start = 0;

	buf_reset(&r->rec);
	r->rec_line = r->line;
	for (;;) {
		const char *p, *e;
		char c;

		if (!fill(r)) {
			if (inq)
				return PT_EPARSE;
			if (!any)
				return 0;
			break;
		}
		any = 1;
		p = r->in + r->pos;
		e = r->in + r->len;
		if (inq) {
			/* Copy up to the next quote mark in one go. */
			const char *q = memchr(p, '"', (size_t)(e - p));
			size_t k = (size_t)((q ? q : e) - p);

			r->line += count_nl(p, k);
			if (rec_add(&r->rec, p, k))
				return PT_ETOOBIG;
			r->pos += k;
			if (!q)
				continue;
			r->pos++; /* the mark */
			if (fill(r) && r->in[r->pos] == '"') {
				r->pos++;
				if (buf_addc(&r->rec, '"'))
					return PT_ETOOBIG;
				continue;
			}
			inq = 0;
			continue;
		}
		/* Unquoted: copy up to the next comma, line end or quote. */
		{
			const char *q = p;
			size_t k;

			/* Four bytes a step: the files hold millions of
			 * fields. */
			while (q + 4 <= e && !(stop[(unsigned char)q[0]] |
					       stop[(unsigned char)q[1]] |
					       stop[(unsigned char)q[2]] |
					       stop[(unsigned char)q[3]]))
				q += 4;
			while (q < e && !stop[(unsigned char)*q])
				q++;
			k = (size_t)(q - p);
			if (rec_add(&r->rec, p, k))
				return PT_ETOOBIG;
			r->pos += k;
			if (q == e)
				continue;
			c = *q;
			r->pos++;
		}
		if (c == '"') {
			inq = 1;
			continue;
		}
		if (c == '\n' && r->rec.len > start &&
		    r->rec.p[r->rec.len - 1] == '\r')
			buf_truncate(&r->rec, r->rec.len - 1);
		if (end_field(r, n++, start))
			return PT_ETOOBIG;
		start = r->rec.len;
		if (c == '\n') {
			r->line++;
			return n;
		}
	}
	if (end_field(r, n++, start))
		return PT_ETOOBIG;
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
	return r->flen[i];
}

unsigned long
csv_reader_line(const struct csv_reader *r)
{
	return r->rec_line;
}
