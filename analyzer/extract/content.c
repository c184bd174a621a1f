/* content.c -- choosing and serializing the main content of a parsed HTML
 * page. See content.h. All walks are iterative (first child / next sibling /
 * parent), so depth costs no stack.
 */
#include "analyzer/extract/content.h"

#include "analyzer/extract/dom.h"
#include "analyzer/extract/hints.h"
#include "analyzer/extract/weights.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum {
	ST_SKIP = 1 << 0,     /* not text (script, hidden...) */
	ST_BOILER = 1 << 1,   /* boilerplate candidate */
	ST_REMOVED = 1 << 2,  /* boilerplate, removed */
	ST_ARTBODY = 1 << 3,  /* itemprop=articleBody */
	ST_SCORED = 1 << 4,   /* has a candidate score */
	ST_SELECTED = 1 << 5, /* part of the output */
	ST_STRONG = 1 << 6,   /* boilerplate by its tag (nav): kept only as a
				 broken boundary */
	ST_INART = 1 << 7,    /* inside an <article> or <main> */
	ST_HINTBOIL = 1 << 8  /* boilerplate by its class or id alone */
};

struct content_node {
	xmlNodePtr node;  /* the element */
	unsigned flags;   /* enum hints_tag_flags */
	unsigned state;   /* ST_* */
	int weight;       /* class/id weight */
	uint32_t text;    /* non-space text bytes in the subtree */
	uint32_t link;    /* of which inside <a> */
	uint32_t own;     /* text not inside a nested block */
	uint32_t ownlink; /* of which inside <a> */
	uint32_t owncomma; /* commas in own text */
	uint32_t commas;  /* commas in the subtree */
	uint32_t np;      /* paragraphs (own >= W_PARA_MIN_TEXT) in the
			     subtree */
	uint32_t nimg;    /* images in the subtree */
	uint32_t good;    /* prose bytes: own text of low-link paragraphs */
	uint32_t listgood; /* of which in list items */
	uint32_t prose;   /* own text when the element is a prose paragraph */
	uint32_t clean;   /* prose outside the boilerplate boxes below it
			     (clean_prose()) */
	float score;      /* candidate score */
};

void
content_init(struct content *c)
{
	memset(c, 0, sizeof(*c));
}

void
content_release(struct content *c)
{
	free(c->v);
	free(c->tags);
	content_init(c);
}

static struct content_node *
info(const struct content *c, const xmlNode *n)
{
	uintptr_t i;

	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	i = (uintptr_t)n->_private;
	if (i == 0 || i > c->n)
		return NULL;
	return &c->v[i - 1];
}

/* Tag flags by name pointer: libxml2 interns element names in the parser's
 * dictionary, so a small direct-mapped cache saves the lookup per
 * element. Keyed by pointer and checked by name, so a stale entry is
 * harmless. */
struct tag_cache_entry {
	const xmlChar *name; /* interned name (compared, never read) */
	char copy[12];       /* the name, to check a pointer hit */
	unsigned flags;      /* hints_tag(name) */
};

static unsigned
tag_flags(struct tag_cache_entry *cache, const xmlChar *name)
{
	size_t h = ((uintptr_t)name >> 4) & (TAG_CACHE - 1);
	size_t len;

	if (cache[h].name == name &&
	    strcmp((const char *)name, cache[h].copy) == 0)
		return cache[h].flags;
	len = strlen((const char *)name);
	if (len >= sizeof(cache[h].copy))
		return hints_tag((const char *)name);
	cache[h].name = name;
	memcpy(cache[h].copy, name, len + 1);
	cache[h].flags = hints_tag((const char *)name);
	return cache[h].flags;
}

static int
style_hides(const char *v)
{
	const char *p;

	for (p = v; (p = strchr(p, ':')) != NULL; p++) {
		const char *q = p + 1;

		while (*q == ' ')
			q++;
		if (strncasecmp(q, "none", 4) == 0 && p - v >= 7 &&
		    strncasecmp(p - 7, "display", 7) == 0)
			return 1;
		if (strncasecmp(q, "hidden", 6) == 0 && p - v >= 10 &&
		    strncasecmp(p - 10, "visibility", 10) == 0)
			return 1;
	}
	return 0;
}

static int
role_is_boiler(const char *v)
{
	static const char *const roles[] = {
		"navigation", "complementary", "contentinfo", "banner",
		"menu", "menubar", "search", "dialog", "alertdialog", NULL
	};
	int i;

	for (i = 0; roles[i]; i++)
		if (strcmp(v, roles[i]) == 0)
			return 1;
	return 0;
}

/* Classifies one element (whose parent's entry is pi, or NULL): tag
 * flags, hiding, boilerplate, weight. */
