/* quote.c -- finding quotations: curly and straight double quotes,
 * guillemets, and British single quotes, with quotes that run over several
 * paragraphs (the opening mark repeated at each new paragraph) and nested
 * quotes (kept inside the outer one, and when one is a sentence the
 * speaker says they said, a quotation of its own too, after all the
 * others: "“And I said, ‘I want more.’”").
 *
 * A quotation that runs over several paragraphs is kept as one segment
 * per paragraph (each marked as continued), as the marks show it.
 *
 * A quoted span is a direct quotation unless it looks like a title or a
 * scare quote: fewer than QUOTE_MIN_WORDS words, no speech verb in the
 * QUOTE_VERB_WINDOW words before it, and no sentence punctuation inside it
 * with a speech verb or pronoun in its sentence (tuning.h). Whatever its
 * length, it is no quotation after a word of naming ("the slogan"), a word
 * for a work ("the report ‘...’") or a thing that calls it so ("what the
 * contract calls a “...”"), nor inside a noun phrase ("reach “severe” or
 * “emergency” levels", "the “...” campaign"), nor a line that is sung
 * ("“...,” she sings") or follows a sung one in its paragraph, nor lines
 * of verse joined by a slash. The text of a sign people carry ("placards
 * reading “...”") is a quotation however short.
 */
#include "analyzer/stance/quote.h"

#include "analyzer/stance/doc.h"
#include "analyzer/stance/given.h"

#include "analyzer/text/lexicon.h"
#include "crawler/base/err.h"

#include <string.h>

enum mark { M_NONE, M_DOPEN, M_DCLOSE, M_DSTRAIGHT, M_SOPEN, M_SCLOSE,
	    M_SSTRAIGHT };

static enum mark
classify(int32_t c)
{
	switch (c) {
	case 0x201C: case 0x201E: case 0x00AB: case 0x301D:
		return M_DOPEN;
	case 0x201D: case 0x00BB: case 0x301E: case 0x201F:
		return M_DCLOSE;
	case '"': case 0xFF02: case 0x2033:
		return M_DSTRAIGHT;
	case 0x2018: case 0x201A: case 0x2039:
		return M_SOPEN;
	case 0x2019: case 0x203A:
		return M_SCLOSE;
	case '\'':
		return M_SSTRAIGHT;
	}
	return M_NONE;
}

static int
is_space_or_start(int32_t c)
{
	return c == 0 || c == ' ' || c == '\n' || c == '\t' || c == 0xA0 ||
	       c == '(' || c == '[' || c == '-' || c == 0x2014 || c == 0x2013 ||
	       c == '/' || c == ':' || c == 0x201C || c == '"';
}

static int
is_word_cp(int32_t c)
{
	return norm_is_letter(c) || (c >= '0' && c <= '9');
}

static enum mark
mark_of(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];
	char c;

	if (!(k->flags & TOK_PUNCT))
		return M_NONE;
	c = d->tk.key[k->k];
	if (c != '"' && c != '\'')
		return M_NONE;
	return classify(doc_cp_at(d, k->o));
}

/* Can the mark at token i open a quote? */
static int
can_open(const struct doc *d, size_t i, enum mark m)
{
	const struct tok *k = &d->tk.v[i];
	int32_t prev = doc_prev_cp(d, k->o);
	int32_t next = doc_cp_at(d, k->o + k->ol);

	/* "« trop gentils »": French typography puts a space inside
	 * guillemets, before a word in any case. */
	if ((next == ' ' || next == 0xA0 || next == 0x202F) &&
	    doc_cp_at(d, k->o) == 0x00AB &&
	    (is_space_or_start(prev) || prev == 0xA0))
		return norm_is_letter(doc_cp_at(d, k->o + k->ol +
					       (next == ' ' ? 1 :
						next == 0xA0 ? 2 : 3)));
	/* '... Cook. " You guys have done ..."': a double mark after a
	 * sentence, then a space and a capital, opens all the same (a
	 * space typed inside the marks). */
	if (next == ' ' && (m == M_DOPEN || m == M_DSTRAIGHT) &&
	    (prev == ' ' || prev == 0 || prev == '\n')) {
		int32_t after = doc_cp_at(d, k->o + k->ol + 1);
		int32_t before = prev == 0 ? 0 : doc_prev_cp(d, k->o - 1);

		return norm_is_upper(after) &&
		       (before == 0 || before == '.' || before == '!' ||
			before == '?' || before == '\n' || before == ':');
	}
	if (next == 0 || next == ' ' || next == '\n')
		return 0;
	if (m == M_DOPEN)
		return 1;
	if (m == M_DSTRAIGHT)
		return is_space_or_start(prev) || !is_word_cp(prev);
	/* Single quotes: at the start of a word, and not an elision
	 * such as '90s or 'em. */
	if (!is_space_or_start(prev))
		return 0;
	if (next >= '0' && next <= '9')
		return 0;
	return is_word_cp(next) || next == '.' ;
}

/* Can the mark at token i close a quote? */
static int
can_close(const struct doc *d, size_t i, enum mark m)
{
	const struct tok *k = &d->tk.v[i];
	int32_t prev = doc_prev_cp(d, k->o);
	int32_t next = doc_cp_at(d, k->o + k->ol);

	/* "schedule delays ”." : a curly closing mark after a space still
	 * closes, when no word follows it (then it opens one). */
	if (prev == ' ' && m == M_DCLOSE && !is_word_cp(next))
		return 1;
	/* '"... ourselves? " she wrote': a straight mark after a space
	 * closes too when the sentence goes on in lower case or with
	 * punctuation after it (before a capital it may open the next). */
	if (prev == ' ' && m == M_DSTRAIGHT) {
		int32_t after = next == ' ' ?
				doc_cp_at(d, k->o + k->ol + 1) : next;

		return next == 0 || next == '\n' ||
		       (next == ' ' && norm_is_letter(after) &&
			!norm_is_upper(after)) ||
		       after == ',' || after == '.' || after == ';';
	}
	if (prev == ' ' || prev == '\n' || prev == 0)
		return 0;
	if (m == M_DCLOSE || m == M_DSTRAIGHT)
		return 1;
	/* Single: not inside a word (that is an apostrophe). */
	return !is_word_cp(next);
}

/* '”We are ready,” she said': with no quote open, a closing mark at the
 * start of a word after a space or a paragraph break opens one. */
static int
close_as_open(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];
	int32_t prev = doc_prev_cp(d, k->o);

	return (prev == 0 || prev == ' ' || prev == '\n' || prev == '(') &&
	       is_word_cp(doc_cp_at(d, k->o + k->ol));
}

static void
add(struct doc *d, size_t open, size_t close, size_t end_tok)
{
	struct quote *q;
	const struct tok *ko = &d->tk.v[open];
	size_t t1 = close != DOC_NONE ? close : end_tok;

	pt_xgrow((void **)&d->q, &d->capq, d->nq + 1, sizeof(*d->q));
	q = &d->q[d->nq++];
	memset(q, 0, sizeof(*q));
	q->open = open;
	q->close = close;
	q->t0 = open + 1;
	q->t1 = t1;
	q->o = ko->o + ko->ol;
	if (close != DOC_NONE)
		q->e = d->tk.v[close].o;
	else if (t1 > q->t0)
		q->e = d->tk.v[t1 - 1].o + d->tk.v[t1 - 1].ol;
	else
		q->e = q->o;
	/* "« trop gentils »", "\" You guys ...\"": the spaces typed
	 * inside the marks are no part of the quote. */
	while (q->o < q->e && (d->text[q->o] == ' ' || d->text[q->o] == '\t'))
		q->o++;
	while (q->o + 1 < q->e && (unsigned char)d->text[q->o] == 0xC2 &&
	       (unsigned char)d->text[q->o + 1] == 0xA0)
		q->o += 2;
	while (q->e > q->o && (d->text[q->e - 1] == ' ' ||
			       d->text[q->e - 1] == '\t'))
		q->e--;
	while (q->e >= q->o + 2 && (unsigned char)d->text[q->e - 2] == 0xC2 &&
	       (unsigned char)d->text[q->e - 1] == 0xA0)
		q->e -= 2;
	q->speaker = -1;
}

