/* test_seen.c -- the crawl's set of known URLs: what was added is found
 * after the table grew, what was not is not, adding twice counts once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/seen.h"

#include <stdio.h>

static void
test_seen(void **state)
{
	struct seen s;
	/* Near misses of each URL added: another path, scheme or a trailing
	 * byte. */
	static const char *const miss[] = {
		"https://news.example/b/%u.html",
		"http://news.example/a/%u.html",
		"https://news.example/a/%u.html?",
	};
	char url[96];
	unsigned int i;
	size_t j;

	(void)state;
	seen_init(&s);
	assert_false(seen_has(&s, "https://example.org/"));
	for (i = 0; i < 50000; i++) {
		snprintf(url, sizeof(url), "https://news.example/a/%u.html",
			 i);
		seen_add(&s, url);
	}
	seen_add(&s, "https://news.example/a/7.html");
	assert_int_equal(s.n, 50000);
	assert_true(s.cap >= 2 * s.n);
	for (i = 0; i < 50000; i++) {
		snprintf(url, sizeof(url), "https://news.example/a/%u.html",
			 i);
		assert_true(seen_has(&s, url));
		for (j = 0; j < sizeof(miss) / sizeof(*miss); j++) {
			snprintf(url, sizeof(url), miss[j], i);
			assert_false(seen_has(&s, url));
		}
	}
	assert_false(seen_has(&s, ""));
	seen_release(&s);
	assert_false(seen_has(&s, "https://news.example/a/7.html"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
