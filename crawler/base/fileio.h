/* fileio.h -- reading whole files and walking directories, with caps. */
#ifndef PT_FILEIO_H
#define PT_FILEIO_H

#include <stddef.h>

struct buf;

/* Appends the contents of `path` ("-" = stdin) to `out` (whose cap
 * applies). 0, PT_ENOENT, PT_EIO or PT_ETOOBIG, with a message in err
 * naming the path. */
int fileio_read(const char *path, struct buf *out, struct buf *err);

/* Lists the regular files under directory `dir`, recursively, whose names
 * end in one of the NULL-terminated `exts` (case-insensitive; NULL = all),
 * in byte-wise sorted order of their paths. *paths receives a new array of
 * new strings; free with fileio_list_free(). 0 or PT_EIO/PT_ENOENT. */
int fileio_list(const char *dir, const char *const *exts, char ***paths,
		size_t *n, struct buf *err);
void fileio_list_free(char **paths, size_t n);
/* fileio_list(), which also says what it skipped: with notes non-NULL,
 * appends one line per skipped entry (a file of another kind, a directory
 * seen before: "skipped directory 'a/loop': it is 'a' again ..."). Each
 * directory is entered once, by device and inode, so symlink loops and
 * second links to a directory add nothing. */
int fileio_walk(const char *dir, const char *const *exts, char ***paths,
		size_t *n, struct buf *notes, struct buf *err);

/* Creates directory `path` and its missing parents (mkdir -p). 0, or
 * PT_EIO with a message naming the path. */
int fileio_mkdirs(const char *path, struct buf *err);

/* Finds a bundled data file `rel` (e.g. "topics/x.topic") in, in order,
 * $PRESSTALLY_DATA, `builtin` (the source tree's data/ directory, compiled
 * in) and ./data. Returns a new string (the first readable candidate, else
 * the last one tried, for the error message); free with free(). */
char *fileio_data_path(const char *rel, const char *builtin);

/* Returns "dir/name" as a new string; free with free(). */
char *fileio_join(const char *dir, const char *name);

/* Removes the directory tree `path` (or the file), as far as it can. */
void fileio_rmtree(const char *path);

/* 1 when `path` ends in `ext` ignoring case. */
int fileio_has_ext(const char *path, const char *ext);

#endif
