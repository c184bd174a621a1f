/* hints.c -- tag kinds and class/id hints for content extraction. The
 * tag kinds are structure and stay here; the word lists are data
 * (data/lexicon/html-hints.tsv, compiled into hints_table.h's table). */
#include "analyzer/extract/hints.h"

#include "analyzer/extract/hints_table.h"
#include "analyzer/extract/weights.h"

#include <stdlib.h>
#include <string.h>

struct tagdef {
	const char *name;
	unsigned flags;
};

#define BL HT_BLOCK
static const struct tagdef tags[] = { /* sorted by name */
	{ "a", HT_LINK },
	{ "address", BL },
	{ "applet", HT_SKIP },
	{ "article", BL | HT_ARTICLE | HT_CONT },
	{ "aside", BL | HT_BOILER },
	{ "audio", HT_SKIP | HT_EMBED },
	{ "blockquote", BL | HT_PARA | HT_QUOTE },
	{ "body", BL | HT_BODY },
	{ "br", HT_BR },
	{ "button", HT_SKIP | HT_INPUT },
	{ "canvas", HT_SKIP },
	{ "caption", BL },
	{ "center", BL },
	{ "datalist", HT_SKIP },
	{ "dd", BL | HT_PARA | HT_LI },
	{ "details", BL },
	{ "dialog", HT_SKIP },
	{ "div", BL | HT_CONT },
	{ "dl", BL | HT_LIST | HT_CONT },
	{ "dt", BL | HT_PARA | HT_LI },
	{ "embed", HT_SKIP | HT_EMBED },
	{ "fieldset", BL | HT_CONT },
	{ "figcaption", BL | HT_BOILER },
	{ "figure", BL | HT_BOILER | HT_FIGURE },
	{ "footer", BL | HT_BOILER },
	{ "form", BL | HT_CONT },
	{ "frame", HT_SKIP },
	{ "frameset", HT_SKIP },
	{ "h1", BL | HT_PARA | HT_HEAD | HT_H1 },
	{ "h2", BL | HT_PARA | HT_HEAD },
	{ "h3", BL | HT_PARA | HT_HEAD },
	{ "h4", BL | HT_PARA | HT_HEAD },
	{ "h5", BL | HT_PARA | HT_HEAD },
	{ "h6", BL | HT_PARA | HT_HEAD },
	{ "head", HT_SKIP },
	{ "header", BL | HT_BOILER },
	{ "hr", BL },
	{ "iframe", HT_SKIP | HT_EMBED },
	{ "img", HT_IMG },
	{ "input", HT_SKIP | HT_INPUT },
	{ "label", HT_SKIP },
	{ "legend", BL },
	{ "li", BL | HT_PARA | HT_LI },
	{ "link", HT_SKIP },
	{ "main", BL | HT_MAIN },
	{ "map", HT_SKIP },
	{ "math", HT_SKIP },
	{ "menu", BL | HT_BOILER },
	{ "meta", HT_SKIP },
	{ "nav", BL | HT_BOILER },
	/* a box, not skipped: an unclosed element in it can nest the page
	 * inside it, and some pages have their text only there */
	{ "noscript", BL | HT_BOILER },
	{ "object", HT_SKIP | HT_EMBED },
	{ "ol", BL | HT_LIST | HT_CONT },
	{ "optgroup", HT_SKIP },
	{ "option", HT_SKIP },
	{ "p", BL | HT_PARA | HT_P },
	{ "picture", HT_IMG },
	{ "pre", BL | HT_PARA },
	{ "rp", HT_SKIP }, /* ruby: the reading is not the text */
	{ "rt", HT_SKIP },
	{ "rtc", HT_SKIP },
	{ "script", HT_SKIP },
	{ "section", BL | HT_CONT },
	{ "select", HT_SKIP | HT_INPUT },
	{ "style", HT_SKIP },
	{ "summary", BL },
	{ "svg", HT_SKIP },
	{ "table", BL | HT_CONT | HT_TABLE },
	{ "tbody", BL },
	{ "td", HT_CELL | HT_PARA },
	{ "template", HT_SKIP },
	{ "textarea", HT_SKIP | HT_INPUT },
	{ "tfoot", BL },
	{ "th", HT_CELL | HT_PARA },
	{ "thead", BL },
	{ "title", HT_SKIP },
	{ "tr", BL | HT_TR },
	{ "ul", BL | HT_LIST | HT_CONT },
	{ "video", HT_SKIP | HT_EMBED },
};
#undef BL

static int
tag_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct tagdef *)e)->name);
}

unsigned
hints_tag(const char *name)
{
	const struct tagdef *t;

	t = bsearch(name, tags, sizeof(tags) / sizeof(tags[0]),
		    sizeof(tags[0]), tag_cmp);
	return t ? t->flags : 0;
}

/* Result bits of scanning one class or id string. */
enum {
	R_POS = 1,
	R_NEG = 2,
	R_BOIL = 4,
	R_HIDE = 8,
	R_KEEP = 16,
	R_PAGE = 32
};

