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
#include "crawler/base/hex.h"
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

/* Uppercases a hex digit. */
static char
hex_upper(char c)
{
	return (c >= 'a' && c <= 'f') ? (char)(c - 'a' + 'A') : c;
}

/* Rule patterns keep their escapes (hex uppercased) and get octets
 * outside US-ASCII escaped. */
static int
pattern_keep_raw(unsigned char c, int escaped)
{
	return !escaped && c < 0x80;
}

int
robots_escape_pattern(const char *pat, size_t len, struct buf *out)
{
	return hex_pct_normalize(pat, len, pattern_keep_raw, out);
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
		if (p[0] == '%' && hex_val(p[1]) >= 0 && hex_val(p[2]) >= 0) {
			p[1] = hex_upper(p[1]);
			p[2] = hex_upper(p[2]);
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

/* The state of a parse: the groups seen so far and what applies to us. */
struct parser {
	struct robots *r;
	struct collect spec;  /* groups naming our token */
	struct collect glob;  /* "*" groups */
	const char *ua;       /* our product token */
	size_t ualen;
	int in_group;         /* a user-agent line was seen */
	int had_rules;        /* the current group has had a rule line */
	int g_spec, g_glob;   /* current group applies to us / is "*" */
};

/* Length of a UTF-8 BOM, or of a prefix of one, at the very start. */
static size_t
bom_len(const char *txt, size_t len)
{
	size_t n = 0;

	while (n < 3 && n < len && (unsigned char)txt[n] ==
	       (unsigned char)"\xEF\xBB\xBF"[n])
		n++;
	return n;
}

/* The line starting at *pos, without its comment, cut at
 * ROBOTS_MAX_LINE and trimmed; *pos moves past its line end (LF, CRLF
 * or CR). */
static struct sv
next_line(const char *txt, size_t len, size_t *pos)
{
	size_t start = *pos, end, cut, i = *pos;

	while (i < len && txt[i] != '\n' && txt[i] != '\r')
		i++;
	end = i;
	if (i < len && txt[i] == '\r')
		i++;
	if (i < len && txt[i] == '\n' && (i == end || txt[i - 1] == '\r'))
		i++;
	*pos = i;
	if (end - start > ROBOTS_MAX_LINE)
		end = start + ROBOTS_MAX_LINE;
	/* strip the comment; a NUL ends the line too */
	for (cut = start; cut < end && txt[cut] != '#' && txt[cut] != '\0';
	     cut++)
		;
	return sv_trim(sv_make(txt + start, cut - start));
}

/* A User-agent line: starts a new group after rule lines, and marks the
 * group as ours or "*". */
static void
on_user_agent(struct parser *p, struct sv val)
{
	int m;

	if (!p->in_group || p->had_rules) {
		p->g_spec = p->g_glob = 0;
		p->had_rules = 0;
	}
	p->in_group = 1;
	m = ua_matches(val, p->ua, p->ualen);
	if (m == 1) {
		p->g_spec = 1;
		p->spec.seen = 1;
	} else if (m == 2) {
		p->g_glob = 1;
		p->glob.seen = 1;
	}
}

/* An Allow or Disallow line; rules before any group are ignored. */
static void
on_rule(struct parser *p, int allow, struct sv val)
{
	if (!p->in_group)
		return;
	p->had_rules = 1;
	if (p->g_spec)
		collect_rule(&p->spec, allow, val);
	if (p->g_glob)
		collect_rule(&p->glob, allow, val);
}

/* A Crawl-delay line: like Sitemap, it does not end the user-agent list;
 * the first one of a side counts. */
static void
on_delay(struct parser *p, struct sv val)
{
	double d = parse_delay(val);

	if (!p->in_group)
		return;
	if (p->g_spec && p->spec.delay < 0)
		p->spec.delay = d;
	if (p->g_glob && p->glob.delay < 0)
		p->glob.delay = d;
}

static void
on_sitemap(struct robots *r, struct sv val)
{
	if (val.len == 0)
		return;
	pt_xgrow((void **)&r->sitemaps, &r->capsitemaps, r->nsitemaps + 1,
		 sizeof(*r->sitemaps));
	r->sitemaps[r->nsitemaps++] = pt_xstrndup(val.p, val.len);
}

static void
parse_line(struct parser *p, struct sv line)
{
	struct sv val;
	enum line_key k = split_line(line, &val);

	if (k == KEY_NONE)
		return;
	if (k == KEY_UNKNOWN) {
		p->r->st.unknown++;
		return;
	}
	p->r->st.valid++;
	if (k == KEY_UA)
		on_user_agent(p, val);
	else if (k == KEY_ALLOW || k == KEY_DISALLOW)
		on_rule(p, k == KEY_ALLOW, val);
	else if (k == KEY_DELAY)
		on_delay(p, val);
	else if (k == KEY_SITEMAP)
		on_sitemap(p->r, val);
}

/* Keeps the rules of the groups naming us, or else of the "*" groups. */
static struct robots *
parser_finish(struct parser *p)
{
	struct robots *r = p->r;
	struct collect *keep = p->spec.seen ? &p->spec : &p->glob;
	struct collect *drop = p->spec.seen ? &p->glob : &p->spec;

	r->rules = keep->v;
	r->nrules = keep->n;
	r->delay = keep->delay;
	rules_free(drop->v, drop->n);
	r->st.rules = r->nrules;
	return r;
}

struct robots *
robots_parse(const char *txt, size_t len, const char *user_agent)
{
	struct parser p;
	size_t pos;

	memset(&p, 0, sizeof(p));
	p.r = robots_alloc();
	p.spec.delay = p.glob.delay = -1;
	p.ua = user_agent ? user_agent : "";
	p.ualen = strlen(p.ua);
	if (!txt)
		len = 0;
	if (len > ROBOTS_MAX_BYTES) {
		len = ROBOTS_MAX_BYTES;
		p.r->st.truncated = 1;
	}
	pos = bom_len(txt, len);
	while (pos < len) {
		p.r->st.lines++;
		parse_line(&p, next_line(txt, len, &pos));
	}
	return parser_finish(&p);
}
