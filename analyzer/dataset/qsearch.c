/* qsearch.c -- quotes joined with their articles, filtered (qsearch.h).
 *
 * articles.csv is read whole into a sorted array (one small record per
 * article) and quotes.csv streamed past it: memory grows with the
 * articles, not with the quotes. Names are compared on their matching
 * keys (norm.h), so "Gaspar Noe", "gaspar noé" and "NOÉ" are one name.
 */
#include "analyzer/dataset/qsearch.h"

#include "analyzer/dataset/read.h"
#include "analyzer/text/norm.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

struct art {
	char *id, *url, *title, *date, *site, *host, *site_key, *file;
};

struct search {
	const struct qsearch_filter *f;
	struct art *a;            /* sorted by id */
	size_t na, capa;
	char *who_key;            /* key of f->who, or NULL */
	char **figs;              /* keys of figures --who names, sorted */
	size_t nfigs, capfigs;
	char *site_key, *grep_key; /* keys of f->site, f->grep, or NULL */
	char *site_host;          /* f->site lowercased, or NULL */
};

int
qsearch_words_in(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	const char *p = hay;

	if (n == 0)
		return 1;
	while ((p = strstr(p, needle)) != NULL) {
		int before = p == hay || p[-1] == ' ' || p[-1] == '-';
		char after = p[n];

		if (before && (after == '\0' || after == ' ' || after == '-'))
			return 1;
		p++;
	}
	return 0;
}

static char *
key_of(const char *s)
{
	return s && *s ? norm_key(s, strlen(s)) : NULL;
}

