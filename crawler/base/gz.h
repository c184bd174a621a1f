/* gz.h -- gzip members (RFC 1952) written and read one at a time, with
 * ISA-L's igzip when the build found it (PT_HAVE_ISAL) and zlib otherwise.
 *
 * Spec: RFC 1951 (deflate: stored blocks sec. 3.2.4), RFC 1952 (gzip
 * member: header, deflate data, CRC-32 and ISIZE trailer).
 *
 * Both backends write ordinary gzip: any inflater reads their members, and
 * one member per WARC record works as before. Levels are zlib's numbers:
 * 1..9 map onto igzip's 0..3 (1 -> 0, the fastest, with Huffman codes
 * from sampled members; 2..5 -> 2; 6..9 -> 3); level 0 writes stored
 * deflate blocks (no compression, still a member with its CRC-32), the
 * same with either backend.
 *
 * Ownership: each object owns its state; input and output buffers are the
 * caller's.
 */
#ifndef PT_GZ_H
#define PT_GZ_H

#include <stddef.h>

struct buf;

/* "isa-l" or "zlib": the backend compiled in. */
const char *gz_backend(void);

/* ---- Writing members. */

struct gz_writer;

/* A writer at zlib-style `level` 0..9. NULL when the backend cannot be
 * initialised. Free with gz_writer_free(). */
struct gz_writer *gz_writer_new(int level);
void gz_writer_free(struct gz_writer *g);
/* Starts a member: appends its header to out. */
void gz_writer_begin(struct gz_writer *g, struct buf *out);
/* Compresses (p, n) of the member into out (grown as needed; its cap
 * must leave room), or with igzip gathers it for gz_writer_finish(). 0,
 * or PT_EIO on a backend error. */
int gz_writer_add(struct gz_writer *g, const void *p, size_t n,
		  struct buf *out);
/* Compresses the last piece (p, n) (n may be 0) and ends the member: the
 * last deflate block and the trailer. 0 or PT_EIO. */
int gz_writer_finish(struct gz_writer *g, const void *p, size_t n,
		     struct buf *out);

/* ---- Reading members. */

enum gz_status {
	GZ_MORE = 0,    /* needs more input or output room */
	GZ_END = 1,     /* the member ended (trailer checked) */
	GZ_BAD = -1,    /* corrupt data, bad header or wrong checksum */
	GZ_NOMEM = -2   /* the backend ran out of memory */
};

struct gz_reader;

/* NULL when the backend cannot be initialised. */
struct gz_reader *gz_reader_new(void);
void gz_reader_free(struct gz_reader *g);
/* Forgets the current member: the next input starts a new one. */
void gz_reader_reset(struct gz_reader *g);
/* Inflates from *in (*in_len bytes) into out (out_room bytes): advances
 * *in and *in_len past what was used and sets *made to the bytes written.
 * At GZ_END the input after the member is left unread. */
enum gz_status gz_reader_inflate(struct gz_reader *g,
				 const unsigned char **in, size_t *in_len,
				 unsigned char *out, size_t out_room,
				 size_t *made);

#endif
