/* people.c -- finding the people an article names.
 *
 * 1. Figures of the topic file are found by their aliases.
 * 2. Other names are runs of capitalised words (with particles such as
 *    "de", "van", "bin", and initials), stripped of leading sentence
 *    starters, titles and roles, and of job titles inside or at the end
 *    ("Home Secretary Jane Doe", "Art Director"). A run of two or more
 *    words is a person when some occurrence has evidence: a known given
 *    name (the hand-made list or the gazetteer of given.h, hyphenated
 *    ones included), a role or title just before it ("director X", "Dame
 *    X"), a speech verb after it ("X said", "X, who", "X, whose", "X, a
 *    producer,", "X, a fellow at the institute, said"), an inverted
 *    speech verb before it ("said X"), a place in a list next to an
 *    accepted person ("include A, B and C"), or its surname standing alone
 *    elsewhere in the article. Runs containing organisation words (Guild,
 *    Studios, Globes...) or places are never people.
 *    Some names are read by their form: the authors of a reference list
 *    ("Ruskin KJ, Hueske-Kraus D."), a romanised Korean or Chinese name
 *    ("Park Ji-sung", "Lee Ho Jun"), a name in Cyrillic (a transliterated
 *    given name or a surname's suffix; each word keyed by its stem, so
 *    that inflected forms are one person), an Arabic surname of origin
 *    ("Al-Albani"), the rows of a table of people. Evidence of a person
 *    also: what only a person has or does ("X's wife", "X himself", "X
 *    (1921-1999)"), a work one person makes ("X's painting", "directed
 *    by X"), "a man named X", honorifics, roles and verbs of saying of
 *    other languages ("Nabi X", "kata X", "disse X").
 *    Evidence against: a character ("agreed to play X ... the part", "the
 *    story follows X", "you play as X", "as Admiral X" and "Chris Pine's
 *    X" in a sentence about acting, "Astrid (Freya Holm)"), a thing or a
 *    title ("its electric X Y", "X Y's battery", "Mac Pro", "games like
 *    X", "<Tale of X>", "forces known as X", "The special, X,", "her
 *    record X", "Storm X"), an organisation ("the Dhaka weekly X Y", "X,
 *    the dubbing company,", "X Athletic", "Procter & Gamble", "X Y will
 *    show its"), the short form of a company's name ("X Y" after "X Y
 *    Corporation"); evidence against one occurrence of a name holds for
 *    all of them unless one has evidence around it.
 *    A birth name ("Born X Y in 1937, she") is a mention of the person
 *    born so; "Lucia and Matias Ferrer" names Lucia Ferrer.
 * 3. A single capitalised word resolves to a person met anywhere in the
 *    article by surname (or, when unique, by given name, its short form
 *    or nickname, or the first of two surnames: "Liz", "Feijoo"); failing
 *    that it is a person of its own only with strong evidence around it
 *    (or as an item of a list of people); never a company's name ("Audi
 *    has revealed ... its"), a word after an acronym ("JP Morgan") or a
 *    given name two people share.
 *
 * Non-goals: people named only by an epithet ("the veteran producer").
 */
#include "analyzer/stance/people.h"

#include "analyzer/stance/doc.h"
#include "analyzer/stance/given.h"
#include "analyzer/stance/topic.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/hash.h"

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
	EV_PREP = 1 << 8,   /* after a preposition (weakens the rest) */
	EV_LATER = 1 << 9,  /* its surname stands alone later (or before) */
	EV_NAMELIKE = 1 << 10, /* every word a given name or a word no
				  dictionary has ("Kepa Arrizabalaga") */
	EV_PLACE_PREP = 1 << 11, /* after "in", "at", "from": a place more
				    likely than a person (negative) */
	EV_CHAR = 1 << 12,  /* after "plays", "role of": a character
			       (negative) */
	EV_BYLINE = 1 << 13, /* "By X Y" opening a paragraph: the author */
	EV_SAID = 1 << 14,  /* with EV_SPEECH: a verb of saying ("said",
			       "added"), not of opinion ("think") */
	EV_TITLEROLE = 1 << 15, /* after a capitalised role inside a
				   sentence, a dictionary word: a title
				   ("LEGO Star Wars") or a known person
				   ("President Trump"), never a new one */
	EV_COMMON2 = 1 << 16, /* two dictionary words and no given name
				("Blue Origin", "Tiger Woods") */
	EV_THING = 1 << 17, /* used as a thing: after "the", before "probe"
			       or "teacher Ana Pike", "at Heinz Field"
			       (negative, for runs) */
	EV_PLACE1 = 1 << 18, /* a place, then one unknown word ("Cairo
				Mitchell"): a person only with evidence
				around it */
	EV_HESHE = 1 << 19, /* the sentence's subject, with "he", "his",
			       "she" or "her" after it ("Kit Harrowgate had
			       been promised it would change his life") */
	EV_THINGNAME = 1 << 20, /* the article also writes it before an
				organisation word ("Sierra Nevada" after
				"Sierra Nevada Corporation": the short
				form of a company's name), or as a title
				or a character ("agreed to play Rose-Lynn
				Harlan"): a person only with evidence
				around it (negative) */
	EV_SSTITLE = 1 << 21, /* a role opening a sentence, a dictionary word
				and more ("Star Wars Jedi: Fallen Order
				is"): EV_TITLEROLE unless the run has a
				verb or an apposition of a person
				("Choreographer Pinky Dsouza-Rane, who") */
	EV_AUTHOR = 1 << 22, /* whose work of one's own follows ("Van Gogh's
			       famous painting", "Okafor's memoir") */
	EV_KIN = 1 << 23,   /* what only a person has or does: "Okafor's
			       wife", "Okafor himself", "Okafor, who was
			       born", "Okafor died" */
	EV_ORGAPPOS = 1 << 24 /* with EV_THING: an organisation's apposition
				 follows ("Zorvex, the chipmaker,") or a
				 maker of goods goes before ("the handset
				 maker Vantric"), so a single word is a
				 company at every occurrence */
};

/* Evidence that makes a person by itself. */
#define EV_STRONG (EV_GIVEN | EV_ROLE | EV_TITLE | EV_SPEECH | EV_INV | \
		   EV_APPOS | EV_LIST | EV_BYLINE | EV_AUTHOR | EV_KIN)
/* Evidence against: a title, a place, a character. */
#define EV_AGAINST (EV_WORK | EV_CHAR)
/* ... and for runs of two words or more. */
#define EV_AGAINST_RUN (EV_AGAINST | EV_TITLEROLE | EV_THING)

/* An article reads as English when at least this share (in percent) of
 * its words in lower case are English words (the lexicon's or the
 * dictionary's): English prose has over 90%, other languages well under
 * half. Only then is a run of words the English dictionary lacks evidence
 * of a name (German capitalises every noun, Indonesian has few words the
 * dictionary knows). The first PEOPLE_ENGLISH_SAMPLE such words decide. */
#define PEOPLE_ENGLISH_PCT 70
#define PEOPLE_ENGLISH_SAMPLE 400

/* Tokens after a sentence's first word that "its" (its_after()) or its
 * own "he" or "she" (own_pronoun()) may stand at. */
#define PEOPLE_ITS_WINDOW 14

/* A capitalised run is read up to this many words before job titles are
 * cut from it ("Indiana State Teachers Association President Keith
 * Gambill"); what is left may have PEOPLE_MAX_NAME_TOKENS. */
#define PEOPLE_RUN_WORDS (2 * PEOPLE_MAX_NAME_TOKENS)

struct cand {
	size_t a, b;     /* name tokens [a, b) */
	unsigned ev;     /* enum evidence bits of this occurrence */
	int accepted;    /* 1 once judged a person */
	int person;      /* index into d->p, or -1 */
	size_t nw;       /* words in the name */
	char *key;       /* matching key of the name, owned */
};

/* A string -> int hash table with borrowed keys, open addressing. Every
 * lookup is a hash and a probe or two, so finding people stays linear in
 * the article however many names it holds (a list of 20 000 names is a
 * page a crawler can meet). */
struct smap {
	const char **k;  /* keys, borrowed; NULL = empty slot */
	int *v;          /* values */
	size_t cap, n;   /* slots (a power of two) and entries */
};

static size_t
smap_hash(const char *s, size_t cap)
{
	return hash_fnv1a(s, strlen(s)) & (cap - 1);
}

static int
smap_get(const struct smap *m, const char *key)
{
	size_t h;

	if (!m->cap)
		return -1;
	for (h = smap_hash(key, m->cap); m->k[h]; h = (h + 1) & (m->cap - 1))
		if (strcmp(m->k[h], key) == 0)
			return m->v[h];
	return -1;
}

/* Sets key -> v (replacing an earlier value). */
static void
smap_put(struct smap *m, const char *key, int v)
{
	size_t h;

	if (2 * (m->n + 1) > m->cap) {
		struct smap bigger = { NULL, NULL, m->cap ? m->cap * 2 : 64, 0 };
		size_t i;

		bigger.k = pt_xcalloc(bigger.cap, sizeof(*bigger.k));
		bigger.v = pt_xcalloc(bigger.cap, sizeof(*bigger.v));
		for (i = 0; i < m->cap; i++)
			if (m->k[i])
				smap_put(&bigger, m->k[i], m->v[i]);
		free(m->k);
		free(m->v);
		*m = bigger;
	}
	for (h = smap_hash(key, m->cap); m->k[h]; h = (h + 1) & (m->cap - 1))
		if (strcmp(m->k[h], key) == 0) {
			m->v[h] = v;
			return;
		}
	m->k[h] = key;
	m->v[h] = v;
	m->n++;
}

static void
smap_release(struct smap *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* People by full key, and chains of people sharing a surname or a given
 * name (the newest first). */
struct pindex {
	struct smap full, last, first; /* key -> newest person */
	int *next_last, *next_first;   /* per person: the next in its chain */
	size_t cap;
};

static void
pindex_add(struct pindex *ix, const struct doc *d, int p)
{
	const struct person *pe = &d->p[p];

	pt_xgrow((void **)&ix->next_last, &ix->cap, (size_t)p + 1,
		 sizeof(int));
	ix->next_first = pt_xrealloc(ix->next_first, ix->cap * sizeof(int));
	smap_put(&ix->full, pe->key, p);
	ix->next_last[p] = smap_get(&ix->last, pe->last);
	smap_put(&ix->last, pe->last, p);
	ix->next_first[p] = -1;
	if (pe->first) {
		ix->next_first[p] = smap_get(&ix->first, pe->first);
		smap_put(&ix->first, pe->first, p);
	}
}

static void
pindex_release(struct pindex *ix)
{
	smap_release(&ix->full);
	smap_release(&ix->last);
	smap_release(&ix->first);
	free(ix->next_last);
	free(ix->next_first);
	memset(ix, 0, sizeof(*ix));
}

struct cands {
	struct cand *v;
	size_t n, cap;
	/* Per token, 1 for a capitalised word opening a sentence whose
	 * lower-case form the article uses, in text that is not English
	 * ("Karena" for "karena"): a word of its language, no name; 2 for
	 * such a word inside a sentence ("Hari Pers Nasional" beside "hari
	 * ini"), which the gazetteer's given name of the same spelling is
	 * no evidence for. NULL for English text, whose dictionary says
	 * so. */
	unsigned char *lower;
	/* Token spans of the words before an organisation word in a run
	 * ("Sierra Nevada" of "Sierra Nevada Corporation"). */
	size_t (*org)[2];
	size_t norg, caporg;
	int angles; /* 1 when the text has "<", "《" or "〈" at all */
	/* Nicknames in marks inside a person's name ("Ruairí “Roo” Mac
	 * Giolla"): key -> person, -2 when two people share one; the
	 * keys are owned by nickk. */
	struct smap nick;
	char **nickk;
	size_t nnick, capnick;
};

/* c->lower for text that is not English: the keys of the words written
 * in lower case go into a set of their hashes (open addressing, load at
 * most one half), looked up for each sentence's first word. */
static void
mark_lower(const struct doc *d, struct cands *c)
{
	uint32_t *set;
	size_t cap = 16, i, kl, h;
	const char *k;

	if (d->english || d->tk.n == 0)
		return;
	while (cap < 2 * d->tk.n)
		cap *= 2;
	set = pt_xcalloc(cap, sizeof(*set));
	for (i = 0; i < d->tk.n; i++) {
		uint32_t v;

		if ((d->tk.v[i].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) !=
		    TOK_WORD)
			continue;
		k = doc_key(d, i, &kl);
		v = hash_fnv1a(k, kl) | 1; /* 0 is an empty slot */
		for (h = v & (cap - 1); set[h] && set[h] != v;
		     h = (h + 1) & (cap - 1))
			;
		set[h] = v;
	}
	c->lower = pt_xcalloc(d->tk.n, 1);
	for (i = 0; i < d->tk.n; i++) {
		uint32_t v;

		if ((d->tk.v[i].flags & (TOK_WORD | TOK_CAP)) !=
		    (TOK_WORD | TOK_CAP))
			continue;
		k = doc_key(d, i, &kl);
		v = hash_fnv1a(k, kl) | 1;
		for (h = v & (cap - 1); set[h]; h = (h + 1) & (cap - 1))
			if (set[h] == v) {
				c->lower[i] = (d->tk.v[i].flags & TOK_SSTART)
						      ? 1 : 2;
				break;
			}
	}
	free(set);
}

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

/* 1 for a weak given name of the gazetteer ("Brad", "Patsy"), a common
 * word too. */
static int
weak_given(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return !doc_lex(d, i) && (given_lookup(k, kl) & GIVEN_WEAK);
}

/* 1 when token n, in the sentence of token i, is a capitalised word that
 * neither the dictionary nor the lexicon has ("Jianxiong"). */
static int
unknown_cap(const struct doc *d, size_t n, size_t i)
{
	size_t kl;
	const char *k;

	if (n >= d->tk.n || !doc_same_sent(d, n, i) ||
	    (d->tk.v[n].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) !=
		    (TOK_WORD | TOK_CAP) ||
	    (d->tk.v[n].flags & TOK_ALLCAP) || doc_lex(d, n))
		return 0;
	k = doc_key(d, n, &kl);
	return !given_common(k, kl);
}

/* 1 for a capitalised "He" that is a surname ("He Jianxiong", "Liu
 * He"): before an unknown capitalised word, or after one inside a
 * sentence. The pronoun is never next to a name in a run. */
static int
surname_he(const struct doc *d, size_t i)
{
	if (!tok_is(&d->tk, i, "he") || !(d->tk.v[i].flags & TOK_CAP) ||
	    !d->english)
		return 0;
	if (i + 1 < d->tk.n && !(d->tk.v[i + 1].flags & TOK_NLBEFORE) &&
	    unknown_cap(d, i + 1, i))
		return 1;
	return i > 0 && !(d->tk.v[i].flags & (TOK_SSTART | TOK_NLBEFORE)) &&
	       unknown_cap(d, i - 1, i);
}

/* 1 for the key of a letter and a dictionary word joined by a hyphen
 * ("r-rated", "x-ray", "a-list"): a word, never a name. */
static int
letter_compound(const char *k, size_t kl)
{
	return kl > 2 && k[1] == '-' && given_common(k + 2, kl - 2);
}

static int
letter_word(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return letter_compound(k, kl);
}

/* 1 for a word that is no name by itself: one the English dictionary has
 * in lower case (given.h), or a word of the lexicon's other classes
 * ("London", "Guild", "However"); a hyphenated word when all its parts
 * are ("Republican-dominated"). Given names are never common. */
static int
is_common(const struct doc *d, size_t i)
{
	unsigned lx = doc_lex(d, i);
	size_t kl, h;
	const char *k, *hy;

	if ((lx & LEX_GIVEN) || surname_he(d, i))
		return 0;
	if (lx)
		return 1;
	k = doc_key(d, i, &kl);
	if (given_common(k, kl))
		return 1;
	hy = memchr(k, '-', kl);
	if (!hy)
		return 0;
	if (letter_compound(k, kl))
		return 1;
	for (;;) {
		h = hy ? (size_t)(hy - k) : kl;
		if (h == 0 || !(given_common(k, h) ||
				(lexicon_lookup(k, h) & ~LEX_GIVEN)))
			return 0;
		if (!hy)
			return 1;
		k += h + 1;
		kl -= h + 1;
		hy = memchr(k, '-', kl);
	}
}

/* Word tokens in [a, b). */
static size_t
words_in(const struct doc *d, size_t a, size_t b)
{
	size_t n = 0;

	for (; a < b; a++)
		if (d->tk.v[a].flags & TOK_WORD)
			n++;
	return n;
}

static int
has_digit(const struct doc *d, size_t i)
{
	size_t kl, j;
	const char *k = doc_key(d, i, &kl);

	for (j = 0; j < kl; j++)
		if (k[j] >= '0' && k[j] <= '9')
			return 1;
	return 0;
}

/* 1 for a syllable of Korean or Chinese romanisation, in lower case:
 * an onset (one consonant, or a digraph such as "ch", "sh", "hs", "ts",
 * "kk"), a glide ("y", "w"), one to three vowels and a coda ("n", "ng",
 * "m", "k", "p", "l", "t" or "h"), six letters at most: "ji", "sung",
 * "kyeong", "cheol", "ing", "wen", "shek". English clusters ("pre",
 * "war", "anti") are not. */
static int
syllable_shape(const char *k, size_t kl)
{
	static const char *const onset2[] = { "ch", "sh", "hs", "ts", "tz",
		"zh", "kk", "tt", "pp", "ss", "jj", "th", "kh", "ph" };
	static const char *const coda[] = { "", "n", "ng", "m", "k", "p",
		"l", "t", "h" };
	size_t i = 0, j, v;

	if (kl == 0 || kl > 6)
		return 0;
	for (j = 0; j < sizeof(onset2) / sizeof(*onset2); j++)
		if (kl > 2 && memcmp(k, onset2[j], 2) == 0) {
			i = 2;
			break;
		}
	if (i == 0 && !strchr("aeiouywcqvxz", k[0]))
		i = 1;
	if (i < kl && (k[i] == 'y' || k[i] == 'w'))
		i++;
	for (v = 0; i < kl && strchr("aeiou", k[i]) && v < 3; i++, v++)
		;
	if (v == 0)
		return 0;
	for (j = 0; j < sizeof(coda) / sizeof(*coda); j++)
		if (strlen(coda[j]) == kl - i &&
		    memcmp(k + i, coda[j], kl - i) == 0)
			return 1;
	return 0;
}

/* syllable_shape(), but not the English prefixes of that shape
 * ("re-run", "co-op", "non-stop"). */
static int
syllable(const char *k, size_t kl)
{
	static const char *const prefix[] = { "re", "de", "be", "co", "non",
		"un", "bi", "out", "up", "on", "off", "no", "so", "hi",
		"lo", "yo", "ha", "pan", "man", "pop", "hip", "mix", "tie",
		"log", "set", "lay", "hot", "top", "hat", "ten", "sit" };
	size_t j;

	for (j = 0; j < sizeof(prefix) / sizeof(*prefix); j++)
		if (strlen(prefix[j]) == kl && memcmp(k, prefix[j], kl) == 0)
			return 0;
	return syllable_shape(k, kl);
}

/* 1 for a text "Ji-sung", "Heung-min", "Ing-wen": two syllables joined
 * by a hyphen, the second in lower case: a romanised Korean or Chinese
 * given name, written after the surname. Words of that shape that are
 * English ("Co-op", "Pre-war") have a dictionary word before the
 * hyphen. */
static int
syllabic_text(const char *o, size_t ol)
{
	const char *hy = memchr(o, '-', ol);
	size_t h, j;

	if (!hy || !(o[0] >= 'A' && o[0] <= 'Z'))
		return 0;
	h = (size_t)(hy - o);
	if (h < 2 || h > 5)
		return 0;
	for (j = 1; j < h; j++)
		if (!(o[j] >= 'a' && o[j] <= 'z'))
			return 0;
	return syllable(hy + 1, ol - h - 1);
}

/* syllabic_text() for token i, both its parts syllable()s ("Ji-sung",
 * "Min-jae"; not "Co-op", "Pre-war"). */
static int
syllabic_given(const struct doc *d, size_t i)
{
	const struct tok *t;
	size_t kl;
	const char *k, *hy;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_WORD) ||
	    (doc_lex(d, i) & ~LEX_GIVEN))
		return 0;
	t = &d->tk.v[i];
	k = doc_key(d, i, &kl);
	hy = memchr(k, '-', kl);
	if (!hy || !syllabic_text(d->text + t->o, t->ol))
		return 0;
	return syllable(k, (size_t)(hy - k));
}

/* 1 for a capitalised word of one romanised syllable, its first letter
 * alone in capitals ("Kim", "Jeong", "Hwan", "Ho"; "Park", the one
 * surname of another shape). */
static int
syllable_word(const struct doc *d, size_t i)
{
	const struct tok *t;
	size_t kl;
	const char *k;

	if (i >= d->tk.n)
		return 0;
	t = &d->tk.v[i];
	if ((t->flags & (TOK_WORD | TOK_CAP | TOK_NUM | TOK_ALLCAP)) !=
		    (TOK_WORD | TOK_CAP) ||
	    t->kl < 2 || t->kl > 6 ||
	    (doc_lex(d, i) & (LEX_PLACE | LEX_ORG | LEX_MONTHDAY)))
		return 0;
	k = doc_key(d, i, &kl);
	return kl == t->ol && (syllable_shape(k, kl) ||
			       (kl == 4 && memcmp(k, "park", 4) == 0));
}

/* 1 when the run [a, b) is a surname and a syllabic given name ("Park
 * Ji-sung", "Son Heung-min"): a short capitalised word, then one
 * syllabic_given(); or a Korean name of three syllables written apart
 * ("Lee Ho Jun", "Oh Kyeong Taek", "Kim Sang Hee"), three words of one
 * syllable each on one line. */
static int
east_asian(const struct doc *d, size_t a, size_t b)
{
	/* Determiners and prepositions are no syllables of a name ("The
	 * Long Shot"); interjections may be ("Oh", "Ha"). */
	if (b == a + 3 && syllable_word(d, a) && syllable_word(d, a + 1) &&
	    syllable_word(d, a + 2) &&
	    !(doc_lex(d, a) & (LEX_DET | LEX_PREP)) &&
	    !(doc_lex(d, a + 1) & (LEX_DET | LEX_PREP)) &&
	    !(doc_lex(d, a + 2) & (LEX_DET | LEX_PREP)) &&
	    !(d->tk.v[a + 1].flags & TOK_NLBEFORE) &&
	    !(d->tk.v[a + 2].flags & TOK_NLBEFORE))
		return 1;
	return b == a + 2 && is_cap_word(d, a) && d->tk.v[a].kl <= 6 &&
	       syllabic_given(d, a + 1);
}

