/* sv.c -- string view helpers. */
#include "crawler/base/sv.h"

#include <strings.h>

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct sv
sv_trim(struct sv s)
{
	while (s.len && is_ws(s.p[0])) {
		s.p++;
		s.len--;
	}
	while (s.len && is_ws(s.p[s.len - 1]))
		s.len--;
	return s;
}

struct sv
sv_strip_comment(struct sv line)
{
	size_t i;

	for (i = 0; i < line.len; i++)
		if (line.p[i] == '#' &&
		    (i == 0 || line.p[i - 1] == ' ' || line.p[i - 1] == '\t'))
			return sv_trim(sv_make(line.p, i));
	return sv_trim(line);
}

int
sv_eq_nocase(struct sv a, const char *b)
{
	size_t n = strlen(b);

	return a.len == n && strncasecmp(a.p, b, n) == 0;
}

int
sv_eq(struct sv a, const char *b)
{
	size_t n = strlen(b);

	return a.len == n && memcmp(a.p, b, n) == 0;
}

int
sv_starts_nocase(struct sv a, const char *prefix)
{
	size_t n = strlen(prefix);

	return a.len >= n && strncasecmp(a.p, prefix, n) == 0;
}

struct sv
sv_cut(struct sv s, char c, struct sv *head)
{
	const char *q = s.len ? memchr(s.p, c, s.len) : NULL;
	struct sv rest = { NULL, 0 };

	if (!q) {
		*head = s;
		return rest;
	}
	*head = sv_make(s.p, (size_t)(q - s.p));
	rest = sv_make(q + 1, s.len - (size_t)(q - s.p) - 1);
	return rest;
}
