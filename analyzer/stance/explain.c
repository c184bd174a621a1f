/* explain.c -- the `analyze --explain` report. */
#include "analyzer/stance/explain.h"

#include "analyzer/stance/doc.h"

#include "crawler/base/buf.h"

#include <stdlib.h>
#include <string.h>

static void
milli(FILE *fp, long long m)
{
	fprintf(fp, "%lld.%03lld", m / 1000, m % 1000);
}

/* Prints text[o..o+len) on one line: line breaks become spaces, and
 * anything past `max` bytes is cut at a character boundary with "...". */
static void
snippet(FILE *fp, const char *text, size_t len, size_t max)
{
	size_t i, n = len;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++)
		fputc(text[i] == '\n' || text[i] == '\r' ? ' ' : text[i], fp);
	if (n < len)
		fputs("...", fp);
}

static void
print_cue(FILE *fp, const struct doc *d, const struct cue *c)
{
	size_t o, len;
	struct buf rules = BUF_INIT;
	const struct tok *a = &d->tk.v[c->tok], *b = &d->tk.v[c->tok + c->ntok - 1];

	fprintf(fp, "    %s \"%.*s\" (%s %s \"%s\" %s%d.%03d) ",
		c->polarity > 0 ? "+pro" : "-con",
		(int)(b->o + b->ol - a->o), d->text + a->o,
		doc_cue_kind_name(c->kind), c->source, c->phrase,
		c->value < 0 ? "-" : "", abs(c->value) / 1000,
		abs(c->value) % 1000);
	milli(fp, c->wm);
	fprintf(fp, " link %s", doc_cue_link_name(c->link));
	if (c->negated) {
		const struct tok *k = &d->tk.v[c->neg_tok];

		fprintf(fp, " (negated by \"%.*s\")", (int)k->ol,
			d->text + k->o);
	}
	doc_cue_rules(c->rules & ~(unsigned)RULE_NEGATED, &rules);
	if (rules.len)
		fprintf(fp, " [%s]", rules.p);
	buf_release(&rules);
	if (d->tk.v[c->tok].quote >= 0)
		fputs(" [in a quote]", fp);
	fputs("\n      ", fp);
	doc_sentence(d, c->tok, &o, &len);
	snippet(fp, d->text + o, len, 160);
	fputc('\n', fp);
}

static void
print_quote(FILE *fp, const struct doc *d, const struct quote *q)
{
	fputs("    quote: \"", fp);
	snippet(fp, d->text + q->o, q->e - q->o, 120);
	fputs("\"\n", fp);
}

void
explain_print(FILE *fp, const struct doc *d, const char *id,
	      const char *name)
{
	size_t i, j, topical = 0, none = 0;
	uint32_t s;

	for (s = 0; s < d->tk.nsent; s++)
		topical += d->sent_topic[s] || d->para_topic[d->tk.v[
			d->sent_start[s]].para];
	fprintf(fp, "article %s  %s\n", id, name);
	fprintf(fp, "  %zu words, %u sentences (%zu about the topic), "
		"stance %s (pro %u = ", d->words, d->tk.nsent, topical,
		doc_stance_name(doc_stance(d->prom, d->conm)), d->pro);
	milli(fp, d->prom);
	fprintf(fp, ", con %u = ", d->con);
	milli(fp, d->conm);
	fputs(")\n", fp);
	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];

		if (p->mentions == 0)
			continue;
		fprintf(fp, "  %s: %s (%u mention%s; pro %u = ", p->name,
			doc_stance_name(doc_stance(p->prom, p->conm)),
			p->mentions,
			p->mentions == 1 ? "" : "s", p->pro);
		milli(fp, p->prom);
		fprintf(fp, ", con %u = ", p->con);
		milli(fp, p->conm);
		fprintf(fp, "; %u quote%s; confidence %.2f)%s\n", p->quotes,
			p->quotes == 1 ? "" : "s",
			doc_confidence(p->prom, p->conm),
			p->figure >= 0 ? " [topic figure]" : "");
		for (j = 0; j < d->nc; j++)
			if (d->c[j].person == (int)i)
				print_cue(fp, d, &d->c[j]);
		for (j = 0; j < d->nq; j++)
			if (d->q[j].direct && d->q[j].speaker == (int)i)
				print_quote(fp, d, &d->q[j]);
	}
	for (j = 0; j < d->nc; j++)
		if (d->c[j].person < 0) {
			if (none++ == 0)
				fputs("  (the article only):\n", fp);
			print_cue(fp, d, &d->c[j]);
		}
	none = 0;
	for (j = 0; j < d->nq; j++)
		if (d->q[j].direct && d->q[j].speaker < 0) {
			if (none++ == 0)
				fputs("  (quotes without a speaker):\n", fp);
			print_quote(fp, d, &d->q[j]);
		}
	fputc('\n', fp);
}
