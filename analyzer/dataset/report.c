/* report.c -- the HTML report of a dataset (report.h).
 *
 * Two passes: the CSV files are read into small per-article and
 * per-figure records (the quotes and sentences of the shown figures are
 * rendered to HTML as they are read, up to their caps), then the page is
 * written into one buffer and committed with ofile. The palette is
 * Okabe-Ito (pro blue #0072B2, con vermillion #D55E00, mixed orange
 * #E69F00), and nothing is told by colour alone: pro bars go right and con
 * bars left, con lines are dashed with square points, and every mark has
 * a text label or title.
 */
#include "analyzer/dataset/report.h"

#include "analyzer/dataset/html.h"
#include "analyzer/dataset/read.h"
#include "analyzer/text/norm.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/ofile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_TOP 40
#define DEFAULT_QUOTES 8
#define DEFAULT_CUES 8
#define MAX_MONTHS 600      /* 50 years of points at most */
#define MAX_OUTLETS_SHOWN 30

/* Chart geometry (SVG user units). */
#define BAR_ROW 20          /* height of one figure's row */
#define BAR_TOP 34          /* room for the axis labels */
#define BAR_NAME_X 200      /* names end here */
#define BAR_CX 420          /* the zero line */
#define BAR_HALF 200        /* longest bar */
#define BAR_W 960
#define TL_W 880
#define TL_H 260
#define TL_L 50             /* left margin (y labels) */
#define TL_R 20
#define TL_T 20
#define TL_B 40             /* bottom margin (x labels) */

struct art {
	char *id, *url, *title, *date, *outlet, *file;
	char month[8];
};

struct fig {
	char *name, *key, *stance;
	long long articles, mentions, pro, con, quotes, prow, conw;
	int shown;              /* index among the shown, or -1 */
	struct buf qhtml, chtml; /* the shown's quotes and sentences */
	size_t nq, nc;          /* quotes seen, sentences written */
	char **sent;            /* sentences written (for duplicates) */
	long long *tpro, *tcon; /* the shown's cues per month */
};

struct count {
	char *name;
	long long n;
};

struct rep {
	const char *dir;
	const struct report_opts *o;
	size_t top, maxq, maxc;
	struct art *a;          /* sorted by id */
	size_t na, capa;
	struct fig *f;          /* sorted by articles, mentions, key */
	size_t nf, capf;
	struct fig **byname;    /* the shown, sorted by key */
	size_t nshown;
	char (*months)[8];      /* the months from the first to the last */
	size_t nmonths;
	long long *mart;        /* articles per month */
	long long *tpro, *tcon; /* cues per month, all figures */
	long long undated;      /* articles without a month */
	struct count *outlets;
	size_t noutlets, capo;
	long long nquotes, ncues;
	unsigned long long done, total; /* CSV bytes, for progress */
	struct buf out;
};

/* --- Reading ------------------------------------------------------------ */

/* The stance names the files use; anything else (a hand-edited file)
 * reads as neutral, so that only these words reach the page unescaped
 * (as class names). */
static const char *
stance_word(const char *s)
{
	static const char *const words[] = { "pro", "con", "mixed" };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(s, words[i]) == 0)
			return words[i];
	return "neutral";
}

static int
cmp_art(const void *x, const void *y)
{
	return strcmp(((const struct art *)x)->id,
		      ((const struct art *)y)->id);
}

static struct art *
find_art(const struct rep *r, const char *id)
{
	struct art k;

	k.id = (char *)id;
	return r->na ? bsearch(&k, r->a, r->na, sizeof(*r->a), cmp_art) :
		       NULL;
}

