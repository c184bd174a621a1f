/* test_url.c -- url_canonicalize, url_host_key, url_path_query, url_host
 * and the address classes, from tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/url.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

static const struct {
	const char *url;
	const char *base; /* NULL = absolute */
	int rc;
	const char *want; /* canonical form when rc == 0 */
} canon[] = {
	/* case, default port, empty path */
	{ "HTTP://Example.COM", NULL, 0, "http://example.com/" },
	{ "https://EXAMPLE.com:443/A/b", NULL, 0, "https://example.com/A/b" },
	{ "http://example.com:80/", NULL, 0, "http://example.com/" },
	{ "http://example.com:8080/", NULL, 0, "http://example.com:8080/" },
	{ "https://example.com:80/", NULL, 0, "https://example.com:80/" },
	{ "http://example.com./x", NULL, 0, "http://example.com/x" },
	{ "  http://example.com/a\tb\n  ", NULL, 0, "http://example.com/ab" },
	/* dot segments */
	{ "http://example.com/a/./b/../c", NULL, 0, "http://example.com/a/c" },
	{ "http://example.com/a/%2E%2E/b", NULL, 0, "http://example.com/b" },
	{ "http://example.com/../../x", NULL, 0, "http://example.com/x" },
	/* percent-encoding */
	{ "http://example.com/%7euser/%41%62c", NULL, 0,
	  "http://example.com/~user/Abc" },
	{ "http://example.com/a%2fb%3a", NULL, 0, "http://example.com/a%2Fb%3A" },
	{ "http://example.com/caf\xc3\xa9 menu", NULL, 0,
	  "http://example.com/caf%C3%A9%20menu" },
	{ "http://example.com/100%", NULL, 0, "http://example.com/100%25" },
	{ "http://example.com/a?q=%7b%22x%22%7d", NULL, 0,
	  "http://example.com/a?q=%7B%22x%22%7D" },
	/* fragment */
	{ "http://example.com/a#top", NULL, 0, "http://example.com/a" },
	{ "http://example.com/a?b=1#c?d", NULL, 0, "http://example.com/a?b=1" },
	/* tracking parameters */
	{ "https://example.com/n?utm_source=x&id=3&UTM_Medium=y&fbclid=z", NULL,
	  0, "https://example.com/n?id=3" },
	{ "https://example.com/n?gclid=1&mc_cid=2&mc_eid=3&igshid=4", NULL, 0,
	  "https://example.com/n" },
	{ "https://example.com/n?b=2&a=1&&utm_x=&c", NULL, 0,
	  "https://example.com/n?b=2&a=1&c" },
	{ "https://example.com/n?utmost=1&fbclidx=2", NULL, 0,
	  "https://example.com/n?utmost=1&fbclidx=2" },
	{ "https://example.com/n?", NULL, 0, "https://example.com/n" },
	/* userinfo is dropped */
	{ "https://user:pw@example.com/", NULL, 0, "https://example.com/" },
	/* IDN (kept in UTF-8, see url.c) and IP literals */
	{ "https://B\xc3\xbc" "cher.example/", NULL, 0,
	  "https://b\xc3\xbc" "cher.example/" },
	{ "http://[::1]:8080/x", NULL, 0, "http://[::1]:8080/x" },
	{ "http://127.0.0.1/", NULL, 0, "http://127.0.0.1/" },
	/* resolution */
	{ "../c/d?x=1#f", "https://example.com/a/b/e.html", 0,
	  "https://example.com/a/c/d?x=1" },
	{ "/root", "https://example.com/a/b", 0, "https://example.com/root" },
	{ "//cdn.example.org/x", "https://example.com/a", 0,
	  "https://cdn.example.org/x" },
	{ "?page=2", "https://example.com/list?page=1", 0,
	  "https://example.com/list?page=2" },
	{ "#frag", "https://example.com/a", 0, "https://example.com/a" },
	{ "", "https://example.com/a?b", 0, "https://example.com/a?b" },
	{ "http://other.example/x", "https://example.com/a", 0,
	  "http://other.example/x" },
	/* refused */
	{ "mailto:someone@example.com", NULL, PT_EUNSUP, NULL },
	{ "javascript:void(0)", "https://example.com/", PT_EUNSUP, NULL },
	{ "ftp://example.com/file", NULL, PT_EUNSUP, NULL },
	{ "data:text/html,hi", NULL, PT_EUNSUP, NULL },
	{ "x", "ftp://example.com/", PT_EUNSUP, NULL },
	{ "/relative/only", NULL, PT_EPARSE, NULL },
	{ "http://", NULL, PT_EPARSE, NULL },
	{ "http://exa mple.com/", NULL, PT_EPARSE, NULL },
	{ "", NULL, PT_EPARSE, NULL },
};

