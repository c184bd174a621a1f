/* test_extract.c -- HTML main-content extraction and metadata: a fixture
 * page with boilerplate, charsets, dates, hostile inputs generated at run
 * time, and the pieces: class/id hints, the DOM walk and the UTF-8 encoder.
 * Run as "test_extract --shared" (ctest: extract_shared), the cases on the
 * dev pages of ../shared/eval/extraction (never copied here): their
 * metadata read by hand (tests/expected/extract/meta.tsv) and every page
 * yielding text.
 */
#include "analyzer/extract/charset.h"
#include "analyzer/extract/dom.h"
#include "analyzer/extract/extract.h"
#include "analyzer/extract/hints.h"
#include "analyzer/extract/meta.h"
#include "analyzer/extract/weights.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "tests/testutil.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include <cmocka.h>
#include <libxml/HTMLparser.h>

static struct extractor *x;

static const char *
env_dir(const char *name)
{
	const char *d = getenv(name);

	return d ? d : ".";
}

static int
contains(const struct buf *b, const char *s)
{
	return strstr(b->p, s) != NULL;
}

static int
run(const char *html, size_t len, const char *charset, struct article *a,
    struct buf *warn)
{
	if (warn)
		buf_reset(warn);
	return extractor_run(x, html, len, NULL, charset, a, warn);
}

static void
test_fixture_boilerplate(void **state)
{
	char path[4096];
	struct buf html = BUF_INIT, err = BUF_INIT, warn = BUF_INIT;
	struct article a;

	(void)state;
	buf_init(&html, BUF_MAX_DOC);
	snprintf(path, sizeof(path), "%s/tests/fixtures/extract/boiler.html",
		 env_dir("PT_SOURCE_DIR"));
	assert_int_equal(fileio_read(path, &html, &err), 0);
	article_init(&a);
	assert_int_equal(extractor_run(x, html.p, html.len,
				       "https://quay.example/x/y", NULL, &a,
				       &warn),
			 0);
	assert_int_equal(warn.len, 0);
	/* the article, its subheading, list items and table rows */
	assert_true(contains(&a.text, "The two blue cranes"));
	assert_true(contains(&a.text, "What comes next"));
	assert_true(contains(&a.text, "\n\na second weighbridge\n\n"));
	assert_true(contains(&a.text, "next steps."));
	assert_true(contains(&a.text, "North 1981"));
	/* a line break inside a paragraph stays a break, no glued words */
	assert_true(contains(&a.text, "checked.\n“We missed them,”"));
	/* boilerplate */
	assert_false(contains(&a.text, "Harbour cranes return"));
	assert_false(contains(&a.text, "cookies"));
	assert_false(contains(&a.text, "Share on"));
	assert_false(contains(&a.text, "Sport"));
	assert_false(contains(&a.text, "Photo:"));
	assert_false(contains(&a.text, "newsletter"));
	assert_false(contains(&a.text, "Ferry timetable"));
	assert_false(contains(&a.text, "grandfather"));
	assert_false(contains(&a.text, "All rights reserved"));
	assert_false(contains(&a.text, "script text"));
	/* paragraphs separated by one blank line, nothing around */
	assert_false(contains(&a.text, "\n\n\n"));
	assert_false(isspace((unsigned char)a.text.p[0]));
	assert_false(isspace((unsigned char)a.text.p[a.text.len - 1]));
	/* metadata */
	assert_string_equal(a.title, "Harbour cranes return to Lowmarsh");
	assert_string_equal(a.author, "Mira Okonkwo-Test, Jon Fennick");
	assert_string_equal(a.published, "2021-03-04");
	assert_string_equal(a.site, "The Quayside Courier");
	assert_string_equal(a.language, "en");
	assert_string_equal(a.canonical,
			    "https://quay.example/2021/03/04/harbour-cranes");
	assert_string_equal(a.url, "https://quay.example/x/y");
	article_release(&a);
	buf_release(&html);
	buf_release(&err);
	buf_release(&warn);
}

static const char para[] =
	"<p>Der Bürgermeister von Süderstadt eröffnete am Montag die neue "
	"Brücke über den Fluss, die nach drei Jahren Bauzeit fertig "
	"wurde.</p>";

