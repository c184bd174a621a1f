/* test_warc.c -- the WARC reader on real sample files (checked against
 * tests/fixtures/warc/INDEX.tsv), the writer round trip (rotation,
 * digests, revisits, payload decoding), truncated and corrupted files.
 * Run as "test_warc --shared" (ctest: warc_shared), the cases that need
 * ../shared: all samples of ../shared/eval/warc/samples (with those whose
 * licence does not let them be copied here) and the independent
 * warcls.mjs check of what the writer produces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/gz.h"
#include "crawler/base/hash.h"
#include "crawler/base/sv.h"
#include "crawler/base/warc.h"
#include "tests/testutil.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* What one warc_reader_next() call gave. */
struct seen {
	int rc;                   /* 1 record, negative error */
	unsigned long number;     /* record number */
	unsigned long long offset;
	char type[32];
	char uri[256];
	int bd, pd, gzm;          /* digest results, gzip_member */
	int has_note;
	char msg[512];            /* error message or note */
	struct buf payload;       /* copy of the payload */
	int http_status;
};

struct run {
	struct seen *s;
	size_t n, cap;
	size_t records;           /* rc == 1 */
	size_t errors;            /* rc < 0 */
};

static void
run_release(struct run *run)
{
	size_t i;

	for (i = 0; i < run->n; i++)
		buf_release(&run->s[i].payload);
	free(run->s);
	memset(run, 0, sizeof(*run));
}

/* Reads a whole file into run; asserts the reader terminates. */
static void
read_file(const char *path, struct run *run)
{
	struct buf err = BUF_INIT;
	struct warc_reader *r;
	struct warc_record rec;
	struct seen *s;
	int rc, guard = 0;

	memset(run, 0, sizeof(*run));
	r = warc_reader_open(path, &err);
	assert_non_null(r);
	for (;;) {
		buf_reset(&err);
		rc = warc_reader_next(r, &rec, &err);
		if (rc == 0)
			break;
		assert_true(++guard < 100000);
		pt_xgrow((void **)&run->s, &run->cap, run->n + 1,
			 sizeof(*run->s));
		s = &run->s[run->n++];
		memset(s, 0, sizeof(*s));
		buf_init(&s->payload, 0);
		s->rc = rc;
		if (rc < 0) {
			assert_true(err.len > 0);
			snprintf(s->msg, sizeof(s->msg), "%s", err.p);
			run->errors++;
			continue;
		}
		assert_int_equal(err.len, 0);
		run->records++;
		s->number = rec.number;
		s->offset = rec.offset;
		snprintf(s->type, sizeof(s->type), "%s", rec.type);
		snprintf(s->uri, sizeof(s->uri), "%s",
			 rec.target_uri ? rec.target_uri : "");
		s->bd = rec.block_digest_ok;
		s->pd = rec.payload_digest_ok;
		s->gzm = rec.gzip_member;
		s->has_note = rec.note != NULL;
		s->http_status = rec.http_status;
		if (rec.note)
			snprintf(s->msg, sizeof(s->msg), "%s", rec.note);
		buf_add(&s->payload, rec.payload, rec.payload_len);
		/* Borrowed strings are NUL-terminated at their length. */
		assert_int_equal(rec.block[rec.block_len], '\0');
	}
	/* After the end, it stays at the end. */
	assert_int_equal(warc_reader_next(r, &rec, &err), 0);
	warc_reader_free(r);
	buf_release(&err);
}

static const char *
shared_dir(void)
{
	const char *d = getenv("PT_SHARED_DIR");

	return d ? d : "../shared";
}

/* ---- Samples against INDEX.tsv. */

/* Checks one "record N: ..." clause of expected_check against run. */
static void
check_clause(const char *file, struct run *run, struct sv clause,
	     int *flagged)
{
	unsigned long want;
	size_t i;
	struct seen *s = NULL;
	char tmp[256];

	snprintf(tmp, sizeof(tmp), "%.*s", (int)clause.len, clause.p);
	if (strncmp(tmp, "record ", 7) == 0) {
		want = strtoul(tmp + 7, NULL, 10);
		for (i = 0; i < run->n; i++)
			if (run->s[i].rc == 1 && run->s[i].number == want)
				s = &run->s[i];
		if (!s)
			fail_msg("%s: record %lu not read", file, want);
		flagged[want] = 1;
		if (strstr(tmp, "BLOCK-DIGEST MISMATCH"))
			assert_int_equal(s->bd, WARC_DIGEST_BAD);
		if (strstr(tmp, "block-digest ok"))
			assert_int_equal(s->bd, WARC_DIGEST_OK);
		if (strstr(tmp, "PAYLOAD-DIGEST MISMATCH"))
			assert_int_equal(s->pd, WARC_DIGEST_BAD);
		if (strstr(tmp, "payload-digest ok"))
			assert_int_equal(s->pd, WARC_DIGEST_OK);
	} else if (strstr(tmp, "gzip members")) {
		/* Some record must say it does not have its own member. */
		int found = 0;

		for (i = 0; i < run->n; i++)
			if (run->s[i].rc == 1 && run->s[i].gzm == 0 &&
			    run->s[i].has_note)
				found = 1;
		if (!found)
			fail_msg("%s: no record reports the gzip layout", file);
	}
}

