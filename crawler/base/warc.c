/* warc.c -- WARC 1.1 reader and writer (see warc.h for the contract).
 *
 * Reader layers, bottom up:
 *   in    raw bytes from the file (IN_SIZE window, in_off = file offset)
 *   gz    one gzip member at a time (gz.h: igzip or zlib); members
 *         are opened explicitly so that member boundaries are known
 *   pend  decompressed (or plain) bytes not yet consumed; dbase is the
 *         stream position of pend.p[0]
 *   record parsing: header block, Content-Length bytes of block, trailer
 *
 * `mb` lists the recent gzip members with the stream position where their
 * data starts, so that a record can be mapped to the member it starts in
 * and checked for being exactly one member.
 */
#include "crawler/base/warc.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/gz.h"
#include "crawler/base/hash.h"
#include "crawler/base/hex.h"
#include "crawler/base/http.h"
#include "crawler/base/sv.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/rand.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define IN_SIZE (64u * 1024)
#define OUT_CHUNK (64u * 1024)
#define PEND_MAX (WARC_MAX_HEADER + 4 * OUT_CHUNK)

struct gzm {
	unsigned long long coff;   /* file offset of the member */
	unsigned long long dstart; /* stream position of its first byte */
	unsigned long records;     /* records that started in it */
};

struct field {
	size_t name;  /* offset of the NUL-terminated name in hdr */
	size_t value; /* offset of the NUL-terminated value in hdr */
};

struct warc_reader {
	FILE *fp;                   /* the input */
	int own_fp;                 /* 1 when opened here */
	char *name;                 /* for messages, owned */
	int gz;                     /* gzip input */
	int started;                /* magic bytes checked */
	int done;                   /* no more records (EOF or fatal) */
	int resync;                 /* 0, or how to resync before next */
	unsigned char *in;          /* raw input window */
	size_t in_len;              /* bytes in `in` */
	size_t in_pos;              /* bytes of `in` consumed */
	unsigned long long in_off;  /* file offset of in[0] */
	int in_eof;                 /* fread hit EOF */
	struct gz_reader *gzr;      /* inflater for the current member */
	int member_open;            /* inside a member */
	struct gzm *mb;             /* recent members, oldest first */
	size_t nmb;                 /* entries in mb */
	size_t mbcap;               /* allocated entries */
	const char *why;            /* reason of the last stream error */
	int why_mode;               /* resync mode after it, -1 = fatal */
	unsigned long long why_off; /* file offset it refers to */
	struct buf pend;            /* decoded bytes not yet consumed */
	size_t pos;                 /* consumed bytes of pend */
	unsigned long long dbase;   /* stream position of pend.p[0] */
	unsigned long number;       /* records started so far */
	struct buf hdr;             /* names and values, NUL-separated */
	struct field *f;            /* header fields of the current record */
	size_t nf;                  /* fields used */
	size_t fcap;                /* fields allocated */
	struct buf block;           /* the current block */
	struct buf chunk;           /* de-chunked HTTP body */
	struct buf dec;             /* Content-Encoding decoded body */
	struct buf note;            /* problems of the current record */
	struct buf hstr;            /* HTTP strings handed out */
};

enum resync_mode {
	RESYNC_NONE = 0,
	RESYNC_MEMBER,  /* skip the rest of the current gzip member */
	RESYNC_MAGIC,   /* scan raw bytes for the next gzip magic */
	RESYNC_LINE     /* scan the stream for a line starting "WARC/" */
};

/* Releases each buffer of the NULL-terminated list. */
static void
release_bufs(struct buf *b, ...)
{
	va_list ap;

	va_start(ap, b);
	for (; b; b = va_arg(ap, struct buf *))
		buf_release(b);
	va_end(ap);
}

/* ---- Raw input. */

/* Makes at least `n` (<= IN_SIZE) contiguous unread bytes available when
 * the file has them. Returns the number available (may be < n at EOF), or
 * PT_EIO. */
static long
src_need(struct warc_reader *r, size_t n)
{
	size_t got;

	while (r->in_len - r->in_pos < n && !r->in_eof) {
		if (r->in_pos) {
			memmove(r->in, r->in + r->in_pos,
				r->in_len - r->in_pos);
			r->in_off += r->in_pos;
			r->in_len -= r->in_pos;
			r->in_pos = 0;
		}
		got = fread(r->in + r->in_len, 1, IN_SIZE - r->in_len, r->fp);
		if (got == 0) {
			if (ferror(r->fp)) {
				r->why = "read error";
				r->why_mode = -1;
				r->why_off = r->in_off + r->in_len;
				return PT_EIO;
			}
			r->in_eof = 1;
		}
		r->in_len += got;
	}
	return (long)(r->in_len - r->in_pos);
}

/* ---- The decoded stream (pend). */

static size_t
avail(const struct warc_reader *r)
{
	return r->pend.len - r->pos;
}

static void
compact(struct warc_reader *r)
{
	size_t left = r->pend.len - r->pos;

	if (r->pos == 0)
		return;
	if (left)
		memmove(r->pend.p, r->pend.p + r->pos, left);
	r->dbase += r->pos;
	r->pend.len = left;
	r->pend.p[left] = '\0';
	r->pos = 0;
}

static void
member_push(struct warc_reader *r)
{
	struct gzm *m;

	pt_xgrow((void **)&r->mb, &r->mbcap, r->nmb + 1, sizeof(*r->mb));
	m = &r->mb[r->nmb++];
	m->coff = r->in_off + r->in_pos;
	m->dstart = r->dbase + r->pend.len;
	m->records = 0;
}

/* Opens the next gzip member at the current raw position. 1 opened, 0 at
 * a clean EOF, negative on error (r->why set). */
static int
member_open(struct warc_reader *r)
{
	long n = src_need(r, 3);
	const unsigned char *p;

	if (n < 0)
		return (int)n;
	if (n == 0)
		return 0;
	p = r->in + r->in_pos;
	if (n < 3 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 8) {
		r->why = "garbage after the last gzip member";
		r->why_mode = RESYNC_MAGIC;
		r->why_off = r->in_off + r->in_pos;
		return PT_EPARSE;
	}
	if (!r->gzr) {
		r->gzr = gz_reader_new();
		if (!r->gzr) {
			r->why = "cannot initialise the gzip reader";
			r->why_mode = -1;
			return PT_EIO;
		}
	} else {
		gz_reader_reset(r->gzr);
	}
	member_push(r);
	r->member_open = 1;
	return 1;
}

/* Appends more decoded bytes to pend. With cross = 0 a gzip member
 * boundary counts as the end. Returns the number of bytes added, 0 at the
 * end (of the file, or of the member when !cross), or a negative pt_err
 * with r->why set. */
