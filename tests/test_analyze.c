/* test_analyze.c -- `presstally analyze` end to end through the CLI: the
 * seed article as text and inside an HTML page, the bundled samples, and
 * bad input of every kind. Runs the real binary ($PT_BINARY).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "crawler/base/fileio.h"
#include "crawler/base/err.h"
#include "crawler/base/warc.h"
#include "tests/testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct who {
	const char *name;
	const char *stance;
};

/* Exactly these people, once each, with these stances. */
static const struct who seed_people[] = {
	{ "Mam Smith", "pro" },
	{ "Erika Lust", "pro" },
	{ "Gaspar Noé", "con" },
	{ "Mia Hansen-Løve", "con" },
	{ "Toni Collette", "con" },
	{ "Michael Douglas", "con" },
	{ "Eric Kohn", "neutral" },
};

struct said {
	const char *prefix;  /* start of the quote */
	const char *speaker; /* expected speaker */
	const char *alt;     /* also accepted, or NULL */
};

static const struct said seed_quotes[] = {
	{ "I would love to see it happen", "Mam Smith", NULL },
	{ "virtue police", "Mia Hansen-Løve", NULL },
	{ "that doesn’t exist in France.", "Gaspar Noé", NULL },
	{ "leave the set", "Toni Collette", NULL },
	{ "everyone’s so focused", "Eric Kohn", NULL },
	{ "They just got casting", "Erika Lust", "Mam Smith" },
};

static char *
out_file(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", dir, name);
	return buf_detach(&b, NULL);
}

static void
load(const char *dir, const char *name, struct tu_csv *csv)
{
	char *p = out_file(dir, name);

	assert_int_equal(tu_csv_load(p, csv), 0);
	free(p);
}

/* Checks the seed's people, stances and quotes in an output directory. */
static void
check_seed(const char *dir)
{
	struct tu_csv m, q, f;
	size_t i, r;

	load(dir, "mentions.csv", &m);
	assert_int_equal(m.nrows, sizeof(seed_people) / sizeof(seed_people[0]));
	for (i = 0; i < sizeof(seed_people) / sizeof(seed_people[0]); i++) {
		long row = tu_csv_find(&m, "figure", seed_people[i].name);

		if (row < 0)
			fail_msg("person '%s' not found", seed_people[i].name);
		assert_string_equal(tu_csv_get(&m, (size_t)row, "stance"),
				    seed_people[i].stance);
		if (strcmp(seed_people[i].stance, "neutral") == 0)
			assert_string_equal(
				tu_csv_get(&m, (size_t)row, "evidence"), "");
		else
			assert_true(strlen(tu_csv_get(&m, (size_t)row,
						      "evidence")) > 10);
	}
	load(dir, "quotes.csv", &q);
	for (i = 0; i < sizeof(seed_quotes) / sizeof(seed_quotes[0]); i++) {
		const struct said *s = &seed_quotes[i];
		int found = 0;

		for (r = 0; r < q.nrows; r++) {
			const char *text = tu_csv_get(&q, r, "quote");
			const char *sp = tu_csv_get(&q, r, "speaker");

			if (strncmp(text, s->prefix, strlen(s->prefix)) != 0)
				continue;
			found = 1;
			if (strcmp(sp, s->speaker) != 0 &&
			    (!s->alt || strcmp(sp, s->alt) != 0))
				fail_msg("quote '%s' attributed to '%s'",
					 s->prefix, sp);
		}
		if (!found)
			fail_msg("quote '%s' not found", s->prefix);
	}
	/* The quote column holds exactly the characters between the marks. */
	assert_true(tu_csv_find(&q, "quote", "virtue police.") >= 0);
	/* figures.csv sums mentions.csv over the run. */
	load(dir, "figures.csv", &f);
	assert_int_equal(f.nrows, m.nrows);
	for (r = 0; r < m.nrows; r++) {
		long fr = tu_csv_find(&f, "figure",
				      tu_csv_get(&m, r, "figure"));

		assert_true(fr >= 0);
		assert_string_equal(tu_csv_get(&f, (size_t)fr, "mentions"),
				    tu_csv_get(&m, r, "mentions"));
		assert_string_equal(tu_csv_get(&f, (size_t)fr, "pro"),
				    tu_csv_get(&m, r, "pro"));
		assert_string_equal(tu_csv_get(&f, (size_t)fr, "con"),
				    tu_csv_get(&m, r, "con"));
		assert_string_equal(tu_csv_get(&f, (size_t)fr, "stance"),
				    tu_csv_get(&m, r, "stance"));
	}
	tu_csv_free(&m);
	tu_csv_free(&q);
	tu_csv_free(&f);
}

