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
 *
 * `merge` reads its partials as streams instead (merge_streams()): each
 * is sorted by article_id, so a k-way merge meets the captures of an
 * article together, keeps one and writes its blocks out at once; only
 * the rows behind the totals go into the database.
 *
 * Each file's columns are one table below (name and kind); the writer, the
 * header row, the reader of partials and the SQL of the totals and of the
 * work tables all come from those tables.
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

/* --- The column tables ---------------------------------------------- */

/* What a column holds. */
enum kind {
	K_TEXT,   /* text */
	K_INT,    /* a whole number */
	K_MILLI,  /* thousandths, written "1.500" */
	K_STANCE, /* text in the per-article files; in the totals computed
		     from two sums (pro and con weights) */
	K_BLOB    /* work tables only: bytes */
};

struct column {
	const char *name;  /* header name (or work-table column) */
	enum kind kind;
	const char *sql;   /* totals only: the SELECT expression(s); two for
			      K_STANCE (pro, con) */
};

/* The six files; the four per-article ones come first, in the order of
 * the blocks kept per article. */
enum { F_ARTICLES, F_MENTIONS, F_QUOTES, F_CUES, F_NBLOCKS,
       F_FIGURES = F_NBLOCKS, F_TIMELINE, F_N };

enum { A_ID, A_URL, A_TITLE, A_AUTHOR, A_PUBLISHED, A_SITE, A_WORDS, A_PRO,
       A_CON, A_STANCE, A_CAPTURED, A_DIGEST, A_PROW, A_CONW, A_N };
static const struct column articles_cols[A_N] = {
	[A_ID] = { "article_id", K_TEXT, NULL },
	[A_URL] = { "url", K_TEXT, NULL },
	[A_TITLE] = { "title", K_TEXT, NULL },
	[A_AUTHOR] = { "author", K_TEXT, NULL },
	[A_PUBLISHED] = { "published", K_TEXT, NULL },
	[A_SITE] = { "site", K_TEXT, NULL },
	[A_WORDS] = { "words", K_INT, NULL },
	[A_PRO] = { "pro", K_INT, NULL },
	[A_CON] = { "con", K_INT, NULL },
	[A_STANCE] = { "stance", K_STANCE, NULL },
	[A_CAPTURED] = { "captured", K_TEXT, NULL },
	[A_DIGEST] = { "digest", K_TEXT, NULL },
	[A_PROW] = { "pro_weight", K_MILLI, NULL },
	[A_CONW] = { "con_weight", K_MILLI, NULL },
};

enum { M_ID, M_FIGURE, M_MENTIONS, M_PRO, M_CON, M_STANCE, M_EVIDENCE,
       M_PROW, M_CONW, M_QUOTES, M_N };
static const struct column mentions_cols[M_N] = {
	[M_ID] = { "article_id", K_TEXT, NULL },
	[M_FIGURE] = { "figure", K_TEXT, NULL },
	[M_MENTIONS] = { "mentions", K_INT, NULL },
	[M_PRO] = { "pro", K_INT, NULL },
	[M_CON] = { "con", K_INT, NULL },
	[M_STANCE] = { "stance", K_STANCE, NULL },
	[M_EVIDENCE] = { "evidence", K_TEXT, NULL },
	[M_PROW] = { "pro_weight", K_MILLI, NULL },
	[M_CONW] = { "con_weight", K_MILLI, NULL },
	[M_QUOTES] = { "quotes", K_INT, NULL },
};

enum { Q_ID, Q_SPEAKER, Q_QUOTE, Q_STANCE, Q_N };
static const struct column quotes_cols[Q_N] = {
	[Q_ID] = { "article_id", K_TEXT, NULL },
	[Q_SPEAKER] = { "speaker", K_TEXT, NULL },
	[Q_QUOTE] = { "quote", K_TEXT, NULL },
	[Q_STANCE] = { "stance", K_STANCE, NULL },
};

enum { C_ID, C_FIGURE, C_CUE, C_POLARITY, C_WEIGHT, C_NEGATED, C_SENTENCE,
       C_N };
static const struct column cues_cols[C_N] = {
	[C_ID] = { "article_id", K_TEXT, NULL },
	[C_FIGURE] = { "figure", K_TEXT, NULL },
	[C_CUE] = { "cue", K_TEXT, NULL },
	[C_POLARITY] = { "polarity", K_TEXT, NULL },
	[C_WEIGHT] = { "weight", K_MILLI, NULL },
	[C_NEGATED] = { "negated", K_INT, NULL },
	[C_SENTENCE] = { "sentence", K_TEXT, NULL },
};

/* The totals: one row per person (figures) and per month and person
 * (timeline), over the winning capture of each article (the win table). */
enum { G_FIGURE, G_ARTICLES, G_MENTIONS, G_PRO, G_CON, G_STANCE, G_QUOTES,
       G_PROW, G_CONW, G_N };
