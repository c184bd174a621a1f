/* input.c -- expanding and reading the inputs of `analyze`. */
#include "analyzer/extract/input.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/url.h"
#include "crawler/base/warc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const exts[] = { ".txt", ".html", ".htm", ".xhtml",
				    ".warc", ".warc.gz", NULL };

struct input {
	char **paths;        /* expanded paths, owned */
	size_t n, cap;
	size_t next;         /* index of the next path */
	struct buf data;     /* current document's bytes */
	struct warc_reader *warc; /* the WARC file being read, or NULL */
	const char *warc_path;    /* its path; borrowed from paths */
	struct buf name;     /* "path#record N" */
	struct buf charset;  /* charset parsed from a Content-Type */
	struct buf warning;  /* the current record's warning */
	struct buf canon;    /* canonical URL of the current record */
	size_t max_doc;      /* cap on one document */
	unsigned long long total; /* bytes of all the files */
	unsigned long long done;  /* of the files finished */
	unsigned long long cur;   /* read of the current file */
	unsigned long long cur_size; /* its size */
};

/* Size of a path, 0 for standard input or when it cannot be read. */
static unsigned long long
size_of(const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
		return 0;
	return (unsigned long long)st.st_size;
}

void
input_bytes(const struct input *in, unsigned long long *done,
	    unsigned long long *total)
{
	*done = in->done + in->cur;
	*total = in->total;
}

static int
is_warc(const char *path)
{
	return fileio_has_ext(path, ".warc") || fileio_has_ext(path, ".warc.gz");
}

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
	buf_init(&in->name, 0);
	buf_init(&in->charset, 256);
	buf_init(&in->warning, 0);
	buf_init(&in->canon, 0);
	in->max_doc = max_doc;
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
				buf_addf(err, "no .txt, .html or .warc files in "
					 "directory '%s'", args[i]);
			fileio_list_free(list, n);
			input_free(in);
			return NULL;
		}
		for (j = 0; j < n; j++)
			push(in, list[j]);
		fileio_list_free(list, n);
	}
	for (i = 0; i < in->n; i++)
		in->total += size_of(in->paths[i]);
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
	warc_reader_free(in->warc);
	buf_release(&in->data);
	buf_release(&in->name);
	buf_release(&in->charset);
	buf_release(&in->warning);
	buf_release(&in->canon);
	free(in);
}

size_t
input_count(const struct input *in)
{
	return in->n;
}

/* 1 for a media type that holds a web page. */
static int
is_html_type(const char *ct)
{
	if (!ct)
		return 0;
	while (*ct == ' ')
		ct++;
	return strncasecmp(ct, "text/html", 9) == 0 ||
	       strncasecmp(ct, "application/xhtml+xml", 21) == 0;
}

/* The charset parameter of a Content-Type, into in->charset. */
static const char *
charset_of(struct input *in, const char *ct)
{
	const char *p = ct;
	size_t n = 0;

	while (p && *p && strncasecmp(p, "charset=", 8) != 0)
		p++;
	if (!p || !*p)
		return NULL;
	p += 8;
	if (*p == '"')
		p++;
	while (p[n] && p[n] != '"' && p[n] != ';' && p[n] != ' ' && n < 64)
		n++;
	buf_reset(&in->charset);
	buf_add(&in->charset, p, n);
	return n ? in->charset.p : NULL;
}

/* Next HTML capture of the open WARC file: 1 (a document), 0 (the file is
 * done), or a negative pt_err for a broken record (message in err). */
static int
warc_next(struct input *in, struct input_doc *doc, struct buf *err)
{
	struct warc_record rec;
	int rc;

	for (;;) {
		rc = warc_reader_next(in->warc, &rec, err);
		if (rc == 0) {
			warc_reader_free(in->warc);
			in->warc = NULL;
			return 0;
		}
		if (rc < 0)
			return rc;
		if (strcmp(rec.type, "response") == 0) {
			if (!rec.is_http || rec.http_status < 200 ||
			    rec.http_status > 299 ||
			    !is_html_type(rec.http_content_type))
				continue;
		} else if (strcmp(rec.type, "resource") == 0) {
			if (!is_html_type(rec.content_type))
				continue;
		} else {
			continue; /* revisit, request, metadata, warcinfo */
		}
		if (!rec.target_uri || rec.payload_len == 0)
			continue;
		if (rec.payload_len > in->max_doc) {
			if (err)
				buf_addf(err, "skipped record %lu of '%s': "
					 "larger than %zu MB", rec.number,
					 in->warc_path, in->max_doc >> 20);
			return PT_ETOOBIG;
		}
		in->cur = rec.offset;
		buf_reset(&in->name);
		buf_addf(&in->name, "%s#record %lu", in->warc_path,
			 rec.number);
		buf_reset(&in->data);
		buf_add(&in->data, rec.payload, rec.payload_len);
		memset(doc, 0, sizeof(*doc));
		doc->name = in->name.p;
		/* The article id hashes the canonical URL, so captures
		 * that differ only by tracking parameters are one article. */
		buf_reset(&in->canon);
		if (url_canonicalize(rec.target_uri, NULL, &in->canon, NULL))
			buf_adds(&in->canon, rec.target_uri);
		doc->url = in->canon.p;
		doc->id_source = in->canon.p;
		doc->captured = rec.date;
		doc->charset = charset_of(in, rec.is_http ?
					  rec.http_content_type :
					  rec.content_type);
		doc->html = 1;
		if (rec.digest_ok == WARC_DIGEST_BAD || rec.note ||
		    rec.payload_truncated) {
			buf_reset(&in->warning);
			buf_addf(&in->warning, "%s%s%s%s",
				 rec.digest_ok == WARC_DIGEST_BAD ?
				 "digest mismatch" : "",
				 rec.note && rec.digest_ok == WARC_DIGEST_BAD ?
				 "; " : "", rec.note ? rec.note : "",
				 rec.payload_truncated ? " (payload cut at the "
				 "size cap)" : "");
			doc->warning = in->warning.p;
		}
		doc->data = in->data.p;
		doc->len = in->data.len;
		return 1;
	}
}

int
input_next(struct input *in, struct input_doc *doc, struct buf *err)
{
	const char *path;
	int rc;

	while (in->warc) {
		rc = warc_next(in, doc, err);
		if (rc != 0)
			return rc;
	}
	in->done += in->cur_size;
	in->cur = in->cur_size = 0;
	if (in->next >= in->n)
		return 0;
	path = in->paths[in->next++];
	in->cur_size = size_of(path);
	if (is_warc(path)) {
		in->warc = warc_reader_open(path, err);
		if (!in->warc)
			return PT_EIO;
		in->warc_path = path;
		return input_next(in, doc, err);
	}
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
	in->cur = in->cur_size;
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