static void
test_seed_text(void **state)
{
	char *dir = tu_tmpdir();
	char *seed = tu_src("data/samples/seed-intimacy-coordinators.txt");
	const char *args[] = { "analyze", "--out", dir, seed, NULL };
	struct tu_csv a;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(tu_run(args, NULL, NULL, &err), 0);
	check_seed(dir);
	load(dir, "articles.csv", &a);
	assert_int_equal(a.nrows, 1);
	assert_int_equal(strlen(tu_csv_get(&a, 0, "article_id")), 16);
	assert_string_equal(tu_csv_get(&a, 0, "published"), "");
	tu_csv_free(&a);
	tu_rmrf(dir);
	free(dir);
	free(seed);
	buf_release(&err);
}

static void
test_seed_matches_shared_copy(void **state)
{
	char *ours, *theirs;
	struct buf a = BUF_INIT, b = BUF_INIT;

	(void)state;
	/* ../shared is beside the clone in CI; say so when absent. */
	if (!tu_shared_have("seed/000_bfabf93346998f49.txt",
			    "the bundled seed article is the shared one"))
		skip();
	ours = tu_src("data/samples/seed-intimacy-coordinators.txt");
	theirs = tu_shared("seed/000_bfabf93346998f49.txt");
	assert_int_equal(fileio_read(ours, &a, NULL), 0);
	assert_int_equal(fileio_read(theirs, &b, NULL), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.p, b.p, a.len);
	buf_release(&a);
	buf_release(&b);
	free(ours);
	free(theirs);
}

static void
test_seed_html_page(void **state)
{
	char *dir = tu_tmpdir();
	char *page = tu_src("tests/fixtures/analyze/seed-article.html");
	const char *args[] = { "analyze", "--out", dir, page, NULL };
	struct tu_csv a;

	(void)state;
	assert_int_equal(tu_run(args, NULL, NULL, NULL), 0);
	/* Same people, stances and quotes: the related-articles box, the
	 * comments and the newsletter box add nobody. */
	check_seed(dir);
	load(dir, "articles.csv", &a);
	assert_string_equal(tu_csv_get(&a, 0, "title"),
			    "Not everyone is on board with intimacy "
			    "coordinators");
	assert_string_equal(tu_csv_get(&a, 0, "author"), "Rowan Tilbury");
	assert_string_equal(tu_csv_get(&a, 0, "published"), "2024-09-18");
	assert_string_equal(tu_csv_get(&a, 0, "site"), "Frameline Weekly");
	assert_string_equal(tu_csv_get(&a, 0, "url"),
			    "https://frameline-weekly.example/features/"
			    "intimacy-coordinators-pushback");
	tu_csv_free(&a);
	tu_rmrf(dir);
	free(dir);
	free(page);
}

