#!/usr/bin/env python3
"""Writes the small CSV fixtures the CSV reader's tests read.

fashion-mnist-train.csv / fashion-mnist-test.csv: the first 20 training and the first 10 test
examples of the committed Fashion-MNIST subset (themselves the first examples of Fashion-MNIST),
in Kaggle's layout: a header `label,pixel1,...,pixel784`, then one row per image with the label
first and the 784 raw pixel bytes (0-255, not scaled). LF line ends, trailing newline.

Usage: python3 Fixtures/make_csv_fixtures.py   (reads Fixtures/fashion-mnist-subset next to it)
"""
import gzip
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SUBSET = os.path.join(HERE, "fashion-mnist-subset")
OUT = os.path.join(HERE, "csv")
SPLITS = (("train", "train", 20), ("t10k", "test", 10))


def payload(path, rank):
    with gzip.open(path, "rb") as f:
        data = f.read()
    return data[4 + 4 * rank:]


def main():
    os.makedirs(OUT, exist_ok=True)
    for stem, name, count in SPLITS:
        images = payload(os.path.join(SUBSET, f"{stem}-images-idx3-ubyte.gz"), 3)
        labels = payload(os.path.join(SUBSET, f"{stem}-labels-idx1-ubyte.gz"), 1)
        lines = ["label," + ",".join(f"pixel{i}" for i in range(1, 785))]
        for row in range(count):
            pixels = images[row * 784:(row + 1) * 784]
            lines.append(",".join([str(labels[row])] + [str(p) for p in pixels]))
        with open(os.path.join(OUT, f"fashion-mnist-{name}.csv"), "w", newline="\n") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