/* Reads every file listed in dir/INDEX.tsv and checks it against its row;
 * the index must list want_files files, at least min_good of them "ok". */
static void
check_samples(const char *dir, size_t want_files, size_t min_good)
{
	struct buf index = BUF_INIT, err = BUF_INIT, path = BUF_INIT;
	struct sv rest, line, col[7];
	struct run run;
	json_t *types, *v;
	const char *key, *m;
	size_t i, k, files = 0, good = 0;
	char name[256], check[512], note[512], typ[32];
	unsigned long want_records, a, b;
	int flagged[64];

	buf_addf(&path, "%s/INDEX.tsv", dir);
	if (fileio_read(path.p, &index, &err) != 0)
		fail_msg("%s", err.p);
	rest = sv_make(index.p, index.len);
	rest = sv_cut(rest, '\n', &line); /* header */
	while (rest.len) {
		rest = sv_cut(rest, '\n', &line);
		if (line.len == 0)
			continue;
		for (k = 0; k < 7; k++) {
			line = sv_cut(line, '\t', &col[k]);
			if (!line.p)
				line = sv_make("", 0);
		}
		snprintf(name, sizeof(name), "%.*s", (int)col[0].len, col[0].p);
		snprintf(check, sizeof(check), "%.*s", (int)col[5].len,
			 col[5].p);
		snprintf(note, sizeof(note), "%.*s", (int)col[6].len, col[6].p);
		want_records = strtoul(col[3].p, NULL, 10);
		types = json_loadb(col[4].p, col[4].len, 0, NULL);
		assert_non_null(types);
		/* Where warcio.js reads fewer records than the stream holds,
		 * the note says "(N members, M records)": we read all M. */
		m = strstr(note, " members, ");
		if (m && sscanf(m, " members, %lu records", &b) == 1) {
			want_records = b;
			json_decref(types);
			types = NULL;
		}

		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, name);
		read_file(path.p, &run);
		files++;
		assert_int_equal(run.errors, 0);
		if (run.records != want_records)
			fail_msg("%s: %zu records, want %lu", name, run.records,
				 want_records);
		for (i = 0; i < run.n; i++)
			assert_int_equal(run.s[i].number, i + 1);
		if (types) {
			json_object_foreach(types, key, v) {
				a = 0;
				for (i = 0; i < run.n; i++)
					if (strcmp(run.s[i].type, key) == 0)
						a++;
				snprintf(typ, sizeof(typ), "%s", key);
				if (a != (unsigned long)json_integer_value(v))
					fail_msg("%s: %lu %s records, want %lld",
						 name, a, typ,
						 (long long)json_integer_value(v));
			}
			json_decref(types);
		}
		memset(flagged, 0, sizeof(flagged));
		if (strcmp(check, "ok") == 0) {
			good++;
			for (i = 0; i < run.n; i++) {
				if (run.s[i].bd == WARC_DIGEST_BAD ||
				    run.s[i].pd == WARC_DIGEST_BAD ||
				    run.s[i].has_note)
					fail_msg("%s: record %lu flagged: %s",
						 name, run.s[i].number,
						 run.s[i].msg);
			}
		} else {
			struct sv c, crest = sv_cstr(check);

			while (crest.len) {
				crest = sv_cut(crest, ';', &c);
				check_clause(name, &run, sv_trim(c), flagged);
			}
			/* Digest problems only where INDEX says so. */
			for (i = 0; i < run.n; i++) {
				int bad = run.s[i].bd == WARC_DIGEST_BAD ||
					  run.s[i].pd == WARC_DIGEST_BAD;

				if (bad && !flagged[run.s[i].number])
					fail_msg("%s: record %lu: unexpected "
						 "digest mismatch", name,
						 run.s[i].number);
			}
		}
		run_release(&run);
	}
	assert_int_equal(files, want_files);
	assert_true(good >= min_good);
	buf_release(&index);
	buf_release(&err);
	buf_release(&path);
}

/* The copies in tests/fixtures/warc: 14 files, 4 of them broken. */
static void
test_samples(void **state)
{
	char *dir = tu_src("tests/fixtures/warc");

	(void)state;
	check_samples(dir, 14, 10);
	free(dir);
}

/* All 18 samples in ../shared, the four warc-specifications files too. */
static void
test_shared_samples(void **state)
{
	struct buf dir = BUF_INIT;

	(void)state;
	buf_addf(&dir, "%s/eval/warc/samples", shared_dir());
	check_samples(dir.p, 18, 14);
	buf_release(&dir);
}

/* Whether text holds `line` as one whole line. */
static int
has_line(const struct buf *text, struct sv line)
{
	struct sv rest = sv_make(text->p, text->len), l;

	while (rest.len) {
		rest = sv_cut(rest, '\n', &l);
		if (l.len == line.len && memcmp(l.p, line.p, l.len) == 0)
			return 1;
	}
	return 0;
}

