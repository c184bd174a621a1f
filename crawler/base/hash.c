/* hash.c -- SHA-256 and SHA-1 via libcrypto's EVP API, and two SHA-1
 * digests computed together with the x86 SHA extensions.
 *
 * Spec: FIPS 180-4 sec. 6.1 (SHA-1), sec. 5.1.1 (padding).
 *
 * hash_sha1_b32_two() is for the two digests of a WARC response record,
 * the block (HTTP header block and body) and the payload (the body):
 * about the same bytes twice. One SHA-1 stream is bound by the latency
 * of the SHA round instruction (a round group waits for the one before),
 * so two independent streams interleaved in one loop run in about the
 * time of one: on a Zen 4 core two 50 KB messages took 31 us together
 * against 54 us for libcrypto's two passes. Without the SHA extensions
 * (another CPU, another compiler) the two digests are libcrypto's.
 */
#include "crawler/base/hash.h"

#include "crawler/base/sv.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#if (defined(__x86_64__) || defined(__i386__)) && \
	(defined(__GNUC__) || defined(__clang__))
#define PT_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#include <pthread.h>
#endif

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

/* ---- Two SHA-1 streams at once. */

#ifdef PT_SHA_NI

/* One SHA-1 stream fed in pieces. */
struct sha1 {
	uint32_t h[5];               /* chaining value */
	unsigned long long len;      /* bytes fed */
	unsigned char buf[64];       /* a partial block */
	size_t nbuf;                 /* its length */
	const struct sv *part;       /* the piece being fed */
	const struct sv *end;        /* after the last piece */
	size_t off;                  /* bytes of *part fed */
};

static const uint32_t sha1_iv[5] = {
	0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u, 0xc3d2e1f0u
};

static int have_sha_ni;
static pthread_once_t sha_ni_once = PTHREAD_ONCE_INIT;

static void
detect_sha_ni(void)
{
	unsigned int a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) ||
	    !(c & bit_SSE4_1))
		return;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return;
	have_sha_ni = (b & bit_SHA) != 0;
}

/* The four message words of round group g (g >= 4) from the four before:
 * W[t] = rol1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]), four at a time. */
#define SHA1_SCHED(w, g) \
	(w[(g) & 3] = _mm_sha1msg2_epu32( \
		_mm_xor_si128(_mm_sha1msg1_epu32(w[(g) & 3], \
						 w[((g) + 1) & 3]), \
			      w[((g) + 2) & 3]), \
		w[((g) + 3) & 3]))

/* Four rounds of group g with round function f (g / 5): e1 is E plus the
 * group's words, from the ABCD of the group before (sha1nexte adds its
 * A rotated by 30). */
#define SHA1_ROUNDS(abcd, e0, e1, prev, w, g, f) \
	do { \
		if ((g) == 0) \
			e1 = _mm_add_epi32(e0, w[0]); \
		else \
			e1 = _mm_sha1nexte_epu32(prev, w[(g) & 3]); \
		prev = abcd; \
		abcd = _mm_sha1rnds4_epu32(abcd, e1, f); \
	} while (0)

/* Both streams: group g, scheduling its words first past the fourth. */
#define SHA1_GROUP2(g, f) \
	do { \
		if ((g) >= 4) { \
			SHA1_SCHED(wa, g); \
			SHA1_SCHED(wb, g); \
		} \
		SHA1_ROUNDS(aabcd, ae0, ae1, aprev, wa, g, f); \
		SHA1_ROUNDS(babcd, be0, be1, bprev, wb, g, f); \
	} while (0)

#define SHA1_LOAD(w, p, i, mask) \
	(w[i] = _mm_shuffle_epi8( \
		_mm_loadu_si128((const __m128i *)(const void *)((p) + 16 * (i))), \
		mask))

/* `nb` 64-byte blocks of stream a at pa and of stream b at pb, the
 * rounds of the two interleaved. ha or hb may be NULL: one stream only
 * (the other's work is done on a copy and dropped). */
