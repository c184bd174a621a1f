/* quote.h -- the quotation step: quoted spans of an article, told apart
 * into quotations and titles or scare quotes.
 *
 * quote_find() needs prep.h's and mark.h's fields (a topic speech verb
 * before a short quote makes it a quotation). It fills d->q in text order
 * (speakers left at -1 for attrib.h), then the quotations nested in others
 * (struct quote.nested), sets tk.v[].quote on the tokens inside each outer
 * quotation and TM_TITLEQ on those inside the other spans.
 */
#ifndef PT_QUOTE_H
#define PT_QUOTE_H

struct doc;

void quote_find(struct doc *d);

#endif
