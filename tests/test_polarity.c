/* test_polarity.c -- the stance engine (polarity.h) after every earlier
 * step: each composition and linking rule with examples where it applies
 * and where it must not, whose stance evidence counts for, and the
 * per-person decision with abstention and confidence. The weights are a
 * fixed file (tests/fixtures/stance/weights.tsv), so that refitting the
 * engine's weights never changes what these tests mean. The people and
 * the sentences are invented for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "analyzer/stance/doc.h"
#include "analyzer/stance/polarity.h"
#include "analyzer/stance/polarity_table.h"
#include "analyzer/stance/topic.h"
#include "crawler/base/buf.h"
#include "tests/stepsutil.h"
#include "tests/testutil.h"

#include <stdlib.h>
#include <string.h>

static const char topic_text[] =
	"term     lantern guild*\n"
	"ref      the guild\n"
	"contrast the old way\n"
	"neutral  union\n"
	"con      a lamp tax\n"
	"con      taxman\n"
	"role     lamplighter\n"
	"term     lantern keeper*\n"
	"term     keeper*\n"
	"role     lantern keeper\n";

static struct topic *topic;

static int
setup(void **state)
{
	char *w = tu_src("tests/fixtures/stance/weights.tsv");

	(void)state;
	setenv("PT_STANCE_WEIGHTS", w, 1);
	free(w);
	topic = su_topic(topic_text);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	topic_free(topic);
	return 0;
}

static void
run(struct doc *d, const char *text)
{
	su_run(d, topic, text, SU_POLARITY);
}

/* What the evidence that starts at the word `word` became: "pro" or
 * "con", its link and its rules ("con clause negated"), or "-" when
 * nothing was counted there. */
static void
show_cue(const struct doc *d, const char *word, struct buf *out)
{
	size_t i;
	struct buf rules = BUF_INIT;

	buf_reset(out);
	buf_adds(out, "-");
	for (i = 0; i < d->nc; i++) {
		size_t l;
		const char *k = doc_key(d, d->c[i].tok, &l);

		if (l != strlen(word) || memcmp(k, word, l) != 0)
			continue;
		doc_cue_rules(d->c[i].rules, &rules);
		buf_reset(out);
		buf_addf(out, "%s %s%s%s", d->c[i].polarity > 0 ? "pro" : "con",
			 doc_cue_link_name(d->c[i].link), rules.len ? " " : "",
			 rules.len ? rules.p : "");
		break;
	}
	buf_release(&rules);
}

