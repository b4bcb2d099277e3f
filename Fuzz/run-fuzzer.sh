#!/usr/bin/env bash
# Runs one libFuzzer driver built by `make fuzz-build`: Fuzz/run-fuzzer.sh TARGET SECONDS
# (TARGET: idx, gzip, csv, config). The working corpus grows in .fuzz/corpus/TARGET (never
# committed) from the curated seeds in Fixtures/fuzz/TARGET; a crash, hang, leak or oversized
# allocation is saved in .fuzz/artifacts/TARGET/ and fails the run. (Not under .build-fuzz:
# SwiftPM owns its scratch folder and empties .build-fuzz/artifacts on every build.) Copy such
# an input to Fixtures/fuzz/regressions/TARGET/ once it is fixed, so the ordinary test suite
# replays it (FuzzCorpusReplayTests). Extra libFuzzer flags may follow: -jobs=2, -runs=N, …
set -euo pipefail
target=${1:?usage: run-fuzzer.sh TARGET SECONDS [libFuzzer flags]}
seconds=${2:?usage: run-fuzzer.sh TARGET SECONDS [libFuzzer flags]}
shift 2
case $target in
  idx) driver=FuzzIDX ;;
  gzip) driver=FuzzGzip ;;
  csv) driver=FuzzCSV ;;
  config) driver=FuzzConfig ;;
  *) echo "run-fuzzer.sh: unknown target '$target'. Use one of: idx gzip csv config." >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/.build-fuzz
binary=$build/debug/$driver
[ -x "$binary" ] || { echo "run-fuzzer.sh: $binary is missing. Run make fuzz-build first." >&2; exit 2; }
work=$root/.fuzz
corpus=$work/corpus/$target
artifacts=$work/artifacts/$target
mkdir -p "$corpus" "$artifacts" "$work/logs"
log=$work/logs/$target.log
echo "fuzz $target for ${seconds}s: corpus $corpus, crashes → $artifacts/, log $log"
# -malloc_limit_mb: no input of at most -max_len bytes has a reason to allocate 512 MB, so a
# larger single allocation is a bug (a size field trusted over the bytes present).
# -timeout: one input taking 10 s in this debug ASan build is a hang.
# The Swift runtime's backtracer would catch the trap first (slowly, and ASan flags its memory
# reads); libFuzzer's own handler prints the stack and saves the input.
export SWIFT_BACKTRACE=enable=no
status=0
"$binary" -max_total_time="$seconds" -max_len=16384 -timeout=10 -malloc_limit_mb=512 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" "$corpus" "$root/Fixtures/fuzz/$target" \
  >"$log" 2>&1 || status=$?
grep -E '^(#[0-9]+\s+DONE|stat::|==[0-9]+==ERROR|SUMMARY|Fatal error|artifact_prefix|Test unit written)' "$log" || true
ls "$artifacts" | sed "s|^|artifact: $artifacts/|"
exit $status