/* Compares tests/fixtures/warc/name with the same file in ../shared. */
static void
same_file(const char *fix, struct sv name)
{
	struct buf ours = BUF_INIT, theirs = BUF_INIT, path = BUF_INIT;

	buf_addf(&path, "%s/%.*s", fix, (int)name.len, name.p);
	assert_int_equal(fileio_read(path.p, &ours, NULL), 0);
	buf_reset(&path);
	buf_addf(&path, "%s/eval/warc/samples/%.*s", shared_dir(),
		 (int)name.len, name.p);
	assert_int_equal(fileio_read(path.p, &theirs, NULL), 0);
	if (ours.len != theirs.len || memcmp(ours.p, theirs.p, ours.len) != 0)
		fail_msg("tests/fixtures/warc/%.*s differs from %s",
			 (int)name.len, name.p, path.p);
	buf_release(&ours);
	buf_release(&theirs);
	buf_release(&path);
}

/* The copies have not drifted from ../shared: the same bytes, and each
 * row of their INDEX.tsv is a row of the shared one. */
static void
test_fixtures_match_shared(void **state)
{
	struct buf ours = BUF_INIT, theirs = BUF_INIT, path = BUF_INIT;
	char *fix = tu_src("tests/fixtures/warc");
	struct sv rest, line, name;
	size_t rows = 0;

	(void)state;
	buf_addf(&path, "%s/INDEX.tsv", fix);
	assert_int_equal(fileio_read(path.p, &ours, NULL), 0);
	buf_reset(&path);
	buf_addf(&path, "%s/eval/warc/samples/INDEX.tsv", shared_dir());
	assert_int_equal(fileio_read(path.p, &theirs, NULL), 0);
	rest = sv_make(ours.p, ours.len);
	while (rest.len) {
		rest = sv_cut(rest, '\n', &line);
		if (line.len == 0)
			continue;
		if (!has_line(&theirs, line))
			fail_msg("INDEX.tsv row not in ../shared: %.*s",
				 (int)line.len, line.p);
		if (rows++ == 0)
			continue; /* the header */
		sv_cut(line, '\t', &name);
		same_file(fix, name);
	}
	assert_int_equal(rows, 15);
	buf_release(&ours);
	buf_release(&theirs);
	buf_release(&path);
	free(fix);
}

/* ---- Writer. */

static void
make_tmpdir(char *dir, size_t n)
{
	snprintf(dir, n, "/tmp/pt_test_warc_XXXXXX");
	assert_non_null(mkdtemp(dir));
}

static void
rm_dir(const char *dir)
{
	char **paths = NULL;
	size_t n = 0, i;

	if (fileio_list(dir, NULL, &paths, &n, NULL) == 0) {
		for (i = 0; i < n; i++)
			unlink(paths[i]);
		fileio_list_free(paths, n);
	}
	rmdir(dir);
}

/* A fictional article of about `size` bytes, different for each i. */
static void
make_html(struct buf *b, unsigned int i, size_t size)
{
	static const char *const words[] = { "the", "council", "harbour",
		"freight", "Vera", "Lindqvist", "said", "tariff", "grain",
		"Brackwater", "Gazette", "shipping", "rates", "rose",
		"quarter", "analysts", "port", "of", "Oskar", "Amberley" };
	unsigned int x = 2654435761u * (i + 1);
	size_t w = 0;

	buf_reset(b);
	buf_addf(b, "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
		 "<title>Article %u</title></head><body><article>"
		 "<h1>Harbour report %u</h1>\n<p>", i, i);
	while (b->len < size) {
		x = x * 1103515245u + 12345u;
		buf_adds(b, words[(x >> 16) % 20]);
		buf_addc(b, ++w % 17 ? ' ' : '\n');
		if (w % 60 == 0)
			buf_adds(b, "</p>\n<p>");
	}
	buf_adds(b, "</p></article></body></html>\n");
}

static void
gzip_mem(const char *p, size_t n, struct buf *out)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	buf_reset(out);
	buf_grow(out, deflateBound(&z, n) + 32);
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = (unsigned char *)out->p;
	z.avail_out = (uInt)(out->cap - 1);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	out->len = z.total_out;
	deflateEnd(&z);
}

static void
chunk_mem(const char *p, size_t n, struct buf *out)
{
	size_t k;

	buf_reset(out);
	while (n) {
		k = n > 1000 ? 1000 : n;
		buf_addf(out, "%zx\r\n", k);
		buf_add(out, p, k);
		buf_adds(out, "\r\n");
		p += k;
		n -= k;
	}
	buf_adds(out, "0\r\n\r\n");
}

#define NCAPT 40
#define NFRESH 30

struct written_set {
	char digest[NCAPT][38];
	char date[NCAPT][24];
	char id[NCAPT][48];
	int revisit[NCAPT];
};

/* Writes NCAPT captures: 0..NFRESH-1 fresh bodies (5: gzip-encoded,
 * 7: chunked), then repeats of bodies 0..9 that must become revisits. */
