/* polarity_table.h -- the general English evaluative lexicon and the
 * named weights of the stance engine, compiled by the build
 * (scripts/gen_polarity.py) from data/lexicon/evaluative.tsv and
 * data/lexicon/stance-weights.tsv. */
#ifndef PT_POLARITY_TABLE_H
#define PT_POLARITY_TABLE_H

#include "analyzer/stance/polarity_weights.h" /* generated */

#include <stddef.h>
#include <stdio.h>

enum pol_kind {
	POL_NONE = 0, /* only the start of a longer phrase */
	POL_EVAL,     /* an evaluation: v in -1000..1000 */
	POL_SHIFT,    /* a verb that flips what it governs ("scrap") */
	POL_ADOPT,    /* a verb of taking something up ("hire") */
	POL_BOOST,    /* an intensifier or diminisher: v is its factor */
	POL_DROP,     /* never evaluative (overrides a source) */
	POL_NEG,      /* a negator ("not", "no one") */
	POL_PRAISE,   /* a verb of praising its object ("hailed") */
	POL_OPPOSE,   /* a verb of attacking its object ("lambasted") */
	POL_MEMBER    /* introduces the members of a group ("among the
			 signatories are", "including") */
};

struct pol_entry {
	const char *key;      /* words in key form, separated by spaces */
	unsigned short klen;  /* its length in bytes */
	unsigned char kind;   /* enum pol_kind */
	unsigned char src;    /* index into pol_source_name */
	unsigned char prefix; /* 1 when a longer phrase starts with it */
	short v;              /* value, in thousandths */
};

/* Sorted by key (bytes); looked up through pol_hash. */
extern const struct pol_entry pol_table[];
extern const size_t pol_ntable;
/* Hash index of pol_table: FNV-1a of the key masked by pol_hash_mask,
 * linear probing; a slot holds an index + 1 in its low POL_SLOT_BITS
 * bits and the hash's top bits above them, 0 when empty. */
#define POL_SLOT_BITS 20
extern const unsigned pol_hash[];
extern const unsigned pol_hash_mask;
/* Where entries come from ("vader", "pattern+vader", "curated"...). */
extern const char *const pol_source_name[];
/* The named weights: names and the fitted values (enum pol_weight). */
extern const char *const pol_weight_name[];
extern const double pol_weight_default[];

/* Layers of the engine that can be switched off, for ablations. */
enum pol_layer {
	POL_OFF_LEXICON = 1 << 0,     /* the general lexicon: topic cues only */
	POL_OFF_COMPOSITION = 1 << 1, /* negation, shifters, contrast,
					 irrealis, reported views, boosts */
	POL_OFF_LINKING = 1 << 2,     /* every link weighs as a clause link */
	POL_OFF_ABSTENTION = 1 << 3   /* no threshold; mixed on any two sides */
};

/* The weights in use (enum pol_weight): the compiled ones, or those of
 * the file named by PT_STANCE_WEIGHTS ("name value" lines; the fitting
 * script's way in). Static, loaded on first use. */
const double *pol_weights(void);
/* enum pol_layer bits switched off by PT_STANCE_OFF ("lexicon",
 * "composition", "linking", "abstention", comma-separated). */
unsigned pol_layers_off(void);
/* The file named by PT_STANCE_DUMP, opened for appending on first use
 * and never closed (exit flushes it), or NULL when unset: polarity_run()
 * writes there the named features of every piece of evidence, so that
 * scripts/fit_stance.py can fit the weights from one run. Static. */
FILE *pol_dump_file(void);

#endif
