#!/usr/bin/env python3
"""fit_stance.py -- fits the named weights of the stance engine
(data/lexicon/stance-weights.tsv) on the TUNE part of labelled sets.

usage: fit_stance.py --bin PRESSTALLY --score SCORE.py
                     [--weights data/lexicon/stance-weights.tsv]
                     [--rounds N] [--only W,W...] [--confidence-only]
                     SET.jsonl:TOPIC.topic ...

Coordinate ascent: each weight in turn is tried at a few multiples of its
value (and 0), every other weight held; a change is kept when it raises
the objective, the mean over the sets of stance macro-F1 plus half the
polar precision (capped at 0.95: a researcher would rather count a person
as unknown than on the wrong side). The engine reads the trial weights
from PT_STANCE_WEIGHTS, so nothing is rebuilt until the end; the fitted
values are written back into the weights file, whose descriptions stay.
Features are named rules, never words: nothing here can memorise a text.
Only `score.py --part tune` is ever run. Last, conf_scale is set so that
the mean confidence of the pro/con calls on the tune part equals their
precision.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

STEPS = [0.0, 0.5, 1.5, 2.0]


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


def score(args, vals, sets):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for k, v in vals.items():
            f.write("%s %r\n" % (k, v))
        path = f.name
    env = dict(os.environ, PT_STANCE_WEIGHTS=path)
    total = 0.0
    for data, topic in sets:
        out = subprocess.run(
            [sys.executable, args.score, "--bin", args.bin, "--topic", topic,
             "--jobs", "2", "--part", "tune", data],
            env=env, capture_output=True, text=True).stdout
        m = re.search(r"stance_macro_f1=([0-9.]+).*polar_p=([0-9.]+)", out)
        if not m:
            sys.exit("fit_stance.py: no SUMMARY from score.py:\n" + out)
        total += float(m.group(1)) + 0.5 * min(float(m.group(2)), 0.95)
    os.unlink(path)
    return total / len(sets)


def confidence_scale(args, vals, sets):
    """The conf_scale at which the mean confidence of the pro/con calls on
    the tune part equals their precision (so "0.7" means right about 7
    times in 10). Confidence is 1 - exp(-margin / conf_scale)."""
    import csv
    import importlib.util
    import json
    import math
    spec = importlib.util.spec_from_file_location("score", args.score)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for k, v in vals.items():
            f.write("%s %r\n" % (k, v))
        wpath = f.name
    env = dict(os.environ, PT_STANCE_WEIGHTS=wpath)
    calls = []  # (margin, right)
    for data, topic in sets:
        for line in open(data, encoding="utf-8"):
            case = json.loads(line)
            if sc.case_part(case) != "tune":
                continue
            d = tempfile.mkdtemp(prefix="fit-stance-")
            txt = os.path.join(d, "a.txt")
            with open(txt, "w", encoding="utf-8") as f:
                f.write(case["text"])
            subprocess.run([args.bin, "analyze", "--topic", topic, "--out", d,
                            txt], env=env, capture_output=True)
            rows = {r["figure"]: r for r in
                    csv.DictReader(open(os.path.join(d, "mentions.csv"),
                                        encoding="utf-8"))}
            for p in case["people"]:
                r = rows.get(p["name"])
                if not r or r["stance"] not in ("pro", "con"):
                    continue
                m = abs(float(r["pro_weight"]) - float(r["con_weight"]))
                calls.append((m, r["stance"] == p["stance"]))
            shutil.rmtree(d, ignore_errors=True)
    os.unlink(wpath)
    if not calls:
        return vals["conf_scale"]
    prec = sum(1 for _, ok in calls if ok) / len(calls)
    best, err = vals["conf_scale"], 9.0
    for i in range(1, 200):
        k = i * 0.05
        mean = sum(1 - math.exp(-m / k) for m, _ in calls) / len(calls)
        if abs(mean - prec) < err:
            best, err = k, abs(mean - prec)
    print("confidence: %d pro/con calls, precision %.3f, conf_scale %g"
          % (len(calls), prec, best))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--weights", default="data/lexicon/stance-weights.tsv")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", default="", help="comma-separated weights")
    ap.add_argument("--confidence-only", action="store_true",
                    help="only fit conf_scale")
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()
    sets = [tuple(s.rsplit(":", 1)) for s in args.sets]
    rows = read_weights(args.weights)
    vals = {n: v for n, v, _ in rows if n}
    names = [n for n in vals if not args.only or n in args.only.split(",")]
    if args.confidence_only:
        vals["conf_scale"] = round(confidence_scale(args, vals, sets), 3)
        write_weights(args.weights, rows, vals)
        return
    best = score(args, vals, sets)
    print("start %.4f" % best, flush=True)
    for r in range(args.rounds):
        changed = False
        for n in names:
            base = vals[n]
            for s in STEPS:
                v = round(base * s, 4) if base else s
                if v == vals[n] or (n in ("ratio",) and v < 1):
                    continue
                trial = dict(vals, **{n: v})
                got = score(args, trial, sets)
                if got > best + 1e-4:
                    best, vals = got, trial
                    changed = True
                    print("round %d: %s = %g -> %.4f" % (r, n, v, best),
                          flush=True)
            write_weights(args.weights, rows, vals)
        if not changed:
            break
    print("end %.4f" % best)
    vals["conf_scale"] = round(confidence_scale(args, vals, sets), 3)
    write_weights(args.weights, rows, vals)


if __name__ == "__main__":
    main()
