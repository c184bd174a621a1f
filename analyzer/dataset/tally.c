/* tally.c -- the dataset: each article's CSV rows, rendered once, kept as
 * blocks in a temporary SQLite database with one row per article, and the
 * per-person numbers in a second table; at the end the blocks are written
 * out in article_id order and the totals computed with GROUP BY.
 *
 * One database row per article (not per CSV row) keeps the work per article
 * small and the final sort cheap; SQLite sorts on disk with a bounded
 * cache, so memory stays flat however large the corpus. Weights are kept
 * as integer thousandths so that sums do not depend on the order in which
 * articles or partials are added.
 */
#include "analyzer/dataset/tally.h"

#include "analyzer/stance/doc.h"
#include "analyzer/text/norm.h"
#include "crawler/base/buf.h"
#include "crawler/base/csv.h"
#include "crawler/base/db.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/hash.h"
#include "crawler/base/ofile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

enum { F_ARTICLES, F_MENTIONS, F_QUOTES, F_CUES, F_FIGURES, F_TIMELINE,
       F_N };

static const char *const fnames[F_N] = {
	"articles.csv", "mentions.csv", "quotes.csv", "cues.csv",
	"figures.csv", "timeline.csv"
};

static const char schema[] =
	"PRAGMA journal_mode=OFF;"
	"PRAGMA synchronous=OFF;"
	"PRAGMA temp_store=FILE;"
	"PRAGMA cache_size=-8192;"
	"CREATE TABLE art(article_id TEXT, part INT, captured TEXT,"
	" digest TEXT, published TEXT, a BLOB, m BLOB, q BLOB, c BLOB);"
	"CREATE TABLE agg(article_id TEXT, part INT, key TEXT, figure TEXT,"
	" mentions INT, pro INT, con INT, prom INT, conm INT, quotes INT);"
	"BEGIN;";

enum { S_ART, S_AGG, S_N };

static const char *const inserts[S_N] = {
	"INSERT INTO art VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	"INSERT INTO agg VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
};

/* The CSV blocks of one article, one per per-article file. */
enum { B_A, B_M, B_Q, B_C, B_N };

struct tally {
	struct db db;           /* the temporary database; inserts[] */
	char *dbpath;           /* its path, owned; removed by tally_free */
	char *dir;              /* output directory, owned */
	long long part;         /* next part number */
	size_t narticles;       /* articles added */
	struct buf blk[B_N];    /* the current article's rows */
	struct buf row;         /* reused row */
	struct ofile out[F_N];  /* outputs while finishing */
	int finished;           /* 1 after tally_finish() */
};

void
tally_article_id(const char *s, char out[17])
{
	hash_sha256_hex(s, strlen(s), out, 16);
}

struct tally *
tally_new(const char *dir, struct buf *err)
{
	struct tally *t = pt_xcalloc(1, sizeof(*t));
	struct buf path = BUF_INIT;
	int fd, i;

	buf_init(&t->row, 0);
	for (i = 0; i < B_N; i++)
		buf_init(&t->blk[i], 0);
	t->dir = pt_xstrdup(dir);
	buf_addf(&path, "%s/.presstally-work-XXXXXX", dir);
	fd = mkstemp(path.p);
	if (fd < 0) {
		if (err)
			buf_addf(err, "cannot write into '%s': %s", dir,
				 strerror(errno));
		buf_release(&path);
		tally_free(t);
		return NULL;
	}
	close(fd);
	t->dbpath = buf_detach(&path, NULL);
	/* One thread uses the database: no mutexes. */
	if (db_open(&t->db, t->dbpath, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_NOMUTEX, dir) || db_exec(&t->db, schema)) {
		db_fail(&t->db, err, "cannot create the work database");
		tally_free(t);
		return NULL;
	}
	if (db_prepare(&t->db, inserts, S_N, 0)) {
		db_fail(&t->db, err, "cannot prepare the work database");
		tally_free(t);
		return NULL;
	}
	return t;
}

