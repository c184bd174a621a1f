/* runs.h -- records sorted by key in bounded memory (an external merge
 * sort): records are held in memory up to a budget, then sorted and
 * written to a temporary file as one sorted run; at the end they are read
 * back in key order by a k-way merge of the runs. When runs pile up
 * (RUNS_FANIN of them), they are merged into one larger run, so neither
 * the open files nor the read buffers grow with the data.
 *
 * Keys compare as bytes (memcmp, the shorter first when one is a prefix
 * of the other); records with equal keys come back in the order they
 * were added. The temporary files are made in the directory given to
 * runs_new() and unlinked as soon as they are open, so nothing is left
 * behind however the process ends. Memory: about the budget, plus one
 * write buffer and the largest record.
 *
 * Arguments are borrowed; runs_add() copies the record.
 */
#ifndef PT_RUNS_H
#define PT_RUNS_H

#include <stddef.h>

struct buf;
struct sv;

/* Runs merged into one when there are this many of one size. */
#define RUNS_FANIN 512

struct runs;

/* A new sorter that holds up to `budget` bytes of records in memory
 * before it writes a run (and reads runs back through buffers of that
 * many bytes in all), with its temporary files in directory `dir`. */
struct runs *runs_new(const char *dir, size_t budget);
void runs_free(struct runs *r);

/* Adds a record whose bytes are parts[0..nparts) one after the other
 * (key and record of up to 4 GB - 8 each). 0, or PT_EIO (a run could not
 * be written) or PT_ETOOBIG with a message in err. Not after
 * runs_next(). */
int runs_add(struct runs *r, const void *key, size_t klen,
	     const struct sv *parts, size_t nparts, struct buf *err);

/* The next record in key order: 1 with *key and *rec set (borrowed;
 * valid until the next runs_next() or runs_free()), 0 after the last,
 * or PT_EIO with a message in err. */
int runs_next(struct runs *r, struct sv *key, struct sv *rec,
	      struct buf *err);

/* Runs written to the temporary files so far, merged ones included. */
size_t runs_written(const struct runs *r);

#endif
