/* warc.h -- WARC 1.1 reader and writer, one gzip member per record.
 *
 * Spec: ISO 28500:2017 (WARC 1.1): sec. 4 (record grammar), 5 (named
 * fields), 6 (record types: warcinfo, request, response, revisit), 6.7.2
 * (identical-payload-digest revisit profile), Annex D (gzip, one member
 * per record). HTTP message blocks: RFC 9112 (chunked transfer coding),
 * RFC 9110 sec. 8.4 (Content-Encoding gzip/deflate).
 *
 * Reader: reads .warc and .warc.gz (detected by the gzip magic bytes, not
 * by the name), record by record. Multi-member gzip files are read member by
 * member; a file that is one big member, or whose members do not match the
 * records, is still read as one stream and the affected records say so
 * (warc_record.gzip_member = 0). Digests (sha1 in base32, hex, base64 or
 * base64url) are verified. Broken records are reported with their number,
 * offset and reason, and the reader resyncs where it can.
 *
 * Writer: appends request + response (or revisit) record pairs to files
 * named <prefix>-<UTC YYYYmmddHHMMSS>-<serial 5 digits>.warc.gz, each file
 * starting with a warcinfo record, rotated at a size limit. Each record is
 * compressed into one gzip member (gz.h: ISA-L igzip, or zlib) and the
 * members of one capture are written whole with one write(2), so a
 * process killed at any moment leaves a file that reads cleanly up to its
 * last complete record. Files are written under their final name (no
 * temporary name and rename): the file open at a kill is a valid WARC file
 * up to its last complete record, and nothing needs renaming on restart.
 *
 * Non-goals: WARC 0.x; digests other than sha1 (others report
 * WARC_DIGEST_NONE); conversion/continuation segment reassembly; random
 * access by offset (NEEDSWORK: warc_reader_seek for the crawl DB); brotli
 * Content-Encoding (the payload is then given still encoded).
 *
 * Arguments are borrowed; no function here consumes its inputs.
 */
#ifndef PT_WARC_H
#define PT_WARC_H

#include "crawler/base/buf.h"

#include <stddef.h>
#include <stdio.h>
#include <time.h>

struct buf;

/* Caps: a record block larger than WARC_MAX_BLOCK is skipped (the reader
 * returns PT_ETOOBIG for it and carries on with the next record); a
 * decoded HTTP payload is cut at WARC_MAX_PAYLOAD (payload_truncated = 1). */
#define WARC_MAX_BLOCK (64u * 1024 * 1024)
#define WARC_MAX_PAYLOAD (32u * 1024 * 1024)
#define WARC_MAX_HEADER (64u * 1024)

/* Digest check results. */
enum warc_digest {
	WARC_DIGEST_NONE = -1, /* absent, not sha1, or not checkable */
	WARC_DIGEST_BAD = 0,   /* present and wrong (or undecodable) */
	WARC_DIGEST_OK = 1     /* present and right */
};

/* ---- Reader. */

struct warc_reader;

/* Opens `path` (.warc or .warc.gz, detected by the magic bytes; "-" is
 * stdin). Returns a new reader; free with warc_reader_free(). NULL with a
 * message in err naming the path. */
struct warc_reader *warc_reader_open(const char *path, struct buf *err);
/* Same on an open stream; `name` is used in messages. fp is borrowed: it
 * must stay open while the reader is used and is not closed by
 * warc_reader_free(). Never fails (read errors come from
 * warc_reader_next()). */
struct warc_reader *warc_reader_new(FILE *fp, const char *name);

struct warc_record {
	unsigned long number;        /* 1-based record number in the file */
	unsigned long long offset;   /* byte offset of the record, or of the
				      * gzip member it starts in */
	const char *type;            /* WARC-Type, e.g. "response"; "" if absent */
	const char *target_uri;      /* WARC-Target-URI without <>, or NULL */
	const char *date;            /* WARC-Date, or NULL */
	const char *record_id;       /* WARC-Record-ID, or NULL */
	const char *refers_to;       /* WARC-Refers-To, or NULL */
	const char *refers_to_uri;   /* WARC-Refers-To-Target-URI, or NULL */
	const char *refers_to_date;  /* WARC-Refers-To-Date, or NULL */
	const char *content_type;    /* Content-Type of the block, or NULL */
	const char *payload_digest;  /* WARC-Payload-Digest, or NULL */
	const char *block_digest;    /* WARC-Block-Digest, or NULL */
	const char *block;           /* the whole record block (NUL-terminated) */
	size_t block_len;            /* = Content-Length */
	/* HTTP message blocks (Content-Type application/http, or a block that
	 * starts with "HTTP/"): */
	int is_http;                 /* 1 when the block was parsed as HTTP */
	int http_status;             /* response status; 0 for requests/non-HTTP */
	const char *http_content_type; /* from the HTTP headers, or NULL */
	/* The payload: for HTTP blocks the body after the headers, de-chunked
	 * and Content-Encoding decoded (gzip, x-gzip, deflate); for other
	 * blocks the whole block. Empty for a revisit without a body. */
	const char *payload;         /* NUL-terminated */
	size_t payload_len;
	const char *payload_encoding; /* Content-Encoding still applied to
				       * payload ("br", or one that failed to
				       * decode), or NULL when decoded */
	int payload_truncated;       /* 1 when cut at WARC_MAX_PAYLOAD */
	int block_digest_ok;         /* enum warc_digest */
	int payload_digest_ok;       /* enum warc_digest; NONE for revisits */
	int digest_ok;               /* BAD if either is BAD, else OK if
				      * either is OK, else NONE */
	int gzip_member;             /* 1 = the record is exactly one gzip
				      * member, 0 = it shares or spans members,
				      * -1 = uncompressed file */
	const char *note;            /* structural problems ("missing
				      * WARC-Date; spans 3 gzip members"), or
				      * NULL when none */
};

