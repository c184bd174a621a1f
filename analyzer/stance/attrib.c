/* attrib.c -- who said each quotation, and whom each sentence is about.
 *
 * Speakers: a quotation is attributed from the words after it in its
 * sentence (", she notes", "said Smith", "Ivy Banks told X") or, failing
 * that, before it (the subject of the nearest speech verb: "Smith adds:",
 * "Noe bluntly stated,"). A pronoun resolves to the most recent person of a
 * fitting gender named outside quotations. A quotation with no attribution
 * continues the previous speaker of its paragraph when nobody else was
 * named in between; otherwise it is left without a speaker.
 *
 * Whose stance: for each sentence, the people a cue outside quotations
 * counts for -- those the sentence names (each member of a list "A, B and
 * C"), or the person a pronoun subject refers to -- stored in d->who for
 * polarity.c. The windows are in tuning.h.
 */
#include "analyzer/stance/attrib.h"

#include "analyzer/stance/doc.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/err.h"

#include <string.h>

static int
pronoun_gender(const struct doc *d, size_t i)
{
	if (i >= d->tk.n)
		return -1;
	if (doc_lex(d, i) & LEX_PRONOUN_F)
		return GENDER_F;
	if (doc_lex(d, i) & LEX_PRONOUN_M)
		return GENDER_M;
	return -1;
}

/* The mention covering token i, or -1. */
static int
mention_at(const struct doc *d, size_t i)
{
	size_t lo = 0, hi = d->nm;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (d->m[mid].tok + d->m[mid].ntok <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->nm && d->m[lo].tok <= i)
		return (int)lo;
	return -1;
}

static size_t skip_intro(const struct doc *d, size_t a, size_t b);

/* Fills d->sent_subj: for each sentence, the mention of its subject, the
 * first person named outside quotations after any introductory clause. */
static void
find_subjects(struct doc *d)
{
	size_t j;
	uint32_t s;

	pt_xgrow((void **)&d->sent_subj, &d->capsubj, d->tk.nsent + 1,
		 sizeof(*d->sent_subj));
	for (s = 0; s <= d->tk.nsent; s++)
		d->sent_subj[s] = -1;
	for (j = 0; j < d->nm; j++) {
		size_t t = d->m[j].tok;

		s = d->tk.v[t].sent;
		if (d->sent_subj[s] >= 0 || d->tk.v[t].quote >= 0)
			continue;
		if (t < skip_intro(d, d->sent_start[s], d->sent_start[s + 1]))
			continue;
		d->sent_subj[s] = (int)j;
	}
}

/* 1 when mention j is the subject of its sentence. */
static int
is_subject(const struct doc *d, size_t j)
{
	return d->sent_subj[d->tk.v[d->m[j].tok].sent] == (int)j;
}

/* The best person named outside quotations before token `at`, in its
 * paragraph and the ATTRIB_PRONOUN_PARAS before: each is scored by
 * distance in sentences, a fitting known gender and being the subject of
 * its sentence (a wrong gender rules it out); the best wins, the most
 * recent on a tie. -1 if none. */
static int
pronoun_before(const struct doc *d, size_t at, int gender)
{
	/* From the last mention before `at`, so each lookup costs only the
	 * window it scans. */
	size_t j = doc_mention_from(d, at);
	uint32_t para = d->tk.v[at].para, sent = d->tk.v[at].sent;
	int best = -1, best_score = 0;

	while (j > 0) {
		const struct mention *m = &d->m[--j];
		const struct person *p;
		int score, back;

		if (m->tok >= at || d->tk.v[m->tok].quote >= 0)
			continue;
		if (para - d->tk.v[m->tok].para > ATTRIB_PRONOUN_PARAS)
			break;
		/* Further back nobody can beat the best so far (the
		 * gender and subject bonuses at most), and
		 * ATTRIB_PRONOUN_SENTS is far enough in any case. */
		back = (int)(sent - d->tk.v[m->tok].sent);
		if (back > ATTRIB_PRONOUN_SENTS ||
		    (best >= 0 && -ATTRIB_PRONOUN_SENT_COST * back +
					  ATTRIB_PRONOUN_GENDER +
					  ATTRIB_PRONOUN_SUBJECT <
				  best_score))
			break;
		p = &d->p[m->person];
		if (gender > 0 && p->gender != GENDER_UNKNOWN &&
		    p->gender != gender)
			continue;
		score = -ATTRIB_PRONOUN_SENT_COST * back;
		if (gender > 0 && p->gender == gender)
			score += ATTRIB_PRONOUN_GENDER;
		if (is_subject(d, j))
			score += ATTRIB_PRONOUN_SUBJECT;
		if (best < 0 || score > best_score) {
			best = m->person;
			best_score = score;
		}
	}
	return best;
}

