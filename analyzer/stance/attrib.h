/* attrib.h -- the attribution step: who said each quotation, and whose
 * stance each cue of the topic counts toward.
 *
 * attrib_run() needs every earlier step (prep.h, mark.h, quote.h,
 * people.h). It sets each quotation's speaker, fills d->sent_subj and
 * d->c (the counted cues) and the pro/con counts and weights of the
 * article and of each person, with the evidence for their stance.
 */
#ifndef PT_ATTRIB_H
#define PT_ATTRIB_H

struct doc;

void attrib_run(struct doc *d);

#endif
