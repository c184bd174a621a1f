/* replay.h -- WARC records a killed run wrote but did not commit: each
 * commit stores the "warc mark" (file and offset of the last record whose
 * row it holds); at start-up the response and revisit records after it
 * are read again and recorded as the live crawl would have (the URL done
 * with the record's digest, id, date and validators, its redirect
 * followed, its links or feed entries queued). Replaying is idempotent.
 *
 * Internal to the crawl engine (see crawl_int.h for ownership and
 * errors).
 */
#ifndef PT_REPLAY_H
#define PT_REPLAY_H

struct crawl;

/* Replays the records of c->o->warc_dir written after the mark (nothing
 * when the directory does not exist yet). 0 or the database error. */
int replay_recover(struct crawl *c);

#endif
