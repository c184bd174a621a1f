/* ofile.c -- temporary file + rename into place. */
#include "crawler/base/ofile.h"

#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OFILE_BUFFER (256u * 1024)

int
ofile_open(struct ofile *f, const char *path, struct buf *err)
{
	struct buf t = BUF_INIT;
	int fd;

	memset(f, 0, sizeof(*f));
	/* The temporary sits in the same directory so rename() is atomic. */
	buf_addf(&t, "%s.tmp.XXXXXX", path);
	fd = mkstemp(t.p);
	if (fd < 0) {
		if (err)
			buf_addf(err, "cannot create '%s': %s", t.p,
				 strerror(errno));
		buf_release(&t);
		return PT_EIO;
	}
	/* mkstemp() makes the file 0600; give it the usual mode. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	f->fp = fdopen(fd, "w");
	if (!f->fp) {
		close(fd);
		unlink(t.p);
		buf_release(&t);
		return PT_EIO;
	}
	/* Outputs run to gigabytes: one write() per OFILE_BUFFER bytes
	 * rather than per 4 KB. (glibc ignores the size without a
	 * buffer of ours.) */
	f->iobuf = pt_xmalloc(OFILE_BUFFER);
	setvbuf(f->fp, f->iobuf, _IOFBF, OFILE_BUFFER);
	f->tmp = buf_detach(&t, NULL);
	f->path = pt_xstrdup(path);
	return 0;
}

static void
release(struct ofile *f)
{
	free(f->path);
	free(f->tmp);
	free(f->iobuf);
	memset(f, 0, sizeof(*f));
}

int
ofile_commit(struct ofile *f, struct buf *err)
{
	int failed;

	if (!f->fp)
		return PT_EINVAL;
	failed = fflush(f->fp) != 0 || ferror(f->fp) ||
		 fsync(fileno(f->fp)) != 0;
	if (fclose(f->fp) != 0)
		failed = 1;
	f->fp = NULL;
	if (!failed && rename(f->tmp, f->path) != 0)
		failed = 1;
	if (failed) {
		if (err)
			buf_addf(err, "cannot write '%s': %s", f->path,
				 strerror(errno));
		unlink(f->tmp);
		release(f);
		return PT_EIO;
	}
	release(f);
	return 0;
}

void
ofile_abort(struct ofile *f)
{
	if (f->fp) {
		fclose(f->fp);
		unlink(f->tmp);
	}
	release(f);
}
