/* meta.c -- article metadata of a parsed HTML page. See meta.h. */
#include "analyzer/extract/meta.h"

#include "analyzer/extract/article.h"
#include "analyzer/extract/charset.h"
#include "analyzer/extract/dom.h"
#include "analyzer/extract/weights.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <jansson.h>
#include <libxml/uri.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Candidate slots, by source strength (lower index wins). */
enum { S_LD, S_OG, S_META, S_ITEMPROP, S_TIME, S_BYLINE, S_TITLE, S_URL,
       S_N };

struct cand {
	char *v[S_N]; /* owned values, NULL when unseen */
};

struct meta_state {
	struct cand title, author, date, site, lang, canon;
	char *ld_body;  /* JSON-LD articleBody */
	char *ld_site2; /* JSON-LD WebSite/Organization name */
	time_t now;     /* for refusing future dates */
	int ld_article; /* an article object was seen */
};

static void
cand_set(struct cand *c, int slot, const char *v)
{
	size_t n;

	if (!v || c->v[slot])
		return;
	while (*v && isspace((unsigned char)*v))
		v++;
	n = strlen(v);
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	if (!n)
		return;
	c->v[slot] = pt_xstrndup(v, n);
}

static char *
cand_take(struct cand *c)
{
	char *r = NULL;
	int i;

	for (i = 0; i < S_N; i++) {
		if (!r && c->v[i]) {
			r = c->v[i];
			c->v[i] = NULL;
		}
		free(c->v[i]);
		c->v[i] = NULL;
	}
	return r;
}

/* 1 when the walks here go into n: an element other than a script or a
 * style (their text is code, not prose). */
static int
walk_into(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, "script") != 0 &&
	       strcmp((const char *)n->name, "style") != 0;
}

/* Appends the text of n's subtree with whitespace collapsed to b (capped). */
static void
node_text(const xmlNode *top, struct buf *b, size_t cap)
{
	const xmlNode *n = top;
	int space = 0;

	while (n && b->len < cap) {
		if (n->type == XML_TEXT_NODE && n->content) {
			const char *s = (const char *)n->content;

			for (; *s && b->len < cap; s++) {
				if (isspace((unsigned char)*s)) {
					space = 1;
					continue;
				}
				if (space && b->len)
					buf_addc(b, ' ');
				space = 0;
				buf_addc(b, *s);
			}
		}
		n = dom_next(n, top, walk_into(n));
	}
}

/* ---- dates ---- */

static int
days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
				 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static int
month_name(const char *s, size_t *len)
{
	static const char *const names[] = { "jan", "feb", "mar", "apr",
					     "may", "jun", "jul", "aug",
					     "sep", "oct", "nov", "dec" };
	int i;
	size_t n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (strncasecmp(s, names[i], 3) == 0) {
			*len = n;
			return i + 1;
		}
	return 0;
}

static int
num(const char **s, int digits_min, int digits_max)
{
	int v = 0, d = 0;

	while (isdigit((unsigned char)**s) && d < digits_max) {
		v = v * 10 + (**s - '0');
		(*s)++;
		d++;
	}
	return d >= digits_min ? v : -1;
}