static void
classify_one(struct content *c, struct content_node *ci,
	     const struct content_node *pi)
{
	const xmlNode *n = ci->node;
	const xmlAttr *a;
	const char *cls = NULL, *id = NULL;
	struct hints_attr h;

	ci->flags = tag_flags(c->tags, n->name);
	if (pi && ((pi->state & ST_INART) ||
		   (pi->flags & (HT_ARTICLE | HT_MAIN))))
		ci->state |= ST_INART;
	if (ci->flags & HT_SKIP)
		ci->state |= ST_SKIP;
	/* the <header> of an article holds its headline and lead; only the
	 * page's own header is boilerplate */
	if ((ci->flags & HT_BOILER) &&
	    !(n->name[0] == 'h' && (ci->state & ST_INART))) {
		ci->state |= ST_BOILER;
		/* nav, noscript, footer: a page's footer, or an article's
		 * (its byline, its author's box), never holds the article,
		 * but an unclosed element in it can nest the page in it */
		if (n->name[0] == 'n' || strcmp((const char *)n->name,
						 "footer") == 0)
			ci->state |= ST_STRONG;
	}
	for (a = n->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		const char *v = dom_attr_value(a);

		switch (an[0]) {
		case 'c':
			if (strcmp(an, "class") == 0)
				cls = v;
			break;
		case 'i':
			if (an[1] == 'd' && an[2] == '\0') {
				id = v;
			} else if (strcmp(an, "itemprop") == 0) {
				if (dom_has_ci(v, "articlebody"))
					ci->state |= ST_ARTBODY;
				else if (dom_has_ci(v, "comment"))
					ci->state |= ST_BOILER;
			}
			break;
		case 'h':
			if (strcmp(an, "hidden") == 0)
				ci->state |= ST_SKIP;
			break;
		case 'a':
			if (strcmp(an, "aria-hidden") == 0 &&
			    strcmp(v, "true") == 0)
				ci->state |= ST_SKIP;
			break;
		case 's':
			if (strcmp(an, "style") == 0 && style_hides(v))
				ci->state |= ST_SKIP;
			break;
		case 'r':
			if (strcmp(an, "role") == 0 && role_is_boiler(v))
				ci->state |= ST_BOILER;
			break;
		}
	}
	if (cls || id) {
		hints_classify(cls, id, &h);
		ci->weight = h.weight;
		if ((h.boiler || (h.page && !(ci->state & ST_INART))) &&
		    !(ci->state & ST_BOILER))
			ci->state |= ST_BOILER | ST_HINTBOIL;
		if (h.page && !(ci->state & ST_INART)) {
			if (ci->weight >= 0)
				ci->weight -= W_CLASS_WEIGHT;
		}
		if (h.hidden)
			ci->state |= ST_SKIP;
	}
	if (ci->state & ST_ARTBODY)
		ci->state &= ~(unsigned)ST_BOILER;
}

/* Walk 1: gives every element under root an index (in _private) and
 * classifies it. */
static void
index_tree(struct content *c, xmlNodePtr root)
{
	xmlNodePtr n = root;

	c->n = 0;
	while (n) {
		int down = 0;

		if (n->type == XML_ELEMENT_NODE) {
			struct content_node *ci;

			pt_xgrow((void **)&c->v, &c->cap, c->n + 1,
				 sizeof(*c->v));
			ci = &c->v[c->n++];
			memset(ci, 0, sizeof(*ci));
			ci->node = n;
			n->_private = (void *)(uintptr_t)c->n;
			classify_one(c, ci, n == root ? NULL
					    : info(c, n->parent));
			down = !(ci->state & ST_SKIP);
		}
		n = dom_next(n, root, down);
	}
}

static int
is_space_at(const unsigned char *p, const unsigned char *end, size_t *w)
{
	unsigned char c = *p;

	if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
	    c == '\v') {
		*w = 1;
		return 1;
	}
	if (c == 0xC2 && p + 1 < end && p[1] == 0xA0) {
		*w = 2;
		return 1;
	}
	if (c == 0xE2 && p + 2 < end && p[1] == 0x80 &&
	    (p[2] == 0x8B || p[2] == 0xAF || (p[2] >= 0x80 && p[2] <= 0x8A))) {
		*w = 3;
		return 1;
	}
	if (c == 0xE3 && p + 2 < end && p[1] == 0x80 && p[2] == 0x80) {
		*w = 3;
		return 1;
	}
	*w = 1;
	return 0;
}

/* Counts non-space bytes and commas of a text node. */
static void
text_stats(const xmlNode *t, uint32_t *len, uint32_t *commas)
{
	const unsigned char *p = (const unsigned char *)t->content;
	const unsigned char *end;
	uint32_t l = 0, k = 0;
	size_t w;

	if (!p)
		return;
	end = p + strlen((const char *)p);
	while (p < end) {
		if (*p == ',')
			k++;
		else if (*p == 0xEF && p + 2 < end && p[1] == 0xBC &&
			 p[2] == 0x8C)
			k++;
		if (*p > ' ' && *p < 0x80) {
			l++;
			p++;
			continue;
		}
		if (!is_space_at(p, end, &w))
			l += (uint32_t)w;
		p += w;
	}
	*len = l;
	*commas = k;
}

static int
live(const struct content_node *ci)
{
	return ci && !(ci->state & (ST_SKIP | ST_REMOVED));
}

/* Adds the text of node t to its parent element and to the own text of
 * the nearest block, paragraph or cell above it (link text also to its
 * ownlink when it is inside an <a> below that block). */
static void
add_text(struct content *c, xmlNodePtr root, const xmlNode *t)
{
	uint32_t len = 0, commas = 0;
	struct content_node *pi;
	xmlNodePtr up;
	int inlink = 0;

	text_stats(t, &len, &commas);
	if (!len)
		return;
	pi = info(c, t->parent);
	if (pi) {
		pi->text += len;
		pi->commas += commas;
	}
	for (up = t->parent; up; up = up->parent) {
		struct content_node *ui = info(c, up);

		if (!ui)
			break;
		if (ui->flags & HT_LINK)
			inlink = 1;
		if (ui->flags & (HT_BLOCK | HT_PARA | HT_CELL)) {
			ui->own += len;
			ui->owncomma += commas;
			if (inlink)
				ui->ownlink += len;
			break;
		}
		if (up == root)
			break;
	}
}

/* Closes the sums of a live element whose subtree is done and adds them
 * to its parent's pi (NULL at the root). */
