/* test_buf.c -- struct buf: growth, caps, formatting, detach. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

static void
test_init_is_empty_string(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_non_null(b.p);
	assert_string_equal(b.p, "");
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void
test_add_and_format(void **state)
{
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		assert_int_equal(buf_addf(&b, "%d,", i), 0);
	assert_int_equal(strncmp(b.p, "0,1,2,", 6), 0);
	assert_int_equal(b.p[b.len], '\0');
	assert_int_equal(b.len, strlen(b.p));
	buf_truncate(&b, 2);
	assert_string_equal(b.p, "0,");
	buf_release(&b);
}

static void
test_cap_refuses_and_keeps_contents(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_adds(&b, "12345"), 0);
	assert_int_equal(buf_adds(&b, "6789"), PT_ETOOBIG);
	assert_string_equal(b.p, "12345");
	assert_int_equal(buf_adds(&b, "678"), 0);
	assert_int_equal(buf_addc(&b, 'x'), PT_ETOOBIG);
	assert_string_equal(b.p, "12345678");
	buf_release(&b);
}

static void
test_detach_transfers_ownership(void **state)
{
	struct buf b = BUF_INIT;
	char *s;
	size_t n;

	(void)state;
	buf_adds(&b, "hello");
	s = buf_detach(&b, &n);
	assert_string_equal(s, "hello");
	assert_int_equal(n, 5);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.p, "");
	free(s);
	s = buf_detach(&b, NULL); /* empty buffer still gives a string */
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty_string),
		cmocka_unit_test(test_add_and_format),
		cmocka_unit_test(test_cap_refuses_and_keeps_contents),
		cmocka_unit_test(test_detach_transfers_ownership),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
