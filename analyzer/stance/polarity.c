/* polarity.c -- whose stance each cue of the topic counts toward, and
 * which way.
 *
 * A cue of the topic file counts only in a sentence or paragraph about
 * the topic, and not in a question or after "whether". A negator a few
 * words before it, in the same clause, flips it. In a sentence with
 * "but", cues before it weigh less and cues after it more (the clause
 * after the contrast is the speaker's point). A cue inside a quotation
 * counts for its speaker; a cue outside counts for the people the
 * sentence names (attrib.c stores them in d->who), otherwise only for the
 * article. The windows and weights are in tuning.h.
 */
#include "analyzer/stance/polarity.h"

#include "analyzer/stance/doc.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/err.h"

#include <math.h>
#include <string.h>

/* A negator up to ATTRIB_NEG_WINDOW words before the cue, in the same
 * clause: the clause ends at punctuation and at a contrast ("but",
 * "though"). */
static size_t
negator_at(const struct doc *d, size_t i)
{
	size_t j, steps;

	for (j = i, steps = 0; j > 0 && steps < ATTRIB_NEG_WINDOW; steps++) {
		j--;
		if (!doc_same_sent(d, j, i))
			break;
		/* A topic term ("love scene") counts as one word. */
		while (j > 0 && (d->tmark[j] & TM_TERM) &&
		       (d->tmark[j - 1] & TM_TERM) &&
		       doc_same_sent(d, j - 1, i))
			j--;
		/* Quote marks do not end the clause ('had "never once"
		 * worked with'); other punctuation does. */
		if (tok_punct(&d->tk, j, '"') || tok_punct(&d->tk, j, '\'')) {
			steps--;
			continue;
		}
		if (d->tk.v[j].flags & TOK_PUNCT)
			break;
		if (doc_lex(d, j) & LEX_CONTRAST)
			break;
		if (d->tmark[j] & TM_NEGATOR) {
			/* The first word of a phrase ("ruled out"). */
			while (j > 0 && (d->tmark[j - 1] & TM_NEGATOR) &&
			       doc_same_sent(d, j - 1, i))
				j--;
			return j;
		}
	}
	return DOC_NONE;
}

/* 1 when sentence s has a word that can point back to the topic ("they",
 * "it", "this", "one"...). */
static int
points_back(const struct doc *d, uint32_t s)
{
	size_t i;

	for (i = d->sent_start[s]; i < d->sent_start[s + 1]; i++)
		if (doc_lex(d, i) & LEX_BACKREF)
			return 1;
	return 0;
}

/* Is the cue at token i about the topic? Its sentence names it; or its
 * paragraph does; or its paragraph follows one that does and its sentence
 * points back ("they", "this"): a paragraph after the topic's that moves
 * on to box-office figures does not count. A cue in a quotation also
 * counts when the sentence that opens the quotation qualifies. */
static int
relevant(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];
	size_t at[2];
	int n = 1, j;

	at[0] = i;
	if (k->quote >= 0)
		at[n++] = d->q[k->quote].open;
	for (j = 0; j < n; j++) {
		const struct tok *t = &d->tk.v[at[j]];

		if (d->sent_topic[t->sent] ||
		    d->para_topic[t->para] == PARA_NAMES)
			return 1;
		if (d->para_topic[t->para] == PARA_FOLLOWS &&
		    points_back(d, t->sent))
			return 1;
	}
	return 0;
}

/* 1 when the clause of the cue at token i reports what others say
 * ("People say we take the magic out of it", "critics claim..."): the
 * speaker cites a view, often to answer it, so it is not the speaker's. */
static int
others_view(const struct doc *d, size_t i)
{
	size_t j, a = d->sent_start[d->tk.v[i].sent];

	for (j = i; j > a && j + ATTRIB_OTHERS_WINDOW > i; ) {
		j--;
		if (tok_punct(&d->tk, j, ',') || tok_punct(&d->tk, j, ';'))
			break;
		/* The pair is two words: one of the others, then the verb. */
		if (j > a && (doc_lex(d, j) & LEX_OPINION) &&
		    (doc_lex(d, j - 1) & LEX_OTHERS))
			return 1;
	}
	return 0;
}

/* 1 when the cue at token i is asked or supposed, not asserted: its
 * sentence (or its quoted sentence) ends with a question mark, "whether"
 * or "if" comes before it in the clause, or it stands in scare quotes
 * (the so-called "safety"), or it reports what others say ("people say
 * ..."): irony, hypotheticals and cited views are not counted. */