static void
close_stats(struct content_node *ci, struct content_node *pi)
{
	if (ci->flags & HT_LINK)
		ci->link = ci->text;
	if (ci->flags & HT_IMG)
		ci->nimg++;
	if (ci->own >= W_PARA_MIN_TEXT &&
	    (ci->flags & (HT_BLOCK | HT_PARA | HT_CELL))) {
		ci->np++;
		if (ci->own >= W_PROSE_MIN_TEXT &&
		    ci->ownlink * W_PROSE_LINK_DIV < ci->own) {
			ci->good += ci->own;
			ci->prose = ci->own;
			if (ci->flags & HT_LI)
				ci->listgood += ci->own;
		}
	}
	if (pi) {
		pi->text += ci->text;
		pi->link += ci->link;
		pi->commas += ci->commas;
		pi->np += ci->np;
		pi->nimg += ci->nimg;
		pi->good += ci->good;
		pi->listgood += ci->listgood;
	}
}

/* Walk 2: sums text statistics bottom-up over live elements. */
static void
aggregate(struct content *c, xmlNodePtr root)
{
	struct dom_walk w;
	size_t i;
	int down = 0;

	for (i = 0; i < c->n; i++) {
		struct content_node *ci = &c->v[i];

		ci->text = ci->link = ci->own = ci->ownlink = 0;
		ci->owncomma = ci->commas = ci->np = ci->nimg = 0;
		ci->good = ci->prose = ci->listgood = 0;
	}
	for (dom_walk_init(&w, root); w.n; dom_walk_next(&w, down)) {
		xmlNodePtr n = w.n;
		struct content_node *ci = info(c, n);

		down = 0;
		if (!w.in) {
			if (n->type == XML_ELEMENT_NODE && live(ci))
				close_stats(ci, n == root ? NULL
						: info(c, n->parent));
		} else if (n->type == XML_ELEMENT_NODE) {
			down = live(ci);
		} else if ((n->type == XML_TEXT_NODE ||
			    n->type == XML_CDATA_SECTION_NODE) &&
			   n->parent) {
			add_text(c, root, n);
		}
	}
}

/* 1 when box ci of `mine` clean prose bytes holds at least as much as
 * the page has outside every box (rclean). A list named boilerplate is a
 * list of teasers, however long their excerpts: the article is not
 * nested in its items. */
static int
most_clean(const struct content_node *ci, uint64_t mine, uint32_t rclean)
{
	return !(ci->flags & HT_LIST) && mine >= W_PROSE_MIN_TEXT &&
	       mine >= rclean;
}

/* Sets every live element's clean prose: its prose outside the boxes
 * below it that are boilerplate, in two rounds. The first leaves out every
 * box and gives the page's prose outside all of them (*rclean); the
 * second counts a box that holds at least that much (most_clean()) into
 * its parent, so that the article is not lost for being nested in a
 * second box, and gives the page's settled clean prose (*settled). The
 * array is in document order, so walking it backwards closes children
 * before parents. */
static void
clean_prose(struct content *c, xmlNodePtr root, uint32_t *rclean,
	    uint32_t *settled)
{
	int round;
	size_t i;

	*rclean = *settled = 0;
	for (round = 0; round < 2; round++) {
		for (i = 0; i < c->n; i++)
			c->v[i].clean = c->v[i].prose;
		for (i = c->n; i-- > 0;) {
			struct content_node *ci = &c->v[i], *pi;

			if (!live(ci) || ci->node == root)
				continue;
			pi = info(c, ci->node->parent);
			if (pi && (!(ci->state & ST_BOILER) ||
				   (round == 1 && most_clean(ci, ci->clean,
							     *rclean))))
				pi->clean += ci->clean;
		}
		if (!info(c, root))
			return;
		if (round == 0)
			*rclean = info(c, root)->clean;
		*settled = info(c, root)->clean;
	}
}

/* 1 when boilerplate box ci holds most of the page's prose, measured
 * without the other boilerplate (a long comment thread or menu does not
 * outweigh the article, an author box inside the article does not
 * count): its clean prose is at least the prose outside every box and
 * half the settled clean prose (clean_prose()). A box by its tag (nav)
 * must also hold most of all the prose: then its boundary is broken (an
 * unclosed element inside made the parser nest the page in it). */
static int
holds_prose(const struct content_node *ci, uint32_t total, uint32_t rclean,
	    uint32_t settled)
{
	if (!most_clean(ci, ci->clean, rclean) ||
	    (uint64_t)ci->clean * W_MOST_PROSE_DIV < settled)
		return 0;
	if (ci->state & ST_STRONG)
		return (uint64_t)ci->good * W_MOST_PROSE_DIV >= total;
	return 1;
}

/* Walk 3: removes boilerplate boxes unless they hold most of the prose. */
static void
remove_boilerplate(struct content *c, xmlNodePtr root)
{
	struct content_node *ri = info(c, root);
	uint32_t total = ri ? ri->good : 0, rclean = 0, settled = 0;
	xmlNodePtr n = root;

	clean_prose(c, root, &rclean, &settled);
	while (n) {
		struct content_node *ci = info(c, n);
		int down = 0;

		if (ci && live(ci)) {
			if ((ci->state & ST_BOILER) && n != root &&
			    !(ci->flags & HT_BODY) &&
			    !holds_prose(ci, total, rclean, settled)) {
				ci->state |= ST_REMOVED;
			} else {
				down = 1;
			}
		}
		n = dom_next(n, root, down);
	}
}

static double
link_density(const struct content_node *ci)
{
	return ci->text ? (double)ci->link / ci->text : 0.0;
}