int
meta_parse_date(const char *s, time_t now, char out[11])
{
	int y = -1, m = -1, d = -1;
	const char *p;
	size_t ml;
	struct tm tm;
	long long given, today;

	if (!s)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	p = s;
	if (isdigit((unsigned char)*p)) {
		y = num(&p, 4, 4);
		if (y >= 0 && (*p == '-' || *p == '/' || *p == '.')) {
			char sep = *p++;

			m = num(&p, 1, 2);
			if (*p == sep) {
				p++;
				d = num(&p, 1, 2);
			}
		} else if (y >= 0 && isdigit((unsigned char)*p)) {
			m = num(&p, 2, 2);
			d = num(&p, 2, 2);
		} else {
			/* "19 November 2019" */
			p = s;
			d = num(&p, 1, 2);
			while (*p == ' ' || *p == '.')
				p++;
			m = month_name(p, &ml);
			if (m) {
				p += ml;
				while (*p == ' ' || *p == ',' || *p == '.')
					p++;
				y = num(&p, 4, 4);
			} else {
				y = -1;
			}
		}
	} else if ((m = month_name(p, &ml)) > 0) {
		/* "Nov 19, 2019" */
		p += ml;
		while (*p == ' ' || *p == '.')
			p++;
		d = num(&p, 1, 2);
		while (*p == ' ' || *p == ',')
			p++;
		y = num(&p, 4, 4);
	}
	if (y < 1990 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return 0;
	gmtime_r(&now, &tm);
	given = (long long)y * 10000 + m * 100 + d;
	today = (long long)(tm.tm_year + 1900) * 10000 +
		(tm.tm_mon + 1) * 100 + tm.tm_mday;
	if (given > today)
		return 0;
	{
		char tmp[48];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m, d);
		memcpy(out, tmp, 11);
		out[10] = '\0';
	}
	return 1;
}

static void
date_set(struct meta_state *st, int slot, const char *v)
{
	char d[11];

	if (!st->date.v[slot] && meta_parse_date(v, st->now, d))
		cand_set(&st->date, slot, d);
}

/* Decodes the common character references left in meta values (JSON-LD
 * and some CMSs escape twice), in place. */
static void
decode_entities(char *s)
{
	static const struct {
		const char *name;
		unsigned cp;
	} ents[] = { { "amp", '&' }, { "quot", '"' }, { "apos", '\'' },
		     { "lt", '<' }, { "gt", '>' }, { "nbsp", ' ' },
		     { "ndash", 0x2013 }, { "mdash", 0x2014 },
		     { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
		     { "ldquo", 0x201C }, { "rdquo", 0x201D },
		     { "hellip", 0x2026 } };
	char *r = s, *w = s;

	if (!s)
		return;
	while (*r) {
		unsigned cp = 0;
		char *semi;
		size_t i;

		if (*r != '&' || !(semi = strchr(r, ';')) || semi - r > 10) {
			*w++ = *r++;
			continue;
		}
		if (r[1] == '#') {
			char *end;

			cp = (unsigned)strtoul(r + 2 + (r[2] == 'x' || r[2] == 'X'),
					       &end, (r[2] == 'x' || r[2] == 'X') ? 16 : 10);
			if (end != semi || cp == 0 || cp > 0x10FFFF ||
			    (cp >= 0xD800 && cp <= 0xDFFF))
				cp = 0;
		} else {
			for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++)
				if ((size_t)(semi - r - 1) == strlen(ents[i].name) &&
				    strncmp(r + 1, ents[i].name,
					    strlen(ents[i].name)) == 0)
					cp = ents[i].cp;
		}
		if (!cp) {
			*w++ = *r++;
			continue;
		}
		/* the UTF-8 form is never longer than the reference */
		w += charset_put_utf8(w, cp);
		r = semi + 1;
	}
	*w = '\0';
}

/* ---- authors ---- */

static int
looks_like_url(const char *s)
{
	return strncmp(s, "http", 4) == 0 || strchr(s, '/') != NULL;
}

/* Cleans a byline into a name list: strips "By", trims, refuses URLs and
 * long texts. Returns a new string or NULL. */
static char *
clean_author(const char *s)
{
	size_t n;

	if (!s)
		return NULL;
	while (*s && isspace((unsigned char)*s))
		s++;
	if (strncasecmp(s, "by ", 3) == 0)
		s += 3;
	else if (strncasecmp(s, "von ", 4) == 0)
		s += 4;
	else if (strncasecmp(s, "por ", 4) == 0)
		s += 4;
	else if (strncasecmp(s, "par ", 4) == 0)
		s += 4;
	while (*s && isspace((unsigned char)*s))
		s++;
	/* a byline often runs on into a handle, a date or a role */
	for (n = 0; s[n]; n++) {
		if (s[n] == '|' || s[n] == '@' || s[n] == '\n' ||
		    (isdigit((unsigned char)s[n]) && n > 0) ||
		    strncmp(s + n, " \xe2\x80\xa2", 4) == 0 ||
		    strncmp(s + n, " - ", 3) == 0 ||
		    strncasecmp(s + n, " published", 10) == 0 ||
		    strncasecmp(s + n, " updated", 8) == 0 ||
		    strncasecmp(s + n, " posted", 7) == 0)
			break;
	}
	while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ','))
		n--;
	if (!n || n > W_AUTHOR_MAX || looks_like_url(s))
		return NULL;
	return pt_xstrndup(s, n);
}