static int
cmp_count(const void *x, const void *y)
{
	const struct count *a = x, *b = y;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int
cmp_count_name(const void *x, const void *y)
{
	return strcmp(((const struct count *)x)->name,
		      ((const struct count *)y)->name);
}

static void
progress(struct rep *r, const struct dsread *d, int end)
{
	if (!r->o->progress)
		return;
	r->o->progress(r->o->ctx, r->done + (end ? dsread_size(d) :
			dsread_offset(d)), r->total);
	if (end)
		r->done += dsread_size(d);
}

/* Opens one CSV of the dataset; a missing optional file gives NULL and
 * no error. */
static struct dsread *
open_csv(struct rep *r, const char *name, const char *const *cols,
	 size_t n, int optional, int *rc, struct buf *err)
{
	struct buf e = BUF_INIT;
	int missing;
	struct dsread *d = dsread_open(r->dir, name, cols, n, &missing, &e);

	*rc = 0;
	if (!d && !(optional && missing)) {
		if (err)
			buf_adds(err, e.p);
		*rc = PT_EIO;
	}
	buf_release(&e);
	return d;
}

enum { A_ID, A_URL, A_TITLE, A_PUBLISHED, A_SITE, A_CAPTURED, A_FILE, A_N };
static const char *const art_cols[A_N] = {
	[A_ID] = "article_id", [A_URL] = "url", [A_TITLE] = "title",
	[A_PUBLISHED] = "published", [A_SITE] = "site",
	[A_CAPTURED] = "?captured", [A_FILE] = "?file",
};

static int
read_articles(struct rep *r, struct buf *err)
{
	int rc;
	struct dsread *d = open_csv(r, "articles.csv", art_cols, A_N, 0, &rc,
				    err);
	char host[256];

	if (!d)
		return rc;
	while ((rc = dsread_next(d, err)) == 1) {
		struct art *a;
		const char *pub = dsread_get(d, A_PUBLISHED);
		const char *site = dsread_get(d, A_SITE);

		pt_xgrow((void **)&r->a, &r->capa, r->na + 1, sizeof(*r->a));
		a = &r->a[r->na++];
		a->id = pt_xstrdup(dsread_get(d, A_ID));
		a->url = pt_xstrdup(dsread_get(d, A_URL));
		a->title = pt_xstrdup(dsread_get(d, A_TITLE));
		a->file = pt_xstrdup(dsread_get(d, A_FILE));
		a->date = pt_xstrndup(*pub ? pub : dsread_get(d, A_CAPTURED),
				      10);
		dsread_host(a->url, host, sizeof(host));
		a->outlet = pt_xstrdup(*site ? site : *host ? host :
				       "(no outlet)");
		dsread_month(pub, dsread_get(d, A_CAPTURED), a->month);
		if ((r->na & 1023) == 0)
			progress(r, d, 0);
	}
	progress(r, d, 1);
	dsread_free(d);
	if (rc < 0)
		return rc;
	if (r->na)
		qsort(r->a, r->na, sizeof(*r->a), cmp_art);
	return 0;
}

/* "2024-05" -> 2024 * 12 + 4; -1 when it is not a month. */
static long
month_num(const char *m)
{
	int i;

	for (i = 0; i < 7; i++)
		if (i == 4 ? m[i] != '-' : (m[i] < '0' || m[i] > '9'))
			return -1;
	if (m[7] != '\0')
		return -1;
	return ((m[0] - '0') * 1000 + (m[1] - '0') * 100 + (m[2] - '0') * 10 +
		(m[3] - '0')) * 12L + ((m[5] - '0') * 10 + (m[6] - '0')) - 1;
}

/* The months axis: every month from the first to the last article's
 * (at most MAX_MONTHS, the latest), so gaps show as zeros. */
static void
make_months(struct rep *r)
{
	long lo = -1, hi = -1, m;
	size_t i;

	for (i = 0; i < r->na; i++) {
		m = month_num(r->a[i].month);
		if (m < 0 || (m % 12) > 11)
			continue;
		if (lo < 0 || m < lo)
			lo = m;
		if (m > hi)
			hi = m;
	}
	if (lo < 0)
		return;
	if (hi - lo + 1 > MAX_MONTHS)
		lo = hi - MAX_MONTHS + 1;
	r->nmonths = (size_t)(hi - lo + 1);
	r->months = pt_xcalloc(r->nmonths, sizeof(*r->months));
	r->mart = pt_xcalloc(r->nmonths, sizeof(*r->mart));
	r->tpro = pt_xcalloc(r->nmonths, sizeof(*r->tpro));
	r->tcon = pt_xcalloc(r->nmonths, sizeof(*r->tcon));
	for (i = 0; i < r->nmonths; i++) {
		char tmp[32];

		m = lo + (long)i;
		/* month_num() read four digits: the year fits. */
		snprintf(tmp, sizeof(tmp), "%04ld-%02ld", (m / 12) % 10000,
			 m % 12 + 1);
		memcpy(r->months[i], tmp, 8);
	}
}

/* Index of month m on the axis, or -1. */
static long
month_index(const struct rep *r, const char *m)
{
	long n = month_num(m), first;

	if (n < 0 || !r->nmonths)
		return -1;
	first = month_num(r->months[0]);
	if (n < first || n - first >= (long)r->nmonths)
		return -1;
	return n - first;
}

static void
count_corpus(struct rep *r)
{
	size_t i, j;

	for (i = 0; i < r->na; i++) {
		long m = month_index(r, r->a[i].month);
		struct count k, *c;

		if (m < 0)
			r->undated++;
		else
			r->mart[m]++;
		k.name = r->a[i].outlet;
		c = r->noutlets ? bsearch(&k, r->outlets, r->noutlets,
					  sizeof(k), cmp_count_name) : NULL;
		if (c) {
			c->n++;
			continue;
		}
		/* Insert in name order: outlets are few. */
		pt_xgrow((void **)&r->outlets, &r->capo, r->noutlets + 1,
			 sizeof(*r->outlets));
		for (j = r->noutlets; j > 0 &&
		     strcmp(r->outlets[j - 1].name, k.name) > 0; j--)
			r->outlets[j] = r->outlets[j - 1];
		r->outlets[j].name = k.name;
		r->outlets[j].n = 1;
		r->noutlets++;
	}
	if (r->noutlets)
		qsort(r->outlets, r->noutlets, sizeof(*r->outlets),
		      cmp_count);
}

enum { G_FIGURE, G_ARTICLES, G_MENTIONS, G_PRO, G_CON, G_STANCE, G_QUOTES,
       G_PROW, G_CONW, G_N };
static const char *const fig_cols[G_N] = {
	[G_FIGURE] = "figure", [G_ARTICLES] = "articles",
	[G_MENTIONS] = "mentions", [G_PRO] = "pro", [G_CON] = "con",
	[G_STANCE] = "stance", [G_QUOTES] = "quotes",
	[G_PROW] = "pro_weight", [G_CONW] = "con_weight",
};

static int
cmp_fig(const void *x, const void *y)
{
	const struct fig *a = x, *b = y;

	if (a->articles != b->articles)
		return a->articles > b->articles ? -1 : 1;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	return strcmp(a->key, b->key);
}

static int
cmp_fig_key(const void *x, const void *y)
{
	return strcmp((*(struct fig *const *)x)->key,
		      (*(struct fig *const *)y)->key);
}

static int
read_figures(struct rep *r, struct buf *err)
{
	int rc;
	struct dsread *d = open_csv(r, "figures.csv", fig_cols, G_N, 0, &rc,
				    err);
	size_t i;

	if (!d)
		return rc;
	while ((rc = dsread_next(d, err)) == 1) {
		struct fig *f;
		const char *name = dsread_get(d, G_FIGURE);

		pt_xgrow((void **)&r->f, &r->capf, r->nf + 1, sizeof(*r->f));
		f = &r->f[r->nf++];
		memset(f, 0, sizeof(*f));
		f->name = pt_xstrdup(name);
		f->key = norm_key(name, strlen(name));
		f->stance = pt_xstrdup(stance_word(dsread_get(d, G_STANCE)));
		f->articles = dsread_int(d, G_ARTICLES);
		f->mentions = dsread_int(d, G_MENTIONS);
		f->pro = dsread_int(d, G_PRO);
		f->con = dsread_int(d, G_CON);
		f->quotes = dsread_int(d, G_QUOTES);
		f->prow = dsread_milli(d, G_PROW);
		f->conw = dsread_milli(d, G_CONW);
		f->shown = -1;
	}
	progress(r, d, 1);
	dsread_free(d);
	if (rc < 0)
		return rc;
	if (r->nf)
		qsort(r->f, r->nf, sizeof(*r->f), cmp_fig);
	r->nshown = r->nf < r->top ? r->nf : r->top;
	r->byname = pt_xcalloc(r->nshown ? r->nshown : 1, sizeof(*r->byname));
	for (i = 0; i < r->nshown; i++) {
		r->f[i].shown = (int)i;
		buf_init(&r->f[i].qhtml, 0);
		buf_init(&r->f[i].chtml, 0);
		r->f[i].sent = pt_xcalloc(r->maxc ? r->maxc : 1,
					  sizeof(char *));
		r->f[i].tpro = pt_xcalloc(r->nmonths ? r->nmonths : 1,
					  sizeof(long long));
		r->f[i].tcon = pt_xcalloc(r->nmonths ? r->nmonths : 1,
					  sizeof(long long));
		r->byname[i] = &r->f[i];
	}
	qsort(r->byname, r->nshown, sizeof(*r->byname), cmp_fig_key);
	return 0;
}

/* The shown figure called `name` (compared on keys), or NULL. */
static struct fig *
find_shown(const struct rep *r, const char *name)
{
	struct fig k, *kp = &k, **hit;

	if (!r->nshown || !*name)
		return NULL;
	k.key = norm_key(name, strlen(name));
	hit = bsearch(&kp, r->byname, r->nshown, sizeof(*r->byname),
		      cmp_fig_key);
	free(k.key);
	return hit ? *hit : NULL;
}

enum { T_PERIOD, T_FIGURE, T_PRO, T_CON, T_N };
static const char *const tl_cols[T_N] = {
	[T_PERIOD] = "period", [T_FIGURE] = "figure", [T_PRO] = "pro",
	[T_CON] = "con",
};

static int
read_timeline(struct rep *r, struct buf *err)
{
	int rc;
	struct dsread *d = open_csv(r, "timeline.csv", tl_cols, T_N, 0, &rc,
				    err);
	unsigned long n = 0;

	if (!d)
		return rc;
	while ((rc = dsread_next(d, err)) == 1) {
		long m = month_index(r, dsread_get(d, T_PERIOD));
		long long pro = dsread_int(d, T_PRO), con = dsread_int(d, T_CON);
		struct fig *f;

		if (m < 0)
			continue;
		r->tpro[m] += pro;
		r->tcon[m] += con;
		if ((f = find_shown(r, dsread_get(d, T_FIGURE))) != NULL) {
			f->tpro[m] += pro;
			f->tcon[m] += con;
		}
		if ((++n & 4095) == 0)
			progress(r, d, 0);
	}
	progress(r, d, 1);
	dsread_free(d);
	return rc < 0 ? rc : 0;
}

/* " -- 2024-05-14, Outlet, <a>title</a>" for the article `id`. */
static void
source_html(struct buf *b, const struct art *a)
{
	buf_adds(b, "<span class=\"src\">");
	if (!a) {
		buf_adds(b, "</span>");
		return;
	}
	if (*a->date) {
		buf_adds(b, "<time>");
		html_esc(b, a->date);
		buf_adds(b, "</time>, ");
	}
	html_esc(b, a->outlet);
	if (*a->url) {
		buf_adds(b, ", <a href=\"");
		html_href(b, a->url);
		buf_adds(b, "\">");
		html_esc(b, *a->title ? a->title : a->url);
		buf_adds(b, "</a>");
	} else if (*a->title || *a->file) {
		/* A local file: named, not linked (the page may be read
		 * elsewhere). */
		buf_adds(b, ", ");
		html_esc(b, *a->title ? a->title : a->file);
	}
	buf_adds(b, "</span>");
}

enum { Q_ID, Q_SPEAKER, Q_QUOTE, Q_STANCE, Q_CONTEXT, Q_N };
static const char *const quote_cols[Q_N] = {
	[Q_ID] = "article_id", [Q_SPEAKER] = "speaker", [Q_QUOTE] = "quote",
	[Q_STANCE] = "stance", [Q_CONTEXT] = "?context",
};

static int
read_quotes(struct rep *r, struct buf *err)
{
	int rc;
	struct dsread *d = open_csv(r, "quotes.csv", quote_cols, Q_N, 0, &rc,
				    err);
	unsigned long n = 0;

	if (!d)
		return rc;
	while ((rc = dsread_next(d, err)) == 1) {
		struct fig *f = find_shown(r, dsread_get(d, Q_SPEAKER));
		struct buf *b;

		r->nquotes++;
		if ((++n & 4095) == 0)
			progress(r, d, 0);
		if (!f || f->nq++ >= r->maxq)
			continue;
		b = &f->qhtml;
		buf_addf(b, "<li class=\"%s\"><q>",
			 stance_word(dsread_get(d, Q_STANCE)));
		html_esc(b, dsread_get(d, Q_QUOTE));
		buf_adds(b, "</q> <span class=\"tag\">");
		html_esc(b, stance_word(dsread_get(d, Q_STANCE)));
		buf_adds(b, "</span> ");
		source_html(b, find_art(r, dsread_get(d, Q_ID)));
		if (*dsread_get(d, Q_CONTEXT)) {
			buf_adds(b, "<br><span class=\"ctx\">");
			html_esc(b, dsread_get(d, Q_CONTEXT));
			buf_adds(b, "</span>");
		}
		buf_adds(b, "</li>\n");
	}
	progress(r, d, 1);
	dsread_free(d);
	return rc < 0 ? rc : 0;
}

enum { C_ID, C_FIGURE, C_CUE, C_POLARITY, C_NEGATED, C_SENTENCE, C_N };
static const char *const cue_cols[C_N] = {
	[C_ID] = "article_id", [C_FIGURE] = "figure", [C_CUE] = "cue",
	[C_POLARITY] = "polarity", [C_NEGATED] = "negated",
	[C_SENTENCE] = "sentence",
};

/* Appends the sentence with the cue's first occurrence (compared on
 * the plain bytes) in <mark>. */
static void
sentence_html(struct buf *b, const char *s, const char *cue)
{
	const char *hit = *cue ? strstr(s, cue) : NULL;

	if (!hit) {
		html_esc(b, s);
		return;
	}
	html_escn(b, s, (size_t)(hit - s));
	buf_adds(b, "<mark>");
	html_escn(b, hit, strlen(cue));
	buf_adds(b, "</mark>");
	html_esc(b, hit + strlen(cue));
}

static int
seen_sentence(struct fig *f, const char *s)
{
	size_t i;

	for (i = 0; i < f->nc; i++)
		if (strcmp(f->sent[i], s) == 0)
			return 1;
	return 0;
}

static int
read_cues(struct rep *r, struct buf *err)
{
	int rc;
	struct dsread *d = open_csv(r, "cues.csv", cue_cols, C_N, 0, &rc,
				    err);
	unsigned long n = 0;

	if (!d)
		return rc;
	while ((rc = dsread_next(d, err)) == 1) {
		struct fig *f = find_shown(r, dsread_get(d, C_FIGURE));
		const char *s = dsread_get(d, C_SENTENCE);
		const char *pol = dsread_get(d, C_POLARITY);
		struct buf *b;

		r->ncues++;
		if ((++n & 4095) == 0)
			progress(r, d, 0);
		if (!f || f->nc >= r->maxc || seen_sentence(f, s))
			continue;
		f->sent[f->nc++] = pt_xstrdup(s);
		b = &f->chtml;
		buf_addf(b, "<li class=\"%s\"><span class=\"tag\">%s%s</span> ",
			 strcmp(pol, "pro") == 0 ? "pro" : "con",
			 strcmp(pol, "pro") == 0 ? "pro" : "con",
			 strcmp(dsread_get(d, C_NEGATED), "1") == 0 ?
			 " (negated)" : "");
		sentence_html(b, s, dsread_get(d, C_CUE));
		buf_adds(b, " ");
		source_html(b, find_art(r, dsread_get(d, C_ID)));
		buf_adds(b, "</li>\n");
	}
	progress(r, d, 1);
	dsread_free(d);
	return rc < 0 ? rc : 0;
}

/* --- Writing ------------------------------------------------------------ */

static const char css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
	"sans-serif;margin:0 auto;max-width:960px;padding:0 16px 48px;"
	"color:#1a1a1a;background:#fff}"
	"h1{font-size:1.6em;margin:.8em 0 .2em}h2{margin-top:1.8em;"
	"border-bottom:1px solid #ccc}h3{margin:1.4em 0 .3em}"
	"nav a{margin-right:1em}a{color:#0a58a8}"
	"a:focus,button:focus,select:focus,summary:focus{outline:3px solid "
	"#E69F00;outline-offset:2px}"
	"svg{max-width:100%;height:auto;display:block}"
	"svg text{font:12px system-ui,sans-serif;fill:#1a1a1a}"
	".bar.pro,.legend .pro{fill:#0072B2}.bar.con,.legend .con{fill:#D55E00}"
	".mk.mixed{fill:#E69F00}.mk.neutral{fill:#fff;stroke:#555}"
	"text.mixed{fill:#8a5a00;font-weight:600}text.neutral{fill:#555}"
	"g.fig a:focus rect.hit,g.fig a:hover rect.hit{fill:#f2f2f2}"
	"rect.hit{fill:transparent}"
	".axis{stroke:#555;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}"
	"polyline.pro{fill:none;stroke:#0072B2;stroke-width:2}"
	"polyline.con{fill:none;stroke:#D55E00;stroke-width:2;"
	"stroke-dasharray:6 3}"
	"circle.pt-pro{fill:#0072B2}rect.pt-con{fill:#D55E00}"
	"rect.mon{fill:#56B4E9}"
	"table{border-collapse:collapse;margin:.5em 0;font-size:.92em}"
	"th,td{padding:2px 8px;border-bottom:1px solid #e4e4e4;"
	"text-align:left;vertical-align:top}td.n,th.n{text-align:right;"
	"font-variant-numeric:tabular-nums}"
	"button{font:inherit;margin:0 .3em .3em 0;padding:2px 10px}"
	"button[aria-pressed=true]{background:#1a1a1a;color:#fff}"
	"ul.q li,ul.c li{margin:.35em 0}.tag{font-size:.8em;padding:0 4px;"
	"border:1px solid #999;border-radius:3px;margin-left:.2em}"
	"li.pro .tag{border-color:#0072B2;color:#005a8c}"
	"li.con .tag{border-color:#D55E00;color:#a34400}"
	"li.mixed .tag{border-color:#E69F00;color:#8a5a00}"
	".src{color:#555;font-size:.9em}.ctx{color:#444;font-size:.9em}"
	"mark{background:#fde9b8}.note{color:#555;font-size:.9em}"
	".hbar{display:inline-block;height:.7em;background:#56B4E9}";

/* Sorting the chart and picking a figure for the timeline; the page reads
 * the same without it. */
static const char script[] =
	"(function(){var c=document.getElementById('chart');if(!c)return;"
	"var H=+c.dataset.row,T=+c.dataset.top,rows=[].slice.call("
	"c.querySelectorAll('g.fig')),bs=document.querySelectorAll("
	"'button[data-sort]');\n"
	"function sort(k,b){rows.sort(function(x,y){var a=x.dataset,d=y.dataset;"
	"return (k=='name'?0:d[k]-a[k])||a.name.localeCompare(d.name);});"
	"rows.forEach(function(r,i){r.setAttribute('transform','translate(0,'"
	"+(T+i*H)+')');r.parentNode.appendChild(r);});"
	"bs.forEach(function(x){x.setAttribute('aria-pressed',x===b);});}\n"
	"bs.forEach(function(b){b.addEventListener('click',function(){"
	"sort(b.dataset.sort,b);});});\n"
	"var s=document.getElementById('tl-pick');if(s)s.addEventListener("
	"'change',function(){document.querySelectorAll('#tl g.series')"
	".forEach(function(g){g.style.display=g.dataset.fig===s.value?'':"
	"'none';});document.getElementById('tl-cap').textContent="
	"s.options[s.selectedIndex].text;});})();";

static void
put_head(struct rep *r, const char *title, const char *date)
{
	struct buf *b = &r->out;

	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		 "content=\"width=device-width, initial-scale=1\">\n"
		 "<link rel=\"icon\" href=\"data:,\">\n<title>");
	html_esc(b, title);
	buf_adds(b, "</title>\n<style>");
	buf_adds(b, css);
	buf_adds(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
	html_esc(b, title);
	buf_adds(b, "</h1>\n<p class=\"note\">");
	buf_addf(b, "%zu articles, %zu people with a stance or a mention, "
		 "%lld quotes, %lld stance cues. Report made ",
		 r->na, r->nf, r->nquotes, r->ncues);
	buf_adds(b, "<time>");
	html_esc(b, date);
	buf_adds(b, "</time> from <code>");
	html_esc(b, r->dir);
	buf_adds(b, "</code>");
	if (r->o->topic) {
		buf_adds(b, " with topic file <code>");
		html_esc(b, r->o->topic);
		buf_adds(b, "</code>");
	}
	buf_adds(b, ".</p>\n<nav aria-label=\"Sections\"><a href=\"#figures\">"
		 "Figures by stance</a><a href=\"#timeline\">Timeline</a>"
		 "<a href=\"#people\">Quotes and evidence</a><a href=\"#corpus\">"
		 "Corpus</a></nav>\n</header>\n<main>\n");
}

static double
net_of(const struct fig *f)
{
	return (double)(f->prow - f->conw) / 1000.0;
}

static void
put_fig_row(struct rep *r, const struct fig *f, double scale)
{
	struct buf *b = &r->out;
	double pw = (double)f->prow / 1000.0, cw = (double)f->conw / 1000.0;
	double lp = pw * scale, lc = cw * scale;
	int mixed = strcmp(f->stance, "mixed") == 0;
	int neutral = strcmp(f->stance, "neutral") == 0;

	buf_addf(b, "<g class=\"fig\" transform=\"translate(0,%d)\" "
		 "data-name=\"", BAR_TOP + f->shown * BAR_ROW);
	html_esc(b, f->key);
	buf_addf(b, "\" data-articles=\"%lld\" data-net=\"", f->articles);
	html_num1(b, net_of(f));
	buf_addf(b, "\" data-con=\"");
	html_num1(b, cw);
	buf_addf(b, "\"><a href=\"#f-%d\" aria-label=\"", f->shown);
	html_esc(b, f->name);
	buf_addf(b, ": %s, pro ", f->stance);
	html_num1(b, pw);
	buf_adds(b, ", con ");
	html_num1(b, cw);
	buf_addf(b, ", %lld article%s\"><title>", f->articles,
		 f->articles == 1 ? "" : "s");
	html_esc(b, f->name);
	buf_addf(b, " -- %s; pro weight ", f->stance);
	html_num1(b, pw);
	buf_addf(b, " (%lld cues), con weight ", f->pro);
	html_num1(b, cw);
	buf_addf(b, " (%lld cues); %lld articles, %lld quotes</title>",
		 f->con, f->articles, f->quotes);
	buf_addf(b, "<rect class=\"hit\" x=\"0\" y=\"0\" width=\"%d\" "
		 "height=\"%d\"/>", BAR_W, BAR_ROW);
	buf_addf(b, "<text x=\"%d\" y=\"14\" text-anchor=\"end\">",
		 BAR_NAME_X);
	html_esc(b, f->name);
	buf_adds(b, "</text><g class=\"bar\">");
	if (lc > 0)
		buf_addf(b, "<rect class=\"bar con\" x=\"%.1f\" y=\"3\" "
			 "width=\"%.1f\" height=\"14\"/>",
			 BAR_CX - (lc < 1 ? 1 : lc), lc < 1 ? 1 : lc);
	if (lp > 0)
		buf_addf(b, "<rect class=\"bar pro\" x=\"%d\" y=\"3\" "
			 "width=\"%.1f\" height=\"14\"/>", BAR_CX,
			 lp < 1 ? 1 : lp);
	if (mixed || neutral)
		buf_addf(b, "<path class=\"mk %s\" d=\"M%d 4l6 6-6 6-6-6z\"/>",
			 f->stance, BAR_CX);
	buf_adds(b, "</g>");
	/* The numbers beside the bar, so that short bars can be read. */
	buf_addf(b, "<text x=\"%d\" y=\"14\" class=\"%s\">", BAR_CX +
		 BAR_HALF + 10, mixed ? "mixed" : neutral ? "neutral" : "");
	if (!neutral) {
		buf_adds(b, "+");
		html_num1(b, pw);
		buf_adds(b, " \xe2\x88\x92");
		html_num1(b, cw);
		buf_adds(b, " \xc2\xb7 ");
	}
	buf_addf(b, "%lld art.%s</text>", f->articles,
		 mixed ? " \xe2\x97\x86 mixed" :
		 neutral ? " \xe2\x97\x87 neutral" : "");
	buf_adds(b, "</a></g>\n");
}

static void
put_chart(struct rep *r)
{
	struct buf *b = &r->out;
	double max = 0, scale;
	size_t i, k[4] = { 0, 0, 0, 0 };
	int h = BAR_TOP + (int)r->nshown * BAR_ROW + 10;

	for (i = 0; i < r->nshown; i++) {
		double p = (double)r->f[i].prow / 1000.0;
		double c = (double)r->f[i].conw / 1000.0;

		if (p > max)
			max = p;
		if (c > max)
			max = c;
		k[strcmp(r->f[i].stance, "pro") == 0 ? 0 :
		  strcmp(r->f[i].stance, "con") == 0 ? 1 :
		  strcmp(r->f[i].stance, "mixed") == 0 ? 2 : 3]++;
	}
	scale = max > 0 ? BAR_HALF / max : 0;
	buf_adds(b, "<section id=\"figures\" aria-labelledby=\"h-figures\">\n"
		 "<h2 id=\"h-figures\">Figures by stance</h2>\n"
		 "<p>Each bar is one person: the weight of the pro cues "
		 "attributed to them to the right, of the con cues to the left. "
		 "Mixed (\xe2\x97\x86) and neutral (\xe2\x97\x87) people are "
		 "marked at the zero line. ");
	if (r->nf > r->nshown)
		buf_addf(b, "The %zu people in the most articles are drawn; "
			 "the other %zu are in the table below. ", r->nshown,
			 r->nf - r->nshown);
	if (!r->nf)
		buf_adds(b, "No person was found in these articles. ");
	buf_adds(b, "Select a name to read the quotes and sentences behind "
		 "the bar.</p>\n<div role=\"group\" aria-label=\"Sort the "
		 "chart\">Sort by: <button type=\"button\" data-sort=\"articles\" "
		 "aria-pressed=\"true\">articles</button><button type=\"button\" "
		 "data-sort=\"net\" aria-pressed=\"false\">most pro</button>"
		 "<button type=\"button\" data-sort=\"con\" aria-pressed=\"false\">"
		 "most con</button><button type=\"button\" data-sort=\"name\" "
		 "aria-pressed=\"false\">name</button></div>\n");
	buf_addf(b, "<svg id=\"chart\" role=\"img\" aria-labelledby=\"chart-t "
		 "chart-d\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
		 "data-row=\"%d\" data-top=\"%d\" xmlns=\"http://www.w3.org/2000/"
		 "svg\">\n<title id=\"chart-t\">Figures by stance</title>\n"
		 "<desc id=\"chart-d\">%zu people: %zu pro, %zu con, %zu mixed, "
		 "%zu neutral. Bars to the right are pro, to the left con; the "
		 "longest bar is a weight of ", BAR_W, h, BAR_W, h, BAR_ROW,
		 BAR_TOP, r->nshown, k[0], k[1], k[2], k[3]);
	html_num1(b, max);
	buf_adds(b, ".</desc>\n");
	buf_addf(b, "<text x=\"%d\" y=\"14\" text-anchor=\"end\">"
		 "\xe2\x86\x90 con</text><text x=\"%d\" y=\"14\">pro "
		 "\xe2\x86\x92</text><text x=\"%d\" y=\"28\" text-anchor=\""
		 "middle\">", BAR_CX - 6, BAR_CX + 6, BAR_CX - BAR_HALF);
	html_num1(b, max);
	buf_addf(b, "</text><text x=\"%d\" y=\"28\" text-anchor=\"middle\">",
		 BAR_CX + BAR_HALF);
	html_num1(b, max);
	buf_addf(b, "</text><line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		 "y2=\"%d\"/>\n", BAR_CX, BAR_TOP - 2, BAR_CX, h - 6);
	for (i = 0; i < r->nshown; i++)
		put_fig_row(r, &r->f[i], scale);
	buf_adds(b, "</svg>\n");
}

static void
put_fig_table_row(struct buf *b, const struct fig *f, int link)
{
	buf_adds(b, "<tr><td>");
	if (link)
		buf_addf(b, "<a href=\"#f-%d\">", f->shown);
	html_esc(b, f->name);
	buf_addf(b, "%s</td><td>%s</td><td class=\"n\">%lld</td><td class=\"n\">"
		 "%lld</td><td class=\"n\">", link ? "</a>" : "", f->stance,
		 f->articles, f->mentions);
	html_num1(b, (double)f->prow / 1000.0);
	buf_adds(b, "</td><td class=\"n\">");
	html_num1(b, (double)f->conw / 1000.0);
	buf_addf(b, "</td><td class=\"n\">%lld</td></tr>\n", f->quotes);
}

static void
put_fig_tables(struct rep *r)
{
	struct buf *b = &r->out;
	static const char head[] =
		"<thead><tr><th scope=\"col\">figure</th><th scope=\"col\">"
		"stance</th><th class=\"n\" scope=\"col\">articles</th><th "
		"class=\"n\" scope=\"col\">mentions</th><th class=\"n\" "
		"scope=\"col\">pro weight</th><th class=\"n\" scope=\"col\">"
		"con weight</th><th class=\"n\" scope=\"col\">quotes</th></tr>"
		"</thead>\n";
	size_t i;

	buf_adds(b, "<details><summary>The chart as a table</summary>\n"
		 "<table id=\"chart-table\">");
	buf_adds(b, head);
	buf_adds(b, "<tbody>\n");
	for (i = 0; i < r->nshown; i++)
		put_fig_table_row(b, &r->f[i], 1);
	buf_adds(b, "</tbody></table></details>\n");
	if (r->nf > r->nshown) {
		buf_addf(b, "<h3>The other %zu people</h3>\n<details><summary>"
			 "Show the table (by articles)</summary>\n<table "
			 "id=\"rest\">", r->nf - r->nshown);
		buf_adds(b, head);
		buf_adds(b, "<tbody>\n");
		for (i = r->nshown; i < r->nf; i++)
			put_fig_table_row(b, &r->f[i], 0);
		buf_adds(b, "</tbody></table></details>\n");
	}
	buf_adds(b, "</section>\n");
}

/* x of month i on the timeline. */
static double
tl_x(const struct rep *r, size_t i)
{
	double w = TL_W - TL_L - TL_R;

	return r->nmonths <= 1 ? TL_L + w / 2 :
	       TL_L + w * (double)i / (double)(r->nmonths - 1);
}

/* One series group: y labels, the two lines and one point of each per
 * month (with a title that says the numbers). */
static void
put_series(struct rep *r, const char *id, int fig, const char *label,
	   const long long *pro, const long long *con, int hidden)
{
	struct buf *b = &r->out;
	long long max = 1;
	double h = TL_H - TL_T - TL_B, y;
	size_t i;
	int k;

	for (i = 0; i < r->nmonths; i++) {
		if (pro[i] > max)
			max = pro[i];
		if (con[i] > max)
			max = con[i];
	}
	max += max & 1; /* even: the middle grid line is a whole number */
	buf_adds(b, "<g class=\"series\"");
	if (id)
		buf_addf(b, " id=\"%s\"", id);
	buf_addf(b, " data-fig=\"%d\"%s>", fig, hidden ?
		 " style=\"display:none\"" : "");
	for (k = 0; k <= 2; k++) {
		y = TL_T + h - h * k / 2.0;
		buf_addf(b, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" "
			 "y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" text-anchor="
			 "\"end\">%lld</text>", TL_L, TL_W - TL_R, y, y, TL_L - 6,
			 y + 4, max * k / 2);
	}
	for (k = 0; k < 2; k++) {
		const long long *v = k ? con : pro;

		buf_addf(b, "<polyline class=\"%s\" points=\"", k ? "con" :
			 "pro");
		for (i = 0; i < r->nmonths; i++)
			buf_addf(b, "%s%.1f,%.1f", i ? " " : "", tl_x(r, i),
				 TL_T + h - h * (double)v[i] / (double)max);
		buf_adds(b, "\"/>");
	}
	for (i = 0; i < r->nmonths; i++) {
		double x = tl_x(r, i);
		double yp = TL_T + h - h * (double)pro[i] / (double)max;
		double yc = TL_T + h - h * (double)con[i] / (double)max;

		buf_adds(b, "<g class=\"month\"><title>");
		html_esc(b, label);
		buf_addf(b, ", %s: %lld pro, %lld con</title><circle class="
			 "\"pt-pro\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/><rect "
			 "class=\"pt-con\" x=\"%.1f\" y=\"%.1f\" width=\"6\" "
			 "height=\"6\"/></g>", r->months[i], pro[i], con[i], x,
			 yp, x - 3, yc - 3);
	}
	buf_adds(b, "</g>\n");
}

static void
put_timeline(struct rep *r)
{
	struct buf *b = &r->out;
	size_t i, step;

	buf_adds(b, "<section id=\"timeline\" aria-labelledby=\"h-timeline\">\n"
		 "<h2 id=\"h-timeline\">Timeline</h2>\n");
	if (!r->nmonths) {
		buf_adds(b, "<p>No article has a date.</p>\n</section>\n");
		return;
	}
	buf_addf(b, "<p>Pro cues (solid line, circles) and con cues (dashed "
		 "line, squares) attributed to people, per month of "
		 "publication (%zu month%s", r->nmonths,
		 r->nmonths == 1 ? "" : "s");
	if (r->undated)
		buf_addf(b, "; %lld articles without a date are left out",
			 r->undated);
	buf_adds(b, ").</p>\n<p><label for=\"tl-pick\">Show: </label><select "
		 "id=\"tl-pick\"><option value=\"-1\">everyone</option>");
	for (i = 0; i < r->nshown; i++) {
		buf_addf(b, "<option value=\"%zu\">", i);
		html_esc(b, r->f[i].name);
		buf_adds(b, "</option>");
	}
	buf_addf(b, "</select></p>\n<svg id=\"tl\" role=\"img\" "
		 "aria-labelledby=\"tl-t\" viewBox=\"0 0 %d %d\" width=\"%d\" "
		 "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">"
		 "<title id=\"tl-t\">Pro and con cues per month: <tspan "
		 "id=\"tl-cap\">everyone</tspan></title>\n", TL_W, TL_H, TL_W,
		 TL_H);
	buf_addf(b, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" "
		 "y2=\"%d\"/>", TL_L, TL_W - TL_R, TL_H - TL_B, TL_H - TL_B);
	step = r->nmonths / 12 + 1;
	for (i = 0; i < r->nmonths; i += step)
		buf_addf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s"
			 "</text>", tl_x(r, i), TL_H - TL_B + 16, r->months[i]);
	buf_addf(b, "<g class=\"legend\"><circle class=\"pro\" cx=\"%d\" "
		 "cy=\"%d\" r=\"4\"/><text x=\"%d\" y=\"%d\">pro</text><rect "
		 "class=\"con\" x=\"%d\" y=\"%d\" width=\"8\" height=\"8\"/>"
		 "<text x=\"%d\" y=\"%d\">con</text></g>\n", TL_L + 10,
		 TL_H - 10, TL_L + 18, TL_H - 6, TL_L + 56, TL_H - 14,
		 TL_L + 68, TL_H - 6);
	put_series(r, "tl-all", -1, "everyone", r->tpro, r->tcon, 0);
	for (i = 0; i < r->nshown; i++)
		put_series(r, NULL, (int)i, r->f[i].name, r->f[i].tpro,
			   r->f[i].tcon, 1);
	buf_adds(b, "</svg>\n<details><summary>The timeline as a table"
		 "</summary>\n<table id=\"tl-table\"><thead><tr><th scope="
		 "\"col\">month</th><th class=\"n\" scope=\"col\">articles</th>"
		 "<th class=\"n\" scope=\"col\">pro cues</th><th class=\"n\" "
		 "scope=\"col\">con cues</th></tr></thead><tbody>\n");
	for (i = 0; i < r->nmonths; i++)
		buf_addf(b, "<tr><td>%s</td><td class=\"n\">%lld</td><td "
			 "class=\"n\">%lld</td><td class=\"n\">%lld</td></tr>\n",
			 r->months[i], r->mart[i], r->tpro[i], r->tcon[i]);
	buf_adds(b, "</tbody></table></details>\n</section>\n");
}