static const struct column figures_cols[G_N] = {
	[G_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[G_ARTICLES] = { "articles", K_INT, "COUNT(*)" },
	[G_MENTIONS] = { "mentions", K_INT, "SUM(x.mentions)" },
	[G_PRO] = { "pro", K_INT, "SUM(x.pro)" },
	[G_CON] = { "con", K_INT, "SUM(x.con)" },
	[G_STANCE] = { "stance", K_STANCE, "SUM(x.prom), SUM(x.conm)" },
	[G_QUOTES] = { "quotes", K_INT, "SUM(x.quotes)" },
	[G_PROW] = { "pro_weight", K_MILLI, "SUM(x.prom)" },
	[G_CONW] = { "con_weight", K_MILLI, "SUM(x.conm)" },
};

enum { T_PERIOD, T_FIGURE, T_ARTICLES, T_MENTIONS, T_PRO, T_CON, T_STANCE,
       T_N };
static const struct column timeline_cols[T_N] = {
	[T_PERIOD] = { "period", K_TEXT,
		"CASE WHEN length(a.published) >= 7"
		" THEN substr(a.published, 1, 7)"
		" WHEN length(a.captured) >= 7 THEN substr(a.captured, 1, 7)"
		" ELSE 'unknown' END AS period" },
	[T_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[T_ARTICLES] = { "articles", K_INT, "COUNT(*)" },
	[T_MENTIONS] = { "mentions", K_INT, "SUM(x.mentions)" },
	[T_PRO] = { "pro", K_INT, "SUM(x.pro)" },
	[T_CON] = { "con", K_INT, "SUM(x.con)" },
	[T_STANCE] = { "stance", K_STANCE, "SUM(x.prom), SUM(x.conm)" },
};

#define WINNER \
	" JOIN win w ON x.article_id = w.article_id AND x.part = w.part "

struct file {
	const char *name;           /* in the dataset directory */
	const struct column *cols;
	int ncols;
	const char *from;           /* totals: the SELECT after the columns */
};

static const struct file files[F_N] = {
	[F_ARTICLES] = { "articles.csv", articles_cols, A_N, NULL },
	[F_MENTIONS] = { "mentions.csv", mentions_cols, M_N, NULL },
	[F_QUOTES] = { "quotes.csv", quotes_cols, Q_N, NULL },
	[F_CUES] = { "cues.csv", cues_cols, C_N, NULL },
	[F_FIGURES] = { "figures.csv", figures_cols, G_N,
		" FROM agg x" WINNER "GROUP BY x.key ORDER BY x.key" },
	[F_TIMELINE] = { "timeline.csv", timeline_cols, T_N,
		" FROM agg x" WINNER
		" JOIN art a ON a.article_id = x.article_id AND a.part = x.part"
		" GROUP BY period, x.key ORDER BY period, x.key" },
};

/* The work tables: art, one row per article with its four blocks (one per
 * per-article file, in file order); agg, one row per person of an
 * article, for the totals. */
enum { W_ID, W_PART, W_CAPTURED, W_DIGEST, W_PUBLISHED, W_BLOCK,
       W_N = W_BLOCK + F_NBLOCKS };
static const struct column art_cols[W_N] = {
	[W_ID] = { "article_id", K_TEXT, NULL },
	[W_PART] = { "part", K_INT, NULL },
	[W_CAPTURED] = { "captured", K_TEXT, NULL },
	[W_DIGEST] = { "digest", K_TEXT, NULL },
	[W_PUBLISHED] = { "published", K_TEXT, NULL },
	[W_BLOCK + F_ARTICLES] = { "a", K_BLOB, NULL },
	[W_BLOCK + F_MENTIONS] = { "m", K_BLOB, NULL },
	[W_BLOCK + F_QUOTES] = { "q", K_BLOB, NULL },
	[W_BLOCK + F_CUES] = { "c", K_BLOB, NULL },
};

enum { P_ID, P_PART, P_KEY, P_FIGURE, P_MENTIONS, P_PRO, P_CON, P_PROM,
       P_CONM, P_QUOTES, P_N };
static const struct column agg_cols[P_N] = {
	[P_ID] = { "article_id", K_TEXT, NULL },
	[P_PART] = { "part", K_INT, NULL },
	[P_KEY] = { "key", K_TEXT, NULL },
	[P_FIGURE] = { "figure", K_TEXT, NULL },
	[P_MENTIONS] = { "mentions", K_INT, NULL },
	[P_PRO] = { "pro", K_INT, NULL },
	[P_CON] = { "con", K_INT, NULL },
	[P_PROM] = { "prom", K_INT, NULL },
	[P_CONM] = { "conm", K_INT, NULL },
	[P_QUOTES] = { "quotes", K_INT, NULL },
};

enum { S_ART, S_AGG, S_N };

static const struct {
	const char *name;
	const struct column *cols;
	int ncols;
} work[S_N] = {
	[S_ART] = { "art", art_cols, W_N },
	[S_AGG] = { "agg", agg_cols, P_N },
};

static const char pragmas[] =
	"PRAGMA journal_mode=OFF;"
	"PRAGMA synchronous=OFF;"
	"PRAGMA temp_store=FILE;"
	"PRAGMA cache_size=-8192;";

/* The result columns a column takes in a SELECT: two for a stance. */
static int
sql_width(const struct column *c)
{
	return c->kind == K_STANCE ? 2 : 1;
}

/* Index in the SELECT of file f of the first result of column `col`. */
static int
sql_index(const struct file *f, int col)
{
	int i, n = 0;

	for (i = 0; i < col; i++)
		n += sql_width(&f->cols[i]);
	return n;
}

/* Appends "SELECT <each column's sql>" and `tail` (f->from when NULL). */
static void
sql_select(struct buf *b, const struct file *f, const char *tail)
{
	int i;

	buf_adds(b, "SELECT ");
	for (i = 0; i < f->ncols; i++)
		buf_addf(b, "%s%s", i ? ", " : "", f->cols[i].sql);
	buf_adds(b, tail ? tail : f->from);
}

/* Appends "CREATE TABLE name(col TYPE, ...);". */
static void
sql_create(struct buf *b, int table)
{
	static const char *const types[] = {
		[K_TEXT] = "TEXT", [K_INT] = "INT", [K_MILLI] = "INT",
		[K_STANCE] = "TEXT", [K_BLOB] = "BLOB",
	};
	int i;

	buf_addf(b, "CREATE TABLE %s(", work[table].name);
	for (i = 0; i < work[table].ncols; i++)
		buf_addf(b, "%s%s %s", i ? ", " : "", work[table].cols[i].name,
			 types[work[table].cols[i].kind]);
	buf_adds(b, ");");
}

/* Appends "INSERT INTO name VALUES(?1, ...)". */
static void
sql_insert(struct buf *b, int table)
{
	int i;

	buf_addf(b, "INSERT INTO %s VALUES(", work[table].name);
	for (i = 0; i < work[table].ncols; i++)
		buf_addf(b, "%s?%d", i ? "," : "", i + 1);
	buf_adds(b, ")");
}

/* --- The dataset being built ----------------------------------------- */

struct tally {
	struct db db;           /* the temporary database; inserts S_* */
	char *dbpath;           /* its path, owned; removed by tally_free */
	char *dir;              /* output directory, owned */
	long long part;         /* next part number */
	size_t narticles;       /* articles added */
	struct buf blk[F_NBLOCKS]; /* the current article's rows */
	struct buf row;         /* reused row */
	struct ofile out[F_N];  /* outputs while finishing */
	int finished;           /* 1 after tally_finish() */
	int added;              /* tally_add() was called */
	char **parts;           /* partials to merge at the finish, owned */
	size_t nparts, parts_cap;
	int streaming;          /* finishing by the streaming merge */
};

void
tally_article_id(const char *s, char out[17])
{
	hash_sha256_hex(s, strlen(s), out, 16);
}

/* Creates the work tables (and opens the transaction that holds every
 * insert) and prepares the inserts. 0 or PT_EDB with a message. */
static int
work_create(struct tally *t, struct buf *err)
{
	struct buf schema = BUF_INIT, ins[S_N];
	const char *sql[S_N];
	int i, rc = 0;

	buf_adds(&schema, pragmas);
	for (i = 0; i < S_N; i++) {
		sql_create(&schema, i);
		buf_init(&ins[i], 0);
		sql_insert(&ins[i], i);
		sql[i] = ins[i].p;
	}
	buf_adds(&schema, "BEGIN;");
	if (db_exec(&t->db, schema.p))
		rc = db_fail(&t->db, err, "cannot create the work database");
	else if (db_prepare(&t->db, sql, S_N, 0))
		rc = db_fail(&t->db, err, "cannot prepare the work database");
	for (i = 0; i < S_N; i++)
		buf_release(&ins[i]);
	buf_release(&schema);
	return rc;
}

struct tally *
tally_new(const char *dir, struct buf *err)
{
	struct tally *t = pt_xcalloc(1, sizeof(*t));
	struct buf path = BUF_INIT;
	int fd, i;

	buf_init(&t->row, 0);
	for (i = 0; i < F_NBLOCKS; i++)
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
		    SQLITE_OPEN_NOMUTEX, dir)) {
		db_fail(&t->db, err, "cannot create the work database");
		tally_free(t);
		return NULL;
	}
	if (work_create(t, err)) {
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
	for (i = 0; i < F_NBLOCKS; i++)
		buf_release(&t->blk[i]);
	buf_release(&t->row);
	while (t->nparts)
		free(t->parts[--t->nparts]);
	free(t->parts);
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
bind_str(sqlite3_stmt *st, int col, const char *s)
{
	db_bind_str(st, col + 1, s ? s : "");
}

static int write_buf(struct tally *t, int f, const void *p, size_t n,
		     struct buf *err);

/* Stores the current article's blocks (t->blk) under (id, part). The
 * streaming merge has chosen the winner already and writes its blocks
 * straight out (in article_id order); its row keeps empty blocks, for
 * the totals. */
static int
store_article(struct tally *t, const char *id, long long part,
	      const char *captured, const char *digest, const char *published,
	      struct buf *err)
{
	sqlite3_stmt *st = t->db.st[S_ART];
	int i;

	for (i = 0; i < F_NBLOCKS && t->streaming; i++) {
		if (write_buf(t, i, t->blk[i].p, t->blk[i].len, err))
			return PT_EIO;
		buf_reset(&t->blk[i]);
	}

	bind_str(st, W_ID, id);
	sqlite3_bind_int64(st, W_PART + 1, part);
	bind_str(st, W_CAPTURED, captured);
	bind_str(st, W_DIGEST, digest);
	bind_str(st, W_PUBLISHED, published);
	for (i = 0; i < F_NBLOCKS; i++)
		db_bind_blob(st, W_BLOCK + i + 1, t->blk[i].p, t->blk[i].len);
	if (db_run(&t->db, st, "cannot store an article", err))
		return PT_EDB;
	t->narticles++;
	return 0;
}

/* One person's numbers in one article, for the totals. */
struct agg {
	const char *key, *figure;
	long long mentions, pro, con, prom, conm, quotes;
};

static int
store_agg(struct tally *t, const char *id, long long part,
	  const struct agg *a, struct buf *err)
{
	sqlite3_stmt *st = t->db.st[S_AGG];

	bind_str(st, P_ID, id);
	sqlite3_bind_int64(st, P_PART + 1, part);
	bind_str(st, P_KEY, a->key);
	bind_str(st, P_FIGURE, a->figure);
	sqlite3_bind_int64(st, P_MENTIONS + 1, a->mentions);
	sqlite3_bind_int64(st, P_PRO + 1, a->pro);
	sqlite3_bind_int64(st, P_CON + 1, a->con);
	sqlite3_bind_int64(st, P_PROM + 1, a->prom);
	sqlite3_bind_int64(st, P_CONM + 1, a->conm);
	sqlite3_bind_int64(st, P_QUOTES + 1, a->quotes);
	return db_run(&t->db, st, "cannot store a mention", err);
}

/* --- Writing an article's rows --------------------------------------- */

/* One field of a row: text (s, len) for K_TEXT and K_STANCE, else n. */
struct field {
	const char *s;
	size_t len;
	long long n;
};

static struct field
text_of(const char *s)
{
	struct field f = { s ? s : "", s ? strlen(s) : 0, 0 };

	return f;
}

static struct field
span_of(const char *s, size_t len)
{
	struct field f = { s, len, 0 };

	return f;
}

static struct field
num_of(long long n)
{
	struct field f = { "", 0, n };

	return f;
}

static void
field_milli(struct buf *row, int first, long long m)
{
	char tmp[48];
	int n = snprintf(tmp, sizeof(tmp), "%lld.%03lld", m / 1000, m % 1000);

	csv_field(row, first, tmp, (size_t)n);
}

/* Appends one record of file f, v[] in the order of f's columns. */
static void
put_row(struct buf *r, int f, const struct field *v)
{
	const struct file *fl = &files[f];
	int i;

	for (i = 0; i < fl->ncols; i++) {
		if (fl->cols[i].kind == K_INT)
			csv_fieldu(r, i == 0, (unsigned long long)v[i].n);
		else if (fl->cols[i].kind == K_MILLI)
			field_milli(r, i == 0, v[i].n);
		else
			csv_field(r, i == 0, v[i].s, v[i].len);
	}
	csv_end(r);
}

static void
add_article_row(struct tally *t, const char *id, const char *digest,
		const struct tally_meta *m, const struct doc *d)
{
	struct field v[A_N];

	v[A_ID] = text_of(id);
	v[A_URL] = text_of(m->url);
	v[A_TITLE] = text_of(m->title);
	v[A_AUTHOR] = text_of(m->author);
	v[A_PUBLISHED] = text_of(m->published);
	v[A_SITE] = text_of(m->site);
	v[A_WORDS] = num_of((long long)d->words);
	v[A_PRO] = num_of(d->pro);
	v[A_CON] = num_of(d->con);
	v[A_STANCE] =
	    text_of(doc_stance_name(doc_stance(d->prom, d->conm)));
	v[A_CAPTURED] = text_of(m->captured);
	v[A_DIGEST] = text_of(digest);
	v[A_PROW] = num_of(d->prom);
	v[A_CONW] = num_of(d->conm);
	put_row(&t->blk[F_ARTICLES], F_ARTICLES, v);
}

static int
add_mentions(struct tally *t, const char *id, long long part,
	     const struct doc *d, struct buf *err)
{
	struct field v[M_N];
	size_t i, o, len;

	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];
		enum stance stance = doc_stance(p->prom, p->conm);
		struct agg a = { p->key, p->name, p->mentions, p->pro, p->con,
				 p->prom, p->conm, p->quotes };

		if (p->mentions == 0)
			continue;
		v[M_ID] = text_of(id);
		v[M_FIGURE] = text_of(p->name);
		v[M_MENTIONS] = num_of(p->mentions);
		v[M_PRO] = num_of(p->pro);
		v[M_CON] = num_of(p->con);
		v[M_STANCE] = text_of(doc_stance_name(stance));
		v[M_EVIDENCE] = text_of("");
		if (p->evidence != DOC_NONE && stance != STANCE_NEUTRAL) {
			doc_sentence(d, d->c[p->evidence].tok, &o, &len);
			v[M_EVIDENCE] = span_of(d->text + o, len);
		}
		v[M_PROW] = num_of(p->prom);
		v[M_CONW] = num_of(p->conm);
		v[M_QUOTES] = num_of(p->quotes);
		put_row(&t->blk[F_MENTIONS], F_MENTIONS, v);
		if (store_agg(t, id, part, &a, err))
			return PT_EDB;
	}
	return 0;
}

