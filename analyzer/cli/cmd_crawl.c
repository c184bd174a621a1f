/* cmd_crawl.c -- `presstally crawl`: fetch the outlets of sources.conf
 * and/or seed URLs into WARC files, with the state in a SQLite database
 * (crawl.h does the work; this file parses options, reports and maps the
 * outcome to an exit code).
 * Declared in analyzer/cmds.h (not included: crawler/ sees only base/).
 */
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"
#include "crawler/base/url.h"
#include "crawler/base/warc.h"
#include "crawler/crawl.h"
#include "crawler/robots.h"
#include "crawler/sources.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int cmd_crawl(int argc, char **argv);

static const char usage[] =
	"presstally crawl [--sources FILE] [--db FILE] [--warc-dir DIR] "
	"[options] [SEED_URL...]";

static const char help[] =
	"Fetches articles into WARC files and keeps the crawl state in a "
	"SQLite\ndatabase, so that the next run fetches only what is new or "
	"changed.\n\n"
	"Without SEED_URL and --sources, the outlets of the bundled "
	"data/sources.conf\nare crawled: their feeds and sitemaps, and the "
	"articles these list. A SEED_URL\nmay be a feed, a sitemap or a page; "
	"from pages, same-host links (that match\nthe outlet's article "
	"patterns, when the host is an outlet's) are followed\n--depth "
	"levels deep.\n\n"
	"Options:\n"
	"      --sources FILE        outlets to crawl (data/sources.conf "
	"format)\n"
	"      --db FILE             crawl database (default presstally.db)\n"
	"      --warc-dir DIR        WARC output directory (default warc/)\n"
	"      --delay SECONDS       pause between requests to a host "
	"(default 1;\n"
	"                            an outlet's delay or a larger "
	"Crawl-delay wins)\n"
	"      --depth N             link depth followed from pages "
	"(default 1)\n"
	"      --max-pages N         stop after N fetches (default: no "
	"limit)\n"
	"      --max-per-host N      requests in flight per host (default 1)\n"
	"      --max-conns N         requests in flight in total (default "
	"32)\n"
	"      --timeout SECONDS     cap on one transfer (default 30)\n"
	"      --connect-timeout S   cap on connecting (default 10)\n"
	"      --retries N           attempts per URL on timeouts, 5xx and "
	"429 (default 3)\n"
	"      --max-size BYTES      cap on a body, on the wire and decoded\n"
	"                            (default 10485760, at most 33554432)\n"
	"      --warc-size BYTES     start a new WARC file at this size "
	"(default 1 GB)\n"
	"      --warc-level N        gzip level of the WARC records, 0-9 "
	"(default 1;\n"
	"                            0 = stored: no compression, fastest, "
	"largest;\n"
	"                            with ISA-L 1 is igzip's fastest level "
	"0 with\n"
	"                            Huffman codes from sampled records, "
	"2-5 igzip 2,\n"
	"                            6-9 igzip 3)\n"
	"      --recrawl             fetch every known URL again "
	"(conditional GET)\n"
	"      --retry-failed        try the URLs that failed in earlier "
	"runs again\n"
	"      --user-agent UA       User-Agent header (default "
	"presstally/VERSION\n"
	"                            (+https://github.com/presstally/"
	"presstally));\n"
	"                            its first word is the robots.txt token\n"
	"      --progress            show progress on stderr\n"
	"      --no-progress         never show progress\n"
	"  -q, --quiet               only errors and failures on stderr\n"
	"  -h, --help                show this help\n\n"
	"WARC files are named PREFIX-YYYYmmddHHMMSS-NNNNN.warc.gz. A crawl "
	"stopped by\nSIGINT or SIGTERM finishes its transfers, saves its "
	"state and exits 130;\nrun it again to go on.\n\n"
	"Exit codes:\n"
	"  0    finished\n"
	"  1    failure: database or WARC directory unusable\n"
	"  2    bad command line\n"
	"  3    invalid sources file\n"
	"  4    finished, but some URLs failed (each is logged with its "
	"reason)\n"
	"  5    another crawl is using the database\n"
	"  130  interrupted\n";

