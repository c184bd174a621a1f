/* hints.c -- tag kinds and class/id hints for content extraction. */
#include "analyzer/extract/hints.h"

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
	{ "noscript", HT_SKIP },
	{ "object", HT_SKIP | HT_EMBED },
	{ "ol", BL | HT_LIST | HT_CONT },
	{ "optgroup", HT_SKIP },
	{ "option", HT_SKIP },
	{ "p", BL | HT_PARA | HT_P },
	{ "picture", HT_IMG },
	{ "pre", BL | HT_PARA },
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

/* Kinds of class/id patterns. */
enum {
	K_BOIL = 1, /* boilerplate box, weight -25 */
	K_NEG = 2,  /* weight -25 */
	K_POS = 3,  /* weight +25 */
	K_HIDE = 4, /* hidden */
	K_KEEP = 5  /* embedded post: never boilerplate */
};

struct pat {
	const char *s;
	int kind;
};

/* Substrings anywhere in "class id" (lowercased). */
static const struct pat subs[] = {
	{ "comment", K_BOIL }, { "kommentar", K_BOIL },
	{ "commenti", K_BOIL }, { "comentario", K_BOIL },
	{ "commentaire", K_BOIL }, { "disqus", K_BOIL },
	{ "sharing", K_BOIL }, { "share", K_BOIL }, { "social", K_BOIL },
	{ "teilen", K_BOIL }, { "compartir", K_BOIL },
	{ "condividi", K_BOIL }, { "partage", K_BOIL },
	{ "related", K_BOIL }, { "relacionad", K_BOIL },
	{ "correlat", K_BOIL }, { "verwandt", K_BOIL },
	{ "terkait", K_BOIL }, { "newsletter", K_BOIL },
	{ "subscri", K_BOIL }, { "signup", K_BOIL }, { "sign-up", K_BOIL },
	{ "cookie", K_BOIL }, { "consent", K_BOIL }, { "gdpr", K_BOIL },
	{ "promo", K_BOIL }, { "advert", K_BOIL }, { "sponsor", K_BOIL },
	{ "werbung", K_BOIL }, { "anzeige", K_BOIL },
	{ "publicidad", K_BOIL }, { "pubblicit", K_BOIL },
	{ "reklam", K_BOIL }, { "iklan", K_BOIL },
	{ "sidebar", K_BOIL }, { "footer", K_BOIL }, { "masthead", K_BOIL },
	{ "breadcrumb", K_BOIL }, { "caption", K_BOIL },
	{ "credit", K_BOIL }, { "popup", K_BOIL }, { "modal", K_BOIL },
	{ "outbrain", K_BOIL }, { "taboola", K_BOIL },
	{ "recommend", K_BOIL }, { "empfehl", K_BOIL },
	{ "paywall", K_BOIL }, { "navbar", K_BOIL }, { "navigation", K_BOIL },
	{ "toolbar", K_BOIL }, { "byline", K_BOIL }, { "author", K_BOIL },
	{ "widget", K_BOIL }, { "popular", K_BOIL }, { "trending", K_BOIL },
	{ "readmore", K_BOIL }, { "read-more", K_BOIL },
	{ "more-stories", K_BOIL }, { "also-read", K_BOIL },
	{ "lire-aussi", K_BOIL }, { "leia-tambem", K_BOIL },
	{ "veja-tambem", K_BOIL }, { "baca-juga", K_BOIL },
	{ "skip-link", K_BOIL }, { "tag-list", K_BOIL }, { "taglist", K_BOIL },
	{ "timestamp", K_BOIL }, { "dateline", K_NEG },
	{ "header", K_BOIL }, { "banner", K_BOIL }, { "overlay", K_BOIL },
	{ "print", K_NEG }, { "foot", K_NEG }, { "scroll", K_NEG },
	{ "shoutbox", K_BOIL }, { "shopping", K_NEG },
	{ "combx", K_NEG }, { "contact", K_NEG }, { "login", K_BOIL },
	{ "rating", K_NEG }, { "pagination", K_BOIL }, { "pager", K_NEG },
	{ "article", K_POS }, { "artikel", K_POS }, { "articolo", K_POS },
	{ "articulo", K_POS }, { "body", K_POS }, { "content", K_POS },
	{ "entry", K_POS }, { "post", K_POS }, { "text", K_POS },
	{ "blog", K_POS }, { "story", K_POS }, { "prose", K_POS },
	{ "inhalt", K_POS }, { "contenido", K_POS }, { "conteudo", K_POS },
	{ "noticia", K_POS }, { "texto", K_POS }, { "corpo", K_POS },
	{ "testo", K_POS }, { "beitrag", K_POS }, { "haupt", K_POS },
	{ "cuerpo", K_POS }, { "materia", K_POS }, { "detail", K_POS },
	{ "main", K_POS }, { "tweet", K_KEEP }, { "instagram-media", K_KEEP },
	{ "social-media-embed", K_KEEP }, { "social-embed", K_KEEP },
	{ "embed-social", K_KEEP }, { "embedded-post", K_KEEP },
};

