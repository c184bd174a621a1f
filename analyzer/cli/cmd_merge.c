/* cmd_merge.c -- `presstally merge`: combine partial results (output
 * directories of `analyze`, one per shard) into one dataset, byte for byte
 * what one `analyze` over all the shards' inputs writes.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/dataset/tally.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] = "presstally merge --out DIR PARTIAL_DIR...";

static const char help[] =
	"Merges partial results -- output directories of 'presstally analyze', "
	"one per shard --\ninto one dataset in DIR. The result does not depend "
	"on the order of the partials and\nis byte-identical to one analyze "
	"run over all their inputs: an article found in\nseveral partials keeps "
	"its newest capture. DIR may be one of the partials.\n\n"
	"Options:\n"
	"  -o, --out DIR      output directory, created if missing\n"
	"      --summary      print the figures table to stdout\n"
	"  -q, --quiet        only errors on stderr\n"
	"  -h, --help         show this help\n\n"
	"Exit codes: 0 ok; 1 a partial could not be read or the output "
	"written; 2 bad\ncommand line.\n";

int
cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		CMD_OPT_HELP,
		{ "out", required_argument, NULL, 'o' },
		CMD_OPT_QUIET,
		{ "summary", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	int c, rc, summary = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "ho:q", opts, NULL)) != -1) {
		if (c == 'o')
			out = optarg;
		else if (c == 's')
			summary = 1;
		else if ((rc = cmd_common_option(c, argv[0], usage, help)) !=
			 CMD_OPT_TAKEN)
			return rc;
	}
	if (!out)
		return cli_usage_error(argv[0], usage, "--out DIR is required");
	if (optind >= argc)
		return cli_usage_error(argv[0], usage, "no PARTIAL_DIR given");
	return merge_run(out, argv + optind, (size_t)(argc - optind),
			 summary);
}

int
merge_run(const char *out, char *const *parts, size_t nparts, int summary)
{
	struct buf err = BUF_INIT;
	struct tally *t = NULL;
	struct stat st;
	size_t i;
	int rc = PT_EXIT_OK;

	for (i = 0; i < nparts; i++)
		if (stat(parts[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			log_error("cannot read partial '%s': %s", parts[i],
				  errno ? strerror(errno) : "not a directory");
			return PT_EXIT_FAIL;
		}
	if (stat(out, &st) != 0 && fileio_mkdirs(out, NULL) != 0) {
		log_error("cannot create output directory '%s': %s", out,
			  strerror(errno));
		return PT_EXIT_FAIL;
	}
	t = tally_new(out, &err);
	if (!t) {
		log_error("%s", err.p);
		buf_release(&err);
		return PT_EXIT_FAIL;
	}
	/* Everything is read before anything is written, so the output
	 * directory may be one of the partials. */
	for (i = 0; i < nparts; i++) {
		buf_reset(&err);
		if (tally_import(t, parts[i], &err)) {
			log_error("cannot merge partial '%s': %s", parts[i],
				  err.p);
			rc = PT_EXIT_FAIL;
			goto done;
		}
	}
	buf_reset(&err);
	if (tally_finish(t, &err)) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
		goto done;
	}
	if (summary)
		tally_print_summary(t, stdout, 30);
	log_info("%zu partial%s merged (%zu articles read); CSV files in '%s'",
		 nparts, nparts == 1 ? "" : "s", tally_articles(t), out);
done:
	tally_free(t);
	buf_release(&err);
	return rc;
}
