/* stepsutil.c -- helpers for the unit tests of the stance steps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "tests/stepsutil.h"

#include "analyzer/stance/attrib.h"
#include "analyzer/stance/doc.h"
#include "analyzer/stance/mark.h"
#include "analyzer/stance/people.h"
#include "analyzer/stance/prep.h"
#include "analyzer/stance/quote.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"

#include <string.h>

struct topic *
su_topic(const char *text)
{
	struct buf err = BUF_INIT;
	struct topic *t = topic_parse(text, strlen(text), "test.topic", &err);

	if (!t)
		fail_msg("%s", err.p);
	buf_release(&err);
	return t;
}

void
su_run(struct doc *d, const struct topic *t, const char *text,
       enum su_step last)
{
	prep_text(d, text, strlen(text));
	if (last >= SU_MARK)
		mark_topic(d, t);
	if (last >= SU_QUOTE)
		quote_find(d);
	if (last >= SU_PEOPLE)
		people_find(d, t);
	if (last >= SU_ATTRIB)
		attrib_run(d);
}

void
su_expect(const char *text, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		fail_msg("%s\n  got:  %s\n  want: %s", text, got, want);
}
