/* attrib.c -- who said each quotation, and whom each sentence is about.
 *
 * Speakers: a sieve in the style of Muzny et al. (2017), most precise
 * first, each quote recording the sieve that fired (enum doc_sieve): the
 * words after the quote in its sentence (", she notes", "said Smith",
 * "so says Ortiz", "the union said"), "according to X", the words before
 * it (the subject of the nearest speech verb: "Smith adds:"; a name
 * between the quote and any verb; a participle's subject), a colon at the
 * end of the paragraph before, a name after the quote past a long job
 * title, the previous speaker going on (same paragraph, or the next one
 * when it opens with the quote, nobody else named between), and the
 * subject of the quote's sentence or of the one before it (or the one
 * person of the paragraph before, for a quotation alone in its
 * paragraph). A pronoun resolves to the most salient person of a fitting
 * gender, or failing any near it, to the person the article is about; an
 * epithet ("the director") to the person introduced with that role, or
 * to the name it points ahead to. An
 * organisation speaks when the text says so and names it, or, when no
 * other sieve fires, when it is named with its verb just before the quote
 * in its clause. A quote no sieve attributed that repeats the words of
 * another quote takes that quote's speaker (echo). Otherwise the speaker
 * is unknown.
 *
 * Whose stance: for each sentence, the people a cue outside quotations
 * counts for -- those the sentence names (each member of a list "A, B and
 * C"), or the person a pronoun subject refers to -- stored in d->who for
 * polarity.c. The windows are in tuning.h.
 */
#include "analyzer/stance/attrib.h"

#include "analyzer/stance/doc.h"
#include "analyzer/stance/given.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

/* An echo (echo_speakers()): the shorter quote's words at most, and the
 * quotes compared on either side. */
#define ATTRIB_ECHO_WORDS 40
#define ATTRIB_ECHO_SCAN 32

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

static size_t skip_intro(const struct doc *d, size_t a, size_t b);
static size_t past_title(const struct doc *d, size_t a, size_t b);

/* 1 when mention j is the object of a preposition ("at Epstein's
 * mansion", "with Okoro"; not the agent "by Okoro"). Such a name is not
 * the subject of its sentence and less salient for a pronoun after it
 * (Lappin and Leass 1994). A possessor opening the sentence ("Swift's
 * albums were ...") stays salient. */
static int
embedded(const struct doc *d, size_t j)
{
	size_t t = d->m[j].tok;

	return t > 0 && doc_same_sent(d, t - 1, t) &&
	       (doc_lex(d, t - 1) & LEX_PREP) && !tok_is(&d->tk, t - 1, "by");
}

/* Tokens of the next sentence in which infer_genders() reads a pronoun as
 * the subject's: "She added", "In the letter, she wrote". */
#define ATTRIB_GENDER_NEXT 4

/* d->sent_subj of a sentence whose subject is "she" or "he" before any
 * name. */
#define SUBJ_SHE (-2)
#define SUBJ_HE (-3)

/* Fills d->sent_subj: for each sentence, the mention of its subject, the
 * first person named outside quotations after any introductory clause
 * (or SUBJ_SHE, SUBJ_HE). */
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
		size_t t = d->m[j].tok, a;

		s = d->tk.v[t].sent;
		if (d->sent_subj[s] >= 0 || d->tk.v[t].quote >= 0)
			continue;
		a = skip_intro(d, d->sent_start[s], d->sent_start[s + 1]);
		if (t < a)
			continue;
		/* "She was more nervous than Rose-Lynn has ever been", "On
		 * her film, the drama X, she asked ... with Weißhaupt": a
		 * pronoun subject before the name; the name is not the
		 * sentence's. */
		for (; a < t; a++)
			if (d->tk.v[a].quote < 0 &&
			    (tok_is(&d->tk, a, "she") || tok_is(&d->tk, a, "he")))
				break;
		if (a >= t && embedded(d, j))
			continue; /* "at Epstein's mansion": no subject */
		d->sent_subj[s] = a >= t ? (int)j :
				  tok_is(&d->tk, a, "she") ? SUBJ_SHE : SUBJ_HE;
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
		/* "She was more nervous than Rose-Lynn has been. “...,” she
		 * said": a name beside a subject "she" is not who the next
		 * "she" is. */
		if (gender > 0 &&
		    d->sent_subj[d->tk.v[m->tok].sent] ==
			    (gender == GENDER_F ? SUBJ_SHE : SUBJ_HE))
			continue;
		score = -ATTRIB_PRONOUN_SENT_COST * back;
		/* A person whose gender nobody told may fit too: a third
		 * of the bonus, so a named subject of the sentence before
		 * is not lost to a man named further back. */
		if (gender > 0 && p->gender == gender)
			score += ATTRIB_PRONOUN_GENDER;
		else if (gender > 0)
			score += ATTRIB_PRONOUN_GENDER / 3;
		if (is_subject(d, j))
			score += ATTRIB_PRONOUN_SUBJECT;
		else if (embedded(d, j))
			score -= ATTRIB_PRONOUN_EMBEDDED;
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

/* How a person was found at a token: by name, pronoun or epithet. */
enum how { HOW_NAME, HOW_PRONOUN, HOW_EPITHET };


/* 1 when mention j comes with the role word `role` (key rk, rl): "the
 * director X", "X, the director", "X, a veteran director,". */
static int
mention_has_role(const struct doc *d, size_t j, const char *rk, size_t rl)
{
	size_t t = d->m[j].tok, e = t + d->m[j].ntok, i, kl;
	const char *k;

	/* "the director X", "her boyfriend, X," */
	i = t > 1 && tok_punct(&d->tk, t - 1, ',') ? t - 2 : t - 1;
	if (t > 0 && doc_is_role(d, i)) {
		k = doc_key(d, i, &kl);
		if (kl == rl && memcmp(k, rk, kl) == 0)
			return 1;
	}
	if (e < d->tk.n && tok_punct(&d->tk, e, ',')) {
		for (i = e + 1; i < d->tk.n && i <= e + 1 + DOC_EPITHET_MODS + 1 &&
		     doc_same_sent(d, i, t); i++) {
			if (tok_punct(&d->tk, i, ','))
				break;
			k = doc_key(d, i, &kl);
			if (kl == rl && memcmp(k, rk, kl) == 0)
				return 1;
		}
	}
	return 0;
}

/* The first person after token `at` introduced with the role rk ("the
 * director X", "X, the director", "ambassador to Britain Liu Xiaming":
 * the role up to four capitalised words or prepositions, and a comma,
 * before the name); -1 if none in the ATTRIB_EPITHET_BACK mentions
 * after. */
static int
role_ahead(const struct doc *d, size_t at, const char *rk, size_t rl)
{
	size_t j = doc_mention_from(d, at + 1), steps = 0;

	for (; j < d->nm && steps++ < ATTRIB_EPITHET_BACK; j++) {
		size_t t = d->m[j].tok, k = t, n, kl;

		if (d->tk.v[t].quote >= 0 || t <= at)
			continue;
		if (mention_has_role(d, j, rk, rl))
			return d->m[j].person;
		for (n = 0; k > at + 1 && n < 4 && doc_same_sent(d, k - 1, t);
		     n++) {
			const char *k2 = doc_key(d, --k, &kl);

			if (kl == rl && memcmp(k2, rk, kl) == 0)
				return d->m[j].person;
			if (!(d->tk.v[k].flags & TOK_CAP) &&
			    !(doc_lex(d, k) & LEX_PREP) &&
			    !tok_is(&d->tk, k, "the") &&
			    !(k + 1 == t && tok_punct(&d->tk, k, ',')))
				break;
		}
	}
	return -1;
}

/* The person an epithet ending in the role at token r refers to: the
 * latest one introduced with that role before token `at`, else the first
 * after it ("China's ambassador to Britain ... Ambassador Liu Xiaming
 * has said"); else any person by salience, as for a pronoun. */
static int
resolve_epithet(struct doc *d, size_t at, size_t r)
{
	size_t j = doc_mention_from(d, at), steps = 0, rl;
	const char *rk = doc_key(d, r, &rl);
	int p;

	while (j > 0 && steps++ < ATTRIB_EPITHET_BACK) {
		j--;
		if (mention_has_role(d, j, rk, rl))
			return d->m[j].person;
	}
	if ((p = role_ahead(d, r, rk, rl)) >= 0)
		return p;
	return resolve_pronoun(d, at, -1);
}

/* Person at token i: a name, a he/she pronoun in subject position, or an
 * epithet ("the director"); -1 if none. *end gets the token after it and
 * *how how it was found. */
/* Words an epithet's complement may have before the name it points to
 * ("of the city's largest teachers union, Jane Ellison"). */
#define ATTRIB_EPITHET_AHEAD 10

/* The token of a name after an epithet ending at token e and its
 * complement, a preposition and words with no verb, quote or name, then
 * a comma: "the president of the union, Jane Ellison"; DOC_NONE when
 * there is none. */
static size_t
epithet_ahead(const struct doc *d, size_t e)
{
	size_t j;
	int m;

	if (e >= d->tk.n || !(doc_lex(d, e) & LEX_PREP) ||
	    tok_is(&d->tk, e, "by"))
		return DOC_NONE;
	for (j = e + 1; j < d->tk.n && j <= e + ATTRIB_EPITHET_AHEAD &&
	     doc_same_sent(d, j, e); j++) {
		if (d->tk.v[j].quote >= 0 || doc_is_speech(d, j) ||
		    doc_mention_at(d, j) >= 0)
			return DOC_NONE;
		if (tok_punct(&d->tk, j, ',')) {
			m = doc_mention_at(d, j + 1);
			if (j + 1 < d->tk.n && m >= 0 && d->m[m].tok == j + 1 &&
			    doc_same_sent(d, j + 1, e))
				return j + 1;
			return DOC_NONE;
		}
	}
	return DOC_NONE;
}

/* The gender of "he'd", "she'll", "he's" at token i (a subject pronoun
 * and its auxiliary in one word), else -1. */
static int
contracted_pronoun(const struct doc *d, size_t i)
{
	static const char *const w[] = { "he'd", "he'll", "he's" };
	static const char *const f[] = { "she'd", "she'll", "she's" };

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_WORD))
		return -1;
	if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return GENDER_M;
	if (tok_in(&d->tk, i, f, sizeof(f) / sizeof(*f)))
		return GENDER_F;
	return -1;
}

static int
person_how(struct doc *d, size_t i, size_t *end, enum how *how)
{
	int m = doc_mention_at(d, i);
	int g;
	size_t e;

	*how = HOW_NAME;
	if (m >= 0 && d->m[m].tok == i) {
		size_t r = i + d->m[m].ntok, n = r + 1;

		/* "Brandt's assistant, Tom Ruiz,": the owner's role and the
		 * name in apposition are one person, not the owner. */
		if ((d->tk.v[r - 1].flags & TOK_POSS) && n + 1 < d->tk.n &&
		    doc_same_sent(d, i, n + 1) && doc_is_role(d, r) &&
		    tok_punct(&d->tk, n, ',')) {
			int m2 = doc_mention_at(d, n + 1);

			if (m2 >= 0 && d->m[m2].tok == n + 1) {
				*end = n + 1 + d->m[m2].ntok;
				return d->m[m2].person;
			}
		}
		*end = r;
		return d->m[m].person;
	}
	g = pronoun_gender(d, i);
	if (g > 0 && (tok_is(&d->tk, i, "she") || tok_is(&d->tk, i, "he"))) {
		*end = i + 1;
		*how = HOW_PRONOUN;
		return resolve_pronoun(d, i, g);
	}
	/* "he'd pop up and go", "she'll say": the pronoun with its
	 * auxiliary in one word */
	g = contracted_pronoun(d, i);
	if (g > 0) {
		*end = i + 1;
		*how = HOW_PRONOUN;
		return resolve_pronoun(d, i, g);
	}
	/* "the 46-year-old told": an epithet by age. */
	if (tok_is(&d->tk, i, "the") && i + 1 < d->tk.n &&
	    doc_same_sent(d, i, i + 1)) {
		size_t kl;
		const char *k = doc_key(d, i + 1, &kl);

		if (kl > 9 && memcmp(k + kl - 9, "-year-old", 9) == 0) {
			*end = i + 2;
			*how = HOW_EPITHET;
			return resolve_pronoun(d, i, -1);
		}
	}
	/* "China's ambassador to Britain": an owner's possessive before a
	 * role is an epithet too. */
	if ((d->tk.v[i].flags & (TOK_CAP | TOK_POSS)) == (TOK_CAP | TOK_POSS) &&
	    i + 1 < d->tk.n && doc_same_sent(d, i, i + 1) &&
	    doc_is_role(d, i + 1) &&
	    !(i + 2 < d->tk.n && doc_mention_at(d, i + 2) >= 0)) {
		*end = i + 2;
		*how = HOW_EPITHET;
		return resolve_epithet(d, i, i + 1);
	}
	if (doc_epithet(d, i, &e)) {
		/* "the cinematographer Cliff Barton", "the college
		 * registrar, Malcolm Ferriday": the name, if any */
		size_t n = e < d->tk.n && tok_punct(&d->tk, e, ',') ? e + 1 : e;

		m = doc_mention_at(d, n);
		if (m >= 0 && d->m[m].tok == n) {
			*end = n + d->m[m].ntok;
			return d->m[m].person;
		}
		/* "the president of the city's largest union, Jane Ellison":
		 * the role points ahead, past its complement, to the name. */
		if ((n = epithet_ahead(d, e)) != DOC_NONE) {
			m = doc_mention_at(d, n);
			*end = n + d->m[m].ntok;
			return d->m[m].person;
		}
		*end = e;
		*how = HOW_EPITHET;
		return resolve_epithet(d, i, e - 1);
	}
	return -1;
}

/* person_how() for callers that need not know how. */
static int
person_at(struct doc *d, size_t i, size_t *end)
{
	enum how how;

	return person_how(d, i, end, &how);
}

static int
skippable(const struct doc *d, size_t i)
{
	return doc_is_adverb(d, i) || (doc_lex(d, i) & LEX_SPEAKER_GAP);
}

/* What a sieve found: a person (p >= 0), an organisation (org set), or
 * nobody; the words that named the speaker; the sieve. */
struct found {
	int p;
	int org;              /* 1: the organisation orgo/orgl */
	uint32_t orgo, orgl;
	size_t f0, f1;        /* tokens of the speaker as written */
	enum doc_sieve sieve;
};

static void
found_person(struct found *f, int p, size_t f0, size_t f1, enum how how,
	     enum doc_sieve sieve)
{
	f->p = p;
	f->f0 = f0;
	f->f1 = f1;
	f->sieve = how == HOW_PRONOUN ? SIEVE_PRONOUN :
		   how == HOW_EPITHET ? SIEVE_EPITHET : sieve;
}

/* Nearest person in the sentence at or before token i. */
static int
nearest_person_before(struct doc *d, size_t i, struct found *f,
		      enum doc_sieve sieve)
{
	size_t s0 = d->sent_start[d->tk.v[i].sent], j = i + 1, end;
	enum how how;
	int p;

	while (j > s0) {
		j--;
		if (d->tk.v[j].quote >= 0)
			continue;
		p = person_how(d, j, &end, &how);
		if (p >= 0) {
			found_person(f, p, j, end, how, sieve);
			return p;
		}
	}
	return -1;
}


static int
org_link(const struct doc *d, size_t i)
{
	return (d->tk.v[i].flags & TOK_WORD) && !(d->tk.v[i].flags & TOK_CAP) &&
	       (tok_is(&d->tk, i, "of") || tok_is(&d->tk, i, "for") ||
		tok_is(&d->tk, i, "and") || tok_is(&d->tk, i, "the"));
}

