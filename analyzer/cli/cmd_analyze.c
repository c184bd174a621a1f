/* cmd_analyze.c -- `presstally analyze`: people, stances and quotes of
 * articles, written as CSV files.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/stance/analyze.h"
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
#include "crawler/base/sv.h"

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
	"their quotes, and\nwrites seven CSV files into DIR: articles.csv, "
	"mentions.csv, quotes.csv, cues.csv,\nfigures.csv, timeline.csv and "
	"aliases.csv.\n"
	"An INPUT is a UTF-8 .txt file, an .html/.htm file, a .warc or "
	".warc.gz file (its HTML\ncaptures; the newest capture of a URL "
	"wins), a directory (its such files,\nrecursively, in sorted order) "
	"or - (standard input). .txt.gz and .html.gz files\n(any gzip data) "
	"are inflated; binary files, text that is not UTF-8 and HTML "
	"without\nmarkup are skipped with a warning.\n\n"
	"Options:\n"
	"  -t, --topic FILE        topic file (default: the bundled "
	"intimacy-coordinators topic)\n"
	"  -o, --out DIR           output directory, created if missing\n"
	"  -e, --explain           print, for each article, every person with "
	"the cues,\n"
	"                          negations and quotes behind their stance "
	"(--out is then\n"
	"                          optional)\n"
	"      --excel             start each CSV file with a UTF-8 BOM, so "
	"that Excel shows\n"
	"                          accents (R, pandas, DuckDB skip it)\n"
	"      --max-size MB       skip documents larger than MB megabytes "
	"(default 32)\n"
	"      --allow-empty       when no input holds an article, write an "
	"empty dataset\n"
	"                          (a shard's partial) instead of failing\n"
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
	"5 another run is\nwriting into DIR (lock DIR/.lock); 130 interrupted "
	"by SIGINT or SIGTERM (nothing\nwritten; the previous files are "
	"kept).\n";

enum { OPT_MAX_SIZE = 256, OPT_ALLOW_EMPTY, OPT_SUMMARY, OPT_NO_SUMMARY,
       OPT_PROGRESS, OPT_NO_PROGRESS, OPT_EXCEL };


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

/* Says, with -v, what the expansion of the inputs left out. */
static void
warn_notes(const char *p)
{
	const char *nl;

	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (nl > p)
			log_debug("%.*s", (int)(nl - p), p);
		p = *nl ? nl + 1 : nl;
	}
}

/* The state of one analyze_run(). */
struct run {
	const struct analyze_opts *o;
	struct input *in;
	struct tally *tally;        /* NULL without --out */
	struct extractor *ex;
	struct progress *prog;
	struct article art;         /* the current HTML document's article */
	struct doc doc;             /* its analysis */
	struct buf err, warn, text; /* messages; the text analyzed */
	uint64_t ndocs, bytes;      /* documents read, and their bytes */
	int skipped;                /* inputs or records skipped */
	int lock_fd;                /* holds the lock of --out, or -1 */
};

/* Opens the inputs and the dataset. Returns an enum pt_exit. */
static int
run_open(struct run *r, const struct analyze_opts *o)
{
	memset(r, 0, sizeof(*r));
	r->o = o;
	article_init(&r->art);
	doc_init(&r->doc);
	buf_init(&r->err, 0);
	buf_init(&r->warn, 0);
	buf_init(&r->text, 0);
	r->lock_fd = -1;
	r->in = input_new(o->inputs, o->ninputs, o->max_doc, &r->err);
	if (!r->in || (o->out && ensure_dir(o->out, &r->err))) {
		log_error("%s", r->err.p);
		return PT_EXIT_FAIL;
	}
	if (o->out && o->lock) {
		int rc = PT_EXIT_FAIL;

		r->lock_fd = cmd_lock_dir(o->out, &rc);
		if (r->lock_fd < 0)
			return rc;
	}
	if (o->out && !(r->tally = tally_new(o->out, &r->err))) {
		log_error("%s", r->err.p);
		return PT_EXIT_FAIL;
	}
	warn_notes(input_notes(r->in));
	if (r->tally) {
		tally_set_bom(r->tally, o->excel);
		tally_set_stop(r->tally, o->stop);
	}
	r->ex = extractor_new();
	r->prog = progress_start("analyzing", 0, o->progress_mode);
	if (r->prog) {
		unsigned long long done, total;

		input_bytes(r->in, &done, &total);
		progress_total_bytes(r->prog, total);
	}
	return PT_EXIT_OK;
}