void
tally_free(struct tally *t)
{
	int i;

	if (!t)
		return;
	for (i = 0; i < F_N; i++)
		ofile_abort(&t->out[i]);
	db_close(&t->db);
	if (t->dbpath)
		unlink(t->dbpath);
	free(t->dbpath);
	free(t->dir);
	for (i = 0; i < B_N; i++)
		buf_release(&t->blk[i]);
	buf_release(&t->row);
	free(t);
}

size_t
tally_articles(const struct tally *t)
{
	return t->narticles;
}

/* Binds text, NULL as "" (a missing capture time sorts as an empty one,
 * the same whether the article was analyzed or read from a partial). Not
 * copied: every statement is run and reset before the strings change. */
static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	db_bind_str(st, i, s ? s : "");
}

static void
field_milli(struct buf *row, long long m)
{
	char tmp[48];
	int n = snprintf(tmp, sizeof(tmp), "%lld.%03lld", m / 1000, m % 1000);

	csv_field(row, 0, tmp, (size_t)n);
}

/* Stores the current article's blocks (t->blk) under (id, part). */
static int
store_article(struct tally *t, const char *id, long long part,
	      const char *captured, const char *digest, const char *published,
	      struct buf *err)
{
	sqlite3_stmt *st = t->db.st[S_ART];
	int i;

	bind_str(st, 1, id);
	sqlite3_bind_int64(st, 2, part);
	bind_str(st, 3, captured);
	bind_str(st, 4, digest);
	bind_str(st, 5, published);
	for (i = 0; i < B_N; i++)
		db_bind_blob(st, 6 + i, t->blk[i].p, t->blk[i].len);
	if (db_run(&t->db, st, "cannot store an article", err))
		return PT_EDB;
	t->narticles++;
	return 0;
}

/* Stores one person's numbers for the totals. */
static int
store_agg(struct tally *t, const char *id, long long part, const char *key,
	  const char *figure, long long mentions, long long pro, long long con,
	  long long prom, long long conm, long long quotes, struct buf *err)
{
	sqlite3_stmt *st = t->db.st[S_AGG];

	bind_str(st, 1, id);
	sqlite3_bind_int64(st, 2, part);
	bind_str(st, 3, key);
	bind_str(st, 4, figure);
	sqlite3_bind_int64(st, 5, mentions);
	sqlite3_bind_int64(st, 6, pro);
	sqlite3_bind_int64(st, 7, con);
	sqlite3_bind_int64(st, 8, prom);
	sqlite3_bind_int64(st, 9, conm);
	sqlite3_bind_int64(st, 10, quotes);
	return db_run(&t->db, st, "cannot store a mention", err);
}

static const char *
quote_stance(const struct doc *d, const struct quote *q)
{
	long long pm = 0, cm = 0;
	size_t j;

	for (j = 0; j < d->nc; j++) {
		const struct cue *c = &d->c[j];

		if (c->tok < q->t0 || c->tok >= q->t1)
			continue;
		if (c->polarity > 0)
			pm += c->wm;
		else
			cm += c->wm;
	}
	return doc_stance(pm, cm);
}

int
tally_add(struct tally *t, const struct tally_meta *m, const struct doc *d,
	  struct buf *err)
{
	char id[17], digest[17];
	struct buf *r;
	size_t i, o, len;
	long long part = t->part++;

	tally_article_id(m->id_source, id);
	hash_sha256_hex(d->text, d->len, digest, 16);
	for (i = 0; i < B_N; i++)
		buf_reset(&t->blk[i]);

	r = &t->blk[B_A];
	csv_fields(r, 1, id);
	csv_fields(r, 0, m->url);
	csv_fields(r, 0, m->title);
	csv_fields(r, 0, m->author);
	csv_fields(r, 0, m->published);
	csv_fields(r, 0, m->site);
	csv_fieldu(r, 0, d->words);
	csv_fieldu(r, 0, d->pro);
	csv_fieldu(r, 0, d->con);
	csv_fields(r, 0, doc_stance(d->prom, d->conm));
	csv_fields(r, 0, m->captured);
	csv_fields(r, 0, digest);
	field_milli(r, d->prom);
	field_milli(r, d->conm);
	csv_end(r);

