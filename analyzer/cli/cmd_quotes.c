/* cmd_quotes.c -- `presstally quotes`: every quote of a dataset that
 * matches, with its speaker, date, outlet, title, link and the sentence
 * around it; a table on a terminal, CSV or JSON lines otherwise.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/dataset/qsearch.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/csv.h"
#include "crawler/base/log.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"presstally quotes DATASET_DIR [--who NAME] [--site HOST] "
	"[--from DATE] [--to DATE]\n"
	"                  [--grep TEXT] [--stance pro|con] "
	"[--format table|csv|json]";

static const char help[] =
	"Prints the quotes of a dataset (a directory written by analyze, "
	"merge or refresh)\nwith speaker, date, outlet, title, URL and the "
	"sentence around each quote.\nNames, outlets and words match "
	"ignoring case and accents.\n\n"
	"Options:\n"
	"  -w, --who NAME        quotes by this person: the figure's name, an "
	"alias\n"
	"                        (aliases.csv) or part of it (\"noe\" finds "
	"Gaspar Noé)\n"
	"  -s, --site HOST       from this outlet: URL host (x.org also "
	"matches\n"
	"                        www.x.org) or words of the outlet's name\n"
	"      --from DATE       published on or after DATE (2024, 2024-05 or "
	"2024-05-14)\n"
	"      --to DATE         published on or before DATE (inclusive: "
	"--to 2024-05\n"
	"                        keeps all of May)\n"
	"  -g, --grep TEXT       the quote or its context contains TEXT\n"
	"      --stance STANCE   pro, con, mixed or neutral\n"
	"  -f, --format FORMAT   table (default on a terminal), csv (default "
	"otherwise)\n"
	"                        or json (one object per line)\n"
	"  -q, --quiet           only errors on stderr\n"
	"  -h, --help            show this help\n\n"
	"Exit codes: 0 ok (also when nothing matched); 1 the dataset could "
	"not be read;\n2 bad command line.\n";

enum format { FMT_TABLE, FMT_CSV, FMT_JSON };
enum { OPT_FROM = 256, OPT_TO, OPT_STANCE };

/* The output columns of csv and json, in order. */
static const char *const out_cols[] = {
	"date", "site", "speaker", "speaker_form", "speaker_kind", "stance",
	"quote", "context", "title", "url", "file", "article_id", "start",
	"end", "sieve",
};
#define NOUT (sizeof(out_cols) / sizeof(out_cols[0]))

struct out {
	enum format fmt;
	struct buf line;
	size_t n;          /* quotes printed */
};

static void
values(const struct qsearch_row *q, const char *v[NOUT])
{
	v[0] = q->date; v[1] = q->site; v[2] = q->speaker;
	v[3] = q->speaker_form; v[4] = q->speaker_kind; v[5] = q->stance;
	v[6] = q->quote; v[7] = q->context; v[8] = q->title; v[9] = q->url;
	v[10] = q->file; v[11] = q->article_id; v[12] = q->start;
	v[13] = q->end; v[14] = q->sieve;
}

static void
json_string(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_addf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20)
			buf_addf(b, "\\u%04x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

/* Appends s on one line: runs of white space collapsed, control
 * characters dropped (a quote from the web cannot move the cursor or
 * recolour the terminal). */
static void
add_flat(struct buf *b, const char *s)
{
	int space = 0;
	size_t start = b->len;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			space = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (space && b->len > start)
			buf_addc(b, ' ');
		space = 0;
		buf_addc(b, (char)c);
	}
}

/* One quote as a block: date, outlet, speaker and stance; the quote;
 * its context; title and link. */
static void
print_table_row(struct out *o, const struct qsearch_row *q)
{
	struct buf *b = &o->line;
	int as = *q->speaker_form && strcmp(q->speaker_form, q->speaker) != 0;

	buf_reset(b);
	if (o->n)
		buf_addc(b, '\n');
	add_flat(b, *q->date ? q->date : "-");
	buf_adds(b, "  ");
	add_flat(b, *q->site ? q->site : "-");
	buf_adds(b, "  ");
	add_flat(b, *q->speaker ? q->speaker : "?");
	if (as) {
		buf_adds(b, " (as \"");
		add_flat(b, q->speaker_form);
		buf_adds(b, "\")");
	}
	buf_adds(b, "  [");
	add_flat(b, q->stance);
	buf_adds(b, "]\n  \u201c");
	add_flat(b, q->quote);
	buf_adds(b, "\u201d\n");
	if (*q->context) {
		buf_adds(b, "  context: ");
		add_flat(b, q->context);
		buf_addc(b, '\n');
	}
	if (*q->title || *q->url || *q->file) {
		const char *where = *q->url ? q->url : q->file;

		buf_adds(b, "  ");
		add_flat(b, q->title);
		if (*q->title && *where)
			buf_adds(b, " -- ");
		add_flat(b, where);
		buf_addc(b, '\n');
	}
	fputs(b->p, stdout);
}

