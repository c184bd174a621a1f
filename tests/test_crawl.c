/* test_crawl.c -- `presstally crawl` end to end against a real local server
 * with faults (tests/server/fault_server.py): what ends up in the crawl
 * database (read with sqlite3) and in the WARC files (read with
 * warc_reader); a second run and a recrawl write no new response record;
 * a run stopped with SIGTERM and one killed with SIGKILL (writing stored
 * gzip members, --warc-level 0), then finished, hold each page exactly
 * once; right after the kill every row marked done names a complete WARC
 * record. Run as "test_crawl --shared" (ctest: crawl_shared), the same
 * crawl's WARC files checked by scripts/warcls.sh (../shared's warcls.mjs).
 */
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/warc.h"
#include "tests/testutil.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <cmocka.h>

struct server {
	pid_t pid;
	int port;
	char base[64];       /* "http://127.0.0.1:PORT" */
	char *log;           /* request log path */
};

struct fixture {
	char *dir;           /* temporary directory */
	struct server srv;   /* the fault site */
	struct server slow;  /* the slow site of the kill test */
	char *db, *warc, *sources;
	char resolve[96];    /* --resolve trap.example:PORT:127.0.0.1 */
	int crawl_rc;        /* exit status of the first crawl */
	struct buf crawl_err;
};

static char *
path_in(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

/* Starts fault_server.py with extra args; reads the port it prints. */
static int
server_start(struct server *s, const char *dir, const char *name, ...)
{
	char *script = tu_src("tests/server/fault_server.py");
	const char *argv[16];
	char line[32];
	int fds[2], n = 0;
	ssize_t k;
	size_t got = 0;
	va_list ap;
	const char *a;

	memset(s, 0, sizeof(*s));
	s->log = path_in(dir, name);
	argv[n++] = "python3";
	argv[n++] = script;
	argv[n++] = "--log";
	argv[n++] = s->log;
	va_start(ap, name);
	while ((a = va_arg(ap, const char *)) != NULL && n < 14)
		argv[n++] = a;
	va_end(ap);
	argv[n] = NULL;
	if (pipe(fds))
		return -1;
	s->pid = fork();
	if (s->pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(fds[1], 1);
		dup2(null, 0);
		close(fds[0]);
		execvp("python3", (char **)argv);
		_exit(127);
	}
	close(fds[1]);
	while (got < sizeof(line) - 1 &&
	       (k = read(fds[0], line + got, 1)) == 1) {
		if (line[got] == '\n')
			break;
		got++;
	}
	line[got] = '\0';
	close(fds[0]);
	free(script);
	s->port = (int)strtol(line, NULL, 10);
	if (s->port <= 0)
		return -1;
	snprintf(s->base, sizeof(s->base), "http://127.0.0.1:%d", s->port);
	return 0;
}

static void
server_stop(struct server *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
	}
	free(s->log);
	s->pid = 0;
	s->log = NULL;
}

static char *
url_of(const struct server *s, const char *path)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s%s", s->base, path);
	return buf_detach(&b, NULL);
}

/* ---- Database. */

struct row {
	char status[16];
	int http_status;
	int attempts;
	char reason[256];
	int found;
};