static const struct {
	const char *text;
	const char *word; /* the evidence's first word, in key form */
	const char *want;
} rule_cases[] = {
	/* Lexicon: general English, linked to the topic in its clause. */
	{ "The lantern guild is helpful.", "helpful", "pro clause" },
	{ "The lantern guild is useless.", "useless", "con clause" },
	{ "The lantern guild was a godsend.", "a", "pro clause" },
	/* The topic as the causer of what happens to people: a verb of
	 * enabling or sparing praises it, one of costing faults it; the
	 * topic must be the verb's subject, and "let ... down" is no
	 * enabling. */
	{ "The lantern guild lets small towns light every street.", "lets",
	  "pro clause" },
	{ "The lantern guild saved us a week.", "saved", "pro clause" },
	{ "Having the lantern guild meant we could rest.", "meant",
	  "pro clause" },
	{ "“Having the lantern guild on the tour meant we could rest,” said "
	  "Mara Voss.", "meant", "pro clause" },
	{ "The lantern guild cost us two days.", "cost", "con clause" },
	{ "The lantern guild met. It saved us a week.", "saved",
	  "pro reference" },
	{ "The lantern guild does not let us rest.", "let",
	  "con clause negated" },
	{ "The lantern guild let me down.", "let", "-" },
	{ "The council let the lantern guild go.", "let", "-" },
	{ "Let them fix the lantern guild first.", "let", "-" },
	{ "The lantern guild means a lot of paperwork.", "means", "-" },
	/* A pronoun for the topic as the subject of a copula whose
	 * predicate is the evaluation says what the topic is; a part of it,
	 * a belief told as past and the predicate's own noun do not. */
	{ "The lantern guild met. It was a waste.", "a", "con object" },
	{ "The lantern guild met. Half of it is useful.", "useful",
	  "pro reference" },
	{ "The lantern guild met. I thought it was useless.", "useless",
	  "-" }, /* and "I thought it was" weighs as past */
	{ "The lantern guild met. It was a good play.", "good",
	  "pro reference" },
	/* A word for a stance with its complement left out is toward what
	 * the passage is about; with a complement of its own, it is not. */
	{ "The town debated the lantern guild. Writer Dana Pike was "
	  "strongly in favour.", "strongly", "pro reference" },
	{ "The town debated the lantern guild. Writer Dana Pike was "
	  "unconvinced by the rain.", "unconvinced", "con paragraph" },
	{ "The town debated the lantern guild. Writer Dana Pike was less "
	  "enthusiastic.", "less", "con reference" },
	{ "The town debated the lantern guild. Writer Dana Pike was less "
	  "enthusiastic about the rain.", "less", "con paragraph" },
	/* Going to bat for something champions it; for someone else, it
	 * says nothing of the topic. */
	{ "Writer Dana Pike went to bat for the lantern guild.", "went",
	  "pro object" },
	{ "The lantern guild met. Writer Dana Pike went to bat for her "
	  "sister.", "went", "-" },
	{ "The lantern guild is non-negotiable.", "non-negotiable",
	  "pro clause" },
	/* Making room for it in a budget is taking it up. */
	{ "Every town must budget for the lantern guild.", "budget",
	  "pro object" },
	{ "Every town must budget for lamps.", "budget", "-" },
	/* Idioms of the curated list: praise, reluctance, decay. */
	{ "The lantern guild is tireless.", "tireless", "pro clause" },
	{ "I am all for the lantern guild.", "am", "pro clause" },
	{ "The lantern guild was all for show.", "was", "-" },
	{ "Mara Voss was strongly in favour of the lantern guild.",
	  "strongly", "pro clause" },
	{ "I would rather chew glass than join the lantern guild.",
	  "rather", "con clause" },
	{ "The lantern guild ages like milk.", "ages", "con clause" },
	{ "The lantern guild has nothing behind the eyes.", "nothing",
	  "con clause" },
	{ "The lantern guild short-circuits the thinking.", "short-circuits",
	  "con clause" },
	{ "She was in no mood for the lantern guild.", "in", "con clause" },
	/* Fooling an audience is an illusion's aim, no fault of it. */
	{ "Nobody was fooled by the lantern guild.", "fooled", "-" },
	/* An idiom ending in a preposition governs the act after it, whose
	 * object is then its own; an act further off is counted alone. */
	{ "Mara Voss threw cold water on hiring the lantern guild.",
	  "threw", "con object" },
	{ "Mara Voss threw cold water on hiring the lantern guild.",
	  "hiring", "-" },
	{ "Mara Voss threw cold water on the plan, and she later hired "
	  "the lantern guild.", "hired", "pro object" },
	{ "Mara Voss balked at hiring the lantern guild.", "balked",
	  "con object" },
	{ "Mara Voss takes a dim view of the lantern guild.", "takes",
	  "con clause" },
	{ "Mara Voss turned her nose up at the lantern guild.", "turned",
	  "con clause" },
	/* Collective action against the topic is attacking it. */
	{ "The actors will picket the lantern guild.", "picket",
	  "con object" },
	{ "The actors protested the lantern guild.", "protested",
	  "con object" },
	{ "The lantern guild met. The actors protested the pay cuts.",
	  "protested", "-" },
	/* Gains and harms of work ("a boon", "a race to the bottom"). */
	{ "The lantern guild is a boon.", "a", "pro clause" },
	{ "The lantern guild levels the playing field.", "levels",
	  "pro clause" },
	{ "The lantern guild is a race to the bottom.", "a", "con clause" },
	{ "The lantern guild rips off the lamplighters.", "rips",
	  "con clause" },
	{ "The lantern guild costs jobs.", "costs", "con clause" },
	/* Let down, or holding back. */
	{ "The lantern guild fails to impress.", "fails", "con clause" },
	{ "Mara Voss has reservations about the lantern guild.",
	  "reservations", "con clause" },
	/* Falling short, and what should never have been. */
	{ "The lantern guild falls flat.", "falls", "con clause" },
	{ "The lantern guild leaves a lot to be desired.", "leaves",
	  "con clause" },
	{ "The old way cannot hold a candle to the lantern guild.", "hold",
	  "pro clause negated contrast-target" },
	{ "The lantern guild should never have been allowed.", "never",
	  "con clause" },
	/* What is wished is not so. */
	{ "I wish the lantern guild were helpful.", "helpful", "-" },
	{ "I know the lantern guild is helpful.", "helpful", "pro clause" },
	/* Hope and alarm, coming to a thing and giving up on it. */
	{ "Mara Voss is bullish on the lantern guild.", "bullish",
	  "pro clause" },
	{ "Mara Voss sounded the alarm over the lantern guild.", "sounded",
	  "con clause" },
	{ "Mara Voss has come round to the lantern guild.", "come",
	  "pro clause" },
	{ "Mara Voss gave up on the lantern guild.", "gave",
	  "con object" },
	{ "Mara Voss is fighting against the lantern guild.", "fighting",
	  "con object" },
	/* "Best known" is the most widely known; "good riddance" is glad
	 * to see it go. */
	{ "The lantern guild, best known for its lamps, met.", "best", "-" },
	{ "The lantern guild is gone. Good riddance.", "good", "con paragraph" },
	/* "The latest" is the most recent. */
	{ "The lantern guild worked on the latest.", "latest", "-" },
	/* Blocking a scene is staging it. */
	{ "The lantern guild blocked the scene.", "blocked", "-" },
	/* What a show is about or stages is content, not a judgement;
	 * the word alone keeps its rating. */
	{ "The lantern guild made it. It's a love story.", "love", "-" },
	{ "The lantern guild made it. I love it.", "love",
	  "pro reference" },
	{ "The lantern guild shot the battle scenes in a week.", "battle",
	  "-" },
	{ "The lantern guild lost the battle.", "battle", "con clause" },
	{ "The lantern guild signed the agreements.", "agreements", "-" },
	{ "The lantern guild is the killer app.", "killer", "pro clause" },
	/* How a person felt, said of "he" or "she", even as a quoted
	 * word, names no target; what "she" is may be the topic's. */
	{ "The lantern guild met. Mara Voss said she was \"disappointed\".",
	  "disappointed", "-" },
	{ "The lantern guild met. She was wonderful.", "wonderful",
	  "pro paragraph" },
	/* Worth given or taken away. */
	{ "The lantern guild empowers the lamplighters.", "empowers",
	  "pro clause" },
	{ "The lantern guild cheapens the craft.", "cheapens", "con clause" },
	{ "The lantern guild is a slap in the face.", "a", "con clause" },
	/* Taking life out of a work is a loss, toil out of it a relief. */
	{ "The lantern guild took the soul out of the festival.", "the",
	  "con clause" },
	{ "The lantern guild took the drudgery out of the festival.", "the",
	  "pro clause" },
	/* Preferring and avoiding: taking up and rejecting. */
	{ "Mara Voss prefers the lantern guild.", "prefers", "pro object" },
	{ "The lantern guild met. Mara Voss prefers the old way.", "prefers",
	  "con object contrast-target" },
	{ "Mara Voss steers clear of the lantern guild.", "steers",
	  "con object" },
	{ "Nothing beats the lantern guild.", "nothing", "pro clause" },
	{ "The lantern guild spells the end of the fair.", "spells",
	  "con clause" },
	/* Apologising is a speech act, no evaluation. */
	{ "The lantern guild is not apologising for it.", "apologising",
	  "-" },
	/* An idiom with its own pronoun object ("do it again") is linked
	 * by that pronoun; one without a pronoun only by its paragraph. */
	{ "The lantern guild met. “I’d do it again,” said Mara Voss.", "i'd",
	  "pro reference" },
	{ "The lantern guild met. “I would never use them again,” she said.",
	  "use", "con reference negated" },
	{ "The lantern guild met. She called the evening a godsend.", "a",
	  "pro paragraph" },
	/* An evaluation of a role noun is of that person; the name that a
	 * verb of calling gives its object is said of the object. */
	{ "The lantern guild met. Mara Voss hired the best assistant in "
	  "town.", "best", "-" },
	{ "The lantern guild met. Mara Voss calls her old crew the best "
	  "assistant in town.", "best", "pro reference" },
	/* Topic overrides win over the lexicon. */
	{ "The lantern guild is a lamp tax.", "a", "con clause" },
	/* A topic's neutral words and its own terms are no evidence. */
	{ "The union met the lantern guild.", "union", "-" },
	/* Negation scope is the clause, not a word window... */
	{ "The lantern guild is not, as far as anyone can tell, useless.",
	  "useless", "con sentence" },
	{ "The lantern guild is not at all, in any sense, useless.",
	  "useless", "con sentence" },
	{ "The lantern guild is not really very useful.", "useful",
	  "con clause negated intensity" },
	/* A dash before an afterthought, or one that closes a
	 * parenthesis, ends the clause; one that opens an apposition
	 * closed later does not. */
	{ "The lantern guild is wonderful — the old way is gone.",
	  "wonderful", "pro clause" },
	{ "He said — it is wonderful — that the old way is gone.",
	  "wonderful", "-" },
	{ "Safety roles — lantern guild keepers, medics — cost money.",
	  "safety", "pro clause" },
	/* ... by subject or determiner ... */
	{ "No one found the lantern guild a nuisance.", "a",
	  "pro clause negated" },
	{ "Nobody thinks the lantern guild is useless.", "useless",
	  "pro clause negated" },
	{ "Everyone thinks the lantern guild is useless.", "useless",
	  "con clause" },
	/* ... and at a subordinate clause of time or condition, whose
	 * content the negator before it does not deny; "once" (the
	 * adverb) and a conjunction right after a negator ("never
	 * before") end nothing. */
	{ "She had not met the lantern guild until the trouble began.",
	  "trouble", "con clause" },
	{ "She did not hire the lantern guild before it was useless.",
	  "useless", "con clause" },
	{ "The lantern guild was never once useless.", "useless",
	  "pro clause negated" },
	{ "Never before was the lantern guild so useless.", "useless",
	  "pro clause negated intensity" },
	/* A dispute is an event; disputing is a judgement. */
	{ "The lantern guild ended the dispute.", "dispute", "-" },
	/* ... "anything but" and "yet to" deny; "but" after a quantifier
	 * and the adverb "yet" end no clause; "nothing but" is only ... */
	{ "The lantern guild is anything but helpful.", "helpful",
	  "con clause negated" },
	{ "I have yet to see a helpful lantern guild.", "helpful",
	  "con clause negated" },
	{ "Mara Voss had nothing but praise for the lantern guild.",
	  "praise", "pro clause" },
	{ "The lantern guild is slow but helpful.", "helpful",
	  "pro clause after-but" },
	/* ... and "could not be more" is the most. */
	{ "The lantern guild could not be more helpful.", "helpful",
	  "pro clause" },
	{ "The lantern guild could not be worse.", "not", "con clause" },
	/* ... a denial taken back as it is made ("not X, exactly")
	 * concedes ... */
	{ "The lantern guild is not useless, exactly.", "useless",
	  "pro clause negated concessive" },
	{ "The lantern guild is not useless, and it is cheap.", "useless",
	  "pro clause negated" },
	/* ... two negators cancel ... */
	{ "Nobody would say the lantern guild is not helpful.", "helpful",
	  "pro clause double-negation" },
	/* ... a negator's scope ends at a coordinating "and" or "or": the
	 * conjunct after it is asserted on its own, while one before it or
	 * inside the conjunct still flips ... */
	{ "She never hired the lantern guild and found it useless.",
	  "useless", "con clause" },
	{ "She hired the lantern guild and never found it useless.",
	  "useless", "pro clause negated" },
	/* A pronoun points back to the topic unless a likelier antecedent
	 * agreeing with it comes between (Lappin and Leass: a subject
	 * weighs most, a phrase inside a prepositional phrase least, the
	 * sentence before half): */
	{ "The lantern guild came on a Monday. It was helpful.", "helpful",
	  "pro object" },
	{ "The lantern guild came. The rehearsal ran long, and it was "
	  "dull.",
	  "dull", "con paragraph" },
	{ "The lantern guild came. The rehearsals ran long, and it was "
	  "dull.",
	  "dull", "con object" },
	/* ... an apposition and a predicate nominal name no antecedent of
	 * their own, and a pronoun before continues the chain. */
	{ "The lantern guild came. Tomas Quill, a lamplighter of note, said: "
	  "“It was helpful.”",
	  "helpful", "pro object" },
	{ "The lantern guild came. It was not a revelation. It was useless.",
	  "useless", "con object" },
	{ "The lantern guild came. A storm was not a surprise. It was "
	  "useless.",
	  "useless", "con paragraph" },
	/* A view dated to a time left behind ("at first", "back then", a
	 * statement after a fronted "years ago") weighs as past (zero); an
	 * experience then, or "ago" inside a description, does not. */
	{ "At first I found the lantern guild useless.", "useless", "-" },
	{ "Back then I thought the lantern guild was useless.", "useless",
	  "-" },
	{ "Two years ago, Tomas Quill said the lantern guild was useless.",
	  "useless", "-" },
	{ "Tomas Quill, whose film won a prize two years ago, said the "
	  "lantern guild was useless.",
	  "useless", "con clause" },
	{ "Two years ago the lantern guild was useless to us.", "useless",
	  "con clause" },
	{ "The lantern guild is not useless or slow.", "useless",
	  "pro clause negated" },
	{ "The lantern guild is not cheap or useless.", "useless",
	  "con clause" },
	/* ... "neither ... nor" is one negation, not two ... */
	{ "Neither the cast nor the crew found the lantern guild useless.",
	  "useless", "pro clause negated" },
	{ "Nobody and nothing made the lantern guild useless.", "useless",
	  "pro clause negated" },
	/* ... and negated criticism is praise. */
	{ "The lantern guild is far from useless.", "useless",
	  "pro clause negated" },
	/* Shifters flip what they govern. */
	{ "The lantern guild reduced the chaos.", "chaos",
	  "pro clause shifted" },
	{ "The lantern guild caused chaos.", "chaos", "con clause" },
	/* "less" shifts the scale of what follows it ("less helpful",
	 * "less chaos"); "more" does not. */
	{ "The lantern guild was less helpful.", "helpful",
	  "con clause shifted" },
	{ "The lantern guild brought less chaos.", "chaos",
	  "pro clause shifted" },
	{ "The lantern guild was more helpful.", "helpful", "pro clause" },
	/* Rejecting the topic, taking it up, doing without it. */
	{ "The studio scrapped the lantern guild.", "scrapped",
	  "con object" },
	{ "The studio scrapped the schedule.", "scrapped", "-" },
	{ "Every studio hired the lantern guild.", "hired", "pro object" },
	{ "Every studio hired a caterer.", "hired", "-" },
	/* Taking it up on another's order is not a choice (weight 0). */
	{ "The studio was forced to hire the lantern guild.", "hire", "-" },
	{ "Broadcasters pushed the studio into hiring the lantern guild.",
	  "hiring", "-" },
	{ "The studio chose to hire the lantern guild.", "hire",
	  "pro object" },
	{ "The studio was told about the lantern guild and hired it.",
	  "hired", "pro object" },
	{ "She went ahead without the lantern guild.", "without",
	  "con object" },
	{ "She would never work without the lantern guild.", "without",
	  "pro object negated" },
	/* Doing without it on another's order is a grievance. */
	{ "She was made to film the scene without the lantern guild.",
	  "without", "pro object imposed" },
	{ "The studio pressured her into filming without the lantern "
	  "guild.", "without", "pro object imposed" },
	{ "She made the film without the lantern guild.", "without",
	  "con object" },
	{ "She was told about the plan and worked without the lantern "
	  "guild.", "without", "con object" },
	/* A verb in the complement of a verb of attack: the outer one
	 * is the evidence, the topic its object. */
	{ "The studio slammed the decision to keep hiring the lantern guild.",
	  "slammed", "con object" },
	{ "The studio slammed the decision to keep hiring the lantern guild.",
	  "hiring", "-" },
	/* British spellings of the sources' US forms. */
	{ "She is sceptical of the lantern guild.", "sceptical",
	  "con clause" },
	/* Contrastive targets: an evaluation of the topic's opposite. */
	{ "Working without the lantern guild was a nightmare.", "a",
	  "pro clause contrast-target" },
	{ "The old way was a nightmare, the lantern guild said.",
	  "a", "pro clause contrast-target" },
	/* Contrast: the clause after "but" is the point. */
	{ "The lantern guild is slow, but the lantern guild is essential.",
	  "slow", "con clause before-but" },
	{ "The lantern guild is slow, but the lantern guild is essential.",
	  "essential", "pro clause after-but" },
	{ "Although the lantern guild is slow, it works.", "slow",
	  "con clause concessive" },
	/* The state a thing has drifted from is what it was, not what it
	 * is; what it has come to stays. */
	{ "The lantern guild has wandered from preventing harm into "
	  "paperwork.", "harm", "-" },
	{ "The lantern guild has drifted from useful to tiresome.",
	  "tiresome", "con clause" },
	{ "The lantern guild has drifted from useful to tiresome.",
	  "useful", "-" },
	{ "The lantern guild saved us from harm.", "harm",
	  "pro clause shifted" },
	/* Hearsay ("they say it's X") is people's view in general, set
	 * up to be answered; what particular people said is told. */
	{ "They say the lantern guild is brilliant, but I doubt it.",
	  "brilliant", "-" },
	{ "People say the lantern guild is brilliant.", "brilliant", "-" },
	{ "I say the lantern guild is brilliant.", "brilliant",
	  "pro clause" },
	/* A rule announced for a body is the body's, not the view of
	 * the one who announces it; her own intention stays hers. */
	{ "Mara Voss announced that from May the festival would not accept "
	  "the lantern guild.", "accept", "-" },
	{ "Mara Voss announced that she would not accept the lantern "
	  "guild.", "accept", "con clause negated" },
	{ "Mara Voss said the festival would not accept the lantern guild.",
	  "accept", "con clause negated" },
	/* A verb of attack whose subject is a cleft's focus is that
	 * focus's attitude; the speaker as the focus keeps it. */
	{ "It is the old who most resent the lantern guild.", "resent",
	  "-" },
	{ "It is we who resent the lantern guild.", "resent",
	  "con object" },
	{ "The old resent the lantern guild.", "resent", "con object" },
	/* "The good ones" picks out part of a kind; "a good one" is said
	 * of the thing itself. */
	{ "The lantern guild met. The good ones are gold.", "good", "-" },
	{ "The lantern guild met. I get thirty bad ones a day.", "bad",
	  "-" },
	{ "The lantern guild met. It's a good one.", "good",
	  "pro reference" },
	/* A cleft evaluates its focus: another noun there takes the
	 * evaluation; the topic there, or as the predicate's subject,
	 * keeps it. */
	{ "The lantern guild keeps the papers, but the contract is what "
	  "protects you.", "protects", "-" },
	{ "The lantern guild met. It is the contract that protects you.",
	  "protects", "-" },
	{ "The lantern guild is what protects you.", "protects",
	  "pro clause" },
	{ "Modesty is what the lantern guild protects.", "protects",
	  "pro clause" },
	{ "It is the lantern guild that protects you.", "protects",
	  "pro clause" },
	/* A reason set aside ("not exempt just because it is X") grants
	 * X and denies that it counts; "because" alone gives a reason. */
	{ "The lantern guild is not exempt from the rules just because it "
	  "is beautiful.", "beautiful", "con clause negated concessive" },
	{ "Just because the lantern guild is useful, it is not good.",
	  "useful", "pro clause concessive" },
	{ "We kept the lantern guild because it is helpful.", "helpful",
	  "pro clause" },
	{ "We kept the lantern guild just because, and it is helpful.",
	  "helpful", "pro object" },
	/* A denial before "but" is conceded ("it isn't slow, but ..."):
	 * it weighs as before "but" and as a concession; a denial after
	 * "but", or one with no "but", does not. */
	{ "The lantern guild is not slow, but the lantern guild is "
	  "expensive.", "slow", "pro clause negated before-but concessive" },
	{ "The lantern guild is slow, but the lantern guild is not useless.",
	  "useless", "pro clause negated after-but" },
	{ "The lantern guild is not useless.", "useless",
	  "pro clause negated" },
	/* Irrealis and reported views count nothing (weight 0 here). */
	{ "Is the lantern guild useful?", "useful", "-" },
	{ "Whether the lantern guild is useful is unclear.", "useful", "-" },
	{ "Critics say the lantern guild is useless.", "useless", "-" },
	{ "People keep telling me the lantern guild is useless.", "useless",
	  "-" },
	/* A view held once ("used to", weight 0 here); "be used to" is
	 * being accustomed, now. */
	{ "I used to think the lantern guild was useless.", "useless", "-" },
	{ "I am used to the lantern guild being helpful.", "helpful",
	  "pro clause" },
	{ "I’m used to the lantern guild being helpful.", "helpful",
	  "pro clause" },
	{ "I got used to the lantern guild being helpful.", "helpful",
	  "pro clause" },
	{ "I keep telling people the lantern guild is useless.", "useless",
	  "con clause" },
	{ "The lantern guild is useful.", "useful", "pro clause" },
	/* Intensifiers and diminishers. */
	{ "The lantern guild is extremely helpful.", "helpful",
	  "pro clause intensity" },
	/* Linking: other clauses weigh less; pointing back links. */
	{ "The lantern guild met; the catering was awful.", "awful",
	  "con sentence" },
	{ "The lantern guild met.\n\nNow they are indispensable.",
	  "indispensable", "pro object" },
	/* A determiner names the noun after it, and "one of", "no one"
	 * are no word for the topic. */
	{ "The lantern guilds met. I dreaded those days.", "dreaded",
	  "con paragraph" },
	{ "The lantern guilds met. I dreaded those.", "dreaded",
	  "con reference" },
	/* "one" right after an evaluative verb is its object; "one",
	 * "ones" after an adjective are its head noun. */
	{ "The lantern guilds met. I never needed one.", "needed",
	  "con object negated" },
	{ "The lantern guilds met. I got a really bad one.", "bad",
	  "con reference intensity" },
	{ "The lantern guilds met. I had a good one.", "good",
	  "pro reference" },
	{ "The lantern guilds met. One of the scenes was awful.", "awful",
	  "con paragraph" },
	{ "The lantern guilds met. The new one was awful.", "awful",
	  "con reference" },
	/* How a named person is, or how the speaker was, is no evaluation
	 * of the topic unless the clause names it; a pronoun for the topic
	 * and a present feeling stay. */
	{ "The lantern guild met. Ann Vole was rude.", "rude", "-" },
	{ "The lantern guild met. I was scared.", "scared", "-" },
	/* ... but a word for a stance says what the person thinks, of what
	 * the passage is about when it names nothing else. */
	{ "The lantern guild met. Ann Vole was sceptical.", "sceptical",
	  "con reference" },
	{ "The lantern guild met. Ann Vole is not entirely sold.", "entirely",
	  "con reference negated" },
	{ "I was scared of the lantern guild.", "scared",
	  "con clause" },
	{ "The lantern guilds met. They were awful.", "awful",
	  "con object" },
	{ "The lantern guilds met. I am glad of them.", "glad",
	  "pro reference" },
	/* The next paragraph, not pointing back: nothing. */
	{ "The lantern guild met.\n\nThe weather was awful.", "awful", "-" },
	/* A subject of its own takes the predicate's evaluation; a
	 * pronoun may point back to the topic, and a possessive tells the
	 * speaker's reaction. */
	{ "The lantern guild met. The weather was awful.", "awful", "-" },
	{ "The lantern guild met. It was awful.", "awful", "con object" },
	{ "The lantern guild met. My first feeling was relief.", "relief",
	  "pro paragraph" },
	/* A clause opened by "but" shares the head of the one before it;
	 * without a topic there, it is about something else. */
	{ "She said the lantern guild left the scenes safe but lifeless.",
	  "lifeless", "con clause after-but" },
	{ "She found the scenes safe but the weather lifeless.", "lifeless",
	  "-" },
	/* A verb of praise or attack evaluates its object: the topic, or
	 * something else in the sentence, which does not count. */
	{ "The lantern guild met, and she complained about the catering.",
	  "complained", "-" },
	{ "She complained about the lantern guild.", "complained",
	  "con object" },
	/* A shifter flips such a verb as it flips an evaluation. */
	{ "Crews stopped complaining about the lantern guild.", "complaining",
	  "pro object shifted" },
	/* Verbs of taking a side, and rejection verbs. */
	{ "Six directors questioned the lantern guild.", "questioned",
	  "con object" },
	{ "The studio waived the lantern guild.", "waived", "con object" },
	{ "The studio waived the fee.", "waived", "-" },
	/* Going back to the topic's opposite, and the manner of a pronoun
	 * object ("doing it the old way"). */
	{ "The lantern guild met. I would not go back to doing it the old "
	  "way.", "go", "pro object negated contrast-target" },
	/* A verb of praise or attack with an object of its own praises or
	 * attacks that, not what a word elsewhere in its clause points
	 * back to. */
	{ "The lantern guild met.\n\nIts chair said they would defend the "
	  "claim.", "defend", "-" },
	{ "The lantern guild met.\n\nIts chair said they would praise the "
	  "cast.", "praise", "-" },
	{ "The lantern guild met.\n\nIts chair said they would defend "
	  "them.", "defend", "pro object" },
	/* A feeling that names its own stimulus after a preposition is
	 * about that stimulus; the topic or a word pointing back to it
	 * there keeps it, and other evaluations are of their subject
	 * whatever follows. */
	{ "The lantern guild met. They were good with the actors.", "good",
	  "pro object" },
	{ "The lantern guild met. They were helpful to the actors.",
	  "helpful", "pro object" },
	{ "The lantern guild met. I am comfortable with the director.",
	  "comfortable", "-" },
	{ "The lantern guild met. I am perfectly comfortable with the "
	  "director.", "perfectly", "-" },
	{ "The lantern guild met. I am happy about the schedule.", "happy",
	  "-" },
	{ "The lantern guild spotted a problem with my co-star.", "problem",
	  "-" },
	{ "I have a problem with the lantern guild.", "problem",
	  "con clause" },
	{ "The lantern guild met. I am comfortable with them.",
	  "comfortable", "pro reference" },
	{ "The lantern guild met. I am happy about the lantern guild.",
	  "happy", "pro clause" },
	/* A formula that frames what is said is no evaluation; what is
	 * said is; a feeling about what is seen or lost is. */
	{ "The lantern guild met. I am sorry to report that it rained.",
	  "sorry", "-" },
	{ "The lantern guild met. I am glad to say that the lantern guild is "
	  "useless.", "glad", "-" },
	{ "The lantern guild met. I am glad to say that the lantern guild is "
	  "useless.", "useless", "con clause" },
	{ "The lantern guild met. I would love to see them again.", "love",
	  "pro reference" },
	{ "The lantern guild met. They are sorry to lose it.", "sorry",
	  "con object" },
	/* Quantifiers made of evaluative words are amounts; the words
	 * alone still evaluate. */
	{ "The lantern guild wrote a great many letters.", "great", "-" },
	{ "The lantern guild wrote a great many letters.", "a", "-" },
	{ "The lantern guild did a great job.", "great", "pro clause" },
	{ "The lantern guild had seen a good deal of rain.", "good", "-" },
	/* Hands are body parts, a friend is a relation: no praise. */
	{ "The lantern guild told me where to put my hands.", "hands", "-" },
	{ "My friend met the lantern guild.", "friend", "-" },
	/* Idioms: weak praise, obstruction, the ironic simile. */
	{ "The lantern guild has its uses.", "has", "pro clause" },
	{ "The lantern guild slowed the night to a crawl.", "to",
	  "con clause" },
	{ "The lantern guild is a speed bump.", "a", "con clause" },
	/* A shifter's result is not flipped by it. */
	{ "The lantern guild reduced the night to a farce.", "a",
	  "con clause" },
	{ "I met the lantern guild with the enthusiasm of a man sent to the "
	  "dentist.", "with", "con clause" },
	{ "I met the lantern guild with enthusiasm.", "enthusiasm",
	  "pro clause" },
	/* Denying that one is against the topic concedes, it does not
	 * support; "no rule against it" allows it; a denied act of
	 * rejection keeps it. */
	{ "I am not against the lantern guild.", "against",
	  "pro object negated concessive" },
	{ "I have nothing against the lantern guild.", "against",
	  "pro object negated concessive" },
	{ "There was no rule against the lantern guild.", "against",
	  "pro object negated" },
	/* A denied "saying" is a hedge, no view either way; "wouldn't
	 * say" is understatement and denies what follows. */
	{ "I am not saying the lantern guild isn't helpful.", "helpful",
	  "-" },
	{ "I'm not saying the lantern guild is useless.", "useless", "-" },
	{ "I wouldn't say the lantern guild is useless.", "useless",
	  "pro clause negated" },
	/* What one expected is a view held before; a duty or an
	 * expectation borne out is not. */
	{ "I went in expecting the lantern guild to be useless.", "useless",
	  "-" },
	{ "I had braced myself for a useless lantern guild.", "useless",
	  "-" },
	{ "The lantern guild is expected to be helpful.", "helpful",
	  "pro clause" },
	{ "As expected, the lantern guild was helpful.", "helpful",
	  "pro clause" },
	/* An evaluation of a role noun is of that person, unless the noun
	 * phrase is said of someone (a predicate, what one is called) or
	 * is the topic's ("the guild's worst critic"). */
	{ "The lantern guild does work a competent director already does.",
	  "competent", "-" },
	{ "The lantern guild works with vulnerable performers.",
	  "vulnerable", "-" },
	{ "The lantern guild is the best collaborator.", "best",
	  "pro clause" },
	{ "She called the lantern guild the best collaborator.", "best",
	  "pro clause" },
	{ "I was the lantern guild's worst critic.", "worst", "con clause" },
	{ "The lantern guild is a competent body.", "competent",
	  "pro clause" },
	{ "The lantern guild met. He is, she says, the funniest man alive.",
	  "funniest", "-" },
	/* Rejecting a claim negates what it says; the verb is no
	 * evaluation then, but stays one with an object of its own. */
	{ "She rejects the idea that the lantern guild is useless.",
	  "useless", "pro clause negated" },
	{ "She rejects the idea that the lantern guild is useless.",
	  "rejects", "-" },
	{ "She rejects the lantern guild.", "rejects", "con object" },
	/* "engaged" a practitioner is hiring one. */
	{ "The studio engaged the lantern guild.", "engaged",
	  "pro object" },
	/* A fronted "without" is the condition of the clause after it: a
	 * negated outcome says the absence goes badly; an asserted one
	 * that the topic is not needed. */
	{ "Without the lantern guild, we couldn't have finished.", "without",
	  "pro object negated" },
	{ "Without the lantern guild, we finished early.", "without",
	  "con object" },
	{ "We finished without the lantern guild, and nobody minded.",
	  "without", "con object" },
	/* A comparison names both ways and chooses neither. */
	{ "I have worked with the lantern guild and without it.", "without",
	  "-" },
	{ "I have worked with and without the lantern guild.", "without",
	  "-" },
	{ "I have worked with Ana and without the lantern guild.", "without",
	  "con object" },
	/* Taking the topic up only on a condition is no choice made. */
	{ "Studios can still hire the lantern guild if they want to.",
	  "hire", "-" },
	{ "We would scrap the lantern guild unless the law said otherwise.",
	  "scrap", "-" },
	{ "We would scrap the lantern guild.", "scrap", "con object" },
	/* ... as is a time that has not come, after "would" or "will". */
	{ "She would hire the lantern guild the day the budget allows.",
	  "hire", "-" },
	{ "We will hire the lantern guild once it is cheaper.", "hire", "-" },
	{ "We hired the lantern guild when it was cheaper.", "hired",
	  "pro object" },
	{ "Studios hired the lantern guild because it was cheap.", "hired",
	  "pro object" },
	{ "We hired the lantern guild, but if it fails we will know.",
	  "hired", "pro object before-but" },
	/* A verb of praise with a bare object of its own, in a clause
	 * that only borrows the topic from the one before "but",
	 * praises that object. */
	{ "We respect the lantern guild but should be fighting for overtime.",
	  "fighting", "-" },
	{ "We respect the lantern guild but should be fighting for it.",
	  "fighting", "pro object after-but" },
	/* The speaker's attitude in the past perfect is a view held
	 * before; someone else's past perfect, or a plain past, stays. */
	{ "The lantern guild I had sneered at fixed the roof.", "sneered",
	  "-" },
	{ "We had always dreaded the lantern guild.", "dreaded", "-" },
	{ "They had always dreaded the lantern guild.", "dreaded",
	  "con clause" },
	{ "I sneered at the lantern guild.", "sneered", "con object" },
	/* The ironic comparison: "about as useful as" a thing that is no
	 * use; "about as good as it gets" is the most. */
	{ "The lantern guild is about as useful as a paper umbrella.",
	  "useful", "con clause negated" },
	{ "The lantern guild is about as good as it gets.", "good",
	  "pro clause" },
	{ "The lantern guild is as useful as ever.", "useful",
	  "pro clause" },
	/* A relative clause that restricts a negative subject is not
	 * negated by it; the main clause after it is. */
	{ "Nobody who has worked with a good lantern guild would call it "
	  "useless.", "good", "pro clause" },
	{ "Nobody who has worked with a good lantern guild would call it "
	  "useless.", "useless", "pro clause negated" },
	{ "No one who hired the lantern guild is sorry.", "sorry",
	  "pro clause negated" },
	{ "No one who hired the lantern guild is sorry.", "hired",
	  "pro object" },
	/* Whether a belief was borne out judges its holder. */
	{ "I was wrong about the lantern guild.", "wrong", "-" },
	{ "The lantern guild was wrong.", "wrong", "con clause" },
	/* "sold on": convinced; "not entirely sold": unconvinced. */
	{ "I am not sold on the lantern guild.", "sold", "con clause negated" },
	{ "The lantern guild is not entirely sold.", "entirely",
	  "con clause negated" },
	{ "The lantern guild sold the hall.", "sold", "-" },
	/* What a third party did, told in a quotation, is not the
	 * speaker's act; the speaker's own is. */
	{ "\u201cThe producers wanted the lantern guild, so they paid "
	  "it,\u201d said Mara Voss.", "wanted", "-" },
	{ "\u201cThey had already hired the lantern guild,\u201d said "
	  "Mara Voss.", "hired", "-" },
	{ "\u201cWe hired the lantern guild,\u201d said Mara Voss.", "hired",
	  "pro object" },
	{ "\u201cThe studio decided it could do without the lantern "
	  "guild,\u201d said Mara Voss.", "without", "-" },
	{ "\u201cWe could do without the lantern guild,\u201d said Mara Voss.",
	  "without", "con object" },
	{ "\u201cThe theatres that will need the lantern guild are few,\u201d "
	  "said Mara Voss.", "need", "-" },
	{ "The producers wanted the lantern guild.", "wanted", "pro object" },
	/* Praise after "Oh," or "Oh yes," is the frame of irony, not
	 * asserted; blame there is. */
	{ "Oh, wonderful, the lantern guild again.", "wonderful", "-" },
	{ "Mara Voss: \u201cOh yes, the lantern guild is wonderful.\u201d",
	  "wonderful", "-" },
	{ "Oh, the lantern guild was awful.", "awful", "con clause" },
	{ "The lantern guild is wonderful.", "wonderful", "pro clause" },
	/* Needing or being owed the topic is support of it; what someone
	 * "deserves better" than is judged by the writer. */
	{ "Every stage needs the lantern guild.", "needs", "pro object" },
	{ "No stage needs the lantern guild.", "needs",
	  "con object negated" },
	{ "Local crews deserve the lantern guild.", "deserve", "pro object" },
	{ "Every stage should have the lantern guild.", "should",
	  "pro object" },
	{ "The lantern guild met. She deserves better than this.", "deserves",
	  "-" },
	/* "I'd be lying if I said ..." denies what follows, and its "if"
	 * supposes nothing. */
	{ "I'd be lying if I said I didn't want the lantern guild.", "want",
	  "pro object double-negation" },
	/* A possessive pronoun stands for a noun phrase ("I swear by
	 * mine"); after "of" it names the one who has (and the subject,
	 * a noun phrase of its own, is what "rude" evaluates). */
	{ "The lantern guilds met. I swear by mine.", "swear",
	  "pro reference" },
	{ "The lantern guilds met. A friend of mine was rude to me.", "rude",
	  "-" },
	/* Idioms of being won over, and of having no use for a thing;
	 * "taken with" a camera is no evaluation. */
	{ "She was much taken with the lantern guild.", "much", "pro clause" },
	{ "She is in no mood for the lantern guild.", "in", "con clause" },
	{ "There is no need for the lantern guild.", "no", "con clause" },
	{ "The photos of the lantern guild were taken with a phone.", "were",
	  "-" },
	/* A pejorative name for the topic as the object of a verb of
	 * wanting or praise only points to it; denied, it counts. */
	{ "The lantern guild met. Some of us needed the taxman.", "taxman",
	  "-" },
	{ "The lantern guild met. She does not, she said, need a taxman.",
	  "taxman", "con paragraph" },
	{ "The lantern guild met. They sent us a taxman.", "taxman",
	  "con reference" },
	/* A phrase that ends in its preposition evaluates its own object,
	 * not what a pronoun elsewhere in the clause points back to. */
	{ "The lantern guilds met. They called for the fee to be cut.",
	  "called", "-" },
	{ "The lantern guilds met. We called for them.", "called",
	  "pro reference" },
	/* Everyday idioms. */
	{ "The lantern guild was worth every penny.", "worth", "pro clause" },
	{ "The lantern guild is a load of rubbish.", "load", "con clause" },
	{ "The lantern guild is the last thing we need.", "the", "con clause" },
	{ "The lantern guild is not a game-changer.", "game-changer",
	  "con clause negated" },
	/* A pejorative name refused by a verb stays against the topic;
	 * denying that the name fits speaks for it. */
	{ "The lantern guild met. We did not train for years to have a "
	  "taxman check our work.", "taxman", "con paragraph" },
	{ "The lantern guild met. The lantern guild is not a taxman.",
	  "taxman", "pro clause negated" },
	{ "The lantern guild met. It isn't just a taxman.", "taxman",
	  "pro reference negated" },
	/* "not enough" says there are too few; it denies no quality. */
	{ "There are not enough experienced lantern guilds.", "experienced",
	  "pro clause" },
	{ "The lantern guild is not experienced enough.", "experienced",
	  "con clause negated" },
	/* What someone is given leave to be describes that person. */
	{ "The lantern guild gave me permission to be ugly.", "ugly", "-" },
	{ "The lantern guild was ugly.", "ugly", "con clause" },
	/* A clause opened by ", and" with no subject of its own goes on
	 * with the predicate before it; with a subject it is its own. */
	{ "The lantern guild was lovely, truly, and about as useful as a "
	  "paper umbrella.", "useful", "con clause negated" },
	{ "The lantern guild was late, and the director was furious.",
	  "furious", "con sentence" },
	{ "The lantern guild was late, and not everyone was pleased.",
	  "pleased", "con sentence negated" },
	/* What one is told, in the "that" clause, is the teller's view. */
	{ "Ana Ruiz was told by a funder that the lantern guild was "
	  "essential.", "essential", "-" },
	{ "Ana Ruiz told a funder that the lantern guild was essential.",
	  "essential", "pro clause" },
	/* Acceptable for a purpose; a fine for something is a penalty. */
	{ "The lantern guild is fine for short walks.", "is", "pro clause" },
	{ "The lantern guild paid a fine for parking.", "fine", "-" },
	/* What a third party would have felt is a counterfactual of
	 * theirs; the speaker's own stays. */
	{ "The lantern guild met. He'd have hated it.", "hated", "-" },
	{ "The lantern guild met. She would have loved it.", "loved", "-" },
	{ "The lantern guild met. I would have loved it.", "loved",
	  "pro reference" },
	{ "She did not see the need for the lantern guild.", "see",
	  "con clause negated" },
	/* A possessive determiner names the noun after it: "her posture"
	 * is not the topic, "hired her" points back. */
	{ "The lantern guild met. Then I criticised her posture.",
	  "criticised", "-" },
	{ "The lantern guild met. Then I criticised her.", "criticised",
	  "con object" },
	/* An adjective between a ref's determiner and its head is no part
	 * of the ref: it evaluates it. */
	{ "The lantern guild met. The clever guild won.", "clever",
	  "pro clause" },
	{ "The lantern guild met. Then the dreadful guild lost.", "dreadful",
	  "con clause" },
	/* A feeling in a "because" clause after a negated one gives no
	 * side (the negation denies the act or the reason); negated or
	 * given as a reason on its own, it counts. */
	{ "She is not joining the lantern guild because she is scared of "
	  "it.", "scared", "-" },
	{ "She is not scared of the lantern guild.", "scared",
	  "pro clause negated" },
	{ "She left the lantern guild because she was scared of it.",
	  "scared", "con clause" },
	/* A negated feeling about the telling ("not embarrassed to say")
	 * leaves what is told asserted; a denied telling does not. */
	{ "I am not embarrassed to say I love the lantern guild.", "love",
	  "pro clause" },
	{ "I am not going to say I love the lantern guild.", "love",
	  "con clause negated" },
	/* Rejecting a claim negates what it says; accepting it does not. */
	{ "She rejects the idea that the lantern guild is useless.",
	  "useless", "pro clause negated" },
	{ "She accepts the idea that the lantern guild is useless.",
	  "useless", "con clause" },
	/* An evaluation of an act of rejecting the topic, as the act's
	 * predicate or governing it, is the opposite view of the topic,
	 * and the act so judged is not done; a reason for an act done
	 * is no such evaluation. */
	{ "Banning the lantern guild would be a disaster.", "disaster",
	  "pro clause shifted" },
	{ "Banning the lantern guild would be a disaster.", "banning", "-" },
	{ "It would be a disaster to ban the lantern guild.", "disaster",
	  "pro clause shifted" },
	{ "Banning the lantern guild would be a mistake.", "a",
	  "pro clause shifted" },
	{ "The lantern guild was a huge mistake.", "a", "con clause" },
	{ "A ban on the lantern guild is welcome.", "welcome",
	  "con clause shifted" },
	{ "We are banning the lantern guild because it is useless.",
	  "useless", "con clause" },
	{ "We are banning the lantern guild because it is useless.",
	  "banning", "con object" },
	{ "The lantern guild would be a disaster.", "disaster",
	  "con clause" },
	/* "the ban" in a passage about the topic is the topic's
	 * rejection; a ban with an object of its own is not. */
	{ "The lantern guild met, and the council banned it. Then Lena "
	  "Frost welcomed the ban.", "welcomed", "con reference shifted" },
	{ "The lantern guild met, and the council banned it. Then Lena "
	  "Frost condemned the ban.", "condemned", "pro reference shifted" },
	{ "The lantern guild met, and the council banned it. Then Lena "
	  "Frost welcomed the ban on smoking.", "welcomed", "-" },
	/* What one feels about the rejection of the topic is the opposite
	 * view of the topic; a ban on something else is not. */
	{ "The council banned the lantern guild. Mara Voss was scathing "
	  "about the ban.", "scathing", "pro object shifted" },
	{ "The council banned the lantern guild. Mara Voss was happy with "
	  "the ban.", "happy", "con object shifted" },
	{ "The lantern guild met. Mara Voss was happy with the ban on "
	  "smoking.", "happy", "-" },
	/* Nouns of holding back a practice reject it as "ban" does: what
	 * calls for or welcomes them is against it. */
	{ "Writer Mara Voss called for a moratorium on the lantern guild.",
	  "called", "con object shifted" },
	{ "Writer Mara Voss welcomed curbs on the lantern guild.",
	  "welcomed", "con object shifted" },
	{ "Writer Mara Voss backed a halt to the lantern guild.", "backed",
	  "con object shifted" },
	{ "Writer Mara Voss called for an end to the lantern guild.",
	  "called", "con object shifted" },
	{ "Writer Mara Voss welcomed a moratorium on smoking. The lantern "
	  "guild met.", "welcomed", "-" },
	/* A shifter ends the act of taking the topic up that it governs;
	 * one that governs something else does not. */
	{ "Writer Mara Voss stopped hiring the lantern guild.", "hiring",
	  "con object shifted" },
	{ "Writer Mara Voss refused it and hired the lantern guild.",
	  "hired", "pro object" },
	/* An evaluation said of an act of rejecting the topic judges the
	 * act, also when the act's object is a pronoun; rejecting
	 * something else is no such act. */
	{ "The lantern guild met. Mara Voss said that banning them would "
	  "strangle the town.", "strangle", "pro reference shifted" },
	{ "The lantern guild met. Mara Voss said that banning smoking in "
	  "the square would strangle the town.", "strangle",
	  "con paragraph" },
	/* "without" negates its own object, not the verb after it. */
	{ "Working without a net was terrible for the lantern guild.",
	  "terrible", "con clause" },
	{ "The lantern guild is without useful lamps.", "useful",
	  "con clause negated" },
	/* A harm that a verb of rescue keeps off is the rescuer's credit. */
	{ "The lantern guild saved the crew from real danger.", "danger",
	  "pro clause shifted" },
	{ "The lantern guild learned from real danger.", "danger",
	  "con clause" },
	/* Bare praise in a quotation after a complaint or a question is
	 * sarcasm, not asserted; after a plain statement it stands. */
	{ "The lantern guild met. “It is a terrible waste of my nights. "
	  "Lovely,” said Mara Voss.", "lovely", "-" },
	{ "The lantern guild met. “And who pays for it? How wonderful,” "
	  "said Mara Voss.", "wonderful", "-" },
	{ "The lantern guild met. “And it pays for itself. How wonderful,” "
	  "said Mara Voss.", "wonderful", "pro paragraph" },
	{ "The lantern guild met. “It saved us a week. Lovely,” said Mara "
	  "Voss.", "lovely", "pro paragraph" },
	/* A rhetorical question asserts its answer where it opens the
	 * question; the same words inside a clause are no idiom. */
	{ "“Who needs the lantern guild?” said Mara Voss.", "who",
	  "con clause" },
	{ "Mara Voss said: “What is the point of the lantern guild?”",
	  "what", "con clause" },
	{ "Everyone who needs the lantern guild gets it.", "who", "-" },
	/* The name a third party gives the topic, told in a quotation, is
	 * not the speaker's view; the speaker's own naming is. */
	{ "“He bought the lantern guild and called it progress,” said Mara "
	  "Voss.", "progress", "-" },
	{ "“I call the lantern guild progress,” said Mara Voss.", "progress",
	  "pro clause" },
	/* Words of the shifters list whose use in prose is an adverb, a
	 * modal or an adjective flip nothing; a shifter verb still does. */
	{ "The lantern guild can be useful.", "useful", "pro clause" },
	{ "The lantern guild is still helpful.", "helpful", "pro clause" },
	{ "The lantern guild and its cast were brilliant.", "brilliant",
	  "pro clause" },
	{ "The lantern guild met. The old way is still the best.", "best",
	  "con clause contrast-target" },
	{ "The lantern guild reduced the stress.", "stress",
	  "pro clause shifted" },
	/* Letting the topic in is taking it up, refusing it rejecting it;
	 * with another object they are nothing. */
	{ "She would not allow the lantern guild on set.", "allow",
	  "con object negated" },
	{ "She allowed the lantern guild in.", "allowed", "pro object" },
	{ "The lantern guild met. The rules allow a longer break.", "allow",
	  "-" },
	{ "She refused the lantern guild.", "refused", "con object" },
	{ "The lantern guild met. She refused to comment.", "refused", "-" },
	/* Idioms and labels of disapproval and of support. */
	{ "The lantern guild is surplus to requirements.", "surplus",
	  "con clause" },
	{ "The lantern guild was always in my corner.", "in", "pro clause" },
	{ "The lantern guild is a glorified queue.", "a", "con clause" },
	{ "The lantern guild is political correctness.", "political",
	  "con clause" },
	{ "She was flabbergasted by the lantern guild.", "flabbergasted",
	  "con clause" },
	{ "The lantern guild exists to tick a box.", "tick", "con clause" },
	/* A rule that requires the topic stands for it, and so does a
	 * later "the rule" or "the requirement"; a rule of something
	 * else does not. */
	{ "The council passed a rule requiring a lantern keeper on every "
	  "street. Mara Voss urged the mayor to oppose the rule.", "oppose",
	  "con object" },
	{ "The council weighs a lantern guild requirement for new streets. "
	  "Mara Voss urged the mayor to scrap the rule.", "scrap",
	  "con object" },
	{ "The lantern guild met. The council passed a rule on parking. "
	  "Mara Voss urged the mayor to oppose the rule.", "oppose", "-" },
	{ "The council passed a rule that bans parking near lantern "
	  "keepers. Mara Voss urged the mayor to oppose the rule.", "oppose",
	  "-" },
	{ "The council passed a rule that would make lantern keepers "
	  "compulsory. Mara Voss urged the mayor to oppose the rule.",
	  "oppose", "con object" },
	/* The act a verb of saying reports can be judged as well. */
	{ "Mara Voss said scrapping the lantern guild would be a disaster.",
	  "disaster", "pro clause shifted" },
	{ "Mara Voss said scrapping the lantern guild would be a disaster.",
	  "scrapping", "-" },
	/* A call for the topic to be in some state is for that state;
	 * a call for the topic is for it. */
	{ "Mara Voss called for the lantern guild to be optional.", "called",
	  "-" },
	{ "Mara Voss called for the lantern guild.", "called", "pro clause" },
	/* Dropping the topic rejects it; dropping alone is nothing. */
	{ "The studio dropped the lantern guild.", "dropped", "con object" },
	{ "The lantern guild met. Then sales dropped.", "dropped", "-" },
	/* Missing something is wanting it. */
	{ "The lantern guild met. I can't say I missed the old way.",
	  "missed", "pro object negated contrast-target" },
	{ "The lantern guild met. She missed the bus.", "missed", "-" },
	/* A judgement of an act said with "to" judges the act, its own
	 * words say what it is: "mad not to hire" commends hiring. */
	{ "“You would be mad not to hire the lantern guild,” said Mara Voss.",
	  "hire", "pro object negated shifted" },
	{ "“You would be mad not to hire the lantern guild,” said Mara Voss.",
	  "mad", "-" },
	{ "“You would be mad to hire the lantern guild,” said Mara Voss.",
	  "hire", "con object shifted" },
	{ "“I was wrong to defend the lantern guild,” said Mara Voss.",
	  "defend", "con object shifted" },
	{ "“The council was right to scrap the lantern guild,” said Mara "
	  "Voss.", "right", "-" },
	{ "“The lantern guild is too slow to be helpful,” said Mara Voss.",
	  "slow", "con clause" },
	{ "“The lantern guild made me mad,” said Mara Voss.", "mad",
	  "con clause" },
	/* A claim the sentence denies counts reversed; the denial is no
	 * evidence of its own. */
	{ "“The idea that the lantern guild is useless is nonsense,” said "
	  "Mara Voss.", "useless", "pro clause shifted" },
	{ "“The idea that the lantern guild is useless is nonsense,” said "
	  "Mara Voss.", "nonsense", "-" },
	{ "“It is a myth that the lantern guild is useless,” said Mara Voss.",
	  "useless", "pro clause shifted" },
	{ "“Myth: the lantern guild is useless,” said Mara Voss.", "useless",
	  "pro clause shifted" },
	{ "“The idea that the lantern guild is useless came from the "
	  "council,” said Mara Voss.", "useless", "con clause" },
	/* What the speaker thinks of the topic's opponents. */
	{ "“The critics of the lantern guild are wrong,” said Mara Voss.",
	  "wrong", "pro clause shifted" },
	{ "“The critics of the lantern guild are wrong,” said Mara Voss.",
	  "critics", "-" },
	{ "“The lantern guild was wrong,” said Mara Voss.", "wrong",
	  "con clause" },
	/* Wanting fewer of it is wanting less of it. */
	{ "“We need fewer lantern keepers,” said Mara Voss.", "need",
	  "con object shifted" },
	{ "“We need more lantern keepers,” said Mara Voss.", "need",
	  "pro object" },
	/* A fronted "without" with no comma: the main clause's negation
	 * says the absence goes badly. */
	{ "“Without the lantern guild I would not have a job,” said Mara "
	  "Voss.", "without", "pro object negated" },
	{ "“Without the lantern guild we were fine,” said Mara Voss.",
	  "without", "con object" },
	/* Bare praise before a complaint is sarcasm; before more praise
	 * it is praise. */
	{ "“The lantern guild came. Brilliant. It was a disaster,” said "
	  "Mara Voss.", "brilliant", "-" },
	{ "“The lantern guild came. Brilliant. It was a delight,” said "
	  "Mara Voss.", "brilliant", "pro quote" },
	/* "So much for" dismisses what it names; "the only" limits what
	 * is said of the topic to something else. */
	{ "“So much for the lantern guild saving us money,” said Mara Voss.",
	  "saving", "con clause shifted" },
	{ "“The lantern guild is saving us money,” said Mara Voss.",
	  "saving", "pro clause" },
	{ "“The only thing the lantern guild is good for is a laugh,” said "
	  "Mara Voss.", "good", "con clause shifted" },
	{ "“The only thing a lantern keeper slows down is the fire,” said "
	  "Mara Voss.", "slows", "pro clause shifted" },
	{ "“The only good thing here is the lantern guild,” said Mara Voss.",
	  "good", "pro clause" },
	/* A two-place shifter shifts its first object only: judging the
	 * swap judges the topic reversed when the topic was given up. */
	{ "“We swapped the lantern guild for candles, and it worked "
	  "beautifully,” said Mara Voss.", "beautifully", "con reference shifted" },
	{ "“We swapped the candles for the lantern guild, and it worked "
	  "beautifully,” said Mara Voss.", "beautifully", "pro reference" },
	/* A pronoun after "a ban on X" takes up the ban, the head of its
	 * noun phrase: judging it judges the topic reversed. */
	{ "The council announced a ban on the lantern guild.\n\n“It is a "
	  "good start,” said Mara Voss.", "good", "con reference shifted" },
	{ "The council announced a new home for the lantern guild.\n\n“It "
	  "is a good start,” said Mara Voss.", "good", "pro reference" },
	/* An expectation reported as past is not the present view, unless
	 * the next sentence denies it, which reverses it. */
	{ "“I thought the lantern guild would be useless,” said Mara Voss.",
	  "useless", "-" },
	{ "“I thought the lantern guild was useless,” said Mara Voss.",
	  "useless", "-" },
	{ "“I think the lantern guild is useless,” said Mara Voss.",
	  "useless", "con clause" },
	{ "“The lantern guild was supposed to be helpful,” said Mara Voss.",
	  "helpful", "-" },
	{ "“I wanted to love the lantern guild,” said Mara Voss.", "love",
	  "-" },
	{ "“I expected the lantern guild to be useless,” said Mara Voss. "
	  "“I was wrong.”", "useless", "pro clause shifted" },
	{ "“The lantern guild was supposed to be helpful. It did the "
	  "opposite,” said Mara Voss.", "helpful", "con clause shifted" },
	/* A fronted "without" before a bad outcome: the absence goes
	 * badly; before a good one, it goes well. */
	{ "“Without the lantern guild, the night was chaos,” said Mara Voss.",
	  "chaos", "pro sentence contrast-target" },
	{ "“Without the lantern guild, the night was calm,” said Mara Voss.",
	  "without", "con object" },
	/* "X, but not Y" with no verb after "not": the same predicate
	 * denied of something else, a split view. */
	{ "“The lantern guild is helpful for lamps, but not for the river "
	  "boats,” said Mara Voss.", "helpful", "pro clause before-but concessive" },
	{ "“The lantern guild is helpful for lamps, but it is not cheap,” "
	  "said Mara Voss.", "helpful", "pro clause before-but" },
	/* A view stated to be denied by the next sentence. */
	{ "“Everyone says the lantern guild is useless. It isn't,” said Mara "
	  "Voss.", "useless", "pro clause shifted" },
	{ "“The lantern guild is useless. It is,” said Mara Voss.", "useless",
	  "con clause" },
	{ "“The lantern guild is useless. Not the lamps, the guild,” said "
	  "Mara Voss.", "useless", "con clause" },
	/* A relative clause on a generic subject is the view of the people
	 * it describes; dismissing them reverses it. */
	{ "“People who attack the lantern guild have never lit a lamp,” said "
	  "Mara Voss.", "attack", "pro object shifted" },
	{ "“People who attack the lantern guild are loud,” said Mara Voss.",
	  "attack", "-" },
	{ "Among those who attack the lantern guild are the mayor Rufus Hale "
	  "and the writer Dana Pike.", "attack", "con object" },
};

