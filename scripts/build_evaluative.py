#!/usr/bin/env python3
"""build_evaluative.py -- builds data/lexicon/evaluative.tsv, the general
English evaluative lexicon of the stance engine, from published sources.

usage: build_evaluative.py VADER_LEXICON PATTERN_XML SHIFTERS[,SHIFTERS] CURATED OUT

  VADER_LEXICON  vader_lexicon.txt (vaderSentiment, MIT licence)
  PATTERN_XML    en-sentiment.xml (Pattern, PDDL)
  SHIFTERS       verbal_shifters.gold_standard.txt and
                 verbal_shifters.bootstrapping.txt (Schulder et al. 2017,
                 CC BY 4.0; every label by an expert annotator), comma-
                 separated
  CURATED        data/lexicon/curated.tsv (presstally's own phrases, idioms,
                 intensifiers, adoption verbs and overrides)

Each output line is "phrase TAB kind TAB value TAB source": kind is eval
(value -1..1), shift (a verb that flips what it governs), boost (value is
the factor of an intensifier or diminisher) or adopt (a verb of taking
something up: hire, use), praise or oppose (a verb of praising or
attacking its object: hail, lambast), neg (a negator) or drop; a kind
written with "!" ("shift!") is not inflected (the phrase is never
evaluative). The build (scripts/gen_polarity.py) compiles it into a
table; this script runs only when a source changes, by hand.
"""
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

# Words the sources rate but that English news prose mostly uses without
# evaluating anything: function words, interjections and polysemous
# everyday words ("like", "kind", "well", "pretty", "play", "party",
# "free", "cut"). A linguist's list for the register, not for a topic.
STOP = set("""
no yes yeah ok okay like likes liked kind well pretty please play plays
played playing party parties free god lol haha hah hahaha ha lmao want
wants wanted care cares dear matter matters mean means sure true fine
whatever number numbers top bottom lead leading clear clearly certain
certainly big huge major large special serious seriously real really
major share shares sharing shared game games joke jokes joking funny
fun chance chances interest interested interesting interests
""".split())

