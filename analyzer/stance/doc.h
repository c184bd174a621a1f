/* doc.h -- the analysis of one article as plain data: tokens, quotations,
 * people and their mentions, stance cues and who they count for; and the
 * read-only queries the steps share.
 *
 * The steps that fill it each have their own header and run in this order
 * (analyze.h runs them all): prep.h (text, tokens, sentences, word classes)
 * -> mark.h (topic phrases; sentences about the topic) -> quote.h
 * (quotations) -> people.h (people and mentions) -> attrib.h (speakers and
 * stance cues). Each field below names the step that fills it. Offsets
 * point into the original text, which is borrowed and must outlive the
 * doc's use.
 */
#ifndef PT_DOC_H
#define PT_DOC_H

#include "analyzer/text/norm.h"
#include "analyzer/text/token.h"
#include "analyzer/stance/topic.h"
#include "analyzer/stance/tuning.h"

#include <stddef.h>
#include <stdint.h>

#define DOC_NONE ((size_t)-1)

struct buf;
struct pol_entry;

enum doc_gender { GENDER_UNKNOWN = 0, GENDER_F = 1, GENDER_M = 2 };

/* Per-token marks set from the topic file. */
enum doc_tmark {
	TM_NONPERSON = 1 << 0, /* inside a "nonperson" phrase */
	TM_ROLE_END = 1 << 1,  /* last word of a role phrase */
	TM_SPEECH = 1 << 2,    /* a speech verb from the topic file */
	TM_TERM = 1 << 3,      /* inside a topic term */
	TM_FIGURE = 1 << 4,    /* inside a figure alias */
	TM_NEGATOR = 1 << 5,   /* a negator */
	TM_REF = 1 << 6,       /* a word that refers back to the topic */
	TM_TITLEQ = 1 << 7,    /* inside quote marks that are no quotation */
	TM_CONTRAST = 1 << 8,  /* inside a contrastive target ("the old way") */
	TM_NEUTRAL = 1 << 9,   /* inside a topic's neutral word */
	TM_ORG = 1 << 10       /* a word the text tells as an organisation's
				  name, no person's (people: "Halvard, the
				  shipping group", "Halvard's chief
				  executive"), for attrib */
};

/* Is a paragraph about the topic? */
enum doc_para_topic {
	PARA_OFF = 0,     /* no */
	PARA_FOLLOWS = 1, /* it follows one that names the topic */
	PARA_NAMES = 2    /* it names the topic */
};

struct doc_hit {
	size_t tok;           /* first token */
	struct topic_hit h;   /* what matched */
};

struct person {
	char *name;         /* display name (NFC), owned */
	char *key;          /* matching key of the name, owned */
	char *last;         /* key of the surname, owned */
	char *first;        /* key of the given name (or NULL), owned */
	int figure;         /* topic figure index, or -1 */
	int gender;         /* enum doc_gender, from given names and pronouns */
	unsigned mentions;  /* times named (not pronouns) */
	unsigned pro, con;  /* counted cues */
	long long prom, conm; /* their summed weights, in thousandths */
	unsigned quotes;    /* direct quotations attributed */
	size_t evidence;    /* index of the heaviest cue for the stance, or
			       DOC_NONE */
	size_t first_tok;   /* token of the first mention */
};

struct mention {
	size_t tok;         /* first token */
	size_t ntok;        /* tokens covered */
	int person;         /* index into doc.p */
	int pronoun;        /* 1 when a resolved pronoun */
};

/* Which sieve of attrib.c attributed a quotation (doc_sieve_name() gives
 * the names written in quotes.csv). */
enum doc_sieve {
	SIEVE_NONE = 0,     /* no sieve fired: the speaker is unknown */
	SIEVE_TRAILING,     /* '"...," said Smith', '"...," Smith said' */
	SIEVE_LEADING,      /* 'Smith said: "..."', 'Smith said that "..."' */
	SIEVE_COLON,        /* 'Smith: "..."', a paragraph ending in a colon */
	SIEVE_ACCORDING,    /* "according to Smith" */
	SIEVE_EPITHET,      /* "the director said": the person introduced
			       with that role */
	SIEVE_PRONOUN,      /* "she said": by gender and salience */
	SIEVE_SUBJECT,      /* no verb: the subject of the quote's sentence
			       or of the one before it in the paragraph */
	SIEVE_CONTINUATION, /* the previous speaker goes on (same or next
			       paragraph, nobody named between) */
	SIEVE_LABEL,        /* a Q&A speaker label ("OKAFOR:") */
	SIEVE_ORG,          /* "the union said": an organisation the text
			       names */
	SIEVE_ANONYMOUS,    /* "a producer who asked not to be named" */
	SIEVE_WRITING,      /* "one message read, '...'": who wrote it, the
			       one person named just before */
	SIEVE_ANSWER,       /* a quoted answer after a question asked in
			       the text: the person interviewed */
	SIEVE_NAMED,        /* 'Greenpeace tweeted: "..."': a name the text
			       does not tell as a person or an
			       organisation, the subject of a verb of
			       saying next to the quote (kind
			       organisation) */
	SIEVE_ECHO          /* no other sieve fired, and the quote repeats
			       words another quote of the article gives
			       to its speaker (a subheading, a phrase
			       quoted again): that speaker */
};

