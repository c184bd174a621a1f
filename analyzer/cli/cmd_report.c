/* cmd_report.c -- `presstally report`: a dataset as one self-contained
 * HTML page (charts, quotes, evidence, corpus); see report.h.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/dataset/report.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"presstally report DATASET_DIR [-o report.html] [options]";

static const char help[] =
	"Writes one HTML file with the dataset's figures by stance (a "
	"diverging bar chart),\npro and con cues per month, each drawn "
	"figure's quotes and evidence sentences,\nand the articles per outlet "
	"and month. The file needs nothing else: open it in\nany browser, "
	"mail it, put it on a web server.\n\n"
	"Options:\n"
	"  -o, --out FILE       where to write (default: DATASET_DIR/"
	"report.html)\n"
	"  -t, --topic FILE     the topic file the dataset was made with, "
	"named in the report\n"
	"      --top N          figures drawn and detailed (default 40); "
	"the rest are listed\n"
	"      --quotes N       quotes shown per figure (default 8)\n"
	"      --progress       show progress on stderr\n"
	"      --no-progress    never show progress\n"
	"  -q, --quiet          only errors on stderr\n"
	"  -h, --help           show this help\n\n"
	"Exit codes: 0 ok; 1 the dataset could not be read or the file "
	"written; 2 bad\ncommand line.\n";

enum { OPT_TOP = 256, OPT_QUOTES, OPT_PROGRESS, OPT_NO_PROGRESS };

static void
on_progress(void *ctx, unsigned long long done, unsigned long long total)
{
	progress_total_bytes(ctx, total);
	progress_update(ctx, 0, done);
}

int
report_run(const char *dir, const char *out, const char *topic,
	   size_t top, size_t quotes, int progress_mode)
{
	struct report_opts o;
	struct buf err = BUF_INIT;
	char *def = out ? NULL : fileio_join(dir, "report.html");
	struct progress *p;
	struct topic *t = NULL;
	int rc;

	memset(&o, 0, sizeof(o));
	o.topic = topic;
	/* The topic's name titles the page; a file that does not load only
	 * goes unnamed (the dataset was made with it, or with an older
	 * version of it). */
	if (topic && (t = topic_load(topic, NULL)) != NULL)
		o.title = topic_name(t);
	o.top = top;
	o.quotes = quotes;
	p = progress_start("report", 0, progress_mode);
	o.progress = p ? on_progress : NULL;
	o.ctx = p;
	rc = report_write(dir, out ? out : def, &o, &err);
	progress_stop(&p);
	if (rc)
		log_error("cannot write the report of '%s': %s", dir, err.p);
	else
		log_info("report written to '%s'", out ? out : def);
	topic_free(t);
	free(def);
	buf_release(&err);
	return rc ? PT_EXIT_FAIL : PT_EXIT_OK;
}

int
cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		CMD_OPT_HELP,
		{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
		{ "out", required_argument, NULL, 'o' },
		{ "progress", no_argument, NULL, OPT_PROGRESS },
		CMD_OPT_QUIET,
		{ "quotes", required_argument, NULL, OPT_QUOTES },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "topic", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL, *topic = NULL;
	uint64_t top = 0, quotes = 0;
	int c, rc, progress_mode = -1;

	optind = 0;
	while ((c = getopt_long(argc, argv, "ho:qt:", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 't': topic = optarg; break;
		case OPT_PROGRESS: progress_mode = 1; break;
		case OPT_NO_PROGRESS: progress_mode = 0; break;
		case OPT_TOP:
			if (cli_parse_uint(optarg, 100000, &top) || top == 0)
				return cli_usage_error(argv[0], usage,
					"--top needs a number from 1");
			break;
		case OPT_QUOTES:
			if (cli_parse_uint(optarg, 100000, &quotes) ||
			    quotes == 0)
				return cli_usage_error(argv[0], usage,
					"--quotes needs a number from 1");
			break;
		default:
			if ((rc = cmd_common_option(c, argv[0], usage,
						    help)) != CMD_OPT_TAKEN)
				return rc;
		}
	}
	if ((rc = cmd_one_operand(argc, argv, usage, "DATASET_DIR")) != 0)
		return rc;
	return report_run(argv[optind], out, topic, (size_t)top,
			  (size_t)quotes, progress_mode);
}
