#!/usr/bin/env bash
# `make bench`: initscope against PyTorch on the default suite, side by side in one invocation.
#
#   A   initscope run --preset udacity, probes every 50 steps, full report written
#   A0  the same with --probe-every 0 --no-report (pure training, metrics.json only)
#   B   Benchmarks/reference/torch_suite.py: the same experiment in PyTorch CPU, plain training
#   B+  Benchmarks/reference/torch_report.py: PyTorch with per-layer hooks, histograms,
#       matplotlib PNGs and an HTML page (what a user writes to get the report without us)
#
# The four alternate REPEATS times (the order rotates every repeat) and the medians of wall
# time, CPU time and peak RSS (/usr/bin/time -v) are compared in Benchmarks/results/latest.md,
# together with the sgemm peak of this machine measured in the same invocation (the median of
# readings spread through it), the achieved GFLOP/s over the suite's training FLOPs (on the
# median wall of every A run: the repeats' and the pairs'), the report's size and build time. Not part of
# `make test`: it takes about 25 minutes with REPEATS=3 and PAIRS=11 and needs a quiet machine.
#
#   make bench                       # REPEATS=3, then PAIRS=11 back-to-back A/A0 pairs
#   REPEATS=5 PAIRS=9 make bench
#   TORCH_SPEC='torch==2.15.0' make bench   # another PyTorch from PyPI
#   SMOKE=1 make bench               # 1 repeat of a 2-initializer, 1-epoch suite: checks the
#                                    # harness in a minute; writes Benchmarks/results/smoke.md
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-3}
PAIRS=${PAIRS:-11}
SUITE=()
RESULTS=Benchmarks/results/latest.md
if [ -n "${SMOKE:-}" ]; then
  REPEATS=1
  PAIRS=1
  SUITE=(--epochs 1 --inits zeros,he_normal)
  RESULTS=Benchmarks/results/smoke.md
fi
THREADS=${THREADS:-$(nproc)}
BENCH=.build-bench
VENV=$BENCH/venv

# --- tools: /usr/bin/time, a venv with CPU PyTorch + matplotlib, the release build, sgemm_peak
if [ ! -x /usr/bin/time ]; then
  make --no-print-directory install-missing PACKAGES=time
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import torch, matplotlib" 2>/dev/null; then
  echo "bench: installing PyTorch (CPU), numpy and matplotlib into $VENV" >&2
  python3 -m venv "$VENV"
  # The CPU build of torch when pip can find one (a local wheel folder or an index with
  # +cpu builds), else PyPI's default torch, which also runs on the CPU.
  "$VENV/bin/pip" install -q ${TORCH_SPEC:-"torch==2.13.0+cpu"} numpy matplotlib \
    || "$VENV/bin/pip" install -q torch numpy matplotlib
fi
swift build -c release --product initscope >/dev/null
bin=.build/release/initscope
cc -O2 -I/usr/include/x86_64-linux-gnu/openblas-pthread Benchmarks/tools/sgemm_peak.c \
  -lopenblas -o "$BENCH/sgemm_peak"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=$VENV/bin/python

echo "bench: sgemm peak, 1 and $THREADS thread(s)" >&2
"$BENCH/sgemm_peak" 1 > "$work/sgemm-1.txt"
# The peak moves with the minute as the suites do (112-136 GFLOP/s in one afternoon), so the
# THREADS-thread peak is measured again before every repeat and around the pairs (half a
# second each), and the summary compares against the median of these readings.
peaks=0
measure_peak() {
  "$BENCH/sgemm_peak" "$THREADS" > "$work/sgemm-$THREADS.$peaks.txt"
  peaks=$((peaks + 1))
}

# One measured command: NAME REPEAT CMD… → $work/NAME.REPEAT.{time,out}
measure() {
  local name=$1 repeat=$2
  shift 2
  /usr/bin/time -v -o "$work/$name.$repeat.time" "$@" > "$work/$name.$repeat.out" 2>&1 \
    || { echo "bench: $name failed; its output:" >&2; tail -20 "$work/$name.$repeat.out" >&2; exit 1; }
  echo "bench: repeat $repeat, $name: $(grep -m1 'Elapsed (wall' "$work/$name.$repeat.time" | awk '{print $NF}')" >&2
}
run_config() {
  local name=$1 repeat=$2
  case $name in
    A)  measure A "$repeat" "$bin" run --preset udacity --probe-every 50 "${SUITE[@]}" --output "$work/A" ;;
    A0) measure A0 "$repeat" "$bin" run --preset udacity --probe-every 0 --no-report "${SUITE[@]}" \
          --output "$work/A0" ;;
    # Each pair keeps its own output, so the summary can split its wall into training and report.
    Apair)  measure Apair "$repeat" "$bin" run --preset udacity --probe-every 50 "${SUITE[@]}" \
              --output "$work/Apair.$repeat" ;;
    A0pair) measure A0pair "$repeat" "$bin" run --preset udacity --probe-every 0 --no-report "${SUITE[@]}" \
              --output "$work/A0pair.$repeat" ;;
    B)  measure B "$repeat" "$python" Benchmarks/reference/torch_suite.py --threads "$THREADS" "${SUITE[@]}" ;;
    Bplus) measure Bplus "$repeat" "$python" Benchmarks/reference/torch_report.py \
             --threads "$THREADS" "${SUITE[@]}" --output "$work/Bplus" ;;
  esac
}

order=(A A0 B Bplus)
for repeat in $(seq "$REPEATS"); do
  measure_peak
  for name in "${order[@]}"; do run_config "$name" "$repeat"; done
  order=("${order[@]:1}" "${order[0]}")   # rotate, so no configuration always runs first
done

# A and A0 differ by about as much as this shared machine's speed drifts between minutes, so
# their ratio is also measured on PAIRS back-to-back pairs (first A, then A0 first, ...): each
# pair shares the machine's state of the moment, and the median pair ratio is the overhead.
for pair in $(seq "$PAIRS"); do
  if [ $((pair % 2)) -eq 1 ]; then first=Apair; second=A0pair; else first=A0pair; second=Apair; fi
  if [ $((pair % 4)) -eq 1 ]; then measure_peak; fi
  run_config "$first" "$pair"
  run_config "$second" "$pair"
done
measure_peak

"$python" Benchmarks/tools/bench_summary.py "$work" "$REPEATS" "$THREADS" "$PAIRS" > "$RESULTS"
cat "$RESULTS"
echo "bench: wrote $RESULTS" >&2
