/* extract.c -- main-content extraction and metadata of HTML pages: input
 * checks, charset, parsing, then meta.c and content.c. See extract.h.
 */
#include "analyzer/extract/extract.h"

#include "analyzer/extract/charset.h"
#include "analyzer/extract/content.h"
#include "analyzer/extract/dom.h"
#include "analyzer/extract/meta.h"
#include "crawler/base/err.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define PARSE_OPTS                                                        \
	(HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |  \
	 HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC)
/* Pages parsed before the parser context (and its name dictionary) is
 * replaced, so a long run does not grow it without bound. */
#define CTXT_PAGES 500
/* Scratch kept between pages: the cleaned copy of the input (bytes) and
 * the per-element table (entries); more is given back after the page. */
#define WORK_KEEP (4u * 1024 * 1024)
#define CONTENT_KEEP 65536
#define MAX_CUTS 64

struct cut {
	size_t from, to; /* bytes [from, to) are left out */
};

struct extractor {
	htmlParserCtxtPtr ctxt; /* reused parser context */
	unsigned pages;         /* pages parsed with ctxt */
	struct content content; /* per-element scratch */
	struct buf work;        /* cleaned copy of the input */
	struct cut cuts[MAX_CUTS]; /* attribute runs to leave out */
	size_t ncuts;           /* used entries of cuts */
};

/* libxml2 reports some errors (encoding conversion, I/O) through its
 * global handlers, which print to stderr; the extractor reports through
 * `warn` instead. */
static void
quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
quiet_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

struct extractor *
extractor_new(void)
{
	struct extractor *x = pt_xcalloc(1, sizeof(*x));

	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	content_init(&x->content);
	buf_init(&x->work, 0);
	return x;
}

