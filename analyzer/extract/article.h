/* article.h -- the plain data one HTML page yields: its main text and
 * metadata. Filled by extractor_run() (extract.h), read by the analyzer.
 *
 * Every string field is owned by the article and NULL when unknown.
 */
#ifndef PT_ARTICLE_H
#define PT_ARTICLE_H

#include "crawler/base/buf.h"

/* Cap on the main text; a longer text is cut there. */
#define ARTICLE_MAX_TEXT (8u * 1024 * 1024)

struct article {
	char *url;       /* the URL given, else canonical, else NULL; owned */
	char *title;     /* owned, NULL when unknown */
	char *author;    /* owned; several authors joined with ", " */
	char *published; /* "YYYY-MM-DD" or NULL; owned */
	char *site;      /* site / publisher name, owned */
	char *language;  /* primary language subtag, e.g. "en", owned */
	char *canonical; /* absolute canonical URL, owned */
	struct buf text; /* main text: paragraphs separated by "\n\n", UTF-8,
			    capped at ARTICLE_MAX_TEXT */
};

/* Makes a an empty article (no allocation). */
void article_init(struct article *a);
/* Frees every field and re-initialises a. */
void article_release(struct article *a);

#endif
