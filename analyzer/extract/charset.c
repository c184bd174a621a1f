/* charset.c -- choosing the character encoding of an HTML page. */
#include "analyzer/extract/charset.h"

#include "analyzer/extract/weights.h"
#include "crawler/base/buf.h"

#include <libxml/encoding.h>

#include <string.h>
#include <strings.h>

#define PRESCAN 4096
/* Invalid UTF-8 sequences counted at most (enough for any verdict). */
#define UTF8_COUNT_MAX 1000000
/* Room for a charset label. */
#define LABEL_SIZE 48

size_t
charset_utf8_errors(const char *s, size_t len, size_t limit, size_t *multi)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len;
	size_t bad = 0, ok = 0;

	while (p < end && bad < limit) {
		unsigned c = *p;
		size_t n, i;
		unsigned cp;

		if (c < 0x80) {
			/* skip ASCII runs quickly */
			while (end - p >= 8) {
				unsigned long long w;

				memcpy(&w, p, 8);
				if (w & 0x8080808080808080ULL)
					break;
				p += 8;
			}
			while (p < end && *p < 0x80)
				p++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			bad++;
			p++;
			continue;
		}
		if ((size_t)(end - p) <= n) {
			bad++;
			p++;
			continue;
		}
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				break;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if (i <= n || (n == 2 && cp < 0x800) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			bad++;
			p++;
			continue;
		}
		ok++;
		p += n + 1;
	}
	if (multi)
		*multi = ok;
	return bad;
}

size_t
charset_put_utf8(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | (cp >> 6));
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | (cp >> 12));
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | (cp >> 18));
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Copies a charset label into out, lowercased, trimmed of quotes/space. */
static void
label_copy(char *out, size_t outsz, const char *s, size_t n)
{
	size_t i, o = 0;

	while (n && (*s == ' ' || *s == '"' || *s == '\'' || *s == '\t')) {
		s++;
		n--;
	}
	for (i = 0; i < n && o + 1 < outsz; i++) {
		char c = s[i];

		if (c == '"' || c == '\'' || c == ';' || c == ' ' ||
		    c == '>' || c == '/' || c == '\t' || c == '\n' ||
		    c == '\r' || c == ',')
			break;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		out[o++] = c;
	}
	out[o] = '\0';
}

/* Maps a label to the name given to libxml2 (WHATWG aliases for the common
 * cases); "" when empty. */
static void
label_normalize(char *name, size_t sz)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{ "utf8", "UTF-8" },
		{ "utf-8", "UTF-8" },
		{ "unicode-1-1-utf-8", "UTF-8" },
		{ "iso-8859-1", "windows-1252" },
		{ "iso8859-1", "windows-1252" },
		{ "latin1", "windows-1252" },
		{ "latin-1", "windows-1252" },
		{ "us-ascii", "windows-1252" },
		{ "ascii", "windows-1252" },
		{ "cp1252", "windows-1252" },
		{ "x-sjis", "SHIFT_JIS" },
		{ "gb2312", "GBK" },
		{ "utf-16", "UTF-16LE" },
		{ "ks_c_5601-1987", "EUC-KR" },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(name, map[i].from) == 0) {
			size_t n = strlen(map[i].to);

			if (n < sz)
				memcpy(name, map[i].to, n + 1);
			return;
		}
}

/* Finds "charset=" in the first PRESCAN bytes inside a <meta ...> tag. */
static int
meta_charset(const char *html, size_t len, char *out, size_t outsz)
{
	size_t lim = len < PRESCAN ? len : PRESCAN;
	const char *p = html, *end = html + lim;

	while (p < end) {
		const char *m = memchr(p, '<', (size_t)(end - p));
		const char *gt, *q;

		if (!m || end - m < 6)
			return 0;
		p = m + 1;
		if (strncasecmp(p, "meta", 4) != 0)
			continue;
		gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			gt = end;
		for (q = p; q + 8 <= gt; q++) {
			if (strncasecmp(q, "charset", 7) != 0)
				continue;
			q += 7;
			while (q < gt && (*q == ' ' || *q == '\t'))
				q++;
			if (q < gt && *q == '=') {
				q++;
				while (q < gt && (*q == ' ' || *q == '"' ||
						  *q == '\''))
					q++;
				label_copy(out, outsz, q, (size_t)(gt - q));
				if (out[0])
					return 1;
			}
		}
		p = gt;
	}
	return 0;
}