static void
run_release(struct run *r, struct analyze_result *res)
{
	if (res) {
		res->docs = r->ndocs;
		res->articles = r->tally ? tally_articles(r->tally) : 0;
		res->skipped = (size_t)r->skipped;
	}
	progress_stop(&r->prog);
	tally_free(r->tally);
	extractor_free(r->ex);
	input_free(r->in);
	doc_release(&r->doc);
	article_release(&r->art);
	buf_release(&r->err);
	buf_release(&r->warn);
	buf_release(&r->text);
	if (r->lock_fd >= 0)
		close(r->lock_fd); /* releases the lock */
}

/* The text of document d: for HTML its article's (with the article's
 * metadata into *m), else the document itself. 0, or an error after
 * which the document is skipped. */
static int
doc_text(struct run *r, const struct input_doc *d, struct tally_meta *m,
	 struct sv *body)
{
	int c;

	if (!d->html) {
		*body = sv_make(d->data, d->len);
		return 0;
	}
	buf_reset(&r->warn);
	c = extractor_run(r->ex, d->data, d->len, d->url, d->charset, &r->art,
			  &r->warn);
	warn_lines(d->name, &r->warn);
	if (c) {
		log_warn("skipped '%s': no article text found (%s)", d->name,
			 pt_strerror(c));
		return c;
	}
	if (r->art.url && !d->url)
		m->url = r->art.url;
	m->title = r->art.title;
	m->author = r->art.author;
	m->published = r->art.published;
	m->site = r->art.site;
	*body = sv_make(r->art.text.p, r->art.text.len);
	return 0;
}

/* Analyzes one document and adds it to the dataset. PT_EXIT_OK, 1 when
 * it was skipped, or PT_EXIT_FAIL. */
static int
run_doc(struct run *r, const struct input_doc *d)
{
	const struct analyze_opts *o = r->o;
	struct tally_meta m;
	struct sv body;
	size_t bad_at = 0, nbad;

	if (d->warning)
		log_warn("'%s': %s", d->name, d->warning);
	r->ndocs++;
	r->bytes += d->len;
	if (r->prog) {
		unsigned long long done, total;

		/* Bytes of the input files, so that the share done and the
		 * time left hold for compressed WARC files too. */
		input_bytes(r->in, &done, &total);
		progress_update(r->prog, r->ndocs, done);
	}
	memset(&m, 0, sizeof(m));
	m.id_source = d->id_source;
	m.url = d->url;
	m.captured = d->captured;
	if (doc_text(r, d, &m, &body))
		return 1;
	/* A local file without a URL of its own is recorded by its path. */
	if (!m.url) {
		m.url = d->local_url;
		m.file = d->local_url ? d->name : NULL;
	}
	buf_reset(&r->text);
	nbad = norm_fix_utf8(body.p, body.len, &r->text, &bad_at);
	if (nbad)
		log_warn("'%s': invalid UTF-8 at byte %zu (%zu sequence%s "
			 "replaced with U+FFFD)", d->name, bad_at, nbad,
			 nbad == 1 ? "" : "s");
	analyze_doc(&r->doc, o->topic, r->text.p, r->text.len);
	if (r->doc.truncated)
		log_warn("'%s': more than %d stance cues; the rest were not "
			 "counted", d->name, DOC_MAX_CUES);
	if (o->explain) {
		char id[17];

		tally_article_id(m.id_source, id);
		explain_print(o->explain, &r->doc, id, d->name);
	}
	if (r->tally && tally_add(r->tally, &m, &r->doc, &r->err)) {
		log_error("%s", r->err.p);
		return PT_EXIT_FAIL;
	}
	return PT_EXIT_OK;
}

/* Reads and analyzes every input. Returns an enum pt_exit. */
static int
read_inputs(struct run *r)
{
	struct input_doc d;
	int c;

	for (;;) {
		if (r->o->stop && *r->o->stop) {
			log_error("interrupted: nothing written");
			return PT_EXIT_INTR;
		}
		buf_reset(&r->err);
		c = input_next(r->in, &d, &r->err);
		if (r->o->stop && *r->o->stop)
			continue; /* a read cut by the signal: no warning */
		if (c == 0)
			return PT_EXIT_OK;
		if (c < 0) {
			log_warn("%s", r->err.p);
			r->skipped++;
			continue;
		}
		c = run_doc(r, &d);
		if (c == 1)
			r->skipped++;
		else if (c != PT_EXIT_OK)
			return c;
	}
}

