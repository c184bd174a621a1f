/* cli.h -- helpers shared by the cmd_*.c subcommands: exit codes, number
 * parsing, help and usage output.
 */
#ifndef PT_CLI_H
#define PT_CLI_H

#include <stdint.h>

/* Exit codes, documented in the README and in `presstally --help`. */
enum pt_exit {
	PT_EXIT_OK = 0,      /* success */
	PT_EXIT_FAIL = 1,    /* failure: an input or output could not be used */
	PT_EXIT_USAGE = 2,   /* bad command line */
	PT_EXIT_DATA = 3,    /* invalid data file (topic, sources, config) */
	PT_EXIT_PARTIAL = 4, /* finished, but some inputs were skipped */
	PT_EXIT_LOCKED = 5,  /* another run holds the lock */
	PT_EXIT_INTR = 130   /* interrupted by SIGINT/SIGTERM */
};

/* Parses a non-negative decimal integer into *out, 0 or PT_EINVAL. */
int cli_parse_uint(const char *s, uint64_t max, uint64_t *out);
/* Parses a non-negative decimal number with an optional fraction. */
int cli_parse_double(const char *s, double *out);

/* Prints `usage` and the help text to stdout and returns PT_EXIT_OK. */
int cli_help(const char *usage, const char *text);
/* Prints the message (if any), the usage line and "try 'presstally CMD
 * --help'" to stderr; returns PT_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
