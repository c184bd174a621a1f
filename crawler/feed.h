/* feed.h -- links out of feeds and sitemaps: RSS 2.0, RSS 1.0 (RDF), Atom,
 * sitemap index, urlset and Google News sitemaps, plain or gzip-compressed.
 *
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_FEED_H
#define PT_FEED_H

#include <stddef.h>

struct buf;

/* Cap on the decompressed size of a gzip body (against gzip bombs), and on
 * a plain body. */
#define FEED_MAX_DECODED (50u * 1024 * 1024)
/* Cap on the number of entries kept from one document (the sitemap
 * protocol allows 50,000 per file). */
#define FEED_MAX_ENTRIES 50000u

enum feed_type {
	FEED_TYPE_UNKNOWN = 0,
	FEED_TYPE_RSS,          /* RSS 0.9x / 2.0: <rss><channel><item> */
	FEED_TYPE_RDF,          /* RSS 1.0: <rdf:RDF><item> */
	FEED_TYPE_ATOM,         /* <feed><entry> (RFC 4287) */
	FEED_TYPE_SITEMAP_INDEX,/* <sitemapindex><sitemap> */
	FEED_TYPE_URLSET,       /* <urlset><url> */
	FEED_TYPE_NEWS_SITEMAP  /* <urlset> whose urls carry <news:news> */
};

enum feed_kind {
	FEED_KIND_ARTICLE = 0,  /* a page to fetch and extract */
	FEED_KIND_SITEMAP,      /* another sitemap (from a sitemap index) */
	FEED_KIND_FEED          /* another feed document (RFC 5005 rel="next",
				   "prev-archive") */
};

struct feed_entry {
	char *url;        /* trimmed; canonical when a base URL was given */
	enum feed_kind kind;
	char *published;  /* "YYYY-MM-DDTHH:MM:SSZ" (UTC) or "YYYY-MM-DD",
			     or NULL: pubDate, dc:date, atom:published,
			     news:publication_date */
	char *modified;   /* same format or NULL: atom:updated, lastmod */
	char *title;      /* trimmed text or NULL: title, news:title */
};

/* A parsed document. Value type: feed_init() / feed_release(). */
struct feed {
	enum feed_type type;
	struct feed_entry *entries; /* owned, n of them, document order */
	size_t n;
	size_t cap;
	int gzipped;      /* the body was gzip-compressed */
	int error_line;   /* line of the first XML error, 0 = none */
	size_t skipped;   /* entries dropped: no URL, bad URL, over the cap */
};

void feed_init(struct feed *f);
/* Frees the entries and re-initialises. */
void feed_release(struct feed *f);

/* Parses `body` (len bytes; gzip is detected by its magic and inflated up
 * to FEED_MAX_DECODED) into `f` (which must be initialised; entries are
 * appended). `base_url` (may be NULL) is the document's URL: relative
 * links (and xml:base) are resolved against it and every URL is passed
 * through url_canonicalize(), dropping non-http(s) ones; without it URLs
 * are kept as written.
 * External entities and DTDs are never loaded and entity references are
 * not expanded; no network access.
 * Returns 0; PT_EPARSE when the XML is broken but parsing recovered: `f`
 * holds what could be read and `err` says where ("xml error at line 12 of
 * 'URL': ..."); PT_EUNSUP when the root element is not a known type;
 * PT_EEMPTY for an empty or unparseable body; PT_ETOOBIG when the
 * decompressed size passes FEED_MAX_DECODED; PT_EPARSE for a corrupt gzip
 * stream. `err` may be NULL. */
int feed_parse(struct feed *f, const char *body, size_t len,
	       const char *base_url, struct buf *err);

enum feed_sniff {
	FEED_SNIFF_UNKNOWN = 0,
	FEED_SNIFF_FEED,     /* RSS, RDF or Atom */
	FEED_SNIFF_SITEMAP,  /* urlset or sitemapindex */
	FEED_SNIFF_HTML
};

/* Tells what a response is, from the root element of `body` (gzip
 * inflated as far as needed) or, when the body does not say, from
 * `content_type` (may be NULL; parameters ignored). */
enum feed_sniff feed_sniff(const char *content_type, const char *body,
			   size_t len);

/* Static lowercase names: "rss", "rdf", "atom", "sitemapindex", "urlset",
 * "news-sitemap", "unknown"; "article", "sitemap", "feed". */
const char *feed_type_name(enum feed_type t);
const char *feed_kind_name(enum feed_kind k);

#endif
