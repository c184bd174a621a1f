#!/usr/bin/env bash
# ablate_stance.sh -- the stance engine's layers switched off in turn
# (PT_STANCE_OFF), scored on one part of labelled sets.
#
# usage: scripts/ablate_stance.sh BIN SCORE.py PART SET.jsonl:TOPIC ...
#   PART is tune or check. Prints one line per layer and set: macro-F1,
#   polar precision and recall.
set -euo pipefail
bin=$1 score=$2 part=$3
shift 3
for off in none lexicon composition linking abstention; do
    for set in "$@"; do
        data=${set%%:*} topic=${set#*:}
        line=$(PT_STANCE_OFF=$off python3 "$score" --bin "$bin" --topic "$topic" \
            --jobs 2 --part "$part" "$data" 2>&1 | grep SUMMARY)
        f1=$(sed -n 's/.*stance_macro_f1=\([0-9.]*\).*/\1/p' <<<"$line")
        pp=$(sed -n 's/.*polar_p=\([0-9.]*\).*/\1/p' <<<"$line")
        pr=$(sed -n 's/.*polar_r=\([0-9.]*\).*/\1/p' <<<"$line")
        printf '%-12s %-20s macro-F1 %s  polar_p %s  polar_r %s\n' "$off" \
            "$(basename "$data")" "$f1" "$pp" "$pr"
    done
done