static void
init_score(struct content_node *ci)
{
	unsigned f = ci->flags;
	const char *name = (const char *)ci->node->name;
	float s = 0;

	if (ci->state & ST_SCORED)
		return;
	ci->state |= ST_SCORED;
	if (strcmp(name, "div") == 0)
		s += W_TAG_DIV;
	else if (strcmp(name, "pre") == 0 || (f & (HT_CELL | HT_QUOTE)))
		s += W_TAG_TEXT;
	else if ((f & (HT_LIST | HT_LI)) || strcmp(name, "form") == 0 ||
		 strcmp(name, "address") == 0)
		s += W_TAG_LIST;
	else if (f & HT_HEAD)
		s += W_TAG_HEAD;
	if (f & HT_ARTICLE)
		s += W_TAG_ARTICLE;
	if (ci->state & ST_ARTBODY)
		s += W_TAG_ARTBODY;
	/* a class name speaks for a container, not for a line of text */
	if (ci->text >= W_CLASS_MIN_TEXT || ci->weight < 0)
		s += (float)ci->weight;
	ci->score = s;
}

/* 1 when n is inside a removed box (below root). */
static int
in_removed(const struct content *c, const xmlNode *root, const xmlNode *n)
{
	for (; n && n != root; n = n->parent) {
		const struct content_node *oi = info(c, n);

		if (oi && !live(oi))
			return 1;
	}
	return 0;
}

/* Gives the score of paragraph ci to the containers above it: its own
 * block (a paragraph's parent), then up to W_SCORE_LEVELS levels, less
 * the higher they are. */
static void
spread_score(struct content *c, xmlNodePtr root, struct content_node *ci)
{
	/* commas mark sentences up to one per W_COMMA_BYTES bytes; denser
	 * ones are a list of names or references, not prose */
	uint32_t commas = ci->owncomma < ci->own / W_COMMA_BYTES
				  ? ci->owncomma
				  : ci->own / W_COMMA_BYTES;
	float s = W_SCORE_BASE + (float)commas +
		  (float)(ci->own / W_SCORE_TEXT_UNIT < W_SCORE_TEXT_CAP
				  ? ci->own / W_SCORE_TEXT_UNIT
				  : W_SCORE_TEXT_CAP);
	xmlNodePtr owner = (ci->flags & HT_PARA) ? ci->node->parent
						 : ci->node;
	int level;

	/* a table cell is a datum more often than prose; a list item is a
	 * link, a teaser or a reference more often still, and a long list of
	 * them must not outweigh a short text */
	if (ci->flags & HT_CELL)
		s /= W_CELL_DIV;
	else if (ci->flags & HT_LI)
		s /= W_LI_DIV;
	for (level = 0; owner && level < W_SCORE_LEVELS; level++) {
		struct content_node *oi = info(c, owner);

		if (!oi)
			break;
		init_score(oi);
		if (level == 0)
			oi->score += s;
		else if (level == 1)
			oi->score += s / W_SCORE_PARENT_DIV;
		else
			oi->score += s / (float)(level * W_SCORE_ANCESTOR_DIV);
		if (owner == root)
			break;
		owner = owner->parent;
	}
}

/* Puts ci into the best-first list top[0..*nt) of at most W_TOP_KEEP. */
static void
rank(struct content_node **top, size_t *nt, struct content_node *ci)
{
	size_t k;

	for (k = 0; k < *nt; k++)
		if (ci->score > top[k]->score)
			break;
	if (k >= W_TOP_KEEP)
		return;
	if (*nt < W_TOP_KEEP)
		(*nt)++;
	memmove(&top[k + 1], &top[k], (*nt - 1 - k) * sizeof(top[0]));
	top[k] = ci;
}

/* Walk 4: Readability-like scoring. Returns the top candidate or NULL. */
static struct content_node *
score(struct content *c, xmlNodePtr root, struct content_node **top,
      size_t *ntop)
{
	size_t i, nt = 0;

	for (i = 0; i < c->n; i++) {
		struct content_node *ci = &c->v[i];

		ci->state &= ~(unsigned)ST_SCORED;
		ci->score = 0;
	}
	for (i = 0; i < c->n; i++) {
		struct content_node *ci = &c->v[i];

		if (!live(ci) || ci->own < W_PARA_MIN_TEXT ||
		    !(ci->flags & (HT_BLOCK | HT_PARA | HT_CELL)) ||
		    ci->ownlink * W_SCORE_LINK_DIV > ci->own ||
		    in_removed(c, root, ci->node))
			continue;
		spread_score(c, root, ci);
	}
	for (i = 0; i < c->n; i++) {
		struct content_node *ci = &c->v[i];

		if (!(ci->state & ST_SCORED) || !live(ci))
			continue;
		ci->score *= (float)(1.0 - link_density(ci));
		rank(top, &nt, ci);
	}
	*ntop = nt;
	return nt ? top[0] : NULL;
}

static int
is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* 1 when runner-up r scores close to the top t in another branch: a
 * wrapper of t, or a block inside it, scores close to it by taking its
 * paragraphs' score and says nothing of text split over several boxes. */
static int
is_close(const struct content_node *t, const struct content_node *r)
{
	return r->score >= t->score * W_CLOSE_RATIO &&
	       !is_ancestor(t->node, r->node) && !is_ancestor(r->node, t->node);
}

/* Readability's climbing: to a common ancestor of close runners-up, up
 * through parents that score better, and out of only-child wrappers. */
