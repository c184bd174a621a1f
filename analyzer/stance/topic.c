/* topic.c -- topic file parser and phrase matcher.
 *
 * Phrases are stored as token keys, in two indexes: one for plain phrases
 * and one for phrases with '@' (matched in a second pass). In each, a
 * phrase whose first word is literal is found by a hash of that whole
 * word; one whose first word is a wildcard ("slam*") by a hash of its
 * first four bytes, which inflected text words ("slammed") share. A
 * wildcard with fewer than four literal bytes, a case-sensitive phrase and
 * a phrase that starts with '@' go on a short list tried at every token.
 */
#include "analyzer/stance/topic.h"

#include "analyzer/stance/given.h"
#include "analyzer/stance/polarity.h"
#include "analyzer/stance/polarity_table.h"
#include "analyzer/text/lexicon.h"

#include "analyzer/text/norm.h"
#include "analyzer/text/token.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/hash.h"
#include "crawler/base/sv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TOPIC_MAX_FILE (8u * 1024 * 1024)
#define TOPIC_MAX_WORDS 16
#define NBUCKETS 4096
/* The bits of the filter of definite refs' heads (struct topic heads). */
#define TOPIC_HEAD_BITS 1024

struct phrase {
	enum topic_kind kind;  /* what the phrase marks */
	double weight;         /* cue weight */
	int figure;            /* figure index, or -1 */
	int exact;             /* case-sensitive: compare original text */
	size_t nw;             /* number of words */
	char *words[TOPIC_MAX_WORDS]; /* key (or exact) form of each word */
	size_t wlen[TOPIC_MAX_WORDS]; /* their lengths */
	unsigned wild;         /* bit i: word i ends in '*' */
	unsigned at;           /* bit i: word i is '@' (a topic mention) */
	int family;            /* a word ends in "-*" ("AI-*"): a family of
				  compounds, which yields to a phrase of
				  the file written out ("AI-free") */
	char *text;            /* as written in the file */
	int next;              /* next phrase in the bucket, -1 = end */
	unsigned long line;    /* line of the topic file */
	uint32_t hash;         /* phrase_hash() */
	int defref;            /* definite_ref(), kept as it is asked at
				  every "the" */
};

struct phrase_index {
	int word[NBUCKETS];      /* literal first word: its hash -> chain */
	int prefix[NBUCKETS];    /* wildcard first word: 4-byte prefix hash */
	int *shortlist;          /* phrases tried at every token */
	size_t nshort, capshort;
	size_t nph;              /* phrases indexed here */
	uint64_t short_text[4];  /* first bytes of the shortlist's exact */
	uint64_t short_key[4];   /* and other first words, one bit each */
	int short_any;           /* one that starts with '@' or no byte */
};

struct topic {
	char *name;              /* "topic" line, or the file name */
	struct phrase *ph;       /* all phrases */
	size_t nph, capph;
	char **figures;          /* canonical names */
	size_t nfig, capfig;
	struct phrase_index plain; /* phrases without '@' */
	struct phrase_index at;    /* phrases with '@' */
	size_t count[TOPIC_NKINDS];
	int *set;                /* every phrase by phrase_hash(): an open
				    addressing table of indexes, -1 = free */
	size_t capset;           /* a power of two, or 0 */
	struct buf msg;          /* add_phrase()'s last message */
	uint64_t heads[TOPIC_HEAD_BITS / 64]; /* head_bit() of the head
				    (second word) of every definite ref */
	int any_head;            /* a head that head_bit() cannot stand for
				    (under three bytes, '@'): no filter */
};

static unsigned
hash_word(const char *p, size_t len)
{
	return hash_fnv1a(p, len) % NBUCKETS;
}

/* Wildcard words are indexed by their first four bytes. */
static unsigned
hash_prefix(const char *p, size_t len)
{
	return hash_fnv1a(p, len > 4 ? 4 : len) % NBUCKETS;
}

void
topic_free(struct topic *t)
{
	size_t i, j;

	if (!t)
		return;
	for (i = 0; i < t->nph; i++) {
		for (j = 0; j < t->ph[i].nw; j++)
			free(t->ph[i].words[j]);
		free(t->ph[i].text);
	}
	for (i = 0; i < t->nfig; i++)
		free(t->figures[i]);
	free(t->ph);
	free(t->figures);
	free(t->plain.shortlist);
	free(t->at.shortlist);
	free(t->set);
	buf_release(&t->msg);
	free(t->name);
	free(t);
}

static const struct {
	const char *word;
	enum topic_kind kind;
	int exact;
} kinds[] = {
	{ "con", TOPIC_CON, 0 },
	{ "contrast", TOPIC_CONTRAST, 0 },
	{ "figure", TOPIC_FIGURE, 0 },
	{ "negator", TOPIC_NEGATOR, 0 },
	{ "neutral", TOPIC_NEUTRAL, 0 },
	{ "nonperson", TOPIC_NONPERSON, 0 },
	{ "pro", TOPIC_PRO, 0 },
	{ "ref", TOPIC_REF, 0 },
	{ "role", TOPIC_ROLE, 0 },
	{ "speech", TOPIC_SPEECH, 0 },
	{ "term", TOPIC_TERM, 0 },
	{ "term!", TOPIC_TERM, 1 },
};