static void
test_samples_directory_and_summary(void **state)
{
	char *dir = tu_tmpdir();
	char *samples = tu_src("data/samples");
	const char *args[] = { "analyze", "--summary", "--out", dir, samples,
			       NULL };
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct tu_csv a, m;

	(void)state;
	assert_int_equal(tu_run(args, NULL, &out, &err), 0);
	assert_non_null(strstr(out.p, "stance"));
	assert_non_null(strstr(out.p, "Horace Pennick"));
	assert_non_null(strstr(err.p, dir)); /* says where the CSVs are */
	load(dir, "articles.csv", &a);
	assert_true(a.nrows >= 6);
	load(dir, "mentions.csv", &m);
	/* The off-topic article names people, none with a stance. */
	assert_string_equal(tu_csv_get(&m, (size_t)tu_csv_find(&m, "figure",
		"Priya Anand"), "stance"), "neutral");
	assert_string_equal(tu_csv_get(&m, (size_t)tu_csv_find(&m, "figure",
		"Horace Pennick"), "stance"), "con");
	assert_string_equal(tu_csv_get(&m, (size_t)tu_csv_find(&m, "figure",
		"Delphine Marchetti"), "stance"), "pro");
	assert_string_equal(tu_csv_get(&m, (size_t)tu_csv_find(&m, "figure",
		"Marguerite Solberg"), "stance"), "mixed");
	/* Places, companies and titles are not people. */
	assert_int_equal(tu_csv_find(&m, "figure", "Leeds"), -1);
	assert_int_equal(tu_csv_find(&m, "figure", "Paper Lanterns"), -1);
	assert_int_equal(tu_csv_find(&m, "figure", "Marquee Metrics"), -1);
	assert_int_equal(tu_csv_find(&m, "figure", "Corwin Hale"), -1);
	tu_csv_free(&a);
	tu_csv_free(&m);
	tu_rmrf(dir);
	free(dir);
	free(samples);
	buf_release(&out);
	buf_release(&err);
}

static void
test_stdin(void **state)
{
	char *dir = tu_tmpdir();
	char *seed = tu_src("data/samples/seed-intimacy-coordinators.txt");
	const char *args[] = { "analyze", "--out", dir, "-", NULL };

	(void)state;
	assert_int_equal(tu_run(args, seed, NULL, NULL), 0);
	check_seed(dir);
	tu_rmrf(dir);
	free(dir);
	free(seed);
}

/* Runs analyze expecting failure `code`, a message containing `needle`,
 * and an output directory left with no CSV and no temporary file. */
static void
expect_failure(const char *const *args, int code, const char *needle,
	       const char *outdir)
{
	struct buf err = BUF_INIT;
	int rc = tu_run(args, NULL, NULL, &err);

	if (rc != code)
		fail_msg("exit %d, expected %d; stderr: %s", rc, code, err.p);
	if (!strstr(err.p, needle))
		fail_msg("stderr lacks '%s': %s", needle, err.p);
	if (outdir)
		assert_true(tu_count_entries(outdir) <= 0);
	buf_release(&err);
}

