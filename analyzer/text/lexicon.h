/* lexicon.h -- built-in English word lists for finding people and speech:
 * given names (with a gender hint for pronouns), roles and titles that
 * introduce a name, speech verbs, words that mark organisations, works,
 * places and events, capitalised words that start sentences, and the
 * small closed classes the tokenizer and the stance steps test words
 * against (abbreviations, determiners, pronouns, contrast words...).
 *
 * The lists are data/lexicon/english.tsv (data/lexicon/README.md says
 * where each class comes from); the build compiles them into lexicon.c.
 *
 * All lookups take a key (norm.h: lower-case, accents stripped). A topic
 * file can extend the roles, speech verbs and non-person words.
 * Non-goals: languages other than English.
 */
#ifndef PT_LEXICON_H
#define PT_LEXICON_H

#include <stddef.h>

enum lex_class {
	LEX_GIVEN_F = 1 << 0,   /* female given name */
	LEX_GIVEN_M = 1 << 1,   /* male given name */
	LEX_ROLE = 1 << 2,      /* "director", "actress": precedes a name */
	LEX_TITLE = 1 << 3,     /* "Sir", "Dr": part of a name's prefix */
	LEX_SPEECH = 1 << 4,    /* "said", "adds": attributes words */
	LEX_ORG = 1 << 5,       /* "Guild", "Studios": not a person */
	LEX_FUNC = 1 << 6,      /* "The", "However": sentence starters */
	LEX_PARTICLE = 1 << 7,  /* "de", "van", "bin" inside names */
	LEX_PLACE = 1 << 8,     /* "London", "France": not a person */
	LEX_PRONOUN = 1 << 9,   /* "he", "she", "they" */
	LEX_MONTHDAY = 1 << 10, /* months and week days */
	LEX_SPEECH_INV = 1 << 11, /* may precede the speaker: "said Smith" */
	LEX_WORK = 1 << 12,     /* "film", "series": introduces a title */
	LEX_PREP = 1 << 13,     /* "in", "of": before places and companies */
	LEX_ABBREV = 1 << 14,   /* "Mr.", "Inc.": a full stop after it does
				   not end a sentence */
	LEX_NAME_GAP = 1 << 15, /* may stand between a name and its speech
				   verb: "X also said", "X in a statement
				   said" (finding people) */
	LEX_SPEAKER_GAP = 1 << 16, /* may stand between the speaker after a
				      quotation and the verb: "..., Smith
				      later said" */
	LEX_INTRO = 1 << 17,    /* opens an introductory clause before the
				   subject: "After ...,", "Speaking to ...," */
	LEX_BACKREF = 1 << 18,  /* may point back to the topic: "they",
				   "this", "one" */
	LEX_OTHERS = 1 << 19,   /* others whose view is reported: "critics"
				   (with LEX_OPINION: "critics say") */
	LEX_OPINION = 1 << 20,  /* a verb reporting a view: "claim", "argue" */
	LEX_DET = 1 << 21,      /* a determiner before a role: "the", "its" */
	LEX_APPOS = 1 << 22,    /* opens an apposition after a name: "X, a
				   director,", "X, its president," */
	LEX_INDEF = 1 << 23,    /* an indefinite speaker: "a", "one",
				   "another" (+ role) */
	LEX_CONTRAST = 1 << 24, /* ends a clause by contrast: "but", "yet" */
	LEX_PRONOUN_F = 1 << 25, /* a female pronoun: "she", "her" */
	LEX_PRONOUN_M = 1 << 26, /* a male pronoun: "he", "him", "his" */
	LEX_COERCIVE = 1 << 27, /* a verb of making someone act: "forced",
				 * "told", "pushed" */
	LEX_FEELING = 1 << 28,  /* an adjective of how one feels, or a noun
				 * of a grievance, which may name its own
				 * stimulus: "comfortable", "nervous",
				 * "problem" */
	LEX_ATTITUDE = 1 << 29  /* a word for someone's stance toward a
				 * thing: "sceptical", "wary", "sold" */
};

#define LEX_GIVEN (LEX_GIVEN_F | LEX_GIVEN_M)

/* Returns the enum lex_class bits of the word key p[0..len). */
unsigned lexicon_lookup(const char *p, size_t len);

#endif
