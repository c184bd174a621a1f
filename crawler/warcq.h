/* warcq.h -- a WARC writer on threads of its own: the crawl loop hands
 * over captures, worker threads (one per core, at most 4) encode them at
 * once (digests, compression: warc_enc_capture()) and append them to the
 * file in the order they were pushed (warc_writer_put_later(), several in
 * one write when the crawl is busy: see warcq.c), and each comes
 * back, in order, with what was written, so that the crawl records a
 * fetch in its database only after its WARC record is complete on disk.
 *
 * The caller owns the jobs and everything a job's capture points to; a
 * job must stay untouched from warcq_push() until warcq_take() returns
 * it. Jobs come back in the order they were pushed. After a failed write
 * the writer writes nothing more: that job and all later ones come back
 * with rc < 0 (only the first carries a message).
 *
 * Memory is the caller's to bound (it knows the sizes it pushes): see
 * crawl.c, which waits for jobs to come back when too many bytes are out.
 *
 * Non-goals: more than one file written at once (one file is appended
 * in order; only the encoding is spread).
 */
#ifndef PT_WARCQ_H
#define PT_WARCQ_H

#include "crawler/base/buf.h"
#include "crawler/base/warc.h"

struct warcq_job {
	struct warc_capture cap;  /* in: what to write (borrowed) */
	void *ud;                 /* in: the caller's */
	int rc;                   /* out: 0, or PT_EIO / PT_EINVAL */
	struct warc_written out;  /* out: what was written; out.path points
				     into `path` */
	struct buf path;          /* out: the file written to */
	struct buf err;           /* out: message of a failed write */
	struct warc_encoded x;    /* private: the records, encoded */
	int encoded;              /* private: x is made (under the lock) */
	struct warcq_job *next;   /* private: queue link */
};

struct warcq;

/* Initialises a job's buffers (once; jobs may be reused after
 * warcq_take() returned them). */
void warcq_job_init(struct warcq_job *j);
/* Frees a job's buffers. */
void warcq_job_release(struct warcq_job *j);

/* Starts `workers` threads (0: one per online core, at most 4) on `w`,
 * which they use exclusively until warcq_free() returns (the caller then
 * closes and frees w). `wake` (may be NULL) is called from a worker when
 * the workers have run out of work with finished jobs in the done list
 * (the taker takes the list whole, so one wake per batch), e.g.
 * curl_multi_wakeup(). Returns a new queue; free with warcq_free(). NULL
 * with a message in err when a thread cannot start. */
struct warcq *warcq_new(struct warc_writer *w, int workers,
			void (*wake)(void *ctx), void *ctx, struct buf *err);
/* Number of worker threads running. */
int warcq_workers(const struct warcq *q);
/* Hands `j` to the writer. Never blocks. */
void warcq_push(struct warcq *q, struct warcq_job *j);
/* Returns the finished jobs, oldest first, linked through next, or NULL.
 * With wait = 1 blocks until at least one job is finished, unless none is
 * pending (then NULL). */
struct warcq_job *warcq_take(struct warcq *q, int wait);
/* Number of jobs pushed and not yet returned by warcq_take(). */
unsigned long warcq_pending(const struct warcq *q);
/* Lets the writer finish every job pushed, stops the thread and frees the
 * queue. Jobs not taken are not returned: take them first. NULL is a
 * no-op. */
void warcq_free(struct warcq *q);

#endif
