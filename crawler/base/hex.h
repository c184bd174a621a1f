/* hex.h -- hexadecimal digits and percent-escapes (RFC 3986 sec. 2.1),
 * shared by the URL, robots.txt, HTTP and WARC digest parsers.
 */
#ifndef PT_HEX_H
#define PT_HEX_H

#include <stddef.h>

struct buf;

/* Value 0..15 of the hex digit `c` (either case), or -1. */
int hex_val(int c);
/* Value 0..255 of the percent-escape "%hh" at the start of `s` (n bytes
 * available), or -1 when there is none. */
int hex_pct_decode(const char *s, size_t n);
/* Appends the percent-escape of byte `c` with uppercase hex ("%2F").
 * 0 or PT_ETOOBIG (out's cap). */
int hex_add_pct(struct buf *out, unsigned char c);

/* Appends s[0..n) with its percent-encoding redone: each byte, or the byte
 * of each "%hh" escape, is written as is when keep_raw(byte, escaped)
 * returns 1, else as an escape with uppercase hex. 0 or PT_ETOOBIG. */
int hex_pct_normalize(const char *s, size_t n,
		      int (*keep_raw)(unsigned char c, int escaped),
		      struct buf *out);

#endif