static struct row
db_row(const char *db, const char *url)
{
	struct row r;
	sqlite3 *h;
	sqlite3_stmt *st;

	memset(&r, 0, sizeof(r));
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT status, "
					    "coalesce(http_status, 0), attempts,"
					    " coalesce(reason, '') FROM urls "
					    "WHERE url = ?1", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		r.found = 1;
		snprintf(r.status, sizeof(r.status), "%s",
			 (const char *)sqlite3_column_text(st, 0));
		r.http_status = sqlite3_column_int(st, 1);
		r.attempts = sqlite3_column_int(st, 2);
		snprintf(r.reason, sizeof(r.reason), "%s",
			 (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return r;
}

static long
db_count(const char *db, const char *where)
{
	char sql[256];
	sqlite3 *h;
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(h);
		return -1;
	}
	sqlite3_busy_timeout(h, 5000);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM urls WHERE %s", where);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* Asserts the row of base+path: status, HTTP status (-1 = any) and a
 * substring of the reason (NULL = any). */
static void
expect_row(const struct fixture *f, const char *path, const char *status,
	   int http, const char *reason)
{
	char *u = url_of(&f->srv, path);
	struct row r = db_row(f->db, u);

	if (!r.found || strcmp(r.status, status) != 0 ||
	    (http >= 0 && r.http_status != http) ||
	    (reason && !strstr(r.reason, reason)))
		print_error("%s: found=%d status=%s http=%d reason='%s'; "
			    "expected %s %d '%s'\n", u, r.found, r.status,
			    r.http_status, r.reason, status, http,
			    reason ? reason : "");
	assert_true(r.found);
	assert_string_equal(r.status, status);
	if (http >= 0)
		assert_int_equal(r.http_status, http);
	if (reason)
		assert_non_null(strstr(r.reason, reason));
	free(u);
}

/* ---- WARC files. */

struct capture {
	char *uri;
	char *type;
	char *id;            /* WARC-Record-ID */
	char *payload;       /* response payload */
	size_t payload_len;
	char *http_head;     /* response block up to the body */
};

struct warcs {
	struct capture *v;   /* response, revisit and request records (of
				a request, http_head is the block) */
	size_t n, cap;
	size_t records;      /* all records read */
	size_t errors;       /* warc_reader_next() < 0 */
	size_t files;
};

static void
warcs_free(struct warcs *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		free(w->v[i].uri);
		free(w->v[i].type);
		free(w->v[i].id);
		free(w->v[i].payload);
		free(w->v[i].http_head);
	}
	free(w->v);
	memset(w, 0, sizeof(*w));
}

static void
warcs_read(const char *dir, struct warcs *w)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	char **files = NULL;
	size_t n = 0, i;
	struct buf err = BUF_INIT;

	memset(w, 0, sizeof(*w));
	if (fileio_list(dir, exts, &files, &n, NULL))
		return;
	w->files = n;
	for (i = 0; i < n; i++) {
		struct warc_reader *r = warc_reader_open(files[i], &err);
		struct warc_record rec;
		int rc;

		assert_non_null(r);
		while ((rc = warc_reader_next(r, &rec, &err)) != 0) {
			if (rc < 0) {
				print_error("%s\n", err.p);
				buf_reset(&err);
				w->errors++;
				continue;
			}
			w->records++;
			if (rec.digest_ok == WARC_DIGEST_BAD)
				w->errors++;
			if ((strcmp(rec.type, "response") == 0 ||
			     strcmp(rec.type, "revisit") == 0 ||
			     strcmp(rec.type, "request") == 0) &&
			    rec.target_uri) {
				struct capture *c;
				const char *e = strstr(rec.block, "\r\n\r\n");

				pt_xgrow((void **)&w->v, &w->cap, w->n + 1,
					 sizeof(*w->v));
				c = &w->v[w->n++];
				c->uri = pt_xstrdup(rec.target_uri);
				c->type = pt_xstrdup(rec.type);
				c->id = pt_xstrdup(rec.record_id ?
						   rec.record_id : "");
				c->payload = pt_xstrndup(rec.payload,
							 rec.payload_len);
				c->payload_len = rec.payload_len;
				c->http_head = pt_xstrndup(rec.block,
					e ? (size_t)(e - rec.block) + 4 :
					    rec.block_len);
			}
		}
		warc_reader_free(r);
	}
	fileio_list_free(files, n);
	buf_release(&err);
}

static size_t
warcs_count(const struct warcs *w, const char *uri, const char *type)
{
	size_t i, k = 0;

	for (i = 0; i < w->n; i++)
		if ((!uri || strcmp(w->v[i].uri, uri) == 0) &&
		    strcmp(w->v[i].type, type) == 0)
			k++;
	return k;
}

