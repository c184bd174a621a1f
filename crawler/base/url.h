/* url.h -- canonical http(s) URLs on top of libcurl's URL API (CURLU).
 *
 * Used by the crawler (frontier keys, politeness, robots.txt matching) and
 * by the analyzer (canonical article URLs), hence in base/.
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_URL_H
#define PT_URL_H

#include <stddef.h>

struct buf;
struct sockaddr;

/* Cap on the length of a URL accepted or produced here. */
#define URL_MAX_LEN (16u * 1024)

/* Appends to `out` the canonical form of `url`, resolved against `base`
 * when `url` is relative (base may be NULL):
 *   - scheme and host lowercased (ASCII letters; IDN hosts stay UTF-8),
 *     a trailing dot of the host dropped, userinfo dropped, the default
 *     port (80, 443) dropped;
 *   - dot segments removed, empty path made "/";
 *   - percent-encoding normalized in path and query: hex uppercased,
 *     escapes of unreserved characters (A-Z a-z 0-9 - . _ ~) decoded,
 *     spaces, controls, non-ASCII and " < > \ ^ ` { | } encoded;
 *   - the fragment dropped;
 *   - tracking parameters removed from the query (utm_*, fbclid, gclid,
 *     dclid, gbraid, wbraid, msclkid, mc_cid, mc_eid, igshid, yclid,
 *     _hsenc, _hsmi, mkt_tok, _ga, _gl), the others kept in order; an
 *     empty query is dropped with its '?'.
 * Only http and https are accepted. Returns 0, PT_EUNSUP (another scheme,
 * e.g. "mailto:", "javascript:"), PT_EPARSE (not a URL, or relative
 * without a base), PT_ETOOBIG (longer than URL_MAX_LEN or out's cap);
 * on error a message naming the URL goes to `err` (may be NULL) and `out`
 * is unchanged. */
int url_canonicalize(const char *url, const char *base, struct buf *out,
		     struct buf *err);

/* Appends "scheme://host:port" of http(s) `url`, the port always written
 * (e.g. "https://example.com:443"), the key for per-host politeness.
 * Same errors as url_canonicalize(). */
int url_host_key(const char *url, struct buf *out, struct buf *err);

/* Appends the path and query of http(s) `url` ("/a/b?c=d", no fragment),
 * as written, for robots.txt matching. Same errors as url_canonicalize(). */
int url_path_query(const char *url, struct buf *out, struct buf *err);

/* Appends the lowercase host of http(s) `url` (IPv6 in brackets). Same
 * errors as url_canonicalize(). */
int url_host(const char *url, struct buf *out, struct buf *err);

/* What kind of address a host is. */
enum url_addr {
	URL_ADDR_NAME = 0,   /* not an IP literal (a DNS name) */
	URL_ADDR_PUBLIC,     /* globally routable unicast */
	URL_ADDR_LOOPBACK,   /* 127/8, ::1 */
	URL_ADDR_PRIVATE,    /* 10/8, 172.16/12, 192.168/16, 100.64/10,
				fc00::/7, fec0::/10 */
	URL_ADDR_LINKLOCAL,  /* 169.254/16, fe80::/10 */
	URL_ADDR_OTHER       /* unspecified, multicast, broadcast, reserved,
				documentation ranges */
};

/* Classifies `host`: an IPv4 dotted quad or an IPv6 literal (with or
 * without brackets; IPv4-mapped and NAT64 addresses classify as their
 * IPv4 address). "localhost" and names under ".localhost" count as
 * URL_ADDR_LOOPBACK. */
enum url_addr url_addr_classify(const char *host);
/* Same for a resolved address (AF_INET or AF_INET6; other families give
 * URL_ADDR_OTHER). */
enum url_addr url_addr_classify_sa(const struct sockaddr *sa);
/* 1 when a crawler must not connect to `host`: it classifies as anything
 * but URL_ADDR_NAME or URL_ADDR_PUBLIC. The crawler checks the resolved
 * addresses too (url_addr_classify_sa()), since a name may resolve to a
 * private address. */
int url_is_private_host(const char *host);

#endif