/* Names in Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian,
 * Serbian). The dictionary and the lexicon are English, so a name there
 * is read by its form: a given name of the gazetteer once transliterated
 * ("Сергей" is "sergei"), a patronymic ("-ович", "-овна"), or a surname's
 * suffix ("-ов", "-ин", "-ский", "-енко", "-швили"). Nouns inflect
 * ("Лавров", "Лаврова", "Лаврову"), so a name's key is the stem of each
 * word: its case ending stripped. */

/* Bytes in a key of at least this many Cyrillic letters (two bytes each)
 * for a word to be read as a name; the stem keeps as many. */
#define CYR_MIN_BYTES 6

/* The code point of the two-byte UTF-8 sequence at k, or 0. */
static unsigned
cyr_cp(const char *k, size_t kl)
{
	unsigned char b0, b1;

	if (kl < 2)
		return 0;
	b0 = (unsigned char)k[0];
	b1 = (unsigned char)k[1];
	if (b0 < 0xD0 || b0 > 0xD3 || (b1 & 0xC0) != 0x80)
		return 0;
	return ((unsigned)(b0 & 0x1F) << 6) | (b1 & 0x3F);
}

/* 1 for a key that is Cyrillic letters only. */
static int
cyr_key(const char *k, size_t kl)
{
	size_t j;

	if (kl < 2)
		return 0;
	for (j = 0; j + 1 < kl; j += 2)
		if (!cyr_cp(k + j, 2) && k[j] != '-')
			return 0;
	return j == kl;
}

/* Case endings, in key form (the key writes "й" as "и"), longest
 * first. */
static const char *const cyr_endings[] = { "ыми", "ими", "ого", "его",
	"ому", "ему", "ои", "еи", "ыи", "ии", "ом", "ем", "ым", "им", "ую",
	"юю", "ая", "яя", "ое", "ее", "ые", "ие", "ах", "ях", "ам", "ям", "а",
	"я", "у", "ю", "е", "ы", "и", "о", "ь" };

/* Bytes of the stem of a Cyrillic key: without its case ending, at least
 * CYR_MIN_BYTES long. */
static size_t
cyr_stem(const char *k, size_t kl)
{
	size_t j, el;

	for (j = 0; j < sizeof(cyr_endings) / sizeof(*cyr_endings); j++) {
		el = strlen(cyr_endings[j]);
		if (kl >= el + CYR_MIN_BYTES &&
		    memcmp(k + kl - el, cyr_endings[j], el) == 0)
			return kl - el;
	}
	return kl;
}

static int
cyr_ends(const char *k, size_t kl, const char *const *w, size_t nw)
{
	size_t j, el;

	for (j = 0; j < nw; j++) {
		el = strlen(w[j]);
		if (kl > el && memcmp(k + kl - el, w[j], el) == 0)
			return 1;
	}
	return 0;
}

/* 1 when a stem has a surname's or a patronymic's suffix. */
static int
cyr_surname(const char *k, size_t kl)
{
	static const char *const w[] = { "ов", "ев", "ин", "ын", "ск", "цк",
		"ськ", "цьк", "енк", "ук", "юк", "ич", "ић", "швил", "дз", "ян",
		"янц", "ых", "их", "вн", "ичн" };
	size_t sl = cyr_stem(k, kl);

	return kl >= CYR_MIN_BYTES &&
	       cyr_ends(k, sl, w, sizeof(w) / sizeof(*w));
}

/* Latin letters for a Cyrillic letter. */
static const char *
cyr_latin(unsigned cp)
{
	static const char *const ru[32] = { "a", "b", "v", "g", "d", "e",
		"zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
		"t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
		"yu", "ya" };

	if (cp >= 0x430 && cp <= 0x44F)
		return ru[cp - 0x430];
	switch (cp) {
	case 0x451: return "e";  /* ё */
	case 0x456: return "i";  /* і */
	case 0x457: return "yi"; /* ї */
	case 0x454: return "ye"; /* є */
	case 0x491: return "g";  /* ґ */
	case 0x45E: return "u";  /* ў */
	case 0x458: return "j";  /* ј */
	case 0x459: return "lj"; /* љ */
	case 0x45A: return "nj"; /* њ */
	case 0x45B: return "c";  /* ћ */
	case 0x452: return "dj"; /* ђ */
	case 0x45F: return "dz"; /* џ */
	default: return NULL;
	}
}

/* The gazetteer's bits for the transliteration t (tl bytes) with the
 * usual variants of its spelling: "mariya" as "maria", "dmitrii" as
 * "dmitry", "aleksandr" as "alexandr", "mikhail" as "mihail". */
static unsigned
cyr_lookup(char *t, size_t tl)
{
	static const char *const from[] = { "iya", "ii", "ii", "ei", "ia" };
	static const char *const to[] = { "ia", "y", "iy", "ey", "ya" };
	char v[96];
	size_t j, fl;
	unsigned g = given_lookup(t, tl) & LEX_GIVEN;

	if (g || tl + 4 > sizeof(v))
		return g;
	for (j = 0; j < sizeof(from) / sizeof(*from); j++) {
		fl = strlen(from[j]);
		if (tl > fl && memcmp(t + tl - fl, from[j], fl) == 0) {
			memcpy(v, t, tl - fl);
			memcpy(v + tl - fl, to[j], strlen(to[j]));
			g = given_lookup(v, tl - fl + strlen(to[j])) & LEX_GIVEN;
			if (g)
				return g;
		}
	}
	for (j = 0; j + 1 < tl; j++) {
		if ((t[j] == 'k' && t[j + 1] == 's') ||
		    (t[j] == 'k' && t[j + 1] == 'h')) {
			size_t n = 0, m;

			for (m = 0; m < tl; m++) {
				if (m == j) {
					v[n++] = t[j + 1] == 's' ? 'x' : 'h';
					m++;
				} else {
					v[n++] = t[m];
				}
			}
			g = given_lookup(v, n) & LEX_GIVEN;
			if (g)
				return g;
		}
	}
	return 0;
}

/* The gender bits of a Cyrillic given name in any case: its
 * transliteration, or its stem's with a nominative ending ("Анны" is
 * "anna", "Сергея" is "sergei"); 0 for none. */
static unsigned
cyr_given(const char *k, size_t kl)
{
	static const char *const nom[] = { "", "a", "i", "y" };
	char t[96];
	size_t j, n, stem, pass;
	unsigned g;

	if (kl < CYR_MIN_BYTES || !cyr_key(k, kl))
		return 0;
	stem = cyr_stem(k, kl);
	for (pass = 0; pass < 2; pass++) {
		size_t end = pass == 0 ? kl : stem;

		for (n = 0, j = 0; j + 1 < end; j += 2) {
			const char *l = cyr_latin(cyr_cp(k + j, 2));

			if (!l || n + strlen(l) + 2 > sizeof(t))
				return 0;
			memcpy(t + n, l, strlen(l));
			n += strlen(l);
		}
		if (pass == 0) {
			if ((g = cyr_lookup(t, n)) != 0)
				return g;
			continue;
		}
		for (j = 0; j < sizeof(nom) / sizeof(*nom); j++) {
			memcpy(t + n, nom[j], strlen(nom[j]));
			if ((g = cyr_lookup(t, n + strlen(nom[j]))) != 0)
				return g;
		}
	}
	return 0;
}

/* 1 for a capitalised Cyrillic word at token i. */
static int
cyr_word(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_WORD))
		return 0;
	k = doc_key(d, i, &kl);
	return cyr_key(k, kl);
}

/* 1 when every word of [a, b) is Cyrillic. */
static int
cyr_run(const struct doc *d, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if ((d->tk.v[i].flags & TOK_WORD) && !cyr_word(d, i))
			return 0;
	return a < b;
}

/* EV_NAMELIKE for a Cyrillic run of two or three words: a given name
 * first, or a surname's or patronymic's suffix on a word after it
 * ("Сергей Лавров", "Анны Петровой", "Игорем Сечиным"). */
static unsigned
cyr_evidence(const struct doc *d, size_t a, size_t b)
{
	size_t i, kl, n = words_in(d, a, b);
	const char *k;

	if (n < 2 || n > 3 || !cyr_run(d, a, b))
		return 0;
	if (doc_lex(d, a) & LEX_GIVEN)
		return EV_NAMELIKE;
	for (i = a + 1; i < b; i++) {
		k = doc_key(d, i, &kl);
		if ((d->tk.v[i].flags & TOK_WORD) && cyr_surname(k, kl))
			return EV_NAMELIKE;
	}
	return 0;
}

/* 1 for a word of the dictionary that the lexicon gives no class and no
 * given-name list has, not even as a weak name ("field", "dry"). */
static int
dict_word(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return !doc_lex(d, i) && given_common(k, kl) && !weak_given(d, i);
}

/* 1 when every word of [a, b) is a given name or a word the dictionary
 * lacks ("Maurkice Pouncey", "Sipho Radebe-Jansen"), initials and
 * particles aside, and there are two such words: a name more likely than
 * anything else, in English text. */
static int
namelike(const struct doc *d, size_t a, size_t b)
{
	size_t i, n = 0;

	size_t initials = 0;

	if (!d->english)
		return 0;
	for (i = a; i < b; i++) {
		const struct tok *k = &d->tk.v[i];

		if (k->kl == 1 && (k->flags & TOK_CAP) && i + 1 < b &&
		    tok_punct(&d->tk, i + 1, '.'))
			initials++; /* "J.", not "A" */
		if (!(k->flags & TOK_WORD) || k->kl == 1 ||
		    !(k->flags & TOK_CAP))
			continue; /* a stop, an initial, "van" */
		if ((is_common(d, i) && !weak_given(d, i)) ||
		    has_digit(d, i))
			return 0; /* "Heinz Field", "Dell G3" */
		n++;
	}
	/* "J.J. Abrams": initials and a surname. */
	return n >= 2 || (n == 1 && initials > 0);
}

/* Inside a quoted span that is not a quotation (a title): quote.c marks
 * those tokens. */
static int
in_title_quote(const struct doc *d, size_t i)
{
	return (d->tmark[i] & TM_TITLEQ) != 0;
}

/* Bytes looked at on each side of a run for angle brackets. */
#define PEOPLE_ANGLE_REACH 160

/* 1 when the run [a, b) stands inside angle brackets on its line:
 * "<The Palace: Tale of Jang Noksu>", "《Tale of X》", "〈X〉", the marks of
 * a title in Korean, Chinese and Japanese usage (and of East Asian
 * English text). */
static int
in_angle_title(const struct doc *d, size_t a, size_t b)
{
	const char *t = d->text;
	/* From the last word's start: the tokens keep "》" in a word. */
	size_t s = d->tk.v[a].o, e = d->tk.v[b - 1].o;
	size_t i, lim;
	int open = 0;

	lim = s > PEOPLE_ANGLE_REACH ? s - PEOPLE_ANGLE_REACH : 0;
	for (i = s; i > lim; i--) {
		unsigned char c = (unsigned char)t[i - 1];

		if (c == '\n' || c == '>')
			return 0;
		if (c == '<' || (i >= 3 && (unsigned char)t[i - 3] == 0xE3 &&
				 (unsigned char)t[i - 2] == 0x80 &&
				 (c == 0x8A || c == 0x88))) {
			open = 1; /* "《" E3 80 8A, "〈" E3 80 88 */
			break;
		}
	}
	if (!open)
		return 0;
	for (i = e; i < d->len && i < e + PEOPLE_ANGLE_REACH; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '\n' || c == '<')
			return 0;
		if (c == '>' || (c == 0xE3 && i + 2 < d->len &&
				 (unsigned char)t[i + 1] == 0x80 &&
				 ((unsigned char)t[i + 2] == 0x8B ||
				  (unsigned char)t[i + 2] == 0x89)))
			return 1; /* "》" E3 80 8B, "〉" E3 80 89 */
	}
	return 0;
}

/* 1 when the text has an opening angle bracket: "<", "《" (E3 80 8A) or
 * "〈" (E3 80 88). */
static int
has_angles(const struct doc *d)
{
	const char *p = d->text, *e = d->text + d->len;

	if (memchr(p, '<', d->len))
		return 1;
	while ((p = memchr(p, 0xE3, (size_t)(e - p))) != NULL) {
		if (e - p > 2 && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0x8A || (unsigned char)p[2] == 0x88))
			return 1;
		p++;
	}
	return 0;
}

/* Words that may stand between a subject and its speech verb. */
static int
is_aux(const struct doc *d, size_t i)
{
	return doc_is_adverb(d, i) || (doc_lex(d, i) & LEX_NAME_GAP);
}

static int
is_role_before(const struct doc *d, size_t i)
{
	return i < d->tk.n && doc_is_role(d, i) &&
	       !((d->tk.v[i].flags & TOK_CAP) && (doc_lex(d, i) & LEX_GIVEN));
}

/* Prepositions that introduce places more often than people: "in",
 * "at", "from", "near", "to"... (not "with", "by", "for", "of",
 * "against", "about"). */
static int
place_prep(const struct doc *d, size_t i)
{
	static const char *const not_place[] = { "with", "by", "for", "of",
						 "against", "about" };

	return !tok_in(&d->tk, i, not_place,
		       sizeof(not_place) / sizeof(*not_place));
}

/* 1 for a "to" that introduces a source or a listener, not a place:
 * "according to X", "said to X", "spoke to X", "talking to X", "wrote to
 * X", "married to X"; or a "from" after a message: "a statement from X",
 * "a letter from X". */
static int
source_to(const struct doc *d, size_t i)
{
	static const char *const msg[] = { "statement", "letter", "email",
		"message", "note", "call", "post", "tweet", "video", "memo",
		"comment", "comments", "response", "reply", "quote" };
	/* verbs one does to a person, not a place (one goes to a place) */
	static const char *const listener[] = { "spoke", "speak", "speaks",
		"speaking", "spoken", "talked", "talk", "talks", "talking",
		"wrote", "write", "writes", "writing", "listened", "listen",
		"listening", "married", "engaged", "introduced",
		"apologised", "apologized", "apologising", "apologizing" };

	if (i == 0 || !doc_same_sent(d, i - 1, i))
		return 0;
	if (tok_is(&d->tk, i, "to"))
		return tok_is(&d->tk, i - 1, "according") ||
		       doc_is_speech(d, i - 1) ||
		       tok_in(&d->tk, i - 1, listener,
			      sizeof(listener) / sizeof(*listener));
	if (!tok_is(&d->tk, i, "from"))
		return 0;
	return tok_in(&d->tk, i - 1, msg, sizeof(msg) / sizeof(*msg));
}

/* EV_APPOS for a relative "who" or "whose", or an age, after the run
 * ending at token b ("went to Reed Sorenson, who", "with Ana Pike, 44,"):
 * a person even after a preposition (a place is "which" or "where"). */
static unsigned
who_after(const struct doc *d, size_t b)
{
	if (b + 1 >= d->tk.n || !doc_same_sent(d, b, b + 1) ||
	    !tok_punct(&d->tk, b, ','))
		return 0;
	if (tok_is(&d->tk, b + 1, "who") || tok_is(&d->tk, b + 1, "whose"))
		return EV_APPOS;
	if (b + 2 < d->tk.n && (d->tk.v[b + 1].flags & TOK_NUM) &&
	    d->tk.v[b + 1].kl <= 3 && tok_punct(&d->tk, b + 2, ','))
		return EV_APPOS;
	return 0;
}

/* 1 for a word for a work used as a verb: "play", "show" or "feature"
 * after "to" or a modal ("will play Tomas Brdecka in the final", "to
 * show Ines the door"), not after a determiner ("the play"). */
static int
verb_use(const struct doc *d, size_t i)
{
	static const char *const w[] = { "play", "show", "feature" };
	static const char *const before[] = { "to", "will", "would", "can",
		"could", "may", "might", "must", "should", "shall" };
	size_t j;

	if (i == 0 || !doc_same_sent(d, i - 1, i))
		return 0;
	for (j = 0; j < sizeof(w) / sizeof(*w); j++)
		if (tok_is(&d->tk, i, w[j]))
			break;
	if (j == sizeof(w) / sizeof(*w))
		return 0;
	return tok_in(&d->tk, i - 1, before, sizeof(before) / sizeof(*before));
}

/* Tokens looked at on each side of a name for a word of a part. */
#define PEOPLE_PART_REACH 40

/* 1 when the sentence of token a speaks of a part near it: "role",
 * "roles", "character", "characters", "the part", a screen work after
 * it (within PEOPLE_PART_REACH tokens, so that a sentence of thousands
 * of names stays linear). */
static int
part_in_sentence(const struct doc *d, size_t a)
{
	/* after the name: "played X in the Star Wars films" (not words of
	 * sport too: "series", "season", "game") */
	static const char *const screen[] = { "film", "films", "movie",
		"movies", "sequel", "sequels", "franchise", "miniseries",
		"sitcom", "musical", "adaptation", "remake", "reboot",
		"prequel", "biopic", "episode", "episodes", "trilogy" };
	uint32_t s = d->tk.v[a].sent;
	size_t i = d->sent_start[s], e = d->sent_start[s + 1];

	if (a > i + PEOPLE_PART_REACH)
		i = a - PEOPLE_PART_REACH;
	if (e > a + PEOPLE_PART_REACH)
		e = a + PEOPLE_PART_REACH;
	for (; i < e && i < d->tk.n; i++)
		if (tok_is(&d->tk, i, "role") || tok_is(&d->tk, i, "roles") ||
		    tok_is(&d->tk, i, "character") ||
		    tok_is(&d->tk, i, "characters") ||
		    (i > 0 && tok_is(&d->tk, i, "part") &&
		     tok_is(&d->tk, i - 1, "the")) ||
		    (i > a && tok_in(&d->tk, i, screen,
				     sizeof(screen) / sizeof(*screen))))
			return 1;
	return 0;
}

/* 1 when the sentence of token a speaks of acting near it: "actor",
 * "stars", "cast", "plays", "role" (within PEOPLE_PART_REACH tokens). */
static int
acting_in_sentence(const struct doc *d, size_t a)
{
	static const char *const w[] = { "actor", "actors", "actress",
		"actresses", "cast", "stars", "starring", "starred", "co-star",
		"co-stars", "plays", "played", "playing", "portrays",
		"portrayed", "portraying", "voices", "voiced", "role", "roles",
		"character", "characters", "reprise", "reprises", "reprising",
		"performance", "performances" };
	uint32_t s = d->tk.v[a].sent;
	size_t i = d->sent_start[s], e = d->sent_start[s + 1];

	if (a > i + PEOPLE_PART_REACH)
		i = a - PEOPLE_PART_REACH;
	if (e > a + PEOPLE_PART_REACH)
		e = a + PEOPLE_PART_REACH;
	for (; i < e && i < d->tk.n; i++)
		if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
			return 1;
	return 0;
}

/* 1 when the possessive at token p reads as a person's: the name it
 * ends opens with a given name ("Chris Pine's"), or is one word no
 * dictionary has ("Okafor's"); not a publication's ("Reel Dispatch's
 * Hannah Ostrowski", a journalist). */
static int
actor_poss(const struct doc *d, size_t p)
{
	size_t f = p;

	while (f > 0 && doc_same_sent(d, f - 1, p) && is_cap_word(d, f - 1) &&
	       !(d->tk.v[f - 1].flags & TOK_POSS) && p - f < 3)
		f--;
	if (doc_lex(d, f) & LEX_GIVEN)
		return f < p;
	return f == p && !is_common(d, p);
}

/* A character named in a sentence about acting, a title of rank or
 * address ("Captain", "Admiral") before it or not: after "as" ("Roussel
 * is wonderfully nasty as Admiral Voss"; not "such as", "as well as", or
 * "as X said"; "as Nora's gruff uncle Seamus"), after an actor's
 * possessive ("Chris Pine's Captain James T. Kirk", "Pine's Kirk"), or
 * before its actor's name in brackets ("Astrid (Freya Holm)"). */
static int
char_of(const struct doc *d, size_t a, size_t b)
{
	size_t t = a;

	while (t > 0 && doc_same_sent(d, t - 1, a) &&
	       ((doc_lex(d, t - 1) & LEX_TITLE) || doc_is_role(d, t - 1)) &&
	       (d->tk.v[t - 1].flags & TOK_CAP))
		t--;
	if (t == 0 || !doc_same_sent(d, t - 1, a))
		return 0;
	/* "as Nora's gruff uncle Seamus": "as", another part's possessive
	 * or "her", "his", then a few words in lower case */
	{
		size_t u = t, n = 0;

		while (u > 1 && n < 3 && doc_same_sent(d, u - 1, a) &&
		       (d->tk.v[u - 1].flags & (TOK_WORD | TOK_CAP |
						TOK_POSS)) == TOK_WORD &&
		       !doc_is_speech(d, u - 1) && !tok_is(&d->tk, u - 1, "as"))
			u--, n++;
		if (n > 0 && u > 1 &&
		    ((d->tk.v[u - 1].flags & (TOK_CAP | TOK_POSS)) ==
			     (TOK_CAP | TOK_POSS) ||
		     tok_is(&d->tk, u - 1, "her") || tok_is(&d->tk, u - 1, "his")) &&
		    tok_is(&d->tk, u - 2, "as") &&
		    !(b < d->tk.n && doc_same_sent(d, a, b) &&
		      doc_is_speech(d, b)))
			return acting_in_sentence(d, a);
	}
	if (tok_is(&d->tk, t - 1, "as")) {
		if (t > 1 && (tok_is(&d->tk, t - 2, "such") ||
			      tok_is(&d->tk, t - 2, "well") ||
			      tok_is(&d->tk, t - 2, "known") ||
			      tok_is(&d->tk, t - 2, "same")))
			return 0;
		if (b < d->tk.n && doc_same_sent(d, a, b) &&
		    (doc_is_speech(d, b) || tok_is(&d->tk, b, "put") ||
		     tok_is(&d->tk, b, "puts")))
			return 0; /* "as Okafor said", "as Okafor put it" */
		return acting_in_sentence(d, a);
	}
	/* "a young scientist, Astrid (Freya Holm)": the part, then its
	 * player's name in brackets */
	if (b + 3 < d->tk.n && tok_punct(&d->tk, b, '(') &&
	    doc_same_sent(d, a, b + 3) && (doc_lex(d, b + 1) & LEX_GIVEN) &&
	    is_cap_word(d, b + 1) && is_cap_word(d, b + 2) &&
	    !(doc_lex(d, b + 2) & (LEX_ORG | LEX_PLACE)) &&
	    (tok_punct(&d->tk, b + 3, ')') ||
	     (b + 4 < d->tk.n && is_cap_word(d, b + 3) &&
	      !(doc_lex(d, b + 3) & (LEX_ORG | LEX_PLACE)) &&
	      tok_punct(&d->tk, b + 4, ')'))))
		return acting_in_sentence(d, a);
	if ((d->tk.v[t - 1].flags & (TOK_POSS | TOK_CAP)) ==
		    (TOK_POSS | TOK_CAP) &&
	    !(doc_lex(d, t - 1) & (LEX_ORG | LEX_PLACE)) &&
	    actor_poss(d, t - 1))
		return acting_in_sentence(d, a);
	return 0;
}

