/* mark.h -- the topic-linking step: where the topic file's phrases match
 * an article, and which of its sentences and paragraphs are about the
 * topic.
 *
 * mark_topic() needs prep.h's fields and fills those marked "mark" in
 * doc.h: d->hits (every phrase match, sorted by token, longest first),
 * the per-token marks (TM_TERM, TM_REF, TM_FIGURE, TM_NEGATOR, TM_SPEECH,
 * TM_NONPERSON, TM_ROLE_END) and d->sent_topic / d->para_topic. The topic
 * is borrowed; hits point at its phrases, so it must outlive the doc's use.
 */
#ifndef PT_MARK_H
#define PT_MARK_H

struct doc;
struct topic;

void mark_topic(struct doc *d, const struct topic *t);

#endif
