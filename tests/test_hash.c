/* test_hash.c -- SHA-256 hex prefixes, SHA-1 base32 and FNV-1a against
 * known vectors (FIPS 180 "abc"; RFC 4648 base32 alphabet). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/hash.h"

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
		cmocka_unit_test(test_fnv1a),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