def key(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'")
    return " ".join(s.split())

def words_ok(k):
    return re.fullmatch(r"[a-z][a-z'\-]*( [a-z][a-z'\-]*)*", k) is not None

def inflect(verb):
    """The forms of a verb lemma: base, -s, -ed, -ing (regular English)."""
    v = verb
    out = {v}
    if re.search(r"(s|x|z|ch|sh)$", v):
        out.add(v + "es")
    elif re.search(r"[^aeiou]y$", v):
        out.add(v[:-1] + "ies")
    else:
        out.add(v + "s")
    if v.endswith("e"):
        out.add(v + "d")
        out.add(v[:-1] + "ing")
    elif re.search(r"[^aeiou]y$", v):
        out.add(v[:-1] + "ied")
        out.add(v + "ing")
    elif re.search(r"[^aeiou][aeiou][bdgklmnprt]$", v) and len(v) <= 5:
        out.add(v + v[-1] + "ed")
        out.add(v + v[-1] + "ing")
    else:
        out.add(v + "ed")
        out.add(v + "ing")
    return out

def main(argv):
    if len(argv) != 6:
        sys.stderr.write(__doc__)
        return 2
    vader, pattern, shifters, curated, out = argv[1:]
    ev = {}  # key -> {source: value}
    with open(vader, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            k = key(parts[0])
            if not words_ok(k) or k in STOP:
                continue
            v = float(parts[1]) / 4.0
            if abs(v) < 0.35:  # VADER's raters near neutral
                continue
            ev.setdefault(k, {})["vader"] = v
    senses = {}
    for w in ET.parse(pattern).getroot().iter("word"):
        k = key(w.get("form", ""))
        if not words_ok(k) or k in STOP:
            continue
        senses.setdefault(k, []).append((float(w.get("polarity", "0")),
                                         float(w.get("subjectivity", "0"))))
    for k, vs in senses.items():
        v = sum(p for p, _ in vs) / len(vs)
        subj = sum(s for _, s in vs) / len(vs)
        # Mostly objective ("own", "main") or mixed senses: not evaluative.
        if abs(v) < 0.2 or subj < 0.5:
            continue
        ev.setdefault(k, {})["pattern"] = v
    # British spellings of the US forms the sources use ("criticize" ->
    # "criticise", "skeptical" -> "sceptical", "favor" -> "favour").
    for k in list(ev):
        for a, b in (("iz", "is"), ("yz", "ys"), ("skeptic", "sceptic"),
                     ("avor", "avour"), ("onor", "onour"), ("umor", "umour")):
            if a in k:
                v = k.replace(a, b)
                if v not in ev:
                    ev[v] = dict(ev[k])
    rows = {}
    for k, src in ev.items():
        # Pattern alone rates many adjectives weakly by their use in
        # reviews ("behind", "approximate"): only its clear ones count.
        if list(src) == ["pattern"] and abs(src["pattern"]) < 0.5:
            continue
        v = sum(src.values()) / len(src)
        rows[k] = ("eval", round(v, 2), "+".join(sorted(src)))
    # The regular inflections of a rated word the sources list in one
    # form only ("doubt" -> "doubted", "doubts", "doubting"), from four
    # letters, where no source rates the form itself.
    # A word that already ends as an inflection or a derivation is not a
    # base form ("complained", "complainer" give no "complaineded").
    def derived(k):
        if re.search(r"(ed|ing)$", k) or re.search(r"[^s]s$", k):
            return True
        for suf in ("er", "ly", "ness", "ful"):
            stem = k[:-len(suf)]
            if k.endswith(suf) and (stem in rows or stem + "e" in rows):
                return True
        return False
    for k in [k for k in rows if " " not in k and len(k) >= 4 and
              k.isalpha() and rows[k][0] == "eval" and not derived(k)]:
        for form in inflect(k):
            if form not in rows and form not in ev:
                rows[form] = rows[k]
    for path in shifters.split(","):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 2 or parts[1] != "SHIFTER":
                    continue
                words = key(parts[0]).replace("_", " ").split(" ")
                for form in inflect(words[0]):
                    form = " ".join([form] + words[1:])
                    # A form that is also a rated word keeps its rating
                    # ("kill", "better"): the shifter sense is the rarer
                    # one in news prose.
                    if words_ok(form) and form not in rows:
                        rows[form] = ("shift", 1.0, "shifters")
    with open(curated, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].rstrip()
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.stderr.write("%s:%d: want phrase TAB kind TAB value\n"
                                 % (curated, n))
                return 1
            kind, val = parts[1], float(parts[2])
            forms = [key(parts[0])]
            exact = kind.endswith("!")  # "shift!": no inflection
            kind = kind.rstrip("!")
            verbal = ("shift", "adopt", "praise", "oppose")
            if exact:
                pass
            elif kind in verbal and " " not in forms[0]:
                forms = sorted(inflect(forms[0]))
            elif kind in verbal and forms[0].split(" ")[0] in (
                    "question", "hit", "lash", "rail", "take"):
                pass  # written out by hand, every form
            elif kind in verbal:
                head, rest = forms[0].split(" ", 1)
                forms = sorted(f + " " + rest for f in inflect(head))
            for form in forms:
                if kind == "drop":
                    rows.pop(form, None)
                    rows[form] = ("drop", 0.0, "curated")
                else:
                    rows[form] = (kind, val, "curated")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build_evaluative.py from VADER (MIT),"
                " Pattern en-sentiment (PDDL),\n# the English verbal polarity"
                " shifters gold standard (CC BY 4.0) and curated.tsv.\n"
                "# phrase\tkind\tvalue\tsource (data/lexicon/SOURCES.md)\n")
        for k in sorted(rows):
            kind, v, src = rows[k]
            f.write("%s\t%s\t%g\t%s\n" % (k, kind, v, src))
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