/* The capitalised name around token t ("Coalition of Independent
 * Producers", "Independent Producers' Circle"): [*a, *b). */
static void
org_span(const struct doc *d, size_t t, size_t *a, size_t *b)
{
	size_t s = t, e = t + 1;

	for (;;) {
		/* "Screenwriters’ Assembly": a plural possessive's mark. */
		if (s > 1 && doc_same_sent(d, s - 2, t) &&
		    tok_punct(&d->tk, s - 1, '\'') &&
		    (d->tk.v[s - 2].flags & TOK_CAP) &&
		    d->tk.v[s - 2].o + d->tk.v[s - 2].ol == d->tk.v[s - 1].o &&
		    d->text[d->tk.v[s - 1].o - 1] == 's') {
			s -= 2;
			continue;
		}
		if (!(s > 0 && doc_same_sent(d, s - 1, t) &&
		      ((d->tk.v[s - 1].flags & TOK_CAP) ||
		       ((d->tk.v[s - 1].flags & TOK_POSS) && s - 1 > 0)) &&
		      !(d->tk.v[s - 1].flags & TOK_PUNCT) &&
		      !(doc_lex(d, s - 1) & (LEX_FUNC | LEX_PREP))))
			break;
		s--;
	}
	for (;;) {
		if (e < d->tk.n && doc_same_sent(d, e, t) &&
		    (d->tk.v[e].flags & TOK_CAP) &&
		    !(d->tk.v[e].flags & TOK_PUNCT)) {
			e++;
		} else if (e + 1 < d->tk.n && doc_same_sent(d, e + 1, t) &&
			   tok_punct(&d->tk, e, '\'') &&
			   (d->tk.v[e - 1].flags & TOK_CAP) &&
			   d->tk.v[e - 1].o + d->tk.v[e - 1].ol ==
				   d->tk.v[e].o &&
			   d->text[d->tk.v[e].o - 1] == 's' &&
			   (d->tk.v[e + 1].flags & TOK_CAP) &&
			   !(d->tk.v[e + 1].flags & TOK_PUNCT)) {
			e += 2; /* "Coastal Workers’ Union" */
		} else if (e + 1 < d->tk.n && doc_same_sent(d, e + 1, t) &&
			   org_link(d, e) && (d->tk.v[e + 1].flags & TOK_CAP) &&
			   !(d->tk.v[e + 1].flags & TOK_PUNCT)) {
			e += 2;
		} else if (e + 2 < d->tk.n && doc_same_sent(d, e + 2, t) &&
			   (tok_is(&d->tk, e, "of") || tok_is(&d->tk, e, "for")) &&
			   tok_is(&d->tk, e + 1, "the") &&
			   !(d->tk.v[e + 1].flags & TOK_CAP) &&
			   (d->tk.v[e + 2].flags & TOK_CAP) &&
			   !(d->tk.v[e + 2].flags & TOK_PUNCT)) {
			e += 3; /* "Office of the Inspector General" */
		} else if (e < d->tk.n && doc_same_sent(d, e, t) &&
			   (d->tk.v[e].flags & TOK_NUM) &&
			   (d->tk.v[e - 1].flags & TOK_CAP) &&
			   !(d->tk.v[e - 1].flags & TOK_NUM) &&
			   d->tk.v[e].ol <= 4) {
			e++; /* "Local 514", "Unit 8200" */
		} else {
			break;
		}
	}
	*a = s;
	*b = e;
}

/* A word in lower case that may be part of an organisation's head
 * ("defence ministries"): no function word, pronoun, verb of saying,
 * role ("spokesman") or adverb ("also"). */
static int
plain_word(const struct doc *d, size_t e)
{
	return (d->tk.v[e].flags & (TOK_WORD | TOK_CAP | TOK_NUM | TOK_PUNCT |
				    TOK_POSS)) == TOK_WORD &&
	       !(doc_lex(d, e) & (LEX_FUNC | LEX_PREP | LEX_PRONOUN |
				  LEX_SPEECH | LEX_DET)) &&
	       !doc_is_role(d, e) && !doc_is_adverb(d, e);
}

/* Fills f with an organisation as the speaker: its name is the text of
 * tokens [a, b), the words that found it [f0, f1), by sieve. */
static void
org_speaker(const struct doc *d, size_t a, size_t b, size_t f0, size_t f1,
	    enum doc_sieve sieve, struct found *f)
{
	f->org = 1;
	f->orgo = d->tk.v[a].o;
	f->orgl = d->tk.v[b - 1].o + d->tk.v[b - 1].ol - f->orgo;
	f->f0 = f0;
	f->f1 = f1;
	f->sieve = sieve;
}

/* "The federation said": the organisation the article names with that
 * head noun ("American Federation of Screen Performers"), before or after;
 * 1 when found. */
static int
org_named(const struct doc *d, size_t head, struct found *f)
{
	static const char *const generic[] = { "company", "firm", "group",
		"business", "retailer", "lender", "carmaker", "airline",
		"brand", "manufacturer", "conglomerate" };
	size_t hl, kl, i, lo, hi, a, b;
	const char *hk = doc_key(d, head, &hl);

	lo = head > ATTRIB_ORG_WINDOW ? head - ATTRIB_ORG_WINDOW : 0;
	hi = head + ATTRIB_ORG_WINDOW < d->tk.n ? head + ATTRIB_ORG_WINDOW
						  : d->tk.n;
	for (i = head; i-- > lo;) {
		const char *k = doc_key(d, i, &kl);

		if (kl != hl || memcmp(k, hk, kl) != 0)
			continue;
		if ((d->tk.v[i].flags & TOK_CAP) &&
		    !(d->tk.v[i].flags & TOK_SSTART))
			goto hit;
		/* "the Russian and Syrian defence ministries said ... the
		 * ministries said": the head noun in lower case after the
		 * name it was given before. */
		if (i > lo + 2 && plain_word(d, i)) {
			size_t c = i - 1;

			if (plain_word(d, c))
				c--;
			if ((d->tk.v[c].flags & (TOK_CAP | TOK_PUNCT)) ==
				    TOK_CAP && !tok_is(&d->tk, c, "the") &&
			    doc_mention_at(d, c) < 0 && doc_same_sent(d, c, i)) {
				size_t st = c;

				/* back to the name's first word, over "and",
				 * "of" ("Russian and Syrian") */
				while (st > lo + 2 && doc_same_sent(d, st - 2, c) &&
				       org_link(d, st - 1) &&
				       !tok_is(&d->tk, st - 1, "the") &&
				       (d->tk.v[st - 2].flags & TOK_CAP))
					st -= 2;
				org_span(d, st, &a, &b);
				if (b == c + 1) {
					b = i + 1;
					goto named;
				}
			}
		}
	}
	for (i = head + 1; i < hi; i++) {
		const char *k = doc_key(d, i, &kl);

		if ((d->tk.v[i].flags & TOK_CAP) && kl == hl &&
		    memcmp(k, hk, kl) == 0)
			goto hit;
	}
	/* "Shares in Brightwater Foods fell ... the company said": a head
	 * noun for any business stands for the nearest organisation named
	 * before, a name of two words or more with an organisation word
	 * ("the studio" is a studio's). */
	if (tok_in(&d->tk, head, generic, sizeof(generic) / sizeof(*generic)))
		for (i = head; i-- > lo;) {
			size_t j;

			if (!(d->tk.v[i].flags & TOK_CAP) ||
			    !(doc_lex(d, i) & LEX_ORG) ||
			    doc_mention_at(d, i) >= 0)
				continue;
			org_span(d, i, &a, &b);
			for (j = a; j < b && doc_mention_at(d, j) < 0; j++)
				;
			if (j == b && b - a >= 2 &&
			    !(doc_lex(d, a) & (LEX_FUNC | LEX_TITLE)))
				goto named;
			i = a;
		}
	return 0;
hit:
	org_span(d, i, &a, &b);
	if (b - a < 2 && !(doc_lex(d, i) & LEX_ORG))
		return 0; /* a lone capitalised word is no name */
named:
	org_speaker(d, a, b, head, head + 1, SIEVE_ORG, f);
	return 1;
}

/* The end of an organisation's name [.., b) taken on over the lower-case
 * head nouns (plain_word()) after a capitalised modifier, when a speech
 * verb follows them: "the US military said", "the Russian and Syrian
 * defense ministries accused". */
static size_t
org_head(const struct doc *d, size_t b)
{
	size_t e;

	for (e = b; e < d->tk.n && e < b + 2 && doc_same_sent(d, e, b - 1) &&
	     plain_word(d, e); e++)
		;
	return e > b && e < d->tk.n && doc_same_sent(d, e, b) &&
	       doc_is_speech(d, e) ? e : b;
}

/* 1 for "spokesman", "spokeswoman", "spokesperson" and the like. */
static int
spokes_word(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return (kl > 6 && memcmp(k, "spokes", 6) == 0) ||
	       tok_is(&d->tk, i, "representative");
}

/* An organisation as the subject at token i, before a speech verb: "the
 * union", "the company's board" (head noun, resolved by org_named), or a
 * capitalised name with an organisation word ("Harrowgate Borough
 * Council", "the Pentagon"). *end gets the token after it. */
static int
org_at(const struct doc *d, size_t i, size_t *end, struct found *f)
{
	size_t a, b, j, akl;
	const char *ak;

	if (i >= d->tk.n)
		return 0;
	if (tok_is(&d->tk, i, "the") && i + 1 < d->tk.n &&
	    doc_same_sent(d, i, i + 1) && (d->tk.v[i + 1].flags & TOK_WORD) &&
	    !(d->tk.v[i + 1].flags & (TOK_CAP | TOK_POSS)) &&
	    !(doc_lex(d, i + 1) & (LEX_FUNC | LEX_PRONOUN | LEX_SPEECH)) &&
	    !doc_is_role(d, i + 1)) {
		*end = i + 2;
		return org_named(d, i + 1, f);
	}
	if (tok_is(&d->tk, i, "the"))
		i++;
	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_CAP) ||
	    !(d->tk.v[i].flags & TOK_WORD) || doc_mention_at(d, i) >= 0)
		return 0;
	org_span(d, i, &a, &b);
	/* "Halvard, the shipping company, ... Halvard said": a word the
	 * people step told as a company's name, alone. */
	if ((d->tmark[i] & TM_ORG) && a == i && b == i + 1) {
		org_speaker(d, i, i + 1, i, i + 1, SIEVE_ORG, f);
		*end = i + 1;
		return 1;
	}
	if (a != i)
		return 0;
	/* "Developer Cairnwell Renewables said", "Insurer Halden Mutual
	 * Group said": a word for what the company is, opening the sentence
	 * before a name that ends in an organisation word, is no part of
	 * the name. */
	if (b - a >= 3 && (d->tk.v[a].flags & TOK_SSTART) &&
	    doc_is_role(d, a) && !(doc_lex(d, a) & LEX_GIVEN) &&
	    (doc_lex(d, b - 1) & LEX_ORG) && doc_mention_at(d, a + 1) < 0)
		a++;
	/* No person's words: a name, a given name, a role or title
	 * ("Actress Nadia Brennan" is no organisation); a given name is
	 * part of a name that ends in an organisation word ("Dick Clark
	 * Productions"). */
	/* A role after an organisation word and "of" is part of the name
	 * ("Office of the Inspector General", "Ministry of the Interior"). */
	for (j = a; j < b; j++) {
		if (tok_is(&d->tk, j, "of") && j > a &&
		    (doc_lex(d, j - 1) & LEX_ORG))
			break;
		if (doc_mention_at(d, j) >= 0 || doc_is_role(d, j) ||
		    (doc_lex(d, j) & (LEX_TITLE | LEX_PRONOUN)) ||
		    ((doc_lex(d, j) & LEX_GIVEN) &&
		     !(doc_lex(d, b - 1) & LEX_ORG)))
			return 0;
	}
	for (; j < b; j++)
		if (doc_mention_at(d, j) >= 0)
			return 0;
	ak = doc_key(d, a, &akl);
	for (j = a; j < b; j++)
		if (doc_lex(d, j) & LEX_ORG)
			break;
	/* "Waikato police said", "Harrowby council said": a place's name
	 * and an organisation's word in lower case before the verb (not a
	 * sentence's first word of the dictionary: "Yesterday police
	 * said"). */
	if (j == b && b - a < 2 && org_head(d, b) == b + 1 &&
	    (doc_lex(d, b) & LEX_ORG) &&
	    !(doc_lex(d, a) & (LEX_FUNC | LEX_MONTHDAY | LEX_PRONOUN)) &&
	    ((doc_lex(d, a) & LEX_PLACE) || !given_common(ak, akl)))
		j = a;
	if (j == b && !(d->tk.v[a].flags & TOK_ALLCAP) && b - a < 2)
		return 0;
	/* "NASA's Office of the Inspector General": the office speaks,
	 * not its owner. */
	if ((d->tk.v[a].flags & TOK_POSS) && b - a > 2)
		a++;
	/* "Vocalis founder Adaora Okpara", "said Keystone's executive
	 * director, Thandiwe Olivier": a person's title, not the
	 * organisation speaking (its spokesperson speaks for it). */
	for (j = b; j < d->tk.n && j < b + 2 && doc_same_sent(d, j, a); j++) {
		if (doc_is_role(d, j) && !spokes_word(d, j))
			return 0;
		if ((d->tk.v[j].flags & (TOK_WORD | TOK_CAP)) != TOK_WORD)
			break;
	}
	b = org_head(d, b);
	org_speaker(d, a, b, a, b, SIEVE_ORG, f);
	*end = b;
	return 1;
}

/* A speech verb within ATTRIB_VERB_WINDOW words from token e. */
static int
verb_follows(const struct doc *d, size_t e)
{
	size_t steps;

	for (steps = 0; e < d->tk.n && steps < ATTRIB_VERB_WINDOW;
	     e++, steps++) {
		if (doc_is_speech(d, e))
			return 1;
		if (!skippable(d, e))
			break;
	}
	return 0;
}

/* Past an apposition after a name: ", 44," or ", the director,". */
static size_t
past_apposition(const struct doc *d, size_t e)
{
	size_t i;

	if (e >= d->tk.n || !tok_punct(&d->tk, e, ','))
		return e;
	for (i = e + 1; i < d->tk.n && i <= e + 1 + ATTRIB_INV_WINDOW + 4 &&
	     doc_same_sent(d, i, e); i++) {
		if (d->tk.v[i].quote >= 0)
			return e;
		if (tok_punct(&d->tk, i, ','))
			return i + 1;
	}
	return e;
}


/* Past "and his team", "and colleagues" after a name ending at token e:
 * the name leads the group that speaks ("Pike and her team wrote"). */
static size_t
past_team(const struct doc *d, size_t e)
{
	static const char *const team[] = { "team", "colleagues",
		"co-authors", "coauthors", "collaborators", "coworkers",
		"co-workers" };
	size_t k, w = e + 1;

	if (e + 1 >= d->tk.n || !tok_is(&d->tk, e, "and"))
		return e;
	if (tok_is(&d->tk, w, "his") || tok_is(&d->tk, w, "her") ||
	    tok_is(&d->tk, w, "their"))
		w++;
	for (k = 0; w < d->tk.n && k < sizeof(team) / sizeof(*team); k++)
		if (tok_is(&d->tk, w, team[k]) && doc_same_sent(d, w, e))
			return w + 1;
	return e;
}

/* A speech verb after the name ending at token e, past an apposition or
 * job title, before any other quotation or name: 1 when found. */
