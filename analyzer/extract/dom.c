/* dom.c -- read-only queries on a libxml2 HTML tree. See dom.h. */
#include "analyzer/extract/dom.h"

#include <string.h>
#include <strings.h>

xmlNode *
dom_after(const xmlNode *n, const xmlNode *root)
{
	while (n != root && !n->next)
		n = n->parent;
	return n == root ? NULL : n->next;
}

xmlNode *
dom_next(const xmlNode *n, const xmlNode *root, int down)
{
	if (down && n->children)
		return n->children;
	return dom_after(n, root);
}

void
dom_walk_init(struct dom_walk *w, xmlNode *root)
{
	w->root = root;
	w->n = root;
	w->in = 1;
	w->depth = 0;
}

void
dom_walk_next(struct dom_walk *w, int down)
{
	if (w->in) {
		if (down && w->n->children) {
			w->n = w->n->children;
			w->depth++;
		} else {
			w->in = 0;
		}
		return;
	}
	if (w->n == w->root) {
		w->n = NULL;
	} else if (w->n->next) {
		w->n = w->n->next;
		w->in = 1;
	} else {
		w->n = w->n->parent;
		w->depth--;
	}
}

const char *
dom_attr_value(const xmlAttr *a)
{
	if (a->children && a->children->content)
		return (const char *)a->children->content;
	return "";
}

const char *
dom_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next)
		if (a->name && strcasecmp((const char *)a->name, name) == 0)
			return dom_attr_value(a);
	return NULL;
}

xmlNode *
dom_body(xmlDoc *doc)
{
	xmlNode *r = xmlDocGetRootElement(doc), *n;

	if (!r)
		return NULL;
	for (n = r->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "body") == 0)
			return n;
	return r;
}

int
dom_has_ci(const char *s, const char *needle)
{
	size_t n = strlen(needle);

	for (; s && *s; s++)
		if (strncasecmp(s, needle, n) == 0)
			return 1;
	return 0;
}
