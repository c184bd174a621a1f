/* hex.c -- hexadecimal digits and percent-escapes (see hex.h). */
#include "crawler/base/hex.h"

#include "crawler/base/buf.h"

int
hex_val(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
hex_pct_decode(const char *s, size_t n)
{
	int hi, lo;

	if (n < 3 || s[0] != '%' || (hi = hex_val(s[1])) < 0 ||
	    (lo = hex_val(s[2])) < 0)
		return -1;
	return hi * 16 + lo;
}

int
hex_add_pct(struct buf *out, unsigned char c)
{
	static const char digits[] = "0123456789ABCDEF";
	char e[3];

	e[0] = '%';
	e[1] = digits[c >> 4];
	e[2] = digits[c & 15];
	return buf_add(out, e, 3);
}

int
hex_pct_normalize(const char *s, size_t n,
		  int (*keep_raw)(unsigned char c, int escaped),
		  struct buf *out)
{
	size_t i;
	int rc = 0, v;

	for (i = 0; i < n && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];
		int escaped = (v = hex_pct_decode(s + i, n - i)) >= 0;

		if (escaped) {
			c = (unsigned char)v;
			i += 2;
		}
		if (keep_raw(c, escaped))
			rc = buf_addc(out, (char)c);
		else
			rc = hex_add_pct(out, c);
	}
	return rc;
}
