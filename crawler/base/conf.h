/* conf.h -- the reader of presstally's hand-edited configuration files
 * (sources.conf, refresh.conf): one entry per line, "key = value",
 * comments, and messages that name FILE:LINE.
 *
 *   # a comment: '#' at the start of a line or after a space or tab
 *   key = value          # spaces around '=' and at the ends are dropped
 *   [section]            # passed on as a line without '='; the caller
 *                          decides what it means
 *
 * Blank and comment-only lines are skipped. A NUL byte anywhere is an
 * error. The reader yields lines and finds keys in the caller's table;
 * what a key means is the caller's.
 * Non-goals: quoting, line continuations, includes.
 * Arguments are borrowed.
 */
#ifndef PT_CONF_H
#define PT_CONF_H

#include "crawler/base/buf.h"
#include "crawler/base/sv.h"

#include <stddef.h>

/* Cap on the size of a configuration file. */
#define CONF_MAX_BYTES (1024u * 1024)

/* One line, borrowed from the reader; valid until conf_release(). */
struct conf_line {
	struct sv text;  /* the line without its comment, trimmed; not empty */
	struct sv key;   /* before the first '=', trimmed (all of text when
			    there is none) */
	struct sv val;   /* after it, trimmed; val.p == NULL when there is
			    no '=' */
	size_t line;     /* 1-based line number */
};

/* A reader over one file's text. Value type. */
struct conf {
	const char *file;  /* for messages; borrowed */
	const char *p;     /* the text, borrowed or in `data` */
	size_t len, pos;
	size_t line;       /* lines read so far */
	struct buf data;   /* the file's contents after conf_open() */
};

/* Reads over text[0..len) (borrowed); `file` names it in messages. */
void conf_init(struct conf *c, const char *text, size_t len,
	       const char *file);
/* Reads `path` (at most CONF_MAX_BYTES). 0, PT_ENOENT, PT_EIO or
 * PT_ETOOBIG with a message naming the path. conf_release() either way. */
int conf_open(struct conf *c, const char *path, struct buf *err);
void conf_release(struct conf *c);

/* The next non-blank line into *out: 1, 0 at the end, or PT_EPARSE with
 * "FILE:LINE: expected text, got a NUL byte" in err. */
int conf_next(struct conf *c, struct conf_line *out, struct buf *err);

/* A key a file allows: its name, what its value is (the caller's enum)
 * and where the value goes (an offset into the caller's struct). */
struct conf_key {
	const char *name;
	int kind;
	size_t off;
};

/* The entry of keys[0..n) named `key` (case-sensitive), or NULL. */
const struct conf_key *conf_key_find(const struct conf_key *keys, size_t n,
				     struct sv key);

/* Appends "FILE:LINE: " and the message to err (may be NULL); returns
 * PT_EPARSE. */
int conf_error(struct buf *err, const char *file, size_t line,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
