/* topic.h -- topic files: what a topic is called, the terms that mark it,
 * stance cues with weights, negators, and named figures with aliases.
 *
 * Format (documented in the README): one entry per line,
 *
 *     # comment                    (also after an entry: "pro 2 x  # why")
 *     topic     Intimacy coordinators
 *     term      intimacy coordinator*     (case-insensitive phrase)
 *     term!     IC | ICs                  (case-sensitive, whole words)
 *     pro 2     make the case for         (weight optional, default 1)
 *     con 1.5   virtue police
 *     negator   not | never | doesn't
 *     figure    Gaspar Noé | Noe | Gaspar Noe   (canonical name first)
 *     role      intimacy coordinator      (a word that introduces a name)
 *     speech    slammed                   (a verb that attributes speech)
 *     nonperson Golden Globes             (never a person)
 *     ref       coordinator* | the protocol   (refers back to the topic in
 *                                          an article that names a term)
 *     contrast  the old way | closed set   (the topic's opposite: an
 *                                          evaluation of it flips)
 *     neutral   union | paperwork          (words of the topic's world
 *                                          that evaluate nothing)
 *
 * Stance comes from the general English lexicon (polarity.h); pro and
 * con cues are only the topic's own overrides, and a topic needs none.
 *
 * Every value may list alternatives separated by '|'. A '*' at the end of a
 * word matches any ending ("coordinat*"), also after a hyphen ("AI-*":
 * the one-token compounds AI-generated, AI-written..., each of which an
 * entry written out, "contrast AI-free", overrides); a word '@' matches
 * any mention of the topic (a term or ref: "without an @"). Phrases are
 * matched on the normalized key (norm.h), word by word. A phrase may be
 * entered once: a second entry of its kind on another line, a pro that is
 * also a con, or an alias of two figures is an error naming both lines
 * (aliases that fold to one key on one line, "Noé | Noe", are one
 * phrase). A definite ref ("the tools") also matches with up to two
 * adjectives before its head ("the clever tools"; topic_hit.gap).
 *
 * Arguments are borrowed.
 */
#ifndef PT_TOPIC_H
#define PT_TOPIC_H

#include <stddef.h>

struct buf;
struct tokens;

enum topic_kind {
	TOPIC_TERM = 0,
	TOPIC_PRO,
	TOPIC_CON,
	TOPIC_NEGATOR,
	TOPIC_FIGURE,
	TOPIC_ROLE,
	TOPIC_SPEECH,
	TOPIC_NONPERSON,
	TOPIC_REF,
	TOPIC_CONTRAST, /* a contrastive target: "the old way" */
	TOPIC_NEUTRAL,  /* never evaluative in this topic's world */
	TOPIC_NKINDS
};

struct topic_hit {
	enum topic_kind kind; /* what matched */
	size_t ntok;          /* tokens covered, from the start token */
	double weight;        /* cue weight (pro/con), else 1 */
	int figure;           /* figure index for TOPIC_FIGURE, else -1 */
	const char *phrase;   /* the phrase as written; borrowed from topic */
	int restricted;       /* a one-word term as the head of a compound
				 whose noun modifier makes it another kind
				 of thing: "the stunt coordinator" for
				 "coordinator*" (topic_match()) */
	int family;           /* from a phrase with a word in "-*" ("AI-*") */
	size_t gap;           /* adjectives of a definite ref, from the
				 start token + 1, that are no part of it:
				 "clever" in "the clever tools" for ref
				 "the tools" */
};

struct topic;

/* Parses `path`. Returns a new topic (free with topic_free()) or NULL with
 * "path:line: what was expected" in err. */
struct topic *topic_load(const char *path, struct buf *err);
/* Same, from memory; `name` is used in messages. */
struct topic *topic_parse(const char *text, size_t len, const char *name,
			  struct buf *err);
void topic_free(struct topic *t);

const char *topic_name(const struct topic *t);
size_t topic_nfigures(const struct topic *t);
/* Canonical name of figure i. Borrowed. */
const char *topic_figure(const struct topic *t, size_t i);
/* Count of phrases of a kind. */
size_t topic_count(const struct topic *t, enum topic_kind kind);
/* Appends to out what the topic defines: its name and the count of each
 * kind of entry ("3 terms, 2 refs, ..."). */
void topic_describe(const struct topic *t, struct buf *out);

/* Finds the phrases that start at token i of tk. Writes up to `max` hits,
 * longest first, and returns how many matched.
 * Phrases with '@' (which stands for a mention of the topic: a run of
 * tokens that are part of a term or ref) are matched in a second pass:
 * with topic == NULL they are skipped; with topic != NULL (one byte per
 * token, non-zero inside a term or ref) only they are tried. */
/* A one-word term (not case-sensitive) after a determiner or a
 * possessive and a lower-case noun ("the stunt coordinator", "Row's
 * fight coordinator") is a hit with `restricted` set: a compound's
 * modifier restricts its head, so it names another thing than the
 * topic; an adjective there ("the new coordinator", "a good one") does
 * not. */
size_t topic_match(const struct topic *t, const struct tokens *tk, size_t i,
		   const unsigned char *topic, struct topic_hit *hits,
		   size_t max);

#endif
