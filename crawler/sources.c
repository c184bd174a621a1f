/* sources.c -- parse data/sources.conf (format in sources.h).
 *
 * Lines come from the configuration reader (conf.h): an "[outlet NAME]"
 * header or "key = value". The first error ends the parse with
 * "FILE:LINE: expected ...".
 * Non-goals: includes of other files, quoting, line continuations.
 */
#include "crawler/sources.h"

#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/conf.h"
#include "crawler/base/err.h"
#include "crawler/base/sv.h"
#include "crawler/base/url.h"

#include <stddef.h>
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
		return conf_error(err, file, o->line, "expected a 'host' line "
				  "in outlet '%s'", o->name);
	if (o->feeds.n == 0 && o->sitemaps.n == 0)
		return conf_error(err, file, o->line, "expected a 'feed' or "
				  "'sitemap' line in outlet '%s'", o->name);
	return 0;
}

/* "[outlet NAME]": starts a new outlet after checking the one before. */
static int
parse_section(struct sources *s, struct sv line, const char *file,
	      size_t ln, struct buf *err)
{
	struct source_outlet *o = s->n ? &s->outlets[s->n - 1] : NULL;
	struct sv name;
	size_t i;

	if (line.p[line.len - 1] != ']' || line.len < 2)
		return conf_error(err, file, ln, "expected ']' at the end of "
				  "the section header");
	name = sv_trim(sv_make(line.p + 1, line.len - 2));
	if (!sv_starts_nocase(name, "outlet") ||
	    (name.len > 6 && name.p[6] != ' ' && name.p[6] != '\t'))
		return conf_error(err, file, ln, "expected '[outlet NAME]'");
	name = sv_trim(sv_make(name.p + 6, name.len - 6));
	if (name.len == 0)
		return conf_error(err, file, ln, "expected an outlet name "
				  "after 'outlet'");
	for (i = 0; i < s->n; i++)
		if (sv_eq_nocase(name, s->outlets[i].name))
			return conf_error(err, file, ln, "expected a new "
					  "outlet name; '%.*s' is already "
					  "defined at line %zu", (int)name.len,
					  name.p, s->outlets[i].line);
	if (o && finish_outlet(o, file, err))
		return PT_EPARSE;
	pt_xgrow((void **)&s->outlets, &s->cap, s->n + 1, sizeof(*s->outlets));
	o = &s->outlets[s->n++];
	memset(o, 0, sizeof(*o));
	o->name = pt_xstrndup(name.p, name.len);
	o->line = ln;
	o->delay = -1;
	return 0;
}

/* What the value of a key must be. */
enum entry { E_HOST, E_URL, E_PATTERN, E_DELAY };

/* The keys of an outlet block, in the order the error message names
 * them, each with the offset of the list its values go to. */
static const struct conf_key entries[] = {
	{ "host", E_HOST, offsetof(struct source_outlet, hosts) },
	{ "feed", E_URL, offsetof(struct source_outlet, feeds) },
	{ "sitemap", E_URL, offsetof(struct source_outlet, sitemaps) },
	{ "include", E_PATTERN, offsetof(struct source_outlet, includes) },
	{ "exclude", E_PATTERN, offsetof(struct source_outlet, excludes) },
	{ "delay", E_DELAY, 0 },
};

#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

static int
unknown_key(struct sv key, const char *file, size_t ln, struct buf *err)
{
	struct buf names = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < NENTRIES; i++)
		buf_addf(&names, "%s%s", i ? ", " : "", entries[i].name);
	rc = conf_error(err, file, ln, "expected one of %s; got '%.*s'",
			names.p, (int)key.len, key.p);
	buf_release(&names);
	return rc;
}

static int
set_delay(struct source_outlet *o, struct sv val, const char *file,
	  size_t ln, struct buf *err)
{
	char tmp[32];
	double d;

	if (o->delay >= 0)
		return conf_error(err, file, ln, "expected one 'delay' per "
				  "outlet");
	if (val.len >= sizeof(tmp))
		return conf_error(err, file, ln, "expected a number of seconds "
				  "(0 to 3600)");
	memcpy(tmp, val.p, val.len);
	tmp[val.len] = '\0';
	if (cli_parse_double(tmp, &d) != 0 || d < 0 || d > 3600)
		return conf_error(err, file, ln, "expected a number of seconds "
				  "(0 to 3600), got '%s'", tmp);
	o->delay = d;
	return 0;
}

