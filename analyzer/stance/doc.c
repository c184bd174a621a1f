/* doc.c -- one article's analysis as plain data: its lifecycle and the
 * read-only queries the steps share. */
#include "analyzer/stance/doc.h"

#include "analyzer/stance/polarity_table.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/buf.h"
#include "crawler/base/err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
doc_init(struct doc *d)
{
	memset(d, 0, sizeof(*d));
	norm_init(&d->norm);
	tokens_init(&d->tk);
}

static void
clear_people(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->np; i++) {
		free(d->p[i].name);
		free(d->p[i].key);
		free(d->p[i].last);
		free(d->p[i].first);
	}
	d->np = 0;
}

void
doc_clear(struct doc *d)
{
	clear_people(d);
	d->text = NULL;
	d->len = 0;
	d->nq = d->nm = d->nc = d->nhits = 0;
	d->nmtok = d->mtok_nm = 0;
	d->words = 0;
	d->truncated = 0;
	d->english = 0;
	d->pro = d->con = 0;
	d->prom = d->conm = 0;
}

void
doc_release(struct doc *d)
{
	clear_people(d);
	norm_release(&d->norm);
	tokens_release(&d->tk);
	free(d->sent_start);
	free(d->sent_topic);
	free(d->para_topic);
	free(d->q);
	free(d->p);
	free(d->m);
	free(d->c);
	free(d->hits);
	free(d->sent_subj);
	free(d->mtok);
	free(d->who);
	free((void *)d->polm);
	free(d->poln);
	free(d->cla);
	free(d->clb);
	free(d->plabel);
	free(d->sfirst);
	free(d->pnarr);
	free(d->pvoice);
	free(d->nwho);
	free(d->lex);
	free(d->tmark);
	memset(d, 0, sizeof(*d));
}

int32_t
doc_prev_cp(const struct doc *d, uint32_t o)
{
	int32_t cp;
	uint32_t s;

	if (o == 0)
		return 0;
	s = o - 1;
	while (s > 0 && ((unsigned char)d->text[s] & 0xC0) == 0x80 && o - s < 4)
		s--;
	norm_decode(d->text + s, d->len - s, &cp);
	return cp;
}

int32_t
doc_cp_at(const struct doc *d, uint32_t o)
{
	int32_t cp;

	if (o >= d->len)
		return 0;
	norm_decode(d->text + o, d->len - o, &cp);
	return cp;
}

int
doc_is_speech(const struct doc *d, size_t i)
{
	if (i >= d->tk.n)
		return 0;
	/* "Crane Shot's critic", "Edward Said": a capitalised word inside
	 * its sentence, after a capitalised word, is part of a name. */
	if ((d->tk.v[i].flags & TOK_CAP) && !(d->tk.v[i].flags & TOK_SSTART) &&
	    !(d->tk.v[i].flags & TOK_ALLCAP) && i > 0 &&
	    doc_same_sent(d, i - 1, i) &&
	    (d->tk.v[i - 1].flags & (TOK_CAP | TOK_WORD)) ==
		    (TOK_CAP | TOK_WORD) &&
	    !(d->tk.v[i - 1].flags & TOK_SSTART))
		return 0;
	return (doc_lex(d, i) & LEX_SPEECH) || (d->tmark[i] & TM_SPEECH);
}

int
doc_is_adverb(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return (d->tk.v[i].flags & TOK_WORD) && kl >= DOC_ADVERB_MIN &&
	       memcmp(k + kl - 2, "ly", 2) == 0;
}