__attribute__((target("sha,sse4.1,ssse3"))) static void
sha1_blocks2(uint32_t ha[5], const unsigned char *pa, uint32_t hb[5],
	     const unsigned char *pb, size_t nb)
{
	const __m128i mask = _mm_set_epi64x(0x0001020304050607LL,
					    0x08090a0b0c0d0e0fLL);
	uint32_t za[5], zb[5];
	__m128i aabcd, ae0, ae1, aprev, asabcd, ase, wa[4];
	__m128i babcd, be0, be1, bprev, bsabcd, bse, wb[4];

	if (!ha) {
		memcpy(za, hb, sizeof(za));
		ha = za;
		pa = pb;
	}
	if (!hb) {
		memcpy(zb, ha, sizeof(zb));
		hb = zb;
		pb = pa;
	}
	aabcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(void *)ha),
				  0x1b);
	ae0 = _mm_set_epi32((int)ha[4], 0, 0, 0);
	babcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(void *)hb),
				  0x1b);
	be0 = _mm_set_epi32((int)hb[4], 0, 0, 0);
	aprev = bprev = _mm_setzero_si128();
	for (; nb; nb--, pa += 64, pb += 64) {
		asabcd = aabcd;
		ase = ae0;
		bsabcd = babcd;
		bse = be0;
		SHA1_LOAD(wa, pa, 0, mask);
		SHA1_LOAD(wb, pb, 0, mask);
		SHA1_LOAD(wa, pa, 1, mask);
		SHA1_LOAD(wb, pb, 1, mask);
		SHA1_LOAD(wa, pa, 2, mask);
		SHA1_LOAD(wb, pb, 2, mask);
		SHA1_LOAD(wa, pa, 3, mask);
		SHA1_LOAD(wb, pb, 3, mask);
		SHA1_GROUP2(0, 0);
		SHA1_GROUP2(1, 0);
		SHA1_GROUP2(2, 0);
		SHA1_GROUP2(3, 0);
		SHA1_GROUP2(4, 0);
		SHA1_GROUP2(5, 1);
		SHA1_GROUP2(6, 1);
		SHA1_GROUP2(7, 1);
		SHA1_GROUP2(8, 1);
		SHA1_GROUP2(9, 1);
		SHA1_GROUP2(10, 2);
		SHA1_GROUP2(11, 2);
		SHA1_GROUP2(12, 2);
		SHA1_GROUP2(13, 2);
		SHA1_GROUP2(14, 2);
		SHA1_GROUP2(15, 3);
		SHA1_GROUP2(16, 3);
		SHA1_GROUP2(17, 3);
		SHA1_GROUP2(18, 3);
		SHA1_GROUP2(19, 3);
		ae0 = _mm_sha1nexte_epu32(aprev, ase);
		aabcd = _mm_add_epi32(aabcd, asabcd);
		be0 = _mm_sha1nexte_epu32(bprev, bse);
		babcd = _mm_add_epi32(babcd, bsabcd);
	}
	_mm_storeu_si128((__m128i *)(void *)ha, _mm_shuffle_epi32(aabcd, 0x1b));
	ha[4] = (uint32_t)_mm_extract_epi32(ae0, 3);
	_mm_storeu_si128((__m128i *)(void *)hb, _mm_shuffle_epi32(babcd, 0x1b));
	hb[4] = (uint32_t)_mm_extract_epi32(be0, 3);
}

static void
sha1_start(struct sha1 *s, const struct sv *parts, size_t n)
{
	memcpy(s->h, sha1_iv, sizeof(s->h));
	s->len = 0;
	s->nbuf = 0;
	s->part = parts;
	s->end = parts + n;
	s->off = 0;
}

/* Steps over used-up and empty pieces; 1 while bytes are left. */
static int
sha1_more(struct sha1 *s)
{
	while (s->part < s->end && s->off >= s->part->len) {
		s->part++;
		s->off = 0;
	}
	return s->part < s->end;
}

/* Bytes of the current piece not fed yet. */
static size_t
sha1_left(const struct sha1 *s)
{
	return s->part->len - s->off;
}

/* Moves bytes of the current piece into the partial block, compressing
 * it when full. */