/* 1 for a letter of Hangul, Kana or the CJK ideographs, scripts with no
 * apostrophe. */
static int
no_apostrophe_script(int32_t c)
{
	return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3040 && c <= 0x30FF) ||
	       (c >= 0x3130 && c <= 0x318F) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xAC00 && c <= 0xD7A3);
}

/* The byte offset of a closing single mark inside word token i between two
 * letters of a script with no apostrophe, whose particles join the mark
 * ("‘...간직’하는"); 0 if none. */
static uint32_t
glued_close(const struct doc *d, size_t i)
{
	const struct tok *k = &d->tk.v[i];
	uint32_t o;

	/* A word of a few syllables: a long run is no such word, and the
	 * bound keeps hostile text linear. */
	if (k->ol > QUOTE_GLUED_BYTES)
		return 0;
	for (o = k->o + 1; o + 3 < k->o + k->ol; o++)
		if ((unsigned char)d->text[o] == 0xE2 &&
		    (unsigned char)d->text[o + 1] == 0x80 &&
		    (unsigned char)d->text[o + 2] == 0x99 &&
		    no_apostrophe_script(doc_prev_cp(d, o)) &&
		    no_apostrophe_script(doc_cp_at(d, o + 3)))
			return o;
	return 0;
}

/* Looks for the closing mark of the single quote opened at `open` within
 * its paragraph; prefers a mark after sentence punctuation or before
 * punctuation, so that "actors' union" does not end the quote. A mark
 * glued inside a word (glued_close()) ends it at that word, its offset
 * in *glued (0 otherwise). */
static size_t
single_close(const struct doc *d, size_t open, uint32_t *glued)
{
	size_t i, first = DOC_NONE, first_s = DOC_NONE;
	uint32_t para = d->tk.v[open].para;

	*glued = 0;
	/* A closing mark is looked for within the paragraph, up to a
	 * bound, so that thousands of apostrophes cost linear time. */
	for (i = open + 1; i < d->tk.n && d->tk.v[i].para == para &&
	     i < open + QUOTE_SINGLE_WINDOW; i++) {
		enum mark m = mark_of(d, i);
		int32_t prev, next;

		/* "had been ‘lovely with the young ones’ but spent ...
		 * ‘and ...’": a new quote opens, so the mark after "ones"
		 * closed this one, plural possessive or not. */
		if ((m == M_SOPEN || m == M_SSTRAIGHT) && can_open(d, i, m) &&
		    (first != DOC_NONE || first_s != DOC_NONE))
			return first != DOC_NONE ? first : first_s;
		if ((d->tk.v[i].flags & TOK_WORD) && first == DOC_NONE &&
		    first_s == DOC_NONE && (*glued = glued_close(d, i)) != 0)
			return i;
		if (m != M_SCLOSE && m != M_SSTRAIGHT)
			continue;
		if (!can_close(d, i, m))
			continue;
		prev = doc_prev_cp(d, d->tk.v[i].o);
		next = doc_cp_at(d, d->tk.v[i].o + d->tk.v[i].ol);
		if (prev == '.' || prev == ',' || prev == '!' || prev == '?' ||
		    next == 0 || next == '.' || next == ',' || next == ';' ||
		    next == ':' || next == '!' || next == '?' || next == ')' ||
		    next == '\n')
			return i;
		if (first == DOC_NONE && prev != 's')
			first = i;
		if (first_s == DOC_NONE)
			first_s = i;
	}
	return first;
}

/* A title in quote marks: at most QUOTE_TITLE_WORDS words (twice as many
 * with a subtitle after a colon), every one capitalised but the small
 * words of titles ("of", "the", "in"), and no sentence punctuation but a
 * comma inside. */
static int
title_case(const struct doc *d, const struct quote *q)
{
	size_t i, words = 0;

	int first = 1, subtitle = 0;

	for (i = q->t0; i < q->t1; i++) {
		const struct tok *k = &d->tk.v[i];

		if (k->flags & TOK_PUNCT) {
			size_t kl;
			const char *key = doc_key(d, i, &kl);

			/* "The Lord of the Rings: The Return of the King":
			 * a subtitle after a colon, its first word
			 * capitalised. */
			if (*key == ':' && i + 1 < q->t1 && words > 0) {
				first = subtitle = 1;
				continue;
			}
			if (*key == '.' || *key == '!' || *key == '?' ||
			    *key == ':' || *key == ';')
				return 0;
			continue;
		}
		if (!(k->flags & TOK_WORD))
			continue;
		words++;
		if (words > 2 * QUOTE_TITLE_WORDS)
			return 0;
		if (!(k->flags & TOK_CAP) && !(k->flags & TOK_NUM) &&
		    (first || !(doc_lex(d, i) & (LEX_FUNC | LEX_PREP))))
			return 0;
		first = 0;
	}
	/* Twice as long with a subtitle. */
	return words > 0 &&
	       words <= (subtitle ? 2 : 1) * QUOTE_TITLE_WORDS;
}

/* A headline or slogan in quote marks: every word capitalised, small
 * words after the first too ("Meth. We're On It.", "Are You Ready?"),
 * which no sentence does; full stops may stand inside. At most twice
 * QUOTE_TITLE_WORDS words. */
static int
headline_case(const struct doc *d, const struct quote *q)
{
	size_t i, words = 0;
	int small = 0, after_stop = 1;

	for (i = q->t0; i < q->t1; i++) {
		const struct tok *k = &d->tk.v[i];

		if (k->flags & TOK_PUNCT) {
			size_t kl;
			const char *key = doc_key(d, i, &kl);

			if (*key == '.' || *key == '!' || *key == '?' ||
			    *key == ':')
				after_stop = 1;
			continue;
		}
		if (!(k->flags & TOK_WORD))
			continue;
		if (++words > 2 * QUOTE_TITLE_WORDS)
			return 0;
		if (!(k->flags & (TOK_CAP | TOK_NUM)))
			return 0;
		if (!after_stop && (k->flags & TOK_CAP) &&
		    (doc_lex(d, i) & (LEX_FUNC | LEX_PREP | LEX_PRONOUN)) &&
		    !(doc_lex(d, i) & LEX_GIVEN) &&
		    !tok_is(&d->tk, i, "i"))
			small = 1;
		after_stop = 0;
	}
	return words >= 2 && small;
}

/* A word of speech at token i; a capitalised one inside its sentence is
 * part of a name ("the United States", "The Long Shot"), not a verb. */
static int
speech_word(const struct doc *d, size_t i)
{
	if ((d->tk.v[i].flags & TOK_CAP) && i > 0 &&
	    d->tk.v[i - 1].sent == d->tk.v[i].sent)
		return 0;
	return doc_is_speech(d, i);
}

/* A speech verb up to QUOTE_VERB_WINDOW words before the quote, in its
 * sentence ("branded them “the fun police”"). */
static int
speech_before(const struct doc *d, const struct quote *q)
{
	size_t i, n;

	for (i = q->open, n = 0; i > 0 && n < QUOTE_VERB_WINDOW; n++) {
		i--;
		if (d->tk.v[i].sent != d->tk.v[q->open].sent ||
		    tok_punct(&d->tk, i, '.'))
			break;
		if (speech_word(d, i))
			return 1;
	}
	return 0;
}

/* A speech verb in the QUOTE_VERB_WINDOW words after the closing mark
 * ("‘Marvellous,’ he said"). */
static int
speech_after(const struct doc *d, const struct quote *q)
{
	size_t i, n;

	uint32_t s;

	if (q->close == DOC_NONE)
		return 0;
	s = d->tk.v[q->close].sent;
	/* '“Are You In?” Vane asked': after a question or exclamation
	 * inside the marks, the splitter starts a sentence at the name. */
	i = q->close + 1;
	if (i < d->tk.n && q->t1 > q->t0 &&
	    (d->tk.v[i].flags & (TOK_SSTART | TOK_PSTART | TOK_NLBEFORE)) ==
		    TOK_SSTART &&
	    (tok_punct(&d->tk, q->t1 - 1, '?') ||
	     tok_punct(&d->tk, q->t1 - 1, '!')))
		s = d->tk.v[i].sent;
	for (n = 0; i < d->tk.n && n < QUOTE_VERB_WINDOW &&
	     d->tk.v[i].sent == s; i++, n++)
		if (doc_is_speech(d, i))
			return 1;
	return 0;
}

