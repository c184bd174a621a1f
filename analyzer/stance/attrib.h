/* attrib.h -- the attribution step: who said each quotation, and whose
 * stance a cue in each sentence counts toward.
 *
 * attrib_run() needs every earlier step (prep.h, mark.h, quote.h,
 * people.h). It sets each quotation's speaker and fills d->sent_subj
 * and d->who (whose stance a cue in each sentence counts for).
 */
#ifndef PT_ATTRIB_H
#define PT_ATTRIB_H

struct doc;

void attrib_run(struct doc *d);

#endif
