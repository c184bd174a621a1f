/* input.h -- the documents `analyze` reads: UTF-8 text files, HTML files,
 * WARC files (.warc, .warc.gz: each HTML response or resource record is a
 * document; revisits, requests and other records are skipped),
 * directories of them (recursively, in sorted order) and standard input.
 * Gzip data (.txt.gz, .html.gz, or any file with the gzip magic) is
 * inflated, capped at max_doc; a file that is not text (control bytes, a
 * .txt that is not UTF-8, HTML without markup) is skipped (PT_EUNSUP).
 * A file is read once however many names reach it (device and inode), and
 * a directory is entered once (symlink loops).
 *
 * Arguments are borrowed.
 */
#ifndef PT_INPUT_H
#define PT_INPUT_H

#include <stddef.h>

struct buf;

struct input_doc {
	const char *name;      /* for messages: the path (or path and record) */
	const char *id_source; /* what the article id hashes: the URL, the
				  canonical path (realpath) of a local file,
				  or "stdin:sha256:HEX" of standard input */
	const char *url;       /* the URL, or NULL */
	const char *local_url; /* a local file's file:// URL, or NULL */
	const char *charset;   /* charset from HTTP headers, or NULL */
	const char *captured;  /* WARC-Date of the capture, or NULL */
	const char *warning;   /* a problem with the record that did not stop
				  it being read (a digest mismatch), or NULL */
	int html;              /* 1 when data is HTML, 0 for plain text */
	const char *data;      /* raw bytes; borrowed until input_next() */
	size_t len;
};

struct input;

/* Expands the command-line INPUTs ("-" is stdin) into a new input
 * iterator (free with input_free()). Fails, with a message in err naming
 * the path, on a missing input (PT_ENOENT) or a directory with no usable
 * file (PT_EEMPTY). max_doc caps the bytes of one document. */
struct input *input_new(char *const *args, size_t nargs, size_t max_doc,
			struct buf *err);
void input_free(struct input *in);

/* What input_new() left out, one line each (a file given twice, under
 * one name or two; a directory loop): "" when nothing. Borrowed. */
const char *input_notes(const struct input *in);

/* Number of files the inputs expanded to. */
size_t input_count(const struct input *in);

/* For a progress meter: the bytes of the input files read so far (within
 * a WARC file, up to the current record) and their total size (standard
 * input counts 0). */
void input_bytes(const struct input *in, unsigned long long *done,
		 unsigned long long *total);

/* Reads the next document into *doc. Returns 1 for a document, 0 at the
 * end, or a negative pt_err when one input had to be skipped (message in
 * err); the caller may go on calling. */
int input_next(struct input *in, struct input_doc *doc, struct buf *err);

#endif
