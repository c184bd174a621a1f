/* warcq.c -- WARC records encoded on worker threads, appended in order
 * (see warcq.h).
 *
 * Three FIFO lists under one mutex: `todo` (pushed by the crawl thread),
 * `busy` (taken by a worker, being encoded or encoded and waiting for the
 * ones before it) and `done` (appended, for the crawl thread to take).
 * A worker takes the oldest job of `todo`, moving it to the tail of
 * `busy`, so `busy` keeps the order of the pushes; it encodes the job
 * without the lock held (digests, ids, compression, with an encoder of
 * its own) and marks it encoded. Then, unless another worker is
 * appending, it places every encoded job at the head of `busy` in the
 * file's next write (warc_writer_put_later()), one after the other, on
 * the `unflushed` list; when that write is due (flush_due(): 256 KB or 32
 * jobs placed, nothing left to encode, or the crawl thread waiting) it
 * writes them with one writev(2) and moves them to `done`. So a job is
 * done only once its records are in the file, and a busy crawl writes
 * 200-400 KB at a time instead of one 13 KB record (the kernel's cost per
 * record was about 8 us, and 3 to 4 in the larger writes), while a slow
 * one still writes each record as soon as it is encoded. The lock is held
 * only to move list heads, so encoding runs on every worker at once while
 * the file gets the captures in the order they were pushed.
 */
#include "crawler/warcq.h"

#include "crawler/base/err.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WORKERS_MAX 4 /* encoding threads at most (one per core) */
#define FLUSH_BYTES (256u * 1024) /* records written at once, at most */
#define FLUSH_JOBS 32u

struct warcq {
	struct warc_writer *w;       /* used by the appending worker only */
	void (*wake)(void *ctx);     /* called when the workers run out of
					work */
	void *ctx;
	pthread_t thread[WORKERS_MAX];
	struct warc_enc *enc[WORKERS_MAX]; /* one per worker */
	int nworkers;
	pthread_mutex_t mu;
	pthread_cond_t todo_cv;      /* todo not empty, or stop */
	pthread_cond_t done_cv;      /* done not empty */
	struct warcq_job *todo, **todo_tail;
	struct warcq_job *busy, **busy_tail;
	struct warcq_job *done, **done_tail;
	char winfo[48];              /* warcinfo id of the file being
					written (under mu) */
	int appending;               /* a worker is appending (under mu) */
	/* Jobs placed in the file's next write, not yet written (appending
	 * worker only; see flush_due()). */
	struct warcq_job *unflushed, **unflushed_tail;
	unsigned nunflushed;
	int waiting;                 /* the crawl thread waits in
					warcq_take() (under mu) */
	int stop;                    /* no more pushes: finish and exit */
	int failed;                  /* an append failed: write nothing more
					(appending worker only) */
	unsigned long pending;       /* crawl thread only: pushed - taken */
};

struct worker {
	struct warcq *q;
	int i;                       /* its encoder: q->enc[i] */
};

void
warcq_job_init(struct warcq_job *j)
{
	memset(j, 0, sizeof(*j));
	buf_init(&j->path, 0);
	buf_init(&j->err, 0);
	warc_encoded_init(&j->x);
}

void
warcq_job_release(struct warcq_job *j)
{
	buf_release(&j->path);
	buf_release(&j->err);
	warc_encoded_release(&j->x);
}

/* Moves the unflushed jobs to done (lock held). */
static void
unflushed_done(struct warcq *q)
{
	if (!q->unflushed)
		return;
	*q->done_tail = q->unflushed;
	q->done_tail = q->unflushed_tail;
	q->unflushed = NULL;
	q->unflushed_tail = &q->unflushed;
	q->nunflushed = 0;
	pthread_cond_signal(&q->done_cv);
}

/* Writes the records of the unflushed jobs (the appending worker, lock
 * not held) and moves the jobs to done. A failed write fails each of
 * them (the first carries the message) and every later job. */
