/* prep.c -- an article's text as tokens, sentences and word classes. */
#include "analyzer/stance/prep.h"

#include "analyzer/stance/doc.h"
#include "analyzer/text/lexicon.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

/* d->sent_start: the first token of each sentence, then tk.n. */
static void
index_sentences(struct doc *d)
{
	size_t i;
	uint32_t s;

	pt_xgrow((void **)&d->sent_start, &d->capsent, d->tk.nsent + 1,
		 sizeof(*d->sent_start));
	for (i = 0, s = 0; i < d->tk.n; i++)
		if (i == 0 || d->tk.v[i].sent != d->tk.v[i - 1].sent)
			d->sent_start[s++] = i;
	d->sent_start[s] = d->tk.n;
}

/* d->lex: the word classes of each token; d->tmark cleared; d->words. */
static void
classify_words(struct doc *d)
{
	size_t i;

	if (d->tk.n > d->caplex) {
		size_t c = d->tk.n;

		d->lex = pt_xrealloc(d->lex, c * sizeof(*d->lex));
		d->tmark = pt_xrealloc(d->tmark, c * sizeof(*d->tmark));
		d->caplex = c;
	}
	for (i = 0; i < d->tk.n; i++) {
		d->lex[i] = (d->tk.v[i].flags & TOK_WORD)
				    ? lexicon_lookup(d->tk.key + d->tk.v[i].k,
						     d->tk.v[i].kl)
				    : 0;
		if (d->tk.v[i].flags & TOK_WORD)
			d->words++;
	}
	if (d->tk.n)
		memset(d->tmark, 0, d->tk.n * sizeof(*d->tmark));
}

void
prep_text(struct doc *d, const char *text, size_t len)
{
	doc_clear(d);
	d->text = text;
	d->len = len;
	norm_text(&d->norm, text, len);
	tokens_build(&d->tk, &d->norm, text, len);
	index_sentences(d);
	classify_words(d);
}
