/* url.c -- canonical http(s) URLs with libcurl's URL API (curl >= 7.88).
 *
 * Spec: RFC 3986 §5.2 (resolution, via CURLU), §6.2.2 (syntax-based
 * normalization: case, percent-encoding, dot segments), §6.2.3 (scheme
 * based: default port, empty path). Address classes: RFC 6890 (special
 * purpose registries), RFC 4193 (ULA), RFC 4291 (link-local, mapped),
 * RFC 6052 (NAT64 prefix), RFC 6761 (.localhost).
 *
 * Non-goals: WHATWG URL parsing quirks beyond stripping whitespace,
 * sorting query parameters, dropping "index.html" or "www." (they can
 * name different resources), decoding '+' in queries.
 */
#include "crawler/base/url.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/hex.h"
#include "crawler/base/sv.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* Query parameters that only track the reader; matched case-insensitively
 * on the whole key, or on the prefix for entries ending in '*'. */
static const char *const tracking_params[] = {
	"utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
	"mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi", "mkt_tok",
	"_ga", "_gl",
};

static int
is_unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	       c == '~';
}

/* Percent-encoding as url.h describes it: escapes of unreserved
 * characters decoded, spaces, controls, non-ASCII and " < > \ ^ ` { | }
 * encoded. */
static int
url_keep_raw(unsigned char c, int escaped)
{
	if (escaped)
		return is_unreserved(c);
	return !(c <= 0x20 || c >= 0x7F || c == '%' ||
		 strchr("\"<>\\^`{|}", c));
}

/* Appends s[0..n) with percent-encoding normalized (see url.h). */
static int
pct_normalize(const char *s, size_t n, struct buf *out)
{
	return hex_pct_normalize(s, n, url_keep_raw, out);
}

static int
is_tracking(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(tracking_params) / sizeof(tracking_params[0]);
	     i++) {
		const char *t = tracking_params[i];
		size_t tl = strlen(t);

		if (t[tl - 1] == '*') {
			if (n >= tl - 1 && strncasecmp(key, t, tl - 1) == 0)
				return 1;
		} else if (n == tl && strncasecmp(key, t, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Appends the query `q` without tracking parameters and empty parts,
 * normalized. */
static int
query_filter(const char *q, struct buf *out)
{
	size_t start = out->len;
	int rc = 0;

	while (*q && rc == 0) {
		size_t n = strcspn(q, "&");
		size_t kl = strcspn(q, "=");

		if (kl > n)
			kl = n;
		if (n > 0 && !is_tracking(q, kl)) {
			if (out->len > start)
				rc = buf_addc(out, '&');
			if (rc == 0)
				rc = pct_normalize(q, n, out);
		}
		q += n;
		if (*q == '&')
			q++;
	}
	return rc;
}

/* Length of the scheme of `s` ("http" in "http://"), 0 when none. */
static size_t
scheme_len(const char *s)
{
	size_t i = 0;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; s[i]; i++) {
		char c = s[i];

		if (c == ':')
			return i;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '+' || c == '-' ||
		      c == '.'))
			return 0;
	}
	return 0;
}

static int
scheme_ok(const char *s, size_t n)
{
	return (n == 4 && strncasecmp(s, "http", 4) == 0) ||
	       (n == 5 && strncasecmp(s, "https", 5) == 0);
}

/* Copies `url` without leading/trailing spaces and controls and without
 * inner tabs and line breaks (as browsers do). */
static void
clean_input(const char *url, struct buf *out)
{
	size_t n = strlen(url), i, a = 0;

	while (a < n && (unsigned char)url[a] <= 0x20)
		a++;
	while (n > a && (unsigned char)url[n - 1] <= 0x20)
		n--;
	for (i = a; i < n; i++)
		if (url[i] != '\t' && url[i] != '\r' && url[i] != '\n')
			buf_addc(out, url[i]);
}

static int
fail(struct buf *err, int code, const char *what, const char *url)
{
	if (err)
		buf_addf(err, "%s '%.200s%s'", what, url,
			 strlen(url) > 200 ? "..." : "");
	return code;
}

