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

/* buf_addf() formats into the room the buffer has: the cap still holds
 * there, and a text that does not fit leaves the contents as they were. */
static void
test_addf_in_room_keeps_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(buf_adds(&b, "ab"), 0);   /* room: 64 bytes */
	assert_true(b.cap > 20);
	assert_int_equal(buf_addf(&b, "%s", "cdefghijk"), PT_ETOOBIG);
	assert_string_equal(b.p, "ab");
	assert_int_equal(b.len, 2);
	assert_int_equal(buf_addf(&b, "%d-%s", 42, "xyz"), 0);
	assert_string_equal(b.p, "ab42-xyz");
	assert_int_equal(buf_addf(&b, "%c%c", 'z', 'z'), 0);
	assert_string_equal(b.p, "ab42-xyzzz");
	assert_int_equal(buf_addf(&b, "%s", ""), 0);
	assert_int_equal(buf_addf(&b, "!"), PT_ETOOBIG);
	assert_string_equal(b.p, "ab42-xyzzz");
	buf_release(&b);
	/* Past the room: grown, formatted whole. */
	buf_init(&b, 0);
	assert_int_equal(buf_adds(&b, "x"), 0);
	assert_int_equal(buf_addf(&b, "%0200d", 7), 0);
	assert_int_equal(b.len, 201);
	assert_int_equal(b.p[200], '7');
	assert_int_equal(b.p[201], '\0');
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
		cmocka_unit_test(test_addf_in_room_keeps_cap),
		cmocka_unit_test(test_detach_transfers_ownership),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