static void
write_captures(const char *dir, unsigned long long max_size, int level,
	       struct written_set *ws)
{
	struct warc_writer_opts o = { dir, "pt", max_size, level,
				      "presstally-test" };
	struct buf err = BUF_INIT, html = BUF_INIT, body = BUF_INIT,
		   head = BUF_INIT, req = BUF_INIT, uri = BUF_INIT;
	struct warc_writer *w;
	struct warc_capture c;
	struct warc_written out;
	unsigned int i, src;
	char want[38];

	w = warc_writer_new(&o, &err);
	if (!w)
		fail_msg("%s", err.p);
	for (i = 0; i < NCAPT; i++) {
		src = i < NFRESH ? i : i - NFRESH;
		make_html(&html, src, 3000 + 200 * src);
		buf_reset(&head);
		buf_adds(&head, "HTTP/1.1 200 OK\r\n"
			 "Content-Type: text/html; charset=utf-8\r\n");
		if (src == 5) {
			gzip_mem(html.p, html.len, &body);
			buf_adds(&head, "Content-Encoding: gzip\r\n");
		} else if (src == 7) {
			chunk_mem(html.p, html.len, &body);
			buf_adds(&head, "Transfer-Encoding: chunked\r\n");
		} else {
			buf_reset(&body);
			buf_add(&body, html.p, html.len);
		}
		if (src != 7)
			buf_addf(&head, "Content-Length: %zu\r\n", body.len);
		buf_adds(&head, "\r\n");
		buf_reset(&uri);
		buf_addf(&uri, "https://news.example.org/a/%u", src);
		buf_reset(&req);
		buf_addf(&req, "GET /a/%u HTTP/1.1\r\nHost: news.example.org\r\n"
			 "User-Agent: presstally-test\r\n\r\n", src);
		memset(&c, 0, sizeof(c));
		c.uri = uri.p;
		c.ip = "192.0.2.7";
		c.when = 1700000000 + (time_t)i * 60;
		c.req_head = req.p;
		c.req_head_len = req.len;
		c.resp_head = head.p;
		c.resp_head_len = head.len;
		c.body = body.p;
		c.body_len = body.len;
		if (i >= NFRESH) {
			c.prev_payload_digest = ws->digest[src];
			c.prev_date = ws->date[src];
			c.prev_record_id = ws->id[src];
		}
		if (warc_writer_capture(w, &c, &out, &err))
			fail_msg("%s", err.p);
		hash_sha1_b32(body.p, body.len, want);
		assert_string_equal(out.payload_digest, want);
		assert_int_equal(out.revisit, i >= NFRESH);
		assert_string_equal(out.path, warc_writer_path(w));
		assert_memory_equal(out.record_id, "<urn:uuid:", 10);
		memcpy(ws->digest[i], out.payload_digest, 38);
		memcpy(ws->date[i], out.date, 24);
		memcpy(ws->id[i], out.record_id, 48);
		ws->revisit[i] = out.revisit;
	}
	/* A capture without a URI is refused and writes nothing. */
	memset(&c, 0, sizeof(c));
	c.resp_head = "HTTP/1.1 200 OK\r\n\r\n";
	c.resp_head_len = 19;
	buf_reset(&err);
	assert_int_equal(warc_writer_capture(w, &c, NULL, &err), PT_EINVAL);
	c.uri = "https://news.example.org/x\r\nWARC-Type: evil";
	assert_int_equal(warc_writer_capture(w, &c, NULL, &err), PT_EINVAL);
	buf_reset(&err);
	assert_int_equal(warc_writer_close(w, &err), 0);
	warc_writer_free(w);
	warc_writer_free(NULL);
	buf_release(&err);
	buf_release(&html);
	buf_release(&body);
	buf_release(&head);
	buf_release(&req);
	buf_release(&uri);
}

static int
name_ok(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t i;

	b = b ? b + 1 : path;
	if (strlen(b) != strlen("pt-20240101000000-00000.warc.gz") ||
	    strncmp(b, "pt-", 3) != 0 || b[17] != '-' ||
	    strcmp(b + 23, ".warc.gz") != 0)
		return 0;
	for (i = 3; i < 23; i++)
		if (i != 17 && (b[i] < '0' || b[i] > '9'))
			return 0;
	return 1;
}

/* Writes the captures at `level` and reads them back; returns the total
 * size of the files. */