/* What kind of speaker a quotation has. */
enum doc_speaker_kind { SPK_UNKNOWN = 0, SPK_PERSON, SPK_ORG };

struct quote {
	uint32_t o, e;      /* inner text in the original: [o, e) */
	uint32_t fo, fl;    /* the speaker as the text wrote it ("she",
			       "Ford", "the federation"): [fo, fo + fl) of
			       the original, fl 0 when none (attrib) */
	uint32_t orgo, orgl; /* the organisation's name in the original,
				for kind SPK_ORG (attrib) */
	int kind;           /* enum doc_speaker_kind (attrib) */
	int sieve;          /* enum doc_sieve (attrib) */
	size_t open, close; /* tokens of the marks (close may be DOC_NONE) */
	size_t t0, t1;      /* tokens inside: [t0, t1) */
	int speaker;        /* index into doc.p, or -1 */
	int direct;         /* 1 = a quotation; 0 = a title or scare quote */
	int cont;           /* 1 = goes on in the next quote (a new paragraph
			       that opens with a mark) */
	int nested;         /* 1 = a quotation inside another: its tokens keep
			       the outer one's index; these come after all
			       the others in d->q */
};

/* What a counted piece of evidence is. */
enum cue_kind {
	CUE_LEX = 0,  /* a general-lexicon evaluation ("a lifeline") */
	CUE_TOPIC,    /* a pro/con override of the topic file */
	CUE_ADOPT,    /* taking the topic up ("hired one") */
	CUE_REJECT,   /* a shifter verb on the topic ("scrapped them") */
	CUE_ABSENCE,  /* doing without the topic ("without one") */
	CUE_PRAISE,   /* a verb of praise on the topic ("hailed them") */
	CUE_OPPOSE    /* a verb of attack on the topic ("lambasted it") */
};

/* How the evidence is linked to the topic. */
enum cue_link {
	LINK_CLAUSE = 0, /* a term or ref in its clause */
	LINK_SENT,       /* a term or ref elsewhere in its sentence */
	LINK_QUOTE,      /* in a quotation that names the topic */
	LINK_PARA,       /* its paragraph is about the topic */
	LINK_OBJECT,     /* the topic is the verb's object */
	LINK_REF         /* a word pointing back to it ("they") in its
			    clause, in a paragraph about it */
};

/* Rules applied to a piece of evidence (bits). */
enum cue_rule {
	RULE_NEGATED = 1 << 0,    /* an odd number of negators in its clause */
	RULE_DOUBLE_NEG = 1 << 1, /* two negators cancelled */
	RULE_SHIFTED = 1 << 2,    /* a shifter verb before it ("reduced") */
	RULE_BEFORE_BUT = 1 << 3, /* in the clause before "but" */
	RULE_AFTER_BUT = 1 << 4,  /* in the clause after "but" */
	RULE_CONCESSIVE = 1 << 5, /* in an "although" clause */
	RULE_IRREALIS = 1 << 6,   /* asked or supposed */
	RULE_OTHERS = 1 << 7,     /* a view reported as others' */
	RULE_BOOSTED = 1 << 8,    /* an intensifier or diminisher */
	RULE_CONTRAST = 1 << 9,   /* its target is the topic's opposite */
	RULE_MEMBER = 1 << 10,    /* counted for the members of the group whose
				     view it is ("among the signatories are") */
	RULE_IMPOSED = 1 << 11,   /* taken up on another's order ("forced to
				     hire one", "pushed into hiring them") */
	RULE_PAST = 1 << 12       /* a view held once ("I used to dread
				     those days") */
};

