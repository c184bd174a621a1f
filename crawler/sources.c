/* sources.c -- parse data/sources.conf (format in sources.h).
 *
 * A line is a comment, blank, an "[outlet NAME]" header or "key = value".
 * The first error ends the parse with "FILE:LINE: expected ...".
 * Non-goals: includes of other files, quoting, line continuations.
 */
#include "crawler/sources.h"

#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/sv.h"
#include "crawler/base/url.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
sources_init(struct sources *s)
{
	memset(s, 0, sizeof(*s));
}

static void
list_add(struct source_list *l, struct sv v)
{
	pt_xgrow((void **)&l->v, &l->cap, l->n + 2, sizeof(*l->v));
	l->v[l->n++] = pt_xstrndup(v.p, v.len);
	l->v[l->n] = NULL;
}

static void
list_release(struct source_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
sources_release(struct sources *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		struct source_outlet *o = &s->outlets[i];

		free(o->name);
		list_release(&o->hosts);
		list_release(&o->feeds);
		list_release(&o->sitemaps);
		list_release(&o->includes);
		list_release(&o->excludes);
	}
	free(s->outlets);
	sources_init(s);
}

/* Appends "FILE:LINE: " and the message; returns PT_EPARSE. */
static int
perr(struct buf *err, const char *file, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
perr(struct buf *err, const char *file, size_t line, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		buf_addf(err, "%s:%zu: ", file, line);
		va_start(ap, fmt);
		buf_vaddf(err, fmt, ap);
		va_end(ap);
	}
	return PT_EPARSE;
}

static int
valid_host(struct sv h)
{
	size_t i;

	if (h.len == 0 || h.len > 253 || h.p[0] == '.' || h.p[0] == '-' ||
	    h.p[h.len - 1] == '.')
		return 0;
	for (i = 0; i < h.len; i++) {
		char c = h.p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '.'))
			return 0;
		if (c == '.' && i + 1 < h.len && h.p[i + 1] == '.')
			return 0;
	}
	return 1;
}

static int
has_space(struct sv v)
{
	size_t i;

	for (i = 0; i < v.len; i++)
		if (v.p[i] == ' ' || v.p[i] == '\t')
			return 1;
	return 0;
}

/* Checks the block that ends at the current point. */
static int
finish_outlet(const struct source_outlet *o, const char *file,
	      struct buf *err)
{
	if (o->hosts.n == 0)
		return perr(err, file, o->line,
			    "expected a 'host' line in outlet '%s'", o->name);
	if (o->feeds.n == 0 && o->sitemaps.n == 0)
		return perr(err, file, o->line,
			    "expected a 'feed' or 'sitemap' line in outlet "
			    "'%s'", o->name);
	return 0;
}

/* Value part of a line with the comment removed: '#' at the start or
 * after a blank. */
static struct sv
strip_comment(struct sv line)
{
	size_t i;

	for (i = 0; i < line.len; i++)
		if (line.p[i] == '#' &&
		    (i == 0 || line.p[i - 1] == ' ' || line.p[i - 1] == '\t'))
			return sv_trim(sv_make(line.p, i));
	return sv_trim(line);
}

static int
parse_line(struct sources *s, struct sv line, const char *file, size_t ln,
	   struct buf *err)
{
	struct source_outlet *o = s->n ? &s->outlets[s->n - 1] : NULL;
	struct sv key, val;
	size_t i;

