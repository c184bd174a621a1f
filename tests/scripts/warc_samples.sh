# warc_samples.sh -- sourced by the script tests: the WARC sample inputs.
# warc_samples SOURCE_DIR SHARED_DIR prints one path a line: the copies in
# tests/fixtures/warc, then, when ../shared is beside the clone, the samples
# of ../shared/eval/warc/samples that are not copied (their licence is not
# stated; see tests/fixtures/warc/SOURCES). Without ../shared it says on
# stderr what it leaves out.
warc_samples() {
    local src=$1 shared=$2 f
    for f in "$src"/tests/fixtures/warc/*.warc*; do
        printf '%s\n' "$f"
    done
    if [ -d "$shared/eval/warc/samples" ]; then
        for f in "$shared"/eval/warc/samples/*.warc*; do
            [ -e "$src/tests/fixtures/warc/${f##*/}" ] || printf '%s\n' "$f"
        done
    else
        echo "skipped: ../shared/eval/warc/samples not found ($shared):" \
             "the samples not copied into tests/fixtures/warc are left out" >&2
    fi
}
