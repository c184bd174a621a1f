/* buf.c -- growable NUL-terminated byte buffer with a hard cap. */
#include "crawler/base/buf.h"

#include "crawler/base/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char buf_empty[1];

void
buf_init(struct buf *b, size_t max)
{
	b->p = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
buf_release(struct buf *b)
{
	if (b->cap)
		free(b->p);
	buf_init(b, b->max);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)
		b->p[0] = '\0';
}

int
buf_grow(struct buf *b, size_t extra)
{
	size_t need, cap;

	if (b->max && (extra > b->max || b->len > b->max - extra))
		return PT_ETOOBIG;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap < (1u << 30) ? cap * 2 : cap + (1u << 30);
	if (b->cap) {
		b->p = pt_xrealloc(b->p, cap);
	} else {
		b->p = pt_xmalloc(cap);
		b->p[0] = '\0';
	}
	b->cap = cap;
	return 0;
}

int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (buf_grow(b, n))
		return PT_ETOOBIG;
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int
buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

int
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n;

	/* Formatted into the room there is first: most calls fit, and the
	 * text is then formatted once, not measured and then written. */
	va_copy(cp, ap);
	n = vsnprintf(room ? b->p + b->len : NULL, room, fmt, cp);
	va_end(cp);
	if (n >= 0 && (size_t)n < room &&
	    !(b->max && ((size_t)n > b->max || b->len > b->max - (size_t)n))) {
		b->len += (size_t)n;
		return 0;
	}
	if (room)
		b->p[b->len] = '\0'; /* what did not fit is not kept */
	if (n < 0)
		return PT_EINVAL;
	if (buf_grow(b, (size_t)n))
		return PT_ETOOBIG;
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->p[len] = '\0';
	}
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *p;

	if (len)
		*len = b->len;
	p = b->cap ? b->p : pt_xstrdup("");
	buf_init(b, b->max);
	return p;
}
