/* polarity.c -- the stance engine: which evaluations of the topic each
 * sentence holds, which way they point, and whose stance they count for.
 *
 * Evidence: an entry of the general English lexicon (polarity_table.h,
 * built from data/lexicon/), a pro/con override of the topic file, a verb
 * of taking the topic up ("hired one") or of rejecting it (a polarity
 * shifter: "scrapped them"), or doing without it ("without one").
 *
 * It counts only in a sentence or paragraph about the topic, and weighs
 * by its link to the topic: a term or ref in its clause, elsewhere in
 * its sentence, in the quotation, or only the paragraph. An evaluation
 * of the topic's opposite (a contrastive target: "without one", "the old
 * way") flips.
 *
 * Composition, within the clause (punctuation, a dash that closes a
 * parenthesis, and "but" end it, not "anything but" nor the adverb
 * "yet"): each negator before the evaluation flips it, so two cancel
 * ("not unhelpful"), up to a clause of time or condition ("until",
 * "before") or, for "without", the verb after its object; negation by
 * subject or determiner ("no one found it a nuisance") is a negator at
 * the clause's start; a shifter verb before it flips it ("reduced the
 * stress", "stopped hiring them", "saved them from danger"); an
 * intensifier or diminisher just before scales it. A "but" weighs the
 * clause after it up and the one before down; an "although" clause
 * weighs less. Questions, "whether",
 * "if" and scare quotes (irrealis) and views reported as others' ("critics
 * say", "he called it progress") weigh by their own factors, zero by
 * default; so do wishes and bare praise after a complaint (sarcasm:
 * "Lovely."), while a rhetorical question of the lexicon ("Who needs
 * it?") asserts its answer. So do, by the same
 * named rules: a hedge ("I'm not saying ..."), a condition after an act
 * ("would hire one if ..."), ironic praise after "Oh,"; what one expected
 * or felt in the past perfect (past); a denial of being against the
 * topic (concessive); what one is told, and a third party's act or
 * counterfactual told in a quotation (others). An evaluation of an act
 * of rejecting the topic ("welcomed the ban on it", "banning them would
 * be a disaster", "scathing about the ban", "called for a moratorium on
 * it") is the opposite view of the topic, by the shifted factor.
 *
 * Evidence in a quotation counts for its speaker; outside, for the
 * people its sentence names (attrib.c stores them in d->who), or in a
 * transcript for the speaker its paragraph is labelled with ("NAME:"), in
 * a signed piece ("By NAME") for its author when the sentence says "I";
 * otherwise only for the article. Every factor is a named weight of
 * data/lexicon/stance-weights.tsv.
 */
#include "analyzer/stance/polarity.h"

#include "analyzer/stance/doc.h"
#include "analyzer/stance/polarity_table.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/err.h"
#include "crawler/base/hash.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The longest phrase a lexicon entry has, in words. */
#define POL_MAX_WORDS 8
/* A verb's object (the topic after "hired", "scrapped") comes within this
 * many words, past determiners, modifiers and "of" ("hired an
 * experienced one", "slammed the growing use of X"). */
#define POL_OBJECT_WINDOW 6
/* A shifter verb flips an evaluation up to this many words after it
 * ("reduced the stress"). */
#define POL_SHIFT_WINDOW 4
/* How far after "to" the words of a judged act reach ("mad not to hire
 * one"). */
#define POL_JUDGED_WINDOW 6
/* A verb of praise or attack governs a verb up to this many words after
 * it ("slammed the decision of the studio to keep hiring them"). */
#define POL_SCOPE_WINDOW 10
/* What a person works as follows their name within this many words
 * ("she has worked as an intimacy coordinator"). */
#define POL_PRACTISE_GAP 4
/* A byline ("By NAME") opens one of the first this-many paragraphs. */
#define POL_BYLINE_PARAS 3
/* A sign-off ("Jane Doe, Leeds") is at most this many tokens long, its
 * name among the first this-many ("The Rev Canon John Roe"). */
#define POL_SIGNOFF_TOKENS 14
#define POL_SIGNOFF_TITLE 4
/* A transcript label's words at most ("MARY ANN DE LUCA:"), and the
 * label of an upper-case name that is nobody found. */
#define POL_LABEL_WORDS 5
#define POL_LABEL_UNKNOWN (-3)
/* A member phrase stands at most this many words before the first name
 * ("among them the actors A and B"); the group's view is looked for
 * this many sentences back. */
#define POL_MEMBER_GAP 3
/* A contrast target names the manner of a verb's pronoun object at most
 * this many words after it ("doing it the old way"). */
#define POL_MANNER_WINDOW 3
#define POL_MEMBER_SENTS 2
/* A contrastive "without", "no" or "instead of" stands at most this many
 * words before the topic it negates ("without an experienced one"). */
#define POL_ABSENCE_WINDOW 3
/* The others whose view is reported stand at most this many words
 * before its verb ("people keep telling", "critics have long argued"). */
#define POL_OTHERS_GAP 3
/* A list of names may have this many lower-case words of description
 * after a separator ("A, footballer-turned-pundit B and lifestyle
 * influencer C"). */
#define POL_LIST_GAP 2
/* A rule's verb of requiring governs a term at most this many words
 * after it ("a rule that would make intimacy coordinators ..."). */
#define POL_MANDATE_WINDOW 6
/* A plan's "to" stands at most this many words after its noun ("the
 * decision by the council to ..."). */
#define POL_PLAN_GAP 5
/* A pronoun's predicate stands at most this many determiners or
 * adverbs after its copula ("it was just a total waste"). */
#define POL_PREDICATE_GAP 3
/* The topic as a causer stands at most this many auxiliaries or
 * adverbs before its verb ("it has really let us ..."); what it lets or
 * costs people weighs as a lexicon evaluation of this strength: a clear
 * judgement, which counts alone also when a pronoun is the causer ("it
 * saved us a month"). */
#define POL_CAUSER_GAP 3
#define POL_CAUSER_VALUE 0.65

/* FNV-1a (hash_fnv1a()) carried on over p[0..n), so that a phrase's hash
 * grows word by word without hashing its start again. Inline: it runs at
 * every word. */
static inline uint32_t
fnv_more(uint32_t h, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

/* The entry of key[0..len), whose FNV-1a is h, or NULL. */
static const struct pol_entry *
lookup_hashed(const char *key, size_t len, uint32_t h)
{
	const unsigned low = (1u << POL_SLOT_BITS) - 1;
	const unsigned tag = (h >> POL_SLOT_BITS) << POL_SLOT_BITS;
	unsigned j, s;

	for (j = h & pol_hash_mask; (s = pol_hash[j]) != 0;
	     j = (j + 1) & pol_hash_mask) {
		const struct pol_entry *e;

		if ((s & ~low) != tag)
			continue;
		e = &pol_table[(s & low) - 1];
		if (e->klen == len && memcmp(e->key, key, len) == 0)
			return e;
	}
	return NULL;
}

const struct pol_entry *
polarity_lookup(const char *key, size_t len)
{
	return lookup_hashed(key, len, hash_fnv1a(key, len));
}

/* The longest lexicon phrase starting at token i, within its sentence;
 * *ntok gets its length. NULL when none. */
static const struct pol_entry *
lookup_at(const struct doc *d, size_t i, size_t *ntok)
{
	char key[256];
	size_t kl = 0, n;
	uint32_t h = 2166136261u;
	const struct pol_entry *best = NULL;
	const char *p = key; /* the words so far: the first one's own key,
				then their copy in key[] */

	for (n = 0; n < POL_MAX_WORDS && i + n < d->tk.n; n++) {
		const struct pol_entry *e;
		size_t l;
		const char *k;

		if (!(d->tk.v[i + n].flags & TOK_WORD) ||
		    !doc_same_sent(d, i, i + n))
			break;
		k = doc_key(d, i + n, &l);
		if (kl + l + 1 >= sizeof(key))
			break;
		if (n == 0) {
			p = k;
		} else {
			/* a second word: most tokens start no phrase, so
			 * the first is copied only now */
			if (n == 1)
				memcpy(key, p, kl);
			p = key;
			key[kl++] = ' ';
			h = fnv_more(h, " ", 1);
			memcpy(key + kl, k, l);
		}
		kl += l;
		h = fnv_more(h, k, l);
		e = lookup_hashed(p, kl, h);
		if (!e)
			break;
		if (e->kind != POL_NONE) {
			best = e;
			*ntok = n + 1;
		}
		if (!e->prefix)
			break;
	}
	return best;
}

/* Fills d->polm and d->poln: the longest lexicon phrase at each word
 * token, looked up once per article (the rules ask again and again). */
static void
cache_matches(struct doc *d)
{
	size_t i, n;

	pt_xgrow((void **)&d->polm, &d->cappolm, d->tk.n + 1,
		 sizeof(*d->polm));
	pt_xgrow((void **)&d->poln, &d->cappoln, d->tk.n + 1,
		 sizeof(*d->poln));
	for (i = 0; i < d->tk.n; i++) {
		d->polm[i] = NULL;
		d->poln[i] = 0;
		if (!(d->tk.v[i].flags & TOK_WORD))
			continue;
		n = 0;
		d->polm[i] = lookup_at(d, i, &n);
		if (d->polm[i])
			d->poln[i] = (unsigned char)n;
	}
}

/* The longest lexicon phrase at token i (cache_matches()); *ntok gets
 * its length. NULL when none. */
static const struct pol_entry *
match_at(const struct doc *d, size_t i, size_t *ntok)
{
	*ntok = d->poln[i];
	return d->polm[i];
}

/* The kind of lexicon entry at token i alone (one word), or POL_NONE. */
static int
kind_at(const struct doc *d, size_t i)
{
	size_t n;
	const struct pol_entry *e;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_WORD))
		return POL_NONE;
	e = match_at(d, i, &n);
	return e ? e->kind : POL_NONE;
}

static int
is_topic(const struct doc *d, size_t i)
{
	return (d->tmark[i] & (TM_TERM | TM_REF)) != 0;
}

/* 1 when token j is an em or en dash, not a hyphen. */
static int
long_dash(const struct doc *d, size_t j)
{
	const struct tok *k = &d->tk.v[j];
	const unsigned char *o = (const unsigned char *)d->tk.text + k->o;

	return tok_punct(&d->tk, j, '-') && k->ol == 3 && o[0] == 0xe2 &&
	       o[1] == 0x80 && (o[2] == 0x93 || o[2] == 0x94);
}

/* 1 when the em or en dash at token j ends a clause: it closes a
 * parenthesis that an earlier dash of its sentence opened ("he said —
 * it's excellent — adding that ..."), or it stands alone before an
 * afterthought ("It did the opposite – we had it done by Tuesday"). A
 * dash that opens a parenthesis closed later ends none: the parenthesis
 * is often an apposition of the words before it ("safety roles — stunt
 * coordinators, an intimacy coordinator — cost"). */
static int
dash(const struct doc *d, size_t j)
{
	uint32_t s = d->tk.v[j].sent;
	size_t k, s0 = d->sent_start[s], s1 = d->sent_start[s + 1];
	unsigned n = 0;

	if (!long_dash(d, j))
		return 0;
	for (k = s0; k < j; k++)
		if (long_dash(d, k))
			n++;
	if (n % 2 == 1)
		return 1;
	for (k = j + 1; k < s1; k++)
		if (long_dash(d, k))
			return 0;
	return 1;
}

/* 1 when the contrast word at token j is no conjunction there: "but"
 * meaning "except" after a quantifier ("anything but helpful", "nothing
 * but praise", "all but useless"), and the adverb "yet" ("has yet to
 * see one", "not yet", "yet again", "yet another"). */
static int
not_contrast(const struct doc *d, size_t j)
{
	static const char *const quant[] = {
		"anything", "nothing", "everything", "all", "none", "nobody",
		"everybody", "everyone", "anyone", NULL
	};
	size_t k;

	if (tok_is(&d->tk, j, "but")) {
		if (j == 0 || d->tk.v[j - 1].sent != d->tk.v[j].sent)
			return 0;
		for (k = 0; quant[k]; k++)
			if (tok_is(&d->tk, j - 1, quant[k]))
				return 1;
		return 0;
	}
	if (!tok_is(&d->tk, j, "yet"))
		return 0;
	if (j + 1 < d->tk.n && (tok_is(&d->tk, j + 1, "to") ||
				tok_is(&d->tk, j + 1, "again") ||
				tok_is(&d->tk, j + 1, "another")))
		return 1;
	return j > 0 && (tok_is(&d->tk, j - 1, "not") ||
			 tok_is(&d->tk, j - 1, "as"));
}

/* 1 when token j ends the clause: punctuation other than quote marks and
 * hyphens (an em or en dash does end it), or a contrast word ("but",
 * "yet"). */
static int
clause_break(const struct doc *d, size_t j)
{
	if (tok_punct(&d->tk, j, '-'))
		return dash(d, j);
	if (tok_punct(&d->tk, j, '"') || tok_punct(&d->tk, j, '\''))
		return 0;
	if (d->tk.v[j].flags & TOK_PUNCT)
		return 1;
	return (doc_lex(d, j) & LEX_CONTRAST) != 0 && !not_contrast(d, j);
}

/* The clause around token i: [*a, *b) (index_doc()). */
static void
clause_of(const struct doc *d, size_t i, size_t *a, size_t *b)
{
	*a = d->cla[i];
	*b = d->clb[i];
}

/* Fills the tables the rules ask again and again: the clause of every
 * token (clause_break() within its sentence), in one pass, and empty
 * caches for the speaker label of each paragraph and the first person of
 * each sentence. */
static void
index_doc(struct doc *d)
{
	size_t n = d->tk.n, i;
	uint32_t s;

	pt_xgrow((void **)&d->cla, &d->capcla, n + 1, sizeof(*d->cla));
	pt_xgrow((void **)&d->clb, &d->capclb, n + 1, sizeof(*d->clb));
	pt_xgrow((void **)&d->plabel, &d->capplabel, d->tk.npara + 1,
		 sizeof(*d->plabel));
	pt_xgrow((void **)&d->sfirst, &d->capsfirst, d->tk.nsent + 1,
		 sizeof(*d->sfirst));
	/* clb first holds 1 where the token breaks a clause. */
	for (i = 0; i < n; i++)
		d->clb[i] = (uint32_t)clause_break(d, i);
	for (s = 0; s < d->tk.nsent; s++) {
		size_t s0 = d->sent_start[s], s1 = d->sent_start[s + 1];

		for (i = s0; i < s1; i++)
			d->cla[i] = (uint32_t)(i == s0 || d->clb[i - 1] ?
					       i : d->cla[i - 1]);
		for (i = s1; i > s0; i--) {
			size_t j = i - 1;

			d->clb[j] = (uint32_t)(d->clb[j] ? j :
					       i == s1 ? s1 : d->clb[i]);
		}
	}
	for (i = 0; i < d->tk.npara; i++)
		d->plabel[i] = -2;
	memset(d->sfirst, -1, d->tk.nsent + 1);
}

/* Nouns of a rule: one whose content requires the topic stands for the
 * topic taken up ("the guild voted to oppose the rule"). */
static const char *const mandate_nouns[] = {
	"rule", "requirement", "mandate", "policy", "guidance", "motion",
	"proposal", "regulation", "measure", NULL
};

/* Verbs that say what a rule requires: right after its noun ("a rule
 * requiring X", "a proposal mandating X"), or after "that" or "which"
 * and a modal ("a rule that would make X compulsory"). */
static const char *const requiring[] = {
	"requiring", "mandating", "obliging", "compelling", "forcing",
	"making", NULL
};
static const char *const requires[] = {
	"requires", "require", "mandates", "mandate", "obliges", "oblige",
	"compels", "compel", "forces", "force", "makes", "make", NULL
};

/* 1 when token j is one of the words w[]. */
static int
tok_among(const struct doc *d, size_t j, const char *const *w)
{
	return tok_index(&d->tk, j, w) >= 0;
}

/* The index in mandate_nouns[] of token j, or -1. */
static int
mandate_noun(const struct doc *d, size_t j)
{
	if (!(d->tk.v[j].flags & TOK_WORD))
		return -1;
	return tok_index(&d->tk, j, mandate_nouns);
}

/* 1 when the rule noun at token j requires the topic: a term of the
 * topic names it ("an intimacy coordinator requirement"), or a verb of
 * requiring right after it governs a term in its clause ("a rule
 * requiring an intimacy coordinator", "a rule that would make
 * coordinators a condition of funding"). */
static int
requires_topic(const struct doc *d, size_t j)
{
	size_t k, b = d->clb[j];

	if (j > 0 && (d->tmark[j - 1] & TM_TERM) && !(d->tmark[j] & TM_TERM))
		return 1;
	k = j + 1;
	if (k < b && (tok_is(&d->tk, k, "that") || tok_is(&d->tk, k, "which"))) {
		if (k + 1 < b && (tok_is(&d->tk, k + 1, "would") ||
				  tok_is(&d->tk, k + 1, "will")))
			k++;
		if (k + 1 >= b || !tok_among(d, k + 1, requires))
			return 0;
		k++;
	} else if (k >= b || !tok_among(d, k, requiring)) {
		return 0;
	}
	for (k = k + 1; k < b && k <= j + 3 + POL_MANDATE_WINDOW; k++) {
		if (d->tmark[k] & TM_TERM)
			return 1;
		if (is_topic(d, k) || mandate_noun(d, k) >= 0)
			return 0;
	}
	return 0;
}

/* Nouns of a decision or a plan, and of a programme: one whose content
 * is taking the topic up stands for it as a rule that requires it does
 * ("the decision to make intimacy coordinators compulsory", "a
 * training programme in generative tools"). */
static const char *const plan_nouns[] = {
	"decision", "plan", "plans", "programme", "program", "scheme",
	"initiative", "move", NULL
};

/* Verbs of taking something up, after "to" in a plan's content. */
static const char *const taking_up[] = {
	"make", "require", "mandate", "fund", "hire", "introduce", "adopt",
	"use", "employ", "bring", "train", "roll", "expand", NULL
};

/* 1 when the plan noun at token j (plan_nouns[]) has taking the topic up
 * as its content: "to" and a verb of taking up (taking_up[]) within
 * POL_PLAN_GAP words after it ("the decision by the council to fund
 * ..."), then a term in its clause, or a term as its complement after
 * "in", "on" or "for" ("a programme in generative tools"). */
static int
plans_topic(const struct doc *d, size_t j)
{
	size_t k, b = d->clb[j], e;

	if (tok_index(&d->tk, j, plan_nouns) < 0)
		return 0;
	if (j + 1 < b && (tok_is(&d->tk, j + 1, "in") ||
			  tok_is(&d->tk, j + 1, "on") ||
			  tok_is(&d->tk, j + 1, "for"))) {
		for (k = j + 2; k < b && k <= j + 4; k++)
			if (d->tmark[k] & TM_TERM)
				return 1;
		return 0;
	}
	for (k = j + 1; k < b && k <= j + POL_PLAN_GAP; k++)
		if (tok_is(&d->tk, k, "to"))
			break;
	if (k + 1 >= b || k > j + POL_PLAN_GAP ||
	    !tok_among(d, k + 1, taking_up))
		return 0;
	for (e = k + 2; e < b && e <= k + 1 + POL_MANDATE_WINDOW; e++) {
		const struct pol_entry *x;
		size_t n;

		if (d->tmark[e] & TM_TERM)
			return 1;
		x = (d->tk.v[e].flags & TOK_WORD) ? match_at(d, e, &n) : NULL;
		if (x && x->kind == POL_SHIFT)
			return 0; /* "to make it easier to ban X" */
	}
	return 0;
}

/* A rule that requires the topic (requires_topic()) is the topic taken
 * up, as a ref is: marks it TM_REF, and with it each later definite
 * mention of a rule in the article ("the rule", "its new requirement";
 * writers vary the noun), which points back to it. An evaluation of
 * the rule is then one of the topic ("urges the guild to oppose the
 * rule"). */
static void
mark_mandates(struct doc *d)
{
	size_t j;
	int seen = 0, seen_plan = 0;
	struct tok_first f = { { 0 }, 0 };

	/* Each case below is a rule or a plan noun: a token that starts
	 * like none of them is passed over without the lists. */
	tok_first_add(&f, mandate_nouns);
	tok_first_add(&f, plan_nouns);
	for (j = 0; j < d->tk.n; j++) {
		int k;

		if (!tok_first_has(&f, &d->tk, j))
			continue;
		k = mandate_noun(d, j);
		if (d->tmark[j] & (TM_TERM | TM_REF | TM_NEUTRAL))
			continue;
		if (k < 0) {
			/* A plan to take the topic up, and later "the plan". */
			if (plans_topic(d, j)) {
				/* ... a rule, if it says so ("the rule"). */
				seen = seen_plan = 1;
				d->tmark[j] |= TM_REF;
			} else if (seen_plan &&
				   tok_index(&d->tk, j, plan_nouns) >= 0 &&
				   j > 0 && (doc_lex(d, j - 1) & LEX_DET) &&
				   !tok_is(&d->tk, j - 1, "a") &&
				   !tok_is(&d->tk, j - 1, "an")) {
				d->tmark[j] |= TM_REF;
			}
			continue;
		}
		if (requires_topic(d, j)) {
			seen = 1;
			d->tmark[j] |= TM_REF;
			continue;
		}
		/* "the rule", "the new rule", "its current rule": the
		 * determiner within two words before. */
		if (seen && ((j > 0 && (doc_lex(d, j - 1) & LEX_DET)) ||
				(j > 1 && (doc_lex(d, j - 2) & LEX_DET) &&
				 (d->tk.v[j - 1].flags & TOK_WORD) &&
				 !(d->tk.v[j - 1].flags & TOK_CAP))))
			d->tmark[j] |= TM_REF;
	}
}

/* 1 when token j names the topic's practitioner as a role: a topic
 * term that is a role word or ends a role phrase of the topic file
 * ("intimacy coordinator", "coordinator"; not "stunt coordinator",
 * whose modifier makes it no term). */
static int
practitioner_word(const struct doc *d, size_t j)
{
	return j < d->tk.n && (d->tmark[j] & TM_TERM) && doc_is_role(d, j);
}

/* 1 when the words from token e on (after a subject that starts at
 * token a) say what the subject is or works as, a practitioner of the
 * topic, within POL_PRACTISE_GAP words ("has worked as an intimacy
 * coordinator", "is a coordinator"). */
static int
works_as(const struct doc *d, size_t a, size_t e)
{
	size_t j, k, end;

	for (j = e; j < e + POL_PRACTISE_GAP && j + 1 < d->tk.n &&
		    doc_same_sent(d, j, a); j++) {
		if (!(d->tk.v[j].flags & TOK_WORD))
			return 0;
		if (!tok_is(&d->tk, j, "as") && !tok_is(&d->tk, j, "is") &&
		    !tok_is(&d->tk, j, "was"))
			continue;
		k = j + 1;
		if (k < d->tk.n && (doc_lex(d, k) & LEX_DET))
			k++;
		for (end = k; end < k + 3 && end < d->tk.n &&
			      doc_same_sent(d, end, a) &&
			      (d->tk.v[end].flags & TOK_WORD); end++)
			if (practitioner_word(d, end))
				return 1;
		return 0;
	}
	return 0;
}

/* 1 when mention m gives its person the topic's practitioner for a
 * role: as a title ("intimacy coordinator Ivy Marsh", "the coordinator,
 * Ivy Marsh"), in apposition ("Ivy Marsh, the intimacy coordinator"), or
 * as what the person is or works as ("Marsh is a coordinator"). */
static int
practises(const struct doc *d, const struct mention *m)
{
	size_t a = m->tok, e = m->tok + m->ntok, end;

	if (d->tk.v[a].quote >= 0)
		return 0;
	if (!m->pronoun && a > 0 && doc_same_sent(d, a - 1, a) &&
	    (practitioner_word(d, a - 1) ||
	     (a > 1 && tok_punct(&d->tk, a - 1, ',') &&
	      practitioner_word(d, a - 2))))
		return 1;
	if (!m->pronoun && e + 1 < d->tk.n && tok_punct(&d->tk, e, ',') &&
	    doc_same_sent(d, e, e + 1) && doc_epithet(d, e + 1, &end) &&
	    end > 0 && practitioner_word(d, end - 1))
		return 1;
	return works_as(d, a, e);
}

/* Marks the mentions of the topic's practitioners as words that refer
 * back to the topic (TM_REF): an evaluation of a named coordinator by
 * someone else is one of the topic ("I swear by Ivy Marsh", "Marsh was
 * a lifeline"). prac[] (one per person) gets 1 for each practitioner:
 * their own evaluations of themselves stay theirs alone (whose()). */
static void
mark_practitioners(struct doc *d, unsigned char *prac)
{
	size_t i;

	uint32_t s;

	for (i = 0; i < d->nm; i++)
		if (!prac[d->m[i].person] && practises(d, &d->m[i]))
			prac[d->m[i].person] = 1;
	/* "She has worked as an intimacy coordinator": a pronoun subject,
	 * the person attrib.c took it for. */
	for (s = 0; s < d->tk.nsent; s++) {
		size_t a = d->sent_start[s];

		if (d->nwho[s] == 1 && d->who[(size_t)s * ATTRIB_MAX_SUBJECTS] >= 0 &&
		    d->tk.v[a].quote < 0 &&
		    (tok_is(&d->tk, a, "she") || tok_is(&d->tk, a, "he")) &&
		    works_as(d, a, a + 1))
			prac[d->who[(size_t)s * ATTRIB_MAX_SUBJECTS]] = 1;
	}
	for (i = 0; i < d->nm; i++) {
		size_t j;

		if (!prac[d->m[i].person])
			continue;
		for (j = d->m[i].tok; j < d->m[i].tok + d->m[i].ntok; j++)
			d->tmark[j] |= TM_REF;
		/* A sentence that names one is about the topic. */
		d->sent_topic[d->tk.v[d->m[i].tok].sent] = 1;
	}
}

/* 1 when the topic mention at token t is negated by an absence or stands
 * for its opposite: a contrastive target of the topic file ("the old
 * way"), or "without", "no", "instead of" just before it ("without
 * one"). *w gets the absence word, or DOC_NONE. */
