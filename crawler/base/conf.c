/* conf.c -- the line reader of configuration files (see conf.h). */
#include "crawler/base/conf.h"

#include "crawler/base/err.h"
#include "crawler/base/fileio.h"

#include <stdarg.h>
#include <string.h>

void
conf_init(struct conf *c, const char *text, size_t len, const char *file)
{
	memset(c, 0, sizeof(*c));
	buf_init(&c->data, CONF_MAX_BYTES);
	c->file = file;
	c->p = text;
	c->len = len;
}

int
conf_open(struct conf *c, const char *path, struct buf *err)
{
	int rc;

	conf_init(c, "", 0, path);
	rc = fileio_read(path, &c->data, err);
	c->p = c->data.p;
	c->len = c->data.len;
	return rc;
}

void
conf_release(struct conf *c)
{
	buf_release(&c->data);
	memset(c, 0, sizeof(*c));
}

int
conf_error(struct buf *err, const char *file, size_t line, const char *fmt,
	   ...)
{
	va_list ap;

	if (err) {
		buf_addf(err, "%s:%zu: ", file, line);
		va_start(ap, fmt);
		buf_vaddf(err, fmt, ap);
		va_end(ap);
	}
	return PT_EPARSE;
}

int
conf_next(struct conf *c, struct conf_line *out, struct buf *err)
{
	while (c->pos < c->len) {
		const char *start = c->p + c->pos;
		const char *nl = memchr(start, '\n', c->len - c->pos);
		struct sv line = sv_make(start, nl ? (size_t)(nl - start) :
					 c->len - c->pos);

		c->pos += line.len + 1;
		c->line++;
		if (memchr(line.p, '\0', line.len))
			return conf_error(err, c->file, c->line,
					  "expected text, got a NUL byte");
		line = sv_strip_comment(line);
		if (line.len == 0)
			continue;
		out->text = line;
		out->val = sv_cut(line, '=', &out->key);
		out->key = sv_trim(out->key);
		if (out->val.p)
			out->val = sv_trim(out->val);
		out->line = c->line;
		return 1;
	}
	return 0;
}

const struct conf_key *
conf_key_find(const struct conf_key *keys, size_t n, struct sv key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sv_eq(key, keys[i].name))
			return &keys[i];
	return NULL;
}
