/* robots.c -- robots.txt parsing and matching (RFC 9309).
 *
 * Spec: RFC 9309 §2.1 (protocol), §2.2 (groups, user-agent line, allow and
 * disallow lines, longest match, special characters), §2.3.1 (access
 * results: 4xx allow all, 5xx/unreachable disallow all), §2.5 (limits).
 * Extensions: Crawl-delay (per group, seconds) and Sitemap (anywhere);
 * "key value" lines without the colon are accepted for the known keys, as
 * deployed parsers do.
 *
 * Choices where the RFC leaves room (each covered by a row of
 * shared/eval/robots/robots-cases.tsv):
 *   - the caller's token is compared whole with the first token of the
 *     User-agent value ("FooBot/1.0 extra" names "FooBot");
 *   - request paths are not re-encoded: the caller passes the URL as it
 *     will be fetched, percent-encoded (url_canonicalize() does that);
 *   - percent-escapes are compared as written (only their hex case is
 *     normalized), so "%62" in a rule does not match "b" in a path.
 *
 * Non-goals: the Google "index.html means the directory" rule, typo
 * tolerant keys ("dissallow"), Request-rate and Host lines.
 */
#include "crawler/robots.h"

#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/sv.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct robots_rule {
	char *pat;   /* normalized pattern, NUL-terminated */
	size_t len;  /* strlen(pat), the match priority */
	int allow;   /* 1 allow, 0 disallow */
};

struct robots {
	struct robots_rule *rules; /* rules of the applicable groups */
	size_t nrules;
	size_t caprules;
	char **sitemaps;           /* Sitemap values, file order */
	size_t nsitemaps;
	size_t capsitemaps;
	double delay;              /* Crawl-delay, -1 = none */
	int fixed;                 /* -1 normal, 0 disallow all, 1 allow all */
	struct robots_stats st;
};

enum line_key {
	KEY_NONE,
	KEY_UA,
	KEY_ALLOW,
	KEY_DISALLOW,
	KEY_SITEMAP,
	KEY_DELAY,
	KEY_UNKNOWN
};

/* Rules collected while parsing, for the specific and the "*" groups. */
struct collect {
	struct robots_rule *v;
	size_t n;
	size_t cap;
	double delay;  /* first valid Crawl-delay, -1 = none */
	int seen;      /* a group for this side was seen */
};

static struct robots *
robots_alloc(void)
{
	struct robots *r = pt_xcalloc(1, sizeof(*r));

	r->delay = -1;
	r->fixed = -1;
	return r;
}

struct robots *
robots_new_allow_all(void)
{
	struct robots *r = robots_alloc();

	r->fixed = 1;
	return r;
}

struct robots *
robots_new_disallow_all(void)
{
	struct robots *r = robots_alloc();

	r->fixed = 0;
	return r;
}

struct robots *
robots_new_for_status(int http_status, const char *txt, size_t len,
		      const char *user_agent)
{
	if (http_status >= 200 && http_status < 300)
		return robots_parse(txt, len, user_agent);
	if (http_status >= 300 && http_status < 400)
		return robots_new_allow_all();
	if (http_status >= 400 && http_status < 500 && http_status != 429)
		return robots_new_allow_all();
	return robots_new_disallow_all();
}

static void
rules_free(struct robots_rule *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].pat);
	free(v);
}

void
robots_free(struct robots *r)
{
	size_t i;

	if (!r)
		return;
	rules_free(r->rules, r->nrules);
	for (i = 0; i < r->nsitemaps; i++)
		free(r->sitemaps[i]);
	free(r->sitemaps);
	free(r);
}

static int
is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static char
hex_upper(unsigned char c)
{
	return (c >= 'a' && c <= 'f') ? (char)(c - 'a' + 'A') : (char)c;
}