/* The entry word of a kind, for messages. */
static const char *
kind_word(enum topic_kind kind)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].kind == kind)
			return kinds[i].word;
	return "?";
}

static void
phrase_free_words(struct phrase *ph)
{
	size_t w;

	for (w = 0; w < ph->nw; w++)
		free(ph->words[w]);
	free(ph->text);
}

/* Cuts the phrase text into ph's words: a '*' after a word makes it a
 * wildcard, a word '@' stands for a mention of the topic. Returns NULL or
 * a static description of the problem. */
static const char *
phrase_words(struct phrase *ph, struct sv text)
{
	struct tokens tk;
	/* Exact phrases keep their case: tokenize the text as written. */
	char *key = ph->exact ? pt_xstrndup(text.p, text.len)
			      : norm_key(text.p, text.len);
	const char *why = NULL;
	size_t i;

	tokens_init(&tk);
	tokens_build_key(&tk, key, strlen(key));
	for (i = 0; i < tk.n; i++) {
		/* "AI-*": a hyphen and a star right after a word make it a
		 * wildcard that keeps the hyphen, so it matches the
		 * one-token compounds "AI-generated", "AI-written". */
		if (tok_punct(&tk, i, '-') && i + 1 < tk.n &&
		    tok_punct(&tk, i + 1, '*') && ph->nw > 0 &&
		    !(ph->wild & (1u << (ph->nw - 1))) &&
		    tk.v[i].k == tk.v[i - 1].k + tk.v[i - 1].kl &&
		    tk.v[i + 1].k == tk.v[i].k + 1 &&
		    (tk.v[i - 1].flags & TOK_WORD)) {
			char *w = ph->words[ph->nw - 1];
			size_t n = ph->wlen[ph->nw - 1];

			ph->words[ph->nw - 1] = pt_xmalloc(n + 2);
			memcpy(ph->words[ph->nw - 1], w, n);
			memcpy(ph->words[ph->nw - 1] + n, "-", 2);
			free(w);
			ph->wlen[ph->nw - 1] = n + 1;
			ph->wild |= 1u << (ph->nw - 1);
			ph->family = 1;
			i++;
			continue;
		}
		if (tok_punct(&tk, i, '*') && ph->nw > 0 &&
		    !(ph->wild & (1u << (ph->nw - 1)))) {
			ph->wild |= 1u << (ph->nw - 1);
			continue;
		}
		if (tok_punct(&tk, i, '@') && ph->nw < TOPIC_MAX_WORDS)
			ph->at |= 1u << ph->nw;
		if (ph->nw == TOPIC_MAX_WORDS) {
			why = "phrase longer than 16 words";
			break;
		}
		ph->words[ph->nw] = pt_xstrndup(key + tk.v[i].k, tk.v[i].kl);
		ph->wlen[ph->nw] = tk.v[i].kl;
		ph->nw++;
	}
	tokens_release(&tk);
	free(key);
	if (!why && ph->nw == 0)
		why = "phrase has no words";
	return why;
}

/* The hash of what makes two phrases the same: their words, wildcards,
 * '@'s and case rule (not their kind: "pro x" and "con x" collide). */
static uint32_t
phrase_hash(const struct phrase *ph)
{
	uint32_t h = hash_fnv1a(&ph->wild, sizeof(ph->wild));
	size_t w;

	h ^= hash_fnv1a(&ph->at, sizeof(ph->at)) * 31u + (uint32_t)ph->exact;
	for (w = 0; w < ph->nw; w++)
		h = h * 16777619u ^ hash_fnv1a(ph->words[w], ph->wlen[w]);
	return h;
}

static int
phrase_same(const struct phrase *a, const struct phrase *b)
{
	size_t w;

	if (a->hash != b->hash || a->exact != b->exact || a->nw != b->nw ||
	    a->wild != b->wild || a->at != b->at)
		return 0;
	for (w = 0; w < a->nw; w++)
		if (a->wlen[w] != b->wlen[w] ||
		    memcmp(a->words[w], b->words[w], a->wlen[w]) != 0)
			return 0;
	return 1;
}

/* Puts phrase n in t->set (growing it to keep it at most half full). */
static void
set_insert(struct topic *t, size_t n)
{
	size_t i, mask;

	if (2 * (n + 1) > t->capset) {
		size_t cap = t->capset ? 2 * t->capset : 256, j;

		free(t->set);
		t->set = pt_xmalloc(cap * sizeof(*t->set));
		for (j = 0; j < cap; j++)
			t->set[j] = -1;
		t->capset = cap;
		for (j = 0; j < n; j++)
			set_insert(t, j);
	}
	mask = t->capset - 1;
	for (i = t->ph[n].hash & mask; t->set[i] >= 0; i = (i + 1) & mask)
		;
	t->set[i] = (int)n;
}

static const char *kind_word(enum topic_kind kind);

