/* cmd_analyze.c -- `presstally analyze`: people, stances and quotes of
 * articles, written as CSV files.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/stance/doc.h"
#include "analyzer/stance/explain.h"
#include "analyzer/extract/extract.h"
#include "analyzer/extract/input.h"
#include "analyzer/text/norm.h"
#include "analyzer/dataset/tally.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
	"presstally analyze [--topic FILE] --out DIR [options] INPUT...";

static const char help[] =
	"Finds the people an article names, their stance on the topic and "
	"their quotes, and\nwrites articles.csv, mentions.csv, quotes.csv and "
	"figures.csv into DIR.\n"
	"An INPUT is a UTF-8 .txt file, an .html/.htm file, a .warc or "
	".warc.gz file (its HTML\ncaptures; the newest capture of a URL "
	"wins), a directory (its such files,\nrecursively, in sorted order) "
	"or - (standard input).\n\n"
	"Options:\n"
	"  -t, --topic FILE        topic file (default: the bundled "
	"intimacy-coordinators topic)\n"
	"  -o, --out DIR           output directory, created if missing\n"
	"  -e, --explain           print, for each article, every person with "
	"the cues,\n"
	"                          negations and quotes behind their stance "
	"(--out is then\n"
	"                          optional)\n"
	"      --max-size MB       skip documents larger than MB megabytes "
	"(default 32)\n"
	"      --summary           print the figures table to stdout even when "
	"it is not a terminal\n"
	"      --no-summary        never print the figures table\n"
	"      --progress          show progress on stderr\n"
	"      --no-progress       never show progress\n"
	"  -q, --quiet             only errors on stderr\n"
	"  -v, --verbose           more detail on stderr\n"
	"  -h, --help              show this help\n\n"
	"Exit codes: 0 ok; 1 no usable input or output failure; 2 bad command "
	"line;\n3 invalid topic file; 4 done, but some inputs were skipped; "
	"130 interrupted.\n";

enum { OPT_MAX_SIZE = 256, OPT_SUMMARY, OPT_NO_SUMMARY, OPT_PROGRESS,
       OPT_NO_PROGRESS };


static int
ensure_dir(const char *dir, struct buf *err)
{
	struct stat st;

	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			buf_addf(err, "output '%s' is not a directory", dir);
			return PT_EIO;
		}
		if (access(dir, W_OK | X_OK) != 0) {
			buf_addf(err, "cannot write into '%s': %s", dir,
				 strerror(errno));
			return PT_EIO;
		}
		return 0;
	}
	if (fileio_mkdirs(dir, NULL) != 0) {
		buf_addf(err, "cannot create output directory '%s': %s", dir,
			 strerror(errno));
		return PT_EIO;
	}
	return 0;
}

static void
warn_lines(const char *name, const struct buf *w)
{
	const char *p = w->p, *nl;

	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (nl > p)
			log_warn("'%s': %.*s", name, (int)(nl - p), p);
		p = *nl ? nl + 1 : nl;
	}
}

int
analyze_run(const struct analyze_opts *o, struct analyze_result *res)
{
	const char *out = o->out;
	struct buf err = BUF_INIT, warn = BUF_INIT, text = BUF_INIT;
	struct input *in = NULL;
	struct tally *tally = NULL;
	struct extractor *ex = NULL;
	struct progress *prog = NULL;
	struct article art;
	struct doc doc;
	uint64_t ndocs = 0, bytes = 0;
	int c, rc = PT_EXIT_OK, skipped = 0;

	article_init(&art);
	doc_init(&doc);
	in = input_new(o->inputs, o->ninputs, o->max_doc, &err);
	if (!in) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
		goto done;
	}
	if (out && (ensure_dir(out, &err) || !(tally = tally_new(out, &err)))) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
		goto done;
	}
	ex = extractor_new();
	prog = progress_start("analyzing", 0, o->progress_mode);
	for (;;) {
		struct input_doc d;
		struct tally_meta m;
		size_t bad_at = 0, nbad;
		const char *body;
		size_t blen;

		if (o->stop && *o->stop) {
			log_error("interrupted: nothing written");
			rc = PT_EXIT_INTR;
			goto done;
		}
		buf_reset(&err);
		c = input_next(in, &d, &err);
		if (c == 0)
			break;
		if (c < 0) {
			log_warn("%s", err.p);
			skipped++;
			continue;
		}
		if (d.warning)
			log_warn("'%s': %s", d.name, d.warning);
		ndocs++;
		bytes += d.len;
		progress_update(prog, ndocs, bytes);
		memset(&m, 0, sizeof(m));
		m.id_source = d.id_source;
		m.url = d.url;
		m.captured = d.captured;
		buf_reset(&text);
		if (d.html) {
			buf_reset(&warn);
			c = extractor_run(ex, d.data, d.len, d.url, d.charset,
					  &art, &warn);
			warn_lines(d.name, &warn);
			if (c) {
				log_warn("skipped '%s': no article text found "
					 "(%s)", d.name, pt_strerror(c));
				skipped++;
				continue;
			}
			if (art.url && !d.url)
				m.url = art.url;
			m.title = art.title;
			m.author = art.author;
			m.published = art.published;
			m.site = art.site;
			body = art.text.p;
			blen = art.text.len;
		} else {
			body = d.data;
			blen = d.len;
		}
		nbad = norm_fix_utf8(body, blen, &text, &bad_at);
		if (nbad)
			log_warn("'%s': invalid UTF-8 at byte %zu (%zu "
				 "sequence%s replaced with U+FFFD)", d.name,
				 bad_at, nbad, nbad == 1 ? "" : "s");
		doc_analyze(&doc, o->topic, text.p, text.len);
		if (doc.truncated)
			log_warn("'%s': more than %d stance cues; the rest were "
				 "not counted", d.name, DOC_MAX_CUES);
		if (o->explain) {
			char id[17];

			tally_article_id(m.id_source, id);
			explain_print(o->explain, &doc, id, d.name);
		}
		if (tally && tally_add(tally, &m, &doc, &err)) {
			log_error("%s", err.p);
			rc = PT_EXIT_FAIL;
			goto done;
		}
	}
	progress_stop(&prog);
	if (!tally) {
		if (ndocs == 0) {
			log_error("no usable input");
			rc = PT_EXIT_FAIL;
		} else if (skipped) {
			rc = PT_EXIT_PARTIAL;
		}
		goto done;
	}
	if (tally_articles(tally) == 0) {
		if (skipped && !o->always_write) {
			log_error("no usable input: nothing written to '%s'",
				  out);
			rc = PT_EXIT_FAIL;
			goto done;
		}
		/* Inputs that were read but hold no article (a WARC of
		 * images, say) make an empty dataset: a valid partial. */
		log_info("no articles in the inputs; '%s' holds an empty "
			 "dataset", out);
	}
	buf_reset(&err);
	if (tally_finish(tally, &err)) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
		goto done;
	}
	if (o->summary)
		tally_print_summary(tally, stdout, 30);
	log_info("%zu article%s analyzed; CSV files in '%s': articles.csv "
		 "mentions.csv quotes.csv cues.csv figures.csv timeline.csv",
		 tally_articles(tally), tally_articles(tally) == 1 ? "" : "s",
		 out);
	if (skipped) {
		log_warn("%d input%s skipped", skipped, skipped == 1 ? "" : "s");
		rc = PT_EXIT_PARTIAL;
	}