static long
produce(struct warc_reader *r, int cross)
{
	long n;
	int rc;
	enum gz_status zr;
	size_t left, made;
	const unsigned char *ip;

	if (r->pos && (r->pos == r->pend.len || r->pos >= OUT_CHUNK))
		compact(r);
	if (buf_grow(&r->pend, OUT_CHUNK)) {
		r->why = "header too long";
		r->why_mode = RESYNC_LINE;
		r->why_off = r->dbase + r->pos;
		return PT_ETOOBIG;
	}
	if (!r->gz) {
		n = src_need(r, 1);
		if (n <= 0)
			return n;
		if ((size_t)n > OUT_CHUNK)
			n = OUT_CHUNK;
		memcpy(r->pend.p + r->pend.len, r->in + r->in_pos, (size_t)n);
		r->in_pos += (size_t)n;
		r->pend.len += (size_t)n;
		r->pend.p[r->pend.len] = '\0';
		return n;
	}
	for (;;) {
		if (!r->member_open) {
			if (!cross)
				return 0;
			rc = member_open(r);
			if (rc <= 0)
				return rc;
		}
		n = src_need(r, 1);
		if (n < 0)
			return n;
		if (n == 0) {
			r->why = "truncated gzip member";
			r->why_mode = -1;
			r->why_off = r->mb[r->nmb - 1].coff;
			return PT_EPARSE;
		}
		ip = r->in + r->in_pos;
		left = (size_t)n;
		zr = gz_reader_inflate(r->gzr, &ip, &left,
				       (unsigned char *)r->pend.p + r->pend.len,
				       OUT_CHUNK, &made);
		r->in_pos += (size_t)n - left;
		r->pend.len += made;
		r->pend.p[r->pend.len] = '\0';
		if (zr == GZ_END) {
			r->member_open = 0;
			if (made)
				return (long)made;
			continue;
		}
		if (zr != GZ_MORE) {
			r->member_open = 0;
			r->why = zr == GZ_NOMEM ? "out of memory in zlib"
						 : "corrupt gzip data";
			r->why_mode = RESYNC_MAGIC;
			r->why_off = r->mb[r->nmb - 1].coff;
			return PT_EPARSE;
		}
		if (made)
			return (long)made;
	}
}

/* Makes at least `n` unconsumed bytes available in pend (crossing
 * members). 1 when there, 0 when the stream ended first, or negative. */
static int
need(struct warc_reader *r, size_t n, int cross)
{
	long rc;

	while (avail(r) < n) {
		rc = produce(r, cross);
		if (rc <= 0)
			return (int)rc;
	}
	return 1;
}

/* Consumes n bytes into dst (or drops them when dst is NULL), crossing
 * gzip members unless cross = 0. Returns the number of bytes taken (< n
 * when the stream, or the member, ended) or negative. */
static long long
take(struct warc_reader *r, struct buf *dst, unsigned long long n, int cross)
{
	unsigned long long got = 0;
	size_t k;
	long rc;

	while (got < n) {
		if (avail(r) == 0) {
			rc = produce(r, cross);
			if (rc < 0)
				return rc;
			if (rc == 0)
				break;
		}
		k = avail(r);
		if (k > n - got)
			k = (size_t)(n - got);
		if (dst && buf_add(dst, r->pend.p + r->pos, k))
			return PT_ETOOBIG;
		r->pos += k;
		got += k;
	}
	return (long long)got;
}

/* ---- Resync after a broken record. */

static int
resync_member(struct warc_reader *r)
{
	long rc;

	r->pos = r->pend.len;
	while (r->member_open) {
		rc = produce(r, 0);
		if (rc < 0)
			return (int)rc;
		r->pos = r->pend.len;
	}
	return 0;
}

static int
resync_magic(struct warc_reader *r)
{
	long n;
	const unsigned char *p;

	r->pos = r->pend.len;
	r->member_open = 0;
	for (;;) {
		n = src_need(r, 3);
		if (n < 0)
			return (int)n;
		if (n < 3) {
			r->in_pos = r->in_len;
			return 0;
		}
		p = r->in + r->in_pos;
		if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 8)
			return 0;
		p = memchr(p + 1, 0x1f, (size_t)n - 1);
		r->in_pos = p ? (size_t)(p - r->in) : r->in_len - 2;
	}
}

static int
resync_line(struct warc_reader *r)
{
	const char *p, *hit;
	size_t k;
	long rc;

	for (;;) {
		p = r->pend.p + r->pos;
		hit = NULL;
		if (avail(r) >= 5 && memcmp(p, "WARC/", 5) == 0)
			return 0;
		for (k = 0; k + 6 <= avail(r); k++)
			if (p[k] == '\n' && memcmp(p + k + 1, "WARC/", 5) == 0) {
				hit = p + k + 1;
				break;
			}
		if (hit) {
			r->pos = (size_t)(hit - r->pend.p);
			return 0;
		}
		if (avail(r) > 5)
			r->pos = r->pend.len - 5;
		rc = produce(r, 1);
		if (rc < 0)
			return (int)rc;
		if (rc == 0) {
			r->pos = r->pend.len;
			return 0;
		}
	}
}

/* ---- Open and free. */

struct warc_reader *
warc_reader_new(FILE *fp, const char *name)
{
	struct warc_reader *r = pt_xcalloc(1, sizeof(*r));

	r->fp = fp;
	r->name = pt_xstrdup(name ? name : "-");
	r->in = pt_xmalloc(IN_SIZE);
	buf_init(&r->pend, PEND_MAX);
	buf_init(&r->hdr, WARC_MAX_HEADER * 2);
	buf_init(&r->block, WARC_MAX_BLOCK);
	buf_init(&r->chunk, WARC_MAX_BLOCK);
	buf_init(&r->dec, WARC_MAX_PAYLOAD);
	buf_init(&r->note, 4096);
	buf_init(&r->hstr, WARC_MAX_HEADER * 2);
	return r;
}

struct warc_reader *
warc_reader_open(const char *path, struct buf *err)
{
	struct warc_reader *r;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return warc_reader_new(stdin, "-");
	fp = fopen(path, "rb");
	if (!fp) {
		if (err)
			buf_addf(err, "cannot open '%s': %s", path,
				 strerror(errno));
		return NULL;
	}
	r = warc_reader_new(fp, path);
	r->own_fp = 1;
	return r;
}

void
warc_reader_free(struct warc_reader *r)
{
	if (!r)
		return;
	if (r->own_fp)
		fclose(r->fp);
	gz_reader_free(r->gzr);
	free(r->name);
	free(r->in);
	free(r->mb);
	free(r->f);
	release_bufs(&r->pend, &r->hdr, &r->block, &r->chunk, &r->dec,
		     &r->note, &r->hstr, (struct buf *)NULL);
	free(r);
}

/* ---- Header fields. */

const char *
warc_reader_header(const struct warc_reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (strcasecmp(r->hdr.p + r->f[i].name, name) == 0)
			return r->hdr.p + r->f[i].value;
	return NULL;
}

static void
field_add(struct warc_reader *r, struct sv name, struct sv value)
{
	struct field *f;

	pt_xgrow((void **)&r->f, &r->fcap, r->nf + 1, sizeof(*r->f));
	f = &r->f[r->nf++];
	f->name = r->hdr.len;
	buf_add(&r->hdr, name.p, name.len);
	buf_addc(&r->hdr, '\0');
	f->value = r->hdr.len;
	buf_add(&r->hdr, value.p, value.len);
	buf_addc(&r->hdr, '\0');
}

/* Appends a continuation line to the last field's value (the value is the
 * last thing in hdr). */
static void
field_continue(struct warc_reader *r, struct sv more)
{
	r->hdr.len--; /* drop the NUL */
	buf_addc(&r->hdr, ' ');
	buf_add(&r->hdr, more.p, more.len);
	buf_addc(&r->hdr, '\0');
}

/* Parses the header block h (version line included, final blank line
 * excluded). 0 or PT_EPARSE. */
static int
parse_fields(struct warc_reader *r, struct sv h)
{
	struct sv line, name, rest = h;
	int first = 1;

	buf_reset(&r->hdr);
	r->nf = 0;
	while (rest.len) {
		rest = sv_cut(rest, '\n', &line);
		if (line.len && line.p[line.len - 1] == '\r')
			line.len--;
		if (first) {
			if (line.len < 6 || memcmp(line.p, "WARC/", 5) != 0)
				return PT_EPARSE;
			first = 0;
			continue;
		}
		if (line.len == 0)
			continue;
		if ((line.p[0] == ' ' || line.p[0] == '\t') && r->nf) {
			field_continue(r, sv_trim(line));
			continue;
		}
		line = sv_cut(line, ':', &name);
		if (!line.p)
			continue; /* not a field; ignored */
		field_add(r, sv_trim(name), sv_trim(line));
	}
	return 0;
}