static void
test_charsets(void **state)
{
	struct buf html = BUF_INIT, warn = BUF_INIT;
	struct article a;
	char *latin;
	size_t i, o;

	(void)state;
	buf_init(&html, 0);
	buf_init(&warn, 4096);
	article_init(&a);
	/* the same page in latin-1 bytes */
	latin = pt_xmalloc(sizeof(para));
	for (i = 0, o = 0; para[i]; i++) {
		unsigned char c = (unsigned char)para[i];

		if (c == 0xC3) {
			latin[o++] = (char)(0xC0 | ((unsigned char)para[++i] &
						     0x3F));
		} else {
			latin[o++] = (char)c;
		}
	}
	latin[o] = '\0';

	/* declared by <meta charset> */
	buf_adds(&html, "<html><head><meta charset=\"iso-8859-1\"></head>"
			"<body>");
	buf_adds(&html, latin);
	assert_int_equal(run(html.p, html.len, NULL, &a, &warn), 0);
	assert_true(contains(&a.text, "Bürgermeister von Süderstadt"));
	assert_int_equal(warn.len, 0);

	/* declared by http-equiv, overridden by the HTTP header */
	buf_reset(&html);
	buf_adds(&html, "<html><head><meta http-equiv=\"Content-Type\" "
			"content=\"text/html; charset=utf-8\"></head><body>");
	buf_adds(&html, latin);
	assert_int_equal(run(html.p, html.len, "ISO-8859-1", &a, &warn), 0);
	assert_true(contains(&a.text, "Bürgermeister"));
	assert_int_equal(warn.len, 0);

	/* a wrong declaration: utf-8 over latin-1 bytes */
	assert_int_equal(run(html.p, html.len, NULL, &a, &warn), 0);
	assert_true(contains(&a.text, "Bürgermeister"));
	assert_true(contains(&warn, "declared charset 'utf-8'"));

	/* a wrong declaration the other way, and an unknown one */
	buf_reset(&html);
	buf_adds(&html, "<meta charset=\"windows-1252\"><body>");
	for (i = 0; i < 3; i++)
		buf_adds(&html, para);
	assert_int_equal(run(html.p, html.len, NULL, &a, &warn), 0);
	assert_true(contains(&a.text, "Süderstadt"));
	assert_true(contains(&warn, "is wrong"));
	assert_int_equal(run(html.p, html.len, "x-no-such-charset", &a,
			     &warn),
			 0);
	assert_true(contains(&a.text, "Süderstadt"));
	assert_true(contains(&warn, "unknown"));

	/* BOM */
	buf_reset(&html);
	buf_adds(&html, "\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><body>");
	buf_adds(&html, para);
	assert_int_equal(run(html.p, html.len, NULL, &a, &warn), 0);
	assert_true(contains(&a.text, "Süderstadt"));
	assert_int_equal(warn.len, 0);

	free(latin);
	article_release(&a);
	buf_release(&html);
	buf_release(&warn);
}

static void
test_dates(void **state)
{
	char d[11];
	time_t now = 1700000000; /* 2023-11-14 */
	struct article a;
	const char *page =
		"<html><head><meta property=\"article:published_time\" "
		"content=\"2031-01-01T00:00:00Z\"><script>var d="
		"'2019-05-05';</script></head><body><article><p>A long enough "
		"paragraph about the harbour and its cranes, with commas, to be "
		"read as the article.</p></article><aside class=\"related\">"
		"<time datetime=\"2018-02-02\">x</time></aside></body></html>";

	(void)state;
	assert_true(meta_parse_date("2019-11-19T13:03:00Z", now, d));
	assert_string_equal(d, "2019-11-19");
	assert_true(meta_parse_date("2019/1/9", now, d));
	assert_string_equal(d, "2019-01-09");
	assert_true(meta_parse_date("Nov 19, 2019", now, d));
	assert_string_equal(d, "2019-11-19");
	assert_true(meta_parse_date("19 November 2019", now, d));
	assert_string_equal(d, "2019-11-19");
	assert_true(meta_parse_date("20191119", now, d));
	assert_false(meta_parse_date("2019-02-30", now, d));
	assert_false(meta_parse_date("2023-11-15", now, d)); /* future */
	assert_false(meta_parse_date("yesterday", now, d));
	/* future meta date refused; script and related-box dates not taken */
	article_init(&a);
	assert_int_equal(run(page, strlen(page), NULL, &a, NULL), 0);
	assert_null(a.published);
	article_release(&a);
}

/* Reads a gzipped file into b. */
static int
read_gz(const char *path, struct buf *b)
{
	gzFile f = gzopen(path, "rb");
	char tmp[65536];
	int n;

	if (!f)
		return -1;
	buf_reset(b);
	while ((n = gzread(f, tmp, sizeof(tmp))) > 0)
		buf_add(b, tmp, (size_t)n);
	gzclose(f);
	return n < 0 ? -1 : 0;
}

/* Lowercase letters and digits only. */
static void
norm(const char *s, struct buf *out)
{
	buf_reset(out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x80 || isalnum(c))
			buf_addc(out, (char)tolower(c));
	}
}

static int
same(const char *got, const char *want)
{
	struct buf g = BUF_INIT, w = BUF_INIT;
	char *alts = pt_xstrdup(want), *p = alts;
	int ok = 0;

	buf_init(&g, 0);
	buf_init(&w, 0);
	norm(got, &g);
	for (;;) {
		char *e = strstr(p, "||");

		if (e)
			*e = '\0';
		norm(p, &w);
		if (strcmp(g.p, w.p) == 0)
			ok = 1;
		if (!e)
			break;
		p = e + 2;
	}
	free(alts);
	buf_release(&g);
	buf_release(&w);
	return ok;
}

