/* weights.c -- the stance engine's named weights in use, its layer
 * switches and its feature dump: compiled from
 * data/lexicon/stance-weights.tsv, overridable by the environment for
 * fitting and ablations (never set in production). */
#include "analyzer/stance/polarity_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double weights[W_COUNT];
static unsigned off;
static int loaded;
static FILE *dump;
static int dump_tried;

static void
load_file(const char *path)
{
	char line[256], name[64];
	double v;
	FILE *fp = fopen(path, "r");
	int i;

	if (!fp)
		return;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "%63s %lf", name, &v) == 2)
			for (i = 0; i < W_COUNT; i++)
				if (strcmp(pol_weight_name[i], name) == 0)
					weights[i] = v;
	fclose(fp);
}

static void
load(void)
{
	const char *w = getenv("PT_STANCE_WEIGHTS");
	const char *o = getenv("PT_STANCE_OFF");

	memcpy(weights, pol_weight_default, sizeof(weights));
	if (w && *w)
		load_file(w);
	if (o) {
		if (strstr(o, "lexicon"))
			off |= POL_OFF_LEXICON;
		if (strstr(o, "composition"))
			off |= POL_OFF_COMPOSITION;
		if (strstr(o, "linking"))
			off |= POL_OFF_LINKING;
		if (strstr(o, "abstention"))
			off |= POL_OFF_ABSTENTION;
	}
	loaded = 1;
}

const double *
pol_weights(void)
{
	if (!loaded)
		load();
	return weights;
}

unsigned
pol_layers_off(void)
{
	if (!loaded)
		load();
	return off;
}

FILE *
pol_dump_file(void)
{
	const char *p;

	if (dump_tried)
		return dump;
	dump_tried = 1;
	p = getenv("PT_STANCE_DUMP");
	if (p && *p)
		dump = fopen(p, "a");
	return dump;
}