/* Finds the end of the header block starting at pend.p[pos]: returns the
 * header length (without the blank line) and its total length in *total.
 * 1 found, 0 end of stream, negative on error or oversize. */
static int
find_header_end(struct warc_reader *r, size_t *hlen, size_t *total)
{
	size_t scan = 0, k;
	const char *p;
	int rc;

	for (;;) {
		p = r->pend.p + r->pos;
		for (k = scan; k < avail(r); k++) {
			if (p[k] != '\n')
				continue;
			if (k + 1 < avail(r) && p[k + 1] == '\n') {
				*hlen = k + 1;
				*total = k + 2;
				return 1;
			}
			if (k + 2 < avail(r) && p[k + 1] == '\r' &&
			    p[k + 2] == '\n') {
				*hlen = k + 1;
				*total = k + 3;
				return 1;
			}
			if (k + 2 >= avail(r))
				break; /* need more to decide */
		}
		scan = k;
		if (avail(r) > WARC_MAX_HEADER) {
			r->why = "header longer than 64 KiB";
			r->why_mode = RESYNC_LINE;
			return PT_ETOOBIG;
		}
		rc = need(r, avail(r) + 1, 1);
		if (rc <= 0)
			return rc;
	}
}

/* ---- Digests. */

static int
b64val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

/* Decodes a sha1 digest value (base32, hex, base64, base64url) into
 * d[20]. 0 or PT_EPARSE. */
static int
digest_decode(struct sv v, unsigned char d[20])
{
	unsigned int acc = 0, bits = 0, o = 0;
	size_t i;
	int x;
	const char *b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	const char *hit;

	if (v.len == 32) {
		for (i = 0; i < 32; i++) {
			x = v.p[i];
			if (x >= 'a' && x <= 'z')
				x -= 32;
			hit = x ? strchr(b32, x) : NULL;
			if (!hit)
				return PT_EPARSE;
			acc = (acc << 5) | (unsigned int)(hit - b32);
			bits += 5;
			if (bits >= 8) {
				d[o++] = (unsigned char)(acc >> (bits - 8));
				bits -= 8;
			}
		}
		return 0;
	}
	if (v.len == 40) {
		for (i = 0; i < 40; i++) {
			x = hex_val(v.p[i]);
			if (x < 0)
				return PT_EPARSE;
			acc = (acc << 4) | (unsigned int)x;
			if (i % 2) {
				d[o++] = (unsigned char)acc;
				acc = 0;
			}
		}
		return 0;
	}
	if (v.len == 28 && v.p[27] == '=')
		v.len = 27;
	if (v.len == 27) {
		for (i = 0; i < 27; i++) {
			x = b64val((unsigned char)v.p[i]);
			if (x < 0)
				return PT_EPARSE;
			acc = (acc << 6) | (unsigned int)x;
			bits += 6;
			if (bits >= 8) {
				d[o++] = (unsigned char)(acc >> (bits - 8));
				bits -= 8;
			}
			acc &= 0xff;
		}
		return o == 20 ? 0 : PT_EPARSE;
	}
	return PT_EPARSE;
}

/* The value of digest `label` ("sha1:VALUE", base32 or hex) as base32
 * into want32: WARC_DIGEST_OK when there is one to check, else
 * WARC_DIGEST_NONE (no label, another algorithm) or WARC_DIGEST_BAD
 * (undecodable). */
static int
digest_want(const char *label, char want32[33])
{
	unsigned char want[20];
	struct sv v;

	if (!label)
		return WARC_DIGEST_NONE;
	v = sv_trim(sv_cstr(label));
	if (!sv_starts_nocase(v, "sha1:"))
		return WARC_DIGEST_NONE;
	v.p += 5;
	v.len -= 5;
	v = sv_trim(v);
	if (digest_decode(v, want))
		return WARC_DIGEST_BAD;
	hash_b32_20(want, want32);
	return WARC_DIGEST_OK;
}

/* Checks `label` ("sha1:VALUE") against data. */
static int
digest_check(const char *label, const char *p, size_t n)
{
	char want32[33], got[38];
	int rc = digest_want(label, want32);

	if (rc != WARC_DIGEST_OK)
		return rc;
	hash_sha1_b32(p, n, got);
	return strcmp(got + 5, want32) == 0 ? WARC_DIGEST_OK : WARC_DIGEST_BAD;
}

/* Checks the block digest and the payload digest of a record (payload
 * NULL: a record without one to check) in one pass over the bytes when
 * both are SHA-1 (hash_sha1_b32_two()): *bd and *pd get the outcomes. */
static void
digests_check(const struct warc_record *rec, const struct sv *payload,
	      int *bd, int *pd)
{
	char bwant[33], pwant[33], bgot[38], pgot[38];
	struct sv blk = sv_make(rec->block ? rec->block : "", rec->block_len);

	*bd = digest_want(rec->block_digest, bwant);
	*pd = payload ? digest_want(rec->payload_digest, pwant)
		      : WARC_DIGEST_NONE;
	if (*bd == WARC_DIGEST_OK && *pd == WARC_DIGEST_OK) {
		hash_sha1_b32_two(&blk, 1, bgot, payload, 1, pgot);
		*bd = strcmp(bgot + 5, bwant) == 0 ? WARC_DIGEST_OK
						   : WARC_DIGEST_BAD;
		*pd = strcmp(pgot + 5, pwant) == 0 ? WARC_DIGEST_OK
						   : WARC_DIGEST_BAD;
		return;
	}
	if (*bd == WARC_DIGEST_OK)
		*bd = digest_check(rec->block_digest, blk.p, blk.len);
	if (*pd == WARC_DIGEST_OK)
		*pd = digest_check(rec->payload_digest, payload->p,
				   payload->len);
}

/* ---- HTTP blocks. */