done:
	if (res) {
		res->docs = ndocs;
		res->articles = tally ? tally_articles(tally) : 0;
		res->skipped = (size_t)skipped;
	}
	progress_stop(&prog);
	tally_free(tally);
	extractor_free(ex);
	input_free(in);
	doc_release(&doc);
	article_release(&art);
	buf_release(&err);
	buf_release(&warn);
	buf_release(&text);
	return rc;
}

int
cmd_analyze(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "explain", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
		{ "no-summary", no_argument, NULL, OPT_NO_SUMMARY },
		{ "out", required_argument, NULL, 'o' },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		{ "quiet", no_argument, NULL, 'q' },
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "topic", required_argument, NULL, 't' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *topic_path = NULL;
	uint64_t max_mb = 32;
	int c, summary = -1, progress_mode = -1, rc, explain = 0;
	struct topic *topic;
	struct analyze_opts o;

	optind = 0;
	while ((c = getopt_long(argc, argv, "eho:qt:v", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			explain = 1;
			break;
		case 'h':
			return cli_help(usage, help);
		case 'o':
			out = optarg;
			break;
		case 'q':
			log_set_level(LOG_QUIET);
			break;
		case 't':
			topic_path = optarg;
			break;
		case 'v':
			log_set_level(LOG_VERBOSE);
			break;
		case OPT_MAX_SIZE:
			if (cli_parse_uint(optarg, 4096, &max_mb) || !max_mb)
				return cli_usage_error(argv[0], usage,
					"--max-size takes a number of megabytes "
					"from 1 to 4096, not '%s'", optarg);
			break;
		case OPT_SUMMARY: summary = 1; break;
		case OPT_NO_SUMMARY: summary = 0; break;
		case OPT_PROGRESS: progress_mode = 1; break;
		case OPT_NO_PROGRESS: progress_mode = 0; break;
		default:
			return cli_usage_error(argv[0], usage, NULL);
		}
	}
	if (!out && !explain)
		return cli_usage_error(argv[0], usage, "--out DIR is required");
	if (optind >= argc)
		return cli_usage_error(argv[0], usage, "no INPUT given");
	topic = cmd_load_topic(topic_path, NULL);
	if (!topic)
		return PT_EXIT_DATA;
	memset(&o, 0, sizeof(o));
	o.topic = topic;
	o.inputs = argv + optind;
	o.ninputs = (size_t)(argc - optind);
	o.out = out;
	o.max_doc = (size_t)max_mb << 20;
	o.explain = explain ? stdout : NULL;
	o.progress_mode = progress_mode;
	o.summary = summary == 1 || (summary < 0 && !explain && isatty(1));
	rc = analyze_run(&o, NULL);
	topic_free(topic);
	return rc;
}