static void
author_set(struct meta_state *st, int slot, const char *v)
{
	char *a = clean_author(v);

	if (a) {
		cand_set(&st->author, slot, a);
		free(a);
	}
}

/* ---- JSON-LD ---- */

static int
type_is(json_t *o, const char *const *names)
{
	json_t *t = json_object_get(o, "@type");
	size_t i, k;

	if (json_is_string(t)) {
		for (k = 0; names[k]; k++)
			if (strcasecmp(json_string_value(t), names[k]) == 0)
				return 1;
		return 0;
	}
	if (json_is_array(t))
		for (i = 0; i < json_array_size(t); i++) {
			json_t *e = json_array_get(t, i);

			if (!json_is_string(e))
				continue;
			for (k = 0; names[k]; k++)
				if (strcasecmp(json_string_value(e),
					       names[k]) == 0)
					return 1;
		}
	return 0;
}

static const char *const article_types[] = {
	"Article", "NewsArticle", "BlogPosting", "ReportageNews",
	"AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
	"BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
	"LiveBlogPosting", "Report", "SocialMediaPosting", "Review",
	"Recipe", "CreativeWork", "MediaObject", "VideoObject", NULL
};
static const char *const howto_types[] = { "HowTo", "Recipe", NULL };
static const char *const site_types[] = { "WebSite", "Organization",
					  "NewsMediaOrganization", NULL };

static const char *
jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		return json_string_value(v);
	return NULL;
}

/* Names of a person/organisation value (string, object, array). */
static void
ld_names(json_t *v, struct buf *b, int depth)
{
	size_t i;

	if (depth > 3)
		return;
	if (json_is_string(v)) {
		char *a = clean_author(json_string_value(v));

		if (a) {
			if (b->len)
				buf_adds(b, ", ");
			buf_adds(b, a);
			free(a);
		}
	} else if (json_is_object(v)) {
		json_t *name = json_object_get(v, "name");

		if (name)
			ld_names(name, b, depth + 1);
	} else if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v) && i < 8; i++)
			ld_names(json_array_get(v, i), b, depth + 1);
	}
}

static void
ld_article(struct meta_state *st, json_t *o)
{
	struct buf b = BUF_INIT;
	json_t *pub;
	const char *s;

	buf_init(&b, 4096);
	if (!st->ld_article) {
		st->ld_article = 1;
		cand_set(&st->title, S_LD, jstr(o, "headline"));
		if (!jstr(o, "headline"))
			cand_set(&st->title, S_LD, jstr(o, "name"));
		date_set(st, S_LD, jstr(o, "datePublished"));
		if (!st->date.v[S_LD])
			date_set(st, S_LD, jstr(o, "dateCreated"));
		ld_names(json_object_get(o, "author"), &b, 0);
		if (!b.len)
			ld_names(json_object_get(o, "creator"), &b, 0);
		cand_set(&st->author, S_LD, b.p);
		buf_reset(&b);
		pub = json_object_get(o, "publisher");
		if (json_is_array(pub))
			pub = json_array_get(pub, 0);
		if (json_is_object(pub))
			cand_set(&st->site, S_LD, jstr(pub, "name"));
		if ((s = jstr(o, "inLanguage")))
			cand_set(&st->lang, S_LD, s);
	}
	if (!st->ld_body && (s = jstr(o, "articleBody")) && *s)
		st->ld_body = pt_xstrdup(s);
	buf_release(&b);
}

/* Cap of the text gathered from the steps of a HowTo or a Recipe. */
#define LD_STEPS_MAX (1024u * 1024)