/* The one piece of global state: set by the signal handler. */
static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct report {
	struct progress *prog;  /* NULL when off */
	struct buf note;        /* progress text */
};

static void
on_event(void *ctx, enum crawl_event ev, const char *url, const char *detail)
{
	(void)ctx;
	switch (ev) {
	case CRAWL_EV_FAILED:
		log_warn("cannot fetch '%s': %s", url, detail);
		break;
	case CRAWL_EV_RETRY:
		log_debug("will retry '%s': %s", url, detail);
		break;
	case CRAWL_EV_BLOCKED:
		log_info("skipped '%s': %s", url, detail);
		break;
	case CRAWL_EV_WARN:
		log_warn("'%s': %s", url ? url : "", detail);
		break;
	case CRAWL_EV_FATAL:
		break; /* reported once by cmd_crawl from err */
	}
}

static void
on_progress(void *ctx, const struct crawl_stats *st)
{
	struct report *r = ctx;

	if (!r->prog)
		return;
	buf_reset(&r->note);
	buf_addf(&r->note, "%llu queued, %llu failed, %.0f/s", st->queued,
		 st->failed, st->seconds > 0 ? (double)st->fetched /
					       st->seconds : 0.0);
	progress_note(r->prog, r->note.p);
	progress_update(r->prog, st->fetched, st->bytes);
}


/* The robots.txt product token: the User-Agent's first word before '/',
 * when valid, else "presstally". Returns a new string. */
static char *
robots_token(const char *ua)
{
	size_t n = strcspn(ua, "/ ");
	char *t = pt_xstrndup(ua, n);

	if (!robots_ua_valid(t)) {
		free(t);
		t = pt_xstrdup("presstally");
	}
	return t;
}

enum { OPT_CONNECT_TIMEOUT = 256, OPT_DB, OPT_DELAY, OPT_DEPTH,
       OPT_MAX_CONNS, OPT_MAX_PAGES, OPT_MAX_PER_HOST, OPT_MAX_SIZE,
       OPT_NO_PROGRESS, OPT_PROGRESS, OPT_RECRAWL, OPT_RESOLVE, OPT_RETRIES,
       OPT_RETRY_FAILED, OPT_RETRY_WAIT, OPT_SOURCES, OPT_TIMEOUT,
       OPT_USER_AGENT, OPT_WARC_DIR, OPT_WARC_LEVEL, OPT_WARC_PREFIX,
       OPT_WARC_SIZE };

static const struct option opts[] = {
	{ "connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT },
	{ "db", required_argument, NULL, OPT_DB },
	{ "delay", required_argument, NULL, OPT_DELAY },
	{ "depth", required_argument, NULL, OPT_DEPTH },
	{ "help", no_argument, NULL, 'h' },
	{ "max-conns", required_argument, NULL, OPT_MAX_CONNS },
	{ "max-pages", required_argument, NULL, OPT_MAX_PAGES },
	{ "max-per-host", required_argument, NULL, OPT_MAX_PER_HOST },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "quiet", no_argument, NULL, 'q' },
	{ "recrawl", no_argument, NULL, OPT_RECRAWL },
	/* Hidden, for tests: curl-style HOST:PORT:ADDR. */
	{ "resolve", required_argument, NULL, OPT_RESOLVE },
	{ "retries", required_argument, NULL, OPT_RETRIES },
	{ "retry-failed", no_argument, NULL, OPT_RETRY_FAILED },
	/* Hidden, for tests: first backoff in seconds. */
	{ "retry-wait", required_argument, NULL, OPT_RETRY_WAIT },
	{ "sources", required_argument, NULL, OPT_SOURCES },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "user-agent", required_argument, NULL, OPT_USER_AGENT },
	{ "warc-dir", required_argument, NULL, OPT_WARC_DIR },
	{ "warc-level", required_argument, NULL, OPT_WARC_LEVEL },
	/* Hidden: WARC file name prefix. */
	{ "warc-prefix", required_argument, NULL, OPT_WARC_PREFIX },
	{ "warc-size", required_argument, NULL, OPT_WARC_SIZE },
	{ NULL, 0, NULL, 0 }
};