/* A character, not a person: "who plays grizzled detective Frank
 * Mallory", "his role as X", "the character of X". A name right after
 * the verb is left alone: "Okafor played Ines Marsh in the final" is a
 * match as often as a part. */
static int
plays_before(const struct doc *d, size_t a)
{
	static const char *const verbs[] = { "plays", "played", "playing",
		"play", "portrays", "portrayed", "portraying", "voices",
		"voiced" };
	size_t i, j, steps;

	/* "You play Captain Ilsa Varn": a title of rank before the name */
	while (a > 1 && doc_same_sent(d, a - 2, a) &&
	       ((doc_lex(d, a - 1) & LEX_TITLE) || doc_is_role(d, a - 1)) &&
	       (d->tk.v[a - 1].flags & TOK_CAP))
		a--;
	i = a;
	if (tok_is(&d->tk, a - 1, "by"))
		return 0; /* "played by X": the actor */
	/* "You play X", "players control X": a game's character */
	if (a > 1 && (tok_is(&d->tk, a - 1, "play") ||
		      tok_is(&d->tk, a - 1, "control")) &&
	    tok_is(&d->tk, a - 2, "you"))
		return 1;
	if (a > 1 && (tok_is(&d->tk, a - 1, "as") || tok_is(&d->tk, a - 1, "of")) &&
	    (tok_is(&d->tk, a - 2, "role") || tok_is(&d->tk, a - 2, "character") ||
	     tok_is(&d->tk, a - 2, "part")))
		return 1;
	/* "you play as X", "the protagonist X", "players control X": a
	 * game's or a story's character. */
	if (a > 1 && tok_is(&d->tk, a - 1, "as")) {
		for (j = 0; j < sizeof(verbs) / sizeof(*verbs); j++)
			if (tok_is(&d->tk, a - 2, verbs[j]))
				return 1;
	}
	if (tok_is(&d->tk, a - 1, "protagonist") ||
	    tok_is(&d->tk, a - 1, "antagonist") ||
	    tok_is(&d->tk, a - 1, "villain") ||
	    tok_is(&d->tk, a - 1, "sidekick"))
		return 1;
	/* "The game's hero, Ardyn Vale,", "the novel's narrator, X,": a
	 * work's part in apposition (a war hero is a person) */
	if (a > 3 && tok_punct(&d->tk, a - 1, ',') && doc_same_sent(d, a - 3, a) &&
	    (tok_is(&d->tk, a - 2, "hero") || tok_is(&d->tk, a - 2, "heroine") ||
	     tok_is(&d->tk, a - 2, "protagonist") ||
	     tok_is(&d->tk, a - 2, "narrator") ||
	     tok_is(&d->tk, a - 2, "villain")) &&
	    (d->tk.v[a - 3].flags & TOK_POSS) && (doc_lex(d, a - 3) & LEX_WORK))
		return 1;
	if (a > 1 && (tok_is(&d->tk, a - 1, "control") ||
		      tok_is(&d->tk, a - 1, "controls")) &&
	    (tok_is(&d->tk, a - 2, "players") || tok_is(&d->tk, a - 2, "you") ||
	     tok_is(&d->tk, a - 2, "player")))
		return 1;
	/* "The story follows X", "the game's plot follows X": a plot
	 * summary's hero. */
	if (a > 1 && tok_is(&d->tk, a - 1, "follows") &&
	    (tok_is(&d->tk, a - 2, "story") || tok_is(&d->tk, a - 2, "plot") ||
	     tok_is(&d->tk, a - 2, "narrative") ||
	     tok_is(&d->tk, a - 2, "campaign") ||
	     (doc_lex(d, a - 2) & LEX_WORK)))
		return 1;
	/* "The series, which follows X": a work's relative clause */
	if (a > 4 && tok_is(&d->tk, a - 1, "follows") &&
	    (tok_is(&d->tk, a - 2, "which") || tok_is(&d->tk, a - 2, "that")) &&
	    doc_same_sent(d, a - 4, a) && tok_punct(&d->tk, a - 3, ',') &&
	    (doc_lex(d, a - 4) & LEX_WORK))
		return 1;
	/* "had agreed to play X, and was perfect for the part": right after
	 * the verb, a part when the sentence speaks of one. */
	for (j = 0; a > 0 && j < sizeof(verbs) / sizeof(*verbs); j++)
		if (tok_is(&d->tk, a - 1, verbs[j]))
			return part_in_sentence(d, a);
	/* The verb, then one to three lower-case words ("the grizzled
	 * detective"); not a match ahead ("will play either X or Y", "to
	 * play the winner, X"). */
	for (steps = 0; i > 0 && steps < 4 && doc_same_sent(d, i - 1, a);
	     steps++) {
		i--;
		for (j = 0; steps > 0 && j < sizeof(verbs) / sizeof(*verbs); j++)
			if (tok_is(&d->tk, i, verbs[j]))
				return !verb_use(d, i) || part_in_sentence(d, a);
		if ((d->tk.v[i].flags & (TOK_CAP | TOK_PUNCT)) ||
		    !(d->tk.v[i].flags & TOK_WORD) ||
		    tok_is(&d->tk, i, "either") || tok_is(&d->tk, i, "both"))
			return 0;
	}
	return 0;
}

/* EV_AUTHOR when the run [a, b) is a possessive before a work that one
 * person makes ("in Van Gogh's famous painting", "Okafor's new memoir"),
 * past two lower-case words at most; a company's works are films,
 * games, songs, not these. */
static unsigned
author_of(const struct doc *d, size_t a, size_t b)
{
	static const char *const w[] = { "painting", "paintings", "novel",
		"novels", "poem", "poems", "poetry", "memoir", "memoirs",
		"autobiography", "symphony", "symphonies", "sonata", "sonatas",
		"sculpture", "sculptures", "self-portrait", "diary", "diaries",
		"essay", "essays", "canvas", "canvases" };
	size_t i;

	if (!(d->tk.v[b - 1].flags & TOK_POSS))
		return 0;
	for (i = b; i < b + 3 && i < d->tk.n && doc_same_sent(d, a, i); i++) {
		if ((d->tk.v[i].flags & (TOK_CAP | TOK_PUNCT | TOK_NUM)) ||
		    !(d->tk.v[i].flags & TOK_WORD))
			return 0;
		if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
			return EV_AUTHOR;
	}
	return 0;
}

/* EV_APPOS for a name given to a person: "a man named X", "a girl
 * called X", "seorang pria bernama X", "orang bernama X" (Indonesian,
 * Malay). */
static unsigned
named_person(const struct doc *d, size_t a)
{
	static const char *const who[] = { "man", "woman", "boy", "girl",
		"person", "guy", "lady", "gentleman", "someone", "child", "kid",
		"baby", "teenager", "student", "friend", "neighbour",
		"neighbor", "patient", "soldier", "worker", "people", "men",
		"women", "orang", "seorang", "pria", "wanita", "perempuan",
		"anak", "lelaki" };
	size_t j;

	/* "who gave her name only as X", "giving his first name as X":
	 * only a person gives a name of their own. */
	if (a > 3 && tok_is(&d->tk, a - 1, "as")) {
		j = a - 2;
		if (tok_is(&d->tk, j, "only") || tok_is(&d->tk, j, "just") ||
		    tok_is(&d->tk, j, "simply"))
			j--;
		if (j > 1 && (tok_is(&d->tk, j, "name") ||
			      tok_is(&d->tk, j, "names"))) {
			j--;
			if (tok_is(&d->tk, j, "first") ||
			    tok_is(&d->tk, j, "full"))
				j--;
			if (j > 0 && doc_same_sent(d, j - 1, a) &&
			    (tok_is(&d->tk, j, "her") ||
			     tok_is(&d->tk, j, "his") ||
			     tok_is(&d->tk, j, "their")) &&
			    (tok_is(&d->tk, j - 1, "gave") ||
			     tok_is(&d->tk, j - 1, "giving") ||
			     tok_is(&d->tk, j - 1, "gives") ||
			     tok_is(&d->tk, j - 1, "give")))
				return EV_APPOS;
		}
	}
	if (a < 2 || !doc_same_sent(d, a - 2, a) ||
	    !(tok_is(&d->tk, a - 1, "named") || tok_is(&d->tk, a - 1, "called") ||
	      tok_is(&d->tk, a - 1, "bernama")))
		return 0;
	if (is_role_before(d, a - 2))
		return EV_APPOS;
	for (j = 0; j < sizeof(who) / sizeof(*who); j++)
		if (tok_is(&d->tk, a - 2, who[j]))
			return EV_APPOS;
	return 0;
}

/* 1 for the text of two years joined by a hyphen or a dash: "1921-1999",
 * "1921–1999". */
static int
life_dates(const char *o, size_t ol)
{
	size_t j, mid;

	if (ol == 9 && o[4] == '-')
		mid = 1;
	else if (ol == 11 && (unsigned char)o[4] == 0xE2 &&
		 (unsigned char)o[5] == 0x80 &&
		 ((unsigned char)o[6] == 0x93 || (unsigned char)o[6] == 0x94))
		mid = 3;
	else
		return 0;
	for (j = 0; j < 4; j++)
		if (!(o[j] >= '0' && o[j] <= '9') ||
		    !(o[4 + mid + j] >= '0' && o[4 + mid + j] <= '9'))
			return 0;
	return 1;
}

/* EV_AUTHOR for the maker or the player of a work after "by": "written
 * by X", "directed by X", "played by X" (an actor), "voiced by X"; not
 * what a company does too ("produced by", "hosted by"). */
static unsigned
made_by(const struct doc *d, size_t a)
{
	static const char *const w[] = { "written", "directed", "composed",
		"painted", "photographed", "illustrated", "narrated", "played",
		"voiced", "portrayed", "sung", "penned", "authored",
		"choreographed", "co-written", "co-directed" };

	if (a < 2 || !tok_is(&d->tk, a - 1, "by") || !doc_same_sent(d, a - 2, a))
		return 0;
	if (tok_in(&d->tk, a - 2, w, sizeof(w) / sizeof(*w)))
		return EV_AUTHOR;
	return 0;
}

/* EV_KIN when what follows the run ending at token b is what only a
 * person has or does: a possessive before a kinship word or an event of
 * a life ("Okafor's wife", "Okafor's late father", "Okafor's funeral"),
 * "himself" or "herself", "was born", "died". A company has spokespeople
 * and lawyers, never a wife or a childhood. */
static unsigned
kin_after(const struct doc *d, size_t a, size_t b)
{
	static const char *const kin[] = { "wife", "husband", "son",
		"daughter", "mother", "father", "brother", "sister",
		"girlfriend", "boyfriend", "fiance", "fiancee", "widow",
		"widower", "parents", "sons", "daughters", "brothers",
		"sisters", "mum", "mom", "dad", "grandmother", "grandfather",
		"granddaughter", "grandson", "stepfather", "stepmother",
		"ex-wife", "ex-husband", "spouse", "death", "funeral",
		"birthday", "childhood", "wedding", "divorce", "retirement",
		"eulogy", "grave", "obituary" };
	/* an actor's work in a part: "Fenella Ross's performance as the
	 * widow", "her turn as", "his portrayal of" */
	static const char *const turn[] = { "performance", "performances",
		"turn", "portrayal" };
	size_t i = b, j;

	if (b >= d->tk.n || !doc_same_sent(d, a, b))
		return 0;
	if ((d->tk.v[b - 1].flags & TOK_POSS) && b + 1 < d->tk.n &&
	    doc_same_sent(d, a, b + 1) &&
	    tok_in(&d->tk, b, turn, sizeof(turn) / sizeof(*turn)) &&
	    (tok_is(&d->tk, b + 1, "as") ||
	     (tok_is(&d->tk, b + 1, "of") && tok_is(&d->tk, b, "portrayal"))))
		return EV_KIN; /* not "the firm's performance of the year" */
	if (d->tk.v[b - 1].flags & TOK_POSS) {
		/* "late", "own", "younger": one adjective between */
		for (; i < b + 2 && i < d->tk.n && doc_same_sent(d, a, i); i++) {
			if (d->tk.v[i].flags & (TOK_CAP | TOK_PUNCT))
				return 0;
			for (j = 0; j < sizeof(kin) / sizeof(*kin); j++)
				if (tok_is(&d->tk, i, kin[j]))
					return EV_KIN;
		}
		return 0;
	}
	/* "X (born 1961)", "X (1920-2001)", "X (45)": a life's dates or
	 * an age in brackets. */
	if (tok_punct(&d->tk, b, '(') && b + 2 < d->tk.n &&
	    doc_same_sent(d, b, b + 2)) {
		const struct tok *n = &d->tk.v[b + 1];

		if (tok_is(&d->tk, b + 1, "born") || tok_is(&d->tk, b + 1, "b"))
			return EV_KIN;
		if ((n->flags & TOK_NUM) && n->kl <= 3 &&
		    tok_punct(&d->tk, b + 2, ')'))
			return EV_KIN;
		if ((n->flags & TOK_NUM) && n->kl == 4 && b + 3 < d->tk.n &&
		    (d->tk.v[b + 2].flags & TOK_PUNCT) &&
		    (d->tk.v[b + 3].flags & TOK_NUM) && d->tk.v[b + 3].kl == 4)
			return EV_KIN;
		if (life_dates(d->text + n->o, n->ol))
			return EV_KIN; /* one token: "1921-1999" */
	}
	if (tok_is(&d->tk, b, "himself") || tok_is(&d->tk, b, "herself") ||
	    tok_is(&d->tk, b, "died") ||
	    (b + 1 < d->tk.n && tok_is(&d->tk, b, "was") &&
	     tok_is(&d->tk, b + 1, "born")))
		return EV_KIN;
	return 0;
}

/* 1 for a speech verb in its plain form ("say", "tell", "think"), which
 * agrees with a plural subject, not with one person's name. */
static int
plural_verb(const struct doc *d, size_t i)
{
	static const char *const w[] = { "say", "tell", "add", "claim",
		"argue", "think", "believe", "insist", "explain", "warn",
		"admit", "write", "note", "recall", "suggest", "ask", "reply",
		"answer", "respond", "state", "declare", "announce", "speak",
		"talk", "comment", "confirm", "deny", "agree", "disagree" };

	if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return 1;
	return 0;
}

/* Tokens walked back over a list for the words that introduce it. */
#define PEOPLE_LIST_REACH 40

/* 1 when the run at token a is an item of a list of things: "games like
 * Baldur's Gate and Icewind Dale", "films such as X, Y and Z", "brands
 * including X": a plural word for works, companies or teams, then "like",
 * "such as" or "including", and only names, commas, "and", "or" between
 * it and the run. */
static int
things_list(const struct doc *d, size_t a)
{
	static const char *const w[] = { "games", "films", "movies", "shows",
		"series", "books", "novels", "titles", "albums", "songs",
		"franchises", "sequels", "apps", "brands", "products",
		"companies", "firms", "bands", "teams", "clubs", "studios",
		"publishers", "labels", "platforms", "services", "sites",
		"shops", "stores", "restaurants", "cars", "models", "phones" };
	size_t i, intro;

	for (i = a; i > 0 && i + PEOPLE_LIST_REACH > a &&
	     doc_same_sent(d, i - 1, a); i--) {
		const struct tok *t = &d->tk.v[i - 1];

		if (tok_is(&d->tk, i - 1, "like") ||
		    tok_is(&d->tk, i - 1, "including") ||
		    (tok_is(&d->tk, i - 1, "as") && i > 1 &&
		     tok_is(&d->tk, i - 2, "such"))) {
			intro = tok_is(&d->tk, i - 1, "as") ? i - 2 : i - 1;
			if (intro == 0 || !doc_same_sent(d, intro - 1, a))
				return 0;
			if (tok_in(&d->tk, intro - 1, w, sizeof(w) / sizeof(*w)))
				return 1;
			return 0;
		}
		if ((t->flags & (TOK_CAP | TOK_NUM)) ||
		    tok_punct(&d->tk, i - 1, ',') ||
		    tok_punct(&d->tk, i - 1, ':') ||
		    tok_is(&d->tk, i - 1, "and") || tok_is(&d->tk, i - 1, "or") ||
		    tok_is(&d->tk, i - 1, "the"))
			continue;
		return 0;
	}
	return 0;
}

/* 1 for a preposition joined to an article in Portuguese, Spanish,
 * Italian, French or German ("do", "das", "del", "della", "du", "des",
 * "der", "dem"), in lower case. */
static int
article_prep(const struct doc *d, size_t i)
{
	static const char *const w[] = { "do", "da", "dos", "das", "del",
		"della", "dello", "delle", "degli", "dei", "du", "des", "der",
		"dem", "den", "al", "ao", "aos", "na", "no", "nas", "nos",
		"nella", "nel", "zum", "zur", "im" };

	if (d->tk.v[i].flags & TOK_CAP)
		return 0;
	if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return 1;
	return 0;
}

/* 1 for a lower-case noun for a kind of company or publication at token
 * i ("company", "weekly", "broadcaster", "house"): what a name after it
 * ("the Dhaka weekly Parda Kotha", "the broadcaster Kaapstad Vision") or
 * in an apposition ("Vocalis Afrika, the dubbing company,") names. */
static int
org_kind(const struct doc *d, size_t i)
{
	static const char *const w[] = { "company", "firm", "startup",
		"start-up", "network", "channel", "studio", "label", "agency",
		"manufacturer",
		"carmaker", "automaker", "chipmaker", "brand", "outlet",
		"newspaper", "daily", "weekly", "monthly", "magazine",
		"tabloid", "broadsheet", "website", "newsletter", "charity",
		"nonprofit", "non-profit", "conglomerate", "subsidiary",
		"insurer", "lender", "bank", "airline", "carrier", "pub",
		"inn", "restaurant", "hotel" };

	if (i >= d->tk.n || (d->tk.v[i].flags & (TOK_CAP | TOK_POSS)))
		return 0;
	return tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w));
}

/* 1 when the word before token b heads its noun phrase: what follows is
 * a verb of saying, an auxiliary, a preposition or punctuation ("the
 * Corsaires said", "the Raptors, who"), not a noun it modifies ("the
 * Assad regime", "the Trump administration"). */
static int
the_head(const struct doc *d, size_t b)
{
	static const char *const aux[] = { "is", "was", "are", "were", "has",
		"have", "had", "will", "would", "can", "could", "did", "do",
		"does" };

	if (b >= d->tk.n || !doc_same_sent(d, b - 1, b))
		return 1;
	if (d->tk.v[b].flags & TOK_PUNCT)
		return !tok_punct(&d->tk, b, '-');
	return doc_is_speech(d, b) || (doc_lex(d, b) & LEX_PREP) ||
	       tok_in(&d->tk, b, aux, sizeof(aux) / sizeof(*aux));
}

/* 1 when the capitalised word at token a ends in "s" as plurals do
 * ("the Corsaires", "the Raptors": a team or a band speaks; "the Rock"
 * is a nickname). */
static int
plural_name(const struct doc *d, size_t a)
{
	size_t kl;
	const char *k = doc_key(d, a, &kl);

	return kl > 3 && k[kl - 1] == 's' && k[kl - 2] != 's';
}

/* 1 when the one word at token a follows "the" in lower case and heads
 * its noun phrase (the_head()): "the Corsaires said". */
static int
the_before(const struct doc *d, size_t a)
{
	return a > 0 && doc_same_sent(d, a - 1, a) &&
	       tok_is(&d->tk, a - 1, "the") &&
	       !(d->tk.v[a - 1].flags & TOK_CAP) && the_head(d, a + 1);
}

/* 1 when "maker" or "manufacturer" after a word for goods stands right
 * before token a ("the handset maker X", "a Danish toy manufacturer
 * X"). */
static int
goods_maker(const struct doc *d, size_t a)
{
	static const char *const goods[] = { "handset", "phone", "smartphone",
		"car", "chip", "drug", "aircraft", "plane", "steel", "tyre",
		"tire", "truck", "battery", "computer", "laptop", "software",
		"device", "appliance", "beverage", "drinks", "snack",
		"cosmetics", "vaccine", "headphone", "camera", "scooter",
		"engine", "semiconductor", "robot", "drone", "console",
		"spirits", "sportswear", "footwear", "vehicle", "electronics" };
	/* not the crafts a person may ply ("shoe", "watch", "wine",
	 * "furniture", "toy") */

	if (a < 2 || !doc_same_sent(d, a - 2, a) ||
	    (d->tk.v[a - 1].flags & (TOK_CAP | TOK_POSS)) ||
	    !(tok_is(&d->tk, a - 1, "maker") ||
	      tok_is(&d->tk, a - 1, "manufacturer")))
		return 0;
	return tok_in(&d->tk, a - 2, goods, sizeof(goods) / sizeof(*goods));
}

/* 1 for a lower-case word for a band at token i ("duo", "trio",
 * "band"), after a determiner or a modifier before it: the name after it
 * is the group's. */
static int
band_word(const struct doc *d, size_t i)
{
	static const char *const w[] = { "band", "duo", "trio", "quartet",
		"quintet", "sextet", "septet", "octet", "ensemble", "orchestra",
		"choir", "supergroup" };

	if (i == 0 || (d->tk.v[i].flags & (TOK_CAP | TOK_POSS)) ||
	    !tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return 0;
	return !(d->tk.v[i - 1].flags & TOK_PUNCT) &&
	       !tok_is(&d->tk, i - 1, "of") && !tok_is(&d->tk, i - 1, "and");
}

/* 1 for a lower-case word for a company that names a person's trade or
 * other things too ("the broadcaster X", "the documentary maker X", "the
 * house X built"): before a run that reads as a name it is no company's
 * ("the visual-effects house Kalpa Digital" is). */
static int
org_or_role(const struct doc *d, size_t i)
{
	static const char *const w[] = { "broadcaster", "publisher",
		"distributor", "retailer", "maker", "producer", "house",
		"paper" };

	if (i >= d->tk.n || (d->tk.v[i].flags & (TOK_CAP | TOK_POSS)))
		return 0;
	return tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w));
}

/* 1 when the comma at token c ends the apposition of an organisation to
 * the name before it: "Vocalis Afrika, the dubbing company,", "Zorvex, a
 * chipmaker based in Oslo," (a determiner, then the kind within a few
 * lower-case words, before any role: "X, the company's founder," is a
 * person). */