static void
test_meta_by_hand(void **state)
{
	char path[4096];
	struct buf tsv = BUF_INIT, err = BUF_INIT, html = BUF_INIT;
	struct article a;
	char *line, *next;
	int rows = 0, right = 0;

	(void)state;
	buf_init(&tsv, BUF_MAX_DOC);
	buf_init(&html, BUF_MAX_DOC);
	snprintf(path, sizeof(path), "%s/tests/expected/extract/meta.tsv",
		 env_dir("PT_SOURCE_DIR"));
	assert_int_equal(fileio_read(path, &tsv, &err), 0);
	article_init(&a);
	for (line = tsv.p; line && *line; line = next) {
		char *f[5], *p = line;
		int i, ok;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line[0] == '#' || line[0] == '\0' ||
		    strncmp(line, "id\t", 3) == 0)
			continue;
		for (i = 0; i < 5; i++) {
			f[i] = p;
			p = strchr(p, '\t');
			if (i < 4) {
				assert_non_null(p);
				*p++ = '\0';
			}
		}
		snprintf(path, sizeof(path),
			 "%s/eval/extraction/dev/html/%s.html.gz",
			 env_dir("PT_SHARED_DIR"), f[0]);
		assert_int_equal(read_gz(path, &html), 0);
		assert_int_equal(extractor_run(x, html.p, html.len, NULL, NULL,
					       &a, NULL),
				 0);
		rows++;
		ok = same(a.title, f[1]) && same(a.author, f[2]) &&
		     same(a.published, f[3]) && same(a.site, f[4]);
		if (ok)
			right++;
		else
			print_message("metadata of %.12s: got '%s' / '%s' / "
				      "'%s' / '%s'\n",
				      f[0], a.title ? a.title : "",
				      a.author ? a.author : "",
				      a.published ? a.published : "",
				      a.site ? a.site : "");
	}
	print_message("metadata right on %d of %d pages\n", right, rows);
	assert_true(rows >= 15);
	assert_true(right >= 15);
	article_release(&a);
	buf_release(&tsv);
	buf_release(&err);
	buf_release(&html);
}

static void
test_dev_pages_have_text(void **state)
{
	static const char *const exts[] = { ".html.gz", NULL };
	char dir[4096];
	char **paths = NULL;
	size_t n = 0, i;
	struct buf err = BUF_INIT, html = BUF_INIT;
	struct article a;

	(void)state;
	buf_init(&html, BUF_MAX_DOC);
	snprintf(dir, sizeof(dir), "%s/eval/extraction/dev/html",
		 env_dir("PT_SHARED_DIR"));
	assert_int_equal(fileio_list(dir, exts, &paths, &n, &err), 0);
	assert_true(n >= 80);
	article_init(&a);
	for (i = 0; i < n; i++) {
		assert_int_equal(read_gz(paths[i], &html), 0);
		assert_int_equal(extractor_run(x, html.p, html.len, NULL, NULL,
					       &a, NULL),
				 0);
		assert_true(a.text.len >= 200);
	}
	article_release(&a);
	fileio_list_free(paths, n);
	buf_release(&err);
	buf_release(&html);
}

/* ---- hostile input, generated here ---- */

static void
hostile(const struct buf *html, const char *expect_warn)
{
	struct buf warn = BUF_INIT;
	struct article a;
	int rc;

	buf_init(&warn, 65536);
	article_init(&a);
	rc = extractor_run(x, html->p, html->len, NULL, NULL, &a, &warn);
	assert_true(rc == 0 || rc == PT_EEMPTY || rc == PT_EPARSE ||
		    rc == PT_ETOOBIG);
	if (expect_warn) {
		if (!strstr(warn.p, expect_warn))
			print_message("warnings: %s\n", warn.p);
		assert_non_null(strstr(warn.p, expect_warn));
	}
	article_release(&a);
	buf_release(&warn);
}

static void
test_hostile_nesting(void **state)
{
	struct buf h = BUF_INIT;
	int i;

	(void)state;
	buf_init(&h, 0);
	buf_adds(&h, "<html><body>");
	for (i = 0; i < 100000; i++)
		buf_adds(&h, i % 2 ? "<div>" : "<span>");
	buf_adds(&h, "deep text");
	hostile(&h, "nesting deeper than");
	buf_release(&h);
}

static void
test_hostile_huge(void **state)
{
	struct buf h = BUF_INIT;
	size_t target = 50u * 1024 * 1024;

	(void)state;
	buf_init(&h, 0);
	buf_grow(&h, target + 1024);
	buf_adds(&h, "<html><body><article>");
	while (h.len < target)
		buf_adds(&h, "<p>A paragraph of filler text, with a comma, "
			     "repeated until the page is fifty megabytes.</p>"
			     "<div class=\"share\"><a href=\"/\">x</a></div>");
	hostile(&h, "cut to");
	buf_release(&h);
}

static void
test_hostile_nul_and_attrs(void **state)
{
	struct buf h = BUF_INIT;
	int i;

	(void)state;
	buf_init(&h, 0);
	buf_adds(&h, "<html><body><p>Some text before a NUL byte and ");
	buf_add(&h, "\0\0", 2);
	buf_adds(&h, " some after it, long enough for a paragraph.</p>");
	hostile(&h, "NUL");

	buf_reset(&h);
	buf_adds(&h, "<html><body><div ");
	for (i = 0; i < 10000; i++)
		buf_addf(&h, "a%d=\"%d\" ", i, i);
	buf_adds(&h, "><p>Text inside the element with too many attributes "
		     "to keep.</p></div>");
	hostile(&h, "attributes");
	buf_release(&h);
}

static void
test_hostile_unterminated(void **state)
{
	struct buf h = BUF_INIT;
	int i;

	(void)state;
	buf_init(&h, 0);
	buf_adds(&h, "<html><body><p>Visible text before the comment, long "
		     "enough to count.</p><!-- never closed ");
	for (i = 0; i < 1000; i++)
		buf_adds(&h, "<p>hidden</p>");
	hostile(&h, "unterminated comment");

	buf_reset(&h);
	buf_adds(&h, "<html><body><p>Visible text before the script, long "
		     "enough to count.</p><script>var s = '<p>';");
	for (i = 0; i < 1000; i++)
		buf_adds(&h, "s += '</p><div>';");
	hostile(&h, "unterminated <script>");

	/* random bytes of every value, with a wrong declared charset */
	buf_reset(&h);
	buf_adds(&h, "<meta charset=utf-8><body><p>");
	srand(7);
	for (i = 0; i < 200000; i++)
		buf_addc(&h, (char)(rand() & 0xFF));
	hostile(&h, "declared charset");
	buf_release(&h);
}

