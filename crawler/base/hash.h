/* hash.h -- digests from libcrypto: SHA-256 for ids, SHA-1 base32 for
 * WARC digests; and the one string hash of presstally's hash tables.
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
/* Base32-encodes a 20-byte SHA-1 digest into out[33]. */
void hash_b32_20(const unsigned char d[20], char out[33]);

/* 32-bit FNV-1a of (p, n): the hash of in-memory hash tables (not a
 * digest: never stored, never compared across runs). */
uint32_t hash_fnv1a(const void *p, size_t n);

#endif