static void
test_bad_inputs(void **state)
{
	char *dir = tu_tmpdir(), *out, *empty_dir, *empty, *bad, *topic, *p;
	char *seed = tu_src("data/samples/seed-intimacy-coordinators.txt");
	struct buf b = BUF_INIT;

	(void)state;
	out = out_file(dir, "out");
	mkdir(out, 0755);

	/* A missing file: exit 1, the path named, nothing written. */
	p = out_file(dir, "no-such-file.txt");
	{
		const char *args[] = { "analyze", "--out", out, p, NULL };
		expect_failure(args, 1, "no-such-file.txt", out);
	}
	free(p);

	/* A directory with nothing usable. */
	empty_dir = out_file(dir, "nothing");
	mkdir(empty_dir, 0755);
	p = out_file(empty_dir, "notes.pdf");
	tu_write(p, "%PDF", 4);
	free(p);
	{
		const char *args[] = { "analyze", "--out", out, empty_dir,
				       NULL };
		expect_failure(args, 1, "no .txt, .html or .warc files", out);
	}

	/* An empty file alone: nothing usable, exit 1. */
	empty = out_file(dir, "empty.txt");
	tu_write(empty, "", 0);
	{
		const char *args[] = { "analyze", "--out", out, empty, NULL };
		expect_failure(args, 1, "empty file", out);
	}

	/* A malformed topic file: exit 3 with file:line. */
	topic = out_file(dir, "bad.topic");
	buf_adds(&b, "# test\nterm intimacy coordinator\npro 2 good\n"
		     "cone 1 bad\n");
	tu_write(topic, b.p, b.len);
	{
		const char *args[] = { "analyze", "--topic", topic, "--out",
				       out, seed, NULL };
		expect_failure(args, 3, "bad.topic:4:", out);
	}

	/* An output directory that cannot be created. */
	p = out_file(empty, "sub");
	{
		const char *args[] = { "analyze", "--out", p, seed, NULL };
		expect_failure(args, 1, "cannot create output directory",
			       NULL);
	}
	free(p);
	/* An output path that is a file. */
	{
		const char *args[] = { "analyze", "--out", empty, seed, NULL };
		expect_failure(args, 1, "is not a directory", NULL);
	}

	/* Invalid UTF-8: replaced, with a warning naming file and offset;
	 * the run succeeds. */
	bad = out_file(dir, "latin1.txt");
	buf_reset(&b);
	buf_adds(&b, "Director Jane Fictional said intimacy coordinators "
		     "are essential. Caf\xe9 talk.\n");
	tu_write(bad, b.p, b.len);
	{
		const char *args[] = { "analyze", "--out", out, bad, NULL };
		struct buf err = BUF_INIT;
		struct tu_csv m;

		assert_int_equal(tu_run(args, NULL, NULL, &err), 0);
		assert_non_null(strstr(err.p, "latin1.txt"));
		assert_non_null(strstr(err.p, "invalid UTF-8 at byte 69"));
		load(out, "mentions.csv", &m);
		assert_string_equal(tu_csv_get(&m, 0, "figure"),
				    "Jane Fictional");
		tu_csv_free(&m);
		buf_release(&err);
	}

	/* A failed run leaves the previous CSVs as they were. */
	{
		const char *args[] = { "analyze", "--out", out, empty, NULL };
		struct tu_csv m;

		expect_failure(args, 1, "empty file", NULL);
		assert_int_equal(tu_count_entries(out), 7);
		load(out, "mentions.csv", &m);
		assert_string_equal(tu_csv_get(&m, 0, "figure"),
				    "Jane Fictional");
		tu_csv_free(&m);
	}

	/* An empty file among good ones: skipped, exit 4, CSVs written. */
	{
		const char *args[] = { "analyze", "--out", out, empty, seed,
				       NULL };
		struct buf err = BUF_INIT;

		assert_int_equal(tu_run(args, NULL, NULL, &err), 4);
		assert_non_null(strstr(err.p, "skipped"));
		check_seed(out);
		buf_release(&err);
	}
	buf_release(&b);
	tu_rmrf(dir);
	free(dir);
	free(out);
	free(empty_dir);
	free(empty);
	free(bad);
	free(topic);
	free(seed);
}

static void
test_huge_file_is_skipped(void **state)
{
	char *dir = tu_tmpdir(), *out = out_file(dir, "out");
	char *big = out_file(dir, "big.txt");
	char *seed = tu_src("data/samples/seed-intimacy-coordinators.txt");
	const char *args[] = { "analyze", "--out", out, big, seed, NULL };
	struct buf err = BUF_INIT, line = BUF_INIT;
	FILE *fp = fopen(big, "wb");
	size_t written = 0;

	(void)state;
	assert_non_null(fp);
	buf_adds(&line, "Producer Imogen Vaskell said intimacy coordinators "
			"were essential on her sets.\n");
	while (written < 100u * 1024 * 1024) {
		fwrite(line.p, 1, line.len, fp);
		written += line.len;
	}
	fclose(fp);
	assert_int_equal(tu_run(args, NULL, NULL, &err), 4);
	assert_non_null(strstr(err.p, "big.txt"));
	assert_non_null(strstr(err.p, "larger than"));
	check_seed(out);
	buf_release(&err);
	buf_release(&line);
	tu_rmrf(dir);
	free(dir);
	free(out);
	free(big);
	free(seed);
}

/* Hostile text: one endless "sentence" of names, cue words, quote marks
 * and apostrophes. It must finish, with the counted cues capped and a
 * warning, and nothing else going wrong. */
/* A journalist's search: the short form "Dufresne" and the accent-less "marie-helene dufresne" find the
 * canonical name in aliases.csv, and quotes.csv gives her quote with the
 * sentence around it, its character offsets, the form the text used, the
 * kind of speaker and the sieve. The local file is named in articles.csv.
 * An organisation the text names speaks as itself. */
