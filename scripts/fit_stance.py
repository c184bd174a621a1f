#!/usr/bin/env python3
"""fit_stance.py -- fits the named weights of the stance engine
(data/lexicon/stance-weights.tsv) on the TUNE part of labelled sets.

usage: fit_stance.py --bin PRESSTALLY --score SCORE.py
                     [--weights data/lexicon/stance-weights.tsv]
                     [--only W,W...] [--lam 1.0] [--cv K] [--write]
                     [--dump-dir DIR] SET.jsonl:TOPIC.topic ...

The analyzer runs ONCE per set, over all the set's tune cases, with
PT_STANCE_DUMP naming a file where the engine (analyzer/stance/polarity.c)
writes, for every piece of evidence about the topic and every person it
counts for, the named features its weight is the product of: its kind
(lexicon, topic cue, adopt, reject, absence, praise, oppose), its link to
the topic (clause, object, reference, sentence, quotation, paragraph),
the rules applied (negated, shifted, before/after "but", concessive,
irrealis, others' view, imposed, past, boosted by a factor), its lexicon strength and
length in words, and its route to the person (quotation, transcript
label, narrator, named subject, group member). Everything else is
recomputed here: each weight is a product of named weights, each
person's pro and con sums and stance follow as in doc_stance() (doc.c),
and the stance is scored against the gold labels exactly as score.py
does (its own functions match the names). A trial costs milliseconds,
not a run of the analyzer per case.

The fit is coordinate ascent over a grid of values for each weight and
for the decision (threshold, ratio, mixed_min): a change is kept when it
raises the objective by more than --eps, the mean over the sets of
stance macro-F1 plus --lam times the polar precision (the share of pro
and con calls on the right side: a researcher would rather count a
person as unknown than on the wrong side). Features are named rules,
never words: nothing here can memorise a text. --cv K also fits on K-1
folds of the tune cases and scores the fold left out, so that the gain
that holds on unseen cases shows next to the gain in the sample.
Last, conf_scale is set so that the mean confidence of the pro/con calls
equals their precision. --write writes the values back into the weights
file (whose descriptions stay); the build compiles that file in.
Only tune cases are ever read (--part check is refused).
"""
import argparse
import hashlib
import importlib.util
import math
import os
import subprocess
import sys
import tempfile

KIND_W = {"lexicon": "lex", "topic": "cue", "adopt": "adopt",
          "reject": "reject", "absence": "absence", "praise": "praise",
          "oppose": "oppose"}
LINK_W = {"clause": "link_clause", "object": "link_clause",
          "sentence": "link_sent", "reference": "link_ref",
          "quote": "link_quote", "paragraph": "link_para"}
ROUTE_W = {"quote": "route_quote", "label": "route_label",
           "narrator": "route_narrator", "subject": "route_subject",
           "member": "route_member"}
# enum cue_rule bits (doc.h) with a weight of their own.
RULE_W = [(1 << 0, "negated"), (1 << 2, "shifted"), (1 << 3, "before_but"),
          (1 << 4, "after_but"), (1 << 5, "concessive"),
          (1 << 6, "irrealis"), (1 << 7, "others"), (1 << 11, "imposed"),
          (1 << 12, "past")]
RULE_BOOSTED = 1 << 8
DECISION = ("threshold", "ratio", "mixed_min")


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    return sc


