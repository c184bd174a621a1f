/* fuzz_robots.c -- libFuzzer target: robots_parse() and matching.
 * Input: first line = product token, second line = path to test, the rest
 * = robots.txt body. Checks invariants that must hold for any input. */
#include "crawler/robots.h"
#include "crawler/base/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t
line_end(const char *p, size_t len)
{
	const char *nl = memchr(p, '\n', len);

	return nl ? (size_t)(nl - p) : len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	size_t n1 = line_end(p, size), n2, i;
	char *ua, *path;
	struct robots *r;
	struct robots_stats st;
	struct buf b = BUF_INIT;

	ua = strndup(p, n1);
	p += n1 < size ? n1 + 1 : n1;
	size -= n1 < size ? n1 + 1 : n1;
	n2 = line_end(p, size);
	path = strndup(p, n2);
	p += n2 < size ? n2 + 1 : n2;
	size -= n2 < size ? n2 + 1 : n2;
	if (!ua || !path)
		abort();

	r = robots_parse(p, size, ua);
	robots_allowed(r, path);
	robots_allowed_url(r, path);
	robots_allowed(r, "/");
	robots_crawl_delay(r);
	for (i = 0; i < robots_sitemap_count(r); i++)
		if (!robots_sitemap(r, i))
			abort();
	robots_get_stats(r, &st);
	if (st.valid + st.unknown > st.lines)
		abort();
	robots_free(r);

	robots_ua_valid(ua);
	robots_path_of_url(path, &b);
	if (b.len == 0 || b.p[0] != '/')
		abort();
	buf_reset(&b);
	robots_escape_pattern(path, strlen(path), &b);
	buf_release(&b);
	free(ua);
	free(path);
	return 0;
}