static int
contrastive(const struct doc *d, size_t t, size_t *w)
{
	size_t j, steps;

	*w = DOC_NONE;
	if (d->tmark[t] & TM_CONTRAST)
		return 1;
	for (j = t, steps = 0; j > 0 && steps < POL_ABSENCE_WINDOW; steps++) {
		j--;
		if (!doc_same_sent(d, j, t) || (d->tk.v[j].flags & TOK_PUNCT))
			break;
		if (tok_is(&d->tk, j, "without") || tok_is(&d->tk, j, "no") ||
		    (tok_is(&d->tk, j, "of") && j > 0 &&
		     tok_is(&d->tk, j - 1, "instead"))) {
			*w = j;
			return 1;
		}
		if (is_topic(d, j))
			continue;
		if (!(doc_lex(d, j) & (LEX_DET | LEX_INDEF | LEX_FUNC)) &&
		    steps > 0)
			break;
	}
	return 0;
}

/* 1 when token j points back to something as a whole ("they", "it",
 * "hired her"): a pointing-back word that is a determiner of the noun
 * after it ("her posture", "its budget", "that scene", "those days")
 * names that noun instead, and "one of" and "no one" name something
 * else. */
static int
pointing_back(const struct doc *d, size_t j)
{
	unsigned lx = doc_lex(d, j);

	if (!(lx & LEX_BACKREF))
		return 0;
	/* "one of the scenes" names one of the scenes; "no one", "every
	 * one" name people. */
	if (tok_is(&d->tk, j, "one") &&
	    ((j + 1 < d->tk.n && tok_is(&d->tk, j + 1, "of")) ||
	     (j > 0 && (tok_is(&d->tk, j - 1, "no") ||
			tok_is(&d->tk, j - 1, "every") ||
			tok_is(&d->tk, j - 1, "any") ||
			tok_is(&d->tk, j - 1, "some") ||
			tok_is(&d->tk, j - 1, "each")))))
		return 0;
	/* "a friend of mine": a possessive pronoun after "of" names the
	 * one who has, not the thing had. */
	if (j > 0 && tok_is(&d->tk, j - 1, "of") &&
	    (tok_is(&d->tk, j, "mine") || tok_is(&d->tk, j, "yours") ||
	     tok_is(&d->tk, j, "hers") || tok_is(&d->tk, j, "ours") ||
	     tok_is(&d->tk, j, "theirs")))
		return 0;
	/* "these", "those" before a noun are its determiners ("those
	 * days"), as "this" and "that" are. */
	if (tok_is(&d->tk, j, "these") || tok_is(&d->tk, j, "those"))
		lx |= LEX_DET;
	if ((lx & LEX_DET) && j + 1 < d->tk.n &&
	    (d->tk.v[j + 1].flags & TOK_WORD) &&
	    !(d->tk.v[j + 1].flags & TOK_NUM) &&
	    !(doc_lex(d, j + 1) & (LEX_FUNC | LEX_PREP)) &&
	    d->tk.v[j + 1].sent == d->tk.v[j].sent)
		return 0;
	return 1;
}

static int copula(const struct doc *d, size_t j);
static int in_negator(const struct doc *d, size_t j);
static int other_antecedent_at(const struct doc *d, size_t j, int depth);

/* Pronouns that agree with one number only, for other_antecedent(). */
static const char *const pron_sing[] = {"it", "its", "itself"};
static const char *const pron_plur[] = {
	"they", "them", "their", "theirs", "themselves"};
/* Words that open a noun phrase, for other_antecedent(). */
static const char *const np_open[] = {
	"the", "a", "an", "this", "that", "these", "those", "my", "our",
	"your", "his", "her", "its", "their", "every", "each", "another"};

/* 1 when the noun phrase head at k reads as plural: an English plural
 * ends in "s" (not "ss", "us", "is": "the business", "the status"). */
static int
plural_head(const struct doc *d, size_t k)
{
	const char *w = d->tk.key + d->tk.v[k].k;
	size_t n = d->tk.v[k].kl;

	return n > 2 && w[n - 1] == 's' && w[n - 2] != 's' &&
	       w[n - 2] != 'u' && w[n - 2] != 'i';
}

/* The head of the noun phrase a determiner at p opens: the last of up
 * to three words after it that are no function words, prepositions,
 * pointing-back words or names ("the old way", "a tango step"), up to a
 * plural or before a past form; DOC_NONE when none follows. Without a
 * tagger it is a guess, good enough to weigh antecedents. */
static size_t
np_head(const struct doc *d, size_t p, size_t end)
{
	size_t k, head = DOC_NONE;

	for (k = p + 1; k < end && k <= p + 3; k++) {
		if (!(d->tk.v[k].flags & TOK_WORD) ||
		    (doc_lex(d, k) & (LEX_FUNC | LEX_PREP | LEX_BACKREF)) ||
		    doc_mention_at(d, k) >= 0)
			break;
		/* a past form after the first word is the verb ("the guild
		 * arrived"); a plural is the head ("the rehearsals ran":
		 * plurals seldom modify a noun) */
		if (k > p + 1 && d->tk.v[k].kl > 3 &&
		    memcmp(d->tk.key + d->tk.v[k].k + d->tk.v[k].kl - 2, "ed",
			   2) == 0)
			break;
		head = k;
		if (is_topic(d, k) || plural_head(d, k))
			break;
	}
	return head;
}

/* The salience of a noun phrase from np0 to its head h as the
 * antecedent of a pronoun at j, after Lappin and Leass (1994): a
 * subject (the phrase opens its clause) weighs most, a phrase inside a
 * prepositional phrase least ("on a student budget"), and it halves in
 * the sentence before the pronoun's. The topic is never discounted for
 * a preposition ("the use of AI" is about AI). */
static double
np_salience(const struct doc *d, size_t np0, size_t h, size_t j)
{
	double w = 1;
	size_t c0 = d->cla[np0];

	if (np0 <= c0 + 1)
		w = 2;
	else if (!is_topic(d, h) && np0 > 0 &&
		 (doc_lex(d, np0 - 1) & LEX_PREP))
		w = 0.5;
	if (d->tk.v[h].sent != d->tk.v[j].sent)
		w /= 2;
	return w;
}

/* 1 when the pointing-back pronoun at j ("it", "they") has a likelier
 * antecedent than the topic in its sentence and the one before: a noun
 * phrase that agrees with it in number and is more salient than every
 * mention of the topic there (np_salience(); ties go to the topic).
 * Phrases in the pronoun's own clause before it are no antecedents (a
 * pronoun is not bound in its clause: "the director loved it"), nor are
 * people or roles for "it". "they" may stand for one person, so the
 * topic agrees with it in either number. 0 when the topic wins or no
 * noun phrase agrees. */
static int
other_antecedent_at(const struct doc *d, size_t j, int depth)
{
	int sing = tok_in(&d->tk, j, pron_sing, 3);
	int plur = tok_in(&d->tk, j, pron_plur, 5);
	uint32_t s = d->tk.v[j].sent;
	size_t from, k, c0 = d->cla[j];
	double topic = 0, other = 0;

	if (!sing && !plur)
		return 0;
	from = d->sent_start[s > 0 && d->tk.v[d->sent_start[s - 1]].para ==
					  d->tk.v[j].para ?
				      s - 1 :
				      s];
	for (k = from; k < c0; k++) {
		size_t h, np0 = k;
		double w;

		if (is_topic(d, k) || (d->tmark[k] & TM_CONTRAST)) {
			/* the phrase opens at a determiner just before */
			if (k > from && tok_in(&d->tk, k - 1, np_open,
					       sizeof(np_open) /
						       sizeof(np_open[0])))
				np0 = k - 1;
			w = np_salience(d, np0, k, j);
			if (w > topic)
				topic = w;
			while (k + 1 < c0 && (is_topic(d, k + 1) ||
					      (d->tmark[k + 1] & TM_CONTRAST)))
				k++;
			continue;
		}
		/* an agreeing pronoun before continues a chain: it stands
		 * for the topic when it is resolved to it in turn */
		if (depth < 2 && k != j &&
		    (sing ? tok_in(&d->tk, k, pron_sing, 3) :
			    tok_in(&d->tk, k, pron_plur, 5)) &&
		    pointing_back(d, k)) {
			w = np_salience(d, k, k, j);
			if (!other_antecedent_at(d, k, depth + 1)) {
				if (w > topic)
					topic = w;
			} else if (w > other)
				other = w;
			continue;
		}
		if (!tok_in(&d->tk, k, np_open,
			    sizeof(np_open) / sizeof(np_open[0])))
			continue;
		/* an apposition ("X, a compositor in Amsterdam") and a
		 * predicate nominal ("it wasn't a revelation") name no new
		 * referent: they are said of the name or the subject */
		if (k > 1 && tok_punct(&d->tk, k - 1, ',') &&
		    doc_mention_at(d, k - 2) >= 0)
			continue;
		if (k > 0 && (copula(d, k - 1) ||
			      (k > 1 && in_negator(d, k - 1) &&
			       copula(d, k - 2)) ||
			      tok_is(&d->tk, k - 1, "wasn") ||
			      tok_is(&d->tk, k - 1, "isn")))
			continue;
		h = np_head(d, k, c0);
		if (h == DOC_NONE || is_topic(d, h) ||
		    (d->tmark[h] & TM_CONTRAST))
			continue;
		if (sing && (doc_lex(d, h) & LEX_ROLE))
			continue;
		if (plural_head(d, h) ? plur : sing) {
			w = np_salience(d, k, h, j);
			if (w > other)
				other = w;
		}
		k = h;
	}
	/* With no mention of it in reach, the topic of a paragraph about
	 * it is still the discourse's centre: as salient as a plain noun
	 * phrase of the sentence before. */
	if (topic == 0 && d->para_topic[d->tk.v[j].para] != PARA_OFF)
		topic = 0.5;
	return other > topic;
}

static int
other_antecedent(const struct doc *d, size_t j)
{
	return other_antecedent_at(d, j, 0);
}

/* The topic mention the evidence at [i, i+n) is linked to: the nearest
 * term or ref (or contrastive target) in its clause -- LINK_CLAUSE --, a
 * word pointing back to it there -- LINK_REF --, or a term or ref in its
 * sentence -- LINK_SENT; DOC_NONE and LINK_QUOTE or LINK_PARA otherwise. */
/* The topic word (a term, ref or contrast target) in [a, b) nearest to
 * the evidence [i, i + n), outside it; DOC_NONE if there is none. */
static size_t
nearest_topic(const struct doc *d, size_t i, size_t n, size_t a, size_t b)
{
	size_t j, best = DOC_NONE, bestd = (size_t)-1;

	for (j = a; j < b; j++)
		if ((j < i || j >= i + n) &&
		    (is_topic(d, j) || (d->tmark[j] & TM_CONTRAST))) {
			size_t dist = j < i ? i - j : j - i;

			if (dist < bestd) {
				bestd = dist;
				best = j;
			}
		}
	return best;
}

/* 1 when the clause going on at token j has no subject of its own: no
 * determiner, pronoun, name, capitalised word or negator opens it
 * ("about as necessary", "truly awful"; not "not everyone"). */
static int
no_subject(const struct doc *d, size_t j)
{
	if (!(d->tk.v[j].flags & TOK_WORD) || (d->tk.v[j].flags & TOK_CAP) ||
	    doc_mention_at(d, j) >= 0 || is_topic(d, j))
		return 0;
	if (tok_is(&d->tk, j, "not") || tok_is(&d->tk, j, "never"))
		return 0; /* "not everyone", "never has anyone" */
	return !(doc_lex(d, j) & (LEX_DET | LEX_PRONOUN | LEX_INDEF |
				  LEX_BACKREF | LEX_FUNC)) ||
	       tok_is(&d->tk, j, "about");
}

static size_t
link_of(const struct doc *d, size_t i, size_t n, size_t a, size_t b,
	enum cue_link *link)
{
	uint32_t s = d->tk.v[i].sent;
	size_t s0 = d->sent_start[s], s1 = d->sent_start[s + 1], j, best;
	int q;

	best = nearest_topic(d, i, n, a, b);
	/* A clause opened by "but" or "yet" with no topic of its own goes
	 * on about the clause before it: coordination shares its subject
	 * or head ("left the scenes safe but lifeless"). */
	if (best == DOC_NONE && a > s0 + 1 &&
	    (doc_lex(d, a - 1) & LEX_CONTRAST) &&
	    !(d->tk.v[a - 1].flags & TOK_PUNCT))
		best = nearest_topic(d, i, n, d->cla[a - 2], a - 1);
	/* A clause opened by ", and" with no subject of its own ("lovely,
	 * truly, and about as necessary as ...") goes on with the
	 * predicate of the clauses before it, back to one that names the
	 * topic. */
	if (best == DOC_NONE && a + 1 < b && a > s0 &&
	    (tok_is(&d->tk, a, "and") || tok_is(&d->tk, a, "or")) &&
	    tok_punct(&d->tk, a - 1, ',') && no_subject(d, a + 1)) {
		size_t c = a - 1, k;

		for (k = 0; k < 3 && best == DOC_NONE && c > s0; k++) {
			size_t c0 = d->cla[c - 1];

			best = nearest_topic(d, i, n, c0, c);
			c = c0;
		}
	}
	if (best != DOC_NONE) {
		*link = LINK_CLAUSE;
		return best;
	}
	/* "they're not needed", "it was a lifeline": a word pointing back
	 * to the topic in the clause, in a paragraph about it. */
	if (d->para_topic[d->tk.v[i].para] != PARA_OFF)
		for (j = a; j < b; j++)
			if ((j < i || j >= i + n) &&
			    pointing_back(d, j) &&
			    !other_antecedent(d, j)) {
				*link = LINK_REF;
				return j;
			}
	best = nearest_topic(d, i, n, s0, s1);
	if (best != DOC_NONE) {
		*link = LINK_SENT;
		return best;
	}
	q = d->tk.v[i].quote;
	*link = LINK_PARA;
	if (q >= 0)
		for (j = d->q[q].t0; j < d->q[q].t1; j++)
			if (is_topic(d, j)) {
				*link = LINK_QUOTE;
				break;
			}
	return DOC_NONE;
}

/* The topic as the object of the verb ending at token v: a term, ref or
 * pointing-back word ("one", "them", "it") within POL_OBJECT_WINDOW
 * words after it, past determiners and modifiers, in its clause. Returns
 * its token or DOC_NONE. */
static size_t
object_of(const struct doc *d, size_t v, size_t b)
{
	size_t j;

	for (j = v + 1; j < b && j <= v + POL_OBJECT_WINDOW; j++) {
		if (is_topic(d, j) || (d->tmark[j] & TM_CONTRAST))
			return j;
		if (pointing_back(d, j)) {
			size_t k;

			/* "doing it the old way", "did it by hand": the
			 * manner that follows names the topic's opposite. */
			for (k = j + 1; k < b && k <= j + POL_MANNER_WINDOW; k++)
				if (d->tmark[k] & TM_CONTRAST)
					return k;
			return (d->para_topic[d->tk.v[j].para] != PARA_OFF ||
				d->sent_topic[d->tk.v[j].sent]) ? j : DOC_NONE;
		}
		/* "the growing use of X", "studios' reliance on X": the
		 * head noun's complement is the object too. */
		if (tok_is(&d->tk, j, "of") || tok_is(&d->tk, j, "on") ||
		    tok_punct(&d->tk, j, '\''))
			continue;
		if (!(d->tk.v[j].flags & TOK_WORD))
			return DOC_NONE;
		if (doc_lex(d, j) & (LEX_PRONOUN | LEX_PREP | LEX_SPEECH))
			return DOC_NONE;
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
		if (pointing_back(d, i))
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

/* 1 when a passive "told" ("was told", "had been told") stands in the
 * few words before the "that" at token t, past "by" and its agent. */
static int
told_before(const struct doc *d, size_t a, size_t t)
{
	size_t j;

	for (j = t; j > a + 1 && j + POL_SCOPE_WINDOW > t; ) {
		j--;
		if (tok_punct(&d->tk, j, ',') || tok_is(&d->tk, j, "and"))
			return 0;
		if (tok_is(&d->tk, j, "told"))
			return tok_is(&d->tk, j - 1, "was") ||
			       tok_is(&d->tk, j - 1, "were") ||
			       tok_is(&d->tk, j - 1, "been");
	}
	return 0;
}

/* 1 when token j is "say" after "they", "people" or "everyone" ("they
 * say it's brilliant, but ...", "people say it saves time"): hearsay, the
 * view of people in general, which a speaker sets up to answer; the past
 * "they said" tells what particular people said, and is left to the
 * verbs of saying. */
static int
hearsay(const struct doc *d, size_t j)
{
	return j > 0 && tok_is(&d->tk, j, "say") &&
	       (tok_is(&d->tk, j - 1, "they") ||
		tok_is(&d->tk, j - 1, "people") ||
		tok_is(&d->tk, j - 1, "everyone"));
}

/* 1 when the clause of the cue at token i reports what others say
 * ("People say we take the magic out of it", "critics claim...",
 * "people keep telling me ..."): the speaker cites a view, often to
 * answer it, so it is not the speaker's. */
static int
others_view(const struct doc *d, size_t i)
{
	size_t j, a = d->sent_start[d->tk.v[i].sent];

	for (j = i; j > a && j + ATTRIB_OTHERS_WINDOW > i; ) {
		j--;
		if (tok_punct(&d->tk, j, ',') || tok_punct(&d->tk, j, ';'))
			break;
		/* "was told by a funder that the show needed one": what
		 * one is told, in the "that" clause, is the teller's view
		 * ("was told about it and hired one" is no report). */
		if (tok_is(&d->tk, j, "that") && told_before(d, a, j))
			return 1;
		/* One of the others, then within a few words a verb of
		 * saying or thinking ("critics say", "people keep telling
		 * me", "sceptics have long argued"). */
		if (hearsay(d, j))
			return 1;
		if (doc_lex(d, j) & (LEX_OPINION | LEX_SPEECH)) {
			size_t k;

			for (k = j; k > a && k + POL_OTHERS_GAP + 1 > j; ) {
				k--;
				if (doc_lex(d, k) & LEX_OTHERS)
					return 1;
			}
		}
	}
	return 0;
}

/* 1 when the evaluation at token i is part of a rule announced for a
 * body: after "announced", "confirmed" or "declared" and the "that" of
 * its complement in its sentence, a definite noun phrase that is no
 * pronoun as the subject of "will", "would" or "shall" before it ("the
 * jury president announced that from next year the festival would not
 * accept such films", "confirmed that the studio will use the tool").
 * The rule is the body's, told by the one who holds its office;
 * announcing it is no view of the speaker's own ("she announced that
 * she would never use it" stays). */
static int
announced_rule(const struct doc *d, size_t i)
{
	static const char *const verbs[] = {
		"announced", "announces", "announcing", "confirmed",
		"confirms", "declared", "declares", NULL
	};
	static const char *const modals[] = { "will", "would", "shall",
					      NULL };
	size_t j, a = d->sent_start[d->tk.v[i].sent], that = DOC_NONE;
	size_t the = DOC_NONE;

	for (j = a; j < i; j++) {
		if (tok_among(d, j, verbs)) {
			size_t k;

			that = DOC_NONE;
			for (k = j + 1; k < i && k <= j + 5; k++)
				if (tok_is(&d->tk, k, "that")) {
					that = k;
					break;
				}
			the = DOC_NONE;
		} else if (that != DOC_NONE && j > that &&
			   tok_is(&d->tk, j, "the")) {
			the = j;
		} else if (the != DOC_NONE && j > the + 1 &&
			   tok_among(d, j, modals) &&
			   (d->tk.v[j - 1].flags & TOK_WORD) &&
			   !(doc_lex(d, j - 1) & LEX_PRONOUN)) {
			return 1;
		}
	}
	return 0;
}

/* 1 when token j is inside a negator phrase of the lexicon that starts
 * before it ("I'd be lying if I said"): that "if" supposes nothing. */
static int
in_negator(const struct doc *d, size_t j)
{
	size_t k, n;

	for (k = j; k > 0 && k + POL_MAX_WORDS > j; ) {
		const struct pol_entry *p;

		k--;
		p = match_at(d, k, &n);
		if (p && p->kind == POL_NEG && k + n > j)
			return 1;
	}
	return 0;
}

/* 1 when token j is a verb of wishing ("I wish they were better", "she
 * wished it had never been made"): what is wished is not so. */
static int
wish_word(const struct doc *d, size_t j)
{
	return tok_is(&d->tk, j, "wish") || tok_is(&d->tk, j, "wishes") ||
	       tok_is(&d->tk, j, "wished") || tok_is(&d->tk, j, "wishing");
}

/* 1 when the cue at token i is asked or supposed, not asserted: its
 * sentence (or its quoted sentence) ends with a question mark, "whether",
 * "if" or a verb of wishing comes before it in the clause, or it stands
 * in scare quotes
 * (the so-called "safety"): irony and hypotheticals. */
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
		if (tok_is(&d->tk, j, "whether") ||
		    (tok_is(&d->tk, j, "if") && !in_negator(d, j)) ||
		    wish_word(d, j))
			return 1;
	}
	/* Scare quotes: the whole cue inside them. A cue that runs out of
	 * the quoted words ('"never once" worked with') is the writer's. */
	for (j = 0; j < d->nq; j++)
		if (!d->q[j].direct && i >= d->q[j].t0 && i + ntok <= d->q[j].t1)
			return 1;
	return 0;
}

/* 1 when the sentence of token i opens with the interjection "Oh" and a
 * comma or "yes" ("Oh, wonderful.", "Oh yes, it's marvellous."): the
 * common frame of ironic praise, which is not asserted. */
static int
ironic_oh(const struct doc *d, size_t i)
{
	size_t at[2], j;
	int n = 1, k;

	at[0] = d->sent_start[d->tk.v[i].sent];
	if (d->tk.v[i].quote >= 0 && d->q[d->tk.v[i].quote].t0 > at[0])
		at[n++] = d->q[d->tk.v[i].quote].t0;
	for (k = 0; k < n; k++) {
		j = at[k];
		while (j < i && (tok_punct(&d->tk, j, '"') ||
				 tok_punct(&d->tk, j, '\'')))
			j++;
		if (j + 1 < i && tok_is(&d->tk, j, "oh") &&
		    (tok_punct(&d->tk, j + 1, ',') ||
		     tok_is(&d->tk, j + 1, "yes")))
			return 1;
	}
	return 0;
}

/* 1 when the lexicon phrase at token i opens with a question word
 * ("who needs", "what's the point of", "why would anyone want"): the
 * lexicon has such phrases only as rhetorical questions. */
static int
wh_idiom(const struct doc *d, size_t i)
{
	return tok_is(&d->tk, i, "who") || tok_is(&d->tk, i, "why") ||
	       tok_is(&d->tk, i, "what") || tok_is(&d->tk, i, "what's") ||
	       tok_is(&d->tk, i, "how");
}

/* 1 when token i opens its sentence or its quotation, past quote marks,
 * and the sentence (or the quoted one) ends with a question mark. */
static int
opens_question(const struct doc *d, size_t i)
{
	size_t j = i, e = d->sent_start[d->tk.v[i].sent + 1];

	while (j > d->sent_start[d->tk.v[i].sent] &&
	       (tok_punct(&d->tk, j - 1, '"') ||
		tok_punct(&d->tk, j - 1, '\'')))
		j--;
	if (j > d->sent_start[d->tk.v[i].sent] &&
	    !(d->tk.v[i].quote >= 0 && d->q[d->tk.v[i].quote].t0 >= j))
		return 0;
	for (j = i; j < e; j++) {
		if (tok_punct(&d->tk, j, '?'))
			return 1;
		if (tok_punct(&d->tk, j, '.') || tok_punct(&d->tk, j, '!'))
			return 0;
	}
	return 0;
}

/* 1 when sentence s has a negative lexicon evaluation or ends with a
 * question mark. */
static int
sour_sentence(const struct doc *d, uint32_t s)
{
	size_t j, n;

	for (j = d->sent_start[s]; j < d->sent_start[s + 1]; j++) {
		const struct pol_entry *p = match_at(d, j, &n);

		if (tok_punct(&d->tk, j, '?') ||
		    (p && p->kind == POL_EVAL && p->v < 0))
			return 1;
	}
	return 0;
}

/* 1 when the praise [i, i + n) is a sentence of its own in a quotation,
 * with at most an article or "what", "how", "just", "truly" before it
 * ("Lovely.", "What a bargain.", "Truly wonderful."; the words of its
 * sentence outside the quotation, "she said", do not count), after a
 * sentence of the same paragraph that complains or asks: the common
 * frame of sarcasm, which is not asserted. */
static int
bare_praise(const struct doc *d, size_t i, size_t n)
{
	static const char *const lead[] = {
		"what", "how", "just", "truly", "a", "an", "really", "so",
		"very", NULL
	};
	uint32_t s = d->tk.v[i].sent;
	size_t j, k;

	if (d->tk.v[i].quote < 0 || s == 0 ||
	    d->tk.v[d->sent_start[s - 1]].para != d->tk.v[i].para)
		return 0;
	for (j = d->sent_start[s]; j < d->sent_start[s + 1]; j++) {
		if ((j >= i && j < i + n) ||
		    d->tk.v[j].quote != d->tk.v[i].quote)
			continue;
		if (!(d->tk.v[j].flags & TOK_WORD))
			continue;
		if (j > i)
			return 0;
		for (k = 0; lead[k]; k++)
			if (tok_is(&d->tk, j, lead[k]))
				break;
		if (!lead[k])
			return 0;
	}
	return sour_sentence(d, s - 1);
}

/* 1 when a condition follows the act ending before token j in its
 * sentence ("can still hire one if they want to", "would drop them
 * unless the law says otherwise"): taking the topic up or doing without
 * it only on a condition is no choice made. A "but" or a full stop ends
 * the search. */
