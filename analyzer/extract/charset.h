/* charset.h -- choosing the character encoding of an HTML page.
 *
 * Order (WHATWG "encoding sniffing", simplified): byte order mark, the
 * charset of the HTTP Content-Type header, <meta charset> / http-equiv in
 * the first 4 KB, else UTF-8 when the bytes are valid UTF-8 and
 * windows-1252 otherwise. A declared charset is checked against the bytes:
 * UTF-8 that is not UTF-8 is read as windows-1252, and a single-byte
 * charset over bytes that are plainly UTF-8 is read as UTF-8; either case
 * gives a warning.
 *
 * Non-goals: statistical detection of legacy East-Asian encodings.
 */
#ifndef PT_CHARSET_H
#define PT_CHARSET_H

#include <stddef.h>

struct buf;

struct charset_guess {
	char name[48]; /* encoding name for libxml2, e.g. "UTF-8" */
	size_t skip;   /* bytes of BOM to skip */
	int utf8_bad;  /* number of invalid UTF-8 sequences (when UTF-8) */
};

/* Chooses the encoding of html[0..len). `http` is the HTTP header charset
 * or NULL. Warnings go to `warn` (may be NULL), one line each. */
void charset_guess(const char *html, size_t len, const char *http,
		   struct charset_guess *g, struct buf *warn);

/* Counts invalid UTF-8 sequences in s[0..len) (stops counting at `limit`);
 * *multi receives the number of valid multi-byte sequences. */
size_t charset_utf8_errors(const char *s, size_t len, size_t limit,
			   size_t *multi);

/* Writes the UTF-8 form of code point cp (at most 0x10FFFF, no surrogate)
 * to d, which has room for 4 bytes. Returns the bytes written (1..4). */
size_t charset_put_utf8(char *d, unsigned cp);

#endif
