/* tally.c -- CSV rows per article and totals per figure.
 *
 * Weights are summed as integer thousandths so that totals do not depend
 * on the order in which articles (or shards) are added.
 */
#include "analyzer/tally.h"

#include "analyzer/doc.h"
#include "analyzer/norm.h"
#include "crawler/base/buf.h"
#include "crawler/base/csv.h"
#include "crawler/base/err.h"
#include "crawler/base/hash.h"
#include "crawler/base/ofile.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum { F_ARTICLES, F_MENTIONS, F_QUOTES, F_FIGURES, F_N };

static const char *const fnames[F_N] = {
	"articles.csv", "mentions.csv", "quotes.csv", "figures.csv"
};

static const char *const headers[F_N] = {
	"article_id,url,title,author,published,site,words,pro,con,stance",
	"article_id,figure,mentions,pro,con,stance,evidence,pro_weight,"
	"con_weight",
	"article_id,speaker,quote,stance",
	"figure,articles,mentions,pro,con,stance,quotes,pro_weight,con_weight"
};

struct fig {
	char *key;            /* matching key, owned */
	char *name;           /* display name, owned */
	unsigned long articles, mentions, pro, con, quotes;
	long long prom, conm; /* weights in thousandths */
};

struct tally {
	struct ofile out[F_N];  /* the four outputs */
	struct buf row;         /* reused row buffer */
	struct fig *figs;       /* open-addressing table */
	size_t nfig, capfig;    /* used and allocated slots (power of 2) */
	size_t narticles;
	int finished;
};

static long long
milli(double w)
{
	return llround(w * 1000.0);
}

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
	int i;

	buf_init(&t->row, 0);
	for (i = 0; i < F_N; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, fnames[i]);
		if (ofile_open(&t->out[i], path.p, err)) {
			buf_release(&path);
			tally_free(t);
			return NULL;
		}
		fprintf(t->out[i].fp, "%s\r\n", headers[i]);
	}
	buf_release(&path);
	t->capfig = 256;
	t->figs = pt_xcalloc(t->capfig, sizeof(*t->figs));
	return t;
}

static size_t
slot(const struct fig *figs, size_t cap, const char *key)
{
	size_t h = 5381;
	const char *p;

	for (p = key; *p; p++)
		h = h * 33 + (unsigned char)*p;
	h &= cap - 1;
	while (figs[h].key && strcmp(figs[h].key, key) != 0)
		h = (h + 1) & (cap - 1);
	return h;
}

static struct fig *
fig_get(struct tally *t, const char *key, const char *name)
{
	size_t h = slot(t->figs, t->capfig, key);

	if (!t->figs[h].key) {
		if (2 * (t->nfig + 1) > t->capfig) {
			size_t i, ncap = t->capfig * 2;
			struct fig *n = pt_xcalloc(ncap, sizeof(*n));

			for (i = 0; i < t->capfig; i++)
				if (t->figs[i].key)
					n[slot(n, ncap, t->figs[i].key)] =
						t->figs[i];
			free(t->figs);
			t->figs = n;
			t->capfig = ncap;
			h = slot(t->figs, t->capfig, key);
		}
		t->figs[h].key = pt_xstrdup(key);
		t->figs[h].name = pt_xstrdup(name);
		t->nfig++;
	}
	return &t->figs[h];
}

static const char *
stance_m(long long prom, long long conm)
{
	return doc_stance((double)prom, (double)conm);
}

static void
field_w(struct buf *row, long long m)
{
	char tmp[48];
	int n = snprintf(tmp, sizeof(tmp), "%lld.%03lld", m / 1000, m % 1000);

	csv_field(row, 0, tmp, (size_t)n);
}

static int
flush_row(struct tally *t, int f)
{
	if (fwrite(t->row.p, 1, t->row.len, t->out[f].fp) != t->row.len)
		return PT_EIO;
	buf_reset(&t->row);
	return 0;
}

int
tally_add(struct tally *t, const struct tally_meta *m, const struct doc *d)
{
	char id[17];
	size_t i, j;
	struct buf *r = &t->row;

	tally_article_id(m->id_source, id);
	csv_fields(r, 1, id);
	csv_fields(r, 0, m->url);
	csv_fields(r, 0, m->title);
	csv_fields(r, 0, m->author);
	csv_fields(r, 0, m->published);
	csv_fields(r, 0, m->site);
	csv_fieldu(r, 0, d->words);
	csv_fieldu(r, 0, d->pro);
	csv_fieldu(r, 0, d->con);
	csv_fields(r, 0, stance_m(milli(d->prow), milli(d->conw)));
	csv_end(r);
	if (flush_row(t, F_ARTICLES))
		return PT_EIO;

	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];
		long long prom = milli(p->prow), conm = milli(p->conw);
		struct fig *f;

		if (p->mentions == 0)
			continue;
		csv_fields(r, 1, id);
		csv_fields(r, 0, p->name);
		csv_fieldu(r, 0, p->mentions);
		csv_fieldu(r, 0, p->pro);
		csv_fieldu(r, 0, p->con);
		csv_fields(r, 0, stance_m(prom, conm));
		if (p->evidence != DOC_NONE &&
		    strcmp(stance_m(prom, conm), "neutral") != 0) {
			size_t o, len;

			doc_sentence(d, d->c[p->evidence].tok, &o, &len);
			csv_field(r, 0, d->text + o, len);
		} else {
			csv_field(r, 0, "", 0);
		}
		field_w(r, prom);
		field_w(r, conm);
		csv_end(r);
		if (flush_row(t, F_MENTIONS))
			return PT_EIO;
		f = fig_get(t, p->key, p->name);
		f->articles++;
		f->mentions += p->mentions;
		f->pro += p->pro;
		f->con += p->con;
		f->quotes += p->quotes;
		f->prom += prom;
		f->conm += conm;
	}

	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];
		double pw = 0, cw = 0;

		if (!q->direct)
			continue;
		for (j = 0; j < d->nc; j++) {
			const struct cue *c = &d->c[j];

			if (c->tok < q->t0 || c->tok >= q->t1)
				continue;
			if (c->polarity > 0)
				pw += c->weight;
			else
				cw += c->weight;
		}
		csv_fields(r, 1, id);
		csv_fields(r, 0, q->speaker >= 0 ? d->p[q->speaker].name : "");
		csv_field(r, 0, d->text + q->o, q->e - q->o);
		csv_fields(r, 0, stance_m(milli(pw), milli(cw)));
		csv_end(r);
		if (flush_row(t, F_QUOTES))
			return PT_EIO;
	}
	t->narticles++;
	return 0;
}

