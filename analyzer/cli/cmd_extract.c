/* cmd_extract.c -- `presstally extract`: prints the main article of HTML
 * pages as text or JSON lines.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/extract/extract.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/http.h"
#include "crawler/base/log.h"

#include <getopt.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char usage[] =
	"presstally extract [--format text|json] [--url URL] "
	"[--charset NAME] INPUT...";

static const char help[] =
	"Prints the main article of each HTML page INPUT (\"-\" = stdin; "
	"gzip data is\ninflated). Pages are cut at 32 MB of HTML, with a "
	"warning; files over 256 MB are\nnot read. WARC files are refused: "
	"'presstally analyze' reads their captures.\n"
	"\n"
	"Options:\n"
	"  -c, --charset NAME   charset from the HTTP header (overrides "
	"<meta>)\n"
	"  -f, --format FMT     text (default): paragraphs separated by "
	"blank lines,\n"
	"                       articles by a form-feed line; json: one "
	"object per\n"
	"                       line with url, title, author, published, "
	"site,\n"
	"                       language, canonical, text\n"
	"  -h, --help           show this help\n"
	"  -u, --url URL        the page's URL (one INPUT only)\n"
	"\n"
	"Exit codes: 0 ok, 1 no input could be read, 2 bad command line, 4 "
	"some\ninputs failed or had no text.\n";

enum { OPT_BENCH = 256 };

struct extract_opts {
	const char *url;     /* --url, or NULL */
	const char *charset; /* --charset, or NULL */
	int json;            /* --format json */
	uint64_t passes;     /* --bench-passes (1 without it) */
};

struct page {
	char *path;      /* borrowed from argv; NULL once it failed to read */
	struct buf html; /* contents */
};

/* One run of the command over its pages. */
struct extract_run {
	const struct extract_opts *o;
	struct extractor *x;
	struct article a;  /* the last page's article */
	struct buf warn;   /* the last page's warnings */
	struct buf err;    /* a read error */
	struct page *pages;
	int npages;
	int failed;        /* pages that failed or had no text */
	int done;          /* pages extracted */
	int first;         /* nothing printed yet */
	double bytes;      /* bench: bytes extracted */
	uint64_t count;    /* bench: pages extracted */
};

static void
put_field(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

static int
print_json(const struct article *a)
{
	json_t *o = json_object(), *t;
	char *s;
	int rc = 0;

	put_field(o, "url", a->url);
	put_field(o, "title", a->title);
	put_field(o, "author", a->author);
	put_field(o, "published", a->published);
	put_field(o, "site", a->site);
	put_field(o, "language", a->language);
	put_field(o, "canonical", a->canonical);
	t = json_stringn(a->text.p, a->text.len);
	json_object_set_new(o, "text", t ? t : json_string(""));
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!s || fputs(s, stdout) == EOF || putchar('\n') == EOF)
		rc = PT_EIO;
	free(s);
	json_decref(o);
	return rc;
}

static void
report_warnings(const char *path, struct buf *warn)
{
	char *p = warn->p;

	while (*p) {
		char *e = strchr(p, '\n');

		if (e)
			*e = '\0';
		if (*p)
			log_warn("'%s': %s", path, p);
		if (!e)
			break;
		p = e + 1;
	}
	buf_reset(warn);
}

/* Parses the command line into o. Returns -1 to go on with the INPUTs
 * from argv[optind], else the exit code (help, usage error). */
