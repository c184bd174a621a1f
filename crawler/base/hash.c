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

#define SHA1_LOAD(w, p, i, mask) \
	(w[i] = _mm_shuffle_epi8( \
		_mm_loadu_si128((const __m128i *)(const void *)((p) + 16 * (i))), \
		mask))

/* The state of lane L of sha1_blocks2() and sha1_blocks4(): ABCD, E,
 * E plus words, the ABCD of the group before, the values at the start
 * of the block, the words, the input. */
#define SHA1_LANE(L) \
	__m128i L##abcd, L##e0, L##e1, L##prev, L##sabcd, L##se, L##w[4]; \
	const unsigned char *L##p
#define SHA1_LANE_IN(L, h, in) \
	(L##abcd = _mm_shuffle_epi32( \
		 _mm_loadu_si128((const __m128i *)(void *)(h)), 0x1b), \
	 L##e0 = _mm_set_epi32((int)(h)[4], 0, 0, 0), \
	 L##prev = _mm_setzero_si128(), L##p = (in))
#define SHA1_LANE_START(L, mask) \
	(L##sabcd = L##abcd, L##se = L##e0, SHA1_LOAD(L##w, L##p, 0, mask), \
	 SHA1_LOAD(L##w, L##p, 1, mask), SHA1_LOAD(L##w, L##p, 2, mask), \
	 SHA1_LOAD(L##w, L##p, 3, mask))
#define SHA1_LANE_GROUP(L, g, f) \
	do { \
		if ((g) >= 4) \
			SHA1_SCHED(L##w, g); \
		SHA1_ROUNDS(L##abcd, L##e0, L##e1, L##prev, L##w, g, f); \
	} while (0)
#define SHA1_LANE_END(L) \
	(L##e0 = _mm_sha1nexte_epu32(L##prev, L##se), \
	 L##abcd = _mm_add_epi32(L##abcd, L##sabcd), L##p += 64)
#define SHA1_LANE_OUT(L, h) \
	(_mm_storeu_si128((__m128i *)(void *)(h), \
			  _mm_shuffle_epi32(L##abcd, 0x1b)), \
	 (h)[4] = (uint32_t)_mm_extract_epi32(L##e0, 3))

/* The 20 round groups of a block, GROUP(g, f) each. */
#define SHA1_ALL_GROUPS(GROUP) \
	do { \
		GROUP(0, 0); GROUP(1, 0); GROUP(2, 0); GROUP(3, 0); \
		GROUP(4, 0); GROUP(5, 1); GROUP(6, 1); GROUP(7, 1); \
		GROUP(8, 1); GROUP(9, 1); GROUP(10, 2); GROUP(11, 2); \
		GROUP(12, 2); GROUP(13, 2); GROUP(14, 2); GROUP(15, 3); \
		GROUP(16, 3); GROUP(17, 3); GROUP(18, 3); GROUP(19, 3); \
	} while (0)

#define SHA1_GROUP2(g, f) \
	do { \
		SHA1_LANE_GROUP(a, g, f); \
		SHA1_LANE_GROUP(b, g, f); \
	} while (0)
#define SHA1_GROUP4(g, f) \
	do { \
		SHA1_LANE_GROUP(a, g, f); \
		SHA1_LANE_GROUP(b, g, f); \
		SHA1_LANE_GROUP(c, g, f); \
		SHA1_LANE_GROUP(d, g, f); \
	} while (0)

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
	SHA1_LANE(a);
	SHA1_LANE(b);

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
	SHA1_LANE_IN(a, ha, pa);
	SHA1_LANE_IN(b, hb, pb);
	for (; nb; nb--) {
		SHA1_LANE_START(a, mask);
		SHA1_LANE_START(b, mask);
		SHA1_ALL_GROUPS(SHA1_GROUP2);
		SHA1_LANE_END(a);
		SHA1_LANE_END(b);
	}
	SHA1_LANE_OUT(a, ha);
	SHA1_LANE_OUT(b, hb);
}

/* The same for four streams (h[i] and p[i]; h[3] may be NULL: three).
 * Two streams are latency-bound still: four ran at 4.6 GB/s together on
 * a Zen 4 core against 3.3 GB/s for two. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
sha1_blocks4(uint32_t *const h[4], const unsigned char *const p[4],
	     size_t nb)
{
	const __m128i mask = _mm_set_epi64x(0x0001020304050607LL,
					    0x08090a0b0c0d0e0fLL);
	uint32_t zd[5], *hd = h[3];
	SHA1_LANE(a);
	SHA1_LANE(b);
	SHA1_LANE(c);
	SHA1_LANE(d);

	if (!hd) {
		memcpy(zd, h[2], sizeof(zd));
		hd = zd;
	}
	SHA1_LANE_IN(a, h[0], p[0]);
	SHA1_LANE_IN(b, h[1], p[1]);
	SHA1_LANE_IN(c, h[2], p[2]);
	SHA1_LANE_IN(d, hd, h[3] ? p[3] : p[2]);
	for (; nb; nb--) {
		SHA1_LANE_START(a, mask);
		SHA1_LANE_START(b, mask);
		SHA1_LANE_START(c, mask);
		SHA1_LANE_START(d, mask);
		SHA1_ALL_GROUPS(SHA1_GROUP4);
		SHA1_LANE_END(a);
		SHA1_LANE_END(b);
		SHA1_LANE_END(c);
		SHA1_LANE_END(d);
	}
	SHA1_LANE_OUT(a, h[0]);
	SHA1_LANE_OUT(b, h[1]);
	SHA1_LANE_OUT(c, h[2]);
	SHA1_LANE_OUT(d, hd);
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

/* Feeds k whole blocks of the current piece of each of the n (1 to 4)
 * streams s[], together. */
static void
sha1_run(struct sha1 *const *s, size_t n, size_t k)
{
	uint32_t *h[4] = { NULL, NULL, NULL, NULL };
	const unsigned char *p[4] = { NULL, NULL, NULL, NULL };
	size_t i;

	for (i = 0; i < n; i++) {
		h[i] = s[i]->h;
		p[i] = (const unsigned char *)s[i]->part->p + s[i]->off;
	}
	if (n <= 2)
		sha1_blocks2(h[0], p[0], h[1], p[1], k);
	else
		sha1_blocks4(h, p, k);
	for (i = 0; i < n; i++) {
		s[i]->off += 64 * k;
		s[i]->len += 64 * k;
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

/* The n (at most HASH_MSG_MAX) streams s[] at once: a stream with a
 * partial block, or less than a block left in its piece, is fed alone
 * until it is block-aligned again; the whole blocks the others all have
 * in their pieces run together, four, three or two at a time (or one,
 * when it is the last). */
static void
sha1_multi(struct sha1 *const *s, size_t n)
{
	for (;;) {
		struct sha1 *run[HASH_MSG_MAX];
		size_t i, nr = 0, k = (size_t)-1;
		int fed = 0;

		for (i = 0; i < n; i++) {
			if (!sha1_more(s[i]))
				continue;
			if (s[i]->nbuf || sha1_left(s[i]) < 64) {
				sha1_fill(s[i]);
				fed = 1;
				continue;
			}
			run[nr++] = s[i];
			if (sha1_left(s[i]) / 64 < k)
				k = sha1_left(s[i]) / 64;
		}
		if (fed)
			continue;
		if (nr == 0)
			break;
		sha1_run(run, nr, k);
	}
}

#endif /* PT_SHA_NI */

void
hash_sha1_b32_all(const struct hash_msg *m, size_t n)
{
	size_t i;
#ifdef PT_SHA_NI
	struct sha1 st[HASH_MSG_MAX], *sp[HASH_MSG_MAX];
	unsigned char d[20];

	pthread_once(&sha_ni_once, detect_sha_ni);
	if (have_sha_ni && n <= HASH_MSG_MAX) {
		for (i = 0; i < n; i++) {
			sha1_start(&st[i], m[i].parts, m[i].n);
			sp[i] = &st[i];
		}
		sha1_multi(sp, n);
		for (i = 0; i < n; i++) {
			sha1_finish(&st[i], d);
			memcpy(m[i].out, "sha1:", 5);
			hash_b32_20(d, m[i].out + 5);
		}
		return;
	}
#endif
	for (i = 0; i < n; i++)
		hash_sha1_b32_parts(m[i].parts, m[i].n, m[i].out);
}

void
hash_sha1_b32_two(const struct sv *a, size_t na, char da[38],
		  const struct sv *b, size_t nb, char db[38])
{
	struct hash_msg m[2];

	m[0].parts = a;
	m[0].n = na;
	m[0].out = da;
	m[1].parts = b;
	m[1].n = nb;
	m[1].out = db;
	hash_sha1_b32_all(m, 2);
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
