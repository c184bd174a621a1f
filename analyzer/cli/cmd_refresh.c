/* cmd_refresh.c -- `presstally refresh`: the nightly job. Crawls what is
 * new or changed, analyzes only the WARC files it has not analyzed yet
 * (all of them again when the topic file changed), merges the partials
 * into the dataset and swaps the new dataset in atomically.
 *
 * Like main.c, this file belongs to the executable and sees both halves:
 * it drives the crawler (crawl.h) and the analyzer (cmds.h).
 *
 * Layout of the data directory:
 *   refresh.lock          flock(2): one run at a time
 *   crawl.db              crawl state (crawldb.h)
 *   warc/                 the archive, *.warc.gz, only ever added to
 *   partials/NAME/        analyze output of warc/NAME, with a SOURCE file
 *                         holding the WARC file's size (a partial is kept
 *                         only while it matches)
 *   partials/TOPIC        SHA-256 of the topic file the partials used
 *   dataset -> dataset.N  symlink to the current dataset (six CSV files);
 *                         replaced with rename(2), so readers always see
 *                         a complete dataset, the old or the new one
 * Every step writes into a temporary name and renames it into place, so a
 * crash or kill at any point leaves the previous dataset intact, and the
 * next run redoes only what was not finished.
 */
#include "analyzer/cli/cmds.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "crawler/base/cli.h"
#include "crawler/base/conf.h"
#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/log.h"
#include "crawler/base/sv.h"
#include "crawler/base/url.h"
#include "crawler/crawl.h"
#include "crawler/sources.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] = "presstally refresh [--config FILE] [options]";

static const char help[] =
	"The job for cron: crawls what is new or changed, analyzes only the "
	"new WARC\nfiles (everything again when the topic file changed), "
	"merges them into the\ndataset and swaps it in atomically. A second "
	"run started while one is going\nexits at once with code 5.\n\n"
	"Options:\n"
	"  -c, --config FILE   configuration (default: presstally.conf)\n"
	"      --no-crawl      skip the crawl; analyze and merge only\n"
	"  -q, --quiet         only errors and failures on stderr\n"
	"  -h, --help          show this help\n\n"
	"Configuration (key = value, '#' comments; paths relative to the "
	"file):\n"
	"  data_dir = DIR      crawl state, archive and dataset (required)\n"
	"  sources = FILE      outlets to crawl (data/sources.conf format)\n"
	"  seed = URL          a seed URL; may be repeated\n"
	"  topic = FILE        topic file (default: the bundled one)\n"
	"  delay = SECONDS     pause between requests to a host (default 1)\n"
	"  depth = N           link depth followed from pages (default 1)\n"
	"  max_pages = N       fetches per run (default: no limit)\n"
	"  timeout = SECONDS   cap on one transfer (default 30)\n"
	"  user_agent = UA     User-Agent header\n"
	"  recheck = yes|no    ask again for known pages with conditional "
	"GET (default yes)\n"
	"  report = yes|no     also write dataset/report.html (default no)\n"
	"  excel = yes|no      CSV files with a UTF-8 BOM for Excel "
	"(default no)\n\n"
	"The dataset is DATA_DIR/dataset/ (a symlink to the current "
	"generation):\narticles.csv mentions.csv quotes.csv cues.csv "
	"figures.csv timeline.csv.\n\n"
	"Exit codes:\n"
	"  0    done\n"
	"  1    failure (the previous dataset is kept)\n"
	"  2    bad command line\n"
	"  3    invalid configuration, sources or topic file\n"
	"  4    done, but some URLs failed or records were skipped (see the "
	"log)\n"
	"  5    another refresh holds the lock\n"
	"  130  interrupted (the previous dataset is kept)\n";

/* Set by the signal handler; the crawl and the analysis poll it. */
static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

#define MAX_SEEDS 256