static int
is_single_byte(const char *name)
{
	return strcasecmp(name, "windows-1252") == 0 ||
	       strncasecmp(name, "iso-8859-", 9) == 0 ||
	       strncasecmp(name, "windows-125", 11) == 0 ||
	       strcasecmp(name, "koi8-r") == 0;
}

static void
set_name(struct charset_guess *g, const char *name)
{
	size_t n = strlen(name);

	if (n >= sizeof(g->name))
		n = sizeof(g->name) - 1;
	memcpy(g->name, name, n);
	g->name[n] = '\0';
}

/* A byte order mark at the start of html: 1 with g filled, else 0. */
static int
from_bom(const char *html, size_t len, struct charset_guess *g)
{
	const unsigned char *u = (const unsigned char *)html;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		set_name(g, "UTF-8");
		g->skip = 3;
		g->utf8_bad = (int)charset_utf8_errors(html + 3, len - 3,
						       UTF8_COUNT_MAX, NULL);
		return 1;
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		set_name(g, "UTF-16LE");
		g->skip = 2;
		return 1;
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		set_name(g, "UTF-16BE");
		g->skip = 2;
		return 1;
	}
	return 0;
}

/* The declared charset, from the HTTP header or else the page's <meta>,
 * into label (normalized; "" when none, unknown or UTF-16 on 8-bit
 * bytes); *from says where it came from. */
static void
declared(const char *html, size_t len, const char *http,
	 char label[LABEL_SIZE], const char **from, struct charset_guess *g,
	 struct buf *warn)
{
	label[0] = '\0';
	*from = NULL;
	if (http && *http) {
		label_copy(label, LABEL_SIZE, http, strlen(http));
		*from = "HTTP";
	}
	if (!label[0] && meta_charset(html, len, label, LABEL_SIZE))
		*from = "meta";
	label_normalize(label, LABEL_SIZE);
	if (label[0] && !strstr(label, "utf-16") &&
	    strcmp(label, "UTF-16LE") != 0) {
		xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(label);

		if (!h) {
			if (warn)
				buf_addf(warn, "declared charset '%s' (%s) "
					 "is unknown; guessing\n", label,
					 *from);
			label[0] = '\0';
		} else {
			xmlCharEncCloseFunc(h);
		}
	} else if (label[0]) {
		/* a page in UTF-16 has a BOM; a UTF-16 label on 8-bit bytes
		 * is wrong (WHATWG reads it as UTF-8) */
		set_name(g, "UTF-8");
		label[0] = '\0';
	}
}

void
charset_guess(const char *html, size_t len, const char *http,
	      struct charset_guess *g, struct buf *warn)
{
	char label[LABEL_SIZE];
	const char *from;
	size_t multi = 0, bad;
	int not_utf8;

	memset(g, 0, sizeof(*g));
	if (from_bom(html, len, g))
		return;
	declared(html, len, http, label, &from, g, warn);
	bad = charset_utf8_errors(html, len, UTF8_COUNT_MAX, &multi);
	not_utf8 = bad > 0 && bad * W_UTF8_BAD_DIV > multi;
	if (!label[0]) {
		set_name(g, not_utf8 ? "windows-1252" : "UTF-8");
	} else if (strcmp(label, "UTF-8") == 0) {
		if (not_utf8) {
			if (warn)
				buf_addf(warn, "declared charset 'utf-8' (%s) "
					 "is wrong; read as windows-1252\n",
					 from);
			set_name(g, "windows-1252");
		} else {
			set_name(g, "UTF-8");
		}
	} else if (is_single_byte(label) && bad == 0 &&
		   multi >= W_UTF8_MIN_MULTI) {
		if (warn)
			buf_addf(warn, "declared charset '%s' (%s) is wrong; "
				 "read as utf-8\n", label, from);
		set_name(g, "UTF-8");
	} else {
		set_name(g, label);
	}
	g->utf8_bad = strcmp(g->name, "UTF-8") == 0 ? (int)bad : 0;
}