/* Whole words (split at anything not a letter or digit). */
static const struct pat words[] = {
	{ "ad", K_BOIL }, { "ads", K_BOIL }, { "adv", K_BOIL },
	{ "advertisement", K_BOIL }, { "adsense", K_BOIL },
	{ "dfp", K_BOIL }, { "gpt", K_BOIL }, { "pub", K_BOIL },
	{ "nav", K_BOIL }, { "menu", K_BOIL }, { "tags", K_BOIL },
	{ "tag", K_NEG }, { "meta", K_BOIL }, { "date", K_BOIL },
	{ "aside", K_BOIL }, { "links", K_NEG }, { "tools", K_BOIL },
	{ "share", K_BOIL }, { "follow", K_BOIL }, { "hid", K_NEG },
	{ "media", K_NEG }, { "photo", K_NEG }, { "video", K_NEG },
	{ "gallery", K_NEG }, { "more", K_NEG }, { "teaser", K_NEG },
	{ "rail", K_BOIL }, { "cta", K_BOIL }, { "donate", K_BOIL },
	{ "newsletters", K_BOIL }, { "subnav", K_BOIL },
};

/* Whole class names that hide (checked on space-separated tokens). */
static const char *const hide_tokens[] = {
	"sr-only", "visually-hidden", "screen-reader-text", "screenreader",
	"element-invisible", "u-hidden", "is-hidden", "hidden", "d-none",
	"hide", "off-screen", "visuallyhidden", "ghost", "js-hidden",
};

/* Result bits of scanning one class or id string. */
enum {
	R_POS = 1,
	R_NEG = 2,
	R_BOIL = 4,
	R_HIDE = 8,
	R_KEEP = 16
};

#define NSUBS (sizeof(subs) / sizeof(subs[0]))
#define NWORDS (sizeof(words) / sizeof(words[0]))
#define NHIDE (sizeof(hide_tokens) / sizeof(hide_tokens[0]))

/* Patterns indexed by first byte, with their lengths; built once. */
static _Thread_local unsigned char sub_first[256], word_first[256],
	hide_first[256];
static _Thread_local unsigned char sub_len[NSUBS], word_len[NWORDS],
	hide_len[NHIDE];
/* subs indices grouped by first byte: sub_order[sub_start[c] ..] */
static _Thread_local unsigned char sub_order[NSUBS], sub_start[256];
/* bit set of the first two bytes of every `subs` pattern */
static _Thread_local unsigned char sub_pair[65536 / 8];
static _Thread_local int index_ready;

/* Results of recent class strings (class names repeat within a page). */
#define RCACHE 512
struct rcache_entry {
	char s[96];      /* the string (only strings shorter than this) */
	unsigned char r; /* its R_* bits */
	unsigned char used; /* entry filled */
};
static _Thread_local struct rcache_entry rcache[RCACHE];

static void
build_index(void)
{
	size_t i, k = 0;
	int c;

	for (c = 0; c < 256; c++) {
		sub_start[c] = (unsigned char)k;
		for (i = 0; i < NSUBS; i++)
			if ((unsigned char)subs[i].s[0] == c)
				sub_order[k++] = (unsigned char)i;
		sub_first[c] = (unsigned char)(k - sub_start[c]);
	}
	for (i = 0; i < NSUBS; i++) {
		unsigned pair = ((unsigned)(unsigned char)subs[i].s[0] << 8) |
				(unsigned char)subs[i].s[1];

		sub_len[i] = (unsigned char)strlen(subs[i].s);
		sub_pair[pair >> 3] |= (unsigned char)(1u << (pair & 7));
	}
	for (i = 0; i < NWORDS; i++) {
		word_first[(unsigned char)words[i].s[0]] = 1;
		word_len[i] = (unsigned char)strlen(words[i].s);
	}
	for (i = 0; i < NHIDE; i++) {
		hide_first[(unsigned char)hide_tokens[i][0]] = 1;
		hide_len[i] = (unsigned char)strlen(hide_tokens[i]);
	}
	index_ready = 1;
}

