/* feed.c -- links out of feeds and sitemaps.
 *
 * Spec: RSS 2.0 (rssboard.org/rss-specification: channel/item, link, guid
 * isPermaLink, pubDate in RFC 822 date-time), RSS 1.0 (RDF Site Summary,
 * dc:date), Atom (RFC 4287 §4.1.2 entry, §4.2.7 link rel, §3.3 dates;
 * RFC 5005 §3 paged feeds), sitemaps.org protocol 0.9 (urlset,
 * sitemapindex, lastmod in W3C Datetime), Google News sitemap 0.9
 * (news:publication_date, news:title), RFC 1952 (gzip).
 *
 * Safety: libxml2 DOM with XML_PARSE_NONET and without XML_PARSE_NOENT /
 * XML_PARSE_DTDLOAD, so no external entity, DTD or network access; entity
 * reference nodes are skipped when text is collected, so entities are never
 * expanded into our output. XML_PARSE_RECOVER keeps what parses in a broken
 * document; the first error is reported with its line. gzip output is
 * capped at FEED_MAX_DECODED.
 *
 * Non-goals: JSON Feed, OPML, media RSS enclosures, HTML <link rel=alternate>
 * discovery (the extractor sees HTML), image/video sitemaps.
 * NEEDSWORK: Atom text constructs of type="html" are returned as their
 * (escaped) HTML source; tags and entities are not decoded.
 */
#include "crawler/feed.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/url.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define NS_NEWS "http://www.google.com/schemas/sitemap-news/0.9"
/* Cap on the text of one element we keep (titles, dates, URLs). */
#define TEXT_MAX (64u * 1024)

void
feed_init(struct feed *f)
{
	memset(f, 0, sizeof(*f));
}

void
feed_release(struct feed *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->entries[i].url);
		free(f->entries[i].published);
		free(f->entries[i].modified);
		free(f->entries[i].title);
	}
	free(f->entries);
	feed_init(f);
}

const char *
feed_type_name(enum feed_type t)
{
	switch (t) {
	case FEED_TYPE_RSS: return "rss";
	case FEED_TYPE_RDF: return "rdf";
	case FEED_TYPE_ATOM: return "atom";
	case FEED_TYPE_SITEMAP_INDEX: return "sitemapindex";
	case FEED_TYPE_URLSET: return "urlset";
	case FEED_TYPE_NEWS_SITEMAP: return "news-sitemap";
	case FEED_TYPE_UNKNOWN: break;
	}
	return "unknown";
}

const char *
feed_kind_name(enum feed_kind k)
{
	switch (k) {
	case FEED_KIND_SITEMAP: return "sitemap";
	case FEED_KIND_FEED: return "feed";
	case FEED_KIND_ARTICLE: break;
	}
	return "article";
}

/* ---- gzip ---- */

static int
is_gzip(const char *p, size_t len)
{
	return len >= 2 && (unsigned char)p[0] == 0x1f &&
	       (unsigned char)p[1] == 0x8b;
}

/* Inflates gzip `in` (one or more members) into `out` (whose cap applies).
 * 0, PT_ETOOBIG (cap reached; out holds the first part), PT_EPARSE
 * (corrupt or truncated; out holds what inflated). */