/* Appends the text of an HTML fragment s (the value of a JSON-LD
 * description or step) to b: tags are left out, a block tag or a <br>
 * ends the line, the common entities are decoded. */
static void
add_fragment(struct buf *b, const char *s)
{
	static const struct {
		const char *name, *text;
	} ents[] = { { "&nbsp;", " " }, { "&amp;", "&" }, { "&lt;", "<" },
		     { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" } };
	size_t i;

	while (*s && b->len < LD_STEPS_MAX) {
		if (*s == '<') {
			const char *e = strchr(s, '>');
			const char *t = s + 1 + (s[1] == '/');

			if (!e)
				break;
			if (strncasecmp(t, "br", 2) == 0 ||
			    strncasecmp(t, "p", 1) == 0 ||
			    strncasecmp(t, "li", 2) == 0 ||
			    strncasecmp(t, "div", 3) == 0 ||
			    (t[0] == 'h' && t[1] >= '1' && t[1] <= '6'))
				buf_addc(b, '\n');
			s = e + 1;
			continue;
		}
		if (*s == '&') {
			for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++)
				if (strncmp(s, ents[i].name,
					    strlen(ents[i].name)) == 0)
					break;
			if (i < sizeof(ents) / sizeof(ents[0])) {
				buf_adds(b, ents[i].text);
				s += strlen(ents[i].name);
				continue;
			}
		}
		buf_addc(b, *s == '\n' ? ' ' : *s);
		s++;
	}
	buf_addc(b, '\n');
}

/* The text of a HowTo's or a Recipe's steps (strings, HowToStep objects
 * with a name and a text, sections and directions holding more of them
 * in itemListElement) into b. */
static void
ld_steps(json_t *v, struct buf *b, int depth)
{
	size_t i;

	if (depth > 4 || b->len >= LD_STEPS_MAX)
		return;
	if (json_is_string(v)) {
		add_fragment(b, json_string_value(v));
	} else if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v) && i < 256; i++)
			ld_steps(json_array_get(v, i), b, depth + 1);
	} else if (json_is_object(v)) {
		const char *name = jstr(v, "name"), *text = jstr(v, "text");

		/* a step's name is often the start of its text */
		if (name && (!text || strncmp(text, name, strlen(name)) != 0))
			add_fragment(b, name);
		if (text)
			add_fragment(b, text);
		ld_steps(json_object_get(v, "itemListElement"), b, depth + 1);
	}
}

/* A HowTo, or a Recipe without an articleBody, says its text as a
 * description, ingredients or supplies, and steps: that is the page's
 * body when the page shows it only after running its scripts. */
static void
ld_howto(struct meta_state *st, json_t *o)
{
	static const char *const parts[] = { "recipeIngredient", "supply",
					     "step", "recipeInstructions",
					     NULL };
	struct buf b = BUF_INIT;
	const char *d = jstr(o, "description");
	int i;

	if (st->ld_body || jstr(o, "articleBody"))
		return;
	buf_init(&b, LD_STEPS_MAX + 4096);
	if (d)
		add_fragment(&b, d);
	for (i = 0; parts[i]; i++)
		ld_steps(json_object_get(o, parts[i]), &b, 0);
	if (b.len)
		st->ld_body = pt_xstrndup(b.p, b.len);
	buf_release(&b);
}

static void
ld_walk(struct meta_state *st, json_t *v, int depth)
{
	size_t i;

	if (depth > 4)
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v) && i < 64; i++)
			ld_walk(st, json_array_get(v, i), depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (type_is(v, article_types))
		ld_article(st, v);
	if (type_is(v, howto_types))
		ld_howto(st, v);
	else if (type_is(v, site_types) && !st->ld_site2 && jstr(v, "name"))
		st->ld_site2 = pt_xstrdup(jstr(v, "name"));
	if (json_object_get(v, "@graph"))
		ld_walk(st, json_object_get(v, "@graph"), depth + 1);
	if (json_is_object(json_object_get(v, "mainEntity")))
		ld_walk(st, json_object_get(v, "mainEntity"), depth + 1);
}

