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

/* Test hook: PRESSTALLY_TEST_PAUSE=POINT makes the run wait at POINT (up
 * to a minute, or until *stop is set) so that the signal and crash tests
 * can stop it exactly there. Points: refresh's "start" (under the lock),
 * "analyze", "merge" and "swap"; analyze's "write" (inputs read, nothing
 * written yet). */
void cmd_test_pause(volatile sig_atomic_t *stop, const char *point);

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
					  even when no input held an
					  article */
	int lock;                      /* take the lock of `out` */
	const char *out_name;          /* what messages call `out` (where a
					  temporary `out` is renamed to),
					  or NULL for `out` itself */
	int excel;                     /* CSV files with a UTF-8 BOM */
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
/* After getopt: the usage error of a command that takes exactly one
 * operand named `what` ("DATASET_DIR") when it got none or more, 0 when
 * argv[optind] is the one. */
int cmd_one_operand(int argc, char **argv, const char *usage,
		    const char *what);

/* Merges partial datasets into `out` (see cmd_merge.c). With `lock`, takes
 * the lock of `out` first (cmd_lock_dir()); a non-zero *stop (when stop is
 * non-NULL) abandons the merge between partials, writing nothing, with
 * PT_EXIT_INTR. `quiet_dups` logs articles whose captures differ between
 * partials at the verbose level only. With `excel`, the files start with
 * a UTF-8 BOM; progress_mode as in analyze_opts. enum pt_exit. */
int merge_run(const char *out, char *const *parts, size_t nparts,
	      int summary, int lock, volatile sig_atomic_t *stop,
	      int quiet_dups, int excel, int progress_mode);

/* Takes the lock of dataset directory `dir` (flock on DIR/.lock, without
 * waiting), so that one command at a time writes a dataset there, and then
 * removes the work files that a killed run left in it (.presstally-work-*
 * and the *.csv.tmp.* temporaries). Returns the descriptor, which holds
 * the lock until closed, or -1 after logging, with *rc set to
 * PT_EXIT_LOCKED (another run holds it) or PT_EXIT_FAIL. */
int cmd_lock_dir(const char *dir, int *rc);

/* Makes SIGINT and SIGTERM set the returned flag instead of killing the
 * process, for the rest of the run: long commands poll it, abandon the
 * unit at hand, remove their temporaries and exit PT_EXIT_INTR. */
volatile sig_atomic_t *cmd_catch_signals(void);

/* Writes the HTML report of dataset `dir` to `out` (NULL: dir/report.html)
 * naming `topic` (or NULL); top and quotes 0 for the defaults. Reports
 * through log.h; returns an enum pt_exit. (See cmd_report.c.) */
int report_run(const char *dir, const char *out, const char *topic,
	       size_t top, size_t quotes, int progress_mode);
int cmd_extract(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_topic(int argc, char **argv);
int cmd_warc(int argc, char **argv);

#endif
