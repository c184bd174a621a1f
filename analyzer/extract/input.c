/* input.c -- expanding and reading the inputs of `analyze`. */
#include "analyzer/extract/input.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/hash.h"
#include "crawler/base/http.h"
#include "crawler/base/url.h"
#include "analyzer/text/norm.h"
#include "crawler/base/warc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const exts[] = { ".txt", ".html", ".htm", ".xhtml",
				    ".warc", ".warc.gz", ".txt.gz", ".html.gz",
				    ".htm.gz", ".xhtml.gz", NULL };

/* How much of a document the sniffing looks at, and what makes it not
 * text: control bytes (NUL and the C0 codes other than tab, line feed,
 * form feed and carriage return) above 1 in 100, or for a text file
 * invalid UTF-8 above 1 byte in 10 (a Latin-1 file stays well below). */
#define SNIFF_BYTES 65536
#define SNIFF_MAX_CONTROL_PER_100 1
#define SNIFF_MAX_BAD_UTF8_PER_10 1

/* A file by device and inode: the same file under two names is read once. */
struct fileid {
	dev_t dev;
	ino_t ino;
	int used;
};

struct input {
	char **paths;        /* expanded paths, owned */
	unsigned long long *size; /* their sizes when listed (0 for stdin) */
	size_t n, cap, capsize;
	char *real;          /* the current file's canonical path (realpath,
			      * taken when it is opened, not for every file
			      * up front), owned */
	struct fileid *seen; /* hash set of the files taken, by dev+ino */
	size_t nseen, capseen; /* capseen: a power of two, or 0 */
	struct buf notes;    /* what input_new() skipped, one per line */
	struct buf local;    /* file:// URL of the current local file */
	size_t next;         /* index of the next path */
	struct buf data;     /* current document's bytes */
	struct warc_reader *warc; /* the WARC file being read, or NULL */
	const char *warc_path;    /* its path; borrowed from paths */
	struct buf name;     /* "path#record N" */
	struct buf charset;  /* charset parsed from a Content-Type */
	struct buf warning;  /* the current record's warning */
	struct buf canon;    /* canonical URL of the current record */
	struct buf packed;   /* a gzip-compressed file as read */
	struct buf scratch;  /* for the UTF-8 check */
	size_t max_doc;      /* cap on one document */
	unsigned long long total; /* bytes of all the files */
	unsigned long long done;  /* of the files finished */
	unsigned long long cur;   /* read of the current file */
	unsigned long long cur_size; /* its size */
};

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

static size_t
fileid_slot(const struct fileid *set, size_t cap, const struct stat *st)
{
	size_t h = ((size_t)st->st_ino * 0x9E3779B97F4A7C15u) ^
		   (size_t)st->st_dev;
	size_t i = h & (cap - 1);

	while (set[i].used && (set[i].dev != st->st_dev ||
			       set[i].ino != st->st_ino))
		i = (i + 1) & (cap - 1);
	return i;
}

/* Adds the file to in->seen; 0 when it was there already. */
static int
fileid_add(struct input *in, const struct stat *st)
{
	size_t i;

	if (2 * (in->nseen + 1) > in->capseen) {
		size_t cap = in->capseen ? in->capseen * 2 : 64, j;
		struct fileid *set = pt_xcalloc(cap, sizeof(*set));

		for (j = 0; j < in->capseen; j++)
			if (in->seen[j].used) {
				struct stat o;

				o.st_dev = in->seen[j].dev;
				o.st_ino = in->seen[j].ino;
				set[fileid_slot(set, cap, &o)] = in->seen[j];
			}
		free(in->seen);
		in->seen = set;
		in->capseen = cap;
	}
	i = fileid_slot(in->seen, in->capseen, st);
	if (in->seen[i].used)
		return 0;
	in->seen[i].used = 1;
	in->seen[i].dev = st->st_dev;
	in->seen[i].ino = st->st_ino;
	in->nseen++;
	return 1;
}

/* Takes path p (stat st; NULL for stdin) unless its file was taken
 * already under another name. */