static void
test_canonicalize_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(canon) / sizeof(canon[0]); i++) {
		struct buf out = BUF_INIT, err = BUF_INIT;
		int rc;

		buf_adds(&out, "keep:");
		rc = url_canonicalize(canon[i].url, canon[i].base, &out, &err);
		if (rc != canon[i].rc)
			fail_msg("case %zu '%s': rc %d, want %d (%s)", i,
				 canon[i].url, rc, canon[i].rc, err.p);
		if (rc == 0) {
			assert_string_equal(out.p + 5, canon[i].want);
			assert_int_equal(err.len, 0);
			/* canonical form is a fixed point */
			buf_reset(&err);
			buf_reset(&out);
			assert_int_equal(url_canonicalize(canon[i].want, NULL,
							  &out, &err), 0);
			assert_string_equal(out.p, canon[i].want);
		} else {
			assert_string_equal(out.p, "keep:");
			assert_true(err.len > 0);
		}
		buf_release(&out);
		buf_release(&err);
	}
}

static void
test_error_message_and_caps(void **state)
{
	struct buf out, err = BUF_INIT, big = BUF_INIT;

	(void)state;
	buf_init(&out, 0);
	assert_int_equal(url_canonicalize("gopher://x/", NULL, &out, &err),
			 PT_EUNSUP);
	assert_string_equal(err.p, "unsupported url scheme in 'gopher://x/'");
	buf_reset(&err);
	buf_adds(&big, "http://example.com/");
	while (big.len <= URL_MAX_LEN)
		buf_addc(&big, 'a');
	assert_int_equal(url_canonicalize(big.p, NULL, &out, &err),
			 PT_ETOOBIG);
	buf_release(&out);
	buf_init(&out, 10);
	assert_int_equal(url_canonicalize("http://example.com/long-enough",
					  NULL, &out, NULL), PT_ETOOBIG);
	assert_int_equal(out.len, 0);
	buf_release(&out);
	buf_release(&err);
	buf_release(&big);
}

