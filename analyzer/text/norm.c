/* norm.c -- matching keys with an offset map, NFC for display, UTF-8
 * repair. Built on utf8proc (per-character decomposition with COMPAT,
 * CASEFOLD and STRIPMARK, which is NFKD + case folding + mark removal; a
 * key only has to compare equal, it need not be composed again).
 */
#include "analyzer/text/norm.h"

#include "crawler/base/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

void
norm_init(struct norm *n)
{
	buf_init(&n->key, 0);
	n->map = NULL;
	n->mapcap = 0;
}

void
norm_release(struct norm *n)
{
	buf_release(&n->key);
	free(n->map);
	n->map = NULL;
	n->mapcap = 0;
}

size_t
norm_decode(const char *p, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if ((unsigned char)p[0] < 0x80) {
		*cp = (unsigned char)p[0];
		return 1;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)p,
			     (utf8proc_ssize_t)(len > 4 ? 4 : len), &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

int
norm_is_upper(int32_t cp)
{
	const utf8proc_property_t *pr;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	pr = utf8proc_get_property(cp);
	return pr->category == UTF8PROC_CATEGORY_LU ||
	       pr->category == UTF8PROC_CATEGORY_LT;
}

int
norm_is_letter(int32_t cp)
{
	const utf8proc_property_t *pr;

	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	pr = utf8proc_get_property(cp);
	return pr->category >= UTF8PROC_CATEGORY_LU &&
	       pr->category <= UTF8PROC_CATEGORY_LO;
}

/* Characters whose key is fixed by presstally rather than by utf8proc.
 * Returns the replacement ("" to drop) or NULL to let utf8proc decide. */
static const char *
special(int32_t c)
{
	switch (c) {
	case '\r':
		return "";
	case '\t': case 0x0B: case 0x0C:
		return " ";
	case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
		return " ";
	case 0x00AD: case 0x034F: case 0x180E: case 0x200B: case 0x200C:
	case 0x200D: case 0x200E: case 0x200F: case 0x2060: case 0x2061:
	case 0x2062: case 0x2063: case 0x2064: case 0xFEFF:
		return "";
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x02BC: case 0x0060: case 0x00B4: case 0x2039: case 0x203A:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
	case 0x00BB: case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0xFE63:
	case 0xFF0D:
		return "-";
	case 0x2013: case 0x2014: case 0x2015: case 0xFE58:
		return " - ";
	case 0x2026:
		return "...";
	case 0x00F8: case 0x00D8:
		return "o";
	case 0x0142: case 0x0141:
		return "l";
	case 0x0111: case 0x0110: case 0x00F0: case 0x00D0:
		return "d";
	case 0x00E6: case 0x00C6:
		return "ae";
	case 0x0153: case 0x0152:
		return "oe";
	case 0x00DF: case 0x1E9E:
		return "ss";
	case 0x00FE: case 0x00DE:
		return "th";
	case 0x0131:
		return "i";
	}
	if (c >= 0x2000 && c <= 0x200A)
		return " ";
	return NULL;
}

/* Asked at every character: the capacity is compared here, and
 * pt_xgrow() called only to grow. */
static void
map_reserve(struct norm *n, size_t need)
{
	if (need > n->mapcap)
		pt_xgrow((void **)&n->map, &n->mapcap, need, sizeof(*n->map));
}

static void
emit(struct norm *n, const char *s, size_t k, uint32_t off)
{
	size_t i;

	map_reserve(n, n->key.len + k + 1);
	for (i = 0; i < k; i++)
		n->map[n->key.len + i] = off;
	buf_add(&n->key, s, k);
}

/* 1 for an ASCII byte the key keeps as it is or in lower case. */
static int
plain_ascii(unsigned char b)
{
	return b < 0x80 && b != '\r' && b != '\t' && b != '`' && b != 0x0B &&
	       b != 0x0C;
}

int
norm_text(struct norm *n, const char *p, size_t len)
{
	const utf8proc_option_t opts = UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
				       UTF8PROC_DECOMPOSE |
				       UTF8PROC_STRIPMARK | UTF8PROC_IGNORE;
	size_t i = 0, k;
	int32_t c;

	if (len >= UINT32_MAX)
		return PT_ETOOBIG;
	buf_reset(&n->key);
	buf_grow(&n->key, len + 16);
	map_reserve(n, len + 17);
	while (i < len) {
		unsigned char b = (unsigned char)p[i];
		const char *sp;

		/* ASCII fast path: most of the text, a run at a time (one
		 * check of room per run). */
		if (plain_ascii(b)) {
			size_t e = i + 1, at;

			while (e < len && plain_ascii((unsigned char)p[e]))
				e++;
			if (n->key.len + (e - i) + 1 > n->key.cap)
				buf_grow(&n->key, e - i + 64);
			map_reserve(n, n->key.len + (e - i) + 1);
			at = n->key.len;
			for (; i < e; i++, at++) {
				b = (unsigned char)p[i];
				n->map[at] = (uint32_t)i;
				n->key.p[at] = (char)(b >= 'A' && b <= 'Z' ?
						      b + 32 : b);
			}
			n->key.len = at;
			n->key.p[at] = '\0';
			continue;
		}
		k = norm_decode(p + i, len - i, &c);
		sp = special(c);
		if (sp) {
			emit(n, sp, strlen(sp), (uint32_t)i);
		} else {
			utf8proc_int32_t dst[32];
			utf8proc_ssize_t m, j;
			int bc = 0;

			m = utf8proc_decompose_char(c, dst, 32, opts, &bc);
			if (m < 0 || m > 32) {
				emit(n, p + i, k, (uint32_t)i);
			} else {
				for (j = 0; j < m; j++) {
					utf8proc_uint8_t enc[4];
					utf8proc_ssize_t el;
					const char *s2 = special(dst[j]);

					if (s2) {
						emit(n, s2, strlen(s2),
						     (uint32_t)i);
						continue;
					}
					if (utf8proc_get_property(dst[j])
						    ->category ==
					    UTF8PROC_CATEGORY_CF)
						continue;
					el = utf8proc_encode_char(dst[j], enc);
					emit(n, (const char *)enc, (size_t)el,
					     (uint32_t)i);
				}
			}
		}
		i += k;
	}
	map_reserve(n, n->key.len + 1);
	n->map[n->key.len] = (uint32_t)len;
	return 0;
}

char *
norm_key(const char *s, size_t len)
{
	struct norm n;
	char *out;

	norm_init(&n);
	norm_text(&n, s, len);
	out = buf_detach(&n.key, NULL);
	norm_release(&n);
	return out;
}

char *
norm_nfc(const char *s, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;
	size_t i;

	/* ASCII (no NUL) is its own NFC: most names, at a fraction of
	 * utf8proc_map()'s cost. */
	for (i = 0; i < len && s[i] > 0 && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == len)
		return pt_xstrndup(s, len);
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (r < 0 || !out)
		return pt_xstrndup(s, len);
	return (char *)out;
}

size_t
norm_fix_utf8(const char *p, size_t len, struct buf *out, size_t *first_bad)
{
	static const char repl[] = "\xEF\xBF\xBD";
	size_t i = 0, start = 0, bad = 0;

	while (i < len) {
		unsigned char b;
		utf8proc_int32_t c;
		utf8proc_ssize_t k;
		uint64_t v;

		/* Eight bytes at a time while they are ASCII and no NUL
		 * (most text): no high bit, and no zero byte. */
		while (i + 8 <= len) {
			memcpy(&v, p + i, 8);
			if ((v & 0x8080808080808080ull) ||
			    ((v - 0x0101010101010101ull) & ~v &
			     0x8080808080808080ull))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		b = (unsigned char)p[i];
		if (b >= 0x20 && b < 0x80) {
			i++;
			continue;
		}
		if (b < 0x80 && b != 0) {
			i++;
			continue;
		}
		if (b == 0) {
			k = -1;
		} else {
			k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
					     (utf8proc_ssize_t)(len - i), &c);
		}
		if (k > 0) {
			i += (size_t)k;
			continue;
		}
		if (bad == 0 && first_bad)
			*first_bad = i;
		bad++;
		buf_add(out, p + start, i - start);
		buf_add(out, repl, 3);
		i++;
		/* Skip continuation bytes of the broken sequence. */
		while (i < len && ((unsigned char)p[i] & 0xC0) == 0x80)
			i++;
		start = i;
	}
	buf_add(out, p + start, len - start);
	return bad;
}