static int
cmp_fig(const void *a, const void *b)
{
	const struct fig *x = *(const struct fig *const *)a;
	const struct fig *y = *(const struct fig *const *)b;

	return strcmp(x->key, y->key);
}

/* Returns the figures sorted by key; free the array with free(). */
static const struct fig **
sorted(const struct tally *t)
{
	const struct fig **v = pt_xmalloc((t->nfig + 1) * sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < t->capfig; i++)
		if (t->figs[i].key)
			v[n++] = &t->figs[i];
	qsort(v, n, sizeof(*v), cmp_fig);
	return v;
}

int
tally_finish(struct tally *t, struct buf *err)
{
	const struct fig **v = sorted(t);
	size_t i;
	int f;
	struct buf *r = &t->row;

	for (i = 0; i < t->nfig; i++) {
		const struct fig *g = v[i];

		csv_fields(r, 1, g->name);
		csv_fieldu(r, 0, g->articles);
		csv_fieldu(r, 0, g->mentions);
		csv_fieldu(r, 0, g->pro);
		csv_fieldu(r, 0, g->con);
		csv_fields(r, 0, stance_m(g->prom, g->conm));
		csv_fieldu(r, 0, g->quotes);
		field_w(r, g->prom);
		field_w(r, g->conm);
		csv_end(r);
		if (flush_row(t, F_FIGURES)) {
			free(v);
			if (err)
				buf_addf(err, "cannot write '%s'",
					 t->out[F_FIGURES].path);
			return PT_EIO;
		}
	}
	free(v);
	for (f = 0; f < F_N; f++)
		if (ofile_commit(&t->out[f], err)) {
			for (f = f + 1; f < F_N; f++)
				ofile_abort(&t->out[f]);
			return PT_EIO;
		}
	t->finished = 1;
	return 0;
}

void
tally_free(struct tally *t)
{
	size_t i;
	int f;

	if (!t)
		return;
	for (f = 0; f < F_N; f++)
		ofile_abort(&t->out[f]);
	for (i = 0; t->figs && i < t->capfig; i++) {
		free(t->figs[i].key);
		free(t->figs[i].name);
	}
	free(t->figs);
	buf_release(&t->row);
	free(t);
}

size_t
tally_articles(const struct tally *t)
{
	return t->narticles;
}

static int
stance_rank(const struct fig *g)
{
	const char *s = stance_m(g->prom, g->conm);

	return strcmp(s, "pro") == 0 ? 0 : strcmp(s, "con") == 0 ? 1 :
	       strcmp(s, "mixed") == 0 ? 2 : 3;
}

static int
cmp_summary(const void *a, const void *b)
{
	const struct fig *x = *(const struct fig *const *)a;
	const struct fig *y = *(const struct fig *const *)b;
	int rx = stance_rank(x), ry = stance_rank(y);

	if (rx != ry)
		return rx - ry;
	if (x->articles != y->articles)
		return x->articles > y->articles ? -1 : 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return strcmp(x->key, y->key);
}

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
tally_print_summary(const struct tally *t, FILE *fp, size_t max_rows)
{
	const struct fig **v = sorted(t);
	size_t i, shown = 0, neutral = 0;

	qsort(v, t->nfig, sizeof(*v), cmp_summary);
	fprintf(fp, "%-8s %-28s %8s %8s %5s %5s %6s\n", "stance", "figure",
		"articles", "mentions", "pro", "con", "quotes");
	for (i = 0; i < t->nfig; i++) {
		const struct fig *g = v[i];

		if (stance_rank(g) == 3) {
			neutral++;
			continue;
		}
		if (shown++ >= max_rows)
			continue;
		fprintf(fp, "%-8s ", stance_m(g->prom, g->conm));
		print_padded(fp, g->name, 28);
		fprintf(fp, " %8lu %8lu %5lu %5lu %6lu\n", g->articles,
			g->mentions, g->pro, g->con, g->quotes);
	}
	if (shown > max_rows)
		fprintf(fp, "... and %zu more with a stance\n",
			shown - max_rows);
	if (neutral)
		fprintf(fp, "(%zu more people named without a stance)\n",
			neutral);
	free(v);
}
