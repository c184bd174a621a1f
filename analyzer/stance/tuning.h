/* tuning.h -- the numbers the stance steps were tuned with: weights,
 * windows (how many tokens, sentences or paragraphs a rule looks across),
 * caps and thresholds, each with the reason for its value.
 *
 * They were set by hand on the sample and development articles; changing
 * one changes the outputs and the dev scores (README, "Scores"). A window
 * of N tokens means the rule looks at most N tokens away.
 */
#ifndef PT_TUNING_H
#define PT_TUNING_H

#include "analyzer/text/token.h"

/* doc.c: queries shared by the steps. */

/* The stance decision's threshold and ratio, and every weight of the
 * stance engine, are named weights in data/lexicon/stance-weights.tsv,
 * fitted by scripts/fit_stance.py (polarity_table.h). */
/* A list gap ("A, the producer B and C") spans at most this many tokens
 * with a role just before the next name (its modifiers stand in the gap:
 * 'and "sex-positive" erotic filmmaker B')... */
#define DOC_LIST_GAP_ROLE 8
/* ... and at most this many without one (", and the"). */
#define DOC_LIST_GAP_PLAIN 5
/* An epithet has at most this many modifiers between its determiner and
 * its role ("the 67-year-old British actor"); more is a clause. */
#define DOC_EPITHET_MODS 3
/* A word ending in "-ly" is an adverb from this many bytes ("only",
 * "bluntly"); shorter ones ("fly") are not. */
#define DOC_ADVERB_MIN 4

/* mark.c: topic linking. */

/* Topic phrases that can start at one token: far more than a topic file
 * stacks on one word (a term, a ref and a cue or two). */
#define MARK_MAX_HITS 16
/* A paragraph that names the topic carries over to this many paragraphs
 * after it: trade-press paragraphs are short (a transcript's turns
 * shorter still), and the next ones usually go on with the same subject;
 * a sentence there counts only when it points back ("it", "they"). */
#define MARK_CARRY_PARAS 4

/* quote.c: quotations. */

/* A quoted span of this many words or more is a quotation; shorter ones
 * are titles or scare quotes unless something says otherwise. */
#define QUOTE_MIN_WORDS 4
/* A quoted name inside a noun phrase ("the “one country, two systems”
 * formula") has at most this many words. */
#define QUOTE_MODIFIER_WORDS 4
/* A quoted span of title case ("“The Night We Met”") with at most this many
 * words is a title, not a quotation, unless a speech verb comes just
 * before it: titles of films and songs rarely run longer. */
#define QUOTE_TITLE_WORDS 7
/* A speech verb up to this many words before a short quote makes it a
 * quotation ('branded them "the fun police"'). */
#define QUOTE_VERB_WINDOW 4
/* A single quote's closing mark is looked for this many tokens ahead at
 * most, so that thousands of apostrophes cost linear time. */
#define QUOTE_SINGLE_WINDOW (2 * TOKENS_MAX_SENTENCE)
/* Opening marks tried for a quote nested in one quotation: real ones hold
 * a few, and the bound keeps a quotation full of apostrophes linear. */
#define QUOTE_NESTED_TRIES 16
/* A word that a closing mark is looked for inside (Korean "간직’하는")
 * has at most this many bytes. */
#define QUOTE_GLUED_BYTES 96

/* people.c: finding people. */

/* A run of capitalised words grows to this many tokens at most: longer
 * runs are headlines and titles, not names. */
#define PEOPLE_MAX_NAME_TOKENS 6
/* Lower-case particles inside a name ("de la Fuente", "van der Berg"). */
#define PEOPLE_MAX_PARTICLES 2
/* After "X, a" the role of an apposition comes within this many words
 * ("X, a veteran British director,"). */
#define PEOPLE_APPOS_WINDOW 4
/* An apposition between a name and its speech verb ("X, a research
 * fellow at the institute, said") spans at most this many tokens. */
#define PEOPLE_APPOS_FAR 14
/* A speech verb after a name comes within this many tokens, past words
 * such as "also" and "in a statement" ("X said", "X later told"). */
#define PEOPLE_VERB_WINDOW 4
/* A pronoun that vouches for the subject before it stands in its
 * sentence or in this many tokens of the next ("... . He said"). */
#define PEOPLE_HESHE_NEXT 3

/* attrib.c and polarity.c: speakers and stance evidence. */

/* Counted cues per article: a real article has a few dozen; hostile text
 * with millions would otherwise make output rows without end. Past the
 * cap, cues are not counted (and doc.truncated is set). */
#define DOC_MAX_CUES 20000
/* People one cue counts for: the members of a list ("A, B and C") in the
 * sentence that holds it. */
#define ATTRIB_MAX_SUBJECTS 16
/* A pronoun refers back to people named in its paragraph and this many
 * before it... */
#define ATTRIB_PRONOUN_PARAS 2
/* ... and at most this many sentences back. */
#define ATTRIB_PRONOUN_SENTS 10
/* Pronoun scores: each sentence back costs this much... */
#define ATTRIB_PRONOUN_SENT_COST 2
/* ... a known gender that fits adds this much (a wrong one rules the
 * person out)... */
#define ATTRIB_PRONOUN_GENDER 3
/* ... and being the subject of its sentence this much: a gender fit
 * outweighs one sentence of distance, being the subject a little less. */
#define ATTRIB_PRONOUN_SUBJECT 2
/* ... and a possessor or a preposition's object loses this much ("at
 * Epstein's mansion. He told the BBC": the man of the sentences before
 * is meant). */
#define ATTRIB_PRONOUN_EMBEDDED 2
/* With nobody before it, a pronoun refers to the first person named up to
 * this many sentences after ("he said ... Aurelio Bassani, 71, made the
 * remarks"). */
#define ATTRIB_PRONOUN_AHEAD 2
/* After a quotation, the speaker's verb comes within this many words of
 * the name (", Smith later said"). */
#define ATTRIB_VERB_WINDOW 3
/* After a quotation, the name comes within this many tokens of an
 * inverted verb ("said the cinematographer Cliff Barton"). */
#define ATTRIB_INV_WINDOW 4
/* An unnamed speaker: a role within this many words after "a", "one"
 * ("a veteran casting director"). */
#define ATTRIB_ANON_WINDOW 4
/* An introductory clause ("After working with X, ...") ends at a comma
 * within this many tokens, or it is not one ("Asked at the launch of the
 * drama X whether he had worked with a coordinator for his scenes, the
 * 33-year-old grinned" runs to 23). */
#define ATTRIB_INTRO_MAX 30
/* A pronoun or epithet subject stands in the first this-many tokens of
 * its sentence (past an introductory clause). */
#define ATTRIB_SUBJECT_WINDOW 4
/* A reported view ("critics say") is looked for this many tokens before a
 * cue, in its clause. */
#define ATTRIB_OTHERS_WINDOW 8

/* Mentions an epithet looks back over for the person the article gave
 * its role: enough for a long article, and a bound for hostile text. */
#define ATTRIB_EPITHET_BACK 64
/* Tokens an organisation's name is looked for around its head noun. */
#define ATTRIB_ORG_WINDOW 1500
/* Tokens after a quote over which its speaker's name and verb are looked
 * for past a long job title: '," lead researcher and agency planetary
 * scientist Ana Pike said', '," Olu Brandt, a research analyst at the
 * Leeds-based Council on Energy think tank, told reporters'. */
#define ATTRIB_TRAIL_FAR 40
/* ... and the most tokens between that name and its verb. */
#define ATTRIB_TRAIL_GAP 40

#endif