	r = &t->blk[B_M];
	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];
		const char *stance = doc_stance(p->prom, p->conm);

		if (p->mentions == 0)
			continue;
		csv_fields(r, 1, id);
		csv_fields(r, 0, p->name);
		csv_fieldu(r, 0, p->mentions);
		csv_fieldu(r, 0, p->pro);
		csv_fieldu(r, 0, p->con);
		csv_fields(r, 0, stance);
		if (p->evidence != DOC_NONE && strcmp(stance, "neutral") != 0) {
			doc_sentence(d, d->c[p->evidence].tok, &o, &len);
			csv_field(r, 0, d->text + o, len);
		} else {
			csv_field(r, 0, "", 0);
		}
		field_milli(r, p->prom);
		field_milli(r, p->conm);
		csv_fieldu(r, 0, p->quotes);
		csv_end(r);
		if (store_agg(t, id, part, p->key, p->name, p->mentions,
			      p->pro, p->con, p->prom, p->conm, p->quotes, err))
			return PT_EDB;
	}

	r = &t->blk[B_Q];
	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		if (!q->direct)
			continue;
		csv_fields(r, 1, id);
		csv_fields(r, 0, q->speaker >= 0 ? d->p[q->speaker].name : "");
		csv_field(r, 0, d->text + q->o, q->e - q->o);
		csv_fields(r, 0, quote_stance(d, q));
		csv_end(r);
	}

	r = &t->blk[B_C];
	for (i = 0; i < d->nc; i++) {
		const struct cue *c = &d->c[i];

		csv_fields(r, 1, id);
		csv_fields(r, 0, c->person >= 0 ? d->p[c->person].name : "");
		csv_fields(r, 0, c->phrase);
		csv_fields(r, 0, c->polarity > 0 ? "pro" : "con");
		field_milli(r, c->wm);
		csv_fieldu(r, 0, (unsigned long long)c->negated);
		doc_sentence(d, c->tok, &o, &len);
		csv_field(r, 0, d->text + o, len);
		csv_end(r);
	}
	return store_article(t, id, part, m->captured, digest, m->published,
			     err);
}

/* --- Reading a partial back ------------------------------------------ */

/* Parses "12.345" into thousandths. 0 or -1. */
static int
parse_milli(const char *s, long long *out)
{
	long long v = 0, frac = 0;
	int digits = 0;

	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9' && digits < 3) {
			frac = frac * 10 + (*s++ - '0');
			digits++;
		}
		while (digits < 3) {
			frac *= 10;
			digits++;
		}
	}
	if (*s)
		return -1;
	*out = v * 1000 + frac;
	return 0;
}

static int
parse_int(const char *s, long long *out)
{
	long long v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	if (*s)
		return -1;
	*out = v;
	return 0;
}

#define MAXCOLS 16

struct reader {
	FILE *fp;
	struct csv_reader *r;
	const char *path;        /* borrowed */
	int col[MAXCOLS];        /* column index of each wanted field */
	int n;                   /* fields in the current record */
};

static int
reader_open(struct reader *rd, const char *path, const char *const *want,
	    struct buf *err)
{
	int n, i, j;

	memset(rd, 0, sizeof(*rd));
	rd->path = path;
	rd->fp = fopen(path, "rb");
	if (!rd->fp) {
		if (err)
			buf_addf(err, "cannot open '%s': %s", path,
				 strerror(errno));
		return PT_EIO;
	}
	rd->r = csv_reader_new(rd->fp);
	n = csv_reader_next(rd->r);
	if (n <= 0) {
		if (err)
			buf_addf(err, "%s:1: expected a header row", path);
		return PT_EPARSE;
	}
	for (i = 0; want[i]; i++) {
		rd->col[i] = -1;
		for (j = 0; j < n; j++) {
			const char *h = csv_reader_field(rd->r, j);

			/* A UTF-8 BOM before the first header. */
			if (j == 0 && strncmp(h, "\xEF\xBB\xBF", 3) == 0)
				h += 3;
			if (strcmp(h, want[i]) == 0)
				rd->col[i] = j;
		}
		if (rd->col[i] < 0) {
			if (err)
				buf_addf(err, "%s:1: no '%s' column", path,
					 want[i]);
			return PT_EPARSE;
		}
	}
	return 0;
}