/* Checks ph against the phrases of t with the same words (found through
 * t->set, so loading stays linear). Returns 0 to add it, 1 when it is an
 * alias that folds into one already there ("Noé" and "Noe" of one figure
 * have one key: one phrase, one hit), or -1 with t->msg saying why it is
 * a duplicate or a conflict. */
static int
phrase_check(struct topic *t, const struct phrase *ph)
{
	size_t i, mask;

	if (!t->capset)
		return 0;
	mask = t->capset - 1;
	for (i = ph->hash & mask; t->set[i] >= 0; i = (i + 1) & mask) {
		const struct phrase *o = &t->ph[t->set[i]];
		int cue = (o->kind == TOPIC_PRO || o->kind == TOPIC_CON) &&
			  (ph->kind == TOPIC_PRO || ph->kind == TOPIC_CON);

		if (!phrase_same(o, ph))
			continue;
		if (o->kind == ph->kind && o->figure == ph->figure &&
		    o->line == ph->line)
			return 1;
		buf_reset(&t->msg);
		if (o->kind == ph->kind && o->figure == ph->figure)
			buf_addf(&t->msg, "duplicate entry: '%s' is already a "
				 "'%s' at line %lu", ph->text,
				 kind_word(o->kind), o->line);
		else if (cue && o->kind != ph->kind)
			buf_addf(&t->msg, "conflicting entry: '%s' is a '%s' "
				 "cue at line %lu and a '%s' cue here",
				 ph->text, kind_word(o->kind), o->line,
				 kind_word(ph->kind));
		else if (o->kind == ph->kind)
			buf_addf(&t->msg, "conflicting entry: '%s' names the "
				 "figure '%s' at line %lu", ph->text,
				 t->figures[o->figure], o->line);
		else
			continue; /* a term may also be a ref, say */
		return -1;
	}
	return 0;
}

static void
set_byte(uint64_t *set, char c)
{
	set[(unsigned char)c / 64] |= (uint64_t)1 << ((unsigned char)c % 64);
}

static int
has_byte(const uint64_t *set, char c)
{
	return (set[(unsigned char)c / 64] >> ((unsigned char)c % 64)) & 1u;
}

/* Puts phrase number n of t in its index. Exact phrases are few; their
 * written form does not hash like the key, so they are tried at every
 * token (as are phrases that start with '@' and short wildcards). */
static void
phrase_index(struct topic *t, size_t n)
{
	struct phrase *ph = &t->ph[n];
	struct phrase_index *ix = ph->at ? &t->at : &t->plain;
	unsigned h;

	ix->nph++;
	if (ph->exact || (ph->at & 1u) ||
	    ((ph->wild & 1u) && ph->wlen[0] < 4)) {
		pt_xgrow((void **)&ix->shortlist, &ix->capshort,
			 ix->nshort + 1, sizeof(*ix->shortlist));
		ix->shortlist[ix->nshort++] = (int)n;
		ph->next = -1;
		if ((ph->at & 1u) || ph->wlen[0] == 0)
			ix->short_any = 1;
		else if (ph->exact)
			set_byte(ix->short_text, ph->words[0][0]);
		else
			set_byte(ix->short_key, ph->words[0][0]);
	} else if (ph->wild & 1u) {
		h = hash_prefix(ph->words[0], ph->wlen[0]);
		ph->next = ix->prefix[h];
		ix->prefix[h] = (int)n;
	} else {
		h = hash_word(ph->words[0], ph->wlen[0]);
		ph->next = ix->word[h];
		ix->word[h] = (int)n;
	}
}

static int definite_ref(const struct phrase *ph);

/* The filter bit of a word by its first three bytes (it has three or
 * more): a word and every word a wildcard of three bytes or more
 * matches share it. */
static unsigned
head_bit(const char *p)
{
	return ((unsigned char)p[0] * 961u + (unsigned char)p[1] * 31u +
		(unsigned char)p[2]) % TOPIC_HEAD_BITS;
}

/* Adds one phrase, of line `line`. Returns NULL or a description of the
 * problem (static, or in t->msg). */
static const char *
add_phrase(struct topic *t, enum topic_kind kind, int exact, double weight,
	   int figure, struct sv text, unsigned long line)
{
	struct phrase *ph;
	const char *why;
	int known;

	if (text.len == 0)
		return "empty phrase";
	pt_xgrow((void **)&t->ph, &t->capph, t->nph + 1, sizeof(*t->ph));
	ph = &t->ph[t->nph];
	memset(ph, 0, sizeof(*ph));
	ph->kind = kind;
	ph->weight = weight;
	ph->figure = figure;
	ph->exact = exact;
	ph->line = line;
	ph->text = pt_xstrndup(text.p, text.len);
	why = phrase_words(ph, text);
	if (!why)
		ph->hash = phrase_hash(ph);
	known = why ? 0 : phrase_check(t, ph);
	if (why || known) {
		phrase_free_words(ph);
		return known < 0 ? t->msg.p : why;
	}
	ph->defref = definite_ref(ph);
	if (ph->defref && (ph->wlen[1] < 3 || (ph->at & 2u)))
		t->any_head = 1;
	else if (ph->defref)
		t->heads[head_bit(ph->words[1]) / 64] |=
			(uint64_t)1 << (head_bit(ph->words[1]) % 64);
	phrase_index(t, t->nph);
	set_insert(t, t->nph);
	t->count[kind]++;
	t->nph++;
	return NULL;
}