static int
verb_after_title(const struct doc *d, size_t e)
{
	size_t j;

	e = past_team(d, e);

	if (verb_follows(d, e) || verb_follows(d, past_apposition(d, e)))
		return 1;
	if (e >= d->tk.n || !tok_punct(&d->tk, e, ','))
		return 0;
	for (j = e + 1; j < d->tk.n && j < e + ATTRIB_TRAIL_GAP &&
	     doc_same_sent(d, j, e); j++) {
		if (d->tk.v[j].quote >= 0 || tok_punct(&d->tk, j, '"') ||
		    doc_mention_at(d, j) >= 0)
			return 0;
		if (doc_is_speech(d, j))
			return 1;
	}
	return 0;
}

/* 1 when the sentence of token e-1 ends at token e or goes on only with
 * a phrase of where or when ("in a statement", "on Monday"). */
static int
clause_ends(const struct doc *d, size_t e)
{
	if (e >= d->tk.n || !doc_same_sent(d, e, e - 1))
		return 1;
	if (tok_punct(&d->tk, e, '.') || tok_punct(&d->tk, e, ';'))
		return 1;
	return (doc_lex(d, e) & LEX_PREP) || doc_is_adverb(d, e);
}

/* The token whose sentence is the one the quote's reporting clause
 * stands in: the closing mark's, or, after a question or exclamation
 * inside the marks, the capitalised word just after them, which the
 * sentence splitter takes for a new sentence ('"Why now?" Ivy Banks
 * asked.', '"Enough!" Okafor shouted.'). A line or paragraph break
 * there is a real end. */
static size_t
tail_anchor(const struct doc *d, const struct quote *q)
{
	size_t n = q->close + 1;

	if (q->close == DOC_NONE || n >= d->tk.n || q->t1 <= q->t0 ||
	    !(d->tk.v[n].flags & TOK_SSTART) ||
	    (d->tk.v[n].flags & (TOK_PSTART | TOK_NLBEFORE | TOK_PUNCT)) ||
	    !(tok_punct(&d->tk, q->t1 - 1, '?') ||
	      tok_punct(&d->tk, q->t1 - 1, '!')))
		return q->close;
	return n;
}

/* 1 when the mark at token j is the apostrophe of a plural possessive
 * ("Acme Holdings' vice president"): glued to a word ending in "s", a
 * space after it. */
static int
plural_possessive(const struct doc *d, size_t j)
{
	const struct tok *k = &d->tk.v[j];

	return j > 0 && d->tk.v[j - 1].o + d->tk.v[j - 1].ol == k->o &&
	       doc_prev_cp(d, k->o) == 's' &&
	       doc_cp_at(d, k->o + k->ol) == ' ';
}

/* The first name after the quote in its sentence, further than the token
 * just after it, with its speech verb after it: "..." chairman, CEO and
 * president Olu Brandt said'. */
static int
speaker_after_far(struct doc *d, const struct quote *q, struct found *f)
{
	size_t i, j, end;
	int clause = 0;

	if (q->close == DOC_NONE)
		return -1;
	i = q->close + 1;

	for (j = i; j < d->tk.n && j < i + ATTRIB_TRAIL_FAR &&
	     doc_same_sent(d, j, tail_anchor(d, q)); j++) {
		int m;

		if (d->tk.v[j].quote >= 0 || tok_punct(&d->tk, j, '"') ||
		    (tok_punct(&d->tk, j, '\'') && !plural_possessive(d, j)))
			return -1;
		m = doc_mention_at(d, j);
		/* '"..." and singled out its lead, Imre Vass, for praise':
		 * the sentence goes on with its own verb; the name after
		 * is an object. */
		if (j == i && (tok_is(&d->tk, j, "and") ||
			       tok_is(&d->tk, j, "but") ||
			       tok_is(&d->tk, j, "while") ||
			       tok_is(&d->tk, j, "as")))
			clause = 1;
		if (m < 0 || d->m[m].tok != j)
			continue;
		end = j + d->m[m].ntok;
		/* ... but a reporting clause that closes the sentence
		 * governs all of it: 'the crisis is “growing fast” and
		 * affects every town, Noem said.' */
		if (clause) {
			if (j > i && tok_punct(&d->tk, j - 1, ',') &&
			    end < d->tk.n && doc_is_speech(d, end) &&
			    clause_ends(d, end + 1)) {
				found_person(f, d->m[m].person, j, end,
					     HOW_NAME, SIEVE_TRAILING);
				return d->m[m].person;
			}
			return -1;
		}
		if (verb_after_title(d, end)) {
			found_person(f, d->m[m].person, j, end, HOW_NAME,
				     SIEVE_TRAILING);
			return d->m[m].person;
		}
		return -1;
	}
	return -1;
}

static int anonymous_subject(const struct doc *d, size_t a, size_t b);
static int org_in_sentence_by(const struct doc *d, uint32_t s,
			      struct found *f, int verb);
static int org_spokesperson(const struct doc *d, size_t a, size_t b,
			    struct found *f);

/* 1 when a speech verb within a few tokens of token e is followed by a
 * comma or a colon and a new quotation that opens with a capital:
 * '"How so?" Umar said, "If you love ..."' names the speaker of the
 * quotation after it (a split quotation goes on in lower case: '"Where,"
 * she asked, "and when?"'). */
static int
opens_next(const struct doc *d, size_t e)
{
	size_t j;

	for (j = e; j < d->tk.n && j < e + 4 && doc_same_sent(d, e, j); j++) {
		if (d->tk.v[j].quote >= 0)
			return 0;
		if (doc_is_speech(d, j)) {
			size_t k = j + 1;

			if (!(tok_punct(&d->tk, k, ',') ||
			      tok_punct(&d->tk, k, ':')))
				return 0;
			for (k++; k < d->tk.n && k < j + 4 &&
			     (d->tk.v[k].flags & TOK_PUNCT); k++)
				;
			return k < d->tk.n && d->tk.v[k].quote >= 0 &&
			       (d->tk.v[k].flags & TOK_CAP);
		}
	}
	return 0;
}

/* '"We all miss him," Benioff weighed in': a quotation that ends in a
 * comma, question or exclamation mark inside its marks, then a name and a
 * word in lower case, is attributed by that verb, whatever it is (the name
 * [i, e) is not a possessor: "Ford's lawyer said"). */
static int
attribution_verb(const struct doc *d, const struct quote *q, size_t i,
		 size_t e)
{
	size_t kl;
	const char *k;

	if (q->t1 <= q->t0 || e >= d->tk.n || !doc_same_sent(d, e, i) ||
	    (d->tk.v[e - 1].flags & TOK_POSS))
		return 0;
	k = doc_key(d, q->t1 - 1, &kl);
	if (!(d->tk.v[q->t1 - 1].flags & TOK_PUNCT) ||
	    (*k != ',' && *k != '?' && *k != '!'))
		return 0;
	if ((d->tk.v[e].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) != TOK_WORD ||
	    (doc_lex(d, e) & (LEX_FUNC | LEX_PREP | LEX_DET | LEX_PRONOUN)) ||
	    doc_is_role(d, e))
		return 0;
	return 1;
}

/* A document that speaks for its authors: "statement", "report". */
static int
is_document(const struct doc *d, size_t i)
{
	static const char *const w[] = { "statement", "report", "release",
		"note", "filing", "letter", "memo", "post", "notice" };

	return tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w));
}

/* An organisation's pronoun or document at token i ("they", "it", "the
 * statement"): *end gets the token after it. "The company" is left to
 * org_at(). */
static int
org_pronoun(const struct doc *d, size_t i, size_t *end)
{
	if (tok_is(&d->tk, i, "they") || tok_is(&d->tk, i, "it")) {
		*end = i + 1;
		return 1;
	}
	if (tok_is(&d->tk, i, "the") && i + 1 < d->tk.n &&
	    is_document(d, i + 1)) {
		*end = i + 2;
		return 1;
	}
	return 0;
}

/* Lower-case words a signature may put before the name ("— veteran
 * actor Jane Ellison", "— volunteer Bram Oduya"). */
#define ATTRIB_SIGNED_ROLE_WORDS 3

/* A quotation signed with a dash and a name that ends its line or goes
 * on with a comma ('"..." — Jane Ellison', '"..." – Jane Ellison, union
 * president', '"...," — programmer Jane Ellison.'): that person. */
static int
signed_after(struct doc *d, const struct quote *q, struct found *f)
{
	size_t j = q->close + 1, n, e;
	int m;

	if (j < d->tk.n && tok_punct(&d->tk, j, ',') &&
	    !(d->tk.v[j].flags & TOK_NLBEFORE))
		j++;
	if (j + 1 >= d->tk.n || !tok_punct(&d->tk, j, '-') ||
	    (d->tk.v[j].flags & TOK_NLBEFORE) ||
	    (d->tk.v[j + 1].flags & TOK_NLBEFORE))
		return -1;
	/* Words in lower case (a role), then the name. */
	for (n = 0; n < ATTRIB_SIGNED_ROLE_WORDS && j + 2 + n < d->tk.n &&
	     (d->tk.v[j + 1 + n].flags & (TOK_WORD | TOK_CAP | TOK_NLBEFORE)) ==
		     TOK_WORD;
	     n++)
		;
	m = doc_mention_at(d, j + 1 + n);
	if (m < 0 || d->m[m].tok != j + 1 + n)
		return -1;
	e = j + 1 + n + d->m[m].ntok;
	/* The name ends the line, goes on with a comma, or ends the line
	 * with a full stop. */
	if (e < d->tk.n && !(d->tk.v[e].flags & TOK_NLBEFORE) &&
	    !tok_punct(&d->tk, e, ',') &&
	    !(tok_punct(&d->tk, e, '.') &&
	      (e + 1 >= d->tk.n || (d->tk.v[e + 1].flags & TOK_NLBEFORE))))
		return -1;
	found_person(f, d->m[m].person, j + 1 + n, e, HOW_NAME,
		     SIEVE_TRAILING);
	return d->m[m].person;
}

/* ", she notes" / "Ivy Banks told" / "said Smith" / "the union said"
 * after the closing mark. */
static int
speaker_after(struct doc *d, const struct quote *q, struct found *f)
{
	size_t i, end, steps, v, o, at;
	enum how how;
	int p;

	if (q->close == DOC_NONE)
		return -1;
	if ((p = signed_after(d, q, f)) >= 0)
		return p;
	at = tail_anchor(d, q);
	i = q->close + 1;
	while (i < d->tk.n && doc_same_sent(d, i, at) &&
	       (d->tk.v[i].flags & TOK_PUNCT) && !tok_punct(&d->tk, i, '"') &&
	       !tok_punct(&d->tk, i, '.'))
		i++;
	if (i >= d->tk.n || !doc_same_sent(d, i, at))
		return -1;
	if ((d->tk.v[i].flags & TOK_SSTART) && i != at)
		return -1;
	/* "so says Ortiz" */
	if (tok_is(&d->tk, i, "so") && i + 1 < d->tk.n && doc_is_speech(d, i + 1))
		i++;
	p = person_how(d, i, &end, &how);
	if (p >= 0) {
		if (!opens_next(d, end) &&
		    (verb_after_title(d, end) ||
		     (how == HOW_NAME && attribution_verb(d, q, i, end)))) {
			found_person(f, p, i, end, how, SIEVE_TRAILING);
			return p;
		}
		return -1;
	}
	/* Only before a speech verb: the name search costs a window. A
	 * capitalised name costs only its length, so it may be long ("the
	 * Office of the Inspector General said"). */
	if (verb_follows(d, i + 2) || verb_follows(d, i + 1) ||
	    verb_follows(d, i + 3) || (d->tk.v[i].flags & TOK_CAP) ||
	    (tok_is(&d->tk, i, "the") && i + 1 < d->tk.n &&
	     (d->tk.v[i + 1].flags & TOK_CAP))) {
		if (org_at(d, i, &end, f)) {
			if (verb_follows(d, end))
				return -3;
			f->org = 0;
		}
	}
	/* '"...," a Lanternfield Pictures spokesperson said': somebody
	 * the text does not name. */
	if (anonymous_subject(d, i, i + ATTRIB_ANON_WINDOW + 3 < d->tk.n
				    ? i + ATTRIB_ANON_WINDOW + 3 : d->tk.n)) {
		size_t k;

		for (k = i; k < d->tk.n && k < i + ATTRIB_ANON_WINDOW + 4 &&
		     doc_same_sent(d, k, i); k++)
			if (doc_is_speech(d, k))
				/* '"...," a Harrow Pictures spokesperson
				 * said': the organisation speaks. */
				return org_spokesperson(d, i, k, f) ? -3 : -2;
	}
	/* '"...," they said', '"...," it says', '"...," the statement
	 * said': the organisation that spoke last (attribute_quotes()). */
	if (org_pronoun(d, i, &end) && end < d->tk.n &&
	    doc_is_speech(d, end)) {
		f->f0 = i;
		f->f1 = end;
		return -4;
	}
	/* '"...," police said', '"...," officials told reporters': a
	 * group the text does not name, not the speaker before. */
	if ((d->tk.v[i].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) == TOK_WORD &&
	    !(doc_lex(d, i) & (LEX_FUNC | LEX_PREP | LEX_PRONOUN | LEX_DET)) &&
	    !doc_is_speech(d, i) && !doc_is_adverb(d, i) &&
	    i + 1 < d->tk.n && doc_same_sent(d, i + 1, at) &&
	    doc_is_speech(d, i + 1))
		return -2;
	if (!doc_is_speech(d, i))
		return -1; /* speaker_after_far() is tried later */
	v = i;
	/* '“...”, adding that Mr Shibayama “...”': a participle goes on
	 * with the sentence's subject, and a name after "that" is in what
	 * is reported; no inverted "said Smith". */
	{
		size_t kl;
		const char *vk = doc_key(d, v, &kl);

		if ((kl > 4 && memcmp(vk + kl - 3, "ing", 3) == 0 &&
		     !tok_is(&d->tk, v, "according")) ||
		    (v + 1 < d->tk.n && tok_is(&d->tk, v + 1, "that")))
			return -1;
	}
	{
		/* "said Smith", "said the cinematographer Cliff Barton",
		 * "says she" */
		for (steps = 0, i++;
		     i < d->tk.n && steps < ATTRIB_INV_WINDOW &&
		     doc_same_sent(d, i, at); i++) {
			/* "said U.S. Attorney Dana Pike": job words and
			 * abbreviations are not counted. */
			if (!(d->tk.v[i].flags & (TOK_PUNCT | TOK_ALLCAP)) &&
			    !doc_is_role(d, i) && !(doc_lex(d, i) & LEX_TITLE))
				steps++;
			p = person_how(d, i, &end, &how);
			if (p >= 0) {
				found_person(f, p, i, end, how,
					     SIEVE_TRAILING);
				return p;
			}
		}
	}
	/* '"...," said Kotak Equities', '"...," said a report from
	 * Kotak Equities': an organisation after the verb. */
	o = v + 1;
	if (o + 2 < d->tk.n && (tok_is(&d->tk, o, "a") ||
				tok_is(&d->tk, o, "the")) &&
	    is_document(d, o + 1) &&
	    (tok_is(&d->tk, o + 2, "from") || tok_is(&d->tk, o + 2, "by") ||
	     tok_is(&d->tk, o + 2, "of")))
		o += 3;
	if (o < d->tk.n && doc_same_sent(d, o, at) &&
	    doc_mention_at(d, o) < 0 && org_at(d, o, &end, f))
		return -3;
	f->org = 0;
	return -1;
}

/* 1 when an indefinite epithet ("a veteran producer", "one casting
 * director") stands in tokens [a, b): a speaker the text does not name. */
