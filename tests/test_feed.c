/* test_feed.c -- feeds and sitemaps: golden dumps of the fixtures in
 * tests/fixtures/feed/ against tests/expected/feed/, broken XML, gzip
 * (plain, truncated, bomb), XXE and entity expansion, sniffing.
 * PT_UPDATE_EXPECTED=1 rewrites the expected files (review the diff). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/feed.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void
read_fixture(const char *name, struct buf *out)
{
	const char *dir = getenv("PT_SOURCE_DIR");
	struct buf path = BUF_INIT, err = BUF_INIT;

	assert_non_null(dir);
	buf_addf(&path, "%s/tests/fixtures/feed/%s", dir, name);
	if (fileio_read(path.p, out, &err) != 0)
		fail_msg("%s", err.p);
	buf_release(&path);
	buf_release(&err);
}

static void
dump(const struct feed *f, int rc, const char *errmsg, struct buf *out)
{
	size_t i;

	buf_addf(out, "type=%s rc=%d error_line=%d skipped=%zu gzipped=%d\n",
		 feed_type_name(f->type), rc, f->error_line, f->skipped,
		 f->gzipped);
	buf_addf(out, "err=%s\n", errmsg);
	for (i = 0; i < f->n; i++) {
		const struct feed_entry *e = &f->entries[i];

		buf_addf(out, "%s\t%s\t%s\t%s\t%s\n", feed_kind_name(e->kind),
			 e->url, e->published ? e->published : "-",
			 e->modified ? e->modified : "-",
			 e->title ? e->title : "-");
	}
}

static void
check_golden(const char *fixture, const char *base_url, const char *expname)
{
	const char *dir = getenv("PT_SOURCE_DIR");
	struct buf body, got = BUF_INIT, want, path = BUF_INIT, err = BUF_INIT;
	struct feed f;
	int rc;

	buf_init(&body, FEED_MAX_DECODED);
	buf_init(&want, FEED_MAX_DECODED);
	read_fixture(fixture, &body);
	feed_init(&f);
	rc = feed_parse(&f, body.p, body.len, base_url, &err);
	dump(&f, rc, err.p, &got);
	buf_addf(&path, "%s/tests/expected/feed/%s", dir, expname);
	if (getenv("PT_UPDATE_EXPECTED")) {
		FILE *fp = fopen(path.p, "wb");

		assert_non_null(fp);
		fwrite(got.p, 1, got.len, fp);
		fclose(fp);
	}
	buf_reset(&err);
	if (fileio_read(path.p, &want, &err) != 0)
		fail_msg("%s", err.p);
	if (strcmp(got.p, want.p) != 0)
		fail_msg("%s differs from %s:\n%s", fixture, expname, got.p);
	feed_release(&f);
	buf_release(&body);
	buf_release(&got);
	buf_release(&want);
	buf_release(&path);
	buf_release(&err);
}

static void
test_golden(void **state)
{
	(void)state;
	check_golden("rss2.xml", "https://news.example.com/feed/", "rss2.tsv");
	check_golden("rss2.xml", NULL, "rss2-nobase.tsv");
	check_golden("rdf.xml", "https://trade.example.org/rss", "rdf.tsv");
	check_golden("atom.xml", "https://screen.example.net/atom.xml",
		     "atom.tsv");
	check_golden("sitemap-index.xml", "https://news.example.com/sitemap.xml",
		     "sitemap-index.tsv");
	check_golden("urlset.xml", "https://news.example.com/s.xml",
		     "urlset.tsv");
	check_golden("urlset.xml.gz", "https://news.example.com/s.xml.gz",
		     "urlset-gz.tsv");
	check_golden("news-sitemap.xml", "https://trade.example.org/news.xml",
		     "news-sitemap.tsv");
	check_golden("broken.xml", "https://news.example.com/feed/",
		     "broken.tsv");
	check_golden("xxe.xml", "https://news.example.com/feed/", "xxe.tsv");
	check_golden("lol.xml", "https://news.example.com/feed/", "lol.tsv");
	check_golden("page.html", "https://news.example.com/", "page.tsv");
}

static void
test_broken_reports_line(void **state)
{
	struct buf body = BUF_INIT, err = BUF_INIT;
	struct feed f;

	(void)state;
	read_fixture("broken.xml", &body);
	feed_init(&f);
	assert_int_equal(feed_parse(&f, body.p, body.len, "https://x.example/f",
				    &err), PT_EPARSE);
	assert_int_equal(f.error_line, 9);
	assert_true(f.n >= 1);
	assert_string_equal(f.entries[0].url,
			    "https://news.example.com/2026/03/first/");
	assert_non_null(strstr(err.p, "xml error at line 9 of "
				      "'https://x.example/f'"));
	feed_release(&f);
	buf_release(&body);
	buf_release(&err);
}

static void
test_xxe_not_expanded(void **state)
{
	struct buf body = BUF_INIT;
	struct feed f;

	(void)state;
	read_fixture("xxe.xml", &body);
	feed_init(&f);
	feed_parse(&f, body.p, body.len, NULL, NULL);
	assert_int_equal(f.n, 1);
	assert_null(strstr(f.entries[0].title, "root"));
	assert_null(strstr(f.entries[0].title, "lol"));
	feed_release(&f);
	buf_release(&body);
}

/* gzip of `n` zero bytes (a few tens of KB for 60 MB). */
static void
make_bomb(size_t n, struct buf *out)
{
	z_stream z;
	static unsigned char zeros[1 << 16];
	unsigned char chunk[1 << 16];
	int flush;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9,
				      Z_DEFAULT_STRATEGY), Z_OK);
	do {
		size_t take = n > sizeof(zeros) ? sizeof(zeros) : n;

		n -= take;
		flush = n ? Z_NO_FLUSH : Z_FINISH;
		z.next_in = zeros;
		z.avail_in = (uInt)take;
		do {
			z.next_out = chunk;
			z.avail_out = sizeof(chunk);
			deflate(&z, flush);
			buf_add(out, chunk, sizeof(chunk) - z.avail_out);
		} while (z.avail_out == 0);
	} while (flush != Z_FINISH);
	deflateEnd(&z);
}

