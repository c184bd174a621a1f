/* heap.h -- a binary min-heap of pointers for the k-way merges of the
 * dataset layer (sorted runs in runs.c, partials in tally.c).
 *
 * The caller owns the array v, with room for every element it will hold,
 * and the elements; the heap only orders the pointers, by less(), which
 * says whether a comes strictly before b. */
#ifndef PT_HEAP_H
#define PT_HEAP_H

#include <stddef.h>

struct heap {
	void **v;
	size_t n;
	int (*less)(const void *a, const void *b);
};

/* Orders v[0..n) after the caller filled it. */
void heap_build(struct heap *h);
void heap_push(struct heap *h, void *p);
/* Removes and returns the least element; h->n must not be 0. */
void *heap_pop(struct heap *h);
/* Restores the order after the least element, v[0], moved later (its
 * source advanced to its next record). */
void heap_fix_top(struct heap *h);

#endif