static int
gunzip(const char *in, size_t len, struct buf *out)
{
	z_stream z;
	char chunk[64 * 1024];
	int zrc = Z_OK, rc = 0;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return PT_EPARSE;
	z.next_in = (unsigned char *)(uintptr_t)in;
	z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
	for (;;) {
		size_t got;

		z.next_out = (unsigned char *)chunk;
		z.avail_out = sizeof(chunk);
		zrc = inflate(&z, Z_NO_FLUSH);
		got = sizeof(chunk) - z.avail_out;
		if (got && buf_add(out, chunk, got) != 0) {
			rc = PT_ETOOBIG;
			break;
		}
		if (zrc == Z_STREAM_END) {
			/* another member follows? */
			if (z.avail_in >= 2 && z.next_in[0] == 0x1f &&
			    z.next_in[1] == 0x8b) {
				inflateReset(&z);
				continue;
			}
			break; /* trailing garbage is ignored */
		}
		if (zrc == Z_OK)
			continue;
		if (zrc == Z_BUF_ERROR && z.avail_out == 0)
			continue;
		rc = PT_EPARSE; /* Z_DATA_ERROR, or truncated input */
		break;
	}
	inflateEnd(&z);
	return rc;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Reads exactly n digits. */
static int
digits(const char **s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		char c = (*s)[i];

		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*s += n;
	*out = v;
	return 0;
}

static char *
format_date(long y, int mo, int d, int has_time, int h, int mi, int sec,
	    int offset_min)
{
	struct buf b = BUF_INIT;

	if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    h > 23 || mi > 59 || sec > 60)
		return NULL;
	if (sec == 60)
		sec = 59;
	if (!has_time) {
		buf_addf(&b, "%04ld-%02d-%02d", y, mo, d);
	} else {
		long t = (days_from_civil(y, mo, d) * 1440L + h * 60 + mi -
			  offset_min);
		long days = t >= 0 ? t / 1440 : -((-t + 1439) / 1440);
		long mins = t - days * 1440;

		civil_from_days(days, &y, &mo, &d);
		if (y < 1000 || y > 9999)
			return NULL;
		buf_addf(&b, "%04ld-%02d-%02dT%02ld:%02ld:%02dZ", y, mo, d,
			 mins / 60, mins % 60, sec);
	}
	return buf_detach(&b, NULL);
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* Reads "hh:mm" and an optional ":ss". 1 with seconds, 0 without, -1
 * when it is not a time. */
static int
parse_hms(const char **s, int *h, int *mi, int *sec)
{
	if (digits(s, 2, h) || *(*s)++ != ':' || digits(s, 2, mi))
		return -1;
	if (**s != ':')
		return 0;
	(*s)++;
	return digits(s, 2, sec) ? -1 : 1;
}

/* Reads a numeric zone "+hh:mm" or "-hhmm" (at the sign) into *off
 * minutes east of UTC; with `lenient` the minutes may be missing. 0 or
 * -1. */
static int
parse_offset(const char **s, int lenient, int *off)
{
	int sign = *(*s)++ == '-' ? -1 : 1, oh, om;

	if (digits(s, 2, &oh))
		return -1;
	if (**s == ':')
		(*s)++;
	if (digits(s, 2, &om)) {
		if (!lenient)
			return -1;
		om = 0;
	}
	*off = sign * (oh * 60 + om);
	return 0;
}

/* W3C Datetime / RFC 3339. */
static char *
parse_w3c(const char *s)
{
	int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0;
	int has_time = 0, secs;

	if (digits(&s, 4, &y))
		return NULL;
	if (*s == '-') {
		s++;
		if (digits(&s, 2, &mo))
			return NULL;
		if (*s == '-') {
			s++;
			if (digits(&s, 2, &d))
				return NULL;
		}
	}
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s++;
		has_time = 1;
		secs = parse_hms(&s, &h, &mi, &sec);
		if (secs < 0)
			return NULL;
		if (secs && (*s == '.' || *s == ',')) {
			s++;
			while (*s >= '0' && *s <= '9')
				s++;
		}
		if (*s == 'Z' || *s == 'z')
			s++;
		else if ((*s == '+' || *s == '-') && parse_offset(&s, 1, &off))
			return NULL;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s)
		return NULL;
	return format_date(y, mo, d, has_time, h, mi, sec, off);
}

/* RFC 822 day and month, "Mon, 2 Jan" or "02 June": the day name and
 * comma are optional, the month is read from its first three letters.
 * 0 or -1. */