/* Class/id hints and boilerplate lines, as data/lexicon/html-hints.tsv
 * says (its table is generated by the build). */
static void
test_hints(void **state)
{
	static const struct {
		const char *cls, *id;
		int weight, boiler, hidden, keep;
	} cases[] = {
		{ "comment-list", NULL, -W_CLASS_WEIGHT, 1, 0, 0 },
		{ "Article-Body", NULL, W_CLASS_WEIGHT, 0, 0, 0 },
		{ "article", "comments", 0, 1, 0, 0 }, /* POS and NEG */
		{ "ad", NULL, -W_CLASS_WEIGHT, 1, 0, 0 },   /* a whole word */
		{ "shadow", NULL, 0, 0, 0, 0 },             /* not one */
		{ "top-ad-slot", NULL, -W_CLASS_WEIGHT, 1, 0, 0 },
		{ "photo", NULL, -W_CLASS_WEIGHT, 0, 0, 0 }, /* NEG only */
		{ "btn sr-only", NULL, 0, 0, 1, 0 },
		{ "sr-only-focusable", NULL, 0, 0, 0, 0 },  /* no whole name */
		{ "twitter-tweet social", NULL, 0, 0, 0, 1 }, /* KEEP wins */
		{ NULL, "main\tcontent", W_CLASS_WEIGHT, 0, 0, 0 },
		{ "", "", 0, 0, 0, 0 },
		{ "zz", NULL, 0, 0, 0, 0 },
	};
	static const struct {
		const char *text;
		int boiler;
	} lines[] = {
		{ "Advertisement", 1 },   { "ADVERTISEMENT:", 1 },
		{ "Read more...", 1 },    { "Share this article", 1 },
		{ "Related: a story", 1 }, { "Leia também", 1 },
		{ "share", 1 },           { "sharepoint", 0 },
		{ "The minister said more.", 0 }, { "", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hints_attr h;

		hints_classify(cases[i].cls, cases[i].id, &h);
		if (h.weight != cases[i].weight ||
		    h.boiler != cases[i].boiler ||
		    h.hidden != cases[i].hidden || h.keep != cases[i].keep)
			fail_msg("hints of class '%s' id '%s': weight %d "
				 "boiler %d hidden %d keep %d",
				 cases[i].cls ? cases[i].cls : "(none)",
				 cases[i].id ? cases[i].id : "(none)",
				 h.weight, h.boiler, h.hidden, h.keep);
	}
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (hints_boiler_text(lines[i].text, strlen(lines[i].text)) !=
		    lines[i].boiler)
			fail_msg("boilerplate line '%s': want %d",
				 lines[i].text, lines[i].boiler);
	assert_int_equal(hints_tag("p"), HT_BLOCK | HT_PARA | HT_P);
	assert_int_equal(hints_tag("blink"), 0);
}

/* Class names read one by one: states, taxonomy terms and BEM modifiers
 * say nothing of the box; names weigh against each other; a responsive
 * "hidden" does not hide; a header class is a part of the page. */
static void
test_hints_structure(void **state)
{
	static const struct {
		const char *cls;
		int weight, boiler, hidden, page;
	} cases[] = {
		{ "has-sidebar", 0, 0, 0, 0 },
		{ "no-comments", 0, 0, 0, 0 },
		{ "with-share is-paywalled", 0, 0, 0, 0 },
		{ "with_aside", 0, 0, 0, 0 },
		{ "tag-newsletter category-sponsored", 0, 0, 0, 0 },
		{ "comments-open", 0, 0, 0, 0 },
		{ "tag-list", -W_CLASS_WEIGHT, 1, 0, 0 }, /* a box after all */
		{ "story__body--promo", W_CLASS_WEIGHT, 0, 0, 0 },
		{ "node node--promoted", 0, 0, 0, 0 },
		{ "comments", -W_CLASS_WEIGHT, 1, 0, 0 },
		/* more content names than boilerplate ones: a post */
		{ "post entry widget", 0, 0, 0, 0 },
		{ "post-content comments", 0, 1, 0, 0 },
		{ "hidden lg:flex", 0, 0, 0, 0 },
		{ "d-none d-md-block", 0, 0, 0, 0 },
		{ "hidden", 0, 0, 1, 0 },
		{ "article-header", W_CLASS_WEIGHT, 0, 0, 1 },
		/* the header of a component is not the page's */
		{ "card-header", 0, 0, 0, 0 },
		{ "accordion__header collapsed", 0, 0, 0, 0 },
		{ "product-header", 0, 0, 0, 0 },
		{ "site-header", 0, 0, 0, 1 },
		{ "header header-top", 0, 0, 0, 1 },
		{ "legend", -W_CLASS_WEIGHT, 1, 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hints_attr h;

		hints_classify(cases[i].cls, NULL, &h);
		if (h.weight != cases[i].weight ||
		    h.boiler != cases[i].boiler ||
		    h.hidden != cases[i].hidden || h.page != cases[i].page)
			fail_msg("hints of class '%s': weight %d boiler %d "
				 "hidden %d page %d", cases[i].cls, h.weight,
				 h.boiler, h.hidden, h.page);
	}
}

/* Invented prose: n sentences of the same shape, numbered. */
static void
add_prose(struct buf *b, const char *tag, const char *word, int n)
{
	int i;

	for (i = 0; i < n; i++)
		buf_addf(b, "<%s>The %s number %d was read aloud in the hall, "
			 "and everyone who heard it agreed that it was long "
			 "enough to count as a sentence.</%s>", tag, word, i,
			 tag);
}

/* Extracts the page in b into a; returns the result code. */
static int
run_page(struct buf *b, struct article *a)
{
	article_init(a);
	return run(b->p, b->len, NULL, a, NULL);
}

/* A boilerplate word in a state, taxonomy or modifier class of the
 * article does not remove it, and a longer comment thread does not
 * outweigh it. */
static void
test_state_classes(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;

	(void)state;
	buf_adds(&b, "<html><body class=\"single with-sidebar\">"
		 "<article class=\"post has-paywall tag-newsletter "
		 "no-comments\"><div class=\"story__body--promo\">");
	add_prose(&b, "p", "article line", 4);
	buf_adds(&b, "</div></article><div class=\"comments\"><ol>");
	add_prose(&b, "li", "reader comment", 12);
	buf_adds(&b, "</ol></div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "article line number 3"));
	assert_false(contains(&a.text, "reader comment"));
	article_release(&a);
	buf_release(&b);
}

/* The questions of an accordion FAQ sit in the card headers of a CSS
 * framework: the header of a card is not the page's header. */
static void
test_card_headers(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><div class=\"header\"><a href=\"/\">Home"
		 "</a> <a href=\"/help\">Help</a></div><div class=\"faq\">");
	for (i = 0; i < 4; i++) {
		buf_addf(&b, "<div class=\"card\"><div class=\"card-header\">"
			 "<h3>How long does delivery %d take to arrive at a "
			 "house?</h3>"
			 "</div><div class=\"collapse\"><div class=\"card-body\">",
			 i);
		add_prose(&b, "p", "answer line", 2);
		buf_adds(&b, "</div></div></div>");
	}
	buf_adds(&b, "</div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "answer line number 1"));
	assert_true(contains(&a.text, "How long does delivery 0 take to"));
	assert_true(contains(&a.text, "How long does delivery 3 take to"));
	assert_false(contains(&a.text, "Help"));
	article_release(&a);
	buf_release(&b);
}

/* Blocks inside the article whose wrappers score close to it (by their
 * class and tag) are not runners-up elsewhere on the page: the choice
 * does not climb to a box that also holds a neighbour of the text. */
static void
test_close_wrappers(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;

	(void)state;
	buf_adds(&b, "<html><body><div class=\"page\"><article "
		 "class=\"content\"><div class=\"main\"><div "
		 "class=\"entry\">");
	add_prose(&b, "p", "story line", 4);
	buf_adds(&b, "</div></div><div class=\"shop\"><p>The book of the "
		 "story is sold at <a href=\"/a\">the shop on the corner</a> "
		 "and at <a href=\"/b\">the market</a> for the price of two "
		 "coffees at the weekend.</p></div></article></div></body>"
		 "</html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "story line number 3"));
	assert_false(contains(&a.text, "The book of the story"));
	article_release(&a);
	buf_release(&b);
}

/* A list named boilerplate holds teasers, however long their excerpts:
 * it does not count as the article for holding more prose than it. */
static void
test_related_list(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;

	(void)state;
	buf_adds(&b, "<html><body><div class=\"post\"><div class=\"entry\">");
	add_prose(&b, "p", "short story line", 2);
	buf_adds(&b, "<ul class=\"related-posts\">");
	add_prose(&b, "li", "teaser excerpt", 5);
	buf_adds(&b, "</ul></div></div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "short story line number 1"));
	assert_false(contains(&a.text, "teaser excerpt"));
	article_release(&a);
	buf_release(&b);
}

/* The footer of a short post, with its author's long biography, is not
 * the article for holding more prose than it; unlike a broken boundary,
 * it does not hold most of the page's prose. */
static void
test_post_footer(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><div id=\"page\"><article class=\"post\">"
		 "<div class=\"entry-content\">");
	add_prose(&b, "p", "episode line", 1);
	buf_adds(&b, "</div><footer class=\"entry-meta\"><div>");
	add_prose(&b, "p", "biography line", 3);
	buf_adds(&b, "</div></footer></article>");
	for (i = 0; i < 6; i++)
		buf_addf(&b, "<div class=\"widget\"><p>A short note of the "
			 "sidebar, number %d, for visitors.</p></div>", i);
	buf_adds(&b, "</div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "episode line number 0"));
	assert_false(contains(&a.text, "biography line"));
	article_release(&a);
	buf_release(&b);
}

/* An unclosed <div> in <nav>, <header> or <noscript> can make the parser
 * nest the rest of the page in that element: a box holding most of the
 * prose is a broken boundary, not boilerplate. */
static void
test_damaged_trees(void **state)
{
	static const char *const opens[] = {
		"<nav><ul><li><a href=\"/\">Home</a><div>",
		"<header><div class=\"logo\"><a href=\"/\">Site</a><div>",
		"<noscript><div>Enable scripts.",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(opens) / sizeof(opens[0]); i++) {
		struct buf b = BUF_INIT;
		struct article a;

		buf_addf(&b, "<html><body>%s", opens[i]);
		buf_adds(&b, "<div class=\"main\">");
		add_prose(&b, "p", "nested line", 5);
		buf_adds(&b, "</div></body></html>");
		assert_int_equal(run_page(&b, &a), 0);
		if (!contains(&a.text, "nested line number 4"))
			fail_msg("damaged tree %zu lost the article: '%s'", i,
				 a.text.p ? a.text.p : "");
		article_release(&a);
		buf_release(&b);
	}
}

/* The fallback cascade: prose in three boxes whose class says
 * boilerplate, none with most of it (relaxed hints); a JSON-LD
 * articleBody, or a HowTo's steps, longer than the page text; prose
 * paragraphs no container
 * gathers (the baseline); and a page without text says so. */
static void
test_fallback_cascade(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><p>Hello.</p>");
	for (i = 0; i < 3; i++) {
		buf_adds(&b, "<div class=\"promo-box\">");
		add_prose(&b, "p", "promo line", 3);
		buf_adds(&b, "</div>");
	}
	buf_adds(&b, "</body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "promo line number 2"));
	article_release(&a);

	buf_reset(&b);
	buf_adds(&b, "<html><head><script type=\"application/ld+json\">"
		 "{\"@type\": \"NewsArticle\", \"articleBody\": \"");
	for (i = 0; i < 6; i++)
		buf_adds(&b, "The body of the story is only in the metadata, "
			 "where the site put it for search engines. ");
	buf_adds(&b, "\"}</script></head><body><div>Loading.</div>"
		 "</body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "only in the metadata"));
	article_release(&a);

	/* a HowTo that the page shows only after running its scripts: its
	 * description and steps, HTML fragments in JSON, are the text */
	buf_reset(&b);
	buf_adds(&b, "<html><head><script type=\"application/ld+json\">"
		 "{\"@type\": \"HowTo\", \"name\": \"Mending a chair\", "
		 "\"description\": \"\\u003cp\\u003eA loose chair leg is "
		 "mended in an afternoon with glue, clamps and a little "
		 "patience.\\u003c/p\\u003e\", \"step\": [");
	for (i = 0; i < 4; i++)
		buf_addf(&b, "%s{\"@type\": \"HowToStep\", \"name\": \"Step "
			 "%d\", \"text\": \"<p>Do the part number %d of the "
			 "work&nbsp;with care, and wait until the glue has set "
			 "before the next one.</p>\"}", i ? ", " : "", i, i);
	buf_adds(&b, ", {\"@type\": \"HowToSection\", \"itemListElement\": "
		 "[{\"@type\": \"HowToStep\", \"text\": \"Sand the "
		 "joint and paint it again when everything is dry.\"}]}]}"
		 "</script></head><body><div id=\"app\">Loading.</div>"
		 "</body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "A loose chair leg is mended"));
	assert_true(contains(&a.text, "part number 0 of the work with care"));
	assert_true(contains(&a.text, "part number 3 of the work"));
	assert_true(contains(&a.text, "Sand the joint"));
	assert_false(contains(&a.text, "<p>"));
	assert_false(contains(&a.text, "&nbsp;"));
	article_release(&a);

	/* every paragraph alone under its own deep wrapper */
	buf_reset(&b);
	buf_adds(&b, "<html><body>");
	for (i = 0; i < 16; i++) {
		buf_adds(&b, "<div><div><div><div><div><div>");
		add_prose(&b, "p", "scattered line", 1);
		buf_addf(&b, "<p>Paragraph %d of the scattered page, with a "
			 "second sentence to make it prose.</p>", i);
		buf_adds(&b, "</div></div></div></div></div></div>");
	}
	buf_adds(&b, "</body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "Paragraph 0 of"));
	assert_true(contains(&a.text, "Paragraph 15 of"));
	article_release(&a);

	buf_reset(&b);
	buf_adds(&b, "<html><body><div><img src=\"x.png\"></div></body>"
		 "</html>");
	assert_int_equal(run_page(&b, &a), PT_EEMPTY);
	article_release(&a);
	buf_release(&b);
}

/* A comma-dense block (a list of signatories) or a data table does not
 * outscore the body. */
static void
test_comma_and_tables(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><div><div><div class=\"signers\"><p>");
	for (i = 0; i < 60; i++)
		buf_addf(&b, "Name%d Surname, ", i);
	buf_adds(&b, "</p></div></div></div><div><div class=\"data\"><table>");
	for (i = 0; i < 30; i++)
		buf_addf(&b, "<tr><td>Row %d of the price table, in euros, "
			 "per unit</td><td>%d, %d, %d</td></tr>", i, i, i + 1,
			 i + 2);
	buf_adds(&b, "</table></div></div><div><div><div class=\"story\">");
	add_prose(&b, "p", "body line", 5);
	buf_adds(&b, "</div></div></div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "body line number 4"));
	assert_false(contains(&a.text, "Name59"));
	assert_false(contains(&a.text, "price table"));
	article_release(&a);
	buf_release(&b);
}

/* A long reference list, each item a sentence with its commas, does not
 * outscore the short abstract it follows. */
static void
test_reference_list(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><div class=\"paper\"><div "
		 "class=\"abstract\">");
	add_prose(&b, "p", "abstract line", 5);
	buf_adds(&b, "</div><div class=\"refs\"><h2>Sources</h2><ol>");
	for (i = 0; i < 30; i++)
		buf_addf(&b, "<li>Author%d A, Writer B, Scholar C, et al. A "
			 "study of the river, its bridges and their piers. "
			 "Journal of Rivers, %d;%d:1-9.</li>", i, 1990 + i,
			 i);
	buf_adds(&b, "</ol></div></div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "abstract line number 0"));
	assert_true(contains(&a.text, "abstract line number 4"));
	article_release(&a);
	buf_release(&b);
}

/* A post that shares links: the list is most of the text, and stays. */
static void
test_link_list_post(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><div class=\"site\"><article class=\"post\">"
		 "<h1>Links of the week</h1><div class=\"entry-content\"><ul>");
	for (i = 0; i < 6; i++)
		buf_addf(&b, "<li><p><a href=\"https://example.org/%d\">The "
			 "story of the week number %d</a></p><p>via Example "
			 "News %d <a href=\"https://example.org/\">"
			 "https://example.org/</a></p></li>", i, i, i);
	buf_adds(&b, "</ul><p>Posted from my bookmarks, with the rest of my "
		 "favourite links.</p></div></article></div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "via Example News 0"));
	assert_true(contains(&a.text, "via Example News 5"));
	article_release(&a);
	buf_release(&b);
}

/* Content spread over sibling blocks (sections of a page builder, a lead
 * before the body) comes whole, without the page's footer. */
static void
test_spread_blocks(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;
	int i;

	(void)state;
	buf_adds(&b, "<html><body><nav><a href=\"/\">Home</a></nav>"
		 "<div class=\"page\"><div class=\"kicker\">Local news</div>"
		 "<p class=\"lead\">The lead of the page says in one "
		 "sentence what the sections below explain.</p>");
	for (i = 0; i < 4; i++) {
		buf_addf(&b, "<div class=\"section section-%d\"><h2>Part %d"
			 "</h2>", i, i);
		add_prose(&b, "p", i == 3 ? "last part" : "part", i ? 2 : 6);
		buf_adds(&b, "</div>");
	}
	buf_adds(&b, "</div><footer>All rights reserved</footer></body>"
		 "</html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "The lead of the page"));
	assert_true(contains(&a.text, "last part number 1"));
	assert_true(contains(&a.text, "Part 2"));
	assert_false(contains(&a.text, "All rights reserved"));
	article_release(&a);
	/* a page of whole posts, each under its title and date: the title
	 * of the chosen one is no reason to stop before its neighbours */
	buf_reset(&b);
	buf_adds(&b, "<html><body><nav><a href=\"/\">Home</a></nav>"
		 "<div class=\"posts\">");
	for (i = 0; i < 3; i++) {
		buf_addf(&b, "<div class=\"post\"><h2><a href=\"/%d\">Entry "
			 "%d</a></h2><div class=\"date\">2 May</div>"
			 "<div class=\"text\">", i, i);
		add_prose(&b, "p", i == 0 ? "first entry" : i == 1 ?
			  "second entry" : "third entry", i == 1 ? 7 : 2);
		buf_adds(&b, "</div></div>");
	}
	buf_adds(&b, "</div><footer>All rights reserved</footer></body>"
		 "</html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "first entry number 1"));
	assert_true(contains(&a.text, "second entry number 6"));
	assert_true(contains(&a.text, "third entry number 1"));
	article_release(&a);
	buf_release(&b);
}

/* Soft hyphens are not text, ruby readings are not read, an image legend
 * by class is left out. */
static void
test_small_rules(void **state)
{
	struct buf b = BUF_INIT;
	struct article a;

	(void)state;
	buf_adds(&b, "<html><body><article><p>The Bun&shy;des&shy;tag met "
		 "on Monday in Berlin, and the debate about the new law went "
		 "on late into the night.</p><div class=\"legend\">Photo "
		 "legend of the plenary hall</div><p>Its name is written "
		 "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby> "
		 "in the old script, which the visitors read without "
		 "help.</p>");
	add_prose(&b, "p", "closing line", 3);
	buf_adds(&b, "</article></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "The Bundestag met"));
	assert_true(contains(&a.text, "written 漢字 in"));
	assert_false(contains(&a.text, "Photo legend"));
	article_release(&a);
	buf_release(&b);
}

/* Around the chosen text: a standfirst that says what the page's <meta>
 * description says, key points in a list, a banner in capitals and a
 * call to action are not the article's; a longer lead the description
 * was cut from is. */
static void
test_summary_and_calls(void **state)
{
	static const char lead[] = "The river rose higher than anyone in the "
		"town remembered, and the mayor called the engineers back from "
		"their holidays to look at every pier of the old stone bridge "
		"again.";
	struct buf b = BUF_INIT;
	struct article a;

	(void)state;
	buf_adds(&b, "<html><head><meta name=\"description\" content=\"The "
		 "council voted to close the old bridge for a year.\">"
		 "</head><body><div class=\"page\"><div class=\"hero\">"
		 "<h1>Bridge closed</h1><p class=\"dek\">The council voted to "
		 "close the old bridge for a year.</p></div>"
		 "<div class=\"alert\"><p>GET BREAKING NEWS IN YOUR BROWSER. "
		 "TURN ON ALERTS.</p></div>"
		 "<div class=\"points\"><ul><li>The council voted on Monday "
		 "evening after a long debate in the town hall.</li><li>The "
		 "bridge stays shut for pedestrians and for cars alike.</li>"
		 "</ul></div><div class=\"body\">");
	add_prose(&b, "p", "body line", 6);
	buf_adds(&b, "<p>Sign up for our free morning newsletter to get the "
		 "news of the town in your inbox.</p></div></div></body>"
		 "</html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "body line number 5"));
	assert_false(contains(&a.text, "The council voted to close"));
	assert_false(contains(&a.text, "BREAKING NEWS"));
	assert_false(contains(&a.text, "after a long debate"));
	assert_false(contains(&a.text, "Sign up for"));
	article_release(&a);
	/* a description longer than a snippet was cut from the lead */
	buf_reset(&b);
	buf_addf(&b, "<html><head><meta property=\"og:description\" "
		 "content=\"%s\"></head><body><div class=\"page\"><div "
		 "class=\"hero\"><h1>Bridge closed</h1><p>%s</p></div><div "
		 "class=\"byline\">By A. Writer</div><div class=\"body\">",
		 lead, lead);
	add_prose(&b, "p", "body line", 6);
	buf_adds(&b, "</div></div></body></html>");
	assert_int_equal(run_page(&b, &a), 0);
	assert_true(contains(&a.text, "body line number 5"));
	assert_true(contains(&a.text, "The river rose higher"));
	article_release(&a);
	buf_release(&b);
}

/* The two-visit walk of dom.h: every node entered, then left after its
 * children; a subtree not gone into is left at once. */
static void
test_dom_walk(void **state)
{
	static const char page[] = "<html><body><div ID=k hidden>"
				   "<p>a<b>b</b></p><ul><li>c</li></ul>"
				   "</div><i>d</i></body></html>";
	xmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
				       HTML_PARSE_NOERROR |
					       HTML_PARSE_NOWARNING);
	struct buf log = BUF_INIT;
	struct dom_walk w;
	xmlNodePtr div;
	int down = 0;

	(void)state;
	assert_non_null(doc);
	buf_init(&log, 4096);
	for (dom_walk_init(&w, dom_body(doc)); w.n; dom_walk_next(&w, down)) {
		const char *name = w.n->type == XML_ELEMENT_NODE
					   ? (const char *)w.n->name
					   : "#";

		buf_addf(&log, "%s%s%d ", w.in ? "+" : "-", name, w.depth);
		/* the walk does not go into the list */
		down = strcmp(name, "ul") != 0;
	}
	assert_string_equal(log.p,
			    "+body0 +div1 +p2 +#3 -#3 +b3 +#4 -#4 -b3 -p2 "
			    "+ul2 -ul2 -div1 +i1 +#2 -#2 -i1 -body0 ");
	dom_walk_init(&w, NULL);
	assert_null(w.n);
	/* attributes: any case, "" without a value, NULL when absent */
	div = dom_body(doc)->children;
	assert_string_equal(dom_attr(div, "id"), "k");
	assert_string_equal(dom_attr(div, "HIDDEN"), "");
	assert_null(dom_attr(div, "class"));
	assert_int_equal(dom_has_ci("Main-Content", "CONTENT"), 1);
	assert_int_equal(dom_has_ci(NULL, "x"), 0);
	buf_release(&log);
	xmlFreeDoc(doc);
}

/* charset_put_utf8 writes the shortest form at every length boundary. */
static void
test_put_utf8(void **state)
{
	static const struct {
		unsigned cp;
		const char *utf8;
	} cases[] = {
		{ 0x41, "A" },
		{ 0x7F, "\x7f" },
		{ 0x80, "\xc2\x80" },
		{ 0xE9, "\xc3\xa9" },
		{ 0x7FF, "\xdf\xbf" },
		{ 0x800, "\xe0\xa0\x80" },
		{ 0x20AC, "\xe2\x82\xac" },
		{ 0xFFFF, "\xef\xbf\xbf" },
		{ 0x10000, "\xf0\x90\x80\x80" },
		{ 0x1F600, "\xf0\x9f\x98\x80" },
		{ 0x10FFFF, "\xf4\x8f\xbf\xbf" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char d[5] = { 0 };
		size_t n = charset_put_utf8(d, cases[i].cp);

		assert_int_equal(n, strlen(cases[i].utf8));
		assert_memory_equal(d, cases[i].utf8, n);
	}
}

static int
setup(void **state)
{
	(void)state;
	x = extractor_new();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	extractor_free(x);
	extractor_free(NULL);
	return 0;
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_boilerplate),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_hostile_nesting),
		cmocka_unit_test(test_hostile_huge),
		cmocka_unit_test(test_hostile_nul_and_attrs),
		cmocka_unit_test(test_hostile_unterminated),
		cmocka_unit_test(test_hints),
		cmocka_unit_test(test_hints_structure),
		cmocka_unit_test(test_state_classes),
		cmocka_unit_test(test_card_headers),
		cmocka_unit_test(test_close_wrappers),
		cmocka_unit_test(test_related_list),
		cmocka_unit_test(test_post_footer),
		cmocka_unit_test(test_damaged_trees),
		cmocka_unit_test(test_fallback_cascade),
		cmocka_unit_test(test_comma_and_tables),
		cmocka_unit_test(test_reference_list),
		cmocka_unit_test(test_link_list_post),
		cmocka_unit_test(test_spread_blocks),
		cmocka_unit_test(test_small_rules),
		cmocka_unit_test(test_summary_and_calls),
		cmocka_unit_test(test_dom_walk),
		cmocka_unit_test(test_put_utf8),
	};
	const struct CMUnitTest shared[] = {
		cmocka_unit_test(test_meta_by_hand),
		cmocka_unit_test(test_dev_pages_have_text),
	};

	if (tu_shared_mode(argc, argv)) {
		if (!tu_shared_have("eval/extraction/dev/html",
				    "metadata and text of the dev pages"))
			return TU_SKIPPED;
		return cmocka_run_group_tests_name("extract_shared", shared,
						   setup, teardown);
	}
	return cmocka_run_group_tests(tests, setup, teardown);
}