static enum stance
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

static void
add_quotes(struct tally *t, const char *id, const struct doc *d)
{
	struct field v[Q_N];
	size_t i;

	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		if (!q->direct)
			continue;
		v[Q_ID] = text_of(id);
		v[Q_SPEAKER] = text_of(q->speaker >= 0 ?
				       d->p[q->speaker].name : "");
		v[Q_QUOTE] = span_of(d->text + q->o, q->e - q->o);
		v[Q_STANCE] = text_of(doc_stance_name(quote_stance(d, q)));
		put_row(&t->blk[F_QUOTES], F_QUOTES, v);
	}
}

static void
add_cues(struct tally *t, const char *id, const struct doc *d)
{
	struct field v[C_N];
	size_t i, o, len;

	for (i = 0; i < d->nc; i++) {
		const struct cue *c = &d->c[i];

		doc_sentence(d, c->tok, &o, &len);
		v[C_ID] = text_of(id);
		v[C_FIGURE] = text_of(c->person >= 0 ? d->p[c->person].name :
				      "");
		v[C_CUE] = text_of(c->phrase);
		v[C_POLARITY] = text_of(c->polarity > 0 ? "pro" : "con");
		v[C_WEIGHT] = num_of(c->wm);
		v[C_NEGATED] = num_of(c->negated);
		v[C_SENTENCE] = span_of(d->text + o, len);
		put_row(&t->blk[F_CUES], F_CUES, v);
	}
}

