/* test_read.c -- the dataset read back by header name (read.c), the
 * quote search's name matching (qsearch.c) and the report's escaping
 * (html.c): columns found wherever they stand, optional columns and files
 * that may be absent, a BOM before the header, malformed records named by
 * file and line; names matched as whole words on their keys; text, URLs
 * and numbers made safe for HTML. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/dataset/html.h"
#include "analyzer/dataset/qsearch.h"
#include "analyzer/dataset/read.h"
#include "crawler/base/buf.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>

static char *
write_file(const char *dir, const char *name, const char *text)
{
	struct buf p = BUF_INIT;

	buf_addf(&p, "%s/%s", dir, name);
	assert_int_equal(tu_write(p.p, text, strlen(text)), 0);
	return buf_detach(&p, NULL);
}

static void
test_columns_by_name(void **state)
{
	static const char *const cols[] = { "quote", "article_id", "?context",
					    "?sieve" };
	char *dir = tu_tmpdir();
	char *path = write_file(dir, "quotes.csv",
		"\xEF\xBB\xBF" "article_id,speaker,quote,context\r\n"
		"a1,X,\"hi, there\",\"She said: \"\"hi\"\"\"\r\n"
		"a2,Y,12.500,\r\n");
	struct buf err = BUF_INIT;
	struct dsread *r = dsread_open(dir, "quotes.csv", cols, 4, NULL, &err);

	(void)state;
	assert_non_null(r);
	assert_true(dsread_has(r, 2));
	assert_false(dsread_has(r, 3));
	assert_int_equal(dsread_next(r, &err), 1);
	assert_string_equal(dsread_get(r, 0), "hi, there");
	assert_string_equal(dsread_get(r, 1), "a1"); /* after the BOM */
	assert_string_equal(dsread_get(r, 2), "She said: \"hi\"");
	assert_string_equal(dsread_get(r, 3), "");
	assert_int_equal(dsread_len(r, 3), 0);
	assert_int_equal(dsread_next(r, &err), 1);
	assert_int_equal(dsread_int(r, 0), 12);
	assert_int_equal(dsread_milli(r, 0), 12500);
	assert_int_equal(dsread_next(r, &err), 0);
	assert_int_equal(dsread_offset(r), dsread_size(r));
	dsread_free(r);
	buf_release(&err);
	free(path);
	tu_rmrf(dir);
	free(dir);
}

static void
test_missing_and_malformed(void **state)
{
	static const char *const cols[] = { "article_id", "figure" };
	char *dir = tu_tmpdir();
	char *p1 = write_file(dir, "a.csv", "article_id,other\r\nx,y\r\n");
	char *p2 = write_file(dir, "b.csv", "article_id,figure\r\nx\r\n");
	char *p3 = write_file(dir, "c.csv", "");
	struct buf err = BUF_INIT;
	struct dsread *r;
	int missing = -1;

	(void)state;
	assert_null(dsread_open(dir, "none.csv", cols, 2, &missing, &err));
	assert_int_equal(missing, 1);
	assert_non_null(strstr(err.p, "none.csv"));
	buf_reset(&err);
	assert_null(dsread_open(dir, "a.csv", cols, 2, &missing, &err));
	assert_int_equal(missing, 0);
	assert_non_null(strstr(err.p, "a.csv:1: no 'figure' column"));
	buf_reset(&err);
	assert_null(dsread_open(dir, "c.csv", cols, 2, &missing, &err));
	assert_non_null(strstr(err.p, "c.csv:1: expected a header row"));
	buf_reset(&err);
	r = dsread_open(dir, "b.csv", cols, 2, NULL, &err);
	assert_non_null(r);
	assert_true(dsread_next(r, &err) < 0);
	assert_non_null(strstr(err.p, "b.csv:2: too few fields"));
	dsread_free(r);
	dsread_free(NULL);
	buf_release(&err);
	free(p1);
	free(p2);
	free(p3);
	tu_rmrf(dir);
	free(dir);
}

static void
test_month_and_host(void **state)
{
	char m[8], h[64];

	(void)state;
	dsread_month("2024-05-14", "2023-01-01T00:00:00Z", m);
	assert_string_equal(m, "2024-05");
	dsread_month("", "2023-01-01T00:00:00Z", m);
	assert_string_equal(m, "2023-01");
	dsread_month("", "", m);
	assert_string_equal(m, "unknown");
	dsread_month(NULL, NULL, m);
	assert_string_equal(m, "unknown");
	dsread_host("https://user@WWW.Example.org:8080/a?b", h, sizeof(h));
	assert_string_equal(h, "www.example.org");
	dsread_host("not a url", h, sizeof(h));
	assert_string_equal(h, "");
	dsread_host("http://abcdefgh/x", h, 5);
	assert_string_equal(h, "abcd");
}

static void
test_words_in(void **state)
{
	(void)state;
	assert_true(qsearch_words_in("gaspar noe", "noe"));
	assert_true(qsearch_words_in("gaspar noe", "gaspar noe"));
	assert_true(qsearch_words_in("mia hansen-love", "hansen"));
	assert_true(qsearch_words_in("mia hansen-love", "love"));
	assert_false(qsearch_words_in("gaspar noel", "noe"));
	assert_false(qsearch_words_in("agaspar noe", "gaspar"));
	assert_true(qsearch_words_in("x", ""));
	assert_false(qsearch_words_in("", "x"));
}

static void
test_html(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	html_esc(&b, "<a href=\"x\">Tom & 'Jerry'</a>");
	assert_string_equal(b.p, "&lt;a href=&quot;x&quot;&gt;Tom &amp; "
			    "&#39;Jerry&#39;&lt;/a&gt;");
	buf_reset(&b);
	html_escn(&b, "a\0b", 3);
	assert_string_equal(b.p, "ab");
	buf_reset(&b);
	html_href(&b, "javascript:alert(1)");
	html_href(&b, " https://x.org");
	html_href(&b, "https://x.org/?a=1&b=\"2\"");
	assert_string_equal(b.p, "##https://x.org/?a=1&amp;b=&quot;2&quot;");
	buf_reset(&b);
	html_num1(&b, 12.345);
	buf_addc(&b, ' ');
	html_num1(&b, -0.25);
	buf_addc(&b, ' ');
	html_num1(&b, 0);
	assert_string_equal(b.p, "12.3 -0.3 0.0");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_by_name),
		cmocka_unit_test(test_missing_and_malformed),
		cmocka_unit_test(test_month_and_host),
		cmocka_unit_test(test_words_in),
		cmocka_unit_test(test_html),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