/* The first person of a fitting gender named outside quotations up to
 * ATTRIB_PRONOUN_AHEAD sentences after token `at`; -1 if none. */
static int
pronoun_after(const struct doc *d, size_t at, int gender)
{
	uint32_t sent = d->tk.v[at].sent;
	size_t j;

	for (j = doc_mention_from(d, at + 1); j < d->nm; j++) {
		const struct mention *m = &d->m[j];
		const struct person *p = &d->p[m->person];

		if (d->tk.v[m->tok].quote >= 0)
			continue;
		if (d->tk.v[m->tok].sent > sent + ATTRIB_PRONOUN_AHEAD)
			break;
		if (gender < 0 || p->gender == gender ||
		    p->gender == GENDER_UNKNOWN)
			return m->person;
	}
	return -1;
}

/* The person a pronoun (or epithet) at token `at` refers to: the best
 * named before it, failing that the first named just after ("he said ...
 * Aurelio Bassani, 71, made the remarks"). A person of unknown gender
 * takes the pronoun's. gender < 0 accepts anyone. */
static int
resolve_pronoun(struct doc *d, size_t at, int gender)
{
	int best = pronoun_before(d, at, gender);

	if (best < 0)
		return pronoun_after(d, at, gender);
	if (gender > 0 && d->p[best].gender == GENDER_UNKNOWN)
		d->p[best].gender = gender;
	return best;
}

/* Person at token i: a name, a he/she pronoun in subject position, or an
 * epithet ("the director"); -1 if none. *end gets the token after it. */
static int
person_at(struct doc *d, size_t i, size_t *end)
{
	int m = mention_at(d, i);
	int g;
	size_t e;

	if (m >= 0 && d->m[m].tok == i) {
		*end = i + d->m[m].ntok;
		return d->m[m].person;
	}
	g = pronoun_gender(d, i);
	if (g > 0 && (tok_is(&d->tk, i, "she") || tok_is(&d->tk, i, "he"))) {
		*end = i + 1;
		return resolve_pronoun(d, i, g);
	}
	if (doc_epithet(d, i, &e)) {
		/* "the cinematographer Cliff Barton": the name, if any */
		m = mention_at(d, e);
		if (m >= 0 && d->m[m].tok == e) {
			*end = e + d->m[m].ntok;
			return d->m[m].person;
		}
		*end = e;
		return resolve_pronoun(d, i, -1);
	}
	return -1;
}

static int
skippable(const struct doc *d, size_t i)
{
	return doc_is_adverb(d, i) || (doc_lex(d, i) & LEX_SPEAKER_GAP);
}

/* Nearest person in the sentence at or before token i. */
static int
nearest_person_before(struct doc *d, size_t i)
{
	size_t s0 = d->sent_start[d->tk.v[i].sent], j = i + 1, end;
	int p;

	while (j > s0) {
		j--;
		if (d->tk.v[j].quote >= 0)
			continue;
		p = person_at(d, j, &end);
		if (p >= 0)
			return p;
		/* Step back over a multi-token name to its start. */
	}
	return -1;
}

/* ", she notes" / "Ivy Banks told" / "said Smith" after the closing mark. */
static int
speaker_after(struct doc *d, const struct quote *q)
{
	size_t i, end, steps;
	int p;

	if (q->close == DOC_NONE)
		return -1;
	i = q->close + 1;
	while (i < d->tk.n && doc_same_sent(d, i, q->close) &&
	       (d->tk.v[i].flags & TOK_PUNCT) && !tok_punct(&d->tk, i, '"') &&
	       !tok_punct(&d->tk, i, '.'))
		i++;
	if (i >= d->tk.n || !doc_same_sent(d, i, q->close))
		return -1;
	if ((d->tk.v[i].flags & TOK_SSTART))
		return -1;
	p = person_at(d, i, &end);
	if (p >= 0) {
		for (steps = 0; end < d->tk.n && steps < ATTRIB_VERB_WINDOW;
		     end++, steps++) {
			if (doc_is_speech(d, end))
				return p;
			if (!skippable(d, end))
				break;
		}
		return -1;
	}
	if (doc_is_speech(d, i)) {
		/* "said Smith", "said the cinematographer Cliff Barton",
		 * "says she" */
		for (steps = 0, i++;
		     i < d->tk.n && steps < ATTRIB_INV_WINDOW &&
		     doc_same_sent(d, i, q->close); i++, steps++) {
			p = person_at(d, i, &end);
			if (p >= 0)
				return p;
		}
	}
	return -1;
}

