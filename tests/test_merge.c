/* test_merge.c -- `presstally merge`: partials merged in any order give
 * the bytes of one analyze run over all inputs; a partial's columns are
 * found by header name, in any order; bad partials are refused with the
 * file and line; the streaming merge and the one that reads partials one
 * after the other (more partials than open files allow) agree byte for
 * byte, conflicts included; timeline periods count characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/fileio.h"
#include "tests/testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const files[] = { "articles.csv", "mentions.csv",
	"quotes.csv", "cues.csv", "figures.csv", "timeline.csv",
	"aliases.csv" };

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

/* The bundled samples the merge tests analyze, in this order. */
static const char *const sample_names[] = {
	"01-harbour-lights-pro.txt", "02-veteran-director-con.txt",
	"03-panel-mixed.txt", "04-box-office-offtopic.txt",
	"05-guild-guidelines.html", "seed-intimacy-coordinators.txt",
};
#define NSAMPLES (sizeof(sample_names) / sizeof(*sample_names))

/* a[i] = the path of sample i (caller frees each). */
static void
sample_paths(char *a[NSAMPLES])
{
	char *s = tu_src("data/samples");
	size_t i;

	for (i = 0; i < NSAMPLES; i++)
		a[i] = fileio_join(s, sample_names[i]);
	free(s);
}