static void
flush_jobs(struct warcq *q)
{
	struct warcq_job *j, *first = NULL;
	int rc = 0;

	for (j = q->unflushed; j && !first; j = j->next)
		if (j->rc == 0)
			first = j;
	if (first && !q->failed)
		rc = warc_writer_flush(q->w, &first->err);
	for (j = q->unflushed; j; j = j->next) {
		buf_reset(&j->x.data); /* written: the bytes are not needed */
		if (rc && j->rc == 0) {
			j->rc = rc;
			memset(&j->out, 0, sizeof(j->out));
		}
	}
	if (rc && !q->failed)
		q->failed = rc;
	pthread_mutex_lock(&q->mu);
	unflushed_done(q);
	pthread_mutex_unlock(&q->mu);
}

/* Places encoded job j after the unflushed ones (the appending worker,
 * lock not held): its records are written by the next flush_jobs(). The
 * jobs before a rotation, or before a job that fails, are flushed
 * first. */
static void
place_job(struct warcq *q, struct warc_enc *e, struct warcq_job *j)
{
	if (q->unflushed && !q->failed &&
	    (j->rc || warc_writer_full(q->w)))
		flush_jobs(q);
	if (q->failed) {
		buf_reset(&j->err);
		j->rc = q->failed;
	} else if (j->rc == 0) {
		j->rc = warc_writer_put_later(q->w, e, &j->cap, &j->x, &j->out,
					      &j->err);
	}
	if (j->rc) {
		buf_reset(&j->x.data);
		memset(&j->out, 0, sizeof(j->out));
		if (!q->failed)
			q->failed = j->rc;
	} else {
		buf_adds(&j->path, j->out.path);
		j->out.path = j->path.p;
	}
	j->next = NULL;
	*q->unflushed_tail = j;
	q->unflushed_tail = &j->next;
	q->nunflushed++;
}

/* 1 when the unflushed jobs are to be written now (lock held): enough
 * bytes for one large write, nothing left to encode (the queue is idle,
 * or stopping), a failure to report, or the crawl thread waiting. */
static int
flush_due(const struct warcq *q)
{
	return q->unflushed &&
	       (q->failed || q->stop || q->waiting || (!q->todo && !q->busy) ||
		q->nunflushed >= FLUSH_JOBS ||
		warc_writer_pending(q->w) >= FLUSH_BYTES);
}

/* Places the encoded jobs at the head of busy and flushes when due (lock
 * held on entry and exit; the caller has set q->appending). */
static void
append_ready(struct warcq *q, struct warc_enc *e)
{
	struct warcq_job *j;

	for (;;) {
		while ((j = q->busy) && j->encoded) {
			q->busy = j->next;
			if (!q->busy)
				q->busy_tail = &q->busy;
			pthread_mutex_unlock(&q->mu);

			place_job(q, e, j);

			pthread_mutex_lock(&q->mu);
			if (!q->failed)
				memcpy(q->winfo, warc_writer_warcinfo_id(q->w),
				       sizeof(q->winfo));
		}
		if (!flush_due(q))
			break;
		pthread_mutex_unlock(&q->mu);
		flush_jobs(q);
		pthread_mutex_lock(&q->mu);
		/* A job encoded meanwhile saw q->appending and left it to
		 * us: look again before giving up the role. */
	}
}

static void *
worker_main(void *arg)
{
	struct worker *wk = arg;
	struct warcq *q = wk->q;
	struct warc_enc *e = q->enc[wk->i];
	struct warcq_job *j;
	char winfo[48];

	free(wk);
	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (!q->todo && !q->stop)
			pthread_cond_wait(&q->todo_cv, &q->mu);
		if (!q->todo)
			break; /* stopped and nothing left */
		j = q->todo;
		q->todo = j->next;
		if (!q->todo)
			q->todo_tail = &q->todo;
		j->next = NULL;
		j->encoded = 0;
		*q->busy_tail = j;
		q->busy_tail = &j->next;
		memcpy(winfo, q->winfo, sizeof(winfo));
		pthread_mutex_unlock(&q->mu);

		buf_reset(&j->path);
		buf_reset(&j->err);
		memset(&j->out, 0, sizeof(j->out));
		j->rc = warc_enc_capture(e, winfo, &j->cap, &j->x, &j->err);

		pthread_mutex_lock(&q->mu);
		j->encoded = 1;
		if (q->appending)
			continue; /* the appending worker sees it */
		q->appending = 1;
		append_ready(q, e);
		q->appending = 0;
		/* A wake when the workers run out of work, not for each
		 * job: the crawl thread takes the list whole each turn of
		 * its loop anyway (a busy one needs no wake), and one that
		 * waits for a capture waits on done_cv. */
		if (q->wake && !q->todo && !q->busy) {
			/* Outside the lock: the callback may take its own. */
			pthread_mutex_unlock(&q->mu);
			q->wake(q->ctx);
			pthread_mutex_lock(&q->mu);
		}
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Encoding threads: one per online core, at most WORKERS_MAX (the crawl
 * thread and the server share the cores; more threads than cores would
 * only switch more). */
static int
worker_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > WORKERS_MAX ? WORKERS_MAX : (int)n;
}

