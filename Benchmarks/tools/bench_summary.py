#!/usr/bin/env python3
"""Turns one `make bench` invocation's measurements into Benchmarks/results/latest.md.

    bench_summary.py WORK REPEATS THREADS PAIRS > latest.md

WORK holds, per configuration NAME (A, A0, B, Bplus) and repeat R, NAME.R.time (GNU time -v)
and NAME.R.out (the command's output); per back-to-back pair P, Apair.P and A0pair.P the same
way; sgemm-1.txt and sgemm-THREADS.N.txt (sgemm_peak, one per reading spread through the
invocation), and the last A run's output folder WORK/A (metrics.json, report.html).
"""
import glob
import json
import os
import platform
import re
import statistics
import sys
from datetime import datetime, timezone

NAMES = {"A": "A · initscope, probes + report", "A0": "A0 · initscope, no probes, no report",
         "B": "B · PyTorch, plain training", "Bplus": "B+ · PyTorch, hooks + matplotlib report"}


def time_v(path):
    """wall seconds, CPU seconds (user + sys), peak RSS in MB from a GNU time -v file."""
    text = open(path).read()
    clock = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text).group(1)
    wall = 0.0
    for part in clock.split(":"):
        wall = wall * 60 + float(part)
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return wall, user + system, rss / 1024


def sgemm(path):
    lines = open(path).read().split("\n")
    kernel = lines[0].split()[1]
    rates = {f[0]: float(f[4]) for f in (line.split() for line in lines[1:] if line.strip())}
    return kernel, rates


def training_flops(metrics):
    """FLOPs of the suite's training steps: forward, weight gradients, and input gradients for
    every layer but the first (the data needs none), 2 per multiply-add; evaluation excluded."""
    epochs = metrics["config"]["epochs"]
    examples = metrics["dataset"]["trainExamples"]
    total = 0
    for run in metrics["runs"]:
        sizes = run["layerSizes"]
        products = [a * b for a, b in zip(sizes, sizes[1:])]
        total += 2 * (2 * sum(products) + sum(products[1:])) * examples * epochs
    return total


def median(values):
    return statistics.median(values)


def overhead_target(m, pair_ratios):
    """The A vs A0 row: the median ratio of back-to-back pairs when there are any (each pair
    sees the same machine state; the shared machine's speed drifts by as much as the overhead
    between minutes), else the ratio of the repeats' medians."""
    if pair_ratios:
        overhead = median(pair_ratios) - 1
        what = f"A vs A0: cost of probes + report (median of {len(pair_ratios)} back-to-back pairs)"
    else:
        overhead = m["A"]["wall"] / m["A0"]["wall"] - 1
        what = "A vs A0: cost of probes + report"
    return (what, "≤ 10%", f"{overhead * 100:+.1f}%", overhead <= 0.10)


def pair_split(work, pair):
    """One pair taken apart: each side's training phase (the runner's own wall clock and the
    runs' summed seconds, from its metrics.json), CPU seconds, and A's report build time."""
    sides = {}
    for name in ("Apair", "A0pair"):
        metrics = json.load(open(os.path.join(work, f"{name}.{pair}", "metrics.json")))
        _, cpu, _ = time_v(os.path.join(work, f"{name}.{pair}.time"))
        sides[name] = {"training": metrics["wallSeconds"], "runs": metrics["sumOfRunSeconds"], "cpu": cpu}
    out = open(os.path.join(work, f"Apair.{pair}.out")).read()
    sides["report"] = float(re.search(r"built in ([\d.]+) s\)", out).group(1))
    return sides


def print_pair_split(work, pair_count):
    """Where each pair's difference is: the wall of a pair moves with the machine, the split
    says whether the training phase, the runs' own seconds or the report moved."""
    splits = [pair_split(work, p) for p in range(1, pair_count + 1)]

    def change(key):
        return [s["Apair"][key] / s["A0pair"][key] - 1 for s in splits]

    print("Inside the pairs (A vs A0): training phase wall (the runner's clock, from metrics.json) "
          + ", ".join(f"{c * 100:+.1f}%" for c in change("training"))
          + f", median {median(change('training')) * 100:+.1f}%; the runs' summed seconds "
          + f"median {median(change('runs')) * 100:+.1f}%; CPU seconds median {median(change('cpu')) * 100:+.1f}%; "
          + f"A's report built in median {median([s['report'] for s in splits]):.2f} s.")
    print()