static void
put_people(struct rep *r)
{
	struct buf *b = &r->out;
	size_t i;

	buf_adds(b, "<section id=\"people\" aria-labelledby=\"h-people\">\n"
		 "<h2 id=\"h-people\">Quotes and evidence</h2>\n<p>For each "
		 "person drawn above: their quotes, and the sentences whose "
		 "cues make their stance (the cue is highlighted). "
		 "<code>presstally quotes DATASET --who NAME</code> lists every "
		 "quote.</p>\n");
	for (i = 0; i < r->nshown; i++) {
		struct fig *f = &r->f[i];

		buf_addf(b, "<article id=\"f-%zu\" aria-labelledby=\"f-%zu-h\">"
			 "<h3 id=\"f-%zu-h\">", i, i, i);
		html_esc(b, f->name);
		buf_addf(b, "</h3>\n<p class=\"note\">%s; %lld articles, %lld "
			 "mentions; pro weight ", f->stance, f->articles,
			 f->mentions);
		html_num1(b, (double)f->prow / 1000.0);
		buf_adds(b, ", con weight ");
		html_num1(b, (double)f->conw / 1000.0);
		buf_adds(b, ". <a href=\"#figures\">Back to the chart</a></p>\n");
		if (f->nq) {
			buf_addf(b, "<h4>Quotes (%zu%s)</h4>\n<ul class=\"q\">\n",
				 f->nq, f->nq > r->maxq ? ", the first shown" :
				 "");
			buf_add(b, f->qhtml.p, f->qhtml.len);
			buf_adds(b, "</ul>\n");
		}
		if (f->nc) {
			buf_adds(b, "<h4>Evidence</h4>\n<ul class=\"c\">\n");
			buf_add(b, f->chtml.p, f->chtml.len);
			buf_adds(b, "</ul>\n");
		}
		buf_adds(b, "</article>\n");
	}
	buf_adds(b, "</section>\n");
}

