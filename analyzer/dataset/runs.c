/* runs.c -- an external merge sort of keyed records: the records in
 * memory, the sorted runs on temporary files (one file per level of
 * merging), and the k-way merge that reads them back.
 */
#include "analyzer/dataset/runs.h"

#include "analyzer/dataset/heap.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/sv.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A record, in memory and in a run: the key's and the record's lengths
 * (4 bytes each, host order: a run never leaves the process), the key,
 * the record. */
#define HDR 8
/* Bytes gathered per write() of a run. */
#define WRITE_CHUNK (1u << 20)
/* Least bytes per read() of a run. */
#define READ_MIN (16u * 1024)
/* Levels of runs: one of level l + 1 is RUNS_FANIN of level l merged, so
 * eight levels hold more than any disk does. */
#define LEVELS 8

struct run {
	int level;
	off_t off, len;       /* its bytes in its level's file */
	size_t seq;           /* records added before its first: ties */
};

/* One sorted source of a merge: a run, or the records in memory. */
struct src {
	int fd;               /* the run's file, or -1 for memory */
	off_t at, end;        /* run: the bytes of it not yet read */
	size_t chunk;         /* ... read at a time */
	struct buf b;         /* ... bytes read ahead */
	size_t pos;           /* ... those from pos on not yet taken */
	const unsigned char *const *v; /* memory: the sorted records */
	size_t i, n;
	size_t seq;           /* ties: the earlier source first */
	const unsigned char *cur; /* the current record (its header) */
};

/* A k-way merge of some sources, as a binary min-heap. */
struct merge {
	struct src *v;
	size_t n;
	struct heap heap;     /* of struct src, by src_less() */
	int started;          /* the top has been taken */
};

struct runs {
	char *dir;            /* owned */
	size_t budget;
	struct buf mem;       /* records not in a run yet */
	size_t nmem;
	size_t memseq;        /* records added before the first in mem */
	size_t seq;           /* records added */
	const unsigned char **sorted; /* mem's records in order */
	size_t capsorted;
	int fd[LEVELS];       /* each level's file, or -1 */
	off_t end[LEVELS];    /* ... its size */
	struct run *runs;     /* in order of their first records; so by
				 level, the highest first */
	size_t nruns, capruns;
	size_t written;       /* runs written, merged ones included */
	struct buf wbuf;      /* bytes gathered for the next write */
	int reading;          /* runs_next() has been called */
	struct merge m;       /* the final merge */
};

static uint32_t
get32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static int
key_cmp(const unsigned char *a, const unsigned char *b)
{
	size_t al = get32(a), bl = get32(b);
	int c = memcmp(a + HDR, b + HDR, al < bl ? al : bl);

	return c ? c : (al > bl) - (al < bl);
}

static size_t
rec_size(const unsigned char *p)
{
	return HDR + (size_t)get32(p) + get32(p + 4);
}

/* Records in memory: by key, then in the order they were added (the
 * order of their bytes in mem). */
static int
cmp_mem(const void *x, const void *y)
{
	const unsigned char *a = *(const unsigned char *const *)x;
	const unsigned char *b = *(const unsigned char *const *)y;
	int c = key_cmp(a, b);

	return c ? c : (a > b) - (a < b);
}

struct runs *
runs_new(const char *dir, size_t budget)
{
	struct runs *r = pt_xcalloc(1, sizeof(*r));
	int l;

	r->dir = pt_xstrdup(dir);
	r->budget = budget ? budget : 1;
	buf_init(&r->mem, 0);
	buf_init(&r->wbuf, 0);
	for (l = 0; l < LEVELS; l++)
		r->fd[l] = -1;
	return r;
}

static void
merge_close(struct merge *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		buf_release(&m->v[i].b);
	free(m->v);
	free(m->heap.v);
	memset(m, 0, sizeof(*m));
}

