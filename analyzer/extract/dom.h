/* dom.h -- small read-only queries on a libxml2 HTML tree, shared by the
 * content scorer (content.c), the metadata reader (meta.c) and the
 * extractor (extract.c).
 *
 * Every walk built on dom_next() is iterative (first child, next sibling,
 * parent), so deep nesting costs no stack. Nodes and strings returned are
 * borrowed from the document.
 */
#ifndef PT_DOM_H
#define PT_DOM_H

#include <libxml/tree.h>

/* The next node in document order after n and its subtree, within root's
 * subtree; NULL when the walk is over. */
xmlNode *dom_after(const xmlNode *n, const xmlNode *root);

/* The next node of a walk of root's subtree: n's first child when `down`
 * is set and n has children, else dom_after(n, root). */
xmlNode *dom_next(const xmlNode *n, const xmlNode *root, int down);

/* A walk of root's subtree that visits every node twice: entering it, and
 * leaving it after its children (or at once, when the walk does not go
 * into it). Loop: for (dom_walk_init(&w, root); w.n; dom_walk_next(&w, d)). */
struct dom_walk {
	xmlNode *root; /* where the walk started and ends */
	xmlNode *n;    /* the node visited; NULL when the walk is over */
	int in;        /* 1 entering n, 0 leaving it */
	int depth;     /* levels of n below root (root: 0) */
};

/* Starts a walk at root (entering it; root NULL: already over). */
void dom_walk_init(struct dom_walk *w, xmlNode *root);

/* Moves to the next visit. `down` counts when entering: go into n's
 * children (when it has some), else leave n next. */
void dom_walk_next(struct dom_walk *w, int down);

/* Value of attribute a without allocating (its first text child), or ""
 * when it has none. */
const char *dom_attr_value(const xmlAttr *a);

/* Value of attribute `name` (any case) of element n, as dom_attr_value(),
 * or NULL when absent. */
const char *dom_attr(const xmlNode *n, const char *name);

/* The <body> element of doc, else its root element, else NULL. */
xmlNode *dom_body(xmlDoc *doc);

/* 1 when `needle` occurs in s (NULL: never) ignoring ASCII case. */
int dom_has_ci(const char *s, const char *needle);

#endif