static int
anonymous_subject(const struct doc *d, size_t a, size_t b)
{
	size_t i, j;

	for (i = a; i < b; i++)
		if (d->tk.v[i].quote < 0 && doc_mention_at(d, i) >= 0)
			return 0; /* "X, a retired judge, said": X */
	for (i = a; i < b; i++) {
		if (!(doc_lex(d, i) & LEX_INDEF) || d->tk.v[i].quote >= 0)
			continue;
		for (j = i + 1; j < b && j <= i + ATTRIB_ANON_WINDOW; j++)
			if (doc_is_role(d, j))
				return 1;
	}
	return 0;
}

/* "Dales Police said the road was shut. '...,' a spokesperson said": a
 * spokesperson named for no one in tokens [a, b) speaks for the
 * organisation that a verb of saying followed in one of the two
 * sentences before, in the same paragraph or the one before; not for
 * one named after "for" ("a spokesperson for the family"). 1 when found
 * (in *f). */
static int
org_spokesperson_before(const struct doc *d, size_t a, size_t b,
			struct found *f)
{
	size_t i;
	uint32_t s, para;
	int n;

	for (i = a; i < b; i++)
		if (d->tk.v[i].quote < 0 && spokes_word(d, i))
			break;
	if (i >= b || (i + 1 < d->tk.n && tok_is(&d->tk, i + 1, "for")))
		return 0;
	s = d->tk.v[a].sent;
	para = d->tk.v[a].para;
	for (n = 0; n < 3 && s > 0; n++) {
		s--;
		if (d->tk.v[d->sent_start[s]].para + 1 < para)
			break;
		if (org_in_sentence_by(d, s, f, 1))
			return 1;
		f->org = 0;
	}
	return 0;
}

/* "a Quillfeather Pictures spokesperson", "the Harrow Guild's
 * spokesman" in tokens [a, b): one who speaks for an organisation the
 * text names, so the organisation speaks (1, in *f). */
static int
org_spokesperson(const struct doc *d, size_t a, size_t b, struct found *f)
{
	static const char *const w[] = { "spokesperson", "spokesman",
		"spokeswoman", "spokespeople", "representative" };
	size_t i, j, e;

	for (i = a; i + 2 < b; i++) {
		if (d->tk.v[i].quote >= 0 ||
		    !((doc_lex(d, i) & LEX_INDEF) || tok_is(&d->tk, i, "the")))
			continue;
		for (e = i + 1; e < b && (d->tk.v[e].flags & TOK_CAP) &&
		     (d->tk.v[e].flags & TOK_WORD) && doc_mention_at(d, e) < 0;
		     e++)
			;
		if (e == i + 1 || e >= b)
			continue;
		for (j = 0; j < sizeof(w) / sizeof(*w); j++)
			if (tok_is(&d->tk, e, w[j]))
				break;
		if (j == sizeof(w) / sizeof(*w))
			continue;
		org_speaker(d, i + 1, e, i + 1, e, SIEVE_ORG, f);
		return 1;
	}
	return org_spokesperson_before(d, a, b, f);
}

/* "according to Smith" in the quote's sentence, outside quotations. */
static int
according_to(struct doc *d, const struct quote *q, struct found *f)
{
	uint32_t s = d->tk.v[q->open].sent;
	/* From the sentence of the opening mark to that of the closing one:
	 * a mark opening a paragraph can be a sentence of its own. */
	uint32_t se = q->close != DOC_NONE ? d->tk.v[q->close].sent : s;
	size_t i, end, hi = d->sent_start[se + 1];
	enum how how;
	int p;

	for (i = d->sent_start[s]; i + 2 < hi; i++) {
		if (d->tk.v[i].quote >= 0 || !tok_is(&d->tk, i, "according") ||
		    !tok_is(&d->tk, i + 1, "to"))
			continue;
		/* "according to a statement from Jane Ellison" */
		if (i + 5 < hi &&
		    (tok_is(&d->tk, i + 2, "a") || tok_is(&d->tk, i + 2, "the")) &&
		    is_document(d, i + 3) &&
		    (tok_is(&d->tk, i + 4, "from") || tok_is(&d->tk, i + 4, "by")))
			i += 3;
		p = person_how(d, i + 2, &end, &how);
		if (p >= 0) {
			found_person(f, p, i + 2, end, how, SIEVE_ACCORDING);
			return p;
		}
		if (org_at(d, i + 2, &end, f)) {
			f->sieve = SIEVE_ORG;
			return -3;
		}
	}
	return -1;
}

/* 1 when a speech verb stands up to two words before token j ("told B",
 * "said that B"): B is the listener or the topic, not the speaker. */
static int
speech_just_before(const struct doc *d, size_t s0, size_t j)
{
	size_t k;

	for (k = j; k > s0 && k + 3 > j; k--)
		if (doc_is_speech(d, k - 1))
			return 1;
	return 0;
}

/* The subject at the start of the sentence of token t (a name, he/she or
 * an epithet, past an introductory clause); -1 if none. */
static int
sentence_start_person(struct doc *d, size_t t, size_t v, struct found *f)
{
	uint32_t s = d->tk.v[t].sent;
	size_t a = skip_intro(d, d->sent_start[s], d->sent_start[s + 1]);
	size_t end;
	enum how how;
	int p;

	/* "Showrunner Faith Carpenter": past job words to the name. */
	while (a + 1 < v && (doc_is_role(d, a) || (doc_lex(d, a) & LEX_TITLE)) &&
	       doc_mention_at(d, a) < 0 && !tok_is(&d->tk, a, "the"))
		a++;
	if (a >= v || d->tk.v[a].quote >= 0)
		return -1;
	a = past_title(d, a, v);
	p = person_how(d, a, &end, &how);
	if (p >= 0 && end <= v)
		found_person(f, p, a, end, how, SIEVE_LEADING);
	return p >= 0 && end <= v ? p : -1;
}

/* 1 when the name at token j follows a verb or a preposition in its
 * clause ("introduced Cook", "remembered Jobs", "with Smith"): an object,
 * not a subject ("while Cook found it", "Cook, who"). */
static int
is_object(const struct doc *d, size_t s0, size_t j)
{
	static const char *const conj[] = { "and", "but", "while", "whereas",
		"or", "then", "so", "yet", "as", "when", "who", "that" };

	if (j <= s0)
		return 0;
	if ((d->tk.v[j - 1].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) !=
	    TOK_WORD || doc_is_role(d, j - 1) ||
	    (doc_lex(d, j - 1) & (LEX_DET | LEX_TITLE)))
		return 0;
	return !tok_in(&d->tk, j - 1, conj, sizeof(conj) / sizeof(*conj));
}

/* The speaker a colon introduces at token c: the subject of its sentence
 * ("Steenburgen found one drawback to working with Smith and York:"),
 * else the nearest person before it ("The reply from Okafor:"). */
static int
colon_speaker(struct doc *d, size_t c, struct found *f)
{
	if (sentence_start_person(d, c, c, f) >= 0) {
		f->sieve = SIEVE_COLON;
		return f->p;
	}
	return nearest_person_before(d, c, f, SIEVE_COLON);
}

/* 1 when the words [e, v) between a name and its verb are only gaps and
 * an apposition ("Smith, 44, said", "Smith later said"). */
static int
adjacent_to_verb(const struct doc *d, size_t e, size_t v)
{
	size_t k = past_apposition(d, e);

	if (k > v)
		k = e;
	/* "Grace Ng of Cutaway Weekly praised": where the name works */
	if (k + 1 < v && (tok_is(&d->tk, k, "of") || tok_is(&d->tk, k, "from") ||
			  tok_is(&d->tk, k, "at"))) {
		size_t j = k + 1;

		if (tok_is(&d->tk, j, "the"))
			j++;
		if (j < v && (d->tk.v[j].flags & TOK_CAP) &&
		    doc_mention_at(d, j) < 0) {
			while (j < v && (d->tk.v[j].flags & TOK_CAP) &&
			       !(d->tk.v[j].flags & TOK_PUNCT) &&
			       doc_mention_at(d, j) < 0)
				j++;
			k = j;
		}
	}
	for (; k < v; k++)
		if (!skippable(d, k) && !(doc_lex(d, k) & LEX_NAME_GAP) &&
		    !tok_punct(&d->tk, k, ',') && !tok_is(&d->tk, k, "who"))
			return 0;
	return 1;
}

/* A name at token j inside a reported clause ("Mitchell will tell you
 * that the coordinator, Ana Pike, was “...”"): the speech verb's subject
 * before "that" speaks, not the name after it. The person (in *f), or
 * -1. */
static int
reporter_of_clause(struct doc *d, size_t s0, size_t j, struct found *f)
{
	size_t k, v;

	for (k = j; k-- > s0;) {
		if (d->tk.v[k].quote >= 0)
			return -1;
		if (!tok_is(&d->tk, k, "that"))
			continue;
		for (v = k; v > s0 && v + 3 > k; v--)
			if (doc_is_speech(d, v - 1) &&
			    !(d->tk.v[v - 1].flags & TOK_CAP))
				return v - 1 > s0 ?
				       nearest_person_before(d, v - 2, f,
							     SIEVE_LEADING) :
				       -1;
		return -1;
	}
	return -1;
}

/* A name that closes an apposition to the sentence's subject ("Prince
 * Edmund, the younger brother of the heir to the throne, Charles, has
 * told", "Jane Doe, the widow of Oskar Brandt, said"): the subject is the
 * speaker of the verb at token v, not the name nearest before it. 1 when
 * so, with *f moved to the subject. */
static int finite_verb(const struct doc *d, size_t i);

static int
appositive_name(struct doc *d, size_t v, struct found *f)
{
	static const char *const joins[] = { "and", "or", "but", "while",
		"who", "which", "that", "whom", "whose" };
	struct found g;
	size_t k;
	int prep = 0;

	memset(&g, 0, sizeof(g));
	g.p = -1;
	if (f->f1 >= v || !tok_punct(&d->tk, f->f1, ',') ||
	    sentence_start_person(d, v, v, &g) < 0 || g.p == f->p ||
	    g.sieve != SIEVE_LEADING || f->sieve != SIEVE_LEADING ||
	    g.f1 + 1 >= f->f0 || !tok_punct(&d->tk, g.f1, ','))
		return 0;
	k = g.f1 + 1;
	/* The apposition opens with "the", "a", "its", a role or an age. */
	if (!(doc_lex(d, k) & (LEX_DET | LEX_APPOS)) && !doc_is_role(d, k) &&
	    !(d->tk.v[k].flags & TOK_NUM))
		return 0;
	for (; k < f->f0; k++) {
		if (d->tk.v[k].quote >= 0 || finite_verb(d, k) ||
		    tok_in(&d->tk, k, joins, sizeof(joins) / sizeof(*joins)) ||
		    doc_mention_at(d, k) >= 0)
			return 0;
		if (doc_lex(d, k) & LEX_PREP)
			prep = 1;
	}
	/* The name sits in the apposition's complement ("of the heir"),
	 * not in the apposition itself ("the director Radek Hora"). */
	if (!prep)
		return 0;
	*f = g;
	return 1;
}

/* 1 when the full stop at token j ends no sentence: a letter or digit
 * follows it at once ("Polygraph.info") or the next word is in lower
 * case ("the U.N. is"). */
static int
inner_point(const struct doc *d, size_t j)
{
	const struct tok *k = &d->tk.v[j];
	int32_t c = doc_cp_at(d, k->o + k->ol);

	if (norm_is_letter(c) || (c >= '0' && c <= '9'))
		return 1;
	return j + 1 < d->tk.n &&
	       (d->tk.v[j + 1].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) ==
		       TOK_WORD;
}

/* A quotative "go" or "be like" at token j, with a comma or colon (or
 * nothing) before the opening mark at `open` ("he'd pop up and go, “Are
 * we good?”", "and I was like, “No way.”"): a verb of saying in speech
 * written down. */
static int
quotative(const struct doc *d, size_t j, size_t open)
{
	static const char *const go[] = { "go", "goes", "went", "going" };
	static const char *const be[] = { "was", "is", "were", "am", "are",
		"'s", "'m", "be", "being" };

	if (j + 1 != open && !(j + 2 == open && (tok_punct(&d->tk, j + 1, ',') ||
					       tok_punct(&d->tk, j + 1, ':'))))
		return 0;
	if (d->tk.v[j].flags & TOK_CAP)
		return 0;
	if (tok_in(&d->tk, j, go, sizeof(go) / sizeof(*go)))
		return 1;
	return tok_is(&d->tk, j, "like") && j > 0 && doc_same_sent(d, j - 1, j) &&
	       tok_in(&d->tk, j - 1, be, sizeof(be) / sizeof(*be));
}

/* Tokens walked back from a name to the comma that opens a participle's
 * phrase around it. */
#define ATTRIB_AGENT_PHRASE 8

/* The comma that opens a participle's phrase holding the name at token j
 * as its agent, between commas before the quotation, after a person
 * named before it: "Judge X ruled that the pump, designed by engineers
 * Ana and Ben Reyes in 2017, was “...”" (the agent is no speaker: the
 * person before is); DOC_NONE if none. */
static size_t
agent_phrase(const struct doc *d, size_t s0, size_t j, size_t open)
{
	size_t k, by = DOC_NONE, kl;
	const char *pk;

	for (k = j + 1; k < open && !tok_punct(&d->tk, k, ','); k++)
		if (d->tk.v[k].flags & TOK_PUNCT)
			return DOC_NONE;
	if (k >= open)
		return DOC_NONE;
	for (k = j; k > s0 && k + ATTRIB_AGENT_PHRASE > j; k--) {
		if (tok_punct(&d->tk, k - 1, ','))
			break;
		if (tok_is(&d->tk, k - 1, "by"))
			by = k - 1;
	}
	if (k <= s0 || !tok_punct(&d->tk, k - 1, ',') || by == DOC_NONE ||
	    by != k + 1 || (d->tk.v[k].flags & (TOK_CAP | TOK_PUNCT)))
		return DOC_NONE;
	pk = doc_key(d, k, &kl);
	if (kl <= 3 || memcmp(pk + kl - 2, "ed", 2) != 0)
		return DOC_NONE;
	/* "The panel, chaired by X, found that “...”": with no person
	 * before the phrase the agent speaks for its subject. */
	for (j = s0; j + 1 < k; j++)
		if (doc_mention_at(d, j) >= 0)
			return k - 1;
	return DOC_NONE;
}

/* "Smith adds:" / "Noe bluntly stated," before the opening mark. Returns
 * the person, -1 when there is none, -2 when the text gives the speaker
 * as somebody unnamed, -3 for an organisation (in *f). */
