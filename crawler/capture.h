/* capture.h -- fetches handed to the WARC writer thread (warcq.h): each
 * capture carries the record to write (the body taken over from the
 * transfer, no copy; the header blocks as stored) and what recording it
 * in the database needs once it is written. At most CAPTURE_QUEUE_BYTES
 * of captures are out; beyond that captures_push() waits for the writer.
 *
 * Internal to the crawl engine. Ownership: struct captures owns every
 * capture (recycled through a free list). From captures_push() until the
 * `written` callback returns, a capture belongs to the writer, then it is
 * recycled: the callback must not keep it. Strings and buffers of a
 * capture are borrowed by callers for as long as they hold it.
 */
#ifndef PT_CAPTURE_H
#define PT_CAPTURE_H

#include "crawler/base/buf.h"
#include "crawler/warcq.h"

#include <stddef.h>

struct crawldb_url;
struct xfer;

#define CAPTURE_QUEUE_BYTES (16u * 1024 * 1024) /* captures handed to the
						   writer, not yet back */
#define CAPTURE_NONE ((size_t)-1) /* offset of an absent string */

struct capture {
	struct warcq_job wj;     /* wj.cap points into the buffers below */
	struct buf body;         /* the body (taken over from the transfer) */
	struct buf req;          /* request header block */
	struct buf head;         /* response header block as stored */
	struct buf str;          /* NUL-terminated strings, at the offsets: */
	size_t url, ip, ctype, etag, lm, loc, pdig, pdate, pid; /* or
					CAPTURE_NONE */
	char digest[38];         /* payload digest, computed on the crawl
				    thread: the body is still in its cache
				    (on a worker thread the digests took
				    2.7 times as long) */
	char bdigest[38];        /* block digest of the response record,
				    computed with it, or "" (a revisit
				    candidate: the writer's) */
	int undigested;          /* digest and bdigest still to compute */
	int kind, depth, hops;   /* of the job */
	long status;             /* HTTP status */
	size_t bytes;            /* counted against CAPTURE_QUEUE_BYTES */
	struct capture *next;    /* free list, or the held ones */
};

/* The writer queue and the captures. Value type: captures_init() /
 * captures_release(). */
struct captures {
	struct warcq *q;         /* the writer threads, or NULL */
	struct capture *free_cap;/* recycled captures */
	size_t qbytes;           /* bytes of the captures out */
	struct capture *held;    /* pushed, digests still to compute (see
				    captures_push()), oldest first */
	struct capture **held_tail;
	unsigned long nheld;
	/* Records a capture the writer has finished (wj.rc says whether it
	 * was written); p is borrowed during the call. */
	void (*written)(void *ctx, struct capture *p);
	void *ctx;
};

void captures_init(struct captures *cs,
		   void (*written)(void *ctx, struct capture *p), void *ctx);
/* Starts the writer thread on w (see warcq_new()). 0, or PT_EIO with a
 * message in err. */
int captures_start(struct captures *cs, struct warc_writer *w,
		   void (*wake)(void *ctx), void *wake_ctx, struct buf *err);
/* Stops the writer thread, which first writes what it holds (then w may
 * be closed). Take every capture back first: see captures_pending(). */
void captures_stop(struct captures *cs);
/* Stops the writer if running and frees every capture. */
void captures_release(struct captures *cs);

/* A capture of finished transfer x (whose job is set) with HTTP `status`:
 * the strings the database needs, the response header block as stored
 * (see capture.c), the request block as sent, and x's body, which changes
 * hands (x gets an empty buffer back). `prev` is the stored row of the
 * URL when it has a capture (revisit candidate), or NULL. */
struct capture *capture_from_xfer(struct captures *cs, struct xfer *x,
				  long status, const struct crawldb_url *prev);
/* String at offset `off` of p, or NULL for CAPTURE_NONE. Borrowed. */
const char *capture_str(const struct capture *p, size_t off);

/* Hands p to the writer, first recording finished captures while
 * CAPTURE_QUEUE_BYTES are out. A capture whose two digests are still to
 * compute is held until captures_flush(), so that the crawl can send its
 * next requests first; captures reach the writer in the order they were
 * pushed. */
void captures_push(struct captures *cs, struct capture *p);
/* Digests the held captures, two at a time (their four digests in one
 * pass, hash_sha1_b32_all()), and hands them to the writer. */
void captures_flush(struct captures *cs);
/* Records the captures the writer has finished (a held one is flushed
 * first); with wait = 1 waits for at least one when some are out.
 * Returns how many were recorded. */
unsigned captures_drain(struct captures *cs, int wait);
/* Captures pushed and not yet recorded (a held one too). */
unsigned long captures_pending(const struct captures *cs);

#endif
