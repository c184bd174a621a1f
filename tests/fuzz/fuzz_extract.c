/* fuzz_extract.c -- libFuzzer target for the HTML extractor: any bytes,
 * with and without an HTTP charset, must extract without crashing or
 * leaking. Build with -DPT_FUZZ=ON and clang.
 */
#include "analyzer/extract/extract.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static struct extractor *x;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { NULL, "utf-8", "iso-8859-1",
						"shift_jis", "bogus" };
	struct article a;
	struct buf warn = BUF_INIT;
	const char *cs = NULL;

	if (!x)
		x = extractor_new();
	/* the first byte picks the HTTP charset */
	if (size > 0) {
		cs = charsets[data[0] % (sizeof(charsets) / sizeof(charsets[0]))];
		data++;
		size--;
	}
	buf_init(&warn, 65536);
	article_init(&a);
	extractor_run(x, (const char *)data, size, "https://example.org/a/b",
		      cs, &a, &warn);
	article_release(&a);
	buf_release(&warn);
	return 0;
}
