#!/usr/bin/env python3
"""The initscope seed comparison, re-done in plain PyTorch (reference numbers).

Trains the same MLP under each weight initializer and reports the test accuracy
and loss after every epoch, so the Swift tool's results and speed can be compared
with a PyTorch run on the same machine. Needs PyTorch; nothing in the Swift build
or tests does.

    /opt/torch-venv/bin/python Benchmarks/reference/torch_suite.py \
        --threads 2 --seed 0 --json Fixtures/reference/udacity_torch.json

Setup (as the Swift suite): Fashion-MNIST from
/usr/share/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz
(--data to change), pixels / 255 as float32, flattened to 784; MLP 784-256-128-10
(three nn.Linear, ReLU after the hidden ones, raw logits, F.cross_entropy mean);
biases zero, weights from the initializer; Adam lr 1e-3, betas (0.9, 0.999),
eps 1e-8; batch 128 with the last partial batch kept (60000 = 468*128 + 96);
training set reshuffled each epoch by a torch.Generator seeded with --seed (so
every initializer sees the same batch order); weights drawn after
torch.manual_seed(--seed) at the start of every run; test loss/accuracy on the
10000 test images after each epoch.

Initializers (weights only), by short name:
  zeros, ones, uniform(0,1), uniform(-1,1), uniform(-0.1,0.1),
  uniform(-0.01,0.01), uniform(-0.001,0.001),
  general_rule            U[-1/sqrt(fan_in), 1/sqrt(fan_in)]
  normal(0.1)             N(0, 0.1^2)
  truncated_normal(0.1)   N(0, 0.1^2) with draws beyond 2 sigma redrawn
                          (trunc_normal_(std=0.1, a=-0.2, b=0.2); torch's default
                          a/b are absolute +-2, hence explicit)
  xavier_uniform          torch.nn.init.xavier_uniform_
  he_normal               kaiming_normal_(mode='fan_in', nonlinearity='relu')

--inits takes a comma list; commas inside parentheses belong to the name.

JSON (--json): {"torch_version", "threads", "seed", "epochs", "batch_size", "lr",
"total_seconds", "runs": [{"name", "test_accuracy": [per epoch],
"test_loss": [per epoch], "train_loss": [mean batch loss per epoch],
"seconds" (init + training + evaluation), "batch_losses_first_100"}]}.
"total_seconds" is the whole wall time, data loading and an untimed warm-up of
--warmup batches on a throwaway model included.
"""
import argparse
import gzip
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"


def _uniform(lo, hi):
    return lambda w: nn.init.uniform_(w, lo, hi)


def _general_rule(w):
    bound = 1.0 / math.sqrt(w.shape[1])  # fan_in = in_features
    return nn.init.uniform_(w, -bound, bound)


INITS = {
    "zeros": nn.init.zeros_,
    "ones": nn.init.ones_,
    "uniform(0,1)": _uniform(0.0, 1.0),
    "uniform(-1,1)": _uniform(-1.0, 1.0),
    "uniform(-0.1,0.1)": _uniform(-0.1, 0.1),
    "uniform(-0.01,0.01)": _uniform(-0.01, 0.01),
    "uniform(-0.001,0.001)": _uniform(-0.001, 0.001),
    "general_rule": _general_rule,
    "normal(0.1)": lambda w: nn.init.normal_(w, 0.0, 0.1),
    "truncated_normal(0.1)": lambda w: nn.init.trunc_normal_(w, mean=0.0, std=0.1, a=-0.2, b=0.2),
    "xavier_uniform": nn.init.xavier_uniform_,
    "he_normal": lambda w: nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu"),
}