def main():
    work, repeats, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pair_count = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    # Back-to-back A/A0 pairs: the overhead of probes + report is the median of their ratios.
    pairs = [(time_v(os.path.join(work, f"Apair.{p}.time"))[0], time_v(os.path.join(work, f"A0pair.{p}.time"))[0])
             for p in range(1, pair_count + 1)]
    pair_ratios = [a / a0 for a, a0 in pairs]
    m = {}
    for name in NAMES:
        samples = [time_v(os.path.join(work, f"{name}.{r}.time")) for r in range(1, repeats + 1)]
        m[name] = {"wall": median([s[0] for s in samples]), "cpu": median([s[1] for s in samples]),
                   "rss": max(s[2] for s in samples), "walls": [s[0] for s in samples]}
    out = {name: [open(os.path.join(work, f"{name}.{r}.out")).read() for r in range(1, repeats + 1)]
           for name in NAMES}
    report_build = median([float(re.search(r"built in ([\d.]+) s\)", o).group(1)) for o in out["A"]])
    torch_report_build = median([float(re.search(r"report built in ([\d.]+) s", o).group(1))
                                 for o in out["Bplus"]])
    report_size = os.path.getsize(os.path.join(work, "A", "report.html"))
    metrics = json.load(open(os.path.join(work, "A", "metrics.json")))
    flops = training_flops(metrics)
    kernel, one = sgemm(os.path.join(work, "sgemm-1.txt"))
    readings = [sgemm(path)[1] for path in sorted(glob.glob(os.path.join(work, f"sgemm-{threads}.*.txt")),
                                                  key=lambda p: int(p.rsplit(".", 2)[1]))]
    many = {shape: median([r[shape] for r in readings]) for shape in readings[0]}
    peak = many["square-1024"]
    torch_line = out["Bplus"][0].split("\n")[0]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())

    # Every A run is the same command, whether in the repeats or in a pair: the achieved rate
    # is taken on the median wall of all of them (likewise A0), beside the repeats' alone.
    every = {"A": m["A"]["walls"] + [a for a, _ in pairs], "A0": m["A0"]["walls"] + [a0 for _, a0 in pairs]}
    achieved = {name: flops / median(every[name]) / 1e9 for name in ("A", "A0")}
    achieved_repeats = {name: flops / m[name]["wall"] / 1e9 for name in ("A", "A0")}
    ratio = lambda a, b: m[b]["wall"] / m[a]["wall"]  # noqa: E731  how many times faster a is
    targets = [
        ("A vs B: initscope with probes and report vs plain PyTorch training", "≥ 2×",
         f"{ratio('A', 'B'):.2f}×", ratio("A", "B") >= 2),
        ("A vs B+: vs PyTorch making the comparable report", "≥ 6×",
         f"{ratio('A', 'Bplus'):.2f}×", ratio("A", "Bplus") >= 6),
        overhead_target(m, pair_ratios),
        (f"Training FLOPs / median wall of all {len(every['A'])} A runs, vs sgemm peak "
         f"({peak:.0f} GFLOP/s, {threads} threads, median of {len(readings)} readings)", "≥ 60%",
         f"{achieved['A']:.0f} GFLOP/s = {achieved['A'] / peak * 100:.0f}%", achieved["A"] >= 0.6 * peak),
        ("Peak RSS of A", "≤ 300 MB", f"{m['A']['rss']:.0f} MB", m["A"]["rss"] <= 300),
        ("report.html size", "≤ 4 MB", f"{report_size / 1e6:.2f} MB", report_size <= 4e6),
        ("report build time (charts + HTML)", "≤ 2 s", f"{report_build:.2f} s", report_build <= 2),
    ]

    print(f"# Benchmark: initscope vs PyTorch on the default suite — "
          f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
    print()
    print(f"Suite: udacity preset, full Fashion-MNIST ({metrics['dataset']['trainExamples']} train / "
          f"{metrics['dataset']['testExamples']} test), {len(metrics['runs'])} initializers, "
          f"{metrics['config']['epochs']} epochs, batch {metrics['config']['batchSize']}, Adam 1e-3; "
          f"{flops / 1e12:.3f} TFLOP of training. {repeats} alternating repeats (order rotated "
          f"each repeat), medians; peak RSS is the largest of the repeats.")
    print()
    print(f"Machine: {os.cpu_count()} cores, {cpu}, {platform.platform()}; "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}, OpenBLAS kernel "
          f"{kernel}; initscope {metrics['tool']['version'] if isinstance(metrics.get('tool'), dict) else metrics.get('tool')}"
          f" ({metrics['machine']['jobs']} runs at a time, {metrics['machine']['blasThreadsPerRun']} "
          f"BLAS thread per run); {torch_line}.")
    print()
    print("| configuration | wall (s) | each repeat (s) | CPU (s) | peak RSS (MB) |")
    print("|---|---|---|---|---|")
    for name, label in NAMES.items():
        walls = ", ".join(f"{w:.1f}" for w in m[name]["walls"])
        print(f"| {label} | {m[name]['wall']:.2f} | {walls} | {m[name]['cpu']:.1f} | {m[name]['rss']:.0f} |")
    print()
    print("| target | wanted | measured | met |")
    print("|---|---|---|---|")
    for what, wanted, measured, met in targets:
        print(f"| {what} | {wanted} | {measured} | {'yes' if met else '**no**'} |")
    print()
    if pairs:
        print(f"Back-to-back A/A0 pairs (s): " + ", ".join(f"{a:.1f}/{a0:.1f} ({(a / a0 - 1) * 100:+.1f}%)"
                                                        for a, a0 in pairs)
              + f"; median {(median(pair_ratios) - 1) * 100:+.1f}%. Over the alternating repeats above, the "
              f"ratio of the medians is {(m['A']['wall'] / m['A0']['wall'] - 1) * 100:+.1f}%.")
        print()
        print_pair_split(work, pair_count)
    print(f"Other figures: A0 achieves {achieved['A0']:.0f} GFLOP/s "
          f"({achieved['A0'] / peak * 100:.0f}% of the {threads}-thread peak) over all its "
          f"{len(every['A0'])} runs; on the repeats' medians alone A achieves "
          f"{achieved_repeats['A']:.0f} GFLOP/s ({achieved_repeats['A'] / peak * 100:.0f}%) and A0 "
          f"{achieved_repeats['A0']:.0f} ({achieved_repeats['A0'] / peak * 100:.0f}%). "
          f"PyTorch's own report took {torch_report_build:.1f} s to draw.")
    print()
    print(f"sgemm GFLOP/s, 1 thread: " + ", ".join(f"{k} {v:.0f}" for k, v in one.items())
          + f"; {threads} threads (median of {len(readings)} readings): "
          + ", ".join(f"{k} {v:.0f}" for k, v in many.items())
          + "; the square-1024 readings in order: "
          + ", ".join(f"{r['square-1024']:.0f}" for r in readings) + ".")


if __name__ == "__main__":
    main()