static unsigned long long
round_trip(int level)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	struct written_set ws;
	struct buf html = BUF_INIT, err = BUF_INIT;
	char dir[64], **paths = NULL;
	size_t n = 0, f, i;
	unsigned int src;
	struct run run;
	struct stat st;
	unsigned long warcinfo = 0, resp = 0, revisit = 0, req = 0;
	const unsigned long long max = 20000;
	unsigned long long total = 0;

	make_tmpdir(dir, sizeof(dir));
	write_captures(dir, max, level, &ws);
	assert_int_equal(fileio_list(dir, exts, &paths, &n, &err), 0);
	assert_true(n >= 3); /* rotated */
	for (f = 0; f < n; f++) {
		assert_true(name_ok(paths[f]));
		/* Serials differ in the last 5 digits before ".warc.gz". */
		if (f)
			assert_true(strcmp(paths[f] + strlen(paths[f]) - 13,
					   paths[f - 1] + strlen(paths[f - 1]) -
					   13) != 0);
		assert_int_equal(stat(paths[f], &st), 0);
		total += (unsigned long long)st.st_size;
		/* Rotation happens before a capture once max is reached. */
		assert_true((unsigned long long)st.st_size < max + 12000);
		read_file(paths[f], &run);
		assert_int_equal(run.errors, 0);
		assert_true(run.records >= 2);
		assert_string_equal(run.s[0].type, "warcinfo");
		for (i = 0; i < run.n; i++) {
			struct seen *s = &run.s[i];

			assert_int_equal(s->gzm, 1);
			assert_false(s->has_note);
			assert_int_equal(s->bd, WARC_DIGEST_OK);
			if (strcmp(s->type, "warcinfo") == 0) {
				warcinfo++;
				continue;
			}
			assert_int_equal(sscanf(s->uri,
					 "https://news.example.org/a/%u",
					 &src), 1);
			if (strcmp(s->type, "request") == 0) {
				req++;
				continue;
			}
			assert_int_equal(s->http_status, 200);
			if (strcmp(s->type, "revisit") == 0) {
				revisit++;
				assert_int_equal(s->pd, WARC_DIGEST_NONE);
				assert_int_equal(s->payload.len, 0);
				continue;
			}
			assert_string_equal(s->type, "response");
			resp++;
			assert_int_equal(s->pd, WARC_DIGEST_OK);
			/* The payload is the decoded HTML, also for the
			 * gzip-encoded (5) and chunked (7) bodies. */
			make_html(&html, src, 3000 + 200 * src);
			assert_int_equal(s->payload.len, html.len);
			assert_memory_equal(s->payload.p, html.p, html.len);
		}
		run_release(&run);
	}
	assert_int_equal(warcinfo, n);
	assert_int_equal(resp, NFRESH);
	assert_int_equal(revisit, NCAPT - NFRESH);
	assert_int_equal(req, NCAPT);
	fileio_list_free(paths, n);
	rm_dir(dir);
	buf_release(&html);
	buf_release(&err);
	return total;
}

static void
test_writer_round_trip(void **state)
{
	unsigned long long z1, z0;

	(void)state;
	z1 = round_trip(0);            /* the default level */
	z0 = round_trip(WARC_LEVEL_STORE);
	/* Stored members hold every byte of the (repetitive) HTML. */
	assert_true(z0 > 2 * z1);
}

static void
copy_prefix(const char *from, const char *to, size_t n, const char *data)
{
	FILE *fp = fopen(to, "wb");

	(void)from;
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

/* A file cut anywhere reads cleanly up to its last complete record, then
 * reports the cut record (by number) once, then ends. */
static void
test_truncated(void **state)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	struct written_set ws;
	struct buf data = BUF_INIT, err = BUF_INIT, cutp = BUF_INIT;
	char dir[64], **paths = NULL, want[64];
	size_t n = 0, i, cut, complete, nrec;
	unsigned long long ends[4 * NCAPT + 8];
	struct run full, run;
	int boundary;

	(void)state;
	make_tmpdir(dir, sizeof(dir));
	write_captures(dir, 0, 0, &ws); /* one file */
	assert_int_equal(fileio_list(dir, exts, &paths, &n, &err), 0);
	assert_int_equal(n, 1);
	buf_init(&data, 0);
	assert_int_equal(fileio_read(paths[0], &data, &err), 0);
	read_file(paths[0], &full);
	assert_int_equal(full.errors, 0);
	nrec = full.records;
	assert_true(nrec < sizeof(ends) / sizeof(ends[0]));
	for (i = 0; i < nrec; i++)
		ends[i] = i + 1 < nrec ? full.s[i + 1].offset : data.len;
	buf_addf(&cutp, "%s/cut.warc.gz", dir);
	for (cut = 0; cut <= data.len; cut += cut < 64 ? 1 : 97) {
		copy_prefix(paths[0], cutp.p, cut, data.p);
		read_file(cutp.p, &run);
		complete = 0;
		boundary = cut == 0;
		for (i = 0; i < nrec; i++) {
			if (ends[i] <= cut)
				complete++;
			if (ends[i] == cut)
				boundary = 1;
		}
		assert_int_equal(run.records, complete);
		assert_int_equal(run.errors, boundary ? 0 : 1);
		for (i = 0; i < complete; i++) {
			assert_int_equal(run.s[i].rc, 1);
			assert_int_equal(run.s[i].bd, WARC_DIGEST_OK);
			assert_int_equal(run.s[i].gzm, 1);
		}
		if (!boundary) {
			snprintf(want, sizeof(want), "record %zu of",
				 complete + 1);
			assert_non_null(strstr(run.s[complete].msg, want));
		}
		run_release(&run);
		/* Also cut exactly at each record end. */
		if (cut >= 64 && cut + 97 > data.len && cut != data.len)
			cut = data.len - 97;
	}
	for (i = 0; i < nrec; i++) {
		copy_prefix(paths[0], cutp.p, ends[i], data.p);
		read_file(cutp.p, &run);
		assert_int_equal(run.records, i + 1);
		assert_int_equal(run.errors, 0);
		run_release(&run);
	}
	run_release(&full);
	fileio_list_free(paths, n);
	rm_dir(dir);
	buf_release(&data);
	buf_release(&err);
	buf_release(&cutp);
}

