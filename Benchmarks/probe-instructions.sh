#!/usr/bin/env bash
# Probe cost in instructions, which unlike seconds do not depend on what else the machine is
# doing: one he_normal run (1 epoch of full Fashion-MNIST) under callgrind with probes off and
# every 50 steps, each writing its report. Slow (valgrind: ~5 minutes); not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Benchmarks/results/probe-instructions.md
swift build -c release --product initscope >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for every in 0 50; do
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$every" .build/release/initscope run --inits he_normal \
    --jobs 1 --epochs 1 --probe-every "$every" --output "$work/out.$every" >/dev/null 2>&1 &
done
wait
total() { callgrind_annotate "$work/cg.$1" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'; }
inclusive() { callgrind_annotate --inclusive=yes "$work/cg.$1" | awk -v pat="$2" 'index($0, pat) { gsub(",", "", $1); print $1; exit }'; }
fit_off=$(inclusive 0 "Trainer.swift:\$s8Training7TrainerC3fit"); fit_on=$(inclusive 50 "Trainer.swift:\$s8Training7TrainerC3fit")
data_off=$(inclusive 0 "Zlib.swift:\$s11Compression4ZlibO7inflate"); data_on=$(inclusive 50 "Zlib.swift:\$s11Compression4ZlibO7inflate")
all_off=$(total 0); all_on=$(total 50)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
{
  echo "# Probe cost in instructions — $(date -u +%Y-%m-%d)"
  echo
  echo "One he_normal run, 1 epoch of full Fashion-MNIST, under callgrind; probes off vs every 50 steps."
  echo
  echo "| | probes off | probes every 50 | × off |"
  echo "|---|---|---|---|"
  echo "| training loop (Trainer.fit, probes included) | $fit_off | $fit_on | $(ratio "$fit_on" "$fit_off") |"
  echo "| whole run less data decoding (inflate) | $((all_off - data_off)) | $((all_on - data_on)) | $(ratio $((all_on - data_on)) $((all_off - data_off))) |"
  echo "| whole run | $all_off | $all_on | $(ratio "$all_on" "$all_off") |"
} | tee "$OUT"
