/* hash.h -- digests: SHA-256 for ids, SHA-1 base32 for WARC digests
 * (libcrypto, and the x86 SHA extensions for two at once); and FNV-1a, the one string hash of in-memory tables.
 */
#ifndef PT_HASH_H
#define PT_HASH_H

#include <stddef.h>
#include <stdint.h>

struct sv;

/* Writes the first `ndigits` (<= 64) hex digits of SHA-256(p, n) and a NUL
 * into out (size >= ndigits + 1). */
void hash_sha256_hex(const void *p, size_t n, char *out, size_t ndigits);
/* Writes "sha1:" + base32 (RFC 4648, 32 characters) of SHA-1(p, n) and a
 * NUL into out (size >= 38). */
void hash_sha1_b32(const void *p, size_t n, char out[38]);
/* Same over the concatenation of `n` pieces (no copy made). */
void hash_sha1_b32_parts(const struct sv *parts, size_t n, char out[38]);
/* One message of hash_sha1_b32_all(): the concatenation of `n` pieces,
 * its digest ("sha1:" + base32, NUL-terminated) written to out[38]. */
struct hash_msg {
	const struct sv *parts;
	size_t n;
	char *out;
};

#define HASH_MSG_MAX 4 /* messages that run together */

/* The digests of n messages, as hash_sha1_b32_parts() of each would give;
 * with the x86 SHA extensions up to HASH_MSG_MAX of them run interleaved
 * in one pass (the two digests of two WARC records). */
void hash_sha1_b32_all(const struct hash_msg *m, size_t n);
/* The digests of two piece lists at once, as hash_sha1_b32_parts() of
 * each would give: `a` into da, `b` into db. Meant for two messages of
 * about the same bytes (a WARC block and its payload): with the x86 SHA
 * extensions the two run interleaved in one pass, in about the time of
 * one digest. */
void hash_sha1_b32_two(const struct sv *a, size_t na, char da[38],
		       const struct sv *b, size_t nb, char db[38]);
/* Base32-encodes a 20-byte SHA-1 digest into out[33]. */
void hash_b32_20(const unsigned char d[20], char out[33]);

/* FNV-1a (32 bits) of p[0..n): the hash of every in-memory table (topic
 * phrases, people's names; scripts/gen_lexicon.py computes the same for
 * the lexicon). Fast and well spread on short keys; not a digest. */
uint32_t hash_fnv1a(const void *p, size_t n);

#endif
