/* prep.h -- the first step of an article's analysis: its text as tokens,
 * sentences and word classes.
 *
 * prep_text() empties the doc (doc_clear) and fills the fields marked
 * "prep" in doc.h: the matching key (norm.h), tokens, sentences and
 * paragraphs (token.h), the first token of each sentence, the word classes
 * of each token (lexicon.h), and per-token marks cleared for mark.h and
 * quote.h. The text is borrowed and must outlive the doc's use.
 */
#ifndef PT_PREP_H
#define PT_PREP_H

#include <stddef.h>

struct doc;

/* Reads text[0..len) (valid UTF-8) into d, replacing what was there. */
void prep_text(struct doc *d, const char *text, size_t len);

#endif
