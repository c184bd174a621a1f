/* hints_table.h -- the class/id and text patterns of content extraction,
 * with the indexes hints.c scans them by.
 *
 * The table is made by the build from data/lexicon/html-hints.tsv (see its
 * header for what each match and kind means) by scripts/gen_lexicon.py
 * --html-hints, so the data file and the table never drift apart. Only
 * hints.c reads it.
 */
#ifndef PT_HINTS_TABLE_H
#define PT_HINTS_TABLE_H

#include <stddef.h>

/* Longest class-word pattern: longer words of a class are not looked up. */
#define HINTS_WORD_MAX 16
/* Texts of this many bytes or more are never boilerplate lines, so text
 * patterns are shorter. */
#define HINTS_TEXT_MAX 160

/* What a match means (the KIND column). */
enum hints_kind {
	HK_BOILER = 1, /* boilerplate box; weight -W_CLASS_WEIGHT */
	HK_NEG = 2,    /* weight -W_CLASS_WEIGHT (weights.h) */
	HK_POS = 3,    /* weight +W_CLASS_WEIGHT */
	HK_HIDDEN = 4, /* visually hidden */
	HK_KEEP = 5,   /* embedded post: never boilerplate */
	HK_STATE = 6,  /* a state or taxonomy class: says nothing of the box */
	HK_PAGE = 7,   /* a part of the page (its header): boilerplate outside
			  an <article> or <main>, nothing inside one */
	HK_PART = 8    /* (class-suffix) the part of another box ("card-header"):
			  the class name is not a part of the page */
};

struct hints_pat {
	const char *s;      /* the pattern, lower case */
	unsigned char len;  /* strlen(s) */
	unsigned char kind; /* enum hints_kind */
};

struct hints_table {
	/* class-sub: substrings of the lowercased class or id string,
	 * grouped by first byte c as subs[sub_start[c] .. sub_start[c + 1]) */
	const struct hints_pat *subs;
	size_t nsubs;
	unsigned short sub_start[257];
	unsigned char sub_pairs[65536 / 8]; /* bit set of the first two bytes
					       of every class-sub pattern */
	/* class-word: whole words (a-z, 0-9) of the string */
	const struct hints_pat *words;
	size_t nwords;
	unsigned char word_first[256]; /* 1: some word starts with this byte */
	/* class-token: whole space-separated class names */
	const struct hints_pat *tokens;
	size_t ntokens;
	unsigned char token_first[256]; /* 1: some token starts so */
	/* class-prefix, class-suffix: a class name that starts (ends) so,
	 * and is longer, is a state or a taxonomy term ("has-sidebar",
	 * "tag-newsletter", "comments-open"), not the name of a box; one
	 * that is or ends with a PART suffix names the part of another box
	 * ("card-header"), not a part of the page */
	const struct hints_pat *prefixes;
	size_t nprefixes;
	const struct hints_pat *suffixes;
	size_t nsuffixes;
	/* text, text-start: whole texts and beginnings of boilerplate lines */
	const struct hints_pat *texts;
	size_t ntexts;
	const struct hints_pat *starts;
	size_t nstarts;
	/* text-call: phrases anywhere in a short paragraph that make it a
	 * call to action ("sign up for", "follow us on") */
	const struct hints_pat *calls;
	size_t ncalls;
};

extern const struct hints_table hints_table;

#endif
