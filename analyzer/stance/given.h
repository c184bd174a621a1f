/* given.h -- the given-name gazetteer: some 27 000 given names from every
 * culture, with a gender hint, from openly licensed public data
 * (data/lexicon/given-names.md says which); and the 64 000 words an
 * English dictionary has in lower case (data/lexicon/common-words.md).
 * And the nicknames of given names (data/lexicon/nicknames.md). The
 * build compiles data/lexicon/given-names.tsv, common-words.txt and
 * nicknames.csv into given.c (scripts/gen_given.py).
 *
 * The hand-made GIVEN_F/GIVEN_M class of lexicon.h stays the stronger
 * list; this one only adds names it lacks, and gives the words a
 * dictionary has in lower case ("brad", "patsy") only as weak names
 * (GIVEN_WEAK), so a hit is evidence of a person but no proof.
 */
#ifndef PT_GIVEN_H
#define PT_GIVEN_H

#include <stddef.h>

/* Added by given_lookup() to a name that is also a common word ("Brad",
 * "Patsy", "Reed"): given to many babies, but no evidence of a person at
 * the start of a sentence or before another common word. Outside enum
 * lex_class. */
#define GIVEN_WEAK (1u << 31)

/* LEX_GIVEN_F, LEX_GIVEN_M, both (a unisex name) or 0 for the key
 * p[0..len) (norm.h key form: lower case, accents stripped), with
 * GIVEN_WEAK for a weak name. */
unsigned given_lookup(const char *p, size_t len);
/* 1 when the key p[0..len) is a common English word, one the dictionary
 * writes in lower case ("field", "origin", "wars"): a capitalised run of
 * such words is more likely a place, a thing or a title than a name, and
 * one that has none ("Maurkice Pouncey") is likely a name. Only the weak
 * names of the gazetteer above are among them. */
int given_common(const char *p, size_t len);
/* 1 when one of the given names a[0..al) and b[0..bl) (key form) is a
 * nickname of the other in data/lexicon/nicknames.csv ("bob" and
 * "robert", "peggy" and "margaret"), in either order. */
int given_nickname(const char *a, size_t al, const char *b, size_t bl);
/* 1 when the key p[0..len) is a name or a nickname of nicknames.csv; 0
 * means given_nickname() is 0 for every pair with it, so a scan of the
 * people for one ("Liz", "Bobby") can skip the pairs of any other word
 * ("Netflix"). A false hit (a hash set) only costs those pairs. */
int given_in_nicknames(const char *p, size_t len);

#endif
