/* article.c -- lifecycle of the plain article data. See article.h. */
#include "analyzer/extract/article.h"

#include <stdlib.h>
#include <string.h>

void
article_init(struct article *a)
{
	memset(a, 0, sizeof(*a));
	buf_init(&a->text, ARTICLE_MAX_TEXT);
}

void
article_release(struct article *a)
{
	free(a->url);
	free(a->title);
	free(a->author);
	free(a->published);
	free(a->site);
	free(a->language);
	free(a->canonical);
	buf_release(&a->text);
	article_init(a);
}
