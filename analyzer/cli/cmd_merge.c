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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] = "presstally merge --out DIR PARTIAL_DIR...";

static const char help[] =
	"Merges partial results -- output directories of 'presstally analyze', "
	"one per shard --\ninto one dataset in DIR. The result does not depend "
	"on the order of the partials and\nis byte-identical to one analyze "
	"run over all their inputs: an article found in\nseveral partials keeps "
	"its newest capture (then the larger digest); when the\ncopies differ, "
	"a warning names both partials and the one kept. DIR may be one\nof "
	"the partials.\n\n"
	"Options:\n"
	"  -o, --out DIR      output directory, created if missing\n"
	"      --excel        start each CSV file with a UTF-8 BOM, so that "
	"Excel shows\n"
	"                     accents (other tools skip it)\n"
	"      --summary      print the figures table to stdout\n"
	"      --progress     show progress on stderr (default: on a "
	"terminal)\n"
	"      --no-progress  never show progress\n"
	"  -q, --quiet        only errors on stderr\n"
	"  -h, --help         show this help\n\n"
	"Exit codes: 0 ok; 1 a partial could not be read or the output "
	"written; 2 bad\ncommand line; 5 another run is writing into DIR "
	"(lock DIR/.lock); 130 interrupted\n(nothing written).\n";

int
cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "excel", no_argument, NULL, 'x' },
		CMD_OPT_HELP,
		{ "no-progress", no_argument, NULL, 'N' },
		{ "out", required_argument, NULL, 'o' },
		{ "progress", no_argument, NULL, 'P' },
		CMD_OPT_QUIET,
		{ "summary", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *out = NULL;
	int c, rc, summary = 0, excel = 0, progress_mode = -1;

	optind = 0;
	while ((c = getopt_long(argc, argv, "ho:q", opts, NULL)) != -1) {
		if (c == 'o')
			out = optarg;
		else if (c == 's')
			summary = 1;
		else if (c == 'x')
			excel = 1;
		else if (c == 'P' || c == 'N')
			progress_mode = c == 'P';
		else if ((rc = cmd_common_option(c, argv[0], usage, help)) !=
			 CMD_OPT_TAKEN)
			return rc;
	}
	if (!out)
		return cli_usage_error(argv[0], usage, "--out DIR is required");
	if (optind >= argc)
		return cli_usage_error(argv[0], usage, "no PARTIAL_DIR given");
	return merge_run(out, argv + optind, (size_t)(argc - optind),
			 summary, 1, cmd_catch_signals(), 0, excel,
			 progress_mode);
}

/* Bytes of the CSV files of a partial, for the progress meter. */
static unsigned long long
partial_bytes(const char *dir)
{
	static const char *const names[] = { "articles.csv", "mentions.csv",
					     "quotes.csv", "cues.csv" };
	unsigned long long n = 0;
	struct stat st;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = fileio_join(dir, names[i]);

		if (stat(p, &st) == 0)
			n += (unsigned long long)st.st_size;
		free(p);
	}
	return n;
}

#define MAX_CONFLICTS 20

/* Reads the partials (the merge proper) and names the articles that two
 * partials hold with different texts, one of which the merge drops.
 * enum pt_exit. */
static int
report_conflicts(struct tally *t, int quiet, volatile sig_atomic_t *stop)
{
	struct buf lines = BUF_INIT, err = BUF_INIT;
	long long n = tally_conflicts(t, &lines, MAX_CONFLICTS, &err);
	const char *p = lines.p ? lines.p : "", *nl;

	if (n < 0) {
		int intr = stop && *stop;

		if (intr) /* a read cut by the signal, or stopped */
			log_error("interrupted: nothing written");
		else
			log_error("%s", err.p);
		buf_release(&lines);
		buf_release(&err);
		return intr ? PT_EXIT_INTR : PT_EXIT_FAIL;
	}
	for (; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		if (quiet)
			log_debug("%.*s", (int)(nl - p), p);
		else
			log_warn("%.*s", (int)(nl - p), p);
	}
	if (n > MAX_CONFLICTS && !quiet)
		log_warn("%lld more articles differ between partials",
			 n - MAX_CONFLICTS);
	buf_release(&lines);
	buf_release(&err);
	return PT_EXIT_OK;
}

int
merge_run(const char *out, char *const *parts, size_t nparts, int summary,
	  int lock, volatile sig_atomic_t *stop, int quiet_dups, int excel,
	  int progress_mode)
{
	struct progress *prog = NULL;
	unsigned long long total = 0;
	struct buf err = BUF_INIT;
	struct tally *t = NULL;
	struct stat st;
	size_t i;
	int rc = PT_EXIT_OK, lock_fd = -1;

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
	if (lock && (lock_fd = cmd_lock_dir(out, &rc)) < 0)
		return rc;
	t = tally_new(out, &err);
	if (!t) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
		goto done;
	}
	tally_set_bom(t, excel);
	tally_set_stop(t, stop);
	/* Everything is read before anything is renamed into place, so the
	 * output directory may be one of the partials. Each partial is
	 * checked first (its files and columns); then all are read at once. */
	for (i = 0; i < nparts; i++) {
		if (stop && *stop) {
			log_error("interrupted: nothing written");
			rc = PT_EXIT_INTR;
			goto done;
		}
		buf_reset(&err);
		if (tally_import(t, parts[i], &err)) {
			if (stop && *stop) {
				/* A read cut by the signal. */
				log_error("interrupted: nothing written");
				rc = PT_EXIT_INTR;
				goto done;
			}
			log_error("cannot merge partial '%s': %s", parts[i],
				  err.p);
			rc = PT_EXIT_FAIL;
			goto done;
		}
	}
	prog = progress_start("merging", 0, progress_mode);
	for (i = 0; prog && i < nparts; i++)
		total += partial_bytes(parts[i]);
	progress_total_bytes(prog, total);
	tally_set_progress(t, prog);
	rc = report_conflicts(t, quiet_dups, stop);
	tally_set_progress(t, NULL);
	progress_stop(&prog);
	if (rc != PT_EXIT_OK)
		goto done;
	if (stop && *stop) {
		log_error("interrupted: nothing written");
		rc = PT_EXIT_INTR;
		goto done;
	}
	buf_reset(&err);
	if ((rc = tally_finish(t, &err)) != 0) {
		if (rc == PT_EINTR) {
			log_error("interrupted: nothing written");
			rc = PT_EXIT_INTR;
		} else {
			log_error("%s", err.p);
			rc = PT_EXIT_FAIL;
		}
		goto done;
	}
	if (summary)
		tally_print_summary(t, stdout, 30);
	log_info("%zu partial%s merged (%zu articles read); CSV files in '%s'",
		 nparts, nparts == 1 ? "" : "s", tally_articles(t), out);
done:
	progress_stop(&prog);
	tally_free(t);
	buf_release(&err);
	if (lock_fd >= 0)
		close(lock_fd); /* releases the lock */
	return rc;
}
