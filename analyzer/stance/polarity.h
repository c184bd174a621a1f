/* polarity.h -- the stance step: which way each cue of the topic points,
 * and whose stance it counts toward.
 *
 * polarity_run() needs every earlier step (prep.h, mark.h, quote.h,
 * people.h, attrib.h: the speakers and d->who). It fills d->c (the counted
 * cues) and the pro/con counts and weights of the article and of each
 * person, with the evidence for their stance.
 */
#ifndef PT_POLARITY_H
#define PT_POLARITY_H

struct doc;

void polarity_run(struct doc *d);

#endif