static int
conditioned(const struct doc *d, size_t v, size_t j)
{
	size_t e = d->sent_start[d->tk.v[j - 1].sent + 1];
	int would = 0, k;

	/* "would hire one the day the budget allows", "will use it once
	 * it is good enough": a time that has not come is a condition. */
	for (k = 1; k <= 2 && v >= (size_t)k; k++)
		if (tok_is(&d->tk, v - k, "would") ||
		    tok_is(&d->tk, v - k, "will") ||
		    tok_is(&d->tk, v - k, "i'd") ||
		    tok_is(&d->tk, v - k, "we'd") ||
		    tok_is(&d->tk, v - k, "she'd") ||
		    tok_is(&d->tk, v - k, "he'd") ||
		    tok_is(&d->tk, v - k, "they'd"))
			would = 1;
	for (; j < e; j++) {
		if (tok_is(&d->tk, j, "but") || tok_punct(&d->tk, j, ';'))
			return 0;
		if (tok_is(&d->tk, j, "if") || tok_is(&d->tk, j, "unless"))
			return 1;
		if (would && (tok_is(&d->tk, j, "when") ||
			      tok_is(&d->tk, j, "once") ||
			      (tok_is(&d->tk, j, "day") && j > 0 &&
			       tok_is(&d->tk, j - 1, "the"))))
			return 1;
	}
	return 0;
}

/* Where the evidence at token i stands to a "but" of its sentence (in
 * the same quotation or outside both): -1 before it, +1 after it, 0
 * without one or when the sentence opens with it. */
static int
but_side(const struct doc *d, size_t i)
{
	size_t j, a = d->sent_start[d->tk.v[i].sent];
	size_t e = d->sent_start[d->tk.v[i].sent + 1];

	for (j = a + 1; j < e; j++)
		if (tok_is(&d->tk, j, "but") && !not_contrast(d, j) &&
		    d->tk.v[j].quote == d->tk.v[i].quote)
			return j < i ? 1 : -1;
	return 0;
}

/* A candidate piece of evidence, before composition. */
struct ev {
	size_t tok, ntok;
	size_t obj;          /* the topic as object (adopt, reject, absence),
				or DOC_NONE */
	enum cue_kind kind;
	double value;        /* signed strength */
	const char *phrase;  /* borrowed */
	const char *source;  /* static */
	/* composed */
	int pol;
	double w;
	enum cue_link link;
	size_t target;       /* the topic token linked, or DOC_NONE */
	unsigned rules;
	size_t neg;
	size_t absence;      /* the "without" it used as a contrast, or
				DOC_NONE */
	int unlinked;        /* 1 for a verb of praise or attack whose
				clause holds no topic */
	int flip;            /* 1 when an act of rejecting the topic is its
				object ("welcomed the ban on X", "opposed
				banning X"): it evaluates that act */
};

struct evs {
	struct ev *v;
	size_t n, cap;
};

static void
push(struct evs *e, const struct ev *x)
{
	pt_xgrow((void **)&e->v, &e->cap, e->n + 1, sizeof(*e->v));
	e->v[e->n++] = *x;
}

/* 1 when token i may hold a general-lexicon word: not part of the
 * topic's own phrases (terms, refs, figures, nonpersons, its neutral
 * words) nor of a person's name, nor a capitalised word inside a
 * sentence (a title or a name the people step did not take). */
static int
lexable(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];

	if (!(k->flags & TOK_WORD) || (k->flags & TOK_NUM))
		return 0;
	if (d->tmark[i] & (TM_TERM | TM_REF | TM_FIGURE | TM_NONPERSON |
			   TM_NEUTRAL))
		return 0;
	if (doc_mention_at(d, i) >= 0)
		return 0;
	if ((k->flags & TOK_CAP) && !(k->flags & (TOK_SSTART | TOK_PSTART)) &&
	    i > 0 && !(d->tk.v[i - 1].flags & TOK_PUNCT))
		return 0;
	return 1;
}

/* 1 when "without" at token w is the second half of a comparison with
 * the topic present ("with a coordinator and without one", "with and
 * without them"): both ways are named, so neither is chosen. */
static int
compared_with(const struct doc *d, size_t w, size_t a)
{
	size_t j, k;

	if (w <= a || !(tok_is(&d->tk, w - 1, "and") ||
			tok_is(&d->tk, w - 1, "or")))
		return 0;
	for (j = w - 1; j > a && j + POL_OBJECT_WINDOW + 1 > w; ) {
		j--;
		if (!tok_is(&d->tk, j, "with"))
			continue;
		if (j + 2 == w)
			return 1; /* "with and without" */
		for (k = j + 1; k < w - 1 && k <= j + POL_ABSENCE_WINDOW; k++)
			if (is_topic(d, k))
				return 1;
	}
	return 0;
}

/* 1 when the general-lexicon phrase [i, i + n) of several words ends in
 * a preposition that takes a verb as its complement ("threw cold water
 * on hiring one", "has no patience for using them", "balked at"): like a
 * verb of praise or attack, it evaluates the act that follows it, and
 * that act's object is its own. */
static int
governs_act(const struct doc *d, size_t i, size_t n)
{
	const struct pol_entry *p;
	size_t m;

	if (n < 2 || !(doc_lex(d, i + n - 1) & LEX_PREP))
		return 0;
	p = match_at(d, i, &m);
	return p && p->kind == POL_EVAL;
}

/* 1 when token j is a word ending in "-ing" ("having", "using"). */
static int
gerund(const struct doc *d, size_t j)
{
	size_t l;
	const char *k;

	if (!(d->tk.v[j].flags & TOK_WORD))
		return 0;
	k = doc_key(d, j, &l);
	return l > 4 && memcmp(k + l - 3, "ing", 3) == 0;
}

/* The topic as the causer of what a verb tells happened to people: its
 * subject, with at most POL_CAUSER_GAP auxiliaries or adverbs between,
 * or inside a gerund subject ("having one on set meant ..."), of a verb
 * of enabling or sparing ("it lets small studios dub", "the coordinator
 * let me just act", "saved us a week", "meant I could breathe") or of
 * costing someone ("cost us two days", "cost me my bookings"). What it
 * lets or costs people is how it does by them: praise or its opposite
 * (the evaluation of the topic's effect on people). Fills *e and
 * returns 1, else 0. "let ... down" is the lexicon's. */
static int
topic_causes(const struct doc *d, size_t i, struct ev *e, struct tok_first *f)
{
	static const char *const enables[] = {
		"let", "lets", "letting", "allowed", "allows", "allowing",
		"enabled", "enables", "enabling", "saved", "saves", "spared",
		"spares", "means", "meant", NULL
	};
	static const char *const costs[] = {
		"cost", "costs", "costing", NULL
	};
	static const char *const aux[] = {
		"has", "have", "had", "will", "would", "can", "could", "also",
		"really", "just", "actually", "already", "finally", "always",
		"often", "simply", "genuinely", "literally", "basically",
		"probably", "still", "now", "does", "do", "did", "not", "never",
		"doesn't", "don't", "didn't", "won't", "wouldn't", "can't",
		"couldn't", "hasn't", "haven't", "n't", NULL
	};
	static const char *const people[] = {
		"me", "us", "them", "him", "her", "you", "my", "our", "their",
		"his", "your", "everyone", "everybody", "people", NULL
	};
	static const char *const means_subj[] = {
		"i", "we", "you", "they", "he", "she", "everyone", NULL
	};
	static const char *const modal[] = {
		"can", "could", "will", "would", NULL
	};
	static const char *const things[] = {
		"it", "they", "this", "that", NULL
	};
	size_t a = d->cla[i], b = d->clb[i], j, k;
	int en, subj = 0;

	/* f (the caller's, one per article) passes over the words that
	 * start like no verb of enabling or costing. */
	if (!f->filled) {
		tok_first_add(f, enables);
		tok_first_add(f, costs);
		f->filled = 1;
	}
	if (!tok_first_has(f, &d->tk, i))
		return 0;
	en = tok_index(&d->tk, i, enables);
	if (en < 0 && !tok_among(d, i, costs))
		return 0;
	if (i + 1 >= b || i <= a)
		return 0;
	if (en >= 0 && en >= 13) {
		/* "means we can", "meant I could" */
		if (i + 2 >= b || !tok_among(d, i + 1, means_subj) ||
		    !tok_among(d, i + 2, modal))
			return 0;
	} else if (en < 0 && !tok_among(d, i + 1, people)) {
		return 0;
	}
	for (k = i + 1; en >= 0 && k < b && k <= i + 3; k++)
		if (tok_is(&d->tk, k, "down"))
			return 0; /* "let me down" */
	for (j = i, k = 0; j > a && k <= POL_CAUSER_GAP; k++) {
		j--;
		if (is_topic(d, j) || (d->tmark[j] & TM_CONTRAST) ||
		    (tok_among(d, j, things) && pointing_back(d, j) &&
		     !other_antecedent(d, j))) {
			subj = 1;
			break;
		}
		if (!tok_among(d, j, aux))
			break;
	}
	/* A gerund subject that holds the topic ("Having one meant"), past
	 * an opening quote mark. */
	for (k = a; k < i && (d->tk.v[k].flags & TOK_PUNCT); k++)
		;
	if (!subj && k < i && gerund(d, k))
		for (j = k + 1; j < i && !subj; j++)
			subj = is_topic(d, j);
	if (!subj)
		return 0;
	memset(e, 0, sizeof(*e));
	e->tok = i;
	e->ntok = 1;
	e->obj = DOC_NONE;
	e->kind = CUE_LEX;
	e->value = en >= 0 ? POL_CAUSER_VALUE : -POL_CAUSER_VALUE;
	e->phrase = en >= 0 ? enables[en] : "cost";
	e->source = "curated";
	return 1;
}

/* Collects the candidates of the article in text order: the topic file's
 * pro/con overrides first claim their tokens, then lexicon phrases. */
static void
collect(struct doc *d, struct evs *out)
{
	unsigned char *taken = pt_xmalloc(d->tk.n + 1);
	size_t h, i, covered = 0, n, a, b;
	unsigned off = pol_layers_off();
	struct evs cues = { NULL, 0, 0 };
	size_t c = 0, last_verb = 0, last_obj = 0, outer = (size_t)-1;
	size_t last_ev = (size_t)-1;
	struct tok_first causers = { { 0 }, 0 };

	memset(taken, 0, d->tk.n + 1);
	for (h = 0; h < d->nhits; h++) {
		const struct doc_hit *x = &d->hits[h];
		struct ev e;

		if (x->h.kind != TOPIC_PRO && x->h.kind != TOPIC_CON)
			continue;
		if (x->tok < covered)
			continue; /* inside a longer cue already taken */
		covered = x->tok + x->h.ntok;
		memset(taken + x->tok, 1, x->h.ntok);
		memset(&e, 0, sizeof(e));
		e.tok = x->tok;
		e.ntok = x->h.ntok;
		e.obj = DOC_NONE;
		e.kind = CUE_TOPIC;
		e.value = x->h.kind == TOPIC_PRO ? x->h.weight : -x->h.weight;
		e.phrase = x->h.phrase;
		e.source = "topic";
		push(&cues, &e);
	}
	for (i = 0; i < d->tk.n; i++) {
		const struct pol_entry *p;
		struct ev e;

		while (c < cues.n && cues.v[c].tok <= i)
			push(out, &cues.v[c++]);
		if ((off & POL_OFF_LEXICON) || taken[i] || !lexable(d, i))
			continue;
		if (topic_causes(d, i, &e, &causers)) {
			push(out, &e);
			continue;
		}
		p = match_at(d, i, &n);
		if (!p)
			continue;
		for (h = 1; h < n; h++)
			if (taken[i + h] || (d->tmark[i + h] & (TM_TERM | TM_REF)))
				break;
		if (h < n)
			continue;
		memset(&e, 0, sizeof(e));
		e.tok = i;
		e.ntok = n;
		e.obj = DOC_NONE;
		e.phrase = p->key;
		e.source = pol_source_name[p->src];
		clause_of(d, i, &a, &b);
		switch (p->kind) {
		case POL_EVAL:
			e.kind = CUE_LEX;
			e.value = p->v / 1000.0;
			break;
		case POL_ADOPT:
			e.kind = CUE_ADOPT;
			e.value = p->v / 1000.0;
			e.obj = object_of(d, i + n - 1, b);
			break;
		case POL_SHIFT:
			/* The shifter lists' verbs ("cast", "end") only flip
			 * an evaluation; rejecting the topic takes one of
			 * the curated verbs ("scrap", "ban"). */
			if (strcmp(pol_source_name[p->src], "curated") != 0)
				break;
			e.kind = CUE_REJECT;
			e.value = -1.0;
			e.obj = object_of(d, i + n - 1, b);
			break;
		case POL_PRAISE:
		case POL_OPPOSE:
			e.kind = p->kind == POL_PRAISE ? CUE_PRAISE : CUE_OPPOSE;
			e.value = p->kind == POL_PRAISE ? p->v / 1000.0 :
							  -p->v / 1000.0;
			e.obj = object_of(d, i + n - 1, b);
			break;
		case POL_NEG:
			e.kind = CUE_ABSENCE;
			e.value = -1.0;
			if (tok_is(&d->tk, i, "without") &&
			    !compared_with(d, i, a))
				e.obj = object_of(d, i, b);
			break;
		default:
			break;
		}
		/* A verb inside the object of another ("slammed the use
		 * of X"): the outer verb is the evidence. */
		if (e.kind != CUE_LEX && e.obj != DOC_NONE && i > last_verb &&
		    i < last_obj) {
			/* Rejecting the topic is the outer verb's object:
			 * it evaluates that act ("welcomed the ban on X",
			 * "against banning X"); doing without it is a
			 * contrastive target already (compose()). */
			if (e.kind == CUE_REJECT && e.obj == last_obj &&
			    last_ev != (size_t)-1 &&
			    !(off & POL_OFF_COMPOSITION))
				out->v[last_ev].flip ^= 1;
			e.obj = DOC_NONE;
		}
		/* A verb of taking up, rejecting or doing without in the
		 * complement of a verb of praise or attack ("slammed the
		 * decision to keep hiring them"): the outer verb is the
		 * evidence, with the topic as its object. */
		if ((e.kind == CUE_ADOPT || e.kind == CUE_REJECT ||
		     e.kind == CUE_ABSENCE) && e.obj != DOC_NONE &&
		    outer != (size_t)-1 && doc_same_sent(d, out->v[outer].tok, i) &&
		    i - out->v[outer].tok <= POL_SCOPE_WINDOW &&
		    (out->v[outer].kind != CUE_LEX ||
		     i <= out->v[outer].tok + out->v[outer].ntok + 1)) {
			if (out->v[outer].obj == DOC_NONE) {
				out->v[outer].obj = e.obj;
				if (e.kind == CUE_REJECT &&
				    !(off & POL_OFF_COMPOSITION))
					out->v[outer].flip ^= 1;
			}
			e.obj = DOC_NONE;
		}
		/* A verb of praise or attack counts without the topic as
		 * its object too, linked like any evaluation ("slammed the
		 * decision to hire them"). */
		if (e.value != 0 &&
		    (e.kind == CUE_LEX || e.kind == CUE_PRAISE ||
		     e.kind == CUE_OPPOSE || e.obj != DOC_NONE)) {
			push(out, &e);
			if (e.kind != CUE_LEX && e.obj != DOC_NONE) {
				last_verb = i;
				last_obj = e.obj;
				last_ev = out->n - 1;
			}
			if (e.kind == CUE_PRAISE || e.kind == CUE_OPPOSE ||
			    governs_act(d, i, n))
				outer = out->n - 1;
		}
		i += n - 1;
	}
	while (c < cues.n)
		push(out, &cues.v[c++]);
	free(cues.v);
	free(taken);
}

/* 1 when the negator ending at token j is a subject that a relative
 * clause restricts ("nobody who has worked with a good one", "no one
 * that I know") and token i stands inside that clause: no modal, form
 * of "be" or verb of saying or thinking comes between, which would be
 * the main clause's. What the relative clause says is not negated. */
static int
relative_after(const struct doc *d, size_t j, size_t i)
{
	static const char *const main_verb[] = {
		"would", "will", "could", "can", "should", "might", "must",
		"is", "was", "are", "were", "ever", NULL
	};
	size_t k, n;

	if (j + 1 >= i || !(tok_is(&d->tk, j + 1, "who") ||
			    tok_is(&d->tk, j + 1, "that")) ||
	    !(tok_is(&d->tk, j, "nobody") || tok_is(&d->tk, j, "one") ||
	      tok_is(&d->tk, j, "none") || tok_is(&d->tk, j, "no-one")))
		return 0;
	for (k = j + 2; k < i; k++) {
		if (doc_lex(d, k) & (LEX_OPINION | LEX_SPEECH))
			return 0;
		for (n = 0; main_verb[n]; n++)
			if (tok_is(&d->tk, k, main_verb[n]))
				return 0;
	}
	return 1;
}

static int speech_formula(const struct doc *d, size_t j);

/* 1 when token j is a modal or a finite form of "be" ("would", "can",
 * "is", "were"): the verb of a clause, which a preposition's object
 * before it does not reach. */
static int
finite_verb(const struct doc *d, size_t j)
{
	static const char *const w[] = {
		"would", "will", "could", "can", "should", "might", "must",
		"may", "is", "was", "are", "were", NULL
	};

	return tok_index(&d->tk, j, w) >= 0;
}

/* 1 when token j opens a subordinate clause of time or condition
 * ("until", "before", "after", "unless", "whereas"): a negator before it
 * denies the main clause, not what the subordinate clause says ("had
 * not seen the outline until the dispute began", "didn't hire one
 * before the rules changed"). Not "once", mostly the adverb ("never
 * once needed one"), nor a conjunction right after a negator ("not
 * until", "never before"), which it modifies; nor "because", whose
 * reason a negation may deny ("not because it is useless"). */
static int
scope_end(const struct doc *d, size_t j)
{
	static const char *const w[] = {
		"until", "till", "before", "after", "unless", "whereas",
		"whilst", NULL
	};

	/* The word first: most tokens are none of them. */
	if (tok_index(&d->tk, j, w) < 0)
		return 0;
	if (j > 0 && (tok_is(&d->tk, j - 1, "not") ||
		      tok_is(&d->tk, j - 1, "never") ||
		      kind_at(d, j - 1) == POL_NEG))
		return 0;
	return 1;
}

/* Counts the negators in [a, i): lexicon negators and the topic file's,
 * each phrase once ("no one"), but not `skip` (an absence already read
 * as a contrastive target). *first gets the first one. A negator's scope
 * ends at a coordinating "and" or "or": the conjunct after it is
 * asserted on its own ("had never needed one and found the idea
 * insulting", "nothing more than good manners and a sense of the
 * ridiculous"); and "neither ... nor" is one negation, not two. */
static unsigned
negators(const struct doc *d, size_t a, size_t i, size_t skip, size_t *first)
{
	size_t j, n, pre_first = DOC_NONE;
	unsigned count = 0, pre = 0;
	int neither = 0, without = 0;

	*first = DOC_NONE;
	for (j = a; j < i; j++) {
		const struct pol_entry *p;

		if (!(d->tk.v[j].flags & TOK_WORD))
			continue;
		if (tok_is(&d->tk, j, "and") || tok_is(&d->tk, j, "or") ||
		    scope_end(d, j)) {
			count = 0;
			*first = DOC_NONE;
			without = 0;
			continue;
		}
		/* "banning them without an exemption would strangle it":
		 * "without" negates its own object, inside the subject; the
		 * verb of the clause after it is asserted. */
		if (without && finite_verb(d, j)) {
			count = pre;
			*first = pre_first;
			without = 0;
		}
		/* "not embarrassed to say I love it": a feeling about the
		 * telling, then what is told, asserted on its own. */
		if (j > a && kind_at(d, j - 1) == POL_EVAL &&
		    speech_formula(d, j)) {
			count = 0;
			*first = DOC_NONE;
			continue;
		}

		if (tok_is(&d->tk, j, "neither"))
			neither = 1;
		else if (neither && tok_is(&d->tk, j, "nor"))
			continue;
		if (relative_after(d, j, i))
			continue;
		/* "not enough experienced ones", "never enough of them":
		 * too few of a thing, whose qualities are not denied. */
		if (j + 1 < i && tok_is(&d->tk, j + 1, "enough") &&
		    (tok_is(&d->tk, j, "not") || tok_is(&d->tk, j, "never")))
			continue;
		if (d->tmark[j] & TM_NEGATOR) {
			size_t k = j;

			while (k + 1 < i && (d->tmark[k + 1] & TM_NEGATOR))
				k++;
			if (j != skip) {
				if (*first == DOC_NONE)
					*first = j;
				count++;
			}
			j = k;
			continue;
		}
		p = match_at(d, j, &n);
		if (p && p->kind == POL_NEG && j + n <= i &&
		    relative_after(d, j + n - 1, i)) {
			j += n - 1;
			continue;
		}
		if (p && p->kind == POL_NEG && j + n <= i) {
			if (j != skip) {
				if (n == 1 && tok_is(&d->tk, j, "without") &&
				    !without) {
					without = 1;
					pre = count;
					pre_first = *first;
				}
				if (*first == DOC_NONE)
					*first = j;
				count++;
			}
			j += n - 1;
		}
	}
	return count;
}

/* 1 when the evaluation at token i is a feeling (LEX_FEELING: "scared",
 * "nervous") in a "because" clause after a negated one ("I'm not
 * signing because I'm scared of it"): the negation either denies the
 * act, for that reason, or denies the reason ("not because I'm
 * scared"); neither says the feeling is absent, nor which way it
 * points. */
static int
feared_reason(const struct doc *d, size_t a, size_t i, size_t skip)
{
	size_t j, first;

	if (!(doc_lex(d, i) & LEX_FEELING))
		return 0;
	for (j = i; j > a; j--)
		if (tok_is(&d->tk, j - 1, "because"))
			return negators(d, a, j - 1, skip, &first) > 0;
	return 0;
}

/* 1 when "without" at token w opens its clause [a, b) (past quote
 * marks) and a comma ends it, with a clause of the same sentence after
 * it ("Without one, I didn't sleep"). */
static int
fronted_without(const struct doc *d, size_t w, size_t a, size_t b)
{
	size_t j;

	if (!tok_is(&d->tk, w, "without"))
		return 0;
	for (j = a; j < w; j++)
		if (!tok_punct(&d->tk, j, '"') && !tok_punct(&d->tk, j, '\''))
			return 0;
	return b + 1 < d->tk.n && tok_punct(&d->tk, b, ',') &&
	       doc_same_sent(d, b, b + 1);
}

/* 1 when the evaluation [i, j) is the measure of an ironic comparison,
 * "about as necessary as a chaperone on a honeymoon", "roughly as
 * useful as a chocolate teapot": what it is compared to has none of it.
 * Not "about as good as it gets", which means the most. */
static int
ironic_as(const struct doc *d, size_t a, size_t i, size_t j)
{
	if (i < a + 2 || j + 1 >= d->tk.n || !tok_is(&d->tk, i - 1, "as") ||
	    !(tok_is(&d->tk, i - 2, "about") ||
	      tok_is(&d->tk, i - 2, "roughly") ||
	      tok_is(&d->tk, i - 2, "nearly")) ||
	    !tok_is(&d->tk, j, "as") || !doc_same_sent(d, i, j + 1))
		return 0;
	return !tok_is(&d->tk, j + 1, "it") && !tok_is(&d->tk, j + 1, "they") &&
	       !tok_is(&d->tk, j + 1, "ever");
}

/* 1 when a shifter verb stands in the few words before token i in its
 * clause ("reduced the stress", "ended the chaos"). Not an evaluation
 * that opens with "to" or "into": that is the verb's result, which it
 * brings about rather than removes ("slowed the shoot to a crawl",
 * "turned the night into a farce"). */
static int
shifted(const struct doc *d, size_t a, size_t i)
{
	size_t j;

	if (tok_is(&d->tk, i, "to") || tok_is(&d->tk, i, "into") ||
	    (i > a && (doc_lex(d, i) & LEX_DET) &&
	     (tok_is(&d->tk, i - 1, "to") || tok_is(&d->tk, i - 1, "into"))))
		return 0;
	for (j = i; j > a && j + POL_SHIFT_WINDOW > i; ) {
		j--;
		if (kind_at(d, j) == POL_SHIFT)
			return 1;
	}
	return 0;
}

/* 1 when the verb of taking up at token i is the complement of the word
 * just before it, or of the one before that past "to" ("stopped hiring
 * them", "to stop commissioning it", "cut back on using it"): a shifter
 * there ends or reduces the act. A shifter further off governs
 * something else ("refused the offer and hired one"). */
static int
shifted_act(const struct doc *d, size_t a, size_t i)
{
	if (i <= a)
		return 0;
	if (kind_at(d, i - 1) == POL_SHIFT)
		return 1;
	return i > a + 1 && (tok_is(&d->tk, i - 1, "on") ||
			     tok_is(&d->tk, i - 1, "from")) &&
	       kind_at(d, i - 2) == POL_SHIFT;
}

/* 1 when the evaluation at token i is what a verb of rescue keeps
 * someone from, after "from" and its determiners and modifiers ("saved
 * stunt performers from real danger", "spares the crew from tedium",
 * "protected actors from harm"): a harm kept off is the rescuer's
 * credit, as a shifter flips what it governs. */
static int
rescued_from(const struct doc *d, size_t a, size_t i)
{
	static const char *const verbs[] = {
		"save", "saves", "saved", "saving", "spare", "spares",
		"spared", "sparing", "protect", "protects", "protected",
		"protecting", "shield", "shields", "shielded", "shielding",
		"rescue", "rescues", "rescued", "rescuing", "freed", "frees",
		NULL
	};
	size_t j = i, k, n;

	while (j > a && j + 3 > i && !tok_is(&d->tk, j - 1, "from") &&
	       (d->tk.v[j - 1].flags & TOK_WORD))
		j--;
	if (j <= a || !tok_is(&d->tk, j - 1, "from"))
		return 0;
	for (k = j - 1; k > a && k + POL_OBJECT_WINDOW + 1 > j; ) {
		k--;
		if (!(d->tk.v[k].flags & TOK_WORD))
			return 0;
		for (n = 0; verbs[n]; n++)
			if (tok_is(&d->tk, k, verbs[n]))
				return 1;
	}
	return 0;
}

/* 1 when a comma and "exactly", "really" or "as such" end the sentence
 * right after token j ("not useless, exactly."): the speaker takes the
 * denial before it back in part. */
