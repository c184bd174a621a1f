/* people.h -- the people step: who an article names, and where.
 *
 * people_find() needs prep.h's, mark.h's and quote.h's fields (names
 * inside titles are skipped). It fills d->p (people, with their figure in
 * the topic file or -1, and a gender hint from the given name) and d->m
 * (their mentions by name, in text order). The topic is borrowed.
 */
#ifndef PT_PEOPLE_H
#define PT_PEOPLE_H

struct doc;
struct topic;

void people_find(struct doc *d, const struct topic *t);

#endif