int
robots_escape_pattern(const char *pat, size_t len, struct buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;
	int rc = 0;

	for (i = 0; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char)pat[i];

		if (c == '%' && i + 2 < len && is_hex((unsigned char)pat[i + 1]) &&
		    is_hex((unsigned char)pat[i + 2])) {
			char e[3];

			e[0] = '%';
			e[1] = hex_upper((unsigned char)pat[i + 1]);
			e[2] = hex_upper((unsigned char)pat[i + 2]);
			rc = buf_add(out, e, 3);
			i += 2;
		} else if (c >= 0x80) {
			char e[3];

			e[0] = '%';
			e[1] = hex[c >> 4];
			e[2] = hex[c & 15];
			rc = buf_add(out, e, 3);
		} else {
			rc = buf_addc(out, (char)c);
		}
	}
	return rc;
}

int
robots_ua_valid(const char *ua)
{
	const char *p;

	if (!ua || !*ua)
		return 0;
	for (p = ua; *p; p++) {
		char c = *p;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

int
robots_path_of_url(const char *url, struct buf *out)
{
	const char *s = url ? url : "";
	const char *end, *sep, *p;
	size_t n;
	int rc;

	end = s + strcspn(s, "#");
	sep = s + strcspn(s, "/?");
	if (sep > end)
		sep = end;
	/* "scheme://" before the first '/' or '?' */
	p = strstr(s, "://");
	if (p && p < sep && p + 3 <= end) {
		s = p + 3;
	} else if (end - s >= 2 && s[0] == '/' && s[1] == '/') {
		s += 2;
	}
	/* skip the authority */
	p = s + strcspn(s, "/?");
	if (p > end)
		p = end;
	n = (size_t)(end - p);
	if (n == 0)
		return buf_addc(out, '/');
	if (*p == '?' && (rc = buf_addc(out, '/')) != 0)
		return rc;
	return buf_add(out, p, n);
}

/* Matches normalized pattern `pat` (with `*` wildcards and an optional
 * final `$`) against the start of `path`. Greedy with backtracking to the
 * last star only: O(len(path) * len(pat)) at worst. */
static int
pattern_match(const char *pat, size_t m, const char *path, size_t n)
{
	size_t i = 0, j = 0, mark = 0, star = (size_t)-1;
	int anchored = 0;

	if (m && pat[m - 1] == '$') {
		anchored = 1;
		m--;
	}
	while (i < n) {
		if (!anchored && j == m)
			return 1;
		if (j < m && pat[j] == '*') {
			star = j++;
			mark = i;
			continue;
		}
		if (j < m && pat[j] == path[i]) {
			i++;
			j++;
			continue;
		}
		if (star != (size_t)-1) {
			j = star + 1;
			i = ++mark;
			continue;
		}
		return 0;
	}
	while (j < m && pat[j] == '*')
		j++;
	return j == m;
}

/* Normalizes a request path for matching: hex digits of escapes upper. */
static void
path_normalize(char *p)
{
	for (; *p; p++) {
		if (p[0] == '%' && is_hex((unsigned char)p[1]) &&
		    is_hex((unsigned char)p[2])) {
			p[1] = hex_upper((unsigned char)p[1]);
			p[2] = hex_upper((unsigned char)p[2]);
			p += 2;
		}
	}
}

int
robots_allowed(const struct robots *r, const char *path_and_query)
{
	struct buf path;
	size_t i, best = 0;
	int found = 0, allow = 1;

	if (!r)
		return 1;
	if (r->fixed >= 0)
		return r->fixed;
	if (r->nrules == 0)
		return 1;
	buf_init(&path, 0);
	if (!path_and_query || !*path_and_query)
		buf_addc(&path, '/');
	else
		buf_adds(&path, path_and_query);
	path_normalize(path.p);
	for (i = 0; i < r->nrules; i++) {
		const struct robots_rule *rule = &r->rules[i];

		if (found && rule->len < best)
			continue;
		if (found && rule->len == best && !rule->allow)
			continue;
		if (!pattern_match(rule->pat, rule->len, path.p, path.len))
			continue;
		if (!found || rule->len > best || rule->allow) {
			found = 1;
			best = rule->len;
			allow = rule->allow;
		}
	}
	buf_release(&path);
	return allow;
}

int
robots_allowed_url(const struct robots *r, const char *url)
{
	struct buf path;
	int ok;

	buf_init(&path, 0);
	robots_path_of_url(url, &path);
	ok = robots_allowed(r, path.p);
	buf_release(&path);
	return ok;
}

double
robots_crawl_delay(const struct robots *r)
{
	return r ? r->delay : -1;
}

size_t
robots_sitemap_count(const struct robots *r)
{
	return r ? r->nsitemaps : 0;
}

const char *
robots_sitemap(const struct robots *r, size_t i)
{
	return (r && i < r->nsitemaps) ? r->sitemaps[i] : NULL;
}

void
robots_get_stats(const struct robots *r, struct robots_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (r)
		*st = r->st;
}

/* ---- parsing ---- */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static enum line_key
key_of(struct sv k)
{
	if (sv_eq_nocase(k, "user-agent"))
		return KEY_UA;
	if (sv_eq_nocase(k, "allow"))
		return KEY_ALLOW;
	if (sv_eq_nocase(k, "disallow"))
		return KEY_DISALLOW;
	if (sv_eq_nocase(k, "sitemap") || sv_eq_nocase(k, "site-map"))
		return KEY_SITEMAP;
	if (sv_eq_nocase(k, "crawl-delay"))
		return KEY_DELAY;
	return KEY_UNKNOWN;
}

/* Splits a comment-free, trimmed line into key and value. */
static enum line_key
split_line(struct sv line, struct sv *val)
{
	struct sv key;
	size_t i;
	enum line_key k;

	*val = sv_make(NULL, 0);
	if (line.len == 0)
		return KEY_NONE;
	for (i = 0; i < line.len && line.p[i] != ':'; i++)
		;
	if (i < line.len) {
		key = sv_trim(sv_make(line.p, i));
		*val = sv_trim(sv_make(line.p + i + 1, line.len - i - 1));
		return key_of(key);
	}
	/* "key value" without a colon: only for known keys and one value */
	for (i = 0; i < line.len && !is_blank(line.p[i]); i++)
		;
	if (i == line.len)
		return KEY_UNKNOWN;
	key = sv_make(line.p, i);
	*val = sv_trim(sv_make(line.p + i, line.len - i));
	for (i = 0; i < val->len; i++)
		if (is_blank(val->p[i]))
			return KEY_UNKNOWN;
	k = key_of(key);
	return k;
}

/* Classifies a User-agent value: 2 for "*", 1 when its first token is
 * `ua` (case-insensitive), 0 otherwise. */
static int
ua_matches(struct sv v, const char *ua, size_t ualen)
{
	size_t n = 0;

	if (v.len >= 1 && v.p[0] == '*' && (v.len == 1 || is_blank(v.p[1])))
		return 2;
	while (n < v.len &&
	       ((v.p[n] >= 'a' && v.p[n] <= 'z') ||
		(v.p[n] >= 'A' && v.p[n] <= 'Z') || v.p[n] == '-' ||
		v.p[n] == '_'))
		n++;
	if (n == 0 || n != ualen)
		return 0;
	return strncasecmp(v.p, ua, n) == 0;
}

static void
collect_rule(struct collect *c, int allow, struct sv val)
{
	struct buf pat;
	struct robots_rule *rule;

	if (val.len == 0)
		return; /* an empty rule matches nothing */
	buf_init(&pat, 0);
	robots_escape_pattern(val.p, val.len, &pat);
	pt_xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v));
	rule = &c->v[c->n++];
	rule->len = pat.len;
	rule->pat = buf_detach(&pat, NULL);
	rule->allow = allow;
}