int
tally_add(struct tally *t, const struct tally_meta *m, const struct doc *d,
	  struct buf *err)
{
	char id[17], digest[17];
	long long part = t->part++;
	int i;

	t->added = 1;
	tally_article_id(m->id_source, id);
	hash_sha256_hex(d->text, d->len, digest, 16);
	for (i = 0; i < F_NBLOCKS; i++)
		buf_reset(&t->blk[i]);
	add_article_row(t, id, digest, m, d);
	if (add_mentions(t, id, part, d, err))
		return PT_EDB;
	add_quotes(t, id, d);
	add_cues(t, id, d);
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

/* One per-article file of a partial, read by header name: col[i] is where
 * column i of the file's table stands in the file. */
struct reader {
	FILE *fp;
	struct csv_reader *r;
	char *path;              /* owned */
	const struct file *f;    /* its column table */
	int col[MAXCOLS];        /* file column of each table column */
	long long v[MAXCOLS];    /* the numbers of the current record */
	int have;                /* 1 while a record is current */
};

/* Finds the column of each name of rd->f in the header row (n fields). */
static int
map_header(struct reader *rd, int n, struct buf *err)
{
	int i, j;

	for (i = 0; i < rd->f->ncols; i++) {
		const char *want = rd->f->cols[i].name;

		rd->col[i] = -1;
		for (j = 0; j < n; j++) {
			const char *h = csv_reader_field(rd->r, j);

			/* A UTF-8 BOM before the first header. */
			if (j == 0 && strncmp(h, "\xEF\xBB\xBF", 3) == 0)
				h += 3;
			if (strcmp(h, want) == 0)
				rd->col[i] = j;
		}
		if (rd->col[i] < 0) {
			if (err)
				buf_addf(err, "%s:1: no '%s' column", rd->path,
					 want);
			return PT_EPARSE;
		}
	}
	return 0;
}

static int
reader_open(struct reader *rd, const char *dir, int f, struct buf *err)
{
	int n;

	memset(rd, 0, sizeof(*rd));
	rd->f = &files[f];
	rd->path = fileio_join(dir, rd->f->name);
	rd->fp = fopen(rd->path, "rb");
	if (!rd->fp) {
		if (err)
			buf_addf(err, "cannot open '%s': %s", rd->path,
				 strerror(errno));
		return PT_EIO;
	}
	rd->r = csv_reader_new(rd->fp);
	n = csv_reader_next(rd->r);
	if (n <= 0) {
		if (err)
			buf_addf(err, "%s:1: expected a header row", rd->path);
		return PT_EPARSE;
	}
	return map_header(rd, n, err);
}

static void
reader_close(struct reader *rd)
{
	csv_reader_free(rd->r);
	if (rd->fp)
		fclose(rd->fp);
	free(rd->path);
	memset(rd, 0, sizeof(*rd));
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

/* Checks the numeric columns of the current record into rd->v[]; 0 or
 * PT_EPARSE. */
static int
check_numbers(struct reader *rd, struct buf *err)
{
	int i;

	for (i = 0; i < rd->f->ncols; i++) {
		enum kind k = rd->f->cols[i].kind;

		if ((k == K_INT && parse_int(fld(rd, i), &rd->v[i])) ||
		    (k == K_MILLI && parse_milli(fld(rd, i), &rd->v[i])))
			return bad_value(rd, rd->f->cols[i].name, err);
	}
	return 0;
}

/* Moves to the next record (rd->have = 0 at the end). 0 or PT_EPARSE
 * with a message naming the file and line. */
static int
reader_next(struct reader *rd, struct buf *err)
{
	int i, n = csv_reader_next(rd->r);

	rd->have = n > 0;
	if (n == 0)
		return 0;
	if (n < 0) {
		if (err)
			buf_addf(err, "%s:%lu: malformed CSV record", rd->path,
				 csv_reader_line(rd->r));
		return PT_EPARSE;
	}
	for (i = 0; i < rd->f->ncols; i++)
		if (rd->col[i] >= n) {
			if (err)
				buf_addf(err, "%s:%lu: too few fields",
					 rd->path, csv_reader_line(rd->r));
			return PT_EPARSE;
		}
	return 0;
}

/* Writes the current record of rd again, in its table's column order,
 * through the same CSV writer: a merged dataset has exactly the bytes one
 * run would have written. */
static void
copy_row(const struct reader *rd, struct buf *out)
{
	int i;

	for (i = 0; i < rd->f->ncols; i++)
		csv_field(out, i == 0, fld(rd, i),
			  csv_reader_field_len(rd->r, rd->col[i]));
	csv_end(out);
}

/* The four per-article files of a partial. */
struct partial {
	const char *dir;
	struct reader rd[F_NBLOCKS];
	char prev[17];           /* the last article_id, for the order */
};

static int
partial_open(struct partial *p, const char *dir, struct buf *err)
{
	int i, rc = 0;

	memset(p, 0, sizeof(*p));
	p->dir = dir;
	for (i = 0; i < F_NBLOCKS && !rc; i++)
		rc = reader_open(&p->rd[i], dir, i, err);
	/* Advance every file to its first record. */
	for (i = 0; i < F_NBLOCKS && !rc; i++)
		rc = reader_next(&p->rd[i], err);
	return rc;
}

static void
partial_close(struct partial *p)
{
	int i;

	for (i = 0; i < F_NBLOCKS; i++)
		reader_close(&p->rd[i]);
}

/* Copies the rows of file f that carry article `id` (they follow in the
 * same order as articles.csv); mentions also go to the totals. With
 * `drop` (a capture the streaming merge did not choose) the rows are only
 * checked and passed over. */
static int
import_rows(struct tally *t, struct partial *p, int f, const char *id,
	    long long part, int drop, struct buf *err)
{
	struct reader *rd = &p->rd[f];
	int rc = 0;

	while (!rc && rd->have && strcmp(fld(rd, 0), id) == 0) {
		if ((rc = check_numbers(rd, err)) != 0)
			break;
		if (!drop)
			copy_row(rd, &t->blk[f]);
		if (f == F_MENTIONS && !drop) {
			const char *fig = fld(rd, M_FIGURE);
			char *key = norm_key(fig, strlen(fig));
			struct agg a = { key, fig, rd->v[M_MENTIONS],
					 rd->v[M_PRO], rd->v[M_CON],
					 rd->v[M_PROW], rd->v[M_CONW],
					 rd->v[M_QUOTES] };

			rc = store_agg(t, id, part, &a, err);
			free(key);
		}
		if (!rc)
			rc = reader_next(rd, err);
	}
	return rc;
}

/* The article_id of the current record of articles.csv, checked. */
static int
article_id(struct partial *p, const char **id, struct buf *err)
{
	struct reader *ra = &p->rd[F_ARTICLES];

	if (csv_reader_field_len(ra->r, ra->col[A_ID]) != 16)
		return bad_value(ra, articles_cols[A_ID].name, err);
	*id = fld(ra, A_ID);
	return 0;
}

/* Imports the current record of articles.csv with its rows of the other
 * files (only checks them with `drop`), and moves to the next one. */
static int
import_article(struct tally *t, struct partial *p, long long part, int drop,
	       struct buf *err)
{
	struct reader *ra = &p->rd[F_ARTICLES];
	const char *cur;
	char id[17];
	int f, rc = 0;

	if ((rc = article_id(p, &cur, err)) != 0)
		return rc;
	memcpy(id, cur, 17);
	if (strcmp(id, p->prev) <= 0) {
		if (err)
			buf_addf(err, "%s:%lu: articles are not in article_id "
				 "order", ra->path, csv_reader_line(ra->r));
		return PT_EPARSE;
	}
	memcpy(p->prev, id, 17);
	for (f = 0; f < F_NBLOCKS; f++)
		buf_reset(&t->blk[f]);
	if ((rc = check_numbers(ra, err)) != 0)
		return rc;
	if (!drop)
		copy_row(ra, &t->blk[F_ARTICLES]);
	for (f = F_MENTIONS; f < F_NBLOCKS && !rc; f++)
		rc = import_rows(t, p, f, id, part, drop, err);
	if (!rc && drop)
		t->narticles++;
	else if (!rc)
		rc = store_article(t, id, part, fld(ra, A_CAPTURED),
				   fld(ra, A_DIGEST), fld(ra, A_PUBLISHED),
				   err);
	return rc ? rc : reader_next(ra, err);
}

/* Rows left over belong to no article of articles.csv. */
static int
check_leftovers(const struct partial *p, struct buf *err)
{
	int f;

	for (f = F_MENTIONS; f < F_NBLOCKS; f++)
		if (p->rd[f].have) {
			if (err)
				buf_addf(err, "%s:%lu: article '%s' is not in "
					 "articles.csv (or rows are out of "
					 "order)", p->rd[f].path,
					 csv_reader_line(p->rd[f].r),
					 fld(&p->rd[f], 0));
			return PT_EPARSE;
		}
	return 0;
}

/* Reads a whole partial into the work database (part number `part`). */
static int
import_all(struct tally *t, const char *dir, long long part, struct buf *err)
{
	struct partial p;
	int rc = partial_open(&p, dir, err);

	/* articles.csv drives: each article takes the rows of the other
	 * files that carry its id, which follow in the same order. */
	while (!rc && p.rd[F_ARTICLES].have)
		rc = import_article(t, &p, part, 0, err);
	if (!rc)
		rc = check_leftovers(&p, err);
	partial_close(&p);
	return rc;
}

/* A partial is read at tally_finish(): all of them at once, merged as
 * streams (see merge_streams()). Here its files are only opened and
 * their header rows checked, so a missing or broken partial is reported
 * under its own name as before. */
int
tally_import(struct tally *t, const char *dir, struct buf *err)
{
	struct partial p;
	int rc = partial_open(&p, dir, err);

	partial_close(&p);
	if (rc)
		return rc;
	pt_xgrow((void **)&t->parts, &t->parts_cap, t->nparts + 1,
		 sizeof(*t->parts));
	t->parts[t->nparts++] = pt_xstrdup(dir);
	return 0;
}

/* Partials merged as streams at most: each holds four open files. */
#define MERGE_STREAMS_MAX 64

/* Names the partial in a message from reading it at the finish. */
static int
part_fail(const char *dir, int rc, struct buf *err)
{
	if (err) {
		struct buf m = BUF_INIT;

		buf_addf(&m, "cannot merge partial '%s': %s", dir,
			 err->p ? err->p : "");
		buf_reset(err);
		buf_add(err, m.p, m.len);
		buf_release(&m);
	}
	return rc;
}

/* The capture of this article to keep among partials ps[0..n) (those
 * whose current article is `id`): the newest capture, then the larger
 * digest, then the first partial -- the order of the win table. */
static size_t
pick_winner(struct partial *const *ps, const size_t *at, size_t n)
{
	size_t w = at[0], i;

	for (i = 1; i < n; i++) {
		const struct reader *a = &ps[at[i]]->rd[F_ARTICLES];
		const struct reader *b = &ps[w]->rd[F_ARTICLES];
		int c = strcmp(fld(a, A_CAPTURED), fld(b, A_CAPTURED));

		if (c > 0 || (c == 0 && strcmp(fld(a, A_DIGEST),
						fld(b, A_DIGEST)) > 0))
			w = at[i];
	}
	return w;
}

/* The streaming merge: every partial is sorted by article_id, so a
 * k-way merge meets each article's captures together; the one kept is
 * written out at once and only its totals rows go to the database (no
 * blocks stored, sorted and read back). Part numbers are the partials'
 * positions, as tally_import() would have given them. */
static int
merge_streams(struct tally *t, struct buf *err)
{
	struct partial *ps = pt_xcalloc(t->nparts, sizeof(*ps));
	struct partial **pp = pt_xcalloc(t->nparts, sizeof(*pp));
	size_t *at = pt_xcalloc(t->nparts, sizeof(*at));
	size_t i, n, w, opened = 0;
	const char *id, *min;
	char cur[17];
	int rc = 0;

	for (i = 0; i < t->nparts && !rc; i++, opened++) {
		pp[i] = &ps[i];
		if ((rc = partial_open(&ps[i], t->parts[i], err)) != 0)
			rc = part_fail(t->parts[i], rc, err);
	}
	while (!rc) {
		min = NULL;
		for (i = 0; i < t->nparts && !rc; i++) {
			if (!ps[i].rd[F_ARTICLES].have)
				continue;
			if ((rc = article_id(&ps[i], &id, err)) != 0)
				rc = part_fail(t->parts[i], rc, err);
			else if (!min || strcmp(id, min) < 0)
				min = id;
		}
		if (rc || !min)
			break;
		memcpy(cur, min, 17);
		for (i = n = 0; i < t->nparts; i++)
			if (ps[i].rd[F_ARTICLES].have &&
			    strcmp(fld(&ps[i].rd[F_ARTICLES], A_ID), cur) == 0)
				at[n++] = i;
		w = pick_winner(pp, at, n);
		for (i = 0; i < n && !rc; i++)
			if ((rc = import_article(t, &ps[at[i]],
						 (long long)at[i], at[i] != w,
						 err)) != 0)
				rc = part_fail(t->parts[at[i]], rc, err);
	}
	for (i = 0; i < t->nparts && !rc; i++)
		if ((rc = check_leftovers(&ps[i], err)) != 0)
			rc = part_fail(t->parts[i], rc, err);
	for (i = 0; i < opened; i++)
		partial_close(&ps[i]);
	free(ps);
	free(pp);
	free(at);
	return rc;
}

/* The partials one after the other into the work database (many of
 * them, or articles added by tally_add() as well). */
static int
merge_stored(struct tally *t, struct buf *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < t->nparts && !rc; i++)
		if ((rc = import_all(t, t->parts[i], t->part++, err)) != 0)
			rc = part_fail(t->parts[i], rc, err);
	return rc;
}

/* --- Writing the dataset --------------------------------------------- */

static const char finish_sql[] =
	"COMMIT;"
	"CREATE TABLE win AS SELECT article_id, part FROM ("
	" SELECT article_id, part, ROW_NUMBER() OVER (PARTITION BY article_id"
	"  ORDER BY captured DESC, digest DESC, part) AS rn FROM art)"
	" WHERE rn = 1;"
	"CREATE INDEX win_i ON win(article_id, part);"
	"CREATE INDEX art_i ON art(article_id, part);"
	"CREATE INDEX agg_i ON agg(article_id, part);";

static int
write_fail(struct tally *t, int f, struct buf *err)
{
	if (err)
		buf_addf(err, "cannot write '%s': %s", t->out[f].path,
			 strerror(errno));
	return PT_EIO;
}

static int
write_buf(struct tally *t, int f, const void *p, size_t n, struct buf *err)
{
	if (n && fwrite(p, 1, n, t->out[f].fp) != n)
		return write_fail(t, f, err);
	return 0;
}

/* Prepares `sql` (a query over the work tables) into *st. */
static int
query(struct tally *t, const char *sql, sqlite3_stmt **st, struct buf *err)
{
	if (sqlite3_prepare_v2(t->db.h, sql, -1, st, NULL) != SQLITE_OK)
		return db_fail(&t->db, err, "cannot read the work database");
	return 0;
}

/* Ends a query: 0 when all its rows were read (rc is the last step's). */
static int
query_end(struct tally *t, sqlite3_stmt *st, int rc, struct buf *err)
{
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 :
	       db_fail(&t->db, err, "cannot read the work database");
}

/* The per-article files: each winning article's blocks, in id order. */
static int
write_blocks(struct tally *t, struct buf *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc, f;

	buf_adds(&sql, "SELECT");
	for (f = 0; f < F_NBLOCKS; f++)
		buf_addf(&sql, "%s x.%s", f ? "," : "",
			 art_cols[W_BLOCK + f].name);
	buf_adds(&sql, " FROM win w JOIN art x ON x.article_id = w.article_id"
		 " AND x.part = w.part ORDER BY w.article_id");
	rc = query(t, sql.p, &st, err);
	buf_release(&sql);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (f = 0; f < F_NBLOCKS; f++)
			if (write_buf(t, f, sqlite3_column_blob(st, f),
				      (size_t)sqlite3_column_bytes(st, f),
				      err)) {
				sqlite3_finalize(st);
				return PT_EIO;
			}
	return query_end(t, st, rc, err);
}

/* Appends the current result row of a totals query of file f. */
static void
put_totals_row(struct buf *r, const struct file *fl, sqlite3_stmt *st)
{
	int i, c = 0;

	for (i = 0; i < fl->ncols; i++) {
		const struct column *col = &fl->cols[i];
		long long pm, cm;

		switch (col->kind) {
		case K_INT:
			csv_fieldu(r, i == 0, (unsigned long long)
				   sqlite3_column_int64(st, c));
			break;
		case K_MILLI:
			field_milli(r, i == 0, sqlite3_column_int64(st, c));
			break;
		case K_STANCE:
			pm = sqlite3_column_int64(st, c);
			cm = sqlite3_column_int64(st, c + 1);
			csv_fields(r, i == 0, doc_stance_name(doc_stance(pm, cm)));
			break;
		default:
			csv_fields(r, i == 0,
				   (const char *)sqlite3_column_text(st, c));
		}
		c += sql_width(col);
	}
	csv_end(r);
}

/* Writes figures.csv or timeline.csv (f) from their column tables. */
static int
write_totals(struct tally *t, int f, struct buf *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	sql_select(&sql, &files[f], NULL);
	rc = query(t, sql.p, &st, err);
	buf_release(&sql);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_reset(&t->row);
		put_totals_row(&t->row, &files[f], st);
		if (write_buf(t, f, t->row.p, t->row.len, err)) {
			sqlite3_finalize(st);
			return PT_EIO;
		}
	}
	return query_end(t, st, rc, err);
}

