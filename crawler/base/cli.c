/* cli.c -- number parsing and help/usage output for subcommands. */
#include "crawler/base/cli.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int
cli_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!s || *s < '0' || *s > '9')
		return PT_EINVAL;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return PT_EINVAL;
	*out = v;
	return 0;
}

int
cli_parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || ((*s < '0' || *s > '9') && *s != '.'))
		return PT_EINVAL;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || v < 0 || v != v)
		return PT_EINVAL;
	*out = v;
	return 0;
}

int
cli_help(const char *usage, const char *text)
{
	printf("usage: %s\n\n%s", usage, text);
	return PT_EXIT_OK;
}

int
cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		buf_vaddf(&b, fmt, ap);
		va_end(ap);
		log_error("%s", b.p);
	}
	log_error("usage: %s", usage);
	log_error("try 'presstally %s --help'", cmd);
	buf_release(&b);
	return PT_EXIT_USAGE;
}
