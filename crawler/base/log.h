/* log.h -- every message presstally writes to stderr goes through here.
 *
 * Style: "presstally: cannot read record 12 of 'a.warc.gz': truncated gzip
 * member" -- lowercase, no full stop, the problem first, the subject quoted.
 * stdout is for data only.
 *
 * Progress: a struct progress is shown only when enabled (isatty(2) by
 * default); a NULL progress makes every progress call a no-op.
 */
#ifndef PT_LOG_H
#define PT_LOG_H

#include <stdint.h>

enum log_level {
	LOG_QUIET = 0, /* errors only */
	LOG_NORMAL = 1,
	LOG_VERBOSE = 2
};

/* Process-wide verbosity, set once by main from the command line. */
void log_set_level(enum log_level level);
enum log_level log_get_level(void);

void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Informational lines; silenced by --quiet. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct progress;

/* Returns a new progress meter titled `title`, or NULL when progress is
 * off: `mode` < 0 means auto (on when stderr is a terminal and not quiet),
 * 0 off, 1 on. Free with progress_stop(). */
struct progress *progress_start(const char *title, uint64_t total, int mode);
/* Sets the bytes the run will read in all (from the inputs' sizes), so
 * the meter shows "12.0/40.0 MB" and an ETA from the bytes; without it
 * the ETA comes from the items (when `total` was given). */
void progress_total_bytes(struct progress *p, uint64_t total);
/* Shows `done` items (and `bytes`, when non-zero) with their rate and,
 * when a total is known, the time left; at most ~5 times a second. */
void progress_update(struct progress *p, uint64_t done, uint64_t bytes);
/* Sets a short text shown after the counts ("12 queued, 1 failed");
 * copied (at most 127 bytes). NULL clears it. */
void progress_note(struct progress *p, const char *note);
/* Prints the final line, frees *pp and sets it to NULL. */
void progress_stop(struct progress **pp);

#endif