static void
test_quote_by_alias_with_context(void **state)
{
	static const char text[] =
		"Marie-H\xc3\xa9l\xc3\xa8ne Dufresne has little patience for "
		"rules.\n\n"
		"\xe2\x80\x9cI did not spend twenty years learning my craft,"
		"\xe2\x80\x9d Dufresne said on Monday.\n\n"
		"The Quebec Directors Guild backed her. \xe2\x80\x9cWe agree "
		"with every word,\xe2\x80\x9d the guild said in a statement.\n";
	char *dir = tu_tmpdir(), *out = out_file(dir, "out");
	char *path = out_file(dir, "dufresne.txt");
	const char *args[] = { "analyze", "--out", out, path, NULL };
	struct tu_csv a, q, f;
	long r;

	(void)state;
	tu_write(path, text, sizeof(text) - 1);
	assert_int_equal(tu_run(args, NULL, NULL, NULL), 0);
	load(out, "aliases.csv", &a);
	r = tu_csv_find(&a, "alias", "Dufresne");
	assert_true(r >= 0);
	assert_string_equal(tu_csv_get(&a, (size_t)r, "figure"),
			    "Marie-H\xc3\xa9l\xc3\xa8ne Dufresne");
	assert_string_equal(tu_csv_get(&a, (size_t)r, "articles"), "1");
	assert_true(tu_csv_find(&a, "alias", "marie-helene dufresne") >= 0);
	load(out, "quotes.csv", &q);
	assert_int_equal(q.nrows, 2);
	assert_string_equal(tu_csv_get(&q, 0, "speaker"),
			    tu_csv_get(&a, (size_t)r, "figure"));
	assert_string_equal(tu_csv_get(&q, 0, "quote"),
			    "I did not spend twenty years learning my craft,");
	assert_string_equal(tu_csv_get(&q, 0, "context"),
			    "\xe2\x80\x9cI did not spend twenty years learning "
			    "my craft,\xe2\x80\x9d Dufresne said on Monday.");
	/* Code points, not bytes: the accents before it count once. */
	assert_string_equal(tu_csv_get(&q, 0, "start"), "55");
	assert_string_equal(tu_csv_get(&q, 0, "end"), "102");
	assert_string_equal(tu_csv_get(&q, 0, "speaker_form"), "Dufresne");
	assert_string_equal(tu_csv_get(&q, 0, "speaker_kind"), "person");
	assert_string_equal(tu_csv_get(&q, 0, "sieve"), "trailing");
	assert_string_equal(tu_csv_get(&q, 1, "speaker"),
			    "Quebec Directors Guild");
	assert_string_equal(tu_csv_get(&q, 1, "speaker_form"), "guild");
	assert_string_equal(tu_csv_get(&q, 1, "speaker_kind"), "organisation");
	assert_string_equal(tu_csv_get(&q, 1, "sieve"), "organisation");
	load(out, "articles.csv", &f);
	assert_string_equal(tu_csv_get(&f, 0, "file"), path);
	tu_csv_free(&a);
	tu_csv_free(&q);
	tu_csv_free(&f);
	tu_rmrf(dir);
	free(dir);
	free(out);
	free(path);
}

/* Hostile quotes: tens of thousands of quotes said by "the guild" (whose
 * name the text never gives) between as many new names. The speaker sieve
 * looks for the organisation's name in a bounded window, so this stays
 * linear: every quote is written. */
static void
test_hostile_quotes_and_names(void **state)
{
	char *dir = tu_tmpdir(), *out = out_file(dir, "out");
	char *path = out_file(dir, "quotes.txt");
	const char *args[] = { "analyze", "--out", out, path, NULL };
	struct buf text = BUF_INIT;
	struct tu_csv q;
	int i;

	(void)state;
	for (i = 0; i < 30000; i++)
		buf_addf(&text, "\xe2\x80\x9cWe agree with it,\xe2\x80\x9d the "
			 "guild said. Mira Vasquez%d spoke. ", i);
	tu_write(path, text.p, text.len);
	assert_int_equal(tu_run(args, NULL, NULL, NULL), 0);
	load(out, "quotes.csv", &q);
	assert_int_equal(q.nrows, 30000);
	assert_string_equal(tu_csv_get(&q, 0, "speaker"), "");
	tu_csv_free(&q);
	buf_release(&text);
	tu_rmrf(dir);
	free(dir);
	free(out);
	free(path);
}