/* Reads the next record. Returns 1 with a record in *rec (all pointers
 * borrowed; valid until the next warc_reader_next() or warc_reader_free()),
 * 0 at the end of the file, or a negative pt_err for a broken record, with
 * one message in err naming the record number, the file, the offset and
 * the reason ("cannot read record 3 of 'a.warc.gz' at offset 1234:
 * truncated gzip member").
 *
 * After an error the caller may call again: the reader resyncs and goes on.
 * It resyncs to the next gzip member in .gz files (bad header, corrupt
 * deflate data: the rest of the member is skipped) and to the next line
 * starting with "WARC/" in plain files. PT_ETOOBIG for an oversized block
 * skips exactly that record. A truncated file (EOF inside a record or a
 * gzip member) and read errors end the file: the next call returns 0. */
int warc_reader_next(struct warc_reader *r, struct warc_record *rec,
		     struct buf *err);
/* Value of the named WARC header (case-insensitive) of the current record,
 * or NULL. Borrowed; valid until the next warc_reader_next(). */
const char *warc_reader_header(const struct warc_reader *r, const char *name);
/* Closes the file (when opened by warc_reader_open) and frees. NULL is a
 * no-op. */
void warc_reader_free(struct warc_reader *r);

/* ---- Writer. */

struct warc_writer_opts {
	const char *dir;              /* output directory (created if absent) */
	const char *prefix;           /* file name prefix, e.g. "presstally" */
	unsigned long long max_size;  /* rotate when a file reaches this many
				       * bytes; 0 = never */
	int level;                    /* zlib level 1..9; 0 = WARC_LEVEL;
				       * WARC_LEVEL_STORE = stored deflate
				       * blocks (still one gzip member per
				       * record) */
	const char *software;         /* warcinfo "software:" value, or NULL */
};

/* Default zlib level: on ~50 KiB HTML-like bodies level 1 wrote ~78 MB/s
 * of CPU time against ~57 MB/s for level 3, with files of the same size
 * (scripts/bench_warc.sh). */
#define WARC_LEVEL 1
/* warc_writer_opts.level for gzip members without compression (zlib level
 * 0): files several times larger than level 1 on HTML, written much
 * faster. */
#define WARC_LEVEL_STORE (-1)

/* One fetch to record. The HTTP header blocks are written verbatim: they
 * must end with the blank line ("\r\n\r\n"). The body is stored as given,
 * so when the fetcher removed a chunked transfer coding it should not keep
 * "Transfer-Encoding: chunked" in resp_head. */
struct warc_capture {
	const char *uri;               /* WARC-Target-URI (required) */
	const char *ip;                /* WARC-IP-Address, or NULL */
	time_t when;                   /* fetch time; 0 = now */
	const char *req_head;          /* HTTP request header block, or NULL
					* (then no request record) */
	size_t req_head_len;
	const char *resp_head;         /* HTTP response header block (required) */
	size_t resp_head_len;
	const char *body;              /* response body (may be NULL if 0) */
	size_t body_len;
	/* "sha1:" + base32 of the body when the caller computed it (the
	 * crawler does so on its own thread, leaving the writer thread the
	 * compression), or NULL: the writer computes it. */
	const char *payload_digest;
	/* "sha1:" + base32 of the response record's block (resp_head then
	 * body) when the caller computed it with the payload digest
	 * (hash_sha1_b32_two()), or NULL: the writer computes it. Not used
	 * when a revisit is written (its block is the header block only). */
	const char *block_digest;
	/* Revisit: when prev_payload_digest equals this body's digest, a
	 * revisit record (identical-payload-digest) replaces the response. */
	const char *prev_payload_digest; /* "sha1:..." or NULL */
	const char *prev_uri;          /* WARC-Refers-To-Target-URI (NULL = uri) */
	const char *prev_date;         /* WARC-Refers-To-Date, or NULL */
	const char *prev_record_id;    /* WARC-Refers-To, or NULL */
};

