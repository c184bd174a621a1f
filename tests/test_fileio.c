/* test_fileio.c -- capped reads and sorted recursive listings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void
test_read_cap_and_missing(void **state)
{
	char *dir = tu_tmpdir();
	struct buf p = BUF_INIT, b, err = BUF_INIT;

	(void)state;
	buf_addf(&p, "%s/f.txt", dir);
	tu_write(p.p, "0123456789", 10);
	buf_init(&b, 4);
	assert_int_equal(fileio_read(p.p, &b, &err), PT_ETOOBIG);
	assert_non_null(strstr(err.p, "f.txt"));
	buf_release(&b);
	buf_init(&b, 0);
	assert_int_equal(fileio_read(p.p, &b, NULL), 0);
	assert_int_equal(b.len, 10);
	buf_reset(&err);
	assert_int_equal(fileio_read("/nonexistent/x", &b, &err), PT_ENOENT);
	assert_non_null(strstr(err.p, "/nonexistent/x"));
	buf_release(&b);
	buf_release(&p);
	buf_release(&err);
	tu_rmrf(dir);
	free(dir);
}

static void
test_list_sorted_recursive_filtered(void **state)
{
	static const char *const exts[] = { ".txt", ".html", NULL };
	char *dir = tu_tmpdir();
	struct buf p = BUF_INIT;
	char **v;
	size_t n;

	(void)state;
	buf_addf(&p, "%s/b", dir);
	mkdir(p.p, 0755);
	buf_reset(&p); buf_addf(&p, "%s/b/z.txt", dir); tu_write(p.p, "x", 1);
	buf_reset(&p); buf_addf(&p, "%s/a.HTML", dir); tu_write(p.p, "x", 1);
	buf_reset(&p); buf_addf(&p, "%s/c.pdf", dir); tu_write(p.p, "x", 1);
	buf_reset(&p); buf_addf(&p, "%s/.hidden.txt", dir); tu_write(p.p, "x", 1);
	assert_int_equal(fileio_list(dir, exts, &v, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_non_null(strstr(v[0], "/a.HTML"));
	assert_non_null(strstr(v[1], "/b/z.txt"));
	fileio_list_free(v, n);
	buf_release(&p);
	tu_rmrf(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_cap_and_missing),
		cmocka_unit_test(test_list_sorted_recursive_filtered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