static int
cmp_art(const void *x, const void *y)
{
	return strcmp(((const struct art *)x)->id,
		      ((const struct art *)y)->id);
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

enum { A_ID, A_URL, A_TITLE, A_PUBLISHED, A_SITE, A_CAPTURED, A_FILE, A_N };
static const char *const art_names[A_N] = {
	[A_ID] = "article_id", [A_URL] = "url", [A_TITLE] = "title",
	[A_PUBLISHED] = "published", [A_SITE] = "site",
	[A_CAPTURED] = "?captured", [A_FILE] = "?file",
};

static int
load_articles(struct search *s, const char *dir, struct buf *err)
{
	struct dsread *r = dsread_open(dir, "articles.csv", art_names, A_N,
				       NULL, err);
	int rc;
	char host[256];

	if (!r)
		return PT_EIO;
	while ((rc = dsread_next(r, err)) == 1) {
		struct art *a;
		const char *pub = dsread_get(r, A_PUBLISHED);

		pt_xgrow((void **)&s->a, &s->capa, s->na + 1, sizeof(*s->a));
		a = &s->a[s->na++];
		a->id = pt_xstrdup(dsread_get(r, A_ID));
		a->url = pt_xstrdup(dsread_get(r, A_URL));
		a->title = pt_xstrdup(dsread_get(r, A_TITLE));
		a->file = pt_xstrdup(dsread_get(r, A_FILE));
		a->date = pt_xstrdup(*pub ? pub : dsread_get(r, A_CAPTURED));
		dsread_host(a->url, host, sizeof(host));
		a->host = pt_xstrdup(host);
		a->site = pt_xstrdup(*dsread_get(r, A_SITE) ?
				     dsread_get(r, A_SITE) : host);
		a->site_key = norm_key(a->site, strlen(a->site));
	}
	dsread_free(r);
	if (rc < 0)
		return rc;
	if (s->na)
		qsort(s->a, s->na, sizeof(*s->a), cmp_art);
	return 0;
}

static void
add_fig(struct search *s, const char *figure)
{
	pt_xgrow((void **)&s->figs, &s->capfigs, s->nfigs + 1,
		 sizeof(*s->figs));
	s->figs[s->nfigs++] = norm_key(figure, strlen(figure));
}

/* A name answers --who when its key is the query's, or holds the query's
 * words ("noe" answers "Gaspar Noé"). */
static int
name_matches(const struct search *s, const char *name)
{
	char *k;
	int m;

	if (!*name)
		return 0;
	k = norm_key(name, strlen(name));
	m = qsearch_words_in(k, s->who_key);
	free(k);
	return m;
}

enum { L_FIGURE, L_ALIAS, L_N };
static const char *const alias_names[L_N] = {
	[L_FIGURE] = "figure", [L_ALIAS] = "alias",
};

/* The figures whose alias (aliases.csv, when the dataset has one)
 * answers --who. */
static int
load_aliases(struct search *s, const char *dir, struct buf *err)
{
	struct buf e = BUF_INIT;
	int missing, rc;
	struct dsread *r = dsread_open(dir, "aliases.csv", alias_names, L_N,
				       &missing, &e);

	if (!r) {
		if (!missing && err)
			buf_adds(err, e.p);
		buf_release(&e);
		return missing ? 0 : PT_EIO;
	}
	buf_release(&e);
	while ((rc = dsread_next(r, err)) == 1)
		if (name_matches(s, dsread_get(r, L_ALIAS)) ||
		    name_matches(s, dsread_get(r, L_FIGURE)))
			add_fig(s, dsread_get(r, L_FIGURE));
	dsread_free(r);
	if (rc < 0)
		return rc;
	if (s->nfigs)
		qsort(s->figs, s->nfigs, sizeof(*s->figs), cmp_str);
	return 0;
}

static int
who_ok(const struct search *s, const char *speaker, const char *form)
{
	char *k;
	int hit;

	if (!s->who_key)
		return 1;
	if (name_matches(s, speaker) || name_matches(s, form))
		return 1;
	if (!s->nfigs || !*speaker)
		return 0;
	k = norm_key(speaker, strlen(speaker));
	hit = bsearch(&k, s->figs, s->nfigs, sizeof(*s->figs), cmp_str) !=
	      NULL;
	free(k);
	return hit;
}

static int
site_ok(const struct search *s, const struct art *a)
{
	const char *f = s->site_host;
	size_t hl, fl;

	if (!f || !*f)
		return 1;
	if (strcmp(a->host, f) == 0)
		return 1;
	hl = strlen(a->host);
	fl = strlen(f);
	/* "x.org" is also "www.x.org" and "news.x.org". */
	if (hl > fl && a->host[hl - fl - 1] == '.' &&
	    strcmp(a->host + hl - fl, f) == 0)
		return 1;
	return s->site_key && qsearch_words_in(a->site_key, s->site_key);
}

/* Dates are ISO 8601, so they compare as strings: --from is compared on
 * the date as written, --to on as many characters as it has (so
 * "--to 2024-05" keeps all of May). */
static int
date_ok(const struct search *s, const char *date)
{
	const char *from = s->f->from, *to = s->f->to;

	if ((from && *from) || (to && *to)) {
		if (!*date)
			return 0;
		if (from && *from && strcmp(date, from) < 0)
			return 0;
		if (to && *to && strncmp(date, to, strlen(to)) > 0)
			return 0;
	}
	return 1;
}

static int
text_ok(const struct search *s, const char *quote, const char *context)
{
	char *k;
	int hit;

	if (!s->grep_key)
		return 1;
	k = norm_key(quote, strlen(quote));
	hit = strstr(k, s->grep_key) != NULL;
	free(k);
	if (!hit && *context) {
		k = norm_key(context, strlen(context));
		hit = strstr(k, s->grep_key) != NULL;
		free(k);
	}
	return hit;
}

enum { Q_ID, Q_SPEAKER, Q_QUOTE, Q_STANCE, Q_CONTEXT, Q_FORM, Q_KIND,
       Q_SIEVE, Q_START, Q_END, Q_N };
static const char *const quote_names[Q_N] = {
	[Q_ID] = "article_id", [Q_SPEAKER] = "speaker", [Q_QUOTE] = "quote",
	[Q_STANCE] = "stance", [Q_CONTEXT] = "?context",
	[Q_FORM] = "?speaker_form", [Q_KIND] = "?speaker_kind",
	[Q_SIEVE] = "?sieve", [Q_START] = "?start", [Q_END] = "?end",
};

static int
scan_quotes(struct search *s, const char *dir,
	    int (*fn)(void *, const struct qsearch_row *), void *ctx,
	    struct buf *err)
{
	struct dsread *r = dsread_open(dir, "quotes.csv", quote_names, Q_N,
				       NULL, err);
	struct qsearch_row row;
	struct art key, *a;
	int rc;

	if (!r)
		return PT_EIO;
	while ((rc = dsread_next(r, err)) == 1) {
		key.id = (char *)dsread_get(r, Q_ID);
		a = s->na ? bsearch(&key, s->a, s->na, sizeof(*s->a),
				    cmp_art) : NULL;
		memset(&row, 0, sizeof(row));
		row.article_id = key.id;
		row.speaker = dsread_get(r, Q_SPEAKER);
		row.speaker_form = dsread_get(r, Q_FORM);
		row.speaker_kind = dsread_get(r, Q_KIND);
		row.quote = dsread_get(r, Q_QUOTE);
		row.stance = dsread_get(r, Q_STANCE);
		row.context = dsread_get(r, Q_CONTEXT);
		row.sieve = dsread_get(r, Q_SIEVE);
		row.start = dsread_get(r, Q_START);
		row.end = dsread_get(r, Q_END);
		row.date = a ? a->date : "";
		row.site = a ? a->site : "";
		row.title = a ? a->title : "";
		row.url = a ? a->url : "";
		row.file = a ? a->file : "";
		if (s->f->stance && *s->f->stance &&
		    strcmp(s->f->stance, row.stance) != 0)
			continue;
		if (!who_ok(s, row.speaker, row.speaker_form) ||
		    !date_ok(s, row.date) || !text_ok(s, row.quote, row.context))
			continue;
		if (s->f->site && *s->f->site && (!a || !site_ok(s, a)))
			continue;
		if ((rc = fn(ctx, &row)) != 0)
			break;
	}
	dsread_free(r);
	return rc;
}

static void
search_release(struct search *s)
{
	size_t i;

	for (i = 0; i < s->na; i++) {
		free(s->a[i].id);
		free(s->a[i].url);
		free(s->a[i].title);
		free(s->a[i].date);
		free(s->a[i].site);
		free(s->a[i].host);
		free(s->a[i].site_key);
		free(s->a[i].file);
	}
	for (i = 0; i < s->nfigs; i++)
		free(s->figs[i]);
	free(s->a);
	free(s->figs);
	free(s->who_key);
	free(s->site_key);
	free(s->site_host);
	free(s->grep_key);
}

int
qsearch_run(const char *dir, const struct qsearch_filter *f,
	    int (*fn)(void *ctx, const struct qsearch_row *row), void *ctx,
	    struct buf *err)
{
	struct search s;
	int rc;

	memset(&s, 0, sizeof(s));
	s.f = f;
	s.who_key = key_of(f->who);
	s.site_key = key_of(f->site);
	s.grep_key = key_of(f->grep);
	if (f->site) {
		char *p;

		s.site_host = pt_xstrdup(f->site);
		for (p = s.site_host; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
	}
	rc = load_articles(&s, dir, err);
	if (!rc && s.who_key)
		rc = load_aliases(&s, dir, err);
	if (!rc)
		rc = scan_quotes(&s, dir, fn, ctx, err);
	search_release(&s);
	return rc;
}
