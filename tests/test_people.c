/* test_people.c -- the people step (people.h) alone, after prep.h, mark.h
 * and quote.h: which names are found as people (and how often they are
 * mentioned), and which capitalised words are not. The people and the
 * sentences are invented for these tests. */
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
	"term      lantern guild*\n"
	"pro       praised\n"
	"figure    Odalys Vantreck | Vantreck\n"
	"role      lamplighter\n"
	"nonperson Copper Lantern Awards\n";

SU_FIXTURE(topic_text, SU_PEOPLE)

/* The people mentioned, in the order found, as "Name=mentions" with F or
 * M when the given name tells the gender and '*' for a topic figure. */
static void
show_people(const struct doc *d, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < d->np; i++) {
		const struct person *p = &d->p[i];

		if (p->mentions == 0)
			continue;
		buf_addf(out, "%s%s=%u%s%s", out->len ? " | " : "", p->name,
			 p->mentions,
			 p->gender == GENDER_F ? "F" :
			 p->gender == GENDER_M ? "M" : "",
			 p->figure >= 0 ? "*" : "");
	}
}

static const struct {
	const char *text;
	const char *want;
} found[] = {
	/* Evidence next to a name of two words or more: a role or title
	 * before it, a speech verb after or (inverted) before it, an
	 * apposition, a list with a person in it. */
	{ "Director Tomas Quill arrived.", "Tomas Quill=1M" },
	/* A word before a job's name and a role names the employer. */
	{ "“He will start on opening day,” said Harbourmen general manager "
	  "Rui Sarda.", "Rui Sarda=1M" },
	/* A capitalised plural and "of" open a group's name. */
	{ "Ines Varga of the campaign group Friends of Ben Tolliver said "
	  "the decision was wrong.", "Ines Varga=1F" },
	/* A subject with "which" after it is a thing. */
	{ "The firm sells two assistants. Chief executive Rui Sarda said "
	  "Lionel, which plans routes, will launch in May.", "Rui Sarda=1M" },
	{ "One mother, who gave her name only as Efua, said it helped.",
	  "Efua=1" },
	{ "Conductor Clemency Ravensholt, who led the premiere, bowed.",
	  "Clemency Ravensholt=1" },
	{ "Lamplighter Bram Oduya waved.", "Bram Oduya=1M" },
	{ "Sir Edwin Hollis spoke.", "Edwin Hollis=1M" },
	{ "Mirela Costa said the plan worked.", "Mirela Costa=1" },
	{ "“We need more time,” said Mara Voss.", "Mara Voss=1F" },
	{ "Greta Lund, a veteran producer, left.", "Greta Lund=1F" },
	{ "Imogen Sato, 31, said it.", "Imogen Sato=1F" },
	/* An English list after "from" ("work from A, B and C"): a place
	 * after a preposition is no item of a list only in text that is
	 * not English. */
	{ "The festival has new work from Park Ji-won, Imogen Sato and "
	  "Tomas Quill.", "Park Ji-won=1 | Imogen Sato=1F | Tomas Quill=1M" },
	{ "Producer Rufus Hale, Dana Pike and Olga Brandt attended.",
	  "Rufus Hale=1M | Dana Pike=1F | Olga Brandt=1F" },
	/* Particles and initials stay in the name. */
	{ "Director Ana de la Fuente spoke.", "Ana de la Fuente=1F" },
	{ "Writer J. Okafor said nothing.", "J. Okafor=1" },
	/* A topic figure, by any alias. */
	{ "Vantreck spoke briefly.", "Odalys Vantreck=1F*" },
	{ "Odalys Vantreck met the lamplighter.", "Odalys Vantreck=1F*" },
	/* A single word is the person with that surname, before or after
	 * the full name, or with that given name when only one has it... */
	{ "Actress Nadia Brennan arrived. Brennan smiled.",
	  "Nadia Brennan=2F" },
	{ "Quill arrived. Director Tomas Quill spoke.", "Tomas Quill=2M" },
	{ "Director Tomas Quill spoke. Tomas smiled.", "Tomas Quill=2M" },
	/* ... or a person of its own with a role before it. */
	{ "Director Quill arrived.", "Quill=1" },
	/* A given name of the gazetteer (given.h) is evidence too. */
	{ "Novak Petrak waved.", "Novak Petrak=1M" },
	{ "Yoshihito Arakawa and Gael Berthier waved.",
	  "Yoshihito Arakawa=1 | Gael Berthier=1M" },
	/* Job titles are cut off the name; a run of them is nobody. */
	{ "Home Secretary Jane Dorrit said no.", "Jane Dorrit=1F" },
	{ "Senior Vice President Lantern Sales spoke.", "" },
	/* A full name, then the surname alone with a verb. */
	{ "Kestrel Amadi-Boone asked. Amadi-Boone, whose film opened, "
	  "answered.", "Kestrel Amadi-Boone=2" },
	/* Hyphenated given names are evidence, but give no gender (they
	 * are unknown to the lists as a whole). */
	{ "Marie-Hélène Dufresne smiled. Dufresne said so.",
	  "Marie-Hélène Dufresne=2" },
	/* An organisation word rules a run out, not the name after it. */
	{ "Warner Studios hired Kate Ellis.", "Kate Ellis=1F" },
	/* In English text, two or more words no dictionary has are a name
	 * without other evidence ("for" is no preposition of place)... */
	{ "After the match the crowd cheered for Quorian Okonkwo-Brandt and "
	  "the rest of the team.", "Quorian Okonkwo-Brandt=1" },
	/* ... and so is a weak given name (a common word too) before
	 * one. */
	{ "The coach said that the team will miss Brad Kellerhals in the "
	  "final.", "Brad Kellerhals=1M" },
	/* Dictionary words and places before a name are no part of it, nor
	 * is a job word opening a sentence. */
	{ "The deaths were unclear, and Public Ombudsman Nadia Brennan’s "
	  "office said so.", "Nadia Brennan=1F" },
	{ "The envoy to Britain Liu Renhai has said that it is so.",
	  "Liu Renhai=1" },
	{ "Goalkeeper Ines Marsh saved it.", "Ines Marsh=1F" },
	/* A dictionary word alone is a person after a title (its stop
	 * between), with an apposition, or before "said". */
	{ "Mr. Tramp said it was over.", "Tramp=1" },
	{ "Linnet, the cabaret artist, was not amused by it.", "Linnet=1" },
	/* A job title of many words is cut off before the name; the
	 * surname alone is the person with a generational suffix. */
	{ "The Harbour Valley Teachers Association President Elwin Drabble "
	  "spoke to the crowd.", "Elwin Drabble=1M" },
	{ "Dorian K. Pelham Jr., the district attorney, said it was over. "
	  "Pelham said so again.", "Dorian K. Pelham Jr.=2" },
	/* Two dictionary words need a title, a role or an apposition; a
	 * capitalised role inside a sentence before a dictionary word
	 * names a known person only. */
	{ "“I am tired,” said the golfer Tiger Moss, who won it.",
	  "Tiger Moss=1" },
	{ "Ines Tramp arrived and the team met President Tramp at noon.",
	  "Ines Tramp=2F" },
	/* Initials and a surname the dictionary lacks. */
	{ "The film was directed by R.T. Quillfeather, and it opened on "
	  "Friday.", "R.T. Quillfeather=1" },
	{ "The court heard from F. Ryan Holloway on Monday.",
	  "F. Ryan Holloway=1" },
	/* A letter without a stop before a name is no initial (a
	 * position in a roster). */
	{ "The roster for the game lists G Tavrin Okafor-Blaise as the "
	  "starter.", "Tavrin Okafor-Blaise=1" },
	/* A nickname in marks inside a name is left out of it; an Arabic
	 * article stays with the surname. */
	{ "Character actor Vusumuzi ‘Vusi’ Khanye-Dlamini was blunter.",
	  "Vusumuzi Khanye-Dlamini=1" },
	{ "The coordinator Noor al-Hashimi replied within the hour.",
	  "Noor al-Hashimi=1F" },
	/* An item after "from" in a list of people is a place. */
	{ "They are two brothers from Paisholt, Callum and Duncan Mowbray.",
	  "Duncan Mowbray=1M | Callum=1M" },
	/* A nickname in marks inside a name, alone later, is that person. */
	{ "The singer Tomas “Tommo” Quill headlines. Later Tommo said he "
	  "would play new songs.", "Tomas Quill=2M" },
	/* Particles of Kalenjin names ("arap"), as of Arabic and German ones
	 * ("bint", "ould", "zu"), inside the name. */
	{ "Her rival, Kipkemoi Langat arap Tuwei, dismissed it. Tuwei said "
	  "so.", "Kipkemoi Langat arap Tuwei=2" },
	/* Her surname alone, its article in lower case, is her; an
	 * organisation with the article is nobody. */
	{ "The coordinator Noor al-Hashimi replied. “It works,” al-Hashimi "
	  "said of the plan. Fighters of al-Qaeda said nothing.",
	  "Noor al-Hashimi=2F" },
	/* A short form of the given name with the same surname is the same
	 * person; another given name is somebody else. */
	{ "Patrick W. Okonjo-Reyes Jr. pleaded guilty. His lawyer said Pat "
	  "Okonjo-Reyes meant no harm. Bob Lindqvist and Robert Lindqvist "
	  "met Tim Lindqvist.",
	  "Patrick W. Okonjo-Reyes Jr.=2M | Bob Lindqvist=2M | "
	  "Tim Lindqvist=1M" },
	/* Nicknames from data/lexicon/nicknames.csv, also of the same length
	 * as the name ("Jack" for "John"); a name that is no nickname of it
	 * stays another person. */
	{ "Elizabeth Marchetti-Oyelaran spoke first. Later Bess "
	  "Marchetti-Oyelaran said she agreed. John Halvorsen-Beck and Jack "
	  "Halvorsen-Beck met Joan Halvorsen-Beck.",
	  "Elizabeth Marchetti-Oyelaran=2F | John Halvorsen-Beck=2M | "
	  "Joan Halvorsen-Beck=1F" },
	{ "Speaker Benjamin Oduya-Nwosu died. The motion honoured Rt. Hon. "
	  "B. U. Oduya-Nwosu.", "Benjamin Oduya-Nwosu=2M" },
	/* "He" as a surname next to an unknown word; the pronoun before
	 * a dictionary word. */
	{ "The envoy met Zhou He, the trade negotiator. He Xiaoqiang, the "
	  "former director, said so. He Told Me was a hit.",
	  "Zhou He=1 | He Xiaoqiang=1" },
	/* A sentence's subject that a gendered pronoun follows; a thing is
	 * "it". */
	{ "Kit Harrowgate had been told the tool would change his life. "
	  "Golden Kriex had been told it would change its price.",
	  "Kit Harrowgate=1" },
	/* An auxiliary opening a question is no given name. */
	{ "Will Helena Zarkovic return for a fourth season? Nobody knows.",
	  "Helena Zarkovic=1F" },
	/* The leader a government is named after. */
	{ "It shows how the Vantrask regime acts. The Conservative administration "
	  "and the Syrian regime did not.", "Vantrask=1" },
	/* A place as a given name, with evidence; not after "from". */
	{ "Cairo Mwangi-Hale will tell you it works. Flights from Cairo "
	  "Zorvatt left.", "Cairo Mwangi-Hale=1" },
	/* A run before a role and a name is no person ("Gibson Northern
	 * teacher"). */
	{ "Fans said that Gibson Northern teacher Kwabena Otieno-Hale "
	  "cheered.", "Kwabena Otieno-Hale=1M" },
	/* After a preposition: "who" or an age after the name, or a "to"
	 * of a source, not of a place. */
	{ "The award went to Reed Haverly, who thanked the crew.",
	  "Reed Haverly=1M" },
	{ "According to Dana Pike, the bill is dead.", "Dana Pike=1F" },
	{ "The guild read a statement from Tomas Quill on Monday.",
	  "Tomas Quill=1M" },
	/* A romanised Korean or Chinese name: the surname, then a given
	 * name of two syllables joined by a hyphen (the surname may be a
	 * dictionary, kinship or organisation word). */
	{ "Park Ji-hwan watched from the stands. Son Min-jae scored twice. "
	  "Tsai Hsiu-ling met them.",
	  "Park Ji-hwan=1 | Son Min-jae=1 | Tsai Hsiu-ling=1" },
	/* One given name and surname, two middle names: two people; a
	 * middle initial is the middle name's. */
	{ "Director Amara Lise Okoye met Amara Junia Okoye. Later Amara L. "
	  "Okoye spoke.", "Amara Lise Okoye=2F | Amara Junia Okoye=1F" },
	{ "Tobias Renkwell Jr., 55, spoke. Later Tobias Q. Renkwell left.",
	  "Tobias Renkwell Jr.=2M" },
	/* The authors of a reference list, surname and initials; the rest
	 * of the line is the reference. */
	{ "Sources.\n\n[1] Lamp safety at night. Okafor CJ, Lindqvist-Baum "
	  "A, et al. Lantern Res Quart. 2019; 4: 11-19.",
	  "Okafor CJ=1 | Lindqvist-Baum A=1" },
	/* A capital inside a name ("Mc", "De", "Le", a given name before
	 * it). */
	{ "Fans met Douglas MacArthwin, Ron DeSantolo and Sara McDowfield.",
	  "Douglas MacArthwin=1M | Ron DeSantolo=1M | Sara McDowfield=1F" },
	/* One word opening a sentence, a speech verb and "he" or "she"
	 * after it; not a company ("it") nor a contraction. */
	{ "Zorvatu said he would move the capital. Kraxel said it would "
	  "grow. Couldn't say, she said.", "Zorvatu=1" },
	/* A name of one word in a list of people; not a dictionary word. */
	{ "Fans cheered for Mira Solberg, Kavi Raman, Zeddo and Ola "
	  "Brandvik.", "Mira Solberg=1F | Kavi Raman=1M | Ola Brandvik=1F | "
	  "Zeddo=1" },
	{ "Ivo Brandtner, Apple and Lena Frostig spoke.",
	  "Ivo Brandtner=1M | Lena Frostig=1F" },
	/* The rows of a table of people, in text that is not English: a
	 * weak given name ("Reed") next to rows of accepted people. */
	{ "Nesta página você terá sempre a classificação da corrida.\n\n"
	  "1 Kyle Bronwick 5040 5 1\n2 Reed Tavorsen 5035 7 0\n3 Denny "
	  "Halvik 5033 4 6\n\nVenha sempre conferir a classificação.",
	  "Kyle Bronwick=1M | Reed Tavorsen=1M | Denny Halvik=1M" },
	/* A place and a point of the compass: a district, even in a list
	 * with a person. */
	{ "The senator representing Zamfara North, Adeyemi Okonkwo, moved "
	  "the motion.", "Adeyemi Okonkwo=1" },
	/* Titles of rank: before the name, or after it with "of". */
	{ "Pope Anselm visited the ward. Later, Emir Zayyad met the envoy.",
	  "Anselm=1M | Zayyad=1" },
	{ "Lavinia, Duchess of Harrowby, opened the fete.", "Lavinia=1F" },
	/* Cyrillic: a transliterated given name or a surname's suffix
	 * makes a name; its inflected forms are one person; a sentence's
	 * first word is no part of it unless a given name. */
	{ "Министр Аркадий Зубарев встретился с коллегами. По словам "
	  "Зубарева, всё хорошо. Позже Зубарев уехал. Визит Ольги "
	  "Мелентьевой перенесён. Делегации ждут Южная Корея и Нижний "
	  "Новгород.", "Аркадий Зубарев=3 | Ольги Мелентьевой=1F" },
	/* A byline. */
	{ "By Odile Kaczmarek-Frost\n\nThe cinema will close on Sunday.",
	  "Odile Kaczmarek-Frost=1F" },
	/* Honorifics of Indonesian and Arabic names before one word; in
	 * text that is not English, a run with no given name first is no
	 * person by the surname alone ("Murid Burhanuddin": his
	 * pupils). */
	{ "Kisah itu diceritakan oleh Syekh Burhanuddin kepada murid-murid "
	  "di pondok. Murid Burhanuddin pun datang setiap pagi. Nabi Ilyas "
	  "pun pernah diuji, tapi tetap sabar.",
	  "Burhanuddin=1 | Ilyas=1" },
	/* An Arabic surname of origin with its article names a person by
	 * its form, after an honorific with the article too. */
	{ "Hadits ini dicatat oleh At-Tabarini dan dinilai sahih oleh "
	  "Asy-Syaikh Al-Qurtubani dalam kitab yang lain.",
	  "At-Tabarini=1 | Al-Qurtubani=1" },
	/* A person's name before an organisation word is still the
	 * person's where the text gives evidence ("said"). */
	{ "The Ines Okafor Foundation gave money, and Ines Okafor said it "
	  "helped.", "Ines Okafor=1F" },
	/* A role opening a sentence before a dictionary word is part of a
	 * title when more words follow; not before initials. */
	{ "Coach P.J. Vantreckson spoke.", "P.J. Vantreckson=1" },
	{ "Choreographer Sparrow Dvalishvili-Rane, who has staged dances "
	  "for years, sees room for both.", "Sparrow Dvalishvili-Rane=1" },
	/* A part is played where the sentence speaks of one; "play" after
	 * a modal or "to" is a verb, not a word for a work. */
	{ "Mirela Okonjo agreed to play Dalia Fenwright, and she was "
	  "perfect for the part. No one was braver than Dalia Fenwright.",
	  "Mirela Okonjo=1" },
	{ "In the final, Kiri Vantas will play Tomas Brdecka on Sunday.",
	  "Kiri Vantas=1F | Tomas Brdecka=1M" },
	/* A sentence's first word with "his" after it may be a person of
	 * its own (not with "its": a company). */
	{ "Ostrovic has revealed the second chapter of his memoir. That, "
	  "Ostrovic says, makes it personal.", "Ostrovic=2" },
	/* A possessive before a work one person makes is its author,
	 * even after a preposition. */
	{ "They found inspiration in Van Dorlek's famous painting of the "
	  "harbour.", "Van Dorlek=1" },
	/* A place after an unknown word is a surname with evidence
	 * around it (a role before the comma), not alone. */
	{ "The guests were invited to an event by media mogul, Debowale "
	  "Lagos.", "Debowale Lagos=1" },
	/* A Korean name of three syllables written apart, whatever its
	 * syllables are in English ("Oh", "Ho"). */
	{ "The show was directed by Oh Seung Taek last year, with costumes "
	  "by Yoon Ha Seok.", "Oh Seung Taek=1 | Yoon Ha Seok=1" },
	/* After "its" and a plural or a verb, a name is a name. */
	{ "Its signatories include Bartolo Vrenkhausen, Lane Fiskard and the "
	  "cinematographer Hakon Strandvik.", "Bartolo Vrenkhausen=1M | "
	  "Lane Fiskard=1M | Hakon Strandvik=1" },
	/* Angle brackets on other lines are no title. */
	{ "Prices < 50 dollars.\nVasko Renholt said so.\nOr > 60.",
	  "Vasko Renholt=1" },
	/* A name given to a person ("a man named X"), in English or in
	 * Indonesian; not a thing named so. */
	{ "Years ago a man named Kvorst ran the lighthouse.", "Kvorst=1" },
	{ "Mereka tidak membolehkan orang bernama Zubaidin masuk ke rumah "
	  "itu.", "Zubaidin=1" },
	/* What only a person has or does: a wife, "himself", a birth. */
	{ "Tavrell's wife opened the door. Later Morrow Quist himself "
	  "arrived, and Sandoval was born there.",
	  "Morrow Quist=1 | Tavrell=1 | Sandoval=1" },
	{ "Hundreds came to Okwuosa's funeral in the rain.", "Okwuosa=1" },
	{ "Reviewers say Corin Vantaro's sister lives in Leeds.",
	  "Corin Vantaro=1" },
	{ "Orla Kinsevic and Bram Vostrikan say the plan works.",
	  "Orla Kinsevic=1F | Bram Vostrikan=1M" },
	{ "They met a man named Marion Valeska last year.",
	  "Marion Valeska=1F" },
	/* The maker or the player of a work after "by"; a life's dates or
	 * an age in brackets. */
	{ "The film was directed by Vorhaus and the villain was played by "
	  "Kestrin Adebayo-Lund.", "Kestrin Adebayo-Lund=1 | Vorhaus=1" },
	{ "The old house of Marnow (1921-1999) stood here. Later Renquist "
	  "(45) came. Then Dulic (born 1961) agreed.",
	  "Marnow=1 | Renquist=1 | Dulic=1" },
	/* A role written as an acronym is no part of a name; another
	 * acronym is ("JP Morgan"). */
	{ "The UK PM Vorland said it was over. DJ Zantor spun records.",
	  "Vorland=1 | Zantor=1" },
	/* A role after a comma and before a name is that name's, no
	 * apposition of the run before the comma. */
	{ "In the original Dread Orbit, engineer Isaac Clarkson is silent.",
	  "Isaac Clarkson=1M" },
	/* Indonesian verbs of saying ("kata X") and honorifics ("Pak X");
	 * a sentence's first word before a verb of saying that opens a
	 * quotation. */
	{ "“Saya ingat semuanya,” kata Wirasena kepada wartawan di kantor. "
	  "Pak Darmaji juga datang ke sana.", "Wirasena=1 | Darmaji=1" },
	{ "Mereka duduk bersama di rumah itu sampai malam.\n\nRustamaji "
	  "berkata, “Bagaimana itu?”", "Rustamaji=1" },
	/* Surnames that are also heads of places' names. */
	{ "The film-maker deploys Aubra Plaza as both muse and mouthpiece, "
	  "and Frankie Ocean sings.", "Aubra Plaza=1 | Frankie Ocean=1" },
	{ "Sen. Marek Warner spoke with Ines Fox on Sunday.",
	  "Marek Warner=1M | Ines Fox=1F" },
	/* An organisation word as the surname after a given name, with
	 * evidence around it. */
	{ "Stuart Hall said the plan would fail, and Brenda Song, an "
	  "actress, agreed.", "Stuart Hall=1M | Brenda Song=1F" },
	/* A capitalised role and a dictionary word before "said"; a day
	 * of the week after a name is no part of it. */
	{ "On Friday, President Tramp said that he was justified.",
	  "Tramp=1" },
	{ "During an interview with Jake Tappern Sunday morning, he spoke.",
	  "Jake Tappern=1M" },
	/* A word no dictionary has, opening its sentence, with its own
	 * "her" before any other name; not a company's word before its
	 * chief's name. */
	{ "Zorvania is readying her eighth album this year.\n\nNvortexa "
	  "chief Jensen Huang said his firm would grow.",
	  "Jensen Huang=1 | Zorvania=1" },
	/* A nickname of more than one word in marks inside a name. */
	{ "The singer Abelo “The Nightly” Tesfalem arrived late.",
	  "Abelo Tesfalem=1" },
	/* A role that is a common surname after a given name stays in
	 * the name; a job title is cut ("Art Director"). */
	{ "The album features John Legend and Joey Bishop, and Art Director "
	  "Mira Solberg.", "John Legend=1M | Joey Bishop=1 | Mira Solberg=1F" },
	/* A possessor after an inverted verb of saying is no speaker. */
	{ "Joe Magyer, an analyst, said Zorblax's miss was small.",
	  "Joe Magyer=1M" },
	/* In text that is not English a preposition joined to an article
	 * introduces an institution, no item of a list of people; verbs of
	 * saying of other languages ("disse X"). */
	{ "O presidente Jairo Bolvano afirmou que, apesar da pressão, o "
	  "ministro do Meio Ambiente, Ricardo Salvanes, está fazendo um "
	  "trabalho muito bom e vai ficar no cargo. “Ele fica”, disse "
	  "Bolvano.", "Jairo Bolvano=2M | Ricardo Salvanes=1M" },
	{ "Ontem o ministro Zaqueu visitou a cidade e falou com os "
	  "moradores sobre as obras da nova escola.", "Zaqueu=1" },
	/* A given name that two people share is neither of them alone,
	 * and no new person. */
	{ "Ali Farrokhzad met Ali Vostrikane in the port. Then Director Ali "
	  "spoke.", "Ali Farrokhzad=1M | Ali Vostrikane=1M" },
	/* "to" after a verb one does to a person ("spoke to", "wrote
	 * to") introduces a listener, not a place. */
	{ "She spoke to Mirela Kovačić for the Riverside Review.",
	  "Mirela Kovačić=1" },
	{ "At the bar she was talking to Zorvan Pirnau about it.",
	  "Zorvan Pirnau=1" },
	{ "She is married to Zorvan Pirnau.", "Zorvan Pirnau=1" },
	/* A word for a company or a publication before a run ("the weekly
	 * X", "the broadcaster X Y") names one, unless the run reads as a
	 * name after a word for a trade too ("the documentary maker X");
	 * a work in apposition to a role ("the coordinator on her series,
	 * X,") is that role's person; a word before a role and a name
	 * is what that person works for, a person of its own elsewhere. */
	{ "Ilse Maritz, head of drama at the broadcaster Karoo Lens, said so.",
	  "Ilse Maritz=1F" },
	{ "The documentary maker Oskari Vehkala-Dunn went further.",
	  "Oskari Vehkala-Dunn=1" },
	{ "Tamsin Orrell says the coordinator on her new series, Zorvana "
	  "Pirtle, was calm.", "Tamsin Orrell=1F | Zorvana Pirtle=1" },
	{ "Veteran Tobagonian director Wendell Ashby-Crane said no.",
	  "Wendell Ashby-Crane=1M" },
	{ "“It works,” said Lumora founder Adaeze Okpala-Berg.",
	  "Adaeze Okpala-Berg=1F" },
	{ "Tramp aide Ann Roe left. Later Tramp said it was over.",
	  "Ann Roe=1F | Tramp=2" },
	/* A birth name is one more mention of the person born so, before
	 * or after it, of the gender its given name tells; no person of
	 * its own. */
	{ "Vera Lund, who ran the library, has died at 88. Born Vera Moss "
	  "in Dunedin in 1937, she moved to Hamilton after marrying Piet "
	  "Achter.", "Vera Lund=2F | Piet Achter=1" },
	{ "Born Vera Moss in Dunedin, Vera Lund moved to Hamilton.",
	  "Vera Lund=2F" },
	{ "The singer Ann Roe (born Ann Lisle) said no.", "Ann Roe=2F" },
	{ "The singer Ann Roe, née Lisle, said no.", "Ann Roe=1F" },
	/* A given name before "and" and a full name shares its surname. */
	{ "The line-up has new work from the duo Lucía and Matías Ferrando. "
	  "Later Lucía said it was hard.",
	  "Matías Ferrando=1M | Lucía Ferrando=2F" },
	{ "Apple and Tim Cook said no.", "Tim Cook=1M" },
	/* Characters in a sentence about acting: after "as", or after an
	 * actor's possessive, a rank before them or not; not after "such
	 * as", a publication's possessive, or a co-star's role. */
	{ "Oren Vasko would reprise his role as Pell Darrow, the father of "
	  "Ezra Quill's Captain Tobin R. Darrow.",
	  "Oren Vasko=1M | Ezra Quill=1M" },
	{ "The voice cast is strong, and veteran actor Philippe Rousset is "
	  "wonderfully nasty as Admiral Vosk.", "Philippe Rousset=1M" },
	{ "Speaking to Reel Ledger’s Hanna Ostrova, the actor Lincoln Mardle "
	  "said he was tired.", "Hanna Ostrova=1F | Lincoln Mardle=1M" },
	{ "Players such as Ivy Banks and Tom Reed love the cast.",
	  "Ivy Banks=1F | Tom Reed=1M" },
	{ "Tom Reed's co-star Ivy Banks said it was fun.",
	  "Tom Reed=1M | Ivy Banks=1F" },
	/* A surname alone as its sentence's subject, "her" after it, makes
	 * the full name before it a person; so does an actor's turn in a
	 * part ("X's performance as"). */
	{ "The award went to Losana Fifita-Crowl for the drama Long Yard. "
	  "Fifita-Crowl thanked the crew and her two children.",
	  "Losana Fifita-Crowl=2" },
	{ "There is much to admire in Fenna Ogunbo-Ross's performance as the "
	  "widow: she is fierce.", "Fenna Ogunbo-Ross=1" },
	/* A sentence's first word before a verb of saying, a gendered
	 * pronoun just after the quotation that opens the next sentence. */
	{ "Tavesi said the team would win on Sunday. “We are ready,” she "
	  "said.", "Tavesi=1" },
	/* A short form or a nickname of one person's given name alone is
	 * that person; of two people's, neither; a longer word that only
	 * starts with a given name is no short form. */
	{ "Elizabeth Marrow arrived. Liz said she was tired.",
	  "Elizabeth Marrow=2F" },
	{ "Robert Vance waved. Later, Bobby said he was happy.",
	  "Robert Vance=2M" },
	{ "Christopher Holt came. Chris smiled, and Chris said yes.",
	  "Christopher Holt=3M" },
	{ "Patrick Hume and Patricia Lowe met. Later, Pat said no.",
	  "Patrick Hume=1M | Patricia Lowe=1F" },
	{ "Ahmad Rahimi spoke. Then the minister Ahmadinejadi said no.",
	  "Ahmad Rahimi=1M | Ahmadinejadi=1" },
	/* A word no dictionary has with its own "his" or "her", after one
	 * sentence adverb that opens the sentence. */
	{ "Then Zorvana took her bag.", "Zorvana=1" },
	{ "Even Dubo had his water in a cup.", "Dubo=1" },
	/* "I" after a name is the pronoun before its verb, unless a
	 * monarch's number after a given name of the hand-made list. */
	{ "Queen Elizabeth I ruled for decades.", "Elizabeth I=1F" },
	/* Malay honorifics before a name. */
	{ "A column by the commentator Datuk Harun Zainali, in which he said "
	  "no. “Enough,” Harun wrote.", "Harun Zainali=2M" },
	{ "In the app, Zorvana Pirtle plays a nurse.", "Zorvana Pirtle=1" },
	/* Not an organisation's name: no dictionary word before a
	 * publication's word; a verb of saying before "its". */
	{ "He spoke on the Jo Rogana podcast.", "Jo Rogana=1F" },
	{ "Tam Okoro said its sales rose.", "Tam Okoro=1" },
	/* A given name after "Storm" is a storm's; a character before its
	 * actor in brackets is no person; sports clubs' words. */
	{ "The actress Storm Reidy said she was ready.", "Storm Reidy=1" },
	{ "Mads Kjeldby plays Erik, a keeper whose solitude is broken by a "
	  "young scientist, Astrid (Freya Holmsen).",
	  "Mads Kjeldby=1M | Freya Holmsen=1F" },
	{ "Kofi Asante-Mensa scored twice as Marlowe Athletic beat Danebury "
	  "Rovers.", "Kofi Asante-Mensa=1M" },
	/* A Vietnamese surname opening a sentence stays in the name. */
	{ "Pham Minh Tuyen was sworn in as prime minister on Monday. Tuyen "
	  "said no.", "Pham Minh Tuyen=2" },
	/* A given name in a list beside one person is a person; then a word
	 * beside two people; no shared surname for the last items of a
	 * list. */
	{ "Zoraya, Adele and Harry Stiles also performed.",
	  "Harry Stiles=1M | Adele=1F | Zoraya=1F" },
	/* A given name that also names an award or a service ("Tony",
	 * "Oscar", "Max") before a surname is a name. */
	{ "Tony Blaine said no.", "Tony Blaine=1M" },
	{ "Actor Oscar Delgado-Ives has joined the cast.",
	  "Oscar Delgado-Ives=1M" },
	/* A monarch's number stays in the name; a match ahead is no part
	 * ("will play either X or Y"). */
	{ "King Felipe VI opened parliament.", "Felipe VI=1M" },
	{ "Radu-Lee will play either Iga Swiatkova or Coco Gauff-Mora next.",
	  "Iga Swiatkova=1 | Coco Gauff-Mora=1F" },
	/* A part after "as", another part's possessive and its role, in a
	 * sentence about a performance; not before a verb of saying. */
	{ "Kiely is wonderful, and Brendan Gleeson-Moyle, as Nora's gruff "
	  "uncle Seamus, gives the best performance of his career.",
	  "Brendan Gleeson-Moyle=1M" },
	{ "As his uncle Seamus said, the cast was fine.", "Seamus=1M" },
	/* A name closing an apposition to a role's phrase: the role a few
	 * words back, no work, organisation or possessive between. */
	{ "He met the new coach of the national team, Okonkwe, on Monday.",
	  "Okonkwe=1" },
	/* A name after "the" that modifies a noun is still a person's. */
	{ "Tomas Quill fell. Critics of the Quill regime cheered.",
	  "Tomas Quill=2M" },
	/* A person has a chief of staff and a board game; a company has a
	 * chief executive. */
	{ "Tomas's chief of staff quit. Tomas said he was sorry.",
	  "Tomas=2M" },
	{ "Prince Edmund, the younger brother of the heir to the throne, "
	  "Aldric, has told friends.", "Edmund=1M | Aldric=1M" },
	/* A word for a company before the head of an apposition is no
	 * organisation's apposition; a house or a paper before what reads
	 * as a name is no company's. */
	{ "Ann Leeson, a network executive, said no.", "Ann Leeson=1F" },
	{ "Zorvan Pirtle, the studio head, left.", "Zorvan Pirtle=1" },
	{ "It is the house Zorvan Pirtle built in 1990.", "Zorvan Pirtle=1" },
	{ "The cast, as Ivy Banks put it, was happy.", "Ivy Banks=1F" },
	{ "The war hero, Tom Reeder, was honoured.", "Tom Reeder=1M" },
	/* Single names joined by an ampersand are a firm's, full names
	 * people. */
	{ "The show stars Ivy Banks & Tom Reed.", "Ivy Banks=1F | Tom Reed=1M" },
	/* Its own "her" after a series of verbs with one subject. */
	{ "Kazuno has never released an album, never given an interview and "
	  "never shown her face.", "Kazuno=1" },
	/* The first of two surnames alone is the person (Spanish and
	 * Portuguese usage). */
	{ "El líder Alberto Feijal Marín criticó la medida. “Es un ataque”, "
	  "dijo Feijal en Madrid.", "Alberto Feijal Marín=2M" },
	{ "Andrés Manuel Lozano Obrador spoke. Later Lozano said no.",
	  "Andrés Manuel Lozano Obrador=2M" },
	/* Indonesian roles and ministries before a name; the first words of
	 * a longer name are its person. */
	{ "Menteri Keuangan Sri Mulyadi Indrawan mengatakan anggaran aman. "
	  "“Kami akan menjaga defisit,” kata Sri Mulyadi kepada wartawan.",
	  "Sri Mulyadi Indrawan=2" },
};

