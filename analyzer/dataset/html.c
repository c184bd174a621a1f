/* html.c -- escaping and numbers for the HTML report (html.h).
 */
#include "analyzer/dataset/html.h"

#include "crawler/base/buf.h"

#include <string.h>

void
html_escn(struct buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *e;

		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		case '\0': e = ""; break;
		default: continue;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, e);
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

void
html_esc(struct buf *b, const char *s)
{
	html_escn(b, s, strlen(s));
}

void
html_href(struct buf *b, const char *url)
{
	if (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0)
		html_esc(b, url);
	else
		buf_addc(b, '#');
}

void
html_num1(struct buf *b, double v)
{
	long long t = (long long)(v * 10 + (v < 0 ? -0.5 : 0.5));

	if (t < 0) {
		buf_addc(b, '-');
		t = -t;
	}
	buf_addf(b, "%lld.%lld", t / 10, t % 10);
}