/* Checks the value of a list entry (host, feed, sitemap, include,
 * exclude). */
static int
check_value(enum entry kind, const struct conf_line *l, const char *file,
	    struct buf *err)
{
	struct sv key = l->key, val = l->val;
	struct buf u = BUF_INIT, canon = BUF_INIT;
	int bad;

	if (kind == E_HOST && !valid_host(val))
		return conf_error(err, file, l->line, "expected a host name "
				  "like 'example.com', got '%.*s'",
				  (int)val.len, val.p);
	if (kind == E_PATTERN && has_space(val))
		return conf_error(err, file, l->line, "expected a pattern "
				  "without spaces, got '%.*s'", (int)val.len,
				  val.p);
	if (kind != E_URL)
		return 0;
	buf_add(&u, val.p, val.len);
	bad = has_space(val) || url_canonicalize(u.p, NULL, &canon, NULL) != 0;
	buf_release(&u);
	buf_release(&canon);
	if (bad)
		return conf_error(err, file, l->line, "expected an http or "
				  "https URL after '%.*s =', got '%.*s'",
				  (int)key.len, key.p, (int)val.len, val.p);
	return 0;
}

/* "key = value" inside an outlet block. */
static int
parse_entry(struct sources *s, const struct conf_line *l, const char *file,
	    struct buf *err)
{
	struct source_outlet *o = s->n ? &s->outlets[s->n - 1] : NULL;
	const struct conf_key *e = conf_key_find(entries, NENTRIES, l->key);
	struct source_list *list;
	struct sv key = l->key;
	char *c;

	if (!l->val.p)
		return conf_error(err, file, l->line, "expected 'key = value' "
				  "or '[outlet NAME]'");
	if (!o)
		return conf_error(err, file, l->line, "expected '[outlet "
				  "NAME]' before '%.*s'", (int)key.len, key.p);
	if (l->val.len == 0)
		return conf_error(err, file, l->line, "expected a value after "
				  "'%.*s ='", (int)key.len, key.p);
	if (!e)
		return unknown_key(key, file, l->line, err);
	if (e->kind == E_DELAY)
		return set_delay(o, l->val, file, l->line, err);
	if (check_value(e->kind, l, file, err))
		return PT_EPARSE;
	list = (struct source_list *)((char *)o + e->off);
	list_add(list, l->val);
	if (e->kind == E_HOST)
		for (c = list->v[list->n - 1]; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
	return 0;
}

/* Parses every line of c into s. */
static int
parse_all(struct sources *s, struct conf *c, struct buf *err)
{
	struct conf_line l;
	int rc;

	while ((rc = conf_next(c, &l, err)) == 1)
		if ((l.text.p[0] == '[' ? parse_section(s, l.text, c->file,
							 l.line, err) :
		     parse_entry(s, &l, c->file, err)) != 0) {
			rc = PT_EPARSE;
			break;
		}
	if (rc == 0 && s->n)
		rc = finish_outlet(&s->outlets[s->n - 1], c->file, err);
	if (rc == 0 && s->n == 0)
		rc = conf_error(err, c->file, c->line ? c->line : 1,
				"expected at least one '[outlet NAME]' block");
	if (rc)
		sources_release(s);
	return rc;
}

int
sources_parse(struct sources *s, const char *text, size_t len,
	      const char *filename, struct buf *err)
{
	struct conf c;
	int rc;

	conf_init(&c, text, len, filename ? filename : "sources");
	rc = parse_all(s, &c, err);
	conf_release(&c);
	return rc;
}

int
sources_load(struct sources *s, const char *path, struct buf *err)
{
	struct conf c;
	int rc = conf_open(&c, path, err);

	if (rc == 0)
		rc = parse_all(s, &c, err);
	conf_release(&c);
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
