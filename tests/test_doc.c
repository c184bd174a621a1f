/* test_doc.c -- the whole per-article runner (analyze.h) with the real
 * topic file, on short fictional passages: sentences, quotations, people,
 * speakers, negation and lists. Each step alone: test_mark.c,
 * test_quote.c, test_people.c, test_attrib.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/stance/analyze.h"
#include "analyzer/stance/doc.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>

static struct topic *topic;

static int
setup(void **state)
{
	char *path = tu_src("data/topics/intimacy-coordinators.topic");
	struct buf err = BUF_INIT;

	(void)state;
	topic = topic_load(path, &err);
	free(path);
	if (!topic)
		fail_msg("%s", err.p);
	buf_release(&err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	topic_free(topic);
	return 0;
}

static const struct person *
person(const struct doc *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->np; i++)
		if (strcmp(d->p[i].name, name) == 0 && d->p[i].mentions)
			return &d->p[i];
	return NULL;
}

static size_t
npeople(const struct doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->np; i++)
		if (d->p[i].mentions)
			n++;
	return n;
}

static const char *
stance_of(const struct doc *d, const char *name)
{
	const struct person *p = person(d, name);

	if (!p)
		fail_msg("'%s' not found", name);
	return doc_stance_name(doc_stance(p->prom, p->conm));
}

/* Speaker of the direct quotation that starts with `prefix`, or "". */
static const char *
speaker_of(const struct doc *d, const char *prefix)
{
	size_t i;

	for (i = 0; i < d->nq; i++)
		if (d->q[i].direct &&
		    strncmp(d->text + d->q[i].o, prefix, strlen(prefix)) == 0)
			return d->q[i].speaker >= 0 ?
				       d->p[d->q[i].speaker].name : "";
	fail_msg("no quotation starts with '%s'", prefix);
	return NULL;
}

static void
run(struct doc *d, const char *text)
{
	doc_init(d);
	analyze_doc(d, topic, text, strlen(text));
}

static void
test_sentences_and_paragraphs(void **state)
{
	struct doc d;

	(void)state;
	run(&d, "Dr. Ada Voss arrived at 9.30 a.m. on set. She left.\n\n"
		"A new paragraph. “Quoted.” Then more.");
	assert_int_equal(d.tk.npara, 2);
	/* "Dr." and "9.30" do not end sentences. */
	assert_int_equal(d.tk.nsent, 5);
	doc_release(&d);
}

static void
test_speaker_after_and_before(void **state)
{
	struct doc d;

	(void)state;
	run(&d, "Director Tomas Quill has worked with an intimacy coordinator "
		"on every film. “It changed how we rehearse,” Quill said. "
		"Actress Nadia Brennan added: “With the coordinator I felt "
		"safe for the first time.” “We talked through every scene,” "
		"she said.");
	assert_string_equal(speaker_of(&d, "It changed"), "Tomas Quill");
	assert_string_equal(speaker_of(&d, "With the coordinator"),
			    "Nadia Brennan");
	assert_string_equal(speaker_of(&d, "We talked"), "Nadia Brennan");
	assert_string_equal(stance_of(&d, "Nadia Brennan"), "pro");
	assert_int_equal(npeople(&d), 2);
	doc_release(&d);
}

static void
test_pronoun_picks_fitting_gender(void **state)
{
	struct doc d;

	(void)state;
	run(&d, "Producer Helen Marsh hired an intimacy coordinator after "
		"talking to director Paul Okoro. “It was essential,” she "
		"said.");
	assert_string_equal(speaker_of(&d, "It was essential"), "Helen Marsh");
	doc_release(&d);
}

static void
test_list_and_negation(void **state)
{
	struct doc d;

	(void)state;
	run(&d, "The critics of intimacy coordinators include Rufus Hale, "
		"Dana Pike and Olga Brandt. Writer Lena Frost said she does "
		"not think intimacy coordinators are unnecessary.");
	assert_string_equal(stance_of(&d, "Rufus Hale"), "con");
	assert_string_equal(stance_of(&d, "Dana Pike"), "con");
	assert_string_equal(stance_of(&d, "Olga Brandt"), "con");
	/* "not ... unnecessary" is a defence. */
	assert_string_equal(stance_of(&d, "Lena Frost"), "pro");
	doc_release(&d);
}

static void
test_not_people(void **state)
{
	struct doc d;

	(void)state;
	run(&d, "The thriller Salt Harbour premiered at the Lanternfield Film "
		"Festival. Mirela Costa told Screen Ledger that the intimacy "
		"coordinator was a gift. Speaking in Rotterdam, she praised "
		"the Golden Globes.");
	assert_int_equal(npeople(&d), 1);
	assert_non_null(person(&d, "Mirela Costa"));
	assert_string_equal(stance_of(&d, "Mirela Costa"), "pro");
	doc_release(&d);
}

static void
test_scare_quotes_and_titles_are_not_quotations(void **state)
{
	struct doc d;
	size_t i, direct = 0;

	(void)state;
	run(&d, "The so-called “intimacy police” arrived for the film "
		"“Copper Sky”. Actor Rhys Vane called it “a waste of "
		"everyone's time.”");
	for (i = 0; i < d.nq; i++)
		direct += d.q[i].direct;
	assert_int_equal(direct, 1);
	assert_string_equal(speaker_of(&d, "a waste"), "Rhys Vane");
	doc_release(&d);
}

static void
test_multi_paragraph_quote(void **state)
{
	struct doc d;

	(void)state;
	run(&d, "Coordinator Ines Albright explained her work to us.\n\n"
		"“First we read the script together.\n\n"
		"“Then we agree on every move before the cameras roll,” "
		"Albright said.");
	assert_string_equal(speaker_of(&d, "First we read"), "Ines Albright");
	doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences_and_paragraphs),
		cmocka_unit_test(test_speaker_after_and_before),
		cmocka_unit_test(test_pronoun_picks_fitting_gender),
		cmocka_unit_test(test_list_and_negation),
		cmocka_unit_test(test_not_people),
		cmocka_unit_test(test_scare_quotes_and_titles_are_not_quotations),
		cmocka_unit_test(test_multi_paragraph_quote),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
