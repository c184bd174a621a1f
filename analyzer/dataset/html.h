/* html.h -- the little HTML and SVG writing the report needs: text and
 * attribute values escaped into a struct buf, and numbers written the
 * same way on every machine (no locale).
 *
 * Arguments are borrowed.
 */
#ifndef PT_HTML_H
#define PT_HTML_H

#include <stddef.h>

struct buf;

/* Appends s with & < > " ' escaped: safe as element text and inside a
 * double-quoted attribute value. */
void html_esc(struct buf *b, const char *s);
void html_escn(struct buf *b, const char *s, size_t n);
/* Appends a URL for an href: escaped as above, and only when it is
 * http(s) (anything else, "javascript:" say, becomes "#"). */
void html_href(struct buf *b, const char *url);
/* Appends v with one decimal ("12.5"), the C locale's way. */
void html_num1(struct buf *b, double v);

#endif
