#!/usr/bin/env bash
# run_fuzz.sh BINARY NAME BUILDDIR [SECONDS [LIBFUZZER-FLAG...]] -- runs one
# libFuzzer target.
#
# Runs BINARY for SECONDS of wall time (default $WN_FUZZ_SECONDS, else 60)
# on BUILDDIR/corpus/NAME, which make_corpus.py builds from ../shared first
# when it is missing.  New inputs the fuzzer finds go into that corpus (it
# is outside git and grows from run to run); a crashing input is written to
# BUILDDIR/crashes/NAME-<kind>-<sha1> and the exit status is non-zero.
# Extra flags go to the fuzzer (e.g. -fork=1 -ignore_crashes=1 to go on
# past a known crash in a long run).
# Needs WN_SOURCE_DIR (the checkout) and WN_SHARED_DIR (../shared).
set -euo pipefail
bin=$1 name=$2 build=$3 seconds=${4:-${WN_FUZZ_SECONDS:-60}}
shift $(($# < 4 ? $# : 4))
here=$(cd "$(dirname "$0")" && pwd)
src=${WN_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
shared=${WN_SHARED_DIR:-$src/../shared}
corpus=$build/corpus/$name
crashes=$build/crashes

if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
	/usr/bin/python3 "$here/make_corpus.py" "$name" "$corpus" --source "$src" --shared "$shared"
fi
mkdir -p "$crashes"

# -timeout: one input taking 30 s is a hang (the daemon must never stall);
# -rss_limit_mb: the fuzzer's own limit, well under the machine's memory;
# -max_len: big enough for real pages, small enough to mutate quickly.
args=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536
      -print_final_stats=1 -artifact_prefix="$crashes/$name-")
# The target's own dictionary, else the HTML one (pages are what most eat).
dict=$here/$name.dict
[ -f "$dict" ] || dict=$here/html.dict
args+=(-dict="$dict")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$bin" "${args[@]}" "$@" "$corpus"