/* A verb of singing: what it reports are lyrics, not a quotation (chants
 * are: "chanted" is a speech verb). */
static int
sung_word(const struct doc *d, size_t i)
{
	static const char *const w[] = { "sing", "sings", "sang", "sung",
		"singing", "croon", "croons", "crooned", "crooning", "rap",
		"raps", "rapped", "rapping", "hum", "hums", "hummed",
		"humming", "belt", "belts", "belted", "belting" };

	return tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w));
}

/* 1 for a word in -ing at token i ("singing"). */
static int
gerund(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return kl > 4 && memcmp(k + kl - 3, "ing", 3) == 0;
}

/* The line is sung: a verb of singing is the nearest verb of saying in
 * the QUOTE_VERB_WINDOW words after the quote ("“...,” she sings") or
 * before it in its sentence ("Bea sings: “...”"). */
static int
sung(const struct doc *d, const struct quote *q)
{
	size_t i, n;

	if (q->close != DOC_NONE)
		for (i = q->close + 1, n = 0; i < d->tk.n &&
		     n < QUOTE_VERB_WINDOW &&
		     d->tk.v[i].sent == d->tk.v[q->close].sent; i++, n++) {
			if (sung_word(d, i))
				return 1;
			if (doc_is_speech(d, i))
				break;
		}
	i = q->open;
	/* "She sings:" ending the paragraph before */
	if (i > 1 && (d->tk.v[i].flags & TOK_PSTART) &&
	    tok_punct(&d->tk, i - 1, ':'))
		i--;
	for (n = 0; i > 0 && n < QUOTE_VERB_WINDOW; n++) {
		i--;
		if ((d->tk.v[i].sent != d->tk.v[q->open].sent &&
		     !tok_punct(&d->tk, q->open - 1, ':')) ||
		    tok_punct(&d->tk, i, '.'))
			break;
		/* "called her singing “...”": a noun after a determiner,
		 * no verb of singing */
		if (sung_word(d, i) && !(i > 0 && (doc_lex(d, i - 1) & LEX_DET) &&
					 gerund(d, i)))
			return 1;
		if (speech_word(d, i))
			break;
	}
	return 0;
}

/* Words of naming before this one (in naming_before()'s list) are verbs,
 * which report speech when a person is their subject; from NAMING_LONG on
 * they name a text of any length: "titled “...”", "the phrase “...”",
 * "the slogan “...”", "the headline “...”". */
#define NAMING_VERBS 5
#define NAMING_LONG 7

/* A word before the quote that names what follows: "called", "titled"
 * ("a sample called “No Place Like Home”", "the series titled
 * “...”"), "the word" ("the word ‘relax’"). 2 for a nickname, slogan,
 * tagline, headline and the like, which are no quotation however long,
 * also after a comma or "was" ("The show's motto, “...”"). */
static int
naming_before(const struct doc *d, const struct quote *q)
{
	static const char *const w[] = { "called", "named", "dubbed",
		"nicknamed", "calls", "word", "words", "titled", "entitled",
		"term", "phrase", "nickname", "moniker", "slogan", "tagline", "motto",
		"hashtag", "sign", "signs", "banner", "headline", "caption",
		"label", "mantra", "catchphrase", "headlined", "title" };
	/* Terms named right before the mark only (not "Asked about the
	 * code, “...”"). */
	static const char *const term[] = { "expression", "acronym",
		"abbreviation", "euphemism", "slang", "buzzword", "query",
		"queries", "keyword", "keywords", "password", "code",
		"hashtags" };
	size_t i, b = q->open;

	/* "the so-called “right to be forgotten”", "a practice known as
	 * “buy now, pay later”": a name or a term, however long. */
	if (b > 0 && doc_same_sent(d, b - 1, q->open) &&
	    tok_is(&d->tk, b - 1, "so-called"))
		return 2;
	/* ... "known to fans simply as “...”": up to QUOTE_VERB_WINDOW
	 * words between. */
	if (b > 1 && tok_is(&d->tk, b - 1, "as"))
		for (i = b - 1; i > 0 && i + QUOTE_VERB_WINDOW + 1 >= b;) {
			i--;
			if (!doc_same_sent(d, i, q->open) ||
			    (d->tk.v[i].flags & TOK_PUNCT))
				break;
			if (tok_is(&d->tk, i, "known") ||
			    tok_is(&d->tk, i, "billed"))
				return 2;
		}
	/* "searches for “best lamp oil near me”", "typed “...”": what is
	 * typed or searched is a term however long. */
	if (b > 1 && doc_same_sent(d, b - 2, q->open) &&
	    tok_is(&d->tk, b - 1, "for") &&
	    (tok_is(&d->tk, b - 2, "search") ||
	     tok_is(&d->tk, b - 2, "searches") ||
	     tok_is(&d->tk, b - 2, "searched") ||
	     tok_is(&d->tk, b - 2, "searching")))
		return 2;
	if (b > 0 && doc_same_sent(d, b - 1, q->open) &&
	    (tok_is(&d->tk, b - 1, "typed") || tok_is(&d->tk, b - 1, "googled") ||
	     tok_is(&d->tk, b - 1, "typing") ||
	     tok_is(&d->tk, b - 1, "googling")))
		return 2;
	/* "what is referred to as “the last mile”" */
	if (b > 2 && doc_same_sent(d, b - 3, q->open) &&
	    tok_is(&d->tk, b - 1, "as") && tok_is(&d->tk, b - 2, "to") &&
	    (tok_is(&d->tk, b - 3, "referred") ||
	     tok_is(&d->tk, b - 3, "refer") || tok_is(&d->tk, b - 3, "refers")))
		return 2;

	/* "The show's motto, “...”", "His nickname was “...”": a noun of
	 * naming, then a comma or a form of "be". */
	if (b > 2 && doc_same_sent(d, b - 2, q->open) &&
	    (tok_punct(&d->tk, b - 1, ',') || tok_is(&d->tk, b - 1, "is") ||
	     tok_is(&d->tk, b - 1, "was")))
		for (i = NAMING_VERBS; i < sizeof(w) / sizeof(*w); i++)
			if (tok_is(&d->tk, b - 2, w[i]))
				return i >= NAMING_LONG ? 2 : 1;

	/* "The tagline? “Meth. We're on it.”", "What is the slogan? / “...”":
	 * a word of naming asked about just before. */
	if (b > 1 && (tok_punct(&d->tk, b - 1, '?') ||
		      tok_punct(&d->tk, b - 1, ':')) &&
	    (doc_same_sent(d, b - 1, q->open) ||
	     (d->tk.v[q->open].flags & TOK_PSTART)))
		for (i = 0; i < sizeof(w) / sizeof(*w); i++)
			if (i >= NAMING_LONG && tok_is(&d->tk, b - 2, w[i]))
				return 2;
	/* "called the “Master Builder Series”" */
	if (b > 1 && (tok_is(&d->tk, b - 1, "the") || tok_is(&d->tk, b - 1, "a")))
		b--;
	if (b == 0 || !doc_same_sent(d, b - 1, q->open))
		return 0;
	if (tok_in(&d->tk, b - 1, term, sizeof(term) / sizeof(*term)))
		return 2;
	for (i = 0; i < sizeof(w) / sizeof(*w); i++)
		if (tok_is(&d->tk, b - 1, w[i]))
			break;
	if (i == sizeof(w) / sizeof(*w))
		return 0;
	if (i >= NAMING_LONG)
		return 2; /* "the slogan “Meth, we’re on it.”" */
	/* A verb of naming whose subject is a person names nothing: it
	 * reports what they said ("what one casting director called “the
	 * free-for-all”", "what Vane calls a “...”", "what critics called");
	 * people are found after quotes, so a capitalised subject stands for
	 * a name here; a thing called something is named ("a sample called
	 * “...”", "what the agreement calls a “...”"). */
	if (i < NAMING_VERBS && b >= 2 &&
	    ((doc_lex(d, b - 2) & (LEX_ROLE | LEX_PRONOUN | LEX_OTHERS)) ||
	     ((d->tk.v[b - 2].flags & TOK_CAP) &&
	      !(doc_lex(d, b - 2) & LEX_FUNC)) ||
	     doc_mention_at(d, b - 2) >= 0))
		return 0;
	return 1;
}

