/* discover.c -- links, feed entries and redirect targets (see
 * discover.h).
 *
 * Spec: RFC 9110 sec. 15.4 (redirections: Location resolved against the
 * request URL).
 */
#include "crawler/discover.h"

#include "crawler/base/err.h"
#include "crawler/base/url.h"
#include "crawler/crawl_int.h"
#include "crawler/crawldb.h"
#include "crawler/feed.h"
#include "crawler/links.h"
#include "crawler/sources.h"

#include <string.h>
#include <strings.h>

#define HUB_MAX_DEPTH 5        /* sitemap index / feed paging nesting */

struct link_ctx {
	struct crawl *c;
	const char *page_host;      /* host name of the page */
	const struct source_outlet *outlet;
	int depth;                  /* of the links */
	struct buf host;            /* scratch */
};

static int
on_link(void *ctx, const char *url)
{
	struct link_ctx *l = ctx;

	buf_reset(&l->host);
	if (url_host(url, &l->host, NULL) || strcmp(l->host.p, l->page_host))
		return 0;
	if (l->outlet && !sources_is_article(l->outlet, url))
		return 0;
	return crawl_add_url(l->c, url, CRAWLDB_PAGE, l->depth, 0, 0, 0) < 0;
}

/* Queues the same-host links of HTML page `url`. */
static void
follow_links(struct crawl *c, const char *url, int depth, const char *body,
	     size_t len)
{
	struct link_ctx l;
	struct buf hn = BUF_INIT;

	if (url_host(url, &hn, NULL) == 0) {
		l.c = c;
		l.page_host = hn.p;
		l.outlet = c->o->sources ?
			   sources_find_host(c->o->sources, hn.p) : NULL;
		l.depth = depth + 1;
		buf_init(&l.host, URL_MAX_LEN);
		links_extract(body, len, url, on_link, &l);
		buf_release(&l.host);
	}
	buf_release(&hn);
}

/* Queues one entry of a feed or sitemap at `depth`. */
static void
add_entry(struct crawl *c, const struct feed_entry *e, int depth)
{
	const struct source_outlet *o = NULL;

	if (e->kind == FEED_KIND_ARTICLE) {
		buf_reset(&c->tmp);
		if (c->o->sources && url_host(e->url, &c->tmp, NULL) == 0)
			o = sources_find_host(c->o->sources, c->tmp.p);
		if (o && !sources_is_article(o, e->url))
			return;
		crawl_add_url(c, e->url, CRAWLDB_PAGE, depth + 1, 0, 0, 0);
	} else if (depth < HUB_MAX_DEPTH) {
		crawl_add_url(c, e->url, e->kind == FEED_KIND_SITEMAP ?
			      CRAWLDB_SITEMAP : CRAWLDB_FEED, depth + 1, 0, 1,
			      0);
	}
}

static void
follow_feed(struct crawl *c, const char *url, int depth, const char *body,
	    size_t len)
{
	struct feed f;
	size_t i;
	int rc;

	feed_init(&f);
	buf_reset(&c->msg);
	rc = feed_parse(&f, body, len, url, &c->msg);
	if (rc && c->msg.len)
		crawl_event(c, CRAWL_EV_WARN, url, c->msg.p);
	for (i = 0; i < f.n && !c->fatal; i++)
		add_entry(c, &f.entries[i], depth);
	feed_release(&f);
}

/* Feeds and sitemaps give entries; HTML pages above the depth limit give
 * links. */
void
discover_body(struct crawl *c, const char *url, int kind, int depth,
	      const char *ctype, const char *body, size_t len)
{
	enum feed_sniff sn;

	if (!len)
		return;
	if (kind == CRAWLDB_PAGE && depth >= c->o->max_depth &&
	    (!ctype || strncasecmp(ctype, "text/html", 9) == 0))
		return; /* an article: nothing to follow, skip parsing */
	sn = feed_sniff(ctype, body, len);
	if (kind != CRAWLDB_PAGE || sn == FEED_SNIFF_FEED ||
	    sn == FEED_SNIFF_SITEMAP)
		follow_feed(c, url, depth, body, len);
	else if (sn == FEED_SNIFF_HTML && depth < c->o->max_depth)
		follow_links(c, url, depth, body, len);
}

/* A redirect target after more than CRAWL_MAX_HOPS: known, and failed. */
static void
too_many_redirects(struct crawl *c, const char *target, int kind,
		   int depth, int hops)
{
	static const char why[] = "too many redirects (more than 5)";

	buf_reset(&c->tmp2);
	if (url_host_key(target, &c->tmp2, NULL) == 0 &&
	    crawldb_add(c->db, target, c->tmp2.p, kind, depth, hops, 0, 0, 0,
			&c->msg) == 1 &&
	    crawldb_mark_attempt(c->db, target, why, 1, &c->msg) == 0) {
		c->st->failed++;
		crawl_event(c, CRAWL_EV_FAILED, target, why);
	}
}

void
discover_redirect(struct crawl *c, const char *url, int kind, int depth,
		  int hops, const char *location)
{
	struct buf t = BUF_INIT;
	int rc;

	buf_init(&t, URL_MAX_LEN);
	rc = url_canonicalize(location, url, &t, NULL);
	if (rc == PT_EUNSUP)
		buf_addf(&c->msg, "redirect to '%s' refused: not http or "
			 "https", location);
	else if (rc)
		buf_addf(&c->msg, "bad redirect target '%s'", location);
	else if (hops + 1 > CRAWL_MAX_HOPS)
		too_many_redirects(c, t.p, kind, depth, hops + 1);
	else
		crawl_add_url(c, t.p, kind, depth, hops + 1,
			      kind != CRAWLDB_PAGE, 0);
	buf_release(&t);
}
