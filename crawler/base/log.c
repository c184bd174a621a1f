/* log.c -- messages and the progress meter, all on stderr. */
#include "crawler/base/log.h"

#include "crawler/base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* Set once at start-up from the command line, read everywhere after. */
static enum log_level level = LOG_NORMAL;

void
log_set_level(enum log_level l)
{
	level = l;
}

enum log_level
log_get_level(void)
{
	return level;
}

static void
vlog(const char *prefix, const char *fmt, va_list ap)
{
	fputs("presstally: ", stderr);
	if (prefix)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(NULL, fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("warning: ", fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	if (level < LOG_NORMAL)
		return;
	va_start(ap, fmt);
	vlog(NULL, fmt, ap);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (level < LOG_VERBOSE)
		return;
	va_start(ap, fmt);
	vlog(NULL, fmt, ap);
	va_end(ap);
}

struct progress {
	const char *title;   /* borrowed, a string literal in practice */
	uint64_t total;      /* 0 when unknown */
	uint64_t done;       /* items so far */
	uint64_t bytes;      /* bytes so far */
	uint64_t total_bytes; /* 0 when unknown */
	struct timespec t0;  /* start */
	double last;         /* seconds since t0 of the last redraw */
	char note[128];      /* progress_note() text, "" when none */
};

static double
elapsed(const struct progress *p)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - p->t0.tv_sec) +
	       (double)(t.tv_nsec - p->t0.tv_nsec) / 1e9;
}

struct progress *
progress_start(const char *title, uint64_t total, int mode)
{
	struct progress *p;

	if (mode == 0 || (mode < 0 && (level < LOG_NORMAL || !isatty(2))))
		return NULL;
	p = pt_xcalloc(1, sizeof(*p));
	p->title = title;
	p->total = total;
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	return p;
}

/* The share done, from the bytes when their total is known, else from
 * the items; -1 when neither total is known. */
static double
fraction(const struct progress *p)
{
	if (p->total_bytes)
		return (double)p->bytes / (double)p->total_bytes;
	if (p->total)
		return (double)p->done / (double)p->total;
	return -1;
}

static void
draw(struct progress *p, double t, const char *end)
{
	double mb = (double)p->bytes / 1e6, f = fraction(p);
	int final = *end != '\0';

	fprintf(stderr, "\r%s:", p->title);
	if (p->done || p->total)
		fprintf(stderr, " %llu", (unsigned long long)p->done);
	if (p->total)
		fprintf(stderr, "/%llu", (unsigned long long)p->total);
	if (f >= 0)
		fprintf(stderr, " (%u%%)", (unsigned)(100 * (f > 1 ? 1 : f)));
	if (p->total_bytes)
		fprintf(stderr, ", %.1f/%.1f MB", mb,
			(double)p->total_bytes / 1e6);
	else if (p->bytes)
		fprintf(stderr, ", %.1f MB", mb);
	if (p->bytes && t > 0)
		fprintf(stderr, ", %.1f MB/s", mb / t);
	if (p->done && t > 0.5)
		fprintf(stderr, ", %.0f/s", (double)p->done / t);
	/* The time left, once there is enough behind to judge by. */
	if (!final && f > 0.005 && f < 1 && t > 1) {
		unsigned long left = (unsigned long)(t * (1 - f) / f + 0.5);

		if (left >= 3600)
			fprintf(stderr, ", ETA %lu:%02lu:%02lu", left / 3600,
				left / 60 % 60, left % 60);
		else
			fprintf(stderr, ", ETA %lu:%02lu", left / 60,
				left % 60);
	}
	if (final && t >= 0.05)
		fprintf(stderr, ", %.1f s", t);
	if (p->note[0])
		fprintf(stderr, ", %s", p->note);
	fprintf(stderr, "%s%s", *end ? "" : "   ", end); /* pad over a
							   * longer line */
}

void
progress_update(struct progress *p, uint64_t done, uint64_t bytes)
{
	double t;

	if (!p)
		return;
	p->done = done;
	p->bytes = bytes;
	t = elapsed(p);
	if (t - p->last < 0.2)
		return;
	p->last = t;
	draw(p, t, "");
}

void
progress_total_bytes(struct progress *p, uint64_t total)
{
	if (p)
		p->total_bytes = total;
}

void
progress_note(struct progress *p, const char *note)
{
	if (!p)
		return;
	snprintf(p->note, sizeof(p->note), "%s", note ? note : "");
}

void
progress_stop(struct progress **pp)
{
	struct progress *p = pp ? *pp : NULL;

	if (!p)
		return;
	draw(p, elapsed(p), ", done\n");
	free(p);
	*pp = NULL;
}
