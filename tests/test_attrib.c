/* test_attrib.c -- the attribution step (attrib.h) alone, after prep.h,
 * mark.h, quote.h and people.h: the speaker of each quotation (speech
 * verbs, pronouns, paragraphs). Stance is test_polarity.c. The people
 * and the sentences are invented for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/stance/doc.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "tests/stepsutil.h"

#include <string.h>

static const char topic_text[] =
	"term     lantern guild*\n"
	"ref      the guild\n"
	"pro      praise* | a lifeline\n"
	"con      condemned | a nuisance\n"
	"negator  not | never\n"
	"role     lamplighter\n";

SU_FIXTURE(topic_text, SU_ATTRIB)

/* The speaker of each quotation in order, "-" for none. */
static void
show_speakers(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		if (!q->direct)
			continue;
		buf_addf(out, "%s%s", out->len ? " | " : "",
			 q->speaker >= 0 ? d->p[q->speaker].name : "-");
	}
}

static const struct {
	const char *text;
	const char *want;
} speaker_cases[] = {
	/* After the quotation: a name and a verb, or an inverted verb. */
	{ "Director Tomas Quill has a plan. “It changed how we rehearse,” "
	  "Quill said.", "Tomas Quill" },
	{ "“We will not stop now,” said Mara Voss.", "Mara Voss" },
	{ "“We start at dawn tomorrow,” said the cinematographer Cliff "
	  "Barton.", "Cliff Barton" },
	/* A quotation nested in another, which "I" says, is the outer
	 * speaker's. */
	{ "Tomas Quill spoke. “And I said, ‘We want more lamps.’ They said, "
	  "‘The guild can’t do it.’” Quill said.",
	  "Tomas Quill | Tomas Quill" },
	/* Two people share a surname: the surname alone is the one
	 * introduced last before it, or the first after it when none is. */
	{ "Singer Nell Arbuckle wrote the album. “It took a year,” Arbuckle "
	  "said. Her brother, Rafe Arbuckle, plays bass. “She never sleeps,” "
	  "Arbuckle said.", "Nell Arbuckle | Rafe Arbuckle" },
	{ "“We were broke,” Arbuckle said. Singer Nell Arbuckle and her "
	  "brother, Rafe Arbuckle, wrote it.", "Nell Arbuckle" },
	/* An epithet refers back to a person named before. */
	{ "Director Tomas Quill arrived. “We start at dawn tomorrow,” the "
	  "director said.", "Tomas Quill" },
	/* A pronoun refers to the person of its gender named before. */
	{ "Producer Helen Marsh hired a lamplighter after talking to "
	  "director Paul Okoro. “It was essential,” she said.",
	  "Helen Marsh" },
	{ "Producer Helen Marsh hired a lamplighter after talking to "
	  "director Paul Okoro. “It was essential,” he said.",
	  "Paul Okoro" },
	/* A name in the complement of an apposition to the subject is no
	 * speaker; the subject is. A name that is the apposition is. */
	{ "Prince Edmund, the younger brother of the heir to the lamp "
	  "guild, Tomas Quill, has told friends that the vote was a “great "
	  "success”.", "Edmund" },
	{ "Mara Voss, the widow of the lamplighter Tomas Quill, said: “He "
	  "never slept.”", "Mara Voss" },
	{ "Her old assistant, the lamplighter Radek Hora, called the guild "
	  "“the bravest of them all”.", "Radek Hora" },
	/* A verb of saying written with a capital inside a name ("Crane
	 * Shot") is part of the name: the name before the quote speaks. */
	{ "Margit Solvang called it “a small miracle,” while Crane Shot’s "
	  "Dana Ortiz found it “so intimate it forgets to invite us.”",
	  "Margit Solvang | Dana Ortiz" },
	/* Where a name works ("of the Lamp Gazette") stands between it and
	 * its verb. */
	{ "Dana Ortiz of the Lamp Gazette found it “dull, like a wick in "
	  "water”, while Paul Anand of Wick Weekly praised its “gleeful, "
	  "smoky nastiness” and its oil.", "Dana Ortiz | Paul Anand" },
	/* A quotative "go" or "be like" is a verb of saying; "he'd" and
	 * "she'll" are pronouns. */
	{ "Tomas Quill checked the lamps. Every hour he'd pop up and go, "
	  "\"Are we all still good, Mara?\" The lamps were lit.",
	  "Tomas Quill" },
	{ "Mara Voss watched. And I was like, “No way, not again.”", "-" },
	{ "Mara Voss watched the guild. She'll tell you, “No way, not "
	  "again.”", "Mara Voss" },
	/* A quote in the first person inside a sentence about a thing is
	 * the words of the person the sentence before is about; not one
	 * in the third person. */
	{ "Mara Voss has worked with two lamplighters, and the two could "
	  "not have been more different. The first, on a harbour job, "
	  "“treated the lamps like a dance and me like a colleague”.",
	  "Mara Voss" },
	{ "Mara Voss has worked with two lamplighters, and the two could "
	  "not have been more different. The first, on a harbour job, "
	  "“treated the lamps like a dance and the crew like colleagues”.",
	  "-" },
	/* A participle of saying after the quote goes on with the subject;
	 * the name after "that" is reported, no speaker. */
	{ "Lena Frost, an analyst at Harrow Pictures, said the price was "
	  "“at the top of what we expected”, adding that Mr Okoro “will have "
	  "to show the lamps are real”.", "Lena Frost | Lena Frost" },
	/* Before the quotation: the subject of a speech verb, or a colon
	 * at the end of the paragraph before. */
	{ "Actress Nadia Brennan added: “I felt safe for the first time.”",
	  "Nadia Brennan" },
	{ "Director Tomas Quill put it simply:\n\n“We start at dawn "
	  "tomorrow.”", "Tomas Quill" },
	/* Somebody unnamed, or no person: no speaker. */
	{ "A veteran casting director said: “Nobody asked us anything at "
	  "all.”", "-" },
	{ "The guild said in a statement: “We welcome the new rules "
	  "today.”", "-" },
	/* The previous speaker goes on in the paragraph... */
	{ "Writer Lena Frost praised the lantern guild. “It works for "
	  "everyone here,” she said. “We need more of it.”",
	  "Lena Frost | Lena Frost" },
	/* ... unless somebody else is named in between. */
	{ "“It works for everyone here,” Lena Frost said. Amos Reyes "
	  "disagreed. “We need more of it.”", "Lena Frost | Amos Reyes" },
	/* A quotation over two paragraphs: its first segment has the
	 * speaker of the last. */
	{ "Coordinator Ines Albright explained her work.\n\n“First we read "
	  "the script together.\n\n“Then we agree on every move before the "
	  "cameras roll,” Albright said.", "Ines Albright | Ines Albright" },
	/* A question or exclamation inside the marks, then a capitalised
	 * name: the reporting clause goes on, not a new sentence. */
	{ "Amos Reyes praised the plan. “It works,” he said.\n\n“Why would "
	  "anyone rehearse at night?” Mara Voss, a stage manager, asked.",
	  "Amos Reyes | Mara Voss" },
	{ "“That is not the scene we rehearsed!” Cliff Barton shouted.",
	  "Cliff Barton" },
	/* A quotation alone in its paragraph, after a paragraph about one
	 * person (named or "she" last); not after one naming two. */
	{ "The lamplighters met.\n\nLena Frost addressed the crowd. She was "
	  "angry.\n\n“We will not work another night for this pay.”",
	  "Lena Frost" },
	{ "The lamplighters met.\n\nLena Frost addressed the crowd with "
	  "Amos Reyes.\n\n“We will not work another night for this pay.”",
	  "-" },
	/* "she said" with nobody near: the woman the article is about;
	 * nobody when two women are named as often. */
	{ "Lena Frost has led the lamplighters since 2015. Frost grew up in "
	  "the town.\n\nThe town says it cannot pay more. Its office "
	  "published figures.\n\nEconomists disputed the figures.\n\nParents "
	  "are worried.\n\nThe lamps stay dark tonight.\n\n“We will not work "
	  "another night for this pay,” she said.", "Lena Frost" },
	{ "Lena Frost and Ada Reyes lead the lamplighters. Frost and Reyes "
	  "grew up in the town.\n\nThe town says it cannot pay more. Its "
	  "office published figures.\n\nEconomists disputed the figures."
	  "\n\nParents are worried.\n\nThe lamps stay dark tonight.\n\n"
	  "“We will not work another night for this pay,” she said.", "-" },
	/* Russian: a verb of saying after the dash, or before a colon. */
	{ "Министр Аркадий Зубарев встретился с коллегами. «Мы договорились "
	  "о новых встречах», — сказал Зубарев журналистам. Представитель "
	  "ведомства Ольга Мелентьева заявила: «Визит перенесён на осень».",
	  "Аркадий Зубарев | Ольга Мелентьева" },
};

