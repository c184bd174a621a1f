/* content.h -- choosing and serializing the main content of a parsed HTML
 * page.
 *
 * One iterative walk classifies elements and sums text, link text and
 * paragraph counts bottom-up; boilerplate boxes (by tag, class/id, role,
 * hiding) are dropped unless they hold most of the page's prose; a
 * Readability-like scorer picks the container with the most paragraph
 * text (class/id hints, <article>, <main>, itemprop=articleBody, link
 * density); related siblings are added; the result is serialized with a
 * paragraph break at every block boundary after removing link lists,
 * captions and short boilerplate lines inside it, and, around the chosen
 * block, the summary the page gives as its <meta> description.
 *
 * Non-goals: rendering CSS, multi-page articles.
 */
#ifndef PT_CONTENT_H
#define PT_CONTENT_H

#include <libxml/tree.h>

#include <stddef.h>

struct buf;

#define TAG_CACHE 64

struct content {
	struct content_node *v; /* per-element data, indexed by _private */
	size_t n;               /* used */
	size_t cap;             /* allocated */
	struct tag_cache_entry *tags; /* TAG_CACHE tag flags by name */
};

void content_init(struct content *c);
void content_release(struct content *c);

/* Writes the main text of the tree under `root` to `out` (paragraphs
 * separated by blank lines). `hint` is the JSON-LD body (meta.h) or NULL,
 * used as a fallback when the page yields much less text; `title` (or
 * NULL) is the page title, whose repeat inside the content is left out.
 * Leaves the nodes' _private fields set. Returns 0 or PT_ETOOBIG (text
 * cap). */
int content_extract(struct content *c, xmlNodePtr root, const char *hint,
		    const char *title, struct buf *out);

#endif