static void
ld_parse(struct meta_state *st, const xmlNode *script)
{
	struct buf b = BUF_INIT;
	const xmlNode *ch;
	json_t *root;
	json_error_t err;
	size_t i;

	buf_init(&b, 4u * 1024 * 1024);
	for (ch = script->children; ch; ch = ch->next)
		if (ch->content)
			buf_adds(&b, (const char *)ch->content);
	for (i = 0; i < b.len; i++)
		if ((unsigned char)b.p[i] < 0x20)
			b.p[i] = ' ';
	root = json_loadb(b.p, b.len, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK,
			  &err);
	if (root) {
		ld_walk(st, root, 0);
		json_decref(root);
	}
	buf_release(&b);
}

/* ---- the walk ---- */

/* 1 when an ancestor of n is a related/comment/sidebar box. */
static int
in_side_box(const xmlNode *n)
{
	static const char *const bad[] = { "related", "comment",
					   "recommend", "popular", "sidebar",
					   "teaser", "widget", "promo",
					   "trending", "more-", "footer",
					   "rail", NULL };

	for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		const char *name = (const char *)n->name;
		const char *v;
		int i;

		if (strcmp(name, "aside") == 0 || strcmp(name, "footer") == 0 ||
		    strcmp(name, "nav") == 0)
			return 1;
		if (!n->properties)
			continue;
		v = dom_attr(n, "class");
		for (i = 0; v && bad[i]; i++)
			if (strstr(v, bad[i]))
				return 1;
		v = dom_attr(n, "id");
		for (i = 0; v && bad[i]; i++)
			if (strstr(v, bad[i]))
				return 1;
	}
	return 0;
}

/* What the content of a <meta> with a given key fills. */
enum meta_field {
	MF_TITLE,  /* the title */
	MF_SITE,   /* the site name */
	MF_HANDLE, /* the site name, without a leading '@' */
	MF_CANON,  /* the canonical URL */
	MF_LANG,   /* the language */
	MF_DATE,   /* the publication date */
	MF_AUTHOR  /* the author */
};

/* <meta> keys (property, name or itemprop; any case) and what they fill
 * in which candidate slot. */
static const struct meta_key {
	const char *key;
	unsigned char field; /* enum meta_field */
	unsigned char slot;  /* S_* */
} meta_keys[] = {
	{ "og:title", MF_TITLE, S_OG },
	{ "twitter:title", MF_TITLE, S_META },
	{ "og:site_name", MF_SITE, S_OG },
	{ "application-name", MF_HANDLE, S_META },
	{ "twitter:site", MF_HANDLE, S_META },
	{ "og:url", MF_CANON, S_OG },
	{ "og:locale", MF_LANG, S_OG },
	{ "language", MF_LANG, S_META },
	{ "dc.language", MF_LANG, S_META },
	{ "article:published_time", MF_DATE, S_OG },
	{ "og:published_time", MF_DATE, S_OG },
	{ "article:published", MF_DATE, S_OG },
	{ "datePublished", MF_DATE, S_ITEMPROP },
	{ "date", MF_DATE, S_META },
	{ "pubdate", MF_DATE, S_META },
	{ "publishdate", MF_DATE, S_META },
	{ "publish-date", MF_DATE, S_META },
	{ "publish_date", MF_DATE, S_META },
	{ "dc.date", MF_DATE, S_META },
	{ "dc.date.issued", MF_DATE, S_META },
	{ "dcterms.date", MF_DATE, S_META },
	{ "dcterms.created", MF_DATE, S_META },
	{ "sailthru.date", MF_DATE, S_META },
	{ "parsely-pub-date", MF_DATE, S_META },
	{ "article.published", MF_DATE, S_META },
	{ "original-publish-date", MF_DATE, S_META },
	{ "cxenseparse:recs:publishtime", MF_DATE, S_META },
	{ "article_date_original", MF_DATE, S_META },
	{ "author", MF_AUTHOR, S_META },
	{ "dc.creator", MF_AUTHOR, S_META },
	{ "sailthru.author", MF_AUTHOR, S_META },
	{ "parsely-author", MF_AUTHOR, S_META },
	{ "byl", MF_AUTHOR, S_META },
	{ "article:author", MF_AUTHOR, S_OG },
};

