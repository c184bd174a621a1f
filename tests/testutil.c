/* testutil.c -- process running, temp dirs and CSV loading for tests. */
#define _GNU_SOURCE
#include "tests/testutil.h"

#include "crawler/base/csv.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char *
tu_binary(void)
{
	const char *b = getenv("PT_BINARY");

	return b ? b : "presstally";
}

static char *
join(const char *base, const char *rel)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", base, rel);
	return buf_detach(&b, NULL);
}

char *
tu_src(const char *rel)
{
	const char *s = getenv("PT_SOURCE_DIR");

	return join(s ? s : ".", rel);
}

char *
tu_shared(const char *rel)
{
	const char *s = getenv("PT_SHARED_DIR");

	return join(s ? s : "../shared", rel);
}

int
tu_shared_have(const char *rel, const char *what)
{
	char *path = tu_shared(rel);
	struct stat st;
	int ok = stat(path, &st) == 0;

	if (!ok) {
		printf("skipped: ../shared/%s not found (%s): %s\n", rel, path,
		       what);
		fflush(stdout);
	}
	free(path);
	return ok;
}

int
tu_shared_mode(int argc, char **argv)
{
	return argc > 1 && strcmp(argv[1], "--shared") == 0;
}

static void
slurp_fd(int fd, struct buf *b)
{
	char tmp[8192];
	ssize_t n;

	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, tmp, sizeof(tmp))) > 0)
		buf_add(b, tmp, (size_t)n);
}

int
tu_run(const char *const *args, const char *stdin_path, struct buf *out,
       struct buf *err)
{
	char *argv[64];
	char ofile[] = "/tmp/pt-out-XXXXXX", efile[] = "/tmp/pt-err-XXXXXX";
	int ofd = mkstemp(ofile), efd = mkstemp(efile), status = 0;
	size_t i;
	pid_t pid;

	unlink(ofile);
	unlink(efile);
	argv[0] = (char *)tu_binary();
	for (i = 0; args[i] && i < 62; i++)
		argv[i + 1] = (char *)args[i];
	argv[i + 1] = NULL;
	pid = fork();
	if (pid == 0) {
		int in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY);

		dup2(in, 0);
		dup2(ofd, 1);
		dup2(efd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	if (out)
		slurp_fd(ofd, out);
	if (err)
		slurp_fd(efd, err);
	close(ofd);
	close(efd);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

char *
tu_tmpdir(void)
{
	char tmpl[] = "/tmp/pt-test-XXXXXX";

	if (!mkdtemp(tmpl))
		abort();
	return pt_xstrdup(tmpl);
}

void
tu_rmrf(const char *dir)
{
	fileio_rmtree(dir);
}

int
tu_write(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	int rc = 0;

	if (!fp)
		return -1;
	if (len && fwrite(data, 1, len, fp) != len)
		rc = -1;
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

int
tu_count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    strcmp(e->d_name, ".lock"))
			n++;
	closedir(d);
	return n;
}

int
tu_csv_load(const char *path, struct tu_csv *csv)
{
	FILE *fp = fopen(path, "rb");
	struct csv_reader *r;
	size_t cap = 0;
	int n, i;

	memset(csv, 0, sizeof(*csv));
	if (!fp)
		return -1;
	r = csv_reader_new(fp);
	while ((n = csv_reader_next(r)) > 0) {
		char **row;

		if (csv->nrows == 0 && csv->rows == NULL)
			csv->ncols = (size_t)n;
		if ((size_t)n != csv->ncols) {
			csv_reader_free(r);
			fclose(fp);
			csv->nrows--; /* rows[] holds header + nrows - 1 */
			tu_csv_free(csv);
			return -1;
		}
		row = pt_xcalloc((size_t)n, sizeof(*row));
		for (i = 0; i < n; i++)
			row[i] = pt_xstrndup(csv_reader_field(r, i),
					     csv_reader_field_len(r, i));
		pt_xgrow((void **)&csv->rows, &cap, csv->nrows + 2,
			 sizeof(*csv->rows));
		csv->rows[csv->nrows++] = row;
	}
	csv_reader_free(r);
	fclose(fp);
	if (csv->nrows == 0)
		return -1;
	csv->nrows--; /* the header is not a data row */
	if (n < 0) {
		tu_csv_free(csv);
		return -1;
	}
	return 0;
}

void
tu_csv_free(struct tu_csv *csv)
{
	size_t r, c, total = csv->rows ? csv->nrows + 1 : 0;

	for (r = 0; r < total; r++) {
		for (c = 0; c < csv->ncols; c++)
			free(csv->rows[r][c]);
		free(csv->rows[r]);
	}
	free(csv->rows);
	memset(csv, 0, sizeof(*csv));
}

int
tu_csv_col(const struct tu_csv *csv, const char *name)
{
	size_t c;

	for (c = 0; c < csv->ncols; c++)
		if (strcmp(csv->rows[0][c], name) == 0)
			return (int)c;
	return -1;
}

const char *
tu_csv_get(const struct tu_csv *csv, size_t r, const char *name)
{
	int c = tu_csv_col(csv, name);

	if (c < 0 || r >= csv->nrows)
		return NULL;
	return csv->rows[r + 1][c];
}

long
tu_csv_find(const struct tu_csv *csv, const char *col, const char *value)
{
	size_t r;
	int c = tu_csv_col(csv, col);

	if (c < 0)
		return -1;
	for (r = 0; r < csv->nrows; r++)
		if (strcmp(csv->rows[r + 1][c], value) == 0)
			return (long)r;
	return -1;
}
