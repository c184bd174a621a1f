/* fetch.c -- transfers on a curl multi handle (see fetch.h).
 *
 * Spec: RFC 9110 sec. 12.5.1 (Accept), sec. 8.4 (Accept-Encoding: curl
 * offers what it can decode and removes the content coding), sec. 15.4
 * (redirects: not followed here, the engine does it, one WARC record per
 * hop).
 *
 * The multi handle is driven through curl's socket interface: curl says
 * which sockets to watch (on_curl_socket) and when to call it back
 * (on_curl_timer); an epoll set waits for them, and each ready socket is
 * handed to curl_multi_socket_action() with its readiness. With
 * curl_multi_perform() curl polled every transfer's socket itself on each
 * call, about fifteen poll(2) calls per page on a fast local server.
 */
#include "crawler/fetch.h"

#include "crawler/base/err.h"
#include "crawler/base/url.h"
#include "crawler/crawl.h"
#include "crawler/hosts.h"
#include "crawler/robots.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HEAD_MAX (256u * 1024) /* response header block cap */
#define MAX_EVENTS 64
#define RECV_BUFFER (256L * 1024) /* curl's receive buffer: a 50 KB page
				     in one or two recv(2) calls, not four */

void
fetch_init(struct fetch *f, const struct crawl_opts *o)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->o = o;
	f->epfd = f->evfd = -1;
	f->timer_at = -1;
	for (i = 0; i < o->nresolve; i++)
		f->resolve = curl_slist_append(f->resolve, o->resolve[i]);
}

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* curl: watch socket s for `what` (CURL_POLL_*), or stop watching it.
 *
 * f->sock[s] is what the epoll set holds for s: SOCK_IN_SET | its epoll
 * events, with SOCK_IDLE when curl has stopped watching it. curl stops
 * watching a kept-alive connection after each response and watches it
 * again for the next request, usually in the same loop turn; that was
 * an EPOLL_CTL_DEL and an EPOLL_CTL_ADD per page. The socket now stays
 * in the set, idle: when curl wants it again with the same events no
 * system call is made, and when an idle socket turns ready (the server
 * closed it) it leaves the set then, unseen by curl. A socket is opened
 * and closed through on_socket() and on_close(), which clear its slot,
 * so a descriptor number used again starts with nothing in the set. */
#define SOCK_IN_SET (1u << 30)
#define SOCK_IDLE (1u << 29)

static unsigned *
sock_slot(struct fetch *f, curl_socket_t s)
{
	size_t n = f->nsock;

	if (s < 0)
		return NULL;
	if ((size_t)s >= n) {
		pt_xgrow((void **)&f->sock, &f->nsock, (size_t)s + 1,
			 sizeof(*f->sock));
		memset(f->sock + n, 0, (f->nsock - n) * sizeof(*f->sock));
	}
	return &f->sock[s];
}

static void
sock_forget(struct fetch *f, curl_socket_t s)
{
	unsigned *st = sock_slot(f, s);

	if (st && *st) {
		epoll_ctl(f->epfd, EPOLL_CTL_DEL, s, NULL);
		*st = 0;
	}
}

static int
on_curl_socket(CURL *e, curl_socket_t s, int what, void *ud, void *sp)
{
	struct fetch *f = ud;
	struct epoll_event ev;
	unsigned *st = sock_slot(f, s), want;
	int op;

	(void)e;
	(void)sp;
	if (!st)
		return 0;
	if (what == CURL_POLL_REMOVE) {
		if (*st)
			*st |= SOCK_IDLE;
		return 0;
	}
	memset(&ev, 0, sizeof(ev));
	ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0) |
		    (what & CURL_POLL_OUT ? EPOLLOUT : 0);
	ev.data.fd = s;
	want = SOCK_IN_SET | ev.events;
	if ((*st & ~SOCK_IDLE) == want) {
		*st = want;
		return 0;
	}
	op = *st ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
	if (epoll_ctl(f->epfd, op, s, &ev) && (errno == ENOENT ||
					       errno == EEXIST))
		epoll_ctl(f->epfd, op == EPOLL_CTL_MOD ? EPOLL_CTL_ADD
						       : EPOLL_CTL_MOD, s, &ev);
	*st = want;
	return 0;
}