static void
push(struct input *in, const char *p, const struct stat *st)
{
	if (st && !fileid_add(in, st)) {
		buf_addf(&in->notes, "skipped '%s': the same file as an input "
			 "before it\n", p);
		return;
	}
	pt_xgrow((void **)&in->paths, &in->cap, in->n + 1, sizeof(*in->paths));
	pt_xgrow((void **)&in->size, &in->capsize, in->n + 1,
		 sizeof(*in->size));
	in->paths[in->n] = pt_xstrdup(p);
	in->size[in->n] = st ? (unsigned long long)st->st_size : 0;
	in->total += in->size[in->n++];
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
	buf_init(&in->notes, 0);
	buf_init(&in->local, 0);
	buf_init(&in->packed, max_doc);
	buf_init(&in->scratch, 0);
	in->max_doc = max_doc;
	for (i = 0; i < nargs; i++) {
		struct stat st;
		char **list;
		size_t n;
		int rc;

		if (strcmp(args[i], "-") == 0) {
			push(in, "-", NULL);
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
			push(in, args[i], &st);
			continue;
		}
		rc = fileio_walk(args[i], exts, &list, &n, &in->notes, err);
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
			if (stat(list[j], &st) == 0)
				push(in, list[j], &st);
		fileio_list_free(list, n);
	}
	return in;
}

const char *
input_notes(const struct input *in)
{
	return in->notes.p ? in->notes.p : "";
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
	free(in->size);
	free(in->real);
	free(in->seen);
	buf_release(&in->notes);
	buf_release(&in->local);
	buf_release(&in->packed);
	buf_release(&in->scratch);
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

/* The name of a file without a final ".gz". */
static int
has_ext_gz(const char *path, const char *ext)
{
	size_t n = strlen(path);

	if (fileio_has_ext(path, ".gz")) {
		char *base = pt_xstrndup(path, n - 3);
		int yes = fileio_has_ext(base, ext);

		free(base);
		return yes;
	}
	return fileio_has_ext(path, ext);
}

static int
has_html_ext(const char *path)
{
	return has_ext_gz(path, ".html") || has_ext_gz(path, ".htm") ||
	       has_ext_gz(path, ".xhtml");
}

static int
has_text_ext(const char *path)
{
	return has_ext_gz(path, ".txt");
}

/* Reads file `path` into in->data, inflating gzip data (the ".gz"
 * inputs, or any file that starts with the gzip magic): both the file and
 * what it inflates to are capped at max_doc. 0 or a negative pt_err with
 * the message in err. */
static int
read_doc(struct input *in, const char *path, struct buf *err)
{
	struct buf *dst = &in->data;
	int rc;

	buf_reset(&in->packed);
	rc = fileio_read(path, &in->packed, NULL);
	if (rc == PT_ETOOBIG) {
		if (err)
			buf_addf(err, "skipped '%s': larger than %zu MB", path,
				 in->max_doc >> 20);
		buf_release(&in->packed);
		buf_init(&in->packed, in->max_doc);
		return rc;
	}
	if (rc) {
		if (err)
			buf_addf(err, "skipped '%s': cannot read it: %s", path,
				 strerror(errno));
		return rc;
	}
	if (in->packed.len == 0) {
		if (err)
			buf_addf(err, "skipped '%s': empty file", path);
		return PT_EEMPTY;
	}
	if (in->packed.len < 2 || (unsigned char)in->packed.p[0] != 0x1f ||
	    (unsigned char)in->packed.p[1] != 0x8b) {
		/* Not compressed: the bytes are the document. */
		struct buf t = *dst;

		*dst = in->packed;
		in->packed = t;
		return 0;
	}
	rc = http_inflate(in->packed.p, in->packed.len, 0, dst);
	if (rc == 1) {
		if (err)
			buf_addf(err, "skipped '%s': larger than %zu MB once "
				 "decompressed", path, in->max_doc >> 20);
		buf_release(dst);
		buf_init(dst, in->max_doc);
		return PT_ETOOBIG;
	}
	if (rc < 0 || dst->len == 0) {
		if (err)
			buf_addf(err, "skipped '%s': %s", path, rc < 0 ?
				 "not valid gzip data" : "empty once "
				 "decompressed");
		return rc < 0 ? PT_EPARSE : PT_EEMPTY;
	}
	return 0;
}

/* Skips a document that is not text: binary data (control bytes), a
 * text file that is not UTF-8, an HTML file without markup. 0, or
 * PT_EUNSUP with the message in err. */
static int
sniff(struct input *in, int html, const char *path, struct buf *err)
{
	const unsigned char *p = (const unsigned char *)in->data.p;
	size_t n = in->data.len < SNIFF_BYTES ? in->data.len : SNIFF_BYTES;
	size_t i, control = 0, bad = 0, bad_at;
	int markup = 0;
	const char *why = NULL;

	/* UTF-16 and UTF-32 (with their byte order mark) are for the HTML
	 * decoder to read, NULs and all. */
	if (html && n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
			       (p[0] == 0xFE && p[1] == 0xFF)))
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r' && p[i] != '\f')
			control++;
		if (p[i] == '<' && i + 1 < n &&
		    (((p[i + 1] | 0x20) >= 'a' && (p[i + 1] | 0x20) <= 'z') ||
		     p[i + 1] == '!' || p[i + 1] == '/' || p[i + 1] == '?'))
			markup = 1;
	}
	if (control * 100 > n * SNIFF_MAX_CONTROL_PER_100) {
		why = "binary data, not text";
	} else if (html && !markup) {
		why = "no HTML markup";
	} else if (!html) {
		buf_reset(&in->scratch);
		bad = norm_fix_utf8(in->data.p, n, &in->scratch, &bad_at);
		if (bad * 10 > n * SNIFF_MAX_BAD_UTF8_PER_10)
			why = "not UTF-8 text";
	}
	if (!why)
		return 0;
	if (err)
		buf_addf(err, "skipped '%s': %s (%zu control bytes, %zu "
			 "invalid UTF-8 sequences in the first %zu bytes)",
			 path, why, control, bad, n);
	return PT_EUNSUP;
}