/* Opens the six outputs, each with its header row. */
static int
open_outputs(struct tally *t, struct buf *err)
{
	int f, i, rc = 0;

	for (f = 0; f < F_N && !rc; f++) {
		char *path = fileio_join(t->dir, files[f].name);

		rc = ofile_open(&t->out[f], path, err);
		free(path);
		buf_reset(&t->row);
		for (i = 0; i < files[f].ncols && !rc; i++)
			csv_fields(&t->row, i == 0, files[f].cols[i].name);
		csv_end(&t->row);
		if (!rc)
			rc = write_buf(t, f, t->row.p, t->row.len, err);
	}
	return rc;
}

/* Before the sort: the partials, either merged as streams (outputs
 * opened first, the blocks written as the merge goes) or read into the
 * database. */
static int
finish_parts(struct tally *t, struct buf *err)
{
	int rc;

	if (!t->nparts)
		return 0;
	if (t->added || t->nparts > MERGE_STREAMS_MAX)
		return merge_stored(t, err);
	rc = open_outputs(t, err);
	t->streaming = 1;
	if (!rc)
		rc = merge_streams(t, err);
	return rc;
}

int
tally_finish(struct tally *t, struct buf *err)
{
	int f, rc;

	rc = finish_parts(t, err);
	if (rc)
		return rc;
	if (db_exec(&t->db, finish_sql))
		return db_fail(&t->db, err, "cannot sort the work database");
	if (!t->streaming) {
		rc = open_outputs(t, err);
		if (!rc)
			rc = write_blocks(t, err);
	}
	if (!rc)
		rc = write_totals(t, F_FIGURES, err);
	if (!rc)
		rc = write_totals(t, F_TIMELINE, err);
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

/* Column `col` of the figures query as a number. */
static long long
fig_int(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, sql_index(&files[F_FIGURES], col));
}

