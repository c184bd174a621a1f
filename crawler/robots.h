/* robots.h -- robots.txt (RFC 9309) for one user agent.
 *
 * robots_parse() keeps only what applies to the given product token: the
 * rules of every group naming it (merged), or of the "*" groups when none
 * does, plus the non-standard Crawl-delay of those groups and every Sitemap
 * line of the file. robots_allowed() then answers for a path: the longest
 * matching rule wins (RFC 9309 §2.2.2), allow wins ties, `*` matches any run
 * of octets and a trailing `$` anchors the end.
 *
 * Arguments are borrowed; nothing here consumes its inputs.
 */
#ifndef PT_ROBOTS_H
#define PT_ROBOTS_H

#include <stddef.h>

struct buf;

/* Bytes of a robots.txt that are parsed; the rest is ignored. RFC 9309
 * §2.5 asks for at least 500 KiB. */
#define ROBOTS_MAX_BYTES (512u * 1024)
/* Longer lines are cut to this many bytes before parsing (8 x 2083 - 1,
 * the limit of the most widely deployed parser, so both agree on what a
 * cut rule means: it still matches its prefix). */
#define ROBOTS_MAX_LINE 16663u

struct robots;

/* Parses robots.txt `txt` (len bytes; may hold NULs, a UTF-8 BOM, LF, CRLF
 * or CR line ends and junk) for product token `user_agent` (matched
 * case-insensitively against the first token of each User-agent line; pass
 * the bare token, e.g. "presstally", not a full User-Agent header).
 * Never fails: unparseable lines are counted and skipped.
 * Returns a new object; free with robots_free(). */
struct robots *robots_parse(const char *txt, size_t len,
			    const char *user_agent);

/* Returns a new object allowing every path; free with robots_free(). */
struct robots *robots_new_allow_all(void);
/* Returns a new object disallowing every path; free with robots_free(). */
struct robots *robots_new_disallow_all(void);

/* The RFC 9309 §2.3.1 policy for the outcome of fetching /robots.txt:
 * `http_status` is the final status after redirects (0 = unreachable:
 * DNS, connect, TLS or timeout failure).
 *   2xx          parse `txt`
 *   3xx          (redirects not resolved, e.g. more than 5) allow all
 *   4xx but 429  allow all ("unavailable")
 *   429, 5xx, 0  disallow all ("unreachable"); other codes too
 * Returns a new object; free with robots_free(). */
struct robots *robots_new_for_status(int http_status, const char *txt,
				     size_t len, const char *user_agent);

void robots_free(struct robots *r);

/* 1 when `path_and_query` (the URL's path, params and query, already
 * percent-encoded, e.g. "/a/b?c=d"; NULL or "" means "/") may be fetched,
 * 0 when it is disallowed. */
int robots_allowed(const struct robots *r, const char *path_and_query);
/* Same for a full URL ("http://h/p?q#f", "//h/p", "h/p" or "/p"): the
 * path and query are taken with robots_path_of_url(). */
int robots_allowed_url(const struct robots *r, const char *url);

/* Crawl-delay of the applicable group in seconds, or -1 when it has none
 * (or only invalid values). */
double robots_crawl_delay(const struct robots *r);

/* Sitemap lines of the whole file, in file order. */
size_t robots_sitemap_count(const struct robots *r);
/* Borrowed; valid until robots_free(). NULL when i is out of range. */
const char *robots_sitemap(const struct robots *r, size_t i);

/* What the parser saw, for diagnostics and tests. */
struct robots_stats {
	size_t valid;     /* recognized lines: user-agent, allow, disallow,
			     sitemap, crawl-delay */
	size_t unknown;   /* non-empty lines with an unrecognized key */
	size_t lines;     /* number of lines (last line number) */
	size_t rules;     /* rules kept for the user agent */
	int truncated;    /* 1 when the input passed ROBOTS_MAX_BYTES */
};
void robots_get_stats(const struct robots *r, struct robots_stats *st);

/* Helpers, public for the crawler and for tests. */

/* 1 when `ua` is a valid product token to obey: non-empty, only ASCII
 * letters, '-' and '_' (RFC 9309 §2.2.1). */
int robots_ua_valid(const char *ua);
/* Appends to `out` the path, params and query of `url` (no fragment), "/"
 * when it has none. 0 or PT_ETOOBIG (out's cap). */
int robots_path_of_url(const char *url, struct buf *out);
/* Appends rule value `pat` (len bytes) normalized for matching: octets
 * outside US-ASCII are percent-encoded and existing %hh escapes get
 * uppercase hex. 0 or PT_ETOOBIG (out's cap). */
int robots_escape_pattern(const char *pat, size_t len, struct buf *out);

#endif