void
extractor_free(struct extractor *x)
{
	if (!x)
		return;
	if (x->ctxt)
		htmlFreeParserCtxt(x->ctxt);
	content_release(&x->content);
	buf_release(&x->work);
	free(x);
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static const char *
find_ci(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);

	while (p + n <= end) {
		const char *q = memchr(p, '<', (size_t)(end - p));

		if (!q || q + n > end)
			return NULL;
		if (strncasecmp(q, needle, n) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

/* The structural scan of one page (scan_structure()). */
struct scan {
	struct extractor *x; /* receives the cut ranges */
	const char *s;       /* the page */
	const char *end;     /* its end */
	struct buf *warn;    /* warnings, or NULL */
	int warned_attrs;    /* an oversized element was reported */
};

/* p at the '!' of "<!--": the '>' of the closing "-->", or NULL when the
 * comment does not end. */
static const char *
comment_end(const char *p, const char *end)
{
	const char *e = p + 3;

	for (;;) {
		e = memchr(e, '>', (size_t)(end - e));
		if (!e || (e[-1] == '-' && e[-2] == '-'))
			return e;
		e++;
	}
}

/* p at the first letter of a tag name: where its attributes start. A
 * tag without quotes that ends within 2 bytes per allowed attribute
 * cannot have too many, so it is passed whole (the fast path). */
static const char *
tag_name_end(const char *p, const char *end)
{
	size_t room = (size_t)(end - p);
	const char *t = p, *gt;

	if (room > 2 * EXTRACT_MAX_ATTRS)
		room = 2 * EXTRACT_MAX_ATTRS;
	gt = memchr(p, '>', room);
	if (gt && !memchr(p, '"', (size_t)(gt - p)) &&
	    !memchr(p, '\'', (size_t)(gt - p)))
		t = gt;
	while (t < end && *t != '>' && !is_ws(*t) && *t != '/')
		t++;
	return t;
}

/* t at the first byte of an attribute: the byte after it (its name, and
 * "=value" when there is one, quoted or not). */
static const char *
attr_end(const char *t, const char *end)
{
	while (t < end && !is_ws(*t) && *t != '=' && *t != '>')
		t++;
	while (t < end && is_ws(*t))
		t++;
	if (t >= end || *t != '=')
		return t;
	t++;
	while (t < end && is_ws(*t))
		t++;
	if (t < end && (*t == '"' || *t == '\'')) {
		const char *e = memchr(t + 1, *t, (size_t)(end - t - 1));

		return e ? e + 1 : end;
	}
	while (t < end && !is_ws(*t) && *t != '>')
		t++;
	return t;
}

/* Records the cut of the attributes from a to the end of the tag opened
 * at q (t: where the scan stands). Returns where the scan goes on, or
 * NULL when the page must be cut at q (no room for another cut). */
static const char *
cut_attrs(struct scan *sc, const char *q, const char *a, const char *t)
{
	struct extractor *x = sc->x;
	const char *e = memchr(t, '>', (size_t)(sc->end - t));

	if (x->ncuts == MAX_CUTS) {
		if (sc->warn)
			buf_addf(sc->warn, "too many oversized elements; "
				 "page cut at byte %zu\n",
				 (size_t)(q - sc->s));
		return NULL;
	}
	x->cuts[x->ncuts].from = (size_t)(a - sc->s);
	x->cuts[x->ncuts].to = (size_t)((e ? e : sc->end) - sc->s);
	x->ncuts++;
	if (sc->warn && !sc->warned_attrs)
		buf_addf(sc->warn, "element with more than %d attributes at "
			 "byte %zu truncated\n", EXTRACT_MAX_ATTRS,
			 (size_t)(q - sc->s));
	sc->warned_attrs = 1;
	return e ? e : sc->end;
}

/* Passes the attributes of the tag opened at q, from t. Returns the end
 * of the tag (its '>' or the page end), or NULL as cut_attrs(). */
static const char *
scan_attrs(struct scan *sc, const char *q, const char *t)
{
	const char *end = sc->end;
	size_t nattr = 0;

	while (t < end) {
		const char *a;

		while (t < end && (is_ws(*t) || *t == '/'))
			t++;
		if (t >= end || *t == '>')
			break;
		a = t;
		t = attr_end(t, end);
		if (++nattr == EXTRACT_MAX_ATTRS + 1)
			return cut_attrs(sc, q, a, t);
	}
	return t;
}

/* The closing tag that ends the raw text after <script> or <style> at p
 * (the tag name), or NULL for other tags. */
static const char *
raw_close(const char *p, const char *end)
{
	if (end - p > 6 && strncasecmp(p, "script", 6) == 0)
		return "</script";
	if (end - p > 5 && strncasecmp(p, "style", 5) == 0)
		return "</style";
	return NULL;
}

/* Structural scan of hostile input: counts tags (cuts the page after
 * EXTRACT_MAX_TAGS), records attribute runs past EXTRACT_MAX_ATTRS, and
 * notes unterminated comments and scripts. Returns the usable length. */
static size_t
scan_structure(struct extractor *x, const char *s, size_t len, struct buf *warn)
{
	struct scan sc = { x, s, s + len, warn, 0 };
	const char *p = s, *end = s + len;
	size_t tags = 0;

	x->ncuts = 0;
	while (p < end) {
		const char *q = memchr(p, '<', (size_t)(end - p));
		const char *close, *e;

		if (!q || q + 1 >= end)
			break;
		p = q + 1;
		if (*p == '!' && end - p >= 3 && p[1] == '-' && p[2] == '-') {
			e = comment_end(p, end);
			if (!e) {
				if (warn)
					buf_addf(warn, "unterminated comment "
						 "at byte %zu\n",
						 (size_t)(q - s));
				break;
			}
			p = e + 1;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			continue;
		if (++tags > EXTRACT_MAX_TAGS) {
			if (warn)
				buf_addf(warn, "more than %u tags; page cut "
					 "at byte %zu\n", EXTRACT_MAX_TAGS,
					 (size_t)(q - s));
			return (size_t)(q - s);
		}
		close = raw_close(p, end);
		p = scan_attrs(&sc, q, tag_name_end(p, end));
		if (!p)
			return (size_t)(q - s);
		if (close && p < end) {
			e = find_ci(p, end, close);
			if (!e) {
				if (warn)
					buf_addf(warn, "unterminated <%s> at "
						 "byte %zu\n", close + 2,
						 (size_t)(q - s));
				break;
			}
			p = e;
		}
	}
	return len;
}

/* The kept runs of s[0..len): the bytes between the cut ranges. A copy
 * loops `for (i = 0, k = 0; i < len; i = run_next(x, &k, stop))` over
 * runs s[i..stop), stop = run_end(x, k, len). */
static size_t
run_end(const struct extractor *x, size_t k, size_t len)
{
	size_t stop = k < x->ncuts ? x->cuts[k].from : len;

	return stop > len ? len : stop;
}

static size_t
run_next(const struct extractor *x, size_t *k, size_t stop)
{
	if (*k < x->ncuts)
		return x->cuts[(*k)++].to;
	return stop;
}

/* Copies one kept run s[0..n) to d, NUL bytes made spaces and (when utf8)
 * invalid UTF-8 bytes made '?'. Returns the end of the copy. */
static char *
clean_run(char *d, const char *s, size_t n, int utf8)
{
	size_t j = 0;

	while (j < n) {
		unsigned char c = (unsigned char)s[j];
		size_t m;

		if (c == 0) {
			*d++ = ' ';
			j++;
			continue;
		}
		if (c < 0x80 || !utf8) {
			*d++ = (char)c;
			j++;
			continue;
		}
		m = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		if (c >= 0xC2 && c <= 0xF4 && j + m <= n &&
		    charset_utf8_errors(s + j, m, 1, NULL) == 0) {
			memcpy(d, s + j, m);
			d += m;
			j += m;
		} else {
			*d++ = '?';
			j++;
		}
	}
	return d;
}

/* Copies s[0..len) into x->work without the cut ranges, NUL bytes made
 * spaces and (when utf8) invalid UTF-8 bytes made '?'. */
static void
clean_copy(struct extractor *x, const char *s, size_t len, int utf8)
{
	size_t i, k, stop = 0;
	char *d;

	buf_reset(&x->work);
	buf_grow(&x->work, len + 1);
	d = x->work.p;
	for (i = 0, k = 0; i < len; i = run_next(x, &k, stop)) {
		stop = run_end(x, k, len);
		if (stop > i)
			d = clean_run(d, s + i, stop - i, utf8);
	}
	*d = '\0';
	x->work.len = (size_t)(d - x->work.p);
}

/* windows-1252 bytes 0x80..0x9F as code points (0 = undefined). */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* Converts windows-1252 s[0..len) to UTF-8 in x->work (itself: iconv
 * refuses the five undefined bytes, and libxml2 then stops the page);
 * leaves out the cut ranges and makes NUL and undefined bytes spaces. */
static void
cp1252_copy(struct extractor *x, const char *s, size_t len)
{
	size_t i, k, stop = 0;
	char *d;

	buf_reset(&x->work);
	buf_grow(&x->work, 3 * len + 1);
	d = x->work.p;
	for (i = 0, k = 0; i < len; i = run_next(x, &k, stop)) {
		for (stop = run_end(x, k, len); i < stop; i++) {
			unsigned c = (unsigned char)s[i];

			if (c >= 0x80 && c < 0xA0)
				c = cp1252_hi[c - 0x80];
			if (c == 0)
				*d++ = ' ';
			else if (c < 0x80)
				*d++ = (char)c;
			else
				d += charset_put_utf8(d, c);
		}
	}
	*d = '\0';
	x->work.len = (size_t)(d - x->work.p);
}

/* Makes the bytes libxml2 reads from html[0..len) (len already capped):
 * the page after its BOM and within scan_structure()'s cuts, with NUL
 * bytes and invalid UTF-8 cleaned and windows-1252 converted to UTF-8 --
 * in x->work when anything changes. Sets *in, *inlen and g (whose name is
 * "UTF-8" after a conversion). */
static void
prepare_input(struct extractor *x, const char *html, size_t len,
	      const char *charset, struct charset_guess *g, const char **in,
	      size_t *inlen, struct buf *warn)
{
	const char *p, *end;
	size_t nuls = 0;

	charset_guess(html, len, charset, g, warn);
	*in = html + g->skip;
	*inlen = scan_structure(x, *in, len - g->skip, warn);
	p = *in;
	end = *in + *inlen;
	while (p < end && (p = memchr(p, 0, (size_t)(end - p))) != NULL) {
		nuls++;
		p++;
	}
	if (nuls && warn)
		buf_addf(warn, "%zu NUL bytes read as spaces\n", nuls);
	if (g->utf8_bad && warn)
		buf_addf(warn, "%d invalid UTF-8 sequences replaced\n",
			 g->utf8_bad);
	if (strcmp(g->name, "windows-1252") == 0) {
		cp1252_copy(x, *in, *inlen);
		memcpy(g->name, "UTF-8", 6);
	} else if (nuls || x->ncuts ||
		   (g->utf8_bad && !strcmp(g->name, "UTF-8"))) {
		clean_copy(x, *in, *inlen, strcmp(g->name, "UTF-8") == 0);
	} else {
		return;
	}
	*in = x->work.p;
	*inlen = x->work.len;
}

/* Parses in[0..inlen), in encoding `enc`, with the reused parser context
 * (a new one every CTXT_PAGES pages); parser errors that cut the page
 * become warnings. Returns the document (free with xmlFreeDoc()) or NULL
 * when nothing could be parsed. */
static htmlDocPtr
parse_page(struct extractor *x, const char *in, size_t inlen,
	   const char *url, const char *enc, struct buf *warn)
{
	htmlDocPtr doc;
	xmlErrorPtr e;

	if (!x->ctxt || x->pages >= CTXT_PAGES) {
		if (x->ctxt)
			htmlFreeParserCtxt(x->ctxt);
		x->ctxt = htmlNewParserCtxt();
		x->pages = 0;
		if (!x->ctxt)
			return NULL;
	}
	x->pages++;
	doc = htmlCtxtReadMemory(x->ctxt, in, (int)inlen, url, enc,
				 PARSE_OPTS);
	e = xmlCtxtGetLastError(x->ctxt);
	if (e && (e->code == XML_I18N_CONV_FAILED ||
		  e->code == XML_IO_ENCODER) && warn)
		buf_addf(warn, "bytes not in charset '%s'; page cut there\n",
			 enc);
	if (e && e->message && strstr(e->message, "Excessive depth") && warn)
		buf_addf(warn, "nesting deeper than %u levels truncated\n",
			 xmlParserMaxDepth);
	return doc;
}

/* Reads the metadata and the main text of a parsed page into a. Returns
 * 0 or PT_ETOOBIG (text cut, with a warning). */
static int
read_page(struct extractor *x, xmlDocPtr doc, const char *url,
	  struct article *a, struct buf *warn)
{
	char *ld_body = NULL;
	int rc;

	meta_collect(doc, url, time(NULL), a, &ld_body);
	rc = content_extract(&x->content, dom_body(doc), ld_body, a->title,
			     &a->text);
	if (rc == PT_ETOOBIG && warn)
		buf_addf(warn, "text cut at %u bytes\n", ARTICLE_MAX_TEXT);
	free(ld_body);
	return rc;
}

/* Gives back the scratch memory a very large page made grow. */
static void
trim_scratch(struct extractor *x)
{
	if (x->work.cap > WORK_KEEP)
		buf_release(&x->work);
	if (x->content.cap > CONTENT_KEEP) {
		content_release(&x->content);
		content_init(&x->content);
	}
}

int
extractor_run(struct extractor *x, const char *html, size_t len,
	      const char *url, const char *charset, struct article *a,
	      struct buf *warn)
{
	struct charset_guess g;
	const char *in;
	size_t inlen;
	htmlDocPtr doc;
	int rc;

	article_release(a);
	if (!html) {
		html = "";
		len = 0;
	}
	if (len > EXTRACT_MAX_HTML) {
		if (warn)
			buf_addf(warn, "page of %zu bytes cut to %u bytes\n",
				 len, EXTRACT_MAX_HTML);
		len = EXTRACT_MAX_HTML;
	}
	prepare_input(x, html, len, charset, &g, &in, &inlen, warn);
	doc = parse_page(x, in, inlen, url, g.name, warn);
	if (doc) {
		rc = read_page(x, doc, url, a, warn);
		xmlFreeDoc(doc);
	} else {
		rc = PT_EPARSE;
	}
	trim_scratch(x);
	if (rc == 0 && a->text.len == 0)
		rc = PT_EEMPTY;
	return rc;
}