static void
test_rules(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(rule_cases) / sizeof(rule_cases[0]); i++) {
		run(&d, rule_cases[i].text);
		show_cue(&d, rule_cases[i].word, &out);
		su_expect(rule_cases[i].text, out.p, rule_cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

/* The stance of each person mentioned, then of the article. */
static void
show_stances(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];

		if (p->mentions == 0)
			continue;
		buf_addf(out, "%s=%s | ", p->name,
			 doc_stance_name(doc_stance(p->prom, p->conm)));
	}
	buf_addf(out, "article=%s",
		 doc_stance_name(doc_stance(d->prom, d->conm)));
}

static const struct {
	const char *text;
	const char *want;
} stance_cases[] = {
	{ "Writer Lena Frost praised the lantern guild.",
	  "Lena Frost=pro | article=pro" },
	{ "Writer Lena Frost did not praise the lantern guild.",
	  "Lena Frost=con | article=con" },
	{ "Writer Lena Frost would never scrap the lantern guild.",
	  "Lena Frost=pro | article=pro" },
	/* Praising or attacking the rejection of the topic is the
	 * opposite view of the topic; doing without it is a contrast
	 * target, flipped once. */
	{ "Writer Lena Frost welcomed the ban on the lantern guild.",
	  "Lena Frost=con | article=con" },
	{ "Writer Lena Frost welcomed the lantern guild.",
	  "Lena Frost=pro | article=pro" },
	{ "Writer Lena Frost slammed the decision to scrap the lantern "
	  "guild.",
	  "Lena Frost=pro | article=pro" },
	{ "Writer Lena Frost is against banning the lantern guild.",
	  "Lena Frost=pro | article=pro" },
	{ "Writer Lena Frost praised working without the lantern guild.",
	  "Lena Frost=con | article=con" },
	/* What the topic lets or costs people is a clear judgement, which
	 * counts alone with a pronoun for the topic too. */
	{ "The lantern guild met. “It saved us a week,” said Mara Voss.",
	  "Mara Voss=pro | article=pro" },
	/* Evidence in a quotation counts for its speaker. */
	{ "“The lantern guild is a lifeline for all of us,” said Mara Voss.",
	  "Mara Voss=pro | article=pro" },
	/* Outside quotations: every member of a list subject, a pronoun
	 * subject, or the article alone. */
	{ "Actor Rhys Vane, Dana Pike and Olga Brandt condemned the lantern "
	  "guild.",
	  "Rhys Vane=con | Dana Pike=con | Olga Brandt=con | article=con" },
	/* The members of a group listed in a paragraph of their own share
	 * the group's view told just before; a list inside a paragraph
	 * that goes on from other matters does not reach back past it. */
	{ "Writers signed a letter urging the council to scrap the lantern "
	  "guild.\n\nAmong the signatories are Rhys Vane and Dana Pike.",
	  "Rhys Vane=con | Dana Pike=con | article=con" },
	{ "Writers signed a letter urging the council to scrap the lantern "
	  "guild.\n\nThe rain stopped. Among the signatories are Rhys Vane "
	  "and Dana Pike.",
	  "Rhys Vane=neutral | Dana Pike=neutral | article=con" },
	/* A list subject whose first name follows an introductory phrase,
	 * or whose later names have a title or a short description before
	 * them, is one list still; two names with only a comma between are
	 * a name and an apposition, not a list. */
	{ "On the other side are performers such as Rhys Vane, Dana Pike "
	  "and Olga Brandt, who praised the lantern guild.",
	  "Rhys Vane=pro | Dana Pike=pro | Olga Brandt=pro | article=pro" },
	{ "Actors Rhys Vane, Dana Pike and Dame Olga Brandt condemned the "
	  "lantern guild.",
	  "Rhys Vane=con | Dana Pike=con | Olga Brandt=con | article=con" },
	{ "Among those who mocked the lantern guild were comedian Rhys "
	  "Vane, footballer-turned-pundit Dana Pike and lifestyle "
	  "influencer Olga Brandt.",
	  "Rhys Vane=con | Dana Pike=con | Olga Brandt=con | article=con" },
	{ "Speaking to the host Dana Pike, the actor Rhys Vane condemned "
	  "the lantern guild.",
	  "Dana Pike=neutral | Rhys Vane=con | article=con" },
	{ "Rhys Vane condemned the lantern guild as Dana Pike and the crew "
	  "watched.",
	  "Rhys Vane=con | Dana Pike=neutral | article=con" },
	{ "Director Tomas Quill arrived. He praised the lantern guild.",
	  "Tomas Quill=pro | article=pro" },
	/* Questions and reported views are not counted. */
	{ "Did Mara Voss praise the lantern guild?",
	  "Mara Voss=neutral | article=neutral" },
	/* Off the topic nothing counts. */
	{ "Director Tomas Quill condemned the weather.",
	  "Tomas Quill=neutral | article=neutral" },
	/* Abstention: weak evidence, only paragraph-linked, stays neutral;
	 * mixed needs real evidence on both sides. */
	{ "The lantern guild met.\n\nDirector Tomas Quill said the weather "
	  "was fine.",
	  "Tomas Quill=neutral | article=neutral" },
	{ "Director Tomas Quill praised the lantern guild and condemned the "
	  "lantern guild.",
	  "Tomas Quill=mixed | article=mixed" },
	/* A transcript turn is its labelled speaker's; a signed piece's
	 * first-person sentences its author's. */
	{ "Host Ada Lunn talks to the lamplighter Ivo Brandt about the "
	  "lantern guild.\n\nBRANDT: I think the lantern guild is "
	  "indispensable.",
	  "Ada Lunn=neutral | Ivo Brandt=pro | article=pro" },
	/* A label of several upper-case words is the person with that
	 * given name and surname; a label of nobody found is still a
	 * turn of someone else than the standfirst's host. */
	{ "Host Ada Lunn talks to the lamplighter Ivo Brandt about the "
	  "lantern guild.\n\nADA LUNN: Was it worth it?\n\nIVO BRANDT: "
	  "I think the lantern guild is indispensable.",
	  "Ada Lunn=neutral | Ivo Brandt=pro | article=pro" },
	{ "Host Ada Lunn talks to the lamplighter Ivo Brandt about the "
	  "lantern guild.\n\nADA LUNN: Was it worth it?\n\nIVO LUNN: "
	  "I think the lantern guild is indispensable.",
	  "Ada Lunn=neutral | Ivo Brandt=neutral | article=pro" },
	{ "Host Ada Lunn talks to a caller about the lantern guild.\n\n"
	  "CALLER ONE: I think the lantern guild is indispensable.",
	  "Ada Lunn=neutral | article=pro" },
	{ "By Emma Brandt\n\nI have never found the lantern guild useful.",
	  "Emma Brandt=con | article=con" },
	/* A letters page: each letter's first-person sentences are the
	 * writer's whose sign-off follows them. */
	{ "Sir, I have found the lantern guild useless.\n\n"
	  "Emma Brandt, Leeds\n\n"
	  "Madam, I have found the lantern guild indispensable.\n\n"
	  "The Rev Ivo Lunn, Dorchester",
	  "Emma Brandt=con | Ivo Lunn=pro | article=mixed" },
	/* A first-person text under a third-person standfirst: the person
	 * the standfirst names; a first-person opening names nobody. */
	{ "In this extract from her memoir, Dana Pike recalls her first "
	  "film.\n\nI found the lantern guild indispensable.",
	  "Dana Pike=pro | article=pro" },
	{ "I met Dana Pike on my first film.\n\nI found the lantern guild "
	  "indispensable.",
	  "Dana Pike=neutral | article=pro" },
	/* The writer's account, whoever its grammatical subject, unless
	 * the sentence names someone. */
	{ "Dana Pike on working with the lamplighter Ivo Brandt.\n\n"
	  "What did he do?\n\n"
	  "He told me the lantern guild was a lifeline.",
	  "Dana Pike=pro | Ivo Brandt=neutral | article=pro" },
	/* The members of a group share the view the group expressed; a
	 * list that is no group's takes nothing. */
	{ "Forty writers signed a letter condemning the lantern guild. "
	  "Among the signatories are Dana Pike and Olga Brandt.",
	  "Dana Pike=con | Olga Brandt=con | article=con" },
	{ "Forty writers signed a letter condemning the lantern guild. "
	  "Dana Pike and Olga Brandt met the crew.",
	  "Dana Pike=neutral | Olga Brandt=neutral | article=con" },
	/* Every name of the member list, each with a phrase of its own;
	 * a name governed by a preposition or a possessive is none. */
	{ "Forty writers signed a letter condemning the lantern guild. "
	  "Among the signatories are Dana Pike, whose play won at Leeds, "
	  "Olga Brandt of Hallam Films and Rhys Vane.",
	  "Dana Pike=con | Olga Brandt=con | Rhys Vane=con | article=con" },
	/* A plan whose content is taking the topic up stands for it, and
	 * so does "the plan" after it; a plan to reject it does not. */
	{ "The council made a decision to fund the lantern guild. Writer "
	  "Dana Pike opposed the decision.",
	  "Dana Pike=con | article=con" },
	{ "A training programme in lantern guilds opens in May. Writer "
	  "Dana Pike opposed the programme.",
	  "Dana Pike=con | article=con" },
	{ "The council made a decision to ban the lantern guild. Writer "
	  "Dana Pike opposed the decision.",
	  "Dana Pike=neutral | article=con" },
	/* The author of the group's text holds its view: "moved by A and
	 * seconded by B" names both; a film's director is none. */
	{ "Members carried a motion condemning the lantern guild. The "
	  "motion was moved by Dana Pike and seconded by Olga Brandt.",
	  "Dana Pike=con | Olga Brandt=con | article=con" },
	{ "Members carried a motion condemning the lantern guild. The "
	  "film was directed by Dana Pike.",
	  "Dana Pike=neutral | article=con" },
	/* ... only after a noun for the text: this is a feeling. */
	{ "Members carried a motion condemning the lantern guild.\n\n"
	  "I was moved by Dana Pike and her speech.",
	  "Dana Pike=neutral | article=con" },
	{ "Forty writers signed a letter condemning the lantern guild. "
	  "Among the signatories are Dana Pike, who was hired by Olga "
	  "Brandt, and Rhys Vane.",
	  "Dana Pike=con | Olga Brandt=neutral | Rhys Vane=con | "
	  "article=con" },
	/* A compound's modifier restricts its head: an article about the
	 * stunt keeper is not about the topic, and its bare "keeper"
	 * refers back to the stunt keeper; with a term that names the
	 * topic it is the topic's again. */
	{ "The stunt keeper, Ivo Brandt, got the credit.\n\n"
	  "“Best keeper I have ever worked with,” said Dana Pike.",
	  "Ivo Brandt=neutral | Dana Pike=neutral | article=neutral" },
	{ "The keeper, Ivo Brandt, got the credit.\n\n"
	  "“Best keeper I have ever worked with,” said Dana Pike.",
	  "Ivo Brandt=neutral | Dana Pike=pro | article=pro" },
	{ "The stunt keeper and the lantern keeper, Ivo Brandt, got the "
	  "credit.\n\n"
	  "“Best keeper I have ever worked with,” said Dana Pike.",
	  "Ivo Brandt=neutral | Dana Pike=pro | article=pro" },
	/* Whom the sentence acts on or speaks to holds no view of it: a
	 * person after "to", the one asked, the one hired; the one after
	 * "by" and the subject do. */
	{ "A panel gave the lamp prize to Ivo Brandt, saying the lantern "
	  "guild was useless.",
	  "Ivo Brandt=neutral | article=con" },
	{ "Ivo Brandt took the lamp prize, saying the lantern guild was "
	  "useless.",
	  "Ivo Brandt=con | article=con" },
	{ "The lantern guild was condemned by Ivo Brandt.",
	  "Ivo Brandt=con | article=con" },
	{ "Writer Ivo Brandt was asked about the useless lantern guild.",
	  "Ivo Brandt=neutral | article=con" },
	{ "Writer Ivo Brandt spoke about the useless lantern guild.",
	  "Ivo Brandt=con | article=con" },
	{ "The studio hired a lantern keeper, Ivo Brandt, for the shoot.",
	  "Ivo Brandt=neutral | article=pro" },
	{ "Writer Dana Pike hired a lantern keeper, Ivo Brandt, for the "
	  "shoot.",
	  "Dana Pike=pro | Ivo Brandt=neutral | article=pro" },
	/* ... also after a verb of the lexicon whose object the topic is
	 * ("engaged a ..."); not after one that evaluates from afar (a
	 * narrow rule: "the best advice came from" still counts, for a
	 * person who is no practitioner of the topic: a practitioner named
	 * in the narration is told about, not quoted for a view). */
	{ "The company engaged a lantern keeper, Ivo Brandt, for the "
	  "season.",
	  "Ivo Brandt=neutral | article=pro" },
	{ "The best advice came from a lantern keeper, Ivo Brandt, on the "
	  "first day.",
	  "Ivo Brandt=neutral | article=pro" },
	{ "The best advice came from a lamplighter, Ivo Brandt, on the "
	  "first day of the lantern guild.",
	  "Ivo Brandt=pro | article=pro" },
	/* In an article that names the topic, a sentence that names only
	 * its opposite is about it, reversed; in another article it is
	 * not. */
	{ "The lantern guild met.\n\nThe hall was full.\n\nThe night was "
	  "long.\n\nThe rain came.\n\n“The old way was wonderful,” said "
	  "Mara Voss.",
	  "Mara Voss=con | article=con" },
	{ "The hall was full.\n\n“The old way was wonderful,” said Mara "
	  "Voss.",
	  "Mara Voss=neutral | article=neutral" },
	/* A person who practises the topic (a title, an apposition or
	 * what they work as names a term that is a role) is the topic
	 * when someone else evaluates them; a compound that is no term
	 * names no practitioner, and the practitioner's own words about
	 * the job are no view of it. */
	{ "The guild hired a lantern keeper, Ivo Brandt, for the season."
	  "\n\nWriter Dana Pike swears by Brandt.",
	  "Ivo Brandt=neutral | Dana Pike=pro | article=pro" },
	{ "Ivo Brandt, the lantern keeper, came in May.\n\n"
	  "“Brandt was a lifeline,” said Dana Pike.",
	  "Ivo Brandt=neutral | Dana Pike=pro | article=pro" },
	{ "Ivo Brandt came in May. He has worked as a lantern keeper for "
	  "years.\n\n“Brandt was a lifeline,” said Dana Pike.",
	  "Ivo Brandt=neutral | Dana Pike=pro | article=pro" },
	{ "Ivo Brandt came in May.\n\n“Brandt was a lifeline,” said Dana "
	  "Pike.",
	  "Ivo Brandt=neutral | Dana Pike=neutral | article=neutral" },
	{ "The lantern guild met. It hired a stunt keeper, Ivo Brandt."
	  "\n\nWriter Dana Pike swears by Brandt.",
	  "Ivo Brandt=neutral | Dana Pike=neutral | article=neutral" },
	{ "Lantern keeper Ivo Brandt came in May.\n\nBrandt was "
	  "wonderful, he said.",
	  "Ivo Brandt=neutral | article=pro" },
	{ "Lantern keeper Ivo Brandt came in May.\n\nBrandt objected "
	  "to the useless lantern guild rota.",
	  "Ivo Brandt=neutral | article=con" },
	{ "Writer Ivo Brandt came in May.\n\nBrandt objected to the "
	  "useless lantern guild rota.",
	  "Ivo Brandt=con | article=con" },
	/* A signed paragraph that is a sentence is no sign-off. */
	{ "I found the lantern guild indispensable.\n\nDana Pike met the "
	  "crew.",
	  "Dana Pike=neutral | article=pro" },
	/* ... unless it is a note on the writer, in the present tense; a
	 * sign-off may be set off by a dash and say "by". A credit of
	 * another's work is no signature. */
	{ "I found the lantern guild indispensable.\n\nDana Pike is a "
	  "screenwriter based in Leeds.",
	  "Dana Pike=pro | article=pro" },
	{ "I found the lantern guild indispensable.\n\nDana Pike writes "
	  "about film every Tuesday.",
	  "Dana Pike=pro | article=pro" },
	{ "Sir, I have found the lantern guild useless.\n\n"
	  "\xe2\x80\x94 Emma Brandt, Leeds",
	  "Emma Brandt=con | article=con" },
	{ "I found the lantern guild indispensable.\n\n"
	  "\xe2\x80\x94 Reviewed by Dana Pike",
	  "Dana Pike=pro | article=pro" },
	{ "I found the lantern guild indispensable.\n\nPortrait by Dana "
	  "Pike",
	  "Dana Pike=neutral | article=pro" },
	/* In a signed first-person piece, a sentence that no one else is
	 * said to hold is the writer's; in a signed report in the third
	 * person it is not, nor one that names its holder. */
	{ "By Emma Brandt\n\nI have worked on ten films.\n\nThe lantern "
	  "guild is useless.",
	  "Emma Brandt=con | article=con" },
	{ "I have worked on ten films.\n\nThe lantern guild is useless."
	  "\n\nEmma Brandt is a lamp maker.",
	  "Emma Brandt=con | article=con" },
	{ "By Emma Brandt\n\nThe town met on Monday.\n\nThe lantern guild "
	  "is useless.",
	  "Emma Brandt=neutral | article=con" },
	{ "By Emma Brandt\n\nI have worked on ten films.\n\nWriter Ivo "
	  "Lunn thinks the lantern guild is useless.",
	  "Emma Brandt=neutral | Ivo Lunn=con | article=con" },
};