/* The numeric options: how each is checked and where it goes. */
enum num_type { NUM_DOUBLE, NUM_INT, NUM_UNSIGNED, NUM_ULL };

struct num_opt {
	int id;                  /* getopt_long() value, named in opts[] */
	enum num_type type;
	uint64_t max;            /* largest value; 0 for a double: none */
	int positive;            /* 0 is refused */
	size_t off;              /* of the field in struct crawl_opts */
};

#define OPT_FIELD(f) offsetof(struct crawl_opts, f)

static const struct num_opt num_opts[] = {
	{ OPT_CONNECT_TIMEOUT, NUM_DOUBLE, 0, 1, OPT_FIELD(connect_timeout) },
	{ OPT_DELAY, NUM_DOUBLE, 3600, 0, OPT_FIELD(delay) },
	{ OPT_DEPTH, NUM_INT, 100, 0, OPT_FIELD(max_depth) },
	{ OPT_MAX_CONNS, NUM_UNSIGNED, 1000, 1, OPT_FIELD(max_conns) },
	{ OPT_MAX_PAGES, NUM_ULL, UINT64_MAX, 0, OPT_FIELD(max_pages) },
	{ OPT_MAX_PER_HOST, NUM_UNSIGNED, 100, 1, OPT_FIELD(max_per_host) },
	{ OPT_MAX_SIZE, NUM_ULL, WARC_MAX_PAYLOAD, 1, OPT_FIELD(max_size) },
	{ OPT_RETRIES, NUM_UNSIGNED, 100, 1, OPT_FIELD(max_attempts) },
	{ OPT_RETRY_WAIT, NUM_DOUBLE, 3600, 0, OPT_FIELD(retry_wait) },
	{ OPT_TIMEOUT, NUM_DOUBLE, 0, 1, OPT_FIELD(timeout) },
	{ OPT_WARC_LEVEL, NUM_INT, 9, 0, OPT_FIELD(warc_level) },
	{ OPT_WARC_SIZE, NUM_ULL, UINT64_MAX, 1, OPT_FIELD(warc_max_size) },
};

/* What the command line asks for. */
struct crawl_cmd {
	struct crawl_opts o;
	const char *sources_path;  /* --sources, or NULL */
	const char **resolve;      /* --resolve values (borrowed from argv) */
	size_t nresolve, rcap;
	int progress_mode;         /* -1 auto, 0 off, 1 on */
	int quiet;
	int first_seed;            /* argv index of the first seed URL */
};

/* parse_options() and the steps after it: go on (not an exit code). */
#define CMD_GO_ON (-1)

/* The long name of option `id`. */
static const char *
option_name(int id)
{
	const struct option *o;

	for (o = opts; o->name && o->val != id; o++)
		;
	return o->name ? o->name : "?";
}

/* Sets numeric option `no` from `arg`. CMD_GO_ON, or the usage error. */
static int
set_number(struct crawl_opts *o, const struct num_opt *no, const char *arg)
{
	char *field = (char *)o + no->off;
	uint64_t n = 0;
	double d = 0;
	int bad;

	if (no->type == NUM_DOUBLE)
		bad = cli_parse_double(arg, &d) || (no->positive && d <= 0) ||
		      (no->max && d > (double)no->max);
	else
		bad = cli_parse_uint(arg, no->max, &n) ||
		      (no->positive && n == 0);
	if (bad)
		return cli_usage_error("crawl", usage,
				       "invalid number '%s' for --%s", arg,
				       option_name(no->id));
	if (no->type == NUM_DOUBLE)
		memcpy(field, &d, sizeof(d));
	else if (no->type == NUM_INT)
		*(int *)(void *)field = (int)n;
	else if (no->type == NUM_UNSIGNED)
		*(unsigned *)(void *)field = (unsigned)n;
	else
		*(unsigned long long *)(void *)field = n;
	return CMD_GO_ON;
}