static int
interrogative(const struct doc *d, size_t i, size_t ntok)
{
	size_t j, e = d->sent_start[d->tk.v[i].sent + 1];

	for (j = i; j < e; j++) {
		if (tok_punct(&d->tk, j, '?'))
			return 1;
		if (tok_punct(&d->tk, j, '.') || tok_punct(&d->tk, j, '!'))
			break;
	}
	for (j = i; j > d->sent_start[d->tk.v[i].sent]; ) {
		j--;
		if (tok_punct(&d->tk, j, ',') || tok_punct(&d->tk, j, ';'))
			break;
		if (tok_is(&d->tk, j, "whether") || tok_is(&d->tk, j, "if"))
			return 1;
	}
	/* Scare quotes: the whole cue inside them. A cue that runs out of
	 * the quoted words ('"never once" worked with') is the writer's. */
	for (j = 0; j < d->nq; j++)
		if (!d->q[j].direct && i >= d->q[j].t0 && i + ntok <= d->q[j].t1)
			return 1;
	return others_view(d, i);
}

/* Weight factor from a "but" in the cue's sentence: ATTRIB_BEFORE_BUT
 * before it, ATTRIB_AFTER_BUT after it, 1 without one (or when the
 * sentence opens with it). */
static double
contrast(const struct doc *d, size_t i)
{
	size_t j, a = d->sent_start[d->tk.v[i].sent];
	size_t e = d->sent_start[d->tk.v[i].sent + 1];

	for (j = a + 1; j < e; j++)
		if (tok_is(&d->tk, j, "but") &&
		    d->tk.v[j].quote == d->tk.v[i].quote)
			return j < i ? ATTRIB_AFTER_BUT : ATTRIB_BEFORE_BUT;
	return 1.0;
}

static void
add_cue(struct doc *d, const struct doc_hit *h, int person, int pol,
	size_t neg)
{
	struct cue *c;

	if (d->nc >= DOC_MAX_CUES) {
		d->truncated = 1;
		return;
	}
	pt_xgrow((void **)&d->c, &d->capc, d->nc + 1, sizeof(*d->c));
	c = &d->c[d->nc++];
	c->tok = h->tok;
	c->ntok = h->h.ntok;
	c->person = person;
	c->polarity = pol;
	c->negated = neg != DOC_NONE;
	c->neg_tok = neg;
	c->wm = llround(h->h.weight * contrast(d, h->tok) * 1000.0);
	c->phrase = h->h.phrase;
	c->sent = d->tk.v[h->tok].sent;
	if (person >= 0) {
		struct person *p = &d->p[person];

		if (pol > 0) {
			p->pro++;
			p->prom += c->wm;
		} else {
			p->con++;
			p->conm += c->wm;
		}
	}
}

static void
count_cues(struct doc *d)
{
	size_t h, covered = 0;

	for (h = 0; h < d->nhits; h++) {
		const struct doc_hit *x = &d->hits[h];
		const int *subj;
		int pol;
		size_t n, j, neg;
		uint32_t s;
		long long wm;

		if (x->h.kind != TOPIC_PRO && x->h.kind != TOPIC_CON)
			continue;
		if (d->nc + ATTRIB_MAX_SUBJECTS > DOC_MAX_CUES) {
			d->truncated = 1; /* the article and its people alike */
			break;
		}
		if (x->tok < covered)
			continue; /* inside a longer cue already counted */
		covered = x->tok + x->h.ntok;
		if (!relevant(d, x->tok) || interrogative(d, x->tok, x->h.ntok))
			continue;
		pol = x->h.kind == TOPIC_PRO ? 1 : -1;
		neg = negator_at(d, x->tok);
		if (neg != DOC_NONE)
			pol = -pol;
		wm = llround(x->h.weight * contrast(d, x->tok) * 1000.0);
		if (pol > 0) {
			d->pro++;
			d->prom += wm;
		} else {
			d->con++;
			d->conm += wm;
		}
		if (d->tk.v[x->tok].quote >= 0) {
			add_cue(d, x, d->q[d->tk.v[x->tok].quote].speaker, pol,
				neg);
			continue;
		}
		s = d->tk.v[x->tok].sent;
		subj = d->who + (size_t)s * ATTRIB_MAX_SUBJECTS;
		n = d->nwho[s];
		if (n == 0)
			add_cue(d, x, -1, pol, neg);
		for (j = 0; j < n; j++)
			add_cue(d, x, subj[j], pol, neg);
	}
}

static void
pick_evidence(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->nc; i++) {
		const struct cue *c = &d->c[i];
		struct person *p;
		enum stance st;

		if (c->person < 0)
			continue;
		p = &d->p[c->person];
		st = doc_stance(p->prom, p->conm);
		if ((st == STANCE_PRO && c->polarity < 0) ||
		    (st == STANCE_CON && c->polarity > 0))
			continue;
		if (p->evidence == DOC_NONE ||
		    c->wm > d->c[p->evidence].wm)
			p->evidence = i;
	}
}

void
polarity_run(struct doc *d)
{
	count_cues(d);
	pick_evidence(d);
}