static void
on_meta(struct meta_state *st, const xmlNode *n)
{
	const char *key = dom_attr(n, "property");
	const char *content = dom_attr(n, "content");
	const struct meta_key *k = NULL;
	size_t i;

	if (!content)
		return;
	if (!key)
		key = dom_attr(n, "name");
	if (!key)
		key = dom_attr(n, "itemprop");
	if (!key) {
		key = dom_attr(n, "http-equiv");
		if (key && strcasecmp(key, "content-language") == 0)
			cand_set(&st->lang, S_META, content);
		return;
	}
	for (i = 0; i < sizeof(meta_keys) / sizeof(meta_keys[0]) && !k; i++)
		if (strcasecmp(key, meta_keys[i].key) == 0)
			k = &meta_keys[i];
	if (!k)
		return;
	switch (k->field) {
	case MF_TITLE:
		cand_set(&st->title, k->slot, content);
		break;
	case MF_HANDLE:
		if (content[0] == '@')
			content++;
		/* fall through */
	case MF_SITE:
		cand_set(&st->site, k->slot, content);
		break;
	case MF_CANON:
		cand_set(&st->canon, k->slot, content);
		break;
	case MF_LANG:
		cand_set(&st->lang, k->slot, content);
		break;
	case MF_DATE:
		date_set(st, k->slot, content);
		break;
	case MF_AUTHOR:
		author_set(st, k->slot, content);
		break;
	}
}

/* An element with an itemprop `v`: a date, an author or a headline. */
static void
on_itemprop(struct meta_state *st, const xmlNode *n, const char *v,
	    struct buf *tmp)
{
	if (strcasecmp(v, "datePublished") == 0 && !in_side_box(n)) {
		const char *d = dom_attr(n, "content");

		if (!d)
			d = dom_attr(n, "datetime");
		if (!d) {
			buf_reset(tmp);
			node_text(n, tmp, 200);
			d = tmp->p;
		}
		date_set(st, S_ITEMPROP, d);
	} else if (strcasecmp(v, "author") == 0 &&
		   !st->author.v[S_ITEMPROP] && !in_side_box(n)) {
		const char *c = dom_attr(n, "content");

		buf_reset(tmp);
		if (c)
			buf_adds(tmp, c);
		else
			node_text(n, tmp, 200);
		author_set(st, S_ITEMPROP, tmp->p);
	} else if (strcasecmp(v, "headline") == 0) {
		buf_reset(tmp);
		node_text(n, tmp, 1000);
		cand_set(&st->title, S_ITEMPROP, tmp->p);
	}
}

/* An element of the <head>, or <html>: 1 when it was one of them. */
static int
on_head(struct meta_state *st, const xmlNode *n, struct buf *tmp)
{
	const char *name = (const char *)n->name;
	const char *v;

	if (strcmp(name, "meta") == 0) {
		on_meta(st, n);
	} else if (strcmp(name, "html") == 0) {
		cand_set(&st->lang, S_TITLE, dom_attr(n, "lang"));
		if (!dom_attr(n, "lang"))
			cand_set(&st->lang, S_TITLE, dom_attr(n, "xml:lang"));
	} else if (strcmp(name, "title") == 0 && !st->title.v[S_TITLE]) {
		buf_reset(tmp);
		node_text(n, tmp, 1000);
		cand_set(&st->title, S_TITLE, tmp->p);
	} else if (strcmp(name, "link") == 0) {
		v = dom_attr(n, "rel");
		if (v && strcasecmp(v, "canonical") == 0)
			cand_set(&st->canon, S_LD, dom_attr(n, "href"));
	} else if (strcmp(name, "script") == 0) {
		v = dom_attr(n, "type");
		if (v && strcasecmp(v, "application/ld+json") == 0)
			ld_parse(st, n);
	} else {
		return 0;
	}
	return 1;
}