void
runs_free(struct runs *r)
{
	int l;

	if (!r)
		return;
	merge_close(&r->m);
	for (l = 0; l < LEVELS; l++)
		if (r->fd[l] >= 0)
			close(r->fd[l]);
	buf_release(&r->mem);
	buf_release(&r->wbuf);
	free(r->sorted);
	free(r->runs);
	free(r->dir);
	free(r);
}

size_t
runs_written(const struct runs *r)
{
	return r->written;
}

static int
io_fail(const struct runs *r, const char *what, struct buf *err)
{
	if (err)
		buf_addf(err, "cannot %s the sort file in '%s': %s", what,
			 r->dir, errno ? strerror(errno) : "truncated");
	return PT_EIO;
}

/* The file of level l, made (and unlinked at once) when first needed. */
static int
level_file(struct runs *r, int l, struct buf *err)
{
	struct buf path = BUF_INIT;
	int fd;

	if (r->fd[l] >= 0)
		return 0;
	/* Named as the work files a run killed outright leaves, which the
	 * next run removes: one killed before the unlink is one of them. */
	buf_addf(&path, "%s/.presstally-work-sort-XXXXXX", r->dir);
	fd = mkstemp(path.p);
	if (fd >= 0)
		unlink(path.p);
	buf_release(&path);
	if (fd < 0)
		return io_fail(r, "create", err);
	r->fd[l] = fd;
	r->end[l] = 0;
	return 0;
}

/* Writes what wbuf has gathered at the end of level l's file. */
static int
wflush(struct runs *r, int l, struct buf *err)
{
	const char *p = r->wbuf.p;
	size_t n = r->wbuf.len;

	while (n) {
		ssize_t w = pwrite(r->fd[l], p, n, r->end[l]);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return io_fail(r, "write", err);
		}
		p += w;
		n -= (size_t)w;
		r->end[l] += w;
	}
	buf_reset(&r->wbuf);
	return 0;
}

static int
wadd(struct runs *r, int l, const unsigned char *rec, struct buf *err)
{
	size_t n = rec_size(rec);

	if (r->wbuf.len && r->wbuf.len + n > WRITE_CHUNK &&
	    wflush(r, l, err))
		return PT_EIO;
	buf_add(&r->wbuf, rec, n);
	return 0;
}

/* Sorts the records in memory into r->sorted. */
static void
sort_mem(struct runs *r)
{
	const unsigned char *p = (const unsigned char *)r->mem.p;
	size_t i;

	pt_xgrow((void **)&r->sorted, &r->capsorted, r->nmem + 1,
		 sizeof(*r->sorted));
	for (i = 0; i < r->nmem; i++) {
		r->sorted[i] = p;
		p += rec_size(p);
	}
	if (r->nmem > 1)
		qsort(r->sorted, r->nmem, sizeof(*r->sorted), cmp_mem);
}

/* --- Merging ----------------------------------------------------------- */

/* Reads ahead until `need` bytes of the run are in the buffer. */
static int
src_fill(const struct runs *r, struct src *s, size_t need, struct buf *err)
{
	size_t have = s->b.len - s->pos, want;

	if (have >= need)
		return 0;
	if (s->pos) {
		memmove(s->b.p, s->b.p + s->pos, have);
		s->b.len = have;
		s->pos = 0;
	}
	/* Up to chunk bytes held (more only for a larger record). */
	want = need > s->chunk ? need - have : s->chunk - have;
	if ((off_t)want > s->end - s->at)
		want = (size_t)(s->end - s->at);
	if (have + want < need) {
		errno = 0;
		return io_fail(r, "read", err);
	}
	buf_grow(&s->b, want);
	while (want) {
		ssize_t n = pread(s->fd, s->b.p + s->b.len, want, s->at);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = 0;
			return io_fail(r, "read", err);
		}
		s->b.len += (size_t)n;
		s->at += n;
		want -= (size_t)n;
	}
	s->b.p[s->b.len] = '\0';
	return 0;
}

