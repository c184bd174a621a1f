/* stepsutil.h -- what the unit tests of the stance steps share: a topic
 * from inline text, running the steps up to the one under test (each
 * through its own header, in the runner's order), and the comparison
 * that names the passage when a table row fails.
 */
#ifndef PT_STEPSUTIL_H
#define PT_STEPSUTIL_H

struct doc;
struct topic;

/* The steps of analyze.c, in order. */
enum su_step {
	SU_PREP,   /* prep_text */
	SU_MARK,   /* mark_topic */
	SU_QUOTE,  /* quote_find */
	SU_PEOPLE, /* people_find */
	SU_ATTRIB  /* attrib_run */
};

/* Parses the topic file text (named "test.topic" in messages); fails the
 * test with the parser's message when it does not parse. Free with
 * topic_free(). */
struct topic *su_topic(const char *text);
/* Runs the steps on text (borrowed; it must outlive d) up to and
 * including `last`. d must be initialised (doc_init). */
void su_run(struct doc *d, const struct topic *t, const char *text,
	    enum su_step last);
/* Fails the test, naming the passage, when got differs from want. */
void su_expect(const char *text, const char *got, const char *want);

/* The fixture every step test has: `topic` parsed from topic_text by the
 * group setup and freed by the teardown, and run(d, text) running the
 * steps up to `last`. */
#define SU_FIXTURE(topic_text, last)                                  \
	static struct topic *topic;                                   \
	static int setup(void **state)                                \
	{                                                             \
		(void)state;                                          \
		topic = su_topic(topic_text);                         \
		return 0;                                             \
	}                                                             \
	static int teardown(void **state)                             \
	{                                                             \
		(void)state;                                          \
		topic_free(topic);                                    \
		return 0;                                             \
	}                                                             \
	static void run(struct doc *d, const char *text)              \
	{                                                             \
		su_run(d, topic, text, last);                         \
	}

#endif
