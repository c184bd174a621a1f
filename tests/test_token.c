/* test_token.c -- words, possessives, sentences and paragraphs, and the
 * abbreviations that end no sentence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/text/norm.h"
#include "analyzer/text/token.h"

#include <string.h>

static void
build(struct norm *n, struct tokens *t, const char *text)
{
	norm_init(n);
	tokens_init(t);
	norm_text(n, text, strlen(text));
	tokens_build(t, n, text, strlen(text));
}

static void
test_words_and_offsets(void **state)
{
	const char *text = "Douglas’s co-star didn’t say “No.”";
	struct norm n;
	struct tokens t;

	(void)state;
	build(&n, &t, text);
	/* douglas ('s kept off) | co-star | didn't | say | " | no | . | " */
	assert_int_equal(t.n, 8);
	assert_true(tok_is(&t, 0, "douglas"));
	assert_true(t.v[0].flags & TOK_POSS);
	assert_true(t.v[0].flags & TOK_CAP);
	assert_true(tok_is(&t, 1, "co-star"));
	assert_true(tok_is(&t, 2, "didn't"));
	assert_true(tok_punct(&t, 4, '"'));
	/* Offsets point into the original text. */
	assert_int_equal(memcmp(text + t.v[2].o, "didn’t", t.v[2].ol), 0);
	assert_int_equal(t.v[2].ol, strlen("didn’t"));
	tokens_release(&t);
	norm_release(&n);
}

static void
test_sentences_paragraphs(void **state)
{
	struct norm n;
	struct tokens t;

	(void)state;
	/* A hard-wrapped line stays one paragraph; a blank line ends one; a
	 * line ending like a sentence ends one too. */
	build(&n, &t, "Mr. Vance met Dr. J. Okoro at 10.30 in\nthe morning. "
		      "They talked.\nNext line.\n\nNew paragraph?  Yes.");
	assert_int_equal(t.npara, 3);
	assert_int_equal(t.nsent, 5);
	tokens_release(&t);
	norm_release(&n);
}

static void
test_allcaps_and_numbers(void **state)
{
	struct norm n;
	struct tokens t;

	(void)state;
	build(&n, &t, "THR paid 1,200.50 to ICs");
	assert_true(t.v[0].flags & TOK_ALLCAP);
	assert_true(tok_is(&t, 2, "1,200.50"));
	assert_true(t.v[2].flags & TOK_NUM);
	assert_false(t.v[4].flags & TOK_ALLCAP); /* "ICs": one lower-case */
	tokens_release(&t);
	norm_release(&n);
}

/* A full stop after an abbreviation of the lexicon (ABBREV) or an
 * initial ends no sentence, even where the writer meant it to ("Acme
 * Inc. Then"); after any other word it does. */
static void
test_abbreviations(void **state)
{
	static const struct {
		const char *text;
		uint32_t nsent;
	} cases[] = {
		{ "Mrs. Okoro met Prof. Lund. Then they left.", 2 },
		{ "They met at Acme Inc. Then they left.", 1 },
		{ "It cost approx. 40 pounds. Nobody paid.", 2 },
		{ "The U.S. Army and the U.K. Navy met.", 1 },
		{ "Talks went on etc. Then they stopped.", 1 },
		{ "They met in the shop. Then they left.", 2 },
		{ "They met at no. 12 today.", 1 },
		{ "The score was 3. Then it rained.", 2 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct norm n;
		struct tokens t;

		build(&n, &t, cases[i].text);
		if (t.nsent != cases[i].nsent)
			fail_msg("%s: %u sentences, want %u", cases[i].text,
				 t.nsent, cases[i].nsent);
		tokens_release(&t);
		norm_release(&n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_and_offsets),
		cmocka_unit_test(test_sentences_paragraphs),
		cmocka_unit_test(test_allcaps_and_numbers),
		cmocka_unit_test(test_abbreviations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