/* Moves a source to its next record: 1, 0 at its end, or PT_EIO. */
static int
src_next(const struct runs *r, struct src *s, struct buf *err)
{
	size_t n;

	if (s->fd < 0) {
		if (s->i >= s->n)
			return 0;
		s->cur = s->v[s->i++];
		return 1;
	}
	if (s->pos == s->b.len && s->at == s->end)
		return 0;
	if (src_fill(r, s, HDR, err))
		return PT_EIO;
	n = rec_size((const unsigned char *)s->b.p + s->pos);
	if (src_fill(r, s, n, err))
		return PT_EIO;
	s->cur = (const unsigned char *)s->b.p + s->pos;
	s->pos += n;
	return 1;
}

static int
src_less(const void *pa, const void *pb)
{
	const struct src *a = pa, *b = pb;
	int c = key_cmp(a->cur, b->cur);

	return c < 0 || (c == 0 && a->seq < b->seq);
}

/* Opens a merge of runs [i0, i1) and, with mem, the sorted records in
 * memory; the read buffers share the budget. */
static int
merge_open(struct runs *r, struct merge *m, size_t i0, size_t i1, int mem,
	   struct buf *err)
{
	size_t n = i1 - i0 + (mem != 0), i, chunk;
	int rc;

	memset(m, 0, sizeof(*m));
	m->v = pt_xcalloc(n ? n : 1, sizeof(*m->v));
	m->heap.v = pt_xcalloc(n ? n : 1, sizeof(*m->heap.v));
	m->heap.less = src_less;
	chunk = n ? r->budget / n : r->budget;
	if (chunk < READ_MIN)
		chunk = READ_MIN;
	for (i = i0; i < i1; i++) {
		struct src *s = &m->v[m->n++];

		s->fd = r->fd[r->runs[i].level];
		s->at = r->runs[i].off;
		s->end = s->at + r->runs[i].len;
		s->chunk = chunk;
		s->seq = r->runs[i].seq;
		buf_init(&s->b, 0);
	}
	if (mem) {
		struct src *s = &m->v[m->n++];

		sort_mem(r);
		s->fd = -1;
		s->v = r->sorted;
		s->n = r->nmem;
		s->seq = r->memseq;
		buf_init(&s->b, 0);
	}
	for (i = 0; i < m->n; i++) {
		if ((rc = src_next(r, &m->v[i], err)) < 0)
			return rc;
		if (rc)
			m->heap.v[m->heap.n++] = &m->v[i];
	}
	heap_build(&m->heap);
	return 0;
}

/* The least record of the merge: 1 with *cur set, 0 at the end. */
static int
merge_next(const struct runs *r, struct merge *m, const unsigned char **cur,
	   struct buf *err)
{
	int rc;

	if (m->started && m->heap.n) {
		rc = src_next(r, m->heap.v[0], err);
		if (rc < 0)
			return rc;
		if (rc == 0)
			(void)heap_pop(&m->heap);
		else
			heap_fix_top(&m->heap);
	}
	m->started = 1;
	if (!m->heap.n)
		return 0;
	*cur = ((const struct src *)m->heap.v[0])->cur;
	return 1;
}

/* --- Writing runs ------------------------------------------------------ */

static void
push_run(struct runs *r, size_t at, int level, off_t off, off_t len,
	 size_t seq)
{
	pt_xgrow((void **)&r->runs, &r->capruns, r->nruns + 1,
		 sizeof(*r->runs));
	memmove(&r->runs[at + 1], &r->runs[at],
		(r->nruns - at) * sizeof(*r->runs));
	r->runs[at].level = level;
	r->runs[at].off = off;
	r->runs[at].len = len;
	r->runs[at].seq = seq;
	r->nruns++;
	r->written++;
}

/* Merges the runs of level l (the last ones of the list) into one of
 * level l + 1, and empties level l's file. */
