/* qsearch.h -- the quotes of a dataset joined with their articles and
 * filtered: who said it (the figure or any of its aliases, ignoring case
 * and accents), where (outlet), when (date range), what (words of the
 * quote or its context) and with which stance. The work of
 * `presstally quotes`.
 *
 * Reads articles.csv and quotes.csv, and aliases.csv when it exists, by
 * header name (read.h): the quote columns context, start, end,
 * speaker_form, speaker_kind and sieve are used when the dataset has them
 * and empty when it does not.
 *
 * Arguments are borrowed.
 */
#ifndef PT_QSEARCH_H
#define PT_QSEARCH_H

struct buf;

/* Every member may be NULL (no condition). */
struct qsearch_filter {
	const char *who;     /* figure, alias or the form the text used */
	const char *site;    /* host of the URL ("x.org" also matches
				"www.x.org") or words of the outlet name */
	const char *from;    /* first date, ISO 8601 ("2024", "2024-05",
				"2024-05-14") */
	const char *to;      /* last date, same forms, inclusive */
	const char *grep;    /* words in the quote or its context */
	const char *stance;  /* "pro", "con", "mixed" or "neutral" */
};

/* One quote with its article. Borrowed for the duration of the callback;
 * missing values are "". */
struct qsearch_row {
	const char *article_id, *speaker, *speaker_form, *speaker_kind;
	const char *quote, *stance, *context, *sieve;
	const char *start, *end; /* the quote's offsets in the article's
				    text, as quotes.csv has them */
	const char *date;    /* published date, else the capture time */
	const char *site;    /* outlet name, else the URL's host */
	const char *title, *url;
	const char *file;    /* the input file, for articles read from local
				files (articles.csv "file", when present) */
};

/* Calls fn for every quote of dataset `dir` that passes f, in the order
 * of quotes.csv (article id, then text order); a non-zero return from fn
 * stops the search and is returned. Else 0, or PT_EIO/PT_EPARSE with a
 * message naming the file and line in err. */
int qsearch_run(const char *dir, const struct qsearch_filter *f,
		int (*fn)(void *ctx, const struct qsearch_row *row),
		void *ctx, struct buf *err);

/* 1 when `needle_key` occurs in `hay_key` at word boundaries (both
 * matching keys, norm.h): "noe" in "gaspar noe", not in "noel". */
int qsearch_words_in(const char *hay_key, const char *needle_key);

#endif