/* curl: call curl_multi_socket_action(CURL_SOCKET_TIMEOUT) in `ms`
 * milliseconds (-1: no timer). */
static int
on_curl_timer(CURLM *m, long ms, void *ud)
{
	struct fetch *f = ud;

	(void)m;
	f->timer_at = ms < 0 ? -1 : now_s() + (double)ms / 1000;
	return 0;
}

void
fetch_open(struct fetch *f)
{
	struct epoll_event ev;

	f->epfd = epoll_create1(EPOLL_CLOEXEC);
	f->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (f->epfd < 0 || f->evfd < 0)
		pt_xmalloc((size_t)-1); /* out of descriptors: as for memory */
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	ev.data.fd = f->evfd;
	epoll_ctl(f->epfd, EPOLL_CTL_ADD, f->evfd, &ev);
	f->multi = curl_multi_init();
	curl_multi_setopt(f->multi, CURLMOPT_SOCKETFUNCTION, on_curl_socket);
	curl_multi_setopt(f->multi, CURLMOPT_SOCKETDATA, f);
	curl_multi_setopt(f->multi, CURLMOPT_TIMERFUNCTION, on_curl_timer);
	curl_multi_setopt(f->multi, CURLMOPT_TIMERDATA, f);
	curl_multi_setopt(f->multi, CURLMOPT_PIPELINING,
			  (long)CURLPIPE_MULTIPLEX);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
			  (long)f->o->max_per_host);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
			  (long)f->o->max_conns);
}

static void
xfer_destroy(struct xfer *x)
{
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->hdrs);
	buf_release(&x->body);
	buf_release(&x->head);
	buf_release(&x->req);
	buf_release(&x->prev);
	free(x);
}

void
fetch_release(struct fetch *f)
{
	const struct crawl_opts *o = f->o;
	size_t i;

	for (i = 0; i < f->nall; i++) {
		struct xfer *x = f->all[i];

		if (x->in_multi) {
			curl_multi_remove_handle(f->multi, x->easy);
			job_free(x->job);
		}
		xfer_destroy(x);
	}
	free(f->all);
	curl_multi_cleanup(f->multi);
	free(f->sock);
	curl_slist_free_all(f->resolve);
	if (f->epfd >= 0)
		close(f->epfd);
	if (f->evfd >= 0)
		close(f->evfd);
	memset(f, 0, sizeof(*f));
	f->o = o;
	f->epfd = f->evfd = -1;
	f->timer_at = -1;
}

/* ---- curl callbacks. */

static size_t
on_body(char *p, size_t sz, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = sz * n;

	if (buf_add(&x->body, p, len)) {
		if (!x->job) /* robots.txt: keep what fits, stop there */
			buf_add(&x->body, p, x->body.max - x->body.len);
		x->too_big = 1;
		return 0;
	}
	return len;
}

static size_t
on_header(char *p, size_t sz, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = sz * n;

	if (len >= 5 && memcmp(p, "HTTP/", 5) == 0)
		buf_reset(&x->head); /* a new response (after a 1xx) */
	if (buf_add(&x->head, p, len)) {
		x->head_too_big = 1;
		return 0;
	}
	return len;
}

static int
on_debug(CURL *e, curl_infotype type, char *p, size_t n, void *ud)
{
	struct xfer *x = ud;

	(void)e;
	if (type == CURLINFO_HEADER_OUT) {
		buf_reset(&x->req);
		buf_add(&x->req, p, n);
	}
	return 0;
}

static curl_socket_t
on_socket(void *ud, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct xfer *x = ud;
	enum url_addr k;
	curl_socket_t s;

	if (purpose == CURLSOCKTYPE_IPCXN && !x->h->allow_private) {
		k = url_addr_classify_sa(&a->addr);
		if (k != URL_ADDR_PUBLIC && k != URL_ADDR_NAME) {
			x->refused = 1;
			return CURL_SOCKET_BAD;
		}
	}
	s = socket(a->family, a->socktype, a->protocol);
	sock_forget(x->f, s);
	return s;
}