static int
loose_denial(const struct doc *d, size_t j)
{
	size_t k;

	if (j + 2 >= d->tk.n || !tok_punct(&d->tk, j, ',') ||
	    !doc_same_sent(d, j, j + 2))
		return 0;
	k = j + 1;
	if (tok_is(&d->tk, k, "as") && tok_is(&d->tk, k + 1, "such"))
		k++;
	else if (!tok_is(&d->tk, k, "exactly") && !tok_is(&d->tk, k, "really"))
		return 0;
	k++;
	while (k < d->tk.n && (tok_punct(&d->tk, k, '"') ||
			       tok_punct(&d->tk, k, '\'')))
		k++;
	return k >= d->tk.n || tok_punct(&d->tk, k, '.') ||
	       tok_punct(&d->tk, k, '!') ||
	       d->tk.v[k].sent != d->tk.v[j].sent;
}

/* 1 when token i stands in an "although" clause: after "although",
 * "though" or "despite" in its sentence, before the comma that ends it. */
static int
concessive(const struct doc *d, size_t i)
{
	size_t j, a = d->sent_start[d->tk.v[i].sent];
	int in = 0;

	for (j = a; j < i; j++) {
		if (tok_is(&d->tk, j, "although") ||
		    tok_is(&d->tk, j, "though") || tok_is(&d->tk, j, "despite"))
			in = 1;
		else if (in && tok_punct(&d->tk, j, ','))
			in = 0;
	}
	return in;
}

/* 1 when the evaluation at token i names the state a thing has moved
 * away from: after "from" just after a verb of drifting ("wandered",
 * "drifted", "strayed", "moved", "gone", "shifted") in its clause
 * [a, b), with "into" or "to" after it ("the profession has wandered
 * from preventing harm into choreographing romance", "it has drifted
 * from a safeguard to a box to tick"). The speaker says it is no longer
 * so: what it was then is no view of what it is. */
static int
left_state(const struct doc *d, size_t a, size_t b, size_t i)
{
	static const char *const drift[] = {
		"wandered", "drifted", "strayed", "moved", "gone", "went",
		"shifted", "slid", "slipped", "morphed", NULL
	};
	size_t j, k;

	for (j = i; j > a + 1 && j + 6 > i; ) {
		j--;
		if (!tok_is(&d->tk, j, "from"))
			continue;
		if (!tok_among(d, j - 1, drift) &&
		    !(j > a + 2 && tok_among(d, j - 2, drift)))
			return 0;
		for (k = i + 1; k < b && k < i + 8; k++)
			if (tok_is(&d->tk, k, "into") || tok_is(&d->tk, k, "to"))
				return 1;
		return 0;
	}
	return 0;
}

/* 1 when token i stands in a reason given only to be set aside: after
 * "just because", "simply because", "merely because" or "only because"
 * in its sentence, before the comma that ends it ("It is not exempt
 * from the rules just because it is beautiful", "Just because it is
 * cheap doesn't make it good"). The clause grants the reason and denies
 * that it counts: it asserts no view. */
static int
dismissed_reason(const struct doc *d, size_t i)
{
	static const char *const only[] = { "just", "simply", "merely",
					    "only", NULL };
	size_t j, a = d->sent_start[d->tk.v[i].sent];
	int in = 0;

	for (j = a + 1; j < i; j++) {
		if (tok_is(&d->tk, j, "because") && tok_among(d, j - 1, only))
			in = 1;
		else if (in && tok_punct(&d->tk, j, ','))
			in = 0;
	}
	return in;
}

/* 1 when the verb at token i is the complement of a coercive verb in
 * its clause [a, ...): "to" or "into" just before it, and a verb of
 * making someone act (LEX_COERCIVE: "forced", "pushed", "told") at most
 * POL_SHIFT_WINDOW words before that ("pushed by broadcasters into
 * hiring them"): what they make someone take up is not that person's
 * choice. */
static int
imposed(const struct doc *d, size_t a, size_t i)
{
	size_t j;

	if (i <= a || !(tok_is(&d->tk, i - 1, "to") ||
			tok_is(&d->tk, i - 1, "into")))
		return 0;
	for (j = i - 1; j > a && j + POL_SHIFT_WINDOW + 1 > i - 1; ) {
		j--;
		if (doc_lex(d, j) & LEX_COERCIVE)
			return 1;
	}
	return 0;
}

/* 1 when token j is "be" or "get" in any form, contractions included
 * ("I'm", "we're", "she's", "got"): before "used to", it means
 * accustomed, now. */
static int
be_or_get(const struct doc *d, size_t j)
{
	static const char *const w[] = { "am", "is", "are", "was", "were",
					 "be", "been", "m", "re", "s", "get",
					 "got", "getting", NULL };
	size_t kl, n;
	const char *k = doc_key(d, j, &kl);

	if ((kl > 2 && k[kl - 2] == '\'' &&
	     (k[kl - 1] == 'm' || k[kl - 1] == 's')) ||
	    (kl > 3 && k[kl - 3] == '\'' && k[kl - 2] == 'r' &&
	     k[kl - 1] == 'e'))
		return 1;
	for (n = 0; w[n]; n++)
		if (tok_is(&d->tk, j, w[n]))
			return 1;
	return 0;
}

/* 1 when the absence at token w ("without") stands in the complement of
 * a coercive verb before it in its clause [a, w): a verb of making
 * someone act (LEX_COERCIVE, or "made" after "be": "was made to") and
 * "to" or "into" at most two words after it ("she was made to film the
 * scene without one", "pressured them into shooting without one"). Doing
 * without the topic on another's order is a grievance, the opposite of
 * choosing to. */
static int
imposed_absence(const struct doc *d, size_t a, size_t w)
{
	size_t j, k;

	for (j = a; j < w; j++) {
		if (!(doc_lex(d, j) & LEX_COERCIVE) &&
		    !(tok_is(&d->tk, j, "made") && j > a &&
		      be_or_get(d, j - 1)))
			continue;
		for (k = j + 1; k < w && k <= j + 3; k++)
			if (tok_is(&d->tk, k, "to") ||
			    tok_is(&d->tk, k, "into"))
				return 1;
	}
	return 0;
}

/* 1 when the act at token i (taking the topic up, rejecting it, doing
 * without it) stands in a quotation and its subject is a third party:
 * past auxiliaries and adverbs, "he", "she", "they" or a noun after
 * "the" ("The producers wanted her, so they paid her"). The speaker
 * tells what others did; "we hired one", "I dropped them" stay. */
static int
others_act(const struct doc *d, size_t a, size_t i)
{
	static const char *const aux[] = {
		"would", "will", "had", "have", "has", "did", "do", "does",
		"just", "also", "then", "finally", "eventually", "still",
		"all", "quickly", "simply", "even", "already", "now",
		"always", "never", "once", "soon", "actually", "really",
		"could", "can", "should", "might", "must", "may", NULL
	};
	size_t j = i, n;

	if (d->tk.v[i].quote < 0)
		return 0;
	while (j > a) {
		for (n = 0; aux[n]; n++)
			if (tok_is(&d->tk, j - 1, aux[n]))
				break;
		if (!aux[n] && !doc_is_adverb(d, j - 1))
			break;
		j--;
	}
	if (j == a)
		return 0;
	j--;
	if (tok_is(&d->tk, j, "he") || tok_is(&d->tk, j, "she") ||
	    tok_is(&d->tk, j, "they") || tok_is(&d->tk, j, "it"))
		return 1;
	/* "the productions that will need one": a relative pronoun
	 * after a plain noun, which is its subject. */
	if (j > a && (tok_is(&d->tk, j, "that") || tok_is(&d->tk, j, "which") ||
		      tok_is(&d->tk, j, "who")) &&
	    (d->tk.v[j - 1].flags & TOK_WORD) && !is_topic(d, j - 1) &&
	    !(d->tk.v[j - 1].flags & TOK_CAP) && doc_mention_at(d, j - 1) < 0 &&
	    !(doc_lex(d, j - 1) & (LEX_FUNC | LEX_PRONOUN | LEX_PREP)))
		return 1;
	return j > a && tok_is(&d->tk, j - 1, "the") &&
	       (d->tk.v[j].flags & TOK_WORD) && !is_topic(d, j) &&
	       !(d->tk.v[j].flags & TOK_CAP) && doc_mention_at(d, j) < 0;
}

/* 1 when the cue at token i is what a third party would have felt
 * ("he'd have hated it", "she would have loved this"): a counterfactual
 * of someone else's, not the speaker's view. */
static int
others_counterfactual(const struct doc *d, size_t a, size_t i)
{
	if (i < a + 2 || !tok_is(&d->tk, i - 1, "have"))
		return 0;
	if (tok_is(&d->tk, i - 2, "he'd") || tok_is(&d->tk, i - 2, "she'd") ||
	    tok_is(&d->tk, i - 2, "they'd"))
		return 1;
	return i >= a + 3 && tok_is(&d->tk, i - 2, "would") &&
	       (tok_is(&d->tk, i - 3, "he") || tok_is(&d->tk, i - 3, "she") ||
		tok_is(&d->tk, i - 3, "they"));
}

/* 1 when the cue at token i follows "used to" in its clause [a, ...):
 * a habit or view of the past, which the present no longer holds ("I
 * used to dread those days"); not "be used to" or "got used to"
 * (accustomed, now). */
static int
past_view(const struct doc *d, size_t a, size_t i)
{
	size_t j;

	for (j = a; j + 1 < i; j++)
		if (tok_is(&d->tk, j, "used") && tok_is(&d->tk, j + 1, "to") &&
		    !(j > a && be_or_get(d, j - 1)))
			return 1;
	/* "the tools I had sneered at", "we had always dreaded it": the
	 * speaker's attitude in the past perfect, before what is told. */
	j = i;
	while (j > a && (doc_is_adverb(d, j - 1) ||
			 tok_is(&d->tk, j - 1, "always") ||
			 tok_is(&d->tk, j - 1, "once") ||
			 tok_is(&d->tk, j - 1, "long") ||
			 tok_is(&d->tk, j - 1, "first")))
		j--;
	return j >= a + 2 && tok_is(&d->tk, j - 1, "had") &&
	       (tok_is(&d->tk, j - 2, "i") || tok_is(&d->tk, j - 2, "we"));
}

/* Words that date what follows to a time given up since, for
 * dated_past(). */
static const char *const dated_first[] = {
	"initially", "originally"};
static const char *const dated_units[] = {
	"years", "months", "weeks", "decade", "decades", "year", "month"};

/* 1 when the sentence of token i, before it, dates the view to an
 * earlier time that the present has left behind: "at first", "in the
 * beginning", "back then", "initially", "originally" (a view one started
 * from: "At first I hated them"), or a statement reported after a fronted
 * "years ago" ("Two years ago she told an audience it would happen over her
 * dead body"): a speech verb must report it, for an experience then
 * ("Two years ago we hired one and it was a lifeline") is still
 * evidence of a view. */
static int
dated_past(const struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent;
	size_t j, s0 = d->sent_start[s];
	int ago = 0, speech = 0;

	for (j = s0; j < i; j++) {
		if (tok_in(&d->tk, j, dated_first, 2) ||
		    (j > s0 && tok_is(&d->tk, j, "first") &&
		     tok_is(&d->tk, j - 1, "at")) ||
		    (j > s0 && tok_is(&d->tk, j, "then") &&
		     tok_is(&d->tk, j - 1, "back")) ||
		    (j > s0 + 1 && tok_is(&d->tk, j, "beginning") &&
		     tok_is(&d->tk, j - 1, "the") &&
		     tok_is(&d->tk, j - 2, "in")))
			return 1;
		if (j > s0 && j < s0 + 5 && tok_is(&d->tk, j, "ago") &&
		    tok_in(&d->tk, j - 1, dated_units, 7))
			ago = 1;
		if (doc_lex(d, j) & (LEX_SPEECH | LEX_OPINION))
			speech = 1;
	}
	return ago && speech;
}

/* 1 when the cue at token i follows, in its clause [a, ...), a word of
 * expecting ("went in expecting to be bored", "had braced himself for a
 * lecture"): what one expected is a view held before, which the telling
 * most often goes on to undo. Not "expected" after "be" ("are expected
 * to attend": a duty) or "as" ("as expected": borne out). */
static int
expected_view(const struct doc *d, size_t a, size_t i)
{
	size_t j;

	for (j = a; j < i; j++) {
		if (tok_is(&d->tk, j, "expecting") ||
		    tok_is(&d->tk, j, "braced") || tok_is(&d->tk, j, "bracing"))
			return 1;
		if (tok_is(&d->tk, j, "expected") &&
		    !(j > a && (be_or_get(d, j - 1) ||
				tok_is(&d->tk, j - 1, "as"))))
			return 1;
	}
	return 0;
}

/* 1 when the cue at token i follows, in its clause [a, ...), a denied
 * "saying" ("I'm not saying it isn't impressive", "nobody is saying it
 * is perfect"): the speaker declines to assert it, so it is no view of
 * theirs either way; a hedge. Not "wouldn't say", "nobody would say":
 * understatement, which denies what follows ("I wouldn't say I was
 * sorry"). */
static int
hedged(const struct doc *d, size_t a, size_t i)
{
	size_t j, k, n;

	for (j = a; j < i; j++) {
		if (!tok_is(&d->tk, j, "saying"))
			continue;
		for (k = j; k > a && k + 3 > j; ) {
			const struct pol_entry *p;

			k--;
			p = match_at(d, k, &n);
			if (p && p->kind == POL_NEG && k + n <= j)
				return 1;
		}
	}
	return 0;
}

/* 1 for a form of "be" or a verb of seeming or feeling, which makes the
 * word after it a predicate of its subject ("was rude", "felt safe"). */
static int
copula(const struct doc *d, size_t j)
{
	static const char *const verbs[] = {
		"is", "was", "are", "were", "am", "been", "be", "feel", "feels",
		"felt", "seem", "seems", "seemed", "looked", NULL
	};

	return tok_index(&d->tk, j, verbs) >= 0;
}

/* 1 when "he" or "she" at token s is the subject of a past feeling at
 * token i ("she was \"disappointed but not surprised\"", "he was
 * nervous"): how that person felt, which names no target of its own. A
 * pronoun for a practitioner takes evaluations, not feelings, so a word
 * of another class ("she was wonderful") is not asked about here. */
static int
feeling_of_person(const struct doc *d, size_t s, size_t i)
{
	return (tok_is(&d->tk, s, "he") || tok_is(&d->tk, s, "she")) &&
	       (doc_lex(d, i) & LEX_FEELING);
}

/* 1 when the evaluation at token i is a predicate about a person: a
 * copula or a verb of feeling, past adverbs, intensifiers and articles,
 * whose subject just before it is a named person ("Ravi was rude to
 * her", "Ines is wonderful") or the speaker in the past ("I was
 * nervous", "we felt safe"). It says how that person is or was, not what
 * the topic is, unless its clause names the topic ("I felt safe with
 * the coordinator": a clause link, which this is not asked about). A
 * speaker's present feeling ("I am glad of one") is most often the
 * speaker's view of what the talk is about, and stays. */
static int
person_predicate(const struct doc *d, size_t a, size_t i, size_t n)
{
	size_t q = i, s, k;
	int past;

	/* A word for a stance ("she is sceptical", "he is not entirely
	 * sold", "I was a convert") says what the person thinks. */
	for (k = i; k < i + n; k++)
		if (doc_lex(d, k) & LEX_ATTITUDE)
			return 0;

	while (q > a && (doc_is_adverb(d, q - 1) ||
			 kind_at(d, q - 1) == POL_BOOST ||
			 tok_is(&d->tk, q - 1, "very") ||
			 tok_is(&d->tk, q - 1, "so") ||
			 tok_is(&d->tk, q - 1, "not") ||
			 tok_is(&d->tk, q - 1, "a") || tok_is(&d->tk, q - 1, "an") ||
			 tok_is(&d->tk, q - 1, "the") ||
			 tok_punct(&d->tk, q - 1, '"')))
		q--;
	if (q == a)
		return 0;
	s = q - 1;
	if (!copula(d, s) || s == a)
		return 0;
	past = tok_is(&d->tk, s, "was") || tok_is(&d->tk, s, "were") ||
	       tok_is(&d->tk, s, "felt") || tok_is(&d->tk, s, "seemed") ||
	       tok_is(&d->tk, s, "looked") || tok_is(&d->tk, s, "been");
	s--;
	/* A practitioner named is the topic (mark_practitioners()). */
	return (doc_mention_at(d, s) >= 0 && !is_topic(d, s)) ||
	       (past && (tok_is(&d->tk, s, "i") || tok_is(&d->tk, s, "we"))) ||
	       (past && feeling_of_person(d, s, i));
}

/* 1 when the evaluation at token i is what someone is given leave to
 * be: "to be" after a noun of leave or room ("permission to be ugly on
 * screen", "the freedom to be clumsy", "the confidence to be
 * vulnerable"). It describes that person, not the topic. */
static int
leave_to_be(const struct doc *d, size_t a, size_t i)
{
	static const char *const nouns[] = {
		"permission", "freedom", "right", "chance", "licence",
		"license", "courage", "space", "room", "confidence", "nerve",
		"leave", NULL
	};
	size_t n;

	if (i < a + 3 || !tok_is(&d->tk, i - 1, "be") ||
	    !tok_is(&d->tk, i - 2, "to"))
		return 0;
	for (n = 0; nouns[n]; n++)
		if (tok_is(&d->tk, i - 3, nouns[n]))
			return 1;
	return 0;
}

/* 1 when the evaluation ending before token j opens a formula that
 * frames what the speaker goes on to say ("I am sorry to report", "glad
 * to say", "sad to admit"): the feeling is about the telling; what is
 * told carries its own evaluation. Not a verb of perceiving ("would
 * love to see it happen"): that feeling is about what is seen. */
static int
speech_formula(const struct doc *d, size_t j)
{
	static const char *const verbs[] = {
		"say", "report", "admit", "tell", "announce", "confirm", "add",
		"note", NULL
	};

	if (j + 1 >= d->tk.n || !tok_is(&d->tk, j, "to") ||
	    d->tk.v[j + 1].sent != d->tk.v[j].sent)
		return 0;
	return tok_index(&d->tk, j + 1, verbs) >= 0;
}

/* 1 when the evaluation [i, i + n) picks out part of a kind: one word
 * between a determiner of a part ("the", "some", "most", "those", a
 * number) and "ones" ("the good ones are gold", "the bad ones make it a
 * ceremony", "thirty bad ones in ten seconds"). The plural "ones" sets
 * the good apart from the rest: it says some are good, not that the
 * kind is ("it's a good one" is said of the thing itself). */
static int
partitive(const struct doc *d, size_t i, size_t n)
{
	static const char *const det[] = {
		"the", "some", "most", "many", "few", "those", "these",
		"two", "three", "four", "five", "ten", "twenty", "thirty",
		"dozen", "hundred", "all", NULL
	};

	if (n != 1 || i == 0 || i + 1 >= d->tk.n ||
	    !tok_is(&d->tk, i + 1, "ones"))
		return 0;
	return tok_among(d, i - 1, det) ||
	       (d->tk.v[i - 1].flags & TOK_NUM) != 0;
}

/* 1 when the span [a, z) holds the topic or a word pointing back to it. */
static int
names_topic(const struct doc *d, size_t a, size_t z)
{
	size_t j;

	for (j = a; j < z; j++)
		if (is_topic(d, j) || pointing_back(d, j))
			return 1;
	return 0;
}

/* 1 when [a, z) holds "I", "we", "me" or "us": the speaker among those
 * it names. */
static int
first_person_in(const struct doc *d, size_t a, size_t z)
{
	static const char *const fp[] = { "i", "we", "me", "us", NULL };
	size_t j;

	for (j = a; j < z; j++)
		if (tok_among(d, j, fp))
			return 1;
	return 0;
}

/* 1 when the evaluation at token i is the predicate of a cleft whose
 * focus is something other than the topic: "the contract is what
 * protects you" (pseudo-cleft: the focus is the subject before "is
 * what") or "it is the contract that protects you" (it-cleft: the focus
 * is between "it is" and "that"/"who"), its clause starting at a. A
 * cleft says the focus, and nothing else, does what the predicate says:
 * the evaluation is of the focus. "Modesty is what a coordinator
 * protects" (the topic is the predicate's own subject) is not asked
 * about: the evaluation does not follow "what" there. */
static int
cleft_other(const struct doc *d, size_t a, size_t i)
{
	size_t k = i, c;

	while (k > a && (doc_is_adverb(d, k - 1) ||
			 kind_at(d, k - 1) == POL_BOOST ||
			 tok_is(&d->tk, k - 1, "most")))
		k--;
	if (k < a + 2)
		return 0;
	if (tok_is(&d->tk, k - 1, "what") && copula(d, k - 2) &&
	    k - 2 > a && !tok_is(&d->tk, k - 2, "feel") &&
	    !tok_is(&d->tk, k - 2, "feels") && !tok_is(&d->tk, k - 2, "felt"))
		return !names_topic(d, a, k - 2);
	if (!tok_is(&d->tk, k - 1, "that") && !tok_is(&d->tk, k - 1, "who"))
		return 0;
	for (c = a + 1; c + 1 < k - 1; c++)
		if (tok_is(&d->tk, c - 1, "it") &&
		    (tok_is(&d->tk, c, "is") || tok_is(&d->tk, c, "was")))
			return !names_topic(d, c + 1, k - 1);
	return 0;
}

/* 1 when the evaluation [i, j) is a feeling or a grievance (LEX_FEELING)
 * that names its own stimulus after a preposition, and it is not the
 * topic: "comfortable with the director", "happy about the schedule",
 * "perfectly comfortable with the director", "a problem with my
 * co-star" say how one feels about that, not about the topic
 * ("comfortable with one", "happy with the coordinator" stay). Other
 * evaluations evaluate their subject whatever follows ("helpful to the
 * next person", "good with the actors"). */
static int
other_target(const struct doc *d, size_t i, size_t j, size_t b)
{
	const struct pol_entry *x;
	size_t n;
	int feeling = 0;

	/* Quote marks, and the evaluation it qualifies ("perfectly
	 * comfortable with"). */
	for (;;) {
		if (doc_lex(d, i) & LEX_FEELING)
			feeling = 1;
		while (j < b && (tok_punct(&d->tk, j, '"') ||
				 tok_punct(&d->tk, j, '\'')))
			j++;
		if (j >= b || !(x = match_at(d, j, &n)) ||
		    x->kind != POL_EVAL || is_topic(d, j))
			break;
		i = j;
		j += n;
	}
	if (!feeling || j + 1 >= b ||
	    !(tok_is(&d->tk, j, "with") || tok_is(&d->tk, j, "about") ||
	      tok_is(&d->tk, j, "around") || tok_is(&d->tk, j, "at") ||
	      tok_is(&d->tk, j, "toward") || tok_is(&d->tk, j, "towards")))
		return 0;
	j++;
	if (is_topic(d, j) || pointing_back(d, j) ||
	    (d->tmark[j] & TM_CONTRAST))
		return 0;
	if (!(doc_lex(d, j) & LEX_DET) && !tok_is(&d->tk, j, "my") &&
	    !tok_is(&d->tk, j, "our") && !tok_is(&d->tk, j, "your"))
		return 0;
	j++;
	return j < b && (d->tk.v[j].flags & TOK_WORD) && !is_topic(d, j) &&
	       !pointing_back(d, j) && !(d->tmark[j] & TM_CONTRAST) &&
	       !(j + 1 < b && is_topic(d, j + 1));
}

/* 1 when token j is a role noun, singular or plural ("director",
 * "performers", "co-stars"), or a plain noun for a person ("man",
 * "people"), that is not the topic. */
static int
other_role(const struct doc *d, size_t j)
{
	static const char *const people[] = {
		"man", "men", "woman", "women", "person", "people", "guy",
		"guys", "kid", "kids", "girl", "girls", "boy", "boys", NULL
	};
	size_t kl, n;
	const char *k;

	if (j >= d->tk.n || is_topic(d, j) || (d->tmark[j] & TM_CONTRAST) ||
	    d->tk.v[j].sent != d->tk.v[j - 1].sent)
		return 0;
	if (doc_is_role(d, j))
		return 1;
	for (n = 0; people[n]; n++)
		if (tok_is(&d->tk, j, people[n]))
			return 1;
	k = doc_key(d, j, &kl);
	return (d->tk.v[j].flags & TOK_WORD) && kl > 3 && k[kl - 1] == 's' &&
	       (lexicon_lookup(k, kl - 1) & LEX_ROLE);
}

/* 1 when a verb of calling stands at most POL_OBJECT_WINDOW words
 * before token j in its clause [a, ...), past its object ("calls her
 * studio's scheduling tool the best assistant", "dubbed the new system
 * a godsend"): the noun phrase at j is what the object is called. */
static int
called_before(const struct doc *d, size_t a, size_t j)
{
	size_t k;

	for (k = j; k > a && k + POL_OBJECT_WINDOW + 1 > j; ) {
		k--;
		if (tok_is(&d->tk, k, "call") || tok_is(&d->tk, k, "calls") ||
		    tok_is(&d->tk, k, "called") ||
		    tok_is(&d->tk, k, "calling") ||
		    tok_is(&d->tk, k, "dubbed") || tok_is(&d->tk, k, "dubs"))
			return k + 1 < j;
		if ((d->tk.v[k].flags & TOK_PUNCT) &&
		    !tok_punct(&d->tk, k, '"') && !tok_punct(&d->tk, k, '\''))
			return 0;
	}
	return 0;
}

/* 1 when the evaluation at token i, in a quotation, is the name that a
 * third party gives something ("He has turned writers into proofreaders
 * and called it progress", "they call it the future"): the speaker
 * reports that naming, most often to mock it, so it is not the
 * speaker's view. The subject is the pronoun or the name that opens the
 * clause [a, ...). */
