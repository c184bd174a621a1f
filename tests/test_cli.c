/* test_cli.c -- number parsing for command-line options. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/cli.h"
#include "crawler/base/err.h"

static void
test_parse_uint(void **state)
{
	uint64_t v = 7;

	(void)state;
	assert_int_equal(cli_parse_uint("0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(cli_parse_uint("10", 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(cli_parse_uint("11", 10, &v), PT_EINVAL);
	assert_int_equal(cli_parse_uint("-1", 10, &v), PT_EINVAL);
	assert_int_equal(cli_parse_uint("1x", 10, &v), PT_EINVAL);
	assert_int_equal(cli_parse_uint("", 10, &v), PT_EINVAL);
	assert_int_equal(cli_parse_uint(" 1", 10, &v), PT_EINVAL);
	assert_int_equal(cli_parse_uint("99999999999999999999999", UINT64_MAX,
					&v), PT_EINVAL);
	assert_int_equal(v, 10); /* untouched on error */
}

static void
test_parse_double(void **state)
{
	double d = 0;

	(void)state;
	assert_int_equal(cli_parse_double("1.5", &d), 0);
	assert_true(d == 1.5);
	assert_int_equal(cli_parse_double(".25", &d), 0);
	assert_true(d == 0.25);
	assert_int_equal(cli_parse_double("-1", &d), PT_EINVAL);
	assert_int_equal(cli_parse_double("nan", &d), PT_EINVAL);
	assert_int_equal(cli_parse_double("2s", &d), PT_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_uint),
		cmocka_unit_test(test_parse_double),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