static const struct capture *
warcs_find(const struct warcs *w, const char *uri)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strcmp(w->v[i].uri, uri) == 0 &&
		    strcmp(w->v[i].type, "response") == 0)
			return &w->v[i];
	return NULL;
}

/* Done rows of `db` whose record_id names no response record of w:
 * each is printed. */
static int
rows_without_record(const char *db, const struct warcs *w)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int bad = 0;
	size_t i;

	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL),
			 SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT url, record_id FROM "
					    "urls WHERE status = 'done' AND "
					    "record_id IS NOT NULL", -1, &st,
					    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *url = (const char *)sqlite3_column_text(st, 0);
		const char *id = (const char *)sqlite3_column_text(st, 1);

		for (i = 0; i < w->n; i++)
			if (strcmp(w->v[i].id, id) == 0 &&
			    strcmp(w->v[i].uri, url) == 0)
				break;
		if (i == w->n) {
			print_error("%s: record %s not in the WARC files\n",
				    url, id);
			bad++;
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return bad;
}

/* ---- Server log. */

/* Requests of the log whose path starts with `prefix` and (status >= 0)
 * have that status; the time of the first and last go to t1/t2. */
static int
log_count(const char *log, const char *prefix, int status, double *t1,
	  double *t2)
{
	FILE *fp = fopen(log, "r");
	char line[1024], path[900];
	double t;
	int st, n = 0;

	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp)) {
		if (sscanf(line, "%lf\t%899s\t%d", &t, path, &st) != 3)
			continue;
		if (strncmp(path, prefix, strlen(prefix)) != 0 ||
		    (status >= 0 && st != status))
			continue;
		if (n == 0 && t1)
			*t1 = t;
		if (t2)
			*t2 = t;
		n++;
	}
	fclose(fp);
	return n;
}

/* ---- The crawl of the fault site. */

static int
crawl(struct fixture *f, const char *extra, struct buf *err)
{
	char *seed = url_of(&f->srv, "/");
	const char *args[32];
	int n = 0, rc;

	args[n++] = "crawl";
	args[n++] = "--sources";
	args[n++] = f->sources;
	args[n++] = "--db";
	args[n++] = f->db;
	args[n++] = "--warc-dir";
	args[n++] = f->warc;
	args[n++] = "--delay";
	args[n++] = "0";
	args[n++] = "--timeout";
	args[n++] = "1.5";
	args[n++] = "--retry-wait";
	args[n++] = "0.1";
	args[n++] = "--max-size";
	args[n++] = "1000000";
	args[n++] = "--resolve";
	args[n++] = f->resolve;
	args[n++] = "--no-progress";
	if (extra)
		args[n++] = extra;
	args[n++] = seed;
	args[n] = NULL;
	rc = tu_run(args, NULL, NULL, err);
	free(seed);
	return rc;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct buf conf = BUF_INIT;

	f->dir = tu_tmpdir();
	*state = f;
	if (server_start(&f->srv, f->dir, "server.log", "--lifetime", "100",
			 (char *)NULL)) {
		print_error("cannot start tests/server/fault_server.py\n");
		free(f->dir);
		free(f);
		*state = NULL;
		return -1;
	}
	f->db = path_in(f->dir, "crawl.db");
	f->warc = path_in(f->dir, "warc");
	f->sources = path_in(f->dir, "sources.conf");
	snprintf(f->resolve, sizeof(f->resolve), "trap.example:%d:127.0.0.1",
		 f->srv.port);
	buf_addf(&conf, "# the fixture site\n[outlet Fixture Times]\n"
		 "host = 127.0.0.1\nfeed = %s/feed.xml\n"
		 "feed = %s/broken-feed.xml\nexclude = /tag/\n",
		 f->srv.base, f->srv.base);
	tu_write(f->sources, conf.p, conf.len);
	buf_release(&conf);
	buf_init(&f->crawl_err, 0);
	f->crawl_rc = crawl(f, NULL, &f->crawl_err);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (!f)
		return 0;
	server_stop(&f->srv);
	server_stop(&f->slow);
	tu_rmrf(f->dir);
	free(f->dir);
	free(f->db);
	free(f->warc);
	free(f->sources);
	buf_release(&f->crawl_err);
	free(f);
	return 0;
}