static void
free_paths(char *a[NSAMPLES])
{
	size_t i;

	for (i = 0; i < NSAMPLES; i++)
		free(a[i]);
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
	char *a[NSAMPLES];
	char *all = fileio_join(dir, "all"), *p1 = fileio_join(dir, "p1");
	char *p2 = fileio_join(dir, "p2"), *p3 = fileio_join(dir, "p3");
	char *m1 = fileio_join(dir, "m1"), *m2 = fileio_join(dir, "m2");

	(void)state;
	sample_paths(a);
	{
		const char *args[] = { "analyze", "-q", "--out", all, a[0],
				       a[1], a[2], a[3], a[4], a[5], NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "analyze", "-q", "--out", p1, a[0],
				       a[1], NULL };
		run_ok(args);
	}
	{
		/* a[2] in two shards: the duplicate must not count twice */
		const char *args[] = { "analyze", "-q", "--out", p2, a[2],
				       a[3], NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "analyze", "-q", "--out", p3, a[2],
				       a[4], a[5], NULL };
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
	free(dir); free_paths(a);
	free(all); free(p1); free(p2); free(p3); free(m1); free(m2);
}

/* Appends field f to out quoted, its quote marks doubled (RFC 4180). */
static void
put_quoted(struct buf *out, const char *f)
{
	buf_addc(out, '"');
	for (; *f; f++) {
		if (*f == '"')
			buf_addc(out, '"');
		buf_addc(out, *f);
	}
	buf_addc(out, '"');
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
			buf_addc(&out, ',');
			put_quoted(&out, csv.rows[r][c]);
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

/* Runs args as tu_run() does, but with at most `nofile` open files (soft
 * and hard limit, so the merge cannot ask for more), in a child process so
 * that the limit stays out of the test; stderr goes to err_path. Returns
 * the exit status. */
static int
run_limited(const char *const *args, rlim_t nofile, const char *err_path)
{
	int status = 0;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { nofile, nofile };
		struct buf err = BUF_INIT;
		int rc;

		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			_exit(126);
		rc = tu_run(args, NULL, NULL, &err);
		_exit(tu_write(err_path, err.p, err.len) ? 125 : rc);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* Rewrites text file `path` with `text`. */
static void
put_text(const char *path, const char *text)
{
	assert_int_equal(tu_write(path, text, strlen(text)), 0);
}

static void
test_streamed_equals_stored(void **state)
{
	static const char *const names[] = { "a.txt", "b.txt", "c.txt" };
	char *dir = tu_tmpdir();
	char *in = fileio_join(dir, "in"), *ea = fileio_join(dir, "e1");
	char *eb = fileio_join(dir, "e2");
	char *m1 = fileio_join(dir, "m1"), *m2 = fileio_join(dir, "m2");
	char *part[6], *src[3];
	struct buf e1 = BUF_INIT, e2 = BUF_INIT;
	size_t i;

	(void)state;
	assert_int_equal(mkdir(in, 0755), 0);
	for (i = 0; i < 3; i++)
		src[i] = fileio_join(in, names[i]);
	/* Six partials of the same three files, edited between the runs:
	 * ids shared, texts (digests) differing, so that conflicts are named
	 * and winners chosen. */
	for (i = 0; i < 6; i++) {
		char name[8];
		const char *args[] = { "analyze", "-q", "--out", NULL, src[0],
				       src[1], src[2], NULL };

		/* One person written two ways (one key): the totals keep
		 * the least form, whichever way they are added up. */
		put_text(src[0], i % 2 ? "Actor Jane Doe said intimacy "
			 "coordinators are essential, and director "
			 "H\xC3\xA9l\xC3\xA8ne Varga agreed.\n" : "Director John Roe "
			 "slammed intimacy coordinators as a fad.\n");
		put_text(src[1], i % 3 ? "Producer Ann Lee praised the "
			 "intimacy coordinator on set, as did director Helene "
			 "Varga.\n" : "Critic Sam Vale called intimacy "
			 "coordinators a waste of money.\n");
		put_text(src[2], "Actor Jane Doe and producer Ann Lee agreed "
			 "that intimacy coordinators help. Doe said so.\n");
		snprintf(name, sizeof(name), "p%zu", i);
		part[i] = fileio_join(dir, name);
		args[3] = part[i];
		run_ok(args);
	}
	{
		const char *args[] = { "merge", "-q", "--out", m1, part[0],
				       part[1], part[2], part[3], part[4],
				       part[5], NULL };

		assert_int_equal(run_limited(args, 4096, ea), 0);
		/* 6 partials of 4 files each do not fit in 64 + a few. */
		args[3] = m2;
		assert_int_equal(run_limited(args, 80, eb), 0);
	}
	same_files(m1, m2);
	{
		char *fig = fileio_join(m1, "figures.csv");
		struct tu_csv csv;

		assert_int_equal(tu_csv_load(fig, &csv), 0);
		assert_true(tu_csv_find(&csv, "figure", "Helene Varga") >= 0);
		assert_true(tu_csv_find(&csv, "figure",
					"H\xC3\xA9l\xC3\xA8ne Varga") < 0);
		tu_csv_free(&csv);
		free(fig);
	}
	assert_int_equal(fileio_read(ea, &e1, NULL), 0);
	assert_int_equal(fileio_read(eb, &e2, NULL), 0);
	assert_non_null(strstr(e1.p, "differs between"));
	assert_string_equal(e1.p, e2.p);
	tu_rmrf(dir);
	for (i = 0; i < 6; i++)
		free(part[i]);
	for (i = 0; i < 3; i++)
		free(src[i]);
	buf_release(&e1);
	buf_release(&e2);
	free(dir); free(in); free(ea); free(eb); free(m1); free(m2);
}

/* Writes csv back to path, every field quoted. */
static void
write_csv(const char *path, const struct tu_csv *csv)
{
	struct buf out = BUF_INIT;
	size_t r, c;

	for (r = 0; r <= csv->nrows; r++) {
		for (c = 0; c < csv->ncols; c++) {
			if (c)
				buf_addc(&out, ',');
			put_quoted(&out, csv->rows[r][c]);
		}
		buf_adds(&out, "\r\n");
	}
	assert_int_equal(tu_write(path, out.p, out.len), 0);
	buf_release(&out);
}

/* Sets column `col` of data row r (from 0) of a loaded CSV file. */
static void
set_cell(struct tu_csv *csv, size_t r, const char *col, const char *value)
{
	int c = tu_csv_col(csv, col);

	assert_true(c >= 0 && r < csv->nrows);
	free(csv->rows[r + 1][c]);
	csv->rows[r + 1][c] = strdup(value);
}

static void
test_timeline_periods(void **state)
{
	/* published, captured, and the period the article counts in: the
	 * first seven characters of the date, else of the capture time. */
	static const char *const cases[][3] = {
		{ "2023-11-05T10:00:00Z", "2025-01-01T00:00:00Z", "2023-11" },
		{ "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xE5\xB9\xB4"
		  "\xEF\xBC\x95\xE6\x9C\x88\xEF\xBC\x91\xE6\x97\xA5", "",
		  "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94\xE5\xB9\xB4"
		  "\xEF\xBC\x95\xE6\x9C\x88" },
		{ "May 2", "2022-01-09T08:00:00Z", "2022-01" },
		{ "", "", "unknown" },
	};
	char *dir = tu_tmpdir();
	char *a[NSAMPLES];
	char *p = fileio_join(dir, "p"), *m = fileio_join(dir, "m");
	char *m2 = fileio_join(dir, "m2"), *e = fileio_join(dir, "err");
	char *arts = fileio_join(p, "articles.csv");
	char *tl = fileio_join(m, "timeline.csv");
	struct tu_csv csv;
	size_t i, j;

	(void)state;
	sample_paths(a);
	{
		const char *args[] = { "analyze", "-q", "--out", p, a[0], a[1],
				       a[2], a[3], NULL };
		run_ok(args);
	}
	assert_int_equal(tu_csv_load(arts, &csv), 0);
	assert_int_equal(csv.nrows, 4);
	for (i = 0; i < 4; i++) {
		set_cell(&csv, i, "published", cases[i][0]);
		set_cell(&csv, i, "captured", cases[i][1]);
	}
	write_csv(arts, &csv);
	tu_csv_free(&csv);
	{
		const char *args[] = { "merge", "-q", "--out", m, p, NULL };
		run_ok(args);
	}
	/* Every article names people, so each period has rows. */
	assert_int_equal(tu_csv_load(tl, &csv), 0);
	for (i = 0; i < 4; i++) {
		for (j = 0; j < csv.nrows; j++)
			if (strcmp(tu_csv_get(&csv, j, "period"),
				   cases[i][2]) == 0)
				break;
		if (j == csv.nrows)
			fail_msg("no timeline row for period '%s'",
				 cases[i][2]);
	}
	for (j = 0; j < csv.nrows; j++) {
		const char *per = tu_csv_get(&csv, j, "period");

		for (i = 0; i < 4 && strcmp(per, cases[i][2]) != 0; i++)
			;
		if (i == 4)
			fail_msg("unexpected period '%s'", per);
	}
	tu_csv_free(&csv);
	/* Read into the database (two partials over the open files
	 * allowed), the same periods and bytes. */
	{
		const char *args[] = { "merge", "-q", "--out", m2, p, p, p,
				       p, NULL };

		assert_int_equal(run_limited(args, 70, e), 0);
	}
	same_files(m, m2);
	tu_rmrf(dir);
	free(dir); free_paths(a);
	free(p);
	free(m); free(m2); free(e); free(arts); free(tl);
}

/* A bad row in the second of two partials: the message names that
 * partial, its file and line, and nothing is written. */
static void
test_bad_second_partial(void **state)
{
	char *dir = tu_tmpdir();
	char *s = tu_src("data/samples");
	char *a1 = fileio_join(s, "01-harbour-lights-pro.txt");
	char *a2 = fileio_join(s, "03-panel-mixed.txt");
	char *p1 = fileio_join(dir, "p1"), *p2 = fileio_join(dir, "p2");
	char *out = fileio_join(dir, "out");
	char *q = fileio_join(p2, "quotes.csv");
	struct tu_csv csv;
	struct buf err = BUF_INIT, want = BUF_INIT;

	(void)state;
	{
		const char *args[] = { "analyze", "-q", "--out", p1, a1, NULL };
		run_ok(args);
	}
	{
		const char *args[] = { "analyze", "-q", "--out", p2, a2, NULL };
		run_ok(args);
	}
	assert_int_equal(tu_csv_load(q, &csv), 0);
	assert_true(csv.nrows >= 2);
	set_cell(&csv, 1, "start", "12a");
	write_csv(q, &csv);
	tu_csv_free(&csv);
	{
		const char *args[] = { "merge", "--out", out, p1, p2, NULL };

		assert_int_equal(tu_run(args, NULL, NULL, &err), 1);
	}
	buf_addf(&want, "cannot merge partial '%s': %s:3:", p2, q);
	if (!strstr(err.p, want.p))
		fail_msg("'%s' not in: %s", want.p, err.p);
	assert_non_null(strstr(err.p, "bad value in column 'start'"));
	assert_int_equal(tu_count_entries(out), 0);
	tu_rmrf(dir);
	buf_release(&err);
	buf_release(&want);
	free(dir); free(s); free(a1); free(a2); free(p1); free(p2); free(out);
	free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_equals_single_run),
		cmocka_unit_test(test_columns_by_name),
		cmocka_unit_test(test_bad_partial),
		cmocka_unit_test(test_streamed_equals_stored),
		cmocka_unit_test(test_timeline_periods),
		cmocka_unit_test(test_bad_second_partial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