static int
named_by_other(const struct doc *d, size_t a, size_t i)
{
	size_t j = i, s = a;

	if (d->tk.v[i].quote < 0)
		return 0;
	while (j > a && ((doc_lex(d, j - 1) & (LEX_DET | LEX_INDEF)) ||
			 doc_is_adverb(d, j - 1) ||
			 tok_punct(&d->tk, j - 1, '"') ||
			 tok_punct(&d->tk, j - 1, '\'')))
		j--;
	if (j > a && pointing_back(d, j - 1))
		j--;
	if (j == a || !(tok_is(&d->tk, j - 1, "call") ||
			tok_is(&d->tk, j - 1, "calls") ||
			tok_is(&d->tk, j - 1, "called") ||
			tok_is(&d->tk, j - 1, "calling")))
		return 0;
	while (s < j && (tok_punct(&d->tk, s, '"') ||
			 tok_punct(&d->tk, s, '\'')))
		s++;
	return tok_is(&d->tk, s, "he") || tok_is(&d->tk, s, "she") ||
	       tok_is(&d->tk, s, "they") ||
	       (doc_mention_at(d, s) >= 0 && !d->m[doc_mention_at(d, s)].pronoun);
}

/* 1 when the noun phrase whose modifiers start at token i is a
 * predicate or an epithet: past its determiners, adverbs and quote marks
 * stands a form of "be", a verb of calling ("called her the best
 * collaborator"), or the topic whose noun it is ("the coordinator's
 * worst critic"). What it calls the role is said of someone the clause
 * is about, often the topic. */
static int
predicative(const struct doc *d, size_t a, size_t i)
{
	size_t j = i;

	while (j > a && ((doc_lex(d, j - 1) & LEX_DET) ||
			 doc_is_adverb(d, j - 1) ||
			 tok_punct(&d->tk, j - 1, '"') ||
			 tok_punct(&d->tk, j - 1, '\'') ||
			 tok_is(&d->tk, j - 1, "s")))
		j--;
	if (j == a)
		return 0;
	j--;
	return copula(d, j) || is_topic(d, j) || tok_is(&d->tk, j, "call") ||
	       tok_is(&d->tk, j, "called") || tok_is(&d->tk, j, "calls") ||
	       tok_is(&d->tk, j, "calling") || called_before(d, a, j + 1);
}

/* 1 when the verb ending before token j has an object of its own that
 * is not the topic: a determiner, then a word that is no topic and
 * does not point back to it ("would defend the claim", "praised the
 * cast"). A word pointing back elsewhere in its clause is then not what
 * it praises or attacks. */
static int
own_object(const struct doc *d, size_t j, size_t b)
{
	/* A bare noun after a verb that ends in its preposition
	 * ("fighting for overtime", "campaigned against cuts"). */
	if (j < b && j > 0 && (doc_lex(d, j - 1) & LEX_PREP) &&
	    (d->tk.v[j].flags & TOK_WORD) &&
	    !(d->tk.v[j].flags & (TOK_CAP | TOK_NUM)) && !is_topic(d, j) &&
	    !pointing_back(d, j) && !(d->tmark[j] & TM_CONTRAST) &&
	    !(doc_lex(d, j) & (LEX_DET | LEX_PREP | LEX_FUNC | LEX_PRONOUN)) &&
	    !doc_is_adverb(d, j))
		return 1;
	if (j + 1 >= b || !(doc_lex(d, j) & LEX_DET) ||
	    pointing_back(d, j) || is_topic(d, j))
		return 0;
	return (d->tk.v[j + 1].flags & TOK_WORD) && !is_topic(d, j + 1) &&
	       !pointing_back(d, j + 1) &&
	       !(d->tmark[j + 1] & TM_CONTRAST);
}

/* 1 when the noun phrase at token t, past its determiners and words
 * like "just" or "merely", is the complement of a form of "be" or of a
 * verb of calling ("are not babysitters", "isn't just a nanny", "called
 * them chaperones"): the sentence says whether the name fits. */
static int
named_as(const struct doc *d, size_t a, size_t t)
{
	size_t j = t;

	while (j > a && ((doc_lex(d, j - 1) & (LEX_DET | LEX_INDEF)) ||
			 doc_is_adverb(d, j - 1) ||
			 tok_is(&d->tk, j - 1, "just") ||
			 tok_is(&d->tk, j - 1, "not") ||
			 tok_is(&d->tk, j - 1, "no") ||
			 tok_is(&d->tk, j - 1, "more") ||
			 tok_is(&d->tk, j - 1, "than") ||
			 tok_is(&d->tk, j - 1, "simply")))
		j--;
	if (j == a)
		return 0;
	j--;
	if (copula(d, j) || be_or_get(d, j) || tok_is(&d->tk, j, "isn't") ||
	    tok_is(&d->tk, j, "aren't") || tok_is(&d->tk, j, "wasn't") ||
	    tok_is(&d->tk, j, "weren't"))
		return 1;
	/* "calling them chaperones": the name after the verb's object. */
	if (j > a && pointing_back(d, j))
		j--;
	return tok_is(&d->tk, j, "call") || tok_is(&d->tk, j, "called") ||
	       tok_is(&d->tk, j, "calls") || tok_is(&d->tk, j, "calling");
}

/* 1 when the words just before token t, past its determiners, end a
 * verb of taking up or a praising one ("needed the", "hired a",
 * "praised the"), in its clause [a, ...). */
static int
epithet_object(const struct doc *d, size_t t, size_t a)
{
	size_t j = t, n;
	const struct pol_entry *p;

	while (j > a && (doc_lex(d, j - 1) & (LEX_DET | LEX_INDEF)))
		j--;
	if (j == t || j == a)
		return 0;
	for (n = 1; n <= POL_MAX_WORDS && j >= a + n; n++) {
		size_t len;

		p = match_at(d, j - n, &len);
		if (p && j - n + len == j)
			return p->kind == POL_ADOPT || p->kind == POL_PRAISE ||
			       (p->kind == POL_EVAL && p->v > 0);
	}
	return 0;
}

static double
link_weight(const double *w, enum cue_link l)
{
	switch (l) {
	case LINK_CLAUSE:
	case LINK_OBJECT: return w[W_LINK_CLAUSE];
	case LINK_SENT: return w[W_LINK_SENT];
	case LINK_REF: return w[W_LINK_REF];
	case LINK_QUOTE: return w[W_LINK_QUOTE];
	case LINK_PARA: break;
	}
	return w[W_LINK_PARA];
}

/* 1 when "one" or "ones" at token t is the head noun that the
 * evaluation at token i modifies ("the bad ones", "a good one", "thirty
 * bad ones"), not the object of a verb ("never needed one"). */
static int
head_noun(const struct doc *d, size_t i, size_t t)
{
	if (tok_is(&d->tk, t, "ones"))
		return 1;
	if (!tok_is(&d->tk, t, "one"))
		return 0;
	return i > 0 && ((doc_lex(d, i - 1) & (LEX_DET | LEX_INDEF)) ||
			 (d->tk.v[i - 1].flags & TOK_NUM) ||
			 kind_at(d, i - 1) == POL_BOOST);
}

/* 1 when token v starts a verb or noun of rejecting the topic (a
 * curated shifter: "ban", "banning", "scrap"); *n gets its length. */
static int
rejecting_at(const struct doc *d, size_t v, size_t *n)
{
	const struct pol_entry *p = match_at(d, v, n);

	return p && p->kind == POL_SHIFT &&
	       strcmp(pol_source_name[p->src], "curated") == 0;
}

/* 1 when token j, in the clause opened at token a, belongs to the
 * reporting frame that opens it: a person or pronoun subject, a verb of
 * saying or thinking and "that" after it ("said scrapping the rule
 * would be a disaster", "Ana argued that banning them ..."): the act
 * after the frame still opens its own clause. */
static int
reporting_head(const struct doc *d, size_t a, size_t j)
{
	size_t k;
	int verb = 0;

	for (k = a; k <= j; k++) {
		if (doc_lex(d, k) & (LEX_SPEECH | LEX_OPINION)) {
			verb = 1;
			continue;
		}
		if (!verb && (doc_mention_at(d, k) >= 0 ||
			      (doc_lex(d, k) & LEX_PRONOUN)))
			continue;
		if (verb && tok_is(&d->tk, k, "that"))
			continue;
		return 0;
	}
	return 1;
}

/* The start of the "that" clause in [a, v) that token v stands in
 * ("said that banning them would ..."): the token after the last "that"
 * there, or a when there is none. */
static size_t
complement_start(const struct doc *d, size_t a, size_t v)
{
	size_t j;

	for (j = v; j > a; j--)
		if (tok_is(&d->tk, j - 1, "that"))
			return j;
	return a;
}

/* 1 when the evaluation [i, i + ni) in clause [a, b) evaluates the act
 * of rejecting the topic at token v (length n, its object the topic at
 * token t), rather than the topic: the act is the clause's subject and
 * the evaluation its predicate ("Banning these tools would be a
 * mistake", "A ban on them is welcome"), or the evaluation governs it
 * as its complement ("a mistake to ban them", "wrong to scrap it"). */
static int
act_evaluated(const struct doc *d, size_t a, size_t v, size_t n, size_t t,
	      size_t i, size_t ni)
{
	size_t j;

	if (i > t) {
		/* The subject: the act opens the clause, or a "that"
		 * clause in it ("said that banning them would be ..."),
		 * past quote marks and an article; a copula or modal comes
		 * before the evaluation. */
		a = complement_start(d, a, v);
		for (j = a; j < v; j++)
			if (!tok_punct(&d->tk, j, '"') &&
			    !tok_punct(&d->tk, j, '\'') &&
			    !(doc_lex(d, j) & (LEX_DET | LEX_INDEF)) &&
			    !reporting_head(d, a, j))
				return 0;
		for (j = t + 1; j < i; j++)
			if (copula(d, j) || be_or_get(d, j) ||
			    tok_is(&d->tk, j, "would") ||
			    tok_is(&d->tk, j, "will"))
				return 1;
		return 0;
	}
	if (i + ni > v || v - (i + ni) > 2)
		return 0;
	(void)n;
	for (j = i + ni; j < v; j++)
		if (!tok_is(&d->tk, j, "to") && !tok_is(&d->tk, j, "of") &&
		    !(doc_lex(d, j) & (LEX_DET | LEX_INDEF)))
			return 0;
	return 1;
}

/* The act of rejecting the topic at token t that the evaluation [i, i +
 * ni) evaluates (act_evaluated()), in clause [a, b); DOC_NONE when none. */
static size_t
evaluated_ban(const struct doc *d, size_t a, size_t b, size_t i, size_t ni,
	      size_t t)
{
	size_t v, n;

	for (v = a; v < b && v < t; v++) {
		size_t o, j;

		if ((v >= i && v < i + ni) || !rejecting_at(d, v, &n) ||
		    v + n > t || (o = object_of(d, v + n - 1, b)) == DOC_NONE ||
		    o > t)
			continue;
		/* t is in the mention the act governs ("these tools"). */
		for (j = o; j < t && is_topic(d, j); j++)
			;
		if (j == t && act_evaluated(d, a, v, n, t, i, ni))
			return v;
	}
	return DOC_NONE;
}

/* 1 when an act of rejecting the topic whose object comes before the
 * evaluation [i, i + ni) in clause [a, b) is the subject the evaluation
 * is said of (act_evaluated()), whatever topic word the clause links
 * the evaluation to: "replicas saved lives, and banning them would
 * strangle an industry". */
static int
banned_subject(const struct doc *d, size_t a, size_t b, size_t i, size_t ni)
{
	size_t v, n, o;

	for (v = a; v < i; v++) {
		if (!rejecting_at(d, v, &n) || v + n > i)
			continue;
		o = object_of(d, v + n - 1, b);
		if (o != DOC_NONE && o < i && act_evaluated(d, a, v, n, o, i, ni))
			return 1;
	}
	return 0;
}

/* 1 when the act of rejecting the topic at token v (its object at t),
 * in clause [a, b), is what an evaluation of the lexicon there
 * evaluates: then it is not done, only judged. */
static int
act_judged(const struct doc *d, size_t a, size_t b, size_t v, size_t t)
{
	size_t j, n, m;

	if (!rejecting_at(d, v, &m))
		return 0;
	for (j = a; j < b; j++) {
		const struct pol_entry *p = match_at(d, j, &n);

		if (p && (p->kind == POL_EVAL || p->kind == POL_PRAISE ||
			  p->kind == POL_OPPOSE) && (j + n <= v || j > t) &&
		    act_evaluated(d, a, v, m, t, j, n))
			return 1;
	}
	return 0;
}

/* The noun of rejecting at token j or after its determiner there ("the
 * ban", "a moratorium", "restrictions"), with no object of its own
 * after it in clause [.., b) ("the ban on smoking"), or DOC_NONE: in a
 * passage about the topic, it is the topic's rejection. */
static size_t
ban_noun(const struct doc *d, size_t j, size_t b)
{
	size_t n;

	if (j < b && (doc_lex(d, j) & (LEX_DET | LEX_INDEF)) &&
	    !pointing_back(d, j))
		j++;
	if (j >= b || !rejecting_at(d, j, &n) || n != 1)
		return DOC_NONE;
	if (j + 1 < b && (tok_is(&d->tk, j + 1, "on") ||
			  tok_is(&d->tk, j + 1, "of")) &&
	    !(j + 2 < b && is_topic(d, j + 2)))
		return DOC_NONE;
	/* A verb form ("welcomed banning ..."): not a noun. */
	if (j + 1 < b && (d->tk.v[j + 1].flags & TOK_WORD) &&
	    !(doc_lex(d, j + 1) & (LEX_PREP | LEX_FUNC)))
		return DOC_NONE;
	return j;
}

/* The noun of rejecting (ban_noun()) that the evaluation [i, i + n)
 * takes as its complement, after "about", "of", "over", "with", "at",
 * "on" or "towards" ("scathing about the ban", "happy with the
 * moratorium", "furious over the restrictions"), in clause [.., b);
 * DOC_NONE when none. What one feels about the topic's rejection is the
 * opposite view of the topic. */
static size_t
ban_complement(const struct doc *d, size_t i, size_t n, size_t b)
{
	static const char *const preps[] = {
		"about", "of", "over", "with", "at", "on", "towards", "toward",
		NULL
	};
	size_t j = i + n;

	while (j < b && (tok_punct(&d->tk, j, '"') ||
			 tok_punct(&d->tk, j, '\'')))
		j++;
	if (j + 1 >= b)
		return DOC_NONE;
	return tok_index(&d->tk, j, preps) >= 0 ? ban_noun(d, j + 1, b) :
						     DOC_NONE;
}

/* 1 when the word pointing back to the topic at token t is the subject
 * of a copula whose predicate is the evaluation at token i: "it was a
 * waste", "it has been a blessing", "they are useless", with at most
 * POL_PREDICATE_GAP determiners, adverbs or intensifiers between. The
 * evaluation then says what the topic is, as surely as with the topic
 * named ("the coordinator was a lifeline"). Not a part ("half of it"),
 * a belief told as past ("I thought it was"), nor an evaluation of the
 * predicate's own noun ("it was a good film"). */
static int
predicated_ref(const struct doc *d, size_t t, size_t i)
{
	static const char *const subj[] = { "it", "they", NULL };
	static const char *const thought[] = {
		"thought", "assumed", "believed", "expected", "imagined", NULL
	};
	size_t j = t + 1, k, n;

	if (!tok_among(d, t, subj) || i <= j)
		return 0;
	/* "half of it is useful": the part is the subject; "I thought it
	 * was a fad": a belief that need not hold now. */
	if (t > 0 && (tok_is(&d->tk, t - 1, "of") ||
		      tok_among(d, t - 1, thought)))
		return 0;
	/* "it was a good film": the predicate's own noun is evaluated. */
	if (match_at(d, i, &n) && i + n < d->clb[i] &&
	    (d->tk.v[i + n].flags & TOK_WORD) && !is_topic(d, i + n) &&
	    !(doc_lex(d, i + n) & (LEX_PREP | LEX_FUNC | LEX_CONTRAST)))
		return 0;
	if (tok_is(&d->tk, j, "has") || tok_is(&d->tk, j, "have") ||
	    tok_is(&d->tk, j, "had"))
		j++;
	if (j >= i || !(tok_is(&d->tk, j, "is") || tok_is(&d->tk, j, "was") ||
			tok_is(&d->tk, j, "are") || tok_is(&d->tk, j, "were") ||
			tok_is(&d->tk, j, "been") || tok_is(&d->tk, j, "'s")))
		return 0;
	for (k = j + 1; k < i; k++)
		if (k > j + POL_PREDICATE_GAP ||
		    !((doc_lex(d, k) & LEX_DET) || doc_is_adverb(d, k) ||
		      kind_at(d, k) == POL_BOOST || tok_is(&d->tk, k, "a") ||
		      tok_is(&d->tk, k, "an")))
			return 0;
	return 1;
}

/* 1 when the lexicon phrase [i, i + n) is a word for a stance
 * (LEX_ATTITUDE: "in favour", "sceptical", "unconvinced", "a convert")
 * whose complement is left out: it ends its clause, which ends at b
 * ("Animator A was strongly in favour."; "B was less keen, and said
 * so"). A stance is toward something; with none named, it is toward
 * what the passage is about, as surely as with a pronoun ("in favour of
 * it"). */
static int
elided_stance(const struct doc *d, size_t i, size_t n, size_t b)
{
	size_t k, j = i + n;

	for (k = i; k < i + n; k++)
		if (doc_lex(d, k) & LEX_ATTITUDE)
			break;
	if (k == i + n)
		return 0;
	while (j < b && (tok_punct(&d->tk, j, '"') ||
			 tok_punct(&d->tk, j, '\'')))
		j++;
	return j == b;
}

/* The word pointing back to the topic inside the lexicon phrase [i, i +
 * n) itself, in a paragraph about the topic ("I'd do it again", "would
 * use them again"): the idiom's own object is what it evaluates, as
 * surely as a pronoun beside it. DOC_NONE when it holds none. */
static size_t
phrase_ref(const struct doc *d, size_t i, size_t n)
{
	size_t j;

	if (n < 2 || d->para_topic[d->tk.v[i].para] == PARA_OFF)
		return DOC_NONE;
	for (j = i + 1; j < i + n; j++)
		if (pointing_back(d, j))
			return j;
	return DOC_NONE;
}

/* 1 when token j is one of the words of list (NULL-terminated);
 * tok_index() compares the first byte before the rest, with no strlen()
 * per word. */
static int
word_in(const struct doc *d, size_t j, const char *const *list)
{
	if (j >= d->tk.n || !(d->tk.v[j].flags & TOK_WORD))
		return 0;
	return tok_index(&d->tk, j, list) >= 0;
}

/* Judgements of an act, said of doing it: "you would be mad not to hire
 * one", "I was wrong to defend them", "it would be a mistake to ban it",
 * "it was wise to use one". -1 when token j is one that condemns the act,
 * +1 when one that commends it, 0 otherwise. */
static int
act_judge(const struct doc *d, size_t j)
{
	static const char *const bad[] = {
		"mad", "crazy", "insane", "foolish", "stupid", "silly", "daft",
		"nuts", "bonkers", "wrong", "mistake", "error", "folly",
		"madness", "naive", "naïve", "reckless", "irresponsible",
		"absurd", "ridiculous", "idiotic", "dumb", "fool", "idiot",
		"short-sighted", "negligent", NULL
	};
	static const char *const good[] = {
		"wise", "smart", "right", "sensible", "clever", "prudent",
		"sane", NULL
	};

	if (word_in(d, j, bad))
		return -1;
	if (word_in(d, j, good))
		return 1;
	return 0;
}

/* The judged act of a judgement at token j: the token after "to" when
 * "to", or "not to" / "never to", follows j in its clause (j is not
 * after "too", which says the act is not done: "too mad to"). *neg gets
 * 1 when the act is denied ("mad not to"). DOC_NONE when there is none. */
static size_t
judged_act_at(const struct doc *d, size_t j, size_t b, int *neg)
{
	size_t k = j + 1;

	*neg = 0;
	if (j > 0 && tok_is(&d->tk, j - 1, "too"))
		return DOC_NONE;
	if (k < b && (tok_is(&d->tk, k, "not") || tok_is(&d->tk, k, "never"))) {
		*neg = 1;
		k++;
	}
	if (k + 1 >= b || !tok_is(&d->tk, k, "to") ||
	    !(d->tk.v[k + 1].flags & TOK_WORD) || is_topic(d, k + 1))
		return DOC_NONE;
	return k + 1;
}

/* The judgement of an act that the evidence at token i is part of: the
 * sign of the judge (act_judge()) when i is in the act it judges, a few
 * words after "to" in the same clause ("mad not to [hire one]", "wrong
 * to [defend] it"); the act's own words then say what is judged and the
 * judge says which way. 0 when none. */
static int
judged_by(const struct doc *d, size_t a, size_t i)
{
	size_t j, p;

	for (j = i; j > a && j + POL_JUDGED_WINDOW > i; ) {
		j--;
		if (!tok_is(&d->tk, j, "to"))
			continue;
		if (j == a)
			return 0;
		p = j - 1;
		if (p > a && (tok_is(&d->tk, p, "not") ||
			      tok_is(&d->tk, p, "never")))
			p--;
		if (p > a && tok_is(&d->tk, p - 1, "too"))
			return 0;
		return act_judge(d, p);
	}
	return 0;
}

/* 1 when the words [k, b) hold evidence of their own: an evaluation, a
 * verb of taking up, rejecting, praising or attacking, or a negator. */
static int
holds_evidence(const struct doc *d, size_t k, size_t b)
{
	for (; k < b; k++) {
		int kd = kind_at(d, k);

		if (kd == POL_EVAL || kd == POL_SHIFT || kd == POL_ADOPT ||
		    kd == POL_PRAISE || kd == POL_OPPOSE ||
		    (kd == POL_NEG && tok_is(&d->tk, k, "without")))
			return 1;
	}
	return 0;
}

/* Words that deny a claim they are said of: "the idea that X is
 * nonsense", "it is a myth that X". */
static const char *const denial_pred[] = {
	"nonsense", "rubbish", "myth", "false", "untrue", "absurd",
	"ridiculous", "laughable", "nonsensical", "garbage", "bunk",
	"baloney", "bollocks", "codswallop", "overblown", "overstated",
	"exaggerated", "mistaken", "fantasy", "fiction", "misguided", NULL
};

/* Nouns for a claim that deny it by their sense: "the myth that X". */
static const char *const denial_noun[] = {
	"myth", "myths", "fallacy", "misconception", "canard", "fiction",
	"lie", NULL
};

/* Nouns for a claim, whose truth the sentence goes on to judge: "the
 * idea that X is nonsense". */
static const char *const claim_noun[] = {
	"idea", "notion", "claim", "suggestion", "belief", "assumption",
	"argument", "view", "perception", "talk", "fear", "fears", NULL
};

/* The "that" token before i in its sentence that opens a claim named
 * by a noun ("the idea that", "the myth that", "a myth that"), or
 * DOC_NONE; *denied gets 1 when the noun itself denies it ("myth"). */
static size_t
claim_that(const struct doc *d, size_t i, int *denied)
{
	size_t s0 = d->sent_start[d->tk.v[i].sent], j;

	*denied = 0;
	for (j = i; j > s0 + 1; ) {
		j--;
		if (!tok_is(&d->tk, j, "that"))
			continue;
		if (word_in(d, j - 1, denial_noun)) {
			*denied = 1;
			return j;
		}
		if (word_in(d, j - 1, claim_noun))
			return j;
		return DOC_NONE;
	}
	return DOC_NONE;
}

/* The copula after token i in its sentence that a word of denial
 * follows, past an article or a word of degree ("is nonsense", "is
 * simply a myth", "are complete rubbish"): its index, or DOC_NONE. */
static size_t
denial_after(const struct doc *d, size_t i)
{
	static const char *const lead[] = {
		"a", "an", "simply", "just", "complete", "utter", "total",
		"pure", "absolute", "plain", "totally", "utterly", "wildly",
		"completely", "frankly", "quite", "so", "hugely", "greatly",
		NULL
	};
	size_t e = d->sent_start[d->tk.v[i].sent + 1], j, k;

	for (j = i + 1; j + 1 < e; j++) {
		if (!copula(d, j))
			continue;
		for (k = j + 1; k < e && word_in(d, k, lead); k++)
			;
		if (word_in(d, k, denial_pred))
			return k;
	}
	return DOC_NONE;
}

/* 1 when the evidence at token i is in a claim that its sentence denies:
 * "the myth that coordinators slow a shoot down", "the idea that AI
 * previs is dangerous is nonsense", "Myth: they get in the way." The
 * claim is what the speaker rejects, so its evaluations count reversed. */
static int
denied_claim(const struct doc *d, size_t i)
{
	size_t s0 = d->sent_start[d->tk.v[i].sent], j;
	int denied;

	if (claim_that(d, i, &denied) != DOC_NONE &&
	    (denied || denial_after(d, i) != DOC_NONE))
		return 1;
	/* "Myth: ..." as the heading of the sentence or of its quotation. */
	for (j = s0; j < i && (tok_punct(&d->tk, j, '"') ||
			       tok_punct(&d->tk, j, '\'')); j++)
		;
	if (d->tk.v[i].quote >= 0 && d->q[d->tk.v[i].quote].t0 > j)
		for (j = d->q[d->tk.v[i].quote].t0; j < i &&
		     (tok_punct(&d->tk, j, '"') || tok_punct(&d->tk, j, '\''));
		     j++)
			;
	return j + 1 < i && word_in(d, j, denial_noun) &&
	       tok_punct(&d->tk, j + 1, ':');
}

/* 1 when the evaluation at token i is the word that denies a claim
 * named before it ("the idea that X is nonsense"): it judges the claim,
 * which denied_claim() turns round, not the topic. */
static int
denial_word(const struct doc *d, size_t i)
{
	int denied;

	if (!word_in(d, i, denial_pred) || i == 0)
		return 0;
	return claim_that(d, i, &denied) != DOC_NONE &&
	       denial_after(d, claim_that(d, i, &denied)) == i;
}

/* Nouns for the topic's opponents. */
static const char *const opponent_noun[] = {
	"critics", "critic", "opponents", "opponent", "detractors",
	"naysayers", "nay-sayers", "sceptics", "skeptics", "doubters",
	"haters", "knockers", "cynics", NULL
};