struct config {
	char *dir;             /* directory of the config file, owned */
	char *data_dir;        /* owned */
	char *sources;         /* owned, or NULL */
	char *topic;           /* owned, or NULL */
	char *user_agent;      /* owned, or NULL */
	char *seeds[MAX_SEEDS];/* owned */
	size_t nseeds;
	double delay, timeout;
	uint64_t depth, max_pages;
	int recheck;
	int report;            /* write dataset/report.html */
	int excel;             /* CSV files with a UTF-8 BOM */
};

static void
config_release(struct config *c)
{
	size_t i;

	free(c->dir);
	free(c->data_dir);
	free(c->sources);
	free(c->topic);
	free(c->user_agent);
	for (i = 0; i < c->nseeds; i++)
		free(c->seeds[i]);
	memset(c, 0, sizeof(*c));
}

/* A path from the config file: relative to the file's directory. */
static char *
config_path(const struct config *c, struct sv v)
{
	struct buf b = BUF_INIT;

	if (v.len && v.p[0] != '/')
		buf_addf(&b, "%s/", c->dir);
	buf_add(&b, v.p, v.len);
	return buf_detach(&b, NULL);
}

/* What the value of a key is. */
enum ckind { C_PATH, C_TEXT, C_SEED, C_SECONDS, C_COUNT, C_YESNO };

/* The keys of refresh.conf (see help[]), each with its field's offset. */
static const struct conf_key ckeys[] = {
	{ "data_dir", C_PATH, offsetof(struct config, data_dir) },
	{ "sources", C_PATH, offsetof(struct config, sources) },
	{ "topic", C_PATH, offsetof(struct config, topic) },
	{ "user_agent", C_TEXT, offsetof(struct config, user_agent) },
	{ "seed", C_SEED, 0 },
	{ "delay", C_SECONDS, offsetof(struct config, delay) },
	{ "timeout", C_SECONDS, offsetof(struct config, timeout) },
	{ "depth", C_COUNT, offsetof(struct config, depth) },
	{ "max_pages", C_COUNT, offsetof(struct config, max_pages) },
	{ "recheck", C_YESNO, offsetof(struct config, recheck) },
	{ "report", C_YESNO, offsetof(struct config, report) },
	{ "excel", C_YESNO, offsetof(struct config, excel) },
};

#define NCKEYS (sizeof(ckeys) / sizeof(ckeys[0]))

/* Adds a seed URL: only one the crawler can fetch (http or https), so
 * that a typo stops the run at FILE:LINE before anything is crawled. */
static int
config_seed(struct config *c, struct sv val, const char *path, size_t line,
	    struct buf *err)
{
	char *url = pt_xstrndup(val.p, val.len);
	struct buf canon = BUF_INIT;
	int rc = url_canonicalize(url, NULL, &canon, NULL);

	buf_release(&canon);
	if (rc) {
		rc = conf_error(err, path, line, "seed '%.*s' is not an http "
				"or https URL", (int)(val.len > 200 ? 200 :
						      val.len), val.p);
		free(url);
		return rc;
	}
	c->seeds[c->nseeds++] = url;
	return 0;
}

/* Sets the field of key k from the value of line l. */
static int
config_set(struct config *c, const struct conf_key *k,
	   const struct conf_line *l, const char *path, struct buf *err)
{
	void *field = (char *)c + k->off;
	struct sv val = l->val;
	char num[64];

	snprintf(num, sizeof(num), "%.*s", (int)(val.len < 63 ? val.len : 63),
		 val.p);
	switch ((enum ckind)k->kind) {
	case C_PATH:
	case C_TEXT:
		free(*(char **)field);
		*(char **)field = k->kind == C_PATH ?
				  config_path(c, val) :
				  pt_xstrndup(val.p, val.len);
		return 0;
	case C_SEED:
		if (c->nseeds == MAX_SEEDS)
			return conf_error(err, path, l->line,
					  "more than %d seeds", MAX_SEEDS);
		return config_seed(c, val, path, l->line, err);
	case C_SECONDS:
		return cli_parse_double(num, field) ?
		       conf_error(err, path, l->line, "expected a number of "
				  "seconds") : 0;
	case C_COUNT:
		return cli_parse_uint(num, 1000000000, field) ?
		       conf_error(err, path, l->line, "expected a whole "
				  "number") : 0;
	case C_YESNO:
		if (!sv_eq(val, "yes") && !sv_eq(val, "no"))
			return conf_error(err, path, l->line,
					  "expected yes or no");
		*(int *)field = sv_eq(val, "yes");
		return 0;
	}
	return 0;
}