static void
reader_close(struct reader *rd)
{
	csv_reader_free(rd->r);
	if (rd->fp)
		fclose(rd->fp);
	memset(rd, 0, sizeof(*rd));
}

/* Next record: 1, 0 at the end, or PT_EPARSE with a message. */
static int
reader_next(struct reader *rd, int ncols, struct buf *err)
{
	int i;

	rd->n = csv_reader_next(rd->r);
	if (rd->n == 0)
		return 0;
	if (rd->n < 0) {
		if (err)
			buf_addf(err, "%s:%lu: malformed CSV record", rd->path,
				 csv_reader_line(rd->r));
		return PT_EPARSE;
	}
	for (i = 0; i < ncols; i++)
		if (rd->col[i] >= rd->n) {
			if (err)
				buf_addf(err, "%s:%lu: too few fields",
					 rd->path, csv_reader_line(rd->r));
			return PT_EPARSE;
		}
	return 1;
}

static const char *
fld(const struct reader *rd, int i)
{
	return csv_reader_field(rd->r, rd->col[i]);
}

static int
bad_value(const struct reader *rd, const char *col, struct buf *err)
{
	if (err)
		buf_addf(err, "%s:%lu: bad value in column '%s'", rd->path,
			 csv_reader_line(rd->r), col);
	return PT_EPARSE;
}

/* The columns of each per-article file, in the order they are written. A
 * partial is read by header name, and every row is written again through
 * the same CSV writer, so a merged dataset has exactly the bytes one run
 * would have written. */
static const char *const columns[B_N][16] = {
	{ "article_id", "url", "title", "author", "published", "site",
	  "words", "pro", "con", "stance", "captured", "digest", "pro_weight",
	  "con_weight", NULL },
	{ "article_id", "figure", "mentions", "pro", "con", "stance",
	  "evidence", "pro_weight", "con_weight", "quotes", NULL },
	{ "article_id", "speaker", "quote", "stance", NULL },
	{ "article_id", "figure", "cue", "polarity", "weight", "negated",
	  "sentence", NULL },
};

/* Writes the current record of rd (in columns[which] order) to out. */
static void
copy_row(const struct reader *rd, int which, struct buf *out)
{
	int i;

	for (i = 0; columns[which][i]; i++) {
		const char *f = fld(rd, i);

		csv_field(out, i == 0, f, csv_reader_field_len(rd->r,
							       rd->col[i]));
	}
	csv_end(out);
}

static int
ncols(int which)
{
	int n = 0;

	while (columns[which][n])
		n++;
	return n;
}

/* Kind of each column of columns[]: 't' text, 'i' a whole number, 'm'
 * thousandths ("1.500"). */
static const char *const kinds[B_N] = {
	"ttttttiiitttmm",
	"ttiiittmmi",
	"tttt",
	"ttttmit",
};

/* Checks the numeric columns of a record into v[]; 0 or PT_EPARSE. */
static int
check_numbers(const struct reader *rd, int which, long long *v,
	      struct buf *err)
{
	const char *k = kinds[which];
	int i;

	for (i = 0; k[i]; i++) {
		if (k[i] == 'i' && parse_int(fld(rd, i), &v[i]))
			return bad_value(rd, columns[which][i], err);
		if (k[i] == 'm' && parse_milli(fld(rd, i), &v[i]))
			return bad_value(rd, columns[which][i], err);
	}
	return 0;
}

