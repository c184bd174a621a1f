/* response.c -- classifying finished fetches and recording captures
 * (see response.h).
 *
 * Spec: RFC 9110 sec. 15.4.5 (304 Not Modified: the stored capture is
 * still current), sec. 10.2.3 (Retry-After, honoured for 429 and 503),
 * RFC 6585 sec. 4 (429).
 */
#include "crawler/response.h"

#include "crawler/base/err.h"
#include "crawler/base/http.h"
#include "crawler/crawl_int.h"
#include "crawler/crawldb.h"
#include "crawler/discover.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Records a failed attempt of x->job: queued again with backoff, or failed
 * for good. `hint` is a Retry-After in seconds (or < 0). */
static void
job_failed(struct crawl *c, struct xfer *x, const char *why, int retry,
	   double hint)
{
	struct job *j = x->job;
	char *reason = pt_xstrdup(why);
	double wait;
	int final;

	j->attempts++;
	final = !retry || (unsigned)j->attempts >= c->o->max_attempts;
	if (crawldb_begin(c->db, &c->msg) == 0 &&
	    crawldb_mark_attempt(c->db, j->url, reason, final, &c->msg) != 0)
		crawl_db_check(c, PT_EDB);
	if (final) {
		c->st->failed++;
		crawl_event(c, CRAWL_EV_FAILED, j->url, reason);
		job_free(j);
	} else {
		wait = c->o->retry_wait * pow(2.0, j->attempts - 1);
		if (hint > wait)
			wait = hint;
		if (wait > c->o->max_retry_wait)
			wait = c->o->max_retry_wait;
		j->not_before = crawl_now() + wait;
		if (hint >= 0 && x->h->next_at < j->not_before)
			x->h->next_at = j->not_before; /* the host asked */
		c->st->retries++;
		crawl_event(c, CRAWL_EV_RETRY, j->url, reason);
		host_push(x->h, j);
		c->st->queued++;
	}
	x->job = NULL;
	free(reason);
	crawl_result_done(c);
}

/* An HTTP answer that fails the attempt: 429 and 5xx may be retried
 * (after the Retry-After of a 429 or 503), the others may not. */
static void
http_failed(struct crawl *c, struct xfer *x, long status)
{
	curl_off_t ra = -1;
	int retry = status == 429 || status >= 500;

	if (retry)
		curl_easy_getinfo(x->easy, CURLINFO_RETRY_AFTER, &ra);
	buf_reset(&c->msg);
	buf_addf(&c->msg, "HTTP %ld", status);
	job_failed(c, x, c->msg.p, retry,
		   retry && (status == 429 || status == 503) && ra > 0
		   ? (double)ra : -1);
}

/* A 304 answer: nothing written, the row updated. */
static void
not_modified(struct crawl *c, struct xfer *x)
{
	struct job *j = x->job;
	struct crawldb_result r;
	struct buf etag = BUF_INIT, lm = BUF_INIT;
	int rc;

	http_header_value(x->head.p, x->head.len, "ETag", &etag);
	http_header_value(x->head.p, x->head.len, "Last-Modified", &lm);
	if (crawldb_begin(c->db, &c->msg))
		crawl_db_check(c, PT_EDB);
	memset(&r, 0, sizeof(r));
	r.http_status = 304;
	r.etag = etag.len ? etag.p : NULL;
	r.last_modified = lm.len ? lm.p : NULL;
	r.when = time(NULL);
	c->st->not_modified++;
	rc = crawldb_mark_done(c->db, j->url, &r, &c->msg);
	if (rc < 0)
		crawl_db_check(c, rc);
	buf_release(&etag);
	buf_release(&lm);
	job_free(j);
	x->job = NULL;
	crawl_result_done(c);
}

/* Any other answer: a capture for the writer, a revisit candidate when
 * the GET was conditional on a stored capture (start_job() kept what the
 * capture needs of it in x->prev). */
static void
hand_to_writer(struct crawl *c, struct xfer *x, long status)
{
	struct job *j = x->job;
	struct crawldb_url u;
	struct capture *p;

	memset(&u, 0, sizeof(u));
	if (x->has_prev) {
		u.payload_digest = x->prev.p;
		u.warc_date = u.payload_digest + strlen(u.payload_digest) + 1;
		u.record_id = u.warc_date + strlen(u.warc_date) + 1;
		if (!*u.warc_date)
			u.warc_date = NULL;
		if (!*u.record_id)
			u.record_id = NULL;
	}
	p = capture_from_xfer(&c->caps, x, status, x->has_prev ? &u : NULL);
	job_free(j);
	x->job = NULL;
	captures_push(&c->caps, p);
}

void
response_done(struct crawl *c, struct xfer *x, CURLcode res)
{
	long status;

	if (res != CURLE_OK) {
		fetch_describe(x, res, &c->msg);
		job_failed(c, x, c->msg.p, !x->refused && !x->too_big &&
			   fetch_retryable(res), -1);
		return;
	}
	c->st->fetched++;
	status = fetch_status(x);
	if (status >= 400 || status < 200) {
		http_failed(c, x, status);
		return;
	}
	c->st->bytes += x->body.len;
	if (status == 304)
		not_modified(c, x);
	else
		hand_to_writer(c, x, status);
}

/* NULL for an empty string. */
static const char *
nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

void
response_written(void *ctx, struct capture *p)
{
	struct crawl *c = ctx;
	struct warcq_job *wj = &p->wj;
	const struct warc_written *out = &wj->out;
	const char *url = capture_str(p, p->url), *loc = capture_str(p, p->loc);
	struct crawldb_result r;
	int rc;

	if (wj->rc) {
		/* Not written: the URL stays queued. */
		crawl_fatal(c, wj->rc, &wj->err);
		return;
	}
	crawl_set_mark(c, out->path, out->offset);
	if (out->revisit)
		c->st->revisits++;
	else
		c->st->stored++;
	if (crawldb_begin(c->db, &c->msg)) {
		crawl_db_check(c, PT_EDB);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.http_status = (int)p->status;
	r.etag = nonempty(capture_str(p, p->etag));
	r.last_modified = nonempty(capture_str(p, p->lm));
	r.when = wj->cap.when;
	r.payload_digest = out->payload_digest;
	r.record_id = out->revisit ? NULL : out->record_id;
	r.warc_date = out->revisit ? NULL : out->date;
	buf_reset(&c->msg);
	if (loc) {
		r.redirect = loc;
		discover_redirect(c, url, p->kind, p->depth, p->hops, loc);
		if (c->msg.len) {
			r.reason = c->msg.p;
			crawl_event(c, CRAWL_EV_WARN, url, c->msg.p);
		}
	}
	rc = crawldb_mark_done(c->db, url, &r, &c->msg);
	if (rc == 0 && !out->revisit && p->status < 300)
		discover_body(c, url, p->kind, p->depth,
			      capture_str(p, p->ctype), p->body.p,
			      p->body.len);
	if (rc < 0)
		crawl_db_check(c, rc);
	crawl_result_done(c);
}
