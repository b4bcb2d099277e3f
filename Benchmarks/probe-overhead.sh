#!/usr/bin/env bash
# Probes on vs off on the default suite (udacity preset, full Fashion-MNIST), measured side by
# side in one invocation: the two configurations alternate REPEATS times and the medians of
# wall time and CPU time (user + sys) are compared. Both write the full report, so the ratio
# is the cost of probes plus their charts. Not part of `make test`.
#
#   Benchmarks/probe-overhead.sh            # REPEATS=3 by default
#   REPEATS=5 Benchmarks/probe-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-3}
EVERY=${EVERY:-50}   # the probe cadence measured against "off"
OUT=Benchmarks/results/probe-overhead.md
swift build -c release --product initscope >/dev/null
bin=.build/release/initscope
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

TIMEFORMAT='%R %U %S'
for i in $(seq "$REPEATS"); do
  for mode in off on; do
    every=$([ "$mode" = off ] && echo 0 || echo "$EVERY")
    { time "$bin" run --probe-every "$every" --output "$work/$mode" >/dev/null 2>&1; } 2>>"$work/$mode.times"
    echo "repeat $i, probes $mode: $(tail -1 "$work/$mode.times")" >&2
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall_off=$(awk '{ print $1 }' "$work/off.times" | median)
wall_on=$(awk '{ print $1 }' "$work/on.times" | median)
cpu_off=$(awk '{ print $2 + $3 }' "$work/off.times" | median)
cpu_on=$(awk '{ print $2 + $3 }' "$work/on.times" | median)
size_off=$(stat -c %s "$work/off/report.html")
size_on=$(stat -c %s "$work/on/report.html")
metrics_on=$(stat -c %s "$work/on/metrics.json")

{
  echo "# Probe overhead — $(date -u +%Y-%m-%d)"
  echo
  echo "Default suite (udacity, full Fashion-MNIST, 12 runs, 2 at a time), probes every $EVERY steps"
  echo "vs off, $REPEATS alternating repeats, medians. Machine: $(nproc) cores,"
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}."
  echo
  echo "| | probes off | probes on | ratio |"
  echo "|---|---|---|---|"
  echo "| wall time (s) | $wall_off | $wall_on | $(awk -v a="$wall_on" -v b="$wall_off" 'BEGIN { printf "%.3f", a / b }') |"
  echo "| CPU time (s) | $cpu_off | $cpu_on | $(awk -v a="$cpu_on" -v b="$cpu_off" 'BEGIN { printf "%.3f", a / b }') |"
  echo "| report.html (bytes) | $size_off | $size_on | |"
  echo "| metrics.json (bytes) | | $metrics_on | |"
} | tee "$OUT"