static int
org_appos(const struct doc *d, size_t c)
{
	size_t k;

	if (c + 2 >= d->tk.n || !(doc_lex(d, c + 1) & LEX_DET) ||
	    !doc_same_sent(d, c, c + 1))
		return 0;
	static const char *const after[] = { "that", "which", "whose",
		"based", "owned", "founded", "run", "known", "in", "from", "of",
		"with", "and", "behind" };

	for (k = c + 2; k < c + 2 + PEOPLE_APPOS_WINDOW && k < d->tk.n &&
	     doc_same_sent(d, c, k); k++) {
		/* the head of the apposition, not a word before it ("Ann
		 * Lee, a network executive,") */
		if (org_kind(d, k))
			return k + 1 >= d->tk.n ||
			       (d->tk.v[k + 1].flags & TOK_PUNCT) ||
			       tok_in(&d->tk, k + 1, after,
				      sizeof(after) / sizeof(*after));
		/* "the Oslo shipping company": a place may modify it */
		if ((d->tk.v[k].flags & TOK_CAP) &&
		    (doc_lex(d, k) & LEX_PLACE) && !(doc_lex(d, k) & LEX_GIVEN))
			continue;
		if (is_role_before(d, k) || (d->tk.v[k].flags & (TOK_CAP |
								 TOK_PUNCT)))
			return 0;
	}
	return 0;
}

/* 1 when the run [a, b) stands in apposition to a word for a work or a
 * product: "The special, Nell Orrin, starts on Friday", "on the set of
 * his next feature, Kis Yolcu.", "its new model, Drift 3," (the run
 * closes the apposition with a comma or ends the sentence, or a model's
 * number follows); not after a preposition opening the sentence ("In
 * the film, Ava Chen plays a nurse", the name before its verb) or before
 * a verb of saying ("The film, Ava Chen said, ..."). */
static int
work_appos(const struct doc *d, size_t a, size_t b)
{
	size_t w, j;

	static const char *const thing[] = { "latest", "model", "product",
		"device", "gadget", "app", "chatbot", "software", "platform" };

	if (a < 2 || !tok_punct(&d->tk, a - 1, ',') ||
	    !doc_same_sent(d, a - 2, a) ||
	    (d->tk.v[a - 2].flags & (TOK_CAP | TOK_POSS)) ||
	    !((doc_lex(d, a - 2) & LEX_WORK) ||
	      tok_in(&d->tk, a - 2, thing, sizeof(thing) / sizeof(*thing))))
		return 0;
	if (b < d->tk.n && doc_same_sent(d, a, b) &&
	    !tok_punct(&d->tk, b, ',') && !tok_punct(&d->tk, b, ')') &&
	    !tok_punct(&d->tk, b, '.') && !tok_punct(&d->tk, b, ';') &&
	    !((d->tk.v[b].flags & TOK_NUM) && d->tk.v[b].ol <= 2))
		return 0;
	if (b + 1 < d->tk.n && doc_same_sent(d, a, b + 1) &&
	    doc_is_speech(d, b + 1))
		return 0;
	/* the words of the work's noun phrase, back to its start */
	for (w = a - 2, j = 0; w > 0 && j < 4 && doc_same_sent(d, w - 1, a) &&
	     !(d->tk.v[w - 1].flags & (TOK_PUNCT | TOK_CAP)) &&
	     !(doc_lex(d, w - 1) & LEX_PREP); w--, j++)
		;
	if (w > 0 && doc_same_sent(d, w - 1, a) &&
	    (doc_lex(d, w - 1) & LEX_PREP) &&
	    (d->tk.v[w - 1].flags & TOK_SSTART))
		return 0;
	/* "the coordinator on her new series, Sigrun Hall, was": the
	 * person of the role before the preposition. */
	if (w > 1 && doc_same_sent(d, w - 2, a) &&
	    (doc_lex(d, w - 1) & LEX_PREP) && is_role_before(d, w - 2))
		return 0;
	return 1;
}

/* Tokens walked back from an apposition's comma to the role whose
 * phrase it closes. */
#define PEOPLE_ROLE_PHRASE 8

/* 1 when the run [a, b) closes with a comma an apposition to a role's
 * phrase ending just before it: "the brother of heir to the British
 * throne, Charles, has", "the coordinator at the hospital, Ada Obi,"
 * (the role in lower case a few words back, only words in lower case,
 * "of", "to", "the" and adjectives between; no work or organisation
 * word or possessive there: "the director of the film, Titanic,", "star
 * of the year's biggest romance, Paper Kites,"). */
static int
role_phrase_before(const struct doc *d, size_t a, size_t b)
{
	size_t j;

	if (!d->english || a < 3 || !tok_punct(&d->tk, a - 1, ',') ||
	    b >= d->tk.n || !tok_punct(&d->tk, b, ',') ||
	    !doc_same_sent(d, a - 1, b))
		return 0;
	for (j = a - 2; j > 0 && j + PEOPLE_ROLE_PHRASE > a &&
	     doc_same_sent(d, j, a); j--) {
		const struct tok *t = &d->tk.v[j];

		if (is_role_before(d, j) && !(t->flags & TOK_CAP))
			return j < a - 2;
		if ((t->flags & (TOK_PUNCT | TOK_NUM | TOK_POSS)) ||
		    !(t->flags & TOK_WORD) ||
		    (doc_lex(d, j) & (LEX_WORK | LEX_ORG | LEX_SPEECH)))
			return 0;
	}
	return 0;
}

/* 1 for a word for a street in the languages that write it in lower
 * case before the street's name ("ulica Jana Pawła II", "rue Victor
 * Hugo", "calle Mayor", "avenida Paulista"): what follows names a
 * place. Not "via", which is an English preposition too ("via Ana
 * Reyes, her agent"). */
static int
street_before(const struct doc *d, size_t a)
{
	static const char *const w[] = { "ulica", "ul", "aleja", "plac",
		"rue", "avenue", "boulevard", "calle", "avenida", "rua",
		"praca", "viale", "piazza", "corso", "strada", "ulitsa",
		"prospekt", "sokak", "caddesi", "jalan", "jl" };

	if (a == 0 || !doc_same_sent(d, a - 1, a) ||
	    (d->tk.v[a - 1].flags & TOK_CAP))
		return 0;
	if (a > 1 && tok_punct(&d->tk, a - 1, '.') &&
	    doc_same_sent(d, a - 2, a) && !(d->tk.v[a - 2].flags & TOK_CAP))
		return tok_in(&d->tk, a - 2, w, sizeof(w) / sizeof(*w));
	return tok_in(&d->tk, a - 1, w, sizeof(w) / sizeof(*w));
}

/* 1 when "which" follows the run [a, b) after a comma, and the run is a
 * subject: it opens its sentence or follows a verb of saying or "that"
 * ("Hugo, which plans routes, will launch", "said Ada, which schedules
 * shifts, ..."). A person is "who"; after an object "which" may take up
 * the whole clause ("the prize went to Ada Obi, which surprised
 * nobody"). */
static int
which_after(const struct doc *d, size_t a, size_t b)
{
	if (b + 1 >= d->tk.n || !tok_punct(&d->tk, b, ',') ||
	    !tok_is(&d->tk, b + 1, "which") || !doc_same_sent(d, a, b + 1))
		return 0;
	if (d->tk.v[a].flags & TOK_SSTART)
		return 1;
	return a > 0 && doc_same_sent(d, a - 1, a) &&
	       !(d->tk.v[a - 1].flags & TOK_CAP) &&
	       (doc_is_speech(d, a - 1) || tok_is(&d->tk, a - 1, "that"));
}

/* Tokens a result line ("Lothian Reivers 27 Clyde Warriors 24") may
 * have at most. */
#define PEOPLE_SCORE_LINE 12

/* 1 when token i opens a line or a paragraph. */
static int
line_start(const struct doc *d, size_t i)
{
	return i == 0 || (d->tk.v[i].flags & (TOK_NLBEFORE | TOK_PSTART));
}

/* 1 when the run at token a is a side of a result line: a line that holds
 * only two capitalised runs, each with its score after it ("Lothian
 * Reivers 27 Clyde Warriors 24"), as a match report's headline does. */
static int
score_line(const struct doc *d, size_t a)
{
	size_t s = a, i, runs = 0;

	while (!line_start(d, s) && s + PEOPLE_SCORE_LINE > a)
		s--;
	if (!line_start(d, s))
		return 0;
	i = s;
	while (runs < 2) {
		size_t r = i;

		while (i < d->tk.n && i < s + PEOPLE_SCORE_LINE &&
		       is_cap_word(d, i) && (i == r || !line_start(d, i)))
			i++;
		if (i == r || i >= d->tk.n || line_start(d, i) ||
		    (d->tk.v[i].flags & (TOK_NUM | TOK_PUNCT)) != TOK_NUM)
			return 0;
		i++;
		runs++;
		if (runs < 2 && (i >= d->tk.n || line_start(d, i)))
			return 0;
	}
	return i >= d->tk.n || line_start(d, i);
}

