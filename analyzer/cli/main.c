/* main.c -- the presstally binary: a table of git-style subcommands, and
 * the options they all share (cmd_common_option()).
 */
#include "analyzer/cli/cmds.h"
#include "crawler/base/cli.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

struct command {
	const char *name;                 /* as typed after "presstally" */
	int (*fn)(int argc, char **argv); /* returns an enum pt_exit */
	const char *summary;              /* one line for --help */
};

static const struct command commands[] = {
	{ "analyze", cmd_analyze,
	  "find people, stances and quotes; write CSV files" },
	{ "crawl", cmd_crawl,
	  "fetch articles into WARC files, state in SQLite" },
	{ "extract", cmd_extract,
	  "print the main article text of HTML pages" },
	{ "merge", cmd_merge,
	  "merge partial results (one per shard) into one dataset" },
	{ "quotes", cmd_quotes,
	  "search the quotes of a dataset (who, where, when, what)" },
	{ "refresh", cmd_refresh,
	  "crawl, analyze what is new and update the dataset (for cron)" },
	{ "report", cmd_report,
	  "write a dataset's charts and quotes as one HTML file" },
	{ "topic", cmd_topic, "start a topic file, or check one" },
	{ "warc", cmd_warc, "list the records of WARC files" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp,
		"usage: presstally [--version] [--help] COMMAND [ARGS]\n\n"
		"Turns trade-press articles into data: people, their stance "
		"on a topic, and what\nthey said.\n\nCommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fprintf(fp,
		"\n'presstally help COMMAND' or 'presstally COMMAND --help' "
		"shows a command's options.\n\n"
		"Exit codes:\n"
		"  0    success\n"
		"  1    failure: an input or output could not be used\n"
		"  2    bad command line\n"
		"  3    invalid data file (topic, sources, config)\n"
		"  4    finished, but some inputs were skipped\n"
		"  5    another run holds the lock\n"
		"  130  interrupted\n");
}

int
cmd_common_option(int c, const char *cmd, const char *usage,
		  const char *help)
{
	switch (c) {
	case 'h':
		return cli_help(usage, help);
	case 'q':
		log_set_level(LOG_QUIET);
		return CMD_OPT_TAKEN;
	case 'v':
		log_set_level(LOG_VERBOSE);
		return CMD_OPT_TAKEN;
	default:
		return cli_usage_error(cmd, usage, NULL);
	}
}

int
cmd_one_operand(int argc, char **argv, const char *usage, const char *what)
{
	char msg[64];

	if (optind == argc - 1)
		return 0;
	snprintf(msg, sizeof(msg), optind >= argc ? "no %s given" :
		 "one %s only", what);
	return cli_usage_error(argv[0], usage, msg);
}

/* A work file of a run that was killed: the SQLite work database of
 * tally.c (and its journal) or an output temporary of ofile.c. */
static int
stale_work_file(const char *name)
{
	const char *t = strstr(name, ".csv.tmp.");

	return strncmp(name, ".presstally-work-", 17) == 0 ||
	       (t && strlen(t) == 15);
}

int
cmd_lock_dir(const char *dir, int *rc)
{
	char *lock = fileio_join(dir, ".lock");
	int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	DIR *d;
	struct dirent *e;

	if (fd < 0) {
		log_error("cannot open lock '%s': %s", lock, strerror(errno));
		*rc = PT_EXIT_FAIL;
		free(lock);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		log_error("another run is writing into '%s' (lock '%s' is "
			  "held); exiting", dir, lock);
		*rc = PT_EXIT_LOCKED;
		close(fd);
		free(lock);
		return -1;
	}
	free(lock);
	/* Under the lock, no other run is using the work files here. */
	d = opendir(dir);
	while (d && (e = readdir(d)) != NULL) {
		if (stale_work_file(e->d_name)) {
			char *p = fileio_join(dir, e->d_name);

			log_debug("removing '%s', left by an "
				  "interrupted run", p);
			unlink(p);
			free(p);
		}
	}
	if (d)
		closedir(d);
	return fd;
}

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

volatile sig_atomic_t *
cmd_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	return &interrupted;
}

void
cmd_test_pause(volatile sig_atomic_t *stop, const char *point)
{
	const char *want = getenv("PRESSTALLY_TEST_PAUSE");
	int i;

	if (!want || strcmp(want, point) != 0)
		return;
	log_info("test pause at %s", point);
	for (i = 0; i < 600 && !(stop && *stop); i++)
		usleep(100000);
}

static const struct command *
find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		usage(stderr);
		return PT_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return PT_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 ||
	    strcmp(argv[1], "version") == 0) {
		printf("presstally %s\n", PT_VERSION);
		return PT_EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		char *hargv[3];

		if (argc < 3) {
			usage(stdout);
			return PT_EXIT_OK;
		}
		c = find(argv[2]);
		if (!c) {
			log_error("'%s' is not a presstally command", argv[2]);
			return PT_EXIT_USAGE;
		}
		hargv[0] = argv[2];
		hargv[1] = "--help";
		hargv[2] = NULL;
		return c->fn(2, hargv);
	}
	c = find(argv[1]);
	if (!c) {
		log_error("'%s' is not a presstally command; see "
			  "'presstally --help'", argv[1]);
		return PT_EXIT_USAGE;
	}
	return c->fn(argc - 1, argv + 1);
}
