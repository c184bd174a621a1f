/* test_links.c -- links_extract(): <a>/<area> hrefs resolved against the
 * page URL or its <base href>, canonicalized, non-http(s) skipped, broken
 * markup recovered, the walk stopped by the callback. */
#include "crawler/base/buf.h"
#include "crawler/links.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <cmocka.h>

struct got {
	struct buf all;  /* links, one per line */
	int stop_after;  /* stop when this many were seen (0 = never) */
	int n;
};

static int
collect(void *ctx, const char *url)
{
	struct got *g = ctx;

	buf_addf(&g->all, "%s\n", url);
	g->n++;
	return g->stop_after && g->n >= g->stop_after ? 7 : 0;
}

static void
check(const char *html, const char *base, const char *want, long want_rc)
{
	struct got g = { BUF_INIT, 0, 0 };
	long rc = links_extract(html, strlen(html), base, collect, &g);

	assert_string_equal(g.all.p, want);
	assert_int_equal(rc, want_rc);
	buf_release(&g.all);
}

static void
test_resolve(void **state)
{
	(void)state;
	check("<html><body><a href=\"/a\">a</a> <A HREF='b?utm_source=x&k=1'>"
	      "b</A><a href=\"#top\">top</a><a>no href</a>"
	      "<a href=\"mailto:x@example.invalid\">m</a>"
	      "<a href=\"javascript:void(0)\">j</a>"
	      "<map><area href=\"https://Other.Example/c#f\"></map>"
	      "<a href=\"//cdn.example/d\">d</a></body></html>",
	      "http://news.example/dir/page.html",
	      "http://news.example/a\n"
	      "http://news.example/dir/b?k=1\n"
	      "http://news.example/dir/page.html\n"
	      "https://other.example/c\n"
	      "http://cdn.example/d\n", 5);
}

static void
test_base(void **state)
{
	(void)state;
	/* The first <base href> wins, and is itself resolved. */
	check("<html><head><base href=\"/sub/\"><base href=\"/other/\">"
	      "</head><body><a href=\"x\">x</a></body></html>",
	      "http://news.example/a/b", "http://news.example/sub/x\n", 1);
}

static void
test_broken_and_stop(void **state)
{
	struct got g = { BUF_INIT, 2, 0 };
	const char *html = "<p><a href=/1>1<a href=/2><b>2</p><a href=/3>"
			   "<div><a href=/4";

	(void)state;
	check(html, "http://h.example/", "http://h.example/1\n"
	      "http://h.example/2\nhttp://h.example/3\nhttp://h.example/4\n",
	      4);
	assert_int_equal(links_extract(html, strlen(html), "http://h.example/",
				       collect, &g), 7);
	assert_int_equal(g.n, 2);
	buf_release(&g.all);
	/* Relative links without a base are skipped; empty input. */
	check("<a href=\"rel\">r</a>", NULL, "", 0);
	check("", "http://h.example/", "", 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_base),
		cmocka_unit_test(test_broken_and_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