/* Evidence around the occurrence [a, b). */
static unsigned
evidence_at(const struct doc *d, size_t a, size_t b)
{
	unsigned ev = 0;
	size_t j, steps, g = a;

	/* "F. Ryan Holloway": the given name after the initials. */
	while (g + 2 < b && d->tk.v[g].kl == 1 && tok_punct(&d->tk, g + 1, '.'))
		g += 2;
	if (doc_lex(d, g) & LEX_GIVEN)
		ev |= EV_GIVEN;
	/* "the comedy Paper Lanterns": a title, whatever follows. */
	if (a > 0 && doc_same_sent(d, a - 1, a) &&
	    (doc_lex(d, a - 1) & LEX_WORK) && !verb_use(d, a - 1))
		return EV_WORK;
	if (things_list(d, a))
		return EV_WORK; /* "games like Icewind Dale" */
	if (d->english && score_line(d, a))
		return ev | EV_THING; /* "Lothian Reivers 27 Clyde Warriors 24" */
	if (street_before(d, a))
		return ev | EV_PLACE_PREP | EV_THING; /* "ulica Jana Pawła" */
	if (which_after(d, a, b))
		return ev | EV_THING | EV_ORGAPPOS; /* "Hugo, which plans" */
	if (work_appos(d, a, b))
		return EV_WORK; /* "The special, Nell Orrin, starts" */
	/* "for her record Les Heures Bleues", "their new single Paper
	 * Moon": a possessive before words for music that name other
	 * things too ("the record Usain Bolt set") */
	if (a > 1 && doc_same_sent(d, a - 2, a) &&
	    (tok_is(&d->tk, a - 1, "record") || tok_is(&d->tk, a - 1, "single") ||
	     tok_is(&d->tk, a - 1, "mixtape")) &&
	    (tok_is(&d->tk, a - 2, "her") || tok_is(&d->tk, a - 2, "his") ||
	     tok_is(&d->tk, a - 2, "their") || tok_is(&d->tk, a - 2, "new") ||
	     tok_is(&d->tk, a - 2, "debut") || tok_is(&d->tk, a - 2, "latest") ||
	     (d->tk.v[a - 2].flags & TOK_POSS)))
		return EV_WORK;
	if (a > 0 && doc_same_sent(d, a - 1, a) &&
	    (plays_before(d, a) || char_of(d, a, b)))
		return ev | EV_CHAR;
	/* "By Sunanda Kulkarni-Roy" opening a paragraph or a line: the
	 * author's byline. */
	if (a > 0 && tok_is(&d->tk, a - 1, "by") &&
	    (d->tk.v[a - 1].flags & (TOK_PSTART | TOK_NLBEFORE)) &&
	    (d->tk.v[a - 1].flags & TOK_CAP))
		return ev | EV_BYLINE;
	/* "ministro do Meio Ambiente", "Ministerio de Asuntos del Interior",
	 * "Präsident der Bundesbank": in text that is not English a
	 * preposition joined to an article introduces a place or an
	 * institution, as "of the" does. */
	if (!d->english && a > 0 && doc_same_sent(d, a - 1, a) &&
	    article_prep(d, a - 1))
		return ev | EV_PREP | EV_PLACE_PREP | who_after(d, b);
	/* "in Leeds, the director", "of Marquee Metrics said": after a
	 * preposition only a given name, role or title makes a person; after
	 * one of place ("in", "at", "from") a run of unknown words is a
	 * place more likely than a name. */
	ev |= author_of(d, a, b) | named_person(d, a) | kin_after(d, a, b) |
	      made_by(d, a);
	/* "the campaign group Friends of Ben Gulabin", "Sisters of Agnes
	 * Dwyer": a capitalised plural of the dictionary inside a sentence,
	 * then "of", opens the name of a group that the name after it is a
	 * part of. */
	if (d->english && a > 1 && tok_is(&d->tk, a - 1, "of") &&
	    doc_same_sent(d, a - 2, a) && is_cap_word(d, a - 2) &&
	    !(d->tk.v[a - 2].flags & (TOK_SSTART | TOK_ALLCAP | TOK_POSS)) &&
	    dict_word(d, a - 2) && plural_name(d, a - 2))
		return ev | EV_PREP | EV_THING;
	if (a > 0 && doc_same_sent(d, a - 1, a) &&
	    (doc_lex(d, a - 1) & LEX_PREP))
		return ev | EV_PREP | who_after(d, b) |
		       (place_prep(d, a - 1) && !source_to(d, a - 1)
				? EV_PLACE_PREP : 0);
	if (a > 1 && doc_same_sent(d, a - 2, a) &&
	    tok_punct(&d->tk, a - 1, ',') &&
	    is_role_before(d, a - 2))
		ev |= EV_ROLE; /* "Its president, Dorothea Vance-Kilbride," */
	else if (role_phrase_before(d, a, b))
		ev |= EV_ROLE; /* "heir to the British throne, Charles," */
	if (a > 0 && doc_same_sent(d, a - 1, a)) {
		if (is_role_before(d, a - 1))
			ev |= EV_ROLE;
		if (doc_lex(d, a - 1) & LEX_TITLE)
			ev |= EV_TITLE;
		/* "Mr. Tramp": the title's stop between. */
		if (a > 1 && tok_punct(&d->tk, a - 1, '.') &&
		    doc_same_sent(d, a - 2, a) &&
		    (doc_lex(d, a - 2) & LEX_TITLE))
			ev |= EV_TITLE;
		/* "said Google's miss was small": a possessor in what is
		 * said, not the speaker. */
		if ((doc_lex(d, a - 1) & LEX_SPEECH_INV) &&
		    !(a > 1 && (doc_lex(d, a - 2) & LEX_PRONOUN)) &&
		    !(d->tk.v[b - 1].flags & TOK_POSS))
			ev |= EV_INV;
	}
	/* "X said", "X bluntly stated", "X, who", "X, a director," */
	j = b;
	if (j < d->tk.n && doc_same_sent(d, j, a) &&
	    tok_punct(&d->tk, j, ',')) {
		size_t k = j + 1;

		/* "Meghan, Duchess of Sussex": a title of a place. */
		/* "X, engineer Isaac Clarke": a role before a name is that
		 * name's. */
		/* "Vocalis Afrika, the dubbing company,": an
		 * organisation. */
		if (org_appos(d, j))
			return ev | EV_THING | EV_ORGAPPOS;
		if (tok_is(&d->tk, k, "who") || tok_is(&d->tk, k, "whose") ||
		    (is_role_before(d, k) && !is_cap_word(d, k + 1)) ||
		    ((doc_lex(d, k) & LEX_TITLE) && (d->tk.v[k].flags & TOK_CAP) &&
		     tok_is(&d->tk, k + 1, "of")))
			ev |= EV_APPOS;
		if (k < d->tk.n && (doc_lex(d, k) & LEX_APPOS)) {
			for (k = j + 2; k < j + 2 + PEOPLE_APPOS_WINDOW &&
			     doc_same_sent(d, k, a); k++) {
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
		/* "X, another deportee, said", "X, a fellow at the Max
		 * Planck Institute, said": an apposition, then the verb. */
		for (k = j + 1; k < d->tk.n && k < j + PEOPLE_APPOS_FAR &&
		     doc_same_sent(d, k, a); k++) {
			if (doc_is_speech(d, k) || d->tk.v[k].quote >= 0)
				break;
			if (tok_punct(&d->tk, k, ',')) {
				if (k + 1 < d->tk.n && doc_is_speech(d, k + 1))
					ev |= EV_SPEECH;
				break;
			}
		}
		return ev;
	}
	for (steps = 0; j < d->tk.n && steps < PEOPLE_VERB_WINDOW &&
	     doc_same_sent(d, j, a);
	     j++, steps++) {
		if (doc_is_speech(d, j)) {
			/* "Goonies Never say die": a plural verb right after
			 * one name is no reporting clause of it ("Ellis and
			 * Cook say" is). */
			if (j == b && plural_verb(d, j) &&
			    !(a > 0 && tok_is(&d->tk, a - 1, "and")))
				break;
			ev |= EV_SPEECH;
			if (doc_lex(d, j) & LEX_SPEECH_INV)
				ev |= EV_SAID;
			break;
		}
		if (!is_aux(d, j))
			break;
	}
	return ev;
}

/* Lower-case head nouns a capitalised run names a thing or a place
 * before, never a person: "the Galileo Jupiter probe", "the Hazel Hen
 * supercomputer", "Gibson Southern schools", "Forest Hill police". */
static int
thing_head(const struct doc *d, size_t i)
{
	static const char *const w[] = { "probe", "spacecraft", "telescope",
		"rover", "satellite", "supercomputer", "benchmark", "processor",
		"chip", "smartphone", "phone", "laptop", "console", "sedan",
		"suv", "tablet", "headphones", "earbuds", "headset", "camera",
		"drone", "router", "controller", "keyboard", "monitor",
		"charger", "hatchback", "coupe", "crossover", "pickup",
		"motorcycle", "scooter", "airliner", "helicopter", "rocket",
		"missile", "app", "browser", "chipset", "gpu", "cpu",
		"smartwatch", "cosmetics", "perfume", "fragrance", "sneakers",
		"handbags", "beer", "whisky", "vodka", "school", "schools",
		"theater", "theatre", "police",
		"stadium", "arena", "hotel", "airport", "campus", "hospital",
		"tower", "county", "river", "lake", "mountains", "valley",
		"corporation", "headquarters", "facility", "plant", "mine",
		"district", "neighborhood", "neighbourhood", "township",
		"parade", "carnival" };

	/* lower case, or an acronym: "SUV", "GPU" */
	if (i >= d->tk.n || (d->tk.v[i].flags & TOK_PUNCT) ||
	    ((d->tk.v[i].flags & TOK_CAP) && !(d->tk.v[i].flags & TOK_ALLCAP)))
		return 0;
	if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return 1;
	return 0;
}

/* 1 for a capitalised word that ends the name of a product's model,
 * never a surname: "Mac Pro", "Galaxy Ultra", "Switch Lite", "Collector
 * Edition". */
static int
model_word(const struct doc *d, size_t i)
{
	static const char *const w[] = { "pro", "plus", "mini", "ultra",
		"lite", "edition", "deluxe" };

	if (!(d->tk.v[i].flags & TOK_CAP))
		return 0;
	if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return 1;
	return 0;
}

/* 1 for a part of a machine in lower case at token i: "battery",
 * "display", "touchscreen", "engine", "chipset", "trunk", "dashboard". */
static int
machine_part(const struct doc *d, size_t i)
{
	static const char *const w[] = { "battery", "display", "screen",
		"touchscreen", "engine", "chipset", "processor", "trunk",
		"dashboard", "specs", "firmware", "drivetrain", "powertrain",
		"chassis", "bezel", "bezels", "keyboard", "trackpad" };

	if (d->tk.v[i].flags & (TOK_CAP | TOK_PUNCT))
		return 0;
	if (tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
		return 1;
	return 0;
}

/* 1 for a token of letters and digits both ("AW3418DW", "S10", "G3"),
 * which names a model, not a person. */
static int
model_code(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tk.v[i];
	const char *o = d->text + t->o;
	size_t j;
	int digit = 0, alpha = 0;

	/* "2nd", "1990s" are no model */
	for (j = 0; j < t->ol && o[j] >= '0' && o[j] <= '9'; j++)
		;
	if (j > 0 && (t->ol - j == 1 || t->ol - j == 2) &&
	    !(o[t->ol - 1] >= '0' && o[t->ol - 1] <= '9') &&
	    (o[j] == 's' || o[j] == 'n' || o[j] == 'r' || o[j] == 't'))
		return 0;
	for (j = 0; j < t->ol; j++) {
		if (o[j] >= '0' && o[j] <= '9')
			digit = 1;
		else if ((o[j] >= 'A' && o[j] <= 'Z') ||
			 (o[j] >= 'a' && o[j] <= 'z'))
			alpha = 1;
		else
			return 0;
	}
	return digit && alpha;
}

/* 1 when the run at token a is the name of a group or a thing: "forces
 * known as X", "a militia called X", "an app named X", "a company
 * called X". */
static int
named_thing(const struct doc *d, size_t a)
{
	static const char *const what[] = { "forces", "force", "group",
		"groups", "militia", "rebels", "movement", "unit", "brigade",
		"faction", "network", "alliance", "coalition", "company",
		"firm", "startup", "app", "program", "programme", "operation",
		"project", "party", "organisation", "organization", "band",
		"ship", "vessel", "boat", "storm", "hurricane", "typhoon",
		"cyclone", "virus", "variant", "product", "brand", "platform",
		"initiative", "campaign", "fund", "exercise", "mission",
		"restaurant", "bar", "cafe", "shop", "store", "club" };
	size_t n;

	if (a < 2 || !doc_same_sent(d, a - 2, a))
		return 0;
	if (tok_is(&d->tk, a - 1, "called") || tok_is(&d->tk, a - 1, "named") ||
	    tok_is(&d->tk, a - 1, "dubbed"))
		n = a - 2;
	else if (a > 2 && tok_is(&d->tk, a - 1, "as") &&
		 tok_is(&d->tk, a - 2, "known") && doc_same_sent(d, a - 3, a))
		n = a - 3;
	else
		return 0;
	return tok_in(&d->tk, n, what, sizeof(what) / sizeof(*what));
}

/* 1 when the run [a, b) opens its sentence as a company does: "its"
 * follows with no verb of saying, comma, quotation, pronoun or
 * capitalised word between ("Lakshmi Talkies will show its last film";
 * not "Tim Cook said its sales rose"). */
static int
run_its(const struct doc *d, size_t a, size_t b)
{
	size_t j;

	if (!(d->tk.v[a].flags & TOK_SSTART) || !d->english)
		return 0;
	for (j = b; j < d->tk.n && j < b + PEOPLE_ITS_WINDOW &&
	     doc_same_sent(d, a, j); j++) {
		if (tok_is(&d->tk, j, "its"))
			return 1;
		if ((d->tk.v[j].flags & TOK_CAP) || d->tk.v[j].quote >= 0 ||
		    tok_punct(&d->tk, j, ',') || doc_is_speech(d, j) ||
		    (doc_lex(d, j) & (LEX_PRONOUN_F | LEX_PRONOUN_M)))
			return 0;
	}
	return 0;
}

/* A run of two words or more [a, b) used as a thing, not a person: right
 * after a determiner in lower case when no given name opens it ("the
 * Motorola Razr"; a person has a role or an adjective there, "the
 * director X", "the late X", or is named as a kind: "an Oliver Sacks kind
 * of way"), before a thing's head noun, before a role and another name
 * ("Gibson Southern teacher Angela Cooper"), or after a preposition of
 * place when it ends in a dictionary word ("at Heinz Field", "in Forest
 * Hill"). */
static unsigned
thing_evidence(const struct doc *d, size_t a, size_t b, unsigned ev)
{
	static const char *const det[] = { "the", "a", "an", "its", "their",
		"this", "these", "our", "your" };
	/* words of a job's name before its role ("general manager"), never
	 * a verb ("X met producer Y") */
	static const char *const job_mod[] = { "general", "head", "chief",
		"executive", "managing", "assistant", "deputy", "technical",
		"creative", "artistic", "sporting", "finance", "financial",
		"operations", "marketing", "press", "commercial", "team",
		"club", "senior", "lead", "founding", "former", "interim" };
	size_t j;

	/* "Gibson Southern teacher Angela Cooper", "said Vocalis founder
	 * Ada Okpara", "Trinidadian director Winston Alleyne": a word
	 * before a role and another name says what that person works for
	 * or is; it is no person there (elsewhere it may be: "Tramp aide
	 * Ann Roe ... Tramp said"). */
	if (b + 1 < d->tk.n && doc_same_sent(d, a, b + 1) &&
	    !(d->tk.v[b - 1].flags & TOK_POSS) &&
	    !(d->tk.v[b].flags & TOK_CAP) && doc_is_role(d, b) &&
	    is_cap_word(d, b + 1))
		return EV_THING;
	/* ... also with a word of the job's name before the role ("said
	 * Rivermen general manager Marcus DeLuca", "Kestrel head coach
	 * Ana Reyes"). */
	if (b + 2 < d->tk.n && doc_same_sent(d, a, b + 2) &&
	    !(d->tk.v[b - 1].flags & TOK_POSS) &&
	    !(d->tk.v[b].flags & TOK_CAP) &&
	    tok_in(&d->tk, b, job_mod, sizeof(job_mod) / sizeof(*job_mod)) &&
	    !(d->tk.v[b + 1].flags & TOK_CAP) && doc_is_role(d, b + 1) &&
	    is_cap_word(d, b + 2))
		return EV_THING;
	/* "Procter & Gamble said", "Marks & Spencer": single names joined
	 * by an ampersand are a firm's ("Ivy Banks & Tom Reed" are
	 * people) */
	if (words_in(d, a, b) == 1 &&
	    ((a > 1 && tok_punct(&d->tk, a - 1, '&') &&
	     doc_same_sent(d, a - 2, a) && is_cap_word(d, a - 2)) ||
	    (b + 1 < d->tk.n && tok_punct(&d->tk, b, '&') &&
	     doc_same_sent(d, a, b + 1) && is_cap_word(d, b + 1) &&
	     words_in(d, b + 1, b + 2) == 1 && !is_cap_word(d, b + 2))))
		return EV_THING;
	/* "the Taipei handset maker Vantric": a maker of goods is a
	 * company, at every occurrence of its name ("documentary maker" is
	 * a trade). */
	if (goods_maker(d, a) && (b == a + 1 || !(ev & EV_GIVEN)))
		return EV_THING | EV_ORGAPPOS;
	/* "the Glasgow duo Hettie Vance", "the accordion trio Kolme
	 * Veljesta": a band's name, whatever its words. */
	if (a > 0 && doc_same_sent(d, a - 1, a) && band_word(d, a - 1))
		return EV_THING;
	/* "the Corsaires said", "the Pentagon": one word after "the" in
	 * lower case names a team, a band or a place, no person. */
	if (b == a + 1 && the_before(d, a))
		return ev | EV_THING;
	if (words_in(d, a, b) < 2)
		return 0;
	/* "Storm Idris", "Hurricane Katrina": a storm's kind before a given
	 * name (not "Storm Reid", a given name before a surname). */
	/* ... or any word, when nothing around it says person: a verb of
	 * saying ("Storm Reid said", the actress), not "put" ("after Storm
	 * Iolanthe put two metres of water"). */
	if (words_in(d, a, b) == 2 &&
	    ((doc_lex(d, b - 1) & LEX_GIVEN) ||
	     !(ev & (EV_SAID | EV_INV | EV_APPOS | EV_ROLE | EV_TITLE |
		     EV_KIN | EV_AUTHOR | EV_HESHE))) &&
	    (tok_is(&d->tk, a, "storm") || tok_is(&d->tk, a, "hurricane") ||
	     tok_is(&d->tk, a, "typhoon") || tok_is(&d->tk, a, "cyclone")))
		return EV_THING;
	/* "the Dhaka weekly Parda Kotha", "the broadcaster Kaapstad
	 * Vision": a company or a publication of that kind (with a given
	 * name first, a person too: "the publisher Rupert Vane"). */
	if (!(ev & EV_GIVEN) && a > 0 && doc_same_sent(d, a - 1, a) &&
	    (org_kind(d, a - 1) ||
	     (org_or_role(d, a - 1) && !namelike(d, a, b))))
		return EV_THING;
	if (!(ev & EV_GIVEN) && a > 0 && doc_same_sent(d, a - 1, a) &&
	    !(d->tk.v[a - 1].flags & TOK_CAP))
		for (j = 0; j < sizeof(det) / sizeof(*det); j++)
			if (tok_is(&d->tk, a - 1, det[j]))
				return EV_THING;
	/* "its electric Gran Turismo", "their new Vanta Pro": a thing's
	 * possessive, then an adjective in lower case (no role, and no
	 * plural or verb in -s: "its signatories include X Y"). */
	if (!(ev & EV_GIVEN) && a > 1 && doc_same_sent(d, a - 2, a) &&
	    (tok_is(&d->tk, a - 2, "its") || tok_is(&d->tk, a - 2, "their"))) {
		const struct tok *t = &d->tk.v[a - 1];
		const char *o = d->text + t->o;

		if ((t->flags & (TOK_WORD | TOK_CAP | TOK_NUM)) == TOK_WORD &&
		    !doc_is_role(d, a - 1) && t->ol > 1 && o[t->ol - 1] != 's')
			return EV_THING;
	}
	if (b < d->tk.n && doc_same_sent(d, a, b) && thing_head(d, b))
		return EV_THING;
	/* "on the Dolly Shot podcast": a name that ends in a dictionary
	 * word, a given name first or not, before a word for an
	 * organisation or a work after "the", is the name of one; so is a
	 * sentence's subject with "its" after it and no verb of saying
	 * between ("Lakshmi Talkies will show its last film"; "Tim Cook
	 * said its sales rose" is a person). */
	if (is_cap_word(d, b - 1) && is_common(d, b - 1) &&
	    !weak_given(d, b - 1) && a > 0 && b < d->tk.n &&
	    doc_same_sent(d, a - 1, b) && tok_is(&d->tk, a - 1, "the") &&
	    (d->tk.v[b].flags & (TOK_WORD | TOK_CAP)) == TOK_WORD &&
	    (doc_lex(d, b) & (LEX_ORG | LEX_WORK)))
		return EV_THING;
	if (run_its(d, a, b))
		return EV_THING;
	if (named_thing(d, a))
		return EV_THING; /* "forces known as Maghawir al Thawra" */
	/* "the Vanta Pro's battery", "Zorvex Nova's display": a part of a
	 * machine, which no person has. */
	if (b < d->tk.n && (d->tk.v[b - 1].flags & TOK_POSS) &&
	    doc_same_sent(d, a, b) && machine_part(d, b))
		return EV_THING;
	if (model_word(d, b - 1))
		return EV_THING; /* "Mac Pro", "Zacian Edition" */
	/* "The Halvard Pulse 3 is", "a Corvane Aria 2": after a
	 * determiner, even a sentence's first, a run with a bare number
	 * after it is a model in a series, a given name or not (a person
	 * may have a number after the name in a score or a table, not a
	 * determiner before it). */
	if (a > 0 && b + 1 < d->tk.n && doc_same_sent(d, a - 1, b + 1) &&
	    (tok_is(&d->tk, a - 1, "the") || tok_is(&d->tk, a - 1, "a") ||
	     tok_is(&d->tk, a - 1, "an")) &&
	    (d->tk.v[b].flags & (TOK_NUM | TOK_NLBEFORE | TOK_PUNCT)) ==
		    TOK_NUM &&
	    d->tk.v[b].ol <= 2 && !(d->tk.v[b + 1].flags & TOK_NUM))
		return EV_THING;
	/* "Dell Alienware AW3418DW", "Zorvex Nova S10": a model code. */
	if (b < d->tk.n && doc_same_sent(d, a, b) &&
	    !(d->tk.v[b].flags & (TOK_NLBEFORE | TOK_PUNCT)) &&
	    model_code(d, b))
		return EV_THING;
	if ((ev & EV_PLACE_PREP) && is_cap_word(d, b - 1) &&
	    dict_word(d, b - 1))
		return EV_THING;
	return 0;
}

static unsigned given_bits(const char *k, size_t kl);
static int arabic_title(const struct doc *d, size_t i);

/* 1 for a word with a capital inside, after three letters or more, that
 * starts a dictionary word which is no given name: a product or a brand
 * ("MagSafe", "PlayStation", "YouTube", "MacBook"), not a name
 * ("MacArthur", "DeSantis", "LeBron", "MaryAnn"). */
static int
camel_product(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tk.v[i];
	const char *o = d->text + t->o;
	size_t j, kl;
	const char *k;

	for (j = 1; j < t->ol; j++) {
		if (!((o[j] >= 'a' && o[j] <= 'z') || (o[j] >= 'A' && o[j] <= 'Z')))
			return 0; /* ASCII letters only */
	}
	for (j = 1; j < t->ol && !(o[j] >= 'A' && o[j] <= 'Z'); j++)
		;
	if (j < 3 || j + 2 > t->ol)
		return 0;
	k = doc_key(d, i, &kl);
	if (kl != t->ol || (given_bits(k, j) & LEX_GIVEN))
		return 0;
	return given_common(k + j, kl - j) &&
	       !(given_bits(k + j, kl - j) & LEX_GIVEN);
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
	if (camel_product(d, i))
		return 1;
	/* Contractions: "I'm", "He'd", "They've". */
	if (ap && (lexicon_lookup(k, (size_t)(ap - k)) &
		   (LEX_PRONOUN | LEX_FUNC)))
		return 1;
	/* "Tony Blair", "Oscar Isaac", "Max Verstappen": a given name that
	 * also names an award or a service ("the Tony Awards", "HBO
	 * Max") before a capitalised word that is no organisation's. */
	if ((lx & LEX_ORG) && (lx & LEX_GIVEN) && i + 1 < d->tk.n &&
	    doc_same_sent(d, i, i + 1) &&
	    !(d->tk.v[i + 1].flags & TOK_NLBEFORE) &&
	    (d->tk.v[i + 1].flags & (TOK_WORD | TOK_CAP | TOK_ALLCAP)) ==
		    (TOK_WORD | TOK_CAP) &&
	    !(doc_lex(d, i + 1) & (LEX_ORG | LEX_PLACE)) &&
	    !(d->tmark[i + 1] & (TM_NONPERSON | TM_FIGURE)))
		return 0;
	return (lx & LEX_ORG) != 0;
}

/* 1 for an auxiliary verb opening a question ("Will Paris Fenwick
 * return?", "Can Ivy Banks sing?"): no given name there. */
static int
question_aux(const struct doc *d, size_t i)
{
	static const char *const aux[] = { "will", "can", "may", "could",
		"would", "should", "shall", "did", "does", "do", "is", "was",
		"has", "had" };
	size_t j, e;

	if (!(d->tk.v[i].flags & TOK_SSTART))
		return 0;
	for (j = 0; j < sizeof(aux) / sizeof(*aux); j++)
		if (tok_is(&d->tk, i, aux[j]))
			break;
	if (j == sizeof(aux) / sizeof(*aux))
		return 0;
	e = d->sent_start[d->tk.v[i].sent + 1];
	return e > i + 1 && tok_punct(&d->tk, e - 1, '?');
}

/* Leading words that are not part of a name. Sets *ev for titles/roles. */
static size_t
trim_front(const struct doc *d, const struct cands *c, size_t a, size_t b,
	   unsigned *ev)
{
	if (a < b && question_aux(d, a))
		a++;
	if (a < b && c->lower && c->lower[a] == 1)
		a++; /* "Karena Islam saat itu ...": "karena" is a word */
	while (a < b) {
		unsigned lx = doc_lex(d, a);

		if (surname_he(d, a) || east_asian(d, a, b)) {
			break;
		} else if ((lx & LEX_TITLE) || arabic_title(d, a)) {
			*ev |= EV_TITLE;
		} else if (doc_is_role(d, a) && !(lx & LEX_GIVEN)) {
			/* "LEGO Star Wars", "Resident Evil", "the Inspector
			 * General": a capitalised role inside a sentence
			 * before a dictionary word is part of a title. */
			/* So is one opening a sentence before a dictionary
			 * word and another capitalised word ("Star Wars Jedi:
			 * Fallen Order is ..."; "Director Quill arrived" is
			 * a person). */
			if (a + 1 < b &&
			    !(doc_lex(d, a + 1) & (LEX_GIVEN | LEX_TITLE)) &&
			    !doc_is_role(d, a + 1) && is_common(d, a + 1) &&
			    !weak_given(d, a + 1)) {
				if (!(d->tk.v[a].flags & TOK_SSTART))
					*ev |= EV_TITLEROLE;
				else if (words_in(d, a + 1, b) >= 2 &&
					 d->tk.v[a + 1].kl > 1)
					*ev |= EV_SSTITLE;
			}
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

/* "Home Secretary Jane Doe", "Senior Vice President", "U.S. Attorney
 * Dana Pike": capitalised words up to a role or title inside the run are
 * a job title, not part of the name, unless a given name comes first
 * ("Mark Cook"). */
static size_t
trim_role_prefix(const struct doc *d, size_t a, size_t b, unsigned *ev)
{
	size_t i, cut = a;
	int plain = 1; /* only roles, titles and abbreviations before i */

	if (east_asian(d, a, b))
		return a; /* "Son Min-jae": the surname, not a kinship */
	for (i = a; i < b; i++) {
		unsigned lx = doc_lex(d, i);
		int role = (lx & LEX_TITLE) || doc_is_role(d, i);

		if (lx & LEX_GIVEN)
			break;
		/* "Star Wars" stays: a role word cuts the run before a
		 * given name, at the run's end, or after other job words
		 * and abbreviations ("U.S. Attorney"). */
		if (role && (i + 1 == b || (doc_lex(d, i + 1) & LEX_GIVEN) ||
			     (i > a && plain))) {
			cut = i + 1;
			*ev |= (lx & LEX_TITLE) ? EV_TITLE : EV_ROLE;
		}
		if (!role && !(d->tk.v[i].flags & (TOK_ALLCAP | TOK_PUNCT)))
			plain = 0;
	}
	while (cut < b && (d->tk.v[cut].flags & TOK_PUNCT))
		cut++;
	return cut;
}

/* "Defenseman Jonas Brodin", "Public Ombudsman Nadia Cruz", "Britain Liu
 * Xiaming": capitalised dictionary words and places before a name of two
 * or more words (a given name first, or all unknown words) are no part of
 * it; so is a sentence's first word before a given name and a surname
 * (a job word the lexicon lacks). A given name is never cut ("Frank
 * Odell", "Grant Field"). */
static size_t
trim_common_front(const struct doc *d, size_t a, size_t b)
{
	/* Vietnamese surnames, which come first ("Pham Minh Tuan") and
	 * are no English words (not "Le", "Do", "Ho": "Do Anna and Tom
	 * agree?"). */
	static const char *const viet[] = { "nguyen", "tran", "pham",
		"hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ngo",
		"duong", "truong", "dinh", "doan", "luong", "trinh" };
	size_t n;

	if (east_asian(d, a, b) ||
	    (words_in(d, a, b) >= 2 &&
	     tok_in(&d->tk, a, viet, sizeof(viet) / sizeof(*viet))))
		return a;
	for (n = a; n < b; n++) {
		if (d->tk.v[n].flags & TOK_PUNCT)
			continue;
		if (words_in(d, n, b) < 2)
			break;
		if (n > a && ((doc_lex(d, n) & LEX_GIVEN) || namelike(d, n, b)))
			return n;
		/* "J.J. Abrams" keeps its first initial; "U.S." before
		 * "Envoy Jane Doe" and a letter with no stop ("G Jalen
		 * Brunson", a position in a roster) are cut. */
		if ((doc_lex(d, n) & LEX_GIVEN) || weak_given(d, n) ||
		    (n == a && d->tk.v[n].kl == 1 && n + 1 < b &&
		     tok_punct(&d->tk, n + 1, '.')) || (!is_common(d, n) &&
		     !(n == a && (d->tk.v[n].flags & TOK_SSTART) &&
		       n + 1 < b && (doc_lex(d, n + 1) & LEX_GIVEN))))
			break;
	}
	return a;
}

/* 1 when the role at token j is a surname after the given name at token
 * a: a role that is a common surname too ("John Legend", "Mark Judge",
 * "Joey Bishop", "James Dean"), not a job title after a given name that
 * is a word as well ("Art Director"). */
static int
role_surname(const struct doc *d, size_t a, size_t j)
{
	static const char *const w[] = { "judge", "bishop", "legend", "dean",
		"chancellor", "constable" };

	if (!(doc_lex(d, a) & LEX_GIVEN) || weak_given(d, a) ||
	    !is_cap_word(d, j))
		return 0;
	return tok_in(&d->tk, j, w, sizeof(w) / sizeof(*w));
}

/* A run that ends in a role or title ("Art Director", "Dakota Gov") names
 * the job: those words are not part of a name; nor is a day of the week
 * after a name. */
static size_t
trim_back(const struct doc *d, size_t a, size_t b)
{
	static const char *const days[] = { "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday" };
	size_t j;

	/* "CNN's Jake Tapper Sunday morning": a day after a name of two
	 * words (a month may be a surname: "Theresa May"). */
	for (j = 0; b > a + 2 && j < sizeof(days) / sizeof(*days); j++)
		if (tok_is(&d->tk, b - 1, days[j])) {
			b--;
			break;
		}
	/* "On Mare Alta I fought her": the pronoun before its verb, not a
	 * regnal number, which follows a monarch's given name, one of the
	 * hand-made list ("Charles I was"). */
	if (b > a + 1 && b < d->tk.n && tok_is(&d->tk, b - 1, "i") &&
	    doc_same_sent(d, b - 1, b) &&
	    (d->tk.v[b].flags & (TOK_WORD | TOK_CAP)) == TOK_WORD) {
		size_t kl;
		const char *k = doc_key(d, b - 2, &kl);

		if (!(lexicon_lookup(k, kl) & LEX_GIVEN))
			b--;
	}
	if (b == a + 2 && role_surname(d, a, b - 1))
		return b; /* "John Legend", "Mark Judge" */
	while (b > a && ((doc_lex(d, b - 1) & LEX_TITLE) ||
			 (doc_is_role(d, b - 1) &&
			  !(doc_lex(d, b - 1) & LEX_GIVEN)) ||
			 (d->tk.v[b - 1].flags & TOK_PUNCT)))
		b--;
	return b;
}

static int
is_mark(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_PUNCT))
		return 0;
	k = doc_key(d, i, &kl);
	return *k == '"' || *k == '\'';
}

static void
key_of(const struct doc *d, size_t a, size_t b, struct buf *out)
{
	size_t i, kl;

	int nick = 0;

	buf_reset(out);
	for (i = a; i < b; i++) {
		const char *k = doc_key(d, i, &kl);

		if (is_mark(d, i))
			nick = !nick; /* a nickname is no part of the key */
		if (!(d->tk.v[i].flags & TOK_WORD) || nick)
			continue;
		if (out->len)
			buf_addc(out, ' ');
		/* "Лаврова" and "Лавров" are one name. */
		buf_add(out, k, cyr_key(k, kl) ? cyr_stem(k, kl) : kl);
	}
}

/* The name [a, b) as the text writes it, without a nickname in marks:
 * "Vusumuzi Khanye" for "Vusumuzi ‘Vusi’ Khanye". */
static void
display_of(const struct doc *d, size_t a, size_t b, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = a; i < b; i++) {
		const struct tok *t = &d->tk.v[i];

		if (is_mark(d, i)) {
			size_t j;

			for (j = i + 1; j < b && !is_mark(d, j); j++)
				;
			if (j < b) {
				i = j; /* the nickname and its marks */
				continue;
			}
		}
		if (i > a && t->o > d->tk.v[i - 1].o + d->tk.v[i - 1].ol &&
		    out->len && out->p[out->len - 1] != ' ')
			buf_addc(out, ' ');
		buf_add(out, d->text + t->o, t->ol);
	}
}


/* The given-name bits of a key: the hand-made list first, the gazetteer
 * for the names it lacks. */
static unsigned
given_bits(const char *k, size_t kl)
{
	unsigned lx = lexicon_lookup(k, kl);

	if (lx & LEX_GIVEN)
		return lx & LEX_GIVEN;
	if (lx)
		return 0; /* a word of another class ("May" the month) */
	if (cyr_key(k, kl))
		return cyr_given(k, kl);
	return given_lookup(k, kl) & LEX_GIVEN;
}


/* Capitalised words the gazetteer knows as given names get LEX_GIVEN in
 * d->lex, so every rule below treats them as the hand-made list's. */
static void
mark_given(struct doc *d, const struct cands *c)
{
	size_t i, kl;
	unsigned g;

	for (i = 0; i < d->tk.n; i++) {
		const char *k;

		/* "Al Kafi", "Al Qur'an": in text that is not English, "Al"
		 * before a capitalised word is the Arabic article, not the
		 * given name of "Al Gore". */
		if (!d->english && tok_is(&d->tk, i, "al") &&
		    (d->tk.v[i].flags & TOK_CAP) && i + 1 < d->tk.n &&
		    !(d->tk.v[i + 1].flags & TOK_NLBEFORE) &&
		    is_cap_word(d, i + 1))
			d->lex[i] &= ~LEX_GIVEN;
		if (!(d->tk.v[i].flags & TOK_CAP) ||
		    !(d->tk.v[i].flags & TOK_WORD) || d->lex[i] ||
		    (c->lower && c->lower[i]))
			continue;
		k = doc_key(d, i, &kl);
		g = cyr_key(k, kl) ? cyr_given(k, kl) : given_lookup(k, kl);
		if (!(g & GIVEN_WEAK))
			d->lex[i] |= g;
		/* "Marie-Hélène", "Jo-Wilfried": given names on both sides
		 * of a hyphen (the gender is the first one's). */
		if (!d->lex[i] && memchr(k, '-', kl)) {
			size_t h = (size_t)((const char *)memchr(k, '-', kl) - k);

			g = given_bits(k, h);
			if (g && given_bits(k + h + 1, kl - h - 1))
				d->lex[i] |= g;
		}
	}
}

/* A generational suffix after a surname. */
static int
is_suffix(const char *k)
{
	return strcmp(k, "jr") == 0 || strcmp(k, "sr") == 0 ||
	       strcmp(k, "ii") == 0 || strcmp(k, "iii") == 0 ||
	       strcmp(k, "iv") == 0;
}

static int
new_person(struct doc *d, const char *display, size_t dlen, const char *key,
	   int figure, size_t first_tok)
{
	struct person *p;
	const char *sp = strrchr(key, ' ');
	const char *fs = strchr(key, ' ');
	const char *ds;
	unsigned lx;

	pt_xgrow((void **)&d->p, &d->capp, d->np + 1, sizeof(*d->p));
	p = &d->p[d->np];
	memset(p, 0, sizeof(*p));
	p->name = norm_nfc(display, dlen);
	p->key = pt_xstrdup(key);
	p->last = pt_xstrdup(sp ? sp + 1 : key);
	/* "James P. Kennedy Jr." is Kennedy by surname. */
	if (sp && sp > key && is_suffix(sp + 1)) {
		const char *q = sp;

		while (q > key && q[-1] != ' ')
			q--;
		if (q > key) {
			free(p->last);
			p->last = pt_xstrndup(q, (size_t)(sp - q));
		}
	}
	p->first = fs ? pt_xstrndup(key, (size_t)(fs - key)) : NULL;
	/* "Ruskin KJ" in a reference list is Ruskin by surname. */
	if (fs && fs == sp && dlen > 2 && strlen(sp + 1) <= 3 &&
	    display[dlen - 1] >= 'A' && display[dlen - 1] <= 'Z' &&
	    display[dlen - 2] != ' ' &&
	    display[dlen - 2] >= 'A' && display[dlen - 2] <= 'Z') {
		free(p->last);
		p->last = pt_xstrndup(key, (size_t)(fs - key));
	}
	/* "Park Ji-sung" is Park by surname, Ji-sung by given name. */
	if (fs && fs == sp && (ds = memchr(display, ' ', dlen)) != NULL &&
	    syllabic_text(ds + 1, dlen - (size_t)(ds - display) - 1)) {
		free(p->last);
		free(p->first);
		p->last = pt_xstrndup(key, (size_t)(fs - key));
		p->first = pt_xstrdup(fs + 1);
	}
	p->figure = figure;
	p->evidence = DOC_NONE;
	p->first_tok = first_tok;
	/* "Prince Andrew" named as Andrew: a one-word name that is a given
	 * name tells the gender as a first name does. */
	if (p->first || (d->english && !sp)) {
		lx = given_bits(p->first ? p->first : key,
				strlen(p->first ? p->first : key));
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

	while (k < PEOPLE_MAX_PARTICLES && b + k < d->tk.n &&
	       (doc_lex(d, b + k) & LEX_PARTICLE) &&
	       !(d->tk.v[b + k].flags & TOK_CAP))
		k++;
	return k;
}

/* Tokens of a nickname in quote marks inside a name at token i, its
 * marks included, or 0: "Vusumuzi ‘Vusi’ Khanye", "Ramón “Monchi” Dela
 * Cruz", "Abel “The Weeknd” Tesfaye" (a mark, one to three capitalised
 * words, a mark, and the name goes on). */
static size_t
nickname_at(const struct doc *d, size_t i)
{
	size_t j;

	if (!is_mark(d, i))
		return 0;
	for (j = i + 1; j < d->tk.n && j < i + 4 && is_cap_word(d, j); j++)
		;
	if (j == i + 1 || j + 1 >= d->tk.n || !is_mark(d, j) ||
	    !is_cap_word(d, j + 1) || !doc_same_sent(d, i, j + 1) ||
	    (d->tk.v[j + 1].flags & TOK_NLBEFORE))
		return 0;
	return j + 1 - i;
}

/* An Arabic article joined to a surname: "al-Hashimi", "el-Sayed" (in
 * lower case, the surname capitalised after the hyphen). */
static int
article_particle(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];
	const char *o = d->text + k->o;

	if (!(k->flags & TOK_WORD) || (k->flags & TOK_CAP) || k->ol < 4)
		return 0;
	if (!((o[0] == 'a' || o[0] == 'e') && o[1] == 'l' && o[2] == '-'))
		return 0;
	return o[3] >= 'A' && o[3] <= 'Z';
}

/* Bytes of an Arabic article and its hyphen opening token i before a
 * capital ("Al-", "At-", "Asy-": the article, its "l" assimilated or
 * not), or 0. */
static size_t
arabic_article(const struct doc *d, size_t i)
{
	static const char *const art[] = { "al", "el", "ad", "adh", "an",
		"ar", "as", "asy", "ash", "at", "ath", "az" };
	const struct tok *t = &d->tk.v[i];
	const char *o = d->text + t->o, *hy;
	size_t j, h;

	if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP))
		return 0;
	hy = memchr(o, '-', t->ol);
	if (!hy || (size_t)(hy - o) + 2 > t->ol ||
	    !(hy[1] >= 'A' && hy[1] <= 'Z'))
		return 0;
	h = (size_t)(hy - o);
	for (j = 0; j < sizeof(art) / sizeof(*art); j++)
		if (strlen(art[j]) == h && (o[0] | 0x20) == art[j][0] &&
		    strncmp(o + 1, art[j] + 1, h - 1) == 0)
			return h + 1;
	return 0;
}

/* 1 for an Arabic surname of origin with its article ("Al-Albani",
 * "At-Tirmidzi", "El-Masri"): a capitalised word of five letters or more
 * after the article, ending in "i", the nisba that names a person after
 * a place or a tribe. Organisations with the article ("Al-Jazeera",
 * "Al-Shabaab") have other endings. */
static int
arabic_nisba(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tk.v[i];
	const char *o = d->text + t->o;
	size_t h = arabic_article(d, i), j;

	if (h == 0 || t->ol < h + 5 || o[t->ol - 1] != 'i')
		return 0;
	for (j = h + 1; j < t->ol; j++)
		if (!(o[j] >= 'a' && o[j] <= 'z'))
			return 0;
	return 1;
}

/* 1 for an honorific with the Arabic article ("Asy-Syaikh", "Al-Imam",
 * "Al-Habib"): the word after the article is a title or a role. */
static int
arabic_title(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tk.v[i];
	size_t h = arabic_article(d, i), kl;
	const char *k;

	if (h == 0)
		return 0;
	k = doc_key(d, i, &kl);
	if (kl <= h || kl != t->ol)
		return 0;
	return (lexicon_lookup(k + h, kl - h) & (LEX_TITLE | LEX_ROLE)) != 0 ||
	       (kl - h == 5 && memcmp(k + h, "habib", 5) == 0);
}

/* 1 when the last word of the two-word run [a, b) is a place and the
 * first one no place, no dictionary word and no given name ("Debola
 * Lagos", "Tunde Ibadan"): a surname taken from a place more likely than
 * a district ("Central Lagos" has a dictionary word), a person only with
 * evidence around it (EV_PLACE1). */
static int
place_surname(const struct doc *d, size_t a, size_t b)
{
	return b == a + 2 && d->english && (doc_lex(d, a + 1) & LEX_PLACE) &&
	       !doc_lex(d, a) && !is_common(d, a) && !has_digit(d, a) &&
	       !weak_given(d, a);
}

/* 1 when every word of [a, b) is one letter ("M.D", "U.S"), two words
 * or more. */
static int
only_initials(const struct doc *d, size_t a, size_t b)
{
	size_t i;

	if (words_in(d, a, b) < 2)
		return 0;
	for (i = a; i < b; i++)
		if ((d->tk.v[i].flags & TOK_WORD) && d->tk.v[i].kl > 1)
			return 0;
	return 1;
}

/* 1 when the organisation word at token j is the surname of the
 * two-word run [a, b) that opens with a given name ("Stuart Hall",
 * "Charlotte Church", "Brenda Song"): a person only with evidence around
 * it (EV_PLACE1), since "Grace Church" is a church as often. Not a word
 * the topic file names, nor the organisation words of another class; and
 * the caller asks that nothing was cut before the given name ("San
 * Francisco Chronicle"). */
static int
org_surname(const struct doc *d, size_t a, size_t b, size_t j)
{
	return b == a + 2 && j == a + 1 && d->english &&
	       (doc_lex(d, a) & LEX_GIVEN) && !weak_given(d, a) &&
	       doc_lex(d, j) == LEX_ORG && is_cap_word(d, j) &&
	       !(d->tmark[j] & (TM_NONPERSON | TM_FIGURE)) &&
	       !(d->tmark[a] & (TM_NONPERSON | TM_FIGURE));
}

/* 1 when the place at token j is the given name of a two-word name [a,
 * b) ("Cairo Mitchell", "London Okafor"): the first word, before a word
 * that is no place and no dictionary word. */
static int
place_given(const struct doc *d, size_t a, size_t b, size_t j)
{
	if (j == a + 1 && b == a + 2 && d->english)
		return place_surname(d, a, b);
	return j == a && b == a + 2 && d->english &&
	       !(doc_lex(d, a + 1) & (LEX_PLACE | LEX_ORG)) &&
	       !is_common(d, a + 1) && !has_digit(d, a + 1);
}

/* 1 when the word at token a opens its sentence, or follows one
 * sentence adverb or conjunction that does ("Then Dubs took his cup",
 * "Even Kazu had her doubts"; not a determiner: "The Rock"). */
static int
opens_sentence(const struct doc *d, size_t a)
{
	if (d->tk.v[a].flags & TOK_SSTART)
		return 1;
	return a > 0 && (d->tk.v[a - 1].flags & TOK_SSTART) &&
	       (d->tk.v[a - 1].flags & TOK_CAP) &&
	       (doc_lex(d, a - 1) & LEX_FUNC) &&
	       !(doc_lex(d, a - 1) & (LEX_DET | LEX_PRONOUN | LEX_PREP)) &&
	       !question_aux(d, a - 1);
}

/* EV_HESHE for the run [a, b) read from token i: it opens its sentence,
 * ends in a word no dictionary has, and a gendered pronoun follows in
 * the sentence or at the start of the next one in the paragraph. An
 * organisation is "it". */
static unsigned
heshe_after(const struct doc *d, size_t i, size_t a, size_t b)
{
	size_t j, end;
	uint32_t s;

	if (!d->english ||
	    (words_in(d, a, b) != 2 &&
	     !(a + 1 == b && (i == a || (i + 1 == a && opens_sentence(d, a))))) ||
	    !(d->tk.v[i].flags & TOK_SSTART) || is_common(d, b - 1) ||
	    has_digit(d, b - 1))
		return 0;
	s = d->tk.v[a].sent;
	end = d->sent_start[s + 1] + PEOPLE_HESHE_NEXT;
	for (j = b; j < end && j < d->tk.n; j++) {
		if (d->tk.v[j].sent != s &&
		    d->tk.v[j].para != d->tk.v[a].para)
			break;
		/* a quotation opening the next sentence takes none of its
		 * tokens ("Tavita said so. “We are ready,” she said") */
		if (d->tk.v[j].quote >= 0) {
			if (d->tk.v[j].sent != s && end < d->tk.n)
				end++;
			continue;
		}
		/* "The Montreal Corsaires lost, their sixth defeat, and
		 * captain X hid his anger": a group's pronoun first */
		if (d->tk.v[j].sent == s &&
		    (tok_is(&d->tk, j, "their") || tok_is(&d->tk, j, "its")))
			return 0;
		if (doc_lex(d, j) & (LEX_PRONOUN_F | LEX_PRONOUN_M))
			return EV_HESHE;
	}
	return 0;
}

/* 1 for the initials of a reference list at token j: one to three
 * capitals with no stops ("KJ", "D"), then a comma, a full stop or a
 * semicolon, on the same line. */
static int
cite_initials(const struct doc *d, size_t j)
{
	const struct tok *t;
	size_t x;
	const char *k;

	if (j + 1 >= d->tk.n)
		return 0;
	t = &d->tk.v[j];
	if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP) ||
	    (t->flags & TOK_NLBEFORE) || t->ol > 3 ||
	    (t->kl > 1 && !(t->flags & TOK_ALLCAP)))
		return 0;
	k = d->text + t->o;
	for (x = 0; x < t->ol; x++)
		if (!(k[x] >= 'A' && k[x] <= 'Z'))
			return 0;
	return tok_punct(&d->tk, j + 1, ',') || tok_punct(&d->tk, j + 1, '.') ||
	       tok_punct(&d->tk, j + 1, ';');
}

