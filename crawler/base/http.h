/* http.h -- pieces of HTTP/1.1 messages shared by the WARC reader and the
 * crawler: the value of a field in a header block, the chunked transfer
 * coding and the gzip/deflate content codings.
 *
 * Spec: RFC 9112 sec. 7.1 (chunked transfer coding: chunk size in hex,
 * extensions after ';', last chunk, trailer section), RFC 9110 sec. 5
 * (fields), sec. 8.4.1 (content codings gzip, x-gzip, deflate), RFC 1950
 * (zlib), RFC 1951 (deflate), RFC 1952 (gzip).
 *
 * Non-goals: a full HTTP parser (status lines and header blocks are split
 * by their users), trailer fields (ignored), brotli and zstd.
 *
 * Arguments are borrowed; nothing here consumes its inputs. Output goes
 * to a caller's struct buf, whose cap applies.
 */
#ifndef PT_HTTP_H
#define PT_HTTP_H

#include <stddef.h>

struct buf;

/* Appends to `out` the value of the first field `name` (compared without
 * ASCII case; written "Name:" at the start of a line) of the header block
 * `head` (len bytes, lines ending in LF or CRLF), without the blanks
 * around it. Returns 1 when found, 0 when not (out unchanged). */
int http_header_value(const char *head, size_t len, const char *name,
		      struct buf *out);

/* Removes the chunked transfer coding from (p, n): `out` is emptied, then
 * gets the chunk data. Chunk extensions and the trailer section are
 * ignored; input that ends after a whole chunk without the last chunk is
 * accepted. Returns 0, PT_EPARSE (bad chunk size line, a chunk longer than
 * the input) or PT_ETOOBIG (out's cap; out holds the chunks before). */
int http_dechunk(const char *p, size_t n, struct buf *out);

/* Inflates (p, n) into `out` (emptied first; at most out->max bytes, which
 * must be set): gzip or zlib data (detected by their header), or raw
 * deflate data with raw = 1. Truncated input keeps what inflated.
 * Returns 0, 1 when the output was cut at the cap, or PT_EPARSE (not
 * valid compressed data; out holds what inflated before). */
int http_inflate(const char *p, size_t n, int raw, struct buf *out);

#endif
