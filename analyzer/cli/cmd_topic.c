/* cmd_topic.c -- `presstally topic check FILE`: validate a topic file;
 * and the one way every command loads its topic (cmd_load_topic()).
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/fileio.h"
#include "crawler/base/hash.h"
#include "crawler/base/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "presstally topic check FILE...";

static const char help[] =
	"Checks topic files and prints what each one holds. A malformed line "
	"is reported\nas FILE:LINE: what was expected.\n\n"
	"Options:\n"
	"  -h, --help   show this help\n\n"
	"Exit codes: 0 every file is valid; 2 bad command line; 3 a file is "
	"invalid.\n";

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

int
cmd_topic(int argc, char **argv)
{
	struct buf err = BUF_INIT;
	int i, rc = PT_EXIT_OK;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "-h") == 0))
		return cli_help(usage, help);
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cli_usage_error(argv[0], usage,
				       argc < 2 ? "missing 'check'" :
				       "unknown action '%s'", argv[1]);
	if (argc >= 3 && (strcmp(argv[2], "--help") == 0 ||
			  strcmp(argv[2], "-h") == 0))
		return cli_help(usage, help);
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
		printf("%s: ok: topic '%s': %zu terms, %zu pro cues, %zu con "
		       "cues, %zu negators, %zu figures\n", argv[i],
		       topic_name(t), topic_count(t, TOPIC_TERM),
		       topic_count(t, TOPIC_PRO), topic_count(t, TOPIC_CON),
		       topic_count(t, TOPIC_NEGATOR), topic_nfigures(t));
		topic_free(t);
	}
	buf_release(&err);
	return rc;
}
