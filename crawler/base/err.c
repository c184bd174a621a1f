/* err.c -- error strings and aborting allocators. */
#include "crawler/base/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
pt_strerror(int code)
{
	switch (code) {
	case PT_OK: return "success";
	case PT_EIO: return "input/output error";
	case PT_ETOOBIG: return "size limit reached";
	case PT_EPARSE: return "malformed input";
	case PT_EINVAL: return "invalid argument";
	case PT_ENOENT: return "not found";
	case PT_EEMPTY: return "nothing usable";
	case PT_EUNSUP: return "unsupported";
	case PT_ENET: return "network error";
	case PT_EDB: return "database error";
	case PT_EINTR: return "interrupted";
	}
	return "unknown error";
}

static void
oom(size_t n)
{
	/* The one place that writes to stderr outside log.c: logging itself
	 * may need memory. */
	fprintf(stderr, "presstally: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
pt_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom(n);
	return p;
}

void *
pt_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		oom(nmemb * size);
	return p;
}

void *
pt_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		oom(n);
	return q;
}

void
pt_xgrow(void **p, size_t *cap, size_t need, size_t elsize)
{
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need)
		c *= 2;
	*p = pt_xrealloc(*p, c * elsize);
	*cap = c;
}

char *
pt_xstrdup(const char *s)
{
	return pt_xstrndup(s, strlen(s));
}

char *
pt_xstrndup(const char *s, size_t n)
{
	char *p = pt_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