/* A corrupt gzip member is reported by record number; the reader resyncs
 * to the next member and numbers the following records as before. */
static void
test_corrupt_member(void **state)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	struct written_set ws;
	struct buf data = BUF_INIT, err = BUF_INIT, p2 = BUF_INIT;
	char dir[64], **paths = NULL, want[64];
	size_t n = 0, i, k, victim;
	struct run full, run;
	unsigned long long a, b;

	(void)state;
	make_tmpdir(dir, sizeof(dir));
	write_captures(dir, 0, 0, &ws);
	assert_int_equal(fileio_list(dir, exts, &paths, &n, &err), 0);
	buf_init(&data, 0);
	assert_int_equal(fileio_read(paths[0], &data, &err), 0);
	read_file(paths[0], &full);
	buf_addf(&p2, "%s/bad.warc.gz", dir);
	for (victim = 2; victim < full.records - 1; victim += 7) {
		struct buf copy = BUF_INIT;

		buf_add(&copy, data.p, data.len);
		a = full.s[victim].offset;
		b = full.s[victim + 1].offset;
		/* Garble the middle of the member's deflate data. */
		for (k = a + (b - a) / 2; k < a + (b - a) / 2 + 8; k++)
			copy.p[k] ^= 0x5a;
		copy_prefix(NULL, p2.p, copy.len, copy.p);
		read_file(p2.p, &run);
		assert_int_equal(run.errors, 1);
		assert_int_equal(run.records, full.records - 1);
		for (i = 0; i < run.n; i++) {
			if (run.s[i].rc < 0) {
				assert_int_equal(i, victim);
				snprintf(want, sizeof(want), "record %zu of",
					 victim + 1);
				assert_non_null(strstr(run.s[i].msg, want));
				continue;
			}
			assert_int_equal(run.s[i].number, i + 1);
			assert_int_equal(run.s[i].bd, WARC_DIGEST_OK);
		}
		run_release(&run);
		buf_release(&copy);
	}
	run_release(&full);
	fileio_list_free(paths, n);
	rm_dir(dir);
	buf_release(&data);
	buf_release(&err);
	buf_release(&p2);
}

/* Plain files: a wrong Content-Length and a garbled version line are
 * reported and the reader goes on with the next "WARC/" line. */
static void
test_plain_resync(void **state)
{
	static const char rec[] =
		"WARC/1.1\r\nWARC-Type: resource\r\n"
		"WARC-Record-ID: <urn:uuid:%d>\r\n"
		"WARC-Date: 2024-01-01T00:00:00Z\r\n"
		"WARC-Target-URI: https://news.example.org/%d\r\n"
		"Content-Type: text/plain\r\nContent-Length: %s\r\n\r\n"
		"hello %d\r\n\r\n";
	struct buf f = BUF_INIT;
	char dir[64], path[128];
	struct run run;

	(void)state;
	make_tmpdir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/p.warc", dir);
	buf_adds(&f, "XARC/1.1\r\nWARC-Type: resource\r\n\r\n");
	buf_addf(&f, rec, 2, 2, "7", 2);
	buf_addf(&f, rec, 3, 3, "x7", 3);     /* bad length */
	buf_addf(&f, rec, 4, 4, "7", 4);
	buf_adds(&f, "junk between records\r\n");
	buf_addf(&f, rec, 5, 5, "7", 5);
	buf_addf(&f, rec, 6, 6, "3", 6);      /* too short */
	buf_addf(&f, rec, 7, 7, "7", 7);
	copy_prefix(NULL, path, f.len, f.p);
	read_file(path, &run);
	assert_int_equal(run.n, 7);
	assert_int_equal(run.s[0].rc, PT_EPARSE);
	assert_non_null(strstr(run.s[0].msg, "record 1 of"));
	assert_non_null(strstr(run.s[0].msg, "version line"));
	assert_int_equal(run.s[1].rc, 1);
	assert_int_equal(run.s[1].number, 2);
	assert_int_equal(run.s[2].rc, PT_EPARSE);
	assert_non_null(strstr(run.s[2].msg, "record 3 of"));
	assert_non_null(strstr(run.s[2].msg, "Content-Length"));
	/* Junk after a block is that record's problem, not a record. */
	assert_int_equal(run.s[3].number, 4);
	assert_true(run.s[3].has_note);
	assert_int_equal(run.s[4].number, 5);
	assert_false(run.s[4].has_note);
	assert_int_equal(run.s[5].number, 6);
	assert_true(run.s[5].has_note);
	assert_int_equal(run.s[5].payload.len, 3);
	assert_memory_equal(run.s[5].payload.p, "hel", 3);
	assert_int_equal(run.s[6].number, 7);
	assert_string_equal(run.s[6].uri, "https://news.example.org/7");
	assert_int_equal(run.s[6].gzm, -1);
	run_release(&run);
	unlink(path);
	rmdir(dir);
	buf_release(&f);
}