static int
fail(struct buf *err, const char *name, unsigned long line, const char *what)
{
	if (err)
		buf_addf(err, "%s:%lu: %s", name, line, what);
	return PT_EPARSE;
}

/* The optional weight of a pro or con entry: a number before the phrase,
 * taken off *rest into *weight. Returns NULL or what was expected. */
static const char *
parse_weight(struct sv *rest, double *weight)
{
	char num[32];
	size_t i;

	for (i = 0; i < rest->len && rest->p[i] != ' ' && rest->p[i] != '\t';
	     i++)
		;
	if (i == 0 || !((rest->p[0] >= '0' && rest->p[0] <= '9') ||
			rest->p[0] == '.' || rest->p[0] == '-'))
		return NULL;
	if (i >= sizeof(num) || rest->p[0] == '-')
		return "expected a positive weight";
	memcpy(num, rest->p, i);
	num[i] = '\0';
	if (cli_parse_double(num, weight) || *weight <= 0 || *weight > 100)
		return "expected a weight between 0 and 100, then a phrase";
	*rest = sv_trim(sv_make(rest->p + i, rest->len - i));
	return NULL;
}

/* A figure entry: its first alternative is the canonical name. Returns
 * the new figure's index, or -1 when the name is empty. */
static int
add_figure(struct topic *t, struct sv rest)
{
	struct sv first;

	sv_cut(rest, '|', &first);
	first = sv_trim(first);
	if (first.len == 0)
		return -1;
	pt_xgrow((void **)&t->figures, &t->capfig, t->nfig + 1,
		 sizeof(*t->figures));
	t->figures[t->nfig] = pt_xstrndup(first.p, first.len);
	return (int)t->nfig++;
}

static int
unknown_entry(struct buf *err, const char *name, unsigned long lineno,
	      struct sv word)
{
	struct buf m = BUF_INIT;

	buf_addf(&m, "unknown entry '%.*s'; expected topic, term, term!, "
		 "ref, pro, con, negator, figure, role, speech or nonperson",
		 (int)(word.len > 40 ? 40 : word.len), word.p);
	fail(err, name, lineno, m.p);
	buf_release(&m);
	return PT_EPARSE;
}

/* A term, ref or contrast target of two or three words also matches as
 * one hyphenated word ("digital replica" = "digital-replica",
 * "intimacy coordinator" = "intimacy-coordinator"), the way English
 * writes compounds before a noun. 0, or 1 when too long. */
static int
add_hyphenated(struct topic *t, enum topic_kind kind, int exact,
	       struct sv alt, unsigned long line)
{
	char joined[256];
	size_t i, words = 1;

	if ((kind != TOPIC_TERM && kind != TOPIC_REF &&
	     kind != TOPIC_CONTRAST) || alt.len >= sizeof(joined))
		return 0;
	for (i = 0; i < alt.len; i++) {
		if (alt.p[i] == '@' || alt.p[i] == '-')
			return 0;
		if (alt.p[i] == ' ')
			words++;
	}
	if (words < 2 || words > 3)
		return 0;
	/* "the tool", "these systems": a determiner starts no compound. */
	for (i = 0; i < alt.len && alt.p[i] != ' '; i++)
		;
	if ((i == 3 && memcmp(alt.p, "the", 3) == 0) ||
	    (i == 1 && alt.p[0] == 'a') || (i == 2 && memcmp(alt.p, "an", 2) == 0) ||
	    (i == 5 && memcmp(alt.p, "these", 5) == 0) ||
	    (i == 4 && (memcmp(alt.p, "this", 4) == 0 ||
			memcmp(alt.p, "that", 4) == 0)) ||
	    (i == 3 && memcmp(alt.p, "its", 3) == 0) ||
	    (i == 5 && memcmp(alt.p, "whose", 5) == 0))
		return 0;
	for (i = 0; i < alt.len; i++)
		joined[i] = alt.p[i] == ' ' ? '-' : alt.p[i];
	/* A spelling the file already has (or that does not parse) is no
	 * error: the entry stands as written. */
	if (!add_phrase(t, kind, exact, 1.0, -1, sv_make(joined, alt.len),
			line))
		t->count[kind]--; /* a spelling of the entry, not an entry */
	return 0;
}

