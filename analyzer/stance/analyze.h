/* analyze.h -- the one runner of the stance steps: an article's text in,
 * its people, quotations, speakers and stance cues out (in struct doc).
 *
 * The steps, in order: prep.h, mark.h, quote.h, people.h, attrib.h. The
 * text and the topic are borrowed and must outlive the doc's use.
 */
#ifndef PT_ANALYZE_H
#define PT_ANALYZE_H

#include <stddef.h>

struct doc;
struct topic;

/* Analyzes text[0..len) (valid UTF-8) against topic t into d (set up with
 * doc_init), replacing what was there. */
void analyze_doc(struct doc *d, const struct topic *t, const char *text,
		 size_t len);

#endif
