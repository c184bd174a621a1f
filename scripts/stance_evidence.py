#!/usr/bin/env python3
"""stance_evidence.py -- where the stance engine's evidence agrees with
labelled people, by voice and by link, and the evidence itself.

usage: stance_evidence.py --bin PRESSTALLY --score SCORE.py
                          [--part tune|check|all] [--voices P,P...]
                          [--show none|wrong|right|all] [--link LINK]
                          SET.jsonl:TOPIC.topic ...

The analyzer runs once per set over the set's cases of --part (tune by
default), and its mentions.csv and cues.csv are matched to the labelled
people with score.py's own functions (load it with --score), so that the
figures equal score.py's. It prints:

- per voice (the case id's first prefix in --voices, default
  "dev-ai-,dev-a-,dev-b-,dev-c-,dev-"; else the id's first word) and per
  set: stance macro-F1, polar precision and recall, and the number of
  right and wrong pro/con calls -- a rule that helps one voice and hurts
  another is suspect;
- per set and link (clause, object, reference, sentence, quote,
  paragraph): how many counted cues of people labelled pro or con point
  to their side;
- per set: the pro/con calls by the link and kind of their heaviest cue,
  right of all;
- with --show, one line per cue of a labelled person (wrong: pointing
  away from a pro/con label; right; all), with its words and sentence, to
  read: never to copy into the project (evaluation text stays out of
  tests, fixtures and data files).

Nothing is written but a temporary directory.
"""
import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile

# The scorer's loader and metrics are fit_stance.py's, beside this file.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_stance  # noqa: E402


def voice_of(cid, prefixes):
    for p in prefixes:
        if cid.startswith(p):
            return p.rstrip("-")
    return cid.split("-")[0]