static int
config_load(struct config *c, const char *path, struct buf *err)
{
	const char *slash = strrchr(path, '/');
	const struct conf_key *k;
	struct conf cf;
	struct conf_line l;
	int rc;

	memset(c, 0, sizeof(*c));
	c->delay = 1;
	c->timeout = 30;
	c->depth = 1;
	c->recheck = 1;
	c->dir = slash ? pt_xstrndup(path, (size_t)(slash - path)) :
			 pt_xstrdup(".");
	rc = conf_open(&cf, path, NULL);
	if (rc) {
		conf_release(&cf);
		/* A file too large to be a configuration is an invalid one
		 * (exit 3), like a malformed line. */
		if (rc == PT_ETOOBIG) {
			buf_addf(err, "%s: larger than %u KB: not a "
				 "configuration file", path,
				 CONF_MAX_BYTES >> 10);
			return PT_EPARSE;
		}
		buf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		return PT_EIO;
	}
	while ((rc = conf_next(&cf, &l, err)) == 1) {
		k = conf_key_find(ckeys, NCKEYS, l.key);
		if (!l.val.p || !l.val.len)
			rc = conf_error(err, path, l.line,
					"expected 'key = value'");
		else if (!k)
			rc = conf_error(err, path, l.line, "unknown key '%.*s'",
					(int)(l.key.len > 40 ? 40 : l.key.len),
					l.key.p);
		else
			rc = config_set(c, k, &l, path, err);
		if (rc)
			break;
	}
	conf_release(&cf);
	if (rc)
		return PT_EPARSE;
	if (!c->data_dir) {
		buf_addf(err, "%s: no 'data_dir' set", path);
		return PT_EPARSE;
	}
	return 0;
}

static int
read_file_str(const char *path, struct buf *out)
{
	buf_reset(out);
	return fileio_read(path, out, NULL);
}

static int
write_file_str(const char *path, const char *s)
{
	struct buf tmp = BUF_INIT;
	FILE *fp;
	int rc = 0;

	buf_addf(&tmp, "%s.tmp", path);
	fp = fopen(tmp.p, "w");
	if (!fp || fputs(s, fp) < 0 || fflush(fp) != 0 ||
	    fsync(fileno(fp)) != 0)
		rc = PT_EIO;
	if (fp && fclose(fp) != 0)
		rc = PT_EIO;
	if (!rc && rename(tmp.p, path) != 0)
		rc = PT_EIO;
	if (rc)
		unlink(tmp.p);
	buf_release(&tmp);
	return rc;
}

/* Which entries of a directory list_entries() keeps: by name, with the
 * entry's path for a stat and a context string. */
typedef int keep_fn(const char *path, const char *name, const char *ctx);

/* The paths of the entries of dir that keep() accepts, in readdir order,
 * as a new array of new strings; free with fileio_list_free(). */
static char **
list_entries(const char *dir, keep_fn *keep, const char *ctx, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **list = NULL;

	*n = 0;
	while (d && (e = readdir(d)) != NULL) {
		char *p = fileio_join(dir, e->d_name);

		if (keep(p, e->d_name, ctx)) {
			list = pt_xrealloc(list, (*n + 1) * sizeof(*list));
			list[(*n)++] = p;
		} else {
			free(p);
		}
	}
	if (d)
		closedir(d);
	return list;
}