static int
parse_line(struct topic *t, struct sv line, const char *name,
	   unsigned long lineno, struct buf *err)
{
	struct sv word, rest, alt;
	size_t i;
	int k = -1, figure = -1;
	double weight = 1.0;
	const char *why;

	line = sv_strip_comment(line);
	if (line.len == 0)
		return 0;
	for (i = 0; i < line.len && line.p[i] != ' ' && line.p[i] != '\t'; i++)
		;
	word = sv_make(line.p, i);
	rest = sv_trim(sv_make(line.p + i, line.len - i));
	if (sv_eq(word, "topic")) {
		if (rest.len == 0)
			return fail(err, name, lineno,
				    "expected a name after 'topic'");
		free(t->name);
		t->name = pt_xstrndup(rest.p, rest.len);
		return 0;
	}
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (sv_eq(word, kinds[i].word))
			k = (int)i;
	if (k < 0)
		return unknown_entry(err, name, lineno, word);
	if (kinds[k].kind == TOPIC_PRO || kinds[k].kind == TOPIC_CON) {
		why = parse_weight(&rest, &weight);
		if (why)
			return fail(err, name, lineno, why);
	}
	if (rest.len == 0)
		return fail(err, name, lineno, "expected a phrase");
	if (kinds[k].kind == TOPIC_FIGURE) {
		figure = add_figure(t, rest);
		if (figure < 0)
			return fail(err, name, lineno,
				    "expected a canonical name first");
	}
	while (rest.p) {
		rest = sv_cut(rest, '|', &alt);
		alt = sv_trim(alt);
		if (alt.len == 0)
			return fail(err, name, lineno,
				    "expected a phrase between '|'");
		why = add_phrase(t, kinds[k].kind, kinds[k].exact, weight,
				 figure, alt, lineno);
		if (why)
			return fail(err, name, lineno, why);
		if (add_hyphenated(t, kinds[k].kind, kinds[k].exact, alt,
				   lineno))
			return fail(err, name, lineno, "phrase too long");
	}
	return 0;
}