/* "file://" and the path, percent-encoded where a URL needs it. */
static void
file_url(struct buf *b, const char *path)
{
	static const char hexd[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)path;

	buf_adds(b, "file://");
	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~+,=@:", *p)) {
			buf_add(b, (const char *)p, 1);
		} else {
			char e[3] = { '%', hexd[*p >> 4], hexd[*p & 15] };

			buf_add(b, e, 3);
		}
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
	in->cur_size = in->size[in->next];
	path = in->paths[in->next++];
	if (is_warc(path)) {
		in->warc = warc_reader_open(path, err);
		if (!in->warc)
			return PT_EIO;
		in->warc_path = path;
		return input_next(in, doc, err);
	}
	buf_reset(&in->data);
	memset(doc, 0, sizeof(*doc));
	rc = read_doc(in, path, err);
	if (rc)
		return rc;
	in->cur = in->cur_size;
	doc->name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	buf_reset(&in->local);
	if (strcmp(path, "-") == 0) {
		/* Standard input has no name: it is what it holds. */
		char hex[65];

		hash_sha256_hex(in->data.p, in->data.len, hex, 64);
		buf_addf(&in->local, "stdin:sha256:%s", hex);
		doc->id_source = in->local.p;
	} else {
		/* The canonical path names the file however it was
		 * given (a relative path, a symbolic link); a file that
		 * vanished since it was listed keeps its name. */
		free(in->real);
		in->real = realpath(path, NULL);
		if (!in->real)
			in->real = pt_xstrdup(path);
		file_url(&in->local, in->real);
		doc->id_source = in->real;
		doc->local_url = in->local.p;
	}
	doc->html = has_html_ext(path);
	if (!doc->html && !has_text_ext(path)) {
		/* Sniff standard input: markup at the start means HTML. */
		size_t i = 0;

		while (i < in->data.len && (in->data.p[i] == ' ' ||
					    in->data.p[i] == '\n' ||
					    in->data.p[i] == '\r' ||
					    in->data.p[i] == '\t'))
			i++;
		doc->html = i < in->data.len && in->data.p[i] == '<';
	}
	rc = sniff(in, doc->html, path, err);
	if (rc)
		return rc;
	doc->data = in->data.p;
	doc->len = in->data.len;
	return 1;
}