static const char *
find_mem(const char *p, size_t n, const char *needle, size_t k)
{
	const char *end = p + n, *q;

	while ((size_t)(end - p) >= k) {
		q = memchr(p, needle[0], (size_t)(end - p) - k + 1);
		if (!q)
			return NULL;
		if (memcmp(q, needle, k) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

static const char *
hstr_add(struct warc_reader *r, struct sv s)
{
	size_t at = r->hstr.len;

	if (buf_add(&r->hstr, s.p, s.len) || buf_addc(&r->hstr, '\0'))
		return NULL;
	return r->hstr.p + at;
}

/* What parse_http() needs from the HTTP header fields. */
struct http_fields {
	struct sv ctype;         /* first Content-Type, or p NULL */
	struct sv cenc;          /* first Content-Encoding, or p NULL */
	int chunked;             /* a Transfer-Encoding ends in "chunked" */
};

/* Splits an HTTP message block into the header block (*hlen bytes, the
 * blank line excluded) and the body. */
static struct sv
split_http(const char *b, size_t blen, size_t *hlen)
{
	const char *end;

	end = find_mem(b, blen, "\r\n\r\n", 4);
	if (end) {
		*hlen = (size_t)(end - b);
		return sv_make(end + 4, blen - *hlen - 4);
	}
	end = find_mem(b, blen, "\n\n", 2);
	if (end) {
		*hlen = (size_t)(end - b);
		return sv_make(end + 2, blen - *hlen - 2);
	}
	*hlen = blen;
	return sv_make(b + blen, 0);
}

/* The status code of a response line ("HTTP/1.1 200 OK"), or 0. */
static int
parse_status_line(struct sv line)
{
	struct sv name, value;

	if (line.len < 12 || memcmp(line.p, "HTTP/", 5) != 0)
		return 0;
	value = sv_trim(sv_cut(line, ' ', &name));
	if (value.len >= 3 && value.p[0] >= '1' && value.p[0] <= '9' &&
	    value.p[1] >= '0' && value.p[1] <= '9' && value.p[2] >= '0' &&
	    value.p[2] <= '9')
		return (value.p[0] - '0') * 100 + (value.p[1] - '0') * 10 +
		       (value.p[2] - '0');
	return 0;
}

/* Reads the status line and the fields of header block h. */
static void
parse_http_fields(struct sv h, struct warc_record *rec, struct http_fields *f)
{
	struct sv rest = h, line, name, value;
	int first = 1;

	while (rest.len) {
		rest = sv_cut(rest, '\n', &line);
		line = sv_trim(line);
		if (first) {
			first = 0;
			rec->http_status = parse_status_line(line);
			continue;
		}
		value = sv_cut(line, ':', &name);
		if (!value.p)
			continue;
		name = sv_trim(name);
		value = sv_trim(value);
		if (sv_eq_nocase(name, "content-type") && !f->ctype.p)
			f->ctype = value;
		else if (sv_eq_nocase(name, "content-encoding") && !f->cenc.p)
			f->cenc = value;
		else if (sv_eq_nocase(name, "transfer-encoding") &&
			 value.len >= 7 &&
			 strncasecmp(value.p + value.len - 7, "chunked", 7) == 0)
			f->chunked = 1;
	}
}

/* Removes the Content-Encoding `ce` from the payload; when that fails the
 * payload stays encoded and says so. */
static void
decode_payload(struct warc_reader *r, struct warc_record *rec, struct sv ce)
{
	int rc = PT_EPARSE;

	if (sv_eq_nocase(ce, "gzip") || sv_eq_nocase(ce, "x-gzip") ||
	    sv_eq_nocase(ce, "deflate")) {
		rc = http_inflate(rec->payload, rec->payload_len, 0, &r->dec);
		if (rc < 0 && sv_eq_nocase(ce, "deflate"))
			rc = http_inflate(rec->payload, rec->payload_len, 1,
					  &r->dec);
	}
	if (rc >= 0) {
		rec->payload = r->dec.p;
		rec->payload_len = r->dec.len;
		rec->payload_truncated = rc == 1;
	} else {
		rec->payload_encoding = hstr_add(r, ce);
	}
}

/* The payload is cut at WARC_MAX_PAYLOAD. */
static void
cap_payload(struct warc_record *rec)
{
	if (rec->payload_len > WARC_MAX_PAYLOAD) {
		rec->payload_len = WARC_MAX_PAYLOAD;
		rec->payload_truncated = 1;
	}
}

/* Parses an HTTP message block: status, headers, payload. */
static void
parse_http(struct warc_reader *r, struct warc_record *rec, struct sv *body,
	   int *chunked)
{
	struct http_fields f = { { NULL, 0 }, { NULL, 0 }, 0 };
	size_t hlen;

	*body = split_http(rec->block, rec->block_len, &hlen);
	parse_http_fields(sv_make(rec->block, hlen), rec, &f);
	*chunked = f.chunked;
	if (f.ctype.p)
		rec->http_content_type = hstr_add(r, f.ctype);

	/* The payload: de-chunk (when it really is chunked), then decode. */
	rec->payload = body->p;
	rec->payload_len = body->len;
	if (f.chunked && body->len &&
	    http_dechunk(body->p, body->len, &r->chunk) == 0) {
		rec->payload = r->chunk.p;
		rec->payload_len = r->chunk.len;
	}
	if (f.cenc.p && rec->payload_len && !sv_eq_nocase(f.cenc, "identity"))
		decode_payload(r, rec, f.cenc);
	cap_payload(rec);
}

/* ---- Records. */

static void
note_add(struct warc_reader *r, const char *fmt, const char *arg)
{
	if (r->note.len)
		buf_adds(&r->note, "; ");
	buf_addf(&r->note, fmt, arg);
}

static int
fail(struct warc_reader *r, struct buf *err, unsigned long long off,
     int code, const char *why, int resync)
{
	if (err)
		buf_addf(err, "cannot read record %lu of '%s' at offset %llu: %s",
			 r->number, r->name, off, why);
	if (resync < 0)
		r->done = 1;
	else
		r->resync = resync;
	return code;
}

/* Fills rec from the parsed fields and the block. */
static void
fill_record(struct warc_reader *r, struct warc_record *rec)
{
	static const char *const need_uri[] = { "response", "resource",
		"request", "revisit", "conversion", "continuation", NULL };
	const char *mandatory[] = { "WARC-Type", "WARC-Record-ID",
				    "WARC-Date", NULL };
	struct sv body;
	char *u;
	size_t i, n;
	int chunked = 0, bd, pd;

	for (i = 0; mandatory[i]; i++)
		if (!warc_reader_header(r, mandatory[i]))
			note_add(r, "missing %s", mandatory[i]);
	rec->type = warc_reader_header(r, "WARC-Type");
	if (!rec->type)
		rec->type = "";
	u = (char *)warc_reader_header(r, "WARC-Target-URI");
	if (u && u[0] == '<' && (n = strlen(u)) >= 2 && u[n - 1] == '>') {
		u[n - 1] = '\0';
		u++;
	}
	rec->target_uri = u;
	for (i = 0; need_uri[i]; i++)
		if (strcmp(rec->type, need_uri[i]) == 0 && !u)
			note_add(r, "missing %s", "WARC-Target-URI");
	if (strcmp(rec->type, "revisit") == 0 &&
	    !warc_reader_header(r, "WARC-Profile"))
		note_add(r, "missing %s", "WARC-Profile");
	rec->date = warc_reader_header(r, "WARC-Date");
	rec->record_id = warc_reader_header(r, "WARC-Record-ID");
	rec->refers_to = warc_reader_header(r, "WARC-Refers-To");
	rec->refers_to_uri = warc_reader_header(r,
						"WARC-Refers-To-Target-URI");
	rec->refers_to_date = warc_reader_header(r, "WARC-Refers-To-Date");
	rec->content_type = warc_reader_header(r, "Content-Type");
	rec->payload_digest = warc_reader_header(r, "WARC-Payload-Digest");
	rec->block_digest = warc_reader_header(r, "WARC-Block-Digest");
	rec->block = r->block.p;
	rec->block_len = r->block.len;

	buf_reset(&r->hstr);
	body = sv_make(rec->block, rec->block_len);
	if (rec->content_type
	    ? strncasecmp(rec->content_type, "application/http", 16) == 0
	    : rec->block_len >= 5 && memcmp(rec->block, "HTTP/", 5) == 0) {
		rec->is_http = 1;
		parse_http(r, rec, &body, &chunked);
	} else {
		rec->payload = rec->block;
		rec->payload_len = rec->block_len;
		cap_payload(rec);
	}
	if (!body.p)
		body = sv_make("", 0);
	digests_check(rec, strcmp(rec->type, "revisit") != 0 ? &body : NULL,
		      &bd, &pd);
	rec->block_digest_ok = bd;
	if (pd == WARC_DIGEST_BAD && chunked && body.len &&
	    http_dechunk(body.p, body.len, &r->chunk) == 0)
		pd = digest_check(rec->payload_digest, r->chunk.p,
				  r->chunk.len);
	rec->payload_digest_ok = pd;
	if (rec->block_digest_ok == WARC_DIGEST_BAD || pd == WARC_DIGEST_BAD)
		rec->digest_ok = WARC_DIGEST_BAD;
	else if (rec->block_digest_ok == WARC_DIGEST_OK ||
		 pd == WARC_DIGEST_OK)
		rec->digest_ok = WARC_DIGEST_OK;
	else
		rec->digest_ok = WARC_DIGEST_NONE;
}

/* Parses a Content-Length value. 0 or PT_EPARSE. */
static int
parse_length(const char *s, unsigned long long *out)
{
	unsigned long long v = 0;

	if (!s || *s < '0' || *s > '9')
		return PT_EPARSE;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (~0ULL - 9) / 10)
			return PT_EPARSE;
		v = v * 10 + (unsigned long long)(*s - '0');
	}
	if (*s)
		return PT_EPARSE;
	*out = v;
	return 0;
}

static int
do_resync(struct warc_reader *r)
{
	int mode = r->resync;

	r->resync = RESYNC_NONE;
	if (mode == RESYNC_MEMBER)
		return resync_member(r);
	if (mode == RESYNC_MAGIC)
		return resync_magic(r);
	if (mode == RESYNC_LINE)
		return resync_line(r);
	return 0;
}

/* Fails the current record with the stream error in r->why. */
static int
fail_stream(struct warc_reader *r, struct buf *err, unsigned long long off,
	    long code)
{
	return fail(r, err, off, (int)code, r->why, r->why_mode);
}

/* Skips CR and LF bytes; with cross = 0 only up to the member end.
 * 1 = at a non-blank byte, 0 = at the end, negative = stream error. */
static int
skip_blank(struct warc_reader *r, int cross)
{
	long rc;

	for (;;) {
		while (r->pos < r->pend.len &&
		       (r->pend.p[r->pos] == '\r' || r->pend.p[r->pos] == '\n'))
			r->pos++;
		if (r->pos < r->pend.len)
			return 1;
		rc = produce(r, cross);
		if (rc <= 0)
			return (int)rc;
	}
}

/* First call: tells gzip from plain input by the magic bytes. 0, or a
 * failed record when the file cannot be read. */
static int
detect_format(struct warc_reader *r, struct buf *err)
{
	long prc;

	r->started = 1;
	prc = src_need(r, 2);
	if (prc < 0) {
		r->number++;
		return fail_stream(r, err, 0, prc);
	}
	r->gz = prc >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b;
	return 0;
}

/* Skips what is left of the record reported broken by the last call.
 * 1 to go on, 0 at the end of the file, or a failed record (read error). */
static int
resync_after_error(struct warc_reader *r, struct buf *err)
{
	int rc;

	/* The broken record was reported already: a stream error while
	 * skipping it is part of the same damage. */
	rc = do_resync(r);
	if (rc < 0 && r->why_mode == RESYNC_MAGIC)
		rc = resync_magic(r);
	if (rc == PT_EIO) {
		r->number++;
		return fail_stream(r, err, r->why_off, rc);
	}
	if (rc < 0) {
		r->done = 1;
		return 0;
	}
	return 1;
}

/* Starts record r->number at the current position: its offset (that of
 * the gzip member it starts in, older members forgotten) and no notes.
 * Returns 1 when it is the first record of its member. */
static int
record_start(struct warc_reader *r, struct warc_record *rec)
{
	unsigned long long start = r->dbase + r->pos;
	size_t mi;
	int aligned = 0;

	rec->number = r->number;
	rec->gzip_member = -1;
	rec->offset = start;
	if (r->gz) {
		mi = r->nmb - 1;
		while (mi > 0 && r->mb[mi].dstart > start)
			mi--;
		if (mi) {
			memmove(r->mb, r->mb + mi,
				(r->nmb - mi) * sizeof(*r->mb));
			r->nmb -= mi;
		}
		aligned = r->mb[0].records == 0;
		r->mb[0].records++;
		rec->offset = r->mb[0].coff;
	}
	buf_reset(&r->note);
	return aligned;
}

/* Reads the header block of the record at `off` and its Content-Length
 * into *len. 0 or a failed record; `resync` says how to skip it. */
static int
read_header(struct warc_reader *r, unsigned long long off, int resync,
	    unsigned long long *len, struct buf *err)
{
	size_t hlen, total;
	int rc;

	rc = find_header_end(r, &hlen, &total);
	if (rc == 0)
		return fail(r, err, off, PT_EPARSE, "truncated record header",
			    -1);
	if (rc < 0)
		return fail(r, err, off, rc, r->why,
			    r->why_mode == RESYNC_LINE ? resync : r->why_mode);
	if (parse_fields(r, sv_make(r->pend.p + r->pos, hlen))) {
		r->pos++; /* so that the line scan moves on */
		return fail(r, err, off, PT_EPARSE, "no 'WARC/' version line",
			    resync);
	}
	r->pos += total;
	if (parse_length(warc_reader_header(r, "Content-Length"), len))
		return fail(r, err, off, PT_EPARSE,
			    "missing or invalid Content-Length", resync);
	return 0;
}

/* Reads the `len` bytes of the block into r->block (only skipped when
 * over WARC_MAX_BLOCK). A record that starts a gzip member (`aligned`)
 * whose block runs past the member's end is cut there when the next
 * member starts a record: its Content-Length was wrong (a claimed 2 GB
 * would otherwise swallow every record after it), and the reader goes on
 * at that record. 0 or a failed record. */
static int
read_block(struct warc_reader *r, unsigned long long off,
	   unsigned long long len, int aligned, struct buf *err)
{
	struct buf *dst = len > WARC_MAX_BLOCK ? NULL : &r->block;
	long long got, more;
	char why[160];
	int rc;

	buf_reset(&r->block);
	got = take(r, dst, len, !(r->gz && aligned));
	if (got >= 0 && (unsigned long long)got < len && r->gz && aligned) {
		rc = need(r, 5, 1);
		if (rc < 0)
			return fail_stream(r, err, off, rc);
		if (rc == 1 && memcmp(r->pend.p + r->pos, "WARC/", 5) == 0) {
			snprintf(why, sizeof(why), "Content-Length %llu runs "
				 "past the end of its gzip member (%lld "
				 "bytes); skipped", len, got);
			return fail(r, err, off, PT_EPARSE, why, RESYNC_NONE);
		}
		/* A block that goes on in the next member. */
		more = take(r, dst, len - (unsigned long long)got, 1);
		got = more < 0 ? more : got + more;
	}
	if (got < 0)
		return fail_stream(r, err, off, (long)got);
	if ((unsigned long long)got < len) {
		snprintf(why, sizeof(why), "truncated block (%lld of %llu "
			 "bytes)", got, len);
		return fail(r, err, off, PT_EPARSE, why, -1);
	}
	return 0;
}

/* Notes how the record lies in the gzip members, once it is read. */
static void
note_members(struct warc_reader *r, struct warc_record *rec, int aligned)
{
	size_t last = r->nmb - 1;
	char why[96];

	rec->gzip_member = aligned && last == 0 && !r->member_open &&
			   r->pos == r->pend.len;
	if (last > 0) {
		snprintf(why, sizeof(why), "spans %zu gzip members", last + 1);
		note_add(r, "%s", why);
	} else if (!rec->gzip_member) {
		note_add(r, "%s", "shares a gzip member with other records");
	}
}

/* Reads the trailer: blank lines up to the end of the gzip member. More
 * data in the same member (or a plain file) must be the next record;
 * otherwise the Content-Length was wrong, and the reader skips to the next
 * "WARC/" line now, so that the next record keeps its number. 0 or a
 * failed record. */
static int
read_trailer(struct warc_reader *r, struct warc_record *rec, int aligned,
	     struct buf *err)
{
	int rc;

	rc = skip_blank(r, 0);
	if (rc < 0)
		return fail_stream(r, err, rec->offset, rc);
	if (r->gz)
		note_members(r, rec, aligned);
	if (rc != 1)
		return 0;
	rc = need(r, 5, 0);
	if (rc < 0)
		return fail_stream(r, err, rec->offset, rc);
	if (avail(r) < 5 || memcmp(r->pend.p + r->pos, "WARC/", 5) != 0) {
		note_add(r, "%s", "unexpected bytes after the block "
			 "(wrong Content-Length?)");
		rc = resync_line(r);
		if (rc < 0)
			return fail_stream(r, err, rec->offset, rc);
	}
	return 0;
}

int
warc_reader_next(struct warc_reader *r, struct warc_record *rec,
		 struct buf *err)
{
	unsigned long long len;
	int rc, aligned;

	memset(rec, 0, sizeof(*rec));
	if (r->done)
		return 0;
	if (!r->started && (rc = detect_format(r, err)) < 0)
		return rc;
	if (r->resync && (rc = resync_after_error(r, err)) <= 0)
		return rc;
	/* Blank lines between records, crossing gzip members. */
	rc = skip_blank(r, 1);
	if (rc == 0) {
		r->done = 1;
		return 0;
	}
	r->number++;
	if (rc < 0)
		return fail_stream(r, err, r->why_off, rc);
	aligned = record_start(r, rec);
	rc = read_header(r, rec->offset, r->gz && aligned ? RESYNC_MEMBER
							   : RESYNC_LINE,
			 &len, err);
	if (rc == 0)
		rc = read_block(r, rec->offset, len, aligned, err);
	if (rc == 0)
		rc = read_trailer(r, rec, aligned, err);
	if (rc)
		return rc;
	if (len > WARC_MAX_BLOCK)
		return fail(r, err, rec->offset, PT_ETOOBIG,
			    "block larger than the 64 MiB cap; skipped",
			    RESYNC_NONE);
	fill_record(r, rec);
	if (r->note.len)
		rec->note = r->note.p;
	return 1;
}

/* ---- Writer. */


/* A capture's records are made by an encoder (ids, digests, compressed
 * members, nothing of the file) and appended by the writer, so that
 * several threads can compress for one file (crawler/warcq.c); the writer
 * keeps one encoder of its own for warc_writer_capture() and its
 * warcinfo records. */
struct warc_enc {
	struct gz_writer *gzw;       /* one member per record */
	unsigned char rpool[1024];   /* random bytes for record ids */
	size_t rpos;                 /* used bytes of rpool */
	struct buf head;             /* WARC header being built */
};

struct warc_writer {
	char *dir;                   /* output directory, owned */
	char *prefix;                /* file name prefix, owned */
	char *software;              /* warcinfo software, owned or NULL */
	unsigned long long max_size; /* rotation size, 0 = never */
	int level;                   /* zlib level */
	int fd;                      /* current file, -1 when none */
	struct buf path;             /* its path */
	unsigned long long size;     /* its size */
	unsigned long serial;        /* next serial number */
	char warcinfo_id[48];        /* record id of its warcinfo */
	unsigned long ncaptures;     /* captures in it */
	struct warc_enc *enc;        /* the writer's own encoder */
	/* Records placed by warc_writer_put_later(), not yet written: their
	 * bytes (the callers' warc_encoded data, borrowed) go to the file
	 * with one writev(2) in warc_writer_flush(). */
	struct iovec *iov;
	size_t niov, iov_cap;
	unsigned long long pend;     /* their bytes */
	unsigned long npend;         /* their captures */
	struct buf blk;              /* warcinfo block being built */
	struct warc_encoded x;       /* records of warc_writer_capture() and
					of a warcinfo record */
};

/* Fills u[16] from the encoder's pool of random bytes, refilled
 * sizeof(rpool) bytes at a time: RAND_bytes() costs a getpid(2) per call
 * (its fork check), two per capture before. An encoder is not carried
 * across fork() (a child would repeat the parent's ids). */
static void
uuid_bytes(struct warc_enc *e, unsigned char u[16])
{
	if (e->rpos + 16 > sizeof(e->rpool)) {
		if (RAND_bytes(e->rpool, sizeof(e->rpool)) != 1) {
			/* Fall back to the kernel directly. */
			int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

			if (fd < 0 || read(fd, e->rpool, sizeof(e->rpool)) !=
					      (ssize_t)sizeof(e->rpool))
				abort();
			close(fd);
		}
		e->rpos = 0;
	}
	memcpy(u, e->rpool + e->rpos, 16);
	e->rpos += 16;
}

static void
make_uuid(struct warc_enc *e, char out[48])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char u[16];
	size_t i, o;

	uuid_bytes(e, u);
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	memcpy(out, "<urn:uuid:", 10);
	o = 10;
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[u[i] >> 4];
		out[o++] = hex[u[i] & 15];
	}
	out[o++] = '>';
	out[o] = '\0';
}