static struct content_node *
refine_top(struct content *c, xmlNodePtr root, struct content_node **top,
	   size_t nt)
{
	struct content_node *t = top[0];
	xmlNodePtr p;
	size_t k, close = 0;
	float last, threshold;

	for (k = 1; k < nt; k++)
		if (is_close(t, top[k]))
			close++;
	if (close >= W_CLOSE_MIN) {
		for (p = t->node->parent; p && p != root; p = p->parent) {
			size_t shared = 0;

			for (k = 1; k < nt; k++)
				if (is_close(t, top[k]) &&
				    is_ancestor(p, top[k]->node))
					shared++;
			if (shared >= W_CLOSE_MIN) {
				struct content_node *pi = info(c, p);

				if (pi && live(pi)) {
					init_score(pi);
					t = pi;
				}
				break;
			}
		}
	}
	last = t->score;
	threshold = last / W_CLIMB_DIV;
	for (p = t->node->parent; p && p != root; p = p->parent) {
		struct content_node *pi = info(c, p);

		if (!pi || (pi->flags & HT_BODY))
			break;
		if (!(pi->state & ST_SCORED))
			continue;
		if (pi->score < threshold)
			break;
		if (pi->score > last) {
			t = pi;
			break;
		}
		last = pi->score;
	}
	for (p = t->node->parent; p && p != root; p = p->parent) {
		struct content_node *pi = info(c, p);
		xmlNodePtr ch;
		int elems = 0;

		if (!pi || (pi->flags & HT_BODY) || !live(pi))
			break;
		for (ch = p->children; ch; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE && live(info(c, ch)))
				elems++;
		if (elems != 1)
			break;
		init_score(pi);
		t = pi;
	}
	return t;
}

/* Content spread over several blocks (a lead before the body, sections of
 * a page builder, paragraph entities): climbs from t to the ancestors
 * whose text beyond t's is mostly prose (W_SPREAD_PROSE_DIV) outside list
 * items, with few links, so that the blocks around the chosen one come
 * with it. */
static struct content_node *
spread_top(struct content *c, xmlNodePtr root, struct content_node *t)
{
	xmlNodePtr p;

	for (p = t->node->parent; p && p != root; p = p->parent) {
		struct content_node *pi = info(c, p);
		uint32_t text, good, link;

		if (!pi || (pi->flags & HT_BODY) || !live(pi))
			break;
		text = pi->text - t->text;
		/* list items around the text are key points or teasers,
		 * not more of it */
		good = (pi->good - pi->listgood) - (t->good - t->listgood);
		link = pi->link - t->link;
		if (text == 0)
			continue;
		if (good * W_SPREAD_PROSE_DIV < text ||
		    link * W_SPREAD_LINK_DIV > text) {
			/* a title and a date around the text, without
			 * prose, are weighed with what the next wrapper
			 * adds */
			if (text < W_SPREAD_SKIP && good == 0)
				continue;
			break;
		}
		init_score(pi);
		t = pi;
	}
	return t;
}

static int
ends_sentence(const struct content_node *ci)
{
	const xmlNode *n = ci->node;
	const xmlNode *last = NULL;

	/* last text node in document order within n */
	while (n) {
		const xmlNode *ch = n->last;

		while (ch && ch->type != XML_ELEMENT_NODE &&
		       ch->type != XML_TEXT_NODE)
			ch = ch->prev;
		if (!ch)
			break;
		if (ch->type == XML_TEXT_NODE) {
			last = ch;
			break;
		}
		n = ch;
	}
	if (last && last->content) {
		const char *s = (const char *)last->content;
		size_t l = strlen(s);

		while (l && (s[l - 1] == ' ' || s[l - 1] == '\n' ||
			     s[l - 1] == '\t' || s[l - 1] == '\r'))
			l--;
		return l && (s[l - 1] == '.' || s[l - 1] == '!' ||
			     s[l - 1] == '?' || s[l - 1] == '"');
	}
	return 0;
}

/* Marks the top candidate and its related siblings as selected. */
static void
select_siblings(struct content *c, struct content_node *t)
{
	xmlNodePtr parent = t->node->parent, s;
	float threshold = t->score * W_SIBLING_RATIO;
	const char *tcls = dom_attr(t->node, "class");

	t->state |= ST_SELECTED;
	if (threshold < W_SIBLING_MIN)
		threshold = W_SIBLING_MIN;
	if (!parent || !info(c, parent))
		return;
	for (s = parent->children; s; s = s->next) {
		struct content_node *si = info(c, s);
		float bonus = 0;
		const char *scls;

		if (!si || si == t || !live(si) || (si->flags & HT_H1))
			continue;
		scls = dom_attr(s, "class");
		if (tcls && scls && *tcls && strcmp(tcls, scls) == 0)
			bonus = t->score * W_SIBLING_CLASS_BONUS;
		if ((si->state & ST_SCORED) && si->good > 0 &&
		    si->score + bonus >= threshold) {
			si->state |= ST_SELECTED;
		} else if (si->flags & (HT_P | HT_PARA)) {
			double ld = link_density(si);

			if (si->text > W_SIBLING_TEXT && ld < W_SIBLING_LINKS)
				si->state |= ST_SELECTED;
			else if (si->text <= W_SIBLING_TEXT && si->text > 0 &&
				 ld == 0 &&
				 ends_sentence(si))
				si->state |= ST_SELECTED;
		}
	}
}

/* Readability-like conditional cleaning of containers inside the
 * content. Returns 1 to drop n. */
static int
drop_container(const struct content_node *ci, const struct content_node *ti)
{
	double ld;

	if (ci->state & ST_ARTBODY)
		return 0;
	/* a wrapper of most of the prose stays, whatever its name */
	if (ti->good && (uint64_t)ci->good * W_MOST_PROSE_DIV >= ti->good)
		return 0;
	/* so does a list of links that is most of the text (a post that
	 * shares links): the chosen block has nothing else to say */
	if ((ci->flags & HT_LIST) && ci->weight >= 0 &&
	    (uint64_t)ci->text * W_MOST_PROSE_DIV >= ti->text)
		return 0;
	if (ci->weight < 0)
		return 1;
	if (ci->commas >= W_KEEP_COMMAS)
		return 0;
	ld = link_density(ci);
	if (ci->nimg > 1 && ci->np * W_GALLERY_IMG_DIV < ci->nimg &&
	    ci->text < W_GALLERY_MAX_TEXT)
		return 1;
	if (ci->weight < W_CLASS_WEIGHT && ld > W_LINKY)
		return 1;
	if (ci->weight >= W_CLASS_WEIGHT && ld > W_LINKY_POS)
		return 1;
	return 0;
}

