/* test_topic_ai.c -- the bundled generative-AI topic file: its terms in
 * every spelling, its references back and its contrast targets match the
 * text that names them, and words outside the topic match nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/text/norm.h"
#include "analyzer/text/token.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>

/* Each sentence with what the topic file finds in it: for every run of
 * tokens the longest hit covers, its kind (T term, R ref, C contrast,
 * N neutral, P pro, X con) and the words, joined by ';'; "-" for none. */
static const struct {
	const char *text;
	const char *want;
} cases[] = {
	/* The topic's own name, abbreviated, hyphenated, in capitals. */
	{ "The studio's gen-AI pipeline stalled.", "T:gen-AI" },
	{ "Gen AI and GenAI are one thing.", "T:Gen AI;T:GenAI" },
	/* One hyphenated token: "AI tools" cannot be read out of it. */
	{ "Generative-AI tools were banned.", "T:Generative-AI" },
	{ "The AI actor and an AI-voiced extra.", "T:AI actor;T:AI-voiced" },
	{ "An A.I. double stood in.", "T:A.I." },
	{ "Artificial intelligence came up.", "T:Artificial intelligence" },
	{ "Two LLMs wrote the outline.", "T:LLMs" },
	{ "« L'intelligence artificielle ? Jamais. »",
	  "T:L'intelligence artificielle" },
	{ "« Avec l'IA, ce n'est pas du doublage. »", "T:l'IA" },
	/* "AI-" compounds are one token each. */
	{ "AI-generated extras and AI-written drafts.",
	  "T:AI-generated;T:AI-written" },
	{ "An AI-powered, AI-dubbed trailer.", "T:AI-powered;T:AI-dubbed" },
	/* ... any of them ("AI-*"), in capitals: not a given name. */
	{ "An AI-first, AI-heavy slate.", "T:AI-first;T:AI-heavy" },
	{ "Ai-ling Tan and Mei-ai Wu spoke.", "-" },
	/* Performers and voices made from data, in both spellings. */
	{ "Synthetic performers and digital doubles.",
	  "T:Synthetic performers;T:digital doubles" },
	{ "Her voice clones and his voice-cloning deal.",
	  "T:voice clones;T:voice-cloning" },
	{ "The de-ageing, de-aging and de-aged faces.",
	  "T:de-ageing;T:de-aging;T:de-aged" },
	{ "A deepfake, a digital replica and a synthesised voice.",
	  "T:deepfake;T:digital replica;T:synthesised voice" },
	{ "Machine-written scripts and machine dubbing.",
	  "T:Machine-written;T:machine dubbing" },
	{ "Automated rough cuts and text-to-speech.",
	  "T:Automated rough cuts;T:text-to-speech" },
	/* The scan of a face or a body a replica is built from; a body
	 * scan alone is only a scan (a ref, as at an airport). */
	{ "They offered to scan her face and body.", "T:scan her face" },
	{ "A 3D scan and two face scans.", "T:3D scan;T:face scans" },
	{ "A body scan at the airport.", "R:scan" },
	/* A programme is a broadcast's or a festival's, not software. */
	{ "She pulled her film from the programme.", "-" },
	/* References back, with any definite determiner or "such". */
	{ "The technology, these tools and such systems.",
	  "R:The technology;R:these tools;R:such systems" },
	{ "Those scans, the replica and the new tools.",
	  "R:Those scans;R:replica;R:the new tools" },
	/* The work the technology replaces, and the way it was done. */
	{ "Human writers, real actors and practical effects.",
	  "C:Human writers;C:real actors;C:practical effects" },
	{ "Drawn by hand, the old way.", "C:by hand;C:the old way" },
	{ "A hand-drawn, AI-free short.", "C:hand-drawn;C:AI-free" },
	/* Editing words that general English reads as harm or help. */
	{ "She is cutting with clean-up tools.", "N:cutting;N:clean-up" },
	{ "Juniors tidy up what it makes.", "N:tidy up" },
	/* The few evaluative words of this topic's world. */
	{ "The model hallucinated a scene.", "R:The model;X:hallucinated" },
	{ "It sounded robotic and waxy.", "X:robotic;X:waxy" },
	/* Not the topic: a given name, a lower-case "ai", the digital
	 * effects that came before generative AI, a synthesiser. */
	{ "Ai Weiwei and Ai Fukuhara spoke.", "-" },
	{ "Computer-generated crowds, a CGI dragon.", "-" },
	{ "A synthesised score and a stunt double.", "-" },
	{ "The espresso machine broke.", "-" },
};

static struct topic *
load(void)
{
	char *path = tu_src("data/topics/generative-ai.topic");
	struct buf err = BUF_INIT;
	struct topic *t = topic_load(path, &err);

	if (!t)
		fail_msg("%s", err.p);
	free(path);
	buf_release(&err);
	return t;
}

static char
kind_letter(enum topic_kind k)
{
	switch (k) {
	case TOPIC_TERM: return 'T';
	case TOPIC_REF: return 'R';
	case TOPIC_CONTRAST: return 'C';
	case TOPIC_NEUTRAL: return 'N';
	case TOPIC_PRO: return 'P';
	case TOPIC_CON: return 'X';
	default: return 0;
	}
}

/* Writes what the topic finds in text into out (see cases[]). Hits come
 * longest first, so the first one that has a letter is the one shown. */
static void
show(const struct topic *t, const char *text, struct buf *out)
{
	struct norm n;
	struct tokens tk;
	struct topic_hit hits[8];
	size_t i, j, k, end = 0;

	norm_init(&n);
	tokens_init(&tk);
	norm_text(&n, text, strlen(text));
	tokens_build(&tk, &n, text, strlen(text));
	buf_reset(out);
	for (i = 0; i < tk.n; i++) {
		if (i < end)
			continue;
		k = topic_match(t, &tk, i, NULL, hits, 8);
		for (j = 0; j < k && !kind_letter(hits[j].kind); j++)
			;
		if (j == k)
			continue;
		end = i + hits[j].ntok;
		buf_addf(out, "%s%c:%.*s", out->len ? ";" : "",
			 kind_letter(hits[j].kind),
			 (int)(tk.v[end - 1].o + tk.v[end - 1].ol - tk.v[i].o),
			 text + tk.v[i].o);
	}
	if (!out->len)
		buf_adds(out, "-");
	tokens_release(&tk);
	norm_release(&n);
}

static void
test_matches(void **state)
{
	struct topic *t = load();
	struct buf out = BUF_INIT;
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		show(t, cases[i].text, &out);
		if (strcmp(out.p, cases[i].want) != 0) {
			print_message("%s\n  got  %s\n  want %s\n",
				      cases[i].text, out.p, cases[i].want);
			bad++;
		}
	}
	topic_free(t);
	buf_release(&out);
	assert_int_equal(bad, 0);
}

/* The file says what the topic is: many terms and references, contrast
 * targets, and only a handful of evaluative overrides. */
static void
test_thin(void **state)
{
	struct topic *t = load();

	(void)state;
	assert_true(topic_count(t, TOPIC_TERM) > 100);
	assert_true(topic_count(t, TOPIC_REF) > 30);
	assert_true(topic_count(t, TOPIC_CONTRAST) > 20);
	assert_true(topic_count(t, TOPIC_PRO) + topic_count(t, TOPIC_CON) < 10);
	topic_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_thin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