static void
sha1_fill(struct sha1 *s)
{
	size_t k = sha1_left(s);

	if (k > 64 - s->nbuf)
		k = 64 - s->nbuf;
	memcpy(s->buf + s->nbuf, s->part->p + s->off, k);
	s->nbuf += k;
	s->off += k;
	s->len += k;
	if (s->nbuf == 64) {
		sha1_blocks2(s->h, s->buf, NULL, NULL, 1);
		s->nbuf = 0;
	}
}

/* Feeds k whole blocks of the current piece of a (and of b, or NULL). */
static void
sha1_run(struct sha1 *a, struct sha1 *b, size_t k)
{
	sha1_blocks2(a->h, (const unsigned char *)a->part->p + a->off,
		     b ? b->h : NULL,
		     b ? (const unsigned char *)b->part->p + b->off : NULL, k);
	a->off += 64 * k;
	a->len += 64 * k;
	if (b) {
		b->off += 64 * k;
		b->len += 64 * k;
	}
}

/* Feeds what is left of one stream. */
static void
sha1_rest(struct sha1 *s)
{
	while (sha1_more(s)) {
		if (s->nbuf || sha1_left(s) < 64)
			sha1_fill(s);
		else
			sha1_run(s, NULL, sha1_left(s) / 64);
	}
}

/* The padding (FIPS 180-4 sec. 5.1.1) and the digest. */
static void
sha1_finish(struct sha1 *s, unsigned char d[20])
{
	unsigned long long bits = s->len * 8;
	size_t i;

	s->buf[s->nbuf++] = 0x80;
	if (s->nbuf > 56) {
		memset(s->buf + s->nbuf, 0, 64 - s->nbuf);
		sha1_blocks2(s->h, s->buf, NULL, NULL, 1);
		s->nbuf = 0;
	}
	memset(s->buf + s->nbuf, 0, 56 - s->nbuf);
	for (i = 0; i < 8; i++)
		s->buf[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_blocks2(s->h, s->buf, NULL, NULL, 1);
	for (i = 0; i < 20; i++)
		d[i] = (unsigned char)(s->h[i / 4] >> (24 - 8 * (i % 4)));
}

/* Both streams: a stream with a partial block, or less than a block left
 * in its piece, is fed alone until it is block-aligned again; while both
 * are, the whole blocks they both have in their pieces run together. */
static void
sha1_two(const struct sv *a, size_t na, unsigned char da[20],
	 const struct sv *b, size_t nb, unsigned char db[20])
{
	struct sha1 sa, sb;

	sha1_start(&sa, a, na);
	sha1_start(&sb, b, nb);
	while (sha1_more(&sa) && sha1_more(&sb)) {
		size_t ka, kb;

		if (sa.nbuf || sha1_left(&sa) < 64) {
			sha1_fill(&sa);
			continue;
		}
		if (sb.nbuf || sha1_left(&sb) < 64) {
			sha1_fill(&sb);
			continue;
		}
		ka = sha1_left(&sa) / 64;
		kb = sha1_left(&sb) / 64;
		sha1_run(&sa, &sb, ka < kb ? ka : kb);
	}
	sha1_rest(&sa);
	sha1_rest(&sb);
	sha1_finish(&sa, da);
	sha1_finish(&sb, db);
}

#endif /* PT_SHA_NI */

void
hash_sha1_b32_two(const struct sv *a, size_t na, char da[38],
		  const struct sv *b, size_t nb, char db[38])
{
#ifdef PT_SHA_NI
	unsigned char ra[20], rb[20];

	pthread_once(&sha_ni_once, detect_sha_ni);
	if (have_sha_ni) {
		sha1_two(a, na, ra, b, nb, rb);
		memcpy(da, "sha1:", 5);
		hash_b32_20(ra, da + 5);
		memcpy(db, "sha1:", 5);
		hash_b32_20(rb, db + 5);
		return;
	}
#endif
	hash_sha1_b32_parts(a, na, da);
	hash_sha1_b32_parts(b, nb, db);
}

uint32_t
hash_fnv1a(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}