/* ---- serialization ---- */

/* Levels of nesting below the serialized element whose text can be
 * undone (deeper blocks are kept as they are). */
#define MARK_DEPTH 300

/* Separators, weakest first; a stronger one owed replaces a weaker one. */
enum pend { PEND_NONE, PEND_SPACE, PEND_LINE, PEND_PARA };

struct writer {
	struct buf *out; /* destination */
	const char *title; /* the page title (a repeat of it is dropped) */
	enum pend pend;  /* the separator owed before more text */
	const xmlNode *core; /* the best-scored block before climbing, or
				NULL */
	int in_core;     /* the walk is inside core */
	int around;      /* core was spread: short lines around it go */
	const char *desc[3]; /* the page's descriptions (NULL: none) */
	int err;         /* PT_ETOOBIG once the cap is hit */
	size_t mark[MARK_DEPTH]; /* out->len where marked[depth] began */
	const xmlNode *marked[MARK_DEPTH]; /* open element at each depth */
};

static void
w_add(struct writer *w, const char *p, size_t n)
{
	if (w->err)
		return;
	if (w->pend && w->out->len) {
		static const char *const sep[] = { [PEND_SPACE] = " ",
						    [PEND_LINE] = "\n",
						    [PEND_PARA] = "\n\n" };
		const char *s = sep[w->pend];

		if (buf_adds(w->out, s) < 0) {
			w->err = PT_ETOOBIG;
			return;
		}
	}
	w->pend = PEND_NONE;
	if (buf_add(w->out, p, n) < 0)
		w->err = PT_ETOOBIG;
}

static void
w_text(struct writer *w, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + strlen(s);

	while (p < end) {
		const unsigned char *q = p;
		size_t sw;

		while (q < end && !is_space_at(q, end, &sw) &&
		       !(q[0] == 0xC2 && q + 1 < end && q[1] == 0xAD))
			q += sw;
		if (q > p)
			w_add(w, (const char *)p, (size_t)(q - p));
		if (q + 1 < end && q[0] == 0xC2 && q[1] == 0xAD) {
			/* a soft hyphen is a place to break a word, not text */
			p = q + 2;
			continue;
		}
		if (q < end) {
			if (w->pend == PEND_NONE)
				w->pend = PEND_SPACE;
			while (q < end && is_space_at(q, end, &sw))
				q += sw;
		}
		p = q;
	}
}

static void
w_break(struct writer *w, enum pend level)
{
	if (w->out->len && w->pend < level)
		w->pend = level;
}

static int
drop_inside(const struct content *c, const struct content_node *ci,
	    const xmlNode *top)
{
	if (!live(ci))
		return 1;
	if (ci->node == top)
		return 0;
	if (ci->flags & HT_H1)
		return 1;
	if ((ci->flags & HT_HEAD) &&
	    (ci->weight < 0 || link_density(ci) > W_LINKY))
		return 1;
	if ((ci->flags & HT_CONT) && drop_container(ci, info(c, top)))
		return 1;
	/* an inline card of an image and links inside a paragraph (a hover
	 * card, an inline teaser) */
	if (strcmp((const char *)ci->node->name, "span") == 0 &&
	    ci->nimg > 0 && ci->text >= W_CARD_MIN_TEXT &&
	    ci->link * 10 >= ci->text * W_CARD_LINK_TENTHS) {
		const xmlNode *ch;

		for (ch = ci->node->children; ch; ch = ch->next)
			if (ch->type == XML_ELEMENT_NODE &&
			    (info(c, ch) && (info(c, ch)->flags & HT_LINK)))
				return 0;
		return 1;
	}
	return 0;
}

/* 1 when s[0..l) has ASCII letters, all of them capitals. */
static int
shouts(const char *s, size_t l)
{
	size_t i, upper = 0;

	for (i = 0; i < l; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		if (s[i] >= 'A' && s[i] <= 'Z')
			upper++;
	}
	return upper >= W_SHOUT_MIN;
}

/* Leaving block ci, whose text starts at out[m]: drops the text again when
 * it is only the page title, a boilerplate line ("Read more"), a short
 * line of links, a short paragraph calling to action ("Sign up for our
 * newsletter") or, around the chosen block, a line in capitals (a banner,
 * a call to action). */
static void
drop_short_block(const struct content_node *ci, struct writer *w, size_t m)
{
	const char *s = w->out->p + m;
	size_t l = w->out->len - m;

	while (l && (*s == '\n' || *s == ' ')) {
		s++;
		l--;
	}
	if ((w->title && strlen(w->title) == l &&
	     strncasecmp(w->title, s, l) == 0) ||
	    (ci->text < W_SHORT_TEXT && hints_boiler_text(s, l)) ||
	    (ci->text < W_SHORT_TEXT && w->core && !w->in_core &&
	     shouts(s, l)) ||
	    (!(ci->flags & HT_HEAD) && hints_call_text(s, l)) ||
	    (ci->text < W_SHORT_TEXT &&
	     ci->link * 10 >= ci->text * W_SHORT_LINK_TENTHS &&
	     !(ci->flags & HT_QUOTE)))
		buf_truncate(w->out, m);
}

/* Entering element n at `depth` below top: the break before it, and a
 * mark to undo its text. Returns 1 to write its children. */
static int
enter_element(const struct content *c, xmlNodePtr n, xmlNodePtr top,
	      struct writer *w, int depth)
{
	const struct content_node *ci = info(c, n);