/* curl closes socket s: it leaves the epoll set first. */
static int
on_close(void *ud, curl_socket_t s)
{
	struct fetch *f = ud;

	sock_forget(f, s);
	return close(s);
}

/* ---- Transfers. */

/* The options every transfer of easy handle x has, set once: a
 * recycled handle keeps them (curl_easy_reset() and setting them all
 * again cost more than the rest of starting a transfer). */
static void
xfer_setopts(struct fetch *f, struct xfer *x)
{
	const struct crawl_opts *o = f->o;
	CURL *e = x->easy;

	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(e, CURLOPT_DEBUGDATA, x);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_socket);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, x);
	curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, on_close);
	curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, f);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_BUFFERSIZE, RECV_BUFFER);
	curl_easy_setopt(e, CURLOPT_USERAGENT, o->user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION,
			 (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_PROXY, "");
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(o->timeout * 1000));
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
			 (long)(o->connect_timeout * 1000));
	if (f->resolve)
		curl_easy_setopt(e, CURLOPT_RESOLVE, f->resolve);
}

/* A recycled transfer, or a new one. */
static struct xfer *
xfer_take(struct fetch *f)
{
	struct xfer *x = f->free_x;

	if (x) {
		f->free_x = x->next;
		return x;
	}
	x = pt_xcalloc(1, sizeof(*x));
	x->f = f;
	x->easy = curl_easy_init();
	if (!x->easy)
		pt_xmalloc((size_t)-1);
	xfer_setopts(f, x);
	buf_init(&x->body, 0);
	buf_init(&x->head, HEAD_MAX);
	buf_init(&x->req, HEAD_MAX);
	buf_init(&x->prev, 0);
	pt_xgrow((void **)&f->all, &f->all_cap, f->nall + 1, sizeof(*f->all));
	f->all[f->nall++] = x;
	return x;
}

struct xfer *
fetch_get(struct fetch *f, struct host *h, struct job *j, const char *url)
{
	struct xfer *x = xfer_take(f);

	x->h = h;
	x->job = j;
	x->too_big = x->head_too_big = x->refused = x->has_prev = 0;
	x->errbuf[0] = '\0';
	x->next = NULL;
	buf_reset(&x->body);
	buf_reset(&x->head);
	buf_reset(&x->req);
	buf_reset(&x->prev);
	x->body.max = j ? (size_t)f->o->max_size : ROBOTS_MAX_BYTES;
	curl_easy_setopt(x->easy, CURLOPT_URL, url);
	/* robots.txt: no limit on the wire, on_body() keeps what fits. */
	curl_easy_setopt(x->easy, CURLOPT_MAXFILESIZE_LARGE,
			 (curl_off_t)(j ? x->body.max : 0));
	curl_slist_free_all(x->hdrs);
	x->hdrs = curl_slist_append(NULL, j ?
		"Accept: text/html,application/xhtml+xml,application/xml;"
		"q=0.9,*/*;q=0.8" : "Accept: text/plain,*/*;q=0.8");
	return x;
}

void
fetch_add_header(struct xfer *x, const char *line)
{
	x->hdrs = curl_slist_append(x->hdrs, line);
}

void
fetch_start(struct fetch *f, struct xfer *x)
{
	curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, x->hdrs);
	curl_multi_add_handle(f->multi, x->easy);
	x->in_multi = 1;
	x->h->inflight++;
	f->inflight++;
}

/* Takes finished x off the multi handle, for reuse. */
static void
xfer_put(struct fetch *f, struct xfer *x)
{
	curl_multi_remove_handle(f->multi, x->easy);
	x->in_multi = 0;
	x->job = NULL;
	x->next = f->free_x;
	f->free_x = x;
	if (x->h->inflight)
		x->h->inflight--;
	f->inflight--;
}

/* Waits up to ms (0: not at all) for curl's sockets or a wakeup, hands
 * the ready sockets to curl, then runs curl's timer when it is due. */
