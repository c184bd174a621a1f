/* fuzz_sources.c -- libFuzzer target: sources_parse() and the patterns. */
#include "crawler/sources.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sources s;
	struct buf err = BUF_INIT;
	size_t i, j;
	int rc;

	sources_init(&s);
	rc = sources_parse(&s, (const char *)data, size, "fuzz.conf", &err);
	if ((rc == 0) != (err.len == 0))
		abort();
	for (i = 0; i < s.n; i++) {
		const struct source_outlet *o = &s.outlets[i];

		if (o->hosts.n == 0 || sources_find_host(&s, o->hosts.v[0]) == NULL)
			abort();
		for (j = 0; j < o->feeds.n; j++)
			sources_is_article(o, o->feeds.v[j]);
		for (j = 0; j < o->sitemaps.n; j++)
			sources_is_article(o, o->sitemaps.v[j]);
	}
	sources_release(&s);
	buf_release(&err);
	return 0;
}