/* A speech verb anywhere before the quote in its sentence, outside other
 * quotations: a short quote there is reported speech ("told friends that
 * the interview was a “great success”", "accused him of “incessant
 * bullying”"), not from a word of a name ("The Long Shot, episode 88:
 * ‘...’"). Bounded by the sentence (TOKENS_MAX_SENTENCE). */
static int
speech_in_sentence(const struct doc *d, const struct quote *q)
{
	size_t i = q->open;
	uint32_t s = d->tk.v[q->open].sent;

	while (i > 0 && d->tk.v[i - 1].sent == s) {
		i--;
		if (d->tk.v[i].quote < 0 && !(d->tmark[i] & TM_TITLEQ) &&
		    speech_word(d, i))
			return 1;
	}
	return 0;
}

/* The token before the quote's opening mark is "or" or "and" after
 * another closing mark: the second of two quoted words ("“severe” or
 * “emergency”"). */
static int
coordinated_after_quote(const struct doc *d, const struct quote *q)
{
	size_t o = q->open;

	return o >= 2 && doc_same_sent(d, o - 2, o) &&
	       (tok_is(&d->tk, o - 1, "or") || tok_is(&d->tk, o - 1, "and")) &&
	       mark_of(d, o - 2) != M_NONE;
}

/* A quoted word or name inside a noun phrase, not a quotation: a word
 * with digits ("the ‘CBR600F4’"), a short name between a determiner
 * or compound adjective and a noun ("the self-declared “interim”
 * government", "the “one country, two systems” formula"), a slogan with
 * its own full stops between "the" or "a" and a noun ("the “Meth. We're
 * On It.” campaign"), or two quoted words joined by "or" or "and" before
 * a noun, which name classes or cues ("reach “severe” or “emergency”
 * levels", "the use of ‘hold’ and ‘release’ cues"). */
static int
modifier_quote(const struct doc *d, const struct quote *q, size_t words)
{
	size_t n, i;
	int coord = 0, article = 0;

	if (words == 1 && q->t1 == q->t0 + 1) {
		size_t kl, j;
		const char *k = doc_key(d, q->t0, &kl);

		for (j = 0; j < kl; j++)
			if (k[j] >= '0' && k[j] <= '9')
				return 1;
	}
	if (q->close == DOC_NONE || words > 2 * QUOTE_MODIFIER_WORDS)
		return 0;
	if (q->open > 0 && doc_same_sent(d, q->open - 1, q->open) &&
	    (tok_is(&d->tk, q->open - 1, "the") ||
	     tok_is(&d->tk, q->open - 1, "a") ||
	     tok_is(&d->tk, q->open - 1, "an")))
		article = 1;
	/* "its “too big to fail, too big to jail” culture": between a
	 * determiner and a noun, up to twice as long. */
	if (words > QUOTE_MODIFIER_WORDS &&
	    (q->open == 0 || !doc_same_sent(d, q->open - 1, q->open) ||
	     !(doc_lex(d, q->open - 1) & LEX_DET)))
		return 0;
	for (i = q->t0; i < q->t1 && words > QUOTE_MODIFIER_WORDS; i++)
		if (tok_punct(&d->tk, i, '.') || tok_punct(&d->tk, i, '!') ||
		    tok_punct(&d->tk, i, '?'))
			return 0;
	for (i = q->t0; i < q->t1 && !article; i++)
		if ((d->tk.v[i].flags & TOK_PUNCT) &&
		    !tok_punct(&d->tk, i, ',') && !tok_punct(&d->tk, i, '-'))
			return 0;
	coord = coordinated_after_quote(d, q);
	n = q->close + 1;
	/* "“severe” or “emergency” levels": the noun after the next */
	if (n + 1 < d->tk.n && (tok_is(&d->tk, n, "or") ||
				tok_is(&d->tk, n, "and")) &&
	    d->tk.v[n + 1].quote < 0 && (d->tk.v[n + 1].flags & TOK_PUNCT) &&
	    n + 1 < d->tk.n && doc_same_sent(d, n + 1, q->close)) {
		size_t e = n + 2;

		while (e < d->tk.n && e < n + 2 + 2 * QUOTE_MODIFIER_WORDS &&
		       !(d->tk.v[e].flags & TOK_PUNCT))
			e++;
		if (e < d->tk.n && (d->tk.v[e].flags & TOK_PUNCT)) {
			coord = mark_of(d, n + 1) != M_NONE &&
				mark_of(d, e) != M_NONE;
			n = e + 1;
		}
	}
	if (n >= d->tk.n || !doc_same_sent(d, n, q->close) ||
	    (d->tk.v[n].flags & (TOK_PUNCT | TOK_CAP | TOK_NUM)) ||
	    !(d->tk.v[n].flags & TOK_WORD) ||
	    (doc_lex(d, n) & (LEX_FUNC | LEX_PREP | LEX_SPEECH | LEX_PRONOUN |
			      LEX_DET | LEX_CONTRAST)) ||
	    doc_is_adverb(d, n))
		return 0;
	if (coord)
		return 1;
	/* ... after a determiner or a compound adjective ("the
	 * self-declared", "so-called"): a person's word would be theirs
	 * ("Epstein's “unbecoming” behaviour"). */
	if (q->open == 0 || !doc_same_sent(d, q->open - 1, q->open))
		return 0;
	i = q->open - 1;
	if (doc_lex(d, i) & LEX_DET)
		return 1;
	if ((d->tk.v[i].flags & (TOK_WORD | TOK_CAP)) == TOK_WORD) {
		size_t kl;
		const char *k = doc_key(d, i, &kl);

		return memchr(k, '-', kl) != NULL;
	}
	return 0;
}

/* 1 when the noun at token n is owned or determined: a determiner or a
 * possessive before it, or before an adjective of works before it ("the
 * show", "her hit", "its latest game", "the band's new single"), so it
 * is no verb ("the figures show"). */
static int
owned_noun(const struct doc *d, size_t n)
{
	static const char *const adj[] = { "new", "latest", "first", "last",
		"next", "debut", "hit", "upcoming", "forthcoming", "recent",
		"viral", "famous", "final", "second", "third", "own", "classic",
		"popular", "breakout", "solo", "award-winning" };
	size_t i = n - 1;

	if (n == 0 || !doc_same_sent(d, i, n))
		return 0;
	if (i > 0 && doc_same_sent(d, i - 1, n) &&
	    tok_in(&d->tk, i, adj, sizeof(adj) / sizeof(*adj)))
		i--;
	return (doc_lex(d, i) & LEX_DET) || tok_is(&d->tk, i, "my") ||
	       tok_is(&d->tk, i, "our") || tok_is(&d->tk, i, "your") ||
	       (d->tk.v[i].flags & TOK_POSS);
}

/* A word for a work right before the opening mark, or before a number and
 * a colon: the span is its title, in any case ("the report ‘Tamil web
 * series to use intimacy coordinator’", "episode 88: ‘Who’s in the
 * Room?’"). Only nouns that are not also common verbs ("show", "play",
 * "feature" are left out: "the figures show “...”"). */