def run(args, data, topic, cases):
    """Runs the analyzer over the cases; returns {case index: figures}
    and {(case index, figure): [cue rows]}."""
    work = tempfile.mkdtemp(prefix="stance-evidence-")
    files = []
    for n, c in enumerate(cases):
        p = os.path.join(work, "c%05d.txt" % n)
        t = c.get("text") or ""
        with open(p, "w", encoding="utf-8", newline="") as fh:
            fh.write(t if t.endswith("\n") else t + "\n")
        files.append(p)
    out = os.path.join(work, "out")
    r = subprocess.run([args.bin, "analyze", "--topic", topic, "--out", out,
                        "--no-summary", "--no-progress", "-q"] + files,
                       capture_output=True, text=True)
    if r.returncode not in (0, 4):
        sys.exit("stance_evidence.py: analyze failed on %s: %s"
                 % (data, r.stderr))
    arts = {}
    with open(os.path.join(out, "articles.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            arts[row["article_id"]] = int(os.path.basename(row["file"])[1:6])
    figs = collections.defaultdict(list)
    cues = collections.defaultdict(list)
    with open(os.path.join(out, "mentions.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            st = (row["stance"] or "neutral").lower()
            figs[arts[row["article_id"]]].append(
                {"name": row["figure"],
                 "stance": "neutral" if st == "none" else st})
    with open(os.path.join(out, "cues.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cues[(arts[row["article_id"]], row["figure"])].append(row)
    return figs, cues


def metrics(sc, cf):
    """fit_stance.metrics() (score.py's macro-F1, polar_p, polar_r), and
    the right and wrong pro/con calls behind them."""
    ok = cf[("pro", "pro")] + cf[("con", "con")]
    pred = sum(cf[(g, p)] for g in sc.LABELS for p in ("pro", "con"))
    return fit_stance.metrics(sc, cf) + (ok, pred - ok)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--score", required=True)
    ap.add_argument("--part", default="tune", choices=("tune", "check", "all"))
    ap.add_argument("--voices", default="dev-ai-,dev-a-,dev-b-,dev-c-,dev-")
    ap.add_argument("--show", default="none",
                    choices=("none", "wrong", "right", "all"))
    ap.add_argument("--link", help="show only cues with this link")
    ap.add_argument("--calls", default="none",
                    choices=("none", "wrong", "missing", "both", "list"),
                    help="list the wrong pro/con calls with all their cues "
                    "(wrong), the people labelled pro or con with no cue "
                    "at all (missing), or both; list: one line per labelled "
                    "person with its call, to diff two builds")
    ap.add_argument("sets", nargs="+", help="SET.jsonl:TOPIC.topic")
    args = ap.parse_args()
    sc = fit_stance.load_score(args.score)
    prefixes = [p for p in args.voices.split(",") if p]
    conf = collections.defaultdict(
        lambda: {(g, p): 0 for g in sc.LABELS for p in sc.LABELS})
    links = collections.defaultdict(lambda: [0, 0])
    calls = collections.defaultdict(lambda: [0, 0])
    for spec in args.sets:
        data, _, topic = spec.partition(":")
        name = os.path.basename(data)
        cases = [c for c in sc.load_cases(data)
                 if args.part == "all" or sc.case_part(c) == args.part]
        figs, cues = run(args, data, topic, cases)
        for n, c in enumerate(cases):
            people = c.get("people") or []
            alts, soft, _ = sc.parse_notes(c.get("notes"), people)
            fl = figs.get(n, [])
            gm = sc.match_people(people, soft, fl)
            v = voice_of(str(c.get("id")), prefixes)
            for gi, p in enumerate(people):
                if gi in soft:
                    continue
                g = (p.get("stance") or "none").lower()
                g = "neutral" if g == "none" or g not in sc.LABELS else g
                ok = {("neutral" if a == "none" else a)
                      for a in alts.get(gi, ())}
                pred = fl[gm[gi]]["stance"] if gi in gm else "neutral"
                gg = pred if pred != g and pred in ok else g
                conf[(name, v)][(gg, pred)] += 1
                conf[(name, "ALL")][(gg, pred)] += 1
                rows = (cues.get((n, fl[gm[gi]]["name"]), [])
                        if gi in gm else [])
                if args.calls in ("wrong", "both") and \
                        pred in ("pro", "con") and pred != gg:
                    print("WRONG %s gold=%s pred=%s %s" % (
                        c.get("id"), g, pred, p["name"]))
                    for r in rows:
                        print("    %s %s %s/%s [%s] \u00ab%s\u00bb\n"
                              "        %s" % (
                                  r["polarity"], r["weight"], r["kind"],
                                  r["link"], r["rules"], r["words"],
                                  r["sentence"]))
                if args.calls == "list":
                    print("CALL %s %s gold=%s pred=%s %s" % (
                        c.get("id"), p["name"], g, pred,
                        "right" if pred in ("pro", "con") and pred == gg
                        else "wrong" if pred in ("pro", "con") else "-"))
                if args.calls in ("missing", "both") and \
                        g in ("pro", "con") and not rows:
                    print("MISSING %s gold=%s %s%s" % (
                        c.get("id"), g, p["name"],
                        "" if gi in gm else " (no figure)"))
                if gi not in gm:
                    continue
                if pred in ("pro", "con") and rows:
                    top = max(rows, key=lambda r: float(r["weight"]))
                    calls[(name, top["link"] + "/" + top["kind"])][
                        0 if pred == gg else 1] += 1
                for r in rows:
                    right = None
                    if g in ("pro", "con"):
                        right = (r["polarity"] == "pro") == (g == "pro")
                        links[(name, r["link"])][0 if right else 1] += 1
                    if args.show == "none" or (args.link and
                                               r["link"] != args.link):
                        continue
                    if (args.show == "wrong" and right is not False) or \
                       (args.show == "right" and right is not True):
                        continue
                    print("%s %s gold=%s pred=%s %s: %s %s %s/%s [%s] "
                          "\u00ab%s\u00bb\n    %s"
                          % ({True: "ok ", False: "BAD"}.get(right, "---"),
                             c.get("id"), g, pred, p["name"], r["polarity"],
                             r["weight"], r["kind"], r["link"], r["rules"],
                             r["words"], r["sentence"]))
    for key in sorted(conf):
        m = metrics(sc, conf[key])
        print("%-22s %-8s macro-F1 %.3f  polar_p %.3f  polar_r %.3f  "
              "right %d  wrong %d" % ((key[0], key[1]) + m))
    for name in sorted({k[0] for k in links}):
        print("%s cues agreeing with a pro/con label, by link: %s" % (
            name, "  ".join("%s %d/%d" % (k[1], r, r + w)
                            for k, (r, w) in sorted(links.items())
                            if k[0] == name)))
        print("%s pro/con calls right, by their heaviest cue: %s" % (
            name, "  ".join("%s %d/%d" % (k[1], r, r + w)
                            for k, (r, w) in sorted(calls.items())
                            if k[0] == name)))


if __name__ == "__main__":
    main()