static int
cascade(struct runs *r, int l, struct buf *err)
{
	struct merge m;
	const unsigned char *cur;
	size_t i0 = r->nruns, seq;
	off_t off;
	int rc;

	while (i0 > 0 && r->runs[i0 - 1].level == l)
		i0--;
	seq = r->runs[i0].seq;
	if ((rc = level_file(r, l + 1, err)) != 0)
		return rc;
	off = r->end[l + 1];
	rc = merge_open(r, &m, i0, r->nruns, 0, err);
	while (!rc && (rc = merge_next(r, &m, &cur, err)) == 1)
		rc = wadd(r, l + 1, cur, err);
	merge_close(&m);
	if (rc || (rc = wflush(r, l + 1, err)) != 0)
		return rc;
	r->nruns = i0;
	push_run(r, i0, l + 1, off, r->end[l + 1] - off, seq);
	if (ftruncate(r->fd[l], 0) != 0)
		return io_fail(r, "empty", err);
	r->end[l] = 0;
	if (l + 2 < LEVELS && i0 + 1 >= RUNS_FANIN &&
	    r->runs[i0 + 1 - RUNS_FANIN].level == l + 1)
		return cascade(r, l + 1, err);
	return 0;
}

/* Writes the records in memory as a run of level 0. */
static int
spill(struct runs *r, struct buf *err)
{
	off_t off;
	size_t i;
	int rc;

	if (!r->nmem)
		return 0;
	if ((rc = level_file(r, 0, err)) != 0)
		return rc;
	sort_mem(r);
	off = r->end[0];
	for (i = 0; i < r->nmem && !rc; i++)
		rc = wadd(r, 0, r->sorted[i], err);
	if (rc || (rc = wflush(r, 0, err)) != 0)
		return rc;
	push_run(r, r->nruns, 0, off, r->end[0] - off, r->memseq);
	buf_reset(&r->mem);
	r->nmem = 0;
	r->memseq = r->seq;
	if (r->nruns >= RUNS_FANIN &&
	    r->runs[r->nruns - RUNS_FANIN].level == 0)
		return cascade(r, 0, err);
	return 0;
}

int
runs_add(struct runs *r, const void *key, size_t klen,
	 const struct sv *parts, size_t nparts, struct buf *err)
{
	unsigned char hdr[HDR];
	size_t len = 0, i;
	uint32_t k32, l32;
	int rc;

	if (r->reading)
		return PT_EINVAL;
	for (i = 0; i < nparts; i++)
		len += parts[i].len;
	if (klen > UINT32_MAX - HDR || len > UINT32_MAX - HDR) {
		if (err)
			buf_adds(err, "a record to sort is larger than 4 GB");
		return PT_ETOOBIG;
	}
	if (r->nmem && r->mem.len + HDR + klen + len > r->budget &&
	    (rc = spill(r, err)) != 0)
		return rc;
	k32 = (uint32_t)klen;
	l32 = (uint32_t)len;
	memcpy(hdr, &k32, 4);
	memcpy(hdr + 4, &l32, 4);
	buf_grow(&r->mem, HDR + klen + len);
	buf_add(&r->mem, hdr, HDR);
	buf_add(&r->mem, key, klen);
	for (i = 0; i < nparts; i++)
		buf_add(&r->mem, parts[i].p, parts[i].len);
	r->nmem++;
	r->seq++;
	return 0;
}

int
runs_next(struct runs *r, struct sv *key, struct sv *rec, struct buf *err)
{
	const unsigned char *cur;
	int rc;

	if (!r->reading) {
		r->reading = 1;
		/* With runs on file, the rest joins them, and the memory
		 * goes to the read buffers. */
		if (r->nruns) {
			if ((rc = spill(r, err)) != 0)
				return rc;
			buf_release(&r->mem);
		}
		rc = merge_open(r, &r->m, 0, r->nruns, r->nruns == 0, err);
		if (rc)
			return rc;
	}
	rc = merge_next(r, &r->m, &cur, err);
	if (rc != 1)
		return rc;
	key->p = (const char *)cur + HDR;
	key->len = get32(cur);
	rec->p = key->p + key->len;
	rec->len = get32(cur + 4);
	return 1;
}
