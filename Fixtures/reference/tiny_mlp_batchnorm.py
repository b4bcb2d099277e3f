#!/usr/bin/env python3
"""PyTorch reference values for the tiny MLP with BatchNorm, trained by SGD with Nesterov
momentum and weight decay; read by the Swift tests of initscope (NetworkTests).

Regenerate (from the repository root; needs PyTorch and numpy, the Swift tests do not):

    .build-venv/bin/python Fixtures/reference/tiny_mlp_batchnorm.py

It writes Fixtures/reference/tiny_mlp_batchnorm.json next to this script. It is a separate
file from tiny_mlp.py so that regenerating it leaves tiny_mlp.json's numbers untouched: it
reads that file's initial `layers` (6-5-4-3) and draws the rest with numpy from a fixed
seed, rounded to float32 and stored in full, so the Swift side never reproduces an RNG.

Network: Linear(6,5) -> BatchNorm1d(5) -> ReLU -> Linear(5,4) -> BatchNorm1d(4) -> ReLU
-> Linear(4,3), torch's defaults (eps 1e-5, momentum 0.1); gamma/beta start at drawn values
(gamma in [0.6, 1.5], beta in [-0.3, 0.3]), running mean 0 and variance 1.
Batch of 8 inputs in [0, 1), labels LABELS. Loss F.cross_entropy (mean).

JSON keys:
  torch_version, numpy_version, numpy_seed   provenance.
  layers        initial dense layers, as in tiny_mlp.json.
  batchnorm     per hidden layer {"gamma", "beta"} at the start.
  x, labels     the batch.
  training      one forward/backward in train() mode from the start:
    dense       per hidden layer, the Linear output u (8, out) before BatchNorm.
    z           per hidden layer, BatchNorm's output (the ReLU's input).
    logits, loss
    grad_weight, grad_bias   per layer.
    grad_gamma, grad_beta    per hidden layer.
    running_mean, running_var   per hidden layer after that one training forward.
  sgd           torch.optim.SGD(all parameters, lr, momentum, nesterov=True, weight_decay),
                three steps on the same batch in train() mode (zero_grad, forward, loss,
                backward, step):
    lr, momentum, weight_decay, losses (before each step),
    after_step_3: {"layers": [...], "batchnorm": [{"gamma", "beta", "running_mean",
                   "running_var"}, ...]}.
    eval_logits   model.eval() logits on x after the three steps (running statistics).
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tiny_mlp_batchnorm.json")
SEED = 20261129
LABELS = [0, 2, 1, 2, 1, 0, 0, 2]
LR, MOMENTUM, WEIGHT_DECAY = 0.05, 0.9, 0.01


def fl(t):
    """Nested list of Python floats holding the exact float32 values."""
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    a = a.astype(np.float32)
    if a.ndim == 0:
        return float(a)
    return [fl(v) for v in a]


def build(layers, norms):
    modules = []
    for i, layer in enumerate(layers):
        w = torch.tensor(np.array(layer["weight"], dtype=np.float32))
        lin = nn.Linear(w.shape[1], w.shape[0])
        with torch.no_grad():
            lin.weight.copy_(w)
            lin.bias.copy_(torch.tensor(np.array(layer["bias"], dtype=np.float32)))
        modules.append(lin)
        if i < len(layers) - 1:
            bn = nn.BatchNorm1d(w.shape[0])
            with torch.no_grad():
                bn.weight.copy_(torch.tensor(norms[i]["gamma"]))
                bn.bias.copy_(torch.tensor(norms[i]["beta"]))
            modules += [bn, nn.ReLU()]
    return nn.Sequential(*modules)


def linears(model):
    return [m for m in model if isinstance(m, nn.Linear)]


def norms_of(model):
    return [m for m in model if isinstance(m, nn.BatchNorm1d)]


def main():
    torch.set_num_threads(1)
    with open(os.path.join(HERE, "tiny_mlp.json")) as f:
        layers = json.load(f)["layers"]
    rng = np.random.default_rng(SEED)
    widths = [len(layer["weight"]) for layer in layers[:-1]]
    norms = [{"gamma": rng.uniform(0.6, 1.5, size=n).astype(np.float32),
              "beta": rng.uniform(-0.3, 0.3, size=n).astype(np.float32)} for n in widths]
    x_np = rng.uniform(0.0, 1.0, size=(8, 6)).astype(np.float32)
    x = torch.tensor(x_np)
    labels = torch.tensor(LABELS, dtype=torch.int64)

    model = build(layers, norms)
    model.train()
    captured = {"dense": [], "z": []}
    hooks = [m.register_forward_hook(lambda m, i, o: captured["dense"].append(o.detach()))
             for m in linears(model)[:-1]]
    hooks += [m.register_forward_hook(lambda m, i, o: captured["z"].append(o.detach()))
              for m in norms_of(model)]
    logits = model(x)
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    for h in hooks:
        h.remove()
    training = {
        "dense": [fl(u) for u in captured["dense"]], "z": [fl(z) for z in captured["z"]],
        "logits": fl(logits), "loss": fl(loss),
        "grad_weight": [fl(m.weight.grad) for m in linears(model)],
        "grad_bias": [fl(m.bias.grad) for m in linears(model)],
        "grad_gamma": [fl(m.weight.grad) for m in norms_of(model)],
        "grad_beta": [fl(m.bias.grad) for m in norms_of(model)],
        "running_mean": [fl(m.running_mean) for m in norms_of(model)],
        "running_var": [fl(m.running_var) for m in norms_of(model)],
    }

    model = build(layers, norms)
    model.train()
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, nesterov=True,
                          weight_decay=WEIGHT_DECAY)
    losses = []
    for _ in range(3):
        opt.zero_grad()
        l = F.cross_entropy(model(x), labels)
        losses.append(fl(l))
        l.backward()
        opt.step()
    after = {
        "layers": [{"weight": fl(m.weight), "bias": fl(m.bias)} for m in linears(model)],
        "batchnorm": [{"gamma": fl(m.weight), "beta": fl(m.bias), "running_mean": fl(m.running_mean),
                       "running_var": fl(m.running_var)} for m in norms_of(model)],
    }
    model.eval()
    with torch.no_grad():
        eval_logits = model(x)

    doc = {
        "torch_version": torch.__version__, "numpy_version": np.__version__, "numpy_seed": SEED,
        "layers": layers,
        "batchnorm": [{"gamma": fl(n["gamma"]), "beta": fl(n["beta"])} for n in norms],
        "x": fl(x), "labels": LABELS,
        "training": training,
        "sgd": {"lr": LR, "momentum": MOMENTUM, "weight_decay": WEIGHT_DECAY, "losses": losses,
                "after_step_3": after, "eval_logits": fl(eval_logits)},
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
    print("loss", training["loss"], "sgd losses", losses)


if __name__ == "__main__":
    main()
