/* test_sources.c -- sources.conf: a valid fixture, the shipped
 * data/sources.conf, each kind of error with FILE:LINE, host lookup and
 * the include/exclude patterns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/sources.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <stdlib.h>
#include <string.h>

/* Loads the sources file at `rel` in the source tree into *s; fails the
 * test on any error. */
static void
load(struct sources *s, const char *rel)
{
	const char *dir = getenv("PT_SOURCE_DIR");
	struct buf path = BUF_INIT, err = BUF_INIT;

	assert_non_null(dir);
	buf_addf(&path, "%s/%s", dir, rel);
	sources_init(s);
	if (sources_load(s, path.p, &err) != 0)
		fail_msg("%s", err.p);
	assert_int_equal(err.len, 0);
	buf_release(&path);
	buf_release(&err);
}

static void
test_valid_fixture(void **state)
{
	struct sources s;
	const struct source_outlet *o;

	(void)state;
	load(&s, "tests/fixtures/sources/valid.conf");
	assert_int_equal(s.n, 2);
	o = &s.outlets[0];
	assert_string_equal(o->name, "The Daily Clapboard");
	assert_int_equal(o->line, 3);
	assert_int_equal(o->hosts.n, 2);
	assert_string_equal(o->hosts.v[0], "news.example.com");
	assert_string_equal(o->hosts.v[1], "clapboard.example.org");
	assert_null(o->hosts.v[2]);
	assert_int_equal(o->feeds.n, 2);
	assert_string_equal(o->feeds.v[0], "https://news.example.com/feed/");
	assert_string_equal(o->feeds.v[1], "https://news.example.com/feed/"
					   "#fragment-kept-as-written");
	assert_int_equal(o->sitemaps.n, 1);
	assert_int_equal(o->includes.n, 2);
	assert_string_equal(o->includes.v[1], "/story/*.html$");
	assert_int_equal(o->excludes.n, 1);
	assert_true(o->delay == 2.5);
	o = &s.outlets[1];
	assert_string_equal(o->name, "Backlot Weekly");
	assert_int_equal(o->line, 14);
	assert_int_equal(o->feeds.n, 0);
	assert_string_equal(o->sitemaps.v[0],
			    "http://trade.example.org/sitemap_index.xml.gz");
	assert_true(o->delay < 0);

	assert_ptr_equal(sources_find_host(&s, "news.example.com"),
			 &s.outlets[0]);
	assert_ptr_equal(sources_find_host(&s, "WWW.Clapboard.Example.ORG."),
			 &s.outlets[0]);
	assert_ptr_equal(sources_find_host(&s, "trade.example.org"),
			 &s.outlets[1]);
	assert_null(sources_find_host(&s, "xtrade.example.org"));
	assert_null(sources_find_host(&s, "example.org"));
	assert_null(sources_find_host(&s, NULL));

	o = &s.outlets[0];
	assert_true(sources_is_article(o, "https://news.example.com/2026/03/x/"));
	assert_false(sources_is_article(o, "https://news.example.com/about/"));
	assert_false(sources_is_article(o,
		"https://news.example.com/2026/video/clip/"));
	assert_true(sources_is_article(o,
		"https://news.example.com/a/story/b/c.html"));
	assert_false(sources_is_article(o,
		"https://news.example.com/a/story/b/c.html?x"));
	assert_false(sources_is_article(o, "not a url"));
	/* no includes: everything is an article */
	assert_true(sources_is_article(&s.outlets[1],
				       "http://trade.example.org/anything"));
	sources_release(&s);
	sources_release(&s); /* released twice is fine */
}

static void
test_shipped_file(void **state)
{
	static const char *const names[] = {
		"Variety", "Deadline", "The Hollywood Reporter", "IndieWire",
		"TheWrap", "Screen Daily",
	};
	struct sources s;
	size_t i;

	(void)state;
	load(&s, "data/sources.conf");
	assert_int_equal(s.n, 6);
	for (i = 0; i < 6; i++) {
		assert_string_equal(s.outlets[i].name, names[i]);
		assert_true(s.outlets[i].feeds.n + s.outlets[i].sitemaps.n > 0);
	}
	assert_ptr_equal(sources_find_host(&s, "www.hollywoodreporter.com"),
			 &s.outlets[2]);
	assert_true(sources_is_article(&s.outlets[0],
		"https://variety.com/2026/film/news/some-story-1236000000/"));
	assert_false(sources_is_article(&s.outlets[0],
		"https://variety.com/video/some-clip/"));
	assert_true(sources_is_article(&s.outlets[5],
		"https://www.screendaily.com/news/a-story/5200000.article"));
	assert_false(sources_is_article(&s.outlets[5],
		"https://www.screendaily.com/news/"));
	sources_release(&s);
}

