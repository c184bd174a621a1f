/* hash.c -- SHA-256 and SHA-1 via libcrypto's EVP API; FNV-1a. */
#include "crawler/base/hash.h"

#include "crawler/base/sv.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

void
hash_sha256_hex(const void *p, size_t n, char *out, size_t ndigits)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int dl = 0;
	size_t i;

	EVP_Digest(p, n, d, &dl, EVP_sha256(), NULL);
	if (ndigits > 64)
		ndigits = 64;
	for (i = 0; i < ndigits; i++)
		out[i] = hex[(d[i / 2] >> (i % 2 ? 0 : 4)) & 15];
	out[ndigits] = '\0';
}

void
hash_b32_20(const unsigned char d[20], char out[33])
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	size_t i, o = 0;
	unsigned int acc = 0, bits = 0;

	for (i = 0; i < 20; i++) {
		acc = (acc << 8) | d[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	out[o] = '\0';
}

void
hash_sha1_b32(const void *p, size_t n, char out[38])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int dl = 0;

	EVP_Digest(p, n, d, &dl, EVP_sha1(), NULL);
	memcpy(out, "sha1:", 5);
	hash_b32_20(d, out + 5);
}

void
hash_sha1_b32_parts(const struct sv *parts, size_t n, char out[38])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned int dl = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t i;

	if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) != 1)
		abort(); /* out of memory */
	for (i = 0; i < n; i++)
		if (parts[i].len)
			EVP_DigestUpdate(ctx, parts[i].p, parts[i].len);
	EVP_DigestFinal_ex(ctx, d, &dl);
	EVP_MD_CTX_free(ctx);
	memcpy(out, "sha1:", 5);
	hash_b32_20(d, out + 5);
}

uint32_t
hash_fnv1a(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}
