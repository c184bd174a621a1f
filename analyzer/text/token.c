/* token.c -- tokenizer and sentence/paragraph segmentation. */
#include "analyzer/text/token.h"

#include "analyzer/text/lexicon.h"
#include "analyzer/text/norm.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

void
tokens_init(struct tokens *t)
{
	memset(t, 0, sizeof(*t));
}

void
tokens_release(struct tokens *t)
{
	free(t->v);
	tokens_init(t);
}

/* A letter, a digit or a byte of a UTF-8 sequence: by unsigned
 * differences, few branches for a test made at every byte. */
static int
is_wordc(unsigned char c)
{
	return (unsigned)((c | 32) - 'a') < 26 || (unsigned)(c - '0') < 10 ||
	       c >= 0x80;
}

static struct tok *
push(struct tokens *t)
{
	struct tok *k;

	/* pt_xgrow() only to grow: a push is made at every token */
	if (t->n + 1 > t->cap)
		pt_xgrow((void **)&t->v, &t->cap, t->n + 1, sizeof(*t->v));
	k = &t->v[t->n++];
	memset(k, 0, sizeof(*k));
	k->quote = -1;
	return k;
}

/* A word after which a full stop does not end a sentence: an initial
 * ("J. K. Rowling") or an abbreviation of the lexicon ("Mr.", "Inc.").
 * Dotted ones ("U.S.", "e.g.") need no entry: a word never holds a full
 * stop, so they are one-letter words, initials. */
static int
is_abbrev(const char *k, size_t len)
{
	if (len == 1)
		return 1;
	return (lexicon_lookup(k, len) & LEX_ABBREV) != 0;
}

/* Scans the key into raw tokens. `nl` records line breaks before a token:
 * 1 for one, 2 for a blank line. */
static void
scan(struct tokens *t, const char *key, size_t len, unsigned char **nlv)
{
	size_t i = 0, nlcap = 0;
	int nl = 0;

	*nlv = NULL;
	while (i < len) {
		unsigned char c = (unsigned char)key[i];
		struct tok *k;
		size_t j;

		if (c == '\n') {
			nl = nl ? 2 : 1;
			i++;
			continue;
		}
		if (c == ' ' || c < 0x20) {
			i++;
			continue;
		}
		k = push(t);
		if (t->n > nlcap)
			pt_xgrow((void **)nlv, &nlcap, t->n, 1);
		(*nlv)[t->n - 1] = (unsigned char)nl;
		nl = 0;
		k->k = (uint32_t)i;
		if (is_wordc(c)) {
			j = i + 1;
			for (;;) {
				while (j < len && is_wordc((unsigned char)key[j]))
					j++;
				/* Inner apostrophe, hyphen, or number
				 * separator followed by a word character. */
				if (j + 1 < len &&
				    (key[j] == '\'' || key[j] == '-' ||
				     ((key[j] == ',' || key[j] == '.') &&
				      key[j - 1] >= '0' && key[j - 1] <= '9' &&
				      key[j + 1] >= '0' && key[j + 1] <= '9')) &&
				    is_wordc((unsigned char)key[j + 1])) {
					j++;
					continue;
				}
				break;
			}
			k->flags = TOK_WORD;
			if (c >= '0' && c <= '9')
				k->flags |= TOK_NUM;
			/* Possessive 's: kept off the word. */
			if (j - i > 2 && key[j - 2] == '\'' && key[j - 1] == 's') {
				k->flags |= TOK_POSS;
				k->kl = (uint32_t)(j - 2 - i);
			} else {
				k->kl = (uint32_t)(j - i);
			}
			i = j;
			continue;
		}
		k->flags = TOK_PUNCT;
		if (c == '.' && i + 2 < len && key[i + 1] == '.' &&
		    key[i + 2] == '.') {
			j = i + 3;
			while (j < len && key[j] == '.')
				j++;
			k->kl = (uint32_t)(j - i);
		} else {
			j = i + 1;
			/* Keep a multi-byte punctuation character whole. */
			while (j < len && ((unsigned char)key[j] & 0xC0) == 0x80)
				j++;
			k->kl = (uint32_t)(j - i);
		}
		i = j;
	}
}

void
tokens_build_key(struct tokens *t, const char *key, size_t len)
{
	unsigned char *nl;

	t->n = 0;
	t->key = key;
	t->text = key;
	t->textlen = len;
	scan(t, key, len, &nl);
	free(nl);
}

static int
ends_sentence(const struct tokens *t, size_t i)
{
	const struct tok *k = &t->v[i];
	char c;

	if (!(k->flags & TOK_PUNCT))
		return 0;
	c = t->key[k->k];
	return c == '.' || c == '!' || c == '?' || c == ':';
}

