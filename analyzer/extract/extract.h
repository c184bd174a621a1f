/* extract.h -- main-content extraction and metadata of HTML article pages.
 *
 * One extractor holds a reused libxml2 HTML parser context; pages are parsed
 * in recover mode without network access. The input charset is taken from
 * the BOM, the HTTP header, <meta charset> or http-equiv, checked against the
 * bytes, and converted by libxml2. The main text is chosen by a content
 * scorer (text and link density, paragraph shape, class/id hints,
 * <article>/<main>, itemprop="articleBody", JSON-LD articleBody) after
 * boilerplate removal; metadata comes from JSON-LD, Open Graph / article:*
 * meta, <time>, bylines, <html lang> and <link rel=canonical>.
 *
 * Hostile input is bounded: pages are cut at EXTRACT_MAX_HTML bytes, nesting
 * at libxml2's 256 levels, elements at EXTRACT_MAX_ATTRS attributes, the
 * text at ARTICLE_MAX_TEXT bytes (article.h); each such cut adds a warning.
 *
 * Non-goals: running scripts, fetching anything, multi-page articles,
 * comments, boilerplate-free output on every page.
 */
#ifndef PT_EXTRACT_H
#define PT_EXTRACT_H

#include "analyzer/extract/article.h"
#include "crawler/base/buf.h"

#include <stddef.h>

/* Pages longer than this are cut there (with a warning). */
#define EXTRACT_MAX_HTML (32u * 1024 * 1024)
/* Attributes kept per element; further ones are dropped (with a warning). */
#define EXTRACT_MAX_ATTRS 256
/* Tags read per page; the page is cut before the next one (with a warning). */
#define EXTRACT_MAX_TAGS (512u * 1024)

struct extractor; /* opaque; holds the reused htmlParserCtxt */

/* Returns a new extractor; free with extractor_free(). */
struct extractor *extractor_new(void);
/* Frees x; NULL is a no-op. */
void extractor_free(struct extractor *x);

/* Extracts the main content and metadata of one HTML page.
 * html/len: the raw bytes (any charset); url: the page URL or NULL (used for
 * relative canonical resolution and stored in a->url); charset: the charset
 * from an HTTP Content-Type header, or NULL. `a` is released first.
 * Returns 0, or a negative pt_err (PT_EPARSE when nothing could be parsed,
 * PT_EEMPTY when no text was found, PT_ETOOBIG). Warnings (e.g. "nesting
 * deeper than N levels truncated", "declared charset X is wrong") are
 * appended to `warn` when non-NULL, one per line; `warn` gets no text on a
 * clean page. */
int extractor_run(struct extractor *x, const char *html, size_t len,
		  const char *url, const char *charset, struct article *a,
		  struct buf *warn);

#endif