static void
test_speakers(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(speaker_cases) / sizeof(speaker_cases[0]);
	     i++) {
		run(&d, speaker_cases[i].text);
		show_speakers(&d, &out);
		su_expect(speaker_cases[i].text, out.p, speaker_cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

/* Each quotation's speaker (a person, an organisation as written, or
 * "-") and the sieve that found it. */
static void
show_sieves(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->nq; i++) {
		const struct quote *q = &d->q[i];

		if (!q->direct)
			continue;
		buf_addf(out, "%s", out->len ? " | " : "");
		if (q->speaker >= 0)
			buf_adds(out, d->p[q->speaker].name);
		else if (q->kind == SPK_ORG)
			buf_add(out, d->text + q->orgo, q->orgl);
		else
			buf_adds(out, "-");
		buf_addf(out, "/%s", doc_sieve_name(q->sieve));
	}
}

static const struct {
	const char *text;
	const char *want;
} sieve_cases[] = {
	/* Exact patterns: "according to", "so says", "X replies", a
	 * long job title before the name after the quote. */
	{ "“The plan is dead,” according to Mara Voss.",
	  "Mara Voss/trailing" },
	{ "Mara Voss spoke. According to Voss, the plan “is dead now and "
	  "will stay dead”.", "Mara Voss/according-to" },
	{ "“The rules help everyone,” so says Tomas Quill.",
	  "Tomas Quill/trailing" },
	{ "Tomas Quill was asked. “No comment at all today,” Quill "
	  "replies.", "Tomas Quill/trailing" },
	{ "“We saw water vapour above the moon,” lead researcher and "
	  "planetary scientist Lucas Pagano said.", "Lucas Pagano/trailing" },
	{ "Mara Voss spoke.\n\n“The plan is dead for this year,” according "
	  "to a statement from Tomas Quill.", "Tomas Quill/according-to" },
	/* ... past an organisation's plural possessive in the title. */
	{ "Mara Voss spoke.\n\n“Nobody expected this,” Harrow Lamplighters' "
	  "senior vice president for northern routes Tomas Quill told "
	  "reporters.", "Tomas Quill/trailing" },
	/* A role pointing ahead, past its complement, to the name. */
	{ "Mara Voss spoke.\n\n“The plan is dead for this year,” said the "
	  "president of the town’s oldest lamplighters guild, Tomas Quill.",
	  "Tomas Quill/trailing" },
	/* A quotation signed with a dash and a name. */
	{ "Mara Voss spoke.\n\n“The plan is dead for this year.” — Tomas "
	  "Quill\n\nThe guild met.", "Tomas Quill/trailing" },
	/* ... with words in lower case before the name (a role), and a
	 * comma or a full stop after it; not the person named before. */
	{ "Mara Voss spoke.\n\n“We never had a year like this.” — veteran "
	  "programmer Tomas Quill, at the launch\n\nThe guild met.",
	  "Tomas Quill/trailing" },
	{ "Mara Voss spoke.\n\n“The queues started at dawn,” — volunteer "
	  "Tomas Quill.\n\nThe guild met.", "Tomas Quill/trailing" },
	/* Epithets: the person introduced with that role. */
	{ "Director Tomas Quill met producer Helen Marsh. “We start at "
	  "dawn,” the director said.", "Tomas Quill/epithet" },
	{ "Helen Marsh, a producer, met Tomas Quill, a director. “We start "
	  "at dawn,” the producer said.", "Helen Marsh/epithet" },
	/* ... or, with nobody before, the one introduced with it after;
	 * an owner's possessive before a role makes an epithet too. */
	{ "Harrow’s envoy to Wickshire warned that the town “will not sit "
	  "on its hands”.\n\nThe guild met.\n\nHarrow’s envoy to "
	  "Wickshire, Tomas Quill, has said more.", "Tomas Quill/epithet" },
	{ "The envoy warned that the town “will not sit on its hands”.\n\n"
	  "Mara Voss met Envoy Tomas Quill later.", "Tomas Quill/epithet" },
	/* The agent of a participle's phrase after a person named before
	 * it is no speaker; with nobody before, it speaks for the subject. */
	{ "Judge Marta Ilves ruled that the pump, designed by engineers Ada "
	  "Korr and Ben Korr in 2017, was “anticipated by older work”.",
	  "Marta Ilves/subject" },
	{ "The panel, chaired by Marta Ilves, found that “nothing of the "
	  "outline survives”.", "Marta Ilves/subject" },
	/* A place's name and an organisation's word in lower case. */
	{ "The inquest ended. Harrowby police said they “supported the "
	  "findings in full”.", "Harrowby police/organisation" },
	/* A word for what a company is before its name opening the
	 * sentence is no part of the name. */
	{ "Developer Brackwater Renewables said it would fund “a trust for "
	  "the whole glen”.", "Brackwater Renewables/organisation" },
	{ "Provost Perpetua Vantreece met Tomas Quill. “It was a fair "
	  "debate,” the provost said.", "Perpetua Vantreece/epithet" },
	/* Pronouns by gender, also a gender the text gives with a noun
	 * ("is one of the few women"). */
	{ "Kim Okoro is one of the few women on the guild council. Jordan "
	  "Vane met Okoro at the hall. “We stay,” she said.",
	  "Kim Okoro/pronoun" },
	/* Pronouns by gender. */
	{ "Producer Helen Marsh met director Paul Okoro. “It was hard,” "
	  "he said.", "Paul Okoro/pronoun" },
	/* Participles belong to the sentence's subject. */
	{ "Helen Marsh urged Paul Okoro to sign, saying “time is running "
	  "out for all of us”.", "Helen Marsh/leading" },
	/* No verb: the subject of the sentence before in the paragraph. */
	{ "Helen Marsh is wary of the fuss. “People want me to be a saint "
	  "or a villain.”", "Helen Marsh/subject" },
	/* Organisations the text names, by their head noun. */
	{ "The Lantern Makers Guild met on Monday. “We welcome the new "
	  "rules today,” the guild said in a statement.",
	  "Lantern Makers Guild/organisation" },
	/* ... a name with its number ("Local 882"). */
	{ "Lamplighters Local 882 voted on Monday. “We will walk out at "
	  "dusk,” the local said.", "Lamplighters Local 882/organisation" },
	/* "they said", "it says", "the statement said": the organisation
	 * that spoke last, or the one the sentence before names. */
	{ "The Lantern Makers Guild met on Monday. “We welcome the new "
	  "rules today,” the guild said. “We will say more soon,” it says.",
	  "Lantern Makers Guild/organisation | "
	  "Lantern Makers Guild/organisation" },
	{ "Harrow Pictures have twice denied it. “At no point did we "
	  "block anything,” they said in a statement.",
	  "Harrow Pictures/organisation" },
	/* ... the one a speech verb follows, with its lower-case head
	 * nouns, not a capitalised modifier opening the sentence. */
	{ "Three Harrow Valley lamp makers were fined, the UK lamp agency "
	  "said on Monday. “The fines stand for now,” the statement said.",
	  "UK lamp agency/organisation" },
	{ "In a joint note, the Harrow and Wick lamp guilds accused the "
	  "council of “lamp hoarding”.",
	  "Harrow and Wick lamp guilds/organisation" },
	{ "The Harrow Valley lamps burned. “They did not go out at all,” "
	  "the statement said.", "Harrow Valley/organisation" },
	/* A full stop inside a web address or an abbreviation ends no
	 * sentence: the person before the verb speaks, not the
	 * organisation of their title; a real stop ends the search. */
	{ "Guild spokesman Tomas Quill told Lamps.info that the U.K. guild "
	  "is “working on the new rules with the council.”",
	  "Tomas Quill/leading" },
	{ "Lantern Makers Guild spokesman Tomas Quill spoke. The guild is "
	  "“working on the new rules with the council.”",
	  "Lantern Makers Guild/organisation" },
	/* A long capitalised name after the quote, with "of the" and a
	 * role inside it after an organisation word. */
	{ "“The audit found serious problems,” the Office of the Lamp "
	  "Inspector said in a report.",
	  "Office of the Lamp Inspector/organisation" },
	/* The head noun in lower case after the name it was given
	 * before. */
	{ "The Harrow and Wick lamp guilds met. Later that day, the guilds "
	  "said the plan was “a gift to oil sellers.”",
	  "Harrow and Wick lamp guilds/organisation" },
	/* A group the text does not name is not the speaker before. */
	{ "“We will open at dusk,” Tomas Quill said. “The road stays shut "
	  "until Friday,” police said.",
	  "Tomas Quill/trailing | -/anonymous" },
	/* An organisation after the verb, or through its report. */
	{ "“Growth is coming back next year,” said a report from Kestrel "
	  "Securities.", "Kestrel Securities/organisation" },
	/* No verb and no person: an organisation as the subject. */
	{ "The Pentagon rejected the claims as “patently false and "
	  "absurd”.", "Pentagon/organisation" },
	/* Nothing else: the organisation named nearest before the quote,
	 * with its verb; an owner's possessive is no part of its name. */
	{ "Prices rose as the Harrow Lamp Guild released a report that "
	  "found “steep rises in oil costs”.",
	  "Harrow Lamp Guild/organisation" },
	{ "Prices rose as Harrow’s Office of Lamp Standards released a report "
	  "that found “steep rises in oil costs”.",
	  "Office of Lamp Standards/organisation" },
	{ "Prices rose after the Harrow Lamp Guild met, and oil firms "
	  "found “steep rises in oil costs”.", "-/" },
	/* ... but not when "she" or "he" says it. */
	{ "The Harrow Lamp Guild met at the hall. “We stay,” she said.",
	  "-/" },
	{ "The Harrow Lamp Guild met at the hall. “We stay,” it said.",
	  "Harrow Lamp Guild/organisation" },
	/* A name with an organisation in its title ("Club president X")
	 * is the subject; the organisation is no speaker. */
	{ "Lamp Club president Tomas Quill said the oil had come. “We cannot "
	  "afford more of it this winter.”", "Tomas Quill/subject" },
	{ "Wick Lamp Club founder arrived at the hall with “a plan for the "
	  "whole winter”.", "-/" },
	{ "Wick Lamp Club arrived at the hall with “a plan for the whole "
	  "winter”.", "Wick Lamp Club/organisation" },
	{ "The guild met.\n\nThird-year lamp student Tomas Quill was "
	  "scathing. “Great. Nobody will ever light one again.”",
	  "Tomas Quill/subject" },
	{ "The guild met.\n\nLamplighters' association spokesman Tomas "
	  "Quill welcomed it. “Good. People pay for light.”",
	  "Tomas Quill/subject" },
	{ "Mara Voss spoke first. “We light at dusk.”\n\nThe guild's "
	  "oldest member, Dr Tomas Quill, was more cautious. \"We'll see. "
	  "Ask me in June.\"", "Mara Voss/subject | Tomas Quill/subject" },
	{ "Mara Voss has views on everything.\n\nOn her co-star in the "
	  "lamp drama, the young actor Tomas Quill, she is unstinting: "
	  "“That boy is the best thing to happen to the guild.”",
	  "Mara Voss/colon" },
	/* A long introductory clause before the subject. */
	{ "Tomas Quill arrived.\n\nAsked at the launch of the harbour "
	  "lamp drama Wickfield whether he had worked with a lamp "
	  "coordinator for the night scenes, the 33-year-old grinned. "
	  "“Yeah, there was one.”", "Tomas Quill/subject" },
	{ "Mara Voss arrived.\n\nOn lamp coordinators, which the guild "
	  "brought in for two nights, she is less warm. “I am not convinced "
	  "we need them.”", "Mara Voss/subject" },
	/* ... and past a noun phrase to a name in apposition. */
	{ "The guild met.\n\nThe film’s lead, Tomas Quill, was "
	  "diplomatic. “We talked about every lamp, and I trust him.”",
	  "Tomas Quill/subject" },
	/* A name after a verb is its object; the subject speaks. */
	{ "Helen Marsh introduced Paul Okoro to the crowd as “the best "
	  "lamplighter I have ever known”.", "Helen Marsh/subject" },
	/* A colon introduces the subject of its sentence. */
	{ "Helen Marsh found one drawback to working with Paul Okoro and "
	  "Lena Frost: “They are far better singers than me.”",
	  "Helen Marsh/colon" },
	/* '"...," Name <any verb>': the quotation's comma asks for it. */
	{ "“We all miss him so much,” Lena Frost weighed in.",
	  "Lena Frost/trailing" },
	/* ... unless that verb opens the next quotation, in capitals. */
	{ "Helen Marsh spoke first. Paul Okoro said, “How is that?” Helen "
	  "Marsh replied, “Love them a little, not too much.”",
	  "Paul Okoro/leading | Helen Marsh/leading" },
	/* Genders from the pronouns after a subject ("Okafor ... she");
	 * a name beside a subject "she" is not the next "she". */
	{ "Ngozi Adeyemi-Oduya asked for mercy, saying she did not want a "
	  "harsh sentence. Later Paul Okoro spoke. “We must teach him "
	  "love,” she said.", "Ngozi Adeyemi-Oduya/pronoun" },
	{ "Helen Marsh worried. She was more nervous than Tamsin Rook had "
	  "ever been. “It was terrifying,” she said.",
	  "Helen Marsh/pronoun" },
	/* A possessor or a preposition's object is less salient than the
	 * subject of the sentences before. */
	{ "Director Paul Okoro flew to Rome. Okoro claims that he felt bound "
	  "to go. The trip meant three days at Tomas Quill’s mansion. It was "
	  "odd. He told the interviewer: “I had to see him and talk to him.”",
	  "Paul Okoro/pronoun" },
	/* A place word as the surname of a person named in full. */
	{ "Songwriters Caitlyn Smith and Kate York joined. “It is a "
	  "different muscle,” York said.", "Kate York/trailing" },
	/* A reporting clause closing the sentence governs all of it; an
	 * object after "and" is still no speaker. */
	{ "Governor Kristi Noem spoke. The crisis is “growing at an "
	  "alarming rate” and affects every town, Noem said on Monday.",
	  "Kristi Noem/trailing" },
	{ "Critics called the show “a terrible mess of a thing” and singled "
	  "out its lead, Imre Vass, for praise.", "-/" },
	/* The leader of a group that writes. */
	{ "Lucas Pagano leads the study. “We suggest that the vapour rises "
	  "lower than thought,” Pagano and his team wrote in the paper.",
	  "Lucas Pagano/trailing" },
	/* One who speaks for an organisation the text names. */
	{ "An actor sued Harrow Pictures. “We dispute these claims and will "
	  "respond in court,” a Harrow Pictures spokesperson said.",
	  "Harrow Pictures/organisation" },
	/* A spokesperson named for no one speaks for the organisation a
	 * verb of saying followed just before; not after "for" someone
	 * else, and not with no such organisation. */
	{ "Kestrel Valley Police said the road was shut for six hours. “We "
	  "thank drivers for their patience,” a spokesperson said.",
	  "Kestrel Valley Police/organisation" },
	{ "Kestrel Valley Police said the road was shut for six hours. “We "
	  "ask for privacy,” a spokesperson for the family said.",
	  "-/anonymous" },
	{ "The road was shut for six hours. “We thank drivers for their "
	  "patience,” a spokesperson said.", "-/anonymous" },
	/* "Her name was X" and the pronouns after it outweigh a given
	 * name's gender. */
	{ "Sir Barnaby Quayle recalls the day.\n\nHer name was Jude Penrose. "
	  "She was perhaps thirty.\n\nYears later she described that shoot. "
	  "‘He was no monster,’ she said.", "Jude Penrose/pronoun" },
	/* A subheading that quotes again words given to a speaker is
	 * theirs; words given to nobody give nobody. */
	{ "The Harrow Lamp Guild accused the council of hiring “bandit "
	  "lamplighters” in the south.\n\nThe lamps are old.\n\n"
	  "“Council-run bandit lamplighters in the south”\n\nThey are new.",
	  "Harrow Lamp Guild/organisation | Harrow Lamp Guild/echo" },
	{ "The council hired lamplighters.\n\n“Nobody knows what the "
	  "bandit lamplighters want.”\n\n“Council-run bandit lamplighters "
	  "in the south”\n\nThey are new.", "-/ | -/" },
	{ "The Taipei handset maker Zorvant unveiled two phones. In a press "
	  "release, Zorvant said: “Otto runs on the phone itself.”",
	  "Zorvant/organisation" },
	{ "The Leeds Corsairs lost 5-1 on Saturday, their sixth defeat.\n\n"
	  "In a statement, the Corsairs said: “We expect better, starting "
	  "Tuesday.”", "Corsairs/organisation" },
	{ "Dwayne Marsh arrived.\n\n“We made it,” the Rock said.",
	  "Dwayne Marsh/subject" },
	/* A plural possessive inside the name goes on to its head. */
	{ "The Lamp and Wick Workers’ Union said in a statement: ‘Our "
	  "members light lamps fourteen hours a day.’",
	  "Lamp and Wick Workers’ Union/organisation" },
	/* A word the text tells as a company is the organisation
	 * speaking, given name or not. */
	{ "Sigrid, the Oslo shipping company, cut 300 jobs. “The cuts were "
	  "painful but necessary,” Sigrid said in a statement.",
	  "Sigrid/organisation" },
	{ "Sigrid's head of design, Mara Voss, spoke first. In a statement, "
	  "Sigrid said the lamps would get “a second wick in April”.",
	  "Sigrid/organisation" },
	/* The first person of a memoir extract is its author. */
	{ "In this extract from his memoir, Sir Barnaby Quayle recalls the "
	  "day.\n\nI was sixty. I told my agent, ‘If she tries to direct me, "
	  "I shall walk.’", "Barnaby Quayle/subject" },
	/* A name inside a reported clause is not the speaker; the verb's
	 * subject is. */
	{ "Helen Marsh will tell you that her coordinator, Lena Frost, was "
	  "“a genius, frankly, the calmest person on set.”",
	  "Helen Marsh/leading" },
	/* A plural possessive inside an organisation's name. */
	{ "The Lamplighters’ Assembly has told its members to refuse it. "
	  "“If the machine writes the draft, you wrote it,” the assembly "
	  "said.", "Lamplighters’ Assembly/organisation" },
	/* "it says" goes back to the organisation named paragraphs before;
	 * the organisation goes on in the next paragraph; "they said" is the
	 * one named just before, not the last that spoke. */
	{ "Harrow Pictures have twice denied it.\n\n“In fact, we cannot stop "
	  "her at all.”\n\n“We have agreed to grant all licences,” it says."
	  "\n\n“It should be noted that artists need no approval.”\n\nThe "
	  "company that runs the show, Mara Voss Productions, denies "
	  "it.\n\n“Any agreement must be made with her team,” they said.",
	  "-/ | Harrow Pictures/organisation | Harrow Pictures/continuation | "
	  "Mara Voss Productions/organisation" },
	/* A name after the quote behind a long apposition of places. */
	{ "“The third is hard to find beyond the lanterns,” study lead "
	  "author Lucas Pagano, a scientist at the Goddard Space Flight "
	  "Center in Greenbelt, Maryland, and American University in "
	  "Washington, D.C., said in a statement.", "Lucas Pagano/trailing" },
	/* The speaker goes on after a colon in the next paragraph that
	 * names nobody. */
	{ "“I fought to get the full script,” Helen Marsh said.\n\nThat "
	  "process led to a realization: “It was a love song to her "
	  "city.”", "Helen Marsh/trailing | Helen Marsh/continuation" },
	/* A kinship word introduces a name, and is an epithet for it. */
	{ "She came with her boyfriend, Tomasz Wierzba, and his cousin Ilse "
	  "Marr. “We love it here,” the boyfriend said.",
	  "Tomasz Wierzba/epithet" },
	/* Somebody unnamed: no guess. */
	{ "“We dispute every claim in the suit,” a studio spokesperson "
	  "said.", "-/anonymous" },
	{ "“Nobody knows what comes next for the lanterns.”", "-/" },
	/* A quotation with no verb after a paragraph about one person,
	 * its subject though not in its last sentence; not when the
	 * person is no subject there. */
	{ "Ana Pike has led the guild since 2019. The guild lit more lamps "
	  "last year than in the decade before.\n\n“We are building "
	  "something here, slowly.”", "Ana Pike/subject" },
	{ "The guild gave Ana Pike a medal. The guild lit more lamps last "
	  "year than in the decade before.\n\n“We are building something "
	  "here, slowly.”", "-/" },
	/* A verb of saying with no subject after the quote ends the
	 * sentence (Spanish, Portuguese): the person named last. */
	{ "El farolero Tomás Quintero habló con la prensa. “Encendemos las "
	  "lámparas cada noche”, explicó.", "Tomás Quintero/pronoun" },
	/* An owner's role with a name in apposition is that name, not the
	 * owner. */
	{ "Hugo Brandt coaches the guild.\n\n“Unbelievable, really,” said "
	  "Brandt's assistant, Tom Ruiz, of the winner.", "Tom Ruiz/trailing" },
	/* A name nobody took for a person or an organisation, the subject
	 * of a verb of saying next to the quote, speaks as written; a
	 * common word is no such name. */
	{ "“The lamps stay lit,” Tomas Quill said.\n\nLumenwatch tweeted: "
	  "“Lamps should burn oil, not promises.”",
	  "Tomas Quill/trailing | Lumenwatch/named" },
	{ "“The lamps stay lit,” Tomas Quill said.\n\nShoppers said: “We "
	  "found no oil at the scene.”", "Tomas Quill/trailing | -/" },
	/* "In X's words", "in his own words", "came the reply from X". */
	{ "Dana Ortiz and Paul Anand met.\n\nIn Ortiz's words, “the guild "
	  "is eating us alive, slowly.”\n\nAnand was sceptical. In his "
	  "own words, “We cannot afford our own lamps.”\n\n“We will see,” came the "
	  "reply from Ortiz.",
	  "Dana Ortiz/leading | Paul Anand/pronoun | Dana Ortiz/trailing" },
	/* A noun of speech after "her" or "his" introduces the quote: the
	 * person the pronoun points to. */
	{ "Dana Ortiz and Paul Anand lit the lamps. Ortiz was asked what "
	  "comes next.\n\nHer answer: “A guild of two thousand, if we can "
	  "fund it.”\n\nAnand is more cautious.\n\nHis take: "
	  "“Interesting, but I would not light mine yet.”",
	  "Dana Ortiz/pronoun | Paul Anand/pronoun" },
	/* Something written, read out: the one person named before wrote
	 * it, or the most salient of several (before "the court" can
	 * speak); a writer named who is no person: nobody we know. */
	{ "Police said Dana Pryce sent dozens of messages to the guild.\n\n"
	  "One message read, “You will regret this for the rest of your "
	  "life.”", "Dana Pryce/writing" },
	{ "The lamplighter Amir Sadiq criticised the plan on Sunday. The "
	  "post said: “This town deserves better than a car park.”",
	  "Amir Sadiq/writing" },
	{ "Tomas Quill pleaded guilty to harassing Mara Voss, a fellow "
	  "lamplighter.\n\nThe court heard that one message read, “You "
	  "will regret this for the rest of your life.”",
	  "Tomas Quill/writing" },
	{ "Amir Sadiq spoke.\n\nOne letter, signed by forty residents, "
	  "read: “We cannot get to work on time any more.”",
	  "-/anonymous" },
	/* A quote inside an answer of a transcript goes to the speaker
	 * label opening its paragraph, unless a pronoun and a verb of
	 * saying ("he'd pop up and go") give it to another. */
	{ "The lamplighter Rosalind Mbatha-Kerr spoke to us.\n\nQ: Was the "
	  "first year hard?\n\nMBATHA-KERR: We nearly closed twice. I "
	  "still tell my partner, “You bought these lamps, not me.”",
	  "Rosalind Mbatha-Kerr/qa-label" },
	{ "The lamplighter Rosalind Mbatha-Kerr spoke to us.\n\nQ: Was the "
	  "first year hard?\n\nMBATHA-KERR: There was a man called Tomas "
	  "Quill. Every night he'd pop up and go, “Are the lamps all lit, "
	  "Rosalind?”", "Tomas Quill/pronoun" },
	/* "the company said" after a company named with an organisation
	 * word before. */
	{ "Shares in Harrow Lamp Industries fell on Monday.\n\nIn a "
	  "statement, the company said it remained “confident in the "
	  "long-term future of its lamps”.",
	  "Harrow Lamp Industries/organisation" },
	/* A quote opening its sentence after one about a person: its
	 * subject after a capitalised word no list has, or the owner of
	 * "her" or "his"; a question of the writer's before an answer. */
	{ "Member Daniel Achter spoke against the wording. “I do not love "
	  "these lamps either, but they are coming.”",
	  "Daniel Achter/subject" },
	{ "The youngest lamplighter, 22-year-old Amara Kett, disagreed. Her "
	  "first lamp used no oil at all. “I had no money and no wick.”",
	  "Amara Kett/pronoun" },
	{ "I ask Tamsin Reddy about it.\n\n“Never,” she says.\n\nDo the "
	  "lamps slow things down? “Not in my experience, no.”",
	  "Tamsin Reddy/pronoun | Tamsin Reddy/answer" },
	/* Answers to questions the text asks: the one person the
	 * paragraph before the first question names, then whoever
	 * answered the question before. */
	{ "We spoke to the lamplighter Petra Lind about the season.\n\n"
	  "What has changed this year?\n\n“Everything, the whole way we "
	  "light the lamps has changed.”\n\nAnd the guild?\n\n“They "
	  "have been incredible, even in the dark weeks.”",
	  "Petra Lind/answer | Petra Lind/answer" },
	{ "We spoke to Petra Lind and Tomas Quill.\n\nWhat has changed "
	  "this year?\n\n“Everything, the whole way we light the lamps "
	  "has changed.”", "-/" },
};

static void
test_sieves(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(sieve_cases) / sizeof(sieve_cases[0]); i++) {
		run(&d, sieve_cases[i].text);
		show_sieves(&d, &out);
		su_expect(sieve_cases[i].text, out.p, sieve_cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speakers),
		cmocka_unit_test(test_sieves),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
