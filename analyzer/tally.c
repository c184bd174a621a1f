/* tally.c -- the dataset: rows in a temporary SQLite database, written out
 * as CSV in canonical order.
 *
 * Weights are kept as integer thousandths so that sums do not depend on
 * the order in which articles or partials are added. SQLite sorts on disk
 * with a bounded cache, so memory stays flat however large the corpus.
 */
#include "analyzer/tally.h"

#include "analyzer/doc.h"
#include "analyzer/norm.h"
#include "crawler/base/buf.h"
#include "crawler/base/csv.h"
#include "crawler/base/err.h"
#include "crawler/base/hash.h"
#include "crawler/base/ofile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
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
	"CREATE TABLE articles(article_id TEXT, part INT, captured TEXT,"
	" digest TEXT, url TEXT, title TEXT, author TEXT, published TEXT,"
	" site TEXT, words INT, pro INT, con INT, prom INT, conm INT);"
	"CREATE TABLE mentions(article_id TEXT, part INT, ord INT, key TEXT,"
	" figure TEXT, mentions INT, pro INT, con INT, prom INT, conm INT,"
	" evidence TEXT, quotes INT);"
	"CREATE TABLE quotes(article_id TEXT, part INT, ord INT,"
	" speaker TEXT, quote TEXT, stance TEXT);"
	"CREATE TABLE cues(article_id TEXT, part INT, ord INT, figure TEXT,"
	" cue TEXT, polarity TEXT, wm INT, negated INT, sno INT);"
	"CREATE TABLE sents(article_id TEXT, part INT, sno INT, text TEXT);"
	"BEGIN;";

enum { S_ARTICLE, S_MENTION, S_QUOTE, S_CUE, S_SENT, S_N };

static const char *const inserts[S_N] = {
	"INSERT INTO articles VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
	"?13,?14)",
	"INSERT INTO mentions VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
	"INSERT INTO quotes VALUES(?1,?2,?3,?4,?5,?6)",
	"INSERT INTO cues VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
	"INSERT INTO sents VALUES(?1,?2,?3,?4)",
};

struct tally {
	sqlite3 *db;            /* the temporary database */
	char *dbpath;           /* its path, owned; removed by tally_free */
	char *dir;              /* output directory, owned */
	sqlite3_stmt *ins[S_N]; /* prepared inserts */
	long long part;         /* next part number */
	size_t narticles;       /* articles added */
	struct buf row;         /* reused CSV row */
	struct ofile out[F_N];  /* outputs while finishing */
	unsigned char *stored;  /* per sentence of the current article: its
				   text is in the sents table */
	size_t capstored;
	int finished;           /* 1 after tally_finish() */
};

void
tally_article_id(const char *s, char out[17])
{
	hash_sha256_hex(s, strlen(s), out, 16);
}

static int
db_fail(struct tally *t, struct buf *err, const char *what)
{
	if (err)
		buf_addf(err, "%s in '%s': %s", what, t->dir,
			 sqlite3_errmsg(t->db));
	return PT_EDB;
}