	if (!ci || drop_inside(c, ci, top))
		return 0;
	/* around the chosen block, a short line that is no prose (a kicker,
	 * a dateline, a byline) is not the article's */
	if (w->around && !w->in_core && n != top && ci->good == 0 &&
	    ci->text < W_AROUND_MIN_TEXT &&
	    (ci->flags & (HT_BLOCK | HT_PARA)) && !(ci->flags & HT_BR))
		return 0;
	if (n == w->core)
		w->in_core = 1;
	if (ci->flags & HT_BR)
		w_break(w, PEND_LINE);
	else if (ci->flags & HT_BLOCK)
		w_break(w, PEND_PARA);
	else if (ci->flags & HT_CELL)
		w_break(w, PEND_SPACE);
	if (!n->children)
		return 0;
	if (depth < MARK_DEPTH) {
		w->mark[depth] = w->out->len;
		w->marked[depth] = n;
	}
	return 1;
}

/* 1 when the next element after n (or after the nearest ancestor that
 * has one) is core: n opens its text. */
static int
opens(const xmlNode *n, const xmlNode *core)
{
	const xmlNode *s;

	for (; n; n = n->parent)
		for (s = n->next; s; s = s->next)
			if (s->type == XML_ELEMENT_NODE)
				return s == core;
	return 0;
}

/* 1 when a[0..la) and b say the same, ignoring ASCII spaces and
 * punctuation ("Editorial" above a line is "Editorial: " before it). */
static int
same_text(const char *a, size_t la, const char *b)
{
	const char *ea = a + la;

	for (;;) {
		while (a < ea && (unsigned char)*a < 0x80 &&
		       !isalnum((unsigned char)*a))
			a++;
		while (*b && (unsigned char)*b < 0x80 &&
		       !isalnum((unsigned char)*b))
			b++;
		if (a >= ea || !*b)
			return a >= ea && !*b;
		if (*a != *b)
			return 0;
		a++;
		b++;
	}
}

/* 1 when out[m..] is one of the page's descriptions, or one after its
 * kicker ("Analysis: ..."). */
static int
is_description(const struct writer *w, size_t m)
{
	int i;

	for (i = 0; i < 3; i++) {
		const char *d = w->desc[i], *k;

		if (!d)
			continue;
		if (same_text(w->out->p + m, w->out->len - m, d))
			return 1;
		k = strstr(d, ": ");
		if (k && k - d < W_KICKER_MAX &&
		    same_text(w->out->p + m, w->out->len - m, k + 2))
			return 1;
	}
	return 0;
}

/* Leaving element n at `depth` below top: a block ends its paragraph,
 * after dropping a short one that is boilerplate or a summary. */
static void
leave_element(const struct content *c, const xmlNode *n, const xmlNode *top,
	      struct writer *w, int depth)
{
	const struct content_node *ci = info(c, n);

	if (n == w->core)
		w->in_core = 0;
	if (!ci || n == top || !(ci->flags & (HT_BLOCK | HT_PARA)) ||
	    (ci->flags & HT_CELL) || !live(ci))
		return;
	if (depth < MARK_DEPTH && w->marked[depth] == n &&
	    w->mark[depth] <= w->out->len) {
		if (ci->text < W_UNDO_MAX_TEXT)
			drop_short_block(ci, w, w->mark[depth]);
		/* outside the chosen block, a block of a search snippet's
		 * length saying what the page's description says is its
		 * summary (a standfirst, a dek), not its text; a longer one is
		 * the lead the description was cut from, and a lead that opens
		 * the text stays */
		if (w->core && !w->in_core && n != w->core &&
		    w->out->len - w->mark[depth] <= W_DEK_MAX &&
		    !opens(n, w->core) &&
		    w->mark[depth] < w->out->len &&
		    is_description(w, w->mark[depth]))
			buf_truncate(w->out, w->mark[depth]);
	}
	w_break(w, PEND_PARA);
}

/* Serializes the subtree of `top`. */
static void
serialize(const struct content *c, xmlNodePtr top, struct writer *w)
{
	struct dom_walk dw;
	int down = 0;

	for (dom_walk_init(&dw, top); dw.n; dom_walk_next(&dw, down)) {
		xmlNodePtr n = dw.n;

		down = 0;
		if (!dw.in) {
			if (n->type == XML_ELEMENT_NODE)
				leave_element(c, n, top, w, dw.depth);
		} else if (w->err) {
			break;
		} else if (n->type == XML_ELEMENT_NODE) {
			down = enter_element(c, n, top, w, dw.depth);
		} else if ((n->type == XML_TEXT_NODE ||
			    n->type == XML_CDATA_SECTION_NODE) &&
			   n->content) {
			w_text(w, (const char *)n->content);
		}
	}
}

/* Writes the JSON-LD body, one paragraph per non-empty line. */
static void
write_hint(const char *hint, struct writer *w)
{
	const char *p = hint;

	while (*p && !w->err) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *line = pt_xstrndup(p, n);

		w_break(w, PEND_PARA);
		w_text(w, line);
		free(line);
		p += n;
		if (*p)
			p++;
	}
}

static size_t
hint_len(const char *hint)
{
	size_t n = 0;

	for (; hint && *hint; hint++)
		if ((unsigned char)*hint > ' ')
			n++;
	return n;
}

/* One round of choosing and writing the content into w (reset first):
 * boilerplate removal, scoring, the top container, its spread and its
 * siblings. */
