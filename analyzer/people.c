/* people.c -- finding the people an article names.
 *
 * 1. Figures of the topic file are found by their aliases.
 * 2. Other names are runs of capitalised words (with particles such as
 *    "de", "van", "bin", and initials), stripped of leading sentence
 *    starters, titles and roles. A run of two or more words is a person
 *    when some occurrence has evidence: a known given name, a role or
 *    title just before it ("director X", "Dame X"), a speech verb after it
 *    ("X said", "X, who", "X, a producer,"), an inverted speech verb before
 *    it ("said X"), or a place in a list next to an accepted person
 *    ("include A, B and C"). Runs containing organisation words (Guild,
 *    Studios, Globes...) are never people.
 * 3. A single capitalised word resolves to a person met anywhere in the
 *    article by surname (or, when unique, by given name); failing that it
 *    is a person of its own only with strong evidence around it.
 *
 * Non-goals: people named only by an epithet ("the veteran producer").
 */
#include "analyzer/doc.h"

#include "analyzer/lexicon.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

enum evidence {
	EV_GIVEN = 1 << 0,
	EV_ROLE = 1 << 1,
	EV_TITLE = 1 << 2,
	EV_SPEECH = 1 << 3,
	EV_INV = 1 << 4,
	EV_APPOS = 1 << 5,
	EV_LIST = 1 << 6,
	EV_WORK = 1 << 7,   /* after "film", "series": a title (negative) */
	EV_PREP = 1 << 8    /* after a preposition (weakens the rest) */
};

/* Evidence that makes a person by itself. */
#define EV_STRONG (EV_GIVEN | EV_ROLE | EV_TITLE | EV_SPEECH | EV_INV | \
		   EV_APPOS | EV_LIST)

struct cand {
	size_t a, b;     /* name tokens [a, b) */
	unsigned ev;     /* enum evidence bits of this occurrence */
	int accepted;    /* 1 once judged a person */
	int person;      /* index into d->p, or -1 */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static int
is_cap_word(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];

	if ((k->flags & (TOK_WORD | TOK_CAP | TOK_NUM)) != (TOK_WORD | TOK_CAP))
		return 0;
	/* Acronyms (THR, BBC) are not names; one-letter initials are. */
	if ((k->flags & TOK_ALLCAP) && k->kl > 1)
		return 0;
	return 1;
}

static int
in_title_quote(const struct doc *d, size_t i)
{
	size_t j;

	/* Inside a quoted span that is not a quotation (a title). */
	for (j = 0; j < d->nq; j++)
		if (!d->q[j].direct && i >= d->q[j].t0 && i < d->q[j].t1)
			return 1;
	return 0;
}

static int
same_sent(const struct doc *d, size_t i, size_t j)
{
	return i < d->tk.n && j < d->tk.n && d->tk.v[i].sent == d->tk.v[j].sent;
}

static int
is_adverb(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return (d->tk.v[i].flags & TOK_WORD) && kl > 3 &&
	       memcmp(k + kl - 2, "ly", 2) == 0;
}

/* Words that may stand between a subject and its speech verb. */
static int
is_aux(const struct doc *d, size_t i)
{
	static const char *const aux[] = { "also", "later", "has", "had",
		"have", "once", "then", "recently", "previously", "was", "is",
		"even", "would", "will", "went", "again", "herself", "himself",
		"last", "year", "week", "month", "this", "in", "an", "a",
		"interview", "statement", NULL };
	size_t j;

	if (is_adverb(d, i))
		return 1;
	for (j = 0; aux[j]; j++)
		if (tok_is(&d->tk, i, aux[j]))
			return 1;
	return 0;
}

static int
is_speech(const struct doc *d, size_t i)
{
	return i < d->tk.n && ((doc_lex(d, i) & LEX_SPEECH) ||
			       (d->tmark[i] & TM_SPEECH));
}

static int
is_role_before(const struct doc *d, size_t i)
{
	return i < d->tk.n && doc_is_role(d, i) &&
	       !((d->tk.v[i].flags & TOK_CAP) && (doc_lex(d, i) & LEX_GIVEN));
}

