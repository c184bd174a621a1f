/* ofile.h -- write an output file through a temporary file renamed into
 * place, so that readers see either the old file or the complete new one,
 * never a partial one.
 *
 * Usage: ofile_open(&f, "out/articles.csv", err); write with fwrite to
 * f.fp; then ofile_commit(&f, err) (fsync + rename) or ofile_abort(&f)
 * (unlink the temporary). ofile_abort() after a commit is a no-op, so it
 * can sit on every cleanup path.
 */
#ifndef PT_OFILE_H
#define PT_OFILE_H

#include <stdio.h>

struct buf;

struct ofile {
	FILE *fp;    /* the temporary file, open for writing */
	char *path;  /* final path, owned */
	char *tmp;   /* temporary path, owned */
	char *iobuf; /* fp's buffer, owned */
};

/* 0, or PT_EIO with a message in err naming the path. */
int ofile_open(struct ofile *f, const char *path, struct buf *err);
/* Flushes, syncs and renames into place. 0 or PT_EIO. Always releases. */
int ofile_commit(struct ofile *f, struct buf *err);
/* Removes the temporary file and releases. */
void ofile_abort(struct ofile *f);

#endif