/* Parses `url` (resolved against `base`) into a new handle *hp. */
static int
parse_http(const char *url, const char *base, CURLU **hp, struct buf *err)
{
	struct buf u = BUF_INIT, b = BUF_INIT;
	CURLU *h;
	CURLUcode uc;
	char *scheme = NULL;
	size_t sl;
	int rc = 0;
	const unsigned int flags = CURLU_ALLOW_SPACE;

	*hp = NULL;
	if (!url)
		return fail(err, PT_EINVAL, "no url", "");
	if (strlen(url) > URL_MAX_LEN || (base && strlen(base) > URL_MAX_LEN))
		return fail(err, PT_ETOOBIG, "url too long", url);
	clean_input(url, &u);
	sl = scheme_len(u.p);
	if (sl && !scheme_ok(u.p, sl)) {
		rc = fail(err, PT_EUNSUP, "unsupported url scheme in", url);
		goto out;
	}
	h = curl_url();
	if (!h)
		pt_xmalloc((size_t)-1); /* curl_url() fails only on OOM */
	if (base && !sl) {
		clean_input(base, &b);
		sl = scheme_len(b.p);
		if (!sl || !scheme_ok(b.p, sl)) {
			curl_url_cleanup(h);
			rc = fail(err, sl ? PT_EUNSUP : PT_EPARSE,
				  "cannot resolve against base", base);
			goto out;
		}
		uc = curl_url_set(h, CURLUPART_URL, b.p, flags);
		if (uc != CURLUE_OK) {
			curl_url_cleanup(h);
			rc = fail(err, PT_EPARSE, "malformed base url", base);
			goto out;
		}
	}
	/* "" and "#frag" name the base itself (curl 7.88 gets "#f" wrong) */
	if (base && (u.len == 0 || u.p[0] == '#'))
		uc = CURLUE_OK;
	else
		uc = curl_url_set(h, CURLUPART_URL, u.p, flags);
	if (uc != CURLUE_OK) {
		curl_url_cleanup(h);
		rc = fail(err, PT_EPARSE, "malformed url", url);
		goto out;
	}
	/* after resolution: still http(s)? */
	if (curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    !scheme_ok(scheme, strlen(scheme))) {
		curl_free(scheme);
		curl_url_cleanup(h);
		rc = fail(err, PT_EUNSUP, "unsupported url scheme in", url);
		goto out;
	}
	curl_free(scheme);
	*hp = h;
out:
	buf_release(&u);
	buf_release(&b);
	return rc;
}

/* Gets the host, ASCII-lowercased, without a trailing dot.
 * NEEDSWORK: IDN hosts stay in UTF-8. CURLU_PUNYCODE in curl 7.88 converts
 * only under a UTF-8 LC_CTYPE, which would make the canonical form depend
 * on the locale; curl converts the name itself when fetching. */
static int
get_host(CURLU *h, struct buf *out)
{
	char *host = NULL;
	size_t i, n;

	if (curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		return PT_EPARSE;
	n = strlen(host);
	if (n > 1 && host[n - 1] == '.')
		n--;
	if (n == 0) {
		curl_free(host);
		return PT_EPARSE;
	}
	for (i = 0; i < n; i++) {
		char c = host[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf_addc(out, c);
	}
	curl_free(host);
	return 0;
}

static int
build_canonical(CURLU *h, struct buf *out)
{
	char *scheme = NULL, *port = NULL, *path = NULL, *query = NULL;
	int rc;

	curl_url_get(h, CURLUPART_SCHEME, &scheme, 0);
	rc = buf_adds(out, scheme);
	if (rc == 0)
		rc = buf_adds(out, "://");
	if (rc == 0 && get_host(h, out) != 0)
		rc = PT_EPARSE;
	if (rc == 0 && curl_url_get(h, CURLUPART_PORT, &port,
				    CURLU_NO_DEFAULT_PORT) == CURLUE_OK)
		rc = buf_addf(out, ":%s", port);
	if (rc == 0 && curl_url_get(h, CURLUPART_PATH, &path, 0) == CURLUE_OK &&
	    path[0])
		rc = pct_normalize(path, strlen(path), out);
	else if (rc == 0)
		rc = buf_addc(out, '/');
	if (rc == 0 && curl_url_get(h, CURLUPART_QUERY, &query, 0) ==
			       CURLUE_OK) {
		size_t mark = out->len;

		rc = buf_addc(out, '?');
		if (rc == 0)
			rc = query_filter(query, out);
		if (rc == 0 && out->len == mark + 1)
			buf_truncate(out, mark);
	}
	curl_free(scheme);
	curl_free(port);
	curl_free(path);
	curl_free(query);
	return rc;
}

static int plain_url(const char *url, struct sv *scheme, struct sv *host,
		     struct sv *port);

/* 1 when path p (to its end) is one url_canonicalize() keeps as it is:
 * '/' and then letters, digits, '-', '_', '~', '/' and '.' not at the
 * start of a segment (no dot segment, nothing to decode or encode, no
 * query or fragment). */
static int
plain_path(const char *p)
{
	const char *s = p;

	if (*p != '/')
		return 0;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '~' || c == '/')
			continue;
		if (c == '.' && p[-1] != '/')
			continue;
		return 0;
	}
	return (size_t)(p - s) <= URL_MAX_LEN;
}