/* Evidence around the occurrence [a, b). */
static unsigned
evidence_at(const struct doc *d, size_t a, size_t b)
{
	unsigned ev = 0;
	size_t j, steps;

	if (doc_lex(d, a) & LEX_GIVEN)
		ev |= EV_GIVEN;
	/* "the comedy Paper Lanterns": a title, whatever follows. */
	if (a > 0 && same_sent(d, a - 1, a) && (doc_lex(d, a - 1) & LEX_WORK))
		return EV_WORK;
	/* "in Leeds, the director", "of Marquee Metrics said": after a
	 * preposition only a given name, role or title makes a person. */
	if (a > 0 && same_sent(d, a - 1, a) && (doc_lex(d, a - 1) & LEX_PREP))
		return ev | EV_PREP;
	if (a > 1 && same_sent(d, a - 2, a) && tok_punct(&d->tk, a - 1, ',') &&
	    is_role_before(d, a - 2))
		ev |= EV_ROLE; /* "Its president, Dorothea Vance-Kilbride," */
	if (a > 0 && same_sent(d, a - 1, a)) {
		if (is_role_before(d, a - 1))
			ev |= EV_ROLE;
		if (doc_lex(d, a - 1) & LEX_TITLE)
			ev |= EV_TITLE;
		if ((doc_lex(d, a - 1) & LEX_SPEECH_INV) &&
		    !(a > 1 && (doc_lex(d, a - 2) & LEX_PRONOUN)))
			ev |= EV_INV;
	}
	/* "X said", "X bluntly stated", "X, who", "X, a director," */
	j = b;
	if (j < d->tk.n && same_sent(d, j, a) && tok_punct(&d->tk, j, ',')) {
		size_t k = j + 1;

		if (tok_is(&d->tk, k, "who") || is_role_before(d, k))
			ev |= EV_APPOS;
		if (tok_is(&d->tk, k, "a") || tok_is(&d->tk, k, "an") ||
		    tok_is(&d->tk, k, "the") || tok_is(&d->tk, k, "its") ||
		    tok_is(&d->tk, k, "his") || tok_is(&d->tk, k, "her")) {
			for (k = j + 2; k < j + 6 && same_sent(d, k, a); k++) {
				if (is_role_before(d, k)) {
					ev |= EV_APPOS;
					break;
				}
				if (tok_punct(&d->tk, k, ','))
					break;
			}
		}
		if (k < d->tk.n && (d->tk.v[j + 1].flags & TOK_NUM) &&
		    tok_punct(&d->tk, j + 2, ','))
			ev |= EV_APPOS; /* "X, 31, said" */
		return ev;
	}
	for (steps = 0; j < d->tk.n && steps < 4 && same_sent(d, j, a);
	     j++, steps++) {
		if (is_speech(d, j)) {
			ev |= EV_SPEECH;
			break;
		}
		if (!is_aux(d, j))
			break;
	}
	return ev;
}

static int
blocked(const struct doc *d, size_t i)
{
	unsigned lx = doc_lex(d, i);
	size_t kl;
	const char *k = doc_key(d, i, &kl);
	const char *ap = memchr(k, '\'', kl);

	if (d->tmark[i] & (TM_NONPERSON | TM_FIGURE))
		return 1;
	/* Contractions: "I'm", "He'd", "They've". */
	if (ap && (lexicon_lookup(k, (size_t)(ap - k)) &
		   (LEX_PRONOUN | LEX_FUNC)))
		return 1;
	return (lx & LEX_ORG) != 0;
}

/* Leading words that are not part of a name. Sets *ev for titles/roles. */
static size_t
trim_front(const struct doc *d, size_t a, size_t b, unsigned *ev)
{
	while (a < b) {
		unsigned lx = doc_lex(d, a);

		if (lx & LEX_TITLE) {
			*ev |= EV_TITLE;
		} else if (doc_is_role(d, a) && !(lx & LEX_GIVEN)) {
			*ev |= EV_ROLE;
		} else if (lx & LEX_GIVEN) {
			break;
		} else if (!(lx & (LEX_FUNC | LEX_MONTHDAY | LEX_PRONOUN))) {
			break;
		}
		a++;
		/* Skip an initial's full stop left behind. */
		while (a < b && (d->tk.v[a].flags & TOK_PUNCT))
			a++;
	}
	return a;
}