/* Takes option `c` (a getopt_long() value) with its argument. CMD_GO_ON,
 * or the exit code (help, usage error). */
static int
take_option(struct crawl_cmd *cmd, int c, const char *arg, char **argv)
{
	size_t i;

	for (i = 0; i < sizeof(num_opts) / sizeof(num_opts[0]); i++)
		if (num_opts[i].id == c)
			return set_number(&cmd->o, &num_opts[i], arg);
	switch (c) {
	case 'h': return cli_help(usage, help);
	case 'q': cmd->quiet = 1; break;
	case OPT_DB: cmd->o.db_path = arg; break;
	case OPT_NO_PROGRESS: cmd->progress_mode = 0; break;
	case OPT_PROGRESS: cmd->progress_mode = 1; break;
	case OPT_RECRAWL: cmd->o.recrawl = 1; break;
	case OPT_RESOLVE:
		pt_xgrow((void **)&cmd->resolve, &cmd->rcap, cmd->nresolve + 1,
			 sizeof(*cmd->resolve));
		cmd->resolve[cmd->nresolve++] = arg;
		break;
	case OPT_RETRY_FAILED: cmd->o.retry_failed = 1; break;
	case OPT_SOURCES: cmd->sources_path = arg; break;
	case OPT_USER_AGENT:
		if (!*arg)
			return cli_usage_error("crawl", usage,
					       "empty --user-agent");
		cmd->o.user_agent = arg;
		break;
	case OPT_WARC_DIR: cmd->o.warc_dir = arg; break;
	case OPT_WARC_PREFIX:
		if (!*arg || strchr(arg, '/'))
			return cli_usage_error("crawl", usage,
					       "invalid --warc-prefix");
		cmd->o.warc_prefix = arg;
		break;
	default:
		return cli_usage_error("crawl", usage, "unknown option '%s'",
				       argv[optind - 1]);
	}
	return CMD_GO_ON;
}

static int
parse_options(int argc, char **argv, struct crawl_cmd *cmd)
{
	int c, rc;

	memset(cmd, 0, sizeof(*cmd));
	crawl_opts_init(&cmd->o);
	cmd->progress_mode = -1;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		rc = take_option(cmd, c, optarg, argv);
		if (rc != CMD_GO_ON)
			return rc;
	}
	cmd->first_seed = optind;
	return CMD_GO_ON;
}

/* Seeds must be http(s) URLs. CMD_GO_ON, or the usage error. */
static int
check_seeds(int argc, char **argv, const struct crawl_cmd *cmd)
{
	struct buf u, err = BUF_INIT;
	int i, ret = CMD_GO_ON;

	buf_init(&u, URL_MAX_LEN);
	for (i = cmd->first_seed; i < argc && ret == CMD_GO_ON; i++) {
		buf_reset(&u);
		buf_reset(&err);
		if (url_canonicalize(argv[i], NULL, &u, &err))
			ret = cli_usage_error("crawl", usage, "%s", err.p);
	}
	buf_release(&u);
	buf_release(&err);
	return ret;
}

/* Loads --sources, or the bundled sources.conf when there are no seeds
 * either (its path goes to *def_path, a new string). CMD_GO_ON, or the
 * exit code of an error, reported. */
static int
load_sources(struct crawl_cmd *cmd, int argc, struct sources *src,
	     char **def_path)
{
	struct buf err = BUF_INIT;
	int rc;

	if (!cmd->sources_path && cmd->first_seed >= argc)
		cmd->sources_path = *def_path =
			fileio_data_path("sources.conf", PT_DATA_DIR);
	if (!cmd->sources_path)
		return CMD_GO_ON;
	rc = sources_load(src, cmd->sources_path, &err);
	if (rc)
		log_error("%s", err.p);
	else
		cmd->o.sources = src;
	buf_release(&err);
	/* A file too large to be a sources file is an invalid one. */
	if (rc)
		return rc == PT_EPARSE || rc == PT_ETOOBIG ? PT_EXIT_DATA :
		       PT_EXIT_FAIL;
	return CMD_GO_ON;
}

