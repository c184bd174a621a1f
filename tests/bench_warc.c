/* bench_warc.c -- WARC writer and reader throughput, for
 * scripts/bench_warc.sh (not a test: prints figures, asserts nothing).
 *
 * usage: bench_warc DIR COUNT BODY_KB LEVEL [WORKERS]
 * Writes COUNT captures of ~BODY_KB KiB of HTML-like text at zlib LEVEL
 * into DIR (rotating at 100 MB), then reads every file back. With
 * WORKERS, the captures go through the crawler's writer queue
 * (crawler/warcq.h) with that many encoding threads, as in a crawl (wall
 * time then says how far the encoding spreads over the cores).
 */
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/gz.h"
#include "crawler/base/log.h"
#include "crawler/base/warc.h"
#include "crawler/warcq.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define NBODIES 64
#define QJOBS 256 /* jobs out in the queue at most */

/* CPU time of this process: the machine is shared, so wall time would
 * mostly measure the neighbours. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Text with a skewed vocabulary, so that it compresses like prose. */
static void
make_body(struct buf *b, unsigned int seed, size_t size)
{
	static char vocab[512][12];
	static int ready;
	unsigned int x = seed * 2654435761u + 1, i, k, len;

	if (!ready) {
		unsigned int y = 7;

		for (i = 0; i < 512; i++) {
			y = y * 1103515245u + 12345u;
			len = 2 + (y >> 16) % 9;
			for (k = 0; k < len; k++) {
				y = y * 1103515245u + 12345u;
				vocab[i][k] = (char)('a' + (y >> 16) % 26);
			}
			vocab[i][len] = '\0';
		}
		ready = 1;
	}
	buf_reset(b);
	buf_addf(b, "<!doctype html><html><head><title>Story %u</title>"
		 "</head><body><article><p>", seed);
	for (k = 0; b->len < size; k++) {
		unsigned int a, c;

		x = x * 1103515245u + 12345u;
		a = (x >> 8) % 512;
		c = (x >> 20) % 512;
		buf_adds(b, vocab[a * c / 512]);
		buf_adds(b, k % 40 == 39 ? "</p>\n<p>" : " ");
	}
	buf_adds(b, "</p></article></body></html>\n");
}