static void
test_hostile_text(void **state)
{
	static const char *const words[] = { "intimacy", "coordinators",
		"essential", "slammed", "Alice", "Quill", "\"", "'", "Bruno",
		"Vance", "said", "she", "he", "not", "but", "the", "director",
		"and", ",", "(", ")", "whether", "they", "useless", "helpful",
		"vital", "brilliant", "awful", "superb" };
	char *dir = tu_tmpdir(), *out = out_file(dir, "out");
	char *path = out_file(dir, "hostile.txt");
	const char *args[] = { "analyze", "--out", out, path, NULL };
	struct buf text = BUF_INIT, err = BUF_INIT;
	struct tu_csv c;
	unsigned x = 12345;

	(void)state;
	while (text.len < 4000000) {
		x = x * 1103515245u + 12345u; /* deterministic, no libc rand */
		buf_adds(&text, words[(x >> 16) % (sizeof(words) /
						    sizeof(words[0]))]);
		buf_addc(&text, ' ');
	}
	tu_write(path, text.p, text.len);
	assert_int_equal(tu_run(args, NULL, NULL, &err), 0);
	assert_non_null(strstr(err.p, "stance cues; the rest were not counted"));
	load(out, "cues.csv", &c);
	assert_true(c.nrows > 0 && c.nrows <= 20000);
	tu_csv_free(&c);
	buf_release(&text);
	buf_release(&err);
	tu_rmrf(dir);
	free(dir);
	free(out);
	free(path);
}

static void
test_help_and_usage(void **state)
{
	struct buf out = BUF_INIT, err = BUF_INIT;

	(void)state;
	{
		const char *args[] = { "--help", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 0);
		assert_non_null(strstr(out.p, "analyze"));
		assert_non_null(strstr(out.p, "Exit codes"));
	}
	buf_reset(&out);
	{
		const char *args[] = { "help", "analyze", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 0);
		assert_non_null(strstr(out.p, "--topic"));
	}
	buf_reset(&out);
	{
		const char *args[] = { "analyze", "--help", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 0);
		assert_non_null(strstr(out.p, "usage: presstally analyze"));
	}
	buf_reset(&out);
	{
		const char *args[] = { "--version", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 0);
		assert_non_null(strstr(out.p, "presstally "));
	}
	buf_reset(&err);
	{
		const char *args[] = { "analyze", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 2);
		assert_non_null(strstr(err.p, "usage:"));
		assert_non_null(strstr(err.p, "presstally analyze --help"));
	}
	buf_reset(&err);
	{
		const char *args[] = { "analyze", "--out", "/tmp", "--bogus",
				       "x", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 2);
	}
	buf_reset(&err);
	{
		const char *args[] = { "frobnicate", NULL };
		assert_int_equal(tu_run(args, NULL, &out, &err), 2);
		assert_non_null(strstr(err.p, "'frobnicate'"));
	}
	buf_reset(&out);
	{
		char *topic = tu_src("data/topics/intimacy-coordinators.topic");
		const char *args[] = { "topic", "check", topic, NULL };

		assert_int_equal(tu_run(args, NULL, &out, &err), 0);
		assert_non_null(strstr(out.p, "ok"));
		free(topic);
	}
	buf_release(&out);
	buf_release(&err);
}

/* Writes one capture of `uri` at `when` with the given HTML body. */
static void
capture(struct warc_writer *w, const char *uri, time_t when, const char *html,
	const char *prev_digest, struct warc_written *out)
{
	static const char head[] = "HTTP/1.1 200 OK\r\n"
		"Content-Type: text/html; charset=utf-8\r\n\r\n";
	struct warc_capture c;
	struct buf err = BUF_INIT;

	memset(&c, 0, sizeof(c));
	c.uri = uri;
	c.when = when;
	c.resp_head = head;
	c.resp_head_len = strlen(head);
	c.body = html;
	c.body_len = strlen(html);
	c.prev_payload_digest = prev_digest;
	if (warc_writer_capture(w, &c, out, &err))
		fail_msg("%s", err.p);
	buf_release(&err);
}