static void
put_months_chart(struct rep *r)
{
	struct buf *b = &r->out;
	long long max = 1;
	double w, h = 120;
	size_t i;

	for (i = 0; i < r->nmonths; i++)
		if (r->mart[i] > max)
			max = r->mart[i];
	w = (double)(TL_W - TL_L - TL_R) / (double)(r->nmonths ? r->nmonths :
						      1);
	buf_addf(b, "<svg id=\"months\" role=\"img\" aria-labelledby=\"mo-t\" "
		 "viewBox=\"0 0 %d 160\" width=\"%d\" height=\"160\" "
		 "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"mo-t\">"
		 "Articles per month, %zu months, at most %lld in one</title>",
		 TL_W, TL_W, r->nmonths, max);
	for (i = 0; i < r->nmonths; i++) {
		double bh = h * (double)r->mart[i] / (double)max;

		buf_addf(b, "<rect class=\"mon\" x=\"%.1f\" y=\"%.1f\" "
			 "width=\"%.1f\" height=\"%.1f\"><title>%s: %lld"
			 "</title></rect>", TL_L + w * (double)i + 1,
			 10 + h - bh, w > 3 ? w - 2 : w, bh, r->months[i],
			 r->mart[i]);
	}
	if (r->nmonths)
		buf_addf(b, "<text x=\"%d\" y=\"150\">%s</text><text x=\"%d\" "
			 "y=\"150\" text-anchor=\"end\">%s</text>", TL_L,
			 r->months[0], TL_W - TL_R,
			 r->months[r->nmonths - 1]);
	buf_addf(b, "<text x=\"%d\" y=\"18\" text-anchor=\"end\">%lld</text>"
		 "</svg>\n", TL_L - 6, max);
}