/* Removes the entries of dir that keep() accepts. */
static void
remove_entries(const char *dir, keep_fn *keep, const char *ctx)
{
	size_t n, i;
	char **list = list_entries(dir, keep, ctx, &n);

	for (i = 0; i < n; i++)
		fileio_rmtree(list[i]);
	fileio_list_free(list, n);
}

/* Every partial and partial being written (not the TOPIC stamp). */
static int
any_partial(const char *path, const char *name, const char *ctx)
{
	(void)path;
	(void)ctx;
	return name[0] != '.' && strcmp(name, "TOPIC") != 0;
}

/* The complete partials: directories, not *.tmp. */
static int
complete_partial(const char *path, const char *name, const char *ctx)
{
	struct stat st;

	return any_partial(path, name, ctx) && !fileio_has_ext(name, ".tmp") &&
	       stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Dataset generations other than ctx (the current one). */
static int
old_generation(const char *path, const char *name, const char *ctx)
{
	(void)path;
	return strncmp(name, "dataset.", 8) == 0 && strcmp(name, ctx) != 0 &&
	       strcmp(name, "dataset.new") != 0;
}

/* A different topic invalidates every partial: removes them unless the
 * stamp in parts/TOPIC is topic_digest (setting *reset), and writes the
 * stamp. */
static int
check_topic_stamp(const char *parts, const char *topic_digest, int *reset)
{
	char *stamp = fileio_join(parts, "TOPIC");
	struct buf b = BUF_INIT;
	int rc = PT_EXIT_OK;

	if (read_file_str(stamp, &b) || strcmp(b.p, topic_digest) != 0) {
		*reset = 1;
		remove_entries(parts, any_partial, NULL);
		if (write_file_str(stamp, topic_digest)) {
			log_error("cannot write '%s': %s", stamp,
				  strerror(errno));
			rc = PT_EXIT_FAIL;
		}
	}
	buf_release(&b);
	free(stamp);
	return rc;
}

/* Analyzes WARC file `warc` into partial directory `part` (through
 * part.tmp, renamed into place with a SOURCE file holding `size`).
 * Returns an enum pt_exit; *partial is set when records were skipped. */
static int
analyze_warc(const struct topic *topic, char *warc, const char *part,
	     const char *size, int *partial)
{
	struct buf tmp = BUF_INIT;
	struct analyze_opts o;
	struct analyze_result res;
	char *tmpsrc;
	int rc;

	buf_addf(&tmp, "%s.tmp", part);
	fileio_rmtree(tmp.p);
	memset(&o, 0, sizeof(o));
	o.topic = topic;
	o.inputs = &warc;
	o.ninputs = 1;
	o.out = tmp.p;
	o.max_doc = 32u << 20;
	o.progress_mode = 0;
	o.stop = &interrupted;
	/* A WARC file whose records were all skipped still gets its (empty)
	 * partial, or every run would try it again. */
	o.always_write = 1;
	o.out_name = part; /* messages name where it ends up */
	rc = analyze_run(&o, &res);
	tmpsrc = fileio_join(tmp.p, "SOURCE");
	if (rc == PT_EXIT_PARTIAL) {
		*partial = 1;
		rc = PT_EXIT_OK;
	}
	if (rc == PT_EXIT_OK && write_file_str(tmpsrc, size) != 0) {
		log_error("cannot write '%s'", tmpsrc);
		rc = PT_EXIT_FAIL;
	} else if (rc == PT_EXIT_OK) {
		cmd_test_pause(&interrupted, "analyze");
		fileio_rmtree(part);
		if (rename(tmp.p, part) != 0) {
			log_error("cannot rename '%s': %s", tmp.p,
				  strerror(errno));
			rc = PT_EXIT_FAIL;
		}
	}
	free(tmpsrc);
	buf_release(&tmp);
	return rc;
}

/* Analyzes the WARC files that have no up-to-date partial. Returns an
 * enum pt_exit; *partial is set when some records were skipped. */
static int
analyze_new(const struct config *c, const struct topic *topic,
	    const char *topic_digest, int *partial, size_t *analyzed,
	    int *reset)
{
	static const char *const exts[] = { ".warc.gz", ".warc", NULL };
	char *warc = fileio_join(c->data_dir, "warc");
	char *parts = fileio_join(c->data_dir, "partials");
	struct buf b = BUF_INIT, err = BUF_INIT;
	char **files = NULL;
	size_t n = 0, i;
	int rc;

	fileio_mkdirs(warc, NULL);
	fileio_mkdirs(parts, NULL);
	rc = check_topic_stamp(parts, topic_digest, reset);
	if (rc == PT_EXIT_OK && fileio_list(warc, exts, &files, &n, &err)) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
	}
	for (i = 0; i < n && rc == PT_EXIT_OK; i++) {
		char *part = fileio_join(parts, strrchr(files[i], '/') + 1);
		char *src = fileio_join(part, "SOURCE");
		struct stat st;
		char size[32];

		stat(files[i], &st);
		snprintf(size, sizeof(size), "%lld", (long long)st.st_size);
		/* Analyzed before, unchanged since: kept. */
		if (read_file_str(src, &b) != 0 || strcmp(b.p, size) != 0) {
			rc = analyze_warc(topic, files[i], part, size, partial);
			if (rc == PT_EXIT_OK)
				(*analyzed)++;
		}
		free(part);
		free(src);
	}
	fileio_list_free(files, n);
	buf_release(&b);
	buf_release(&err);
	free(warc);
	free(parts);
	return rc;
}

