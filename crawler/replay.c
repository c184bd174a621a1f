/* replay.c -- recording the WARC records written after the mark (see
 * replay.h and crawl.c on durability).
 */
#include "crawler/replay.h"

#include "crawler/base/err.h"
#include "crawler/base/fileio.h"
#include "crawler/base/http.h"
#include "crawler/base/url.h"
#include "crawler/base/warc.h"
#include "crawler/crawl_int.h"
#include "crawler/crawldb.h"
#include "crawler/discover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Where a replayed URL sits in the crawl. */
struct place {
	int kind, depth, hops;
};

/* The row of `url`: the stored one, or a new page at the depth limit
 * (its discovery was lost). 1 found or added, 0 when the URL has no host,
 * < 0 database error. */
static int
replay_row(struct crawl *c, const char *url, struct place *at)
{
	struct crawldb_url u;
	int rc;

	rc = crawldb_get(c->db, url, &u, &c->msg);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		at->kind = u.kind;
		at->depth = u.depth;
		at->hops = u.hops;
		return 1;
	}
	buf_reset(&c->tmp2);
	if (url_host_key(url, &c->tmp2, NULL))
		return 0;
	rc = crawldb_add(c->db, url, c->tmp2.p, CRAWLDB_PAGE,
			 c->o->max_depth, 0, 0, 0, 0, &c->msg);
	if (rc < 0)
		return rc;
	at->kind = CRAWLDB_PAGE;
	at->depth = c->o->max_depth;
	at->hops = 0;
	return 1;
}

/* Records response or revisit record `rec` of `url` as done. */
static int
replay_done(struct crawl *c, const struct warc_record *rec, const char *url,
	    const struct place *at)
{
	struct crawldb_result r;
	struct buf etag = BUF_INIT, lm = BUF_INIT, loc = BUF_INIT;
	const char *head = rec->block;
	const char *end = rec->block ? strstr(rec->block, "\r\n\r\n") : NULL;
	size_t hlen = end ? (size_t)(end - head) + 2 : 0;
	int revisit = strcmp(rec->type, "revisit") == 0, rc;

	http_header_value(head, hlen, "ETag", &etag);
	http_header_value(head, hlen, "Last-Modified", &lm);
	memset(&r, 0, sizeof(r));
	r.http_status = rec->http_status;
	r.etag = etag.len ? etag.p : NULL;
	r.last_modified = lm.len ? lm.p : NULL;
	r.payload_digest = rec->payload_digest ? rec->payload_digest : "";
	r.record_id = revisit ? NULL : rec->record_id;
	r.warc_date = revisit ? NULL : rec->date;
	r.when = time(NULL);
	buf_reset(&c->msg);
	if (rec->http_status >= 300 && rec->http_status < 400 &&
	    http_header_value(head, hlen, "Location", &loc)) {
		r.redirect = loc.p;
		discover_redirect(c, url, at->kind, at->depth, at->hops, loc.p);
		if (c->msg.len)
			r.reason = c->msg.p;
	}
	rc = crawldb_mark_done(c->db, url, &r, &c->msg);
	if (rc == 0 && !revisit && rec->http_status >= 200 &&
	    rec->http_status < 300)
		discover_body(c, url, at->kind, at->depth,
			      rec->http_content_type, rec->payload,
			      rec->payload_len);
	buf_release(&etag);
	buf_release(&lm);
	buf_release(&loc);
	return rc;
}

static int
replay_record(struct crawl *c, const struct warc_record *rec)
{
	struct place at;
	char *url = pt_xstrdup(rec->target_uri);
	int rc;

	rc = replay_row(c, url, &at);
	if (rc == 1) {
		rc = replay_done(c, rec, url, &at);
		c->st->recovered++;
	}
	free(url);
	return rc < 0 ? rc : 0;
}

static int
replay_file(struct crawl *c, const char *path, unsigned long long from)
{
	FILE *fp = fopen(path, "rb");
	struct warc_reader *r;
	struct warc_record rec;
	struct buf e = BUF_INIT;
	int rc = 0, n;

	if (!fp)
		return 0;
	if (from && fseeko(fp, (off_t)from, SEEK_SET)) {
		fclose(fp);
		return 0;
	}
	r = warc_reader_new(fp, path);
	for (;;) {
		buf_reset(&e);
		n = warc_reader_next(r, &rec, &e);
		if (n == 0)
			break;
		if (n < 0)
			continue; /* a torn last record, or junk: resync */
		if (from && rec.number == 1)
			continue; /* the mark record itself is committed */
		if ((strcmp(rec.type, "response") == 0 ||
		     strcmp(rec.type, "revisit") == 0) && rec.target_uri) {
			rc = replay_record(c, &rec);
			if (rc)
				break;
		}
	}
	warc_reader_free(r);
	fclose(fp);
	buf_release(&e);
	return rc;
}

int
replay_recover(struct crawl *c)
{
	static const char *const exts[] = { ".warc.gz", NULL };
	struct buf mark = BUF_INIT;
	char **files = NULL, *tab;
	size_t n = 0, i;
	unsigned long long off = 0;
	int rc;

	rc = crawldb_meta_get(c->db, CRAWL_MARK_KEY, &mark, &c->msg);
	if (rc < 0)
		return crawl_db_check(c, rc);
	tab = strchr(mark.p, '\t');
	if (tab) {
		*tab = '\0';
		off = strtoull(tab + 1, NULL, 10);
	}
	if (fileio_list(c->o->warc_dir, exts, &files, &n, NULL)) {
		buf_release(&mark);
		return 0; /* no directory yet: nothing to replay */
	}
	for (i = 0; i < n && rc >= 0; i++) {
		const char *base = strrchr(files[i], '/');
		int cmp;

		base = base ? base + 1 : files[i];
		cmp = mark.len ? strcmp(base, mark.p) : 1;
		if (cmp < 0)
			continue;
		rc = replay_file(c, files[i], cmp == 0 ? off : 0);
	}
	fileio_list_free(files, n);
	buf_release(&mark);
	return crawl_db_check(c, rc < 0 ? rc : 0);
}