static int
is_closer(const struct tokens *t, size_t i)
{
	char c;

	if (!(t->v[i].flags & TOK_PUNCT))
		return 0;
	c = t->key[t->v[i].k];
	return c == '"' || c == '\'' || c == ')' || c == ']';
}

/* Token k's extent in the original text, and its case flags. */
static void
locate(struct tok *k, const struct norm *n, const char *text, size_t len)
{
	uint32_t last;
	int32_t cp;
	size_t cl, p, letters = 0, uppers = 0;

	k->o = n->map[k->k];
	last = n->map[k->k + k->kl - 1];
	cl = norm_decode(text + last, len - last, &cp);
	k->ol = last + (uint32_t)cl - k->o;
	if (!(k->flags & TOK_WORD))
		return;
	for (p = k->o; p < k->o + k->ol; p += cl) {
		unsigned char b = (unsigned char)text[p];
		int letter, upper;

		if (b < 0x80) {
			/* what norm_decode(), norm_is_letter() and
			 * norm_is_upper() say of ASCII, at every letter */
			cl = 1;
			letter = (b | 32) >= 'a' && (b | 32) <= 'z';
			upper = b >= 'A' && b <= 'Z';
		} else {
			cl = norm_decode(text + p, len - p, &cp);
			letter = norm_is_letter(cp);
			upper = (letter || p == k->o) && norm_is_upper(cp);
		}
		if (letter) {
			letters++;
			if (upper)
				uppers++;
		}
		if (p == k->o && upper)
			k->flags |= TOK_CAP;
	}
	if (letters >= 2 && uppers == letters)
		k->flags |= TOK_ALLCAP;
}

/* 1 when a sentence ends just before token i (not the first): at . ! ?
 * (past closing quotes and brackets) before a capital, a digit or an
 * opening quote, unless the stop follows an abbreviation.
 * NEEDSWORK: tokens after i are not located yet, so the capital after an
 * opening quote is never seen (its TOK_CAP is not set): in 'left. "Then'
 * the mark stays with the sentence before and the next starts at "Then".
 * Locating all tokens first would change the outputs. */
static int
stop_before(const struct tokens *t, size_t i)
{
	const struct tok *k = &t->v[i];
	size_t j = i - 1;

	while (j > 0 && j + 4 > i && is_closer(t, j))
		j--;
	if (!ends_sentence(t, j) || t->key[t->v[j].k] == ':')
		return 0;
	if (!(k->flags & (TOK_CAP | TOK_NUM)) &&
	    !(is_closer(t, i) && i + 1 < t->n && (t->v[i + 1].flags & TOK_CAP)))
		return 0;
	if (t->key[t->v[j].k] == '.' && j > 0 &&
	    (t->v[j - 1].flags & TOK_WORD) && j == i - 1)
		return !is_abbrev(t->key + t->v[j - 1].k, t->v[j - 1].kl) ||
		       (t->v[j - 1].flags & TOK_NUM);
	return 1;
}

void
tokens_build(struct tokens *t, const struct norm *n, const char *text,
	     size_t len)
{
	unsigned char *nl;
	size_t i, sstart = 0;
	uint32_t sent = 0, para = 0;

	t->n = 0;
	t->key = n->key.p;
	t->text = text;
	t->textlen = len;
	scan(t, n->key.p, n->key.len, &nl);
	for (i = 0; i < t->n; i++) {
		struct tok *k = &t->v[i];

		locate(k, n, text, len);
		if (nl[i])
			k->flags |= TOK_NLBEFORE;
		if (i == 0) {
			k->flags |= TOK_PSTART | TOK_SSTART;
		} else if (nl[i] == 2 ||
			   (nl[i] == 1 &&
			    (ends_sentence(t, i - 1) || is_closer(t, i - 1)))) {
			para++;
			sent++;
			k->flags |= TOK_PSTART | TOK_SSTART;
		} else if (stop_before(t, i) ||
			   i - sstart >= TOKENS_MAX_SENTENCE) {
			/* A "sentence" that runs on and on (a list of
			 * thousands of names, text without stops) is cut,
			 * so that the work per sentence stays bounded. */
			sent++;
			k->flags |= TOK_SSTART;
		}
		if (k->flags & TOK_SSTART)
			sstart = i;
		k->sent = sent;
		k->para = para;
	}
	free(nl);
	t->nsent = t->n ? sent + 1 : 0;
	t->npara = t->n ? para + 1 : 0;
}
