/* tally.h -- the CSV outputs of `analyze`, written as articles stream by,
 * and the per-figure totals kept in memory (one entry per person, not per
 * article, so memory does not grow with the corpus).
 *
 *   articles.csv  article_id,url,title,author,published,site,words,pro,con,
 *                 stance
 *   mentions.csv  article_id,figure,mentions,pro,con,stance,evidence,
 *                 pro_weight,con_weight
 *   quotes.csv    article_id,speaker,quote,stance
 *   figures.csv   figure,articles,mentions,pro,con,stance,quotes,
 *                 pro_weight,con_weight
 *
 * Files are written to temporaries in the output directory and renamed into
 * place by tally_finish(); tally_free() without a finish removes them, so an
 * interrupted run leaves the previous files as they were.
 * Arguments are borrowed.
 */
#ifndef PT_TALLY_H
#define PT_TALLY_H

#include <stddef.h>
#include <stdio.h>

struct buf;
struct doc;

struct tally_meta {
	const char *id_source; /* the URL, or the path as given */
	const char *url;       /* or NULL */
	const char *title, *author, *published, *site; /* or NULL */
};

struct tally;

/* Opens the four outputs in `dir`. NULL with a message in err. */
struct tally *tally_new(const char *dir, struct buf *err);
/* Writes one article's rows and adds it to the totals. 0 or PT_EIO. */
int tally_add(struct tally *t, const struct tally_meta *m,
	      const struct doc *d);
/* Writes figures.csv and renames all four files into place. */
int tally_finish(struct tally *t, struct buf *err);
void tally_free(struct tally *t);

/* Articles added so far. */
size_t tally_articles(const struct tally *t);
/* Prints the figures, grouped by stance, as an aligned table. */
void tally_print_summary(const struct tally *t, FILE *fp, size_t max_rows);

/* Writes the first 16 hex digits of SHA-256(s) and a NUL into out[17]. */
void tally_article_id(const char *s, char out[17]);

#endif
