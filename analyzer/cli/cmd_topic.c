/* cmd_topic.c -- `presstally topic new NAME [FILE]`: start a topic file
 * from the commented template (data/topics/TEMPLATE.topic, which
 * explains every kind of entry); `presstally topic check FILE`: validate
 * topic files and summarise what each defines; and the one way every
 * command loads its topic (cmd_load_topic()).
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/fileio.h"
#include "crawler/base/hash.h"
#include "crawler/base/log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
	"presstally topic new NAME [FILE | -]\n"
	"       presstally topic check FILE...";

static const char help[] =
	"new: writes a topic file for NAME to FILE (default: NAME in lower "
	"case with\ndashes, .topic; - for standard output), from a template "
	"that explains every\nkind of entry with an example. An existing FILE "
	"is never overwritten.\n"
	"check: checks topic files and summarises what each defines. A "
	"malformed line is\nreported as FILE:LINE: what was expected.\n\n"
	"Options:\n"
	"  -h, --help   show this help\n\n"
	"Exit codes: 0 ok; 1 FILE exists or cannot be written; 2 bad command "
	"line; 3 a file\nis invalid.\n";

#define TEMPLATE "topics/TEMPLATE.topic"
#define TEMPLATE_NAME "{{NAME}}"

#define DEFAULT_TOPIC "topics/intimacy-coordinators.topic"

/* Cap on the bytes read for the digest; topic_load() has its own. */
#define TOPIC_DIGEST_MAX (8u * 1024 * 1024)

/* Writes the SHA-256 of the file's bytes into digest. */
static int
digest_file(const char *path, char digest[65], struct buf *err)
{
	struct buf text;
	int rc;

	buf_init(&text, TOPIC_DIGEST_MAX);
	rc = fileio_read(path, &text, err);
	if (rc == 0)
		hash_sha256_hex(text.p, text.len, digest, 64);
	buf_release(&text);
	return rc;
}

struct topic *
cmd_load_topic(const char *path, char digest[65])
{
	char *def = path ? NULL : fileio_data_path(DEFAULT_TOPIC, PT_DATA_DIR);
	struct buf err = BUF_INIT;
	struct topic *t = NULL;

	if (!path)
		path = def;
	/* The digest is taken first: a file edited in between gives a topic
	 * newer than its digest, which only makes the next refresh analyze
	 * again, never keeps results of an old topic. */
	if (!digest || digest_file(path, digest, &err) == 0)
		t = topic_load(path, &err);
	if (!t)
		log_error("invalid topic file: %s", err.p);
	buf_release(&err);
	free(def);
	return t;
}

static int
topic_check(int argc, char **argv)
{
	struct buf err = BUF_INIT;
	int i, rc = PT_EXIT_OK;

	if (argc < 3)
		return cli_usage_error(argv[0], usage, "no FILE given");
	for (i = 2; i < argc; i++) {
		struct topic *t;

		buf_reset(&err);
		t = topic_load(argv[i], &err);
		if (!t) {
			log_error("%s", err.p);
			rc = PT_EXIT_DATA;
			continue;
		}
		buf_reset(&err);
		topic_describe(t, &err);
		printf("%s: ok: %s\n", argv[i], err.p);
		topic_free(t);
	}
	buf_release(&err);
	return rc;
}

/* "Four-day week" -> "four-day-week.topic" (ASCII letters and digits
 * kept, lowercased; every other run of bytes one dash). */
static char *
default_file(const char *name)
{
	struct buf b = BUF_INIT;
	const char *p;

	for (p = name; *p; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_addc(&b, c);
		else if (b.len && b.p[b.len - 1] != '-')
			buf_addc(&b, '-');
	}
	while (b.len && b.p[b.len - 1] == '-')
		buf_truncate(&b, b.len - 1);
	if (!b.len)
		buf_adds(&b, "topic");
	buf_adds(&b, ".topic");
	return buf_detach(&b, NULL);
}

/* The template with every {{NAME}} replaced by name, into out. */
static int
fill_template(const char *name, struct buf *out, struct buf *err)
{
	char *path = fileio_data_path(TEMPLATE, PT_DATA_DIR);
	struct buf text;
	const char *p, *hit;
	int rc;

	buf_init(&text, TOPIC_DIGEST_MAX);
	rc = fileio_read(path, &text, err);
	free(path);
	for (p = text.p; !rc && (hit = strstr(p, TEMPLATE_NAME)) != NULL;
	     p = hit + strlen(TEMPLATE_NAME)) {
		buf_add(out, p, (size_t)(hit - p));
		buf_adds(out, name);
	}
	if (!rc)
		buf_adds(out, p);
	buf_release(&text);
	return rc;
}

static int
topic_new(int argc, char **argv)
{
	struct buf text = BUF_INIT, err = BUF_INIT;
	const char *name, *file;
	char *def = NULL;
	struct stat st;
	FILE *fp;
	int rc = PT_EXIT_OK;

	if (argc < 3 || argc > 4)
		return cli_usage_error(argv[0], usage, argc < 3 ?
				       "no NAME given" : "too many arguments");
	name = argv[2];
	if (!*name || strchr(name, '\n') || strchr(name, '#'))
		return cli_usage_error(argv[0], usage, "NAME must be one line "
				       "without '#'");
	file = argc == 4 ? argv[3] : (def = default_file(name));
	if (fill_template(name, &text, &err)) {
		log_error("cannot read the topic template: %s", err.p);
		rc = PT_EXIT_FAIL;
	} else if (strcmp(file, "-") == 0) {
		fwrite(text.p, 1, text.len, stdout);
	} else if (stat(file, &st) == 0) {
		log_error("'%s' exists; not overwritten (give another FILE)",
			  file);
		rc = PT_EXIT_FAIL;
	} else if (!(fp = fopen(file, "wx")) ||
		   fwrite(text.p, 1, text.len, fp) != text.len ||
		   fclose(fp) != 0) {
		log_error("cannot write '%s': %s", file, strerror(errno));
		rc = PT_EXIT_FAIL;
	} else {
		log_info("wrote '%s': edit it, then run 'presstally topic "
			 "check %s'", file, file);
	}
	free(def);
	buf_release(&text);
	buf_release(&err);
	return rc;
}

int
cmd_topic(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0))
		return cli_help(usage, help);
	if (argc < 2 || (strcmp(argv[1], "check") != 0 &&
			 strcmp(argv[1], "new") != 0))
		return cli_usage_error(argv[0], usage,
				       argc < 2 ? "missing 'new' or 'check'" :
				       "unknown action '%s'", argv[1]);
	if (argc >= 3 && (strcmp(argv[2], "--help") == 0 ||
			  strcmp(argv[2], "-h") == 0))
		return cli_help(usage, help);
	if (strcmp(argv[1], "new") == 0)
		return topic_new(argc, argv);
	return topic_check(argc, argv);
}
