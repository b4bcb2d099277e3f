#!/usr/bin/env python3
"""The initscope report the way a PyTorch user would build it by hand (benchmark B+).

Trains exactly what torch_suite.py trains (same data, MLP, Adam, batch order, initializers)
and adds what initscope's report needs, written the usual way:

  * forward hooks on every nn.Linear and backward hooks on every layer output: mean, std,
    zero fraction and L2 norm of the activations (after ReLU for hidden layers) and of the
    gradients reaching them, every step;
  * weight and weight-gradient statistics per layer every step;
  * torch.histc histograms (50 bins) of activations, gradients and weights every 50 steps;
  * after training, matplotlib PNGs (loss curves, test accuracy, per-run gradient norms,
    activation std, zero fraction, histogram grids) and one HTML page with the PNGs inlined
    as base64.

    .build-bench/venv/bin/python Benchmarks/reference/torch_report.py --threads 2 \\
        --output /tmp/torch-report

Prints the same per-run table as torch_suite.py, then "report built in S s (N PNGs, B bytes)".
"""
import argparse
import base64
import html
import io
import os
import sys
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_suite  # noqa: E402

HIST_EVERY = 50
BINS = 50


def tensor_stats(t):
    """mean, std, zero fraction, L2 norm of a tensor, as Python floats."""
    t = t.detach()
    return torch.stack([t.mean(), t.std(), (t == 0).float().mean(), t.norm()]).tolist()


def histogram(t):
    t = t.detach()
    lo, hi = t.min().item(), t.max().item()
    if hi <= lo:
        hi = lo + 1e-6
    return lo, hi, torch.histc(t, bins=BINS, min=lo, max=hi).tolist()


class Recorder:
    """Per-layer statistics of one training run, through module hooks."""

    def __init__(self, model):
        self.step = 0
        self.layers = [model.l1, model.l2, model.l3]
        self.activation = {i: [] for i in range(3)}   # per step: [mean, std, zero, l2]
        self.gradient = {i: [] for i in range(3)}
        self.weight = {i: [] for i in range(3)}
        self.weight_grad = {i: [] for i in range(3)}
        self.hists = []                                 # (step, kind, layer, lo, hi, counts)
        for i, layer in enumerate(self.layers):
            layer.register_forward_hook(self._forward_hook(i))

    def _forward_hook(self, i):
        def hook(module, inputs, output):
            if not module.training:
                return
            out = F.relu(output) if i < 2 else output
            self.activation[i].append(tensor_stats(out))
            if self.step % HIST_EVERY == 0:
                self.hists.append((self.step, "activation", i, *histogram(out)))
            output.register_hook(self._gradient_hook(i))
        return hook

    def _gradient_hook(self, i):
        def hook(grad):
            self.gradient[i].append(tensor_stats(grad))
            if self.step % HIST_EVERY == 0:
                self.hists.append((self.step, "gradient", i, *histogram(grad)))
        return hook

    def after_backward(self):
        for i, layer in enumerate(self.layers):
            self.weight[i].append(tensor_stats(layer.weight))
            self.weight_grad[i].append(tensor_stats(layer.weight.grad))
            if self.step % HIST_EVERY == 0:
                self.hists.append((self.step, "weight", i, *histogram(layer.weight)))
        self.step += 1


def run(name, data, args):
    """torch_suite.run with the recorder attached; returns (record, recorder)."""
    xtr, ytr, xte, yte = data
    start = time.perf_counter()
    torch.manual_seed(args.seed)
    model = torch_suite.MLP()
    with torch.no_grad():
        for layer in (model.l1, model.l2, model.l3):
            torch_suite.INITS[name](layer.weight)
            layer.bias.zero_()
    recorder = Recorder(model)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    gen = torch.Generator().manual_seed(args.seed)
    n = xtr.shape[0]
    rec = {"name": name, "test_accuracy": [], "test_loss": [], "batch_losses": []}
    for _ in range(args.epochs):
        model.train()
        perm = torch.randperm(n, generator=gen)
        for s in range(0, n, args.batch):
            idx = perm[s:s + args.batch]
            loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            recorder.after_backward()
            opt.step()
            rec["batch_losses"].append(loss.item())
        model.eval()
        acc, tl = torch_suite.evaluate(model, xte, yte)
        rec["test_accuracy"].append(acc)
        rec["test_loss"].append(tl)
    rec["seconds"] = time.perf_counter() - start
    return rec, recorder