static int
work_before(const struct doc *d, const struct quote *q)
{
	static const char *const w[] = { "film", "movie", "series",
		"miniseries", "episode", "album", "book", "novel", "memoir",
		"documentary", "podcast", "sitcom", "musical", "song", "poem",
		"essay", "report", "article", "column", "editorial", "story",
		"chapter", "line", "lyric", "lyrics", "chorus", "refrain",
		"verse", "jingle", "anthem" };
	/* Nouns that are verbs too ("the figures show “...”"), works only
	 * after a determiner or a possessive (owned_noun()). */
	static const char *const wd[] = { "show", "play", "feature", "game",
		"hit", "single", "track", "release", "programme", "program",
		"exhibition", "exhibit", "video", "clip", "ballet", "painting",
		"sculpture", "installation", "collection", "app", "campaign",
		"sketch", "title" };
	size_t b = q->open;

	/* "episode 88: ‘...’", "Her latest book, “...”" */
	if (b > 0 && (tok_punct(&d->tk, b - 1, ':') ||
		      tok_punct(&d->tk, b - 1, ',')))
		b--;
	if (b > 0 && b < q->open && (d->tk.v[b - 1].flags & TOK_NUM))
		b--;
	if (b == 0 || !doc_same_sent(d, b - 1, b) ||
	    (d->tk.v[b - 1].flags & TOK_CAP))
		return 0;
	if (tok_in(&d->tk, b - 1, w, sizeof(w) / sizeof(*w)))
		return 1;
	return b > 1 && tok_in(&d->tk, b - 1, wd, sizeof(wd) / sizeof(*wd)) &&
	       owned_noun(d, b - 1);
}

/* A speech verb right before the quote, or before its object pronoun,
 * "as" or an article ("described as “...”", "called it a “...”"), in its
 * sentence. */
static int
speech_governs(const struct doc *d, const struct quote *q)
{
	size_t i = q->open;

	if (i > 0 && doc_same_sent(d, i - 1, q->open) &&
	    (tok_is(&d->tk, i - 1, "a") || tok_is(&d->tk, i - 1, "an") ||
	     tok_is(&d->tk, i - 1, "the")))
		i--;
	if (i > 0 && doc_same_sent(d, i - 1, q->open) &&
	    ((doc_lex(d, i - 1) & LEX_PRONOUN) || tok_is(&d->tk, i - 1, "as")))
		i--;
	return i > 0 && doc_same_sent(d, i - 1, q->open) &&
	       speech_word(d, i - 1);
}

/* A quote of one word in lower case that no dictionary has: a technical
 * term or a coinage cited as a word ("water from “exogenic” processes"),
 * not a quotation unless a speech verb governs it ("called it
 * “gobbledygook”"). */
static int
rare_word(const struct doc *d, const struct quote *q)
{
	size_t i, kl;
	const char *k;

	for (i = q->t0; i < q->t1 && !(d->tk.v[i].flags & TOK_WORD); i++)
		;
	if (i >= q->t1 || (d->tk.v[i].flags & (TOK_CAP | TOK_NUM)))
		return 0;
	k = doc_key(d, i, &kl);
	/* "non-negotiable": a compound the dictionary lacks is made of
	 * words it has, no technical term. */
	if (memchr(k, '-', kl))
		return 0;
	return !given_common(k, kl);
}

/* The quote's sentence is about a song, an ad or a headline and names no
 * person before the quote: what it quotes is a lyric, an ad line or a
 * headline ("The song opens with “...”", "Its chorus goes: “...”", "The
 * headline read: “...”"). Signs and chants are quotations (people carry
 * and shout them), and so is what a person says about a song. */
static int
work_subject(const struct doc *d, const struct quote *q)
{
	static const char *const w[] = { "song", "songs", "lyric", "lyrics",
		"chorus", "refrain", "verse", "track", "jingle", "anthem",
		"hymn", "poem", "tagline", "slogan", "motto", "headline",
		"caption", "ad", "advert", "advertisement", "commercial",
		"title" };
	size_t s0 = d->sent_start[d->tk.v[q->open].sent], i, k;
	int work = 0;

	/* People are found after quotes: a capitalised word that is no
	 * function word ("The", "Its") or a role stands for a person. */
	for (i = s0; i < q->open; i++) {
		if (((d->tk.v[i].flags & TOK_CAP) &&
		     !(doc_lex(d, i) & LEX_FUNC)) ||
		    doc_is_role(d, i) || tok_is(&d->tk, i, "i") ||
		    tok_is(&d->tk, i, "we") || tok_is(&d->tk, i, "he") ||
		    tok_is(&d->tk, i, "she") || tok_is(&d->tk, i, "they") ||
		    tok_is(&d->tk, i, "you") || mark_of(d, i) != M_NONE)
			return 0;
		if (work || i == s0 || !(doc_lex(d, i - 1) & LEX_DET))
			continue;
		for (k = 0; k < sizeof(w) / sizeof(*w); k++)
			if (tok_is(&d->tk, i, w[k]))
				work = 1;
	}
	return work;
}

/* A title in quote marks as the subject of a verb after it ("said “Copper
 * Sky” was her hardest song"), or before a role or a word for a part of a
 * work, which it names ("“Salt Harbour” star Ana Pike said", "the
 * “Copper Sky” finale"). */
static int
title_subject(const struct doc *d, const struct quote *q)
{
	static const char *const w[] = { "is", "was", "has", "had", "will",
		"became", "becomes", "remains", "won", "wins", "stars",
		"features", "tells", "follows", "topped", "sold", "season",
		"seasons", "episode", "episodes", "finale", "premiere",
		"franchise", "trailer", "soundtrack", "cast", "creator",
		"creators", "star", "co-star", "showrunner", "author" };
	size_t n = q->close + 1;

	if (q->close == DOC_NONE || n >= d->tk.n ||
	    !doc_same_sent(d, n, q->close) ||
	    (d->tk.v[n].flags & (TOK_WORD | TOK_CAP)) != TOK_WORD)
		return 0;
	if (doc_is_role(d, n) || (doc_lex(d, n) & LEX_WORK))
		return 1;
	return tok_in(&d->tk, n, w, sizeof(w) / sizeof(*w));
}

/* A word that denies the verb after it: "I can't say ‘...’" imagines a
 * line nobody said. */
static int
negation(const struct doc *d, size_t i)
{
	size_t kl;
	const char *k = doc_key(d, i, &kl);

	return tok_is(&d->tk, i, "not") || tok_is(&d->tk, i, "never") ||
	       tok_is(&d->tk, i, "cannot") ||
	       (kl > 3 && memcmp(k + kl - 3, "n't", 3) == 0);
}

/* A gloss or a translation: the span in parentheses right after a quoted
 * word or a quotation ("the word “hygge” (“a warm, cosy feeling”)"), or
 * after "meaning", "literally" or "translates as" ("a name meaning “the
 * quiet hour”", "which translates roughly as “...”"). */
static int
translation(const struct doc *d, const struct quote *q)
{
	size_t b = q->open, i;

	if (b > 1 && tok_punct(&d->tk, b - 1, '(') &&
	    doc_same_sent(d, b - 2, b) && mark_of(d, b - 2) != M_NONE)
		return 1;
	if (b > 0 && doc_same_sent(d, b - 1, b) &&
	    (tok_is(&d->tk, b - 1, "meaning") ||
	     tok_is(&d->tk, b - 1, "literally")))
		return 1;
	/* "translates (roughly) as", "translated into English as" */
	for (i = b; i > 0 && i + QUOTE_VERB_WINDOW > b;) {
		size_t kl;
		const char *k;

		i--;
		if (!doc_same_sent(d, i, b) || (d->tk.v[i].flags & TOK_PUNCT))
			return 0;
		/* "translates", "translated", "translation" -- not a
		 * translator or one translating, through whom people speak
		 * ("said through a translator “...”") */
		k = doc_key(d, i, &kl);
		if (kl >= 9 && memcmp(k, "translat", 8) == 0 &&
		    !tok_is(&d->tk, i, "translator") &&
		    !tok_is(&d->tk, i, "translators") &&
		    !tok_is(&d->tk, i, "translating"))
			return 1;
	}
	return 0;
}

/* A headline in a list of links: the quote right after a label such as
 * "Read more:" or "Related:" that opens its paragraph. */