static double
parse_delay(struct sv val)
{
	char tmp[32];
	double d;

	if (val.len == 0 || val.len >= sizeof(tmp))
		return -1;
	memcpy(tmp, val.p, val.len);
	tmp[val.len] = '\0';
	if (cli_parse_double(tmp, &d) != 0 || d != d || d > 86400.0 * 365)
		return -1;
	return d;
}

struct robots *
robots_parse(const char *txt, size_t len, const char *user_agent)
{
	struct robots *r = robots_alloc();
	struct collect spec = { NULL, 0, 0, -1, 0 };
	struct collect glob = { NULL, 0, 0, -1, 0 };
	const char *ua = user_agent ? user_agent : "";
	size_t ualen = strlen(ua);
	size_t pos = 0;
	/* state of the current group */
	int in_group = 0;   /* a user-agent line was seen */
	int had_rules = 0;  /* the current group has had a rule line */
	int g_spec = 0, g_glob = 0; /* current group applies to us / is "*" */

	if (!txt)
		len = 0;
	if (len > ROBOTS_MAX_BYTES) {
		len = ROBOTS_MAX_BYTES;
		r->st.truncated = 1;
	}
	/* a UTF-8 BOM, or a prefix of one, at the very start */
	if (len >= 1 && (unsigned char)txt[0] == 0xEF) {
		pos = 1;
		if (len >= 2 && (unsigned char)txt[1] == 0xBB) {
			pos = 2;
			if (len >= 3 && (unsigned char)txt[2] == 0xBF)
				pos = 3;
		}
	}
	while (pos < len) {
		size_t start = pos, end, cut;
		struct sv line, val;
		enum line_key k;

		while (pos < len && txt[pos] != '\n' && txt[pos] != '\r')
			pos++;
		end = pos;
		if (pos < len && txt[pos] == '\r')
			pos++;
		if (pos < len && txt[pos] == '\n' && (pos == end || txt[pos - 1] == '\r'))
			pos++;
		r->st.lines++;
		if (end - start > ROBOTS_MAX_LINE)
			end = start + ROBOTS_MAX_LINE;
		/* strip the comment; a NUL ends the line too */
		for (cut = start; cut < end && txt[cut] != '#' && txt[cut] != '\0'; cut++)
			;
		line = sv_trim(sv_make(txt + start, cut - start));
		k = split_line(line, &val);
		switch (k) {
		case KEY_NONE:
			break;
		case KEY_UNKNOWN:
			r->st.unknown++;
			break;
		case KEY_UA: {
			int m;

			r->st.valid++;
			if (!in_group || had_rules) {
				g_spec = g_glob = 0;
				had_rules = 0;
			}
			in_group = 1;
			m = ua_matches(val, ua, ualen);
			if (m == 1) {
				g_spec = 1;
				spec.seen = 1;
			} else if (m == 2) {
				g_glob = 1;
				glob.seen = 1;
			}
			break;
		}
		case KEY_ALLOW:
		case KEY_DISALLOW:
			r->st.valid++;
			if (!in_group)
				break; /* rules before any group are ignored */
			had_rules = 1;
			if (g_spec)
				collect_rule(&spec, k == KEY_ALLOW, val);
			if (g_glob)
				collect_rule(&glob, k == KEY_ALLOW, val);
			break;
		case KEY_DELAY: {
			double d = parse_delay(val);

			/* like Sitemap, it does not end the user-agent list */
			r->st.valid++;
			if (!in_group)
				break;
			if (g_spec && spec.delay < 0)
				spec.delay = d;
			if (g_glob && glob.delay < 0)
				glob.delay = d;
			break;
		}
		case KEY_SITEMAP:
			r->st.valid++;
			if (val.len == 0)
				break;
			pt_xgrow((void **)&r->sitemaps, &r->capsitemaps,
				 r->nsitemaps + 1, sizeof(*r->sitemaps));
			r->sitemaps[r->nsitemaps++] = pt_xstrndup(val.p, val.len);
			break;
		}
	}
	if (spec.seen) {
		r->rules = spec.v;
		r->nrules = spec.n;
		r->delay = spec.delay;
		rules_free(glob.v, glob.n);
	} else {
		r->rules = glob.v;
		r->nrules = glob.n;
		r->delay = glob.delay;
		rules_free(spec.v, spec.n);
	}
	r->st.rules = r->nrules;
	return r;
}
