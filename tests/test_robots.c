/* test_robots.c -- robots.txt: every row of the conformance tables
 * (tests/fixtures/robots/robots-cases.tsv, robots-aux-cases.tsv, copied
 * from google/robotstxt's tests) plus Crawl-delay, Sitemap, HTTP status
 * policy, size cap and junk input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/robots.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows of robots-cases.tsv with scope "google" where presstally decides
 * otherwise. The test checks that each listed row really gives the
 * opposite answer, so the table cannot go stale. */
static const struct {
	int id;
	const char *reason;
} excepted[] = {
	{ 79, "'Allow: /dir/index.html' does not also allow '/dir/': "
	      "presstally obeys only what the file says (a Google extension)" },
};

/* Decodes the TSV escapes \\ \n \r \t \xHH into `out`. */
static void
decode(const char *s, size_t n, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			buf_addc(out, s[i]);
			continue;
		}
		i++;
		switch (s[i]) {
		case 'n': buf_addc(out, '\n'); break;
		case 'r': buf_addc(out, '\r'); break;
		case 't': buf_addc(out, '\t'); break;
		case '\\': buf_addc(out, '\\'); break;
		case 'x': {
			char hex[3] = { 0, 0, 0 };

			assert_true(i + 2 < n);
			hex[0] = s[i + 1];
			hex[1] = s[i + 2];
			buf_addc(out, (char)strtol(hex, NULL, 16));
			i += 2;
			break;
		}
		default:
			fail_msg("bad escape \\%c", s[i]);
		}
	}
}

#define MAXF 10

/* The copy in tests/fixtures must not drift from the evaluation data it
 * came from: when ../shared is beside the clone, the two are the same. */
static void
same_as_shared(const char *name, const struct buf *ours)
{
	const char *dir = getenv("PT_SHARED_DIR");
	struct buf path = BUF_INIT, theirs = BUF_INIT;

	buf_addf(&path, "%s/eval/robots/%s", dir ? dir : "../shared", name);
	if (fileio_read(path.p, &theirs, NULL) == 0) {
		if (theirs.len != ours->len ||
		    memcmp(theirs.p, ours->p, ours->len) != 0)
			fail_msg("tests/fixtures/robots/%s differs from %s",
				 name, path.p);
	}
	buf_release(&path);
	buf_release(&theirs);
}

/* Reads `name` from tests/fixtures/robots and calls fn on each data row
 * with its decoded fields. */
static void
each_row(const char *name, void (*fn)(struct buf *f, size_t nf, void *ctx),
	 void *ctx)
{
	const char *dir = getenv("PT_SOURCE_DIR");
	struct buf path = BUF_INIT, data, err = BUF_INIT;
	struct buf f[MAXF];
	size_t i, pos = 0;

	assert_non_null(dir);
	buf_init(&data, 16u * 1024 * 1024);
	buf_addf(&path, "%s/tests/fixtures/robots/%s", dir, name);
	if (fileio_read(path.p, &data, &err) != 0)
		fail_msg("%s", err.p);
	same_as_shared(name, &data);
	for (i = 0; i < MAXF; i++)
		buf_init(&f[i], 0);
	while (pos < data.len) {
		size_t end = pos, nf = 0, start;

		while (end < data.len && data.p[end] != '\n')
			end++;
		if (data.p[pos] != '#' && !(end - pos > 3 &&
					    memcmp(data.p + pos, "id\t", 3) == 0)
		    && end > pos) {
			start = pos;
			for (i = pos; i <= end; i++) {
				if (i == end || data.p[i] == '\t') {
					assert_true(nf < MAXF);
					decode(data.p + start, i - start, &f[nf]);
					nf++;
					start = i + 1;
				}
			}
			fn(f, nf, ctx);
		}
		pos = end + 1;
	}
	for (i = 0; i < MAXF; i++)
		buf_release(&f[i]);
	buf_release(&path);
	buf_release(&data);
	buf_release(&err);
}

struct totals {
	int rfc, rfc_pass, google, google_pass, google_excepted;
	int failures;
};

static const char *
find_exception(int id)
{
	size_t i;

	for (i = 0; i < sizeof(excepted) / sizeof(excepted[0]); i++)
		if (excepted[i].id == id)
			return excepted[i].reason;
	return NULL;
}

