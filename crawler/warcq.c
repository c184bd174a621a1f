/* warcq.c -- a WARC writer on its own thread (see warcq.h).
 *
 * Two FIFO lists under one mutex: `todo` (pushed by the crawl thread,
 * taken by the writer) and `done` (appended by the writer, taken by the
 * crawl thread). The writer takes a job out of `todo`, writes it without
 * the lock held and then appends it to `done`; the lock is held only to
 * move list heads, so neither thread waits on the other's work.
 */
#include "crawler/warcq.h"

#include "crawler/base/err.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct warcq {
	struct warc_writer *w;       /* used by the writer thread only */
	void (*wake)(void *ctx);     /* called after each finished job */
	void *ctx;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t todo_cv;      /* todo not empty, or stop */
	pthread_cond_t done_cv;      /* done not empty */
	struct warcq_job *todo, **todo_tail;
	struct warcq_job *done, **done_tail;
	int stop;                    /* no more pushes: finish and exit */
	int failed;                  /* a write failed: write nothing more */
	unsigned long pending;       /* crawl thread only: pushed - taken */
};

void
warcq_job_init(struct warcq_job *j)
{
	memset(j, 0, sizeof(*j));
	buf_init(&j->path, 0);
	buf_init(&j->err, 0);
}

void
warcq_job_release(struct warcq_job *j)
{
	buf_release(&j->path);
	buf_release(&j->err);
}

static void
write_job(struct warcq *q, struct warcq_job *j)
{
	buf_reset(&j->path);
	buf_reset(&j->err);
	memset(&j->out, 0, sizeof(j->out));
	if (q->failed) {
		j->rc = q->failed;
		return;
	}
	j->rc = warc_writer_capture(q->w, &j->cap, &j->out, &j->err);
	if (j->rc) {
		q->failed = j->rc;
		return;
	}
	buf_adds(&j->path, j->out.path);
	j->out.path = j->path.p;
}

static void *
writer_main(void *arg)
{
	struct warcq *q = arg;
	struct warcq_job *j;

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
		pthread_mutex_unlock(&q->mu);

		j->next = NULL;
		write_job(q, j);

		pthread_mutex_lock(&q->mu);
		*q->done_tail = j;
		q->done_tail = &j->next;
		pthread_cond_signal(&q->done_cv);
		/* A wake when the writer runs out of work, not for each
		 * job: the crawl thread takes the list whole each turn of
		 * its loop anyway (a busy one needs no wake), and one that
		 * waits for a capture waits on done_cv. */
		if (q->wake && !q->todo) {
			/* Outside the lock: the callback may take its own. */
			pthread_mutex_unlock(&q->mu);
			q->wake(q->ctx);
			pthread_mutex_lock(&q->mu);
		}
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

struct warcq *
warcq_new(struct warc_writer *w, void (*wake)(void *ctx), void *ctx,
	  struct buf *err)
{
	struct warcq *q = pt_xcalloc(1, sizeof(*q));
	int e;

	q->w = w;
	q->wake = wake;
	q->ctx = ctx;
	q->todo_tail = &q->todo;
	q->done_tail = &q->done;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->todo_cv, NULL);
	pthread_cond_init(&q->done_cv, NULL);
	e = pthread_create(&q->thread, NULL, writer_main, q);
	if (e) {
		if (err)
			buf_addf(err, "cannot start the WARC writer thread: %s",
				 strerror(e));
		pthread_cond_destroy(&q->todo_cv);
		pthread_cond_destroy(&q->done_cv);
		pthread_mutex_destroy(&q->mu);
		free(q);
		return NULL;
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
	while (wait && !q->done)
		pthread_cond_wait(&q->done_cv, &q->mu);
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

void
warcq_free(struct warcq *q)
{
	if (!q)
		return;
	pthread_mutex_lock(&q->mu);
	q->stop = 1;
	pthread_cond_signal(&q->todo_cv);
	pthread_mutex_unlock(&q->mu);
	pthread_join(q->thread, NULL);
	pthread_cond_destroy(&q->todo_cv);
	pthread_cond_destroy(&q->done_cv);
	pthread_mutex_destroy(&q->mu);
	free(q);
}
