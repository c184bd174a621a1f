/* seen.h -- the URLs a crawl knows to have a database row, as 64-bit
 * fingerprints: a rediscovered URL (the same article in a feed, its
 * sitemap and an index page) is then dropped without asking SQLite.
 *
 * A fingerprint is a hash of the URL, so two URLs may share one; the
 * second would then be taken for known and not queued in this run. With
 * 64 bits that takes about 6 * 10^9 URLs in one run for an even chance
 * (the birthday bound; 10^7 URLs: about 3 in a million runs), and the
 * next run starts afresh. Heritrix keeps its "already seen" set the same
 * way (FPUriUniqFilter). Memory: 16 bytes per URL or less.
 *
 * Value type: seen_init() / seen_release(). Strings are borrowed.
 */
#ifndef PT_SEEN_H
#define PT_SEEN_H

#include <stddef.h>
#include <stdint.h>

struct seen {
	uint64_t *v;             /* open addressing; 0 = empty slot */
	size_t cap;              /* slots, a power of two (or 0) */
	size_t n;                /* fingerprints held */
};

void seen_init(struct seen *s);
void seen_release(struct seen *s);
/* 1 when url's fingerprint was added, else 0. */
int seen_has(const struct seen *s, const char *url);
/* Adds url's fingerprint (idempotent). */
void seen_add(struct seen *s, const char *url);

#endif