static int
speaker_before(struct doc *d, const struct quote *q, struct found *f)
{
	size_t s0 = d->sent_start[d->tk.v[q->open].sent], j = q->open;
	size_t v = DOC_NONE, end;

	while (j > s0) {
		int m;

		j--;
		if (d->tk.v[j].quote >= 0)
			break; /* another quotation: stop there */
		if ((tok_punct(&d->tk, j, '.') && !inner_point(d, j)) ||
		    tok_punct(&d->tk, j, '?') || tok_punct(&d->tk, j, '!')) {
			/* 'X said, via Y of the Post. "..."': a sentence
			 * the splitter kept together; its subject goes
			 * on. */
			if (sentence_start_person(d, j, j, f) >= 0) {
				f->sieve = SIEVE_SUBJECT;
				return f->p;
			}
			break;
		}
		if (doc_is_speech(d, j) || quotative(d, j, q->open)) {
			v = j;
			break;
		}
		/* "A called it “...,” while B found it “...”": a name
		 * between the quote and any speech verb is its speaker
		 * (unless a verb names it as the listener: "told B"). */
		m = doc_mention_at(d, j);
		/* "knowledge of Epstein’s “unbecoming” behaviour": a
		 * possessor is not the speaker. */
		if (m >= 0 && d->m[m].tok == j && d->tk.v[j].quote < 0 &&
		    agent_phrase(d, s0, j, q->open) != DOC_NONE) {
			j = agent_phrase(d, s0, j, q->open);
			continue;
		}
		if (m >= 0 && d->m[m].tok == j && d->tk.v[j].quote < 0 &&
		    !(d->tk.v[j + d->m[m].ntok - 1].flags & TOK_POSS) &&
		    !speech_just_before(d, s0, j)) {
			/* "Marsh found one drawback to working with Okoro
			 * and Frost: “...”": a colon introduces the subject.
			 * "Benioff introduced Cook to the audience as
			 * “...”": a name after a verb is its object; the
			 * sentence's subject speaks. */
			if (q->open > s0 && tok_punct(&d->tk, q->open - 1, ':'))
				return colon_speaker(d, q->open - 1, f);
			if (reporter_of_clause(d, s0, j, f) >= 0 &&
			    f->p != d->m[m].person)
				return f->p;
			if (is_object(d, s0, j) &&
			    sentence_start_person(d, j, j, f) >= 0 &&
			    f->p != d->m[m].person) {
				f->sieve = SIEVE_SUBJECT;
				return f->p;
			}
			found_person(f, d->m[m].person, j,
				     j + d->m[m].ntok, HOW_NAME,
				     SIEVE_SUBJECT);
			return d->m[m].person;
		}
	}
	if (v == DOC_NONE) {
		/* "Field: "..." or a colon right before the quotation. */
		if (q->open > s0 && tok_punct(&d->tk, q->open - 1, ':'))
			return colon_speaker(d, q->open - 1, f);
		return -1;
	}
	if (v > s0) {
		int p;
		size_t a = skip_intro(d, s0, v);

		size_t kl;
		const char *vk = doc_key(d, v, &kl);

		if (anonymous_subject(d, s0, v))
			return org_spokesperson(d, s0, v, f) ? -3 : -2;
		/* "He urged Vance to act, saying “...”": a participle
		 * belongs to the sentence's subject. */
		if (kl > 3 && memcmp(vk + kl - 3, "ing", 3) == 0 &&
		    sentence_start_person(d, v, v, f) >= 0)
			return f->p;
		p = nearest_person_before(d, v - 1, f, SIEVE_LEADING);
		/* "he asked about X, called Marsh a “liar” and said":
		 * a name far from the verb is an object; the subject
		 * speaks. */
		if (p >= 0 && !adjacent_to_verb(d, f->f1, v)) {
			struct found g;

			memset(&g, 0, sizeof(g));
			g.p = -1;
			if (sentence_start_person(d, v, v, &g) >= 0) {
				*f = g;
				return g.p;
			}
		}
		if (p >= 0 && appositive_name(d, v, f))
			return f->p;
		if (p >= 0)
			return p;
		if (a < v && org_at(d, a, &end, f) && end <= v)
			return -3;
		f->org = 0;
		/* "Later that day, the ministries said ...": the head noun
		 * right before the verb. */
		if (v >= s0 + 2 && tok_is(&d->tk, v - 2, "the") &&
		    org_at(d, v - 2, &end, f) && end == v)
			return -3;
		f->org = 0;
	}
	/* "said Smith: ..." (not a possessor: "claims of having no
	 * knowledge of Epstein's “unbecoming” behaviour") */
	for (j = v + 1; j < q->open; j++) {
		enum how how;
		int p = person_how(d, j, &end, &how);

		if (p >= 0 && !(d->tk.v[end - 1].flags & TOK_POSS)) {
			found_person(f, p, j, end, how, SIEVE_LEADING);
			return p;
		}
	}
	return -1;
}

/* No speech verb: the person the quote's sentence is about, named before
 * the quote ("The 70-year-old manager has seen 'about nine thousand
 * performances'"), or, for a quote that opens its sentence, the subject
 * of the sentence before it in the paragraph ("She is wary of it. 'People
 * want me to be a saint.'"). */
/* A quotation opening a paragraph with no reporting clause, after a
 * paragraph about one person ("Maria Okafor addressed the crowd. / “We
 * will strike ...”"): that person, when the paragraph before names
 * nobody else, quotes nobody, and names the person in its last
 * sentence or as the subject of one of its sentences; -1 otherwise. */
static int
sole_person_before(struct doc *d, const struct quote *q, struct found *f)
{
	uint32_t s = d->tk.v[q->open].sent, para = d->tk.v[q->open].para, t, t2;
	size_t j, a, jm = 0;
	int p = -1, last = 0;

	if (!(d->tk.v[q->open].flags & TOK_PSTART) || s == 0 ||
	    d->tk.v[d->sent_start[s - 1]].para + 1 != para)
		return -1;
	for (t = s - 1; t > 0 && d->tk.v[d->sent_start[t - 1]].para + 1 == para;
	     t--)
		;
	a = d->sent_start[t];
	for (j = a; j < q->open; j++)
		if (d->tk.v[j].quote >= 0)
			return -1;
	for (j = doc_mention_from(d, a); j < d->nm && d->m[j].tok < q->open;
	     j++) {
		if (p >= 0 && d->m[j].person != p)
			return -1;
		p = d->m[j].person;
		jm = j;
		if (d->tk.v[d->m[j].tok].sent == s - 1)
			last = 1;
	}
	/* "... She was angry." names the person by a pronoun of hers. */
	if (p >= 0 && !last) {
		size_t b = skip_intro(d, d->sent_start[s - 1], d->sent_start[s]);
		int g = pronoun_gender(d, b);

		last = g >= 0 && g == d->p[p].gender &&
		       (tok_is(&d->tk, b, "she") || tok_is(&d->tk, b, "he"));
	}
	/* "Ana Pike has coached the team since 2019. The club finished
	 * third." -- the person is the subject of a sentence of it. */
	for (t2 = t; p >= 0 && !last && t2 < s; t2++) {
		size_t e, b = skip_intro(d, d->sent_start[t2],
					 d->sent_start[t2 + 1]);
		enum how how;

		b = past_title(d, b, d->sent_start[t2 + 1]);
		last = person_how(d, b, &e, &how) == p;
	}
	if (p < 0 || !last)
		return -1;
	found_person(f, p, d->m[jm].tok, d->m[jm].tok + d->m[jm].ntok,
		     HOW_NAME, SIEVE_SUBJECT);
	return p;
}

/* Past a title before a name at token a ("Media analyst Benedikt Okwuosa",
 * "Third-year directing student Kofi Brennan", "Head of localisation
 * Cheryl Ong"): capitalised words, words in lower case, "of" and roles, up
 * to ATTRIB_EPITHET_AHEAD, with a role among them, and then a name; or past a noun phrase to the name in apposition
 * ("The film's lead, Clementine Abara,"); a otherwise. */
static size_t
past_title(const struct doc *d, size_t a, size_t b)
{
	size_t j;
	int role = 0;

	if (doc_mention_at(d, a) >= 0)
		return a;
	/* "The film's lead, Clementine Abara, said": a noun phrase, then
	 * the name in apposition. */
	if (doc_lex(d, a) & LEX_DET) {
		for (j = a + 1; j < b && j < a + ATTRIB_EPITHET_AHEAD; j++) {
			if (tok_punct(&d->tk, j, ',')) {
				size_t n = j + 1;
				int m;

				/* ", Dr Osric Lemaire," */
				if (n + 1 < b && (doc_lex(d, n) & LEX_TITLE))
					n++;
				m = doc_mention_at(d, n);
				return n < b && m >= 0 && d->m[m].tok == n ? n : a;
			}
			if (!(d->tk.v[j].flags & TOK_WORD) ||
			    doc_is_speech(d, j) || doc_mention_at(d, j) >= 0)
				return a;
		}
		return a;
	}
	for (j = a; j < b && j < a + ATTRIB_EPITHET_AHEAD; j++) {
		int m = doc_mention_at(d, j);

		if (m >= 0)
			return role && d->m[m].tok == j ? j : a;
		if (doc_is_role(d, j) || (doc_lex(d, j) & LEX_TITLE))
			role = 1;
		else if (!(((d->tk.v[j].flags & (TOK_CAP | TOK_PUNCT)) ==
			    TOK_CAP) || plain_word(d, j) ||
			   tok_is(&d->tk, j, "of") ||
			   (tok_punct(&d->tk, j, '\'') &&
			    plural_possessive(d, j))))
			return a;
	}
	return a;
}

/* "Her answer: “...”", "His verdict was “...”", "Her advice to young
 * players? “...”": a sentence that opens at token a with "her" or "his"
 * and a noun of speech just before the quote; the person the pronoun
 * refers to, -1 if none. */
static int
pronoun_noun_intro(struct doc *d, const struct quote *q, size_t a,
		   struct found *f)
{
	static const char *const noun[] = { "answer", "reply", "response",
		"verdict", "take", "advice", "message", "view", "assessment",
		"conclusion", "explanation", "prediction", "warning", "retort",
		"comment", "words", "riposte", "plea", "reaction", "defence",
		"defense", "excuse", "promise", "summary", "argument", "point",
		"rule", "instruction", "instructions", "thoughts", "thought",
		"hope", "wish", "goal", "plan", "philosophy", "answers" };
	size_t n = q->open, i, k;
	int g, p;

	if (n <= a + 2 || !doc_same_sent(d, a, n))
		return -1;
	if (tok_punct(&d->tk, n - 1, ':') || tok_punct(&d->tk, n - 1, '?') ||
	    tok_is(&d->tk, n - 1, "was") || tok_is(&d->tk, n - 1, "is"))
		n--;
	else
		return -1;
	g = pronoun_gender(d, a);
	if (g < 0 || !(tok_is(&d->tk, a, "her") || tok_is(&d->tk, a, "his")))
		return -1;
	/* the noun, then a complement of a few plain words ("to young
	 * players", "for the board") */
	for (i = a + 1, k = 0; i < n && k < 2; i++, k++)
		if (tok_in(&d->tk, i, noun, sizeof(noun) / sizeof(*noun)))
			break;
	if (i >= n || k == 2)
		return -1;
	for (i++; i < n; i++)
		if (i > a + ATTRIB_SUBJECT_WINDOW + 2 ||
		    (d->tk.v[i].flags & (TOK_CAP | TOK_PUNCT)) ||
		    doc_mention_at(d, i) >= 0 || doc_is_speech(d, i))
			return -1;
	p = resolve_pronoun(d, a, g);
	if (p >= 0)
		found_person(f, p, a, a + 1, HOW_PRONOUN, SIEVE_PRONOUN);
	return p;
}

/* The subject of the sentence that opens at token a before token lim:
 * past a title, a name, a he/she pronoun or an epithet (person_how());
 * a name after a capitalised word no list has ("Member Daniel Quill");
 * the owner "her" or "his" points to ("Her short film used ..."). */
static int
subject_at(struct doc *d, size_t a, size_t lim, struct found *f)
{
	size_t end;
	enum how how;
	int p, m;

	a = past_title(d, a, lim);
	p = person_how(d, a, &end, &how);
	if (p < 0 && a + 1 < lim &&
	    (d->tk.v[a].flags & (TOK_CAP | TOK_WORD)) == (TOK_CAP | TOK_WORD) &&
	    !(doc_lex(d, a) & (LEX_FUNC | LEX_PRONOUN)) &&
	    (m = doc_mention_at(d, a + 1)) >= 0 && d->m[m].tok == a + 1) {
		a++;
		p = person_how(d, a, &end, &how);
	}
	if (p < 0 && a < lim &&
	    (tok_is(&d->tk, a, "her") || tok_is(&d->tk, a, "his"))) {
		p = resolve_pronoun(d, a, pronoun_gender(d, a));
		end = a + 1;
		how = HOW_PRONOUN;
	}
	if (p < 0 || end > lim)
		return -1;
	found_person(f, p, a, end, how, SIEVE_SUBJECT);
	if (how != HOW_PRONOUN)
		f->sieve = SIEVE_SUBJECT;
	return p;
}

/* 1 when quote q speaks in the first person singular ("me", "I",
 * "my"). */
static int
says_me(const struct doc *d, const struct quote *q)
{
	static const char *const me[] = { "i", "me", "my", "myself", "mine",
		"i'm", "i've", "i'd", "i'll" };
	size_t i;

	for (i = q->t0; i < q->t1; i++)
		if ((d->tk.v[i].flags & TOK_WORD) &&
		    tok_in(&d->tk, i, me, sizeof(me) / sizeof(*me)))
			return 1;
	return 0;
}

static int
speaker_subject(struct doc *d, const struct quote *q, struct found *f)
{
	uint32_t s = d->tk.v[q->open].sent;
	size_t a, end;
	enum how how;
	int p;

	a = skip_intro(d, d->sent_start[s], d->sent_start[s + 1]);
	if (a < q->open) {
		size_t b = past_title(d, a, q->open);

		p = person_how(d, b, &end, &how);
		if (p >= 0 && end <= q->open) {
			found_person(f, p, b, end, how, SIEVE_SUBJECT);
			f->sieve = SIEVE_SUBJECT;
			return p;
		}
		/* 'backgrounds. "I had ...': the quote opens a sentence the
		 * splitter did not start at its mark; the sentence before is
		 * the one to look at. */
		if ((d->tk.v[q->t0].flags & TOK_SSTART) && q->open > a &&
		    tok_punct(&d->tk, q->open - 1, '.') &&
		    (p = subject_at(d, a, q->open, f)) >= 0)
			return p;
		if ((p = pronoun_noun_intro(d, q, a, f)) >= 0)
			return p;
		/* "X has worked with two coordinators. The first, on a
		 * romance, “treated me like a colleague”": a quote in the
		 * first person, in a sentence about something and naming
		 * nobody, is the words of the person the sentence before
		 * in the paragraph is about. */
		if (s > 0 && says_me(d, q) &&
		    d->tk.v[d->sent_start[s - 1]].para ==
			    d->tk.v[q->open].para &&
		    !(doc_mention_from(d, d->sent_start[s]) < d->nm &&
		      d->m[doc_mention_from(d, d->sent_start[s])].tok <
			      q->open)) {
			a = skip_intro(d, d->sent_start[s - 1],
				       d->sent_start[s]);
			if (d->tk.v[a].quote < 0)
				return subject_at(d, a, d->sent_start[s], f);
		}
		return -1;
	}
	if (s == 0)
		return -1;
	if (d->tk.v[d->sent_start[s - 1]].para != d->tk.v[q->open].para)
		return sole_person_before(d, q, f);
	a = skip_intro(d, d->sent_start[s - 1], d->sent_start[s]);
	if (d->tk.v[a].quote >= 0)
		return -1;
	return subject_at(d, a, d->sent_start[s], f);
}

/* No verb and no person: an organisation as the subject of the quote's
 * sentence, before it ("The Pentagon rejected the claims as “...”"). 1
 * when found (in *f). */
static int
org_subject(const struct doc *d, const struct quote *q, struct found *f)
{
	uint32_t s = d->tk.v[q->open].sent;
	size_t a = skip_intro(d, d->sent_start[s], d->sent_start[s + 1]), end;

	memset(f, 0, sizeof(*f));
	f->p = -1;
	if (a < q->open && org_at(d, a, &end, f) && end <= q->open)
		return 1;
	f->org = 0;
	return 0;
}

/* A word in lower case at token i that reads as a verb in the past or
 * the present ("released", "views", "said"), not a noun ("the Hong Kong
 * situation"). */