static void
choose_and_write(struct content *c, xmlNodePtr root, struct writer *w)
{
	struct content_node *top[W_TOP_KEEP], *t;
	size_t nt = 0;
	xmlNodePtr s;

	buf_reset(w->out);
	w->pend = PEND_NONE;
	w->core = NULL;
	w->in_core = 0;
	w->around = 0;
	remove_boilerplate(c, root);
	aggregate(c, root);
	t = score(c, root, top, &nt);
	if (!t)
		return;
	w->core = t->node;
	t = refine_top(c, root, top, nt);
	t = spread_top(c, root, t);
	w->around = t->node != w->core;
	select_siblings(c, t);
	if (!t->node->parent) {
		serialize(c, t->node, w);
		return;
	}
	for (s = t->node->parent->children; s; s = s->next) {
		struct content_node *si = info(c, s);

		if (si && (si->state & ST_SELECTED)) {
			w_break(w, PEND_PARA);
			serialize(c, s, w);
		}
	}
	w->core = NULL;
}

/* The relaxed hints of the second round: no box is boilerplate by its
 * class or id alone, nothing removed or chosen yet. */
static void
relax_hints(struct content *c, xmlNodePtr root)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct content_node *ci = &c->v[i];

		ci->state &= ~(unsigned)(ST_REMOVED | ST_SELECTED);
		if (ci->state & ST_HINTBOIL)
			ci->state &= ~(unsigned)ST_BOILER;
	}
	aggregate(c, root);
}

/* The last resort, after trafilatura's baseline: every prose paragraph of
 * the page (low link density, a sentence long) in document order, outside
 * boxes that are boilerplate by their tag. */
static void
write_baseline(struct content *c, xmlNodePtr root, struct writer *w)
{
	const xmlNode *last = NULL;
	size_t i;

	buf_reset(w->out);
	w->pend = PEND_NONE;
	w->core = NULL;
	for (i = 0; i < c->n; i++) {
		struct content_node *ci = &c->v[i];
		const xmlNode *up;

		if (!ci->prose || !live(ci) ||
		    (last && is_ancestor(last, ci->node)))
			continue;
		for (up = ci->node; up && up != root; up = up->parent) {
			const struct content_node *ui = info(c, up);

			if (ui && (ui->flags & HT_BOILER) &&
			    !(ui->state & ST_INART))
				break;
		}
		if (up && up != root)
			continue;
		w_break(w, PEND_PARA);
		serialize(c, ci->node, w);
		last = ci->node;
	}
}

/* 1 when a text of len bytes is short for a page of `visible` prose
 * bytes: under W_MIN_TEXT, or under 1/W_SHORT_DIV of the prose. */
static int
is_short(size_t len, uint32_t visible)
{
	return len < W_MIN_TEXT || len * W_SHORT_DIV < visible;
}

/* Keeps the longer of the text in w->out and the one saved in `best`:
 * best gets the longer one. */
static void
keep_longer(struct writer *w, struct buf *best)
{
	if (w->err || w->out->len <= best->len)
		return;
	buf_reset(best);
	if (buf_add(best, w->out->p, w->out->len) < 0)
		w->err = PT_ETOOBIG;
}

/* The page's descriptions (<meta> description, og: and twitter:) into
 * desc[0..3), NULL when absent; they point into the tree. */
static void
page_descriptions(const xmlNode *root, const char *desc[3])
{
	static const char *const keys[3] = { "description", "og:description",
					     "twitter:description" };
	const xmlNode *h = root->parent ? root->parent->children : NULL;
	const xmlNode *m;
	int i;

	desc[0] = desc[1] = desc[2] = NULL;
	while (h && (h->type != XML_ELEMENT_NODE ||
		     strcmp((const char *)h->name, "head") != 0))
		h = h->next;
	for (m = h ? h->children : NULL; m; m = m->next) {
		const char *k, *v;

		if (m->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)m->name, "meta") != 0)
			continue;
		k = dom_attr(m, "property");
		if (!k || !*k)
			k = dom_attr(m, "name");
		v = dom_attr(m, "content");
		if (!k || !v || !*v)
			continue;
		for (i = 0; i < 3; i++)
			if (strcasecmp(k, keys[i]) == 0)
				desc[i] = v;
	}
}

int
content_extract(struct content *c, xmlNodePtr root, const char *hint,
		const char *title, struct buf *out)
{
	struct writer w = { .out = out, .title = title };
	struct buf best;
	uint32_t visible;
	size_t hl;

	if (!root)
		return 0;
	page_descriptions(root, w.desc);
	if (!c->tags)
		c->tags = pt_xcalloc(TAG_CACHE, sizeof(*c->tags));
	index_tree(c, root);
	aggregate(c, root);
	visible = info(c, root) ? info(c, root)->good : 0;
	choose_and_write(c, root, &w);
	hl = hint_len(hint);
	if (w.err || (!is_short(out->len, visible) &&
		      !(hl >= W_MIN_TEXT && out->len * W_HINT_DIV < hl)))
		return w.err;
	/* the fallback cascade: relaxed hints, the JSON-LD articleBody, the
	 * page's prose paragraphs, its whole visible text */
	buf_init(&best, 0);
	keep_longer(&w, &best);
	relax_hints(c, root);
	choose_and_write(c, root, &w);
	keep_longer(&w, &best);
	if (hl >= W_MIN_TEXT && best.len * W_HINT_DIV < hl) {
		buf_reset(out);
		w.pend = PEND_NONE;
		write_hint(hint, &w);
		keep_longer(&w, &best);
	}
	if (is_short(best.len, visible)) {
		write_baseline(c, root, &w);
		keep_longer(&w, &best);
	}
	if (best.len < W_MIN_TEXT) {
		buf_reset(out);
		w.pend = PEND_NONE;
		w.core = NULL;
		serialize(c, root, &w);
		keep_longer(&w, &best);
	}
	buf_reset(out);
	if (!w.err && buf_add(out, best.p, best.len) < 0)
		w.err = PT_ETOOBIG;
	buf_release(&best);
	return w.err;
}