/* The canonical form of the commonest links without curl's parse: a
 * plain URL (see plain_url()) with a plain path or none, or a plain
 * absolute path against a plain base URL. Appends it to out and returns
 * 1 (PT_ETOOBIG past out's cap), or returns 0: parse it. For these
 * inputs the parse gives the same (checked on the links of real pages),
 * and a crawl canonicalizes every link of every hub it reads. */
static int
canonical_plain(const char *url, const char *base, struct buf *out,
		int *rc)
{
	struct sv sc, h, pt;
	const char *path;

	if (strlen(url) > URL_MAX_LEN || (base && strlen(base) > URL_MAX_LEN))
		return 0; /* the parse says why */
	if (url[0] == '/' && url[1] != '/') {
		if (!base || !plain_path(url) ||
		    !plain_url(base, &sc, &h, &pt))
			return 0;
		path = url;
	} else if (plain_url(url, &sc, &h, &pt)) {
		path = h.p + h.len + (pt.len ? pt.len + 1 : 0);
		if (*path && !plain_path(path))
			return 0;
	} else {
		return 0;
	}
	if (pt.len && ((sc.len == 4 && sv_eq(pt, "80")) ||
		       (sc.len == 5 && sv_eq(pt, "443"))))
		pt.len = 0; /* the default port */
	*rc = buf_addf(out, "%.*s://%.*s%s%.*s%s", (int)sc.len, sc.p,
		       (int)h.len, h.p, pt.len ? ":" : "", (int)pt.len, pt.p,
		       *path ? path : "/");
	return 1;
}

int
url_canonicalize(const char *url, const char *base, struct buf *out,
		 struct buf *err)
{
	CURLU *h, *h2;
	struct buf tmp;
	char *again = NULL;
	int rc;

	if (url && canonical_plain(url, base, out, &rc))
		return rc ? fail(err, rc, "url too long", url) : 0;
	rc = parse_http(url, base, &h, err);
	if (rc)
		return rc;
	buf_init(&tmp, URL_MAX_LEN);
	rc = build_canonical(h, &tmp);
	curl_url_cleanup(h);
	if (rc == PT_ETOOBIG) {
		buf_release(&tmp);
		return fail(err, rc, "url too long", url);
	}
	if (rc) {
		buf_release(&tmp);
		return fail(err, rc, "malformed url", url);
	}
	/* Decoding %2E may have made new dot segments: let curl remove
	 * them by parsing the result once more. Without "/." there is no
	 * dot segment, and the second parse gives the URL back as it is. */
	if (!strstr(tmp.p, "/.")) {
		rc = buf_add(out, tmp.p, tmp.len);
		buf_release(&tmp);
		return rc ? fail(err, rc, "url too long", url) : 0;
	}
	h2 = curl_url();
	if (!h2)
		pt_xmalloc((size_t)-1);
	if (curl_url_set(h2, CURLUPART_URL, tmp.p, 0) != CURLUE_OK ||
	    curl_url_get(h2, CURLUPART_URL, &again, 0) != CURLUE_OK) {
		curl_url_cleanup(h2);
		buf_release(&tmp);
		return fail(err, PT_EPARSE, "malformed url", url);
	}
	curl_url_cleanup(h2);
	rc = buf_adds(out, again);
	curl_free(again);
	buf_release(&tmp);
	if (rc)
		return fail(err, rc, "url too long", url);
	return 0;
}

/* Parses http(s) `url` and appends what `emit` makes of it. On error
 * `out` is as it was and `err` names the URL. */
static int
url_part(const char *url, struct buf *out, struct buf *err,
	 int (*emit)(CURLU *h, struct buf *out))
{
	CURLU *h;
	size_t mark = out->len;
	int rc;

	rc = parse_http(url, NULL, &h, err);
	if (rc)
		return rc;
	rc = emit(h, out);
	curl_url_cleanup(h);
	if (rc) {
		buf_truncate(out, mark);
		return fail(err, rc, rc == PT_ETOOBIG ? "url too long" :
			    "malformed url", url);
	}
	return 0;
}