/* After the inputs: writes the dataset and says what was done. Returns
 * an enum pt_exit. */
static int
write_dataset(struct run *r)
{
	const char *out = r->o->out_name ? r->o->out_name : r->o->out;
	size_t n;
	int rc;

	if (!r->tally) {
		if (r->ndocs == 0) {
			log_error("no usable input");
			return PT_EXIT_FAIL;
		}
		return r->skipped ? PT_EXIT_PARTIAL : PT_EXIT_OK;
	}
	if (tally_articles(r->tally) == 0) {
		/* Whatever the inputs were (an empty file, an empty WARC, a
		 * WARC of images), a run with no article keeps the previous
		 * dataset: an empty one replacing it is data lost. Only
		 * refresh and shards (--allow-empty) write one: a partial
		 * per input, or refresh would try the file again. */
		if (!r->o->always_write) {
			log_error("no usable article in the inputs: nothing "
				  "written to '%s'", out);
			return PT_EXIT_FAIL;
		}
		log_info("no articles in the inputs; '%s' holds an empty "
			 "dataset", out);
	}
	buf_reset(&r->err);
	cmd_test_pause(r->o->stop, "write");
	rc = tally_finish(r->tally, &r->err);
	if (rc == PT_EINTR) {
		log_error("interrupted: nothing written");
		return PT_EXIT_INTR;
	}
	if (rc) {
		log_error("%s", r->err.p);
		return PT_EXIT_FAIL;
	}
	if (r->o->summary)
		tally_print_summary(r->tally, stdout, 30);
	n = tally_articles(r->tally);
	log_info("%zu article%s analyzed; CSV files in '%s': articles.csv "
		 "mentions.csv quotes.csv cues.csv figures.csv timeline.csv "
		 "aliases.csv",
		 n, n == 1 ? "" : "s", out);
	if (!r->skipped)
		return PT_EXIT_OK;
	log_warn("%d input%s skipped", r->skipped, r->skipped == 1 ? "" : "s");
	return PT_EXIT_PARTIAL;
}

int
analyze_run(const struct analyze_opts *o, struct analyze_result *res)
{
	struct run r;
	int rc = run_open(&r, o);

	if (rc == PT_EXIT_OK)
		rc = read_inputs(&r);
	progress_stop(&r.prog);
	if (rc == PT_EXIT_OK)
		rc = write_dataset(&r);
	run_release(&r, res);
	return rc;
}

int
cmd_analyze(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY },
		{ "excel", no_argument, NULL, OPT_EXCEL },
		{ "explain", no_argument, NULL, 'e' },
		CMD_OPT_HELP,
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
		{ "no-summary", no_argument, NULL, OPT_NO_SUMMARY },
		{ "out", required_argument, NULL, 'o' },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		CMD_OPT_QUIET,
		{ "summary", no_argument, NULL, OPT_SUMMARY },
		{ "topic", required_argument, NULL, 't' },
		CMD_OPT_VERBOSE,
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *topic_path = NULL;
	uint64_t max_mb = 32;
	int c, summary = -1, progress_mode = -1, rc, explain = 0;
	int allow_empty = 0, excel = 0;
	struct topic *topic;
	struct analyze_opts o;

	optind = 0;
	while ((c = getopt_long(argc, argv, "eho:qt:v", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			explain = 1;
			break;
		case 'o':
			out = optarg;
			break;
		case 't':
			topic_path = optarg;
			break;
		case OPT_MAX_SIZE:
			if (cli_parse_uint(optarg, 4096, &max_mb) || !max_mb)
				return cli_usage_error(argv[0], usage,
					"--max-size takes a number of megabytes "
					"from 1 to 4096, not '%s'", optarg);
			break;
		case OPT_ALLOW_EMPTY: allow_empty = 1; break;
		case OPT_EXCEL: excel = 1; break;
		case OPT_SUMMARY: summary = 1; break;
		case OPT_NO_SUMMARY: summary = 0; break;
		case OPT_PROGRESS: progress_mode = 1; break;
		case OPT_NO_PROGRESS: progress_mode = 0; break;
		default:
			if ((rc = cmd_common_option(c, argv[0], usage, help)) !=
			    CMD_OPT_TAKEN)
				return rc;
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
	o.excel = excel;
	o.summary = summary == 1 || (summary < 0 && !explain && isatty(1));
	o.lock = 1;
	o.always_write = allow_empty;
	o.stop = cmd_catch_signals();
	rc = analyze_run(&o, NULL);
	topic_free(topic);
	return rc;
}