static int
link_label(const struct doc *d, const struct quote *q)
{
	static const char *const w[] = { "read", "more", "related", "see",
		"also", "recommended", "trending", "latest", "popular",
		"watch", "listen", "stories", "story", "article", "articles",
		"must", "don't", "miss", "most" };
	size_t b = q->open, i;

	if (b < 2 || !tok_punct(&d->tk, b - 1, ':'))
		return 0;
	for (i = b - 1; i > 0 && i + 4 > b;) {
		i--;
		if (!tok_in(&d->tk, i, w, sizeof(w) / sizeof(*w)))
			return 0;
		if (d->tk.v[i].flags & TOK_PSTART)
			return 1;
	}
	return 0;
}

/* A line nobody said: what "you might say", "one could say", what is
 * said "instead of saying" or "never said" ("You might say “...”, but",
 * "Instead of saying “...”, try"): a verb of saying in the
 * QUOTE_VERB_WINDOW words before the quote, after a modal with a
 * generic subject, "instead of", "rather than", "without" or a
 * negation. */
static int
imagined(const struct doc *d, const struct quote *q)
{
	static const char *const generic[] = { "you", "one", "someone",
		"somebody", "anyone", "anybody", "nobody", "people", "we",
		"they" };
	static const char *const modal[] = { "might", "could", "would",
		"may", "should", "can", "'d", "must" };
	size_t i, v = DOC_NONE, n;

	for (i = q->open, n = 0; i > 0 && n < QUOTE_VERB_WINDOW; n++) {
		i--;
		if (!doc_same_sent(d, i, q->open) || tok_punct(&d->tk, i, '.') ||
		    tok_punct(&d->tk, i, '!') || tok_punct(&d->tk, i, '?'))
			return 0;
		if (speech_word(d, i)) {
			v = i;
			break;
		}
	}
	if (v == DOC_NONE || v == 0)
		return 0;
	/* "instead of saying", "rather than say", "without saying" */
	if ((tok_is(&d->tk, v - 1, "of") && v > 1 &&
	     tok_is(&d->tk, v - 2, "instead")) ||
	    (tok_is(&d->tk, v - 1, "than") && v > 1 &&
	     tok_is(&d->tk, v - 2, "rather")) ||
	    tok_is(&d->tk, v - 1, "without"))
		return 1;
	/* "never said", "did not say", "didn't say" */
	if (negation(d, v - 1) || (v > 1 && negation(d, v - 2) &&
				   (doc_lex(d, v - 1) & LEX_FUNC) == 0 &&
				   !(d->tk.v[v - 1].flags & TOK_PUNCT) &&
				   doc_is_adverb(d, v - 1)))
		return 1;
	/* "you might say", "one could say", "someone will always say" */
	for (i = v, n = 0; i > 0 && n < 2; n++) {
		i--;
		if (!doc_same_sent(d, i, v))
			return 0;
		if (tok_in(&d->tk, i, modal, sizeof(modal) / sizeof(*modal)))
			return i > 0 && doc_same_sent(d, i - 1, v) &&
			       tok_in(&d->tk, i - 1, generic,
				      sizeof(generic) / sizeof(*generic));
		if (!doc_is_adverb(d, i))
			return 0;
	}
	return 0;
}

/* A term the sentence defines: the quote opens it and a verb of meaning
 * follows ("“Quiet quitting” refers to ...", "“Buy now, pay later”
 * means ...", "“FOMO” is short for ..."), or it follows a noun of
 * thought and "of" ("the notion of “a job for life”", "the policy of
 * “no new taxes”"), which names an idea. */
static int
defined_term(const struct doc *d, const struct quote *q)
{
	static const char *const verb[] = { "means", "meant", "refers",
		"referred", "stands", "denotes", "describes" };
	static const char *const idea[] = { "notion", "idea", "concept",
		"principle", "doctrine", "policy", "philosophy", "myth",
		"theory", "ideal", "ethos" };
	size_t n = q->close + 1, b = q->open;

	if (q->close != DOC_NONE && n < d->tk.n &&
	    doc_same_sent(d, n, q->close) &&
	    ((d->tk.v[q->open].flags & TOK_SSTART) ||
	     (d->tk.v[q->t0].flags & TOK_SSTART))) {
		if (tok_in(&d->tk, n, verb, sizeof(verb) / sizeof(*verb)))
			return 1;
		/* "“FOMO” is short for", "is shorthand for", "is slang for" */
		if (n + 2 < d->tk.n && (tok_is(&d->tk, n, "is") ||
					tok_is(&d->tk, n, "was")) &&
		    (tok_is(&d->tk, n + 1, "short") ||
		     tok_is(&d->tk, n + 1, "shorthand") ||
		     tok_is(&d->tk, n + 1, "slang")) &&
		    tok_is(&d->tk, n + 2, "for"))
			return 1;
	}
	return b > 1 && doc_same_sent(d, b - 2, b) &&
	       tok_is(&d->tk, b - 1, "of") &&
	       tok_in(&d->tk, b - 2, idea, sizeof(idea) / sizeof(*idea));
}

/* A title by its frame: a word of performing or releasing right before
 * it ("performed “...”", "a cover of “...”", "a remix of “...”"), or a
 * year in parentheses or "by" and a name right after it ("“the house on
 * the hill” (2019)", "“the long way home” by Ana Pike"), with no verb of
 * saying before it in its sentence. */
static int
title_frame(const struct doc *d, const struct quote *q)
{
	static const char *const before[] = { "performed", "performs",
		"performing", "recorded", "records", "released", "releases",
		"covered", "covers", "remixed", "screened", "staged" };
	static const char *const of[] = { "cover", "rendition", "version",
		"performance", "remix", "recording", "screening", "staging",
		"production", "adaptation", "reading" };
	size_t b = q->open, n = q->close + 1;

	if (speech_in_sentence(d, q))
		return 0;
	if (b > 0 && doc_same_sent(d, b - 1, b) &&
	    tok_in(&d->tk, b - 1, before, sizeof(before) / sizeof(*before)))
		return 1;
	if (b > 1 && doc_same_sent(d, b - 2, b) && tok_is(&d->tk, b - 1, "of") &&
	    tok_in(&d->tk, b - 2, of, sizeof(of) / sizeof(*of)))
		return 1;
	if (q->close == DOC_NONE || n + 1 >= d->tk.n ||
	    !doc_same_sent(d, n + 1, q->close))
		return 0;
	/* ... not the agent of a passive ("was labelled “...” by
	 * Labour"). */
	if (tok_is(&d->tk, n, "by") && (d->tk.v[n + 1].flags & TOK_CAP) &&
	    !(doc_lex(d, n + 1) & LEX_FUNC)) {
		size_t i;

		for (i = d->sent_start[d->tk.v[b].sent]; i < b; i++)
			if (tok_is(&d->tk, i, "is") || tok_is(&d->tk, i, "was") ||
			    tok_is(&d->tk, i, "were") ||
			    tok_is(&d->tk, i, "are") ||
			    tok_is(&d->tk, i, "been") ||
			    tok_is(&d->tk, i, "being") ||
			    tok_is(&d->tk, i, "be"))
				return 0;
		return 1;
	}
	if (tok_punct(&d->tk, n, '(') && (d->tk.v[n + 1].flags & TOK_NUM)) {
		size_t kl;
		const char *k = doc_key(d, n + 1, &kl);

		return kl == 4 && (k[0] == '1' || k[0] == '2');
	}
	return 0;
}

/* The text of a sign that people carry, after "reading" or "read" ("with
 * placards reading “Swim, don't sink”", "a banner that read “...”"): a
 * quotation, of nobody named (signs and chants are, as their words are
 * people's); not a slogan in title case ("Posters read “Light Up The
 * Town”"), the caller checks. */