static int
emit_host_key(CURLU *h, struct buf *out)
{
	char *scheme = NULL, *port = NULL;
	int rc;

	curl_url_get(h, CURLUPART_SCHEME, &scheme, 0);
	curl_url_get(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	rc = buf_addf(out, "%s://", scheme);
	if (rc == 0 && get_host(h, out) != 0)
		rc = PT_EPARSE;
	if (rc == 0)
		rc = buf_addf(out, ":%s", port ? port : "");
	curl_free(scheme);
	curl_free(port);
	return rc;
}

static int
emit_path_query(CURLU *h, struct buf *out)
{
	char *path = NULL, *query = NULL;
	int rc;

	curl_url_get(h, CURLUPART_PATH, &path, 0);
	curl_url_get(h, CURLUPART_QUERY, &query, 0);
	rc = buf_adds(out, path && path[0] ? path : "/");
	if (rc == 0 && query)
		rc = buf_addf(out, "?%s", query);
	curl_free(path);
	curl_free(query);
	return rc;
}

/* ---- The host of a plain URL without a parse. */

/* A plain IPv4 address: four decimal numbers 0..255 without leading
 * zeros (curl would rewrite "127.1" or "0x7f.0.0.1"). */
static int
plain_ipv4(const char *h, size_t n)
{
	size_t i = 0, parts = 0;

	while (i < n) {
		size_t d = 0;
		unsigned int v = 0;

		while (i + d < n && h[i + d] >= '0' && h[i + d] <= '9' &&
		       d < 4)
			v = v * 10 + (unsigned int)(h[i + d++] - '0');
		if (d == 0 || d > 3 || v > 255 || (d > 1 && h[i] == '0'))
			return 0;
		i += d;
		parts++;
		if (i < n && h[i++] != '.')
			return 0;
		if (i == n && h[n - 1] == '.')
			return 0;
	}
	return parts == 4;
}

/* Splits `url` when it is in the plain form most URLs have after
 * url_canonicalize(): "http://" or "https://", a host of lowercase
 * letters, digits, '-' and '.' in non-empty labels (a name whose last
 * label starts with a letter, or a plain IPv4 address), an optional port
 * of 1 to 5 digits without a leading zero, then '/' or the end, and no
 * space or control byte after. For such a URL curl's parse gives the
 * same scheme, host and port, so url_host() and url_host_key() need no
 * parse: for the crawler these run several times per link. 1 and the
 * parts, or 0 (then curl parses it). */
static int
plain_url(const char *url, struct sv *scheme, struct sv *host,
	  struct sv *port)
{
	const char *p, *h, *last;
	size_t n;

	if (strncmp(url, "http://", 7) == 0)
		*scheme = sv_make(url, 4);
	else if (strncmp(url, "https://", 8) == 0)
		*scheme = sv_make(url, 5);
	else
		return 0;
	h = last = p = url + scheme->len + 3;
	for (;; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-')
			continue;
		if (*p != '.')
			break;
		if (p == last)
			return 0; /* empty label */
		last = p + 1;
	}
	if (p == h || p == last)
		return 0; /* no host, or a trailing dot */
	*host = sv_make(h, (size_t)(p - h));
	if (*last >= '0' && *last <= '9' && !plain_ipv4(h, host->len))
		return 0;
	*port = sv_make(NULL, 0);
	if (*p == ':') {
		const char *d = ++p;

		while (*p >= '0' && *p <= '9' && p - d < 6)
			p++;
		n = (size_t)(p - d);
		if (n == 0 || n > 5 || *d == '0' ||
		    strtoul(d, NULL, 10) > 65535)
			return 0;
		*port = sv_make(d, n);
	}
	if (*p && *p != '/')
		return 0;
	for (n = 0; p[n]; n++)
		if ((unsigned char)p[n] <= 0x20 || p[n] == 0x7f ||
		    n > URL_MAX_LEN)
			return 0;
	return 1;
}

int
url_host_key(const char *url, struct buf *out, struct buf *err)
{
	struct sv sc, h, pt;

	if (url && plain_url(url, &sc, &h, &pt)) {
		if (!pt.len)
			pt = sv_cstr(sc.len == 5 ? "443" : "80");
		return buf_addf(out, "%.*s://%.*s:%.*s", (int)sc.len, sc.p,
				(int)h.len, h.p, (int)pt.len, pt.p);
	}
	return url_part(url, out, err, emit_host_key);
}

int
url_host(const char *url, struct buf *out, struct buf *err)
{
	struct sv sc, h, pt;

	if (url && plain_url(url, &sc, &h, &pt))
		return buf_add(out, h.p, h.len);
	return url_part(url, out, err, get_host);
}

int
url_path_query(const char *url, struct buf *out, struct buf *err)
{
	return url_part(url, out, err, emit_path_query);
}

/* ---- address classes ---- */

static enum url_addr
classify_v4(uint32_t a)
{
	if ((a >> 24) == 127)
		return URL_ADDR_LOOPBACK;
	if ((a >> 24) == 10 || (a >> 20) == (172u << 4 | 1) ||
	    (a >> 16) == (192u << 8 | 168) || (a >> 22) == (100u << 2 | 1))
		return URL_ADDR_PRIVATE;
	if ((a >> 16) == (169u << 8 | 254))
		return URL_ADDR_LINKLOCAL;
	if ((a >> 24) == 0 || (a >> 28) >= 14 ||       /* 0/8, 224/4, 240/4 */
	    (a >> 8) == (192u << 16 | 0 << 8 | 0) ||  /* 192.0.0/24 */
	    (a >> 8) == (192u << 16 | 0 << 8 | 2) ||  /* 192.0.2/24 */
	    (a >> 8) == (198u << 16 | 51 << 8 | 100) ||
	    (a >> 8) == (203u << 16 | 0 << 8 | 113) ||
	    (a >> 17) == (198u << 7 | 18 >> 1))        /* 198.18/15 */
		return URL_ADDR_OTHER;
	return URL_ADDR_PUBLIC;
}

static enum url_addr
classify_v6(const unsigned char *b)
{
	static const unsigned char zero[16];
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0,
						  0, 0, 0, 0, 0xff, 0xff };
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };

	if (memcmp(b, zero, 15) == 0)
		return b[15] == 1 ? URL_ADDR_LOOPBACK : URL_ADDR_OTHER;
	if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0)
		return classify_v4((uint32_t)b[12] << 24 |
				   (uint32_t)b[13] << 16 |
				   (uint32_t)b[14] << 8 | b[15]);
	if (memcmp(b, zero, 12) == 0)
		return URL_ADDR_OTHER; /* deprecated IPv4-compatible */
	if ((b[0] & 0xfe) == 0xfc)
		return URL_ADDR_PRIVATE;
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
		return URL_ADDR_LINKLOCAL;
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
		return URL_ADDR_PRIVATE; /* site-local, deprecated */
	if (b[0] == 0xff)
		return URL_ADDR_OTHER;
	if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
		return URL_ADDR_OTHER; /* documentation */
	return URL_ADDR_PUBLIC;
}

