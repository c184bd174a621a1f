/* test_mark.c -- topic linking (mark.h) alone, after prep.h: which topic
 * phrases match where, the marks they leave on tokens, and which
 * sentences and paragraphs count as about the topic. The topic and the
 * sentences are invented for these tests. */
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
	"topic Lantern guilds\n"
	"term  lantern guild*\n"
	"term! LG\n"
	"ref   the guild | guild*\n"
	"pro   praise* | praise the guild\n"
	"con 2 condemned\n"
	"con   send the @ home\n"
	"negator not | ruled out\n"
	"figure Odalys Vantreck | Vantreck\n"
	"role  chief lamplighter\n"
	"speech grumbled\n"
	"nonperson Copper Lantern Awards\n";

SU_FIXTURE(topic_text, SU_MARK)

static const char *const kind_names[TOPIC_NKINDS] = {
	"TERM", "PRO", "CON", "NEGATOR", "FIGURE", "ROLE", "SPEECH",
	"NONPERSON", "REF"
};

/* The hits as "KIND:token+tokens", in order. */
static void
show_hits(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->nhits; i++)
		buf_addf(out, "%s%s:%zu+%zu", i ? " " : "",
			 kind_names[d->hits[i].h.kind], d->hits[i].tok,
			 d->hits[i].h.ntok);
}

/* Per token, the letters of its marks (Term, Ref, Figure, Negator,
 * Speech, X = nonperson, E = end of a role phrase) or '-'. */
static void
show_marks(const struct doc *d, struct buf *out)
{
	static const struct {
		unsigned char bit;
		char letter;
	} marks[] = {
		{ TM_TERM, 'T' }, { TM_REF, 'R' }, { TM_FIGURE, 'F' },
		{ TM_NEGATOR, 'N' }, { TM_SPEECH, 'S' },
		{ TM_NONPERSON, 'X' }, { TM_ROLE_END, 'E' },
	};
	size_t i, k;

	buf_reset(out);
	for (i = 0; i < d->tk.n; i++) {
		size_t before;

		if (i)
			buf_addc(out, ' ');
		before = out->len;
		for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			if (d->tmark[i] & marks[k].bit)
				buf_addc(out, marks[k].letter);
		if (out->len == before)
			buf_addc(out, '-');
	}
}

static const struct {
	const char *text;
	const char *hits;
	const char *marks;
} hit_cases[] = {
	/* A '@' phrase matches over a term found by the first pass. */
	{ "Director Tomas Quill wants to send the lantern guild home.",
	  "CON:5+5 TERM:7+2 REF:8+1",
	  "- - - - - - - T TR - -" },
	/* Figures, topic speech verbs, and a negator of two words. */
	{ "Vantreck grumbled that it was ruled out.",
	  "FIGURE:0+1 SPEECH:1+1 NEGATOR:5+2",
	  "F S - - - N N -" },
	/* A role marks only its last word; a nonperson all of its words. */
	{ "The Copper Lantern Awards honoured chief lamplighter Bram Oduya.",
	  "NONPERSON:1+3 ROLE:5+2",
	  "- X X X - - E - - -" },
	/* At one token, the longer phrase first; a phrase without a
	 * wildcard before one with. */
	{ "They praise the guild.",
	  "PRO:1+3 PRO:1+1 REF:2+2 REF:3+1",
	  "- - R R -" },
	/* Case-sensitive terms match whole words as written. */
	{ "The LG met; Lg and LGs did not.",
	  "TERM:1+1 NEGATOR:8+1",
	  "- T - - - - - - N -" },
	/* Phrases do not run across sentences. */
	{ "They sent the lantern. Guild members left.",
	  "REF:5+1",
	  "- - - - - R - - -" },
	{ "Nothing here is about it.", "", "- - - - - -" },
};

static void
test_hits_and_marks(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(hit_cases) / sizeof(hit_cases[0]); i++) {
		run(&d, hit_cases[i].text);
		show_hits(&d, &out);
		su_expect(hit_cases[i].text, out.p, hit_cases[i].hits);
		show_marks(&d, &out);
		su_expect(hit_cases[i].text, out.p, hit_cases[i].marks);
	}
	buf_release(&out);
	doc_release(&d);
}

/* sent_topic of each sentence and para_topic of each paragraph, as
 * digits. */
static void
show_relevance(const struct doc *d, struct buf *out)
{
	uint32_t i;

	buf_reset(out);
	for (i = 0; i < d->tk.nsent; i++)
		buf_addc(out, (char)('0' + d->sent_topic[i]));
	buf_addc(out, '/');
	for (i = 0; i < d->tk.npara; i++)
		buf_addc(out, (char)('0' + d->para_topic[i]));
}

static const struct {
	const char *text;
	const char *want; /* sentences "/" paragraphs */
} relevance_cases[] = {
	/* A term makes its sentence about the topic, and a ref does too
	 * in an article that has a term. */
	{ "The lantern guild met. Rain fell. The guild spoke.", "101/2" },
	/* Without a term, refs count for nothing. */
	{ "The guild met. Rain fell.", "00/0" },
	/* A paragraph that names the topic carries over to the two after
	 * it (1), not to the third. */
	{ "The lantern guild met.\n\nRain fell.\n\nWind rose.\n\nSnow came.",
	  "1000/2110" },
	/* A ref in a later paragraph names the topic there too. */
	{ "The lantern guild met.\n\nRain fell.\n\nWind rose.\n\n"
	  "Snow came.\n\nThe guild left.",
	  "10001/21102" },
	{ "The LG met.", "1/2" },
	{ "", "/" },
};

static void
test_relevance(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(relevance_cases) / sizeof(relevance_cases[0]);
	     i++) {
		run(&d, relevance_cases[i].text);
		show_relevance(&d, &out);
		su_expect(relevance_cases[i].text, out.p, relevance_cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hits_and_marks),
		cmocka_unit_test(test_relevance),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
