/* tally.h -- the dataset that `analyze` and `merge` write: seven CSV files
 * in one directory, articles.csv, mentions.csv, quotes.csv and cues.csv
 * (rows per article) and figures.csv, timeline.csv and aliases.csv
 * (totals). Their
 * columns are the tables at the top of tally.c, the one place from which
 * the writer, the header rows, the reader of partials and the SQL come
 * (the README describes each column).
 *
 * Rows are kept in an external sort whose runs go to temporary files next
 * to the outputs (so memory does not grow with the corpus; the totals in
 * a temporary SQLite database there) and written out in a canonical
 * order at tally_finish(): articles by article_id, each article's rows in
 * text order. An article seen more than once keeps its newest capture
 * (then the larger digest), so the output does not depend on the order of
 * the inputs, and a directory written by `analyze` is itself a partial that
 * `merge` can read back (tally_import()) to the same bytes.
 *
 * Partials are sorted by article_id, so `merge` reads them together as a
 * k-way merge that writes each article's rows out as it meets them: only
 * the totals are summed. (Articles added with tally_add() as well, or
 * more partials than there may be open files, are read one after the
 * other into the sort instead.)
 *
 * Files are written to temporaries and renamed into place by
 * tally_finish(); tally_free() without a finish removes them and the
 * work files, so a failed run leaves the previous files as they were.
 * Arguments are borrowed.
 */
#ifndef PT_TALLY_H
#define PT_TALLY_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

struct buf;
struct doc;
struct progress;

struct tally_meta {
	const char *id_source; /* the URL, or what names a local input (its
				  canonical path; stdin: its digest) */
	const char *url;       /* or NULL */
	const char *file;      /* a local input file as given, or NULL */
	const char *title, *author, *published, *site; /* or NULL */
	const char *captured;  /* capture time (ISO 8601), or NULL */
};

struct tally;

/* Opens a dataset to be written into `dir`. NULL with a message in err. */
struct tally *tally_new(const char *dir, struct buf *err);
/* With on != 0, each file starts with a UTF-8 byte order mark, which
 * makes Excel read the files as UTF-8 (without it, Excel on Windows
 * takes them for the ANSI code page and shows "NoÃ©"). Other tools, and
 * tally_import(), skip it. Off by default. */
void tally_set_bom(struct tally *t, int on);
/* Adds one analyzed article. 0, or PT_EIO (the sort could not write its
 * file) or PT_ETOOBIG with a message in err. */
int tally_add(struct tally *t, const struct tally_meta *m,
	      const struct doc *d, struct buf *err);
/* While the partials are read: `stop` (a signal flag) set makes it end
 * with PT_EINTR; `prog` is updated with the articles and bytes read.
 * Both borrowed; NULL for none. */
void tally_set_stop(struct tally *t, volatile sig_atomic_t *stop);
void tally_set_progress(struct tally *t, struct progress *prog);
/* Adds every article of a dataset directory written before (a partial).
 * Here its files are opened and their header rows and first records
 * checked: 0, or PT_EIO/PT_EPARSE with a message naming the file and
 * line. The rest is read by the first of tally_conflicts() and
 * tally_finish(), whose message for a bad partial starts "cannot merge
 * partial 'DIR': " and names the file and line. */
int tally_import(struct tally *t, const char *dir, struct buf *err);
/* Before tally_finish(): the articles that two partials hold with
 * different digests (one id, two texts: a page that changed, or two
 * inputs that share an id), of which only the newest capture is kept.
 * Appends a line naming both partials and the one kept for each of the
 * first `max`; returns how many there are, or -1 with a message in err
 * (PT_EINTR when stopped). Reads the partials if not done yet. */
long long tally_conflicts(struct tally *t, struct buf *out, size_t max,
			  struct buf *err);
/* Writes the seven files and renames them into place. A stop flag
 * (tally_set_stop()) set before the renames begin abandons the write:
 * PT_EINTR ("interrupted"), the previous files kept; once they begin,
 * all seven are renamed. */
int tally_finish(struct tally *t, struct buf *err);
void tally_free(struct tally *t);

/* Articles added so far (before duplicates are dropped). */
size_t tally_articles(const struct tally *t);
/* After tally_finish(): prints the figures, grouped by stance, as an
 * aligned table of at most max_rows rows. */
void tally_print_summary(struct tally *t, FILE *fp, size_t max_rows);

/* Writes the first 16 hex digits of SHA-256(s) and a NUL into out[17]. */
void tally_article_id(const char *s, char out[17]);

#endif
