#!/usr/bin/env bash
# Probes on vs off on the default suite (udacity preset, full Fashion-MNIST), measured side by
# side in one invocation: "off" and each probe cadence alternate REPEATS times and the medians
# of wall time and CPU time (user + sys) are compared. Every configuration writes the full
# report, so a ratio is the cost of probes plus their charts. Not part of `make test`.
#
#   Benchmarks/probe-overhead.sh                       # REPEATS=3, CADENCES="50 100"
#   REPEATS=5 CADENCES="25 50 100" Benchmarks/probe-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-3}
CADENCES=${CADENCES:-"50 100"}
OUT=Benchmarks/results/probe-overhead.md
swift build -c release --product initscope >/dev/null
bin=.build/release/initscope
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

modes="off $CADENCES"
TIMEFORMAT='%R %U %S'
for i in $(seq "$REPEATS"); do
  for mode in $modes; do
    every=$([ "$mode" = off ] && echo 0 || echo "$mode")
    { time "$bin" run --probe-every "$every" --output "$work/$mode" >/dev/null 2>&1; } 2>>"$work/$mode.times"
    echo "repeat $i, probes $mode: $(tail -1 "$work/$mode.times")" >&2
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall() { awk '{ print $1 }' "$work/$1.times" | median; }
cpu() { awk '{ print $2 + $3 }' "$work/$1.times" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
wall_off=$(wall off); cpu_off=$(cpu off)

{
  echo "# Probe overhead — $(date -u +%Y-%m-%d)"
  echo
  echo "Default suite (udacity, full Fashion-MNIST, 12 runs, 2 at a time): probes off vs every N"
  echo "steps, $REPEATS alternating repeats, medians; every configuration writes the full report."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
  echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, BLAS kernel as reported in the report."
  echo
  echo "| probes | wall (s) | × off | CPU (s) | × off | report.html (bytes) | metrics.json (bytes) |"
  echo "|---|---|---|---|---|---|---|"
  for mode in $modes; do
    w=$(wall "$mode"); c=$(cpu "$mode")
    echo "| $mode | $w | $(ratio "$w" "$wall_off") | $c | $(ratio "$c" "$cpu_off") | $(stat -c %s "$work/$mode/report.html") | $(stat -c %s "$work/$mode/metrics.json") |"
  done
} | tee "$OUT"
