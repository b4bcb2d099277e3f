#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (`make fuzz`) into Fixtures/fuzz/<target>/.

Small valid and near-valid inputs, so libFuzzer starts from the formats' real structure:
IDX images and labels (raw and gzip, two real Fashion-MNIST images), gzip and zlib streams,
CSVs in the dialects the reader accepts, and the preset YAML configs. Python 3 standard
library only; byte-identical output (gzip mtime 0). Run from the repository root:

    python3 Fixtures/fuzz/make_seeds.py
"""
import gzip
import io
import os
import shutil
import struct
import zlib

ROOT = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(ROOT)


def gz(data: bytes, **header) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, **header) as f:
        f.write(data)
    return out.getvalue()


def write(target: str, name: str, data: bytes) -> None:
    folder = os.path.join(ROOT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def idx(magic: int, dims, payload: bytes) -> bytes:
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + payload


def idx_seeds() -> None:
    with gzip.open(os.path.join(FIXTURES, "fashion-mnist-subset", "t10k-images-idx3-ubyte.gz")) as f:
        f.read(16)
        two_images = f.read(2 * 28 * 28)
    images = idx(0x803, [2, 28, 28], two_images)
    labels = idx(0x801, [4], bytes([9, 2, 1, 1]))
    tiny = idx(0x803, [3, 2, 2], bytes(range(12)))
    write("idx", "images-2x28x28.idx", images)
    write("idx", "images-2x28x28.idx.gz", gz(images))
    write("idx", "labels-4.idx", labels)
    write("idx", "labels-4.idx.gz", gz(labels))
    write("idx", "images-3x2x2.idx", tiny)
    write("idx", "images-3x2x2.zlib", zlib.compress(tiny))
    write("idx", "images-empty.idx", idx(0x803, [0, 28, 28], b""))
    write("idx", "labels-out-of-range.idx", idx(0x801, [2], bytes([3, 200])))
    write("idx", "images-signed-type.idx", idx(0x903, [1, 2, 2], bytes(4)))
    write("idx", "images-truncated.idx", tiny[:-3])
    write("idx", "images-trailing.idx", tiny + b"\0\0")
    write("idx", "labels-two-members.idx.gz", gz(labels[:6]) + gz(labels[6:]))


def gzip_seeds() -> None:
    text = b"initscope " * 40 + bytes(range(256))
    write("gzip", "text.gz", gz(text))
    write("gzip", "text-named.gz", gz(text, filename="text.bin"))
    write("gzip", "empty.gz", gz(b""))
    write("gzip", "text.zlib", zlib.compress(text, 9))
    write("gzip", "stored.zlib", zlib.compress(b"abc", 0))
    write("gzip", "two-members.gz", gz(b"first ") + gz(b"second"))
    write("gzip", "truncated.gz", gz(text)[:-9])
    write("gzip", "trailing.gz", gz(text) + b"\0\0\0\0")
    write("gzip", "zeros.gz", gz(bytes(5000)))
    # FEXTRA, FNAME, FCOMMENT and FHCRC in one header, written by hand (Python's gzip has no API).
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = body.compress(b"header fields") + body.flush()
    header = bytes([0x1F, 0x8B, 8, 0x1E, 0, 0, 0, 0, 0, 3]) + b"\x04\x00ab12" + b"name\0" + b"comment\0"
    header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
    trailer = struct.pack("<II", zlib.crc32(b"header fields"), len(b"header fields"))
    write("gzip", "header-fields.gz", header + deflated + trailer)


def csv_seeds() -> None:
    # Byte 0 picks the reader's options (FuzzTarget.csv): header auto/on/off × label first/last/"label".
    auto_first, on_last, auto_named, off_first = b"\x00", b"\x04", b"\x06", b"\x02"
    with open(os.path.join(FIXTURES, "csv", "toy-names.csv"), "rb") as f:
        toy = f.read()
    with open(os.path.join(FIXTURES, "csv", "fashion-mnist-test.csv"), "rb") as f:
        fashion = b"".join(f.readlines()[:3])
    write("csv", "toy-names.csv", on_last + toy)
    write("csv", "fashion-3-rows.csv", auto_first + fashion)
    write("csv", "numbers.csv", off_first + b"0,1.5,-2e-3\n1,0.25,3E+2\n0,.5,7.\n")
    write("csv", "named-label.csv", auto_named + b"a,label,b\r\n1,cat,2\r\n3,dog,4\r\n")
    write("csv", "quoted.csv", auto_first + b'\xef\xbb\xbf"lab""el","x, y"\n"1"," 2.0 "\n0,"3"\n')
    write("csv", "ragged.csv", off_first + b"1,2,3\n0,1\n")
    write("csv", "specials.csv", off_first + b"1,nan\n0,-Infinity\n1,1e39\n")
    write("csv", "long-exponent.csv", off_first + b"1,1e-45\n0,123456789012345678901234e-30\n")
    write("csv", "unclosed-quote.csv", auto_first + b'a,b\n1,"2\n')


def config_seeds() -> None:
    configs = os.path.join(FIXTURES, "configs")
    for name in sorted(os.listdir(configs)):
        if name.endswith(".yaml"):
            shutil.copyfile(os.path.join(configs, name), os.path.join(ROOT, "config", name))
    write("config", "csv-source.yaml", b"""name: csv
data:
  source: csv
  train: data/train.csv
  test: data/test.csv
  label_column: species
  header: auto
  validation_split: 0.1
  standardize: true
network: {hidden_sizes: [8, 4], activation: leaky_relu(0.2), dropout: 0.1, bias_init: constant(0.01)}
training: {optimizer: momentum, learning_rate: 0.01, momentum: 0.9, batch_size: 16, epochs: 1, weight_decay: 0.0001}
seeds: [0, 1]
initializers: [he_normal, "uniform(-0.1,0.1)", lsuv]
variants: [{name: plain}, {name: bn, batch_norm: true}]
probes: {every: 5, batch_size: 32}
diagnostics: {expect_failure: [lsuv], thresholds: {dead-units.share: 0.3}}
""")
    write("config", "spirals.yaml", b"data: {source: spirals, train_examples: 200}\nseed: 3\ninitializers: [orthogonal]\n")
    write("config", "anchors.yaml", b"network: &n {hidden_sizes: [4]}\nvariants: [{name: a, <<: *n}]\ninitializers: [zeros]\n")
    write("config", "bad-syntax.yaml", b"initializers: [he_normal\ntraining: {epochs: two}\n")


if __name__ == "__main__":
    for target in ("idx", "gzip", "csv", "config"):
        shutil.rmtree(os.path.join(ROOT, target), ignore_errors=True)
        os.makedirs(os.path.join(ROOT, target))
    idx_seeds()
    gzip_seeds()
    csv_seeds()
    config_seeds()