/* Exit 4 (some URLs failed), one log line per failure. */
static void
test_exit_and_log(void **state)
{
	struct fixture *f = *state;

	if (f->crawl_rc != 4)
		print_error("%s", f->crawl_err.p);
	assert_int_equal(f->crawl_rc, 4);
	assert_non_null(strstr(f->crawl_err.p, "cannot fetch '"));
	assert_non_null(strstr(f->crawl_err.p, "/fault/bomb': body larger"));
	assert_non_null(strstr(f->crawl_err.p, "crawl: "));
}

/* The site: index, feeds, sitemap index with a gzip sitemap, articles. */
static void
test_site(void **state)
{
	struct fixture *f = *state;
	char path[64];
	int i;

	expect_row(f, "/", "done", 200, NULL);
	expect_row(f, "/feed.xml", "done", 200, NULL);
	expect_row(f, "/sitemap-index.xml", "done", 200, NULL);
	expect_row(f, "/sitemap-1.xml.gz", "done", 200, NULL);
	for (i = 1; i <= 16; i++) {
		snprintf(path, sizeof(path), "/articles/%d", i);
		expect_row(f, path, "done", 200, NULL);
	}
	/* The feed with broken XML still gave its first item. */
	expect_row(f, "/broken-feed.xml", "done", 200, NULL);
	assert_non_null(strstr(f->crawl_err.p, "broken-feed.xml': xml error"));
	/* robots.txt disallows /private/; /tag/ is excluded by the outlet;
	 * other hosts are not followed from pages; mailto: is no URL. */
	expect_row(f, "/private/secret", "blocked", -1, "robots.txt");
	assert_int_equal(log_count(f->srv.log, "/private/", -1, NULL, NULL), 0);
	assert_int_equal(db_count(f->db, "url LIKE '%/tag/%'"), 0);
	assert_int_equal(log_count(f->srv.log, "/tag/", -1, NULL, NULL), 0);
	assert_int_equal(db_count(f->db, "url LIKE '%other.invalid%'"), 0);
	assert_int_equal(db_count(f->db, "url LIKE 'mailto%'"), 0);
	/* Tracking parameters and fragments: fetched once. */
	assert_int_equal(log_count(f->srv.log, "/articles/3", -1, NULL, NULL),
			 1);
	assert_int_equal(db_count(f->db, "url LIKE '%utm_%'"), 0);
	assert_int_equal(db_count(f->db, "status = 'queued'"), 0);
}