enum url_addr
url_addr_classify(const char *host)
{
	char tmp[64];
	size_t n;
	const char *p = host;
	struct in_addr a4;
	struct in6_addr a6;

	if (!host)
		return URL_ADDR_NAME;
	n = strlen(p);
	if (n && p[n - 1] == '.')
		n--;
	if ((n == 9 && strncasecmp(p, "localhost", 9) == 0) ||
	    (n > 10 && strncasecmp(p + n - 10, ".localhost", 10) == 0))
		return URL_ADDR_LOOPBACK;
	if (n >= 2 && p[0] == '[' && p[n - 1] == ']') {
		p++;
		n -= 2;
	}
	if (n >= sizeof(tmp))
		return URL_ADDR_NAME;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	tmp[strcspn(tmp, "%")] = '\0'; /* IPv6 zone id */
	if (inet_pton(AF_INET, tmp, &a4) == 1)
		return classify_v4(ntohl(a4.s_addr));
	if (inet_pton(AF_INET6, tmp, &a6) == 1)
		return classify_v6(a6.s6_addr);
	return URL_ADDR_NAME;
}

enum url_addr
url_addr_classify_sa(const struct sockaddr *sa)
{
	if (!sa)
		return URL_ADDR_OTHER;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const void *)sa;

		return classify_v4(ntohl(s4->sin_addr.s_addr));
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const void *)sa;

		return classify_v6(s6->sin6_addr.s6_addr);
	}
	return URL_ADDR_OTHER;
}

int
url_is_private_host(const char *host)
{
	enum url_addr c = url_addr_classify(host);

	return c != URL_ADDR_NAME && c != URL_ADDR_PUBLIC;
}