/* 1 when the evaluation at token i is said of the topic's opponents: a
 * noun for them is the subject of its clause [a, i), with a copula
 * between ("the critics of AI previs are wrong", "its detractors were
 * right"). What the speaker thinks of the opponents is the reverse of
 * what the speaker thinks of the topic. */
static int
opponents_judged(const struct doc *d, size_t a, size_t i)
{
	size_t j, k;

	for (j = a; j < i; j++) {
		if (!word_in(d, j, opponent_noun))
			continue;
		for (k = j + 1; k < i; k++)
			if (copula(d, k))
				return 1;
		return 0;
	}
	return 0;
}

/* 1 when the phrase at token i ("critics of") names the subject of its
 * clause [a, b), which a copula then judges: it opens the clause, past
 * quote marks and a determiner ("The critics of intimacy coordinators
 * are wrong"): the opponents talked about, not the speaker's view. Not
 * when they are only named ("The critics of X include ..."). */
static int
opponents_subject(const struct doc *d, size_t a, size_t i, size_t b)
{
	static const char *const det[] = {
		"the", "its", "their", "many", "most", "some", "all", "these",
		"those", "our", NULL
	};
	size_t j = a;

	if (!word_in(d, i, opponent_noun))
		return 0;
	while (j < i && (tok_punct(&d->tk, j, '"') ||
			 tok_punct(&d->tk, j, '\'') || word_in(d, j, det)))
		j++;
	if (j != i)
		return 0;
	for (j = i + 1; j + 1 < b; j++)
		if (copula(d, j))
			return holds_evidence(d, j + 1, b);
	return 0;
}

/* 1 when the topic at token t is counted as too much: "fewer" or "less"
 * before it, past an article or "of the" ("we need fewer coordinators",
 * "less AI in the room"). Wanting fewer of it is wanting it less. */
static int
fewer_of(const struct doc *d, size_t t)
{
	size_t j, k;

	for (k = 1; k <= 3 && t >= k; k++) {
		j = t - k;
		if (!doc_same_sent(d, j, t))
			return 0;
		if (tok_is(&d->tk, j, "fewer") || tok_is(&d->tk, j, "less"))
			return !(j > 0 && (tok_is(&d->tk, j - 1, "no") ||
					   tok_is(&d->tk, j - 1, "much") ||
					   tok_is(&d->tk, j - 1, "any")));
		if (!(doc_lex(d, j) & LEX_DET) && !tok_is(&d->tk, j, "of"))
			return 0;
	}
	return 0;
}

/* 1 when the clause [a, b) after a fronted "without" tells a bad
 * outcome: a negative evaluation there, not negated ("Without one, the
 * shoot was chaos", "Without a ban, writers will starve"): the absence
 * goes badly, as a negation there says ("Without one, I couldn't"). */
static int
bad_outcome(const struct doc *d, size_t a, size_t b)
{
	size_t j, n, first;

	for (j = a; j < b; j++) {
		const struct pol_entry *p = match_at(d, j, &n);

		if (p && p->kind == POL_EVAL && p->v < 0 &&
		    negators(d, a, j, DOC_NONE, &first) == 0)
			return 1;
	}
	return 0;
}

/* 1 when a "without" at token w opens its clause [a, b) with no comma
 * after its object ("Without those tools I would not have a film"): the
 * clause that follows the object is the main one, its negators deny
 * the absence's outcome. *nneg gets their count past the object. */
static int
bare_fronted_without(const struct doc *d, size_t w, size_t a, size_t b,
		     unsigned *nneg, size_t *first)
{
	size_t j;

	if (!tok_is(&d->tk, w, "without"))
		return 0;
	for (j = a; j < w; j++)
		if (!tok_punct(&d->tk, j, '"') && !tok_punct(&d->tk, j, '\''))
			return 0;
	/* The object ends at the first pronoun subject or modal. */
	for (j = w + 1; j < b; j++)
		if (tok_is(&d->tk, j, "i") || tok_is(&d->tk, j, "we") ||
		    tok_is(&d->tk, j, "you") || tok_is(&d->tk, j, "they") ||
		    tok_is(&d->tk, j, "there") || finite_verb(d, j))
			break;
	if (j >= b)
		return 0;
	*nneg = negators(d, j, b, DOC_NONE, first);
	if (!*nneg && bad_outcome(d, j, b))
		*nneg = 1;
	return 1;
}

/* 1 when the praise [i, i + n) is a sentence of its own in a quotation
 * (as bare_praise() reads it) before a sentence of the same quotation
 * that complains: "Brilliant. We lost two days." The common frame of
 * sarcasm, read forward. */
static int
bare_praise_before(const struct doc *d, size_t i, size_t n)
{
	uint32_t s = d->tk.v[i].sent;
	size_t j, e;

	if (d->tk.v[i].quote < 0 || s + 1 >= d->tk.nsent)
		return 0;
	e = d->sent_start[s + 1];
	for (j = d->sent_start[s]; j < e; j++) {
		if ((j >= i && j < i + n) ||
		    d->tk.v[j].quote != d->tk.v[i].quote)
			continue;
		if (d->tk.v[j].flags & TOK_WORD)
			return 0;
	}
	if (d->tk.v[e].quote != d->tk.v[i].quote)
		return 0;
	return sour_sentence(d, s + 1);
}

/* 1 when sentence s is a short denial of the one before it: a pronoun
 * and a negated auxiliary ("It isn't.", "They don't, really."), "not"
 * and a few words ("Not on my set.", "Not any more."), or a retraction
 * ("I was wrong.", "Nonsense."). */
static int
denial_sentence(const struct doc *d, uint32_t s)
{
	static const char *const pron[] = {
		"it", "they", "that", "she", "he", "this", "we", "you", NULL
	};
	static const char *const negaux[] = {
		"isn't", "aren't", "wasn't", "weren't", "doesn't", "don't",
		"didn't", "won't", "can't", "hasn't", "haven't", "isnt",
		"dont", "doesnt", "not", NULL
	};
	static const char *const tail[] = {
		"really", "at", "all", "is", "are", "was", "were", "does", "do",
		"did", "any", "more", "longer", "always", NULL
	};
	static const char *const not_tail[] = {
		"really", "at", "any", "anymore", "so", "true", "likely", "on",
		"for", "in", "remotely", "quite", "entirely", "always", "ever",
		"once", "here", NULL
	};
	size_t j, w[8], nw = 0;
	int q = -2;

	if (s >= d->tk.nsent)
		return 0;
	/* The words of the sentence in the quotation of its first word
	 * (the words of "she said" after it do not count). */
	for (j = d->sent_start[s]; j < d->sent_start[s + 1]; j++)
		if (d->tk.v[j].flags & TOK_WORD) {
			if (q == -2)
				q = d->tk.v[j].quote;
			if (d->tk.v[j].quote != q)
				continue;
			if (nw == 8)
				return 0;
			w[nw++] = j;
		}
	if (nw == 0)
		return 0;
	if (nw == 1)
		return tok_is(&d->tk, w[0], "nonsense") ||
		       tok_is(&d->tk, w[0], "rubbish") ||
		       tok_is(&d->tk, w[0], "wrong") ||
		       tok_is(&d->tk, w[0], "hardly");
	/* "Not really.", "Not any more.", "Not on my set.": not a
	 * correction ("Not a replacement. Her."). */
	if (tok_is(&d->tk, w[0], "not") && nw <= 4)
		return word_in(d, w[1], not_tail);
	/* "It did the opposite.", "Quite the opposite." */
	if (nw <= 5 && tok_is(&d->tk, w[nw - 1], "opposite"))
		return 1;
	if (nw == 3 && tok_is(&d->tk, w[0], "i") &&
	    (tok_is(&d->tk, w[1], "was") || tok_is(&d->tk, w[1], "am")) &&
	    tok_is(&d->tk, w[2], "wrong"))
		return 1;
	if (nw >= 2 && word_in(d, w[0], pron) && word_in(d, w[1], negaux)) {
		for (j = 2; j < nw; j++)
			if (!word_in(d, w[j], tail))
				return 0;
		return 1;
	}
	return 0;
}

/* 1 when the evidence at token i is in a sentence that the next one, in
 * the same paragraph and quotation or the next, denies ("Everyone says AI previs is
 * amazing. It isn't."; "I thought they would be great. I was wrong."):
 * the speaker states the view to reject it. */
static int
denied_next(const struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent;
	size_t j;

	if (s + 1 >= d->tk.nsent)
		return 0;
	for (j = d->sent_start[s + 1]; j < d->sent_start[s + 2] &&
	     !(d->tk.v[j].flags & TOK_WORD); j++)
		;
	/* The same quotation, or the next one of the paragraph ("... ,"
	 * she said. "I was wrong."). */
	if (j >= d->sent_start[s + 2] || d->tk.v[j].para != d->tk.v[i].para ||
	    (d->tk.v[j].quote != d->tk.v[i].quote &&
	     (d->tk.v[j].quote < 0 || d->tk.v[i].quote < 0)))
		return 0;
	return denial_sentence(d, s + 1);
}

/* 1 when the evaluation at token i is the word of a denial sentence
 * (denial_sentence()) after one with an evaluation: it turns that one
 * round (denied_next()) and says nothing of its own. */
static int
denial_of_previous(const struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent;
	size_t j, n;

	if (s == 0 || !denial_sentence(d, s))
		return 0;
	for (j = d->sent_start[s - 1]; j < d->sent_start[s]; j++) {
		const struct pol_entry *p = match_at(d, j, &n);

		if (p && p->kind == POL_EVAL && d->tk.v[j].para ==
		    d->tk.v[i].para)
			return 1;
	}
	return 0;
}

/* A generic subject that a relative clause describes ("anyone who",
 * "people who", "those who"). */
static const char *const generic_who[] = {
	"anyone", "anybody", "people", "those", "everyone", "everybody",
	"someone", "somebody", "whoever", "folk", "folks", NULL
};

/* Auxiliaries and finite verbs that open the main clause after a
 * relative clause on its subject ("Anyone who calls them a waste of
 * money | has never shot a love scene"). */
static const char *const main_aux[] = {
	"has", "have", "had", "is", "are", "was", "were", "would", "will",
	"should", "can", "could", "must", "doesn't", "don't", "didn't",
	"hasn't", "haven't", "isn't", "aren't", "wasn't", "weren't",
	"won't", "wouldn't", "can't", "clearly", "obviously", "simply",
	"just", "need", "needs", NULL
};

/* The first token of the main clause when the evidence at token i is
 * inside a relative clause on a generic subject ("People who attack AI
 * tools | have never used them"): the view of the people so described,
 * not the speaker's. DOC_NONE otherwise. */
static size_t
generic_relative(const struct doc *d, size_t a, size_t b, size_t i)
{
	size_t j, k;

	for (j = i; j > a + 0; ) {
		j--;
		if (!tok_is(&d->tk, j, "who") && !tok_is(&d->tk, j, "that"))
			continue;
		if (j == a || !word_in(d, j - 1, generic_who) ||
		    (j > a + 1 && tok_is(&d->tk, j - 2, "among")))
			return DOC_NONE;
		/* The relative's own verb comes first; a main clause
		 * auxiliary after the evidence closes it. A main clause that
		 * names people ("... are the director X and the actor Y")
		 * says whose the view is. */
		for (k = i + 1; k < b; k++)
			if (k > j + 2 && word_in(d, k, main_aux))
				break;
		if (k >= b)
			return DOC_NONE;
		for (j = k; j < b; j++)
			if (doc_mention_at(d, j) >= 0)
				return DOC_NONE;
		return k;
	}
	return DOC_NONE;
}

/* 1 when the evidence at token i is in the complement of "so much
 * for" in its clause ("So much for AI saving us money"): what was
 * claimed or hoped, now dismissed. */
static int
so_much_for(const struct doc *d, size_t a, size_t i)
{
	size_t j;

	for (j = a; j + 2 < i; j++)
		if (tok_is(&d->tk, j, "so") && tok_is(&d->tk, j + 1, "much") &&
		    tok_is(&d->tk, j + 2, "for"))
			return 1;
	return 0;
}

/* 1 when the evidence at token i is inside a subject limited by "the
 * only" that a copula after it equates with something else, after the
 * topic there ("The only thing AI scripts are good for is a laugh",
 * "the only coordinator we needed was the one who brought the tea",
 * "the only thing a good one slows down is the part where somebody
 * gets hurt"): what is said of the topic holds of that alone, so the
 * topic is mostly the opposite. */
static int
only_restricted(const struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent;
	size_t s0 = d->sent_start[s], e = d->sent_start[s + 1], j, k;

	for (j = i; j > s0 + 1 && j + 10 > i; ) {
		j--;
		if (tok_is(&d->tk, j, "only") && tok_is(&d->tk, j - 1, "the"))
			break;
	}
	if (!(j > s0 && tok_is(&d->tk, j, "only") &&
	      tok_is(&d->tk, j - 1, "the")))
		return 0;
	for (k = j + 1; k < i && !is_topic(d, k); k++)
		;
	if (k >= i)
		return 0;
	for (j = i + 1; j < e; j++) {
		if (tok_punct(&d->tk, j, ',') || tok_punct(&d->tk, j, ';'))
			return 0;
		if (tok_is(&d->tk, j, "is") || tok_is(&d->tk, j, "was"))
			return 1;
	}
	return 0;
}

/* 1 when the evaluation at token i is the predicate of a clause [a, i)
 * whose subject is a noun phrase of its own, with no topic in it ("The
 * script was a mess", "The original film was a masterpiece"): it
 * evaluates that subject. Only asked when nothing but the quotation or
 * the paragraph links the evaluation to the topic. */
static int
own_np_subject(const struct doc *d, size_t a, size_t i)
{
	/* Not a possessive: "My first instinct was relief" tells the
	 * speaker's own reaction. */
	static const char *const det[] = {
		"the", "this", "that", "a", "an", NULL
	};
	static const char *const lead[] = {
		"a", "an", "the", "so", "very", "really", "quite", "such",
		"truly", "absolutely", "utterly", "just", "pretty", "simply",
		"completely", "totally", "rather", "bit", "of", "more", "most",
		"less", NULL
	};
	size_t j = a, k, c;

	while (j < i && (tok_punct(&d->tk, j, '"') || tok_punct(&d->tk, j, '\'')))
		j++;
	if (!word_in(d, j, det))
		return 0;
	for (c = i; c > j && word_in(d, c - 1, lead); c--)
		;
	if (c == j || !copula(d, c - 1) || c - 1 <= j + 1 || c - 1 > j + 5)
		return 0;
	for (k = j + 1; k < c - 1; k++)
		if (is_topic(d, k) || !(d->tk.v[k].flags & TOK_WORD) ||
		    doc_mention_at(d, k) >= 0)
			return 0;
	return 1;
}

/* Verbs that put one thing in place of another: "replace X with Y",
 * "swap X for Y", "trade X for Y". */
static const char *const swap_verb[] = {
	"replace", "replaced", "replacing", "replaces", "swap", "swapped",
	"swapping", "swaps", "trade", "traded", "trading", "exchange",
	"exchanged", "exchanging", "switch", "switched", "switching",
	"substitute", "substituted", "substituting", NULL
};

/* When the evaluation at token i comes after a swap in its sentence
 * ("We swapped the coordinator for a quiet word, and it worked
 * beautifully"): -1 when the topic is only in what was given up (X of
 * "swap X for Y"), so that judging the swap judges the topic reversed;
 * 0 otherwise (no swap, the topic in what was taken, or the evaluation
 * inside the swap itself). The shift of a two-place shifter applies to
 * its first object only. */
static int
swapped_out(const struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent;
	size_t s0 = d->sent_start[s], j, p, k, yend;
	int inx = 0, iny = 0;

	for (j = s0; j < i && !word_in(d, j, swap_verb); j++)
		;
	if (j >= i)
		return 0;
	for (p = j + 1; p < i && p < j + 10; p++)
		if (tok_is(&d->tk, p, "with") || tok_is(&d->tk, p, "for") ||
		    tok_is(&d->tk, p, "by"))
			break;
	if (p >= i || p >= j + 10)
		return 0;
	yend = d->clb[p];
	if (i < yend)
		return 0;
	for (k = j + 1; k < p; k++)
		inx |= is_topic(d, k);
	for (k = p + 1; k < yend; k++)
		iny |= is_topic(d, k);
	return inx && !iny ? -1 : 0;
}

/* 1 when the pronoun at token t ("it", "this") stands for a ban on the
 * topic rather than for the topic: the nearest mention of the topic
 * before it, in its sentence or the one before, is the
 * object of a noun of rejecting ("a ban on digital replicas. ... It's a
 * very good start", "the moratorium on AI scripts. It is overdue"). The
 * head of "a ban on X" is the ban, as the head of any noun phrase is
 * what a pronoun after it takes up. */
static int
ban_antecedent(const struct doc *d, size_t t)
{
	uint32_t s = d->tk.v[t].sent;
	size_t from, m, k, n;

	if (!tok_is(&d->tk, t, "it") && !tok_is(&d->tk, t, "this") &&
	    !tok_is(&d->tk, t, "it's") && !tok_is(&d->tk, t, "that"))
		return 0;
	/* The sentence before may close the paragraph before: a
	 * quotation that opens a paragraph answers the news before it. */
	from = d->sent_start[s > 0 ? s - 1 : s];
	/* past a "sentence" of quote marks alone */
	for (k = from; k < t && !(d->tk.v[k].flags & TOK_WORD); k++)
		;
	if (k == t && s > 1)
		from = d->sent_start[s - 2];
	for (m = t; m > from && !is_topic(d, m - 1); m--)
		;
	if (m == from)
		return 0;
	m--;
	while (m > from && is_topic(d, m - 1))
		m--;
	/* "a ban on [the use of] X": the preposition, then the noun. */
	for (k = m; k > from && k + 5 > m; ) {
		k--;
		if (tok_is(&d->tk, k, "on") || tok_is(&d->tk, k, "against")) {
			/* the noun, or a phrase of it that takes the
			 * preposition in ("ban on") */
			if ((k > from && rejecting_at(d, k - 1, &n) &&
			     n == 1) ||
			    (k > from + 1 && rejecting_at(d, k - 2, &n) &&
			     n == 2) || (k > from && rejecting_at(d, k - 1,
								 &n) && n == 2))
				return 1;
			return 0;
		}
	}
	return 0;
}

/* 1 when the evidence at token i is in an expectation its clause [a,
 * i) reports as past: a belief in the first person about what would
 * come ("I thought AI scripts would be great", "we assumed it would be a
 * nightmare"), or a promise or a plan ("it was supposed to save us
 * time", "they promised to make sets safer", "was going to be the
 * future"). What was expected is not what the speaker holds now; the
 * telling most often goes on to undo it. */
static int
expectation_frame(const struct doc *d, size_t a, size_t i)
{
	static const char *const think[] = {
		"thought", "believed", "assumed", "figured", "imagined",
		"feared", "reckoned", "presumed", "hoped", NULL
	};
	size_t j, k;

	for (j = a; j + 1 < i; j++) {
		if (tok_is(&d->tk, j + 1, "to") &&
		    (tok_is(&d->tk, j, "supposed") ||
		     tok_is(&d->tk, j, "promised") ||
		     (tok_is(&d->tk, j, "going") && j > a &&
		      (tok_is(&d->tk, j - 1, "was") ||
		       tok_is(&d->tk, j - 1, "were")))))
			return 1;
		if (word_in(d, j, think) && j > a &&
		    (tok_is(&d->tk, j - 1, "i") || tok_is(&d->tk, j - 1, "we")))
			for (k = j + 1; k < i; k++)
				if (tok_is(&d->tk, k, "would") ||
				    tok_is(&d->tk, k, "it'd") ||
				    tok_is(&d->tk, k, "they'd") ||
				    tok_is(&d->tk, k, "was") ||
				    tok_is(&d->tk, k, "were"))
					return 1;
	}
	return 0;
}

/* "I wanted to love it", "tried to like them": a feeling wished for,
 * which the telling says did not come. */
static const char *const wanted_to[] = {
	"wanted", "tried", "hoped", "wished", "longed", NULL
};

/* 1 when the clause [.., b) of the evidence at token i ends at a
 * "but" that opens an elliptical denial with no verb or evaluation of
 * its own ("AI is fine for cleaning up audio, but not for writing",
 * "essential on some sets, but never on all"): the same predicate,
 * denied of something else, so the view is split, not one-sided. */
static int
but_not_elliptic(const struct doc *d, size_t i, size_t b)
{
	size_t e = d->sent_start[d->tk.v[i].sent + 1], j;

	j = b;
	if (j < e && tok_punct(&d->tk, j, ','))
		j++;
	if (j >= e || !tok_is(&d->tk, j, "but"))
		return 0;
	j++;
	if (j < e && tok_punct(&d->tk, j, ','))
		j++;
	if (j >= e || !(tok_is(&d->tk, j, "not") || tok_is(&d->tk, j, "never")))
		return 0;
	for (j++; j < e; j++) {
		if (d->tk.v[j].flags & TOK_PUNCT)
			break;
		if (finite_verb(d, j) || kind_at(d, j) == POL_EVAL ||
		    kind_at(d, j) == POL_ADOPT || kind_at(d, j) == POL_SHIFT)
			return 0;
	}
	return 1;
}

/* The frames in which an evaluation judges something other than the
 * topic as it reads: an act judged ("mad not to hire one"), a claim
 * denied ("the idea that X is nonsense"), the topic's opponents ("the
 * critics are wrong"), the topic counted as too much ("fewer of them").
 * Turns e round, or sets *f to 0 for a word whose judgement another
 * evidence carries. */
static void
judged_frames(const struct doc *d, struct ev *e, size_t a, size_t b,
	      double *f)
{
	const double *w = pol_weights();
	size_t last = e->tok + e->ntok - 1, act, rel;
	int neg, flip = 0;

	/* Nothing to turn round in evidence that no longer counts. */
	if (*f == 0)
		return;

	if (e->kind == CUE_LEX && act_judge(d, last) &&
	    (act = judged_act_at(d, last, b, &neg)) != DOC_NONE) {
		/* The act holds its own evidence, which the judge turns
		 * (judged_by()); otherwise the judge is the evidence, of
		 * the act or of its denial. */
		if (holds_evidence(d, act, b)) {
			*f = 0;
			return;
		}
		if (neg) {
			e->pol = -e->pol;
			e->rules |= RULE_NEGATED;
			*f *= w[W_NEGATED];
		}
		return;
	}
	if (e->kind == CUE_LEX && (denial_word(d, e->tok) ||
				   opponents_subject(d, a, e->tok, b))) {
		*f = 0;
		return;
	}
	if (e->kind == CUE_LEX && (e->link == LINK_PARA ||
				   e->link == LINK_QUOTE) &&
	    own_np_subject(d, a, e->tok)) {
		*f = 0;
		return;
	}
	if (e->kind == CUE_LEX && but_not_elliptic(d, e->tok, b)) {
		*f *= w[W_CONCESSIVE];
		e->rules |= RULE_CONCESSIVE;
	}
	if (so_much_for(d, a, e->tok) || only_restricted(d, e->tok))
		flip = !flip;
	if (e->kind == CUE_LEX && e->link == LINK_REF &&
	    swapped_out(d, e->tok) < 0)
		flip = !flip;
	if (e->kind == CUE_LEX && e->link == LINK_REF &&
	    e->target != DOC_NONE && ban_antecedent(d, e->target))
		flip = !flip;
	if (e->kind == CUE_LEX && denial_of_previous(d, e->tok)) {
		*f = 0;
		return;
	}
	if ((rel = generic_relative(d, a, b, e->tok)) != DOC_NONE) {
		size_t first;

		/* Said of them to dismiss them ("... have never used
		 * them"), their view is the speaker's reversed; otherwise
		 * it is only theirs. */
		if (negators(d, rel, b, DOC_NONE, &first) % 2) {
			flip = !flip;
		} else {
			*f *= w[W_OTHERS];
			e->rules |= RULE_OTHERS;
		}
	}
	if (denied_next(d, e->tok))
		flip = !flip;
	else if (expectation_frame(d, a, e->tok) ||
		 (e->kind == CUE_LEX && e->tok >= a + 2 &&
		  tok_is(&d->tk, e->tok - 1, "to") &&
		  word_in(d, e->tok - 2, wanted_to))) {
		*f *= w[W_PAST];
		e->rules |= RULE_PAST;
	}
	if (judged_by(d, a, e->tok) < 0)
		flip = !flip;
	if (denied_claim(d, e->tok))
		flip = !flip;
	if (e->kind == CUE_LEX && opponents_judged(d, a, e->tok))
		flip = !flip;
	if (e->target != DOC_NONE && e->target > e->tok + e->ntok &&
	    is_topic(d, e->target) && fewer_of(d, e->target))
		flip = !flip;
	if (flip) {
		e->pol = -e->pol;
		e->rules |= RULE_SHIFTED;
		*f *= w[W_SHIFTED];
	}
}

