/* doc.c -- one article's analysis: runs the pipeline and holds its
 * results. */
#include "analyzer/stance/doc.h"

#include "analyzer/text/lexicon.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

void
doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
	norm_init(&d->norm);
	tokens_init(&d->tk);
}

static void
clear_people(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->np; i++) {
		free(d->p[i].name);
		free(d->p[i].key);
		free(d->p[i].last);
		free(d->p[i].first);
	}
	d->np = 0;
}

void
doc_release(struct doc *d)
{
	clear_people(d);
	norm_release(&d->norm);
	tokens_release(&d->tk);
	free(d->sent_start);
	free(d->sent_topic);
	free(d->para_topic);
	free(d->q);
	free(d->p);
	free(d->m);
	free(d->c);
	free(d->hits);
	free(d->sent_subj);
	free(d->lex);
	free(d->tmark);
	memset(d, 0, sizeof(*d));
}

int32_t
doc_prev_cp(const struct doc *d, uint32_t o)
{
	int32_t cp;
	uint32_t s;

	if (o == 0)
		return 0;
	s = o - 1;
	while (s > 0 && ((unsigned char)d->text[s] & 0xC0) == 0x80 && o - s < 4)
		s--;
	norm_decode(d->text + s, d->len - s, &cp);
	return cp;
}

int32_t
doc_cp_at(const struct doc *d, uint32_t o)
{
	int32_t cp;

	if (o >= d->len)
		return 0;
	norm_decode(d->text + o, d->len - o, &cp);
	return cp;
}

int
doc_is_role(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k;
	const char *dash;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_WORD))
		return 0;
	if ((doc_lex(d, i) & LEX_ROLE) || (d->tmark[i] & TM_ROLE_END))
		return 1;
	k = doc_key(d, i, &kl);
	dash = memchr(k, '-', kl);
	while (dash) {
		size_t rest = kl - (size_t)(dash + 1 - k);

		if (lexicon_lookup(dash + 1, rest) & LEX_ROLE)
			return 1;
		dash = memchr(dash + 1, '-', rest);
	}
	return 0;
}

static int
is_det(const struct doc *d, size_t i)
{
	return tok_is(&d->tk, i, "the") || tok_is(&d->tk, i, "a") ||
	       tok_is(&d->tk, i, "an") || tok_is(&d->tk, i, "its") ||
	       tok_is(&d->tk, i, "this") || tok_is(&d->tk, i, "that") ||
	       tok_is(&d->tk, i, "their") || tok_is(&d->tk, i, "his") ||
	       tok_is(&d->tk, i, "her");
}

/* A plural role: "the actors A and B", "actresses". */
static int
is_role_plural(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return (d->tk.v[i].flags & TOK_WORD) && kl > 3 && k[kl - 1] == 's' &&
	       ((lexicon_lookup(k, kl - 1) & LEX_ROLE) ||
		(kl > 4 && k[kl - 2] == 'e' &&
		 (lexicon_lookup(k, kl - 2) & LEX_ROLE)));
}

int
doc_list_gap(const struct doc *d, size_t end, size_t start)
{
	size_t i;
	int sep = 0, role_before;

	if (start <= end || start - end > 8 || end >= d->tk.n ||
	    d->tk.v[end].sent != d->tk.v[start].sent)
		return 0;
	/* "A, and “sex-positive” erotic filmmaker B": with a role just
	 * before the next name, its modifiers may stand in the gap too. */
	role_before = doc_is_role(d, start - 1) || is_role_plural(d, start - 1);
	if (start - end > 5 && !role_before)
		return 0;
	for (i = end; i < start; i++) {
		if (tok_punct(&d->tk, i, ',') || tok_is(&d->tk, i, "and") ||
		    tok_is(&d->tk, i, "or") || tok_is(&d->tk, i, "&")) {
			sep = 1;
			continue;
		}
		if (is_det(d, i) || doc_is_role(d, i) || is_role_plural(d, i))
			continue;
		if (role_before && sep &&
		    (tok_punct(&d->tk, i, '"') ||
		     ((d->tk.v[i].flags & TOK_WORD) &&
		      !(d->tk.v[i].flags & TOK_CAP) &&
		      !(doc_lex(d, i) & (LEX_SPEECH | LEX_PREP)))))
			continue;
		return 0;
	}
	return sep;
}

int
doc_epithet(const struct doc *d, size_t i, size_t *end)
{
	size_t j, mods;

	if (!is_det(d, i) || tok_is(&d->tk, i, "a") || tok_is(&d->tk, i, "an"))
		return 0;
	for (j = i + 1, mods = 0; j < d->tk.n && mods <= 3; j++, mods++) {
		if (d->tk.v[j].sent != d->tk.v[i].sent ||
		    !(d->tk.v[j].flags & TOK_WORD))
			return 0;
		if (doc_is_role(d, j)) {
			/* "the intimacy coordinator" ends at the phrase end */
			while (j + 1 < d->tk.n && doc_is_role(d, j + 1))
				j++;
			*end = j + 1;
			return 1;
		}
		if (doc_lex(d, j) & (LEX_SPEECH | LEX_PRONOUN | LEX_PREP))
			return 0;
	}
	return 0;
}

