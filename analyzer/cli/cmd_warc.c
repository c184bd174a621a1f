/* cmd_warc.c -- `presstally warc ls [--json] FILE...`: list the records
 * of WARC files and check them (digests, gzip member layout, mandatory
 * headers, truncation).
 *
 * Output (stdout), one line per record. Text: tab-separated columns
 *   file record offset type date target-uri content-type length digest notes
 * with "-" for empty values. JSON (--json): one object per line.
 * Broken records and problems go to stderr through log_warn().
 * Declared in analyzer/cmds.h (not included: crawler/ sees only base/).
 */
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/log.h"
#include "crawler/base/warc.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "presstally warc ls [--json] FILE...";

static const char help[] =
	"Lists the records of WARC files (.warc or .warc.gz), one line per "
	"record:\nfile, record number, offset, type, date, target URI, "
	"content type, length,\ndigest status and notes. Problems go to "
	"stderr.\n\n"
	"Options:\n"
	"  --json        one JSON object per record instead of tab-separated "
	"text\n"
	"  -h, --help    show this help\n\n"
	"Digest status: ok, none, block-mismatch, payload-mismatch or\n"
	"block+payload-mismatch. Notes name structural problems (missing "
	"headers,\nrecords not in their own gzip member, bytes after a "
	"block).\n\n"
	"Exit codes:\n"
	"  0    all records read and checked without problems\n"
	"  1    a file could not be opened\n"
	"  2    bad command line\n"
	"  4    some records are broken or have problems\n";

/* Prints s with tabs and line breaks turned into spaces, "-" if empty. */
static void
put_field(const char *s)
{
	if (!s || !*s) {
		fputs("-", stdout);
		return;
	}
	for (; *s; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static const char *
digest_word(int v)
{
	return v == WARC_DIGEST_OK ? "ok" : v == WARC_DIGEST_BAD ? "mismatch"
								  : "none";
}

static const char *
digest_status(const struct warc_record *rec)
{
	int b = rec->block_digest_ok == WARC_DIGEST_BAD;
	int p = rec->payload_digest_ok == WARC_DIGEST_BAD;

	if (b && p)
		return "block+payload-mismatch";
	if (b)
		return "block-mismatch";
	if (p)
		return "payload-mismatch";
	return rec->digest_ok == WARC_DIGEST_OK ? "ok" : "none";
}

static void
print_text(const char *path, const struct warc_record *rec)
{
	put_field(path);
	printf("\t%lu\t%llu\t", rec->number, rec->offset);
	put_field(rec->type);
	putchar('\t');
	put_field(rec->date);
	putchar('\t');
	put_field(rec->target_uri);
	putchar('\t');
	put_field(rec->content_type);
	printf("\t%zu\t%s\t", rec->block_len, digest_status(rec));
	put_field(rec->note);
	putchar('\n');
}

static json_t *
jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void
print_json(const char *path, const struct warc_record *rec)
{
	json_t *o = json_object();
	char *s;

	json_object_set_new(o, "file", jstr(path));
	json_object_set_new(o, "record", json_integer((json_int_t)rec->number));
	json_object_set_new(o, "offset", json_integer((json_int_t)rec->offset));
	json_object_set_new(o, "type", jstr(rec->type));
	json_object_set_new(o, "date", jstr(rec->date));
	json_object_set_new(o, "target_uri", jstr(rec->target_uri));
	json_object_set_new(o, "record_id", jstr(rec->record_id));
	json_object_set_new(o, "content_type", jstr(rec->content_type));
	json_object_set_new(o, "length",
			    json_integer((json_int_t)rec->block_len));
	json_object_set_new(o, "http_status",
			    rec->http_status ? json_integer(rec->http_status)
					     : json_null());
	json_object_set_new(o, "http_content_type",
			    jstr(rec->http_content_type));
	json_object_set_new(o, "payload_length",
			    json_integer((json_int_t)rec->payload_len));
	json_object_set_new(o, "block_digest",
			    json_string(digest_word(rec->block_digest_ok)));
	json_object_set_new(o, "payload_digest",
			    json_string(digest_word(rec->payload_digest_ok)));
	json_object_set_new(o, "gzip_member",
			    rec->gzip_member < 0 ? json_null()
						 : json_boolean(rec->gzip_member));
	json_object_set_new(o, "notes", jstr(rec->note));
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
			  JSON_ENSURE_ASCII);
	if (s)
		puts(s);
	free(s);
	json_decref(o);
}

/* Lists one file. Returns PT_EXIT_OK, PT_EXIT_PARTIAL or PT_EXIT_FAIL. */
static int
list_file(const char *path, int json)
{
	struct buf err = BUF_INIT;
	struct warc_reader *r;
	struct warc_record rec;
	unsigned long n = 0, bad = 0;
	int rc, ret = PT_EXIT_OK;

	r = warc_reader_open(path, &err);
	if (!r) {
		log_error("%s", err.p);
		buf_release(&err);
		return PT_EXIT_FAIL;
	}
	for (;;) {
		buf_reset(&err);
		rc = warc_reader_next(r, &rec, &err);
		if (rc == 0)
			break;
		if (rc < 0) {
			log_warn("%s", err.p);
			bad++;
			continue;
		}
		n++;
		if (json)
			print_json(path, &rec);
		else
			print_text(path, &rec);
		if (rec.digest_ok == WARC_DIGEST_BAD || rec.note) {
			log_warn("record %lu of '%s' at offset %llu: %s%s%s",
				 rec.number, path, rec.offset,
				 rec.digest_ok == WARC_DIGEST_BAD
				 ? digest_status(&rec) : "",
				 rec.digest_ok == WARC_DIGEST_BAD && rec.note
				 ? "; " : "",
				 rec.note ? rec.note : "");
			bad++;
		}
	}
	if (n == 0 && bad == 0) {
		log_warn("'%s' holds no WARC records", path);
		bad++;
	}
	if (bad)
		ret = PT_EXIT_PARTIAL;
	if (fflush(stdout)) {
		log_error("cannot write to standard output");
		ret = PT_EXIT_FAIL;
	}
	warc_reader_free(r);
	buf_release(&err);
	return ret;
}

int
cmd_warc(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int c, json = 0, i, rc, ret = PT_EXIT_OK;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			return cli_help(usage, help);
		case 'j':
			json = 1;
			break;
		default:
			return cli_usage_error("warc", usage,
					       "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error("warc", usage, "missing subcommand");
	if (strcmp(argv[optind], "ls") != 0)
		return cli_usage_error("warc", usage,
				       "unknown warc subcommand '%s'",
				       argv[optind]);
	if (optind + 1 >= argc)
		return cli_usage_error("warc", usage, "no WARC file given");
	for (i = optind + 1; i < argc; i++) {
		rc = list_file(argv[i], json);
		if (rc == PT_EXIT_FAIL || (rc == PT_EXIT_PARTIAL &&
					   ret == PT_EXIT_OK))
			ret = rc;
	}
	return ret;
}
