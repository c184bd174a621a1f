/* test_http.c -- http.h: header lookup in a header block, the chunked
 * transfer coding (RFC 9112 sec. 7.1) as a table of cases, and content
 * decoding of gzip, zlib and raw deflate data with its cap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/http.h"

#include <stdint.h>
#include <string.h>
#include <zlib.h>

static void
test_header_value(void **state)
{
	static const char head[] =
		"HTTP/1.1 301 Moved\r\n"
		"etag:  \"abc\" \t\r\n"
		"X-ETag: no\r\n"
		"Location:\thttps://example.com/a\r\n"
		"Location: https://example.com/second\r\n"
		"Empty:\r\n"
		"\r\n";
	struct buf out = BUF_INIT;

	(void)state;
	assert_int_equal(http_header_value(head, strlen(head), "ETag", &out),
			 1);
	assert_string_equal(out.p, "\"abc\"");
	buf_reset(&out);
	assert_int_equal(http_header_value(head, strlen(head), "Location",
					   &out), 1);
	assert_string_equal(out.p, "https://example.com/a");
	buf_reset(&out);
	assert_int_equal(http_header_value(head, strlen(head), "Empty", &out),
			 1);
	assert_string_equal(out.p, "");
	assert_int_equal(http_header_value(head, strlen(head), "Last-Modified",
					   &out), 0);
	/* A field name that is only a prefix of the line's does not match. */
	assert_int_equal(http_header_value(head, strlen(head), "Locat", &out),
			 0);
	/* The last line needs no line end. */
	assert_int_equal(http_header_value("A: 1\nB: 2", 10, "B", &out), 1);
	assert_string_equal(out.p, "2");
	buf_release(&out);
}

struct chunk_case {
	const char *in;   /* chunked body */
	int rc;           /* http_dechunk() result */
	const char *out;  /* decoded data when rc == 0 */
};

static void
test_dechunk(void **state)
{
	static const struct chunk_case cases[] = {
		{ "5\r\nhello\r\n0\r\n\r\n", 0, "hello" },
		{ "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 0, "hello world" },
		/* Hex in either case, extensions, bare LF line ends. */
		{ "A\r\n0123456789\r\n0\r\n\r\n", 0, "0123456789" },
		{ "a;name=value\r\n0123456789\r\n0\r\n\r\n", 0, "0123456789" },
		{ "3\nabc\n0\n\n", 0, "abc" },
		{ "  3 \r\nabc\r\n0\r\n\r\n", 0, "abc" },
		/* Trailer fields after the last chunk are ignored. */
		{ "2\r\nok\r\n0\r\nX-Trailer: 1\r\n\r\n", 0, "ok" },
		/* Ends after a whole chunk without the last chunk. */
		{ "2\r\nok\r\n", 0, "ok" },
		{ "2\r\nok", 0, "ok" },
		{ "", 0, "" },
		{ "0\r\n\r\n", 0, "" },
		/* Broken: no size, bad digit, no line end, chunk past the end,
		 * a size that does not fit. */
		{ "\r\nabc\r\n", PT_EPARSE, NULL },
		{ "xyz\r\nabc\r\n", PT_EPARSE, NULL },
		{ "3g\r\nabc\r\n", PT_EPARSE, NULL },
		{ "5", PT_EPARSE, NULL },
		{ "5\r\nabc", PT_EPARSE, NULL },
		{ "fffffffffffffffff\r\nabc\r\n", PT_EPARSE, NULL },
	};
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct chunk_case *c = &cases[i];
		int rc;

		buf_adds(&out, "left over");
		rc = http_dechunk(c->in, strlen(c->in), &out);
		if (rc != c->rc)
			fail_msg("case %zu '%s': rc %d, want %d", i, c->in, rc,
				 c->rc);
		if (c->out)
			assert_string_equal(out.p, c->out);
	}
	buf_release(&out);
}

static void
test_dechunk_cap(void **state)
{
	static const char in[] = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
	struct buf out;

	(void)state;
	buf_init(&out, 8);
	assert_int_equal(http_dechunk(in, strlen(in), &out), PT_ETOOBIG);
	assert_string_equal(out.p, "hello");
	buf_release(&out);
}

/* Compresses (p, n) into out with deflate's window bits `wbits` (31 gzip,
 * 15 zlib, -15 raw), a piece at a time. */
static void
deflate_mem(const char *p, size_t n, int wbits, struct buf *out)
{
	unsigned char piece[4096];
	z_stream z;
	int zr;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, wbits, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	buf_reset(out);
	do {
		z.next_out = piece;
		z.avail_out = sizeof(piece);
		zr = deflate(&z, Z_FINISH);
		assert_int_equal(buf_add(out, piece, sizeof(piece) -
					 z.avail_out), 0);
	} while (zr == Z_OK);
	assert_int_equal(zr, Z_STREAM_END);
	deflateEnd(&z);
}

static void
test_inflate(void **state)
{
	static const int wbits[] = { 16 + MAX_WBITS, MAX_WBITS, -MAX_WBITS };
	struct buf text = BUF_INIT, z = BUF_INIT, out;
	size_t i;

	(void)state;
	for (i = 0; i < 2000; i++)
		buf_addf(&text, "line %zu of a body\n", i);
	buf_init(&out, 1024 * 1024);
	for (i = 0; i < 3; i++) {
		deflate_mem(text.p, text.len, wbits[i], &z);
		assert_int_equal(http_inflate(z.p, z.len, wbits[i] < 0, &out),
				 0);
		assert_int_equal(out.len, text.len);
		assert_memory_equal(out.p, text.p, text.len);
	}
	/* Truncated data keeps what inflated. */
	deflate_mem(text.p, text.len, 16 + MAX_WBITS, &z);
	assert_int_equal(http_inflate(z.p, z.len / 2, 0, &out), 0);
	assert_true(out.len > 0 && out.len < text.len);
	assert_memory_equal(out.p, text.p, out.len);
	/* Cut at the cap. */
	buf_release(&out);
	buf_init(&out, 100);
	assert_int_equal(http_inflate(z.p, z.len, 0, &out), 1);
	assert_int_equal(out.len, 100);
	assert_memory_equal(out.p, text.p, 100);
	/* Not compressed at all. */
	assert_int_equal(http_inflate("plain text", 10, 0, &out), PT_EPARSE);
	buf_release(&out);
	buf_release(&z);
	buf_release(&text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_value),
		cmocka_unit_test(test_dechunk),
		cmocka_unit_test(test_dechunk_cap),
		cmocka_unit_test(test_inflate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