static void
put_corpus(struct rep *r, const char *date)
{
	struct buf *b = &r->out;
	long long max = r->noutlets ? r->outlets[0].n : 1, rest = 0;
	size_t i;

	buf_addf(b, "<section id=\"corpus\" aria-labelledby=\"h-corpus\">\n"
		 "<h2 id=\"h-corpus\">Corpus</h2>\n<p>%zu articles from %zu "
		 "outlets", r->na, r->noutlets);
	if (r->o->topic) {
		buf_adds(b, "; topic file <code>");
		html_esc(b, r->o->topic);
		buf_adds(b, "</code>");
	}
	buf_adds(b, "; report made <time>");
	html_esc(b, date);
	buf_adds(b, "</time>.</p>\n<h3>Articles per outlet</h3>\n<table "
		 "id=\"outlets\"><thead><tr><th scope=\"col\">outlet</th><th "
		 "class=\"n\" scope=\"col\">articles</th><th scope=\"col\">"
		 "<span class=\"note\">share</span></th></tr></thead><tbody>\n");
	for (i = 0; i < r->noutlets; i++) {
		if (i >= MAX_OUTLETS_SHOWN) {
			rest += r->outlets[i].n;
			continue;
		}
		buf_adds(b, "<tr><td>");
		html_esc(b, r->outlets[i].name);
		buf_addf(b, "</td><td class=\"n\">%lld</td><td><span class="
			 "\"hbar\" style=\"width:%lldpx\"></span></td></tr>\n",
			 r->outlets[i].n, 200 * r->outlets[i].n / max);
	}
	if (rest)
		buf_addf(b, "<tr><td>%zu other outlets</td><td class=\"n\">%lld"
			 "</td><td></td></tr>\n", r->noutlets -
			 MAX_OUTLETS_SHOWN, rest);
	buf_adds(b, "</tbody></table>\n<h3>Articles per month</h3>\n");
	if (r->nmonths)
		put_months_chart(r);
	if (r->undated)
		buf_addf(b, "<p class=\"note\">%lld articles have no date (the "
			 "month table in the timeline section lists the others)."
			 "</p>\n", r->undated);
	buf_adds(b, "</section>\n");
}

