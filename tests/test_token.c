/* test_token.c -- words, possessives, sentences and paragraphs. */
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_and_offsets),
		cmocka_unit_test(test_sentences_paragraphs),
		cmocka_unit_test(test_allcaps_and_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
