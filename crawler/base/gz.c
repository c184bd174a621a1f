/* gz.c -- gzip members through ISA-L igzip or zlib (see gz.h).
 *
 * Both backends write the same member frame: a 10-byte header of our own
 * (no name, no time, OS 3 as zlib writes it), raw deflate data and the
 * trailer. igzip computes the CRC-32 while it compresses
 * (IGZIP_GZIP_NO_HDR); with zlib, crc32() runs over each piece (what
 * zlib's own gzip wrapper does too). Stored members (level 0) are framed
 * here with deflate stored blocks, whichever the backend.
 *
 * igzip gets the member whole: the pieces are gathered into one buffer
 * and compressed by isal_deflate_stateless(). Its stateful mode, fed a
 * record's pieces (10 bytes, a header, a body), matched far less (a
 * 12 KB test record compressed to 6 KB instead of 0.3 KB), and copies its
 * input into its own window anyway.
 */
#include "crawler/base/gz.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#ifdef PT_HAVE_ISAL
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#endif

#define OUT_STEP (64u * 1024)  /* output room added per backend call */
#define STORED_MAX 65535u      /* largest deflate stored block */

static const unsigned char gz_head[10] = {
	0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3
};

const char *
gz_backend(void)
{
#ifdef PT_HAVE_ISAL
	return "isa-l";
#else
	return "zlib";
#endif
}

/* CRC-32 of RFC 1952, continued from crc. */
static uint32_t
crc_update(uint32_t crc, const void *p, size_t n)
{
#ifdef PT_HAVE_ISAL
	return crc32_gzip_refl(crc, (const unsigned char *)p, (uint64_t)n);
#else
	while (n) {
		uInt k = n > 0x40000000u ? 0x40000000u : (uInt)n;

		crc = (uint32_t)crc32(crc, p, k);
		p = (const unsigned char *)p + k;
		n -= k;
	}
	return crc;
#endif
}

static void
put_le32(struct buf *out, uint32_t v)
{
	unsigned char b[4];

	b[0] = (unsigned char)v;
	b[1] = (unsigned char)(v >> 8);
	b[2] = (unsigned char)(v >> 16);
	b[3] = (unsigned char)(v >> 24);
	buf_add(out, b, 4);
}

/* ---- Writer. */

struct gz_writer {
	int level;             /* 0 = stored blocks */
	uint32_t crc;          /* stored and zlib members */
	uint32_t isize;        /* input length mod 2^32 */
#ifdef PT_HAVE_ISAL
	struct isal_zstream zs;
	int isal_level;        /* igzip's level */
	unsigned char *lbuf;   /* its level buffer (levels 1..3) */
	uint32_t lbuf_size;
	struct buf in;         /* the member's input, gathered */
	/* Level 0: the Huffman codes of the members, made from a histogram
	 * of sampled members (see isal_codes()). */
	struct isal_huff_histogram *hist;
	struct isal_hufftables *codes;
	int have_codes;        /* codes made at least once */
	unsigned long sampled; /* members of at least SAMPLE_MIN bytes */
#else
	z_stream zs;
#endif
};

#ifdef PT_HAVE_ISAL
/* zlib level -> igzip level and the level buffer it wants. Level 1, the
 * fastest, is igzip's level 0: one hash probe and no per-member Huffman
 * pass; with codes from a sampled histogram (isal_codes()) its members
 * are about as small as igzip level 1's and it runs about 10% faster
 * (50 KB HTML pages, a Zen 4 core: 567 against 517 MB/s, ratio 0.250
 * against 0.247), and a small member (a request record) no longer pays
 * for building its own codes (about 5 us each). */
static int
isal_level(int level, uint32_t *size)
{
	if (level <= 1) {
		*size = 0;
		return 0;
	}
	if (level <= 5) {
		*size = ISAL_DEF_LVL2_DEFAULT;
		return 2;
	}
	*size = ISAL_DEF_LVL3_DEFAULT;
	return 3;
}

#define SAMPLE_FIRST 8u        /* members sampled at the start */
#define SAMPLE_EVERY 256u      /* then members between two samples */
#define SAMPLE_MIN 4096u       /* smaller members are not sampled */
#define SAMPLE_MAX (256u * 1024) /* bytes of a member sampled */

/* igzip level 0 codes its members with one fixed set of Huffman codes;
 * by default ISA-L's own, made from a general corpus (on HTML 12% larger
 * output than level 1). Here the codes come from the histogram of the
 * members written, of those of at least SAMPLE_MIN bytes: the first
 * SAMPLE_FIRST, then one in SAMPLE_EVERY, older counts halved each time
 * so the codes follow what is being crawled (the first pages of a crawl
 * are often link lists, feeds or sitemaps). Every literal, length and distance keeps
 * a code (isal_create_hufftables() gives each one), so any input can
 * still be coded; each member carries its codes in its block header and
 * decodes on its own. */
