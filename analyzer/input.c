/* input.c -- expanding and reading the inputs of `analyze`. */
#include "analyzer/input.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const exts[] = { ".txt", ".html", ".htm", ".xhtml",
				    NULL };

struct input {
	char **paths;        /* expanded paths, owned */
	size_t n, cap;
	size_t next;         /* index of the next path */
	struct buf data;     /* current document's bytes */
};

static void
push(struct input *in, const char *p)
{
	pt_xgrow((void **)&in->paths, &in->cap, in->n + 1, sizeof(*in->paths));
	in->paths[in->n++] = pt_xstrdup(p);
}

struct input *
input_new(char *const *args, size_t nargs, size_t max_doc, struct buf *err)
{
	struct input *in = pt_xcalloc(1, sizeof(*in));
	size_t i, j;

	buf_init(&in->data, max_doc);
	for (i = 0; i < nargs; i++) {
		struct stat st;
		char **list;
		size_t n;
		int rc;

		if (strcmp(args[i], "-") == 0) {
			push(in, "-");
			continue;
		}
		if (stat(args[i], &st) != 0) {
			if (err)
				buf_addf(err, "cannot open '%s': %s", args[i],
					 strerror(errno));
			input_free(in);
			return NULL;
		}
		if (!S_ISDIR(st.st_mode)) {
			push(in, args[i]);
			continue;
		}
		rc = fileio_list(args[i], exts, &list, &n, err);
		if (rc) {
			input_free(in);
			return NULL;
		}
		if (n == 0) {
			if (err)
				buf_addf(err, "no .txt or .html files in "
					 "directory '%s'", args[i]);
			fileio_list_free(list, n);
			input_free(in);
			return NULL;
		}
		for (j = 0; j < n; j++)
			push(in, list[j]);
		fileio_list_free(list, n);
	}
	return in;
}

void
input_free(struct input *in)
{
	size_t i;

	if (!in)
		return;
	for (i = 0; i < in->n; i++)
		free(in->paths[i]);
	free(in->paths);
	buf_release(&in->data);
	free(in);
}

size_t
input_count(const struct input *in)
{
	return in->n;
}

int
input_next(struct input *in, struct input_doc *doc, struct buf *err)
{
	const char *path;
	int rc;

	if (in->next >= in->n)
		return 0;
	path = in->paths[in->next++];
	buf_reset(&in->data);
	memset(doc, 0, sizeof(*doc));
	rc = fileio_read(path, &in->data, NULL);
	if (rc == PT_ETOOBIG) {
		if (err)
			buf_addf(err, "skipped '%s': larger than %zu MB",
				 path, in->data.max >> 20);
		buf_release(&in->data);
		return rc;
	}
	if (rc) {
		if (err)
			buf_addf(err, "skipped '%s': cannot read it: %s", path,
				 strerror(errno));
		return rc;
	}
	if (in->data.len == 0) {
		if (err)
			buf_addf(err, "skipped '%s': empty file", path);
		return PT_EEMPTY;
	}
	doc->name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	doc->id_source = path;
	doc->html = fileio_has_ext(path, ".html") ||
		    fileio_has_ext(path, ".htm") ||
		    fileio_has_ext(path, ".xhtml");
	if (!doc->html && strcmp(path, "-") == 0) {
		/* Sniff standard input: markup at the start means HTML. */
		size_t i = 0;

		while (i < in->data.len && (in->data.p[i] == ' ' ||
					    in->data.p[i] == '\n' ||
					    in->data.p[i] == '\r' ||
					    in->data.p[i] == '\t'))
			i++;
		doc->html = i < in->data.len && in->data.p[i] == '<';
	}
	doc->data = in->data.p;
	doc->len = in->data.len;
	return 1;
}
