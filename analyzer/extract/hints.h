/* hints.h -- classifying HTML elements for content extraction: tag kinds
 * and class/id/role hints (boilerplate, positive, negative), in several
 * languages.
 *
 * Non-goals: site-specific rules.
 */
#ifndef PT_HINTS_H
#define PT_HINTS_H

#include <stddef.h>

/* Tag kinds (bit flags of hints_tag()). */
enum hints_tag_flags {
	HT_SKIP = 1 << 0,    /* never text: script, style, form controls... */
	HT_BOILER = 1 << 1,  /* boilerplate by tag: nav, aside, footer... */
	HT_BLOCK = 1 << 2,   /* block element: a line break around it */
	HT_PARA = 1 << 3,    /* paragraph-like leaf block: p, pre, li, h2.. */
	HT_LINK = 1 << 4,    /* a */
	HT_HEAD = 1 << 5,    /* h1..h6 */
	HT_CELL = 1 << 6,    /* td, th */
	HT_BR = 1 << 7,      /* br */
	HT_IMG = 1 << 8,     /* img, picture */
	HT_LIST = 1 << 9,    /* ul, ol, dl */
	HT_LI = 1 << 10,     /* li, dt, dd */
	HT_INPUT = 1 << 11,  /* input, select, textarea, button */
	HT_CONT = 1 << 12,   /* container to clean conditionally */
	HT_ARTICLE = 1 << 13, /* article */
	HT_MAIN = 1 << 14,   /* main */
	HT_P = 1 << 15,      /* p */
	HT_H1 = 1 << 16,     /* h1 */
	HT_EMBED = 1 << 17,  /* iframe, object, embed, video */
	HT_BODY = 1 << 18,   /* body */
	HT_TABLE = 1 << 19,  /* table */
	HT_FIGURE = 1 << 20, /* figure */
	HT_QUOTE = 1 << 21,  /* blockquote */
	HT_TR = 1 << 22      /* tr */
};

/* Returns the hints_tag_flags of a lowercase tag name. */
unsigned hints_tag(const char *name);

/* Class/id classification result. */
struct hints_attr {
	int weight;  /* -, 0 or + W_CLASS_WEIGHT (weights.h) */
	int boiler;  /* 1: boilerplate box (share, related, comments, ads...) */
	int hidden;  /* 1: visually hidden (sr-only, hidden...) */
	int keep;    /* 1: embedded post (tweet...), never boilerplate */
	int page;    /* 1: a part of the page (its header): boilerplate with
			weight -W_CLASS_WEIGHT outside <article> and <main>,
			neither inside (not counted in weight) */
};

/* Classifies the class and id strings (either may be NULL) of an element. */
void hints_classify(const char *cls, const char *id, struct hints_attr *h);

/* 1 when a short paragraph text looks like boilerplate ("Advertisement",
 * "Share this article", "Read more"...). */
int hints_boiler_text(const char *s, size_t len);

/* 1 when the text s[0..len) holds a call to action ("sign up for", "click
 * here", "follow us on"...), ASCII case folded. */
int hints_call_text(const char *s, size_t len);

#endif
