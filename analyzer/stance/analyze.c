/* analyze.c -- runs the stance steps in order; their only caller. */
#include "analyzer/stance/analyze.h"

#include "analyzer/stance/attrib.h"
#include "analyzer/stance/mark.h"
#include "analyzer/stance/people.h"
#include "analyzer/stance/polarity.h"
#include "analyzer/stance/prep.h"
#include "analyzer/stance/quote.h"

void
analyze_doc(struct doc *d, const struct topic *t, const char *text,
	    size_t len)
{
	prep_text(d, text, len);
	mark_topic(d, t);
	quote_find(d);
	people_find(d, t);
	attrib_run(d);
	polarity_run(d);
}
