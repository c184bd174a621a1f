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
	"largest)\n"
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

static int
bad_number(const char *opt, const char *v)
{
	return cli_usage_error("crawl", usage, "invalid number '%s' for %s",
			       v, opt);
}

int
cmd_crawl(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "connect-timeout", required_argument, NULL,
		  OPT_CONNECT_TIMEOUT },
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
	struct crawl_opts o;
	struct crawl_stats st;
	struct sources src;
	struct report rep;
	struct buf err = BUF_INIT, u = BUF_INIT;
	struct sigaction sa, old_int, old_term;
	const char *sources_path = NULL;
	const char **resolve = NULL;
	size_t nresolve = 0, rcap = 0;
	char *def_sources = NULL, *token = NULL;
	int c, i, rc, ret, progress_mode = -1, quiet = 0, lock_fd = -1;
	uint64_t n;
	double d;

	crawl_opts_init(&o);
	sources_init(&src);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			free(resolve);
			return cli_help(usage, help);
		case 'q': quiet = 1; break;
		case OPT_CONNECT_TIMEOUT:
			if (cli_parse_double(optarg, &d) || d <= 0)
				return bad_number("--connect-timeout", optarg);
			o.connect_timeout = d;
			break;
		case OPT_DB: o.db_path = optarg; break;
		case OPT_DELAY:
			if (cli_parse_double(optarg, &d) || d > 3600)
				return bad_number("--delay", optarg);
			o.delay = d;
			break;
		case OPT_DEPTH:
			if (cli_parse_uint(optarg, 100, &n))
				return bad_number("--depth", optarg);
			o.max_depth = (int)n;
			break;
		case OPT_MAX_CONNS:
			if (cli_parse_uint(optarg, 1000, &n) || n == 0)
				return bad_number("--max-conns", optarg);
			o.max_conns = (unsigned)n;
			break;
		case OPT_MAX_PAGES:
			if (cli_parse_uint(optarg, UINT64_MAX, &n))
				return bad_number("--max-pages", optarg);
			o.max_pages = n;
			break;
		case OPT_MAX_PER_HOST:
			if (cli_parse_uint(optarg, 100, &n) || n == 0)
				return bad_number("--max-per-host", optarg);
			o.max_per_host = (unsigned)n;
			break;
		case OPT_MAX_SIZE:
			if (cli_parse_uint(optarg, WARC_MAX_PAYLOAD, &n) || n == 0)
				return bad_number("--max-size", optarg);
			o.max_size = n;
			break;
		case OPT_NO_PROGRESS: progress_mode = 0; break;
		case OPT_PROGRESS: progress_mode = 1; break;
		case OPT_RECRAWL: o.recrawl = 1; break;
		case OPT_RESOLVE:
			pt_xgrow((void **)&resolve, &rcap, nresolve + 1,
				 sizeof(*resolve));
			resolve[nresolve++] = optarg;
			break;
		case OPT_RETRIES:
			if (cli_parse_uint(optarg, 100, &n) || n == 0)
				return bad_number("--retries", optarg);
			o.max_attempts = (unsigned)n;
			break;
		case OPT_RETRY_FAILED: o.retry_failed = 1; break;
		case OPT_RETRY_WAIT:
			if (cli_parse_double(optarg, &d) || d > 3600)
				return bad_number("--retry-wait", optarg);
			o.retry_wait = d;
			break;
		case OPT_SOURCES: sources_path = optarg; break;
		case OPT_TIMEOUT:
			if (cli_parse_double(optarg, &d) || d <= 0)
				return bad_number("--timeout", optarg);
			o.timeout = d;
			break;
		case OPT_USER_AGENT:
			if (!*optarg)
				return cli_usage_error("crawl", usage,
						       "empty --user-agent");
			o.user_agent = optarg;
			break;
		case OPT_WARC_DIR: o.warc_dir = optarg; break;
		case OPT_WARC_LEVEL:
			if (cli_parse_uint(optarg, 9, &n))
				return bad_number("--warc-level", optarg);
			o.warc_level = (int)n;
			break;
		case OPT_WARC_PREFIX:
			if (!*optarg || strchr(optarg, '/'))
				return cli_usage_error("crawl", usage,
						       "invalid --warc-prefix");
			o.warc_prefix = optarg;
			break;
		case OPT_WARC_SIZE:
			if (cli_parse_uint(optarg, UINT64_MAX, &n) || n == 0)
				return bad_number("--warc-size", optarg);
			o.warc_max_size = n;
			break;
		default:
			free(resolve);
			return cli_usage_error("crawl", usage,
					       "unknown option '%s'",
					       argv[optind - 1]);
		}
	}
	/* Seeds must be http(s) URLs. */
	buf_init(&u, URL_MAX_LEN);
	for (i = optind; i < argc; i++) {
		buf_reset(&u);
		buf_reset(&err);
		if (url_canonicalize(argv[i], NULL, &u, &err)) {
			ret = cli_usage_error("crawl", usage, "%s", err.p);
			goto out;
		}
	}
	if (quiet)
		log_set_level(LOG_QUIET);
	if (!sources_path && optind >= argc)
		sources_path = def_sources =
			fileio_data_path("sources.conf", PT_DATA_DIR);
	if (sources_path) {
		buf_reset(&err);
		rc = sources_load(&src, sources_path, &err);
		if (rc) {
			log_error("%s", err.p);
			ret = rc == PT_EPARSE ? PT_EXIT_DATA : PT_EXIT_FAIL;
			goto out;
		}
		o.sources = &src;
	}
	/* One crawl per database: an advisory lock on DB.lock, released
	 * by the kernel when the process ends, however it ends. */
	buf_reset(&u);
	buf_addf(&u, "%s.lock", o.db_path);
	lock_fd = open(u.p, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (lock_fd < 0) {
		log_error("cannot create '%s': %s", u.p, strerror(errno));
		ret = PT_EXIT_FAIL;
		goto out;
	}
	if (flock(lock_fd, LOCK_EX | LOCK_NB)) {
		log_error("another crawl is using '%s'", o.db_path);
		ret = PT_EXIT_LOCKED;
		goto out;
	}
	token = robots_token(o.user_agent);
	o.robots_token = token;
	o.seeds = (const char *const *)argv + optind;
	o.nseeds = (size_t)(argc - optind);
	o.resolve = resolve;
	o.nresolve = nresolve;
	o.stop = &interrupted;
	rep.prog = progress_start("crawl", 0, progress_mode);
	buf_init(&rep.note, 0);
	o.on_event = on_event;
	o.on_progress = on_progress;
	o.ctx = &rep;

	interrupted = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	buf_reset(&err);
	rc = crawl_run(&o, &st, &err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	progress_stop(&rep.prog);
	buf_release(&rep.note);

	log_info("crawl: %llu fetched (%llu stored, %llu revisits, %llu not "
		 "modified), %llu failed, %llu blocked by robots.txt, %llu "
		 "queued, %.1f s, %.0f fetches/s",
		 st.fetched, st.stored, st.revisits, st.not_modified,
		 st.failed, st.blocked, st.queued, st.seconds,
		 st.seconds > 0 ? (double)st.fetched / st.seconds : 0.0);
	if (st.recovered)
		log_info("crawl: %llu WARC records of an interrupted run "
			 "replayed into '%s'", st.recovered, o.db_path);
	if (rc == PT_EINTR) {
		log_info("crawl: interrupted; run again to go on");
		ret = PT_EXIT_INTR;
	} else if (rc) {
		log_error("%s", err.len ? err.p : pt_strerror(rc));
		ret = PT_EXIT_FAIL;
	} else {
		ret = st.failed ? PT_EXIT_PARTIAL : PT_EXIT_OK;
	}
out:
	if (lock_fd >= 0)
		close(lock_fd);
	sources_release(&src);
	free(def_sources);
	free(token);
	free(resolve);
	buf_release(&u);
	buf_release(&err);
	return ret;
}