static int
finite_verb(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k;

	if (i >= d->tk.n ||
	    (d->tk.v[i].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) != TOK_WORD ||
	    (doc_lex(d, i) & (LEX_FUNC | LEX_PREP)))
		return 0;
	if (doc_is_speech(d, i))
		return 1;
	k = doc_key(d, i, &kl);
	return kl > 3 && ((k[kl - 2] == 'e' && k[kl - 1] == 'd') ||
			  (k[kl - 1] == 's' && k[kl - 2] != 's' &&
			   k[kl - 2] != 'u' && k[kl - 2] != 'i'));
}

/* Nothing else fired: the organisation named nearest before the quote in
 * its sentence, with a verb in lower case after its name and nobody named
 * between ("as NASA's Office of the Inspector General released reports
 * that depicted “...”"). 1 when found (in *f). */
static int
org_clause(const struct doc *d, const struct quote *q, struct found *f)
{
	size_t s0 = d->sent_start[d->tk.v[q->open].sent], j = q->open, end;

	memset(f, 0, sizeof(*f));
	f->p = -1;
	while (j > s0) {
		j--;
		/* Another clause after a comma or a stop has its own
		 * subject. */
		if (d->tk.v[j].quote >= 0 || doc_mention_at(d, j) >= 0 ||
		    tok_punct(&d->tk, j, ',') || tok_punct(&d->tk, j, ';') ||
		    tok_punct(&d->tk, j, ':') || tok_punct(&d->tk, j, '.'))
			return 0;
		/* The first word of a capitalised name; "The company" is
		 * left out, as in org_in_sentence_by(). */
		if (!(d->tk.v[j].flags & TOK_CAP) ||
		    (j > s0 && (d->tk.v[j - 1].flags & (TOK_CAP | TOK_PUNCT)) ==
				       TOK_CAP) ||
		    (tok_is(&d->tk, j, "the") &&
		     !(d->tk.v[j + 1].flags & TOK_CAP)) ||
		    (j > s0 + 1 && org_link(d, j - 1) &&
		     (d->tk.v[j - 2].flags & TOK_CAP)))
			continue; /* "Office of [Lamp Standards]" */
		if (org_at(d, j, &end, f) && end < q->open &&
		    finite_verb(d, end))
			return 1;
		memset(f, 0, sizeof(*f));
		f->p = -1;
	}
	return 0;
}

/* 1 when somebody other than person `who` is named outside quotations
 * between tokens a and b. */
static int
anyone_named_between(const struct doc *d, size_t a, size_t b, int who)
{
	size_t lo = doc_mention_from(d, a + 1);

	for (; lo < d->nm && d->m[lo].tok < b; lo++)
		/* Names in the attribution of the quote before ('Quill
		 * said, via Ana Pike of the Ledger.') are not new
		 * speakers. */
		if (d->tk.v[d->m[lo].tok].quote < 0 && d->m[lo].person != who &&
		    d->tk.v[d->m[lo].tok].sent != d->tk.v[a].sent)
			return 1;
	return 0;
}

/* The organisation a sentence names as its subject or near it ("Big
 * Machine have denied it", "The company that runs the show, Dick Clark
 * Productions, denies it"): the first capitalised span outside
 * quotations that org_at() takes for one, with a speech verb after it if
 * `verb` is set. 1 when found (in *f). */
static int
org_in_sentence_by(const struct doc *d, uint32_t s, struct found *f,
		   int verb)
{
	size_t j, end;

	for (j = d->sent_start[s]; j < d->sent_start[s + 1]; j++) {
		if (d->tk.v[j].quote >= 0 || !(d->tk.v[j].flags & TOK_CAP) ||
		    (j > d->sent_start[s] &&
		     (d->tk.v[j - 1].flags & TOK_CAP) &&
		     !(d->tk.v[j - 1].flags & TOK_PUNCT)))
			continue;
		/* Capitalised names only: "The company" would search the
		 * article for its name (org_named()), at every "The" of a
		 * long sentence. */
		if (tok_is(&d->tk, j, "the") && j + 1 < d->tk.n &&
		    !(d->tk.v[j + 1].flags & TOK_CAP))
			continue;
		if (org_at(d, j, &end, f) && (!verb || verb_follows(d, end)))
			return 1;
		f->org = 0;
	}
	return 0;
}

/* org_in_sentence_by(): first the organisation a speech verb follows
 * ("Two United States service members were killed, the US military
 * said"), then any. */
static int
org_in_sentence(const struct doc *d, uint32_t s, struct found *f)
{
	return org_in_sentence_by(d, s, f, 1) ||
	       org_in_sentence_by(d, s, f, 0);
}

/* Writes what the sieves found into q. */
static void
set_speaker(struct doc *d, struct quote *q, const struct found *f)
{
	q->speaker = f->p;
	q->sieve = f->sieve;
	q->kind = f->p >= 0 ? SPK_PERSON : f->org ? SPK_ORG : SPK_UNKNOWN;
	if (f->org) {
		q->orgo = f->orgo;
		q->orgl = f->orgl;
	}
	if (f->f1 > f->f0 && f->f1 <= d->tk.n) {
		q->fo = d->tk.v[f->f0].o;
		q->fl = d->tk.v[f->f1 - 1].o + d->tk.v[f->f1 - 1].ol - q->fo;
	}
}

/* The last organisation that spoke, for "they said" after it. */
struct last_org {
	struct found f;
	uint32_t para;        /* the paragraph of its quotation */
	size_t q, end;        /* its quotation (index, last token) */
	int have;
};

/* Quotation q is organisation f's: its speaker, and the one "they said"
 * goes back to. */
static void
org_spoke(struct doc *d, struct quote *q, struct found *f,
	  struct last_org *last)
{
	set_speaker(d, q, f);
	last->f = *f;
	last->have = 1;
	last->para = d->tk.v[q->open].para;
	last->q = (size_t)(q - d->q);
	last->end = q->close != DOC_NONE ? q->close : q->t1;
}

/* The narrator of a first-person piece: the first person named in its
 * opening paragraph when that paragraph presents the text as the
 * person's own ("In this extract from his memoir, Sir X recalls ...",
 * "Y writes"); -1 if none. */
static int
narrator(const struct doc *d)
{
	static const char *const w[] = { "memoir", "memoirs", "extract",
		"excerpt", "essay", "diary", "autobiography", "writes" };
	size_t i, j;

	for (i = 0; i < d->tk.n && d->tk.v[i].para == d->tk.v[0].para; i++)
		for (j = 0; j < sizeof(w) / sizeof(*w); j++)
			if (tok_is(&d->tk, i, w[j]))
				goto presented;
	return -1;
presented:
	if (d->nm == 0 || d->tk.v[d->m[0].tok].para != d->tk.v[0].para)
		return -1;
	return d->m[0].person;
}

/* 1 when the quotation is the narrator's: "I said, '...'", "I told my
 * agent, '...'", "'...,' I said". */
static int
first_person(const struct doc *d, const struct quote *q)
{
	size_t s0 = d->sent_start[d->tk.v[q->open].sent], j = q->open;

	while (j > s0 && (d->tk.v[j - 1].flags & TOK_PUNCT))
		j--;
	/* "I told my agent," / "I said," */
	if (j > s0 && j - s0 <= 5) {
		size_t k;

		for (k = s0; k < j; k++)
			if (tok_is(&d->tk, k, "i") && k + 1 < j &&
			    doc_is_speech(d, k + 1) &&
			    (d->tk.v[k].flags & TOK_WORD))
				return 1;
	}
	if (q->close != DOC_NONE) {
		j = q->close + 1;
		while (j < d->tk.n && (d->tk.v[j].flags & TOK_PUNCT) &&
		       doc_same_sent(d, j, q->close))
			j++;
		if (j + 1 < d->tk.n && doc_same_sent(d, j, q->close) &&
		    tok_is(&d->tk, j, "i") && doc_is_speech(d, j + 1))
			return 1;
	}
	return 0;
}

/* The token after quote q's closing mark (not DOC_NONE), past a comma
 * there: where an inverted reporting clause begins ('"...", said X'). */
static size_t
past_close(const struct doc *d, const struct quote *q)
{
	size_t c = q->close + 1;

	if (c < d->tk.n && tok_punct(&d->tk, c, ','))
		c++;
	return c;
}

/* The sieves, most precise first (Muzny et al. 2017): the words after the
 * quote, "according to", the words before it, a colon ending the
 * paragraph before, the previous speaker going on, the sentence's
 * subject; unknown when none fires. */
/* The pronoun token of the quote's reporting clause when it names the
 * speaker by a pronoun alone ('"...," she said', '"...," said he', 'She
 * said: "..."'), else DOC_NONE. */
static size_t
clause_pronoun(const struct doc *d, const struct quote *q)
{
	size_t i;

	if (q->close != DOC_NONE) {
		i = q->close + 1;
		while (i < d->tk.n && doc_same_sent(d, i, q->close) &&
		       (d->tk.v[i].flags & TOK_PUNCT) &&
		       !tok_punct(&d->tk, i, '.') && !tok_punct(&d->tk, i, '"'))
			i++;
		if (i + 1 < d->tk.n && doc_same_sent(d, i, q->close)) {
			if (pronoun_gender(d, i) >= 0 && doc_is_speech(d, i + 1))
				return i;
			if (doc_is_speech(d, i) && pronoun_gender(d, i + 1) >= 0)
				return i + 1;
		}
	}
	if (q->open >= 3 && tok_punct(&d->tk, q->open - 1, ':') &&
	    doc_is_speech(d, q->open - 2) && pronoun_gender(d, q->open - 3) >= 0 &&
	    doc_same_sent(d, q->open - 3, q->open - 1))
		return q->open - 3;
	return DOC_NONE;
}

/* Who the article is about, by gender: the person of that gender named
 * most often, when named at least ATTRIB_SUBJECT_MIN times and more than
 * twice as often as anyone else who may have it; -1 for none. A pronoun
 * nobody near it explains is theirs (a profile's subject, paragraphs
 * after the last mention of the name). */
#define ATTRIB_SUBJECT_MIN 2

static int
article_subject(const struct doc *d, int gender)
{
	size_t i;
	int best = -1;
	unsigned second = 0;

	for (i = 0; i < d->np; i++)
		if (d->p[i].gender == gender &&
		    (best < 0 || d->p[i].mentions > d->p[best].mentions))
			best = (int)i;
	if (best < 0 || d->p[best].mentions < ATTRIB_SUBJECT_MIN)
		return -1;
	for (i = 0; i < d->np; i++)
		if ((int)i != best && (d->p[i].gender == gender ||
				       d->p[i].gender == GENDER_UNKNOWN) &&
		    d->p[i].mentions > second)
			second = d->p[i].mentions;
	return d->p[best].mentions > 2 * second ? best : -1;
}

/* "In Ortiz's words, “...”", "in the words of Paul Anand: “...”", "in
 * her own words, “...”", and after the quote "“...,” came the reply from
 * Ortiz": the person named there, -1 if none. */
static int
words_of(struct doc *d, const struct quote *q, struct found *f)
{
	static const char *const noun[] = { "reply", "answer", "response",
		"retort", "verdict", "riposte", "rejoinder" };
	size_t s0 = d->sent_start[d->tk.v[q->open].sent], i, j, end, c;
	enum how how;
	int p;

	for (i = s0; i + 3 < q->open; i++) {
		if (!tok_is(&d->tk, i, "in"))
			continue;
		j = i + 1;
		if (tok_is(&d->tk, j, "the") && tok_is(&d->tk, j + 1, "words") &&
		    tok_is(&d->tk, j + 2, "of")) {
			p = person_how(d, j + 3, &end, &how);
			j = end;
		} else {
			p = person_how(d, j, &end, &how);
			if (p < 0 && (tok_is(&d->tk, j, "her") ||
				      tok_is(&d->tk, j, "his"))) {
				p = resolve_pronoun(d, j, pronoun_gender(d, j));
				end = j + 1;
				how = HOW_PRONOUN;
			} else if (p >= 0 &&
				   !(d->tk.v[end - 1].flags & TOK_POSS)) {
				p = -1;
			}
			if (p < 0)
				continue;
			j = end;
			if (tok_is(&d->tk, j, "own"))
				j++;
			if (!tok_is(&d->tk, j, "words"))
				continue;
			j++;
		}
		if (p < 0)
			continue;
		if (j < q->open && (tok_punct(&d->tk, j, ',') ||
				    tok_punct(&d->tk, j, ':')))
			j++;
		if (j != q->open)
			continue;
		found_person(f, p, i + 1, end, how, SIEVE_LEADING);
		return p;
	}
	if (q->close == DOC_NONE)
		return -1;
	c = past_close(d, q);
	if (c + 4 < d->tk.n && doc_same_sent(d, c + 4, q->close) &&
	    tok_is(&d->tk, c, "came") && tok_is(&d->tk, c + 1, "the") &&
	    tok_in(&d->tk, c + 2, noun, sizeof(noun) / sizeof(*noun)) &&
	    tok_is(&d->tk, c + 3, "from")) {
		p = person_how(d, c + 4, &end, &how);
		if (p >= 0)
			found_person(f, p, c + 4, end, how, SIEVE_TRAILING);
		return p;
	}
	return -1;
}

/* The end of a run of one to three capitalised words at token a that no
 * finder took (no person, no function word, pronoun, title, role or day),
 * a name; a lone word at the start of a sentence must be none the
 * dictionary has ("Police said"). a if none. */
static size_t
unknown_name(const struct doc *d, size_t a)
{
	size_t e, kl;
	const char *k;

	for (e = a; e < d->tk.n && e < a + 3 && doc_same_sent(d, e, a) &&
	     (d->tk.v[e].flags & (TOK_CAP | TOK_WORD)) == (TOK_CAP | TOK_WORD) &&
	     !(d->tk.v[e].flags & TOK_POSS) && d->tk.v[e].quote < 0 &&
	     doc_mention_at(d, e) < 0 && !doc_is_role(d, e) &&
	     !doc_is_speech(d, e) &&
	     !(doc_lex(d, e) & (LEX_FUNC | LEX_PRONOUN | LEX_TITLE |
				LEX_MONTHDAY | LEX_OTHERS));
	     e++)
		;
	if (e == a + 1 && (d->tk.v[a].flags & TOK_SSTART)) {
		k = doc_key(d, a, &kl);
		if (given_common(k, kl))
			return a;
	}
	return e;
}

/* 'Greenpeace tweeted: “...”', '“...,” Tavita said.': a name no finder
 * took as the subject of a verb of saying right before or after the
 * quote speaks; it is given as written (kind organisation), not guessed
 * from the speakers before. 1 when found. */
static int
named_speaker(const struct doc *d, const struct quote *q, struct found *f)
{
	uint32_t s = d->tk.v[q->open].sent;
	size_t a = skip_intro(d, d->sent_start[s], q->open), e, c;

	e = unknown_name(d, a);
	if (e > a && e < q->open && doc_is_speech(d, e) &&
	    (e + 1 == q->open ||
	     (e + 2 == q->open && (tok_punct(&d->tk, e + 1, ':') ||
				   tok_punct(&d->tk, e + 1, ',') ||
				   tok_is(&d->tk, e + 1, "that")))))
		goto hit;
	if (q->close == DOC_NONE)
		return 0;
	c = past_close(d, q);
	if (c >= d->tk.n || !doc_same_sent(d, c, q->close))
		return 0;
	a = c;
	e = unknown_name(d, a);
	if (e > a && e < d->tk.n && doc_same_sent(d, e, a) &&
	    doc_is_speech(d, e) && !(d->tk.v[e].flags & TOK_CAP))
		goto hit;
	return 0;
hit:
	memset(f, 0, sizeof(*f));
	f->p = -1;
	org_speaker(d, a, e, a, e, SIEVE_NAMED, f);
	return 1;
}

