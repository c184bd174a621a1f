/* tally.c -- the dataset: each article's CSV rows, rendered once, kept as
 * one record per article (its four blocks of rows and its persons' numbers)
 * in an external sort (runs.h) keyed by article_id; at the end the records
 * come back in article_id order, the kept capture of each article is
 * written out and its persons are added to sums held in memory, which go
 * to a small SQLite database (tot and ali) that computes the totals with
 * GROUP BY.
 *
 * One record per article (not per CSV row) keeps the work per article
 * small and the final sort cheap; the sort holds a bounded number of bytes
 * in memory and the sums are written to the database when they grow
 * large, so memory stays flat however large the corpus. Weights are kept
 * as integer thousandths so that sums do not depend on the order in which
 * articles or partials are added.
 *
 * `merge` needs no sort: partials are sorted already, so a k-way merge
 * over them (see "The streaming merge") meets the captures of each
 * article together, writes the kept one's rows out at once and adds its
 * numbers to the sums as it goes.
 *
 * Each file's columns are one table below (name and kind); the writer, the
 * header row, the reader of partials and the SQL of the totals all come
 * from those tables.
 */
#include "analyzer/dataset/tally.h"

#include "analyzer/dataset/heap.h"
#include "analyzer/dataset/runs.h"

#include "analyzer/stance/doc.h"
#include "analyzer/text/norm.h"
#include "crawler/base/buf.h"
#include "crawler/base/csv.h"
#include "crawler/base/db.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/hash.h"
#include "crawler/base/log.h"
#include "crawler/base/ofile.h"
#include "crawler/base/sv.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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
	K_CONF,   /* how sure a stance is, 0..1 in thousandths: a number in
		     the per-article files; in the totals computed from two
		     sums, like K_STANCE */
};

struct column {
	const char *name;  /* header name (or work-table column) */
	enum kind kind;
	const char *sql;   /* totals only: the SELECT expression(s); two for
			      K_STANCE (pro, con) */
};

/* The seven files; the four per-article ones come first, in the order of
 * the blocks kept per article. */
enum { F_ARTICLES, F_MENTIONS, F_QUOTES, F_CUES, F_NBLOCKS,
       F_FIGURES = F_NBLOCKS, F_TIMELINE, F_ALIASES, F_N };

enum { A_ID, A_URL, A_TITLE, A_AUTHOR, A_PUBLISHED, A_SITE, A_WORDS, A_PRO,
       A_CON, A_STANCE, A_CAPTURED, A_DIGEST, A_PROW, A_CONW, A_FILE, A_N };
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
	[A_FILE] = { "file", K_TEXT, NULL },
};

enum { M_ID, M_FIGURE, M_MENTIONS, M_PRO, M_CON, M_STANCE, M_EVIDENCE,
       M_PROW, M_CONW, M_QUOTES, M_CONF, M_ALIASES, M_N };
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
	[M_CONF] = { "confidence", K_CONF, NULL },
	[M_ALIASES] = { "aliases", K_TEXT, NULL },
};

enum { Q_ID, Q_SPEAKER, Q_QUOTE, Q_STANCE, Q_CONTEXT, Q_START, Q_END,
       Q_FORM, Q_KIND, Q_SIEVE, Q_N };
static const struct column quotes_cols[Q_N] = {
	[Q_ID] = { "article_id", K_TEXT, NULL },
	[Q_SPEAKER] = { "speaker", K_TEXT, NULL },
	[Q_QUOTE] = { "quote", K_TEXT, NULL },
	[Q_STANCE] = { "stance", K_STANCE, NULL },
	[Q_CONTEXT] = { "context", K_TEXT, NULL },
	[Q_START] = { "start", K_INT, NULL },
	[Q_END] = { "end", K_INT, NULL },
	[Q_FORM] = { "speaker_form", K_TEXT, NULL },
	[Q_KIND] = { "speaker_kind", K_TEXT, NULL },
	[Q_SIEVE] = { "sieve", K_TEXT, NULL },
};

enum { C_ID, C_FIGURE, C_CUE, C_POLARITY, C_WEIGHT, C_NEGATED, C_SENTENCE,
       C_WORDS, C_KIND, C_SOURCE, C_VALUE, C_LINK, C_RULES, C_N };
static const struct column cues_cols[C_N] = {
	[C_ID] = { "article_id", K_TEXT, NULL },
	[C_FIGURE] = { "figure", K_TEXT, NULL },
	[C_CUE] = { "cue", K_TEXT, NULL },
	[C_POLARITY] = { "polarity", K_TEXT, NULL },
	[C_WEIGHT] = { "weight", K_MILLI, NULL },
	[C_NEGATED] = { "negated", K_INT, NULL },
	[C_SENTENCE] = { "sentence", K_TEXT, NULL },
	[C_WORDS] = { "words", K_TEXT, NULL },
	[C_KIND] = { "kind", K_TEXT, NULL },
	[C_SOURCE] = { "source", K_TEXT, NULL },
	[C_VALUE] = { "value", K_TEXT, NULL },
	[C_LINK] = { "link", K_TEXT, NULL },
	[C_RULES] = { "rules", K_TEXT, NULL },
};

/* The totals: one row per person (figures) and per month and person
 * (timeline), over the winning capture of each article. Their queries
 * add up the rows of tot, each the sums of some articles for one month
 * and person: the per-article rows of agg grouped at the finish (for
 * analyze), or what the streaming merge gathered (see struct sums). */
enum { G_FIGURE, G_ARTICLES, G_MENTIONS, G_PRO, G_CON, G_STANCE, G_QUOTES,
       G_PROW, G_CONW, G_CONF, G_N };