static int
sign_text(const struct doc *d, const struct quote *q)
{
	static const char *const sign[] = { "sign", "signs", "placard",
		"placards", "banner", "banners", "poster", "posters", "t-shirt",
		"t-shirts", "shirt", "shirts", "board", "boards", "card",
		"cards", "flag", "flags" };
	size_t b = q->open, i;

	if (b > 0 && (tok_punct(&d->tk, b - 1, ':') ||
		      tok_punct(&d->tk, b - 1, ',')))
		b--;
	if (b < 2 || !doc_same_sent(d, b - 2, q->open) ||
	    !(tok_is(&d->tk, b - 1, "reading") || tok_is(&d->tk, b - 1, "read")))
		return 0;
	for (i = b - 1; i > 0 && i + 4 >= b && doc_same_sent(d, i - 1, b); i--)
		if (tok_in(&d->tk, i - 1, sign, sizeof(sign) / sizeof(*sign)))
			return 1;
	return 0;
}

/* Lines of verse run together with a slash between them ("You drink to
 * forget / I sing to remember"): a lyric or a poem quoted as written, not
 * somebody's words. The slash stands alone, with a space either side,
 * between words (not "and/or", "24/7"). */
static int
verse_lines(const struct doc *d, const struct quote *q)
{
	size_t i;

	for (i = q->t0 + 1; i + 1 < q->t1; i++) {
		const struct tok *k = &d->tk.v[i];

		if (!tok_punct(&d->tk, i, '/') || k->ol != 1)
			continue;
		if (doc_prev_cp(d, k->o) == ' ' && doc_cp_at(d, k->o + 1) == ' ' &&
		    (d->tk.v[i - 1].flags & TOK_WORD) &&
		    (d->tk.v[i + 1].flags & TOK_WORD))
			return 1;
	}
	return 0;
}

static int
is_direct(const struct doc *d, const struct quote *q)
{
	size_t i, words = 0, s0, s1;
	int punct = 0;

	for (i = q->t0; i < q->t1; i++)
		if (d->tk.v[i].flags & TOK_WORD)
			words++;
	if (words == 0)
		return 0;
	if (translation(d, q) || link_label(d, q) || imagined(d, q) ||
	    defined_term(d, q) || title_frame(d, q) || verse_lines(d, q))
		return 0;
	if (sign_text(d, q) && !title_case(d, q) && !headline_case(d, q))
		return 1;
	/* "the film “Salt Harbour,”", "“The Night We Met”", "a set
	 * called the “Master Builder Series”" */
	if (title_case(d, q) &&
	    ((!speech_before(d, q) && !speech_after(d, q)) ||
	     naming_before(d, q) || title_subject(d, q)))
		return 0;
	if (work_subject(d, q))
		return 0;
	if (naming_before(d, q) == 2)
		return 0;
	/* "‘Meth. We're On It.’: State spends $449K on ads" */
	if (headline_case(d, q) && !speech_before(d, q) && !speech_after(d, q))
		return 0;
	/* ... unless the span is what someone said about the work ("called
	 * the finished film “the best money we've spent”"). */
	if (work_before(d, q) && !speech_after(d, q) &&
	    !speech_in_sentence(d, q))
		return 0;
	/* ... unless a speech verb governs it ("slammed the “reckless”
	 * decision"). */
	if (modifier_quote(d, q, words) && !speech_governs(d, q))
		return 0;
	if (words == 1 && rare_word(d, q) && !speech_governs(d, q))
		return 0; /* "from “exogenic” processes" */
	if (words >= QUOTE_MIN_WORDS)
		return 1;
	if (naming_before(d, q))
		return 0; /* "the word ‘relax’", "the slogan “Meth, we’re on it”" */
	/* "branded them “the fun police”", "called the move “overdue”":
	 * a speech verb just before the quote makes it a quotation; so
	 * does one further back in the sentence. */
	if (speech_before(d, q) || speech_in_sentence(d, q))
		return 1;
	if (q->t1 > q->t0) {
		size_t kl;
		const char *k = doc_key(d, q->t1 - 1, &kl);

		punct = (d->tk.v[q->t1 - 1].flags & TOK_PUNCT) &&
			(*k == '.' || *k == '!' || *k == '?' || *k == ',');
	}
	if (!punct)
		return 0;
	/* '"Hands up!" an officer ordered. "Step out."': a short quote
	 * opening its sentence just after a quotation in its paragraph
	 * goes on with it. */
	if (q > d->q && q[-1].direct && q[-1].close != DOC_NONE &&
	    q->open > q[-1].close &&
	    q->open - q[-1].close <= 2 * QUOTE_VERB_WINDOW &&
	    d->tk.v[q[-1].close].para == d->tk.v[q->open].para &&
	    ((d->tk.v[q->open].flags & TOK_SSTART) ||
	     (d->tk.v[q->t0].flags & TOK_SSTART)))
		return 1;
	/* A short quote with its own full stop: a quotation when the
	 * sentence has a speech verb or a pronoun subject. */
	s0 = d->sent_start[d->tk.v[q->open].sent];
	s1 = d->sent_start[d->tk.v[q->t1 > q->t0 ? q->t1 - 1 : q->open].sent + 1];
	for (i = s0; i < s1; i++) {
		if (i >= q->open && i <= q->t1)
			continue;
		if (doc_lex(d, i) & (LEX_SPEECH | LEX_PRONOUN))
			return 1;
	}
	return 0;
}

/* A single quote opened at token i: the quote up to its closing mark, or
 * with none in the paragraph, a segment when the next paragraph opens
 * with a mark. Returns the token the scan goes on after. */
static size_t
single_quote(struct doc *d, size_t i)
{
	uint32_t g;
	size_t c = single_close(d, i, &g);
	size_t e = i + 1;
	enum mark m;

	if (c != DOC_NONE) {
		add(d, i, c, c);
		if (g) {
			/* inside the word, which counts as the quote's */
			d->q[d->nq - 1].e = g;
			d->q[d->nq - 1].t1 = c + 1;
		}
		return c;
	}
	while (e < d->tk.n && !(d->tk.v[e].flags & TOK_PSTART))
		e++;
	if (e >= d->tk.n)
		return i;
	m = mark_of(d, e);
	if ((m == M_SOPEN || m == M_SSTRAIGHT) && can_open(d, e, m)) {
		add(d, i, DOC_NONE, e);
		d->q[d->nq - 1].cont = 1;
		return e - 1;
	}
	return i;
}

/* 1 when nothing but punctuation follows the quote in its paragraph. */
static int
alone_in_para(const struct doc *d, const struct quote *q)
{
	size_t i;

	if (q->close == DOC_NONE)
		return 0;
	for (i = q->close + 1; i < d->tk.n &&
	     d->tk.v[i].para == d->tk.v[q->close].para; i++)
		if (!(d->tk.v[i].flags & TOK_PUNCT))
			return 0;
	return 1;
}

/* Quotations or titles: the tokens inside a quotation get its index,
 * those inside a title or scare quote TM_TITLEQ. */
static void
classify_quotes(struct doc *d)
{
	size_t i, j;
	uint32_t lyric = 0; /* 1 + the paragraph of a sung line */
	int block = 0;      /* ... which stands alone in its paragraph */

	for (j = 0; j < d->nq; j++) {
		struct quote *q = &d->q[j];
		int alone = (d->tk.v[q->open].flags & TOK_PSTART) &&
			    alone_in_para(d, q);

		/* A sung line, and the lines that follow it in its paragraph
		 * with no verb of their own ("“...,” she sings. “...”"), and,
		 * in a block of lines each alone in its paragraph after
		 * "sings:", the lines of the paragraphs after. */
		if (sung(d, q)) {
			lyric = d->tk.v[q->open].para + 1;
			block = alone;
		} else if (block && alone && lyric == d->tk.v[q->open].para &&
			   !speech_before(d, q) && !speech_after(d, q)) {
			lyric = d->tk.v[q->open].para + 1;
		} else if (lyric != d->tk.v[q->open].para + 1 ||
			   speech_before(d, q) || speech_after(d, q)) {
			lyric = 0;
		}
		q->direct = !lyric && is_direct(d, q);
		if (!q->direct) {
			for (i = q->t0; i < q->t1; i++)
				d->tmark[i] |= TM_TITLEQ;
			continue;
		}
		for (i = q->t0; i < q->t1; i++)
			d->tk.v[i].quote = (int32_t)j;
	}
}

