/* seen.c -- URL fingerprints in an open-addressing table (see seen.h).
 * The fingerprint is 64-bit FNV-1a with the MurmurHash3 finalizer, which
 * spreads FNV's weak low bits (the table index) over the whole word.
 */
#include "crawler/seen.h"

#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

void
seen_init(struct seen *s)
{
	memset(s, 0, sizeof(*s));
}

void
seen_release(struct seen *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static uint64_t
fingerprint(const char *url)
{
	const unsigned char *p = (const unsigned char *)url;
	uint64_t h = 14695981039346656037ull;

	for (; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h ? h : 1; /* 0 marks an empty slot */
}

/* The slot of fingerprint f: where it is, or the empty one it would go
 * to. cap > 0. */
static size_t
slot(const struct seen *s, uint64_t f)
{
	size_t i = (size_t)f & (s->cap - 1);

	while (s->v[i] && s->v[i] != f)
		i = (i + 1) & (s->cap - 1);
	return i;
}

int
seen_has(const struct seen *s, const char *url)
{
	return s->cap && s->v[slot(s, fingerprint(url))] != 0;
}

static void
grow(struct seen *s)
{
	struct seen t;
	size_t i;

	t.cap = s->cap ? s->cap * 2 : 1024;
	t.n = s->n;
	t.v = pt_xcalloc(t.cap, sizeof(*t.v));
	for (i = 0; i < s->cap; i++)
		if (s->v[i])
			t.v[slot(&t, s->v[i])] = s->v[i];
	free(s->v);
	*s = t;
}

void
seen_add(struct seen *s, const char *url)
{
	uint64_t f = fingerprint(url);
	size_t i;

	if (2 * (s->n + 1) > s->cap) /* at most half full */
		grow(s);
	i = slot(s, f);
	if (!s->v[i]) {
		s->v[i] = f;
		s->n++;
	}
}
