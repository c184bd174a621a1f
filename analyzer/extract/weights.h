/* weights.h -- the tuning numbers of the extract stage: what makes a block
 * a paragraph, how containers are scored (after Readability), what is
 * cleaned out of the chosen content, the class/id weight of hints.c, the
 * UTF-8 verdicts of charset.c and the title and byline checks of meta.c.
 *
 * They were tuned on the pages of ../shared/eval/extraction; any change
 * moves its F1, so measure before and after. Where counts are compared, a
 * ratio is written as a product of integers (link * W_X_DIV < text) so that
 * no rounding enters; a float keeps the type the scores are summed in.
 */
#ifndef PT_WEIGHTS_H
#define PT_WEIGHTS_H

/* ---- paragraphs and prose (sums of content.c) ---- */

/* Own text bytes that make a block a paragraph, and a paragraph a scoring
 * candidate: shorter ones are labels, buttons and datelines. */
#define W_PARA_MIN_TEXT 25
/* Own text bytes of a paragraph that counts as prose: about a sentence. */
#define W_PROSE_MIN_TEXT 40
/* Prose has less than 1/W_PROSE_LINK_DIV of its text in links. */
#define W_PROSE_LINK_DIV 3
/* A box holding 1/W_MOST_PROSE_DIV of the page's prose is the article
 * whatever its name says: never removed as boilerplate, never cleaned. */
#define W_MOST_PROSE_DIV 2

/* ---- container scores (content.c score, init_score) ---- */

/* The start score of a container by its tag: a <div> is the usual
 * wrapper of an article; <pre>, cells and quotes hold text; lists, forms
 * and <address> are navigation or contact boxes; headings are titles. */
#define W_TAG_DIV 5
#define W_TAG_TEXT 3
#define W_TAG_LIST (-3)
#define W_TAG_HEAD (-5)
/* <article> says it is one. */
#define W_TAG_ARTICLE 10
/* itemprop=articleBody: the site says where its text is. */
#define W_TAG_ARTBODY 40
/* Text bytes a container needs before a positive class/id weight counts:
 * a class name speaks for a container, not for a line of text. */
#define W_CLASS_MIN_TEXT 140

/* A paragraph with more than 1/W_SCORE_LINK_DIV of its text in links
 * scores nothing (a list of links, not prose). */
#define W_SCORE_LINK_DIV 2
/* What a paragraph scores: W_SCORE_BASE, one per comma (commas mark
 * sentences), one per W_SCORE_TEXT_UNIT bytes up to W_SCORE_TEXT_CAP (so a
 * single long block does not outweigh several paragraphs). */
#define W_SCORE_BASE 1.0f
#define W_SCORE_TEXT_UNIT 100
#define W_SCORE_TEXT_CAP 3
/* Commas count up to one per W_COMMA_BYTES bytes of a paragraph (a
 * comma-dense block is a list of names or references); a table cell
 * scores 1/W_CELL_DIV of a paragraph, a list item 1/W_LI_DIV. */
#define W_COMMA_BYTES 40
#define W_CELL_DIV 2
#define W_LI_DIV 8
/* Ancestors a paragraph's score goes to: the first in full, the second a
 * 1/W_SCORE_PARENT_DIV, level L >= 2 a 1/(W_SCORE_ANCESTOR_DIV * L), so the
 * nearest wrapper of the paragraphs wins. */
#define W_SCORE_LEVELS 5
#define W_SCORE_PARENT_DIV 2
#define W_SCORE_ANCESTOR_DIV 3

/* ---- choosing the top container (content.c refine_top) ---- */

/* Best-scoring containers kept to choose from. */
#define W_TOP_KEEP 5
/* Runners-up scoring at least W_CLOSE_RATIO of the top are close; when
 * W_CLOSE_MIN of them share an ancestor, the article is that ancestor
 * (its paragraphs were split into several boxes). */
#define W_CLOSE_RATIO 0.75f
#define W_CLOSE_MIN 2
/* Climbing to better-scoring parents stops at a parent scoring under
 * 1/W_CLIMB_DIV of the last one. */
#define W_CLIMB_DIV 3

/* Climbing on from the top container: a parent whose text beyond it is
 * at least 1/W_SPREAD_PROSE_DIV prose and under 1/W_SPREAD_LINK_DIV links
 * is the article (its text spread over several blocks). */
#define W_SPREAD_PROSE_DIV 2
#define W_SPREAD_LINK_DIV 4
/* A wrapper adding fewer bytes than this that are not prose (a title, a
 * date) is passed over, and the next one judged with them. */
