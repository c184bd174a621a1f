/* test_runs.c -- the external sort: records come back in key order, equal
 * keys in the order they were added, whether they stayed in memory, went
 * to runs on file, or went through a merge of runs into larger ones; and
 * its temporary files are never seen in the directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/dataset/runs.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/sv.h"
#include "tests/testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One record of a test: its key and the order it was added. */
struct item {
	char key[24];
	size_t klen;
	size_t seq;
};

/* The order runs.h promises: bytes, the shorter first, then the order
 * of adding. */
static int
cmp_item(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	size_t n = a->klen < b->klen ? a->klen : b->klen;
	int c = memcmp(a->key, b->key, n);

	if (c)
		return c;
	if (a->klen != b->klen)
		return a->klen < b->klen ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* The record of item seq: its number, then `pad` bytes derived from it,
 * so a record cut or mixed with another's shows. */
static void
make_rec(struct buf *b, size_t seq, size_t pad)
{
	size_t i;

	buf_reset(b);
	buf_addf(b, "%zu:", seq);
	for (i = 0; i < pad; i++)
		buf_addc(b, (char)('a' + (seq + i) % 26));
}

/* Adds n records with keys from a small alphabet (so that keys repeat
 * and some are prefixes of others), reads them back and checks order,
 * keys and records against qsort of the same items. */
static void
sort_and_check(size_t n, size_t budget, size_t pad, size_t min_runs)
{
	char *dir = tu_tmpdir();
	struct runs *r = runs_new(dir, budget);
	struct item *v = calloc(n, sizeof(*v));
	struct buf rec = BUF_INIT, err = BUF_INIT;
	struct sv key, got;
	unsigned long x = 12345;
	size_t i;

	for (i = 0; i < n; i++) {
		size_t j;
		struct sv part;

		x = x * 1103515245 + 12345;
		v[i].klen = 1 + (x >> 16) % 3;
		for (j = 0; j < v[i].klen; j++) {
			x = x * 1103515245 + 12345;
			v[i].key[j] = "abc"[(x >> 16) % 3];
		}
		v[i].seq = i;
		make_rec(&rec, i, pad + i % 7);
		part = sv_make(rec.p, rec.len);
		assert_int_equal(runs_add(r, v[i].key, v[i].klen, &part, 1,
					  &err), 0);
	}
	/* The runs on file are unlinked: nothing in the directory. */
	assert_int_equal(tu_count_entries(dir), 0);
	qsort(v, n, sizeof(*v), cmp_item);
	for (i = 0; i < n; i++) {
		assert_int_equal(runs_next(r, &key, &got, &err), 1);
		assert_int_equal(key.len, v[i].klen);
		assert_memory_equal(key.p, v[i].key, key.len);
		make_rec(&rec, v[i].seq, pad + v[i].seq % 7);
		assert_int_equal(got.len, rec.len);
		assert_memory_equal(got.p, rec.p, rec.len);
	}
	assert_int_equal(runs_next(r, &key, &got, &err), 0);
	assert_int_equal(runs_next(r, &key, &got, &err), 0);
	/* min_runs 0: none at all. */
	if (min_runs)
		assert_true(runs_written(r) >= min_runs);
	else
		assert_int_equal(runs_written(r), 0);
	/* No more adding once reading has begun. */
	assert_int_equal(runs_add(r, "a", 1, NULL, 0, &err), PT_EINVAL);
	runs_free(r);
	assert_int_equal(tu_count_entries(dir), 0);
	assert_string_equal(err.p, "");
	free(v);
	buf_release(&rec);
	buf_release(&err);
	tu_rmrf(dir);
	free(dir);
}

static void
test_in_memory(void **state)
{
	(void)state;
	/* All of it within the budget: no run written. */
	sort_and_check(2000, 64u << 20, 10, 0);
}

static void
test_runs_on_file(void **state)
{
	(void)state;
	/* About 100 records a run. */
	sort_and_check(5000, 4096, 20, 40);
}

static void
test_runs_merged(void **state)
{
	(void)state;
	/* One record a run: RUNS_FANIN runs are merged into one, twice,
	 * and the final merge reads those with the runs left over. */
	sort_and_check(2 * RUNS_FANIN + 100, 1, 30, 2 * RUNS_FANIN + 100);
}

static void
test_large_records(void **state)
{
	(void)state;
	/* Records far larger than the budget and than a read. */
	sort_and_check(40, 1024, 100000, 40);
}

static void
test_empty(void **state)
{
	char *dir = tu_tmpdir();
	struct runs *r = runs_new(dir, 1024);
	struct sv key, rec;

	(void)state;
	assert_int_equal(runs_next(r, &key, &rec, NULL), 0);
	runs_free(r);
	runs_free(NULL);
	tu_rmrf(dir);
	free(dir);
}

static void
test_unwritable_dir(void **state)
{
	struct runs *r = runs_new("/nonexistent/dir", 1);
	struct buf err = BUF_INIT;
	struct sv part = sv_make("xyz", 3);

	(void)state;
	/* The first record stays in memory; the second needs a run. */
	assert_int_equal(runs_add(r, "a", 1, &part, 1, &err), 0);
	assert_int_equal(runs_add(r, "b", 1, &part, 1, &err), PT_EIO);
	assert_non_null(strstr(err.p, "cannot create the sort file in "
			       "'/nonexistent/dir'"));
	runs_free(r);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_memory),
		cmocka_unit_test(test_runs_on_file),
		cmocka_unit_test(test_runs_merged),
		cmocka_unit_test(test_large_records),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_unwritable_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