static void
test_faults(void **state)
{
	struct fixture *f = *state;
	double t1 = 0, t2 = 0;

	/* Timeout and reset mid-body: retried, then failed with the reason. */
	expect_row(f, "/fault/slow", "failed", -1, "timed out");
	assert_int_equal(log_count(f->srv.log, "/fault/slow", 0, NULL, NULL),
			 3);
	expect_row(f, "/fault/reset", "failed", -1, "");
	assert_int_equal(log_count(f->srv.log, "/fault/reset", 0, NULL,
				   NULL), 3);
	/* 500 twice, then success. */
	expect_row(f, "/fault/flaky", "done", 200, NULL);
	assert_int_equal(log_count(f->srv.log, "/fault/flaky", 500, NULL,
				   NULL), 2);
	/* 429 with Retry-After: 1 -- the next try waits at least 1 s. */
	expect_row(f, "/fault/ratelimit", "done", 200, NULL);
	assert_int_equal(log_count(f->srv.log, "/fault/ratelimit", -1, &t1,
				   &t2), 2);
	assert_true(t2 - t1 >= 0.9);
	/* Redirect loop: 5 hops followed, the 6th refused. */
	expect_row(f, "/fault/loop/1", "done", 302, NULL);
	expect_row(f, "/fault/loop/6", "done", 302, NULL);
	expect_row(f, "/fault/loop/7", "failed", -1, "too many redirects");
	assert_int_equal(log_count(f->srv.log, "/fault/loop/7", -1, NULL,
				   NULL), 0);
	/* Redirects to file:, to a link-local address and to a name that
	 * resolves to 127.0.0.1 (not named as a seed). */
	expect_row(f, "/fault/tofile", "done", 302, "not http or https");
	assert_int_equal(db_count(f->db, "url LIKE 'file:%'"), 0);
	assert_true(db_row(f->db, "http://169.254.169.254/latest/meta-data/")
		    .found);
	assert_string_equal(db_row(f->db, "http://169.254.169.254/latest/"
				   "meta-data/").status, "failed");
	{
		char u[96];
		struct row r;

		snprintf(u, sizeof(u), "http://trap.example:%d/x", f->srv.port);
		r = db_row(f->db, u);
		assert_true(r.found);
		assert_string_equal(r.status, "failed");
		assert_non_null(strstr(r.reason, "resolves to a loopback"));
		/* Refused at connect time: the server never saw it. */
		assert_int_equal(log_count(f->srv.log, "/x", -1, NULL, NULL),
				 0);
	}
	/* Gzip bomb, over-size bodies (declared and streamed): aborted. */
	expect_row(f, "/fault/bomb", "failed", -1, "body larger than 1000000");
	expect_row(f, "/fault/big", "failed", -1, "body larger than 1000000");
	expect_row(f, "/fault/bigstream", "failed", -1,
		   "body larger than 1000000");
	/* Wrong declared charset: stored byte for byte. */
	expect_row(f, "/fault/charset", "done", 200, NULL);
}

/* Each response record has a request record: the request header block
 * as curl sent it (request line with the path, Host, User-Agent), not a
 * stand-in made from the URL. */
static void
expect_requests(const struct warcs *w)
{
	size_t i, k, nreq = 0;

	for (i = 0; i < w->n; i++) {
		const struct capture *q = NULL;
		const char *path;

		if (strcmp(w->v[i].type, "request") == 0)
			nreq++;
		if (strcmp(w->v[i].type, "response") != 0)
			continue;
		for (k = 0; k < w->n && !q; k++)
			if (strcmp(w->v[k].type, "request") == 0 &&
			    strcmp(w->v[k].uri, w->v[i].uri) == 0)
				q = &w->v[k];
		assert_non_null(q);
		path = strchr(strstr(w->v[i].uri, "://") + 3, '/');
		assert_non_null(path);
		assert_true(strncmp(q->http_head, "GET ", 4) == 0);
		assert_true(strncmp(q->http_head + 4, path, strlen(path)) == 0);
		assert_non_null(strstr(q->http_head, "\r\nHost: "));
		assert_non_null(strstr(q->http_head,
				       "\r\nUser-Agent: presstally/"));
		assert_non_null(strstr(q->http_head, "\r\nAccept: "));
	}
	assert_int_equal(nreq, warcs_count(w, NULL, "response") +
				     warcs_count(w, NULL, "revisit"));
}

