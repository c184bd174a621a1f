/* given.h -- the given-name gazetteer: some 27 000 given names from every
 * culture, with a gender hint, from openly licensed public data
 * (data/lexicon/given-names.md says which). The build compiles
 * data/lexicon/given-names.tsv into given.c (scripts/gen_given.py).
 *
 * The hand-made GIVEN_F/GIVEN_M class of lexicon.h stays the stronger
 * list; this one only adds names it lacks, and leaves out every word a
 * dictionary has in lower case ("will", "summer"), so a hit is evidence of
 * a person but no proof.
 */
#ifndef PT_GIVEN_H
#define PT_GIVEN_H

#include <stddef.h>

/* LEX_GIVEN_F, LEX_GIVEN_M, both (a unisex name) or 0 for the key
 * p[0..len) (norm.h key form: lower case, accents stripped). */
unsigned given_lookup(const char *p, size_t len);

#endif