static void
key_of(const struct doc *d, size_t a, size_t b, struct buf *out)
{
	size_t i, kl;

	buf_reset(out);
	for (i = a; i < b; i++) {
		const char *k = doc_key(d, i, &kl);

		if (!(d->tk.v[i].flags & TOK_WORD))
			continue;
		if (out->len)
			buf_addc(out, ' ');
		buf_add(out, k, kl);
	}
}

static int
find_person_key(const struct doc *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->np; i++)
		if (strcmp(d->p[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int
new_person(struct doc *d, const char *display, size_t dlen, const char *key,
	   int figure, size_t first_tok)
{
	struct person *p;
	const char *sp = strrchr(key, ' ');
	const char *fs = strchr(key, ' ');
	unsigned lx;

	pt_xgrow((void **)&d->p, &d->capp, d->np + 1, sizeof(*d->p));
	p = &d->p[d->np];
	memset(p, 0, sizeof(*p));
	p->name = norm_nfc(display, dlen);
	p->key = pt_xstrdup(key);
	p->last = pt_xstrdup(sp ? sp + 1 : key);
	p->first = fs ? pt_xstrndup(key, (size_t)(fs - key)) : NULL;
	p->figure = figure;
	p->evidence = DOC_NONE;
	p->first_tok = first_tok;
	if (p->first) {
		lx = lexicon_lookup(p->first, strlen(p->first));
		if ((lx & LEX_GIVEN) == LEX_GIVEN_F)
			p->gender = GENDER_F;
		else if ((lx & LEX_GIVEN) == LEX_GIVEN_M)
			p->gender = GENDER_M;
	}
	return (int)d->np++;
}

static void
add_mention(struct doc *d, size_t tok, size_t ntok, int person)
{
	struct mention *m;

	pt_xgrow((void **)&d->m, &d->capm, d->nm + 1, sizeof(*d->m));
	m = &d->m[d->nm++];
	m->tok = tok;
	m->ntok = ntok;
	m->person = person;
	m->pronoun = 0;
	d->p[person].mentions++;
	if (tok < d->p[person].first_tok)
		d->p[person].first_tok = tok;
}

static int
cmp_mention(const void *a, const void *b)
{
	const struct mention *x = a, *y = b;

	return x->tok < y->tok ? -1 : x->tok > y->tok;
}

/* Number of lower-case name particles starting at token b ("de la",
 * "van der"), at most two. */
static size_t
particles(const struct doc *d, size_t b)
{
	size_t k = 0;

	while (k < 2 && b + k < d->tk.n &&
	       (doc_lex(d, b + k) & LEX_PARTICLE) &&
	       !(d->tk.v[b + k].flags & TOK_CAP))
		k++;
	return k;
}

static void
scan_candidates(struct doc *d, struct cands *c)
{
	size_t i = 0, n = d->tk.n;

	while (i < n) {
		size_t a, b;
		unsigned ev = 0;

		if (!is_cap_word(d, i) || blocked(d, i) || in_title_quote(d, i)) {
			i++;
			continue;
		}
		b = i + 1;
		while (b < n && b - i < 6 && same_sent(d, i, b) &&
		       !(d->tk.v[b - 1].flags & TOK_POSS) &&
		       !(d->tk.v[b].flags & TOK_NLBEFORE)) {
			if (is_cap_word(d, b) && !(d->tmark[b] & TM_FIGURE)) {
				b++;
			} else if (particles(d, b) &&
				   b + particles(d, b) < n &&
				   is_cap_word(d, b + particles(d, b))) {
				/* "van Rijswijk", "de la Fuente" */
				b += particles(d, b) + 1;
			} else if (d->tk.v[b - 1].kl == 1 &&
				   tok_punct(&d->tk, b, '.') && b + 1 < n &&
				   is_cap_word(d, b + 1)) {
				b += 2; /* an initial: "J. Smith" */
			} else {
				break;
			}
		}
		a = trim_front(d, i, b, &ev);
		if (a < b) {
			size_t j;
			int bad = 0;

			for (j = a; j < b; j++)
				if (blocked(d, j) ||
				    ((doc_lex(d, j) & LEX_PLACE) &&
				     !(doc_lex(d, a) & LEX_GIVEN)))
					bad = 1;
			if (!bad) {
				struct cand *k;

				pt_xgrow((void **)&c->v, &c->cap, c->n + 1,
					 sizeof(*c->v));
				k = &c->v[c->n++];
				k->a = a;
				k->b = b;
				k->ev = ev | evidence_at(d, a, b);
				k->accepted = 0;
				k->person = -1;
			}
		}
		i = b;
	}
}

static size_t
nwords(const struct doc *d, const struct cand *k)
{
	size_t i, n = 0;

	for (i = k->a; i < k->b; i++)
		if (d->tk.v[i].flags & TOK_WORD)
			n++;
	return n;
}

/* Figures: every alias match is a mention of the figure. */
static void
find_figures(struct doc *d, const struct topic *t)
{
	size_t h;
	int *fig2p;
	size_t nf = topic_nfigures(t);
	size_t last_end = 0;

	if (nf == 0)
		return;
	fig2p = pt_xmalloc(nf * sizeof(*fig2p));
	for (h = 0; h < nf; h++)
		fig2p[h] = -1;
	for (h = 0; h < d->nhits; h++) {
		const struct doc_hit *x = &d->hits[h];
		int f = x->h.figure;

		if (x->h.kind != TOPIC_FIGURE || f < 0)
			continue;
		if (x->tok < last_end)
			continue; /* a shorter alias inside a longer one */
		if (fig2p[f] < 0) {
			const char *name = topic_figure(t, (size_t)f);
			char *key = norm_key(name, strlen(name));

			fig2p[f] = new_person(d, name, strlen(name), key, f,
					      x->tok);
			free(key);
		}
		add_mention(d, x->tok, x->h.ntok, fig2p[f]);
		last_end = x->tok + x->h.ntok;
	}
	free(fig2p);
}

static int
person_by_single(const struct doc *d, const char *k, size_t kl)
{
	size_t i;
	int hit = -1, firsthit = -1, nfirst = 0;

	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];

		if (strlen(p->last) == kl && memcmp(p->last, k, kl) == 0 &&
		    (p->first || p->mentions > 0))
			hit = (int)i;
		if (p->first && strlen(p->first) == kl &&
		    memcmp(p->first, k, kl) == 0) {
			firsthit = (int)i;
			nfirst++;
		}
		/* A hyphenated surname's last part: "Peña-Whitlow" also
		 * answers to nothing shorter; keep exact. */
	}
	if (hit >= 0)
		return hit;
	return nfirst == 1 ? firsthit : -1;
}

void
people_find(struct doc *d, const struct topic *t)
{
	struct cands c = { NULL, 0, 0 };
	struct buf key = BUF_INIT, key2 = BUF_INIT;
	size_t i, j;
	int changed;

	find_figures(d, t);
	scan_candidates(d, &c);

	/* Accept multi-word candidates with evidence. */
	for (i = 0; i < c.n; i++)
		if (nwords(d, &c.v[i]) >= 2 && (c.v[i].ev & EV_STRONG) &&
		    !(c.v[i].ev & EV_WORK))
			c.v[i].accepted = 1;
	/* Evidence at one occurrence covers every occurrence of the name;
	 * a list next to an accepted person or figure makes a person. */
	do {
		changed = 0;
		for (i = 0; i < c.n; i++) {
			if (c.v[i].accepted || nwords(d, &c.v[i]) < 2 ||
			    (c.v[i].ev & EV_WORK))
				continue;
			key_of(d, c.v[i].a, c.v[i].b, &key);
			for (j = 0; j < c.n && !c.v[i].accepted; j++) {
				if (!c.v[j].accepted)
					continue;
				key_of(d, c.v[j].a, c.v[j].b, &key2);
				if (strcmp(key.p, key2.p) == 0)
					c.v[i].accepted = 1;
			}
			for (j = 0; j < c.n && !c.v[i].accepted; j++)
				if (c.v[j].accepted &&
				    (doc_list_gap(d, c.v[j].b, c.v[i].a) ||
				     doc_list_gap(d, c.v[i].b, c.v[j].a)))
					c.v[i].accepted = 1;
			for (j = 0; j < d->nm && !c.v[i].accepted; j++) {
				size_t e = d->m[j].tok + d->m[j].ntok;

				if (doc_list_gap(d, e, c.v[i].a) ||
				    doc_list_gap(d, c.v[i].b, d->m[j].tok))
					c.v[i].accepted = 1;
			}
			if (c.v[i].accepted) {
				c.v[i].ev |= EV_LIST;
				changed = 1;
			}
		}
	} while (changed);

	/* People from accepted candidates, merged by key, or by given name
	 * and surname when a middle name differs. */
	for (i = 0; i < c.n; i++) {
		struct cand *k = &c.v[i];
		int p;

		if (!k->accepted)
			continue;
		key_of(d, k->a, k->b, &key);
		p = find_person_key(d, key.p);
		if (p < 0) {
			const char *sp = strrchr(key.p, ' ');
			size_t fl = (size_t)(strchr(key.p, ' ') - key.p);

			for (j = 0; j < d->np && p < 0; j++)
				if (d->p[j].first &&
				    strcmp(d->p[j].last, sp + 1) == 0 &&
				    strlen(d->p[j].first) == fl &&
				    memcmp(d->p[j].first, key.p, fl) == 0)
					p = (int)j;
		}
		/* "Ó Briain" after "Niamh Ó Briain": a trailing run of
		 * a known name is the same person. */
		for (j = 0; j < d->np && p < 0; j++) {
			size_t pl = strlen(d->p[j].key), kl2 = key.len;

			if (pl > kl2 && d->p[j].key[pl - kl2 - 1] == ' ' &&
			    strcmp(d->p[j].key + pl - kl2, key.p) == 0)
				p = (int)j;
		}
		if (p < 0) {
			const struct tok *ta = &d->tk.v[k->a];
			const struct tok *tb = &d->tk.v[k->b - 1];

			p = new_person(d, d->text + ta->o,
				       tb->o + tb->ol - ta->o, key.p, -1, k->a);
		}
		k->person = p;
		add_mention(d, k->a, k->b - k->a, p);
	}
	/* Single words: surnames and given names of known people, or people
	 * of their own with strong evidence. */
	for (i = 0; i < c.n; i++) {
		struct cand *k = &c.v[i];
		size_t kl, a = k->a;
		const char *kk;
		int p;

		if (k->accepted)
			continue;
		/* A rejected multi-word run may end in a known surname
		 * ("Veteran Field"); only single words are resolved. */
		if (nwords(d, k) != 1)
			continue;
		kk = doc_key(d, a, &kl);
		if (doc_lex(d, a) & (LEX_FUNC | LEX_PLACE | LEX_MONTHDAY |
				     LEX_PRONOUN | LEX_ROLE))
			continue;
		p = person_by_single(d, kk, kl);
		/* A name of one word needs a role or title before it,
		 * "said X", or a speech verb after it away from the start
		 * of a sentence ("People say" is no name). */
		if (p < 0 && !(k->ev & (EV_PREP | EV_WORK)) &&
		    ((k->ev & (EV_INV | EV_ROLE | EV_TITLE)) ||
		     ((k->ev & (EV_SPEECH | EV_APPOS)) &&
		      !(d->tk.v[a].flags & TOK_SSTART)))) {
			buf_reset(&key);
			buf_add(&key, kk, kl);
			p = new_person(d, d->text + d->tk.v[a].o,
				       d->tk.v[a].ol, key.p, -1, a);
		}
		if (p >= 0)
			add_mention(d, a, 1, p);
	}
	if (d->nm > 1)
		qsort(d->m, d->nm, sizeof(*d->m), cmp_mention);
	buf_release(&key);
	buf_release(&key2);
	free(c.v);
}