/* Applies the link and the composition rules to e. */
static void
compose(const struct doc *d, struct ev *e, unsigned char *used)
{
	const double *w = pol_weights();
	unsigned off = pol_layers_off();
	size_t a, b, t, aw = DOC_NONE, skip = DOC_NONE;
	double f = 1.0;
	unsigned nneg;
	int side, judged_act = 0;

	clause_of(d, e->tok, &a, &b);
	e->pol = e->value > 0 ? 1 : -1;
	e->rules = 0;
	e->absence = DOC_NONE;
	e->unlinked = 0;
	switch (e->kind) {
	case CUE_LEX:
		f = w[W_LEX] * (e->ntok == 1 ? w[W_LEX_WORD] : 1.0);
		if (fabs(e->value) < w[W_LEX_MIN])
			f = 0;
		break;
	case CUE_TOPIC: f = w[W_CUE]; break;
	case CUE_ADOPT: f = w[W_ADOPT]; break;
	case CUE_REJECT: f = w[W_REJECT]; break;
	case CUE_ABSENCE: f = w[W_ABSENCE]; break;
	case CUE_PRAISE: f = w[W_PRAISE]; break;
	case CUE_OPPOSE: f = w[W_OPPOSE]; break;
	}
	if (e->obj != DOC_NONE) {
		e->link = LINK_OBJECT;
		t = e->obj;
	} else {
		t = link_of(d, e->tok, e->ntok, a, b, &e->link);
	}
	if (e->kind == CUE_LEX && (e->link == LINK_PARA ||
				   e->link == LINK_QUOTE)) {
		size_t r = phrase_ref(d, e->tok, e->ntok);

		if (r != DOC_NONE) {
			e->link = LINK_REF;
			t = r;
		} else if (elided_stance(d, e->tok, e->ntok, b)) {
			e->link = LINK_REF;
		}
	}
	/* "one" right after an evaluative verb is its object and stands
	 * for a thing of the kind talked about ("never needed one"): as
	 * sure a link as the topic named there. "it", "them" may stand for
	 * anything just named ("those scenes ... dreading them"). */
	if (e->link == LINK_REF && e->kind == CUE_LEX &&
	    t == e->tok + e->ntok && tok_is(&d->tk, t, "one") &&
	    !head_noun(d, e->tok, t))
		e->link = LINK_OBJECT;
	if (e->link == LINK_REF && e->kind == CUE_LEX && t < e->tok &&
	    predicated_ref(d, t, e->tok))
		e->link = LINK_OBJECT;
	/* "welcomed the ban", "condemned the moratorium": a verb of
	 * praise or attack whose object is the rejection of the topic the
	 * passage is about evaluates that, as a reference back. */
	if ((e->kind == CUE_PRAISE || e->kind == CUE_OPPOSE) &&
	    e->link != LINK_OBJECT && e->link != LINK_CLAUSE &&
	    !(off & POL_OFF_COMPOSITION)) {
		size_t j = ban_noun(d, e->tok + e->ntok, b);

		if (j != DOC_NONE) {
			e->link = LINK_REF;
			t = j;
			e->flip = 1;
		}
	}
	if (e->kind == CUE_LEX && e->link != LINK_OBJECT &&
	    !(off & POL_OFF_COMPOSITION)) {
		size_t j = ban_complement(d, e->tok, e->ntok, b);

		if (j != DOC_NONE) {
			e->link = LINK_OBJECT;
			t = j;
			e->flip = 1;
		}
	}
	e->target = t;
	if (!(off & POL_OFF_LINKING)) {
		f *= link_weight(w, e->link);
		/* How a person is or feels is no evaluation of the topic
		 * when nothing but a pronoun, the quotation or the paragraph
		 * links it. */
		if (e->kind == CUE_LEX && (e->link == LINK_PARA ||
					   e->link == LINK_REF ||
					   e->link == LINK_QUOTE) &&
		    person_predicate(d, a, e->tok, e->ntok))
			f = 0;
		if (e->kind == CUE_LEX && e->link != LINK_OBJECT &&
		    (other_target(d, e->tok, e->tok + e->ntok, b) ||
		     cleft_other(d, a, e->tok) ||
		     partitive(d, e->tok, e->ntok)))
			f = 0;
		if (e->kind == CUE_LEX &&
		    (speech_formula(d, e->tok + e->ntok) ||
		     leave_to_be(d, a, e->tok)))
			f = 0;
		/* A phrase that ends in its preposition ("called for",
		 * "a champion of") evaluates what follows it: an object of
		 * its own that is no topic ("called for the rule to be
		 * relaxed") is not what a word pointing back elsewhere in
		 * the clause refers to. */
		if (e->kind == CUE_LEX && e->ntok > 1 && e->link == LINK_REF &&
		    (doc_lex(d, e->tok + e->ntok - 1) & LEX_PREP) &&
		    own_object(d, e->tok + e->ntok, b))
			f = 0;
		/* An evaluation that modifies a role noun evaluates that
		 * person ("a competent director", "vulnerable performers"),
		 * not the topic. */
		if (e->kind == CUE_LEX && other_role(d, e->tok + e->ntok) &&
		    !predicative(d, a, e->tok))
			f = 0;
		/* A verb of praise or attack whose subject is a cleft's focus
	 * ("it is the old who most resent having to ask") is that
	 * focus's attitude, told by the speaker as others' view. */
	if ((e->kind == CUE_PRAISE || e->kind == CUE_OPPOSE) &&
	    !(off & POL_OFF_COMPOSITION) && cleft_other(d, a, e->tok) &&
	    !first_person_in(d, a, e->tok)) {
		f *= w[W_OTHERS];
		e->rules |= RULE_OTHERS;
	}
	/* A verb of praise or attack evaluates its own object: with
		 * neither the topic nor a word pointing back to it in its
		 * clause, what it praises or attacks is something else
		 * ("complained about the delays"). */
		if ((e->kind == CUE_PRAISE || e->kind == CUE_OPPOSE) &&
		    e->link != LINK_OBJECT && !e->flip &&
		    (e->link != LINK_CLAUSE || t < a || t >= b) &&
		    ((e->link != LINK_REF && e->link != LINK_CLAUSE) ||
		     own_object(d, e->tok + e->ntok, b))) {
			f *= w[W_VERB_UNLINKED];
			e->unlinked = 1;
		}
		/* The topic's opposite: its evaluation is the topic's,
		 * reversed ("a nightmare without one"). An absence is its
		 * own evidence. */
		if (t != DOC_NONE && e->kind != CUE_ABSENCE &&
		    contrastive(d, t, &aw)) {
			e->pol = -e->pol;
			e->rules |= RULE_CONTRAST;
			if (aw != DOC_NONE) {
				used[aw] = 1;
				e->absence = aw;
				skip = aw;
			}
		}
	}
	/* A pejorative name for the topic as the object of a verb of
	 * wanting or of praise ("Some of us needed the nanny"): the verb
	 * says what the speaker thinks; the name only points to the
	 * topic. Denied anywhere before in its sentence ("does not, she
	 * said, need a nanny"), both agree. */
	if (e->kind == CUE_TOPIC && e->value < 0 &&
	    epithet_object(d, e->tok, a) &&
	    negators(d, d->sent_start[d->tk.v[e->tok].sent], e->tok,
		     DOC_NONE, &aw) == 0)
		f = 0;
	aw = DOC_NONE;
	e->neg = DOC_NONE;
	if (!(off & POL_OFF_COMPOSITION)) {
		nneg = negators(d, a, e->tok, skip, &e->neg);
		if (feared_reason(d, a, e->tok, skip)) {
			f = 0;
			nneg = 0;
			e->neg = DOC_NONE;
		}
		/* A pejorative name for the topic, denied by a verb ("does
		 * not need a nanny", "did not train for years to have a
		 * chaperone check my work"), is refused, not praised; only
		 * denying that the name fits ("they are not babysitters")
		 * speaks for the topic. */
		if (e->kind == CUE_TOPIC && e->value < 0 && nneg % 2 &&
		    !named_as(d, a, e->tok))
			nneg = 0;
		/* "Without her, I couldn't have done it": a fronted
		 * "without" clause is the condition of the clause after it,
		 * whose negation says the absence goes badly. */
		if (e->kind == CUE_ABSENCE && !nneg)
			bare_fronted_without(d, e->tok, a, b, &nneg, &e->neg);
		if (e->kind == CUE_ABSENCE && !nneg &&
		    fronted_without(d, e->tok, a, b)) {
			size_t n0 = b + 1, n1 = d->clb[b + 1];

			nneg = negators(d, n0, n1, DOC_NONE, &e->neg);
			if (!nneg && bad_outcome(d, n0, n1))
				nneg = 1;
		}
		if (nneg % 2) {
			e->pol = -e->pol;
			e->rules |= RULE_NEGATED;
			f *= w[W_NEGATED];
		} else if (nneg) {
			e->rules |= RULE_DOUBLE_NEG;
			e->neg = DOC_NONE;
		}
		if (e->kind == CUE_LEX && ironic_as(d, a, e->tok,
						    e->tok + e->ntok)) {
			e->pol = -e->pol;
			e->rules |= RULE_NEGATED;
			f *= w[W_NEGATED];
		}
		/* Praising or attacking the rejection of the topic is the
		 * opposite view of the topic ("welcomed the ban on it",
		 * "banning them would be a mistake"); the act so judged
		 * is not done. */
		if ((e->kind == CUE_LEX || e->kind == CUE_TOPIC ||
		     e->kind == CUE_PRAISE || e->kind == CUE_OPPOSE) &&
		    e->target != DOC_NONE && e->link == LINK_CLAUSE &&
		    evaluated_ban(d, a, b, e->tok, e->ntok, e->target) !=
		    DOC_NONE)
			e->flip = 1;
		/* ... the act so judged may be the shifter just before
		 * ("banning them would strangle it"), which flips it only
		 * once. */
		if ((e->kind == CUE_LEX || e->kind == CUE_TOPIC) && !e->flip &&
		    e->link != LINK_OBJECT &&
		    banned_subject(d, a, b, e->tok, e->ntok))
			e->flip = judged_act = 1;
		if (e->kind == CUE_REJECT && e->obj != DOC_NONE &&
		    act_judged(d, a, b, e->tok, e->obj))
			f = 0;
		if (e->flip) {
			e->pol = -e->pol;
			e->rules |= RULE_SHIFTED;
			f *= w[W_SHIFTED];
		}
		/* A shifter flips an evaluation and a verb of praise or
		 * attack alike ("stopped complaining about them"), and a
		 * verb of taking the topic up that it governs as its
		 * complement ("stopped hiring them", "to stop commissioning
		 * it"). */
		if ((e->kind == CUE_LEX || e->kind == CUE_TOPIC ||
		     e->kind == CUE_PRAISE || e->kind == CUE_OPPOSE ||
		     (e->kind == CUE_ADOPT && shifted_act(d, a, e->tok))) &&
		    ((shifted(d, a, e->tok) && !judged_act) ||
		     (e->kind == CUE_LEX && e->value < 0 &&
		      rescued_from(d, a, e->tok)))) {
			e->pol = -e->pol;
			e->rules |= RULE_SHIFTED;
			f *= w[W_SHIFTED];
		}
		judged_frames(d, e, a, b, &f);
		if (e->tok > a && kind_at(d, e->tok - 1) == POL_BOOST) {
			size_t n;
			const struct pol_entry *p = match_at(d, e->tok - 1, &n);

			f *= p->v / 1000.0;
			e->rules |= RULE_BOOSTED;
		}
		/* Denying that one is against something ("I'm not against
		 * them", "nothing against them as people") concedes it a
		 * place; it is no support. Denying an act of rejection
		 * ("would never scrap them") keeps the thing, and a "no"
		 * that negates a noun ("no rule against it": it is
		 * allowed) says what there is, so both stay. */
		if (e->kind == CUE_REJECT && (e->rules & RULE_NEGATED) &&
		    tok_is(&d->tk, e->tok, "against") && e->neg != DOC_NONE &&
		    !tok_is(&d->tk, e->neg, "no")) {
			f *= w[W_CONCESSIVE];
			e->rules |= RULE_CONCESSIVE;
		}
		side = but_side(d, e->tok);
		if (side < 0 && (e->rules & RULE_NEGATED)) {
			/* A denial before "but" concedes ("it isn't clever,
			 * but it's tireless"; "nothing against them as
			 * people, but ..."): the speaker's view is what
			 * follows, so it weighs as a concession too. */
			f *= w[W_BEFORE_BUT] * w[W_CONCESSIVE];
			e->rules |= RULE_BEFORE_BUT | RULE_CONCESSIVE;
		} else if (side < 0) {
			f *= w[W_BEFORE_BUT];
			e->rules |= RULE_BEFORE_BUT;
		} else if (side > 0) {
			f *= w[W_AFTER_BUT];
			e->rules |= RULE_AFTER_BUT;
		}
		/* "It's not useless, exactly": a denial taken back as it is
		 * made concedes, as one before "but" does. */
		if ((e->rules & RULE_NEGATED) && !(e->rules & RULE_CONCESSIVE) &&
		    loose_denial(d, e->tok + e->ntok)) {
			f *= w[W_CONCESSIVE];
			e->rules |= RULE_CONCESSIVE;
		}
		if (!(e->rules & RULE_CONCESSIVE) &&
		    (concessive(d, e->tok) || dismissed_reason(d, e->tok))) {
			f *= w[W_CONCESSIVE];
			e->rules |= RULE_CONCESSIVE;
		}
		/* A rhetorical question of the lexicon ("Who needs it?",
		 * "What's the point of it?") asserts its answer when it
		 * opens its question; elsewhere ("everyone who needs one")
		 * it is no such idiom. */
		if (e->kind == CUE_LEX && wh_idiom(d, e->tok) &&
		    !opens_question(d, e->tok))
			f = 0;
		if ((interrogative(d, e->tok, e->ntok) &&
		     !(e->kind == CUE_LEX && wh_idiom(d, e->tok))) ||
		    (e->kind == CUE_LEX && e->value > 0 &&
		     (ironic_oh(d, e->tok) ||
		      bare_praise(d, e->tok, e->ntok) ||
		      bare_praise_before(d, e->tok, e->ntok))) ||
		    ((e->kind == CUE_ADOPT || e->kind == CUE_REJECT ||
		      e->kind == CUE_ABSENCE) &&
		     conditioned(d, e->tok, e->tok + e->ntok))) {
			f *= w[W_IRREALIS];
			e->rules |= RULE_IRREALIS;
		}
		if ((others_view(d, e->tok) || announced_rule(d, e->tok) ||
		     others_counterfactual(d, a, e->tok) ||
		     (e->kind == CUE_LEX && named_by_other(d, a, e->tok))) &&
		    !denied_next(d, e->tok)) {
			f *= w[W_OTHERS];
			e->rules |= RULE_OTHERS;
		}
		if (hedged(d, a, e->tok)) {
			f *= w[W_IRREALIS];
			e->rules |= RULE_IRREALIS;
		}
		if ((past_view(d, a, e->tok) || expected_view(d, a, e->tok) ||
		     dated_past(d, e->tok) || left_state(d, a, b, e->tok)) &&
		    !denied_next(d, e->tok)) {
			f *= w[W_PAST];
			e->rules |= RULE_PAST;
		}
		if ((e->kind == CUE_ADOPT || e->kind == CUE_REJECT ||
		     e->kind == CUE_ABSENCE) && others_act(d, a, e->tok)) {
			f *= w[W_OTHERS];
			e->rules |= RULE_OTHERS;
		}
		if (e->kind == CUE_ABSENCE && !(e->rules & RULE_NEGATED) &&
		    imposed_absence(d, a, e->tok)) {
			e->pol = -e->pol;
			e->rules |= RULE_IMPOSED;
		} else if ((e->kind == CUE_ADOPT || e->kind == CUE_REJECT ||
		     e->kind == CUE_ABSENCE) && imposed(d, a, e->tok)) {
			f *= w[W_IMPOSED];
			e->rules |= RULE_IMPOSED;
		}
	}
	e->w = fabs(e->value) * f;
}

static void
add_cue(struct doc *d, const struct ev *e, int person, long long wm)
{
	struct cue *c;

	if (d->nc >= DOC_MAX_CUES) {
		d->truncated = 1;
		return;
	}
	pt_xgrow((void **)&d->c, &d->capc, d->nc + 1, sizeof(*d->c));
	c = &d->c[d->nc++];
	c->tok = e->tok;
	c->ntok = e->ntok;
	c->person = person;
	c->polarity = e->pol;
	c->negated = (e->rules & RULE_NEGATED) != 0;
	c->neg_tok = e->neg;
	c->wm = wm;
	c->phrase = e->phrase;
	c->source = e->source;
	c->value = (int)llround(e->value * 1000.0);
	c->kind = e->kind;
	c->link = e->link;
	c->rules = e->rules;
	c->sent = d->tk.v[e->tok].sent;
	if (person >= 0) {
		struct person *p = &d->p[person];

		if (e->pol > 0) {
			p->pro++;
			p->prom += wm;
		} else {
			p->con++;
			p->conm += wm;
		}
	}
}

/* The author of a signed piece: a paragraph among the first few that
 * opens "By NAME". -1 when there is none. */
static int
byline(const struct doc *d)
{
	size_t i;

	for (i = 0; i + 1 < d->tk.n && d->tk.v[i].para < POL_BYLINE_PARAS;
	     i++) {
		int m;

		if (!(d->tk.v[i].flags & TOK_PSTART) || !tok_is(&d->tk, i, "by"))
			continue;
		m = doc_mention_at(d, i + 1);
		if (m >= 0 && d->m[m].tok == i + 1)
			return d->m[m].person;
	}
	return -1;
}

/* The speaker label that opens paragraph j's first token j in a
 * transcript ("TIERNEY-WALSH: It is.", "ADA LUNN: And now?"): a
 * person's name, then a colon. -1 when the paragraph has none,
 * POL_LABEL_UNKNOWN when it has a label of an upper-case name that is
 * no person found: the turn is still that speaker's, nobody else's. */
static int
read_label(const struct doc *d, size_t j)
{
	size_t l, lf, e;
	const char *k, *kf;
	int m, p;

	m = doc_mention_at(d, j);
	if (m >= 0 && d->m[m].tok == j && j + d->m[m].ntok < d->tk.n &&
	    tok_punct(&d->tk, j + d->m[m].ntok, ':'))
		return d->m[m].person;
	/* An upper-case label the people step took for no mention (or for
	 * one that ends before the colon): the person with its last word
	 * for surname and, when it has more words, its first for given
	 * name. */
	for (e = j; e < d->tk.n && e < j + POL_LABEL_WORDS &&
		    (d->tk.v[e].flags & TOK_WORD) &&
		    (d->tk.v[e].flags & TOK_ALLCAP); e++)
		;
	if (e == j || e >= d->tk.n || !tok_punct(&d->tk, e, ':'))
		return -1;
	k = doc_key(d, e - 1, &l);
	kf = doc_key(d, j, &lf);
	for (p = 0; p < (int)d->np; p++)
		if (d->p[p].last && strlen(d->p[p].last) == l &&
		    memcmp(d->p[p].last, k, l) == 0 &&
		    (e - 1 == j || (d->p[p].first &&
				    strlen(d->p[p].first) == lf &&
				    memcmp(d->p[p].first, kf, lf) == 0)))
			return p;
	return e - j > 1 ? POL_LABEL_UNKNOWN : -1;
}

/* The speaker label of the paragraph of token i, when i follows it
 * (read_label(), once per paragraph); -1 when there is none,
 * POL_LABEL_UNKNOWN for a label of nobody known. */
static int
label_of(struct doc *d, size_t i)
{
	uint32_t para = d->tk.v[i].para;
	size_t j = i;

	if (d->plabel[para] == -2) {
		while (j > 0 && !(d->tk.v[j].flags & TOK_PSTART))
			j--;
		d->plabel[para] = read_label(d, j);
	}
	if (d->plabel[para] == -1)
		return -1;
	/* The label is the paragraph's first words and a colon: a cue
	 * of the label itself is not the speaker's. */
	for (j = i; j > 0 && !tok_punct(&d->tk, j, ':'); j--)
		if (d->tk.v[j].flags & TOK_PSTART)
			return -1;
	if (j == 0 || tok_punct(&d->tk, j, ':') == 0)
		return -1;
	return d->plabel[para];
}

/* 1 when the sentence of token i speaks in the first person singular
 * outside quotations ("I have never once needed ..."); read once per
 * sentence. */
static int
first_person(struct doc *d, size_t i)
{
	uint32_t s = d->tk.v[i].sent;
	size_t j;

	if (d->sfirst[s] >= 0)
		return d->sfirst[s];
	d->sfirst[s] = 0;
	for (j = d->sent_start[s]; j < d->sent_start[s + 1]; j++)
		if (d->tk.v[j].quote < 0 &&
		    (tok_is(&d->tk, j, "i") || tok_is(&d->tk, j, "my") ||
		     tok_is(&d->tk, j, "me"))) {
			d->sfirst[s] = 1;
			break;
		}
	return d->sfirst[s];
}

/* The person of a sign-off paragraph, the name under a letter or a
 * column ("Jane Doe, Leeds", "The Rev Canon John Roe, Dorchester"): a
 * short paragraph of capitalised words and commas, with a person's name
 * among its first words and no full stop at its end. -1 otherwise. */
static int
signoff(const struct doc *d, size_t a, size_t b)
{
	size_t i;
	int person = -1;

	if (b - a > POL_SIGNOFF_TOKENS || tok_punct(&d->tk, b - 1, '.'))
		return -1;
	for (i = a; i < b; i++) {
		const struct tok *k = &d->tk.v[i];

		if (doc_mention_at(d, i) >= 0) {
			if (person < 0 && i < a + POL_SIGNOFF_TITLE)
				person = d->m[doc_mention_at(d, i)].person;
			continue;
		}
		if ((k->flags & TOK_WORD) && !(k->flags & TOK_CAP))
			return -1;
		if ((k->flags & TOK_PUNCT) && !tok_punct(&d->tk, i, ','))
			return -1;
	}
	return person;
}

/* 1 when token i is a dash: a hyphen, an en or an em dash on its own. */
static int
dash_at(const struct doc *d, size_t i)
{
	int32_t c;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_PUNCT))
		return 0;
	c = doc_cp_at(d, d->tk.v[i].o);
	return c == '-' || c == 0x2013 || c == 0x2014;
}

/* Where the name of a signature in paragraph [a, b) can start: past
 * the dashes that set it off ("-- Jane Doe, Leeds") and a "by" that
 * makes it the author's ("— Reviewed by Jane Doe", "Written by Jane
 * Doe", a closing "By Jane Doe"). Credits of another's work ("Portrait
 * by X", "Photographs by X") keep their noun, which no signature
 * passes. */
static size_t
signature_start(const struct doc *d, size_t a, size_t b)
{
	static const char *const wrote[] = { "reviewed", "written", NULL };

	while (a < b && dash_at(d, a))
		a++;
	if (a + 1 < b && tok_among(d, a, wrote) && tok_is(&d->tk, a + 1, "by"))
		return a + 2;
	if (a < b && tok_is(&d->tk, a, "by"))
		return a + 1;
	return a;
}

/* The present-tense verbs of a note on a writer: what they are, do for
 * a living or write ("is a screenwriter", "writes about film", "answers
 * readers' questions"). */
static const char *const bio_verbs[] = {
	"is", "has", "writes", "answers", "teaches", "lives", "works", "runs",
	"directs", "edits", "presents", "hosts", "covers", "reviews",
	"lectures", "chairs", "leads", "produces", "heads", "trains",
	"coordinates", "acts", "performs", "blogs", NULL
};

/* The person of a closing bio line, the note on the writer under an
 * op-ed or a column ("Jane Doe is a screenwriter based in Leeds.", "Jane
 * Doe answers readers' questions every Tuesday."): one sentence that
 * opens with a full name and goes on with a verb of bio_verbs[], in the
 * present tense, with no quotation and no other speech verb. A closing
 * sentence in the past ("Jane Doe met the crew.") goes on with the story
 * instead. -1 otherwise. */
static int
bio_line(const struct doc *d, size_t a, size_t b)
{
	int m = doc_mention_at(d, a);
	size_t v, i;

	if (m < 0 || d->m[m].tok != a || d->m[m].pronoun ||
	    d->m[m].ntok < 2 || d->tk.v[a].sent != d->tk.v[b - 1].sent)
		return -1;
	v = a + d->m[m].ntok;
	if (v >= b || !tok_among(d, v, bio_verbs))
		return -1;
	for (i = a; i < b; i++)
		if (d->tk.v[i].quote >= 0 || (i > v && doc_is_speech(d, i)))
			return -1;
	return d->m[m].person;
}

/* Fills d->pvoice: a paragraph whose narrator signed the piece (by a
 * byline or a signature, signed[] per paragraph) and speaks in the first
 * person outside quotations in some paragraph of theirs: an op-ed, a
 * letter or a column, where what no one else is said to hold is the
 * writer's view. A signed news report, in the third person, keeps its
 * narrator to itself. */
static void
signed_voices(struct doc *d, const size_t *start,
	      const unsigned char *signedp)
{
	uint32_t np = d->tk.npara, p;
	unsigned char *speaks = pt_xcalloc(d->np + 1, 1);
	size_t i;

	pt_xgrow((void **)&d->pvoice, &d->cappvoice, (size_t)np + 1,
		 sizeof(*d->pvoice));
	for (p = 0; p < np; p++) {
		int n = d->pnarr[p];

		d->pvoice[p] = 0;
		if (n < 0 || !signedp[p] || speaks[n])
			continue;
		for (i = start[p]; i < start[p + 1]; i++)
			if (d->tk.v[i].quote < 0 &&
			    (tok_is(&d->tk, i, "i") || tok_is(&d->tk, i, "my") ||
			     tok_is(&d->tk, i, "me"))) {
				speaks[n] = 1;
				break;
			}
	}
	for (p = 0; p < np; p++)
		if (d->pnarr[p] >= 0 && signedp[p] && speaks[d->pnarr[p]])
			d->pvoice[p] = 1;
	free(speaks);
}

/* Fills d->pnarr: whose first-person sentences each paragraph holds. On
 * a letters page each letter ends with its writer's sign-off, which
 * speaks for the paragraphs up to it; otherwise the author of a signed
 * piece ("By NAME"); otherwise, in a first-person text whose opening
 * paragraph is in the third person (a standfirst: "In this extract, X
 * recalls ..."), the first person that paragraph names. */
