/* cmds.h -- the subcommands of the presstally binary.
 *
 * Each command lives in cmd_<name>.c as cmd_<name>(argc, argv), where
 * argv[0] is the subcommand's name, and returns an enum pt_exit code. To add
 * one: write cmd_<name>.c, declare it here, add it to commands[] in main.c
 * and to the library's sources in the CMakeLists.txt of its half.
 */
#ifndef PT_CMDS_H
#define PT_CMDS_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

int cmd_analyze(int argc, char **argv);
int cmd_crawl(int argc, char **argv);
int cmd_refresh(int argc, char **argv);

struct topic;

/* What analyze_run() does: the work of `presstally analyze`, also used by
 * `presstally refresh`. Borrowed pointers. */
struct analyze_opts {
	const struct topic *topic;     /* the topic */
	char *const *inputs;           /* INPUT paths (files, dirs, "-") */
	size_t ninputs;
	const char *out;               /* dataset directory, or NULL */
	size_t max_doc;                /* bytes; larger documents are skipped */
	FILE *explain;                 /* --explain report, or NULL */
	int progress_mode;             /* -1 auto, 0 off, 1 on */
	int summary;                   /* print the figures table to stdout */
	volatile sig_atomic_t *stop;   /* set by a signal: stop, write nothing */
	int always_write;              /* write a (possibly empty) dataset
					  even when every input was skipped */
};

struct analyze_result {
	size_t docs;                   /* documents read */
	size_t articles;               /* articles written */
	size_t skipped;                /* inputs or records skipped */
};

/* Runs an analysis, reporting through log.h. Returns an enum pt_exit;
 * fills *res when non-NULL. */
int analyze_run(const struct analyze_opts *o, struct analyze_result *res);

/* Loads the topic file at `path` (NULL: the bundled one) the way every
 * command does: read, checked and parsed by topic_load(). With digest
 * non-NULL, also writes the SHA-256 (64 hex digits) of the file's bytes
 * there. Returns a new topic (free with topic_free()), or NULL after
 * logging "invalid topic file: ..." (exit with PT_EXIT_DATA). */
struct topic *cmd_load_topic(const char *path, char digest[65]);

/* For the `default:` of a command's getopt switch: handles the options
 * that mean the same in every command -- -h/--help prints the help and
 * returns PT_EXIT_OK, -q/--quiet and -v/--verbose set the log level and
 * return CMD_OPT_TAKEN -- and answers anything else with the usage error
 * (PT_EXIT_USAGE). The command returns any value but CMD_OPT_TAKEN. */
#define CMD_OPT_TAKEN (-1)
/* Their entries in a command's struct option[]. */
#define CMD_OPT_HELP { "help", no_argument, NULL, 'h' }
#define CMD_OPT_QUIET { "quiet", no_argument, NULL, 'q' }
#define CMD_OPT_VERBOSE { "verbose", no_argument, NULL, 'v' }
int cmd_common_option(int c, const char *cmd, const char *usage,
		      const char *help);

/* Merges partial datasets into `out` (see cmd_merge.c). enum pt_exit. */
int merge_run(const char *out, char *const *parts, size_t nparts,
	      int summary);
int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_topic(int argc, char **argv);
int cmd_warc(int argc, char **argv);

#endif
