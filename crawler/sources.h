/* sources.h -- the outlets to crawl, read from data/sources.conf.
 *
 * The file is hand-edited plain text read by conf.h, one block per outlet:
 *
 *   # comment (a '#' at the start of a line or after a space or tab)
 *   [outlet The Daily Clapboard]
 *   host    = news.example.com      # repeatable; subdomains included
 *   feed    = https://news.example.com/feed/          # repeatable
 *   sitemap = https://news.example.com/news-sitemap.xml  # repeatable
 *   include = /news/                # repeatable; what counts as an article
 *   exclude = /video/               # repeatable
 *   delay   = 2                     # seconds between requests, optional
 *
 * Each block needs a name, at least one host and at least one feed or
 * sitemap (http or https). include/exclude patterns are matched against
 * the path and query of a URL ("/2026/03/story/?page=2"): a pattern
 * matches when it occurs anywhere in it, '*' stands for any run of
 * characters (also none), a leading '^' anchors the pattern at the start
 * and a trailing '$' at the end. A URL is an article when it matches at
 * least one include (or there are none) and no exclude.
 *
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_SOURCES_H
#define PT_SOURCES_H

#include <stddef.h>

struct buf;

/* A NULL-terminated list of strings, owned by the outlet. */
struct source_list {
	char **v;    /* v[n] == NULL */
	size_t n;
	size_t cap;
};

struct source_outlet {
	char *name;                  /* as written in [outlet NAME] */
	size_t line;                 /* line of the [outlet] header */
	struct source_list hosts;    /* lowercase host names */
	struct source_list feeds;    /* feed URLs, as written */
	struct source_list sitemaps; /* sitemap URLs, as written */
	struct source_list includes; /* article URL patterns */
	struct source_list excludes; /* non-article URL patterns */
	double delay;                /* seconds, -1 = crawler default */
};

/* The outlets of one file, in file order. Value type. */
struct sources {
	struct source_outlet *outlets; /* owned, n of them */
	size_t n;
	size_t cap;
};

void sources_init(struct sources *s);
/* Frees everything and re-initialises. */
void sources_release(struct sources *s);

/* Parses `text` (len bytes) into `s` (initialised, empty). `filename` is
 * used in messages only. Returns 0, or PT_EPARSE with one message in `err`
 * (may be NULL) of the form "FILE:LINE: expected ..."; `s` is then left
 * empty. */
int sources_parse(struct sources *s, const char *text, size_t len,
		  const char *filename, struct buf *err);
/* Reads `path` (at most CONF_MAX_BYTES, conf.h) and parses it. 0, PT_EPARSE,
 * PT_ENOENT, PT_EIO or PT_ETOOBIG, with a message in `err`. */
int sources_load(struct sources *s, const char *path, struct buf *err);

/* The outlet whose host list has `host` or a parent domain of it
 * ("www.example.com" matches host "example.com"); case-insensitive.
 * Borrowed; valid until sources_release(). NULL when none. */
const struct source_outlet *sources_find_host(const struct sources *s,
					      const char *host);

/* 1 when http(s) `url` is an article for outlet `o` by its include and
 * exclude patterns (see the top of this file); 0 when not or when `url`
 * is not a valid http(s) URL. The host is not checked. */
int sources_is_article(const struct source_outlet *o, const char *url);

/* 1 when `pattern` (syntax above) matches `path_query`. */
int sources_pattern_match(const char *pattern, const char *path_query);

#endif