/* What the writer produces passes the independent warcio.js checker; the
 * checker itself fails on a known-bad sample. */
static void
test_warcls(void **state)
{
	struct written_set ws;
	struct buf cmd = BUF_INIT;
	const char *src = getenv("PT_SOURCE_DIR");
	char dir[64], cwd[PATH_MAX];
	int rc;

	(void)state;
	assert_non_null(src);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	make_tmpdir(dir, sizeof(dir));
	write_captures(dir, 20000, 0, &ws);
	buf_addf(&cmd, "WARCLS_DIR='%s/warcls-node' PT_SHARED_DIR='%s' "
		 "'%s/scripts/warcls.sh' '%s'/*.warc.gz > '%s/warcls.out'",
		 cwd, shared_dir(), src, dir, dir);
	rc = system(cmd.p);
	if (rc != 0) {
		buf_reset(&cmd);
		buf_addf(&cmd, "cat '%s/warcls.out' >&2", dir);
		if (system(cmd.p) != 0)
			rc = -1;
	}
	assert_int_equal(rc, 0);
	buf_reset(&cmd);
	buf_addf(&cmd, "WARCLS_DIR='%s/warcls-node' PT_SHARED_DIR='%s' "
		 "'%s/scripts/warcls.sh' "
		 "'%s/eval/warc/samples/warcio-example-digest.warc' > /dev/null",
		 cwd, shared_dir(), src, shared_dir());
	assert_int_not_equal(system(cmd.p), 0);
	buf_reset(&cmd);
	buf_addf(&cmd, "%s/warcls.out", dir);
	unlink(cmd.p);
	rm_dir(dir);
	buf_release(&cmd);
}

/* ---- gz.h: the member writer against zlib, the reader on members of
 * both writers. */

/* One member of (p, n) written in three pieces at `level`. */
static void
gz_member(int level, const char *p, size_t n, struct buf *out)
{
	struct gz_writer *g = gz_writer_new(level);
	size_t a = n / 3, b = n / 3;

	assert_non_null(g);
	gz_writer_begin(g, out);
	assert_int_equal(gz_writer_add(g, p, a, out), 0);
	assert_int_equal(gz_writer_add(g, p + a, b, out), 0);
	assert_int_equal(gz_writer_finish(g, p + a + b, n - a - b, out), 0);
	gz_writer_free(g);
}

/* Inflates one gzip member with zlib: the independent reader. */
static size_t
zlib_inflate(const struct buf *in, struct buf *out)
{
	z_stream z;

	memset(&z, 0, sizeof(z));
	assert_int_equal(inflateInit2(&z, 16 + MAX_WBITS), Z_OK);
	buf_reset(out);
	buf_grow(out, 1u << 20);
	z.next_in = (unsigned char *)in->p;
	z.avail_in = (uInt)in->len;
	z.next_out = (unsigned char *)out->p;
	z.avail_out = (uInt)(out->cap - 1);
	assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
	out->len = z.total_out;
	inflateEnd(&z);
	return z.avail_in;
}

/* One writer for many members, as a WARC file has them: at level 1 the
 * Huffman codes come from earlier members (gz.c), and every member must
 * still decode on its own with zlib, also one of bytes no sampled member
 * had (all 256 byte values), and one that is tiny. With igzip, members
 * of the same kind of page stay small: within 10% of level 6 (with
 * igzip's default codes they were 22% larger). */
static void
test_gz_sampled_codes(void **state)
{
	struct gz_writer *g = gz_writer_new(1);
	struct buf html = BUF_INIT, z = BUF_INIT, out = BUF_INIT;
	struct buf bin = BUF_INIT, z6 = BUF_INIT;
	unsigned int i, x = 99;
	size_t k, sum1 = 0, sum6 = 0;

	(void)state;
	assert_non_null(g);
	for (k = 0; k < 20000; k++) {
		x = x * 1103515245u + 12345u;
		buf_addc(&bin, (char)(k < 256 ? k : x >> 16));
	}
	for (i = 0; i < 600; i++) {
		const struct buf *in = &html;

		if (i % 97 == 50)
			in = &bin;
		else
			make_html(&html, i, 6000 + (i % 7) * 3000);
		buf_reset(&z);
		gz_writer_begin(g, &z);
		assert_int_equal(gz_writer_finish(g, in->p, in->len, &z), 0);
		assert_int_equal(zlib_inflate(&z, &out), 0);
		assert_int_equal(out.len, in->len);
		assert_memory_equal(out.p, in->p, in->len);
		if (in == &html && i >= 300) {
			buf_reset(&z6);
			gz_member(6, html.p, html.len, &z6);
			sum1 += z.len;
			sum6 += z6.len;
		}
		/* A small member between the large ones (a request record). */
		buf_reset(&z);
		gz_writer_begin(g, &z);
		assert_int_equal(gz_writer_finish(g, "GET / HTTP/1.1\r\n\r\n",
						  18, &z), 0);
		assert_int_equal(zlib_inflate(&z, &out), 0);
		assert_int_equal(out.len, 18);
		assert_memory_equal(out.p, "GET / HTTP/1.1\r\n\r\n", 18);
	}
	/* zlib's level 1 makes no such promise. */
	if (strcmp(gz_backend(), "isa-l") == 0)
		assert_true(sum1 * 10 < sum6 * 11);
	gz_writer_free(g);
	buf_release(&html);
	buf_release(&bin);
	buf_release(&z);
	buf_release(&z6);
	buf_release(&out);
}