static const struct {
	const char *text;
	const char *why;
} not_found[] = {
	{ "The Copper Lantern Awards were held in Leeds.", "nonperson" },
	{ "The film Paper Lanterns opened.", "after a work word" },
	{ "The play “Maud Ellery” opened.", "inside a title" },
	{ "Harbour was quiet.", "one word, no evidence" },
	{ "The Halvard Pulse 3 is heavy, and a Corvane Aria 2 is lighter.",
	  "a model in a series after a determiner, given name or not" },
	{ "THR reported it. People say so.", "acronym; sentence start" },
	{ "He met them in London on Monday.", "place and day" },
	{ "Speaking in Rotterdam, they left.", "place after a preposition" },
	{ "Zorvath Marsh waved.", "two words, no evidence" },
	{ "They were at the Brackley Field for the game and the fans were "
	  "there too.", "dictionary words" },
	{ "The team flew in from Zanderhof Kralje on Monday for the game.",
	  "unknown words after a preposition of place" },
	{ "The veteran who plays grizzled detective Ormand Vesk was furious "
	  "about it.", "a character" },
	{ "It is a set from the LEGO Star Wars range, and the fans love it.",
	  "a dictionary word after a role in a title" },
	{ "The report was released by the Office of the Inspector General "
	  "on Monday.", "a dictionary word after a role in a title" },
	{ "The firm said that Meridian Crown added subscribers in the year.",
	  "two dictionary words" },
	{ "The crowd went home, and Fort Ellery May Dry Human Waste was the "
	  "headline.",
	  "a headline" },
	{ "Sudah lama Warung Sederhana tutup dan Bapak pulang ke rumah.",
	  "unknown words in text that is not English" },
	{ "This year we saw the Zorvatta Kriex make a comeback in the shops.",
	  "after a determiner, no given name" },
	{ "The data came from the Hazel Wren supercomputer in the north.",
	  "before a thing's head noun" },
	{ "We are thinking we have a great aura at Oliver Field this year.",
	  "a dictionary word after a preposition of place" },
	{ "Fans of Team Pre-war and Club Co-op saw Mo Re-run, the Top "
	  "Non-stop show.", "English words of the syllabic shape" },
	{ "Kami pulang ke rumah karena hujan turun dan jalan banjir. Karena "
	  "Hujan itu, kami makan nasi di rumah.",
	  "a sentence's first word that the text also writes in lower case" },
	{ "Deals today: Zorvex Kalimba ZK3418 at half price, and more.",
	  "a model code after the run" },
	{ "Users say Vorta ZapSafe works well with the new phones, and the "
	  "reviewers agree with them.", "a capital inside a word: a product" },
	{ "The Zorvex GT, which is fast, won the race.",
	  "one surname and capitals: no reference list" },
	{ "The team flew to Zanderhof Kralje, which hosts the final.",
	  "a place after a preposition, then which" },
	{ "Contracts went to Calder Voss Corporation this year. Later "
	  "Calder Voss won again.", "the short form of a company's name" },
	{ "Reviewers liked the Mason Pro and the Lila Lite, which cost "
	  "less.", "a word that ends a product's model" },
	{ "The studio wants a second, R-rated Star Comet film.",
	  "a letter and a word joined by a hyphen" },
	{ "Star Comet Legends: Dark Harbour is out. You can call it Star "
	  "Comet Raiders. Star Comet heroes are shown, for fans of Star "
	  "Comet.", "a title after a role, at the start of a sentence too" },
	{ "The story follows Tarrin Vasko, a young pilot, across the "
	  "galaxy.", "the hero of a plot summary" },
	{ "Vantrexa has revealed the second model in its range. That, "
	  "Vantrexa says, makes it faster.", "a company: its" },
	{ "The global firm QX Harlow had called the ruling a landmark, and "
	  "QX Harlow said so again.", "one name with an acronym" },
	{ "The fans flew home from Ikeja Lagos on Monday.",
	  "a district before a place, after a preposition" },
	{ "They all watched The Long Shot at home on Sunday.",
	  "function words are no syllables of a Korean name" },
	{ "The brand says its electric Zorvani Turismo is the most striking "
	  "yet.", "a thing's possessive and an adjective" },
	{ "Fans queued at Nashville's Grand Ole Marvo for hours.",
	  "a dictionary word before a given name, after a possessive" },
	{ "Come and watch <The Harbour: Tale of Vasko Renholt> at the "
	  "theatre, or read 《Letters of Dalia Fenwright》 at home.",
	  "a title in angle brackets" },
	{ "Years ago a ship named Kvorst sailed from the harbour.",
	  "a thing named so" },
	{ "Zentrova's lawyers opened the case. Later Zentrova's shares "
	  "fell.", "a company's lawyers and shares" },
	{ "The hikers crossed Marion Canyon and then Sierra Valley before "
	  "dark.", "the heads of names of places" },
	{ "El anuncio lo hizo ayer el Partido Rosalia Verde en la capital, "
	  "junto con la Fundacion Marisol Ortega.",
	  "an organisation's head first, in another language" },
	{ "Reviewers say Corin Vantaro's battery lasts for days, and Marlo "
	  "Zentrix headphones are cheap.", "a machine's part; a thing's head" },
	{ "She loved the game Harlan Vestige and a novel titled Marta "
	  "Quillon.", "after a word for a game, after titled" },
	{ "In it you play as Tarrin Vasko, and players control Mira "
	  "Dolanek too, while the villain Korvath Ulmer waits.",
	  "a game's characters" },
	{ "The shop sells a doormat reading Zorbies Never say die for ten "
	  "euros.", "a plural verb after one name" },
	{ "The troops trained the opposition forces known as Kataib al "
	  "Zurran, or KaZ, to fight. They bought a ship named Marion "
	  "Valeska.", "the name of a group or a thing" },
	{ "The show was produced by Zentrova and hosted by Quillon.",
	  "what a company does too" },
	{ "I was swept away by games like Baldur's Keep and Icewind Vorale "
	  "last year.", "items of a list of games" },
	{ "Mereka duduk bersama di rumah itu sampai malam. Sebaliknya "
	  "menyatakan bahwa mereka salah itu sekedar kritik saja.",
	  "a sentence's first word before a verb that reports" },
	{ "Kami semua libur pada hari itu dan pulang ke rumah. Pada "
	  "peringatan Hari Pers Nasional semua wartawan datang ke gedung "
	  "itu.", "a given name the text also writes in lower case" },
	{ "Buyers love the stylish mid-size Corvan Harrier SUV and the "
	  "Lisbet Vorn GPU.", "a thing's head as an acronym" },
	{ "The studio Warner Bros said the film would open in May.",
	  "a studio's name" },
	{ "They sang at Grace Church and at Marion Hall on Sunday.",
	  "an organisation word after a given name, no evidence" },
	{ "Fans of the LEGO Star Wars range think it is fun.",
	  "a title after a role, before a verb of opinion" },
	{ "She studied at Duke M.D./Ph.D. school for years.",
	  "letters with stops alone are a degree" },
	{ "Kami membaca kitab Al Mursyid setiap malam di rumah bersama "
	  "keluarga, lalu pergi ke kantor Al-Hidayah untuk belajar lagi.",
	  "the Arabic article in text that is not English; no nisba" },
	{ "Last year the team went to Zanderhof Kralje for the final.",
	  "unknown words after \"went to\"" },
	{ "Sales rose, and Zorvex, the chipmaker, said so.",
	  "a company's apposition" },
	{ "Lumora Vox, the dubbing company, today announced a deal.",
	  "a company's apposition after a run" },
	{ "The Taipei handset maker Zorvant unveiled two phones. “It runs on "
	  "the phone,” Zorvant said.", "a maker of goods, at each mention" },
	{ "The Leeds Corsairs lost 5-1 on Saturday, their sixth defeat, and "
	  "the coach hid his anger. In a statement, the Corsairs said they "
	  "would improve.", "a team: \"their\" first, one word after "
	  "\"the\"" },
	{ "On the bill are the Leeds duo Hattie Crane and the accordion "
	  "trio Kolme Veljet.", "a band's name after its kind" },
	{ "She beat a player from the United States, who needed five sets.",
	  "one word after an organisation's word ends its name" },
	{ "Sigrid's head of design spoke first. “It will change,” Sigrid "
	  "said.", "a given name whose head of design speaks" },
	{ "Sigrid, the Oslo shipping company, cut jobs. “We will hire "
	  "again,” Sigrid said.", "a company's apposition with a place" },
	{ "She told the Dhaka weekly Parvin Khota that she was tired.",
	  "a weekly's name" },
	{ "Filming on the jungle adventure Ulan Merah was closed.",
	  "a kind of work before a title" },
	{ "The special, Nelly Yeh, starts streaming on Friday.",
	  "a work in apposition" },
	{ "He would not allow one on the set of his next feature, Kara "
	  "Yolcu.", "a work in apposition, ending the sentence" },
	{ "You play Captain Ilsa Varno, a smuggler who has lost her ship.",
	  "a game's character after \"you play\" and a rank" },
	{ "Zorvex Prime's performance of the quarter was weak.",
	  "a performance of a thing" },
	{ "Tavesi said the team would win on Sunday.",
	  "a sentence's first word before a verb of saying, no pronoun" },
	{ "The Rock had his say.", "a determiner opens the sentence" },
	{ "However Nvortex raised its prices.", "its, not his or her" },
	{ "In Lake Alta I lost my voice twice.",
	  "the pronoun \"I\" after a given name of the gazetteer only" },
	{ "Zorvenic’s new model, Dryft 3, generates footage from a prompt.",
	  "a product in apposition, with a model's number" },
	{ "He said it on the Dolly Take podcast last week.",
	  "a name ending in a dictionary word before a publication's word" },
	{ "Lakshmi Talkeez will show its last film on Sunday.",
	  "a run opening its sentence, \"its\" after it" },
	{ "Thousands lost power after Storm Idris brought winds of 90mph.",
	  "a storm named with a given name" },
	{ "She spoke in a hall on ulica Tadeusza Wrzosa before dawn.",
	  "a street's name after a street word in lower case" },
	{ "Fields flooded after Storm Orlavine put water over the road.",
	  "a storm named with any word, no verb of saying" },
	{ "The family ate at the Ambrose Tillery, the village pub, that "
	  "night.", "a pub's apposition" },
	{ "Harbury Ravens 31 Colm Wanderlings 17\n\nThe visitors lost at "
	  "the end.", "the sides of a result line" },
	{ "She opened Casa Ilvarra on the quay two years ago.",
	  "a restaurant's name" },
	{ "Dunmore Utilities said it would appeal. Brackwater Renewables "
	  "and Skelbrook Air agreed.", "company words at a name's end" },
	{ "The winner came in the final minute from Tottenham Hotspur.",
	  "a sports club" },
	{ "She won album of the year for her record Les Heures Bleues.",
	  "a record after a possessive" },
	{ "The band's single Lumo Vasta charted.", "a single after a possessive" },
	{ "The Tony Awards were held, and she won an Oscar.",
	  "awards named with a given name" },
	{ "We also won Tony Vela cosmetics, which was a plus.",
	  "a brand before a product's noun" },
	{ "He once played Poe Damaris in the space films.",
	  "a part right after the verb, a screen work after it" },
	{ "The series, which follows Marc Spektor, a former soldier, begins "
	  "filming.", "a work's relative clause" },
	{ "The film follows Ivy Banks, a nurse.", "a work follows its hero" },
	{ "The director of the film, Titanica, said so.",
	  "a work between the role and the apposition" },
	{ "It was the year's biggest romance, Paper Kites, and a hit.",
	  "a possessive between" },
	{ "Sales rose, and Zorvex, a company based in Oslo, said so.",
	  "an organisation's apposition before \"based\"" },
	{ "The Mardi Gras parade was cancelled.", "an event before \"parade\"" },
	{ "The game's hero, Ardyn Vael, must save the kingdom.",
	  "a work's hero in apposition" },
	{ "The novel's narrator, Pip Marlow, is twelve.",
	  "a work's narrator in apposition" },
	{ "Later, Procter & Gamble said prices would rise.",
	  "a firm's name with an ampersand" },
};

