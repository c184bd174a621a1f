/* lexicon.h -- built-in English word lists for finding people and speech:
 * given names (with a gender hint for pronouns), roles and titles that
 * introduce a name, speech verbs, words that mark organisations, works,
 * places and events, and capitalised words that start sentences.
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
	LEX_PREP = 1 << 13      /* "in", "of": before places and companies */
};

#define LEX_GIVEN (LEX_GIVEN_F | LEX_GIVEN_M)

/* Returns the enum lex_class bits of the word key p[0..len). */
unsigned lexicon_lookup(const char *p, size_t len);

#endif
