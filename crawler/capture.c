/* capture.c -- captures handed to the WARC writer thread (see
 * capture.h).
 *
 * Spec: WARC 1.1 sec. 6.3 (response records hold the HTTP response as
 * received). libcurl removes the transfer and content codings before the
 * body reaches us, so the stored header block is rewritten to match the
 * stored body (rewrite_head()).
 */
#include "crawler/capture.h"

#include "crawler/base/err.h"
#include "crawler/base/hash.h"
#include "crawler/base/http.h"
#include "crawler/base/sv.h"
#include "crawler/crawldb.h"
#include "crawler/fetch.h"
#include "crawler/hosts.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define KEEP_BYTES (1024u * 1024) /* larger buffers of a recycled capture
				     are freed */

void
captures_init(struct captures *cs,
	      void (*written)(void *ctx, struct capture *p), void *ctx)
{
	memset(cs, 0, sizeof(*cs));
	cs->written = written;
	cs->ctx = ctx;
	cs->held_tail = &cs->held;
}

int
captures_start(struct captures *cs, struct warc_writer *w,
	       void (*wake)(void *ctx), void *wake_ctx, struct buf *err)
{
	cs->q = warcq_new(w, 0, wake, wake_ctx, err);
	return cs->q ? 0 : PT_EIO;
}

void
captures_stop(struct captures *cs)
{
	warcq_free(cs->q);
	cs->q = NULL;
}

static void
capture_destroy(struct capture *p)
{
	warcq_job_release(&p->wj);
	buf_release(&p->body);
	buf_release(&p->req);
	buf_release(&p->head);
	buf_release(&p->str);
	free(p);
}

void
captures_release(struct captures *cs)
{
	captures_stop(cs);
	while (cs->held) {
		struct capture *p = cs->held;

		cs->held = p->next;
		capture_destroy(p);
	}
	cs->held_tail = &cs->held;
	cs->nheld = 0;
	while (cs->free_cap) {
		struct capture *p = cs->free_cap;

		cs->free_cap = p->next;
		capture_destroy(p);
	}
}

/* ---- Building a capture. */

static struct capture *
capture_get(struct captures *cs)
{
	struct capture *p = cs->free_cap;

	if (p) {
		cs->free_cap = p->next;
	} else {
		p = pt_xcalloc(1, sizeof(*p));
		warcq_job_init(&p->wj);
		buf_init(&p->body, 0);
		buf_init(&p->req, 0);
		buf_init(&p->head, 0);
		buf_init(&p->str, 0);
	}
	p->wj.ud = p;
	p->next = NULL;
	buf_reset(&p->body);
	buf_reset(&p->req);
	buf_reset(&p->head);
	buf_reset(&p->str);
	return p;
}

static void
capture_put(struct captures *cs, struct capture *p)
{
	cs->qbytes -= p->bytes;
	p->bytes = 0;
	if (p->body.cap > KEEP_BYTES)
		buf_release(&p->body);
	p->next = cs->free_cap;
	cs->free_cap = p;
}

/* Appends s and its NUL to b; its offset, or CAPTURE_NONE for NULL. */
static size_t
str_add(struct buf *b, const char *s)
{
	size_t off = b->len;

	if (!s)
		return CAPTURE_NONE;
	buf_adds(b, s);
	buf_addc(b, '\0');
	return off;
}

/* Appends the value of header `name` of `head`; its offset, or
 * CAPTURE_NONE. */
static size_t
str_header(struct buf *b, const struct buf *head, const char *name)
{
	size_t off = b->len;

	if (!http_header_value(head->p, head->len, name, b))
		return CAPTURE_NONE;
	buf_addc(b, '\0');
	return off;
}

const char *
capture_str(const struct capture *p, size_t off)
{
	return off == CAPTURE_NONE ? NULL : p->str.p + off;
}

/* Builds in `out` the response header block as stored: libcurl has
 * removed the transfer and content codings, so Content-Encoding and
 * Transfer-Encoding are kept as X-Crawler-* and Content-Length is the
 * stored body's (the original kept as X-Crawler-Content-Length). */
static void
rewrite_head(struct buf *out, const struct buf *head, size_t body_len)
{
	const char *p = head->p, *e = head->p + head->len;
	int coded = 0, had_cl = 0, cl_ok = 1;

	buf_reset(out);
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(e - p);
		size_t k = ll;

		if (k && p[k - 1] == '\r')
			k--;
		if (k == 0)
			break; /* the blank line */
		if (k > 17 && strncasecmp(p, "Content-Encoding:", 17) == 0) {
			coded = 1;
			buf_adds(out, "X-Crawler-");
		} else if (k > 18 &&
			   strncasecmp(p, "Transfer-Encoding:", 18) == 0) {
			coded = 1;
			buf_adds(out, "X-Crawler-");
		} else if (k > 15 &&
			   strncasecmp(p, "Content-Length:", 15) == 0) {
			had_cl = 1;
			cl_ok = strtoull(p + 15, NULL, 10) == body_len;
			if (!cl_ok)
				buf_adds(out, "X-Crawler-");
		}
		buf_add(out, p, k);
		buf_adds(out, "\r\n");
		p += ll + 1;
	}
	if ((coded && (!had_cl || !cl_ok)) || (had_cl && !cl_ok))
		buf_addf(out, "Content-Length: %zu\r\n", body_len);
	buf_adds(out, "\r\n");
}

/* The strings of p: of the job, of the transfer, of the response header
 * block and of the stored capture `prev`. */