static void
test_host_key_path_query(void **state)
{
	static const struct {
		const char *url, *key, *pq, *host;
	} t[] = {
		{ "https://Example.com/a?b#c", "https://example.com:443", "/a?b",
		  "example.com" },
		{ "http://example.com", "http://example.com:80", "/",
		  "example.com" },
		{ "http://example.com:8080/x/y?", "http://example.com:8080",
		  "/x/y?", "example.com" },
		{ "http://[2001:db8::1]/p", "http://[2001:db8::1]:80", "/p",
		  "[2001:db8::1]" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct buf k = BUF_INIT, p = BUF_INIT, h = BUF_INIT;

		assert_int_equal(url_host_key(t[i].url, &k, NULL), 0);
		assert_string_equal(k.p, t[i].key);
		assert_int_equal(url_path_query(t[i].url, &p, NULL), 0);
		assert_string_equal(p.p, t[i].pq);
		assert_int_equal(url_host(t[i].url, &h, NULL), 0);
		assert_string_equal(h.p, t[i].host);
		buf_release(&k);
		buf_release(&p);
		buf_release(&h);
	}
}

/* url_host_key() and url_host() skip curl's parse for plain URLs: each
 * must give what the parse gives, which the same URL with its scheme in
 * capitals (never taken for plain) still goes through. Near misses of
 * the plain form (numbers curl rewrites as IPv4, empty labels, odd
 * ports, a query or space after the host) go through it too. */
static void
test_host_plain_same_as_parse(void **state)
{
	static const char *const urls[] = {
		"http://example.com/", "https://example.com/a/b?c=d",
		"http://example.com", "https://news.example.org:8443/x",
		"http://127.0.0.1:18915/articles/1.html", "http://10.1.2.3/",
		"http://10.example.com/", "http://a-b.example/", "http://x/",
		"http://127.1/", "http://0x7f.0.0.1/", "http://1.2.3.04/",
		"http://1.2.3.4.5/", "http://256.1.1.1/", "http://2130706433/",
		"http://1.2.3/", "http://a..b/", "http://.a/", "http://a.b./",
		"http://example.com:0/", "http://example.com:065/",
		"http://example.com:65535/", "http://example.com:65536/",
		"http://example.com:/", "http://example.com:99999999/",
		"http://example.com?q", "http://example.com#f",
		"http://example.com/a b", "http://example.com/a\x01",
		"http://Example.com/", "http://ex_ample.com/",
		"http://user@example.com/", "http://[::1]:80/",
		"http://xn--bcher-kva.example/", "http:///x", "http://",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		struct buf a = BUF_INIT, b = BUF_INIT, u = BUF_INIT;
		int ra, rb;

		buf_adds(&u, "HTTP");
		buf_adds(&u, urls[i] + 4);
		ra = url_host_key(urls[i], &a, NULL);
		rb = url_host_key(u.p, &b, NULL);
		if (ra != rb || (ra == 0 && strcmp(a.p, b.p) != 0))
			fail_msg("host key of '%s': %d '%s', parsed %d '%s'",
				 urls[i], ra, a.p, rb, b.p);
		buf_reset(&a);
		buf_reset(&b);
		ra = url_host(urls[i], &a, NULL);
		rb = url_host(u.p, &b, NULL);
		if (ra != rb || (ra == 0 && strcmp(a.p, b.p) != 0))
			fail_msg("host of '%s': %d '%s', parsed %d '%s'",
				 urls[i], ra, a.p, rb, b.p);
		buf_release(&a);
		buf_release(&b);
		buf_release(&u);
	}
}

/* url_canonicalize() skips curl's parse for plain links (a plain URL,
 * or a plain absolute path against a plain base): each must come out as
 * the parse makes it, which the same link with the scheme in capitals
 * (never plain) still gets. Near misses go through the parse too. */
static void
test_canonical_plain_same_as_parse(void **state)
{
	static const char *const bases[] = {
		"http://127.0.0.1:18915/index.html", "https://ex.com:443/a/b",
		"http://ex.com:80/", "https://ex.com:8443/q?x",
	};
	static const char *const links[] = {
		"/articles/1.html", "/a/b.c/d", "/a/.b", "/a/..", "/.", "/",
		"/a//b", "/a b", "/a%41", "/a?x", "/a#f", "/~u/_x-y",
		"http://ex.com", "http://ex.com:80", "https://ex.com:443/x",
		"http://ex.com:8080/a.b", "http://ex.com/a/.b",
		"http://ex.com/a/b..c", "http://ex.com/a.", "http://ex.com/A",
		"https://127.0.0.1/x", "http://127.1/x",
		"http://ex.com/a?utm_source=1", "https://ex.com:0443/",
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		for (j = 0; j < sizeof(links) / sizeof(links[0]); j++) {
			struct buf a = BUF_INIT, b = BUF_INIT, u = BUF_INIT;
			const char *l = links[j], *pb = bases[i];
			int ra, rb;

			ra = url_canonicalize(l, pb, &a, NULL);
			if (l[0] == '/') { /* a capital base scheme */
				buf_adds(&u, "HTTP");
				buf_adds(&u, pb + 4);
				rb = url_canonicalize(l, u.p, &b, NULL);
			} else {
				buf_adds(&u, "HTTP");
				buf_adds(&u, l + 4);
				rb = url_canonicalize(u.p, pb, &b, NULL);
			}
			if (ra != rb || (ra == 0 && strcmp(a.p, b.p) != 0))
				fail_msg("'%s' against '%s': %d '%s', parsed "
					 "%d '%s'", l, pb, ra, a.p, rb, b.p);
			buf_release(&a);
			buf_release(&b);
			buf_release(&u);
		}
	}
}

static void
test_addr_classes(void **state)
{
	static const struct {
		const char *host;
		enum url_addr want;
	} t[] = {
		{ "example.com", URL_ADDR_NAME },
		{ "10.example.com", URL_ADDR_NAME },
		{ "localhost", URL_ADDR_LOOPBACK },
		{ "LOCALHOST.", URL_ADDR_LOOPBACK },
		{ "api.localhost", URL_ADDR_LOOPBACK },
		{ "127.0.0.1", URL_ADDR_LOOPBACK },
		{ "127.255.0.9", URL_ADDR_LOOPBACK },
		{ "10.1.2.3", URL_ADDR_PRIVATE },
		{ "172.16.0.1", URL_ADDR_PRIVATE },
		{ "172.31.255.255", URL_ADDR_PRIVATE },
		{ "172.32.0.1", URL_ADDR_PUBLIC },
		{ "172.15.0.1", URL_ADDR_PUBLIC },
		{ "192.168.1.1", URL_ADDR_PRIVATE },
		{ "100.64.0.1", URL_ADDR_PRIVATE },
		{ "100.128.0.1", URL_ADDR_PUBLIC },
		{ "169.254.169.254", URL_ADDR_LINKLOCAL },
		{ "0.0.0.0", URL_ADDR_OTHER },
		{ "224.0.0.1", URL_ADDR_OTHER },
		{ "255.255.255.255", URL_ADDR_OTHER },
		{ "192.0.2.7", URL_ADDR_OTHER },
		{ "198.19.0.1", URL_ADDR_OTHER },
		{ "198.20.0.1", URL_ADDR_PUBLIC },
		{ "93.184.216.34", URL_ADDR_PUBLIC },
		{ "8.8.8.8", URL_ADDR_PUBLIC },
		{ "::1", URL_ADDR_LOOPBACK },
		{ "[::1]", URL_ADDR_LOOPBACK },
		{ "::", URL_ADDR_OTHER },
		{ "fd12:3456::1", URL_ADDR_PRIVATE },
		{ "fc00::1", URL_ADDR_PRIVATE },
		{ "fe80::1%eth0", URL_ADDR_LINKLOCAL },
		{ "[fe80::abcd]", URL_ADDR_LINKLOCAL },
		{ "febf::1", URL_ADDR_LINKLOCAL },
		{ "fec0::1", URL_ADDR_PRIVATE },
		{ "ff02::1", URL_ADDR_OTHER },
		{ "::ffff:127.0.0.1", URL_ADDR_LOOPBACK },
		{ "::ffff:192.168.0.1", URL_ADDR_PRIVATE },
		{ "::ffff:8.8.8.8", URL_ADDR_PUBLIC },
		{ "64:ff9b::a00:1", URL_ADDR_PRIVATE },
		{ "2001:db8::1", URL_ADDR_OTHER },
		{ "2606:4700::1111", URL_ADDR_PUBLIC },
		{ "1.2.3", URL_ADDR_NAME },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enum url_addr got = url_addr_classify(t[i].host);

		if (got != t[i].want)
			fail_msg("'%s': class %d, want %d", t[i].host, got,
				 t[i].want);
		assert_int_equal(url_is_private_host(t[i].host),
				 t[i].want != URL_ADDR_NAME &&
					 t[i].want != URL_ADDR_PUBLIC);
	}
	assert_int_equal(url_addr_classify(NULL), URL_ADDR_NAME);
}

static void
test_addr_sockaddr(void **state)
{
	struct sockaddr_in s4;
	struct sockaddr_in6 s6;
	struct sockaddr other;

	(void)state;
	memset(&s4, 0, sizeof(s4));
	s4.sin_family = AF_INET;
	inet_pton(AF_INET, "192.168.3.4", &s4.sin_addr);
	assert_int_equal(url_addr_classify_sa((struct sockaddr *)&s4),
			 URL_ADDR_PRIVATE);
	inet_pton(AF_INET, "203.0.114.1", &s4.sin_addr);
	assert_int_equal(url_addr_classify_sa((struct sockaddr *)&s4),
			 URL_ADDR_PUBLIC);
	memset(&s6, 0, sizeof(s6));
	s6.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "::1", &s6.sin6_addr);
	assert_int_equal(url_addr_classify_sa((struct sockaddr *)&s6),
			 URL_ADDR_LOOPBACK);
	memset(&other, 0, sizeof(other));
	other.sa_family = AF_UNIX;
	assert_int_equal(url_addr_classify_sa(&other), URL_ADDR_OTHER);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonicalize_table),
		cmocka_unit_test(test_error_message_and_caps),
		cmocka_unit_test(test_host_key_path_query),
		cmocka_unit_test(test_host_plain_same_as_parse),
		cmocka_unit_test(test_canonical_plain_same_as_parse),
		cmocka_unit_test(test_addr_classes),
		cmocka_unit_test(test_addr_sockaddr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