size_t
doc_mention_from(const struct doc *d, size_t tok)
{
	size_t lo = 0, hi = d->nm;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (d->m[mid].tok < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
doc_is_role(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k;
	const char *dash;

	if (i >= d->tk.n || !(d->tk.v[i].flags & TOK_WORD))
		return 0;
	if ((doc_lex(d, i) & LEX_ROLE) || (d->tmark[i] & TM_ROLE_END))
		return 1;
	k = doc_key(d, i, &kl);
	dash = memchr(k, '-', kl);
	while (dash) {
		size_t rest = kl - (size_t)(dash + 1 - k);

		if (lexicon_lookup(dash + 1, rest) & LEX_ROLE)
			return 1;
		dash = memchr(dash + 1, '-', rest);
	}
	return 0;
}

static int
is_det(const struct doc *d, size_t i)
{
	return i < d->tk.n && (doc_lex(d, i) & LEX_DET);
}

/* A plural role: "the actors A and B", "actresses". */
static int
is_role_plural(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return (d->tk.v[i].flags & TOK_WORD) && kl > 3 && k[kl - 1] == 's' &&
	       ((lexicon_lookup(k, kl - 1) & LEX_ROLE) ||
		(kl > 4 && k[kl - 2] == 'e' &&
		 (lexicon_lookup(k, kl - 2) & LEX_ROLE)));
}

int
doc_list_gap(const struct doc *d, size_t end, size_t start)
{
	size_t i;
	int sep = 0, role_before;

	if (start <= end || start - end > DOC_LIST_GAP_ROLE ||
	    end >= d->tk.n || d->tk.v[end].sent != d->tk.v[start].sent)
		return 0;
	/* "A, and “sex-positive” erotic filmmaker B": with a role just
	 * before the next name, its modifiers may stand in the gap too. */
	role_before = doc_is_role(d, start - 1) || is_role_plural(d, start - 1);
	if (start - end > DOC_LIST_GAP_PLAIN && !role_before)
		return 0;
	for (i = end; i < start; i++) {
		if (tok_punct(&d->tk, i, ',') || tok_is(&d->tk, i, "and") ||
		    tok_is(&d->tk, i, "or") || tok_is(&d->tk, i, "&")) {
			sep = 1;
			continue;
		}
		if (is_det(d, i) || doc_is_role(d, i) || is_role_plural(d, i))
			continue;
		if (role_before && sep &&
		    (tok_punct(&d->tk, i, '"') ||
		     ((d->tk.v[i].flags & TOK_WORD) &&
		      !(d->tk.v[i].flags & TOK_CAP) &&
		      !(doc_lex(d, i) & (LEX_SPEECH | LEX_PREP)))))
			continue;
		return 0;
	}
	return sep;
}

int
doc_epithet(const struct doc *d, size_t i, size_t *end)
{
	size_t j, mods;

	if (!is_det(d, i) || tok_is(&d->tk, i, "a") || tok_is(&d->tk, i, "an"))
		return 0;
	for (j = i + 1, mods = 0; j < d->tk.n && mods <= DOC_EPITHET_MODS;
	     j++, mods++) {
		if (d->tk.v[j].sent != d->tk.v[i].sent ||
		    !(d->tk.v[j].flags & TOK_WORD))
			return 0;
		if (doc_is_role(d, j)) {
			/* "the intimacy coordinator" ends at the phrase end */
			while (j + 1 < d->tk.n && doc_is_role(d, j + 1))
				j++;
			*end = j + 1;
			return 1;
		}
		if (doc_lex(d, j) & (LEX_SPEECH | LEX_PRONOUN | LEX_PREP))
			return 0;
	}
	return 0;
}

const char *
doc_sieve_name(enum doc_sieve s)
{
	static const char *const names[] = {
		"", "trailing", "leading", "colon", "according-to", "epithet",
		"pronoun", "subject", "continuation", "qa-label",
		"organisation", "anonymous", "writing", "answer",
		"named", "echo"
	};

	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : "";
}

const char *
doc_speaker_kind_name(enum doc_speaker_kind k)
{
	return k == SPK_PERSON ? "person" :
	       k == SPK_ORG ? "organisation" : "unknown";
}

enum stance
doc_stance(long long prow, long long conw)
{
	const double *w = pol_weights();
	double p = prow / 1000.0, c = conw / 1000.0;
	double thr = w[W_THRESHOLD], ratio = w[W_RATIO];
	double mixed = w[W_MIXED_MIN];

	if (pol_layers_off() & POL_OFF_ABSTENTION)
		thr = mixed = 1e-9;
	if (p >= thr && p > ratio * c)
		return STANCE_PRO;
	if (c >= thr && c > ratio * p)
		return STANCE_CON;
	if (p >= mixed && c >= mixed)
		return STANCE_MIXED;
	return STANCE_NEUTRAL;
}

double
doc_confidence(long long prow, long long conw)
{
	double p = prow / 1000.0, c = conw / 1000.0;
	double k = pol_weights()[W_CONF_SCALE];

	if (k <= 0)
		k = 1;
	switch (doc_stance(prow, conw)) {
	case STANCE_PRO: return 1.0 - exp(-(p - c) / k);
	case STANCE_CON: return 1.0 - exp(-(c - p) / k);
	case STANCE_MIXED: return 1.0 - exp(-(p < c ? p : c) / k);
	case STANCE_NEUTRAL: break;
	}
	return exp(-(p > c ? p : c) / k);
}

const char *
doc_cue_kind_name(enum cue_kind k)
{
	switch (k) {
	case CUE_LEX: return "lexicon";
	case CUE_TOPIC: return "topic";
	case CUE_ADOPT: return "adopt";
	case CUE_REJECT: return "reject";
	case CUE_PRAISE: return "praise";
	case CUE_OPPOSE: return "oppose";
	case CUE_ABSENCE: break;
	}
	return "absence";
}

const char *
doc_cue_link_name(enum cue_link l)
{
	switch (l) {
	case LINK_CLAUSE: return "clause";
	case LINK_SENT: return "sentence";
	case LINK_QUOTE: return "quote";
	case LINK_OBJECT: return "object";
	case LINK_REF: return "reference";
	case LINK_PARA: break;
	}
	return "paragraph";
}

void
doc_cue_rules(unsigned rules, struct buf *out)
{
	static const char *const names[] = {
		"negated", "double-negation", "shifted", "before-but",
		"after-but", "concessive", "irrealis", "others-view",
		"intensity", "contrast-target", "member", "imposed",
		"past"
	};
	size_t i;

	buf_reset(out);
	buf_adds(out, "");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (rules & (1u << i))
			buf_addf(out, "%s%s", out->len ? " " : "", names[i]);
}

int
doc_mention_search(const struct doc *d, size_t i)
{
	size_t lo = 0, hi = d->nm;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (d->m[mid].tok + d->m[mid].ntok <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->nm && d->m[lo].tok <= i)
		return (int)lo;
	return -1;
}

const char *
doc_stance_name(enum stance s)
{
	switch (s) {
	case STANCE_PRO: return "pro";
	case STANCE_CON: return "con";
	case STANCE_MIXED: return "mixed";
	case STANCE_NEUTRAL: break;
	}
	return "neutral";
}

void
doc_sentence(const struct doc *d, size_t tok, size_t *o, size_t *len)
{
	uint32_t s = d->tk.v[tok].sent;
	size_t a = d->sent_start[s], b = d->sent_start[s + 1];

	*o = d->tk.v[a].o;
	*len = d->tk.v[b - 1].o + d->tk.v[b - 1].ol - *o;
}