const char *
doc_stance(long long prow, long long conw)
{
	if (prow <= 0 && conw <= 0)
		return "neutral";
	if (conw <= 0 || prow > 2 * conw)
		return "pro";
	if (prow <= 0 || conw > 2 * prow)
		return "con";
	return "mixed";
}

void
doc_sentence(const struct doc *d, size_t tok, size_t *o, size_t *len)
{
	uint32_t s = d->tk.v[tok].sent;
	size_t a = d->sent_start[s], b = d->sent_start[s + 1];

	*o = d->tk.v[a].o;
	*len = d->tk.v[b - 1].o + d->tk.v[b - 1].ol - *o;
}

static void
record_hits(struct doc *d, const struct topic *t, const unsigned char *topic)
{
	struct topic_hit hits[16];
	size_t i, j, k, n;

	for (i = 0; i < d->tk.n; i++) {
		n = topic_match(t, &d->tk, i, topic, hits, 16);
		for (j = 0; j < n; j++) {
			unsigned char m = 0;
			struct doc_hit *h;

			switch (hits[j].kind) {
			case TOPIC_NONPERSON: m = TM_NONPERSON; break;
			case TOPIC_TERM: m = TM_TERM; break;
			case TOPIC_FIGURE: m = TM_FIGURE; break;
			case TOPIC_NEGATOR: m = TM_NEGATOR; break;
			case TOPIC_SPEECH: m = TM_SPEECH; break;
			case TOPIC_REF: m = TM_REF; break;
			case TOPIC_ROLE:
				d->tmark[i + hits[j].ntok - 1] |= TM_ROLE_END;
				break;
			default: break;
			}
			if (m)
				for (k = 0; k < hits[j].ntok; k++)
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
static void
mark_topic(struct doc *d, const struct topic *t)
{
	unsigned char *topic;
	size_t i;

	record_hits(d, t, NULL);
	topic = pt_xmalloc(d->tk.n + 1);
	for (i = 0; i < d->tk.n; i++)
		topic[i] = (d->tmark[i] & (TM_TERM | TM_REF)) != 0;
	record_hits(d, t, topic);
	free(topic);
	if (d->nhits > 1)
		qsort(d->hits, d->nhits, sizeof(*d->hits), cmp_hit);
}

/* Which sentences and paragraphs are about the topic: those with a term;
 * in an article that has a term, also those with a word that refers back
 * to it ("the coordinator", "the protocol") -- para_topic 2; and the two
 * paragraphs after one of those, since trade-press paragraphs are short
 * and the next ones usually go on with the same subject -- para_topic 1,
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
			d->para_topic[d->tk.v[i].para] = 2;
		}
	direct = pt_xmalloc(d->tk.npara + 1);
	memcpy(direct, d->para_topic, d->tk.npara + 1);
	for (p = 1; p < d->tk.npara; p++)
		if (!direct[p] && (direct[p - 1] || (p > 1 && direct[p - 2])))
			d->para_topic[p] = 1;
	free(direct);
}

void
doc_analyze(struct doc *d, const struct topic *t, const char *text,
	    size_t len)
{
	size_t i;
	uint32_t s;

	clear_people(d);
	d->text = text;
	d->len = len;
	d->nq = d->nm = d->nc = d->nhits = 0;
	d->words = 0;
	d->truncated = 0;
	d->pro = d->con = 0;
	d->prom = d->conm = 0;
	norm_text(&d->norm, text, len);
	tokens_build(&d->tk, &d->norm, text, len);

	pt_xgrow((void **)&d->sent_start, &d->capsent, d->tk.nsent + 1,
		 sizeof(*d->sent_start));
	pt_xgrow((void **)&d->sent_topic, &d->capst, d->tk.nsent + 1, 1);
	pt_xgrow((void **)&d->para_topic, &d->cappt, d->tk.npara + 1, 1);
	memset(d->sent_topic, 0, d->tk.nsent + 1);
	memset(d->para_topic, 0, d->tk.npara + 1);
	for (i = 0, s = 0; i < d->tk.n; i++)
		if (i == 0 || d->tk.v[i].sent != d->tk.v[i - 1].sent)
			d->sent_start[s++] = i;
	d->sent_start[s] = d->tk.n;

	if (d->tk.n > d->caplex) {
		size_t c = d->tk.n;

		d->lex = pt_xrealloc(d->lex, c * sizeof(*d->lex));
		d->tmark = pt_xrealloc(d->tmark, c);
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
		memset(d->tmark, 0, d->tk.n);
	mark_topic(d, t);
	mark_relevance(d);
	quote_find(d);
	people_find(d, t);
	attrib_run(d, t);
}
