/* test_merge.c -- `presstally merge`: partials merged in any order give
 * the bytes of one analyze run over all inputs; a partial's columns are
 * found by header name, in any order; bad partials are refused with the
 * file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/fileio.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const files[] = { "articles.csv", "mentions.csv",
	"quotes.csv", "cues.csv", "figures.csv", "timeline.csv" };

static void
same_files(const char *d1, const char *d2)
{
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *p1 = fileio_join(d1, files[i]);
		char *p2 = fileio_join(d2, files[i]);
		struct buf a = BUF_INIT, b = BUF_INIT;

		assert_int_equal(fileio_read(p1, &a, NULL), 0);
		assert_int_equal(fileio_read(p2, &b, NULL), 0);
		if (a.len != b.len || memcmp(a.p, b.p, a.len) != 0)
			fail_msg("%s differs between '%s' and '%s'", files[i],
				 d1, d2);
		buf_release(&a);
		buf_release(&b);
		free(p1);
		free(p2);
	}
}

static void
run_ok(const char *const *args)
{
	struct buf err = BUF_INIT;
	int rc = tu_run(args, NULL, NULL, &err);

	if (rc != 0)
		fail_msg("exit %d: %s", rc, err.p);
	buf_release(&err);
}

static void
test_merge_equals_single_run(void **state)
{
	char *dir = tu_tmpdir();
	char *s = tu_src("data/samples");
	char *a1 = fileio_join(s, "01-harbour-lights-pro.txt");
	char *a2 = fileio_join(s, "02-veteran-director-con.txt");
	char *a3 = fileio_join(s, "03-panel-mixed.txt");
	char *a4 = fileio_join(s, "04-box-office-offtopic.txt");
	char *a5 = fileio_join(s, "05-guild-guidelines.html");
	char *a6 = fileio_join(s, "seed-intimacy-coordinators.txt");
	char *all = fileio_join(dir, "all"), *p1 = fileio_join(dir, "p1");
	char *p2 = fileio_join(dir, "p2"), *p3 = fileio_join(dir, "p3");
	char *m1 = fileio_join(dir, "m1"), *m2 = fileio_join(dir, "m2");

	(void)state;
	{
		const char *args[] = { "analyze", "-q", "--out", all, a1, a2,
				       a3, a4, a5, a6, NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "analyze", "-q", "--out", p1, a1, a2,
				       NULL };
		run_ok(args);
	}
	{
		/* a3 in two shards: the duplicate must not count twice */
		const char *args[] = { "analyze", "-q", "--out", p2, a3, a4,
				       NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "analyze", "-q", "--out", p3, a3, a5,
				       a6, NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "merge", "-q", "--out", m1, p1, p2, p3,
				       NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "merge", "-q", "--out", m2, p3, p1, p2,
				       NULL };
		run_ok(args);
	}
	same_files(all, m1);
	same_files(all, m2);
	/* A merged dataset is itself a partial. */
	{
		const char *args[] = { "merge", "-q", "--out", m1, m1, NULL };
		run_ok(args);
	}
	same_files(all, m1);
	tu_rmrf(dir);
	free(dir); free(s); free(a1); free(a2); free(a3); free(a4); free(a5);
	free(a6); free(all); free(p1); free(p2); free(p3); free(m1); free(m2);
}

/* Rewrites the CSV file at path with its columns in reverse order, every
 * field quoted, and an extra column first: a reader that goes by header
 * name reads the same records. */
static void
reverse_columns(const char *path)
{
	struct tu_csv csv;
	struct buf out = BUF_INIT;
	size_t r, c;

	assert_int_equal(tu_csv_load(path, &csv), 0);
	for (r = 0; r <= csv.nrows; r++) {
		buf_adds(&out, r ? "\"extra\"" : "note");
		for (c = csv.ncols; c-- > 0;) {
			const char *f = csv.rows[r][c];

			buf_adds(&out, ",\"");
			for (; *f; f++) {
				if (*f == '"')
					buf_addc(&out, '"');
				buf_addc(&out, *f);
			}
			buf_addc(&out, '"');
		}
		buf_adds(&out, "\r\n");
	}
	assert_int_equal(tu_write(path, out.p, out.len), 0);
	tu_csv_free(&csv);
	buf_release(&out);
}

static void
test_columns_by_name(void **state)
{
	static const char *const per_article[] = { "articles.csv",
		"mentions.csv", "quotes.csv", "cues.csv" };
	char *dir = tu_tmpdir();
	char *s = tu_src("data/samples");
	char *all = fileio_join(dir, "all"), *p = fileio_join(dir, "p");
	char *m = fileio_join(dir, "m");
	size_t i;

	(void)state;
	{
		const char *args[] = { "analyze", "-q", "--out", all, s, NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "analyze", "-q", "--out", p, s, NULL };
		run_ok(args);
	}
	for (i = 0; i < 4; i++) {
		char *f = fileio_join(p, per_article[i]);

		reverse_columns(f);
		free(f);
	}
	{
		const char *args[] = { "merge", "-q", "--out", m, p, NULL };
		run_ok(args);
	}
	same_files(all, m);
	tu_rmrf(dir);
	free(dir); free(s); free(all); free(p); free(m);
}

static void
test_bad_partial(void **state)
{
	char *dir = tu_tmpdir();
	char *seed = tu_src("data/samples/seed-intimacy-coordinators.txt");
	char *p = fileio_join(dir, "p"), *out = fileio_join(dir, "out");
	char *m = fileio_join(p, "mentions.csv");
	struct buf err = BUF_INIT, text = BUF_INIT;

	(void)state;
	{
		const char *args[] = { "analyze", "-q", "--out", p, seed, NULL };
		run_ok(args);
	}
	/* Break line 3 of mentions.csv: a count that is not a number. */
	assert_int_equal(fileio_read(m, &text, NULL), 0);
	{
		char *l2 = strstr(text.p, "\r\n") + 2;
		char *l3 = strstr(l2, "\r\n") + 2;
		char *c = strchr(strchr(l3, ',') + 1, ',') + 1;

		*c = 'x';
	}
	tu_write(m, text.p, text.len);
	{
		const char *args[] = { "merge", "--out", out, p, NULL };

		assert_int_equal(tu_run(args, NULL, NULL, &err), 1);
		assert_non_null(strstr(err.p, "mentions.csv:3:"));
		assert_int_equal(tu_count_entries(out), 0);
	}
	buf_reset(&err);
	{
		const char *args[] = { "merge", "--out", out, "/nonexistent",
				       NULL };

		assert_int_equal(tu_run(args, NULL, NULL, &err), 1);
		assert_non_null(strstr(err.p, "/nonexistent"));
	}
	buf_release(&err);
	buf_release(&text);
	tu_rmrf(dir);
	free(dir); free(seed); free(p); free(out); free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_equals_single_run),
		cmocka_unit_test(test_columns_by_name),
		cmocka_unit_test(test_bad_partial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
