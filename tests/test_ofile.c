/* test_ofile.c -- temporary file + rename: readers see the old file or
 * the complete new one, never a partial one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/fileio.h"
#include "crawler/base/ofile.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>

static void
test_commit_replaces_abort_keeps(void **state)
{
	char *dir = tu_tmpdir();
	struct buf path = BUF_INIT, got = BUF_INIT, err = BUF_INIT;
	struct ofile f;

	(void)state;
	buf_addf(&path, "%s/out.csv", dir);
	tu_write(path.p, "old\n", 4);
	assert_int_equal(ofile_open(&f, path.p, &err), 0);
	fputs("new, half written", f.fp);
	/* Before the commit the old file is still there, whole. */
	assert_int_equal(fileio_read(path.p, &got, NULL), 0);
	assert_string_equal(got.p, "old\n");
	ofile_abort(&f);
	buf_reset(&got);
	assert_int_equal(fileio_read(path.p, &got, NULL), 0);
	assert_string_equal(got.p, "old\n");
	assert_int_equal(tu_count_entries(dir), 1); /* no temporary left */

	assert_int_equal(ofile_open(&f, path.p, &err), 0);
	fputs("new\n", f.fp);
	assert_int_equal(ofile_commit(&f, &err), 0);
	ofile_abort(&f); /* harmless after a commit */
	buf_reset(&got);
	assert_int_equal(fileio_read(path.p, &got, NULL), 0);
	assert_string_equal(got.p, "new\n");
	assert_int_equal(tu_count_entries(dir), 1);
	buf_release(&path);
	buf_release(&got);
	buf_release(&err);
	tu_rmrf(dir);
	free(dir);
}

static void
test_open_fails_with_message(void **state)
{
	struct buf err = BUF_INIT;
	struct ofile f;

	(void)state;
	assert_int_not_equal(ofile_open(&f, "/nonexistent/dir/x.csv", &err), 0);
	assert_non_null(strstr(err.p, "/nonexistent/dir/x.csv"));
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_replaces_abort_keeps),
		cmocka_unit_test(test_open_fails_with_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
