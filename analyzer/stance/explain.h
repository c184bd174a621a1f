/* explain.h -- a readable account of one article's analysis: for each
 * person, the stance and the cues (with negations and weights) and quotes
 * behind it; then the cues that counted for the article only and the
 * quotes without a speaker. Used by `analyze --explain`.
 * Arguments are borrowed.
 */
#ifndef PT_EXPLAIN_H
#define PT_EXPLAIN_H

#include <stdio.h>

struct doc;

/* Prints the account of d (article id `id`, input `name`) to fp. */
void explain_print(FILE *fp, const struct doc *d, const char *id,
		   const char *name);

#endif