static void
test_names_found(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(found) / sizeof(found[0]); i++) {
		run(&d, found[i].text);
		show_people(&d, &out);
		if (strcmp(out.p, found[i].want) != 0)
			fail_msg("%s\n  got:  %s\n  want: %s", found[i].text,
				 out.p, found[i].want);
	}
	buf_release(&out);
	doc_release(&d);
}

static void
test_names_not_found(void **state)
{
	struct doc d;
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	doc_init(&d);
	for (i = 0; i < sizeof(not_found) / sizeof(not_found[0]); i++) {
		run(&d, not_found[i].text);
		show_people(&d, &out);
		if (out.len)
			fail_msg("%s (%s)\n  got: %s", not_found[i].text,
				 not_found[i].why, out.p);
		assert_int_equal(d.nm, 0);
	}
	buf_release(&out);
	doc_release(&d);
}

/* Mentions are in text order, each covering its name's tokens. */
static void
test_mentions(void **state)
{
	const char *text = "Director Tomas Quill met Vantreck. Quill left.";
	struct doc d;

	(void)state;
	doc_init(&d);
	run(&d, text);
	assert_int_equal(d.nm, 3);
	/* Director Tomas Quill met Vantreck . Quill left . */
	assert_int_equal(d.m[0].tok, 1);
	assert_int_equal(d.m[0].ntok, 2);
	assert_int_equal(d.m[1].tok, 4);
	assert_int_equal(d.m[2].tok, 6);
	assert_int_equal(d.m[0].person, d.m[2].person);
	assert_int_equal(d.p[d.m[1].person].figure, 0);
	doc_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_found),
		cmocka_unit_test(test_names_not_found),
		cmocka_unit_test(test_mentions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