/* One crawl per database: an advisory lock on DB.lock, released by the
 * kernel when the process ends, however it ends. CMD_GO_ON with the
 * descriptor in *fd, or the exit code of an error, reported. */
static int
lock_db(const char *db_path, int *fd)
{
	struct buf path;
	int ret = CMD_GO_ON;

	buf_init(&path, URL_MAX_LEN);
	buf_addf(&path, "%s.lock", db_path);
	*fd = open(path.p, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (*fd < 0) {
		log_error("cannot create '%s': %s", path.p, strerror(errno));
		ret = PT_EXIT_FAIL;
	} else if (flock(*fd, LOCK_EX | LOCK_NB)) {
		log_error("another crawl is using '%s'", db_path);
		ret = PT_EXIT_LOCKED;
	}
	buf_release(&path);
	return ret;
}

/* Runs the crawl with progress and the signal handlers in place. */
static int
run(struct crawl_cmd *cmd, int argc, char **argv, struct crawl_stats *st,
    struct buf *err)
{
	struct crawl_opts *o = &cmd->o;
	struct sigaction sa, old_int, old_term;
	struct report rep;
	char *token = robots_token(o->user_agent);
	int rc;

	o->robots_token = token;
	o->seeds = (const char *const *)argv + cmd->first_seed;
	o->nseeds = (size_t)(argc - cmd->first_seed);
	o->resolve = cmd->resolve;
	o->nresolve = cmd->nresolve;
	o->stop = &interrupted;
	rep.prog = progress_start("crawl", 0, cmd->progress_mode);
	buf_init(&rep.note, 0);
	o->on_event = on_event;
	o->on_progress = on_progress;
	o->ctx = &rep;

	interrupted = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	rc = crawl_run(o, st, err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	progress_stop(&rep.prog);
	buf_release(&rep.note);
	free(token);
	return rc;
}

/* Logs what the crawl did and maps its outcome to the exit code. */
static int
report(const struct crawl_cmd *cmd, int rc, const struct crawl_stats *st,
       const struct buf *err)
{
	log_info("crawl: %llu fetched (%llu stored, %llu revisits, %llu not "
		 "modified), %llu failed, %llu blocked by robots.txt, %llu "
		 "queued, %.1f s, %.0f fetches/s",
		 st->fetched, st->stored, st->revisits, st->not_modified,
		 st->failed, st->blocked, st->queued, st->seconds,
		 st->seconds > 0 ? (double)st->fetched / st->seconds : 0.0);
	if (st->recovered)
		log_info("crawl: %llu WARC records of an interrupted run "
			 "replayed into '%s'", st->recovered, cmd->o.db_path);
	if (rc == PT_EINTR) {
		log_info("crawl: interrupted; run again to go on");
		return PT_EXIT_INTR;
	}
	if (rc) {
		log_error("%s", err->len ? err->p : pt_strerror(rc));
		return PT_EXIT_FAIL;
	}
	return st->failed ? PT_EXIT_PARTIAL : PT_EXIT_OK;
}

int
cmd_crawl(int argc, char **argv)
{
	struct crawl_cmd cmd;
	struct crawl_stats st;
	struct sources src;
	struct buf err = BUF_INIT;
	char *def_sources = NULL;
	int ret, rc, lock_fd = -1;

	sources_init(&src);
	ret = parse_options(argc, argv, &cmd);
	if (ret == CMD_GO_ON)
		ret = check_seeds(argc, argv, &cmd);
	if (ret == CMD_GO_ON) {
		if (cmd.quiet)
			log_set_level(LOG_QUIET);
		ret = load_sources(&cmd, argc, &src, &def_sources);
	}
	if (ret == CMD_GO_ON)
		ret = lock_db(cmd.o.db_path, &lock_fd);
	if (ret == CMD_GO_ON) {
		rc = run(&cmd, argc, argv, &st, &err);
		ret = report(&cmd, rc, &st, &err);
	}
	if (lock_fd >= 0)
		close(lock_fd);
	sources_release(&src);
	free(def_sources);
	free(cmd.resolve);
	buf_release(&err);
	return ret;
}
