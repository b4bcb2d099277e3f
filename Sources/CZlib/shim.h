// System zlib through pkg-config `zlib`.
// Imported by exactly one Swift file: Sources/Compression/Zlib.swift.
#include <zlib.h>
