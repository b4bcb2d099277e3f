#!/usr/bin/env python3
"""PyTorch reference values for a tiny MLP, read by the Swift tests of initscope.

Regenerate (from the repository root; needs PyTorch, the Swift tests do not):

    /opt/torch-venv/bin/python Fixtures/reference/tiny_mlp.py

It writes Fixtures/reference/tiny_mlp.json next to this script. The output is
deterministic: every input (weights, biases, x) is drawn with numpy from a fixed
seed, rounded to float32 and stored in full in the JSON, so the Swift side reads
everything from the JSON and never reproduces a random number generator.

Network: 6-5-4-3 MLP, ReLU after each hidden layer, raw logits out (no softmax).
Loss: torch.nn.functional.cross_entropy(logits, labels) (mean over the batch).
All tensors are float32. Numbers are written as plain JSON floats via float(),
i.e. the exact float32 value printed as a double (round-trips to the same Float).

JSON keys:
  torch_version, numpy_version, numpy_seed  provenance (seed is informational: the
        first seed >= BASE_SEED for which every hidden unit is active for some
        example and inactive for another, with every |z| > 1e-3, so each ReLU
        branch is exercised and no pre-activation sits on the kink).
  architecture  [6, 5, 4, 3].
  layers  [{"weight": (out, in), "bias": (out)}, ...] initial parameters in
          PyTorch layout: row j holds unit j's incoming weights; z = x @ W^T + b.
          Weights uniform in [-0.8, 0.8], biases uniform in [-0.1, 0.1].
  x       4 rows of 6 inputs in [0, 1).
  labels  [0, 2, 1, 2].
  forward
    z       per layer (3 entries) the pre-activation matrix (4, out).
    a       per hidden layer (2 entries) relu(z), (4, out).
    logits  (4, 3), equal to the last z.
    loss    scalar mean cross-entropy.
  gradients  of `loss` w.r.t. the initial parameters:
    weight  per layer dL/dW, shape (out, in).
    bias    per layer dL/db, shape (out).
  adam  torch.optim.Adam(lr=0.01, betas=(0.9, 0.999), eps=1e-8), weight_decay 0,
        amsgrad off, started from `layers`; each step on the same batch:
        zero_grad, forward, loss, backward, step.
    lr, beta1, beta2, eps  the hyper-parameters.
    losses        [loss before step 1, before step 2, before step 3].
    after_step_1  layers-list (same structure as `layers`) after one step.
    after_step_3  layers-list after three steps.
  sgd   torch.optim.SGD(lr=0.1) (no momentum), one step from `layers`.
    lr, after_step_1.
  large_logits  numerically-stable softmax check (a naive exp overflows float32
        above ~88.7, so the row max must be subtracted).
    logits       3 x 4 matrix with entries up to +-90.
    labels       class index per row.
    loss         F.cross_entropy(logits, labels) (mean).
    grad_logits  dL/dlogits, (3, 4) = (softmax - onehot) / 3.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tiny_mlp.json")
SIZES = [6, 5, 4, 3]
BASE_SEED = 20240601
LABELS = [0, 2, 1, 2]


def fl(t):
    """Nested list of Python floats holding the exact float32 values."""
    a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    a = a.astype(np.float32)
    if a.ndim == 0:
        return float(a)
    return [fl(v) for v in a]


def draw(seed):
    rng = np.random.default_rng(seed)
    layers = []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        w = rng.uniform(-0.8, 0.8, size=(fan_out, fan_in)).astype(np.float32)
        b = rng.uniform(-0.1, 0.1, size=(fan_out,)).astype(np.float32)
        b[np.abs(b) < 0.005] = 0.005  # keep every bias clearly nonzero
        layers.append((w, b))
    x = rng.uniform(0.0, 1.0, size=(4, 6)).astype(np.float32)
    return layers, x


def params_of(layers):
    return [(torch.tensor(w, requires_grad=True), torch.tensor(b, requires_grad=True))
            for w, b in layers]


def forward(params, x):
    zs, acts = [], []
    a = x
    for i, (w, b) in enumerate(params):
        z = a @ w.T + b
        zs.append(z)
        if i < len(params) - 1:
            a = torch.relu(z)
            acts.append(a)
    return zs, acts, zs[-1]


def layers_json(params):
    return [{"weight": fl(w), "bias": fl(b)} for w, b in params]


def pattern_ok(layers, x, margin=1e-3):
    with torch.no_grad():
        zs, _, _ = forward(params_of(layers), torch.tensor(x))
    for z in zs[:-1]:
        if bool((z.abs() < margin).any()):
            return False
        pos = z > 0
        if not bool(pos.any(dim=0).all()) or bool(pos.all(dim=0).any()):
            return False
    return True


def pick():
    seed = BASE_SEED
    while True:
        layers, x = draw(seed)
        if pattern_ok(layers, x):
            return seed, layers, x
        seed += 1


def main():
    seed, layers, x_np = pick()
    x = torch.tensor(x_np)
    labels = torch.tensor(LABELS, dtype=torch.int64)

    params = params_of(layers)
    zs, acts, logits = forward(params, x)
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    doc = {
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "numpy_seed": seed,
        "architecture": SIZES,
        "layers": layers_json(params),
        "x": fl(x),
        "labels": LABELS,
        "forward": {"z": [fl(z) for z in zs], "a": [fl(a) for a in acts],
                    "logits": fl(logits), "loss": fl(loss)},
        "gradients": {"weight": [fl(w.grad) for w, _ in params],
                      "bias": [fl(b.grad) for _, b in params]},
    }

    # Adam: three steps on the same batch.
    params = params_of(layers)
    opt = torch.optim.Adam([p for pair in params for p in pair],
                           lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    adam = {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "losses": []}
    for step in range(1, 4):
        opt.zero_grad()
        l = F.cross_entropy(forward(params, x)[2], labels)
        adam["losses"].append(fl(l))
        l.backward()
        opt.step()
        if step in (1, 3):
            adam["after_step_%d" % step] = layers_json(params)
    doc["adam"] = adam

    # Plain SGD: one step.
    params = params_of(layers)
    opt = torch.optim.SGD([p for pair in params for p in pair], lr=0.1)
    opt.zero_grad()
    F.cross_entropy(forward(params, x)[2], labels).backward()
    opt.step()
    doc["sgd"] = {"lr": 0.1, "after_step_1": layers_json(params)}

    # Large logits.
    big = torch.tensor([[80.0, -80.0, 0.0, 1.0],
                        [-75.0, 79.0, 80.0, 0.0],
                        [0.0, 0.0, 0.0, 90.0]], requires_grad=True)
    big_labels = [0, 1, 3]
    big_loss = F.cross_entropy(big, torch.tensor(big_labels))
    big_loss.backward()
    assert torch.isfinite(big_loss)
    doc["large_logits"] = {"logits": fl(big), "labels": big_labels,
                           "loss": fl(big_loss), "grad_logits": fl(big.grad)}

    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", OUT)
    print("seed", seed, "loss", doc["forward"]["loss"], "adam losses", adam["losses"])
    print("large-logits loss", doc["large_logits"]["loss"])


if __name__ == "__main__":
    main()