static void
test_errors(void **state)
{
	static const struct {
		const char *text;
		const char *msg;
	} t[] = {
		{ "", "s.conf:1: expected at least one '[outlet NAME]' block" },
		{ "# only\n\n", "s.conf:2: expected at least one '[outlet NAME]' "
				"block" },
		{ "host = a.example\n", "s.conf:1: expected '[outlet NAME]' "
					"before 'host'" },
		{ "[outlet A]\nhost = a.example\nfeed = https://a.example/f\n"
		  "just words\n",
		  "s.conf:4: expected 'key = value' or '[outlet NAME]'" },
		{ "[outlet A\n", "s.conf:1: expected ']' at the end of the "
				 "section header" },
		{ "[site A]\n", "s.conf:1: expected '[outlet NAME]'" },
		{ "[outletA]\n", "s.conf:1: expected '[outlet NAME]'" },
		{ "[outlet]\n", "s.conf:1: expected an outlet name after "
				"'outlet'" },
		{ "[outlet A]\nhost = a.example\nfeeds = https://a.example/\n",
		  "s.conf:3: expected one of host, feed, sitemap, include, "
		  "exclude, delay; got 'feeds'" },
		{ "[outlet A]\nhost =\n", "s.conf:2: expected a value after "
					  "'host ='" },
		{ "[outlet A]\nhost = https://a.example/\n",
		  "s.conf:2: expected a host name like 'example.com', got "
		  "'https://a.example/'" },
		{ "[outlet A]\nhost = a..example\n",
		  "s.conf:2: expected a host name like 'example.com', got "
		  "'a..example'" },
		{ "[outlet A]\nhost = a.example\nfeed = ftp://a.example/f\n",
		  "s.conf:3: expected an http or https URL after 'feed =', got "
		  "'ftp://a.example/f'" },
		{ "[outlet A]\nhost = a.example\nsitemap = a.example/s.xml\n",
		  "s.conf:3: expected an http or https URL after 'sitemap =', "
		  "got 'a.example/s.xml'" },
		{ "[outlet A]\nhost = a.example\nfeed = https://a.example/f\n"
		  "include = /a b/\n",
		  "s.conf:4: expected a pattern without spaces, got '/a b/'" },
		{ "[outlet A]\nhost = a.example\nfeed = https://a.example/f\n"
		  "delay = soon\n",
		  "s.conf:4: expected a number of seconds (0 to 3600), got "
		  "'soon'" },
		{ "[outlet A]\nhost = a.example\nfeed = https://a.example/f\n"
		  "delay = 7200\n",
		  "s.conf:4: expected a number of seconds (0 to 3600), got "
		  "'7200'" },
		{ "[outlet A]\nhost = a.example\nfeed = https://a.example/f\n"
		  "delay = 1\ndelay = 2\n",
		  "s.conf:5: expected one 'delay' per outlet" },
		{ "[outlet A]\nfeed = https://a.example/f\n[outlet B]\n",
		  "s.conf:1: expected a 'host' line in outlet 'A'" },
		{ "[outlet A]\nhost = a.example\n",
		  "s.conf:1: expected a 'feed' or 'sitemap' line in outlet 'A'" },
		{ "[outlet A]\nhost = a.example\nfeed = https://a.example/f\n"
		  "\n[outlet a]\n",
		  "s.conf:5: expected a new outlet name; 'a' is already defined "
		  "at line 1" },
		{ "[outlet A]\nhost = a.example\n\x00\n",
		  "s.conf:3: expected text, got a NUL byte" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct sources s;
		struct buf err = BUF_INIT;
		size_t len = strlen(t[i].text);

		if (strstr(t[i].msg, "NUL"))
			len += 2; /* the "\x00\n" tail */
		sources_init(&s);
		assert_int_equal(sources_parse(&s, t[i].text, len, "s.conf",
					       &err), PT_EPARSE);
		if (strcmp(err.p, t[i].msg) != 0)
			fail_msg("case %zu: got \"%s\"", i, err.p);
		assert_int_equal(s.n, 0);
		assert_null(s.outlets);
		buf_release(&err);
	}
}

static void
test_load_missing(void **state)
{
	struct sources s;
	struct buf err = BUF_INIT;

	(void)state;
	sources_init(&s);
	assert_int_equal(sources_load(&s, "/nonexistent/sources.conf", &err),
			 PT_ENOENT);
	assert_non_null(strstr(err.p, "/nonexistent/sources.conf"));
	buf_release(&err);
}

static void
test_patterns(void **state)
{
	static const struct {
		const char *pat, *pq;
		int want;
	} t[] = {
		{ "/video/", "/2026/video/x", 1 },
		{ "/video/", "/videos/x", 0 },
		{ "^/20*/", "/2026/03/x", 1 },
		{ "^/20*/", "/x/2026/03/", 0 },
		{ "^/20*/", "/2026", 0 },
		{ ".article$", "/news/a/52.article", 1 },
		{ ".article$", "/news/a/52.article?x=1", 0 },
		{ "^/news/$", "/news/", 1 },
		{ "^/news/$", "/news/x", 0 },
		{ "a*b*c", "xxaxxbxxcxx", 1 },
		{ "a*b*c", "xxaxxcxxbxx", 0 },
		{ "*", "", 1 },
		{ "", "/anything", 1 },
		{ "?page=", "/list?page=2", 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (sources_pattern_match(t[i].pat, t[i].pq) != t[i].want)
			fail_msg("pattern '%s' on '%s': want %d", t[i].pat,
				 t[i].pq, t[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_fixture),
		cmocka_unit_test(test_shipped_file),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_load_missing),
		cmocka_unit_test(test_patterns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