static void
test_warc_input_newest_capture_wins(void **state)
{
	static const char older[] = "<html><head><title>Old</title></head>"
		"<body><article><p>Director Wilma Tarrant said intimacy "
		"coordinators are essential and she praised them warmly on "
		"every production she has made in the last ten years.</p>"
		"</article></body></html>";
	static const char newer[] = "<html><head><title>New</title></head>"
		"<body><article><p>Director Wilma Tarrant said intimacy "
		"coordinators are unnecessary and she slammed them on every "
		"production she has made in the last ten years.</p>"
		"</article></body></html>";
	static const char other[] = "<html><head><title>Other</title></head>"
		"<body><article><p>Producer Oswin Delacroix said the intimacy "
		"coordinator on his set was helpful and he welcomed the "
		"new guidelines for every production this year.</p>"
		"</article></body></html>";
	char *dir = tu_tmpdir(), *wdir, *out1, *out2;
	struct warc_writer_opts o;
	struct warc_writer *w;
	struct warc_written wr;
	struct buf err = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	struct tu_csv arts, m;
	char *files[2];
	size_t i;

	(void)state;
	wdir = out_file(dir, "warc");
	out1 = out_file(dir, "out1");
	out2 = out_file(dir, "out2");
	memset(&o, 0, sizeof(o));
	o.dir = wdir;
	o.prefix = "test";
	/* Two files: the newer capture is in the first, the older in the
	 * second, so input order does not decide. */
	w = warc_writer_new(&o, &err);
	assert_non_null(w);
	capture(w, "https://news.example/tarrant", 1700000000, newer, NULL,
		&wr);
	capture(w, "https://news.example/other", 1700000000, other, NULL, &wr);
	/* An unchanged page becomes a revisit record: skipped. */
	capture(w, "https://news.example/other", 1700000500, other,
		wr.payload_digest, &wr);
	assert_int_equal(wr.revisit, 1);
	files[0] = pt_xstrdup(warc_writer_path(w));
	assert_int_equal(warc_writer_close(w, &err), 0);
	warc_writer_free(w);
	o.prefix = "test2";
	w = warc_writer_new(&o, &err);
	capture(w, "https://news.example/tarrant", 1600000000, older, NULL,
		&wr);
	files[1] = pt_xstrdup(warc_writer_path(w));
	assert_int_equal(warc_writer_close(w, &err), 0);
	warc_writer_free(w);
	{
		const char *args[] = { "analyze", "--out", out1, files[0],
				       files[1], NULL };
		assert_int_equal(tu_run(args, NULL, NULL, NULL), 0);
	}
	{
		const char *args[] = { "analyze", "--out", out2, files[1],
				       files[0], NULL };
		assert_int_equal(tu_run(args, NULL, NULL, NULL), 0);
	}
	load(out1, "articles.csv", &arts);
	assert_int_equal(arts.nrows, 2);
	assert_string_equal(tu_csv_get(&arts, (size_t)tu_csv_find(&arts, "url",
		"https://news.example/tarrant"), "title"), "New");
	load(out1, "mentions.csv", &m);
	assert_string_equal(tu_csv_get(&m, (size_t)tu_csv_find(&m, "figure",
		"Wilma Tarrant"), "stance"), "con");
	/* Same bytes whatever the order of the inputs. */
	for (i = 0; i < 6; i++) {
		static const char *const names[] = { "articles.csv",
			"mentions.csv", "quotes.csv", "cues.csv",
			"figures.csv", "timeline.csv" };
		char *p1 = out_file(out1, names[i]), *p2 = out_file(out2,
								    names[i]);

		buf_reset(&a);
		buf_reset(&b);
		assert_int_equal(fileio_read(p1, &a, NULL), 0);
		assert_int_equal(fileio_read(p2, &b, NULL), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.p, b.p, a.len);
		free(p1);
		free(p2);
	}
	tu_csv_free(&arts);
	tu_csv_free(&m);
	free(files[0]);
	free(files[1]);
	buf_release(&err);
	buf_release(&a);
	buf_release(&b);
	tu_rmrf(dir);
	free(dir);
	free(wdir);
	free(out1);
	free(out2);
}

