/* heap.c -- the binary min-heap of heap.h. */
#include "analyzer/dataset/heap.h"

static void
sift_down(struct heap *h, size_t i)
{
	void *x = h->v[i];
	size_t c;

	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && h->less(h->v[c + 1], h->v[c]))
			c++;
		if (!h->less(h->v[c], x))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	h->v[i] = x;
}

void
heap_build(struct heap *h)
{
	size_t i;

	for (i = h->n / 2; i-- > 0;)
		sift_down(h, i);
}

void
heap_push(struct heap *h, void *p)
{
	size_t i = h->n++;

	while (i > 0 && h->less(p, h->v[(i - 1) / 2])) {
		h->v[i] = h->v[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->v[i] = p;
}

void *
heap_pop(struct heap *h)
{
	void *top = h->v[0];

	h->v[0] = h->v[--h->n];
	if (h->n)
		sift_down(h, 0);
	return top;
}

void
heap_fix_top(struct heap *h)
{
	if (h->n)
		sift_down(h, 0);
}