	if (line.p[0] == '[') {
		struct sv name;

		if (line.p[line.len - 1] != ']' || line.len < 2)
			return perr(err, file, ln, "expected ']' at the end "
				    "of the section header");
		name = sv_trim(sv_make(line.p + 1, line.len - 2));
		if (!sv_starts_nocase(name, "outlet") ||
		    (name.len > 6 && name.p[6] != ' ' && name.p[6] != '\t'))
			return perr(err, file, ln, "expected '[outlet NAME]'");
		name = sv_trim(sv_make(name.p + 6, name.len - 6));
		if (name.len == 0)
			return perr(err, file, ln, "expected an outlet name "
				    "after 'outlet'");
		for (i = 0; i < s->n; i++)
			if (sv_eq_nocase(name, s->outlets[i].name))
				return perr(err, file, ln, "expected a new "
					    "outlet name; '%.*s' is already "
					    "defined at line %zu",
					    (int)name.len, name.p,
					    s->outlets[i].line);
		if (o && finish_outlet(o, file, err))
			return PT_EPARSE;
		pt_xgrow((void **)&s->outlets, &s->cap, s->n + 1,
			 sizeof(*s->outlets));
		o = &s->outlets[s->n++];
		memset(o, 0, sizeof(*o));
		o->name = pt_xstrndup(name.p, name.len);
		o->line = ln;
		o->delay = -1;
		return 0;
	}
	val = sv_cut(line, '=', &key);
	if (!val.p)
		return perr(err, file, ln, "expected 'key = value' or "
			    "'[outlet NAME]'");
	key = sv_trim(key);
	val = sv_trim(val);
	if (!o)
		return perr(err, file, ln, "expected '[outlet NAME]' before "
			    "'%.*s'", (int)key.len, key.p);
	if (val.len == 0)
		return perr(err, file, ln, "expected a value after '%.*s ='",
			    (int)key.len, key.p);
	if (sv_eq(key, "host")) {
		if (!valid_host(val))
			return perr(err, file, ln, "expected a host name "
				    "like 'example.com', got '%.*s'",
				    (int)val.len, val.p);
		list_add(&o->hosts, val);
		for (i = 0; o->hosts.v[o->hosts.n - 1][i]; i++) {
			char *c = &o->hosts.v[o->hosts.n - 1][i];

			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		}
	} else if (sv_eq(key, "feed") || sv_eq(key, "sitemap")) {
		struct buf u = BUF_INIT, canon = BUF_INIT;
		int bad;

		buf_add(&u, val.p, val.len);
		bad = has_space(val) ||
		      url_canonicalize(u.p, NULL, &canon, NULL) != 0;
		buf_release(&u);
		buf_release(&canon);
		if (bad)
			return perr(err, file, ln, "expected an http or https "
				    "URL after '%.*s =', got '%.*s'",
				    (int)key.len, key.p, (int)val.len, val.p);
		list_add(key.p[0] == 'f' ? &o->feeds : &o->sitemaps, val);
	} else if (sv_eq(key, "include") || sv_eq(key, "exclude")) {
		if (has_space(val))
			return perr(err, file, ln, "expected a pattern without "
				    "spaces, got '%.*s'", (int)val.len, val.p);
		list_add(key.p[0] == 'i' ? &o->includes : &o->excludes, val);
	} else if (sv_eq(key, "delay")) {
		char tmp[32];
		double d;

		if (o->delay >= 0)
			return perr(err, file, ln, "expected one 'delay' per "
				    "outlet");
		if (val.len >= sizeof(tmp))
			return perr(err, file, ln, "expected a number of "
				    "seconds (0 to 3600)");
		memcpy(tmp, val.p, val.len);
		tmp[val.len] = '\0';
		if (cli_parse_double(tmp, &d) != 0 || d < 0 || d > 3600)
			return perr(err, file, ln, "expected a number of "
				    "seconds (0 to 3600), got '%s'", tmp);
		o->delay = d;
	} else {
		return perr(err, file, ln, "expected one of host, feed, "
			    "sitemap, include, exclude, delay; got '%.*s'",
			    (int)key.len, key.p);
	}
	return 0;
}