static void
test_warc_records(void **state)
{
	struct fixture *f = *state;
	struct warcs w;
	const struct capture *c;
	char *u;

	warcs_read(f->warc, &w);
	assert_int_equal(w.errors, 0);
	assert_true(w.files >= 1);
	/* One response per stored URL, none for failures. */
	u = url_of(&f->srv, "/articles/3");
	assert_int_equal(warcs_count(&w, u, "response"), 1);
	free(u);
	u = url_of(&f->srv, "/fault/bomb");
	assert_int_equal(warcs_count(&w, u, "response"), 0);
	free(u);
	u = url_of(&f->srv, "/fault/loop/3");
	c = warcs_find(&w, u);
	assert_non_null(c);
	assert_non_null(strstr(c->http_head, "Location: /fault/loop/4"));
	free(u);
	/* The sitemap was sent gzip-compressed as a file: kept as sent. */
	u = url_of(&f->srv, "/sitemap-1.xml.gz");
	c = warcs_find(&w, u);
	assert_non_null(c);
	assert_true(c->payload_len > 2 &&
		    (unsigned char)c->payload[0] == 0x1f);
	free(u);
	/* ISO-8859-1 bytes under a UTF-8 label. */
	u = url_of(&f->srv, "/fault/charset");
	c = warcs_find(&w, u);
	assert_non_null(c);
	assert_non_null(strstr(c->payload, "Caf\xe9"));
	assert_non_null(strstr(c->http_head, "charset=utf-8"));
	free(u);
	assert_int_equal(warcs_count(&w, NULL, "response"),
			 (size_t)db_count(f->db, "status = 'done'"));
	expect_requests(&w);
	warcs_free(&w);
}

/* The independent reader (warcio.js) accepts the files. */
static void
test_warcls(void **state)
{
	struct fixture *f = *state;
	struct buf cmd = BUF_INIT;
	char *src = tu_src(""), *shared = tu_shared(""), *build;
	int rc;

	build = getcwd(NULL, 0);
	buf_addf(&cmd, "WARCLS_DIR='%s/warcls-node' PT_SHARED_DIR='%s' "
		 "'%s/scripts/warcls.sh' '%s'/*.warc.gz > '%s/warcls.out' "
		 "2>&1", build, shared, src, f->warc, f->dir);
	rc = system(cmd.p);
	if (rc != 0) {
		buf_reset(&cmd);
		buf_addf(&cmd, "tail -20 '%s/warcls.out' >&2", f->dir);
		if (system(cmd.p) != 0)
			print_error("cannot show warcls output\n");
	}
	assert_int_equal(rc, 0);
	buf_release(&cmd);
	free(build);
	free(src);
	free(shared);
}

/* Runs a crawl with `arg` (or none) that must succeed, reads the WARC
 * files into *after and checks that no response was stored again. */
static void
crawl_again(struct fixture *f, const char *arg, const struct warcs *before,
	    struct warcs *after)
{
	struct buf err = BUF_INIT;
	int rc = crawl(f, arg, &err);

	if (rc != 0)
		print_error("%s", err.p);
	assert_int_equal(rc, 0);
	warcs_read(f->warc, after);
	assert_int_equal(after->errors, 0);
	assert_int_equal(warcs_count(after, NULL, "response"),
			 warcs_count(before, NULL, "response"));
	buf_release(&err);
}

/* A second run over the unchanged site writes no response record; a
 * recrawl asks conditionally (304s) and writes revisits for pages without
 * validators. */
static void
test_second_run(void **state)
{
	struct fixture *f = *state;
	struct warcs before, after;
	struct buf err = BUF_INIT;
	int rc, n304;

	warcs_read(f->warc, &before);
	crawl_again(f, NULL, &before, &after);
	warcs_free(&after);

	n304 = log_count(f->srv.log, "/articles/", 304, NULL, NULL);
	/* Failed URLs stay failed: their redirects lead to nothing new. */
	crawl_again(f, "--recrawl", &before, &after);
	assert_true(warcs_count(&after, NULL, "revisit") >
		    warcs_count(&before, NULL, "revisit"));
	/* Articles with an ETag or Last-Modified: 304; 5, 10, 15: revisits. */
	assert_int_equal(log_count(f->srv.log, "/articles/", 304, NULL, NULL) -
			 n304, 13);
	{
		char *u = url_of(&f->srv, "/articles/10");

		assert_int_equal(warcs_count(&after, u, "revisit"), 1);
		free(u);
	}
	warcs_free(&before);
	warcs_free(&after);

	/* --retry-failed: the failed URLs are tried again (and fail). */
	n304 = log_count(f->srv.log, "/fault/bomb", -1, NULL, NULL);
	rc = crawl(f, "--retry-failed", &err);
	assert_int_equal(rc, 4);
	assert_int_equal(log_count(f->srv.log, "/fault/bomb", -1, NULL, NULL),
			 n304 + 1);
	expect_row(f, "/fault/bomb", "failed", -1, "body larger than");
	buf_release(&err);
}