struct cue {
	size_t tok, ntok;   /* where it matched */
	int person;         /* who it counts for, or -1 (the article only) */
	int polarity;       /* +1 pro, -1 con, after the rules */
	int negated;        /* 1 when a negator flipped it */
	size_t neg_tok;     /* the negator's token, or DOC_NONE */
	long long wm;       /* weight in thousandths, every factor applied */
	const char *phrase; /* the topic cue or lexicon entry; borrowed */
	const char *source; /* where the entry comes from ("topic",
			       "vader", "curated"...); static */
	int value;          /* the entry's value, in thousandths (signed) */
	enum cue_kind kind;
	enum cue_link link;
	unsigned rules;     /* enum cue_rule bits */
	uint32_t sent;      /* sentence number */
};

struct doc {
	const char *text;     /* original text, borrowed (prep) */
	size_t len;
	struct norm norm;     /* matching key (prep) */
	struct tokens tk;     /* tokens; tk.v[].quote is set by quote */
	size_t *sent_start;   /* first token of each sentence, plus tk.n
				 (prep) */
	size_t capsent;
	unsigned char *sent_topic; /* per sentence: about the topic (mark) */
	unsigned char *para_topic; /* per paragraph: enum doc_para_topic
				      (mark) */
	size_t capst, cappt;
	struct quote *q;      /* quotations and quoted titles, in order
				 (quote; speakers by attrib) */
	size_t nq, capq;
	struct person *p;     /* people (people; stance counts by attrib) */
	size_t np, capp;
	struct mention *m;    /* mentions, in text order (people) */
	size_t nm, capm;
	int *mtok;            /* per token: index in m of the mention that
				 covers it, or -1 (people, once d->m is
				 final); valid while nmtok == tk.n and
				 mtok_nm == nm, else doc_mention_at()
				 searches */
	size_t capmtok, nmtok, mtok_nm;
	struct cue *c;        /* counted cues, in text order (polarity) */
	size_t nc, capc;
	struct doc_hit *hits; /* topic phrase matches, in token order (mark) */
	size_t nhits, caphits;
	int *sent_subj;       /* per sentence: index in m of its subject's
				 mention, or -1 (attrib) */
	size_t capsubj;
	int *who;             /* per sentence s: whose stance a cue outside
				 quotations counts for, who[s *
				 ATTRIB_MAX_SUBJECTS ...] (attrib) */
	unsigned char *nwho;  /* per sentence: how many of them (attrib) */
	size_t capwho, capnwho;
	const struct pol_entry **polm; /* per token: the longest lexicon
				  phrase starting there, or NULL (polarity) */
	unsigned char *poln;  /* per token: its length in tokens (polarity) */
	size_t cappolm, cappoln;
	uint32_t *cla, *clb;  /* per token: its clause [cla, clb) (polarity) */
	int *plabel;          /* per paragraph: the person of its speaker
				 label, -1 for none, -2 not yet read,
				 -3 a label of nobody found (polarity) */
	signed char *sfirst;  /* per sentence: 1 when it speaks in the first
				 person outside quotations, -1 not yet read
				 (polarity) */
	int *pnarr;           /* per paragraph: who says "I" outside
				 quotations there, or -1 (polarity) */
	unsigned char *pvoice; /* per paragraph: 1 when its narrator signed
				  the piece and speaks in the first person
				  in it, so that its unattributed sentences
				  are theirs too (polarity) */
	size_t capcla, capclb, capplabel, capsfirst, cappnarr, cappvoice;
	unsigned *lex;        /* enum lex_class bits of each token (prep;
				 people adds LEX_GIVEN_* from the given-name
				 gazetteer, given.h) */
	uint16_t *tmark;      /* per token: enum doc_tmark bits (mark; quote
				 adds TM_TITLEQ, people TM_ORG) */
	size_t caplex;
	size_t words;         /* word tokens (prep) */
	int truncated;        /* 1 when DOC_MAX_CUES was reached (attrib) */
	int english;          /* 1 when the article reads as English: enough
				 function words (people) */
	unsigned pro, con;    /* all counted cues of the article (attrib) */
	long long prom, conm; /* their weights, in thousandths (attrib) */
};

void doc_init(struct doc *d);
void doc_release(struct doc *d);
/* Empties d for the next article (every count to zero, the people's
 * names freed), keeping its allocations for reuse. */
void doc_clear(struct doc *d);

