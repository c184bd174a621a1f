/* token.h -- words, punctuation, sentences and paragraphs of a text.
 *
 * Tokens are cut from the matching key (norm.h) and carry offsets into both
 * the key and the original text. Sentences and paragraphs are numbered; a
 * blank line always ends a paragraph, a single line break ends one when the
 * line ends like a sentence (so hard-wrapped text stays one paragraph). A
 * sentence is cut after TOKENS_MAX_SENTENCE tokens, which keeps the work
 * done per sentence bounded on hostile text.
 *
 * Non-goals: full Unicode word segmentation (UAX #29); a word here is a run
 * of letters and digits with inner apostrophes, hyphens and number
 * separators, which is what cue and name matching need.
 */
#ifndef PT_TOKEN_H
#define PT_TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct norm;

/* A sentence longer than this many tokens is cut (see tokens_build). */
#define TOKENS_MAX_SENTENCE 400

enum tok_flags {
	TOK_WORD = 1 << 0,   /* letters/digits */
	TOK_PUNCT = 1 << 1,  /* one punctuation mark ("..." is one) */
	TOK_CAP = 1 << 2,    /* original starts with an upper-case letter */
	TOK_ALLCAP = 1 << 3, /* two or more letters, all upper-case */
	TOK_NUM = 1 << 4,    /* starts with a digit */
	TOK_POSS = 1 << 5,   /* was followed by 's (stripped) */
	TOK_PSTART = 1 << 6, /* first token of a paragraph */
	TOK_SSTART = 1 << 7, /* first token of a sentence */
	TOK_NLBEFORE = 1 << 8 /* a line break precedes it */
};

struct tok {
	uint32_t k, kl;  /* offset and length in the key */
	uint32_t o, ol;  /* offset and length in the original text */
	uint32_t sent;   /* sentence number, from 0 */
	uint32_t para;   /* paragraph number, from 0 */
	int32_t quote;   /* index of the quotation it is inside, or -1 */
	uint16_t flags;  /* enum tok_flags */
};

struct tokens {
	struct tok *v;      /* tokens, owned */
	size_t n;           /* count */
	size_t cap;         /* allocated */
	uint32_t nsent;     /* number of sentences */
	uint32_t npara;     /* number of paragraphs */
	const char *key;    /* borrowed from the struct norm */
	const char *text;   /* borrowed original text */
	size_t textlen;
};

void tokens_init(struct tokens *t);
void tokens_release(struct tokens *t);
/* Tokenizes the key in n (of original text/len): fills t, replacing what
 * was there. */
void tokens_build(struct tokens *t, const struct norm *n, const char *text,
		  size_t len);
/* Tokenizes a key string only (for topic phrases): no original offsets,
 * sentences or paragraphs. */
void tokens_build_key(struct tokens *t, const char *key, size_t len);

/* 1 when token i's key equals s[0..n). Inline, as the stance rules ask
 * it at almost every token. */
static inline int
tok_is_n(const struct tokens *t, size_t i, const char *s, size_t n)
{
	return i < t->n && t->v[i].kl == n &&
	       memcmp(t->key + t->v[i].k, s, n) == 0;
}

/* 1 when the key k[0..kl) equals the NUL-terminated s: byte by byte, so
 * that most words of a list stop at the first (no strlen()). */
__attribute__((always_inline)) static inline int
tok_key_is(const char *k, size_t kl, const char *s)
{
	size_t j;

	for (j = 0; j < kl; j++)
		if (k[j] != s[j] || s[j] == '\0')
			return 0;
	return s[kl] == '\0';
}

/* 1 when token i's key equals the NUL-terminated s. The stance rules ask
 * it at almost every token: always inline, as the compiler kept it out of
 * line in the larger rule files. */
__attribute__((always_inline)) static inline int
tok_is(const struct tokens *t, size_t i, const char *s)
{
	return i < t->n && tok_key_is(t->key + t->v[i].k, t->v[i].kl, s);
}
/* 1 when token i's key is one of the n NUL-terminated words w: the
 * first byte is compared before the rest, so that a list costs little
 * per token. */
static inline int
tok_in(const struct tokens *t, size_t i, const char *const *w, size_t n)
{
	const char *k;
	size_t kl, j;

	if (i >= t->n || (kl = t->v[i].kl) == 0)
		return 0;
	k = t->key + t->v[i].k;
	for (j = 0; j < n; j++)
		if (w[j][0] == k[0] && tok_key_is(k, kl, w[j]))
			return 1;
	return 0;
}

/* The index in the NULL-terminated word list w of token i's key, or -1:
 * the first byte is compared before the rest. */
static inline int
tok_index(const struct tokens *t, size_t i, const char *const *w)
{
	const char *k;
	size_t kl;
	int j;

	if (i >= t->n || (kl = t->v[i].kl) == 0)
		return -1;
	k = t->key + t->v[i].k;
	for (j = 0; w[j]; j++)
		if (w[j][0] == k[0] && tok_key_is(k, kl, w[j]))
			return j;
	return -1;
}

/* The first bytes and lengths of the words of NULL-terminated lists: a
 * token whose first byte and length match no word's is none of those
 * words. A loop over every token of an article fills one from its lists
 * once (tok_first_add()) and tests it (tok_first_has()) before scanning
 * them. */
struct tok_first {
	uint32_t len[256]; /* per first byte, bit min(length, 31) */
	int filled;        /* for the caller: 1 once filled */
};

/* Adds the words of the NULL-terminated list w to f (which starts
 * zeroed). */
static inline void
tok_first_add(struct tok_first *f, const char *const *w)
{
	size_t j, l;

	for (j = 0; w[j]; j++) {
		l = strlen(w[j]);
		f->len[(unsigned char)w[j][0]] |= (uint32_t)1 << (l < 31 ? l : 31);
	}
}

/* 0 when token i's key is empty or matches no word of f in its first
 * byte and length: then it is none of the words f was filled from. */
static inline int
tok_first_has(const struct tok_first *f, const struct tokens *t, size_t i)
{
	size_t l;

	if (i >= t->n || (l = t->v[i].kl) == 0)
		return 0;
	return (int)((f->len[(unsigned char)t->key[t->v[i].k]] >>
		      (l < 31 ? l : 31)) & 1);
}

/* 1 when token i is the punctuation mark c. */
static inline int
tok_punct(const struct tokens *t, size_t i, char c)
{
	return i < t->n && (t->v[i].flags & TOK_PUNCT) &&
	       t->key[t->v[i].k] == c;
}

#endif
