/* http.c -- HTTP/1.1 header lookup, chunked transfer decoding and content
 * decoding (see http.h for the contract).
 */
#include "crawler/base/http.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/hex.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* Bytes inflated per step into the output buffer. */
#define INFLATE_STEP (64u * 1024)

int
http_header_value(const char *head, size_t len, const char *name,
		  struct buf *out)
{
	size_t nl = strlen(name), i = 0;

	while (i < len) {
		const char *line = head + i, *end = memchr(line, '\n', len - i);
		size_t ll = end ? (size_t)(end - line) : len - i;

		i += ll + 1;
		if (ll > nl && line[nl] == ':' &&
		    strncasecmp(line, name, nl) == 0) {
			const char *v = line + nl + 1, *e = line + ll;

			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == '\r' || e[-1] == ' ' ||
					 e[-1] == '\t'))
				e--;
			buf_add(out, v, (size_t)(e - v));
			return 1;
		}
	}
	return 0;
}

/* Parses the chunk size line starting at p[*i] and ending at `eol` (its
 * LF): leading spaces, hex digits, then an extension, blanks or CR.
 * Moves *i past the line. 0 or PT_EPARSE. */
static int
chunk_size(const char *p, size_t n, size_t *i, const char *eol, size_t *size)
{
	size_t k = *i, digits = 0;
	int x;

	*size = 0;
	while (k < n && p[k] == ' ')
		k++;
	for (; p + k < eol; k++, digits++) {
		x = hex_val(p[k]);
		if (x < 0)
			break;
		if (*size > (SIZE_MAX >> 4))
			return PT_EPARSE;
		*size = *size * 16 + (size_t)x;
	}
	if (!digits)
		return PT_EPARSE;
	if (p + k < eol && p[k] != ';' && p[k] != ' ' && p[k] != '\t' &&
	    p[k] != '\r')
		return PT_EPARSE;
	*i = (size_t)(eol - p) + 1;
	return 0;
}

int
http_dechunk(const char *p, size_t n, struct buf *out)
{
	size_t i = 0, size;
	const char *eol;

	buf_reset(out);
	while (i < n) {
		eol = memchr(p + i, '\n', n - i);
		if (!eol || chunk_size(p, n, &i, eol, &size))
			return PT_EPARSE;
		if (size == 0)
			return 0; /* trailers ignored */
		if (size > n - i)
			return PT_EPARSE;
		if (buf_add(out, p + i, size))
			return PT_ETOOBIG;
		i += size;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
	}
	return 0;
}

int
http_inflate(const char *p, size_t n, int raw, struct buf *out)
{
	z_stream z;
	int zr, cut = 0;
	size_t room;

	buf_reset(out);
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, raw ? -MAX_WBITS : 32 + MAX_WBITS) != Z_OK)
		return PT_EPARSE;
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	for (;;) {
		room = out->max - out->len;
		if (room == 0) {
			cut = 1;
			break;
		}
		if (room > INFLATE_STEP)
			room = INFLATE_STEP;
		if (buf_grow(out, room)) {
			cut = 1;
			break;
		}
		z.next_out = (unsigned char *)out->p + out->len;
		z.avail_out = (uInt)room;
		zr = inflate(&z, Z_NO_FLUSH);
		out->len += room - z.avail_out;
		out->p[out->len] = '\0';
		if (zr == Z_STREAM_END)
			break;
		if (zr == Z_BUF_ERROR)
			break; /* truncated: keep what we have */
		if (zr != Z_OK) {
			inflateEnd(&z);
			return PT_EPARSE;
		}
	}
	inflateEnd(&z);
	return cut;
}