/* Results of recent class strings (class names repeat within a page). */
#define RCACHE 512
struct rcache_entry {
	char s[96];      /* the string (only strings shorter than this) */
	unsigned char r; /* its R_* bits */
	unsigned char used; /* entry filled */
};
static _Thread_local struct rcache_entry rcache[RCACHE];

static unsigned
kind_bits(int kind)
{
	switch (kind) {
	case HK_BOILER:
		return R_BOIL | R_NEG;
	case HK_NEG:
		return R_NEG;
	case HK_POS:
		return R_POS;
	case HK_HIDDEN:
		return R_HIDE;
	case HK_KEEP:
		return R_KEEP;
	case HK_PAGE:
		return R_PAGE;
	}
	return 0;
}

static int
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Bits of the class-sub patterns found anywhere in s[0..len). */
static unsigned
scan_subs(const struct hints_table *t, const char *s, size_t len)
{
	unsigned r = 0;
	size_t i, k;

	for (i = 0; i + 1 < len; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned pair = ((unsigned)c << 8) | (unsigned char)s[i + 1];

		if (!(t->sub_pairs[pair >> 3] & (1u << (pair & 7))))
			continue;
		for (k = t->sub_start[c]; k < t->sub_start[c + 1]; k++)
			if (t->subs[k].len <= len - i &&
			    memcmp(s + i, t->subs[k].s, t->subs[k].len) == 0)
				r |= kind_bits(t->subs[k].kind);
	}
	return r;
}

/* Bits of the patterns that equal a piece s[i..j) whose first byte is in
 * `first`. */
static unsigned
scan_piece(const struct hints_pat *v, size_t n, const unsigned char *first,
	   const char *s, size_t i, size_t j)
{
	unsigned r = 0;
	size_t k;

	if (!first[(unsigned char)s[i]])
		return 0;
	for (k = 0; k < n; k++)
		if (v[k].len == j - i && v[k].s[0] == s[i] &&
		    memcmp(v[k].s, s + i, j - i) == 0)
			r |= kind_bits(v[k].kind);
	return r;
}

/* 1 when s[0..n) is longer than pattern p and ends with it. */
static int
ends_with(const char *s, size_t n, const struct hints_pat *p)
{
	return p->len < n && memcmp(s + n - p->len, p->s, p->len) == 0;
}

/* 1 when the class name s[0..n) is a state or a taxonomy term: it starts
 * with a class-prefix pattern or ends with a class-suffix STATE pattern,
 * and is longer. */
static int
is_state(const struct hints_table *t, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < t->nprefixes; k++)
		if (t->prefixes[k].len < n &&
		    memcmp(s, t->prefixes[k].s, t->prefixes[k].len) == 0)
			return 1;
	for (k = 0; k < t->nsuffixes; k++)
		if (t->suffixes[k].kind == HK_STATE &&
		    ends_with(s, n, &t->suffixes[k]))
			return 1;
	return 0;
}

/* 1 when the class name s[0..n) names the part of another box: it is or
 * ends with a class-suffix PART pattern ("card-header" is the header of a
 * card, not of the page). */
static int
is_part(const struct hints_table *t, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < t->nsuffixes; k++)
		if (t->suffixes[k].kind == HK_PART &&
		    (ends_with(s, n, &t->suffixes[k]) ||
		     (t->suffixes[k].len == n &&
		      memcmp(s, t->suffixes[k].s, n) == 0)))
			return 1;
	return 0;
}

/* Bits of one class name s[i..j): a whole-name pattern, else nothing for
 * a state ("has-sidebar", "tag-newsletter"), else the patterns of the
 * name before a BEM "--modifier" ("story__body--promo" is a body), less
 * the page part when it names the part of another box ("card-header"). */
static unsigned
scan_token(const struct hints_table *t, const char *s, size_t i, size_t j)
{
	unsigned r = scan_piece(t->tokens, t->ntokens, t->token_first, s, i,
				j);
	size_t k, w;

	if (r || is_state(t, s + i, j - i))
		return r;
	for (k = i; k + 1 < j; k++)
		if (s[k] == '-' && s[k + 1] == '-')
			break;
	if (k + 1 < j)
		j = k;
	if (j <= i)
		return 0;
	r = scan_subs(t, s + i, j - i);
	for (k = i; k < j; k = w) {
		while (k < j && !is_alnum(s[k]))
			k++;
		for (w = k; w < j && is_alnum(s[w]); w++)
			;
		if (w == k)
			break;
		if (w - k <= HINTS_WORD_MAX)
			r |= scan_piece(t->words, t->nwords, t->word_first, s,
					k, w);
	}
	if ((r & R_PAGE) && is_part(t, s + i, j - i))
		r &= ~(unsigned)R_PAGE;
	return r;
}

/* 1 when the class name s[0..n) shows an element from some screen width
 * on ("lg:flex", "md:block", "d-md-block"): a "hidden" beside it hides it
 * on small screens only. */