/* 1 for an author of a reference list at token i: a capitalised surname
 * and its initials ("Ruskin KJ,"). */
static int
cite_item(const struct doc *d, size_t i)
{
	return i + 2 < d->tk.n && is_cap_word(d, i) && !blocked(d, i) &&
	       d->tk.v[i].kl > 1 && cite_initials(d, i + 1);
}

/* 1 when token i opens an author of a reference list in the Vancouver
 * style ("Ruskin KJ, Hueske-Kraus D. Alarm fatigue ..."): another one
 * before or after it, or "et al" after it. Alone, "Ford GT," is a car. */
static int
citation(const struct doc *d, size_t i)
{
	if (!cite_item(d, i))
		return 0;
	if (tok_punct(&d->tk, i + 2, ',') && i + 3 < d->tk.n &&
	    (cite_item(d, i + 3) || tok_is(&d->tk, i + 3, "et")))
		return 1;
	return i >= 3 && tok_punct(&d->tk, i - 1, ',') && cite_item(d, i - 3);
}

/* 1 for a run of two words whose second is a point of the compass and
 * whose first is no given name: a district, a constituency or a school
 * ("Yobe North", "Kowloon West"), a person only with evidence around it
 * (EV_PLACE1). "Kanye West" has a given name. */
static int
compass_place(const struct doc *d, size_t a, size_t b)
{
	static const char *const w[] = { "north", "south", "east", "west",
		"central", "northeast", "northwest", "southeast", "southwest",
		"north-east", "north-west", "south-east", "south-west" };

	if (words_in(d, a, b) != 2 || (doc_lex(d, a) & LEX_GIVEN) ||
	    weak_given(d, a))
		return 0;
	if (tok_in(&d->tk, b - 1, w, sizeof(w) / sizeof(*w)))
		return 1;
	return 0;
}

/* 1 for a monarch's or a pope's number after a given name at token i:
 * "II" to "XIX" in capitals ("Felipe VI", "Charles III", "Leo XIV"). */
static int
regnal(const struct doc *d, size_t i)
{
	static const char *const w[] = { "ii", "iii", "iv", "v", "vi", "vii",
		"viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
		"xvii", "xviii", "xix" };

	if (i == 0 || i >= d->tk.n || !doc_same_sent(d, i - 1, i) ||
	    (d->tk.v[i].flags & TOK_NLBEFORE) ||
	    (d->tk.v[i - 1].flags & TOK_POSS) ||
	    !(d->tk.v[i].flags & TOK_ALLCAP) ||
	    !(doc_lex(d, i - 1) & LEX_GIVEN))
		return 0;
	return tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w));
}