static int
on_quote(void *ctx, const struct qsearch_row *q)
{
	struct out *o = ctx;
	const char *v[NOUT];
	size_t i;

	values(q, v);
	buf_reset(&o->line);
	switch (o->fmt) {
	case FMT_TABLE:
		print_table_row(o, q);
		break;
	case FMT_CSV:
		for (i = 0; i < NOUT; i++)
			csv_fields(&o->line, i == 0, v[i]);
		csv_end(&o->line);
		fputs(o->line.p, stdout);
		break;
	case FMT_JSON:
		buf_addc(&o->line, '{');
		for (i = 0; i < NOUT; i++) {
			if (i)
				buf_addc(&o->line, ',');
			json_string(&o->line, out_cols[i]);
			buf_addc(&o->line, ':');
			json_string(&o->line, v[i]);
		}
		buf_adds(&o->line, "}\n");
		fputs(o->line.p, stdout);
		break;
	}
	o->n++;
	return 0;
}

static int
parse_format(const char *s, enum format *f)
{
	if (strcmp(s, "table") == 0)
		*f = FMT_TABLE;
	else if (strcmp(s, "csv") == 0)
		*f = FMT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = FMT_JSON;
	else
		return -1;
	return 0;
}

static int
check_stance(const char *s)
{
	return strcmp(s, "pro") == 0 || strcmp(s, "con") == 0 ||
	       strcmp(s, "mixed") == 0 || strcmp(s, "neutral") == 0;
}

int
cmd_quotes(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "grep", required_argument, NULL, 'g' },
		CMD_OPT_HELP,
		CMD_OPT_QUIET,
		{ "site", required_argument, NULL, 's' },
		{ "stance", required_argument, NULL, OPT_STANCE },
		{ "to", required_argument, NULL, OPT_TO },
		{ "who", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	struct qsearch_filter f;
	struct out o;
	struct buf err = BUF_INIT;
	int c, rc, fmt_set = 0;

	memset(&f, 0, sizeof(f));
	memset(&o, 0, sizeof(o));
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:g:hqs:w:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &o.fmt))
				return cli_usage_error(argv[0], usage,
					"--format must be table, csv or json");
			fmt_set = 1;
			break;
		case 'g': f.grep = optarg; break;
		case 's': f.site = optarg; break;
		case 'w': f.who = optarg; break;
		case OPT_FROM: f.from = optarg; break;
		case OPT_TO: f.to = optarg; break;
		case OPT_STANCE:
			if (!check_stance(optarg))
				return cli_usage_error(argv[0], usage,
					"--stance must be pro, con, mixed or "
					"neutral");
			f.stance = optarg;
			break;
		default:
			if ((rc = cmd_common_option(c, argv[0], usage,
						    help)) != CMD_OPT_TAKEN)
				return rc;
		}
	}
	if ((rc = cmd_one_operand(argc, argv, usage, "DATASET_DIR")) != 0)
		return rc;
	if (!fmt_set)
		o.fmt = isatty(1) ? FMT_TABLE : FMT_CSV;
	buf_init(&o.line, 0);
	if (o.fmt == FMT_CSV) {
		size_t i;

		for (i = 0; i < NOUT; i++)
			csv_fields(&o.line, i == 0, out_cols[i]);
		csv_end(&o.line);
		fputs(o.line.p, stdout);
	}
	rc = qsearch_run(argv[optind], &f, on_quote, &o, &err);
	fflush(stdout);
	if (rc) {
		log_error("cannot read dataset '%s': %s", argv[optind], err.p);
		rc = PT_EXIT_FAIL;
	} else {
		if (o.fmt == FMT_TABLE)
			log_info("%zu quote%s", o.n, o.n == 1 ? "" : "s");
		rc = PT_EXIT_OK;
	}
	buf_release(&o.line);
	buf_release(&err);
	if (!rc && (ferror(stdout) || fflush(stdout) != 0)) {
		log_error("cannot write the quotes to standard output");
		rc = PT_EXIT_FAIL;
	}
	return rc;
}