static int
parse_options(int argc, char **argv, struct extract_opts *o)
{
	static const struct option opts[] = {
		{ "bench-passes", required_argument, NULL, OPT_BENCH },
		{ "charset", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "url", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	int c, nin;

	memset(o, 0, sizeof(*o));
	optind = 0;
	while ((c = getopt_long(argc, argv, "c:f:hu:", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o->charset = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o->json = 0;
			else if (strcmp(optarg, "json") == 0)
				o->json = 1;
			else
				return cli_usage_error(argv[0], usage,
						       "unknown format '%s'",
						       optarg);
			break;
		case 'h':
			return cli_help(usage, help);
		case 'u':
			o->url = optarg;
			break;
		case OPT_BENCH:
			if (cli_parse_uint(optarg, 100000, &o->passes) < 0 ||
			    o->passes == 0)
				return cli_usage_error(argv[0], usage,
						       "bad pass count '%s'",
						       optarg);
			break;
		default:
			return cli_usage_error(argv[0], usage, NULL);
		}
	}
	nin = argc - optind;
	if (nin < 1)
		return cli_usage_error(argv[0], usage, "no INPUT given");
	if (o->url && nin > 1)
		return cli_usage_error(argv[0], usage,
				       "--url takes a single INPUT");
	if (!o->passes)
		o->passes = 1;
	return -1;
}

/* Prints the article of the page just extracted. Returns -1 when the
 * output failed (reported). */
static int
print_article(struct extract_run *r)
{
	if (r->o->json) {
		if (print_json(&r->a) < 0) {
			log_error("cannot write output");
			r->failed = r->npages + 1;
			return -1;
		}
		return 0;
	}
	if (!r->first)
		fputs("\f\n", stdout);
	r->first = 0;
	fwrite(r->a.text.p, 1, r->a.text.len, stdout);
	if (r->a.text.len)
		putchar('\n');
	return 0;
}

/* Reads page pg, inflating gzip data. 0, or -1 after an error naming
 * the file: unreadable, over BUF_MAX_DOC (either way), or a WARC file,
 * whose bytes are no page. */
static int
read_page(struct extract_run *r, struct page *pg)
{
	const struct buf *h = &pg->html;
	int rc;

	buf_reset(&r->err);
	rc = fileio_read(pg->path, &pg->html, &r->err);
	if (rc == PT_ETOOBIG) {
		log_error("cannot read '%s': larger than %u MB", pg->path,
			  BUF_MAX_DOC >> 20);
		return -1;
	}
	if (rc < 0) {
		log_error("%s", r->err.p);
		return -1;
	}
	if (h->len >= 2 && (unsigned char)h->p[0] == 0x1f &&
	    (unsigned char)h->p[1] == 0x8b) {
		struct buf plain;

		buf_init(&plain, BUF_MAX_DOC);
		rc = http_inflate(h->p, h->len, 0, &plain);
		if (rc != 0) {
			log_error("cannot read '%s': %s", pg->path, rc > 0 ?
				  "larger than 256 MB once decompressed" :
				  "not valid gzip data");
			buf_release(&plain);
			return -1;
		}
		buf_release(&pg->html);
		pg->html = plain;
	}
	if (h->len >= 5 && memcmp(h->p, "WARC/", 5) == 0) {
		log_error("'%s' is a WARC file, not an HTML page: 'presstally "
			  "analyze' reads its captures, 'presstally warc' "
			  "lists them", pg->path);
		return -1;
	}
	return 0;
}

/* Pass `pass` over page pg: read on the first pass, extracted, reported
 * (first pass only) and printed. Returns -1 when the output failed. */
static int
extract_page(struct extract_run *r, struct page *pg, uint64_t pass)
{
	int rc;

	if (pass == 0 && read_page(r, pg) != 0) {
		r->failed++;
		pg->path = NULL;
		return 0;
	}
	if (!pg->path)
		return 0;
	rc = extractor_run(r->x, pg->html.p, pg->html.len, r->o->url,
			   r->o->charset, &r->a, &r->warn);
	r->bytes += (double)pg->html.len;
	r->count++;
	if (pass == 0)
		report_warnings(pg->path, &r->warn);
	else
		buf_reset(&r->warn);
	if (rc < 0 && rc != PT_EEMPTY && rc != PT_ETOOBIG) {
		if (pass == 0) {
			log_error("cannot extract '%s': %s", pg->path,
				  pt_strerror(rc));
			r->failed++;
		}
		return 0;
	}
	if (rc == PT_EEMPTY && pass == 0) {
		log_warn("no text found in '%s'", pg->path);
		r->failed++;
	}
	if (pass == 0)
		r->done++;
	return print_article(r);
}

/* Logs the speed of the passes after the first (warm-up) one. */
static void
report_bench(const struct extract_run *r, const struct timespec *t0,
	     const struct timespec *t1)
{
	double secs = (double)(t1->tv_sec - t0->tv_sec) +
		      (double)(t1->tv_nsec - t0->tv_nsec) / 1e9;
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	log_info("bench: %llu pages, %.1f MB in %.3f s (%llu passes "
		 "after a warm-up): %.1f MB/s, %.1f pages/s, peak RSS "
		 "%ld MB",
		 (unsigned long long)r->count, r->bytes / 1e6, secs,
		 (unsigned long long)(r->o->passes - 1),
		 secs > 0 ? r->bytes / 1e6 / secs : 0.0,
		 secs > 0 ? (double)r->count / secs : 0.0,
		 ru.ru_maxrss / 1024);
}

int
cmd_extract(int argc, char **argv)
{
	struct extract_opts o;
	struct extract_run r;
	struct timespec t0, t1;
	uint64_t p;
	int i, rc = parse_options(argc, argv, &o);

	if (rc >= 0)
		return rc;
	memset(&r, 0, sizeof(r));
	r.o = &o;
	r.first = 1;
	r.npages = argc - optind;
	r.pages = pt_xcalloc((size_t)r.npages, sizeof(*r.pages));
	buf_init(&r.warn, BUF_MAX_LINE);
	buf_init(&r.err, BUF_MAX_LINE);
	for (i = 0; i < r.npages; i++) {
		r.pages[i].path = argv[optind + i];
		buf_init(&r.pages[i].html, BUF_MAX_DOC);
	}
	r.x = extractor_new();
	article_init(&r.a);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (p = 0; p < o.passes; p++) {
		for (i = 0; i < r.npages; i++)
			if (extract_page(&r, &r.pages[i], p) < 0)
				break;
		if (o.passes > 1 && p == 0) {
			/* the first pass warms up; the bench is the rest */
			clock_gettime(CLOCK_MONOTONIC, &t0);
			r.bytes = 0;
			r.count = 0;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (o.passes > 1)
		report_bench(&r, &t0, &t1);
	if (fflush(stdout) == EOF) {
		log_error("cannot write output");
		r.failed = r.npages + 1;
	}
	article_release(&r.a);
	extractor_free(r.x);
	for (i = 0; i < r.npages; i++)
		buf_release(&r.pages[i].html);
	free(r.pages);
	buf_release(&r.warn);
	buf_release(&r.err);
	if (r.done == 0)
		return PT_EXIT_FAIL;
	return r.failed ? PT_EXIT_PARTIAL : PT_EXIT_OK;
}