static void
test_cues_sum_to_mentions(void **state)
{
	char *dir = tu_tmpdir();
	char *samples = tu_src("data/samples");
	const char *args[] = { "analyze", "--out", dir, samples, NULL };
	struct tu_csv m, c;
	size_t r, k;
	long long checked = 0;

	(void)state;
	assert_int_equal(tu_run(args, NULL, NULL, NULL), 0);
	load(dir, "mentions.csv", &m);
	load(dir, "cues.csv", &c);
	for (r = 0; r < m.nrows; r++) {
		long long pro = 0, con = 0, pw = 0, cw = 0;

		for (k = 0; k < c.nrows; k++) {
			long long w;
			const char *ws = tu_csv_get(&c, k, "weight");

			if (strcmp(tu_csv_get(&c, k, "article_id"),
				   tu_csv_get(&m, r, "article_id")) ||
			    strcmp(tu_csv_get(&c, k, "figure"),
				   tu_csv_get(&m, r, "figure")))
				continue;
			w = atoll(ws) * 1000 + atoll(strchr(ws, '.') + 1);
			if (strcmp(tu_csv_get(&c, k, "polarity"), "pro") == 0) {
				pro++;
				pw += w;
			} else {
				con++;
				cw += w;
			}
		}
		assert_int_equal(pro, atoll(tu_csv_get(&m, r, "pro")));
		assert_int_equal(con, atoll(tu_csv_get(&m, r, "con")));
		{
			const char *ps = tu_csv_get(&m, r, "pro_weight");
			const char *cs = tu_csv_get(&m, r, "con_weight");

			assert_int_equal(pw, atoll(ps) * 1000 +
					 atoll(strchr(ps, '.') + 1));
			assert_int_equal(cw, atoll(cs) * 1000 +
					 atoll(strchr(cs, '.') + 1));
		}
		checked += pro + con;
	}
	assert_true(checked > 10); /* the samples do have cues */
	tu_csv_free(&m);
	tu_csv_free(&c);
	tu_rmrf(dir);
	free(dir);
	free(samples);
}

/* Golden test: the --explain report of the seed, byte for byte. After a
 * deliberate change, regenerate tests/expected/analyze/explain-seed.txt
 * with: presstally analyze --explain - < data/samples/seed-... .txt */
static void
test_explain_golden(void **state)
{
	char *seed = tu_src("data/samples/seed-intimacy-coordinators.txt");
	char *want = tu_src("tests/expected/analyze/explain-seed.txt");
	const char *args[] = { "analyze", "--explain", "-", NULL };
	struct buf out = BUF_INIT, exp = BUF_INIT;

	(void)state;
	assert_int_equal(tu_run(args, seed, &out, NULL), 0);
	assert_int_equal(fileio_read(want, &exp, NULL), 0);
	if (out.len != exp.len || memcmp(out.p, exp.p, out.len) != 0)
		fail_msg("--explain output differs from %s:\n%s", want, out.p);
	/* Every person with a stance shows the cues behind it. */
	assert_non_null(strstr(out.p, "Toni Collette: con"));
	assert_non_null(strstr(out.p, "negated by"));
	buf_release(&out);
	buf_release(&exp);
	free(seed);
	free(want);
}

/* `topic check` reports what a topic file defines. */
static void
test_topic_check(void **state)
{
	char *path = tu_src("data/topics/generative-ai.topic");
	const char *args[] = { "topic", "check", path, NULL };
	struct buf out = BUF_INIT;

	(void)state;
	assert_int_equal(tu_run(args, NULL, &out, NULL), 0);
	assert_non_null(strstr(out.p, "ok: topic 'Generative AI"));
	assert_non_null(strstr(out.p, " terms,"));
	assert_non_null(strstr(out.p, " contrast targets,"));
	assert_non_null(strstr(out.p, " pro overrides,"));
	buf_release(&out);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_text),
		cmocka_unit_test(test_seed_matches_shared_copy),
		cmocka_unit_test(test_seed_html_page),
		cmocka_unit_test(test_samples_directory_and_summary),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_huge_file_is_skipped),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_help_and_usage),
		cmocka_unit_test(test_warc_input_newest_capture_wins),
		cmocka_unit_test(test_cues_sum_to_mentions),
		cmocka_unit_test(test_quote_by_alias_with_context),
		cmocka_unit_test(test_hostile_quotes_and_names),
		cmocka_unit_test(test_explain_golden),
		cmocka_unit_test(test_topic_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
