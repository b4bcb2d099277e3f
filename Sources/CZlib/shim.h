// System zlib through pkg-config `zlib`.
// Imported by exactly one Swift file: Sources/Datasets/Gzip.swift.
#include <zlib.h>
