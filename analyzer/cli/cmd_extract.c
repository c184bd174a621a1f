/* cmd_extract.c -- `presstally extract`: prints the main article of HTML
 * pages as text or JSON lines.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/extract/extract.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
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
	"Prints the main article of each HTML page INPUT (\"-\" = stdin).\n"
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

struct input {
	char *path;     /* borrowed from argv */
	struct buf html; /* contents */
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

int
cmd_extract(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "bench-passes", required_argument, NULL, OPT_BENCH },
		{ "charset", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "url", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	const char *url = NULL, *charset = NULL;
	int json = 0, c, i, failed = 0, done = 0, first = 1;
	uint64_t passes = 0, p;
	struct extractor *x;
	struct article a;
	struct buf warn = BUF_INIT, err = BUF_INIT;
	struct input *in;
	int nin;
	struct timespec t0, t1;
	double bytes = 0;
	uint64_t pages = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "c:f:hu:", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			charset = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				json = 0;
			else if (strcmp(optarg, "json") == 0)
				json = 1;
			else
				return cli_usage_error(argv[0], usage,
						       "unknown format '%s'",
						       optarg);
			break;
		case 'h':
			return cli_help(usage, help);
		case 'u':
			url = optarg;
			break;
		case OPT_BENCH:
			if (cli_parse_uint(optarg, 100000, &passes) < 0 ||
			    passes == 0)
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
	if (url && nin > 1)
		return cli_usage_error(argv[0], usage,
				       "--url takes a single INPUT");
	in = pt_xcalloc((size_t)nin, sizeof(*in));
	buf_init(&warn, BUF_MAX_LINE);
	buf_init(&err, BUF_MAX_LINE);
	for (i = 0; i < nin; i++) {
		in[i].path = argv[optind + i];
		buf_init(&in[i].html, BUF_MAX_DOC);
	}
	x = extractor_new();
	article_init(&a);
	if (!passes)
		passes = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (p = 0; p < passes; p++) {
		for (i = 0; i < nin; i++) {
			int rc;

			if (p == 0) {
				buf_reset(&err);
				rc = fileio_read(in[i].path, &in[i].html,
						 &err);
				if (rc < 0) {
					log_error("%s", err.p);
					failed++;
					in[i].path = NULL;
					continue;
				}
			}
			if (!in[i].path)
				continue;
			rc = extractor_run(x, in[i].html.p, in[i].html.len,
					   url, charset, &a, &warn);
			bytes += (double)in[i].html.len;
			pages++;
			if (p == 0)
				report_warnings(in[i].path, &warn);
			else
				buf_reset(&warn);
			if (rc < 0 && rc != PT_EEMPTY && rc != PT_ETOOBIG) {
				if (p == 0) {
					log_error("cannot extract '%s': %s",
						  in[i].path, pt_strerror(rc));
					failed++;
				}
				continue;
			}
			if (rc == PT_EEMPTY && p == 0) {
				log_warn("no text found in '%s'", in[i].path);
				failed++;
			}
			if (p == 0)
				done++;
			if (json) {
				if (print_json(&a) < 0) {
					log_error("cannot write output");
					failed = nin + 1;
					break;
				}
			} else {
				if (!first)
					fputs("\f\n", stdout);
				first = 0;
				fwrite(a.text.p, 1, a.text.len, stdout);
				if (a.text.len)
					putchar('\n');
			}
		}
		if (passes > 1 && p == 0)
			clock_gettime(CLOCK_MONOTONIC, &t0), bytes = 0,
				pages = 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (passes > 1) {
		double secs = (double)(t1.tv_sec - t0.tv_sec) +
			      (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		log_info("bench: %llu pages, %.1f MB in %.3f s (%llu passes "
			 "after a warm-up): %.1f MB/s, %.1f pages/s, peak RSS "
			 "%ld MB",
			 (unsigned long long)pages, bytes / 1e6, secs,
			 (unsigned long long)(passes - 1),
			 secs > 0 ? bytes / 1e6 / secs : 0.0,
			 secs > 0 ? (double)pages / secs : 0.0,
			 ru.ru_maxrss / 1024);
	}
	if (fflush(stdout) == EOF) {
		log_error("cannot write output");
		failed = nin + 1;
	}
	article_release(&a);
	extractor_free(x);
	for (i = 0; i < nin; i++)
		buf_release(&in[i].html);
	free(in);
	buf_release(&warn);
	buf_release(&err);
	if (done == 0)
		return PT_EXIT_FAIL;
	return failed ? PT_EXIT_PARTIAL : PT_EXIT_OK;
}
