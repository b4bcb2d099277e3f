#!/usr/bin/env python3
"""Writes the Fashion-MNIST fixture subset the tests and the offline fallback train on.

Takes the first 2,000 training and the first 500 test examples from Debian's
dataset-fashion-mnist files, pixels and labels unchanged, and writes them as IDX .gz files
with the original headers (only the count changes). gzip's mtime is 0 and no file name is
stored, so rerunning produces byte-identical files.

Usage: python3 Fixtures/make_fashion_subset.py [SOURCE_DIR] [DEST_DIR]
  SOURCE_DIR  default /usr/share/datasets/fashion-mnist
  DEST_DIR    default Fixtures/fashion-mnist-subset next to this script
"""
import gzip
import os
import struct
import sys

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801
SPLITS = (("train", 2000), ("t10k", 500))


def read_idx(path, expected_magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    if magic != expected_magic:
        sys.exit(f"{path}: magic 0x{magic:08x}, expected 0x{expected_magic:08x}")
    ndims = magic & 0xFF
    dims = struct.unpack(f">{ndims}I", data[4:4 + 4 * ndims])
    return dims, data[4 + 4 * ndims:]


def write_idx(path, magic, dims, payload):
    header = struct.pack(f">I{len(dims)}I", magic, *dims)
    # GzipFile with filename="" and mtime=0 keeps the output independent of time and path.
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(header + payload)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    dest = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "fashion-mnist-subset")
    os.makedirs(dest, exist_ok=True)
    for split, count in SPLITS:
        images = f"{split}-images-idx3-ubyte.gz"
        labels = f"{split}-labels-idx1-ubyte.gz"
        (n, rows, cols), pixels = read_idx(os.path.join(source, images), IMAGES_MAGIC)
        (n_labels,), label_bytes = read_idx(os.path.join(source, labels), LABELS_MAGIC)
        if n != n_labels or n < count:
            sys.exit(f"{source}: {n} images, {n_labels} labels; need at least {count} of each")
        write_idx(os.path.join(dest, images), IMAGES_MAGIC, (count, rows, cols),
                  pixels[:count * rows * cols])
        write_idx(os.path.join(dest, labels), LABELS_MAGIC, (count,), label_bytes[:count])
        print(f"{split}: {count} of {n} examples ({rows}x{cols}) -> {dest}")


if __name__ == "__main__":
    main()