/* 1 when an indefinite epithet ("a veteran producer", "one casting
 * director") stands in tokens [a, b): a speaker the text does not name. */
static int
anonymous_subject(const struct doc *d, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++) {
		if (!(doc_lex(d, i) & LEX_INDEF))
			continue;
		for (j = i + 1; j < b && j <= i + ATTRIB_ANON_WINDOW; j++)
			if (doc_is_role(d, j))
				return 1;
	}
	return 0;
}

/* "Smith adds:" / "Noe bluntly stated," before the opening mark. Returns
 * the person, -1 when there is none, or -2 when the text gives the speaker
 * as somebody unnamed. */
static int
speaker_before(struct doc *d, const struct quote *q)
{
	size_t s0 = d->sent_start[d->tk.v[q->open].sent], j = q->open;
	size_t v = DOC_NONE;

	while (j > s0) {
		j--;
		if (d->tk.v[j].quote >= 0)
			break; /* another quotation: stop there */
		if (doc_is_speech(d, j)) {
			v = j;
			break;
		}
	}
	if (v == DOC_NONE) {
		/* "Field: "..." or a colon right before the quotation. */
		if (q->open > s0 && tok_punct(&d->tk, q->open - 1, ':'))
			return nearest_person_before(d, q->open - 1);
		return -1;
	}
	if (v > s0) {
		int p;

		if (anonymous_subject(d, s0, v))
			return -2;
		p = nearest_person_before(d, v - 1);
		if (p >= 0)
			return p;
		/* "The circle said in a statement: ..." -- a speaker who
		 * is no person (an organisation). */
		if (tok_is(&d->tk, s0, "the") && v > s0 + 1 &&
		    (d->tk.v[v - 1].flags & TOK_WORD) &&
		    !(doc_lex(d, v - 1) & (LEX_PRONOUN | LEX_FUNC)))
			return -2;
	}
	/* "said Smith: ..." */
	for (j = v + 1; j < q->open; j++) {
		size_t end;
		int p = person_at(d, j, &end);

		if (p >= 0)
			return p;
	}
	return -1;
}

static int
anyone_named_between(const struct doc *d, size_t a, size_t b)
{
	size_t lo = doc_mention_from(d, a + 1);

	for (; lo < d->nm && d->m[lo].tok < b; lo++)
		if (d->tk.v[d->m[lo].tok].quote < 0)
			return 1;
	return 0;
}

static void
attribute_quotes(struct doc *d)
{
	size_t i;
	int prev = -1;
	size_t prev_end = 0;

	for (i = 0; i < d->nq; i++) {
		struct quote *q = &d->q[i];
		int p;

		if (!q->direct)
			continue;
		p = speaker_after(d, q);
		if (p < 0)
			p = speaker_before(d, q);
		if (p == -2) {
			/* Said by somebody the text does not name. */
			q->speaker = -1;
			prev = -1;
			continue;
		}
		/* A paragraph that opens with the quotation after one that
		 * ends with a colon: the speaker was introduced there. */
		if (p < 0 && q->open > 0 &&
		    (d->tk.v[q->open].flags & TOK_PSTART) &&
		    tok_punct(&d->tk, q->open - 1, ':'))
			p = nearest_person_before(d, q->open - 1);
		/* The previous speaker goes on in the same paragraph, or in
		 * the next one when it opens with the quotation. */
		if (p < 0 && prev >= 0 &&
		    (d->tk.v[q->open].para == d->tk.v[prev_end].para ||
		     (d->tk.v[q->open].para == d->tk.v[prev_end].para + 1 &&
		      (d->tk.v[q->open].flags & TOK_PSTART))) &&
		    !anyone_named_between(d, prev_end, q->open))
			p = prev;
		q->speaker = p;
		if (p >= 0) {
			d->p[p].quotes++;
			prev = p;
			prev_end = q->close != DOC_NONE ? q->close : q->t1;
		}
	}
}