int
tally_import(struct tally *t, const char *dir, struct buf *err)
{
	struct reader rd[B_N];
	char *paths[B_N] = { NULL, NULL, NULL, NULL };
	int have[B_N], rc = 0, i, k;
	long long part = t->part++;
	long long v[16];
	char prev[17] = "";

	memset(rd, 0, sizeof(rd));
	for (i = 0; i < B_N && !rc; i++) {
		paths[i] = fileio_join(dir, fnames[i]);
		rc = reader_open(&rd[i], paths[i], columns[i], err);
		have[i] = 0;
	}
	/* Advance every file to its first record. */
	for (i = 0; i < B_N && !rc; i++) {
		int r = reader_next(&rd[i], ncols(i), err);

		if (r < 0)
			rc = r;
		have[i] = r == 1;
	}
	/* articles.csv drives: each article takes the rows of the other
	 * files that carry its id, which follow in the same order. */
	while (!rc && have[B_A]) {
		char id[17];

		if (csv_reader_field_len(rd[B_A].r, rd[B_A].col[0]) != 16) {
			rc = bad_value(&rd[B_A], "article_id", err);
			break;
		}
		memcpy(id, fld(&rd[B_A], 0), 17);
		if (strcmp(id, prev) <= 0) {
			if (err)
				buf_addf(err, "%s/%s:%lu: articles are not in "
					 "article_id order", dir, fnames[B_A],
					 csv_reader_line(rd[B_A].r));
			rc = PT_EPARSE;
			break;
		}
		memcpy(prev, id, 17);
		for (k = 0; k < B_N; k++)
			buf_reset(&t->blk[k]);
		if ((rc = check_numbers(&rd[B_A], B_A, v, err)) != 0)
			break;
		copy_row(&rd[B_A], B_A, &t->blk[B_A]);
		for (k = B_M; k <= B_C && !rc; k++) {
			while (have[k] && strcmp(fld(&rd[k], 0), id) == 0) {
				if ((rc = check_numbers(&rd[k], k, v, err)))
					break;
				copy_row(&rd[k], k, &t->blk[k]);
				if (k == B_M) {
					const char *fig = fld(&rd[k], 1);
					char *key = norm_key(fig, strlen(fig));

					rc = store_agg(t, id, part, key, fig,
						       v[2], v[3], v[4], v[7],
						       v[8], v[9], err);
					free(key);
					if (rc)
						break;
				}
				rc = reader_next(&rd[k], ncols(k), err);
				if (rc < 0)
					break;
				have[k] = rc == 1;
				rc = 0;
			}
		}
		if (rc)
			break;
		rc = store_article(t, id, part, fld(&rd[B_A], 10),
				   fld(&rd[B_A], 11), fld(&rd[B_A], 4), err);
		if (rc)
			break;
		rc = reader_next(&rd[B_A], ncols(B_A), err);
		if (rc < 0)
			break;
		have[B_A] = rc == 1;
		rc = 0;
	}
	/* Rows left over belong to no article of articles.csv. */
	for (k = B_M; k <= B_C && !rc; k++)
		if (have[k]) {
			if (err)
				buf_addf(err, "%s/%s:%lu: article '%s' is not in "
					 "articles.csv (or rows are out of "
					 "order)", dir, fnames[k],
					 csv_reader_line(rd[k].r),
					 fld(&rd[k], 0));
			rc = PT_EPARSE;
		}
	for (i = 0; i < B_N; i++) {
		reader_close(&rd[i]);
		free(paths[i]);
	}
	return rc;
}

/* --- Writing the dataset --------------------------------------------- */

static const char *const headers[F_N] = {
	"article_id,url,title,author,published,site,words,pro,con,stance,"
	"captured,digest,pro_weight,con_weight",
	"article_id,figure,mentions,pro,con,stance,evidence,pro_weight,"
	"con_weight,quotes",
	"article_id,speaker,quote,stance",
	"article_id,figure,cue,polarity,weight,negated,sentence",
	"figure,articles,mentions,pro,con,stance,quotes,pro_weight,con_weight",
	"period,figure,articles,mentions,pro,con,stance",
};