/* Merges every partial into a new dataset generation and points the
 * dataset symlink at it; then removes the older generations. */
static int
merge_and_swap(const struct config *c)
{
	char *parts = fileio_join(c->data_dir, "partials");
	char *link = fileio_join(c->data_dir, "dataset");
	struct buf gen = BUF_INIT, tmp = BUF_INIT, lnk = BUF_INIT;
	size_t n;
	char **list = list_entries(parts, complete_partial, NULL, &n);
	int rc;

	/* Generations are named by time and pid: unique, sortable. */
	buf_addf(&gen, "dataset.%lld-%ld", (long long)time(NULL),
		 (long)getpid());
	buf_addf(&tmp, "%s/%s", c->data_dir, gen.p);
	rc = merge_run(tmp.p, list, n, 0, 0, &interrupted, 1, c->excel, 0);
	/* The report goes into the generation before the swap, so readers
	 * see it with the CSV files it was made from; one that cannot be
	 * written is reported but keeps the dataset. */
	if (rc == PT_EXIT_OK && c->report)
		report_run(tmp.p, NULL, c->topic, 0, 0, 0);
	if (rc == PT_EXIT_OK) {
		cmd_test_pause(&interrupted, "merge");
		buf_addf(&lnk, "%s.new", link);
		unlink(lnk.p);
		if (symlink(gen.p, lnk.p) != 0 || rename(lnk.p, link) != 0) {
			log_error("cannot point '%s' at '%s': %s", link,
				  tmp.p, strerror(errno));
			unlink(lnk.p);
			rc = PT_EXIT_FAIL;
		}
	}
	if (rc != PT_EXIT_OK)
		fileio_rmtree(tmp.p);
	else /* old generations go once the link no longer points at them */
		remove_entries(c->data_dir, old_generation, gen.p);
	fileio_list_free(list, n);
	free(parts);
	free(link);
	buf_release(&gen);
	buf_release(&tmp);
	buf_release(&lnk);
	return rc;
}

static void
on_crawl_event(void *ctx, enum crawl_event ev, const char *url,
	       const char *detail)
{
	(void)ctx;
	if (ev == CRAWL_EV_FAILED)
		log_warn("failed: %s: %s", url, detail ? detail : "");
	else if (ev == CRAWL_EV_FATAL)
		log_error("crawl stopped: %s", detail ? detail : "");
	else if (ev == CRAWL_EV_WARN)
		log_warn("%s: %s", url ? url : "", detail ? detail : "");
}