/* Past an introductory clause ("After working with X, ...", "Speaking
 * to X, ...", "Asked about ..., "): the subject follows its comma. */
static size_t
skip_intro(const struct doc *d, size_t a, size_t b)
{
	size_t i;

	if (a >= d->tk.n || !(doc_lex(d, a) & LEX_INTRO))
		return a;
	for (i = a + 1; i < b && i < a + ATTRIB_INTRO_MAX; i++)
		if (tok_punct(&d->tk, i, ',') && d->tk.v[i].quote < 0)
			return i + 1;
	return a;
}

/* Whose stance a cue outside quotations counts for: the first person
 * the sentence names outside quotations (a name, an epithet such as "the
 * 67-year-old actor", or a he/she subject), with the others listed with it
 * ("A, B and C", "the director A, the producer B and the actor C").
 * Returns how many were written to out. */
static size_t
sentence_subjects(struct doc *d, uint32_t s, int *out, size_t max)
{
	size_t a = d->sent_start[s], b = d->sent_start[s + 1], i, n = 0;
	size_t end = 0;

	a = skip_intro(d, a, b);
	for (i = a; i < b; i++) {
		int m, p;
		size_t e;

		if (d->tk.v[i].quote >= 0)
			continue;
		m = mention_at(d, i);
		if (m >= 0 && d->m[m].tok == i) {
			if (n > 0 && !doc_list_gap(d, end, i))
				break;
			if (n < max)
				out[n++] = d->m[m].person;
			end = i + d->m[m].ntok;
			i = end - 1;
			continue;
		}
		if (n > 0)
			continue;
		/* An epithet in apposition to a name ("The alliance's
		 * president, Dorothea Vance-Kilbride, rejected ..."): the
		 * name is the subject. */
		if (i < a + ATTRIB_SUBJECT_WINDOW && doc_epithet(d, i, &e) &&
		    e + 1 < b && tok_punct(&d->tk, e, ',') &&
		    (m = mention_at(d, e + 1)) >= 0 && d->m[m].tok == e + 1)
			continue;
		/* A pronoun or epithet subject early in the sentence. */
		if (i < a + ATTRIB_SUBJECT_WINDOW &&
		    (tok_is(&d->tk, i, "he") || tok_is(&d->tk, i, "she") ||
		     doc_epithet(d, i, &e))) {
			p = person_at(d, i, &e);
			if (p >= 0) {
				out[n++] = p;
				break;
			}
		}
	}
	return n;
}

/* Fills d->who and d->nwho: for each sentence, whose stance a cue
 * outside quotations in it counts for (sentence_subjects()). */
static void
store_subjects(struct doc *d)
{
	uint32_t s;

	pt_xgrow((void **)&d->who, &d->capwho,
		 ((size_t)d->tk.nsent + 1) * ATTRIB_MAX_SUBJECTS,
		 sizeof(*d->who));
	pt_xgrow((void **)&d->nwho, &d->capnwho, (size_t)d->tk.nsent + 1,
		 sizeof(*d->nwho));
	for (s = 0; s < d->tk.nsent; s++)
		d->nwho[s] = (unsigned char)sentence_subjects(d, s,
			d->who + (size_t)s * ATTRIB_MAX_SUBJECTS,
			ATTRIB_MAX_SUBJECTS);
}

/* A segment of a quotation that goes on in the next paragraph has the
 * speaker of the segment that follows it ("...," Albright said). */
static void
backfill_segments(struct doc *d)
{
	size_t i = d->nq;

	while (i > 1) {
		struct quote *q = &d->q[--i - 1];

		if (q->cont && q->direct && q->speaker < 0 &&
		    d->q[i].speaker >= 0) {
			q->speaker = d->q[i].speaker;
			d->p[q->speaker].quotes++;
		}
	}
}

void
attrib_run(struct doc *d)
{
	find_subjects(d);
	attribute_quotes(d);
	backfill_segments(d);
	store_subjects(d);
}