int
sources_parse(struct sources *s, const char *text, size_t len,
	      const char *filename, struct buf *err)
{
	const char *file = filename ? filename : "sources";
	size_t pos = 0, ln = 0;
	int rc = 0;

	while (pos < len && rc == 0) {
		size_t start = pos;
		struct sv line;

		while (pos < len && text[pos] != '\n')
			pos++;
		line = sv_make(text + start, pos - start);
		pos++;
		ln++;
		if (memchr(line.p, '\0', line.len)) {
			rc = perr(err, file, ln, "expected text, got a NUL "
				  "byte");
			break;
		}
		line = strip_comment(line);
		if (line.len == 0)
			continue;
		rc = parse_line(s, line, file, ln, err);
	}
	if (rc == 0 && s->n)
		rc = finish_outlet(&s->outlets[s->n - 1], file, err);
	if (rc == 0 && s->n == 0)
		rc = perr(err, file, ln ? ln : 1, "expected at least one "
			  "'[outlet NAME]' block");
	if (rc)
		sources_release(s);
	return rc;
}

int
sources_load(struct sources *s, const char *path, struct buf *err)
{
	struct buf text;
	int rc;

	buf_init(&text, SOURCES_MAX_BYTES);
	rc = fileio_read(path, &text, err);
	if (rc == 0)
		rc = sources_parse(s, text.p, text.len, path, err);
	buf_release(&text);
	return rc;
}

const struct source_outlet *
sources_find_host(const struct sources *s, const char *host)
{
	size_t i, j, hl;

	if (!host)
		return NULL;
	hl = strlen(host);
	if (hl && host[hl - 1] == '.')
		hl--;
	for (i = 0; i < s->n; i++) {
		const struct source_list *l = &s->outlets[i].hosts;

		for (j = 0; j < l->n; j++) {
			size_t n = strlen(l->v[j]);

			if (hl == n && strncasecmp(host, l->v[j], n) == 0)
				return &s->outlets[i];
			if (hl > n && host[hl - n - 1] == '.' &&
			    strncasecmp(host + hl - n, l->v[j], n) == 0)
				return &s->outlets[i];
		}
	}
	return NULL;
}

/* Glob match of the whole of s[0..n) against p[0..m) with '*'. Greedy
 * with backtracking to the last star: O(n * m) at worst. */
static int
glob_match(const char *p, size_t m, const char *s, size_t n)
{
	size_t i = 0, j = 0, mark = 0, star = (size_t)-1;

	while (i < n) {
		if (j < m && p[j] == '*') {
			star = j++;
			mark = i;
		} else if (j < m && p[j] == s[i]) {
			i++;
			j++;
		} else if (star != (size_t)-1) {
			j = star + 1;
			i = ++mark;
		} else {
			return 0;
		}
	}
	while (j < m && p[j] == '*')
		j++;
	return j == m;
}

int
sources_pattern_match(const char *pattern, const char *path_query)
{
	struct buf g = BUF_INIT;
	size_t m = strlen(pattern);
	int start = 0, end = 0, ok;

	if (m && pattern[0] == '^') {
		start = 1;
		pattern++;
		m--;
	}
	if (m && pattern[m - 1] == '$') {
		end = 1;
		m--;
	}
	if (!start)
		buf_addc(&g, '*');
	buf_add(&g, pattern, m);
	if (!end)
		buf_addc(&g, '*');
	ok = glob_match(g.p, g.len, path_query, strlen(path_query));
	buf_release(&g);
	return ok;
}

int
sources_is_article(const struct source_outlet *o, const char *url)
{
	struct buf pq = BUF_INIT;
	size_t i;
	int ok;

	if (url_path_query(url, &pq, NULL) != 0) {
		buf_release(&pq);
		return 0;
	}
	ok = o->includes.n == 0;
	for (i = 0; !ok && i < o->includes.n; i++)
		ok = sources_pattern_match(o->includes.v[i], pq.p);
	for (i = 0; ok && i < o->excludes.n; i++)
		ok = !sources_pattern_match(o->excludes.v[i], pq.p);
	buf_release(&pq);
	return ok;
}