struct topic *
topic_parse(const char *text, size_t len, const char *name, struct buf *err)
{
	struct topic *t = pt_xcalloc(1, sizeof(*t));
	struct sv all = sv_make(text, len), line;
	unsigned long lineno = 0;
	size_t i;

	for (i = 0; i < NBUCKETS; i++) {
		t->plain.word[i] = t->plain.prefix[i] = -1;
		t->at.word[i] = t->at.prefix[i] = -1;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		all = sv_make(text + 3, len - 3);
	if (memchr(text, '\0', len)) {
		fail(err, name, 1, "binary data in a topic file");
		topic_free(t);
		return NULL;
	}
	while (all.p) {
		all = sv_cut(all, '\n', &line);
		lineno++;
		if (parse_line(t, line, name, lineno, err)) {
			topic_free(t);
			return NULL;
		}
	}
	if (t->count[TOPIC_TERM] == 0) {
		fail(err, name, lineno, "no 'term' entry: a topic needs at "
		     "least one term");
		topic_free(t);
		return NULL;
	}
	if (!t->name)
		t->name = pt_xstrdup(name);
	return t;
}

struct topic *
topic_load(const char *path, struct buf *err)
{
	struct buf b;
	struct topic *t;
	struct buf fixed = BUF_INIT;
	size_t bad_at = 0;

	buf_init(&b, TOPIC_MAX_FILE);
	if (fileio_read(path, &b, err)) {
		buf_release(&b);
		return NULL;
	}
	if (norm_fix_utf8(b.p, b.len, &fixed, &bad_at)) {
		if (err)
			buf_addf(err, "%s: invalid UTF-8 at byte %zu", path,
				 bad_at);
		buf_release(&b);
		buf_release(&fixed);
		return NULL;
	}
	buf_release(&fixed);
	t = topic_parse(b.p, b.len, path, err);
	buf_release(&b);
	return t;
}

const char *
topic_name(const struct topic *t)
{
	return t->name;
}

size_t
topic_nfigures(const struct topic *t)
{
	return t->nfig;
}

const char *
topic_figure(const struct topic *t, size_t i)
{
	return i < t->nfig ? t->figures[i] : NULL;
}

size_t
topic_count(const struct topic *t, enum topic_kind kind)
{
	return t->count[kind];
}

void
topic_describe(const struct topic *t, struct buf *out)
{
	static const char *const names[TOPIC_NKINDS] = {
		[TOPIC_TERM] = "terms", [TOPIC_PRO] = "pro overrides",
		[TOPIC_CON] = "con overrides", [TOPIC_NEGATOR] = "negators",
		[TOPIC_FIGURE] = "figure aliases", [TOPIC_ROLE] = "roles",
		[TOPIC_SPEECH] = "speech verbs",
		[TOPIC_NONPERSON] = "nonpersons", [TOPIC_REF] = "refs",
		[TOPIC_CONTRAST] = "contrast targets",
		[TOPIC_NEUTRAL] = "neutral words"
	};
	size_t k;

	buf_addf(out, "topic '%s':", t->name);
	for (k = 0; k < TOPIC_NKINDS; k++)
		buf_addf(out, "%s %zu %s", k ? "," : "", t->count[k],
			 names[k]);
	buf_addf(out, "; %zu figures", topic_nfigures(t));
}

/* Inline, and the first byte compared before memcmp(): it runs a few
 * times at every token. */
static inline int
word_matches(const struct phrase *ph, size_t w, const struct tokens *tk,
	     size_t i)
{
	const struct tok *k = &tk->v[i];
	const char *p;
	size_t len;

	if (ph->exact) {
		p = tk->text + k->o;
		len = k->ol;
	} else {
		p = tk->key + k->k;
		len = k->kl;
	}
	if (ph->wild & (1u << w))
		return len >= ph->wlen[w] && (ph->wlen[w] == 0 ||
		       (p[0] == ph->words[w][0] &&
			memcmp(p, ph->words[w], ph->wlen[w]) == 0));
	return len == ph->wlen[w] && (len == 0 || (p[0] == ph->words[w][0] &&
	       memcmp(p, ph->words[w], len) == 0));
}

/* 1 for a ref whose first word is "the": it refers back with any
 * definite determiner ("the protocol", "this protocol", "these
 * protocols", "that role"). */
static int
definite_ref(const struct phrase *ph)
{
	return ph->kind == TOPIC_REF && !ph->exact && ph->nw > 1 &&
	       ph->wlen[0] == 3 && memcmp(ph->words[0], "the", 3) == 0 &&
	       !(ph->wild & 1u);
}

/* Adjectives that keep a reference to the same thing ("the new
 * tools", "the latest models"), and those that name another one ("the
 * old tools" are the ones the topic replaced). */
static const char *const same_thing[] = {
	"new", "newer", "newest", "latest", "current", "same", "whole",
	"entire", "very", "present", NULL
};
static const char *const other_thing[] = {
	"old", "older", "oldest", "former", "previous", "earlier", "past",
	"traditional", "conventional", "other", "human", "manual",
	"original", "existing", "usual", "standard", "ordinary", "real",
	"analogue", "analog", "last", "first", NULL
};

static int in_list(const char *const *list, const char *p, size_t n);

/* 1 when token j is an adjective that keeps a definite ref's reference
 * ("the clever tools", "these much-hyped systems"): one of same_thing,
 * an evaluative word of the lexicon or a participle in "-ed", lower
 * case, no word for another thing, no function word. */
static int
ref_adjective(const struct tokens *tk, size_t j)
{
	const struct tok *m = &tk->v[j];
	const struct pol_entry *e;
	const char *k = tk->key + m->k;

	if (!(m->flags & TOK_WORD) || (m->flags & (TOK_CAP | TOK_NUM |
						   TOK_POSS)))
		return 0;
	if (in_list(same_thing, k, m->kl))
		return 1;
	if (in_list(other_thing, k, m->kl) || lexicon_lookup(k, m->kl))
		return 0;
	if (m->kl > 4 && memcmp(k + m->kl - 2, "ed", 2) == 0)
		return 1;
	e = polarity_lookup(k, m->kl);
	return e && e->kind == POL_EVAL;
}

/* How many tokens from j are adjectives between a definite ref's
 * determiner and its head: at most two, each perhaps after an adverb in
 * "-ly" ("the frankly dreadful tools"), so REF_GAP_MAX tokens at most. */
#define REF_GAP_MAX 4

static size_t
ref_gap(const struct tokens *tk, size_t j, size_t sent)
{
	size_t g = 0, adj = 0;

	while (adj < 2 && j + g < tk->n && tk->v[j + g].sent == sent) {
		const struct tok *m = &tk->v[j + g];

		if (ref_adjective(tk, j + g)) {
			g++;
			adj++;
			continue;
		}
		if ((m->flags & TOK_WORD) && m->kl > 4 &&
		    memcmp(tk->key + m->k + m->kl - 2, "ly", 2) == 0 &&
		    j + g + 1 < tk->n && ref_adjective(tk, j + g + 1)) {
			g += 2;
			adj++;
			continue;
		}
		break;
	}
	return g;
}

/* Returns how many tokens the phrase covers at token i, or 0; with det,
 * token i is a demonstrative standing for a ref's "the". A definite ref
 * also matches with adjectives before its head ("the clever tools" for
 * "the tools"): *gap gets how many, which stand from token i + 1 and
 * are no part of the ref. */
static size_t
phrase_at(const struct phrase *ph, const struct tokens *tk, size_t i,
	  const unsigned char *topic, int det, size_t *gap)
{
	size_t w, j = i;

	*gap = 0;
	if (det) {
		if (!ph->defref)
			return 0;
		j++;
	}
	for (w = det ? 1 : 0; w < ph->nw; w++) {
		if (j >= tk->n || tk->v[j].sent != tk->v[i].sent)
			return 0; /* a phrase does not run across sentences */
		if (w == 1 && ph->defref && !word_matches(ph, w, tk, j)) {
			size_t g;

			/* ref_gap() is at most REF_GAP_MAX tokens: look for
			 * the head there first, a cheap test that fails at
			 * almost every "the" of a text. */
			for (g = 1; g <= REF_GAP_MAX && j + g < tk->n; g++)
				if (word_matches(ph, w, tk, j + g))
					break;
			if (g > REF_GAP_MAX || j + g >= tk->n)
				return 0;
			g = ref_gap(tk, j, tk->v[i].sent);

			if (g == 0 || j + g >= tk->n ||
			    !word_matches(ph, w, tk, j + g))
				return 0;
			*gap = g;
			j += g;
		}
		if (ph->at & (1u << w)) {
			if (!topic || !topic[j])
				return 0;
			while (j < tk->n && topic[j] &&
			       tk->v[j].sent == tk->v[i].sent)
				j++;
			continue;
		}
		/* Quote marks inside a phrase do not break it
		 * ('had "never once" worked with'). */
		while (w > 0 && j < tk->n && (tk->v[j].flags & TOK_PUNCT) &&
		       (tk->key[tk->v[j].k] == '"' || tk->key[tk->v[j].k] == '\''))
			j++;
		if (j >= tk->n || !word_matches(ph, w, tk, j))
			return 0;
		j++;
	}
	return j - i;
}

/* Adjectives that classify a role without making it another one ("the
 * new coordinator", "our lead coordinator"); nouns of the dictionary
 * that are also these adjectives would otherwise read as modifiers. */
static const char *const classifiers[] = {
	"new", "old", "former", "current", "senior", "junior", "lead",
	"chief", "head", "female", "male", "first", "second", "third",
	"only", "own", "other", "same", "local", "young", "sole", "main",
	"regular", "usual", "resident", "freelance", "professional",
	"qualified", "trained", "certified", "official", "permanent",
	"temporary", "dedicated", "independent", "assistant", "real",
	"actual", "full-time", "part-time", "on-set", "onset", "staff",
	"set", "production", "show", "film", "series", NULL
};

/* Determiners the lexicon's DET class (articles, possessives, "this")
 * leaves out. */
static const char *const determiners[] = {
	"my", "our", "your", "these", "those", "each", "every", "any", "no",
	"another", NULL
};

static int
in_list(const char *const *list, const char *p, size_t n)
{
	size_t j;

	for (j = 0; list[j]; j++)
		if (strlen(list[j]) == n && memcmp(list[j], p, n) == 0)
			return 1;
	return 0;
}

/* 1 when the key p[0..n) is a noun by the dictionary: it has a plural
 * ("stunt": "stunts", "fight", "transport") -- most adjectives have
 * none. */
static int
plural_noun(const char *p, size_t n)
{
	char w[64];
	size_t m = n;

	if (n + 3 > sizeof(w) || !given_common(p, n))
		return 0;
	memcpy(w, p, n);
	if (n > 1 && p[n - 1] == 'y' && !strchr("aeiou", p[n - 2])) {
		memcpy(w + n - 1, "ies", 3);
		m = n + 2;
	} else if (p[n - 1] == 's' || p[n - 1] == 'x' ||
		   (n > 1 && p[n - 1] == 'h' && strchr("cs", p[n - 2]))) {
		memcpy(w + n, "es", 2);
		m = n + 2;
	} else {
		w[n] = 's';
		m = n + 1;
	}
	return given_common(w, m);
}

/* 1 when the one-word term at token i is the head of a compound whose
 * noun modifier (token i-1) makes it another kind of thing: a
 * determiner or possessive, then a lower-case dictionary noun that is
 * no evaluative word ("the best coordinator"), no classifying adjective
 * and no participle ("a trained coordinator"). The determiner keeps a
 * verb out ("hire coordinators", "use one"). */
static int
restricted_head(const struct tokens *tk, size_t i)
{
	const struct tok *m, *d;
	const struct pol_entry *e;
	const char *k;

	if (i < 2)
		return 0;
	m = &tk->v[i - 1];
	d = &tk->v[i - 2];
	if (m->sent != tk->v[i].sent || d->sent != m->sent ||
	    !(m->flags & TOK_WORD) || (m->flags & (TOK_CAP | TOK_NUM |
						   TOK_POSS)) ||
	    !(d->flags & TOK_WORD))
		return 0;
	if (!(d->flags & TOK_POSS) &&
	    !(lexicon_lookup(tk->key + d->k, d->kl) & LEX_DET) &&
	    !in_list(determiners, tk->key + d->k, d->kl))
		return 0;
	k = tk->key + m->k;
	if (m->kl < 3 || (m->kl > 2 && memcmp(k + m->kl - 2, "ed", 2) == 0))
		return 0;
	if (in_list(classifiers, k, m->kl))
		return 0;
	if (lexicon_lookup(k, m->kl))
		return 0;
	e = polarity_lookup(k, m->kl);
	if (e && e->kind == POL_EVAL)
		return 0;
	return plural_noun(k, m->kl);
}

static void
add_hit(const struct phrase *ph, size_t ntok, size_t gap,
	struct topic_hit *hits, size_t *n, size_t max, int restricted)
{
	size_t j;

	if (*n == max)
		return;
	/* Keep hits sorted longest first. */
	for (j = *n; j > 0 && hits[j - 1].ntok < ntok; j--)
		hits[j] = hits[j - 1];
	hits[j].kind = ph->kind;
	hits[j].ntok = ntok;
	hits[j].weight = ph->weight;
	hits[j].figure = ph->figure;
	hits[j].phrase = ph->text;
	hits[j].restricted = restricted;
	hits[j].family = ph->family;
	hits[j].gap = gap;
	(*n)++;
}

/* 0 when no token of the REF_GAP_MAX + 1 from j can be the head of a
 * definite ref of t: the test phrase_at() makes at every "the", done
 * once for all of them. */
static int
head_near(const struct topic *t, const struct tokens *tk, size_t j)
{
	size_t g;

	if (t->any_head)
		return 1;
	for (g = 0; g <= REF_GAP_MAX && j + g < tk->n; g++) {
		const struct tok *k = &tk->v[j + g];
		unsigned b;

		if (k->kl < 3)
			continue;
		b = head_bit(tk->key + k->k);
		if (t->heads[b / 64] & ((uint64_t)1 << (b % 64)))
			return 1;
	}
	return 0;
}

/* 0 when the first word of ph cannot be token i, by its length and
 * first byte: a cheap test before phrase_at() for the phrases tried at
 * every token ("IC", "LLMs") and in a shared bucket; inline, as it is
 * asked so often. */
static inline int
may_start(const struct phrase *ph, const struct tokens *tk, size_t i)
{
	const struct tok *k = &tk->v[i];
	const char *p = ph->exact ? tk->text + k->o : tk->key + k->k;
	size_t len = ph->exact ? k->ol : k->kl;

	if ((ph->at & 1u) || ph->wlen[0] == 0)
		return 1;
	if ((ph->wild & 1u) ? len < ph->wlen[0] : len != ph->wlen[0])
		return 0;
	return p[0] == ph->words[0][0];
}

static void
match_chain(const struct topic *t, int p, const struct tokens *tk, size_t i,
	    const unsigned char *topic, int det, struct topic_hit *hits,
	    size_t *n, size_t max)
{
	size_t len, gap;
	int near = -1; /* head_near() after token i, once asked */

	for (; p >= 0; p = t->ph[p].next) {
		const struct phrase *ph = &t->ph[p];

		if (ph->defref && near < 0)
			near = head_near(t, tk, i + 1);
		if (ph->defref && !near)
			continue;
		if ((det || may_start(ph, tk, i)) &&
		    (len = phrase_at(ph, tk, i, topic, det, &gap)) > 0)
			add_hit(ph, len, gap, hits, n, max,
				ph->kind == TOPIC_TERM && ph->nw == 1 &&
				!ph->exact && restricted_head(tk, i));
	}
}

/* Drops the hits of a family of compounds ("AI-*") that a phrase
 * written out without a wildcard covers as well ("AI-free", a contrast
 * target): the entry that names the compound is what it is. Returns
 * the hits left. */
static size_t
drop_family(struct topic_hit *hits, size_t n)
{
	size_t i, j, k = 0;

	for (i = 0; i < n; i++) {
		int drop = 0;

		if (hits[i].family)
			for (j = 0; j < n && !drop; j++)
				drop = !hits[j].family &&
				       hits[j].ntok == hits[i].ntok &&
				       !strchr(hits[j].phrase, '*');
		if (!drop)
			hits[k++] = hits[i];
	}
	return k;
}

/* hash_fnv1a() of what went before (h) and then p[0..n). */
static uint32_t
fnv_more(uint32_t h, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

size_t
topic_match(const struct topic *t, const struct tokens *tk, size_t i,
	    const unsigned char *topic, struct topic_hit *hits, size_t max)
{
	const struct tok *k = &tk->v[i];
	const struct phrase_index *ix = topic ? &t->at : &t->plain;
	const char *w = tk->key + k->k;
	size_t n = 0, s, len, gap;
	uint32_t h4, h;

	/* No phrase with '@' (the usual topic): no second pass. */
	if (ix->nph == 0)
		return 0;
	/* One FNV-1a pass gives the hashes of the first four bytes and of
	 * the whole word (hash_prefix(), hash_word()). */
	h4 = fnv_more(2166136261u, w, k->kl > 4 ? 4 : k->kl);
	h = k->kl > 4 ? fnv_more(h4, w + 4, k->kl - 4) : h4;
	match_chain(t, ix->word[h % NBUCKETS], tk, i, topic, 0, hits, &n, max);
	if (k->kl >= 4)
		match_chain(t, ix->prefix[h4 % NBUCKETS], tk, i, topic, 0,
			    hits, &n, max);
	/* "this", "that", "these", "those" for the "the" of a ref. */
	if ((k->kl == 4 && (memcmp(w, "this", 4) == 0 ||
			    memcmp(w, "that", 4) == 0)) ||
	    (k->kl == 5 && (memcmp(w, "these", 5) == 0 ||
			    memcmp(w, "those", 5) == 0)))
		match_chain(t, ix->word[hash_word("the", 3)], tk, i, topic, 1,
			    hits, &n, max);
	/* The shortlist, unless no phrase of it starts with the token's
	 * first byte (may_start() for all of them at once). */
	if (!ix->short_any && (k->ol == 0 ||
			       !has_byte(ix->short_text, tk->text[k->o])) &&
	    (k->kl == 0 || !has_byte(ix->short_key, w[0])))
		return drop_family(hits, n);
	for (s = 0; s < ix->nshort; s++) {
		const struct phrase *ph = &t->ph[ix->shortlist[s]];

		if (may_start(ph, tk, i) &&
		    (len = phrase_at(ph, tk, i, topic, 0, &gap)) > 0)
			add_hit(ph, len, gap, hits, &n, max,
				ph->kind == TOPIC_TERM && ph->nw == 1 &&
				!ph->exact && restricted_head(tk, i));
	}
	return drop_family(hits, n);
}