/* id upstream scope ua robots url expected note */
static void
run_case(struct buf *f, size_t nf, void *ctx)
{
	struct totals *t = ctx;
	struct robots *r;
	int id = (int)strtol(f[0].p, NULL, 10);
	int want, got, is_rfc;
	const char *why;

	assert_true(nf >= 7);
	is_rfc = strcmp(f[2].p, "rfc") == 0;
	assert_true(is_rfc || strcmp(f[2].p, "google") == 0);
	want = strcmp(f[6].p, "allowed") == 0;
	assert_true(want || strcmp(f[6].p, "disallowed") == 0);
	r = robots_parse(f[4].p, f[4].len, f[3].p);
	got = robots_allowed_url(r, f[5].p);
	robots_free(r);
	why = find_exception(id);
	if (is_rfc) {
		t->rfc++;
		assert_null(why); /* rfc rows cannot be excepted */
		if (got == want) {
			t->rfc_pass++;
		} else {
			print_error("rfc row %d failed: want %s (%s)\n", id,
				    f[6].p, f[7].p);
			t->failures++;
		}
		return;
	}
	t->google++;
	if (why) {
		t->google_excepted++;
		if (got == want) {
			print_error("excepted row %d now passes; drop it\n", id);
			t->failures++;
		}
	} else if (got == want) {
		t->google_pass++;
	} else {
		print_error("google row %d failed: want %s (%s)\n", id,
			    f[6].p, f[7].p);
		t->failures++;
	}
}

static void
test_conformance_table(void **state)
{
	struct totals t;
	size_t i;

	(void)state;
	memset(&t, 0, sizeof(t));
	each_row("robots-cases.tsv", run_case, &t);
	print_message("robots-cases.tsv: rfc %d/%d passed, google %d/%d "
		      "passed, %d excepted\n", t.rfc_pass, t.rfc,
		      t.google_pass, t.google, t.google_excepted);
	for (i = 0; i < sizeof(excepted) / sizeof(excepted[0]); i++)
		print_message("  excepted row %d: %s\n", excepted[i].id,
			      excepted[i].reason);
	assert_int_equal(t.rfc + t.google, 145);
	assert_int_equal(t.failures, 0);
	assert_int_equal(t.rfc_pass, t.rfc);
	assert_int_equal(t.google_pass + t.google_excepted, t.google);
}

/* id kind upstream input expected note */
static void
run_aux(struct buf *f, size_t nf, void *ctx)
{
	int *count = ctx;
	const char *kind = f[1].p;
	struct buf out = BUF_INIT;

	assert_true(nf >= 5);
	(*count)++;
	if (strcmp(kind, "ua_valid") == 0) {
		assert_int_equal(robots_ua_valid(f[3].p),
				 strcmp(f[4].p, "true") == 0);
	} else if (strcmp(kind, "path_params_query") == 0) {
		assert_int_equal(robots_path_of_url(f[3].p, &out), 0);
		assert_string_equal(out.p, f[4].p);
	} else if (strcmp(kind, "escape_pattern") == 0) {
		assert_int_equal(robots_escape_pattern(f[3].p, f[3].len, &out),
				 0);
		assert_string_equal(out.p, f[4].p);
	} else if (strcmp(kind, "parse_stats") == 0) {
		struct robots *r = robots_parse(f[3].p, f[3].len, "foo");
		struct robots_stats st;
		char *exp = f[4].p, *item, *save = NULL;

		robots_get_stats(r, &st);
		for (item = exp; item; item = save) {
			char *eq = strchr(item, '=');

			save = strchr(item, ';');
			if (save)
				*save++ = '\0';
			assert_non_null(eq);
			*eq++ = '\0';
			if (strcmp(item, "valid") == 0)
				assert_int_equal(st.valid, strtoul(eq, NULL, 10));
			else if (strcmp(item, "unknown") == 0)
				assert_int_equal(st.unknown, strtoul(eq, NULL, 10));
			else if (strcmp(item, "last_line") == 0)
				assert_int_equal(st.lines, strtoul(eq, NULL, 10));
			else if (strcmp(item, "sitemap") == 0) {
				assert_int_equal(robots_sitemap_count(r), 1);
				assert_string_equal(robots_sitemap(r, 0), eq);
			} else
				fail_msg("unknown stat '%s'", item);
		}
		robots_free(r);
	} else {
		fail_msg("unknown kind '%s'", kind);
	}
	buf_release(&out);
}

static void
test_aux_table(void **state)
{
	int count = 0;

	(void)state;
	each_row("robots-aux-cases.tsv", run_aux, &count);
	assert_int_equal(count, 46);
}

static void
test_crawl_delay_and_sitemaps(void **state)
{
	static const char txt[] =
		"Sitemap: https://example.com/s1.xml\n"
		"User-agent: *\nCrawl-delay: 10\nDisallow: /private/\n\n"
		"User-agent: presstally\nCrawl-delay: 2.5\nDisallow: /tmp/\n"
		"sitemap: https://example.com/news.xml # news\n"
		"User-agent: other\nCrawl-delay: bogus\n";
	struct robots *r;

	(void)state;
	r = robots_parse(txt, sizeof(txt) - 1, "PressTally");
	assert_true(robots_crawl_delay(r) == 2.5);
	assert_int_equal(robots_sitemap_count(r), 2);
	assert_string_equal(robots_sitemap(r, 0), "https://example.com/s1.xml");
	assert_string_equal(robots_sitemap(r, 1),
			    "https://example.com/news.xml");
	assert_null(robots_sitemap(r, 2));
	assert_true(robots_allowed(r, "/private/x"));
	assert_false(robots_allowed(r, "/tmp/x"));
	robots_free(r);

	r = robots_parse(txt, sizeof(txt) - 1, "somebot");
	assert_true(robots_crawl_delay(r) == 10);
	assert_false(robots_allowed(r, "/private/x"));
	robots_free(r);

	r = robots_parse(txt, sizeof(txt) - 1, "other");
	assert_true(robots_crawl_delay(r) < 0);
	assert_true(robots_allowed(r, "/private/x"));
	robots_free(r);
}