static void
capture_strings(struct capture *p, struct xfer *x, long status,
		const struct crawldb_url *prev)
{
	char *ip = NULL, *ctype = NULL;

	curl_easy_getinfo(x->easy, CURLINFO_PRIMARY_IP, &ip);
	curl_easy_getinfo(x->easy, CURLINFO_CONTENT_TYPE, &ctype);
	p->url = str_add(&p->str, x->job->url);
	p->ip = str_add(&p->str, ip && *ip ? ip : NULL);
	p->ctype = str_add(&p->str, ctype);
	p->etag = str_header(&p->str, &x->head, "ETag");
	p->lm = str_header(&p->str, &x->head, "Last-Modified");
	p->loc = status >= 300 && status < 400 ?
		 str_header(&p->str, &x->head, "Location") : CAPTURE_NONE;
	p->pdig = p->pdate = p->pid = CAPTURE_NONE;
	if (prev) {
		p->pdig = str_add(&p->str, prev->payload_digest);
		p->pdate = str_add(&p->str, prev->warc_date);
		p->pid = str_add(&p->str, prev->record_id);
	}
}

/* Points the writer's capture at the buffers of p. */
static void
capture_point(struct capture *p)
{
	struct warc_capture *cap = &p->wj.cap;

	memset(cap, 0, sizeof(*cap));
	cap->uri = capture_str(p, p->url);
	cap->ip = capture_str(p, p->ip);
	cap->when = time(NULL);
	cap->req_head = p->req.p;
	cap->req_head_len = p->req.len;
	cap->resp_head = p->head.p;
	cap->resp_head_len = p->head.len;
	cap->body = p->body.p;
	cap->body_len = p->body.len;
	cap->payload_digest = p->digest;
	cap->block_digest = p->bdigest;
	cap->prev_payload_digest = capture_str(p, p->pdig);
	cap->prev_date = capture_str(p, p->pdate);
	cap->prev_record_id = capture_str(p, p->pid);
}

struct capture *
capture_from_xfer(struct captures *cs, struct xfer *x, long status,
		  const struct crawldb_url *prev)
{
	struct capture *p = capture_get(cs);
	const struct job *j = x->job;
	struct buf tmp;

	capture_strings(p, x, status, prev);
	p->kind = j->kind;
	p->depth = j->depth;
	p->hops = j->hops;
	p->status = status;
	rewrite_head(&p->head, &x->head, x->body.len);
	if (x->req.len)
		buf_add(&p->req, x->req.p, x->req.len);
	else
		buf_addf(&p->req, "GET %s HTTP/1.1\r\n\r\n", j->url);
	/* The body changes hands: no copy. */
	tmp = x->body;
	x->body = p->body;
	p->body = tmp;
	p->bdigest[0] = '\0';
	p->undigested = !prev;
	if (prev) {
		/* A revisit if the payload is the stored one: the writer
		 * digests the block it writes. */
		hash_sha1_b32(p->body.len ? p->body.p : "", p->body.len,
			      p->digest);
	}
	capture_point(p);
	p->bytes = sizeof(*p) + p->body.len + p->head.len + p->req.len +
		   p->str.len;
	return p;
}

/* ---- The writer queue. */

/* The block (head + body) and payload (body) of undigested p, as two
 * messages into m[0..1]. */
static void
digest_msgs(struct capture *p, struct sv blk[2], struct hash_msg m[2])
{
	blk[0] = sv_make(p->head.p, p->head.len);
	blk[1] = sv_make(p->body.len ? p->body.p : "", p->body.len);
	m[0].parts = blk;
	m[0].n = 2;
	m[0].out = p->bdigest;
	m[1].parts = blk + 1;
	m[1].n = 1;
	m[1].out = p->digest;
	p->undigested = 0;
}

/* Digests undigested a (and b, or NULL) together. */
static void
digest(struct capture *a, struct capture *b)
{
	struct sv ba[2], bb[2];
	struct hash_msg m[4];

	digest_msgs(a, ba, m);
	if (b)
		digest_msgs(b, bb, m + 2);
	hash_sha1_b32_all(m, b ? 4 : 2);
}

static void
push_now(struct captures *cs, struct capture *p)
{
	while (cs->qbytes && cs->qbytes + p->bytes > CAPTURE_QUEUE_BYTES)
		captures_drain(cs, 1);
	cs->qbytes += p->bytes;
	warcq_push(cs->q, &p->wj);
}

void
captures_flush(struct captures *cs)
{
	while (cs->held) {
		struct capture *a = cs->held, *b = a->next;

		cs->held = b ? b->next : NULL;
		cs->nheld -= b ? 2 : 1;
		if (!cs->held)
			cs->held_tail = &cs->held;
		a->next = NULL;
		if (b)
			b->next = NULL;
		digest(a, b);
		push_now(cs, a);
		if (b)
			push_now(cs, b);
	}
}

unsigned
captures_drain(struct captures *cs, int wait)
{
	struct warcq_job *l, *next;
	unsigned n = 0;

	captures_flush(cs);
	l = warcq_take(cs->q, wait);

	for (; l; l = next) {
		struct capture *p = l->ud;

		next = l->next;
		cs->written(cs->ctx, p);
		capture_put(cs, p);
		n++;
	}
	return n;
}

void
captures_push(struct captures *cs, struct capture *p)
{
	if (p->undigested) {
		p->next = NULL;
		*cs->held_tail = p;
		cs->held_tail = &p->next;
		cs->nheld++;
		return;
	}
	captures_flush(cs);
	push_now(cs, p);
}

unsigned long
captures_pending(const struct captures *cs)
{
	return warcq_pending(cs->q) + cs->nheld;
}