static const struct column figures_cols[G_N] = {
	[G_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[G_ARTICLES] = { "articles", K_INT, "SUM(x.n)" },
	[G_MENTIONS] = { "mentions", K_INT, "SUM(x.mentions)" },
	[G_PRO] = { "pro", K_INT, "SUM(x.pro)" },
	[G_CON] = { "con", K_INT, "SUM(x.con)" },
	[G_STANCE] = { "stance", K_STANCE, "SUM(x.prom), SUM(x.conm)" },
	[G_QUOTES] = { "quotes", K_INT, "SUM(x.quotes)" },
	[G_PROW] = { "pro_weight", K_MILLI, "SUM(x.prom)" },
	[G_CONW] = { "con_weight", K_MILLI, "SUM(x.conm)" },
	[G_CONF] = { "confidence", K_CONF, "SUM(x.prom), SUM(x.conm)" },
};

/* The period is an article's month (see period_of()). */
enum { T_PERIOD, T_FIGURE, T_ARTICLES, T_MENTIONS, T_PRO, T_CON, T_STANCE,
       T_N };
static const struct column timeline_cols[T_N] = {
	[T_PERIOD] = { "period", K_TEXT, "x.period" },
	[T_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[T_ARTICLES] = { "articles", K_INT, "SUM(x.n)" },
	[T_MENTIONS] = { "mentions", K_INT, "SUM(x.mentions)" },
	[T_PRO] = { "pro", K_INT, "SUM(x.pro)" },
	[T_CON] = { "con", K_INT, "SUM(x.con)" },
	[T_STANCE] = { "stance", K_STANCE, "SUM(x.prom), SUM(x.conm)" },
};

/* Every form a person's name takes in the articles (and its accent-less
 * key), with the number of articles that use it: the rows of ali added
 * up, as tot for the other two. */
enum { L_FIGURE, L_ALIAS, L_ARTICLES, L_N };
static const struct column aliases_cols[L_N] = {
	[L_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[L_ALIAS] = { "alias", K_TEXT, "x.alias" },
	[L_ARTICLES] = { "articles", K_INT, "SUM(x.n)" },
};

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
		" FROM tot x GROUP BY x.key ORDER BY x.key" },
	[F_TIMELINE] = { "timeline.csv", timeline_cols, T_N,
		" FROM tot x GROUP BY x.period, x.key"
		" ORDER BY x.period, x.key" },
	[F_ALIASES] = { "aliases.csv", aliases_cols, L_N,
		" FROM ali x GROUP BY x.key, x.alias ORDER BY x.key, x.alias" },
};

/* tot: the sums of n articles for one period and person (the numbers in
 * the order of agg's); ali: n articles' uses of one form of a name. */
enum { U_PERIOD, U_KEY, U_FIGURE, U_N, U_MENTIONS, U_PRO, U_CON, U_PROM,
       U_CONM, U_QUOTES, U_NCOLS };
static const struct column tot_cols[U_NCOLS] = {
	[U_PERIOD] = { "period", K_TEXT, "x.period" },
	[U_KEY] = { "key", K_TEXT, "x.key" },
	[U_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[U_N] = { "n", K_INT, "COUNT(*)" },
	[U_MENTIONS] = { "mentions", K_INT, "SUM(x.mentions)" },
	[U_PRO] = { "pro", K_INT, "SUM(x.pro)" },
	[U_CON] = { "con", K_INT, "SUM(x.con)" },
	[U_PROM] = { "prom", K_INT, "SUM(x.prom)" },
	[U_CONM] = { "conm", K_INT, "SUM(x.conm)" },
	[U_QUOTES] = { "quotes", K_INT, "SUM(x.quotes)" },
};

enum { I_KEY, I_ALIAS, I_FIGURE, I_N, I_NCOLS };
static const struct column ali_cols[I_NCOLS] = {
	[I_KEY] = { "key", K_TEXT, "x.key" },
	[I_ALIAS] = { "alias", K_TEXT, "x.alias" },
	[I_FIGURE] = { "figure", K_TEXT, "MIN(x.figure)" },
	[I_N] = { "n", K_INT, "COUNT(*)" },
};

enum { S_TOT, S_ALI, S_N };

static const struct {
	const char *name;
	const struct column *cols;
	int ncols;
} work[S_N] = {
	[S_TOT] = { "tot", tot_cols, U_NCOLS },
	[S_ALI] = { "ali", ali_cols, I_NCOLS },
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
	return c->kind == K_STANCE || c->kind == K_CONF ? 2 : 1;
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

/* Appends "SELECT <each column's sql>" and `tail`. */
static void
sql_select(struct buf *b, const struct column *cols, int ncols,
	   const char *tail)
{
	int i;

	buf_adds(b, "SELECT ");
	for (i = 0; i < ncols; i++)
		buf_addf(b, "%s%s", i ? ", " : "", cols[i].sql);
	buf_adds(b, tail);
}

/* Appends "CREATE TABLE name(col TYPE, ...);". */
static void
sql_create(struct buf *b, int table)
{
	static const char *const types[] = {
		[K_TEXT] = "TEXT", [K_INT] = "INT", [K_MILLI] = "INT",
		[K_STANCE] = "TEXT", [K_CONF] = "INT",
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

/* --- The totals -------------------------------------------------------- */

/* The month an article counts in for timeline.csv: the first seven
 * characters of its publication date ("2024-05"), else of its capture
 * time, else "unknown". A character is a byte and, after a byte from 0xC0
 * up, the continuation bytes (0x80-0xBF) that follow it: how SQLite's
 * length() and substr() count them, which made the periods before, so
 * that odd bytes in a date fall in the same period as they always did.
 * The period is a prefix of one of the strings (borrowed) or static. */
#define PERIOD_CHARS 7

struct period {
	const char *p;
	size_t len;
};

/* Bytes of the first PERIOD_CHARS characters of s, or 0 when it has
 * fewer. */
static size_t
period_prefix(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int n = 0;

	while (*p && n < PERIOD_CHARS) {
		if (*p++ >= 0xC0)
			while ((*p & 0xC0) == 0x80)
				p++;
		n++;
	}
	return n == PERIOD_CHARS ? (size_t)(p - (const unsigned char *)s) : 0;
}

static struct period
period_of(const char *published, const char *captured)
{
	struct period r = { "unknown", 7 };
	size_t n;

	if ((n = period_prefix(published)) != 0)
		r.p = published, r.len = n;
	else if ((n = period_prefix(captured)) != 0)
		r.p = captured, r.len = n;
	return r;
}

/* One person's numbers in one article, for the totals, in the order of
 * the columns of tot from U_MENTIONS. */
enum { V_MENTIONS, V_PRO, V_CON, V_PROM, V_CONM, V_QUOTES, V_N };

/* The streaming merge knows each article's winner as it goes, so it adds
 * the totals up in memory, by (period, key) for tot and (key, alias) for
 * ali, and writes the sums into those tables when there are many of them
 * (so memory stays bounded) and at the end; the queries of the totals add
 * up the rows. */
#define SUMS_FLUSH 65536

struct sum {
	char *k;             /* the two parts of the group with a NUL
				between (and after); owned; NULL: free */
	size_t alen, blen;   /* their lengths */
	char *figure;        /* the least name of the person; owned */
	uint32_t h;          /* hash of k */
	long long n;         /* articles */
	long long v[V_N];    /* tot: the sums */
};

struct sums {
	struct sum *v;       /* open addressing, a power of two */
	size_t n, cap;
};

static void
sums_clear(struct sums *s)
{
	size_t i;

	for (i = 0; i < s->cap; i++) {
		free(s->v[i].k);
		free(s->v[i].figure);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static struct sum *
sums_slot(struct sum *v, size_t cap, uint32_t h, const char *k, size_t klen)
{
	size_t i = h & (cap - 1);

	while (v[i].k && (v[i].h != h || v[i].alen + v[i].blen + 1 != klen ||
			  memcmp(v[i].k, k, klen) != 0))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static void
sums_grow(struct sums *s)
{
	size_t cap = s->cap ? 2 * s->cap : 1024, i;
	struct sum *v = pt_xcalloc(cap, sizeof(*v));

	for (i = 0; i < s->cap; i++)
		if (s->v[i].k)
			*sums_slot(v, cap, s->v[i].h, s->v[i].k,
				   s->v[i].alen + s->v[i].blen + 1) = s->v[i];
	free(s->v);
	s->v = v;
	s->cap = cap;
}

/* Adds one article's numbers v (nv of them) to group (a, b) of person
 * `figure`. 0, or PT_ETOOBIG when a sum would pass 64 bits. */
static int
sums_add(struct sums *s, const char *a, size_t alen, const char *b,
	 size_t blen, const char *figure, const long long *v, int nv,
	 struct buf *scratch)
{
	struct sum *e;
	uint32_t h;
	int i;

	buf_reset(scratch);
	buf_add(scratch, a, alen);
	buf_addc(scratch, '\0');
	buf_add(scratch, b, blen);
	h = hash_fnv1a(scratch->p, scratch->len);
	if (2 * (s->n + 1) > s->cap)
		sums_grow(s);
	e = sums_slot(s->v, s->cap, h, scratch->p, scratch->len);
	if (!e->k) {
		e->k = pt_xmalloc(scratch->len + 1);
		memcpy(e->k, scratch->p, scratch->len + 1);
		e->alen = alen;
		e->blen = blen;
		e->h = h;
		e->figure = pt_xstrdup(figure);
		s->n++;
	} else if (strcmp(figure, e->figure) < 0) {
		free(e->figure);
		e->figure = pt_xstrdup(figure);
	}
	if (__builtin_add_overflow(e->n, 1, &e->n))
		return PT_ETOOBIG;
	for (i = 0; i < nv; i++)
		if (__builtin_add_overflow(e->v[i], v[i], &e->v[i]))
			return PT_ETOOBIG;
	return 0;
}

/* --- The dataset being built ----------------------------------------- */

/* Bytes of articles the store holds in memory (see "The store"). */
#define TALLY_SORT_BUDGET (8u << 20)

struct tally {
	struct db db;           /* the temporary database of the totals;
				   inserts S_* */
	char *dbpath;           /* its path, owned; removed by tally_free */
	char *dir;              /* output directory, owned */
	struct runs *store;     /* the articles until the finish sorts them
				   (see "The store") */
	long long part;         /* next part number */
	size_t narticles;       /* articles added */
	struct buf blk[F_NBLOCKS]; /* the current article's rows */
	struct buf people;      /* ... and its persons (add_person()) */
	struct buf rec;         /* the head of a stored article */
	struct buf win;         /* the kept capture of an article, while
				   the finish reads the others */
	struct buf group;       /* ... and what each capture of it is */
	struct buf row;         /* reused row */
	struct ofile out[F_N];  /* outputs while finishing */
	int finished;           /* 1 after tally_finish() */
	char **partdir;         /* partial directory of each part, owned
				   (NULL for an article added directly) */
	size_t npartdir, cappartdir;
	int bom;                /* start each file with a UTF-8 BOM */
	int added;              /* tally_add() was called */
	int parts_read;         /* the partials have been read */
	int parts_rc;           /* ... with this result */
	int streamed;           /* ... by the streaming merge, which sums
				   each person as it meets them */
	long long nconflicts;   /* articles that differ */
	struct buf conflicts;   /* the first lines about them */
	struct sums tot, ali;   /* the totals gathered */
	struct buf scratch;     /* the key of a sum */
	volatile sig_atomic_t *stop; /* borrowed, or NULL */
	struct progress *prog;  /* borrowed, or NULL */
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
	buf_init(&t->conflicts, 0);
	buf_init(&t->scratch, 0);
	buf_init(&t->people, 0);
	buf_init(&t->rec, 0);
	buf_init(&t->win, 0);
	buf_init(&t->group, 0);
	for (i = 0; i < F_NBLOCKS; i++)
		buf_init(&t->blk[i], 0);
	t->dir = pt_xstrdup(dir);
	t->store = runs_new(dir, TALLY_SORT_BUDGET);
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
	runs_free(t->store);
	if (t->dbpath)
		unlink(t->dbpath);
	free(t->dbpath);
	free(t->dir);
	for (i = 0; i < (int)t->npartdir; i++)
		free(t->partdir[i]);
	free(t->partdir);
	buf_release(&t->conflicts);
	sums_clear(&t->tot);
	sums_clear(&t->ali);
	buf_release(&t->scratch);
	buf_release(&t->people);
	buf_release(&t->rec);
	buf_release(&t->win);
	buf_release(&t->group);
	for (i = 0; i < F_NBLOCKS; i++)
		buf_release(&t->blk[i]);
	buf_release(&t->row);
	free(t);
}

void
tally_set_bom(struct tally *t, int on)
{
	t->bom = on != 0;
}

void
tally_set_stop(struct tally *t, volatile sig_atomic_t *stop)
{
	t->stop = stop;
}

void
tally_set_progress(struct tally *t, struct progress *prog)
{
	t->prog = prog;
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

/* Writes the sums into work table `table` (tot or ali) and empties
 * them. */
static int
sums_flush(struct tally *t, struct sums *s, int table, struct buf *err)
{
	sqlite3_stmt *st = t->db.st[table];
	size_t i;
	int j, rc = 0;

	for (i = 0; i < s->cap && !rc; i++) {
		const struct sum *e = &s->v[i];

		if (!e->k)
			continue;
		sqlite3_bind_text(st, 1, e->k, (int)e->alen, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->k + e->alen + 1, (int)e->blen,
				  SQLITE_STATIC);
		bind_str(st, U_FIGURE, e->figure); /* = I_FIGURE */
		sqlite3_bind_int64(st, 4, e->n);
		for (j = 0; table == S_TOT && j < V_N; j++)
			sqlite3_bind_int64(st, 5 + j, e->v[j]);
		rc = db_run(&t->db, st, "cannot store the totals", err);
	}
	sums_clear(s);
	return rc ? PT_EDB : 0;
}

static int
sums_fail(struct buf *err)
{
	if (err)
		buf_adds(err, "a total is too large for 64 bits");
	return PT_ETOOBIG;
}

/* The separator of the forms in mentions.csv's aliases column. */
#define ALIAS_SEP " | "

/* Adds one person of a kept capture to the totals: its numbers v[V_N]
 * to its period and key, and each form of the list `aliases` (ALIAS_SEP
 * between them) to its key. */
static int
sum_person(struct tally *t, struct period pd, const char *key,
	   const char *figure, const char *aliases, const long long *v,
	   struct buf *err)
{
	const char *p = aliases;
	size_t klen = strlen(key);

	if (sums_add(&t->tot, pd.p, pd.len, key, klen, figure, v, V_N,
		     &t->scratch))
		return sums_fail(err);
	if (t->tot.n >= SUMS_FLUSH && sums_flush(t, &t->tot, S_TOT, err))
		return PT_EDB;
	while (*p) {
		const char *e = strstr(p, ALIAS_SEP);
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (sums_add(&t->ali, key, klen, p, n, figure, NULL, 0,
			     &t->scratch))
			return sums_fail(err);
		if (t->ali.n >= SUMS_FLUSH &&
		    sums_flush(t, &t->ali, S_ALI, err))
			return PT_EDB;
		p += n;
		if (e)
			p += strlen(ALIAS_SEP);
	}
	return 0;
}

/* --- The store ------------------------------------------------------- */

/* Until the finish, each article (each capture: an article read from
 * two partials, or from two WARC records, is two) is one record of an
 * external sort (runs.h) keyed by its article_id and part number, so
 * the finish reads them in article_id order, the captures of an article
 * together in part order, and memory stays within TALLY_SORT_BUDGET
 * however large the corpus. The record holds what the finish needs to
 * choose the capture to keep and to write it out:
 *
 *   5 lengths (4 bytes each: the four blocks and the persons)
 *   captured, digest, published (each NUL-terminated; "" when missing)
 *   the four blocks (the rows of articles, mentions, quotes and cues)
 *   the persons, each as add_person() puts them */
#define STORE_KEY 24 /* the article_id's 16 characters and the part as
			8 big-endian bytes: sorted by id, then part */
#define STORE_NLEN (F_NBLOCKS + 1)

/* A person of a stored article: key, figure and aliases (each
 * NUL-terminated) and then V_N numbers of 8 bytes (host order). */
static void
put_str(struct buf *b, const char *s)
{
	buf_add(b, s ? s : "", (s ? strlen(s) : 0) + 1);
}

/* Adds one person of an article to the totals: to the sums at once in
 * the streaming merge (which has chosen the capture), else to the
 * article's record for the finish to choose among the captures. */
static int
add_person(struct tally *t, struct period pd, const char *key,
	   const char *figure, const char *aliases, const long long *v,
	   struct buf *err)
{
	if (t->streamed)
		return sum_person(t, pd, key, figure, aliases, v, err);
	put_str(&t->people, key);
	put_str(&t->people, figure);
	put_str(&t->people, aliases);
	buf_add(&t->people, v, V_N * sizeof(*v));
	return 0;
}

/* Stores the current article (t->blk and t->people) as capture `part`
 * of article `id`, and empties them. */
static int
store_article(struct tally *t, const char *id, long long part,
	      const char *captured, const char *digest, const char *published,
	      struct buf *err)
{
	unsigned char key[STORE_KEY];
	uint32_t lens[STORE_NLEN];
	struct sv parts[2 + STORE_NLEN];
	unsigned long long u = (unsigned long long)part;
	int i, rc;

	memcpy(key, id, 16);
	for (i = 0; i < 8; i++)
		key[16 + i] = (unsigned char)(u >> (56 - 8 * i));
	for (i = 0; i < F_NBLOCKS; i++) {
		lens[i] = (uint32_t)t->blk[i].len;
		parts[2 + i] = sv_make(t->blk[i].p, t->blk[i].len);
	}
	lens[F_NBLOCKS] = (uint32_t)t->people.len;
	parts[2 + F_NBLOCKS] = sv_make(t->people.p, t->people.len);
	buf_reset(&t->rec);
	put_str(&t->rec, captured);
	put_str(&t->rec, digest);
	put_str(&t->rec, published);
	parts[0] = sv_make((const char *)lens, sizeof(lens));
	parts[1] = sv_make(t->rec.p, t->rec.len);
	rc = runs_add(t->store, key, sizeof(key), parts, 2 + STORE_NLEN, err);
	for (i = 0; i < F_NBLOCKS; i++)
		buf_reset(&t->blk[i]);
	buf_reset(&t->people);
	if (rc)
		return rc;
	t->narticles++;
	return 0;
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

/* Writes m thousandths as "q.rrr" (and a minus before a negative m) at
 * the end of the buffer that ends at `end`, returning where it starts:
 * printf's cost is felt over millions of numbers. */
static char *
milli_str(char *end, long long m)
{
	unsigned long long u = m < 0 ? 0 - (unsigned long long)m :
			       (unsigned long long)m;
	char *p = end;
	int i;

	for (i = 0; i < 3; i++) {
		*--p = (char)('0' + u % 10);
		u /= 10;
	}
	*--p = '.';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (m < 0)
		*--p = '-';
	return p;
}

/* A weight or confidence, as "%lld.%03lld" of m / 1000 and m % 1000
 * writes it (the bytes the files have always held, which for a negative
 * m, never written, are odd: "0.-05"). */
static void
field_milli(struct buf *row, int first, long long m)
{
	char tmp[32], *p;

	if (m < 0) {
		int n = snprintf(tmp, sizeof(tmp), "%lld.%03lld", m / 1000,
				 m % 1000);

		csv_field(row, first, tmp, (size_t)n);
		return;
	}
	p = milli_str(tmp + sizeof(tmp), m);
	csv_field(row, first, p, (size_t)(tmp + sizeof(tmp) - p));
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
		else if (fl->cols[i].kind == K_MILLI ||
			 fl->cols[i].kind == K_CONF)
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
	/* A local file has no URL: the input file names it. */
	v[A_FILE] = text_of(m->file ? m->file : "");
	put_row(&t->blk[F_ARTICLES], F_ARTICLES, v);
}

/* One form of a name as the text wrote it: person, bytes [o, o + len). */
struct form {
	int person;
	const char *s;
	size_t len;
};

static int
cmp_form(const void *a, const void *b)
{
	const struct form *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	c = memcmp(x->s, y->s, n);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Distinct forms of a person's name kept at most: a real article has a
 * handful; hostile text could have thousands. */
#define TALLY_MAX_ALIASES 32

/* Adds form s (len bytes) to list `out` unless already there. */
static void
alias_add(struct buf *out, const char *s, size_t len, int *n)
{
	const char *p = out->p;

	if (len == 0 || *n >= TALLY_MAX_ALIASES || memchr(s, '|', len))
		return;
	while (p && *p) {
		const char *e = strstr(p, ALIAS_SEP);
		size_t l = e ? (size_t)(e - p) : strlen(p);

		if (l == len && memcmp(p, s, len) == 0)
			return;
		p = e ? e + strlen(ALIAS_SEP) : p + l;
	}
	if (out->len)
		buf_adds(out, ALIAS_SEP);
	buf_add(out, s, len);
	(*n)++;
}

/* Removes the first form of list `out`. */
static void
drop_first(struct buf *out)
{
	const char *e = out->p ? strstr(out->p, ALIAS_SEP) : NULL;
	size_t skip = e ? (size_t)(e - out->p) + strlen(ALIAS_SEP) : out->len;

	if (out->len == 0)
		return;
	memmove(out->p, out->p + skip, out->len - skip);
	out->len -= skip;
	out->p[out->len] = 0;
}

/* 1 when list `out` has a form equal to s (len bytes) but for ASCII
 * case. */
static int
has_case_twin(const struct buf *out, const char *s, size_t len)
{
	const char *p = out->p;

	while (p && *p) {
		const char *e = strstr(p, ALIAS_SEP);
		size_t l = e ? (size_t)(e - p) : strlen(p), i;

		if (l == len) {
			for (i = 0; i < len; i++) {
				char a = p[i], b = s[i];

				if (a >= 'A' && a <= 'Z')
					a = (char)(a - 'A' + 'a');
				if (b >= 'A' && b <= 'Z')
					b = (char)(b - 'A' + 'a');
				if (a != b)
					break;
			}
			if (i == len)
				return 1;
		}
		p = e ? e + strlen(ALIAS_SEP) : p + l;
	}
	return 0;
}

/* Each person's forms, as mentions.csv's aliases column: every form the
 * article wrote other than the canonical name (not pronouns), and the
 * accent-less key of each where it differs by more than case, so a
 * search for "Dufresne" or "marie-helene dufresne" finds "Marie-Hélène
 * Dufresne". out[p] is the list of person p. */
static void
person_aliases(const struct doc *d, struct buf *out)
{
	struct form *f = pt_xmalloc((d->nm + 1) * sizeof(*f));
	size_t i, n = 0;
	int *cnt = pt_xcalloc(d->np + 1, sizeof(*cnt));

	for (i = 0; i < d->nm; i++) {
		const struct mention *m = &d->m[i];
		const struct tok *a = &d->tk.v[m->tok];
		const struct tok *b = &d->tk.v[m->tok + m->ntok - 1];

		if (m->pronoun || m->ntok == 0)
			continue;
		f[n].person = m->person;
		f[n].s = d->text + a->o;
		f[n].len = b->o + b->ol - a->o;
		n++;
	}
	if (n > 1)
		qsort(f, n, sizeof(*f), cmp_form);
	/* The canonical name first (dropped again below: it is the
	 * figure itself), so the forms and keys are checked against it. */
	for (i = 0; i < d->np; i++) {
		buf_reset(&out[i]);
		alias_add(&out[i], d->p[i].name, strlen(d->p[i].name),
			  &cnt[i]);
	}
	for (i = 0; i < n; i++)
		if (i == 0 || cmp_form(&f[i - 1], &f[i]) != 0)
			alias_add(&out[f[i].person], f[i].s, f[i].len,
				  &cnt[f[i].person]);
	for (i = 0; i < d->np; i++) {
		/* The accent-less keys of the forms so far. */
		struct buf keys = BUF_INIT;
		const char *p = out[i].p;

		while (p && *p) {
			const char *e = strstr(p, ALIAS_SEP);
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char *k = norm_key(p, l);

			if (keys.len)
				buf_adds(&keys, ALIAS_SEP);
			buf_adds(&keys, k);
			free(k);
			p = e ? e + strlen(ALIAS_SEP) : p + l;
		}
		p = keys.p;
		while (p && *p) {
			const char *e = strstr(p, ALIAS_SEP);
			size_t l = e ? (size_t)(e - p) : strlen(p);

			/* A key that differs from a form only in ASCII
			 * case adds nothing to a case-blind search. */
			if (!has_case_twin(&out[i], p, l))
				alias_add(&out[i], p, l, &cnt[i]);
			p = e ? e + strlen(ALIAS_SEP) : p + l;
		}
		buf_release(&keys);
		drop_first(&out[i]);
	}
	free(cnt);
	free(f);
}

static int
add_mentions(struct tally *t, const char *id, struct period pd,
	     const struct doc *d, struct buf *err)
{
	struct field v[M_N];
	size_t i, o, len;
	struct buf *al = pt_xmalloc((d->np + 1) * sizeof(*al));
	int rc = 0;

	for (i = 0; i < d->np; i++)
		buf_init(&al[i], 0);

	person_aliases(d, al);

	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];
		enum stance stance = doc_stance(p->prom, p->conm);
		const long long nums[V_N] = { p->mentions, p->pro, p->con,
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
		v[M_CONF] = num_of(llround(doc_confidence(p->prom, p->conm) *
					   1000.0));
		v[M_ALIASES] = span_of(al[i].p, al[i].len);
		put_row(&t->blk[F_MENTIONS], F_MENTIONS, v);
		if ((rc = add_person(t, pd, p->key, p->name, al[i].p, nums,
				     err)) != 0)
			break;
	}
	for (i = 0; i < d->np; i++)
		buf_release(&al[i]);
	free(al);
	return rc;
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

/* Counts code points of the text from byte *at up to byte o (o >= *at),
 * adding them to *cp: the quotes come in text order, so the offsets of all
 * of them cost one pass. */
static void
advance_cp(const struct doc *d, size_t o, size_t *at, long long *cp)
{
	for (; *at < o && *at < d->len; (*at)++)
		if (((unsigned char)d->text[*at] & 0xC0) != 0x80)
			(*cp)++;
}

static void
add_quotes(struct tally *t, const char *id, const struct doc *d)
{
	struct field v[Q_N];
	size_t i, o, len, o2, len2, at = 0, at_e = 0;
	long long cp = 0, cp_e = 0;

	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];
		size_t last = q->close != DOC_NONE ? q->close :
			      q->t1 > q->t0 ? q->t1 - 1 : q->open;

		if (!q->direct)
			continue;
		v[Q_ID] = text_of(id);
		if (q->speaker >= 0)
			v[Q_SPEAKER] = text_of(d->p[q->speaker].name);
		else if (q->kind == SPK_ORG)
			v[Q_SPEAKER] = span_of(d->text + q->orgo, q->orgl);
		else
			v[Q_SPEAKER] = text_of("");
		v[Q_QUOTE] = span_of(d->text + q->o, q->e - q->o);
		v[Q_STANCE] = text_of(doc_stance_name(quote_stance(d, q)));
		/* The sentence(s) the quote stands in. */
		doc_sentence(d, q->open, &o, &len);
		doc_sentence(d, last < d->tk.n ? last : q->open, &o2, &len2);
		if (o2 + len2 < o + len)
			o2 = o, len2 = len;
		v[Q_CONTEXT] = span_of(d->text + o, o2 + len2 - o);
		/* Character (code point) offsets of the quote's inner text
		 * in the article's text. */
		if (q->o < at)
			at = 0, cp = 0; /* out of order: count again */
		advance_cp(d, q->o, &at, &cp);
		at_e = at;
		cp_e = cp;
		advance_cp(d, q->e, &at_e, &cp_e);
		v[Q_START] = num_of(cp);
		v[Q_END] = num_of(cp_e);
		v[Q_FORM] = span_of(d->text + q->fo, q->fl);
		v[Q_KIND] = text_of(doc_speaker_kind_name(q->kind));
		v[Q_SIEVE] = text_of(doc_sieve_name(q->sieve));
		/* A segment of a quote over paragraphs that took the speaker
		 * of its last segment after the sieves ran. */
		if (q->speaker >= 0 && q->kind == SPK_UNKNOWN) {
			v[Q_KIND] = text_of(doc_speaker_kind_name(SPK_PERSON));
			v[Q_SIEVE] = text_of(doc_sieve_name(SIEVE_CONTINUATION));
		}
		put_row(&t->blk[F_QUOTES], F_QUOTES, v);
	}
}

static void
add_cues(struct tally *t, const char *id, const struct doc *d)
{
	struct field v[C_N];
	size_t i, o, len;
	char value[32], *vp;
	struct buf rules = BUF_INIT;

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
		v[C_WORDS] = span_of(d->text + d->tk.v[c->tok].o,
				     d->tk.v[c->tok + c->ntok - 1].o +
				     d->tk.v[c->tok + c->ntok - 1].ol -
				     d->tk.v[c->tok].o);
		v[C_KIND] = text_of(doc_cue_kind_name(c->kind));
		v[C_SOURCE] = text_of(c->source);
		/* "%d.%03d" of value / 1000 and abs(value % 1000), with
		 * the sign of a value between -1 and 0. */
		vp = milli_str(value + sizeof(value), c->value);
		v[C_VALUE] = span_of(vp, (size_t)(value + sizeof(value) - vp));
		v[C_LINK] = text_of(doc_cue_link_name(c->link));
		doc_cue_rules(c->rules, &rules);
		v[C_RULES] = span_of(rules.p ? rules.p : "", rules.len);
		put_row(&t->blk[F_CUES], F_CUES, v);
	}
	buf_release(&rules);
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
	buf_reset(&t->people);
	add_article_row(t, id, digest, m, d);
	if ((i = add_mentions(t, id, period_of(m->published, m->captured),
			      d, err)) != 0)
		return i;
	add_quotes(t, id, d);
	add_cues(t, id, d);
	return store_article(t, id, part, m->captured, digest, m->published,
			     err);
}

/* --- Reading a partial back ------------------------------------------ */

/* The largest number a partial may hold in a column (a count, or
 * thousandths of a weight): far above any real article, and low enough
 * that a sum over a million articles still fits in 64 bits. */
#define MAX_NUMBER 1000000000000LL

/* Parses the digits at *s into *v, moving *s past them. 0, -1 when there
 * is no digit, -2 past MAX_NUMBER (the rest is not read). */
static int
parse_digits(const char **s, long long *v)
{
	const char *p = *s;

	*v = 0;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		*v = *v * 10 + (*p++ - '0');
		if (*v > MAX_NUMBER)
			return -2;
	}
	*s = p;
	return 0;
}

/* Parses "12.345" into thousandths. 0, -1 (not a number) or -2 (too
 * large). */
static int
parse_milli(const char *s, long long *out)
{
	long long v = 0, frac = 0;
	int digits = 0, rc = parse_digits(&s, &v);

	if (rc)
		return rc;
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
	if (v > MAX_NUMBER / 1000)
		return -2;
	*out = v * 1000 + frac;
	return 0;
}

/* Parses a whole number. 0, -1 or -2, as parse_milli(). */
static int
parse_int(const char *s, long long *out)
{
	long long v = 0;
	int rc = parse_digits(&s, &v);

	if (rc)
		return rc;
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

/* Column i of rd's table is wrong in the current record: why is -1 (not
 * a number, or not an id) or -2 (a number out of range). */
static int
bad_value(const struct reader *rd, int i, int why, struct buf *err)
{
	if (err)
		buf_addf(err, "%s:%lu:%d: %s in column '%s'", rd->path,
			 csv_reader_line(rd->r), rd->col[i] + 1,
			 why == -2 ? "number out of range" : "bad value",
			 rd->f->cols[i].name);
	return PT_EPARSE;
}

/* Checks the numeric columns of the current record into rd->v[]; 0 or
 * PT_EPARSE. */
static int
check_numbers(struct reader *rd, struct buf *err)
{
	int i, rc;

	for (i = 0; i < rd->f->ncols; i++) {
		enum kind k = rd->f->cols[i].kind;

		rc = k == K_INT ? parse_int(fld(rd, i), &rd->v[i]) :
		     k == K_MILLI || k == K_CONF ?
			     parse_milli(fld(rd, i), &rd->v[i]) : 0;
		if (rc)
			return bad_value(rd, i, rc, err);
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
	long long part;          /* its part number */
	struct reader rd[F_NBLOCKS];
	char prev[17];           /* the last article_id, for the order */
};

/* All the per-article files, as a set of bits (1 << f). */
#define ALL_BLOCKS ((1u << F_NBLOCKS) - 1)

/* Opens articles.csv and the other files of set `which` of partial
 * `dir`; the files not opened read as empty. */
static int
partial_open(struct partial *p, const char *dir, long long part,
	     unsigned which, struct buf *err)
{
	int i, rc = 0;

	memset(p, 0, sizeof(*p));
	p->dir = dir;
	p->part = part;
	which |= 1u << F_ARTICLES;
	for (i = 0; i < F_NBLOCKS && !rc; i++)
		if (which & (1u << i))
			rc = reader_open(&p->rd[i], dir, i, err);
	/* Advance every file to its first record. */
	for (i = 0; i < F_NBLOCKS && !rc; i++)
		if (which & (1u << i))
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

/* The current record of articles.csv, once its article_id is checked
 * (16 characters, after the previous one). */
static const char *
cur_id(const struct partial *p)
{
	return fld(&p->rd[F_ARTICLES], A_ID);
}

static const char *
cur_field(const struct partial *p, int col)
{
	return fld(&p->rd[F_ARTICLES], col);
}

/* Checks the article_id of the current record of articles.csv (when
 * there is one). 0 or PT_EPARSE. */
static int
check_id(struct partial *p, struct buf *err)
{
	struct reader *ra = &p->rd[F_ARTICLES];

	if (!ra->have)
		return 0;
	if (csv_reader_field_len(ra->r, ra->col[A_ID]) != 16)
		return bad_value(ra, A_ID, -1, err);
	if (strcmp(cur_id(p), p->prev) <= 0) {
		if (err)
			buf_addf(err, "%s:%lu: articles are not in article_id "
				 "order", ra->path, csv_reader_line(ra->r));
		return PT_EPARSE;
	}
	memcpy(p->prev, cur_id(p), 17);
	return 0;
}

/* Who reads partials: the files it copies into blk (all four when the
 * partials are read into the store; a half's in the streaming merge,
 * see struct half), and whether it keeps the totals, the count and the
 * stored articles. */
struct reading {
	struct tally *t;
	unsigned files;          /* the files copied, 1 << f each */
	int main;                /* totals, count, stored articles and
				    conflicts */
	struct buf *blk;         /* F_NBLOCKS buffers, borrowed */
};

/* Copies the rows of file f that carry article `id` (they follow in the
 * same order as articles.csv); mentions also go to the totals. A capture
 * that is not kept (`drop`) has its rows checked and passed over. */
static int
import_rows(struct reading *r, struct partial *p, int f, const char *id,
	    int drop, struct buf *err)
{
	struct tally *t = r->t;
	struct reader *rd = &p->rd[f];
	int rc = 0;

	while (!rc && rd->have && strcmp(fld(rd, 0), id) == 0) {
		if ((rc = check_numbers(rd, err)) != 0)
			break;
		if (!drop)
			copy_row(rd, &r->blk[f]);
		if (f == F_MENTIONS && !drop) {
			const char *fig = fld(rd, M_FIGURE);
			char *key = norm_key(fig, strlen(fig));
			const long long nums[V_N] = { rd->v[M_MENTIONS],
				rd->v[M_PRO], rd->v[M_CON], rd->v[M_PROW],
				rd->v[M_CONW], rd->v[M_QUOTES] };

			rc = add_person(t, period_of(cur_field(p, A_PUBLISHED),
						     cur_field(p, A_CAPTURED)),
					key, fig, fld(rd, M_ALIASES), nums,
					err);
			free(key);
		}
		if (!rc)
			rc = reader_next(rd, err);
	}
	return rc;
}

/* Imports the current record of articles.csv (its id checked) with its
 * rows of the other files, and moves to the next one, whose id it checks.
 * A dropped capture is only checked and counted. */
static int
import_article(struct reading *r, struct partial *p, int drop,
	       struct buf *err)
{
	struct tally *t = r->t;
	struct reader *ra = &p->rd[F_ARTICLES];
	char id[17];
	int f, rc = 0;

	memcpy(id, cur_id(p), 17);
	if (!t->streamed) {
		for (f = 0; f < F_NBLOCKS; f++)
			buf_reset(&r->blk[f]);
		buf_reset(&t->people);
	}
	if ((rc = check_numbers(ra, err)) != 0)
		return rc;
	if (!drop && (r->files & (1u << F_ARTICLES)))
		copy_row(ra, &r->blk[F_ARTICLES]);
	for (f = F_MENTIONS; f < F_NBLOCKS && !rc; f++)
		rc = import_rows(r, p, f, id, drop, err);
	/* The streaming merge has chosen already: no work row. */
	if (rc || !r->main)
		;
	else if (drop || t->streamed)
		t->narticles++;
	else
		rc = store_article(t, id, p->part, fld(ra, A_CAPTURED),
				   fld(ra, A_DIGEST), fld(ra, A_PUBLISHED),
				   err);
	if (!rc)
		rc = reader_next(ra, err);
	return rc ? rc : check_id(p, err);
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

/* Puts "cannot merge partial 'DIR': " before the message in err. */
static int
part_fail(const char *dir, int rc, struct buf *err)
{
	struct buf m = BUF_INIT;

	if (!err || rc == PT_EINTR)
		return rc;
	buf_addf(&m, "cannot merge partial '%s': %s", dir, err->p);
	buf_reset(err);
	buf_add(err, m.p, m.len);
	buf_release(&m);
	return rc;
}

/* Opens partial `dir` (part number `part`) with its first article_id
 * checked. */
static int
partial_start(struct partial *p, const char *dir, long long part,
	      unsigned which, struct buf *err)
{
	int rc = partial_open(p, dir, part, which, err);

	return rc ? rc : check_id(p, err);
}

/* Reads a whole partial into the store, one article after the other
 * (the capture of each to keep is chosen at the finish). */
static int
import_stored(struct tally *t, const char *dir, long long part,
	      struct buf *err)
{
	struct reading r = { t, ALL_BLOCKS, 1, t->blk };
	struct partial p;
	int rc = partial_start(&p, dir, part, ALL_BLOCKS, err);

	/* articles.csv drives: each article takes the rows of the other
	 * files that carry its id, which follow in the same order. */
	while (!rc && p.rd[F_ARTICLES].have)
		rc = import_article(&r, &p, 0, err);
	if (!rc)
		rc = check_leftovers(&p, err);
	partial_close(&p);
	return rc;
}

/* A partial is only checked here (its files open, with the columns and
 * the first records): they are all read together later, by
 * read_partials(). */
int
tally_import(struct tally *t, const char *dir, struct buf *err)
{
	struct partial p;
	long long part = t->part++;
	int rc = partial_start(&p, dir, part, ALL_BLOCKS, err);

	partial_close(&p);
	pt_xgrow((void **)&t->partdir, &t->cappartdir, (size_t)part + 1,
		 sizeof(*t->partdir));
	while (t->npartdir <= (size_t)part)
		t->partdir[t->npartdir++] = NULL;
	t->partdir[part] = pt_xstrdup(dir);
	return rc;
}

/* --- Writing the dataset --------------------------------------------- */

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

/* 1 when capture b (captured cb, digest db), of a later part than a,
 * is kept over a: the newest capture, then the larger digest, then the
 * earlier part. */
static int
capture_beats(const char *cb, const char *db, const char *ca,
	      const char *da)
{
	int c = strcmp(cb, ca);

	return c > 0 || (c == 0 && strcmp(db, da) > 0);
}

static const char *
part_name(const struct tally *t, long long part)
{
	return part >= 0 && (size_t)part < t->npartdir && t->partdir[part] ?
	       t->partdir[part] : "(this run)";
}

/* Appends the line that names an article two parts hold with different
 * digests (a: part pa, captured ca, digest da; b likewise, pa < pb). */
static void
conflict_line(const struct tally *t, struct buf *out, const char *id,
	      long long pa, const char *ca, const char *da, long long pb,
	      const char *cb, const char *db)
{
	int b_wins = capture_beats(cb, db, ca, da);

	buf_addf(out, "article %s differs between '%s' (captured %s, "
		 "digest %s) and '%s' (captured %s, digest %s); "
		 "keeping the newest capture (then the larger digest): "
		 "the one from '%s'\n", id,
		 part_name(t, pa), *ca ? ca : "unknown", da,
		 part_name(t, pb), *cb ? cb : "unknown", db,
		 part_name(t, b_wins ? pb : pa));
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
		case K_CONF:
			pm = sqlite3_column_int64(st, c);
			cm = sqlite3_column_int64(st, c + 1);
			field_milli(r, i == 0,
				    llround(doc_confidence(pm, cm) * 1000.0));
			break;
		default:
			csv_fields(r, i == 0,
				   (const char *)sqlite3_column_text(st, c));
		}
		c += sql_width(col);
	}
	csv_end(r);
}

/* Writes a totals file (figures.csv, timeline.csv, aliases.csv) from
 * its column table. */
static int
write_totals(struct tally *t, int f, struct buf *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	sql_select(&sql, files[f].cols, files[f].ncols, files[f].from);
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

/* Opens the seven outputs, each with its header row. */
static int
open_outputs(struct tally *t, struct buf *err)
{
	int f, i, rc = 0;

	for (f = 0; f < F_N && !rc; f++) {
		char *path = fileio_join(t->dir, files[f].name);

		rc = ofile_open(&t->out[f], path, err);
		free(path);
		buf_reset(&t->row);
		if (t->bom)
			buf_adds(&t->row, "\xEF\xBB\xBF");
		for (i = 0; i < files[f].ncols && !rc; i++)
			csv_fields(&t->row, i == 0, files[f].cols[i].name);
		csv_end(&t->row);
		if (!rc)
			rc = write_buf(t, f, t->row.p, t->row.len, err);
	}
	return rc;
}

/* --- The streaming merge of partials --------------------------------- */

/* Each partial is sorted by article_id, so a k-way merge meets all the
 * captures of an article together: it keeps one (capture_beats():
 * the newest capture, then the larger digest, then the first partial),
 * writes its rows out at once and adds its numbers to the sums (struct
 * sums). No blocks are stored, sorted and read back, and memory does not
 * grow with the partials. */

/* Files a partial holds open while it is merged (articles.csv twice, one
 * for each half of the merge). */
#define FILES_PER_PARTIAL (F_NBLOCKS + 1)
/* Descriptors left for everything else (the database, the sort, the
 * outputs, the log). */
#define FD_RESERVE 64
/* How often (in articles) the merge looks at the stop flag and the
 * progress meter. */
#define MERGE_CHECK_EVERY 4096
/* Bytes of output gathered per file before they are written. */
#define MERGE_FLUSH (64u * 1024)

/* 1 when n partials can all be open at once, asking for more open files
 * (up to the hard limit) when that takes them. More are read one after
 * the other into the store. */
static int
can_stream(size_t n)
{
	rlim_t need = (rlim_t)n * FILES_PER_PARTIAL + FD_RESERVE;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 0;
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= need)
		return 1;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < need)
		return 0;
	rl.rlim_cur = need;
	return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

/* A capture of article `id` ordered before another: by id, then part. */
static int
partial_less(const void *pa, const void *pb)
{
	const struct partial *a = pa, *b = pb;
	int c = strcmp(cur_id(a), cur_id(b));

	return c < 0 || (c == 0 && a->part < b->part);
}

/* The conflicts among the captures g[0..n) of one article (in part
 * order), as tally_conflicts() names them. */
static void
note_conflicts(struct tally *t, struct partial *const *g, size_t n,
	       size_t max)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			if (strcmp(cur_field(g[i], A_DIGEST),
				   cur_field(g[j], A_DIGEST)) == 0)
				continue;
			if ((size_t)t->nconflicts++ < max)
				conflict_line(t, &t->conflicts, cur_id(g[i]),
					      g[i]->part,
					      cur_field(g[i], A_CAPTURED),
					      cur_field(g[i], A_DIGEST),
					      g[j]->part,
					      cur_field(g[j], A_CAPTURED),
					      cur_field(g[j], A_DIGEST));
		}
}

/* The capture to keep among g[0..n) (in part order). */
static size_t
pick_winner(struct partial *const *g, size_t n)
{
	size_t w = 0, i;

	for (i = 1; i < n; i++)
		if (capture_beats(cur_field(g[i], A_CAPTURED),
				  cur_field(g[i], A_DIGEST),
				  cur_field(g[w], A_CAPTURED),
				  cur_field(g[w], A_DIGEST)))
			w = i;
	return w;
}

/* The streaming merge in two halves, each a k-way merge of its own over
 * the partials: the main half copies articles.csv, mentions.csv and
 * quotes.csv, adds up the totals and names the conflicts; the other, on a
 * thread of its own, copies cues.csv (the largest file), reading
 * articles.csv as well to know which capture is kept. They share nothing
 * but the stop: the merge takes about as long as the larger half. */
#define CUES_HALF (1u << F_CUES)

struct half {
	struct reading r;
	struct buf blk[F_NBLOCKS]; /* the rows gathered for the outputs */
	struct partial *ps;      /* the partials, files of r.files open */
	size_t n;
	struct heap h;        /* partials with a current article */
	struct partial **g;      /* one article's captures */
	size_t max;              /* main: conflict lines to keep */
	atomic_int *failed;      /* set by the half that fails: both stop */
	struct buf err;          /* the other half's message */
	int rc;
};

/* Writes out what the blocks have gathered (all of it with `all`). */
static int
flush_blocks(struct half *hf, int all, struct buf *err)
{
	int f;

	for (f = 0; f < F_NBLOCKS; f++)
		if ((hf->r.files & (1u << f)) &&
		    (all || hf->blk[f].len >= MERGE_FLUSH)) {
			if (write_buf(hf->r.t, f, hf->blk[f].p,
				      hf->blk[f].len, err))
				return PT_EIO;
			buf_reset(&hf->blk[f]);
		}
	return 0;
}

/* Bytes read so far from the partials, for the progress meter. */
static unsigned long long
bytes_read(const struct half *hf)
{
	unsigned long long sum = 0;
	size_t i;
	int f;

	for (i = 0; i < hf->n; i++)
		for (f = 0; f < F_NBLOCKS; f++) {
			FILE *fp = hf->ps[i].rd[f].fp;
			long at = fp ? ftell(fp) : 0;

			sum += at > 0 ? (unsigned long long)at : 0;
		}
	return sum;
}

/* Takes the captures of the least article off the heap (in part order),
 * keeps one and reads past them all, putting back the partials that have
 * more; a partial at its end is checked for rows left over. */
static int
merge_article(struct half *hf, struct buf *err)
{
	struct partial **g = hf->g;
	size_t n = 0, w, i;
	int rc = 0;

	g[n++] = heap_pop(&hf->h);
	while (hf->h.n && strcmp(cur_id(hf->h.v[0]), cur_id(g[0])) == 0)
		g[n++] = heap_pop(&hf->h);
	if (n > 1 && hf->r.main)
		note_conflicts(hf->r.t, g, n, hf->max);
	w = n > 1 ? pick_winner(g, n) : 0;
	for (i = 0; i < n && !rc; i++) {
		rc = import_article(&hf->r, g[i], i != w, err);
		if (!rc && g[i]->rd[F_ARTICLES].have)
			heap_push(&hf->h, g[i]);
		else if (!rc)
			rc = check_leftovers(g[i], err);
		if (rc)
			return part_fail(g[i]->dir, rc, err);
	}
	return flush_blocks(hf, 0, err);
}

/* Runs one half: opens the partials and merges them. */
static int
half_run(struct half *hf, struct buf *err)
{
	struct tally *t = hf->r.t;
	unsigned long long done = 0;
	size_t i;
	int rc = 0;

	for (i = 0; i < t->npartdir && !rc; i++) {
		struct partial *p = &hf->ps[hf->n];

		if (!t->partdir[i])
			continue;
		hf->n++;
		rc = partial_start(p, t->partdir[i], (long long)i,
				   hf->r.files, err);
		if (!rc && p->rd[F_ARTICLES].have)
			heap_push(&hf->h, p);
		else if (!rc)
			rc = check_leftovers(p, err);
		if (rc)
			part_fail(t->partdir[i], rc, err);
	}
	while (!rc && hf->h.n) {
		if (atomic_load_explicit(hf->failed, memory_order_relaxed))
			return PT_EINTR; /* the other half's error is told */
		rc = merge_article(hf, err);
		if (rc || ++done % MERGE_CHECK_EVERY)
			continue;
		if (t->stop && *t->stop) {
			if (err)
				buf_adds(err, "interrupted");
			rc = PT_EINTR;
		}
		if (hf->r.main)
			progress_update(t->prog, done, bytes_read(hf));
	}
	return rc ? rc : flush_blocks(hf, 1, err);
}

static void *
half_thread(void *arg)
{
	struct half *hf = arg;

	hf->rc = half_run(hf, &hf->err);
	if (hf->rc)
		atomic_store(hf->failed, 1);
	return NULL;
}

static void
half_init(struct half *hf, struct tally *t, unsigned which, int main,
	  atomic_int *failed)
{
	int f;

	memset(hf, 0, sizeof(*hf));
	hf->r.t = t;
	hf->r.files = which;
	hf->r.main = main;
	hf->r.blk = hf->blk;
	for (f = 0; f < F_NBLOCKS; f++)
		buf_init(&hf->blk[f], 0);
	buf_init(&hf->err, 0);
	hf->ps = pt_xcalloc(t->npartdir, sizeof(*hf->ps));
	hf->g = pt_xcalloc(t->npartdir, sizeof(*hf->g));
	hf->h.v = pt_xcalloc(t->npartdir, sizeof(*hf->h.v));
	hf->h.less = partial_less;
	hf->failed = failed;
}

static void
half_release(struct half *hf)
{
	size_t i;
	int f;

	for (i = 0; i < hf->n; i++)
		partial_close(&hf->ps[i]);
	for (f = 0; f < F_NBLOCKS; f++)
		buf_release(&hf->blk[f]);
	buf_release(&hf->err);
	free(hf->ps);
	free(hf->g);
	free(hf->h.v);
}

static int
merge_streams(struct tally *t, size_t max, struct buf *err)
{
	struct half main_half, cues;
	atomic_int failed = 0;
	pthread_t th;
	int threaded, rc;

	t->streamed = 1;
	if ((rc = open_outputs(t, err)) != 0)
		return rc;
	half_init(&main_half, t, ALL_BLOCKS & ~CUES_HALF, 1, &failed);
	half_init(&cues, t, CUES_HALF, 0, &failed);
	main_half.max = max;
	/* Without a thread, the halves run one after the other. */
	threaded = pthread_create(&th, NULL, half_thread, &cues) == 0;
	rc = half_run(&main_half, err);
	if (rc)
		atomic_store(&failed, 1);
	if (threaded)
		pthread_join(th, NULL);
	else if (!rc)
		half_thread(&cues);
	/* An error of the main half is told first; the other half stopped
	 * for it says nothing of its own. */
	if (rc == PT_EINTR && cues.rc && cues.rc != PT_EINTR)
		rc = 0;
	if (!rc && cues.rc) {
		rc = cues.rc;
		if (err) {
			buf_reset(err);
			buf_add(err, cues.err.p, cues.err.len);
		}
	}
	if (!rc)
		rc = sums_flush(t, &t->tot, S_TOT, err);
	if (!rc)
		rc = sums_flush(t, &t->ali, S_ALI, err);
	half_release(&main_half);
	half_release(&cues);
	return rc;
}

/* --- Writing the stored articles out ------------------------------- */

/* A stored article, read back (see "The store"); borrowed from the
 * record. */
struct stored {
	const char *captured, *digest, *published;
	struct sv blk[F_NBLOCKS];
	struct sv people;
};

static void
parse_stored(const char *p, struct stored *a)
{
	uint32_t lens[STORE_NLEN];
	int i;

	memcpy(lens, p, sizeof(lens));
	p += sizeof(lens);
	a->captured = p;
	p += strlen(p) + 1;
	a->digest = p;
	p += strlen(p) + 1;
	a->published = p;
	p += strlen(p) + 1;
	for (i = 0; i < F_NBLOCKS; i++) {
		a->blk[i] = sv_make(p, lens[i]);
		p += lens[i];
	}
	a->people = sv_make(p, lens[F_NBLOCKS]);
}

static long long
key_part(const char *key)
{
	unsigned long long u = 0;
	int i;

	for (i = 0; i < 8; i++)
		u = u << 8 | (unsigned char)key[16 + i];
	return (long long)u;
}

/* Writes out the kept capture of an article (t->win) and adds its
 * persons to the totals. */
static int
write_kept(struct tally *t, struct buf *err)
{
	struct stored a;
	struct period pd;
	const char *p, *end;
	int f, rc;

	parse_stored(t->win.p, &a);
	for (f = 0; f < F_NBLOCKS; f++)
		if ((rc = write_buf(t, f, a.blk[f].p, a.blk[f].len, err)) != 0)
			return rc;
	pd = period_of(a.published, a.captured);
	p = a.people.p;
	end = p + a.people.len;
	while (p < end) {
		const char *key = p, *figure, *aliases;
		long long v[V_N];

		figure = key + strlen(key) + 1;
		aliases = figure + strlen(figure) + 1;
		p = aliases + strlen(aliases) + 1;
		memcpy(v, p, sizeof(v));
		p += sizeof(v);
		if ((rc = sum_person(t, pd, key, figure, aliases, v, err)) != 0)
			return rc;
	}
	return 0;
}

/* The next capture after m in t->group, which holds, for each capture
 * of one article in part order, its part (8 bytes) and its captured and
 * digest (NUL-terminated). */
static const char *
next_capture(const char *m)
{
	const char *c = m + 8;

	c += strlen(c) + 1;
	return c + strlen(c) + 1;
}

/* The conflicts among the captures of article `id` (16 characters) in
 * t->group, named as note_conflicts() names them. */
static void
group_conflicts(struct tally *t, const char *id, size_t max)
{
	const char *end = t->group.p + t->group.len, *a, *b;
	char sid[17];

	memcpy(sid, id, 16);
	sid[16] = '\0';
	for (a = t->group.p; a < end; a = next_capture(a))
		for (b = next_capture(a); b < end; b = next_capture(b)) {
			const char *ca = a + 8, *da = ca + strlen(ca) + 1;
			const char *cb = b + 8, *db = cb + strlen(cb) + 1;
			long long pa, pb;

			if (strcmp(da, db) == 0 ||
			    (size_t)t->nconflicts++ >= max)
				continue;
			memcpy(&pa, a, 8);
			memcpy(&pb, b, 8);
			conflict_line(t, &t->conflicts, sid, pa, ca, da, pb,
				      cb, db);
		}
}

/* Reads the stored articles back in article_id order and writes out the
 * kept capture of each (capture_beats()), naming the conflicts among
 * the captures (the first `max`). */
static int
write_stored(struct tally *t, size_t max, struct buf *err)
{
	struct sv key, rec;
	struct stored a, w;
	char id[16];
	size_t ngroup = 0, done = 0;
	int rc, rc2;

	if ((rc = open_outputs(t, err)) != 0)
		return rc;
	for (;;) {
		long long part;

		rc = runs_next(t->store, &key, &rec, err);
		if (rc < 0)
			return rc;
		if (ngroup && (rc == 0 || memcmp(key.p, id, 16) != 0)) {
			if (ngroup > 1)
				group_conflicts(t, id, max);
			if ((rc2 = write_kept(t, err)) != 0)
				return rc2;
			ngroup = 0;
			if (++done % MERGE_CHECK_EVERY == 0 && t->stop &&
			    *t->stop) {
				if (err)
					buf_adds(err, "interrupted");
				return PT_EINTR;
			}
		}
		if (rc == 0)
			break;
		parse_stored(rec.p, &a);
		part = key_part(key.p);
		if (ngroup == 0) {
			memcpy(id, key.p, 16);
			buf_reset(&t->group);
		}
		buf_add(&t->group, &part, 8);
		put_str(&t->group, a.captured);
		put_str(&t->group, a.digest);
		if (ngroup)
			parse_stored(t->win.p, &w);
		if (!ngroup || capture_beats(a.captured, a.digest, w.captured,
					     w.digest)) {
			buf_reset(&t->win);
			buf_add(&t->win, rec.p, rec.len);
		}
		ngroup++;
	}
	if ((rc = sums_flush(t, &t->tot, S_TOT, err)) != 0)
		return rc;
	return sums_flush(t, &t->ali, S_ALI, err);
}

/* Reads the partials, once, and writes out the per-article files: by
 * the streaming merge when only partials are merged and their files can
 * all be open at once; else through the store (after the articles added
 * with tally_add(), the partials one after the other). A failure names
 * the partial. */
static int
read_partials(struct tally *t, size_t max, struct buf *err)
{
	size_t i, nparts = 0;
	int rc = 0;

	if (t->parts_read)
		return t->parts_rc;
	t->parts_read = 1;
	for (i = 0; i < t->npartdir; i++)
		nparts += t->partdir[i] != NULL;
	if (nparts && !t->added && can_stream(nparts)) {
		rc = merge_streams(t, max, err);
	} else {
		for (i = 0; i < t->npartdir && !rc; i++) {
			if (t->stop && *t->stop) {
				if (err)
					buf_adds(err, "interrupted");
				rc = PT_EINTR;
			} else if (t->partdir[i] &&
				   (rc = import_stored(t, t->partdir[i],
						       (long long)i, err)))
				part_fail(t->partdir[i], rc, err);
		}
		if (!rc)
			rc = write_stored(t, max, err);
	}
	t->parts_rc = rc;
	return rc;
}

long long
tally_conflicts(struct tally *t, struct buf *out, size_t max,
		struct buf *err)
{
	if (read_partials(t, max, err))
		return -1;
	buf_add(out, t->conflicts.p, t->conflicts.len);
	return t->nconflicts;
}

/* PT_EINTR ("interrupted") when the stop flag is set, else 0. */
static int
stopped(const struct tally *t, struct buf *err)
{
	if (!t->stop || !*t->stop)
		return 0;
	if (err)
		buf_adds(err, "interrupted");
	return PT_EINTR;
}

int
tally_finish(struct tally *t, struct buf *err)
{
	int f, rc;

	if ((rc = stopped(t, err)) != 0 ||
	    (rc = read_partials(t, 0, err)) != 0)
		return rc;
	if (!rc)
		rc = write_totals(t, F_FIGURES, err);
	if (!rc)
		rc = write_totals(t, F_TIMELINE, err);
	if (!rc)
		rc = write_totals(t, F_ALIASES, err);
	/* The last point where a signal stops the run: past it, the seven
	 * files replace the previous ones together (a rename each). */
	if (!rc)
		rc = stopped(t, err);
	/* All seven are complete before any replaces the previous one. */
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
	sql_select(&sql, figures_cols, G_N, " FROM tot x GROUP BY x.key"
		   " ORDER BY SUM(x.n) DESC, SUM(x.mentions) DESC, x.key");
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