static void
isal_codes(struct gz_writer *g)
{
	size_t i, n = g->in.len;

	if (n < SAMPLE_MIN)
		return;
	if (g->sampled++ >= SAMPLE_FIRST && g->sampled % SAMPLE_EVERY != 0)
		return;
	if (n > SAMPLE_MAX)
		n = SAMPLE_MAX;
	for (i = 0; i < ISAL_DEF_LIT_LEN_SYMBOLS; i++)
		g->hist->lit_len_histogram[i] /= 2;
	for (i = 0; i < ISAL_DEF_DIST_SYMBOLS; i++)
		g->hist->dist_histogram[i] /= 2;
	isal_update_histogram((uint8_t *)g->in.p, (int)n, g->hist);
	if (isal_create_hufftables(g->codes, g->hist) == 0)
		g->have_codes = 1;
}
#endif

struct gz_writer *
gz_writer_new(int level)
{
	struct gz_writer *g = pt_xcalloc(1, sizeof(*g));

	g->level = level < 0 ? 0 : level > 9 ? 9 : level;
	if (g->level == 0)
		return g;
#ifdef PT_HAVE_ISAL
	isal_deflate_init(&g->zs);
	g->isal_level = isal_level(g->level, &g->lbuf_size);
	if (g->lbuf_size) {
		g->lbuf = pt_xmalloc(g->lbuf_size);
	} else {
		g->hist = pt_xcalloc(1, sizeof(*g->hist));
		g->codes = pt_xcalloc(1, sizeof(*g->codes));
	}
	buf_init(&g->in, 0);
#else
	if (deflateInit2(&g->zs, g->level, Z_DEFLATED, -MAX_WBITS, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK) {
		free(g);
		return NULL;
	}
#endif
	return g;
}

void
gz_writer_free(struct gz_writer *g)
{
	if (!g)
		return;
#ifdef PT_HAVE_ISAL
	free(g->lbuf);
	free(g->hist);
	free(g->codes);
	buf_release(&g->in);
#else
	if (g->level)
		deflateEnd(&g->zs);
#endif
	free(g);
}

void
gz_writer_begin(struct gz_writer *g, struct buf *out)
{
	buf_add(out, gz_head, sizeof(gz_head));
	g->crc = 0;
	g->isize = 0;
	if (g->level == 0)
		return;
#ifdef PT_HAVE_ISAL
	buf_reset(&g->in);
#else
	deflateReset(&g->zs);
#endif
}

/* Stored blocks (not final) for (p, n). */
static void
stored_add(struct buf *out, const unsigned char *p, size_t n)
{
	while (n) {
		size_t k = n > STORED_MAX ? STORED_MAX : n;
		unsigned char h[5];

		h[0] = 0;
		h[1] = (unsigned char)k;
		h[2] = (unsigned char)(k >> 8);
		h[3] = (unsigned char)~k;
		h[4] = (unsigned char)(~k >> 8);
		buf_add(out, h, 5);
		buf_add(out, p, k);
		p += k;
		n -= k;
	}
}

#ifdef PT_HAVE_ISAL
/* Compresses the gathered input into out: deflate data and trailer.
 * Retried with more room if igzip's estimate was short. */
static int
isal_run(struct gz_writer *g, struct buf *out)
{
	size_t room = g->in.len + g->in.len / 8 + 4096, base = out->len;

	if (g->in.len > UINT32_MAX / 2)
		return PT_EIO;
	if (g->isal_level == 0)
		isal_codes(g);
	for (;;) {
		int rc;

		if (buf_grow(out, room))
			return PT_EIO;
		isal_deflate_reset(&g->zs);
		g->zs.level = (uint32_t)g->isal_level;
		g->zs.level_buf = g->lbuf;
		g->zs.level_buf_size = g->lbuf_size;
		if (g->isal_level == 0 && g->have_codes)
			g->zs.hufftables = g->codes;
		g->zs.gzip_flag = IGZIP_GZIP_NO_HDR;
		g->zs.flush = NO_FLUSH;
		g->zs.end_of_stream = 1;
		g->zs.next_in = (uint8_t *)g->in.p;
		g->zs.avail_in = (uint32_t)g->in.len;
		g->zs.next_out = (uint8_t *)out->p + base;
		g->zs.avail_out = (uint32_t)room;
		rc = isal_deflate_stateless(&g->zs);
		if (rc == COMP_OK) {
			out->len = base + (room - g->zs.avail_out);
			out->p[out->len] = '\0';
			return 0;
		}
		if (rc != STATELESS_OVERFLOW || room > UINT32_MAX / 2)
			return PT_EIO;
		room *= 2;
	}
}
#else
static int
zlib_run(struct gz_writer *g, struct buf *out, int flush)
{
	for (;;) {
		size_t room;
		int zr;

		if (buf_grow(out, OUT_STEP))
			return PT_EIO;
		room = out->cap - out->len - 1;
		if (room > 0x40000000u)
			room = 0x40000000u;
		g->zs.next_out = (unsigned char *)out->p + out->len;
		g->zs.avail_out = (uInt)room;
		zr = deflate(&g->zs, flush);
		out->len += room - g->zs.avail_out;
		out->p[out->len] = '\0';
		if (flush == Z_FINISH) {
			if (zr == Z_STREAM_END)
				return 0;
			if (zr != Z_OK && zr != Z_BUF_ERROR)
				return PT_EIO;
		} else if (g->zs.avail_in == 0 && g->zs.avail_out) {
			return 0;
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			return PT_EIO;
		}
	}
}
#endif

int
gz_writer_add(struct gz_writer *g, const void *p, size_t n, struct buf *out)
{
	if (n == 0)
		return 0;
	g->isize += (uint32_t)n;
	if (g->level == 0) {
		g->crc = crc_update(g->crc, p, n);
		stored_add(out, p, n);
		return 0;
	}
#ifdef PT_HAVE_ISAL
	(void)out;
	return buf_add(&g->in, p, n) ? PT_EIO : 0;
#else
	g->crc = crc_update(g->crc, p, n);
	while (n) {
		uInt k = n > 0x40000000u ? 0x40000000u : (uInt)n;

		g->zs.next_in = (unsigned char *)(uintptr_t)p;
		g->zs.avail_in = k;
		if (zlib_run(g, out, Z_NO_FLUSH))
			return PT_EIO;
		p = (const unsigned char *)p + k;
		n -= k;
	}
	return 0;
#endif
}

int
gz_writer_finish(struct gz_writer *g, const void *p, size_t n,
		 struct buf *out)
{
	static const unsigned char last[5] = { 1, 0, 0, 0xff, 0xff };

	if (g->level == 0) {
		gz_writer_add(g, p, n, out);
		buf_add(out, last, sizeof(last));
	} else {
#ifdef PT_HAVE_ISAL
		/* igzip writes the trailer itself (IGZIP_GZIP_NO_HDR). */
		if (gz_writer_add(g, p, n, out))
			return PT_EIO;
		return isal_run(g, out);
#else
		if (gz_writer_add(g, p, n, out))
			return PT_EIO;
		g->zs.next_in = NULL;
		g->zs.avail_in = 0;
		if (zlib_run(g, out, Z_FINISH))
			return PT_EIO;
#endif
	}
	put_le32(out, g->crc);
	put_le32(out, g->isize);
	return out->max && out->len >= out->max ? PT_EIO : 0;
}

/* ---- Reader. */

struct gz_reader {
#ifdef PT_HAVE_ISAL
	struct inflate_state st;
#else
	z_stream zs;
#endif
};

struct gz_reader *
gz_reader_new(void)
{
	struct gz_reader *g = pt_xcalloc(1, sizeof(*g));

#ifdef PT_HAVE_ISAL
	gz_reader_reset(g);
#else
	if (inflateInit2(&g->zs, 16 + MAX_WBITS) != Z_OK) {
		free(g);
		return NULL;
	}
#endif
	return g;
}

void
gz_reader_free(struct gz_reader *g)
{
	if (!g)
		return;
#ifndef PT_HAVE_ISAL
	inflateEnd(&g->zs);
#endif
	free(g);
}

void
gz_reader_reset(struct gz_reader *g)
{
#ifdef PT_HAVE_ISAL
	isal_inflate_init(&g->st);
	g->st.crc_flag = ISAL_GZIP;
#else
	inflateReset(&g->zs);
#endif
}

enum gz_status
gz_reader_inflate(struct gz_reader *g, const unsigned char **in,
		  size_t *in_len, unsigned char *out, size_t out_room,
		  size_t *made)
{
#ifdef PT_HAVE_ISAL
	uint32_t kin = *in_len > UINT32_MAX ? UINT32_MAX : (uint32_t)*in_len;
	uint32_t kout = out_room > UINT32_MAX ? UINT32_MAX
					      : (uint32_t)out_room;
	int rc;

	g->st.next_in = (uint8_t *)(uintptr_t)*in;
	g->st.avail_in = kin;
	g->st.next_out = out;
	g->st.avail_out = kout;
	rc = isal_inflate(&g->st);
	*in += kin - g->st.avail_in;
	*in_len -= kin - g->st.avail_in;
	*made = kout - g->st.avail_out;
	if (rc < 0)
		return GZ_BAD;
	if (g->st.block_state == ISAL_BLOCK_FINISH)
		return GZ_END;
	return GZ_MORE;
#else
	uInt kin = *in_len > 0x40000000u ? 0x40000000u : (uInt)*in_len;
	uInt kout = out_room > 0x40000000u ? 0x40000000u : (uInt)out_room;
	int zr;

	g->zs.next_in = (unsigned char *)(uintptr_t)*in;
	g->zs.avail_in = kin;
	g->zs.next_out = out;
	g->zs.avail_out = kout;
	zr = inflate(&g->zs, Z_NO_FLUSH);
	*in += kin - g->zs.avail_in;
	*in_len -= kin - g->zs.avail_in;
	*made = kout - g->zs.avail_out;
	if (zr == Z_STREAM_END)
		return GZ_END;
	if (zr == Z_MEM_ERROR)
		return GZ_NOMEM;
	if (zr != Z_OK && zr != Z_BUF_ERROR)
		return GZ_BAD;
	return GZ_MORE;
#endif
}