/* --- The report --------------------------------------------------------- */

static void
rep_release(struct rep *r)
{
	size_t i, j;

	for (i = 0; i < r->na; i++) {
		free(r->a[i].id);
		free(r->a[i].url);
		free(r->a[i].title);
		free(r->a[i].date);
		free(r->a[i].outlet);
		free(r->a[i].file);
	}
	for (i = 0; i < r->nf; i++) {
		struct fig *f = &r->f[i];

		free(f->name);
		free(f->key);
		free(f->stance);
		if (f->shown < 0)
			continue;
		buf_release(&f->qhtml);
		buf_release(&f->chtml);
		for (j = 0; j < f->nc; j++)
			free(f->sent[j]);
		free(f->sent);
		free(f->tpro);
		free(f->tcon);
	}
	free(r->a);
	free(r->f);
	free(r->byname);
	free(r->months);
	free(r->mart);
	free(r->tpro);
	free(r->tcon);
	free(r->outlets);
	buf_release(&r->out);
}

static unsigned long long
csv_bytes(const char *dir)
{
	static const char *const names[] = { "articles.csv", "figures.csv",
		"timeline.csv", "quotes.csv", "cues.csv" };
	unsigned long long n = 0;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = fileio_join(dir, names[i]);
		FILE *fp = fopen(p, "rb");

		if (fp) {
			if (fseek(fp, 0, SEEK_END) == 0 && ftell(fp) > 0)
				n += (unsigned long long)ftell(fp);
			fclose(fp);
		}
		free(p);
	}
	return n;
}

