#!/usr/bin/env python3
"""Writes N invented trade-press articles as HTML files, for the report
benchmark and tests: each has an outlet, a publication date spread over
MONTHS months, and two or three people (from a pool of FIGURES invented
names, some with accents) who praise or attack intimacy coordinators,
mostly in quotes. Deterministic for a given seed.

usage: gen_articles.py OUTDIR N [--figures F] [--months M] [--seed S]
"""
import argparse
import html
import os
import random

FIRST = ["Ana", "Bruno", "Chloé", "Dmitri", "Elif", "Fatou", "Gaspard",
         "Hana", "Ines", "Jonas", "Kasia", "Léa", "Mateo", "Nadia", "Oskar",
         "Priya", "Quentin", "Rosa", "Søren", "Tomás", "Una", "Viktor",
         "Wanjiru", "Xavier", "Yara", "Zoë", "Amélie", "Björn", "Carmen",
         "Dario", "Esther", "Folake", "Grégoire", "Hedda", "Ivo", "Jana",
         "Kemal", "Lucía", "Marek", "Noor", "Otto", "Paloma", "Rafael",
         "Sigrid", "Tariq", "Ulrike", "Vera", "Wiktor", "Ximena", "Yusuf"]
LAST = ["Abara", "Bergström", "Castillo", "Duval", "Eriksen", "Ferreira",
        "Górski", "Hallström", "Iwu", "Jovanović", "Kowalczyk", "Lindqvist",
        "Moreau", "Nakamura", "Okafor", "Petrov", "Quiroga", "Rasmussen",
        "Sørensen", "Tanaka", "Ulloa", "Varga", "Weiss", "Xu", "Yilmaz",
        "Zapata", "Achebe", "Brandão", "Cruz", "Dąbrowski", "Esposito",
        "Fontaine", "Gallo", "Haddad", "Ibáñez", "Janssen", "Kovač",
        "Lemaire", "Mendes", "Novak", "Olsen", "Pereira", "Romano",
        "Schmidt", "Toivonen", "Urban", "Vidal", "Wójcik", "Young", "Zeller"]
ROLES = ["Director", "Actress", "Actor", "Producer", "Showrunner",
         "Cinematographer", "Casting director", "Screenwriter"]
OUTLETS = [("The Dailies Ledger", "dailiesledger.example"),
           ("Set Report", "setreport.example"),
           ("Frame Weekly", "frameweekly.example"),
           ("The Call Sheet", "callsheet.example"),
           ("Lens & Stage", "lensandstage.example"),
           ("Reel Trade", "reeltrade.example"),
           ("Backlot News", "backlot.example"),
           ("The Slate", "theslate.example"),
           ("Cutaway", "cutaway.example"),
           ("Dolly Grip Gazette", "dollygrip.example"),
           ("Premiere Desk", "premieredesk.example"),
           ("Wide Shot", "wideshot.example")]
PRO = [
    ("welcomed the intimacy coordinator on set",
     "Having an intimacy coordinator made everyone feel safe, and I would "
     "not work without one now"),
    ("praised the intimacy coordinators warmly",
     "The intimacy coordinator was essential, a real gift to the whole "
     "cast"),
    ("made the case for intimacy coordinators",
     "Every production should have an intimacy coordinator, it is long "
     "overdue"),
]
CON = [
    ("slammed intimacy coordinators as unnecessary",
     "I don't need an intimacy coordinator, they stifle the work and "
     "it's a box-ticking exercise"),
    ("came out against the intimacy protocol",
     "Intimacy coordinators are virtue police, a waste of time on my "
     "set"),
    ("dismissed intimacy coordinators as useless",
     "The coordinator was pointless and intrusive, we managed fine "
     "before"),
]


def people(n, rng):
    seen, out = set(), []
    n = min(n, len(FIRST) * len(LAST))
    while len(out) < n:
        name = rng.choice(FIRST) + " " + rng.choice(LAST)
        if name in seen:
            continue
        seen.add(name)
        out.append((name, rng.choice(ROLES), rng.random()))
    return out


def article(i, rng, pool, months):
    outlet, host = rng.choice(OUTLETS)
    m = rng.randrange(months)
    year, month = 2022 + m // 12, m % 12 + 1
    day = rng.randint(1, 28)
    # A few people appear in many articles, most in a few: index u^3 of
    # the pool puts the first name in about 7% of the picks.
    cast = {pool[int(len(pool) * rng.random() ** 3)]
            for _ in range(rng.randint(2, 3))}
    paras, title = [], None
    for name, role, lean in cast:
        pro = rng.random() < lean
        verb, quote = rng.choice(PRO if pro else CON)
        last = name.split()[-1]
        title = title or f"{role} {name} {verb}"
        paras.append(f"{role} {name} {verb}. &ldquo;{html.escape(quote)},"
                     f"&rdquo; {last} said.")
    paras.append("The production used an intimacy coordinator for every "
                 "scene with nudity, according to a statement from the "
                 "studio this week.")
    body = "\n".join(f"    <p>{p}</p>" for p in paras)
    date = f"{year:04d}-{month:02d}-{day:02d}"
    url = f"https://{host}/news/{year}/{month:02d}/story-{i}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(outlet)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(outlet)}">
<meta property="article:published_time" content="{date}T09:00:00Z">
<link rel="canonical" href="{url}">
</head><body><nav><a href="/">Home</a></nav><main><article>
  <h1>{html.escape(title)}</h1>
  <div class="article-body">
{body}
  </div>
</article></main><footer>&copy; {html.escape(outlet)}</footer></body></html>
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument("--figures", type=int, default=2000)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = people(a.figures, rng)
    os.makedirs(a.outdir, exist_ok=True)
    for i in range(a.n):
        with open(os.path.join(a.outdir, f"{i:05d}.html"), "w",
                  encoding="utf-8") as f:
            f.write(article(i, rng, pool, a.months))


if __name__ == "__main__":
    main()