static int
run_crawl(const struct config *c, int *partial)
{
	struct crawl_opts o;
	struct crawl_stats st;
	struct sources src;
	struct buf err = BUF_INIT, ua = BUF_INIT;
	char *db = fileio_join(c->data_dir, "crawl.db");
	char *warc = fileio_join(c->data_dir, "warc");
	int rc;

	sources_init(&src);
	if (c->sources && sources_load(&src, c->sources, &err)) {
		log_error("%s", err.p);
		rc = PT_EXIT_DATA;
		goto done;
	}
	if (!c->sources && c->nseeds == 0) {
		log_info("no sources or seeds configured: nothing to crawl");
		rc = PT_EXIT_OK;
		goto done;
	}
	crawl_opts_init(&o);
	buf_addf(&ua, "presstally/%s (+https://github.com/presstally/"
		 "presstally)", PT_VERSION);
	o.db_path = db;
	o.warc_dir = warc;
	o.warc_prefix = "presstally";
	o.user_agent = c->user_agent ? c->user_agent : ua.p;
	o.sources = c->sources ? &src : NULL;
	o.seeds = (const char *const *)c->seeds;
	o.nseeds = c->nseeds;
	o.delay = c->delay;
	o.timeout = c->timeout;
	o.max_depth = (int)c->depth;
	o.max_pages = c->max_pages;
	o.recrawl = c->recheck;
	o.stop = &interrupted;
	o.on_event = on_crawl_event;
	rc = crawl_run(&o, &st, &err);
	log_info("crawl: %llu fetched, %llu stored, %llu revisits, %llu not "
		 "modified, %llu failed", st.fetched, st.stored, st.revisits,
		 st.not_modified, st.failed);
	if (rc == PT_EINTR) {
		rc = PT_EXIT_INTR;
	} else if (rc) {
		log_error("crawl failed: %s", err.p);
		rc = PT_EXIT_FAIL;
	} else {
		if (st.failed)
			*partial = 1;
		rc = PT_EXIT_OK;
	}
done:
	sources_release(&src);
	buf_release(&err);
	buf_release(&ua);
	free(db);
	free(warc);
	return rc;
}


/* Opens and takes DATA_DIR/refresh.lock without waiting. Returns the
 * descriptor (closing it releases the lock), or -1 after a message with
 * *rc set. */
static int
take_lock(const char *data_dir, int *rc)
{
	char *lock = fileio_join(data_dir, "refresh.lock");
	int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);

	if (fd < 0) {
		log_error("cannot open lock '%s': %s", lock, strerror(errno));
		*rc = PT_EXIT_FAIL;
	} else if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		log_error("another refresh is running on '%s' (lock '%s' is "
			  "held); exiting", data_dir, lock);
		*rc = PT_EXIT_LOCKED;
		close(fd);
		fd = -1;
	}
	free(lock);
	return fd;
}

static int
newer(const struct stat *a, const struct stat *b)
{
	return a->st_mtim.tv_sec != b->st_mtim.tv_sec ?
	       a->st_mtim.tv_sec > b->st_mtim.tv_sec :
	       a->st_mtim.tv_nsec >= b->st_mtim.tv_nsec;
}

/* 1 when DATA_DIR/dataset was merged after every complete partial was
 * written: merging them again would write the same bytes. (A run killed
 * between its analysis and its swap leaves a partial newer than the
 * dataset, which the next run merges.) */
static int
dataset_current(const struct config *c)
{
	char *link = fileio_join(c->data_dir, "dataset");
	char *csv = fileio_join(link, "articles.csv");
	char *parts = fileio_join(c->data_dir, "partials");
	size_t n, i;
	char **list = list_entries(parts, complete_partial, NULL, &n);
	struct stat ds, ps;
	int yes = stat(csv, &ds) == 0;

	for (i = 0; i < n && yes; i++)
		if (stat(list[i], &ps) != 0 || newer(&ps, &ds))
			yes = 0;
	fileio_list_free(list, n);
	free(link);
	free(csv);
	free(parts);
	return yes;
}

