/* links.h -- the links of an HTML page, for following them.
 *
 * Spec: HTML Living Standard sec. 4.2.3 (<base href>: the first one with an
 * href sets the document base), sec. 4.6 (<a href>, <area href>).
 * Non-goals: links made by scripts, <link> elements, srcset, CSS url(),
 * <meta http-equiv=refresh>, rel="nofollow" (followed like any link).
 *
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_LINKS_H
#define PT_LINKS_H

#include <stddef.h>

/* Cap on the links reported for one page; the rest are ignored. */
#define LINKS_MAX 20000u

/* Parses `html` (len bytes, any encoding libxml2 recognizes; broken markup
 * is recovered) with libxml2's HTML parser (no network access, no tree
 * built) and calls fn(ctx, url) for each <a href> and <area href> in
 * document order: `url` is the href resolved against the document base
 * (`base_url`, or the page's <base href>) by url_canonicalize(); links that
 * do not resolve to http(s) are skipped. `url` is borrowed; valid during
 * the call. A non-zero return from fn stops the walk.
 * Returns the number of links reported, or fn's non-zero value if it
 * stopped the walk. */
long links_extract(const char *html, size_t len, const char *base_url,
		   int (*fn)(void *ctx, const char *url), void *ctx);

#endif