static void
test_gzip_bomb(void **state)
{
	struct buf bomb = BUF_INIT, err = BUF_INIT;
	struct feed f;

	(void)state;
	make_bomb(FEED_MAX_DECODED + 10u * 1024 * 1024, &bomb);
	assert_true(bomb.len < 200u * 1024);
	feed_init(&f);
	assert_int_equal(feed_parse(&f, bomb.p, bomb.len,
				    "https://x.example/s.xml.gz", &err),
			 PT_ETOOBIG);
	assert_int_equal(f.n, 0);
	assert_non_null(strstr(err.p, "'https://x.example/s.xml.gz' inflates "
				      "past"));
	feed_release(&f);
	buf_release(&bomb);
	buf_release(&err);
}

static void
test_gzip_truncated_and_corrupt(void **state)
{
	struct buf body = BUF_INIT, err = BUF_INIT;
	struct feed f;
	int rc;

	(void)state;
	read_fixture("urlset.xml.gz", &body);
	/* cut the CRC/size trailer and some data: partial, error */
	feed_init(&f);
	rc = feed_parse(&f, body.p, body.len - 12, NULL, &err);
	assert_int_equal(rc, PT_EPARSE);
	assert_true(err.len > 0);
	assert_int_equal(f.gzipped, 1);
	feed_release(&f);
	/* garbage after the magic */
	buf_reset(&err);
	feed_init(&f);
	rc = feed_parse(&f, "\x1f\x8b\x08\x00garbage", 11, NULL, &err);
	assert_int_equal(rc, PT_EPARSE);
	assert_int_equal(f.n, 0);
	feed_release(&f);
	buf_release(&body);
	buf_release(&err);
}

static void
test_refusals(void **state)
{
	static const char other[] = "<?xml version='1.0'?><svg/>";
	struct buf err = BUF_INIT;
	struct feed f;

	(void)state;
	feed_init(&f);
	assert_int_equal(feed_parse(&f, "", 0, NULL, &err), PT_EEMPTY);
	buf_reset(&err);
	assert_int_equal(feed_parse(&f, "   ", 3, NULL, &err), PT_EEMPTY);
	buf_reset(&err);
	assert_int_equal(feed_parse(&f, other, sizeof(other) - 1, NULL, &err),
			 PT_EUNSUP);
	assert_string_equal(err.p, "'document' is neither a feed nor a "
				   "sitemap (root element <svg>)");
	assert_int_equal(f.n, 0);
	feed_release(&f);
	buf_release(&err);
}

static void
test_sniff(void **state)
{
	static const struct {
		const char *ct;
		const char *body;
		enum feed_sniff want;
	} t[] = {
		{ NULL, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">",
		  FEED_SNIFF_FEED },
		{ "text/html", "\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c -->"
			       "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
		  FEED_SNIFF_FEED },
		{ NULL, "<rdf:RDF xmlns:rdf=\"x\">", FEED_SNIFF_FEED },
		{ "application/xml", "<?xml version='1.0'?>\n<?xml-stylesheet "
				     "href='s.xsl'?>\n<urlset>",
		  FEED_SNIFF_SITEMAP },
		{ NULL, "<sitemapindex xmlns=\"x\">", FEED_SNIFF_SITEMAP },
		{ "application/rss+xml", "<!DOCTYPE html><html>",
		  FEED_SNIFF_HTML },
		{ NULL, "  <HTML lang=en>", FEED_SNIFF_HTML },
		{ "text/html; charset=utf-8", "hello", FEED_SNIFF_HTML },
		{ "application/atom+xml", "", FEED_SNIFF_FEED },
		{ "Application/RSS+XML;charset=x", NULL, FEED_SNIFF_FEED },
		{ "text/xml", "<svg>", FEED_SNIFF_UNKNOWN },
		{ NULL, NULL, FEED_SNIFF_UNKNOWN },
		{ NULL, "<", FEED_SNIFF_UNKNOWN },
		{ NULL, "<!-- never closed", FEED_SNIFF_UNKNOWN },
	};
	struct buf gz = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enum feed_sniff got = feed_sniff(t[i].ct, t[i].body,
						 t[i].body ? strlen(t[i].body)
							   : 0);

		if (got != t[i].want)
			fail_msg("sniff case %zu: %d, want %d", i, got,
				 t[i].want);
	}
	read_fixture("urlset.xml.gz", &gz);
	assert_int_equal(feed_sniff("application/octet-stream", gz.p, gz.len),
			 FEED_SNIFF_SITEMAP);
	buf_release(&gz);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_broken_reports_line),
		cmocka_unit_test(test_xxe_not_expanded),
		cmocka_unit_test(test_gzip_bomb),
		cmocka_unit_test(test_gzip_truncated_and_corrupt),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_sniff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