/* Removes the dataset generations a killed merge left (all but the one
 * the symlink points at). */
static void
remove_stale_generations(const struct config *c)
{
	char *link = fileio_join(c->data_dir, "dataset");
	char cur[256];
	ssize_t n = readlink(link, cur, sizeof(cur) - 1);

	if (n > 0) {
		cur[n] = '\0';
		remove_entries(c->data_dir, old_generation, cur);
	}
	free(link);
}

/* The steps of one run under the lock: topic, crawl, analysis of what is
 * new, merge and swap. Returns an enum pt_exit. */
static int
refresh_run(const struct config *cfg, int crawl)
{
	struct topic *topic;
	char digest[65];
	int rc = PT_EXIT_OK, partial = 0, reset = 0;
	size_t analyzed = 0;

	cmd_test_pause(&interrupted, "start");
	topic = cmd_load_topic(cfg->topic, digest);
	if (!topic)
		return PT_EXIT_DATA;
	if (crawl)
		rc = run_crawl(cfg, &partial);
	if (rc == PT_EXIT_OK && interrupted)
		rc = PT_EXIT_INTR;
	if (rc == PT_EXIT_OK)
		rc = analyze_new(cfg, topic, digest, &partial, &analyzed,
				 &reset);
	if (rc == PT_EXIT_OK && interrupted)
		rc = PT_EXIT_INTR;
	if (rc == PT_EXIT_OK && analyzed == 0 && !reset &&
	    dataset_current(cfg)) {
		log_info("nothing new: the dataset '%s/dataset' is unchanged",
			 cfg->data_dir);
		remove_stale_generations(cfg);
	} else if (rc == PT_EXIT_OK) {
		rc = merge_and_swap(cfg);
	}
	if (rc == PT_EXIT_OK) {
		log_info("refresh done: %zu WARC file%s analyzed; dataset in "
			 "'%s/dataset'", analyzed, analyzed == 1 ? "" : "s",
			 cfg->data_dir);
		if (partial)
			rc = PT_EXIT_PARTIAL;
	}
	topic_free(topic);
	return rc;
}

/* Runs refresh_run() with SIGINT and SIGTERM setting `interrupted`. */
static int
run_interruptible(const struct config *cfg, int crawl)
{
	struct sigaction sa, old_int, old_term;
	int rc;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	rc = refresh_run(cfg, crawl);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return interrupted ? PT_EXIT_INTR : rc;
}

int
cmd_refresh(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		CMD_OPT_HELP,
		{ "no-crawl", no_argument, NULL, 'n' },
		CMD_OPT_QUIET,
		{ NULL, 0, NULL, 0 }
	};
	const char *path = "presstally.conf";
	struct config cfg;
	struct buf err = BUF_INIT;
	int c, fd, rc, crawl = 1;

	optind = 0;
	while ((c = getopt_long(argc, argv, "c:hq", opts, NULL)) != -1) {
		if (c == 'c')
			path = optarg;
		else if (c == 'n')
			crawl = 0;
		else if ((rc = cmd_common_option(c, argv[0], usage, help)) !=
			 CMD_OPT_TAKEN)
			return rc;
	}
	if (optind < argc)
		return cli_usage_error(argv[0], usage, "unexpected '%s'",
				       argv[optind]);
	rc = config_load(&cfg, path, &err);
	if (rc) {
		log_error("%s%s", rc == PT_EPARSE ? "invalid configuration: " :
			  "", err.p);
		rc = rc == PT_EPARSE ? PT_EXIT_DATA : PT_EXIT_FAIL;
	} else if (fileio_mkdirs(cfg.data_dir, &err)) {
		log_error("%s", err.p);
		rc = PT_EXIT_FAIL;
	} else if ((fd = take_lock(cfg.data_dir, &rc)) >= 0) {
		rc = run_interruptible(&cfg, crawl);
		close(fd); /* releases the lock */
	}
	config_release(&cfg);
	buf_release(&err);
	return rc;
}