static void
on_element(struct meta_state *st, const xmlNode *n, struct buf *tmp)
{
	const char *name = (const char *)n->name;
	const char *v;

	if (on_head(st, n, tmp))
		return;
	if (strcmp(name, "time") == 0 && !st->date.v[S_TIME] &&
	    !in_side_box(n)) {
		v = dom_attr(n, "datetime");
		if (v)
			date_set(st, S_TIME, v);
	}
	v = n->properties ? dom_attr(n, "itemprop") : NULL;
	if (v)
		on_itemprop(st, n, v, tmp);
	if (!st->author.v[S_BYLINE] && n->properties) {
		const char *cls = dom_attr(n, "class");
		const char *rel = dom_attr(n, "rel");

		if (((rel && strcasecmp(rel, "author") == 0) ||
		     (cls && (strstr(cls, "byline") ||
			      strstr(cls, "author-name")))) &&
		    !in_side_box(n)) {
			buf_reset(tmp);
			node_text(n, tmp, 200);
			author_set(st, S_BYLINE, tmp->p);
		}
	}
	if (strcmp(name, "h1") == 0 && !st->title.v[S_BYLINE] &&
	    !in_side_box(n)) {
		buf_reset(tmp);
		node_text(n, tmp, 1000);
		cand_set(&st->title, S_BYLINE, tmp->p);
	}
}

/* Share of the words of `a` (ASCII-case-folded, 3+ bytes) found in b. */
static double
word_overlap(const char *a, const char *b)
{
	size_t words = 0, found = 0;

	while (*a) {
		const char *e;
		size_t n;

		while (*a && !isalnum((unsigned char)*a) &&
		       (unsigned char)*a < 0x80)
			a++;
		for (e = a; *e && (isalnum((unsigned char)*e) ||
				   (unsigned char)*e >= 0x80);
		     e++)
			;
		n = (size_t)(e - a);
		if (n >= 3) {
			const char *q;

			words++;
			for (q = b; *q; q++)
				if (strncasecmp(q, a, n) == 0) {
					found++;
					break;
				}
		}
		if (!*e)
			break;
		a = e;
	}
	return words ? (double)found / (double)words : 0.0;
}

/* Strips a " | Site" / " - Site" tail from a title. */
static void
clean_title(char *t, const char *site)
{
	static const char *const seps[] = { " | ", " - ", " – ", " — ",
					    " :: ", " · ", NULL };
	int i;

	if (!t)
		return;
	for (i = 0; seps[i]; i++) {
		char *p = NULL, *q = t;

		while ((q = strstr(q, seps[i]))) {
			p = q;
			q += strlen(seps[i]);
		}
		if (!p)
			continue;
		q = p + strlen(seps[i]);
		if ((site && strncasecmp(q, site, strlen(site)) == 0) ||
		    (site && dom_has_ci(site, q)) ||
		    (strlen(q) < W_TITLE_TAIL_MAX &&
		     (size_t)(p - t) > W_TITLE_TAIL_DIV * strlen(q))) {
			*p = '\0';
			return;
		}
	}
}

static void
date_from_url(struct meta_state *st, const char *url)
{
	const char *p;

	if (!url)
		return;
	for (p = url; *p; p++) {
		if (*p == '/' && isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) &&
		    isdigit((unsigned char)p[4]) && p[5] == '/' &&
		    isdigit((unsigned char)p[6])) {
			const char *q = p + 1;
			char d[48];
			int y = num(&q, 4, 4), m, dd;

			if (y < 0 || *q != '/')
				continue;
			q++;
			m = num(&q, 1, 2);
			if (*q != '/')
				continue;
			q++;
			dd = num(&q, 1, 2);
			if (dd < 0)
				continue;
			snprintf(d, sizeof(d), "%04d-%02d-%02d", y,
				 m > 0 && m < 13 ? m : 0, dd > 0 ? dd : 0);
			date_set(st, S_URL, d);
			return;
		}
	}
}