/* ---- Interrupted crawls. */

static pid_t
spawn_crawl(const char *const *args, const char *errpath)
{
	pid_t pid = fork();

	if (pid == 0) {
		const char *argv[40];
		int i, fd = open(errpath, O_WRONLY | O_CREAT | O_APPEND, 0644);

		argv[0] = tu_binary();
		for (i = 0; args[i] && i < 38; i++)
			argv[i + 1] = args[i];
		argv[i + 1] = NULL;
		dup2(fd, 2);
		fd = open("/dev/null", O_RDWR);
		dup2(fd, 0);
		dup2(fd, 1);
		execv(argv[0], (char **)argv);
		_exit(127);
	}
	return pid;
}

/* Waits until the database shows at least `n` done URLs (or 30 s). */
static void
wait_done(const char *db, long n)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	int i;

	for (i = 0; i < 300; i++) {
		if (db_count(db, "status = 'done'") >= n)
			return;
		nanosleep(&ts, NULL);
	}
}

static void
test_kill_and_resume(void **state)
{
	struct fixture *f = *state;
	struct server *sp = &f->slow;
	char *dir = path_in(f->dir, "kill"), *db, *warc, *errp, *seed;
	const char *args[20];
	struct warcs w;
	long done1, done2;
	int status, rc, i, n = 0;
	size_t k;

	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(server_start(sp, dir, "server.log", "--articles",
				      "150", "--slow", "0.04", "--no-faults",
				      "--lifetime", "80", (char *)NULL), 0);
	db = path_in(dir, "crawl.db");
	warc = path_in(dir, "warc");
	errp = path_in(dir, "stderr.txt");
	seed = url_of(sp, "/");
	args[n++] = "crawl";
	args[n++] = "--db";
	args[n++] = db;
	args[n++] = "--warc-dir";
	args[n++] = warc;
	args[n++] = "--delay";
	args[n++] = "0";
	args[n++] = "--max-per-host";
	args[n++] = "2";
	args[n++] = "--no-progress";
	args[n++] = seed;
	args[n] = NULL;

	/* 1: SIGTERM -> finishes its transfers, commits, exits 130. */
	{
		pid_t pid = spawn_crawl(args, errp);

		wait_done(db, 10);
		kill(pid, SIGTERM);
		waitpid(pid, &status, 0);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 130);
	}
	done1 = db_count(db, "status = 'done'");
	assert_true(done1 >= 10);
	/* 2: SIGKILL in the middle (writing stored gzip members). */
	{
		const char *args0[24];
		pid_t pid;

		for (i = 0; i < n - 1; i++)
			args0[i] = args[i];
		args0[i++] = "--warc-level";
		args0[i++] = "0";
		args0[i++] = args[n - 1];
		args0[i] = NULL;
		pid = spawn_crawl(args0, errp);

		wait_done(db, done1 + 20);
		/* Meanwhile a second crawl of the same database is refused. */
		assert_int_equal(tu_run(args, NULL, NULL, NULL), 5);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		assert_true(WIFSIGNALED(status));
	}
	done2 = db_count(db, "status = 'done'");
	assert_true(done2 > done1);
	assert_true(done2 < 147); /* really killed in the middle */
	/* Every row marked done points to a complete record: rows are
	 * recorded only after the writer thread wrote their record. */
	warcs_read(warc, &w);
	assert_int_equal(w.errors, 0);
	assert_int_equal(rows_without_record(db, &w), 0);
	warcs_free(&w);
	/* 3: to the end (4 when this run met the missing /tag/ page the
	 * index links to). */
	rc = tu_run(args, NULL, NULL, NULL);
	assert_true(rc == 0 || rc == 4);
	assert_int_equal(db_count(db, "status = 'failed'"), 1);
	assert_int_equal(db_count(db, "status = 'queued'"), 0);
	assert_int_equal(db_count(db, "status = 'done' AND url LIKE "
				  "'%/articles/%'"), 146);

	/* Every file reads cleanly; each page is stored exactly once. */
	warcs_read(warc, &w);
	assert_true(w.files >= 3);
	assert_int_equal(w.errors, 0);
	for (i = 1; i <= 150; i++) {
		char path[32], *u;

		if (i >= 13 && i <= 16)
			continue; /* feed and sitemap only: not linked */
		snprintf(path, sizeof(path), "/articles/%d", i);
		u = url_of(sp, path);
		k = warcs_count(&w, u, "response");
		if (k != 1)
			print_error("%s stored %zu times\n", u, k);
		assert_int_equal(k, 1);
		free(u);
	}
	assert_int_equal(warcs_count(&w, NULL, "response"),
			 146 + warcs_count(&w, seed, "response"));
	warcs_free(&w);
	server_stop(sp);
	free(db);
	free(warc);
	free(errp);
	free(seed);
	free(dir);
}

