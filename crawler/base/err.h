/* err.h -- error codes shared by every presstally module, and the
 * allocation wrappers that abort on out-of-memory.
 *
 * Functions that can fail return 0 (PT_OK) or a negative enum pt_err.
 * Where a message helps, they take an optional `struct buf *err` and append
 * one complete message naming the file, line, record or URL; `err` is left
 * untouched on success. Modules never print and never exit.
 *
 * Out-of-memory is not a code path: pt_xmalloc() and friends print the size
 * and call abort(). Caps on every input buffer stop hostile input well before.
 */
#ifndef PT_ERR_H
#define PT_ERR_H

#include <stddef.h>

enum pt_err {
	PT_OK = 0,
	PT_EIO = -1,      /* read or write failed (errno has details) */
	PT_ETOOBIG = -2,  /* a size cap was reached */
	PT_EPARSE = -3,   /* malformed input */
	PT_EINVAL = -4,   /* invalid argument or option */
	PT_ENOENT = -5,   /* no such file or item */
	PT_EEMPTY = -6,   /* nothing usable in the input */
	PT_EUNSUP = -7,   /* valid but unsupported input */
	PT_ENET = -8,     /* network failure */
	PT_EDB = -9,      /* database failure */
	PT_EINTR = -10    /* interrupted by a signal */
};

/* Returns a static, lowercase description of `code`. */
const char *pt_strerror(int code);

/* Allocation that never returns NULL: on failure print the size and abort. */
void *pt_xmalloc(size_t n);
void *pt_xcalloc(size_t nmemb, size_t size);
void *pt_xrealloc(void *p, size_t n);
/* Growth helper: makes room for at least `need` elements of `elsize` in
 * *p (capacity *cap), doubling. */
void pt_xgrow(void **p, size_t *cap, size_t need, size_t elsize);
/* Returns a new string; free with free(). */
char *pt_xstrdup(const char *s);
/* Returns a new NUL-terminated copy of s[0..n); free with free(). */
char *pt_xstrndup(const char *s, size_t n);

#endif