void
tally_print_summary(struct tally *t, FILE *fp, size_t max_rows)
{
	static const enum stance order[] = { STANCE_PRO, STANCE_CON,
					     STANCE_MIXED };
	const int stance = sql_index(&files[F_FIGURES], G_STANCE);
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	size_t shown = 0, more = 0, neutral = 0, k;

	if (!t->finished)
		return;
	sql_select(&sql, &files[F_FIGURES], " FROM agg x" WINNER
		   "GROUP BY x.key ORDER BY COUNT(*) DESC, SUM(x.mentions)"
		   " DESC, x.key");
	fprintf(fp, "%-8s %-28s %8s %8s %5s %5s %6s\n", "stance", "figure",
		"articles", "mentions", "pro", "con", "quotes");
	for (k = 0; k < 3; k++) {
		if (sqlite3_prepare_v2(t->db.h, sql.p, -1, &st, NULL) !=
		    SQLITE_OK) {
			buf_release(&sql);
			return;
		}
		while (sqlite3_step(st) == SQLITE_ROW) {
			enum stance s = doc_stance(
				sqlite3_column_int64(st, stance),
				sqlite3_column_int64(st, stance + 1));

			if (s == STANCE_NEUTRAL) {
				if (k == 0)
					neutral++;
				continue;
			}
			if (s != order[k])
				continue;
			if (shown >= max_rows) {
				more++;
				continue;
			}
			shown++;
			fprintf(fp, "%-8s ", doc_stance_name(s));
			print_padded(fp, (const char *)sqlite3_column_text(st,
				     sql_index(&files[F_FIGURES], G_FIGURE)),
				     28);
			fprintf(fp, " %8lld %8lld %5lld %5lld %6lld\n",
				fig_int(st, G_ARTICLES),
				fig_int(st, G_MENTIONS), fig_int(st, G_PRO),
				fig_int(st, G_CON), fig_int(st, G_QUOTES));
		}
		sqlite3_finalize(st);
	}
	buf_release(&sql);
	if (more)
		fprintf(fp, "... and %zu more with a stance\n", more);
	if (neutral)
		fprintf(fp, "(%zu more people named without a stance)\n",
			neutral);
}
