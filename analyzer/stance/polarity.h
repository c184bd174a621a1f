/* polarity.h -- the stance step: the evaluations of the topic an article
 * holds, which way each points, and whose stance it counts toward.
 *
 * polarity_run() needs every earlier step (prep.h, mark.h, quote.h,
 * people.h, attrib.h: the speakers and d->who). It fills d->c (the counted
 * cues) and the pro/con counts and weights of the article and of each
 * person, with the evidence for their stance.
 */
#ifndef PT_POLARITY_H
#define PT_POLARITY_H

#include <stddef.h>

struct doc;
struct pol_entry;

void polarity_run(struct doc *d);
/* The lexicon entry whose key is key[0..len) (words in key form separated
 * by single spaces), or NULL. Static. */
const struct pol_entry *polarity_lookup(const char *key, size_t len);

#endif