enum stance {
	STANCE_NEUTRAL = 0, /* not enough evidence either way */
	STANCE_PRO,         /* pro clears the threshold and outweighs con */
	STANCE_CON,         /* con clears the threshold and outweighs pro */
	STANCE_MIXED        /* real evidence on both sides */
};

/* Stance from summed weights (thousandths), with abstention: pro or con
 * where that side reaches the threshold weight and outweighs the other by
 * the ratio, mixed where both sides have real evidence, else neutral
 * (stance-weights.tsv). */
enum stance doc_stance(long long pro, long long con);
/* How sure doc_stance() is, 0..1: grows with the margin between the
 * sides (the winner's for pro and con, the weaker side's for mixed, the
 * lack of evidence for neutral). */
double doc_confidence(long long pro, long long con);
/* Names of a cue's kind ("lexicon", "topic", "adopt", "reject",
 * "absence") and link ("clause", "sentence", "quote", "paragraph",
 * "object"), as cues.csv and --explain write them. Static strings. */
const char *doc_cue_kind_name(enum cue_kind k);
const char *doc_cue_link_name(enum cue_link l);
/* Writes the rules of bits `rules` (enum cue_rule) into out, replacing
 * what was there: "negated double-negation ..." separated by spaces, or
 * "" when none. */
void doc_cue_rules(unsigned rules, struct buf *out);
/* The mention covering token i, or -1, by a binary search of d->m. */
int doc_mention_search(const struct doc *d, size_t i);
/* The mention covering token i, or -1: d->mtok's when it is valid
 * (inline, as the rules ask it at every token), else the search. */
static inline int
doc_mention_at(const struct doc *d, size_t i)
{
	if (d->nmtok == d->tk.n && d->mtok_nm == d->nm && i < d->nmtok)
		return d->mtok[i];
	return doc_mention_search(d, i);
}
/* Name of a stance as written in the CSV files ("pro", "con", "mixed",
 * "neutral"). Returns a static string. */
const char *doc_stance_name(enum stance s);
/* The sentence (original text) containing token `tok`: *o and *len. */
void doc_sentence(const struct doc *d, size_t tok, size_t *o, size_t *len);

/* Name of a sieve as written in quotes.csv ("trailing", "pronoun"; ""
 * for SIEVE_NONE). Returns a static string. */
const char *doc_sieve_name(enum doc_sieve s);
/* Name of a speaker kind: "person", "organisation", "unknown". */
const char *doc_speaker_kind_name(enum doc_speaker_kind k);

/* Read-only queries shared by the steps. */
/* Key of token i (borrowed, not NUL-terminated) */
static inline const char *
doc_key(const struct doc *d, size_t i, size_t *len)
{
	*len = d->tk.v[i].kl;
	return d->tk.key + d->tk.v[i].k;
}
/* enum lex_class bits of token i. */
static inline unsigned
doc_lex(const struct doc *d, size_t i)
{
	return d->lex[i];
}
/* 1 when tokens i and j exist and are in one sentence. */
static inline int
doc_same_sent(const struct doc *d, size_t i, size_t j)
{
	return i < d->tk.n && j < d->tk.n && d->tk.v[i].sent == d->tk.v[j].sent;
}
/* 1 for a speech verb of the lexicon or the topic file ("said",
 * "slammed"). */
int doc_is_speech(const struct doc *d, size_t i);
/* 1 for an adverb by its "-ly" ("bluntly", "later" is none). */
int doc_is_adverb(const struct doc *d, size_t i);
/* Index of the first mention that starts at token tok or after it (d->nm
 * when none does): mentions are in text order, so a binary search. */
size_t doc_mention_from(const struct doc *d, size_t tok);
/* 1 for a role word ("director"), including compounds whose last part is
 * one ("writer-director", "co-star"), or the end of a topic role phrase. */
int doc_is_role(const struct doc *d, size_t i);
/* 1 when the tokens [end, start) only separate two items of a list of
 * people: commas, "and", "or", articles and roles ("A, the producer B and
 * the actor C"). */
int doc_list_gap(const struct doc *d, size_t end, size_t start);
/* 1 when an epithet starts at token i: a determiner, up to three
 * modifiers and a role ("the 67-year-old actor", "its president");
 * *end gets the token after the role. */
int doc_epithet(const struct doc *d, size_t i, size_t *end);
/* Original code point just before byte offset o (0 at the start). */
int32_t doc_prev_cp(const struct doc *d, uint32_t o);
/* Original code point at byte offset o (0 at the end). */
int32_t doc_cp_at(const struct doc *d, uint32_t o);

#endif