#define WINNER \
	" JOIN win w ON x.article_id = w.article_id AND x.part = w.part "

static const char finish_sql[] =
	"COMMIT;"
	"CREATE TABLE win AS SELECT article_id, part FROM ("
	" SELECT article_id, part, ROW_NUMBER() OVER (PARTITION BY article_id"
	"  ORDER BY captured DESC, digest DESC, part) AS rn FROM art)"
	" WHERE rn = 1;"
	"CREATE INDEX win_i ON win(article_id, part);"
	"CREATE INDEX art_i ON art(article_id, part);"
	"CREATE INDEX agg_i ON agg(article_id, part);";

static const char blocks_sql[] =
	"SELECT x.a, x.m, x.q, x.c FROM win w JOIN art x"
	" ON x.article_id = w.article_id AND x.part = w.part"
	" ORDER BY w.article_id";

static const char figures_sql[] =
	"SELECT MIN(figure), COUNT(*), SUM(mentions), SUM(pro), SUM(con),"
	" SUM(prom), SUM(conm), SUM(quotes)"
	" FROM agg x" WINNER "GROUP BY key ORDER BY key";

static const char timeline_sql[] =
	"SELECT CASE WHEN length(a.published) >= 7"
	"  THEN substr(a.published, 1, 7)"
	"  WHEN length(a.captured) >= 7 THEN substr(a.captured, 1, 7)"
	"  ELSE 'unknown' END AS period,"
	" MIN(x.figure), COUNT(*), SUM(x.mentions), SUM(x.pro), SUM(x.con),"
	" SUM(x.prom), SUM(x.conm)"
	" FROM agg x" WINNER
	" JOIN art a ON a.article_id = x.article_id AND a.part = x.part"
	" GROUP BY period, x.key ORDER BY period, x.key";

static int
write_fail(struct tally *t, int f, struct buf *err)
{
	if (err)
		buf_addf(err, "cannot write '%s': %s", t->out[f].path,
			 strerror(errno));
	return PT_EIO;
}