static char *
host_of(const char *url)
{
	xmlURIPtr u;
	char *r = NULL;

	if (!url)
		return NULL;
	u = xmlParseURI(url);
	if (u && u->server) {
		const char *h = u->server;

		if (strncmp(h, "www.", 4) == 0)
			h += 4;
		r = pt_xstrdup(h);
	}
	xmlFreeURI(u);
	return r;
}

static char *
normalize_lang(char *l)
{
	size_t i;

	if (!l)
		return NULL;
	for (i = 0; isalpha((unsigned char)l[i]); i++)
		l[i] = (char)tolower((unsigned char)l[i]);
	if (i < 2 || i > 3) {
		free(l);
		return NULL;
	}
	l[i] = '\0';
	return l;
}

/* The canonical URL candidate made absolute against url; a new string
 * when it is http(s), else NULL. */
static char *
take_canonical(struct meta_state *st, const char *url)
{
	char *canon = cand_take(&st->canon), *r = NULL;
	xmlChar *abs;

	if (!canon)
		return NULL;
	abs = xmlBuildURI((const xmlChar *)canon, (const xmlChar *)url);
	free(canon);
	if (abs && (strncmp((char *)abs, "http://", 7) == 0 ||
		    strncmp((char *)abs, "https://", 8) == 0))
		r = pt_xstrdup((char *)abs);
	xmlFree(abs);
	return r;
}

/* The site name: metadata, else a JSON-LD WebSite or Organization name,
 * else the host of `url`. A new string or NULL. */
static char *
take_site(struct meta_state *st, const char *url)
{
	if (!st->site.v[S_OG] && !st->site.v[S_LD] && st->ld_site2)
		cand_set(&st->site, S_ITEMPROP, st->ld_site2);
	if (!st->site.v[S_OG] && !st->site.v[S_LD] && !st->site.v[S_META] &&
	    !st->site.v[S_ITEMPROP]) {
		char *h = host_of(url);

		cand_set(&st->site, S_URL, h);
		free(h);
	}
	return cand_take(&st->site);
}

/* The title, with the site's name cut from its end. A new string or
 * NULL. */
static char *
take_title(struct meta_state *st, const char *site)
{
	char **h1 = &st->title.v[S_BYLINE];
	char *t;

	/* the visible headline wins over an SEO title that says the same */
	if (*h1) {
		const char *meta = st->title.v[S_LD];

		if (!meta)
			meta = st->title.v[S_OG];
		if (!meta)
			meta = st->title.v[S_TITLE];
		if (meta && strlen(*h1) >= W_H1_MIN_TITLE &&
		    word_overlap(*h1, meta) >= W_H1_OVERLAP) {
			free(st->title.v[S_LD]);
			st->title.v[S_LD] = *h1;
			*h1 = NULL;
		}
	}
	t = cand_take(&st->title);
	decode_entities(t);
	clean_title(t, site);
	return t;
}

void
meta_collect(xmlDocPtr doc, const char *url, time_t now, struct article *a,
	     char **ld_body)
{
	struct meta_state st;
	struct buf tmp = BUF_INIT;
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNodePtr n = root;

	memset(&st, 0, sizeof(st));
	st.now = now;
	buf_init(&tmp, 8192);
	while (n) {
		if (n->type == XML_ELEMENT_NODE)
			on_element(&st, n, &tmp);
		n = dom_next(n, root, walk_into(n));
	}
	buf_release(&tmp);

	a->canonical = take_canonical(&st, url);
	a->url = url ? pt_xstrdup(url)
	       : a->canonical ? pt_xstrdup(a->canonical) : NULL;
	date_from_url(&st, a->url);
	a->site = take_site(&st, a->url);
	decode_entities(a->site);
	a->title = take_title(&st, a->site);
	a->author = cand_take(&st.author);
	decode_entities(a->author);
	a->published = cand_take(&st.date);
	a->language = normalize_lang(cand_take(&st.lang));
	free(st.ld_site2);
	if (ld_body)
		*ld_body = st.ld_body;
	else
		free(st.ld_body);
}
