/* links.c -- <a href> links of HTML pages through libxml2's SAX interface
 * (see links.h). No tree is built: only start tags are looked at.
 */
#include "crawler/links.h"

#include "crawler/base/buf.h"
#include "crawler/base/url.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

struct walk {
	struct buf base;        /* document base URL */
	int base_set;           /* 1 after the first <base href> */
	struct buf url;         /* resolved link */
	int (*fn)(void *ctx, const char *url);
	void *ctx;
	long n;                 /* links reported */
	int stop;               /* fn's non-zero return */
};

static const char *
attr(const xmlChar **atts, const char *name)
{
	size_t i;

	for (i = 0; atts && atts[i]; i += 2)
		if (strcasecmp((const char *)atts[i], name) == 0)
			return atts[i + 1] ? (const char *)atts[i + 1] : "";
	return NULL;
}

static void
on_start(void *user, const xmlChar *name, const xmlChar **atts)
{
	htmlParserCtxtPtr ctxt = user;
	struct walk *w = ctxt->_private;
	const char *n = (const char *)name, *href;

	if (w->stop)
		return;
	if (strcasecmp(n, "base") == 0 && !w->base_set) {
		href = attr(atts, "href");
		if (!href)
			return;
		w->base_set = 1;
		buf_reset(&w->url);
		if (url_canonicalize(href, w->base.len ? w->base.p : NULL,
				     &w->url, NULL) == 0) {
			buf_reset(&w->base);
			buf_add(&w->base, w->url.p, w->url.len);
		}
		return;
	}
	if (strcasecmp(n, "a") != 0 && strcasecmp(n, "area") != 0)
		return;
	href = attr(atts, "href");
	if (!href || !*href || (size_t)w->n >= LINKS_MAX)
		return;
	buf_reset(&w->url);
	if (url_canonicalize(href, w->base.len ? w->base.p : NULL, &w->url,
			     NULL))
		return;
	w->n++;
	w->stop = w->fn(w->ctx, w->url.p);
	if (w->stop)
		xmlStopParser(ctxt);
}

long
links_extract(const char *html, size_t len, const char *base_url,
	      int (*fn)(void *ctx, const char *url), void *ctx)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;
	struct walk w;

	if (!html || len == 0 || len > (size_t)INT_MAX)
		return 0;
	memset(&w, 0, sizeof(w));
	buf_init(&w.base, URL_MAX_LEN);
	buf_init(&w.url, URL_MAX_LEN);
	if (base_url)
		buf_adds(&w.base, base_url);
	w.fn = fn;
	w.ctx = ctx;
	ctxt = htmlCreateMemoryParserCtxt(html, (int)len);
	if (!ctxt)
		goto out;
	memset(&sax, 0, sizeof(sax));
	sax.startElement = on_start;
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->userData = ctxt;
	ctxt->_private = &w;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			   HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			   HTML_PARSE_NOBLANKS);
	/* htmlCtxtUseOptions() may install its own handlers; ours win. */
	ctxt->sax->startElement = on_start;
	htmlParseDocument(ctxt);
	htmlFreeParserCtxt(ctxt);
out:
	buf_release(&w.base);
	buf_release(&w.url);
	return w.stop ? w.stop : w.n;
}
