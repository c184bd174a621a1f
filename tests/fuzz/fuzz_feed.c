/* fuzz_feed.c -- libFuzzer target: feed_parse() and feed_sniff() on any
 * body, with and without a base URL. */
#include "crawler/feed.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct feed f;
	struct buf err = BUF_INIT;
	size_t i;
	int rc;

	feed_sniff("application/rss+xml", p, size);
	feed_sniff(NULL, p, size);
	feed_init(&f);
	rc = feed_parse(&f, p, size, (size & 1) ? "https://example.com/f/x"
						: NULL, &err);
	if (rc != 0 && err.len == 0)
		abort(); /* every error has a message */
	if (rc == 0 && err.len != 0)
		abort(); /* err untouched on success */
	for (i = 0; i < f.n; i++)
		if (!f.entries[i].url)
			abort();
	feed_release(&f);
	buf_release(&err);
	return 0;
}