/* A quote inside quotation q (open and close tokens of the other kind of
 * mark) is a quotation of its own when a verb of saying or a colon comes
 * up to QUOTE_VERB_WINDOW words before it inside q, in its sentence, with
 * no word denying it, "I" its subject, and it is a sentence
 * (QUOTE_MIN_WORDS words or its own punctuation): "And I said, ‘I want
 * more.’", "I told myself: ‘...’" ("I can't say ‘...’", "he said,
 * ‘...’", "work with ‘Nellie’" and "keep telling me it's a ‘starting
 * point’" are none). */
static int
nested_quotation(const struct doc *d, const struct quote *q, size_t open,
		 size_t close)
{
	size_t i, n, words = 0;
	struct quote t;

	/* A title, a lyric or a slogan named so ("the opening line:
	 * ‘...’", "she sings ‘...’"). */
	memset(&t, 0, sizeof(t));
	t.open = open;
	t.close = close;
	t.t0 = open + 1;
	t.t1 = close;
	if (work_before(d, &t) || naming_before(d, &t) || sung(d, &t))
		return 0;
	for (i = open + 1; i < close; i++)
		if (d->tk.v[i].flags & TOK_WORD)
			words++;
	/* A sentence, not a term ("it's a ‘starting point’"). */
	if (words == 0 || (words < QUOTE_MIN_WORDS &&
			   !tok_punct(&d->tk, close - 1, '.') &&
			   !tok_punct(&d->tk, close - 1, ',') &&
			   !tok_punct(&d->tk, close - 1, '!') &&
			   !tok_punct(&d->tk, close - 1, '?')))
		return 0;
	for (i = open, n = 0; i > q->t0 && n < QUOTE_VERB_WINDOW; n++) {
		i--;
		if (!doc_same_sent(d, i, open) && !tok_punct(&d->tk, i, ':'))
			return 0;
		if (tok_punct(&d->tk, i, ':') && i + 1 == open)
			break;
		if (speech_word(d, i))
			break;
		if (tok_punct(&d->tk, i, '.') || tok_punct(&d->tk, i, '!') ||
		    tok_punct(&d->tk, i, '?'))
			return 0;
		if (i == q->t0)
			return 0;
	}
	if (n == QUOTE_VERB_WINDOW)
		return 0;
	for (n = 0; i > q->t0 && n < 3; n++)
		if (negation(d, --i))
			return 0;
	/* The speaker quotes themself ("I said", "I told myself", "I
	 * thought"): "I" is the nearest subject before the quote inside
	 * the outer one. Lines of others ("a director told me, ‘...’")
	 * stay part of the outer quotation. */
	for (i = open; i > q->t0;) {
		i--;
		if ((d->tk.v[i].flags & TOK_CAP) || tok_is(&d->tk, i, "we") ||
		    tok_is(&d->tk, i, "you") || tok_is(&d->tk, i, "he") ||
		    tok_is(&d->tk, i, "she") || tok_is(&d->tk, i, "they"))
			return tok_is(&d->tk, i, "i") &&
			       (d->tk.v[i].flags & TOK_WORD);
	}
	return 0;
}

/* 1 when the mark at token i is a guillemet. */
static int
guillemet(const struct doc *d, size_t i)
{
	int32_t c = doc_cp_at(d, d->tk.v[i].o);

	return c == 0x00AB || c == 0x00BB;
}

/* The closing mark of a quote opened at token i inside another that ends
 * at token t1: double marks inside single ones (`single`), or single ones
 * inside double, preferring one after punctuation ("more.’") to an "s'"
 * (a plural possessive). DOC_NONE when there is none. */
static size_t
inner_close(const struct doc *d, size_t i, size_t t1, int single)
{
	size_t c, first = DOC_NONE;

	for (c = i + 1; c < t1; c++) {
		enum mark k = mark_of(d, c);
		int32_t prev;

		/* „...“: the high mark glued to the word before closes */
		if (single) {
			if ((k == M_DCLOSE || k == M_DSTRAIGHT ||
			     (k == M_DOPEN &&
			      is_word_cp(doc_prev_cp(d, d->tk.v[c].o)))) &&
			    can_close(d, c, k))
				return c;
			continue;
		}
		if ((k != M_SCLOSE && k != M_SSTRAIGHT) || !can_close(d, c, k))
			continue;
		prev = doc_prev_cp(d, d->tk.v[c].o);
		if (prev == '.' || prev == ',' || prev == '!' || prev == '?')
			return c;
		if (first == DOC_NONE && prev != 's')
			first = c;
	}
	return first;
}

/* The quotations nested in others (struct quote.nested), appended to
 * d->q; their tokens keep the outer quotation's index. */
static void
find_nested(struct doc *d)
{
	size_t j, i, c, n = d->nq;

	for (j = 0; j < n; j++) {
		enum mark om;
		int single;
		unsigned tries = 0;

		if (!d->q[j].direct || d->q[j].close == DOC_NONE)
			continue;
		om = mark_of(d, d->q[j].open);
		single = om == M_SOPEN || om == M_SSTRAIGHT ||
			 guillemet(d, d->q[j].open);
		for (i = d->q[j].t0; i < d->q[j].t1; i++) {
			enum mark m = mark_of(d, i);

			if (single ? !(m == M_DOPEN || m == M_DSTRAIGHT) :
				     !(m == M_SOPEN || m == M_SSTRAIGHT))
				continue;
			if (!can_open(d, i, m))
				continue;
			if (++tries > QUOTE_NESTED_TRIES)
				break;
			c = inner_close(d, i, d->q[j].t1, single);
			if (c == DOC_NONE)
				continue;
			if (nested_quotation(d, &d->q[j], i, c)) {
				add(d, i, c, c);
				d->q[d->nq - 1].direct = 1;
				d->q[d->nq - 1].nested = 1;
			}
			i = c;
		}
	}
}

/* A quote opened by a guillemet closes with one ("«Путин ответил: „Это
 * не так“, и ушёл»": the low-high marks inside are a quote of their
 * own); any other double mark closes with any. */
static int
pairs_with(const struct doc *d, size_t open, size_t close)
{
	int32_t o = doc_cp_at(d, d->tk.v[open].o);
	int32_t c = doc_cp_at(d, d->tk.v[close].o);

	if (o == 0x00AB)
		return c == 0x00BB;
	if (o == 0x00BB)
		return c == 0x00AB;
	return 1;
}

void
quote_find(struct doc *d)
{
	size_t i;
	size_t dopen = DOC_NONE;  /* token of the open double mark */

	for (i = 0; i < d->tk.n; i++) {
		enum mark m = mark_of(d, i);

		/* A double quote left open at the end of a paragraph: it
		 * goes on when the next paragraph opens with a mark,
		 * otherwise it ends with the paragraph. */
		if (dopen != DOC_NONE && (d->tk.v[i].flags & TOK_PSTART)) {
			add(d, dopen, DOC_NONE, i);
			dopen = DOC_NONE;
			if ((m == M_DOPEN || m == M_DSTRAIGHT) &&
			    can_open(d, i, m)) {
				d->q[d->nq - 1].cont = 1;
				dopen = i;
				continue;
			}
		}
		if (m == M_NONE)
			continue;
		if (dopen == DOC_NONE) {
			if (((m == M_DOPEN || m == M_DSTRAIGHT) &&
			     can_open(d, i, m)) ||
			    (m == M_DCLOSE && close_as_open(d, i)))
				dopen = i;
			else if ((m == M_SOPEN || m == M_SSTRAIGHT) &&
				 can_open(d, i, m))
				i = single_quote(d, i);
			continue;
		}
		if ((m == M_DCLOSE || m == M_DSTRAIGHT ||
		     (m == M_DOPEN && !can_open(d, i, m))) &&
		    can_close(d, i, m) && pairs_with(d, dopen, i)) {
			add(d, dopen, i, i);
			dopen = DOC_NONE;
		}
	}
	if (dopen != DOC_NONE)
		add(d, dopen, DOC_NONE, d->tk.n);
	classify_quotes(d);
	find_nested(d);
}