static void
scan_candidates(struct doc *d, struct cands *c)
{
	size_t i = 0, n = d->tk.n;

	while (i < n) {
		size_t a, b;
		unsigned ev = 0;

		if (!is_cap_word(d, i) ||
		    (blocked(d, i) &&
		     !(east_asian(d, i, i + 2) &&
		       !(d->tmark[i] & (TM_NONPERSON | TM_FIGURE)))) ||
		    in_title_quote(d, i)) {
			/* "Partido Rosalia Verde", "Fundación Marisol
			 * Ortega", "Yayasan Budi Luhur": in other languages
			 * an organisation's name puts its head first, and
			 * the capitalised words after it are its name. */
			if (!d->english && is_cap_word(d, i) &&
			    (doc_lex(d, i) & LEX_ORG)) {
				i++;
				while (i < n && doc_same_sent(d, i - 1, i) &&
				       !(d->tk.v[i].flags & TOK_NLBEFORE)) {
					if (is_cap_word(d, i))
						i++;
					else if (particles(d, i) &&
						 i + particles(d, i) < n &&
						 is_cap_word(d, i + particles(d, i)))
						i += particles(d, i) + 1;
					else
						break;
				}
				continue;
			}
			i++;
			continue;
		}
		if (citation(d, i)) {
			struct cand *k;

			pt_xgrow((void **)&c->v, &c->cap, c->n + 1,
				 sizeof(*c->v));
			k = &c->v[c->n++];
			k->a = i;
			k->b = i + 2;
			k->ev = EV_APPOS;
			k->accepted = 0;
			k->person = -1;
			i += 2;
			/* After the last author, the rest of the line is the
			 * reference's title, journal and year ("Curr Opin
			 * Anaesthesiol"). */
			if (!tok_punct(&d->tk, i, ',') ||
			    tok_is(&d->tk, i + 1, "et"))
				while (i < n &&
				       !(d->tk.v[i].flags & TOK_NLBEFORE))
					i++;
			continue;
		}
		b = i + 1;
		/* The limit counts words: "U.S. Attorney Dana Pike" has
		 * four, and eight tokens. */
		while (b < n && b - i < 2 * PEOPLE_RUN_WORDS &&
		       words_in(d, i, b) < PEOPLE_RUN_WORDS &&
		       doc_same_sent(d, i, b) &&
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
			} else if (regnal(d, b)) {
				b++; /* "King Felipe VI", "Charles III" */
			} else if (nickname_at(d, b)) {
				/* "Vusumuzi ‘Vusi’ Khanye" */
				b += nickname_at(d, b);
			} else if (article_particle(d, b)) {
				b++; /* "Noor al-Hashimi" */
			} else {
				break;
			}
		}
		a = trim_front(d, c, i, b, &ev);
		a = trim_role_prefix(d, a, b, &ev);
		{
			size_t t = trim_common_front(d, a, b);

			/* "Nashville's Grand Ole Opry", "the Grand Ole
			 * Opry": a dictionary word cut before a given name
			 * after a possessive or a determiner names a
			 * thing. */
			if (t > a && a == i && i > 0 &&
			    doc_same_sent(d, i - 1, i) &&
			    !doc_is_role(d, a) &&
			    ((d->tk.v[i - 1].flags & TOK_POSS) ||
			     (doc_lex(d, i - 1) & LEX_DET)))
				ev |= EV_THING;
			a = t;
		}
		b = trim_back(d, a, b);
		/* A Cyrillic sentence opens with a capital whatever its first
		 * word is ("Позже Сечин сообщил"): only a given name there
		 * begins a name. */
		if (a < b && (d->tk.v[a].flags & TOK_SSTART) &&
		    words_in(d, a, b) >= 2 && cyr_run(d, a, b) &&
		    !(doc_lex(d, a) & LEX_GIVEN)) {
			a++;
			while (a < b && !(d->tk.v[a].flags & TOK_WORD))
				a++;
		}
		if (a < b) {
			size_t j, common = 0;
			int bad = 0, given = 0;

			for (j = a; j < b; j++) {
				if (j > a && !bad && (doc_lex(d, j) & LEX_ORG) &&
				    !(d->tmark[j] & (TM_NONPERSON | TM_FIGURE))) {
					pt_xgrow((void **)&c->org, &c->caporg,
						 c->norg + 1, sizeof(*c->org));
					c->org[c->norg][0] = a;
					c->org[c->norg++][1] = j;
				}
				/* A place alone stays a candidate: it may
				 * be a surname ("York said", resolved in
				 * people_from_single_words()). */
				if ((blocked(d, j) && !east_asian(d, a, b) &&
				     !(a == i && org_surname(d, a, b, j))) ||
				    ((doc_lex(d, j) & LEX_PLACE) &&
				     !(doc_lex(d, a) & LEX_GIVEN) &&
				     words_in(d, a, b) > 1 &&
				     !place_given(d, a, b, j)))
					bad = 1;
				/* A given name counts as the first word;
				 * later ones are words ("Waste May Dry"). */
				if (j == a && (doc_lex(d, j) & LEX_GIVEN))
					given = 1;
				else if (is_cap_word(d, j) &&
					 d->tk.v[j].kl > 1 &&
					 (dict_word(d, j) || letter_word(d, j)))
					common++;
			}
			/* A run longer than a name is a headline or a title
			 * ("Indiana State Teachers Association President" is
			 * cut before "Keith Gambill"); so is one of three
			 * words or more with two dictionary words ("Ellery
			 * May Dry Human Waste"). Two such words
			 * alone ("Blue Origin", "Tiger Woods") need a title,
			 * a role or an apposition (EV_COMMON2). */
			/* "Duke M.D./Ph.D. student": letters with stops and
			 * nothing else are a degree or an abbreviation. */
			if (only_initials(d, a, b))
				bad = 1;
			if (words_in(d, a, b) > PEOPLE_MAX_NAME_TOKENS ||
			    (common >= 2 && words_in(d, a, b) > 2) ||
			    (c->angles && in_angle_title(d, a, b)))
				bad = 1;
			if (common >= 2 && !given)
				ev |= EV_COMMON2;
			if (!bad && (((doc_lex(d, a) & LEX_PLACE) &&
				      !(doc_lex(d, a) & LEX_GIVEN)) ||
				     compass_place(d, a, b) ||
				     place_surname(d, a, b) ||
				     (a == i && org_surname(d, a, b, b - 1))))
				ev |= EV_PLACE1;
			if (!bad) {
				struct cand *k;

				pt_xgrow((void **)&c->v, &c->cap, c->n + 1,
					 sizeof(*c->v));
				k = &c->v[c->n++];
				k->a = a;
				k->b = b;
				k->ev = ev | evidence_at(d, a, b);
				/* "the United States, who": one word right
				 * after an organisation's word the scan
				 * passed over ("United") ends that name. */
				if (a == i && b == a + 1 && a > 0 &&
				    doc_same_sent(d, a - 1, a) &&
				    is_cap_word(d, a - 1) &&
				    (doc_lex(d, a - 1) & LEX_ORG) &&
				    !(d->tk.v[a - 1].flags & TOK_POSS) &&
				    doc_mention_at(d, a - 1) < 0)
					k->ev |= EV_THING;
				if ((k->ev & EV_SSTITLE) &&
				    !(k->ev & (EV_SPEECH | EV_APPOS | EV_INV)))
					k->ev |= EV_TITLEROLE;
				k->ev &= ~(unsigned)EV_SSTITLE;
				k->ev |= thing_evidence(d, a, b, k->ev);
				k->ev |= heshe_after(d, i, a, b);
				if (namelike(d, a, b) || east_asian(d, a, b))
					k->ev |= EV_NAMELIKE;
				k->ev |= cyr_evidence(d, a, b);
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

static int same_given(const char *a, size_t al, const char *b, size_t bl);

/* People looked at for a given name's short form or nickname, so that a
 * page of thousands of names stays linear. */
#define PEOPLE_NICK_SCAN 256

/* The one person whose given name the single word k is a short form or
 * a nickname of ("Liz" after "Elizabeth Marrow", "Bobby" after "Robert
 * Vance", "Chris" after "Christopher Holt"); -1 if none, -2 if two
 * ("Pat" after "Patrick" and "Patricia"). */
static int
person_by_nickname(const struct doc *d, const char *k)
{
	size_t kl = strlen(k), p, n = d->np < PEOPLE_NICK_SCAN ? d->np :
				    PEOPLE_NICK_SCAN;
	int hit = -1, nick;

	if (kl < 2)
		return -1;
	/* A word of no nickname pair that is no given name ("Netflix")
	 * is nobody's short form: same_given() below is 0 for it. */
	nick = given_in_nicknames(k, kl);
	if (!nick && (kl < 3 || !(given_lookup(k, kl) & LEX_GIVEN)))
		return -1;
	for (p = 0; p < n; p++) {
		const char *f = d->p[p].first;
		size_t fl;

		if (!f || (!d->p[p].mentions && d->p[p].figure < 0))
			continue;
		fl = strlen(f);
		/* the word the short form ("Chris"), not the long one
		 * ("Ahmadinejad" after "Ahmad bin Hanbal"), unless a
		 * nickname ("Robert" after "Bob Vance") */
		if (fl == kl || (kl < fl ? !same_given(k, kl, f, fl) :
				 !nick || !given_nickname(k, kl, f, fl)))
			continue;
		if (hit >= 0 && hit != (int)p)
			return -2;
		hit = (int)p;
	}
	return hit;
}

/* 1 when the word k (kl bytes) follows a space of the key from sp on and
 * another space follows it: a cheap test before the given names are
 * looked up. */
static int
inner_word(const char *sp, const char *k, size_t kl)
{
	for (; sp; sp = strchr(sp + 1, ' '))
		if (strncmp(sp + 1, k, kl) == 0 && sp[1 + kl] == ' ')
			return 1;
	return 0;
}

/* The one person whose name has the word k after its given names and
 * before one more word: the first of two surnames, by which Spanish and
 * Portuguese news names a person ("Feijoo" after "Alberto Feijoo Marin",
 * "Lopez" after "Andres Manuel Lopez Obrador"); -1 if none or two (the
 * first PEOPLE_NICK_SCAN people). */
static int
person_by_first_surname(const struct doc *d, const char *k)
{
	size_t kl = strlen(k), p, n = d->np < PEOPLE_NICK_SCAN ? d->np :
				    PEOPLE_NICK_SCAN;
	int hit = -1;

	if (kl < 3 || (given_bits(k, kl) & LEX_GIVEN))
		return -1;
	for (p = 0; p < n; p++) {
		const char *w = d->p[p].key, *e = strchr(w, ' ');

		if (!e || (!d->p[p].mentions && d->p[p].figure < 0) ||
		    !inner_word(e, k, kl) ||
		    !(given_bits(w, (size_t)(e - w)) & LEX_GIVEN))
			continue;
		/* past the given names ("Andres Manuel Lopez Obrador"), the
		 * first surname, if another follows */
		do {
			w = e + 1;
			e = strchr(w, ' ');
		} while (e && (given_bits(w, (size_t)(e - w)) & LEX_GIVEN));
		if (!e || (size_t)(e - w) != kl || memcmp(w, k, kl) != 0 ||
		    strchr(e + 1, ' '))
			continue;
		if (hit >= 0)
			return -1;
		hit = (int)p;
	}
	return hit;
}

/* The person a single word at token at names: of the people with that
 * surname (named in full, or already mentioned), the one introduced last
 * before it, as a reader takes "Quintanilla said" after "Marisol
 * Quintanilla" and before "her sister, Lupe Quintanilla"; failing that
 * the first one introduced after it ("Tramp said ... President Ann
 * Tramp"); else the one person with that given name; -1 if none. */
static int
person_by_single(const struct doc *d, const struct pindex *ix, const char *k,
		 size_t at)
{
	int p, before = -1, after = -1, firsthit = -1, nfirst = 0;

	for (p = smap_get(&ix->last, k); p >= 0; p = ix->next_last[p]) {
		size_t ft = d->p[p].first_tok;

		if (!d->p[p].first && d->p[p].mentions == 0)
			continue;
		if (ft <= at) {
			if (before < 0 || ft > d->p[before].first_tok)
				before = p;
		} else if (after < 0 || ft < d->p[after].first_tok) {
			after = p;
		}
	}
	if (before >= 0)
		return before;
	if (after >= 0)
		return after;
	for (p = smap_get(&ix->first, k); p >= 0; p = ix->next_first[p]) {
		firsthit = p;
		nfirst++;
	}
	if (nfirst == 0) {
		p = person_by_nickname(d, k);
		if (p < 0)
			p = person_by_first_surname(d, k);
		return p >= 0 ? p : -1;
	}
	return nfirst == 1 ? firsthit : -1;
}

/* 1 when two people or more have the given name k ("Ali" after "Ali bin
 * Abi Talib" and "Ali Khamenei"), or one it is short for ("Pat" after
 * "Patrick Hume" and "Patricia Lowe"): the word alone is one of them,
 * not a new person. */
static int
shared_given(const struct doc *d, const struct pindex *ix, const char *k)
{
	int p = smap_get(&ix->first, k);

	return (p >= 0 && ix->next_first[p] >= 0) ||
	       (p < 0 && person_by_nickname(d, k) == -2);
}

/* The figure mention that ends just before token a or starts just after
 * token b, in a list with the candidate [a, b). d->m holds the figures'
 * mentions in text order at this point. */
static int
next_to_figure(const struct doc *d, size_t a, size_t b)
{
	size_t lo = doc_mention_from(d, a);

	if (lo < d->nm && doc_list_gap(d, b, d->m[lo].tok))
		return 1;
	if (lo > 0 && doc_list_gap(d, d->m[lo - 1].tok + d->m[lo - 1].ntok,
				   a))
		return 1;
	return 0;
}

/* Each candidate's matching key and word count; EV_THINGNAME for the
 * candidates whose key is the start of an organisation's name, or a
 * title or a character at another occurrence. */
static void
key_candidates(const struct doc *d, struct cands *c)
{
	struct buf key = BUF_INIT;
	struct smap orgs = { NULL, NULL, 0, 0 };
	char **ok = pt_xcalloc(c->norg + 1, sizeof(*ok));
	size_t i;

	for (i = 0; i < c->norg; i++) {
		key_of(d, c->org[i][0], c->org[i][1], &key);
		ok[i] = pt_xstrdup(key.p);
		smap_put(&orgs, ok[i], 1);
	}
	for (i = 0; i < c->n; i++) {
		key_of(d, c->v[i].a, c->v[i].b, &key);
		c->v[i].key = pt_xstrdup(key.p);
		c->v[i].nw = nwords(d, &c->v[i]);
		if (c->v[i].nw > 1 && ((c->v[i].ev & EV_AGAINST) ||
				       ((c->v[i].ev & EV_THING) &&
					!(c->v[i].ev & EV_GIVEN))))
			smap_put(&orgs, c->v[i].key, 1);
	}
	for (i = 0; i < c->n; i++)
		if (smap_get(&orgs, c->v[i].key) >= 0)
			c->v[i].ev |= EV_THINGNAME;
	for (i = 0; i < c->norg; i++)
		free(ok[i]);
	free(ok);
	smap_release(&orgs);
	buf_release(&key);
}

static void
accept(struct cand *k, struct smap *accepted)
{
	k->accepted = 1;
	smap_put(accepted, k->key, 1);
}

/* Accepts the multi-word candidates with evidence of their own. */
static void
accept_with_evidence(struct cands *c, struct smap *accepted)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		unsigned ev = c->v[i].ev;

		if (c->v[i].nw < 2 || (ev & EV_AGAINST_RUN))
			continue;
		if (ev & EV_PLACE1) {
			/* "Cairo Mitchell will tell you", "..., said Cairo
			 * Mitchell" (not "from Cairo Airport"). */
			if ((ev & (EV_SPEECH | EV_INV | EV_APPOS | EV_ROLE |
				   EV_TITLE | EV_HESHE)) && !(ev & EV_PREP))
				accept(&c->v[i], accepted);
		} else if (ev & EV_COMMON2) {
			/* "Tiger Woods": a title, a role or "X, who" (a
			 * company says things too: "Meridian Crown said"). */
			if (ev & (EV_TITLE | EV_APPOS | EV_ROLE | EV_KIN))
				accept(&c->v[i], accepted);
		} else if (ev & EV_THINGNAME) {
			/* "Sierra Nevada" of "Sierra Nevada Corporation": a
			 * given name is no evidence. */
			if (ev & ((EV_STRONG & ~(EV_GIVEN | EV_LIST)) | EV_HESHE))
				accept(&c->v[i], accepted);
		} else if ((ev & (EV_STRONG | EV_HESHE)) ||
			   ((ev & EV_NAMELIKE) && !(ev & EV_PLACE_PREP))) {
			accept(&c->v[i], accepted);
		}
	}
}

/* Tokens between two rows of a table can be this many at most. */
#define PEOPLE_ROW_GAP 12

/* 1 when the tokens [end, start) only separate two rows of a table of
 * people: numbers and punctuation, and one line break ("7 Kyle Larson
 * 2339 1 1 8 17 / 8 Brad Keselowski 2318 ..."). */
static int
row_gap(const struct doc *d, size_t end, size_t start)
{
	size_t i, lines = 0;

	if (start <= end || start - end > PEOPLE_ROW_GAP || start >= d->tk.n)
		return 0;
	for (i = end; i <= start; i++) {
		if (d->tk.v[i].flags & TOK_NLBEFORE)
			lines++;
		if (i < start &&
		    !(d->tk.v[i].flags & (TOK_NUM | TOK_PUNCT)))
			return 0;
	}
	return lines == 1;
}

/* Evidence at one occurrence covers every occurrence of the name; a list
 * next to an accepted person or figure makes a person (the neighbours in
 * a list are the next and previous candidates). Runs until nothing more
 * is accepted. */
static void
accept_by_neighbours(const struct doc *d, struct cands *c,
		     struct smap *accepted)
{
	size_t i;
	int changed;

	do {
		changed = 0;
		for (i = 0; i < c->n; i++) {
			struct cand *k = &c->v[i];

			if (k->accepted || k->nw < 2 ||
			    (k->ev & (EV_AGAINST_RUN | EV_COMMON2)))
				continue;
			/* "o ministro do Meio Ambiente, Ricardo Salles,":
			 * in text that is not English, a place after a
			 * preposition joined to an article, beside a person, is
			 * no item of a list of people; English lists follow
			 * "from" ("new work from Park Ji-won, Ann Roe and
			 * ..."). */
			if (!d->english && (k->ev & EV_PLACE_PREP) &&
			    !(k->ev & EV_GIVEN) &&
			    smap_get(accepted, k->key) < 0)
				continue;
			if ((k->ev & (EV_PLACE1 | EV_THINGNAME)) &&
			    smap_get(accepted, k->key) < 0)
				continue;
			if (smap_get(accepted, k->key) >= 0 ||
			    (i > 0 && c->v[i - 1].accepted &&
			     doc_list_gap(d, c->v[i - 1].b, k->a)) ||
			    (i + 1 < c->n && c->v[i + 1].accepted &&
			     doc_list_gap(d, k->b, c->v[i + 1].a)) ||
			    next_to_figure(d, k->a, k->b) ||
			    /* a row of a table of people, opening with a
			     * given name even if a weak one ("Reed") */
			    (((doc_lex(d, k->a) & LEX_GIVEN) ||
			      weak_given(d, k->a)) &&
			     ((i > 0 && c->v[i - 1].accepted &&
			       row_gap(d, c->v[i - 1].b, k->a)) ||
			      (i + 1 < c->n && c->v[i + 1].accepted &&
			       row_gap(d, k->b, c->v[i + 1].a))))) {
				accept(k, accepted);
				k->ev |= EV_LIST;
				changed = 1;
			}
		}
	} while (changed);
}

/* 1 when given names a (al bytes) and b are one person's: the same, one
 * the short form of the other ("Pat" and "Patrick", "Josh" and "Joshua":
 * three letters or more, a given name itself), or a nickname that is no
 * short form ("Bob" for "Robert"; data/lexicon/nicknames.csv). */
static int
same_given(const char *a, size_t al, const char *b, size_t bl)
{
	const char *s = al < bl ? a : b, *l = al < bl ? b : a;
	size_t sl = al < bl ? al : bl, ll = al < bl ? bl : al;

	if (al == bl && memcmp(a, b, al) == 0)
		return 1;
	/* "B. U. Nzeribe" after "Benjamin Nzeribe": an initial. */
	if (sl == 1)
		return ll > 1 && s[0] == l[0];
	if (sl >= 3 && sl < ll && memcmp(s, l, sl) == 0 &&
	    (given_lookup(s, sl) & LEX_GIVEN))
		return 1;
	return given_nickname(s, sl, l, ll);
}

/* 1 when the keys a and b, both of three words or more, have middle
 * names that cannot be one person's: "jeong hye jin" and "jeong jae jin"
 * (not "john f kennedy" and "john fitzgerald kennedy"). */
static const char *
surname_space(const char *k)
{
	const char *e = strrchr(k, ' '), *q;

	/* "patrick carlineo jr": the space before the surname */
	if (e && is_suffix(e + 1)) {
		for (q = e; q > k && q[-1] != ' '; q--)
			;
		if (q > k)
			return q - 1;
	}
	return e;
}

static int
other_middle(const char *a, const char *b)
{
	const char *am = strchr(a, ' '), *bm = strchr(b, ' ');
	const char *ae = surname_space(a), *be = surname_space(b);
	const char *ax, *bx;

	if (!am || !bm || am == ae || bm == be)
		return 0;
	am++;
	bm++;
	ax = strchr(am, ' ');
	bx = strchr(bm, ' ');
	return !same_given(am, (size_t)(ax - am), bm, (size_t)(bx - bm));
}

/* The one person whose name of one word more opens with the words of key
 * (kl bytes): "Sri Mulyani" after "Sri Mulyani Indrawati" (an Indonesian
 * name of three given names), "John Fitzgerald" after "John Fitzgerald
 * Kennedy"; -1 if none or two (the first PEOPLE_NICK_SCAN people). */
static int
person_by_prefix(const struct doc *d, const char *key, size_t kl)
{
	size_t p, n = d->np < PEOPLE_NICK_SCAN ? d->np : PEOPLE_NICK_SCAN;
	int hit = -1;

	if (!strchr(key, ' '))
		return -1;
	for (p = 0; p < n; p++) {
		const char *pk = d->p[p].key;

		if (strncmp(pk, key, kl) != 0 || pk[kl] != ' ' ||
		    strchr(pk + kl + 1, ' '))
			continue;
		if (hit >= 0)
			return -1;
		hit = (int)p;
	}
	return hit;
}

/* The known person an accepted candidate names: by its key, or by given
 * name and surname when a middle name differs or the given name is its
 * short form ("Pat Carlineo" after "Patrick W. Carlineo Jr."), or as a
 * trailing run of a longer name ("Ó Briain" after "Niamh Ó Briain"); -1
 * if none. */
static int
known_person(const struct doc *d, const struct pindex *ix,
	     const struct cand *k)
{
	const char *sp = strrchr(k->key, ' ');
	const char *last = sp ? sp + 1 : k->key;
	size_t fl = (size_t)(strchr(k->key, ' ') - k->key);
	size_t kl = strlen(k->key);
	int p = smap_get(&ix->full, k->key), q;

	for (q = smap_get(&ix->last, last); q >= 0 && p < 0;
	     q = ix->next_last[q]) {
		const struct person *pe = &d->p[q];
		size_t pl = strlen(pe->key);

		if (pe->first && same_given(pe->first, strlen(pe->first),
					    k->key, fl) &&
		    !other_middle(pe->key, k->key))
			p = q;
		else if (pl > kl && pe->key[pl - kl - 1] == ' ' &&
			 strcmp(pe->key + pl - kl, k->key) == 0)
			p = q;
	}
	if (p < 0)
		p = person_by_prefix(d, k->key, kl);
	return p;
}

/* A name in full, then by surname alone: the news convention ("Kestrel
 * Amadi-Boone has a question ... Amadi-Boone, whose film ..."). A run of
 * two or three words is a person when its last word stands alone
 * elsewhere in the article twice, or once with evidence of its own. */
static void
accept_by_surname(const struct doc *d, struct cands *c,
		  struct smap *accepted)
{
	struct smap alone = { NULL, NULL, 0, 0 };
	size_t i;

	/* Per single word: 1 when it stands alone, 2 when once with
	 * evidence of its own (a speech verb, a role, an apposition). */
	for (i = 0; i < c->n; i++) {
		const struct cand *k = &c->v[i];
		int n;

		if (k->nw != 1 || (k->ev & (EV_AGAINST | EV_PREP | EV_THING)) ||
		    (doc_lex(d, k->a) & (LEX_FUNC | LEX_PLACE | LEX_MONTHDAY |
					 LEX_PRONOUN | LEX_ROLE)))
			continue;
		n = smap_get(&alone, k->key);
		/* "Fifita-Crowe thanked the crew and her children": the
		 * subject of its sentence, with "her" after it, is
		 * evidence too */
		if (k->ev & ((EV_STRONG & ~EV_GIVEN) | EV_HESHE))
			n = 2;
		else if (n < 1)
			n = 1;
		smap_put(&alone, k->key, n);
	}
	/* A surname that an accepted person already has explains the word
	 * alone ("Ivy Cook ... Hosting Cook ... Cook said"). */
	for (i = 0; i < c->n; i++) {
		const char *sp = strrchr(c->v[i].key, ' ');

		if (c->v[i].accepted && sp)
			smap_put(&alone, sp + 1, -1);
	}
	/* A given name first needs the surname alone once; other runs
	 * need it alone with evidence ("Teil der Akte ... die Akte" is
	 * no person). */
	for (i = 0; i < c->n; i++) {
		struct cand *k = &c->v[i];
		const char *sp;

		if (k->accepted || k->nw < 2 || k->nw > 3 ||
		    (k->ev & (EV_AGAINST_RUN | EV_COMMON2 | EV_THINGNAME)))
			continue;
		/* In text that is not English the dictionary cannot tell a
		 * word from a name, so a run that opens with no given name
		 * ("Pendukung Ali", "Shahih Bukhari": supporters of Ali, a
		 * book named after its author) is no person by the name
		 * standing alone. */
		if (!d->english && !(k->ev & EV_GIVEN))
			continue;
		sp = strrchr(k->key, ' ');
		if (sp && smap_get(&alone, sp + 1) >=
			      ((k->ev & EV_GIVEN) ? 1 : 2)) {
			accept(k, accepted);
			k->ev |= EV_LATER;
		}
	}
	smap_release(&alone);
}

/* 1 when the run at token a is a birth name: "Born Gwendolyn Moss in
 * 1937, she", "Ann Roe (born Ann Lisle)", "Ann Roe, nee Lisle". */
static int
birth_name(const struct doc *d, size_t a)
{
	return a > 0 && doc_same_sent(d, a - 1, a) &&
	       (tok_is(&d->tk, a - 1, "born") || tok_is(&d->tk, a - 1, "nee"));
}

/* The person whose birth name the accepted candidate i is: the last one
 * named before it ("Vera Lund has died at 88. Born Vera Moss in 1937,
 * she ...") whose gender the birth name does not contradict, else the
 * next one in its sentence ("Born Vera Moss, Vera Lund ..."); -1 if
 * none. */
static int
birth_person(const struct doc *d, const struct cands *c, size_t i)
{
	const struct cand *k = &c->v[i];
	unsigned lx = doc_lex(d, k->a) & LEX_GIVEN;
	int g = lx == LEX_GIVEN_F ? GENDER_F : lx == LEX_GIVEN_M ? GENDER_M : 0;
	size_t j;

	for (j = i; j-- > 0;) {
		int p = c->v[j].person;

		if (!c->v[j].accepted || p < 0 || birth_name(d, c->v[j].a))
			continue;
		if (!g || !d->p[p].gender || d->p[p].gender == g)
			return p;
	}
	for (j = i + 1; j < c->n && doc_same_sent(d, k->a, c->v[j].a); j++)
		if (c->v[j].accepted && c->v[j].person >= 0 &&
		    !birth_name(d, c->v[j].a))
			return c->v[j].person;
	return -1;
}

/* People from the accepted candidates, merged with the known ones; a
 * birth name is a mention of the person born so (an alias), no person
 * of its own. */
static void
people_from_accepted(struct doc *d, struct cands *c, struct pindex *ix)
{
	struct buf disp = BUF_INIT;
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct cand *k = &c->v[i];
		int p;

		if (!k->accepted || birth_name(d, k->a))
			continue;
		p = known_person(d, ix, k);
		if (p < 0) {
			const struct tok *ta = &d->tk.v[k->a];
			const struct tok *tb = &d->tk.v[k->b - 1];

			size_t dl = tb->o + tb->ol - ta->o;

			/* "Rufus Hale Jr.": the suffix keeps its stop. */
			if (k->b < d->tk.n && tok_punct(&d->tk, k->b, '.') &&
			    (tok_is(&d->tk, k->b - 1, "jr") ||
			     tok_is(&d->tk, k->b - 1, "sr")))
				dl = d->tk.v[k->b].o + 1 - ta->o;
			size_t j;

			for (j = k->a; j < k->b && !is_mark(d, j); j++)
				;
			if (j < k->b) {
				/* A nickname inside: left out. */
				display_of(d, k->a, k->b, &disp);
				p = new_person(d, disp.p, disp.len, k->key, -1,
					       k->a);
			} else {
				p = new_person(d, d->text + ta->o, dl, k->key,
					       -1, k->a);
			}
			pindex_add(ix, d, p);
		}
		k->person = p;
		add_mention(d, k->a, k->b - k->a, p);
	}
	for (i = 0; i < c->n; i++) {
		struct cand *k = &c->v[i];

		if (!k->accepted || !birth_name(d, k->a))
			continue;
		k->person = birth_person(d, c, i);
		if (k->person >= 0)
			add_mention(d, k->a, k->b - k->a, k->person);
	}
	buf_release(&disp);
}

/* 1 when the word before token a is a role in lower case ("director
 * Quill") or one opening the sentence ("Director Quill arrived"): not a
 * capitalised one inside a title ("LEGO Star Wars", "the Inspector
 * General"). */
static int
plain_role_before(const struct doc *d, size_t a)
{
	size_t r = a;

	while (r > 0 && doc_same_sent(d, r - 1, a) &&
	       (d->tk.v[r - 1].flags & TOK_PUNCT))
		r--;
	if (r == 0 || !doc_same_sent(d, r - 1, a) || !doc_is_role(d, r - 1))
		return 0;
	return !(d->tk.v[r - 1].flags & TOK_CAP) ||
	       (d->tk.v[r - 1].flags & TOK_SSTART);
}