/* What warc_writer_capture() wrote, for the crawl database. */
struct warc_written {
	char payload_digest[38];       /* "sha1:" + base32 of the body */
	char record_id[48];            /* "<urn:uuid:...>" of the response or
					* revisit record */
	char date[24];                 /* its WARC-Date */
	int revisit;                   /* 1 when a revisit was written */
	const char *path;              /* file written to; borrowed, valid
					* until the next capture */
	unsigned long long offset;     /* offset of the response/revisit
					* record's gzip member */
};

struct warc_writer;

/* Returns a new writer; free with warc_writer_free(). The first file is
 * opened (and its warcinfo written) here. NULL with a message in err. */
struct warc_writer *warc_writer_new(const struct warc_writer_opts *o,
				    struct buf *err);
/* Appends a request record (when req_head is set) and a response or
 * revisit record for one fetch, rotating first when the file has reached
 * max_size. Fills *out when non-NULL. 0, PT_EINVAL (no uri/resp_head) or
 * PT_EIO with a message in err; after PT_EIO the file is cut back to its
 * last complete record. */
int warc_writer_capture(struct warc_writer *w, const struct warc_capture *c,
			struct warc_written *out, struct buf *err);
/* Path of the file being written. Borrowed; valid until the next capture. */
const char *warc_writer_path(const struct warc_writer *w);
/* Record id of the current file's warcinfo record. Borrowed; valid until
 * the next capture. */
const char *warc_writer_warcinfo_id(const struct warc_writer *w);

/* ---- Encoding apart from writing: several threads make the records of
 * captures (ids, digests, compressed members) with an encoder each, and
 * one appends them in order with warc_writer_put() (crawler/warcq.c). */

struct warc_enc;

/* The records of one capture, encoded. Value type: warc_encoded_init() /
 * warc_encoded_release(); reusable. */
struct warc_encoded {
	struct buf data;               /* its gzip members, response first */
	char warcinfo_id[48];          /* the warcinfo record they name */
	struct warc_written w;         /* path NULL, offset within data */
};

void warc_encoded_init(struct warc_encoded *x);
void warc_encoded_release(struct warc_encoded *x);

/* An encoder at w's level (w is not kept: an encoder may be used on any
 * thread while w is used on another). NULL when the compressor cannot be
 * initialised. Free with warc_enc_free() (NULL is a no-op). */
struct warc_enc *warc_enc_new(const struct warc_writer *w);
void warc_enc_free(struct warc_enc *e);
/* Encodes the records of c, naming warcinfo record `warcinfo_id`, into x
 * (what was there is replaced). 0, PT_EINVAL (see warc_writer_capture())
 * or PT_EIO, with a message in err. c and what it points to are borrowed
 * during the call. */
int warc_enc_capture(struct warc_enc *e, const char *warcinfo_id,
		     const struct warc_capture *c, struct warc_encoded *x,
		     struct buf *err);
/* Appends x, encoded from c, to w's file, rotating first as
 * warc_writer_capture() does; when x names another warcinfo record than
 * the file's (encoded before a rotation), c is encoded again with e
 * first. Fills *out when non-NULL. 0 or an error as warc_writer_capture(). */
int warc_writer_put(struct warc_writer *w, struct warc_enc *e,
		    const struct warc_capture *c, struct warc_encoded *x,
		    struct warc_written *out, struct buf *err);

/* warc_writer_put() without the write: x's bytes are placed after those
 * placed before (rotating first writes them), *out gets the offset they
 * will have, and they are written by the next warc_writer_flush() (or a
 * rotation, or warc_writer_close()). x->data is borrowed until then and
 * must not change. A record counts as written only once that returns 0.
 * Fewer, larger writes cost the kernel less per record (about 8 us per
 * 13 KB record written alone, 3 to 4 in writes of 200-400 KB). */
int warc_writer_put_later(struct warc_writer *w, struct warc_enc *e,
			  const struct warc_capture *c,
			  struct warc_encoded *x, struct warc_written *out,
			  struct buf *err);
/* Writes the records placed, in order. 0, or PT_EIO with a message in err:
 * then none of them is in the file (it is cut back to the records written
 * before) and their buffers are no longer borrowed. */
int warc_writer_flush(struct warc_writer *w, struct buf *err);
/* Bytes placed and not yet written. */
unsigned long long warc_writer_pending(const struct warc_writer *w);
/* 1 when the next capture would start a new file (a rotation writes the
 * placed records first). */
int warc_writer_full(const struct warc_writer *w);

/* Writes what is placed, syncs and closes the current file; a file that
 * got no capture (its warcinfo record only) is removed instead. 0 or
 * PT_EIO. Free the writer after (it drops records placed and not
 * written). */
int warc_writer_close(struct warc_writer *w, struct buf *err);
/* Closes (ignoring errors; removing a file without captures, as
 * warc_writer_close()) and frees. NULL is a no-op. */
void warc_writer_free(struct warc_writer *w);

#endif