static void
test_status_policy(void **state)
{
	static const char txt[] = "User-agent: *\nDisallow: /a\n";
	static const struct {
		int status;
		int allowed_b; /* is /b allowed */
		int allowed_a; /* is /a allowed */
	} cases[] = {
		{ 200, 1, 0 }, { 203, 1, 0 }, { 301, 1, 1 }, { 400, 1, 1 },
		{ 401, 1, 1 }, { 403, 1, 1 }, { 404, 1, 1 }, { 410, 1, 1 },
		{ 429, 0, 0 }, { 500, 0, 0 }, { 503, 0, 0 }, { 0, 0, 0 },
		{ 100, 0, 0 }, { 999, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct robots *r = robots_new_for_status(cases[i].status, txt,
							 sizeof(txt) - 1, "x");

		assert_int_equal(robots_allowed(r, "/b"), cases[i].allowed_b);
		assert_int_equal(robots_allowed(r, "/a"), cases[i].allowed_a);
		robots_free(r);
	}
	robots_free(NULL);
}

static void
test_size_cap(void **state)
{
	struct buf txt = BUF_INIT;
	struct robots *r;
	struct robots_stats st;

	(void)state;
	buf_adds(&txt, "User-agent: *\nDisallow: /early\n");
	while (txt.len < ROBOTS_MAX_BYTES - 100)
		buf_adds(&txt, "# padding padding padding padding padding\n");
	buf_adds(&txt, "Disallow: /within\n");
	while (txt.len < ROBOTS_MAX_BYTES + 10)
		buf_adds(&txt, "# more padding\n");
	buf_adds(&txt, "Disallow: /late\n");
	r = robots_parse(txt.p, txt.len, "x");
	robots_get_stats(r, &st);
	assert_int_equal(st.truncated, 1);
	assert_false(robots_allowed(r, "/early"));
	assert_false(robots_allowed(r, "/within"));
	assert_true(robots_allowed(r, "/late"));
	robots_free(r);
	buf_release(&txt);
}

/* Parses txt for "x" and checks that `no` is disallowed and `yes`
 * allowed; the parser's statistics go to *st. */
static void
parse_check(const char *txt, size_t len, const char *no, const char *yes,
	    struct robots_stats *st)
{
	struct robots *r = robots_parse(txt, len, "x");

	assert_false(robots_allowed(r, no));
	assert_true(robots_allowed(r, yes));
	robots_get_stats(r, st);
	robots_free(r);
}

static void
test_junk_and_line_ends(void **state)
{
	static const char cr[] = "\xEF\xBB\xBFUser-agent: x\rDisallow: /a\r"
				 "\rAllow: /a/b\r";
	static const char junk[] = "\x01\xff<html>\x00tail\n\nUser-agent: x\n"
				   "Disallow: /a\x00junk\n"
				   "\x80\x81: \x82\n";
	static const char pathological[] =
		"User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b$\n";
	struct robots *r;
	struct robots_stats st;
	struct buf path = BUF_INIT;

	(void)state;
	parse_check(cr, sizeof(cr) - 1, "/a/c", "/a/b", &st);
	assert_int_equal(st.lines, 4);
	parse_check(junk, sizeof(junk) - 1, "/a", "/b", &st);
	assert_int_equal(st.unknown, 2);

	r = robots_parse(pathological, sizeof(pathological) - 1, "x");
	while (path.len < 4000)
		buf_addc(&path, path.len == 0 ? '/' : 'a');
	assert_true(robots_allowed(r, path.p));
	buf_addc(&path, 'b');
	assert_false(robots_allowed(r, path.p));
	robots_free(r);
	buf_release(&path);

	r = robots_parse(NULL, 0, NULL);
	assert_true(robots_allowed(r, NULL));
	robots_free(r);
}

static void
test_percent_hex_case(void **state)
{
	static const char txt[] = "User-agent: *\nDisallow: /caf%c3%a9\n";
	struct robots *r;

	(void)state;
	r = robots_parse(txt, sizeof(txt) - 1, "x");
	assert_false(robots_allowed(r, "/caf%C3%A9/menu"));
	assert_false(robots_allowed(r, "/caf%c3%a9/menu"));
	assert_true(robots_allowed(r, "/cafe"));
	robots_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conformance_table),
		cmocka_unit_test(test_aux_table),
		cmocka_unit_test(test_crawl_delay_and_sitemaps),
		cmocka_unit_test(test_status_policy),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_junk_and_line_ends),
		cmocka_unit_test(test_percent_hex_case),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
