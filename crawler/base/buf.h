/* buf.h -- the one growable byte buffer of presstally.
 *
 * Invariants: `p` is never NULL after buf_init() or BUF_INIT (it points to a
 * static empty string until the first add) and is always NUL-terminated;
 * `len` excludes the NUL. Every buffer has a cap `max` (0 = unlimited, only
 * for data the program made itself); an add that would pass it returns
 * PT_ETOOBIG and leaves the buffer as it was.
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_BUF_H
#define PT_BUF_H

#include <stdarg.h>
#include <stddef.h>

extern char buf_empty[];

struct buf {
	char *p;    /* contents, NUL-terminated, never NULL */
	size_t len; /* bytes used, without the NUL */
	size_t cap; /* bytes allocated (0 while p == buf_empty) */
	size_t max; /* cap on len, 0 = none */
};

#define BUF_INIT { buf_empty, 0, 0, 0 }

/* Common caps. */
#define BUF_MAX_LINE (64u * 1024)
#define BUF_MAX_DOC (256u * 1024 * 1024)

void buf_init(struct buf *b, size_t max);
/* Frees the storage and re-initialises with the same cap. */
void buf_release(struct buf *b);
/* Empties the buffer, keeping the storage. */
void buf_reset(struct buf *b);
/* Makes room for `extra` more bytes. 0 or PT_ETOOBIG. */
int buf_grow(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *p, size_t n);
int buf_adds(struct buf *b, const char *s);
int buf_addc(struct buf *b, char c);
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Shortens to `len` bytes (len <= b->len). */
void buf_truncate(struct buf *b, size_t len);
/* Returns the contents as a new string; free with free(). The buffer is
 * re-initialised empty. */
char *buf_detach(struct buf *b, size_t *len);

#endif