static void
stop_workers(struct warcq *q)
{
	int i;

	pthread_mutex_lock(&q->mu);
	q->stop = 1;
	pthread_cond_broadcast(&q->todo_cv);
	pthread_mutex_unlock(&q->mu);
	for (i = 0; i < q->nworkers; i++)
		pthread_join(q->thread[i], NULL);
	if (q->unflushed) /* none is left by the workers; to be sure */
		flush_jobs(q);
}

static void
free_queue(struct warcq *q)
{
	int i;

	for (i = 0; i < WORKERS_MAX; i++)
		warc_enc_free(q->enc[i]);
	pthread_cond_destroy(&q->todo_cv);
	pthread_cond_destroy(&q->done_cv);
	pthread_mutex_destroy(&q->mu);
	free(q);
}

struct warcq *
warcq_new(struct warc_writer *w, int workers, void (*wake)(void *ctx),
	  void *ctx, struct buf *err)
{
	struct warcq *q = pt_xcalloc(1, sizeof(*q));
	int i, n = workers > 0 ? workers : worker_count(), e;

	if (n > WORKERS_MAX)
		n = WORKERS_MAX;
	q->w = w;
	q->wake = wake;
	q->ctx = ctx;
	q->todo_tail = &q->todo;
	q->busy_tail = &q->busy;
	q->done_tail = &q->done;
	q->unflushed_tail = &q->unflushed;
	memcpy(q->winfo, warc_writer_warcinfo_id(w), sizeof(q->winfo));
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->todo_cv, NULL);
	pthread_cond_init(&q->done_cv, NULL);
	for (i = 0; i < n; i++) {
		q->enc[i] = warc_enc_new(w);
		if (!q->enc[i]) {
			if (err)
				buf_adds(err, "cannot initialise the WARC "
					 "compressor");
			free_queue(q);
			return NULL;
		}
	}
	for (i = 0; i < n; i++) {
		struct worker *wk = pt_xmalloc(sizeof(*wk));

		wk->q = q;
		wk->i = i;
		e = pthread_create(&q->thread[i], NULL, worker_main, wk);
		if (e) {
			free(wk);
			if (err)
				buf_addf(err, "cannot start a WARC writer "
					 "thread: %s", strerror(e));
			stop_workers(q);
			free_queue(q);
			return NULL;
		}
		q->nworkers++;
	}
	return q;
}

void
warcq_push(struct warcq *q, struct warcq_job *j)
{
	j->next = NULL;
	q->pending++;
	pthread_mutex_lock(&q->mu);
	*q->todo_tail = j;
	q->todo_tail = &j->next;
	pthread_cond_signal(&q->todo_cv);
	pthread_mutex_unlock(&q->mu);
}

struct warcq_job *
warcq_take(struct warcq *q, int wait)
{
	struct warcq_job *list, *j;

	if (!q->pending)
		return NULL;
	pthread_mutex_lock(&q->mu);
	q->waiting = wait;
	while (wait && !q->done)
		pthread_cond_wait(&q->done_cv, &q->mu);
	q->waiting = 0;
	list = q->done;
	q->done = NULL;
	q->done_tail = &q->done;
	pthread_mutex_unlock(&q->mu);
	for (j = list; j; j = j->next)
		q->pending--;
	return list;
}

unsigned long
warcq_pending(const struct warcq *q)
{
	return q->pending;
}

int
warcq_workers(const struct warcq *q)
{
	return q->nworkers;
}

void
warcq_free(struct warcq *q)
{
	if (!q)
		return;
	stop_workers(q);
	free_queue(q);
}