static int
write_blocks(struct tally *t, struct buf *err)
{
	sqlite3_stmt *st;
	int rc, f;

	if (sqlite3_prepare_v2(t->db.h, blocks_sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(&t->db, err, "cannot read the work database");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (f = 0; f < B_N; f++) {
			size_t n = (size_t)sqlite3_column_bytes(st, f);
			const void *p = sqlite3_column_blob(st, f);

			if (n && fwrite(p, 1, n, t->out[f].fp) != n) {
				sqlite3_finalize(st);
				return write_fail(t, f, err);
			}
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 :
	       db_fail(&t->db, err, "cannot read the work database");
}

/* Writes figures.csv (timeline = 0) or timeline.csv (timeline = 1). */
static int
write_totals(struct tally *t, int timeline, struct buf *err)
{
	int f = timeline ? F_TIMELINE : F_FIGURES;
	sqlite3_stmt *st;
	struct buf *r = &t->row;
	int rc, c;

	if (sqlite3_prepare_v2(t->db.h, timeline ? timeline_sql : figures_sql,
			       -1, &st, NULL) != SQLITE_OK)
		return db_fail(&t->db, err, "cannot read the work database");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long prom, conm;

		buf_reset(r);
		c = 0;
		if (timeline)
			csv_fields(r, 1, (const char *)sqlite3_column_text(st,
									   c++));
		csv_fields(r, !timeline, (const char *)sqlite3_column_text(st,
									  c++));
		csv_fieldu(r, 0, (unsigned long long)sqlite3_column_int64(st,
									  c++));
		csv_fieldu(r, 0, (unsigned long long)sqlite3_column_int64(st,
									  c++));
		csv_fieldu(r, 0, (unsigned long long)sqlite3_column_int64(st,
									  c++));
		csv_fieldu(r, 0, (unsigned long long)sqlite3_column_int64(st,
									  c++));
		prom = sqlite3_column_int64(st, c++);
		conm = sqlite3_column_int64(st, c++);
		csv_fields(r, 0, doc_stance(prom, conm));
		if (!timeline) {
			csv_fieldu(r, 0, (unsigned long long)
				   sqlite3_column_int64(st, c++));
			field_milli(r, prom);
			field_milli(r, conm);
		}
		csv_end(r);
		if (fwrite(r->p, 1, r->len, t->out[f].fp) != r->len) {
			sqlite3_finalize(st);
			return write_fail(t, f, err);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 :
	       db_fail(&t->db, err, "cannot read the work database");
}

int
tally_finish(struct tally *t, struct buf *err)
{
	struct buf path = BUF_INIT;
	int f, rc = 0;

	if (db_exec(&t->db, finish_sql))
		return db_fail(&t->db, err, "cannot sort the work database");
	for (f = 0; f < F_N && !rc; f++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", t->dir, fnames[f]);
		rc = ofile_open(&t->out[f], path.p, err);
		if (!rc)
			fprintf(t->out[f].fp, "%s\r\n", headers[f]);
	}
	buf_release(&path);
	if (!rc)
		rc = write_blocks(t, err);
	if (!rc)
		rc = write_totals(t, 0, err);
	if (!rc)
		rc = write_totals(t, 1, err);
	/* All six are complete before any replaces the previous one. */
	for (f = 0; f < F_N && !rc; f++)
		rc = ofile_commit(&t->out[f], err);
	for (f = 0; f < F_N; f++)
		ofile_abort(&t->out[f]);
	if (!rc)
		t->finished = 1;
	return rc;
}

/* --- The terminal summary -------------------------------------------- */

/* Prints s and pads it with spaces to `width` terminal columns. */
static void
print_padded(FILE *fp, const char *s, int width)
{
	int cols = 0;
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp;
		size_t k = norm_decode(s + i, n - i, &cp);
		int w = utf8proc_charwidth(cp);

		cols += w > 0 ? w : 0;
		i += k;
	}
	fputs(s, fp);
	for (; cols < width; cols++)
		fputc(' ', fp);
}

void
tally_print_summary(struct tally *t, FILE *fp, size_t max_rows)
{
	static const char *const order[] = { "pro", "con", "mixed" };
	static const char query[] =
		"SELECT MIN(figure), COUNT(*), SUM(mentions), SUM(pro),"
		" SUM(con), SUM(prom), SUM(conm), SUM(quotes)"
		" FROM agg x" WINNER "GROUP BY key"
		" ORDER BY COUNT(*) DESC, SUM(mentions) DESC, key";
	sqlite3_stmt *st;
	size_t shown = 0, more = 0, neutral = 0, k;

	if (!t->finished)
		return;
	fprintf(fp, "%-8s %-28s %8s %8s %5s %5s %6s\n", "stance", "figure",
		"articles", "mentions", "pro", "con", "quotes");
	for (k = 0; k < 3; k++) {
		if (sqlite3_prepare_v2(t->db.h, query, -1, &st, NULL) != SQLITE_OK)
			return;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *s = doc_stance(sqlite3_column_int64(st, 5),
						   sqlite3_column_int64(st, 6));

			if (strcmp(s, "neutral") == 0) {
				if (k == 0)
					neutral++;
				continue;
			}
			if (strcmp(s, order[k]) != 0)
				continue;
			if (shown >= max_rows) {
				more++;
				continue;
			}
			shown++;
			fprintf(fp, "%-8s ", s);
			print_padded(fp, (const char *)sqlite3_column_text(st, 0),
				     28);
			fprintf(fp, " %8lld %8lld %5lld %5lld %6lld\n",
				sqlite3_column_int64(st, 1),
				sqlite3_column_int64(st, 2),
				sqlite3_column_int64(st, 3),
				sqlite3_column_int64(st, 4),
				sqlite3_column_int64(st, 7));
		}
		sqlite3_finalize(st);
	}
	if (more)
		fprintf(fp, "... and %zu more with a stance\n", more);
	if (neutral)
		fprintf(fp, "(%zu more people named without a stance)\n",
			neutral);
}
