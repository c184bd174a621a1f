/* hosts.c -- hosts, their job queues and politeness state (see hosts.h). */
#include "crawler/hosts.h"

#include "crawler/base/err.h"
#include "crawler/base/hash.h"
#include "crawler/base/url.h"
#include "crawler/crawl.h"
#include "crawler/robots.h"
#include "crawler/sources.h"

#include <stdlib.h>
#include <string.h>

void
hosts_init(struct hosts *hs, const struct sources *sources, double delay)
{
	memset(hs, 0, sizeof(*hs));
	hs->sources = sources;
	hs->delay = delay;
	buf_init(&hs->key, URL_MAX_LEN + 256);
}

static void
host_free(struct host *h)
{
	struct job *j;

	while ((j = host_pop(h)) != NULL)
		job_free(j);
	free(h->q);
	free(h->key);
	free(h->name);
	free(h->robots_url);
	free(h->refused);
	robots_free(h->robots);
	free(h);
}

void
hosts_release(struct hosts *hs)
{
	size_t i;

	for (i = 0; i < hs->n; i++)
		host_free(hs->v[i]);
	free(hs->v);
	free(hs->htab);
	for (i = 0; i < hs->nallow; i++)
		free(hs->allow[i]);
	free(hs->allow);
	buf_release(&hs->key);
	hosts_init(hs, hs->sources, hs->delay);
}

static int
name_allowed(const struct hosts *hs, const char *name)
{
	size_t i;

	for (i = 0; i < hs->nallow; i++)
		if (strcmp(hs->allow[i], name) == 0)
			return 1;
	return 0;
}

void
hosts_allow_name(struct hosts *hs, const char *name)
{
	if (name_allowed(hs, name))
		return;
	pt_xgrow((void **)&hs->allow, &hs->allow_cap, hs->nallow + 1,
		 sizeof(*hs->allow));
	hs->allow[hs->nallow++] = pt_xstrdup(name);
}

void
hosts_allow_url(struct hosts *hs, const char *url)
{
	struct buf h = BUF_INIT;

	if (url_host(url, &h, NULL) == 0)
		hosts_allow_name(hs, h.p);
	buf_release(&h);
}

static size_t
slot(const struct hosts *hs, const char *key)
{
	return (size_t)(hash_fnv1a(key, strlen(key)) & (hs->hcap - 1));
}

static void
htab_insert(struct hosts *hs, struct host *h)
{
	size_t i = slot(hs, h->key);

	h->hnext = hs->htab[i];
	hs->htab[i] = h;
}

/* Keeps the table at most half full. */
static void
htab_grow(struct hosts *hs)
{
	size_t k, ncap = hs->hcap ? hs->hcap * 2 : 64;

	if (hs->n + 1 <= hs->hcap / 2)
		return;
	free(hs->htab);
	hs->htab = pt_xcalloc(ncap, sizeof(*hs->htab));
	hs->hcap = ncap;
	for (k = 0; k < hs->n; k++)
		htab_insert(hs, hs->v[k]);
}

/* A new host for key hs->key and canonical `url`. */
static struct host *
host_new(struct hosts *hs, const char *url)
{
	struct host *h = pt_xcalloc(1, sizeof(*h));

	h->key = pt_xstrdup(hs->key.p);
	buf_reset(&hs->key);
	url_host(url, &hs->key, NULL);
	h->name = pt_xstrdup(hs->key.p);
	h->outlet = hs->sources ? sources_find_host(hs->sources, h->name)
				: NULL;
	h->allow_private = name_allowed(hs, h->name);
	h->delay = h->outlet && h->outlet->delay >= 0 ? h->outlet->delay
						      : hs->delay;
	if (!h->allow_private && url_is_private_host(h->name))
		h->rstate = HOST_ROBOTS_REFUSED;
	return h;
}

struct host *
hosts_get(struct hosts *hs, const char *url)
{
	struct host *h;

	buf_reset(&hs->key);
	if (url_host_key(url, &hs->key, NULL))
		return NULL;
	if (hs->hcap) {
		for (h = hs->htab[slot(hs, hs->key.p)]; h; h = h->hnext)
			if (strcmp(h->key, hs->key.p) == 0)
				return h;
	}
	htab_grow(hs);
	h = host_new(hs, url);
	htab_insert(hs, h);
	pt_xgrow((void **)&hs->v, &hs->cap, hs->n + 1, sizeof(*hs->v));
	hs->v[hs->n++] = h;
	return h;
}

struct job *
job_new(struct host *h, const char *url, int kind, int depth, int hops,
	int attempts)
{
	struct job *j = pt_xcalloc(1, sizeof(*j));

	j->url = pt_xstrdup(url);
	j->h = h;
	j->kind = kind;
	j->depth = depth;
	j->hops = hops;
	j->attempts = attempts;
	return j;
}

void
job_free(struct job *j)
{
	if (j) {
		free(j->url);
		free(j);
	}
}

static void
q_grow(struct host *h)
{
	struct job **nq;
	size_t i, ncap = h->qcap ? h->qcap * 2 : 16;

	nq = pt_xmalloc(ncap * sizeof(*nq));
	for (i = 0; i < h->qn; i++)
		nq[i] = h->q[(h->qhead + i) % h->qcap];
	free(h->q);
	h->q = nq;
	h->qcap = ncap;
	h->qhead = 0;
}

void
host_push(struct host *h, struct job *j)
{
	if (h->qn == h->qcap)
		q_grow(h);
	h->q[(h->qhead + h->qn) % h->qcap] = j;
	h->qn++;
}

struct job *
host_pop(struct host *h)
{
	struct job *j;

	if (!h->qn)
		return NULL;
	j = h->q[h->qhead];
	h->qhead = (h->qhead + 1) % h->qcap;
	h->qn--;
	return j;
}

void
host_crawl_delay(struct host *h, double crawl_delay)
{
	if (crawl_delay > CRAWL_MAX_DELAY)
		crawl_delay = CRAWL_MAX_DELAY;
	if (crawl_delay > h->delay)
		h->delay = crawl_delay;
}

void
host_rest(struct host *h, double now)
{
	if (h->next_at < now + h->delay)
		h->next_at = now + h->delay;
}
