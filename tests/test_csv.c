/* test_csv.c -- RFC 4180 writing and reading round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/csv.h"
#include "crawler/base/err.h"

#include <stdio.h>
#include <string.h>

static void
test_quoting(void **state)
{
	struct buf row = BUF_INIT;

	(void)state;
	csv_fields(&row, 1, "plain");
	csv_fields(&row, 0, "a,b");
	csv_fields(&row, 0, "say \"hi\"");
	csv_fields(&row, 0, "two\nlines");
	csv_fields(&row, 0, "");
	csv_fieldu(&row, 0, 42);
	csv_end(&row);
	assert_string_equal(row.p,
		"plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n");
	buf_release(&row);
}

static void
test_round_trip(void **state)
{
	struct buf row = BUF_INIT;
	const char *fields[] = { "Noé", "“curly”, quoted", "x\r\ny", "" };
	struct csv_reader *r;
	FILE *fp;
	int i, n;

	(void)state;
	for (i = 0; i < 4; i++)
		csv_fields(&row, i == 0, fields[i]);
	csv_end(&row);
	csv_fields(&row, 1, "second");
	csv_end(&row);
	fp = fmemopen(row.p, row.len, "r");
	assert_non_null(fp);
	r = csv_reader_new(fp);
	n = csv_reader_next(r);
	assert_int_equal(n, 4);
	for (i = 0; i < 4; i++)
		assert_string_equal(csv_reader_field(r, i), fields[i]);
	assert_int_equal(csv_reader_next(r), 1);
	assert_string_equal(csv_reader_field(r, 0), "second");
	assert_int_equal(csv_reader_line(r), 3);
	assert_int_equal(csv_reader_next(r), 0);
	csv_reader_free(r);
	fclose(fp);
	buf_release(&row);
}

static void
test_unterminated_quote_is_an_error(void **state)
{
	char text[] = "a,\"open\r\n";
	struct csv_reader *r;
	FILE *fp;

	(void)state;
	fp = fmemopen(text, strlen(text), "r");
	r = csv_reader_new(fp);
	assert_int_equal(csv_reader_next(r), PT_EPARSE);
	csv_reader_free(r);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_unterminated_quote_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
