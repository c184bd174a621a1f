/* meta.h -- article metadata of a parsed HTML page: title, author,
 * publication date, site name, language, canonical URL.
 *
 * Sources, strongest first: JSON-LD (headline, author, datePublished,
 * publisher, articleBody), Open Graph and article:* meta, other <meta>
 * names, itemprop microdata, <time datetime> outside related boxes,
 * bylines, <title>, <html lang>, <link rel=canonical>, the URL. Dates from
 * scripts other than JSON-LD or from related/comment boxes are not taken;
 * future dates are refused.
 *
 * Non-goals: natural-language dates in every language, author pages.
 */
#ifndef PT_META_H
#define PT_META_H

#include <libxml/tree.h>

#include <time.h>

struct article;

/* Fills a->title, author, published, site, language, canonical and url
 * (the given `url`, else the canonical one). `now` is the current time
 * (dates after it are refused). *ld_body receives the JSON-LD articleBody,
 * else the text of a HowTo's or Recipe's description, ingredients and
 * steps (one line each), as a new string (free with free()) or NULL. */
void meta_collect(xmlDocPtr doc, const char *url, time_t now,
		  struct article *a, char **ld_body);

/* Parses the date at the start of s ("2019-11-19T...", "2019/11/19",
 * "20191119", "Nov 19, 2019", "19 November 2019") into out[11] as
 * "YYYY-MM-DD". Returns 1 when valid and not after `now`. */
int meta_parse_date(const char *s, time_t now, char out[11]);

#endif
