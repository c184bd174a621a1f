/* test_quote.c -- the quotation step (quote.h) alone, after prep.h and
 * mark.h: quoted spans and their extent, quotations told from titles and
 * scare quotes, quotes that run over paragraphs, apostrophes that are no
 * quotes. The sentences are invented for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/stance/doc.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "tests/stepsutil.h"

#include <string.h>

/* A topic speech verb ("grumbled") counts like the lexicon's. */
static const char topic_text[] =
	"term   lantern guild*\n"
	"pro    praised\n"
	"speech grumbled\n";

SU_FIXTURE(topic_text, SU_QUOTE)

/* The quotes as D[inner text] (a quotation) or T[inner text] (a title or
 * scare quote), with '+' when it goes on in the next paragraph. */
static void
show_quotes(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		buf_addf(out, "%s%c[%.*s]%s", i ? " " : "",
			 q->direct ? 'D' : 'T', (int)(q->e - q->o),
			 d->text + q->o, q->cont ? "+" : "");
	}
}

static const struct {
	const char *text;
	const char *want;
} cases[] = {
	/* Four words or more: a quotation. */
	{ "“It changed how we rehearse,” Quill said.",
	  "D[It changed how we rehearse,]" },
	{ "\"We will go on,\" he said.", "D[We will go on,]" },
	{ "«We are staying right here,» she said.",
	  "D[We are staying right here,]" },
	{ "‘We rehearse every move,’ she said.",
	  "D[We rehearse every move,]" },
	/* Short spans: titles and scare quotes... */
	{ "The film “Copper Sky” opened.", "T[Copper Sky]" },
	{ "The so-called “lantern police” came.", "T[lantern police]" },
	/* Title case with no speech verb next to it: a title. */
	{ "She sang “The Night We Met” and “Salt Harbour,” twice.",
	  "T[The Night We Met] T[Salt Harbour,]" },
	{ "‘Marvellous,’ he said.", "D[Marvellous,]" },
	{ "Vane wanted “not today” instead.", "T[not today]" },
	/* ... unless a speech verb comes just before, from the lexicon or
	 * the topic file... */
	{ "Critics called it “overdue”.", "D[overdue]" },
	{ "Vane grumbled “not today” twice.", "D[not today]" },
	/* ... or further back in its sentence: reported speech. A noun of
	 * speech counts; a capitalised word is a name, no verb ("United
	 * States"). */
	{ "After the announcement that the United States and Ruritania had "
	  "a “fine” Phase 1 deal, trade rose.", "D[fine]" },
	{ "Beyond the Dry States, a “fine” Phase 1 began there.",
	  "T[fine]" },
	{ "Vane told friends that the night had been a “great success” "
	  "for all.", "D[great success]" },
	/* Chants are quotations; so are the words of an accusation. */
	{ "Marchers chanted, “Light the Lamps,” in the hall.",
	  "D[Light the Lamps,]" },
	{ "The guild accused the council of “lamp hoarding” again.",
	  "D[lamp hoarding]" },
	{ "The guild found the “lamp hoarding” odd again.",
	  "T[lamp hoarding]" },
	/* One word in lower case that no dictionary has is a term cited,
	 * unless a speech verb governs it; a dictionary word is a quotation
	 * after a speech verb further back. */
	{ "The glow is brighter than predicted from “exogenic” lamps.",
	  "T[exogenic]" },
	{ "Vane said the glow came from “exogenic” lamps.", "T[exogenic]" },
	{ "Vane called it “exogenic” and left.", "D[exogenic]" },
	{ "Vane said the glow came from “unbecoming” lamps.",
	  "D[unbecoming]" },
	{ "Vane told us that a guide was “non-negotiable” for lamps.",
	  "D[non-negotiable]" },
	/* A word that names what follows makes a title or a word cited,
	 * even after a speech verb. */
	{ "They launched a set called the “Master Builder Series” today.",
	  "T[Master Builder Series]" },
	{ "A director believed the word ‘relax’ was a note.", "T[relax]" },
	/* ... but a person who calls something a name says it. */
	{ "It was what one casting director called “the free-for-all.”",
	  "D[the free-for-all.]" },
	{ "Vane called the season “the long haul” again.",
	  "D[the long haul]" },
	/* A single quote closes before a new one opens, even after an
	 * "s" ("the young ones’"). */
	{ "She said it had been ‘lovely with the young ones’ but long, "
	  "‘and slow as well’.",
	  "D[lovely with the young ones] D[and slow as well]" },
	/* A short sentence in marks just after a quotation in its
	 * paragraph goes on with it; after a title it does not. */
	{ "“Hands up! Show me your hands!” an officer shouted. “Step out.”",
	  "D[Hands up! Show me your hands!] D[Step out.]" },
	{ "The film “Copper Sky” opened. “Step out.”\n\nIt ran.",
	  "T[Copper Sky] T[Step out.]" },
	/* ... or the span ends a sentence next to a pronoun or a verb. */
	{ "She said: “Never.”", "D[Never.]" },
	/* A nested quote stays inside the outer one. */
	{ "“He told me ‘no way’ twice,” she said.",
	  "D[He told me ‘no way’ twice,]" },
	/* ... but one that is a sentence the speaker says they said
	 * ("I said") is a quotation of its own too (listed after the
	 * others); others' lines, denied ones and named lines are not. */
	{ "“And I said, ‘We want more lamps.’ They said, ‘The guild can’t "
	  "do it.’” Vane said. “Fine,” she said.",
	  "D[And I said, ‘We want more lamps.’ They said, ‘The guild can’t "
	  "do it.’] D[Fine,] D[We want more lamps.]" },
	{ "“I can’t say ‘I do not know the lines,’ ever,” she said.",
	  "D[I can’t say ‘I do not know the lines,’ ever,]" },
	{ "“We wrote the opening line: ‘I have worn out the stones at your "
	  "door.’” she said.",
	  "D[We wrote the opening line: ‘I have worn out the stones at your "
	  "door.’]" },
	{ "‘I told them: “We light the lamps at dusk.”’ he said.",
	  "D[I told them: “We light the lamps at dusk.”] "
	  "D[We light the lamps at dusk.]" },
	{ "‘She told me: “We light the lamps at dusk.”’ he said.",
	  "D[She told me: “We light the lamps at dusk.”]" },
	/* A quote opened by a guillemet closes with one; low-high marks
	 * inside it are a quote of their own. */
	{ "Он сказал: «Гильдия ответила: „Нет“ и ушла со встречи».",
	  "D[Гильдия ответила: „Нет“ и ушла со встречи]" },
	{ "He said: «I answered: „We will not come back at all“, and "
	  "left».",
	  "D[I answered: „We will not come back at all“, and left] "
	  "D[We will not come back at all]" },
	/* A quote whose next paragraph opens with a mark goes on there,
	 * one segment per paragraph. */
	{ "“First we read the script.\n\n“Then we agree on every move,” "
	  "she said.",
	  "D[First we read the script.]+ D[Then we agree on every move,]" },
	{ "‘First we read the whole script.\n\n‘Then we agree on it,’ she "
	  "said.",
	  "D[First we read the whole script.]+ D[Then we agree on it,]" },
	/* Otherwise a quote left open ends with its paragraph. */
	{ "“Open without end\n\nNext paragraph here.", "T[Open without end]" },
	/* A term after "so-called", "known as", "the phrase", a title
	 * after "titled" or a word for a work and a comma: however long. */
	{ "The court upheld the so-called “right to be left alone” in May.",
	  "T[right to be left alone]" },
	{ "Many use a practice known as “light now, pay later” for oil.",
	  "T[light now, pay later]" },
	{ "Fans took up the phrase “we light at dawn, all of us” today.",
	  "T[we light at dawn, all of us]" },
	{ "The report, titled “A future for all of us in the north,” came "
	  "out.", "T[A future for all of us in the north,]" },
	{ "Her latest book, “How we learned to love the lamp again,” sold "
	  "well.", "T[How we learned to love the lamp again,]" },
	{ "In the words of one analyst, “worse than anyone expected this "
	  "year.”", "D[worse than anyone expected this year.]" },
	/* A title with a subtitle after a colon, twice as long. */
	{ "They watched “The Lamp of the North: The Return of the Wick” "
	  "twice.", "T[The Lamp of the North: The Return of the Wick]" },
	{ "She said: “We light the lamps: all of them, every night.”",
	  "D[We light the lamps: all of them, every night.]" },
	/* A noun of naming, then a comma or "was": a motto or a nickname
	 * of any length; a person who calls a thing so says it. */
	{ "The guild's motto, “Keep the lamps lit, whatever the weather,” "
	  "was everywhere.",
	  "T[Keep the lamps lit, whatever the weather,]" },
	{ "His nickname was “the man who never sleeps at night.”",
	  "T[the man who never sleeps at night.]" },
	{ "Vane called the new guild a “bold effort like the town has "
	  "never seen.”", "D[bold effort like the town has never seen.]" },
	/* A slogan or tagline is no quotation however long, nor after
	 * "The tagline?". */
	{ "They chose the slogan “Lanterns, we are on it, all of us, every "
	  "day.”", "T[Lanterns, we are on it, all of us, every day.]" },
	{ "The tagline? “Lanterns. We are on it.”",
	  "T[Lanterns. We are on it.]" },
	/* A sung line is no quotation, nor the lines after it in its
	 * paragraph with no verb of their own; a said one after it is. */
	{ "“We carry the lamp down to the harbour,” she sings. “And we "
	  "never let it go out at all.”\n\nThen she bows.",
	  "T[We carry the lamp down to the harbour,] "
	  "T[And we never let it go out at all.]" },
	{ "Then Bea sings: “Carry me home to the harbour tonight.”",
	  "T[Carry me home to the harbour tonight.]" },
	/* The text of a sign people carry is a quotation; a book read is
	 * none. */
	{ "They marched with placards reading “Light, don’t burn”.",
	  "D[Light, don’t burn]" },
	{ "He read “War and Peace” twice.", "T[War and Peace]" },
	/* French guillemets with spaces inside open before a word in any
	 * case; the spaces are no part of the quote. */
	{ "She said her players had been « trop gentils » in front of the "
	  "net.", "D[trop gentils]" },
	/* Lines of verse with a slash between them; a slash inside a word
	 * is none. */
	{ "On the last track the sisters trade verses: “You light the lamp "
	  "/ I carry it home.”", "T[You light the lamp / I carry it home.]" },
	{ "She said the guild works “24/7 and/or more, all year round”.",
	  "D[24/7 and/or more, all year round]" },
	{ "“We carry the lamp down to the harbour,” she sings. “That song "
	  "is for my mother,” she said later.",
	  "T[We carry the lamp down to the harbour,] "
	  "D[That song is for my mother,]" },
	{ "“We sing it every night at the harbour,” she said.",
	  "D[We sing it every night at the harbour,]" },
	{ "“We carry the lamp down to the harbour,” she sings.\n\n“And we "
	  "never let it go out at all.”",
	  "T[We carry the lamp down to the harbour,] "
	  "D[And we never let it go out at all.]" },
	/* A headline or slogan with every word capitalised, small words
	 * too, is no quotation unless a speech verb comes with it. */
	{ "‘Lamps. We're On It.’: Harrow spends $4,000 on new posters",
	  "T[Lamps. We're On It.]" },
	{ "Posters read “Light Up The Town” all week.",
	  "T[Light Up The Town]" },
	{ "“Are You On It?” Vane asked the crowd.", "D[Are You On It?]" },
	{ "‘Lamps. We are on it.’ That was all the poster said.",
	  "D[Lamps. We are on it.]" },
	/* What a song, an ad or a headline says, in a sentence that names
	 * no person, is no quotation; a sign's text is, and so is what a
	 * person says about a song. */
	{ "The song opens with “I was born by the harbour and I never "
	  "left.”", "T[I was born by the harbour and I never left.]" },
	{ "Its chorus goes: “Take me home to the harbour tonight.”",
	  "T[Take me home to the harbour tonight.]" },
	{ "The headline read: “Harbour town runs out of lamp oil.”",
	  "T[Harbour town runs out of lamp oil.]" },
	{ "The sign read “No more dark streets in our town.”",
	  "D[No more dark streets in our town.]" },
	{ "Vane said the song was “the best thing we ever made.”",
	  "D[the best thing we ever made.]" },
	/* A title as the subject of a verb, after a speech verb. */
	{ "Vane said “Copper Sky” was the hardest to finish.",
	  "T[Copper Sky]" },
	{ "Vane said “Copper Sky” and left.", "D[Copper Sky]" },
	/* ... or before a role or a part of a work, which it names. */
	{ "“Copper Sky” star Ana Pike said so.", "T[Copper Sky]" },
	{ "Vane told fans “Copper Sky” season two was done.",
	  "T[Copper Sky]" },
	/* ... and the paragraphs of one line in marks after a paragraph
	 * ending "sings:", until a line is said. */
	{ "Then Bea sings:\n\n“Carry me home to the harbour tonight.”\n\n"
	  "“Light the way for the boats coming in.”\n\n“That was for my "
	  "mother,” she said.",
	  "T[Carry me home to the harbour tonight.] "
	  "T[Light the way for the boats coming in.] "
	  "D[That was for my mother,]" },
	{ "Then Bea said:\n\n“Carry me home to the harbour tonight.”",
	  "D[Carry me home to the harbour tonight.]" },
	/* A quoted name inside a noun phrase, or a model code. */
	{ "They backed the “one lantern, two wicks” formula again.",
	  "T[one lantern, two wicks]" },
	{ "Protests hit the self-declared “interim” council today.",
	  "T[interim]" },
	/* ... unless a speech verb governs it. */
	{ "Vane slammed the “reckless” council today.", "D[reckless]" },
	{ "The manual for the ‘LX600F4’, which I own, is good.",
	  "T[LX600F4]" },
	/* Two quoted words joined by "or" or "and" before a noun name
	 * classes or cues, whatever stands before them. */
	{ "Forecasters warned the haze could reach “grim” or “dire” levels "
	  "soon.", "T[grim] T[dire]" },
	{ "The course covers the use of ‘stop’ and ‘go’ signals in class.",
	  "T[stop] T[go]" },
	/* A slogan with its own full stops between "the" and a noun. */
	{ "It is as odd as the \"Lamps. We're On It.\" campaign was.",
	  "T[Lamps. We're On It.]" },
	/* A thing that calls something a name names it; a person who
	 * calls it so says it. */
	{ "It is what the contract calls a “shadow copy” of her.",
	  "T[shadow copy]" },
	{ "It is what Vane calls a “shadow copy” of her.",
	  "D[shadow copy]" },
	/* A span right after a word for a work is its title, in any case:
	 * "the report ‘...’", "episode 12: ‘...’". */
	{ "About the report ‘Lantern makers to join the guild at last’ (May "
	  "2), I disagree.", "T[Lantern makers to join the guild at last]" },
	{ "The Wick Hour, episode 12: ‘Who Holds the Lamp?’ Our host is "
	  "Bea.", "T[Who Holds the Lamp?]" },
	{ "The Long Shot, episode 12: ‘Who Holds the Lamp?’ Our host is "
	  "Bea.", "T[Who Holds the Lamp?]" },
	{ "She called her new film “about as much fun as a tax form, and "
	  "longer,” then left.",
	  "D[about as much fun as a tax form, and longer,]" },
	/* A closing mark at the start of a word, with no quote open, opens
	 * one; an opening mark after a word closes it. */
	{ "Vane spoke.\n\n”We light the lamps at dusk,” she said.",
	  "D[We light the lamps at dusk,]" },
	{ "Then “we light the lamps at dusk,“ she said.",
	  "D[we light the lamps at dusk,]" },
	{ "The sum was 5” wide, and he said so.", "" },
	/* A curly closing mark after a space still closes. */
	{ "The report found “delays, cost increases and staff losses ”. "
	  "That was all.", "D[delays, cost increases and staff losses]" },
	/* So does a straight one when the sentence goes on in lower case
	 * or with punctuation; before a capital it opens the next. */
	{ "\"Who are we now? \" she asked. \"We are the guild.\"",
	  "D[Who are we now?] D[We are the guild.]" },
	{ "\"We light the lamps \", she said, \"and we go home.\"",
	  "D[We light the lamps] D[and we go home.]" },
	{ "\"We light the lamps \" Then we go home.\"",
	  "D[We light the lamps \" Then we go home.]" },
	/* A space typed after the opening mark, before a capital, after a
	 * sentence; an inch mark is none. */
	{ "\"We can go on,\" he said. \" We have the lamps and the oil.\"",
	  "D[We can go on,] D[We have the lamps and the oil.]" },
	{ "It is a 12 \" wide frame, and a 14 \" one.", "" },
	/* In Korean a particle joins the closing mark, which the words
	 * keep inside them; in English that is an apostrophe. */
	{ "그는 말했다. ‘사랑하는 사람의 추억을 간직’하는 일이 될까.",
	  "D[사랑하는 사람의 추억을 간직]" },
	{ "He said ‘we will keep the lamps lit in the town’s square’ "
	  "again.", "D[we will keep the lamps lit in the town’s square]" },
	/* Apostrophes are no quotes ('n' is quoted, but as a title would
	 * be: never a quotation). */
	{ "The actors' union met in the '90s.", "" },
	{ "Rock 'n' roll didn't stop.", "T[n]" },
	/* A gloss or a translation is no quotation: in parentheses after a
	 * quoted word, or after "meaning" or "translates as". */
	{ "The guild's word “lumen” (“the light a lamp owes the street”) "
	  "is old.", "T[lumen] T[the light a lamp owes the street]" },
	{ "The motto translates roughly as “the wick does not choose its "
	  "flame”.", "T[the wick does not choose its flame]" },
	{ "They use a word meaning “the hour before the lamps are lit” "
	  "there.", "T[the hour before the lamps are lit]" },
	{ "Vane said through a translator “we light the lamps for the "
	  "dead”.", "D[we light the lamps for the dead]" },
	/* After a determiner or a possessive, "show", "hit", "game" and
	 * the like are works: what follows is a title; as verbs they are
	 * not. */
	{ "Her hit “we were never going home” topped the charts.",
	  "T[we were never going home]" },
	{ "The guild's new game “orbit of the lonely lamp” is out.",
	  "T[orbit of the lonely lamp]" },
	{ "The figures show “a guild that has lost its way”, Vane said.",
	  "D[a guild that has lost its way]" },
	/* "headlined", "title", "referred to as" name what follows. */
	{ "A story headlined “guild votes to close the old lamp works” ran "
	  "on Monday.", "T[guild votes to close the old lamp works]" },
	{ "Its working title was “what the lamps know about us”.",
	  "T[what the lamps know about us]" },
	{ "It is referred to as “the last mile of the lamp trade” there.",
	  "T[the last mile of the lamp trade]" },
	/* A headline in a list of links. */
	{ "Read more: “Storm leaves the lantern quarter without light "
	  "again”", "T[Storm leaves the lantern quarter without light "
	  "again]" },
	/* A line nobody said: after a modal with a generic subject,
	 * "instead of", a negation; with a named subject it was said. */
	{ "You might say “this is just another lamp with a wick”, but no.",
	  "T[this is just another lamp with a wick]" },
	{ "Instead of saying “we are sorry for the dark”, try a lamp.",
	  "T[we are sorry for the dark]" },
	{ "Vane never said “the guild will close the works”, she said.",
	  "T[the guild will close the works]" },
	{ "Vane would say “the guild will close the works” every year.",
	  "D[the guild will close the works]" },
	/* A term the sentence defines, an idea after "the notion of". */
	{ "“Lamp lag at the works” refers to a slow start.",
	  "T[Lamp lag at the works]" },
	{ "She rejected the notion of “a lamp for every single house” "
	  "outright.", "T[a lamp for every single house]" },
	/* A phrase between an article and a noun names a kind of thing,
	 * up to twice as long as a short one; a sentence there is a sign's
	 * words. */
	{ "The guild was criticised for its “too big to fail, too big to "
	  "douse” culture of lamps.", "T[too big to fail, too big to douse]" },
	{ "They held a “We are closed now. Go home.” sign up.",
	  "D[We are closed now. Go home.]" },
	/* Lines rapped or hummed are sung; what is searched for or typed,
	 * a code, an acronym or an expression is a term. */
	{ "“We light the lamps when the town goes dark,” Vane raps on the "
	  "track.", "T[We light the lamps when the town goes dark,]" },
	{ "Searches for “best lamp oil near me tonight” doubled.",
	  "T[best lamp oil near me tonight]" },
	{ "Use the code “LAMPS FOR EVERY HOUSE” at the till.",
	  "T[LAMPS FOR EVERY HOUSE]" },
	{ "She typed “how to light a lamp in the rain” and waited.",
	  "T[how to light a lamp in the rain]" },
	{ "Asked about the new dress code, “It is fine by all of us,” Vane "
	  "said.", "D[It is fine by all of us,]" },
	/* "her singing" is a noun: the verb before it reports the words. */
	{ "One review called her singing “brave, in the way a man walking "
	  "into traffic is brave”.",
	  "D[brave, in the way a man walking into traffic is brave]" },
	/* A title by its frame: performed, a cover of, a year or "by" and
	 * a name after it; the agent of a passive is no author. */
	{ "The band performed “when the lamps go out again” twice.",
	  "T[when the lamps go out again]" },
	{ "Her cover of “the lamp that never went out” won.",
	  "T[the lamp that never went out]" },
	{ "She read “the house on the lantern hill” (2019) at school.",
	  "T[the house on the lantern hill]" },
	{ "He loved “the long way home to the lamps” by Ana Pike.",
	  "T[the long way home to the lamps]" },
	{ "The plan was seen as “a lamp without any oil in it” by Vane.",
	  "D[a lamp without any oil in it]" },
	/* A name by which one is known, with words before "as". */
	{ "Known to the guild simply as “the man who never lets a lamp go "
	  "out”, Vane retired.", "T[the man who never lets a lamp go out]" },
};

static void
test_quote_spans(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run(&d, cases[i].text);
		show_quotes(&d, &out);
		su_expect(cases[i].text, out.p, cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

/* The tokens inside a quotation carry its index; those inside a title are
 * marked TM_TITLEQ (and people.h skips them). */
static void
test_token_marks(void **state)
{
	const char *text = "The film “Copper Sky” opened. “We will all go,” "
			   "she said.";
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	run(&d, text);
	for (i = 0; i < d.tk.n; i++) {
		if (i)
			buf_addc(&out, ' ');
		if (d.tk.v[i].quote >= 0)
			buf_addf(&out, "%d", (int)d.tk.v[i].quote);
		else
			buf_addc(&out, (d.tmark[i] & TM_TITLEQ) ? 't' : '-');
	}
	/* The film " Copper Sky " opened . " We will all go , " she said . */
	su_expect(text, out.p, "- - - t t - - - - 1 1 1 1 1 - - - -");
	assert_int_equal(d.q[1].open, 8);
	assert_int_equal(d.q[1].close, 14);
	assert_int_equal(d.q[1].speaker, -1); /* attrib.h sets it */
	buf_release(&out);
	doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote_spans),
		cmocka_unit_test(test_token_marks),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