static void
test_stances(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(stance_cases) / sizeof(stance_cases[0]); i++) {
		run(&d, stance_cases[i].text);
		show_stances(&d, &out);
		su_expect(stance_cases[i].text, out.p, stance_cases[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

/* Confidence grows with the margin and is 1 for neutral without any
 * evidence; the stance and its confidence follow from the sums. */
static void
test_confidence(void **state)
{
	(void)state;
	assert_int_equal(doc_stance(0, 0), STANCE_NEUTRAL);
	assert_true(doc_confidence(0, 0) > 0.999);
	assert_int_equal(doc_stance(200, 0), STANCE_NEUTRAL);
	assert_true(doc_confidence(200, 0) < 0.9);
	assert_int_equal(doc_stance(2000, 0), STANCE_PRO);
	assert_true(doc_confidence(2000, 0) > doc_confidence(500, 0));
	assert_int_equal(doc_stance(500, 2000), STANCE_CON);
	assert_int_equal(doc_stance(1000, 900), STANCE_MIXED);
}

/* The lexicon table: sorted, multi-word phrases found by their words,
 * every entry with its source. */
static void
test_lexicon(void **state)
{
	const struct pol_entry *e;
	size_t i;

	(void)state;
	for (i = 1; i < pol_ntable; i++)
		assert_true(strcmp(pol_table[i - 1].key, pol_table[i].key) < 0);
	e = polarity_lookup("a godsend", 9);
	assert_non_null(e);
	assert_int_equal(e->kind, POL_EVAL);
	assert_true(e->v > 0);
	assert_string_equal(pol_source_name[e->src], "curated");
	e = polarity_lookup("useless", 7);
	assert_non_null(e);
	assert_true(e->v < 0);
	e = polarity_lookup("abrogated", 9);
	assert_non_null(e);
	assert_int_equal(e->kind, POL_SHIFT);
	assert_null(polarity_lookup("lantern", 7));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_stances),
		cmocka_unit_test(test_confidence),
		cmocka_unit_test(test_lexicon),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
