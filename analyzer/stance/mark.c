/* mark.c -- topic linking: the topic file's phrases in an article, and
 * the sentences and paragraphs about the topic. */
#include "analyzer/stance/mark.h"

#include "analyzer/stance/doc.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

/* The one-word terms an article uses as the head of a compound of
 * another thing ("the stunt coordinator"), at most this many. */
#define MARK_MAX_RESTRICTED 4

struct restricted {
	const char *phrase[MARK_MAX_RESTRICTED]; /* borrowed from the topic */
	size_t n;
};

static void
record_hits(struct doc *d, const struct topic *t, const unsigned char *topic,
	    struct restricted *r)
{
	struct topic_hit hits[MARK_MAX_HITS];
	size_t i, j, k, n;

	for (i = 0; i < d->tk.n; i++) {
		n = topic_match(t, &d->tk, i, topic, hits, MARK_MAX_HITS);
		for (j = 0; j < n; j++) {
			uint16_t m = 0;
			struct doc_hit *h;

			if (hits[j].restricted) {
				/* Not the topic; unless a longer term
				 * covers it ("intimacy coordinator"). */
				for (k = 0; k < r->n; k++)
					if (r->phrase[k] == hits[j].phrase)
						break;
				if (k == r->n && r->n < MARK_MAX_RESTRICTED &&
				    !(d->tmark[i] & TM_TERM))
					r->phrase[r->n++] = hits[j].phrase;
				continue;
			}
			switch (hits[j].kind) {
			case TOPIC_NONPERSON: m = TM_NONPERSON; break;
			case TOPIC_TERM: m = TM_TERM; break;
			case TOPIC_FIGURE: m = TM_FIGURE; break;
			case TOPIC_NEGATOR: m = TM_NEGATOR; break;
			case TOPIC_SPEECH: m = TM_SPEECH; break;
			case TOPIC_REF: m = TM_REF; break;
			case TOPIC_CONTRAST: m = TM_CONTRAST; break;
			case TOPIC_NEUTRAL: m = TM_NEUTRAL; break;
			case TOPIC_ROLE:
				d->tmark[i + hits[j].ntok - 1] |= TM_ROLE_END;
				break;
			default: break;
			}
			if (m)
				for (k = 0; k < hits[j].ntok; k++)
					if (k == 0 || k > hits[j].gap)
						d->tmark[i + k] |= m;
			pt_xgrow((void **)&d->hits, &d->caphits, d->nhits + 1,
				 sizeof(*d->hits));
			h = &d->hits[d->nhits++];
			h->tok = i;
			h->h = hits[j];
		}
	}
}

static int
cmp_hit(const void *a, const void *b)
{
	const struct doc_hit *x = a, *y = b;

	if (x->tok != y->tok)
		return x->tok < y->tok ? -1 : 1;
	if (x->h.ntok != y->h.ntok)
		return x->h.ntok > y->h.ntok ? -1 : 1;
	/* Same span: a phrase without a wildcard ("helpful") before one
	 * with ("help*"), then the heavier, then by text, so the choice
	 * never depends on the order of the topic file. */
	if ((strchr(x->h.phrase, '*') != NULL) !=
	    (strchr(y->h.phrase, '*') != NULL))
		return strchr(x->h.phrase, '*') ? 1 : -1;
	if (x->h.weight != y->h.weight)
		return x->h.weight > y->h.weight ? -1 : 1;
	return strcmp(x->h.phrase, y->h.phrase);
}

/* Matches the topic's phrases: first plain phrases, then those with '@'
 * against the topic mentions the first pass found. Hits end up sorted by
 * token, longest first. */
/* In an article where a one-word term heads a compound of another
 * thing ("the stunt coordinator, Jo Bloggs") and no other term names the
 * topic, the bare word refers back to that compound ("the coordinator
 * was superb"), not to the topic: its hits mark nothing. */
static void
drop_bare(struct doc *d, const struct restricted *r)
{
	size_t h, k, i;

	for (h = 0; h < d->nhits; h++) {
		const struct doc_hit *x = &d->hits[h];

		if (x->h.kind != TOPIC_TERM)
			continue;
		for (k = 0; k < r->n; k++)
			if (r->phrase[k] == x->h.phrase)
				break;
		if (k == r->n)
			return; /* another term names the topic */
	}
	for (h = 0; h < d->nhits; h++) {
		const struct doc_hit *x = &d->hits[h];

		if (x->h.kind == TOPIC_TERM)
			for (i = 0; i < x->h.ntok; i++)
				d->tmark[x->tok + i] &= (uint16_t)~TM_TERM;
	}
}

static void
find_hits(struct doc *d, const struct topic *t)
{
	unsigned char *topic;
	struct restricted r;
	size_t i;

	r.n = 0;
	record_hits(d, t, NULL, &r);
	if (r.n)
		drop_bare(d, &r);
	topic = pt_xmalloc(d->tk.n + 1);
	for (i = 0; i < d->tk.n; i++)
		topic[i] = (d->tmark[i] & (TM_TERM | TM_REF)) != 0;
	record_hits(d, t, topic, &r);
	free(topic);
	if (d->nhits > 1)
		qsort(d->hits, d->nhits, sizeof(*d->hits), cmp_hit);
}

/* Which sentences and paragraphs are about the topic: those with a term;
 * in an article that has a term, also those with a word that refers back
 * to it ("the coordinator", "the protocol") -- PARA_NAMES --, and the
 * sentences that name its opposite, a contrast target ("Human writers
 * are wonderful," after a paragraph on AI drafts), whose evaluation is
 * one of the topic, reversed (their paragraph's other sentences are not
 * about it for that); and the
 * MARK_CARRY_PARAS paragraphs after one of those, since trade-press
 * paragraphs are short and the next ones usually go on with the same
 * subject -- PARA_FOLLOWS,
 * where a cue counts only in a sentence that points back (attrib.c). */
static void
mark_relevance(struct doc *d)
{
	size_t i;
	uint32_t p;
	int any = 0;
	unsigned char *direct;

	for (i = 0; i < d->tk.n; i++)
		if (d->tmark[i] & TM_TERM)
			any = 1;
	if (!any)
		return;
	for (i = 0; i < d->tk.n; i++)
		if (d->tmark[i] & (TM_TERM | TM_REF)) {
			d->sent_topic[d->tk.v[i].sent] = 1;
			d->para_topic[d->tk.v[i].para] = PARA_NAMES;
		} else if (d->tmark[i] & TM_CONTRAST) {
			d->sent_topic[d->tk.v[i].sent] = 1;
		}
	direct = pt_xmalloc(d->tk.npara + 1);
	memcpy(direct, d->para_topic, d->tk.npara + 1);
	for (p = 1; p < d->tk.npara; p++) {
		uint32_t back;

		for (back = 1; back <= MARK_CARRY_PARAS && back <= p; back++)
			if (!direct[p] && direct[p - back])
				d->para_topic[p] = PARA_FOLLOWS;
	}
	free(direct);
}

void
mark_topic(struct doc *d, const struct topic *t)
{
	pt_xgrow((void **)&d->sent_topic, &d->capst, d->tk.nsent + 1, 1);
	pt_xgrow((void **)&d->para_topic, &d->cappt, d->tk.npara + 1, 1);
	memset(d->sent_topic, 0, d->tk.nsent + 1);
	memset(d->para_topic, 0, d->tk.npara + 1);
	find_hits(d, t);
	mark_relevance(d);
}
