/* norm.h -- Unicode normalization for matching, with offsets back to the
 * original text.
 *
 * The matching key of a text is: NFKC compatibility forms, case-folded,
 * accents stripped ("Noé" -> "noe"), letters that do not decompose folded
 * (ø->o, ł->l, đ->d, æ->ae, œ->oe, ß->ss, þ->th), typographic quotes and
 * apostrophes made ASCII (" and '), dashes made '-' (en and em dashes
 * become " - " so that they separate words), odd spaces made ' ', and
 * invisible characters (soft hyphen, zero-width spaces and joiners, BOM,
 * other format characters) removed. Every key byte maps back to the byte
 * offset of the original character that produced it, so evidence and quotes
 * are cut from the original text unchanged.
 *
 * Input must be valid UTF-8: run norm_fix_utf8() on untrusted bytes first.
 * Arguments are borrowed.
 */
#ifndef PT_NORM_H
#define PT_NORM_H

#include "crawler/base/buf.h"

#include <stddef.h>
#include <stdint.h>

struct norm {
	struct buf key;  /* the matching key, NUL-terminated */
	uint32_t *map;   /* map[i] = original offset of key byte i;
			    map[key.len] = original length */
	size_t mapcap;   /* allocated entries of map */
};

void norm_init(struct norm *n);
void norm_release(struct norm *n);
/* Builds the key of p[0..len) into n (replacing what was there).
 * 0 or PT_ETOOBIG (texts over 4 GiB). */
int norm_text(struct norm *n, const char *p, size_t len);

/* Returns the key of s as a new string; free with free(). */
char *norm_key(const char *s, size_t len);

/* Returns s in NFC as a new string (for display); free with free(). */
char *norm_nfc(const char *s, size_t len);

/* Copies p[0..len) to out, replacing each invalid UTF-8 sequence (and NUL
 * bytes) with U+FFFD. Returns the number of replacements; *first_bad gets
 * the byte offset of the first one (untouched when there is none). */
size_t norm_fix_utf8(const char *p, size_t len, struct buf *out,
		     size_t *first_bad);

/* Decodes one UTF-8 character at p (valid input); returns its length and
 * stores the code point in *cp. */
size_t norm_decode(const char *p, size_t len, int32_t *cp);

/* 1 when the code point is an upper- or title-case letter. */
int norm_is_upper(int32_t cp);
/* 1 when the code point is a letter. */
int norm_is_letter(int32_t cp);

#endif
