/* fileio.c -- whole-file reads and sorted recursive directory listings. */
#include "crawler/base/fileio.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

int
fileio_read(const char *path, struct buf *out, struct buf *err)
{
	FILE *fp;
	char tmp[65536];
	size_t n;
	int rc = 0, stdin_ = strcmp(path, "-") == 0;

	fp = stdin_ ? stdin : fopen(path, "rb");
	if (!fp) {
		int e = errno;
		if (err)
			buf_addf(err, "cannot open '%s': %s", path,
				 strerror(e));
		return e == ENOENT ? PT_ENOENT : PT_EIO;
	}
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0) {
		if (buf_add(out, tmp, n)) {
			if (err)
				buf_addf(err, "'%s' is larger than %zu bytes",
					 path, out->max);
			rc = PT_ETOOBIG;
			break;
		}
	}
	if (!rc && ferror(fp)) {
		if (err)
			buf_addf(err, "cannot read '%s': %s", path,
				 strerror(errno));
		rc = PT_EIO;
	}
	if (!stdin_)
		fclose(fp);
	return rc;
}

int
fileio_has_ext(const char *path, const char *ext)
{
	size_t a = strlen(path), b = strlen(ext);

	return a >= b && strcasecmp(path + a - b, ext) == 0;
}

struct list {
	char **v;
	size_t n, cap;
	struct stat *dirs;       /* every directory entered so far */
	char **dirpaths;         /* the path it was entered by */
	size_t ndirs, capdirs, capdirpaths;
	struct buf *notes;       /* what was skipped, or NULL */
};

static int
want(const char *name, const char *const *exts)
{
	if (!exts)
		return 1;
	for (; *exts; exts++)
		if (fileio_has_ext(name, *exts))
			return 1;
	return 0;
}

/* Enters directory `path` (stat st) unless it was entered before: a
 * symlink loop, or two links to one directory. 1 to walk it. */
static int
enter_dir(struct list *l, const char *path, const struct stat *st)
{
	size_t i;

	for (i = 0; i < l->ndirs; i++)
		if (l->dirs[i].st_dev == st->st_dev &&
		    l->dirs[i].st_ino == st->st_ino) {
			if (l->notes)
				buf_addf(l->notes, "skipped directory '%s': it "
					 "is '%s' again (a symlink loop or a "
					 "second link)\n", path,
					 l->dirpaths[i]);
			return 0;
		}
	pt_xgrow((void **)&l->dirs, &l->capdirs, l->ndirs + 1,
		 sizeof(*l->dirs));
	pt_xgrow((void **)&l->dirpaths, &l->capdirpaths, l->ndirs + 1,
		 sizeof(*l->dirpaths));
	l->dirs[l->ndirs] = *st;
	l->dirpaths[l->ndirs++] = pt_xstrdup(path);
	return 1;
}

static int
walk(const char *dir, const char *const *exts, struct list *l,
     struct buf *err, int depth)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	struct buf path = BUF_INIT;
	int rc = 0;

	if (depth > 64) {
		if (l->notes)
			buf_addf(l->notes, "skipped directory '%s': more than "
				 "64 levels deep\n", dir);
		return 0;
	}
	d = opendir(dir);
	if (!d) {
		if (err)
			buf_addf(err, "cannot open directory '%s': %s", dir,
				 strerror(errno));
		return errno == ENOENT ? PT_ENOENT : PT_EIO;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* ., .. and hidden files */
		buf_reset(&path);
		buf_addf(&path, "%s%s%s", dir,
			 dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
		if (stat(path.p, &st) != 0) {
			if (l->notes)
				buf_addf(l->notes, "skipped '%s': %s\n",
					 path.p, strerror(errno));
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!enter_dir(l, path.p, &st))
				continue;
			rc = walk(path.p, exts, l, err, depth + 1);
			if (rc)
				break;
		} else if (S_ISREG(st.st_mode) && want(e->d_name, exts)) {
			pt_xgrow((void **)&l->v, &l->cap, l->n + 1,
				 sizeof(*l->v));
			l->v[l->n++] = pt_xstrdup(path.p);
		} else if (l->notes) {
			buf_addf(l->notes, "skipped '%s': %s\n", path.p,
				 S_ISREG(st.st_mode) ? "not a kind of file "
				 "read here (by its name)" : "not a regular "
				 "file");
		}
	}
	closedir(d);
	buf_release(&path);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
fileio_walk(const char *dir, const char *const *exts, char ***paths,
	    size_t *n, struct buf *notes, struct buf *err)
{
	struct list l;
	struct stat st;
	size_t i;
	int rc = 0;

	memset(&l, 0, sizeof(l));
	l.notes = notes;
	if (stat(dir, &st) == 0)
		enter_dir(&l, dir, &st);
	rc = walk(dir, exts, &l, err, 0);
	for (i = 0; i < l.ndirs; i++)
		free(l.dirpaths[i]);
	free(l.dirpaths);
	free(l.dirs);
	if (rc) {
		fileio_list_free(l.v, l.n);
		return rc;
	}
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), cmp_str);
	*paths = l.v;
	*n = l.n;
	return 0;
}

int
fileio_list(const char *dir, const char *const *exts, char ***paths,
	    size_t *n, struct buf *err)
{
	return fileio_walk(dir, exts, paths, n, NULL, err);
}

void
fileio_list_free(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

int
fileio_mkdirs(const char *path, struct buf *err)
{
	struct buf p = BUF_INIT;
	struct stat st;
	size_t i;
	int rc = 0;

	buf_adds(&p, path);
	for (i = 1; i <= p.len && !rc; i++) {
		if (i < p.len && p.p[i] != '/')
			continue;
		p.p[i] = '\0';
		if (stat(p.p, &st) != 0) {
			if (mkdir(p.p, 0777) != 0 && errno != EEXIST)
				rc = PT_EIO;
		} else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			rc = PT_EIO;
		}
		if (rc && err)
			buf_addf(err, "cannot create directory '%s': %s", p.p,
				 strerror(errno));
		if (i < p.len)
			p.p[i] = '/';
	}
	buf_release(&p);
	return rc;
}

char *
fileio_data_path(const char *rel, const char *builtin)
{
	const char *dirs[3];
	struct buf b = BUF_INIT;
	size_t i;

	dirs[0] = getenv("PRESSTALLY_DATA");
	dirs[1] = builtin;
	dirs[2] = "data";
	for (i = 0; i < 3; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		buf_reset(&b);
		buf_addf(&b, "%s/%s", dirs[i], rel);
		if (access(b.p, R_OK) == 0)
			break;
	}
	return buf_detach(&b, NULL);
}

char *
fileio_join(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

void
fileio_rmtree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		unlink(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		char *p;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		p = fileio_join(path, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			fileio_rmtree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(path);
}