/* 1 when somebody other than a person we know says the quote, right
 * before it ("Shoppers said: “...”", "Critics replied, “...”"): a
 * word that is no pronoun and no mention before a verb of saying before
 * the quote, so no speaker before goes on. */
static int
other_says(const struct doc *d, const struct quote *q)
{
	size_t v = q->open;

	if (v > 0 && (tok_punct(&d->tk, v - 1, ':') ||
		      tok_punct(&d->tk, v - 1, ',')))
		v--;
	if (v < 2 || !doc_same_sent(d, v - 2, q->open) ||
	    !doc_is_speech(d, v - 1) || (d->tk.v[v - 1].flags & TOK_CAP))
		return 0;
	v -= 2;
	return (d->tk.v[v].flags & TOK_WORD) && d->tk.v[v].quote < 0 &&
	       doc_mention_at(d, v) < 0 &&
	       !(doc_lex(d, v) & (LEX_PRONOUN | LEX_FUNC)) &&
	       !doc_is_adverb(d, v);
}

/* '“En Souss ya lo notan”, explicó.': a verb of saying with no subject
 * after the quote, which ends the sentence -- in languages whose verbs
 * carry their subject -- goes to the person a pronoun there would (by
 * salience, any gender). -1 if none. */
static int
null_subject(struct doc *d, const struct quote *q, struct found *f)
{
	size_t v;
	int p;

	if (q->close == DOC_NONE)
		return -1;
	v = past_close(d, q);
	if (v >= d->tk.n || !doc_same_sent(d, v, q->close) ||
	    (d->tk.v[v].flags & (TOK_CAP | TOK_PUNCT)) ||
	    !doc_is_speech(d, v))
		return -1;
	if (v + 1 < d->tk.n && doc_same_sent(d, v + 1, v) &&
	    !tok_punct(&d->tk, v + 1, '.') && !tok_punct(&d->tk, v + 1, '!'))
		return -1;
	p = resolve_pronoun(d, q->open, -1);
	if (p >= 0)
		found_person(f, p, v, v + 1, HOW_PRONOUN, SIEVE_PRONOUN);
	return p;
}

/* A quote in an answer of a transcript whose paragraph opens with a
 * speaker label ("MBATHA-KERR: ... I still tell him, “...”"): the person
 * the label names, by a mention there or the surname of one named before
 * (up to ATTRIB_EPITHET_BACK mentions back). -1 if none. */
static int
label_speaker(struct doc *d, const struct quote *q, struct found *f)
{
	uint32_t s = d->tk.v[q->open].sent, n = 0;
	size_t a, c, j, kl, ml, steps = 0;
	const char *k;
	int m0;

	while (s > 0 && d->tk.v[d->sent_start[s - 1]].para ==
				d->tk.v[q->open].para) {
		if (++n > 2 * ATTRIB_PRONOUN_SENTS)
			return -1;
		s--;
	}
	a = d->sent_start[s];
	for (c = a; c < q->open && c < a + 4 &&
	     (d->tk.v[c].flags & (TOK_CAP | TOK_WORD)) == (TOK_CAP | TOK_WORD);
	     c++)
		;
	if (c == a || c >= q->open || !tok_punct(&d->tk, c, ':') ||
	    !(d->tk.v[c - 1].flags & TOK_ALLCAP))
		return -1;
	if ((m0 = doc_mention_at(d, a)) >= 0 && d->m[m0].tok == a) {
		found_person(f, d->m[m0].person, a, c, HOW_NAME, SIEVE_LABEL);
		return f->p;
	}
	/* "he'd pop up and go, “...”": somebody else in the sentence
	 * before the quote may say it */
	for (j = d->sent_start[d->tk.v[q->open].sent]; j < q->open; j++) {
		const char *w = doc_key(d, j, &ml);

		if ((ml >= 2 && memcmp(w, "he", 2) == 0 &&
		     (ml == 2 || w[2] == '\'')) ||
		    (ml >= 3 && memcmp(w, "she", 3) == 0 &&
		     (ml == 3 || w[3] == '\'')) ||
		    (ml >= 4 && memcmp(w, "they", 4) == 0 &&
		     (ml == 4 || w[4] == '\'')) ||
		    (doc_mention_at(d, j) >= 0 && j > c))
			return -1;
	}
	k = doc_key(d, c - 1, &kl);
	for (j = doc_mention_from(d, a); j > 0 && steps++ < ATTRIB_EPITHET_BACK;) {
		const struct mention *m = &d->m[--j];
		const char *mk = doc_key(d, m->tok + m->ntok - 1, &ml);

		if (ml == kl && memcmp(mk, k, kl) == 0) {
			found_person(f, m->person, a, c, HOW_NAME, SIEVE_LABEL);
			return f->p;
		}
	}
	return -1;
}

/* The one person mentioned in tokens [a, b) outside quotations, in *f
 * with sieve; -1 when nobody or more than one is. */
static int
one_person_in(struct doc *d, size_t a, size_t b, struct found *f,
	      enum doc_sieve sieve)
{
	size_t j, jm = 0;
	int p = -1;

	for (j = doc_mention_from(d, a); j < d->nm && d->m[j].tok < b; j++) {
		if (d->tk.v[d->m[j].tok].quote >= 0)
			continue;
		if (p >= 0 && d->m[j].person != p)
			return -1;
		p = d->m[j].person;
		jm = j;
	}
	if (p >= 0)
		found_person(f, p, d->m[jm].tok, d->m[jm].tok + d->m[jm].ntok,
			     HOW_NAME, sieve);
	return p;
}

/* The first token of the paragraph before token i's, or DOC_NONE. */
static size_t
para_before(const struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent, para = d->tk.v[i].para;

	while (s > 0 && d->tk.v[d->sent_start[s]].para == para)
		s--;
	if (d->tk.v[d->sent_start[s]].para == para || para == 0)
		return DOC_NONE;
	while (s > 0 && d->tk.v[d->sent_start[s - 1]].para + 1 == para)
		s--;
	return d->sent_start[s];
}

/* A quotation of something written, read out by the text: "One message
 * read, '...'", "The post said: '...'", "It read: '...'" -- a noun of
 * writing (or "it") as the subject of "read" or "said" just before the
 * quote, naming nobody. The writer is the one person named in the
 * sentence ("a letter from Vane read") or, else, the one person named
 * in the sentences before in its paragraph and the paragraph before
 * (the most salient of them when more are); -1 when there is none, -2
 * when the sentence says who wrote it but names no person ("signed by
 * forty residents"). */
static int
writing_speaker(struct doc *d, const struct quote *q, struct found *f)
{
	static const char *const noun[] = { "message", "messages", "text",
		"texts", "post", "posts", "tweet", "tweets", "email", "emails",
		"e-mail", "letter", "letters", "note", "notes", "comment",
		"comments", "caption", "entry", "diary", "card", "reply",
		"response", "it", "one", "another" };
	static const char *const verb[] = { "read", "reads", "said", "says",
		"stated", "states", "went", "goes", "began", "begins" };
	uint32_t s = d->tk.v[q->open].sent, t;
	size_t s0 = d->sent_start[s], v = q->open, a;
	int p;

	/* "... read, “" or "... read: “" */
	if (v > s0 && (tok_punct(&d->tk, v - 1, ',') ||
		       tok_punct(&d->tk, v - 1, ':')))
		v--;
	if (v < s0 + 2 || !tok_in(&d->tk, v - 1, verb,
				   sizeof(verb) / sizeof(*verb)))
		return -1;
	v--;
	/* "One message, signed by forty residents, read:" */
	a = v;
	if (tok_punct(&d->tk, a - 1, ',')) {
		for (a--; a > s0 && !tok_punct(&d->tk, a - 1, ','); a--)
			if (doc_is_speech(d, a - 1))
				return -1;
		if (a == s0)
			return -1;
		a--;
	}
	if (a == s0 || !tok_in(&d->tk, a - 1, noun, sizeof(noun) /
						     sizeof(*noun)))
		return -1;
	/* "it said" is an organisation's; "it read" is a text's */
	if ((tok_is(&d->tk, a - 1, "it") || tok_is(&d->tk, a - 1, "one") ||
	     tok_is(&d->tk, a - 1, "another")) &&
	    !tok_is(&d->tk, v, "read") && !tok_is(&d->tk, v, "reads"))
		return -1;
	p = one_person_in(d, s0, q->open, f, SIEVE_WRITING);
	if (p >= 0)
		return p;
	/* "One letter, signed by forty residents, read:": written by
	 * somebody the sentence names, though no person. */
	for (a = s0; a < q->open; a++)
		if (doc_mention_at(d, a) >= 0)
			return -1;
		else if (tok_is(&d->tk, a, "by") || tok_is(&d->tk, a, "from"))
			return -2;
	/* the sentences of its paragraph before the quote's, and the
	 * paragraph before, up to ATTRIB_PRONOUN_SENTS sentences back (a
	 * bound, so that hostile text stays linear) */
	for (t = s; t > 0 && s - t < ATTRIB_PRONOUN_SENTS &&
		    d->tk.v[d->sent_start[t - 1]].para + 1 >=
			    d->tk.v[s0].para;)
		t--;
	a = d->sent_start[t];
	if (a >= s0)
		return -1;
	p = one_person_in(d, a, s0, f, SIEVE_WRITING);
	/* more than one: the most salient, the subject of the story
	 * ("Koutsoukos pleaded guilty to stalking Villalobos. ... one
	 * message read") */
	if (p < 0 && doc_mention_from(d, a) < d->nm &&
	    d->m[doc_mention_from(d, a)].tok < s0 &&
	    (p = pronoun_before(d, s0, -1)) >= 0)
		found_person(f, p, s0, s0, HOW_NAME, SIEVE_WRITING);
	return p;
}

/* 1 when the quote at q opens with its paragraph but for a question of
 * the writer's before it ("Do they slow things down? ‘Not in my
 * experience.’"): up to three sentences, the last ending in "?", that
 * name nobody and quote nothing. */
static int
question_lead(const struct doc *d, const struct quote *q)
{
	uint32_t s = d->tk.v[q->open].sent, n = 0;
	size_t a, j;

	if (q->open == 0 || !tok_punct(&d->tk, q->open - 1, '?'))
		return 0;
	while (s > 0 && d->tk.v[d->sent_start[s - 1]].para ==
				d->tk.v[q->open].para) {
		if (++n > 3)
			return 0;
		s--;
	}
	a = d->sent_start[s];
	if (a >= q->open)
		return 0;
	for (j = a; j < q->open; j++)
		if (d->tk.v[j].quote >= 0 || (d->tmark[j] & TM_TITLEQ) ||
		    doc_mention_at(d, j) >= 0)
			return 0;
	return 1;
}

/* 1 when the paragraph before token i's is a question asked in the text
 * (an interviewer's): it ends with "?" and quotes nothing. */
static int
question_before(const struct doc *d, size_t i)
{
	size_t a = para_before(d, i), j;

	if (a == DOC_NONE || i == 0 || !tok_punct(&d->tk, i - 1, '?'))
		return 0;
	for (j = a; j < i; j++)
		if (d->tk.v[j].quote >= 0 || (d->tmark[j] & TM_TITLEQ))
			return 0;
	return 1;
}

static void
attribute_quotes(struct doc *d)
{
	size_t i;
	int prev = -1;
	size_t prev_end = 0;
	struct last_org last;
	int narr = narrator(d);
	/* The direct quotation before this one, and the last seen. */
	size_t pd = DOC_NONE, lastdq = DOC_NONE;
	int subj_f = article_subject(d, GENDER_F);
	int subj_m = article_subject(d, GENDER_M);

	memset(&last, 0, sizeof(last));
	for (i = 0; i < d->nq; i++) {
		struct quote *q = &d->q[i];
		struct found f;
		int p;

		if (!q->direct || q->nested)
			continue;
		pd = lastdq;
		lastdq = i;
		memset(&f, 0, sizeof(f));
		f.p = -1;
		p = speaker_after(d, q, &f);
		if (p == -4) {
			/* '"...," they said': the organisation that spoke in
			 * the paragraphs before, or the one this sentence
			 * or the one before names. */
			uint32_t s = d->tk.v[q->open].sent;
			struct found g;

			memset(&g, 0, sizeof(g));
			g.p = -1;
			if (org_in_sentence(d, s, &g) ||
			    (s > 0 && org_in_sentence(d, s - 1, &g))) {
				/* named nearer than the last one that spoke
				 * ("Dick Clark Productions denies it. '...,'
				 * they said") */
			} else if (last.have &&
				   d->tk.v[q->open].para <=
					   last.para + ATTRIB_PRONOUN_PARAS) {
				g = last.f;
			} else {
				/* "Harrow Pictures have denied it. / "...' /
				 * '"...," it says': named further back. */
				uint32_t t = s > 0 ? s - 1 : 0, para =
					d->tk.v[q->open].para;
				uint32_t stop = t > ATTRIB_PRONOUN_SENTS ?
						t - ATTRIB_PRONOUN_SENTS : 0;

				g.org = 0;
				while (t-- > stop &&
				       d->tk.v[d->sent_start[t]].para +
						       ATTRIB_PRONOUN_PARAS >=
					       para &&
				       !org_in_sentence(d, t, &g))
					g.org = 0;
			}
			if (g.org) {
				g.f0 = f.f0;
				g.f1 = f.f1;
				g.sieve = SIEVE_ORG;
				f = g;
				p = -3;
			} else {
				memset(&f, 0, sizeof(f));
				f.p = -1;
				p = -1;
			}
		}
		if (p == -1)
			p = writing_speaker(d, q, &f);
		if (p == -1)
			p = according_to(d, q, &f);
		if (p == -1)
			p = speaker_before(d, q, &f);
		if (p == -1)
			p = speaker_after_far(d, q, &f);
		if (p == -1)
			p = words_of(d, q, &f);
		if (p == -1)
			p = null_subject(d, q, &f);
		if (p == -1)
			p = label_speaker(d, q, &f);
		if (p == -1 && named_speaker(d, q, &f)) {
			org_spoke(d, q, &f, &last);
			prev = -1;
			continue;
		}
		/* "I told my agent, '...'" in a memoir extract. */
		if (p == -1 && narr >= 0 && first_person(d, q)) {
			p = narr;
			f.sieve = SIEVE_SUBJECT;
		}
		if (p == -2) {
			/* Said by somebody the text does not name. */
			f.sieve = SIEVE_ANONYMOUS;
			set_speaker(d, q, &f);
			prev = -1;
			continue;
		}
		if (p == -3) {
			f.p = -1;
			org_spoke(d, q, &f, &last);
			prev = -1;
			continue;
		}
		/* A paragraph that opens with the quotation after one that
		 * ends with a colon: the speaker was introduced there. */
		if (p < 0 && q->open > 0 &&
		    (d->tk.v[q->open].flags & TOK_PSTART) &&
		    tok_punct(&d->tk, q->open - 1, ':'))
			p = colon_speaker(d, q->open - 1, &f);
		/* The previous speaker goes on in the same paragraph, or in
		 * the next one when it opens with the quotation. */
		/* "That process led to a realization: “...”" in the
		 * next paragraph, naming nobody, goes on too. */
		if (p < 0 && prev >= 0 && !other_says(d, q) &&
		    (d->tk.v[q->open].para == d->tk.v[prev_end].para ||
		     (d->tk.v[q->open].para == d->tk.v[prev_end].para + 1 &&
		      ((d->tk.v[q->open].flags & TOK_PSTART) ||
		       tok_punct(&d->tk, q->open - 1, ':')))) &&
		    !anyone_named_between(d, prev_end, q->open, prev)) {
			p = prev;
			f.sieve = SIEVE_CONTINUATION;
			f.p = p;
		}
		/* ... and so does an organisation, when the quotation
		 * opens the next paragraph or goes on in the same one. */
		if (p < 0 && prev < 0 && last.have && last.q == pd &&
		    (d->tk.v[q->open].para == last.para ||
		     (d->tk.v[q->open].para == last.para + 1 &&
		      (d->tk.v[q->open].flags & TOK_PSTART))) &&
		    !anyone_named_between(d, last.end, q->open, -1)) {
			f = last.f;
			f.p = -1;
			f.f0 = f.f1 = 0;
			f.sieve = SIEVE_CONTINUATION;
			org_spoke(d, q, &f, &last);
			continue;
		}
		/* "What has changed this year? / “Everything, ...”": an
		 * answer, by who answered the question before, or by the one
		 * person the paragraph before the question names ("We spoke
		 * to goalkeeper Petra Lind."). */
		if (p < 0 && prev >= 0 && !(d->tk.v[q->open].flags & TOK_PSTART) &&
		    d->tk.v[prev_end].para + 1 == d->tk.v[q->open].para &&
		    question_lead(d, q)) {
			p = prev;
			f.p = p;
			f.f0 = f.f1 = 0;
			f.sieve = SIEVE_ANSWER;
		}
		if (p < 0 && (d->tk.v[q->open].flags & TOK_PSTART) &&
		    question_before(d, q->open)) {
			size_t qa = para_before(d, q->open), b;

			if (prev >= 0 && d->tk.v[prev_end].para + 2 ==
						 d->tk.v[q->open].para) {
				p = prev;
				f.p = p;
				f.f0 = f.f1 = 0;
				f.sieve = SIEVE_ANSWER;
			} else if ((b = para_before(d, qa)) != DOC_NONE &&
				   one_person_in(d, qa, q->open, &f,
						 SIEVE_ANSWER) < 0) {
				p = one_person_in(d, b, qa, &f, SIEVE_ANSWER);
			}
		}
		if (p < 0)
			p = speaker_subject(d, q, &f);
		/* '"...," she said': a person speaks, if nobody we know. */
		if (p < 0 && clause_pronoun(d, q) == DOC_NONE &&
		    org_subject(d, q, &f)) {
			/* "The Pentagon rejected them as “...”" */
			org_spoke(d, q, &f, &last);
			prev = -1;
			continue;
		}
		/* '"...," she said' with nobody near for "she": the one
		 * woman the article is about, named before. */
		if (p < 0) {
			size_t pt = clause_pronoun(d, q);
			int g = pt != DOC_NONE ? pronoun_gender(d, pt) : -1;
			int who = g > 0 ? (g == GENDER_F ? subj_f : subj_m) : -1;

			if (who >= 0 && d->p[who].first_tok < q->open) {
				p = who;
				found_person(&f, p, pt, pt + 1, HOW_PRONOUN,
					     SIEVE_PRONOUN);
			}
		}
		if (p < 0 && clause_pronoun(d, q) == DOC_NONE &&
		    org_clause(d, q, &f)) {
			org_spoke(d, q, &f, &last);
			prev = -1;
			continue;
		}
		f.p = p;
		if (p < 0)
			f.sieve = SIEVE_NONE;
		set_speaker(d, q, &f);
		if (p >= 0) {
			d->p[p].quotes++;
			prev = p;
			prev_end = q->close != DOC_NONE ? q->close : q->t1;
		}
	}
}