/* ---- Command line. */

static void
test_usage(void **state)
{
	struct fixture *f = *state;
	struct buf out = BUF_INIT, err = BUF_INIT;
	const char *help[] = { "crawl", "--help", NULL };
	const char *bad_opt[] = { "crawl", "--no-such-option", NULL };
	const char *bad_num[] = { "crawl", "--delay", "soon", "http://a/",
				  NULL };
	const char *bad_level[] = { "crawl", "--warc-level", "10",
				    "http://a/", NULL };
	const char *bad_seed[] = { "crawl", "ftp://example.com/", NULL };
	const char *bad_src[] = { "crawl", "--sources", NULL, NULL };
	char *badfile = path_in(f->dir, "bad.conf");

	assert_int_equal(tu_run(help, NULL, &out, NULL), 0);
	assert_non_null(strstr(out.p, "--max-pages N"));
	assert_non_null(strstr(out.p, "--warc-level N"));
	assert_non_null(strstr(out.p, "Exit codes:"));
	assert_int_equal(tu_run(bad_opt, NULL, NULL, &err), 2);
	assert_non_null(strstr(err.p, "presstally crawl --help"));
	assert_int_equal(tu_run(bad_num, NULL, NULL, NULL), 2);
	assert_int_equal(tu_run(bad_level, NULL, NULL, NULL), 2);
	assert_int_equal(tu_run(bad_seed, NULL, NULL, NULL), 2);
	tu_write(badfile, "[outlet X]\nfeeds = http://x/\n", 29);
	bad_src[2] = badfile;
	buf_reset(&err);
	assert_int_equal(tu_run(bad_src, NULL, NULL, &err), 3);
	assert_non_null(strstr(err.p, "bad.conf:2:"));
	free(badfile);
	buf_release(&out);
	buf_release(&err);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exit_and_log),
		cmocka_unit_test(test_site),
		cmocka_unit_test(test_faults),
		cmocka_unit_test(test_warc_records),
		cmocka_unit_test(test_second_run),
		cmocka_unit_test(test_kill_and_resume),
		cmocka_unit_test(test_usage),
	};
	const struct CMUnitTest shared[] = {
		cmocka_unit_test(test_warcls),
	};

	if (tu_shared_mode(argc, argv)) {
		if (!tu_shared_have("eval/warc/warcls.mjs",
				    "the warcio.js check of the crawl's WARC "
				    "files"))
			return TU_SKIPPED;
		return cmocka_run_group_tests_name("crawl_shared", shared,
						   setup, teardown);
	}
	return cmocka_run_group_tests(tests, setup, teardown);
}