def png(fig):
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def overview_figures(records):
    figures = []
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for r in records:
        ax.plot(r["batch_losses"][:100], label=r["name"], linewidth=1)
    ax.set(title="Training loss, first 100 batches", xlabel="batch", ylabel="loss")
    ax.legend(fontsize=6)
    figures.append(("Training loss, first 100 batches", png(fig)))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for r in records:
        ax.plot(r["batch_losses"], label=r["name"], linewidth=0.8)
    ax.set(title="Training loss, whole run", xlabel="batch", ylabel="loss", yscale="log")
    ax.legend(fontsize=6)
    figures.append(("Training loss, whole run", png(fig)))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.barh([r["name"] for r in records], [r["test_accuracy"][-1] for r in records])
    ax.set(title="Test accuracy after the last epoch", xlabel="accuracy")
    fig.tight_layout()
    figures.append(("Test accuracy", png(fig)))
    return figures


def run_figures(record, recorder):
    name, figures = record["name"], []
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(record["batch_losses"], linewidth=0.8)
    ax.set(title=f"{name}: training loss", xlabel="step", yscale="log")
    figures.append((f"{name} loss", png(fig)))
    for title, series, column in (("gradient L2 per layer", recorder.weight_grad, 3),
                                  ("activation std per layer", recorder.activation, 1),
                                  ("zero fraction of activations", recorder.activation, 2)):
        fig, ax = plt.subplots(figsize=(6, 3.5))
        for i in range(3):
            ax.plot([s[column] for s in series[i]], label=f"layer {i + 1}", linewidth=0.8)
        ax.set(title=f"{name}: {title}", xlabel="step")
        ax.legend(fontsize=7)
        figures.append((f"{name} {title}", png(fig)))
    for kind in ("activation", "gradient", "weight"):
        hists = [h for h in recorder.hists if h[1] == kind]
        steps = sorted({h[0] for h in hists})
        picked = [steps[0], steps[len(steps) // 2], steps[-1]] if steps else []
        fig, axes = plt.subplots(3, len(picked), figsize=(9, 6), squeeze=False)
        for row in range(3):
            for col, step in enumerate(picked):
                for (s, _, layer, lo, hi, counts) in hists:
                    if s == step and layer == row:
                        width = (hi - lo) / BINS
                        axes[row][col].bar([lo + width * k for k in range(BINS)], counts,
                                           width=width, align="edge")
                        axes[row][col].set_title(f"layer {row + 1}, step {step}", fontsize=7)
        fig.suptitle(f"{name}: {kind} histograms")
        fig.tight_layout()
        figures.append((f"{name} {kind} histograms", png(fig)))
    return figures


def write_html(path, records, figures):
    rows = "".join(f"<tr><td>{html.escape(r['name'])}</td><td>{r['test_accuracy'][-1]:.4f}</td>"
                   f"<td>{r['test_loss'][-1]:.4f}</td></tr>" for r in records)
    images = "".join(f"<figure><img alt=\"{html.escape(title)}\" src=\"data:image/png;base64,"
                     f"{base64.b64encode(data).decode()}\"><figcaption>{html.escape(title)}"
                     f"</figcaption></figure>" for title, data in figures)
    with open(path, "w") as f:
        f.write("<!doctype html><meta charset=utf-8><title>Initializer report (PyTorch)</title>"
                f"<table><tr><th>initializer</th><th>test acc</th><th>test loss</th></tr>{rows}"
                f"</table>{images}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--inits", default=",".join(torch_suite.INITS))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--data", default=torch_suite.DATA)
    p.add_argument("--output", default="torch-report", help="folder for report.html")
    args = p.parse_args()
    names = torch_suite.split_names(args.inits)
    unknown = [n for n in names if n not in torch_suite.INITS]
    if unknown:
        p.error(f"unknown initializer(s) {unknown}; known: {', '.join(torch_suite.INITS)}")
    torch.set_num_threads(args.threads)

    wall = time.perf_counter()
    data = (*torch_suite.load(args.data, "train"), *torch_suite.load(args.data, "t10k"))
    print(f"torch {torch.__version__}, matplotlib {matplotlib.__version__}, "
          f"{torch.get_num_threads()} threads, hooks on every layer")
    results = []
    for name in names:
        record, recorder = run(name, data, args)
        results.append((record, recorder))
        print(f"{name:<24}{record['test_accuracy'][-1]:>10.4f}{record['test_loss'][-1]:>12.4f}"
              f"{record['seconds']:>10.2f}", flush=True)
    report_start = time.perf_counter()
    records = [r for r, _ in results]
    figures = overview_figures(records)
    for record, recorder in results:
        figures += run_figures(record, recorder)
    os.makedirs(args.output, exist_ok=True)
    path = os.path.join(args.output, "report.html")
    write_html(path, records, figures)
    report_s = time.perf_counter() - report_start
    print(f"report built in {report_s:.2f} s ({len(figures)} PNGs, {os.path.getsize(path)} bytes)")
    print(f"total wall time {time.perf_counter() - wall:.1f}s (including data loading)")


if __name__ == "__main__":
    main()