static void
run_io(struct fetch *f, int ms)
{
	struct epoll_event ev[MAX_EVENTS];
	int n, i, running;
	uint64_t v;

	if (f->timer_at >= 0) {
		double left = f->timer_at - now_s();
		int t = left <= 0 ? 0 : (int)(left * 1000) + 1;

		if (t < ms)
			ms = t;
	}
	n = epoll_wait(f->epfd, ev, MAX_EVENTS, ms);
	for (i = 0; i < n; i++) {
		int bits = 0;

		if (ev[i].data.fd == f->evfd) {
			if (read(f->evfd, &v, sizeof(v)) < 0)
				v = 0; /* already drained */
			continue;
		}
		if ((size_t)ev[i].data.fd < f->nsock &&
		    (f->sock[ev[i].data.fd] & SOCK_IDLE)) {
			/* Not curl's now: out of the set until it asks. */
			epoll_ctl(f->epfd, EPOLL_CTL_DEL, ev[i].data.fd, NULL);
			f->sock[ev[i].data.fd] = 0;
			continue;
		}
		if (ev[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
			bits |= CURL_CSELECT_IN;
		if (ev[i].events & EPOLLOUT)
			bits |= CURL_CSELECT_OUT;
		if (ev[i].events & EPOLLERR)
			bits |= CURL_CSELECT_ERR;
		curl_multi_socket_action(f->multi, ev[i].data.fd, bits,
					 &running);
	}
	if (f->timer_at >= 0 && now_s() >= f->timer_at) {
		f->timer_at = -1;
		curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT, 0,
					 &running);
	}
}

unsigned
fetch_perform(struct fetch *f,
	      void (*done)(void *ctx, struct xfer *x, CURLcode res),
	      void *ctx)
{
	struct xfer *x;
	CURLMsg *m;
	unsigned n = 0;
	int nq;

	run_io(f, 0);
	while ((m = curl_multi_info_read(f->multi, &nq)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		x = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE,
				  (char **)&x);
		done(ctx, x, m->data.result);
		xfer_put(f, x);
		n++;
	}
	return n;
}

void
fetch_poll(struct fetch *f, int ms)
{
	run_io(f, ms);
}

void
fetch_kick(struct fetch *f)
{
	int running;

	/* Added transfers start from curl's timer (due at once); the
	 * sockets are looked at by the next fetch_perform(). */
	if (f->timer_at >= 0 && now_s() >= f->timer_at) {
		f->timer_at = -1;
		curl_multi_socket_action(f->multi, CURL_SOCKET_TIMEOUT, 0,
					 &running);
	}
}

void
fetch_wakeup(void *ctx)
{
	struct fetch *f = ctx;
	uint64_t one = 1;

	/* EAGAIN: the counter is already non-zero, the waiter will wake. */
	if (write(f->evfd, &one, sizeof(one)) < 0)
		one = 0;
}

long
fetch_status(const struct xfer *x)
{
	long status = 0;

	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
	return status;
}

int
fetch_retryable(CURLcode res)
{
	switch (res) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_SSL_CONNECT_ERROR:
		return 1;
	default:
		return 0;
	}
}

void
fetch_describe(const struct xfer *x, CURLcode res, struct buf *msg)
{
	buf_reset(msg);
	if (x->refused)
		buf_addf(msg, "refused to connect: '%s' resolves to a "
			 "loopback, private or link-local address",
			 x->h->name);
	else if (x->too_big || res == CURLE_FILESIZE_EXCEEDED)
		buf_addf(msg, "body larger than %zu bytes", x->body.max);
	else if (x->head_too_big || res == CURLE_OUT_OF_MEMORY)
		/* curl (7.x) answers a header line over its own cap, 100 KB,
		 * with "out of memory": the cap is what was reached. */
		buf_addf(msg, "response header too large (a line over 100 "
			 "KB, or more than %u KB in all)", HEAD_MAX >> 10);
	else
		buf_addf(msg, "%s", x->errbuf[0] ? x->errbuf
						 : curl_easy_strerror(res));
	/* curl's messages start with a capital; ours do not. */
	if (msg->len > 1 && msg->p[0] >= 'A' && msg->p[0] <= 'Z' &&
	    !(msg->p[1] >= 'A' && msg->p[1] <= 'Z'))
		msg->p[0] = (char)(msg->p[0] - 'A' + 'a');
}
