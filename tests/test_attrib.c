/* test_attrib.c -- the attribution step (attrib.h) alone, after prep.h,
 * mark.h, quote.h and people.h: the speaker of each quotation (speech
 * verbs, pronouns, paragraphs). Stance is test_polarity.c. The people
 * and the sentences are invented for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/stance/doc.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "tests/stepsutil.h"

#include <string.h>

static const char topic_text[] =
	"term     lantern guild*\n"
	"ref      the guild\n"
	"pro      praise* | a lifeline\n"
	"con      condemned | a nuisance\n"
	"negator  not | never\n"
	"role     lamplighter\n";

SU_FIXTURE(topic_text, SU_ATTRIB)

/* The speaker of each quotation in order, "-" for none. */
static void
show_speakers(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		if (!q->direct)
			continue;
		buf_addf(out, "%s%s", out->len ? " | " : "",
			 q->speaker >= 0 ? d->p[q->speaker].name : "-");
	}
}

static const struct {
	const char *text;
	const char *want;
} speaker_cases[] = {
	/* After the quotation: a name and a verb, or an inverted verb. */
	{ "Director Tomas Quill has a plan. “It changed how we rehearse,” "
	  "Quill said.", "Tomas Quill" },
	{ "“We will not stop now,” said Mara Voss.", "Mara Voss" },
	{ "“We start at dawn tomorrow,” said the cinematographer Cliff "
	  "Barton.", "Cliff Barton" },
	/* An epithet refers back to a person named before. */
	{ "Director Tomas Quill arrived. “We start at dawn tomorrow,” the "
	  "director said.", "Tomas Quill" },
	/* A pronoun refers to the person of its gender named before. */
	{ "Producer Helen Marsh hired a lamplighter after talking to "
	  "director Paul Okoro. “It was essential,” she said.",
	  "Helen Marsh" },
	{ "Producer Helen Marsh hired a lamplighter after talking to "
	  "director Paul Okoro. “It was essential,” he said.",
	  "Paul Okoro" },
	/* Before the quotation: the subject of a speech verb, or a colon
	 * at the end of the paragraph before. */
	{ "Actress Nadia Brennan added: “I felt safe for the first time.”",
	  "Nadia Brennan" },
	{ "Director Tomas Quill put it simply:\n\n“We start at dawn "
	  "tomorrow.”", "Tomas Quill" },
	/* Somebody unnamed, or no person: no speaker. */
	{ "A veteran casting director said: “Nobody asked us anything at "
	  "all.”", "-" },
	{ "The guild said in a statement: “We welcome the new rules "
	  "today.”", "-" },
	/* The previous speaker goes on in the paragraph... */
	{ "Writer Lena Frost praised the lantern guild. “It works for "
	  "everyone here,” she said. “We need more of it.”",
	  "Lena Frost | Lena Frost" },
	/* ... unless somebody else is named in between. */
	{ "“It works for everyone here,” Lena Frost said. Amos Reyes "
	  "disagreed. “We need more of it.”", "Lena Frost | Amos Reyes" },
	/* A quotation over two paragraphs: its first segment has the
	 * speaker of the last. */
	{ "Coordinator Ines Albright explained her work.\n\n“First we read "
	  "the script together.\n\n“Then we agree on every move before the "
	  "cameras roll,” Albright said.", "Ines Albright | Ines Albright" },
};

static void
test_speakers(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(speaker_cases) / sizeof(speaker_cases[0]);
	     i++) {
		run(&d, speaker_cases[i].text);
		show_speakers(&d, &out);
		su_expect(speaker_cases[i].text, out.p, speaker_cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}


int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speakers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
