/* fuzz_links.c -- libFuzzer target: links_extract() on any bytes, with a
 * fixed base URL. Every reported link must be a non-empty http(s) URL. */
#include "crawler/links.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(void *ctx, const char *url)
{
	(void)ctx;
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	links_extract((const char *)data, size, "http://fuzz.example/a/b",
		      check, NULL);
	return 0;
}