def read_weights(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            rows.append((None, None, line))
            continue
        f = line.rstrip("\n").split("\t")
        rows.append((f[0], float(f[1]), f[2] if len(f) > 2 else ""))
    return rows


def write_weights(path, rows, vals):
    with open(path, "w", encoding="utf-8") as out:
        for name, _, rest in rows:
            if name is None:
                out.write(rest)
            else:
                out.write("%s\t%.4g\t%s\n" % (name, vals[name], rest))


def fnv1a(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return "%08x" % h


def case_text(case):
    t = case.get("text") or ""
    return t if t.endswith("\n") else t + "\n"


def run_set(args, data, topic, cases, tag):
    """Runs the analyzer once over the cases; returns the dump's lines."""
    if args.dump_dir:
        os.makedirs(args.dump_dir, exist_ok=True)
        dump = os.path.join(args.dump_dir, tag + ".tsv")
        if os.path.exists(dump) and not args.rerun:
            return open(dump, encoding="utf-8").read().splitlines()
    work = tempfile.mkdtemp(prefix="fit-stance-")
    if not args.dump_dir:
        dump = os.path.join(work, "dump.tsv")
    if os.path.exists(dump):
        os.unlink(dump)
    files = []
    for n, c in enumerate(cases, 1):
        p = os.path.join(work, "case%03d.txt" % n)
        with open(p, "w", encoding="utf-8", newline="") as fh:
            fh.write(case_text(c))
        files.append(p)
    env = dict(os.environ, PT_STANCE_DUMP=dump)
    env.pop("PT_STANCE_WEIGHTS", None)
    env.pop("PT_STANCE_OFF", None)
    r = subprocess.run([args.bin, "analyze", "--topic", topic, "--out",
                        os.path.join(work, "out"), "--no-summary",
                        "--no-progress", "-q"] + files, env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("fit_stance.py: analyze failed on %s: %s" % (data, r.stderr))
    lines = open(dump, encoding="utf-8").read().splitlines()
    return lines


class Person:
    __slots__ = ("ev",)

    def __init__(self):
        self.ev = []


def parse_dump(lines):
    """{text hash: (names in order, {person index: [evidence]})}."""
    arts = {}
    for ln in lines:
        f = ln.split("\t")
        if f[0] == "A":
            arts[f[1]] = ([], {})
        elif f[0] == "P":
            arts[f[1]][0].append((int(f[2]), f[3]))
        elif f[0] == "E":
            h, person = f[1], int(f[2])
            ev = {"route": f[3], "pol": int(f[4]), "value": float(f[5]),
                  "kind": f[6], "link": f[7], "rules": int(f[8]),
                  "boost": float(f[9]), "ntok": int(f[10]),
                  "unlinked": int(f[11]), "source": f[12]}
            arts[h][1].setdefault(person, []).append(ev)
    return arts


class Set:
    """One labelled set: per case, its gold people matched once to the
    system's figures, and each figure's evidence."""

    def __init__(self, sc, name, cases, arts):
        self.name = name
        self.items = []   # (case id, [(gold, alts, fig evidence or None)])
        missing = 0
        for c in cases:
            h = fnv1a(case_text(c).encode("utf-8"))
            if h not in arts:
                missing += 1
                continue
            names, evs = arts[h]
            figs, seen = [], set()
            for pi, nm in names:
                k = sc.fold(nm)
                if not nm.strip() or k in seen:
                    continue
                seen.add(k)
                figs.append({"name": nm, "stance": "neutral",
                             "ev": evs.get(pi, [])})
            people = c.get("people") or []
            alts, soft, _ = sc.parse_notes(c.get("notes"), people)
            gm = sc.match_people(people, soft, figs)
            rows = []
            for gi, p in enumerate(people):
                if gi in soft:
                    continue
                g = (p.get("stance") or "none").lower()
                g = "neutral" if g == "none" else g
                if g not in sc.LABELS:
                    g = "neutral"
                ok = {("neutral" if a == "none" else a)
                      for a in alts.get(gi, ())}
                rows.append((g, ok, figs[gm[gi]]["ev"] if gi in gm else None))
            self.items.append((c.get("id"), rows))
        if missing:
            sys.stderr.write("fit_stance.py: %s: %d cases not in the dump\n"
                             % (name, missing))


def llround(x):
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


def ev_milli(e, w):
    """The evidence's weight for its person and for the article, in
    thousandths, as compose() and count_cues() compute it."""
    f = w[KIND_W[e["kind"]]]
    if e["kind"] == "lexicon":
        if e["ntok"] == 1:
            f *= w["lex_word"]
        if e["value"] < w["lex_min"]:
            f = 0.0
    f *= w[LINK_W[e["link"]]]
    if e["unlinked"]:
        f *= w["verb_unlinked"]
    r = e["rules"]
    for bit, name in RULE_W:
        if r & bit:
            f *= w[name]
    if r & RULE_BOOSTED:
        f *= e["boost"]
    x = e["value"] * f
    art = llround(x * 1000.0)
    if art <= 0:
        return 0
    if e["route"] == "member":
        return llround(art * w["route_member"])
    if e["route"] in ROUTE_W:
        return llround(x * w[ROUTE_W[e["route"]]] * 1000.0)
    return art


def sums(evs, w):
    p = c = 0
    for e in evs:
        m = ev_milli(e, w)
        if m <= 0:
            continue
        if e["pol"] > 0:
            p += m
        else:
            c += m
    return p, c


def stance(p, c, w):
    p, c = p / 1000.0, c / 1000.0
    if p >= w["threshold"] and p > w["ratio"] * c:
        return "pro"
    if c >= w["threshold"] and c > w["ratio"] * p:
        return "con"
    if p >= w["mixed_min"] and c >= w["mixed_min"]:
        return "mixed"
    return "neutral"


def confusion(sc, st, w, keep=None, conf=None):
    """The confusion counts {(gold, predicted): n} of set st under weights
    w, added to conf; keep is a set of case ids to score (None: all)."""
    if conf is None:
        conf = {(g, p): 0 for g in sc.LABELS for p in sc.LABELS}
    for cid, rows in st.items:
        if keep is not None and cid not in keep:
            continue
        for g, ok, evs in rows:
            pred = stance(*sums(evs, w), w) if evs else "neutral"
            if pred != g and pred in ok:
                g = pred
            conf[(g, pred)] += 1
    return conf


def metrics(sc, conf):
    """(macro-F1, polar_p, polar_r) of confusion counts, as score.py."""
    f1s = []
    for l in sc.MACRO_LABELS:
        tp = conf[(l, l)]
        fp = sum(conf[(g, l)] for g in sc.LABELS if g != l)
        fn = sum(conf[(l, p)] for p in sc.LABELS if p != l)
        if tp + fp + fn:
            f1s.append(sc.prf(tp, fp, fn)[2])
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    pred = sum(conf[(g, p)] for g in sc.LABELS for p in ("pro", "con"))
    ok = conf[("pro", "pro")] + conf[("con", "con")]
    gold = sum(conf[(g, p)] for g in ("pro", "con") for p in sc.LABELS)
    return macro, (ok / pred if pred else 0.0), (ok / gold if gold else 0.0)


def evaluate(sc, st, w, keep=None):
    """(macro-F1, polar_p, polar_r) of set st under weights w."""
    return metrics(sc, confusion(sc, st, w, keep))


def objective(sc, sets, w, lam, keep=None):
    t = 0.0
    for st in sets:
        m, pp, _ = evaluate(sc, st, w, keep and keep.get(st.name))
        t += m + lam * pp
    return t / len(sets)


def grid(name, v):
    if name == "ratio":
        return [1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0]
    if name == "lex_min":
        return [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    if name in ("threshold", "mixed_min"):
        return [0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0,
                2.5, 3.0]
    base = [0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0]
    if v > 0:
        base += [v * 0.5, v * 0.8, v * 1.25, v * 1.5]
    return sorted(set(round(x, 4) for x in base))


def fit(sc, sets, w, names, lam, eps, rounds, keep=None, log=None):
    w = dict(w)
    best = objective(sc, sets, w, lam, keep)
    if log:
        log("start %.4f" % best)
    for r in range(rounds):
        changed = False
        for n in names:
            cur = w[n]
            for v in grid(n, cur):
                if v == w[n]:
                    continue
                trial = dict(w, **{n: v})
                got = objective(sc, sets, trial, lam, keep)
                # Ties go to the value nearer the one in use.
                if got > best + eps:
                    best, w = got, trial
                    changed = True
            if log and w[n] != cur:
                log("round %d: %s %g -> %g (%.4f)" % (r, n, cur, w[n], best))
        if not changed:
            break
    return w, best


def bagged_fit(sc, sets, w, names, args, keep=None):
    """The median, weight by weight, of fits on --bag random halves of
    the cases in keep (all when None): a weight that one half of the
    cases pulls one way and the other half back stays where it is."""
    import random
    if args.bag <= 1:
        return fit(sc, sets, w, names, args.lam, args.eps, args.rounds,
                   keep)[0]
    rng = random.Random(1)
    fits = []
    for _ in range(args.bag):
        half = {}
        for st in sets:
            ids = sorted(cid for cid, _ in st.items
                         if keep is None or cid in keep[st.name])
            half[st.name] = set(rng.sample(ids, (len(ids) + 1) // 2))
        fits.append(fit(sc, sets, w, names, args.lam, args.eps,
                        args.rounds, half)[0])
    out = dict(w)
    for n in names:
        v = sorted(f[n] for f in fits)
        out[n] = v[len(v) // 2]
    return out


def conf_scale(sc, sets, w):
    """The conf_scale at which the mean confidence of the pro/con calls
    equals their precision (confidence = 1 - exp(-margin / conf_scale))."""
    calls = []
    for st in sets:
        for _, rows in st.items:
            for g, ok, evs in rows:
                if not evs:
                    continue
                p, c = sums(evs, w)
                s = stance(p, c, w)
                if s in ("pro", "con"):
                    calls.append((abs(p - c) / 1000.0, s == g or s in ok))
    if not calls:
        return w["conf_scale"]
    prec = sum(1 for _, r in calls if r) / len(calls)
    best, err = w["conf_scale"], 9.0
    for i in range(1, 200):
        k = i * 0.05
        mean = sum(1 - math.exp(-m / k) for m, _ in calls) / len(calls)
        if abs(mean - prec) < err:
            best, err = k, abs(mean - prec)
    print("confidence: %d pro/con calls, precision %.3f, conf_scale %g"
          % (len(calls), prec, best))
    return round(best, 3)


def fold_of(cid, k):
    h = hashlib.sha256(("fold:" + str(cid)).encode("utf-8")).digest()
    return h[0] % k


def report(sc, sets, w, label):
    for st in sets:
        m, pp, pr = evaluate(sc, st, w)
        print("%-8s %-16s macro-F1 %.3f  polar_p %.3f  polar_r %.3f"
              % (label, st.name, m, pp, pr))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--weights", default="data/lexicon/stance-weights.tsv")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--only", default="", help="comma-separated weights")
    ap.add_argument("--fix", default="", help="weights left as they are")
    ap.add_argument("--lam", type=float, default=1.0,
                    help="weight of polar precision in the objective")
    ap.add_argument("--eps", type=float, default=0.002,
                    help="least gain for a change to be kept")
    ap.add_argument("--cv", type=int, default=0,
                    help="also fit on K-1 folds and score the one left out")
    ap.add_argument("--bag", type=int, default=0,
                    help="the median of fits on this many random halves")
    ap.add_argument("--write", action="store_true",
                    help="write the fitted values into --weights")
    ap.add_argument("--dump-dir", help="keep (and reuse) the dumps here")
    ap.add_argument("--rerun", action="store_true",
                    help="run the analyzer even when --dump-dir has a dump")
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    sc = load_score(args.score)
    rows = read_weights(args.weights)
    w = {n: v for n, v, _ in rows if n}
    fixed = set(args.fix.split(",")) | {"conf_scale"}
    names = [n for n in w if n not in fixed and
             (not args.only or n in args.only.split(","))]
    # The decision last in each round: it settles on the sums the
    # factors make.
    names = [n for n in names if n not in DECISION] + \
            [n for n in DECISION if n in names]
    sets = []
    for spec in args.sets:
        data, topic = spec.rsplit(":", 1)
        cases = [c for c in sc.load_cases(data) if sc.case_part(c) == "tune"]
        tag = os.path.splitext(os.path.basename(data))[0]
        arts = parse_dump(run_set(args, data, topic, cases, tag))
        sets.append(Set(sc, tag, cases, arts))
    report(sc, sets, w, "before")
    if args.cv > 1:
        # Each fold's cases are predicted by the weights fitted on the
        # other folds; the metrics are taken once over all of them (a
        # fold alone is too small for a polar precision).
        pooled = {st.name: None for st in sets}
        for k in range(args.cv):
            train, test = {}, {}
            for st in sets:
                ids = [cid for cid, _ in st.items]
                train[st.name] = {i for i in ids if fold_of(i, args.cv) != k}
                test[st.name] = {i for i in ids if fold_of(i, args.cv) == k}
            fw = bagged_fit(sc, sets, w, names, args, train)
            for st in sets:
                pooled[st.name] = confusion(sc, st, fw, test[st.name],
                                            pooled[st.name])
        t = 0.0
        for st in sets:
            m, pp, pr = metrics(sc, pooled[st.name])
            t += m + pp
            print("cv       %-16s macro-F1 %.3f  polar_p %.3f  polar_r %.3f"
                  % (st.name, m, pp, pr))
        print("cv macro-F1 + polar_p %.4f (in-sample before %.4f)"
              % (t / len(sets), objective(sc, sets, w, 1.0)), flush=True)
    if args.bag > 1:
        nw = bagged_fit(sc, sets, w, names, args)
        for n in names:
            if nw[n] != w[n]:
                print("bagged: %s %g -> %g" % (n, w[n], nw[n]))
        w = nw
    else:
        w, _ = fit(sc, sets, w, names, args.lam, args.eps, args.rounds,
                   log=lambda s: print(s, flush=True))
    w["conf_scale"] = conf_scale(sc, sets, w)
    report(sc, sets, w, "after")
    if args.write:
        write_weights(args.weights, rows, w)
        print("wrote %s" % args.weights)


if __name__ == "__main__":
    main()
