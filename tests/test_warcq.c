/* test_warcq.c -- the WARC writer queue with several encoding workers:
 * captures come back in the order they were pushed, with the file and
 * offset their records were written at, and the files read back in that
 * order, each record naming its own file's warcinfo record (also across
 * rotations, where records encoded for the file before are encoded
 * again), with both digests right. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/warc.h"
#include "crawler/warcq.h"
#include "tests/testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NJOBS 300

struct item {
	struct warcq_job j;
	char uri[64];
	char head[128];
	struct buf body;
};

/* A body of its own for job i, from 200 bytes to about 20 KB, so that
 * the workers finish out of order. */
static void
make_item(struct item *it, int i)
{
	int k, n = 200 + (i * 7919) % 20000;

	warcq_job_init(&it->j);
	buf_init(&it->body, 0);
	snprintf(it->uri, sizeof(it->uri), "http://example.com/page/%d", i);
	for (k = 0; (int)it->body.len < n; k++)
		buf_addf(&it->body, "<p>page %d paragraph %d of words</p>\n",
			 i, k);
	snprintf(it->head, sizeof(it->head),
		 "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n",
		 it->body.len);
	it->j.cap.uri = it->uri;
	it->j.cap.resp_head = it->head;
	it->j.cap.resp_head_len = strlen(it->head);
	it->j.cap.body = it->body.p;
	it->j.cap.body_len = it->body.len;
	it->j.cap.req_head = "GET / HTTP/1.1\r\n\r\n";
	it->j.cap.req_head_len = 18;
	it->j.ud = it;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the .warc.gz files of dir in name order (the order they were
 * written); checks each response against items, in push order. */
static void
check_files(const char *dir, struct item *items, int n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char *names[256];
	size_t nn = 0, f;
	int next = 0;
	struct buf err = BUF_INIT;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strstr(de->d_name, ".warc.gz") && nn < 256) {
			struct buf p = BUF_INIT;

			buf_addf(&p, "%s/%s", dir, de->d_name);
			names[nn++] = p.p;
		}
	closedir(d);
	qsort(names, nn, sizeof(names[0]), cmp_str);
	assert_true(nn > 2); /* the queue rotated */
	for (f = 0; f < nn; f++) {
		struct warc_reader *r = warc_reader_open(names[f], &err);
		struct warc_record rec;
		char winfo[64] = "";
		int rc;

		assert_non_null(r);
		while ((rc = warc_reader_next(r, &rec, &err)) == 1) {
			const char *wi = warc_reader_header(r,
							    "WARC-Warcinfo-ID");

			if (strcmp(rec.type, "warcinfo") == 0) {
				snprintf(winfo, sizeof(winfo), "%s",
					 rec.record_id);
				continue;
			}
			assert_non_null(wi);
			assert_string_equal(wi, winfo);
			assert_int_equal(rec.block_digest_ok, WARC_DIGEST_OK);
			if (strcmp(rec.type, "response") != 0)
				continue;
			assert_true(next < n);
			assert_string_equal(rec.target_uri, items[next].uri);
			assert_int_equal(rec.payload_digest_ok, WARC_DIGEST_OK);
			assert_int_equal(rec.payload_len, items[next].body.len);
			assert_string_equal(items[next].j.out.path, names[f]);
			assert_int_equal(rec.offset, items[next].j.out.offset);
			assert_string_equal(rec.record_id,
					    items[next].j.out.record_id);
			next++;
		}
		assert_int_equal(rc, 0);
		warc_reader_free(r);
		free(names[f]);
	}
	assert_int_equal(next, n);
	buf_release(&err);
}

static void
run_queue(int workers)
{
	struct warc_writer_opts o;
	struct warc_writer *w;
	struct warcq *q;
	struct item *items = calloc(NJOBS, sizeof(*items));
	struct buf err = BUF_INIT;
	char *dir = tu_tmpdir();
	int i, back = 0;

	memset(&o, 0, sizeof(o));
	o.dir = dir;
	o.prefix = "pt";
	o.max_size = 200 * 1024; /* rotations while jobs are in flight */
	w = warc_writer_new(&o, &err);
	assert_non_null(w);
	q = warcq_new(w, workers, NULL, NULL, &err);
	assert_non_null(q);
	assert_int_equal(warcq_workers(q), workers);
	for (i = 0; i < NJOBS; i++) {
		make_item(&items[i], i);
		warcq_push(q, &items[i].j);
	}
	while (back < NJOBS) {
		struct warcq_job *l = warcq_take(q, 1);
		struct stat sb;

		assert_non_null(l);
		for (; l; l = l->next) {
			/* In push order. */
			assert_ptr_equal(l->ud, &items[back]);
			assert_int_equal(l->rc, 0);
			assert_false(l->out.revisit);
			/* Back only once its records are in the file (they
			 * are written several at a time). */
			assert_int_equal(stat(l->out.path, &sb), 0);
			assert_true((unsigned long long)sb.st_size >
				    l->out.offset);
			back++;
		}
	}
	assert_int_equal(warcq_pending(q), 0);
	assert_null(warcq_take(q, 1));
	warcq_free(q);
	assert_int_equal(warc_writer_close(w, &err), 0);
	warc_writer_free(w);
	check_files(dir, items, NJOBS);
	for (i = 0; i < NJOBS; i++) {
		warcq_job_release(&items[i].j);
		buf_release(&items[i].body);
	}
	free(items);
	tu_rmrf(dir);
	free(dir);
	buf_release(&err);
}

static void
test_one_worker(void **state)
{
	(void)state;
	run_queue(1);
}

static void
test_two_workers(void **state)
{
	(void)state;
	run_queue(2);
}

static void
test_four_workers(void **state)
{
	(void)state;
	run_queue(4);
}

/* Many short runs: a worker finishing a job while another writes the
 * ones before it must not leave that job unwritten (which hung the
 * crawl: every worker idle, the job never back). */
static void
test_rounds(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < 15; i++) {
		run_queue(2);
		run_queue(4);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_worker),
		cmocka_unit_test(test_two_workers),
		cmocka_unit_test(test_four_workers),
		cmocka_unit_test(test_rounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