static void
format_date(time_t t, char out[24])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t k;

	while (n) {
		k = write(fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return PT_EIO;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

struct warc_enc *
warc_enc_new(const struct warc_writer *w)
{
	struct warc_enc *e = pt_xcalloc(1, sizeof(*e));

	e->rpos = sizeof(e->rpool); /* empty: filled at the first id */
	buf_init(&e->head, 0);
	e->gzw = gz_writer_new(w->level);
	if (!e->gzw) {
		warc_enc_free(e);
		return NULL;
	}
	return e;
}

void
warc_enc_free(struct warc_enc *e)
{
	if (!e)
		return;
	gz_writer_free(e->gzw);
	buf_release(&e->head);
	free(e);
}

void
warc_encoded_init(struct warc_encoded *x)
{
	memset(x, 0, sizeof(*x));
	buf_init(&x->data, 0);
}

void
warc_encoded_release(struct warc_encoded *x)
{
	buf_release(&x->data);
}

/* Compresses one record into out after what it holds: e->head holds the
 * WARC header lines (without Content-Length), the block is the
 * concatenation of the `n` pieces (not copied). */
static int
enc_record(struct warc_enc *e, const struct sv *blk, size_t n,
	   struct buf *out, struct buf *err)
{
	char cl[48];
	size_t i, blen = 0, start = out->len;
	int k, bad = 0;

	for (i = 0; i < n; i++)
		blen += blk[i].len;
	k = snprintf(cl, sizeof(cl), "Content-Length: %zu\r\n\r\n", blen);
	gz_writer_begin(e->gzw, out);
	bad = gz_writer_add(e->gzw, "WARC/1.1\r\n", 10, out) ||
	      gz_writer_add(e->gzw, e->head.p, e->head.len, out) ||
	      gz_writer_add(e->gzw, cl, (size_t)k, out);
	for (i = 0; i < n && !bad; i++)
		bad = gz_writer_add(e->gzw, blk[i].p, blk[i].len, out);
	if (bad || gz_writer_finish(e->gzw, "\r\n\r\n", 4, out)) {
		if (err)
			buf_adds(err, "cannot compress a record");
		out->len = start;
		return PT_EIO;
	}
	return 0;
}

/* Writes (p, n), the members of one capture, with one write(2). A kill
 * during the write leaves a file that reads cleanly up to its last
 * complete member, as with one write per record; after a failed write the
 * file is cut back to its last complete capture. */
static int
append(struct warc_writer *w, const char *p, size_t n, struct buf *err)
{
	if (n && write_all(w->fd, p, n)) {
		int e = errno;

		if (ftruncate(w->fd, (off_t)w->size) == 0)
			lseek(w->fd, (off_t)w->size, SEEK_SET);
		if (err)
			buf_addf(err, "cannot write to '%s': %s", w->path.p,
				 strerror(e));
		return PT_EIO;
	}
	w->size += n;
	return 0;
}

/* The placed records: written with writev(2), IOV_BATCH pieces per
 * call, or on failure none of them (the file cut back to what was there
 * before, as append() does). */
#define IOV_BATCH 64

int
warc_writer_flush(struct warc_writer *w, struct buf *err)
{
	struct iovec *v = w->iov;
	size_t n = w->niov;
	int e = 0;

	while (n && !e) {
		ssize_t k = writev(w->fd, v,
				   (int)(n > IOV_BATCH ? IOV_BATCH : n));

		if (k < 0) {
			if (errno != EINTR)
				e = errno;
			continue;
		}
		while (n && (size_t)k >= v->iov_len) {
			k -= (ssize_t)v->iov_len;
			v++;
			n--;
		}
		if (n) { /* a short write: the rest of this piece next */
			v->iov_base = (char *)v->iov_base + k;
			v->iov_len -= (size_t)k;
		}
	}
	w->niov = 0;
	if (e) {
		if (ftruncate(w->fd, (off_t)w->size) == 0)
			lseek(w->fd, (off_t)w->size, SEEK_SET);
		w->ncaptures -= w->npend;
		w->pend = 0;
		w->npend = 0;
		if (err)
			buf_addf(err, "cannot write to '%s': %s", w->path.p,
				 strerror(e));
		return PT_EIO;
	}
	w->size += w->pend;
	w->pend = 0;
	w->npend = 0;
	return 0;
}

unsigned long long
warc_writer_pending(const struct warc_writer *w)
{
	return w->pend;
}

static void
head_digest(struct warc_enc *e, const char *name, const struct sv *blk,
	    size_t n)
{
	char d[38];

	hash_sha1_b32_parts(blk, n, d);
	buf_addf(&e->head, "%s: %s\r\n", name, d);
}

static int
open_file(struct warc_writer *w, struct buf *err)
{
	char ts[16], date[24];
	time_t now = time(NULL);
	struct tm tm;
	struct sv b;
	const char *base;
	struct warc_enc *e = w->enc;
	int tries;

	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y%m%d%H%M%S", &tm);
	for (tries = 0; tries < 100000; tries++) {
		buf_reset(&w->path);
		buf_addf(&w->path, "%s/%s-%s-%05lu.warc.gz", w->dir, w->prefix,
			 ts, w->serial++);
		w->fd = open(w->path.p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			     0644);
		if (w->fd >= 0 || errno != EEXIST)
			break;
	}
	if (w->fd < 0) {
		if (err)
			buf_addf(err, "cannot create '%s': %s", w->path.p,
				 strerror(errno));
		return PT_EIO;
	}
	w->size = 0;
	w->ncaptures = 0;
	make_uuid(e, w->warcinfo_id);
	format_date(now, date);
	base = strrchr(w->path.p, '/');
	base = base ? base + 1 : w->path.p;
	buf_reset(&w->blk);
	buf_addf(&w->blk, "software: %s\r\n"
		 "format: WARC File Format 1.1\r\n"
		 "conformsTo: http://iipc.github.io/warc-specifications/"
		 "specifications/warc-format/warc-1.1/\r\n",
		 w->software ? w->software : "presstally");
	buf_reset(&e->head);
	buf_addf(&e->head, "WARC-Type: warcinfo\r\n"
		 "WARC-Record-ID: %s\r\n"
		 "WARC-Date: %s\r\n"
		 "WARC-Filename: %s\r\n"
		 "Content-Type: application/warc-fields\r\n",
		 w->warcinfo_id, date, base);
	b = sv_make(w->blk.p, w->blk.len);
	head_digest(e, "WARC-Block-Digest", &b, 1);
	buf_reset(&w->x.data);
	if (enc_record(e, &b, 1, &w->x.data, err) ||
	    append(w, w->x.data.p, w->x.data.len, err)) {
		close(w->fd);
		w->fd = -1;
		return PT_EIO;
	}
	return 0;
}

/* Closes the current file. One that holds its warcinfo record only (a
 * crawl that found nothing new) is removed: it would be a file to analyze
 * and archive with nothing in it. */
static int
close_file(struct warc_writer *w, struct buf *err)
{
	int rc = 0;

	if (w->fd < 0)
		return 0;
	if (w->ncaptures == 0) {
		close(w->fd);
		w->fd = -1;
		unlink(w->path.p);
		return 0;
	}
	if (fsync(w->fd) && errno != EINVAL)
		rc = PT_EIO;
	if (close(w->fd))
		rc = PT_EIO;
	w->fd = -1;
	if (rc && err)
		buf_addf(err, "cannot close '%s': %s", w->path.p,
			 strerror(errno));
	return rc;
}

struct warc_writer *
warc_writer_new(const struct warc_writer_opts *o, struct buf *err)
{
	struct warc_writer *w;

	if (!o->dir || !o->prefix || !*o->prefix ||
	    (o->level < 0 && o->level != WARC_LEVEL_STORE) || o->level > 9) {
		if (err)
			buf_adds(err, "invalid WARC writer options");
		return NULL;
	}
	if (mkdir(o->dir, 0755) && errno != EEXIST) {
		if (err)
			buf_addf(err, "cannot create directory '%s': %s",
				 o->dir, strerror(errno));
		return NULL;
	}
	w = pt_xcalloc(1, sizeof(*w));
	w->dir = pt_xstrdup(o->dir);
	w->prefix = pt_xstrdup(o->prefix);
	w->software = o->software ? pt_xstrdup(o->software) : NULL;
	w->max_size = o->max_size;
	w->level = o->level == WARC_LEVEL_STORE ? 0 :
		   o->level ? o->level : WARC_LEVEL;
	w->fd = -1;
	buf_init(&w->path, 0);
	buf_init(&w->blk, 0);
	warc_encoded_init(&w->x);
	w->enc = warc_enc_new(w);
	if (!w->enc) {
		if (err)
			buf_addf(err, "cannot initialise the %s compressor",
				 gz_backend());
		warc_writer_free(w);
		return NULL;
	}
	if (open_file(w, err)) {
		warc_writer_free(w);
		return NULL;
	}
	return w;
}

const char *
warc_writer_path(const struct warc_writer *w)
{
	return w->path.p;
}

const char *
warc_writer_warcinfo_id(const struct warc_writer *w)
{
	return w->warcinfo_id;
}

static int
bad_value(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* 1 when the capture cannot be written: no URI or response head, or a
 * value that would break a WARC header line. */
static int
bad_capture(const struct warc_capture *c)
{
	return !c->uri || !*c->uri || !c->resp_head || bad_value(c->uri) ||
	       bad_value(c->ip) || bad_value(c->prev_uri) ||
	       bad_value(c->prev_date) || bad_value(c->prev_record_id) ||
	       bad_value(c->payload_digest);
}

/* 1 when the next capture starts a new file: none is open or the
 * current one, with the records placed, is full. */
static int
writer_full(const struct warc_writer *w)
{
	return w->fd < 0 ||
	       (w->max_size && w->size + w->pend >= w->max_size);
}

int
warc_writer_full(const struct warc_writer *w)
{
	return writer_full(w);
}

/* Starts a new file when none is open or the current one is full (the
 * records placed in it written first). */
static int
rotate(struct warc_writer *w, struct buf *err)
{
	int rc;

	if (!writer_full(w))
		return 0;
	rc = warc_writer_flush(w, err);
	if (rc == 0)
		rc = close_file(w, err);
	if (rc == 0)
		rc = open_file(w, err);
	return rc;
}

/* The header lines every record of a capture starts with. */
static void
head_start(struct warc_enc *e, const char *type, const char *id,
	   const char *date, const char *winfo, const struct warc_capture *c)
{
	buf_reset(&e->head);
	buf_addf(&e->head, "WARC-Type: %s\r\nWARC-Record-ID: %s\r\n"
		 "WARC-Date: %s\r\nWARC-Target-URI: %s\r\n",
		 type, id, date, c->uri);
	if (c->ip)
		buf_addf(&e->head, "WARC-IP-Address: %s\r\n", c->ip);
	buf_addf(&e->head, "WARC-Warcinfo-ID: %s\r\n", winfo);
}

/* Encodes the response record, or the revisit record (identical-payload-
 * digest profile) when `revisit`: the block is the header block and the
 * body, given to the compressor and SHA-1 in place. `bd` is the block
 * digest of the response record when known, or NULL. */
static int
enc_response(struct warc_enc *e, const struct warc_capture *c,
	     const char *winfo, const char *id, const char *date,
	     const char *pd, const char *bd, int revisit, struct buf *out,
	     struct buf *err)
{
	struct sv blk[2];

	blk[0] = sv_make(c->resp_head, c->resp_head_len);
	blk[1] = sv_make(c->body, !revisit ? c->body_len : 0);
	head_start(e, revisit ? "revisit" : "response", id, date, winfo, c);
	if (revisit) {
		buf_adds(&e->head, "WARC-Profile: http://netpreserve.org/warc/"
			 "1.1/revisit/identical-payload-digest\r\n");
		if (c->prev_record_id)
			buf_addf(&e->head, "WARC-Refers-To: %s\r\n",
				 c->prev_record_id);
		buf_addf(&e->head, "WARC-Refers-To-Target-URI: %s\r\n",
			 c->prev_uri ? c->prev_uri : c->uri);
		if (c->prev_date)
			buf_addf(&e->head, "WARC-Refers-To-Date: %s\r\n",
				 c->prev_date);
	}
	buf_adds(&e->head, "Content-Type: application/http;msgtype=response\r\n");
	if (!revisit && bd)
		buf_addf(&e->head, "WARC-Block-Digest: %s\r\n", bd);
	else
		head_digest(e, "WARC-Block-Digest", blk, 2);
	buf_addf(&e->head, "WARC-Payload-Digest: %s\r\n", pd);
	return enc_record(e, blk, 2, out, err);
}

/* Encodes the request record, concurrent to response `resp_id`. */
static int
enc_request(struct warc_enc *e, const struct warc_capture *c,
	    const char *winfo, const char *id, const char *date,
	    const char *resp_id, struct buf *out, struct buf *err)
{
	struct sv blk = sv_make(c->req_head, c->req_head_len);

	head_start(e, "request", id, date, winfo, c);
	buf_addf(&e->head, "WARC-Concurrent-To: %s\r\n"
		 "Content-Type: application/http;msgtype=request\r\n",
		 resp_id);
	head_digest(e, "WARC-Block-Digest", &blk, 1);
	return enc_record(e, &blk, 1, out, err);
}

int
warc_enc_capture(struct warc_enc *e, const char *warcinfo_id,
		 const struct warc_capture *c, struct warc_encoded *x,
		 struct buf *err)
{
	char date[24], pd[38], bd[38], req_id[48];
	const char *bdp = NULL;
	struct warc_written *o = &x->w;
	int rc;

	buf_reset(&x->data);
	if (bad_capture(c)) {
		if (err)
			buf_addf(err, "invalid capture for '%s'",
				 c->uri ? c->uri : "");
		return PT_EINVAL;
	}
	snprintf(x->warcinfo_id, sizeof(x->warcinfo_id), "%s", warcinfo_id);
	format_date(c->when ? c->when : time(NULL), date);
	if (c->block_digest && strlen(c->block_digest) == sizeof(bd) - 1) {
		memcpy(bd, c->block_digest, sizeof(bd));
		bdp = bd;
	}
	if (c->payload_digest && strlen(c->payload_digest) == sizeof(pd) - 1) {
		memcpy(pd, c->payload_digest, sizeof(pd));
	} else if (!bdp && !c->prev_payload_digest) {
		/* No revisit possible: both digests in one pass. */
		struct sv blk[2];

		blk[0] = sv_make(c->resp_head, c->resp_head_len);
		blk[1] = sv_make(c->body ? c->body : "", c->body_len);
		hash_sha1_b32_two(blk, 2, bd, blk + 1, 1, pd);
		bdp = bd;
	} else {
		hash_sha1_b32(c->body ? c->body : "", c->body_len, pd);
	}
	o->revisit = c->prev_payload_digest &&
		     strcasecmp(c->prev_payload_digest, pd) == 0;
	make_uuid(e, o->record_id);
	make_uuid(e, req_id);
	rc = enc_response(e, c, warcinfo_id, o->record_id, date, pd, bdp,
			  o->revisit, &x->data, err);
	if (rc == 0 && c->req_head)
		rc = enc_request(e, c, warcinfo_id, req_id, date,
				 o->record_id, &x->data, err);
	if (rc) {
		buf_reset(&x->data);
		return rc;
	}
	memcpy(o->payload_digest, pd, sizeof(pd));
	memcpy(o->date, date, sizeof(date));
	o->path = NULL;
	o->offset = 0; /* the response record comes first */
	return 0;
}

int
warc_writer_put(struct warc_writer *w, struct warc_enc *e,
		const struct warc_capture *c, struct warc_encoded *x,
		struct warc_written *out, struct buf *err)
{
	int rc = warc_writer_put_later(w, e, c, x, out, err);

	if (rc == 0)
		rc = warc_writer_flush(w, err);
	return rc;
}

int
warc_writer_put_later(struct warc_writer *w, struct warc_enc *e,
		      const struct warc_capture *c, struct warc_encoded *x,
		      struct warc_written *out, struct buf *err)
{
	unsigned long long off;
	int rc = rotate(w, err);

	if (rc)
		return rc;
	if (strcmp(x->warcinfo_id, w->warcinfo_id) != 0) {
		/* Encoded for the file before: its records must name the
		 * warcinfo record of this one. */
		rc = warc_enc_capture(e, w->warcinfo_id, c, x, err);
		if (rc)
			return rc;
	}
	off = w->size + w->pend;
	if (x->data.len) {
		pt_xgrow((void **)&w->iov, &w->iov_cap, w->niov + 1,
			 sizeof(*w->iov));
		w->iov[w->niov].iov_base = x->data.p;
		w->iov[w->niov].iov_len = x->data.len;
		w->niov++;
		w->pend += x->data.len;
	}
	w->npend++;
	w->ncaptures++;
	if (out) {
		*out = x->w;
		out->path = w->path.p;
		out->offset = off + x->w.offset;
	}
	return 0;
}

int
warc_writer_capture(struct warc_writer *w, const struct warc_capture *c,
		    struct warc_written *out, struct buf *err)
{
	int rc;

	if (bad_capture(c)) {
		if (err)
			buf_addf(err, "invalid capture for '%s'",
				 c->uri ? c->uri : "");
		return PT_EINVAL;
	}
	rc = rotate(w, err);
	if (rc == 0)
		rc = warc_enc_capture(w->enc, w->warcinfo_id, c, &w->x, err);
	if (rc == 0)
		rc = warc_writer_put(w, w->enc, c, &w->x, out, err);
	buf_reset(&w->x.data);
	return rc;
}

int
warc_writer_close(struct warc_writer *w, struct buf *err)
{
	int rc = w->fd >= 0 ? warc_writer_flush(w, err) : 0;
	int rc2 = close_file(w, rc ? NULL : err);

	return rc ? rc : rc2;
}

void
warc_writer_free(struct warc_writer *w)
{
	if (!w)
		return;
	/* Placed records not flushed are dropped: their bytes may be gone. */
	w->ncaptures -= w->npend;
	w->niov = 0;
	w->pend = 0;
	close_file(w, NULL);
	free(w->iov);
	warc_enc_free(w->enc);
	free(w->dir);
	free(w->prefix);
	free(w->software);
	warc_encoded_release(&w->x);
	release_bufs(&w->path, &w->blk, (struct buf *)NULL);
	free(w);
}
