/* sv.h -- non-owning string views (pointer, length) for cursor parsers. */
#ifndef PT_SV_H
#define PT_SV_H

#include <stddef.h>
#include <string.h>

struct sv {
	const char *p; /* borrowed, not NUL-terminated */
	size_t len;
};

static inline struct sv
sv_make(const char *p, size_t len)
{
	struct sv s = { p, len };
	return s;
}

static inline struct sv
sv_cstr(const char *s)
{
	return sv_make(s, strlen(s));
}

/* Strips ASCII spaces and tabs (and CR/LF) on both ends. */
struct sv sv_trim(struct sv s);
/* The line without its comment -- '#' at the start or after a space or
 * tab, to the end -- and trimmed: the comment rule of presstally's
 * configuration and topic files. */
struct sv sv_strip_comment(struct sv line);
/* 1 when equal ignoring ASCII case. */
int sv_eq_nocase(struct sv a, const char *b);
int sv_eq(struct sv a, const char *b);
int sv_starts_nocase(struct sv a, const char *prefix);
/* Splits at the first `c`: *head gets what is before, the return value what
 * is after (len 0 and p NULL when `c` does not occur; then *head = s). */
struct sv sv_cut(struct sv s, char c, struct sv *head);

#endif
