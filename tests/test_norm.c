/* test_norm.c -- matching keys, offset maps, NFC and UTF-8 repair. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/text/norm.h"

#include <stdlib.h>
#include <string.h>

static void
check_key(const char *in, const char *want)
{
	char *k = norm_key(in, strlen(in));

	if (strcmp(k, want) != 0)
		fail_msg("key of '%s' is '%s', expected '%s'", in, k, want);
	free(k);
}

static void
test_folding(void **state)
{
	(void)state;
	check_key("Gaspar Noé", "gaspar noe");
	check_key("Gaspar Noe\xCC\x81", "gaspar noe"); /* decomposed accent */
	check_key("Mia Hansen-Løve", "mia hansen-love");
	check_key("ŁÓDŹ Straße Æsir Œuvre", "lodz strasse aesir oeuvre");
	check_key("ﬁlm", "film"); /* NFKC ligature */
	check_key("“Hi,” she’s ‘here’", "\"hi,\" she's 'here'");
	check_key("a—b–c", "a - b - c");
	check_key("non\xE2\x80\x91stop", "non-stop"); /* non-breaking hyphen */
	check_key("co\xC2\xADor\xE2\x80\x8B" "di\xEF\xBB\xBFnator",
		  "coordinator"); /* soft hyphen, ZWSP, BOM */
	check_key("a\xC2\xA0" "b\tc", "a b c");
	check_key("wait…", "wait...");
}

static void
test_offsets_map_back_to_original(void **state)
{
	const char *text = "Noé said “no”.";
	struct norm n;
	const char *hit;
	size_t k;

	(void)state;
	norm_init(&n);
	assert_int_equal(norm_text(&n, text, strlen(text)), 0);
	assert_string_equal(n.key.p, "noe said \"no\".");
	hit = strstr(n.key.p, "\"no\"");
	k = (size_t)(hit - n.key.p);
	/* The key's quote mark maps to the curly quote's first byte. */
	assert_int_equal(n.map[k], strstr(text, "“") - text);
	assert_int_equal(n.map[k + 1], strstr(text, "no”") - text);
	assert_int_equal(n.map[n.key.len], strlen(text));
	/* "é" (2 bytes) gives one key byte mapped to its start. */
	assert_int_equal(n.map[2], 2);
	assert_int_equal(n.map[3], 4);
	norm_release(&n);
}

static void
test_fix_utf8(void **state)
{
	struct buf out = BUF_INIT;
	size_t first = 99;
	const char bad[] = "ok\xC3(\xFF\xFEok\xE2\x82";

	(void)state;
	assert_int_equal(norm_fix_utf8("fine ü", 7, &out, &first), 0);
	assert_int_equal(first, 99);
	assert_string_equal(out.p, "fine ü");
	buf_reset(&out);
	assert_int_equal(norm_fix_utf8(bad, sizeof(bad) - 1, &out, &first), 4);
	assert_int_equal(first, 2);
	assert_string_equal(out.p, "ok\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD"
			    "ok\xEF\xBF\xBD");
	buf_reset(&out);
	/* NUL bytes are replaced too. */
	assert_int_equal(norm_fix_utf8("a\0b", 3, &out, &first), 1);
	assert_int_equal(first, 1);
	/* Past eight ASCII bytes (read eight at a time): a NUL, a broken
	 * sequence and a letter with an accent, each after a run. */
	buf_reset(&out);
	assert_int_equal(norm_fix_utf8("abcdefghijklm\0nopqrstuvwxyz\xC3("
				       "0123456789ü", 41, &out, &first), 2);
	assert_int_equal(first, 13);
	assert_string_equal(out.p, "abcdefghijklm\xEF\xBF\xBDnopqrstuvwxyz"
			    "\xEF\xBF\xBD(0123456789ü");
	buf_release(&out);
}

static void
test_nfc(void **state)
{
	char *s = norm_nfc("Noe\xCC\x81", 5);

	(void)state;
	assert_string_equal(s, "Noé");
	free(s);
	/* ASCII comes back as it is, only the given length of it. */
	s = norm_nfc("Ivy Banks said", 9);
	assert_string_equal(s, "Ivy Banks");
	free(s);
	s = norm_nfc("", 0);
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_offsets_map_back_to_original),
		cmocka_unit_test(test_fix_utf8),
		cmocka_unit_test(test_nfc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