def split_names(text):
    """Split on commas outside parentheses: 'zeros,uniform(0,1)' -> 2 names."""
    names, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            names.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        names.append(cur.strip())
    return names


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = int.from_bytes(raw[0:4], "big")
    ndim = magic & 0xFF
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(folder, split):
    x = read_idx(os.path.join(folder, f"{split}-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(folder, f"{split}-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(x.reshape(x.shape[0], -1).astype(np.float32) / np.float32(255))
    return x, torch.from_numpy(y.astype(np.int64))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(784, 256)
        self.l2 = nn.Linear(256, 128)
        self.l3 = nn.Linear(128, 10)

    def forward(self, x):
        return self.l3(F.relu(self.l2(F.relu(self.l1(x)))))


@torch.no_grad()
def evaluate(model, x, y):
    logits = model(x)
    loss = F.cross_entropy(logits, y).item()
    acc = (logits.argmax(dim=1) == y).float().mean().item()
    return acc, loss


def run(name, data, args):
    xtr, ytr, xte, yte = data
    start = time.perf_counter()
    torch.manual_seed(args.seed)
    model = MLP()
    with torch.no_grad():
        for layer in (model.l1, model.l2, model.l3):
            INITS[name](layer.weight)
            layer.bias.zero_()
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    gen = torch.Generator().manual_seed(args.seed)
    n = xtr.shape[0]
    rec = {"name": name, "test_accuracy": [], "test_loss": [], "train_loss": [],
           "batch_losses_first_100": []}
    for _ in range(args.epochs):
        perm = torch.randperm(n, generator=gen)
        total, count = 0.0, 0
        for s in range(0, n, args.batch):
            idx = perm[s:s + args.batch]
            loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            value = loss.item()
            total += value
            count += 1
            if len(rec["batch_losses_first_100"]) < 100:
                rec["batch_losses_first_100"].append(value)
        acc, tl = evaluate(model, xte, yte)
        rec["test_accuracy"].append(acc)
        rec["test_loss"].append(tl)
        rec["train_loss"].append(total / count)
    rec["seconds"] = time.perf_counter() - start
    return rec


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--inits", default=",".join(INITS))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--data", default=DATA)
    p.add_argument("--warmup", type=int, default=20,
                   help="untimed training batches on a throwaway model before the runs")
    p.add_argument("--json", default=None)
    args = p.parse_args()

    names = split_names(args.inits)
    unknown = [n for n in names if n not in INITS]
    if unknown:
        p.error(f"unknown initializer(s) {unknown}; known: {', '.join(INITS)}")
    torch.set_num_threads(args.threads)

    wall = time.perf_counter()
    data = (*load(args.data, "train"), *load(args.data, "t10k"))
    load_s = time.perf_counter() - wall
    if args.warmup > 0:  # first-call costs (allocator, thread pool) out of run 1's time
        model = MLP()
        opt = torch.optim.Adam(model.parameters(), lr=args.lr)
        for i in range(args.warmup):
            s = (i * args.batch) % data[0].shape[0]
            loss = F.cross_entropy(model(data[0][s:s + args.batch]), data[1][s:s + args.batch])
            opt.zero_grad()
            loss.backward()
            opt.step()
        evaluate(model, data[2], data[3])
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"seed {args.seed}, {args.epochs} epochs, data loaded in {load_s:.1f}s")
    print(f"{'initializer':<24}{'test acc':>10}{'test loss':>12}{'seconds':>10}")
    runs = []
    for name in names:
        r = run(name, data, args)
        runs.append(r)
        print(f"{name:<24}{r['test_accuracy'][-1]:>10.4f}{r['test_loss'][-1]:>12.4f}"
              f"{r['seconds']:>10.2f}", flush=True)
    total = time.perf_counter() - wall
    print(f"total wall time {total:.1f}s (including data loading)")

    if args.json:
        doc = {"torch_version": torch.__version__, "threads": torch.get_num_threads(),
               "seed": args.seed, "epochs": args.epochs, "batch_size": args.batch,
               "lr": args.lr, "warmup_batches": args.warmup, "data_load_seconds": load_s, "total_seconds": total,
               "runs": runs}
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
        print("wrote", args.json)


if __name__ == "__main__":
    main()
