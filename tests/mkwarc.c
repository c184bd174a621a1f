/* mkwarc.c -- builds a WARC corpus for benchmarks (not a test): article
 * pages made from the bundled samples, each capture with its own URL and a
 * little of its own text, written with the project's WARC writer.
 *
 * usage: mkwarc OUTDIR TOTAL_MB FILE_MB SAMPLE...
 * Writes captures until OUTDIR holds TOTAL_MB of .warc.gz, rotating files
 * at FILE_MB. A .txt sample is wrapped in an article page; every page gets
 * what trade-press pages carry around the article (a menu of links, an
 * inline script, a related-stories box, a footer), so that a page weighs
 * about 40 KB of HTML, like the real ones.
 */
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"
#include "crawler/base/warc.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAXSAMPLES 64

int
main(int argc, char **argv)
{
	struct buf pages[MAXSAMPLES], err = BUF_INIT, body = BUF_INIT;
	struct buf uri = BUF_INIT, chrome;
	struct warc_writer_opts o;
	struct warc_writer *w;
	uint64_t total_mb, file_mb;
	unsigned long long written = 0, n = 0;
	int i, np = 0;
	static const char head[] = "HTTP/1.1 200 OK\r\n"
		"Content-Type: text/html; charset=utf-8\r\n\r\n";

	if (argc < 5 || cli_parse_uint(argv[2], 1u << 20, &total_mb) ||
	    cli_parse_uint(argv[3], 1u << 20, &file_mb)) {
		log_error("usage: mkwarc OUTDIR TOTAL_MB FILE_MB SAMPLE...");
		return 2;
	}
	/* The page furniture, made once. */
	buf_init(&chrome, 0);
	buf_adds(&chrome, "<script>var dataLayer = [];");
	for (i = 0; i < 400; i++)
		buf_addf(&chrome, "dataLayer.push({'slot%d': 'ad-unit-%d', "
			 "'sizes': [[300, 250], [728, 90]]});\n", i, i * 7);
	buf_adds(&chrome, "</script><header><nav><ul>");
	for (i = 0; i < 120; i++)
		buf_addf(&chrome, "<li><a href=\"/section/%d\">Section %d"
			 "</a></li>", i, i);
	buf_adds(&chrome, "</ul></nav></header>");
	for (i = 4; i < argc && np < MAXSAMPLES; i++) {
		struct buf raw = BUF_INIT;

		if (fileio_read(argv[i], &raw, &err)) {
			log_error("%s", err.p);
			return 1;
		}
		buf_init(&pages[np], 0);
		if (fileio_has_ext(argv[i], ".txt")) {
			/* Paragraphs of the text file become <p> elements. */
			const char *p = raw.p, *nl;

			buf_adds(&pages[np], "<!DOCTYPE html><html lang=\"en\">"
				 "<head><meta charset=\"utf-8\"><title>Sample"
				 "</title></head><body><nav><a href=\"/\">Home"
				 "</a></nav><article>");
			while (*p) {
				nl = strchr(p, '\n');
				if (!nl)
					nl = p + strlen(p);
				if (nl > p)
					buf_addf(&pages[np], "<p>%.*s</p>\n",
						 (int)(nl - p), p);
				p = *nl ? nl + 1 : nl;
			}
			buf_adds(&pages[np], "</article><footer>Fixture Weekly"
				 "</footer></body></html>");
		} else {
			buf_add(&pages[np], raw.p, raw.len);
		}
		buf_release(&raw);
		np++;
	}
	memset(&o, 0, sizeof(o));
	o.dir = argv[1];
	o.prefix = "bench";
	o.max_size = file_mb << 20;
	o.level = 1;
	w = warc_writer_new(&o, &err);
	if (!w) {
		log_error("%s", err.p);
		return 1;
	}
	while (written < (total_mb << 20)) {
		struct warc_capture c;
		struct warc_written out;
		struct stat st;
		const struct buf *pg = &pages[n % (unsigned)np];
		const char *cut = strstr(pg->p, "</article>");
		size_t at = cut ? (size_t)(cut - pg->p) : pg->len;

		const char *bodytag = strstr(pg->p, "<body>");
		size_t bt = bodytag ? (size_t)(bodytag - pg->p) + 6 : 0;

		buf_reset(&body);
		buf_add(&body, pg->p, bt);
		buf_add(&body, chrome.p, chrome.len);
		buf_add(&body, pg->p + bt, at - bt);
		buf_addf(&body, "<p>Fixture capture number %llu.</p>", n);
		buf_add(&body, pg->p + at, pg->len - at);
		buf_adds(&body, "<aside class=\"related\"><ul>");
		for (i = 0; i < 12; i++)
			buf_addf(&body, "<li><a href=\"/news/%llu\">More "
				 "stories from the fixture desk, number %d</a>"
				 "</li>", (n * 13 + (unsigned)i) % 100000, i);
		buf_adds(&body, "</ul></aside>");
		buf_reset(&uri);
		buf_addf(&uri, "https://fixture.example/news/%llu", n);
		memset(&c, 0, sizeof(c));
		c.uri = uri.p;
		c.when = 1700000000 + (time_t)n;
		c.resp_head = head;
		c.resp_head_len = sizeof(head) - 1;
		c.body = body.p;
		c.body_len = body.len;
		if (warc_writer_capture(w, &c, &out, &err)) {
			log_error("%s", err.p);
			return 1;
		}
		if (++n % 256 == 0 && stat(out.path, &st) == 0) {
			/* Sum of closed files plus the open one. */
			char **v;
			size_t k, nf;
			static const char *const ext[] = { ".warc.gz", NULL };

			written = 0;
			if (fileio_list(argv[1], ext, &v, &nf, NULL) == 0) {
				for (k = 0; k < nf; k++)
					if (stat(v[k], &st) == 0)
						written += (unsigned long long)st.st_size;
				fileio_list_free(v, nf);
			}
		}
	}
	warc_writer_close(w, &err);
	warc_writer_free(w);
	printf("%llu captures, %llu bytes of WARC\n", n, written);
	for (i = 0; i < np; i++)
		buf_release(&pages[i]);
	buf_release(&err);
	buf_release(&body);
	buf_release(&uri);
	buf_release(&chrome);
	return 0;
}