static unsigned
kind_bits(int kind)
{
	switch (kind) {
	case K_BOIL:
		return R_BOIL | R_NEG;
	case K_NEG:
		return R_NEG;
	case K_POS:
		return R_POS;
	case K_HIDE:
		return R_HIDE;
	case K_KEEP:
		return R_KEEP;
	}
	return 0;
}

static int
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Scans one lowercased string. */
static unsigned
scan_hints(const char *s, size_t len)
{
	unsigned r = 0;
	size_t i, j, k;

	/* substrings */
	for (i = 0; i + 1 < len; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned pair = ((unsigned)c << 8) | (unsigned char)s[i + 1];
		size_t m;

		if (!(sub_pair[pair >> 3] & (1u << (pair & 7))))
			continue;

		for (m = 0; m < sub_first[c]; m++) {
			k = sub_order[sub_start[c] + m];
			if (sub_len[k] <= len - i &&
			    memcmp(s + i, subs[k].s, sub_len[k]) == 0)
				r |= kind_bits(subs[k].kind);
		}
	}
	/* words */
	for (i = 0; i < len; i = j) {
		while (i < len && !is_alnum(s[i]))
			i++;
		for (j = i; j < len && is_alnum(s[j]); j++)
			;
		if (j == i)
			break;
		if (!word_first[(unsigned char)s[i]] || j - i > 16)
			continue;
		for (k = 0; k < NWORDS; k++)
			if (word_len[k] == j - i && words[k].s[0] == s[i] &&
			    memcmp(words[k].s, s + i, j - i) == 0)
				r |= kind_bits(words[k].kind);
	}
	/* hiding class names */
	for (i = 0; i < len; i = j) {
		while (i < len && s[i] == ' ')
			i++;
		for (j = i; j < len && s[j] != ' '; j++)
			;
		if (j == i || !hide_first[(unsigned char)s[i]])
			continue;
		for (k = 0; k < NHIDE; k++)
			if (hide_len[k] == j - i &&
			    memcmp(hide_tokens[k], s + i, j - i) == 0)
				r |= R_HIDE;
	}
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
	if (!index_ready)
		build_index();
	if (cls && *cls)
		r |= scan_cached(cls);
	if (id && *id)
		r |= scan_cached(id);
	if (r & R_KEEP)
		r &= ~(unsigned)(R_BOIL | R_NEG);
	h->boiler = (r & R_BOIL) != 0;
	h->hidden = (r & R_HIDE) != 0;
	h->keep = (r & R_KEEP) != 0;
	h->weight = ((r & R_POS) ? 25 : 0) - ((r & R_NEG) ? 25 : 0);
}

int
hints_boiler_text(const char *s, size_t len)
{
	/* whole texts */
	static const char *const labels[] = {
		"ad", "ads", "advert", "advertisement", "advertisment",
		"anzeige", "werbung", "publicidad", "publicidade",
		"pubblicità", "publicité", "sponsored", "comments", "comment",
		"share", "share this", "tweet", "print", "email",
		"tell us what you think...", "tell us what you think",
		"more", "read more", "related",
	};
	/* beginnings */
	static const char *const phrases[] = {
		"advertisement", "share this", "share on", "sign up",
		"subscribe", "read more", "read next", "related:",
		"related articles", "related stories", "recommended",
		"click here", "follow us", "newsletter", "leia também",
		"leia mais", "lire aussi", "lee también", "mehr zum thema",
		"baca juga", "story continues below", "continue reading",
		"you may also like", "you might also like", "more from",
		"also read", "this slideshow requires javascript",
		"get the latest", "download the app",
	};
	char tmp[160];
	size_t i, n;

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
		     tmp[n - 1] == ':' || tmp[n - 1] == '.'))
		n--;
	tmp[n] = '\0';
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(tmp, labels[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
		if (strncmp(tmp, phrases[i], strlen(phrases[i])) == 0)
			return 1;
	return 0;
}
