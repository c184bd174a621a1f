/* read.c -- the dataset's CSV files read back by header name (read.h).
 */
#include "analyzer/dataset/read.h"

#include "crawler/base/buf.h"
#include "crawler/base/csv.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct dsread {
	FILE *fp;
	struct csv_reader *r;
	char *path;              /* owned */
	size_t n;                /* columns asked for */
	int *col;                /* file column of each, -1 when absent */
	int nfields;             /* fields of the current record */
	unsigned long long size; /* of the file */
};

void
dsread_free(struct dsread *r)
{
	if (!r)
		return;
	csv_reader_free(r->r);
	if (r->fp)
		fclose(r->fp);
	free(r->path);
	free(r->col);
	free(r);
}

/* The header field j, without a UTF-8 BOM before the first one. */
static const char *
header_field(const struct dsread *r, int j)
{
	const char *h = csv_reader_field(r->r, j);

	if (j == 0 && strncmp(h, "\xEF\xBB\xBF", 3) == 0)
		h += 3;
	return h;
}

static int
map_header(struct dsread *r, const char *const *names, int nf,
	   struct buf *err)
{
	size_t i;
	int j;

	for (i = 0; i < r->n; i++) {
		const char *want = names[i];
		int optional = want[0] == '?';

		want += optional;
		r->col[i] = -1;
		for (j = 0; j < nf && r->col[i] < 0; j++)
			if (strcmp(header_field(r, j), want) == 0)
				r->col[i] = j;
		if (r->col[i] < 0 && !optional) {
			if (err)
				buf_addf(err, "%s:1: no '%s' column", r->path,
					 want);
			return PT_EPARSE;
		}
	}
	return 0;
}

struct dsread *
dsread_open(const char *dir, const char *name, const char *const *names,
	    size_t n, int *missing, struct buf *err)
{
	struct dsread *r = pt_xcalloc(1, sizeof(*r));
	struct stat st;
	int nf;

	if (missing)
		*missing = 0;
	r->path = fileio_join(dir, name);
	r->n = n;
	r->col = pt_xcalloc(n ? n : 1, sizeof(*r->col));
	r->fp = fopen(r->path, "rb");
	if (!r->fp) {
		if (missing)
			*missing = errno == ENOENT;
		if (err)
			buf_addf(err, "cannot open '%s': %s", r->path,
				 strerror(errno));
		dsread_free(r);
		return NULL;
	}
	if (fstat(fileno(r->fp), &st) == 0)
		r->size = (unsigned long long)st.st_size;
	r->r = csv_reader_new(r->fp);
	nf = csv_reader_next(r->r);
	if (nf <= 0) {
		if (err)
			buf_addf(err, "%s:1: expected a header row", r->path);
		dsread_free(r);
		return NULL;
	}
	if (map_header(r, names, nf, err)) {
		dsread_free(r);
		return NULL;
	}
	return r;
}

int
dsread_next(struct dsread *r, struct buf *err)
{
	size_t i;
	int n = csv_reader_next(r->r);

	if (n == 0)
		return 0;
	if (n < 0) {
		if (err)
			buf_addf(err, "%s:%lu: malformed CSV record", r->path,
				 csv_reader_line(r->r));
		return PT_EPARSE;
	}
	for (i = 0; i < r->n; i++)
		if (r->col[i] >= n) {
			if (err)
				buf_addf(err, "%s:%lu: too few fields",
					 r->path, csv_reader_line(r->r));
			return PT_EPARSE;
		}
	r->nfields = n;
	return 1;
}

const char *
dsread_get(const struct dsread *r, size_t i)
{
	if (i >= r->n || r->col[i] < 0)
		return "";
	return csv_reader_field(r->r, r->col[i]);
}

size_t
dsread_len(const struct dsread *r, size_t i)
{
	if (i >= r->n || r->col[i] < 0)
		return 0;
	return csv_reader_field_len(r->r, r->col[i]);
}

int
dsread_has(const struct dsread *r, size_t i)
{
	return i < r->n && r->col[i] >= 0;
}

long long
dsread_int(const struct dsread *r, size_t i)
{
	const char *s = dsread_get(r, i);
	long long v = 0;

	while (*s >= '0' && *s <= '9' && v < 1000000000000000LL)
		v = v * 10 + (*s++ - '0');
	return v;
}

long long
dsread_milli(const struct dsread *r, size_t i)
{
	const char *s = dsread_get(r, i);
	long long v = dsread_int(r, i) * 1000, scale = 100;

	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9' && scale > 0; s++) {
			v += (*s - '0') * scale;
			scale /= 10;
		}
	return v;
}

unsigned long long
dsread_offset(const struct dsread *r)
{
	long off = ftell(r->fp);

	return off > 0 ? (unsigned long long)off : 0;
}

unsigned long long
dsread_size(const struct dsread *r)
{
	return r->size;
}

void
dsread_month(const char *published, const char *captured, char out[8])
{
	/* The same rule as timeline.csv's period: seven characters of the
	 * first date that has them. */
	const char *s = published && strlen(published) >= 7 ? published :
			captured && strlen(captured) >= 7 ? captured : NULL;

	if (s) {
		memcpy(out, s, 7);
		out[7] = '\0';
	} else {
		memcpy(out, "unknown", 8);
	}
}

void
dsread_host(const char *url, char *out, size_t outlen)
{
	const char *p = strstr(url ? url : "", "://");
	size_t n = 0;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (!p)
		return;
	p += 3;
	/* Skip user info. */
	{
		const char *at = strchr(p, '@'), *slash = strchr(p, '/');

		if (at && (!slash || at < slash))
			p = at + 1;
	}
	while (*p && *p != '/' && *p != ':' && *p != '?' && *p != '#' &&
	       n + 1 < outlen)
		out[n++] = (char)tolower((unsigned char)*p++);
	out[n] = '\0';
}