int
main(int argc, char **argv)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	struct buf err = BUF_INIT, uri = BUF_INIT, bodies[NBODIES];
	struct warc_writer_opts o = { NULL, "bench", 100000000ULL, 1,
				      "bench" };
	struct warc_writer *w;
	struct warc_capture c;
	struct warc_reader *r;
	struct warc_record rec;
	uint64_t count, kb, level;
	unsigned long long in_bytes = 0, out_bytes = 0, rd_bytes = 0;
	unsigned long records = 0, i;
	char **paths = NULL;
	size_t n = 0, f;
	struct stat st;
	double t0, tw, tr, w0, ww, wr;
	static const char head[] = "HTTP/1.1 200 OK\r\n"
		"Content-Type: text/html; charset=utf-8\r\n\r\n";
	static const char req[] = "GET / HTTP/1.1\r\nHost: bench.example\r\n\r\n";

	static struct warcq_job jobs[QJOBS];
	static struct buf uris[QJOBS];
	struct warcq *q = NULL;
	uint64_t workers = 0;
	unsigned long out_jobs = 0;

	if ((argc != 5 && argc != 6) ||
	    cli_parse_uint(argv[2], 1000000, &count) ||
	    cli_parse_uint(argv[3], 100000, &kb) ||
	    cli_parse_uint(argv[4], 9, &level) || level < 1 ||
	    (argc == 6 && (cli_parse_uint(argv[5], 4, &workers) ||
			   workers < 1))) {
		log_error("usage: bench_warc DIR COUNT BODY_KB LEVEL [WORKERS]");
		return PT_EXIT_USAGE;
	}
	o.dir = argv[1];
	o.level = (int)level;
	w = warc_writer_new(&o, &err);
	if (!w) {
		log_error("%s", err.p);
		return PT_EXIT_FAIL;
	}
	/* Bodies are made before the clock starts. */
	for (i = 0; i < NBODIES; i++) {
		buf_init(&bodies[i], 0);
		make_body(&bodies[i], (unsigned int)i, (size_t)kb * 1024);
	}
	if (workers) {
		q = warcq_new(w, (int)workers, NULL, NULL, &err);
		if (!q) {
			log_error("%s", err.p);
			return PT_EXIT_FAIL;
		}
		for (i = 0; i < QJOBS; i++) {
			warcq_job_init(&jobs[i]);
			buf_init(&uris[i], 0);
		}
	}
	t0 = now();
	w0 = wall();
	for (i = 0; q && i < count; i++) {
		const struct buf *body = &bodies[i % NBODIES];
		struct warcq_job *j = &jobs[i % QJOBS], *l;
		struct buf *u = &uris[i % QJOBS];

		/* Slot i % QJOBS is free once QJOBS jobs are out: the
		 * queue gives jobs back in order. */
		while (out_jobs == QJOBS) {
			for (l = warcq_take(q, 1); l; l = l->next, out_jobs--)
				if (l->rc) {
					log_error("%s", l->err.p);
					return PT_EXIT_FAIL;
				}
		}
		buf_reset(u);
		buf_addf(u, "https://bench.example/story/%lu", i);
		memset(&j->cap, 0, sizeof(j->cap));
		j->cap.uri = u->p;
		j->cap.req_head = req;
		j->cap.req_head_len = sizeof(req) - 1;
		j->cap.resp_head = head;
		j->cap.resp_head_len = sizeof(head) - 1;
		j->cap.body = body->p;
		j->cap.body_len = body->len;
		warcq_push(q, j);
		out_jobs++;
		in_bytes += body->len + sizeof(head) - 1 + sizeof(req) - 1;
	}
	if (q) {
		struct warcq_job *l;

		while (warcq_pending(q))
			for (l = warcq_take(q, 1); l; l = l->next)
				if (l->rc) {
					log_error("%s", l->err.p);
					return PT_EXIT_FAIL;
				}
		warcq_free(q);
		for (i = 0; i < QJOBS; i++) {
			warcq_job_release(&jobs[i]);
			buf_release(&uris[i]);
		}
	}
	for (i = 0; !q && i < count; i++) {
		const struct buf *body = &bodies[i % NBODIES];

		buf_reset(&uri);
		buf_addf(&uri, "https://bench.example/story/%lu", i);
		memset(&c, 0, sizeof(c));
		c.uri = uri.p;
		c.req_head = req;
		c.req_head_len = sizeof(req) - 1;
		c.resp_head = head;
		c.resp_head_len = sizeof(head) - 1;
		c.body = body->p;
		c.body_len = body->len;
		if (warc_writer_capture(w, &c, NULL, &err)) {
			log_error("%s", err.p);
			return PT_EXIT_FAIL;
		}
		in_bytes += body->len + sizeof(head) - 1 + sizeof(req) - 1;
	}
	if (warc_writer_close(w, &err)) {
		log_error("%s", err.p);
		return PT_EXIT_FAIL;
	}
	warc_writer_free(w);
	tw = now() - t0;
	ww = wall() - w0;
	if (fileio_list(argv[1], exts, &paths, &n, &err)) {
		log_error("%s", err.p);
		return PT_EXIT_FAIL;
	}
	for (f = 0; f < n; f++)
		if (stat(paths[f], &st) == 0)
			out_bytes += (unsigned long long)st.st_size;
	t0 = now();
	w0 = wall();
	for (f = 0; f < n; f++) {
		r = warc_reader_open(paths[f], &err);
		if (!r)
			return PT_EXIT_FAIL;
		while (warc_reader_next(r, &rec, &err) != 0) {
			rd_bytes += rec.block_len;
			records++;
		}
		warc_reader_free(r);
	}
	tr = now() - t0;
	wr = wall() - w0;
	printf("level %lu (%s%s%s): %lu captures, %.1f MB in, %.1f MB out "
	       "(%.2fx), %zu files\n", (unsigned long)level, gz_backend(),
	       q ? ", writer queue, workers: " : "",
	       q ? argv[5] : "",
	       (unsigned long)count,
	       in_bytes / 1e6, out_bytes / 1e6,
	       (double)in_bytes / (double)out_bytes, n);
	printf("  write: %.1f MB/s of CPU time (uncompressed), %.0f records/s, %.0f "
	       "captures/s; wall %.2f s\n", in_bytes / 1e6 / tw,
	       2.0 * count / tw, count / tw, ww);
	printf("  read:  %.1f MB/s of CPU time (uncompressed blocks, digests checked), "
	       "%.0f records/s; wall %.2f s\n", rd_bytes / 1e6 / tr, records / tr,
	       wr);
	fileio_list_free(paths, n);
	buf_release(&err);
	for (i = 0; i < NBODIES; i++)
		buf_release(&bodies[i]);
	buf_release(&uri);
	return PT_EXIT_OK;
}
