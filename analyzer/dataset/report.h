/* report.h -- a dataset as one self-contained HTML page for people who
 * read the results: the figures by stance as a diverging bar chart
 * (sortable), pro and con cues per month (overall and per figure), each
 * shown figure's quotes and the evidence sentences behind the stance, and
 * the corpus (articles per outlet and per month).
 *
 * Everything is in the one file: inline CSS, SVG drawn here, a few lines
 * of script for sorting and picking a figure (the page reads fine without
 * them), no fonts, images or requests. At scale only the top figures are
 * drawn and detailed; the others are listed in a table, and quotes and
 * sentences per figure are capped, so the page stays a few megabytes.
 *
 * Reads articles.csv, figures.csv, timeline.csv, quotes.csv and cues.csv
 * by header name (read.h). Arguments are borrowed.
 */
#ifndef PT_REPORT_H
#define PT_REPORT_H

#include <stddef.h>

struct buf;

struct report_opts {
	const char *topic;     /* topic file path to show, or NULL */
	const char *title;     /* the topic's name for the title, or NULL */
	const char *run_date;  /* shown as the run's date; NULL: now (UTC) */
	size_t top;            /* figures drawn and detailed; 0: 40 */
	size_t quotes;         /* quotes shown per figure; 0: 8 */
	size_t cues;           /* evidence sentences per figure; 0: 8 */
	/* Called now and then with the bytes of CSV read so far and in
	 * all, for a progress meter; may be NULL. */
	void (*progress)(void *ctx, unsigned long long done,
			 unsigned long long total);
	void *ctx;
};

/* Writes the report of dataset `dir` to `path` (through a temporary file
 * renamed into place). 0, or PT_EIO/PT_EPARSE with a message naming the
 * file in err. */
int report_write(const char *dir, const char *path,
		 const struct report_opts *o, struct buf *err);

#endif