static int
write_out(struct rep *r, const char *path, struct buf *err)
{
	struct ofile of;

	if (ofile_open(&of, path, err))
		return PT_EIO;
	if (fwrite(r->out.p, 1, r->out.len, of.fp) != r->out.len) {
		if (err)
			buf_addf(err, "cannot write '%s': %s", path,
				 strerror(errno));
		ofile_abort(&of);
		return PT_EIO;
	}
	return ofile_commit(&of, err);
}

int
report_write(const char *dir, const char *path, const struct report_opts *o,
	     struct buf *err)
{
	struct rep r;
	char now[32];
	int rc;

	memset(&r, 0, sizeof(r));
	r.dir = dir;
	r.o = o;
	r.top = o->top ? o->top : DEFAULT_TOP;
	r.maxq = o->quotes ? o->quotes : DEFAULT_QUOTES;
	r.maxc = o->cues ? o->cues : DEFAULT_CUES;
	buf_init(&r.out, 0);
	if (!o->run_date) {
		time_t t = time(NULL);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	r.total = csv_bytes(dir);
	rc = read_articles(&r, err);
	if (!rc) {
		make_months(&r);
		count_corpus(&r);
		rc = read_figures(&r, err);
	}
	if (!rc)
		rc = read_timeline(&r, err);
	if (!rc)
		rc = read_quotes(&r, err);
	if (!rc)
		rc = read_cues(&r, err);
	if (!rc) {
		const char *date = o->run_date ? o->run_date : now;

		struct buf title = BUF_INIT;

		buf_adds(&title, "presstally report");
		if (o->title && *o->title)
			buf_addf(&title, ": %s", o->title);
		put_head(&r, title.p, date);
		buf_release(&title);
		put_chart(&r);
		put_fig_tables(&r);
		put_timeline(&r);
		put_people(&r);
		put_corpus(&r, date);
		buf_addf(&r.out, "</main>\n<script>%s</script>\n</body>\n"
			 "</html>\n", script);
		rc = write_out(&r, path, err);
	}
	rep_release(&r);
	return rc;
}