static int
rfc822_day_month(const char **sp, int *d, int *mo)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	const char *s = *sp, *p = strchr(s, ',');
	char mon[4];
	int n, i;

	if (p)
		s = p + 1;
	s = skip_spaces(s);
	for (n = 0; s[n] >= '0' && s[n] <= '9' && n < 2; n++)
		;
	if (n == 0 || digits(&s, n, d) || *s++ != ' ')
		return -1;
	s = skip_spaces(s);
	for (i = 0; i < 3; i++) {
		char c = s[i];

		if (!c)
			return -1;
		mon[i] = (char)((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
	}
	mon[3] = '\0';
	*mo = 0;
	for (i = 0; i < 12; i++)
		if (memcmp(months + 3 * i, mon, 3) == 0)
			*mo = i + 1;
	if (!*mo)
		return -1;
	s += 3;
	while (*s && *s != ' ')
		s++; /* "June" */
	*sp = s;
	return 0;
}

/* RFC 822 zone: a numeric offset or a name; unknown one-letter military
 * zones count as UTC. 0 or -1. */
static int
rfc822_zone(const char **sp, int *off)
{
	static const struct {
		const char *name;
		int off;
	} zones[] = {
		{ "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "Z", 0 },
		{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 },
		{ "CDT", -300 }, { "MST", -420 }, { "MDT", -360 },
		{ "PST", -480 }, { "PDT", -420 },
	};
	const size_t nz = sizeof(zones) / sizeof(zones[0]);
	const char *s = *sp;
	size_t zl, i;

	if (*s == '+' || *s == '-')
		return parse_offset(sp, 0, off);
	if (!*s)
		return 0;
	zl = strcspn(s, " ");
	for (i = 0; i < nz; i++)
		if (strlen(zones[i].name) == zl &&
		    strncasecmp(s, zones[i].name, zl) == 0)
			break;
	if (i < nz)
		*off = zones[i].off;
	else if (zl != 1)
		return -1;
	*sp = s + zl;
	return 0;
}

/* RFC 822 / 1123 date-time, as RSS uses it (lenient on the day name,
 * seconds, two-digit years and zone names). */
static char *
parse_rfc822(const char *s)
{
	int d, mo, y, h, mi, sec = 0, off = 0, n;

	if (rfc822_day_month(&s, &d, &mo))
		return NULL;
	s = skip_spaces(s);
	for (n = 0; s[n] >= '0' && s[n] <= '9'; n++)
		;
	if ((n != 2 && n != 4) || digits(&s, n, &y))
		return NULL;
	if (n == 2)
		y += y < 50 ? 2000 : 1900;
	s = skip_spaces(s);
	if (!*s)
		return format_date(y, mo, d, 0, 0, 0, 0, 0);
	if (parse_hms(&s, &h, &mi, &sec) < 0)
		return NULL;
	s = skip_spaces(s);
	if (rfc822_zone(&s, &off))
		return NULL;
	s = skip_spaces(s);
	if (*s)
		return NULL;
	return format_date(y, mo, d, 1, h, mi, sec, off);
}

/* Normalizes a date in either syntax; NULL when it is neither. */
static char *
parse_date(const char *s)
{
	char *r;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	r = parse_w3c(s);
	return r ? r : parse_rfc822(s);
}

/* ---- DOM helpers ---- */

static int
name_is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, local) == 0;
}

static int
ns_is(const xmlNode *n, const char *uri)
{
	return n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, uri) == 0;
}

/* Appends the text of `n` (text and CDATA descendants; entity references
 * are skipped, never expanded). */
static void
collect_text(const xmlNode *n, struct buf *out, int depth)
{
	const xmlNode *c;

	if (depth > 32)
		return;
	for (c = n->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE ||
		     c->type == XML_CDATA_SECTION_NODE) && c->content)
			buf_adds(out, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			collect_text(c, out, depth + 1);
	}
}

