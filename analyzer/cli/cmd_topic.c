/* cmd_topic.c -- `presstally topic check FILE`: validate a topic file. */
#include "analyzer/cli/cmds.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/log.h"

#include <stdio.h>
#include <string.h>

static const char usage[] = "presstally topic check FILE...";

static const char help[] =
	"Checks topic files and prints what each one holds. A malformed line "
	"is reported\nas FILE:LINE: what was expected.\n\n"
	"Options:\n"
	"  -h, --help   show this help\n\n"
	"Exit codes: 0 every file is valid; 2 bad command line; 3 a file is "
	"invalid.\n";

int
cmd_topic(int argc, char **argv)
{
	struct buf err = BUF_INIT;
	int i, rc = PT_EXIT_OK;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0))
		return cli_help(usage, help);
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cli_usage_error(argv[0], usage,
				       argc < 2 ? "missing 'check'" :
				       "unknown action '%s'", argv[1]);
	if (argc >= 3 && (strcmp(argv[2], "--help") == 0 ||
			  strcmp(argv[2], "-h") == 0))
		return cli_help(usage, help);
	if (argc < 3)
		return cli_usage_error(argv[0], usage, "no FILE given");
	for (i = 2; i < argc; i++) {
		struct topic *t;

		buf_reset(&err);
		t = topic_load(argv[i], &err);
		if (!t) {
			log_error("%s", err.p);
			rc = PT_EXIT_DATA;
			continue;
		}
		buf_reset(&err);
		topic_describe(t, &err);
		printf("%s: ok: %s\n", argv[i], err.p);
		topic_free(t);
	}
	buf_release(&err);
	return rc;
}
