/* test_hash.c -- SHA-256 hex prefixes, SHA-1 base32 and FNV-1a against
 * known vectors (FIPS 180 "abc"; RFC 4648 base32 alphabet). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/hash.h"
#include "crawler/base/sv.h"

#include <stdlib.h>
#include <string.h>

static void
test_sha256(void **state)
{
	char out[65];

	(void)state;
	hash_sha256_hex("abc", 3, out, 64);
	assert_string_equal(out, "ba7816bf8f01cfea414140de5dae2223"
			    "b00361a396177a9cb410ff61f20015ad");
	hash_sha256_hex("abc", 3, out, 16);
	assert_string_equal(out, "ba7816bf8f01cfea");
	hash_sha256_hex("", 0, out, 8);
	assert_string_equal(out, "e3b0c442");
}

static void
test_sha1_base32(void **state)
{
	char out[38];

	(void)state;
	/* SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d */
	hash_sha1_b32("abc", 3, out);
	assert_string_equal(out, "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
	hash_sha1_b32("", 0, out);
	assert_string_equal(out, "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

/* hash_sha1_b32_two() against hash_sha1_b32_parts() of each list: the
 * WARC case (a = head + body, b = body) over head and body lengths
 * around the 64-byte block and the 56-byte padding edges, empty pieces
 * and lists, and two unrelated messages of different lengths. */
static void
check_two(const struct sv *a, size_t na, const struct sv *b, size_t nb)
{
	char wa[38], wb[38], ga[38], gb[38];

	hash_sha1_b32_parts(a, na, wa);
	hash_sha1_b32_parts(b, nb, wb);
	memset(ga, 0, sizeof(ga));
	memset(gb, 0, sizeof(gb));
	hash_sha1_b32_two(a, na, ga, b, nb, gb);
	assert_string_equal(ga, wa);
	assert_string_equal(gb, wb);
}

static void
test_sha1_two(void **state)
{
	static const size_t heads[] = { 0, 1, 55, 56, 63, 64, 65, 119, 120,
					128, 250, 1000 };
	static const size_t bodies[] = { 0, 1, 55, 56, 57, 63, 64, 65, 127,
					 128, 129, 191, 1000, 4096, 51203 };
	size_t cap = 60000, i, hi, bi;
	char *m = malloc(cap);
	unsigned int x = 12345;
	struct sv a[3], b[2];

	(void)state;
	assert_non_null(m);
	for (i = 0; i < cap; i++) {
		x = x * 1103515245u + 12345u;
		m[i] = (char)(x >> 16);
	}
	/* "abc" against the FIPS 180 vector, with a piece list. */
	a[0] = sv_make("ab", 2);
	a[1] = sv_make("c", 1);
	{
		char da[38], db[38];

		hash_sha1_b32_two(a, 2, da, a, 0, db);
		assert_string_equal(da,
				    "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
		assert_string_equal(db,
				    "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
	}
	for (hi = 0; hi < sizeof(heads) / sizeof(heads[0]); hi++) {
		for (bi = 0; bi < sizeof(bodies) / sizeof(bodies[0]); bi++) {
			size_t h = heads[hi], n = bodies[bi];

			a[0] = sv_make(m, h);
			a[1] = sv_make(m + 3000, n);
			b[0] = a[1];
			check_two(a, 2, b, 1);
			check_two(b, 1, a, 2);
			/* An empty piece in the middle, unaligned pointers. */
			a[1] = sv_make(m + 1, 0);
			a[2] = sv_make(m + 3001, n);
			b[0] = sv_make(m + 7, n / 2);
			b[1] = sv_make(m + 9000, n - n / 2);
			check_two(a, 3, b, 2);
		}
	}
	/* Messages of very different lengths, and an empty list. */
	a[0] = sv_make(m, cap);
	b[0] = sv_make(m + 5, 70);
	check_two(a, 1, b, 1);
	check_two(b, 1, a, 1);
	check_two(a, 1, b, 0);
	check_two(a, 0, b, 0);
	free(m);
}

/* hash_sha1_b32_all() with three and four messages (two WARC records'
 * blocks and payloads), of lengths that end at different blocks, and one
 * or more empty: each as hash_sha1_b32_parts() gives it. */
static void
test_sha1_all(void **state)
{
	static const size_t lens[] = { 0, 63, 64, 200, 4097, 51200, 51263 };
	size_t cap = 120000, i, j, k, nl = sizeof(lens) / sizeof(lens[0]);
	char *m = malloc(cap), got[4][38], want[38];
	unsigned int x = 777;
	struct sv parts[4][2];
	struct hash_msg msg[4];

	(void)state;
	assert_non_null(m);
	for (i = 0; i < cap; i++) {
		x = x * 1103515245u + 12345u;
		m[i] = (char)(x >> 16);
	}
	for (i = 0; i < nl; i++) {
		for (j = 0; j < nl; j++) {
			size_t n = (i + j) % 2 ? 3 : 4;

			/* a record: head + body, then its body; another */
			parts[0][0] = sv_make(m + 1, 37 + i);
			parts[0][1] = sv_make(m + 100, lens[i]);
			parts[1][0] = parts[0][1];
			parts[2][0] = sv_make(m + 60000, 250);
			parts[2][1] = sv_make(m + 60300, lens[j]);
			parts[3][0] = parts[2][1];
			for (k = 0; k < 4; k++) {
				msg[k].parts = parts[k];
				msg[k].n = k % 2 ? 1 : 2;
				msg[k].out = got[k];
			}
			hash_sha1_b32_all(msg, n);
			for (k = 0; k < n; k++) {
				hash_sha1_b32_parts(msg[k].parts, msg[k].n,
						    want);
				assert_string_equal(got[k], want);
			}
		}
	}
	free(m);
}

static void
test_fnv1a(void **state)
{
	(void)state;
	/* FNV-1a 32-bit reference values (draft-eastlake-fnv). */
	assert_int_equal(hash_fnv1a("", 0), 0x811c9dc5u);
	assert_int_equal(hash_fnv1a("a", 1), 0xe40c292cu);
	assert_int_equal(hash_fnv1a("foobar", 6), 0xbf9cf968u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_sha1_base32),
		cmocka_unit_test(test_sha1_two),
		cmocka_unit_test(test_sha1_all),
		cmocka_unit_test(test_fnv1a),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