/* Returns the trimmed text of `n` (spaces collapsed); free with free().
 * NULL when empty. */
static char *
text_of(const xmlNode *n)
{
	struct buf raw, out;
	size_t i;
	int space = 0;

	if (!n)
		return NULL;
	buf_init(&raw, TEXT_MAX);
	buf_init(&out, TEXT_MAX);
	collect_text(n, &raw, 0);
	for (i = 0; i < raw.len; i++) {
		char c = raw.p[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && out.len)
			buf_addc(&out, ' ');
		space = 0;
		buf_addc(&out, c);
	}
	buf_release(&raw);
	if (out.len == 0) {
		buf_release(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

/* First child element named `local` (any namespace unless `ns`). */
static const xmlNode *
child(const xmlNode *n, const char *local, const char *ns)
{
	const xmlNode *c;

	for (c = n ? n->children : NULL; c; c = c->next)
		if (name_is(c, local) && (!ns || ns_is(c, ns)))
			return c;
	return NULL;
}

static char *
child_text(const xmlNode *n, const char *local, const char *ns)
{
	return text_of(child(n, local, ns));
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r;

	if (!v)
		return NULL;
	r = pt_xstrdup((const char *)v);
	xmlFree(v);
	return r;
}

struct ctx {
	struct feed *f;
	xmlDoc *doc;
	const char *base_url; /* NULL = keep URLs as written */
};

/* Adds an entry; takes ownership of the strings. */
static void
add_entry(struct ctx *c, const xmlNode *at, char *url, enum feed_kind kind,
	  char *published, char *modified, char *title)
{
	struct feed *f = c->f;
	struct feed_entry *e;
	char *final = NULL;

	if (url && c->base_url) {
		struct buf out = BUF_INIT;
		xmlChar *nb = xmlNodeGetBase(c->doc, at);
		const char *base = nb ? (const char *)nb : c->base_url;

		if (url_canonicalize(url, base, &out, NULL) == 0)
			final = buf_detach(&out, NULL);
		buf_release(&out);
		xmlFree(nb);
	} else if (url) {
		final = pt_xstrdup(url);
	}
	free(url);
	if (!final || f->n >= FEED_MAX_ENTRIES) {
		f->skipped++;
		free(final);
		free(published);
		free(modified);
		free(title);
		return;
	}
	pt_xgrow((void **)&f->entries, &f->cap, f->n + 1, sizeof(*f->entries));
	e = &f->entries[f->n++];
	e->url = final;
	e->kind = kind;
	e->published = parse_date(published);
	e->modified = parse_date(modified);
	e->title = title;
	free(published);
	free(modified);
}

/* RFC 5005 links of a feed or channel: rel="next" / "prev-archive". */
static void
paging_links(struct ctx *c, const xmlNode *parent)
{
	const xmlNode *n;

	for (n = parent->children; n; n = n->next) {
		char *rel, *href;

		if (!name_is(n, "link"))
			continue;
		rel = attr(n, "rel");
		href = attr(n, "href");
		if (rel && href && (strcmp(rel, "next") == 0 ||
				    strcmp(rel, "prev-archive") == 0)) {
			add_entry(c, n, href, FEED_KIND_FEED, NULL, NULL, NULL);
			href = NULL;
		}
		free(rel);
		free(href);
	}
}

static int
looks_http(const char *s)
{
	return s && (strncasecmp(s, "http://", 7) == 0 ||
		     strncasecmp(s, "https://", 8) == 0);
}

static void
rss_item(struct ctx *c, const xmlNode *item)
{
	char *url = child_text(item, "link", NULL);
	char *date;

	if (!url) {
		const xmlNode *g = child(item, "guid", NULL);
		char *perma = g ? attr(g, "isPermaLink") : NULL;

		if (g && (!perma || strcasecmp(perma, "false") != 0)) {
			url = text_of(g);
			if (!looks_http(url)) {
				free(url);
				url = NULL;
			}
		}
		free(perma);
	}
	if (!url)
		url = attr(item, "about"); /* rdf:about in RSS 1.0 */
	date = child_text(item, "pubDate", NULL);
	if (!date)
		date = child_text(item, "date", NULL); /* dc:date */
	add_entry(c, item, url, FEED_KIND_ARTICLE, date, NULL,
		  child_text(item, "title", NULL));
}

static void
parse_rss(struct ctx *c, const xmlNode *root)
{
	const xmlNode *n, *it;

	for (n = root->children; n; n = n->next) {
		if (name_is(n, "item")) {
			rss_item(c, n); /* RSS 1.0, or a broken RSS 2.0 */
		} else if (name_is(n, "channel")) {
			paging_links(c, n);
			for (it = n->children; it; it = it->next)
				if (name_is(it, "item"))
					rss_item(c, it);
		}
	}
}

static void
parse_atom(struct ctx *c, const xmlNode *root)
{
	const xmlNode *e, *l;

	paging_links(c, root);
	for (e = root->children; e; e = e->next) {
		char *url = NULL;

		if (!name_is(e, "entry"))
			continue;
		/* the first alternate link, preferring HTML */
		for (l = e->children; l; l = l->next) {
			char *rel, *type, *href;
			int alt, html;

			if (!name_is(l, "link"))
				continue;
			rel = attr(l, "rel");
			type = attr(l, "type");
			href = attr(l, "href");
			alt = !rel || strcmp(rel, "alternate") == 0;
			html = !type || strncasecmp(type, "text/html", 9) == 0 ||
			       strncasecmp(type, "application/xhtml", 17) == 0;
			if (alt && href && (!url || html)) {
				int done = html;

				free(url);
				url = href;
				href = NULL;
				if (done) {
					free(rel);
					free(type);
					break;
				}
			}
			free(rel);
			free(type);
			free(href);
		}
		add_entry(c, e, url, FEED_KIND_ARTICLE,
			  child_text(e, "published", NULL),
			  child_text(e, "updated", NULL),
			  child_text(e, "title", NULL));
	}
}

static void
parse_sitemap(struct ctx *c, const xmlNode *root, int index)
{
	const xmlNode *n;

	for (n = root->children; n; n = n->next) {
		const xmlNode *news;
		char *pub = NULL, *title = NULL;

		if (!name_is(n, index ? "sitemap" : "url"))
			continue;
		news = index ? NULL : child(n, "news", NS_NEWS);
		if (news) {
			c->f->type = FEED_TYPE_NEWS_SITEMAP;
			pub = child_text(news, "publication_date", NULL);
			title = child_text(news, "title", NULL);
		}
		add_entry(c, n, child_text(n, "loc", NULL),
			  index ? FEED_KIND_SITEMAP : FEED_KIND_ARTICLE, pub,
			  child_text(n, "lastmod", NULL), title);
	}
}

/* Keeps the first error of the parse (structured handler; never prints). */
struct xml_err {
	int line;
	char msg[160];
};

static void
on_xml_error(void *data, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = data;
	struct xml_err *xe = ctxt ? ctxt->_private : NULL;
	size_t n;

	if (!xe || !e || e->level < XML_ERR_ERROR || xe->line)
		return;
	xe->line = e->line > 0 ? e->line : 1;
	n = e->message ? strlen(e->message) : 0;
	while (n && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
		n--;
	if (n >= sizeof(xe->msg))
		n = sizeof(xe->msg) - 1;
	if (n)
		memcpy(xe->msg, e->message, n);
	xe->msg[n] = '\0';
}

static const char *
subject(const char *base_url)
{
	return base_url ? base_url : "document";
}

/* Makes (*body, *len) the plain document: gzip is inflated into `plain`
 * (*zrc = its result when the stream is corrupt). 0, or the error of
 * feed_parse() with its message. */
static int
plain_body(struct feed *f, const char **body, size_t *len,
	   struct buf *plain, int *zrc, const char *base_url, struct buf *err)
{
	if (*body && is_gzip(*body, *len)) {
		f->gzipped = 1;
		*zrc = gunzip(*body, *len, plain);
		if (*zrc == PT_ETOOBIG) {
			if (err)
				buf_addf(err, "'%s' inflates past %u bytes "
					 "(gzip bomb?)", subject(base_url),
					 FEED_MAX_DECODED);
			return PT_ETOOBIG;
		}
		*body = plain->p;
		*len = plain->len;
	} else if (*len > FEED_MAX_DECODED) {
		if (err)
			buf_addf(err, "'%s' is larger than %u bytes",
				 subject(base_url), FEED_MAX_DECODED);
		return PT_ETOOBIG;
	}
	if (!*body || *len == 0 || *len > INT32_MAX) {
		if (err)
			buf_addf(err, "'%s' is empty%s", subject(base_url),
				 *zrc ? " (corrupt gzip stream)" : "");
		return *zrc ? PT_EPARSE : PT_EEMPTY;
	}
	return 0;
}

/* Parses the XML of (body, len) with `ctxt`, whose first error goes to
 * *xe. Returns the document (free with xmlFreeDoc()) with its root in
 * *root, or NULL with a message in err when there is no root element. */
static xmlDoc *
read_xml(xmlParserCtxtPtr ctxt, struct xml_err *xe, const char *body,
	 size_t len, const char *base_url, const xmlNode **root,
	 struct buf *err)
{
	const int opts = XML_PARSE_RECOVER | XML_PARSE_NONET |
			 XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
			 XML_PARSE_NOWARNING;
	xmlDoc *doc;

	memset(xe, 0, sizeof(*xe));
	ctxt->_private = xe;
	ctxt->sax->serror = on_xml_error;
	doc = xmlCtxtReadMemory(ctxt, body, (int)len, base_url, NULL, opts);
	*root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (*root)
		return doc;
	if (err)
		buf_addf(err, "cannot parse '%s': %s at line %d",
			 subject(base_url), xe->msg[0] ? xe->msg
						       : "no root element",
			 xe->line);
	xmlFreeDoc(doc);
	return NULL;
}

/* Reads the entries of the document by its root element. 0, or
 * PT_EUNSUP with a message when it is neither a feed nor a sitemap. */
static int
parse_root(struct ctx *c, const xmlNode *root, struct buf *err)
{
	struct feed *f = c->f;

	if (name_is(root, "rss")) {
		f->type = FEED_TYPE_RSS;
		parse_rss(c, root);
	} else if (name_is(root, "RDF")) {
		f->type = FEED_TYPE_RDF;
		parse_rss(c, root);
	} else if (name_is(root, "feed")) {
		f->type = FEED_TYPE_ATOM;
		parse_atom(c, root);
	} else if (name_is(root, "sitemapindex")) {
		f->type = FEED_TYPE_SITEMAP_INDEX;
		parse_sitemap(c, root, 1);
	} else if (name_is(root, "urlset")) {
		f->type = FEED_TYPE_URLSET;
		parse_sitemap(c, root, 0);
	} else {
		if (err)
			buf_addf(err, "'%s' is neither a feed nor a sitemap "
				 "(root element <%.40s>)", subject(c->base_url),
				 (const char *)root->name);
		return PT_EUNSUP;
	}
	return 0;
}

int
feed_parse(struct feed *f, const char *body, size_t len,
	   const char *base_url, struct buf *err)
{
	struct buf plain;
	struct xml_err xe;
	xmlParserCtxtPtr ctxt;
	const xmlNode *root;
	struct ctx c;
	int rc, zrc = 0;

	buf_init(&plain, FEED_MAX_DECODED);
	rc = plain_body(f, &body, &len, &plain, &zrc, base_url, err);
	if (rc) {
		buf_release(&plain);
		return rc;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		pt_xmalloc((size_t)-1);
	c.f = f;
	c.base_url = base_url;
	c.doc = read_xml(ctxt, &xe, body, len, base_url, &root, err);
	if (!c.doc) {
		xmlFreeParserCtxt(ctxt);
		buf_release(&plain);
		return PT_EEMPTY;
	}
	rc = parse_root(&c, root, err);
	if (rc == 0 && xe.line) {
		f->error_line = xe.line;
		if (err)
			buf_addf(err, "xml error at line %d of '%s': %s",
				 xe.line, subject(base_url), xe.msg);
		rc = PT_EPARSE;
	} else if (rc == 0 && zrc) {
		if (err)
			buf_addf(err, "corrupt gzip stream in '%s'",
				 subject(base_url));
		rc = PT_EPARSE;
	}
	xmlFreeDoc(c.doc);
	xmlFreeParserCtxt(ctxt);
	buf_release(&plain);
	return rc;
}

/* ---- sniffing ---- */

static size_t
skip_past(const char *p, size_t i, size_t len, const char *end)
{
	size_t el = strlen(end);

	while (i + el <= len) {
		if (memcmp(p + i, end, el) == 0)
			return i + el;
		i++;
	}
	return len;
}

static enum feed_sniff
sniff_body(const char *p, size_t len)
{
	size_t i = 0, n;
	const char *name;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
				   p[i] == '\n'))
			i++;
		if (i + 1 >= len || p[i] != '<')
			return FEED_SNIFF_UNKNOWN;
		if (p[i + 1] == '?') {
			i = skip_past(p, i + 2, len, "?>");
		} else if (len - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
			i = skip_past(p, i + 4, len, "-->");
		} else if (p[i + 1] == '!') {
			if (len - i >= 14 &&
			    strncasecmp(p + i, "<!doctype html", 14) == 0)
				return FEED_SNIFF_HTML;
			i = skip_past(p, i + 2, len, ">");
		} else {
			break;
		}
	}
	i++;
	name = p + i;
	for (n = 0; i + n < len && !strchr(" \t\r\n/>", p[i + n]); n++)
		if (p[i + n] == ':') {
			name = p + i + n + 1; /* local name after a prefix */
		}
	n = (size_t)(p + i + n - name);
#define IS(s) (n == strlen(s) && strncasecmp(name, s, n) == 0)
	if (IS("rss") || IS("rdf") || IS("feed"))
		return FEED_SNIFF_FEED;
	if (IS("urlset") || IS("sitemapindex"))
		return FEED_SNIFF_SITEMAP;
	if (IS("html"))
		return FEED_SNIFF_HTML;
#undef IS
	return FEED_SNIFF_UNKNOWN;
}

enum feed_sniff
feed_sniff(const char *content_type, const char *body, size_t len)
{
	enum feed_sniff s = FEED_SNIFF_UNKNOWN;
	size_t n;

	if (body && is_gzip(body, len)) {
		struct buf plain;

		buf_init(&plain, 64u * 1024);
		gunzip(body, len, &plain); /* a prefix is enough */
		s = sniff_body(plain.p, plain.len);
		buf_release(&plain);
	} else if (body) {
		s = sniff_body(body, len);
	}
	if (s != FEED_SNIFF_UNKNOWN || !content_type)
		return s;
	while (*content_type == ' ')
		content_type++;
	n = strcspn(content_type, "; \t");
#define CT(t) (n == strlen(t) && strncasecmp(content_type, t, n) == 0)
	if (CT("application/rss+xml") || CT("application/atom+xml") ||
	    CT("application/rdf+xml"))
		return FEED_SNIFF_FEED;
	if (CT("text/html") || CT("application/xhtml+xml"))
		return FEED_SNIFF_HTML;
#undef CT
	return FEED_SNIFF_UNKNOWN;
}
