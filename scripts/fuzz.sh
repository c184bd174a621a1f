#!/usr/bin/env bash
# Build the libFuzzer targets and run each for SECONDS (default 600), one
# after another on one core, seeded from the test fixtures.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   (targets: robots feed sources extract; default robots feed sources)
set -eu
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=${*:-robots feed sources}
PT_WITH_FUZZ=1 scripts/deps.sh
CC=clang cmake -S . -B build-fuzz -DPT_FUZZ=ON -DPT_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-fuzz -j2 --target $(printf 'fuzz_%s ' $targets)
work=build-fuzz/fuzz-work
for t in $targets; do
    mkdir -p "$work/corpus_$t" "$work/seed_$t"
    case $t in
    robots) python3 - "$work/seed_$t" <<'PY'
import sys
out = sys.argv[1]
def dec(s):
    b = bytearray(); i = 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n == 'x':
                b.append(int(s[i + 2:i + 4], 16)); i += 4; continue
            b += {'n': b'\n', 'r': b'\r', 't': b'\t', '\\': b'\\'}[n]; i += 2
            continue
        b += s[i].encode(); i += 1
    return bytes(b)
for line in open('tests/fixtures/robots/robots-cases.tsv', encoding='utf-8'):
    if line.startswith('#') or line.startswith('id\t'):
        continue
    f = line.rstrip('\n').split('\t')
    open(f'{out}/case{f[0]}', 'wb').write(dec(f[3]) + b'\n' + dec(f[5]) + b'\n' + dec(f[4]))
PY
        ;;
    feed) cp tests/fixtures/feed/* "$work/seed_$t/" ;;
    sources) cp tests/fixtures/sources/* data/sources.conf "$work/seed_$t/" ;;
    extract)
        # the fixture page, and small invented pages reaching the JSON-LD
        # body, hint classes, lists, tables and broken boundaries; the
        # first byte of an input picks the HTTP charset
        for f in tests/fixtures/extract/*.html; do
            { printf 'x'; cat "$f"; } > "$work/seed_$t/$(basename "$f")"
        done
        printf '%s' 'x<html><head><script type="application/ld+json">{"@type":"HowTo","description":"<p>A &amp; b&nbsp;c</p>","step":[{"@type":"HowToStep","name":"One","text":"<p>First</p><br>"},{"@type":"HowToSection","itemListElement":[{"text":"Two"}]}]}</script></head><body><div id="app">Loading</div></body></html>' > "$work/seed_$t/howto.html"
        printf '%s' 'x<html><body><nav><ul><li><a href="/">Home</a><div></nav><div class="faq"><div class="card"><div class="card-header"><h3>Question?</h3></div><div class="card-body"><p>An answer, with a comma, long enough to be a sentence of prose.</p></div></div></div><ul class="related-posts"><li>Teaser one, with an excerpt.</li></ul><table><tr><td>a</td><td><a href="/b">b</a></td></tr></table><footer><p>Footer prose that says who wrote it.</p></footer></body></html>' > "$work/seed_$t/boxes.html"
        ;;
    esac
    dict=
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=$PWD/tests/fuzz/$t.dict"
    [ "$t" = extract ] && dict="-dict=$PWD/tests/fuzz/html.dict"
    (cd "$work" && "../tests/fuzz/fuzz_$t" -jobs=1 -workers=1 $dict \
        -max_total_time="$secs" -print_final_stats=1 \
        -artifact_prefix="$PWD/crash_${t}_" "corpus_$t" "seed_$t" \
        >"run_$t.log" 2>&1 || true)
    echo "== fuzz_$t"
    grep -E "stat::number_of_executed_units|SUMMARY|Test unit written" \
        "$work/fuzz-0.log" || true
    mv "$work/fuzz-0.log" "$work/fuzz_$t.log"
done
