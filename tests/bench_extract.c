/* bench_extract.c -- extraction speed against libxml2's parse-only speed
 * on the same pages in the same run, for scripts/bench_extract.sh (not a
 * test: prints figures, asserts nothing).
 *
 * usage: bench_extract PASSES FILE...
 * Reads every file once, then PASSES times (the first a warm-up) parses
 * each page with libxml2 alone and extracts it with the extractor, and
 * prints MB/s of CPU time for both, their ratio and the peak RSS.
 */
#include "analyzer/extract/extract.h"
#include "crawler/base/buf.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"

#include <libxml/HTMLparser.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* The parser options of extract.c, so that both sides parse alike. */
#define PARSE_OPTS                                                        \
	(HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |  \
	 HTML_PARSE_NONET | HTML_PARSE_COMPACT)

/* CPU time of this process: the machine is shared, so wall time would
 * mostly measure the neighbours. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
main(int argc, char **argv)
{
	struct buf *pages, err;
	struct extractor *x;
	struct article a;
	struct rusage ru;
	htmlParserCtxtPtr ctxt;
	double bytes = 0, tparse = 0, textract = 0, t0;
	long passes;
	int i, n, p;

	if (argc < 3 || (passes = strtol(argv[1], NULL, 10)) < 2) {
		log_error("usage: bench_extract PASSES(>=2) FILE...");
		return 2;
	}
	n = argc - 2;
	pages = calloc((size_t)n, sizeof(*pages));
	if (!pages)
		return 1;
	buf_init(&err, 0);
	for (i = 0; i < n; i++) {
		buf_init(&pages[i], 0);
		if (fileio_read(argv[i + 2], &pages[i], &err)) {
			log_error("%s", err.p);
			return 1;
		}
	}
	xmlInitParser();
	x = extractor_new();
	xmlSetGenericErrorFunc(NULL, quiet);
	ctxt = htmlNewParserCtxt();
	article_init(&a);
	for (p = 0; p < passes; p++) {
		/* alternate the two sides page by page, so that both see the
		 * same caches and the same neighbours */
		for (i = 0; i < n; i++) {
			htmlDocPtr doc;

			t0 = now();
			doc = htmlCtxtReadMemory(ctxt, pages[i].p,
						 (int)pages[i].len, NULL, NULL,
						 PARSE_OPTS);
			xmlFreeDoc(doc);
			if (p > 0)
				tparse += now() - t0;
			t0 = now();
			extractor_run(x, pages[i].p, pages[i].len, NULL, NULL,
				      &a, NULL);
			if (p > 0) {
				textract += now() - t0;
				bytes += (double)pages[i].len;
			}
		}
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("pages: %d, passes: %ld (1 warm-up), %.1f MB measured\n", n,
	       passes, bytes / 1e6);
	printf("libxml2 parse only: %.1f MB/s of CPU time\n",
	       bytes / 1e6 / tparse);
	printf("presstally extract: %.1f MB/s of CPU time (%.0f%% of parse "
	       "only), %.0f pages/s\n", bytes / 1e6 / textract,
	       100.0 * tparse / textract,
	       (double)n * (double)(passes - 1) / textract);
	printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	article_release(&a);
	htmlFreeParserCtxt(ctxt);
	extractor_free(x);
	for (i = 0; i < n; i++)
		buf_release(&pages[i]);
	free(pages);
	buf_release(&err);
	return 0;
}
