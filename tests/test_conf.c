/* test_conf.c -- the configuration line reader: comments, blank lines,
 * "key = value" and lines without '=', line numbers, the NUL byte error,
 * FILE:LINE messages, the size cap and the key tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/conf.h"
#include "crawler/base/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
sv_is(struct sv v, const char *s)
{
	return v.p && v.len == strlen(s) && memcmp(v.p, s, v.len) == 0;
}

static void
test_lines(void **state)
{
	static const char text[] =
		"# a comment\n"
		"\n"
		"key = value  # trailing comment\n"
		"  spaced\t=\tout  \r\n"
		"url = http://x/#fragment\n"
		"[section]\n"
		"empty =\n"
		"a = b = c";
	struct conf c;
	struct conf_line l;
	struct buf err = BUF_INIT;

	(void)state;
	conf_init(&c, text, sizeof(text) - 1, "t.conf");
	assert_int_equal(conf_next(&c, &l, &err), 1);
	assert_int_equal(l.line, 3);
	assert_true(sv_is(l.key, "key"));
	assert_true(sv_is(l.val, "value"));
	assert_true(sv_is(l.text, "key = value"));
	assert_int_equal(conf_next(&c, &l, &err), 1);
	assert_int_equal(l.line, 4);
	assert_true(sv_is(l.key, "spaced"));
	assert_true(sv_is(l.val, "out"));
	assert_int_equal(conf_next(&c, &l, &err), 1);
	/* A '#' that follows no blank is text. */
	assert_true(sv_is(l.val, "http://x/#fragment"));
	assert_int_equal(conf_next(&c, &l, &err), 1);
	assert_true(sv_is(l.text, "[section]"));
	assert_true(sv_is(l.key, "[section]"));
	assert_null(l.val.p);
	assert_int_equal(conf_next(&c, &l, &err), 1);
	assert_true(sv_is(l.key, "empty"));
	assert_non_null(l.val.p);
	assert_int_equal(l.val.len, 0);
	assert_int_equal(conf_next(&c, &l, &err), 1);
	assert_int_equal(l.line, 8);
	assert_true(sv_is(l.key, "a"));
	assert_true(sv_is(l.val, "b = c"));
	assert_int_equal(conf_next(&c, &l, &err), 0);
	assert_int_equal(c.line, 8);
	assert_int_equal(err.len, 0);
	conf_release(&c);
	buf_release(&err);
}

static void
test_errors(void **state)
{
	static const char text[] = "a = 1\nb = \0\n";
	struct conf c;
	struct conf_line l;
	struct buf err = BUF_INIT;
	char *big, path[] = "/tmp/pt-test-conf-XXXXXX";
	FILE *fp;
	int fd;

	(void)state;
	conf_init(&c, text, sizeof(text) - 1, "n.conf");
	assert_int_equal(conf_next(&c, &l, &err), 1);
	assert_int_equal(conf_next(&c, &l, &err), PT_EPARSE);
	assert_string_equal(err.p, "n.conf:2: expected text, got a NUL byte");
	conf_release(&c);

	buf_reset(&err);
	assert_int_equal(conf_error(&err, "f", 7, "expected %s", "x"),
			 PT_EPARSE);
	assert_string_equal(err.p, "f:7: expected x");
	assert_int_equal(conf_error(NULL, "f", 7, "quiet"), PT_EPARSE);

	buf_reset(&err);
	assert_int_equal(conf_open(&c, "/nonexistent/x.conf", &err),
			 PT_ENOENT);
	assert_non_null(strstr(err.p, "/nonexistent/x.conf"));
	conf_release(&c);

	/* One byte over the cap. */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	big = calloc(CONF_MAX_BYTES + 1, 1);
	memset(big, '#', CONF_MAX_BYTES + 1);
	assert_int_equal(fwrite(big, 1, CONF_MAX_BYTES + 1, fp),
			 CONF_MAX_BYTES + 1);
	fclose(fp);
	buf_reset(&err);
	assert_int_equal(conf_open(&c, path, &err), PT_ETOOBIG);
	conf_release(&c);
	remove(path);
	free(big);
	buf_release(&err);
}

static void
test_keys(void **state)
{
	static const struct conf_key keys[] = {
		{ "host", 1, 8 }, { "delay", 2, 16 },
	};

	(void)state;
	assert_ptr_equal(conf_key_find(keys, 2, sv_cstr("delay")), &keys[1]);
	assert_ptr_equal(conf_key_find(keys, 2, sv_cstr("host")), &keys[0]);
	assert_null(conf_key_find(keys, 2, sv_cstr("Host")));
	assert_null(conf_key_find(keys, 2, sv_cstr("hos")));
	assert_null(conf_key_find(keys, 2, sv_make("hostx", 5)));
	assert_null(conf_key_find(keys, 0, sv_cstr("host")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