struct tally *
tally_new(const char *dir, struct buf *err)
{
	struct tally *t = pt_xcalloc(1, sizeof(*t));
	struct buf path = BUF_INIT;
	int fd, i;

	buf_init(&t->row, 0);
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
	if (sqlite3_open_v2(t->dbpath, &t->db, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(t->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(t, err, "cannot create the work database");
		tally_free(t);
		return NULL;
	}
	for (i = 0; i < S_N; i++)
		if (sqlite3_prepare_v2(t->db, inserts[i], -1, &t->ins[i],
				       NULL) != SQLITE_OK) {
			db_fail(t, err, "cannot prepare the work database");
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
	for (i = 0; i < S_N; i++)
		sqlite3_finalize(t->ins[i]);
	if (t->db)
		sqlite3_close(t->db);
	if (t->dbpath && !getenv("PT_KEEP_WORKDB"))
		unlink(t->dbpath);
	free(t->dbpath);
	free(t->dir);
	free(t->stored);
	buf_release(&t->row);
	free(t);
}

size_t
tally_articles(const struct tally *t)
{
	return t->narticles;
}

/* Binds text (NULL as ""). Not copied: every statement is stepped and
 * reset before the bound strings change. */
static void
bind_text(sqlite3_stmt *st, int i, const char *s, size_t n)
{
	sqlite3_bind_text(st, i, s ? s : "", s ? (int)n : 0, SQLITE_STATIC);
}

static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	bind_text(st, i, s, s ? strlen(s) : 0);
}

static int
step(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : PT_EDB;
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
	sqlite3_stmt *st;
	size_t i, o, len;
	long long part = t->part++;
	int ord;

	tally_article_id(m->id_source, id);
	hash_sha256_hex(d->text, d->len, digest, 16);
	st = t->ins[S_ARTICLE];
	bind_str(st, 1, id);
	sqlite3_bind_int64(st, 2, part);
	bind_str(st, 3, m->captured);
	bind_str(st, 4, digest);
	bind_str(st, 5, m->url);
	bind_str(st, 6, m->title);
	bind_str(st, 7, m->author);
	bind_str(st, 8, m->published);
	bind_str(st, 9, m->site);
	sqlite3_bind_int64(st, 10, (long long)d->words);
	sqlite3_bind_int64(st, 11, d->pro);
	sqlite3_bind_int64(st, 12, d->con);
	sqlite3_bind_int64(st, 13, d->prom);
	sqlite3_bind_int64(st, 14, d->conm);
	if (step(st))
		return db_fail(t, err, "cannot store an article");

	st = t->ins[S_MENTION];
	for (i = 0, ord = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];
		const char *stance = doc_stance(p->prom, p->conm);

		if (p->mentions == 0)
			continue;
		bind_str(st, 1, id);
		sqlite3_bind_int64(st, 2, part);
		sqlite3_bind_int(st, 3, ord++);
		bind_str(st, 4, p->key);
		bind_str(st, 5, p->name);
		sqlite3_bind_int64(st, 6, p->mentions);
		sqlite3_bind_int64(st, 7, p->pro);
		sqlite3_bind_int64(st, 8, p->con);
		sqlite3_bind_int64(st, 9, p->prom);
		sqlite3_bind_int64(st, 10, p->conm);
		if (p->evidence != DOC_NONE && strcmp(stance, "neutral") != 0) {
			doc_sentence(d, d->c[p->evidence].tok, &o, &len);
			bind_text(st, 11, d->text + o, len);
		} else {
			bind_str(st, 11, "");
		}
		sqlite3_bind_int64(st, 12, p->quotes);
		if (step(st))
			return db_fail(t, err, "cannot store a mention");
	}

	st = t->ins[S_QUOTE];
	for (i = 0, ord = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		if (!q->direct)
			continue;
		bind_str(st, 1, id);
		sqlite3_bind_int64(st, 2, part);
		sqlite3_bind_int(st, 3, ord++);
		bind_str(st, 4, q->speaker >= 0 ? d->p[q->speaker].name : "");
		bind_text(st, 5, d->text + q->o, q->e - q->o);
		bind_str(st, 6, quote_stance(d, q));
		if (step(st))
			return db_fail(t, err, "cannot store a quote");
	}

	/* A cue row refers to its sentence; each sentence's text is stored
	 * once per article however many cues it holds. */
	pt_xgrow((void **)&t->stored, &t->capstored, d->tk.nsent + 1, 1);
	memset(t->stored, 0, d->tk.nsent + 1);
	st = t->ins[S_CUE];
	for (i = 0, ord = 0; i < d->nc; i++) {
		const struct cue *c = &d->c[i];

		if (!t->stored[c->sent]) {
			sqlite3_stmt *ss = t->ins[S_SENT];

			t->stored[c->sent] = 1;
			doc_sentence(d, c->tok, &o, &len);
			bind_str(ss, 1, id);
			sqlite3_bind_int64(ss, 2, part);
			sqlite3_bind_int64(ss, 3, c->sent);
			bind_text(ss, 4, d->text + o, len);
			if (step(ss))
				return db_fail(t, err, "cannot store a sentence");
		}

		bind_str(st, 1, id);
		sqlite3_bind_int64(st, 2, part);
		sqlite3_bind_int(st, 3, ord++);
		bind_str(st, 4, c->person >= 0 ? d->p[c->person].name : "");
		bind_str(st, 5, c->phrase);
		bind_str(st, 6, c->polarity > 0 ? "pro" : "con");
		sqlite3_bind_int64(st, 7, c->wm);
		sqlite3_bind_int(st, 8, c->negated);
		sqlite3_bind_int64(st, 9, c->sent);
		if (step(st))
			return db_fail(t, err, "cannot store a cue");
	}
	t->narticles++;
	return 0;
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

static char *
join_path(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

static const char *const a_cols[] = { "article_id", "captured", "digest",
	"url", "title", "author", "published", "site", "words", "pro", "con",
	"pro_weight", "con_weight", NULL };
static const char *const m_cols[] = { "article_id", "figure", "mentions",
	"pro", "con", "pro_weight", "con_weight", "evidence", "quotes", NULL };
static const char *const q_cols[] = { "article_id", "speaker", "quote",
	"stance", NULL };
static const char *const c_cols[] = { "article_id", "figure", "cue",
	"polarity", "weight", "negated", "sentence", NULL };

static int
import_file(struct tally *t, const char *dir, int which, long long part,
	    struct buf *err)
{
	static const char *const *const cols[] = { a_cols, m_cols, q_cols,
						   c_cols };
	struct reader rd;
	char *path = join_path(dir, fnames[which]);
	sqlite3_stmt *st = t->ins[which];
	char last[17] = "";
	char *key = NULL;
	int rc, ord = 0, i, ncols;
	long long v;

	for (ncols = 0; cols[which][ncols]; ncols++)
		;
	rc = reader_open(&rd, path, cols[which], err);
	while (rc == 0 && (rc = reader_next(&rd, ncols, err)) == 1) {
		const char *id = fld(&rd, 0);

		rc = 0;
		if (strlen(id) != 16) {
			rc = bad_value(&rd, "article_id", err);
			break;
		}
		if (strcmp(id, last) != 0) {
			memcpy(last, id, 17);
			ord = 0;
		}
		sqlite3_reset(st);
		bind_str(st, 1, id);
		sqlite3_bind_int64(st, 2, part);
		if (which == F_ARTICLES) {
			for (i = 1; i <= 7; i++)
				bind_str(st, i + 2, fld(&rd, i));
			for (i = 8; i <= 10; i++) {
				if (parse_int(fld(&rd, i), &v)) {
					rc = bad_value(&rd, a_cols[i], err);
					break;
				}
				sqlite3_bind_int64(st, i + 2, v);
			}
			for (i = 11; !rc && i <= 12; i++) {
				if (parse_milli(fld(&rd, i), &v)) {
					rc = bad_value(&rd, a_cols[i], err);
					break;
				}
				sqlite3_bind_int64(st, i + 2, v);
			}
			t->narticles++;
		} else if (which == F_MENTIONS) {
			static const int ints[] = { 2, 3, 4, 8 };
			static const int slot[] = { 6, 7, 8, 12 };

			free(key);
			key = norm_key(fld(&rd, 1), strlen(fld(&rd, 1)));
			sqlite3_bind_int(st, 3, ord++);
			bind_str(st, 4, key);
			bind_str(st, 5, fld(&rd, 1));
			for (i = 0; i < 4; i++) {
				if (parse_int(fld(&rd, ints[i]), &v)) {
					rc = bad_value(&rd, m_cols[ints[i]],
						       err);
					break;
				}
				sqlite3_bind_int64(st, slot[i], v);
			}
			for (i = 5; !rc && i <= 6; i++) {
				if (parse_milli(fld(&rd, i), &v)) {
					rc = bad_value(&rd, m_cols[i], err);
					break;
				}
				sqlite3_bind_int64(st, i + 4, v);
			}
			bind_str(st, 11, fld(&rd, 7));
		} else if (which == F_QUOTES) {
			sqlite3_bind_int(st, 3, ord++);
			bind_str(st, 4, fld(&rd, 1));
			bind_str(st, 5, fld(&rd, 2));
			bind_str(st, 6, fld(&rd, 3));
		} else {
			sqlite3_bind_int(st, 3, ord++);
			bind_str(st, 4, fld(&rd, 1));
			bind_str(st, 5, fld(&rd, 2));
			bind_str(st, 6, fld(&rd, 3));
			if (parse_milli(fld(&rd, 4), &v)) {
				rc = bad_value(&rd, "weight", err);
				break;
			}
			sqlite3_bind_int64(st, 7, v);
			sqlite3_bind_int(st, 8, strcmp(fld(&rd, 5), "1") == 0);
			sqlite3_bind_int(st, 9, ord - 1);
			{
				sqlite3_stmt *ss = t->ins[S_SENT];

				sqlite3_reset(ss);
				bind_str(ss, 1, id);
				sqlite3_bind_int64(ss, 2, part);
				sqlite3_bind_int(ss, 3, ord - 1);
				bind_str(ss, 4, fld(&rd, 6));
				if (step(ss)) {
					rc = db_fail(t, err,
						     "cannot store a row");
					break;
				}
			}
		}
		if (rc)
			break;
		if (step(st)) {
			rc = db_fail(t, err, "cannot store a row");
			break;
		}
	}
	free(key);
	reader_close(&rd);
	free(path);
	return rc;
}

int
tally_import(struct tally *t, const char *dir, struct buf *err)
{
	long long part = t->part++;
	int f, rc;

	for (f = F_ARTICLES; f <= F_CUES; f++)
		if ((rc = import_file(t, dir, f, part, err)) != 0)
			return rc;
	return 0;
}

/* --- Writing the dataset --------------------------------------------- */

static void
field_milli(struct buf *row, long long m)
{
	char tmp[48];
	int n = snprintf(tmp, sizeof(tmp), "%lld.%03lld", m / 1000, m % 1000);

	csv_field(row, 0, tmp, (size_t)n);
}

static const char *
col_text(sqlite3_stmt *st, int i, size_t *len)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	*len = (size_t)sqlite3_column_bytes(st, i);
	return s ? s : "";
}

static void
field_col(struct buf *row, int first, sqlite3_stmt *st, int i)
{
	size_t len;
	const char *s = col_text(st, i, &len);

	csv_field(row, first, s, len);
}

static void
field_int(struct buf *row, sqlite3_stmt *st, int i)
{
	csv_fieldu(row, 0, (unsigned long long)sqlite3_column_int64(st, i));
}

/* What each output file holds: its header and the query that lists its
 * rows. One kind letter per query column: 't' text, 'i' an integer, 'm'
 * thousandths; 'p' and 'q' a pair of pro and con weights printed as the
 * stance they make (at 'q'). */
struct output {
	const char *header;
	const char *query;
	const char *kinds;
};

#define WINNER \
	" JOIN win w ON x.article_id = w.article_id AND x.part = w.part "

static const struct output outputs[F_N] = {
	{ "article_id,url,title,author,published,site,words,pro,con,stance,"
	  "captured,digest,pro_weight,con_weight",
	  "SELECT x.article_id, url, title, author, published, site, words,"
	  " pro, con, prom, conm, captured, digest, prom, conm"
	  " FROM articles x" WINNER "ORDER BY x.article_id",
	  "ttttttiiipqttmm" },
	{ "article_id,figure,mentions,pro,con,stance,evidence,pro_weight,"
	  "con_weight,quotes",
	  "SELECT x.article_id, figure, mentions, pro, con, prom, conm,"
	  " evidence, prom, conm, quotes"
	  " FROM mentions x" WINNER "ORDER BY x.article_id, x.part, x.ord",
	  "ttiiipqtmmi" },
	{ "article_id,speaker,quote,stance",
	  "SELECT x.article_id, speaker, quote, stance"
	  " FROM quotes x" WINNER "ORDER BY x.article_id, x.part, x.ord",
	  "tttt" },
	{ "article_id,figure,cue,polarity,weight,negated,sentence",
	  "SELECT x.article_id, figure, cue, polarity, wm, negated, s.text"
	  " FROM cues x" WINNER
	  " JOIN sents s ON s.article_id = x.article_id AND s.part = x.part"
	  " AND s.sno = x.sno ORDER BY x.article_id, x.part, x.ord",
	  "ttttmit" },
	{ "figure,articles,mentions,pro,con,stance,quotes,pro_weight,"
	  "con_weight",
	  "SELECT MIN(figure), COUNT(*), SUM(mentions), SUM(pro), SUM(con),"
	  " SUM(prom), SUM(conm), SUM(quotes), SUM(prom), SUM(conm)"
	  " FROM mentions x" WINNER "GROUP BY key ORDER BY key",
	  "tiiiipqimm" },
	{ "period,figure,articles,mentions,pro,con,stance",
	  "SELECT CASE WHEN length(a.published) >= 7"
	  "  THEN substr(a.published, 1, 7)"
	  "  WHEN length(a.captured) >= 7 THEN substr(a.captured, 1, 7)"
	  "  ELSE 'unknown' END AS period,"
	  " MIN(x.figure), COUNT(*), SUM(x.mentions), SUM(x.pro), SUM(x.con),"
	  " SUM(x.prom), SUM(x.conm)"
	  " FROM mentions x" WINNER
	  " JOIN articles a ON a.article_id = x.article_id AND a.part = x.part"
	  " GROUP BY period, x.key ORDER BY period, x.key",
	  "ttiiiipq" },
};

static int
write_output(struct tally *t, int f, struct buf *err)
{
	const struct output *o = &outputs[f];
	sqlite3_stmt *st;
	struct buf *row = &t->row;
	int rc, i;

	if (sqlite3_prepare_v2(t->db, o->query, -1, &st, NULL) != SQLITE_OK)
		return db_fail(t, err, "cannot read the work database");
	fprintf(t->out[f].fp, "%s\r\n", o->header);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_reset(row);
		for (i = 0; o->kinds[i]; i++) {
			switch (o->kinds[i]) {
			case 't':
				field_col(row, i == 0, st, i);
				break;
			case 'i':
				field_int(row, st, i);
				break;
			case 'm':
				field_milli(row, sqlite3_column_int64(st, i));
				break;
			case 'p':
				break;
			case 'q':
				csv_fields(row, 0, doc_stance(
					sqlite3_column_int64(st, i - 1),
					sqlite3_column_int64(st, i)));
				break;
			}
		}
		csv_end(row);
		if (fwrite(row->p, 1, row->len, t->out[f].fp) != row->len) {
			sqlite3_finalize(st);
			if (err)
				buf_addf(err, "cannot write '%s': %s",
					 t->out[f].path, strerror(errno));
			return PT_EIO;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(t, err, "cannot read the work database");
	return 0;
}

static const char finish_sql[] =
	"COMMIT;"
	"CREATE TABLE win AS SELECT article_id, part FROM ("
	" SELECT article_id, part, ROW_NUMBER() OVER (PARTITION BY article_id"
	"  ORDER BY captured DESC, digest DESC, part) AS rn FROM articles)"
	" WHERE rn = 1;"
	"CREATE INDEX win_i ON win(article_id, part);"
	"CREATE INDEX mentions_i ON mentions(article_id, part, ord);"
	"CREATE INDEX quotes_i ON quotes(article_id, part, ord);"
	"CREATE INDEX cues_i ON cues(article_id, part, ord);"
	"CREATE INDEX sents_i ON sents(article_id, part, sno);"
	"CREATE INDEX articles_i ON articles(article_id, part);";

int
tally_finish(struct tally *t, struct buf *err)
{
	struct buf path = BUF_INIT;
	int f, rc = 0;

	if (sqlite3_exec(t->db, finish_sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(t, err, "cannot sort the work database");
	for (f = 0; f < F_N && !rc; f++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", t->dir, fnames[f]);
		rc = ofile_open(&t->out[f], path.p, err);
		if (!rc)
			rc = write_output(t, f, err);
	}
	buf_release(&path);
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
		" FROM mentions x" WINNER "GROUP BY key"
		" ORDER BY COUNT(*) DESC, SUM(mentions) DESC, key";
	sqlite3_stmt *st;
	size_t shown = 0, more = 0, neutral = 0, k;

	if (!t->finished)
		return;
	fprintf(fp, "%-8s %-28s %8s %8s %5s %5s %6s\n", "stance", "figure",
		"articles", "mentions", "pro", "con", "quotes");
	for (k = 0; k < 3; k++) {
		if (sqlite3_prepare_v2(t->db, query, -1, &st, NULL) != SQLITE_OK)
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