static void
narrators(struct doc *d)
{
	uint32_t np = d->tk.npara, p;
	size_t *start = pt_xmalloc(((size_t)np + 1) * sizeof(*start));
	unsigned char *signedp = pt_xcalloc((size_t)np + 1, 1);
	size_t i;
	int next = -1, author = byline(d), lead = -1, last = 1;

	pt_xgrow((void **)&d->pnarr, &d->cappnarr, (size_t)np + 1,
		 sizeof(*d->pnarr));
	for (p = 0; p <= np; p++)
		start[p] = d->tk.n;
	for (i = d->tk.n; i > 0; i--)
		start[d->tk.v[i - 1].para] = i - 1;
	/* A paragraph with no token starts where the next one does. */
	for (p = np; p > 0; p--)
		if (start[p - 1] > start[p])
			start[p - 1] = start[p];
	for (p = np; p > 0; p--) {
		size_t a = start[p - 1], b = start[p], sa;
		int s;

		if (a >= b)
			continue;
		sa = signature_start(d, a, b);
		s = sa < b ? signoff(d, sa, b) : -1;
		if (s < 0 && last)
			s = bio_line(d, sa, b);
		last = 0;
		if (s >= 0)
			next = s;
		d->pnarr[p - 1] = next;
		signedp[p - 1] = next >= 0;
	}
	if (author < 0 && np > 1 && start[0] < start[1]) {
		for (i = start[0]; i < start[1]; i++)
			if (d->tk.v[i].quote < 0 && (tok_is(&d->tk, i, "i") ||
			    tok_is(&d->tk, i, "my") || tok_is(&d->tk, i, "me")))
				break;
		for (i = i < start[1] ? start[1] : start[0];
		     i < start[1] && lead < 0; i++)
			if (doc_mention_at(d, i) >= 0 && d->tk.v[i].quote < 0)
				lead = d->m[doc_mention_at(d, i)].person;
	}
	for (p = 0; p < np; p++)
		if (d->pnarr[p] < 0) {
			d->pnarr[p] = author >= 0 ? author : p > 0 ? lead : -1;
			signedp[p] = author >= 0;
		}
	signed_voices(d, start, signedp);
	free(signedp);
	free(start);
}

/* 1 when sentence s names a person outside quotations. */
static int
names_someone(const struct doc *d, uint32_t s)
{
	size_t i;

	for (i = d->sent_start[s]; i < d->sent_start[s + 1]; i++)
		if (doc_mention_at(d, i) >= 0 && d->tk.v[i].quote < 0)
			return 1;
	return 0;
}

/* How a piece of evidence counts for a person (route_* weights). */
enum route {
	ROUTE_ARTICLE = 0, /* for nobody: the article only */
	ROUTE_QUOTE,       /* a quotation's speaker */
	ROUTE_LABEL,       /* a transcript's labelled speaker */
	ROUTE_NARRATOR,    /* the writer of a first-person sentence */
	ROUTE_SUBJECT,     /* the people its sentence names */
	ROUTE_MEMBER       /* the members of a group (count_members()) */
};

static const char *const route_name[] = {
	"article", "quote", "label", "narrator", "subject", "member"
};

static double
route_weight(enum route r)
{
	const double *w = pol_weights();

	switch (r) {
	case ROUTE_QUOTE: return w[W_ROUTE_QUOTE];
	case ROUTE_LABEL: return w[W_ROUTE_LABEL];
	case ROUTE_NARRATOR: return w[W_ROUTE_NARRATOR];
	case ROUTE_SUBJECT: return w[W_ROUTE_SUBJECT];
	case ROUTE_MEMBER: return w[W_ROUTE_MEMBER];
	case ROUTE_ARTICLE: break;
	}
	return 1.0;
}

/* 1 when the mention at token m (its first) to tok m1 (past its last)
 * names someone the sentence acts on or speaks to, not someone who holds
 * its view: a person after a preposition that makes the sentence's
 * action go to or be about them ("awarded credit to X, rejecting the
 * claim", "callers to X's show", "a letter to X"; "by X", "from X",
 * "with X", "according to X" are the holder's), the addressee of a
 * question ("X was asked whether ..."), or the one named in apposition
 * to the topic that is the object (token obj, or DOC_NONE) of the
 * evidence ("hired an intimacy coordinator, X, ..."): the object of an
 * action is not its agent. */
static int
acted_on(const struct doc *d, size_t m, size_t m1, size_t obj)
{
	static const char *const to[] = {
		"to", "for", "against", "about", "toward", "towards", "at",
		"into", "onto", NULL
	};
	size_t j, k;

	if (m > 0 && d->tk.v[m - 1].sent == d->tk.v[m].sent)
		for (k = 0; to[k]; k++)
			if (tok_is(&d->tk, m - 1, to[k]))
				return !(m > 1 &&
					 tok_is(&d->tk, m - 2, "according"));
	for (j = m1; j < d->tk.n && j < m1 + 3 &&
		     d->tk.v[j].sent == d->tk.v[m].sent; j++) {
		if (tok_is(&d->tk, j, "asked") ||
		    tok_is(&d->tk, j, "questioned") ||
		    tok_is(&d->tk, j, "quizzed") ||
		    tok_is(&d->tk, j, "pressed"))
			return j > m1; /* passive: "X was asked" */
		if (!tok_is(&d->tk, j, "was") && !tok_is(&d->tk, j, "were") &&
		    !tok_is(&d->tk, j, "is") && !tok_is(&d->tk, j, "has") &&
		    !tok_is(&d->tk, j, "had") && !tok_is(&d->tk, j, "been") &&
		    !tok_is(&d->tk, j, "being") && !tok_is(&d->tk, j, "later") &&
		    !tok_is(&d->tk, j, "then") && !tok_is(&d->tk, j, "also"))
			break;
	}
	return obj != DOC_NONE && m > 1 && tok_punct(&d->tk, m - 1, ',') &&
	       m - 2 >= obj && d->tk.v[m - 2].sent == d->tk.v[m].sent &&
	       is_topic(d, m - 2);
}

/* The topic as what the evidence e acts on: its object, or a topic its
 * clause links that stands right after it, past a determiner ("has
 * engaged an intimacy coordinator"); DOC_NONE otherwise. */
static size_t
object_side(const struct doc *d, const struct ev *e)
{
	size_t j = e->tok + e->ntok;

	if (e->obj != DOC_NONE)
		return e->obj;
	if (e->link != LINK_CLAUSE || e->target == DOC_NONE ||
	    e->target < j)
		return DOC_NONE;
	if (j < e->target && (doc_lex(d, j) & LEX_DET))
		j++;
	return j == e->target ? e->target : DOC_NONE;
}

/* 1 when person p holds the view of evidence e in sentence s: some
 * mention of p there, outside quotations, is not acted_on(); also when
 * the sentence names p only by a pronoun or not at all (a pronoun
 * subject). */
static int
holds_view(const struct doc *d, uint32_t s, int p, const struct ev *e)
{
	size_t i, seen = 0;

	for (i = d->sent_start[s]; i < d->sent_start[s + 1]; i++) {
		int m = doc_mention_at(d, i);

		if (m < 0 || d->m[m].tok != i || d->m[m].person != p ||
		    d->tk.v[i].quote >= 0)
			continue;
		if (d->m[m].pronoun)
			return 1;
		seen++;
		if (!acted_on(d, i, i + d->m[m].ntok, object_side(d, e)))
			return 1;
	}
	return seen == 0;
}

/* 1 when the names ending at token end and starting at token start are
 * two items of one list: doc_list_gap(), with honorifics before the
 * second ("A, B and Dame C") or a short lower-case descriptor after
 * the separator ("A, footballer-turned-pundit B and lifestyle
 * influencer C") in the gap too. */
static int
list_joined(const struct doc *d, size_t end, size_t start)
{
	size_t j, words = 0;
	int sep = 0;

	while (start > end && (doc_lex(d, start - 1) & LEX_TITLE) &&
	       (d->tk.v[start - 1].flags & TOK_CAP))
		start--;
	if (doc_list_gap(d, end, start))
		return 1;
	if (start <= end || start - end > POL_LIST_GAP + 2 ||
	    d->tk.v[end].sent != d->tk.v[start].sent)
		return 0;
	for (j = end; j < start; j++) {
		const struct tok *k = &d->tk.v[j];

		if (!words && (tok_punct(&d->tk, j, ',') ||
			       tok_is(&d->tk, j, "and"))) {
			sep = 1;
			continue;
		}
		if (!sep || !(k->flags & TOK_WORD) || (k->flags & TOK_CAP) ||
		    k->quote >= 0 || ++words > POL_LIST_GAP ||
		    (doc_lex(d, j) & (LEX_SPEECH | LEX_PREP | LEX_FUNC |
				      LEX_PRONOUN | LEX_DET | LEX_CONTRAST)))
			return 0;
	}
	return sep && words > 0;
}

/* 1 when "and" or "or" stands in [a, b). */
static int
has_conj(const struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (tok_is(&d->tk, a, "and") || tok_is(&d->tk, a, "or"))
			return 1;
	return 0;
}

/* The people of the lists that the subjects who[0..n) of sentence s
 * belong to ("A, B and C condemned it"), when attrib.c took only part
 * of one (an introductory phrase before the first, a title or a
 * descriptor before a later one): appended to who[] (room for
 * ATTRIB_MAX_SUBJECTS); returns the new count. A list is a run of
 * mentions outside quotations, each joined to the one before by
 * list_joined(), with "and" or "or" in some gap: two names with only a
 * comma between are more often a name and an apposition ("Speaking to
 * the host X, the actor Y said"). */
static size_t
list_mates(const struct doc *d, uint32_t s, int *who, size_t n)
{
	size_t s0 = d->sent_start[s], s1 = d->sent_start[s + 1], i, k;
	size_t last_end = 0, have = n;
	int run[ATTRIB_MAX_SUBJECTS], nrun = 0, hit = 0, conj = 0;

	for (i = s0; i <= s1; i++) {
		int m = i < s1 ? doc_mention_at(d, i) : -1;
		int joined;

		if (i < s1 && (m < 0 || d->m[m].tok != i ||
			       d->tk.v[i].quote >= 0 || d->m[m].pronoun))
			continue;
		joined = i < s1 && nrun > 0 && list_joined(d, last_end, i);
		if (joined)
			conj |= has_conj(d, last_end, i);
		if (!joined) {
			/* The run before ends: keep it when it holds a
			 * subject and has more than one name. */
			if (hit && conj && nrun > 1)
				for (k = 0; k < (size_t)nrun; k++) {
					size_t j;

					for (j = 0; j < n; j++)
						if (who[j] == run[k])
							break;
					if (j == n && n < ATTRIB_MAX_SUBJECTS)
						who[n++] = run[k];
				}
			nrun = 0;
			hit = 0;
			conj = 0;
			if (i == s1)
				break;
		}
		if (nrun < ATTRIB_MAX_SUBJECTS)
			run[nrun++] = d->m[m].person;
		for (k = 0; k < have; k++)
			if (who[k] == d->m[m].person)
				hit = 1;
		last_end = i + d->m[m].ntok;
		i = last_end - 1;
	}
	return n;
}

/* Whose stance the evidence e counts for: fills who[] (room for
 * ATTRIB_MAX_SUBJECTS) and returns how many (a quotation's unknown
 * speaker is -1); *route gets how. 0 with ROUTE_ARTICLE for nobody. */
static size_t
whose(struct doc *d, const struct ev *e, int *who, enum route *route)
{
	const int *subj;
	int all[ATTRIB_MAX_SUBJECTS];
	uint32_t s;
	size_t n, j, k;
	int label;

	if (d->tk.v[e->tok].quote >= 0) {
		who[0] = d->q[d->tk.v[e->tok].quote].speaker;
		*route = ROUTE_QUOTE;
		return 1;
	}
	s = d->tk.v[e->tok].sent;
	memcpy(all, d->who + (size_t)s * ATTRIB_MAX_SUBJECTS,
	       d->nwho[s] * sizeof(*all));
	n = d->nwho[s];
	if (n > 0 && !(pol_layers_off() & POL_OFF_LINKING))
		n = list_mates(d, s, all, n);
	subj = all;
	/* A transcript: the words after a speaker label are the speaker's,
	 * unless the sentence names its own subject in the third person. */
	label = label_of(d, e->tok);
	if (label != -1 && (n == 0 || first_person(d, e->tok))) {
		if (label == POL_LABEL_UNKNOWN) {
			*route = ROUTE_ARTICLE;
			return 0;
		}
		who[0] = label;
		*route = ROUTE_LABEL;
		return 1;
	}
	/* A first-person sentence of a text with a writer is the writer's
	 * account, whoever its grammatical subject ("she stopped me being a
	 * coward"), unless it names someone. */
	if (d->pnarr[d->tk.v[e->tok].para] >= 0 && first_person(d, e->tok) &&
	    !names_someone(d, s)) {
		who[0] = d->pnarr[d->tk.v[e->tok].para];
		*route = ROUTE_NARRATOR;
		return 1;
	}
	for (j = k = 0; j < n; j++)
		if ((pol_layers_off() & POL_OFF_LINKING) ||
		    holds_view(d, s, subj[j], e))
			who[k++] = subj[j];
	*route = k ? ROUTE_SUBJECT : ROUTE_ARTICLE;
	/* In a signed first-person piece, what no one else is said to
	 * hold is the writer's ("Trust is not a plan."). */
	if (k == 0 && d->pvoice[d->tk.v[e->tok].para] &&
	    !names_someone(d, s) && !(pol_layers_off() & POL_OFF_LINKING)) {
		who[0] = d->pnarr[d->tk.v[e->tok].para];
		*route = ROUTE_NARRATOR;
		return 1;
	}
	return k;
}

/* The factor of the intensifier or diminisher just before token i in
 * its clause [a, ...), 1 when there is none. */
static double
boost_at(const struct doc *d, size_t a, size_t i)
{
	size_t n;

	if (i > a && kind_at(d, i - 1) == POL_BOOST)
		return match_at(d, i - 1, &n)->v / 1000.0;
	return 1.0;
}

/* FNV-1a of the article's text: names it in the feature dump. */
static uint32_t
text_hash(const struct doc *d)
{
	return hash_fnv1a(d->text, d->len);
}

/* One row of the feature dump (pol_dump_file()): the named features
 * the evidence's weight is the product of, for person `person` (-1: the
 * article), so that a fit can recompute every weight without a run. */
static void
dump_row(FILE *fp, const struct doc *d, uint32_t h, int person,
	 enum route route, int pol, double value, enum cue_kind kind,
	 enum cue_link link, unsigned rules, size_t tok, size_t ntok,
	 int unlinked, const char *source)
{
	size_t a, b;

	clause_of(d, tok, &a, &b);
	fprintf(fp, "E\t%08x\t%d\t%s\t%d\t%.3f\t%s\t%s\t%u\t%.3f\t%zu"
		"\t%d\t%s\n", (unsigned)h, person, route_name[route], pol,
		fabs(value), doc_cue_kind_name(kind), doc_cue_link_name(link),
		rules, boost_at(d, a, tok), ntok, unlinked, source);
}


/* Drops from who[0..n) a practitioner (prac[], mark_practitioners())
 * for evidence e outside quotations, where the text tells what the
 * practitioner does in the job ("Marsh objected to the scene"), not a
 * view of it; and in a quotation, when e is linked to the topic only by
 * the practitioner's own mention: a coordinator's words about her own
 * work are no view of the topic. Returns the new count. */
static size_t
not_self(const struct doc *d, const struct ev *e, const unsigned char *prac,
	 int *who, size_t n)
{
	size_t j, k;
	int m;

	if (d->tk.v[e->tok].quote < 0) {
		for (j = k = 0; j < n; j++)
			if (who[j] < 0 || !prac[who[j]])
				who[k++] = who[j];
		return k;
	}
	if (e->target == DOC_NONE || (m = doc_mention_at(d, e->target)) < 0 ||
	    !prac[d->m[m].person])
		return n;
	for (j = k = 0; j < n; j++)
		if (who[j] != d->m[m].person)
			who[k++] = who[j];
	return k;
}

/* 1 when evidence e is a call for the topic to be in some state ("calling
 * for intimacy coordinators to be available on request rather than
 * required"): the call is for that state, which may be less of the
 * topic as well as more, so it says nothing of the topic itself. */
static int
call_for_state(const struct doc *d, const struct ev *e)
{
	size_t j = e->tok + e->ntok, b = d->clb[e->tok], k;

	if (e->kind != CUE_LEX || e->ntok != 2 ||
	    !tok_is(&d->tk, e->tok + 1, "for") ||
	    !(tok_is(&d->tk, e->tok, "call") ||
	      tok_is(&d->tk, e->tok, "calls") ||
	      tok_is(&d->tk, e->tok, "called") ||
	      tok_is(&d->tk, e->tok, "calling")))
		return 0;
	for (k = 0; j < b && k < POL_OBJECT_WINDOW && !is_topic(d, j); j++, k++)
		if (!(doc_lex(d, j) & (LEX_DET | LEX_INDEF)))
			return 0;
	while (j < b && is_topic(d, j))
		j++;
	return j + 1 < b && k < POL_OBJECT_WINDOW && j > e->tok + e->ntok &&
	       tok_is(&d->tk, j, "to") && tok_is(&d->tk, j + 1, "be");
}

static void
count_cues(struct doc *d)
{
	struct evs all = { NULL, 0, 0 };
	unsigned char *used, *prac;
	FILE *dump = pol_dump_file();
	uint32_t h = dump ? text_hash(d) : 0;
	size_t i, j, n;

	index_doc(d);
	/* first: the lexicon matches depend on the words alone, and
	 * mark_mandates() asks for them */
	cache_matches(d);
	prac = pt_xcalloc(d->np + 1, 1);
	if (!(pol_layers_off() & POL_OFF_LINKING)) {
		mark_mandates(d);
		mark_practitioners(d, prac);
	}
	narrators(d);
	collect(d, &all);
	used = pt_xmalloc(d->tk.n + 1);
	memset(used, 0, d->tk.n + 1);
	for (i = 0; i < all.n; i++) {
		all.v[i].w = 0;
		if (all.v[i].kind == CUE_ABSENCE)
			continue;
		if (!relevant(d, all.v[i].tok) ||
		    (!(pol_layers_off() & POL_OFF_COMPOSITION) &&
		     call_for_state(d, &all.v[i])))
			continue;
		compose(d, &all.v[i], used);
	}
	for (i = 0; i < all.n; i++)
		if (all.v[i].kind == CUE_ABSENCE && !used[all.v[i].tok] &&
		    relevant(d, all.v[i].tok))
			compose(d, &all.v[i], used);
	for (i = 0; i < all.n; i++) {
		const struct ev *e = &all.v[i];
		long long wm = llround(e->w * 1000.0);
		int who[ATTRIB_MAX_SUBJECTS];
		enum route route;

		if (e->pol == 0)
			continue; /* not composed: not about the topic */
		n = whose(d, e, who, &route);
		n = not_self(d, e, prac, who, n);
		if (dump) {
			if (n == 0)
				dump_row(dump, d, h, -1, route, e->pol,
					 e->value, e->kind, e->link, e->rules,
					 e->tok, e->ntok, e->unlinked,
					 e->source);
			for (j = 0; j < n; j++)
				dump_row(dump, d, h, who[j], route, e->pol,
					 e->value, e->kind, e->link, e->rules,
					 e->tok, e->ntok, e->unlinked,
					 e->source);
		}
		if (wm <= 0)
			continue;
		if (d->nc + ATTRIB_MAX_SUBJECTS > DOC_MAX_CUES) {
			d->truncated = 1; /* the article and its people alike */
			break;
		}
		if (e->pol > 0) {
			d->pro++;
			d->prom += wm;
		} else {
			d->con++;
			d->conm += wm;
		}
		if (n == 0)
			add_cue(d, e, -1, wm);
		for (j = 0; j < n; j++)
			add_cue(d, e, who[j],
				llround(e->w * route_weight(route) * 1000.0));
	}
	free(used);
	free(prac);
	free(all.v);
}

/* 1 when a noun for a group's text ends right before token i (the
 * motion, the letter, the amendment), so that "was moved by A" names
 * its author: a passive "by" phrase after anything else is no
 * authorship ("I was moved by A"). */
static int
text_before(const struct doc *d, size_t i)
{
	static const char *const texts[] = { "motion", "motions", "letter",
		"letters", "petition", "amendment", "resolution", "statement",
		"bill", "proposal", "report", "declaration", "manifesto",
		"pledge", "charter", "code", "policy", "guidance", "guidelines",
		"document", NULL };

	return i > 0 && tok_index(&d->tk, i - 1, texts) >= 0;
}

/* 1 when sentence s introduces its first subject as a member of a group
 * ("Among the signatories are A, B and C"): a member phrase ends at
 * most POL_MEMBER_GAP words ("the actors") before the name. */
static int
members_at(const struct doc *d, uint32_t s)
{
	size_t i, n, j;

	for (i = d->sent_start[s]; i < d->sent_start[s + 1]; i++) {
		const struct pol_entry *p = match_at(d, i, &n);

		if (!p || p->kind != POL_MEMBER)
			continue;
		if (tok_is(&d->tk, i + n - 1, "by") && !text_before(d, i)) {
			i += n - 1;
			continue;
		}
		for (j = i + n; j < d->sent_start[s + 1] &&
		     j <= i + n + POL_MEMBER_GAP; j++)
			if (doc_mention_at(d, j) >= 0)
				return d->m[doc_mention_at(d, j)].person ==
				       d->who[(size_t)s * ATTRIB_MAX_SUBJECTS];
		i += n - 1;
	}
	return 0;
}

/* The members that the member sentence s lists (members_at()), when
 * attrib.c took only part of the list because a name carries a phrase
 * of its own ("Among the signatories are A, whose film won at Adelaide,
 * B and C"; "The signatories include A of Quillfire, B of Northlight and
 * C"): every name after the member phrase, outside quotations, that no
 * preposition or possessive governs ("by D", "D's"), appended to
 * who[0..n) (room for ATTRIB_MAX_SUBJECTS). Returns the new count. */
static size_t
member_names(const struct doc *d, uint32_t s, int *who, size_t n)
{
	size_t s1 = d->sent_start[s + 1], i, j, k, np = 0;
	int by;

	for (i = d->sent_start[s]; i < s1; i++) {
		const struct pol_entry *p = match_at(d, i, &np);

		if (p && p->kind == POL_MEMBER)
			break;
	}
	if (i == s1)
		return n;
	/* "was moved by A and seconded by B": "by" names the authors. */
	by = tok_is(&d->tk, i + np - 1, "by");
	for (i += np; i < s1 && n < ATTRIB_MAX_SUBJECTS; i++) {
		int m = doc_mention_at(d, i);

		if (m < 0 || d->m[m].tok != i || d->m[m].pronoun ||
		    d->tk.v[i].quote >= 0)
			continue;
		j = i;
		while (j > 0 && (doc_lex(d, j - 1) & LEX_TITLE) &&
		       (d->tk.v[j - 1].flags & TOK_CAP))
			j--;
		k = i + d->m[m].ntok;
		if ((j > 0 && (doc_lex(d, j - 1) & LEX_PREP) &&
		     !(by && tok_is(&d->tk, j - 1, "by"))) ||
		    (k < s1 && tok_punct(&d->tk, k, '\''))) {
			i = k - 1;
			continue;
		}
		for (j = 0; j < n && who[j] != d->m[m].person; j++)
			;
		if (j == n)
			who[n++] = d->m[m].person;
		i = k - 1;
	}
	return n;
}

/* 1 when evidence in paragraph cp may be the group's view for the
 * member sentence s of paragraph para: the same paragraph, or, when the
 * list opens its own paragraph ("Among the signatories are A, B and
 * C."), the paragraphs before it (the sentence window bounds them). */
static int
member_para(const struct doc *d, uint32_t s, uint32_t cp, uint32_t para)
{
	if (cp == para)
		return 1;
	return cp < para && (d->tk.v[d->sent_start[s]].flags & TOK_PSTART);
}

/* The members of a group share the view the group expressed: a sentence
 * that lists them (members_at()) with no evidence of its own takes the
 * evidence that counted for nobody in the sentences just before it in
 * its paragraph ("More than 300 writers signed a letter urging the
 * studio to drop the deal. Among the signatories are A and B."). */
static void
count_members(struct doc *d)
{
	uint32_t s;
	size_t i, j, nc = d->nc;
	FILE *dump = pol_dump_file();
	uint32_t h = dump ? text_hash(d) : 0;

	for (s = 1; s < d->tk.nsent; s++) {
		int subj[ATTRIB_MAX_SUBJECTS];
		size_t n = d->nwho[s];
		uint32_t para = d->tk.v[d->sent_start[s]].para;
		int own = 0;

		if (n == 0 || !members_at(d, s))
			continue;
		memcpy(subj, d->who + (size_t)s * ATTRIB_MAX_SUBJECTS,
		       n * sizeof(*subj));
		n = member_names(d, s, subj, n);
		for (i = 0; i < nc && !own; i++)
			own = d->c[i].sent == s && d->c[i].person >= 0;
		if (own)
			continue;
		for (i = 0; i < nc; i++) {
			struct cue c = d->c[i];
			struct ev e;

			if (c.person >= 0 || c.sent >= s ||
			    c.sent + POL_MEMBER_SENTS < s ||
			    !member_para(d, s, d->tk.v[c.tok].para, para))
				continue;
			memset(&e, 0, sizeof(e));
			e.tok = c.tok;
			e.ntok = c.ntok;
			e.pol = c.polarity;
			e.neg = c.neg_tok;
			e.phrase = c.phrase;
			e.source = c.source;
			e.value = c.value / 1000.0;
			e.kind = c.kind;
			e.link = c.link;
			e.rules = c.rules | RULE_MEMBER;
			if (c.negated)
				e.rules |= RULE_NEGATED;
			for (j = 0; j < n; j++) {
				if (dump)
					dump_row(dump, d, h, subj[j],
						 ROUTE_MEMBER, e.pol, e.value,
						 e.kind, e.link, e.rules,
						 e.tok, e.ntok, 0, e.source);
				add_cue(d, &e, subj[j],
					llround(c.wm * route_weight(
						ROUTE_MEMBER)));
			}
		}
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

/* The article's rows of the feature dump: its name and people (the
 * evidence rows come from count_cues() and count_members()). */
static void
dump_people(const struct doc *d, FILE *fp)
{
	size_t i;

	fprintf(fp, "A\t%08x\t%zu\n", (unsigned)text_hash(d), d->len);
	for (i = 0; i < d->np; i++)
		if (d->p[i].mentions)
			fprintf(fp, "P\t%08x\t%zu\t%s\n",
				(unsigned)text_hash(d), i, d->p[i].name);
}

void
polarity_run(struct doc *d)
{
	FILE *dump = pol_dump_file();

	if (dump)
		dump_people(d, dump);
	count_cues(d);
	count_members(d);
	pick_evidence(d);
	if (dump)
		fflush(dump);
}