#define W_SPREAD_SKIP 100
/* Blocks of the climbed-to parent around the chosen one under this many
 * bytes and without prose are left out (kickers, datelines, bylines). */
#define W_AROUND_MIN_TEXT 40
/* A page description may start with a kicker of under this many bytes
 * and ": " ("Analysis: "). */
#define W_KICKER_MAX 30
/* A summary saying what the page's description says is at most a search
 * snippet long (bytes); a longer block is the lead it was made from. */
#define W_DEK_MAX 160

/* ---- siblings of the top container (content.c select_siblings) ---- */

/* A scored sibling joins with W_SIBLING_RATIO of the top score, at least
 * W_SIBLING_MIN, plus W_SIBLING_CLASS_BONUS of it when it has the top's
 * class (the next part of the same article). */
/* A sibling without prose never joins by its score. */
#define W_SIBLING_RATIO 0.2f
#define W_SIBLING_MIN 10
#define W_SIBLING_CLASS_BONUS 0.2f
/* An unscored paragraph sibling joins with more than W_SIBLING_TEXT bytes
 * and a link density under W_SIBLING_LINKS, or as a shorter full sentence
 * without links. */
#define W_SIBLING_TEXT 80
#define W_SIBLING_LINKS 0.25

/* ---- cleaning the chosen content (content.c drop_container,
 * drop_inside, serialize) ---- */

/* A container with this many commas is prose and stays. */
#define W_KEEP_COMMAS 10
/* An image gallery: several images, fewer than one paragraph per
 * W_GALLERY_IMG_DIV images and under W_GALLERY_MAX_TEXT bytes of text. */
#define W_GALLERY_IMG_DIV 2
#define W_GALLERY_MAX_TEXT 200
/* Link density over which a heading or a container is a link box, and
 * the looser one for a container whose class says it is content. */
#define W_LINKY 0.33
#define W_LINKY_POS 0.5
/* An inline card (a hover card, an inline teaser): a span with an image,
 * at least W_CARD_MIN_TEXT bytes, W_CARD_LINK_TENTHS tenths of them links. */
#define W_CARD_MIN_TEXT 50
#define W_CARD_LINK_TENTHS 8
/* Blocks under W_UNDO_MAX_TEXT bytes may be taken out again once written;
 * under W_SHORT_TEXT bytes, a boilerplate line or one with at least
 * W_SHORT_LINK_TENTHS tenths of links is. */
#define W_UNDO_MAX_TEXT 300
#define W_SHORT_TEXT 150
#define W_SHORT_LINK_TENTHS 9
/* A short line around the chosen block with this many capital letters
 * and no small one is a banner or a call to action. */
#define W_SHOUT_MIN 12
/* Under W_MIN_TEXT bytes of chosen text, the whole body is taken instead;
 * a JSON-LD articleBody of at least W_MIN_TEXT bytes replaces a page text
 * under 1/W_HINT_DIV of its length. */
#define W_MIN_TEXT 200
#define W_HINT_DIV 2
/* A text under 1/W_SHORT_DIV of the page's prose (or under W_MIN_TEXT
 * bytes) is short: the fallback cascade of content_extract() runs. */
#define W_SHORT_DIV 10

/* ---- class/id hints (hints.c) ---- */

/* The weight of a positive (POS) or negative (NEG, BOILER) class/id
 * match; a weight of this or more loosens W_LINKY to W_LINKY_POS. */
#define W_CLASS_WEIGHT 25

/* ---- charsets (charset.c) ---- */

/* Bytes are not UTF-8 when they hold an invalid sequence per
 * W_UTF8_BAD_DIV valid multi-byte ones or more (a stray bad byte in a
 * UTF-8 page does not make it windows-1252). */
#define W_UTF8_BAD_DIV 50
/* Valid multi-byte sequences, and no invalid one, that make a page
 * declared in a single-byte charset plainly UTF-8. */
#define W_UTF8_MIN_MULTI 8

/* ---- metadata (meta.c) ---- */

/* An <h1> replaces the metadata title when it has at least
 * W_H1_MIN_TITLE bytes and W_H1_OVERLAP of its words are in that title
 * (the visible headline wins over an SEO title saying the same). */
#define W_H1_MIN_TITLE 10
#define W_H1_OVERLAP 0.6
/* A byline longer than this is running text, not names. */
#define W_AUTHOR_MAX 80
/* A title tail after " | " or " - " under W_TITLE_TAIL_MAX bytes and
 * under 1/W_TITLE_TAIL_DIV of the head is the site's name. */
#define W_TITLE_TAIL_MAX 30
#define W_TITLE_TAIL_DIV 2

#endif