/* "On her co-star in the drama, the young actor Brian Kamau, she is
 * unstinting": an apposition ending the introductory clause at token a,
 * up to a comma within ATTRIB_EPITHET_AHEAD tokens with no verb of
 * saying, before "she" or "he"; the token after it, else a. */
static size_t
past_intro_apposition(const struct doc *d, size_t a, size_t b)
{
	size_t j;

	for (j = a; j < b && j < a + ATTRIB_EPITHET_AHEAD; j++) {
		if (d->tk.v[j].quote >= 0 || doc_is_speech(d, j))
			return a;
		if (tok_punct(&d->tk, j, ','))
			return j > a && j + 1 < b &&
			       (tok_is(&d->tk, j + 1, "she") ||
				tok_is(&d->tk, j + 1, "he")) ? j + 1 : a;
	}
	return a;
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
		if (tok_punct(&d->tk, i, ',') && d->tk.v[i].quote < 0 &&
		    /* "On coordinators, which the producers brought in,
		     * she is less warm": past the relative clause */
		    !(i + 1 < b && (tok_is(&d->tk, i + 1, "which") ||
				    tok_is(&d->tk, i + 1, "who") ||
				    tok_is(&d->tk, i + 1, "whose") ||
				    tok_is(&d->tk, i + 1, "where"))))
			return past_intro_apposition(d, i + 1, b);
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
		m = doc_mention_at(d, i);
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
		    (m = doc_mention_at(d, e + 1)) >= 0 && d->m[m].tok == e + 1)
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

	while (i > 0 && d->q[i - 1].nested)
		i--; /* the nested ones come last */

	while (i > 1) {
		struct quote *q = &d->q[--i - 1];

		if (q->cont && q->direct && q->speaker < 0 &&
		    d->q[i].speaker >= 0) {
			q->speaker = d->q[i].speaker;
			d->p[q->speaker].quotes++;
		}
	}
}

/* 1 when the words of quote a stand, in order and at once, among the
 * words of quote b (keys, punctuation left out), a having two words at
 * least and at most ATTRIB_ECHO_WORDS. */
static int
words_within(const struct doc *d, const struct quote *a,
	     const struct quote *b)
{
	size_t wa[ATTRIB_ECHO_WORDS], na = 0, i, j, k;

	for (i = a->t0; i < a->t1; i++) {
		if (!(d->tk.v[i].flags & TOK_WORD))
			continue;
		if (na == ATTRIB_ECHO_WORDS)
			return 0;
		wa[na++] = i;
	}
	if (na < 2)
		return 0;
	for (i = b->t0; i < b->t1; i++) {
		for (j = i, k = 0; j < b->t1 && k < na; j++) {
			size_t l1, l2;
			const char *k1, *k2;

			if (!(d->tk.v[j].flags & TOK_WORD))
				continue;
			k1 = doc_key(d, j, &l1);
			k2 = doc_key(d, wa[k], &l2);
			if (l1 != l2 || memcmp(k1, k2, l1) != 0)
				break;
			k++;
		}
		if (k == na)
			return 1;
	}
	return 0;
}

/* 1 for a sieve that names the speaker beside the quote (a verb of
 * saying, a colon, "according to", a label): a quote it attributed may
 * lend its speaker to an echo; one the context attributed (a pronoun,
 * the previous speaker, the sentence's subject) may not. */
static int
echo_source(int sieve)
{
	return sieve == SIEVE_TRAILING || sieve == SIEVE_LEADING ||
	       sieve == SIEVE_COLON || sieve == SIEVE_ACCORDING ||
	       sieve == SIEVE_ORG || sieve == SIEVE_NAMED ||
	       sieve == SIEVE_WRITING || sieve == SIEVE_LABEL;
}

/* A quote no sieve attributed that repeats the words of another one of
 * the article, or whose words another one repeats (a subheading quoting
 * the claim: "“U.S.-controlled bandit formations”" after 'the ministries
 * accused them of controlling “bandit formations”'): the other one's
 * speaker, person or organisation, when a sieve found it beside that
 * quote (echo_source()). Up to ATTRIB_ECHO_SCAN quotes either
 * side are compared, so the step stays linear. */
static void
echo_speakers(struct doc *d)
{
	size_t i, j, lo, hi;

	for (i = 0; i < d->nq; i++) {
		struct quote *q = &d->q[i];

		if (!q->direct || q->nested || q->sieve != SIEVE_NONE ||
		    q->speaker >= 0)
			continue;
		lo = i > ATTRIB_ECHO_SCAN ? i - ATTRIB_ECHO_SCAN : 0;
		hi = i + ATTRIB_ECHO_SCAN < d->nq ? i + ATTRIB_ECHO_SCAN : d->nq;
		for (j = lo; j < hi; j++) {
			const struct quote *o = &d->q[j];

			if (j == i || !o->direct || o->nested ||
			    !echo_source(o->sieve) ||
			    (o->speaker < 0 && o->kind != SPK_ORG))
				continue;
			if (!words_within(d, q, o) && !words_within(d, o, q))
				continue;
			q->speaker = o->speaker;
			q->kind = o->kind;
			q->orgo = o->orgo;
			q->orgl = o->orgl;
			q->sieve = SIEVE_ECHO;
			q->fl = 0;
			if (q->speaker >= 0)
				d->p[q->speaker].quotes++;
			break;
		}
	}
}

/* The gender of a noun said of the subject ending at token e: "is a
 * woman", "was one of the first two women", ", a mother of three,"; -1
 * if none. Words given to both (chairman, actor) are left out. */
static int
noun_gender(const struct doc *d, size_t e)
{
	static const char *const fw[] = { "woman", "women", "mother",
		"daughter", "wife", "sister", "girl", "grandmother",
		"actress", "businesswoman", "congresswoman", "spokeswoman",
		"chairwoman", "widow", "queen", "princess" };
	static const char *const mw[] = { "man", "men", "father", "son",
		"husband", "brother", "boy", "grandfather", "businessman",
		"congressman", "spokesman", "widower", "king", "prince" };
	size_t i, k;

	if (e >= d->tk.n)
		return -1;
	if (!(tok_is(&d->tk, e, "is") || tok_is(&d->tk, e, "was") ||
	      tok_punct(&d->tk, e, ',')))
		return -1;
	for (i = e + 1; i < d->tk.n && i <= e + 7 && doc_same_sent(d, i, e);
	     i++) {
		if (d->tk.v[i].quote >= 0 || tok_punct(&d->tk, i, ',') ||
		    doc_mention_at(d, i) >= 0 ||
		    ((doc_lex(d, i) & LEX_PREP) && !tok_is(&d->tk, i, "of")))
			return -1;
		for (k = 0; k < sizeof(fw) / sizeof(*fw); k++)
			if (tok_is(&d->tk, i, fw[k]))
				return GENDER_F;
		for (k = 0; k < sizeof(mw) / sizeof(*mw); k++)
			if (tok_is(&d->tk, i, mw[k]))
				return GENDER_M;
	}
	return -1;
}

/* Genders the given names do not tell, from the pronouns that follow a
 * person named as the subject of a sentence, before anybody else is
 * named: in the rest of that sentence and at the start of the next one in
 * the paragraph ("Omar asked for compassion, saying she ...", "Omar
 * wrote to the court. She added ..."). A person gets a gender when all of
 * their pronouns agree. */
static void
infer_genders(struct doc *d)
{
	size_t j, t, end;
	int *votes, *seen;

	if (d->np == 0)
		return;
	votes = pt_xcalloc(d->np, 2 * sizeof(*votes));
	/* Mentions (not pronouns) that voted, for overriding a given
	 * name's gender. */
	seen = pt_xcalloc(d->np, 2 * sizeof(*seen));
	for (j = 0; j < d->nm; j++) {
		const struct mention *m = &d->m[j];
		uint32_t s = d->tk.v[m->tok].sent;
		int g, said = 0;

		if (m->pronoun || d->tk.v[m->tok].quote >= 0)
			continue;
		/* "Her name was Jude Penrose": a gender whatever the given
		 * name says, worth two pronouns. */
		if (m->tok >= 3 && doc_same_sent(d, m->tok - 3, m->tok) &&
		    tok_is(&d->tk, m->tok - 2, "name") &&
		    (tok_is(&d->tk, m->tok - 1, "was") ||
		     tok_is(&d->tk, m->tok - 1, "is")) &&
		    (g = pronoun_gender(d, m->tok - 3)) > 0 &&
		    (tok_is(&d->tk, m->tok - 3, "her") ||
		     tok_is(&d->tk, m->tok - 3, "his")))
			seen[2 * m->person + (g == GENDER_F)] += 2;
		if (!is_subject(d, j))
			continue;
		/* "Omar is one of the first two Muslim women in Congress",
		 * "Vane, a mother of three,": a gendered noun said of the
		 * subject. */
		if ((g = noun_gender(d, m->tok + m->ntok)) > 0)
			votes[2 * m->person + (g == GENDER_F)]++;
		end = d->sent_start[s + 1];
		if (s + 1 < d->tk.nsent &&
		    d->tk.v[end].para == d->tk.v[m->tok].para)
			end += ATTRIB_GENDER_NEXT;
		if (end > d->tk.n)
			end = d->tk.n;
		for (t = m->tok + m->ntok; t < end; t++) {
			int other = doc_mention_at(d, t);

			if (other >= 0 && d->m[other].person != m->person)
				break; /* somebody else: theirs from here */
			if (d->tk.v[t].quote >= 0)
				continue;
			g = pronoun_gender(d, t);
			if (g > 0) {
				votes[2 * m->person + (g == GENDER_F)]++;
				said = g;
			}
		}
		if (said > 0)
			seen[2 * m->person + (said == GENDER_F)]++;
	}
	/* A given name's gender gives way to pronouns after two mentions or
	 * more that all say otherwise ("Jude", "Kit", "Sasha" are given to
	 * both). */
	for (j = 0; j < d->np; j++) {
		int m = votes[2 * j] + seen[2 * j];
		int f = votes[2 * j + 1] + seen[2 * j + 1];

		if ((m == 0) == (f == 0))
			continue;
		if (d->p[j].gender == GENDER_UNKNOWN ||
		    seen[2 * j] + seen[2 * j + 1] >= 2)
			d->p[j].gender = m ? GENDER_M : GENDER_F;
	}
	free(seen);
	free(votes);
}

/* A quotation nested in another ("And I said, ‘I want more.’", which
 * quote.h keeps only when "I" says it) is the outer speaker's: "I", the
 * nearest subject pronoun or name before it inside the outer one. */
static void
attribute_nested(struct doc *d)
{
	size_t j, i;

	for (j = 0; j < d->nq; j++) {
		struct quote *q = &d->q[j];
		const struct quote *o;
		int32_t oi;

		if (!q->nested || q->open == 0)
			continue;
		oi = d->tk.v[q->open].quote;
		if (oi < 0)
			continue;
		o = &d->q[oi];
		for (i = q->open; i > o->t0;) {
			i--;
			if ((d->tk.v[i].flags & TOK_CAP) ||
			    tok_is(&d->tk, i, "we") || tok_is(&d->tk, i, "you") ||
			    tok_is(&d->tk, i, "he") || tok_is(&d->tk, i, "she") ||
			    tok_is(&d->tk, i, "they"))
				break;
		}
		if (i < q->open && tok_is(&d->tk, i, "i") &&
		    (d->tk.v[i].flags & TOK_WORD) &&
		    (o->speaker >= 0 || o->kind == SPK_ORG)) {
			q->speaker = o->speaker;
			q->kind = o->kind;
			q->orgo = o->orgo;
			q->orgl = o->orgl;
			q->fo = o->fo;
			q->fl = o->fl;
			q->sieve = SIEVE_LEADING;
		}
	}
}

void
attrib_run(struct doc *d)
{
	find_subjects(d);
	infer_genders(d);
	attribute_quotes(d);
	backfill_segments(d);
	echo_speakers(d);
	attribute_nested(d);
	store_subjects(d);
}