/* 1 for a word that names the leader of a government: "the Assad
 * regime", "the Reagan administration", "the Nixon presidency" (not a
 * place, an organisation, a role or a word of the dictionary). */
static int
leader_of(const struct doc *d, size_t a)
{
	if (a == 0 || a + 1 >= d->tk.n || !tok_is(&d->tk, a - 1, "the") ||
	    !doc_same_sent(d, a - 1, a + 1) ||
	    (doc_lex(d, a) & (LEX_PLACE | LEX_ORG | LEX_ROLE | LEX_FUNC |
			      LEX_MONTHDAY | LEX_PRONOUN | LEX_TITLE)) ||
	    (d->tk.v[a].flags & TOK_POSS) || is_common(d, a))
		return 0; /* "the Conservative administration" */
	return tok_is(&d->tk, a + 1, "administration") ||
	       tok_is(&d->tk, a + 1, "regime") ||
	       tok_is(&d->tk, a + 1, "presidency");
}

/* 1 for a word with an apostrophe past its second letter ("Couldn't",
 * "They'll"): a contraction, where a name has it second ("O'Brien"). */
static int
contraction(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);
	const char *ap = memchr(k, '\'', kl);

	return ap && ap - k > 1;
}

/* 1 when the single word at token a opens its sentence and the next
 * capitalised word, quotation or clause break after it is not reached
 * before "he", "his", "she" or "her", within PEOPLE_ITS_WINDOW tokens:
 * "Rihanna is readying her eighth album" (not "Nvidia chief Jensen
 * Huang said his"). */
static int
own_pronoun(const struct doc *d, size_t a)
{
	size_t j, lim = a + PEOPLE_ITS_WINDOW;

	if (!opens_sentence(d, a) || !d->english)
		return 0;
	for (j = a + 1; j < d->tk.n && j < lim && doc_same_sent(d, a, j);
	     j++) {
		if (doc_lex(d, j) & (LEX_PRONOUN_F | LEX_PRONOUN_M))
			return 1;
		/* "X has never released an album, never given an interview
		 * and never shown her face": a comma before the next verb of
		 * a series, with the same subject, and the window goes on */
		if (tok_punct(&d->tk, j, ',') && tok_is(&d->tk, j + 1, "never")) {
			lim = j + PEOPLE_ITS_WINDOW;
			continue;
		}
		if ((d->tk.v[j].flags & TOK_CAP) || d->tk.v[j].quote >= 0 ||
		    tok_punct(&d->tk, j, ',') || tok_is(&d->tk, j, "its") ||
		    tok_is(&d->tk, j, "that") || tok_is(&d->tk, j, "who"))
			return 0;
	}
	return 0;
}

/* A single word is a person of its own: a name of one word needs a role
 * or title before it, "said X", or a speech verb after it away from the
 * start of a sentence ("People say" is no name); a dictionary word
 * ("Wars" after "Star", "General" after "Inspector", "Water think tank")
 * more than a role in a title or a verb of opinion. */
static int
single_evidence(const struct doc *d, const struct cand *k)
{
	size_t a = k->a;
	unsigned ev = k->ev;

	if (leader_of(d, a))
		return 1;
	/* "President Trump said": a capitalised role and a dictionary word
	 * before a verb of saying (not of opinion) name a person, though
	 * "LEGO Star Wars" does not. */
	if ((ev & EV_TITLEROLE) && (ev & EV_SAID) && !(ev & EV_AGAINST) &&
	    !(d->tk.v[a].flags & TOK_POSS))
		return 1;
	if (ev & (EV_AGAINST | EV_TITLEROLE))
		return 0;
	/* "HR. At-Tirmidzi", "by Al-Albani": a name by its form; "in
	 * Tolkien's novel": an author; "to Okafor's funeral". */
	if (arabic_nisba(d, a) || (ev & (EV_AUTHOR | EV_KIN)))
		return 1;
	if (ev & EV_PREP)
		return 0;
	if (ev & (EV_INV | EV_TITLE | EV_APPOS))
		return 1;
	if ((ev & EV_ROLE) && (!is_common(d, a) || plain_role_before(d, a)))
		return 1;
	/* "Jokowi said he would ...": a sentence's first word, a speech
	 * verb and a gendered pronoun after (a company is "it"); or a word
	 * no dictionary has and its own pronoun ("Rihanna is readying her
	 * album"). */
	if ((ev & EV_SPEECH) && (ev & EV_HESHE) && !contraction(d, a))
		return 1;
	if ((ev & EV_HESHE) && !is_common(d, a) && !contraction(d, a) &&
	    !has_digit(d, a) && own_pronoun(d, a))
		return 1;
	/* In text that is not English a sentence's first word the article
	 * never writes in lower case (mark_lower()) is a name before a verb
	 * of saying that opens a quotation ("Aslam berkata, “...”"), not
	 * before one that reports ("Sebaliknya menyatakan bahwa ..."). */
	if ((ev & EV_SAID) && !d->english && (d->tk.v[a].flags & TOK_SSTART) &&
	    a + 4 < d->tk.n && doc_is_speech(d, a + 1) &&
	    (tok_punct(&d->tk, a + 2, ',') || tok_punct(&d->tk, a + 2, ':')) &&
	    d->tk.v[a + 2].quote < 0 &&
	    (d->tk.v[a + 3].quote >= 0 || d->tk.v[a + 4].quote >= 0))
		return 1;
	return (ev & EV_SPEECH) && (!is_common(d, a) || (ev & EV_SAID)) &&
	       !(d->tk.v[a].flags & TOK_SSTART);
}

/* 1 when the single word of candidate i is an item of a list of two
 * people or more ("Bob Marley, Bruno Mars, Drake, The Eagles"): a name
 * of one word, unless a word of the dictionary that is no given name
 * ("Tim Cook, Apple and Sundar Pichai"). */
static int
list_mononym(const struct doc *d, const struct cands *c, size_t i)
{
	const struct cand *k = &c->v[i];
	size_t j, people = 0;

	if ((k->ev & (EV_AGAINST | EV_TITLEROLE | EV_PLACE_PREP)) ||
	    (doc_lex(d, k->a) & (LEX_PLACE | LEX_ORG)) ||
	    (is_common(d, k->a) && !weak_given(d, k->a)) ||
	    has_digit(d, k->a))
		return 0;
	/* Two are enough: the walk stays short in a list of thousands. */
	for (j = i; j > 0 && people < 2 &&
	     doc_list_gap(d, c->v[j - 1].b, c->v[j].a) &&
	     c->v[j - 1].person >= 0; j--)
		people++;
	for (j = i; j + 1 < c->n && people < 2 &&
	     doc_list_gap(d, c->v[j].b, c->v[j + 1].a) &&
	     c->v[j + 1].person >= 0; j++)
		people++;
	/* "Beyonce, Adele and Harry Styles": a given name beside one
	 * person will do */
	return people >= 2 ||
	       (people == 1 && (doc_lex(d, k->a) & LEX_GIVEN) &&
		!weak_given(d, k->a) && !is_common(d, k->a));
}

/* 1 when the single word at token a opens its sentence as a company
 * does: "its" follows in the sentence, with no comma, quotation or
 * capitalised word between ("Audi has revealed the second model in its
 * range"); a person has "his" or "her" there. */
static int
its_after(const struct doc *d, size_t a)
{
	size_t j;

	if (!(d->tk.v[a].flags & TOK_SSTART) || !d->english)
		return 0;
	for (j = a + 1; j < d->tk.n && j < a + PEOPLE_ITS_WINDOW &&
	     doc_same_sent(d, a, j); j++) {
		if (tok_is(&d->tk, j, "its"))
			return 1;
		if ((d->tk.v[j].flags & TOK_CAP) || d->tk.v[j].quote >= 0 ||
		    tok_punct(&d->tk, j, ',') ||
		    (doc_lex(d, j) & (LEX_PRONOUN_F | LEX_PRONOUN_M)))
			return 0;
	}
	return 0;
}

/* 1 when an acronym stands right before the single word at token a, on
 * its line: one name with it ("JP Morgan", "AMC Networks"), not a
 * person of its own; a title or role there ("CEO Cook") is evidence. */
static int
acronym_before(const struct doc *d, size_t a)
{
	const struct tok *p;

	if (a == 0 || (d->tk.v[a].flags & TOK_NLBEFORE) ||
	    !doc_same_sent(d, a - 1, a))
		return 0;
	p = &d->tk.v[a - 1];
	return (p->flags & TOK_WORD) && (p->flags & TOK_ALLCAP) && p->kl > 1 &&
	       !(doc_lex(d, a - 1) & (LEX_TITLE | LEX_ROLE)) &&
	       !doc_is_role(d, a - 1);
}

/* The person a given name before "and" and another person's full name
 * names: the two share the surname ("the duo Lucia and Matias Ferrer",
 * "Ann and Piet Lund"), so the word is "Lucia Ferrer" (found or made);
 * -1 when candidate i is no such word. */
static int
couple_person(struct doc *d, const struct cands *c, size_t i,
	      struct pindex *ix)
{
	const struct cand *k = &c->v[i], *n;
	const struct tok *ta, *ts, *te;
	struct buf disp = BUF_INIT;
	char *key;
	int p;

	/* not the last items of a list ("Beyonce, Adele and Harry
	 * Styles") */
	if (i + 1 >= c->n || !(doc_lex(d, k->a) & LEX_GIVEN) ||
	    (k->a > 0 && tok_punct(&d->tk, k->a - 1, ',')) ||
	    (d->tk.v[k->a].flags & TOK_POSS) || k->b + 1 >= d->tk.n ||
	    !(tok_is(&d->tk, k->b, "and") || tok_punct(&d->tk, k->b, '&')))
		return -1;
	n = &c->v[i + 1];
	if (n->a != k->b + 1 || !n->accepted || n->person < 0 || n->nw < 2 ||
	    !d->p[n->person].first ||
	    !doc_same_sent(d, k->a, n->a) || n->a + 1 >= n->b)
		return -1;
	ta = &d->tk.v[k->a];
	ts = &d->tk.v[n->a + 1];
	te = &d->tk.v[n->b - 1];
	buf_add(&disp, d->text + ta->o, ta->ol);
	buf_add(&disp, " ", 1);
	buf_add(&disp, d->text + ts->o, te->o + te->ol - ts->o);
	key = norm_key(disp.p, disp.len);
	p = smap_get(&ix->full, key);
	if (p < 0) {
		p = new_person(d, disp.p, disp.len, key, -1, k->a);
		pindex_add(ix, d, p);
	}
	free(key);
	buf_release(&disp);
	return p;
}

/* Single words: surnames and given names of known people, or people of
 * their own with evidence (single_evidence()). A rejected multi-word run
 * may end in a known surname ("Veteran Field"); only single words are
 * resolved. A second pass resolves the words met before the person they
 * name ("President Tramp ... Tramp said"). */
static int org_owned(const struct doc *d, size_t a);
static void marked_nicknames(const struct doc *d, struct cands *c);

static void
people_from_single_words(struct doc *d, struct cands *c, struct pindex *ix)
{
	struct smap titled = { NULL, NULL, 0, 0 };
	size_t i;
	int pass;

	/* A word that some capitalised role makes part of a title ("LEGO
	 * Star Wars") is no person by a role before it elsewhere ("Star
	 * Wars heroes" opening a sentence). */
	for (i = 0; i < c->n; i++) {
		int v;

		if (c->v[i].nw != 1)
			continue;
		v = smap_get(&titled, c->v[i].key);
		/* 2: a company somewhere, never a person of its own
		 * ("Audi has revealed ... its", "Zorvex, the chipmaker,") */
		if (its_after(d, c->v[i].a) || (c->v[i].ev & EV_ORGAPPOS) ||
		    org_owned(d, c->v[i].b - 1))
			smap_put(&titled, c->v[i].key, 2);
		else if ((c->v[i].ev & EV_TITLEROLE) &&
			 !(c->v[i].ev & EV_SAID) && v < 1)
			smap_put(&titled, c->v[i].key, 1);
	}
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < c->n; i++) {
			struct cand *k = &c->v[i];
			size_t a = k->a;
			int p;

			if (k->accepted || k->nw != 1 || k->person >= 0)
				continue;
			if (doc_lex(d, a) & (LEX_FUNC | LEX_MONTHDAY |
					     LEX_PRONOUN | LEX_ROLE))
				continue;
			/* "Kate York ... York said": a place word is the
			 * surname of a person named in full, away from a
			 * preposition ("in York"); never a person of its
			 * own. */
			if (doc_lex(d, a) & LEX_PLACE) {
				p = person_by_single(d, ix, k->key, a);
				if (p >= 0 && d->p[p].first &&
				    strcmp(d->p[p].last, k->key) == 0 &&
				    !(k->ev & (EV_PREP | EV_AGAINST))) {
					k->person = p;
					add_mention(d, a, 1, p);
				}
				continue;
			}
			p = pass == 0 ? couple_person(d, c, i, ix) : -1;
			if (p < 0)
				p = person_by_single(d, ix, k->key, a);
			/* "Eduardo “Dudu” Carvalhal ... Dudu will play" */
			if (p < 0 && smap_get(&c->nick, k->key) >= 0)
				p = smap_get(&c->nick, k->key);
			/* the second pass finds the items of a list before
			 * the mononyms of the first ("Beyonce, Adele and
			 * Harry Styles") */
			if (p < 0 && !shared_given(d, ix, k->key) &&
			    !acronym_before(d, a) && !(k->ev & EV_THING) &&
			    !birth_name(d, a) &&
			    smap_get(&titled, k->key) < ((k->ev & EV_ROLE) ? 1 : 2) &&
			    ((pass == 0 && single_evidence(d, k)) ||
			     list_mononym(d, c, i))) {
				p = new_person(d, d->text + d->tk.v[a].o,
					       d->tk.v[a].ol, k->key, -1, a);
				pindex_add(ix, d, p);
			}
			if (p >= 0) {
				k->person = p;
				add_mention(d, a, 1, p);
			}
		}
	}
	smap_release(&titled);
}

/* The nicknames in marks inside the names of the people found so far
 * ("Eduardo “Dudu” Carvalhal"), into c->nick, so that the word alone
 * later ("Dudu will play") is that person, not a new one. */
static void
marked_nicknames(const struct doc *d, struct cands *c)
{
	struct buf key = BUF_INIT;
	size_t i, t;

	for (i = 0; i < d->nm; i++) {
		const struct mention *m = &d->m[i];

		if (m->pronoun || m->ntok < 4)
			continue;
		for (t = m->tok + 1; t + 3 < m->tok + m->ntok; t++) {
			int v;

			if (!is_mark(d, t) || !is_mark(d, t + 2) ||
			    !is_cap_word(d, t + 1))
				continue;
			key_of(d, t + 1, t + 2, &key);
			v = smap_get(&c->nick, key.p);
			if (v == m->person || v == -2)
				continue;
			if (v < 0) {
				pt_xgrow((void **)&c->nickk, &c->capnick,
					 c->nnick + 1, sizeof(*c->nickk));
				c->nickk[c->nnick] = pt_xstrdup(key.p);
				smap_put(&c->nick, c->nickk[c->nnick++],
					 m->person);
			} else {
				smap_put(&c->nick, key.p, -2);
			}
		}
	}
	buf_release(&key);
}

/* 1 when the possessive at token a owns what only an organisation has
 * ("Halvard's head of acoustics", "Halvard's new chief executive",
 * "Halvard's shareholders"): a company, no person. Not what a person may
 * own too ("board", "shares", "customers", "chief of staff"). */
static int
org_owned(const struct doc *d, size_t a)
{
	static const char *const mod[] = { "new", "former", "latest", "own",
		"biggest", "largest", "first" };
	static const char *const part[] = { "ceo", "cfo", "cto", "coo",
		"shareholders", "headquarters", "subsidiary", "subsidiaries",
		"workforce", "factories", "revenue", "revenues" };
	/* "chief executive", not "chief of staff" (a president has one) */
	static const char *const chief[] = { "executive", "financial",
		"operating", "technology", "technical", "marketing",
		"product" };
	size_t j = a + 1;

	if (!(d->tk.v[a].flags & TOK_POSS) || !d->english)
		return 0;
	if (j < d->tk.n && tok_in(&d->tk, j, mod, sizeof(mod) / sizeof(*mod)))
		j++;
	if (j + 1 >= d->tk.n || !doc_same_sent(d, a, j + 1) ||
	    (d->tk.v[j].flags & TOK_CAP))
		return 0;
	if (tok_is(&d->tk, j, "head") && tok_is(&d->tk, j + 1, "of"))
		return 1;
	if (tok_is(&d->tk, j, "chief"))
		return tok_in(&d->tk, j + 1, chief,
			      sizeof(chief) / sizeof(*chief));
	return tok_in(&d->tk, j, part, sizeof(part) / sizeof(*part));
}

/* The single words of candidates the text tells as a company somewhere
 * (its_after(), an organisation's apposition or a maker of goods before
 * it, org_owned(), "the Corsaires said") and that no person took get
 * TM_ORG at each of their occurrences, so that attrib takes "Halvard
 * said" for the company speaking. */
static void
mark_org_words(struct doc *d, const struct cands *c)
{
	struct smap orgs = { NULL, NULL, 0, 0 };
	size_t i, j;

	for (i = 0; i < c->n; i++)
		if (c->v[i].nw == 1 && c->v[i].person < 0 &&
		    (its_after(d, c->v[i].a) || (c->v[i].ev & EV_ORGAPPOS) ||
		     org_owned(d, c->v[i].b - 1) ||
		     ((c->v[i].ev & EV_THING) && the_before(d, c->v[i].a) &&
		      doc_is_speech(d, c->v[i].b) && plural_name(d, c->v[i].a))))
			smap_put(&orgs, c->v[i].key, 1);
	for (i = 0; i < c->n && orgs.n; i++)
		if (c->v[i].nw == 1 && c->v[i].person < 0 &&
		    smap_get(&orgs, c->v[i].key) > 0)
			for (j = c->v[i].a; j < c->v[i].b; j++)
				d->tmark[j] |= TM_ORG;
	smap_release(&orgs);
}

/* 1 when the text holds an "l" and a hyphen ("al-", "el-", which
 * article_particle() asks for), somewhere. */
static int
l_hyphen(const struct doc *d)
{
	const char *p = d->text, *e = d->text + d->len, *h;

	for (; p < e && (h = memchr(p, '-', (size_t)(e - p))) != NULL;
	     p = h + 1)
		if (h > d->text && h[-1] == 'l')
			return 1;
	return 0;
}

/* "Yusuf al-Hamdani ... al-Hamdani said": a surname that opens with an
 * Arabic article in lower case is no capitalised word, so the scan never
 * starts a name there; alone (no capitalised word before it), it is the
 * person of that surname named in full. Never a person of its own: the
 * article opens organisations too ("al-Qaeda"). */
static void
particle_surnames(struct doc *d, const struct pindex *ix)
{
	size_t i;
	struct buf key = BUF_INIT;

	if (!l_hyphen(d))
		return; /* no article particle in the text */
	for (i = 0; i < d->tk.n; i++) {
		int p;

		if (!article_particle(d, i) ||
		    (i > 0 && doc_same_sent(d, i - 1, i) &&
		     (is_cap_word(d, i - 1) || particles(d, i - 1))))
			continue;
		key_of(d, i, i + 1, &key);
		p = person_by_single(d, ix, key.p, i);
		if (p >= 0 && d->p[p].first && strcmp(d->p[p].last, key.p) == 0)
			add_mention(d, i, 1, p);
	}
	buf_release(&key);
}

/* d->mtok: the mention at each token, so that doc_mention_at() is a
 * lookup for the steps after this one. */
static void
map_mentions(struct doc *d)
{
	size_t i, t;

	pt_xgrow((void **)&d->mtok, &d->capmtok, d->tk.n + 1,
		 sizeof(*d->mtok));
	for (t = 0; t < d->tk.n; t++)
		d->mtok[t] = -1;
	for (i = d->nm; i-- > 0;) /* the first wins, as in a search */
		for (t = d->m[i].tok;
		     t < d->m[i].tok + d->m[i].ntok && t < d->tk.n; t++)
			d->mtok[t] = (int)i;
	d->nmtok = d->tk.n;
	d->mtok_nm = d->nm;
}

/* 1 when PEOPLE_ENGLISH_PCT of the article's first words in lower case
 * are English words. */
static int
reads_english(const struct doc *d)
{
	size_t i, words = 0, known = 0, kl;

	for (i = 0; i < d->tk.n && words < PEOPLE_ENGLISH_SAMPLE; i++) {
		const char *k;

		if ((d->tk.v[i].flags & (TOK_WORD | TOK_NUM | TOK_CAP)) !=
		    TOK_WORD)
			continue; /* names, numbers (a table of results) */
		words++;
		k = doc_key(d, i, &kl);
		if (doc_lex(d, i) || given_common(k, kl))
			known++;
	}
	return words > 0 && known * 100 >= words * PEOPLE_ENGLISH_PCT;
}

void
people_find(struct doc *d, const struct topic *t)
{
	struct cands c = { NULL, 0, 0, NULL, NULL, 0, 0, 0,
			   { NULL, NULL, 0, 0 }, NULL, 0, 0 };
	struct smap accepted = { NULL, NULL, 0, 0 };
	struct pindex ix;
	size_t i;
	int p;

	memset(&ix, 0, sizeof(ix));
	d->english = reads_english(d);
	/* Titles in angle brackets are looked for only in a text that has
	 * an opening bracket ("<", or "《" and "〈", E3 80 8A and E3 80 88). */
	c.angles = has_angles(d);
	mark_lower(d, &c);
	mark_given(d, &c);
	find_figures(d, t);
	for (p = 0; p < (int)d->np; p++)
		pindex_add(&ix, d, p);
	scan_candidates(d, &c);
	key_candidates(d, &c);
	accept_with_evidence(&c, &accepted);
	accept_by_surname(d, &c, &accepted);
	accept_by_neighbours(d, &c, &accepted);
	people_from_accepted(d, &c, &ix);
	marked_nicknames(d, &c);
	people_from_single_words(d, &c, &ix);
	particle_surnames(d, &ix);
	mark_org_words(d, &c);
	if (d->nm > 1)
		qsort(d->m, d->nm, sizeof(*d->m), cmp_mention);
	map_mentions(d);
	for (i = 0; i < c.n; i++)
		free(c.v[i].key);
	smap_release(&accepted);
	pindex_release(&ix);
	for (i = 0; i < c.nnick; i++)
		free(c.nickk[i]);
	free(c.nickk);
	smap_release(&c.nick);
	free(c.v);
	free(c.lower);
	free(c.org);
}