static int
shows_responsive(const char *s, size_t n)
{
	static const char *const shows[] = { "block", "flex", "grid",
					     "inline", "inline-block",
					     "inline-flex", "table", NULL };
	const char *v = memchr(s, ':', n);
	size_t i, l;

	if (v)
		v++;
	else if (n > 5 && memcmp(s, "d-", 2) == 0 &&
		 (v = memchr(s + 2, '-', n - 2)) != NULL)
		v++;
	else
		return 0;
	l = n - (size_t)(v - s);
	for (i = 0; shows[i]; i++)
		if (strlen(shows[i]) == l && memcmp(v, shows[i], l) == 0)
			return 1;
	return 0;
}

/* Scans one lowercased class or id string, name by name. Names weigh
 * against each other: the string is a boilerplate box when a name says so
 * and no more names say content ("post-content comments" stays a box,
 * "post entry widget" is a post). */
static unsigned
scan_hints(const char *s, size_t len)
{
	const struct hints_table *t = &hints_table;
	unsigned r = 0, tr;
	size_t i, j, nboil = 0, npos = 0;
	int shown = 0;

	for (i = 0; i < len; i = j) {
		while (i < len && s[i] == ' ')
			i++;
		for (j = i; j < len && s[j] != ' '; j++)
			;
		if (j == i)
			break;
		tr = scan_token(t, s, i, j);
		shown |= shows_responsive(s + i, j - i);
		if (tr & (R_BOIL | R_PAGE))
			nboil++;
		else if (tr & R_POS)
			npos++;
		r |= tr;
	}
	if (shown)
		r &= ~(unsigned)R_HIDE;
	if ((r & (R_BOIL | R_PAGE)) && npos > nboil)
		r &= ~(unsigned)(R_BOIL | R_PAGE);
	return r;
}

/* Lowercases src into dst (cap n), returns the length. Whitespace becomes
 * one space. */
static size_t
lower(char *dst, size_t n, const char *src)
{
	size_t o = 0;

	for (; *src && o + 1 < n; src++) {
		char c = *src;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == '\t' || c == '\n' || c == '\r' || c == '\f')
			c = ' ';
		dst[o++] = c;
	}
	dst[o] = '\0';
	return o;
}

static unsigned
scan_cached(const char *src)
{
	char tmp[256];
	size_t n = lower(tmp, sizeof(tmp), src), i;
	unsigned h = 2166136261u, r;
	struct rcache_entry *e;

	if (n >= sizeof(rcache[0].s))
		return scan_hints(tmp, n);
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)tmp[i]) * 16777619u;
	e = &rcache[h & (RCACHE - 1)];
	if (e->used && strcmp(e->s, tmp) == 0)
		return e->r;
	r = scan_hints(tmp, n);
	memcpy(e->s, tmp, n + 1);
	e->r = (unsigned char)r;
	e->used = 1;
	return r;
}

void
hints_classify(const char *cls, const char *id, struct hints_attr *h)
{
	unsigned r = 0;

	memset(h, 0, sizeof(*h));
	if (cls && *cls)
		r |= scan_cached(cls);
	if (id && *id)
		r |= scan_cached(id);
	if (r & R_KEEP)
		r &= ~(unsigned)(R_BOIL | R_NEG | R_PAGE);
	h->boiler = (r & R_BOIL) != 0;
	h->page = !h->boiler && (r & R_PAGE) != 0;
	h->hidden = (r & R_HIDE) != 0;
	h->keep = (r & R_KEEP) != 0;
	h->weight = ((r & R_POS) ? W_CLASS_WEIGHT : 0) -
		    ((r & R_NEG) ? W_CLASS_WEIGHT : 0);
}

int
hints_boiler_text(const char *s, size_t len)
{
	const struct hints_table *t = &hints_table;
	char tmp[HINTS_TEXT_MAX];
	size_t i, n;

	/* a label set off by dashes or a star ("- Anzeige -", "*Werbung") */
	while (len && (*s == ' ' || *s == '-' || *s == '*' || *s == '|')) {
		s++;
		len--;
	}
	if (len >= sizeof(tmp))
		return 0;
	n = 0;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		tmp[n++] = c;
	}
	while (n && (tmp[n - 1] == ' ' || tmp[n - 1] == '\n' ||
		     tmp[n - 1] == ':' || tmp[n - 1] == '.' ||
		     tmp[n - 1] == '-'))
		n--;
	tmp[n] = '\0';
	for (i = 0; i < t->ntexts; i++)
		if (strcmp(tmp, t->texts[i].s) == 0)
			return 1;
	for (i = 0; i < t->nstarts; i++)
		if (strncmp(tmp, t->starts[i].s, t->starts[i].len) == 0)
			return 1;
	return 0;
}

int
hints_call_text(const char *s, size_t len)
{
	const struct hints_table *t = &hints_table;
	size_t i, j, k;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		for (j = 0; j < t->ncalls; j++) {
			const struct hints_pat *p = &t->calls[j];

			if ((unsigned char)p->s[0] != c || p->len > len - i)
				continue;
			for (k = 1; k < p->len; k++) {
				unsigned char d = (unsigned char)s[i + k];

				if (d >= 'A' && d <= 'Z')
					d = (unsigned char)(d - 'A' + 'a');
				if (d != (unsigned char)p->s[k])
					break;
			}
			if (k == p->len)
				return 1;
		}
	}
	return 0;
}