static void
test_gz_members(void **state)
{
	static const int levels[] = { 0, 1, 2, 6, 9 };
	struct buf html = BUF_INIT, z = BUF_INIT, out = BUF_INIT;
	struct buf all = BUF_INIT, got = BUF_INIT;
	struct gz_reader *r;
	const unsigned char *ip;
	size_t i, left, made, stored = 0;
	int members = 0;

	(void)state;
	make_html(&html, 3, 40000);
	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		buf_reset(&z);
		gz_member(levels[i], html.p, html.len, &z);
		assert_int_equal(zlib_inflate(&z, &out), 0);
		assert_int_equal(out.len, html.len);
		assert_memory_equal(out.p, html.p, html.len);
		if (levels[i] == 0)
			stored = z.len;
		else /* compressed: the repetitive HTML shrinks */
			assert_true(z.len * 3 < stored);
		buf_add(&all, z.p, z.len);
	}
	/* A member from zlib, with a file name in its header. */
	gzip_mem(html.p, html.len, &z);
	z.p[3] |= 8; /* FNAME */
	buf_reset(&out);
	buf_add(&out, z.p, 10);
	buf_add(&out, "name.html", 10);
	buf_add(&out, z.p + 10, z.len - 10);
	buf_add(&all, out.p, out.len);
	/* The reader stops at each member's end, then starts the next. */
	r = gz_reader_new();
	assert_non_null(r);
	ip = (const unsigned char *)all.p;
	left = all.len;
	buf_grow(&got, 1u << 20);
	while (left) {
		enum gz_status st;

		gz_reader_reset(r);
		buf_reset(&got);
		do {
			st = gz_reader_inflate(r, &ip, &left,
					       (unsigned char *)got.p + got.len,
					       4096, &made);
			got.len += made;
			assert_true(st != GZ_BAD && st != GZ_NOMEM);
		} while (st != GZ_END);
		assert_int_equal(got.len, html.len);
		assert_memory_equal(got.p, html.p, html.len);
		members++;
	}
	assert_int_equal(members, 6);
	/* A wrong CRC-32 is corrupt data. */
	buf_reset(&z);
	gz_member(1, html.p, html.len, &z);
	z.p[z.len - 5] ^= 1;
	gz_reader_reset(r);
	ip = (const unsigned char *)z.p;
	left = z.len;
	{
		enum gz_status st;

		do
			st = gz_reader_inflate(r, &ip, &left,
					       (unsigned char *)got.p, got.cap - 1,
					       &made);
		while (st == GZ_MORE && left);
		assert_int_equal(st, GZ_BAD);
	}
	gz_reader_free(r);
	buf_release(&html);
	buf_release(&z);
	buf_release(&out);
	buf_release(&all);
	buf_release(&got);
}

/* A payload digest given by the caller is used as is (the crawler
 * computes it on its own thread). */
static void
test_given_digest(void **state)
{
	struct warc_writer_opts o;
	struct warc_capture c;
	struct warc_written w;
	struct buf err = BUF_INIT;
	char dir[64], pd[38];
	struct warc_writer *ww;
	static const char head[] = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";

	(void)state;
	make_tmpdir(dir, sizeof(dir));
	memset(&o, 0, sizeof(o));
	o.dir = dir;
	o.prefix = "pt";
	ww = warc_writer_new(&o, &err);
	assert_non_null(ww);
	hash_sha1_b32("hello", 5, pd);
	memset(&c, 0, sizeof(c));
	c.uri = "http://example.com/";
	c.resp_head = head;
	c.resp_head_len = strlen(head);
	c.body = "hello";
	c.body_len = 5;
	c.payload_digest = pd;
	c.prev_payload_digest = pd; /* the same: a revisit */
	assert_int_equal(warc_writer_capture(ww, &c, &w, &err), 0);
	assert_string_equal(w.payload_digest, pd);
	assert_int_equal(w.revisit, 1);
	assert_int_equal(warc_writer_close(ww, &err), 0);
	warc_writer_free(ww);
	rm_dir(dir);
	buf_release(&err);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_writer_round_trip),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_corrupt_member),
		cmocka_unit_test(test_plain_resync),
		cmocka_unit_test(test_gz_members),
		cmocka_unit_test(test_gz_sampled_codes),
		cmocka_unit_test(test_given_digest),
	};
	const struct CMUnitTest shared[] = {
		cmocka_unit_test(test_shared_samples),
		cmocka_unit_test(test_fixtures_match_shared),
		cmocka_unit_test(test_warcls),
	};

	if (tu_shared_mode(argc, argv)) {
		if (!tu_shared_have("eval/warc", "the warc-specifications "
				    "samples and the warcio.js check"))
			return TU_SKIPPED;
		return cmocka_run_group_tests_name("warc_shared", shared, NULL,
						   NULL);
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
